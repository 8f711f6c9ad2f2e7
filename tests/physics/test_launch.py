"""Validation and property tests for orbitdc.physics.launch."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from orbitdc import Q_, ScenarioError
from orbitdc.constants import DEG, G0, GM_EARTH, JULIAN_YEAR, R_EARTH
from orbitdc.kernels import launch as kla
from orbitdc.physics import launch as L
from orbitdc.schema import KINDS

YEAR = JULIAN_YEAR


# ---------------------------------------------------------------------------------------
# rocket equation and manoeuvres
# ---------------------------------------------------------------------------------------
def test_rocket_equation_closed_form():
    # Tsiolkovsky (Curtis 2014, eq. 11.30): dv = Isp g0 ln(m0/mf); Isp 450 s, mass ratio 5
    assert L.rocket_delta_v(450.0, 5000.0, 1000.0) == pytest.approx(450 * 9.80665 * math.log(5), rel=1e-14)
    # hand check: Isp 300 s and m0/mf = e give dv = 300 g0 exactly
    assert L.rocket_delta_v(300.0, math.e, 1.0) == pytest.approx(300 * 9.80665, rel=1e-14)
    # units at the surface
    assert L.rocket_delta_v(Q_(450, "s"), Q_(5, "t"), "1000 kg") == pytest.approx(450 * G0 * math.log(5))


@settings(max_examples=150, deadline=None)
@given(dv=st.floats(0.0, 8000.0), isp=st.floats(200.0, 5000.0), mf=st.floats(1.0, 1e6))
def test_propellant_mass_inverts_rocket_equation(dv, isp, mf):
    mp = L.propellant_mass(dv, isp, mf)
    assert mp >= 0
    assert L.rocket_delta_v(isp, mf + mp, mf) == pytest.approx(dv, rel=1e-9, abs=1e-9)


def test_rocket_equation_bad_input():
    with pytest.raises(ScenarioError, match="isp"):
        L.rocket_delta_v(0.0, 2.0, 1.0)
    with pytest.raises(ScenarioError, match="initial_mass"):
        L.rocket_delta_v(300.0, 1.0, 2.0)
    with pytest.raises(ScenarioError, match="final_mass"):
        L.rocket_delta_v(300.0, 1.0, 0.0)
    with pytest.raises(ScenarioError, match="delta_v"):
        L.propellant_mass(-1.0, 300.0, 1.0)


def test_hohmann_matches_vallado_example_6_1():
    # Vallado (2013) Example 6-1: 191.34411 km -> 35,781.34857 km altitude,
    # dv_a = 2.457038 km/s, dv_b = 1.478187 km/s, total 3.935224 km/s (1e-6 relative).
    assert L.hohmann_delta_v(191.34411e3, 35781.34857e3) == pytest.approx(3935.224, rel=1e-6)
    assert L.hohmann_delta_v(Q_(35781.34857, "km"), "191.34411 km") == pytest.approx(3935.224, rel=1e-6)
    # lowering the perigee from the circular upper orbit is the mirror image of dv_b
    assert L.deorbit_delta_v(35781.34857e3, 191.34411e3, "impulsive") == pytest.approx(1478.187, rel=1e-6)


def test_low_thrust_spiral_matches_integrated_tangential_thrust():
    # Tangential low thrust on a circular orbit: da/dt = 2 sqrt(a^3/mu) F, so
    # dv = int sqrt(mu/a^3)/2 da; scipy quad evaluates it independently of the closed form
    # v_c(r2) - v_c(r1) (Edelbaum 1961, coplanar case).  1e-9 relative.
    from scipy.integrate import quad

    r1, r2 = R_EARTH + 650e3, R_EARTH + 200e3
    dv, _ = quad(lambda a: 0.5 * math.sqrt(GM_EARTH / a**3), r2, r1, epsrel=1e-12)
    assert L.deorbit_delta_v(650e3, 200e3, "spiral") == pytest.approx(dv, rel=1e-9)
    assert L.deorbit_delta_v(650e3, 200e3, "passive") == 0.0
    # a spiral costs more than an impulsive perigee drop to the same altitude
    assert L.deorbit_delta_v(650e3, 200e3, "spiral") > L.deorbit_delta_v(650e3, 200e3, "impulsive")


def test_deorbit_bad_input():
    with pytest.raises(ScenarioError, match="disposal_altitude"):
        L.deorbit_delta_v(500e3, 600e3)
    with pytest.raises(ScenarioError, match="method"):
        L.deorbit_delta_v(500e3, 50e3, "magic")


# ---------------------------------------------------------------------------------------
# launch vehicles
# ---------------------------------------------------------------------------------------
def _gto_perigee_burn(perigee_alt):
    """Delta-v from a circular parking orbit into a GTO to 35,786 km (vis-viva), m/s."""
    rp, ra = R_EARTH + perigee_alt, R_EARTH + 35_786e3
    return math.sqrt(GM_EARTH * (2 / rp - 2 / (rp + ra))) - math.sqrt(GM_EARTH / rp)


@pytest.mark.parametrize(
    "key, gto_vendor",
    [
        ("falcon9-expendable", 8_300.0),  # SpaceX Falcon 9 page: GTO 8,300 kg
        ("falcon-heavy", 26_700.0),  # SpaceX Falcon Heavy page: GTO (27 deg) 26,700 kg
        ("starship-projected", 21_000.0),  # Starship Users Guide (2020) Table 3: GTO 21 t, 1800 m/s to go
    ],
)
def test_upper_stage_model_reproduces_vendor_gto_figures(key, gto_vendor):
    # The payload-reduction model (upper-stage rocket equation) is checked against the vendors'
    # own LEO -> GTO pairs: same vehicle, same stage, only the extra delta-v differs.  15 %.
    v = L.VEHICLES[key]
    got = L.payload_after_delta_v(v.payload_mass, _gto_perigee_burn(200e3), v.upper_stage_dry_mass, v.upper_stage_isp)
    assert got == pytest.approx(gto_vendor, rel=0.15)


def test_starship_projection_reaches_users_guide_sso_figure():
    # Starship Users Guide rev 1.0 (2020), Table 3: "100+ t" to LEO, footnote "up to 500-km
    # circular orbit at up to 98.9-deg inclination"; Musk (2019): 100-125 t useful load.
    p = L.vehicle_payload("starship-projected", 500e3, 98.9 * DEG)
    assert 100e3 <= p <= 125e3


def test_payload_at_reference_orbit_is_the_reference_payload():
    for v in L.VEHICLES.values():
        assert L.vehicle_payload(v, v.reference_altitude, v.reference_inclination) == pytest.approx(
            v.payload_mass, rel=1e-12
        )


@settings(max_examples=100, deadline=None)
@given(
    h1=st.floats(200e3, 1500e3),
    dh=st.floats(1e3, 500e3),
    i1=st.floats(0.0, math.pi),
    di=st.floats(0.01, 0.5),
    key=st.sampled_from(["falcon9-expendable", "falcon-heavy", "starship-projected"]),
)
def test_payload_falls_with_altitude_and_away_from_the_site_latitude(h1, dh, i1, di, key):
    v = L.VEHICLES[key]

    def raw(h, i):
        return kla.payload_to_orbit(
            v.payload_mass,
            h,
            i,
            v.reference_altitude,
            v.reference_inclination,
            v.launch_latitude,
            v.upper_stage_dry_mass,
            v.upper_stage_isp,
        )

    assert raw(h1 + dh, i1) < raw(h1, i1)
    lat = v.launch_latitude
    if i1 >= lat:  # beyond the site latitude a higher inclination costs rotation credit
        assert raw(h1, min(i1 + di, math.pi)) <= raw(h1, i1)
    else:  # below it the plane change grows as the inclination drops
        assert raw(h1, max(i1 - di, 0.0)) <= raw(h1, i1)


def test_orbit_above_vehicle_reach_refused():
    # the demonstrated Starship payload (sub-orbital, 16 t) cannot pay for a 650 km SSO
    with pytest.raises(ScenarioError, match="reach"):
        L.vehicle_payload("starship-flown", 650e3, 97.98 * DEG)
    with pytest.raises(ScenarioError, match="vehicle"):
        L.vehicle("saturn-v")


def test_catalog_provenance_complete():
    numeric = (
        "payload_mass",
        "reference_altitude",
        "reference_inclination",
        "launch_latitude",
        "fairing_volume",
        "price",
        "upper_stage_dry_mass",
        "upper_stage_isp",
    )
    required = {
        "falcon9-reusable",
        "falcon9-expendable",
        "falcon-heavy",
        "starship-flown",
        "starship-projected",
        "starship-claim-200k",
        "generic",
    }
    assert required <= set(L.VEHICLES)
    for key, v in L.VEHICLES.items():
        assert v.key == key and v.reuse
        for name in numeric:
            kind, source = v.provenance[name]
            assert kind in KINDS and len(source) > 10
            assert getattr(v, name) >= 0
        assert v.payload_mass > 0 and v.fairing_volume > 0 and v.upper_stage_isp > 0
    claim = L.VEHICLES["starship-claim-200k"]
    assert claim.price == 200_000.0 and claim.provenance["price"][0] == "claim"
    assert 100e3 <= claim.payload_mass <= 150e3  # seed documents: 100-150 t
    assert L.VEHICLES["starship-projected"].provenance["payload_mass"][0] == "projection"


def test_price_per_kg():
    # Falcon 9 list price over its expendable LEO capacity: 69.75 M / 22,800 kg = 3059 USD/kg
    assert L.price_per_kg(69.75e6, 22_800.0) == pytest.approx(3059.2, rel=1e-4)
    assert L.VEHICLES["starship-claim-200k"].price_per_kg == pytest.approx(200_000 / 150_000)
    with pytest.raises(ScenarioError, match="payload_mass"):
        L.price_per_kg(1e6, 0.0)


# ---------------------------------------------------------------------------------------
# mass roll-up and volume
# ---------------------------------------------------------------------------------------
PARTS = dict(compute_mass=1200.0, array_mass=900.0, battery_mass=300.0, radiator_mass=1500.0, links_mass=80.0)


def test_roll_up_structure_fraction_of_total_without_propellant():
    # With no propellant the roll-up is m = m_parts / (1 - f) (structure a fraction f of the total)
    b = L.satellite_mass(
        **PARTS, structure_fraction=0.25, bus_mass=120.0, shielding_areal_density=2.7, shielding_area=10.0
    )
    m_parts = sum(PARTS.values()) + 120.0 + 27.0
    assert b.total == pytest.approx(m_parts / 0.75, rel=1e-14)
    assert b.parts["structure"] == pytest.approx(0.25 * b.total, rel=1e-14)
    assert b.parts["shielding"] == pytest.approx(27.0)
    assert b.parts["propellant"] == 0.0 and b.dry == b.total


@settings(max_examples=200, deadline=None)
@given(
    c=st.floats(0, 1e4),
    a=st.floats(0, 1e4),
    bt=st.floats(0, 1e4),
    r=st.floats(0, 1e4),
    lk=st.floats(0, 1e3),
    f=st.floats(0, 0.6),
    bus=st.floats(0, 1e3),
    sig=st.floats(0, 20),
    area=st.floats(0, 50),
    dv=st.floats(0, 2000),
    isp=st.floats(200, 4000),
    tau=st.floats(0, 0.3),
)
def test_roll_up_equals_sum_of_parts(c, a, bt, r, lk, f, bus, sig, area, dv, isp, tau):
    assume(c + a + bt + r + lk + bus + sig * area > 1.0)
    assume(f + tau * math.expm1(dv / (isp * G0)) < 0.95)
    b = L.satellite_mass(
        c,
        a,
        bt,
        r,
        lk,
        structure_fraction=f,
        bus_mass=bus,
        shielding_areal_density=sig,
        shielding_area=area,
        delta_v=dv,
        isp=isp,
        propulsion_fraction=tau,
    )
    assert tuple(b.parts) == L.MASS_PARTS
    assert math.fsum(b.parts.values()) == pytest.approx(b.total, rel=1e-12)
    assert b.total - b.parts["propellant"] == pytest.approx(b.dry, rel=1e-12)
    assert b.parts["structure"] == pytest.approx(f * b.dry, rel=1e-12, abs=1e-9)
    # the propellant is what the rocket equation needs to give the dry satellite dv
    assert b.parts["propellant"] == pytest.approx(L.propellant_mass(dv, isp, b.dry), rel=1e-9, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(p1=st.floats(1e3, 1e6), k=st.floats(1.01, 10.0), n=st.integers(1, 5000))
def test_more_power_means_more_mass_and_launches(p1, k, n):
    # subsystem masses scale with IT power (kg/W figures of a 100 kW-class design)
    def sat(p):
        b = L.satellite_mass(
            0.012 * p,
            0.009 * p,
            0.003 * p,
            0.015 * p,
            50.0,
            structure_fraction=0.2,
            bus_mass=200.0,
            delta_v=300.0,
            isp=1500.0,
        )
        v = L.stowed_volume(0.009 * p, 0.015 * p, b.total - 0.024 * p, 300.0, 150.0, 400.0)
        return b.total, v

    m1, v1 = sat(p1)
    m2, v2 = sat(k * p1)
    assert m2 > m1 and v2 > v1
    l1 = L.launches_needed(m1, v1, 100e3, 1000.0, n).launches
    l2 = L.launches_needed(m2, v2, 100e3, 1000.0, n).launches
    assert l2 >= l1


def test_roll_up_bad_input():
    with pytest.raises(ScenarioError, match="compute_mass"):
        L.satellite_mass(-1.0, 1.0, 1.0, 1.0)
    with pytest.raises(ScenarioError, match="compute_mass"):
        L.satellite_mass(0.0, 0.0, 0.0, 0.0)  # nothing to launch
    with pytest.raises(ScenarioError, match="structure_fraction"):
        L.satellite_mass(**PARTS, structure_fraction=1.0)
    with pytest.raises(ScenarioError, match="structure_fraction"):
        L.satellite_mass(**PARTS, structure_fraction=np.array([0.2, 1.2]))
    with pytest.raises(ScenarioError, match="delta_v"):
        # 10 km/s at 220 s: propellant 100x dry mass; 10 % tankage cannot be carried
        L.satellite_mass(**PARTS, delta_v=10_000.0, isp=220.0, propulsion_fraction=0.1)


def test_roll_up_vectorised():
    p = np.linspace(1e4, 1e6, 10_000)
    b = L.satellite_mass(0.01 * p, 0.01 * p, 0.0, 0.01 * p, 10.0, structure_fraction=0.2, delta_v=200.0)
    assert b.total.shape == p.shape and np.all(np.diff(b.total) > 0)
    assert np.allclose(sum(b.parts.values()), b.total, rtol=1e-12)


def test_enclosure_and_stowed_volume():
    # a 1 m3 cube has 6 m2 of surface
    assert L.enclosure_area(850.0, 850.0) == pytest.approx(6.0)
    assert L.stowed_volume(300.0, 150.0, 400.0, 300.0, 150.0, 400.0) == pytest.approx(3.0)
    with pytest.raises(ScenarioError, match="array_density"):
        L.stowed_volume(1.0, 1.0, 1.0, 0.0, 1.0, 1.0)


# ---------------------------------------------------------------------------------------
# launches, cadence, replacement, deployment rate
# ---------------------------------------------------------------------------------------
def test_launches_worked_example():
    # 25 satellites of 1 t and 1 m3 on a 10.5 t / 100 m3 vehicle: 10 per launch -> 3 launches
    plan = L.launches_needed(1000.0, 1.0, 10_500.0, 100.0, 25)
    assert plan.launches == 3 and plan.per_launch == 10 and plan.binding == 0
    # same satellites at 20 m3 each: 5 per launch (volume-limited) -> 5 launches
    plan = L.launches_needed(1000.0, 20.0, 10_500.0, 100.0, 25)
    assert plan.launches == 5 and plan.binding == 1
    # exactly 10 per launch (ratio whole up to rounding) must not lose a slot
    assert L.launches_needed(0.1 * 10_500.0, 1.0, 10_500.0, 100.0, 20).launches == 2
    # a satellite bigger than one launch is flown in pieces: 2.5 payloads -> 3 launches each
    plan = L.launches_needed(25_000.0, 10.0, 10_000.0, 100.0, 4)
    assert plan.launches == 12 and plan.per_launch == pytest.approx(1 / 3)
    assert L.launches_needed(1000.0, 1.0, 10_500.0, 100.0, 0).launches == 0


@settings(max_examples=200, deadline=None)
@given(
    m=st.floats(10.0, 3e5),
    v=st.floats(0.05, 3000.0),
    P=st.floats(1e3, 2e5),
    Pv=st.floats(10.0, 1500.0),
    n=st.integers(0, 100_000),
    packing=st.sampled_from(["discrete", "bulk"]),
)
def test_launches_whole_and_never_below_mass_or_volume(m, v, P, Pv, n, packing):
    plan = L.launches_needed(m, v, P, Pv, n, packing)
    assert plan.launches == round(plan.launches) and plan.launches >= 0
    assert plan.launches >= n * m / P * (1 - 1e-9)
    assert plan.launches >= n * v / Pv * (1 - 1e-9)
    assert plan.binding == (1.0 if v / Pv > m / P else 0.0)
    if packing == "discrete":
        assert plan.launches >= L.launches_needed(m, v, P, Pv, n, "bulk").launches


def test_launches_bad_input():
    for args in ((0.0, 1.0, 1e4, 100.0), (1.0, 0.0, 1e4, 100.0), (1.0, 1.0, 0.0, 100.0), (1.0, 1.0, 1e4, -5.0)):
        with pytest.raises(ScenarioError):
            L.launches_needed(*args)
    with pytest.raises(ScenarioError, match="count"):
        L.launches_needed(1.0, 1.0, 1e4, 100.0, 2.5)
    with pytest.raises(ScenarioError, match="packing"):
        L.launches_needed(1.0, 1.0, 1e4, 100.0, 1, "loose")


def test_deployment_time():
    assert L.deployment_time(120, Q_(20, "1/year")) == pytest.approx(6 * YEAR)
    assert L.deployment_time(120, "20 / year") == pytest.approx(6 * YEAR)
    with pytest.raises(ScenarioError, match="cadence"):
        L.deployment_time(10, 0.0)


def test_replacement_closed_form_cases():
    lam = Q_(0.02, "1/year")
    # design life = mission: only random failures, N lambda T = 1000 * 0.02 * 5
    assert L.replacement_satellites(1000, 5 * YEAR, 5 * YEAR, lam) == pytest.approx(100.0)
    # 2-year satellites over 5 years: blocks renewed at 2 and 4 years
    assert L.replacement_satellites(1000, 5 * YEAR, 2 * YEAR, lam) == pytest.approx(2100.0)
    assert L.replacement_satellites(1000, 4 * YEAR, 2 * YEAR, 0.0) == pytest.approx(1000.0)
    with pytest.raises(ScenarioError, match="satellite_life"):
        L.replacement_satellites(10, YEAR, 0.0, 0.0)


def test_replacement_expectation_matches_monte_carlo():
    # Independent check of the block-replacement expectation: simulate each slot's renewal
    # process (exponential failures, replaced on failure; fleet renewed every L).  3 %.
    rng = np.random.default_rng(1)
    T, Lb, lam, n = 7.0, 3.0, 0.3, 20_000
    count = 0
    for start in np.arange(0.0, T, Lb):
        end = min(start + Lb, T)
        t = np.full(n, start)
        alive = np.ones(n, bool)
        while alive.any():
            t[alive] += rng.exponential(1 / lam, alive.sum())
            fail = alive & (t < end)
            count += int(fail.sum())
            alive = fail
    count += n * (len(np.arange(0.0, T, Lb)) - 1)
    expected = L.replacement_satellites(n, T * YEAR, Lb * YEAR, lam / YEAR)
    assert count == pytest.approx(expected, rel=0.03)


def test_deployment_rate_one_terawatt_per_year():
    # seed documents: 1 TW of compute per year.  100 kW satellites of 10 t on a 150 t vehicle:
    # 1e7 satellites/yr, 15 per launch -> 666,667 launches/yr, 1e8 t/yr.
    r = L.deployment_rate("1 TW/year", 100e3, 10_000.0, 20.0, 150_000.0, 1000.0, 200_000.0)
    assert r.satellites * YEAR == pytest.approx(1e7)
    assert r.launches * YEAR == pytest.approx(math.ceil(1e7 / 15))
    assert r.mass * YEAR == pytest.approx(1e11)
    assert r.cost * YEAR == pytest.approx(math.ceil(1e7 / 15) * 200_000.0)
    z = L.deployment_rate(0.0, 100e3, 10_000.0, 20.0, 150_000.0, 1000.0, 1e6)
    assert z.launches == 0 and z.cost == 0


@settings(max_examples=100, deadline=None)
@given(rate=st.floats(1e6, 1e12), k=st.floats(1.01, 5.0))
def test_deployment_rate_monotone(rate, k):
    a = L.deployment_rate(rate / YEAR, 1e5, 5e3, 10.0, 1e5, 1e3, 1e7)
    b = L.deployment_rate(k * rate / YEAR, 1e5, 5e3, 10.0, 1e5, 1e3, 1e7)
    assert b.launches >= a.launches and b.mass >= a.mass and b.cost >= a.cost
