"""Cold-start and scale-out figures of issue 17: the command line, and Dask workers.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_cold                 # CLI and cluster figures
    .venv/bin/python -m benchmarks.bench_cold --only cli

Figures:

* ``orbitdc evaluate`` (default preset, readable table) in a fresh process: wall time, CPU
  time and peak RSS (``os.wait4``: the kernel's rusage of that child), median of 5 after one
  warm-up run (bytecode cached, as in an installed package);
* ``orbitdc montecarlo --n 10000`` the same way;
* a Monte Carlo of 2e6 samples over every uncertain field (``keep_samples=False``, 20,000-row
  chunks): in this process on one thread and on its default thread pool, then on a
  two-worker ``distributed.LocalCluster`` (processes, one thread each) created here, and the
  ratios cluster / one process.  Workers start
  with distributed's ``MALLOC_TRIM_THRESHOLD_``; orbitdc's first task on each worker tunes its
  allocator (``orbitdc.studies.execution._tune_worker_allocator``).

The side-by-side comparison with spacedc-mdao 0.4.2 is ``make bench-peer``
(``benchmarks/side_by_side.py``).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _report(name: str, value: float, unit: str, target: str = "") -> None:
    tgt = f"   (target {target})" if target else ""
    print(f"{name:<62} {value:>12.4g} {unit:<10}{tgt}", flush=True)


def _child(cmd: list[str]) -> tuple[float, float, float]:
    """Wall [s], CPU [s] and peak RSS [MiB] of one child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode()[-500:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0


def bench_cli(runs: int = 5) -> None:
    for label, args, target in (
        ("orbitdc evaluate", ["evaluate"], "<= peer's CLI, < 150 MiB"),
        ("orbitdc montecarlo --n 10000", ["montecarlo", "--n", "10000"], ""),
    ):
        cmd = [sys.executable, "-m", "orbitdc", *args]
        _child(cmd)  # warm-up
        rows = [_child(cmd) for _ in range(runs)]
        _report(f"{label}: wall (median of {runs})", statistics.median(r[0] for r in rows), "s", target)
        _report(f"{label}: CPU user + sys", statistics.median(r[1] for r in rows), "s")
        _report(f"{label}: peak RSS", statistics.median(r[2] for r in rows), "MiB", "< 150 MiB" if target else "")


def bench_cluster(n: int = 2_000_000) -> None:
    from distributed import Client, LocalCluster

    from orbitdc import presets, studies

    scn = presets.load(presets.DEFAULT)
    studies.monte_carlo(scn, n=20_000, keep_samples=False)  # warm caches
    t0 = time.perf_counter()
    studies.monte_carlo(scn, n=n, keep_samples=False, threads=1)
    t_one_thread = time.perf_counter() - t0
    _report(f"Monte Carlo {n:.0e} samples, one process, one thread", t_one_thread, "s")
    t0 = time.perf_counter()
    one = studies.monte_carlo(scn, n=n, keep_samples=False)
    t_one = time.perf_counter() - t0
    _report(f"Monte Carlo {n:.0e} samples, one process, default threads", t_one, "s")
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cl,
        Client(cl) as client,
    ):
        studies.monte_carlo(scn, n=80_000, keep_samples=False, client=client)  # worker imports
        t0 = time.perf_counter()
        two = studies.monte_carlo(scn, n=n, keep_samples=False, client=client)
        t_two = time.perf_counter() - t0
    _report(f"Monte Carlo {n:.0e} samples, LocalCluster 2 workers", t_two, "s")
    _report("  ratio LocalCluster / one process on one thread", t_two / t_one_thread, "", "<= 1")
    _report("  ratio LocalCluster / one process on its default threads", t_two / t_one, "")
    key = studies.ORBITAL
    same = abs(one.percentile(key, 50) - two.percentile(key, 50)) <= 1e-9 * abs(one.percentile(key, 50))
    print(f"  same median {key} in both runs: {same}")


ALL = {"cli": bench_cli, "cluster": bench_cluster}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(ALL))
    a = ap.parse_args(argv)
    for name in a.only or list(ALL):
        ALL[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
