r"""Kernels of the compute payload: serving roofline, payload sizing, degradation over life.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.compute`. Information is in bits, time in s,
rates in 1/s, power in W.
"""

from __future__ import annotations

import math

import numpy as np

_F64 = np.float64
_FLOATS = frozenset((float, _F64))  # a constant set: a membership test without building a tuple per call
_BOOLS = frozenset((bool, np.bool_))

__all__ = [
    "parameters_read",
    "decode_times",
    "prefill_time",
    "decode_step",
    "serving",
    "replica_chips",
    "chips_for_power",
    "retry_efficiency",
    "spare_time",
    "active_fraction",
    "mean_active_fraction",
]


# Scalar fast paths: a single scenario arrives as Python floats, on which numpy's ufuncs cost
# ~1 us a call against ~30 ns for plain arithmetic.  These helpers return exactly what the numpy
# function returns (same value, same NaN propagation) and fall back to it for arrays.


def where(cond, a, b):
    """``np.where(cond, a, b)``; plain selection when ``cond`` is a scalar bool and ``a``, ``b`` scalar floats."""
    if cond.__class__ is bool and a.__class__ is float and b.__class__ is float:  # the scalar path
        return a if cond else b
    if cond.__class__ in _BOOLS and a.__class__ in _FLOATS and b.__class__ in _FLOATS:
        return a if cond else b
    return np.where(cond, a, b)


def maximum(a, b):
    """``np.maximum(a, b)`` (NaN propagates), plain comparison on scalar floats."""
    if (a.__class__ is float or a.__class__ in _FLOATS) and (b.__class__ is float or b.__class__ in _FLOATS):
        return a if (a >= b or a != a) else b
    return np.maximum(a, b)


def minimum(a, b):
    """``np.minimum(a, b)`` (NaN propagates), plain comparison on scalar floats."""
    if (a.__class__ is float or a.__class__ in _FLOATS) and (b.__class__ is float or b.__class__ in _FLOATS):
        return a if (a <= b or a != a) else b
    return np.minimum(a, b)


def every(cond) -> bool:
    """``bool(np.all(cond))``, without numpy for a Python bool."""
    return bool(cond) if cond.__class__ in _BOOLS else bool(np.all(cond))


def clip(x, lo, hi):
    """``np.clip(x, lo, hi)`` (NaN propagates), plain comparisons on scalar floats."""
    if x.__class__ in _FLOATS and lo.__class__ in _FLOATS and hi.__class__ in _FLOATS:
        return minimum(maximum(x, lo), hi)
    return np.clip(x, lo, hi)


def asfloat(x):
    """``np.asarray(x, dtype=float)``, but a Python float (or numpy float) stays a Python float."""
    c = x.__class__
    if c is float:
        return x
    if c is _F64:
        return float(x)
    return np.asarray(x, dtype=float)


def _unary(name, mfunc, nfunc):
    """A scalar-aware ``np.<name>``: ``math`` on a Python or numpy float, numpy otherwise.

    Where ``math`` refuses a value (domain error, overflow) the numpy function answers it,
    so the result (NaN, inf) and the floating-point warning are numpy's.  ``math`` and numpy
    may round a transcendental function differently in the last bit.
    """

    def f(x):
        if x.__class__ is float or x.__class__ is _F64:
            try:
                return mfunc(x)
            except (ValueError, OverflowError):
                pass
        return nfunc(x)

    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"``np.{name}(x)``; ``math`` on a scalar float (numpy where ``math`` raises)."
    return f


def _float_floor(x: float) -> float:
    return float(math.floor(x))  # math.floor gives an int


def _float_ceil(x: float) -> float:
    return float(math.ceil(x))


sqrt = _unary("sqrt", math.sqrt, np.sqrt)
cbrt = _unary("cbrt", math.cbrt, np.cbrt)
exp = _unary("exp", math.exp, np.exp)
exp2 = _unary("exp2", math.exp2, np.exp2)
expm1 = _unary("expm1", math.expm1, np.expm1)
log = _unary("log", math.log, np.log)
log1p = _unary("log1p", math.log1p, np.log1p)
log2 = _unary("log2", math.log2, np.log2)
log10 = _unary("log10", math.log10, np.log10)
cos = _unary("cos", math.cos, np.cos)
sin = _unary("sin", math.sin, np.sin)
arcsin = _unary("arcsin", math.asin, np.arcsin)
arccos = _unary("arccos", math.acos, np.arccos)
floor = _unary("floor", _float_floor, np.floor)
ceil = _unary("ceil", _float_ceil, np.ceil)


class _Unchanged:
    """A context that leaves numpy's floating-point error handling as it is."""

    __slots__ = ()

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


_UNCHANGED = _Unchanged()


def errstate(*xs, **kw):
    """``np.errstate(**kw)`` around array arithmetic; nothing when every ``xs`` is a Python float.

    For a block whose scalar arithmetic is plain float arithmetic that cannot warn (Python
    floats overflow to inf silently and raise ZeroDivisionError instead of warning), where
    entering ``np.errstate`` would cost more than the block itself.
    """
    for x in xs:
        if x.__class__ is not float:
            return np.errstate(**kw)
    return _UNCHANGED


def is_scalar(x) -> bool:
    """True for a Python or numpy float, or any 0-d value."""
    c = x.__class__
    return c is float or c is _F64 or np.ndim(x) == 0


def parameters_read(active, total, r, tokens):
    """Parameters read to serve ``tokens`` tokens of a mixture of experts [-].

    ``total - (total - active) (1 - r)^(tokens - 1)`` with ``r`` the expert fraction; the
    total itself when every parameter is active (exactly, without forming the power).
    """
    if active.__class__ is float and total.__class__ is float and r.__class__ is float and tokens.__class__ is float:
        # one scenario: the tests below on Python floats (float(total) is total itself)
        if total == active and 0.0 <= r <= 1.0 and (r < 1.0 or tokens >= 1.0):
            return total
        return total - (total - active) * (1.0 - r) ** (tokens - 1.0)
    if (
        is_scalar(active)
        and is_scalar(total)
        and total == active
        and is_scalar(r)
        and 0.0 <= r <= 1.0
        and (r < 1.0 or (tokens >= 1.0 if is_scalar(tokens) else np.min(tokens) >= 1.0))
    ):
        # every parameter is active: total - 0 x (1 - r)^(tokens - 1) = total exactly (the power is
        # finite); a Python float, so the scalar path's arithmetic downstream stays plain floats
        t = float(total)
        return t if is_scalar(tokens) else np.full(np.shape(tokens), t)
    return total - (total - active) * (1.0 - r) ** (tokens - 1.0)


def decode_times(active, s_w, bw, flops, b, ctx, kv, total, r, eb, ec, n):
    """(memory time, compute time) [s] of one decode step of ``b`` sequences at context ``ctx``."""
    t_mem = (parameters_read(active, total, r, b) * s_w + b * ctx * kv) / (n * bw * eb)
    t_cmp = 2.0 * b * active / (n * flops * ec)
    return t_mem, t_cmp


def prefill_time(active, s_w, bw, flops, b, prompt, total, r, eb, ec, n):
    """Prefill time [s] of ``b`` prompts of ``prompt`` tokens: the larger of weight reads and arithmetic."""
    tokens = b * prompt
    t_mem = parameters_read(active, total, r, maximum(tokens, 1.0)) * s_w / (n * bw * eb)
    t_cmp = 2.0 * tokens * active / (n * flops * ec)
    if tokens.__class__ is float and t_mem.__class__ is float and t_cmp.__class__ is float:
        if not tokens > 0:
            return 0.0
        return t_mem if (t_mem >= t_cmp or t_mem != t_mem) else t_cmp  # np.maximum (NaN propagates)
    return where(tokens > 0, maximum(t_mem, t_cmp), 0.0)


def decode_step(t_mem, t_cmp, overlap):
    """Decode step time [s] when ``overlap`` of the shorter phase hides behind the longer one.

    ``max(t_mem, t_cmp) + (1 - overlap) min(t_mem, t_cmp)``: the ideal roofline at 1, the
    phases in series at 0.
    """
    if t_mem.__class__ is float and t_cmp.__class__ is float and overlap.__class__ is float:
        # one scenario: np.maximum / np.minimum written out (NaN propagates)
        hi = t_mem if (t_mem >= t_cmp or t_mem != t_mem) else t_cmp
        if overlap == 1.0:
            return hi
        return hi + (1.0 - overlap) * (t_mem if (t_mem <= t_cmp or t_mem != t_mem) else t_cmp)
    if overlap.__class__ is float and overlap == 1.0:
        return maximum(t_mem, t_cmp)
    return maximum(t_mem, t_cmp) + (1.0 - overlap) * minimum(t_mem, t_cmp)


def serving(active, s_w, bw, flops, b, prompt, output, kv, total, r, eb, ec, n, overlap=1.0):
    """One batch cycle, prefill then ``output`` decode steps at the mean context.

    Returns (output tokens/s per chip, prompt tokens/s per chip, requests/s per chip,
    decode step [s], prefill [s], request [s], compute bound [bool]).
    """
    ctx = prompt + (output - 1.0) / 2.0
    t_mem, t_cmp = decode_times(active, s_w, bw, flops, b, ctx, kv, total, r, eb, ec, n)
    t_dec = decode_step(t_mem, t_cmp, overlap)
    t_pre = prefill_time(active, s_w, bw, flops, b, prompt, total, r, eb, ec, n)
    t_req = t_pre + output * t_dec
    req = b / (n * t_req)
    return req * output, req * prompt, req, t_dec, t_pre, t_req, t_cmp > t_mem * (1 + 1e-12)


def replica_chips(total, s_w, memory, b, ctx, kv, usable):
    """Fewest chips whose usable memory holds the weights and ``b`` caches of ``ctx`` tokens [-]."""
    need = total * s_w + b * ctx * kv
    n = ceil(need / (usable * memory) - 1e-9)
    if n.__class__ is float:
        return n if (n >= 1.0 or n != n) else 1.0  # np.maximum(n, 1.0)
    return maximum(n, 1.0)


def chips_for_power(it_power, chip_power, overhead, whole=True):
    """Accelerators an IT power runs, each drawing ``chip_power (1 + overhead)`` [-]."""
    n = it_power / (chip_power * (1.0 + overhead))
    return floor(n * (1.0 + 1e-12)) if whole else n  # 1e-12: forgive round-off at exact multiples


def retry_efficiency(lam, tau, rec):
    """Useful share of time with upsets at rate ``lam`` [1/s], tasks of ``tau`` [s], recovery ``rec`` [s].

    ``x / (e^x - 1) e^(-lam rec)`` with ``x = lam tau`` (1 without upsets).
    """
    x = lam * tau
    if x.__class__ is float and lam.__class__ is float and rec.__class__ is float:
        # one scenario: the wheres below as a conditional (expm1 and exp keep numpy's answer
        # where math overflows)
        return (x / expm1(x) if x > 0 else 1.0) * exp(-lam * rec)
    upsets = x > 0
    if upsets.__class__ is np.ndarray and upsets.all():  # rows that all have upsets: the wheres select x
        return x / np.expm1(x) * np.exp(-lam * rec)
    safe = where(upsets, x, 1.0)
    return where(upsets, safe / expm1(safe), 1.0) * exp(-lam * rec)


def spare_time(spares, rho):
    """Failure-free time that ``spares`` cold spares buy, in units of the mean life [-].

    ``ln(1 + rho s) / rho`` (``s`` as ``rho`` -> 0), with the series where ``rho s`` is tiny.
    """
    z = rho * spares
    if z.__class__ is float and rho.__class__ is float and spares.__class__ is float and spares > -1.0:
        # one scenario: the wheres below as a conditional (spares > -1: the unselected
        # log1p(spares) the wheres form cannot leave math's domain, so skipping it changes nothing)
        if z > 1e-6:
            return log1p(rho * spares) / rho
        return spares * (1.0 - z / 2.0 + z * z / 3.0)
    big = z > 1e-6
    if big.__class__ is np.ndarray and big.all():
        return np.log1p(rho * spares) / rho  # every row off the series: the wheres select rho
    safe = where(big, rho, 1.0)
    # ln(1 + rho s) / rho, with its series s (1 - z/2 + z^2/3) where rho s is tiny (incl. rho = 0)
    return where(big, log1p(safe * spares) / safe, spares * (1.0 - z / 2.0 + z * z / 3.0))


def active_fraction(x, sig):
    """Share of the accelerators working at time ``x`` (in mean lives) with spare time ``sig``."""
    return np.where(x <= sig, 1.0, np.exp(-(x - sig)))


def mean_active_fraction(u, sig):
    """Mean of :func:`active_fraction` over a life of ``u`` mean lives."""
    if u.__class__ is float and sig.__class__ is float:
        # one scenario: the wheres below as a conditional; -(u - sig) <= 0 where u > sig, in
        # math.expm1's domain (no overflow)
        if not u > sig:
            return 1.0
        val = (sig - math.expm1(-(u - sig))) / u
        return val if (val <= 1.0 or val != val) else 1.0  # np.minimum(val, 1.0)
    late = u > sig
    if late.__class__ is np.ndarray and late.all():
        # every row past its spare time: the wheres select u
        return np.minimum((sig - np.expm1(-(u - sig))) / u, 1.0)
    val = (sig - expm1(-(where(late, u, sig) - sig))) / where(late, u, 1.0)
    # exact value <= 1 (1 - e^-d <= d); min() only removes round-off when u and sigma ~ 1e-300
    return where(late, minimum(val, 1.0), 1.0)
