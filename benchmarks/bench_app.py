"""Benchmark of the Streamlit calculator: rerun after a slider move, and first render.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_app            # both figures
    .venv/bin/python -m benchmarks.bench_app --no-browser   # only the server-side rerun

Figures (default scenario, English, the "Summary" tab open as on arrival):

* **rerun after a slider move, server side** -- Streamlit's ``AppTest`` runs ``app.py`` in
  this process with the real script runner, session state, widget callbacks and caches (no
  browser, no websocket).  The altitude slider is moved to 20 new values (each a scenario
  never seen before, so ``evaluate()`` and the year of orbit geometry are really computed)
  and ``AppTest.run()`` is timed; median and 90th percentile.  Then the same for the WACC
  slider (finance only), for a move back to a value already seen (all cached) and for
  altitude moves while the "Cost charts" tab (two Plotly figures) is open.  Target: < 50 ms (issue 17).
* **first render after the server is up** -- ``streamlit run app.py`` is started, the time
  until ``/_stcore/health`` answers is reported separately, then Debian's chromium (driven
  by ``playwright``) opens the page; the clock starts at navigation and stops when the first
  headline cost is on screen (the server-rendered first view, :mod:`orbitdc.app.first_view`),
  and a second clock when Streamlit has drawn its own headline (inputs ready).  The first
  session pays the script's imports and the pipeline's first call (no itur load at the named
  sites since issue 17).  Then a scenario no earlier session has seen (from its URL), and the
  default page again in a new session.  Every load is a new browser context (empty cache).
  For scale, Streamlit's clock on a one-metric Streamlit page: the floor of any Streamlit
  page here.  Target: < 1 s (issue 17).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from orbitdc.app import local_server
from orbitdc.app.local_server import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"


def _report(name: str, value: float, unit: str, target: str = "") -> None:
    tgt = f"   (target {target})" if target else ""
    print(f"{name:<62} {value:>12.4g} {unit:<10}{tgt}", flush=True)


def _quiet_streamlit_logs() -> None:
    import logging

    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context"):
        logging.getLogger(name).setLevel(logging.ERROR)


def bench_rerun(moves: int = 20) -> dict:
    """Server-side rerun times after slider moves (AppTest, in process)."""
    _quiet_streamlit_logs()
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    from orbitdc.app.server import configure_process

    # as `make app` runs it (--browser.gatherUsageStats false): no per-command telemetry,
    # and the process settings the server makes at start
    config.set_option("browser.gatherUsageStats", False)
    configure_process()

    t0 = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=600)
    at.run()
    first = time.perf_counter() - t0
    assert not at.exception, at.exception
    _report("app: first script run in a fresh process (imports, itur)", first, "s")
    at.session_state["grp:orbit_power"] = True
    at.session_state["grp:finance"] = True
    at.run()

    def timed(key: str, value: float) -> float:
        w = at.slider(key=key)
        w.set_value(value)
        t = time.perf_counter()
        at.run()
        dt = time.perf_counter() - t
        assert not at.exception, at.exception
        return dt

    for v in (655.0, 660.0):  # warm-up: code paths, plotly templates
        timed("w:orbit.altitude", v)
    alt = [timed("w:orbit.altitude", 700.0 + 7.0 * i) for i in range(moves)]
    wacc = [timed("w:finance.wacc", 5.0 + 0.25 * i) for i in range(moves)]
    cached = [timed("w:orbit.altitude", 700.0 + 7.0 * (i % 3)) for i in range(moves)]
    from orbitdc.app import i18n

    at.session_state["tab_en"] = i18n.t("tab.costs", "en")  # two Plotly figures rebuilt per run
    at.run()
    charts = [timed("w:orbit.altitude", 1000.0 + 7.0 * i) for i in range(moves)]
    out = {}
    for name, xs in (
        ("altitude (new orbit each time)", alt),
        ("WACC (finance only)", wacc),
        ("back to a value already seen (cached)", cached),
        ("altitude, on the Cost charts tab", charts),
    ):
        med, p90 = statistics.median(xs), sorted(xs)[int(0.9 * (len(xs) - 1))]
        _report(f"app: rerun after slider move, {name}, median", med * 1e3, "ms", "< 50 ms")
        _report(f"app: rerun after slider move, {name}, p90", p90 * 1e3, "ms")
        out[name] = (med, p90)
    return out


#: A one-metric Streamlit page: the floor of any Streamlit app's first render on this machine.
BARE_PAGE = 'import streamlit as st\n\nst.metric("cost", "6.5 USD")\n'

#: A scenario no preset has (the first view must not depend on the default being warm).
OTHER_SCENARIO = "/?preset=dawn-dusk-650&orbit.altitude=712&finance.wacc=7.5"


#: The headline's first number on screen: the server-rendered first view
#: (orbitdc.app.first_view) or, on a page without it, Streamlit's own metric.
FIRST_NUMBER = "#odc-first .card .value, [data-testid='stMetricValue']"


def _first_views(script: Path | None, paths: list[tuple[str, str, int]]) -> dict:
    """Serve ``script`` (default ``app.py``); open each path ``repeats`` times, each in a new
    browser context, and report the median time until the headline's first number is on
    screen (the clock starts at navigation) and until Streamlit has drawn its own headline
    (the inputs are there: the page is interactive)."""
    from playwright.sync_api import sync_playwright

    t_start = time.perf_counter()
    proc, url = local_server.start(timeout=120.0, poll=0.05, script=script)
    out = {}
    try:
        up = time.perf_counter() - t_start
        if script is None:
            _report("app: streamlit server start until /_stcore/health answers", up, "s")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                for label, path, repeats in paths:
                    first, full = [], []
                    for _ in range(repeats):
                        ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
                        page = ctx.new_page()
                        page.set_default_timeout(180_000)
                        t = time.perf_counter()
                        page.goto(url + path, wait_until="commit")
                        page.wait_for_selector(FIRST_NUMBER)
                        first.append(time.perf_counter() - t)
                        page.wait_for_selector('[data-testid="stMetricValue"]')
                        full.append(time.perf_counter() - t)
                        ctx.close()
                    dt, dt_full = statistics.median(first), statistics.median(full)
                    if script is None:
                        _report(f"app: {label}: headline on screen", dt, "s", "< 1 s")
                        _report(f"app: {label}: Streamlit's page drawn (inputs ready)", dt_full, "s")
                    else:
                        _report(f"app: {label}", dt_full, "s")
                    out[label] = (dt, dt_full)
            finally:
                browser.close()
    finally:
        local_server.stop(proc)
    return out


def bench_first_render() -> dict:
    """Time from 'server up' to the first headline cost on screen in chromium.

    Each page load is a new browser context (empty cache: Streamlit's 2.7 MB of JavaScript is
    fetched and compiled again) and a new Streamlit session.  The same is measured for a
    one-metric Streamlit page, the floor no Streamlit app can go below on this machine.
    """
    if not Path(CHROMIUM).exists():
        print(f"app: first render not measured: {CHROMIUM} missing (apt-get install -y chromium)")
        return {}
    out = _first_views(
        None,
        [
            ("first render after the server is up (cold session)", "/", 1),
            ("page load in a new session, a scenario not seen before", OTHER_SCENARIO, 1),
            ("page load in a new session (warm server), median of 3", "/", 3),
        ],
    )
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_PAGE)
        out.update(_first_views(bare, [("a one-metric Streamlit page (floor), median of 3", "/", 3)]))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-browser", action="store_true", help="skip the first-render figure (needs chromium)")
    ap.add_argument("--moves", type=int, default=20, help="slider moves per figure")
    args, _ = ap.parse_known_args(argv)
    if not args.no_browser:
        bench_first_render()  # first: it needs a cold server process, independent of this one
    bench_rerun(args.moves)
    return 0


if __name__ == "__main__":
    sys.exit(main())
