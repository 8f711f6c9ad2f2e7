"""Engineering economics of inference: capital recovery, levelised costs, three architectures.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no pint, no I/O).
Money is USD (nominal, one currency), time is seconds, energy J, power W, data bit.
A yearly figure is carried as a *rate* in SI: "USD 1M per year" is ``1e6 / YEAR`` USD/s,
"4 %/yr" is ``0.04 / YEAR`` 1/s, "USD 0.05 per kWh" is ``0.05 / 3.6e6`` USD/J.  Discount
rates (WACC) are dimensionless fractions *per year*; lives are seconds and are turned into
years with the Julian year :data:`YEAR` inside the capital-recovery formulas.

The same workload is priced three ways in :mod:`orbitdc.physics.architecture_costs`, each as
a cost rate (USD/s) against a delivered token rate (tokens/s), with the formulas here:

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

from ..constants import HOUR, JULIAN_YEAR
from ..errors import require
from ..kernels.finance import annualized as _k_annualized
from ..kernels.finance import crf as _k_crf
from ..kernels.finance import delay_cost as _k_delay
from ..kernels.finance import gas_lcoe as _k_gas_lcoe
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import at_least as _at_least
from ._checks import nonneg_finite, positive_finite, unit_interval_finite
from ._checks import out_array as _ret

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
    """Levelised cost of energy of a power system (:func:`levelized_cost` of energy).

    Parameters
    ----------
    capex, opex_rate : float or array [USD], [USD/s]
        Installed cost and operating cost rate, >= 0.
    average_power : float or array [W]
        Life-average delivered electrical power, > 0.
    rate, life
        Discount rate per year and economic life [s], as in :func:`levelized_cost`.

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
    hr = _at_least(
        "heat_rate",
        heat_rate,
        1.0,
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
