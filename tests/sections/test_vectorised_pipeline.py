"""The vectorised pipeline: fast paths agree with the exact, checked computations.

* Many distinct orbits (more than ``orbit.LATTICE_MIN_ORBITS``) take their annual eclipse
  statistics from exact values on a fixed lattice of orbit parameters, interpolated; the
  tests compare them with the exact per-orbit computation (:func:`annual_eclipse`, the
  public scalar API, and the vectorised exact path) within the tolerances stated in
  :func:`orbitdc.physics.orbit.annual_eclipse_stats`.  The eclipse-day count is compared
  exactly: it is rebuilt from interpolated shadow-season boundaries and every boundary that
  lands near a sample time is decided on that sample.
* Few distinct orbits stay exact.
* The stages' unchecked kernels reproduce the checked public physics functions, and a
  vectorised Monte Carlo of the whole pipeline gives, row by row, the outputs of single
  scenarios.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orbitdc
from orbitdc.constants import DEG
from orbitdc.kernels import atmosphere as katm
from orbitdc.kernels import links as kl
from orbitdc.model import evaluate_si
from orbitdc.physics import annual_eclipse, dvbs2x, eclipse_lattice, ephemeris, power_system, thermal
from orbitdc.physics import atmosphere as atm
from orbitdc.physics import links as lk
from orbitdc.physics import orbit as o
from orbitdc.scenario import field_spec


def _exact(h, inc, r0, sso, lt, year=2027):
    """Exact statistics of every row (vectorised exact path, same keys as annual_eclipse_stats)."""
    inc = np.round(np.where(sso, o.sun_synchronous_inclination(np.where(sso, h, 200e3)), inc), 12)
    h = np.round(h, 3)
    r0 = np.round(np.mod(np.where(sso, 0.0, r0), 2 * np.pi), 12)
    lt = np.round(np.where(sso, lt, 0.0) * 3600.0, 6)  # the lattice's keys hold LTAN in s
    n = np.size(h)
    cols = [np.asarray(x) for x in (h, inc, r0, lt, np.asarray(sso), np.asarray(year))]
    return eclipse_lattice._exact_stats(cols, n, "cylindrical", 256)


@pytest.fixture
def spy_lattice(monkeypatch):
    """Counts the rows served by the lattice."""
    calls = []
    real = eclipse_lattice._lattice_group

    def spy(*args):
        calls.append(args[-1])
        return real(*args)

    monkeypatch.setattr(eclipse_lattice, "_lattice_group", spy)
    return calls


# Tolerances of the lattice path (stated in annual_eclipse_stats; measured maxima in brackets
# over 20,000 random orbits per box).  Beta extremes near +-90 deg are interpolated through
# the cone-shaped minimum of the half-day-sampled extreme, which is itself resolved only to
# ~0.003 rad by the half-day grid.
TOL_SSO = dict(
    mean_fraction=1e-4,  # [2.5e-5 dawn-dusk, 1.7e-5 onset, 3.6e-6 noon]
    max_fraction=2e-4,  # [1.2e-5, 1.2e-4 at the onset of eclipse seasons]
    max_duration=1.0,  # s [0.07, 0.84]
    beta=5e-3,
)  # rad [3.0e-3 near -90 deg, 1.3e-5 elsewhere]
TOL_INCLINED = dict(
    mean_fraction=2e-4,  # [1.4e-4: the half-day trapezoid sum is rough in i and h]
    max_fraction=1e-4,
    max_duration=1.0,
    beta=1e-2,
)


def _compare(lat, ex, tol):
    for k in ("period", "inclination", "raan_drift_rate", "sun_distance_min", "sun_distance_max"):
        np.testing.assert_allclose(lat[k], ex[k], rtol=1e-14, atol=0, err_msg=k)
    np.testing.assert_array_equal(lat["eclipse_days"], ex["eclipse_days"])
    assert np.max(np.abs(lat["mean_fraction"] - ex["mean_fraction"])) <= tol["mean_fraction"]
    assert np.max(np.abs(lat["max_fraction"] - ex["max_fraction"])) <= tol["max_fraction"]
    assert np.max(np.abs(lat["max_duration"] - ex["max_duration"])) <= tol["max_duration"]
    for k in ("beta_min", "beta_max", "abs_beta_min", "abs_beta_max"):
        assert np.max(np.abs(lat[k] - ex[k])) <= tol["beta"], k


def test_lattice_dawn_dusk_box_matches_exact_orbits(spy_lattice):
    # the Monte Carlo box of the dawn-dusk-650 preset (altitude and LTAN spreads)
    rng = np.random.default_rng(11)
    n = 6000
    h = rng.uniform(500e3, 900e3, n)
    lt = rng.uniform(5.5, 6.5, n)
    lat = o.annual_eclipse_stats(h, np.nan, 0.0, True, lt, 2027)
    assert sum(spy_lattice) == n  # the lattice served every row
    _compare(lat, _exact(h, np.nan, 0.0, True, lt), TOL_SSO)
    # and against the public per-orbit API on a few rows (independent code path)
    for k in rng.choice(n, 12, replace=False):
        r = o.annual_eclipse(h[k], ltan=lt[k], year=2027)
        assert lat["eclipse_days"][k] == r.eclipse_days
        assert lat["mean_fraction"][k] == pytest.approx(r.mean_fraction, abs=TOL_SSO["mean_fraction"])
        assert lat["max_duration"][k] == pytest.approx(r.max_duration, abs=TOL_SSO["max_duration"])


def test_lattice_at_the_onset_of_eclipse_seasons(spy_lattice):
    # high dawn-dusk orbits: seasons appear and vanish inside the box (fast-moving season edges,
    # cells whose corners differ are computed exactly)
    rng = np.random.default_rng(12)
    n = 3000
    h = rng.uniform(1500e3, 2000e3, n)
    lt = rng.uniform(5.6, 6.4, n)
    lat = o.annual_eclipse_stats(h, np.nan, 0.0, True, lt, 2028)
    assert spy_lattice
    ex = _exact(h, np.nan, 0.0, True, lt, 2028)
    assert np.any(ex["eclipse_days"] == 0) and np.any(ex["eclipse_days"] > 0)
    _compare(lat, ex, TOL_SSO)


def test_lattice_inclined_orbits(spy_lattice):
    rng = np.random.default_rng(13)
    n = 3000
    h = rng.uniform(540e3, 580e3, n)
    inc = rng.uniform(52.0, 55.0, n) * DEG
    lat = o.annual_eclipse_stats(h, inc, 0.3, False, 0.0, 2027)
    assert spy_lattice
    _compare(lat, _exact(h, inc, 0.3, False, 0.0), TOL_INCLINED)


def test_few_distinct_orbits_stay_exact(spy_lattice):
    # 100,000 rows but 40 distinct orbits: computed exactly, as the scalar API (to rounding)
    rng = np.random.default_rng(14)
    alts = np.round(np.linspace(500e3, 900e3, 40), 3)
    h = alts[rng.integers(0, 40, 100_000)]
    s = o.annual_eclipse_stats(h, np.nan, 0.0, True, 6.0, 2027)
    assert not spy_lattice
    for a in alts[::9]:
        r = o.annual_eclipse(a, ltan=6.0, year=2027)
        sel = h == a
        assert np.all(s["mean_fraction"][sel] == s["mean_fraction"][sel][0])
        assert s["mean_fraction"][sel][0] == pytest.approx(r.mean_fraction, rel=1e-12)
        assert s["max_duration"][sel][0] == pytest.approx(r.max_duration, rel=1e-12)
        assert np.all(s["eclipse_days"][sel] == r.eclipse_days)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(200e3, 2000e3),
    st.floats(0.0, 24.0),
    st.floats(0.0, math.pi),
    st.floats(0.0, 2 * math.pi),
    st.booleans(),
    st.sampled_from([2026, 2027, 2028]),
)
def test_eclipse_days_from_season_boundaries_match_the_sampled_count(h, lt, inc, r0, sso, year):
    # property: at every lattice node the days rebuilt from the shadow-season boundaries equal
    # the exact count (nodes where they would not are flagged, sig = -1, and never used)
    ex = _exact(np.array([h]), inc, r0, sso, np.array([lt]), year)
    hk = round(h, 3)  # the key-rounded orbit of the exact path
    i = round(float(o.sun_synchronous_inclination(h)), 12) if sso else round(inc, 12)
    r0k = 0.0 if sso else round(r0 % (2 * math.pi), 12)
    st_, sig, cpos = eclipse_lattice._lattice_nodes(
        np.array([hk]), np.array([i]), np.array([r0k]), np.array([round(lt * 3600.0, 6)]), sso, year
    )
    if sig[0] >= 0:
        nt = int(sig[0]) // 2
        m = annual_eclipse._year_grid(year)[0].size
        days = eclipse_lattice._days_from_runs(cpos[:, :nt], bool(sig[0] % 2), m, ephemeris.days_in_year(year))
        assert days[0] == ex["eclipse_days"][0]
    assert st_[0, 0] == pytest.approx(ex["mean_fraction"][0], rel=1e-12, abs=1e-15)
    assert math.asin(st_[0, 1]) == pytest.approx(ex["beta_min"][0], abs=1e-12)


# ---------------------------------------------------------------------------------------
# kernels against the checked public functions
# ---------------------------------------------------------------------------------------
def test_density_and_lifetime_kernel_match_public_functions():
    h = np.concatenate([np.linspace(150e3, 2000e3, 997), atm._ALT_M[5:]])  # includes every table node
    for act in ("low", "mean", "high"):
        rho, integral = katm.density_and_integral(h, act)
        np.testing.assert_allclose(rho, atm.density(h, act), rtol=1e-13)
        bc = 50.0
        life = bc * (integral - katm.density_and_integral(atm.REENTRY_ALTITUDE, act)[1])
        np.testing.assert_allclose(life, atm.orbital_lifetime(h, bc, act), rtol=1e-12)


def test_modcod_table_lookup_matches_dvbs2x():
    rng = np.random.default_rng(15)
    es = np.concatenate([rng.uniform(-10.0, 30.0, 5000), dvbs2x._SORTED_REQ + 0.7, dvbs2x._SORTED_REQ + 0.7 - 1e-15])
    for m in (0.0, 1.5):
        ref = dvbs2x.best_modcod(es, m, 0.7)
        got = lk._best_modcod(es, m, 0.7)
        for a, b in zip(ref, got):
            np.testing.assert_array_equal(a, b)
        for x in es[::250]:  # the scalar fast path
            r1, r2 = dvbs2x.best_modcod(float(x), m, 0.7), lk._best_modcod(float(x), m, 0.7)
            assert tuple(r1) == tuple(r2)


def test_rf_kernel_matches_checked_budget():
    args = dict(
        altitude=650e3,
        elevation=0.6,
        frequency=19e9,
        bandwidth=500e6,
        tx_power=20.0,
        tx_gain_db=35.0,
        rx_gain_db=50.0,
        system_temperature=300.0,
        atmospheric_loss_db=2.0,
        other_losses_db=1.0,
        rolloff=0.05,
        required_margin_db=1.0,
        implementation_loss_db=0.5,
    )
    ref = lk.rf_link_budget(**args)
    got = kl.rf_link_budget(*args.values(), lk.R_EARTH)
    for a, b in zip(ref, got):
        assert float(np.asarray(a)) == pytest.approx(float(np.asarray(b)), rel=1e-15, abs=1e-300)


def test_vectorised_cell_temperature_solves_the_panel_balance():
    # the power stage's fixed point against scipy's brentq on thermal.solar_cell_temperature,
    # row by row, over the field bounds' strongly coupled corners (independent root finder)
    from scipy.optimize import brentq

    rng = np.random.default_rng(16)
    n = 40
    eta = rng.uniform(0.2, 0.45, n)
    coeff = rng.uniform(-0.01, -0.001, n)
    packing = rng.uniform(0.8, 1.0, n)
    h = rng.uniform(300e3, 1500e3, n)
    beta = rng.uniform(0.0, 1.5, n)
    p = {"power.cell_efficiency": eta, "power.temperature_coefficient": coeff, "power.packing_factor": packing}
    out = {"orbit.altitude": h, "orbit.beta_abs_min": beta}
    s = 1322.0
    t, e = power_system.cell_temperature_and_efficiency(p, out, s)
    for k in range(n):
        kw = dict(
            view_factor=thermal.earth_view_factor(h[k], math.pi - beta[k]),
            view_factor_back=thermal.earth_view_factor(h[k], beta[k]),
            albedo_factor=math.cos(beta[k]),
        )

        def resid(tc):
            ek = eta[k] * (1 + coeff[k] * (tc - 301.15))
            # clipped to the balance's valid range outside the root's neighbourhood
            return tc - thermal.solar_cell_temperature(s, efficiency=min(max(ek * packing[k], 0.0), 0.9), **kw)

        root = brentq(resid, 150.0, 600.0, xtol=1e-12)
        assert t[k] == pytest.approx(root, abs=1e-6)
        assert e[k] == pytest.approx(eta[k] * (1 + coeff[k] * (root - 301.15)), rel=1e-9)


# ---------------------------------------------------------------------------------------
# the whole pipeline: a vectorised Monte Carlo row equals the single scenario
# ---------------------------------------------------------------------------------------
# Orbit fields are design choices and declare no study spread; these ranges sample distinct
# dawn-dusk-like orbits explicitly (in the fields' units) to exercise the many-orbit path.
ORBIT_RANGES = {"orbit.altitude": (500.0, 900.0), "orbit.ltan": (5.5, 6.5)}


def _sampled(n, seed, skip=()):
    p = orbitdc.presets.load("dawn-dusk-650").to_si()
    rng = np.random.default_rng(seed)
    for k in list(p):
        f = field_spec(k)
        rng_ = f.spread or ORBIT_RANGES.get(k)
        if rng_ and k.split(".")[0] not in skip:
            _, sc, off = f.si
            p[k] = rng.uniform(*rng_, n) * sc + off
    return p


MY_GROUPS = ("compute", "links", "power", "launch")


def test_monte_carlo_rows_equal_single_scenarios():
    # every field with a spread sampled except the orbit: rows must equal scalar evaluations
    n = 3000
    p = _sampled(n, 17, skip=("orbit",))
    out = evaluate_si(p)
    for k in (0, 1234, 2999):
        row = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in p.items()}
        ref = evaluate_si(row)
        for key, v in ref.items():
            if key.split(".")[0] in MY_GROUPS:
                assert np.broadcast_to(out[key], (n,))[k] == pytest.approx(v, rel=1e-12, abs=1e-300), key


def test_monte_carlo_with_distinct_orbits_is_close_to_single_scenarios():
    # orbit fields sampled too (lattice path): downstream outputs within the lattice tolerance
    n = 4000
    p = _sampled(n, 18)
    out = evaluate_si(p)
    for key in ("power.array_area", "power.battery_mass", "launch.satellite_mass", "links.capacity"):
        assert np.all(np.isfinite(out[key]))
    for k in (3, 2500):
        row = {key: (float(v[k]) if isinstance(v, np.ndarray) else v) for key, v in p.items()}
        ref = evaluate_si(row)
        assert out["orbit.eclipse_days"][k] == ref["orbit.eclipse_days"]
        assert out["orbit.eclipse_duration_max"][k] == pytest.approx(ref["orbit.eclipse_duration_max"], abs=1.0)
        for key in ("power.battery_mass", "power.array_area", "launch.satellite_mass", "compute.tokens_per_second"):
            assert out[key][k] == pytest.approx(ref[key], rel=2e-3), key
