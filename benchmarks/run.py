"""orbitdc benchmarks: `make bench` (or `python -m benchmarks.run [--quick] [--only NAME]`).

Measures the speed targets named in the issues and prints one line per figure:

- import time of ``orbitdc`` (fresh interpreter, best of 5)
- a year of eclipse geometry for one new orbit, and cached
- ``evaluate()`` of one scenario (median, after the year geometry and itur are cached)
- orbit-averaged thermal sizing of one scenario, and vectorised over 1e6 scenarios
- a full RF link budget for one scenario after itur's first load
- the whole pipeline vectorised over 1e6 scenarios (one field varied; all spreads sampled)
- studies (Monte Carlo 1e6, 1000x1000 break-even grid, memory): benchmarks/bench_studies.py
- optimisation (6 mixed variables against random search, default design search, Pareto):
  benchmarks/bench_optimize.py
- the year axis (25 years x 1e5 samples, 1e6 streamed, 1e7 on Dask with --big): benchmarks/bench_years.py
- the Streamlit app (rerun after a slider move, first render): benchmarks/bench_app.py
- the command line from a cold start, and Monte Carlo on a two-worker LocalCluster against
  one process: benchmarks/bench_cold.py
- side by side with spacedc-mdao 0.4.2 when ``make bench-peer`` has created ``.venv-peer``:
  benchmarks/side_by_side.py

Timings are wall-clock on whatever machine runs them; the figures quoted in the README
were measured on the 2-core development machine.  Without ``--only`` every group runs in a
fresh process of its own.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import time

import numpy as np


def _timeit(fn, repeat: int = 200) -> float:
    """Median seconds per call over ``repeat`` calls (after one warm-up)."""
    fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def _report(name: str, value: float, unit: str, target: str = "") -> None:
    tgt = f"   (target {target})" if target else ""
    print(f"{name:<62} {value:>12.4g} {unit:<10}{tgt}", flush=True)


def bench_import() -> None:
    import os

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as in an installed package
    subprocess.run([sys.executable, "-c", "import orbitdc"], check=True, env=env)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import orbitdc"], check=True, env=env)
        best = min(best, time.perf_counter() - t0)
    base = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
        base = min(base, time.perf_counter() - t0)
    _report("import orbitdc (best of 5, interpreter start excluded)", best - base, "s", "< 0.15 s")


def bench_orbit() -> None:
    from orbitdc.physics import orbit

    orbit.annual_eclipse.cache_clear() if hasattr(orbit.annual_eclipse, "cache_clear") else None
    orbit.annual_eclipse(650e3, ltan=6.0, year=2027)  # warm numpy code paths
    alts = iter(np.linspace(500e3, 900e3, 400))
    t = _timeit(lambda: orbit.annual_eclipse(next(alts), inclination=np.radians(53.0), year=2028), repeat=100)
    _report("year of eclipse geometry, one new orbit", t * 1e3, "ms", "< 20 ms")
    t = _timeit(lambda: orbit.annual_eclipse(650e3, ltan=6.0, year=2027), repeat=1000)
    _report("year of eclipse geometry, cached", t * 1e3, "ms")


def bench_evaluate() -> None:
    import orbitdc

    scn = orbitdc.presets.load(orbitdc.presets.DEFAULT)
    orbitdc.evaluate(scn)  # loads itur, caches the year geometry
    t = _timeit(lambda: orbitdc.evaluate(scn), repeat=300)
    _report("evaluate() one scenario (cached geometry)", t * 1e6, "us", "<= peer (66 us)")
    # a new scenario every call: launch, compute and finance fields that feed the value-keyed
    # caches of pure functions (payload to orbit, re-entry integral) change each time
    fresh = [
        scn.with_overrides(
            {
                "launch.payload_mass": 100.0 + 0.137 * i,  # [t]
                "compute.chip_power": 700.0 + 0.5 * i,
                "finance.wacc": 6.0 + 0.01 * i,
            }
        )
        for i in range(301)  # the warm-up call and 300 timed ones: none repeats
    ]
    it = iter(fresh)
    t = _timeit(lambda: orbitdc.evaluate(next(it)), repeat=300)
    _report("evaluate() a new scenario every call (launch, chip, WACC changed)", t * 1e6, "us")
    # every uncertain field outside the orbit (about 125: radiation, compute, thermal, links,
    # power, launch, finance, baselines) drawn anew each call from its Monte Carlo spread, so
    # no value-keyed cache of a pure function hits; the orbit (a year of geometry) is kept
    from orbitdc import studies

    keys = [k for k in studies.uncertain_fields() if not k.startswith("orbit.")]
    mc = studies.monte_carlo(scn, keys, 301, seed=11, keep_samples=True, threads=1)
    draws = [
        scn.with_overrides({k: mc.samples[k].values[i].item() for k in keys if k in mc.samples}) for i in range(301)
    ]
    it = iter(draws)
    t = _timeit(lambda: orbitdc.evaluate(next(it)), repeat=300)
    _report(f"evaluate() every call, all {len(keys)} uncertain fields drawn anew", t * 1e6, "us")
    # the same values in a new Scenario object every call: nothing kept by a scenario helps
    copies = iter([scn.copy() for _ in range(301)])
    t = _timeit(lambda: orbitdc.evaluate(next(copies)), repeat=300)
    _report("evaluate() a new copy of the scenario every call", t * 1e6, "us")
    p = scn.to_si()
    t = _timeit(lambda: orbitdc.evaluate_si(p), repeat=300)
    _report("evaluate_si() one scenario, SI dict in/out", t * 1e3, "ms")
    for m in importlib.import_module("orbitdc.sections").MODULES:
        out: dict = {}
        for m2 in importlib.import_module("orbitdc.sections").MODULES:
            if m2 is m:
                break
            m2.stage(p, out)
        snapshot = dict(out)
        t = _timeit(lambda: m.stage(p, dict(snapshot)), repeat=200)
        _report(f"  stage {m.__name__.rsplit('.', 1)[-1]}", t * 1e3, "ms")


def bench_thermal() -> None:
    import orbitdc
    from orbitdc.sections import MODULES

    scn = orbitdc.presets.load(orbitdc.presets.DEFAULT)
    p = scn.to_si()
    out: dict = {}
    thermal = None
    for m in MODULES:
        if m.__name__.endswith(".thermal"):
            thermal = m
            break
        m.stage(p, out)
    snapshot = dict(out)
    t = _timeit(lambda: thermal.stage(p, dict(snapshot)), repeat=500)
    _report("thermal sizing, one scenario (stage)", t * 1e3, "ms", "< 0.2 ms")
    n = 1_000_000
    rng = np.random.default_rng(1)
    pv = dict(p)
    pv["power.payload_power"] = rng.uniform(10e3, 1e6, n)
    pv["thermal.emissivity"] = rng.uniform(0.7, 0.95, n)
    o = dict(snapshot)
    o.update(
        {
            k: (np.broadcast_to(pv["power.payload_power"], (n,)) if k == "compute.heat" else v)
            for k, v in snapshot.items()
        }
    )
    t0 = time.perf_counter()
    thermal.stage(pv, o)
    _report("thermal sizing, 1e6 scenarios vectorised", time.perf_counter() - t0, "s", "< 1 s")


def bench_links() -> None:
    from orbitdc.physics import links

    # itur's first load (import + maps), paid once per process
    t0 = time.perf_counter()
    links.atmospheric_loss(np.radians(51.5), np.radians(-0.13), 19e9, np.radians(25.0), 1e-3, 1.5)
    _report("itur first load (first atmospheric_loss call)", time.perf_counter() - t0, "s")

    def budget(lat):
        att = links.atmospheric_loss(np.radians(lat), np.radians(-0.13), 19e9, np.radians(25.0), 1e-3, 1.5)
        return links.rf_link_budget(
            650e3, np.radians(25.0), 19e9, 500e6, 20.0, 30.0, 37.0, 250.0, atmospheric_loss_db=att, other_losses_db=1.0
        )

    lats = iter(np.linspace(30.0, 60.0, 2000))
    t = _timeit(lambda: budget(next(lats)), repeat=300)
    _report("full RF budget, one scenario, new site (itur loaded)", t * 1e3, "ms", "< 5 ms")
    t = _timeit(lambda: budget(51.5), repeat=300)
    _report("full RF budget, one scenario, cached site", t * 1e3, "ms", "< 5 ms")


def bench_pipeline() -> None:
    import orbitdc

    scn = orbitdc.presets.load(orbitdc.presets.DEFAULT)
    orbitdc.evaluate(scn)
    n = 1_000_000
    p = scn.to_si()
    p["launch.price_per_kg"] = np.linspace(10.0, 10_000.0, n) if "launch.price_per_kg" in p else None
    if p["launch.price_per_kg"] is None:
        del p["launch.price_per_kg"]
        p["compute.chip_price"] = np.linspace(1e3, 5e4, n)
    t0 = time.perf_counter()
    out = orbitdc.evaluate_si(p)
    dt = time.perf_counter() - t0
    key = "cost_per_million_tokens.orbital"
    ok = key in out and np.all(np.isfinite(out[key]))
    _report("pipeline, 1e6 scenarios, one field varied", n / dt, "scen/s", ">= 1e6/s")
    if not ok:
        print("  warning: orbital cost not finite everywhere")
    from orbitdc.scenario import field_spec

    rng = np.random.default_rng(1)
    ps = scn.to_si()
    for k in list(ps):
        f = field_spec(k)
        if f.spread is not None and not (f.is_choice or f.is_bool):
            lo, hi = f.spread_for(scn.raw(k))
            _, sc, off = f.si
            ps[k] = rng.uniform(lo, hi, n) * sc + off
    for label in ("cold", "warm"):
        t0 = time.perf_counter()
        orbitdc.evaluate_si(ps)
        dt = time.perf_counter() - t0
        _report(f"pipeline, 1e6 scenarios, every spread sampled, evaluate_si ({label})", n / dt, "scen/s", ">= 1e6/s")
    try:
        from orbitdc import studies

        t0 = time.perf_counter()
        studies.monte_carlo(scn, None, n=n, seed=1) if hasattr(studies, "monte_carlo") else None
        dt = time.perf_counter() - t0
        _report("pipeline, 1e6 scenarios, every spread sampled (monte_carlo)", n / dt, "scen/s", ">= 1e6/s")
    except Exception as exc:  # report, do not hide
        print(f"  monte_carlo benchmark failed: {exc}")


def bench_cold() -> None:
    importlib.import_module("benchmarks.bench_cold").main([])


def bench_peer() -> None:
    from pathlib import Path

    peer = Path(__file__).resolve().parents[1] / ".venv-peer" / "bin" / "python"
    if not peer.exists():
        print("the peer's environment is missing: `make bench-peer` creates it and prints the side-by-side figures")
        return
    importlib.import_module("benchmarks.side_by_side").main(["--peer-python", str(peer)])


def bench_studies() -> None:
    mod = importlib.import_module("benchmarks.bench_studies")
    mod.main() if hasattr(mod, "main") else None


def bench_optimize() -> None:
    mod = importlib.import_module("benchmarks.bench_optimize")
    mod.main([])


def bench_years() -> None:
    importlib.import_module("benchmarks.bench_years").main([])


def bench_app() -> None:
    try:
        mod = importlib.import_module("benchmarks.bench_app")
    except ModuleNotFoundError:
        print("benchmarks/bench_app.py not present")
        return
    mod.main() if hasattr(mod, "main") else None


ALL = {
    "import": bench_import,
    "orbit": bench_orbit,
    "evaluate": bench_evaluate,
    "thermal": bench_thermal,
    "links": bench_links,
    "pipeline": bench_pipeline,
    "studies": bench_studies,
    "optimize": bench_optimize,
    "years": bench_years,
    "app": bench_app,
    "cold": bench_cold,
    "peer": bench_peer,
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(ALL), help="run only these benchmarks")
    ap.add_argument("--quiet-header", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.quiet_header:
        print(f"orbitdc benchmarks on python {sys.version.split()[0]}, numpy {np.__version__}", flush=True)
    if not args.only:
        # every group in a fresh process: one group's heap (a 1e6-sample study holds GBs at
        # its peak) must not slow the next one's timings, nor count in the peak RSS its child
        # processes report (a fork starts with its parent's resident memory)
        failed = [
            name
            for name in ALL
            if subprocess.run([sys.executable, "-m", "benchmarks.run", "--only", name, "--quiet-header"]).returncode
        ]
        if failed:
            print(f"benchmark groups that failed: {', '.join(failed)}")
        return 1 if failed else 0
    for name in args.only:
        print(f"--- {name}", flush=True)
        ALL[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
