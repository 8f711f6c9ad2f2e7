"""Design choices versus assumptions (issue 16, item 1).

Every scenario field declares a role: ``"design"`` for what an engineer picks (the optimiser
searches these by default) or ``"assumption"`` for what the world gives (prices, rates,
efficiencies: swept, sampled or held).
"""

import contextlib
import io

import pytest

from orbitdc.cli import main
from orbitdc.scenario import all_keys, field_spec
from orbitdc.schema import ROLES, Field

# the choices the issue names as design variables, by field
ISSUE_DESIGN = [
    "orbit.altitude",
    "orbit.type",
    "orbit.inclination",
    "orbit.ltan",  # altitude, orbit, plane
    "power.payload_power",  # satellite power
    "thermal.heat_pump",
    "thermal.heat_pump_lift",  # heat pump / radiator temperature
    "power.depth_of_discharge",  # depth of discharge
    "launch.shielding_areal_density",  # shielding
    "compute.accelerator",  # accelerator
    "power.cell_type",  # cell family
    "launch.vehicle",  # launch vehicle
    "baselines.ground_power_source",  # ground design
]

# what the world gives: prices, rates, efficiencies, measured environment
ISSUE_ASSUMPTIONS = [
    "launch.price_per_kg",
    "finance.wacc",
    "baselines.grid_price",
    "compute.chip_price",
    "power.cell_efficiency",
    "thermal.emissivity",
    "compute.failure_rate",
    "thermal.earth_ir",
    "orbit.year",
    "launch.total_it_power",
]


def test_role_defaults_to_assumption_and_is_checked():
    assert Field("x").role == "assumption"
    assert Field("x", role="design").is_design
    with pytest.raises(ValueError, match="role"):
        Field("x", role="choice")
    assert ROLES == ("design", "assumption")


@pytest.mark.parametrize("key", ISSUE_DESIGN)
def test_engineering_choices_are_design_fields(key):
    assert field_spec(key).role == "design"


@pytest.mark.parametrize("key", ISSUE_ASSUMPTIONS)
def test_prices_rates_and_efficiencies_are_assumptions(key):
    assert field_spec(key).role == "assumption"


def test_every_design_field_has_a_range_to_search():
    # the optimiser's default search box: choices, switches, or a numeric range
    for key in all_keys():
        f = field_spec(key)
        if f.role != "design" or f.is_choice or f.is_bool:
            continue
        lo, hi = f.default_range(1e-6)
        assert lo < hi, key
        f.check(key, lo)
        f.check(key, hi)


def test_fields_command_shows_the_role():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["fields"]) == 0
    rows = {line.split()[0]: line for line in out.getvalue().splitlines() if line.startswith("  ")}
    assert len(rows) == len(all_keys())
    assert " design " in rows["orbit.altitude"]
    assert " assumption " in rows["launch.price_per_kg"].split("USD/kg", 1)[1]
    # every row names its role right after its kind
    for key, line in rows.items():
        f = field_spec(key)
        assert f" {f.kind:<11} {f.role:<10} " in line, key
