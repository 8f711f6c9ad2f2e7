"""orbitdc.physics.finance: textbook values, published LCOE ranges, hand calculations and
property tests (hypothesis)."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from orbitdc.errors import ScenarioError
from orbitdc.physics import architecture_costs as ac
from orbitdc.physics import finance as ec
from orbitdc.units import Q_

YEAR = ec.YEAR
KWH = ec.KWH
MWH = 1000 * KWH


# --------------------------------------------------------------------------- CRF
@pytest.mark.parametrize(
    "i,n,table",
    [
        # Sullivan, Wicks & Koelling, Engineering Economy 16th ed. (2015), Appendix C,
        # discrete compounding interest tables, column A/P (5 decimals):
        (0.08, 20, 0.10185),
        (0.10, 10, 0.16275),
        (0.05, 30, 0.06505),
        (0.12, 5, 0.27741),
    ],
)
def test_crf_matches_interest_tables(i, n, table):
    # tolerance 1e-5: the tables are rounded to 5 decimals (+-5e-6)
    assert ec.capital_recovery_factor(i, n) == pytest.approx(table, abs=1e-5)


def test_crf_zero_rate_limit_is_exact():
    assert ec.capital_recovery_factor(0.0, 20) == 1 / 20
    assert ec.capital_recovery_factor(1e-300, 7.5) == pytest.approx(1 / 7.5, rel=1e-15)
    # first-order term of the series: CRF = 1/n + i (n+1)/(2n) + O(i^2)
    i, n = 1e-7, 10.0
    assert ec.capital_recovery_factor(i, n) == pytest.approx(1 / n + i * (n + 1) / (2 * n), rel=1e-12)


def test_crf_one_period_is_one_plus_rate():
    for i in (-0.5, 0.0, 0.07, 3.0):
        assert ec.capital_recovery_factor(i, 1) == pytest.approx(1 + i, rel=1e-14)


@settings(max_examples=150, deadline=None)
@given(i=st.floats(-0.5, 1.0), n=st.integers(1, 60))
def test_crf_repays_the_loan(i, n):
    # independent check: the present value of n level payments of CRF is exactly 1
    pv = sum(ec.capital_recovery_factor(i, n) / (1 + i) ** k for k in range(1, n + 1))
    assert pv == pytest.approx(1.0, rel=1e-10)


@settings(max_examples=150, deadline=None)
@given(i=st.floats(-1e-6, 1e-6), n=st.floats(0.5, 50))
def test_crf_continuous_through_zero(i, n):
    # continuity: the first-order series 1/n + i (n+1)/(2n) holds to O(i^2 n) on both sides
    assert ec.capital_recovery_factor(i, n) == pytest.approx(1 / n + i * (n + 1) / (2 * n), rel=1e-8)


@settings(max_examples=150, deadline=None)
@given(i=st.floats(-0.9, 2.0), n=st.floats(0.1, 100), di=st.floats(1e-4, 0.5), dn=st.floats(0.01, 10))
def test_crf_monotone(i, n, di, dn):
    c = ec.capital_recovery_factor(i, n)
    assert math.isfinite(c) and c > 0
    assert ec.capital_recovery_factor(i + di, n) > c  # dearer money, dearer payment
    # longer life, smaller payment (equal in floating point once (1+i)^-n underflows vs 1)
    assert ec.capital_recovery_factor(i, n + dn) <= c


def test_crf_vectorised():
    i = np.array([0.0, 0.08, 0.10, -0.2])
    n = np.array([20.0, 20.0, 10.0, 4.0])
    vec = ec.capital_recovery_factor(i, n)
    assert vec.shape == (4,)
    np.testing.assert_allclose(vec, [ec.capital_recovery_factor(a, b) for a, b in zip(i, n)], rtol=1e-15)
    big = ec.capital_recovery_factor(np.linspace(-0.5, 1.0, 1_000_000), 20.0)
    assert np.all(np.isfinite(big)) and np.all(big > 0)


def test_present_worth_and_discount_factor():
    # Sullivan et al. Appendix C, 8 %: P/A(20) = 9.8181, P/F(7) = 0.5835, F/P(7) = 1.7138
    assert ec.present_worth_factor(0.08, 20) == pytest.approx(9.8181, abs=1e-4)
    assert ec.discount_factor(0.08, 7 * YEAR) == pytest.approx(0.5835, abs=1e-4)
    assert ec.cost_of_delay(1.0, 0.08, 7 * YEAR) == pytest.approx(0.7138, abs=1e-4)
    assert ec.cost_of_delay(5.0, 0.0, 7 * YEAR) == 0.0
    assert ec.discount_factor(0.08, Q_(7, "year")) == pytest.approx(0.5835, abs=1e-4)


def test_annualized_cost_accepts_quantities():
    a = ec.annualized_cost("1 MUSD", 0.08, "20 year")
    assert a * YEAR == pytest.approx(101852.2, rel=1e-6)  # 1e6 x 0.1018522
    assert ec.annualized_cost(1e6, 0.08, 20 * YEAR) == pytest.approx(a)


# --------------------------------------------------------------------------- LCOE
def test_lcoe_matches_nrel_slcoe_formula():
    # NREL simple LCOE: (C CRF + FOM) / (8760 CF) + VOM, CRF written out independently
    C, fom, cf, i, n = 1_200.0, 20.0, 0.25, 0.07, 30  # USD/kW, USD/kW-yr
    crf = i * (1 + i) ** n / ((1 + i) ** n - 1)
    expect_usd_per_kwh = (C * crf + fom) / (8766 * cf)  # orbitdc uses the Julian year
    got = ec.lcoe(C / 1000, fom / 1000 / YEAR, cf, i, n * YEAR)  # per W of capacity
    assert got * KWH == pytest.approx(expect_usd_per_kwh, rel=1e-12)


def test_gas_combined_cycle_in_lazard_range():
    # Reference combined cycle: capex USD 1,300/kW, heat rate 6,300 Btu/kWh, fuel
    # USD 3.45/MMBtu, fixed O&M USD 15/kW-yr, variable O&M USD 3/MWh, 55 % capacity
    # factor, 20 yr, 7.7 % WACC (assumptions in the ranges of EIA's 2024 capital cost
    # report and Lazard's inputs).  Lazard LCOE+ v18.0 (June 2025): unsubsidised gas
    # combined cycle USD 48-109/MWh.  Tolerance: the published range.
    hr = 6300 * 1055.05585262 / KWH
    v = ec.gas_lcoe(1.3, hr, 3.45 / ec.MMBTU, 15 / 1000 / YEAR, 3 / MWH, 0.55, 0.077, 20 * YEAR)
    assert 48 <= v * MWH <= 109
    # fuel share: 6.3 MMBtu/MWh x USD 3.45 = USD 21.7/MWh, a hand calculation
    fuel_only = ec.gas_lcoe(0.0, hr, 3.45 / ec.MMBTU, 0.0, 0.0, 0.55, 0.077, 20 * YEAR)
    assert fuel_only * MWH == pytest.approx(6.3 * 3.45, rel=1e-9)


def test_utility_pv_lcoe_in_lazard_range():
    # Fixed-tilt utility PV at the pvlib Greensboro site: USD 1.1/W_dc installed, USD 18/kW-yr
    # O&M, 30 yr, 7.7 % WACC.  Lazard LCOE+ v17.0 (June 2024) unsubsidised utility-scale
    # solar: USD 29-92/MWh.  Tolerance: the published range.
    from orbitdc.physics.ground_solar import capacity_factor

    v = ec.lcoe(1.1, 18 / 1000 / YEAR, capacity_factor("greensboro"), 0.077, 30 * YEAR)
    assert 29 <= v * MWH <= 92


def test_solar_storage_energy_price():
    kw = dict(
        array_cost=1.0,
        storage_cost=300 / KWH,
        array_om=18 / 1000 / YEAR,
        rate=0.077,
        array_life=30 * YEAR,
        storage_life=15 * YEAR,
        backup_price=0.08 / KWH,
    )
    lo = ec.solar_storage_energy_price(reliability=0.5, **kw)
    hi = ec.solar_storage_energy_price(reliability=0.99, **kw)
    # firm solar costs more than the daytime-only share, and more than bare PV energy
    pv_only = ec.lcoe(1.0, 18 / 1000 / YEAR, lo["capacity_factor"], 0.077, 30 * YEAR)
    assert hi["price"] > lo["price"] > 0.5 * pv_only
    # closed form of the price from the returned sizes
    crf_a = ec.capital_recovery_factor(0.077, 30)
    crf_s = ec.capital_recovery_factor(0.077, 15)
    expect = (
        (1.0 * crf_a * hi["array_ratio"] + 300 / KWH * crf_s * hi["storage_duration"]) / YEAR
        + 18 / 1000 / YEAR * hi["array_ratio"]
        + 0.01 * 0.08 / KWH
    )
    assert hi["price"] == pytest.approx(expect, rel=1e-12)
    # firm PV + storage in North Carolina: USD 150-600/MWh (Lazard v18 PV+storage hybrid
    # USD 50-131/MWh is for partial firming; 99 % firm needs ~day-scale storage)
    assert 150 <= hi["price"] * MWH <= 600


# --------------------------------------------------------------------------- metrics
def test_metrics_hand_calculation():
    # USD 1/s against 1e6 tokens/s is USD 1 per million tokens
    assert ec.cost_per_million_tokens(1.0, 1e6) == pytest.approx(1.0)
    assert ec.cost_per_request(1.0, 1e6, 1500) == pytest.approx(1.5e-3)
    # USD 10/h for 4 accelerators -> 2.5 USD per accelerator-hour
    assert ec.cost_per_accelerator_time(10 / 3600, 4) * 3600 == pytest.approx(2.5)
    # USD 1000/yr for 1 kW -> USD 1000 per kW-year
    assert ec.cost_per_power_time(1000 / YEAR, 1000.0) * 1000 * YEAR == pytest.approx(1000.0)


# --------------------------------------------------------------------------- orbital
BASE = dict(
    hardware_cost=3.0e6,
    bus_mass=800.0,
    bus_cost_per_kg=5e3,
    array_power_bol=130e3,
    array_cost_per_watt=50.0,
    battery_energy=30 * KWH,
    battery_cost_per_joule=1000 / KWH,
    radiator_area=300.0,
    radiator_cost_per_area=5e3,
    link_terminals=3,
    link_terminal_cost=5e5,
    integration_fraction=0.1,
    launch_cost=3e6,
    nre=5e8,
    satellites=1000,
)


def orbital_cpmt(launch_cost=3e6, life=5 * YEAR, rate=0.08, tokens=1.0e5, **kw):
    args = dict(BASE, launch_cost=launch_cost, **kw)
    cap = ac.orbital_capex(**args)
    op = ac.orbital_opex(cap["total"], 0.01 / YEAR, 2e5 / YEAR, tokens * 16 * 8, 0.5 / ec.GB)
    rate_usd = np.asarray(ec.annualized_cost(cap["total"], rate, life)) + op["total"]
    return ec.cost_per_million_tokens(rate_usd, tokens)


def test_orbital_capex_breakdown_hand_calculation():
    cap = ac.orbital_capex(**BASE)
    hw = 800 * 5e3 + 130e3 * 50 + 30 * 1000 + 300 * 5e3 + 3 * 5e5
    assert cap["bus"] == 4e6 and cap["array"] == 6.5e6 and cap["links"] == 1.5e6
    assert cap["integration"] == pytest.approx(0.1 * hw)
    assert cap["nre"] == pytest.approx(5e5)
    assert cap["total"] == pytest.approx(3e6 + 1.1 * hw + 3e6 + 5e5)
    parts = sum(v for k, v in cap.items() if k != "total")
    assert parts == pytest.approx(cap["total"])


def test_orbital_opex_hand_calculation():
    op = ac.orbital_opex(1e7, 0.02 / YEAR, 1e5 / YEAR, 1e9, 1.0 / ec.GB)
    assert op["insurance"] * YEAR == pytest.approx(2e5)
    assert op["transit"] == pytest.approx(1e9 / 8e9)  # 1 Gbit/s at USD 1/GB = USD 0.125/s
    assert op["total"] == pytest.approx(op["insurance"] + op["operations"] + op["transit"])


@settings(max_examples=100, deadline=None)
@given(launch=st.floats(0.0, 1e8), extra=st.floats(1.0, 1e8))
def test_cost_rises_with_launch_price(launch, extra):
    a = orbital_cpmt(launch_cost=launch)
    b = orbital_cpmt(launch_cost=launch + extra)
    assert b > a > 0 and math.isfinite(b)


@settings(max_examples=100, deadline=None)
@given(L1=st.floats(0.5, 40.0), dL=st.floats(0.1, 10.0), rate=st.floats(0.0, 0.2))
def test_cost_falls_with_life_without_failures(L1, dL, rate):
    assert orbital_cpmt(life=(L1 + dL) * YEAR, rate=rate) < orbital_cpmt(life=L1 * YEAR, rate=rate)


def test_cost_falls_with_life_until_failures_dominate():
    # With hard failures at rate lam and no repair the life-average delivered fraction is
    # (1 - exp(-lam L)) / (lam L) (exponential reliability, e.g. O'Connor & Kleyner,
    # Practical Reliability Engineering, 5th ed., ch. 2), so cost per token first falls
    # with life (capital spread over more years) then rises (dead chips): a U shape.
    lam = 0.15  # 1/yr
    life = np.linspace(0.5, 40, 400)
    surv = -np.expm1(-lam * life) / (lam * life)
    c = orbital_cpmt(life=life * YEAR, tokens=1e5 * surv)
    k = int(np.argmin(c))
    assert 0 < k < life.size - 1
    assert np.all(np.diff(c[: k + 1]) < 0) and np.all(np.diff(c[k:]) > 0)


@settings(max_examples=150, deadline=None)
@given(
    hw=st.floats(0, 1e8),
    bus=st.floats(0, 1e4),
    cpk=st.floats(0, 1e6),
    pw=st.floats(0, 1e7),
    cw=st.floats(0, 1e3),
    fi=st.floats(0, 1),
    launch=st.floats(0, 1e9),
    nre=st.floats(0, 1e11),
    n=st.floats(1, 1e6),
    rate=st.floats(-0.5, 1.0),
    life=st.floats(0.01, 30),
    tokens=st.floats(1e-3, 1e9),
)
def test_orbital_cost_positive_and_finite(hw, bus, cpk, pw, cw, fi, launch, nre, n, rate, life, tokens):
    assume(hw + bus * cpk + pw * cw + launch + nre >= 1.0)  # at least a dollar (no subnormal money)
    cap = ac.orbital_capex(hw, bus, cpk, pw, cw, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, fi, launch, nre, n)
    r = ec.annualized_cost(cap["total"], rate, life * YEAR)
    v = ec.cost_per_million_tokens(r, tokens)
    assert math.isfinite(v) and v > 0


def test_orbital_vectorised_arrays_everywhere():
    N = 1000
    rng = np.random.default_rng(1)
    args = {k: v * rng.uniform(0.5, 1.5, N) for k, v in BASE.items()}
    args["integration_fraction"] = np.clip(args["integration_fraction"], 0, 1)
    args["satellites"] = np.maximum(args["satellites"], 1)
    cap = ac.orbital_capex(**args)
    assert cap["total"].shape == (N,)
    j = 17
    one = ac.orbital_capex(**{k: v[j] for k, v in args.items()})
    assert cap["total"][j] == pytest.approx(one["total"])


def test_power_system_lcoe():
    # 100 kW array costing USD 5M + battery USD 1M + 2 t at USD 2000/kg, 5 yr at 8 %
    v = ac.power_system_lcoe(5e6, 1e6, 2000.0, 1500.0, 500.0, 100e3, 0.08, 5 * YEAR)
    crf = 0.08 * 1.08**5 / (1.08**5 - 1)
    expect = (6e6 + 4e6) * crf / (100 * 8766)  # USD/kWh
    assert v * KWH == pytest.approx(expect, rel=1e-12)


# --------------------------------------------------------------------------- terrestrial
def test_terrestrial_hand_calculation():
    t = ac.terrestrial_costs(
        hardware_cost=3e6,
        it_power=100e3,
        token_rate=1e5,
        facility_cost_per_watt=10.0,
        pue=1.2,
        energy_price=0.08 / KWH,
        facility_om_rate=0.04 / YEAR,
        interconnection_delay=0.0,
        rate=0.08,
        life=5 * YEAR,
        facility_life=20 * YEAR,
    )
    energy_per_year = 100 * 1.2 * 8766 * 0.08  # kW x PUE x h x USD/kWh
    assert t["opex_energy"] * YEAR == pytest.approx(energy_per_year)
    assert t["capex_facility"] == pytest.approx(1e6)
    crf5 = 0.08 * 1.08**5 / (1.08**5 - 1)
    crf20 = 0.08 * 1.08**20 / (1.08**20 - 1)
    expect = 3e6 * crf5 + 1e6 * crf20 + energy_per_year + 0.04 * 1e6
    assert t["cost_rate"] * YEAR == pytest.approx(expect)
    assert 0 < t["energy_cost_share"] < 1


def test_interconnection_wait_costs_money():
    kw = dict(
        hardware_cost=3e6,
        it_power=100e3,
        token_rate=1e5,
        facility_cost_per_watt=10.0,
        pue=1.2,
        energy_price=0.08 / KWH,
        facility_om_rate=0.04 / YEAR,
        rate=0.08,
        life=5 * YEAR,
        facility_life=20 * YEAR,
    )
    now = ac.terrestrial_costs(interconnection_delay=0.0, **kw)
    wait = ac.terrestrial_costs(interconnection_delay=7 * YEAR, **kw)
    assert wait["capex_delay"] == pytest.approx(1e6 * (1.08**7 - 1))
    assert wait["cost_rate"] > now["cost_rate"]


# --------------------------------------------------------------------------- fleet
FLEET = dict(
    cars=100e6,
    chip_power=1000.0,
    parked_fraction=0.95,
    plugged_fraction=1.0,
    consent_fraction=1.0,
    chip_cost=2000.0,
    owner_payment_energy=0.0,
    owner_payment_time=0.0,
    electricity_price=0.15 / KWH,
    data_price=1.0 / ec.GB,
    bits_per_token=32.0,
    wear_cost=0.0,
    overhead=0.0,
    power_overhead=1.0,
    tokens_per_joule=0.5,
    rate=0.08,
    life=5 * YEAR,
)


def test_fleet_seed_claim_arithmetic():
    f = ac.fleet_costs(**FLEET)
    assert f["power_nameplate"] == pytest.approx(100e9)  # "100 M cars x 1 kW = 100 GW"
    assert f["power_available"] == pytest.approx(95e9)  # parked 95 % of the time
    g = ac.fleet_costs(**dict(FLEET, plugged_fraction=0.3, consent_fraction=0.5))
    assert g["power_available"] == pytest.approx(100e9 * 0.95 * 0.3 * 0.5)


def test_fleet_hand_calculation():
    kw = dict(FLEET, cars=1.0, owner_payment_time=0.5 / 3600, wear_cost=0.2 / 3600, overhead=0.25, power_overhead=1.1)
    f = ac.fleet_costs(**kw)
    p_av = 950.0
    gross = p_av * 0.5
    assert f["token_rate"] == pytest.approx(gross * 0.75)
    assert f["opex_energy"] == pytest.approx(p_av * 1.1 * 0.15 / KWH)
    assert f["opex_payment"] == pytest.approx(0.95 * 0.5 / 3600)
    assert f["opex_wear"] == pytest.approx(0.95 * 0.2 / 3600)
    assert f["opex_data"] == pytest.approx(gross * 32 / 8e9)
    crf = 0.08 * 1.08**5 / (1.08**5 - 1)
    assert f["rate_chips"] * YEAR == pytest.approx(2000 * crf)
    assert f["cost_rate"] == pytest.approx(f["rate_chips"] + f["opex_total"])


@settings(max_examples=100, deadline=None)
@given(ov=st.floats(0.0, 0.9), dov=st.floats(0.01, 0.09), plug=st.floats(0.01, 1.0))
def test_fleet_overhead_and_availability_raise_cost_per_token(ov, dov, plug):
    def cpmt(**kw):
        f = ac.fleet_costs(**dict(FLEET, **kw))
        return ec.cost_per_million_tokens(f["cost_rate"], f["token_rate"])

    assert cpmt(overhead=ov + dov, plugged_fraction=plug) > cpmt(overhead=ov, plugged_fraction=plug)
    # fewer available hours spread the chip capital over fewer tokens
    assert cpmt(plugged_fraction=plug / 2) > cpmt(plugged_fraction=plug)


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "call,field",
    [
        (lambda: ec.capital_recovery_factor(-1.0, 10), "rate"),
        (lambda: ec.capital_recovery_factor(np.array([0.05, -1.5]), 10), "rate"),
        (lambda: ec.capital_recovery_factor(0.05, 0.0), "periods"),
        (lambda: ec.annualized_cost(1.0, 0.05, -YEAR), "life"),
        (lambda: ec.annualized_cost(-1.0, 0.05, YEAR), "capex"),
        (lambda: ec.cost_per_million_tokens(1.0, 0.0), "token_rate"),
        (lambda: ec.cost_per_million_tokens(float("nan"), 1.0), "cost_rate"),
        (lambda: ec.gas_lcoe(1.0, 0.9, 1e-9, 0, 0, 0.5, 0.05, YEAR), "heat_rate"),
        (lambda: ec.gas_lcoe(1.0, 2.0, -1e-9, 0, 0, 0.5, 0.05, YEAR), "fuel_price"),
        (lambda: ec.gas_lcoe(1.0, 2.0, 1e-9, 0, 0, 0.0, 0.05, YEAR), "capacity_factor"),
        (lambda: ac.orbital_capex(**dict(BASE, bus_cost_per_kg=-5.0)), "bus_cost_per_kg"),
        (lambda: ac.orbital_capex(**dict(BASE, integration_fraction=1.5)), "integration_fraction"),
        (lambda: ac.orbital_capex(**dict(BASE, satellites=0.5)), "satellites"),
        (lambda: ac.terrestrial_costs(1.0, 1.0, 1.0, 1.0, 0.9, 0.0, 0.0, 0.0, 0.05, YEAR, YEAR), "pue"),
        (lambda: ac.fleet_costs(**dict(FLEET, parked_fraction=0.0)), "parked_fraction"),
        (lambda: ac.fleet_costs(**dict(FLEET, consent_fraction=1.2)), "consent_fraction"),
        (lambda: ac.fleet_costs(**dict(FLEET, overhead=1.0)), "overhead"),
        (lambda: ac.fleet_costs(**dict(FLEET, electricity_price=-0.1)), "electricity_price"),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(ScenarioError) as e:
        call()
    assert e.value.field == field
