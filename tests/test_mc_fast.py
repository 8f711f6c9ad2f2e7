"""The fast paths of the Monte Carlo give the numbers of the general paths (issue 17).

Each test compares a fast path with the path it shortcuts, bit for bit (np.array_equal or
==, no tolerance): the sorted-pair cache of small studies with fresh draws, the float test of
Field.check with the array test, headline_uncertainty with monte_carlo.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from orbitdc import breakdown, studies
from orbitdc.errors import ScenarioError
from orbitdc.scenario import Scenario, field_spec
from orbitdc.studies import random_streams


@pytest.fixture
def no_pair_cache(monkeypatch):
    monkeypatch.setattr(random_streams, "_PAIRS", type(random_streams._PAIRS)())
    monkeypatch.setattr(random_streams, "PAIR_CACHE_ROWS", 0)


def _draws(dists, seed, start, stop, buf=None):
    vals, _ = studies._draw(dists, seed, 0, start, stop, si=True, buf=buf)
    return {k: v.copy() for k, v in vals.items()}


def test_cached_pairs_draw_the_same_numbers(monkeypatch):
    # a first chunk small enough to be kept: drawn (and kept), read back from the cache, and
    # drawn with the cache off must agree bit for bit, with and without an output buffer,
    # for every default field (triangular, integer, unit-folded) and a subset of them
    dists = studies._resolve_dists(Scenario(), None)
    monkeypatch.setattr(random_streams, "_PAIRS", type(random_streams._PAIRS)())
    first = _draws(dists, 5, 0, 3000)
    assert len(random_streams._PAIRS) == 1
    again = _draws(dists, 5, 0, 3000, buf=np.empty((len(dists), 3000)))
    sub = _draws(dists[3:40], 5, 0, 3000)
    monkeypatch.setattr(random_streams, "PAIR_CACHE_ROWS", 0)
    fresh = _draws(dists, 5, 0, 3000)
    assert first.keys() == fresh.keys()
    for k in fresh:
        assert np.array_equal(first[k], fresh[k]), k
        assert np.array_equal(again[k], fresh[k]), k
    for k in sub:
        assert np.array_equal(sub[k], fresh[k]), k


def test_cached_pairs_are_read_only_and_bounded(monkeypatch):
    monkeypatch.setattr(random_streams, "_PAIRS", type(random_streams._PAIRS)())
    dists = studies._resolve_dists(Scenario(), None)
    block = 2 * len(dists) * 1000 * 8
    monkeypatch.setattr(random_streams, "PAIR_CACHE_BYTES", 2.5 * block)
    for seed in range(4):
        studies._draw(dists, seed, 0, 0, 1000, si=True)
    assert list(k[0] for k in random_streams._PAIRS) == [2, 3]  # least recently used out
    pairs = next(iter(random_streams._PAIRS.values()))[1]
    lo, hi = pairs[dists[0].key]
    assert not lo.flags.writeable and not hi.flags.writeable
    assert np.all(lo <= hi)
    # later chunks and long first chunks are drawn, not kept
    studies._draw(dists, 9, 0, 1000, 2000, si=True)
    studies._draw(dists, 9, 0, 0, random_streams.PAIR_CACHE_ROWS + 1, si=True)
    assert all(k[0] != 9 for k in random_streams._PAIRS)


def test_chunking_does_not_change_cached_draws(monkeypatch):
    # sample i depends only on (seed, field, i): a kept first chunk of 2000 rows and a run in
    # chunks of 700 rows (later chunks are never kept) give the same outputs
    monkeypatch.setattr(random_streams, "_PAIRS", type(random_streams._PAIRS)())
    a = studies.monte_carlo(None, None, 2000, seed=4, keep_samples="outputs")
    b = studies.monte_carlo(None, None, 2000, seed=4, keep_samples="outputs", chunk_size=700)
    for k in a.samples.data_vars:
        assert np.array_equal(a.samples[k].values, b.samples[k].values), k


def test_headline_uncertainty_is_monte_carlo(no_pair_cache):
    # headline_uncertainty skips the result datasets; its figures are monte_carlo's exactly
    scn = Scenario()
    keys = [f"cost_per_million_tokens.{a}" for a in breakdown.ARCHS]
    u = breakdown.headline_uncertainty(scn, n=1500, seed=7)
    mc = studies.monte_carlo(scn, None, n=1500, seed=7, outputs=keys, keep_samples="outputs")
    assert u["n"] == 1500 and u["seed"] == 7 and u["fields"] == len(mc.distributions)
    for q in (5, 50, 95):
        assert u[f"p{q}"] == {a: mc.percentile(f"cost_per_million_tokens.{a}", q) for a in breakdown.ARCHS}
    assert u["p_cheaper"] == mc.prob_orbit_wins


@pytest.mark.parametrize(
    "key, value",
    [
        ("orbit.altitude", 500.0),
        ("orbit.altitude", 10.0),
        ("orbit.altitude", 2000.5),
        ("orbit.altitude", math.nan),
        ("orbit.altitude", -math.inf),
        ("workload.batch", 2.5),
        ("workload.batch", 0.0),
        ("workload.batch", 64.0),
        ("workload.kv_memory_share_min", 0.0),
        ("workload.kv_memory_share_min", 1.0),
        ("compute.gross_margin", 1.0),
        ("compute.yield_fraction", 0.0),
    ],
)
def test_check_of_one_float_is_the_array_check(key, value):
    # Field.check tests a Python float with plain comparisons: same acceptance, same error
    f = field_spec(key)

    def outcome(v):
        try:
            f.check(key, v)
        except ScenarioError as exc:
            return (str(exc), exc.field, str(exc.value), exc.allowed, exc.reason)
        return "ok"

    assert outcome(value) == outcome(np.array([value])) == outcome(np.float64(value))


def test_default_spreads_resolved_once_per_value(monkeypatch):
    # the default spread of a field is kept per (field, scenario value): the kept one equals a
    # fresh resolution, and a new value (another mode, a scaled spread) resolves anew
    from orbitdc.studies import distributions

    monkeypatch.setattr(distributions, "_SPREADS", {})
    scn = Scenario()
    first = distributions._resolve_dists(scn, None)
    kept = distributions._resolve_dists(scn, None)
    assert all(a is b for a, b in zip(first, kept))
    monkeypatch.setattr(distributions, "_SPREADS", {})
    assert distributions._resolve_dists(scn, None) == first
    moved = scn.with_overrides({"launch.price_per_kg": 5000.0})
    d = {x.key: x for x in distributions._resolve_dists(moved, None)}["launch.price_per_kg"]
    f = field_spec("launch.price_per_kg")
    assert d.params == (*f.spread_for(5000.0)[:1], 5000.0, f.spread_for(5000.0)[1])


def test_spare_sample_buffer_reused_across_runs(monkeypatch):
    # an in-process run keeps its sample buffer for the next run of the same shape; the kept
    # inputs and outputs of a run are its own, not those of the run that used it before
    from orbitdc.studies import montecarlo

    monkeypatch.setattr(montecarlo, "_SPARE", [])
    keys = ["launch.price_per_kg", "compute.chip_price"]
    a = studies.monte_carlo(None, keys, 3000, seed=1, keep_samples=True)
    (buf,) = montecarlo._SPARE
    b = studies.monte_carlo(None, keys, 3000, seed=2, keep_samples=True)
    assert montecarlo._SPARE[0] is buf  # the same buffer served the second run
    a2 = studies.monte_carlo(None, keys, 3000, seed=1, keep_samples=True)
    for k in a.samples.data_vars:
        assert np.array_equal(a.samples[k].values, a2.samples[k].values), k
    assert not np.array_equal(a.samples[keys[0]].values, b.samples[keys[0]].values)
    regen = a.inputs()
    for k in keys:
        assert np.array_equal(a.samples[k].values, regen[k].values), k
