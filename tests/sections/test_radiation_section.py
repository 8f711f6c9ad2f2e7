"""The ``radiation`` pipeline stage and how its outputs reach the compute and cost stages.

Physics kernels are validated in tests/physics/test_radiation.py; here: wiring, fairness
(radiation applies in orbit only), shielding as a mass trade, the retired soft-error field.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import orbitdc
from orbitdc.model import evaluate_si
from orbitdc.scenario import Scenario
from orbitdc.sections import radiation as radiation_section

YEAR = 365.25 * 86400.0


def ev(scn=None, **overrides):
    scn = scn or orbitdc.presets.load("dawn-dusk-650")
    return orbitdc.evaluate(scn.with_overrides({k.replace("__", "."): v for k, v in overrides.items()}))


def _si(r, key):
    return float(np.asarray(r.si[key]))


def test_dose_falls_with_shielding_and_rises_into_the_belt():
    thin = ev(launch__shielding_areal_density=2.7)
    thick = ev(launch__shielding_areal_density=27.0)
    assert _si(thick, "radiation.dose_rate") < _si(thin, "radiation.dose_rate") / 10
    low = ev(orbit__altitude="550 km")
    high = ev(orbit__altitude="1200 km")
    assert _si(high, "radiation.dose_rate") > 5 * _si(low, "radiation.dose_rate")
    assert _si(high, "radiation.failure_rate") > _si(low, "radiation.failure_rate")
    total = sum(_si(thin, f"radiation.dose_rate_{k}") for k in ("trapped", "gcr", "spe"))
    assert _si(thin, "radiation.dose_rate") == pytest.approx(total, rel=1e-12)


def test_radiation_applies_in_orbit_only():
    """Fairness: the ground and the fleet see the same base failure rate whatever the orbit;
    the orbit adds its radiation term."""
    a = ev(orbit__altitude="550 km")
    b = ev(orbit__altitude="1200 km", launch__shielding_areal_density=2.7)
    for key in (
        "compute.tokens_per_second_ground",
        "cost_per_million_tokens.terrestrial",
        "cost_per_million_tokens.fleet",
        "compute.replacement_chips_ground",
    ):
        assert _si(a, key) == pytest.approx(_si(b, key), rel=1e-12), key
    for r in (a, b):
        assert _si(r, "compute.failure_rate_orbital") == pytest.approx(
            _si(r, "radiation.failure_rate") + 0.04 / YEAR, rel=1e-12
        )


def test_dose_life_ends_the_service_life_and_raises_the_cost():
    r = ev(orbit__altitude="1200 km", launch__shielding_areal_density=2.7)
    life = _si(r, "radiation.dose_life")
    # 150 Gy / (2 x dose rate)
    assert life == pytest.approx(150.0 / (2.0 * _si(r, "radiation.dose_rate")), rel=1e-12)
    assert life < 5 * YEAR
    assert _si(r, "compute.service_life_orbital") == pytest.approx(life, rel=1e-12)
    ok = ev(orbit__altitude="1200 km", launch__shielding_areal_density=50.0)
    assert _si(ok, "cost_per_million_tokens.orbital") < _si(r, "cost_per_million_tokens.orbital")


def test_shielding_is_paid_in_launch_mass():
    a = ev(launch__shielding_areal_density=10.0)
    b = ev(launch__shielding_areal_density=20.0)
    assert _si(b, "launch.satellite_mass") > _si(a, "launch.satellite_mass")
    # where the dose life already covers the mission, more shielding only costs
    assert _si(b, "cost_per_million_tokens.orbital") > _si(a, "cost_per_million_tokens.orbital")


def test_cheapest_altitude_is_below_the_inner_belt():
    """Before issue 14 the reference satellite was cheapest at 2000 km; now the belt decides."""
    cost = {h: _si(ev(orbit__altitude=f"{h} km"), "cost_per_million_tokens.orbital") for h in (550, 800, 1200, 2000)}
    assert cost[550] < cost[1200] < cost[2000]
    assert cost[800] < cost[1200]


def test_retired_soft_error_rate_loads_warns_and_is_ignored():
    base = ev()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = ev(compute__soft_error_rate="5 / day")
    assert any(issubclass(x.category, FutureWarning) and "retired" in str(x.message) for x in w)
    assert _si(r, "cost_per_million_tokens.orbital") == _si(base, "cost_per_million_tokens.orbital")


def test_vectorised_matches_scalar():
    base = orbitdc.presets.load("dawn-dusk-650").to_si()
    p = dict(base)
    alts = np.array([400e3, 650e3, 650e3, 1500e3])
    sig = np.array([2.7, 10.0, 10.0, 40.0])
    p["orbit.altitude"] = alts
    p["launch.shielding_areal_density"] = sig
    vec = evaluate_si(p)
    for i in range(alts.size):
        one = evaluate_si({**base, "orbit.altitude": float(alts[i]), "launch.shielding_areal_density": float(sig[i])})
        for key in (
            "radiation.dose_rate",
            "radiation.restart_rate",
            "radiation.dose_life",
            "cost_per_million_tokens.orbital",
        ):
            assert np.asarray(vec[key])[i] == pytest.approx(float(one[key]), rel=1e-9), key


def test_stage_on_varied_rows_matches_each_row_alone():
    """The vectorised stage (every input varying, and only the solar phase varying) gives each
    row's single-scenario result within 1e-12 relative (the same kernels; rounding only)."""
    base = Scenario().to_si()
    rng = np.random.default_rng(11)
    n = 200
    p = dict(base)
    for key in radiation_section.READS:
        if key.startswith("radiation."):
            p[key] = float(base[key]) * rng.uniform(0.5, 1.5, n)
    p["radiation.solar_phase"] = rng.uniform(0.0, 1.0, n)
    p["radiation.sdc_fraction"] = rng.uniform(0.0, 1.0, n)
    varied = {
        "orbit.altitude": rng.uniform(200e3, 3000e3, n),
        "orbit.inclination": rng.uniform(0.0, np.pi, n),
        "launch.shielding_areal_density": rng.uniform(0.0, 200.0, n),
    }
    for geometry_varies in (True, False):
        q = dict(p)
        out = {"orbit.altitude": 650e3, "orbit.inclination": 1.7}
        if geometry_varies:
            q["launch.shielding_areal_density"] = varied["launch.shielding_areal_density"]
            out = {k: varied[k] for k in ("orbit.altitude", "orbit.inclination")}
        res = dict(out)
        radiation_section.stage(q, res)
        for i in range(n):
            row = {k: (float(v[i]) if isinstance(v, np.ndarray) else v) for k, v in q.items()}
            one = {k: (float(v[i]) if isinstance(v, np.ndarray) else float(v)) for k, v in out.items()}
            radiation_section.stage(row, one)
            for o in radiation_section.OUTPUTS:
                got = np.broadcast_to(res[o.key], (n,))[i]
                assert got == pytest.approx(one[o.key], rel=1e-12, abs=0.0), (o.key, i)


def test_dose_vs_altitude_table_matches_the_stage():
    r = ev(orbit__type="inclined", orbit__inclination="53 deg", orbit__altitude="800 km")
    grid = radiation_section.dose_vs_altitude([800.0], 53.0, [10.0])
    assert grid[0, 0] == pytest.approx(_si(r, "radiation.dose_rate") * YEAR, rel=1e-9)


def test_scenario_defaults_are_valid():
    scn = Scenario()
    assert scn["launch.shielding_areal_density"].magnitude == 10.0
    assert scn["radiation.design_margin"].magnitude == 2.0


def test_by_altitude_feeds_a_chart():
    from orbitdc import studies  # not imported by ``import orbitdc``

    scn = orbitdc.presets.load("dawn-dusk-650")
    t = studies.by_altitude(scn, [550.0, 1200.0], [2.7, 27.0])
    assert t["dose_gy_per_year"].shape == (2, 2)
    one = ev(scn, orbit__altitude="1200 km", launch__shielding_areal_density=27.0)
    assert t["dose_gy_per_year"][1, 1] == pytest.approx(_si(one, "radiation.dose_rate") * YEAR, rel=1e-12)
    own = ev(scn, orbit__altitude="1200 km")
    assert t["cost_per_million_tokens"][1] == pytest.approx(_si(own, "cost_per_million_tokens.orbital"), rel=1e-12)
    assert t["dose_life_yr"][1] == pytest.approx(_si(own, "radiation.dose_life") / YEAR, rel=1e-12)
