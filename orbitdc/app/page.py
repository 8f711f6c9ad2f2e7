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
from ..units import si_unit_of
from . import i18n
from . import support as sp

log = logging.getLogger("orbitdc.app")

WKEY = "w:"  # widget keys: "w:<section.field>"; choice boxes "w:<lang>:<section.field>"
GKEY = "grp:"  # expander keys: "grp:<group id>"
_CSS = """<style>
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
div[data-testid="stCode"] pre, div[data-testid="stCode"] code { white-space: pre-wrap !important; word-break: break-all; }
div[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: 0.25rem; }
@media (max-width: 640px) {
  div[data-testid="stMainBlockContainer"], .block-container { padding-left: 0.75rem !important; padding-right: 0.75rem !important; padding-top: 3rem !important; }
  div[data-testid="stMetricValue"] { font-size: 1.4rem; }
  h1 { font-size: 1.6rem !important; }
  div[data-testid="stMarkdownContainer"] { overflow-wrap: anywhere; }
}
</style>"""
#: The views, grouped into five tabs so that every one is reachable at laptop width.
GROUPS: dict[str, tuple[str, ...]] = {
    "result": ("summary", "breakdown", "costs"),
    "satellite": ("mass", "orbit", "radiation", "thermal", "links"),
    "drivers": ("launch", "tornado", "wmbt", "optimise"),
    "time": ("when", "claims"),
    "compare": ("compare", "share", "outputs"),
}
_TABS = tuple(v for views in GROUPS.values() for v in views)
_BAND_N = 8000
"""Monte Carlo samples of the headline band's uncertainty (p5-p95, P(orbit cheaper)): about a second."""


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
def _uncertainty(preset: str, overrides: tuple) -> dict:
    """Headline uncertainty (orbitdc.breakdown.headline_uncertainty), cached per scenario."""
    from ..breakdown import headline_uncertainty

    return headline_uncertainty(_scenario(preset, overrides), n=_BAND_N, seed=0)


@st.cache_data(max_entries=64, show_spinner=False)
def _breakdown(preset: str, overrides: tuple) -> tuple:
    from ..breakdown import cost_breakdown, deciding_factor

    res = _evaluate(preset, overrides)
    parts = cost_breakdown(res)
    return parts, deciding_factor(res, parts)


@st.cache_data(max_entries=32, show_spinner=False)
def _breakeven_one(preset: str, overrides: tuple, field: str, baseline: str) -> dict:
    from ..breakeven import breakeven

    f = field_spec(field)
    lo, hi = _field_range(f)
    be = breakeven(_scenario(preset, overrides), field, baseline, bracket=(lo, hi))
    return {
        "found": bool(be.found),
        "value": float(be.value.magnitude) if be.found else None,
        "lo": lo,
        "hi": hi,
        "cheaper_below": bool(be.orbit_cheaper_below) if be.found else bool(be.orbital[0] < be.reference[0]),
        "cheaper_everywhere": bool(be.orbital[0] < be.reference[0] and be.orbital[1] < be.reference[1]),
    }


@st.cache_data(max_entries=16, show_spinner=False)
def _breakeven_2d(preset: str, overrides: tuple, fx: str, fy: str, baseline: str) -> Any:
    import numpy as np

    from .. import studies

    axes = []
    for key, n in ((fx, 13), (fy, 25)):
        lo, hi = _field_range(field_spec(key))
        axes.append(np.geomspace(lo, hi, n) if lo > 0 and hi / lo >= 50 else np.linspace(lo, hi, n))
    ds = studies.breakeven_map(_scenario(preset, overrides), fx, fy, baseline, x=axes[0], y=axes[1], refine=False)
    return ds["cost_ratio"]


def _field_range(f) -> tuple[float, float]:
    """The search range of a numeric field: its spread, else its slider range, else its bounds."""
    for rng in (getattr(f, "spread", None), f.ui, (f.low, f.high)):
        if rng is not None and rng[0] is not None and rng[1] is not None and float(rng[1]) > float(rng[0]):
            lo, hi = float(rng[0]), float(rng[1])
            if f.low_open and f.low is not None and lo <= f.low:
                lo = f.low + (hi - lo) * 1e-3
            if f.high_open and f.high is not None and hi >= f.high:
                hi = f.high - (hi - lo) * 1e-3
            return lo, hi
    raise ScenarioError(f.name, "(range)", "", "this input has no finite range to search")


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
    # each named vehicle at its catalog price per kg of reference payload (the x axis), as the
    # vehicle choice fills the scenario (keyed by choice; the chart labels them per language)
    fills = field_spec("launch.vehicle").fills or {}
    vehicles = [(k, float(v["price_per_kg"])) for k, v in fills.items() if k != "generic"]
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
        "vehicles": vehicles,
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
                "t_unit": ds[keys[0]].attrs["units"],
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
    basis = _PRICE_BASIS.get(key)
    if basis is not None and "launch.price_basis" in ss["vals"]:
        # the price the user edits is the one that counts: never two prices in conflict
        ss["vals"]["launch.price_basis"] = basis
        for lg in i18n.LANGS:
            ss.pop(_wkey("launch.price_basis", lang=lg), None)


#: The two launch-price inputs and the basis each one sets when edited.
_PRICE_BASIS = {"launch.price_per_kg": "per_kg", "launch.price_per_launch": "per_launch"}


def _active_price(vals: dict) -> str:
    """The launch-price input that sets the price in ``vals`` (the one the sidebar shows)."""
    basis = vals.get("launch.price_basis", "auto")
    if basis in ("per_kg", "per_launch"):
        return f"launch.price_{basis}"
    fills = field_spec("launch.vehicle").fills or {}
    cat = fills.get(vals.get("launch.vehicle"), {})
    kg = cat.get("price_per_kg")
    if kg is not None and "launch.price_per_kg" in vals and abs(float(vals["launch.price_per_kg"]) - kg) > 1e-9 * kg:
        return "launch.price_per_kg"
    return "launch.price_per_launch"


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


def _disabled(key: str, vals: dict, lang: str = "en") -> str | None:
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


def _n_changed(ov: tuple, base: Scenario) -> int:
    """How many choices the user made: a vehicle (and what it fills) is one; a price and its basis are one."""
    d = sp.diff_from(dict(ov), base)
    counted = set(d)
    for key, value in d.items():
        f = field_spec(key)
        if f.is_choice and f.fills and value in f.fills:
            ref = base.with_overrides({key: value})
            sec = key.split(".", 1)[0]
            for fname in f.fills[value]:
                tk = fname if "." in fname else f"{sec}.{fname}"
                if tk in d and sp._same(d[tk], ref.raw(tk)):
                    counted.discard(tk)
    if "launch.price_basis" in counted and counted & set(_PRICE_BASIS):
        counted.discard("launch.price_basis")
    return len(counted)


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
    up = ss.get(_upload_key())
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
        ss["upload_gen"] = ss.get("upload_gen", 0) + 1  # a fresh, empty uploader: the refused file is not listed
        return
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("upload failed")
        ss["upload_msg"] = ("error", i18n.t("upload.refused", lang, msg=type(exc).__name__))
        ss["upload_gen"] = ss.get("upload_gen", 0) + 1
        return
    _load_values(scn)
    ss["query_errors"] = []
    ss["upload_msg"] = ("success", i18n.t("upload.ok", lang, name=getattr(up, "name", "scenario.toml")))


def _upload_key() -> str:
    return f"upload{_ss().get('upload_gen', 0) or ''}"


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
    why = _disabled(key, ss["vals"], lang)
    disabled = why is not None
    if disabled:
        help_ = f"**{why}**\n\n{help_}"
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
            disabled=disabled,
        )
    elif spec.kind == "toggle":
        st.toggle(label, key=wkey, help=help_, on_change=_on_value, args=(key,), disabled=disabled)
    elif spec.kind == "slider":
        if spec.integer:
            st.slider(
                label,
                int(spec.lo),
                int(spec.hi),
                step=1,
                key=wkey,
                help=help_,
                on_change=_on_value,
                args=(key,),
                disabled=disabled,
            )
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
                disabled=disabled,
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
            disabled=disabled,
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
        st.number_input(label, key=wkey, help=help_, on_change=_on_value, args=(key,), disabled=disabled, **kw)


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
        st.caption(i18n.preset_title(ss["preset"], lang))  # the whole name: the box cuts long ones
        st.button(
            t("sidebar.reset"),
            on_click=_on_reset,
            help=t("sidebar.reset_help"),
            width="stretch",
            icon=":material/restart_alt:",
        )
        st.toggle(t("sidebar.exact"), key="exact", on_change=_on_exact, help=t("sidebar.exact_help"))
        st.radio(t("currency.label"), ("USD", "JPY"), key="currency", horizontal=True)
        if ss.get("currency") == "JPY":
            st.number_input(
                t("currency.rate"),
                min_value=1.0,
                max_value=1000.0,
                step=0.5,
                format="%.1f",
                key="jpy_rate",
                help=t("currency.rate_help", rate=f"{sp.JPY_PER_USD:.0f}", date=sp.JPY_RATE_DATE),
            )
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
                        if key in _PRICE_BASIS and key != _active_price(ss["vals"]):
                            continue  # one launch-price input: the one its basis uses
                        _widget(key, f, lang, exact)
                        if key == bad:
                            st.error(t("err.here", msg=sp.error_text(err, lang)), icon=":material/error:")
        if err is not None and bad is None:
            st.error(t("err.here", msg=sp.error_text(err, lang)), icon=":material/error:")
        st.subheader(t("sidebar.file"))
        st.file_uploader(
            t("upload.label"),
            type=["toml"],
            key=_upload_key(),
            on_change=_on_upload,
            help=t("upload.help"),
            max_upload_size=1,
        )


# ============================================================================ main area


def _share(x: float) -> str:
    return f"{x:.0%}"


def _workload_line(scn: Scenario, result: Any, lang: str) -> str | None:
    """Model, chip, precision, batch, prompt and answer lengths: the workload the headline prices."""
    try:
        raw = scn.raw
        bits = float(scn["workload.bytes_per_parameter"].to("B").magnitude) * 8
        batch = result.value("compute.batch") if "compute.batch" in result.si else raw("workload.batch")
        return i18n.t(
            "workload.line",
            lang,
            model=i18n.choice_label("workload.model", raw("workload.model"), lang),
            chip=i18n.choice_label("compute.accelerator", raw("compute.accelerator"), lang),
            bits=f"{bits:g}",
            batch=f"{float(batch):,.0f}",
            prompt=f"{float(raw('workload.prompt_tokens')):,.0f}",
            out=f"{float(raw('workload.output_tokens')):,.0f}",
        )
    except Exception:  # noqa: BLE001 - a partial pipeline or a schema without the workload section
        return None


def _header(
    result: Any, scn: Scenario, lang: str, err: ScenarioError | None, n_changed: int, preset: str, ov: tuple
) -> dict:
    ss = _ss()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.title(t("app.title"))
    msg = ss.get("upload_msg")
    if msg:  # upload feedback at the top of the main area, where the user looks
        (st.error if msg[0] == "error" else st.success)(msg[1], icon=":material/upload_file:")
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
    h["binding"] = None  # the deciding factor below says what decides the cost
    deciding = None
    try:
        _parts, deciding = _breakdown(preset, ov)
    except Exception:  # noqa: BLE001 - a partial pipeline: no breakdown, the rest of the band stays
        log.exception("breakdown failed")
    level, sentence = sp.verdict(h, lang)
    if deciding is not None:
        sentence += t(
            "verdict.deciding",
            cat=t(f"cat.{deciding.category}").lower() if lang == "en" else t(f"cat.{deciding.category}"),
            share=_share(deciding.share),
        )
    box = {"win": st.success, "mixed": st.info, "lose": st.warning}.get(level, st.info)
    with st.container(key="headline_band"):
        box(f"**{sentence}**")
        per_m = lambda x: t("metric.per_m", usd=sp.fmt_usd(x)) if x is not None else "—"  # noqa: E731
        if t("metric.heading"):
            st.markdown(f"**{t('metric.heading')}**")
        c = st.columns(3)
        slots = {}
        for col, arch in zip(c, ("orbital", "terrestrial", "fleet")):
            col.metric(t(f"metric.{arch}"), per_m(h[arch]), help=t(f"metric.help.{arch}"), border=True)
            slots[arch] = col.empty()
            slots[arch].caption(t("band.pending"))
        c = st.columns(3)
        c[0].metric(t("metric.ratio_t"), sp.fmt_ratio(h["ratio_terrestrial"], lang), help=t("metric.help.ratio"))
        c[1].metric(t("metric.ratio_f"), sp.fmt_ratio(h["ratio_fleet"], lang), help=t("metric.help.ratio"))
        if deciding is not None:
            c[2].metric(
                t("metric.deciding"),
                t("deciding.value", cat=t(f"cat.{deciding.category}"), share=_share(deciding.share)),
                help=t("metric.help.deciding"),
            )
            extra = t("deciding.then", cat=t(f"cat.{deciding.runner_up}"), share=_share(deciding.runner_up_share))
            if deciding.limit:
                extra += " · " + t("deciding.limit", limit=i18n.binding_label(deciding.limit, lang))
            c[2].caption(extra)
        slots["prob"] = st.empty()
        wl = _workload_line(scn, result, lang)
        if wl:
            st.caption(wl)
        code, rate = sp.currency()
        if code == "JPY":
            edited = abs(rate - sp.JPY_PER_USD) > 1e-9
            st.caption(
                t("currency.note_edited", rate=f"{rate:g}")
                if edited
                else t("currency.note", rate=f"{rate:g}", date=sp.JPY_RATE_DATE)
            )
    h["_slots"] = slots
    return h


def _fill_band(h: dict, preset: str, ov: tuple, lang: str) -> None:
    """The headline's uncertainty, computed after the page is drawn (the numbers show first)."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    slots = h.get("_slots") or {}
    try:
        u = _uncertainty(preset, ov)
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("uncertainty failed")
        for k in ("orbital", "terrestrial", "fleet"):
            if k in slots:
                slots[k].empty()
        if "prob" in slots:
            slots["prob"].caption(t("band.failed", msg=f"{type(exc).__name__}"))
        return
    for arch in ("orbital", "terrestrial", "fleet"):
        if arch in slots:
            slots[arch].caption(
                t(
                    "band.range",
                    mid=sp.fmt_usd(u["p50"][arch]),
                    lo=sp.fmt_usd(u["p5"][arch]),
                    hi=sp.fmt_usd(u["p95"][arch]),
                )
            )
    if "prob" in slots:
        pc = u["p_cheaper"]
        fmt = lambda p: "< 0.1 %" if 0 < p < 0.001 else f"{p:.0%}" if p >= 0.01 or p == 0 else f"{p:.1%}"  # noqa: E731
        slots["prob"].markdown(
            t(
                "band.prob",
                pt=fmt(pc.get("terrestrial", float("nan"))),
                pf=fmt(pc.get("fleet", float("nan"))),
                n=f"{u['n']:,}",
                fields=u["fields"],
            )
        )


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
    a = result.series  # the orbit stage's daily series: the app only formats
    _plot(
        charts.eclipse_year(
            a["orbit.day"], a["orbit.daily_eclipse_fraction"], a["orbit.daily_beta"], int(raw("orbit.year")), lang
        )
    )
    st.caption(
        i18n.t(
            "orbit.summary",
            lang,
            mean=f"{result.value('orbit.eclipse_fraction_mean'):.1%}",
            dur=sp.fmt_output(result, "orbit.eclipse_duration_max", 3),
            days=f"{result.value('orbit.eclipse_days'):.0f}",
        )
    )


@st.cache_data(max_entries=32, show_spinner=False)
def _radiation(preset: str, overrides: tuple) -> dict:
    """Dose against altitude (orbitdc.sections.radiation.by_altitude) and the orbit's transient
    (orbitdc.transient.transient), cached per scenario."""
    import numpy as np

    from ..sections.radiation import by_altitude
    from ..transient import transient

    scn = _scenario(preset, overrides)
    d = None
    for top in (2000.0, 1200.0, 800.0):  # a vehicle that cannot reach the top altitude: scan lower
        try:
            d = by_altitude(scn, np.linspace(300.0, top, 35))
            break
        except ScenarioError:
            continue
    tr = transient(scn, "worst", traces=True)
    return {"dose": d, "transient": {k: np.asarray(v) for k, v in tr.items()}}


def _tab_radiation(preset, ov, scn, result, lang) -> None:
    from . import charts

    d = _radiation(preset, ov)
    if d["dose"] is not None:
        dose = d["dose"]
        point = (scn["orbit.altitude"].to("km").magnitude, result.value("radiation.dose_rate", "Gy/yr"))
        _plot(charts.dose_altitude(dose["altitude_km"], dose["dose_gy_per_year"], dose["shielding_kg_m2"], point, lang))
    st.caption(
        i18n.t(
            "radiation.note",
            lang,
            dose=sp.fmt_output(result, "radiation.dose_rate", 3),
            life=sp.fmt_output(result, "radiation.dose_life", 3),
            shield=f"{scn['launch.shielding_areal_density'].to('kg/m^2').magnitude:.3g} kg/m²",
        )
    )
    tr = d["transient"]
    k2c = 273.15  # K to degC for display
    _plot(
        charts.orbit_traces(
            tr["time"][0] / 60.0,
            tr["soc"][0],
            tr["radiator_temperature"][0] - k2c,
            tr["array_temperature"][0] - k2c,
            lang,
        )
    )
    st.caption(
        i18n.t(
            "transient.note",
            lang,
            soc=f"{100.0 * float(tr['soc_min'].ravel()[0]):.1f} %",
            dod=f"{100.0 * float(tr['depth_of_discharge'].ravel()[0]):.0f} %",
            swing=f"{float(tr['radiator_swing'].ravel()[0]):.2g} K",
            above=f"{float(tr['time_above_junction'].ravel()[0]) / 60.0:.0f} min",
            tj=f"{float(tr['junction_max'].ravel()[0]) - k2c:.1f} °C",
            over=f"{float(tr['junction_max'].ravel()[0]) - float(result.si['thermal.junction_temperature_max']):.2g} K",
            ecl=f"{float(tr['eclipse_duration'].ravel()[0]) / 60.0:.1f} min",
        )
    )


def _tab_thermal(preset, ov, result, lang) -> None:
    from . import charts

    d = _radiator_sweep(preset, ov)
    point = None
    if "thermal.radiator_temperature" in result.si:
        point = (result.value("thermal.radiator_temperature", "degC"), result.value("thermal.radiator_area", "m^2"))
    # the sweep reports the radiator temperature in its display unit: to degC exactly, no guessing
    _si, scale, offset = si_unit_of(d["t_unit"])
    t_c = d["t"] * scale + offset - 273.15
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
    _plot(
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
        {  # the value first: on a phone it is the column in view
            t("links.col.value"): sp.fmt_output(result, k, 4, lang),
            t("links.col.item"): i18n.output_doc(k, lang),
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


@st.cache_data(max_entries=16, show_spinner=False)
def _optimised(preset: str, overrides: tuple) -> dict:
    """Best orbital and best ground design for this scenario's assumptions
    (orbitdc.studies.best_vs_ground, seeded), cached per scenario."""
    from .. import studies

    r = studies.best_vs_ground(_scenario(preset, overrides), seed=0)

    def side(o) -> dict:
        return {
            "start": float(o.start_value),
            "best": float(o.value),
            "changes": {k: (a, b) for k, (a, b) in o.changes.items()},
            "evaluations": int(o.evaluations),
            "seconds": float(o.wall_time),
            "feasible": bool(o.feasible),
        }

    return {"orbit": side(r.orbit), "ground": side(r.ground), "ratio": float(r.ratio), "start": float(r.start_ratio)}


def _tab_optimise(preset, ov, lang) -> None:
    import pandas as pd

    from .formatting import fmt_num

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    st.markdown(f"**{t('opt.title')}**")
    st.caption(t("opt.intro"))
    key = f"opt:{preset}:{hash(ov)}"
    if st.button(t("opt.button"), key="opt_button", type="primary"):
        st.session_state[key] = True
    if not st.session_state.get(key):
        return
    with st.spinner(t("opt.running")):
        d = _optimised(preset, ov)
    o, g = d["orbit"], d["ground"]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("opt.orbit"), sp.fmt_usd(o["best"]), sp.fmt_usd(o["best"] - o["start"]), delta_color="inverse")
    c2.metric(t("opt.ground"), sp.fmt_usd(g["best"]), sp.fmt_usd(g["best"] - g["start"]), delta_color="inverse")
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
                t("opt.col.unit"): sp.pretty_unit(field_spec(k).unit) if field_spec(k).unit else "",
            }
            for k, (a, b) in side["changes"].items()
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)


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


@st.cache_data(max_entries=16, show_spinner=False)
def _claims_by_year(preset: str, overrides: tuple) -> dict:
    """Published projections on their presets and this scenario's seed claims by year
    (orbitdc.claims_years.report, the call behind ``orbitdc claims --projections --by-year``)."""
    from .. import claims_years

    rep = claims_years.report(_scenario(preset, overrides), projections_=True, by_year=True)
    proj = [(p.key, p.preset, p.claim, p.verdict, p.first_year) for p in rep.projections]
    by = [] if rep.by_year is None else [(r["claim"], r["text"], r["holds_from"]) for _, r in rep.by_year.iterrows()]
    return {"projections": proj, "by_year": by}


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
        d = _claims_by_year(preset, ov)

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
    used = scn.name or "scenario"
    ov = tuple(sorted(sp.scenario_overrides(sp.scenario_values(scn), sp.preset_scenario(used)).items()))
    try:
        pdf = _report_pdf(used, ov, lang, sp.currency())
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


def _tab_breakdown(preset, ov, lang) -> None:
    import pandas as pd

    from . import charts

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    parts, _d = _breakdown(preset, ov)
    _plot(charts.breakdown_bars(parts, lang))
    archs = ("orbital", "terrestrial", "fleet")
    rows = []
    for cat in next(iter(parts.values())):
        row = {t("breakdown.col.category"): t(f"cat.{cat}")}
        for a in archs:
            tot = sum(parts[a].values())
            row[t(f"arch.{a}")] = f"{sp.fmt_usd(parts[a][cat])} ({parts[a][cat] / tot:.0%})" if tot > 0 else "—"
        rows.append(row)
    rows.append(
        {
            t("breakdown.col.category"): t("costs.total"),
            **{t(f"arch.{a}"): sp.fmt_usd(sum(parts[a].values())) for a in archs},
        }
    )
    st.table(pd.DataFrame(rows).set_index(t("breakdown.col.category")))
    st.caption(t("breakdown.note"))


def _numeric_fields() -> list[str]:
    from ..scenario import Scenario as _S

    keys = []
    for key in _S().keys():
        f = field_spec(key)
        if f.is_choice or f.is_bool:
            continue
        try:
            _field_range(f)
        except ScenarioError:
            continue
        keys.append(key)
    return keys


def _tab_wmbt(preset, ov, scn, lang) -> None:
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    from . import charts

    st.markdown(f"**{t('wmbt.title')}**")
    st.caption(t("wmbt.intro"))
    keys = _numeric_fields()
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
    unit = _unit_text(field, f)
    fmt = lambda v: f"{sp.fmt_num(v, 4)} {unit}".strip()  # noqa: E731
    d = _breakeven_one(preset, ov, field, baseline)
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
        ratio = _breakeven_2d(preset, ov, field, field2, baseline)
        _plot(charts.breakeven_map(ratio, field, field2, unit, _unit_text(field2, field_spec(field2)), lang))


def _tab_compare(preset, ov, result, lang) -> None:
    import pandas as pd

    from . import charts

    ss = _ss()
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
    res_a = _evaluate(pa, oa)
    ha, hb = sp.headline(res_a), sp.headline(result)
    title = lambda p, o: i18n.preset_title(p, lang) + (f" (+{_n_changed(o, sp.preset_scenario(p))})" if o else "")  # noqa: E731
    la, lb = t("compare.a", title=title(pa, oa)), t("compare.b", title=title(preset, ov))
    st.markdown(f"- {la}\n- {lb}")
    _plot(charts.compare_bars(ha, hb, "A", "B", lang))
    rows = []
    for k in ("orbital", "terrestrial", "fleet"):
        a, b = ha.get(k), hb.get(k)
        rows.append(
            {
                t("compare.col.measure"): t(f"metric.{k}"),
                "A": sp.fmt_usd(a),
                "B": sp.fmt_usd(b),
                t("compare.col.change"): sp.fmt_ratio(b / a, lang) if a and b else "—",
            }
        )
    for k, key in (("ratio_terrestrial", "metric.ratio_t"), ("ratio_fleet", "metric.ratio_f")):
        rows.append(
            {
                t("compare.col.measure"): t(key),
                "A": sp.fmt_ratio(ha.get(k), lang),
                "B": sp.fmt_ratio(hb.get(k), lang),
                t("compare.col.change"): "",
            }
        )
    st.table(pd.DataFrame(rows).set_index(t("compare.col.measure")))
    sa, sb = _scenario(pa, oa), _scenario(preset, ov)
    diff = []
    for key in sb.keys():
        va, vb = sa.raw(key), sb.raw(key)
        if not sp._same(va, vb):
            f = field_spec(key)
            u = "" if f.is_choice or f.is_bool else _unit_text(key, f)
            show = lambda v, _k=key, _f=f, _u=u: (  # noqa: E731
                i18n.choice_label(_k, v, lang) if _f.is_choice else f"{sp.fmt_num(float(v), 4)} {_u}".strip()
            )
            diff.append({t("compare.col.input"): i18n.field_label(key, lang), "A": show(va), "B": show(vb)})
    st.markdown(f"**{t('compare.inputs')}**")
    if diff:
        st.dataframe(diff, hide_index=True, width="stretch")
    else:
        st.caption(t("compare.same"))


@st.cache_data(max_entries=8, show_spinner=False)
def _report_pdf(preset: str, overrides: tuple, lang: str, currency: tuple) -> bytes:
    from ..report import report_pdf

    return report_pdf(_scenario(preset, overrides), base=sp.preset_scenario(preset), lang=lang, n=_BAND_N)


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
        initial_sidebar_state="auto",  # open on a laptop, collapsed on a phone
    )
    _init_state()
    ss = _ss()
    lang = ss.get("lang", "en")
    if lang not in i18n.LANGS:
        lang = ss["lang"] = "en"
    st.html(_CSS % {"drop": i18n.t("upload.drop", lang), "browse": i18n.t("upload.browse", lang)})
    ss.setdefault("currency", "USD")
    ss.setdefault("jpy_rate", sp.JPY_PER_USD)
    sp.set_currency(ss["currency"], ss["jpy_rate"])
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
    h = _header(result, scn, lang, err, _n_changed(ov, base) if err is None else 0, used_preset, ov)
    labels = [i18n.t(f"group.view.{g}", lang) for g in GROUPS]
    tabs = st.tabs(labels, key=f"tab_{lang}", on_change="rerun")
    bodies: dict[str, Callable[[], None]] = {
        "breakdown": lambda: _tab_breakdown(used_preset, ov, lang),
        "wmbt": lambda: _tab_wmbt(used_preset, ov, scn, lang),
        "optimise": lambda: _tab_optimise(used_preset, ov, lang),
        "compare": lambda: _tab_compare(used_preset, ov, result, lang),
        "summary": lambda: _tab_summary(result, lang),
        "costs": lambda: _tab_costs(result, h, lang),
        "mass": lambda: _tab_mass(result, lang),
        "orbit": lambda: _tab_orbit(scn, result, lang),
        "radiation": lambda: _tab_radiation(used_preset, ov, scn, result, lang),
        "thermal": lambda: _tab_thermal(used_preset, ov, result, lang),
        "launch": lambda: _tab_launch(used_preset, ov, scn, result, lang),
        "links": lambda: _tab_links(result, lang),
        "tornado": lambda: _tab_tornado(used_preset, ov, lang),
        "when": lambda: _tab_when(used_preset, ov, lang),
        "claims": lambda: _tab_claims(used_preset, ov, lang),
        "outputs": lambda: _tab_outputs(result, lang),
        "share": lambda: _tab_share(scn, result, params, lang),
    }
    for group, tab in zip(GROUPS, tabs):
        if tab.open is False:
            continue
        with tab:
            views = GROUPS[group]
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
            _guard(lang, bodies[ss[vkey]])
    st.divider()
    st.caption(i18n.t("footer", lang, version=__version__))
    _fill_band(h, used_preset, ov, lang)
