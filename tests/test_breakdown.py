"""orbitdc.breakdown: the cost categories add up, mean the same on the three architectures, and move as they should."""

from __future__ import annotations

import math

import pytest

import orbitdc
from orbitdc import breakdown, presets
from orbitdc.kernels.finance import crf as _k_crf


@pytest.mark.parametrize("name", presets.names())
def test_parts_sum_to_each_architecture_cost(name):
    """Sum of the seven categories = cost_per_million_tokens.<arch> to 1e-9 relative, every preset."""
    res = orbitdc.evaluate(presets.load(name))
    b = breakdown.cost_breakdown(res)
    assert set(b) == set(breakdown.ARCHS)
    for arch, parts in b.items():
        assert tuple(parts) == breakdown.CATEGORIES
        assert all(math.isfinite(v) and v >= 0 for v in parts.values()), (arch, parts)
        total = res.si[f"cost_per_million_tokens.{arch}"]
        assert sum(parts.values()) == pytest.approx(total, rel=1e-9), (arch, parts, total)


def test_categories_track_their_inputs():
    """Launch is orbit-only and scales with the launch price; doubling the chip price moves only chips+financing on the ground."""
    scn = presets.load("dawn-dusk-650")
    base = breakdown.cost_breakdown(orbitdc.evaluate(scn))
    assert base["terrestrial"]["launch"] == 0 and base["fleet"]["launch"] == 0
    assert base["fleet"]["cooling"] == 0
    cheap = breakdown.cost_breakdown(orbitdc.evaluate(scn, launch__price_per_kg="100 USD/kg"))
    assert cheap["orbital"]["launch"] < base["orbital"]["launch"]
    assert cheap["orbital"]["chips"] == pytest.approx(base["orbital"]["chips"], rel=1e-12)
    assert cheap["terrestrial"] == pytest.approx(base["terrestrial"], rel=1e-12)
    zero_rate = breakdown.cost_breakdown(orbitdc.evaluate(scn, finance__wacc=0.0))
    # no cost of capital: nothing in financing but the ground's grid-connection wait (zero at 0 %)
    assert zero_rate["orbital"]["financing"] == pytest.approx(0.0, abs=1e-12)
    assert zero_rate["terrestrial"]["financing"] == pytest.approx(0.0, abs=1e-12)


def test_financing_is_capital_recovery_minus_depreciation():
    """Orbital financing / (capital items / life) = n CRF(i, n) - 1 (Sullivan et al. 2015, CRF); exact to 1e-9."""
    scn = presets.load("dawn-dusk-650")
    res = orbitdc.evaluate(scn)
    b = breakdown.cost_breakdown(res)["orbital"]
    dep = sum(v for k, v in b.items() if k not in ("operations", "financing"))
    i = scn.to_si()["finance.wacc"]
    n = breakdown._life_years(res.si["economics.capital_recovery_factor"], i)
    assert _k_crf(i, n) == pytest.approx(res.si["economics.capital_recovery_factor"], rel=1e-12)
    assert b["financing"] / dep == pytest.approx(n * _k_crf(i, n) - 1, rel=1e-9)


def test_deciding_factor_differs_between_presets_and_is_the_largest_share():
    seen = set()
    for name in ("dawn-dusk-650", "optimistic", "seed-claims"):
        res = orbitdc.evaluate(presets.load(name))
        d = breakdown.deciding_factor(res)
        parts = breakdown.cost_breakdown(res)["orbital"]
        assert d.category == max(parts, key=parts.get)
        assert d.share == pytest.approx(parts[d.category] / sum(parts.values()), rel=1e-12)
        assert d.share >= d.runner_up_share
        seen.add(d.category)
    assert len(seen) >= 2, seen  # the slot must say something different for different scenarios


def test_headline_uncertainty_brackets_the_median_and_is_seeded():
    u = breakdown.headline_uncertainty("dawn-dusk-650", n=2000, seed=3)
    assert u["n"] == 2000 and u["fields"] > 100
    for a in breakdown.ARCHS:
        assert 0 < u["p5"][a] < u["p50"][a] < u["p95"][a]
    assert set(u["p_cheaper"]) == {"terrestrial", "fleet"}
    assert all(0 <= v <= 1 for v in u["p_cheaper"].values())
    assert breakdown.headline_uncertainty("dawn-dusk-650", n=2000, seed=3) == u
