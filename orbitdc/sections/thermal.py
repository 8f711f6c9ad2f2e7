"""Pipeline module ``thermal``: the radiator that rejects the satellite's waste heat.

Reads the payload's waste heat (``compute.heat``, or the payload's electrical power when no
compute stage ran) plus the bus dissipation, the orbit's hot-case geometry and the chip's
junction limit (``compute.junction_temperature_max`` when present), and sizes

* the environmental loads on the radiator (absorbed sunlight, Earth albedo, Earth IR) for
  the year's hottest orbit, through exact plate-to-sphere view factors, and the effective
  sink temperature they define;
* the radiator temperature: junction limit minus the cold-plate, loop and heat-exchanger
  drops, optionally raised by a heat pump (a fixed lift, or the lift that minimises
  radiator + power-system + pump mass, pricing pump power at the power system's marginal
  kg/W, :func:`orbitdc.kernels.power.mass_per_watt`, the same kernel the power stage calls);
* the radiator area, mass and stowed volume.

Design orbit (hot case of the year): the smallest |beta| of the year
(``orbit.beta_abs_min``, the most albedo) with the largest eclipse fraction
(``orbit.eclipse_fraction_max``, which occurs at that beta for a circular orbit) and the
irradiance at perihelion (``orbit.sun_distance_min``).

The physics lives in :mod:`orbitdc.physics.thermal`; this module only wires fields and
outputs.  The model, its equations and references: ``docs/thermal.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import AU, JULIAN_YEAR, SOLAR_CONSTANT
from ..kernels import compute as kc  # scalar-aware numpy functions
from ..kernels import power as kpower
from ..kernels import thermal as kthermal
from ..physics import coating_degradation, power_system, thermal
from ..physics.thermal import ThermalSizing
from ..schema import Field, Output, Section
from ..schema import as_output as _f  # the shared stage-output form

__all__ = ["SECTIONS", "OUTPUTS", "stage", "HEAT_PUMP_MODES"]

HEAT_PUMP_MODES = ("none", "optimal", "fixed")

SECTIONS = (
    Section(
        "thermal",
        "Thermal: radiators and heat rejection",
        "Deployable radiator panels that reject the payload's waste heat by thermal radiation: "
        "surface, orientation, the chip-to-radiator temperature drops, an optional heat pump, "
        "and the Earth environment they see.",
        (
            Field(
                "emissivity",
                "",
                thermal.RADIATOR_EMISSIVITY,
                "Infrared emittance of the radiator surface",
                source="AZ-93 white thermal-control paint 0.91 +/- 0.02 (AZ Technology datasheet); "
                "Gilmore (2002) Spacecraft Thermal Control Handbook Appendix A: white paints and "
                "silvered Teflon 0.78-0.92",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a real surface emits more than nothing and at most what a black body emits",
                ui=(0.5, 1.0),
                spread=(0.80, 0.93),
            ),
            Field(
                "absorptivity",
                "",
                thermal.RADIATOR_ABSORPTIVITY,
                "Solar absorptance of the radiator surface",
                source="AZ-93 white paint 0.15 +/- 0.02 at beginning of life (AZ Technology datasheet); "
                "the rise over life is absorptivity_rate",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a real surface absorbs more than nothing and at most all incident sunlight",
                ui=(0.05, 1.0),
                spread=(0.13, 0.17),
            ),
            Field(
                "absorptivity_rate",
                "1/year",
                coating_degradation.AG_FEP_ALPHA_RATE * JULIAN_YEAR,
                "Rise of the radiator's solar absorptance per year in orbit (UV, contamination); "
                "the radiator is sized at end of life",
                source="HST silver-Teflon returned after 8.25 yr in LEO: 0.074 -> 0.155 +/- 0.032, "
                "0.0098/yr (de Groh et al. 2006, NASA TM, NTRS 20060056192); white paints darken "
                "from 0.15-0.20 to 0.25-0.35 over years of LEO UV (Gilmore 2002 ch. 4)",
                kind="assumption",
                low=0.0,
                high=0.1,
                reason="a surface does not clean itself in orbit; above 0.1 per year any coating is "
                "black within a decade",
                ui=(0.0, 0.05),
                spread=(0.006, 0.02),
            ),
            Field(
                "sides",
                "",
                2,
                "Radiating faces per panel: 2 for deployable panels, 1 for body-mounted panels with insulated backs",
                source="deployable radiators radiate from both faces (e.g. the ISS heat-rejection "
                "radiators); body-mounted panels from one",
                kind="assumption",
                role="design",
                low=1.0,
                high=2.0,
                integer=True,
                reason="a flat panel has one or two faces",
            ),
            Field(
                "fin_efficiency",
                "",
                0.90,
                "Fin efficiency: heat rejected over that of an isothermal panel at the root temperature",
                source="assumption; heat-pipe and pumped-loop panels with close tube spacing reach "
                "0.8-0.95 (Gilmore 2002 ch. 6, fin-efficiency charts)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a fin rejects more than nothing and at most what an isothermal fin would",
                ui=(0.5, 1.0),
                spread=(0.80, 0.95),
            ),
            Field(
                "areal_density",
                "kg/m^2",
                thermal.RADIATOR_AREAL_DENSITY,
                "Radiator mass per planform area (panels, heat pipes or fluid lines, manifolds, deployment)",
                source="'conventional radiator's weight of 7 kg/m2' (Thermacore Inc., NASA SBIR 1991 "
                "09.08-6551B, Space Station Freedom heat-pipe radiator class); advanced composite "
                "deployables target 2-5 kg/m2 (projection)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=50.0,
                reason="a radiator has positive mass; above 50 kg/m2 it is heavier than solid "
                "aluminium plate 2 cm thick",
                ui=(0.5, 20.0),
                spread=(3.0, 12.0),
            ),
            Field(
                "stowed_thickness",
                "mm",
                25.0,
                "Stowed thickness per panel (folded stack), for the launch volume",
                source="assumption: 12-25 mm aluminium-honeycomb or composite panels plus hinge gaps "
                "(Gilmore 2002 ch. 6, deployable radiators)",
                kind="assumption",
                low=1.0,
                high=500.0,
                reason="a panel is at least a millimetre thick; thicker than 0.5 m is not a panel",
                spread=(15.0, 40.0),
            ),
            Field(
                "use_chip_junction_limit",
                "",
                True,
                "Take the junction limit from the compute stage's chip when it provides one "
                "(otherwise junction_temperature_max below)",
                source="design choice: the chip datasheet limit is the physical constraint",
                kind="assumption",
            ),
            Field(
                "junction_temperature_max",
                "degC",
                85.0,
                "Chip junction temperature limit (used when the compute stage gives none, or "
                "when use_chip_junction_limit is off)",
                source="assumption: data-centre GPUs throttle at about 85-90 C junction (NVIDIA H100 "
                "class slowdown thresholds, vendor figures); designs keep margin below it",
                kind="assumption",
                low=0.0,
                high=175.0,
                reason="electronics junction limits lie between 0 C and 175 C (the maximum rating "
                "of high-temperature automotive silicon)",
                ui=(40.0, 125.0),
                spread=(75.0, 95.0),
            ),
            Field(
                "cold_plate_drop",
                "K",
                25.0,
                "Temperature drop junction -> coolant (die, package, interface material, cold plate)",
                source="assumption: about 0.035 K/W x 700 W for a liquid-cooled data-centre "
                "accelerator (cold-plate resistances of 0.02-0.05 K/W, vendor figures)",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="heat flows from hot to cold, so a drop is >= 0; above 100 K the stack is "
                "not a liquid-cooled design",
                spread=(15.0, 35.0),
            ),
            Field(
                "loop_drop",
                "K",
                10.0,
                "Coolant temperature rise around the pumped loop (return minus supply)",
                source="assumption: 5-15 K rise in liquid-cooled racks (ASHRAE TC 9.9, 2011, "
                "Liquid Cooling Guidelines); ISS internal loops similar",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a drop is >= 0; above 100 K the loop is not a liquid loop",
                spread=(5.0, 15.0),
            ),
            Field(
                "heat_exchanger_drop",
                "K",
                5.0,
                "Approach temperature of the loop-to-radiator heat exchanger (or heat-pipe evaporator)",
                source="assumption: 3-10 K approach for liquid-liquid or loop-to-heat-pipe "
                "interfaces (Gilmore 2002 ch. 12 and 14)",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="a drop is >= 0; above 100 K the exchanger is not a working design",
                spread=(3.0, 10.0),
            ),
            Field(
                "heat_pump",
                "",
                "none",
                "Heat pump between the coolant loop and the radiator: 'none', 'optimal' (the lift "
                "that minimises radiator + power-system + pump mass) or 'fixed' (heat_pump_lift)",
                source="design choice: large spacecraft reject heat passively through pumped loops "
                "(ISS); heat pumps are a studied option (Gilmore 2002 ch. 13)",
                kind="assumption",
                role="design",
                choices=HEAT_PUMP_MODES,
            ),
            Field(
                "heat_pump_lift",
                "K",
                30.0,
                "Temperature lift of the heat pump when heat_pump = 'fixed'",
                source="assumption",
                kind="assumption",
                role="design",
                low=0.0,
                high=200.0,
                reason="a lift is >= 0; beyond 200 K a single-stage vapour-compression machine has no working fluid",
                spread=(10.0, 60.0),
            ),
            Field(
                "max_lift",
                "K",
                100.0,
                "Largest lift searched when heat_pump = 'optimal'",
                source="assumption: single-stage vapour-compression limits",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=200.0,
                reason="the search needs a positive range; beyond 200 K no single-stage machine",
            ),
            Field(
                "fraction_of_carnot",
                "",
                0.5,
                "Heat-pump COP as a fraction of the Carnot COP T_cold / (T_hot - T_cold)",
                source="assumption: vapour-compression machines reach 0.4-0.6 of Carnot at moderate "
                "lift (Cengel & Boles 2015, Thermodynamics, ch. 11)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="no heat pump beats the reversed Carnot cycle",
                spread=(0.3, 0.6),
            ),
            Field(
                "heat_pump_specific_mass",
                "kg/kW",
                5.0,
                "Heat-pump hardware mass per kW of its electrical power (compressor, motor, exchangers)",
                source="assumption: no flight heritage for kW-class space heat pumps; terrestrial "
                "compressors are a few kg per kW of shaft power",
                kind="assumption",
                low=0.0,
                high=100.0,
                reason="hardware mass is >= 0; above 100 kg/kW the pump outweighs any radiator it saves",
                spread=(2.0, 15.0),
            ),
            Field(
                "tilt",
                "deg",
                90.0,
                "Angle between the radiator normal and nadir (90 = edge-on to the Earth)",
                source="design practice: radiators are mounted edge-on to the Earth to limit albedo "
                "and Earth-IR loads (Gilmore 2002 ch. 6)",
                kind="assumption",
                role="design",
                low=0.0,
                high=180.0,
                reason="the angle between a panel normal and nadir lies in 0..180 deg",
                spread=(70.0, 110.0),
            ),
            Field(
                "solar_incidence",
                "deg",
                90.0,
                "Angle between the radiator normal and the Sun held by the attitude (90 = Sun grazing the panel)",
                source="the ISS turns its heat-rejection radiators edge-on to the Sun with the "
                "Thermal Radiator Rotary Joint (NASA ISS reference guide); 90 deg is that "
                "practice",
                kind="assumption",
                low=0.0,
                high=180.0,
                reason="the angle between two directions lies in 0..180 deg",
                spread=(75.0, 90.0),
            ),
            Field(
                "design_case",
                "",
                "orbit_average",
                "Environment used for sizing: 'orbit_average' loads of the year's hottest orbit, or "
                "'peak' steady state at its sub-solar point",
                source="orbit-average sizing relies on the thermal capacitance of loop and panels over "
                "a ~95 min orbit; 'peak' is the no-capacitance bound (Gilmore 2002 ch. 2)",
                kind="assumption",
                choices=("orbit_average", "peak"),
            ),
            Field(
                "earth_ir",
                "W/m^2",
                thermal.EARTH_IR,
                "Earth's outgoing infrared flux at the top of the atmosphere",
                source="Gilmore (2002) ch. 2 orbit-average design value 237 W/m2 (218-261 for short "
                "averaging); CERES global mean 240 W/m2 (Loeb et al. 2018)",
                kind="measurement",
                low=100.0,
                high=350.0,
                reason="measured top-of-atmosphere long-wave flux lies within 100-350 W/m2 everywhere",
                spread=(218.0, 261.0),
            ),
            Field(
                "albedo",
                "",
                thermal.ALBEDO,
                "Earth's albedo (fraction of sunlight reflected)",
                source="Gilmore (2002) ch. 2 orbit-average design value 0.30 (0.18-0.55 for short "
                "averaging); CERES 0.29 (Stephens et al. 2015)",
                kind="measurement",
                low=0.0,
                high=1.0,
                reason="a planet reflects between none and all of the incident light",
                spread=(0.25, 0.35),
            ),
        ),
    ),
)

OUTPUTS = (
    Output("thermal.waste_heat", "kW", "Heat collected from payload and bus that the radiator must reject"),
    Output("thermal.heat_rejected", "kW", "Heat the radiator rejects: waste heat + heat-pump power"),
    Output("thermal.radiator_area", "m^2", "Radiator planform area (each panel radiates from 'sides' faces)"),
    Output("thermal.radiator_mass", "kg", "Radiator mass"),
    Output("thermal.area_per_kw", "m^2/kW", "Radiator planform area per kW of waste heat"),
    Output("thermal.stowed_volume", "m^3", "Stowed radiator volume for launch (area x stowed thickness)"),
    Output("thermal.radiator_temperature", "degC", "Radiator (fin-root) temperature"),
    Output("thermal.loop_temperature", "degC", "Radiator temperature the junction limit allows without a heat pump"),
    Output("thermal.junction_temperature_max", "degC", "Junction limit used"),
    Output("thermal.sink_temperature", "degC", "Effective sink temperature of the radiator's environment"),
    Output("thermal.heat_pump_power", "kW", "Heat-pump electrical power (an extra load on the power system)"),
    Output("thermal.heat_pump_lift", "K", "Heat-pump temperature lift (0: no pump)"),
    Output("thermal.heat_pump_mass", "kg", "Heat-pump hardware mass"),
    Output("thermal.view_factor", "", "Earth view factor of one radiator face"),
    Output("thermal.solar_flux", "W/m^2", "Absorbed direct sunlight per panel area (design orbit)"),
    Output("thermal.albedo_flux", "W/m^2", "Absorbed Earth albedo per panel area (design orbit)"),
    Output("thermal.earth_ir_flux", "W/m^2", "Absorbed Earth infrared per panel area (design orbit)"),
    Output("thermal.absorbed_flux", "W/m^2", "Total absorbed environmental flux per panel area"),
    Output("thermal.absorptivity_eol", "", "Solar absorptance of the radiator at end of life, the design value"),
    Output("thermal.environmental_load", "kW", "Environmental power absorbed by the whole radiator"),
)

READS: tuple[str, ...] = tuple(
    sorted(
        {
            *power_system.READS,  # the per-watt power-system sizing
            "compute.heat",
            "compute.junction_temperature_max",
            "orbit.sun_distance_min",
            "power.bus_power_fraction",
            "power.payload_power",
            "thermal.absorptivity",
            "thermal.absorptivity_rate",
            "thermal.albedo",
            "thermal.areal_density",
            "thermal.cold_plate_drop",
            "thermal.design_case",
            "thermal.earth_ir",
            "thermal.emissivity",
            "thermal.fin_efficiency",
            "thermal.fraction_of_carnot",
            "thermal.heat_exchanger_drop",
            "thermal.heat_pump",
            "thermal.heat_pump_lift",
            "thermal.heat_pump_specific_mass",
            "thermal.junction_temperature_max",
            "thermal.loop_drop",
            "thermal.max_lift",
            "thermal.sides",
            "thermal.solar_incidence",
            "thermal.stowed_thickness",
            "thermal.tilt",
            "thermal.use_chip_junction_limit",
        }
    )
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""

# Every field is bounded at the scenario boundary, so the stage calls the unchecked kernel;
# the sizing's own conditions (stack drops, lift, sink; kernels.thermal.SIZING_PROBLEMS)
# are reported on the field the user can change.
_FIELD = {"max_lift": "thermal.max_lift"}


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Size the radiator of one satellite; write the ``thermal.*`` outputs (SI)."""
    payload = p["power.payload_power"]
    heat = out["compute.heat"] + p["power.bus_power_fraction"] * payload

    junction_key = "thermal.junction_temperature_max"
    tj = p[junction_key]
    if p["thermal.use_chip_junction_limit"]:
        tj = out["compute.junction_temperature_max"]
        junction_key = "compute.junction_temperature_max"

    irradiance = SOLAR_CONSTANT * (AU / kc.asfloat(out["orbit.sun_distance_min"])) ** 2

    mode = p["thermal.heat_pump"]
    power_kg_per_w = 0.0
    if mode == "optimal":
        c = power_system.per_watt(p, out)  # the power system's sizing per watt, as the power stage's
        power_kg_per_w = kpower.mass_per_watt(
            c["sized"].area, c["areal_density"], c["battery_energy_per_watt"], c["specific_energy"]
        )
    pump_kg_per_w = p["thermal.heat_pump_specific_mass"]  # SI kg/W

    alpha_eol = _f(  # a Python float for one scenario: the sizing then runs on floats
        coating_degradation.absorptance_eol(
            p["thermal.absorptivity"], p["power.mission_life"], p["thermal.absorptivity_rate"]
        )
    )
    r = ThermalSizing(
        *kthermal.sizing(
            heat,
            out["orbit.altitude"],
            out["orbit.beta_abs_min"],
            out["orbit.eclipse_fraction_max"],
            tj,
            p["thermal.emissivity"],
            alpha_eol,
            p["thermal.sides"],
            p["thermal.fin_efficiency"],
            p["thermal.areal_density"],
            p["thermal.tilt"],
            p["thermal.solar_incidence"],
            irradiance,
            p["thermal.albedo"],
            p["thermal.earth_ir"],
            p["thermal.cold_plate_drop"] + p["thermal.loop_drop"] + p["thermal.heat_exchanger_drop"],
            p["thermal.design_case"],
            mode,
            p["thermal.heat_pump_lift"],
            p["thermal.fraction_of_carnot"],
            kc.asfloat(power_kg_per_w) + pump_kg_per_w,
            p["thermal.max_lift"],
            thermal.sizing_problem(tj, p["thermal.max_lift"], dict(_FIELD, t_junction_max=junction_key)),
        )
    )

    scalar = r.area.__class__ is float
    out["thermal.waste_heat"] = _f(heat if scalar or not np.ndim(r.area) else np.broadcast_to(heat, np.shape(r.area)))
    out["thermal.heat_rejected"] = _f(r.heat_rejected)
    out["thermal.radiator_area"] = _f(r.area)
    out["thermal.radiator_mass"] = _f(r.mass)
    area = kc.asfloat(r.area)
    out["thermal.area_per_kw"] = _f(area / kc.asfloat(heat))  # SI m2/W
    out["thermal.stowed_volume"] = _f(area * p["thermal.stowed_thickness"])
    out["thermal.radiator_temperature"] = _f(r.radiator_temperature)
    out["thermal.loop_temperature"] = _f(r.loop_temperature)
    out["thermal.junction_temperature_max"] = _f(
        tj if scalar or not np.ndim(r.area) else np.broadcast_to(tj, np.shape(r.area))
    )
    out["thermal.sink_temperature"] = _f(r.sink_temperature)
    out["thermal.heat_pump_power"] = _f(r.heat_pump_power)
    out["thermal.heat_pump_lift"] = _f(kc.asfloat(r.radiator_temperature) - kc.asfloat(r.loop_temperature))
    out["thermal.heat_pump_mass"] = _f(kc.asfloat(r.heat_pump_power) * pump_kg_per_w)
    out["thermal.view_factor"] = _f(r.view_factor)
    out["thermal.solar_flux"] = _f(r.solar_flux)
    out["thermal.albedo_flux"] = _f(r.albedo_flux)
    out["thermal.earth_ir_flux"] = _f(r.earth_ir_flux)
    out["thermal.absorbed_flux"] = _f(r.absorbed_flux)
    out["thermal.absorptivity_eol"] = _f(alpha_eol)
    out["thermal.environmental_load"] = _f(r.environmental_load)
