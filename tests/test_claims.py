"""orbitdc.claims on a stub pipeline with hand-chosen upstream outputs: each verdict is
checked on both sides of its threshold, and the numbers against direct evaluations."""

from __future__ import annotations

import pytest
from conftest import ECONOMICS_DEFAULTS, ECONOMICS_SATELLITE, economics_inputs, stub_pipeline
from conftest import LEAN_FINANCE as LEAN

from orbitdc import claims
from orbitdc import sections as secmod
from orbitdc.model import evaluate
from orbitdc.scenario import Scenario
from orbitdc.sections import economics

YEAR = 365.25 * 86400.0

UP = {
    **ECONOMICS_SATELLITE,
    "orbit.eclipse_fraction_mean": 0.0,
    "orbit.eclipse_days": 0.0,
    "orbit.eclipse_duration_max": 0.0,
    "links.capacity": 20e9,
    "links.latency": 0.012,
    "launch.launches": 40.0,
}

# the stub scenario: launch at 2000 USD/kg, no inter-satellite terminals, no link framing
DEFAULTS = {**ECONOMICS_DEFAULTS, "launch.price_per_kg": 2000.0}


def _stub_outputs(p, out):
    # the launch cost follows the price field; a stub belt: 10 Gy/yr at 650 km, x10 per
    # 500 km; dose life 150 Gy / (2 x dose rate)
    dose = out.get("radiation.dose_rate", 10.0 / YEAR * 10 ** ((p["orbit.altitude"] - 650e3) / 500e3))
    return {
        "launch.launch_cost_per_satellite": p["launch.price_per_kg"] * out["launch.satellite_mass"],
        "radiation.dose_rate": dose,
        "radiation.dose_life": 150.0 / (2.0 * dose),
    }


def _upstream(values):
    return stub_pipeline(economics, economics_inputs(values), _stub_outputs, DEFAULTS)


@pytest.fixture
def pipeline(monkeypatch):
    def install(drop=(), **changes):
        vals = {**UP, **{k.replace("__", "."): v for k, v in changes.items()}}
        for k in drop:
            vals.pop(k)
        monkeypatch.setattr(secmod, "MODULES", _upstream(vals))

    install()
    return install


def _by_key(results):
    return {r.key: r for r in results}


def test_every_claim_is_checked(pipeline):
    res = claims.check(Scenario())
    assert len(res) == len(claims.CLAIMS) >= 10
    for r in res:
        assert r.verdict != "untested", (r.key, r.detail)
        assert r.numbers and r.hinges_on and r.detail and r.claim
        assert r.verdict in ("holds", "fails") or r.verdict.startswith("holds only")


def test_cheap_launch_uses_the_claims_price(pipeline):
    scn = Scenario()
    r = _by_key(claims.check(scn))["launch_200k"]
    # no payload field in the stub: the seed documents' lower 100 t -> 2 USD/kg
    direct = evaluate(scn.with_overrides({"launch.price_per_kg": 2.0})).si["cost_per_million_tokens.orbital"]
    assert r.numbers["orbital per 1M tokens at $200k/launch"] == f"{direct:.3g} USD"
    assert r.verdict == "fails"  # bus, array, radiator still dominate
    lean = _by_key(claims.check(Scenario(LEAN)))["launch_200k"]
    assert lean.verdict == "holds"


def test_fleet_claim(pipeline):
    r = _by_key(claims.check(Scenario()))["fleet_100gw"]
    assert r.numbers["cars x chip power (nameplate)"] == "100 GW"
    assert r.verdict.startswith("holds only if")
    full = _by_key(
        claims.check(
            Scenario(
                {
                    "baselines.fleet_plugged_fraction": 1.0,
                    "baselines.fleet_consent_fraction": 1.0,
                    "baselines.fleet_overhead": 0.0,
                }
            )
        )
    )["fleet_100gw"]
    assert full.verdict == "holds"  # 95 % parked keeps >= 90 % of nameplate
    assert full.numbers["average computing power"] == "95 GW"


def test_cooling_claim_both_sides(pipeline):
    r = _by_key(claims.check(Scenario()))["cooling_free"]
    assert r.verdict == "fails"
    free = _by_key(claims.check(Scenario({"finance.radiator_cost_per_m2": 0.0, "launch.price_per_kg": 0.0})))
    assert free["cooling_free"].verdict.startswith("holds only if")


def test_power_claim(pipeline):
    r = _by_key(claims.check(Scenario()))["solar_free"]
    assert r.verdict == "fails"
    assert "USD/MWh" in r.numbers["orbital power system LCOE"]


def test_terawatt_claim_arithmetic(pipeline):
    r = _by_key(claims.check(Scenario()))["tw_per_year"]
    assert r.numbers["satellites per year"] == "1e+07 satellites/yr"  # 1e12 W / 100 kW
    assert r.numbers["mass to orbit per year"] == "40 Mt/yr"  # 1e7 x 4 t
    # 40 launches for 1000 satellites -> 0.04 per satellite -> 4e5 launches/yr
    assert r.numbers["launches per year"].startswith("4e+05")
    assert r.verdict.startswith("holds only if")
    # chips: 1e12 W x 30 USD/W = 30 trillion USD
    assert r.numbers["compute hardware per year"].startswith("30 trillion USD")


def test_links_and_sunlight_claims(pipeline):
    r = _by_key(claims.check(Scenario()))
    assert r["v3_tbps"].verdict.startswith("holds only if")
    assert r["sun_24_7"].verdict == "holds"
    assert r["latency_20ms"].verdict == "holds"
    pipeline(
        **{
            "links.capacity": 2e12,
            "orbit.eclipse_days": 90.0,
            "orbit.eclipse_fraction_mean": 0.02,
            "orbit.eclipse_duration_max": 1200.0,
            "links.latency": 0.03,
        }
    )
    r = _by_key(claims.check(Scenario()))
    assert r["v3_tbps"].verdict == "holds"
    assert r["sun_24_7"].verdict.startswith("holds only")
    assert r["latency_20ms"].verdict == "fails"


def test_gpu_power_claims(pipeline):
    r = _by_key(claims.check(Scenario()))
    # 100 kW / 70 chips x PUE 1.2 = 1.71 kW per GPU: 32 % above Colossus's 1.30 kW
    assert r["colossus_power"].verdict == "fails"
    assert r["million_gpu_power"].verdict == "holds"  # 1.71 GW > 1.6 GW
    pipeline(**{"compute.chips": 92.0})  # 1.30 kW per GPU
    r = _by_key(claims.check(Scenario()))
    assert r["colossus_power"].verdict == "holds"
    assert r["million_gpu_power"].verdict.startswith("holds only if")  # 1.30 GW < 1.6 GW


def test_solar_nameplate_claim(pipeline):
    from orbitdc.physics.ground_solar import capacity_factor

    r = _by_key(claims.check(Scenario()))["solar_100gw_nuclear"]
    assert r.verdict == "fails"
    cf = capacity_factor("greensboro")
    assert r.numbers["nuclear plants equivalent"] == f"{100 * cf / 0.93:.3g}"


def test_missing_output_is_untested_not_guessed(pipeline):
    pipeline(drop=("links.capacity", "links.latency"))
    r = _by_key(claims.check(Scenario()))
    assert r["v3_tbps"].verdict == "untested" and "links.capacity" in r["v3_tbps"].detail
    assert r["latency_20ms"].verdict == "untested"
    assert r["fleet_100gw"].verdict != "untested"


def test_format_table(pipeline):
    res = claims.check(Scenario())
    text = claims.format_table(res, width=90)
    for r in res:
        assert r.claim.split(" (")[0][:40] in text.replace("\n    ", " ")
    assert f"{len(res)} claims:" in text.splitlines()[-1]
    assert max(len(line) for line in text.splitlines()) <= 90 + 10


def test_real_pipeline_tests_every_claim():
    """With the real modules installed every claim gets a verdict (no missing outputs)."""
    res = claims.check("dawn-dusk-650")
    untested = [(r.key, r.detail) for r in res if r.verdict == "untested"]
    assert not untested


def test_one_reading_of_colossus_shared_by_preset_and_claims():
    # issue 13: 300 MW is the site's (facility) power in the claim check AND in the preset
    from orbitdc import presets

    scn = presets.load("colossus-like")
    it = scn["launch.total_it_power"].to("W").magnitude
    pue = scn["baselines.pue"].magnitude
    assert it * pue == pytest.approx(claims.COLOSSUS["facility_power"], rel=1e-9)
    assert claims.COLOSSUS["facility_power"] / claims.COLOSSUS["gpus"] == pytest.approx(1304.3, rel=1e-4)


def test_cooling_compared_like_with_like(pipeline):
    # the ground's cooling is its plant (share of facility capex and O&M) plus its energy
    r = evaluate(Scenario()).si
    tok = 1.0e5
    fac = 10.0 * 1e5
    rate_fac = (fac + fac * (1.08**2 - 1)) * 0.08 * 1.08**20 / (1.08**20 - 1) / YEAR
    plant = 0.22 * (rate_fac + 0.04 / YEAR * fac)
    energy = 1e5 * 0.2 * 0.08 / 3.6e6
    assert r["economics.cooling_capex_terrestrial"] == pytest.approx(1e6 * plant / tok, rel=1e-9)
    assert r["economics.cooling_cost_terrestrial"] == pytest.approx(1e6 * (plant + energy) / tok, rel=1e-9)


def test_radiation_claim_both_sides(pipeline):
    """Stub belt: 10 Gy/yr at 650 km (dose life 7.5 yr > 5 yr mission) rising x10 per 500 km,
    so the scan's highest altitude whose dose life covers the mission is 650 km."""
    r = _by_key(claims.check(Scenario()))["radiation_belt"]
    assert r.verdict.startswith("holds only if") and "650 km" in r.verdict
    assert r.numbers["dose in this orbit"] == "10 Gy/yr"
    assert r.numbers["dose at 2000 km"] == f"{10 * 10 ** (1350 / 500):.3g} Gy/yr"
    high = _by_key(claims.check(Scenario({"orbit.altitude": "1200 km"})))["radiation_belt"]
    assert high.verdict == "fails" and "before the 5-year mission ends" in high.detail
