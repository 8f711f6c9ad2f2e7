"""Years: the year acts on inputs; trajectories, parity years, what must be true.

Expected values are derived from the model's own inputs and closed forms, never from today's
default numbers (which other work moves):
* in the base year every law is the identity: outputs bit-identical to a run without the
  year section (the laws multiply by exactly 1.0);
* Wright's law (Wright 1936): price at 2^k x the cumulative volume = first x (1 - LR)^k;
* a hand-solved linear case: orbital cost per token is linear in the launch price, so parity
  is reached when the launch price falls to the break-even price; with constant production
  the cumulative volume is 1 + t / tau and Wright's law inverts by hand.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from orbitdc import ScenarioError, evaluate, presets, studies
from orbitdc.model import evaluate_si
from orbitdc.sections import MODULES
from orbitdc.sections import years as ysec
from orbitdc.studies import trajectories as sy_traj

COSTS = sy_traj.COSTS

# every law of the years switched off
STILL = {
    "years.launch_learning_rate": 0.0,
    "years.hardware_learning_rate": 0.0,
    "years.pv_learning_rate": 0.0,
    "years.battery_learning_rate": 0.0,
    "years.chip_perf_per_watt_trend": 0.0,
    "years.chip_perf_per_dollar_trend": 0.0,
    "years.electricity_price_trend": 0.0,
    "years.gas_price_trend": 0.0,
    "years.facility_cost_trend": 0.0,
    "years.interconnection_wait_trend": 0.0,
    "years.wacc_trend": 0.0,
    "years.launch_growth": 0.0,
    "years.hardware_growth": 0.0,
}


def test_base_year_is_bit_identical():
    scn = presets.load("dawn-dusk-650")
    p = scn.to_si()
    assert p["years.year"] == p["years.base_year"]
    with_years = evaluate_si(p)
    without: dict = {}  # the stages on the inputs as given, without the year step (at_year)
    for m in MODULES:
        m.stage(p, without)
    for k, v in without.items():
        assert with_years[k] == v or (isinstance(v, float) and math.isnan(v) and math.isnan(with_years[k])), k


def test_year_before_base_is_refused():
    scn = presets.load("dawn-dusk-650").with_overrides({"years.base_year": 2030, "years.year": 2028})
    with pytest.raises(ScenarioError, match="years.year"):
        evaluate(scn)
    with pytest.raises(ScenarioError, match="years.year"):
        studies.trajectory(presets.load("dawn-dusk-650"), (2020, 2030))


def test_wright_through_the_pipeline():
    # constant launched mass (growth 0) with tau = 1 yr: V/V0 = 1 + t, so t = 3 is 2 doublings
    # and the launch price is (1 - LR)^2 of the base year's (Wright 1936), to 1e-12
    lr = 0.23
    scn = presets.load("dawn-dusk-650").with_overrides(
        {**STILL, "years.launch_learning_rate": lr * 100, "years.launch_experience": 1.0, "years.year": 2029}
    )
    base = evaluate(scn.with_overrides({"years.year": 2026}))
    r = evaluate(scn)
    assert r.value("years.launch_price_factor") == pytest.approx((1 - lr) ** 2, rel=1e-12)
    assert r.value("launch.launch_price") / base.value("launch.launch_price") == pytest.approx((1 - lr) ** 2, rel=1e-12)


def test_trajectory_equals_evaluate_in_base_year_and_later():
    scn = presets.load("dawn-dusk-650")
    ds = studies.trajectory(scn, (2026, 2040))
    for y in (2026, 2033, 2040):
        r = evaluate(scn.with_overrides({"years.year": y}))
        for k in COSTS:
            # the vectorised path and the scalar path agree to rounding (1e-12 relative)
            assert float(ds[k].sel(year=y)) == pytest.approx(r.value(k), rel=1e-12), (k, y)
    assert float(ds[COSTS[0]].sel(year=2026)) == pytest.approx(evaluate(scn).value(COSTS[0]), rel=1e-12)


def test_trajectory_flat_without_laws():
    scn = presets.load("dawn-dusk-650").with_overrides(STILL)
    ds = studies.trajectory(scn, (2026, 2050))
    for k in COSTS:
        x = ds[k].values
        np.testing.assert_allclose(x, x[0], rtol=1e-12)


def test_costs_fall_with_learning():
    ds = studies.trajectory("dawn-dusk-650", (2026, 2050))
    for k in COSTS:
        assert ds[k].values[-1] < ds[k].values[0]


def test_trajectory_monte_carlo_base_year_is_the_monte_carlo():
    # same seed, same streams: the base-year slice is monte_carlo's samples (rounding only)
    keys = ["launch.price_per_kg", "finance.wacc", "years.launch_learning_rate", "compute.chip_price"]
    ds = studies.trajectory("dawn-dusk-650", (2026, 2030), n=300, seed=7, distributions=keys)
    mc = studies.monte_carlo("dawn-dusk-650", keys, n=300, seed=7, outputs=list(COSTS), keep_samples=True)
    for k in COSTS:
        np.testing.assert_allclose(ds[k].sel(year=2026).values, mc.samples[k].values, rtol=1e-12)
    np.testing.assert_array_equal(ds["finance.wacc"].values, mc.samples["finance.wacc"].values)
    assert set(ds[f"{COSTS[0]}.p50"].dims) == {"year"}


def test_trajectory_streaming_matches_kept_samples():
    kw = dict(years=(2026, 2034), n=400, seed=3, distributions=["launch.price_per_kg", "years.launch_learning_rate"])
    kept = studies.trajectory("dawn-dusk-650", keep_samples=True, **kw)
    streamed = studies.trajectory("dawn-dusk-650", keep_samples=False, chunks=None, **kw)
    for k in COSTS:
        np.testing.assert_allclose(streamed[f"{k}.mean"].values, kept[f"{k}.mean"].values, rtol=1e-12)
        # a log-histogram percentile is the centre of the bin holding the rank: within one bin
        # width (0.5 % covers the 0.46 % bins) of the order statistics around the rank
        x = np.sort(kept[k].values, axis=1)
        j = int(np.floor(0.5 * (x.shape[1] - 1)))
        got = streamed[f"{k}.p50"].values
        assert np.all(got >= x[:, j] * (1 - 5e-3)) and np.all(got <= x[:, j + 1] * (1 + 5e-3))


def _linear_case():
    """Ground made dear and the satellite cheap so that orbit breaks even at a positive launch
    price; only the launch price moves with the year (constant launched mass, tau = 1 yr)."""
    ov = {
        "finance.bus_cost_per_kg": 1000,
        "finance.array_cost_per_watt": 20,
        "finance.radiator_cost_per_m2": 1000,
        "finance.link_terminal_cost": 50000,
        "finance.insurance_rate": 0,
        "finance.operations_cost": 20000,
        "baselines.facility_cost": 100,
        "baselines.grid_price": 2.0,
        "finance.transit_price": 0.05,
        "baselines.interconnection_wait": 7,
        **STILL,
        "years.launch_learning_rate": 40.0,
        "years.launch_experience": 1.0,
    }
    return presets.load("dawn-dusk-650").with_overrides(ov)


def test_parity_year_hand_solved_linear_case():
    scn = _linear_case()
    r0 = evaluate(scn)
    # orbital cost is linear in the launch price: two evaluations give the line
    prices = np.array([1000.0, 3000.0])
    costs = [evaluate(scn.with_overrides({"launch.price_per_kg": x})).value(COSTS[0]) for x in prices]
    slope = (costs[1] - costs[0]) / (prices[1] - prices[0])
    c_free = costs[0] - slope * prices[0]
    c_ground = r0.value(COSTS[1])
    l_star = (c_ground - c_free) / slope  # the launch price per kg at parity
    assert l_star > 0
    assert l_star == pytest.approx(r0.value("economics.breakeven_price_per_kg"), rel=1e-9)
    price0 = scn.raw("launch.price_per_kg")
    # Wright with V/V0 = 1 + t / tau:  price0 (1 + t)^log2(0.6) = l_star
    b = math.log2(1 - 0.40)
    t_star = ((l_star / price0) ** (1 / b) - 1.0) * 1.0
    year_star = 2026 + t_star
    assert 2027 < year_star < 2050  # the case is inside the horizon
    res = studies.parity(scn, (2026, 2050), n=0)
    assert res.first_year["terrestrial"][0] == math.ceil(year_star)
    assert res.closed_form["terrestrial"] == pytest.approx(year_star, rel=1e-12)
    # at the fractional year the two costs are equal (the year field takes fractions)
    r = evaluate(scn.with_overrides({"years.year": year_star}))
    assert r.value(COSTS[0]) == pytest.approx(r.value(COSTS[1]), rel=1e-9)


def test_parity_monte_carlo_bookkeeping():
    res = studies.parity("dawn-dusk-650", (2026, 2050), n=600, seed=1)
    for b in ("terrestrial", "fleet"):
        pby = res.p_by_year[b]
        assert np.all(np.diff(pby) >= 0)
        assert pby[-1] + res.share_never[b] == pytest.approx(1.0, abs=1e-12)
        fy = res.first_year[b]
        assert np.nanmin(fy, initial=2026) >= 2026
        # the kept per-sample first years give the same distribution (all samples kept here)
        assert np.mean(~np.isnan(fy)) == pytest.approx(pby[-1], abs=1e-12)
        d = res.deciding[b]
        if len(d):
            assert (d["abs"].diff().dropna() <= 1e-15).all()
            assert (d["abs"] <= 1 + 1e-12).all()
    assert "median" in str(res)


def test_parity_deciding_input_is_found():
    # only the launch learning rate is uncertain in the linear case: it decides everything, and a
    # faster learning rate gives an earlier parity year (rho < 0)
    res = studies.parity(
        _linear_case(),
        (2026, 2050),
        n=400,
        seed=2,
        distributions={
            "years.launch_learning_rate": ("uniform", 30.0, 50.0),
            "finance.operations_cost": ("uniform", 19000.0, 21000.0),
        },
        baselines=("terrestrial",),
    )
    d = res.deciding["terrestrial"]
    assert d.index[0] == "years.launch_learning_rate"
    assert d["spearman"].iloc[0] < -0.9


def test_what_must_be_true_matches_breakeven_output():
    scn = presets.load("dawn-dusk-650")
    df = studies.what_must_be_true(scn, 2035, fields=["launch.price_per_kg", "finance.wacc"])
    r = evaluate(scn.with_overrides({"years.year": 2035}))
    row = df.loc["launch.price_per_kg"]
    bk = r.value("economics.breakeven_price_per_kg")
    if bk > 0 and bk <= 5000:
        assert row["parity_value_in_year"] == pytest.approx(bk, rel=1e-6)
    else:  # no positive launch price reaches parity in 2035: "none in range"
        assert math.isnan(row["parity_value"]) and row["status"].startswith("none in range")
    assert set(df.columns) >= {"value", "value_in_year", "parity_value", "parity_value_in_year", "status"}


def test_frontier_is_the_breakeven_map_of_the_year():
    ds = studies.parity_frontier(_linear_case(), 2030, "finance.array_cost_per_watt", "launch.price_per_kg", n=(5, 9))
    assert ds.attrs["year"] == 2030
    assert "breakeven.launch.price_per_kg" in ds


def test_years_section_fields_have_provenance():
    for f in ysec.SECTIONS[0].fields:
        assert f.source and f.kind and f.doc
        if not (f.is_bool or f.is_choice):
            assert f.low is not None and f.high is not None and f.reason


# ---------------------------------------------------------------- published projections
# Each preset reproduces the headline figure its source gives for an input path, within 0.5 %
# (the learning rates are quoted to 4 significant figures).  Outcome headlines (parity years,
# cost ratios, mass per kW) are claims that the claims check reports as holding or failing.
PRICE_HEADLINES = [
    ("tco-base", 2026, 1700.0),  # industry TCO model (issue 15): $1,700/kg today
    ("tco-base", 2050, 485.0),  # ... base case $485/kg
    ("tco-bull", 2050, 80.0),  # ... bull case $80/kg
    ("suncatcher", 2035, 200.0),  # Project Suncatcher: <= $200/kg by the mid-2030s
    ("timeline-optimistic", 2030, 100.0),  # timeline: Starship at $100/kg by 2030
]


@pytest.mark.parametrize("name,year,price", PRICE_HEADLINES)
def test_preset_reproduces_its_launch_price_headline(name, year, price):
    scn = presets.load(name)
    ds = studies.trajectory(scn, (2026, 2050))
    got = sy_traj._launch_price_per_kg(scn, ds)[int(year) - 2026]
    assert got == pytest.approx(price, rel=5e-3)


def test_spacex_preset_sizes_a_million_satellites():
    scn = presets.load("spacex-fcc-odc")
    r = evaluate(scn)
    assert r.value("launch.satellites") == 1_000_000
    # filing: 100 GW per year of 100 kW satellites = 1e6 satellites per year
    per_year = scn.raw("launch.deploy_rate") * 1e6 / scn.raw("power.payload_power")
    assert r.value("launch.deploy_satellites_per_year", "1/year") == pytest.approx(per_year, rel=1e-9)


def test_starcloud_preset_is_200_kw_at_500_per_kg():
    scn = presets.load("starcloud-3")
    r = evaluate(scn)
    assert r.value("compute.it_power", "kW") == pytest.approx(200.0, rel=1e-9)
    assert r.value("launch.launch_price", "USD") / scn.raw("launch.payload_mass") / 1000 == pytest.approx(
        500.0, rel=1e-9
    )


# ---------------------------------------------------------------- CLI
def _cli(argv):
    import contextlib
    import io

    from orbitdc.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


def test_cli_trajectory_table_matches_the_study(tmp_path):
    rc, out, _ = _cli(["trajectory", "tco-bull", "--years", "2026:2028"])
    assert rc == 0
    ds = studies.trajectory("tco-bull", (2026, 2028))
    line = [x for x in out.splitlines() if x.startswith("2028")][0].split()
    assert float(line[1]) == pytest.approx(float(ds[COSTS[0]].sel(year=2028)), rel=1e-3)
    rc, out, _ = _cli(
        ["trajectory", "dawn-dusk-650", "--years", "2026:2027", "--n", "50", "-o", str(tmp_path / "t.csv")]
    )
    assert rc == 0 and "orbit p95" in out and (tmp_path / "t.csv").stat().st_size > 0


def test_cli_parity_and_errors():
    rc, out, _ = _cli(["parity", "dawn-dusk-650", "--years", "2026:2030", "--n", "100"])
    assert rc == 0 and "vs terrestrial" in out and "vs fleet" in out
    rc, _, err = _cli(["trajectory", "dawn-dusk-650", "--years", "2030:2020"])
    assert rc == 2 and "years" in err
    rc, out, _ = _cli(
        ["parity", "tco-bull", "--years", "2026:2040", "--n", "200", "--sobol", "--sobol-n", "32", "--top", "2"]
    )
    assert rc == 0 and "Sobol indices vs terrestrial" in out and "Sobol indices vs fleet" in out
    assert "counted as 2041" in out


# ---------------------------------------------------------------- app: the "When?" view
def test_app_when_view_renders_and_loads_a_published_preset():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from orbitdc.app import i18n

    app = str(Path(__file__).resolve().parents[1] / "app.py")
    at = AppTest.from_file(app, default_timeout=600)
    at.query_params["preset"] = "tco-bull"
    at.run()
    # the When? view sits in the "time" group of the grouped tabs (orbitdc.app.page.GROUPS)
    at.session_state["tab_en"] = i18n.t("group.view.time", "en")
    at.session_state["view:time"] = "when"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert len(at.get("plotly_chart")) >= 2  # costs over the years with bands, P(parity by year)
    text = " ".join(m.value for m in at.markdown)
    assert i18n.t("when.title", "en") in text and "What must be true in 2035" in text
    assert at.table and at.dataframe
    # the published presets are one click away
    at.button(key="when_preset_suncatcher").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["preset"] == "suncatcher"


# ---------------------------------------------------------------- claims over the years
def test_projection_claims_report_verdict_and_first_year():
    from orbitdc import claims_years

    res = claims_years.projections(presets_=("tco-bull", "starcloud-3"))
    by = {r.key: r for r in res}
    assert by["tco_bull_launch"].verdict == "holds" and by["tco_bull_launch"].first_year == 2050
    m = evaluate(presets.load("starcloud-3")).value("launch.satellite_mass", "t")
    assert by["starcloud_mass"].verdict == ("holds" if abs(m / 3.0 - 1.0) <= 0.25 else "fails")  # +-25 % stated
    ds = studies.trajectory("starcloud-3", (2026, 2050))
    r = ds["economics.ratio_orbital_terrestrial"].values
    expect = int(ds["year"].values[np.argmax(r <= 1)]) if (r <= 1).any() else None
    assert by["starcloud_parity"].first_year == expect
    assert "source:" in claims_years.format_projections(res)


def test_seed_claims_by_year():
    from orbitdc import claims, claims_years

    df = claims_years.seed_claims_by_year(("seed-claims",), years=(2026, 2040))
    assert len(df) == len(claims.CLAIMS)
    for _, row in df.iterrows():
        if row["verdict_first"] == "holds":
            assert row["holds_from"] == 2026
        elif row["verdict_last"] == "holds":
            assert row["holds_from"] == 2040
        else:
            assert row["holds_from"] is None or (isinstance(row["holds_from"], float) and math.isnan(row["holds_from"]))


def test_claims_report_gathers_seed_claims_projections_and_years():
    # the one call behind `orbitdc claims --projections --by-year`: the seed claims as
    # claims.check gives them, every published projection, the first year per claim
    from orbitdc import claims, claims_years

    scn = presets.load("seed-claims")
    rep = claims_years.report(scn, projections_=True, by_year=True, years="2026:2050")
    assert [r.verdict for r in rep.claims] == [r.verdict for r in claims.check(scn)]
    assert {r.key for r in rep.projections} == {p.key for p in claims_years.PROJECTIONS}
    assert all(r.verdict in ("holds", "fails") for r in rep.projections)  # every headline year is on the grid
    assert rep.by_year["claim"].tolist() == [r.key for r in rep.claims]
    later = {r.key: r.verdict for r in claims.check(scn.with_overrides({"years.year": 2050.0}))}
    assert rep.by_year["verdict_last"].tolist() == [later[k] for k in rep.by_year["claim"]]
    text = rep.format()
    assert "Published projections" in text and "Seed claims by year" in text
    d = rep.to_dict()
    assert set(d) == {"claims", "best_vs_best", "projections", "by_year"} and d["best_vs_best"] == []


def test_best_vs_best_claims():
    # best orbit against best ground: the verdict follows the best designs' costs, which are
    # no worse than the designs as given (the scenario's design is in the first generation)
    from orbitdc import claims, claims_years

    scn = presets.load("seed-claims")
    best, launch = claims_years.best_vs_best(scn, seed=0, max_evaluations=3000)
    b = studies.best_vs_ground(scn, seed=0, max_evaluations=3000)
    assert best.key == "best_orbit_vs_best_ground" and best.verdict == ("holds" if b.ratio < 1 else "fails")
    assert float(best.numbers["ratio best / best"]) == pytest.approx(b.ratio, rel=2e-3)  # printed to 3 digits
    assert b.orbit.value <= b.orbit.start_value and b.ground.value <= b.ground.start_value
    as_given = {r.key: r for r in claims.check(scn)}["launch_200k"].numbers
    usd = lambda s: float(s.split()[0])  # noqa: E731
    assert usd(launch.numbers["best orbital design at $200k/launch, per 1M tokens"]) <= usd(
        as_given["orbital per 1M tokens at $200k/launch"]
    ) * (1 + 5e-3)  # both printed to 3 significant digits
    cheapest = min(
        usd(launch.numbers["best ground design, per 1M tokens"]), usd(launch.numbers["fleet, per 1M tokens"])
    )
    assert launch.verdict == ("holds" if usd(launch.numbers[next(iter(launch.numbers))]) < cheapest else "fails")


def test_parity_year_sobol_indices_linear_case():
    # Sobol indices of the parity year (Saltelli 2010 / Jansen 1999 estimators): in the linear
    # case only the launch learning rate moves the parity year, so its first-order and total
    # indices are 1 (Sobol 2001: a function of one input) and an input that moves neither
    # cost (the gas price trend of a grid-powered ground) gets exactly 0.  Tolerance 0.1 on
    # the indices of 1 (n = 512).  The share of samples censored (no parity by 2050, counted
    # as 2051) is checked against the hand-solved Wright inversion: censored when the
    # learning rate is below LR*, with P = (LR* - 15) / 30 for LR ~ U(15, 45) (+- 0.06).
    from orbitdc.studies.parity_years import parity_sobol

    scn = _linear_case()
    assert scn.raw("baselines.ground_power_source") != "gas"
    ds = parity_sobol(
        scn,
        (2026, 2050),
        n=512,
        seed=4,
        fields={"years.launch_learning_rate": ("uniform", 15.0, 45.0), "years.gas_price_trend": ("uniform", -2.0, 3.0)},
    )
    py = ds.sel(output="parity_year")
    assert py["S1"].sel(field="years.launch_learning_rate") == pytest.approx(1.0, abs=0.1)
    assert py["ST"].sel(field="years.launch_learning_rate") == pytest.approx(1.0, abs=0.1)
    assert py["S1"].sel(field="years.gas_price_trend") == 0.0 and py["ST"].sel(field="years.gas_price_trend") == 0.0
    # the hand-solved censoring threshold: price0 (1 + t)^log2(1 - LR) = l* at t = 24 yr
    r0 = evaluate(scn)
    l_star = r0.value("economics.breakeven_price_per_kg")
    price0 = scn.raw("launch.price_per_kg")
    lr_crit = 100.0 * (1.0 - 2.0 ** (math.log(l_star / price0) / math.log(25.0)))
    expect = min(max((lr_crit - 15.0) / 30.0, 0.0), 1.0)
    assert 0.05 < expect < 0.95  # the test has both censored and uncensored samples
    assert ds.attrs["share_censored"] == pytest.approx(expect, abs=0.06)
    assert ds.attrs["censored_at"] == 2051 and ds.attrs["screened"] == 0
    # the default screens the inputs by rank correlation first
    d2 = parity_sobol("dawn-dusk-650", (2026, 2040), n=64, seed=1, top=3, screen_n=400, n_boot=20)
    assert d2.sizes["field"] == 3 and d2.attrs["screened"] == 1
    with pytest.raises(ScenarioError, match="baseline"):
        parity_sobol(scn, baseline="moon")
