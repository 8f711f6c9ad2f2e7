"""The scalar fast path of one evaluation agrees with the array path.

One scenario reaches the stages as Python floats, and the kernels then call ``math`` (and
plain float arithmetic) instead of numpy's ufuncs (:mod:`orbitdc.kernels.compute`: ``sqrt``,
``exp``, ``where``, ...); a sweep or a Monte Carlo reaches the same code with arrays and
calls numpy.  Both paths run the same formulas, so every output must agree.

Tolerance: rtol 1e-12 (and atol 1e-300 for exact zeros).  ``math`` (the C library) and
numpy's own SIMD loops may round a transcendental function (cos, exp, log10, ...)
differently in the last bit (a relative 1.1e-16); a chain of some tens of such operations,
and the fixed-point iterations of the launch and power stages, can amplify that to ~1e-14,
still two orders of magnitude inside 1e-12.  Integer outputs (chip and satellite counts
rounded with floor/ceil) must agree exactly, as they do unless a value lies within 1e-12 of
an integer; the check is the same relative tolerance.
"""

from __future__ import annotations

import numpy as np
import pytest

import orbitdc
from orbitdc import presets
from orbitdc.model import evaluate_si

RTOL = 1e-12


def _one_row(p):
    """The SI dict of one scenario with every float turned into a one-row array."""
    return {k: (np.array([v]) if v.__class__ is float else v) for k, v in p.items()}


@pytest.mark.parametrize("name", presets.names())
def test_scalar_path_equals_one_row_array_path(name):
    p = presets.load(name).to_si()
    scalar = evaluate_si(p)
    rows = evaluate_si(_one_row(p))
    assert scalar.keys() == rows.keys()
    for k, v in scalar.items():
        assert v.__class__ is float, f"{name}: {k} is a {type(v).__name__} on the scalar path, not a float"
        w = np.asarray(rows[k], dtype=float)
        assert w.size == 1 or np.all(w == w.flat[0]), k
        np.testing.assert_allclose(v, w.flat[0], rtol=RTOL, atol=1e-300, err_msg=f"{name}: {k}")


def test_readme_headline_figures():
    """README "Quick start": the reference preset dawn-dusk-650 costs 6.513 / 0.693 / 6.002 USD
    per million tokens in orbit / on the ground / in the fleet (4 significant digits)."""
    r = orbitdc.evaluate(presets.load("dawn-dusk-650"))
    got = [r.value(f"cost_per_million_tokens.{k}", "USD") for k in ("orbital", "terrestrial", "fleet")]
    assert [float(f"{x:.4g}") for x in got] == [6.513, 0.693, 6.002]


def _to_si_by_definition(scn):
    """``Scenario.to_si`` as defined: ``float(x) * scale + offset`` field by field (choices and
    switches passed through), the loop the C-level version must reproduce bit for bit."""
    from orbitdc.scenario import _si_layout

    return {k: scn.raw(k) if s is None else float(scn.raw(k)) * s + o for k, s, o in _si_layout()}


def _same_bits(a, b):
    return type(a) is type(b) and (a == b or a != a) and repr(a) == repr(b)


@pytest.mark.parametrize("name", presets.names())
def test_to_si_is_the_field_by_field_conversion(name):
    """Same keys in the same order and the same values, to the bit (repr tells -0.0 from 0.0)."""
    scn = presets.load(name)
    got, want = scn.to_si(), _to_si_by_definition(scn)
    assert list(got) == list(want)
    bad = [k for k in want if not _same_bits(got[k], want[k])]
    assert not bad, f"{name}: {bad[:5]}"


def test_to_si_signed_zero_and_whole_numbers():
    """A negative zero stored in a field reaches the stages as +0.0 (as ``-0.0 * 1.0 + 0.0``);
    a whole-number field stored as an int reaches them as a float."""
    from orbitdc.scenario import _si_layout

    base = orbitdc.Scenario()
    numeric = [k for k, s, _ in _si_layout() if s is not None]
    for k in numeric:
        scn = base.copy()
        scn._v[k] = -0.0  # what Scenario({k: -0.0}) stores where 0 is allowed
        got, want = scn.to_si()[k], _to_si_by_definition(scn)[k]
        assert _same_bits(got, want), (k, got, want)
        assert repr(got) == ("0.0" if want == 0.0 else repr(want))
    assert orbitdc.Scenario({"launch.satellite_count": 7}).to_si()["launch.satellite_count"].__class__ is float


def test_input_reader_is_as_output_of_each_key():
    """:func:`orbitdc.schema.input_reader` equals reading each key with ``as_output`` (or its
    ``convert``): Python floats pass through as the same objects; a numpy scalar, a 0-d array,
    an int or a bool become Python floats; arrays of rows become float arrays.  Exact."""
    from orbitdc.schema import as_output, input_reader

    floats = {"a": 1.5, "b": -0.0, "c": 3e300}
    read = input_reader("c", "a", "b")
    got = read(floats)
    assert got == (3e300, 1.5, -0.0) and all(g is floats[k] for g, k in zip(got, "cab"))
    assert str(got[2]) == "-0.0"  # the sign of zero is kept

    mixed = {"a": 2.0, "b": np.float64(0.1), "c": np.array(7.0), "d": 3, "e": True, "f": np.arange(4)}
    got = input_reader(*mixed)(mixed)
    for g, k in zip(got, mixed):
        ref = as_output(mixed[k])
        assert g.__class__ is ref.__class__
        assert np.array_equal(g, ref)
    assert got[5].dtype == np.float64

    # convert= (the compute stage's float-or-float-array form): applied only off the float path
    conv = input_reader("a", "b", convert=lambda v: v if v.__class__ is float else np.asarray(v, dtype=float))
    a, b = conv(mixed)
    assert a == 2.0 and a.__class__ is float
    assert b.__class__ is np.ndarray and b.ndim == 0 and float(b) == float(np.float64(0.1))
