"""Kernels of the three architectures costs: a satellite, a ground data center, a car fleet.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.architecture_costs`. Money in USD, cost rates in
USD/s, capital recovery factors per second from :func:`orbitdc.kernels.finance.crf_per_second`.
"""

from __future__ import annotations

from .finance import delay_cost

__all__ = ["orbital_capex", "orbital_opex", "power_lcoe", "terrestrial", "fleet"]


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


def orbital_opex(capex_total, insurance_rate, operations_rate, data_rate, transit_price):
    """Orbital opex rates [USD/s] as a dict, no checks."""
    ins = insurance_rate * capex_total
    tr = data_rate * transit_price
    return dict(insurance=ins, operations=operations_rate, transit=tr, total=ins + operations_rate + tr)


def power_lcoe(
    array_cost, battery_cost, launch_cost_per_kg, array_mass, battery_mass, average_power, crf_s, integration_fraction
):
    """Orbital power-system LCOE [USD/J], no checks; ``crf_s`` from :func:`orbitdc.kernels.finance.crf_per_second`."""
    cap = (1.0 + integration_fraction) * (array_cost + battery_cost) + launch_cost_per_kg * (array_mass + battery_mass)
    return cap * crf_s / average_power


def terrestrial(
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
    log_rate=None,
):
    """Ground data-center costs as a dict, no checks, CRFs per second from :func:`orbitdc.kernels.finance.crf_per_second`
    (``log_rate``: ``log1p(rate)`` when the caller has it)."""
    fac = facility_cost_per_watt * it_power
    delay = delay_cost(fac, rate, interconnection_delay, log_rate)
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


def fleet(
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
    """Fleet capacity and costs as a dict, no checks; ``crf_s`` from :func:`orbitdc.kernels.finance.crf_per_second`."""
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
