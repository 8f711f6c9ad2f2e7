"""The views of the "drivers" tab: launch price, tornado, what must be true, best designs."""

from __future__ import annotations

import streamlit as st

from ..scenario import field_spec
from . import cached, charts, i18n, layout
from .formatting import fmt_num, fmt_usd, pretty_unit
from .sidebar import unit_text
from .verdict import headline


def launch(preset, ov, scn, result, lang) -> None:
    """The three costs against launch price, the break-even prices and the named vehicles."""
    d = cached.launch_sweep(preset, ov)
    current = None
    if scn.raw("launch.price_basis") == "per_kg":
        x = float(scn.raw("launch.price_per_kg"))
    elif "launch.launch_price" in result.si:
        # the price this scenario pays, per kg of the vehicle's reference capacity (the x axis)
        x = result.value("launch.launch_price", "USD") / scn["launch.payload_mass"].to("kg").magnitude
    else:
        x = None
    if x is not None and x > 0:
        current = (x, headline(result)["orbital"])
    layout.plot(
        charts.launch_price(
            d["price"],
            d["costs"],
            d["breakeven"],
            current,
            lang,
            d.get("breakeven_fleet"),
            [(i18n.choice_label("launch.vehicle", k, lang), v) for k, v in d.get("vehicles", ())],
        )
    )
    if d["breakeven"] is None:
        status = i18n.t("launch.orbit_cheaper" if d["cheaper"] else "launch.orbit_dearer", lang)
        st.info(i18n.t("launch.no_breakeven", lang, lo=fmt_usd(d["lo"]), hi=fmt_usd(d["hi"]), status=status))
    refs = ", ".join(i18n.t(k, lang) for k in ("launch.ref.f9", "launch.ref.claim"))
    st.caption(i18n.t("launch.note", lang, refs=refs))


def tornado(preset, ov, lang) -> None:
    """The tornado chart: the inputs that move the orbital cost most."""
    table, base = cached.tornado(preset, ov)
    unit_of = lambda k: unit_text(k, field_spec(k))  # noqa: E731
    layout.plot(charts.tornado(table, base, lang, n=10, unit_of=unit_of))
    st.caption(i18n.t("tornado.note", lang))


def wmbt(preset, ov, scn, lang) -> None:
    """What must be true: the break-even of one input, and the map of two."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731

    st.markdown(f"**{t('wmbt.title')}**")
    st.caption(t("wmbt.intro"))
    keys = cached.numeric_fields()
    label = lambda k: f"{i18n.field_label(k, lang)} ({k})"  # noqa: E731
    c = st.columns([2, 2, 1.2])
    default = keys.index("launch.price_per_kg") if "launch.price_per_kg" in keys else 0
    field = c[0].selectbox(t("wmbt.field"), keys, index=default, key="wmbt_field", format_func=label)
    field2 = c[1].selectbox(
        t("wmbt.field2"),
        [""] + [k for k in keys if k != field],
        key="wmbt_field2",
        format_func=lambda k: label(k) if k else t("wmbt.none"),
    )
    baseline = c[2].radio(
        t("wmbt.baseline"),
        ("terrestrial", "fleet"),
        key="wmbt_base",
        format_func=lambda b: t(f"wmbt.base.{b}"),
    )
    f = field_spec(field)
    unit = unit_text(field, f)
    fmt = lambda v: f"{fmt_num(v, 4)} {unit}".strip()  # noqa: E731
    d = cached.breakeven_one(preset, ov, field, baseline)
    now = float(scn.raw(field))
    base_name = t(f"wmbt.base.{baseline}")
    if d["found"]:
        st.markdown(
            t(
                "wmbt.found",
                base=base_name,
                value=fmt(d["value"]),
                now=fmt(now),
                side=t("wmbt.side.below" if d["cheaper_below"] else "wmbt.side.above"),
            )
        )
    else:
        status = i18n.t("launch.orbit_cheaper" if d["cheaper_everywhere"] else "launch.orbit_dearer", lang)
        st.info(t("wmbt.notfound", lo=fmt(d["lo"]), hi=fmt(d["hi"]), base=base_name, status=status))
    if field2:
        ratio = cached.breakeven_2d(preset, ov, field, field2, baseline)
        layout.plot(charts.breakeven_map(ratio, field, field2, unit, unit_text(field2, field_spec(field2)), lang))


def optimise(preset, ov, lang) -> None:
    """The best orbital and ground designs for these assumptions (run on request)."""
    import pandas as pd

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('opt.title')}**")
    st.caption(t("opt.intro"))
    key = f"opt:{preset}:{hash(ov)}"
    if st.button(t("opt.button"), key="opt_button", type="primary"):
        st.session_state[key] = True
    if not st.session_state.get(key):
        return
    with st.spinner(t("opt.running")):
        d = cached.optimised(preset, ov)
    o, g = d["orbit"], d["ground"]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("opt.orbit"), fmt_usd(o["best"]), fmt_usd(o["best"] - o["start"]), delta_color="inverse")
    c2.metric(t("opt.ground"), fmt_usd(g["best"]), fmt_usd(g["best"] - g["start"]), delta_color="inverse")
    c3.metric(t("opt.ratio"), f"{d['ratio']:.3g}x", f"{d['ratio'] - d['start']:+.3g}x", delta_color="inverse")
    st.caption(
        t(
            "opt.record",
            n=fmt_num(o["evaluations"] + g["evaluations"], 3),
            s=f"{o['seconds'] + g['seconds']:.1f}",
            start=f"{d['start']:.3g}x",
        )
    )

    def text(k: str, v) -> str:
        if field_spec(k).is_choice:
            return i18n.choice_label(k, str(v), lang)  # the option as the sidebar names it
        return fmt_num(float(v), 4) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)

    for side, title in ((o, "opt.orbit_changes"), (g, "opt.ground_changes")):
        st.markdown(f"**{t(title)}**")
        if not side["changes"]:
            st.caption(t("opt.none"))
            continue
        rows = [
            {
                t("opt.col.field"): i18n.field_label(k, lang),
                t("opt.col.current"): text(k, a),
                t("opt.col.best"): text(k, b),
                t("opt.col.unit"): pretty_unit(field_spec(k).unit) if field_spec(k).unit else "",
            }
            for k, (a, b) in side["changes"].items()
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
