"""The seed documents' quantitative claims, each checked by the model.

The project started from five investor articles (see ``SEED_CLAIMS.md`` in the project's
shared notes) that make concrete claims about orbital AI data centers, launch prices,
Starlink, terrestrial data centers and idle cars.  :func:`check` evaluates a scenario
through the one pipeline and returns, for every claim the model can test, the model's
numbers, a verdict (``"holds"``, ``"fails"`` or ``"holds only if ..."``) and the
assumption the verdict hinges on.  :func:`format_table` renders the list for a terminal.

A claim whose inputs the pipeline does not produce (a module missing) is reported with the
verdict ``"untested"`` and the missing output, never guessed.

Reference figures used in the verdicts (each with its source):

* world GDP 2024: about 110 trillion USD (IMF World Economic Outlook, Oct 2024) -- measurement;
* US nuclear capacity factor 2023: about 93 % (EIA Electric Power Monthly, table 6.7.B) --
  measurement; a "nuclear plant" is taken as 1 GW of capacity (the seed documents' usage);
* orbital launches worldwide in 2024: about 260 (of which ~134 Falcon 9/Heavy) (public launch
  logs, e.g. J. McDowell's launch log) -- measurement.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .constants import JULIAN_YEAR

__all__ = ["ClaimResult", "check", "format_table", "CLAIMS"]

WORLD_GDP_2024 = 110e12
"""World GDP 2024 [USD], IMF World Economic Outlook (Oct 2024): ~110 trillion. Measurement."""
NUCLEAR_CAPACITY_FACTOR = 0.93
"""US nuclear fleet capacity factor 2023, EIA Electric Power Monthly table 6.7.B. Measurement."""
LAUNCHES_2024 = 260.0
"""Orbital launch attempts worldwide in 2024 (public launch logs). Measurement."""
YEAR = JULIAN_YEAR

COLOSSUS = {"gpus": 230e3, "facility_power": 300e6}
"""The seed documents' xAI Colossus figure read ONE way, shared by this module and the
``colossus-like`` preset: 230,000 GPUs drawing 300 MW at the site, i.e. facility power
(IT x PUE), 1.30 kW per GPU.  The preset's IT power is 300 MW / PUE (a test checks it).
Source: SEED_CLAIMS.md, "Terrestrial AI data centers and storage". Kind: claim."""


@dataclass
class ClaimResult:
    """One seed claim checked by the model.

    Attributes
    ----------
    key : str
        Short identifier (``"cooling_free"``).
    claim : str
        The claim as stated in the seed documents.
    source : str
        Where it comes from (section of SEED_CLAIMS.md).
    numbers : dict
        The model's figures behind the verdict, ``{label: formatted value}``.
    verdict : str
        ``"holds"``, ``"fails"``, ``"holds only if ..."`` or ``"untested"``.
    hinges_on : str
        The assumption (scenario fields) the verdict turns on.
    detail : str
        One or two sentences of explanation.
    """

    key: str
    claim: str
    source: str
    numbers: dict = field(default_factory=dict)
    verdict: str = "untested"
    hinges_on: str = ""
    detail: str = ""


# ------------------------------------------------------------------------ formatting
def _g(x: float, unit: str = "", digits: int = 3) -> str:
    """Format with an SI prefix for W, bit/s, tokens/s and t (tonnes); plain otherwise."""
    x = float(x)
    if not math.isfinite(x):
        return f"{x} {unit}".strip()
    if unit in ("kg", "kg/yr"):
        x, unit = x / 1e3, unit.replace("kg", "t")
    a = abs(x)
    if unit in ("W", "W/yr", "bit/s", "tokens/s", "t", "t/yr"):
        for scale, pre in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
            if a >= scale:
                return f"{x / scale:.{digits}g} {pre}{unit}"
    return f"{x:.{digits}g} {unit}".strip()


def _usd(x: float) -> str:
    return f"{float(x):.3g} USD"


def _times(r: float) -> str:
    r = float(r)
    return f"{r:.0f}x" if r >= 10 else f"{r:.2g}x"


# ------------------------------------------------------------------------ helpers
class _Missing(Exception):
    pass


def _need(si: Mapping[str, Any], *keys: str) -> list[float]:
    miss = [k for k in keys if k not in si]
    if miss:
        raise _Missing(", ".join(miss))
    return [float(np.ravel(np.asarray(si[k], dtype=float))[0]) for k in keys]


def _field(scn, *candidates: str):
    keys = set(scn.keys())
    for k in candidates:
        if k in keys:
            return k
    return None


def _launch_override(scn, price_per_launch: float) -> dict:
    """Overrides that set the launch price to ``price_per_launch`` USD per launch.

    Uses the launch catalog's seed-claim vehicle (Starship at USD 200k, 150 t) when it exists,
    else a per-launch price field, else a per-kg price at the documents' lower 100 t.
    """
    try:
        from .scenario import field_spec

        f = field_spec("launch.vehicle")
        if f.choices and "starship-claim-200k" in f.choices and price_per_launch == 200e3:
            return {"launch.vehicle": "starship-claim-200k"}
    except Exception:  # no launch.vehicle field
        pass
    k = _field(scn, "launch.price_per_launch")
    if k:
        ov = {k: f"{price_per_launch} USD"}
        if _field(scn, "launch.price_basis"):
            ov["launch.price_basis"] = "per_launch"
        return ov
    kk = _field(scn, "launch.price_per_kg")
    if kk:
        cap = _field(scn, "launch.payload_mass")
        payload = float(scn[cap].to("kg").magnitude) if cap else 100e3  # seed: 100-150 t
        return {kk: f"{price_per_launch / payload} USD/kg"}
    return {}


# ------------------------------------------------------------------------ the claims
def _cooling(scn, res) -> ClaimResult:
    c = ClaimResult(
        "cooling_free",
        "Cooling cost is zero in orbit (waste heat 'solved' in space)",
        "Orbital AI data center; space solar",
    )
    cool_o, cpm_o, cool_t, area, mshare = _need(
        res,
        "economics.cooling_cost_orbital",
        "cost_per_million_tokens.orbital",
        "economics.cooling_cost_terrestrial",
        "thermal.radiator_area",
        "economics.mass_share_thermal",
    )
    cool_t_cap = (
        float(np.ravel(res["economics.cooling_capex_terrestrial"])[0])
        if "economics.cooling_capex_terrestrial" in res
        else 0.0
    )
    c.numbers = {
        "radiator area per satellite": _g(area, "m2"),
        "radiator share of satellite mass": f"{100 * mshare:.1f} %",
        "orbital cooling per 1M tokens": _usd(cool_o),
        "share of orbital cost": f"{100 * cool_o / cpm_o:.1f} %",
        "ground cooling (plant + energy) per 1M tokens": _usd(cool_t),
        "of which ground cooling plant": _usd(cool_t_cap),
    }
    c.hinges_on = (
        "radiator areal density and cost per m2 (finance.radiator_cost_per_m2), launch price "
        "per kg, radiator temperature (chip junction limit)"
    )
    if cool_o > cool_t:
        c.verdict = "fails"
        c.detail = (
            f"Rejecting heat in orbit needs a radiator that must be bought and launched: "
            f"{_usd(cool_o)} per million tokens, more than the ground's {_usd(cool_t)} for "
            f"its cooling plant and cooling electricity (PUE - 1), compared like with like."
        )
    else:
        c.verdict = "holds only if 'zero' means 'cheaper than on the ground'"
        c.detail = (
            f"Cooling is not free ({_usd(cool_o)} per million tokens for the radiator and its "
            f"launch) but it is cheaper than the ground's {_usd(cool_t)} for cooling plant and "
            f"cooling energy."
        )
    return c


def _free_power(scn, res) -> ClaimResult:
    c = ClaimResult(
        "solar_free", "Solar power is free in orbit (24/7 sunlight, no atmospheric loss)", "Orbital AI data center"
    )
    lo, lt, eo, et = _need(
        res,
        "economics.lcoe_orbital_power",
        "economics.lcoe_terrestrial",
        "economics.energy_cost_orbital",
        "economics.energy_cost_terrestrial",
    )
    mwh = 3.6e9
    c.numbers = {
        "orbital power system LCOE": f"{lo * mwh:.4g} USD/MWh",
        "ground electricity price": f"{lt * mwh:.4g} USD/MWh",
        "orbital energy per 1M tokens": _usd(eo),
        "ground energy per 1M tokens": _usd(et),
    }
    c.hinges_on = (
        "solar array cost per W (finance.array_cost_per_watt), array and battery mass, launch "
        "price per kg, mission life"
    )
    if lo > lt:
        c.verdict = "fails"
        c.detail = (
            f"Sunlight is free but the collector is not: the array, battery and their launch "
            f"cost {lo * mwh:.3g} USD/MWh over the mission life, {_times(lo / lt)} the ground supply."
        )
    else:
        c.verdict = "holds only if 'free' means 'cheaper than on the ground'"
        c.detail = f"Orbital power costs {lo * mwh:.3g} USD/MWh (not zero), below the ground's {lt * mwh:.3g} USD/MWh."
    return c


def _cheap_launch(scn, res, evaluate) -> ClaimResult:
    c = ClaimResult(
        "launch_200k",
        "About $200,000 per Starship launch (100-150 t) makes orbit the cheapest place for inference",
        "Launch; Orbital AI data center",
    )
    ov = _launch_override(scn, 200e3)
    if not ov:
        raise _Missing("a launch price field (launch.price_per_launch or launch.price_per_kg)")
    r2 = evaluate(scn.with_overrides(ov)).si
    o, t, fl, share = _need(
        r2,
        "cost_per_million_tokens.orbital",
        "cost_per_million_tokens.terrestrial",
        "cost_per_million_tokens.fleet",
        "economics.launch_share",
    )
    (o0,) = _need(res, "cost_per_million_tokens.orbital")
    c.numbers = {
        "orbital per 1M tokens at $200k/launch": _usd(o),
        "orbital per 1M tokens in this scenario": _usd(o0),
        "terrestrial per 1M tokens": _usd(t),
        "fleet per 1M tokens": _usd(fl),
        "launch share of satellite capex at $200k": f"{100 * share:.2f} %",
    }
    c.hinges_on = (
        "chip price and life (finance/compute), solar array and radiator cost; once launch is "
        "cheap the satellite hardware decides"
    )
    best = min(t, fl)
    if o < best:
        c.verdict = "holds"
        c.detail = f"At $200k per launch orbit ({_usd(o)}) beats the ground ({_usd(t)}) and the fleet ({_usd(fl)})."
    else:
        c.verdict = "fails"
        c.detail = (
            f"Even at $200k per launch, launch is {100 * share:.2g} % of the satellite's cost; orbit "
            f"({_usd(o)}) stays {_times(o / t)} the ground ({_usd(t)}) because the chips, array, "
            f"radiator and bus still cost more than a building and electricity."
        )
    return c


def _fleet(scn, res) -> ClaimResult:
    c = ClaimResult(
        "fleet_100gw", "100 million cars x 1 kW = 100 GW of inference", "Distributed inference on idle cars"
    )
    name, avail_w, a, tok = _need(
        res,
        "economics.fleet_power_nameplate",
        "economics.fleet_power_available",
        "economics.fleet_availability",
        "economics.fleet_token_rate",
    )
    cars = float(scn["baselines.fleet_cars"].magnitude)
    kw = float(scn["baselines.fleet_chip_power"].to("kW").magnitude)
    ov = float(scn["baselines.fleet_overhead"].magnitude)
    c.numbers = {
        "cars x chip power (nameplate)": _g(name, "W"),
        "availability (parked x plugged x consent)": f"{100 * a:.1f} %",
        "average computing power": _g(avail_w, "W"),
        "useful after redundancy overhead": _g(avail_w * (1 - ov), "W"),
        "delivered tokens": _g(tok, "tokens/s"),
    }
    c.hinges_on = (
        "fraction of parked hours plugged in and consented (baselines.fleet_plugged_fraction, fleet_consent_fraction)"
    )
    if abs(cars * kw * 1e3 - 100e9) > 1e-6 * 100e9:
        arith = f" (this scenario has {cars:.3g} cars x {kw:g} kW)"
    else:
        arith = ""
    if avail_w * (1 - ov) >= 0.9 * name:
        c.verdict = "holds"
        c.detail = f"The arithmetic is right{arith} and the assumed availability keeps most of it."
    else:
        c.verdict = "holds only if every car computes whenever parked"
        c.detail = (
            f"The multiplication is right as nameplate{arith}, but cars compute only while parked, "
            f"plugged in and consenting: {_g(avail_w, 'W')} on average, {_g(avail_w * (1 - ov), 'W')} "
            f"useful after verification overhead."
        )
    return c


def _terawatt(scn, res) -> ClaimResult:
    c = ClaimResult("tw_per_year", "Deploy 1 TW of AI compute per year in space", "Orbital AI data center")
    it, m_sat, hw, arr = _need(
        res, "compute.it_power", "launch.satellite_mass", "compute.hardware_cost", "power.array_power_bol"
    )
    target = 1e12
    sats = target / it
    mass = sats * m_sat
    per_sat_launches = None
    if "launch.launches" in res and "launch.satellites" in res:
        l, s = _need(res, "launch.launches", "launch.satellites")
        if s > 0:
            per_sat_launches = l / s
    cap_key = _field(
        scn, "launch.payload_mass", "launch.payload_to_leo", "launch.vehicle_payload", "launch.payload_capacity"
    )
    if per_sat_launches is not None:
        launches = sats * per_sat_launches
    elif cap_key:
        launches = mass / float(scn[cap_key].to("kg").magnitude)
    else:
        launches = mass / 100e3  # seed documents: 100-150 t per Starship
    chips = target * hw / it
    array = target * arr / it
    c.numbers = {
        "satellites per year": _g(sats, "satellites/yr"),
        "mass to orbit per year": _g(mass, "kg/yr"),
        "launches per year": f"{launches:.3g} ({launches / 365.25:.3g} per day; {LAUNCHES_2024:.0f} launches "
        f"worldwide in 2024)",
        "compute hardware per year": f"{chips / 1e12:.3g} trillion USD ({100 * chips / WORLD_GDP_2024:.2g} % of "
        f"world GDP)",
        "solar array per year": _g(array, "W/yr") + " (seed: Tesla plans 100 GW/yr of panels)",
    }
    c.hinges_on = "chip price per W (compute), satellite mass per kW (launch.mass_per_kw), launch cadence"
    c.verdict = (
        f"holds only if {launches:.3g} launches/yr can be flown and {chips / 1e12:.3g} trillion USD/yr of chips bought"
    )
    c.detail = (
        "A goal, not a fact: the model turns it into launch cadence, mass and chip spending; at this "
        "scenario's chip price the hardware alone is the obstacle the documents name."
    )
    return c


def _v3(scn, res) -> ClaimResult:
    c = ClaimResult("v3_tbps", "Starlink V3 carries 1 Tbit/s of downlink per satellite", "Connectivity (Starlink)")
    (cap,) = _need(res, "links.capacity")
    (tok_c,) = _need(res, "compute.tokens_per_second")
    lim = float(np.ravel(res["links.token_rate_limit"])[0]) if "links.token_rate_limit" in res else float("nan")
    c.numbers = {
        "link capacity per satellite (model)": _g(cap, "bit/s"),
        "claim": "1 Tbit/s",
        "tokens/s the links can carry": _g(lim, "tokens/s"),
        "tokens/s one satellite's chips make": _g(tok_c, "tokens/s"),
    }
    c.hinges_on = (
        "links section: spectrum, antenna/telescope aperture, optical ground stations and weather availability"
    )
    if cap >= 1e12:
        c.verdict = "holds"
        c.detail = "The link budget of this scenario reaches 1 Tbit/s."
    else:
        c.verdict = f"holds only if the link design exceeds this scenario's ({_g(cap, 'bit/s')})"
        c.detail = (
            "The claim is a vendor figure for a different satellite; for text inference the "
            "relevant comparison is tokens carried against tokens made"
            + (" - the links are not the bottleneck." if lim >= tok_c else " - here the links limit delivery.")
        )
    return c


def _sunlight(scn, res) -> ClaimResult:
    c = ClaimResult("sun_24_7", "24/7 sunlight in orbit", "Orbital AI data center; space solar")
    ef, days, dmax = _need(res, "orbit.eclipse_fraction_mean", "orbit.eclipse_days", "orbit.eclipse_duration_max")
    c.numbers = {
        "time in shadow over the year": f"{100 * ef:.2f} %",
        "days with an eclipse": f"{days:.0f}",
        "longest eclipse": f"{dmax / 60:.3g} min",
    }
    c.hinges_on = "orbit: a dawn-dusk sun-synchronous orbit high enough to avoid the eclipse season"
    if days == 0:
        c.verdict = "holds"
        c.detail = "This orbit never enters Earth's shadow during the year."
    else:
        c.verdict = "holds only if the orbit never enters Earth's shadow (not this one)"
        c.detail = (
            f"This orbit spends {100 * ef:.2g} % of the year in shadow, on {days:.0f} days, so the "
            f"battery and array are sized for {dmax / 60:.3g}-minute eclipses; only a dawn-dusk "
            f"sun-synchronous orbit high enough to clear the eclipse season is sunlit all year."
        )
    return c


def _colossus(scn, res) -> ClaimResult:
    per_claim = COLOSSUS["facility_power"] / COLOSSUS["gpus"]
    c = ClaimResult(
        "colossus_power", "xAI Colossus: 230,000 GPUs draw 300 MW (1.30 kW per GPU)", "Terrestrial AI data centers"
    )
    it, chips = _need(res, "compute.it_power", "compute.chips")
    pue = float(scn["baselines.pue"].magnitude)
    per = it / chips * pue
    c.numbers = {
        "model: facility power per accelerator": f"{per / 1e3:.3g} kW (IT {it / chips / 1e3:.3g} kW x PUE {pue:g})",
        "claim": "1.30 kW",
        "model: 230,000 accelerators": _g(COLOSSUS["gpus"] * per, "W"),
    }
    c.hinges_on = "accelerator power and host/network overhead (compute), PUE (baselines.pue)"
    ratio = per / per_claim
    if 0.75 <= ratio <= 1.25:
        c.verdict = "holds"
        c.detail = f"The model's {per / 1e3:.3g} kW per accelerator is within 25 % of the reported 1.30 kW."
    else:
        c.verdict = "fails"
        c.detail = (
            f"The model's {per / 1e3:.3g} kW per accelerator differs from 1.30 kW by "
            f"{100 * (ratio - 1):+.0f} %: the chip or overhead assumed here is not Colossus's."
        )
    return c


def _million_gpus(scn, res) -> ClaimResult:
    c = ClaimResult("million_gpu_power", "1 million GPUs need more than 1,600 MW", "Terrestrial AI data centers")
    it, chips = _need(res, "compute.it_power", "compute.chips")
    pue = float(scn["baselines.pue"].magnitude)
    total = 1e6 * it / chips * pue
    c.numbers = {"model: 1 million accelerators": _g(total, "W"), "claim": "> 1.6 GW"}
    c.hinges_on = "accelerator power class (H100 ~0.7 kW vs B200 ~1 kW), host overhead and PUE"
    if total > 1.6e9:
        c.verdict = "holds"
        c.detail = f"With this scenario's accelerators a million of them draw {_g(total, 'W')}."
    else:
        c.verdict = "holds only if the accelerators draw more than this scenario's"
        c.detail = (
            f"This scenario's accelerators need {_g(total, 'W')} per million, under 1.6 GW; the "
            f"claim fits higher-power parts (B200-class) or a higher PUE."
        )
    return c


def _tesla_solar(scn, res) -> ClaimResult:
    c = ClaimResult(
        "solar_100gw_nuclear",
        "100 GW/yr of solar panels equal 100 nuclear plants",
        "Orbital AI data center (Tesla solar)",
    )
    from .physics.ground_solar import SITES, capacity_factor

    site = scn["baselines.solar_site"] if "baselines.solar_site" in scn.keys() else "greensboro"
    cf = capacity_factor(site)
    avg = 100e9 * cf
    nuc = 100 * 1e9 * NUCLEAR_CAPACITY_FACTOR
    c.numbers = {
        f"PV capacity factor at {site} (pvlib, typical year)": f"{100 * cf:.1f} %",
        "100 GW of PV, average output": _g(avg, "W"),
        "100 nuclear plants (1 GW, 93 % CF), average": _g(nuc, "W"),
        "nuclear plants equivalent": f"{avg / (1e9 * NUCLEAR_CAPACITY_FACTOR):.3g}",
    }
    if "orbit.eclipse_fraction_mean" in res:
        (ef,) = _need(res, "orbit.eclipse_fraction_mean")
        # same panels in orbit: 1361 W/m2 (AM0) vs 1000 W/m2 (STC rating), sunlit fraction
        c.numbers["same panels in this orbit, average"] = (
            _g(100e9 * 1.361 * (1 - ef), "W") + " (before cell temperature and degradation)"
        )
    c.hinges_on = f"capacity factor of the site (baselines.solar_site: {SITES[site][2].split(';')[0]})"
    c.verdict = "fails"
    c.detail = (
        f"Nameplate is not energy: on the ground 100 GW of panels average {_g(avg, 'W')}, about "
        f"{avg / (1e9 * NUCLEAR_CAPACITY_FACTOR):.2g} nuclear plants, unless they are put in orbit."
    )
    return c


def _latency(scn, res) -> ClaimResult:
    c = ClaimResult("latency_20ms", "Starlink user links: under 20 ms latency", "Connectivity (Starlink)")
    (lat,) = _need(res, "links.latency")
    c.numbers = {"model latency": f"{lat * 1e3:.3g} ms", "claim": "< 20 ms"}
    c.hinges_on = "orbit altitude, hops over inter-satellite links, ground-station distance (links section)"
    c.verdict = "holds" if lat < 0.02 else "fails"
    c.detail = (
        f"The model's round trip (user, access satellite, laser hops, compute satellite and back) "
        f"is {lat * 1e3:.3g} ms."
    )
    return c


RADIATION_SCAN_KM = (400.0, 550.0, 650.0, 800.0, 1000.0, 1200.0, 1500.0, 2000.0)
"""Altitudes at which :func:`_radiation` re-evaluates the scenario (km)."""


def _radiation(scn, res, evaluate) -> ClaimResult:
    c = ClaimResult(
        "radiation_belt",
        "Space is the best place for compute: above the atmosphere, any orbit will do",
        "Orbital AI data center",
    )
    dose0, life_d0 = _need(res, "radiation.dose_rate", "radiation.dose_life")
    life0 = float(scn.to_si().get("power.mission_life", 5 * YEAR))
    keys = set(scn.keys())
    if "orbit.altitude" not in keys:
        raise _Missing("an orbit.altitude field")
    scan = []
    for h in RADIATION_SCAN_KM:
        r = evaluate(scn.with_overrides({"orbit.altitude": f"{h} km"})).si
        d, life_d, cost = _need(r, "radiation.dose_rate", "radiation.dose_life", "cost_per_million_tokens.orbital")
        scan.append((h, d, life_d, cost))
    (t,) = _need(res, "cost_per_million_tokens.terrestrial")
    ok = [h for h, _, ld, _ in scan if ld >= life0]
    edge = max(ok) if ok else None
    cheapest = min(scan, key=lambda x: x[3])
    worst = scan[-1]
    sigma = float(scn.raw("launch.shielding_areal_density")) if "launch.shielding_areal_density" in keys else None
    c.numbers = {
        "dose in this orbit": f"{dose0 * YEAR:.3g} Gy/yr",
        "dose life in this orbit": f"{life_d0 / YEAR:.3g} yr",
        f"dose at {worst[0]:.0f} km": f"{worst[1] * YEAR:.3g} Gy/yr",
        f"orbital per 1M tokens at {worst[0]:.0f} km": _usd(worst[3]),
        "cheapest scanned altitude": f"{cheapest[0]:.0f} km ({_usd(cheapest[3])})",
        "highest altitude whose dose life covers the mission": f"{edge:.0f} km" if edge else "none scanned",
    }
    c.hinges_on = (
        "shielding areal density (launch.shielding_areal_density), dose limit and design margin "
        "(radiation.dose_limit, radiation.design_margin), orbit altitude and inclination"
    )
    shield = f" behind {sigma:.3g} kg/m2 of shielding" if sigma is not None else ""
    if life_d0 < life0:
        c.verdict = "fails"
        c.detail = (
            f"In this orbit the chips take {dose0 * YEAR:.3g} Gy a year{shield} and reach their dose "
            f"limit after {life_d0 / YEAR:.2g} years, before the {life0 / YEAR:.2g}-year mission ends; "
            f"the trapped-particle belts make altitude a cost, not a free choice."
        )
    else:
        lim = f"{edge:.0f} km" if edge else "the lowest orbits"
        c.verdict = f"holds only if the orbit stays below the inner belt (here up to {lim})"
        c.detail = (
            f"Here the chips take {dose0 * YEAR:.3g} Gy a year{shield}, within their dose life; but at "
            f"{worst[0]:.0f} km they would take {worst[1] * YEAR:.3g} Gy a year and orbit would cost "
            f"{_usd(worst[3])} per million tokens ({_times(worst[3] / t)} the ground): above about "
            f"{lim} the inner Van Allen belt ends the chips' life early."
        )
    return c


CLAIMS: tuple[Callable, ...] = (
    _cooling,
    _free_power,
    _cheap_launch,
    _fleet,
    _terawatt,
    _v3,
    _sunlight,
    _colossus,
    _million_gpus,
    _tesla_solar,
    _latency,
    _radiation,
)
"""The claim checks, in report order."""


def check(scenario: Any = None) -> list[ClaimResult]:
    """Check the seed documents' claims against a scenario.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        The scenario (preset name, mapping of overrides, or None for the defaults).

    Returns
    -------
    list of ClaimResult
        One per claim, with the model's numbers, a verdict (``"holds"``, ``"fails"``,
        ``"holds only if ..."`` or ``"untested"`` when the pipeline lacks an input) and the
        assumption it hinges on.

    Examples
    --------
    >>> from orbitdc import claims
    >>> for r in claims.check("seed-claims"):       # doctest: +SKIP
    ...     print(r.claim, "->", r.verdict)
    """
    from .errors import ScenarioError
    from .model import evaluate
    from .scenario import Scenario

    if scenario is None:
        scn = Scenario()
    elif isinstance(scenario, Scenario):
        scn = scenario
    elif isinstance(scenario, str):
        from . import presets

        scn = presets.load(scenario)
    else:
        scn = Scenario(scenario)
    res = evaluate(scn).si
    results = []
    for fn in CLAIMS:
        try:
            r = fn(scn, res, evaluate) if fn in (_cheap_launch, _radiation) else fn(scn, res)
        except _Missing as m:
            r = _untested(fn, f"the pipeline does not provide {m}")
        except ScenarioError as e:
            r = _untested(fn, str(e))
        results.append(r)
    return results


_TEXT = {
    "_cooling": ("cooling_free", "Cooling cost is zero in orbit"),
    "_free_power": ("solar_free", "Solar power is free in orbit"),
    "_cheap_launch": ("launch_200k", "$200,000 per Starship launch makes orbit the cheapest"),
    "_fleet": ("fleet_100gw", "100 million cars x 1 kW = 100 GW of inference"),
    "_terawatt": ("tw_per_year", "Deploy 1 TW of AI compute per year in space"),
    "_v3": ("v3_tbps", "Starlink V3 carries 1 Tbit/s per satellite"),
    "_sunlight": ("sun_24_7", "24/7 sunlight in orbit"),
    "_colossus": ("colossus_power", "Colossus: 230,000 GPUs draw 300 MW"),
    "_million_gpus": ("million_gpu_power", "1 million GPUs need more than 1,600 MW"),
    "_tesla_solar": ("solar_100gw_nuclear", "100 GW/yr of solar panels equal 100 nuclear plants"),
    "_latency": ("latency_20ms", "Starlink: under 20 ms latency"),
    "_radiation": ("radiation_belt", "Space is the best place for compute, any orbit"),
}


def _untested(fn, why: str) -> ClaimResult:
    key, text = _TEXT.get(fn.__name__, (fn.__name__.strip("_"), fn.__name__))
    return ClaimResult(key, text, "", {}, "untested", "", why)


def format_table(results: list[ClaimResult], width: int = 100) -> str:
    """Render claim results as a plain-text report for a terminal.

    Parameters
    ----------
    results : list of ClaimResult
        As returned by :func:`check`.
    width : int
        Line width for wrapping (>= 40).

    Returns
    -------
    str
        One block per claim: the claim, its verdict, the model's numbers, what it hinges
        on, and the explanation.
    """
    width = max(int(width), 40)
    lines = []
    for i, r in enumerate(results, 1):
        head = f"{i:>2}. {r.claim}"
        lines.extend(textwrap.wrap(head, width, subsequent_indent="    "))
        lines.append(f"    verdict: {r.verdict.upper() if r.verdict in ('holds', 'fails') else r.verdict}")
        if r.numbers:
            w = max(len(k) for k in r.numbers)
            for k, v in r.numbers.items():
                lines.extend(
                    textwrap.wrap(
                        f"{k:<{w}}  {v}", width - 6, initial_indent="      ", subsequent_indent="      " + " " * (w + 2)
                    )
                )
        if r.hinges_on:
            lines.extend(
                textwrap.wrap("hinges on: " + r.hinges_on, width, initial_indent="    ", subsequent_indent="      ")
            )
        if r.detail:
            lines.extend(textwrap.wrap(r.detail, width, initial_indent="    ", subsequent_indent="    "))
        lines.append("")
    n = {v: sum(1 for r in results if r.verdict == v) for v in ("holds", "fails", "untested")}
    cond = len(results) - sum(n.values())
    lines.append(
        f"{len(results)} claims: {n['holds']} hold, {n['fails']} fail, {cond} hold only under conditions, "
        f"{n['untested']} untested"
    )
    return "\n".join(lines)
