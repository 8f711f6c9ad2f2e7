"""Benchmark of orbitdc.studies on one core.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_studies            # full figures (1e6 samples, 1000 x 1000)
    .venv/bin/python -m benchmarks.bench_studies --quick    # 1e5 samples, 300 x 300

Prints, for the default preset:

* Monte Carlo of 1e6 samples over every uncertain field (each field that declares a spread),
  with the 5/50/95 percentiles of the default outputs and P(orbit wins) against each baseline;
* the same with the orbit geometry fixed (altitude, inclination, LTAN not sampled): the orbit
  stage's annual eclipse statistics cost tens of microseconds per distinct orbit;
* a per-sample time breakdown of the sampling and of each pipeline stage;
* a 1000 x 1000 break-even map (orbital vs fleet cost) with its refined break-even curve;
* peak memory of the 1e6-sample Monte Carlo, kept samples and streamed: the peak of the
  memory traced by ``tracemalloc`` (numpy reports its buffers to it) during the call, and the
  peak resident set size (``VmHWM`` in /proc/self/status) of a fresh process that imports orbitdc and
  runs the Monte Carlo over every uncertain field.

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


def _stage_breakdown(scn, studies, keys, n=None, repeat=5):
    """Microseconds per sample of the sampling and of each pipeline stage (best of ``repeat`` chunks)."""
    import numpy as np

    from orbitdc.sections import MODULES

    n = n or studies.CHUNK
    dists = studies._resolve_dists(scn, keys)
    buf = np.empty((len(dists), n))  # reused across chunks, as monte_carlo does in process
    best: dict = {}
    for r in range(repeat):
        s0 = r * n
        t0 = time.perf_counter()
        cols, _ = studies._draw(dists, 0, 0, s0, s0 + n, si=True, buf=buf)
        times = {"sampling": time.perf_counter() - t0}
        p = scn.to_si()
        p.update(cols)
        out = {}
        for m in MODULES:
            t0 = time.perf_counter()
            m.stage(p, out)
            times[m.__name__.rsplit(".", 1)[-1]] = time.perf_counter() - t0
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return {k: v / n * 1e6 for k, v in best.items()}


_CHILD = """
import sys, time
from orbitdc import presets, studies
scn = presets.load(presets.DEFAULT)
keep = {"auto": "auto", "False": False}[sys.argv[2]]
t0 = time.perf_counter()
studies.monte_carlo(scn, None, int(sys.argv[1]), seed=0, keep_samples=keep)
dt = time.perf_counter() - t0
# VmHWM: this process's peak resident set (ru_maxrss would include the forking parent's)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(int(hwm) / 1024, dt)
"""


def _child_rss(n: int, keep: str) -> tuple[float, float]:
    """Peak RSS [MiB] (VmHWM) and time [s] of a fresh process that imports orbitdc and runs one Monte Carlo."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(n), keep],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    rss, t = out.stdout.split()[-2:]
    return float(rss), float(t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (for a smoke run)")
    args, _ = ap.parse_known_args(argv)  # tolerant: benchmarks/run.py calls main() with its own argv
    n = 100_000 if args.quick else 1_000_000
    side = 300 if args.quick else 1000

    from orbitdc import presets, studies
    from orbitdc.model import outputs

    scn = presets.load(presets.DEFAULT)
    fields = studies.uncertain_fields()
    no_orbit = [k for k in fields if not k.startswith("orbit.")]
    reg = outputs()
    print(
        f"orbitdc studies benchmark (preset {scn.name}, {len(fields)} uncertain fields, "
        f"{len(reg)} pipeline outputs, chunk {studies.CHUNK:,} rows, one thread)"
    )

    studies.monte_carlo(scn, None, 2000, seed=1)  # warm-up: imports, caches
    for label, keys in (("all uncertain fields", fields), ("orbit geometry fixed", no_orbit)):
        bd = _stage_breakdown(scn, studies, keys)
        print(
            f"  us/sample ({label}): "
            + ", ".join(f"{k} {v:.2f}" for k, v in bd.items())
            + f"; total {sum(bd.values()):.2f}"
        )

    for label, keys in (("all uncertain fields", fields), ("orbit geometry fixed", no_orbit)):
        t0 = time.perf_counter()
        mc = studies.monte_carlo(scn, keys, n, seed=0)
        t_mc = time.perf_counter() - t0
        print(
            f"\nMonte Carlo, {n:,} samples x {len(keys)} fields ({label}), percentiles 5/50/95 of "
            f"{len(mc.stats)} outputs, P(orbit wins): {t_mc:.2f} s  ({n / t_mc:,.0f} samples/s)"
        )
        if keys is fields:
            print(mc.summary())
        del mc

    t0 = time.perf_counter()
    mc = studies.monte_carlo(scn, no_orbit, n, seed=0, keep_samples=False)
    t_st = time.perf_counter() - t0
    print(f"\nMonte Carlo streamed (keep_samples=False), {n:,} samples, orbit geometry fixed: {t_st:.2f} s")
    del mc

    x, y = _axes(studies)
    t0 = time.perf_counter()
    ds = studies.breakeven_map(scn, x, y, "fleet", n=(side, side))
    t_map = time.perf_counter() - t0
    curve = ds[f"breakeven.{y}"]
    found = int(curve.notnull().sum())
    print(
        f"\nBreak-even map {side} x {side} ({x} x {y}, vs fleet, bisection-refined): {t_map:.2f} s"
        f"  ({side * side / t_map:,.0f} points/s); crossing found for {found}/{side} values of {x}"
    )
    del ds

    for label, keep in (("samples kept (auto: outputs + win flags)", "auto"), ("streamed", False)):
        tracemalloc.start()
        studies.monte_carlo(scn, no_orbit, n, seed=0, keep_samples=keep)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"Peak traced memory, Monte Carlo {n:,} samples x {len(no_orbit)} fields, {label}: {peak / 2**20:,.0f} MiB"
        )
    for keep in ("auto", "False"):
        rss, t = _child_rss(n, keep)
        print(
            f"Fresh process, import + Monte Carlo {n:,} samples x {len(fields)} fields (keep_samples={keep}): "
            f"peak RSS {rss:,.0f} MiB, {t:.2f} s"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"This benchmark process, peak RSS (all of the above in one process): {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
