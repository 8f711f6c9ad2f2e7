"""The calculator in a real browser: `streamlit run app.py` driven by Debian's chromium.

Starts the app on a free port of 127.0.0.1 with the venv's streamlit, opens it with the
``playwright`` package on ``/usr/bin/chromium`` (headless, no sandbox, no background
networking; nothing is downloaded), moves the altitude slider with the keyboard, checks that
the orbital cost per million tokens changes, switches to Japanese and saves screenshots in
``test-output/``.  CI installs chromium with apt-get (``.ci/run``); without it this test
fails on purpose rather than skipping.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from orbitdc.app import local_server
from orbitdc.app.local_server import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
TIMEOUT_MS = 120_000  # the first script run imports the pipeline (itur data) on a shared machine


@pytest.fixture(scope="module")
def server():
    OUT.mkdir(exist_ok=True)
    with open(OUT / "streamlit-server.log", "w") as log:
        proc, url = local_server.start(stderr=log, hint="(see test-output/streamlit-server.log)")
        try:
            yield url
        finally:
            local_server.stop(proc)


@pytest.fixture(scope="module")
def browser():
    """One chromium for the module (launched once: a browser start costs seconds on 2 cores)."""
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required: apt-get install -y chromium (.ci/run does this before make test)"
    )
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _settle(page) -> None:
    """Wait until the script run is over (Streamlit replaces stale elements progressively)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(600)


def _metric(page, i: int = 0) -> str:
    return page.locator('[data-testid="stMetricValue"]').nth(i).inner_text()


_OVERFLOW_JS = """() => {
  const w = window.innerWidth;
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 1) continue;
    // inside a box that scrolls or clips horizontally (a data grid, a scrollable table): within the edge
    let p = el.parentElement, clipped = false;
    while (p && p !== main) {
      const ox = getComputedStyle(p).overflowX;
      if ((ox === 'auto' || ox === 'scroll' || ox === 'hidden') && p.getBoundingClientRect().right <= w + 1) {
        clipped = true; break;
      }
      p = p.parentElement;
    }
    if (!clipped) wide.push((el.getAttribute('data-testid') || el.tagName) + ':' + Math.round(r.right));
  }
  return {doc: document.documentElement.scrollWidth, main: main.scrollWidth, inner: w, wide: wide.slice(0, 8)};
}"""

_TEXT_JS = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, t = n.textContent.trim();
    if (!t) continue;
    const el = n.parentElement;
    if (!el || el.closest('code, pre, script, style, noscript, [data-testid="stToolbar"], [data-testid="stStatusWidget"]')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.fontSize) === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;  // visually hidden (the skip link for screen readers)
    out.push(t);
  }
  return out;
}"""


def english_sentences(texts: list[str]) -> list[str]:
    """Runs of four or more English words left in ``texts`` (orbitdc.app.i18n.english_runs)."""
    from orbitdc.app.i18n import english_runs

    return [r for t in texts for r in english_runs(t)]


def test_english_detector_finds_a_sentence_and_spares_names():
    assert (
        english_sentences(["ファイルを選択", "Falcon 9 (booster reused)", "NVIDIA H100 SXM 上の Llama 3.3 70B"]) == []
    )
    assert english_sentences(["主張：The arithmetic is right and the assumed availability keeps most of it."])


def _open_view(page, group_label: str, view_label: str | None) -> None:
    page.get_by_role("tab", name=group_label, exact=True).click()
    _settle(page)
    if view_label:
        tabpanel = page.locator('[role="tabpanel"]:visible')
        radio = tabpanel.locator('[data-testid="stRadio"]').first.get_by_text(view_label, exact=True)
        radio.click()
        _settle(page)


def _check_page(page, lang: str, width: int, name: str, problems: list) -> None:
    page.wait_for_selector('[class*="st-key-headline_band"] [data-testid="stMetricValue"]')
    o = page.evaluate(_OVERFLOW_JS)
    if o["doc"] > o["inner"] or o["main"] > o["inner"] or o["wide"]:
        problems.append(f"{name}: wider than the screen {o}")
    if lang == "ja":
        eng = english_sentences(page.evaluate(_TEXT_JS))
        if eng:
            problems.append(f"{name}: English on the Japanese page: {eng[:6]}")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(1400, 900), (390, 844)], ids=["laptop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_view_fits_and_speaks_the_language(server, browser, lang, width, height):
    """Every view at a laptop's 1400 px and a phone's 390 px, in English and Japanese:
    nothing past the right edge, no English sentence on a Japanese page, the headline band present;
    at 390 px the sidebar starts collapsed."""
    from orbitdc.app import i18n
    from orbitdc.app.page import GROUPS

    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    try:
        page.goto(server + ("/?lang=ja" if lang == "ja" else "/"))
        page.wait_for_selector('[data-testid="stMetricValue"]')
        _settle(page)
        side = page.locator('section[data-testid="stSidebar"]')
        collapsed = side.get_attribute("data-collapsed")
        if width < 640:
            assert collapsed == "true", f"sidebar open on a {width} px screen"
        else:
            assert collapsed == "false"
            # every group tab is on screen at laptop width (no hidden overflow of the tab bar)
            for g in GROUPS:
                box = page.get_by_role("tab", name=i18n.t(f"group.view.{g}", lang), exact=True).bounding_box()
                assert box and box["x"] + box["width"] <= width, (g, box)
        tag = f"{'phone' if width < 640 else 'laptop'}_{lang}"
        _check_page(page, lang, width, f"views_{tag}_00_top", problems)
        for g, views in GROUPS.items():
            for i, v in enumerate(views):
                _open_view(page, i18n.t(f"group.view.{g}", lang), i18n.t(f"tab.{v}", lang) if i else None)
                page.locator('[role="tabpanel"]:visible').first.scroll_into_view_if_needed()
                _check_page(page, lang, width, f"views_{tag}_{g}_{v}", problems)
    finally:
        page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_browser_slider_moves_headline_and_japanese(server, browser):
    """Move the altitude slider, see the headline and its band change, switch to Japanese;
    every request of the page goes to the app's own server."""
    import json

    page = browser.new_page(viewport={"width": 1440, "height": 1700})
    page.set_default_timeout(TIMEOUT_MS)
    # nothing may be fetched from elsewhere (fonts, icons, scripts): the app works offline
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((server, "data:", "blob:")) else outside.append(r.url))
    try:
        t0 = time.perf_counter()
        page.goto(server + "/")
        page.wait_for_selector('[data-testid="stMetricValue"]')
        first_view = time.perf_counter() - t0
        page.get_by_text("What does an AI token cost in orbit?").wait_for()
        page.get_by_text(re.compile(r"median \$[0-9.]+, 90 % range")).first.wait_for()
        band = time.perf_counter() - t0
        _settle(page)
        before = _metric(page, 0)
        band_before = page.get_by_text(re.compile(r"median \$[0-9.]+, 90 % range")).first.inner_text()
        assert before.startswith("$") and "/ M tokens" in before, before
        # the server-rendered first view (orbitdc.app.first_view) said the same number, and
        # gave way to Streamlit's page once that drew its headline
        served = page.request.get(server + "/").text()
        assert 'id="odc-first"' in served and f'<div class="value">{before}</div>' in served
        page.wait_for_selector("#odc-first", state="detached")
        page.screenshot(path=str(OUT / "app_en.png"))

        # open the first assumption group and push the altitude slider to its end with the keyboard
        page.locator('[data-testid="stExpander"] summary').filter(has_text="Orbit and power").click()
        thumb = page.locator('[data-testid="stSlider"]').filter(has_text="Altitude [km]").get_by_role("slider")
        thumb.wait_for()
        slider = page.locator('[data-testid="stSlider"]').filter(has_text="Altitude [km]")
        value = slider.locator('[data-testid="stSliderThumbValue"]')
        start = value.inner_text()
        thumb.focus()
        t1 = time.perf_counter()
        thumb.press("End")
        page.wait_for_function(
            "b => { const e = document.querySelector('[data-testid=\"stMetricValue\"]');"
            " return e && e.innerText !== b; }",
            arg=before,
        )
        rerun = time.perf_counter() - t1
        page.wait_for_function(
            "b => { const c = Array.from(document.querySelectorAll('[data-testid=\"stCaptionContainer\"]'))"
            ".map(e => e.innerText); const m = c.filter(t => t.startsWith('median $'));"
            " return !c.some(t => t.includes('computing')) && m.length === 3 && m[0] !== b; }",
            arg=band_before,
        )
        rerun_band = time.perf_counter() - t1
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
        (OUT / "timings.json").write_text(
            json.dumps(
                {"first_view_s": first_view, "band_s": band, "rerun_s": rerun, "rerun_band_s": rerun_band}, indent=1
            )
        )

        # a view in a group
        _open_view(page, "What decides it", "Sensitivity")
        page.get_by_text("assumptions that move the orbital").wait_for()
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
        _open_view(page, "年次と主張", "主張の検証")
        page.get_by_text("元記事の主張をモデルで検証").wait_for()
        _settle(page)
        page.screenshot(path=str(OUT / "app_ja_claims.png"))
    finally:
        page.close()
    assert not outside, f"the page fetched from outside the server: {outside[:5]}"
    for name in ("app_en.png", "app_en_slider_moved.png", "app_ja.png", "app_ja_claims.png"):
        assert (OUT / name).stat().st_size > 10_000, name
