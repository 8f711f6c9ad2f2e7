"""Prices quoted the way the market quotes them (issue 13).

List price used (cited; the check is that a provider's cost sits below its price):

* Together AI pricing page (together.ai/pricing, 2025): Llama 3.3 70B Instruct Turbo,
  0.88 USD per million tokens, input and output alike (so 0.88 blended at any ratio).
"""

from __future__ import annotations

import pytest

import orbitdc
from orbitdc.scenario import Scenario

TOGETHER_LLAMA33_70B = 0.88  # USD per million tokens, input = output (Together AI, 2025)


@pytest.fixture(scope="module")
def ref():
    return orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650")).si


def test_ground_cost_sits_below_the_list_price(ref):
    # same model (Llama 3.3 70B) on H100 on the ground: the cost must sit well below the price
    assert ref["economics.price_blended_terrestrial"] < 0.5 * TOGETHER_LLAMA33_70B
    assert ref["economics.price_output_terrestrial"] < TOGETHER_LLAMA33_70B
    assert ref["economics.price_input_terrestrial"] < TOGETHER_LLAMA33_70B


@pytest.mark.parametrize("arch", ["orbital", "terrestrial", "fleet"])
def test_input_and_output_prices_recover_the_whole_cost(ref, arch):
    # chip time split between prefill and decode: input + output revenue = the whole cost
    # (the cost per million output tokens already carries the prompts' share)
    n_in, n_out = 1000.0, 250.0
    both = ref[f"economics.price_input_{arch}"] * n_in + ref[f"economics.price_output_{arch}"] * n_out
    assert both == pytest.approx(ref[f"cost_per_million_tokens.{arch}"] * n_out, rel=1e-9)
    f = ref["compute.prefill_time_share"]
    assert ref[f"economics.price_output_{arch}"] == pytest.approx(
        (1 - f) * ref[f"cost_per_million_tokens.{arch}"], rel=1e-9
    )
    k = 3.0
    assert ref[f"economics.price_blended_{arch}"] == pytest.approx(
        (k * ref[f"economics.price_input_{arch}"] + ref[f"economics.price_output_{arch}"]) / (k + 1), rel=1e-12
    )


def test_every_market_quote_is_reported(ref):
    for a in ("orbital", "terrestrial", "fleet"):
        for k in ("price_input", "price_output", "price_blended", "cost_per_accelerator_hour", "cost_per_kw_year"):
            assert ref[f"economics.{k}_{a}"] > 0, (k, a)
    # capex per W without chips: the building costs about what surveys say (facility 10 USD/W
    # plus the capital carried during a 2-year interconnection wait at 8 %)
    assert ref["economics.capex_per_watt_ex_chips_terrestrial"] == pytest.approx(10 * 1.08**2, rel=1e-9)
    assert ref["economics.capex_per_watt_ex_chips_orbital"] > ref["economics.capex_per_watt_ex_chips_terrestrial"]


def test_blend_ratio_moves_the_blend_only():
    a = orbitdc.evaluate(Scenario()).si
    b = orbitdc.evaluate(Scenario({"finance.blend_ratio": 1.0})).si
    assert b["economics.price_input_terrestrial"] == a["economics.price_input_terrestrial"]
    assert b["economics.price_blended_terrestrial"] == pytest.approx(
        (a["economics.price_input_terrestrial"] + a["economics.price_output_terrestrial"]) / 2, rel=1e-12
    )
