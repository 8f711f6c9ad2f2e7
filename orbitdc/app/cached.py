"""The page's computations, cached per scenario: every number the app shows comes through here.

Each function takes the preset name and the sorted tuple of overrides (hashable, so Streamlit
can cache on them) and calls the one pipeline (:func:`orbitdc.evaluate`), :mod:`orbitdc.studies`,
:mod:`orbitdc.breakeven`, :mod:`orbitdc.breakdown` or :mod:`orbitdc.claims`; nothing is computed
here beyond choosing the grid a study runs on.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..errors import ScenarioError
from ..scenario import Scenario, field_spec
from .url_state import preset_scenario
from .verdict import FLEET, ORBITAL, TERRESTRIAL

BAND_N = 8000
"""Monte Carlo samples of the headline band's uncertainty (p5-p95, P(orbit cheaper)): about a second."""


@st.cache_data(max_entries=512, show_spinner=False)
def result_of(preset: str, overrides: tuple) -> Any:
    """evaluate(preset + overrides): the one pipeline, cached per scenario."""
    from ..model import evaluate

    scn = preset_scenario(preset).with_overrides(dict(overrides))
    scn.name = preset
    return evaluate(scn)


def scenario_of(preset: str, overrides: tuple) -> Scenario:
    """The scenario of ``preset`` with ``overrides`` applied (not cached: building it is cheap)."""
    scn = preset_scenario(preset).with_overrides(dict(overrides))
    scn.name = preset
    return scn


@st.cache_data(max_entries=64, show_spinner=False)
def uncertainty(preset: str, overrides: tuple) -> dict:
    """Headline uncertainty (orbitdc.breakdown.headline_uncertainty), cached per scenario."""
    from ..breakdown import headline_uncertainty

    return headline_uncertainty(scenario_of(preset, overrides), n=BAND_N, seed=0)


@st.cache_data(max_entries=64, show_spinner=False)
def breakdown(preset: str, overrides: tuple) -> tuple:
    """Cost breakdown of the three architectures and the deciding factor (orbitdc.breakdown), cached per scenario."""
    from ..breakdown import cost_breakdown, deciding_factor

    res = result_of(preset, overrides)
    parts = cost_breakdown(res)
    return parts, deciding_factor(res, parts)


@st.cache_data(max_entries=32, show_spinner=False)
def breakeven_one(preset: str, overrides: tuple, field: str, baseline: str) -> dict:
    """Break-even of one field against a baseline (orbitdc.breakeven) over the field's search range, as plain numbers."""
    from ..breakeven import breakeven

    f = field_spec(field)
    lo, hi = field_range(f)
    be = breakeven(scenario_of(preset, overrides), field, baseline, bracket=(lo, hi))
    orb, ref = be.orbital_at_ends, be.baseline_at_ends
    return {
        "found": bool(be.found),
        "value": be.value,
        "lo": lo,
        "hi": hi,
        "cheaper_below": bool(be.orbit_wins_below) if be.found else bool(orb[0] < ref[0]),
        "cheaper_everywhere": bool(orb[0] < ref[0] and orb[1] < ref[1]),
    }


@st.cache_data(max_entries=16, show_spinner=False)
def breakeven_2d(preset: str, overrides: tuple, fx: str, fy: str, baseline: str) -> Any:
    """Cost ratio orbital / baseline over a 13 x 25 grid of two fields (orbitdc.studies.breakeven_map, unrefined)."""
    import numpy as np

    from .. import studies

    axes = []
    for key, n in ((fx, 13), (fy, 25)):
        lo, hi = field_range(field_spec(key))
        axes.append(np.geomspace(lo, hi, n) if lo > 0 and hi / lo >= 50 else np.linspace(lo, hi, n))
    ds = studies.breakeven_map(scenario_of(preset, overrides), fx, fy, baseline, x=axes[0], y=axes[1], refine=False)
    return ds["cost_ratio"]


def field_range(f) -> tuple[float, float]:
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


def numeric_fields() -> list[str]:
    """Every numeric field with a finite search range (the choices of the break-even view)."""
    from ..scenario import Scenario as _S

    keys = []
    for key in _S().keys():
        f = field_spec(key)
        if f.is_choice or f.is_bool:
            continue
        try:
            field_range(f)
        except ScenarioError:
            continue
        keys.append(key)
    return keys


@st.cache_data(max_entries=64, show_spinner=False)
def tornado(preset: str, overrides: tuple) -> tuple:
    """One-at-a-time sensitivity of the orbital cost (orbitdc.studies.tornado): its table and base value."""
    from .. import studies

    tr = studies.tornado(scenario_of(preset, overrides))
    return tr.table, tr.base_value


WHEN_N = 2000
"""Monte Carlo samples of the "When?" view (the p5-p95 bands and the parity-year distribution)."""


WHEN_YEARS = (2026, 2050)


@st.cache_data(max_entries=16, show_spinner=False)
def when(preset: str, overrides: tuple) -> tuple:
    """Trajectory (percentiles over samples) and parity years of a scenario: the studies, cached."""
    from .. import studies

    scn = scenario_of(preset, overrides)
    ds = studies.trajectory(
        scn,
        WHEN_YEARS,
        n=WHEN_N,
        seed=0,
        keep_samples=False,
        outputs=list(studies.trajectories.COSTS) + ["economics.ratio_orbital_terrestrial"],
    )
    return ds, studies.parity(scn, WHEN_YEARS, n=WHEN_N, seed=0)


@st.cache_data(max_entries=32, show_spinner=False)
def wmbt(preset: str, overrides: tuple, year: int, fields: tuple) -> Any:
    """What must be true in ``year`` for parity, per field (orbitdc.studies.what_must_be_true), cached."""
    from .. import studies

    return studies.what_must_be_true(scenario_of(preset, overrides), year, fields=list(fields), n=16)


@st.cache_data(max_entries=64, show_spinner=False)
def launch_sweep(preset: str, overrides: tuple) -> dict:
    """The three costs against launch price per kg, the break-even prices and the named vehicles' prices."""
    import numpy as np

    from .. import studies
    from ..breakeven import breakeven

    scn = scenario_of(preset, overrides)
    if "launch.price_basis" in scn.keys():
        scn = scn.with_overrides({"launch.price_basis": "per_kg"})
    f = field_spec("launch.price_per_kg")
    lo, hi = f.ui if f.ui else (max(f.low or 1.0, 1.0), f.high)
    lo = max(float(lo), 1.0)
    prices = np.geomspace(lo, float(hi), 41)
    keys = [k for k in (ORBITAL, TERRESTRIAL, FLEET)]
    ds = studies.sweep(scn, {"launch.price_per_kg": prices}, keys)
    costs = {k.split(".", 1)[1]: np.asarray(ds[k].values, dtype=float).ravel() for k in keys}
    # each named vehicle at its catalog price per kg of reference payload (the x axis), as the
    # vehicle choice fills the scenario (keyed by choice; the chart labels them per language)
    fills = field_spec("launch.vehicle").fills or {}
    vehicles = [(k, float(v["price_per_kg"])) for k, v in fills.items() if k != "generic"]
    be = breakeven(scn, "launch.price_per_kg", "terrestrial", bracket=(lo, float(hi)))
    cheaper = None if be.found else (be.orbital_at_ends[0] < be.baseline_at_ends[0])
    bf = breakeven(scn, "launch.price_per_kg", "fleet", bracket=(lo, float(hi)))
    return {
        "price": prices,
        "costs": costs,
        "breakeven": be.value,
        "cheaper": cheaper,
        "lo": lo,
        "hi": float(hi),
        "breakeven_fleet": bf.value,
        "vehicles": vehicles,
    }


@st.cache_data(max_entries=64, show_spinner=False)
def radiator_sweep(preset: str, overrides: tuple) -> dict:
    """Radiator temperature and area against the chip junction limit (orbitdc.studies.sweep), cached."""
    import numpy as np

    from .. import studies

    scn = scenario_of(preset, overrides)
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
def claims_check(preset: str, overrides: tuple) -> Any:
    """The seed documents' claims checked on this scenario (orbitdc.claims.check), cached."""
    from .. import claims

    return claims.check(scenario_of(preset, overrides))


@st.cache_data(max_entries=32, show_spinner=False)
def radiation(preset: str, overrides: tuple) -> dict:
    """Dose against altitude (orbitdc.studies.by_altitude) and the orbit's transient
    (orbitdc.transient.transient), cached per scenario."""
    import numpy as np

    from ..studies.altitude import by_altitude
    from ..transient import transient

    scn = scenario_of(preset, overrides)
    d = None
    for top in (2000.0, 1200.0, 800.0):  # a vehicle that cannot reach the top altitude: scan lower
        try:
            d = by_altitude(scn, np.linspace(300.0, top, 35))
            break
        except ScenarioError:
            continue
    tr = transient(scn, "worst", traces=True)
    return {"dose": d, "transient": {k: np.asarray(v) for k, v in tr.items()}}


@st.cache_data(max_entries=16, show_spinner=False)
def optimised(preset: str, overrides: tuple) -> dict:
    """Best orbital and best ground design for this scenario's assumptions
    (orbitdc.studies.best_vs_ground, seeded), cached per scenario."""
    from .. import studies

    r = studies.best_vs_ground(scenario_of(preset, overrides), seed=0)

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


@st.cache_data(max_entries=16, show_spinner=False)
def claims_by_year(preset: str, overrides: tuple) -> dict:
    """Published projections on their presets and this scenario's seed claims by year
    (orbitdc.claims_years.report, the call behind ``orbitdc claims --projections --by-year``)."""
    from .. import claims_years

    rep = claims_years.report(scenario_of(preset, overrides), projections_=True, by_year=True)
    proj = [(p.key, p.preset, p.claim, p.verdict, p.first_year) for p in rep.projections]
    by = [] if rep.by_year is None else [(r["claim"], r["text"], r["holds_from"]) for _, r in rep.by_year.iterrows()]
    return {"projections": proj, "by_year": by}


@st.cache_data(max_entries=8, show_spinner=False)
def pdf_report(preset: str, overrides: tuple, lang: str, currency: tuple) -> bytes:
    """The one-page PDF report of this scenario (orbitdc.report.report_pdf); ``currency`` keys the cache only."""
    from ..report import report_pdf

    return report_pdf(scenario_of(preset, overrides), base=preset_scenario(preset), lang=lang, n=BAND_N)
