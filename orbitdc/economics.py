"""Engineering economics of inference: capital recovery, levelised costs, three architectures.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no pint, no I/O).
Money is USD (nominal, one currency), time is seconds, energy J, power W, data bit.
A yearly figure is carried as a *rate* in SI: "USD 1M per year" is ``1e6 / YEAR`` USD/s,
"4 %/yr" is ``0.04 / YEAR`` 1/s, "USD 0.05 per kWh" is ``0.05 / 3.6e6`` USD/J.  Discount
rates (WACC) are dimensionless fractions *per year*; lives are seconds and are turned into
years with the Julian year :data:`YEAR` inside the capital-recovery formulas.

The same workload is priced three ways, each as a cost rate (USD/s) against a delivered
token rate (tokens/s):

* :func:`orbital_capex`, :func:`orbital_opex` -- a satellite: chips, bus, array, battery,
  radiator, link terminals, integration, launch, NRE share; insurance, operations, transit.
* :func:`terrestrial_costs` -- a data center of the same IT power and chips: facility,
  energy (grid price, :func:`gas_lcoe`, or :func:`solar_storage_energy_price` sized with
  pvlib), PUE, interconnection delay carried at WACC.
* :func:`fleet_costs` -- parked cars with an inference computer: availability, owner
  payments, home electricity, cellular data, wear, coordination overhead.

Then :func:`cost_per_million_tokens` and friends turn (cost rate, output rate) into the
published metrics.

Every function refuses invalid input with :class:`orbitdc.errors.ScenarioError` (discount
rate <= -100 %, life <= 0, negative prices, fractions outside their range) and returns
finite, positive numbers for valid input.

References
----------
.. [1] Sullivan, W. G., Wicks, E. M. and Koelling, C. P. (2015). Engineering Economy,
   16th ed. Pearson (capital recovery factor, interest tables).
.. [2] Short, W., Packey, D. J. and Holt, T. (1995). A Manual for the Economic Evaluation
   of Energy Efficiency and Renewable Energy Technologies. NREL/TP-462-5173 (LCOE,
   fixed charge rate).
.. [3] NREL, Simple Levelized Cost of Energy (sLCOE) Calculator documentation:
   ``LCOE = (C CRF + FOM) / (8760 CF) + HR * P_fuel + VOM``.
"""

from __future__ import annotations

import numpy as np

from orbitdc.constants import HOUR, JULIAN_YEAR
from orbitdc.errors import require
from orbitdc.physics._checks import as_float as _arr
from orbitdc.physics._checks import nonneg_finite, positive_finite, unit_interval_finite
from orbitdc.physics._checks import out_array as _ret
from orbitdc.units import accepts

__all__ = [
    "YEAR",
    "HOUR",
    "KWH",
    "MMBTU",
    "GB",
    "capital_recovery_factor",
    "present_worth_factor",
    "discount_factor",
    "annualized_cost",
    "levelized_cost",
    "cost_of_delay",
    "cost_per_million_tokens",
    "cost_per_request",
    "cost_per_accelerator_time",
    "cost_per_power_time",
    "lcoe",
    "gas_lcoe",
    "solar_storage_energy_price",
    "orbital_capex",
    "orbital_opex",
    "power_system_lcoe",
    "terrestrial_costs",
    "fleet_costs",
    "launched_power_price",
]

#: Julian year [s] (IAU): the unit in which discount rates and lives are counted.
YEAR = JULIAN_YEAR
#: One kilowatt-hour [J].
KWH = 3.6e6
#: One million British thermal units (IT table Btu = 1055.05585262 J) [J].
MMBTU = 1.05505585262e9
#: One gigabyte (1e9 bytes) [bit].
GB = 8e9


# --------------------------------------------------------------------------- checks
# _arr and _ret come from orbitdc.physics._checks.  Economics checks in one stage: NaN and
# infinity are refused under the same allowed text and reason as out-of-range values.
def _nonneg(name, x, what="prices and quantities are not negative"):
    return nonneg_finite(name, x, what, ">= 0 (finite)")


def _positive(name, x, what="must be a positive finite number"):
    return positive_finite(name, x, what, "> 0 (finite)")


def _fraction(name, x, low_open=False, high_open=False, what="a fraction"):
    allowed = ("0 < x" if low_open else "0 <= x") + (" < 1" if high_open else " <= 1")
    return unit_interval_finite(name, x, what, allowed, lo_open=low_open, hi_open=high_open)


def _rate(x, name="rate"):
    a = _arr(x)
    require(
        np.isfinite(a) & (a > -1.0),
        name,
        x,
        "> -100 % per year",
        "a discount rate of -100 % or less makes future money worth infinitely more",
    )
    return a


# --------------------------------------------------------------------------- kernels
# Unchecked formulas shared by the public functions (which validate first) and by the
# pipeline stage (whose inputs the scenario layer has already validated).  Plain
# arithmetic so Python floats stay Python floats (fast scalar path) and arrays broadcast.
def _k_crf(i, n):
    """Capital recovery factor, no checks (see :func:`capital_recovery_factor`)."""
    if np.ndim(i) == 0 and np.ndim(n) == 0:
        i, n = float(i), float(n)
        li = float(np.log1p(i))
        x = n * li
        den = -float(np.expm1(-x))
        if abs(x) >= 1.0:
            return i / den
        # small |x|: two factors that each tend to 1 (exact limit 1/n, subnormal-safe)
        f1 = i / li if li != 0.0 else 1.0
        f2 = x / den if x != 0.0 else 1.0
        return f1 * f2 / n
    i = np.asarray(i, dtype=float)
    n = np.asarray(n, dtype=float)
    li = np.log1p(i)
    den = -np.expm1(-(n * li))
    # |ln(1+i)| < 1e-200: CRF = 1/n to 1e-200 relative (guards i = 0 and subnormal i)
    tiny = np.abs(li) < 1e-200
    return np.where(tiny, 1.0 / n, i / np.where(tiny, 1.0, den))


def _k_annualized(capex, rate, life):
    """capex CRF(rate, life/year) / year [USD/s], no checks."""
    return capex * _k_crf(rate, life / YEAR) / YEAR


def _k_crf_life(rate, life):
    """CRF per second of life: CRF(rate, life / year) / year [1/s], no checks."""
    return _k_crf(rate, life / YEAR) / YEAR


def _k_delay(capex, rate, delay):
    """capex ((1+i)^(delay/year) - 1) [USD], no checks."""
    return capex * np.expm1((delay / YEAR) * np.log1p(rate))


def _k_gas_lcoe(plant_cost, heat_rate, fuel_price, fixed_om, variable_om, capacity_factor, rate, life):
    """Gas LCOE [USD/J], no checks."""
    return (
        (plant_cost * _k_crf(rate, life / YEAR) / YEAR + fixed_om) / capacity_factor
        + heat_rate * fuel_price
        + variable_om
    )


def _k_orbital_capex(
    hardware_cost,
    bus_mass,
    bus_cost_per_kg,
    array_power_bol,
    array_cost_per_watt,
    battery_energy,
    battery_cost_per_joule,
    radiator_area,
    radiator_cost_per_area,
    link_terminals,
    link_terminal_cost,
    integration_fraction,
    launch_cost,
    nre,
    satellites,
):
    """Orbital capex items [USD] as a dict, no checks."""
    bus = bus_mass * bus_cost_per_kg
    arr = array_power_bol * array_cost_per_watt
    bat = battery_energy * battery_cost_per_joule
    rad = radiator_area * radiator_cost_per_area
    links = link_terminals * link_terminal_cost
    integ = integration_fraction * (bus + arr + bat + rad + links)
    nre_s = nre / satellites
    total = hardware_cost + bus + arr + bat + rad + links + integ + launch_cost + nre_s
    return dict(
        chips=hardware_cost,
        bus=bus,
        array=arr,
        battery=bat,
        radiator=rad,
        links=links,
        integration=integ,
        launch=launch_cost,
        nre=nre_s,
        total=total,
    )


def _k_orbital_opex(capex_total, insurance_rate, operations_rate, data_rate, transit_price):
    """Orbital opex rates [USD/s] as a dict, no checks."""
    ins = insurance_rate * capex_total
    tr = data_rate * transit_price
    return dict(insurance=ins, operations=operations_rate, transit=tr, total=ins + operations_rate + tr)


def _k_power_lcoe(
    array_cost, battery_cost, launch_cost_per_kg, array_mass, battery_mass, average_power, crf_s, integration_fraction
):
    """Orbital power-system LCOE [USD/J], no checks; ``crf_s`` from :func:`_k_crf_life`."""
    cap = (1.0 + integration_fraction) * (array_cost + battery_cost) + launch_cost_per_kg * (array_mass + battery_mass)
    return cap * crf_s / average_power


def _k_terrestrial(
    hardware_cost,
    it_power,
    facility_cost_per_watt,
    pue,
    energy_price,
    facility_om_rate,
    interconnection_delay,
    rate,
    crf_s,
    crf_facility_s,
):
    """Ground data-center costs as a dict, no checks; CRFs per second from :func:`_k_crf_life`."""
    fac = facility_cost_per_watt * it_power
    delay = _k_delay(fac, rate, interconnection_delay)
    r_chips = hardware_cost * crf_s
    r_fac = (fac + delay) * crf_facility_s
    energy = it_power * pue * energy_price
    ofac = facility_om_rate * fac
    opex = energy + ofac
    total = r_chips + r_fac + opex
    return dict(
        capex_chips=hardware_cost,
        capex_facility=fac,
        capex_delay=delay,
        capex_total=hardware_cost + fac + delay,
        rate_chips=r_chips,
        rate_facility=r_fac,
        opex_energy=energy,
        opex_facility=ofac,
        opex_total=opex,
        cost_rate=total,
    )


def _k_fleet(
    cars,
    chip_power,
    parked_fraction,
    plugged_fraction,
    consent_fraction,
    chip_cost,
    owner_payment_energy,
    owner_payment_time,
    electricity_price,
    data_price,
    bits_per_token,
    wear_cost,
    overhead,
    power_overhead,
    tokens_per_joule,
    crf_s,
):
    """Fleet capacity and costs as a dict, no checks; ``crf_s`` from :func:`_k_crf_life`."""
    avail = parked_fraction * plugged_fraction * consent_fraction
    p_name = cars * chip_power
    p_av = p_name * avail
    gross = p_av * tokens_per_joule
    tokens = gross * (1.0 - overhead)
    capex = cars * chip_cost
    r_chips = capex * crf_s
    wall = p_av * power_overhead
    energy = wall * electricity_price
    payment = wall * owner_payment_energy + cars * avail * owner_payment_time
    wear_r = cars * avail * wear_cost
    data = gross * bits_per_token * data_price
    opex = energy + payment + wear_r + data
    return dict(
        availability=avail,
        power_nameplate=p_name,
        power_available=p_av,
        token_rate=tokens,
        capex_chips=capex,
        rate_chips=r_chips,
        opex_energy=energy,
        opex_payment=payment,
        opex_wear=wear_r,
        opex_data=data,
        opex_total=opex,
        cost_rate=r_chips + opex,
    )


def _bcast(items):
    """Broadcast every value of a dict to a common shape; floats for 0-d results."""
    shape = np.broadcast_shapes(*(np.shape(v) for v in items.values()))
    return {k: _ret(np.broadcast_to(np.asarray(v, dtype=float), shape) * 1.0) for k, v in items.items()}


# --------------------------------------------------------------------------- finance
def capital_recovery_factor(rate, periods):
    """Capital recovery factor (A/P, i, n): the level payment that repays 1 over n periods.

    Parameters
    ----------
    rate : float or array [-]
        Discount rate per period (e.g. WACC per year), > -1.
    periods : float or array [-]
        Number of periods (may be fractional), > 0.

    Returns
    -------
    float or array [-]
        ``CRF = i (1+i)^n / ((1+i)^n - 1) = i / (1 - (1+i)^-n)``; the limit ``1/n`` at
        ``i = 0`` is exact.

    Notes
    -----
    With ``x = n ln(1+i)`` (``log1p``) and ``1 - (1+i)^-n = -expm1(-x)``: for ``|x| >= 1``
    ``CRF = i / (-expm1(-x))``; for ``|x| < 1`` the equivalent product
    ``CRF = [i / ln(1+i)] [x / (-expm1(-x))] / n`` whose two factors each tend to 1, so
    the result approaches the exact limit ``1/n`` continuously (no 0/0 at ``i = 0``,
    accurate for subnormal ``i``).

    References
    ----------
    .. [1] Sullivan, W. G., Wicks, E. M. and Koelling, C. P. (2015). Engineering Economy,
       16th ed., Pearson, ch. 4 and Appendix C (A/P at 8 %, 20 yr = 0.10185).
    """
    i = _rate(rate)
    n = _positive("periods", periods, "an investment is recovered over a positive life")
    return _ret(_k_crf(i, n))


def present_worth_factor(rate, periods):
    """Uniform-series present worth factor (P/A, i, n) = 1 / CRF.

    Parameters
    ----------
    rate : float or array [-]
        Discount rate per period, > -1.
    periods : float or array [-]
        Number of periods, > 0.

    Returns
    -------
    float or array [-]
        ``(P/A) = ((1+i)^n - 1) / (i (1+i)^n)`` (``n`` at ``i = 0``).

    References
    ----------
    .. [1] Sullivan, Wicks and Koelling (2015). Engineering Economy, 16th ed., ch. 4.
    """
    return _ret(1.0 / np.asarray(capital_recovery_factor(rate, periods)))


@accepts(time="s")
def discount_factor(rate, time):
    """Single-payment present worth factor (P/F) for a payment ``time`` from now.

    Parameters
    ----------
    rate : float or array [-]
        Discount rate per year, > -1.
    time : float or array [s]
        Delay of the payment, >= 0.

    Returns
    -------
    float or array [-]
        ``(1 + i)^(-t / year)``.

    References
    ----------
    .. [1] Sullivan, Wicks and Koelling (2015). Engineering Economy, 16th ed., ch. 4.
    """
    i = _rate(rate)
    t = _nonneg("time", time, "a payment cannot be made before now")
    return _ret(np.exp(-(t / YEAR) * np.log1p(i)))


@accepts(capex="USD", life="s")
def annualized_cost(capex, rate, life):
    """Level cost rate that repays a capital expense over its life at a discount rate.

    Parameters
    ----------
    capex : float or array [USD]
        Up-front capital expense, >= 0.
    rate : float or array [-]
        Discount rate (WACC) per year, > -1.
    life : float or array [s]
        Economic life, > 0.

    Returns
    -------
    float or array [USD/s]
        ``capex * CRF(i, life / year) / year`` (multiply by :data:`YEAR` for USD/yr).

    References
    ----------
    .. [1] Sullivan, Wicks and Koelling (2015). Engineering Economy, 16th ed., ch. 4.
    """
    c = _nonneg("capex", capex)
    i = _rate(rate)
    L = _positive("life", life, "an asset must live a positive time")
    return _ret(_k_annualized(c, i, L))


@accepts(capex="USD", life="s")
def levelized_cost(capex, opex_rate, output_rate, rate, life):
    """Levelised cost of a unit of output (token, joule, ...): annualised capex plus opex over output.

    Parameters
    ----------
    capex : float or array [USD]
        Capital expense, >= 0.
    opex_rate : float or array [USD/s]
        Operating cost rate, >= 0.
    output_rate : float or array [unit/s]
        Life-average delivered output rate, > 0.
    rate : float or array [-]
        Discount rate per year, > -1.
    life : float or array [s]
        Economic life, > 0.

    Returns
    -------
    float or array [USD/unit]
        ``(capex CRF / year + opex) / output``.

    Notes
    -----
    The fixed-charge-rate form of the levelised cost: exact for a constant output; with
    an output that declines over life, using its life average is the usual first-order
    approximation (it slightly favours long lives).

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173, pp. 22-24 and 47-50.
    """
    o = _nonneg("opex_rate", opex_rate)
    q = _positive("output_rate", output_rate, "a levelised cost needs some output")
    return _ret((np.asarray(annualized_cost(capex, rate, life)) + o) / q)


@accepts(capex="USD", delay="s")
def cost_of_delay(capex, rate, delay):
    """Extra capital cost of money committed ``delay`` before the asset earns (carried at WACC).

    Parameters
    ----------
    capex : float or array [USD]
        Capital committed at the start of the wait, >= 0.
    rate : float or array [-]
        Discount rate (WACC) per year, > -1.
    delay : float or array [s]
        Wait before operation (e.g. a grid-interconnection queue), >= 0.

    Returns
    -------
    float or array [USD]
        ``capex ((1 + i)^(delay / year) - 1)``: the interest the committed capital must
        earn before it produces anything (future value at start of operation).

    References
    ----------
    .. [1] Sullivan, Wicks and Koelling (2015). Engineering Economy, 16th ed., ch. 4 (F/P).
    """
    c = _nonneg("capex", capex)
    i = _rate(rate)
    d = _nonneg("delay", delay, "a wait cannot be negative")
    return _ret(_k_delay(c, i, d))


# --------------------------------------------------------------------------- metrics
def cost_per_million_tokens(cost_rate, token_rate):
    """Cost of one million delivered tokens.

    Parameters
    ----------
    cost_rate : float or array [USD/s]
        Total levelised cost rate (annualised capex + opex), >= 0.
    token_rate : float or array [tokens/s]
        Life-average delivered tokens, > 0.

    Returns
    -------
    float or array [USD]
        ``1e6 cost_rate / token_rate`` (USD per 1e6 tokens).

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173 (levelised cost of a product).
    """
    c = _nonneg("cost_rate", cost_rate)
    q = _positive("token_rate", token_rate, "no tokens delivered means no price per token")
    return _ret(1e6 * c / q)


def cost_per_request(cost_rate, token_rate, tokens_per_request):
    """Cost of one inference request.

    Parameters
    ----------
    cost_rate : float or array [USD/s]
        Total cost rate, >= 0.
    token_rate : float or array [tokens/s]
        Delivered tokens, > 0.
    tokens_per_request : float or array [tokens]
        Prompt plus output tokens of one request (as counted in ``token_rate``), > 0.

    Returns
    -------
    float or array [USD]
        ``cost_rate / token_rate * tokens_per_request``.

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173.
    """
    c = _nonneg("cost_rate", cost_rate)
    q = _positive("token_rate", token_rate, "no tokens delivered means no price per request")
    n = _positive("tokens_per_request", tokens_per_request, "a request has at least one token")
    return _ret(c / q * n)


def cost_per_accelerator_time(cost_rate, accelerators):
    """Cost per accelerator per unit time (x 3600 for USD per accelerator-hour).

    Parameters
    ----------
    cost_rate : float or array [USD/s]
        Total cost rate of the installation, >= 0.
    accelerators : float or array [-]
        Number of installed accelerators, > 0.

    Returns
    -------
    float or array [USD/s per accelerator]
        ``cost_rate / accelerators``.

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173.
    """
    c = _nonneg("cost_rate", cost_rate)
    n = _positive("accelerators", accelerators, "an installation has accelerators")
    return _ret(c / n)


def cost_per_power_time(cost_rate, power):
    """Cost per watt of IT power per unit time (x 3.156e10 for USD per kW-year).

    Parameters
    ----------
    cost_rate : float or array [USD/s]
        Total cost rate, >= 0.
    power : float or array [W]
        IT (payload) power, > 0.

    Returns
    -------
    float or array [USD/J]
        ``cost_rate / power`` (USD per W-second of IT capacity).

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173.
    """
    c = _nonneg("cost_rate", cost_rate)
    p = _positive("power", power, "the IT load must be positive")
    return _ret(c / p)


@accepts(capex="USD", average_power="W", life="s")
def lcoe(capex, opex_rate, average_power, rate, life):
    """Levelised cost of energy of a power system.

    Parameters
    ----------
    capex : float or array [USD]
        Installed cost, >= 0.
    opex_rate : float or array [USD/s]
        Operating cost rate, >= 0.
    average_power : float or array [W]
        Life-average delivered electrical power, > 0.
    rate : float or array [-]
        Discount rate per year, > -1.
    life : float or array [s]
        Economic life, > 0.

    Returns
    -------
    float or array [USD/J]
        ``(capex CRF / year + opex) / P_avg`` (x 3.6e9 for USD/MWh).

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173.
    .. [2] NREL Simple LCOE calculator documentation.
    """
    p = _positive("average_power", average_power, "a power system must deliver energy")
    return levelized_cost(capex, opex_rate, p, rate, life)


@accepts(plant_cost="USD/W", fuel_price="USD/J", fixed_om="USD/W/s", variable_om="USD/J", life="s")
def gas_lcoe(plant_cost, heat_rate, fuel_price, fixed_om, variable_om, capacity_factor, rate, life):
    """Levelised cost of electricity from a gas-fired plant.

    Parameters
    ----------
    plant_cost : float or array [USD/W]
        Overnight plant capital per W of net capacity, >= 0.
    heat_rate : float or array [-]
        Fuel energy (HHV) per unit of electricity, J/J, >= 1 (7,000 Btu/kWh = 2.05).
    fuel_price : float or array [USD/J]
        Gas price (USD 3.45/MMBtu = 3.27e-9 USD/J), >= 0.
    fixed_om : float or array [USD/(W s)]
        Fixed O&M per W of capacity per second (USD 15/kW-yr = 4.75e-10), >= 0.
    variable_om : float or array [USD/J]
        Variable O&M per J generated, >= 0.
    capacity_factor : float or array [-]
        Average output over capacity, in (0, 1].
    rate : float or array [-]
        Discount rate per year, > -1.
    life : float or array [s]
        Plant life, > 0.

    Returns
    -------
    float or array [USD/J]
        ``LCOE = (C CRF / year + FOM) / CF + HR P_fuel + VOM``.

    References
    ----------
    .. [1] NREL Simple LCOE calculator documentation (sLCOE formula).
    .. [2] Lazard (2025). Levelized Cost of Energy+ v18.0 (gas combined cycle
       USD 48-109/MWh unsubsidised) -- used as a range check in the tests.
    """
    c = _nonneg("plant_cost", plant_cost)
    hr = _arr(heat_rate)
    require(
        np.isfinite(hr) & (hr >= 1.0),
        "heat_rate",
        heat_rate,
        ">= 1 J/J (3412 Btu/kWh)",
        "a heat engine cannot turn more than all of the fuel's energy into electricity",
    )
    f = _nonneg("fuel_price", fuel_price)
    fom = _nonneg("fixed_om", fixed_om)
    vom = _nonneg("variable_om", variable_om)
    cf = _fraction("capacity_factor", capacity_factor, low_open=True, what="a plant runs between never and always")
    i = _rate(rate)
    L = _positive("life", life)
    return _ret(_k_gas_lcoe(c, hr, f, fom, vom, cf, i, L))


@accepts(
    array_cost="USD/W", storage_cost="USD/J", array_om="USD/W/s", array_life="s", storage_life="s", backup_price="USD/J"
)
def solar_storage_energy_price(
    array_cost,
    storage_cost,
    array_om,
    rate,
    array_life,
    storage_life,
    reliability=0.99,
    backup_price=0.0,
    site="greensboro",
    round_trip_efficiency=0.85,
):
    """Price of energy for a constant load from on-site PV plus batteries sized with pvlib.

    Parameters
    ----------
    array_cost : float or array [USD/W_dc]
        Installed PV cost per DC watt, >= 0.
    storage_cost : float or array [USD/J]
        Installed battery cost per J of usable energy (USD 300/kWh = 8.33e-5), >= 0.
    array_om : float or array [USD/(W_dc s)]
        PV fixed O&M per DC watt per second, >= 0.
    rate : float or array [-]
        Discount rate per year, > -1.
    array_life, storage_life : float or array [s]
        Lives of the array and of the battery, > 0.
    reliability : float or array [-]
        Share of the load energy served by PV and storage, in (0, 1).
    backup_price : float or array [USD/J]
        Price of the energy that serves the rest (grid or generator), >= 0.
    site : str
        Weather site (see :data:`orbitdc.physics.ground_solar.SITES`).
    round_trip_efficiency : float [-]
        Battery round-trip efficiency, in (0, 1].

    Returns
    -------
    dict of arrays
        ``price`` [USD/J] per J of load energy; ``array_ratio`` [W_dc per W];
        ``storage_duration`` [s]; ``capex_per_watt`` [USD per W of load];
        ``capacity_factor`` [-] of the PV.

    Notes
    -----
    The array and battery are sized by least *annualised* cost
    (``c_a = C_a CRF(i, L_a)``, ``c_s = C_s CRF(i, L_s)``) with
    :func:`orbitdc.physics.ground_solar.size_solar_storage`, then
    ``price = (c_a a + c_s s) / year + FOM a + (1 - r) P_backup`` per J of load.

    References
    ----------
    .. [1] Dobos (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
    .. [2] Short, Packey and Holt (1995). NREL/TP-462-5173.
    """
    from orbitdc.physics.ground_solar import size_solar_storage

    ca = _nonneg("array_cost", array_cost)
    cs = _nonneg("storage_cost", storage_cost)
    om = _nonneg("array_om", array_om)
    La = _positive("array_life", array_life)
    Ls = _positive("storage_life", storage_life)
    pb = _nonneg("backup_price", backup_price)
    crf_a = np.asarray(capital_recovery_factor(rate, La / YEAR))
    crf_s = np.asarray(capital_recovery_factor(rate, Ls / YEAR))
    sz = size_solar_storage(ca * crf_a, cs * crf_s, reliability, site, round_trip_efficiency)
    a, s = sz["array_ratio"], sz["storage_duration"]
    rel = sz["served_fraction"]
    price = (ca * crf_a * a + cs * crf_s * s) / YEAR + om * a + (1.0 - rel) * pb
    return {
        "price": _ret(price),
        "array_ratio": _ret(a),
        "storage_duration": _ret(s),
        "capex_per_watt": _ret(ca * a + cs * s),
        "capacity_factor": _ret(sz["capacity_factor"]),
    }


# --------------------------------------------------------------------------- orbital
@accepts(
    hardware_cost="USD",
    bus_mass="kg",
    bus_cost_per_kg="USD/kg",
    array_power_bol="W",
    array_cost_per_watt="USD/W",
    battery_energy="J",
    battery_cost_per_joule="USD/J",
    radiator_area="m^2",
    radiator_cost_per_area="USD/m^2",
    link_terminal_cost="USD",
    launch_cost="USD",
    nre="USD",
)
def orbital_capex(
    hardware_cost,
    bus_mass,
    bus_cost_per_kg,
    array_power_bol,
    array_cost_per_watt,
    battery_energy,
    battery_cost_per_joule,
    radiator_area,
    radiator_cost_per_area,
    link_terminals,
    link_terminal_cost,
    integration_fraction,
    launch_cost,
    nre,
    satellites,
):
    """Capital cost of one inference satellite, item by item, from its physical outputs.

    Parameters
    ----------
    hardware_cost : float or array [USD]
        Compute hardware (accelerators, hosts, memory, boards) per satellite, >= 0.
    bus_mass : float or array [kg]
        Dry bus mass (structure, avionics, ADCS, propulsion, harness) per satellite, >= 0.
    bus_cost_per_kg : float or array [USD/kg]
        Recurring bus cost per kg, >= 0.
    array_power_bol : float or array [W]
        Solar array power at beginning of life, >= 0.
    array_cost_per_watt : float or array [USD/W]
        Solar array cost per W BOL, >= 0.
    battery_energy : float or array [J]
        Installed battery energy, >= 0.
    battery_cost_per_joule : float or array [USD/J]
        Space battery cost (USD 1000/kWh = 2.78e-4 USD/J), >= 0.
    radiator_area : float or array [m2]
        Radiator area, >= 0.
    radiator_cost_per_area : float or array [USD/m2]
        Deployable radiator cost per m2, >= 0.
    link_terminals : float or array [-]
        Number of link terminals (optical ISL and RF/optical ground), >= 0.
    link_terminal_cost : float or array [USD]
        Cost of one terminal, >= 0.
    integration_fraction : float or array [-]
        Assembly, integration and test as a fraction of the non-chip hardware, in [0, 1].
    launch_cost : float or array [USD]
        Launch cost allocated to this satellite (from the launch module), >= 0.
    nre : float or array [USD]
        Non-recurring engineering of the programme, >= 0, amortised over ``satellites``.
    satellites : float or array [-]
        Number of satellites that share the NRE, >= 1.

    Returns
    -------
    dict of arrays [USD]
        ``chips, bus, array, battery, radiator, links, integration, launch, nre, total``.

    Notes
    -----
    ``total = chips + (1 + f_I&T)(bus + array + battery + radiator + links) + launch
    + NRE / N``.  Integration is applied to the spacecraft hardware but not to the chips
    (commercial boards whose price already includes their own test).

    References
    ----------
    .. [1] Wertz, J. R., Everett, D. F. and Puschell, J. J. (2011). Space Mission
       Engineering: The New SMAD. Microcosm, ch. 11 (cost breakdown by subsystem,
       integration, assembly and test; learning and NRE amortisation).
    """
    n = _arr(satellites)
    require(np.isfinite(n) & (n >= 1), "satellites", satellites, ">= 1", "the NRE is shared by at least one satellite")
    items = _k_orbital_capex(
        _nonneg("hardware_cost", hardware_cost),
        _nonneg("bus_mass", bus_mass),
        _nonneg("bus_cost_per_kg", bus_cost_per_kg),
        _nonneg("array_power_bol", array_power_bol),
        _nonneg("array_cost_per_watt", array_cost_per_watt),
        _nonneg("battery_energy", battery_energy),
        _nonneg("battery_cost_per_joule", battery_cost_per_joule),
        _nonneg("radiator_area", radiator_area),
        _nonneg("radiator_cost_per_area", radiator_cost_per_area),
        _nonneg("link_terminals", link_terminals),
        _nonneg("link_terminal_cost", link_terminal_cost),
        _fraction(
            "integration_fraction", integration_fraction, what="integration and test is a fraction of the hardware cost"
        ),
        _nonneg("launch_cost", launch_cost),
        _nonneg("nre", nre),
        n,
    )
    return _bcast(items)


def orbital_opex(capex_total, insurance_rate, operations_rate, data_rate, transit_price):
    """Operating cost rates of one inference satellite.

    Parameters
    ----------
    capex_total : float or array [USD]
        Satellite capital cost (insured value), >= 0.
    insurance_rate : float or array [1/s]
        In-orbit insurance premium as a fraction of capex per second
        (1 %/yr = 0.01 / YEAR), >= 0.
    operations_rate : float or array [USD/s]
        Operations and ground segment per satellite, >= 0.
    data_rate : float or array [bit/s]
        Life-average user data carried (prompts in, tokens out), >= 0.
    transit_price : float or array [USD/bit]
        Spectrum / relay (e.g. Starlink) transit price (USD 1/GB = 1.25e-10 USD/bit), >= 0.

    Returns
    -------
    dict of arrays [USD/s]
        ``insurance, operations, transit, total``.

    References
    ----------
    .. [1] Wertz, Everett and Puschell (2011). Space Mission Engineering: The New SMAD,
       ch. 11 (operations and insurance as recurring costs).
    """
    items = _k_orbital_opex(
        _nonneg("capex_total", capex_total),
        _nonneg("insurance_rate", insurance_rate),
        _nonneg("operations_rate", operations_rate),
        _nonneg("data_rate", data_rate),
        _nonneg("transit_price", transit_price),
    )
    return _bcast(items)


@accepts(
    array_cost="USD",
    battery_cost="USD",
    launch_cost_per_kg="USD/kg",
    array_mass="kg",
    battery_mass="kg",
    average_power="W",
    life="s",
)
def power_system_lcoe(
    array_cost,
    battery_cost,
    launch_cost_per_kg,
    array_mass,
    battery_mass,
    average_power,
    rate,
    life,
    integration_fraction=0.0,
):
    """LCOE of a satellite's power system (array + battery + their launch), per J delivered.

    Parameters
    ----------
    array_cost, battery_cost : float or array [USD]
        Hardware cost of the array and of the battery, >= 0.
    launch_cost_per_kg : float or array [USD/kg]
        Launch cost per kg of satellite, >= 0.
    array_mass, battery_mass : float or array [kg]
        Masses carried to orbit, >= 0.
    average_power : float or array [W]
        Continuous electrical load served (day and eclipse), > 0.
    rate : float or array [-]
        Discount rate per year, > -1.
    life : float or array [s]
        Mission life, > 0.
    integration_fraction : float or array [-]
        Integration and test applied to the hardware, in [0, 1].

    Returns
    -------
    float or array [USD/J]
        ``[(1 + f)(C_array + C_batt) + c_launch (m_array + m_batt)] CRF / year / P``:
        what "free" sunlight costs once the collector is bought and launched.

    References
    ----------
    .. [1] Short, Packey and Holt (1995). NREL/TP-462-5173.
    """
    f = _fraction("integration_fraction", integration_fraction)
    return _ret(
        _k_power_lcoe(
            _nonneg("array_cost", array_cost),
            _nonneg("battery_cost", battery_cost),
            _nonneg("launch_cost_per_kg", launch_cost_per_kg),
            _nonneg("array_mass", array_mass),
            _nonneg("battery_mass", battery_mass),
            _positive("average_power", average_power, "a power system must deliver energy"),
            _k_crf_life(_rate(rate), _positive("life", life)),
            f,
        )
    )


# --------------------------------------------------------------------------- terrestrial
@accepts(
    hardware_cost="USD",
    it_power="W",
    facility_cost_per_watt="USD/W",
    energy_price="USD/J",
    facility_om_rate="1/s",
    interconnection_delay="s",
    life="s",
    facility_life="s",
)
def terrestrial_costs(
    hardware_cost,
    it_power,
    token_rate,
    facility_cost_per_watt,
    pue,
    energy_price,
    facility_om_rate,
    interconnection_delay,
    rate,
    life,
    facility_life,
):
    """Cost of a ground data center running the same chips at the same IT power.

    Parameters
    ----------
    hardware_cost : float or array [USD]
        Compute hardware for ``it_power`` (refreshed every ``life``), >= 0.
    it_power : float or array [W]
        IT load, > 0.
    token_rate : float or array [tokens/s]
        Delivered tokens of that IT load, > 0.
    facility_cost_per_watt : float or array [USD/W]
        Data-center shell, power and cooling plant per W of IT, >= 0.
    pue : float or array [-]
        Power usage effectiveness (facility power / IT power), >= 1.
    energy_price : float or array [USD/J]
        Delivered electricity price (grid tariff, gas LCOE or PV+storage price), >= 0.
    facility_om_rate : float or array [1/s]
        Facility O&M (staff, maintenance, property tax) as a fraction of facility
        capex per second (4 %/yr = 0.04 / YEAR), >= 0.
    interconnection_delay : float or array [s]
        Wait for power during which the facility capital is carried, >= 0.
    rate : float or array [-]
        WACC per year, > -1.
    life : float or array [s]
        Chip refresh period (the same life as the satellites), > 0.
    facility_life : float or array [s]
        Facility life, > 0.

    Returns
    -------
    dict of arrays
        Capex [USD]: ``capex_chips, capex_facility, capex_delay, capex_total``;
        cost rates [USD/s]: ``rate_chips, rate_facility, opex_energy, opex_facility,
        opex_total, cost_rate``; ``energy_cost_share`` [-].

    Notes
    -----
    ``cost = C_chips CRF(L) + (C_fac + C_delay) CRF(L_fac) + P_IT PUE p_e + o C_fac``
    with ``C_delay = C_fac ((1+i)^wait - 1)`` (the facility is built, then waits for
    its interconnection).

    References
    ----------
    .. [1] Barroso, L. A., Hoelzle, U. and Ranganathan, P. (2018). The Datacenter as a
       Computer, 3rd ed., Morgan & Claypool, ch. 6 (data-center TCO: capex per W,
       amortisation, PUE, electricity).
    .. [2] The Green Grid (2007). The Green Grid Data Center Power Efficiency Metrics:
       PUE and DCiE (White Paper 6).
    """
    chips = _nonneg("hardware_cost", hardware_cost)
    p = _positive("it_power", it_power)
    _positive("token_rate", token_rate)
    pue_a = _arr(pue)
    require(
        np.isfinite(pue_a) & (pue_a >= 1.0),
        "pue",
        pue,
        ">= 1",
        "a data center cannot use less power than its IT equipment",
    )
    items = _k_terrestrial(
        chips,
        p,
        _nonneg("facility_cost_per_watt", facility_cost_per_watt),
        pue_a,
        _nonneg("energy_price", energy_price),
        _nonneg("facility_om_rate", facility_om_rate),
        _nonneg("interconnection_delay", interconnection_delay, "a wait cannot be negative"),
        _rate(rate),
        _k_crf_life(_rate(rate), _positive("life", life)),
        _k_crf_life(_rate(rate), _positive("facility_life", facility_life)),
    )
    total = items["cost_rate"]
    with np.errstate(divide="ignore", invalid="ignore"):
        items["energy_cost_share"] = np.where(total > 0, items["opex_energy"] / np.where(total > 0, total, 1.0), 0.0)
    return _bcast(items)


# --------------------------------------------------------------------------- fleet
@accepts(
    chip_power="W",
    chip_cost="USD",
    owner_payment_energy="USD/J",
    owner_payment_time="USD/s",
    electricity_price="USD/J",
    data_price="USD/bit",
    bits_per_token="bit",
    wear_cost="USD/s",
    life="s",
)
def fleet_costs(
    cars,
    chip_power,
    parked_fraction,
    plugged_fraction,
    consent_fraction,
    chip_cost,
    owner_payment_energy,
    owner_payment_time,
    electricity_price,
    data_price,
    bits_per_token,
    wear_cost,
    overhead,
    power_overhead,
    tokens_per_joule,
    rate,
    life,
):
    """Capacity and cost of inference on a fleet of parked, plugged-in cars.

    Parameters
    ----------
    cars : float or array [-]
        Cars carrying an inference computer, >= 1.
    chip_power : float or array [W]
        Inference computer power per car (the seed documents: 1 kW), > 0.
    parked_fraction : float or array [-]
        Share of hours a car is parked (the documents: 95 %), in (0, 1].
    plugged_fraction : float or array [-]
        Share of parked hours it is also plugged in (power without draining the
        traction battery), in (0, 1].
    consent_fraction : float or array [-]
        Share of those hours the owner lets it compute, in (0, 1].
    chip_cost : float or array [USD]
        Inference computer hardware per car (paid by the operator), >= 0.
    owner_payment_energy : float or array [USD/J]
        Payment to owners per J of electricity drawn (on top of their electricity
        cost, which is reimbursed at ``electricity_price``), >= 0.
    owner_payment_time : float or array [USD/s]
        Payment to owners per second of computing, >= 0.
    electricity_price : float or array [USD/J]
        Residential electricity price, reimbursed to owners, >= 0.
    data_price : float or array [USD/bit]
        Cellular / satellite data price (USD 1/GB = 1.25e-10 USD/bit), >= 0.
    bits_per_token : float or array [bit]
        User data moved per delivered token (prompt in and output out), >= 0.
    wear_cost : float or array [USD/s]
        Battery cycling and computer wear per second of computing, >= 0.
    overhead : float or array [-]
        Fraction of computed tokens lost to redundancy and verification (untrusted,
        intermittent nodes), in [0, 1).
    power_overhead : float or array [-]
        Wall power over chip power while computing (car thermal management, charger
        and DC-DC losses, vehicle standby), >= 1.
    tokens_per_joule : float or array [tokens/J]
        Tokens the same chips and workload deliver per J of IT energy, > 0.
    rate : float or array [-]
        WACC per year, > -1.
    life : float or array [s]
        Life of the in-car computers, > 0.

    Returns
    -------
    dict of arrays
        ``availability`` [-] = parked x plugged x consent; ``power_nameplate`` [W];
        ``power_available`` [W] (life-average computing power);
        ``token_rate`` [tokens/s] delivered; ``capex_chips`` [USD];
        rates [USD/s]: ``rate_chips, opex_energy, opex_payment, opex_wear, opex_data,
        opex_total, cost_rate``.

    Notes
    -----
    ``P_avail = N P_chip f_park f_plug f_consent``;
    ``tokens = P_avail k (1 - overhead)``;
    ``cost = N C_chip CRF / year + P_avail eta (p_home + pay_E)
    + N f (pay_t + wear) + (tokens / (1 - overhead)) b p_data``.

    References
    ----------
    .. [1] Kempton, W. and Tomic, J. (2005). Vehicle-to-grid power fundamentals:
       calculating capacity and net revenue. J. Power Sources 144(1), 268-279
       (fleet availability x power, owner payments, battery wear per use).
    .. [2] Seed documents (this project, ../shared/SEED_CLAIMS.md): 100 M cars x 1 kW,
       parked 95 % of the time.
    """
    n = _arr(cars)
    require(np.isfinite(n) & (n >= 1), "cars", cars, ">= 1", "a fleet has cars")
    pc = _positive("chip_power", chip_power, "the in-car computer draws power")
    fp = _fraction("parked_fraction", parked_fraction, low_open=True)
    fg = _fraction("plugged_fraction", plugged_fraction, low_open=True)
    fc = _fraction("consent_fraction", consent_fraction, low_open=True)
    cc = _nonneg("chip_cost", chip_cost)
    pay_e = _nonneg("owner_payment_energy", owner_payment_energy)
    pay_t = _nonneg("owner_payment_time", owner_payment_time)
    pe = _nonneg("electricity_price", electricity_price)
    pd_ = _nonneg("data_price", data_price)
    b = _nonneg("bits_per_token", bits_per_token)
    wear = _nonneg("wear_cost", wear_cost)
    ov = _fraction("overhead", overhead, high_open=True, what="redundancy cannot consume every token")
    eta = _arr(power_overhead)
    require(
        np.isfinite(eta) & (eta >= 1.0),
        "power_overhead",
        power_overhead,
        ">= 1",
        "the car cannot draw less than the chip",
    )
    k = _positive("tokens_per_joule", tokens_per_joule)
    items = _k_fleet(
        n,
        pc,
        fp,
        fg,
        fc,
        cc,
        pay_e,
        pay_t,
        pe,
        pd_,
        b,
        wear,
        ov,
        eta,
        k,
        _k_crf_life(_rate(rate), _positive("life", life)),
    )
    return _bcast(items)


# --------------------------------------------------------------------------- launched power
def launched_power_price(price_per_kg, mass_per_power, life):
    """Launch cost of a satellite's power per unit power and time ("launched-power price").

    Parameters
    ----------
    price_per_kg : float or array [USD/kg]
        Launch price per kg to the operating orbit, >= 0.
    mass_per_power : float or array [kg/W]
        Satellite mass per W of power (1 / specific power), >= 0.
    life : float or array [s]
        Life over which the launch is spread, > 0.

    Returns
    -------
    float or array [USD/(W s)]
        ``c m / (P T)``, undiscounted (multiply by ``1e3 * YEAR`` for USD per kW-year).

    References
    ----------
    .. [1] Google Project Suncatcher (2025), "Towards a future space-based, highly scalable AI
       infrastructure system design", arXiv:2511.19468 (launched-power price, USD/kW/y).
    """
    c = _nonneg("price_per_kg", price_per_kg)
    m = _nonneg("mass_per_power", mass_per_power)
    t = _positive("life", life, "a launch is spread over a positive life")
    return _ret(c * m / t)
