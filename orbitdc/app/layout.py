"""Page-wide layout: the style sheet, the grouped tabs of views, a guard around each view, charts, the URL."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from ..errors import ScenarioError
from . import i18n
from .verdict import error_text

log = logging.getLogger("orbitdc.app")


CSS = """<style>
@media (min-width: 900px) {
  section[data-testid="stSidebar"][data-collapsed="false"] { width: 400px !important; }
}
div[data-testid="stAppDeployButton"] { display: none; }
div[data-testid="stMetricValue"] { font-size: 1.9rem; }
/* one stated size limit: the label states it; Streamlit's own "Limit 1MB per file" line is hidden */
div[data-testid="stFileUploaderDropzoneInstructions"] small { display: none; }
div[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
div[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%(drop)s"; font-size: 0.9rem; }
section[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
section[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after { content: "%(browse)s"; font-size: 0.9rem; }
/* tables never push the page wider than the screen */
div[data-testid="stTable"] { overflow-x: auto; max-width: 100%%; }
/* Markdown tables (the summary): numbers stay whole; a table wider than the screen scrolls in its box */
div[data-testid="stMarkdownContainer"] table { display: block; overflow-x: auto; max-width: 100%%; }
div[data-testid="stMarkdownContainer"] td:not(:first-child), div[data-testid="stMarkdownContainer"] th:not(:first-child) { overflow-wrap: normal; word-break: normal; }
div[data-testid="stMarkdownContainer"] td:first-child { min-width: 5em; }
div[data-testid="stCode"] pre, div[data-testid="stCode"] code { white-space: pre-wrap !important; word-break: break-all; }
div[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: 0.25rem; }
@media (max-width: 640px) {
  div[data-testid="stMainBlockContainer"], .block-container { padding-left: 0.75rem !important; padding-right: 0.75rem !important; padding-top: 3rem !important; }
  div[data-testid="stMetricValue"] { font-size: 1.4rem; }
  h1 { font-size: 1.6rem !important; }
  div[data-testid="stMarkdownContainer"] { overflow-wrap: anywhere; }
}
</style>"""


def guard(lang: str, fn: Callable[[], None]) -> None:
    """Run one tab's body; show a readable message instead of a traceback."""
    try:
        fn()
    except ScenarioError as exc:
        st.warning(i18n.t("err.chart", lang, msg=error_text(exc, lang)))
    except Exception as exc:  # noqa: BLE001
        log.exception("tab failed")
        st.warning(i18n.t("err.chart", lang, msg=f"{type(exc).__name__}: {exc}"[:300]))


def plot(fig) -> None:
    """Draw a Plotly figure at the width of its container."""
    st.plotly_chart(fig, config={"displaylogo": False, "responsive": True}, width="stretch")


def sync_query(params: dict) -> None:
    """Write the scenario's query parameters into the URL when they differ."""
    try:
        current = st.query_params.to_dict()
    except Exception:  # pragma: no cover
        return
    if current != params:
        st.query_params.from_dict(params)


def grouped_tabs(groups: dict[str, tuple[str, ...]], bodies: dict[str, Callable[[], None]], lang: str) -> None:
    """The grouped tabs: one tab per group, a row of view buttons in it, the chosen view drawn.

    Only the open tab is drawn (``tab.open``); each view's body runs under :func:`guard`.
    """
    ss = st.session_state
    labels = [i18n.t(f"group.view.{g}", lang) for g in groups]
    tabs = st.tabs(labels, key=f"tab_{lang}", on_change="rerun")
    for group, tab in zip(groups, tabs):
        if tab.open is False:
            continue
        with tab:
            views = groups[group]
            vkey = f"view:{group}"
            if ss.get(vkey) not in views:
                ss[vkey] = views[0]
            st.radio(
                i18n.t("view.label", lang),
                views,
                key=vkey,
                horizontal=True,
                label_visibility="collapsed",
                format_func=lambda v: i18n.t(f"tab.{v}", lang),
            )
            guard(lang, bodies[ss[vkey]])
