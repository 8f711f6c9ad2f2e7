"""The serving point from a rule (issue 13): batch and replica size the way serving engines run.

Validation source (exact figures, stated tolerance):

* NVIDIA TensorRT-LLM, ``docs/source/performance/perf-overview.md`` (2025, "Throughput
  Measurements", table "Llama 3.3 70B"): ``nvidia/Llama-3.3-70B-Instruct-FP8`` on H100 SXM
  80 GB, TP2, ``trtllm-bench throughput`` (requests queued at an infinite rate, so no latency
  target; KV-cache memory decides the batch).  Total output throughput of the two GPUs:
  2,048 in / 2,048 out: 3,082 tokens/s; 5,000 / 500: 898 tokens/s; 20,000 / 2,000: 437 tokens/s.
  The model, with its default efficiencies (0.6 / 0.6), FP8 KV cache, 90 % usable memory and
  the default rule with the latency target lifted, must reproduce these within 15 %.

The same table's short-prompt rows (128-1,000 input tokens) run at very large batches
(hundreds to thousands of requests), where a decode step's memory traffic and arithmetic no
longer hide behind each other.  With the ideal roofline (``compute.memory_compute_overlap =
1``, step time max(t_mem, t_cmp)) the model over-predicts them by 17-57 %; with the phases in
series (overlap 0, the default, t_mem + t_cmp) all ten rows are within 0.89x-1.17x.  The
short rows are held to a documented band of 0.85x to 1.20x (the largest deviation, 128/128 at
a batch of 2,341, is +17 %: the model has no per-step scheduling overhead and no cap on tokens
per engine step).
"""

from __future__ import annotations

import numpy as np
import pytest

import orbitdc
from orbitdc.model import evaluate_si
from orbitdc.scenario import Scenario

# (input, output) -> measured tokens/s of 2 x H100, TensorRT-LLM perf overview (module doc)
TRT_LLM_H100_TP2 = {(2048, 2048): 3082, (5000, 500): 898, (20000, 2000): 437}
TRT_LLM_SHORT = {
    (128, 128): 6378,
    (128, 2048): 6651,
    (128, 4096): 4199,
    (500, 2000): 5222,
    (1000, 1000): 4205,
    (1000, 2000): 4146,
    (2048, 128): 762,
}
OFFLINE = {"workload.max_time_per_output_token": "1e6 ms"}  # no latency target (offline benchmark)


def _replica_rate(prompt, output, **extra):
    r = evaluate_si(
        Scenario({"workload.prompt_tokens": prompt, "workload.output_tokens": output, **OFFLINE, **extra}).to_si()
    )
    return r["compute.tokens_per_second_per_chip"] * r["compute.chips_per_replica"], r


@pytest.mark.parametrize("shape", sorted(TRT_LLM_H100_TP2))
def test_rule_reproduces_tensorrt_llm_h100_llama33_70b_within_15_percent(shape):
    rate, r = _replica_rate(*shape)
    assert r["compute.chips_per_replica"] == 2  # the rule picks TP2, as NVIDIA ran it
    assert rate == pytest.approx(TRT_LLM_H100_TP2[shape], rel=0.15)


@pytest.mark.parametrize("shape", sorted(TRT_LLM_SHORT))
def test_short_prompts_stay_in_the_documented_band(shape):
    rate, r = _replica_rate(*shape)
    assert r["compute.chips_per_replica"] == 2
    assert 0.85 * TRT_LLM_SHORT[shape] <= rate <= 1.20 * TRT_LLM_SHORT[shape]


def test_ideal_roofline_overpredicts_the_short_prompts():
    # why the default overlap is 0: with the phases fully overlapped (the ideal roofline) the
    # same rows come out 17-57 % high (TensorRT-LLM table, module doc); the worst row > 1.5x
    ratios = [
        _replica_rate(*shape, **{"compute.memory_compute_overlap": 1.0})[0] / v for shape, v in TRT_LLM_SHORT.items()
    ]
    assert min(ratios) > 1.1 and max(ratios) > 1.5
    # and the overlap only ever adds throughput: never fewer tokens with more overlap
    for shape in TRT_LLM_SHORT:
        lo = _replica_rate(*shape)[0]
        mid = _replica_rate(*shape, **{"compute.memory_compute_overlap": 0.5})[0]
        hi = _replica_rate(*shape, **{"compute.memory_compute_overlap": 1.0})[0]
        assert lo <= mid <= hi


def test_default_batch_is_the_largest_that_meets_the_target():
    r = orbitdc.evaluate(Scenario()).si
    b = r["compute.batch"]
    assert r["compute.chips_per_replica"] == 2
    # meets 40 ms per output token (25 tokens/s per user) ...
    assert r["compute.tokens_per_second_per_user"] >= 25.0 * (1 - 1e-9)
    assert 1 / r["compute.tokens_per_second_per_user"] <= 0.040 * (1 + 1e-9)
    # ... and one more request would miss it (the memory bound is far above at this target)
    fixed = {"workload.batch_rule": "fixed", "compute.memory_usable_fraction": 0.99}
    one_more = evaluate_si(Scenario({**fixed, "workload.batch": b + 1}).to_si())
    assert one_more["compute.tokens_per_second_per_user"] < 25.0
    same = evaluate_si(Scenario({**fixed, "workload.batch": b}).to_si())
    assert same["compute.tokens_per_second_per_chip"] == pytest.approx(
        r["compute.tokens_per_second_per_chip"], rel=1e-12
    )


def test_memory_bounds_the_batch_when_the_target_is_loose():
    # 2 x 80 GB x 0.9 - 70.55 GB of weights = 73.45 GB for the paged cache; a 1000/1000 request
    # holds 1499.5 tokens x 163,840 B = 245.7 MB on average -> 298 requests
    _, r = _replica_rate(1000, 1000)
    assert r["compute.batch"] == np.floor((2 * 80e9 * 0.9 - 70.55e9) / (1499.5 * 163840.0))


def test_tighter_target_smaller_batch_and_fewer_tokens():
    loose = orbitdc.evaluate(Scenario({"workload.max_time_per_output_token": "100 ms"})).si
    tight = orbitdc.evaluate(Scenario({"workload.max_time_per_output_token": "25 ms"})).si
    assert tight["compute.batch"] < loose["compute.batch"]
    assert tight["compute.tokens_per_second_per_chip"] < loose["compute.tokens_per_second_per_chip"]
    assert tight["compute.tokens_per_second_per_user"] > loose["compute.tokens_per_second_per_user"]


def test_rule_serves_more_than_the_old_fixed_batch_of_32():
    rule = orbitdc.evaluate(Scenario()).si
    old = orbitdc.evaluate(Scenario({"workload.batch_rule": "fixed"})).si
    # 815.8 against 561.0 tokens/s per chip with the phases in series (1.45x)
    assert rule["compute.tokens_per_second_per_chip"] > 1.4 * old["compute.tokens_per_second_per_chip"]


def test_replica_size_follows_the_model():
    small = orbitdc.evaluate(Scenario({"workload.model": "llama-3.1-8b"})).si
    big = orbitdc.evaluate(Scenario({"workload.model": "llama-3.1-405b", "power.payload_power": "200 kW"})).si
    assert small["compute.chips_per_replica"] == 1  # TensorRT-LLM runs 8B at TP1
    assert big["compute.chips_per_replica"] == 8  # and 405B at TP8 on H100


def test_rule_vectorised_matches_scalar():
    p = Scenario().to_si()
    targets = np.array([0.015, 0.025, 0.04, 0.1, 1.0])
    prompts = np.array([100.0, 1000.0, 4000.0, 500.0, 20000.0])
    vec = evaluate_si({**p, "workload.max_time_per_output_token": targets, "workload.prompt_tokens": prompts})
    for i in range(len(targets)):
        one = evaluate_si({**p, "workload.max_time_per_output_token": targets[i], "workload.prompt_tokens": prompts[i]})
        for k in ("compute.batch", "compute.chips_per_replica", "compute.tokens_per_second"):
            assert vec[k][i] == pytest.approx(one[k], rel=1e-12), (k, i)


def test_closed_form_batch_equals_the_integer_bisection():
    # dense models take the closed form (the largest of four lines in the batch); any
    # non-dense element sends the whole array through the exact integer bisection
    from orbitdc.sections import compute as sec

    rng = np.random.default_rng(7)
    n = 2000
    q = dict(Scenario().to_si())
    q["workload.max_time_per_output_token"] = 10 ** rng.uniform(-3, 0.5, n)
    q["workload.prompt_tokens"] = np.floor(10 ** rng.uniform(0, 4.5, n)) * (rng.random(n) > 0.05)
    q["workload.output_tokens"] = np.floor(10 ** rng.uniform(0, 3.5, n)) + 1
    q["compute.bandwidth_efficiency"] = rng.uniform(0.2, 1, n)
    s_w, flops = q["workload.bytes_per_parameter"], q["compute.flops_8bit"]
    closed, _ = sec.serving_point(q, s_w, flops)
    active = np.full(n, q["workload.total_parameters"])
    active[0] *= 1 - 1e-9
    frac = np.ones(n)
    frac[0] = 0.999999
    bisected, _ = sec.serving_point(
        {**q, "workload.active_parameters": active, "workload.expert_fraction": frac}, s_w, flops
    )
    np.testing.assert_array_equal(closed[1:], bisected[1:])
    assert closed.min() == 1 and closed.max() > 1000
