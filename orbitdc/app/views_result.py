"""The views of the "result" tab: summary, cost breakdown and the costs charts."""

from __future__ import annotations

import streamlit as st

from . import cached, charts, i18n, layout
from .formatting import fmt_usd, markdown_table
from .verdict import summary_rows


def summary(result, lang) -> None:
    """The cost and satellite summary tables (static Markdown tables: see
    :func:`~orbitdc.app.formatting.markdown_table`)."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    costs, sat = summary_rows(result, lang)
    c1, c2 = st.columns([1.15, 1])
    with c1:
        st.markdown(f"**{t('summary.costs')}**")
        if costs:
            st.markdown(markdown_table(costs))
    with c2:
        st.markdown(f"**{t('summary.satellite')}**")
        if sat:
            st.markdown(markdown_table(sat))
    st.caption(t("summary.note"))


def breakdown(preset, ov, lang) -> None:
    """The cost breakdown by category: chart and table."""
    import pandas as pd

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    parts, _d = cached.breakdown(preset, ov)
    layout.plot(charts.breakdown_bars(parts, lang))
    archs = ("orbital", "terrestrial", "fleet")
    rows = []
    for cat in next(iter(parts.values())):
        row = {t("breakdown.col.category"): t(f"cat.{cat}")}
        for a in archs:
            tot = sum(parts[a].values())
            row[t(f"arch.{a}")] = f"{fmt_usd(parts[a][cat])} ({parts[a][cat] / tot:.0%})" if tot > 0 else "—"
        rows.append(row)
    rows.append(
        {
            t("breakdown.col.category"): t("costs.total"),
            **{t(f"arch.{a}"): fmt_usd(sum(parts[a].values())) for a in archs},
        }
    )
    st.table(pd.DataFrame(rows).set_index(t("breakdown.col.category")))
    st.caption(t("breakdown.note"))


def costs(result, h, lang) -> None:
    """The cost comparison and the capital cost waterfall."""
    c1, c2 = st.columns(2)
    with c1:
        layout.plot(charts.cost_comparison(h, lang))
    with c2:
        if "economics.capex_total" in result.si:
            layout.plot(charts.capex_waterfall(result, lang))
