"""The Python-float paths of :mod:`orbitdc.kernels.compute` give what its general path gives.

One scenario reaches the kernels as Python floats; several kernels test that once and then
write ``np.where`` / ``np.maximum`` / ``np.minimum`` as plain conditionals.  A numpy float64
input takes the general path (the scalar-aware wrappers ``where``, ``maximum``, ``expm1``
..., which call the same ``math`` functions), so the two must agree exactly, bit for bit
(``repr`` tells -0.0 from 0.0; NaN must meet NaN), on a grid that includes zeros, signed
zeros, tiny and huge values, infinities and NaN.  Exact comparison, no tolerance.

``floor`` and ``ceil`` give ``float(math.floor(x))`` on a finite float (so -0.0 and
ceil(-0.5) give +0.0, where numpy keeps the sign of zero) and numpy's answer on NaN and
infinities.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from orbitdc.kernels import compute as kc

GRID = (0.0, -0.0, 5e-324, 1e-7, 0.5, 1.0, 1.5, 3.0, 800.0, 1e300, np.inf, -np.inf, np.nan, -0.5, -2.0)


def _bits(v):
    return repr(float(v))


def _call(f, args):
    """The result's bits; None when plain float arithmetic leaves the reals (raises where numpy
    warns, or a negative base to a fractional power gives a complex): not a path of the stages."""
    try:
        with np.errstate(all="ignore"):
            v = f(*args)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    return None if isinstance(v, complex) else _bits(v)


def _agree(f, n_args, grid=GRID, general=None):
    """Every point of the grid, all Python floats against the arguments at ``general``
    (default: all) as numpy float64."""
    general = range(n_args) if general is None else general
    compared = 0
    for args in itertools.product(grid, repeat=n_args):
        fast = _call(f, args)
        slow = _call(f, tuple(np.float64(a) if i in general else a for i, a in enumerate(args)))
        if fast is None:
            continue
        compared += 1
        assert fast == slow, (f.__name__, args, fast, slow)
    assert compared > len(grid) ** n_args // 2  # most of the grid is compared
    return compared


@pytest.mark.parametrize("name", ["floor", "ceil"])
def test_floor_ceil(name):
    f, m, ref = getattr(kc, name), getattr(math, name), getattr(np, name)
    for x in GRID + (2.5, -2.5, 4503599627370495.5, 1e-300, -1e-300):
        got = f(x)
        if np.isfinite(x):
            assert got.__class__ is float and _bits(got) == _bits(float(m(x))), (name, x)
            assert got == ref(x)  # numpy's value (up to the sign of a zero)
        else:  # math raises: numpy's float64
            assert got.__class__ is np.float64 and _bits(got) == _bits(ref(x)), (name, x)
        assert _bits(f(np.float64(x))) == _bits(got)  # a numpy float takes the same path
    arr = np.array([-2.5, -0.5, 0.5, np.nan])
    assert np.array_equal(f(arr), ref(arr), equal_nan=True)


def test_decode_step():
    # the overlap stays a Python float on both sides: at overlap 1 the kernel returns the
    # larger time alone (not max + 0 x min, which is NaN for an infinite min)
    _agree(kc.decode_step, 3, general=(0, 1))
    _agree(kc.decode_step, 3, general=(0, 1, 2), grid=(0.0, 0.5, 1.0, 3.0, 1e300, np.nan, -2.0))


def test_retry_efficiency():
    _agree(kc.retry_efficiency, 3)


def test_mean_active_fraction():
    _agree(kc.mean_active_fraction, 2)


def test_spare_time():
    _agree(kc.spare_time, 2)


def test_replica_chips():
    grid = (0.0, 1.0, 3.0, 1e12, np.inf, np.nan)
    _agree(lambda total, b, memory: kc.replica_chips(total, 16.0, memory, b, 1000.0, 8.0, 0.9), 3, grid)


def test_parameters_read():
    grid = (0.0, 0.25, 1.0, 2.0, 7e10, np.inf, np.nan)
    _agree(kc.parameters_read, 4, grid)


def test_prefill_time():
    grid = (0.0, 1.0, 512.0, 7e10, np.inf, np.nan)

    def f(active, b, prompt, overlap_free_n):
        return kc.prefill_time(active, 16.0, 3.35e12, 1e15, b, prompt, 7e10, 1.0, 0.8, 0.6, overlap_free_n)

    _agree(f, 4, grid)
