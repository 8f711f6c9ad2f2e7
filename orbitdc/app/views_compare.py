"""The views of the "compare" tab: pinned comparison, share/downloads and every output."""

from __future__ import annotations

import logging

import streamlit as st

from ..scenario import Scenario, field_spec
from . import cached, charts, i18n, layout
from .export import results_csv, results_json, results_rows
from .formatting import currency, fmt_num, fmt_ratio, fmt_usd
from .sidebar import unit_text
from .state import n_changed, session
from .url_state import preset_scenario, same_value, scenario_overrides, scenario_values
from .verdict import headline

log = logging.getLogger("orbitdc.app")


def compare(preset, ov, result, lang) -> None:
    """The pinned scenario (A) against the current one (B): headline costs, ratios and the inputs that differ."""
    import pandas as pd

    ss = session()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    pin = ss.get("pin")
    c = st.columns(2)
    if c[0].button(t("compare.pin"), icon=":material/push_pin:", width="stretch"):
        ss["pin"] = pin = (preset, ov)
    if pin is not None and c[1].button(t("compare.unpin"), width="stretch"):
        ss.pop("pin", None)
        pin = None
    if pin is None:
        st.info(t("compare.none"))
        return
    pa, oa = pin
    res_a = cached.result_of(pa, oa)
    ha, hb = headline(res_a), headline(result)
    title = lambda p, o: i18n.preset_title(p, lang) + (f" (+{n_changed(o, preset_scenario(p))})" if o else "")  # noqa: E731
    la, lb = t("compare.a", title=title(pa, oa)), t("compare.b", title=title(preset, ov))
    st.markdown(f"- {la}\n- {lb}")
    layout.plot(charts.compare_bars(ha, hb, "A", "B", lang))
    rows = []
    for k in ("orbital", "terrestrial", "fleet"):
        a, b = ha.get(k), hb.get(k)
        rows.append(
            {
                t("compare.col.measure"): t(f"metric.{k}"),
                "A": fmt_usd(a),
                "B": fmt_usd(b),
                t("compare.col.change"): fmt_ratio(b / a, lang) if a and b else "—",
            }
        )
    for k, key in (("ratio_terrestrial", "metric.ratio_t"), ("ratio_fleet", "metric.ratio_f")):
        rows.append(
            {
                t("compare.col.measure"): t(key),
                "A": fmt_ratio(ha.get(k), lang),
                "B": fmt_ratio(hb.get(k), lang),
                t("compare.col.change"): "",
            }
        )
    st.table(pd.DataFrame(rows).set_index(t("compare.col.measure")))
    sa, sb = cached.scenario_of(pa, oa), cached.scenario_of(preset, ov)
    diff = []
    for key in sb.keys():
        va, vb = sa.raw(key), sb.raw(key)
        if not same_value(va, vb):
            f = field_spec(key)
            u = "" if f.is_choice or f.is_bool else unit_text(key, f)
            show = lambda v, _k=key, _f=f, _u=u: (  # noqa: E731
                i18n.choice_label(_k, v, lang) if _f.is_choice else f"{fmt_num(float(v), 4)} {_u}".strip()
            )
            diff.append({t("compare.col.input"): i18n.field_label(key, lang), "A": show(va), "B": show(vb)})
    st.markdown(f"**{t('compare.inputs')}**")
    if diff:
        st.dataframe(diff, hide_index=True, width="stretch")
    else:
        st.caption(t("compare.same"))


def share(scn: Scenario, result, params: dict, lang) -> None:
    """The link of this scenario, its TOML, CSV and JSON downloads and the PDF report."""
    from urllib.parse import urlencode

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('share.title')}**")
    st.markdown(t("share.link"))
    st.code("?" + urlencode(params), language=None)
    st.markdown(f"**{t('share.downloads')}**")
    c = st.columns(3)
    base = scn.name or "scenario"
    c[0].download_button(
        t("download.toml"), scn.to_toml(), file_name=f"{base}.toml", mime="application/toml", width="stretch"
    )
    c[1].download_button(
        t("download.csv"), results_csv(result), file_name=f"{base}-results.csv", mime="text/csv", width="stretch"
    )
    c[2].download_button(
        t("download.json"),
        results_json(result),
        file_name=f"{base}-results.json",
        mime="application/json",
        width="stretch",
    )
    st.caption(t("share.upload_hint"))
    used = scn.name or "scenario"
    ov = tuple(sorted(scenario_overrides(scenario_values(scn), preset_scenario(used)).items()))
    try:
        pdf = cached.pdf_report(used, ov, lang, currency())
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("report failed")
        st.warning(t("err.chart", msg=f"{type(exc).__name__}: {exc}"[:300]))
        return
    st.download_button(
        t("report.button"),
        pdf,
        file_name=f"{base}-report.pdf",
        mime="application/pdf",
        help=t("report.help"),
        icon=":material/picture_as_pdf:",
        width="stretch",
    )


def outputs(result, lang) -> None:
    """Every output of the pipeline with its value and description."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    rows = [
        {
            t("outputs.col.key"): r["key"],
            t("outputs.col.value"): r["text"],
            t("outputs.col.description"): r["description"],
        }
        for r in results_rows(result, lang)
    ]
    st.markdown(f"**{t('outputs.title')}**")
    st.dataframe(rows, hide_index=True, width="stretch", height=560)
