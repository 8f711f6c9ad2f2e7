"""The best design for given assumptions: orbitdc.studies.optimize, pareto, best_vs_ground (issue 16).

No expected cost is hard-coded (the economics defaults move): the optimiser is checked
against a 100,000-point random search over the same box, against closed forms (an output
that is monotone in a variable is best at the corresponding bound), against re-evaluation of
the design it returns through the scalar pipeline, and against the definition of a Pareto
front (no point dominated by another).
"""

import contextlib
import io
import math

import numpy as np
import pytest

import orbitdc
from orbitdc import presets, studies
from orbitdc.cli import main
from orbitdc.errors import ScenarioError
from orbitdc.model import evaluate, evaluate_si, evaluate_si_rows
from orbitdc.scenario import field_spec
from orbitdc.studies import optimizer as opt
from orbitdc.studies import pareto_front

ORBITAL = "cost_per_million_tokens.orbital"

# six mixed variables: three real (one log-scaled), one integer, two choices
MIXED6 = {
    "orbit.altitude": (400.0, 1500.0),
    "power.payload_power": (20.0, 500.0),
    "power.depth_of_discharge": (0.1, 0.8),
    "workload.batch": (8, 256),
    "compute.accelerator": ["h100-sxm", "b200", "tpu-v4"],
    "launch.vehicle": ["falcon9-reusable", "falcon-heavy", "starship-flown"],
}


@pytest.fixture(scope="module")
def ref():
    return presets.load("dawn-dusk-650")


@pytest.fixture(scope="module")
def best6(ref):
    return studies.optimize(ref, MIXED6, seed=3)


def _assert_rows_match_scalar(scenarios):
    """One vectorised evaluation of the stacked scenarios gives each row its own scalar result
    (every output of the scalar run present, within 1e-9 relative: the same arithmetic on
    arrays, only the summation order of a few reductions may differ)."""
    sis, p = _si_rows(scenarios)
    out = evaluate_si(p)
    for i, d in enumerate(sis):
        one = evaluate_si(d)
        assert set(one) <= set(out)
        for k, v in one.items():
            assert out[k][i] == pytest.approx(v, rel=1e-9, abs=1e-12), (i, k)


def _si_rows(scenarios):
    """Stack scenarios into one SI input dict (choice fields as arrays of names)."""
    sis = [s.to_si() for s in scenarios]
    p = {}
    for k in sis[0]:
        vals = [d[k] for d in sis]
        if isinstance(vals[0], bool):
            p[k] = np.array(vals, dtype=bool)
        elif isinstance(vals[0], str):
            p[k] = np.array(vals)
        else:
            p[k] = np.array(vals, dtype=float)
    return sis, p


# ---------------------------------------------------------------------------- the pipeline on populations


def test_choice_arrays_give_each_row_its_own_scalar_result(ref):
    # a population with different orbits, chips, vehicles, cells, heat pumps and switches in
    # ONE evaluate_si call equals the pipeline run on each design alone
    rng = np.random.default_rng(7)
    opts = {
        "compute.accelerator": ["h100-sxm", "b200", "tpu-v4"],
        "launch.vehicle": ["falcon9-reusable", "starship-projected", "falcon-heavy"],
        "power.cell_type": ["triple_junction", "silicon"],
        "thermal.heat_pump": ["none", "optimal"],
        "orbit.type": ["sso", "inclined"],
    }
    scns = []
    for _ in range(24):
        over = {k: v[rng.integers(len(v))] for k, v in opts.items()}
        over.update(
            {
                "orbit.altitude": float(rng.uniform(400, 1200)),
                "power.payload_power": float(rng.uniform(50, 200)),
                "launch.station_keeping": bool(rng.integers(2)),
            }
        )
        scns.append(ref.with_overrides(over))
    _assert_rows_match_scalar(scns)


def test_every_default_choice_as_arrays_gives_each_row_its_own_scalar_result(ref):
    # every choice and switch of the default design box drawn per row (servicing, batch rule,
    # eclipse mode, DoD rule, heat pump, disposal, risk treatment ...), some outputs exist only
    # for some choices: each stage regroups the rows by what it reads, and each row's result
    # is still the pipeline's for that design alone
    rng = np.random.default_rng(21)
    box = studies.design_variables(ref)
    scns = []
    for _ in range(40):
        over = {}
        for k, v in box.items():
            if isinstance(v, list):
                over[k] = v[rng.integers(len(v))]
            elif field_spec(k).integer:
                over[k] = int(rng.integers(int(v[0]), int(v[1]) + 1))
            else:
                over[k] = float(rng.uniform(*v))
        scn = ref.with_overrides(over)
        try:
            evaluate(scn)
        except ScenarioError:
            continue  # a design the pipeline refuses (tested separately)
        scns.append(scn)
    assert len(scns) >= 20
    _assert_rows_match_scalar(scns)


def test_row_groups_with_outputs_present_on_some_rows_only():
    # two toy stages: the first writes "a.x" only for rows whose choice is "on" (and a
    # single value when it does not depend on the row), the second branches on whether
    # "a.x" exists; the row-group evaluator must give each row what the stages give it alone
    import types

    from orbitdc._rowgroups import _SPLIT_HINTS, evaluate_rows

    def stage_a(p, out):
        if p["t.c"] == "on":
            out["a.x"] = 2.0 * p["t.v"]
        out["a.k"] = 7.0

    def stage_b(p, out):
        out["b.y"] = (out["a.x"] + out["a.k"]) if "a.x" in out else -out["a.k"] * p["t.v"]
        out["b.n"] = float(len([k for k in out if k.startswith("a.")]))

    mods = [
        types.SimpleNamespace(__name__="toy_a_presence", stage=stage_a),
        types.SimpleNamespace(__name__="toy_b_presence", stage=stage_b),
    ]
    c = np.array(["on", "off", "off", "on", "off", "on"])
    v = np.arange(1.0, 7.0)
    try:
        res = evaluate_rows({"t.c": c, "t.v": v}, mods, ["t.c"])
        for i in range(c.size):
            one: dict = {}
            for m in mods:
                m.stage({"t.c": str(c[i]), "t.v": v[i]}, one)
            for k in ("b.y", "b.n", "a.k"):
                assert res[k][i] == pytest.approx(one[k], rel=1e-15), (i, k)
        assert np.isnan(res["a.x"][c == "off"]).all()
    finally:
        for m in mods:
            _SPLIT_HINTS.pop(m.__name__, None)


def test_refused_rows_are_reported_and_the_others_kept(ref):
    # a Starship as flown (16 t to 53 deg) cannot reach a sun-synchronous orbit: the scalar
    # pipeline refuses that design; in a population only that row is refused and every
    # other row keeps its own result
    good = [ref.with_overrides({"orbit.altitude": h}) for h in (500.0, 700.0)]
    bad = ref.with_overrides({"orbit.altitude": 600.0, "launch.vehicle": "starship-flown"})
    with pytest.raises(ScenarioError, match="launch.vehicle"):
        evaluate(bad)
    sis, p = _si_rows([good[0], bad, good[1]])
    out, refused = evaluate_si_rows(p, 3)
    assert refused.tolist() == [False, True, False]
    for i in (0, 2):
        assert out[ORBITAL][i] == pytest.approx(evaluate_si(sis[i])[ORBITAL], rel=1e-12)
    # outside evaluate_si_rows the same call still raises
    with pytest.raises(ScenarioError):
        evaluate_si(p)


def test_choice_arrays_at_a_later_year_give_each_row_its_own_scalar_result(ref):
    # an optimiser population priced after the base year: at_year must move each row as the
    # pipeline moves that design alone, whatever its launch vehicle, price basis and switches
    # (regression: at_year indexed the vehicle catalog with the array of names)
    rng = np.random.default_rng(11)
    opts = {
        "launch.vehicle": ["falcon9-reusable", "starship-projected", "falcon-heavy"],
        "compute.accelerator": ["h100-sxm", "b200"],
        "years.launch_switch": [False, True],
        "years.cell_switch": [False, True],
    }
    scns = []
    for i in range(18):
        over = {k: v[rng.integers(len(v))] for k, v in opts.items()}
        over["years.year"] = float([2026, 2031, 2040][i % 3])  # base year rows mixed in
        over["orbit.altitude"] = float(rng.uniform(500, 1000))
        if i % 4 == 1:  # the price set per kg on some rows
            over["launch.price_basis"] = "per_kg"
        scns.append(ref.with_overrides(over))
    _assert_rows_match_scalar(scns)


def test_optimize_at_a_later_year_runs_and_reproduces_its_value(ref):
    # the whole optimiser on a scenario priced in 2040, a choice variable included
    scn = ref.with_overrides({"years.year": 2040})
    best = studies.optimize(
        scn,
        {"orbit.altitude": (500.0, 1200.0), "launch.vehicle": ["falcon9-reusable", "falcon-heavy"]},
        seed=1,
    )
    assert best.feasible
    assert best.scenario.raw("years.year") == 2040
    assert evaluate(best.scenario).value(ORBITAL) == pytest.approx(best.value, rel=1e-12)
    assert best.value <= best.start_value * (1 + 1e-12)


# ---------------------------------------------------------------------------- quality


def test_mixed_problem_beats_a_100000_point_random_search(ref, best6):
    prob = opt._Problem(ref, [opt._variable(k, v) for k, v in MIXED6.items()], [(ORBITAL, 1.0)], [])
    rng = np.random.default_rng(2024)
    lo = np.array([v.bounds[0] for v in prob.vars])
    hi = np.array([v.bounds[1] for v in prob.vars])
    disc = np.array([v.kind != "real" for v in prob.vars])
    a, b = np.where(disc, lo - 0.499, lo), np.where(disc, hi + 0.499, hi)
    best = np.inf
    for _ in range(5):  # 5 x 20,000 = 100,000 random designs
        X = prob.snap(a + (b - a) * rng.random((20_000, len(prob.vars))))
        F, _, bad = prob.evaluate(X)
        f = np.where(bad, np.inf, F[:, 0])
        best = min(best, float(f.min()))
    assert math.isfinite(best)
    assert best6.feasible
    assert best6.value <= best * (1 + 1e-9), (best6.value, best)
    assert best6.value < best6.start_value


def test_same_seed_same_design(ref, best6):
    again = studies.optimize(ref, MIXED6, seed=3)
    assert again.value == best6.value
    assert again.variables == best6.variables
    assert again.evaluations == best6.evaluations


def test_the_returned_design_reproduces_the_value(ref, best6):
    # .scenario is a real Scenario whose scalar evaluation gives .value; .result is it
    assert evaluate(best6.scenario).value(ORBITAL) == pytest.approx(best6.value, rel=1e-9)
    assert best6.result.value(ORBITAL) == pytest.approx(best6.value, rel=1e-12)
    for k, v in best6.variables.items():
        assert best6.scenario.raw(k) == v
    # integers come back whole, choices as names, and only the variables (and what a
    # chosen vehicle or chip fills) differ from the input scenario
    assert isinstance(best6.variables["workload.batch"], int)
    assert best6.variables["launch.vehicle"] in MIXED6["launch.vehicle"]
    filled = {
        f"launch.{k}" for c in MIXED6["launch.vehicle"] for k in (field_spec("launch.vehicle").fills.get(c) or {})
    }
    filled |= {
        f"compute.{k}"
        for c in MIXED6["compute.accelerator"]
        for k in (field_spec("compute.accelerator").fills.get(c) or {})
    }
    assert set(best6.changes) <= set(MIXED6) | filled
    assert best6.evaluations > 1000 and best6.calls < best6.evaluations / 20  # whole populations per call
    assert len(best6.history) >= best6.generations > 0


def test_a_monotone_output_is_best_at_its_bound(ref):
    # orbital cost rises with launch price (README: linear in the launch price), so the
    # least cost over a price range is at its lower end, exactly
    r = studies.optimize(ref, {"launch.price_per_kg": (100.0, 5000.0)}, seed=0)
    assert r.variables["launch.price_per_kg"] == 100.0
    assert r.value == pytest.approx(
        evaluate(ref.with_overrides({"launch.price_per_kg": 100.0})).value(ORBITAL), rel=1e-12
    )
    # maximising: link capacity grows with the number of carriers
    m = studies.optimize(ref, {"links.carriers": (2, 16)}, objective="max:links.capacity", seed=0)
    assert m.variables["links.carriers"] == 16 and m.sense == "max"


def test_constraints_bind(ref, best6):
    # the unconstrained optimum flies above 1000 km; a latency limit moves it down
    lim = 0.98 * evaluate(best6.scenario).value("links.latency")
    r = studies.optimize(ref, MIXED6, constraints=[f"links.latency<={lim} ms"], seed=3)
    assert r.feasible
    assert r.result.value("links.latency") <= lim * (1 + 1e-9)
    assert r.value >= best6.value * (1 - 1e-9)
    # tuples work the same, and an impossible constraint reports an infeasible design
    t = studies.optimize(
        ref, {"orbit.altitude": (400.0, 1500.0)}, constraints=[("orbit.altitude", "<=", 300.0)], seed=0
    )
    assert not t.feasible and "no design met every constraint" in t.summary()


def test_default_search_changes_only_design_choices(ref):
    dv = studies.design_variables(ref)
    assert dv and all(field_spec(k).role == "design" for k in dv)
    assert "launch.price_per_kg" not in dv and "finance.wacc" not in dv
    # the reference scenario (Falcon 9, H100: vendor figures) is not searched over the
    # seed documents' claimed $200k Starship nor projected chips; the claims scenario is
    assert "starship-claim-200k" not in dv["launch.vehicle"] and "ai6-n2-projection" not in dv["compute.accelerator"]
    seed_dv = studies.design_variables(presets.load("seed-claims"))
    assert "starship-claim-200k" in seed_dv["launch.vehicle"] and "ai6-n2-projection" in seed_dv["compute.accelerator"]
    r = studies.optimize(ref, seed=0, max_evaluations=3000)
    assert r.value <= r.start_value
    fills = set()
    for k in r.changes:
        f = field_spec(k)
        if f.is_choice and f.fills:
            sec = k.split(".")[0]
            fills |= {(n if "." in n else f"{sec}.{n}") for c in f.choices for n in (f.fills.get(c) or {})}
    for k in r.changes:
        assert field_spec(k).role == "design" or k in fills, k
    # the orbital search leaves the ground's design alone
    assert not any(k.startswith("baselines.") for k in r.changes)


def test_default_search_converges_before_its_budget_and_beats_random_search(ref):
    # the default design box (about 30 mixed variables): the search stops by its own rule,
    # well before the 60,000-design cap, and beats a 20,000-point random search of the box
    r = studies.optimize(ref, seed=1)
    assert len(r.search_space) > opt.SMALL_PROBLEM
    assert r.evaluations < 45_000, r.evaluations
    obj = (ORBITAL, 1.0)
    prob = opt._Problem(ref, opt._resolve_variables(ref, None, [obj], []), [obj], [])
    lo = np.array([v.bounds[0] for v in prob.vars])
    hi = np.array([v.bounds[1] for v in prob.vars])
    disc = np.array([v.kind != "real" for v in prob.vars])
    a, b = np.where(disc, lo - 0.499, lo), np.where(disc, hi + 0.499, hi)
    X = prob.snap(a + (b - a) * np.random.default_rng(5).random((20_000, len(prob.vars))))
    F, _, bad = prob.evaluate(X)
    best = float(np.where(bad, np.inf, F[:, 0]).min())
    assert math.isfinite(best) and r.value <= best, (r.value, best)


def test_best_orbit_against_best_ground(ref):
    b = studies.best_vs_ground(ref, seed=0, max_evaluations=3000)
    assert b.orbit.objective == ORBITAL and b.ground.objective == "cost_per_million_tokens.terrestrial"
    assert b.orbit.value <= b.orbit.start_value and b.ground.value <= b.ground.start_value
    assert b.ratio == pytest.approx(b.orbit.value / b.ground.value)
    # the ground search moves only what the ground reads: no orbit, thermal, link or launch field
    assert not any(k.split(".")[0] in ("orbit", "thermal", "links", "launch") for k in b.ground.changes)
    assert "best ground" in b.summary()


# ---------------------------------------------------------------------------- pareto


def test_best_design_per_year(ref):
    # the best orbit against the best ground in each year: each year's designs are priced
    # in that year, the table is their costs, the first year is best_vs_ground itself, and
    # the warm start makes a later year's best no worse than last year's best design
    box = {"orbit.altitude": (400.0, 1500.0), "launch.vehicle": ["falcon9-reusable", "falcon-heavy"]}
    ground = {"workload.batch": (8, 256), "compute.accelerator": ["h100-sxm", "b200"]}
    b = studies.best_by_year(ref, "2026:2040:14", variables=box, ground_variables=ground, seed=2)
    t = b.table
    assert t["year"].tolist() == [2026, 2040]
    for _, row in t.iterrows():
        r = b.results[int(row["year"])]
        assert r.orbit.scenario.raw("years.year") == row["year"] == r.ground.scenario.raw("years.year")
        o = evaluate(r.orbit.scenario).value(ORBITAL)
        g = evaluate(r.ground.scenario).value("cost_per_million_tokens.terrestrial")
        assert row["orbit_best"] == pytest.approx(o, rel=1e-12) and row["ground_best"] == pytest.approx(g, rel=1e-12)
        assert row["ratio_best"] == pytest.approx(o / g, rel=1e-12)
        assert row["orbit_best"] <= row["orbit_as_given"] and row["ground_best"] <= row["ground_as_given"]
        given = evaluate(ref.with_overrides({"years.year": int(row["year"])}))
        assert row["orbit_as_given"] == pytest.approx(given.value(ORBITAL), rel=1e-12)
    first = studies.optimize(ref, box, seed=2)
    assert t["orbit_best"].iloc[0] == pytest.approx(first.value, rel=1e-12)
    carried = b.results[2026].orbit.scenario.with_overrides({"years.year": 2040})
    assert t["orbit_best"].iloc[1] <= evaluate(carried).value(ORBITAL) * (1 + 1e-12)
    # costs fall with the years on both sides (launch learning, chip trends)
    assert t["orbit_best"].iloc[1] < t["orbit_best"].iloc[0] and t["ground_best"].iloc[1] < t["ground_best"].iloc[0]
    assert "2040" in b.summary()


def test_cli_optimize_by_year(ref, tmp_path):
    out = tmp_path / "by_year.csv"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(
            [
                "optimize",
                "dawn-dusk-650",
                "--years",
                "2030",
                "--vary",
                "orbit.altitude=400:1500",
                "-o",
                str(out),
            ]
        )
    assert rc == 0
    text = buf.getvalue()
    assert "Best orbit against best ground by year" in text and "2030" in text
    import pandas as pd

    t = pd.read_csv(out)
    assert t["year"].tolist() == [2030] and (t["ratio_best"] > 0).all()
    with pytest.raises(ScenarioError, match="years"):
        studies.best_by_year(ref, "2030:2020")


def test_pareto_front_is_non_dominated_and_reproducible(ref):
    var = {
        "orbit.altitude": (400.0, 1500.0),
        "power.payload_power": (20.0, 500.0),
        "launch.vehicle": ["falcon9-reusable", "falcon-heavy"],
    }
    objs = [ORBITAL, "links.latency"]
    df = studies.pareto(ref, var, objs, seed=1, generations=25, popsize=40)
    assert len(df) >= 5
    F = df[objs].to_numpy()
    # no point on the front is dominated by another (both minimised)
    for i in range(len(F)):
        dominated = np.all(F <= F[i], axis=1) & np.any(F < F[i], axis=1)
        assert not dominated.any(), i
    assert pareto_front.dominated_pairs(F) == 0
    # every row is a real design: re-evaluated through the scalar pipeline it gives its objectives
    for _, row in df.sample(3, random_state=0).iterrows():
        s = ref.with_overrides({k: row[k] for k in var})
        res = evaluate(s)
        assert res.value(ORBITAL) == pytest.approx(row[ORBITAL], rel=1e-9)
        assert res.value("links.latency") == pytest.approx(row["links.latency"], rel=1e-9)
    # a trade-off: cost falls as latency is allowed to rise along the front
    assert df[ORBITAL].is_monotonic_increasing and df["links.latency"].is_monotonic_decreasing
    again = studies.pareto(ref, var, objs, seed=1, generations=25, popsize=40)
    assert again.equals(df)
    assert df.attrs["units"][ORBITAL] == "USD" and df.attrs["evaluations"] > 0


def test_pareto_with_a_maximised_objective_and_a_constraint(ref):
    df = studies.pareto(
        ref,
        {"links.carriers": (2, 16), "links.tx_power_per_carrier": (10.0, 40.0)},
        [ORBITAL, "max:links.capacity"],
        constraints=["links.capacity>=50"],
        seed=0,
        generations=15,
        popsize=24,
    )
    assert (df["links.capacity"] >= 50 - 1e-9).all()
    F = np.column_stack([df[ORBITAL], -df["links.capacity"]])
    assert pareto_front.dominated_pairs(F) == 0


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "kw, match",
    [
        ({"variables": {"orbit.altitud": (400, 800)}}, "orbit.altitude"),
        ({"variables": {"orbit.altitude": (100, 800)}}, r"orbit.altitude.*\[200, 2000\] km"),
        ({"variables": {"orbit.altitude": (800, 400)}}, "low < high"),
        ({"variables": {"launch.vehicle": ["falcon9", "falcon-heavy"]}}, "launch.vehicle"),
        ({"variables": {"orbit.altitude": (400, 800)}, "constraints": ["links.latencyy<=30"]}, "links.latency"),
        ({"variables": {"orbit.altitude": (400, 800)}, "constraints": ["links.latency~30"]}, "KEY<=VALUE"),
        ({"variables": {"orbit.altitude": (400, 800)}, "objective": "cost_per_million_tokens.orbit"}, "objective"),
        ({"variables": {"orbit.altitude": (400, 800)}, "seed": -1}, "seed"),
    ],
)
def test_bad_input_names_the_problem(ref, kw, match):
    with pytest.raises(ScenarioError, match=match):
        studies.optimize(ref, **kw)


# ---------------------------------------------------------------------------- command line


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_optimize_prints_the_best_design(ref, tmp_path):
    path = tmp_path / "best.toml"
    code, out, err = _run(
        "optimize",
        "dawn-dusk-650",
        "--vary",
        "orbit.altitude=400:1500",
        "--vary",
        "launch.vehicle=falcon9-reusable,falcon-heavy",
        "--constraint",
        "links.latency<=25 ms",
        "--seed",
        "2",
        "-o",
        str(path),
    )
    assert code == 0, err
    assert "min cost_per_million_tokens.orbital" in out and "links.latency <= 25 ms" in out
    best = orbitdc.Scenario.from_toml(path)
    lib = studies.optimize(
        ref,
        {"orbit.altitude": (400.0, 1500.0), "launch.vehicle": ["falcon9-reusable", "falcon-heavy"]},
        constraints=["links.latency<=25 ms"],
        seed=2,
    )
    assert best.raw("orbit.altitude") == pytest.approx(lib.variables["orbit.altitude"], rel=1e-12)
    assert f"{lib.value:.4g} USD" in out
    code, out, err = _run("optimize", "dawn-dusk-650", "--vary", "orbit.altitude=100:800")
    assert code == 2 and "orbit.altitude" in err and "Traceback" not in err
    code, out, err = _run("optimize", "dawn-dusk-650", "--vary", "orbit.altitude")
    assert code == 2 and "FIELD=LOW:HIGH" in err


# ---------------------------------------------------------------------------- design fields are not uncertainties


def test_default_studies_do_not_sample_design_fields(ref):
    # a design field is a decision (optimised or swept), not an uncertainty: the default
    # Monte Carlo, tornado and Sobol inputs leave it at the scenario's value
    from orbitdc.scenario import sections

    design_with_spread = {
        f"{s.name}.{f.name}"
        for s in sections().values()
        for f in s.fields
        if f.role == "design" and f.spread is not None and not (f.is_choice or f.is_bool)
    }
    assert "power.payload_power" in design_with_spread  # the test has something to exclude
    for years in (False, True):
        keys = set(studies.uncertain_fields(include_years=years))
        assert keys and not keys & design_with_spread
        assert design_with_spread <= set(studies.uncertain_fields(include_years=years, include_design=True))
    mc = studies.monte_carlo(ref, None, 64, seed=1)
    sampled = set(mc.distributions)
    assert sampled == set(mc.inputs(start=0, stop=1).data_vars)
    assert len(sampled) > 30 and not sampled & design_with_spread
    assert set(studies.tornado(ref).table.index).isdisjoint(design_with_spread)
    # a later year samples the laws of the years, still not the design
    later = ref.with_overrides({"years.year": 2035})
    mc2 = studies.monte_carlo(later, None, 32, seed=1)
    assert "years.launch_learning_rate" in mc2.distributions
    assert set(mc2.distributions).isdisjoint(design_with_spread)
