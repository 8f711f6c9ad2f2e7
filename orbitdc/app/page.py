"""The Streamlit page of the orbitdc calculator (run with ``streamlit run app.py``).

Layout: a sidebar with the language, the preset, a reset button, the assumptions grouped as
the pipeline is (one lazily rendered expander per group, built from the schema so new fields
appear by themselves) and the scenario upload; a main area with the verdict, the headline
costs and lazily rendered tabs of charts and tables.

State: ``st.session_state["vals"]`` holds every field's value in its unit; widgets mirror
it through callbacks, so values in closed groups persist.  The scenario is the preset plus
the differences (:func:`orbitdc.app.support.scenario_overrides`), which are also the URL
query parameters.  Evaluation goes through :func:`orbitdc.evaluate` (cached per scenario);
a :class:`~orbitdc.errors.ScenarioError` is shown next to the input it names and the last
valid results stay on screen.  No traceback ever reaches the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from .. import __version__, presets
from ..errors import ScenarioError
from ..scenario import Scenario, field_spec
from . import i18n
from . import support as sp

log = logging.getLogger("orbitdc.app")

WKEY = "w:"  # widget keys: "w:<section.field>"; choice boxes "w:<lang>:<section.field>"
GKEY = "grp:"  # expander keys: "grp:<group id>"
_CSS = """<style>
section[data-testid="stSidebar"][data-collapsed="false"] { width: 400px !important; }
div[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
div[data-testid="stAppDeployButton"] { display: none; }
div[data-testid="stMetricValue"] { font-size: 1.9rem; }
</style>"""
_TABS = (
    "summary",
    "costs",
    "mass",
    "orbit",
    "thermal",
    "launch",
    "links",
    "tornado",
    "when",
    "claims",
    "outputs",
    "share",
)


# ============================================================================ cached computations


@st.cache_data(max_entries=512, show_spinner=False)
def _evaluate(preset: str, overrides: tuple) -> Any:
    """evaluate(preset + overrides): the one pipeline, cached per scenario."""
    from ..model import evaluate

    scn = sp.preset_scenario(preset).with_overrides(dict(overrides))
    scn.name = preset
    return evaluate(scn)


def _scenario(preset: str, overrides: tuple) -> Scenario:
    scn = sp.preset_scenario(preset).with_overrides(dict(overrides))
    scn.name = preset
    return scn


@st.cache_data(max_entries=64, show_spinner=False)
def _annual(
    altitude_km: float, is_sso: bool, inclination_deg: float, ltan_h: float, raan_deg: float, year: int
) -> dict:
    """Year-long beta angle and eclipse series of one orbit (the orbit stage's physics)."""
    import numpy as np

    from ..physics import orbit

    if is_sso:
        a = orbit.annual_eclipse(altitude_km * 1e3, ltan=ltan_h, year=year)
    else:
        a = orbit.annual_eclipse(
            altitude_km * 1e3, inclination=np.radians(inclination_deg), raan0=np.radians(raan_deg), year=year
        )
    return {
        "day": np.array(a.day),
        "fraction": np.array(a.fraction),
        "beta": np.array(a.beta),
        "duration": np.array(a.duration),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _tornado(preset: str, overrides: tuple) -> tuple:
    from .. import studies

    tr = studies.tornado(_scenario(preset, overrides))
    return tr.table, tr.base_value


_WHEN_N = 2000
"""Monte Carlo samples of the "When?" view (the p5-p95 bands and the parity-year distribution)."""
_WHEN_YEARS = (2026, 2050)


@st.cache_data(max_entries=16, show_spinner=False)
def _when(preset: str, overrides: tuple) -> tuple:
    """Trajectory (percentiles over samples) and parity years of a scenario: the studies, cached."""
    from .. import studies

    scn = _scenario(preset, overrides)
    ds = studies.trajectory(
        scn,
        _WHEN_YEARS,
        n=_WHEN_N,
        seed=0,
        keep_samples=False,
        outputs=list(studies.trajectories.COSTS) + ["economics.ratio_orbital_terrestrial"],
    )
    return ds, studies.parity(scn, _WHEN_YEARS, n=_WHEN_N, seed=0)


@st.cache_data(max_entries=32, show_spinner=False)
def _wmbt(preset: str, overrides: tuple, year: int, fields: tuple) -> Any:
    from .. import studies

    return studies.what_must_be_true(_scenario(preset, overrides), year, fields=list(fields), n=16)


@st.cache_data(max_entries=64, show_spinner=False)
def _launch_sweep(preset: str, overrides: tuple) -> dict:
    import numpy as np

    from .. import studies
    from ..breakeven import breakeven

    scn = _scenario(preset, overrides)
    if "launch.price_basis" in scn.keys():
        scn = scn.with_overrides({"launch.price_basis": "per_kg"})
    f = field_spec("launch.price_per_kg")
    lo, hi = f.ui if f.ui else (max(f.low or 1.0, 1.0), f.high)
    lo = max(float(lo), 1.0)
    prices = np.geomspace(lo, float(hi), 41)
    keys = [k for k in (sp.ORBITAL, sp.TERRESTRIAL, sp.FLEET)]
    ds = studies.sweep(scn, {"launch.price_per_kg": prices}, keys)
    costs = {k.split(".", 1)[1]: np.asarray(ds[k].values, dtype=float).ravel() for k in keys}
    be = breakeven(scn, "launch.price_per_kg", "terrestrial", bracket=(lo, float(hi)))
    value = float(be.value.magnitude) if be.found else None
    cheaper = None if be.found else (be.orbital[0] < be.reference[0])
    bf = breakeven(scn, "launch.price_per_kg", "fleet", bracket=(lo, float(hi)))
    value_f = float(bf.value.magnitude) if bf.found else None
    return {
        "price": prices,
        "costs": costs,
        "breakeven": value,
        "cheaper": cheaper,
        "lo": lo,
        "hi": float(hi),
        "breakeven_fleet": value_f,
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _radiator_sweep(preset: str, overrides: tuple) -> dict:
    import numpy as np

    from .. import studies

    scn = _scenario(preset, overrides)
    if "thermal.use_chip_junction_limit" in scn.keys():
        scn = scn.with_overrides({"thermal.use_chip_junction_limit": False})
    f = field_spec("thermal.junction_temperature_max")
    lo, hi = f.ui if f.ui else (f.low, f.high)
    lo, hi = float(lo), float(hi)
    keys = ["thermal.radiator_temperature", "thermal.radiator_area"]
    last: Exception | None = None
    for _ in range(6):  # a cold end may be below the sink: retry on the warmer part of the range
        try:
            ds = studies.sweep(scn, {"thermal.junction_temperature_max": np.linspace(lo, hi, 36)}, keys)
            return {
                "t": np.asarray(ds[keys[0]].values, dtype=float).ravel(),
                "a": np.asarray(ds[keys[1]].values, dtype=float).ravel(),
                "lo": lo,
                "hi": hi,
            }
        except ScenarioError as exc:
            last = exc
            lo = lo + (hi - lo) / 3
    raise last  # type: ignore[misc]


@st.cache_data(max_entries=64, show_spinner=False)
def _claims(preset: str, overrides: tuple) -> Any:
    from .. import claims

    return claims.check(_scenario(preset, overrides))


# ============================================================================ state


def _ss():
    return st.session_state


def _wkey(key: str, f=None, lang: str | None = None) -> str:
    """Widget key of field ``key``; select boxes (translated option labels) get one per language."""
    f = f if f is not None else field_spec(key)
    if f.is_choice:
        return f"{WKEY}{lang or _ss().get('lang', 'en')}:{key}"
    return WKEY + key


def _preset_key(lang: str) -> str:
    return f"preset_select_{lang}"


def _safe(cb):
    """Run a widget callback; store a readable message instead of raising (no traceback on screen)."""
    import functools

    @functools.wraps(cb)
    def wrapper(*args, **kwargs):
        try:
            return cb(*args, **kwargs)
        except ScenarioError as exc:
            _ss()["cb_error"] = exc
        except Exception as exc:  # noqa: BLE001
            log.exception("callback failed")
            _ss()["cb_error"] = ScenarioError("input", "(change)", "", f"{type(exc).__name__}: {exc}"[:300])

    return wrapper


def _clear_widgets() -> None:
    ss = _ss()
    for k in list(ss.keys()):
        if isinstance(k, str) and k.startswith(WKEY):
            del ss[k]


def _load_values(scn: Scenario) -> None:
    _ss()["vals"] = sp.scenario_values(scn)
    _clear_widgets()


def _init_state() -> None:
    ss = _ss()
    if ss.get("_init"):
        return
    try:
        params = st.query_params.to_dict()
    except Exception:  # pragma: no cover - no query params in bare mode
        params = {}
    qs = sp.decode_query(params)
    ss["preset"] = qs.preset
    ss["lang"] = qs.lang
    ss["vals"] = sp.scenario_values(qs.scenario)
    ss["query_errors"] = qs.errors
    ss["exact"] = False
    ss["_init"] = True


@_safe
def _on_preset() -> None:
    ss = _ss()
    name = ss[_preset_key(ss.get("lang", "en"))]
    if name not in presets.names():
        return
    ss["preset"] = name
    _load_values(sp.preset_scenario(name))
    ss.pop("upload_msg", None)
    ss["query_errors"] = []


@_safe
def _on_reset() -> None:
    ss = _ss()
    _load_values(sp.preset_scenario(ss["preset"]))
    ss.pop("upload_msg", None)
    ss["query_errors"] = []


@_safe
def _on_exact() -> None:
    _clear_widgets()


@_safe
def _on_value(key: str) -> None:
    ss = _ss()
    v = ss.get(_wkey(key))
    if v is None:
        return
    f = field_spec(key)
    if f.is_bool:
        ss["vals"][key] = bool(v)
    elif f.integer:
        ss["vals"][key] = int(round(float(v)))
    else:
        ss["vals"][key] = float(v)


@_safe
def _on_choice(key: str) -> None:
    """A choice changed: set it and the values it fills (a vehicle's payload and price)."""
    ss = _ss()
    f = field_spec(key)
    choice = ss.get(_wkey(key, f))
    if choice not in f.choices:
        return
    vals = ss["vals"]
    vals[key] = choice
    if f.fills and choice in f.fills:
        filled = sp.preset_scenario(ss["preset"]).with_overrides({key: choice})
        sec = key.split(".", 1)[0]
        for fname in f.fills[choice]:
            tk = fname if "." in fname else f"{sec}.{fname}"
            if tk in vals:
                vals[tk] = filled.raw(tk)
                ss.pop(_wkey(tk), None)


@_safe
def _on_upload() -> None:
    ss = _ss()
    up = ss.get("upload")
    if up is None:
        return
    lang = ss.get("lang", "en")
    try:
        size = getattr(up, "size", None)
        if size is not None and size > sp.UPLOAD_LIMIT:
            raise ScenarioError(
                "upload",
                f"{size / 1024:.0f} kB",
                f"{sp.UPLOAD_LIMIT // 1024} kB",
                "the file is too large for a scenario",
            )
        data = up.getvalue()
        scn = sp.parse_upload(data)
        from ..model import evaluate

        evaluate(scn)  # refuse a file whose combination the pipeline cannot evaluate
    except ScenarioError as exc:
        ss["upload_msg"] = ("error", i18n.t("upload.refused", lang, msg=sp.error_text(exc, lang)))
        return
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("upload failed")
        ss["upload_msg"] = ("error", i18n.t("upload.refused", lang, msg=type(exc).__name__))
        return
    _load_values(scn)
    ss["query_errors"] = []
    ss["upload_msg"] = ("success", i18n.t("upload.ok", lang, name=getattr(up, "name", "scenario.toml")))


# ============================================================================ sidebar


def _unit_text(key: str, f) -> str:
    override = i18n.unit_label(key)
    if override is not None:
        return override
    return sp.pretty_unit(f.unit)


def _label(key: str, f, lang: str) -> str:
    name = i18n.field_label(key, lang)
    if f.is_choice or f.is_bool:
        return name
    u = _unit_text(key, f)
    if u:
        return f"{name} [{u}]"
    return name if f.integer else f"{name} [–]"


def _help(key: str, f, lang: str) -> str:
    t = lambda k: i18n.t(k, lang)  # noqa: E731
    parts = [i18n.field_doc(key, lang)]
    if not (f.is_choice or f.is_bool):
        u = _unit_text(key, f) or t("help.dimensionless")
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


def _widget(key: str, f, lang: str, exact: bool) -> None:
    ss = _ss()
    wkey = _wkey(key, f, lang)
    val = ss["vals"][key]
    spec = sp.widget_spec(f, val, exact)
    label = _label(key, f, lang)
    help_ = _help(key, f, lang)
    if wkey not in ss:
        if spec.kind in ("select", "toggle"):
            ss[wkey] = val
        elif spec.integer:
            ss[wkey] = int(val)
        else:
            ss[wkey] = float(val)
    if spec.kind == "select":
        st.selectbox(
            label,
            spec.options,
            key=wkey,
            help=help_,
            on_change=_on_choice,
            args=(key,),
            format_func=lambda c, _k=key: i18n.choice_label(_k, c, lang),
        )
    elif spec.kind == "toggle":
        st.toggle(label, key=wkey, help=help_, on_change=_on_value, args=(key,))
    elif spec.kind == "slider":
        if spec.integer:
            st.slider(label, int(spec.lo), int(spec.hi), step=1, key=wkey, help=help_, on_change=_on_value, args=(key,))
        else:
            st.slider(
                label,
                float(spec.lo),
                float(spec.hi),
                step=float(spec.step),
                format=spec.fmt,
                key=wkey,
                help=help_,
                on_change=_on_value,
                args=(key,),
            )
    elif spec.kind == "log":
        st.select_slider(
            label,
            options=spec.options,
            key=wkey,
            help=help_,
            on_change=_on_value,
            args=(key,),
            format_func=lambda x: sp.fmt_eng(x, 3),
        )
    else:
        kw: dict[str, Any] = {}
        if spec.integer:
            if spec.lo is not None:
                kw["min_value"] = int(spec.lo)
            if spec.hi is not None:
                kw["max_value"] = int(spec.hi)
            kw["step"] = 1
        else:
            if spec.lo is not None:
                kw["min_value"] = float(spec.lo)
            if spec.hi is not None:
                kw["max_value"] = float(spec.hi)
            kw["step"] = float(spec.step)
            kw["format"] = spec.fmt
        st.number_input(label, key=wkey, help=help_, on_change=_on_value, args=(key,), **kw)


def _field_error(err: ScenarioError | None) -> str | None:
    if err is None:
        return None
    try:
        field_spec(err.field)
        return err.field
    except ScenarioError:
        return None


def _sidebar(lang: str, err: ScenarioError | None, cb_err: ScenarioError | None = None) -> None:
    ss = _ss()
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
        pkey = _preset_key(lang)
        if ss.get(pkey) != ss["preset"]:
            ss[pkey] = ss["preset"] if ss["preset"] in names else presets.DEFAULT
        st.selectbox(
            t("sidebar.preset"),
            names,
            key=pkey,
            on_change=_on_preset,
            format_func=lambda n: i18n.preset_title(n, lang),
            help=t("sidebar.preset_help"),
        )
        st.button(
            t("sidebar.reset"),
            on_click=_on_reset,
            help=t("sidebar.reset_help"),
            width="stretch",
            icon=":material/restart_alt:",
        )
        st.toggle(t("sidebar.exact"), key="exact", on_change=_on_exact, help=t("sidebar.exact_help"))
        st.subheader(t("sidebar.assumptions"), help=t("sidebar.assumptions_help"))
        if cb_err is not None:
            st.error(t("err.here", msg=sp.error_text(cb_err, lang)), icon=":material/error:")
        bad = _field_error(err)
        exact = bool(ss.get("exact"))
        for gid, secs in sp.input_groups():
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
                        _widget(key, f, lang, exact)
                        if key == bad:
                            st.error(t("err.here", msg=sp.error_text(err, lang)), icon=":material/error:")
        if err is not None and bad is None:
            st.error(t("err.here", msg=sp.error_text(err, lang)), icon=":material/error:")
        st.subheader(t("sidebar.file"))
        st.file_uploader(
            t("upload.label"),
            type=["toml"],
            key="upload",
            on_change=_on_upload,
            help=t("upload.help"),
            max_upload_size=1,
        )
        msg = ss.get("upload_msg")
        if msg:
            (st.error if msg[0] == "error" else st.success)(msg[1])


# ============================================================================ main area


def _header(result: Any, lang: str, err: ScenarioError | None, n_changed: int) -> dict:
    ss = _ss()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.title(t("app.title"))
    st.caption(t("app.subtitle"))
    line = t("app.scenario", title=i18n.preset_title(ss["preset"], lang))
    if n_changed:
        line += t("app.modified", n=n_changed)
    st.markdown(line)
    for qerr in ss.get("query_errors") or []:
        st.warning(t("err.query", msg=sp.error_text(qerr, lang)))
    if err is not None:
        st.warning(t("err.banner"), icon=":material/warning:")
    h = sp.headline(result)
    level, sentence = sp.verdict(h, lang)
    box = {"win": st.success, "mixed": st.info, "lose": st.warning}.get(level, st.info)
    box(f"**{sentence}**")
    per_m = lambda x: t("metric.per_m", usd=sp.fmt_usd(x)) if x is not None else "—"  # noqa: E731
    if t("metric.heading"):
        st.markdown(f"**{t('metric.heading')}**")
    c = st.columns(3)
    c[0].metric(t("metric.orbital"), per_m(h["orbital"]), help=t("metric.help.orbital"), border=True)
    c[1].metric(t("metric.terrestrial"), per_m(h["terrestrial"]), help=t("metric.help.terrestrial"), border=True)
    c[2].metric(t("metric.fleet"), per_m(h["fleet"]), help=t("metric.help.fleet"), border=True)
    c = st.columns(3)
    c[0].metric(t("metric.ratio_t"), sp.fmt_ratio(h["ratio_terrestrial"], lang), help=t("metric.help.ratio"))
    c[1].metric(t("metric.ratio_f"), sp.fmt_ratio(h["ratio_fleet"], lang), help=t("metric.help.ratio"))
    c[2].metric(
        t("metric.binding"),
        i18n.binding_label(h["binding"], lang) if h["binding"] else "—",
        help=t("metric.help.binding"),
    )
    return h


def _guard(lang: str, fn: Callable[[], None]) -> None:
    """Run one tab's body; show a readable message instead of a traceback."""
    try:
        fn()
    except ScenarioError as exc:
        st.warning(i18n.t("err.chart", lang, msg=sp.error_text(exc, lang)))
    except Exception as exc:  # noqa: BLE001
        log.exception("tab failed")
        st.warning(i18n.t("err.chart", lang, msg=f"{type(exc).__name__}: {exc}"[:300]))


def _plot(fig) -> None:
    st.plotly_chart(fig, config={"displaylogo": False, "responsive": True}, width="stretch")


def _tab_summary(result, lang) -> None:
    import pandas as pd

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    costs, sat = sp.summary_rows(result, lang)
    c1, c2 = st.columns([1.15, 1])
    with c1:
        st.markdown(f"**{t('summary.costs')}**")
        if costs:
            st.table(pd.DataFrame(costs).set_index(t("costs.col.measure")))
    with c2:
        st.markdown(f"**{t('summary.satellite')}**")
        if sat:
            st.table(pd.DataFrame(sat).set_index(t("summary.col.item")))
    st.caption(t("summary.note"))


def _tab_costs(result, h, lang) -> None:
    from . import charts

    c1, c2 = st.columns(2)
    with c1:
        _plot(charts.cost_comparison(h, lang))
    with c2:
        if "economics.capex_total" in result.si:
            _plot(charts.capex_waterfall(result, lang))


def _tab_mass(result, lang) -> None:
    from . import charts

    _plot(charts.mass_breakdown(result, lang))
    if "launch.satellite_mass" in result.si and "compute.it_power" in result.si:
        st.caption(
            i18n.t(
                "mass.note",
                lang,
                mass=sp.fmt_output(result, "launch.satellite_mass"),
                power=sp.fmt_output(result, "compute.it_power"),
            )
        )


def _tab_orbit(scn: Scenario, result, lang) -> None:
    from . import charts

    raw = scn.raw
    a = _annual(
        float(raw("orbit.altitude")),
        raw("orbit.type") == "sso",
        float(raw("orbit.inclination")),
        float(raw("orbit.ltan")),
        float(raw("orbit.raan")),
        int(raw("orbit.year")),
    )
    _plot(charts.eclipse_year(a["day"], a["fraction"], a["beta"], int(raw("orbit.year")), lang))
    st.caption(
        i18n.t(
            "orbit.summary",
            lang,
            mean=f"{result.value('orbit.eclipse_fraction_mean'):.1%}",
            dur=sp.fmt_output(result, "orbit.eclipse_duration_max", 3),
            days=f"{result.value('orbit.eclipse_days'):.0f}",
        )
    )


def _tab_thermal(preset, ov, result, lang) -> None:
    from . import charts

    d = _radiator_sweep(preset, ov)
    point = None
    if "thermal.radiator_temperature" in result.si:
        point = (result.value("thermal.radiator_temperature", "degC"), result.value("thermal.radiator_area", "m^2"))
    t_c = d["t"] - 273.15 if d["t"].size and d["t"].mean() > 150 else d["t"]
    _plot(charts.radiator_curve(t_c, d["a"], point, lang))
    st.caption(i18n.t("thermal.note", lang, lo=f"{d['lo']:.0f}", hi=f"{d['hi']:.0f}"))


def _tab_launch(preset, ov, scn, result, lang) -> None:
    from . import charts

    d = _launch_sweep(preset, ov)
    current = None
    if scn.raw("launch.price_basis") == "per_kg":
        x = float(scn.raw("launch.price_per_kg"))
    elif "launch.launch_price" in result.si:
        # the price this scenario pays, per kg of the vehicle's reference capacity (the x axis)
        x = result.value("launch.launch_price", "USD") / scn["launch.payload_mass"].to("kg").magnitude
    else:
        x = None
    if x is not None and x > 0:
        current = (x, sp.headline(result)["orbital"])
    _plot(charts.launch_price(d["price"], d["costs"], d["breakeven"], current, lang, d.get("breakeven_fleet")))
    if d["breakeven"] is None:
        status = i18n.t("launch.orbit_cheaper" if d["cheaper"] else "launch.orbit_dearer", lang)
        st.info(i18n.t("launch.no_breakeven", lang, lo=sp.fmt_usd(d["lo"]), hi=sp.fmt_usd(d["hi"]), status=status))
    refs = ", ".join(i18n.t(k, lang) for k in ("launch.ref.f9", "launch.ref.claim"))
    st.caption(i18n.t("launch.note", lang, refs=refs))


def _tab_links(result, lang) -> None:
    from ..model import outputs

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    keys = [k for k in outputs() if k.startswith("links.") and k in result.si]
    if not keys:
        st.info(t("err.missing", what="links.*"))
        return
    st.markdown(f"**{t('links.title')}**")
    rows = [
        {
            t("links.col.item"): i18n.output_doc(k, lang),
            t("links.col.value"): sp.fmt_output(result, k, 4, lang),
            t("links.col.key"): k,
        }
        for k in keys
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=min(36 * (len(rows) + 1) + 4, 720))


def _tab_tornado(preset, ov, lang) -> None:
    from . import charts

    table, base = _tornado(preset, ov)
    unit_of = lambda k: _unit_text(k, field_spec(k))  # noqa: E731
    _plot(charts.tornado(table, base, lang, n=10, unit_of=unit_of))
    st.caption(i18n.t("tornado.note", lang))


_CLAIM_ICON = {
    "holds": ":green[:material/check_circle:]",
    "fails": ":red[:material/cancel:]",
    "conditional": ":orange[:material/error:]",
    "untested": ":gray[:material/help:]",
}
_CLAIM_COLOR = {"holds": "green", "fails": "red", "conditional": "orange", "untested": "gray"}


def _tab_claims(preset, ov, lang) -> None:
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    try:
        import importlib

        importlib.import_module("orbitdc.claims")
    except ImportError:
        st.info(t("err.missing", what="orbitdc.claims"))
        return
    cards = sp.claim_cards(_claims(preset, ov), lang)
    st.markdown(f"**{t('claims.title')}**")
    st.caption(t("claims.intro"))
    counts = {}
    for c in cards:
        counts[c["level"]] = counts.get(c["level"], 0) + 1
    summary = ", ".join(f"{_CLAIM_ICON[k]} {i18n.claim_level(k, lang)} {n}" for k, n in counts.items())
    st.markdown(t("claims.summary", n=len(cards), counts=summary))
    if lang != "en":
        st.caption(t("claims.english"))
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


@_safe
def _on_when_preset(name: str) -> None:
    ss = _ss()
    if name not in presets.names():
        return
    ss["preset"] = name
    ss[_preset_key(ss.get("lang", "en"))] = name
    _load_values(sp.preset_scenario(name))


def _tab_when(preset, ov, lang) -> None:
    from ..claims_years import PROJECTION_PRESETS
    from . import charts_years as cy

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('when.title')}**")
    st.caption(t("when.intro", n=_WHEN_N))
    st.markdown(f"**{t('when.presets')}**")
    cols = st.columns(4)
    for i, name in enumerate(PROJECTION_PRESETS):
        cols[i % 4].button(
            name,
            key=f"when_preset_{name}",
            help=i18n.preset_title(name, lang),
            on_click=_on_when_preset,
            args=(name,),
            type="primary" if name == preset else "secondary",
        )
    ds, res = _when(preset, ov)
    _plot(cy.years_costs(ds, lang))
    st.markdown(f"**{t('when.parity.title')}**")
    st.table(cy.parity_summary_rows(res, lang))
    _plot(cy.parity_curves(res, lang))
    rows = cy.deciding_rows(res, "terrestrial", lang, top=8)
    if rows:
        st.markdown(f"**{t('when.deciding.title')}**")
        st.dataframe(rows, hide_index=True, width="stretch")
    year = st.slider(t("when.wmbt.year"), _WHEN_YEARS[0], _WHEN_YEARS[1], 2035, key="when_wmbt_year")
    deciding = tuple(res.deciding["terrestrial"].index[:6]) if len(res.deciding.get("terrestrial", ())) else ()
    fields = tuple(dict.fromkeys(_WMBT_ALWAYS + deciding))
    st.markdown(f"**{t('when.wmbt.title', year=year)}**")
    st.dataframe(cy.wmbt_rows(_wmbt(preset, ov, int(year), fields), lang), hide_index=True, width="stretch")


def _tab_outputs(result, lang) -> None:
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    rows = [
        {
            t("outputs.col.key"): r["key"],
            t("outputs.col.value"): r["text"],
            t("outputs.col.description"): r["description"],
        }
        for r in sp.results_rows(result, lang)
    ]
    st.markdown(f"**{t('outputs.title')}**")
    st.dataframe(rows, hide_index=True, width="stretch", height=560)


def _tab_share(scn: Scenario, result, params: dict, lang) -> None:
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
        t("download.csv"), sp.results_csv(result), file_name=f"{base}-results.csv", mime="text/csv", width="stretch"
    )
    c[2].download_button(
        t("download.json"),
        sp.results_json(result),
        file_name=f"{base}-results.json",
        mime="application/json",
        width="stretch",
    )
    st.caption(t("share.upload_hint"))


def _sync_query(params: dict) -> None:
    try:
        current = st.query_params.to_dict()
    except Exception:  # pragma: no cover
        return
    if current != params:
        st.query_params.from_dict(params)


# ============================================================================ entry point


def main() -> None:
    """Render the calculator (one Streamlit script run); never a traceback on screen."""
    try:
        _main()
    except Exception as exc:  # noqa: BLE001 - Streamlit's rerun/stop are BaseExceptions and pass
        log.exception("page failed")
        st.error(i18n.t("err.page", _ss().get("lang", "en"), msg=f"{type(exc).__name__}: {exc}"[:400]))


def _main() -> None:
    st.set_page_config(
        page_title="orbitdc: AI inference in orbit",
        page_icon=":material/satellite_alt:",
        layout="wide",
        initial_sidebar_state="expanded",
    )
    st.html(_CSS)
    _init_state()
    ss = _ss()
    lang = ss.get("lang", "en")
    if lang not in i18n.LANGS:
        lang = ss["lang"] = "en"
    preset = ss["preset"]
    base = sp.preset_scenario(preset)
    vals = ss["vals"]
    ov = tuple(sorted(sp.scenario_overrides(vals, base).items()))
    err: ScenarioError | None = None
    result = None
    try:
        result = _evaluate(preset, ov)
    except ScenarioError as exc:
        err = exc
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("evaluate failed")
        err = ScenarioError("scenario", "(combination)", "", f"{type(exc).__name__}: {exc}"[:300])
    if err is None:
        ss["last_ok"] = (preset, ov)
    else:
        last = ss.get("last_ok")
        fallback = [last] if last else []
        fallback.append((preset, ()))
        for p, o in fallback:
            try:
                result = _evaluate(p, o)
                preset_used, ov = p, o
                break
            except Exception:  # noqa: BLE001
                continue
    _sidebar(lang, err, ss.pop("cb_error", None))
    if result is None:
        st.error(sp.error_text(err, lang) if err else "evaluation failed")
        return
    used_preset = preset if err is None else preset_used
    scn = _scenario(used_preset, ov)
    params = {sp.PARAM_PRESET: used_preset}
    if lang != "en":
        params[sp.PARAM_LANG] = lang
    params.update({k: sp.param_text(v) for k, v in ov})
    if err is None:
        _sync_query(params)
    h = _header(result, lang, err, len(sp.diff_from(dict(ov), base)) if err is None else 0)
    labels = [i18n.t(f"tab.{k}", lang) for k in _TABS]
    tabs = st.tabs(labels, key=f"tab_{lang}", on_change="rerun")
    bodies: dict[str, Callable[[], None]] = {
        "summary": lambda: _tab_summary(result, lang),
        "costs": lambda: _tab_costs(result, h, lang),
        "mass": lambda: _tab_mass(result, lang),
        "orbit": lambda: _tab_orbit(scn, result, lang),
        "thermal": lambda: _tab_thermal(used_preset, ov, result, lang),
        "launch": lambda: _tab_launch(used_preset, ov, scn, result, lang),
        "links": lambda: _tab_links(result, lang),
        "tornado": lambda: _tab_tornado(used_preset, ov, lang),
        "when": lambda: _tab_when(used_preset, ov, lang),
        "claims": lambda: _tab_claims(used_preset, ov, lang),
        "outputs": lambda: _tab_outputs(result, lang),
        "share": lambda: _tab_share(scn, result, params, lang),
    }
    for name, tab in zip(_TABS, tabs):
        if tab.open is False:
            continue
        with tab:
            _guard(lang, bodies[name])
    st.divider()
    st.caption(i18n.t("footer", lang, version=__version__))
