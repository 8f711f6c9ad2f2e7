"""The pipeline's closed-form break-even launch price (economics.breakeven_price_per_kg).

Independent check: re-evaluate the scenario with the launch price set to the reported
break-even value and compare the orbital and terrestrial costs per token (they must agree to
1e-9 relative, since orbital cost is exactly linear in the launch price), and compare with the
root found by orbitdc.breakeven (bisection on the full pipeline).
"""

import pytest

import orbitdc
from orbitdc.breakeven import breakeven

# An expensive ground (1 USD/kWh power, 60 USD/W facility) and cheap orbital hardware, so that
# a positive break-even launch price exists.
EXPENSIVE_GROUND = {
    "baselines.grid_price": "1 USD/kWh",
    "baselines.facility_cost": "60 USD/W",
    "finance.array_cost_per_watt": "5 USD/W",
    "finance.bus_cost_per_kg": "500 USD/kg",
    "finance.radiator_cost_per_m2": "500 USD/m^2",
    "finance.battery_cost_per_kwh": "200 USD/kWh",
}


@pytest.mark.parametrize("preset", ["dawn-dusk-650", "seed-claims", "starlink-550"])
def test_reported_breakeven_equalises_costs(preset):
    scn = orbitdc.presets.load(preset).with_overrides(EXPENSIVE_GROUND)
    res = orbitdc.evaluate(scn)
    ppk = res.value("economics.breakeven_price_per_kg", "USD/kg")
    assert ppk > 0
    at = orbitdc.evaluate(scn.with_overrides({"launch.price_basis": "per_kg", "launch.price_per_kg": ppk}))
    assert at.value("cost_per_million_tokens.orbital") == pytest.approx(
        at.value("cost_per_million_tokens.terrestrial"), rel=1e-9
    )


def test_negative_breakeven_means_free_launch_still_loses():
    res = orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650"))
    assert res.value("economics.breakeven_price_per_kg") < 0
    free = orbitdc.evaluate(
        orbitdc.presets.load("dawn-dusk-650").with_overrides({"launch.price_basis": "per_kg", "launch.price_per_kg": 0})
    )
    assert free.value("cost_per_million_tokens.orbital") == pytest.approx(
        res.value("economics.cost_per_million_tokens_free_launch"), rel=1e-9
    )
    assert free.value("cost_per_million_tokens.orbital") > free.value("cost_per_million_tokens.terrestrial")


def test_closed_form_agrees_with_root_finding():
    scn = orbitdc.presets.load("dawn-dusk-650").with_overrides({**EXPENSIVE_GROUND, "launch.price_basis": "per_kg"})
    closed = orbitdc.evaluate(scn).value("economics.breakeven_price_per_kg", "USD/kg")
    be = breakeven(scn, "launch.price_per_kg", "terrestrial")
    assert be.quantity.to("USD/kg").magnitude == pytest.approx(closed, rel=1e-6)
