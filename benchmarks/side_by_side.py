"""orbitdc against its peer spacedc-mdao 0.4.2, from a cold start: `make bench-peer`.

The peer's import name is also ``orbitdc``, so it lives in its own virtual environment
(``.venv-peer``, created by ``make bench-peer`` with ``pip install spacedc-mdao==0.4.2``).
Every figure is measured in alternating runs (ours, peer, ours, peer, ...) in fresh
processes started from an empty temporary directory, so that neither interpreter picks up the
other's package; wall time and peak RSS of each child come from ``os.wait4`` (the kernel's
rusage of that child alone).  Printed: the median over the runs for each side and the ratio
ours / peer (below 1 means orbitdc is faster or smaller).

Figures (the table of issue 17):

Wall times depend on the machine's load; the CPU time (user + system) of each child is
printed too.

* ``import orbitdc``, interpreter start excluded (``python -c pass`` subtracted, best of runs);
* the command line: ``orbitdc evaluate`` (default preset, readable table) against the peer's
  ``orbitdc compare space.yaml earth.yaml`` (benchmarks/peer/), wall and peak RSS;
* one evaluation in a warm process: ``orbitdc.evaluate(scenario)`` of a new copy of the
  default preset each call (so nothing a scenario object keeps about itself is reused) against
  the peer's ``orbitdc.evaluate(space)`` (median of 2,000 calls after 50 warm-up calls);
* the work behind that one evaluation: the Python bytecode operations and Python function
  calls it executes (counted once per side with ``sys.settrace`` opcode events, after a
  warm-up call), and the warm time divided by the operations.  This separates how much the
  model does from how fast each step runs;
* the command-line Monte Carlo of 10,000 samples: ``orbitdc montecarlo --n 10000`` against
  ``orbitdc compare ... --monte-carlo 10000``.

Usage: ``python -m benchmarks.side_by_side [--peer-python PATH] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
PEER_DIR = ROOT / "benchmarks" / "peer"

_WARM_OURS = r"""
import statistics, time, orbitdc
scn = orbitdc.presets.load(orbitdc.presets.DEFAULT) if hasattr(orbitdc.presets, "DEFAULT") else orbitdc.Scenario()
# a new Scenario object every call (same values): nothing a scenario keeps about itself helps
scns = [scn.copy() for _ in range(2050)]
for s in scns[:50]: orbitdc.evaluate(s)
ts = []
for s in scns[50:]:
    t0 = time.perf_counter(); orbitdc.evaluate(s); ts.append(time.perf_counter() - t0)
print(statistics.median(ts))
"""

_WARM_PEER = r"""
import statistics, sys, time, orbitdc
space = orbitdc.load_scenario(sys.argv[1])
for _ in range(50): orbitdc.evaluate(space)
ts = []
for _ in range(2000):
    t0 = time.perf_counter(); orbitdc.evaluate(space); ts.append(time.perf_counter() - t0)
print(statistics.median(ts))
"""

# the bytecode operations and Python calls of one evaluation (after a warm-up call), appended
# to the script that defines ``call``: ``print(ops, calls)``
_COUNT = r"""
import sys
call()
n = [0, 0]
def _tr(frame, event, arg):
    frame.f_trace_opcodes = True
    if event == "opcode":
        n[0] += 1
    elif event == "call":
        n[1] += 1
    return _tr
sys.settrace(_tr)
call()
sys.settrace(None)
print(n[0], n[1])
"""
_COUNT_OURS = (
    "import orbitdc\n"
    "scn = orbitdc.presets.load(orbitdc.presets.DEFAULT)\n"
    "copies = iter([scn.copy(), scn.copy()])  # a new copy each call, as in the warm figure\n"
    "def call(): orbitdc.evaluate(next(copies))\n" + _COUNT
)
_COUNT_PEER = (
    "import sys, orbitdc\nspace = orbitdc.load_scenario(sys.argv[1])\ndef call(): orbitdc.evaluate(space)\n" + _COUNT
)


def _run(cmd: list[str], env: dict, cwd: str) -> tuple[float, float, str, float]:
    """Wall time [s], peak RSS [MiB], stdout and CPU time (user + system) [s] of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    return wall, ru.ru_maxrss / 1024.0, out.decode(), ru.ru_utime + ru.ru_stime


def _env(ours_root: str | None) -> dict:
    # PYTHONDONTWRITEBYTECODE is dropped: an installed package has its bytecode cached (pip
    # compiles the peer at install), so both sides run from cached bytecode after a warm-up.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE")}
    if ours_root:
        env["PYTHONPATH"] = ours_root
    return env


def _line(name: str, ours: float, peer: float, unit: str) -> None:
    ratio = ours / peer if peer > 0 else float("nan")
    print(f"{name:<52} {ours:>10.4g} {peer:>10.4g} {unit:<5} ratio {ratio:6.3f}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable, help="our interpreter")
    ap.add_argument("--peer-python", default=str(ROOT / ".venv-peer" / "bin" / "python"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ours-root", default=str(ROOT), help="checkout whose orbitdc is measured")
    ap.add_argument("--mc", type=int, default=10000, help="Monte Carlo samples of the CLI figure")
    a = ap.parse_args(argv)
    if not pathlib.Path(a.peer_python).exists():
        print(f"peer interpreter {a.peer_python} not found: run `make bench-peer`", file=sys.stderr)
        return 2
    # absolute: the runs below change into a scratch directory
    ours_py, peer_py = str(pathlib.Path(a.python).absolute()), str(pathlib.Path(a.peer_python).absolute())
    space, earth = str(PEER_DIR / "space.yaml"), str(PEER_DIR / "earth.yaml")
    eo, ep = _env(a.ours_root), _env(None)
    with tempfile.TemporaryDirectory() as cwd:
        probe = _run([peer_py, "-c", "import orbitdc; print(orbitdc.__version__, orbitdc.__file__)"], ep, cwd)[2]
        mine = _run([ours_py, "-c", "import orbitdc; print(orbitdc.__version__, orbitdc.__file__)"], eo, cwd)[2]
        print(f"ours: {mine.strip()}\npeer: {probe.strip()}")
        print(f"{'figure (median of ' + str(a.runs) + ' alternating runs)':<52} {'orbitdc':>10} {'peer':>10}")

        cases = {
            "import": ([ours_py, "-c", "import orbitdc"], [peer_py, "-c", "import orbitdc"]),
            "start": ([ours_py, "-c", "pass"], [peer_py, "-c", "pass"]),
            "cli": ([ours_py, "-m", "orbitdc", "evaluate"], [peer_py, "-m", "orbitdc.cli", "compare", space, earth]),
            "warm": ([ours_py, "-c", _WARM_OURS], [peer_py, "-c", _WARM_PEER, space]),
            "count": ([ours_py, "-c", _COUNT_OURS], [peer_py, "-c", _COUNT_PEER, space]),
            "mc": (
                [ours_py, "-m", "orbitdc", "montecarlo", "--n", str(a.mc)],
                [peer_py, "-m", "orbitdc.cli", "compare", space, earth, "--monte-carlo", str(a.mc)],
            ),
        }
        res = {k: ([], []) for k in cases}
        for co, cp in cases.values():  # warm-up: bytecode caches, the OS page cache
            _run(co, eo, cwd)
            _run(cp, ep, cwd)
        for _ in range(a.runs):
            for k, (co, cp) in cases.items():
                res[k][0].append(_run(co, eo, cwd))
                res[k][1].append(_run(cp, ep, cwd))

    def med(rows, i):
        return statistics.median(r[i] for r in rows)

    imp_o = min(r[0] for r in res["import"][0]) - min(r[0] for r in res["start"][0])
    imp_p = min(r[0] for r in res["import"][1]) - min(r[0] for r in res["start"][1])
    _line("import orbitdc (interpreter start excluded, best)", imp_o, imp_p, "s")
    _line(
        "import orbitdc: CPU (user + sys, start excluded, best)",
        min(r[3] for r in res["import"][0]) - min(r[3] for r in res["start"][0]),
        min(r[3] for r in res["import"][1]) - min(r[3] for r in res["start"][1]),
        "s",
    )
    _line("CLI evaluate / peer compare: wall", med(res["cli"][0], 0), med(res["cli"][1], 0), "s")
    _line("CLI evaluate / peer compare: CPU (user + sys)", med(res["cli"][0], 3), med(res["cli"][1], 3), "s")
    _line("CLI evaluate / peer compare: peak RSS", med(res["cli"][0], 1), med(res["cli"][1], 1), "MiB")
    wo = statistics.median(float(r[2].split()[-1]) for r in res["warm"][0]) * 1e6
    wp = statistics.median(float(r[2].split()[-1]) for r in res["warm"][1]) * 1e6
    _line("one evaluation in a warm process", wo, wp, "us")
    ops_o, calls_o = map(int, res["count"][0][0][2].split())
    ops_p, calls_p = map(int, res["count"][1][0][2].split())
    _line("one evaluation: Python bytecode operations", ops_o, ops_p, "ops")
    _line("one evaluation: Python function calls", calls_o, calls_p, "calls")
    _line("one evaluation: warm time per operation", wo * 1e3 / ops_o, wp * 1e3 / ops_p, "ns")
    _line(f"CLI Monte Carlo of {a.mc:,} samples: wall", med(res["mc"][0], 0), med(res["mc"][1], 0), "s")
    _line(f"CLI Monte Carlo of {a.mc:,} samples: CPU (user + sys)", med(res["mc"][0], 3), med(res["mc"][1], 3), "s")
    _line(f"CLI Monte Carlo of {a.mc:,} samples: peak RSS", med(res["mc"][0], 1), med(res["mc"][1], 1), "MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
