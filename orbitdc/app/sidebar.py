"""The sidebar: language, preset, reset, currency, the assumptions and the scenario upload.

The assumptions are grouped as the pipeline is (one lazily rendered expander per group, built
from the schema so new fields appear by themselves); each input's label carries its unit, its
help its range and source, and an input a choice switches off is shown disabled with the reason.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from .. import presets
from ..errors import ScenarioError
from ..scenario import field_spec
from . import i18n
from .formatting import JPY_PER_USD, JPY_RATE_DATE, fmt_eng, pretty_unit
from .state import (
    GKEY,
    PRICE_BASIS,
    active_price,
    on_choice,
    on_exact,
    on_preset,
    on_reset,
    on_upload,
    on_value,
    preset_key,
    session,
    upload_key,
    widget_key,
)
from .verdict import error_text
from .widgets import WidgetSpec, input_groups, widget_spec

_WAFER_FIELDS = (
    "compute.wafer_cost",
    "compute.die_area",
    "compute.dies_per_package",
    "compute.yield_model",
    "compute.yield_fraction",
    "compute.defect_density",
    "compute.packaging_cost",
    "compute.memory_cost",
    "compute.test_cost",
    "compute.gross_margin",
)


def _used_only_with(key: str) -> tuple[str, tuple[str, ...]] | None:
    """(choice field, values under which input ``key`` is used), for inputs a choice switches off."""
    if key in _WAFER_FIELDS:
        return "compute.price_model", ("wafer",)
    if key == "compute.chip_price":
        return "compute.price_model", ("catalog",)
    if key == "workload.batch":
        return "workload.batch_rule", ("fixed",)
    if key in ("compute.servicing_interval", "compute.servicing_cost_per_kg"):
        return "compute.orbital_servicing", ("serviced",)
    if key == "baselines.grid_price":
        return "baselines.ground_power_source", ("grid",)
    if key.startswith("baselines.gas_"):
        return "baselines.ground_power_source", ("gas",)
    if (key.startswith("baselines.solar_") or key.startswith("baselines.storage_")) and key != "baselines.solar_site":
        return "baselines.ground_power_source", ("solar", "solar_storage", "solar+storage")
    return None


def disabled_reason(key: str, vals: dict, lang: str = "en") -> str | None:
    """Why input ``key`` does nothing with ``vals`` (a sentence in ``lang``), or None when it is used."""
    kind = vals.get("orbit.type")
    if key in ("orbit.inclination", "orbit.raan") and kind == "sso":
        return i18n.t("help.disabled_sso", lang)
    if key == "orbit.ltan" and kind == "inclined":
        return i18n.t("help.disabled_inclined", lang)
    if key == "compute.defect_density" and vals.get("compute.yield_model") == "fraction":
        return i18n.t("help.disabled_by", lang, field=i18n.field_label("compute.yield_model", lang), value="fraction")
    if key == "compute.yield_fraction" and vals.get("compute.yield_model") in ("poisson", "murphy"):
        value = vals.get("compute.yield_model")
        return i18n.t("help.disabled_by", lang, field=i18n.field_label("compute.yield_model", lang), value=value)
    dep = _used_only_with(key)
    if dep is not None and dep[0] in vals:
        choice, values = dep
        f = field_spec(choice)
        if vals[choice] not in values and any(v in (f.choices or ()) for v in values):
            label = i18n.choice_label(choice, vals[choice], lang)
            return i18n.t("help.disabled_by", lang, field=i18n.field_label(choice, lang), value=label)
    return None


def unit_text(key: str, f) -> str:
    """The unit of field ``key`` as people write it (an i18n override, else the pretty unit)."""
    override = i18n.unit_label(key)
    if override is not None:
        return override
    return pretty_unit(f.unit)


def input_label(key: str, f, lang: str) -> str:
    """The label of an input: its name and, for a number, its unit in brackets (``[–]`` when dimensionless)."""
    name = i18n.field_label(key, lang)
    if f.is_choice or f.is_bool:
        return name
    u = unit_text(key, f)
    if u:
        return f"{name} [{u}]"
    return name if f.integer else f"{name} [–]"


def help_text(key: str, f, lang: str) -> str:
    """The help of an input: its description, unit and range, options, source and key."""
    t = lambda k: i18n.t(k, lang)  # noqa: E731
    parts = [i18n.field_doc(key, lang)]
    if not (f.is_choice or f.is_bool):
        u = unit_text(key, f) or t("help.dimensionless")
        parts.append(f"**{t('help.unit')}:** {u} · **{t('help.range')}:** {f.allowed_text()}")
    elif f.is_choice:
        opts = ", ".join(f"{i18n.choice_label(key, c, lang)} (`{c}`)" for c in f.choices)
        parts.append(f"**{t('help.range')}:** {opts}")
        if f.fills:
            parts.append(t("help.fills"))
    if f.source:
        parts.append(f"**{t('help.source')}:** {f.source} ({t('kind.' + f.kind)})")
    parts.append(f"`{key}`")
    return "\n\n".join(p for p in parts if p)


def _step(spec) -> dict[str, Any]:
    """The step (and display format) of a slider or number box: 1 for a whole-number field."""
    return {"step": 1} if spec.integer else {"step": float(spec.step), "format": spec.fmt}


@functools.lru_cache(maxsize=4096)
def _texts(key: str, lang: str) -> tuple[str, str]:
    """The label and help of input ``key`` in ``lang`` (fixed texts: built once per process)."""
    f = field_spec(key)
    return input_label(key, f, lang), help_text(key, f, lang)


@functools.lru_cache(maxsize=4096)
def _spec(key: str, value: Any, exact: bool) -> WidgetSpec:
    """:func:`widget_spec` of field ``key`` showing ``value`` (a pure function: kept)."""
    return widget_spec(field_spec(key), value, exact)


def _widget(key: str, f, lang: str, exact: bool) -> None:
    ss = session()
    wkey = widget_key(key, f, lang)
    val = ss["vals"][key]
    spec = _spec(key, val, exact)
    label, help_ = _texts(key, lang)
    why = disabled_reason(key, ss["vals"], lang)
    disabled = why is not None
    if disabled:
        help_ = f"**{why}**\n\n{help_}"
    fresh = wkey not in ss
    if fresh:
        if spec.kind in ("select", "toggle"):
            ss[wkey] = val
        elif spec.integer:
            ss[wkey] = int(val)
        else:
            ss[wkey] = float(val)
    num = int if spec.integer else float  # the bounds of a whole-number field are ints
    if spec.kind == "select":
        st.selectbox(
            label,
            spec.options,
            key=wkey,
            help=help_,
            on_change=on_choice,
            args=(key,),
            format_func=lambda c, _k=key: i18n.choice_label(_k, c, lang),
            disabled=disabled,
        )
    elif spec.kind == "toggle":
        st.toggle(label, key=wkey, help=help_, on_change=on_value, args=(key,), disabled=disabled)
    elif spec.kind == "slider":
        st.slider(
            label,
            num(spec.lo),
            num(spec.hi),
            # the state's value, so that Streamlit need not scan the whole session state to
            # tell a range slider (0.35 ms a slider); not on the run that just set it, where
            # Streamlit would log a "default value and Session State" warning
            value=None if fresh else ss[wkey],
            key=wkey,
            help=help_,
            on_change=on_value,
            args=(key,),
            disabled=disabled,
            **_step(spec),
        )
    elif spec.kind == "log":
        st.select_slider(
            label,
            options=spec.options,
            key=wkey,
            help=help_,
            on_change=on_value,
            args=(key,),
            format_func=lambda x: fmt_eng(x, 3),
            disabled=disabled,
        )
    else:
        kw: dict[str, Any] = _step(spec)
        if spec.lo is not None:
            kw["min_value"] = num(spec.lo)
        if spec.hi is not None:
            kw["max_value"] = num(spec.hi)
        st.number_input(label, key=wkey, help=help_, on_change=on_value, args=(key,), disabled=disabled, **kw)


def _field_error(err: ScenarioError | None) -> str | None:
    if err is None:
        return None
    try:
        field_spec(err.field)
        return err.field
    except ScenarioError:
        return None


def sidebar(lang: str, err: ScenarioError | None, cb_err: ScenarioError | None = None) -> None:
    """Draw the sidebar; ``err`` is the scenario's error (shown at its input), ``cb_err`` a callback's."""
    ss = session()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    with st.sidebar:
        st.radio(
            f"{i18n.t('sidebar.language', 'en')} / {i18n.t('sidebar.language', 'ja')}",
            i18n.LANGS,
            key="lang",
            horizontal=True,
            format_func=lambda c: i18n.LANG_NAMES[c],
        )
        names = presets.names()
        pkey = preset_key(lang)
        if ss.get(pkey) != ss["preset"]:
            ss[pkey] = ss["preset"] if ss["preset"] in names else presets.DEFAULT
        st.selectbox(
            t("sidebar.preset"),
            names,
            key=pkey,
            on_change=on_preset,
            format_func=lambda n: i18n.preset_title(n, lang),
            help=t("sidebar.preset_help"),
        )
        st.caption(i18n.preset_title(ss["preset"], lang))  # the whole name: the box cuts long ones
        st.button(
            t("sidebar.reset"),
            on_click=on_reset,
            help=t("sidebar.reset_help"),
            width="stretch",
            icon=":material/restart_alt:",
        )
        st.toggle(t("sidebar.exact"), key="exact", on_change=on_exact, help=t("sidebar.exact_help"))
        st.radio(t("currency.label"), ("USD", "JPY"), key="currency", horizontal=True)
        if ss.get("currency") == "JPY":
            st.number_input(
                t("currency.rate"),
                min_value=1.0,
                max_value=1000.0,
                step=0.5,
                format="%.1f",
                key="jpy_rate",
                help=t("currency.rate_help", rate=f"{JPY_PER_USD:.0f}", date=JPY_RATE_DATE),
            )
        st.subheader(t("sidebar.assumptions"), help=t("sidebar.assumptions_help"))
        if cb_err is not None:
            st.error(t("err.here", msg=error_text(cb_err, lang)), icon=":material/error:")
        bad = _field_error(err)
        exact = bool(ss.get("exact"))
        for gid, secs in input_groups():
            gkey = GKEY + gid
            if bad is not None and any(bad.split(".", 1)[0] == s.name for s in secs):
                ss[gkey] = True
            exp = st.expander(i18n.group_title(gid, lang), key=gkey, on_change="rerun")
            if not exp.open:
                continue
            with exp:
                for sec in secs:
                    if len(secs) > 1:
                        st.markdown(f"**{i18n.section_title(sec.name, lang)}**")
                    for f in sec.fields:
                        key = f"{sec.name}.{f.name}"
                        if key in PRICE_BASIS and key != active_price(ss["vals"]):
                            continue  # one launch-price input: the one its basis uses
                        _widget(key, f, lang, exact)
                        if key == bad:
                            st.error(t("err.here", msg=error_text(err, lang)), icon=":material/error:")
        if err is not None and bad is None:
            st.error(t("err.here", msg=error_text(err, lang)), icon=":material/error:")
        st.subheader(t("sidebar.file"))
        st.file_uploader(
            t("upload.label"),
            type=["toml"],
            key=upload_key(),
            on_change=on_upload,
            help=t("upload.help"),
            max_upload_size=1,
        )
