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
``_RHO_TABLE`` holds global-mean total mass densities [kg/m3] of the NRLMSISE-00 empirical
model (Picone et al. 2002), the model ECSS-E-ST-10-04C prescribes for species densities and
the successor of the MSIS models behind SMAD's and Vallado's tables, at 63 altitudes from 100
to 2000 km (10 km steps to 200 km, 25 km to 1000 km, 50 km to 2000 km), for three solar /
geomagnetic activity levels.  It was computed once for this package (it is *not* copied from
a book) with the NRL Fortran code as wrapped by ``pymsis`` 0.13 (``version=0``, i.e.
NRLMSISE-00), averaging

* over 24 local times (longitudes 0-345 deg at 00 UT),
* over latitude (-87.5 to 87.5 deg in 5 deg steps, weighted by cos(latitude), i.e. by area),
* over the seasons (the 15th of each month),

with F10.7 (daily) = F10.7A (81-day mean) and daily Ap fixed at the three activity levels of
the NASA NESC flight-simulation atmosphere check cases (NESC Academy, "Atmosphere Models",
2015): minimal F10.7 = 70 sfu, Ap = 0; mean F10.7 = 128.8 sfu, Ap = 15.7; maximal
F10.7 = 250 sfu, Ap = 25.  Densities are stored to 5 significant figures.  Between nodes the
density is interpolated linearly in log(density) (an exponential atmosphere with a local scale
height); against NRLMSISE-00 evaluated at the mid-points the interpolation error is at most
1.3 % above 150 km.  Above 1000 km NRLMSISE-00 extends its diffusive-equilibrium profiles
(helium and hydrogen dominate); ECSS states the model is valid "from ground level to the
exosphere".

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

import functools
from typing import Any

import numpy as np

from ..constants import GM_EARTH, JULIAN_YEAR, R_EARTH
from ..errors import ScenarioError, first_bad
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

# --- NRLMSISE-00 global-mean density table (see the module docstring) ----------------------
_ALT_KM = np.array(
    (
        100,
        110,
        120,
        130,
        140,
        150,
        160,
        170,
        180,
        190,
        200,
        225,
        250,
        275,
        300,
        325,
        350,
        375,
        400,
        425,
        450,
        475,
        500,
        525,
        550,
        575,
        600,
        625,
        650,
        675,
        700,
        725,
        750,
        775,
        800,
        825,
        850,
        875,
        900,
        925,
        950,
        975,
        1000,
        1050,
        1100,
        1150,
        1200,
        1250,
        1300,
        1350,
        1400,
        1450,
        1500,
        1550,
        1600,
        1650,
        1700,
        1750,
        1800,
        1850,
        1900,
        1950,
        2000,
    ),
    dtype=float,
)

_RHO_TABLE = {
    # F10.7 = F10.7A = 70 sfu, Ap = 0
    "low": (
        5.9835e-07,
        9.2573e-08,
        1.9074e-08,
        6.6191e-09,
        3.0707e-09,
        1.6423e-09,
        9.5608e-10,
        5.8847e-10,
        3.7688e-10,
        2.4872e-10,
        1.6812e-10,
        6.8481e-11,
        3.0487e-11,
        1.4512e-11,
        7.2697e-12,
        3.7878e-12,
        2.0352e-12,
        1.1211e-12,
        6.3096e-13,
        3.6228e-13,
        2.1223e-13,
        1.2704e-13,
        7.7927e-14,
        4.9160e-14,
        3.2023e-14,
        2.1621e-14,
        1.5168e-14,
        1.1063e-14,
        8.3750e-15,
        6.5575e-15,
        5.2856e-15,
        4.3635e-15,
        3.6720e-15,
        3.1369e-15,
        2.7115e-15,
        2.3653e-15,
        2.0783e-15,
        1.8368e-15,
        1.6313e-15,
        1.4548e-15,
        1.3020e-15,
        1.1692e-15,
        1.0530e-15,
        8.6144e-16,
        7.1223e-16,
        5.9488e-16,
        5.0178e-16,
        4.2735e-16,
        3.6736e-16,
        3.1865e-16,
        2.7878e-16,
        2.4590e-16,
        2.1857e-16,
        1.9568e-16,
        1.7635e-16,
        1.5991e-16,
        1.4581e-16,
        1.3364e-16,
        1.2306e-16,
        1.1379e-16,
        1.0561e-16,
        9.8367e-17,
        9.1900e-17,
    ),
    # F10.7 = F10.7A = 128.8 sfu, Ap = 15.7
    "mean": (
        5.2666e-07,
        8.7504e-08,
        1.9699e-08,
        7.0819e-09,
        3.4154e-09,
        1.9178e-09,
        1.1815e-09,
        7.7395e-10,
        5.2967e-10,
        3.7439e-10,
        2.7131e-10,
        1.3128e-10,
        6.8802e-11,
        3.8137e-11,
        2.2051e-11,
        1.3178e-11,
        8.0862e-12,
        5.0694e-12,
        3.2347e-12,
        2.0949e-12,
        1.3742e-12,
        9.1173e-13,
        6.1122e-13,
        4.1382e-13,
        2.8291e-13,
        1.9532e-13,
        1.3625e-13,
        9.6090e-14,
        6.8582e-14,
        4.9591e-14,
        3.6373e-14,
        2.7093e-14,
        2.0517e-14,
        1.5811e-14,
        1.2405e-14,
        9.9091e-15,
        8.0567e-15,
        6.6619e-15,
        5.5955e-15,
        4.7673e-15,
        4.1134e-15,
        3.5888e-15,
        3.1611e-15,
        2.5100e-15,
        2.0402e-15,
        1.6860e-15,
        1.4099e-15,
        1.1895e-15,
        1.0105e-15,
        8.6313e-16,
        7.4079e-16,
        6.3849e-16,
        5.5248e-16,
        4.7983e-16,
        4.1825e-16,
        3.6585e-16,
        3.2113e-16,
        2.8286e-16,
        2.5000e-16,
        2.2172e-16,
        1.9732e-16,
        1.7620e-16,
        1.5788e-16,
    ),
    # F10.7 = F10.7A = 250 sfu, Ap = 25
    "high": (
        4.9185e-07,
        8.1740e-08,
        2.0712e-08,
        7.6293e-09,
        3.8420e-09,
        2.2835e-09,
        1.4951e-09,
        1.0412e-09,
        7.5692e-10,
        5.6750e-10,
        4.3555e-10,
        2.4157e-10,
        1.4363e-10,
        8.9453e-11,
        5.7620e-11,
        3.8093e-11,
        2.5724e-11,
        1.7677e-11,
        1.2327e-11,
        8.7046e-12,
        6.2142e-12,
        4.4789e-12,
        3.2557e-12,
        2.3847e-12,
        1.7588e-12,
        1.3055e-12,
        9.7476e-13,
        7.3195e-13,
        5.5261e-13,
        4.1942e-13,
        3.1999e-13,
        2.4540e-13,
        1.8918e-13,
        1.4662e-13,
        1.1426e-13,
        8.9555e-14,
        7.0606e-14,
        5.6013e-14,
        4.4725e-14,
        3.5956e-14,
        2.9112e-14,
        2.3746e-14,
        1.9519e-14,
        1.3508e-14,
        9.6590e-15,
        7.1359e-15,
        5.4388e-15,
        4.2657e-15,
        3.4312e-15,
        2.8202e-15,
        2.3600e-15,
        2.0042e-15,
        1.7224e-15,
        1.4945e-15,
        1.3068e-15,
        1.1498e-15,
        1.0170e-15,
        9.0332e-16,
        8.0530e-16,
        7.2016e-16,
        6.4580e-16,
        5.8054e-16,
        5.2304e-16,
    ),
}

_ALT_M = _ALT_KM * 1e3
_LOG_RHO = {k: np.log(np.asarray(v, dtype=float)) for k, v in _RHO_TABLE.items()}
_ALLOWED_ALT = "100 km to 2000 km"


# --- input checks ---------------------------------------------------------------------------
def _activity(solar_activity: Any) -> str:
    s = solar_activity.item() if isinstance(solar_activity, np.ndarray) and solar_activity.ndim == 0 else solar_activity
    if not isinstance(s, str) or s not in _RHO_TABLE:
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


def _density_si(h: np.ndarray, act: str) -> np.ndarray:
    return np.exp(np.interp(h, _ALT_M, _LOG_RHO[act]))


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
    return _out(_density_si(h, act))


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


def _speed(h: np.ndarray) -> np.ndarray:
    return np.sqrt(GM_EARTH / (R_EARTH + h))


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
    act = _activity(solar_activity)
    h = _altitude("altitude", altitude)
    bc = _positive("ballistic_coefficient", ballistic_coefficient, "a satellite has positive mass and area")
    v = _speed(h)
    return _out(_density_si(h, act) * v * v / (2.0 * bc))


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
    act = _activity(solar_activity)
    h = _altitude("altitude", altitude)
    bc = _positive("ballistic_coefficient", ballistic_coefficient, "a satellite has positive mass and area")
    return _out(-_density_si(h, act) * np.sqrt(GM_EARTH * (R_EARTH + h)) / bc)


def _cumulative_table(alt_m: np.ndarray, log_rho: np.ndarray):
    """g = 1/(rho sqrt(mu a)) at the nodes, local growth lengths L, cumulative integral of g.

    Inside each table interval log(rho) is linear, so g is (to within the 0.4 % variation of
    sqrt(a) over 50 km) exponential in h: g = g_i exp((h-h_i)/L_i), whose integral is exact:
    int_{h_i}^{h} g dh = g_i L_i (exp((h-h_i)/L_i) - 1).
    """
    g = np.exp(-log_rho) / np.sqrt(GM_EARTH * (R_EARTH + alt_m))
    L = np.diff(alt_m) / np.log(g[1:] / g[:-1])
    cum = np.concatenate(([0.0], np.cumsum(L * (g[1:] - g[:-1]))))
    return g, L, cum


@functools.cache
def _cumulative(act: str):
    g, L, cum = _cumulative_table(_ALT_M, _LOG_RHO[act])
    for arr in (g, L, cum):
        arr.setflags(write=False)
    return g, L, cum


def _integral_to(h: np.ndarray, alt_m: np.ndarray, table) -> np.ndarray:
    """int_{alt_m[0]}^{h} dh / (rho sqrt(mu a)) [s m2/kg]; times BC [kg/m2] gives seconds."""
    g, L, cum = table
    i = np.clip(np.searchsorted(alt_m, h, side="right") - 1, 0, len(alt_m) - 2)
    x = h - alt_m[i]
    return cum[i] + g[i] * L[i] * np.expm1(x / L[i])


def _lifetime_on_profile(h0, he, bc, alt_m, log_rho):
    """Lifetime [s] on an arbitrary log-linear density profile (nodes ``alt_m``, ``log_rho``)."""
    table = _cumulative_table(np.asarray(alt_m, dtype=float), np.asarray(log_rho, dtype=float))
    return bc * (
        _integral_to(np.asarray(h0, dtype=float), alt_m, table)
        - _integral_to(np.asarray(he, dtype=float), alt_m, table)
    )


_BIN = 5e3  # every node of the density table lies on a 5 km grid from its first altitude


@functools.cache
def _bin_intervals():
    """Table interval of every 5 km bin (None when the table is not on the 5 km grid)."""
    steps = (_ALT_M - _ALT_M[0]) / _BIN
    if not np.all(steps == np.round(steps)):
        return None
    edges = _ALT_M[0] + _BIN * np.arange(int(steps[-1]) + 1)
    idx = np.clip(np.searchsorted(_ALT_M, edges, side="right") - 1, 0, len(_ALT_M) - 2)
    idx.setflags(write=False)
    return idx


@functools.cache
def _slopes(act: str):
    lr = _LOG_RHO[act]
    s = (lr[1:] - lr[:-1]) / (_ALT_M[1:] - _ALT_M[:-1])  # as numpy.interp computes them
    s.setflags(write=False)
    return s


def _k_density_and_integral(h, act: str):
    """rho(h) [kg/m3] (:func:`density`) and the lifetime integral to h (no input checks).

    One interval lookup serves both (5 km bins instead of a binary search per altitude);
    log(rho) is interpolated linearly as ``numpy.interp`` does.
    """
    bins = _bin_intervals()
    if np.ndim(h) == 0 or bins is None:
        i = np.clip(np.searchsorted(_ALT_M, h, side="right") - 1, 0, len(_ALT_M) - 2)
    else:
        b = ((h - _ALT_M[0]) / _BIN).astype(np.intp)
        np.clip(b, 0, bins.size - 1, out=b)
        i = bins[b]
    x = h - _ALT_M[i]
    rho = np.exp(_slopes(act)[i] * x + _LOG_RHO[act][i])
    g, L, cum = _cumulative(act)
    li = L[i]
    return rho, cum[i] + g[i] * li * np.expm1(x / li)


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
    table = _cumulative(act)
    return _out(bc * (_integral_to(h0, _ALT_M, table) - _integral_to(he, _ALT_M, table)))
