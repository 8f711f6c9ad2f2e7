"""The ``launch`` pipeline module, exercised through ``orbitdc.evaluate``.

Two parts:

* a stub upstream stage writes fixed, hand-chosen values for every key the launch stage
  reads, so the mass roll-up, launches and costs are checked against hand calculations;
* the real pipeline (presets) checks integration: keys, units, sums and bad input.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import stage_scalar_and_one_row, stub_pipeline
from hypothesis import given, settings
from hypothesis import strategies as st

import orbitdc
from orbitdc import Q_, ScenarioError
from orbitdc import sections as secmod
from orbitdc.constants import DEG, G0, JULIAN_YEAR
from orbitdc.model import evaluate_si
from orbitdc.physics import atmosphere as atm
from orbitdc.physics import launch as lp
from orbitdc.scenario import Scenario
from orbitdc.sections import launch

YEAR = JULIAN_YEAR
PARTS = lp.MASS_PARTS

UP = {
    "orbit.altitude": 550e3,
    "orbit.inclination": 53.0 * DEG,
    "compute.hardware_mass": 1000.0,
    "power.array_mass": 1500.0,
    "power.battery_mass": 500.0,
    "thermal.radiator_mass": 800.0,
    "links.mass": 100.0,
    "power.array_area": 500.0,
    "thermal.radiator_area": 300.0,
    "thermal.heat_pump_mass": 0.0,
    "orbit.beta_abs_min": 0.0,
    "orbit.beta_abs_max": 0.0,
}

# the stub flies its array and radiators at the fixed drag-area factor unless a test says otherwise
STUB_DEFAULTS = {"launch.array_attitude": "fixed", "launch.radiator_attitude": "fixed"}

# the vehicle quoted at the operating orbit itself, so its payload is exactly payload_mass
AT_ORBIT = {
    "launch.vehicle": "generic",
    "launch.reference_altitude": 550.0,
    "launch.reference_inclination": 53.0,
    "launch.payload_mass": 20.0,
    "launch.payload_volume": 100.0,
    "launch.price_basis": "per_launch",
    "launch.price_per_launch": 50.0,
}


def _stowed_radiator(p, out):
    # the thermal stage's stowed volume of the stub's radiator panels (150 kg/m3, folded honeycomb)
    return {"thermal.stowed_volume": out["thermal.radiator_mass"] / 150.0}


def _upstream(values):
    return stub_pipeline(launch, values, _stowed_radiator, STUB_DEFAULTS)


@pytest.fixture
def stub(monkeypatch):
    """Stub upstream + the real launch module; returns a setter for the stub values."""

    def install(**changes):
        values = {**UP, **{k.replace("__", "."): v for k, v in changes.items()}}
        monkeypatch.setattr(secmod, "MODULES", _upstream(values))

    install()
    return install


def _run(over=None):
    return orbitdc.evaluate(Scenario(over or {}))


# ---------------------------------------------------------------------------------------
# hand calculations on the stub
# ---------------------------------------------------------------------------------------
def test_mass_roll_up_by_hand_without_propellant(stub):
    # no atomic-oxygen coating here (its mass is checked in tests/physics/test_atomic_oxygen.py)
    r = _run(
        {**AT_ORBIT, "launch.station_keeping": False, "launch.disposal": "passive", "launch.coating_erosion_yield": 0.0}
    )
    assert r.value("launch.mass_coating", "kg") == 0.0
    shield = (
        10.0 * 6.0 * (1000.0 / 850.0) ** (2.0 / 3.0)
    )  # 10 kg/m2 (3.7 mm Al, issue 14 default) on a 1000 kg / 850 kg/m3 cube
    fixed = 1000 + 1500 + 500 + 800 + 100 + 300 + shield  # parts + bus
    total = fixed / (1 - 0.20)  # structure = 20 % of the total
    assert r.value("launch.satellite_mass", "kg") == pytest.approx(total, rel=1e-12)
    assert r.value("launch.mass_structure", "kg") == pytest.approx(0.2 * total, rel=1e-12)
    assert r.value("launch.mass_shielding", "kg") == pytest.approx(shield, rel=1e-12)
    assert r.value("launch.mass_propellant", "kg") == 0.0
    assert r.value("launch.mass_per_kw", "kg/kW") == pytest.approx(total / 100.0, rel=1e-12)  # 100 kW payload


def test_breakdown_sums_to_satellite_mass(stub):
    for over in ({}, AT_ORBIT, {"launch.isp": 220.0, "launch.disposal": "impulsive", "launch.disposal_altitude": 50.0}):
        r = _run(over)
        parts = math.fsum(r.si[f"launch.mass_{n}"] for n in PARTS)
        assert parts == pytest.approx(r.si["launch.satellite_mass"], rel=1e-12)
        assert r.si["launch.satellite_mass"] - r.si["launch.mass_propellant"] == pytest.approx(r.si["launch.dry_mass"])


def test_launches_cost_and_deployment_by_hand(stub):
    r = _run(
        {
            **AT_ORBIT,
            "launch.station_keeping": False,
            "launch.disposal": "passive",
            "launch.sizing": "satellites",
            "launch.satellite_count": 1000,
            "launch.cadence": 40.0,
        }
    )
    m = r.si["launch.satellite_mass"]
    per = math.floor(20_000.0 / m)  # whole satellites per 20 t launch
    v = r.si["launch.satellite_volume"]
    assert per * v <= 100.0  # and they fit the 100 m3 fairing
    launches = math.ceil(1000 / per)
    assert r.value("launch.payload_to_orbit", "t") == pytest.approx(20.0, rel=1e-12)
    assert r.si["launch.satellites_per_launch"] == per
    assert r.si["launch.launches"] == launches
    assert r.label("launch.binding") == "mass-limited"
    assert r.value("launch.launch_cost", "MUSD") == pytest.approx(50.0 * launches)
    assert r.value("launch.launch_cost_per_satellite", "MUSD") == pytest.approx(50.0 * launches / 1000)
    assert r.value("launch.deployment_time", "year") == pytest.approx(launches / 40.0)
    assert r.value("launch.price_per_kg_to_orbit", "USD/kg") == pytest.approx(50e6 / 20_000.0)


def test_heat_pump_mass_joins_the_radiator_part(stub):
    base = _run({**AT_ORBIT, "launch.station_keeping": False, "launch.disposal": "passive"})
    stub(thermal__heat_pump_mass=200.0)
    r = _run({**AT_ORBIT, "launch.station_keeping": False, "launch.disposal": "passive"})
    assert r.value("launch.mass_radiator", "kg") == pytest.approx(1000.0)
    assert r.value("launch.satellite_mass", "kg") == pytest.approx(base.si["launch.satellite_mass"] + 200.0 / 0.8)


def test_stowed_volume_and_volume_limit(stub):
    # volume by hand: array / 200 + radiator / 150 + rest / 300 (the stub gives no thermal stowed volume)
    r = _run({**AT_ORBIT, "launch.station_keeping": False, "launch.disposal": "passive"})
    m = r.si["launch.satellite_mass"]
    v = 1500 / 200.0 + 800 / 150.0 + (m - 1500 - 800) / 300.0
    assert r.value("launch.satellite_volume", "m^3") == pytest.approx(v, rel=1e-12)
    # a small fairing makes the launch volume-limited
    r2 = _run({**AT_ORBIT, "launch.payload_volume": 20.0})
    assert r2.label("launch.binding") == "volume-limited"
    assert r2.si["launch.launches"] >= r2.si["launch.satellites"] * r2.si["launch.satellite_volume"] / 20.0


def test_drag_make_up_propellant_by_hand(stub):
    # station keeping at 550 km for 5 years, spiral disposal to 200 km, 1500 s
    r = _run(AT_ORBIT)
    bc = r.si["launch.ballistic_coefficient"]
    area = 0.5 * (500 + 300) + ((1000 + 500 + 100 + 300 + r.si["launch.mass_shielding"]) / 300.0) ** (2 / 3)
    assert r.value("launch.drag_area", "m^2") == pytest.approx(area, rel=1e-12)
    assert bc == pytest.approx(r.si["launch.dry_mass"] / (2.2 * area), rel=1e-9)  # converged fixed point
    dv_year = atm.drag_delta_v(550e3, bc, "mean")
    dv = dv_year * 5 + lp.deorbit_delta_v(550e3, 200e3, "spiral")
    assert r.value("launch.delta_v_total", "m/s") == pytest.approx(dv, rel=1e-9)
    assert r.value("launch.drag_delta_v_per_year", "m/s/year") == pytest.approx(dv_year, rel=1e-12)
    prop = r.si["launch.dry_mass"] * math.expm1(dv / (1500 * G0))
    assert r.si["launch.mass_propellant"] == pytest.approx(prop, rel=1e-12)
    assert r.value("launch.orbital_lifetime", "year") == pytest.approx(
        atm.orbital_lifetime(550e3, bc) / YEAR, rel=1e-12
    )


def test_no_station_keeping_replaces_reentered_satellites(stub):
    # at 350 km a light, large satellite re-enters within months: the fleet is renewed
    stub(orbit__altitude=350e3)
    r = _run(
        {
            **AT_ORBIT,
            "launch.reference_altitude": 350.0,
            "launch.station_keeping": False,
            "launch.disposal": "passive",
            "launch.sizing": "satellites",
            "launch.satellite_count": 100,
            "launch.failure_rate": 0.0,
        }
    )
    life = r.si["launch.orbital_lifetime"]
    assert life < 5 * YEAR
    assert r.si["launch.satellite_life"] == pytest.approx(life)
    assert r.si["launch.replacement_satellites"] == 100 * (math.ceil(5 * YEAR / life) - 1)
    assert r.si["launch.mass_propellant"] == 0.0
    # with station keeping only failures are replaced: 100 x 0.02/yr x 5 yr = 10
    r2 = _run({**AT_ORBIT, "launch.sizing": "satellites", "launch.satellite_count": 100})
    assert r2.si["launch.replacement_satellites"] == pytest.approx(10.0)


def test_deploy_rate_mode_for_one_terawatt_per_year(stub):
    r = _run(AT_ORBIT)  # default deploy_rate: the seed documents' 1 TW/yr
    sats = 1e12 / 100e3  # 1e7 satellites of 100 kW per year
    assert r.value("launch.deploy_satellites_per_year", "1/year") == pytest.approx(sats)
    assert r.value("launch.deploy_mass_per_year", "kg/year") == pytest.approx(sats * r.si["launch.satellite_mass"])
    per = r.si["launch.satellites_per_launch"]
    launches = math.ceil(sats / per)
    assert r.value("launch.deploy_launches_per_year", "1/year") == pytest.approx(launches)
    assert r.value("launch.deploy_cost_per_year", "USD/year") == pytest.approx(launches * 50e6)
    assert r.value("launch.deploy_cadence_multiple") == pytest.approx(launches / 100.0)


def test_price_bases_agree_for_catalog_vehicles_and_per_kg_drives_cost(stub):
    for key in lp.VEHICLES:
        if key == "starship-flown":
            continue  # cannot reach the stub's 550 km / 53 deg orbit with its demonstrated payload
        a = _run({"launch.vehicle": key})
        b = _run({"launch.vehicle": key, "launch.price_basis": "per_launch"})
        c = _run({"launch.vehicle": key, "launch.price_basis": "per_kg"})
        assert c.si["launch.launch_cost"] == pytest.approx(b.si["launch.launch_cost"], rel=1e-12)
        assert a.si["launch.launch_cost"] == pytest.approx(b.si["launch.launch_cost"], rel=1e-12)
        assert a.si["launch.launch_price"] == pytest.approx(lp.VEHICLES[key].price, rel=1e-12)
    base = _run({"launch.price_per_kg": 1000.0})
    double = _run({"launch.price_per_kg": 2000.0})
    assert double.si["launch.launch_cost"] == pytest.approx(2 * base.si["launch.launch_cost"])
    assert base.value("launch.launch_price", "USD") == pytest.approx(1000.0 * 17_500.0)  # F9 reusable 17.5 t
    # auto basis: editing price_per_launch alone takes effect too
    cheap = _run({"launch.price_per_launch": 1.0})
    assert cheap.value("launch.launch_price", "MUSD") == pytest.approx(1.0)
    # editing only the payload keeps the price per launch
    more = _run({"launch.payload_mass": 20.0})
    assert more.value("launch.launch_price", "MUSD") == pytest.approx(69.75)
    # both edited: ambiguous unless a basis is named
    with pytest.raises(ScenarioError, match="price_basis"):
        _run({"launch.price_per_launch": 1.0, "launch.price_per_kg": 10.0})
    named = _run({"launch.price_per_launch": 1.0, "launch.price_per_kg": 10.0, "launch.price_basis": "per_kg"})
    assert named.value("launch.launch_price", "USD") == pytest.approx(10.0 * 17_500.0)


def test_claim_vehicle_fills(stub):
    s = Scenario({"launch.vehicle": "starship-claim-200k"})
    assert s["launch.price_per_launch"].to("USD").magnitude == pytest.approx(200_000.0)
    assert s["launch.payload_mass"].to("t").magnitude == pytest.approx(150.0)
    r = orbitdc.evaluate(s)
    assert r.value("launch.launch_price", "USD") == pytest.approx(200_000.0)
    assert r.value("launch.launch_cost", "USD") == pytest.approx(200_000.0 * r.si["launch.launches"])


def test_vectorised_matches_scalar(stub):
    p = Scenario(AT_ORBIT).to_si()
    prices = np.array([0.2e6, 10e6, 50e6, 70e6])
    sigma = np.array([0.0, 2.7, 10.0, 50.0])
    p["launch.price_per_launch"] = prices
    p["launch.shielding_areal_density"] = sigma
    out = evaluate_si(p)
    for i in range(4):
        one = _run({**AT_ORBIT, "launch.price_per_launch": prices[i] / 1e6, "launch.shielding_areal_density": sigma[i]})
        for key in ("launch.satellite_mass", "launch.launches", "launch.launch_cost", "launch.orbital_lifetime"):
            assert out[key][i] == pytest.approx(one.si[key], rel=1e-12)


@settings(max_examples=15, deadline=None)
@given(p1=st.floats(20.0, 500.0), k=st.floats(1.05, 4.0))
def test_more_power_more_mass_and_launches(p1, k):
    # subsystems scale with payload power (stub: 10 kg/kW compute, 15 array, 5 battery, 8 radiator)
    def run(pkw):
        values = {
            **UP,
            "compute.hardware_mass": 10 * pkw,
            "power.array_mass": 15 * pkw,
            "power.battery_mass": 5 * pkw,
            "thermal.radiator_mass": 8 * pkw,
            "power.array_area": 5 * pkw,
            "thermal.radiator_area": 3 * pkw,
        }
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(secmod, "MODULES", _upstream(values))
            return _run(
                {
                    "power.payload_power": pkw,
                    "launch.sizing": "satellites",
                    "launch.satellite_count": 500,
                    "launch.vehicle": "starship-projected",
                }
            )

    a, b = run(p1), run(k * p1)
    assert b.si["launch.satellite_mass"] > a.si["launch.satellite_mass"]
    assert b.si["launch.launches"] >= a.si["launch.launches"]
    for r in (a, b):
        assert r.si["launch.launches"] == round(r.si["launch.launches"])
        n, m = r.si["launch.satellites"], r.si["launch.satellite_mass"]
        assert r.si["launch.launches"] >= n * m / r.si["launch.payload_to_orbit"] * (1 - 1e-9)


# ---------------------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "key, value",
    [
        ("launch.structure_fraction", 1.0),
        ("launch.structure_fraction", -0.1),
        ("launch.payload_mass", 0.0),
        ("launch.payload_volume", -1.0),
        ("launch.cadence", 0.0),
        ("launch.bus_mass", -5.0),
        ("launch.isp", 0.0),
        ("launch.satellite_count", 0),
        ("launch.vehicle", "saturn-v"),
    ],
)
def test_bad_fields_refused(stub, key, value):
    with pytest.raises(ScenarioError, match=key.split(".")[1]):
        Scenario({key: value})


def test_orbit_above_vehicle_reach(stub):
    stub(orbit__altitude=650e3, orbit__inclination=97.98 * DEG)
    with pytest.raises(ScenarioError, match="reach"):
        _run({"launch.vehicle": "starship-flown"})


def test_propellant_that_cannot_be_carried(stub):
    # Isp 1 s: the life's drag make-up and disposal need e^(dv/(Isp g0)) - 1 >> 1 kg of propellant per kg
    with pytest.raises(ScenarioError, match="launch.isp"):
        _run({"launch.isp": 1.0, "launch.propulsion_fraction": 2.0})


def test_disposal_above_orbit_refused(stub):
    with pytest.raises(ScenarioError, match="disposal_altitude"):
        _run({"launch.disposal_altitude": 600.0})


def test_negative_upstream_mass_refused(stub):
    stub(power__battery_mass=-1.0)
    with pytest.raises(ScenarioError, match="battery_mass"):
        _run()


@pytest.mark.parametrize("bad", [-1.0, np.nan, np.inf])
def test_negative_or_non_finite_upstream_mass_in_one_row_refused(stub, bad):
    # rows of upstream masses (the vectorised check, the first one the stage makes): one bad
    # row of four refuses the call
    stub(compute__hardware_mass=np.array([10.0, bad, 0.0, 5.0]))
    with pytest.raises(ScenarioError, match="^mass = "):
        evaluate_si(Scenario().to_si())


# ---------------------------------------------------------------------------------------
# the real pipeline
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("preset", ["dawn-dusk-650", "starlink-550", "seed-claims"])
def test_presets_produce_contract_keys(preset):
    r = orbitdc.evaluate(orbitdc.presets.load(preset))
    for key in (
        "launch.satellite_mass",
        "launch.mass_per_kw",
        "launch.launches",
        "launch.launch_cost",
        "launch.launch_cost_per_satellite",
        "launch.satellites",
        "launch.binding",
        "launch.deployment_time",
    ):
        v = np.asarray(r.si[key], dtype=float)
        assert np.all(np.isfinite(v)), key
    assert r["launch.mass_per_kw"].units == Q_(1, "kg/kW").units
    assert r.si["launch.binding"] in (0.0, 1.0)
    parts = math.fsum(r.si[f"launch.mass_{n}"] for n in PARTS)
    assert parts == pytest.approx(r.si["launch.satellite_mass"], rel=1e-12)
    # the masses the launch stage rolls up are the upstream modules' own
    for part, key in (
        ("array", "power.array_mass"),
        ("battery", "power.battery_mass"),
        ("compute", "compute.hardware_mass"),
        ("links", "links.mass"),
    ):
        if key in r.si:
            assert r.si[f"launch.mass_{part}"] == pytest.approx(r.si[key], rel=1e-12)
    rad = r.si.get("thermal.radiator_mass", 0.0) + r.si.get("thermal.heat_pump_mass", 0.0)
    assert r.si["launch.mass_radiator"] == pytest.approx(rad, rel=1e-12)


def test_pipeline_seed_claim_vehicle_is_cheaper_per_kg_than_falcon():
    base = orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650"))
    claim = orbitdc.evaluate(
        orbitdc.presets.load("dawn-dusk-650").with_overrides({"launch.vehicle": "starship-claim-200k"})
    )
    assert claim.si["launch.cost_per_kg_delivered"] < base.si["launch.cost_per_kg_delivered"] / 100
    assert claim.si["launch.launch_cost_per_satellite"] < base.si["launch.launch_cost_per_satellite"]


def test_sun_tracking_array_drag_from_beta(stub):
    # (2/pi) cos(beta), averaged between the year's smallest and largest |beta|
    stub(orbit__beta_abs_min=0.3, orbit__beta_abs_max=1.2)
    r = _run({**AT_ORBIT, "launch.array_attitude": "sun-tracking"})
    f = (2 / math.pi) * 0.5 * (math.cos(0.3) + math.cos(1.2))
    body = ((1000 + 500 + 100 + 300 + r.si["launch.mass_shielding"]) / 300.0) ** (2 / 3)
    assert r.value("launch.drag_area", "m^2") == pytest.approx(f * 500 + 0.5 * 300 + body, rel=1e-12)
    fixed = _run({**AT_ORBIT, "launch.array_attitude": "fixed", "launch.drag_area_factor": 0.3})
    assert fixed.value("launch.drag_area", "m^2") == pytest.approx(0.3 * 800 + body, rel=1e-12)
    # an edge-on dawn-dusk array (beta near 90 deg) drags less and lives longer
    stub(orbit__beta_abs_min=1.5, orbit__beta_abs_max=1.57)
    dd = _run({**AT_ORBIT, "launch.array_attitude": "sun-tracking"})
    assert dd.si["launch.drag_area"] < r.si["launch.drag_area"]
    assert dd.si["launch.orbital_lifetime"] > r.si["launch.orbital_lifetime"]


# ------------------------------------------------------------ scalar fast paths
def test_launch_scalar_path_is_bit_identical_to_the_array_path():
    # one scenario runs on Python floats (plain arithmetic, cached payload to orbit and
    # radiator factor), a population on numpy arrays; on every preset the launch outputs of
    # the two agree exactly (tolerance 0)
    for name, scalar, one_row in stage_scalar_and_one_row("launch"):
        for k, v in scalar.items():
            if k.startswith("launch."):
                assert np.array_equal(np.ravel(one_row[k]), [v]), (name, k, v, one_row[k])


def test_right_angle_is_numpy_isclose():
    # launch._right_angle writes out np.isclose(x, pi/2) with its default tolerances
    x = np.concatenate([np.pi / 2 + np.linspace(-1e-4, 1e-4, 20001), [np.nan, np.inf, -np.inf, 0.0]])
    assert np.array_equal(launch._right_angle(x), np.isclose(x, np.pi / 2))
    for v in x[::101]:
        assert launch._right_angle(float(v)) == np.isclose(float(v), np.pi / 2)
