"""Upper-atmosphere density, drag, drag make-up delta-v and orbital lifetime.

DESIGN.md lists "drag and lifetime" under ``orbit.py``; that file belongs to the orbit
geometry work, so the atmosphere and everything that depends on it (density, ballistic
coefficient, drag acceleration, the delta-v per year that holds an altitude, the decay rate
and the lifetime without station keeping) lives here.  The launch / mass module
(:mod:`orbitdc.physics.launch`) turns the delta-v into propellant.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios, no I/O); pint quantities and unit strings are accepted at the surface through
:func:`orbitdc.units.accepts`.

The density table
-----------------
The NRLMSISE-00 global-mean densities at 63 altitudes from 100 to 2000 km for three
solar-activity levels, and the unchecked formulas on them, are the kernel module
:mod:`orbitdc.kernels.atmosphere` (its docstring gives how the table was computed).

Independent checks (tests/physics/test_atmosphere.py): the mean column agrees with the
exponential model of Vallado (2013) Table 8-4 (CIRA-72 based) within 16 % at 200-1000 km
and with the U.S. Standard Atmosphere 1976 within 20 % at 200-1000 km.

Limits of the model: a global, season- and local-time-averaged density for a constant
activity level.  Real densities vary by a factor of about 2 day/night and by an order of
magnitude over the 11-year solar cycle (which the three levels bracket), and storms add
short-term spikes.  The atmosphere's co-rotation with the Earth (which lowers the relative
speed by up to ~6 %) is neglected.

References
----------
.. [1] Picone, J. M., Hedin, A. E., Drob, D. P. and Aikin, A. C. (2002), "NRLMSISE-00
   empirical model of the atmosphere: Statistical comparisons and scientific issues",
   J. Geophys. Res. 107(A12), 1468, doi:10.1029/2002JA009430.
.. [2] ECSS-E-ST-10-04C (2008), Space engineering - Space environment, section 7.2.1.
.. [3] NASA NESC Academy (2015), Flight simulation check cases, "Atmosphere Models",
   solar activity levels (min / mean / max F10.7 and ap).
.. [4] Vallado, D. A. (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
   Microcosm Press, section 8.6 (drag, Table 8-4) and section 9.6 (orbit decay).
.. [5] King-Hele, D. (1987), Satellite Orbits in an Atmosphere: Theory and Applications,
   Blackie, Glasgow (decay of circular orbits, lifetime in an exponential atmosphere).
.. [6] Wertz, J. R. and Larson, W. J. (eds.) (1999), Space Mission Analysis and Design,
   3rd ed. (SMAD), chapter 8, section 8.1 (atmospheric drag, ballistic coefficient, lifetime).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..constants import JULIAN_YEAR
from ..errors import ScenarioError, first_bad
from ..kernels import atmosphere as katm
from ..kernels.atmosphere import ALT_M as _ALT_M  # noqa: F401  (the table nodes, for the tests)
from ..units import accepts
from ._checks import nonneg_finite, positive_finite
from ._checks import out_float as _out

__all__ = [
    "SOLAR_ACTIVITY_LEVELS",
    "SOLAR_ACTIVITY_INDICES",
    "ALTITUDE_MIN",
    "ALTITUDE_MAX",
    "DRAG_COEFFICIENT",
    "REENTRY_ALTITUDE",
    "density",
    "ballistic_coefficient",
    "drag_acceleration",
    "drag_delta_v",
    "decay_rate",
    "orbital_lifetime",
]

SOLAR_ACTIVITY_LEVELS = ("low", "mean", "high")
"""Names of the tabulated solar / geomagnetic activity levels."""

SOLAR_ACTIVITY_INDICES = {"low": (70.0, 0.0), "mean": (128.8, 15.7), "high": (250.0, 25.0)}
"""(F10.7 [sfu], daily Ap) behind each level: NASA NESC (2015) check-case levels [3].
Kind: standard."""

ALTITUDE_MIN = 100e3
"""Lowest tabulated altitude [m]."""

ALTITUDE_MAX = 2000e3
"""Highest tabulated altitude [m]."""

DRAG_COEFFICIENT = 2.2
"""Drag coefficient of a flat plate or compact satellite in free-molecular flow [-]; the
customary value when no better one is known (Vallado 2013 section 8.6; SMAD 3rd ed.
chapter 8 uses 2.2 for flat plates and 2.0-2.2 for compact bodies).  Kind: standard."""

REENTRY_ALTITUDE = 150e3
"""Altitude at which a decaying circular orbit is taken as re-entered [m]: below about
180 km the remaining life is hours (King-Hele 1987), so the exact choice between 120 and
180 km changes a multi-year lifetime by well under 1 %.  Kind: assumption."""

_ALLOWED_ALT = "100 km to 2000 km"


# --- input checks ---------------------------------------------------------------------------
def _activity(solar_activity: Any) -> str:
    s = solar_activity.item() if isinstance(solar_activity, np.ndarray) and solar_activity.ndim == 0 else solar_activity
    if not isinstance(s, str) or s not in katm.RHO_TABLE:
        raise ScenarioError(
            "solar_activity",
            solar_activity,
            "one of 'low', 'mean', 'high'",
            "the density table holds three solar-activity levels",
        )
    return s


def _altitude(name: str, altitude: Any) -> np.ndarray:
    h = np.asarray(altitude, dtype=float)
    bad = ~np.isfinite(h) | (h < ALTITUDE_MIN) | (h > ALTITUDE_MAX)
    if np.any(bad):
        raise ScenarioError(
            name,
            first_bad(altitude, bad),
            _ALLOWED_ALT,
            "the atmosphere table covers 100-2000 km; below 100 km a body is no longer "
            "in orbit, above 2000 km drag is negligible and the table has no data",
        )
    return h


def _positive(name: str, x: Any, reason: str) -> np.ndarray:
    return positive_finite(name, x, reason, "> 0 and finite")  # NaN refused with the same text


# _out (Python float for 0-d, float array otherwise) comes from orbitdc.physics._checks.


def _drag_inputs(altitude: Any, ballistic_coefficient: Any, solar_activity: Any):
    """Checked (altitude, ballistic coefficient, activity level) of the drag functions."""
    act = _activity(solar_activity)
    h = _altitude("altitude", altitude)
    bc = _positive("ballistic_coefficient", ballistic_coefficient, "a satellite has positive mass and area")
    return h, bc, act


# --- public functions -----------------------------------------------------------------------
@accepts(altitude="m")
def density(altitude, solar_activity="mean"):
    """Global-mean thermospheric mass density at an altitude for a solar-activity level.

    Parameters
    ----------
    altitude : float or array [m]
        Geodetic altitude, 100 km to 2000 km.
    solar_activity : {"low", "mean", "high"}
        Activity level: F10.7 = 70 / 128.8 / 250 sfu with Ap = 0 / 15.7 / 25 (NASA NESC
        check-case levels), roughly solar minimum, cycle average and solar maximum.

    Returns
    -------
    float or array [kg/m3]
        Total mass density, log-linearly interpolated in the NRLMSISE-00 global-mean table:
        :math:`\\rho(h) = \\rho_i \\exp(-(h-h_i)/H_i)`, :math:`H_i = (h_{i+1}-h_i)/\\ln(\\rho_i/\\rho_{i+1})`.

    Raises
    ------
    ScenarioError
        Altitude outside 100-2000 km or not finite; unknown activity level.

    References
    ----------
    .. [1] Picone et al. (2002), NRLMSISE-00, J. Geophys. Res. 107(A12), 1468.
    .. [2] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., section 8.6.
    """
    act = _activity(solar_activity)
    h = _altitude("altitude", altitude)
    return _out(katm.density(h, act))


@accepts(mass="kg", area="m^2")
def ballistic_coefficient(mass, area, drag_coefficient=DRAG_COEFFICIENT):
    """Ballistic coefficient: mass per drag-weighted cross-section.

    Parameters
    ----------
    mass : float or array [kg]
        Spacecraft mass (> 0).
    area : float or array [m2]
        Cross-section normal to the velocity (> 0); large arrays and radiators dominate it.
    drag_coefficient : float or array [-], default 2.2
        Free-molecular drag coefficient (> 0).

    Returns
    -------
    float or array [kg/m2]
        :math:`BC = m / (C_D A)`.  Larger BC means slower decay and less make-up delta-v.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., chapter 8 (section 8.1, atmospheric drag and
       ballistic coefficient).
    .. [2] Vallado (2013), section 8.6.
    """
    m = _positive("mass", mass, "a spacecraft has positive mass")
    a = _positive("area", area, "a body moving through the atmosphere presents a positive cross-section")
    cd = _positive("drag_coefficient", drag_coefficient, "drag opposes motion: C_D > 0")
    return _out(m / (cd * a))


@accepts(altitude="m", ballistic_coefficient="kg/m^2")
def drag_acceleration(altitude, ballistic_coefficient, solar_activity="mean"):
    """Drag deceleration of a satellite on a circular orbit.

    Parameters
    ----------
    altitude : float or array [m]
        Circular-orbit altitude, 100 km to 2000 km.
    ballistic_coefficient : float or array [kg/m2]
        :math:`m/(C_D A)` (> 0).
    solar_activity : {"low", "mean", "high"}
        Density table level.

    Returns
    -------
    float or array [m/s2]
        :math:`a_D = \\tfrac12 \\rho v^2 C_D A/m = \\rho v^2 / (2\\,BC)`, with the circular
        speed :math:`v = \\sqrt{\\mu/(R_E+h)}` (atmospheric co-rotation neglected).

    References
    ----------
    .. [1] Vallado (2013), section 8.6 (drag acceleration).
    .. [2] Wertz & Larson (1999), SMAD 3rd ed., chapter 8 (section 8.1).
    """
    h, bc, act = _drag_inputs(altitude, ballistic_coefficient, solar_activity)
    return _out(katm.drag_acceleration(h, bc, act))


@accepts(altitude="m", ballistic_coefficient="kg/m^2", duration="s")
def drag_delta_v(altitude, ballistic_coefficient, solar_activity="mean", duration=JULIAN_YEAR):
    """Delta-v that holds a circular orbit at constant altitude against drag.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude held, 100 km to 2000 km.
    ballistic_coefficient : float or array [kg/m2]
        :math:`m/(C_D A)` (> 0).
    solar_activity : {"low", "mean", "high"}
        Density table level, held for the whole duration.
    duration : float or array [s], default one Julian year
        Time over which the drag is made up (>= 0).

    Returns
    -------
    float or array [m/s]
        :math:`\\Delta v = \\int_0^T a_D\\,dt = \\rho v^2 T / (2\\,BC)`: thrust continuously
        cancels drag, so the altitude, the speed and (in this static, averaged atmosphere)
        the density stay constant and the integral is exact.  Equivalently, it is the
        tangential delta-v :math:`(v/2a)\\,\\Delta a` that restores the decay
        :math:`\\Delta a = \\rho\\sqrt{\\mu a}\\,T/BC` (small-change Hohmann).

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., chapter 7 (delta-v budget, drag make-up) and
       chapter 8 (section 8.1, atmospheric drag).
    .. [2] Vallado (2013), section 9.6.
    """
    T = nonneg_finite("duration", duration, "a duration is not negative", ">= 0 s and finite")
    return _out(np.asarray(drag_acceleration(altitude, ballistic_coefficient, solar_activity)) * T)


@accepts(altitude="m", ballistic_coefficient="kg/m^2")
def decay_rate(altitude, ballistic_coefficient, solar_activity="mean"):
    """Rate of change of the semi-major axis of a circular orbit under drag.

    Parameters
    ----------
    altitude : float or array [m]
        Current altitude, 100 km to 2000 km.
    ballistic_coefficient : float or array [kg/m2]
        :math:`m/(C_D A)` (> 0).
    solar_activity : {"low", "mean", "high"}
        Density table level.

    Returns
    -------
    float or array [m/s]
        :math:`da/dt = -\\rho \\sqrt{\\mu a}/BC` (negative: the orbit shrinks), from Gauss's
        equation for a tangential drag on a near-circular orbit.

    References
    ----------
    .. [1] King-Hele (1987), Satellite Orbits in an Atmosphere, ch. 4.
    .. [2] Vallado (2013), section 9.6.
    """
    h, bc, act = _drag_inputs(altitude, ballistic_coefficient, solar_activity)
    return _out(katm.decay_rate(h, bc, act))


@accepts(altitude="m", ballistic_coefficient="kg/m^2", reentry_altitude="m")
def orbital_lifetime(altitude, ballistic_coefficient, solar_activity="mean", reentry_altitude=REENTRY_ALTITUDE):
    """Time for a circular orbit to decay from ``altitude`` to re-entry without station keeping.

    Parameters
    ----------
    altitude : float or array [m]
        Initial circular altitude, 100 km to 2000 km, not below ``reentry_altitude``.
    ballistic_coefficient : float or array [kg/m2]
        :math:`m/(C_D A)` (> 0), constant over the decay (attitude and mass unchanged).
    solar_activity : {"low", "mean", "high"}
        Density table level, held for the whole decay (a multi-year lifetime really averages
        over the solar cycle: "mean" is the cycle-representative choice, "low" / "high"
        bracket it).
    reentry_altitude : float or array [m], default 150 km
        Altitude at which the satellite counts as re-entered (100 km to 2000 km).

    Returns
    -------
    float or array [s]
        :math:`t_L = BC \\int_{h_e}^{h_0} \\frac{dh}{\\rho(h)\\sqrt{\\mu (R_E+h)}}`, the
        quasi-circular decay :math:`da/dt = -\\rho\\sqrt{\\mu a}/BC` integrated over altitude.
        The integral is evaluated exactly on the log-linear density table (each interval is
        an exponential atmosphere), with cumulative sums precomputed once per activity level,
        so arrays of any size cost one ``searchsorted``.  For a single exponential layer of
        scale height H this reduces to King-Hele's
        :math:`t_L \\approx H\\,BC\\,(1-e^{-(h_0-h_e)/H}) / (\\rho_0\\sqrt{\\mu a_0})`.

    Raises
    ------
    ScenarioError
        Altitudes outside the table, ``altitude < reentry_altitude``, BC <= 0.

    References
    ----------
    .. [1] King-Hele (1987), Satellite Orbits in an Atmosphere, ch. 4 (lifetime of circular
       orbits in an exponential atmosphere).
    .. [2] Vallado (2013), section 9.6 (orbit decay and lifetime).
    .. [3] Wertz & Larson (1999), SMAD 3rd ed., chapter 8 (section 8.1, orbit lifetime).
    """
    act = _activity(solar_activity)
    h0 = _altitude("altitude", altitude)
    he = _altitude("reentry_altitude", reentry_altitude)
    bc = _positive("ballistic_coefficient", ballistic_coefficient, "a satellite has positive mass and area")
    below = h0 < he
    if np.any(below):
        raise ScenarioError(
            "altitude",
            first_bad(np.broadcast_to(h0, np.broadcast_shapes(h0.shape, he.shape)), below),
            ">= reentry_altitude",
            "an orbit below the re-entry altitude has already re-entered",
        )
    return _out(katm.lifetime(h0, he, bc, act))
