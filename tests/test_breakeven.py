"""orbitdc.breakeven on a stub pipeline whose orbital cost is exactly linear in the launch
price, so the break-even has a closed form (the root of a straight line through two
evaluations) independent of the root finder; orbitdc.studies.breakeven is the same function."""

from __future__ import annotations

import pytest
from conftest import ECONOMICS_DEFAULTS, ECONOMICS_SATELLITE, economics_inputs, stub_pipeline
from conftest import LEAN_FINANCE as LEAN

from orbitdc import Q_, ScenarioError
from orbitdc import sections as secmod
from orbitdc.breakeven import BreakEven, breakeven
from orbitdc.model import evaluate_si
from orbitdc.scenario import Scenario
from orbitdc.sections import economics


def _launch_cost(p, out):
    return {"launch.launch_cost_per_satellite": p["launch.price_per_kg"] * out["launch.satellite_mass"]}


# the stub scenario: launch at 2000 USD/kg, no inter-satellite terminals, no link framing
# (the price scanned over 0 to 20 000 USD/kg)
DEFAULTS = {**ECONOMICS_DEFAULTS, "launch.price_per_kg": {"default": 2000.0, "spread": (0.0, 20000.0)}}


def _upstream():
    return stub_pipeline(economics, economics_inputs(ECONOMICS_SATELLITE), _launch_cost, DEFAULTS)


@pytest.fixture(autouse=True)
def stub(monkeypatch):
    monkeypatch.setattr(secmod, "MODULES", _upstream())


def _cost(scn, key, price):
    p = scn.to_si()
    p["launch.price_per_kg"] = price
    return evaluate_si(p)[key]


def test_linear_root_against_terrestrial():
    scn = Scenario(LEAN)
    a = _cost(scn, "cost_per_million_tokens.orbital", 0.0)
    b = (_cost(scn, "cost_per_million_tokens.orbital", 1000.0) - a) / 1000.0
    t = _cost(scn, "cost_per_million_tokens.terrestrial", 0.0)
    assert a < t  # orbit wins at a free launch in this lean case
    expect = (t - a) / b  # USD/kg, exact for a straight line
    be = breakeven(scn, "launch.price_per_kg", "terrestrial")
    assert isinstance(be, BreakEven) and be.found and bool(be)
    assert be.quantity.units == Q_(1, "USD/kg").units
    assert be.value == pytest.approx(expect, rel=1e-9)
    assert be.orbit_wins_below is True
    assert "cheaper below" in str(be)


def test_agrees_with_studies_breakeven():
    from orbitdc import studies

    # one break-even: the studies name is the same function, and the map's curve (another
    # scan: 5 even points instead of 33) gives the same root
    assert studies.breakeven is breakeven and studies.BreakEven is BreakEven
    scn = Scenario(LEAN)
    mine = breakeven(scn, "launch.price_per_kg", "terrestrial")
    theirs = studies.breakeven_map(scn, None, "launch.price_per_kg", "terrestrial", y=[0, 5000, 10000, 15000, 20000])
    assert float(theirs["breakeven.launch.price_per_kg"]) == pytest.approx(mine.value, rel=1e-7)


def test_fixed_price_baseline():
    scn = Scenario()
    a = _cost(scn, "cost_per_million_tokens.orbital", 0.0)
    b = (_cost(scn, "cost_per_million_tokens.orbital", 1000.0) - a) / 1000.0
    target = a + 5000.0 * b
    be = breakeven(scn, "launch.price_per_kg", float(target))
    assert be.value == pytest.approx(5000.0, rel=1e-9)


def test_no_break_even_in_range():
    # with the full default satellite (array, bus, ...) orbit is dearer even at a free launch
    be = breakeven(Scenario(), "launch.price_per_kg", "terrestrial")
    assert not be.found and be.value is None
    assert "no break-even in range" in be.message and "terrestrial is cheaper" in be.message
    assert be.orbital_at_ends[0] > be.baseline_at_ends[0]


def test_explicit_bracket_with_units():
    scn = Scenario(LEAN)
    full = breakeven(scn, "launch.price_per_kg", "terrestrial")
    v = full.value
    be = breakeven(scn, "launch.price_per_kg", "terrestrial", bracket=("0 USD/kg", Q_(2 * v / 1000, "USD/g")))
    assert be.value == pytest.approx(v, rel=1e-9)
    none = breakeven(scn, "launch.price_per_kg", "terrestrial", bracket=(0.0, 0.5 * v))
    assert not none.found and "orbit is cheaper" in none.message


def test_field_where_orbit_wins_above():
    # longer life spreads the satellite's capital: orbit cheaper ABOVE the break-even life
    scn = Scenario({**LEAN, "launch.price_per_kg": 500.0})
    # (about 3.4 USD per million tokens at half a year, 0.16 at 30 years)
    be = breakeven(scn, "power.mission_life", 1.0, bracket=(0.5, 30.0))
    assert be.found, be.message
    assert be.orbit_wins_below is False
    p = scn.to_si()
    p["power.mission_life"] = be.quantity.to("s").magnitude
    assert evaluate_si(p)["cost_per_million_tokens.orbital"] == pytest.approx(1.0, rel=1e-8)


@pytest.mark.parametrize(
    "kwargs,field",
    [
        (dict(field="launch.vehicle"), "launch.vehicle"),
        (dict(field="launch.price_per_kgg"), "launch.price_per_kgg"),
        (dict(field="launch.price_per_kg", baseline="moon"), "baseline"),
        (dict(field="launch.price_per_kg", baseline=-3.0), "baseline"),
        (dict(field="launch.price_per_kg", bracket=(-10.0, 100.0)), "launch.price_per_kg"),
        (dict(field="launch.price_per_kg", bracket=(100.0, 10.0)), "bracket"),
    ],
)
def test_bad_input(kwargs, field):
    with pytest.raises(ScenarioError) as e:
        breakeven(Scenario(), **kwargs)
    assert e.value.field == field
