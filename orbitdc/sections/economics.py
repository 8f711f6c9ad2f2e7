"""Pipeline module ``economics``: cost per token in orbit, on the ground and on parked cars.

Runs last.  Reads the physical outputs of every earlier stage (chips, array, battery,
radiator, links, masses, launches) and prices the same workload three ways:

* **orbital** -- one satellite: capex of chips, bus, array, battery, radiator, link
  terminals, integration and test, launch, a share of the programme NRE and of the
  replacement satellites (``launch.replacement_satellites``), recovered over the shared
  mission life (``power.mission_life``, or ``launch.satellite_life`` if the satellite
  re-enters sooner) at the WACC; opex of insurance, operations and data transit.  Delivered tokens are the compute stage's life-average rate,
  capped by what the links can carry (``links.token_rate_limit``).
* **terrestrial** -- a data center with the same chips and the same IT power: facility
  capex per W, PUE, and energy from the grid, from on-site gas, or from on-site PV plus
  batteries sized with pvlib on a shipped typical-year file; a grid-interconnection wait
  carried at the WACC; chips refreshed on the same life.
* **fleet** -- parked cars with an inference computer each: availability (parked x
  plugged in x consenting), owner payments, home electricity, cellular data, wear and the
  tokens lost to redundancy.

and writes ``cost_per_million_tokens.orbital|terrestrial|fleet`` [USD], per request, per
accelerator-hour and per kW-year, the capex / opex breakdown, the orbital/baseline ratios,
the LCOE of the orbital power system and of the ground supply, mass and launch shares, and
the binding constraint (:data:`BINDING_LABELS`).

The formulas live in :mod:`orbitdc.physics.finance` and :mod:`orbitdc.physics.ground_solar`; this
module wires fields and outputs.  It reads every key of :data:`READS` (scenario fields and
the outputs of the earlier stages, all always written) with ``[]``: a missing key is a
``KeyError``, never a fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import BTU_PER_KWH
from ..errors import require
from ..kernels import architecture_costs as kac
from ..kernels import finance as kf
from ..physics import finance as ec
from ..schema import Field, Output, Section
from ..schema import as_output as _f  # the shared stage-output form

__all__ = ["SECTIONS", "OUTPUTS", "READS", "stage", "BINDING_LABELS", "GROUND_SOURCES"]

# US gas is priced per million Btu; pint's "MBtu" would read as mega-Btu, so define the
# trade unit explicitly (1 MMBtu = 1e6 Btu).
# MMBtu is defined in orbitdc.units.

YEAR = ec.YEAR

#: Codes written to ``economics.binding_constraint``; the first rule that applies wins:
#:
#: * 2 ``links`` -- the links carry fewer tokens than the chips make
#:   (``links.token_rate_limit < compute.tokens_per_second``);
#: * 4 ``lifetime`` -- the satellite's life is cut short of the mission life
#:   (``launch.satellite_life`` below ``power.mission_life``) or the
#:   battery wears out (``power.battery_cycle_life_margin < 0``);
#: * 3 ``launch volume`` -- the launch stage packs satellites by volume (``launch.binding == 1``);
#: * 1 ``thermal`` / 0 ``power`` -- otherwise whichever subsystem costs more per year: the
#:   thermal system (radiator + its launch + the heat pump's electricity at the power-system
#:   LCOE) or the power system (array + battery + their integration and launch).
BINDING_LABELS = {
    0: "power",
    1: "thermal",
    2: "links",
    3: "launch volume",
    4: "lifetime",
}

#: Terrestrial power supplies.
GROUND_SOURCES = ("grid", "gas", "solar_storage")

_SITES = ("greensboro", "miami", "sand_point")

SECTIONS = (
    Section(
        "finance",
        "Finance: cost of capital and orbital cost items",
        "Discount rate and the unit costs that turn the satellite's physical outputs (kg, W, "
        "Wh, m2, terminals, launches) into capital and operating cost.",
        (
            Field(
                "wacc",
                "percent",
                8.0,
                "Weighted average cost of capital (discount rate per year), used for every architecture",
                source="assumption: 7-9 %/yr is typical of data-center and infrastructure "
                "operators (Damodaran, cost of capital by industry, NYU Stern, Jan 2025: "
                "US utilities ~6 %, semiconductors/computers ~9-10 %); one rate for all "
                "three architectures keeps the comparison fair",
                kind="assumption",
                low=-100.0,
                low_open=True,
                high=100.0,
                reason="a discount rate of -100 % or less makes future money infinitely valuable; "
                "above 100 %/yr nothing is financed",
                ui=(0.0, 25.0),
                spread=(5.0, 15.0),
            ),
            Field(
                "bus_cost_per_kg",
                "USD/kg",
                2000.0,
                "Recurring cost of the satellite bus per kg of dry bus mass (structure, "
                "avionics, attitude control, propulsion, harness)",
                source="assumption for a constellation of thousands of mass-produced satellites: "
                "Starlink-class spacecraft are estimated at about 800 USD/kg to build "
                "(McCalip 2025, space-datacenter calculator, V2 mini BOM estimate) and "
                "1-2 kUSD/kg by other analysts; 2 kUSD/kg allows for a larger, lower-volume "
                "bus. Commercial small-satellite buses cost tens of kUSD/kg (Wertz et al. "
                "2011, The New SMAD, ch. 11)",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a cost is not negative; above 1 MUSD/kg is beyond any flown spacecraft",
                ui=(0.0, 50000.0),
                spread=(800.0, 10000.0),
            ),
            Field(
                "array_cost_per_watt",
                "USD/W",
                12.0,
                "Solar-array cost per W at beginning of life (cells, blanket, structure, drive); "
                "set by power.cell_type",
                source="set by the cell family (power.cell_type): silicon 12 USD/W at constellation "
                "volume (assumption: about half of a Starlink V2 mini's estimated 22 USD/W "
                "whole-satellite cost, McCalip 2025), III-V 100 USD/W flight arrays "
                "(space-power literature, Gaddy 1996 IEEE PVSC), thin film 8 USD/W "
                "(projection)",
                kind="assumption",
                low=0.0,
                high=5000.0,
                reason="a cost is not negative; above 5000 USD/W is beyond any flown array",
                ui=(0.0, 500.0),
                spread=(5.0, 30.0),
            ),
            Field(
                "battery_cost_per_kwh",
                "USD/kWh",
                1000.0,
                "Space battery cost per kWh of installed energy",
                source="assumption: space-qualified Li-ion batteries cost several times terrestrial "
                "packs (terrestrial utility packs ~300 USD/kWh, Megapack figure in the seed "
                "documents); 1000 USD/kWh for screened cells in a qualified assembly",
                kind="assumption",
                low=0.0,
                high=1e5,
                reason="a cost is not negative; above 100 kUSD/kWh is beyond any flown battery",
                ui=(0.0, 5000.0),
                spread=(300.0, 5000.0),
            ),
            Field(
                "radiator_cost_per_m2",
                "USD/m^2",
                5000.0,
                "Deployable radiator cost per m2 (panels, heat pipes or pumped loop, hinges)",
                source="assumption: deployable radiator panels with embedded heat pipes; no public "
                "price list exists, the spread covers mass-produced panels to bespoke ones",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a cost is not negative; above 1 MUSD/m2 is beyond any flown radiator",
                ui=(0.0, 50000.0),
                spread=(1000.0, 30000.0),
            ),
            Field(
                "link_terminals",
                "",
                1,
                "RF ground-link terminals (gateway/user phased arrays) per satellite, priced like "
                "one optical terminal each; the laser terminals (links.isl_terminals) are added",
                source="assumption: one RF gateway array; Starlink V2-class satellites carry 3-4 laser "
                "terminals plus RF user/gateway arrays (SpaceX public statements)",
                kind="assumption",
                role="design",
                low=0.0,
                high=100.0,
                integer=True,
                reason="a whole, non-negative number of terminals",
                spread=(0.0, 4.0),
            ),
            Field(
                "link_terminal_cost",
                "USD",
                300000.0,
                "Cost of one link terminal",
                source="assumption: commercial optical terminals for constellations are reported "
                "at a few hundred kUSD (SDA Tranche-era figures); mass production targets "
                "lower",
                kind="assumption",
                low=0.0,
                high=1e8,
                reason="a cost is not negative",
                spread=(50000.0, 1000000.0),
            ),
            Field(
                "integration_fraction",
                "",
                0.10,
                "Assembly, integration and test as a fraction of the spacecraft hardware (not of the chips)",
                source="Wertz, Everett & Puschell (2011), The New SMAD, ch. 11: integration, "
                "assembly and test is of order 10 % of recurring spacecraft cost",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a fraction of the hardware cost in [0, 1]",
                spread=(0.05, 0.25),
            ),
            Field(
                "nre",
                "MUSD",
                500.0,
                "Non-recurring engineering of the programme (design, qualification, ground "
                "segment build), shared by its satellites",
                source="assumption: a new large-satellite line costs hundreds of MUSD to develop "
                "(order of magnitude of commercial constellation programmes)",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a cost is not negative",
                spread=(100.0, 3000.0),
            ),
            Field(
                "risk_treatment",
                "",
                "self_insured",
                "How the operator carries the risk of losing satellites: 'self_insured' buys "
                "replacement satellites for random failures (launch.failure_rate) and pays no "
                "premium; 'insured' pays insurance_rate on the capex and the insurer replaces "
                "failed satellites (re-entries of satellites without station keeping are "
                "replaced either way). Never both.",
                source="a large constellation self-insures: losses are spread over thousands of "
                "satellites and SpaceX does not insure Starlink satellites in orbit (space "
                "insurance market reports, e.g. Swiss Re 'Space insurance' 2023; AXA XL); "
                "insurance fits a single large satellite",
                kind="assumption",
                choices=("self_insured", "insured"),
                role="design",
            ),
            Field(
                "insurance_rate",
                "percent/year",
                2.0,
                "Launch plus in-orbit insurance premium per year, as a share of satellite capex "
                "(charged only when risk_treatment = 'insured')",
                source="assumption: launch + first-year cover is commonly 5-10 % of insured value "
                "once, in-orbit renewal ~1 %/yr (space insurance market reports); "
                "~2 %/yr averaged over a 5-year life",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a premium is not negative and below the insured value per year",
                spread=(0.0, 5.0),
            ),
            Field(
                "operations_cost",
                "USD/year",
                100000.0,
                "Operations and ground segment per satellite per year",
                source="assumption: large constellations amortise mission operations and gateways "
                "over thousands of satellites (tens to hundreds of kUSD per satellite-year)",
                kind="assumption",
                low=0.0,
                high=1e9,
                reason="a cost is not negative",
                spread=(20000.0, 500000.0),
            ),
            Field(
                "blend_ratio",
                "",
                3.0,
                "Input tokens per output token of the blended price per million tokens (economics.price_blended_*)",
                source="Artificial Analysis (artificialanalysis.ai) quotes blended API prices at 3:1 "
                "input:output tokens, the usual market convention",
                kind="standard",
                low=0.0,
                high=1000.0,
                reason="a ratio of token counts is not negative; beyond 1000:1 it is not a chat workload",
            ),
            Field(
                "transit_price",
                "USD/GB",
                0.5,
                "Price of carrying user data to and from the satellite (spectrum, gateways or Starlink transit)",
                source="assumption: wholesale backhaul is well below retail satellite data "
                "(Starlink retail priority data plans price roughly 1-2 USD/GB)",
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="a price is not negative",
                spread=(0.05, 2.0),
            ),
        ),
    ),
    Section(
        "baselines",
        "Baselines: a ground data center and a fleet of parked cars",
        "The same workload and chips on the ground (grid, on-site gas, or PV + batteries sized "
        "with pvlib) and on parked, plugged-in cars.",
        (
            # ---------------------------------------------------------------- ground
            Field(
                "ground_power_source",
                "",
                "grid",
                "Electricity supply of the ground data center",
                source="choice: 'grid' (utility tariff, interconnection wait), 'gas' (on-site "
                "turbines or engines, as xAI Colossus in the seed documents), "
                "'solar_storage' (on-site PV + batteries sized hourly with pvlib)",
                kind="assumption",
                role="design",
                choices=GROUND_SOURCES,
                fills={
                    "grid": {"interconnection_wait": 2.0},
                    "gas": {"interconnection_wait": 0.0},
                    "solar_storage": {"interconnection_wait": 0.0},
                },
            ),
            Field(
                "facility_cost",
                "USD/W",
                10.0,
                "Data-center capex per W of IT (shell, electrical, cooling; not the chips)",
                source="industry cost surveys put hyperscale/AI data-center construction at roughly "
                "8-13 MUSD per MW of IT (e.g. Cushman & Wakefield, Data Center Development "
                "Cost Guide 2024/2025)",
                kind="measurement",
                low=0.0,
                high=200.0,
                reason="a cost is not negative; above 200 USD/W no data center has been built",
                ui=(0.0, 30.0),
                spread=(7.0, 15.0),
            ),
            Field(
                "facility_life",
                "yr",
                20.0,
                "Economic life of the data-center facility",
                source="assumption: 15-25 years for shell and MEP plant (Barroso, Hoelzle & "
                "Ranganathan 2018, The Datacenter as a Computer, ch. 6: 10-15 yr "
                "depreciation of facility, longer building life)",
                kind="assumption",
                low=1.0,
                high=60.0,
                reason="a life is positive; beyond 60 years no data center exists; below 1 year nothing is amortised: the annual capital charge diverges",
                spread=(12.0, 30.0),
            ),
            Field(
                "facility_om",
                "percent/year",
                4.0,
                "Facility operations and maintenance per year as a share of facility capex "
                "(staff, maintenance, property tax, insurance)",
                source="assumption in the range of data-center TCO studies (Barroso et al. 2018, ch. 6)",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a cost is not negative",
                spread=(2.0, 8.0),
            ),
            Field(
                "facility_cooling_share",
                "",
                0.22,
                "Share of the facility capex that is cooling plant (chillers, CDUs, piping, towers)",
                source="data-center cost breakdowns put mechanical/cooling at about 20-25 % of "
                "construction cost (McCalip 2025 calculator: 3.00 of 13.80 USD/W, from a "
                "techno-economic report with EIA and Sargent & Lundy inputs; Cushman & "
                "Wakefield Data Center Development Cost Guide 2024: mechanical about 20 %)",
                kind="measurement",
                low=0.0,
                high=1.0,
                reason="a share of the facility cost in [0, 1]",
                spread=(0.15, 0.3),
            ),
            Field(
                "pue",
                "",
                1.2,
                "Power usage effectiveness (facility power / IT power)",
                source="Google fleet PUE 1.09-1.10 (Google environmental reports 2023-2024); Uptime "
                "Institute Global Data Center Survey 2024 industry average 1.56; 1.2 for a "
                "new liquid-cooled AI hall (assumption)",
                kind="measurement",
                low=1.0,
                high=3.0,
                reason="a data center cannot use less power than its IT; above 3 is obsolete",
                spread=(1.08, 1.5),
            ),
            Field(
                "interconnection_wait",
                "yr",
                2.0,
                "Wait for a grid connection while the facility capital is carried at the WACC",
                source="seed documents: new interconnection queues exceed 7 years (claim); LBNL "
                "'Queued Up' 2024: median ~5 years from request to operation for generators; "
                "2 years for a load at a prepared site (assumption)",
                kind="assumption",
                low=0.0,
                high=20.0,
                reason="a wait is not negative; beyond 20 years a project is abandoned",
                spread=(0.0, 7.0),
            ),
            Field(
                "grid_price",
                "USD/kWh",
                0.08,
                "Grid electricity price (industrial tariff)",
                source="EIA Electric Power Monthly: US average retail price to industrial customers "
                "about 8.1 cents/kWh in 2024 (measurement)",
                kind="measurement",
                low=0.0,
                high=2.0,
                reason="a price is not negative; above 2 USD/kWh is not a grid tariff",
                ui=(0.0, 0.4),
                spread=(0.05, 0.15),
            ),
            Field(
                "gas_price",
                "USD/MMBtu",
                3.45,
                "Natural-gas fuel price",
                source="Lazard LCOE+ v17/v18 (2024-2025) fuel assumption 3.45 USD/MMBtu; EIA Henry "
                "Hub spot averaged 2.2 USD/MMBtu in 2024",
                kind="measurement",
                low=0.0,
                high=100.0,
                reason="a price is not negative",
                spread=(2.0, 8.0),
            ),
            Field(
                "gas_heat_rate",
                "Btu/kWh",
                8500.0,
                "Heat rate of the on-site gas plant (fuel HHV per kWh of electricity)",
                source="EIA Electric Power Annual table 8.1 operating heat rates (2023): combined "
                "cycle ~7,600, internal combustion ~8,700, gas turbine ~11,000 Btu/kWh; "
                "8,500 for on-site engines/aeroderivatives (assumption)",
                kind="measurement",
                low=BTU_PER_KWH,
                high=20000.0,
                reason="3412 Btu/kWh is 100 % efficiency; above 20,000 no plant runs",
                spread=(6300.0, 11000.0),
            ),
            Field(
                "gas_plant_cost",
                "USD/kW",
                1300.0,
                "On-site gas plant capex per kW of capacity",
                source="EIA Capital Cost and Performance Characteristics (2024): combined cycle "
                "~1,300-2,000 USD/kW, aeroderivative and engines ~1,300-2,000 USD/kW "
                "(projection-grade estimates)",
                kind="projection",
                low=0.0,
                high=10000.0,
                reason="a cost is not negative",
                spread=(800.0, 2500.0),
            ),
            Field(
                "gas_fixed_om",
                "USD/kW/year",
                20.0,
                "Gas plant fixed O&M per kW per year",
                source="EIA Capital Cost and Performance Characteristics (2024): ~15-35 USD/kW-yr",
                kind="projection",
                low=0.0,
                high=1000.0,
                reason="a cost is not negative",
                spread=(10.0, 40.0),
            ),
            Field(
                "gas_variable_om",
                "USD/MWh",
                5.0,
                "Gas plant variable O&M per MWh",
                source="EIA Capital Cost and Performance Characteristics (2024): ~2-7 USD/MWh",
                kind="projection",
                low=0.0,
                high=1000.0,
                reason="a cost is not negative",
                spread=(2.0, 10.0),
            ),
            Field(
                "gas_redundancy",
                "",
                1.3,
                "Installed gas capacity over the average load (N+1 units, maintenance, peaks)",
                source="assumption: an islanded data center needs N+1 or N+2 generating units",
                kind="assumption",
                role="design",
                low=1.0,
                high=5.0,
                reason="capacity must at least carry the load; beyond 5x is not a design",
                spread=(1.15, 1.6),
            ),
            Field(
                "solar_site",
                "",
                "greensboro",
                "Typical-year weather file (shipped with pvlib) for the PV + storage supply",
                source="pvlib/data: 723170TYA.CSV Greensboro NC (TMY3), 12839.tm2 Miami FL (TMY2), "
                "703165TY.csv Sand Point AK (TMY3); NREL NSRDB typical years",
                kind="measurement",
                role="design",
                choices=_SITES,
            ),
            Field(
                "solar_array_cost",
                "USD/W",
                1.1,
                "Installed utility PV cost per W_dc (fixed tilt)",
                source="NREL Annual Technology Baseline 2024 and LBNL Utility-Scale Solar 2024: "
                "US utility PV ~1.1-1.6 USD/W_ac, ~1.0-1.3 USD/W_dc (measurement-based)",
                kind="measurement",
                low=0.0,
                high=20.0,
                reason="a cost is not negative",
                spread=(0.7, 1.6),
            ),
            Field(
                "solar_om",
                "USD/kW/year",
                18.0,
                "PV fixed O&M per kW_dc per year",
                source="NREL Annual Technology Baseline 2024 utility PV fixed O&M ~ 20 USD/kW_ac-yr",
                kind="measurement",
                low=0.0,
                high=500.0,
                reason="a cost is not negative",
                spread=(10.0, 30.0),
            ),
            Field(
                "solar_life",
                "yr",
                30.0,
                "PV plant life",
                source="NREL ATB 2024: 30-year cost-recovery life for utility PV",
                kind="standard",
                low=0.0,
                low_open=True,
                high=60.0,
                reason="a life is positive; beyond 60 years no PV plant has a basis",
            ),
            Field(
                "storage_cost",
                "USD/kWh",
                286.0,
                "Installed battery storage cost per kWh",
                source="seed documents: 375 MUSD for 336 Tesla Megapacks (claim), at 3.9 MWh per "
                "Megapack 2 XL (Tesla specification) = 286 USD/kWh",
                kind="claim",
                low=0.0,
                high=5000.0,
                reason="a cost is not negative",
                spread=(150.0, 450.0),
            ),
            Field(
                "storage_life",
                "yr",
                15.0,
                "Battery storage life",
                source="assumption: 15-year warranty-class life of utility Li-ion (NREL ATB 2024)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=40.0,
                reason="a life is positive",
                spread=(10.0, 20.0),
            ),
            Field(
                "storage_efficiency",
                "",
                0.88,
                "Battery round-trip efficiency (AC to AC)",
                source="Tesla Megapack specification ~90 % RTE at 2-4 h; 88 % with auxiliaries (assumption)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a battery returns at most what it stores",
                spread=(0.8, 0.92),
            ),
            Field(
                "solar_reliability",
                "",
                0.99,
                "Share of the load energy the PV + storage plant must serve (the rest is "
                "bought from the grid at grid_price)",
                source="assumption: data centers need firm power; 99 % from the plant, 1 % backup",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=0.9999,
                reason="a share of the load in (0, 0.9999]; 100 % needs unbounded storage",
                spread=(0.9, 0.999),
            ),
            # ---------------------------------------------------------------- fleet
            Field(
                "fleet_cars",
                "",
                100e6,
                "Cars carrying an inference computer",
                source="seed documents: 'if 100 million cars each had 1 kW of inference' (claim)",
                kind="claim",
                low=1.0,
                high=2e9,
                reason="at least one car; about 1.5 billion cars exist worldwide",
                ui=(1e5, 1e9),
                spread=(1e7, 1e8),
            ),
            Field(
                "fleet_chip_power",
                "kW",
                1.0,
                "Inference computer power per car",
                source="seed documents: 1 kW per car (claim)",
                kind="claim",
                low=0.01,
                high=50.0,
                reason="positive, and below a home charger's power; below 10 W an accelerator serves no model: the cost per token diverges",
                spread=(0.3, 2.0),
            ),
            Field(
                "fleet_parked_fraction",
                "",
                0.95,
                "Share of hours a car is parked",
                source="seed documents: cars are parked about 95 % of the time (claim; consistent "
                "with ~1 h/day of driving in US travel surveys)",
                kind="claim",
                low=0.01,
                high=1.0,
                reason="a share of time in (0, 1]; below 1 % the fleet serves almost nothing: the cost per token diverges",
                spread=(0.9, 0.97),
            ),
            Field(
                "fleet_plugged_fraction",
                "",
                0.3,
                "Share of parked hours the car is also plugged in (computing on grid power "
                "rather than draining the traction battery)",
                source="assumption: most EV charging is overnight at home and many EVs are not "
                "plugged in every night; public-parking hours are unplugged",
                kind="assumption",
                low=0.01,
                high=1.0,
                reason="a share of time in (0, 1]; below 1 % the fleet serves almost nothing: the cost per token diverges",
                spread=(0.15, 0.6),
            ),
            Field(
                "fleet_consent_fraction",
                "",
                0.5,
                "Share of plugged-in hours the owner lets the car compute",
                source="assumption: opt-in programs (vehicle-to-grid pilots) reach a fraction of owners",
                kind="assumption",
                low=0.01,
                high=1.0,
                reason="a share of time in (0, 1]; below 1 % the fleet serves almost nothing: the cost per token diverges",
                spread=(0.2, 0.9),
            ),
            Field(
                "fleet_chip_cost_share",
                "",
                1.0,
                "Share of the in-car computer's price borne by the inference operator (0 if the "
                "owner already bought it for driving)",
                source="assumption: 1 = the operator buys the same chips as the data center; the "
                "seed documents' case of a computer already in the car is 0",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a share in [0, 1]",
            ),
            Field(
                "fleet_owner_payment",
                "USD/kWh",
                0.05,
                "Payment to owners per kWh consumed, on top of reimbursing their electricity",
                source="assumption: an incentive of the order of demand-response payments",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a price is not negative",
                spread=(0.0, 0.2),
            ),
            Field(
                "fleet_owner_payment_hourly",
                "USD/h",
                0.0,
                "Payment to owners per hour of computing",
                source="assumption: none by default (payment per kWh instead)",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a price is not negative",
                spread=(0.0, 0.1),
            ),
            Field(
                "fleet_electricity_price",
                "USD/kWh",
                0.165,
                "Residential electricity price (reimbursed to owners)",
                source="EIA Electric Power Monthly: US average residential price about 16.5 cents/kWh "
                "in 2024 (measurement)",
                kind="measurement",
                low=0.0,
                high=2.0,
                reason="a price is not negative",
                spread=(0.1, 0.35),
            ),
            Field(
                "fleet_data_price",
                "USD/GB",
                1.0,
                "Cellular or satellite data price for the car's traffic",
                source="assumption: IoT/fleet data plans of order 1 USD/GB",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a price is not negative",
                spread=(0.2, 5.0),
            ),
            Field(
                "fleet_wear_cost",
                "USD/h",
                0.02,
                "Wear per hour of computing (charger, contactors, cooling pump, battery calendar "
                "ageing from keeping the car awake)",
                source="assumption: small against the computer itself; battery cycling is avoided "
                "by computing only while plugged in",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a cost is not negative",
                spread=(0.0, 0.1),
            ),
            Field(
                "fleet_overhead",
                "",
                0.3,
                "Share of computed tokens lost to redundancy and verification on untrusted, intermittent nodes",
                source="assumption: spot-check verification to 2x replication (0.1-0.5)",
                kind="assumption",
                low=0.0,
                high=1.0,
                high_open=True,
                reason="a share in [0, 1): at 1 nothing useful is delivered",
                spread=(0.1, 0.5),
            ),
            Field(
                "fleet_power_overhead",
                "",
                1.25,
                "Wall power over chip power while computing (charger losses, car thermal "
                "management and standby electronics)",
                source="assumption: on-board chargers ~90 % efficient plus a few hundred W of "
                "vehicle systems kept awake",
                kind="assumption",
                low=1.0,
                high=5.0,
                reason="the car cannot draw less than its computer",
                spread=(1.1, 1.5),
            ),
        ),
    ),
)

_ARCH = ("orbital", "terrestrial", "fleet")

OUTPUTS = (
    Output("cost_per_million_tokens.orbital", "USD", "Orbital cost per million delivered tokens"),
    Output("cost_per_million_tokens.terrestrial", "USD", "Ground data center cost per million tokens (same chips)"),
    Output("cost_per_million_tokens.fleet", "USD", "Parked-car fleet cost per million tokens"),
    *(
        Output(f"economics.cost_per_request_{a}", "USD", f"{a.capitalize()} cost per inference request", fmt=".3g")
        for a in _ARCH
    ),
    *(
        Output(f"economics.cost_per_accelerator_hour_{a}", "USD/h", f"{a.capitalize()} cost per accelerator-hour")
        for a in _ARCH
    ),
    *(
        Output(f"economics.cost_per_kw_year_{a}", "USD/kW/yr", f"{a.capitalize()} cost per kW of IT per year")
        for a in _ARCH
    ),
    *(
        Output(
            f"economics.price_input_{a}",
            "USD",
            f"{a.capitalize()} cost per million input (prompt) tokens: the chips' prefill share of the cost",
        )
        for a in _ARCH
    ),
    *(
        Output(
            f"economics.price_output_{a}",
            "USD",
            f"{a.capitalize()} cost per million output tokens: the chips' decode share of the cost",
        )
        for a in _ARCH
    ),
    *(
        Output(
            f"economics.price_blended_{a}",
            "USD",
            f"{a.capitalize()} blended cost per million tokens at finance.blend_ratio input tokens per output token",
        )
        for a in _ARCH
    ),
    Output(
        "economics.breakeven_price_per_kg",
        "USD/kg",
        "Launch price per kg (reference orbit) at which orbital cost per token equals the ground's; "
        "negative: orbit does not break even even with free launches",
    ),
    Output(
        "economics.cost_per_million_tokens_free_launch",
        "USD",
        "Orbital cost per million tokens if launches were free (the floor launch price cannot cut)",
    ),
    Output("economics.ratio_orbital_terrestrial", "", "Orbital / terrestrial cost per token"),
    Output("economics.ratio_orbital_fleet", "", "Orbital / fleet cost per token"),
    Output(
        "economics.token_rate_orbital", "1/s", "Delivered tokens per second per satellite (compute capped by links)"
    ),
    Output("economics.token_rate_terrestrial", "1/s", "Delivered tokens per second of the same IT power on the ground"),
    # orbital capex breakdown (per satellite)
    *(
        Output(f"economics.capex_{k}", "MUSD", d)
        for k, d in (
            ("chips", "Compute hardware per satellite"),
            ("bus", "Bus (dry mass x cost per kg) per satellite"),
            ("array", "Solar array per satellite"),
            ("battery", "Battery per satellite"),
            ("radiator", "Radiator per satellite"),
            ("links", "Link terminals per satellite"),
            ("integration", "Integration, assembly and test per satellite"),
            ("launch", "Launch per satellite"),
            ("nre", "Share of programme NRE per satellite"),
            ("replacement", "Replacement satellites (hardware + launch) per deployed satellite"),
            ("servicing", "Chips replaced and delivered by an in-orbit servicer (present worth) per satellite"),
            ("total", "Total capex per satellite"),
        )
    ),
    *(
        Output(f"economics.opex_{k}", "kUSD/yr", d)
        for k, d in (
            ("insurance", "Insurance per satellite"),
            ("operations", "Operations and ground segment per satellite"),
            ("transit", "Data transit per satellite"),
            ("total", "Total opex per satellite"),
        )
    ),
    Output("economics.annual_cost_orbital", "MUSD/yr", "Levelised annual cost per satellite (capital recovery + opex)"),
    Output("economics.capital_recovery_factor", "", "Capital recovery factor at the WACC over the mission life"),
    Output("economics.launch_share", "", "Launch share of satellite capex"),
    Output("economics.chips_share", "", "Compute hardware share of satellite capex"),
    Output("economics.mass_share_power", "", "Array + battery share of satellite mass"),
    Output("economics.mass_share_thermal", "", "Radiator share of satellite mass"),
    Output("economics.mass_share_compute", "", "Compute hardware share of satellite mass"),
    Output("economics.bus_mass", "kg", "Dry bus mass priced per kg (satellite mass minus priced subsystems)"),
    Output(
        "economics.satellite_cost_per_watt",
        "USD/W",
        "Satellite hardware without the chips (bus, array, battery, radiator, terminals, integration) per W "
        "of array at beginning of life: the whole-satellite figure quoted for Starlink-class spacecraft",
    ),
    Output("economics.satellite_specific_power", "W/kg", "Array power at beginning of life per kg of satellite"),
    Output(
        "economics.capex_per_watt_ex_chips_orbital",
        "USD/W",
        "Orbital capex per W of IT without the chips (satellite, launch, NRE share, replacements)",
    ),
    Output(
        "economics.capex_per_watt_ex_chips_terrestrial",
        "USD/W",
        "Ground capex per W of IT without the chips (facility and the interconnection wait)",
    ),
    Output(
        "economics.lcoe_orbital_power", "USD/MWh", "LCOE of the orbital power system (array + battery + their launch)"
    ),
    Output("economics.cooling_cost_orbital", "USD", "Radiator (+ its launch) and heat-pump power per million tokens"),
    Output("economics.energy_cost_orbital", "USD", "Orbital power system per million tokens"),
    # terrestrial
    Output("economics.lcoe_terrestrial", "USD/MWh", "Delivered electricity price of the ground data center"),
    Output("economics.terrestrial_capex_facility", "MUSD", "Facility capex for the same IT power"),
    Output("economics.terrestrial_capex_delay", "MUSD", "Capital carried during the interconnection wait"),
    Output("economics.terrestrial_opex_energy", "kUSD/yr", "Electricity for the same IT power"),
    Output("economics.terrestrial_energy_share", "", "Energy share of the ground cost"),
    Output("economics.energy_cost_terrestrial", "USD", "Ground electricity per million tokens"),
    Output(
        "economics.cooling_cost_terrestrial",
        "USD",
        "Ground cooling per million tokens: cooling plant (its share of facility capex and O&M) + "
        "cooling energy (PUE - 1)",
    ),
    Output(
        "economics.cooling_capex_terrestrial",
        "USD",
        "Ground cooling plant (share of facility capex and O&M) per million tokens",
    ),
    Output("economics.solar_array_ratio", "", "Ground PV: W_dc per W of load (solar_storage only; else 0)"),
    Output("economics.solar_storage_hours", "h", "Ground storage: hours of full load (solar_storage only; else 0)"),
    # fleet
    Output("economics.fleet_power_nameplate", "GW", "Fleet inference power if every car computed"),
    Output("economics.fleet_power_available", "GW", "Life-average fleet computing power (parked x plugged x consent)"),
    Output("economics.fleet_availability", "", "Share of hours a car computes"),
    Output("economics.fleet_token_rate", "1/s", "Delivered tokens per second of the whole fleet"),
    Output("economics.fleet_annual_cost", "BUSD/yr", "Levelised annual cost of the fleet"),
    Output(
        "economics.binding_constraint", "", "What limits or dominates the satellite", fmt=".0f", labels=BINDING_LABELS
    ),
)

READS: tuple[str, ...] = (
    "baselines.facility_cooling_share",
    "baselines.facility_cost",
    "baselines.facility_life",
    "baselines.facility_om",
    "baselines.fleet_cars",
    "baselines.fleet_chip_cost_share",
    "baselines.fleet_chip_power",
    "baselines.fleet_consent_fraction",
    "baselines.fleet_data_price",
    "baselines.fleet_electricity_price",
    "baselines.fleet_overhead",
    "baselines.fleet_owner_payment",
    "baselines.fleet_owner_payment_hourly",
    "baselines.fleet_parked_fraction",
    "baselines.fleet_plugged_fraction",
    "baselines.fleet_power_overhead",
    "baselines.fleet_wear_cost",
    "baselines.gas_fixed_om",
    "baselines.gas_heat_rate",
    "baselines.gas_plant_cost",
    "baselines.gas_price",
    "baselines.gas_redundancy",
    "baselines.gas_variable_om",
    "baselines.grid_price",
    "baselines.ground_power_source",
    "baselines.interconnection_wait",
    "baselines.pue",
    "baselines.solar_array_cost",
    "baselines.solar_life",
    "baselines.solar_om",
    "baselines.solar_reliability",
    "baselines.solar_site",
    "baselines.storage_cost",
    "baselines.storage_efficiency",
    "baselines.storage_life",
    "compute.chip_price",
    "compute.chips",
    "compute.hardware_cost",
    "compute.hardware_cost_ground",
    "compute.hardware_mass",
    "compute.it_power",
    "compute.mass_per_chip",
    "compute.prefill_time_share",
    "compute.replacement_chips_ground",
    "compute.replacement_chips_orbital",
    "compute.service_life_orbital",
    "compute.servicing_cost_per_kg",
    "compute.tokens_per_second",
    "compute.tokens_per_second_ground",
    "finance.array_cost_per_watt",
    "finance.battery_cost_per_kwh",
    "finance.blend_ratio",
    "finance.bus_cost_per_kg",
    "finance.insurance_rate",
    "finance.integration_fraction",
    "finance.link_terminal_cost",
    "finance.link_terminals",
    "finance.nre",
    "finance.operations_cost",
    "finance.radiator_cost_per_m2",
    "finance.risk_treatment",
    "finance.transit_price",
    "finance.wacc",
    "launch.binding",
    "launch.dry_mass",
    "launch.failure_rate",
    "launch.launch_cost_per_satellite",
    "launch.launches",
    "launch.payload_mass",
    "launch.replacement_satellites",
    "launch.satellite_life",
    "launch.satellite_mass",
    "launch.satellites",
    "links.isl_terminals",
    "links.mass",
    "links.protocol_overhead",
    "links.token_rate_limit",
    "power.array_mass",
    "power.array_power_bol",
    "power.battery_cycle_life_margin",
    "power.battery_energy",
    "power.battery_mass",
    "power.load",
    "power.mission_life",
    "thermal.heat_pump_power",
    "thermal.radiator_area",
    "thermal.radiator_mass",
    "workload.bytes_per_token_in",
    "workload.bytes_per_token_out",
    "workload.output_tokens",
    "workload.prompt_tokens",
    "years.ground_chip_price_ratio",
    "years.ground_chip_throughput_ratio",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


# --------------------------------------------------------------------------- helpers
_NUMBER = (float, int)
_BOOL_ONLY = frozenset((bool,))  # one C-level test that every binding condition is a Python bool

# output keys of each architecture, formed once (a stage otherwise builds and hashes ~30 key
# strings per evaluation)
_ARCH_KEYS = {
    a: (
        f"cost_per_million_tokens.{a}",
        f"economics.cost_per_request_{a}",
        f"economics.cost_per_accelerator_hour_{a}",
        f"economics.cost_per_kw_year_{a}",
        f"economics.price_input_{a}",
        f"economics.price_output_{a}",
        f"economics.price_blended_{a}",
    )
    for a in _ARCH
}


def _scalar(*xs) -> bool:
    for x in xs:  # a loop, not all() over a generator: a Python float is the common case
        if x.__class__ is not float and not isinstance(x, _NUMBER):
            return False
    return True


def _minimum(a, b):
    if a.__class__ is float and b.__class__ is float:
        return b if b < a else a  # min(a, b), without the call
    return min(a, b) if isinstance(a, _NUMBER) and isinstance(b, _NUMBER) else np.minimum(a, b)


def _maximum(a, b):
    if a.__class__ is float and b.__class__ is float:
        return b if b > a else a  # max(a, b), without the call
    return max(a, b) if isinstance(a, _NUMBER) and isinstance(b, _NUMBER) else np.maximum(a, b)


def _positive_or_one(a):
    """``a`` where positive, else 1 (a safe divisor for shares of a zero total)."""
    if a.__class__ is float or isinstance(a, _NUMBER):
        return a if a > 0 else 1.0
    pos = a > 0
    if a.__class__ is np.ndarray and a.dtype == np.float64 and pos.all():
        return a  # the where below, without forming it (the usual case: every row positive)
    return np.where(pos, a, 1.0)


def _rows(v, shape):
    """``v`` in the rows' ``shape``: itself when it already is a float array of it, else a
    read-only broadcast (numpy's ``broadcast_to`` costs more than the test on 20 outputs)."""
    if v.__class__ is np.ndarray and v.shape == shape and v.dtype == np.float64:
        return v
    return np.broadcast_to(v, shape)


def _is(choice, name):
    """``choice == name`` for a choice value that may be a str or an array of str."""
    if isinstance(choice, str):
        return choice == name
    return np.asarray(choice) == name


def _scalar_bool(x) -> bool:
    return isinstance(x, (bool, np.bool_))


def _bits_per_token(p):
    """User data moved per delivered (output) token [bit], prompt share and framing included.

    ``k (b_out + b_in N_in / N_out)`` from the workload section (bytes are SI bits in ``p``),
    with the framing ``k`` of the links section (``links.protocol_overhead``).
    """
    t_in = p["workload.prompt_tokens"]
    b_in = p["workload.bytes_per_token_in"]
    return p["links.protocol_overhead"] * (
        p["workload.bytes_per_token_out"] + b_in * t_in / p["workload.output_tokens"]
    )


def _crf_mission(wacc, li, life, mission_life, crf_s):
    """CRF per second of the mission life, given ``crf_s`` of the recovery ``life`` (<= it).

    The recovery life is the mission life on most rows (the satellite outlives neither its
    orbit nor its chips' dose), where the two CRFs are the same numbers: only the rows where
    they differ are computed (each element is computed as on the whole array).
    """
    if _scalar(life, mission_life):
        return crf_s if life == mission_life else kf.crf_per_second(wacc, mission_life)
    differ = life != mission_life
    if not differ.any():
        return crf_s
    shape = np.shape(crf_s)
    if differ.shape != shape or any(np.ndim(x) and np.shape(x) != shape for x in (wacc, mission_life)):
        return kf.crf_per_second(wacc, mission_life, li)  # rows broadcast from fewer dimensions
    res = crf_s.copy()
    res[differ] = kf.crf_per_second(
        wacc[differ] if np.ndim(wacc) else wacc,
        mission_life[differ] if np.ndim(mission_life) else mission_life,
        li[differ] if li is not None else None,
    )
    return res


def _ground_compute(p, out):
    """(token rate, hardware cost) of the same chips on the ground.

    The compute stage writes them (``compute.tokens_per_second_ground``: full-load rate x
    utilisation x interruptions x repair downtime; ``compute.hardware_cost_ground``: the
    chips with host plus the spares bought for the life's permanent failures).  After the
    base year the year axis adds the ground chips' throughput and price ratios
    (:data:`orbitdc.sections.years.ADJUSTMENTS`), which scale them.
    """
    tok, hw = out["compute.tokens_per_second_ground"], out["compute.hardware_cost_ground"]
    if "years.ground_chip_throughput_ratio" in p:
        # a later year: the ground runs chips the orbit flies only after the space-qualification
        # lag (orbitdc.sections.years.at_year); throughput scales linearly with the chip's
        tok = tok * p["years.ground_chip_throughput_ratio"]
        hw = hw * p["years.ground_chip_price_ratio"]
    return tok, hw


def _ground_energy_price(p, wacc):
    """Delivered electricity price [USD/J] and PV sizing (W_dc/W, s) for the ground supply."""
    src = p["baselines.ground_power_source"]
    require(
        src in GROUND_SOURCES,
        "baselines.ground_power_source",
        src,
        "one of " + ", ".join(GROUND_SOURCES),
        "unknown power source",
    )
    if src == "grid":
        return p["baselines.grid_price"], 0.0, 0.0
    if src == "gas":
        price = kf.gas_lcoe(
            p["baselines.gas_plant_cost"],
            p["baselines.gas_heat_rate"],
            p["baselines.gas_price"],
            p["baselines.gas_fixed_om"],
            p["baselines.gas_variable_om"],
            1.0 / p["baselines.gas_redundancy"],
            wacc,
            p["baselines.facility_life"],
        )
        return price, 0.0, 0.0
    res = ec.solar_storage_energy_price(
        p["baselines.solar_array_cost"],
        p["baselines.storage_cost"],
        p["baselines.solar_om"],
        wacc,
        p["baselines.solar_life"],
        p["baselines.storage_life"],
        p["baselines.solar_reliability"],
        p["baselines.grid_price"],
        p["baselines.solar_site"],
        p["baselines.storage_efficiency"],
    )
    return res["price"], res["array_ratio"], res["storage_duration"]


# --------------------------------------------------------------------------- stage
def stage(p: Mapping[str, Any], out: dict) -> None:
    """Price the workload in orbit, on the ground and on a car fleet; write the outputs (SI).

    Reads :data:`READS` (every key is written by the scenario or an earlier stage; a missing
    one is a ``KeyError``).  Field bounds were checked by the scenario layer, so the unchecked kernels of :mod:`orbitdc.physics.finance` are called; the
    only cross-field condition checked here is that the satellite delivers tokens.
    """
    wacc = p["finance.wacc"]
    mission_life = p["power.mission_life"]
    # a satellite that re-enters early (no station keeping) is recovered over its real life
    life = _minimum(mission_life, out["launch.satellite_life"])
    # ... and chips whose radiation dose life is shorter end it sooner (compute.orbital_rates)
    life = _minimum(life, out["compute.service_life_orbital"])

    # ---------------------------------------------------------------- orbital
    tok_compute = out["compute.tokens_per_second"]
    tok_links = out["links.token_rate_limit"]
    tok_orb = _minimum(tok_compute, tok_links)
    require(
        tok_orb > 0,
        "compute.tokens_per_second",
        tok_orb,
        "> 0 tokens/s",
        "a satellite that delivers no tokens has no cost per token (check links.token_rate_limit)",
    )
    hw_cost = out["compute.hardware_cost"]
    it_power = out["compute.it_power"]
    chips = out["compute.chips"]

    m_sat = out["launch.satellite_mass"]
    m_hw = out["compute.hardware_mass"]
    m_arr = out["power.array_mass"]
    m_bat = out["power.battery_mass"]
    m_rad = out["thermal.radiator_mass"]
    m_lnk = out["links.mass"]
    # the bus is what the satellite's dry mass holds beyond the separately priced subsystems
    # (structure, fixed bus, shielding, propulsion hardware, heat-pump hardware)
    m_dry = out["launch.dry_mass"]
    m_bus = _maximum(m_dry - (m_hw + m_arr + m_bat + m_rad + m_lnk), 0.0)

    launch_sat = out["launch.launch_cost_per_satellite"]
    n_sats = _maximum(out["launch.satellites"], 1.0)
    f_it = p["finance.integration_fraction"]
    cap = kac.orbital_capex(
        hw_cost,
        m_bus,
        p["finance.bus_cost_per_kg"],
        out["power.array_power_bol"],
        p["finance.array_cost_per_watt"],
        out["power.battery_energy"],
        p["finance.battery_cost_per_kwh"],
        out["thermal.radiator_area"],
        p["finance.radiator_cost_per_m2"],
        p["finance.link_terminals"] + p["links.isl_terminals"],
        p["finance.link_terminal_cost"],
        f_it,
        launch_sat,
        p["finance.nre"],
        n_sats,
    )
    # satellites replaced over the life: the same hardware and launch again.  One risk
    # treatment: self-insured buys every replacement (random failures and re-entries) and pays
    # no premium; insured pays the premium and buys only the re-entry replacements.
    repl_all = out["launch.replacement_satellites"] / n_sats
    insured = _is(p["finance.risk_treatment"], "insured")
    random_share = p["launch.failure_rate"] * mission_life
    repl = (
        np.where(insured, _maximum(repl_all - random_share, 0.0), repl_all)
        if not _scalar_bool(insured)
        else (_maximum(repl_all - random_share, 0.0) if insured else repl_all)
    )
    ins_rate = (
        np.where(insured, p["finance.insurance_rate"], 0.0)
        if not _scalar_bool(insured)
        else (p["finance.insurance_rate"] if insured else 0.0)
    )
    cap["replacement"] = repl * (cap["total"] - cap["nre"])
    cap["total"] = cap["total"] + cap["replacement"]
    # chips replaced in orbit by a servicer (compute.orbital_servicing): each costs its price plus
    # its delivery, paid as chips fail -- a level payment whose present worth is payment / CRF
    repl_o = out["compute.replacement_chips_orbital"]
    # life is already at most compute.service_life_orbital: it is the servicing life too
    per_chip = out["compute.chip_price"] + p["compute.mass_per_chip"] * p["compute.servicing_cost_per_kg"]
    # ln(1 + wacc), shared by the three CRFs and the cost of delay when the rate is an array
    # of rows (a scalar rate is cheaper recomputed than tested)
    li = np.log1p(wacc) if wacc.__class__ is np.ndarray and wacc.ndim else None
    crf = kf.crf(wacc, life / YEAR, li)
    crf_s = crf / YEAR  # per second of life (kf.crf_per_second(wacc, life))
    cap["servicing"] = repl_o / life * per_chip / crf_s
    cap["total"] = cap["total"] + cap["servicing"]
    bits = _bits_per_token(p)
    opx = kac.orbital_opex(
        cap["total"], ins_rate, p["finance.operations_cost"], tok_orb * bits, p["finance.transit_price"]
    )
    # the ground and the fleet refresh their chips on the mission life
    crf_mission_s = _crf_mission(wacc, li, life, mission_life, crf_s)
    total = cap["total"]
    cost_orb = total * crf_s + opx["total"]

    # power system LCOE and the cost of "free" cooling
    m_safe = _positive_or_one(m_sat)
    launch_per_kg = launch_sat / m_safe
    load = out["power.load"]
    lcoe_orb = kac.power_lcoe(cap["array"], cap["battery"], launch_per_kg, m_arr, m_bat, load, crf_s, f_it)
    hp = out["thermal.heat_pump_power"]
    power_cost = lcoe_orb * load
    cooling_cost = (cap["radiator"] * (1 + f_it) + launch_per_kg * m_rad) * crf_s + hp * lcoe_orb

    # ---------------------------------------------------------------- terrestrial
    tok_ground, hw_ground = _ground_compute(p, out)
    # permanent failures on the ground (and in cars) are repaired from spares bought as chips
    # fail: lambda n chips per unit time at the chip price, a level payment over the life whose
    # present worth is that payment / CRF (compute.replacement_chips_ground = lambda T n)
    repl_g = out["compute.replacement_chips_ground"]
    spares_g = repl_g / mission_life * out["compute.chip_price"] / crf_mission_s
    hw_ground = hw_ground + spares_g
    pe, pv_ratio, storage_s = _ground_energy_price(p, wacc)
    pue = p["baselines.pue"]
    ter = kac.terrestrial(
        hw_ground,
        it_power,
        p["baselines.facility_cost"],
        pue,
        pe,
        p["baselines.facility_om"],
        p["baselines.interconnection_wait"],
        wacc,
        crf_mission_s,
        kf.crf_per_second(wacc, p["baselines.facility_life"], li),
        li,
    )
    cost_ter = ter["cost_rate"]

    # ---------------------------------------------------------------- fleet
    chip_p = p["baselines.fleet_chip_power"]
    flt = kac.fleet(
        p["baselines.fleet_cars"],
        chip_p,
        p["baselines.fleet_parked_fraction"],
        p["baselines.fleet_plugged_fraction"],
        p["baselines.fleet_consent_fraction"],
        hw_ground / it_power * chip_p * p["baselines.fleet_chip_cost_share"],
        p["baselines.fleet_owner_payment"],
        p["baselines.fleet_owner_payment_hourly"],
        p["baselines.fleet_electricity_price"],
        p["baselines.fleet_data_price"],
        bits,
        p["baselines.fleet_wear_cost"],
        p["baselines.fleet_overhead"],
        p["baselines.fleet_power_overhead"],
        tok_ground / it_power,
        crf_mission_s,
    )
    cost_flt = flt["cost_rate"]
    tok_flt = flt["token_rate"]

    # ---------------------------------------------------------------- metrics
    n_req = p["workload.output_tokens"]  # output tokens per request (what compute.tokens_per_second counts)
    rates = (
        ("orbital", cost_orb, tok_orb, it_power, chips),
        ("terrestrial", cost_ter, tok_ground, it_power, chips),
        ("fleet", cost_flt, tok_flt, flt["power_available"], flt["power_nameplate"] * chips / it_power),
    )
    cpm = {}
    usd_m = {}  # 1e6 x cost rate, shared by the cost per million tokens and the output-token price
    for a, c, t, pw, nacc in rates:
        usd_m[a] = 1e6 * c
        cpm[a] = usd_m[a] / t
        k_cpm, k_req, k_acc, k_kw, *_ = _ARCH_KEYS[a]
        out[k_cpm] = _f(cpm[a])
        out[k_req] = _f(c / t * n_req)
        out[k_acc] = _f(c / nacc)
        out[k_kw] = _f(c / pw)
    # Break-even launch price. cost_orb is linear in the launch cost per satellite L:
    # total = K + L (1 + repl) and cost_orb = total (crf_s + insurance) + ops + transit, so
    # d cost_orb / d L = (1 + repl)(crf_s + insurance), exactly. The launch stage prices a
    # satellite at price_per_kg x payload_mass x launches / satellites, so the reference-orbit
    # price per kg at which orbit matches the ground is L* / (payload_mass x launches / satellites).
    slope = (1.0 + repl) * (crf_s + ins_rate)
    cost_free_launch = cost_orb - slope * launch_sat
    l_star = (cpm["terrestrial"] * tok_orb / 1e6 - cost_free_launch) / slope
    out["economics.cost_per_million_tokens_free_launch"] = _f(1e6 * cost_free_launch / tok_orb)
    kg_per_sat = p["launch.payload_mass"] * out["launch.launches"] / _positive_or_one(out["launch.satellites"])
    out["economics.breakeven_price_per_kg"] = _f(l_star / kg_per_sat)
    # prices the way the market quotes them: the chips' time split between prefill (input
    # tokens) and decode (output tokens), per million of each, and blended at blend_ratio
    f_pre = out["compute.prefill_time_share"]
    ratio_in = p["workload.prompt_tokens"] / n_req
    k_blend = p["finance.blend_ratio"]
    # prefill share per input token relative to an output token; both vanish together as the
    # prompt shrinks, so form their ratio first (no overflow for tiny prompts)
    per_in = f_pre / _positive_or_one(ratio_in)
    if not _scalar(per_in):
        has_prompt = np.asarray(ratio_in) > 0
        if not has_prompt.all():
            per_in = np.where(has_prompt, per_in, 0.0)
    elif not ratio_in > 0:
        per_in = 0.0
    decode_share = 1.0 - f_pre
    for a, _c, t, _pw, _nacc in rates:
        p_in = cpm[a] * per_in
        p_out = usd_m[a] * decode_share / t
        *_, k_in, k_out, k_blended = _ARCH_KEYS[a]
        out[k_in] = _f(p_in)
        out[k_out] = _f(p_out)
        out[k_blended] = _f((k_blend * p_in + p_out) / (k_blend + 1.0))
    out["economics.ratio_orbital_terrestrial"] = _f(cpm["orbital"] / cpm["terrestrial"])
    out["economics.ratio_orbital_fleet"] = _f(cpm["orbital"] / cpm["fleet"])
    out["economics.token_rate_orbital"] = _f(tok_orb)
    out["economics.token_rate_terrestrial"] = _f(tok_ground)

    shape = () if cost_orb.__class__ is float else np.shape(cost_orb)
    for k, v in cap.items():
        out["economics.capex_" + k] = _f(_rows(v, shape) if shape else v)
    for k, v in opx.items():
        out["economics.opex_" + k] = _f(_rows(v, shape) if shape else v)
    out["economics.annual_cost_orbital"] = _f(cost_orb)
    out["economics.capital_recovery_factor"] = _f(crf)
    out["economics.launch_share"] = _f(launch_sat / total)
    out["economics.chips_share"] = _f(hw_cost / total)
    out["economics.mass_share_power"] = _f((m_arr + m_bat) / m_safe)
    out["economics.mass_share_thermal"] = _f(m_rad / m_safe)
    out["economics.mass_share_compute"] = _f(m_hw / m_safe)
    out["economics.bus_mass"] = _f(m_bus)
    # the satellite the way constellation figures are quoted: hardware without the chips per W
    # of array (beginning of life), array W per kg of satellite
    sat_hw = cap["bus"] + cap["array"] + cap["battery"] + cap["radiator"] + cap["links"] + cap["integration"]
    p_bol = _positive_or_one(out["power.array_power_bol"])
    out["economics.satellite_cost_per_watt"] = _f(sat_hw / p_bol)
    out["economics.satellite_specific_power"] = _f(out["power.array_power_bol"] / m_safe)
    out["economics.capex_per_watt_ex_chips_orbital"] = _f((total - cap["chips"]) / it_power)
    out["economics.capex_per_watt_ex_chips_terrestrial"] = _f((ter["capex_facility"] + ter["capex_delay"]) / it_power)
    out["economics.lcoe_orbital_power"] = _f(lcoe_orb)
    out["economics.cooling_cost_orbital"] = _f(1e6 * cooling_cost / tok_orb)
    out["economics.energy_cost_orbital"] = _f(1e6 * power_cost / tok_orb)

    out["economics.lcoe_terrestrial"] = _f(_rows(pe, shape) if shape else pe)
    out["economics.terrestrial_capex_facility"] = _f(ter["capex_facility"])
    out["economics.terrestrial_capex_delay"] = _f(ter["capex_delay"])
    out["economics.terrestrial_opex_energy"] = _f(ter["opex_energy"])
    out["economics.terrestrial_energy_share"] = _f(ter["opex_energy"] / cost_ter)
    out["economics.energy_cost_terrestrial"] = _f(1e6 * ter["opex_energy"] / tok_ground)
    # like with like: the ground's cooling is its share of the facility (capital recovery and
    # O&M) plus the cooling electricity (PUE - 1), as orbit's is radiator capex, launch and power
    f_cool = p["baselines.facility_cooling_share"]
    cool_capex_g = f_cool * (ter["rate_facility"] + ter["opex_facility"])
    out["economics.cooling_capex_terrestrial"] = _f(1e6 * cool_capex_g / tok_ground)
    out["economics.cooling_cost_terrestrial"] = _f(1e6 * (cool_capex_g + it_power * (pue - 1.0) * pe) / tok_ground)
    out["economics.solar_array_ratio"] = _f(_rows(pv_ratio, shape) if shape else pv_ratio)
    out["economics.solar_storage_hours"] = _f(_rows(storage_s, shape) if shape else storage_s)

    out["economics.fleet_power_nameplate"] = _f(flt["power_nameplate"])
    out["economics.fleet_power_available"] = _f(flt["power_available"])
    out["economics.fleet_availability"] = _f(flt["availability"])
    out["economics.fleet_token_rate"] = _f(tok_flt)
    out["economics.fleet_annual_cost"] = _f(cost_flt)

    # ---------------------------------------------------------------- binding constraint
    links = tok_links < tok_compute
    lifetime = (out["launch.satellite_life"] < mission_life) | (out["power.battery_cycle_life_margin"] < 0)
    volume = out["launch.binding"] == 1
    conds = (links, lifetime, volume, cooling_cost > power_cost)
    if _BOOL_ONLY.issuperset(map(type, conds)) or all(np.ndim(c) == 0 for c in conds):
        code = 2.0 if links else 4.0 if lifetime else 3.0 if volume else 1.0 if conds[3] else 0.0
    else:
        code = np.select([np.asarray(c) for c in conds], [2.0, 4.0, 3.0, 1.0], default=0.0)
    out["economics.binding_constraint"] = _f(_rows(code, shape) if shape else code)
