"""Radiative heat rejection for a satellite in Earth orbit.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios, no units library, no I/O).  Public functions also accept pint quantities or unit
strings for their dimensional arguments (:func:`orbitdc.units.accepts`); bare numbers are
taken as SI (m, K, W, rad, kg).

In vacuum every watt a satellite dissipates leaves by thermal radiation.  The chain is

1. the geometry of the Earth seen from a flat panel, :func:`earth_view_factor` (exact
   plate-to-sphere configuration factor for any tilt, Howell's catalogue [1]_),
2. the environmental loads the panel absorbs: sunlight :func:`absorbed_solar_flux`,
   Earth albedo :func:`albedo_flux` (scaled by the Sun's elevation at the sub-satellite
   point, orbit-averaged with :func:`albedo_orbit_factor`), Earth infrared
   :func:`earth_ir_flux`; summed per panel by :func:`environmental_flux`,
3. the effective sink temperature those loads define, :func:`sink_temperature`,
4. the radiator balance :math:`Q = n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,A\\,(T^4 - T_s^4)`:
   :func:`radiator_area` and its exact inverse :func:`equilibrium_temperature`,
5. the chip-to-radiator path, :func:`radiator_temperature_from_junction`,
6. an optional heat pump (COP a fraction of Carnot), :func:`heat_pump_cop`,
   :func:`heat_pump_power`, and the radiator temperature that minimises radiator plus
   power-system mass, :func:`optimal_radiator_temperature`,
7. radiator mass, :func:`radiator_mass`, and the one-call orbit-averaged sizing used by
   the pipeline (whose stage calls its kernel, :func:`orbitdc.kernels.thermal.sizing`), :func:`thermal_sizing`,
8. the solar array's own temperature, :func:`solar_cell_temperature`.

Steps 1-2 live in :mod:`orbitdc.physics.thermal_environment` and step 6 in
:mod:`orbitdc.physics.heat_pump`; both are re-exported here.

Every balance here is a quartic in temperature with a closed-form root, so no iterative
solver is needed (except the mass optimum of the heat-pump trade, a bracketed search).

References
----------
.. [1] Howell, J. R., "A Catalog of Radiation Heat Transfer Configuration Factors",
   3rd ed., University of Texas at Austin (online), factor B-12 "plane element of any tilt
   to a sphere"; also Howell, Menguc & Siegel (2016), "Thermal Radiation Heat Transfer",
   6th ed., CRC Press, Appendix C.
.. [2] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I:
   Fundamental Technologies", 2nd ed., The Aerospace Press / AIAA; ch. 2 (environments:
   solar, albedo, Earth IR and view factors), ch. 6 (radiators, fin efficiency).
.. [3] Incropera, F. P., DeWitt, D. P., Bergman, T. L. and Lavine, A. S. (2007),
   "Fundamentals of Heat and Mass Transfer", 6th ed., Wiley, ch. 12-13 (Stefan-Boltzmann
   law, gray surfaces, view factors).
.. [4] Cengel, Y. A. and Boles, M. A. (2015), "Thermodynamics: An Engineering Approach",
   8th ed., McGraw-Hill, sections 6-7 and 6-11 (reversed Carnot cycle, COP of
   refrigerators and heat pumps).
.. [5] Fixsen, D. J. (2009), "The temperature of the cosmic microwave background",
   Astrophys. J. 707, 916.
.. [6] Loeb, N. G. et al. (2018), "Clouds and the Earth's Radiant Energy System (CERES)
   Energy Balanced and Filled (EBAF) Top-of-Atmosphere (TOA) Edition-4.0 data product",
   J. Climate 31, 895 (global mean outgoing long-wave radiation 240 W/m2, albedo 0.29).
.. [7] Stephens, G. L. et al. (2015), "The albedo of Earth", Rev. Geophys. 53, 141.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from ..constants import SIGMA_SB, SOLAR_CONSTANT, T_CMB
from ..errors import ScenarioError, first_bad, require
from ..kernels import power as _kp
from ..kernels import thermal as _k
from ..units import accepts
from ._checks import all_true as _all
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _unit_interval
from .heat_pump import (  # re-exported: the heat pump is part of this module's API
    HeatPumpOptimum,
    heat_pump_cop,
    heat_pump_power,
    optimal_radiator_temperature,
)
from .thermal_environment import (  # re-exported: the environment is part of this module's API
    _CASES,
    ALBEDO,
    EARTH_IR,
    EnvironmentalFlux,
    _angle,
    _beta_and_eclipse,
    _check_radiator,
    _optical,
    _sides,
    absorbed_solar_flux,
    albedo_flux,
    albedo_orbit_factor,
    earth_ir_flux,
    earth_view_factor,
    environmental_flux,
)

__all__ = [
    "SPACE_TEMPERATURE",
    "EARTH_IR",
    "ALBEDO",
    "RADIATOR_EMISSIVITY",
    "RADIATOR_ABSORPTIVITY",
    "RADIATOR_AREAL_DENSITY",
    "earth_view_factor",
    "absorbed_solar_flux",
    "albedo_orbit_factor",
    "albedo_flux",
    "earth_ir_flux",
    "EnvironmentalFlux",
    "environmental_flux",
    "sink_temperature",
    "radiator_area",
    "equilibrium_temperature",
    "radiator_mass",
    "radiator_temperature_from_junction",
    "heat_pump_cop",
    "heat_pump_power",
    "HeatPumpOptimum",
    "optimal_radiator_temperature",
    "ThermalSizing",
    "thermal_sizing",
    "solar_cell_temperature",
]

_PI = math.pi
_HALF_PI = 0.5 * math.pi

# ---------------------------------------------------------------------------------------
# defaults, each with its source and kind
# ---------------------------------------------------------------------------------------

SPACE_TEMPERATURE = T_CMB
"""Temperature of the cosmic microwave background [K], the sink of a panel that sees only
deep space: :data:`orbitdc.constants.T_CMB`, Fixsen (2009) [5]. Kind: measurement."""

RADIATOR_EMISSIVITY = 0.91
"""Hemispherical infrared emittance of a white-paint radiator [-]: AZ-93 white thermal
control paint (zinc oxide / potassium silicate), 0.91 +/- 0.02 (AZ Technology datasheet;
Gilmore (2002) [2] Appendix A lists Z-93 class paints at 0.90-0.92). Kind: vendor."""

RADIATOR_ABSORPTIVITY = 0.15
"""Solar absorptance of the same AZ-93 white-paint radiator at beginning of life [-],
0.15 +/- 0.02 (AZ Technology datasheet; rises with UV and atomic-oxygen exposure in LEO,
Gilmore (2002) [2] ch. 4). Kind: vendor."""

RADIATOR_AREAL_DENSITY = 7.0
"""Mass per planform area of a conventional heat-pipe or pumped-loop radiator panel
[kg/m2]: "conventional radiator's weight of 7 kg/m2" (Thermacore Inc., NASA SBIR 1991
abstract 09.08-6551B, referring to the Space Station Freedom aluminium/ammonia heat-pipe
radiator); advanced composite and deployable designs target 2-5 kg/m2. Kind: vendor."""


@accepts(absorbed_flux="W/m^2", space_temperature="K")
def sink_temperature(absorbed_flux, emissivity, sides=2, space_temperature=SPACE_TEMPERATURE):
    """Effective sink temperature of a radiator panel from its absorbed environmental load.

    Parameters
    ----------
    absorbed_flux : float or array [W/m^2]
        Environmental load absorbed per unit panel (planform) area, summed over the
        radiating faces, >= 0 (``environmental_flux(...).total``).
    emissivity : float or array [-]
        Infrared emittance of the radiating faces, in (0, 1].
    sides : 1 or 2, default 2
        Number of radiating faces.
    space_temperature : float or array [K], default 2.7255
        Temperature of deep space (cosmic microwave background, Fixsen 2009,
        measurement), >= 0.

    Returns
    -------
    float or array [K]
        :math:`T_s = \\big(q_{abs}/(n\\,\\varepsilon\\,\\sigma) + T_{space}^4\\big)^{1/4}`,
        the temperature the panel would reach with no internal dissipation.  With it the
        net heat rejected by a panel at temperature T is exactly
        :math:`Q = n\\,\\varepsilon\\,\\sigma\\,A\\,(T^4 - T_s^4)`.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 (effective
       sink temperature).
    """
    q = _nonneg("absorbed_flux", absorbed_flux, "an absorbed flux is non-negative")
    eps = _optical("emissivity", emissivity)
    n = _sides(sides)
    t0 = _nonneg("space_temperature", space_temperature, "absolute temperature cannot be negative")
    return _out(_k.sink(q, eps, n, t0))


# ---------------------------------------------------------------------------------------
# radiator balance
# ---------------------------------------------------------------------------------------


@accepts(heat="W", temperature="K", sink_temperature="K")
def radiator_area(heat, temperature, emissivity, sink_temperature=SPACE_TEMPERATURE, sides=2, fin_efficiency=1.0):
    """Radiator planform area that rejects a heat load at a given temperature.

    Parameters
    ----------
    heat : float or array [W]
        Heat to reject, > 0.
    temperature : float or array [K]
        Radiator (fin-root) temperature, > sink temperature.
    emissivity : float or array [-]
        Infrared emittance of the radiating faces, in (0, 1].
    sink_temperature : float or array [K], default 2.7255
        Effective sink temperature (:func:`sink_temperature`; default: deep space).
    sides : 1 or 2, default 2
        Radiating faces per panel.
    fin_efficiency : float or array [-], default 1
        Ratio of the heat a real fin rejects to that of an isothermal fin at the root
        temperature, in (0, 1] (typically 0.8-0.95 for heat-pipe and fluid-loop panels,
        Gilmore [2]_ ch. 6).

    Returns
    -------
    float or array [m^2]
        .. math:: A = \\frac{Q}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,(T^4 - T_s^4)}

    Raises
    ------
    ScenarioError
        heat <= 0, emissivity outside (0, 1], radiator at or below the sink temperature,
        sides not 1 or 2, fin efficiency outside (0, 1].

    Examples
    --------
    One square metre of black surface at 300 K facing deep space emits 459.3 W:

    >>> round(radiator_area(459.3, 300.0, 1.0, sink_temperature=0.0, sides=1), 4)
    1.0

    References
    ----------
    .. [1] Incropera et al. (2007), Fundamentals of Heat and Mass Transfer, 6th ed., ch. 12.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6.
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    t = _positive("temperature", temperature, "absolute temperature must be positive")
    ok = t > ts
    if not _all(ok):
        require(
            ok,
            "temperature",
            temperature,
            "above the sink temperature",
            "a radiator at or below its sink temperature cannot reject heat (use a heat pump to raise it)",
        )
    return _out(q / (n * eps * SIGMA_SB * eta * _k.fourth_power_difference(t, ts)))


@accepts(heat="W", area="m^2", sink_temperature="K")
def equilibrium_temperature(heat, area, emissivity, sink_temperature=SPACE_TEMPERATURE, sides=2, fin_efficiency=1.0):
    """Temperature at which a radiator of given area rejects a heat load (exact inverse).

    Parameters
    ----------
    area : float or array [m^2]
        Radiator planform area, > 0.
    heat, emissivity, sink_temperature, sides, fin_efficiency
        As in :func:`radiator_area`. Environmental loads are folded into the effective
        sink temperature (:func:`sink_temperature`).

    Returns
    -------
    float or array [K]
        The real positive root of the quartic balance, in closed form:

        .. math:: T = \\Big(\\frac{Q}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,A} + T_s^4\\Big)^{1/4}

    References
    ----------
    .. [1] Incropera et al. (2007), Fundamentals of Heat and Mass Transfer, 6th ed., ch. 12.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6.
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    a = _positive("area", area, "a radiator has a positive area")
    return _out((q / (n * eps * SIGMA_SB * eta * a) + ts**4) ** 0.25)


@accepts(area="m^2", areal_density="kg/m^2")
def radiator_mass(area, areal_density=RADIATOR_AREAL_DENSITY):
    """Radiator mass from its planform area and areal density.

    Parameters
    ----------
    area : float or array [m^2]
        Radiator planform area, >= 0.
    areal_density : float or array [kg/m^2], default 7.0
        Mass per planform area including panels, heat pipes or fluid lines, manifolds and
        deployment hardware, > 0. Default :data:`RADIATOR_AREAL_DENSITY` (conventional
        heat-pipe radiator, 7 kg/m2, vendor figure).

    Returns
    -------
    float or array [kg]
        :math:`m = \\rho_A A`.

    Notes
    -----
    Launch volume: deployable panels stow folded against the bus; a stack of panels of
    thickness t occupies about ``A * t`` (a 25 mm honeycomb panel: 0.025 m3 per m2 of
    planform area), which the launch module may add to the payload volume.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 (deployable
       radiators).
    """
    a = _nonneg("area", area, "an area cannot be negative")
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    return _out(a * rho)


# ---------------------------------------------------------------------------------------
# chip-to-radiator stack and heat pump
# ---------------------------------------------------------------------------------------


@accepts(t_junction_max="K", cold_plate_drop="K", loop_drop="K", heat_exchanger_drop="K", other_drop="K")
def radiator_temperature_from_junction(
    t_junction_max, cold_plate_drop=25.0, loop_drop=10.0, heat_exchanger_drop=5.0, other_drop=0.0
):
    """Highest radiator (fin-root) temperature the chip junction limit allows.

    Parameters
    ----------
    t_junction_max : float or array [K]
        Maximum allowed chip junction temperature, > 0 (e.g. 358 K = 85 C).
    cold_plate_drop : float or array [K], default 25
        Junction to coolant: die, package, thermal interface and cold plate, >= 0.
        Assumption: 0.035 K/W x 700 W for a liquid-cooled data-centre accelerator.
    loop_drop : float or array [K], default 10
        Coolant temperature rise around the pumped loop (supply to return), >= 0.
        Assumption (ASHRAE liquid-cooling practice: 5-15 K rise).
    heat_exchanger_drop : float or array [K], default 5
        Approach temperature of the loop-to-radiator heat exchanger or heat-pipe
        evaporator, >= 0. Assumption.
    other_drop : float or array [K], default 0
        Any further drop (e.g. radiator transport), >= 0.

    Returns
    -------
    float or array [K]
        :math:`T_{rad} = T_{j,max} - \\sum \\Delta T_i` (> 0).

    Raises
    ------
    ScenarioError
        A negative drop, or drops that leave no positive radiator temperature.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 and 12
       (pumped fluid loops), ch. 14 (heat pipes).
    .. [2] ASHRAE TC 9.9 (2011), "Thermal Guidelines for Liquid-Cooled Data Processing
       Environments" (classes of facility supply water temperature).
    """
    tj = _positive("t_junction_max", t_junction_max, "absolute temperature must be positive")
    d1 = _nonneg("cold_plate_drop", cold_plate_drop, "heat flows from hot to cold, so each drop is >= 0")
    d2 = _nonneg("loop_drop", loop_drop, "heat flows from hot to cold, so each drop is >= 0")
    d3 = _nonneg("heat_exchanger_drop", heat_exchanger_drop, "heat flows from hot to cold, so each drop is >= 0")
    d4 = _nonneg("other_drop", other_drop, "heat flows from hot to cold, so each drop is >= 0")
    t = tj - (d1 + d2 + d3 + d4)
    ok = t > 0
    if not _all(ok):
        require(
            ok,
            "t_junction_max",
            np.broadcast_to(tj, t.shape),
            "greater than the sum of the stack drops",
            "the stack drops leave no positive radiator temperature",
        )
    return _out(t)


# ---------------------------------------------------------------------------------------
# one-call sizing (the pipeline's thermal stage)
# ---------------------------------------------------------------------------------------


class ThermalSizing(NamedTuple):
    """Result of :func:`thermal_sizing` (all SI)."""

    view_factor: Any
    """Earth view factor of the front face [-]."""
    view_factor_back: Any
    """Earth view factor of the back face (0 if one-sided) [-]."""
    solar_flux: Any
    """Absorbed direct sunlight per panel area [W/m^2]."""
    albedo_flux: Any
    """Absorbed albedo per panel area [W/m^2]."""
    earth_ir_flux: Any
    """Absorbed Earth IR per panel area [W/m^2]."""
    absorbed_flux: Any
    """Total absorbed environmental flux per panel area [W/m^2]."""
    sink_temperature: Any
    """Effective sink temperature [K]."""
    loop_temperature: Any
    """Radiator temperature the junction limit allows without a heat pump [K]."""
    radiator_temperature: Any
    """Radiator (fin-root) temperature used for sizing [K]."""
    heat_pump_power: Any
    """Heat-pump electrical power (0 without pump) [W]."""
    heat_rejected: Any
    """Heat the radiator rejects, load plus pump power [W]."""
    area: Any
    """Radiator planform area [m^2]."""
    mass: Any
    """Radiator mass [kg]."""
    environmental_load: Any
    """Environmental power absorbed by the whole radiator, area times absorbed flux [W]."""


_PUMP_MODES = ("none", "optimal", "fixed")


@accepts(
    heat="W",
    altitude="m",
    beta="rad",
    t_junction_max="K",
    tilt="rad",
    solar_incidence="rad",
    irradiance="W/m^2",
    earth_ir="W/m^2",
    cold_plate_drop="K",
    loop_drop="K",
    heat_exchanger_drop="K",
    areal_density="kg/m^2",
    heat_pump_lift="K",
    power_mass_per_watt="kg/W",
    max_lift="K",
)
def thermal_sizing(
    heat,
    altitude,
    beta,
    eclipse_fraction,
    t_junction_max,
    emissivity=RADIATOR_EMISSIVITY,
    absorptivity=RADIATOR_ABSORPTIVITY,
    sides=2,
    fin_efficiency=0.9,
    areal_density=RADIATOR_AREAL_DENSITY,
    tilt=_HALF_PI,
    solar_incidence=_HALF_PI,
    irradiance=SOLAR_CONSTANT,
    albedo=ALBEDO,
    earth_ir=EARTH_IR,
    cold_plate_drop=25.0,
    loop_drop=10.0,
    heat_exchanger_drop=5.0,
    case="orbit_average",
    heat_pump="none",
    heat_pump_lift=0.0,
    fraction_of_carnot=0.5,
    power_mass_per_watt=0.01,
    max_lift=100.0,
):
    """Size a radiator for a heat load in orbit: loads, sink, temperature, area and mass.

    The whole thermal stage in one vectorised call: Earth view factors, absorbed sunlight,
    albedo and Earth IR (orbit-averaged or peak), effective sink temperature, radiator
    temperature from the junction limit and stack drops (optionally raised by a heat pump),
    radiator area and mass.

    Parameters
    ----------
    heat : float or array [W]
        Heat collected by the coolant loop (payload waste heat plus bus dissipation), > 0.
    altitude : float or array [m]
        Orbit altitude, > 0.
    beta : float or array [rad]
        Sun beta angle of the design orbit, [-pi/2, pi/2].
    eclipse_fraction : float or array [-]
        Eclipse fraction of the design orbit, [0, 1).
    t_junction_max : float or array [K]
        Chip junction temperature limit, > 0.
    emissivity, absorptivity : float or array [-], defaults 0.91, 0.15
        Radiator surface (AZ-93 white paint, vendor figures).
    sides : 1 or 2, default 2
        Radiating faces.
    fin_efficiency : float or array [-], default 0.9
        Fin efficiency (assumption; 0.8-0.95 typical, Gilmore ch. 6).
    areal_density : float or array [kg/m^2], default 7.0
        Radiator mass per planform area (:data:`RADIATOR_AREAL_DENSITY`).
    tilt, solar_incidence : float or array [rad], default pi/2 each
        Radiator orientation: edge-on to the Earth and to the Sun.
    irradiance, albedo, earth_ir
        Environment (defaults 1361 W/m2, 0.30, 237 W/m2; see :func:`environmental_flux`).
    cold_plate_drop, loop_drop, heat_exchanger_drop : float or array [K]
        Stack drops (:func:`radiator_temperature_from_junction`).
    case : {"orbit_average", "peak"}
        Environmental averaging (:func:`environmental_flux`).
    heat_pump : {"none", "optimal", "fixed"}
        No pump; the mass-optimal lift (:func:`optimal_radiator_temperature`); or a fixed
        lift ``heat_pump_lift``.
    heat_pump_lift : float or array [K], default 0
        Lift used when ``heat_pump == "fixed"``, >= 0.
    fraction_of_carnot : float or array [-], default 0.5
        Heat-pump second-law efficiency.
    power_mass_per_watt : float or array [kg/W], default 0.01
        Marginal mass per watt of pump power, power system plus pump hardware (used by
        ``"optimal"``; assumption: about 100 W/kg arrays without eclipse battery).
    max_lift : float or array [K], default 100
        Upper bound of the lift search (``"optimal"``).

    Returns
    -------
    ThermalSizing
        Fluxes in W/m^2 of panel area, temperatures in K, powers in W, area in m^2, mass in
        kg (see the field docs).

    Notes
    -----
    .. math::
       T_s = \\Big(\\frac{q_{abs}}{n\\varepsilon\\sigma} + T_{space}^4\\Big)^{1/4},\\quad
       T_c = T_{j,max} - \\sum\\Delta T,\\quad
       A = \\frac{Q + W}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,(T_r^4 - T_s^4)},\\quad
       W = \\frac{Q (T_r - T_c)}{f_C T_c}

    Sizing on orbit-average loads assumes the radiator and loop have enough thermal
    capacitance to ride through one orbit's variation (a ~90-minute period); use
    ``case="peak"`` for the steady-state hot-case bound.

    Raises
    ------
    ScenarioError
        Any bad input (see the building blocks), or a loop temperature at or below the sink
        without a heat pump.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 and 6.
    .. [2] Howell, configuration-factor catalogue, B-12.
    .. [3] Cengel & Boles (2015), Thermodynamics, 8th ed., 6-11.
    """
    q = _positive("heat", heat, "a radiator is sized for a positive heat load")
    h = _positive("altitude", altitude, "the radiator must be above the Earth's surface")
    b, ecl = _beta_and_eclipse(beta, eclipse_fraction)
    tj = _positive("t_junction_max", t_junction_max, "absolute temperature must be positive")
    eps = _optical("emissivity", emissivity)
    alpha = _optical("absorptivity", absorptivity)
    n = _sides(sides)
    eta = _unit_interval(
        "fin_efficiency",
        fin_efficiency,
        "a fin rejects between nothing (0, excluded) and as much as an isothermal fin (1)",
    )
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    lam = _angle("tilt", tilt, _PI, "180 deg", "the angle between a plate normal and nadir lies in 0..180 deg")
    inc = _angle(
        "solar_incidence", solar_incidence, _PI, "180 deg", "an angle between two directions lies in 0..180 deg"
    )
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    e_ir = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    drops = (
        _nonneg("cold_plate_drop", cold_plate_drop, "heat flows from hot to cold, so each drop is >= 0")
        + _nonneg("loop_drop", loop_drop, "heat flows from hot to cold, so each drop is >= 0")
        + _nonneg("heat_exchanger_drop", heat_exchanger_drop, "heat flows from hot to cold, so each drop is >= 0")
    )
    if case not in _CASES:
        raise ScenarioError("case", case, "one of 'orbit_average', 'peak'", "unknown averaging case")
    if heat_pump not in _PUMP_MODES:
        raise ScenarioError("heat_pump", heat_pump, "one of 'none', 'optimal', 'fixed'", "unknown heat-pump mode")

    fc = ml = k = lift = None
    if heat_pump != "none":
        fc = _unit_interval(
            "fraction_of_carnot", fraction_of_carnot, "no real heat pump beats the reversed Carnot cycle"
        )
    if heat_pump == "optimal":
        k = _nonneg("power_mass_per_watt", power_mass_per_watt, "power-system mass cannot fall with load")
        ml = _positive("max_lift", max_lift, "the search needs a positive range of lifts")
    elif heat_pump == "fixed":
        lift = _nonneg("heat_pump_lift", heat_pump_lift, "a heat pump raises the temperature")
    v = _k.sizing(
        q,
        h,
        b,
        ecl,
        tj,
        eps,
        alpha,
        n,
        eta,
        rho,
        lam,
        inc,
        s,
        a,
        e_ir,
        drops,
        case=case,
        heat_pump=heat_pump,
        lift=lift,
        fc=fc,
        k=k,
        ml=ml,
        problem=sizing_problem(tj, ml),
    )
    return ThermalSizing(*(_out(x) for x in v))


def sizing_problem(t_junction_max, max_lift, field=None):
    """The reaction to a derived condition under which :func:`thermal_sizing` has no solution.

    Parameters
    ----------
    t_junction_max : float or array [K]
        Junction limit of the sizing (the value reported).
    max_lift : float or array [K] or None
        Largest heat-pump lift of an ``"optimal"`` sizing (the value reported).
    field : mapping, optional
        Argument name (``"t_junction_max"``, ``"max_lift"``) -> the name to report, so that a
        pipeline stage names the scenario field the user can change.

    Returns
    -------
    callable
        ``problem(name, ok, t_rad, ts)`` for :func:`orbitdc.kernels.thermal.sizing`: raises
        :class:`~orbitdc.errors.ScenarioError` for the failing elements of ``ok`` (the
        stack drops leave no positive loop temperature, the largest lift leaves the radiator
        at or below its sink, or the radiator is at or below its sink); the first two go
        through :func:`~orbitdc.errors.require`, so that row-wise evaluation records them.
    """
    names = field or {}
    tj_name = names.get("t_junction_max", "t_junction_max")

    def problem(name, ok, t_rad, ts):
        shape = np.shape(ok)
        if name == "stack_drops":
            require(
                ok,
                tj_name,
                np.broadcast_to(t_junction_max, shape),
                "greater than the sum of the stack drops",
                "the stack drops leave no positive radiator temperature",
            )
        elif name == "max_lift":
            require(
                ok,
                names.get("max_lift", "max_lift"),
                np.broadcast_to(max_lift, shape),
                "enough to raise the radiator above its sink",
                "even the largest lift leaves the radiator at or below its sink temperature",
            )
        else:
            bad = ~np.asarray(ok)
            t_bad = float(first_bad(np.broadcast_to(t_rad, shape), bad))
            ts_bad = float(first_bad(np.broadcast_to(ts, shape), bad))
            raise ScenarioError(
                tj_name,
                float(first_bad(np.broadcast_to(t_junction_max, shape), bad)),
                f"high enough that the radiator ({t_bad:.1f} K) is warmer than its sink ({ts_bad:.1f} K)",
                "a radiator at or below its sink temperature cannot reject heat: raise the junction limit, "
                "lower the stack drops, change the orientation or coating, or use a heat pump",
            )

    return problem


# ---------------------------------------------------------------------------------------
# solar array temperature
# ---------------------------------------------------------------------------------------


@accepts(irradiance="W/m^2", earth_ir="W/m^2", incidence="rad", space_temperature="K")
def solar_cell_temperature(
    irradiance,
    absorptivity_front=0.91,
    emissivity_front=0.85,
    emissivity_back=0.80,
    efficiency=0.28,
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
    view_factor=0.0,
    view_factor_back=0.0,
    incidence=0.0,
    albedo_factor=1.0,
    absorptivity_back=None,
    space_temperature=SPACE_TEMPERATURE,
):
    """Steady-state temperature of a thin solar-array panel from its own energy balance.

    The front (cell) face absorbs sunlight, albedo and Earth IR; the back face absorbs
    albedo and Earth IR; both faces radiate; the electrical output leaves the panel as
    power. The panel is taken as isothermal through its thickness (thin panel).

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance, >= 0 (0 in eclipse).
    absorptivity_front : float or array [-], default 0.91
        Solar absorptance of the cell face, in (0, 1]. Triple-junction cells under
        ceria-doped coverglass: 0.88-0.92 (Gilmore (2002) Appendix A; vendor data).
        Kind: vendor.
    emissivity_front : float or array [-], default 0.85
        Infrared emittance of the coverglass, in (0, 1] (0.85-0.89, same sources).
        Kind: vendor.
    emissivity_back : float or array [-], default 0.80
        Infrared emittance of the panel back (graphite-epoxy or black Kapton, 0.80-0.88).
        Kind: vendor.
    efficiency : float or array [-], default 0.28
        Fraction of the irradiance normal to the panel that leaves as electrical power
        (cell efficiency at operating temperature times packing factor), in [0, 1) and
        below ``absorptivity_front``. Default: a 30 % (28 C, BOL) triple-junction cell
        derated to about 60 C; assumption.
    earth_ir : float or array [W/m^2], default 237
        Earth's outgoing long-wave flux, >= 0.
    albedo : float or array [-], default 0.30
        Earth albedo, [0, 1].
    view_factor, view_factor_back : float or array [-], default 0
        Earth view factors of the front and back faces, [0, 1] (:func:`earth_view_factor`;
        a Sun-pointing array at the sub-solar point has its back facing the Earth, in a
        dawn-dusk orbit both faces are near edge-on).
    incidence : float or array [rad], default 0
        Angle between the panel normal and the Sun, [0, pi/2] (Sun-pointing: 0).
    albedo_factor : float or array [-], default 1
        Cosine of the Sun's zenith at the sub-satellite point (or its average), [0, 1].
    absorptivity_back : float or array [-], optional
        Solar absorptance of the back face for albedo, in (0, 1]; default equal to
        ``emissivity_back`` (a gray back surface).
    space_temperature : float or array [K], default 2.7255
        Deep-space background.

    Returns
    -------
    float or array [K]
        .. math::
           T = \\Big(\\frac{\\alpha_f S\\cos i + S a \\phi(\\alpha_f F_f + \\alpha_b F_b)
                + E_{IR}(\\varepsilon_f F_f + \\varepsilon_b F_b) - \\eta S \\cos i}
                {(\\varepsilon_f + \\varepsilon_b)\\,\\sigma} + T_{space}^4\\Big)^{1/4}

    Raises
    ------
    ScenarioError
        Optical properties outside (0, 1], efficiency at or above the front absorptance
        (the panel cannot deliver more power than it absorbs), angles out of range.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 and
       Appendix A (optical properties).
    .. [2] Patel, M. R. (2005), Spacecraft Power Systems, CRC Press, ch. 4 (array
       temperature balance).
    .. [3] Landis, G. A. (1994), "Review of solar cell temperature coefficients for
       space", Proc. SPRAT XIII, NASA Lewis Research Center (NTRS 19950014125): operating
       temperatures in Earth orbit range from about 20 C to 85 C.
    """
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    af = _optical("absorptivity_front", absorptivity_front)
    ef = _optical("emissivity_front", emissivity_front)
    eb = _optical("emissivity_back", emissivity_back)
    ab = eb if absorptivity_back is None else _optical("absorptivity_back", absorptivity_back)
    eff = _unit_interval(
        "efficiency", efficiency, "a conversion efficiency lies in [0, 1)", lo_open=False, hi_open=True
    )
    ok = eff < af
    if not _all(ok):
        require(
            ok,
            "efficiency",
            np.broadcast_to(eff, np.broadcast_shapes(eff.shape, ok.shape)),
            "below absorptivity_front",
            "a panel cannot deliver more electrical power than the sunlight it absorbs",
        )
    e_ir = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    ff = _unit_interval("view_factor", view_factor, "a view factor is a fraction", lo_open=False)
    fb = _unit_interval("view_factor_back", view_factor_back, "a view factor is a fraction", lo_open=False)
    inc = _angle("incidence", incidence, _HALF_PI, "90 deg", "a sunlit cell face has incidence 0..90 deg")
    phi = _unit_interval(
        "albedo_factor", albedo_factor, "the cosine of a zenith angle on the lit side lies in 0..1", lo_open=False
    )
    t0 = _nonneg("space_temperature", space_temperature, "absolute temperature cannot be negative")
    return _out(_kp.panel_temperature(s, eff, af, ef, eb, ab, e_ir, a, ff, fb, phi, np.cos(inc), t0))
