"""The ``economics`` pipeline module, exercised through ``orbitdc.evaluate``.

Every earlier stage is replaced by a stub (``stub_pipeline`` of ``tests/conftest.py``) that
writes fixed, hand-chosen values for every upstream output the economics stage reads
(``economics_inputs``: the values below over neutral ones), on the full default scenario
without inter-satellite terminals or link framing (``ECONOMICS_DEFAULTS``), so each cost can be checked against a hand
calculation written out below (capital recovery: Sullivan, Wicks & Koelling, Engineering
Economy 16th ed.; data-center TCO: Barroso et al. 2018, ch. 6).  The real upstream modules
are tested in their own files.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np
import pytest
from conftest import ECONOMICS_DEFAULTS, ECONOMICS_SATELLITE, economics_inputs, stub_pipeline
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import ScenarioError
from orbitdc import sections as secmod
from orbitdc.model import evaluate, evaluate_si
from orbitdc.scenario import Scenario
from orbitdc.sections import economics

YEAR = 365.25 * 86400.0
KWH = 3.6e6


def crf(i, n):
    return i * (1 + i) ** n / ((1 + i) ** n - 1)


UP = {
    **ECONOMICS_SATELLITE,
    "power.battery_cycle_life_margin": 0.5,
    "thermal.heat_pump_power": 0.0,
    "launch.binding": 0.0,
}


def _launch_cost(p, out):
    return {"launch.launch_cost_per_satellite": p["launch.price_per_kg"] * out["launch.satellite_mass"]}


# the stub scenario's launch price (the hand calculations' L = 2000 USD/kg)
DEFAULTS = {**ECONOMICS_DEFAULTS, "launch.price_per_kg": 2000.0}


def _upstream(values):
    return stub_pipeline(economics, economics_inputs(values), _launch_cost, DEFAULTS)


@pytest.fixture
def pipeline(monkeypatch):
    state = {}

    def install(**changes):
        state["values"] = {**UP, **{k.replace("__", "."): v for k, v in changes.items()}}
        monkeypatch.setattr(secmod, "MODULES", _upstream(state["values"]))

    install()
    return install


@contextlib.contextmanager
def _stubbed(values=None):
    """Install the stub pipeline for one hypothesis example (fixtures are per test)."""
    saved = secmod.MODULES
    secmod.MODULES = _upstream(values or UP)
    try:
        yield
    finally:
        secmod.MODULES = saved


# --------------------------------------------------------------------------- hand calculations
def test_orbital_cost_hand_calculation(pipeline):
    r = evaluate(Scenario()).si
    L = 2000.0
    # issue 13 defaults: bus 2000 USD/kg, silicon array 12 USD/W
    bus = (4000 - (1000 + 700 + 0 + 800 + 100)) * 2000.0  # 1400 kg x 2000 USD/kg
    hw = bus + 1.5e5 * 12.0 + 0.0 + 200 * 5000.0 + 1 * 3e5  # one RF terminal (no links section)
    total = 3e6 + 1.1 * hw + 4000 * L + 5e8 / 1000
    bits = 1.0 * (32 + 32 * 1000 / 250)  # no framing without links; answer + prompt share, 4 B/token
    transit_yr = 1e5 * bits * 0.5 / 8e9 * YEAR
    # self-insured by default (issue 13): no premium
    annual = total * crf(0.08, 5) + 1e5 + transit_yr
    assert r["economics.capex_total"] == pytest.approx(total, rel=1e-12)
    assert r["economics.bus_mass"] == pytest.approx(1400.0)
    assert r["economics.annual_cost_orbital"] * YEAR == pytest.approx(annual, rel=1e-12)
    assert r["cost_per_million_tokens.orbital"] == pytest.approx(annual / YEAR / 1e5 * 1e6, rel=1e-12)
    assert r["economics.cost_per_request_orbital"] == pytest.approx(annual / YEAR / 1e5 * 250, rel=1e-12)
    assert r["economics.cost_per_accelerator_hour_orbital"] * 3600 == pytest.approx(annual / YEAR / 70 * 3600)
    assert r["economics.cost_per_kw_year_orbital"] * 1e3 * YEAR == pytest.approx(annual / 100.0)
    assert r["economics.launch_share"] == pytest.approx(4000 * L / total)


def test_terrestrial_grid_hand_calculation(pipeline):
    r = evaluate(Scenario()).si
    energy_yr = 100 * 1.2 * 8766 * 0.08  # kW x PUE x h/yr x USD/kWh
    facility = 10.0 * 1e5
    delay = facility * (1.08**2 - 1)
    annual = 3e6 * crf(0.08, 5) + (facility + delay) * crf(0.08, 20) + energy_yr + 0.04 * facility
    assert r["economics.terrestrial_capex_delay"] == pytest.approx(delay)
    assert r["cost_per_million_tokens.terrestrial"] == pytest.approx(annual / YEAR / 1e5 * 1e6, rel=1e-12)
    assert r["economics.lcoe_terrestrial"] * 3.6e9 == pytest.approx(80.0)
    assert r["economics.ratio_orbital_terrestrial"] == pytest.approx(
        r["cost_per_million_tokens.orbital"] / r["cost_per_million_tokens.terrestrial"]
    )


def test_ground_pays_for_its_failures(pipeline):
    # issue 13: the ground repairs permanent failures from spares bought as chips fail,
    # lambda n = 0.04/yr x 70 chips at 30 kUSD = 84 kUSD/yr, a level payment (present worth =
    # payment / CRF, recovered again at the CRF: exactly 84 kUSD/yr in the annual cost)
    pipeline(
        **{
            "compute.tokens_per_second_ground": 1.1e5,
            "compute.hardware_cost_ground": 2.6e6,
            "compute.replacement_chips_ground": 0.04 * 5 * 70,
            "compute.chip_price": 3e4,
        }
    )
    r = evaluate(Scenario()).si
    energy_yr = 100 * 1.2 * 8766 * 0.08
    facility = 10.0 * 1e5
    delay = facility * (1.08**2 - 1)
    annual = 2.6e6 * crf(0.08, 5) + 0.04 * 70 * 3e4 + (facility + delay) * crf(0.08, 20) + energy_yr + 0.04 * facility
    assert r["economics.token_rate_terrestrial"] == pytest.approx(1.1e5)
    assert r["cost_per_million_tokens.terrestrial"] == pytest.approx(annual / YEAR / 1.1e5 * 1e6, rel=1e-12)


def test_data_volume_from_workload_and_links_fields(pipeline):
    p = Scenario().to_si()
    # the compute/links sections' fields (bytes are stored in SI bits)
    p.update(
        {
            "workload.prompt_tokens": 2000.0,
            "workload.output_tokens": 500.0,
            "workload.bytes_per_token_in": 32.0,
            "workload.bytes_per_token_out": 48.0,
            "links.protocol_overhead": 3.0,
        }
    )
    r = evaluate_si(p)
    bits = 3.0 * (48.0 + 32.0 * 2000 / 500)  # per output token
    assert r["economics.opex_transit"] == pytest.approx(1e5 * bits * 0.5 / 8e9)
    assert r["economics.cost_per_request_orbital"] == pytest.approx(r["cost_per_million_tokens.orbital"] / 1e6 * 500)


def test_laser_terminals_from_links_section_are_priced(pipeline):
    p = Scenario().to_si()
    base = evaluate_si(p)["economics.capex_links"]
    p["links.isl_terminals"] = 3.0  # the links section's field
    assert evaluate_si(p)["economics.capex_links"] == pytest.approx(base + 3 * 3e5)


def test_links_cap_delivered_tokens(pipeline):
    pipeline(**{"links.token_rate_limit": 4e4})
    r = evaluate(Scenario()).si
    assert r["economics.token_rate_orbital"] == 4e4
    assert r["economics.binding_constraint"] == 2


def test_fleet_hand_calculation(pipeline):
    r = evaluate(Scenario()).si
    a = 0.95 * 0.3 * 0.5
    assert r["economics.fleet_power_nameplate"] == pytest.approx(100e9)
    assert r["economics.fleet_availability"] == pytest.approx(a)
    p_av = 100e9 * a
    tok_per_j = 1e5 / 1e5
    assert r["economics.fleet_token_rate"] == pytest.approx(p_av * tok_per_j * 0.7)
    chips_yr = 1e8 * (3e6 / 1e5 * 1000) * crf(0.08, 5)
    energy_yr = p_av * 1.25 * (0.165 + 0.05) / KWH * YEAR
    wear_yr = 1e8 * a * 0.02 * 8766
    bits = 1.0 * (32 + 32 * 4)
    data_yr = p_av * tok_per_j * bits * 1.0 / 8e9 * YEAR
    annual = chips_yr + energy_yr + wear_yr + data_yr
    assert r["economics.fleet_annual_cost"] * YEAR == pytest.approx(annual, rel=1e-12)
    assert r["cost_per_million_tokens.fleet"] == pytest.approx(annual / YEAR / (p_av * 0.7) * 1e6, rel=1e-12)


def test_gas_supply(pipeline):
    s = Scenario({"baselines.ground_power_source": "gas"})
    assert s.raw("baselines.interconnection_wait") == 0.0  # fill: behind the meter
    r = evaluate(s).si
    hr = 8500 * 1055.056 / KWH  # pint's Btu (1055.056 J)
    expect = (1300 * crf(0.08, 20) + 20) * 1.3 / 8766 + 3.45 * 1e-6 * 8500 + 5e-3  # USD/kWh
    assert r["economics.lcoe_terrestrial"] * KWH == pytest.approx(expect, rel=1e-5)
    assert hr == pytest.approx(2.491, abs=1e-3)
    assert r["economics.terrestrial_capex_delay"] == 0.0


def test_solar_storage_supply(pipeline):
    r = evaluate(Scenario({"baselines.ground_power_source": "solar_storage"})).si
    assert r["economics.solar_array_ratio"] > 5  # capacity factor ~0.16 in Greensboro
    assert r["economics.solar_storage_hours"] > 4 * 3600
    # firm PV + storage costs more than the grid tariff at this site
    assert r["economics.lcoe_terrestrial"] * 3.6e9 > 80.0
    assert math.isfinite(r["cost_per_million_tokens.terrestrial"])


def test_power_lcoe_and_cooling_cost(pipeline):
    r = evaluate(Scenario()).si
    lpk = 2000.0
    cap = 1.1 * (1.5e5 * 12.0) + lpk * 700.0  # silicon array, 12 USD/W (issue 13 default)
    lcoe = cap * crf(0.08, 5) / (110 * 8766)  # USD/kWh of a 110 kW load
    assert r["economics.lcoe_orbital_power"] * KWH == pytest.approx(lcoe, rel=1e-12)
    cooling = (1.1 * 200 * 5000.0 + lpk * 800.0) * crf(0.08, 5) / YEAR / 1e5 * 1e6
    assert r["economics.cooling_cost_orbital"] == pytest.approx(cooling, rel=1e-12)


def test_replacements_dry_mass_and_short_life(pipeline):
    base = evaluate(Scenario()).si
    # 10 % of the satellites replaced: hardware + launch again (not the NRE)
    pipeline(**{"launch.replacement_satellites": 100.0})
    r = evaluate(Scenario()).si
    assert r["economics.capex_replacement"] == pytest.approx(0.1 * (base["economics.capex_total"] - 5e5))
    assert r["economics.capex_total"] == pytest.approx(base["economics.capex_total"] + r["economics.capex_replacement"])
    # the bus is priced from the dry mass when the launch stage gives it (propellant excluded)
    pipeline(**{"launch.dry_mass": 3900.0})
    assert evaluate(Scenario()).si["economics.bus_mass"] == pytest.approx(1300.0)
    # a satellite that re-enters after 3 years is recovered over 3 years; the ground keeps 5
    pipeline(**{"launch.satellite_life": 3 * YEAR})
    r = evaluate(Scenario()).si
    assert r["economics.capital_recovery_factor"] == pytest.approx(crf(0.08, 3))
    assert r["cost_per_million_tokens.terrestrial"] == pytest.approx(base["cost_per_million_tokens.terrestrial"])
    assert r["economics.binding_constraint"] == 4


def test_one_risk_treatment(pipeline):
    # 150 replacements per 1000 satellites, of which 0.02/yr x 5 yr = 100 are random failures
    # (launch.failure_rate, read when the launch section is present) and 50 re-entries
    pipeline(**{"launch.replacement_satellites": 150.0})
    p = Scenario().to_si()
    p["launch.failure_rate"] = 0.02 / YEAR
    self_ins = evaluate_si(p)
    no_nre = self_ins["economics.capex_total"] - 5e5
    # self-insured: every replacement bought, no premium
    assert self_ins["economics.capex_replacement"] == pytest.approx(0.15 / 1.15 * no_nre, rel=1e-12)
    assert self_ins["economics.opex_insurance"] == 0.0
    p["finance.risk_treatment"] = "insured"
    ins = evaluate_si(p)
    # insured: the premium on the capex, and only the 50 re-entry replacements
    hw_launch = no_nre / 1.15
    assert ins["economics.capex_replacement"] == pytest.approx(0.05 * hw_launch, rel=1e-12)
    assert ins["economics.opex_insurance"] * YEAR == pytest.approx(0.02 * ins["economics.capex_total"], rel=1e-12)


# --------------------------------------------------------------------------- binding constraint
@pytest.mark.parametrize(
    "changes,overrides,code",
    [
        ({}, {}, 0),  # the 1.8 MUSD array and its launch dominate the 1.1 MUSD radiator
        ({}, {"finance.radiator_cost_per_m2": "500000 USD/m^2"}, 1),
        ({"links.token_rate_limit": 1e3}, {}, 2),
        ({"launch.binding": 1.0}, {}, 3),
        ({"power.battery_cycle_life_margin": -0.2}, {}, 4),
        ({"launch.satellite_life": 2 * YEAR}, {}, 4),  # drag decay cuts the life short
    ],
)
def test_binding_constraint(pipeline, changes, overrides, code):
    pipeline(**changes)
    r = evaluate(Scenario(overrides))
    assert r.si["economics.binding_constraint"] == code
    assert r.label("economics.binding_constraint") == economics.BINDING_LABELS[code]


# --------------------------------------------------------------------------- properties
def test_vectorised_matches_scalar(pipeline):
    p = Scenario().to_si()
    N = 100_000
    rng = np.random.default_rng(7)
    p["finance.wacc"] = rng.uniform(0.0, 0.2, N)
    p["launch.price_per_kg"] = rng.uniform(0.0, 1e4, N)
    p["baselines.pue"] = rng.uniform(1.05, 1.6, N)
    out = evaluate_si(p)
    assert out["cost_per_million_tokens.orbital"].shape == (N,)
    for j in (0, 17, N - 1):
        q = dict(p, **{k: float(p[k][j]) for k in ("finance.wacc", "launch.price_per_kg", "baselines.pue")})
        one = evaluate_si(q)
        for k in (
            "cost_per_million_tokens.orbital",
            "cost_per_million_tokens.terrestrial",
            "cost_per_million_tokens.fleet",
            "economics.binding_constraint",
        ):
            assert out[k][j] == pytest.approx(one[k], rel=1e-12)


def test_vectorised_solar_storage(pipeline):
    p = Scenario({"baselines.ground_power_source": "solar_storage"}).to_si()
    p["baselines.storage_cost"] = np.linspace(100, 500, 50) / KWH
    p["baselines.solar_reliability"] = np.where(np.arange(50) < 25, 0.9, 0.99)
    out = evaluate_si(p)
    c = out["cost_per_million_tokens.terrestrial"]
    assert c.shape == (50,) and np.all(np.isfinite(c)) and np.all(c > 0)
    # dearer storage never makes power cheaper at a fixed reliability
    assert np.all(np.diff(out["economics.lcoe_terrestrial"][:25]) >= -1e-18)


@settings(max_examples=60, deadline=None)
@given(lo=st.floats(0.0, 5e4), d=st.floats(1.0, 5e4))
def test_cost_rises_with_launch_price(lo, d):
    with _stubbed():
        p = Scenario().to_si()
        p["launch.price_per_kg"] = np.array([lo, lo + d])
        c = evaluate_si(p)["cost_per_million_tokens.orbital"]
    assert c[1] > c[0] > 0


@settings(max_examples=60, deadline=None)
@given(
    wacc=st.floats(-50.0, 50.0),
    life=st.floats(0.1, 30.0),
    bus=st.floats(0, 1e5),
    arr=st.floats(0, 1000),
    plug=st.floats(0.01, 1.0),
    consent=st.floats(0.01, 1.0),
    over=st.floats(0.0, 0.95),
    src=st.sampled_from(["grid", "gas"]),
    price=st.floats(0, 1e5),
)
def test_costs_positive_and_finite(wacc, life, bus, arr, plug, consent, over, src, price):
    with _stubbed():
        s = Scenario(
            {
                "finance.wacc": wacc,
                "power.mission_life": life,
                "finance.bus_cost_per_kg": bus,
                "finance.array_cost_per_watt": arr,
                "baselines.fleet_plugged_fraction": plug,
                "baselines.fleet_consent_fraction": consent,
                "baselines.fleet_overhead": over,
                "baselines.ground_power_source": src,
                "launch.price_per_kg": price,
            }
        )
        r = evaluate(s).si
    for k in ("orbital", "terrestrial", "fleet"):
        v = r[f"cost_per_million_tokens.{k}"]
        assert math.isfinite(v) and v > 0


def test_missing_upstream_output_is_a_key_error():
    # the stage contract: no partial pipeline; an upstream output it reads that is absent is an error
    out = {k: v for k, v in economics_inputs(UP).items() if k != "compute.tokens_per_second"}
    out["launch.launch_cost_per_satellite"] = 8e6
    with pytest.raises(KeyError, match="compute.tokens_per_second"):
        economics.stage(Scenario().to_si(), out)


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"finance.wacc": -100.0}, "finance.wacc"),
        ({"finance.wacc": "-150 percent"}, "finance.wacc"),
        ({"power.mission_life": 0.0}, "power.mission_life"),
        ({"finance.bus_cost_per_kg": -1.0}, "finance.bus_cost_per_kg"),
        ({"baselines.grid_price": "-0.01 USD/kWh"}, "baselines.grid_price"),
        ({"baselines.pue": 0.9}, "baselines.pue"),
        ({"baselines.fleet_parked_fraction": 0.0}, "baselines.fleet_parked_fraction"),
        ({"baselines.fleet_plugged_fraction": 1.2}, "baselines.fleet_plugged_fraction"),
        ({"baselines.fleet_overhead": 1.0}, "baselines.fleet_overhead"),
        ({"baselines.gas_heat_rate": "3000 Btu/kWh"}, "baselines.gas_heat_rate"),
        ({"baselines.solar_reliability": 1.0}, "baselines.solar_reliability"),
        ({"baselines.ground_power_source": "nuclear"}, "baselines.ground_power_source"),
        ({"baselines.solar_site": "mars"}, "baselines.solar_site"),
    ],
)
def test_bad_input(pipeline, overrides, field):
    with pytest.raises(ScenarioError) as e:
        Scenario(overrides)
    assert e.value.field == field


def test_no_delivered_tokens_refused(pipeline):
    pipeline(**{"links.token_rate_limit": 0.0})
    with pytest.raises(ScenarioError):
        evaluate(Scenario())


def test_every_field_documented():
    for sec in economics.SECTIONS:
        for f in sec.fields:
            assert f.doc and f.source and f.kind, f.name
            if not f.is_choice:
                assert f.low is not None or f.high is not None, f.name
    keys = {o.key for o in economics.OUTPUTS}
    for k in (
        "cost_per_million_tokens.orbital",
        "cost_per_million_tokens.terrestrial",
        "cost_per_million_tokens.fleet",
        "economics.binding_constraint",
    ):
        assert k in keys


# --------------------------------------------------------------------------- the real pipeline
def test_real_pipeline_writes_every_output():
    """Integration with the real upstream modules (whatever their current numbers)."""
    from orbitdc import sections as real

    r = evaluate(Scenario())
    assert real.MODULES[-1] is economics
    for o in economics.OUTPUTS:
        assert o.key in r.si, o.key
        assert np.all(np.isfinite(r.si[o.key])), o.key
    for a in ("orbital", "terrestrial", "fleet"):
        assert r.si[f"cost_per_million_tokens.{a}"] > 0
    assert r.label("economics.binding_constraint") in economics.BINDING_LABELS.values()
    assert r["cost_per_million_tokens.orbital"].units == r["cost_per_million_tokens.fleet"].units


def test_rows_whose_recovery_life_differs_equal_their_single_scenario():
    """A vectorised stage computes the mission-life CRF only on the rows whose recovery life
    (the shorter of the mission, the orbit's and the chips' dose life) differs from the mission
    life and copies the recovery CRF elsewhere (``economics._crf_mission``).  Each row of every
    output must equal the stage run on that row alone: rtol 1e-12, since the single row runs
    on Python floats with ``math.log1p``/``math.expm1``, which may round differently from numpy
    in the last bit (the hand calculations above check the values themselves)."""
    n = 7
    p = Scenario().to_si()
    p["finance.wacc"] = np.linspace(0.03, 0.15, n)
    p["baselines.facility_life"] = np.linspace(10.0, 20.0, n) * YEAR
    life = p["power.mission_life"]
    up = economics_inputs({**UP, "launch.launch_cost_per_satellite": 8e6})
    # rows 1 and 4 re-enter early, row 5 reaches the chips' dose limit first
    up["launch.satellite_life"] = np.where(np.isin(np.arange(n), (1, 4)), 0.4 * life, 2.0 * life)
    up["compute.service_life_orbital"] = np.where(np.arange(n) == 5, 0.7 * life, 3.0 * life)
    out = dict(up)
    economics.stage(p, out)
    for k in range(n):
        row_p = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in p.items()}
        row = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in up.items()}
        economics.stage(row_p, row)
        for key, v in row.items():
            if key.startswith(("economics.", "cost_per_million_tokens.")):
                got = np.broadcast_to(out[key], (n,))[k]
                assert got == pytest.approx(v, rel=1e-12, abs=1e-300), (key, k)


def test_rows_with_and_without_a_prompt_equal_their_single_scenario():
    """Token prices on rows where one has no prompt: its input-token price is 0 (the prefill
    share per input token is not formed there), the other rows' as their single scenario
    (rtol 1e-12, as above)."""
    p = Scenario().to_si()
    p["workload.prompt_tokens"] = np.array([2000.0, 0.0, 500.0])
    up = economics_inputs({**UP, "launch.launch_cost_per_satellite": 8e6, "compute.prefill_time_share": 0.3})
    out = dict(up)
    economics.stage(p, out)
    assert out["economics.price_input_orbital"][1] == 0.0
    for k in range(3):
        row_p = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in p.items()}
        row = dict(up)
        economics.stage(row_p, row)
        for key in (
            "economics.price_input_orbital",
            "economics.price_output_fleet",
            "economics.price_blended_terrestrial",
        ):
            assert out[key][k] == pytest.approx(row[key], rel=1e-12), (key, k)
