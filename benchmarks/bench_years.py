"""Benchmark of the year axis: trajectories and parity years on the default preset.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_years            # 25 years x 1e5 samples; 25 x 1e6 streamed
    .venv/bin/python -m benchmarks.bench_years --big      # adds 25 years x 1e7 samples on a local Dask cluster

Prints:

* ``trajectory`` of 25 years (2026-2050) x 100,000 Monte Carlo samples over every uncertain
  field, the laws of the years included (target: under 5 s on the 2-core development
  machine), kept samples and streamed;
* ``parity`` of the same (parity years against the ground and the fleet, deciding inputs);
* 25 years x 1e6 samples streamed (``keep_samples=False``) with the peak memory traced;
* with ``--big``: 25 years x 1e7 samples streamed on a ``distributed.LocalCluster`` of two
  single-threaded worker processes, with the workers' peak resident memory (bounded memory:
  it does not grow with ``n``).

Thread pools are pinned to one thread before numpy loads.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

YEARS = (2026, 2050)


def _line(name: str, value: float, unit: str, target: str = "") -> None:
    tgt = f"   (target {target})" if target else ""
    print(f"{name:<66} {value:>10.4g} {unit:<6}{tgt}", flush=True)


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 25 years x 1e7 samples on a local Dask cluster")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from orbitdc import studies

    scn = "dawn-dusk-650"
    studies.trajectory(scn, YEARS, n=2000)  # warm-up: itur, orbit geometry, caches
    n = 100_000
    fields = len(studies.uncertain_fields(include_years=True))
    t = _best(lambda: studies.trajectory(scn, YEARS, n=n, keep_samples=True), args.repeat)
    _line(f"trajectory, 25 years x 1e5 samples ({fields} fields), kept", t, "s", "< 5 s")
    t = _best(lambda: studies.trajectory(scn, YEARS, n=n, keep_samples=False), args.repeat)
    _line("trajectory, 25 years x 1e5 samples, streamed", t, "s", "< 5 s")
    t = _best(lambda: studies.parity(scn, YEARS, n=n), args.repeat)
    _line("parity (ground and fleet, deciding inputs), 25 years x 1e5", t, "s")
    t0 = time.perf_counter()
    ds = studies.parity_sobol("tco-bull", YEARS, n=1024, seed=0)
    _line(
        f"parity_sobol (tco-bull, screened top {ds.sizes['field']}, n = 1024, 25 years)",
        time.perf_counter() - t0,
        "s",
    )
    tracemalloc.start()
    t0 = time.perf_counter()
    studies.trajectory(scn, YEARS, n=1_000_000, keep_samples=False)
    t = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    _line("trajectory, 25 years x 1e6 samples, streamed", t, "s")
    _line("  peak traced memory", peak / 2**20, "MiB")
    if args.big:
        from distributed import Client, LocalCluster

        with (
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="2GiB") as cl,
            Client(cl) as c,
        ):
            t0 = time.perf_counter()
            ds = studies.trajectory(scn, YEARS, n=10_000_000, keep_samples=False, client=c, chunks=1600)
            t = time.perf_counter() - t0

            def _hwm():
                with open("/proc/self/status") as f:
                    for line in f:
                        if line.startswith("VmHWM"):
                            return int(line.split()[1]) / 1024
                return float("nan")

            peaks = c.run(_hwm)
        _line("trajectory, 25 years x 1e7 samples, streamed on 2 Dask workers", t, "s")
        _line("  worker peak resident memory (max of 2)", max(peaks.values()), "MiB")
        _line("  median orbital cost in 2050", float(ds["cost_per_million_tokens.orbital.p50"].values[-1]), "USD")
    return 0


if __name__ == "__main__":
    sys.exit(main())
