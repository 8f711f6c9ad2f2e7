"""The ``thermal`` pipeline module, exercised through ``orbitdc.evaluate``.

Most tests replace the upstream stages (orbit, compute) by a stub (``stub_pipeline`` of
tests/conftest.py) that writes fixed, hand-chosen values for every upstream output the
thermal stage reads, so the radiator can be checked against a hand calculation written out
below (Stefan-Boltzmann balance with Howell/Gilmore edge-on view factor).  The last tests
run the real pipeline and presets end to end.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import stub_pipeline

import orbitdc
from orbitdc import ScenarioError
from orbitdc import sections as secmod
from orbitdc.model import evaluate_si
from orbitdc.scenario import Scenario
from orbitdc.sections import thermal

SIGMA = 5.670374419e-8  # CODATA Stefan-Boltzmann constant [W/m2K4]
R_E = 6_378_137.0  # WGS 84 equatorial radius [m]
AU = 149_597_870_700.0

UP = {
    "orbit.altitude": 650e3,
    "orbit.beta_min": -0.2,
    "orbit.beta_max": 0.4,
    "orbit.beta_abs_min": 0.0,
    "orbit.eclipse_fraction_max": 0.35,
    "orbit.sun_distance_min": AU,
    "orbit.sun_distance_max": AU,
    "orbit.eclipse_duration_max": 0.35 * 5862.0,  # 35 % of a 650 km period
    "orbit.period": 5862.0,
    # no battery cycles: the heat-pump trade's battery at power.depth_of_discharge
    "orbit.eclipse_days": 0.0,
}


def _compute_outputs(p, out):
    # what the compute stage would write: all IT power ends as heat, and the chip's junction
    # limit (here the thermal field's own value, so both switches agree)
    return {
        "compute.heat": p["power.payload_power"],
        "compute.junction_temperature_max": p["thermal.junction_temperature_max"],
    }


def _upstream(values):
    """A stub for the stages before thermal: fixed orbit outputs and the compute outputs above."""
    return stub_pipeline(thermal, values, _compute_outputs)


@pytest.fixture
def pipeline(monkeypatch):
    """Stub upstream + the real thermal module."""

    def install(**changes):
        values = {**UP, **{k.replace("__", "."): v for k, v in changes.items()}}
        monkeypatch.setattr(secmod, "MODULES", _upstream(values))

    install()
    return install


# end-of-life absorptance of the default radiator: 0.15 at beginning of life plus the in-orbit
# rise of HST's returned silver-Teflon, (0.155 - 0.074) over 8.25 years (de Groh et al. 2006),
# over the default 5-year life
ALPHA_EOL = 0.15 + (0.155 - 0.074) / 8.25 * 5


def _hand_area(q, t_rad, eps=0.91, alpha=ALPHA_EOL, eta=0.9, h=650e3, beta=0.0, albedo=0.30, e_ir=237.0, s=1361.0):
    """Hand calculation: two-sided panel edge-on to Earth and Sun, orbit-averaged loads."""
    hh = (R_E + h) / R_E
    x = math.sqrt(hh * hh - 1)
    f = (math.atan(1 / x) - x / hh**2) / math.pi  # Gilmore/Howell edge-on plate
    q_abs = alpha * s * albedo * (math.cos(beta) / math.pi) * 2 * f + eps * e_ir * 2 * f
    ts4 = q_abs / (2 * eps * SIGMA) + 2.7255**4
    return q / (2 * eps * SIGMA * eta * (t_rad**4 - ts4)), ts4**0.25, q_abs


def test_hand_calculation(pipeline):
    r = orbitdc.evaluate()
    q = 100e3 * 1.05  # payload + 5 % bus dissipation
    area, ts, q_abs = _hand_area(q, 358.15 - 25 - 10 - 5)
    assert r.si["thermal.waste_heat"] == pytest.approx(q, rel=1e-12)
    assert r.si["thermal.radiator_area"] == pytest.approx(area, rel=1e-9)
    assert r.si["thermal.sink_temperature"] == pytest.approx(ts, rel=1e-9)
    assert r.si["thermal.absorbed_flux"] == pytest.approx(q_abs, rel=1e-9)
    assert r.si["thermal.radiator_mass"] == pytest.approx(7.0 * area, rel=1e-9)
    assert r.si["thermal.radiator_temperature"] == pytest.approx(318.15)
    assert r.si["thermal.heat_pump_power"] == 0.0
    assert r.si["thermal.stowed_volume"] == pytest.approx(0.025 * area, rel=1e-9)
    assert r["thermal.area_per_kw"].to("m^2/kW").magnitude == pytest.approx(area / 105.0, rel=1e-9)
    # display units through pint
    assert r["thermal.radiator_area"].units == orbitdc.ureg("m^2").units
    assert r["thermal.radiator_temperature"].to("degC").magnitude == pytest.approx(45.0)


def test_compute_outputs_are_used(pipeline):
    pipeline(**{"compute.heat": 80e3, "compute.junction_temperature_max": 368.15})
    r = orbitdc.evaluate()
    q = 80e3 + 0.05 * 100e3
    area, _, _ = _hand_area(q, 368.15 - 40.0)
    assert r.si["thermal.waste_heat"] == pytest.approx(q)
    assert r.si["thermal.junction_temperature_max"] == pytest.approx(368.15)
    assert r.si["thermal.radiator_area"] == pytest.approx(area, rel=1e-9)
    off = orbitdc.evaluate(thermal__use_chip_junction_limit=False, thermal__junction_temperature_max="70 degC")
    assert off.si["thermal.junction_temperature_max"] == pytest.approx(343.15)
    assert off.si["thermal.radiator_area"] > r.si["thermal.radiator_area"]


def test_design_orbit_and_hot_case(pipeline):
    base = orbitdc.evaluate().si
    pipeline(**{"orbit.beta_abs_min": 1.2})  # high beta: less albedo
    high_beta = orbitdc.evaluate().si
    assert high_beta["thermal.albedo_flux"] < base["thermal.albedo_flux"]
    assert high_beta["thermal.radiator_area"] < base["thermal.radiator_area"]
    pipeline(**{"orbit.sun_distance_min": 0.98329 * AU})  # perihelion irradiance 1408 W/m2
    peri = orbitdc.evaluate().si
    assert peri["thermal.albedo_flux"] == pytest.approx(base["thermal.albedo_flux"] / 0.98329**2, rel=1e-9)
    peak = orbitdc.evaluate(thermal__design_case="peak").si
    assert peak["thermal.radiator_area"] > peri["thermal.radiator_area"]


def test_signed_beta_range_is_enough(pipeline, monkeypatch):
    # beta from 0.5 to 0.9 rad all year: the orbit stage writes its smallest |beta|, 0.5 rad
    values = {**UP, "orbit.beta_min": 0.5, "orbit.beta_max": 0.9, "orbit.beta_abs_min": 0.5}
    monkeypatch.setattr(secmod, "MODULES", _upstream(values))
    r = orbitdc.evaluate().si
    area, _, _ = _hand_area(105e3, 318.15, beta=0.5)
    assert r["thermal.radiator_area"] == pytest.approx(area, rel=1e-9)


@pytest.mark.parametrize(
    "key,lo,hi,direction",
    [
        ("thermal.emissivity", 0.8, 0.95, -1),
        ("thermal.absorptivity", 0.1, 0.4, +1),
        ("thermal.junction_temperature_max", "75 degC", "95 degC", -1),
        ("thermal.cold_plate_drop", 10.0, 30.0, +1),
        ("thermal.fin_efficiency", 0.8, 0.95, -1),
        ("power.payload_power", "50 kW", "150 kW", +1),
        ("thermal.tilt", "30 deg", "90 deg", -1),  # two-sided: edge-on sees the least Earth
    ],
)
def test_monotonic_through_evaluate(pipeline, key, lo, hi, direction):
    a_lo = orbitdc.evaluate(Scenario({key: lo})).si["thermal.radiator_area"]
    a_hi = orbitdc.evaluate(Scenario({key: hi})).si["thermal.radiator_area"]
    assert (a_hi - a_lo) * direction > 0


def test_one_sided_panel_facing_space_is_smaller(pipeline):
    # a one-sided panel turned from facing the Earth towards deep space sheds its Earth loads
    areas = [
        orbitdc.evaluate(Scenario({"thermal.sides": 1, "thermal.tilt": t})).si["thermal.radiator_area"]
        for t in ("30 deg", "90 deg", "150 deg")
    ]
    assert areas[0] > areas[1] > areas[2]
    two = orbitdc.evaluate().si["thermal.radiator_area"]
    assert areas[1] == pytest.approx(2 * two, rel=1e-9)  # same sink per face at 90 deg, half the faces


def test_fixed_heat_pump_adds_power_and_shrinks_radiator(pipeline):
    none = orbitdc.evaluate().si
    fixed = orbitdc.evaluate(
        thermal__heat_pump="fixed", thermal__heat_pump_lift=30.0, thermal__fraction_of_carnot=0.5
    ).si
    q = 105e3
    w = q * 30.0 / (0.5 * 318.15)  # Q (Th - Tc) / (f Tc)
    assert fixed["thermal.heat_pump_power"] == pytest.approx(w, rel=1e-12)
    assert fixed["thermal.heat_rejected"] == pytest.approx(q + w, rel=1e-12)
    area, _, _ = _hand_area(q + w, 348.15)
    assert fixed["thermal.radiator_area"] == pytest.approx(area, rel=1e-9)
    assert fixed["thermal.radiator_area"] < none["thermal.radiator_area"]
    assert fixed["thermal.heat_pump_mass"] == pytest.approx(0.005 * w, rel=1e-12)
    assert fixed["thermal.heat_pump_lift"] == pytest.approx(30.0)


def test_optimal_heat_pump_never_heavier(pipeline):
    from orbitdc.kernels.power import mass_per_watt
    from orbitdc.physics.power_system import per_watt

    none = orbitdc.evaluate().si
    c = per_watt(Scenario().to_si(), UP)
    # the trade's power-system price
    kg_per_w = mass_per_watt(c["sized"].area, c["areal_density"], c["battery_energy_per_watt"], c["specific_energy"])
    for mass in (0.0, 2.0, 5.0):
        opt = orbitdc.evaluate(thermal__heat_pump="optimal", thermal__heat_pump_specific_mass=mass).si
        k = kg_per_w + mass / 1000.0  # power system + pump hardware
        total_opt = opt["thermal.radiator_mass"] + k * opt["thermal.heat_pump_power"]
        assert total_opt <= none["thermal.radiator_mass"] * (1 + 1e-12)
        for lift in (10.0, 40.0, 90.0):
            fx = orbitdc.evaluate(
                thermal__heat_pump="fixed", thermal__heat_pump_lift=lift, thermal__heat_pump_specific_mass=mass
            ).si
            assert total_opt <= fx["thermal.radiator_mass"] + k * fx["thermal.heat_pump_power"] + 1e-6


def test_bad_input_names_the_field(pipeline):
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(thermal__emissivity=1.2)
    assert exc.value.field == "thermal.emissivity"
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(thermal__absorptivity=0.0)
    assert exc.value.field == "thermal.absorptivity"
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(thermal__tilt="200 deg")
    assert exc.value.field == "thermal.tilt"
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(thermal__heat_pump="sometimes")
    assert exc.value.field == "thermal.heat_pump"


def test_radiator_below_sink_is_refused_with_advice(pipeline):
    cold = {
        "thermal.use_chip_junction_limit": False,  # the thermal field's limit, not the chip's
        "thermal.junction_temperature_max": "20 degC",
        "thermal.cold_plate_drop": 100.0,
    }
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(Scenario(cold))
    assert exc.value.field == "thermal.junction_temperature_max"
    assert "heat pump" in str(exc.value)
    # a heat pump rescues it
    ok = orbitdc.evaluate(Scenario({**cold, "thermal.heat_pump": "optimal"})).si
    assert ok["thermal.radiator_temperature"] > ok["thermal.sink_temperature"]
    assert ok["thermal.heat_pump_power"] > 0
    # and the chip's own limit is named when it is the one used
    pipeline(**{"compute.junction_temperature_max": 293.15})
    with pytest.raises(ScenarioError) as exc:
        orbitdc.evaluate(thermal__cold_plate_drop=100.0)
    assert exc.value.field == "compute.junction_temperature_max"


def test_vectorised_stage(pipeline):
    p = Scenario().to_si()
    n = 1000
    p["thermal.emissivity"] = np.linspace(0.7, 0.95, n)
    p["power.payload_power"] = np.linspace(50e3, 150e3, n)
    out = evaluate_si(p)
    assert out["thermal.radiator_area"].shape == (n,)
    assert np.all(np.isfinite(out["thermal.radiator_area"])) and np.all(out["thermal.radiator_area"] > 0)
    for i in (0, 500, 999):
        one = Scenario().with_overrides(
            {
                "thermal.emissivity": float(p["thermal.emissivity"][i]),
                "power.payload_power": f"{p['power.payload_power'][i]} W",
            }
        )
        assert out["thermal.radiator_area"][i] == pytest.approx(
            orbitdc.evaluate(one).si["thermal.radiator_area"], rel=1e-12
        )
    for key in ("thermal.waste_heat", "thermal.junction_temperature_max", "thermal.heat_pump_power"):
        assert np.shape(out[key]) == (n,)


# ---------------------------------------------------------------------------------------
# the real pipeline
# ---------------------------------------------------------------------------------------


def test_module_order():
    names = [m.__name__.rsplit(".", 1)[-1] for m in secmod.MODULES]
    assert "thermal" in names
    i = names.index("thermal")
    assert names.index("orbit") < i
    if "compute" in names:
        assert names.index("compute") < i
    if "power" in names:
        assert i < names.index("power")


def test_real_pipeline_and_presets():
    from orbitdc import presets

    for name in presets.names():
        r = orbitdc.evaluate(presets.load(name))
        area = r.si["thermal.radiator_area"]
        assert np.isfinite(area) and area > 0
        assert r.si["thermal.radiator_temperature"] > r.si["thermal.sink_temperature"]
        # the heat pump power reaches the power stage as a load
        if "power.load" in r.si:
            assert r.si["power.load"] >= r.si["thermal.heat_pump_power"]
    text = orbitdc.evaluate().table()
    for key in (
        "thermal.radiator_area",
        "thermal.radiator_temperature",
        "thermal.radiator_mass",
        "thermal.albedo_flux",
        "thermal.earth_ir_flux",
        "thermal.solar_flux",
    ):
        assert key in text


def test_real_pipeline_heat_pump_load_reaches_power():
    r = orbitdc.evaluate(thermal__heat_pump="fixed", thermal__heat_pump_lift=20.0).si
    base = orbitdc.evaluate().si
    if "power.load" in r:
        assert r["power.load"] - base["power.load"] == pytest.approx(r["thermal.heat_pump_power"], rel=1e-9)


def test_radiator_sized_at_end_of_life_absorptance(pipeline):
    """The radiator is sized at the end-of-life solar absorptance, alpha_BOL + rate x life
    (de Groh et al. 2006 rate, see ALPHA_EOL); with no rise it is the beginning-of-life hand
    calculation (tolerance 1e-9, the closed form above)."""
    r = orbitdc.evaluate()
    assert r.si["thermal.absorptivity_eol"] == pytest.approx(ALPHA_EOL, rel=1e-3)
    bol = orbitdc.evaluate(thermal__absorptivity_rate=0.0)
    area, _, q_abs = _hand_area(105e3, 318.15, alpha=0.15)
    assert bol.si["thermal.absorptivity_eol"] == pytest.approx(0.15, rel=1e-12)
    assert bol.si["thermal.radiator_area"] == pytest.approx(area, rel=1e-9)
    assert bol.si["thermal.absorbed_flux"] == pytest.approx(q_abs, rel=1e-9)
    assert r.si["thermal.radiator_area"] > bol.si["thermal.radiator_area"]
    longer = orbitdc.evaluate(power__mission_life="10 yr")
    assert longer.si["thermal.absorptivity_eol"] == pytest.approx(0.15 + (0.155 - 0.074) / 8.25 * 10, rel=1e-3)
