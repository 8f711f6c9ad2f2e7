r"""Kernels of the radiator: Earth view factors, absorbed loads, sink, heat pump, sizing.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.thermal` (with :mod:`~orbitdc.physics.thermal_environment`
and :mod:`~orbitdc.physics.heat_pump`). Temperatures in K, fluxes in W/m^2, powers in W,
lengths in m, angles in rad.
"""

from __future__ import annotations

import math

import numpy as np

from orbitdc.constants import R_EARTH, SIGMA_SB, T_CMB

from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats

__all__ = [
    "fourth_power_difference",
    "view_factor",
    "environment",
    "sink",
    "optimum",
    "sizing",
    "SIZING_PROBLEMS",
]

_PI = math.pi
_GRID = 16  # coarse grid points over the admissible radiator temperatures
_GOLDEN_ITER = 20  # golden-section refinements inside the bracketing grid cells
_INV_PHI = (math.sqrt(5.0) - 1.0) / 2.0
_BLOCK = 16384  # scenarios per block of the vectorised search (fits the CPU cache)


def sink(q_abs, eps, sides, t_space=T_CMB):
    """Effective sink temperature [K], (q_abs / (n eps sigma) + T_space^4)^(1/4)
    (:func:`orbitdc.physics.thermal.sink_temperature`)."""
    return (q_abs / (sides * eps * SIGMA_SB) + t_space**4) ** 0.25


def fourth_power_difference(t: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """T^4 - Ts^4 factored so that it is exactly positive whenever T > Ts."""
    return (t - ts) * (t + ts) * (t * t + ts * ts)


def view_factor(h: np.ndarray, lam: np.ndarray, radius: float | np.ndarray) -> np.ndarray:
    """Earth view factor of a flat plate at altitude ``h`` [m] tilted ``lam`` [rad, 0..pi] from
    nadir, Earth radius ``radius`` [m] (Howell B-12; :func:`orbitdc.physics.thermal.earth_view_factor`)."""
    big_h = 1.0 + h / radius  # (R + h) / R
    h2 = big_h * big_h
    cl = _k.cos(lam)
    sl = _k.sin(lam)
    x = _k.sqrt(h2 - 1.0)
    full = cl / h2
    # partial visibility (Howell B-12); sin(lam) > 0 there because R/(R+h) < 1
    sl_safe = _k.where(sl > 1e-300, sl, 1.0)
    a1 = _k.clip(x / (big_h * sl_safe), -1.0, 1.0)
    a2 = _k.clip(-x * cl / sl_safe, -1.0, 1.0)
    r = _k.maximum(1.0 - h2 * cl * cl, 0.0)
    part = 0.5 - _k.arcsin(a1) / _PI + (cl * _k.arccos(a2) - x * _k.sqrt(r)) / (_PI * h2)
    hc = big_h * cl
    f = _k.where(hc >= 1.0, full, _k.where(hc <= -1.0, 0.0, part))
    return _k.clip(f, 0.0, 1.0)


def environment(h, lam, beta, ecl, alpha, eps, sides, inc, s, a, e_ir, case, radius):
    """Absorbed loads per panel area [W/m^2] and the Earth view factors of a radiator panel.

    ``case`` is ``"orbit_average"`` or ``"peak"``. Returns ``(solar, albedo, earth_ir, total,
    view_factor, view_factor_back)`` (:func:`orbitdc.physics.thermal.environmental_flux`).
    """
    f_front = view_factor(h, lam, radius)
    back = sides - 1.0  # 0 for one-sided, 1 for two-sided panels
    f_back = view_factor(h, _PI - lam, radius) * back
    cb = _k.cos(beta)
    if case == "orbit_average":
        phi = cb / _PI
        sunlit = 1.0 - ecl
    else:  # "peak": sunlit, at the sub-solar crossing
        phi = cb
        sunlit = 1.0
    ci = _k.cos(inc)
    ci = _k.where(abs(ci) < 1e-12, 0.0, ci)  # exactly grazing at 90 deg (cos(pi/2) = 6e-17)
    q_sun = alpha * s * sunlit * (_k.maximum(ci, 0.0) + back * _k.maximum(-ci, 0.0))
    f_sum = f_front + f_back
    q_alb = alpha * s * a * phi * f_sum
    q_ir = eps * e_ir * f_sum
    return q_sun, q_alb, q_ir, q_sun + q_alb + q_ir, f_front, f_back


def _scalar_where(cond, x, y):
    return x if cond else y


def _optimum_core(tc, ts, c, rho, k, f, max_lift, where, minimum, maximum):
    """Grid + golden-section search for the mass-optimal radiator temperature.

    Written once for numpy arrays (``where=np.where, minimum=np.minimum, ...``) and for
    Python floats (``_scalar_where, min, max``), so that one scenario avoids numpy's
    per-call overhead.  Returns ``(t_opt, total mass per watt of load)``.
    """
    inv = 1.0 / (f * tc)  # pump power per watt of load, per kelvin of lift
    r = rho / c
    ts4 = (ts * ts) * (ts * ts)

    def mass(t):  # radiator + power-system mass per watt of load
        # t >= ts + 1e-6 (hi - ts), so t^4 - ts^4 keeps >= 9 significant digits here
        x = (t - tc) * inv
        t2 = t * t
        return r * (1.0 + x) / (t2 * t2 - ts4) + k * x

    hi = tc + max_lift
    lo = maximum(tc, ts + 1e-6 * (hi - ts))  # the loop itself, or just above the sink
    step = (hi - lo) / (_GRID - 1)
    m_lo = mass(lo)
    m_hi = mass(hi)
    best_m = m_lo
    best_j = 0.0 * lo
    for j in range(1, _GRID - 1):
        m = mass(lo + j * step)
        better = m < best_m
        best_m = where(better, m, best_m)
        best_j = where(better, float(j), best_j)
    better = m_hi < best_m
    best_m = where(better, m_hi, best_m)
    best_j = where(better, float(_GRID - 1), best_j)
    # golden-section search inside the cells either side of the best grid point
    a = lo + maximum(best_j - 1.0, 0.0) * step
    b = lo + minimum(best_j + 1.0, _GRID - 1.0) * step
    x1 = b - _INV_PHI * (b - a)
    x2 = a + _INV_PHI * (b - a)
    m1 = mass(x1)
    m2 = mass(x2)
    for _ in range(_GOLDEN_ITER):
        left = m1 < m2  # minimum in [a, x2] (else in [x1, b])
        a = where(left, a, x1)
        b = where(left, x2, b)
        x_new = where(left, b - _INV_PHI * (b - a), a + _INV_PHI * (b - a))
        m_new = mass(x_new)
        x1, m1, x2, m2 = (
            where(left, x_new, x2),
            where(left, m_new, m2),
            where(left, x1, x_new),
            where(left, m1, m_new),
        )
    left = m1 < m2
    t_opt = where(left, x1, x2)
    m_opt = minimum(m1, m2)
    # the grid's best point and the interval ends compete too ("no pump" returned exactly)
    t_opt = where(best_m < m_opt, lo + best_j * step, t_opt)
    m_opt = minimum(best_m, m_opt)
    t_opt = where(m_lo <= m_opt, lo, t_opt)
    m_opt = minimum(m_lo, m_opt)
    return t_opt, m_opt


def optimum(q, tc, ts, c, rho, k, f, max_lift):
    """Mass-optimal radiator temperature above a loop at ``tc`` [K] over a sink at ``ts`` [K].

    ``c`` = n eps sigma eta [W/m^2/K^4], ``rho`` [kg/m^2], ``k`` [kg/W], ``f`` the fraction of
    Carnot, ``max_lift`` [K]; arrays broadcast. Returns ``(radiator_temperature, lift, power,
    heat_rejected, area, radiator_mass, power_mass, total_mass)``
    (:func:`orbitdc.physics.thermal.optimal_radiator_temperature`).
    """
    vals = (tc, ts, c, rho, k, f, max_lift)
    if all(np.ndim(v) == 0 for v in vals):
        t_opt, _ = _optimum_core(*(float(v) for v in vals), _scalar_where, min, max)
    else:
        arrs = [
            np.ascontiguousarray(a).ravel() for a in np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in vals))
        ]
        shape = np.broadcast_shapes(*(np.shape(v) for v in vals))
        t_opt = np.empty(arrs[0].size)
        # cache-sized blocks: the ~40 passes of the search then run from cache, not memory
        for i in range(0, t_opt.size, _BLOCK):
            blk = slice(i, i + _BLOCK)
            t_opt[blk] = _optimum_core(*(a[blk] for a in arrs), np.where, np.minimum, np.maximum)[0]
        t_opt = t_opt.reshape(shape)
        tc, ts, c, rho, k, f = (a.reshape(shape) for a in arrs[:6])
    w = q * (t_opt - tc) / (f * tc)
    q_rej = q + w
    area = q_rej / (c * fourth_power_difference(t_opt, ts))
    m_rad = rho * area
    m_pow = k * w
    return t_opt, t_opt - tc, w, q_rej, area, m_rad, m_pow, m_rad + m_pow


SIZING_PROBLEMS = ("stack_drops", "max_lift", "sink")
"""Derived conditions under which :func:`sizing` has no solution, in the order it tests them:
the stack drops leave no positive loop temperature; the largest heat-pump lift leaves the
radiator at or below its sink; the radiator (without a pump or with a fixed lift) is at or
below its sink."""


def _all(mask):
    return bool(mask) if mask.__class__ in (bool, np.bool_) else bool(np.all(mask))


def sizing(
    q,
    h,
    beta,
    ecl,
    tj,
    eps,
    alpha,
    sides,
    eta,
    rho,
    tilt,
    inc,
    s,
    albedo,
    e_ir,
    drops,
    case,
    heat_pump,
    lift,
    fc,
    k,
    ml,
    problem,
):
    """Size a radiator for the heat load ``q`` [W] (:func:`orbitdc.physics.thermal.thermal_sizing`).

    Orbit ``h`` [m], ``beta`` [rad], eclipse fraction ``ecl``; junction limit ``tj`` [K] less
    the summed stack ``drops`` [K] gives the loop temperature; surface ``eps``, ``alpha``,
    ``sides``, fin efficiency ``eta``, areal density ``rho`` [kg/m^2]; orientation ``tilt``,
    ``inc`` [rad]; environment ``s``, ``e_ir`` [W/m^2], ``albedo``; ``case`` as in
    :func:`environment`; ``heat_pump`` one of ``"none"``, ``"optimal"`` (search up to ``ml``
    [K] with ``k`` [kg/W]) or ``"fixed"`` (lift ``lift`` [K]); ``fc`` the fraction of Carnot.

    ``problem(name, ok, t_rad, ts)`` is called when a derived condition fails, ``name`` one
    of :data:`SIZING_PROBLEMS`, ``ok`` the mask of feasible elements, ``t_rad`` and ``ts``
    the radiator and sink temperatures where known (else None).  It is expected to raise;
    if it returns, the sizing carries on and the failing elements' values are meaningless.

    Returns ``(view_factor, view_factor_back, solar, albedo, earth_ir, total, sink, loop,
    radiator_temperature, pump_power, heat_rejected, area, mass, environmental_load)``,
    broadcast to one shape.
    """
    tc = tj - drops
    ok = tc > 0
    if not _all(ok):
        problem("stack_drops", ok, None, None)
        tc = np.asarray(tc, dtype=float)
    env = environment(h, tilt, beta, ecl, alpha, eps, sides, inc, s, albedo, e_ir, case, R_EARTH)
    ts = sink(env[3], eps, sides)
    c = sides * eps * SIGMA_SB * eta
    if heat_pump == "optimal":
        ok = tc + ml > ts * (1.0 + 1e-6)
        if not _all(ok):
            problem("max_lift", ok, None, ts)
        t_rad, _, w, q_rej, area = optimum(q, tc, ts, c, rho, k, fc, ml)[:5]
    else:
        if heat_pump == "fixed":
            t_rad = tc + lift
            w = q * lift / (fc * tc)
        else:
            t_rad = tc
            w = 0.0 if q.__class__ is float else np.zeros(np.shape(q))
        ok = t_rad > ts
        if not _all(ok):
            problem("sink", ok, t_rad, ts)
            t_rad = np.asarray(t_rad, dtype=float)
        q_rej = q + w
        area = q_rej / (c * fourth_power_difference(t_rad, ts))
    values = (env[4], env[5], env[0], env[1], env[2], env[3], ts, tc, t_rad, w, q_rej, area, rho * area, area * env[3])
    if all(x.__class__ is float for x in (area, env[3], tc, w, rho)):
        return values  # one scenario: every value a float
    shape = np.broadcast_shapes(*(np.shape(x) for x in (area, env[3], tc, w, rho)))
    if shape:  # a value already of the rows' shape is passed on (broadcast_to costs ~10 us a call)
        values = tuple(
            x if x.__class__ is np.ndarray and x.shape == shape else np.broadcast_to(x, shape) for x in values
        )
    return values
