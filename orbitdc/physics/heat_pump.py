"""A heat pump between the chips' loop and the radiator, and the radiator temperature of least mass.

Part of :mod:`orbitdc.physics.thermal` (which re-exports every public name here). Raising
the radiator above the loop temperature with a heat pump (COP a fraction of Carnot,
:func:`heat_pump_cop`, :func:`heat_pump_power`) shrinks the radiator as :math:`T^{-4}` but
costs electrical power, and so solar-array and battery mass;
:func:`optimal_radiator_temperature` finds the radiator temperature that minimises radiator
plus power-system mass by a bracketed search (a coarse grid, then golden sections).

References
----------
.. [4] Cengel, Y. A. and Boles, M. A. (2015), "Thermodynamics: An Engineering Approach",
   8th ed., McGraw-Hill, sections 6-7 and 6-11 (reversed Carnot cycle, COP of
   refrigerators and heat pumps).
.. [2] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I",
   2nd ed., ch. 6 (radiators).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..constants import SIGMA_SB
from ..errors import require
from ..kernels import thermal as _k
from ..units import accepts
from ._checks import all_true as _all
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _unit_interval
from .thermal_environment import _check_radiator

__all__ = ["heat_pump_cop", "heat_pump_power", "HeatPumpOptimum", "optimal_radiator_temperature"]


def _check_pump(t_cold, t_hot, f):
    tc = _positive("t_cold", t_cold, "absolute temperature must be positive")
    th = _positive("t_hot", t_hot, "absolute temperature must be positive")
    fc = _unit_interval("fraction_of_carnot", f, "no real heat pump beats the reversed Carnot cycle")
    return tc, th, fc


@accepts(t_cold="K", t_hot="K")
def heat_pump_cop(t_cold, t_hot, fraction_of_carnot=0.5):
    """Coefficient of performance (heat lifted per work) of a heat pump.

    Parameters
    ----------
    t_cold : float or array [K]
        Temperature at which heat is absorbed (the coolant loop), > 0.
    t_hot : float or array [K]
        Temperature at which heat is rejected (the radiator), > t_cold.
    fraction_of_carnot : float or array [-], default 0.5
        Second-law efficiency, in (0, 1]. Assumption: vapour-compression machines reach
        about 0.4-0.6 of the Carnot COP at moderate lift (Cengel & Boles [1]_ ch. 11).

    Returns
    -------
    float or array [-]
        .. math:: \\mathrm{COP} = f_C\\,\\frac{T_c}{T_h - T_c}

    Raises
    ------
    ScenarioError
        t_hot <= t_cold (no lift: the COP is unbounded), fraction outside (0, 1].

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed.,
       section 6-11 (COP of the reversed Carnot cycle), ch. 11.
    """
    tc, th, fc = _check_pump(t_cold, t_hot, fraction_of_carnot)
    ok = th > tc
    if not _all(ok):
        require(
            ok,
            "t_hot",
            t_hot,
            "above t_cold",
            "a heat pump lifts heat to a hotter sink; with no lift its COP is unbounded",
        )
    return _out(fc * tc / (th - tc))


@accepts(heat="W", t_cold="K", t_hot="K")
def heat_pump_power(heat, t_cold, t_hot, fraction_of_carnot=0.5):
    """Electrical power a heat pump needs to lift a heat load from t_cold to t_hot.

    Parameters
    ----------
    heat : float or array [W]
        Heat absorbed at the cold side, > 0.
    t_cold : float or array [K]
        Cold-side temperature, > 0.
    t_hot : float or array [K]
        Hot-side (radiator) temperature, >= t_cold (equal: no heat pump, zero power).
    fraction_of_carnot : float or array [-], default 0.5
        As in :func:`heat_pump_cop`.

    Returns
    -------
    float or array [W]
        .. math:: W = \\frac{Q}{\\mathrm{COP}} = \\frac{Q\\,(T_h - T_c)}{f_C\\,T_c}

        The radiator then rejects :math:`Q + W`.

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed., 6-11.
    """
    q = _positive("heat", heat, "a heat pump is sized for a positive heat load")
    tc, th, fc = _check_pump(t_cold, t_hot, fraction_of_carnot)
    ok = th >= tc
    if not _all(ok):
        require(ok, "t_hot", t_hot, "at or above t_cold", "a heat pump raises the temperature of the heat it moves")
    return _out(q * (th - tc) / (fc * tc))


class HeatPumpOptimum(NamedTuple):
    """Result of :func:`optimal_radiator_temperature` (all SI)."""

    radiator_temperature: Any
    """Radiator temperature at minimum total mass [K]."""
    lift: Any
    """Temperature lift of the heat pump, radiator minus loop temperature (0: no pump) [K]."""
    power: Any
    """Heat-pump electrical power [W]."""
    heat_rejected: Any
    """Heat the radiator rejects, load plus pump power [W]."""
    area: Any
    """Radiator planform area [m^2]."""
    radiator_mass: Any
    """Radiator mass [kg]."""
    power_mass: Any
    """Marginal power-system mass for the pump power [kg]."""
    total_mass: Any
    """Radiator plus marginal power-system mass [kg]."""


@accepts(heat="W", t_cold="K", sink_temperature="K", areal_density="kg/m^2", power_mass_per_watt="kg/W", max_lift="K")
def optimal_radiator_temperature(
    heat,
    t_cold,
    emissivity,
    sink_temperature,
    areal_density,
    power_mass_per_watt,
    fraction_of_carnot=0.5,
    sides=2,
    fin_efficiency=1.0,
    max_lift=100.0,
):
    """Radiator temperature (heat-pump lift) that minimises radiator plus power-system mass.

    A heat pump between the coolant loop (``t_cold``) and the radiator raises the radiator
    temperature, shrinking it as :math:`T^{-4}`, at the price of electrical power that the
    power system must supply and the radiator must also reject.

    Parameters
    ----------
    heat : float or array [W]
        Heat load collected by the coolant loop, > 0.
    t_cold : float or array [K]
        Loop temperature available at the radiator without a pump
        (:func:`radiator_temperature_from_junction`), > 0.
    emissivity : float or array [-]
        Radiator emittance, in (0, 1].
    sink_temperature : float or array [K]
        Effective sink temperature, >= 0.
    areal_density : float or array [kg/m^2]
        Radiator mass per planform area, > 0.
    power_mass_per_watt : float or array [kg/W]
        Marginal power-system mass (array, battery, conditioning) per extra watt of
        electrical load, >= 0.
    fraction_of_carnot : float or array [-], default 0.5
        Heat-pump second-law efficiency, in (0, 1].
    sides, fin_efficiency
        As in :func:`radiator_area`.
    max_lift : float or array [K], default 100
        Largest lift considered, > 0 (assumption: working-fluid and compressor limits of a
        single-stage machine).

    Returns
    -------
    HeatPumpOptimum
        ``(radiator_temperature, lift, power, heat_rejected, area, radiator_mass,
        power_mass, total_mass)``. ``lift == 0`` means a heat pump does not pay.

    Notes
    -----
    With :math:`x = (T - T_c)/(f_C T_c)` the pump power per watt of load and
    :math:`c = n\\varepsilon\\sigma\\eta_f`, the mass to minimise over
    :math:`T \\in [\\max(T_c, T_s^+),\\, T_c + \\Delta T_{max}]` is

    .. math:: m(T) = Q\\Big[\\frac{\\rho_A (1 + x)}{c\\,(T^4 - T_s^4)} + k\\,x\\Big]

    (linear in Q, so the optimum temperature does not depend on the load).  It is found,
    element-wise over arrays, by a coarse grid of 16 points followed by 20 golden-section
    steps inside the best grid cell (temperature to about 1e-3 K), and compared with both
    interval ends so that "no pump" is returned exactly when it is best.  Arrays are
    processed in cache-sized blocks of 16384 scenarios, each block fully vectorised.  When
    the loop is at or below the sink (:math:`T_c \\le T_s`) a pump is required and the
    search starts just above the sink.

    Raises
    ------
    ScenarioError
        Bad inputs as in :func:`radiator_area` and :func:`heat_pump_cop`; a maximum lift
        that cannot bring the radiator above its sink.

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed., 6-11.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 and 13
       (heat pumps for radiator temperature lift).
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    tc = _positive("t_cold", t_cold, "absolute temperature must be positive")
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    k = _nonneg("power_mass_per_watt", power_mass_per_watt, "power-system mass cannot fall with load")
    fc = _unit_interval("fraction_of_carnot", fraction_of_carnot, "no real heat pump beats the reversed Carnot cycle")
    lift = _positive("max_lift", max_lift, "the search needs a positive range of lifts")
    ok = tc + lift > ts * (1.0 + 1e-6)
    if not _all(ok):
        require(
            ok,
            "max_lift",
            np.broadcast_to(lift, np.broadcast_shapes(lift.shape, ok.shape)),
            "enough to raise the radiator above its sink temperature",
            "a radiator at or below its sink cannot reject heat",
        )
    res = _k.optimum(q, tc, ts, n * eps * SIGMA_SB * eta, rho, k, fc, lift)
    shape = np.broadcast_shapes(*(np.shape(x) for x in res))
    return HeatPumpOptimum(*(_out(np.broadcast_to(x, shape)) for x in res))
