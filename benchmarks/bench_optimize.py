"""Benchmark of orbitdc.studies.optimize and pareto (issue 16).

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_optimize            # all figures
    .venv/bin/python -m benchmarks.bench_optimize --quick    # the 6-variable problem only

Prints, after a warm-up that loads itur and the solar data once:

* the 6-variable mixed problem of the tests (altitude, satellite power, depth of discharge,
  batch, accelerator, launch vehicle on the reference scenario): wall time, designs
  evaluated, pipeline calls and the best cost, for three seeds, and the best of a
  100,000-point random search over the same box with its time;
* the default design search (every design field that moves the cost) for the reference
  scenario and for the seed documents' scenario, orbit and ground, with the ratio, and the
  best of a 100,000-point random search over the same default box;
* the best orbit against the best ground by year (2026, 2030 ... 2050) on the reference;
* a two-objective Pareto front (cost against mass per kW) over four variables.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

MIXED6 = {
    "orbit.altitude": (400.0, 1500.0),
    "power.payload_power": (20.0, 500.0),
    "power.depth_of_discharge": (0.1, 0.8),
    "workload.batch": (8, 256),
    "compute.accelerator": ["h100-sxm", "b200", "tpu-v4"],
    "launch.vehicle": ["falcon9-reusable", "falcon-heavy", "starship-flown"],
}
ORBITAL = "cost_per_million_tokens.orbital"


def _line(name: str, value: float, unit: str, extra: str = "") -> None:
    print(f"{name:<62} {value:>12.4g} {unit:<8} {extra}", flush=True)


def _best_of_random(prob, n: int, seed: int) -> tuple[float, float]:
    """Best objective of ``n`` uniformly random designs of ``prob``'s box, and the seconds taken."""
    rng = np.random.default_rng(seed)
    lo = np.array([v.bounds[0] for v in prob.vars])
    hi = np.array([v.bounds[1] for v in prob.vars])
    disc = np.array([v.kind != "real" for v in prob.vars])
    a, b = np.where(disc, lo - 0.499, lo), np.where(disc, hi + 0.499, hi)
    t0 = time.perf_counter()
    best = np.inf
    for _ in range(n // 20_000):
        X = prob.snap(a + (b - a) * rng.random((20_000, len(prob.vars))))
        F, _, bad = prob.evaluate(X)
        best = min(best, float(np.where(bad, np.inf, F[:, 0]).min()))
    return best, time.perf_counter() - t0


def random_search(scn, n: int = 100_000, seed: int = 2024) -> tuple[float, float]:
    from orbitdc.studies import optimizer as opt

    prob = opt._Problem(scn, [opt._variable(k, v) for k, v in MIXED6.items()], [(ORBITAL, 1.0)], [])
    return _best_of_random(prob, n, seed)


def random_search_default(scn, n: int = 100_000, seed: int = 2024) -> tuple[float, float]:
    """Best orbital cost of ``n`` random designs of the default design box (the optimiser's)."""
    from orbitdc.studies import optimizer as opt

    obj = (ORBITAL, 1.0)
    prob = opt._Problem(scn, opt._resolve_variables(scn, None, [obj], []), [obj], [])
    return _best_of_random(prob, n, seed)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    from orbitdc import evaluate, presets, studies

    ref = presets.load("dawn-dusk-650")
    evaluate(ref)
    studies.optimize(ref, {"orbit.altitude": (400.0, 1500.0)}, seed=0, max_evaluations=500)  # warm-up
    best_rs, t_rs = random_search(ref)
    _line("random search, 100,000 designs, 6 mixed variables: best", best_rs, "USD", f"in {t_rs:.2f} s")
    for seed in (0, 1, 2):
        r = studies.optimize(ref, MIXED6, seed=seed)
        _line(
            f"optimize, 6 mixed variables, seed {seed}: wall time",
            r.wall_time,
            "s",
            f"{r.evaluations} designs, {r.calls} calls, best {r.value:.6g} USD "
            f"({'<=' if r.value <= best_rs * (1 + 1e-9) else '>'} random search)   (target < 5 s)",
        )
    if args.quick:
        return 0
    for name in ("dawn-dusk-650", "seed-claims"):
        scn = presets.load(name)
        b = studies.best_vs_ground(scn, seed=0)
        for side, r in (("orbit", b.orbit), ("ground", b.ground)):
            _line(
                f"{name}: best {side} (default design search): wall time",
                r.wall_time,
                "s",
                f"{r.evaluations} designs, {r.calls} calls, {len(r.search_space)} variables, "
                f"{r.start_value:.4g} -> {r.value:.4g} USD",
            )
        _line(f"{name}: best orbit / best ground", b.ratio, "", f"(as given {b.start_ratio:.4g})")
        best_rs, t_rs = random_search_default(scn)
        _line(
            f"{name}: random search, 100,000 designs of the default box: best",
            best_rs,
            "USD",
            f"in {t_rs:.2f} s ({'>=' if best_rs >= b.orbit.value * (1 - 1e-9) else '<'} the optimiser)",
        )
    t0 = time.perf_counter()
    by = studies.best_by_year(ref, seed=0)
    _line(
        "dawn-dusk-650: best orbit vs best ground by year (6 years, default boxes)",
        time.perf_counter() - t0,
        "s",
        f"{int(by.table['evaluations'].sum())} designs; ratio "
        + ", ".join(f"{int(y)} {r:.3g}" for y, r in zip(by.table["year"], by.table["ratio_best"])),
    )
    t0 = time.perf_counter()
    df = studies.pareto(
        ref,
        {
            "orbit.altitude": (400.0, 1500.0),
            "power.payload_power": (20.0, 500.0),
            "power.depth_of_discharge": (0.1, 0.8),
            "launch.vehicle": ["falcon9-reusable", "falcon-heavy"],
        },
        [ORBITAL, "launch.mass_per_kw"],
        seed=0,
    )
    _line(
        "pareto, 4 variables, cost vs mass per kW, 100 x 60: wall time",
        time.perf_counter() - t0,
        "s",
        f"{len(df)} designs on the front, {df.attrs['evaluations']} evaluated",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
