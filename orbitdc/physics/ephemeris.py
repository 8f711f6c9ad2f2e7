"""Analytic low-precision Sun ephemeris (Astronomical Almanac), vectorised over time.

Time convention
---------------
Every function here takes ``t`` in **seconds since the J2000.0 epoch (2000-01-01 12:00:00
TT)**, a float or numpy array of any shape.  :func:`unix_to_j2000` converts Unix (POSIX UTC)
seconds and :func:`year_start` gives ``t`` at 00:00 UTC on 1 January of a year.  The
difference between TT and UTC (69.184 s since 2017) moves the Sun by 0.0008 deg and is
handled approximately (see :func:`unix_to_j2000`).

Frame
-----
Right ascension and declination are geocentric, referred to the (true) equator and the
equinox of date, the frame in which an orbit's J2 precession and its local time of
ascending node are defined, and the frame of SGP4's TEME output to within the equation of
the equinoxes (< 1.2 arcsec).  The Almanac formula neglects nutation in longitude
(< 20 arcsec) and includes the annual aberration in the mean longitude, so it gives the
apparent Sun to about 0.01 deg from 1950 to 2050 (checked against astropy in the tests).

References
----------
.. [1] U.S. Naval Observatory / HM Nautical Almanac Office, "The Astronomical Almanac"
   (any edition since 1984), Section C, "Low precision formulas for the Sun".
.. [2] Meeus, J. (1998), "Astronomical Algorithms", 2nd ed., Willmann-Bell, ch. 25.
"""

from __future__ import annotations

import numpy as np

from orbitdc.constants import AU, DAY, DEG
from orbitdc.errors import require, require_finite
from orbitdc.physics._checks import out_array as _out
from orbitdc.units import accepts

__all__ = [
    "sun_ra_dec",
    "sun_position",
    "mean_sun_ra",
    "equation_of_time",
    "year_start",
    "days_in_year",
    "unix_to_j2000",
    "TT_MINUS_UTC",
]

TT_MINUS_UTC = 69.184
"""TT - UTC [s] = 32.184 s + 37 leap seconds, valid from 2017-01-01 (IERS Bulletin C;
no leap second announced since).  Kind: standard."""

_UNIX_J2000 = 946_728_000.0  # Unix seconds of the calendar instant 2000-01-01 12:00:00

# Astronomical Almanac low-precision coefficients [1] (degrees, per day from J2000.0).
_L0, _L1 = 280.460, 0.9856474  # mean longitude of the Sun, aberration included
_G0, _G1 = 357.528, 0.9856003  # mean anomaly
_C1, _C2 = 1.915, 0.020  # equation of centre
_E0, _E1 = 23.439, -0.0000004  # obliquity of the ecliptic
_R0, _R1, _R2 = 1.00014, -0.01671, -0.00014  # distance [au]


def _days(t):
    t = np.asarray(t, dtype=float)
    require_finite(t, "t")
    return t / DAY


def _elements(n):
    """Mean longitude, ecliptic longitude, obliquity [rad] and distance [m] at day n."""
    L = (_L0 + _L1 * n) * DEG
    g = (_G0 + _G1 * n) * DEG
    lam = L + (_C1 * np.sin(g) + _C2 * np.sin(2.0 * g)) * DEG
    eps = (_E0 + _E1 * n) * DEG
    r = (_R0 + _R1 * np.cos(g) + _R2 * np.cos(2.0 * g)) * AU
    return L, lam, eps, r


@accepts(t="s")
def sun_ra_dec(t):
    """Apparent geocentric right ascension, declination and distance of the Sun.

    Parameters
    ----------
    t : float or array [s]
        Time since J2000.0 (2000-01-01 12:00 TT).

    Returns
    -------
    ra : float or array [rad]
        Right ascension in [0, 2 pi), equator and equinox of date.
    dec : float or array [rad]
        Declination.
    distance : float or array [m]
        Earth-Sun distance.

    Notes
    -----
    With n = t / 86400 s (days from J2000.0) [1]_::

        L = 280.460 deg + 0.9856474 deg n          (mean longitude, aberration included)
        g = 357.528 deg + 0.9856003 deg n          (mean anomaly)
        lambda = L + 1.915 deg sin g + 0.020 deg sin 2g   (ecliptic longitude, beta = 0)
        eps = 23.439 deg - 0.0000004 deg n         (obliquity)
        ra = atan2(cos eps sin lambda, cos lambda),  dec = asin(sin eps sin lambda)
        R = (1.00014 - 0.01671 cos g - 0.00014 cos 2g) au

    Accuracy 0.01 deg in ra and dec between 1950 and 2050 [1]_ (slowly degrading outside).

    References
    ----------
    .. [1] The Astronomical Almanac, Section C, "Low precision formulas for the Sun".
    """
    n = _days(t)
    _, lam, eps, r = _elements(n)
    sl = np.sin(lam)
    ra = np.mod(np.arctan2(np.cos(eps) * sl, np.cos(lam)), 2.0 * np.pi)
    dec = np.arcsin(np.sin(eps) * sl)
    return _out(ra), _out(dec), _out(r)


@accepts(t="s")
def sun_position(t):
    """Unit vector towards the Sun and Earth-Sun distance (equatorial frame of date).

    Parameters
    ----------
    t : float or array [s]
        Time since J2000.0 (2000-01-01 12:00 TT); any shape ``S``.

    Returns
    -------
    unit : array, shape ``S + (3,)`` [-]
        Geocentric unit vector (x towards the equinox of date, z towards the celestial
        pole of date): ``(cos lambda, cos eps sin lambda, sin eps sin lambda)``.
    distance : float or array, shape ``S`` [m]
        Earth-Sun distance.

    Notes
    -----
    Same formula as :func:`sun_ra_dec` (Astronomical Almanac low-precision Sun, 0.01 deg
    1950-2050); the vector is rotated from the ecliptic by the obliquity of date.

    References
    ----------
    .. [1] The Astronomical Almanac, Section C, "Low precision formulas for the Sun".
    .. [2] Vallado, D. A. (2013), "Fundamentals of Astrodynamics and Applications",
       4th ed., ch. 5 (algorithm SUN, the same Almanac formula).
    """
    n = _days(t)
    _, lam, eps, r = _elements(n)
    sl = np.sin(lam)
    unit = np.stack([np.cos(lam), np.cos(eps) * sl, np.sin(eps) * sl], axis=-1)
    return unit, _out(r)


@accepts(t="s")
def mean_sun_ra(t):
    """Right ascension of the fictitious mean Sun, the reference of mean local solar time.

    Parameters
    ----------
    t : float or array [s]
        Time since J2000.0 (2000-01-01 12:00 TT).

    Returns
    -------
    float or array [rad]
        alpha_ms = L = 280.460 deg + 0.9856474 deg n, reduced to [0, 2 pi).

    Notes
    -----
    The mean Sun moves uniformly along the equator with the Sun's mean longitude, so
    alpha_ms = L (Explanatory Supplement, 3rd ed., time scales and mean solar time).  A sun-synchronous orbit with
    local time of ascending node LTAN [h] has RAAN = alpha_ms + 15 deg/h (LTAN - 12 h).

    References
    ----------
    .. [1] The Astronomical Almanac, Section C, "Low precision formulas for the Sun".
    .. [2] Urban, S. E. and Seidelmann, P. K. (2013), "Explanatory Supplement to the
       Astronomical Almanac", 3rd ed., University Science Books.
    """
    n = _days(t)
    return _out(np.mod((_L0 + _L1 * n) * DEG, 2.0 * np.pi))


@accepts(t="s")
def equation_of_time(t):
    """Equation of time (apparent minus mean solar time) [s].

    Parameters
    ----------
    t : float or array [s]
        Time since J2000.0, as in :func:`sun_ra_dec`.

    Returns
    -------
    float or array [s]
        E = (alpha_ms - alpha) / (15 deg/h), wrapped to +-12 h; between -14.2 and +16.4 min.

    References
    ----------
    .. [1] The Astronomical Almanac, Section C ("equation of time ... to 0.1 min").
    """
    ra, _, _ = sun_ra_dec(t)
    d = np.mod(mean_sun_ra(t) - ra + np.pi, 2.0 * np.pi) - np.pi
    return _out(d / (2.0 * np.pi) * DAY)


def year_start(year):
    """Seconds from J2000.0 to 00:00 UTC on 1 January of ``year`` (Gregorian).

    Parameters
    ----------
    year : int or array of int [-]
        Calendar year, 1900 to 2200.

    Returns
    -------
    float or array [s]
        Time since J2000.0.  UTC is taken as TT (error 69 s, 0.0008 deg of solar motion),
        so that ``year_start(2000) == -43200``.

    References
    ----------
    .. [1] Proleptic Gregorian calendar as implemented by numpy datetime64.
    """
    y = _check_year(year)
    d = (y - 1970).astype("datetime64[Y]").astype("datetime64[D]") - np.datetime64("2000-01-01", "D")
    return _out(d.astype(float) * DAY - 0.5 * DAY)


def days_in_year(year):
    """Number of days of a Gregorian calendar year (365 or 366).

    Parameters
    ----------
    year : int or array of int [-]

    Returns
    -------
    int or array of int
    """
    y = _check_year(year)
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    out = np.where(leap, 366, 365)
    return int(out) if out.ndim == 0 else out


def unix_to_j2000(t_unix):
    """Convert Unix (POSIX, UTC) seconds to seconds since J2000.0 TT.

    Parameters
    ----------
    t_unix : float or array [s]
        Seconds since 1970-01-01 00:00:00 UTC, leap seconds not counted.

    Returns
    -------
    float or array [s]
        t = t_unix - 946728000 s + (TT - UTC), with TT - UTC = 69.184 s (valid from 2017; up
        to 5 s too large for 1999-2016, i.e. < 0.0001 deg of solar motion).

    References
    ----------
    .. [1] IERS Bulletin C (leap seconds); IAU 1991 Resolution A4 (TT = TAI + 32.184 s).
    """
    t = np.asarray(t_unix, dtype=float)
    require_finite(t, "t_unix")
    return _out(t - _UNIX_J2000 + TT_MINUS_UTC)


def _check_year(
    year,
    first=1900,
    last=2200,
    reason="the low-precision solar ephemeris is fitted for 1950-2050 and degrades beyond",
    integer_reason="a year is an integer",
):
    """Whole calendar years from ``first`` to ``last`` (int64 array); ``reason`` explains the range."""
    yf = np.asarray(year, dtype=float)
    require_finite(yf, "year")
    require(yf == np.round(yf), "year", year, "whole calendar years", integer_reason)
    require((yf >= first) & (yf <= last), "year", year, f"{first} to {last}", reason)
    return np.round(yf).astype(np.int64)
