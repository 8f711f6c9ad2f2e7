"""The ``orbit`` pipeline module, exercised through ``orbitdc.evaluate``.

Most tests run the pipeline with the orbit stage alone (``MODULES`` patched to
``stub_pipeline(orbit, {})`` of tests/conftest.py: every scenario field, no other stage), so
they test this stage and not its consumers; one test runs the real pipeline to check that the
orbit stage comes first and feeds the others.  The physics itself is validated in
tests/physics/test_orbit.py and test_orbit_sgp4.py; here the checks are the wiring (unit
conversions of fields and outputs, type switch, arrays) against independent figures.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import install_stub

import orbitdc
from orbitdc import ScenarioError
from orbitdc import sections as secmod
from orbitdc.model import evaluate_si
from orbitdc.physics import orbit as phys
from orbitdc.scenario import Scenario
from orbitdc.sections import orbit

R_EARTH = 6378.137  # km, WGS 84


@pytest.fixture
def alone(monkeypatch):
    install_stub(monkeypatch, orbit, {})


def test_orbit_is_first_stage_and_feeds_the_pipeline():
    assert secmod.MODULES[0] is orbit
    r = orbitdc.evaluate()
    for o in orbit.OUTPUTS:
        assert o.key in r.si
    # the reference dawn-dusk case: 650 km SSO at 97.99 deg (Wertz 2011 / Vallado 2013)
    assert r["orbit.inclination"].to("deg").magnitude == pytest.approx(97.99, abs=0.05)


def test_default_sso(alone):
    r = orbitdc.evaluate(Scenario())
    # 650 km: period 97.7 min (2 pi sqrt(a^3/mu), a = 7028.137 km; New SMAD table 97.7 min)
    assert r.value("orbit.period", "min") == pytest.approx(97.7, abs=0.05)
    assert r.value("orbit.altitude", "km") == pytest.approx(650.0)
    # sun-synchronous: node turns 360 deg per tropical year
    assert r.value("orbit.raan_drift_rate", "deg/day") == pytest.approx(0.98565, abs=1e-4)
    # dawn-dusk: |beta| never below 90 - 23.44 - (i - 90) deg, so no eclipse most of the year
    assert r.value("orbit.beta_abs_min", "deg") == pytest.approx(90 - 23.44 - 7.99, abs=0.5)
    assert 0 < r.value("orbit.eclipse_days") < 120
    assert r.value("orbit.eclipse_fraction_mean") + r.value("orbit.sunlit_fraction_mean") == pytest.approx(1.0)
    # perihelion / aphelion 0.98329 / 1.01671 au (Astronomical Almanac; Meeus 1998)
    assert r.value("orbit.sun_distance_min", "au") == pytest.approx(0.98329, abs=3e-4)
    assert r.value("orbit.sun_distance_max", "au") == pytest.approx(1.01671, abs=3e-4)
    ref = phys.annual_eclipse(650e3, ltan=6.0, year=2027)
    assert r.si["orbit.eclipse_duration_max"] == ref.max_duration
    assert r["orbit.eclipse_duration_max"].units == orbitdc.ureg.minute


def test_inclined_override_starlink_like(alone):
    s = Scenario().with_overrides(
        {"orbit.type": "inclined", "orbit.altitude": "550 km", "orbit.inclination": "53 deg", "orbit.raan": "40 deg"}
    )
    r = orbitdc.evaluate(s)
    assert r.value("orbit.inclination", "deg") == pytest.approx(53.0)
    # beta crosses zero in a precessing 53 deg orbit: worst eclipse = asin(R/(R+h))/pi
    # (Gilmore 2002 ch. 2), 35.7 min of a 95.6 min orbit at 550 km.
    assert r.value("orbit.eclipse_fraction_max") == pytest.approx(
        math.asin(R_EARTH / (R_EARTH + 550)) / math.pi, rel=1e-9
    )
    assert r.value("orbit.eclipse_duration_max", "min") == pytest.approx(35.7, abs=0.1)
    assert r.value("orbit.beta_abs_min", "deg") == 0.0
    # |beta| <= i + obliquity; the year's maximum gets within a few degrees of it
    assert 53 + 23.44 - 6 < r.value("orbit.beta_max", "deg") <= 53 + 23.44 + 0.01
    # ISS-like regression rate scaled: about -4.5 deg/day at 550 km / 53 deg (J2, Curtis sec. 4.7)
    assert r.value("orbit.raan_drift_rate", "deg/day") == pytest.approx(-4.5, abs=0.1)
    ref = phys.annual_eclipse(550e3, inclination=math.radians(53), raan0=math.radians(40))
    assert r.si["orbit.eclipse_fraction_mean"] == pytest.approx(ref.mean_fraction, rel=1e-12)
    # the ltan field is ignored for an inclined orbit
    r2 = orbitdc.evaluate(s.with_overrides({"orbit.ltan": "12 h"}))
    assert r2.si["orbit.eclipse_fraction_mean"] == r.si["orbit.eclipse_fraction_mean"]


def test_ltan_units_reach_the_physics_in_hours(alone):
    r = orbitdc.evaluate(Scenario().with_overrides({"orbit.ltan": "630 min"}))
    ref = phys.annual_eclipse(650e3, ltan=10.5)
    assert r.si["orbit.eclipse_fraction_mean"] == pytest.approx(ref.mean_fraction, rel=1e-12)
    # a 10:30 orbit is eclipsed every orbit, about a third of the time (Wertz 2011 ch. 9)
    assert r.value("orbit.eclipse_days") == 365
    assert 0.3 < r.value("orbit.eclipse_fraction_mean") < 0.4
    # the inclination field is ignored for a sun-synchronous orbit
    r2 = orbitdc.evaluate(Scenario().with_overrides({"orbit.ltan": "10.5 h", "orbit.inclination": 10}))
    assert r2.si["orbit.inclination"] == r.si["orbit.inclination"]


def test_year_field(alone):
    r = orbitdc.evaluate(Scenario().with_overrides({"orbit.year": 2028}))
    ref = phys.annual_eclipse(650e3, ltan=6.0, year=2028)
    assert r.si["orbit.eclipse_days"] == ref.eclipse_days


@pytest.mark.parametrize(
    "key, value",
    [
        ("orbit.altitude", "150 km"),
        ("orbit.altitude", "2500 km"),
        ("orbit.altitude", float("nan")),
        ("orbit.ltan", "25 h"),
        ("orbit.inclination", "190 deg"),
        ("orbit.year", 2101),
        ("orbit.year", 2027.5),
        ("orbit.type", "molniya"),
        ("orbit.raan", "-10 deg"),
    ],
)
def test_bad_input_refused(alone, key, value):
    with pytest.raises(ScenarioError) as e:
        Scenario().with_overrides({key: value})
    assert e.value.field == key


def test_stage_refuses_bad_values_that_bypass_the_scenario(alone):
    # a bound is checked once, at the scenario boundary (the stage calls unchecked code)
    with pytest.raises(ScenarioError):
        Scenario({"orbit.altitude": "100 km"})
    p = Scenario().to_si()
    p["orbit.type"] = "polar"
    with pytest.raises(ScenarioError):
        evaluate_si(p)


def test_arrays_of_identical_orbits(alone):
    n = 1_000_000
    p = Scenario().to_si()
    p["orbit.altitude"] = np.full(n, 650e3)
    out = evaluate_si(p)
    one = orbitdc.evaluate(Scenario()).si
    for o in orbit.OUTPUTS:
        v = out[o.key]
        assert np.shape(v) == (n,), o.key
        assert v[0] == pytest.approx(one[o.key], rel=1e-12) and v[-1] == v[0], o.key


def test_arrays_of_distinct_orbits_match_scalar_evaluations(alone):
    p = Scenario().to_si()
    h = np.array([400e3, 650e3, 1000e3, 650e3])
    ltan = np.array([6.0, 6.0, 9.0, 13.5]) * 3600.0
    p["orbit.altitude"] = h
    p["orbit.ltan"] = ltan
    p["orbit.type"] = np.array(["sso", "sso", "inclined", "sso"])
    out = evaluate_si(p)
    for k in range(4):
        s = Scenario().with_overrides(
            {"orbit.altitude": f"{h[k]} m", "orbit.ltan": f"{ltan[k]} s", "orbit.type": str(p["orbit.type"][k])}
        )
        one = orbitdc.evaluate(s).si
        for o in orbit.OUTPUTS:
            assert out[o.key][k] == pytest.approx(one[o.key], rel=1e-10, abs=1e-12), (k, o.key)
