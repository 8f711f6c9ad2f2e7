"""Pipeline module ``launch``: satellite mass, drag make-up, launches, cadence and cost.

Runs after ``orbit``, ``compute``, ``thermal``, ``links`` and ``power`` and rolls their sizing up
into one satellite:

* **mass**: compute hardware, solar array, battery, radiator (with its loop), links, radiation
  shielding (areal density times the area of a box holding the compute hardware), a fixed
  bus mass, structure as a fraction of the dry mass, propulsion hardware and propellant
  (:func:`orbitdc.physics.launch.satellite_mass`); the parts are written as
  ``launch.mass_<part>`` and sum to ``launch.satellite_mass``;
* **drag**: ballistic coefficient from the dry mass and the drag area (the Sun-tracking array's
  orbit-average projection from the beta angles, the radiator area times an attitude factor,
  plus the body), the delta-v per year that holds the altitude
  at the chosen solar activity, the propellant for it over the design life plus disposal, and
  the lifetime without station keeping (:mod:`orbitdc.physics.atmosphere`).  Propellant adds
  mass, which changes the ballistic coefficient: the stage iterates the dry mass four times
  (a contraction by the propulsion mass fraction, converged far below rounding);
* **launches**: the vehicle's payload to the target orbit (reduced from its reference orbit,
  :func:`orbitdc.physics.launch.payload_to_orbit`), whole satellites per launch from mass AND
  stowed volume (whichever binds), deployment time at the launch cadence, launch cost, fleet
  replacement over the design life (random failures; re-entries if there is no station
  keeping), and the "deploy P GW per year" mode behind the seed documents' 1 TW/yr claim.

Price input: a vehicle choice fills ``price_per_launch`` and ``price_per_kg`` (= price /
reference payload) consistently from the catalog.  With ``launch.price_basis = "auto"``
(default) the price per launch comes from whichever of the two the user (or a sweep, a
tornado, a break-even search) has moved away from the catalog value: ``price_per_kg`` x
``payload_mass`` if it is ``price_per_kg``, ``price_per_launch`` otherwise (also when neither
moved, so editing only ``payload_mass`` keeps the price per launch).  Editing both is refused
as ambiguous unless ``price_basis`` is set to ``per_kg`` or ``per_launch``.

``power.mission_life`` is the satellite design life read here (station-keeping propellant,
replacement horizon).  The physics lives in :mod:`orbitdc.physics.launch` and
:mod:`orbitdc.physics.atmosphere`; this module only wires fields and outputs.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import DEG, G0, JULIAN_YEAR
from ..errors import ScenarioError
from ..errors import require as _require
from ..kernels import atmosphere as katm
from ..kernels import compute as kc
from ..kernels import launch as kla
from ..physics import atmosphere as atm
from ..physics import atomic_oxygen as ao
from ..physics import launch as lp
from ..schema import _FLOAT_ONLY, Field, Output, Section, input_reader
from ..schema import as_output as _f  # the shared stage-output form

_s = _f


def require(ok: Any, field: str, value: Any, allowed: str, reason: str) -> None:
    """:func:`orbitdc.errors.require` with a fast path when the condition holds."""
    if ok is True or (ok.__class__ is np.bool_ and ok) or (ok.__class__ is np.ndarray and ok.all()):
        return
    _require(ok, field, value, allowed, reason)


__all__ = ["SECTIONS", "OUTPUTS", "stage", "VEHICLE_FILLS"]


def _fills(v: lp.Vehicle) -> dict[str, float]:
    return {
        "payload_mass": v.payload_mass / 1e3,
        "payload_volume": v.fairing_volume,
        "price_per_launch": v.price / 1e6,
        "price_per_kg": v.price / v.payload_mass,
        "reference_altitude": v.reference_altitude / 1e3,
        "reference_inclination": v.reference_inclination / DEG,
        "launch_latitude": v.launch_latitude / DEG,
        "upper_stage_dry_mass": v.upper_stage_dry_mass / 1e3,
        "upper_stage_isp": v.upper_stage_isp,
    }


VEHICLE_FILLS = {k: _fills(v) for k, v in lp.VEHICLES.items()}
"""Values (in each field's unit) that choosing a vehicle sets."""

_DEFAULT_VEHICLE = "falcon9-reusable"
_D = VEHICLE_FILLS[_DEFAULT_VEHICLE]
_CAT = "set by the vehicle choice from orbitdc.physics.launch.VEHICLES (see its provenance)"

SECTIONS = (
    Section(
        "launch",
        "Launch: mass, drag, launches and deployment",
        "Satellite mass roll-up, drag make-up and lifetime, launch vehicle, launches (mass- or "
        "volume-limited), cadence, replacement and the deploy-GW-per-year mode.",
        (
            # ---------------------------------------------------------------- vehicle
            Field(
                "vehicle",
                "",
                _DEFAULT_VEHICLE,
                "Launch vehicle; fills payload, volume, price and upper-stage figures from the catalog",
                source="catalog with a kind and source per figure: Falcon 9 (reusable, expendable), "
                "Falcon Heavy, Starship as flown (2025) and as projected, the seed documents' "
                "USD 200k Starship claim, and a generic user-defined vehicle",
                kind="vendor",
                role="design",
                choices=tuple(lp.VEHICLES),
                fills=VEHICLE_FILLS,
            ),
            Field(
                "payload_mass",
                "t",
                _D["payload_mass"],
                "Payload to the vehicle's reference orbit",
                source=_CAT,
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1000.0,
                reason="a launch carries a positive payload; 1000 t is several times any vehicle flown or projected",
                ui=(1.0, 250.0),
            ),
            Field(
                "payload_volume",
                "m^3",
                _D["payload_volume"],
                "Usable payload (fairing) volume",
                source=_CAT,
                kind="vendor",
                low=1.0,
                high=1e5,
                reason="a fairing has a positive usable volume; a fairing smaller than 1 m^3 carries no data-center satellite; the launch count diverges",
                ui=(20.0, 2000.0),
            ),
            Field(
                "price_basis",
                "",
                "auto",
                "Which price input sets the price per launch: 'auto' (whichever of price_per_launch "
                "and price_per_kg differs from the vehicle's catalog value; price_per_launch if "
                "neither), 'per_kg' (price_per_kg x payload_mass) or 'per_launch'",
                source="orbitdc convention: a vehicle choice sets both prices consistently, so editing "
                "or sweeping either one takes effect; set a basis explicitly to change both",
                kind="assumption",
                choices=("auto", "per_kg", "per_launch"),
            ),
            Field(
                "price_per_kg",
                "USD/kg",
                _D["price_per_kg"],
                "Launch price per kg of reference payload capacity (price per launch = price_per_kg x "
                "payload_mass; see price_basis)",
                source=_CAT + " (price / reference payload)",
                kind="vendor",
                low=0.0,
                high=1e6,
                reason="a price is not negative; above USD 1M/kg no launch has ever been priced",
                ui=(1.0, 10_000.0),
                spread=(10.0, 5000.0),
            ),
            Field(
                "price_per_launch",
                "MUSD",
                _D["price_per_launch"],
                "Price per launch (see price_basis)",
                source=_CAT,
                kind="vendor",
                low=0.0,
                high=1e4,
                reason="a price is not negative; above USD 10 B per launch is outside any programme",
                ui=(0.1, 500.0),
            ),
            Field(
                "reference_altitude",
                "km",
                _D["reference_altitude"],
                "Circular altitude at which payload_mass is quoted",
                source=_CAT,
                kind="assumption",
                low=100.0,
                high=2000.0,
                reason="payload figures are quoted for low Earth orbits (100-2000 km)",
            ),
            Field(
                "reference_inclination",
                "deg",
                _D["reference_inclination"],
                "Inclination at which payload_mass is quoted",
                source=_CAT,
                kind="vendor",
                low=0.0,
                high=180.0,
                reason="an inclination lies between 0 and 180 deg",
            ),
            Field(
                "launch_latitude",
                "deg",
                _D["launch_latitude"],
                "Launch-site latitude (lower inclinations need a plane change)",
                source=_CAT,
                kind="standard",
                low=0.0,
                high=90.0,
                reason="a latitude's magnitude is at most 90 deg",
            ),
            Field(
                "upper_stage_dry_mass",
                "t",
                _D["upper_stage_dry_mass"],
                "Burn-out mass of the stage that delivers the payload (for the payload reduction "
                "with altitude and inclination)",
                source=_CAT,
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="a stage's mass is not negative; 1000 t is far above any upper stage",
            ),
            Field(
                "upper_stage_isp",
                "s",
                _D["upper_stage_isp"],
                "Vacuum specific impulse of that stage",
                source=_CAT,
                kind="vendor",
                low=200.0,
                high=1000.0,
                reason="a chemical upper stage has a positive Isp below ~470 s (LOX/LH2); 1000 s "
                "leaves room for nuclear-thermal concepts; no orbital upper stage flies below ~280 s "
                "(solid kick motors ~290 s), and below 200 s the extra delta-v takes astronomically many launches",
            ),
            # ---------------------------------------------------------------- constellation
            Field(
                "sizing",
                "",
                "total_power",
                "How the constellation is sized: 'total_power' (total IT power / payload power per "
                "satellite, rounded up) or 'satellites' (satellite_count)",
                source="orbitdc convention",
                kind="assumption",
                choices=("total_power", "satellites"),
            ),
            Field(
                "total_it_power",
                "GW",
                1.0,
                "Total IT (compute payload) power in orbit, used when sizing = total_power",
                source="orbitdc reference question: what it takes to put a gigawatt of AI compute in "
                "orbit (a design choice; the seed documents talk of 1 TW per year)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1e5,
                reason="a constellation carries positive power; 100 TW is 30x today's world electricity generation",
                ui=(0.001, 1000.0),
            ),
            Field(
                "satellite_count",
                "",
                1000,
                "Satellites in the constellation, used when sizing = satellites",
                source="assumption",
                kind="assumption",
                low=1.0,
                high=1e9,
                integer=True,
                reason="a constellation has at least one satellite; 1e9 is beyond any plan",
                ui=(1.0, 100_000.0),
            ),
            # ---------------------------------------------------------------- mass
            Field(
                "structure_fraction",
                "",
                0.20,
                "Structure and mechanisms as a fraction of the satellite's dry mass",
                source="SMAD 3rd ed. chapter 10 typical mass budgets: structure about 20-25 % of dry "
                "mass; large deployables may do better (assumption)",
                kind="assumption",
                low=0.0,
                high=1.0,
                high_open=True,
                reason="structure is part of the dry mass: at 1 nothing else would fit",
                spread=(0.10, 0.30),
            ),
            Field(
                "bus_mass",
                "kg",
                300.0,
                "Fixed bus mass: attitude control, avionics, harness, thermal control other than the radiator",
                source="assumption: a few hundred kg for a 100 kW-class satellite (SMAD 3rd ed. "
                "chapter 10 subsystem budgets scaled; no public figure for such satellites)",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a mass is not negative",
                spread=(100.0, 1000.0),
            ),
            Field(
                "shielding_areal_density",
                "kg/m^2",
                10.0,
                "Radiation shielding around the compute electronics, as mass per area (aluminium "
                "equivalent; sets the radiation stage's dose and proton flux at the chips)",
                source="orbitdc design: 10 kg/m2 (3.7 mm aluminium), about the least shielding whose "
                "dose life (150 Gy, design margin 2) covers a 5-year mission at 650-800 km "
                "(orbitdc radiation PRESET prints the trade); 2.7 kg/m2 (1 mm, a bare box wall) gives "
                "a 650 km dawn-dusk chip about 61 Gy/yr and a 1.2-year dose life",
                kind="assumption",
                role="design",
                low=0.0,
                high=200.0,
                reason="shielding mass is not negative; 200 kg/m2 is 7 cm of aluminium",
                spread=(5.0, 30.0),
            ),
            Field(
                "coating_erosion_yield",
                "cm^3",
                2.0e-25,
                "Volume of the ram-facing coatings eroded per incident atomic-oxygen atom (the "
                "sacrificial coating on the array and radiator areas the drag model flies into the flow)",
                source="de Groh, Banks et al. (2008), MISSE 2 PEACE polymers on the ISS, J. Spacecraft "
                "Rockets 45(3): FEP Teflon (silver-Teflon radiator film) 2.00e-25 cm3/atom; Kapton H "
                "3.00e-24 (15x faster)",
                kind="measurement",
                low=0.0,
                high=1.0e-22,
                reason="an erosion yield is not negative; 1e-22 cm3/atom is 30x Kapton H, above any "
                "flight-measured polymer",
                spread=(1.0e-25, 3.0e-24),
            ),
            Field(
                "coating_density",
                "kg/m^3",
                2150.0,
                "Density of the sacrificial coating",
                source="FEP Teflon 2.12-2.17 g/cm3 (DuPont Teflon FEP film datasheet)",
                kind="vendor",
                low=500.0,
                high=5000.0,
                reason="polymer and glass coatings lie between 0.5 and 5 g/cm3",
            ),
            Field(
                "coating_margin",
                "",
                2.0,
                "Coating thickness over the depth the mission's atomic-oxygen fluence erodes",
                source="orbitdc design: a factor of 2 on the eroded depth, as ECSS-Q-ST-70-71 asks "
                "margins on predicted environmental degradation",
                kind="assumption",
                role="design",
                low=1.0,
                high=10.0,
                reason="the coating must at least outlast the erosion; 10x is a thick coating",
            ),
            Field(
                "electronics_density",
                "kg/m^3",
                850.0,
                "Packing density of the compute hardware (sets the shielded box area)",
                source="NVIDIA DGX H100 datasheet: 130.45 kg in 356 x 482 x 897 mm, 848 kg/m3 (vendor-derived)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=20_000.0,
                reason="electronics have a positive density below that of tungsten",
                spread=(400.0, 1500.0),
            ),
            # ---------------------------------------------------------------- drag and propulsion
            Field(
                "solar_activity",
                "",
                "mean",
                "Solar activity level of the atmosphere: low (F10.7 70), mean (128.8) or high (250)",
                source="NRLMSISE-00 global-mean table at the NASA NESC check-case activity levels "
                "(orbitdc.physics.atmosphere)",
                kind="standard",
                choices=atm.SOLAR_ACTIVITY_LEVELS,
            ),
            Field(
                "drag_coefficient",
                "",
                atm.DRAG_COEFFICIENT,
                "Free-molecular drag coefficient",
                source="2.2, the customary flat-plate value (Vallado 2013 section 8.6; SMAD 3rd ed. ch. 8)",
                kind="standard",
                low=0.5,
                high=5.0,
                reason="drag opposes motion (C_D > 0); free-molecular flat plates stay below ~4; free-molecular drag coefficients of satellites lie near 2-3 (Moe & Moe 2005); below 0.5 the ballistic coefficient diverges",
                spread=(2.0, 2.6),
            ),
            Field(
                "array_attitude",
                "",
                "sun-tracking",
                "Solar-array attitude for drag: 'sun-tracking' (projected area from the orbit's beta "
                "angles) or 'fixed' (drag_area_factor)",
                source="a Sun-tracking flat array presents |cos(beta) sin(u)| of its area to the "
                "velocity, (2/pi) cos(beta) on orbit average (geometry; see stage docstring)",
                kind="standard",
                role="design",
                choices=("sun-tracking", "fixed"),
            ),
            Field(
                "radiator_attitude",
                "",
                "thermal",
                "Radiator attitude for drag: 'thermal' (the attitude the thermal model assumes, panels "
                "edge-on to the Earth and to the Sun: projected area from the orbit's beta angles) or "
                "'fixed' (drag_area_factor)",
                source="geometry (issue 14, attitude consistency): a panel edge-on to nadir and to the Sun "
                "has its normal along r x s and presents |sin b| / AGM(1, |sin b|) of its area to the "
                "velocity on orbit average (1 at beta = 90 deg: a dawn-dusk radiator faces the flow); "
                "applies when thermal.tilt and thermal.solar_incidence are 90 deg, else drag_area_factor",
                kind="standard",
                role="design",
                choices=("thermal", "fixed"),
            ),
            Field(
                "drag_area_factor",
                "",
                0.5,
                "Orbit-average fraction of the radiator area (with radiator_attitude 'fixed', or a thermal "
                "attitude other than edge-on) and of a 'fixed' array presented to the flow",
                source="assumption: 0.5 for a randomly oriented plate (a tumbling flat plate presents "
                "half its area on average); 2/pi = 0.64 for a panel normal rotating in the "
                "orbit plane",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a flat panel presents between none and all of its area to the flow",
                spread=(0.1, 0.8),
            ),
            Field(
                "station_keeping",
                "",
                True,
                "Hold the altitude against drag with propulsion (false: no drag make-up, the "
                "satellite lives until it decays or its design life ends)",
                source="orbitdc convention",
                kind="assumption",
            ),
            Field(
                "isp",
                "s",
                lp.ISP_DEFAULT,
                "Specific impulse of the satellite's propulsion",
                source="Hall-effect thrusters about 1500-1600 s (SPT-100: Goebel & Katz 2008, "
                "Fundamentals of Electric Propulsion, ch. 7); hydrazine about 220 s",
                kind="vendor",
                role="design",
                low=0.0,
                low_open=True,
                high=20_000.0,
                reason="a thruster has a positive Isp; gridded ion engines reach ~10,000 s",
                spread=(220.0, 3000.0),
            ),
            Field(
                "propulsion_fraction",
                "",
                0.10,
                "Propulsion hardware (tanks, thrusters, feed) per kg of propellant",
                source="assumption: tankage of about 5-15 % of propellant mass",
                kind="assumption",
                low=0.0,
                high=2.0,
                reason="hardware mass is not negative; above twice the propellant it is not a propellant-driven system",
                spread=(0.05, 0.3),
            ),
            Field(
                "disposal",
                "",
                "spiral",
                "End-of-life disposal: 'spiral' (low-thrust spiral down to disposal_altitude), "
                "'impulsive' (one burn lowering the perigee to disposal_altitude) or 'passive' "
                "(left to decay)",
                source="orbitdc convention; electric propulsion spirals down (Edelbaum 1961)",
                kind="assumption",
                role="design",
                choices=("spiral", "impulsive", "passive"),
            ),
            Field(
                "disposal_altitude",
                "km",
                200.0,
                "Final circular altitude of a spiral, or perigee of an impulsive disposal ellipse",
                source="assumption: at 200 km drag finishes a re-entry in days; a targeted impulsive "
                "re-entry lowers the perigee to about 50 km",
                kind="assumption",
                low=0.0,
                high=2000.0,
                reason="disposal lowers the orbit towards the ground, within the LEO range",
            ),
            # ---------------------------------------------------------------- stowed volume
            Field(
                "array_stowed_density",
                "kg/m^3",
                200.0,
                "Stowed (launch) density of the solar array including packing gaps",
                source="assumption: between stacked rigid panels (2.9 kg/m2 at ~3.5 cm pitch, ~80 "
                "kg/m3) and rolled flexible blankets (several hundred kg/m3)",
                kind="assumption",
                low=1.0,
                high=20_000.0,
                reason="stowed hardware has a positive density; below 1 kg/m^3 (lighter than air) the stowed volume diverges",
                spread=(80.0, 500.0),
            ),
            Field(
                "other_stowed_density",
                "kg/m^3",
                300.0,
                "Stowed density of everything else (bus, compute, battery, propellant, structure)",
                source="assumption: satellite bodies with their packing gaps at a few hundred kg/m3; "
                "compute racks alone near 850 kg/m3 (DGX H100), propellant tanks denser",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=20_000.0,
                reason="stowed hardware has a positive density",
                spread=(100.0, 800.0),
            ),
            Field(
                "packing",
                "",
                "discrete",
                "'discrete': whole satellites per launch; 'bulk': mass and volume divisible "
                "(modules assembled in orbit)",
                source="orbitdc convention",
                kind="assumption",
                choices=("discrete", "bulk"),
            ),
            # ---------------------------------------------------------------- cadence and fleet
            Field(
                "cadence",
                "1/year",
                100.0,
                "Launches per year available to the programme",
                source="assumption: most of SpaceX's Falcon cadence (about 130 launches in 2024, "
                "measurement); Starship projections are far higher",
                kind="assumption",
                low=0.01,
                high=1e6,
                reason="a cadence of zero never deploys anything; below one launch a century the deployment time diverges",
                ui=(1.0, 10_000.0),
                spread=(20.0, 1000.0),
            ),
            Field(
                "failure_rate",
                "1/year",
                0.02,
                "Random whole-satellite failure rate (replaced as they fail)",
                source="assumption: a few percent per year for mass-produced LEO satellites",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a hazard rate is not negative; 10 per year means no satellite lives a month",
                spread=(0.005, 0.1),
            ),
            Field(
                "deploy_rate",
                "GW/year",
                1000.0,
                "IT power deployed per year in the deploy-rate mode (the seed documents: 1 TW/yr)",
                source="seed documents: deploy 1 TW of AI compute per year in space (claim)",
                kind="claim",
                low=0.0,
                high=1e6,
                reason="a deployment rate is not negative",
                ui=(0.1, 10_000.0),
            ),
        ),
    ),
)

_BINDING = {0: "mass-limited", 1: "volume-limited"}

_PART_DOCS = {
    "compute": "compute hardware (chips, boards, memory, power conversion; compute.hardware_mass)",
    "array": "solar array (power.array_mass)",
    "battery": "battery (power.battery_mass)",
    "radiator": "radiators, coolant loop and heat pump (thermal.radiator_mass + thermal.heat_pump_mass)",
    "links": "communication terminals (links.mass)",
    "shielding": "radiation shielding around the compute hardware",
    "coating": "sacrificial coating against atomic-oxygen erosion on the ram-facing array and radiator",
    "structure": "structure and mechanisms (structure_fraction of the dry mass)",
    "bus": "fixed bus: attitude control, avionics, harness (bus_mass)",
    "propulsion": "propulsion hardware (propulsion_fraction of the propellant)",
    "propellant": "propellant for drag make-up over the life and disposal",
}

OUTPUTS = (
    Output("launch.satellite_mass", "kg", "Wet (launch) mass per satellite: sum of the launch.mass_* parts"),
    Output("launch.dry_mass", "kg", "Satellite mass without propellant"),
    *(Output(f"launch.mass_{n}", "kg", f"Mass breakdown: {_PART_DOCS[n]}") for n in lp.MASS_PARTS),
    Output("launch.mass_per_kw", "kg/kW", "Satellite wet mass per kW of IT (payload) power"),
    Output("launch.satellite_volume", "m^3", "Stowed volume per satellite"),
    Output("launch.satellites", "", "Satellites in the constellation"),
    Output("launch.constellation_mass", "t", "Wet mass of the whole constellation"),
    Output("launch.payload_to_orbit", "t", "Vehicle payload to the operating orbit (reduced from the reference orbit)"),
    Output(
        "launch.satellites_per_launch", "", "Satellites per launch (a fraction 1/n when one satellite needs n launches)"
    ),
    Output("launch.launches", "", "Launches to deploy the constellation (whole)"),
    Output("launch.binding", "", "What limits each launch: 0 mass, 1 volume", labels=_BINDING),
    Output("launch.launch_price", "MUSD", "Price per launch used (from price_per_kg or price_per_launch)"),
    Output("launch.price_per_kg_to_orbit", "USD/kg", "Price per kg of payload capacity to the operating orbit"),
    Output("launch.launch_cost", "MUSD", "Launch cost of deploying the constellation"),
    Output("launch.launch_cost_per_satellite", "MUSD", "Deployment launch cost per satellite"),
    Output("launch.cost_per_kg_delivered", "USD/kg", "Launch cost per kg of satellite actually delivered"),
    Output("launch.deployment_time", "year", "Time to fly the deployment launches at the cadence"),
    Output("launch.drag_area", "m^2", "Orbit-average cross-section presented to the flow"),
    Output("launch.ao_fluence", "1/cm^2", "Atomic-oxygen fluence over the life on a surface facing the flow"),
    Output(
        "launch.ao_coating_mass",
        "kg",
        "Sacrificial coating that atomic-oxygen erosion of the ram-facing array and radiator needs",
    ),
    Output("launch.ballistic_coefficient", "kg/m^2", "Ballistic coefficient m_dry / (C_D A)"),
    Output("launch.drag_delta_v_per_year", "m/s/year", "Delta-v per year to hold the altitude against drag"),
    Output("launch.delta_v_total", "m/s", "Propulsive delta-v over the life: drag make-up + disposal"),
    Output("launch.propellant_per_year", "kg/year", "Propellant per year for drag make-up"),
    Output("launch.orbital_lifetime", "year", "Time to decay to 150 km without station keeping"),
    Output(
        "launch.satellite_life",
        "year",
        "Life of one satellite: the design life, or the orbital lifetime if shorter without station keeping",
    ),
    Output("launch.replacement_satellites", "", "Replacement satellites over the design life (failures, re-entries)"),
    Output("launch.replacement_launches", "", "Launches for the replacement satellites"),
    Output("launch.replacement_cost", "MUSD", "Launch cost of the replacements"),
    Output("launch.deploy_satellites_per_year", "1/year", "Satellites per year at deploy_rate"),
    Output("launch.deploy_launches_per_year", "1/year", "Launches per year at deploy_rate"),
    Output("launch.deploy_mass_per_year", "t/year", "Mass launched per year at deploy_rate"),
    Output("launch.deploy_cost_per_year", "BUSD/year", "Launch spending per year at deploy_rate"),
    Output("launch.deploy_cadence_multiple", "", "Launches per year at deploy_rate divided by the cadence"),
)

READS: tuple[str, ...] = (
    "compute.hardware_mass",
    "launch.array_attitude",
    "launch.array_stowed_density",
    "launch.bus_mass",
    "launch.cadence",
    "launch.coating_density",
    "launch.coating_erosion_yield",
    "launch.coating_margin",
    "launch.deploy_rate",
    "launch.disposal",
    "launch.disposal_altitude",
    "launch.drag_area_factor",
    "launch.drag_coefficient",
    "launch.electronics_density",
    "launch.failure_rate",
    "launch.isp",
    "launch.launch_latitude",
    "launch.other_stowed_density",
    "launch.packing",
    "launch.payload_mass",
    "launch.payload_volume",
    "launch.price_basis",
    "launch.price_per_kg",
    "launch.price_per_launch",
    "launch.propulsion_fraction",
    "launch.radiator_attitude",
    "launch.reference_altitude",
    "launch.reference_inclination",
    "launch.satellite_count",
    "launch.shielding_areal_density",
    "launch.sizing",
    "launch.solar_activity",
    "launch.station_keeping",
    "launch.structure_fraction",
    "launch.total_it_power",
    "launch.upper_stage_dry_mass",
    "launch.upper_stage_isp",
    "launch.vehicle",
    "links.mass",
    "orbit.altitude",
    "orbit.beta_abs_max",
    "orbit.beta_abs_min",
    "orbit.inclination",
    "power.array_area",
    "power.array_mass",
    "power.battery_mass",
    "power.mission_life",
    "power.payload_power",
    "thermal.heat_pump_mass",
    "thermal.radiator_area",
    "thermal.radiator_mass",
    "thermal.solar_incidence",
    "thermal.stowed_volume",
    "thermal.tilt",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


def _check_nonneg(name: str, v: Any, reason: str) -> None:
    """Refuse a negative or non-finite upstream mass, with the error of the physics check."""
    if v.__class__ is float:
        ok = 0.0 <= v < np.inf
    elif v.__class__ is np.ndarray and v.size and v.dtype == np.float64:
        ok = bool(v.min() >= 0.0) and bool(v.max() < np.inf)  # two reductions (NaN fails the first)
    else:
        ok = bool(((v >= 0.0) & (v < np.inf)).all())
    if not ok:
        lp._nonneg(name, v, reason)


_PART_NAMES = ("compute_mass", "array_mass", "battery_mass", "radiator_mass", "links_mass", "bus_mass")


def _check_parts(masses: tuple[Any, ...]) -> None:
    """:func:`_check_nonneg` of each upstream part mass, named by :data:`_PART_NAMES` [kg].

    On Python floats one test covers them all: the smallest is not negative and the sum is
    finite (a NaN makes the sum NaN, an infinity makes it infinite); otherwise, or when that
    test fails, each part is checked in turn, so the error (if any) names the first bad part.
    """
    if _FLOAT_ONLY.issuperset(map(type, masses)) and min(masses) >= 0.0 and sum(masses) < np.inf:
        return
    for name, v in zip(_PART_NAMES, masses):
        _check_nonneg(name, v, _PART)


def _launch_price(p: Mapping[str, Any]) -> Any:
    """Price per launch [USD] from ``price_basis`` (see the module docstring)."""
    return lp.launch_price(
        _s(p["launch.price_per_launch"]),
        _s(p["launch.price_per_kg"]),
        _s(p["launch.payload_mass"]),
        p["launch.price_basis"],
        p["launch.vehicle"],
    )


def _array_drag_factor(p: Mapping[str, Any], out: Mapping[str, Any]) -> Any:
    """Orbit-average fraction of the solar-array area facing the velocity [-].

    A Sun-tracking array's normal is the Sun direction s = cos(beta) x + sin(beta) z (x in the
    orbit plane towards the Sun's projection, z the orbit normal); the velocity at argument of
    latitude u is (-sin u, cos u, 0), so the projected fraction is cos(beta) |sin u|, whose
    orbit average is (2/pi) cos(beta).  Over the year it is averaged between the smallest and
    largest |beta| of ``orbit.beta_abs_min`` / ``orbit.beta_abs_max`` (a dawn-dusk orbit near
    beta = 90 deg flies its array nearly edge-on).  With a 'fixed' array,
    ``launch.drag_area_factor`` applies.
    """
    if p["launch.array_attitude"] == "sun-tracking":
        cosb = 0.5 * (kc.cos(_s(out["orbit.beta_abs_min"])) + kc.cos(_s(out["orbit.beta_abs_max"])))
        return (2.0 / np.pi) * cosb
    return _s(p["launch.drag_area_factor"])


def edge_on_radiator_drag_factor(beta: Any) -> Any:
    r"""Orbit-average fraction of a radiator's area facing the velocity, panel edge-on to Earth and Sun [-].

    The thermal model's radiator is edge-on to nadir (``thermal.tilt`` = 90 deg) and to the
    Sun (``thermal.solar_incidence`` = 90 deg), so its normal is :math:`\hat n \propto \hat r
    \times \hat s`.  With :math:`\hat s = (\cos\beta, 0, \sin\beta)` in the orbit frame and
    :math:`\hat r = (\cos u, \sin u, 0)`, :math:`\hat v = (-\sin u, \cos u, 0)`:
    :math:`|\hat n\cdot\hat v| = |\sin\beta| / \sqrt{1 - \cos^2\beta\cos^2 u}`, whose
    average over :math:`u` is :math:`\frac{2}{\pi}|\sin\beta|\,K(\cos^2\beta) =
    |\sin\beta| / \mathrm{AGM}(1, |\sin\beta|)` (complete elliptic integral by the
    arithmetic-geometric mean; Abramowitz & Stegun 17.6).  1 at :math:`\beta = 90^\circ`
    (a dawn-dusk radiator faces the flow), 0 at :math:`\beta = 0`.

    Parameters
    ----------
    beta : float or array [rad]
        Solar beta angle.
    """
    x = np.abs(np.sin(np.asarray(beta, dtype=float)))
    a, b = np.ones_like(x), x.copy()
    for _ in range(8):  # quadratic convergence: 8 steps reach machine precision for x >= 1e-30
        a, b = 0.5 * (a + b), np.sqrt(a * b)
    return np.where(x > 0, x / np.where(a > 0, a, 1.0), 0.0)


def _radiator_drag_factor(p: Mapping[str, Any], out: Mapping[str, Any]) -> Any:
    """Orbit-average fraction of the radiator area facing the flow [-].

    ``launch.radiator_attitude = 'thermal'`` with the thermal model's edge-on attitude
    (``thermal.tilt`` and ``thermal.solar_incidence`` both 90 deg) and the orbit's beta range:
    :func:`edge_on_radiator_drag_factor` averaged over |beta| uniform between
    ``orbit.beta_abs_min`` and ``orbit.beta_abs_max``; otherwise ``launch.drag_area_factor``.
    """
    f_fixed = _s(p["launch.drag_area_factor"])
    att = p["launch.radiator_attitude"]
    tilt, inc = p["thermal.tilt"], p["thermal.solar_incidence"]
    if att.__class__ is str and att == "fixed":
        return f_fixed
    b0, b1 = _s(out["orbit.beta_abs_min"]), _s(out["orbit.beta_abs_max"])
    if b0.__class__ is float and b1.__class__ is float:
        f_thermal = _edge_on_mean(b0, b1)  # one orbit: cached
    else:
        f_thermal = _edge_on_mean.__wrapped__(b0, b1)
    edge_on = _right_angle(_s(tilt)) & _right_angle(_s(inc))
    use = edge_on & (att == "thermal" if att.__class__ is str else np.asarray(att) == "thermal")
    if use.__class__ is bool and f_thermal.__class__ is float and f_fixed.__class__ is float:
        return f_thermal if use else f_fixed
    return _s(np.where(use, f_thermal, f_fixed))


def _right_angle(x: Any) -> Any:
    """``numpy.isclose(x, pi/2)`` with its default tolerances (atol 1e-8, rtol 1e-5 of pi/2),
    written out: plain arithmetic on a Python float, two ufuncs on an array; NaN and
    infinities are not close, as in ``isclose``."""
    return abs(x - _HALF_PI) <= 1e-8 + 1e-5 * _HALF_PI


_HALF_PI = np.pi / 2


@functools.lru_cache(maxsize=64)
def _edge_on_mean(b0: Any, b1: Any) -> Any:
    """:func:`edge_on_radiator_drag_factor` averaged over 16 midpoints of |beta| in [b0, b1] [-]
    (cached for one orbit's Python-float beta range; ``__wrapped__`` for arrays)."""
    w = (np.arange(16) + 0.5) / 16.0
    betas = np.asarray(b0)[..., None] + (np.asarray(b1) - np.asarray(b0))[..., None] * w
    return _s(edge_on_radiator_drag_factor(betas).mean(axis=-1))


_PART = "a subsystem mass is not negative (zero means absent)"


@functools.lru_cache(maxsize=8)
def _reentry_integral(activity: str) -> Any:
    """The lifetime integral of :func:`orbitdc.kernels.atmosphere.density_and_integral` at the
    re-entry altitude, a constant of each solar-activity level."""
    return katm.density_and_integral(atm.REENTRY_ALTITUDE, activity)[1]


def _payload_to_orbit(*args: Any) -> Any:
    """:func:`orbitdc.kernels.launch.payload_to_orbit`, cached when every input is a Python
    float (one vehicle to one orbit: a pure function of eight numbers), and then given as a
    Python float (the same value) so the rest of the stage runs on plain float arithmetic."""
    for a in args:
        if a.__class__ is not float:
            return kla.payload_to_orbit(*args)
    return _payload_to_orbit_cached(*args)


@functools.lru_cache(maxsize=256)
def _payload_to_orbit_cached(*args: float) -> float:
    return float(kla.payload_to_orbit(*args))


_read_inputs = input_reader(
    "power.payload_power",
    "power.mission_life",
    "launch.structure_fraction",
    "launch.propulsion_fraction",
    "launch.isp",
    "launch.bus_mass",
    "launch.shielding_areal_density",
    "launch.other_stowed_density",
    "launch.drag_area_factor",
    "launch.disposal_altitude",
    "launch.drag_coefficient",
    "launch.payload_volume",
    "launch.cadence",
    "launch.coating_erosion_yield",
    "launch.coating_density",
    "launch.coating_margin",
    "launch.satellite_count",
    "launch.array_stowed_density",
    "launch.failure_rate",
    "launch.deploy_rate",
    "launch.electronics_density",
    "launch.total_it_power",
)


_read_upstream = input_reader(
    "orbit.altitude",
    "orbit.inclination",
    "compute.hardware_mass",
    "power.array_mass",
    "power.battery_mass",
    "thermal.radiator_mass",
    "thermal.heat_pump_mass",
    "links.mass",
    "power.array_area",
    "thermal.radiator_area",
    "thermal.stowed_volume",
)


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Roll up the satellite mass and plan the launches; write the ``launch.*`` outputs.

    Field bounds are checked by the scenario layer; this stage evaluates the unchecked
    kernels of :mod:`orbitdc.physics.launch` and :mod:`orbitdc.physics.atmosphere` and
    checks the derived conditions: non-negative upstream masses, a positive drag area and
    mass, disposal below the orbit, propellant that can be carried, an orbit within the
    vehicle's reach, one price basis.
    """
    # ------------------------------------------------------------ inputs from earlier stages
    # the numeric fields this stage reads, in one pass (Python floats or float arrays)
    # the upstream outputs this stage reads, in one pass
    (
        h,
        inc,
        m_compute,
        m_array,
        m_battery,
        m_panels,
        m_heat_pump,
        m_links,
        a_array,
        a_radiator,
        v_rad,
    ) = _read_upstream(out)
    (
        payload_power,
        life,
        f_struct,
        tau,
        isp,
        m_bus,
        sigma,
        rho_other,
        f_drag,
        h_disp,
        cd,
        volume,
        cadence,
        in_launch_coating_erosion_yield,
        in_launch_coating_density,
        in_launch_coating_margin,
        in_launch_satellite_count,
        in_launch_array_stowed_density,
        in_launch_failure_rate,
        in_launch_deploy_rate,
        in_launch_electronics_density,
        in_launch_total_it_power,
    ) = _read_inputs(p)
    m_radiator = m_panels + m_heat_pump

    act = p["launch.solar_activity"]

    # ------------------------------------------------------------ shielding, body, drag area
    _check_nonneg("mass", m_compute, "mass is not negative")
    shield_area = 6.0 * kc.cbrt(m_compute / in_launch_electronics_density) ** 2  # lp.enclosure_area
    m_body = m_compute + m_battery + m_links + m_bus + m_heat_pump + sigma * shield_area  # non-deployed parts
    body_area = kc.cbrt(m_body / rho_other) ** 2
    f_array = _array_drag_factor(p, out)
    f_radiator = _radiator_drag_factor(p, out)
    drag_area = f_array * a_array + f_radiator * a_radiator + body_area
    # atomic oxygen: the ram-facing array and radiator areas (the attitude the drag model flies)
    # carry a sacrificial coating sized to the life's fluence (physics.atomic_oxygen)
    ao_fluence = ao.ram_fluence(ao.o_number_density(h, act), katm.speed(h), life)
    coat = ao.coating_mass_per_area(
        ao_fluence,
        in_launch_coating_erosion_yield,
        in_launch_coating_density,
        in_launch_coating_margin,
    )
    m_ao = coat * (f_array * a_array + f_radiator * a_radiator)
    require(
        drag_area > 0,
        "launch.drag_area_factor",
        f_drag,
        "a positive drag area",
        "the satellite presents no area to the flow (no array, radiator or body)",
    )
    m_fixed = m_compute + m_array + m_battery + m_radiator + m_links + m_bus + sigma * shield_area + m_ao
    require(
        m_fixed > 0,
        "launch.bus_mass",
        p["launch.bus_mass"],
        "a positive satellite mass",
        "no subsystem has mass: nothing to launch",
    )

    # ------------------------------------------------------------ disposal and drag make-up
    method = p["launch.disposal"]
    if method != "passive":
        require(
            h_disp <= h,
            "launch.disposal_altitude",
            h_disp / 1e3,
            "at most the orbit altitude (km)",
            "disposal lowers the orbit: its altitude cannot be above the operating orbit",
        )
    if method not in kla.DEORBIT_METHODS:
        lp.deorbit_delta_v(h, h, method)  # raises the physics module's error
    dv_disp = kla.deorbit(h, kc.minimum(h_disp, h), method)
    keep = bool(p["launch.station_keeping"])
    activity = atm._activity(act)
    rho, integral_h = katm.density_and_integral(h, activity)
    v_orb = katm.speed(h)
    rho_v2 = rho * v_orb * v_orb if keep else None
    years = life / JULIAN_YEAR
    ve = G0 * isp

    dry = m_fixed / (1.0 - f_struct)
    cd_area = cd * drag_area
    for _ in range(4):  # propellant <-> ballistic coefficient; contraction factor tau*k << 1
        bc = dry / cd_area
        # atm.drag_delta_v over a Julian year: rho v^2 / (2 B) x T
        if keep:
            dv_year = rho_v2 / (2.0 * bc) * JULIAN_YEAR
        else:
            dv_year = 0.0 if bc.__class__ is float else np.zeros_like(bc)
        dv_total = dv_year * years + dv_disp
        k = kc.expm1(dv_total / ve)
        denom = 1.0 - f_struct - tau * k
        require(
            denom > 0,
            "launch.isp",
            isp,
            "high enough to carry the life's propellant",
            "the drag make-up and disposal propellant at this Isp needs more tankage and structure "
            "than the satellite can carry; raise the Isp, the altitude or the ballistic coefficient",
        )
        dry = m_fixed / denom
    # bc and dv_total are those of the last iteration (consistent with each other); the
    # budget's dry mass differs from the one behind bc by the fixed-point residual (~1e-12)
    _check_parts((m_compute, m_array, m_battery, m_radiator, m_links, m_bus))
    m_sat, budget_dry, parts = kla.satellite_mass(
        (m_compute, m_array, m_battery, m_radiator, m_links, m_bus, m_ao),
        f_struct,
        sigma,
        shield_area,
        dv_total,
        isp,
        tau,
        k,  # expm1(dv_total / (G0 isp)) of the last iteration, the propellant ratio of dv_total
    )
    lifetime = bc * (integral_h - _reentry_integral(activity))  # atm.orbital_lifetime
    sat_life = life if keep else kc.minimum(life, lifetime)
    prop_per_year = budget_dry * kc.expm1(dv_year / ve) / JULIAN_YEAR

    # ------------------------------------------------------------ stowed volume
    v_sat = m_array / in_launch_array_stowed_density + v_rad + (m_sat - m_array - m_panels) / rho_other

    # ------------------------------------------------------------ vehicle, payload, price
    payload = _payload_to_orbit(
        p["launch.payload_mass"],
        h,
        inc,
        p["launch.reference_altitude"],
        p["launch.reference_inclination"],
        p["launch.launch_latitude"],
        p["launch.upper_stage_dry_mass"],
        p["launch.upper_stage_isp"],
    )
    require(
        payload > 0,
        "launch.vehicle",
        p["launch.vehicle"],
        "a vehicle that can reach the operating orbit",
        "the extra delta-v from the vehicle's reference orbit to this altitude and inclination uses "
        "up its whole payload: the orbit is above the vehicle's reach",
    )
    price = _launch_price(p)
    packing = p["launch.packing"]
    if packing not in kla.PACKINGS:
        raise ScenarioError("packing", packing, "one of 'discrete', 'bulk'", "the launch packing models")
    require(v_sat > 0, "volume", v_sat, "> 0", "a satellite occupies a positive volume")

    # ------------------------------------------------------------ constellation and launches
    if p["launch.sizing"] == "total_power":
        n_sat = kc.ceil(in_launch_total_it_power / payload_power * (1.0 - 1e-12))
    else:
        n_sat = in_launch_satellite_count
    plan = lp.UnitPlan(*kla.unit_plan(m_sat, v_sat, payload, volume, packing))
    launches = kc.asfloat(kla.launches(plan, n_sat, packing))
    cost = launches * price

    n_repl = kc.ceil(kla.replacement_satellites(n_sat, life, sat_life, in_launch_failure_rate) * (1.0 - 1e-12))
    repl_launches = kc.asfloat(kla.launches(plan, n_repl, packing))

    rate = lp.DeploymentRate(*kla.deployment_rate(in_launch_deploy_rate, payload_power, m_sat, plan, price, packing))

    # ------------------------------------------------------------ outputs
    out["launch.satellite_mass"] = _f(m_sat)
    out["launch.dry_mass"] = _f(budget_dry)
    for name, key in _MASS_KEYS:
        out[key] = _part(parts[name], m_sat)
    out["launch.mass_per_kw"] = _f(m_sat / payload_power)
    out["launch.satellite_volume"] = _f(v_sat)
    out["launch.satellites"] = _f(n_sat)
    out["launch.constellation_mass"] = _f(n_sat * m_sat)
    out["launch.payload_to_orbit"] = _f(payload)
    out["launch.satellites_per_launch"] = _f(plan.per_launch)
    out["launch.launches"] = _f(launches)
    out["launch.binding"] = _f(plan.binding)
    out["launch.launch_price"] = _f(price)
    out["launch.price_per_kg_to_orbit"] = _f(price / payload)
    out["launch.launch_cost"] = _f(cost)
    out["launch.launch_cost_per_satellite"] = _f(cost / n_sat)
    out["launch.cost_per_kg_delivered"] = _f(cost / (n_sat * m_sat))
    out["launch.deployment_time"] = _f(launches / cadence)
    out["launch.drag_area"] = _f(drag_area)
    out["launch.ao_fluence"] = _f(ao_fluence)
    out["launch.ao_coating_mass"] = _f(m_ao)
    out["launch.ballistic_coefficient"] = _f(bc)
    out["launch.drag_delta_v_per_year"] = _f(dv_year / JULIAN_YEAR)
    out["launch.delta_v_total"] = _f(dv_total)
    out["launch.propellant_per_year"] = _f(prop_per_year)
    out["launch.orbital_lifetime"] = _f(lifetime)
    out["launch.satellite_life"] = _f(sat_life)
    out["launch.replacement_satellites"] = _f(n_repl)
    out["launch.replacement_launches"] = _f(repl_launches)
    out["launch.replacement_cost"] = _f(repl_launches * price)
    out["launch.deploy_satellites_per_year"] = _f(rate.satellites)
    out["launch.deploy_launches_per_year"] = _f(rate.launches)
    out["launch.deploy_mass_per_year"] = _f(rate.mass)
    out["launch.deploy_cost_per_year"] = _f(rate.cost)
    out["launch.deploy_cadence_multiple"] = _f(kc.asfloat(rate.launches) / cadence)


_MASS_KEYS = tuple((name, f"launch.mass_{name}") for name in lp.MASS_PARTS)


def _part(x: Any, like: Any) -> Any:
    """A mass part with the shape of the satellite mass (read-only broadcast when uniform)."""
    x = _f(x)
    if like.__class__ is not float and np.ndim(like) and np.shape(x) != np.shape(like):
        return np.broadcast_to(np.asarray(x, dtype=float), np.shape(like))
    return x
