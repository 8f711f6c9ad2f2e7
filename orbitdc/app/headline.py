"""The top of the main area: title, scenario line, verdict, the headline costs and their band.

The band (p5-p95 and the probability that orbit is cheaper) is filled after the rest of the page
is drawn, so the numbers show first.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from ..errors import ScenarioError
from ..scenario import Scenario
from . import cached, i18n
from .formatting import JPY_PER_USD, JPY_RATE_DATE, currency, fmt_ratio, fmt_usd
from .state import session
from .verdict import error_text, headline, verdict, workload_line

log = logging.getLogger("orbitdc.app")


def _share(x: float) -> str:
    return f"{x:.0%}"


def headline_view(result: Any, lang: str, preset_title: str, n_changed: int, deciding: Any) -> dict:
    """Every text of the top of the page, without drawing it (Streamlit draws it in :func:`header`,
    the server-rendered first view in :mod:`orbitdc.app.first_view`).

    Parameters
    ----------
    result : Result
        The scenario's result.
    lang : str
        ``"en"`` or ``"ja"``.
    preset_title : str
        Name of the preset shown on the scenario line.
    n_changed : int
        How many values differ from the preset.
    deciding : DecidingFactor or None
        :func:`orbitdc.breakdown.deciding_factor` of the result (None when it failed).

    Returns
    -------
    dict
        ``title``, ``subtitle``, ``scenario`` (Markdown), ``level`` and ``sentence`` (the
        verdict), ``heading`` (may be empty), ``metrics`` (``[(arch, label, value, help)]``),
        ``ratios`` (``[(label, value, help)]``), ``deciding`` (``(label, value, help, extra)``
        or None) and ``h`` (the numbers of :func:`orbitdc.app.verdict.headline`).
    """
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    line = t("app.scenario", title=i18n.preset_title(preset_title, lang))
    if n_changed:
        line += t("app.modified", n=n_changed)
    h = headline(result)
    h["binding"] = None  # the deciding factor below says what decides the cost
    level, sentence = verdict(h, lang)
    if deciding is not None:
        sentence += t(
            "verdict.deciding",
            cat=t(f"cat.{deciding.category}").lower() if lang == "en" else t(f"cat.{deciding.category}"),
            share=_share(deciding.share),
        )
    per_m = lambda x: t("metric.per_m", usd=fmt_usd(x)) if x is not None else "—"  # noqa: E731
    view = {
        "title": t("app.title"),
        "subtitle": t("app.subtitle"),
        "scenario": line,
        "level": level,
        "sentence": sentence,
        "heading": t("metric.heading"),
        "metrics": [
            (arch, t(f"metric.{arch}"), per_m(h[arch]), t(f"metric.help.{arch}"))
            for arch in ("orbital", "terrestrial", "fleet")
        ],
        "ratios": [
            (t("metric.ratio_t"), fmt_ratio(h["ratio_terrestrial"], lang), t("metric.help.ratio")),
            (t("metric.ratio_f"), fmt_ratio(h["ratio_fleet"], lang), t("metric.help.ratio")),
        ],
        "deciding": None,
        "h": h,
    }
    if deciding is not None:
        extra = t("deciding.then", cat=t(f"cat.{deciding.runner_up}"), share=_share(deciding.runner_up_share))
        if deciding.limit:
            extra += " · " + t("deciding.limit", limit=i18n.binding_label(deciding.limit, lang))
        view["deciding"] = (
            t("metric.deciding"),
            t("deciding.value", cat=t(f"cat.{deciding.category}"), share=_share(deciding.share)),
            t("metric.help.deciding"),
            extra,
        )
    return view


def header(
    result: Any, scn: Scenario, lang: str, err: ScenarioError | None, n_changed: int, preset: str, ov: tuple
) -> dict:
    """Title, scenario line, verdict and the headline costs; returns the headline numbers and the band's empty slots."""
    ss = session()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    deciding = None
    try:
        _parts, deciding = cached.breakdown(preset, ov)
    except Exception:  # noqa: BLE001 - a failed breakdown must not hide the band: it is logged, the rest stays
        log.exception("breakdown failed")
    v = headline_view(result, lang, ss["preset"], n_changed, deciding)
    st.title(v["title"])
    msg = ss.get("upload_msg")
    if msg:  # upload feedback at the top of the main area, where the user looks
        (st.error if msg[0] == "error" else st.success)(msg[1], icon=":material/upload_file:")
    st.caption(v["subtitle"])
    st.markdown(v["scenario"])
    for qerr in ss.get("query_errors") or []:
        st.warning(t("err.query", msg=error_text(qerr, lang)))
    if err is not None:
        st.warning(t("err.banner"), icon=":material/warning:")
    h = v["h"]
    box = {"win": st.success, "mixed": st.info, "lose": st.warning}.get(v["level"], st.info)
    with st.container(key="headline_band"):
        box(f"**{v['sentence']}**")
        if v["heading"]:
            st.markdown(f"**{v['heading']}**")
        c = st.columns(3)
        slots = {}
        for col, (arch, label, value, help_) in zip(c, v["metrics"]):
            col.metric(label, value, help=help_, border=True)
            slots[arch] = col.empty()
            slots[arch].caption(t("band.pending"))
        c = st.columns(3)
        for col, (label, value, help_) in zip(c, v["ratios"]):
            col.metric(label, value, help=help_)
        if v["deciding"] is not None:
            label, value, help_, extra = v["deciding"]
            c[2].metric(label, value, help=help_)
            c[2].caption(extra)
        slots["prob"] = st.empty()
        wl = workload_line(scn, result, lang)
        if wl:
            st.caption(wl)
        code, rate = currency()
        if code == "JPY":
            edited = abs(rate - JPY_PER_USD) > 1e-9
            st.caption(
                t("currency.note_edited", rate=f"{rate:g}")
                if edited
                else t("currency.note", rate=f"{rate:g}", date=JPY_RATE_DATE)
            )
    h["_slots"] = slots
    return h


def fill_band(h: dict, preset: str, ov: tuple, lang: str) -> None:
    """The headline's uncertainty, computed after the page is drawn (the numbers show first)."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    slots = h.get("_slots") or {}
    try:
        u = cached.uncertainty(preset, ov)
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("uncertainty failed")
        for k in ("orbital", "terrestrial", "fleet"):
            if k in slots:
                slots[k].empty()
        if "prob" in slots:
            slots["prob"].caption(t("band.failed", msg=f"{type(exc).__name__}"))
        return
    ranges, prob = band_texts(u, lang)
    for arch, text in ranges.items():
        if arch in slots:
            slots[arch].caption(text)
    if "prob" in slots:
        slots["prob"].markdown(prob)


def band_texts(u: dict, lang: str) -> tuple[dict[str, str], str]:
    """The band's texts: ``({arch: "median …, 90 % range … – …"}, probability sentence in Markdown)``.

    ``u`` is :func:`orbitdc.breakdown.headline_uncertainty` (through :func:`orbitdc.app.cached.uncertainty`).
    """
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    ranges = {
        arch: t("band.range", mid=fmt_usd(u["p50"][arch]), lo=fmt_usd(u["p5"][arch]), hi=fmt_usd(u["p95"][arch]))
        for arch in ("orbital", "terrestrial", "fleet")
    }
    pc = u["p_cheaper"]
    fmt = lambda p: "< 0.1 %" if 0 < p < 0.001 else f"{p:.0%}" if p >= 0.01 or p == 0 else f"{p:.1%}"  # noqa: E731
    prob = t(
        "band.prob",
        pt=fmt(pc.get("terrestrial", float("nan"))),
        pf=fmt(pc.get("fleet", float("nan"))),
        n=f"{u['n']:,}",
        fields=u["fields"],
    )
    return ranges, prob
