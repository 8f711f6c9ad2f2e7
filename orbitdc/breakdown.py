"""The cost per token of each architecture in the same categories, what decides it, and its uncertainty.

:func:`cost_breakdown` splits the cost per million tokens of the satellite, the ground data
center and the parked-car fleet into seven categories that mean the same thing for all three:

==============  ==================================================================================
``chips``       accelerators with their host boards: straight-line depreciation over their life,
                spares and chips replaced in orbit by a servicer
``power``       electricity: the orbital array and battery (depreciation); the ground's and the
                cars' electricity bill (IT power x PUE x price, the wall power of the cars)
``cooling``     heat rejection hardware: the radiator; the cooling share of the ground facility
                (``baselines.facility_cooling_share``, depreciation and O&M)
``structure``   structure and facility: the satellite bus, link terminals, integration and the
                programme's engineering (NRE) share; the ground building less its cooling; what
                the car owners are paid for hosting the computer and the wear of their cars
``launch``      launch of the satellite (orbit only)
``operations``  operations, data transit and insurance; the ground facility's O&M less its
                cooling; the fleet's cellular data
``financing``   the cost of capital: capital recovery minus straight-line depreciation on every
                capital item, and the interest carried while the ground site waits for its grid
                connection
==============  ==================================================================================

Capital items are annualised with the capital recovery factor ``CRF(i, n) = i / (1 - (1+i)^-n)``
the economics stage uses; ``CRF = 1/n + (CRF - 1/n)``: the first term is depreciation (in the
item's category), the second financing.  Satellites replaced over the life (re-entries and
failures) are spread over the categories they rebuy, and the integration mark-up over the
subsystems it integrates.  Launch stays one category: the launch cost of the array's or the
radiator's mass is not moved into power or cooling (the economics stage's
``economics.cooling_cost_orbital`` and ``economics.energy_cost_orbital`` do move it).

The parts sum to ``cost_per_million_tokens.<arch>`` (tests/test_breakdown.py checks it to
1e-9 relative on every preset).

References
----------
.. [1] Sullivan, W. G., Wicks, E. M. and Koelling, C. P. (2015). Engineering Economy, 16th ed.
   Pearson (capital recovery = depreciation + return on capital).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from orbitdc.constants import JULIAN_YEAR as YEAR
from orbitdc.kernels import architecture_costs as kac
from orbitdc.kernels import finance as kf

__all__ = [
    "ARCHS",
    "CATEGORIES",
    "Deciding",
    "cost_breakdown",
    "deciding_factor",
    "headline_uncertainty",
]

ARCHS = ("orbital", "terrestrial", "fleet")
CATEGORIES = ("chips", "power", "cooling", "structure", "launch", "operations", "financing")

#: binding-constraint codes of the economics stage that mean "the design is limited by" (not the default)
_LIMITS = {2: "links", 3: "launch volume", 4: "lifetime"}


def _life_years(crf: float, rate: float) -> float:
    """The life n [yr] whose capital recovery factor at ``rate`` is ``crf`` (inverse of CRF(i, n))."""
    if abs(rate) < 1e-12:
        return 1.0 / crf
    return -math.log1p(-rate / crf) / math.log1p(rate)


def _split(capex: float, crf_s: float, life_s: float) -> tuple[float, float]:
    """(depreciation, financing) rates [USD/s] of a capital item: capex/life and capex (CRF - 1/life)."""
    dep = capex / life_s
    return dep, capex * crf_s - dep


def _orbital(p: Mapping[str, Any], out: Mapping[str, Any]) -> dict[str, float]:
    g = {k: float(out[f"economics.capex_{k}"]) for k in ("chips", "bus", "array", "battery", "radiator", "links")}
    integ = float(out["economics.capex_integration"])
    launch = float(out["economics.capex_launch"])
    nre = float(out["economics.capex_nre"])
    repl = float(out["economics.capex_replacement"])
    svc = float(out["economics.capex_servicing"])
    # the integration mark-up over the subsystems it integrates
    hw = g["bus"] + g["array"] + g["battery"] + g["radiator"] + g["links"]
    k_int = integ / hw if hw > 0 else 0.0
    base = {
        "chips": g["chips"],
        "power": (g["array"] + g["battery"]) * (1 + k_int),
        "cooling": g["radiator"] * (1 + k_int),
        "structure": (g["bus"] + g["links"]) * (1 + k_int),
        "launch": launch,
    }
    # replacement satellites rebuy everything but the NRE, in proportion
    rebuy = sum(base.values())
    k_rep = repl / rebuy if rebuy > 0 else 0.0
    capex = {k: v * (1 + k_rep) for k, v in base.items()}
    capex["structure"] += nre
    capex["chips"] += svc
    crf = float(out["economics.capital_recovery_factor"])
    crf_s = crf / YEAR
    life_s = _life_years(crf, float(p["finance.wacc"])) * YEAR
    rates = {k: 0.0 for k in CATEGORIES}
    for k, v in capex.items():
        dep, fin = _split(v, crf_s, life_s)
        rates[k] += dep
        rates["financing"] += fin
    rates["operations"] = float(out["economics.opex_total"])
    tok = float(out["economics.token_rate_orbital"])
    return {k: 1e6 * v / tok for k, v in rates.items()}


def _ground_parts(p: Mapping[str, Any], out: Mapping[str, Any]) -> tuple[float, float, float]:
    """(hardware cost of the ground's chips with spares [USD], CRF per second over the mission, mission life [s])."""
    from orbitdc.sections.economics import _ground_compute

    wacc = float(p["finance.wacc"])
    life = float(p["power.mission_life"])
    crf_s = float(kf.crf_per_second(wacc, life))
    _tok, hw = _ground_compute(p, out)
    spares = float(out["compute.replacement_chips_ground"]) / life * float(out["compute.chip_price"])
    return float(hw) + spares / crf_s, crf_s, life


def _terrestrial(p: Mapping[str, Any], out: Mapping[str, Any]) -> dict[str, float]:
    wacc = float(p["finance.wacc"])
    hw, crf_s, life = _ground_parts(p, out)
    fac = float(out["economics.terrestrial_capex_facility"])
    delay = float(out["economics.terrestrial_capex_delay"])
    f_life = float(p["baselines.facility_life"])
    crf_f = float(kf.crf_per_second(wacc, f_life))
    f_cool = float(p["baselines.facility_cooling_share"])
    om = float(p["baselines.facility_om"]) * fac
    rates = {k: 0.0 for k in CATEGORIES}
    dep, fin = _split(hw, crf_s, life)
    rates["chips"] = dep
    rates["financing"] = fin
    dep, fin = _split(fac, crf_f, f_life)
    rates["cooling"] = f_cool * (dep + om)
    rates["structure"] = (1 - f_cool) * dep
    rates["operations"] = (1 - f_cool) * om
    rates["financing"] += fin + delay * crf_f
    rates["power"] = float(out["economics.terrestrial_opex_energy"])
    tok = float(out["economics.token_rate_terrestrial"])
    return {k: 1e6 * v / tok for k, v in rates.items()}


def _fleet(p: Mapping[str, Any], out: Mapping[str, Any]) -> dict[str, float]:
    from orbitdc.sections.economics import _bits_per_token, _ground_compute

    hw, crf_s, life = _ground_parts(p, out)
    tok_g, _hw = _ground_compute(p, out)
    it_power = float(out["compute.it_power"])
    chip_p = float(p["baselines.fleet_chip_power"])
    f = kac.fleet(
        p["baselines.fleet_cars"],
        chip_p,
        p["baselines.fleet_parked_fraction"],
        p["baselines.fleet_plugged_fraction"],
        p["baselines.fleet_consent_fraction"],
        hw / it_power * chip_p * p["baselines.fleet_chip_cost_share"],
        p["baselines.fleet_owner_payment"],
        p["baselines.fleet_owner_payment_hourly"],
        p["baselines.fleet_electricity_price"],
        p["baselines.fleet_data_price"],
        _bits_per_token(p),
        p["baselines.fleet_wear_cost"],
        p["baselines.fleet_overhead"],
        p["baselines.fleet_power_overhead"],
        float(tok_g) / it_power,
        crf_s,
    )
    rates = {k: 0.0 for k in CATEGORIES}
    dep, fin = _split(float(f["capex_chips"]), crf_s, life)
    rates["chips"] = dep
    rates["financing"] = fin
    rates["power"] = float(f["opex_energy"])
    rates["structure"] = float(f["opex_payment"]) + float(f["opex_wear"])
    rates["operations"] = float(f["opex_data"])
    tok = float(out["economics.fleet_token_rate"])
    return {k: 1e6 * v / tok for k, v in rates.items()}


def cost_breakdown(result: Any) -> dict[str, dict[str, float]]:
    """The cost per million tokens of each architecture in the categories of :data:`CATEGORIES`.

    Parameters
    ----------
    result : orbitdc.model.Result
        One evaluation (``orbitdc.evaluate``) of a whole pipeline.

    Returns
    -------
    dict
        ``{arch: {category: USD per million tokens}}`` for ``orbital``, ``terrestrial`` and
        ``fleet``; each architecture's parts sum to its ``cost_per_million_tokens.<arch>``.
        Capital items are split as ``capex CRF = capex / n + capex (CRF - 1/n)`` (depreciation
        in the item's category, the rest in ``financing``) [1]_.

    References
    ----------
    .. [1] Sullivan, Wicks and Koelling (2015), Engineering Economy, 16th ed., ch. 5-6.
    """
    p = result.scenario.to_si()
    out = result.si
    return {"orbital": _orbital(p, out), "terrestrial": _terrestrial(p, out), "fleet": _fleet(p, out)}


@dataclass(frozen=True)
class Deciding:
    """What decides the orbital cost per token.

    ``category``: the largest category of :func:`cost_breakdown` for the satellite; ``share``
    its fraction of the cost [1]; ``limit``: what limits the design when something other than
    its power budget does (``"links"``, ``"launch volume"``, ``"lifetime"``), else None;
    ``runner_up`` and ``runner_up_share``: the second category.
    """

    category: str
    share: float
    runner_up: str
    runner_up_share: float
    limit: str | None = None


def deciding_factor(result: Any, breakdown: Mapping[str, Mapping[str, float]] | None = None) -> Deciding:
    """The largest share of the orbital cost per token, and what limits the design if not power.

    Parameters
    ----------
    result : orbitdc.model.Result
    breakdown : mapping, optional
        :func:`cost_breakdown` of ``result`` when already computed.

    Returns
    -------
    Deciding
    """
    parts = (breakdown or cost_breakdown(result))["orbital"]
    total = sum(parts.values())
    ranked = sorted(parts.items(), key=lambda kv: kv[1], reverse=True)
    code = int(round(float(result.si["economics.binding_constraint"])))
    return Deciding(
        category=ranked[0][0],
        share=ranked[0][1] / total,
        runner_up=ranked[1][0],
        runner_up_share=ranked[1][1] / total,
        limit=_LIMITS.get(code),
    )


def headline_uncertainty(scenario: Any, n: int = 8000, seed: int = 0) -> dict[str, Any]:
    """p5, p50 and p95 of each architecture's cost per million tokens and P(orbit cheaper).

    A seeded Monte Carlo (:func:`orbitdc.studies.monte_carlo`) over every field that declares a
    spread, triangular with the scenario's value as mode.

    Parameters
    ----------
    scenario : Scenario, preset name or None
    n : int
        Samples; 8,000 gives P(orbit cheaper) to +-1.1 percentage points (95 %, at p = 0.5:
        ``1.96 sqrt(p (1-p) / n)``) in about a second.
    seed : int

    Returns
    -------
    dict
        ``{"n", "seed", "fields", "p5": {arch: USD}, "p50": {...}, "p95": {...},
        "p_cheaper": {"terrestrial": p, "fleet": p}}`` (costs in USD per million tokens).
    """
    from orbitdc.studies.montecarlo import _exact_percentiles

    keys = [f"cost_per_million_tokens.{a}" for a in ARCHS]
    qs = (5, 50, 95)
    # the numbers of monte_carlo(scenario, None, n=n, seed=seed, outputs=keys,
    # keep_samples="outputs"), without building its datasets (the app calls this per rerun)
    fields, pct, wins = _exact_percentiles(scenario, keys, n, seed, qs)
    out: dict[str, Any] = {"n": int(n), "seed": seed, "fields": fields}
    for i, q in enumerate(qs):
        out[f"p{q}"] = {a: float(pct[f"cost_per_million_tokens.{a}"][i]) for a in ARCHS}
    out["p_cheaper"] = {b: float(v) for b, v in wins.items()}
    return out
