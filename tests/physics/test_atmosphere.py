"""Validation and property tests for orbitdc.physics.atmosphere (density, drag, lifetime)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import Q_, ScenarioError
from orbitdc.constants import GM_EARTH, JULIAN_YEAR, R_EARTH
from orbitdc.kernels import atmosphere as katm
from orbitdc.physics import atmosphere as atm

LEVELS = ("low", "mean", "high")

# ---------------------------------------------------------------------------------------
# Density: independent tables
# ---------------------------------------------------------------------------------------
# Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Table 8-4,
# exponential atmosphere "nominal density" at the base altitudes (km -> kg/m3).  Built from
# CIRA-72 / US Standard Atmosphere 1976 for moderate activity: an independent model, so the
# agreement expected is the spread between models (stated tolerance 16 %).
VALLADO_8_4 = {
    200: 2.789e-10,
    250: 7.248e-11,
    300: 2.418e-11,
    350: 9.518e-12,
    400: 3.725e-12,
    450: 1.585e-12,
    500: 6.967e-13,
    600: 1.454e-13,
    700: 3.614e-14,
    800: 1.170e-14,
    900: 5.245e-15,
    1000: 3.019e-15,
}

# U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF), Table I, density at geometric altitude
# (km -> kg/m3).  Its thermosphere is a fixed 1000 K exosphere (moderate activity).  Stated
# tolerance 20 %.
USSA_1976 = {
    200: 2.541e-10,
    250: 6.073e-11,
    300: 1.916e-11,
    350: 7.014e-12,
    400: 2.803e-12,
    450: 1.184e-12,
    500: 5.215e-13,
    600: 1.137e-13,
    700: 3.070e-14,
    800: 1.136e-14,
    900: 5.759e-15,
    1000: 3.561e-15,
}


@pytest.mark.parametrize("h_km, rho", sorted(VALLADO_8_4.items()))
def test_mean_density_matches_vallado_table_8_4(h_km, rho):
    assert atm.density(h_km * 1e3, "mean") == pytest.approx(rho, rel=0.16)


@pytest.mark.parametrize("h_km, rho", sorted(USSA_1976.items()))
def test_mean_density_matches_us_standard_atmosphere_1976(h_km, rho):
    assert atm.density(h_km * 1e3, "mean") == pytest.approx(rho, rel=0.20)


def test_solar_cycle_swing_at_400_km_is_an_order_of_magnitude():
    # Plausibility check (no tabulated source): thermospheric density at 400-500 km is
    # known to swing by about an order of magnitude between solar minimum and maximum
    # (e.g. the NRL/ECSS discussion of F10.7 effects); the check is a factor of 5 to 50.
    for h in (400e3, 500e3):
        ratio = atm.density(h, "high") / atm.density(h, "low")
        assert 5.0 < ratio < 50.0


def test_interpolation_is_exponential_between_nodes():
    # log-linear interpolation: the density half way between two nodes is their geometric mean
    for act in LEVELS:
        lo, hi = atm.density(400e3, act), atm.density(425e3, act)
        assert atm.density(412.5e3, act) == pytest.approx(math.sqrt(lo * hi), rel=1e-12)


@settings(max_examples=150, deadline=None)
@given(h1=st.floats(100e3, 2000e3), h2=st.floats(100e3, 2000e3))
def test_density_decreases_with_altitude(h1, h2):
    lo, hi = min(h1, h2), max(h1, h2)
    for act in LEVELS:
        assert atm.density(hi, act) <= atm.density(lo, act)


@settings(max_examples=150, deadline=None)
@given(h=st.floats(120e3, 2000e3))
def test_density_rises_with_solar_activity(h):
    assert atm.density(h, "low") < atm.density(h, "mean") < atm.density(h, "high")


def test_density_vectorised_and_units():
    h = np.linspace(150e3, 1900e3, 100_001)
    rho = atm.density(h, "mean")
    assert rho.shape == h.shape and np.all(np.isfinite(rho)) and np.all(rho > 0)
    assert rho[0] == pytest.approx(atm.density(150e3, "mean"))
    assert atm.density(Q_(400, "km")) == pytest.approx(atm.density(400e3))
    assert atm.density("400 km", "high") == pytest.approx(atm.density(400e3, "high"))


@pytest.mark.parametrize("bad", [99e3, 2001e3, -1.0, np.nan, np.inf])
def test_density_refuses_altitudes_outside_the_table(bad):
    with pytest.raises(ScenarioError, match="altitude"):
        atm.density(bad)
    with pytest.raises(ScenarioError):
        atm.density(np.array([400e3, bad]))


def test_unknown_activity_refused():
    with pytest.raises(ScenarioError, match="solar_activity"):
        atm.density(400e3, "medium")


# ---------------------------------------------------------------------------------------
# Ballistic coefficient, drag, delta-v
# ---------------------------------------------------------------------------------------
def test_ballistic_coefficient_definition():
    # BC = m / (Cd A): a 1000 kg satellite with 10 m2 and Cd 2.2 -> 45.45 kg/m2
    assert atm.ballistic_coefficient(1000.0, 10.0) == pytest.approx(1000.0 / 22.0, rel=1e-15)
    assert atm.ballistic_coefficient(Q_(1, "t"), Q_(10, "m^2"), 2.0) == pytest.approx(50.0)
    for m, a, cd in ((0.0, 1.0, 2.2), (1.0, 0.0, 2.2), (1.0, 1.0, 0.0), (-1.0, 1.0, 2.2)):
        with pytest.raises(ScenarioError):
            atm.ballistic_coefficient(m, a, cd)


def test_drag_acceleration_is_half_rho_v2_cd_a_over_m():
    # a = 0.5 rho v^2 Cd A / m with v from vis-viva (Vallado 2013 section 8.6), written out
    m, area, cd, h = 500.0, 8.0, 2.2, 450e3
    v = math.sqrt(GM_EARTH / (R_EARTH + h))
    expected = 0.5 * atm.density(h) * v**2 * cd * area / m
    bc = atm.ballistic_coefficient(m, area, cd)
    assert atm.drag_acceleration(h, bc) == pytest.approx(expected, rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(h=st.floats(150e3, 1500e3), bc=st.floats(1.0, 1000.0), act=st.sampled_from(LEVELS))
def test_make_up_delta_v_equals_restoring_the_yearly_decay(h, bc, act):
    # Two derivations of the drag make-up: integral of the drag deceleration over a year, and
    # the small tangential Hohmann dv = (v / 2a) da that restores one year of decay
    # da = |da/dt| T (Vallado 2013 section 9.6).  They must agree exactly.
    a = R_EARTH + h
    v = math.sqrt(GM_EARTH / a)
    da = -atm.decay_rate(h, bc, act) * JULIAN_YEAR
    assert atm.drag_delta_v(h, bc, act) == pytest.approx(v / (2 * a) * da, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(h=st.floats(150e3, 1900e3), bc=st.floats(1.0, 1000.0), f=st.floats(1.01, 10.0))
def test_delta_v_falls_with_altitude_and_ballistic_coefficient(h, bc, f):
    dv = atm.drag_delta_v(h, bc)
    assert atm.drag_delta_v(h, bc * f) < dv
    assert atm.drag_delta_v(min(h * f, 2000e3), bc) <= dv


def test_delta_v_scales_with_duration_and_accepts_units():
    per_year = atm.drag_delta_v(500e3, 50.0, "high")
    assert atm.drag_delta_v(500e3, 50.0, "high", duration=Q_(5, "year")) == pytest.approx(5 * per_year)
    assert atm.drag_delta_v(500e3, 50.0, "high", duration=0.0) == 0.0
    with pytest.raises(ScenarioError, match="duration"):
        atm.drag_delta_v(500e3, 50.0, duration=-1.0)


# ---------------------------------------------------------------------------------------
# Lifetime
# ---------------------------------------------------------------------------------------
def test_lifetime_integrator_matches_king_hele_closed_form_exponential_atmosphere():
    # One exponential layer rho = rho0 exp(-(h-h0)/H).  The exact lifetime is
    # BC * int dh / (rho sqrt(mu (R+h))); scipy.integrate.quad evaluates it independently.
    # King-Hele (1987, ch. 4) gives the closed form with sqrt(mu a) frozen at a0:
    # t = H BC (1 - exp(-(h0-he)/H)) / (rho0 sqrt(mu a0)), within the sqrt(a) variation.
    from scipy.integrate import quad

    H, rho0, h0, he, bc = 60e3, 3e-12, 400e3, 150e3, 80.0
    nodes = np.array([100e3, 2000e3])
    log_rho = np.log(rho0) - (nodes - h0) / H
    got = float(katm.lifetime_on_profile(h0, he, bc, nodes, log_rho))

    def integrand(h):
        return bc / (rho0 * math.exp(-(h - h0) / H) * math.sqrt(GM_EARTH * (R_EARTH + h)))

    exact, _ = quad(integrand, he, h0, epsabs=0, epsrel=1e-12)
    # the table integral treats sqrt(a) as exponential across the 1900 km node span: 2e-3
    assert got == pytest.approx(exact, rel=2e-3)
    king_hele = H * bc * (1 - math.exp(-(h0 - he) / H)) / (rho0 * math.sqrt(GM_EARTH * (R_EARTH + h0)))
    assert got == pytest.approx(king_hele, rel=0.02)


@pytest.mark.parametrize("act", LEVELS)
@pytest.mark.parametrize("h0_km", [250.0, 412.5, 550.0, 800.0, 1234.0])
def test_lifetime_matches_numerical_quadrature_of_the_table(act, h0_km):
    # Independent numerical integration (scipy quad) of BC / (rho(h) sqrt(mu a)) over the
    # shipped density table, node interval by node interval.  Tolerance 1e-4.
    from scipy.integrate import quad

    bc, he, h0 = 60.0, 150e3, h0_km * 1e3
    edges = np.concatenate(([he], atm._ALT_M[(atm._ALT_M > he) & (atm._ALT_M < h0)], [h0]))
    total = sum(
        quad(lambda h: bc / (atm.density(h, act) * math.sqrt(GM_EARTH * (R_EARTH + h))), a, b, epsrel=1e-10)[0]
        for a, b in zip(edges[:-1], edges[1:])
    )
    assert atm.orbital_lifetime(h0, bc, act, he) == pytest.approx(total, rel=1e-4)


@settings(max_examples=100, deadline=None)
@given(h=st.floats(200e3, 1800e3), bc=st.floats(5.0, 500.0), act=st.sampled_from(LEVELS))
def test_lifetime_derivative_is_inverse_decay_rate(h, bc, act):
    # d(lifetime)/dh0 = 1 / |da/dt| (definition of the integral); central difference, 1e-3
    dh = 50.0
    d = (atm.orbital_lifetime(h + dh, bc, act) - atm.orbital_lifetime(h - dh, bc, act)) / (2 * dh)
    assert d == pytest.approx(-1.0 / atm.decay_rate(h, bc, act), rel=1e-3)


@settings(max_examples=100, deadline=None)
@given(h=st.floats(160e3, 1990e3), bc=st.floats(1.0, 1000.0))
def test_lifetime_properties(h, bc):
    lows = [atm.orbital_lifetime(h, bc, act) for act in LEVELS]
    assert lows[0] > lows[1] > lows[2] > 0  # more solar activity, shorter life
    assert atm.orbital_lifetime(min(h + 10e3, 2000e3), bc) > lows[1]  # higher, longer
    assert atm.orbital_lifetime(h, 2 * bc) == pytest.approx(2 * lows[1], rel=1e-12)  # linear in BC


def test_lifetime_orders_of_magnitude_and_vector_shape():
    # Plausibility check (orders of magnitude, not a tabulated source): for m/(Cd A) ~ 100 kg/m2
    # at mean activity, lifetimes are about a year at 400 km, decades at 600 km and centuries
    # at 800 km.
    yr = JULIAN_YEAR
    t = atm.orbital_lifetime(np.array([400e3, 600e3, 800e3]), 100.0, "mean") / yr
    assert 0.1 < t[0] < 3.0
    assert 10.0 < t[1] < 100.0
    assert 100.0 < t[2] < 2000.0
    assert atm.orbital_lifetime(150e3, 100.0) == 0.0
    big = atm.orbital_lifetime(np.full(200_000, 550e3), np.linspace(10, 200, 200_000))
    assert big.shape == (200_000,) and np.all(np.isfinite(big))


def test_lifetime_bad_input():
    with pytest.raises(ScenarioError, match="altitude"):
        atm.orbital_lifetime(140e3, 100.0)  # below the re-entry altitude
    with pytest.raises(ScenarioError, match="ballistic_coefficient"):
        atm.orbital_lifetime(500e3, 0.0)
    with pytest.raises(ScenarioError, match="reentry_altitude"):
        atm.orbital_lifetime(500e3, 10.0, reentry_altitude=50e3)
    with pytest.raises(ScenarioError, match="altitude"):
        atm.orbital_lifetime(np.array([500e3, 2500e3]), 10.0)
