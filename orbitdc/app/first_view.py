"""The server-rendered first view: the URL's headline in the page itself, before Streamlit's code runs.

A Streamlit page is an empty shell (``<div id="root"></div>``) until the browser has loaded and
run about 2.7 MB of JavaScript, opened the session's websocket and drawn what the script sends:
1.1-1.5 s on a two-core machine for a page with a single number, about 2 s for the calculator.
:class:`FirstView` answers the request for the page's address itself: Streamlit's own
``index.html`` with the top of the page written into it as HTML -- title, scenario line,
verdict, the three costs per million tokens with their 90 % ranges, the two ratios, what
decides the orbital cost, the chance that orbit is cheaper and the workload -- for the
scenario the URL's query parameters describe.  The numbers come from the pipeline through the
same functions the Streamlit page calls (:mod:`orbitdc.app.cached`,
:func:`orbitdc.app.headline.headline_view`, :func:`orbitdc.app.headline.band_texts`), so the
two views agree, and the Streamlit page's cache then already holds this visitor's results.
Nothing is computed ahead of the request.

A small script removes the block once Streamlit has drawn :data:`HEADLINE_METRICS` of its
headline numbers (or 1.5 s after the first), at once on an error or a dialog (a lost
connection; a CSS ``:has()`` rule also hides it then), and after 20 s whatever happened.
While it is shown the inputs are not there yet; its sidebar says that they are loading.  When
the computation cannot finish within :data:`BUDGET` (the first call for a custom ground site
loads the ITU-R maps), or fails, or the URL has errors, Streamlit's page is served unchanged.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

log = logging.getLogger("orbitdc.app")

__all__ = ["FirstView", "render", "page", "BUDGET", "HEADLINE_METRICS"]

BUDGET = 0.5
"""Longest wait [s] for the first view's numbers before Streamlit's page is served without them."""

#: Marks the injected block (tests and the benchmark look for it).
BLOCK_ID = "odc-first"

#: An error (a failed script) or a dialog (a lost connection): the first view gives way at once.
_FAILED = '[data-testid="stAlertContentError"],[data-testid="stException"],[role="dialog"]'
#: Streamlit's headline numbers: the first view gives way when :data:`HEADLINE_METRICS` of them
#: are drawn, or 1.5 s after the first one (Streamlit draws its elements as their code arrives:
#: giving way on the verdict's box, or on the first number, showed empty placeholders where
#: the numbers had been for about half a second, on a phone two of the three costs).  After
#: 20 s it goes whatever happened.  A CSS rule hides it at once on a failure; the script
#: removes it from the document (no second copy of the texts).
HEADLINE_METRICS = 5
_CSS = """<style>
#odc-first { position: fixed; inset: 0; z-index: 1000000; overflow: auto; background: #fff; color: #31333f;
  font-family: "odc-first-sans", "Source Sans", "Source Sans Pro", "Source Sans 3", -apple-system, "Segoe UI", "Hiragino Sans",
  "Noto Sans CJK JP", sans-serif; font-size: 1rem; line-height: 1.6;
  animation: odc-out 0s linear 20s forwards; }
@keyframes odc-out { to { visibility: hidden; pointer-events: none; } }
body:has(:is(@FAILED@)) #odc-first { display: none; }
#odc-first aside { position: fixed; top: 0; bottom: 0; left: 0; width: 400px; box-sizing: border-box;
  background: #f0f2f6; padding: 6rem 2rem; color: #808495; font-size: 0.9rem; }
#odc-first main { margin-left: 400px; padding: 6rem 5rem 4rem; box-sizing: border-box; }
#odc-first h1 { font-size: 2.75rem; font-weight: 700; line-height: 1.2; margin: 0 0 1rem; padding: 1.25rem 0 0; }
#odc-first .cap { color: rgba(49, 51, 63, 0.6); font-size: 0.875rem; margin: 0 0 1rem; }
#odc-first p { margin: 0 0 1rem; }
#odc-first .box { border-radius: 0.5rem; padding: 1rem; margin: 0 0 1rem; font-weight: 600; }
#odc-first .lose { background: rgba(255, 227, 18, 0.1); color: #926c05; }
#odc-first .mixed { background: rgba(28, 131, 225, 0.1); color: #004280; }
#odc-first .win { background: rgba(33, 195, 84, 0.1); color: #177233; }
#odc-first .row { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; margin: 0 0 1rem; }
#odc-first .card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; }
#odc-first .plain { padding: 0 0 1rem; }
#odc-first .pending { padding: 1rem 0 0; }
#odc-first .label { font-size: 0.875rem; }
#odc-first .value, #odc-first .label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#odc-first .value { font-size: 1.9rem; line-height: 1.4; }
#odc-first .note { color: rgba(49, 51, 63, 0.6); font-size: 0.875rem; }
@media (max-width: 899px) { #odc-first aside { width: 300px; } #odc-first main { margin-left: 300px; } }
@media (max-width: 859px) { #odc-first main { padding: 6rem 1rem 4rem; } }
@media (max-width: 767px) { #odc-first aside { display: none; } #odc-first main { margin-left: 0; } }
@media (max-width: 639px) {
  #odc-first main { padding: 3rem 0.75rem 2rem; }
  #odc-first h1 { font-size: 1.6rem; }
  #odc-first .row { grid-template-columns: minmax(0, 1fr); }
  #odc-first .value { font-size: 1.4rem; }
}
</style>""".replace("@FAILED@", _FAILED)

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _md(text: str) -> str:
    """HTML of a line of the page's Markdown: escaped, ``**bold**`` kept (the only markup used)."""
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def render(params: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first view of the scenario in ``params``: ``(page title, HTML block)``.

    Parameters
    ----------
    params : mapping
        The URL's query parameters (``{name: [values]}`` or ``{name: value}``), read as
        :func:`orbitdc.app.url_state.decode_query` reads them for the Streamlit page.

    Returns
    -------
    tuple of str, or None
        None when the URL has errors (the Streamlit page explains them) or the scenario
        does not evaluate (the page shows the message next to the input).
    """
    from ..errors import ScenarioError
    from . import cached, i18n
    from .formatting import set_currency
    from .headline import band_texts, headline_view
    from .state import n_changed
    from .url_state import decode_query, preset_scenario, scenario_overrides, scenario_values
    from .verdict import workload_line

    qs = decode_query(params)
    if qs.errors:
        return None
    lang, preset = qs.lang, qs.preset
    base = preset_scenario(preset)
    ov = tuple(sorted(scenario_overrides(scenario_values(qs.scenario), base).items()))
    set_currency("USD")  # a new session starts in dollars (the currency is not in the URL)
    try:
        result = cached.result_of(preset, ov)
    except ScenarioError:
        return None
    try:
        _parts, deciding = cached.breakdown(preset, ov)
    except Exception:  # noqa: BLE001 - as the page: a failed breakdown leaves the rest
        deciding = None
    v = headline_view(result, lang, preset, n_changed(ov, base), deciding)
    try:
        ranges, prob = band_texts(cached.uncertainty(preset, ov), lang)
    except Exception:  # noqa: BLE001 - as the page: the band says "computing" and Streamlit retries
        ranges, prob = {}, ""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    e = lambda s: html.escape(s, quote=False)  # noqa: E731
    pending = t("band.pending")
    cards = "".join(
        f'<div><div class="card"><div class="label">{e(label)}</div><div class="value">{e(value)}</div></div>'
        f'<div class="note pending">{e(ranges.get(arch, pending))}</div></div>'
        for arch, label, value, _help in v["metrics"]
    )
    plain = [(label, value, "") for label, value, _help in v["ratios"]]
    if v["deciding"] is not None:
        label, value, _help, extra = v["deciding"]
        plain.append((label, value, extra))
    ratios = "".join(
        f'<div class="plain"><div class="label">{e(label)}</div><div class="value">{e(value)}</div>'
        + (f'<div class="note">{e(extra)}</div>' if extra else "")
        + "</div>"
        for label, value, extra in plain
    )
    wl = workload_line(qs.scenario, result, lang)
    heading = f"<p><strong>{e(v['heading'])}</strong></p>" if v["heading"] else ""
    block = (
        f'<div id="{BLOCK_ID}" lang="{lang}">'
        f"<aside>{e(t('first.loading'))}</aside>"
        "<main>"
        f"<h1>{e(v['title'])}</h1>"
        f'<p class="cap">{e(v["subtitle"])}</p>'
        f"<p>{_md(v['scenario'])}</p>"
        f'<div class="box {e(v["level"])}">{e(v["sentence"])}</div>'
        f"{heading}"
        f'<div class="row">{cards}</div>'
        f'<div class="row">{ratios}</div>'
        + (f"<p>{_md(prob)}</p>" if prob else "")
        + (f'<p class="cap">{e(wl)}</p>' if wl else "")
        + "</main></div>"
    )
    return v["title"], block


_SCRIPT = (
    (
        "<script>(function(){var d=document,f='@FAILED@',m='[data-testid=stMetricValue]',late=0;"
        "function gone(){var b=d.getElementById('@ID@');if(b){b.remove();}o.disconnect();}"
        "function check(){if(d.querySelector(f)){return gone();}var n=d.querySelectorAll(m).length;"
        "if(n>=@N@){return gone();}if(n&&!late){late=setTimeout(gone,1500);}}"
        "var o=new MutationObserver(check);"
        "o.observe(d.documentElement,{childList:true,subtree:true});setTimeout(gone,20000);})();</script>"
    )
    .replace("@FAILED@", _FAILED)
    .replace("@ID@", BLOCK_ID)
    .replace("@N@", str(HEADLINE_METRICS))
)


_STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*>')
_FONT = re.compile(r'<link\s+rel="preload"\s+href="(\./static/media/SourceSans[^"]+\.woff2)"')


def page(index_html: str, title: str, block: str) -> str:
    """Streamlit's ``index.html`` with the first view in it.

    The block and its style come first in the body; Streamlit's style sheet moves from the
    head to just after them.  A style sheet in the head holds back the first paint of the
    whole page until it has arrived, and it is requested together with some sixty scripts
    from the same server; after the block it holds back only what follows.  The block's
    font is the one Streamlit preloads, declared with ``font-display: swap`` (text is never
    invisible while it loads).  Streamlit's main module and its ~60 preloads move from the
    head to a small script that adds them once the first frame is painted: on two cores,
    fetching and compiling 2.7 MB of JavaScript while the server sends it delayed the first
    paint (headline on screen, median of 18 loads in alternating server starts: 0.38-0.42 s
    against 0.54-0.60 s; Streamlit's own page 2.31-2.33 s against 2.25-2.42 s).
    """
    out = index_html.replace("<title>Streamlit</title>", f"<title>{html.escape(title)}</title>", 1)
    font = _FONT.search(out)
    face = (
        '<style>@font-face { font-family: "odc-first-sans"; font-weight: 200 900; font-display: swap;'
        f' src: url("{font.group(1)}") format("woff2"); }}</style>'
        if font
        else ""
    )
    sheets = _STYLESHEET.findall(out.split("</head>", 1)[0])
    head, sep, body = out.partition("</head>")
    for sheet in sheets:
        head = head.replace(sheet, "", 1)
    body = body.replace("<body>", "<body>" + face + _CSS + block + _SCRIPT + "".join(sheets), 1)
    code = _MODULES.findall(head)
    if code:  # Streamlit's code starts after the first paint
        for tag in code:
            head = head.replace(tag, "", 1)
        # [[url, is the module itself]], the module first (its preloads only speed it up)
        srcs = sorted(([_SRC.search(t).group(1), t.startswith("<script")] for t in code), key=lambda x: not x[1])
        body = body.replace("</body>", _STARTER.replace("@SRCS@", json.dumps(srcs)) + "</body>", 1)
    return head + sep + body


#: Adds Streamlit's main module and its preloads to the head after the first frame is painted
#: (at the latest 150 ms after the page is parsed, also in a background tab).
_STARTER = (
    "<script>(function(){var done=0,l=@SRCS@;"
    "function go(){if(done)return;done=1;l.forEach(function(x){var e;"
    "if(x[1]){e=document.createElement('script');e.type='module';e.src=x[0];}"
    "else{e=document.createElement('link');e.rel='modulepreload';e.href=x[0];}"
    "e.crossOrigin='';document.head.appendChild(e);});}"
    "requestAnimationFrame(function(){setTimeout(go,0);});setTimeout(go,150);})();</script>"
)
_MODULES = re.compile(r'<script type="module"[^>]*></script>|<link rel="modulepreload"[^>]*>')
_SRC = re.compile(r'(?:src|href)="([^"]+)"')


def _index_html() -> str:
    """Streamlit's ``index.html`` (read once)."""
    if "index" not in _INDEX:
        from streamlit import file_util

        _INDEX["index"] = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    return _INDEX["index"]


_INDEX: dict[str, str] = {}


def _root_path() -> str:
    """The page's path: ``/`` or ``/<server.baseUrlPath>/``."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


class FirstView:
    """ASGI middleware: the page's address answered with the first view written in (see the module).

    Every other request, a ``HEAD``, a websocket and any failure go to Streamlit unchanged.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") != "http" or scope.get("method") != "GET" or scope.get("path") != _root_path():
            await self.app(scope, receive, send)
            return
        body = None
        try:
            params = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            work = asyncio.to_thread(render, params)
            got = await asyncio.wait_for(work, BUDGET)
            if got is not None:
                body = page(_index_html(), *got).encode("utf-8")
        except TimeoutError:
            log.info("first view: the numbers took longer than %.1f s; Streamlit's page served alone", BUDGET)
        except Exception:  # noqa: BLE001 - the page must load even if the first view fails
            log.exception("first view failed; Streamlit's page served alone")
        if body is None:
            await self.app(scope, receive, send)
            return
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-cache"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
