"""Eclipse and beta-angle statistics of circular orbits over a calendar year.

Part of :mod:`orbitdc.physics.orbit` (which re-exports every public name here): the Sun's
position day by day over a year (:mod:`orbitdc.physics.ephemeris`), the orbit plane's node
drift (J2, or sun-synchronous at a local time of the ascending node), the beta angle and
the eclipse of every day, and their statistics (:func:`annual_eclipse` for one orbit with
its daily series, :func:`annual_eclipse_stats` vectorised over many orbits, served from a
lattice of exact values by :mod:`orbitdc.physics.eclipse_lattice` when the orbits are very
many).

References
----------
.. [1] Vallado, D. A. (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
   Microcosm Press, ch. 5 (Sun position) and ch. 9 (J2 node drift).
.. [2] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, 2nd ed., ch. 2 (beta
   angle, eclipse fraction).
"""

from __future__ import annotations

import dataclasses
import functools
import math

import numpy as np

from orbitdc.constants import (
    DAY,
    HOUR,
)
from orbitdc.errors import ScenarioError, require
from orbitdc.kernels import orbit as _k
from orbitdc.physics.ephemeris import (
    _check_year,
    days_in_year,
    mean_sun_ra,
    sun_ra_dec,
    year_start,
)
from orbitdc.units import accepts, parse_quantity

from .orbit import (
    ALTITUDE_MIN,
    _altitude,
    _angle,
    _inclination,
    _ltan_hours,
    _model,
    sso_raan,
)

__all__ = [
    "AnnualEclipse",
    "annual_eclipse",
    "annual_eclipse_stats",
    "annual_eclipse_unchecked",
    "annual_eclipse_stats_unchecked",
]


# ---------------------------------------------------------------------------------------
# annual statistics
# ---------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class AnnualEclipse:
    """Eclipse and beta-angle statistics of one circular orbit over a calendar year.

    Scalars are SI (m, s, rad); the daily series (``day``, ``beta``, ``fraction``,
    ``duration``, ``sun_distance``) are read-only numpy arrays sampled at 12:00 UTC of each
    day, for plotting.  ``beta_min``/``beta_max`` are signed; ``abs_beta_min`` is 0 when beta
    crosses zero during the year.  ``raan0`` is the node on 1 January 00:00 UTC (derived
    from ``ltan`` for a sun-synchronous orbit); ``ltan`` [h, as given] is 0 for an inclined orbit.
    """

    altitude: float
    inclination: float
    is_sso: bool
    ltan: float
    raan0: float
    year: int
    model: str
    period: float
    raan_drift_rate: float
    mean_fraction: float
    max_fraction: float
    max_duration: float
    eclipse_days: int
    beta_min: float
    beta_max: float
    abs_beta_min: float
    abs_beta_max: float
    sun_distance_min: float
    sun_distance_max: float
    day: np.ndarray = dataclasses.field(repr=False)
    beta: np.ndarray = dataclasses.field(repr=False)
    fraction: np.ndarray = dataclasses.field(repr=False)
    duration: np.ndarray = dataclasses.field(repr=False)
    sun_distance: np.ndarray = dataclasses.field(repr=False)


def _readonly(a):
    a = np.ascontiguousarray(a)
    a.setflags(write=False)
    return a


@functools.lru_cache(maxsize=512)
def _year_grid(year: int):
    """Half-day time grid of a year and the Sun on it (cached, read-only arrays)."""
    nd = days_in_year(year)
    tau = np.arange(2 * nd + 1, dtype=float) * (0.5 * DAY)  # seconds since 1 Jan 00:00 UTC
    t = year_start(year) + tau
    ra, dec, dist = sun_ra_dec(t)
    ams = mean_sun_ra(t)
    arrays = (tau, ra, np.sin(dec), np.cos(dec), dist, ams)
    return tuple(_readonly(x) for x in arrays) + (nd,)


def _check_year_int(year):
    return _check_year(
        year,
        1950,
        2100,
        "the analytic solar ephemeris (Astronomical Almanac low-precision formula) is "
        "accurate to 0.01 deg for 1950-2050 and is not trusted beyond 2100",
        "a calendar year is an integer",
    )


# rounding applied to the cache keys (mm, 1e-12 rad, 1e-6 s): far below any model accuracy
def _key_round(h, inc, raan0, ltan):
    return np.round(h, 3), np.round(inc, 12), np.round(np.mod(raan0, 2.0 * np.pi), 12), np.round(ltan, 6)


_SERIES = ("day", "beta", "fraction", "duration", "sun_distance")


@functools.lru_cache(maxsize=4096)
def _annual_cached(h, inc, raan0, is_sso, ltan, year, model):
    r = _k.annual_core(
        np.array([h]),
        np.array([inc]),
        np.array([raan0]),
        np.array([is_sso]),
        np.array([ltan]),
        _year_grid(year),
        model,
        series=True,
    )
    stats = {k: float(r[k][0]) for k in _STAT_KEYS}
    series = {k: _readonly(r[k] if k in ("day", "sun_distance") else r[k][0]) for k in _SERIES}
    return stats, series


def annual_eclipse_unchecked(altitude, inclination, raan0, is_sso, ltan, year, model="cylindrical"):
    """One orbit's year of beta angles and eclipses, without argument checks (cached).

    The entry of the pipeline's orbit stage, whose fields the scenario has already bounded:
    the arguments are as in :func:`annual_eclipse_stats` (scalars) except ``ltan`` [s], the
    SI value (21600 s = 06:00).  Returns ``(stats, series)``: ``stats`` the floats of
    :func:`annual_eclipse_stats`, ``series`` the read-only daily arrays ``day``, ``beta``,
    ``fraction``, ``duration`` and ``sun_distance`` of :class:`AnnualEclipse`.
    """
    h = float(altitude)
    if is_sso:
        inc, r0, lt = float(_k.sun_synchronous_inclination(h)), 0.0, float(ltan)
    else:
        inc, r0, lt = float(inclination), float(raan0), 0.0
    h, inc, r0, lt = _key_round(h, inc, r0, lt)
    return _annual_cached(float(h), float(inc), float(r0), bool(is_sso), float(lt), int(year), model)


@functools.lru_cache(maxsize=4096)
def _annual_record(h, inc, raan0, is_sso, ltan_hours, year, model):
    stats, series = annual_eclipse_unchecked(h, inc, raan0, is_sso, ltan_hours * HOUR, year, model)
    return AnnualEclipse(
        altitude=float(np.round(h, 3)),
        is_sso=is_sso,
        ltan=float(np.round(ltan_hours, 9)),
        raan0=float(sso_raan(year_start(year), np.round(ltan_hours, 9)))
        if is_sso
        else float(np.round(np.mod(raan0, 2.0 * np.pi), 12)),
        year=year,
        model=model,
        eclipse_days=int(round(stats["eclipse_days"])),
        **{k: v for k, v in stats.items() if k != "eclipse_days"},
        **series,
    )


@accepts(altitude="m", inclination="rad", raan0="rad")
def annual_eclipse(altitude, inclination=None, ltan=None, raan0=0.0, year=2027, model="cylindrical"):
    """Beta angle and eclipse statistics of a circular orbit over one calendar year.

    Give ``inclination`` for an inclined orbit whose node starts at ``raan0`` on 1 January
    00:00 UTC and drifts at the J2 rate, or ``ltan`` for a sun-synchronous orbit (inclination
    from J2, node locked to the mean Sun).  Results are cached: a repeated call is free.

    Parameters
    ----------
    altitude : float [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    inclination : float [rad], optional
        Inclination of an inclined (non-sun-synchronous) orbit, 0 to pi.
    ltan : float [h], optional
        Local time of the ascending node of a sun-synchronous orbit, 0 to 24 h
        (6.0 = dawn-dusk with the node at dawn, 18.0 = dusk-dawn, 12.0 = noon-midnight).
        A pint quantity in any time unit is accepted.
    raan0 : float [rad]
        RAAN on 1 January 00:00 UTC of ``year`` (inclined orbits only).
    year : int
        Calendar year, 1950 to 2100.
    model : {"cylindrical", "umbra", "penumbra"}
        Shadow model (see module notes).

    Returns
    -------
    AnnualEclipse
        ``mean_fraction`` (time average of the shadow fraction, trapezoid rule on a
        half-day grid), ``max_fraction`` and ``max_duration`` [s] (longest eclipse),
        ``eclipse_days`` (calendar days with any eclipse), ``beta_min``, ``beta_max`` [rad]
        (signed), ``abs_beta_min``/``abs_beta_max`` [rad], ``sun_distance_min``/``_max`` [m],
        ``period`` [s], ``inclination`` [rad], ``raan_drift_rate`` [rad/s] and daily series
        for plotting.

    Notes
    -----
    On the grid t_k = t_0 + k/2 day (k = 0 .. 2 N_days), with the Sun (ra, dec, d) from the
    Astronomical Almanac formula: Omega(t) = raan0 + dOmega/dt (t - t_0) (inclined) or
    Omega(t) = alpha_ms(t) + 15 deg/h (LTAN - 12 h) (sun-synchronous);
    beta = asin(cos dec sin i sin(Omega - ra) + sin dec cos i); f = eclipse_fraction(h, beta).
    A zero crossing of beta between samples counts as a day with eclipse and as the
    maximum fraction f(beta = 0).  Agreement with an SGP4 propagation (bstar = 0) sampled
    every minute for a year: better than 0.005 in mean fraction (tests).

    Raises
    ------
    ScenarioError
        For an out-of-range altitude, inclination, LTAN or year, or when both or neither of
        ``inclination`` and ``ltan`` are given.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
       ch. 9 and 11.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, 2nd ed., ch. 2.
    .. [3] The Astronomical Almanac, Section C, low-precision formulas for the Sun.
    """
    if (inclination is None) == (ltan is None):
        raise ScenarioError(
            "inclination/ltan",
            (inclination, ltan),
            "exactly one of inclination (inclined orbit) or ltan (sun-synchronous)",
            "an orbit is either inclined with a drifting node or sun-synchronous",
        )
    for name, v in (("altitude", altitude), ("raan0", raan0)):
        if np.ndim(v) != 0:
            raise ScenarioError(
                name, v, "a scalar", "annual_eclipse takes one orbit; use annual_eclipse_stats for arrays"
            )
    h = float(_altitude(altitude))
    _model(model)
    y = int(_check_year_int(year))
    r0 = float(_angle(raan0, "raan0"))
    if ltan is not None:
        return _annual_record(h, 0.0, 0.0, True, float(_ltan_hours(ltan)), y, model)
    return _annual_record(h, float(_inclination(inclination)), r0, False, 0.0, y, model)


_STAT_KEYS = (
    "period",
    "inclination",
    "raan_drift_rate",
    "mean_fraction",
    "max_fraction",
    "max_duration",
    "eclipse_days",
    "beta_min",
    "beta_max",
    "abs_beta_min",
    "abs_beta_max",
    "sun_distance_min",
    "sun_distance_max",
)


@accepts(altitude="m", inclination="rad", raan0="rad")
def annual_eclipse_stats(altitude, inclination, raan0, is_sso, ltan, year=2027, model="cylindrical", chunk=256):
    """Annual eclipse statistics for arrays of orbits (vectorised :func:`annual_eclipse`).

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    inclination : float or array [rad]
        Inclination of inclined orbits (ignored where ``is_sso``), 0 to pi.
    raan0 : float or array [rad]
        RAAN on 1 January 00:00 UTC (ignored where ``is_sso``).
    is_sso : bool or array of bool
        True for sun-synchronous orbits (inclination from J2, node from ``ltan``).
    ltan : float or array [h]
        Local time of the ascending node (used where ``is_sso``), 0 to 24 h; a pint
        quantity in any time unit is accepted.
    year : int or array of int
        Calendar year, 1950 to 2100.
    model : {"cylindrical", "umbra", "penumbra"}
        Shadow model.
    chunk : int
        Number of distinct orbits computed per numpy block (memory ~ 40 kB per orbit;
        256 keeps a block in the CPU caches).

    Returns
    -------
    dict of str -> float or array [SI]
        Keys ``period`` [s], ``inclination`` [rad], ``raan_drift_rate`` [rad/s],
        ``mean_fraction``, ``max_fraction``,
        ``max_duration`` [s], ``eclipse_days`` (float count), ``beta_min``, ``beta_max``,
        ``abs_beta_min``, ``abs_beta_max`` [rad], ``sun_distance_min``,
        ``sun_distance_max`` [m]; arrays of the broadcast shape of the inputs (floats when
        all inputs are scalars).  When all orbits are identical the arrays are read-only
        broadcast views of one value (no memory per element).

    Notes
    -----
    Identical orbits are computed once: when every input is uniform the cached
    :func:`annual_eclipse` result is broadcast (milliseconds for 1e6 elements); otherwise
    the distinct orbits (``np.unique`` on rounded keys) are evaluated in (chunk, 2 N_days + 1)
    numpy blocks with the equations of :func:`annual_eclipse`, no Python loop per orbit
    (about 16 us per orbit).

    With more than :data:`LATTICE_MIN_ORBITS` (2000) distinct orbits and the cylindrical
    shadow (a Monte Carlo over altitude and LTAN, say) the statistics come from exact values
    on a fixed lattice of orbit parameters - sun-synchronous: altitude every 5 km x LTAN every
    0.025 h; inclined: altitude every 1 km x inclination every 0.05 deg x initial RAAN every
    0.5 deg, only in the parameters that vary - computed once per process for the lattice
    nodes the rows need, and interpolated multilinearly:

    * period, inclination, node drift and Sun distances are exact (closed forms);
    * mean fraction, min/max sin(beta) and min |sin(beta)| are interpolated; the maximum
      fraction and duration follow exactly from the interpolated min |sin(beta)|;
    * the eclipse-day count is exact: the boundaries of the in-shadow runs of samples
      (where |sin beta| crosses sin(psi), a continuous function of the orbit) are
      interpolated, every boundary within 0.02 (SSO) or 0.1 (inclined) samples of a sample
      time is decided on that sample, boundaries that move fast (near the onset of a shadow
      season) are checked on their neighbouring samples, and rows whose cell corners differ
      in the number of seasons are computed exactly.

    Measured agreement with the exact per-orbit values (tests/sections/
    test_vectorised_pipeline.py): sun-synchronous orbits within 3e-5 in mean fraction,
    1.3e-4 in maximum fraction (1.2e-5 away from the onset of eclipse seasons), 1 s in the
    longest eclipse, 1.3e-5 rad in beta except within a few degrees of +-90 deg (3e-3 rad,
    where the half-day sampled extreme itself is resolved to ~3e-3 rad); inclined orbits
    within 1.5e-4 in mean fraction (the half-day trapezoid sum varies on 0.05 deg scales) and
    1e-2 rad in beta extremes; eclipse days equal.  Results of a row may therefore change
    within these tolerances with the number of distinct orbits in the same call.

    References
    ----------
    See :func:`annual_eclipse`.
    """
    _model(model)
    if isinstance(ltan, str) or hasattr(ltan, "units"):
        ltan = parse_quantity(ltan, "hour").magnitude
    sso = np.asarray(is_sso, dtype=bool)
    _altitude(altitude)
    _check_year_int(year)
    if not (sso.ndim == 0 and sso):  # inclination and RAAN of the inclined orbits
        inc = np.asarray(inclination, dtype=float)
        r0 = np.asarray(raan0, dtype=float)
        require(np.isfinite(inc) | sso, "inclination", inc, "finite numbers", "NaN or infinity is not a physical value")
        require(
            ((inc >= 0.0) & (inc <= np.pi)) | sso,
            "inclination",
            inc,
            "0 to pi rad (0 to 180 deg)",
            "inclination is the angle between the orbit normal and the Earth's axis",
        )
        require(np.isfinite(r0) | sso, "raan0", r0, "finite numbers", "NaN or infinity is not a physical value")
    lt = np.asarray(ltan, dtype=float)
    if not (sso.ndim == 0 and not sso):  # LTAN of the sun-synchronous orbits
        require(
            ((lt >= 0.0) & (lt <= 24.0)) | ~sso,
            "ltan",
            lt,
            "0 h to 24 h",
            "local time of the ascending node is a time of day",
        )
    return annual_eclipse_stats_unchecked(altitude, inclination, raan0, is_sso, lt * HOUR, year, model, chunk)


def annual_eclipse_stats_unchecked(altitude, inclination, raan0, is_sso, ltan, year, model="cylindrical", chunk=256):
    """:func:`annual_eclipse_stats` without argument checks: the orbit stage's entry.

    The scenario has already bounded every field, so the stage calls this directly with SI
    values: as :func:`annual_eclipse_stats` except ``ltan`` [s] (21600 s = 06:00), the one
    conversion from the documented hours being made by the checked function.
    """
    args = [np.asarray(x) for x in (altitude, inclination, raan0, is_sso, ltan, year)]
    shape = np.broadcast_shapes(*(a.shape for a in args))
    if any(a.ndim for a in args) and shape != ():
        uniform = all(a.ndim == 0 or a.size == 0 or bool(np.all(a.ravel() == a.ravel()[0])) for a in args)
    else:
        uniform = True
    if uniform or shape == ():
        h, inc, r0, sso, lt, y = (a.ravel()[0] if a.size else a for a in args)
        res = annual_eclipse_unchecked(h, inc, r0, bool(sso), lt, y, model)[0]
        if shape == ():
            return dict(res)
        return {k: np.broadcast_to(np.float64(v), shape) for k, v in res.items()}

    n = math.prod(shape)
    # the lattice accelerator builds on this module, so it is imported at call time
    from .eclipse_lattice import LATTICE_MIN_ORBITS, _column, _distinct_orbits, _exact_stats, _lattice_stats

    h, inc, r0, sso, lt, y = (_column(a, shape, n) for a in args)
    sso = sso.astype(bool)
    h = np.asarray(h, dtype=float)
    yi = np.round(np.asarray(y, dtype=float)).astype(np.int64)
    inc = np.asarray(inc, dtype=float)
    r0 = np.asarray(r0, dtype=float)
    lt = np.asarray(lt, dtype=float)
    # SSO inclination (J2), neutral values for the unused columns, rounded keys
    if sso.ndim == 0:
        if sso:
            inc = _k.sun_synchronous_inclination(h)
            r0 = np.float64(0.0)
        else:
            lt = np.float64(0.0)
    else:
        h_sso = np.where(sso, h, ALTITUDE_MIN)
        inc = np.where(sso, _k.sun_synchronous_inclination(h_sso), inc)
        r0 = np.where(sso, 0.0, r0)
        lt = np.where(sso, lt, 0.0)
    h, inc, r0, lt = (np.asarray(v) for v in _key_round(h, inc, r0, lt))
    cols = (h, inc, r0, lt, sso, yi)
    if model == "cylindrical" and n > LATTICE_MIN_ORBITS and _distinct_orbits(cols, n) > LATTICE_MIN_ORBITS:
        res = _lattice_stats(h, inc, r0, lt, sso, yi, n, chunk)
    else:
        res = _exact_stats(cols, n, model, chunk)
    return {k: v.reshape(shape) for k, v in res.items()}
