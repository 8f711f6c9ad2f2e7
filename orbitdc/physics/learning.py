"""Learning curves, technology trends and production ramps over calendar years.

Unit-free kernels (SI floats or numpy arrays that broadcast together, no pint, no I/O) that
move a price or a performance from the year a scenario describes (its *base year*) to a
later year:

* :func:`wright_factor` -- Wright's law: the unit cost falls by the learning rate with every
  doubling of cumulative volume;
* :func:`cumulative_volume_ratio` and :func:`production_ratio` -- a production (or
  deployment) ramp: annual volume growing at a constant rate up to a ceiling, and the
  cumulative volume it gives, relative to the base year;
* :func:`trend_factor` -- a compound annual trend (performance per dollar, electricity price);
* :func:`linear_trend` -- an additive trend with a floor (interconnection wait, WACC);
* :func:`switch` -- a technology that replaces another from a given year on.

Every function is exactly the identity at the base year (elapsed time 0): the factors are
``1.0`` and the values are returned unchanged, so a trajectory evaluated in its base year
reproduces the single-year pipeline bit for bit.

References
----------
.. [1] T. P. Wright, "Factors affecting the cost of airplanes", Journal of the Aeronautical
   Sciences 3(4), 122-128, 1936.
.. [2] J. D. Farmer, F. Lafond, "How predictable is technological progress?", Research
   Policy 45(3), 647-665, 2016.
.. [3] B. Nagy, J. D. Farmer, Q. M. Bui, J. E. Trancik, "Statistical basis for predicting
   technological progress", PLoS ONE 8(2), e52669, 2013 (Wright's law with exponentially
   growing production is Moore's law with rate b x growth).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import _checks as ck

__all__ = [
    "wright_exponent",
    "wright_factor",
    "production_ratio",
    "cumulative_volume_ratio",
    "elapsed_for_volume_ratio",
    "trend_factor",
    "linear_trend",
    "switch",
]

_LR = "a learning rate is the fractional cost drop per doubling of volume, in [0, 1)"


def wright_exponent(learning_rate: Any) -> Any:
    """Exponent ``b`` of Wright's law ``C = C0 (V / V0)^b`` for a learning rate.

    Parameters
    ----------
    learning_rate : float or array
        Fractional cost reduction per doubling of cumulative volume [-], in [0, 1).

    Returns
    -------
    float or array
        ``b = log2(1 - learning_rate)`` [-] (0 for no learning, negative otherwise).

    Notes
    -----
    .. math:: b = \\log_2 (1 - LR)

    References
    ----------
    T. P. Wright, J. Aeronautical Sciences 3(4), 122-128, 1936.
    """
    lr = ck.as_float(learning_rate)
    if not ck.all_true((lr >= 0.0) & (lr < 1.0)):
        ck.check((lr >= 0.0) & (lr < 1.0), "learning_rate", learning_rate, "[0, 1)", _LR)
    return ck.out(np.log2(1.0 - lr))


def wright_factor(volume_ratio: Any, learning_rate: Any) -> Any:
    """Cost multiplier of Wright's law for a ratio of cumulative volumes.

    Parameters
    ----------
    volume_ratio : float or array
        Cumulative volume at the later time over cumulative volume at the base time [-], > 0.
    learning_rate : float or array
        Fractional cost reduction per doubling of cumulative volume [-], in [0, 1).

    Returns
    -------
    float or array
        ``C / C0`` [-]: exactly ``(1 - LR)^k`` when ``volume_ratio = 2^k``, exactly 1 when the
        ratio is 1.

    Notes
    -----
    .. math:: \\frac{C}{C_0} = \\left(\\frac{V}{V_0}\\right)^{\\log_2(1 - LR)}

    References
    ----------
    T. P. Wright, J. Aeronautical Sciences 3(4), 122-128, 1936.
    """
    r = ck.positive("volume_ratio", volume_ratio, "a cumulative volume ratio is positive")
    b = wright_exponent(learning_rate)
    return ck.out(np.power(r, b))


def _ramp(dt: Any, growth: Any, cap: Any) -> tuple:
    dt = ck.nonneg("elapsed", dt, "years are counted forward from the base year")
    g = ck.as_float(growth)
    if not ck.all_true(g > -1.0):
        ck.check(g > -1.0, "growth", growth, "> -1 per year", "annual volume cannot fall by 100 % or more")
    m = ck.as_float(cap)
    if not ck.all_true(m >= 1.0):
        ck.check(m >= 1.0, "cap", cap, ">= 1", "the ceiling is a multiple of today's annual volume, at least 1")
    return dt, np.log1p(g), m


def production_ratio(elapsed: Any, growth: Any, cap: Any = np.inf) -> Any:
    """Annual production after ``elapsed`` years over annual production in the base year.

    Parameters
    ----------
    elapsed : float or array
        Years since the base year [yr], >= 0.
    growth : float or array
        Annual growth rate of production [1/yr as a fraction, e.g. 0.3], > -1.
    cap : float or array
        Ceiling on annual production as a multiple of the base year's [-], >= 1 (inf: none).

    Returns
    -------
    float or array
        ``min((1 + g)^t, cap)`` for growth >= 0; ``(1 + g)^t`` for a decline (the ceiling
        only limits growth).

    Notes
    -----
    .. math:: \\frac{P(t)}{P_0} = \\min\\left(e^{k t}, M\\right), \\quad k = \\ln(1 + g)
    """
    dt, k, m = _ramp(elapsed, growth, cap)
    grow = np.exp(k * dt)
    return ck.out(np.where(k > 0.0, np.minimum(grow, m), grow))


def cumulative_volume_ratio(elapsed: Any, growth: Any, experience: Any, cap: Any = np.inf) -> Any:
    """Cumulative volume after ``elapsed`` years over cumulative volume in the base year.

    Production grows continuously at ``k = ln(1 + growth)`` per year until it reaches
    ``cap`` times the base year's, then stays there.  The cumulative volume of the base
    year is expressed as ``experience`` years of base-year production (for production that
    has always grown at ``g``, ``experience = 1 / ln(1 + g)``).

    Parameters
    ----------
    elapsed : float or array
        Years since the base year [yr], >= 0.
    growth : float or array
        Annual growth rate of production [fraction per yr], > -1.
    experience : float or array
        Cumulative volume at the base year divided by the base year's annual volume [yr], > 0.
    cap : float or array
        Ceiling on annual production as a multiple of the base year's [-], >= 1.

    Returns
    -------
    float or array
        ``V(t) / V0`` [-] >= 1, exactly 1 at ``elapsed = 0``.

    Notes
    -----
    With ``t* = ln(M) / k`` the time the ceiling is reached (infinite for ``k <= 0``):

    .. math::
        \\frac{V(t)}{V_0} = 1 + \\frac{1}{\\tau}
        \\begin{cases} \\dfrac{e^{k t} - 1}{k} & t \\le t^* \\\\
        \\dfrac{M - 1}{k} + M (t - t^*) & t > t^* \\end{cases}

    and ``(e^{kt} - 1)/k -> t`` as ``k -> 0`` (computed with ``expm1`` to keep precision).

    References
    ----------
    B. Nagy et al., PLoS ONE 8(2), e52669, 2013 (exponential production and Wright's law).
    """
    dt, k, m = _ramp(elapsed, growth, cap)
    tau = ck.positive("experience", experience, "the base year's cumulative volume is positive")
    small = np.abs(k) < 1e-12
    ks = np.where(small, 1.0, k)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t_star = np.where(k > 0.0, np.log(m) / ks, np.inf)
        t1 = np.minimum(dt, t_star)
        ramp = np.where(small, t1, np.expm1(k * t1) / ks)
        flat = np.where(dt > t_star, m * (dt - np.where(np.isfinite(t_star), t_star, 0.0)), 0.0)
    return ck.out(1.0 + (ramp + flat) / tau)


def elapsed_for_volume_ratio(ratio: Any, growth: Any, experience: Any, cap: Any = np.inf) -> Any:
    """Years until the cumulative volume reaches ``ratio`` times the base year's.

    The inverse of :func:`cumulative_volume_ratio` in closed form.

    Parameters
    ----------
    ratio : float or array
        Target ``V(t) / V0`` [-], >= 1.
    growth, experience, cap
        As :func:`cumulative_volume_ratio`.

    Returns
    -------
    float or array
        Elapsed years [yr]; ``inf`` where a declining production never gets there.

    Notes
    -----
    With ``A = (ratio - 1) tau`` and ``k = ln(1 + g)``:
    ``t = ln(1 + k A) / k`` while ``A <= (M - 1) / k`` (``t = A`` for ``k = 0``), else
    ``t = t* + (A - (M - 1) / k) / M`` after the ceiling.
    """
    r = ck.as_float(ratio)
    if not ck.all_true(r >= 1.0):
        ck.check(r >= 1.0, "ratio", ratio, ">= 1", "cumulative volume only grows")
    _, k, m = _ramp(0.0, growth, cap)
    tau = ck.positive("experience", experience, "the base year's cumulative volume is positive")
    a = (r - 1.0) * tau
    small = np.abs(k) < 1e-12
    ks = np.where(small, 1.0, k)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        a_cap = np.where(k > 0.0, (m - 1.0) / ks, np.inf)
        arg = 1.0 + k * np.minimum(a, a_cap)
        t_ramp = np.where(
            small, np.minimum(a, a_cap), np.where(arg > 0.0, np.log(np.where(arg > 0.0, arg, 1.0)) / ks, np.inf)
        )
        t_star = np.where(k > 0.0, np.log(m) / ks, np.inf)
        t = np.where(a > a_cap, t_star + (a - a_cap) / m, t_ramp)
    return ck.out(t)


def trend_factor(elapsed: Any, rate: Any) -> Any:
    """Multiplier of a compound annual trend after ``elapsed`` years.

    Parameters
    ----------
    elapsed : float or array
        Years since the base year [yr] (negative: before it).
    rate : float or array
        Annual rate [fraction per yr], > -1 (0.3 = +30 %/yr, -0.02 = -2 %/yr).

    Returns
    -------
    float or array
        ``(1 + rate)^elapsed`` [-], exactly 1 at ``elapsed = 0`` or ``rate = 0``.

    Notes
    -----
    .. math:: f(t) = (1 + r)^t

    References
    ----------
    J. D. Farmer, F. Lafond, Research Policy 45(3), 647-665, 2016 (Moore's-law form).
    """
    r = ck.as_float(rate)
    if not ck.all_true(r > -1.0):
        ck.check(r > -1.0, "rate", rate, "> -1 per year", "a quantity cannot fall by 100 % or more in a year")
    t = ck.finite("elapsed", elapsed)
    return ck.out(np.power(1.0 + r, t))


def linear_trend(value: Any, elapsed: Any, slope: Any, floor: Any = -np.inf) -> Any:
    """A value changing by ``slope`` per year, not below ``floor``.

    Parameters
    ----------
    value : float or array
        Value in the base year [any unit].
    elapsed : float or array
        Years since the base year [yr].
    slope : float or array
        Change per year [unit of value per yr].
    floor : float or array
        Lowest value the trend may reach [unit of value] (e.g. 0 for a waiting time).

    Returns
    -------
    float or array
        ``max(value + slope x elapsed, floor)``; ``value`` itself where ``elapsed x slope``
        is 0 (the floor never moves a base-year value).
    """
    v = ck.as_float(value)
    inc = ck.as_float(slope) * ck.as_float(elapsed)
    return ck.out(np.where(inc == 0.0, v, np.maximum(v + inc, floor)))


def switch(old: Any, new: Any, year: Any, switch_year: Any, enabled: Any = True) -> Any:
    """A technology that replaces another from ``switch_year`` on.

    Parameters
    ----------
    old, new : float or array
        The value before and from the switch [any unit].
    year, switch_year : float or array
        The calendar year evaluated and the first year the new technology flies [yr].
    enabled : bool or array
        Whether the switch happens at all.

    Returns
    -------
    float or array
        ``new`` where ``enabled and year >= switch_year``, else ``old``; ``old`` itself
        (unchanged, not broadcast) where no element switches.
    """
    if not np.any(enabled):
        return old
    on = np.logical_and(enabled, ck.as_float(year) >= ck.as_float(switch_year))
    if not np.any(on):
        return old
    return ck.out(np.where(on, new, old))
