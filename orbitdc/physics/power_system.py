r"""The power system per watt of load, from the scenario's SI values (shared by two stages).

The power stage sizes the solar array and battery of one satellite; the thermal stage's
heat-pump trade prices each watt of pump power at the same power system's marginal mass.
Neither stage reaches into the other: both call :func:`per_watt` here, which reads the
``power.*`` fields of the flat SI scenario ``p`` and the orbit outputs in ``out``, maps
them to the arguments of the unit-free kernels of :mod:`orbitdc.kernels.power` and checks
the derived conditions of the cell-temperature solve (the fields themselves are bounded
by the scenario layer). The stages then call :func:`orbitdc.kernels.power.mass_per_watt`
on the result.

Sizing case (SMAD 3rd ed. section 11.4): end of life, the worst-case eclipse fraction and
duration of the year, the irradiance at aphelion, and the cells at the hottest point of
the sunlit arc (orbit noon of the year's smallest |beta|).

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (1999), Space Mission Analysis and Design, 3rd ed.,
   section 11.4 (eq. 11-5, array; section 11.4.2, battery).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import JULIAN_YEAR, R_EARTH
from ..errors import require
from ..kernels import compute as _kc  # scalar-aware numpy functions
from ..kernels import power as _kp
from ..kernels import thermal as _kt
from .solar import REFERENCE_TEMPERATURE, ArraySizing

__all__ = ["READS", "per_watt", "cell_temperature_and_efficiency"]


READS: tuple[str, ...] = (
    "orbit.altitude",
    "orbit.beta_abs_min",
    "orbit.eclipse_days",
    "orbit.eclipse_duration_max",
    "orbit.eclipse_fraction_max",
    "orbit.period",
    "orbit.sun_distance_max",
    "power.array_areal_density",
    "power.battery_cycle_life",
    "power.battery_cycle_life_dod",
    "power.battery_cycle_life_exponent",
    "power.battery_cycle_margin",
    "power.battery_efficiency",
    "power.battery_specific_energy",
    "power.cell_efficiency",
    "power.degradation_per_year",
    "power.depth_of_discharge",
    "power.dod_rule",
    "power.mission_life",
    "power.packing_factor",
    "power.path_efficiency_daylight",
    "power.path_efficiency_eclipse",
    "power.pointing_loss",
    "power.temperature_coefficient",
)
"""The scenario fields and orbit outputs :func:`per_watt` reads: part of the stage contract
of every stage that calls it (the power stage, and the thermal stage's heat-pump trade)."""

_VIEW_CACHE: dict = {}  # (altitude, |beta|) -> Earth view factors of the back and front faces
_PANEL: dict = {}  # the panel balance's default optical properties and environment


def _scalar(x: Any) -> Any:
    """Python float for a scalar, float array otherwise (single scenarios take the fast path)."""
    if x.__class__ is float:
        return x
    return float(x) if np.ndim(x) == 0 else np.asarray(x, dtype=float)


def _within(x: Any, lo: float, hi: float, hi_open: bool = False) -> bool:
    """lo < x <= hi (x < hi when ``hi_open``) for every element; False for NaN."""
    if x.__class__ is float:
        return lo < x < hi if hi_open else lo < x <= hi
    a, b = (x.min(), x.max()) if np.ndim(x) else (x, x)
    return bool(lo < a) and bool(b < hi if hi_open else b <= hi)


def _panel() -> dict:
    """Defaults of :func:`orbitdc.physics.thermal.solar_cell_temperature` (one source of truth)."""
    if not _PANEL:
        import inspect

        from . import thermal

        d = inspect.signature(thermal.solar_cell_temperature).parameters
        for name in ("absorptivity_front", "emissivity_front", "emissivity_back", "earth_ir", "albedo"):
            _PANEL[name] = float(d[name].default)
        _PANEL["space_temperature"] = float(d["space_temperature"].default)
    return _PANEL


def _view_factors(h: Any, beta: Any):
    """Earth view factors of the panel's back (tilt |beta|) and front (pi - |beta|) faces."""
    key = (h, beta) if h.__class__ is float and beta.__class__ is float else None
    if key is not None:
        hit = _VIEW_CACHE.get(key)
        if hit is not None:
            return hit
    res = (_kt.view_factor(h, beta, R_EARTH), _kt.view_factor(h, np.pi - beta, R_EARTH))
    if key is not None:
        res = (float(res[0]), float(res[1]))
        if len(_VIEW_CACHE) > 4096:
            _VIEW_CACHE.clear()
        _VIEW_CACHE[key] = res
    return res


def cell_temperature_and_efficiency(p: Mapping[str, Any], out: Mapping[str, Any], irradiance: Any):
    """Cell temperature [K] and efficiency [-] at the hot point of the sizing orbit.

    The array is Sun-pointing. At orbit noon of the year's smallest |beta| its back face
    sees the Earth at tilt |beta| from nadir (front face at pi - |beta|) and the albedo
    factor is cos(beta): the hottest point of the sunlit arc, so the efficiency used for
    sizing is conservative. The coupled solve is :func:`orbitdc.kernels.power.cell_temperature`
    with the optical properties of :func:`orbitdc.physics.thermal.solar_cell_temperature`.

    Parameters
    ----------
    p : mapping
        SI scenario values: ``power.cell_efficiency``, ``power.temperature_coefficient`` [1/K]
        and ``power.packing_factor``.
    out : mapping
        ``orbit.altitude`` [m] and ``orbit.beta_abs_min`` [rad].
    irradiance : float or array [W/m^2]
        Sizing irradiance.

    Returns
    -------
    tuple
        ``(T, eta)``: cell temperature [K] and efficiency at it [-].

    Raises
    ------
    ScenarioError
        The panel balance has no steady state, the efficiency leaves the linear derating's
        range (0, 1], or efficiency x packing factor reaches the front absorptance.
    """
    h = _scalar(out["orbit.altitude"])
    b = out["orbit.beta_abs_min"]
    beta = _scalar(abs(b) if b.__class__ is float else np.abs(np.asarray(b, dtype=float)))
    f_back, f_front = _view_factors(h, beta)
    eta_ref = _scalar(p["power.cell_efficiency"])
    packing = _scalar(p["power.packing_factor"])
    panel = _panel()
    t, eta, ok = _kp.cell_temperature(
        irradiance,
        eta_ref,
        _scalar(p["power.temperature_coefficient"]),
        packing,
        REFERENCE_TEMPERATURE,
        f_front,
        f_back,
        _kc.cos(beta),
        **panel,
    )
    if not (ok is True or (ok.__class__ is not bool and ok.all())):
        require(
            ok,
            "power.cell_efficiency",
            eta_ref,
            "a cell efficiency, temperature coefficient and packing factor for which the panel "
            "energy balance has a steady temperature",
            "the panel balance has no solution: at every temperature the panel radiates more than it "
            "absorbs minus its electrical output, so the cells would cool until the linear derating "
            "makes them deliver more power than the sunlight they absorb (a high efficiency with a "
            "strong temperature coefficient on a cold panel)",
        )
    if not _within(eta, 0.0, 1.0):
        require(
            (eta > 0) & (eta <= 1),
            "power.cell_temperature",
            t,
            "a cell temperature where cell_efficiency x (1 + temperature_coefficient x (T - 301.15 K)) lies in (0, 1]",
            "the linear efficiency derating leaves its range of validity for this cell at this temperature",
        )
    eff = eta * packing
    if not _within(eff, -np.inf, panel["absorptivity_front"], hi_open=True):
        require(
            eff < panel["absorptivity_front"],
            "efficiency",
            eff,
            "below absorptivity_front",
            "a panel cannot deliver more electrical power than the sunlight it absorbs",
        )
    return t, eta


def per_watt(p: Mapping[str, Any], out: Mapping[str, Any], eclipse_ratio: Any = 1.0) -> dict:
    """Array and battery sizing per watt of load (the chain is linear in load).

    Parameters
    ----------
    p : mapping
        SI scenario values; the ``power.*`` fields of the array, battery and cycle life are
        read (``power.mission_life`` [s], ``power.battery_specific_energy`` [J/kg], ...).
    out : mapping
        Outputs of earlier stages: ``orbit.altitude`` [m], ``orbit.beta_abs_min`` [rad],
        ``orbit.sun_distance_max`` [m], ``orbit.eclipse_fraction_max``,
        ``orbit.eclipse_duration_max`` [s], ``orbit.eclipse_days`` and ``orbit.period`` [s].
    eclipse_ratio : float or array [-], default 1
        Eclipse load over sunlit load (below 1 when the payload sheds in shadow).

    Returns
    -------
    dict
        ``years`` [yr], ``irradiance`` [W/m^2], ``t_cell`` [K], ``eta`` [-], ``sized``
        (:class:`~orbitdc.physics.solar.ArraySizing` per watt of load: [W/W], [W/W],
        [m^2/W], [W/m^2]), ``battery_energy_per_watt`` [J/W], ``degradation`` [-],
        ``cycles`` [-], ``dod`` [-], and the arguments of
        :func:`orbitdc.kernels.power.mass_per_watt` besides these: ``areal_density``
        [kg/m^2] and ``specific_energy`` [J/kg].

    Raises
    ------
    ScenarioError
        From :func:`cell_temperature_and_efficiency`.
    """
    years = _scalar(p["power.mission_life"]) / JULIAN_YEAR
    s = _kp.irradiance(_scalar(out["orbit.sun_distance_max"]))
    t_cell, eta = cell_temperature_and_efficiency(p, out, s)
    ld = _kp.degradation_factor(_scalar(p["power.degradation_per_year"]), years)
    sized = ArraySizing(
        *_kp.array_per_watt(
            s,
            eta,
            _scalar(p["power.packing_factor"]),
            _scalar(p["power.pointing_loss"]),
            ld,
            _scalar(out["orbit.eclipse_fraction_max"]),
            _scalar(p["power.path_efficiency_daylight"]),
            _scalar(p["power.path_efficiency_eclipse"]),
            eclipse_ratio,
        )
    )
    rule = p["power.dod_rule"]
    cycles, dod = _kp.cycles_and_dod(
        _scalar(out["orbit.eclipse_days"]),
        _scalar(out["orbit.period"]),
        years,
        _scalar(p["power.depth_of_discharge"]),
        rule == "fixed" if rule.__class__ is str else np.asarray(rule) == "fixed",
        _scalar(p["power.battery_cycle_life"]),
        _scalar(p["power.battery_cycle_life_dod"]),
        _scalar(p["power.battery_cycle_life_exponent"]),
        _scalar(p["power.battery_cycle_margin"]),
    )
    e_per_w = _kp.battery_energy_per_watt(
        _scalar(out["orbit.eclipse_duration_max"]), dod, _scalar(p["power.battery_efficiency"]), eclipse_ratio
    )
    return dict(
        years=years,
        irradiance=s,
        t_cell=t_cell,
        eta=eta,
        sized=sized,
        battery_energy_per_watt=e_per_w,
        degradation=ld,
        cycles=cycles,
        dod=dod,
        areal_density=_scalar(p["power.array_areal_density"]),
        specific_energy=_scalar(p["power.battery_specific_energy"]),
    )
