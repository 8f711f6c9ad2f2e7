"""The batched output writer :func:`orbitdc.schema.store_outputs` stores what
``out[k] = as_output(v)`` stores, key by key and in the same order.

Exact comparisons (no tolerance): the writer only chooses between storing a value as it is
and converting it with :func:`orbitdc.schema.as_output`; no arithmetic is involved.
"""

from __future__ import annotations

import numpy as np

from orbitdc.schema import as_output, store_outputs


def _one_by_one(out, values):
    for k, v in values.items():
        out[k] = as_output(v)


def _same(a, b):
    """Same type, same shape and dtype for arrays, same bits (repr tells -0.0 from 0.0)."""
    if a.__class__ is not b.__class__:
        return False
    if a.__class__ is np.ndarray:
        return (
            a.dtype == b.dtype
            and a.shape == b.shape
            and a.flags.writeable == b.flags.writeable
            and np.array_equal(a, b, equal_nan=True)
        )
    return repr(a) == repr(b)


def test_python_floats_are_stored_as_the_same_objects_in_order():
    values = {"s.b": 2.5, "s.a": -0.0, "s.c": float("nan"), "s.d": 1e308 * 10}
    out = {"earlier.x": 1.0, "s.a": 7.0}  # an existing key keeps its place, as with out[k] = v
    want = dict(out)
    _one_by_one(want, values)
    store_outputs(out, values)
    assert list(out) == list(want)
    assert all(out[k] is values[k] for k in values)
    assert repr(out["s.a"]) == "-0.0"


def test_mixed_values_go_through_as_output():
    view = np.broadcast_to(np.array(3.0), (4,))  # a read-only broadcast stays that view
    values = {
        "s.float": 1.5,
        "s.bool": True,
        "s.npbool": np.bool_(False),
        "s.int": 3,
        "s.f64": np.float64(0.1),
        "s.zero_d": np.array(2.0),
        "s.ints": np.arange(3),
        "s.rows": np.linspace(0.0, 1.0, 5),
        "s.view": view,
    }
    want: dict = {}
    _one_by_one(want, values)
    out: dict = {}
    store_outputs(out, values)
    assert list(out) == list(want)
    bad = [k for k in want if not _same(out[k], want[k])]
    assert not bad, bad
    assert out["s.bool"].__class__ is float and out["s.f64"].__class__ is float
    assert out["s.rows"] is values["s.rows"] and out["s.view"] is view
    assert out["s.ints"].dtype == np.float64
