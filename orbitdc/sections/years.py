"""Pipeline module ``years``: the calendar year a scenario is priced in.

A scenario's values describe its ``years.base_year`` (2026: this release's catalog and list
prices).  Setting ``years.year`` later moves every price and performance that changes with
time along a declared, sourced law before any other stage runs
(:func:`at_year`, called first by :func:`orbitdc.model.evaluate_si`):

==============================  ==========================================================
inputs moved                    law (kernels in :mod:`orbitdc.physics.learning`)
==============================  ==========================================================
launch price (per kg or per     Wright's law on cumulative launched mass; launched mass
launch), launch cadence         grows at ``launch_growth`` up to ``launch_ramp_cap`` x today
bus $/kg, array $/W, battery    Wright's law on cumulative space-hardware production
$/kWh, radiator $/m2, link      (``hardware_*``)
terminal $ (orbit)
ground PV $/W                   Wright's law on cumulative PV production (``pv_*``)
ground storage $/kWh            Wright's law on cumulative Li-ion production (``battery_*``)
accelerator throughput and      trends in performance per watt and per dollar; the orbit
price (orbit, ground, fleet)    flies the chips of ``space_qualification_lag`` years earlier
grid and car electricity, gas   compound annual trends
facility $/W                    compound annual trend
interconnection wait, WACC      linear trends (not below zero)
radiator areal density, solar   optional technology switches from a given year
cell family
==============================  ==========================================================

The same chips, cells and batteries learn on every side: the ground data center and the car
fleet follow the same accelerator trends as orbit, ground PV and storage their own measured
learning curves.  In the base year every factor is exactly 1 and :func:`at_year` returns its
input unchanged, so ``evaluate()`` of a base-year scenario is bit-identical to a run without
this module.  The stage writes the factors applied, so a trajectory shows what moved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import JULIAN_YEAR
from ..errors import require
from ..physics import launch as lp
from ..physics import learning as lrn
from ..schema import Field, Output, Section
from ..schema import as_output as _f

__all__ = ["SECTIONS", "OUTPUTS", "stage", "at_year", "ADJUSTMENTS", "BASE_YEAR", "LAST_YEAR", "LEARNING_FIELDS"]

BASE_YEAR = 2026
"""Default base year: the year this release's catalog values and list prices describe."""

LAST_YEAR = 2050
"""Last year of the default trajectory (the horizon of the published projections compared)."""

_YR = JULIAN_YEAR

_GROWTH_REASON = "annual volume cannot fall by 100 % or more"
_LR_REASON = "a learning rate is the cost drop per doubling of cumulative volume, 0 to < 100 %"
_TREND_REASON = "a price or performance cannot fall by 100 % or more in a year"
_EXP_REASON = "the cumulative volume so far is positive; shorter than a month is not a history"
_CAP_REASON = "the ceiling is a multiple of today's annual volume, at least 1"


def _lr(name, default, doc, source, kind, spread):
    return Field(
        name,
        "percent",
        default,
        doc,
        source=source,
        kind=kind,
        low=0.0,
        high=100.0,
        high_open=True,
        reason=_LR_REASON,
        ui=(0.0, 40.0),
        spread=spread,
    )


def _growth(name, default, doc, source, spread):
    return Field(
        name,
        "percent/year",
        default,
        doc,
        source=source,
        kind="assumption",
        low=-100.0,
        low_open=True,
        high=200.0,
        reason=_GROWTH_REASON + "; above +200 %/yr for 25 years is outside any observed ramp",
        ui=(-20.0, 100.0),
        spread=spread,
    )


def _experience(name, default, doc, source, spread):
    return Field(
        name,
        "yr",
        default,
        doc,
        source=source,
        kind="assumption",
        low=0.1,
        high=200.0,
        reason=_EXP_REASON,
        spread=spread,
    )


def _cap(name, default, doc, source, spread=None):
    return Field(
        name,
        "",
        default,
        doc,
        source=source,
        kind="assumption",
        low=1.0,
        high=1e6,
        reason=_CAP_REASON,
        ui=(1.0, 1000.0),
        spread=spread,
    )


def _trend(name, default, doc, source, kind, spread, ui=(-10.0, 60.0)):
    return Field(
        name,
        "percent/year",
        default,
        doc,
        source=source,
        kind=kind,
        low=-100.0,
        low_open=True,
        high=200.0,
        reason=_TREND_REASON + "; above +200 %/yr is outside any observed trend",
        ui=ui,
        spread=spread,
    )


_SWITCH_YEAR_REASON = "the modelled calendar years"

SECTIONS = (
    Section(
        "years",
        "Years: learning curves, trends and technology switches",
        "The calendar year priced, and the sourced laws that move prices and performance from "
        "the base year to it, on every architecture alike.",
        (
            Field(
                "year",
                "",
                float(BASE_YEAR),
                "Calendar year priced (the base year: the scenario's values as given)",
                source="study choice; trajectories run 2026-2050, the horizon of the published "
                "projections orbitdc compares (industry TCO model 2026-2050)",
                kind="assumption",
                low=2000.0,
                high=2100.0,
                reason="the trends are extrapolated at most to 2100; a year before the base year is refused separately",
                ui=(2026.0, 2050.0),
            ),
            Field(
                "base_year",
                "",
                float(BASE_YEAR),
                "Year the scenario's prices and performance describe",
                source="orbitdc catalog: list prices and datasheets of 2024-2026 (NVIDIA H100/B200, "
                "SpaceX Falcon 9 price list 2025, EIA 2024 tariffs)",
                kind="assumption",
                low=2000.0,
                high=2100.0,
                reason="the modelled calendar years",
            ),
            # ---------------------------------------------------------- launch
            _lr(
                "launch_learning_rate",
                20.0,
                "Launch price drop per doubling of cumulative mass launched",
                "Wright (1936): 20 % per doubling for airframes, the classic aerospace figure; "
                "assumed for reusable launch (no published fit to SpaceX prices); spread 10-30 %",
                "assumption",
                (10.0, 30.0),
            ),
            _growth(
                "launch_growth",
                30.0,
                "Annual growth of mass launched to orbit",
                "assumption: SpaceX upmass grew several-fold 2020-2024 with Starlink; 30 %/yr "
                "sustained, spread 10-60 %/yr",
                (10.0, 60.0),
            ),
            _experience(
                "launch_experience",
                4.0,
                "Cumulative mass launched so far, in years of this year's launched mass",
                "assumption: 1 / ln(1 + g) for launched mass that grew at g = 25-30 %/yr (3.8-4.5 yr); spread 2.5-6 yr",
                (2.5, 6.0),
            ),
            _cap(
                "launch_ramp_cap",
                30.0,
                "Ceiling on annual mass launched, as a multiple of this year's",
                "assumption: Starship-class fleets at hundreds of flights per year reach tens of times "
                "today's upmass; spread 5-300",
                (5.0, 300.0),
            ),
            Field(
                "launch_switch",
                "",
                False,
                "A new launch vehicle sets the price per kg from launch_switch_year on",
                source="optional technology switch (e.g. commercial Starship service); off by default",
                kind="assumption",
            ),
            Field(
                "launch_switch_year",
                "",
                2029.0,
                "First year the new vehicle's price applies",
                source="Starcloud CEO P. Johnston (TechCrunch, March 2026): commercial Starship access "
                "expected 2028-2029",
                kind="claim",
                low=2000.0,
                high=2100.0,
                reason=_SWITCH_YEAR_REASON,
                integer=True,
            ),
            Field(
                "launch_switch_price_per_kg",
                "USD/kg",
                600.0,
                "Price per kg to the reference orbit of the new vehicle in its first year (it then "
                "learns on the launch curve)",
                source="reported commercial Starship pricing of about 600 USD/kg (90 MUSD per launch, "
                "Voyager Technologies filing, as reported March-April 2026)",
                kind="claim",
                low=0.0,
                low_open=True,
                high=1e6,
                reason="a launch price is positive",
                spread=(200.0, 1500.0),
            ),
            # ---------------------------------------------------------- space hardware
            _lr(
                "hardware_learning_rate",
                10.0,
                "Cost drop of satellite hardware (bus, arrays, radiators, batteries, terminals) per "
                "doubling of cumulative production",
                "NASA Cost Estimating Handbook v4.0 (2015): aerospace learning-curve slopes of 85-95 % "
                "(5-15 % per doubling); mass-produced constellations may learn faster; spread 5-20 %",
                "measurement",
                (5.0, 20.0),
            ),
            _growth(
                "hardware_growth",
                30.0,
                "Annual growth of satellite hardware production",
                "assumption: tied to launched mass (launch_growth); spread 10-60 %/yr",
                (10.0, 60.0),
            ),
            _experience(
                "hardware_experience",
                4.0,
                "Cumulative satellite hardware produced so far, in years of this year's output",
                "assumption: as launch_experience (production grew with launches)",
                (2.5, 6.0),
            ),
            _cap(
                "hardware_ramp_cap",
                30.0,
                "Ceiling on annual satellite hardware production, as a multiple of this year's",
                "assumption: as launch_ramp_cap",
                (5.0, 300.0),
            ),
            # ---------------------------------------------------------- ground PV and storage
            _lr(
                "pv_learning_rate",
                20.0,
                "Ground PV system price drop per doubling of cumulative PV installed",
                "Swanson, Prog. Photovolt. 14, 443 (2006): module price -20 % per doubling "
                "(1976-2006); ITRPV reports about 24 % for modules; systems learn slower; spread 12-25 %",
                "measurement",
                (12.0, 25.0),
            ),
            _growth(
                "pv_growth",
                10.0,
                "Annual growth of PV installed per year worldwide",
                "assumption: about 600 GW installed in 2024 (IEA PVPS Snapshot 2025) after 30 %+/yr "
                "growth, slowing; spread 0-25 %/yr",
                (0.0, 25.0),
            ),
            _experience(
                "pv_experience",
                3.7,
                "Cumulative PV installed, in years of this year's installations",
                "IEA PVPS Snapshot 2025: about 2.2 TW cumulative / 0.6 TW installed in 2024",
                (3.0, 5.0),
            ),
            _lr(
                "battery_learning_rate",
                20.0,
                "Stationary Li-ion storage price drop per doubling of cumulative Li-ion production",
                "Ziegler & Trancik, Energy Environ. Sci. 14, 1635 (2021): Li-ion cell price -20 % per "
                "doubling of cumulative market size (all cell types, 1992-2016); spread 15-24 %",
                "measurement",
                (15.0, 24.0),
            ),
            _growth(
                "battery_growth",
                25.0,
                "Annual growth of Li-ion production worldwide",
                "assumption: EV and storage demand growth of 25-35 %/yr in the early 2020s, slowing; spread 10-40 %/yr",
                (10.0, 40.0),
            ),
            _experience(
                "battery_experience",
                4.0,
                "Cumulative Li-ion produced, in years of this year's production",
                "assumption: 1 / ln(1.25) = 4.5 yr for production that grew at 25 %/yr; spread 3-6",
                (3.0, 6.0),
            ),
            # ---------------------------------------------------------- chips
            _trend(
                "chip_perf_per_watt_trend",
                25.0,
                "Annual gain in accelerator throughput per watt (the same chips on every side)",
                "orbitdc accelerator catalog: H100 SXM (2022) 4.8 to B200 (2024) 8.0 GB/s of memory "
                "bandwidth per W, +29 %/yr; Epoch AI: ML hardware FLOP/s per W about +30 %/yr; 25 % "
                "allows for slowing; spread 10-35 %/yr",
                "projection",
                (10.0, 35.0),
            ),
            _trend(
                "chip_perf_per_dollar_trend",
                30.0,
                "Annual gain in accelerator throughput per dollar",
                "Hobbhahn & Besiroglu, 'Trends in GPU price-performance' (Epoch AI, 2022): FLOP/s per $ "
                "doubles every 2.46 yr (+33 %/yr; ML GPUs 2.07 yr, +40 %/yr); spread 15-45 %/yr",
                "projection",
                (15.0, 45.0),
            ),
            Field(
                "space_qualification_lag",
                "yr",
                2.0,
                "Years between a chip reaching the ground and flying in orbit",
                source="assumption: Starcloud-1 flew an H100 (2022 part) in November 2025, about 3 years "
                "later; radiation testing and qualification take 1-3 years; spread 0-5 yr",
                kind="assumption",
                low=0.0,
                high=20.0,
                reason="a lag is zero or positive; 20 years is several chip generations",
                spread=(0.0, 5.0),
            ),
            # ---------------------------------------------------------- ground and fleet
            _trend(
                "electricity_price_trend",
                0.0,
                "Annual real change of grid electricity prices (data center and car owners)",
                "EIA Annual Energy Outlook 2025 reference case: real average electricity prices "
                "roughly flat to 2050; spread -2 to +2 %/yr",
                "projection",
                (-2.0, 2.0),
                ui=(-5.0, 5.0),
            ),
            _trend(
                "gas_price_trend",
                0.0,
                "Annual real change of the natural gas price",
                "assumption: flat real Henry Hub price; spread -2 to +3 %/yr",
                "assumption",
                (-2.0, 3.0),
                ui=(-5.0, 5.0),
            ),
            _trend(
                "facility_cost_trend",
                0.0,
                "Annual real change of data center facility cost per W",
                "assumption: construction inflation offsets design learning; spread -3 to +3 %/yr",
                "assumption",
                (-3.0, 3.0),
                ui=(-5.0, 5.0),
            ),
            Field(
                "interconnection_wait_trend",
                "yr/yr",
                0.0,
                "Change per year of the wait for a grid connection (not below zero)",
                source="LBNL 'Queued Up' 2024: median request-to-operation time rose from about 2 yr "
                "(2000-2007) to about 5 yr (2018-2023), +0.2 yr/yr; assumed to stop worsening; "
                "spread -0.1 to +0.2 yr/yr",
                kind="assumption",
                low=-1.0,
                high=1.0,
                reason="more than a year per year is outside any observed queue",
                spread=(-0.1, 0.2),
            ),
            Field(
                "wacc_trend",
                "percent/year",
                0.0,
                "Change per year of the WACC, in percentage points (not below zero)",
                source="assumption: no drift of the cost of capital; spread -0.1 to +0.1 points per year",
                kind="assumption",
                low=-5.0,
                high=5.0,
                reason="more than 5 points per year is a crisis, not a trend",
                spread=(-0.1, 0.1),
            ),
            # ---------------------------------------------------------- technology switches
            Field(
                "radiator_switch",
                "",
                False,
                "A lighter radiator technology flies from radiator_switch_year",
                source="optional technology switch; off by default",
                kind="assumption",
            ),
            Field(
                "radiator_switch_year",
                "",
                2032.0,
                "First year the lighter radiator flies",
                source="assumption",
                kind="assumption",
                low=2000.0,
                high=2100.0,
                reason=_SWITCH_YEAR_REASON,
                integer=True,
            ),
            Field(
                "radiator_switch_areal_density",
                "kg/m^2",
                3.0,
                "Areal density of the lighter radiator",
                source="assumption: the low end of thermal.areal_density's spread (deployable carbon-composite panels)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=50.0,
                reason="a radiator has mass",
            ),
            Field(
                "cell_switch",
                "",
                False,
                "A new solar-cell family flies from cell_switch_year",
                source="optional technology switch; off by default",
                kind="assumption",
            ),
            Field(
                "cell_switch_year",
                "",
                2030.0,
                "First year the new cell family flies",
                source="assumption",
                kind="assumption",
                low=2000.0,
                high=2100.0,
                reason=_SWITCH_YEAR_REASON,
                integer=True,
            ),
            Field(
                "cell_switch_efficiency",
                "",
                0.30,
                "Beginning-of-life efficiency of the new cells",
                source="assumption: thin-film or perovskite-silicon tandem cells near today's "
                "triple-junction efficiency",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=0.65,
                reason="the detailed-balance limit of a multi-junction cell under one sun",
            ),
            Field(
                "cell_switch_array_areal_density",
                "kg/m^2",
                1.0,
                "Array areal density with the new cells",
                source="assumption: roll-out thin-film arrays (ROSA-class) near 1 kg/m^2",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=20.0,
                reason="an array has mass",
            ),
            Field(
                "cell_switch_array_cost_per_watt",
                "USD/W",
                30.0,
                "Space array price per W with the new cells (before learning)",
                source="assumption: the low third of finance.array_cost_per_watt's spread",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=5000.0,
                reason="an array has a price",
            ),
        ),
    ),
)

LEARNING_FIELDS = tuple(f"years.{f.name}" for f in SECTIONS[0].fields if f.spread is not None)
"""Every uncertain field of the section: the laws of the years, with their spreads."""

OUTPUTS = (
    Output("years.year", "", "Calendar year priced", fmt=".0f"),
    Output("years.elapsed", "yr", "Years since the base year"),
    Output("years.launch_price_factor", "", "Launch price in the year / base year (learning and switch)"),
    Output("years.launch_volume_factor", "", "Annual mass launched (and launch cadence) in the year / base year"),
    Output("years.hardware_cost_factor", "", "Satellite hardware unit cost in the year / base year"),
    Output(
        "years.chip_throughput_factor", "", "Orbital accelerator throughput in the year / base-year chip (lag applied)"
    ),
    Output("years.chip_price_factor", "", "Orbital accelerator price in the year / base-year chip (lag applied)"),
    Output(
        "years.ground_chip_throughput_factor",
        "",
        "Ground and fleet accelerator throughput in the year / base-year chip",
    ),
)

READS: tuple[str, ...] = (
    "years._factor_elapsed",
    "years._factor_price",
    "years._factor_volume",
    "years._factor_hardware",
    "years._factor_chip_w",
    "years._factor_chip_p",
    "years._factor_chip_w_ground",
    "years.year",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""

_CHIP_PERF = ("compute.memory_bandwidth", "compute.flops_16bit", "compute.flops_8bit", "compute.memory")
_CHIP_PRICE = (
    "compute.chip_price",
    "compute.wafer_cost",
    "compute.packaging_cost",
    "compute.memory_cost",
    "compute.test_cost",
)
_HW_COST = (
    "finance.bus_cost_per_kg",
    "finance.array_cost_per_watt",
    "finance.battery_cost_per_kwh",
    "finance.radiator_cost_per_m2",
    "finance.link_terminal_cost",
)
_FACTORS = tuple(
    f"years._factor_{k}" for k in ("elapsed", "price", "volume", "hardware", "chip_w", "chip_p", "chip_w_ground")
)
"""Inputs :func:`at_year` adds for the stage: the elapsed time [s] and the factors applied."""

ADJUSTMENTS = (*_FACTORS, "years.ground_chip_throughput_ratio", "years.ground_chip_price_ratio")
"""Keys :func:`at_year` adds to the inputs after the base year (besides moving fields): the
year's factors, and the ground chips' throughput and price relative to the orbit's (the
orbit flies chips a qualification lag older). Stages may read them; they are absent in the
base year."""


def _is_base(p: Mapping[str, Any]) -> bool:
    y = p["years.year"]
    b = p["years.base_year"]
    if (y.__class__ is float or np.ndim(y) == 0) and (b.__class__ is float or np.ndim(b) == 0):
        return float(y) == float(b)
    return bool(np.all(np.asarray(y) == np.asarray(b)))  # a population priced in its base year


def _wright(p, prefix: str, dt, cap_key: str | None):
    cap = p[cap_key] if cap_key else np.inf
    ratio = lrn.cumulative_volume_ratio(
        dt, p[f"years.{prefix}_growth"] * _YR, p[f"years.{prefix}_experience"] / _YR, cap
    )
    return lrn.wright_factor(ratio, p[f"years.{prefix}_learning_rate"])


def at_year(p: Mapping[str, Any]) -> Mapping[str, Any]:
    """The SI inputs moved from ``years.base_year`` to ``years.year``.

    Parameters
    ----------
    p : mapping
        Flat SI inputs of the pipeline (:meth:`orbitdc.scenario.Scenario.to_si`); arrays
        broadcast together, so ``years.year`` of shape ``(Y, 1)`` against samples of shape
        ``(1, N)`` prices every sample in every year.

    Returns
    -------
    mapping
        ``p`` itself when the year is the base year (or the inputs carry no year), else a
        new dict with the moved inputs and the factors applied (for the stage's outputs).

    Notes
    -----
    With ``t = year - base_year``, for each Wright curve
    ``C(t) = C0 (V(t)/V0)^log2(1 - LR)`` with ``V(t)/V0`` from
    :func:`orbitdc.physics.learning.cumulative_volume_ratio`; for trends ``x(t) = x0 (1 + r)^t``.
    Chips: throughput factor ``Fw(t) = (1 + r_W)^t`` at constant power and mass, price factor
    ``Fw(t) / F$(t)`` with ``F$(t) = (1 + r_$)^t``; orbit uses ``t_o = max(t - lag, 0)``, and
    the ground's ratios ``Fw(t)/Fw(t_o)`` and ``(Fw/F$)(t) / (Fw/F$)(t_o)`` are passed to the
    economics stage as ``years.ground_chip_throughput_ratio`` / ``years.ground_chip_price_ratio``.
    The launch price scales whichever of price per kg and per launch sets the price (the
    rule of ``launch.price_basis``), so the two never disagree.

    References
    ----------
    T. P. Wright (1936); B. Nagy et al., PLoS ONE 8, e52669 (2013); see
    :mod:`orbitdc.physics.learning`.
    """
    if _is_base(p):
        return p
    cats = [k for k in _YEAR_CHOICES if isinstance(p[k], (np.ndarray, list, tuple))]
    if cats:  # a population of designs (choice fields as arrays of names): move each group of rows
        return _move_rows(p, cats)
    return _move(p)


_YEAR_CHOICES = (
    "launch.price_basis",
    "launch.vehicle",
    "years.launch_switch",
    "years.radiator_switch",
    "years.cell_switch",
)
"""The choice and switch fields :func:`_move` branches on as single values."""


def _move_rows(p: Mapping[str, Any], cats: list[str]) -> dict:
    """:func:`_move` on a population whose fields ``cats`` are 1-D arrays of one value per row.

    Rows are grouped by their combination of those choices; each group is moved with the
    choices as single values (numeric arrays of one value per row sliced to the group) and
    the groups' results are put back row by row.  Every other field is a scalar or an array
    of the population's length (the contract of :mod:`orbitdc._rowgroups`).
    """
    arrs = {k: np.asarray(p[k]) for k in cats}
    n = arrs[cats[0]].shape[0]
    codes = np.stack([np.unique(a, return_inverse=True)[1].ravel() for a in arrs.values()], axis=1)
    _, grp = np.unique(codes, axis=0, return_inverse=True)
    grp = grp.ravel()
    q = dict(p)
    parts = []
    for g in range(int(grp.max()) + 1):
        idx = np.flatnonzero(grp == g)
        sub = {
            k: (v[idx] if v.__class__ is np.ndarray and v.ndim == 1 and v.shape[0] == n else v) for k, v in p.items()
        }
        for k, a in arrs.items():
            v = a[idx[0]]
            sub[k] = v.item() if isinstance(v, np.generic) else v
        parts.append((idx, sub, _move(sub)))
    # the fields a group moved (or a choice it set, e.g. the price basis), put back row by row
    moved = {k for _, sub, r in parts for k in r if r[k] is not sub.get(k, _ABSENT)}
    for k in moved:
        vals = [(idx, r[k] if k in r else sub[k]) for idx, sub, r in parts]
        if any(isinstance(v, (str, bool, np.str_, np.bool_)) for _, v in vals):
            items = [None] * n
            for idx, v in vals:
                for i in idx:
                    items[i] = v.item() if isinstance(v, np.generic) else v
            q[k] = np.array(items, dtype=bool if all(isinstance(x, bool) for x in items) else str)
        else:
            q[k] = _stitch(n, [(idx, v) for idx, v in vals])
    return q


def _stitch(n: int, vals: list) -> np.ndarray:
    """One float array of ``n`` rows from per-group values (scalars or arrays of the group's rows)."""
    arr = np.empty(n, dtype=float)
    for idx, v in vals:
        arr[idx] = np.broadcast_to(np.asarray(v, dtype=float), idx.shape)
    return arr


_ABSENT = object()


def _move(p: Mapping[str, Any]) -> dict:
    """The body of :func:`at_year` for inputs whose choice fields are single values."""
    y = p["years.year"]
    base = p["years.base_year"]
    require(
        np.asarray(y >= base),
        "years.year",
        y,
        f">= years.base_year ({float(np.min(base)):g})",
        "the laws move prices forward from the year the scenario describes",
    )
    q = dict(p)
    dt = y - base
    # ------------------------------------------------------------ launch
    f_launch = _wright(p, "launch", dt, "years.launch_ramp_cap")
    vol_launch = lrn.production_ratio(dt, p["years.launch_growth"] * _YR, p["years.launch_ramp_cap"])
    kg, per_launch = p["launch.price_per_kg"], p["launch.price_per_launch"]
    switch_on = np.logical_and(p["years.launch_switch"], y >= p["years.launch_switch_year"])
    if np.any(switch_on):
        # the new vehicle's price per kg sets the price from the switch on; before it, the
        # price in effect (whichever of per kg and per launch sets it) is expressed per kg
        price = lp.launch_price(
            p["launch.price_per_launch"],
            p["launch.price_per_kg"],
            p["launch.payload_mass"],
            p["launch.price_basis"],
            p["launch.vehicle"],
        )
        kg_old = price / p["launch.payload_mass"]
        # the new vehicle's price is its price in the switch year; it then learns on the same curve
        dt_s = np.maximum(p["years.launch_switch_year"] - base, 0.0)
        f_at_switch = _wright(p, "launch", dt_s, "years.launch_ramp_cap")
        kg_new = p["years.launch_switch_price_per_kg"] / f_at_switch
        q["launch.price_basis"] = "per_kg"
        q["launch.price_per_kg"] = np.where(switch_on, kg_new, kg_old) * f_launch
        f_price = np.where(switch_on, kg_new / kg_old, 1.0) * f_launch
    else:
        basis = p["launch.price_basis"]
        if basis == "per_kg":
            q["launch.price_per_kg"] = kg * f_launch
        elif basis == "per_launch":
            q["launch.price_per_launch"] = per_launch * f_launch
        else:
            v = lp.VEHICLES[p["launch.vehicle"]]
            kg_set = np.abs(kg - v.price / v.payload_mass) > 1e-9 * abs(v.price / v.payload_mass)
            q["launch.price_per_kg"] = np.where(kg_set, kg * f_launch, kg)
            q["launch.price_per_launch"] = np.where(kg_set, per_launch, per_launch * f_launch)
        f_price = f_launch
    q["launch.cadence"] = p["launch.cadence"] * vol_launch
    # ------------------------------------------------------------ space hardware
    f_hw = _wright(p, "hardware", dt, "years.hardware_ramp_cap")
    for k in _HW_COST:
        q[k] = p[k] * f_hw
    # ------------------------------------------------------------ switches
    q["thermal.areal_density"] = lrn.switch(
        p["thermal.areal_density"],
        p["years.radiator_switch_areal_density"],
        y,
        p["years.radiator_switch_year"],
        p["years.radiator_switch"],
    )
    cell_on = p["years.cell_switch"]
    q["power.cell_efficiency"] = lrn.switch(
        p["power.cell_efficiency"], p["years.cell_switch_efficiency"], y, p["years.cell_switch_year"], cell_on
    )
    q["power.array_areal_density"] = lrn.switch(
        p["power.array_areal_density"],
        p["years.cell_switch_array_areal_density"],
        y,
        p["years.cell_switch_year"],
        cell_on,
    )
    q["finance.array_cost_per_watt"] = lrn.switch(
        q["finance.array_cost_per_watt"],
        p["years.cell_switch_array_cost_per_watt"] * f_hw,
        y,
        p["years.cell_switch_year"],
        cell_on,
    )
    # ------------------------------------------------------------ ground PV and storage
    q["baselines.solar_array_cost"] = p["baselines.solar_array_cost"] * _wright(p, "pv", dt, None)
    f_bat = _wright(p, "battery", dt, None)
    q["baselines.storage_cost"] = p["baselines.storage_cost"] * f_bat
    # ------------------------------------------------------------ chips
    r_w = p["years.chip_perf_per_watt_trend"] * _YR
    r_d = p["years.chip_perf_per_dollar_trend"] * _YR
    dt_o = np.maximum(dt - p["years.space_qualification_lag"] / _YR, 0.0)
    fw_g = lrn.trend_factor(dt, r_w)
    fp_g = fw_g / lrn.trend_factor(dt, r_d)
    fw_o = lrn.trend_factor(dt_o, r_w)
    fp_o = fw_o / lrn.trend_factor(dt_o, r_d)
    for k in _CHIP_PERF:
        q[k] = p[k] * fw_o
    for k in _CHIP_PRICE:
        q[k] = p[k] * fp_o
    q["years.ground_chip_throughput_ratio"] = fw_g / fw_o
    q["years.ground_chip_price_ratio"] = fp_g / fp_o
    # ------------------------------------------------------------ ground and fleet prices
    f_el = lrn.trend_factor(dt, p["years.electricity_price_trend"] * _YR)
    q["baselines.grid_price"] = p["baselines.grid_price"] * f_el
    q["baselines.fleet_electricity_price"] = p["baselines.fleet_electricity_price"] * f_el
    q["baselines.gas_price"] = p["baselines.gas_price"] * lrn.trend_factor(dt, p["years.gas_price_trend"] * _YR)
    q["baselines.facility_cost"] = p["baselines.facility_cost"] * lrn.trend_factor(
        dt, p["years.facility_cost_trend"] * _YR
    )
    q["baselines.interconnection_wait"] = lrn.linear_trend(
        p["baselines.interconnection_wait"], dt, p["years.interconnection_wait_trend"] * _YR, 0.0
    )
    q["finance.wacc"] = lrn.linear_trend(p["finance.wacc"], dt, p["years.wacc_trend"] * _YR, 0.0)
    q.update(zip(_FACTORS, (dt, f_price, vol_launch, f_hw, fw_o, fp_o, fw_g)))
    return q


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Write the year and the factors :func:`at_year` applied (all 1 in the base year)."""
    y = p["years.year"]
    out["years.year"] = _f(y)
    if _FACTORS[0] not in p:  # the base year: at_year added no factors
        for k in ("elapsed",):
            out[f"years.{k}"] = 0.0
        for o in OUTPUTS[2:]:
            out[o.key] = 1.0
        return
    dt, f_price, vol, f_hw, fw_o, fp_o, fw_g = (p[k] for k in _FACTORS)
    out["years.elapsed"] = _f(dt * _YR)
    out["years.launch_price_factor"] = _f(f_price)
    out["years.launch_volume_factor"] = _f(vol)
    out["years.hardware_cost_factor"] = _f(f_hw)
    out["years.chip_throughput_factor"] = _f(fw_o)
    out["years.chip_price_factor"] = _f(fp_o)
    out["years.ground_chip_throughput_factor"] = _f(fw_g)
