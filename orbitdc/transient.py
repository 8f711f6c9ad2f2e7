"""The orbit in time for a scenario: battery state of charge, radiator and array temperatures.

:func:`transient` evaluates a scenario (or takes an already evaluated SI pipeline result, arrays
of scenarios included) and flies the orbit to its periodic steady state with
:func:`orbitdc.physics.transient.orbit_transient`, for

* ``case="worst"``: the longest eclipse of the year (``orbit.eclipse_duration_max``, the
  eclipse the battery is sized for), and
* ``case="design"``: the mean eclipse of the eclipse season (``orbit.eclipse_fraction_mean``
  spread over the ``orbit.eclipse_days``; the typical orbit on a day with an eclipse).

What the sized satellite is checked against (same fields as the pipeline):

* battery: nameplate ``power.battery_energy``; in eclipse it supplies ``power.eclipse_load``
  through ``power.battery_efficiency``; in sunlight the array (``power.array_power_eol``,
  end of life) carries the daylight load through ``power.path_efficiency_daylight`` and the
  surplus recharges through ``power.path_efficiency_eclipse`` (SMAD eq. 11-5, the sizing rule
  itself: with the worst eclipse an exactly sized battery reaches 1 - depth of discharge);
* radiator: ``thermal.heat_rejected`` over ``thermal.radiator_area`` (scaled by the eclipse
  load in shed mode), the environment of the thermal stage's design orbit (sunlight and
  albedo in the sun only, Earth infrared throughout), areal heat capacity
  ``thermal.areal_density`` x 897 J/(kg K) (aluminium), emitting at the fin-root temperature
  with ``thermal.emissivity`` x ``thermal.fin_efficiency``;
* array: absorbs 0.91 of the irradiance, emits from both faces (0.85 + 0.80), converts
  ``power.array_power_eol`` / ``power.array_area`` (defaults of
  :func:`orbitdc.physics.thermal.solar_cell_temperature`);
* junction: radiator temperature plus the design drop (junction limit - radiator
  temperature), scaled with the heat carried.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .physics import transient as tr

__all__ = ["transient", "inputs_from_result", "CASES"]

CASES = ("worst", "design")
_ALPHA_ARRAY, _EPS_ARRAY = 0.91, 0.85 + 0.80
_YEAR_DAYS = 365.25


def _g(d: Mapping[str, Any], key: str) -> np.ndarray:
    return np.asarray(d[key], dtype=float)


def inputs_from_result(p: Mapping[str, Any], out: Mapping[str, Any], case: str = "worst") -> dict:
    """Keyword arguments of :func:`orbitdc.physics.transient.orbit_transient` from SI inputs and outputs."""
    if case not in CASES:
        from .errors import ScenarioError

        raise ScenarioError("case", case, "one of 'worst', 'design'", "unknown transient case")
    period = _g(out, "orbit.period")
    if case == "worst":
        te = _g(out, "orbit.eclipse_duration_max")
    else:
        days = np.maximum(_g(out, "orbit.eclipse_days"), 1.0)
        te = np.minimum(_g(out, "orbit.eclipse_fraction_mean") * _YEAR_DAYS / days, 0.999) * period
    load = _g(out, "power.load")
    ecl_load = _g(out, "power.eclipse_load")
    eta_b = _g(p, "power.battery_efficiency")
    xd = _g(p, "power.path_efficiency_daylight")
    xe = _g(p, "power.path_efficiency_eclipse")
    p_arr = _g(out, "power.array_power_eol")
    charge = np.maximum(p_arr - load / xd, 0.0) * xe / eta_b
    area_r = _g(out, "thermal.radiator_area")
    heat_sun = _g(out, "thermal.heat_rejected") / area_r
    heat_ecl = heat_sun * ecl_load / load
    f_design = _g(out, "orbit.eclipse_fraction_max")
    design_case = p.get("thermal.design_case", "orbit_average")
    avg = np.asarray(design_case) == "orbit_average"
    sun_share = np.where(avg, np.maximum(1.0 - f_design, 1e-9), 1.0)
    # the sizing balance n eps sigma eta_f (T^4 - T_sink^4) = q counts the absorbed environment
    # with the fin efficiency too (orbitdc.physics.thermal.radiator_area): the same here
    eta_f = _g(p, "thermal.fin_efficiency")
    ir = _g(out, "thermal.earth_ir_flux")
    env_sun = eta_f * ((_g(out, "thermal.solar_flux") + _g(out, "thermal.albedo_flux")) / sun_share + ir)
    env_ecl = eta_f * ir
    s = _g(out, "power.irradiance")
    return dict(
        period=period,
        eclipse_duration=te,
        battery_capacity=_g(out, "power.battery_energy"),
        charge_power=charge,
        discharge_power=ecl_load / eta_b,
        radiator_heat_sun=heat_sun,
        radiator_heat_eclipse=heat_ecl,
        radiator_env_sun=env_sun,
        radiator_env_eclipse=env_ecl,
        radiator_emissivity=_g(p, "thermal.emissivity") * _g(p, "thermal.fin_efficiency"),
        radiator_sides=_g(p, "thermal.sides"),
        radiator_heat_capacity=_g(p, "thermal.areal_density") * tr.ALUMINIUM_SPECIFIC_HEAT,
        array_absorbed_sun=_ALPHA_ARRAY * s,
        array_absorbed_eclipse=0.0,
        array_electric_sun=p_arr / _g(out, "power.array_area"),
        array_emissivity=_EPS_ARRAY,
        array_heat_capacity=tr.ARRAY_AREAL_HEAT_CAPACITY,
        junction_drop=_g(out, "thermal.junction_temperature_max") - _g(out, "thermal.radiator_temperature"),
        junction_limit=_g(out, "thermal.junction_temperature_max"),
    )


def transient(scenario: Any, case: str = "worst", traces: bool = False, **kwargs) -> dict:
    """Periodic steady state over one orbit of a scenario's satellite.

    Parameters
    ----------
    scenario : Scenario, preset name, or (p, out) tuple of SI inputs and pipeline outputs
        An SI tuple may hold arrays of scenarios (e.g. from :func:`orbitdc.model.evaluate_si`).
    case : {'worst', 'design'}
        The year's longest eclipse, or the mean eclipse of the eclipse season.
    traces : bool
        Also return the orbit's time series (see :func:`orbitdc.physics.transient.orbit_transient`).
    **kwargs
        Passed to :func:`orbitdc.physics.transient.orbit_transient` (``n_sun``, ``tol`` ...).

    Returns
    -------
    dict of SI arrays: ``soc_min``, ``depth_reached``, ``radiator_min``, ``radiator_max``,
    ``radiator_swing`` [K], ``array_min``, ``array_max`` [K], ``junction_max`` [K],
    ``time_above_junction`` [s per orbit], ``orbits``, ``energy_residual``, ``converged``,
    ``depleted``, plus ``depth_of_discharge`` (the design value) and ``eclipse_duration`` [s].
    """
    from .model import evaluate_si
    from .presets import load
    from .scenario import Scenario

    if isinstance(scenario, tuple):
        p, out = scenario
    else:
        scn = load(scenario) if isinstance(scenario, str) else scenario
        if not isinstance(scn, Scenario):
            raise TypeError("scenario must be a Scenario, a preset name or a (p, out) tuple")
        p = scn.to_si()
        out = evaluate_si(p)
    kw = inputs_from_result(p, out, case)
    res = tr.orbit_transient(**kw, traces=traces, **kwargs)
    res["depth_of_discharge"] = np.broadcast_to(_g(out, "power.depth_of_discharge"), res["soc_min"].shape)
    res["eclipse_duration"] = np.broadcast_to(kw["eclipse_duration"], res["soc_min"].shape)
    return res
