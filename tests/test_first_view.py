"""The server-rendered first view (orbitdc.app.first_view): the URL's headline written into the page.

Expected values come from the pipeline itself (:func:`orbitdc.evaluate` of the same scenario,
formatted as the page formats them) and from the Streamlit page run by AppTest on the same
URL: the first view must say exactly what the interactive page then says.  The reference
preset's orbital cost, 6.513 USD per million tokens, is the README's headline figure.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from orbitdc import evaluate, presets
from orbitdc.app import first_view
from orbitdc.app.formatting import fmt_ratio, fmt_usd
from orbitdc.app.verdict import FLEET, ORBITAL, TERRESTRIAL

APP = str(Path(__file__).resolve().parents[1] / "app.py")
INDEX = '<html><head><title>Streamlit</title></head><body><div id="root"></div></body></html>'


def _values(block: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(r'<div class="value">([^<]*)</div>', block)]


def test_default_url_shows_the_pipeline_result_of_the_reference_preset():
    title, block = first_view.render({})
    res = evaluate(presets.load(presets.DEFAULT))
    costs = [res.value(k, "USD") for k in (ORBITAL, TERRESTRIAL, FLEET)]
    assert abs(costs[0] - 6.513) < 0.0005  # README headline, to its printed 3 decimals
    vals = _values(block)
    assert vals[:3] == [f"{fmt_usd(c)} / M tokens" for c in costs]
    assert vals[0] == "$6.51 / M tokens"
    assert vals[3] == fmt_ratio(costs[0] / costs[1], "en")
    assert vals[4] == fmt_ratio(costs[0] / costs[2], "en")
    assert title == "What does an AI token cost in orbit?"
    assert f'id="{first_view.BLOCK_ID}" lang="en"' in block
    assert "<strong>Reference: 650 km dawn-dusk SSO" in block


def test_overrides_and_japanese_from_the_url():
    params = {"lang": ["ja"], "orbit.altitude": ["712"], "finance.wacc": ["7.5"]}
    title, block = first_view.render(params)
    scn = presets.load(presets.DEFAULT).with_overrides({"orbit.altitude": 712, "finance.wacc": 7.5})
    res = evaluate(scn)
    assert _values(block)[:3] == [fmt_usd(res.value(k, "USD")) for k in (ORBITAL, TERRESTRIAL, FLEET)]
    assert title == "軌道上のAIトークンはいくらか？"
    assert 'lang="ja"' in block and "変更あり" in block  # "modified" on the scenario line


@pytest.mark.parametrize(
    "params",
    [
        {"orbit.altitude": ["abc"]},
        {"no.such_field": ["1"]},
        {"preset": ["<script>alert(1)</script>"]},
        {"orbit.altitude": ["<script>alert(1)</script>"]},
    ],
)
def test_a_url_with_errors_gets_streamlits_page_which_explains_them(params):
    assert first_view.render(params) is None


def test_markdown_is_escaped_and_only_bold_kept():
    assert first_view._md("a **<b>&** c") == "a <strong>&lt;b&gt;&amp;</strong> c"


def test_page_puts_the_block_first_and_streamlits_style_sheet_after_it():
    index = (
        '<html><head><link rel="preload" href="./static/media/SourceSansVF-Upright.x.woff2" as="font">'
        '<title>Streamlit</title><script type="module" crossorigin src="./static/js/index.A.js"></script>'
        '<link rel="modulepreload" crossorigin href="./static/js/dep.B.js">'
        '<link rel="stylesheet" crossorigin href="./static/css/index.css">'
        '</head><body><div id="root"></div></body></html>'
    )
    out = first_view.page(index, "T & <x>", "<div id='b'></div>")
    assert "<title>T &amp; &lt;x&gt;</title>" in out
    head, body = out.split("</head>")
    # the style sheet and Streamlit's code would hold back the first paint: the code is added
    # by a script after it, the module first, then its preload
    assert "stylesheet" not in head and "index.A.js" not in head and "dep.B.js" not in head
    assert '[["./static/js/index.A.js", true], ["./static/js/dep.B.js", false]]' in body
    assert body.index("requestAnimationFrame") > body.index('id="root"')
    order = [body.index(x) for x in ("#odc-first {", "<div id='b'>", "MutationObserver", "index.css", 'id="root"')]
    assert order == sorted(order)
    assert 'url("./static/media/SourceSansVF-Upright.x.woff2")' in body and "font-display: swap" in body
    # without a font preload or a style sheet in the head, nothing is lost
    out = first_view.page(INDEX, "T", "<div id='b'></div>")
    assert "@font-face" not in out and "<div id='b'>" in out


# ------------------------------------------------------------------ the middleware


def _call(scope: dict) -> tuple[list, list]:
    """Run the middleware on ``scope``; returns (messages sent, scopes that reached the inner app)."""
    inner_calls, sent = [], []

    async def inner(scope, receive, send):
        inner_calls.append(scope)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"streamlit"})

    async def receive():  # pragma: no cover - GET without a body
        return {"type": "http.request", "body": b""}

    async def send(msg):
        sent.append(msg)

    asyncio.run(first_view.FirstView(inner)(scope, receive, send))
    return sent, inner_calls


def _scope(path="/", method="GET", query=b"", type_="http"):
    return {"type": type_, "method": method, "path": path, "query_string": query, "headers": []}


def test_middleware_answers_the_page_address_with_the_first_view(monkeypatch):
    monkeypatch.setattr(first_view, "_index_html", lambda: INDEX)
    sent, inner = _call(_scope(query=b"lang=ja&orbit.altitude=712"))
    assert not inner
    start, body = sent
    headers = dict(start["headers"])
    assert start["status"] == 200 and headers[b"cache-control"] == b"no-cache"
    assert int(headers[b"content-length"]) == len(body["body"])
    text = body["body"].decode()
    assert 'id="odc-first" lang="ja"' in text and '<div id="root">' in text


@pytest.mark.parametrize(
    "scope",
    [
        _scope(path="/_stcore/health"),
        _scope(path="/static/js/index.js"),
        _scope(method="HEAD"),
        _scope(method="POST"),
        _scope(type_="websocket"),
        _scope(query=b"orbit.altitude=abc"),
    ],
)
def test_everything_else_goes_to_streamlit_unchanged(monkeypatch, scope):
    monkeypatch.setattr(first_view, "_index_html", lambda: INDEX)
    sent, inner = _call(scope)
    assert inner == [scope] and sent[-1]["body"] == b"streamlit"


def test_a_slow_or_failing_first_view_never_delays_or_breaks_the_page(monkeypatch):
    monkeypatch.setattr(first_view, "_index_html", lambda: INDEX)

    def slow(params):
        time.sleep(0.3)
        return "t", "b"

    def broken(params):
        raise RuntimeError("boom")

    monkeypatch.setattr(first_view, "BUDGET", 0.05)
    monkeypatch.setattr(first_view, "render", slow)
    t0 = time.perf_counter()
    sent, inner = _call(_scope())
    assert inner and sent[-1]["body"] == b"streamlit"
    assert time.perf_counter() - t0 < 0.3 + 0.25  # served at the budget (the thread finishes on its own)
    monkeypatch.setattr(first_view, "render", broken)
    sent, inner = _call(_scope())
    assert inner and sent[-1]["body"] == b"streamlit"


# ------------------------------------------------------------------ the two views agree


@pytest.mark.parametrize("query", [{}, {"lang": "ja", "orbit.altitude": "712", "finance.wacc": "7.5"}])
def test_first_view_says_what_the_streamlit_page_then_says(query):
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    page_metrics = [m.value for m in at.metric]
    title, block = first_view.render({k: [v] for k, v in query.items()})
    assert _values(block) == page_metrics[: len(_values(block))]
    assert len(_values(block)) == 6  # three costs, two ratios, the deciding factor
    # the first view waits for this many of Streamlit's numbers before giving way
    assert len(page_metrics) >= first_view.HEADLINE_METRICS
    assert at.title[0].value == title
    sentence = re.search(r'<div class="box \w+">([^<]*)</div>', block).group(1)
    assert any(html.unescape(sentence) in a.value for a in [*at.warning, *at.info, *at.success])
    # the band: the three 90 % ranges and the chance that orbit is cheaper, as the page's captions say
    notes = [html.unescape(n) for n in re.findall(r'<div class="note pending">([^<]*)</div>', block)]
    captions = [c.value for c in at.caption]
    assert len(notes) == 3 and all(n in captions for n in notes), (notes, captions)
    prob = html.unescape(re.findall(r"<p>([^<]*<strong>[^<]*</strong>[^<]*<strong>.*?)</p>", block)[-1])
    assert re.sub(r"</?strong>", "**", prob) in [m.value for m in at.markdown]
    workload = html.unescape(re.findall(r'<p class="cap">([^<]*)</p>', block)[-1])
    assert workload in captions and "H100" in workload  # the workload line names the chip


def test_make_app_serves_with_the_settings_the_browser_test_and_benchmark_measure():
    """``make app`` and :func:`orbitdc.app.local_server.start` pass the same server flags
    (no file watcher: it made the first session's page 0.6-1.4 s slower, measured here)."""
    from orbitdc.app.local_server import SERVER_FLAGS

    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    recipe = re.search(r"^app: .*\n\t(.*)$", makefile, re.M).group(1)
    flags = list(zip(SERVER_FLAGS[::2], SERVER_FLAGS[1::2]))
    assert ("--server.fileWatcherType", "none") in flags
    for name, value in flags:
        assert f"{name} {value}" in recipe, (name, recipe)


@pytest.mark.parametrize("name", presets.names())
def test_every_preset_first_view_shows_its_pipeline_costs(name):
    """Each preset's link (``?preset=NAME``) gets its own three costs from the pipeline."""
    _title, block = first_view.render({"preset": [name]})
    res = evaluate(presets.load(name))
    expected = [fmt_usd(res.value(k, "USD")) for k in (ORBITAL, TERRESTRIAL, FLEET)]
    assert [v.replace(" / M tokens", "") for v in _values(block)[:3]] == expected
