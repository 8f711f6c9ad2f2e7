"""Validation of the orbit transient (:mod:`orbitdc.physics.transient`, :mod:`orbitdc.transient`).

* the radiator's response to a small heat step is the closed-form exponential of the
  linearised balance, time constant c / (4 n eps sigma T^3) (tolerance 0.5 % of the step);
* the periodic steady state equals an independent ODE solution (scipy solve_ivp, DOP853,
  rtol 1e-10) flown for the same orbits (tolerance 1e-3 K);
* a battery sized exactly for the eclipse (SMAD eq. 11-5 and the battery rule) reaches
  exactly 1 - depth of discharge (1e-9);
* energy closes per orbit to 1e-6 at the periodic state.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import solve_ivp

import orbitdc
from orbitdc.constants import SIGMA_SB
from orbitdc.physics import transient as tr
from orbitdc.transient import transient

SPACE4 = 2.7255**4


def _base(**kw):
    d = dict(
        period=5800.0,
        eclipse_duration=2000.0,
        battery_capacity=1e9,
        charge_power=0.0,
        discharge_power=0.0,
        radiator_heat_sun=800.0,
        radiator_heat_eclipse=800.0,
        radiator_env_sun=100.0,
        radiator_env_eclipse=100.0,
        radiator_emissivity=0.85,
        radiator_sides=2.0,
        radiator_heat_capacity=4000.0,
        array_absorbed_sun=1200.0,
        array_absorbed_eclipse=0.0,
        array_electric_sun=300.0,
        array_emissivity=1.65,
        array_heat_capacity=tr.ARRAY_AREAL_HEAT_CAPACITY,
    )
    d.update(kw)
    return d


def test_small_heat_step_is_the_closed_form_exponential():
    """In eclipse the heat steps down by 0.1 % from the sunlit equilibrium; the linearised
    balance gives T(t) = T_inf + (T_0 - T_inf) exp(-t / tau), tau = c / (4 n eps sigma T^3)."""
    q0, q1, c, eps, n = 900.0, 900.0 * (1 - 1e-3), 4000.0, 0.85, 2.0
    kw = _base(radiator_heat_sun=q0 - 100.0, radiator_heat_eclipse=q1 - 100.0, radiator_heat_capacity=c)
    r = tr.orbit_transient(**kw, n_eclipse=400, traces=True)
    k = n * eps * SIGMA_SB
    t0 = (q0 / k + SPACE4) ** 0.25
    t_inf = (q1 / k + SPACE4) ** 0.25
    tm = 0.5 * (t0 + t_inf)
    tau = c / (4 * k * tm**3)
    t = r["time"][0, :401]
    expected = t_inf + (t0 - t_inf) * np.exp(-t / tau)
    got = r["radiator_temperature"][0, :401]
    assert np.max(np.abs(got - expected)) < 5e-3 * (t0 - t_inf)


def test_periodic_state_matches_scipy_solve_ivp():
    kw = _base(radiator_heat_eclipse=300.0, radiator_env_sun=180.0, radiator_heat_capacity=20000.0)
    r = tr.orbit_transient(**kw, traces=True)
    assert r["converged"][0] and r["orbits"][0] > 2  # slow radiator: several orbits to settle
    k_r = 2.0 * 0.85 * SIGMA_SB
    k_a = 1.65 * SIGMA_SB
    te, period = kw["eclipse_duration"], kw["period"]

    def rhs(t, y):
        ecl = (t % period) < te
        q_r = (300.0 + 100.0) if ecl else (800.0 + 180.0)
        q_a = 0.0 if ecl else (1200.0 - 300.0)
        return [
            (q_r - k_r * (y[0] ** 4 - SPACE4)) / 20000.0,
            (q_a - k_a * (y[1] ** 4 - SPACE4)) / tr.ARRAY_AREAL_HEAT_CAPACITY,
        ]

    y0 = [((800.0 + 180.0) / k_r + SPACE4) ** 0.25, ((1200.0 - 300.0) / k_a + SPACE4) ** 0.25]
    n_orb = int(r["orbits"][0])
    bounds = []
    for i in range(n_orb):  # phase by phase so the solver never steps over a load change
        for a, b in ((0.0, te), (te, period)):
            sol = solve_ivp(
                rhs, (i * period + a, i * period + b), y0, method="DOP853", rtol=1e-10, atol=1e-10, dense_output=True
            )
            y0 = sol.y[:, -1]
            if i == n_orb - 1:
                tt = np.linspace(i * period + a, i * period + b, 2001)
                bounds.append(sol.sol(tt))
    last = np.concatenate(bounds, axis=1)
    assert r["radiator_min"][0] == pytest.approx(last[0].min(), abs=1e-3)
    assert r["radiator_max"][0] == pytest.approx(last[0].max(), abs=1e-3)
    assert r["array_min"][0] == pytest.approx(last[1].min(), abs=1e-3)
    assert r["array_max"][0] == pytest.approx(last[1].max(), abs=1e-3)


def test_energy_closes_per_orbit():
    """At the periodic state the stores' energy change per orbit is below 1e-6 of the energy
    through them, and the heat emitted over the orbit (trapezoid of the trace) equals the heat
    absorbed and dissipated to the discretisation error (1e-4)."""
    kw = _base(radiator_heat_eclipse=300.0, radiator_heat_capacity=20000.0)
    r = tr.orbit_transient(**kw, traces=True, n_sun=960, n_eclipse=320)
    assert r["converged"][0] and r["energy_residual"][0] < 1e-6
    t, temp = r["time"][0], r["radiator_temperature"][0]
    emitted = np.trapezoid(2 * 0.85 * SIGMA_SB * (temp**4 - SPACE4), t)
    absorbed = (300.0 + 100.0) * 2000.0 + (800.0 + 100.0) * 3800.0
    assert emitted == pytest.approx(absorbed, rel=1e-4)


def test_exactly_sized_battery_reaches_one_minus_dod():
    """orbitdc sizes the battery for the longest eclipse at the design depth of discharge
    (power.battery_energy = eclipse load x t_e / (DoD x eta)); flown through that eclipse,
    its state of charge bottoms at exactly 1 - DoD, and shorter eclipses stay above."""
    worst = transient("dawn-dusk-650", "worst")
    assert worst["converged"][0] and not worst["depleted"][0]
    assert worst["soc_min"][0] == pytest.approx(1 - worst["depth_of_discharge"][0], abs=1e-9)
    assert worst["soc_end"][0] == pytest.approx(1.0, abs=1e-12)  # the array recharges it
    design = transient("dawn-dusk-650", "design")
    assert design["soc_min"][0] > worst["soc_min"][0]


def test_undersized_array_is_flagged():
    scn = orbitdc.presets.load("starlink-550")
    p = scn.to_si()
    out = orbitdc.model.evaluate_si(p)
    out = dict(out)
    out["power.array_power_eol"] = 0.9 * out["power.array_power_eol"]
    r = transient((p, out), "worst")
    assert r["depleted"][0] and not r["converged"][0]


def test_vectorised_equals_one_by_one():
    te = np.array([0.0, 600.0, 2000.0, 2400.0])
    heat = np.array([500.0, 800.0, 1000.0, 700.0])
    vec = tr.orbit_transient(**_base(eclipse_duration=te, radiator_heat_sun=heat, radiator_heat_eclipse=heat))
    for i in range(te.size):
        one = tr.orbit_transient(
            **_base(eclipse_duration=te[i], radiator_heat_sun=heat[i], radiator_heat_eclipse=heat[i])
        )
        for key in ("radiator_min", "radiator_max", "array_min", "soc_min"):
            assert vec[key][i] == pytest.approx(one[key][0], rel=1e-12)


def test_ten_thousand_pipeline_scenarios_at_once():
    """10,000 distinct satellites (altitude 400-1200 km, payload 50-200 kW, 53 deg) from one
    vectorised pipeline run: every transient converges and every exactly sized battery bottoms
    at 1 - DoD (1e-9).  Issue 14's target is under 1 s (measured 0.4 s on the shared 2-core
    machine); the bound here is 5 s so a loaded machine does not fail it."""
    import time

    from orbitdc.model import evaluate_si

    base = orbitdc.presets.load("starlink-550").to_si()
    p = dict(base)
    n = 10_000
    p["orbit.altitude"] = np.linspace(400e3, 1200e3, n)
    p["power.payload_power"] = np.linspace(50e3, 200e3, n)
    out = evaluate_si(p)
    t0 = time.perf_counter()
    r = transient((p, out), "worst")
    elapsed = time.perf_counter() - t0
    assert r["converged"].all() and not r["depleted"].any()
    np.testing.assert_allclose(r["soc_min"], 1 - r["depth_of_discharge"], atol=1e-9)
    assert elapsed < 5.0
