"""Validation and property tests for orbitdc.physics.orbit and orbitdc.physics.ephemeris.

Every validation case names its independent source and tolerance.  The numerical SGP4
cross-check of the annual statistics lives in test_orbit_sgp4.py.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import constants as K
from orbitdc.errors import ScenarioError
from orbitdc.physics import orbit as o
from orbitdc.physics.ephemeris import (
    days_in_year,
    equation_of_time,
    mean_sun_ra,
    sun_position,
    sun_ra_dec,
    unix_to_j2000,
    year_start,
)
from orbitdc.units import Q_

DEG = math.pi / 180.0
ALT = st.floats(min_value=200e3, max_value=2000e3)
BETA = st.floats(min_value=-math.pi / 2, max_value=math.pi / 2)
SETTINGS = settings(max_examples=150, deadline=None)


# --------------------------------------------------------------------------------------
# constants
# --------------------------------------------------------------------------------------
def test_constants_copied_from_astropy_match_astropy():
    # The literals in orbitdc.constants claim to be astropy 8 values: check the copy.
    import astropy.constants as ac

    pairs = {
        "C": ac.c,
        "SIGMA_SB": ac.sigma_sb,
        "K_B": ac.k_B,
        "H_PLANCK": ac.h,
        "G0": ac.g0,
        "G": ac.G,
        "AU": ac.au,
        "R_SUN": ac.R_sun,
        "L_SUN": ac.L_sun,
        "GM_SUN": ac.GM_sun,
        "R_EARTH_IAU": ac.R_earth,
        "GM_EARTH_IAU": ac.GM_earth,
        "M_EARTH": ac.M_earth,
    }
    for name, q in pairs.items():
        assert getattr(K, name) == pytest.approx(q.si.value, rel=1e-12), name


def test_j2_from_egm96_c20():
    # EGM96 (Lemoine et al. 1998): C20 = -4.84165371736e-4 (normalised); J2 = -sqrt(5) C20.
    assert K.J2_EARTH == pytest.approx(-math.sqrt(5) * -4.84165371736e-4, rel=1e-9)
    # Vallado (2013) uses J2 = 0.0010826267
    assert K.J2_EARTH == pytest.approx(0.0010826267, rel=1e-7)


# --------------------------------------------------------------------------------------
# period, J2, sun-synchronous orbits
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "altitude_km, period_min, tol_min",
    [
        # Wertz et al., Space Mission Engineering: The New SMAD (2011), "Earth satellite
        # parameters" table: 500 km -> 94.62 min, 800 km -> 100.87 min.
        (500, 94.62, 0.05),
        (800, 100.87, 0.05),
        # ISS at ~400 km: 92.6 min (NASA ISS reference guide; ~92.7 min at 400-410 km).
        (400, 92.6, 0.1),
    ],
)
def test_period_textbook(altitude_km, period_min, tol_min):
    assert o.orbital_period(altitude_km * 1e3) / 60 == pytest.approx(period_min, abs=tol_min)


def test_period_accepts_quantities():
    assert o.orbital_period(Q_(500, "km")) == o.orbital_period(500e3)
    assert o.orbital_period("500 km") == o.orbital_period(500e3)
    assert o.mean_motion(500e3) == pytest.approx(2 * math.pi / o.orbital_period(500e3), rel=1e-14)


@pytest.mark.parametrize(
    "altitude_km, incl_deg, tol_deg",
    [
        # Wertz et al. (2011) New SMAD, ch. 9 / Vallado (2013) ch. 11, sun-synchronous
        # inclination vs altitude: 800 km -> 98.6 deg, 650 km -> 97.99 deg.
        (800, 98.6, 0.05),
        (650, 97.99, 0.05),
        # Landsat 8: 705 km, inclination 98.2 deg (USGS Landsat 8 Data Users Handbook, 2019).
        (705, 98.2, 0.05),
    ],
)
def test_sso_inclination_textbook(altitude_km, incl_deg, tol_deg):
    assert o.sun_synchronous_inclination(altitude_km * 1e3) / DEG == pytest.approx(incl_deg, abs=tol_deg)


def test_sso_inclination_turns_node_at_mean_sun_rate():
    h = np.linspace(200e3, 2000e3, 50)
    rate = o.raan_drift_rate(h, o.sun_synchronous_inclination(h))
    # 360 deg per tropical year = 0.9856474 deg/day (Astronomical Almanac mean longitude rate)
    assert np.allclose(rate * 86400 / DEG, 0.9856474, rtol=1e-6)


def test_raan_drift_iss():
    # ISS (~400 km, 51.6 deg) regresses about 5.0 deg/day westward (Curtis 2014, sec. 4.7,
    # nodal regression; widely quoted ISS value).  Tolerance 0.1 deg/day.
    assert o.raan_drift_rate(400e3, 51.6 * DEG) * 86400 / DEG == pytest.approx(-5.0, abs=0.1)
    # polar orbits do not precess; retrograde ones precess eastward
    assert abs(o.raan_drift_rate(600e3, math.pi / 2)) < 1e-20
    assert o.raan_drift_rate(600e3, 100 * DEG) > 0


def test_no_sso_above_limit():
    # Vallado (2013) ch. 11: no circular sun-synchronous orbit above ~5970 km altitude.
    assert 5900e3 < o.SSO_ALTITUDE_MAX < 6050e3
    with pytest.raises(ScenarioError, match="sun-synchronous"):
        o.sun_synchronous_inclination(7000e3)


@SETTINGS
@given(ALT, ALT)
def test_period_increases_with_altitude(h1, h2):
    lo, hi = sorted((h1, h2))
    assert o.orbital_period(lo) <= o.orbital_period(hi)
    # SSO inclination rises with altitude (J2 weakens, cos i must grow in magnitude)
    assert o.sun_synchronous_inclination(lo) <= o.sun_synchronous_inclination(hi)
    if hi - lo > 1.0:  # strictly, beyond floating-point resolution
        assert o.orbital_period(lo) < o.orbital_period(hi)
        assert o.sun_synchronous_inclination(lo) < o.sun_synchronous_inclination(hi)
    assert math.pi / 2 < o.sun_synchronous_inclination(lo) < math.pi


# --------------------------------------------------------------------------------------
# Sun ephemeris
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("year", [2027, 2049])
def test_sun_direction_vs_astropy(year):
    # Independent reference: astropy get_sun (IAU 2006/2000A, apparent GCRS) transformed to
    # the true equator and equinox of date (TETE).  Requirement 0.05 deg; the Almanac
    # formula is good to ~0.01 deg (measured 0.0105 deg max for 2000-2099).
    from astropy.utils import iers

    iers.conf.auto_download = False
    import astropy.units as u
    from astropy.coordinates import TETE, SkyCoord, get_sun
    from astropy.time import Time

    t = year_start(year) + np.arange(0.0, 366.0, 2.0) * 86400.0 + 3600.0 * 7
    tt = Time(2451545.0, t / 86400.0, format="jd", scale="tt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = get_sun(tt).transform_to(TETE(obstime=tt))
    ra, dec, dist = sun_ra_dec(t)
    sep = SkyCoord(ra * u.rad, dec * u.rad).separation(SkyCoord(ref.ra, ref.dec)).deg
    assert sep.max() < 0.05
    assert np.max(np.abs(dist / ref.distance.to_value(u.m) - 1)) < 2e-4
    unit, d2 = sun_position(t)
    assert np.allclose(np.linalg.norm(unit, axis=-1), 1.0)
    assert np.allclose(unit[:, 2], np.sin(dec))
    assert np.allclose(np.arctan2(unit[:, 1], unit[:, 0]) % (2 * np.pi), ra)
    assert np.array_equal(d2, dist)


def test_sun_distance_extremes():
    # Perihelion 0.98329 au (early January), aphelion 1.01671 au (early July):
    # Astronomical Almanac / Meeus (1998) ch. 25.  Tolerance 2e-4 au.
    t = year_start(2027) + np.arange(0, 365, 0.25) * 86400
    _, _, r = sun_ra_dec(t)
    assert r.min() / K.AU == pytest.approx(0.98329, abs=2e-4)
    assert r.max() / K.AU == pytest.approx(1.01671, abs=2e-4)
    assert np.argmin(r) / 4 < 10 and 180 < np.argmax(r) / 4 < 190


def test_equation_of_time_extremes():
    # Equation of time extremes: -14.2 min about 11-12 February, +16.4 min about 3 November
    # (Meeus 1998, ch. 28; Explanatory Supplement 2013).  Tolerance 0.2 min, 2 days.
    t = year_start(2027) + np.arange(0, 365, 0.25) * 86400
    e = equation_of_time(t) / 60
    assert e.min() == pytest.approx(-14.2, abs=0.2) and abs(np.argmin(e) / 4 - 41.5) < 2
    assert e.max() == pytest.approx(16.4, abs=0.2) and abs(np.argmax(e) / 4 - 306.5) < 2


def test_time_helpers():
    assert year_start(2000) == -43200.0
    assert year_start(2027) == pytest.approx(((27 * 365 + 7) - 0.5) * 86400.0)
    assert days_in_year(2027) == 365 and days_in_year(2028) == 366 and days_in_year(2100) == 365
    assert np.array_equal(days_in_year(np.array([2000, 2001])), [366, 365])
    # 2000-01-01 12:00:00 UTC is 64.184 s before J2000 TT; the helper uses 69.184 (2017+)
    assert unix_to_j2000(946728000.0) == pytest.approx(69.184)
    assert 0 <= mean_sun_ra(0.0) < 2 * np.pi
    assert mean_sun_ra(0.0) == pytest.approx(280.460 * DEG)


def test_sun_position_quantity_and_shape():
    t = np.zeros((4, 3))
    unit, dist = sun_position(t)
    assert unit.shape == (4, 3, 3) and dist.shape == (4, 3)
    a = sun_ra_dec(Q_(10, "day"))
    b = sun_ra_dec(864000.0)
    assert a == b


# --------------------------------------------------------------------------------------
# beta angle
# --------------------------------------------------------------------------------------
def _rot_normal(inc, raan):
    """Orbit normal by rotating +z: R3(-raan) R1(-inc) z (perifocal -> geocentric equatorial rotation, Curtis 2014 sec. 4.6)."""
    ci, si, co, so = np.cos(inc), np.sin(inc), np.cos(raan), np.sin(raan)
    r1 = np.array([[1, 0, 0], [0, ci, -si], [0, si, ci]])
    r3 = np.array([[co, -so, 0], [so, co, 0], [0, 0, 1]])
    return r3 @ r1 @ np.array([0.0, 0.0, 1.0])


@SETTINGS
@given(st.floats(0, math.pi), st.floats(0, 2 * math.pi), st.floats(0, 2 * math.pi), st.floats(-0.42, 0.42))
def test_beta_angle_matches_vector_geometry(inc, raan, ra, dec):
    n = _rot_normal(inc, raan)
    s = np.array([np.cos(dec) * np.cos(ra), np.cos(dec) * np.sin(ra), np.sin(dec)])
    ref = math.asin(max(-1.0, min(1.0, float(n @ s))))
    assert o.beta_angle(inc, raan, ra, dec) == pytest.approx(ref, abs=1e-12)


def test_beta_angle_special_cases():
    # Equatorial orbit: beta = solar declination (Gilmore 2002, ch. 2).
    assert o.beta_angle(0.0, 1.0, 2.0, 0.3) == pytest.approx(0.3)
    # Polar orbit with node 90 deg east of the Sun (ra=0): Sun along the orbit normal.
    assert o.beta_angle(math.pi / 2, math.pi / 2, 0.0, 0.0) == pytest.approx(math.pi / 2)
    # vectorised
    b = o.beta_angle(np.full(5, 1.0), np.linspace(0, 1, 5), 0.0, 0.1)
    assert b.shape == (5,)
    assert o.beta_angle(Q_(90, "deg"), Q_(90, "deg"), 0.0, 0.0) == pytest.approx(math.pi / 2)


# --------------------------------------------------------------------------------------
# eclipses
# --------------------------------------------------------------------------------------
def _brute_force_fraction(h, beta, model, d=K.AU, n=200_000):
    """Sample one circular orbit and test each point against the Earth's shadow.

    Cylindrical: behind the Earth and within R of the Sun line.  Conical: occultation of
    the solar disc by the Earth's disc as seen from the satellite (Montenbruck & Gill 2000,
    Satellite Orbits, sec. 3.4, shadow conditions): umbra when sep < theta_E - theta_S, any shadow when
    sep < theta_E + theta_S.  An independent formulation of the geometry.
    """
    th = (np.arange(n) + 0.5) * 2 * np.pi / n
    a = K.R_EARTH + h
    r = a * np.stack([np.cos(th), np.sin(th), np.zeros(n)], axis=1)
    s = np.array([np.cos(beta), 0.0, np.sin(beta)])
    if model == "cylindrical":
        dot = r @ s
        perp = np.linalg.norm(r - dot[:, None] * s, axis=1)
        return np.mean((dot < 0) & (perp < K.R_EARTH))
    to_sun = d * s - r
    ds = np.linalg.norm(to_sun, axis=1)
    cos_sep = np.einsum("ij,ij->i", -r, to_sun) / (a * ds)
    sep = np.arccos(np.clip(cos_sep, -1, 1))
    th_e = np.arcsin(K.R_EARTH / a)
    th_s = np.arcsin(K.R_SUN / ds)
    lim = th_e - th_s if model == "umbra" else th_e + th_s
    return np.mean(sep < lim)


@pytest.mark.parametrize("model", o.SHADOW_MODELS)
@pytest.mark.parametrize("h, beta_deg", [(400e3, 0.0), (550e3, 30.0), (650e3, 60.0), (1500e3, 45.0), (2000e3, 5.0)])
def test_eclipse_fraction_vs_brute_force(model, h, beta_deg):
    # Tolerance 2e-4 (sampling resolution 5e-6; finite Sun distance ~1e-5 rad in angle).
    d = 0.99 * K.AU
    ref = _brute_force_fraction(h, beta_deg * DEG, model, d)
    assert o.eclipse_fraction(h, beta_deg * DEG, model=model, sun_distance=d) == pytest.approx(ref, abs=2e-4)


def test_eclipse_fraction_closed_form_and_textbook():
    h = np.linspace(200e3, 2000e3, 19)
    # beta = 0: f = asin(R/(R+h)) / pi (Gilmore 2002 ch. 2, cylindrical shadow).
    assert np.allclose(o.eclipse_fraction(h, 0.0), np.arcsin(K.R_EARTH / (K.R_EARTH + h)) / np.pi, rtol=1e-13)
    # ISS-like 400 km: beta* ~ 70 deg and ~36 min of darkness per 92.6 min orbit at beta=0
    # (Rickman 2014, NASA TFAWS "Introduction to On-Orbit Thermal Environments").
    assert o.shadow_half_angle(400e3) / DEG == pytest.approx(70.2, abs=0.3)
    assert o.eclipse_duration(400e3, 0.0) / 60 == pytest.approx(36.1, abs=0.3)
    # no eclipse at and beyond beta*
    bstar = o.shadow_half_angle(650e3)
    assert o.eclipse_fraction(650e3, bstar) == 0.0
    assert o.eclipse_fraction(650e3, -bstar - 1e-9) == 0.0
    assert o.eclipse_fraction(650e3, math.pi / 2) == 0.0
    assert o.eclipse_duration(650e3, bstar - 0.2) == pytest.approx(
        o.eclipse_fraction(650e3, bstar - 0.2) * o.orbital_period(650e3)
    )


def test_umbra_penumbra_widths():
    # The penumbra band is about 2 x 0.27 deg (Sun's angular diameter 0.53 deg, Almanac):
    # half-angle difference = asin((Rs+R)/d) + asin((Rs-R)/d) ~ 2 Rs/d.
    cyl = o.shadow_half_angle(550e3)
    umb = o.shadow_half_angle(550e3, model="umbra")
    pen = o.shadow_half_angle(550e3, model="penumbra")
    assert umb < cyl < pen
    assert (pen - umb) / DEG == pytest.approx(2 * 959.63 / 3600, abs=0.005)


@SETTINGS
@given(ALT, BETA, BETA, st.floats(0.983 * K.AU, 1.017 * K.AU))
def test_eclipse_fraction_properties(h, b1, b2, d):
    f1 = o.eclipse_fraction(h, b1)
    f2 = o.eclipse_fraction(h, b2)
    assert 0.0 <= f1 < 0.5 and 0.0 <= f2 < 0.5
    if abs(b1) <= abs(b2):
        assert f1 >= f2  # non-increasing in |beta|
    assert o.eclipse_fraction(h, -b1) == f1  # symmetric
    fu = o.eclipse_fraction(h, b1, model="umbra", sun_distance=d)
    fp = o.eclipse_fraction(h, b1, model="penumbra", sun_distance=d)
    assert fu <= f1 <= fp < 0.5


@SETTINGS
@given(ALT, ALT)
def test_eclipse_fraction_decreases_with_altitude_at_beta0(h1, h2):
    lo, hi = sorted((h1, h2))
    assert o.eclipse_fraction(lo, 0.0) >= o.eclipse_fraction(hi, 0.0)


def test_eclipse_vectorised_broadcast():
    h = np.linspace(300e3, 1200e3, 7)[:, None]
    b = np.linspace(-1.2, 1.2, 11)[None, :]
    f = o.eclipse_fraction(h, b)
    assert f.shape == (7, 11) and np.all(np.isfinite(f))
    big = o.eclipse_fraction(np.full(1_000_000, 550e3), 0.1)
    assert big.shape == (1_000_000,)


# --------------------------------------------------------------------------------------
# annual statistics
# --------------------------------------------------------------------------------------
def test_annual_inclined_orbit_structure():
    r = o.annual_eclipse(550e3, inclination=53 * DEG, raan0=0.3, year=2027)
    assert r.day.shape == r.beta.shape == r.fraction.shape == r.duration.shape == r.sun_distance.shape == (365,)
    assert o.annual_eclipse(550e3, inclination=53 * DEG, year=2028).beta.shape == (366,)
    # beta spans about +-(i + 23.44 deg) for a precessing 53 deg orbit (Gilmore 2002 ch. 2)
    assert r.beta_max / DEG == pytest.approx(53 + 23.44, abs=3.0)
    assert r.beta_min / DEG == pytest.approx(-(53 + 23.44), abs=3.0)
    assert r.abs_beta_min == 0.0
    assert 0 < r.mean_fraction < r.max_fraction < 0.5
    assert r.max_fraction == pytest.approx(o.eclipse_fraction(550e3, 0.0))
    assert r.max_duration == pytest.approx(r.max_fraction * o.orbital_period(550e3))
    assert 0 < r.eclipse_days <= 365
    assert r.period == o.orbital_period(550e3)
    # the daily series is consistent with the point functions
    ra, dec, dist = sun_ra_dec(year_start(2027) + (r.day + 0.5) * 86400)
    om = 0.3 + o.raan_drift_rate(550e3, 53 * DEG) * (r.day + 0.5) * 86400
    assert np.allclose(r.beta, o.beta_angle(53 * DEG, om, ra, dec), atol=1e-9)
    assert np.allclose(r.fraction, o.eclipse_fraction(550e3, r.beta), atol=1e-9)
    assert np.allclose(r.sun_distance, dist)
    assert r.sun_distance_min == pytest.approx(0.98329 * K.AU, rel=3e-4)
    assert r.sun_distance_max == pytest.approx(1.01671 * K.AU, rel=3e-4)
    with pytest.raises(ValueError):
        r.beta[0] = 1.0  # cached result is read-only


def test_annual_sso():
    dd = o.annual_eclipse(650e3, ltan=6.0)
    assert dd.inclination == pytest.approx(o.sun_synchronous_inclination(650e3), abs=1e-11)
    # Dawn-dusk: the Sun stays near the orbit normal; |beta| >= 90 - 23.44 - (i - 90) deg.
    assert dd.abs_beta_min / DEG == pytest.approx(90 - 23.44 - (dd.inclination / DEG - 90), abs=0.5)
    # eclipses only in a season around one solstice, at most ~20 min at 650 km
    assert 0 < dd.eclipse_days < 120
    assert dd.mean_fraction < 0.06
    assert 15 * 60 < dd.max_duration < 21 * 60
    # noon-midnight SSO: beta stays small, eclipse every orbit (Wertz 2011 ch. 9)
    nm = o.annual_eclipse(650e3, ltan=12.0)
    assert nm.eclipse_days == 365 and nm.abs_beta_max < 30 * DEG and nm.mean_fraction > 0.3
    # dusk-dawn (18 h) mirrors dawn-dusk: beta changes sign, same statistics within a few %
    dk = o.annual_eclipse(650e3, ltan=18.0)
    assert dk.beta_min > 0 > dd.beta_max
    assert dk.mean_fraction == pytest.approx(dd.mean_fraction, rel=0.1)
    # high dawn-dusk orbit (1400 km): beta* = 55.1 deg, nearly eclipse-free
    hi = o.annual_eclipse(1400e3, ltan=6.0)
    assert hi.mean_fraction < dd.mean_fraction
    # the node follows the mean Sun: Omega - alpha_ms = 15 deg/h (LTAN - 12 h)
    t = year_start(2027) + np.arange(0, 365) * 86400.0
    assert np.allclose(np.mod(o.sso_raan(t, 6.0) - mean_sun_ra(t), 2 * np.pi), 1.5 * np.pi)
    assert dd.raan0 == pytest.approx(np.mod(mean_sun_ra(year_start(2027)) - np.pi / 2, 2 * np.pi))


def test_annual_models_and_cache():
    a = o.annual_eclipse(550e3, inclination=53 * DEG)
    assert o.annual_eclipse(550e3, inclination=53 * DEG) is a
    assert o.annual_eclipse(Q_(550, "km"), inclination=Q_(53, "deg")) is a
    u = o.annual_eclipse(550e3, inclination=53 * DEG, model="umbra")
    p = o.annual_eclipse(550e3, inclination=53 * DEG, model="penumbra")
    assert u.mean_fraction < a.mean_fraction < p.mean_fraction
    assert o.annual_eclipse(650e3, ltan=Q_(6, "hour")) is o.annual_eclipse(650e3, ltan=6.0)


def test_annual_stats_vectorised_matches_scalar():
    rng = np.random.default_rng(7)
    n = 64
    h = rng.uniform(200e3, 2000e3, n)
    inc = rng.uniform(0, np.pi, n)
    r0 = rng.uniform(0, 2 * np.pi, n)
    sso = rng.random(n) < 0.5
    lt = rng.uniform(0, 24, n)
    yr = rng.choice([2026, 2027, 2028], n)
    s = o.annual_eclipse_stats(h, inc, r0, sso, lt, yr)
    for k in range(n):
        if sso[k]:
            r = o.annual_eclipse(h[k], ltan=lt[k], year=int(yr[k]))
        else:
            r = o.annual_eclipse(h[k], inclination=inc[k], raan0=r0[k], year=int(yr[k]))
        for key in s:
            assert s[key][k] == pytest.approx(getattr(r, key), rel=1e-9, abs=1e-12), (k, key)
    assert set(s) >= {
        "mean_fraction",
        "max_fraction",
        "max_duration",
        "eclipse_days",
        "beta_min",
        "beta_max",
        "sun_distance_min",
        "sun_distance_max",
        "period",
        "inclination",
    }


def test_annual_stats_uniform_arrays_and_scalars():
    n = 1_000_000
    s = o.annual_eclipse_stats(np.full(n, 650e3), np.nan, 0.0, True, 6.0, 2027)
    ref = o.annual_eclipse(650e3, ltan=6.0)
    assert s["mean_fraction"].shape == (n,)
    assert np.all(s["mean_fraction"] == ref.mean_fraction)
    q = o.annual_eclipse_stats(Q_(np.array([650.0, 650.0]), "km"), 0.0, 0.0, True, Q_(360, "min"), 2027)
    assert np.all(q["mean_fraction"] == ref.mean_fraction)
    sc = o.annual_eclipse_stats(550e3, 53 * DEG, 0.0, False, 0.0, 2027)
    assert isinstance(sc["max_duration"], float)
    assert sc["max_duration"] == o.annual_eclipse(550e3, inclination=53 * DEG).max_duration
    # duplicates among distinct orbits are computed once and mapped back
    h = np.array([550e3, 650e3, 550e3, 650e3])
    s2 = o.annual_eclipse_stats(h, 53 * DEG, 0.0, np.array([False, True, False, True]), 6.0, 2027)
    assert s2["mean_fraction"][0] == s2["mean_fraction"][2] == pytest.approx(sc["mean_fraction"])
    assert s2["mean_fraction"][1] == pytest.approx(ref.mean_fraction)


@settings(max_examples=40, deadline=None)
@given(ALT, st.floats(0, math.pi), st.floats(0, 2 * math.pi), st.booleans(), st.floats(0, 24))
def test_annual_properties(h, inc, r0, sso, lt):
    r = o.annual_eclipse(h, ltan=lt) if sso else o.annual_eclipse(h, inclination=inc, raan0=r0)
    assert 0.0 <= r.mean_fraction <= r.max_fraction < 0.5
    assert np.all(r.fraction <= r.max_fraction + 1e-15)
    assert 0 <= r.eclipse_days <= 365
    assert (r.eclipse_days == 0) == (r.max_fraction == 0.0)
    assert -math.pi / 2 <= r.beta_min <= r.beta_max <= math.pi / 2
    assert 0 <= r.abs_beta_min <= r.abs_beta_max <= math.pi / 2
    assert r.max_duration == pytest.approx(r.max_fraction * r.period)
    for v in (r.mean_fraction, r.max_duration, r.beta_min, r.sun_distance_min):
        assert math.isfinite(v)


# --------------------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [150e3, 2500e3, float("nan"), float("inf"), -1.0])
def test_bad_altitude(bad):
    for f in (
        o.orbital_period,
        o.sun_synchronous_inclination,
        lambda h: o.eclipse_fraction(h, 0.0),
        lambda h: o.raan_drift_rate(h, 1.0),
        lambda h: o.annual_eclipse(h, ltan=6.0),
    ):
        with pytest.raises(ScenarioError) as e:
            f(bad)
        assert e.value.field == "altitude"


def test_bad_altitude_in_array_reports_first_bad_value():
    with pytest.raises(ScenarioError) as e:
        o.orbital_period(np.array([500e3, 600e3, 100e3, 50e3]))
    assert e.value.value == 100e3 and "200 km" in str(e.value)
    with pytest.raises(ScenarioError):
        o.annual_eclipse_stats(np.array([500e3, 2100e3]), 0.9, 0.0, False, 0.0, 2027)


def test_bad_other_inputs():
    with pytest.raises(ScenarioError, match="inclination"):
        o.raan_drift_rate(500e3, -0.1)
    with pytest.raises(ScenarioError, match="beta"):
        o.eclipse_fraction(500e3, 2.0)
    with pytest.raises(ScenarioError, match="model"):
        o.eclipse_fraction(500e3, 0.0, model="conical")
    with pytest.raises(ScenarioError, match="sun_distance"):
        o.eclipse_fraction(500e3, 0.0, model="umbra", sun_distance=1e9)
    with pytest.raises(ScenarioError, match="ltan"):
        o.annual_eclipse(650e3, ltan=25.0)
    with pytest.raises(ScenarioError, match="ltan"):
        o.annual_eclipse_stats(np.array([650e3, 700e3]), 0.0, 0.0, True, np.array([6.0, -1.0]), 2027)
    with pytest.raises(ScenarioError, match="year"):
        o.annual_eclipse(650e3, ltan=6.0, year=2200)
    with pytest.raises(ScenarioError, match="year"):
        o.annual_eclipse(650e3, ltan=6.0, year=2027.5)
    with pytest.raises(ScenarioError):
        o.annual_eclipse(650e3)  # neither inclination nor ltan
    with pytest.raises(ScenarioError):
        o.annual_eclipse(650e3, inclination=1.0, ltan=6.0)  # both
    with pytest.raises(ScenarioError, match="raan0"):
        o.annual_eclipse(650e3, inclination=1.0, raan0=float("nan"))
    with pytest.raises(ScenarioError, match="t"):
        sun_ra_dec(np.array([0.0, np.nan]))
