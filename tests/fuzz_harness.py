"""Hostile-input fuzz harness: case generators, one runner and the outcome classifier.

Every case is built from a :class:`random.Random` (so a case is reproducible from its seed,
and hypothesis can drive the same generators through ``st.randoms()``), run in process and
classified into one of :data:`CLASSES`:

``clear``
    a :class:`~orbitdc.ScenarioError` whose ``field`` names a scenario field (or a file,
    preset, CLI option or study argument the user typed), or a CLI exit 2 with one line;
``vague``
    a ScenarioError naming something the user never typed (an internal name), or a
    ``ValueError``/``TypeError`` from a study argument check without a field;
``other``
    any other exception, a CLI traceback, a TOML round trip that does not reload equal;
``nonfinite``
    an evaluation that returned NaN or inf in any output;
``ok``
    finite outputs (or an exact round trip).

``python -m tests.fuzz_harness --n 20000`` runs cases ``0..n-1`` (seed ``--seed``) and prints
the counts per class; ``--isolate`` runs them in a child process with a per-case watchdog
(``--timeout`` s), so a hang is counted as ``other`` instead of stopping the run (used to
measure code that can hang).  ``make fuzz`` runs the long campaign.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

CLASSES = ("clear", "vague", "other", "nonfinite", "ok")

# Names a user types besides scenario fields: files, presets, CLI options, study arguments.
USER_NAMES = {
    "toml",
    "scenario file",
    "scenario",
    "preset",
    "meta",
    "meta.base",
    "meta.name",
    "meta.description",
    "--set",
    "--keys",
    "n",
    "seed",
    "percentiles",
    "outputs",
    "distributions",
    "keep_samples",
    "chunks",
    "chunk_size",
    "grid",
    "axes",
    "field",
    "choices",
    "rows",
    "keys",
    "points",
    "n_boot",
    "baseline",
    "target",
    "n_x",
    "n_y",
    "size",
    "upload",
    "memory",
}

HOSTILE_STRINGS = (
    "9**9**9 km",
    "10**400 km",
    "2**2**2**2**2",
    "9^9^9",
    "10**400",
    "1e999",
    "1e-400",
    "0,05 USD/kWh",
    "1,5",
    "1.000,5",
    "",
    "   ",
    "nan",
    "inf",
    "-inf",
    "NaN km",
    "1/0",
    "0/0 km",
    "1 / 0 km",
    "x" * 5000,
    "1 " + "km*" * 400 + "km",
    "(" * 300 + "1" + ")" * 300,
    "__import__('os').system('true')",
    "1_000",
    "１２",
    "½",
    "5%",
    "%",
    "ln(2)",
    "km**9**9",
    "3 kg",
    "2 s",
    "7 USD",
    "1 m**0.5",
    "1e308 * 10",
    "\x00",
    "\ud800",
    "\x7f",
    "1 km\n2 km",
    "true",
    "[1, 2]",
)

TINY = (5e-324, 1e-308, 1e-300, 1e-200, 1e-165, 1e-147, 1e-100, 1e-30, 1e-12)
HUGE = (1e308, 1.7e308, 1e300, 1e200, 1e100, 1e30, 1e15)


def _fields():
    from orbitdc.scenario import sections

    return [(f"{s.name}.{f.name}", f) for s in sections().values() for f in s.fields]


def user_names() -> set[str]:
    from orbitdc.scenario import all_keys, sections

    return set(all_keys()) | set(sections()) | USER_NAMES


# ============================================================================ generators


def in_range(rng: random.Random, f) -> float:
    """A value inside the field's bounds (uniform, or log-uniform over wide ranges)."""
    lo, hi = f.low, f.high
    d = float(f.default)
    if lo is None:
        lo = d - 10 * abs(d) - 1
    if hi is None:
        hi = d + 10 * abs(d) + 1
    if rng.random() < 0.3 and lo >= 0 and hi > 0:
        a = math.log10(max(lo, hi * 1e-6, 1e-300))
        x = 10 ** rng.uniform(a, math.log10(hi))
    else:
        x = rng.uniform(lo, hi)
    x = min(max(x, lo), hi)
    if f.low is not None and f.low_open and x <= f.low:
        x = f.default
    if f.high is not None and f.high_open and x >= f.high:
        x = f.default
    return float(round(x)) if f.integer else float(x)


def value_for(rng: random.Random, key: str, f) -> Any:
    """One value for field ``f``: in or out of range, boundary, tiny, huge, wrong unit,
    non-scalar or a hostile string."""
    if f.is_choice:
        r = rng.random()
        if r < 0.6:
            return rng.choice(f.choices)
        return rng.choice(["no-such-choice", 3, None, [f.choices[0]], "", f.choices[0].upper(), "x" * 300])
    if f.is_bool:
        return rng.choice([True, False, "yes", "no", 1, 0, 2, "maybe", None, 0.5, [True]])
    kind = rng.random()
    lo, hi = f.low, f.high
    if kind < 0.30:
        return in_range(rng, f)
    if kind < 0.45:
        cands = [b for b in (lo, hi) if b is not None]
        out = []
        for b in cands:
            out += [b, math.nextafter(b, math.inf), math.nextafter(b, -math.inf), b + 1e-9 * (abs(b) + 1)]
            out += [b - 1e-9 * (abs(b) + 1)]
        return float(rng.choice(out or [0.0]))
    if kind < 0.55:
        return rng.choice(TINY) * rng.choice([1, 1, -1])
    if kind < 0.62:
        return rng.choice(HUGE) * rng.choice([1, 1, -1])
    if kind < 0.66:
        return rng.choice([0.0, -1.0, math.nan, math.inf, -math.inf, 0, -0.0])
    if kind < 0.74:
        x = in_range(rng, f)
        return f"{x!r} {f.unit}".strip() if rng.random() < 0.8 else f"{x:g}{f.unit}"
    if kind < 0.82:
        x = in_range(rng, f)
        return rng.choice([[x], [x, x], [x, [x, x]], complex(x, 1.0), {"v": x}, None, True, (x,), np.array([x]), {x}])
    return rng.choice(HOSTILE_STRINGS)


def make_field_case(rng: random.Random) -> tuple:
    fields = _fields()
    key, f = rng.choice(fields)
    return ("field", key, value_for(rng, key, f))


def make_joint_case(rng: random.Random) -> tuple:
    """Several fields at once, mostly in range: infeasible combinations must be refused."""
    fields = [(k, f) for k, f in _fields()]
    picks = rng.sample(fields, rng.randint(2, 8))
    over = {}
    for k, f in picks:
        if f.is_choice:
            over[k] = rng.choice(f.choices)
        elif f.is_bool:
            over[k] = rng.choice([True, False])
        elif rng.random() < 0.85:
            over[k] = in_range(rng, f)
        else:
            over[k] = value_for(rng, k, f)
    return ("joint", over)


_NAME_CHARS = "abc XYZ é日本 \t\"'\\\x7f\x00\x01\x1b\u2028\ud800\U0001f600#[]=\n"


def make_toml_case(rng: random.Random) -> tuple:
    r = rng.random()
    if r < 0.5:
        name = "".join(rng.choice(_NAME_CHARS) for _ in range(rng.randint(0, 12)))
        desc = "".join(rng.choice(_NAME_CHARS) for _ in range(rng.randint(0, 20)))
        _, over = make_joint_case(rng)
        over = {k: v for k, v in over.items() if not isinstance(v, (list, tuple, dict, set, np.ndarray, complex))}
        return ("roundtrip", name, desc, over)
    docs = [
        "meta = 5\n",
        "[meta]\nbase = 5\n",
        "[meta]\nbase = ['a']\n",
        "[meta]\nbase = '/etc/passwd'\n",
        "[meta]\nbase = '../../../../tmp/x'\n",
        "[meta]\nbase = 'no-such-preset'\n",
        "[meta]\nname = 3\n",
        "[orbit]\naltitude = '9**9**9 km'\n",
        "[orbit]\naltitude = [1, [2]]\n",
        "[orbit]\naltitude = {a = 1}\n",
        "[orbit]\naltitude = 1979-05-27\n",
        "orbit = 3\n",
        "[orbit]\naltitude = \n",
        "x = " + "[" * 20000 + "]" * 20000 + "\n",
        "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
        "[" + "a." * 5000 + "b]\n",
        "[orbit]\naltitude = '" + "9" * 1000 + " km'\n",
        "[orbit]\naltitude = 1e400\n",
        "[orbit]\naltitude = nan\n",
        "[orbit]\naltitude = 0x10\n",
        "[economics]\nelectricity_price = '0,05 USD/kWh'\n",
        "[baselines]\ngrid_price = '0,05 USD/kWh'\n",
    ]
    doc = rng.choice(docs)
    return ("upload", doc) if rng.random() < 0.3 else ("tomltext", doc)


def make_url_case(rng: random.Random) -> tuple:
    """App URL query parameters: each value is text the app reads with the same parser."""
    key, f = rng.choice(_fields())
    v = value_for(rng, key, f)
    return ("url", {key: v if isinstance(v, str) else repr(v), "preset": rng.choice(["dawn-dusk-650", "../x"])})


def make_cli_case(rng: random.Random) -> tuple:
    fields = _fields()
    key, f = rng.choice(fields)
    v = value_for(rng, key, f)
    sval = v if isinstance(v, str) else repr(v)
    cmd = rng.choice(["evaluate", "scenario", "fields", "claims"])
    argvs = [
        [cmd, "--set", f"{key}={sval}"],
        ["evaluate", "--set", f"{key}"],
        ["evaluate", "no-such-preset"],
        ["evaluate", "/no/such/file.toml"],
        ["evaluate", "--set", f"no.such={sval}"],
        ["montecarlo", "--n", rng.choice(["0", "-5", "x", "10**400", "3"]), "--fields", key],
        ["montecarlo", "--n", "1000000000000", "--fields", key, "-o", "/nonexistent-dir/mc.csv"],
        ["montecarlo", "--n", "5", "--percentiles", rng.choice(["", "a", "5,,9", "150", "nan"])],
        ["sweep", "--grid", f"{key}={sval}"],
        ["sweep", "--grid", f"{key}=log:1:1e9:100000000000"],
        ["compare", "--keys", rng.choice(["nope", "", ",", "orbit.period"])],
    ]
    return ("cli", rng.choice(argvs))


def make_study_case(rng: random.Random) -> tuple:
    cases = [
        ("monte_carlo", {"n": rng.choice([0, -1, 2.5, "10", None, 10**12, 10**18, 50])}),
        ("monte_carlo", {"n": 20, "percentiles": rng.choice([None, [], [5, 150], ["a"], 50, [np.nan], (5, 50)])}),
        ("monte_carlo", {"n": 20, "outputs": rng.choice([[5], 5, "nope", [], ["orbit.period"], {"a": 1}])}),
        ("monte_carlo", {"n": 20, "distributions": rng.choice([[1, 2], {"orbit.altitude": [1, 2]}, 5, "x", {}])}),
        ("monte_carlo", {"n": 20, "seed": rng.choice([-1, 1.5, "s", 2**70])}),
        ("monte_carlo", {"n": 20, "chunks": rng.choice([0, -3, 1.5, 10**15, 7])}),
        ("sweep", {"grid": rng.choice([{"orbit.altitude": [500, 600]}, [1, 2], {"orbit.altitude": 5}, None])}),
        ("sweep", {"grid": {"orbit.altitude": np.linspace(300, 900, 10**5), "launch.price_per_kg": np.ones(10**5)}}),
        ("sweep", {"grid": {"orbit.altitude": [[500], [600, 700]]}}),
        ("sobol_indices", {"n": rng.choice([10**12, 0, -2, "x"])}),
        ("breakeven_map", {"n": rng.choice([(10**7, 10**7), (0, 3), (3, 1), (4, 3), (3, 4, 5)])}),
    ]
    return ("study",) + rng.choice(cases)


GENERATORS = (
    (make_field_case, 0.62),
    (make_joint_case, 0.25),
    (make_toml_case, 0.05),
    (make_url_case, 0.02),
    (make_cli_case, 0.04),
    (make_study_case, 0.02),
)


def make_case(rng: random.Random) -> tuple:
    r = rng.random()
    acc = 0.0
    for gen, w in GENERATORS:
        acc += w
        if r < acc:
            return gen(rng)
    return GENERATORS[0][0](rng)


def case_for_index(seed: int, i: int) -> tuple:
    return make_case(random.Random(f"{seed}:{i}"))


# ============================================================================ running


class Hang(Exception):
    """A case ran past its time limit (only raised in the main thread)."""


def _finite_result(res) -> bool:
    for v in res.si.values():
        try:
            if not bool(np.all(np.isfinite(np.asarray(v, dtype=float)))):
                return False
        except (TypeError, ValueError):
            continue
    return True


def _classify_error(exc: BaseException, names: set[str]) -> str:
    from orbitdc.errors import ScenarioError

    if isinstance(exc, ScenarioError):
        from orbitdc.errors import UNKNOWN

        if (
            isinstance(exc.value, str) and exc.value == UNKNOWN and "\n" not in str(exc)
        ):  # an unknown key the user typed, named
            return "clear"
        if exc.field in names and "\n" not in str(exc):
            return "clear"
        return "vague"
    return "other"


def _run_study(kind: str, kw: dict):
    from orbitdc import studies

    if kind == "monte_carlo":
        kw = {"n": 20, **kw}
        if kw.get("n", 0) and isinstance(kw["n"], int) and kw["n"] > 10**6 and "keep_samples" not in kw:
            kw["keep_samples"] = True
        return studies.monte_carlo("dawn-dusk-650", **kw)
    if kind == "sweep":
        return studies.sweep("dawn-dusk-650", kw["grid"])
    if kind == "sobol_indices":
        return studies.sobol_indices("dawn-dusk-650", ["power.cell_efficiency", "launch.price_per_kg"], n=kw["n"])
    if kind == "breakeven_map":
        return studies.breakeven_map("dawn-dusk-650", "launch.price_per_kg", "orbit.altitude", **kw)
    raise AssertionError(kind)


def run_case(case: tuple, names: set[str] | None = None) -> tuple[str, str]:
    """Run one case; return ``(class, detail)``."""
    from orbitdc import Scenario, evaluate

    names = names or user_names()
    kind = case[0]
    try:
        with np.errstate(all="ignore"), contextlib.redirect_stderr(io.StringIO()):
            if kind == "field":
                res = evaluate(Scenario().with_overrides({case[1]: case[2]}))
                return ("ok", "") if _finite_result(res) else ("nonfinite", f"{case[1]}={case[2]!r}")
            if kind == "joint":
                res = evaluate(Scenario().with_overrides(case[1]))
                return ("ok", "") if _finite_result(res) else ("nonfinite", repr(case[1])[:300])
            if kind == "roundtrip":
                _, name, desc, over = case
                s = Scenario(over, name=name, description=desc)
                back = Scenario.from_toml(s.to_toml())
                if back == s and back.name == s.name and back.description == s.description:
                    return "ok", ""
                return "other", "round trip differs"
            if kind == "tomltext":
                return _run_toml_text(case[1])
            if kind == "upload":
                from orbitdc.app.upload import parse_upload

                res = evaluate(parse_upload(case[1].encode("utf-8", "surrogatepass")))
                return ("ok", "") if _finite_result(res) else ("nonfinite", case[1][:100])
            if kind == "url":
                from orbitdc.app.url_state import decode_query

                state = decode_query(case[1])
                for err in state.errors:
                    if _classify_error(err, names | {"preset"}) != "clear":
                        return "vague", str(err)[:200]
                if state.errors:
                    return "clear", str(state.errors[0])[:200]
                res = evaluate(state.scenario)
                return ("ok", "") if _finite_result(res) else ("nonfinite", repr(case[1])[:100])
            if kind == "cli":
                return _run_cli(case[1], names)
            if kind == "study":
                _run_study(case[1], dict(case[2]))
                return "ok", ""
    except Hang:
        raise
    except RecursionError as exc:
        return "other", f"RecursionError {str(exc)[:100]}"
    except (ValueError, TypeError) as exc:
        from orbitdc.errors import ScenarioError

        if kind == "study" and not isinstance(exc, ScenarioError):
            return "vague", f"{type(exc).__name__}: {str(exc)[:200]}"
        cls = _classify_error(exc, names)
        return cls, f"{type(exc).__name__}: {str(exc)[:200]}"
    except MemoryError as exc:
        return "other", f"MemoryError {exc}"
    except Exception as exc:  # noqa: BLE001 - the harness classifies everything
        return "other", f"{type(exc).__name__}: {str(exc)[:200]}"
    raise AssertionError(kind)


def _run_toml_text(text: str) -> tuple[str, str]:
    from orbitdc import Scenario, evaluate

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "case.toml"
        p.write_text(text, encoding="utf-8")
        res = evaluate(Scenario.from_toml(p))
    return ("ok", "") if _finite_result(res) else ("nonfinite", text[:100])


def _run_cli(argv: list[str], names: set[str]) -> tuple[str, str]:
    from orbitdc.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(argv)
    except SystemExit as exc:  # argparse usage errors: exit 2 with a usage line
        rc = exc.code
        if rc == 2:
            return "clear", "argparse"
    text = err.getvalue().strip()
    if rc == 0:
        return "ok", ""
    if rc == 2 and text.count("\n") == 0 and text.startswith("orbitdc: error:"):
        return "clear", text[:200]
    if "Traceback" in text:
        return "other", text.splitlines()[-1][:200]
    return "vague", f"rc={rc} {text[:200]}"


def run_with_alarm(case: tuple, timeout: float, names: set[str]) -> tuple[str, str]:
    """:func:`run_case` with a SIGALRM time limit (main thread; cannot stop a C loop)."""

    def on_alarm(signum, frame):
        raise Hang()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return run_case(case, names)
    except Hang:
        return "other", f"hang > {timeout} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ============================================================================ campaigns


def _child(seed: int, start: int, stop: int, timeout: float) -> None:
    names = user_names()
    for i in range(start, stop):
        cls, detail = run_with_alarm(case_for_index(seed, i), timeout, names)
        sys.stdout.write(json.dumps({"i": i, "cls": cls, "detail": detail}) + "\n")
        sys.stdout.flush()


def campaign(n: int, seed: int, timeout: float = 5.0, isolate: bool = False, show: int = 12) -> Counter:
    """Run cases ``0..n-1`` and return the counts per class (printing the first failures)."""
    counts: Counter = Counter()
    shown: dict[str, int] = Counter()
    details: Counter = Counter()

    def record(i, cls, detail):
        counts[cls] += 1
        if cls in ("vague", "other", "nonfinite"):
            details[(cls, detail[:90])] += 1
            if shown[cls] < show:
                shown[cls] += 1
                print(f"  [{cls}] case {i}: {case_for_index(seed, i)!r:.160} -> {detail[:160]}", flush=True)

    t0 = time.time()
    if not isolate:
        names = user_names()
        for i in range(n):
            record(i, *run_with_alarm(case_for_index(seed, i), timeout, names))
    else:
        import subprocess

        i = 0
        while i < n:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.fuzz_harness", "--child", str(seed), str(i), str(n), str(timeout)],
                stdout=subprocess.PIPE,
                text=True,
            )
            last = time.time()
            import selectors

            sel = selectors.DefaultSelector()
            sel.register(proc.stdout, selectors.EVENT_READ)
            while True:
                ready = sel.select(timeout=1.0)
                if ready:
                    line = proc.stdout.readline()
                    if not line:
                        break
                    rec = json.loads(line)
                    record(rec["i"], rec["cls"], rec["detail"])
                    i = rec["i"] + 1
                    last = time.time()
                elif time.time() - last > timeout * 3 + 10:
                    proc.kill()
                    record(i, "other", f"hang > {timeout * 3 + 10:.0f} s (killed)")
                    i += 1
                    break
            proc.wait()
            if proc.returncode not in (0, None, -9) and i < n:  # crashed child: count the case
                record(i, "other", f"child died rc={proc.returncode}")
                i += 1
    dt = time.time() - t0
    print(f"{n} cases, seed {seed}, {dt:.0f} s")
    for c in CLASSES:
        print(f"  {c:<10} {counts[c]}")
    if details:
        print("distinct failures (class, first words):")
        for (c, d), k in details.most_common(30):
            print(f"  {k:>6}  {c:<9} {d}")
    return counts


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--isolate", action="store_true")
    ap.add_argument("--child", nargs=4)
    a = ap.parse_args(argv)
    if a.child:
        s, start, stop, t = a.child
        _child(int(s), int(start), int(stop), float(t))
        return 0
    counts = campaign(a.n, a.seed, a.timeout, a.isolate)
    return 0 if counts["other"] + counts["nonfinite"] + counts["vague"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
