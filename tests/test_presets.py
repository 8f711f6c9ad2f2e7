"""Every shipped preset loads, validates, evaluates to finite positive costs, and carries
a source comment for every value it sets."""

import tomllib

import numpy as np
import pytest

import orbitdc
from orbitdc import Scenario, presets
from orbitdc.scenario import field_spec


@pytest.mark.parametrize("name", presets.names())
def test_preset_evaluates_to_finite_outputs(name):
    scn = presets.load(name)
    res = orbitdc.evaluate(scn)
    for key, value in res.si.items():
        assert np.all(np.isfinite(np.asarray(value, dtype=float))), (name, key, value)
    for arch in ("orbital", "terrestrial", "fleet"):
        assert res.value(f"cost_per_million_tokens.{arch}") > 0


@pytest.mark.parametrize("name", presets.names())
def test_every_preset_value_has_a_source_comment(name):
    text = presets.path(name).read_text()
    section = None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("["):
            section = s.strip("[]").split("]")[0]
            continue
        if not s or s.startswith("#") or section in (None, "meta"):
            continue
        key = s.split("=", 1)[0].strip()
        field_spec(f"{section}.{key}")  # known field
        assert "#" in s, f"{name}: {section}.{key} has no source comment"


@pytest.mark.parametrize("name", presets.names())
def test_preset_round_trips_through_toml(name):
    scn = presets.load(name)
    assert Scenario.from_toml(scn.to_toml()) == scn


def test_default_preset_is_the_defaults_plus_its_overlay():
    scn = presets.load(presets.DEFAULT)
    data = tomllib.loads(presets.path(presets.DEFAULT).read_text())
    changed = set(scn.diff(Scenario()))
    declared = {f"{sec}.{k}" for sec, tbl in data.items() if sec != "meta" for k in tbl}
    assert changed <= declared


def test_seed_claims_uses_the_200k_starship():
    scn = presets.load("seed-claims")
    assert scn["launch.price_per_launch"].to("USD").magnitude == pytest.approx(200_000)


def test_result_value_agrees_with_pint_for_every_output():
    """``Result.value`` converts with the unit table (no pint quantity); it must agree with
    pint's own conversion of the same SI value to 1e-12 relative (both are one multiply and
    one add; the table is pint's result stored to full precision), in the display unit and in
    another unit of the same dimension, and still refuse an incompatible unit."""
    import math

    import pint

    import orbitdc

    res = orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650"))
    checked = 0
    for key in res:
        v = res.si[key]
        if not isinstance(v, float) or res.label(key) is not None:
            continue
        q = res[key]
        want = float(q.magnitude)
        assert math.isclose(res.value(key), want, rel_tol=1e-12, abs_tol=1e-300), key
        checked += 1
    assert checked > 200
    assert math.isclose(
        res.value("thermal.radiator_temperature", "degC"),
        res["thermal.radiator_temperature"].to("degC").magnitude,
        rel_tol=1e-12,
    )
    assert math.isclose(
        res.value("thermal.radiator_area", "ft^2"), res["thermal.radiator_area"].to("ft^2").magnitude, rel_tol=1e-12
    )
    with pytest.raises(pint.DimensionalityError):
        res.value("thermal.radiator_area", "kg")
