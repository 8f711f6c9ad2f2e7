"""The ``power`` pipeline module, exercised through ``orbitdc.evaluate``.

The orbit, thermal and links stages are replaced by a stub (``stub_pipeline`` of
tests/conftest.py) that writes fixed, hand-chosen values for every upstream output the power
stage reads, so every output can be
checked against a hand calculation written out below (SMAD 3rd ed. section 11.4 method:
Wertz & Larson 1999).  The real upstream modules are tested in their own files.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import stub_pipeline

import orbitdc
from orbitdc import ScenarioError
from orbitdc import sections as secmod
from orbitdc.kernels import power as kpower
from orbitdc.model import evaluate_si
from orbitdc.physics import power_system
from orbitdc.scenario import Scenario
from orbitdc.sections import power

AU = 149_597_870_700.0
APHELION = 152.099e9  # NASA Earth Fact Sheet aphelion [m]
YEAR = 365.25 * 86400.0

UP = {
    "orbit.altitude": 550e3,
    "orbit.beta_min": -0.3,  # straddles 0: the year's smallest |beta| is 0 (hot case)
    "orbit.beta_max": 0.5,
    "orbit.beta_abs_min": 0.0,
    "orbit.sun_distance_max": APHELION,  # the farthest the Earth gets from the Sun
    "orbit.period": 5700.0,
    "orbit.eclipse_fraction_max": 0.35,
    "orbit.eclipse_duration_max": 0.35 * 5700.0,
    "orbit.eclipse_days": 365.0,
    "thermal.heat_pump_power": 0.0,
    "links.power": 0.0,
}


def _upstream(values):
    return stub_pipeline(power, values)


@pytest.fixture
def pipeline(monkeypatch):
    """Install stub upstream stages + the real power module; returns a setter for the stub."""
    state = {"values": dict(UP)}

    def install(**changes):
        state["values"] = {**UP, **{k.replace("__", "."): v for k, v in changes.items()}}
        monkeypatch.setattr(secmod, "MODULES", _upstream(state["values"]))

    install()
    return install


def ev(**overrides):
    return orbitdc.evaluate(Scenario().with_overrides({k.replace("__", "."): v for k, v in overrides.items()}))


def _si(r, key):
    return float(np.asarray(r.si[key]))


# ------------------------------------------------------------------ hand calculation ----


def _hand_cell_temperature(s, altitude, eta_ref=0.30, beta=-0.0022, packing=0.90):
    """Sun-pointing panel at orbit noon with beta = 0: back face nadir-facing, front face
    sees no Earth, full albedo. Energy balance solved with scipy's brentq (independent of
    the stage's fixed-point iteration). Optical defaults are thermal.solar_cell_temperature's."""
    import inspect

    from scipy.optimize import brentq

    from orbitdc.physics import thermal

    d = {k: v.default for k, v in inspect.signature(thermal.solar_cell_temperature).parameters.items()}
    af, ef, eb = d["absorptivity_front"], d["emissivity_front"], d["emissivity_back"]
    f_back = (6_378_137.0 / (6_378_137.0 + altitude)) ** 2  # plate facing a sphere
    sigma = 5.670374419e-8

    def balance(t):
        eta = eta_ref * (1 + beta * (t - 301.15))
        absorbed = af * s + s * d["albedo"] * 1.0 * eb * f_back + d["earth_ir"] * eb * f_back
        return absorbed - eta * packing * s - (ef + eb) * sigma * (t**4 - d["space_temperature"] ** 4)

    t = brentq(balance, 200.0, 500.0, xtol=1e-10)
    return t, eta_ref * (1 + beta * (t - 301.15))


@pytest.mark.parametrize(
    "eta_ref, coeff, packing, altitude",
    [
        (0.30, -0.0022, 0.90, 550e3),  # defaults
        (0.45, -0.0100, 0.95, 300e3),  # the field bounds' most strongly coupled corner
        (0.22, -0.0045, 0.85, 1200e3),  # silicon
    ],
)
def test_cell_temperature_against_root_finder(pipeline, eta_ref, coeff, packing, altitude):
    pipeline(orbit__altitude=altitude)
    r = ev(power__cell_efficiency=eta_ref, power__temperature_coefficient=coeff, power__packing_factor=packing)
    s = 1361.0 * (AU / APHELION) ** 2
    t_cell, eta = _hand_cell_temperature(s, altitude, eta_ref, coeff, packing)
    assert _si(r, "power.cell_temperature") == pytest.approx(t_cell, abs=1e-6)
    assert _si(r, "power.cell_efficiency_bol") == pytest.approx(eta, rel=1e-9)


def test_default_scenario_matches_hand_calculation(pipeline):
    r = ev()
    load = 100e3 * (1 + 0.05)  # payload + 5 % bus
    s = 1361.0 * (AU / APHELION) ** 2  # aphelion irradiance, 1316.6 W/m2
    # defaults moved by issue 13: silicon cells (0.22, -0.45 %/K, 2.5 %/yr, 2.5 kg/m2), modern
    # high-voltage bus path efficiencies (0.92 / 0.85), 180 Wh/kg packs, depth of discharge from
    # the cycle life with a 1.5 margin
    t_cell, eta = _hand_cell_temperature(s, 550e3, 0.22, -0.0045)
    assert 320 < t_cell < 370  # LEO arrays run at 20-85 C (Landis 1994)
    assert _si(r, "power.cell_temperature") == pytest.approx(t_cell, abs=1e-4)
    ld = 0.975**5  # 2.5 %/yr for 5 yr
    p_sa = load / 0.92 + load / 0.85 * 0.35 / 0.65  # SMAD eq. 11-5
    per_area = s * eta * 0.90 * (1 - 0.02) * ld  # EOL W/m2
    area = p_sa / per_area
    cycles = 365 * (86400 / 5700) * 5  # eclipse days x orbits/day x years
    dod = 0.30 * (30000 / (1.5 * cycles)) ** (1 / 1.5)  # N(D) = N_ref (D / D_ref)^-1.5 = 1.5 cycles
    assert 0.2 < dod < 0.6
    energy = load * 0.35 * 5700 / (dod * 0.90)  # P T_e / (DoD n)

    assert _si(r, "power.load") == pytest.approx(load, rel=1e-12)
    assert _si(r, "power.irradiance") == pytest.approx(1316.6, abs=0.1)
    assert _si(r, "power.irradiance") == pytest.approx(s, rel=1e-12)
    assert _si(r, "power.cell_efficiency_bol") == pytest.approx(eta, rel=1e-8)
    assert _si(r, "power.cell_efficiency_eol") == pytest.approx(eta * ld, rel=1e-8)
    assert _si(r, "power.array_power_eol") == pytest.approx(p_sa, rel=1e-12)
    assert _si(r, "power.array_power_bol") == pytest.approx(p_sa / ld, rel=1e-12)
    assert _si(r, "power.array_area") == pytest.approx(area, rel=1e-8)
    assert _si(r, "power.array_mass") == pytest.approx(area * 2.5, rel=1e-8)
    assert _si(r, "power.battery_energy") == pytest.approx(energy, rel=1e-12)
    assert _si(r, "power.battery_mass") == pytest.approx(energy / (180 * 3600), rel=1e-12)
    assert _si(r, "power.depth_of_discharge") == pytest.approx(dod, rel=1e-12)
    assert _si(r, "power.battery_cycles") == pytest.approx(cycles, rel=1e-12)
    assert _si(r, "power.battery_cycle_life") == pytest.approx(1.5 * cycles, rel=1e-12)
    assert _si(r, "power.battery_cycle_life_margin") == pytest.approx(1 - 1 / 1.5, rel=1e-12)
    # display units
    assert r["power.load"].to("kW").magnitude == pytest.approx(105.0)
    assert r["power.battery_energy"].to("kWh").magnitude == pytest.approx(energy / 3.6e6)


def test_extra_loads_from_thermal_and_links(pipeline):
    base = ev()
    pipeline(thermal__heat_pump_power=7000.0, links__power=3000.0)
    more = ev()
    assert _si(more, "power.load") == pytest.approx(_si(base, "power.load") + 10_000.0, rel=1e-12)
    ratio = _si(more, "power.load") / _si(base, "power.load")
    for key in ("power.array_area", "power.array_mass", "power.battery_energy", "power.battery_mass"):
        assert _si(more, key) == pytest.approx(_si(base, key) * ratio, rel=1e-12)  # linear in load


def test_uses_orbit_sun_distance_max_when_given(pipeline):
    pipeline(orbit__sun_distance_max=AU)
    assert _si(ev(), "power.irradiance") == pytest.approx(1361.0, rel=1e-12)


# ------------------------------------------------------------------ real pipeline -------


def test_real_pipeline_power_keys_consistent_with_orbit():
    # The full pipeline (real orbit, thermal, links): the power outputs follow from the
    # orbit outputs by the SMAD formulas (hand calculation from the result's own values).
    r = orbitdc.evaluate()
    si = r.si
    load = 100e3 * 1.05 + si.get("thermal.heat_pump_power", 0.0) + si.get("links.power", 0.0)
    assert si["power.load"] == pytest.approx(load, rel=1e-12)
    f = si["orbit.eclipse_fraction_max"]
    assert si["power.array_power_eol"] == pytest.approx(load / 0.92 + load / 0.85 * f / (1 - f), rel=1e-12)
    years = 5.0
    cycles = si["orbit.eclipse_days"] * 86400.0 / si["orbit.period"] * years
    dod = min(0.6, 0.3 * (30000 / (1.5 * cycles)) ** (1 / 1.5))  # depth from cycle life, capped
    assert si["power.battery_energy"] == pytest.approx(load * si["orbit.eclipse_duration_max"] / (dod * 0.9), rel=1e-12)
    assert si["power.irradiance"] == pytest.approx(1361.0 / (si["orbit.sun_distance_max"] / AU) ** 2, rel=1e-12)
    assert si["power.battery_cycles"] == pytest.approx(cycles, rel=1e-12)
    assert 280.0 < si["power.cell_temperature"] < 360.0  # LEO arrays: about 20-85 C (Landis 1994)
    for key in ("power.array_area", "power.array_mass", "power.battery_mass", "power.mass_per_watt"):
        assert np.isfinite(si[key]) and si[key] > 0


def test_real_pipeline_noon_orbit_needs_more_battery_than_dawn_dusk():
    # A noon-midnight SSO (ltan 12 h) is eclipsed every orbit for ~35 % of it; a dawn-dusk
    # SSO only in a short season: more battery, more array, more cycles at noon.
    dd = orbitdc.evaluate()
    noon = orbitdc.evaluate(Scenario().with_overrides({"orbit.ltan": "12 h"}))
    for key in ("power.battery_mass", "power.array_area", "power.battery_cycles"):
        assert _si(noon, key) > _si(dd, key)
    assert _si(noon, "power.battery_cycle_life_margin") < _si(dd, "power.battery_cycle_life_margin")


# ------------------------------------------------------------------ direction of change -


@pytest.mark.parametrize(
    "override, key, direction",
    [
        ({"power.payload_power": "200 kW"}, "power.array_area", +1),
        ({"power.payload_power": "200 kW"}, "power.battery_mass", +1),
        ({"power.bus_power_fraction": 0.2}, "power.system_mass", +1),
        ({"power.cell_efficiency": 0.32}, "power.array_area", -1),
        ({"power.cell_type": "triple_junction"}, "power.array_area", -1),
        ({"power.cell_type": "thin_film"}, "power.array_mass", -1),
        ({"power.temperature_coefficient": -0.006}, "power.array_area", +1),
        ({"power.packing_factor": 0.8}, "power.array_area", +1),
        ({"power.pointing_loss": 0.1}, "power.array_area", +1),
        ({"power.degradation_per_year": 0.03}, "power.array_power_bol", +1),
        ({"power.mission_life": "10 yr"}, "power.array_area", +1),
        ({"power.mission_life": "10 yr"}, "power.battery_cycles", +1),
        ({"power.mission_life": "10 yr", "power.dod_rule": "fixed"}, "power.battery_cycle_life_margin", -1),
        ({"power.mission_life": "10 yr"}, "power.depth_of_discharge", -1),
        ({"power.array_areal_density": 1.5}, "power.array_mass", -1),
        ({"power.dod_rule": "fixed", "power.depth_of_discharge": 0.5}, "power.battery_mass", -1),
        ({"power.dod_rule": "fixed", "power.depth_of_discharge": 0.5}, "power.battery_cycle_life", -1),
        ({"power.battery_cycle_margin": 2.0}, "power.battery_mass", +1),
        ({"power.battery_specific_energy": "250 Wh/kg"}, "power.battery_mass", -1),
        ({"power.battery_efficiency": 0.95}, "power.battery_energy", -1),
        ({"power.path_efficiency_eclipse": 0.6, "power.path_efficiency_daylight": 0.8}, "power.array_power_eol", +1),
    ],
)
def test_direction_of_change(pipeline, override, key, direction):
    base = _si(ev(), key)
    new = _si(orbitdc.evaluate(Scenario().with_overrides(override)), key)
    assert np.sign(new - base) == direction


def test_longer_eclipse_more_battery_and_array(pipeline):
    base = ev()
    pipeline(orbit__eclipse_fraction_max=0.40, orbit__eclipse_duration_max=0.40 * 5700.0)
    longer = ev()
    assert _si(longer, "power.battery_mass") > _si(base, "power.battery_mass")
    assert _si(longer, "power.array_area") > _si(base, "power.array_area")


def test_never_eclipsed_orbit_needs_no_battery(pipeline):
    pipeline(orbit__eclipse_fraction_max=0.0, orbit__eclipse_duration_max=0.0, orbit__eclipse_days=0.0)
    r = ev()
    assert _si(r, "power.battery_energy") == 0.0
    assert _si(r, "power.battery_mass") == 0.0
    assert _si(r, "power.battery_cycles") == 0.0
    assert _si(r, "power.battery_cycle_life_margin") == 1.0
    # the array only carries the load through the direct path
    assert _si(r, "power.array_power_eol") == pytest.approx(_si(r, "power.load") / 0.92, rel=1e-12)


def test_silicon_fills():
    s = Scenario().with_overrides({"power.cell_type": "silicon"})
    assert s.raw("power.cell_efficiency") == pytest.approx(0.22)
    assert s.raw("power.temperature_coefficient") == pytest.approx(-0.0045)


@pytest.mark.parametrize(
    "cell, eff, price, density",
    [("triple_junction", 0.30, 100.0, 2.9), ("silicon", 0.22, 12.0, 2.5), ("thin_film", 0.20, 8.0, 1.0)],
)
def test_cell_family_sets_price_and_mass_too(cell, eff, price, density):
    # issue 13: the family sets efficiency, coefficient, degradation, areal density AND $/W
    s = Scenario({"power.cell_type": cell})
    assert s.raw("power.cell_efficiency") == pytest.approx(eff)
    assert s.raw("finance.array_cost_per_watt") == pytest.approx(price)
    assert s.raw("power.array_areal_density") == pytest.approx(density)
    # an explicit price in the same input wins over the family's
    assert (
        Scenario({"power.cell_type": cell, "finance.array_cost_per_watt": 55.0}).raw("finance.array_cost_per_watt")
        == 55.0
    )


def test_cell_family_decides_the_array_cost():
    # silicon: a bigger, heavier-per-W array, but far cheaper per W than III-V
    si = orbitdc.evaluate(Scenario()).si
    tj = orbitdc.evaluate(Scenario({"power.cell_type": "triple_junction"})).si
    assert si["power.array_area"] > tj["power.array_area"]
    assert si["economics.capex_array"] < 0.3 * tj["economics.capex_array"]


# ------------------------------------------------------------------ marginal mass -------


def _mass_per_watt(p, out):
    # the power system's kg/W as both stages compute it: the scenario's SI values gathered
    # by physics.power_system, the mass from the kernel
    c = power_system.per_watt(p, out)
    return kpower.mass_per_watt(c["sized"].area, c["areal_density"], c["battery_energy_per_watt"], c["specific_energy"])


def test_mass_per_watt_is_the_derivative_of_system_mass(pipeline):
    p = Scenario().to_si()
    out = dict(UP)
    k = _mass_per_watt(p, out)
    m1 = _si(ev(), "power.system_mass")
    m2 = _si(ev(power__payload_power="101 kW"), "power.system_mass")
    d_load = 1000.0 * 1.05  # +1 kW payload plus its 5 % bus
    assert k == pytest.approx((m2 - m1) / d_load, rel=1e-9)
    assert _si(ev(), "power.mass_per_watt") == pytest.approx(k, rel=1e-12)
    assert 0.005 < k < 0.2  # 5-200 kg per kW: sanity band


def test_mass_per_watt_vectorised():
    p = Scenario().to_si()
    n = 1000
    p["power.array_areal_density"] = np.linspace(1.0, 4.0, n)
    out = {
        **UP,
        "orbit.eclipse_fraction_max": np.linspace(0, 0.4, n),
        "orbit.eclipse_duration_max": np.linspace(0, 0.4, n) * 5700.0,
    }
    k = _mass_per_watt(p, out)
    assert k.shape == (n,) and np.all(np.isfinite(k)) and np.all(k > 0)
    assert np.all(np.diff(k) > 0)  # heavier array and longer eclipse


# ------------------------------------------------------------------ vectorised stage ----


def test_stage_on_arrays_matches_scalars(monkeypatch):
    monkeypatch.setattr(secmod, "MODULES", _upstream(UP))
    p = Scenario().to_si()
    loads = np.array([10e3, 100e3, 1e6])
    lives = np.array([2, 5, 12]) * YEAR
    p_arr = {**p, "power.payload_power": loads, "power.mission_life": lives}
    out = evaluate_si(p_arr)
    assert out["power.array_area"].shape == (3,)
    for i in range(3):
        one = evaluate_si({**p, "power.payload_power": loads[i], "power.mission_life": lives[i]})
        for key in ("power.array_area", "power.battery_mass", "power.battery_cycle_life_margin", "power.mass_per_watt"):
            assert one[key] == pytest.approx(out[key][i], rel=1e-12)


# ------------------------------------------------------------------ bad input -----------


@pytest.mark.parametrize(
    "key, value",
    [
        ("power.payload_power", 0.0),
        ("power.payload_power", "-5 kW"),
        ("power.cell_efficiency", 1.2),
        ("power.cell_efficiency", 0.0),
        ("power.depth_of_discharge", 0.0),
        ("power.depth_of_discharge", 1.5),
        ("power.battery_efficiency", 1.1),
        ("power.packing_factor", 0.0),
        ("power.pointing_loss", 1.0),
        ("power.mission_life", "40 yr"),
        ("power.mission_life", 0.0),
        ("power.path_efficiency_eclipse", 0.0),
        ("power.battery_specific_energy", "0 Wh/kg"),
        ("power.cell_type", "perovskite"),
        ("power.temperature_coefficient", 0.01),
    ],
)
def test_bad_fields_refused(key, value):
    with pytest.raises(ScenarioError) as exc:
        Scenario().with_overrides({key: value})
    assert exc.value.field == key


def test_cell_too_hot_for_derating_is_refused():
    # Field bounds cannot produce this; a study bypassing them (evaluate_si) must still be
    # refused rather than given a negative efficiency.
    p = {**Scenario().to_si(), "power.temperature_coefficient": -0.05}
    with pytest.raises(ScenarioError) as exc:
        power.stage(p, dict(UP))
    assert exc.value.field == "power.cell_temperature"


@pytest.mark.parametrize("beta_lo, beta_hi", [(0.6, 1.0), (1.0, 1.5)])
def test_higher_beta_cooler_cells_smaller_array(pipeline, beta_lo, beta_hi):
    # At larger |beta| the back face sees less of the Earth and less albedo: cooler cells,
    # higher efficiency, smaller array (eclipse held fixed).
    pipeline(orbit__beta_min=beta_lo, orbit__beta_max=beta_lo + 0.1, orbit__beta_abs_min=beta_lo)
    a_lo, t_lo = _si(ev(), "power.array_area"), _si(ev(), "power.cell_temperature")
    pipeline(orbit__beta_min=beta_hi, orbit__beta_max=beta_hi + 0.05, orbit__beta_abs_min=beta_hi)
    a_hi, t_hi = _si(ev(), "power.array_area"), _si(ev(), "power.cell_temperature")
    assert t_hi < t_lo and a_hi < a_lo


# ------------------------------------------------------------------ full field bounds ---
# The cell temperature over the FULL field bounds (not the study spreads), where the panel
# balance can be strongly coupled (efficiency up to 0.65, -1 %/K, no packing loss) and can
# have two temperature roots or none.  Reference: the panel energy balance written out
# below from its physical terms and solved with scipy's brentq (independent of the stage's
# quartic Newton solve); Stefan-Boltzmann constant from scipy.constants (CODATA 2018).


def _bounds(key):
    from orbitdc.scenario import field_spec

    f = field_spec(key)
    return f.low, f.high


def _full_bounds_sample(n, seed):
    """Power/thermal-relevant inputs uniformly over their full bounds (SI)."""
    rng = np.random.default_rng(seed)

    def uniform_open_low(key):  # the three fields below exclude their lower bound
        lo, hi = _bounds(key)
        x = rng.uniform(lo, hi, n)
        return np.where(x > lo, x, hi)

    lo_h, hi_h = _bounds("orbit.altitude")
    lo_c, hi_c = _bounds("power.temperature_coefficient")
    return dict(
        eta=uniform_open_low("power.cell_efficiency"),
        coeff=rng.uniform(lo_c, hi_c, n),
        packing=uniform_open_low("power.packing_factor"),
        altitude=rng.uniform(lo_h * 1e3, hi_h * 1e3, n),
        beta=rng.uniform(0.0, np.pi / 2, n),  # |beta| over its whole range
        distance=rng.uniform(147.09e9, APHELION, n),  # perihelion..aphelion (NASA fact sheet)
    )


class _Balance:
    """Absorbed - electrical - emitted flux of the Sun-pointing panel [W/m^2], per sample."""

    def __init__(self, x):
        import inspect

        from scipy import constants as sc

        from orbitdc.physics import thermal

        d = {k: v.default for k, v in inspect.signature(thermal.solar_cell_temperature).parameters.items()}
        self.af, ef, eb = d["absorptivity_front"], d["emissivity_front"], d["emissivity_back"]
        sigma = 2 * np.pi**5 * sc.k**4 / (15 * sc.h**3 * sc.c**2)
        self.s = 1361.0 * (AU / x["distance"]) ** 2
        f_back = thermal.earth_view_factor(x["altitude"], x["beta"])  # back face tilted |beta| from nadir
        f_front = thermal.earth_view_factor(x["altitude"], np.pi - x["beta"])
        phi = np.cos(x["beta"])
        self.absorbed = (
            self.af * self.s
            + self.s * d["albedo"] * phi * (self.af * f_front + eb * f_back)
            + d["earth_ir"] * (ef * f_front + eb * f_back)
        )
        self.es = (ef + eb) * sigma
        self.t0 = d["space_temperature"]
        self.eta, self.coeff, self.packing = x["eta"], x["coeff"], x["packing"]

    def efficiency(self, t, i=slice(None)):
        return self.eta[i] * (1 + self.coeff[i] * (t - 301.15))

    def __call__(self, t, i=slice(None)):
        return self.absorbed[i] - self.efficiency(t, i) * self.packing[i] * self.s[i] - self.es * (t**4 - self.t0**4)

    def t_peak(self):
        """Where the (concave) balance peaks: d/dT = -eta coeff p S - 4 es T^3 = 0."""
        return np.cbrt(-self.eta * self.coeff * self.packing * self.s / (4 * self.es))

    def largest_root(self, i):
        from scipy.optimize import brentq

        return brentq(lambda t: self(t, i), self.t_peak()[i], 2000.0, xtol=1e-12, rtol=4 * np.finfo(float).eps)


def _classify(bal):
    """Samples with a steady temperature (largest root) where the derived conditions hold."""
    has_root = bal(bal.t_peak()) >= 0  # concave: a root iff the peak is >= 0
    # the conditions at the largest root, bracketed by bisection on [t_peak, 2000 K] (vectorised)
    lo = bal.t_peak()
    hi = np.full(lo.shape, 2000.0)
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        pos = bal(mid) > 0
        lo, hi = np.where(pos, mid, lo), np.where(pos, hi, mid)
    root = 0.5 * (lo + hi)
    e = bal.efficiency(root)
    valid = has_root & (e > 0) & (e <= 1) & (e * bal.packing < bal.af)
    return valid, has_root, root


def _stage_on(x, mask):
    p = {
        **Scenario().to_si(),
        "power.cell_efficiency": x["eta"][mask],
        "power.temperature_coefficient": x["coeff"][mask],
        "power.packing_factor": x["packing"][mask],
    }
    out = {
        **UP,
        "orbit.altitude": x["altitude"][mask],
        "orbit.beta_abs_min": x["beta"][mask],
        "orbit.sun_distance_max": x["distance"][mask],
    }
    power.stage(p, out)
    return out


def test_cell_temperature_over_full_field_bounds_solves_the_balance():
    n = 20_000
    x = _full_bounds_sample(n, seed=2024)
    bal = _Balance(x)
    valid, has_root, _ = _classify(bal)
    two_roots = valid & (bal(np.zeros(n)) < 0)  # balance < 0 at 0 K: a second, unstable root
    assert valid.mean() > 0.99 and two_roots.sum() > 100  # the hard region is exercised
    out = _stage_on(x, valid)  # (2) no valid sample refused (would raise)
    t = out["power.cell_temperature"]
    eta = out["power.cell_efficiency_bol"]
    assert t.shape == (valid.sum(),) and np.all(np.isfinite(t))
    sub = {k: v[valid] for k, v in x.items()}
    b = _Balance(sub)
    # (1) the panel energy balance closes to 1e-9 of the absorbed flux
    assert np.max(np.abs(b(t)) / b.absorbed) < 1e-9
    assert eta == pytest.approx(b.efficiency(t), rel=1e-12)
    # the stable (largest) root: the balance falls through it
    assert np.all(t >= b.t_peak())
    # ... and agrees with brentq element by element on a random subset (1e-6 K)
    rng = np.random.default_rng(7)
    idx = np.concatenate(
        [rng.choice(np.flatnonzero(two_roots[valid]), 50, replace=False), rng.choice(valid.sum(), 150, replace=False)]
    )
    ref = np.array([b.largest_root(i) for i in idx])
    assert np.max(np.abs(t[idx] - ref)) < 1e-6
    # the single-scenario path (Python floats) gives the same temperatures
    for i in idx[:100]:
        one = {k: np.array([v[i]]) for k, v in sub.items()}
        p = {
            **Scenario().to_si(),
            "power.cell_efficiency": float(one["eta"][0]),
            "power.temperature_coefficient": float(one["coeff"][0]),
            "power.packing_factor": float(one["packing"][0]),
        }
        o = {
            **UP,
            "orbit.altitude": float(one["altitude"][0]),
            "orbit.beta_abs_min": float(one["beta"][0]),
            "orbit.sun_distance_max": float(one["distance"][0]),
        }
        power.stage(p, o)
        assert o["power.cell_temperature"] == pytest.approx(t[i], rel=1e-12)


def test_full_field_bounds_refusals_are_exactly_the_cases_without_a_steady_state():
    n = 20_000
    x = _full_bounds_sample(n, seed=2024)
    valid, has_root, _ = _classify(_Balance(x))
    bad = np.flatnonzero(~valid)
    assert 0 < bad.size < 0.01 * n
    for i in bad:  # each refused on its own
        p = {
            **Scenario().to_si(),
            "power.cell_efficiency": float(x["eta"][i]),
            "power.temperature_coefficient": float(x["coeff"][i]),
            "power.packing_factor": float(x["packing"][i]),
        }
        o = {
            **UP,
            "orbit.altitude": float(x["altitude"][i]),
            "orbit.beta_abs_min": float(x["beta"][i]),
            "orbit.sun_distance_max": float(x["distance"][i]),
        }
        with pytest.raises(ScenarioError) as exc:
            power.stage(p, o)
        if not has_root[i]:
            assert exc.value.field == "power.cell_efficiency"
            assert "no solution" in str(exc.value)
    with pytest.raises(ScenarioError):  # and the vectorised stage refuses the batch
        _stage_on(x, np.ones(n, dtype=bool))


def test_no_steady_temperature_is_refused():
    # 65 % cells at -1 %/K, fully packed, on a panel that sees little Earth (|beta| 85 deg,
    # 2000 km): the balance's peak (at T = (-eta coeff p S / (4 (ef+eb) sigma))^(1/3)) is
    # negative, i.e. the panel radiates more than it keeps at every temperature.
    x = {
        "eta": np.array([0.65]),
        "coeff": np.array([-0.01]),
        "packing": np.array([1.0]),
        "altitude": np.array([2000e3]),
        "beta": np.radians([85.0]),
        "distance": np.array([APHELION]),
    }
    b = _Balance(x)
    assert b(b.t_peak())[0] < 0
    with pytest.raises(ScenarioError) as exc:
        _stage_on(x, np.array([True]))
    assert exc.value.field == "power.cell_efficiency"
