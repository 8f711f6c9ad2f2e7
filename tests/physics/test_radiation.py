"""Validation of :mod:`orbitdc.physics.radiation` (trapped flux table, dose behind shielding).

Sources and tolerances are stated per test.  The AE8/AP8 checks call ``aep8`` (the optional
``tools`` extra that generated the table); they are the only tests that need it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate

from orbitdc.physics import dose_transport as dt
from orbitdc.physics import radiation as rad

YEAR = 365.25 * 86400.0


# ----------------------------------------------------------------------------- stopping and range
@pytest.mark.parametrize("energy,pstar", [(10.0, 0.1230), (100.0, 7.718), (200.0, 25.96)])
def test_proton_csda_range_in_water_matches_pstar(energy, pstar):
    """NIST PSTAR (ICRU 49) CSDA range of protons in liquid water [g/cm2]; Bethe without
    shell corrections is within 2 % above 10 MeV."""
    assert rad.proton_range(energy, "water") == pytest.approx(pstar, rel=0.02)


@pytest.mark.parametrize("energy,pstar", [(10.0, 45.67), (100.0, 7.289)])
def test_proton_stopping_power_in_water_matches_pstar(energy, pstar):
    """NIST PSTAR electronic stopping power of water [MeV cm2/g], tolerance 1.5 %."""
    assert rad.proton_stopping_power(energy, "water") == pytest.approx(pstar, rel=0.015)


@pytest.mark.parametrize("energy,estar", [(0.1, 4.115), (1.0, 1.849)])
def test_electron_collision_stopping_power_matches_estar(energy, estar):
    """NIST ESTAR (ICRU 37) collision stopping power of water [MeV cm2/g]; without the density
    effect the formula is within 2 % up to 1 MeV."""
    assert rad.electron_stopping_power(energy, "water") == pytest.approx(estar, rel=0.02)


def test_katz_penfold_branches_meet():
    """Katz & Penfold (1952): the two range laws join at 2.5 MeV (1.212 vs 1.219 g/cm2, within 1 %)."""
    lo, hi = rad.electron_range([2.4999, 2.5])
    assert lo == pytest.approx(hi, rel=0.01)


def test_protons_stop_in_a_shield_thicker_than_their_range():
    """Straight-ahead CSDA: a proton whose aluminium range is below the shield deposits nothing,
    one just above arrives slowed (its stopping power at the residual energy exceeds the incident one)."""
    e = 30.0
    r = float(rad.proton_range(e, "aluminium"))  # g/cm2
    assert rad.dose_per_fluence("p", e, 10.0 * r * 1.01) == 0.0
    slowed = rad.dose_per_fluence("p", e, 10.0 * r * 0.5)
    bare = rad.dose_per_fluence("p", e, 0.0)
    assert slowed > bare > 0


@pytest.mark.parametrize("particle,e_lo,e_hi", [("p", 1.0, 400.0), ("e", 0.04, 7.0)])
@pytest.mark.parametrize("d", [2.7, 10.0, 27.0])
def test_dose_of_a_power_law_spectrum_matches_quadrature(particle, e_lo, e_hi, d):
    """The residual-range integration equals an independent adaptive quadrature
    (scipy.integrate.quad) over the incident energy of phi(E) K(E, d) (K from
    dose_per_fluence), split at the cut-off energy where K has its integrable Bragg-peak
    singularity; spectrum an exact power law E^-1.7 over the table, E^-3 for a decade above
    it (the kernel's tail rule).  Tolerance 2 %."""
    gamma, f0 = 1.7, 100.0
    e = np.geomspace(e_lo, e_hi, 15)
    flux = f0 * e**-gamma
    ec = float(dt.energy_for_range(particle, d * 0.1))  # least energy that crosses the shield

    def k(x):
        return float(rad.dose_per_fluence(particle, x, d))

    def body(x):
        return f0 * gamma * x ** (-gamma - 1) * k(x)

    def tail(x):
        return f0 * e_hi ** (3 - gamma) * 3 * x**-4 * k(x)

    pts = [ec * (1 + q) for q in (1e-4, 1e-3, 1e-2, 1e-1)]
    ref = 0.0
    if ec > e_lo:  # stopped particles still radiate (electrons)
        ref += integrate.quad(body, e_lo, min(ec, e_hi), limit=400)[0]
    if ec < e_hi:
        ref += integrate.quad(body, ec, e_hi, points=[x for x in pts if x < e_hi], limit=500)[0]
    ref += integrate.quad(tail, e_hi, 10 * e_hi, points=[x for x in pts if e_hi < x < 10 * e_hi], limit=500)[0]
    got = rad.dose_rate_from_spectra(particle, e, flux, d)
    assert got == pytest.approx(ref, rel=0.02)


def test_more_shielding_less_dose_and_belts_rise_with_altitude():
    h = np.array([400e3, 650e3, 1200e3, 2000e3])
    inc = math.radians(97.9)
    thin = rad.dose_rate_trapped(h, inc, 2.7)
    thick = rad.dose_rate_trapped(h, inc, 27.0)
    assert np.all(np.diff(thin) > 0) and np.all(np.diff(thick) > 0)
    assert np.all(thick < thin / 5)


# ----------------------------------------------------------------------------- the AE8/AP8 table
def test_table_provenance_is_recorded():
    meta = rad.load_table()["metadata"]
    assert "AE8" in meta["models"] and "AP8" in meta["models"] and "IRBEM" in meta["models"]
    assert meta["generator"] == "tools/trapped_flux_table.py"


def test_aep8_reproduces_its_published_reference_point():
    """aep8 README (v1.1.0): AP8MAX integral flux above 10 MeV at 15 deg E, 45 deg S, 300 km,
    2025-01-01 18:37:22 is 3.04495297 /(cm2 s); checks the offline install the table came from
    (tolerance 1e-6)."""
    import aep8  # a test dependency (pyproject [test]): a missing aep8 fails, it does not skip
    from astropy import units as u
    from astropy.coordinates import EarthLocation
    from astropy.time import Time

    loc = EarthLocation.from_geodetic(15 * u.deg, -45 * u.deg, 300 * u.km)
    f = aep8.model(solar="max", particle="p").integral_flux(loc, Time("2025-01-01 18:37:22"), 10 * u.MeV)
    assert f.to_value(u.cm**-2 / u.s) == pytest.approx(3.04495297, rel=1e-6)


def test_table_equals_an_orbit_flown_for_days():
    """The table's orbit average (a lattice average) against positions of a circular 800 km,
    50 deg orbit sampled at 20,000 random times over 30 days, its node drifting at the J2
    rate and the Earth turning under it (the definition of the average), evaluated directly
    with aep8.  Tolerance 8 % (sampling noise of the SAA-dominated proton flux is about 3 %)."""
    import aep8  # a test dependency (pyproject [test]): a missing aep8 fails, it does not skip
    from astropy import units as u
    from astropy.coordinates import EarthLocation
    from astropy.time import Time

    rng = np.random.default_rng(1)
    n = 20_000
    t = rng.uniform(0.0, 30 * 86400.0, n)
    h, inc = 800e3, math.radians(50.0)
    a = 6378.137e3 + h
    mu, j2, re = 3.986004418e14, 1.08262668e-3, 6378.137e3
    n_mot = math.sqrt(mu / a**3)
    raan_dot = -1.5 * n_mot * j2 * (re / a) ** 2 * math.cos(inc)
    uarg = 0.3 + n_mot * t
    raan = 1.0 + raan_dot * t
    lat = np.arcsin(np.sin(inc) * np.sin(uarg))
    ra = raan + np.arctan2(np.cos(inc) * np.sin(uarg), np.cos(uarg))
    gmst = 0.7 + 7.2921159e-5 * t
    lon = np.degrees((ra - gmst + np.pi) % (2 * np.pi) - np.pi)
    loc = EarthLocation.from_geodetic(lon * u.deg, np.degrees(lat) * u.deg, h * u.m)
    when = Time("2027-01-01")
    fe_tab, fp_tab = rad.trapped_spectra(h, inc, 1.0)  # solar maximum
    tab = rad.load_table()
    ie = int(np.flatnonzero(tab["energy_e"] == 1.0)[0])
    ip = int(np.flatnonzero(tab["energy_p"] == 30.0)[0])
    fe = aep8.model("e", "max").integral_flux(loc, when, 1.0 * u.MeV).to_value(u.cm**-2 / u.s)
    fp = aep8.model("p", "max").integral_flux(loc, when, 30.0 * u.MeV).to_value(u.cm**-2 / u.s)
    assert np.nanmean(fe) == pytest.approx(fe_tab[ie], rel=0.08)
    assert np.nanmean(fp) == pytest.approx(fp_tab[ip], rel=0.08)


def test_retrograde_orbits_fold():
    a = rad.trapped_spectra(650e3, math.radians(82.0))
    b = rad.trapped_spectra(650e3, math.radians(98.0))
    np.testing.assert_allclose(a[1], b[1], rtol=1e-12)


# ----------------------------------------------------------------------------- GCR, SPE, life
def test_gcr_scaled_to_the_iss_measurement():
    """DOSIS-3D (Berger et al. 2020): about 0.09 mGy/day of GCR inside the ISS at 51.6 deg,
    taken as mid-cycle (solar phase 0.5); the formula returns it exactly there."""
    assert rad.dose_rate_gcr(math.radians(51.6), 0.5) == pytest.approx(0.09e-3 / 86400.0, rel=1e-12)
    assert rad.dose_rate_gcr(0.0) < rad.dose_rate_gcr(math.radians(51.6)) < rad.dose_rate_gcr(math.pi / 2)


def test_polar_exposure_limits():
    """No time above 60 deg for an equatorial orbit; 1 - (2/pi) asin(sin 60) = 1/3 for a polar one
    without the dipole tilt (with it, within 0.05)."""
    assert rad.polar_exposure(0.0, math.radians(60.0)) == 0.0
    assert rad.polar_exposure(math.pi / 2, math.radians(60.0)) == pytest.approx(1 / 3, abs=0.05)


def test_dose_life():
    assert rad.dose_life(100.0 / YEAR, 150.0) == pytest.approx(1.5 * YEAR)
    assert rad.dose_life(0.0, 150.0) == np.inf
    # rows: limit / rate, inf where no dose (with and without such a row)
    rates = np.array([100.0, 50.0, 300.0]) / YEAR
    assert rad.dose_life(rates, 150.0).tolist() == pytest.approx([1.5 * YEAR, 3.0 * YEAR, 0.5 * YEAR], rel=1e-15)
    rates[1] = 0.0
    assert rad.dose_life(rates, np.array([150.0, 150.0, 30.0])).tolist() == pytest.approx(
        [1.5 * YEAR, np.inf, 0.1 * YEAR], rel=1e-15
    )


def test_fast_tables_reproduce_the_exact_calculation():
    """The shipped dose and penetrating-flux tables (written by tools/trapped_flux_table.py from
    dose_rate_trapped_exact / penetrating_proton_flux_exact) equal the exact kernels at their
    nodes (1e-9: a stale table fails here) and stay within 10 % between nodes for 95 % of random
    orbits (log-linear interpolation over 100-400 km, 1 deg and the depth grid)."""
    tab = rad.load_table()
    rng = np.random.default_rng(3)
    ia = rng.integers(0, tab["altitude"].size, 40)
    ii = rng.integers(0, tab["inclination"].size, 40)
    idp = rng.integers(0, rad.DEPTH_GRID.size, 40)
    h, inc, d = tab["altitude"][ia], tab["inclination"][ii], rad.DEPTH_GRID[idp]
    for phase in (0.0, 0.3, 1.0):
        np.testing.assert_allclose(
            rad.dose_rate_trapped(h, inc, d, phase), rad.dose_rate_trapped_exact(h, inc, d, phase), rtol=1e-9
        )
        np.testing.assert_allclose(
            rad.penetrating_proton_flux(h, inc, d, phase),
            rad.penetrating_proton_flux_exact(h, inc, d, phase),
            rtol=1e-9,
            atol=1e-12,
        )
    n = 400
    h = rng.uniform(300e3, 2000e3, n)
    inc = rng.uniform(0.0, math.pi, n)
    d = rng.uniform(1.0, 60.0, n)
    a, b = rad.dose_rate_trapped(h, inc, d), rad.dose_rate_trapped_exact(h, inc, d)
    ok = b > 0.01 / YEAR  # doses that matter (above 0.01 Gy/yr; GCR alone gives ~0.05)
    assert ok.sum() > 300
    assert np.quantile(np.abs(a[ok] / b[ok] - 1), 0.95) < 0.10


@pytest.mark.parametrize("axis", ["altitude", "inclination", "depth"])
def test_table_bracketing_by_lookup_equals_the_binary_search(axis):
    """The fast tables' bracketing by bin lookup (``_bracket_axis``) returns the interval and
    weight of the binary search (``_bracket``, numpy.searchsorted) exactly: at every node, one
    ulp either side of it, beyond both ends and at 20,000 random points."""
    tab = rad.load_table()
    grid = {"altitude": tab["altitude"], "inclination": tab["inclination"], "depth": rad.DEPTH_GRID}[axis]
    span = grid[-1] - grid[0]
    rng = np.random.default_rng(5)
    x = np.concatenate(
        [
            grid,
            np.nextafter(grid, -np.inf),
            np.nextafter(grid, np.inf),
            rng.uniform(grid[0] - 0.1 * span, grid[-1] + 0.1 * span, 20_000),
            [-np.inf, np.inf, grid[0] - span, grid[-1] + span],
        ]
    )
    i_lookup, w_lookup = rad._bracket_axis(axis, x)
    i_search, w_search = rad._bracket(grid, x)
    np.testing.assert_array_equal(i_lookup, i_search)
    np.testing.assert_array_equal(w_lookup, w_search)


def test_fast_table_interpolation_is_trilinear_in_the_log():
    """dose_rate_trapped and penetrating_proton_flux between nodes equal an independent
    trilinear interpolation of the log tables (scipy RegularGridInterpolator, retrograde
    inclinations folded, values below 1e-25 taken as 0, solar states mixed linearly) within
    1e-11 relative (rounding of the log, amplified by exp)."""
    from scipy.interpolate import RegularGridInterpolator

    tab = rad.load_table()
    rng = np.random.default_rng(6)
    n = 2000
    h = rng.uniform(100e3, 3100e3, n)  # beyond both ends of the altitude grid: clipped
    inc = rng.uniform(0.0, math.pi, n)
    d = rng.uniform(-5.0, 210.0, n)
    s = rng.uniform(-0.2, 1.2, n)
    pts = np.column_stack(
        [
            np.clip(h, tab["altitude"][0], tab["altitude"][-1]),
            np.where(inc > math.pi / 2, math.pi - inc, inc),
            np.clip(d, rad.DEPTH_GRID[0], rad.DEPTH_GRID[-1]),
        ]
    )
    sc = np.clip(s, 0.0, 1.0)
    for name, fn in (("dose_trapped", rad.dose_rate_trapped), ("proton_flux_30", rad.penetrating_proton_flux)):
        lo, hi = (
            np.exp(
                RegularGridInterpolator((tab["altitude"], tab["inclination"], rad.DEPTH_GRID), tab["log_" + name][k])(
                    pts
                )
            )
            for k in (0, 1)
        )
        lo, hi = np.where(lo < 1e-25, 0.0, lo), np.where(hi < 1e-25, 0.0, hi)
        np.testing.assert_allclose(fn(h, inc, d, s), lo * (1 - sc) + hi * sc, rtol=1e-11, atol=0.0)


def test_environment_equals_the_separate_kernels():
    """environment() (one bracketing, both tables in one gather, shared exposures) returns what
    dose_rate_trapped, dose_rate_gcr, spe_dose_rate, penetrating_proton_flux and gcr_exposure
    return one by one, bit for bit; a scalar orbit and shield give the values of the same
    inputs broadcast to arrays, bit for bit."""
    rng = np.random.default_rng(7)
    n = 3000
    h = rng.uniform(150e3, 3200e3, n)
    inc = rng.uniform(-0.1, math.pi + 0.1, n)
    d = rng.uniform(-1.0, 220.0, n)
    s = rng.uniform(-0.1, 1.1, n)
    got = rad.environment(h, inc, d, s)
    want = (
        rad.dose_rate_trapped(h, inc, d, s),
        rad.dose_rate_gcr(inc, s),
        rad.spe_dose_rate(inc, d, s),
        rad.penetrating_proton_flux(h, inc, d, s),
        rad.gcr_exposure(inc),
    )
    for a, b in zip(got, want, strict=True):
        np.testing.assert_array_equal(a, b)
    one = rad.environment(700e3, 1.7, 10.0, s)  # only the solar phase varies
    full = rad.environment(np.full(n, 700e3), np.full(n, 1.7), np.full(n, 10.0), s)
    for a, b in zip(one, full, strict=True):
        np.testing.assert_array_equal(np.broadcast_to(a, np.shape(b)), b)
    upset = rad.single_event_rate(got[3], 1e-9, 1e-7, inc, s)
    assert np.array_equal(upset, rad.single_event_rate(got[3], 1e-9, 1e-7, inc, s, exposure=got[4]))


def test_environment_scalar_is_the_array_path_on_floats():
    """environment_scalar() (math on one orbit's floats, for single scenarios) returns what
    environment() returns for the same inputs: 3,000 random points inside and outside the
    table (clipped altitude, retrograde inclinations, shields below 0 and above 200 kg/m2,
    solar phase outside 0..1) and the grid's own nodes.  Tolerance 1e-12 relative (math's exp,
    sin and asin may differ from numpy's in the last bit; on this machine they agree exactly)."""
    rng = np.random.default_rng(11)
    tab = rad.load_table()
    points = list(
        zip(
            rng.uniform(150e3, 3200e3, 3000),
            rng.uniform(-0.1, math.pi + 0.1, 3000),
            rng.uniform(-1.0, 220.0, 3000),
            rng.uniform(-0.1, 1.1, 3000),
            strict=True,
        )
    )
    points += [
        (float(h), float(i), float(d), s)
        for h in tab["altitude"][::7]
        for i in tab["inclination"][::3]
        for d in rad.DEPTH_GRID[::5]
        for s in (0.0, 1.0)
    ]
    for h, inc, d, s in points:
        want = rad.environment(float(h), float(inc), float(d), float(s))
        got = rad.environment_scalar(float(h), float(inc), float(d), float(s))
        for a, b in zip(want, got, strict=True):
            assert type(b) is float
            assert b == pytest.approx(float(a), rel=1e-12, abs=0.0), (h, inc, d, s)


# ----------------------------------------------------------------------------- published dose-depth curve
# SPENVIS 4.6.11 SHIELDOSE-2 output, "4pi Dose at Centre of Al Spheres", target silicon, 550 km
# circular orbit, AP-8 MIN protons and AE-8 MAX electrons, 1825 days from 2023-01-01, published
# with T. Pfandzelter and D. Bermbach (2023), "Edge Computing in Low-Earth Orbit -- What Could
# Possibly Go Wrong?", LEO-NET '23 (ACM), arXiv:2302.08952; data files
# github.com/pfandzelter/leo-edge-failure-models, compute-failure/results/{50,100}.txt
# (method in compute-failure/README.md).  Total dose (trapped electrons + bremsstrahlung +
# trapped protons) in rad(Si) over the 1825 days, at aluminium sphere radii in mm.
SPENVIS_550KM_DEPTH_MM = (0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 10.0, 20.0)
SPENVIS_550KM_TOTAL_RAD = {
    50.0: (6.7015e4, 1.8836e4, 6.9512e3, 3.6360e3, 2.2222e3, 1.2257e3, 8.8302e2, 6.3683e2),
    100.0: (9.2511e4, 3.3331e4, 1.1605e4, 5.1537e3, 2.5890e3, 9.7155e2, 5.6937e2, 4.1173e2),
}
SPENVIS_550KM_PROTON_RAD = {
    50.0: (3.9075e3, 2.3388e3, 1.6103e3, 1.3445e3, 1.2076e3, 1.0437e3, 8.6833e2, 6.2992e2),
    100.0: (2.1285e3, 1.3545e3, 9.7506e2, 8.2789e2, 7.5057e2, 6.5585e2, 5.5014e2, 4.0246e2),
}
AL_KG_M2_PER_MM = 2.70  # aluminium 2,700 kg/m3


def _orbitdc_550km(inclination_deg, electrons_phase=1.0, protons_phase=0.0):
    """orbitdc's exact kernels with SPENVIS's model choice (AE8MAX electrons, AP8MIN protons),
    total over 1825 days in rad(Si); returns (total, protons)."""
    tab = rad.load_table()
    h, inc = 550e3, math.radians(inclination_deg)
    d = np.asarray(SPENVIS_550KM_DEPTH_MM) * AL_KG_M2_PER_MM
    fe, _ = rad.trapped_spectra(h, inc, electrons_phase)
    _, fp = rad.trapped_spectra(h, inc, protons_phase)
    to_rad = 1825 * 86400.0 * 100.0  # Gy/s over 1825 days -> rad
    e = rad.dose_rate_from_spectra("e", tab["energy_e"], fe, d) * to_rad
    p = rad.dose_rate_from_spectra("p", tab["energy_p"], fp, d) * to_rad
    return e + p, p


@pytest.mark.parametrize("inclination_deg", [50.0, 100.0])
def test_dose_depth_curve_matches_spenvis_shieldose2(inclination_deg):
    """Dose-depth curve at the centre of aluminium spheres against SPENVIS/SHIELDOSE-2 (source
    above): 550 km at 50 deg and 100 deg (sun-synchronous-like), 0.5-20 mm spanning the
    electron-dominated (<= 3 mm) and proton-dominated (>= 6 mm) regimes.

    Tolerance: every depth within a factor 1.5 of the published total (AE8/AP8 dose
    comparisons between codes, with different orbit sampling, spectrum interpolation and
    electron transport, agree to a factor 1.5-2; orbitdc's straight-ahead electron ranges and
    its neglect of nuclear attenuation are simpler than SHIELDOSE-2's Monte Carlo kernels).
    Observed: 0.73-0.82 at 50 deg, 0.77-0.87 at 100 deg.  Also checked, so a compensating error
    cannot hide: the proton component alone within a factor 1.35 (observed 0.78-0.80), and the
    shape, the ratio varying by less than 30 % across the curve (a kink, such as the 300 MeV
    spike fixed in _power_law, fails here: it put the 6 mm ratio at 1.00 among 0.8s).
    """
    got, got_p = _orbitdc_550km(inclination_deg)
    ratio = got / np.asarray(SPENVIS_550KM_TOTAL_RAD[inclination_deg])
    ratio_p = got_p / np.asarray(SPENVIS_550KM_PROTON_RAD[inclination_deg])
    assert np.all((ratio > 1 / 1.5) & (ratio < 1.5)), ratio
    assert np.all((ratio_p > 1 / 1.35) & (ratio_p < 1.35)), ratio_p
    assert ratio.max() / ratio.min() < 1.3, ratio


def test_spenvis_comparison_sees_the_solar_phase_of_each_belt():
    """The comparison above can fail: with AE8MIN electrons in place of SPENVIS's AE8MAX the
    electron-dominated 1 mm dose falls below half the published one (AE8MIN/AE8MAX at 550 km
    is about 0.45 in this table)."""
    wrong, _ = _orbitdc_550km(50.0, electrons_phase=0.0)
    assert wrong[1] / SPENVIS_550KM_TOTAL_RAD[50.0][1] < 1 / 1.5


def test_power_law_spectrum_ending_in_zero_flux_has_no_spike():
    """An integral spectrum whose last threshold has zero flux (AP8 above 400 MeV, AE8 above
    its last energy at low altitude) is a spectrum ending at its last non-zero node, with the
    tail rule above it; a power law down to the zero floor would put the whole flux above that
    node in a spike a few keV wide, which the residual-range quadrature samples or misses by
    chance (the dose jumped 30 % between 5.75 and 6 mm at 550 km, 50 deg).  The dose must
    equal that of the same spectrum with the zero node removed within 5 % (the two use
    residual-range grids reaching 4 and 3 GeV, whose quadratures differ by up to 3 %; the
    spike gave +30 %) and fall smoothly with depth (each 0.25 mm step within -10 % and +1 % (quadrature ripple))."""
    e = np.array([10.0, 30.0, 100.0, 300.0, 400.0])
    f = np.array([50.0, 30.0, 15.0, 2.0, 0.0])
    d = np.arange(3.0, 10.01, 0.25) * AL_KG_M2_PER_MM
    with_zero = rad.dose_rate_from_spectra("p", e, f, d)
    without = rad.dose_rate_from_spectra("p", e[:-1], f[:-1], d)
    np.testing.assert_allclose(with_zero, without, rtol=0.05)
    step = with_zero[1:] / with_zero[:-1]
    assert np.all((step < 1.01) & (step > 0.90)), step
