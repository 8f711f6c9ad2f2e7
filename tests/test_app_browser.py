"""The calculator in a real browser: `streamlit run app.py` driven by Debian's chromium.

Starts the app on a free port of 127.0.0.1 with the venv's streamlit, opens it with the
``playwright`` package on ``/usr/bin/chromium`` (headless, no sandbox, no background
networking; nothing is downloaded), moves the altitude slider with the keyboard, checks that
the orbital cost per million tokens changes, switches to Japanese and saves screenshots in
``test-output/``.  CI installs chromium with apt-get (``.ci/run``); without it this test
fails on purpose rather than skipping.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 120_000  # the first script run imports the pipeline (itur data) on a shared machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    streamlit = Path(sys.executable).parent / "streamlit"
    OUT.mkdir(exist_ok=True)
    log = open(OUT / "streamlit-server.log", "w")
    proc = subprocess.Popen(
        [
            str(streamlit),
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("streamlit did not start (see test-output/streamlit-server.log)")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _settle(page) -> None:
    """Wait until the script run is over (Streamlit replaces stale elements progressively)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(600)


def _metric(page, i: int = 0) -> str:
    return page.locator('[data-testid="stMetricValue"]').nth(i).inner_text()


@pytest.mark.browser
def test_browser_slider_moves_headline_and_japanese(server):
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required: apt-get install -y chromium (.ci/run does this before make test)"
    )
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1700})
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(server + "/")
            page.wait_for_selector('[data-testid="stMetricValue"]')
            page.get_by_text("What does an AI token cost in orbit?").wait_for()
            _settle(page)
            before = _metric(page, 0)
            assert before.startswith("$") and "/ M tokens" in before, before
            page.screenshot(path=str(OUT / "app_en.png"))

            # open the first assumption group and push the altitude slider to its end with the keyboard
            page.locator('[data-testid="stExpander"] summary').filter(has_text="Orbit and power").click()
            thumb = page.locator('[data-testid="stSlider"]').filter(has_text="Altitude [km]").get_by_role("slider")
            thumb.wait_for()
            slider = page.locator('[data-testid="stSlider"]').filter(has_text="Altitude [km]")
            value = slider.locator('[data-testid="stSliderThumbValue"]')
            start = value.inner_text()
            thumb.focus()
            thumb.press("End")
            page.wait_for_function(
                "b => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
                " return e && e.innerText !== b; }",
                arg=before,
            )
            _settle(page)
            after = _metric(page, 0)
            assert after != before and after.startswith("$"), (before, after)
            assert value.inner_text() != start and value.inner_text().replace(",", "").startswith("2000"), (
                start,
                value.inner_text(),
            )
            page.wait_for_function("() => window.location.search.includes('orbit.altitude=')")
            assert "orbit.altitude=2000" in page.url
            page.screenshot(path=str(OUT / "app_en_slider_moved.png"))

            # a chart tab
            page.get_by_role("tab", name="Sensitivity").click()
            page.get_by_text("assumptions that move the orbital cost most").wait_for()
            _settle(page)
            page.screenshot(path=str(OUT / "app_en_sensitivity.png"))

            # switch to Japanese: labels, verdict and numbers keep the scenario
            page.get_by_text("日本語", exact=True).click()
            page.get_by_text("軌道上のAIトークンはいくらか？").wait_for()
            page.get_by_text("100万トークンあたり軌道上は").first.wait_for()
            _settle(page)
            assert _metric(page, 0).split()[0] == after.split()[0]
            assert "lang=ja" in page.url and "orbit.altitude=2000" in page.url
            page.screenshot(path=str(OUT / "app_ja.png"))
            page.get_by_role("tab", name="主張の検証").click()
            page.get_by_text("元記事の主張をモデルで検証").wait_for()
            _settle(page)
            page.screenshot(path=str(OUT / "app_ja_claims.png"))
        finally:
            browser.close()
    for name in ("app_en.png", "app_en_slider_moved.png", "app_ja.png", "app_ja_claims.png"):
        assert (OUT / name).stat().st_size > 10_000, name
