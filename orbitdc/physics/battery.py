"""The battery that carries the load through eclipse: energy, mass, cycles and cycle life.

Part of :mod:`orbitdc.physics.solar` (which re-exports every public name here): battery
energy for an eclipse at a depth of discharge (:func:`battery_energy`, SMAD eq. 11-6), its
mass (:func:`battery_mass`), the cycles a mission asks for (:func:`battery_cycles`,
:func:`orbits_per_day`), and the cycle life at a depth of discharge from a power law
(:func:`cycle_life_at_dod`, :func:`cycle_life_used`).

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (eds.) (1999), "Space Mission Analysis and Design",
   3rd ed., Microcosm / Kluwer, section 11.4 (battery capacity).
.. [4] Patel, M. R. (2005), "Spacecraft Power Systems", CRC Press (battery chapters).
"""

from __future__ import annotations

from typing import Any

from ..constants import DAY, JULIAN_YEAR
from ..errors import require
from ..units import accepts
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _fraction

__all__ = [
    "battery_energy",
    "battery_mass",
    "battery_cycles",
    "cycle_life_at_dod",
    "cycle_life_used",
    "orbits_per_day",
    "life_in_years",
]


def _years(name: str, x: Any) -> Any:
    """A duration in years: bare numbers are years, pint quantities / strings are converted."""
    import pint

    if isinstance(x, (pint.Quantity, str)):
        from ..units import parse_quantity

        x = parse_quantity(x, "year").magnitude
    return x


# ---------------------------------------------------------------------------------------
# battery
# ---------------------------------------------------------------------------------------


@accepts(eclipse_power="W", eclipse_duration="s")
def battery_energy(eclipse_power, eclipse_duration, depth_of_discharge, discharge_efficiency=0.9, n_batteries=1):
    """Nameplate battery energy that carries the eclipse load at the allowed depth of discharge.

    Parameters
    ----------
    eclipse_power : float or array [W]
        Load power during eclipse, > 0.
    eclipse_duration : float or array [s]
        Eclipse duration, >= 0 (zero gives zero energy: a never-eclipsed orbit).
    depth_of_discharge : float or array [-]
        Allowed fraction of nameplate energy drawn per eclipse, in (0, 1].
    discharge_efficiency : float or array [-], default 0.9
        Efficiency from battery terminals to the loads, :math:`n` in SMAD's battery-capacity
        equation (SMAD suggests about 0.9 [1]), in (0, 1]. Kind: assumption.
    n_batteries : float or array [-], default 1
        Number of batteries sharing the load (SMAD's N), >= 1; the result is the energy
        *per battery* (total = ``n_batteries`` times the result).

    Returns
    -------
    float or array [J]
        Nameplate energy per battery.

    Notes
    -----
    SMAD section 11.4.2 [1] (there in W h):

    .. math:: C_r = \\frac{P_e T_e}{\\mathrm{DoD}\\,N\\,n}

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.2.
    .. [4] Patel (2005), Spacecraft Power Systems (battery chapter).
    """
    pe = _positive(
        "eclipse_power", eclipse_power, "a satellite always draws power; zero or negative load is not physical"
    )
    te = _nonneg("eclipse_duration", eclipse_duration, "a duration cannot be negative")
    dod = _fraction("depth_of_discharge", depth_of_discharge, "a depth of discharge lies in (0, 1]")
    n = _fraction("discharge_efficiency", discharge_efficiency, "an efficiency lies in (0, 1]")
    nb = _finite("n_batteries", n_batteries)
    require(nb >= 1, "n_batteries", n_batteries, ">= 1", "at least one battery is needed to share the load")
    return _out(pe * te / (dod * nb * n))


@accepts(energy="J", specific_energy="J/kg")
def battery_mass(energy, specific_energy):
    """Battery mass from stored energy and specific energy.

    Parameters
    ----------
    energy : float or array [J]
        Nameplate energy, >= 0.
    specific_energy : float or array [J/kg]
        Nameplate energy per battery mass (pass ``"150 Wh/kg"`` or 150*3600), > 0.
        Space Li-ion: cells about 150-250 Wh/kg, assembled batteries (packaging, harness,
        electronics, thermal control) about 100-150 Wh/kg (Patel 2005 [4]; SMAD [1] for
        older chemistries). Kind: vendor (ranges), assumption (any single value).

    Returns
    -------
    float or array [kg]
        :math:`m = E / e_{sp}`.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.2.
    .. [4] Patel (2005), Spacecraft Power Systems (battery chapter).
    """
    e = _nonneg("energy", energy, "stored energy cannot be negative")
    sp = _positive("specific_energy", specific_energy, "a battery has positive mass per stored energy")
    return _out(e / sp)


def battery_cycles(eclipse_days_per_year, orbits_per_day, years):
    """Charge/discharge cycles over the mission (one per eclipsed orbit).

    Parameters
    ----------
    eclipse_days_per_year : float or array [day/yr]
        Days per year with an eclipse on every orbit, in [0, 366].
    orbits_per_day : float or array [1/day]
        Orbital revolutions per day (86400 s / period), > 0.
    years : float or array [yr]
        Mission life in years (a pint time quantity is converted), >= 0.

    Returns
    -------
    float or array [-]
        Cycle count :math:`N = D_{ecl}\\,n_{orb}\\,t_{life}`; compare with the cycle life at
        the design depth of discharge (:func:`cycle_life_at_dod`).

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.2 (battery cycling: in LEO
       one cycle per orbit, about 5500 per year at a 95-minute period; in GEO about 90 per
       year, in two eclipse seasons around the equinoxes).
    """
    d = _finite("eclipse_days_per_year", eclipse_days_per_year)
    require(
        (d >= 0) & (d <= 366), "eclipse_days_per_year", eclipse_days_per_year, "[0, 366]", "a year has at most 366 days"
    )
    n = _positive("orbits_per_day", orbits_per_day, "an orbit has a finite positive period")
    y = _nonneg("years", _years("years", years), "a mission life cannot be negative")
    return _out(d * n * y)


def cycle_life_at_dod(depth_of_discharge, cycles_at_reference, reference_dod, exponent=1.5):
    """Cycle life at a depth of discharge from a power-law (Woehler-type) fit.

    Parameters
    ----------
    depth_of_discharge : float or array [-]
        Depth of discharge, in (0, 1].
    cycles_at_reference : float or array [-]
        Measured or datasheet cycle life at ``reference_dod``, > 0.
    reference_dod : float or array [-]
        Depth of discharge of that reference point, in (0, 1].
    exponent : float or array [-], default 1.5
        Power-law exponent b >= 0. Kind: assumption -- cycle-life data of Li-ion cells
        are commonly fitted with :math:`N \\propto \\mathrm{DoD}^{-b}` with b of order 1-2
        (b = 1 means constant lifetime energy throughput); calibrate to the cell's own
        test data when available.

    Returns
    -------
    float or array [-]
        :math:`N(\\mathrm{DoD}) = N_{ref}\\,(\\mathrm{DoD}/\\mathrm{DoD}_{ref})^{-b}`.

    References
    ----------
    .. [1] Xu, B., Oudalov, A., Ulbig, A., Andersson, G. and Kirschen, D. S. (2018),
       "Modeling of lithium-ion battery degradation for cell life assessment", IEEE Trans.
       Smart Grid 9(2), 1131-1140 (cycle-depth stress functions including the power law).
    """
    dod = _fraction("depth_of_discharge", depth_of_discharge, "a depth of discharge lies in (0, 1]")
    n0 = _positive("cycles_at_reference", cycles_at_reference, "a cycle life is positive")
    d0 = _fraction("reference_dod", reference_dod, "a depth of discharge lies in (0, 1]")
    b = _nonneg("exponent", exponent, "deeper cycles never lengthen cycle life")
    return _out(n0 * (dod / d0) ** (-b))


def cycle_life_used(cycles, cycle_life):
    """Fraction of the battery's cycle life used by the mission.

    Parameters
    ----------
    cycles : float or array [-]
        Cycles over the mission (:func:`battery_cycles`), >= 0.
    cycle_life : float or array [-]
        Cycle life at the design depth of discharge, > 0.

    Returns
    -------
    float or array [-]
        :math:`N / N_{life}`; above 1 the battery wears out before end of mission. The
        margin ``1 - used`` is finite even for a never-eclipsed orbit (0 cycles).

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.2.
    """
    n = _nonneg("cycles", cycles, "a cycle count cannot be negative")
    life = _positive("cycle_life", cycle_life, "a cycle life is positive")
    return _out(n / life)


@accepts(period="s")
def orbits_per_day(period):
    """Orbital revolutions per day (helper for :func:`battery_cycles`).

    Parameters
    ----------
    period : float or array [s]
        Orbital period, > 0.

    Returns
    -------
    float or array [1/day]
        :math:`86400\\,\\mathrm{s} / T`.

    References
    ----------
    .. [1] Vallado, D. A. (2013), "Fundamentals of Astrodynamics and Applications", 4th ed.
       (definition of the period and mean motion).
    """
    t = _positive("period", period, "an orbital period is positive")
    return _out(DAY / t)


@accepts(life="s")
def life_in_years(life):
    """Convert a duration in seconds (SI) to Julian years, the unit of the per-year laws.

    Parameters
    ----------
    life : float or array [s]
        Duration, >= 0.

    Returns
    -------
    float or array [yr]
        :math:`t / (365.25 \\times 86400\\,\\mathrm{s})`.

    References
    ----------
    .. [1] IAU: the Julian year of 365.25 days of 86400 s.
    """
    return _out(_nonneg("life", life, "a mission life cannot be negative") / JULIAN_YEAR)
