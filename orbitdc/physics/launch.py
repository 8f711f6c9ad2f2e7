"""Mass roll-up, launch vehicles, launches, cadence, replacement and deployment rate.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no Python loops over
scenarios, no I/O).  Public functions also accept pint quantities or unit strings for their
dimensional arguments (:func:`orbitdc.units.accepts`); bare numbers are taken as SI, so a
cadence is in launches per *second* unless given as ``Q_(20, "1/year")``.

Contents

* rocket equation (:func:`rocket_delta_v`, :func:`propellant_mass`) and the impulsive and
  low-thrust manoeuvres that set a satellite's propellant (:func:`hohmann_delta_v`,
  :func:`deorbit_delta_v`); drag make-up delta-v is in :mod:`orbitdc.physics.atmosphere`;
* satellite mass roll-up (:func:`satellite_mass`) with structure as a fraction of the dry
  mass, shielding from an areal density, propellant and propulsion hardware, solved in
  closed form and returned with a breakdown that sums to the total;
* stowed volume (:func:`stowed_volume`) from the stowed densities of arrays, radiators and
  the rest of the spacecraft;
* the launch-vehicle catalog (:data:`VEHICLES`) with a source and a kind for every figure,
  and a first-order payload reduction with altitude and inclination
  (:func:`payload_to_orbit`): the upper stage's rocket equation applied to the extra
  delta-v (Hohmann raise from the reference orbit, loss of the Earth-rotation credit for
  higher inclinations, plane change below the launch-site latitude);
* whole launches from mass AND volume, whichever binds (:func:`launches_needed`),
  deployment time from a cadence, replacement over the mission life (block replacement
  with random failures), and the "deploy P watts per year" mode (:func:`deployment_rate`).

The catalog and the payload reduction live in :mod:`orbitdc.physics.vehicles` and are
re-exported here.

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (eds.) (1999), Space Mission Analysis and Design,
   3rd ed. (SMAD), Microcosm / Kluwer: chapter 7 (delta-v budget), chapter 10 (spacecraft
   mass budget, subsystem mass fractions), chapter 17 (propulsion, rocket equation),
   chapter 18 (launch systems).
.. [2] Vallado, D. A. (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
   Microcosm Press, section 6.3 (Hohmann transfer, Example 6-1).
.. [3] Curtis, H. D. (2014), Orbital Mechanics for Engineering Students, 3rd ed.,
   Butterworth-Heinemann, section 11.3 (rocket equation) and section 6.3 (Hohmann).
.. [4] Edelbaum, T. N. (1961), "Propulsion requirements for controllable satellites",
   ARS Journal 31(8), 1079-1089 (low-thrust transfer between circular orbits).
.. [5] Barlow, R. E. and Proschan, F. (1965), Mathematical Theory of Reliability, Wiley,
   ch. 4 (block replacement policy).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np

from ..constants import JULIAN_YEAR, R_EARTH
from ..errors import ScenarioError, require
from ..kernels import launch as kla
from ..units import accepts
from ._checks import below_one as _below_one
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out_float as _out
from ._checks import positive as _positive
from ._rocket import _altitude, _ve
from .vehicles import (  # re-exported: the catalog is part of this module's API
    PRICE_BASES,
    VEHICLES,
    Vehicle,
    launch_price,
    payload_after_delta_v,
    payload_to_orbit,
    vehicle,
    vehicle_payload,
)

__all__ = [
    "ISP_DEFAULT",
    "PRICE_BASES",
    "launch_price",
    "MASS_PARTS",
    "MassBudget",
    "LaunchPlan",
    "DeploymentRate",
    "UnitPlan",
    "Vehicle",
    "VEHICLES",
    "vehicle",
    "rocket_delta_v",
    "propellant_mass",
    "hohmann_delta_v",
    "deorbit_delta_v",
    "enclosure_area",
    "satellite_mass",
    "stowed_volume",
    "payload_after_delta_v",
    "payload_to_orbit",
    "vehicle_payload",
    "launches_needed",
    "deployment_time",
    "replacement_satellites",
    "deployment_rate",
    "price_per_kg",
]

ISP_DEFAULT = 1500.0
"""Specific impulse of a Hall-effect thruster class [s], the propulsion of LEO
constellations (SPT-100 about 1600 s: Goebel & Katz 2008, Fundamentals of Electric
Propulsion, ch. 7; Starlink uses krypton / argon Hall thrusters).  Kind: vendor."""

MASS_PARTS = (
    "compute",
    "array",
    "battery",
    "radiator",
    "links",
    "shielding",
    "coating",
    "structure",
    "bus",
    "propulsion",
    "propellant",
)
"""Names of the parts of :class:`MassBudget.parts`, in display order."""


# ---------------------------------------------------------------------------------------
# input checks (vectorised; the first offending element is reported)
# ---------------------------------------------------------------------------------------
# _finite, _positive, _nonneg and _out (float arrays out) come from orbitdc.physics._checks.
# ---------------------------------------------------------------------------------------
# rocket equation and manoeuvres
# ---------------------------------------------------------------------------------------
@accepts(isp="s", initial_mass="kg", final_mass="kg")
def rocket_delta_v(isp, initial_mass, final_mass):
    """Ideal velocity change of a rocket (Tsiolkovsky).

    Parameters
    ----------
    isp : float or array [s]
        Specific impulse (> 0).
    initial_mass : float or array [kg]
        Mass before the burn (>= final_mass).
    final_mass : float or array [kg]
        Mass after the burn (> 0).

    Returns
    -------
    float or array [m/s]
        :math:`\\Delta v = I_{sp}\\,g_0 \\ln(m_0/m_f)`, :math:`g_0 = 9.80665` m/s2.

    References
    ----------
    .. [1] Curtis (2014), Orbital Mechanics for Engineering Students, 3rd ed., eq. 11.30.
    .. [2] SMAD 3rd ed. (1999), chapter 17.
    """
    ve = _ve(isp)
    m0 = _positive("initial_mass", initial_mass, "a rocket has positive mass")
    mf = _positive("final_mass", final_mass, "a rocket has positive mass after the burn")
    require(m0 >= mf, "initial_mass", initial_mass, ">= final_mass", "a burn consumes propellant, it does not add mass")
    return _out(ve * np.log(m0 / mf))


@accepts(delta_v="m/s", isp="s", final_mass="kg")
def propellant_mass(delta_v, isp, final_mass):
    """Propellant that gives ``final_mass`` a velocity change ``delta_v``.

    Parameters
    ----------
    delta_v : float or array [m/s]
        Total velocity change (>= 0).
    isp : float or array [s]
        Specific impulse (> 0).
    final_mass : float or array [kg]
        Mass left after the propellant is spent (the dry mass, >= 0).

    Returns
    -------
    float or array [kg]
        :math:`m_p = m_f\\,(e^{\\Delta v/(I_{sp} g_0)} - 1)`, the rocket equation solved for
        the propellant.

    References
    ----------
    .. [1] Curtis (2014), eq. 11.30; SMAD 3rd ed. (1999), chapter 17.
    """
    dv = _nonneg("delta_v", delta_v, "a velocity change is a magnitude")
    ve = _ve(isp)
    mf = _nonneg("final_mass", final_mass, "mass is not negative")
    return _out(mf * np.expm1(dv / ve))


@accepts(altitude_from="m", altitude_to="m")
def hohmann_delta_v(altitude_from, altitude_to):
    """Total delta-v of a two-impulse Hohmann transfer between circular coplanar orbits.

    Parameters
    ----------
    altitude_from, altitude_to : float or array [m]
        Altitudes of the initial and final circular orbits (100 km to 100,000 km).

    Returns
    -------
    float or array [m/s]
        :math:`|v_p - v_1| + |v_2 - v_a|` with the transfer ellipse
        :math:`a_t = (r_1+r_2)/2`, :math:`v = \\sqrt{\\mu(2/r - 1/a)}`; symmetric in its
        arguments.

    References
    ----------
    .. [1] Vallado (2013), section 6.3.1, Algorithm 36 and Example 6-1.
    .. [2] Curtis (2014), section 6.3.
    """
    r1 = R_EARTH + _altitude("altitude_from", altitude_from)
    r2 = R_EARTH + _altitude("altitude_to", altitude_to)
    return _out(kla.hohmann(r1, r2))


@accepts(altitude="m", disposal_altitude="m")
def deorbit_delta_v(altitude, disposal_altitude, method="impulsive"):
    """Delta-v to dispose of a satellite from a circular orbit at end of life.

    Parameters
    ----------
    altitude : float or array [m]
        Operating circular altitude.
    disposal_altitude : float or array [m]
        ``impulsive``: perigee altitude of the disposal ellipse (e.g. 50 km for a targeted
        re-entry); ``spiral``: altitude of the final circular orbit of a low-thrust spiral
        (e.g. 200 km, where drag finishes the job in days).  Not above ``altitude``.
    method : {"impulsive", "spiral", "passive"}
        ``impulsive``: one retro burn at the operating altitude,
        :math:`\\Delta v = v_1 (1 - \\sqrt{2 r_p/(r_1+r_p)})` (first Hohmann burn);
        ``spiral``: continuous low thrust (electric propulsion),
        :math:`\\Delta v = v_c(r_p) - v_c(r_1)` (Edelbaum, coplanar);
        ``passive``: left to decay, zero delta-v.

    Returns
    -------
    float or array [m/s]

    References
    ----------
    .. [1] Vallado (2013), section 6.3 (Hohmann transfer).
    .. [2] Edelbaum (1961), ARS Journal 31(8) 1079.
    """
    if method not in kla.DEORBIT_METHODS:
        raise ScenarioError(
            "method", method, "one of 'impulsive', 'spiral', 'passive'", "the disposal manoeuvre models"
        )
    h = _altitude("altitude", altitude)
    hd = _finite("disposal_altitude", disposal_altitude)
    require(
        (hd >= 0) & (hd <= h),
        "disposal_altitude",
        disposal_altitude,
        "0 to the operating altitude",
        "disposal lowers the orbit from the operating altitude towards the ground",
    )
    return _out(kla.deorbit(h, hd, method))


# ---------------------------------------------------------------------------------------
# mass roll-up and stowed volume
# ---------------------------------------------------------------------------------------
class MassBudget(NamedTuple):
    """Satellite mass roll-up.

    Attributes
    ----------
    total : float or array [kg]
        Wet (launch) mass, equal to the sum of ``parts``.
    dry : float or array [kg]
        Total minus propellant.
    parts : mapping of str to float or array [kg]
        The parts in :data:`MASS_PARTS` order.
    """

    total: Any
    dry: Any
    parts: Mapping[str, Any]


@accepts(mass="kg", density="kg/m^3")
def enclosure_area(mass, density):
    """Outer area of a cube that holds electronics of a given mass and packing density.

    Parameters
    ----------
    mass : float or array [kg]
        Mass of the enclosed electronics (>= 0).
    density : float or array [kg/m3]
        Packing density of the electronics (> 0); a DGX H100 server is 130.45 kg in
        0.356 x 0.482 x 0.897 m, about 850 kg/m3 (NVIDIA DGX H100 datasheet).

    Returns
    -------
    float or array [m2]
        :math:`A = 6\\,(m/\\rho)^{2/3}`: the least-area box, so the shielding mass computed
        from it is a lower bound for the geometry.

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 8 (radiation shielding by areal density around
       electronics boxes).
    """
    m = _nonneg("mass", mass, "mass is not negative")
    rho = _positive("density", density, "electronics have a positive packing density")
    return _out(6.0 * np.cbrt(m / rho) ** 2)


@accepts(
    compute_mass="kg",
    array_mass="kg",
    battery_mass="kg",
    radiator_mass="kg",
    links_mass="kg",
    bus_mass="kg",
    shielding_areal_density="kg/m^2",
    shielding_area="m^2",
    delta_v="m/s",
    isp="s",
)
def satellite_mass(
    compute_mass,
    array_mass,
    battery_mass,
    radiator_mass,
    links_mass=0.0,
    *,
    structure_fraction=0.2,
    bus_mass=0.0,
    shielding_areal_density=0.0,
    shielding_area=0.0,
    coating_mass=0.0,
    delta_v=0.0,
    isp=ISP_DEFAULT,
    propulsion_fraction=0.1,
):
    """Roll up a satellite's mass from its parts, structure fraction and propellant.

    Parameters
    ----------
    compute_mass, array_mass, battery_mass, radiator_mass, links_mass : float or array [kg]
        Subsystem masses from the other modules' sizing (>= 0; zero means absent, e.g. no
        battery in a never-eclipsed orbit).  ``radiator_mass`` includes the coolant loop.
    structure_fraction : float or array [-], default 0.2
        Structure and mechanisms as a fraction of the *dry* mass, in [0, 1).  The typical
        subsystem mass budgets of SMAD 3rd ed. chapter 10 put structure at roughly a fifth to
        a quarter of dry mass.
    bus_mass : float or array [kg], default 0
        Fixed bus mass: attitude control, avionics, harness, thermal control other than
        the radiator (>= 0).
    shielding_areal_density : float or array [kg/m2], default 0
        Radiation shielding around the electronics (1 mm of aluminium is 2.7 kg/m2).
    shielding_area : float or array [m2], default 0
        Area the shielding covers (see :func:`enclosure_area`).
    coating_mass : float or array [kg], default 0
        Sacrificial coating against atomic-oxygen erosion on the ram-facing surfaces
        (:func:`orbitdc.physics.atomic_oxygen.coating_mass_per_area` x the area), >= 0.
    delta_v : float or array [m/s], default 0
        Life-total delta-v the propulsion must provide (drag make-up and disposal).
    isp : float or array [s], default 1500
        Specific impulse of the propulsion.
    propulsion_fraction : float or array [-], default 0.1
        Propulsion hardware (tanks, thrusters, feed) per kg of propellant (>= 0).

    Returns
    -------
    MassBudget
        ``total`` (wet), ``dry`` and ``parts`` (kg each), with

        * :math:`m_{fix} = m_{compute}+m_{array}+m_{battery}+m_{radiator}+m_{links}+m_{bus}+\\sigma A+m_{coat}`,
        * :math:`k = e^{\\Delta v/(I_{sp} g_0)} - 1` (propellant per kg of dry mass, rocket equation),
        * :math:`m_{dry} = m_{fix} / (1 - f - \\tau k)` (structure :math:`f\\,m_{dry}`, propulsion
          hardware :math:`\\tau k\\,m_{dry}`),
        * :math:`m_{prop} = k\\,m_{dry}`, :math:`m_{total} = m_{dry}(1+k)`.

        The parts are computed term by term and sum to ``total`` to rounding (a test checks
        1e-12 relative).

    Raises
    ------
    ScenarioError
        Negative masses, all parts zero, ``structure_fraction`` outside [0, 1), or a
        propellant load the satellite cannot carry (:math:`f + \\tau k \\ge 1`: every extra kg
        of tank needs more propellant than it holds).

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 10 (mass budget as percentages of dry mass) and
       chapter 17 (propellant from the rocket equation).
    """
    names = ("compute_mass", "array_mass", "battery_mass", "radiator_mass", "links_mass", "bus_mass")
    vals = [
        _nonneg(n, v, "a subsystem mass is not negative (zero means absent)")
        for n, v in zip(names, (compute_mass, array_mass, battery_mass, radiator_mass, links_mass, bus_mass))
    ]
    sig = _nonneg("shielding_areal_density", shielding_areal_density, "shielding mass is not negative")
    area = _nonneg("shielding_area", shielding_area, "an area is not negative")
    coat = _nonneg("coating_mass", coating_mass, "a coating mass is not negative")
    f = _below_one(
        "structure_fraction",
        structure_fraction,
        "structure is part of the dry mass; a fraction of 1 or more would leave no mass for anything else",
    )
    tau = _nonneg("propulsion_fraction", propulsion_fraction, "propulsion hardware mass is not negative")
    dv = _nonneg("delta_v", delta_v, "a velocity change is a magnitude")
    k = np.expm1(dv / _ve(isp))

    shield = sig * area
    fixed = vals[0] + vals[1] + vals[2] + vals[3] + vals[4] + vals[5] + shield + coat
    require(
        fixed > 0,
        "compute_mass",
        compute_mass,
        "a positive sum of subsystem masses",
        "a satellite needs at least one part with mass",
    )
    denom = 1.0 - f - tau * k
    require(
        denom > 0,
        "delta_v",
        delta_v,
        "structure_fraction + propulsion_fraction (exp(dv/(Isp g0)) - 1) < 1",
        "the propellant for this delta-v at this Isp needs more tankage and structure than the "
        "satellite can carry; raise Isp or lower the delta-v",
    )
    dry = fixed / denom
    parts = {
        "compute": vals[0],
        "array": vals[1],
        "battery": vals[2],
        "radiator": vals[3],
        "links": vals[4],
        "shielding": shield,
        "coating": coat,
        "structure": f * dry,
        "bus": vals[5],
        "propulsion": tau * k * dry,
        "propellant": k * dry,
    }
    shape = np.broadcast_shapes(*(np.shape(v) for v in parts.values()))
    parts = MappingProxyType({n: _out(np.broadcast_to(parts[n], shape)) for n in MASS_PARTS})
    total = dry * (1.0 + k)
    return MassBudget(_out(np.broadcast_to(total, shape)), _out(np.broadcast_to(dry, shape)), parts)


@accepts(
    array_mass="kg",
    radiator_mass="kg",
    other_mass="kg",
    array_density="kg/m^3",
    radiator_density="kg/m^3",
    other_density="kg/m^3",
)
def stowed_volume(array_mass, radiator_mass, other_mass, array_density, radiator_density, other_density):
    """Launch (stowed) volume of a satellite from the stowed densities of its parts.

    Parameters
    ----------
    array_mass, radiator_mass, other_mass : float or array [kg]
        Solar-array, radiator and all other (bus, compute, battery, propellant...) mass (>= 0).
    array_density, radiator_density, other_density : float or array [kg/m3]
        Stowed densities including the packing gaps inside the fairing (> 0).

    Returns
    -------
    float or array [m3]
        :math:`V = m_a/\\rho_a + m_r/\\rho_r + m_o/\\rho_o`.

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 10 (spacecraft density for volume estimates) and
       chapter 18 (fairing envelopes).
    """
    ma = _nonneg("array_mass", array_mass, "mass is not negative")
    mr = _nonneg("radiator_mass", radiator_mass, "mass is not negative")
    mo = _nonneg("other_mass", other_mass, "mass is not negative")
    da = _positive("array_density", array_density, "stowed hardware has a positive density")
    dr = _positive("radiator_density", radiator_density, "stowed hardware has a positive density")
    do = _positive("other_density", other_density, "stowed hardware has a positive density")
    return _out(ma / da + mr / dr + mo / do)


# ---------------------------------------------------------------------------------------
# launches, cadence, replacement, deployment rate
# ---------------------------------------------------------------------------------------
class LaunchPlan(NamedTuple):
    """Launches for a batch of identical units.

    Attributes
    ----------
    launches : float or array
        Whole number of launches.
    per_launch : float or array
        Units per launch (a fraction 1/n when one unit needs n launches).
    binding : float or array
        0 when mass limits the launch, 1 when volume does.
    mass_ratio, volume_ratio : float or array
        Unit mass / payload mass and unit volume / payload volume.
    """

    launches: Any
    per_launch: Any
    binding: Any
    mass_ratio: Any
    volume_ratio: Any


class UnitPlan(NamedTuple):
    """How units fill a launch, before their count (:func:`orbitdc.kernels.launch.unit_plan`).

    Attributes
    ----------
    worst : float or array
        The binding ratio, max(m/P, V/V_f).
    binding : float or array
        0 when mass limits the launch, 1 when volume does.
    per_launch : float or array
        Units per launch (a fraction 1/n when one unit needs n launches).
    k, fits, per_unit : array or None
        Whole units per launch, where one fits, launches one oversized unit needs
        (None for ``bulk`` packing).
    all_fit : bool
        Whether every unit fits in one launch.
    mass_ratio, volume_ratio : float or array
        Unit mass / payload mass and unit volume / payload volume.
    """

    worst: Any
    binding: Any
    per_launch: Any
    k: Any
    fits: Any
    per_unit: Any
    all_fit: bool
    mass_ratio: Any
    volume_ratio: Any


def _launch_plan(m, V, P, Pv, n, packing):
    unit = kla.unit_plan(m, V, P, Pv, packing)
    launches = kla.launches(unit, n, packing)
    return LaunchPlan(_out(launches), _out(unit[2]), _out(unit[1]), _out(unit[7]), _out(unit[8]))


@accepts(mass="kg", volume="m^3", payload_mass="kg", payload_volume="m^3")
def launches_needed(mass, volume, payload_mass, payload_volume, count=1.0, packing="discrete"):
    """Whole launches for ``count`` units of given mass and stowed volume.

    Parameters
    ----------
    mass : float or array [kg]
        Mass of one unit (satellite), > 0.
    volume : float or array [m3]
        Stowed volume of one unit, > 0.
    payload_mass : float or array [kg]
        Vehicle payload to the target orbit, > 0.
    payload_volume : float or array [m3]
        Usable fairing volume, > 0.
    count : float or array [-], default 1
        Number of units, a whole number >= 0.
    packing : {"discrete", "bulk"}
        ``discrete``: whole satellites per launch,
        :math:`k = \\lfloor\\min(P/m, V_f/V)\\rfloor`, launches :math:`= \\lceil n/k\\rceil`; a unit
        larger than one launch (k = 0) is flown in :math:`\\lceil\\max(m/P, V/V_f)\\rceil` launches
        and assembled in orbit.  ``bulk``: mass and volume are divisible,
        launches :math:`= \\lceil n \\max(m/P, V/V_f)\\rceil`.

    Returns
    -------
    LaunchPlan
        ``launches`` (whole, never below :math:`n m/P` nor :math:`n V/V_f`), ``per_launch``,
        ``binding`` (0 mass-limited, 1 volume-limited), ``mass_ratio``, ``volume_ratio``.

    Raises
    ------
    ScenarioError
        Masses, volumes or payloads <= 0, negative or fractional counts, unknown packing.

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 18 (launch vehicle selection: mass and fairing
       volume constraints).
    """
    if packing not in kla.PACKINGS:
        raise ScenarioError("packing", packing, "one of 'discrete', 'bulk'", "the launch packing models")
    m = _positive("mass", mass, "a satellite has positive mass")
    V = _positive("volume", volume, "a satellite occupies a positive volume")
    P = _positive("payload_mass", payload_mass, "a launch vehicle must lift a positive payload")
    Pv = _positive("payload_volume", payload_volume, "a fairing has a positive usable volume")
    n = _nonneg("count", count, "a number of satellites is not negative")
    require(n == np.round(n), "count", count, "whole numbers", "satellites come whole")
    return _launch_plan(m, V, P, Pv, n, packing)


@accepts(cadence="1/year")
def deployment_time(launches, cadence):
    """Time to fly a number of launches at a steady cadence.

    Parameters
    ----------
    launches : float or array [-]
        Number of launches (>= 0).
    cadence : float or array [1/s]
        Launches per unit time available to the programme (> 0); give
        ``Q_(20, "1/year")`` or ``"20/year"``, bare numbers are per second.

    Returns
    -------
    float or array [s]
        :math:`t = N_{launch}/\\dot N`.

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 18 (launch rate and constellation build-up).
    """
    n = _nonneg("launches", launches, "a number of launches is not negative")
    c = _positive("cadence", cadence, "a cadence of zero would never deploy the constellation")
    return _out(n / c)


@accepts(mission_life="s", satellite_life="s", failure_rate="1/year")
def replacement_satellites(satellites, mission_life, satellite_life, failure_rate):
    """Expected replacement satellites over a mission (block replacement with random failures).

    Parameters
    ----------
    satellites : float or array [-]
        Satellites in the constellation (>= 0).
    mission_life : float or array [s]
        Period over which the constellation is kept complete (>= 0).
    satellite_life : float or array [s]
        Life of one satellite before it must be replaced (> 0): its design life, or its
        orbital lifetime if that is shorter and there is no station keeping.
    failure_rate : float or array [1/s]
        Constant hazard rate of random whole-satellite failures (>= 0); ``"0.02/year"``.

    Returns
    -------
    float or array [-]
        :math:`N_r = N\\,[\\lambda T + \\max(\\lceil T/L\\rceil - 1, 0)]`: the fleet is renewed
        every L (block replacement) and failed satellites are replaced as they fail; with
        exponential failures the expected number of failures in any interval of length t is
        exactly :math:`\\lambda t` per slot, so the expectation is exact for this policy.

    References
    ----------
    .. [1] Barlow & Proschan (1965), Mathematical Theory of Reliability, ch. 4 (block
       replacement); SMAD 3rd ed. (1999), chapter 19 (reliability, constellation replenishment).
    """
    n = _nonneg("satellites", satellites, "a number of satellites is not negative")
    T = _nonneg("mission_life", mission_life, "a duration is not negative")
    L = _positive("satellite_life", satellite_life, "a satellite lasts a positive time")
    lam = _nonneg("failure_rate", failure_rate, "a failure rate is not negative")
    return _out(kla.replacement_satellites(n, T, L, lam))


class DeploymentRate(NamedTuple):
    """Steady deployment of IT power (the "deploy P watts per year" mode), all per second.

    Attributes
    ----------
    satellites : float or array [1/s]
        Satellites launched per unit time.
    launches : float or array [1/s]
        Launches per unit time (whole launches per Julian year, divided by the year).
    mass : float or array [kg/s]
        Mass launched per unit time.
    cost : float or array [USD/s]
        Launch spending per unit time.
    """

    satellites: Any
    launches: Any
    mass: Any
    cost: Any


@accepts(
    deploy_rate="W/year",
    satellite_power="W",
    satellite_mass="kg",
    satellite_volume="m^3",
    payload_mass="kg",
    payload_volume="m^3",
    price="USD",
)
def deployment_rate(
    deploy_rate,
    satellite_power,
    satellite_mass,
    satellite_volume,
    payload_mass,
    payload_volume,
    price,
    packing="discrete",
):
    """Launches, mass and money per year to deploy IT power at a steady rate.

    Parameters
    ----------
    deploy_rate : float or array [W/s]
        IT (payload) power put in orbit per unit time (>= 0); ``"1 TW/year"`` for the seed
        documents' claim.
    satellite_power : float or array [W]
        IT power per satellite (> 0).
    satellite_mass : float or array [kg]
        Wet mass per satellite (> 0).
    satellite_volume : float or array [m3]
        Stowed volume per satellite (> 0).
    payload_mass, payload_volume : float or array [kg], [m3]
        Vehicle payload to the target orbit and usable fairing volume (> 0).
    price : float or array [USD]
        Price per launch (>= 0).
    packing : {"discrete", "bulk"}
        See :func:`launches_needed`.

    Returns
    -------
    DeploymentRate
        Per second: satellites :math:`= \\lceil \\dot P\\,\\mathrm{yr}/p_{sat}\\rceil/\\mathrm{yr}`,
        launches from :func:`launches_needed` for one year's satellites, mass
        :math:`= \\dot N_{sat} m_{sat}`, cost :math:`= \\dot N_{launch} \\times` price.

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 18; seed documents' claim of 1 TW of AI compute
       launched per year (shared/SEED_CLAIMS.md).
    """
    rate = _nonneg("deploy_rate", deploy_rate, "a deployment rate is not negative")
    ps = _positive("satellite_power", satellite_power, "a satellite carries positive IT power")
    cost_each = _nonneg("price", price, "a price is not negative")
    per_year = kla.ceil(rate * JULIAN_YEAR / ps)
    plan = launches_needed(satellite_mass, satellite_volume, payload_mass, payload_volume, per_year, packing)
    sats = per_year / JULIAN_YEAR
    launches = np.asarray(plan.launches) / JULIAN_YEAR
    m = np.asarray(satellite_mass, dtype=float)
    return DeploymentRate(_out(sats), _out(launches), _out(sats * m), _out(launches * cost_each))


@accepts(price="USD", payload_mass="kg")
def price_per_kg(price, payload_mass):
    """Launch price per kg of payload capacity.

    Parameters
    ----------
    price : float or array [USD]
        Price per launch (>= 0).
    payload_mass : float or array [kg]
        Payload to the orbit considered (> 0).

    Returns
    -------
    float or array [USD/kg]
        :math:`c = \\mathrm{price}/P`, the figure papers compare (full-capacity price).

    References
    ----------
    .. [1] SMAD 3rd ed. (1999), chapter 18 and chapter 20 (launch cost per kg).
    """
    p = _nonneg("price", price, "a price is not negative")
    P = _positive("payload_mass", payload_mass, "a launch vehicle lifts a positive payload")
    return _out(p / P)
