"""The ``compute`` pipeline module (sections ``compute`` and ``workload``), through
``orbitdc.evaluate``.

The default scenario is checked against a hand calculation written out below in bytes and
watts (independent of the physics kernels, so it also checks the unit plumbing: byte
fields arrive in SI as bits).  The physics itself is validated in
tests/physics/test_compute.py against published measurements.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import stage_scalar_and_one_row, upstream
from hypothesis import given, settings
from hypothesis import strategies as st

import orbitdc
from orbitdc import ScenarioError
from orbitdc.model import evaluate_si
from orbitdc.physics import accelerators as acc
from orbitdc.physics import compute as phys
from orbitdc.scenario import Scenario

YEAR = 365.25 * 86400.0
CONTRACT = (
    "compute.chips",
    "compute.it_power",
    "compute.heat",
    "compute.tokens_per_second",
    "compute.tokens_per_second_per_chip",
    "compute.hardware_mass",
    "compute.hardware_cost",
    "compute.energy_per_token",
    "compute.junction_temperature_max",
)


def ev(**overrides):
    return orbitdc.evaluate(Scenario().with_overrides({k.replace("__", "."): v for k, v in overrides.items()}))


def _si(r, key):
    return float(np.asarray(r.si[key]))


def _hand_tokens_per_chip(
    n_active, bytes_w, bw_bytes, flops, batch, prompt, out, kv_bytes, n_rep, eff_bw=0.6, eff_f=0.6, overlap=0.0
):
    """Roofline in bytes, dense model: prefill compute/weight bound, decode at the mean context.

    A decode step takes max(t_mem, t_cmp) + (1 - overlap) min(t_mem, t_cmp) (the default
    overlap 0 puts the phases in series; 1 is the ideal roofline)."""
    ctx = prompt + (out - 1) / 2
    t_mem = (n_active * bytes_w + batch * ctx * kv_bytes) / (n_rep * bw_bytes * eff_bw)
    t_cmp = 2 * batch * n_active / (n_rep * flops * eff_f)
    t_dec = max(t_mem, t_cmp) + (1 - overlap) * min(t_mem, t_cmp)
    t_pre = max(
        n_active * bytes_w / (n_rep * bw_bytes * eff_bw), 2 * batch * prompt * n_active / (n_rep * flops * eff_f)
    )
    return batch * out / (n_rep * (t_pre + out * t_dec)), t_dec, t_pre


def test_default_scenario_matches_hand_calculation():
    # the fixed serving point (batch 32); the default rule is checked in tests/test_serving_point.py
    r = ev(workload__batch_rule="fixed")
    # payload: 100 kW / (700 W x 1.4) = 102.04 -> 102 H100; 10 % spares -> 11
    assert _si(r, "compute.chips") == 102 and _si(r, "compute.spare_chips") == 11
    assert _si(r, "compute.it_power") == pytest.approx(100e3) and _si(r, "compute.heat") == pytest.approx(100e3)
    assert _si(r, "compute.hardware_mass") == pytest.approx(113 * 8.0)
    assert _si(r, "compute.mass_per_kw") == pytest.approx(113 * 8.0 / 100e3)
    assert _si(r, "compute.hardware_cost") == pytest.approx(113 * 32500.0 * 1.3)
    # Llama 3.3 70B in FP8 with an FP8 KV cache (163,840 B/token; issue 13 moved it from BF16),
    # batch 32, 1000 in / 250 out: weights 70.55 GB + 32 x 1250 x 163,840 B = 6.55 GB of cache
    # -> 77.1 GB / 72 GB -> 2 chips
    assert _si(r, "compute.chips_per_replica") == 2
    tps, t_dec, t_pre = _hand_tokens_per_chip(70.55e9, 1.0, 3.35e12, 1979e12, 32, 1000, 250, 163840.0, 2)
    assert _si(r, "compute.tokens_per_second_per_chip") == pytest.approx(tps, rel=1e-12)
    assert _si(r, "compute.time_per_output_token") == pytest.approx(t_dec, rel=1e-12)
    assert _si(r, "compute.time_to_first_token") == pytest.approx(t_pre, rel=1e-12)
    assert _si(r, "compute.compute_bound") == 0
    assert _si(r, "compute.tokens_per_second_peak") == pytest.approx(102 * tps, rel=1e-12)
    # 700 W x 1.4 per chip-equivalent
    assert _si(r, "compute.energy_per_token") == pytest.approx(980.0 / tps, rel=1e-12)
    # derating (defaults moved by issue 13): 0.04 permanent failures/yr plus the orbit's
    # radiation failures (radiation stage, issue 14) over 5 yr with 11/102 hot-aging spares;
    # the orbit's radiation upsets per chip plus 0.173 interruptions per chip-year on a
    # 2-chip replica with 60 s recovery; 80 % utilisation
    rad_fail, rad_upset = _si(r, "radiation.failure_rate"), _si(r, "radiation.restart_rate")
    assert _si(r, "radiation.dose_life") > 5 * YEAR  # the default shielding covers the mission
    u, sig = (0.04 / YEAR + rad_fail) * 5 * YEAR, math.log1p(11 / 102)
    alive = (sig + 1 - math.exp(-(u - sig))) / u
    lam = 2 * (rad_upset + 0.173 / YEAR)
    tau = 32 * 250 / (2 * tps)  # one batch cycle of the replica
    retry = lam * tau / math.expm1(lam * tau) * math.exp(-lam * 60.0)
    assert _si(r, "compute.mean_active_fraction") == pytest.approx(alive, rel=1e-9)
    assert _si(r, "compute.retry_efficiency") == pytest.approx(retry, rel=1e-9)
    delivered = 102 * tps * alive * retry * 0.8
    assert _si(r, "compute.tokens_per_second") == pytest.approx(delivered, rel=1e-9)
    assert _si(r, "compute.prompt_tokens_per_second") == pytest.approx(delivered * 4, rel=1e-9)
    assert _si(r, "compute.requests_per_second") == pytest.approx(delivered / 250, rel=1e-9)
    assert _si(r, "compute.tokens_delivered") == pytest.approx(delivered * 5 * YEAR, rel=1e-9)
    # the same chips on the ground: 0.173 interruptions per chip-year (no radiation upsets), each
    # permanent failure stops the 2-chip replica for 3 days while a spare is swapped in
    lam_g = 2 * 0.173 / YEAR
    retry_g = lam_g * tau / math.expm1(lam_g * tau) * math.exp(-lam_g * 60.0)
    avail_g = 1 / (1 + 0.04 / YEAR * 2 * 3 * 86400.0)
    assert _si(r, "compute.retry_efficiency_ground") == pytest.approx(retry_g, rel=1e-9)
    assert _si(r, "compute.repair_availability_ground") == pytest.approx(avail_g, rel=1e-9)
    assert _si(r, "compute.tokens_per_second_ground") == pytest.approx(102 * tps * 0.8 * retry_g * avail_g, rel=1e-9)
    assert _si(r, "compute.replacement_chips_ground") == pytest.approx(0.04 * 5 * 102, rel=1e-9)
    assert _si(r, "compute.hardware_cost_ground") == pytest.approx(102 * 32500.0 * 1.3)
    # fairness: the base 4 %/yr everywhere, the radiation term in orbit only
    assert _si(r, "compute.failure_rate_orbital") == pytest.approx(0.04 / YEAR + rad_fail, rel=1e-12)
    assert rad_fail > 0
    assert _si(r, "compute.service_life_orbital") == pytest.approx(5 * YEAR)
    # display units
    assert r["compute.junction_temperature_max"].to("degC").magnitude == pytest.approx(85.0)
    assert _si(r, "compute.junction_temperature_max") == pytest.approx(358.15)
    assert r["compute.it_power"].to("kW").magnitude == pytest.approx(100.0)
    assert r.label("compute.compute_bound") == "memory-bandwidth bound"


def test_contract_keys_finite_and_positive():
    r = ev()
    for k in CONTRACT:
        v = _si(r, k)
        assert math.isfinite(v) and v > 0, k


def test_workload_link_fields_for_links_module():
    # links reads workload.bytes_per_token_in / _out (SI bits): 4 bytes of UTF-8 text by default
    p = Scenario().to_si()
    assert p["workload.bytes_per_token_in"] == pytest.approx(32.0)
    assert p["workload.bytes_per_token_out"] == pytest.approx(32.0)
    assert Scenario({"workload.bytes_per_token_in": "2 kB"}).to_si()["workload.bytes_per_token_in"] == 16000.0


@pytest.mark.parametrize("part", [k for k in acc.ACCELERATORS if k != acc.CUSTOM])
def test_accelerator_choice_fills_catalog_figures(part):
    s = Scenario({"compute.accelerator": part})
    spec = acc.ACCELERATORS[part]
    assert s.to_si()["compute.chip_power"] == pytest.approx(spec["chip_power"].si())
    assert s.to_si()["compute.memory_bandwidth"] == pytest.approx(spec["memory_bandwidth"].si())
    assert s.to_si()["compute.memory"] == pytest.approx(spec["memory"].si())
    r = orbitdc.evaluate(s)
    # the effective price is the catalog price, or for the wafer-priced parts the derived one
    assert _si(r, "compute.chip_price") == pytest.approx(spec["chip_price"].value, abs=0.01)
    per_chip = spec["chip_power"].si() * 1.4
    assert _si(r, "compute.chips") == math.floor(100e3 / per_chip * (1 + 1e-12))
    for k in CONTRACT:
        assert math.isfinite(_si(r, k)) and _si(r, k) > 0, (part, k)


def test_seed_yield_story_through_the_pipeline():
    sf2 = ev(compute__accelerator="ai6-sf2-projection")
    n2 = ev(compute__accelerator="ai6-sf2-projection", compute__yield_fraction=0.70)
    assert _si(n2, "compute.chip_price") == pytest.approx(
        acc.ACCELERATORS["ai6-n2-projection"]["chip_price"].value, abs=0.01
    )
    assert _si(sf2, "compute.hardware_cost") > _si(n2, "compute.hardware_cost")
    assert _si(sf2, "compute.die_yield") == pytest.approx(0.425)
    # Murphy yield from a defect density replaces the quoted fraction
    m = ev(
        compute__accelerator="ai6-sf2-projection", compute__yield_model="murphy", compute__defect_density="0.1 / cm^2"
    )
    x = 7.5 * 0.1
    assert _si(m, "compute.die_yield") == pytest.approx(((1 - math.exp(-x)) / x) ** 2, rel=1e-12)
    dpw = math.pi * 150**2 / 750 - math.pi * 300 / math.sqrt(1500)
    assert _si(m, "compute.good_dies_per_wafer") == pytest.approx(dpw * ((1 - math.exp(-x)) / x) ** 2, rel=1e-12)
    # switching back to the catalog price uses chip_price
    c = ev(compute__accelerator="ai6-sf2-projection", compute__price_model="catalog", compute__chip_price=5000)
    assert _si(c, "compute.chip_price") == 5000.0


def test_custom_part_keeps_user_numbers():
    s = Scenario(
        {
            "compute.accelerator": "custom",
            "compute.chip_power": "500 W",
            "compute.memory_bandwidth": "5 TB/s",
            "compute.chip_price": 9000,
        }
    )
    r = orbitdc.evaluate(s)
    assert _si(r, "compute.chips") == math.floor(100e3 / (500 * 1.4))
    assert _si(r, "compute.chip_price") == 9000.0


def test_precision_selects_the_tensor_rate():
    # 8B model, no prompt, huge batch: decode is compute bound at F x eff / (2 N) (the ideal
    # roofline, overlap 1, isolates the compute term)
    base = dict(
        compute__memory_compute_overlap=1.0,
        workload__model="llama-3.1-8b",
        workload__prompt_tokens=0,
        workload__batch=4096,
        workload__kv_bytes_per_token=0,
        workload__batch_rule="fixed",
    )
    r8 = ev(**base, workload__bytes_per_parameter=1)
    r16 = ev(**base, workload__bytes_per_parameter=2)
    assert _si(r8, "compute.compute_bound") == 1 and _si(r16, "compute.compute_bound") == 1
    assert _si(r8, "compute.tokens_per_second_per_chip") == pytest.approx(1979e12 * 0.6 / (2 * 8.03e9), rel=1e-12)
    assert _si(r16, "compute.tokens_per_second_per_chip") == pytest.approx(989e12 * 0.6 / (2 * 8.03e9), rel=1e-12)


def test_moe_model_preset():
    # the ideal roofline (overlap 1) isolates the memory term of the decode step
    r = ev(workload__model="deepseek-v3", workload__batch_rule="fixed", compute__memory_compute_overlap=1.0)
    # 671 GB of FP8 weights + 32 x 1250 x 35,136 B of FP8 MLA cache = 672.4 GB / 72 GB -> 10 chips
    assert _si(r, "compute.chips_per_replica") == 10
    # decode reads the experts touched by 32 tokens: 671e9 - 634e9 (31/32)^31 = 434.6e9 weights
    n_read = 671e9 - (671e9 - 37e9) * (1 - 8 / 256) ** 31
    t_dec = (n_read * 1.0 + 32 * (1000 + 124.5) * 35136.0) / (10 * 3.35e12 * 0.6)
    assert _si(r, "compute.time_per_output_token") == pytest.approx(t_dec, rel=1e-12)
    # a dense model of the same total size reads every weight every step: slower per chip
    dense = ev(
        workload__model="custom",
        workload__active_parameters=671e9,
        workload__total_parameters=671e9,
        workload__kv_bytes_per_token="35.136 kB",
        workload__batch_rule="fixed",
    )
    assert _si(r, "compute.tokens_per_second_per_chip") > 1.4 * _si(dense, "compute.tokens_per_second_per_chip")


def test_no_degradation_delivers_peak():
    r = ev(
        compute__failure_rate=0,
        radiation__upsets_per_gray=0,
        radiation__gcr_upset_rate=0,
        radiation__hard_failures_per_gray=0,
        radiation__gcr_failure_rate=0,
        compute__interruption_rate=0,
        compute__utilisation=1,
    )
    assert _si(r, "compute.tokens_per_second") == pytest.approx(_si(r, "compute.tokens_per_second_peak"), rel=1e-15)
    assert _si(r, "compute.mean_active_fraction") == 1.0 and _si(r, "compute.retry_efficiency") == 1.0


def test_longer_mission_lowers_life_average():
    a5 = _si(ev(), "compute.mean_active_fraction")
    a10 = _si(ev(power__mission_life="10 yr"), "compute.mean_active_fraction")
    assert a10 < a5 < 1


@pytest.mark.parametrize(
    "key,value,needle",
    [
        ("compute.utilisation", 0.0, "compute.utilisation"),
        ("compute.utilisation", 1.2, "compute.utilisation"),
        ("workload.batch", 0.5, "workload.batch"),
        ("compute.yield_fraction", 0.0, "compute.yield_fraction"),
        ("compute.gross_margin", 1.0, "compute.gross_margin"),
        ("compute.chip_price", -1.0, "compute.chip_price"),
        ("compute.die_area", "900 mm^2", "reticle"),
        ("compute.bandwidth_efficiency", 1.5, "compute.bandwidth_efficiency"),
        ("compute.accelerator", "h200", "one of"),
    ],
)
def test_field_bounds(key, value, needle):
    with pytest.raises(ScenarioError, match=needle.replace(".", r"\.")):
        Scenario({key: value})


def test_cross_field_conditions():
    with pytest.raises(ScenarioError, match=r"power\.payload_power.*single accelerator"):
        ev(power__payload_power="0.9 kW")
    with pytest.raises(ScenarioError, match=r"power\.payload_power.*do not fit"):
        ev(workload__model="llama-3.1-405b", power__payload_power="5 kW")
    with pytest.raises(ScenarioError, match=r"workload\.total_parameters"):
        ev(workload__model="custom", workload__total_parameters=10e9)
    with pytest.raises(ScenarioError, match=r"workload\.active_parameters"):
        ev(workload__model="custom", workload__total_parameters=600e9, workload__expert_fraction=0.5)
    with pytest.raises(ScenarioError, match=r"radiation\.upsets_per_gray"):
        ev(radiation__upsets_per_gray="1e6 / Gy", compute__recovery_time="1 hr")


def test_vectorised_over_scenarios_matches_scalar_runs():
    base = Scenario().to_si()
    n = 7
    p = dict(base)
    p["workload.batch_rule"] = "fixed"
    p["power.payload_power"] = np.linspace(20e3, 400e3, n)
    p["compute.chip_price"] = np.linspace(5e3, 40e3, n)
    p["compute.price_model"] = np.array(["catalog", "wafer"] * 3 + ["catalog"])
    p["compute.yield_model"] = np.array(["fraction", "poisson", "murphy", "fraction", "murphy", "poisson", "fraction"])
    p["workload.batch"] = np.array([1, 8, 16, 32, 64, 128, 256], dtype=float)
    vec = evaluate_si(p)
    for i in range(n):
        q = {k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in p.items()}
        q = {k: (str(v) if isinstance(v, np.str_) else v) for k, v in q.items()}
        one = evaluate_si(q)
        for k in (
            "compute.tokens_per_second",
            "compute.hardware_cost",
            "compute.chip_price",
            "compute.chips",
            "compute.energy_per_token",
            "compute.hardware_mass",
        ):
            assert np.asarray(vec[k])[i] == pytest.approx(float(one[k]), rel=1e-12), (k, i)


def test_stage_speed_on_a_million_scenarios_is_vectorised():
    # one million payload powers: a single numpy pass (no per-element Python), finite output
    p = dict(Scenario().to_si())
    p["power.payload_power"] = np.linspace(20e3, 1e6, 1_000_000)
    out = upstream(p, before="compute")  # the real orbit and radiation stages
    from orbitdc.sections import compute as sec

    sec.stage(p, out)
    t = out["compute.tokens_per_second"]
    assert t.shape == (1_000_000,) and np.all(np.isfinite(t)) and np.all(t > 0)
    assert np.all(np.diff(out["compute.chips"]) >= 0)


settings_ = settings(max_examples=40, deadline=None)


@settings_
@given(
    power=st.floats(20e3, 1e9),
    price=st.floats(0, 60000),
    batch=st.integers(1, 256),
    prompt=st.floats(0, 8000),
    out_tok=st.floats(1, 2000),
    util=st.floats(0.05, 1.0),
    fail=st.floats(0, 1.0),
    spares=st.floats(0, 1),
    eff=st.floats(0.1, 1.0),
    part=st.sampled_from(sorted(acc.ACCELERATORS)),
    bpp=st.sampled_from([0.5, 1.0, 2.0]),
)
def test_valid_scenarios_give_finite_positive_outputs(
    power, price, batch, prompt, out_tok, util, fail, spares, eff, part, bpp
):
    s = Scenario(
        {
            "compute.accelerator": part,
            "power.payload_power": f"{power} W",
            "workload.batch": batch,
            "workload.prompt_tokens": prompt,
            "workload.output_tokens": out_tok,
            "compute.utilisation": util,
            "compute.failure_rate": fail,
            "compute.spares_fraction": spares,
            "compute.bandwidth_efficiency": eff,
            "workload.bytes_per_parameter": bpp,
        }
    )
    if part not in acc.WAFER_INPUTS:
        s = s.with_overrides({"compute.chip_price": price})
    try:
        r = evaluate_si(s.to_si())
    except ScenarioError as e:  # only the documented cross-field refusal may occur
        assert "do not fit" in str(e)
        return
    for k in CONTRACT:
        v = float(np.asarray(r[k]))
        assert math.isfinite(v) and (v > 0 or (k == "compute.hardware_cost" and price == 0)), k
    assert r["compute.tokens_per_second"] <= r["compute.tokens_per_second_peak"] * (1 + 1e-12)
    assert r["compute.chips"] >= r["compute.chips_per_replica"]


def test_physics_public_api_agrees_with_stage():
    # the stage's kernels and the checked public functions give the same serving rate
    r = ev(workload__batch_rule="fixed")
    srv = phys.serving_throughput(
        70.55e9,
        "1 byte",
        "3.35 TB/s",
        1979e12,
        32,
        1000,
        250,
        "163.84 kB",
        bandwidth_efficiency=0.6,
        compute_efficiency=0.6,
        chips=2,
        overlap=0.0,  # the scenario's default compute.memory_compute_overlap
    )
    assert _si(r, "compute.tokens_per_second_per_chip") == pytest.approx(srv.tokens_per_second, rel=1e-12)


# ------------------------------------------------------------ scalar fast paths
def test_compute_scalar_path_is_bit_identical_to_the_array_path():
    # the scalar path computes on Python floats with plain arithmetic (orbitdc.kernels.compute
    # where/maximum/minimum) and the array path with numpy ufuncs; IEEE 754 double arithmetic
    # is the same in both, so every output agrees exactly (tolerance 0) on every preset
    for name, scalar, one_row in stage_scalar_and_one_row("compute"):
        for k, v in scalar.items():
            if k.startswith("compute."):
                assert v.__class__ is float, (name, k)
                assert np.array_equal(np.ravel(one_row[k]), [v]), (name, k, v, one_row[k])


@pytest.mark.parametrize(
    "a,b",
    [(1.0, 2.0), (2.0, 1.0), (-0.0, 0.0), (math.nan, 1.0), (1.0, math.nan), (math.inf, 1.0), (-math.inf, math.nan)],
)
def test_scalar_helpers_match_numpy(a, b):
    # the scalar shortcuts return numpy's values (NaN propagates as in np.maximum/np.minimum)
    from orbitdc.kernels import compute as kc

    assert np.array_equal(kc.maximum(a, b), np.maximum(a, b), equal_nan=True)
    assert np.array_equal(kc.minimum(a, b), np.minimum(a, b), equal_nan=True)
    for cond in (a > b, np.bool_(a > b)):
        assert np.array_equal(kc.where(cond, a, b), np.where(cond, a, b), equal_nan=True)
    assert kc.every(a > b) is bool(np.all(a > b))
    arr = np.array([a, b])
    assert np.array_equal(kc.maximum(arr, b), np.maximum(arr, b), equal_nan=True)
    assert np.array_equal(kc.where(arr > 0, arr, b), np.where(arr > 0, arr, b), equal_nan=True)


@pytest.mark.parametrize(
    "yield_model, price_model", [("fraction", "catalog"), ("poisson", "wafer"), ("murphy", "catalog")]
)
def test_chip_price_and_yield_on_rows_equal_single_rows(yield_model, price_model):
    # rows of die areas and catalog prices: a given yield ("fraction") or catalog price is
    # passed on in the rows' shape without computing the modelled one; every row equals its
    # single scenario (rtol 1e-12: math and numpy may round exp in the last bit)
    p = Scenario({"compute.yield_model": yield_model, "compute.price_model": price_model}).to_si()
    p["compute.die_area"] = np.array([3.0e-4, 6.0e-4, 8.0e-4])
    p["compute.chip_price"] = np.array([9000.0, 20000.0, 31000.0])
    out = evaluate_si(p)
    for key in ("compute.die_yield", "compute.chip_price", "compute.good_dies_per_wafer"):
        assert np.shape(out[key]) == (3,), key
    for k in range(3):
        row = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in p.items()}
        ref = evaluate_si(row)
        for key in ("compute.die_yield", "compute.chip_price", "compute.good_dies_per_wafer", "compute.hardware_cost"):
            assert out[key][k] == pytest.approx(ref[key], rel=1e-12), (key, k)
    if yield_model == "fraction":
        assert np.all(out["compute.die_yield"] == p["compute.yield_fraction"])
    if price_model == "catalog":
        assert out["compute.chip_price"].tolist() == [9000.0, 20000.0, 31000.0]
