"""Photovoltaic power and battery storage for a satellite in Earth orbit.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios).  Public functions also accept pint quantities or unit strings for their
dimensional arguments (``orbitdc.units.accepts``); bare numbers are taken as SI.

The sizing chain follows the classical spacecraft power-subsystem method of Wertz & Larson
(SMAD, 3rd ed., section 11.4):

1. array output needed in sunlight, :func:`array_power_required` (SMAD eq. 11-5),
2. areal output of the array at beginning and end of life, :func:`array_areal_power`,
   from the irradiance (:func:`solar_irradiance`), the cell efficiency at operating
   temperature (:func:`cell_efficiency`), packing, pointing and degradation
   (:func:`degradation_factor`),
3. array area and mass, :func:`array_area`, :func:`array_mass`,
4. battery capacity for the eclipse, :func:`battery_energy` (SMAD section 11.4.2), its mass and
   its cycle count, :func:`battery_mass`, :func:`battery_cycles`,
   :func:`cycle_life_at_dod`.

Time spans that the literature quotes "per year" (degradation, cycles) take the life in
*years* as a plain number; a pint quantity of time (``"5 yr"``, ``Q_(60, "month")``) is
converted to years.  Everything else is SI.

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (eds.) (1999), "Space Mission Analysis and Design",
   3rd ed., Microcosm / Kluwer, section 11.4 (array sizing eq. 11-5, battery capacity,
   the FireSat power example).
.. [2] Kopp, G. and Lean, J. L. (2011), "A new, lower value of total solar irradiance:
   Evidence and climate significance", Geophys. Res. Lett. 38, L01706.
.. [3] IAU 2015 Resolution B3 (Mamajek et al. 2015, arXiv:1510.07674): nominal total
   solar irradiance S = 1361 W/m2.
.. [4] Patel, M. R. (2005), "Spacecraft Power Systems", CRC Press (solar-array and
   battery chapters).
.. [5] Space solar-cell datasheets quote efficiency at AM0 and 28 C: Spectrolab XTJ Prime
   (AM0 135.3 mW/cm2, 28 C) and Azur Space 3G30C-Advanced (AM0 1367 W/m2, 28 C).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..constants import AU, SOLAR_CONSTANT
from ..errors import ScenarioError, first_bad, require
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import below_one as _below_one
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _fraction
from .battery import (  # re-exported: the battery is part of this module's API
    _years,
    battery_cycles,
    battery_energy,
    battery_mass,
    cycle_life_at_dod,
    cycle_life_used,
    life_in_years,
    orbits_per_day,
)

__all__ = [
    "REFERENCE_TEMPERATURE",
    "PATH_EFFICIENCY_DET",
    "PATH_EFFICIENCY_PPT",
    "solar_irradiance",
    "cell_efficiency",
    "degradation_factor",
    "pointing_loss_from_angle",
    "array_power_required",
    "array_areal_power",
    "array_area",
    "array_power_bol",
    "array_output",
    "array_mass",
    "battery_energy",
    "battery_mass",
    "battery_cycles",
    "cycle_life_at_dod",
    "cycle_life_used",
    "orbits_per_day",
    "life_in_years",
    "ArraySizing",
    "size_array",
]

REFERENCE_TEMPERATURE = 301.15
"""Reference cell temperature of space solar-cell datasheets [K] (28 C, AM0 1 sun).
The test condition of space solar-cell datasheets, e.g. Spectrolab XTJ Prime and Azur Space
3G30C [5]. Kind: standard (industry convention)."""

PATH_EFFICIENCY_DET = (0.65, 0.85)
"""(X_e, X_d) for a direct-energy-transfer (shunt-regulated) power system [-]: efficiency
of the path array -> battery -> loads (eclipse) and array -> loads (daylight). SMAD 3rd ed.
section 11.4.1 [1]. Kind: assumption (textbook planning figure)."""

PATH_EFFICIENCY_PPT = (0.60, 0.80)
"""(X_e, X_d) for a peak-power-tracking power system [-] (series converter between array
and bus). SMAD 3rd ed. section 11.4.1 [1]. Kind: assumption (textbook planning figure)."""


# ---------------------------------------------------------------------------------------
# input checks (vectorised; the first offending element is reported)
# ---------------------------------------------------------------------------------------
# _arr, _finite, _positive, _nonneg, _fraction ((0, 1] unless lo_open / hi_open say
# otherwise) and _out come from orbitdc.physics._checks.


# ---------------------------------------------------------------------------------------
# irradiance and cells
# ---------------------------------------------------------------------------------------


@accepts(sun_distance="m", irradiance_1au="W/m^2")
def solar_irradiance(sun_distance, irradiance_1au=SOLAR_CONSTANT):
    """Total solar irradiance at a given distance from the Sun.

    Parameters
    ----------
    sun_distance : float or array [m]
        Distance from the Sun's centre.
    irradiance_1au : float or array [W/m^2], default 1361
        Total solar irradiance at 1 au. Default: SORCE/TIM measurement, Kopp & Lean (2011)
        [2] (1360.8 +/- 0.5 W/m2), adopted as the nominal value 1361 W/m2 by IAU 2015 B3
        [3]. Kind: measurement.

    Returns
    -------
    float or array [W/m^2]
        Irradiance on a surface normal to the Sun direction.

    Notes
    -----
    Inverse-square law:

    .. math:: S(r) = S_{1au} (1\\,\\mathrm{au} / r)^2

    For Earth orbit r varies between 0.98329 au (perihelion, early January) and
    1.01671 au (aphelion, early July), i.e. S = 1408 ... 1317 W/m2.

    References
    ----------
    .. [2] Kopp & Lean (2011), Geophys. Res. Lett. 38, L01706.
    .. [3] IAU 2015 Resolution B3.
    """
    r = _positive("sun_distance", sun_distance, "a distance from the Sun must be positive")
    s0 = _positive("irradiance_1au", irradiance_1au, "irradiance is a positive energy flux")
    return _out(s0 * (AU / r) ** 2)


@accepts(temperature="K", reference_temperature="K", temperature_coefficient="1/K")
def cell_efficiency(efficiency_ref, temperature, temperature_coefficient, reference_temperature=REFERENCE_TEMPERATURE):
    """Solar-cell conversion efficiency at operating temperature (linear derating).

    Parameters
    ----------
    efficiency_ref : float or array [-]
        Efficiency at the reference temperature (datasheet AM0 value), in (0, 1].
    temperature : float or array [K]
        Cell operating temperature.
    temperature_coefficient : float or array [1/K]
        Relative temperature coefficient of efficiency (maximum power),
        :math:`(1/\\eta_{ref})\\,d\\eta/dT`; negative for real cells, e.g. about
        -0.0045 /K for silicon and -0.002 ... -0.0025 /K for triple-junction GaInP/GaAs/Ge
        cells (Patel 2005 [4]; manufacturers' datasheets). Kind: vendor.
    reference_temperature : float or array [K], default 301.15
        Temperature at which ``efficiency_ref`` is quoted (28 C in space-cell datasheets
        [5]).

    Returns
    -------
    float or array [-]
        Efficiency at ``temperature``.

    Raises
    ------
    ScenarioError
        If an input is non-finite or out of range, or the linear derating gives an
        efficiency outside (0, 1] (the linear model is then being used far outside its
        validity).

    Notes
    -----
    .. math:: \\eta(T) = \\eta_{ref}\\,[1 + \\beta (T - T_{ref})]

    References
    ----------
    .. [4] Patel (2005), Spacecraft Power Systems (solar-array chapter).
    .. [5] Spectrolab XTJ Prime and Azur Space 3G30C-Advanced datasheets (28 C, AM0).
    """
    eta0 = _fraction("efficiency_ref", efficiency_ref, "a conversion efficiency lies in (0, 1]")
    t = _positive("temperature", temperature, "absolute temperature must be positive")
    beta = _finite("temperature_coefficient", temperature_coefficient)
    require(
        np.abs(beta) < 0.05,
        "temperature_coefficient",
        temperature_coefficient,
        "|beta| < 0.05 1/K",
        "a relative coefficient of 5 %/K or more is not a photovoltaic cell",
    )
    tref = _positive("reference_temperature", reference_temperature, "absolute temperature must be positive")
    eta = eta0 * (1.0 + beta * (t - tref))
    ok = (eta > 0) & (eta <= 1)
    if not np.all(ok):
        bad_t = first_bad(np.broadcast_to(t, eta.shape), ~ok)
        raise ScenarioError(
            "temperature",
            bad_t,
            "a temperature where the derated efficiency stays in (0, 1]",
            "the linear temperature derating leaves its range of validity (cell too hot or too cold)",
        )
    return _out(eta)


def degradation_factor(years, rate_per_year):
    """Fraction of beginning-of-life array output left after ``years`` of degradation.

    Parameters
    ----------
    years : float or array [yr]
        Time in orbit in years (a pint time quantity is converted to years), >= 0.
    rate_per_year : float or array [1/yr]
        Fractional output loss per year, in [0, 1). SMAD's FireSat example uses 3.75 %/yr
        for silicon and 2.75 %/yr for GaAs cells [1]; triple-junction cells in LEO lose
        about 0.5-1 %/yr. Kind: assumption.

    Returns
    -------
    float or array [-]
        Lifetime degradation :math:`L_d`.

    Notes
    -----
    Compound annual loss (SMAD's lifetime degradation :math:`L_d`, section 11.4.1 [1]):

    .. math:: L_d = (1 - d)^{t}

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1.
    """
    y = _nonneg("years", _years("years", years), "elapsed time cannot be negative")
    d = _finite("rate_per_year", rate_per_year)
    require(
        (d >= 0) & (d < 1),
        "rate_per_year",
        rate_per_year,
        "[0, 1)",
        "a yearly loss fraction is at least 0 and below 1 (the array cannot lose all of its output in a year)",
    )
    return _out((1.0 - d) ** y)


@accepts(angle="rad")
def pointing_loss_from_angle(angle):
    """Cosine loss of an array whose normal is ``angle`` away from the Sun direction.

    Parameters
    ----------
    angle : float or array [rad]
        Sun incidence angle, in [0, pi/2).

    Returns
    -------
    float or array [-]
        Fraction of output lost, :math:`1 - \\cos\\theta`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1 (worst-case incidence
       angle, e.g. 23.5 deg for FireSat).
    """
    a = _finite("angle", angle)
    require(
        (a >= 0) & (a < np.pi / 2),
        "angle",
        angle,
        "[0, 90) deg",
        "at 90 deg or more the array receives no direct sunlight",
    )
    return _out(1.0 - np.cos(a))


# ---------------------------------------------------------------------------------------
# array sizing
# ---------------------------------------------------------------------------------------


@accepts(daylight_load="W", eclipse_load="W")
def array_power_required(
    daylight_load,
    eclipse_fraction,
    eclipse_load=None,
    path_efficiency_eclipse=PATH_EFFICIENCY_DET[0],
    path_efficiency_daylight=PATH_EFFICIENCY_DET[1],
):
    """Array output needed in sunlight to run the loads and recharge the battery.

    Parameters
    ----------
    daylight_load : float or array [W]
        Load power during the sunlit part of the orbit, > 0.
    eclipse_fraction : float or array [-]
        Fraction of the orbit period spent in eclipse, :math:`T_e/(T_e+T_d)`, in [0, 1).
    eclipse_load : float or array [W], optional
        Load power during eclipse, >= 0; defaults to ``daylight_load``.
    path_efficiency_eclipse : float or array [-], default 0.65
        :math:`X_e`, efficiency from array through battery charge/discharge and
        regulation to the loads, in (0, 1]. SMAD [1]: 0.65 direct energy transfer,
        0.60 peak-power tracking. Kind: assumption.
    path_efficiency_daylight : float or array [-], default 0.85
        :math:`X_d`, efficiency from array directly to the loads, in (0, 1]. SMAD [1]:
        0.85 direct energy transfer, 0.80 peak-power tracking. Kind: assumption.

    Returns
    -------
    float or array [W]
        :math:`P_{sa}`, the end-of-life array output required while in sunlight.

    Notes
    -----
    SMAD eq. 11-5 [1],

    .. math:: P_{sa} = \\frac{P_e T_e / X_e + P_d T_d / X_d}{T_d}

    written with the eclipse fraction :math:`f = T_e/T` (only the ratio
    :math:`T_e/T_d = f/(1-f)` matters):

    .. math:: P_{sa} = \\frac{P_d}{X_d} + \\frac{P_e}{X_e}\\,\\frac{f}{1-f}

    Energy over one orbit closes: :math:`X_d (P_d/X_d) T_d + X_e (P_{sa} - P_d/X_d) T_d
    = P_d T_d + P_e T_e`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., eq. 11-5 and section 11.4.1.
    """
    pd = _positive(
        "daylight_load", daylight_load, "a satellite always draws power; zero or negative load is not physical"
    )
    pe = pd if eclipse_load is None else _nonneg("eclipse_load", eclipse_load, "load power cannot be negative")
    f = _below_one(
        "eclipse_fraction", eclipse_fraction, "a solar-powered satellite must spend part of each orbit in sunlight"
    )
    xe = _fraction("path_efficiency_eclipse", path_efficiency_eclipse, "an efficiency lies in (0, 1]")
    xd = _fraction("path_efficiency_daylight", path_efficiency_daylight, "an efficiency lies in (0, 1]")
    return _out(pd / xd + (pe / xe) * (f / (1.0 - f)))


@accepts(irradiance="W/m^2")
def array_areal_power(
    irradiance, efficiency, packing_factor=1.0, pointing_loss=0.0, degradation_factor=1.0, inherent_degradation=1.0
):
    """Electrical output per unit array area.

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance normal to the Sun direction, > 0.
    efficiency : float or array [-]
        Cell efficiency at operating temperature, in (0, 1].
    packing_factor : float or array [-], default 1
        Fraction of the array (substrate) area covered by active cells, in (0, 1].
    pointing_loss : float or array [-], default 0
        Fraction of output lost to off-normal sunlight (e.g. ``1 - cos(theta)``), in [0, 1).
    degradation_factor : float or array [-], default 1
        Lifetime degradation :math:`L_d` in (0, 1]; 1 gives beginning-of-life output.
    inherent_degradation : float or array [-], default 1
        SMAD's :math:`I_d` in (0, 1]: wiring, mismatch, shadowing and any loss not modelled
        separately (SMAD nominal 0.77, range 0.49-0.88, including a temperature loss that
        orbitdc models through ``efficiency`` instead [1]).

    Returns
    -------
    float or array [W/m^2]
        Output per m^2 of array area.

    Notes
    -----
    .. math:: P/A = S\\,\\eta\\,F_p\\,(1 - L_p)\\,I_d\\,L_d

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1 (P_o, P_BOL, P_EOL).
    """
    s = _positive("irradiance", irradiance, "irradiance is a positive energy flux")
    eta = _fraction("efficiency", efficiency, "a conversion efficiency lies in (0, 1]")
    fp = _fraction("packing_factor", packing_factor, "the cell-covered fraction of the array lies in (0, 1]")
    lp = _fraction(
        "pointing_loss", pointing_loss, "a pointing loss fraction lies in [0, 1)", lo_open=False, hi_open=True
    )
    ld = _fraction("degradation_factor", degradation_factor, "remaining output fraction lies in (0, 1]")
    idg = _fraction("inherent_degradation", inherent_degradation, "a loss factor lies in (0, 1]")
    return _out(s * eta * fp * (1.0 - lp) * idg * ld)


@accepts(power_eol="W", irradiance="W/m^2")
def array_area(
    power_eol,
    irradiance,
    efficiency,
    packing_factor=1.0,
    pointing_loss=0.0,
    degradation_factor=1.0,
    inherent_degradation=1.0,
):
    """Array area that delivers ``power_eol`` at end of life.

    Parameters
    ----------
    power_eol : float or array [W]
        Required array output at end of life in sunlight (e.g. from
        :func:`array_power_required`), > 0.
    irradiance, efficiency, packing_factor, pointing_loss, degradation_factor, inherent_degradation
        As in :func:`array_areal_power` (``degradation_factor`` is the end-of-life one).

    Returns
    -------
    float or array [m^2]
        Array area.

    Notes
    -----
    SMAD [1]: :math:`A_{sa} = P_{sa} / P_{EOL}` with
    :math:`P_{EOL} = S\\,\\eta\\,F_p\\,(1 - L_p)\\,I_d\\,L_d` per unit area. The
    beginning-of-life output of that area is :func:`array_power_bol`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1.
    """
    p = _positive("power_eol", power_eol, "the array must deliver positive power")
    return _out(
        p
        / _arr(
            array_areal_power(
                irradiance, efficiency, packing_factor, pointing_loss, degradation_factor, inherent_degradation
            )
        )
    )


@accepts(power_eol="W")
def array_power_bol(power_eol, degradation_factor):
    """Beginning-of-life output of an array sized for ``power_eol`` at end of life.

    Parameters
    ----------
    power_eol : float or array [W]
        End-of-life output, > 0.
    degradation_factor : float or array [-]
        Lifetime degradation :math:`L_d` in (0, 1].

    Returns
    -------
    float or array [W]
        :math:`P_{BOL} = P_{EOL} / L_d`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1.
    """
    p = _positive("power_eol", power_eol, "the array must deliver positive power")
    ld = _fraction("degradation_factor", degradation_factor, "remaining output fraction lies in (0, 1]")
    return _out(p / ld)


@accepts(area="m^2", irradiance="W/m^2")
def array_output(
    area,
    irradiance,
    efficiency,
    packing_factor=1.0,
    pointing_loss=0.0,
    degradation_factor=1.0,
    inherent_degradation=1.0,
):
    """Electrical output of an array of given area (the inverse of :func:`array_area`).

    Parameters
    ----------
    area : float or array [m^2]
        Array area, >= 0.
    irradiance, efficiency, packing_factor, pointing_loss, degradation_factor, inherent_degradation
        As in :func:`array_areal_power`.

    Returns
    -------
    float or array [W]
        :math:`P = A\\,S\\,\\eta\\,F_p\\,(1 - L_p)\\,I_d\\,L_d`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1.
    """
    a = _nonneg("area", area, "an area cannot be negative")
    return _out(
        a
        * _arr(
            array_areal_power(
                irradiance, efficiency, packing_factor, pointing_loss, degradation_factor, inherent_degradation
            )
        )
    )


@accepts(area="m^2", areal_density="kg/m^2", power="W", specific_power="W/kg")
def array_mass(area=None, areal_density=None, *, power=None, specific_power=None):
    """Solar-array mass from area and areal density, or from power and specific power.

    Parameters
    ----------
    area : float or array [m^2], optional
        Array area, >= 0 (with ``areal_density``).
    areal_density : float or array [kg/m^2], optional
        Array mass per area including substrate, harness and deployment structure, > 0.
        Flexible-blanket roll-out arrays (ROSA class) are about 1-2 kg/m2 at wing level,
        rigid honeycomb panels about 2-4 kg/m2 (Patel 2005 [2]; SMAD [1]).
    power : float or array [W], optional
        Array rated power, >= 0 (with ``specific_power``).
    specific_power : float or array [W/kg], optional
        Rated power per array mass, > 0 (e.g. 25 W/kg rigid silicon arrays in SMAD [1];
        about 100-150 W/kg for ROSA-class flexible arrays, vendor claims).

    Returns
    -------
    float or array [kg]
        :math:`m = A\\,\\rho_A` or :math:`m = P / p_{sp}`.

    Raises
    ------
    ScenarioError
        Unless exactly one of the two pairs is given.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1.
    .. [2] Patel (2005), Spacecraft Power Systems (solar-array chapter).
    """
    by_area = area is not None or areal_density is not None
    by_power = power is not None or specific_power is not None
    if (
        by_area == by_power
        or (by_area and (area is None or areal_density is None))
        or (by_power and (power is None or specific_power is None))
    ):
        raise ScenarioError(
            "array_mass",
            "arguments",
            "either (area, areal_density) or (power, specific_power)",
            "give exactly one complete pair",
        )
    if by_area:
        a = _nonneg("area", area, "an area cannot be negative")
        rho = _positive("areal_density", areal_density, "an array has positive mass per area")
        return _out(a * rho)
    p = _nonneg("power", power, "array power cannot be negative")
    sp = _positive("specific_power", specific_power, "an array has positive mass, so finite specific power")
    return _out(p / sp)


class ArraySizing(NamedTuple):
    """Result of :func:`size_array` (all SI)."""

    power_eol: Any
    """Array output required at end of life in sunlight [W]."""
    power_bol: Any
    """Output of the same array at beginning of life [W]."""
    area: Any
    """Array area [m^2]."""
    areal_power_eol: Any
    """End-of-life output per area [W/m^2]."""


@accepts(daylight_load="W", eclipse_load="W", irradiance="W/m^2")
def size_array(
    daylight_load,
    eclipse_fraction,
    irradiance,
    efficiency,
    years,
    rate_per_year,
    packing_factor=1.0,
    pointing_loss=0.0,
    inherent_degradation=1.0,
    eclipse_load=None,
    path_efficiency_eclipse=PATH_EFFICIENCY_DET[0],
    path_efficiency_daylight=PATH_EFFICIENCY_DET[1],
):
    """Size an array for end of life: SMAD eq. 11-5 followed by the area and BOL power.

    Parameters
    ----------
    daylight_load, eclipse_fraction, eclipse_load, path_efficiency_eclipse, path_efficiency_daylight
        As in :func:`array_power_required`.
    irradiance, efficiency, packing_factor, pointing_loss, inherent_degradation
        As in :func:`array_areal_power`.
    years, rate_per_year
        As in :func:`degradation_factor` (design life and yearly loss).

    Returns
    -------
    ArraySizing
        ``(power_eol [W], power_bol [W], area [m^2], areal_power_eol [W/m^2])``.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1 (solar-array design steps).
    """
    p_eol = _arr(
        array_power_required(
            daylight_load, eclipse_fraction, eclipse_load, path_efficiency_eclipse, path_efficiency_daylight
        )
    )
    ld = _arr(degradation_factor(years, rate_per_year))
    per_area = _arr(array_areal_power(irradiance, efficiency, packing_factor, pointing_loss, ld, inherent_degradation))
    area = p_eol / per_area
    return ArraySizing(_out(p_eol), _out(p_eol / ld), _out(area), _out(per_area))
