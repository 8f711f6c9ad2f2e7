"""The scenario / pipeline machinery, tested on a small synthetic pipeline module.

The real modules are tested in tests/sections/; this file checks the framework's own
contract: unit parsing, validation messages, fills, TOML round trip, overrides, and that
evaluate() chains stages and converts outputs.
"""

import types

import numpy as np
import pytest
from conftest import toy_pipeline
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import Q_, Scenario, ScenarioError
from orbitdc import sections as secmod
from orbitdc.model import evaluate, evaluate_si
from orbitdc.schema import Field, Output, Section


def _fake_module():
    m = types.SimpleNamespace()
    m.SECTIONS = (
        Section(
            "toy",
            "Toy",
            "a synthetic section",
            (
                Field("length", "km", 650.0, "a length", low=200, high=2000, reason="modelled range"),
                Field("eff", "", 0.3, "an efficiency", low=0, high=1, low_open=True),
                Field("price", "USD/kg", 1500.0, "a price", low=0),
                Field("count", "", 3, "a count", low=1, integer=True),
                Field(
                    "vehicle",
                    "",
                    "a",
                    "a choice",
                    choices=("a", "b"),
                    fills={"a": {"price": 1500.0}, "b": {"price": 200.0, "count": 7}},
                ),
                Field("flag", "", False, "a switch"),
            ),
        ),
    )
    m.OUTPUTS = (
        Output("toy.double", "km", "twice the length"),
        Output("toy.cost", "MUSD", "price x 1000 kg x count"),
    )

    def stage(p, out):
        out["toy.double"] = 2 * p["toy.length"]
        out["toy.cost"] = p["toy.price"] * 1000.0 * p["toy.count"]

    m.stage = stage
    return m


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(secmod, "MODULES", toy_pipeline(_fake_module()))
    yield


def test_defaults_and_units():
    s = Scenario()
    assert s.toy.length == Q_(650.0, "km")
    assert s["toy.price"].to("USD/g").magnitude == pytest.approx(1.5)
    assert s.to_si()["toy.length"] == 650_000.0


@pytest.mark.parametrize(
    "given,expected_km", [("550 km", 550.0), (Q_(600_000, "m"), 600.0), (700, 700.0), ("800", 800.0)]
)
def test_value_forms(given, expected_km):
    assert Scenario(toy={"length": given}).raw("toy.length") == pytest.approx(expected_km)


def test_usd_strings_parse():
    s = Scenario({"toy.price": "0.2 USD/g"})
    assert s.raw("toy.price") == pytest.approx(200.0)


@pytest.mark.parametrize(
    "key,value,needle",
    [
        ("toy.length", "150 km", "[200, 2000] km"),
        ("toy.length", "550 kg", "dimension"),
        ("toy.length", float("nan"), "NaN"),
        ("toy.length", float("inf"), "NaN or infinity"),
        ("toy.eff", 0.0, "(0, 1]"),
        ("toy.eff", 1.2, "(0, 1]"),
        ("toy.count", 2.5, "whole number"),
        ("toy.vehicle", "c", "one of"),
        ("toy.lenght", 1.0, "did you mean 'toy.length'"),
    ],
)
def test_bad_input_names_field_value_and_range(key, value, needle):
    with pytest.raises(ScenarioError) as ei:
        Scenario({key: value})
    msg = str(ei.value)
    assert key in msg and needle in msg
    assert isinstance(ei.value, ValueError)


def test_fills_apply_unless_explicit():
    s = Scenario({"toy.vehicle": "b"})
    assert s.raw("toy.price") == 200.0 and s.raw("toy.count") == 7
    s2 = Scenario({"toy.vehicle": "b", "toy.price": 300})
    assert s2.raw("toy.price") == 300.0 and s2.raw("toy.count") == 7
    # a later override of the number keeps the choice
    s3 = s.with_overrides({"toy.price": "250 USD/kg"})
    assert s3.raw("toy.vehicle") == "b" and s3.raw("toy.price") == 250.0


def test_overrides_do_not_mutate():
    s = Scenario()
    t = s.with_overrides({"toy.length": "700 km"})
    assert s.raw("toy.length") == 650.0 and t.raw("toy.length") == 700.0
    assert t.diff(s) == {"toy.length": (700.0, 650.0)}


@settings(max_examples=60, deadline=None)
@given(
    length=st.floats(200, 2000),
    eff=st.floats(1e-6, 1.0),
    price=st.floats(0, 1e7),
    count=st.integers(1, 10_000),
    vehicle=st.sampled_from(["a", "b"]),
    flag=st.booleans(),
)
def test_toml_round_trip_is_exact(length, eff, price, count, vehicle, flag):
    s = Scenario(
        {
            "toy.vehicle": vehicle,
            "toy.length": length,
            "toy.eff": eff,
            "toy.price": price,
            "toy.count": count,
            "toy.flag": flag,
        }
    )
    s.name = "rt"
    t = Scenario.from_toml(s.to_toml())
    assert t == s and t.name == "rt"


def test_bad_toml_is_a_scenario_error():
    with pytest.raises(ScenarioError, match="valid TOML"):
        Scenario.from_toml("[toy\nlength = 3\n")
    with pytest.raises(ScenarioError, match="did you mean"):
        Scenario.from_toml('[toy]\nlenth = "500 km"\n')


def test_evaluate_converts_outputs():
    r = evaluate(Scenario({"toy.length": "500 km", "toy.vehicle": "b"}))
    assert r["toy.double"].to("km").magnitude == pytest.approx(1000.0)
    # 200 USD/kg x 1000 kg x 7 = 1.4 MUSD
    assert r.value("toy.cost") == pytest.approx(1.4)
    d = r.to_dict()
    assert d["toy"]["cost"] == {"value": pytest.approx(1.4), "unit": "MUSD"}
    assert "toy.double" in r.table()


def test_evaluate_si_broadcasts_arrays():
    p = Scenario().to_si()
    p["toy.length"] = np.linspace(200e3, 2000e3, 1001)
    out = evaluate_si(p)
    assert out["toy.double"].shape == (1001,)
    assert out["toy.double"][-1] == pytest.approx(4000e3)


def test_spread_follows_a_value_outside_it():
    f = Field("bw", "TB/s", 3.35, "bandwidth", low=0, low_open=True, spread=(3.0, 3.35))
    assert f.spread_for(3.2) == (3.0, 3.35)  # inside: as declared
    lo, hi = f.spread_for(8.0)  # another part: same relative spread
    assert lo == pytest.approx(3.0 * 8 / 3.35) and hi == pytest.approx(8.0)
    g = Field("eff", "", 0.6, "efficiency", low=0, high=1, low_open=True, spread=(0.35, 0.85))
    lo, hi = g.spread_for(0.95)  # scaled, then clipped to the bound
    assert hi == 1.0 and lo == pytest.approx(0.35 * 0.95 / 0.6)
    z = Field("m", "", 0.0, "margin", low=0, high=1, spread=(0.0, 0.75))
    assert z.spread_for(0.9) == (0.0, 0.9)  # zero default: widened to the value
