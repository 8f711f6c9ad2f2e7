"""Benchmark of orbitdc.studies on one core.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_studies            # full figures (1e6 samples, 1000 x 1000)
    .venv/bin/python -m benchmarks.bench_studies --quick    # 1e5 samples, 300 x 300

Prints, for the default preset:

* Monte Carlo of 1e6 samples over every uncertain field (each field that declares a spread),
  with the 5/50/95 percentiles of the default outputs and P(orbit wins) against each baseline;
* a 1000 x 1000 break-even map (orbital vs terrestrial cost) with its refined break-even curve;
* peak memory of the 1e6-sample Monte Carlo, kept samples and streamed: Python-heap peak from
  ``tracemalloc`` (numpy reports its buffers to it) during the call, and the process's peak
  resident set size from ``resource.getrusage``.

Thread pools are pinned to one thread before numpy loads, so the figures are single-core.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402


def _axes(studies):
    """Two numeric fields for the break-even map: launch price and chip price when present."""
    from orbitdc.scenario import all_keys

    keys = set(all_keys())
    y = "launch.price_per_kg" if "launch.price_per_kg" in keys else studies.uncertain_fields()[0]
    x = "compute.chip_price" if "compute.chip_price" in keys else next(k for k in studies.uncertain_fields() if k != y)
    return x, y


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (for a smoke run)")
    args = ap.parse_args(argv)
    n = 100_000 if args.quick else 1_000_000
    side = 300 if args.quick else 1000

    from orbitdc import presets, studies
    from orbitdc.model import outputs

    scn = presets.load(presets.DEFAULT)
    fields = studies.uncertain_fields()
    reg = outputs()
    print(f"orbitdc studies benchmark (preset {scn.name}, {len(fields)} uncertain fields, "
          f"{len(reg)} pipeline outputs, chunk {studies.CHUNK:,} rows, one thread)")

    # warm-up: imports, caches
    studies.monte_carlo(scn, None, 2000, seed=1)

    t0 = time.perf_counter()
    mc = studies.monte_carlo(scn, None, n, seed=0)
    t_mc = time.perf_counter() - t0
    print(f"\nMonte Carlo, {n:,} samples x {len(fields)} fields, percentiles 5/50/95 of "
          f"{len(mc.stats)} outputs, P(orbit wins): {t_mc:.2f} s  ({n / t_mc:,.0f} samples/s)")
    print(mc.summary())
    del mc

    t0 = time.perf_counter()
    mc = studies.monte_carlo(scn, None, n, seed=0, keep_samples=False)
    t_st = time.perf_counter() - t0
    print(f"\nMonte Carlo streamed (keep_samples=False), {n:,} samples: {t_st:.2f} s")
    del mc

    x, y = _axes(studies)
    t0 = time.perf_counter()
    ds = studies.breakeven_map(scn, x, y, "terrestrial", n=(side, side))
    t_map = time.perf_counter() - t0
    curve = ds[f"breakeven.{y}"]
    found = int(curve.notnull().sum())
    print(f"\nBreak-even map {side} x {side} ({x} x {y}, vs terrestrial, bisection-refined): {t_map:.2f} s"
          f"  ({side * side / t_map:,.0f} points/s); crossing found for {found}/{side} values of {x}")
    del ds

    tracemalloc.start()
    studies.monte_carlo(scn, None, n, seed=0)
    _, peak_keep = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    studies.monte_carlo(scn, None, n, seed=0, keep_samples=False)
    _, peak_stream = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"\nPeak memory, Monte Carlo {n:,} samples: {peak_keep / 2**20:,.0f} MiB with samples kept, "
          f"{peak_stream / 2**20:,.0f} MiB streamed (tracemalloc); process peak RSS {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
