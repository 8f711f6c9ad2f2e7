"""Eclipse operations as a choice (issue 13): full load, or the payload shed in shadow.

Hand calculations on the real pipeline, from the result's own orbit outputs (SMAD 3rd ed.
section 11.4 sizing with the eclipse load in place of the full load).
"""

from __future__ import annotations

import pytest

import orbitdc
from orbitdc.scenario import Scenario

SHED = {"power.eclipse_mode": "shed", "power.eclipse_load_fraction": 0.1}


def _si(over=None):
    return orbitdc.evaluate(Scenario(over or {})).si


def test_shed_sizes_battery_and_array_for_the_eclipse_load():
    full, shed = _si(), _si(SHED)
    load = shed["power.load"]
    e_load = load - 100e3 * 0.9  # 90 % of the payload off in shadow
    assert shed["power.eclipse_load"] == pytest.approx(e_load, rel=1e-12)
    assert full["power.eclipse_load"] == pytest.approx(full["power.load"], rel=1e-12)
    f = shed["orbit.eclipse_fraction_max"]
    assert shed["power.array_power_eol"] == pytest.approx(load / 0.92 + e_load / 0.85 * f / (1 - f), rel=1e-9)
    dod = shed["power.depth_of_discharge"]
    assert shed["power.battery_energy"] == pytest.approx(
        e_load * shed["orbit.eclipse_duration_max"] / (dod * 0.9), rel=1e-9
    )
    assert shed["power.battery_mass"] < 0.3 * full["power.battery_mass"]
    assert shed["power.array_area"] < full["power.array_area"]


def test_lost_tokens_are_counted():
    full, shed = _si(), _si(SHED)
    kept = 1 - full["orbit.eclipse_fraction_mean"] * 0.9
    assert shed["compute.eclipse_availability"] == pytest.approx(kept, rel=1e-12)
    assert full["compute.eclipse_availability"] == 1.0
    assert shed["compute.tokens_per_second"] == pytest.approx(full["compute.tokens_per_second"] * kept, rel=1e-9)
    # the ground has no eclipse
    assert shed["compute.tokens_per_second_ground"] == full["compute.tokens_per_second_ground"]


def test_shedding_nothing_is_full_load():
    full = _si()
    same = _si({"power.eclipse_mode": "shed", "power.eclipse_load_fraction": 1.0})
    for k in ("power.array_area", "power.battery_mass", "compute.tokens_per_second", "cost_per_million_tokens.orbital"):
        assert same[k] == pytest.approx(full[k], rel=1e-12), k


def test_shedding_pays_in_a_noon_orbit():
    # a noon-midnight orbit is in shadow about a third of every orbit: the battery dominates
    noon = {"orbit.ltan": "12 h"}
    assert _si({**noon, **SHED})["cost_per_million_tokens.orbital"] < _si(noon)["cost_per_million_tokens.orbital"]
