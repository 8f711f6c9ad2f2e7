"""The power-system kernels (orbitdc.kernels.power) that the power and thermal stages share.

Sources and tolerances (each case states its own):
- SMAD: Wertz & Larson (1999), Space Mission Analysis and Design, 3rd ed., section 11.4,
  FireSat: 110 W in daylight and eclipse, T_e = 35.3 min, T_d = 63.5 min, X_e = 0.6,
  X_d = 0.8; the book rounds the required array power to P_sa = 239 W (eq. 11-5).
- The sizing is linear in load (SMAD eq. 11-5 and the battery capacity of section 11.4.2
  scale with the load), so the kernel's mass per watt equals the power stage's
  (array + battery mass) / load and its finite difference between two loads, to rounding
  (1e-9 relative).
- The checked API (orbitdc.physics.solar, .battery, .thermal) computes the same formulas
  with argument checks; the kernels agree with it to rounding (1e-12 relative).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from orbitdc.constants import DAY, JULIAN_YEAR
from orbitdc.kernels import power as kp
from orbitdc.physics import battery, solar, thermal
from orbitdc.scenario import Scenario
from orbitdc.sections import power as power_stage

ORBIT = {  # hand-chosen upstream outputs (SI): a 550 km orbit at its worst eclipse
    "orbit.altitude": 550e3,
    "orbit.beta_abs_min": 0.2,
    "orbit.sun_distance_max": 152.099e9,  # aphelion, NASA Earth Fact Sheet
    "orbit.period": 5700.0,
    "orbit.eclipse_fraction_max": 0.35,
    "orbit.eclipse_duration_max": 0.35 * 5700.0,
    "orbit.eclipse_days": 365.0,
    "thermal.heat_pump_power": 0.0,
    "links.power": 0.0,
}
PANEL = dict(  # solar_cell_temperature's defaults
    absorptivity_front=0.91,
    emissivity_front=0.85,
    emissivity_back=0.80,
    earth_ir=237.0,
    albedo=0.30,
    space_temperature=2.7255,
)


def _kernel_mass_per_watt(p, o):
    """kg/W from the kernels alone, every argument written out from the SI values."""
    s = kp.irradiance(o["orbit.sun_distance_max"])
    beta = o["orbit.beta_abs_min"]
    _, eta, ok = kp.cell_temperature(
        s,
        p["power.cell_efficiency"],
        p["power.temperature_coefficient"],
        p["power.packing_factor"],
        solar.REFERENCE_TEMPERATURE,
        thermal.earth_view_factor(o["orbit.altitude"], math.pi - beta),
        thermal.earth_view_factor(o["orbit.altitude"], beta),
        math.cos(beta),
        **PANEL,
    )
    assert np.all(ok)
    years = p["power.mission_life"] / JULIAN_YEAR
    ld = kp.degradation_factor(p["power.degradation_per_year"], years)
    _, _, area, _ = kp.array_per_watt(
        s,
        eta,
        p["power.packing_factor"],
        p["power.pointing_loss"],
        ld,
        o["orbit.eclipse_fraction_max"],
        p["power.path_efficiency_daylight"],
        p["power.path_efficiency_eclipse"],
    )
    _, dod = kp.cycles_and_dod(
        o["orbit.eclipse_days"],
        o["orbit.period"],
        years,
        p["power.depth_of_discharge"],
        p["power.dod_rule"] == "fixed",
        p["power.battery_cycle_life"],
        p["power.battery_cycle_life_dod"],
        p["power.battery_cycle_life_exponent"],
        p["power.battery_cycle_margin"],
    )
    e = kp.battery_energy_per_watt(o["orbit.eclipse_duration_max"], dod, p["power.battery_efficiency"])
    return kp.mass_per_watt(area, p["power.array_areal_density"], e, p["power.battery_specific_energy"])


def _stage_mass(p, load_payload):
    out = dict(ORBIT)
    power_stage.stage({**p, "power.payload_power": load_payload}, out)
    return out["power.array_mass"] + out["power.battery_mass"], out["power.load"]


@pytest.mark.parametrize("cell", ["silicon", "triple_junction", "thin_film"])
@pytest.mark.parametrize("rule", ["cycle_life", "fixed"])
def test_mass_per_watt_is_the_finite_difference_of_the_stage_mass(cell, rule):
    # linear sizing (SMAD 11.4): d(array + battery mass)/d(load) is the per-watt mass; 1e-9
    p = Scenario({"power.cell_type": cell, "power.dod_rule": rule}).to_si()
    k = _kernel_mass_per_watt(p, ORBIT)
    m1, l1 = _stage_mass(p, 100e3)
    m2, l2 = _stage_mass(p, 101e3)
    assert k == pytest.approx((m2 - m1) / (l2 - l1), rel=1e-9)
    assert k == pytest.approx(m1 / l1, rel=1e-9)  # average and marginal coincide
    assert 0.005 < k < 0.2  # 5-200 kg per kW: the band of flown and projected power systems


def test_array_per_watt_reproduces_smad_firesat():
    # SMAD 3rd ed. section 11.4.1 FireSat: P_sa = 239 W for 110 W (book rounding; 0.5 %)
    te, td = 35.3 * 60.0, 63.5 * 60.0
    p_eol, p_bol, area, per_area = kp.array_per_watt(1361.0, 0.148, 1.0, 0.0, 0.826, te / (te + td), 0.8, 0.6)
    assert 110.0 * p_eol == pytest.approx(239.0, rel=5e-3)
    assert p_bol == pytest.approx(p_eol / 0.826, rel=1e-15)
    assert area * per_area == pytest.approx(p_eol, rel=1e-15)


def test_kernels_match_the_checked_api():
    # same formulas behind argument checks (physics.solar, .battery, .thermal): 1e-12
    s = kp.irradiance(152.099e9)
    assert s == pytest.approx(solar.solar_irradiance(152.099e9), rel=1e-12)
    assert kp.degradation_factor(0.025, 7.0) == pytest.approx(solar.degradation_factor(7.0, 0.025), rel=1e-12)
    sized = solar.size_array(
        1.0, 0.35, s, 0.2, 7.0, 0.025, packing_factor=0.9, pointing_loss=0.02,
        path_efficiency_eclipse=0.85, path_efficiency_daylight=0.92,
    )  # fmt: skip
    ld = kp.degradation_factor(0.025, 7.0)
    got = kp.array_per_watt(s, 0.2, 0.9, 0.02, ld, 0.35, 0.92, 0.85)
    for a, b in zip(got, sized):
        assert a == pytest.approx(b, rel=1e-12)
    e = kp.battery_energy_per_watt(2000.0, 0.4, 0.9)
    assert e == pytest.approx(battery.battery_energy(1.0, 2000.0, 0.4, 0.9), rel=1e-12)
    t = kp.panel_temperature(s, 0.2, 0.91, 0.85, 0.80, 0.80, 237.0, 0.3, 0.1, 0.3, 0.9, 1.0, 2.7255)
    assert t == pytest.approx(
        thermal.solar_cell_temperature(s, efficiency=0.2, view_factor=0.1, view_factor_back=0.3, albedo_factor=0.9),
        rel=1e-12,
    )


def test_cycle_life_rule_gives_the_deepest_dod_that_lasts():
    # N(D) = N_ref (D/D_ref)^-b equals margin x cycles at the chosen depth (SMAD 11.4.2); 1e-12
    cycles, dod = kp.cycles_and_dod(365.0, 5700.0, 5.0, 0.6, False, 30000.0, 0.3, 1.5, 1.5)
    assert cycles == pytest.approx(365.0 * DAY / 5700.0 * 5.0, rel=1e-15)
    assert 0.05 < dod < 0.6
    assert battery.cycle_life_at_dod(dod, 30000.0, 0.3, 1.5) == pytest.approx(1.5 * cycles, rel=1e-12)
    assert kp.cycles_and_dod(365.0, 5700.0, 5.0, 0.6, True, 30000.0, 0.3, 1.5, 1.5)[1] == 0.6
    # a few eclipses: the cap; a very long mission: the floor
    assert kp.cycles_and_dod(20.0, 5700.0, 1.0, 0.6, False, 30000.0, 0.3, 1.5, 1.5)[1] == 0.6
    assert kp.cycles_and_dod(365.0, 5700.0, 30.0, 0.6, False, 100.0, 0.3, 1.5, 1.5)[1] == kp.DOD_FLOOR


def test_cell_temperature_is_the_panel_balance_fixed_point():
    # T solves T = panel(S, eta(T) p) with eta(T) = eta_ref (1 + beta_T (T - T_ref)); 1e-12
    f_front = thermal.earth_view_factor(550e3, math.pi - 0.2)
    f_back = thermal.earth_view_factor(550e3, 0.2)
    t, eta, ok = kp.cell_temperature(1322.0, 0.3, -0.0045, 0.9, 301.15, f_front, f_back, math.cos(0.2), **PANEL)
    assert np.all(ok)
    assert eta == pytest.approx(0.3 * (1 - 0.0045 * (t - 301.15)), rel=1e-15)
    again = thermal.solar_cell_temperature(
        1322.0, efficiency=eta * 0.9, view_factor=f_front, view_factor_back=f_back, albedo_factor=math.cos(0.2)
    )
    assert again == pytest.approx(t, rel=1e-12)
    assert 290.0 < t < 360.0  # LEO arrays run 20-85 C (Landis 1994)


def test_kernels_broadcast_like_scalars():
    # arrays in, each element equal to its scalar evaluation (1e-12)
    n = 5
    p = Scenario().to_si()
    o = {**ORBIT, "orbit.eclipse_fraction_max": np.linspace(0.0, 0.4, n)}
    o["orbit.eclipse_duration_max"] = o["orbit.eclipse_fraction_max"] * 5700.0
    pa = {**p, "power.cell_efficiency": np.linspace(0.18, 0.32, n)}
    k = _kernel_mass_per_watt(pa, o)
    assert k.shape == (n,)
    for i in range(n):
        oi = {**o, "orbit.eclipse_fraction_max": float(o["orbit.eclipse_fraction_max"][i])}
        oi["orbit.eclipse_duration_max"] = float(o["orbit.eclipse_duration_max"][i])
        one = _kernel_mass_per_watt({**p, "power.cell_efficiency": float(pa["power.cell_efficiency"][i])}, oi)
        assert one == pytest.approx(k[i], rel=1e-12)
