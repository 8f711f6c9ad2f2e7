"""Hypothesis fuzz suite (issue 12): every input gives a ScenarioError naming what the user
typed, or finite outputs.

The cases come from :mod:`tests.fuzz_harness` (every field in and out of range, boundaries,
tiny and huge values, wrong units, non-scalars, hostile strings; random joint combinations;
TOML round trips and hostile documents; app uploads and URLs; CLI arguments; study
arguments), driven by hypothesis so each run draws new examples (hypothesis' default
varying seed, :data:`RUN_SEED`; a failure prints the case and the seed, and ``FUZZ_SEED=<seed>``
reruns the same examples).
About 2,500 examples per run, well under a minute on one core; ``make fuzz`` runs the long
campaign and prints the counts per outcome class.
"""

from __future__ import annotations

import os
import random

import fuzz_harness as fh  # tests/ is on sys.path (pytest rootdir-relative import)
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

RUN_SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
"""This run's hypothesis seed: new every run; a failure prints it (rerun with FUZZ_SEED=...)."""
NAMES = fh.user_names()
FIELDS = fh._fields()
COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
    "print_blob": True,
    "derandomize": False,
}


def _check(case: tuple) -> None:
    cls, detail = fh.run_with_alarm(case, 30.0, NAMES)
    assert cls in ("clear", "ok"), f"{cls}: {case!r:.400} -> {detail} (rerun with FUZZ_SEED={RUN_SEED})"


def _cases(gen):
    return st.randoms(use_true_random=False).map(lambda r: gen(random.Random(r.getrandbits(64))))


# hypothesis-native strategies for one field's value (they shrink well)
_values = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e-300, max_value=1e-300),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(max_size=40),
    st.sampled_from(fh.HOSTILE_STRINGS),
    st.lists(st.floats(allow_nan=False), max_size=3),
    st.complex_numbers(max_magnitude=1e6),
    st.none(),
    st.booleans(),
)


@seed(RUN_SEED)
@settings(max_examples=700, **COMMON)
@given(field=st.sampled_from(FIELDS), value=_values)
def test_fuzz_any_value_any_field(field, value):
    key, _ = field
    _check(("field", key, value))


def _fuzz_test(name: str, make_case, examples: int):
    """The fuzz test ``name``: ``examples`` cases a run from the harness generator ``make_case``."""

    def test(case):
        _check(case)

    test.__name__ = test.__qualname__ = name
    return seed(RUN_SEED)(settings(max_examples=examples, **COMMON)(given(case=_cases(make_case))(test)))


test_fuzz_field_values = _fuzz_test("test_fuzz_field_values", fh.make_field_case, 900)
test_fuzz_joint_combinations = _fuzz_test("test_fuzz_joint_combinations", fh.make_joint_case, 500)
test_fuzz_toml = _fuzz_test("test_fuzz_toml", fh.make_toml_case, 200)
test_fuzz_app_url = _fuzz_test("test_fuzz_app_url", fh.make_url_case, 100)
test_fuzz_cli = _fuzz_test("test_fuzz_cli", fh.make_cli_case, 80)
test_fuzz_study_arguments = _fuzz_test("test_fuzz_study_arguments", fh.make_study_case, 40)


def test_harness_classifies():
    """The classifier itself: a clear refusal, an ok evaluation, a vague and another error."""
    from orbitdc import ScenarioError

    assert fh.run_case(("field", "orbit.altitude", "9**9**9 km"), NAMES)[0] == "clear"
    assert fh.run_case(("field", "orbit.altitude", 550.0), NAMES)[0] == "ok"
    assert fh._classify_error(ScenarioError("received_power", 0.0, "> 0 W", "x"), NAMES) == "vague"
    assert fh._classify_error(KeyError("x"), NAMES) == "other"
