"""Validation and property tests for orbitdc.physics.thermal.

Each validation case names its independent source and tolerance.  Property tests
(hypothesis) check the invariants: the energy balance closes at the solved temperature,
areas fall with temperature and emissivity and rise with heat, view factors fall with tilt
and altitude, the heat-pump optimum is never heavier than any admissible alternative.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import Q_, ScenarioError
from orbitdc.constants import R_EARTH, SIGMA_SB
from orbitdc.physics import thermal as th

SETTINGS = dict(max_examples=60, deadline=None)
DEG = math.pi / 180.0


# ---------------------------------------------------------------------------------------
# Stefan-Boltzmann ideal cases
# ---------------------------------------------------------------------------------------


def test_stefan_boltzmann_black_square_metre_at_300_k():
    # Incropera et al. (2007) 6th ed., sec. 12.3 (Stefan-Boltzmann law): E_b = sigma T^4 = 459.3 W/m2 at 300 K
    # (sigma = 5.670e-8 W/m2K4). Tolerance 1e-4 relative (rounding of the quoted 459.3).
    assert th.radiator_area(459.3, 300.0, 1.0, sink_temperature=0.0, sides=1) == pytest.approx(1.0, rel=1e-4)
    assert th.equilibrium_temperature(459.3, 1.0, 1.0, sink_temperature=0.0, sides=1) == pytest.approx(300.0, rel=1e-4)


def test_two_sides_emissivity_and_fin_efficiency_scale_area_exactly():
    a1 = th.radiator_area(1000.0, 320.0, 0.9, sink_temperature=200.0, sides=1)
    a2 = th.radiator_area(1000.0, 320.0, 0.9, sink_temperature=200.0, sides=2)
    a3 = th.radiator_area(1000.0, 320.0, 0.45, sink_temperature=200.0, sides=2)
    a4 = th.radiator_area(1000.0, 320.0, 0.9, sink_temperature=200.0, sides=2, fin_efficiency=0.5)
    assert a2 == pytest.approx(a1 / 2, rel=1e-12)
    assert a3 == pytest.approx(2 * a2, rel=1e-12)
    assert a4 == pytest.approx(2 * a2, rel=1e-12)
    # hand computation: Q / (eps sigma (T^4 - Ts^4)), one side
    assert a1 == pytest.approx(1000.0 / (0.9 * 5.670374419e-8 * (320.0**4 - 200.0**4)), rel=1e-9)


def test_units_at_the_surface():
    a_si = th.radiator_area(1000.0, 323.15, 0.9, sink_temperature=250.0)
    assert th.radiator_area("1 kW", "50 degC", 0.9, sink_temperature=Q_(250, "K")) == pytest.approx(a_si, rel=1e-12)
    assert th.earth_view_factor("650 km", "90 deg") == pytest.approx(
        th.earth_view_factor(650e3, math.pi / 2), rel=1e-12
    )
    assert th.radiator_mass("10 m^2", "5 kg/m^2") == pytest.approx(50.0)


# ---------------------------------------------------------------------------------------
# Earth view factor
# ---------------------------------------------------------------------------------------


def _view_factor_quadrature(altitude, tilt, n_psi=120, n_phi=1500):
    """Independent numerical view factor: (1/pi) * integral of cos(theta) over the solid angle
    of the Earth's disc (definition of the differential-area-to-surface configuration factor,
    Incropera et al. 2007 eq. 13.1 / Howell catalogue introduction), by Gauss-Legendre in the
    cone angle and the midpoint rule in azimuth."""
    h_ratio = (R_EARTH + altitude) / R_EARTH
    rho = math.asin(1.0 / h_ratio)  # angular radius of the Earth
    x, w = np.polynomial.legendre.leggauss(n_psi)
    psi = 0.5 * rho * (x + 1.0)
    wpsi = 0.5 * rho * w
    phi = (np.arange(n_phi) + 0.5) * 2 * math.pi / n_phi
    p, f = np.meshgrid(psi, phi, indexing="ij")
    cos_t = math.sin(tilt) * np.sin(p) * np.cos(f) + math.cos(tilt) * np.cos(p)
    integrand = np.maximum(cos_t, 0.0) * np.sin(p)
    return float((integrand.sum(axis=1) * (2 * math.pi / n_phi) * wpsi).sum() / math.pi)


@pytest.mark.parametrize("altitude", [300e3, 650e3, 2000e3, 35786e3])
def test_view_factor_facing_earth_closed_form(altitude):
    # Gilmore (2002) ch. 2 / Howell catalogue B-12, nadir-facing plate: F = (R/(R+h))^2. Exact.
    assert th.earth_view_factor(altitude, 0.0) == pytest.approx((R_EARTH / (R_EARTH + altitude)) ** 2, rel=1e-13)


@pytest.mark.parametrize("altitude", [300e3, 650e3, 2000e3, 35786e3])
def test_view_factor_edge_on_closed_form(altitude):
    # Gilmore (2002) ch. 2 / Howell B-12, plate edge-on to the sphere (vertical plate):
    # F = (1/pi) [atan(1/sqrt(H^2-1)) - sqrt(H^2-1)/H^2]. Tolerance 1e-12 relative.
    hh = (R_EARTH + altitude) / R_EARTH
    x = math.sqrt(hh * hh - 1)
    expected = (math.atan(1 / x) - x / hh**2) / math.pi
    assert th.earth_view_factor(altitude, math.pi / 2) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("altitude", [400e3, 1200e3])
@pytest.mark.parametrize("tilt_deg", [0, 25, 60, 75, 90, 105, 120, 130, 150, 180])
def test_view_factor_matches_numerical_integration(altitude, tilt_deg):
    # Independent numerical integration of the definition; tolerance 5e-6 absolute
    # (quadrature error of this grid is <= 5e-7; with a 300 x 3000 grid the agreement is
    # 5e-8 at every tilt, i.e. the closed form is exact to the quadrature's accuracy).
    tilt = tilt_deg * DEG
    assert th.earth_view_factor(altitude, tilt) == pytest.approx(_view_factor_quadrature(altitude, tilt), abs=5e-6)


def test_view_factor_zero_beyond_horizon_and_continuous_at_boundaries():
    h = 650e3
    hh = (R_EARTH + h) / R_EARTH
    lam_full = math.acos(1 / hh)  # Earth just fully visible
    lam_none = math.pi / 2 + math.asin(1 / hh)  # Earth just out of view
    eps = 1e-9
    f = lambda lam: th.earth_view_factor(h, lam)  # noqa: E731
    assert f(lam_full - eps) == pytest.approx(f(lam_full + eps), abs=1e-7)
    assert f(lam_full) == pytest.approx(1 / hh**3, rel=1e-9)  # cos(lam)/H^2 with cos = 1/H
    assert f(lam_none - eps) == pytest.approx(0.0, abs=1e-7)
    assert f(lam_none + 1e-6) == 0.0
    assert f(math.pi) == 0.0


@settings(**SETTINGS)
@given(st.floats(150e3, 40000e3), st.floats(0, 179.5), st.floats(0.01, 0.5))
def test_view_factor_decreases_with_tilt_and_altitude(altitude, tilt_deg, dtilt):
    f0 = th.earth_view_factor(altitude, tilt_deg * DEG)
    f1 = th.earth_view_factor(altitude, (tilt_deg + dtilt) * DEG)
    f2 = th.earth_view_factor(altitude * 1.05, tilt_deg * DEG)
    assert 0.0 <= f1 <= f0 <= 1.0
    assert f2 <= f0 + 1e-15


def test_view_factor_vectorised_and_finite():
    h = np.linspace(200e3, 36000e3, 1000)
    lam = np.linspace(0, math.pi, 1000)
    f = th.earth_view_factor(h[:, None], lam[None, :])
    assert f.shape == (1000, 1000)
    assert np.all(np.isfinite(f)) and np.all(f >= 0) and np.all(f <= 1)


# ---------------------------------------------------------------------------------------
# environmental loads and sink
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("beta_deg", [0.0, 30.0, 60.0, 75.0, 89.0])
def test_albedo_orbit_factor_matches_time_average(beta_deg):
    # Independent check: average cos(zeta) of the sub-satellite point over one circular
    # orbit, cos(zeta) = s . r with s the Sun direction (beta out of plane), clipped at 0
    # (dark ground reflects nothing); 20000 midpoint steps. Tolerance 1e-6 absolute.
    b = beta_deg * DEG
    theta = (np.arange(20000) + 0.5) * 2 * math.pi / 20000
    r = np.stack([np.cos(theta), np.sin(theta), np.zeros_like(theta)])
    s = np.array([math.cos(b), 0.0, math.sin(b)])
    mean = np.maximum(s @ r, 0.0).mean()
    assert th.albedo_orbit_factor(b) == pytest.approx(mean, abs=1e-6)
    assert th.albedo_orbit_factor(b, case="peak") == pytest.approx(math.cos(b), rel=1e-12)


def test_earth_ir_sink_tends_to_earth_effective_temperature():
    # A black plate facing the Earth from very low altitude sees the Earth over its whole
    # hemisphere (F -> 1) and comes to the Earth's effective radiating temperature,
    # T_e = (OLR/sigma)^(1/4) = 255 K for OLR = 240 W/m2 (e.g. Hartmann (2016), Global
    # Physical Climatology, 2nd ed., ch. 2: T_e = 255 K). Tolerance 0.5 %.
    env = th.environmental_flux(
        1.0, 1.0, 1.0, eclipse_fraction=0.5, tilt=0.0, sides=1, albedo=0.0, earth_ir=240.0, irradiance=0.0
    )
    assert env.view_factor == pytest.approx(1.0, abs=1e-6)
    assert th.sink_temperature(env.total, 1.0, sides=1) == pytest.approx(255.0, rel=5e-3)


def test_sunlit_plate_far_from_earth_classical_temperatures():
    # Classical equilibrium of a flat plate normal to the Sun at 1 au with alpha = eps
    # (Gilmore 2002 ch. 2; Karam 1998, Satellite Thermal Control for Systems Engineers):
    # insulated back T = (S/sigma)^(1/4) = 393.6 K; both faces radiating (S/(2 sigma))^(1/4) = 331.0 K.
    far = 1e12
    one = th.environmental_flux(far, 0.9, 0.9, tilt=math.pi / 2, sides=1, solar_incidence=0.0)
    two = th.environmental_flux(far, 0.9, 0.9, tilt=math.pi / 2, sides=2, solar_incidence=0.0)
    assert th.sink_temperature(one.total, 0.9, sides=1) == pytest.approx(393.6, abs=0.2)
    assert th.sink_temperature(two.total, 0.9, sides=2) == pytest.approx(331.0, abs=0.2)


def test_environmental_components_match_building_blocks():
    h, lam, b, ecl = 650e3, 70 * DEG, 20 * DEG, 0.3
    alpha, eps, inc = 0.2, 0.85, 60 * DEG
    env = th.environmental_flux(h, alpha, eps, beta=b, eclipse_fraction=ecl, tilt=lam, sides=2, solar_incidence=inc)
    ff = th.earth_view_factor(h, lam)
    fb = th.earth_view_factor(h, math.pi - lam)
    phi = th.albedo_orbit_factor(b)
    assert env.solar == pytest.approx((1 - ecl) * th.absorbed_solar_flux(1361.0, alpha, inc), rel=1e-12)
    assert env.albedo == pytest.approx(
        th.albedo_flux(1361.0, 0.3, ff, alpha, phi) + th.albedo_flux(1361.0, 0.3, fb, alpha, phi), rel=1e-12
    )
    assert env.earth_ir == pytest.approx(th.earth_ir_flux(237.0, ff, eps) + th.earth_ir_flux(237.0, fb, eps), rel=1e-12)
    assert env.total == pytest.approx(env.solar + env.albedo + env.earth_ir, rel=1e-12)
    one = th.environmental_flux(h, alpha, eps, beta=b, eclipse_fraction=ecl, tilt=lam, sides=1, solar_incidence=inc)
    assert one.view_factor_back == 0.0
    assert one.earth_ir == pytest.approx(th.earth_ir_flux(237.0, ff, eps), rel=1e-12)


def test_back_face_of_two_sided_panel_catches_sun():
    front = th.environmental_flux(650e3, 0.2, 0.9, tilt=math.pi / 2, solar_incidence=30 * DEG)
    back = th.environmental_flux(650e3, 0.2, 0.9, tilt=math.pi / 2, solar_incidence=150 * DEG)
    assert back.solar == pytest.approx(front.solar, rel=1e-12)
    one_back = th.environmental_flux(650e3, 0.2, 0.9, tilt=math.pi / 2, sides=1, solar_incidence=150 * DEG)
    assert one_back.solar == 0.0


@settings(**SETTINGS)
@given(st.floats(0.0, 0.6), st.floats(100.0, 300.0), st.floats(0.05, 1.0), st.floats(0.01, 0.3))
def test_sink_rises_with_albedo_ir_and_absorptivity(albedo, earth_ir, alpha, d):
    def ts(a=albedo, e=earth_ir, al=alpha):
        env = th.environmental_flux(
            650e3, al, 0.9, beta=0.2, eclipse_fraction=0.3, tilt=1.2, solar_incidence=1.3, albedo=a, earth_ir=e
        )
        return th.sink_temperature(env.total, 0.9)

    base = ts()
    assert ts(a=min(albedo + d, 1.0)) >= base
    assert ts(e=earth_ir + 10 * d) > base
    assert ts(al=min(alpha + d, 1.0)) >= base


# ---------------------------------------------------------------------------------------
# energy balance at the solved temperature (1e-9 relative)
# ---------------------------------------------------------------------------------------


@settings(**SETTINGS)
@given(
    heat=st.floats(1.0, 1e7),
    area=st.floats(0.01, 1e4),
    eps=st.floats(0.05, 1.0),
    alpha=st.floats(0.05, 1.0),
    altitude=st.floats(200e3, 40000e3),
    tilt=st.floats(0, math.pi),
    beta=st.floats(-math.pi / 2, math.pi / 2),
    ecl=st.floats(0, 0.45),
    sides=st.sampled_from([1, 2]),
    inc=st.floats(0, math.pi),
)
def test_energy_balance_closes(heat, area, eps, alpha, altitude, tilt, beta, ecl, sides, inc):
    env = th.environmental_flux(
        altitude, alpha, eps, beta=beta, eclipse_fraction=ecl, tilt=tilt, sides=sides, solar_incidence=inc
    )
    ts = th.sink_temperature(env.total, eps, sides=sides)
    t = th.equilibrium_temperature(heat, area, eps, sink_temperature=ts, sides=sides)
    absorbed = area * env.total + area * sides * eps * SIGMA_SB * th.SPACE_TEMPERATURE**4
    emitted = sides * eps * SIGMA_SB * area * t**4
    assert heat + absorbed == pytest.approx(emitted, rel=1e-9)
    # and the inverse: the area that rejects `heat` at t is the area we started from, to
    # round-off amplified by the conditioning T^4 / (T^4 - Ts^4) of the difference
    cond = t**4 / (t**4 - ts**4)
    assert th.radiator_area(heat, t, eps, sink_temperature=ts, sides=sides) == pytest.approx(
        area, rel=max(1e-9, 1e-13 * cond)
    )


@settings(**SETTINGS)
@given(
    heat=st.floats(1.0, 1e7),
    area=st.floats(0.01, 1e4),
    eps=st.floats(0.05, 1.0),
    ts=st.floats(0, 400),
    eta=st.floats(0.05, 1.0),
    sides=st.sampled_from([1, 2]),
)
def test_fin_efficiency_balance_closes(heat, area, eps, ts, eta, sides):
    t = th.equilibrium_temperature(heat, area, eps, sink_temperature=ts, sides=sides, fin_efficiency=eta)
    assert t > ts
    # dissipated + absorbed (the sink's share) = emitted, to 1e-9 relative
    c = eta * sides * eps * SIGMA_SB * area
    assert heat + c * ts**4 == pytest.approx(c * t**4, rel=1e-9)


# ---------------------------------------------------------------------------------------
# monotonicity
# ---------------------------------------------------------------------------------------


@settings(**SETTINGS)
@given(
    heat=st.floats(1.0, 1e7),
    t=st.floats(150, 600),
    dt=st.floats(0.1, 100),
    eps=st.floats(0.05, 0.95),
    de=st.floats(0.01, 0.05),
    ts=st.floats(0, 140),
)
def test_area_monotonic(heat, t, dt, eps, de, ts):
    a = th.radiator_area(heat, t, eps, sink_temperature=ts)
    assert a > 0
    assert th.radiator_area(heat, t + dt, eps, sink_temperature=ts) < a  # hotter -> smaller
    assert th.radiator_area(heat, t, eps + de, sink_temperature=ts) < a  # higher eps -> smaller
    assert th.radiator_area(heat * 1.01, t, eps, sink_temperature=ts) > a  # more power -> larger
    assert th.radiator_area(heat, t, eps, sink_temperature=ts + 5) > a  # warmer sink -> larger


# ---------------------------------------------------------------------------------------
# stack, mass, heat pump
# ---------------------------------------------------------------------------------------


def test_stack_drops():
    assert th.radiator_temperature_from_junction(358.15) == pytest.approx(318.15)
    assert th.radiator_temperature_from_junction("85 degC", 10, 5, 5, other_drop=2) == pytest.approx(336.15)
    out = th.radiator_temperature_from_junction(np.array([350.0, 360.0]), np.array([10.0, 20.0]))
    np.testing.assert_allclose(out, [325.0, 325.0])
    with pytest.raises(ScenarioError, match="cold_plate_drop"):
        th.radiator_temperature_from_junction(358.0, cold_plate_drop=-1.0)
    with pytest.raises(ScenarioError, match="t_junction_max"):
        th.radiator_temperature_from_junction(30.0)


def test_radiator_mass():
    assert th.radiator_mass(10.0, 7.0) == pytest.approx(70.0)
    assert th.radiator_mass(0.0, 7.0) == 0.0
    with pytest.raises(ScenarioError, match="area"):
        th.radiator_mass(-1.0, 7.0)
    with pytest.raises(ScenarioError, match="areal_density"):
        th.radiator_mass(1.0, 0.0)


def test_carnot_cop_textbook():
    # Cengel & Boles (2015) 8th ed., sec. 6-11: reversed-Carnot refrigerator
    # COP_R,rev = T_L / (T_H - T_L); e.g. T_L = 268 K, T_H = 298 K -> 8.93. Tolerance 1e-3.
    assert th.heat_pump_cop(268.0, 298.0, fraction_of_carnot=1.0) == pytest.approx(8.93, rel=1e-3)
    assert th.heat_pump_cop(268.0, 298.0, fraction_of_carnot=0.5) == pytest.approx(8.93 / 2, rel=1e-3)


@settings(**SETTINGS)
@given(q=st.floats(1, 1e7), tc=st.floats(200, 400), lift=st.floats(0.1, 150), f=st.floats(0.05, 1.0))
def test_heat_pump_first_law(q, tc, lift, f):
    w = th.heat_pump_power(q, tc, tc + lift, f)
    cop = th.heat_pump_cop(tc, tc + lift, f)
    assert w * cop == pytest.approx(q, rel=1e-12)
    assert th.heat_pump_power(q, tc, tc + lift * 1.1, f) > w  # more lift costs more
    assert th.heat_pump_power(q, tc, tc, f) == 0.0


def test_heat_pump_bad_input():
    with pytest.raises(ScenarioError, match="t_hot"):
        th.heat_pump_cop(300.0, 300.0)
    with pytest.raises(ScenarioError, match="t_hot"):
        th.heat_pump_power(100.0, 300.0, 290.0)
    with pytest.raises(ScenarioError, match="fraction_of_carnot"):
        th.heat_pump_cop(300.0, 320.0, fraction_of_carnot=1.2)


def _mass(t, q, tc, ts, eps, rho, k, f, sides=2, eta=1.0):
    w = q * (t - tc) / (f * tc)
    return rho * (q + w) / (sides * eps * SIGMA_SB * eta * (t**4 - ts**4)) + k * w


@pytest.mark.parametrize(
    "tc,ts,k,f",
    [
        (318.15, 182.0, 0.010, 0.5),  # lift barely pays
        (318.15, 182.0, 0.001, 0.5),  # cheap power: the maximum lift
        (318.15, 182.0, 0.004, 0.6),  # interior optimum
        (318.15, 182.0, 0.050, 0.5),  # expensive power: no heat pump
        (300.0, 250.0, 0.003, 0.3),  # warm sink, poor pump
        (200.0, 230.0, 0.005, 0.5),  # loop below the sink: a pump is required
    ],
)
def test_optimal_radiator_temperature_against_scipy(tc, ts, k, f):
    # Independent optimiser: scipy.optimize.minimize_scalar (bounded Brent) plus a dense
    # brute-force grid of 200001 points. Tolerance on the minimum mass 1e-6 relative.
    from scipy.optimize import minimize_scalar

    q, eps, rho, max_lift = 1e5, 0.9, 7.0, 100.0
    lo = max(tc, ts + 1e-6 * (tc + max_lift - ts))
    grid = np.linspace(lo, tc + max_lift, 200001)
    m_grid = _mass(grid, q, tc, ts, eps, rho, k, f)
    ref = minimize_scalar(
        lambda t: _mass(t, q, tc, ts, eps, rho, k, f),
        bounds=(lo, tc + max_lift),
        method="bounded",
        options={"xatol": 1e-9},
    )
    best = min(float(m_grid.min()), float(ref.fun), float(_mass(lo, q, tc, ts, eps, rho, k, f)))
    res = th.optimal_radiator_temperature(q, tc, eps, ts, rho, k, fraction_of_carnot=f, max_lift=max_lift)
    assert res.total_mass == pytest.approx(best, rel=1e-6)
    assert res.total_mass <= best * (1 + 1e-9)
    assert res.total_mass == pytest.approx(res.radiator_mass + res.power_mass, rel=1e-12)
    assert res.heat_rejected == pytest.approx(q + res.power, rel=1e-12)
    assert res.area == pytest.approx(
        th.radiator_area(res.heat_rejected, res.radiator_temperature, eps, sink_temperature=ts), rel=1e-12
    )
    if tc > ts:
        # "no pump" must be returned exactly when it is the best choice
        assert (res.lift == 0.0) == (_mass(tc, q, tc, ts, eps, rho, k, f) <= best * (1 + 1e-12))


@settings(**SETTINGS)
@given(
    tc=st.floats(250, 380),
    ts=st.floats(3, 240),
    k=st.floats(0, 0.05),
    f=st.floats(0.1, 1.0),
    rho=st.floats(1, 20),
    probe=st.floats(0, 1),
)
def test_optimum_never_heavier_than_alternatives(tc, ts, k, f, rho, probe):
    q, eps, max_lift = 5e4, 0.9, 120.0
    res = th.optimal_radiator_temperature(q, tc, eps, ts, rho, k, fraction_of_carnot=f, max_lift=max_lift)
    lo = max(tc, ts + 1e-6 * (tc + max_lift - ts))
    t_probe = lo + probe * (tc + max_lift - lo)
    if t_probe > ts:
        assert res.total_mass <= _mass(t_probe, q, tc, ts, eps, rho, k, f) * (1 + 1e-6)
    assert tc <= res.radiator_temperature <= tc + max_lift
    assert res.area > 0 and np.isfinite(res.total_mass)


def test_optimum_array_path_equals_scalar_path():
    tc = np.array([318.15, 318.15, 300.0, 200.0])
    ts = np.array([182.0, 182.0, 250.0, 230.0])
    k = np.array([0.01, 0.001, 0.003, 0.005])
    res = th.optimal_radiator_temperature(1e5, tc, 0.9, ts, 7.0, k)
    for i in range(4):
        one = th.optimal_radiator_temperature(1e5, tc[i], 0.9, ts[i], 7.0, k[i])
        assert res.radiator_temperature[i] == pytest.approx(one.radiator_temperature, rel=1e-12)
        assert res.total_mass[i] == pytest.approx(one.total_mass, rel=1e-12)


def test_optimum_broadcasts_and_spans_blocks():
    # 2-D broadcasting
    tc = np.array([[300.0], [320.0], [340.0]])
    k = np.array([0.0005, 0.002, 0.01, 0.05])
    res = th.optimal_radiator_temperature(1e5, tc, 0.9, 200.0, 7.0, k)
    assert res.radiator_temperature.shape == (3, 4) and res.total_mass.shape == (3, 4)
    one = th.optimal_radiator_temperature(1e5, 320.0, 0.9, 200.0, 7.0, 0.01)
    assert res.total_mass[1, 2] == pytest.approx(one.total_mass, rel=1e-12)
    # more scenarios than one internal block (16384)
    n = 40000
    ts = np.linspace(100.0, 280.0, n)
    big = th.optimal_radiator_temperature(1e5, 310.0, 0.9, ts, 7.0, 0.003)
    for i in (0, 16383, 16384, 39999):
        ref = th.optimal_radiator_temperature(1e5, 310.0, 0.9, ts[i], 7.0, 0.003)
        assert big.radiator_temperature[i] == pytest.approx(ref.radiator_temperature, rel=1e-12)


def test_optimum_refuses_unreachable_sink():
    with pytest.raises(ScenarioError, match="max_lift"):
        th.optimal_radiator_temperature(1e3, 150.0, 0.9, 300.0, 7.0, 0.01, max_lift=100.0)


# ---------------------------------------------------------------------------------------
# one-call sizing
# ---------------------------------------------------------------------------------------


def test_thermal_sizing_consistent_with_building_blocks():
    q, h, b, ecl, tj = 1e5, 650e3, 10 * DEG, 0.35, 358.15
    r = th.thermal_sizing(q, h, b, ecl, tj)
    env = th.environmental_flux(h, th.RADIATOR_ABSORPTIVITY, th.RADIATOR_EMISSIVITY, beta=b, eclipse_fraction=ecl)
    ts = th.sink_temperature(env.total, th.RADIATOR_EMISSIVITY)
    assert r.sink_temperature == pytest.approx(ts, rel=1e-12)
    assert r.radiator_temperature == pytest.approx(318.15)
    assert r.area == pytest.approx(
        th.radiator_area(q, 318.15, th.RADIATOR_EMISSIVITY, sink_temperature=ts, fin_efficiency=0.9), rel=1e-12
    )
    assert r.mass == pytest.approx(7.0 * r.area, rel=1e-12)
    assert r.heat_pump_power == 0.0 and r.heat_rejected == q
    assert r.environmental_load == pytest.approx(r.area * env.total, rel=1e-12)
    # sanity of magnitude: white two-sided panel edge-on at 45 C rejects ~0.8 kW/m2 of planform
    assert 0.5 < q / r.area / 1e3 < 1.2


def test_thermal_sizing_fixed_and_optimal_heat_pump():
    base = dict(heat=1e5, altitude=650e3, beta=0.0, eclipse_fraction=0.35, t_junction_max=358.15)
    fixed = th.thermal_sizing(**base, heat_pump="fixed", heat_pump_lift=30.0, fraction_of_carnot=0.5)
    assert fixed.radiator_temperature == pytest.approx(348.15)
    assert fixed.heat_pump_power == pytest.approx(th.heat_pump_power(1e5, 318.15, 348.15, 0.5), rel=1e-12)
    none = th.thermal_sizing(**base)
    assert fixed.area < none.area
    opt = th.thermal_sizing(**base, heat_pump="optimal", power_mass_per_watt=0.002)
    assert opt.mass + 0.002 * opt.heat_pump_power <= none.mass * (1 + 1e-12)
    assert opt.mass + 0.002 * opt.heat_pump_power <= fixed.mass + 0.002 * fixed.heat_pump_power + 1e-9


def test_thermal_sizing_peak_is_hotter_than_average():
    avg = th.thermal_sizing(1e5, 650e3, 0.0, 0.35, 358.15, solar_incidence=80 * DEG)
    peak = th.thermal_sizing(1e5, 650e3, 0.0, 0.35, 358.15, solar_incidence=80 * DEG, case="peak")
    assert peak.sink_temperature > avg.sink_temperature
    assert peak.area > avg.area


def test_thermal_sizing_refuses_radiator_below_sink():
    with pytest.raises(ScenarioError, match="t_junction_max") as exc:
        th.thermal_sizing(1e3, 650e3, 0.0, 0.0, 200.0)
    assert "heat pump" in str(exc.value)
    ok = th.thermal_sizing(1e3, 650e3, 0.0, 0.0, 200.0, heat_pump="optimal")
    assert ok.radiator_temperature > ok.sink_temperature and ok.heat_pump_power > 0


def test_thermal_sizing_vectorised_matches_scalar():
    rng = np.random.default_rng(1)
    n = 2000
    q = rng.uniform(1e3, 1e6, n)
    h = rng.uniform(300e3, 1500e3, n)
    b = rng.uniform(-1.4, 1.4, n)
    ecl = rng.uniform(0, 0.4, n)
    tj = rng.uniform(340, 390, n)
    r = th.thermal_sizing(q, h, b, ecl, tj, heat_pump="optimal")
    assert r.area.shape == (n,) and np.all(np.isfinite(r.area)) and np.all(r.area > 0)
    for i in (0, 17, 1999):
        one = th.thermal_sizing(q[i], h[i], b[i], ecl[i], tj[i], heat_pump="optimal")
        assert r.area[i] == pytest.approx(one.area, rel=1e-12)
        assert r.sink_temperature[i] == pytest.approx(one.sink_temperature, rel=1e-12)
    # broadcasting a scalar load against array orbits gives full-shape outputs
    r2 = th.thermal_sizing(1e5, h, 0.0, 0.3, 358.15)
    assert np.shape(r2.heat_pump_power) == (n,) and np.shape(r2.mass) == (n,)


# ---------------------------------------------------------------------------------------
# solar cell temperature
# ---------------------------------------------------------------------------------------


def test_solar_cell_two_sided_black_plate_limit():
    # Isolated thin plate normal to the Sun, alpha = eps = 1 both faces, no Earth, no output:
    # alpha S = 2 eps sigma T^4 -> T = (1361/(2 sigma))^(1/4) = 331.0 K (Gilmore 2002 ch. 2;
    # classical flat-plate equilibrium). Tolerance 0.1 K.
    t = th.solar_cell_temperature(1361.0, 1.0, 1.0, 1.0, efficiency=0.0, view_factor=0.0, view_factor_back=0.0)
    assert t == pytest.approx(331.0, abs=0.1)


def test_solar_cell_leo_published_range():
    # Landis (1994), SPRAT XIII (NTRS 19950014125), "Review of solar cell temperature coefficients for space":
    # cells in Earth orbit operate at about 20 C up to 85 C; sun-pointing triple-junction
    # arrays in LEO typically run 50-70 C at the hot (sub-solar) point. Default optical
    # properties (alpha 0.91, eps 0.85 / 0.80, 28 % output). Tolerance: the published band.
    h = 650e3
    subsolar = (
        th.solar_cell_temperature(
            1361.0, view_factor=0.0, view_factor_back=th.earth_view_factor(h, 0.0), albedo_factor=1.0
        )
        - 273.15
    )
    f90 = th.earth_view_factor(h, math.pi / 2)
    dawn_dusk = th.solar_cell_temperature(1361.0, view_factor=f90, view_factor_back=f90, albedo_factor=0.0) - 273.15
    assert 50.0 <= subsolar <= 75.0
    assert 20.0 <= dawn_dusk <= 85.0
    assert dawn_dusk < subsolar


@settings(**SETTINGS)
@given(
    s=st.floats(0, 1420),
    af=st.floats(0.5, 1.0),
    ef=st.floats(0.05, 1.0),
    eb=st.floats(0.05, 1.0),
    eff_frac=st.floats(0, 0.99),
    ff=st.floats(0, 1),
    fb=st.floats(0, 1),
    phi=st.floats(0, 1),
    a=st.floats(0, 0.6),
    e_ir=st.floats(150, 300),
    inc=st.floats(0, math.pi / 2),
)
def test_solar_cell_energy_balance(s, af, ef, eb, eff_frac, ff, fb, phi, a, e_ir, inc):
    eff = eff_frac * af
    t = th.solar_cell_temperature(
        s, af, ef, eb, eff, e_ir, a, ff, view_factor_back=fb, incidence=inc, albedo_factor=phi
    )
    sn = s * math.cos(inc)
    absorbed = (
        af * sn
        + s * a * phi * (af * ff + eb * fb)
        + e_ir * (ef * ff + eb * fb)
        + (ef + eb) * SIGMA_SB * th.SPACE_TEMPERATURE**4
    )
    emitted = (ef + eb) * SIGMA_SB * t**4
    assert absorbed == pytest.approx(emitted + eff * sn, rel=1e-9)
    # more electrical output leaves less heat: the panel runs cooler
    if sn > 1.0 and eff_frac < 0.9:
        assert (
            th.solar_cell_temperature(
                s, af, ef, eb, eff + 0.05 * af, e_ir, a, ff, view_factor_back=fb, incidence=inc, albedo_factor=phi
            )
            < t
        )


def test_solar_cell_bad_input():
    with pytest.raises(ScenarioError, match="efficiency"):
        th.solar_cell_temperature(1361.0, absorptivity_front=0.5, efficiency=0.6)
    with pytest.raises(ScenarioError, match="emissivity_back"):
        th.solar_cell_temperature(1361.0, emissivity_back=0.0)


# ---------------------------------------------------------------------------------------
# bad input -> ScenarioError naming the argument
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs,field",
    [
        (dict(emissivity=0.0), "emissivity"),
        (dict(emissivity=1.01), "emissivity"),
        (dict(emissivity=-0.2), "emissivity"),
        (dict(emissivity=float("nan")), "emissivity"),
        (dict(heat=0.0), "heat"),
        (dict(heat=-5.0), "heat"),
        (dict(temperature=250.0, sink_temperature=250.0), "temperature"),
        (dict(temperature=240.0, sink_temperature=250.0), "temperature"),
        (dict(sides=3), "sides"),
        (dict(fin_efficiency=0.0), "fin_efficiency"),
        (dict(fin_efficiency=1.1), "fin_efficiency"),
    ],
)
def test_radiator_area_bad_input(kwargs, field):
    args = dict(heat=1000.0, temperature=300.0, emissivity=0.9, sink_temperature=200.0, sides=2, fin_efficiency=1.0)
    args.update(kwargs)
    with pytest.raises(ScenarioError) as exc:
        th.radiator_area(**args)
    assert exc.value.field == field


@pytest.mark.parametrize("tilt", [-0.01, math.pi + 0.01, "190 deg", "-1 deg"])
def test_tilt_out_of_range(tilt):
    with pytest.raises(ScenarioError) as exc:
        th.earth_view_factor(650e3, tilt)
    assert exc.value.field == "tilt"


@pytest.mark.parametrize("alpha", [0.0, 1.5, -0.1])
def test_absorptivity_out_of_range(alpha):
    with pytest.raises(ScenarioError) as exc:
        th.environmental_flux(650e3, alpha, 0.9)
    assert exc.value.field == "absorptivity"
    with pytest.raises(ScenarioError):
        th.thermal_sizing(1e3, 650e3, 0.0, 0.3, 358.0, absorptivity=alpha)


def test_array_input_reports_first_bad_value():
    with pytest.raises(ScenarioError) as exc:
        th.radiator_area(np.array([100.0, 200.0, 300.0]), 300.0, np.array([0.9, 1.2, 1.3]), sink_temperature=100.0)
    assert exc.value.field == "emissivity" and exc.value.value == pytest.approx(1.2)
    with pytest.raises(ScenarioError) as exc:
        th.radiator_area(1e3, np.array([300.0, 150.0]), 0.9, sink_temperature=200.0)
    assert exc.value.field == "temperature" and exc.value.value == pytest.approx(150.0)


def test_other_bad_inputs():
    with pytest.raises(ScenarioError, match="altitude"):
        th.earth_view_factor(0.0, 0.0)
    with pytest.raises(ScenarioError, match="eclipse_fraction"):
        th.environmental_flux(650e3, 0.2, 0.9, eclipse_fraction=1.0)
    with pytest.raises(ScenarioError, match="beta"):
        th.albedo_orbit_factor(2.0)
    with pytest.raises(ScenarioError, match="case"):
        th.environmental_flux(650e3, 0.2, 0.9, case="hot")
    with pytest.raises(ScenarioError, match="heat_pump"):
        th.thermal_sizing(1e3, 650e3, 0.0, 0.3, 358.0, heat_pump="maybe")
    with pytest.raises(ScenarioError, match="area"):
        th.equilibrium_temperature(1e3, 0.0, 0.9)
    with pytest.raises(ScenarioError, match="heat"):
        th.equilibrium_temperature(0.0, 1.0, 0.9)
    with pytest.raises(ScenarioError, match="absorbed_flux"):
        th.sink_temperature(-1.0, 0.9)
