"""Benchmark of orbitdc.studies: one core, and the Monte Carlo on every core of the process.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_studies            # full figures (1e6 samples, 1000 x 1000)
    .venv/bin/python -m benchmarks.bench_studies --quick    # 1e5 samples, 300 x 300

Prints, for the default preset:

* Monte Carlo of 1e6 samples over every uncertain field (each field that declares a spread),
  with the 5/50/95 percentiles of the default outputs and P(orbit wins) against each baseline,
  on one thread and on the default thread pool (``threads=None``: ``ORBITDC_THREADS``, else
  the CPUs of the process): wall time, CPU time (user + system, ``getrusage``: the machine
  may be shared, CPU time is the steadier figure) and minor page faults;
* the same with the orbit geometry fixed (altitude, inclination, LTAN not sampled): the orbit
  stage's annual eclipse statistics cost tens of microseconds per distinct orbit;
* a per-sample time breakdown of the sampling and of each pipeline stage, with the part of
  the sampling that is PCG64 itself (``Generator.random`` filling as many chunk-long buffers as
  the fields have uniform streams: two for a triangular field, one otherwise) and the floor
  that breakdown sets for the wall time on the default thread pool (total / threads: perfect
  scaling, no overhead);
* a 1000 x 1000 break-even map (orbital vs fleet cost) with its refined break-even curve
  (after a 20 x 20 map has loaded xarray);
* peak memory of the 1e6-sample Monte Carlo, kept samples and streamed: the peak of the
  memory traced by ``tracemalloc`` (numpy reports its buffers to it) during the call, and the
  peak resident set size (``VmHWM`` in /proc/self/status) of a fresh process that imports orbitdc and
  runs the Monte Carlo over every uncertain field (with its wall and CPU time and minor faults).

BLAS and OpenMP pools are pinned to one thread before numpy loads.  The stage breakdown and
the one-thread Monte Carlo are single-core; the break-even map's grid, the memory figures and
the fresh process run on the default thread pool, as a caller's studies do.
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


def _generator_alone(scn, studies, keys, n=None, repeat=5) -> tuple[float, int]:
    """Microseconds per sample that PCG64 alone takes to fill the uniform streams of ``keys``
    (best of ``repeat`` chunks), and the number of streams."""
    import numpy as np

    n = n or studies.CHUNK
    dists = studies._resolve_dists(scn, keys)
    streams = sum(2 if d.kind == "triangular" else 1 for d in dists if not d.is_category)
    gens = [np.random.Generator(np.random.PCG64(i)) for i in range(streams)]
    buf = np.empty(n)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for g in gens:
            g.random(out=buf)
        best = min(best, time.perf_counter() - t0)
    return best / n * 1e6, streams


_CHILD = """
import resource, sys, time
from orbitdc import presets, studies
scn = presets.load(presets.DEFAULT)
keep = {"auto": "auto", "False": False}[sys.argv[2]]
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
studies.monte_carlo(scn, None, int(sys.argv[1]), seed=0, keep_samples=keep)
dt = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
# VmHWM: this process's peak resident set (ru_maxrss would include the forking parent's)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(int(hwm) / 1024, dt, cpu, r1.ru_minflt - r0.ru_minflt)
"""


def _cpu_faults() -> tuple[float, int]:
    """CPU time [s] (user + system) and minor page faults of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_minflt


def _child_rss(n: int, keep: str) -> tuple[float, float, float, int]:
    """Peak RSS [MiB] (VmHWM), wall and CPU time [s] and minor faults of a fresh process that
    imports orbitdc and runs one Monte Carlo (default threads)."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(n), keep],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    rss, t, cpu, flt = out.stdout.split()[-4:]
    return float(rss), float(t), float(cpu), int(flt)


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
    threads = studies.execution._threads()
    print(
        f"orbitdc studies benchmark (preset {scn.name}, {len(fields)} uncertain fields, "
        f"{len(reg)} pipeline outputs, chunk {studies.CHUNK:,} rows, one thread; Monte Carlo also "
        f"on {threads} threads)"
    )

    studies.monte_carlo(scn, None, 2000, seed=1)  # warm-up: imports, caches
    for label, keys in (("all uncertain fields", fields), ("orbit geometry fixed", no_orbit)):
        bd = _stage_breakdown(scn, studies, keys)
        gen, streams = _generator_alone(scn, studies, keys)
        total = sum(bd.values())
        print(
            f"  us/sample ({label}): " + ", ".join(f"{k} {v:.2f}" for k, v in bd.items()) + f"; total {total:.2f}\n"
            f"    of the sampling, PCG64 alone ({streams} streams): {gen:.2f}; floor of {n:,} samples on "
            f"{threads} thread{'s' if threads > 1 else ''}: {total * n / 1e6 / threads:.2f} s"
        )

    for label, keys in (("all uncertain fields", fields), ("orbit geometry fixed", no_orbit)):
        for nthr in (1, threads) if threads > 1 else (1,):
            c0, f0 = _cpu_faults()
            t0 = time.perf_counter()
            mc = studies.monte_carlo(scn, keys, n, seed=0, threads=nthr)
            t_mc = time.perf_counter() - t0
            c1, f1 = _cpu_faults()
            print(
                f"\nMonte Carlo, {n:,} samples x {len(keys)} fields ({label}), percentiles 5/50/95 of "
                f"{len(mc.stats)} outputs, P(orbit wins), {nthr} thread{'s' if nthr > 1 else ''}: "
                f"{t_mc:.2f} s  ({n / t_mc:,.0f} samples/s); CPU {c1 - c0:.2f} s, {f1 - f0:,} minor faults"
            )
            if keys is fields and nthr == 1:
                print(mc.summary())
            del mc

    t0 = time.perf_counter()
    mc = studies.monte_carlo(scn, no_orbit, n, seed=0, keep_samples=False)
    t_st = time.perf_counter() - t0
    print(f"\nMonte Carlo streamed (keep_samples=False), {n:,} samples, orbit geometry fixed: {t_st:.2f} s")
    del mc

    x, y = _axes(studies)
    # warm-up: the map returns an xarray Dataset, and the first one in a process imports xarray
    # and dask's array module (~1 s here); the Monte Carlos above build none (their datasets
    # are built on first read), so without this the import would be timed as the map
    studies.breakeven_map(scn, x, y, "fleet", n=(20, 20))
    c0, _ = _cpu_faults()
    t0 = time.perf_counter()
    ds = studies.breakeven_map(scn, x, y, "fleet", n=(side, side))
    t_map = time.perf_counter() - t0
    c1, _ = _cpu_faults()
    curve = ds[f"breakeven.{y}"]
    found = int(curve.notnull().sum())
    print(
        f"\nBreak-even map {side} x {side} ({x} x {y}, vs fleet, bisection-refined, grid on {threads} threads): "
        f"{t_map:.2f} s  ({side * side / t_map:,.0f} points/s; CPU {c1 - c0:.2f} s); crossing found for "
        f"{found}/{side} values of {x}"
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
        rss, t, cpu, flt = _child_rss(n, keep)
        print(
            f"Fresh process, import + Monte Carlo {n:,} samples x {len(fields)} fields (keep_samples={keep}, "
            f"{threads} threads): peak RSS {rss:,.0f} MiB, {t:.2f} s (CPU {cpu:.2f} s, {flt:,} minor faults)"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"This benchmark process, peak RSS (all of the above in one process): {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
