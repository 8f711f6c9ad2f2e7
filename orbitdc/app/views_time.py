"""The views of the "time" tab: when orbit reaches parity, and the article's claims."""

from __future__ import annotations

import streamlit as st

from . import cached, i18n, layout
from .state import on_when_preset
from .verdict import claim_cards

_WMBT_ALWAYS = (
    "launch.price_per_kg",
    "finance.array_cost_per_watt",
    "finance.bus_cost_per_kg",
    "compute.chip_price",
    "finance.wacc",
    "power.mission_life",
    "baselines.grid_price",
    "years.space_qualification_lag",
)


def when(preset, ov, lang) -> None:
    """When orbit reaches parity: costs by year, parity-year distribution, deciding inputs, what must be true."""
    from ..claims_years import PROJECTION_PRESETS
    from . import charts_years as cy

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('when.title')}**")
    st.caption(t("when.intro", n=cached.WHEN_N))
    st.markdown(f"**{t('when.presets')}**")
    cols = st.columns(4)
    for i, name in enumerate(PROJECTION_PRESETS):
        cols[i % 4].button(
            name,
            key=f"when_preset_{name}",
            help=i18n.preset_title(name, lang),
            on_click=on_when_preset,
            args=(name,),
            type="primary" if name == preset else "secondary",
        )
    ds, res = cached.when(preset, ov)
    layout.plot(cy.years_costs(ds, lang))
    st.markdown(f"**{t('when.parity.title')}**")
    st.table(cy.parity_summary_rows(res, lang))
    layout.plot(cy.parity_curves(res, lang))
    rows = cy.deciding_rows(res, "terrestrial", lang, top=8)
    if rows:
        st.markdown(f"**{t('when.deciding.title')}**")
        st.dataframe(rows, hide_index=True, width="stretch")
    year = st.slider(t("when.wmbt.year"), cached.WHEN_YEARS[0], cached.WHEN_YEARS[1], 2035, key="when_wmbt_year")
    deciding = tuple(res.deciding["terrestrial"].index[:6]) if len(res.deciding.get("terrestrial", ())) else ()
    fields = tuple(dict.fromkeys(_WMBT_ALWAYS + deciding))
    st.markdown(f"**{t('when.wmbt.title', year=year)}**")
    st.dataframe(cy.wmbt_rows(cached.wmbt(preset, ov, int(year), fields), lang), hide_index=True, width="stretch")


_CLAIM_ICON = {
    "holds": ":green[:material/check_circle:]",
    "fails": ":red[:material/cancel:]",
    "conditional": ":orange[:material/error:]",
    "untested": ":gray[:material/help:]",
}


_CLAIM_COLOR = {"holds": "green", "fails": "red", "conditional": "orange", "untested": "gray"}


def claims(preset, ov, lang) -> None:
    """The seed documents' claims, checked on this scenario, and (on request) by year."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    try:
        import importlib

        importlib.import_module("orbitdc.claims")
    except ImportError:
        st.info(t("err.missing", what="orbitdc.claims"))
        return
    cards = claim_cards(cached.claims_check(preset, ov), lang)
    st.markdown(f"**{t('claims.title')}**")
    st.caption(t("claims.intro"))
    counts = {}
    for c in cards:
        counts[c["level"]] = counts.get(c["level"], 0) + 1
    summary = ", ".join(f"{_CLAIM_ICON[k]} {i18n.claim_level(k, lang)} {n}" for k, n in counts.items())
    st.markdown(t("claims.summary", n=len(cards), counts=summary))
    for c in cards:
        with st.container(border=True):
            color = _CLAIM_COLOR[c["level"]]
            st.markdown(f"{_CLAIM_ICON[c['level']]} **{c['claim']}**  \n:{color}[**{c['verdict']}**]")
            if c["numbers"]:
                sep = t("colon")
                st.markdown("\n".join(f"- {k}{sep}**{v}**" for k, v in c["numbers"]))
            if c["detail"]:
                st.caption(c["detail"])
            if c["hinges_on"]:
                st.caption(f"{t('claims.col.hinges')}: {c['hinges_on']}")
    _claims_over_the_years(preset, ov, lang)


def _claims_over_the_years(preset, ov, lang) -> None:
    import math

    import pandas as pd

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('claims.years_title')}**")
    st.caption(t("claims.years_intro"))
    key = f"claims_years:{preset}:{hash(ov)}"
    if st.button(t("claims.years_button"), key="claims_years_button"):
        st.session_state[key] = True
    if not st.session_state.get(key):
        return
    with st.spinner(t("opt.running")):
        d = cached.claims_by_year(preset, ov)

    def year(v) -> str:
        return t("claims.never") if v is None or (isinstance(v, float) and math.isnan(v)) else str(int(v))

    if d["by_year"]:
        rows = [
            {t("claims.col.claim"): i18n.claim_text(k, c, lang), t("claims.col.from"): year(hf)}
            for k, c, hf in d["by_year"]
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
    rows = [
        {
            t("claims.col.projection"): i18n.projection_text(k, c, lang),
            t("claims.col.preset"): i18n.preset_title(p, lang),
            t("claims.col.verdict"): i18n.claim_level(v, lang),
            t("claims.col.from"): year(fy),
        }
        for k, p, c, v, fy in d["projections"]
    ]
    st.markdown(f"**{t('claims.projections_title')}**")
    st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
