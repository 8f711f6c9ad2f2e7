"""Pipeline module ``power``: solar array and battery of one satellite.

Reads the orbit's worst-case eclipse and Sun distance, the compute payload's power and the
extra electrical loads of the thermal (heat pump) and links stages, and sizes

* the solar array for end of life, at the worst-case eclipse fraction of the year and the
  irradiance at aphelion (both conservative), with the cell efficiency at its operating
  temperature (SMAD 3rd ed. section 11.4.1, eq. 11-5). The cell temperature comes from
  the panel energy balance :func:`orbitdc.physics.thermal.solar_cell_temperature` for a
  Sun-pointing array at orbit noon of the year's smallest |beta| (the hottest point of
  the sunlit arc), solved together with the temperature-dependent efficiency;
* the battery for the longest eclipse at the allowed depth of discharge (SMAD section
  11.4.2), and its cycle count over the mission against its cycle life.

A never-eclipsed orbit gets a zero-energy battery: orbitdc does not size a safe-mode or
launch battery (a few kWh, negligible next to a 100 kW-class array); add it to the bus
mass elsewhere if needed.

The per-watt sizing is the unit-free :mod:`orbitdc.kernels.power` (checked API:
:mod:`orbitdc.physics.solar`); :mod:`orbitdc.physics.power_system` gathers its arguments
from the scenario for this stage and for the thermal stage's heat-pump trade, which prices
pump power at the same marginal kg/W.  This module only wires fields and outputs.
``mission_life`` here is THE satellite design life read by every module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import require as _require
from ..kernels import power as kpower
from ..physics import power_system
from ..schema import Field, Output, Section


def require(ok: Any, field: str, value: Any, allowed: str, reason: str) -> None:
    """:func:`orbitdc.errors.require` with a fast path when the condition holds."""
    if ok is True or (ok.__class__ is np.bool_ and ok) or (ok.__class__ is np.ndarray and ok.all()):
        return
    _require(ok, field, value, allowed, reason)


__all__ = ["SECTIONS", "OUTPUTS", "stage", "APHELION_DISTANCE"]

APHELION_DISTANCE = 152.099e9
"""Earth's aphelion distance from the Sun [m] (1.01671 au), used when the orbit stage does
not provide ``orbit.sun_distance_max``. NASA NSSDCA Earth Fact Sheet (Williams, D. R.).
Kind: measurement."""

_CELLS = {
    # cell_type -> fills (values in each field's unit); the family sets the array's price too
    "triple_junction": {
        "cell_efficiency": 0.30,
        "temperature_coefficient": -0.0022,
        "degradation_per_year": 0.01,
        "array_areal_density": 2.9,
        "finance.array_cost_per_watt": 100.0,
    },
    "silicon": {
        "cell_efficiency": 0.22,
        "temperature_coefficient": -0.0045,
        "degradation_per_year": 0.025,
        "array_areal_density": 2.5,
        "finance.array_cost_per_watt": 12.0,
    },
    "thin_film": {
        "cell_efficiency": 0.20,
        "temperature_coefficient": -0.0030,
        "degradation_per_year": 0.02,
        "array_areal_density": 1.0,
        "finance.array_cost_per_watt": 8.0,
    },
}
CELL_SOURCES = {
    "triple_junction": "GaInP/GaAs/Ge: Spectrolab XTJ Prime 30.7 % and Azur Space 3G30C about 30 % (AM0, 28 C, "
    "BOL), about -0.22 %/K (datasheets, vendor); 0.5-1 %/yr in LEO with cover glass; ISS "
    "iROSA wing 2.9 kg/m2 (Redwire/NASA, vendor); 100 USD/W flight array (assumption: "
    "cells alone sell for tens to hundreds of USD/W, space-power literature, Gaddy 1996)",
    "silicon": "silicon as flown on Starlink-class arrays: about 22 % AM0, -0.45 %/K (Patel 2005), 2.5 %/yr in "
    "LEO (McCalip 2025 calculator default; SMAD FireSat 3.75 %/yr for 1990s cells); 2.5 kg/m2 "
    "(assumption, lighter than Ge-substrate cells); 12 USD/W (assumption: about half the "
    "whole-satellite 22 USD/W of a Starlink V2 mini estimated from ~800 USD/kg manufacturing, "
    "McCalip 2025)",
    "thin_film": "thin-film CIGS or perovskite blankets (projection): 20 % AM0, -0.30 %/K, 2 %/yr, 1 kg/m2 "
    "flexible blanket, 8 USD/W; no flight heritage at scale",
}

SECTIONS = (
    Section(
        "power",
        "Power: solar array and battery",
        "Electrical load of one satellite and the solar array and battery that carry it "
        "through the worst eclipse of the year at end of life.",
        (
            Field(
                "payload_power",
                "kW",
                100.0,
                "Electrical power of the compute payload per satellite (IT load)",
                source="orbitdc reference design: a 100 kW-class compute satellite (order of the "
                "ISS's ~100 kW average); a design choice, not a measurement",
                kind="assumption",
                role="design",
                low=0.0,
                low_open=True,
                high=1e6,
                reason="a satellite draws positive power; above 1 GW per satellite the "
                "single-spacecraft mass roll-up is outside the model",
                ui=(1.0, 2000.0),
                spread=(50.0, 200.0),
            ),
            Field(
                "bus_power_fraction",
                "",
                0.05,
                "Housekeeping (bus) load as a fraction of the payload power",
                source="assumption: attitude control, avionics, propulsion keep-alive and heaters of "
                "a large satellite are a few kW, a few percent of a 100 kW payload (small "
                "satellites spend a much larger share on the bus)",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="the bus draws a non-negative load, below the payload's own power for a compute satellite",
                spread=(0.02, 0.10),
            ),
            Field(
                "mission_life",
                "yr",
                5.0,
                "Satellite design life (used by every module: degradation, cycles, replacement, capital recovery)",
                source="Starlink-class LEO satellites are designed for about 5 years (SpaceX FCC "
                "filings, vendor figure)",
                kind="vendor",
                role="design",
                low=0.1,
                high=30.0,
                reason="a design life is positive; beyond 30 years no LEO satellite, cell or "
                "battery has a basis (GEO comsats are designed for 15-20 years); below about a month nothing is amortised: the cost per token diverges",
                ui=(1.0, 20.0),
                spread=(3.0, 10.0),
            ),
            Field(
                "cell_type",
                "",
                "silicon",
                "Solar-cell family; sets efficiency, temperature coefficient, degradation, areal "
                "density and the array's price per W (finance.array_cost_per_watt)",
                source="; ".join(f"{k}: {v}" for k, v in CELL_SOURCES.items()) + ". Default silicon: the "
                "cell family of today's mass-produced constellation (Starlink), where cost decides",
                kind="vendor",
                choices=tuple(_CELLS),
                fills=_CELLS,
                role="design",
            ),
            Field(
                "cell_efficiency",
                "",
                0.22,
                "Cell efficiency at beginning of life, AM0, 28 C",
                source="Spectrolab XTJ Prime datasheet 30.7 % and Azur Space 3G30C-Advanced datasheet "
                "about 30 % (AM0, 28 C, BOL); silicon space/terrestrial-derived cells about "
                "22 % (as used in Starlink-class arrays, no public datasheet)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=0.65,
                reason="efficiency is positive and below the many-junction detailed-balance limit "
                "at one sun (~0.65-0.69); the best laboratory cell is 47.6 % under concentration",
                ui=(0.15, 0.40),
                spread=(0.22, 0.32),
            ),
            Field(
                "temperature_coefficient",
                "1/K",
                -0.0045,
                "Relative change of cell efficiency per kelvin above 28 C",
                source="triple-junction datasheets: about -0.2 to -0.25 %/K of Pmp (relative); "
                "silicon about -0.45 %/K (Patel 2005, Spacecraft Power Systems)",
                kind="vendor",
                low=-0.01,
                high=0.0,
                reason="photovoltaic efficiency does not rise with temperature; a loss above 1 %/K "
                "(twice silicon's) is outside any space cell's datasheet",
                spread=(-0.0050, -0.0035),
            ),
            Field(
                "packing_factor",
                "",
                0.90,
                "Fraction of the array area covered by active cells",
                source="SMAD 3rd ed. section 11.4.1 and Patel 2005: 0.85-0.95 for rigid and flexible-blanket arrays",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="cells cover a positive fraction of the array and never more than all of it",
                spread=(0.85, 0.95),
            ),
            Field(
                "pointing_loss",
                "",
                0.02,
                "Fraction of array output lost to off-normal sunlight (1 - cos of the mean "
                "incidence angle) and residual wiring / mismatch",
                source="assumption: a Sun-tracking array (1 - cos 11 deg = 0.02); a body-fixed "
                "array in an inclined orbit loses far more (SMAD uses 23.5 deg worst case)",
                kind="assumption",
                low=0.0,
                high=1.0,
                high_open=True,
                reason="a loss fraction is in [0, 1): at 1 the array would see no sunlight",
                spread=(0.0, 0.10),
            ),
            Field(
                "degradation_per_year",
                "",
                0.025,
                "Fractional loss of array output per year (radiation, UV, thermal cycling)",
                source="SMAD 3rd ed. FireSat example: 3.75 %/yr Si and 2.75 %/yr GaAs cells (1990s); "
                "modern triple-junction cells with cover glass in LEO about 0.5-1 %/yr "
                "(assumption); silicon about 2.5 %/yr (McCalip 2025 calculator default)",
                kind="assumption",
                low=0.0,
                high=0.5,
                high_open=True,
                reason="a yearly loss is non-negative; half the output per year is no longer a working array",
                spread=(0.015, 0.04),
            ),
            Field(
                "array_areal_density",
                "kg/m^2",
                2.5,
                "Solar-array wing mass per area (cells, blanket, booms, mechanism)",
                source="ISS iROSA wing (Redwire/NASA): about 20 kW, 19 m x 6 m, about 340 kg "
                "reported, i.e. 2.9 kg/m2 at wing level; thinner flexible blankets are projected "
                "at 1-2 kg/m2 (vendor claims)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=20.0,
                reason="an array has positive mass; above 20 kg/m2 it is heavier than any flown rigid honeycomb panel",
                ui=(0.5, 6.0),
                spread=(1.0, 4.0),
            ),
            Field(
                "battery_specific_energy",
                "Wh/kg",
                180.0,
                "Battery energy per battery mass at pack level (cells, structure, harness, electronics)",
                source="modern space Li-ion: 18650-class NCA/NMC cells of 250-270 Wh/kg (vendor "
                "datasheets) lose about 30 % to packaging, giving 160-200 Wh/kg assembled "
                "(EnerSys/ABSL and Saft VES space batteries, vendor); 130 Wh/kg was the "
                "2000s figure (Patel 2005)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1000.0,
                reason="a battery has positive mass; above 1000 Wh/kg no rechargeable chemistry exists",
                ui=(50.0, 400.0),
                spread=(130.0, 250.0),
            ),
            Field(
                "depth_of_discharge",
                "",
                0.60,
                "Largest design depth of discharge per eclipse; the cycle life may set a shallower one (dod_rule)",
                source="LEO Li-ion practice: cycle life allows about 0.5-0.6 in orbits with few "
                "eclipses; cells are rarely cycled deeper than 0.6 for stress and margin "
                "(SMAD 3rd ed. section 11.4.2 for the method; assumption for the value)",
                kind="assumption",
                role="design",
                low=0.05,
                high=1.0,
                reason="a depth of discharge is a fraction of capacity in (0, 1]; below 5 % the battery mass exceeds 20 times its energy; no design cycles that shallow",
                spread=(0.4, 0.7),
            ),
            Field(
                "dod_rule",
                "",
                "cycle_life",
                "How the design depth of discharge is set: 'cycle_life' (the deepest, up to "
                "depth_of_discharge, at which the battery's cycle life covers the mission's cycles "
                "times battery_cycle_margin) or 'fixed' (depth_of_discharge as given)",
                source="SMAD 3rd ed. section 11.4.2: the depth of discharge follows from the cycle "
                "life required by the orbit",
                kind="assumption",
                role="design",
                choices=("cycle_life", "fixed"),
            ),
            Field(
                "battery_cycle_margin",
                "",
                1.5,
                "Required cycle life over the mission's cycles (dod_rule = 'cycle_life')",
                source="assumption: a qualification factor of about 1.5 on cycle life",
                kind="assumption",
                low=1.0,
                high=10.0,
                reason="the battery must last at least the mission's cycles; beyond 10x the margin "
                "is no longer a design margin",
                spread=(1.2, 2.0),
            ),
            Field(
                "battery_efficiency",
                "",
                0.90,
                "Discharge efficiency from battery terminals to the loads",
                source="SMAD 3rd ed. section 11.4.2: transmission efficiency battery to load about 0.9",
                kind="assumption",
                low=0.5,
                high=1.0,
                reason="an efficiency lies in (0, 1]; flown batteries deliver 75-95 % round trip (SMAD 11.4); below 50 % the battery mass diverges",
                spread=(0.85, 0.95),
            ),
            Field(
                "battery_cycle_life",
                "",
                30000.0,
                "Battery cycle life at the reference depth of discharge",
                source="assumption: LEO Li-ion qualification programmes target about 30,000 cycles "
                "(5 years of LEO eclipses) at 20-30 % DoD",
                kind="assumption",
                low=1.0,
                high=1e7,
                reason="a cycle life is positive and finite; a battery lasts at least one cycle",
                spread=(15000.0, 60000.0),
            ),
            Field(
                "battery_cycle_life_dod",
                "",
                0.30,
                "Depth of discharge at which battery_cycle_life is quoted",
                source="assumption (paired with battery_cycle_life)",
                kind="assumption",
                low=0.01,
                high=1.0,
                reason="a depth of discharge is a fraction of capacity in (0, 1]; a cycle life is quoted at a depth of discharge of at least 1 %",
            ),
            Field(
                "battery_cycle_life_exponent",
                "",
                1.5,
                "Exponent b of the cycle-life law N = N_ref (DoD/DoD_ref)^-b",
                source="assumption: Li-ion cycle-life data are commonly fitted with a power law of "
                "depth (Xu et al. 2018, IEEE Trans. Smart Grid 9(2) 1131); b = 1 means constant "
                "energy throughput",
                kind="assumption",
                low=0.0,
                high=5.0,
                reason="deeper cycles never lengthen life (b >= 0); b > 5 is outside any published fit",
                spread=(1.0, 2.0),
            ),
            Field(
                "eclipse_mode",
                "",
                "full_load",
                "Eclipse operations: 'full_load' computes through every eclipse on the battery; "
                "'shed' runs the payload at eclipse_load_fraction in shadow (the lost tokens are "
                "counted by the compute stage, the battery and array are sized for the shed load)",
                source="operations choice; in a dawn-dusk orbit the battery and about a quarter of the "
                "array exist for a few percent of the time in shadow (issue 13)",
                kind="assumption",
                role="design",
                choices=("full_load", "shed"),
            ),
            Field(
                "eclipse_load_fraction",
                "",
                0.1,
                "Share of the payload power kept running in eclipse when eclipse_mode = 'shed' "
                "(memory kept alive, chips idle)",
                source="assumption: accelerators idle at about 10-20 % of TDP with weights and KV cache "
                "held in memory (H100 idle draw is about 60-100 W of 700 W, vendor tools)",
                kind="assumption",
                role="design",
                low=0.0,
                high=1.0,
                reason="a share of the payload power in [0, 1]",
                spread=(0.0, 0.3),
            ),
            Field(
                "path_efficiency_eclipse",
                "",
                0.85,
                "X_e: efficiency of the path array -> battery -> loads",
                source="modern regulated high-voltage (100 V class) bus with MPPT: charge and "
                "discharge regulators about 95-97 % each, Li-ion energy efficiency about 95 %, "
                "harness 98 % (Patel 2005, Spacecraft Power Systems, ch. 11-15; PCDU vendor "
                "figures); SMAD's 0.65 is 1990s direct energy transfer with NiH2",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an efficiency lies in (0, 1]",
                spread=(0.75, 0.9),
            ),
            Field(
                "path_efficiency_daylight",
                "",
                0.92,
                "X_d: efficiency of the path array -> loads",
                source="modern regulated high-voltage bus: MPPT/shunt regulation about 95-97 % and "
                "harness about 98 % (Patel 2005; PCDU vendor figures); SMAD's 0.85 is a 1990s "
                "planning figure",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an efficiency lies in (0, 1]",
                spread=(0.85, 0.96),
            ),
        ),
    ),
)

OUTPUTS = (
    Output("power.load", "kW", "Total electrical load per satellite: payload + bus + heat pump + links"),
    Output("power.irradiance", "W/m^2", "Solar irradiance used for sizing (at aphelion)"),
    Output("power.cell_temperature", "K", "Solar-cell operating temperature"),
    Output("power.cell_efficiency_bol", "", "Cell efficiency at operating temperature, beginning of life"),
    Output("power.cell_efficiency_eol", "", "Cell efficiency at operating temperature times lifetime degradation"),
    Output("power.degradation_factor", "", "Array output left at end of life (1 - d)^life"),
    Output("power.array_power_eol", "kW", "Array output required in sunlight at end of life (SMAD eq. 11-5)"),
    Output("power.array_power_bol", "kW", "Output of the same array at beginning of life"),
    Output("power.array_area", "m^2", "Solar-array area per satellite"),
    Output("power.array_mass", "kg", "Solar-array mass per satellite"),
    Output("power.battery_energy", "kWh", "Battery nameplate energy for the longest eclipse"),
    Output("power.battery_mass", "kg", "Battery mass per satellite"),
    Output("power.system_mass", "kg", "Array + battery mass per satellite"),
    Output("power.battery_cycles", "", "Battery charge/discharge cycles over the mission"),
    Output("power.battery_cycle_life", "", "Battery cycle life at the design depth of discharge"),
    Output(
        "power.battery_cycle_life_margin",
        "",
        "1 - cycles / cycle life: fraction of cycle life left at end of mission (negative: worn out)",
    ),
    Output("power.mass_per_watt", "kg/kW", "Marginal array + battery mass per extra watt of load"),
    Output("power.depth_of_discharge", "", "Design depth of discharge per eclipse (power.dod_rule)"),
    Output("power.eclipse_load", "kW", "Electrical load carried through eclipse (power.eclipse_mode)"),
)

READS: tuple[str, ...] = tuple(
    sorted(
        {
            *power_system.READS,  # the per-watt power-system sizing
            "links.power",
            "power.bus_power_fraction",
            "power.eclipse_load_fraction",
            "power.eclipse_mode",
            "power.payload_power",
            "thermal.heat_pump_power",
        }
    )
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


def _scalar(x: Any) -> Any:
    """Python float for a scalar, float array otherwise (single scenarios take the fast path)."""
    if x.__class__ is float:
        return x
    return float(x) if np.ndim(x) == 0 else np.asarray(x, dtype=float)


def _shed_fraction(p: Mapping[str, Any]) -> Any:
    """Share of the payload power switched off in eclipse: 0 at full load, else 1 - eclipse_load_fraction."""
    mode = p["power.eclipse_mode"]
    if mode.__class__ is str:
        return 0.0 if mode == "full_load" else 1.0 - _scalar(p["power.eclipse_load_fraction"])
    return _scalar(np.where(np.asarray(mode) == "full_load", 0.0, 1.0 - np.asarray(p["power.eclipse_load_fraction"])))


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Size the array and battery of one satellite; write the ``power.*`` outputs.

    Field bounds are checked by the scenario layer; this stage sizes the system per watt
    of load with the kernels of :mod:`orbitdc.kernels.power` (arguments gathered by
    :func:`orbitdc.physics.power_system.per_watt`, the same call the thermal stage makes)
    and checks the derived conditions: a steady panel temperature, cells within the linear
    derating and below the front absorptance, a non-negative load.
    """
    payload = _scalar(p["power.payload_power"])
    load = (
        payload * (1.0 + _scalar(p["power.bus_power_fraction"]))
        + _scalar(out["thermal.heat_pump_power"])
        + _scalar(out["links.power"])
    )
    # eclipse operations: full load, or the payload shed to eclipse_load_fraction in shadow
    shed = _shed_fraction(p)
    eclipse_load = load - payload * shed
    c = power_system.per_watt(p, out, eclipse_load / load)
    sized = c["sized"]
    ld = c["degradation"]

    area = load * sized.area
    require(area >= 0, "area", area, ">= 0", "an area cannot be negative")
    array_mass = area * c["areal_density"]
    energy = load * c["battery_energy_per_watt"]
    require(energy >= 0, "energy", energy, ">= 0", "stored energy cannot be negative")
    battery_mass = energy / c["specific_energy"]

    cycles = c["cycles"]
    dod = c["dod"]
    cycle_life = _scalar(p["power.battery_cycle_life"]) * (dod / _scalar(p["power.battery_cycle_life_dod"])) ** (
        -_scalar(p["power.battery_cycle_life_exponent"])
    )
    used = cycles / cycle_life

    def f(x):
        if x.__class__ is float:
            return x
        x = np.asarray(x, dtype=float)
        return float(x) if x.ndim == 0 else x

    out["power.load"] = f(load)
    out["power.irradiance"] = f(c["irradiance"])
    out["power.cell_temperature"] = f(c["t_cell"])
    out["power.cell_efficiency_bol"] = f(c["eta"])
    out["power.cell_efficiency_eol"] = f(c["eta"] * ld)
    out["power.degradation_factor"] = f(ld)
    out["power.array_power_eol"] = f(load * sized.power_eol)
    out["power.array_power_bol"] = f(load * sized.power_bol)
    out["power.array_area"] = f(area)
    out["power.array_mass"] = f(array_mass)
    out["power.battery_energy"] = f(energy)
    out["power.battery_mass"] = f(battery_mass)
    out["power.system_mass"] = f(array_mass + battery_mass)
    out["power.battery_cycles"] = f(cycles)
    out["power.battery_cycle_life"] = f(cycle_life)
    out["power.battery_cycle_life_margin"] = f(1.0 - used)
    out["power.depth_of_discharge"] = f(dod)
    out["power.eclipse_load"] = f(eclipse_load)
    out["power.mass_per_watt"] = f(
        kpower.mass_per_watt(sized.area, c["areal_density"], c["battery_energy_per_watt"], c["specific_energy"])
    )
