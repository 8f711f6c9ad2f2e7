r"""Kernels of circular orbits: two-body period, J2 node drift, sun-synchronous orbits, shadow.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.orbit` (and :mod:`orbitdc.physics.annual_eclipse`
for the year of beta angles and eclipses). Lengths in m, times in s, angles in rad.

The local time of the ascending node (LTAN) of a sun-synchronous orbit is taken in
**seconds** of mean solar time (21600 s = 06:00, dawn-dusk), the SI value the scenario
holds; the checked physics API takes hours and converts once.
"""

from __future__ import annotations

import numpy as np

from orbitdc.constants import DAY, GM_EARTH, J2_EARTH, MEAN_SUN_RATE, R_EARTH, R_SUN

__all__ = [
    "mean_motion",
    "orbital_period",
    "raan_drift_rate",
    "sun_synchronous_inclination",
    "node_offset",
    "shadow_half_angle",
    "shadow_fraction",
    "annual_core",
]


def mean_motion(h):
    """Mean motion [rad/s] of a circular orbit at altitude ``h`` [m], sqrt(mu / (R + h)^3)."""
    return np.sqrt(GM_EARTH / (R_EARTH + h) ** 3)


def orbital_period(h):
    """Keplerian period [s] of a circular orbit at altitude ``h`` [m], 2 pi sqrt((R + h)^3 / mu)."""
    a = R_EARTH + h
    return 2.0 * np.pi * np.sqrt(a**3 / GM_EARTH)


def raan_drift_rate(h, inc):
    """Secular J2 node drift [rad/s], -3/2 n J2 (R/a)^2 cos i (altitude ``h`` [m], ``inc`` [rad])."""
    a = R_EARTH + h
    return -1.5 * np.sqrt(GM_EARTH / a**3) * J2_EARTH * (R_EARTH / a) ** 2 * np.cos(inc)


def sun_synchronous_inclination(h):
    """Inclination [rad] at which J2 turns the node at the mean Sun's rate (altitude ``h`` [m])."""
    a = R_EARTH + h
    n = np.sqrt(GM_EARTH / a**3)
    return np.arccos(-MEAN_SUN_RATE / (1.5 * n * J2_EARTH * (R_EARTH / a) ** 2))


def node_offset(ltan):
    """Right ascension of a sun-synchronous node east of the mean Sun [rad] for an LTAN [s].

    Omega - alpha_ms = 2 pi (LTAN - 12 h) / 24 h (15 deg per hour of local time).
    """
    return (ltan - 0.5 * DAY) * (2.0 * np.pi / DAY)


def shadow_half_angle(h, model, d):
    """Half-angle [rad] of Earth's shadow cone seen from Earth's centre (altitude ``h`` [m],
    Sun distance ``d`` [m]; ``model`` "cylindrical", "umbra" or "penumbra")."""
    rho = np.arcsin(R_EARTH / (R_EARTH + h))
    if model == "cylindrical":
        return rho
    if model == "umbra":
        return rho - np.arcsin((R_SUN - R_EARTH) / d)
    return rho + np.arcsin((R_SUN + R_EARTH) / d)


def shadow_fraction(beta, psi):
    """Shadow fraction of a circular orbit, acos(cos psi / cos beta) / pi for |beta| < psi."""
    cb = np.cos(beta)
    inside = np.abs(beta) < psi
    ratio = np.where(inside, np.cos(psi) / np.where(inside, cb, 1.0), 1.0)
    return np.where(inside, np.arccos(np.minimum(ratio, 1.0)) / np.pi, 0.0)


def annual_core(h, inc, raan0, is_sso, ltan, grid, model, series=False):
    """Annual beta and eclipse statistics of orbits of one year (arrays of shape (N,)).

    ``h`` [m], ``inc`` [rad] (already the sun-synchronous inclination for SSO rows),
    ``raan0`` [rad] on 1 January 00:00 UTC (inclined rows), ``is_sso`` (bool), ``ltan`` [s]
    (SSO rows); ``grid`` = ``(tau, ra, sin dec, cos dec, distance, mean-Sun ra, days)`` of the
    year on a half-day grid (:func:`orbitdc.physics.annual_eclipse.annual_eclipse`).  Returns a
    dict of (N,) arrays (and (N, days) series when ``series``).  Works on s = sin(beta) to
    avoid an arcsin per sample: |beta| < psi <=> |s| < sin(psi), cos(beta) = sqrt(1 - s^2),
    and acos(min(cos(psi)/cos(beta), 1)) is 0 exactly when the orbit is out of the shadow.
    """
    tau, ra, sdec, cdec, dist, ams, nd = grid
    a = R_EARTH + h
    n = np.sqrt(GM_EARTH / a**3)
    period = 2.0 * np.pi / n
    cos_i, sin_i = np.cos(inc), np.sin(inc)
    rate = -1.5 * n * J2_EARTH * (R_EARTH / a) ** 2 * cos_i
    if np.all(is_sso):
        s = ams[None, :] + node_offset(ltan)[:, None]
    elif not np.any(is_sso):
        s = raan0[:, None] + rate[:, None] * tau[None, :]
    else:
        s = np.where(
            is_sso[:, None],
            ams[None, :] + node_offset(ltan)[:, None],
            raan0[:, None] + rate[:, None] * tau[None, :],
        )
    # s <- sin(beta) = cos(dec) sin(i) sin(Omega - ra) + sin(dec) cos(i), in place
    s -= ra
    np.sin(s, out=s)
    s *= cdec
    s *= sin_i[:, None]
    s += sdec[None, :] * cos_i[:, None]
    np.clip(s, -1.0, 1.0, out=s)
    psi = shadow_half_angle(h[:, None], model, dist[None, :])  # (N,1) cylindrical, (N,M) conical
    abs_s = np.abs(s)
    inside = abs_s < np.sin(psi)
    cb = 1.0 - s * s
    np.sqrt(cb, out=cb)
    np.maximum(cb, 1e-300, out=cb)
    f = np.divide(np.cos(psi), cb, out=cb)
    np.minimum(f, 1.0, out=f)
    np.arccos(f, out=f)
    f *= 1.0 / np.pi
    cross = (s[:, :-1] * s[:, 1:]) <= 0.0
    any_cross = cross.any(axis=1)
    w = np.ones(s.shape[1])
    w[0] = w[-1] = 0.5
    mean_f = (f @ w) / (s.shape[1] - 1)
    if psi.shape[1] == 1:
        f_cross = np.where(any_cross, psi[:, 0] / np.pi, 0.0)
    else:
        f_cross = np.where(cross, psi[:, :-1] / np.pi, 0.0).max(axis=1)
    max_f = np.maximum(f.max(axis=1), f_cross)
    day_ecl = inside[:, 0:-1:2] | inside[:, 1::2] | inside[:, 2::2] | cross[:, 0::2] | cross[:, 1::2]
    out = {
        "period": period,
        "inclination": inc,
        "raan_drift_rate": rate,
        "mean_fraction": mean_f,
        "max_fraction": max_f,
        "max_duration": max_f * period,
        "eclipse_days": day_ecl.sum(axis=1).astype(float),
        "beta_min": np.arcsin(s.min(axis=1)),
        "beta_max": np.arcsin(s.max(axis=1)),
        "abs_beta_min": np.where(any_cross, 0.0, np.arcsin(abs_s.min(axis=1))),
        "abs_beta_max": np.arcsin(abs_s.max(axis=1)),
        "sun_distance_min": np.full(h.shape, dist.min()),
        "sun_distance_max": np.full(h.shape, dist.max()),
    }
    if series:
        out["day"] = np.arange(nd)
        out["beta"] = np.arcsin(s[:, 1::2])
        out["fraction"] = f[:, 1::2]
        out["duration"] = f[:, 1::2] * period[:, None]
        out["sun_distance"] = dist[1::2]
    return out
