"""The three architectures' costs: a satellite, a ground data center, a fleet of parked cars.

Part of :mod:`orbitdc.physics.finance` (which re-exports every public name here). The
same workload is priced three ways, each as a cost rate (USD/s) against a delivered token
rate (tokens/s): :func:`orbital_capex`, :func:`orbital_opex` and :func:`power_system_lcoe`
(a satellite), :func:`terrestrial_costs` (a data center of the same IT power and chips),
:func:`fleet_costs` (parked cars with an inference computer), and
:func:`launched_power_price` (launch cost per watt-year delivered in orbit). Units and
conventions are those of :mod:`orbitdc.physics.finance`.

References
----------
.. [1] Sullivan, W. G., Wicks, E. M. and Koelling, C. P. (2015). Engineering Economy,
   16th ed. Pearson (capital recovery factor).
.. [2] Short, W., Packey, D. J. and Holt, T. (1995). A Manual for the Economic Evaluation
   of Energy Efficiency and Renewable Energy Technologies. NREL/TP-462-5173 (LCOE).
"""

from __future__ import annotations

import numpy as np

from ..errors import require
from ..kernels.architecture_costs import fleet as _k_fleet
from ..kernels.architecture_costs import orbital_capex as _k_orbital_capex
from ..kernels.architecture_costs import orbital_opex as _k_orbital_opex
from ..kernels.architecture_costs import power_lcoe as _k_power_lcoe
from ..kernels.architecture_costs import terrestrial as _k_terrestrial
from ..kernels.finance import crf_per_second as _k_crf_life
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import at_least as _at_least
from ._checks import out_array as _ret
from .finance import _fraction, _nonneg, _positive, _rate

__all__ = [
    "orbital_capex",
    "orbital_opex",
    "power_system_lcoe",
    "terrestrial_costs",
    "fleet_costs",
    "launched_power_price",
]


# --------------------------------------------------------------------------- kernels
def _bcast(items):
    """Broadcast every value of a dict to a common shape; floats for 0-d results."""
    shape = np.broadcast_shapes(*(np.shape(v) for v in items.values()))
    return {k: _ret(np.broadcast_to(np.asarray(v, dtype=float), shape) * 1.0) for k, v in items.items()}


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
    eta = _at_least("power_overhead", power_overhead, 1.0, ">= 1", "the car cannot draw less than the chip")
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
