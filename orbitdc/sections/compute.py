"""Pipeline module ``compute``: the accelerators of one satellite and the model they serve.

Two sections:

* ``compute`` -- the accelerator (a catalog part from :mod:`orbitdc.physics.accelerators`
  whose figures are filled in, or a user-defined part), its price (catalog, or derived
  from wafer cost, dies per wafer and yield), host / network / power-conversion overhead,
  hardware mass, serving efficiencies, radiation soft errors, hard failures without
  repair, spares and utilisation;
* ``workload`` -- the model (dense or mixture-of-experts), its weight precision and KV
  cache, the batch and the request shape (prompt and output tokens), and the bytes per
  token the links carry.

The stage sizes the payload from ``p["power.payload_power"]`` (the IT load of one
satellite), computes the roofline serving rate per chip
(:func:`orbitdc.physics.compute.serving_throughput`), derates it for restarts, failures
over ``p["power.mission_life"]`` (the satellite design life) and utilisation, and writes
the ``compute.*`` outputs of the integration contract.

Failures on every side: ``compute.interruption_rate`` (restarts) and
``compute.failure_rate`` (permanent hardware failures) apply to every architecture.  In
orbit failed chips are not repaired (spares are switched in) and the orbit's environment
adds its own terms in one place, :func:`orbital_rates`; on the ground and in cars a failed
chip stops its replica for ``compute.repair_time`` and is replaced from spares, which the
economics stage prices (``compute.*_ground`` outputs).

Token accounting: ``compute.tokens_per_second`` counts **generated (output) tokens**,
delivered, life-averaged, per satellite; the prompt processing each of them needs is
included in its cost.  Prompt tokens and requests are reported separately
(``compute.prompt_tokens_per_second``, ``compute.requests_per_second``) so that downstream
modules can price per request or per prompt-plus-output token.

Precision: the stage uses ``compute.flops_8bit`` when weights are stored in 8 bits or fewer
(W8A8 / FP8 serving) and ``compute.flops_16bit`` otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import DAY
from ..errors import require as _require
from ..kernels import chip_cost as kcc
from ..kernels import compute as kc
from ..physics.accelerators import ACCELERATORS, CUSTOM, DESCRIPTIONS, WAFER_INPUTS
from ..schema import _FLOAT_ONLY, Field, Output, Section, input_reader
from ..schema import as_output as _f  # the shared stage-output form


def require(ok: Any, field: str, value: Any, allowed: str, reason: str) -> None:
    """:func:`orbitdc.errors.require` with a fast path when the condition holds."""
    if ok is True or (ok.__class__ is np.bool_ and ok) or (ok.__class__ is np.ndarray and ok.all()):
        return
    _require(ok, field, value, allowed, reason)


__all__ = ["SECTIONS", "OUTPUTS", "stage", "MODELS", "PRICE_MODELS", "YIELD_MODELS"]

PRICE_MODELS = ("catalog", "wafer")
YIELD_MODELS = ("fraction", "poisson", "murphy")

# units of the compute fields that the accelerator choice fills
_UNITS = {
    "chip_power": "W",
    "memory_bandwidth": "TB/s",
    "memory": "GB",
    "flops_16bit": "1/s",
    "flops_8bit": "1/s",
    "chip_price": "USD",
    "mass_per_chip": "kg",
}
_WAFER_UNITS = {
    "wafer_cost": "USD",
    "die_area": "mm^2",
    "yield_fraction": "",
    "dies_per_package": "",
    "packaging_cost": "USD",
    "memory_cost": "USD",
    "test_cost": "USD",
    "gross_margin": "",
}


def _accelerator_fills() -> dict[str, dict[str, Any]]:
    fills: dict[str, dict[str, Any]] = {}
    for part, specs in ACCELERATORS.items():
        if part == CUSTOM:
            fills[part] = {}  # the user's own numbers stand
            continue
        f = {name: specs[name].to(unit) for name, unit in _UNITS.items()}
        if part in WAFER_INPUTS:
            f["price_model"] = "wafer"
            f["yield_model"] = "fraction"
            for name, unit in _WAFER_UNITS.items():
                f[name] = WAFER_INPUTS[part][name].to(unit) if unit else float(WAFER_INPUTS[part][name].value)
        else:
            f["price_model"] = "catalog"
        fills[part] = f
    return fills


_ACC_FILLS = _accelerator_fills()
_WAFER_DIAMETER = 0.3  # m, SEMI M1 300 mm wafer (the wafer_cost field prices this size)
_H100 = ACCELERATORS["h100-sxm"]
_AI6 = WAFER_INPUTS["ai6-sf2-projection"]


def _src(spec) -> str:
    return spec.source


# ------------------------------------------------------------------ model presets -------
# KV cache per token = 2 x layers x KV heads x head dim x bytes per element, from each
# model's published configuration; DeepSeek-V3 caches the MLA latent (512 + 64 per layer).
# The cache is FP8 (1 byte per element): the cache format of NVIDIA's FP8 checkpoints
# (TensorRT Model Optimizer, kv_cache_quant_algo FP8) served by TensorRT-LLM and NIM.
_KV_ELEMENT = 1
MODELS: dict[str, dict[str, Any]] = {
    "llama-3.3-70b": {
        "active_parameters": 70.55e9,
        "total_parameters": 70.55e9,
        "expert_fraction": 1.0,
        "kv_bytes_per_token": 2 * 80 * 8 * 128 * _KV_ELEMENT / 1e3,
    },
    "llama-3.1-8b": {
        "active_parameters": 8.03e9,
        "total_parameters": 8.03e9,
        "expert_fraction": 1.0,
        "kv_bytes_per_token": 2 * 32 * 8 * 128 * _KV_ELEMENT / 1e3,
    },
    "llama-3.1-405b": {
        "active_parameters": 405.9e9,
        "total_parameters": 405.9e9,
        "expert_fraction": 1.0,
        "kv_bytes_per_token": 2 * 126 * 8 * 128 * _KV_ELEMENT / 1e3,
    },
    "deepseek-v3": {
        "active_parameters": 37e9,
        "total_parameters": 671e9,
        "expert_fraction": 8 / 256,
        "kv_bytes_per_token": (512 + 64) * 61 * _KV_ELEMENT / 1e3,
    },
    "custom": {},
}
"""Model presets of the ``workload.model`` choice (values in the workload fields' units)."""

_MODEL_SOURCE = (
    "Meta Llama 3.1 / 3.3 model cards and configs (8B: 32 layers; 70B: 80 layers; 405B: "
    "126 layers; 8 KV heads of 128 each); DeepSeek-AI (2024), DeepSeek-V3 Technical Report, "
    "arXiv:2412.19437 (671 B total, 37 B active, 8 of 256 routed experts, MLA cache 512 + 64 "
    "per layer, 61 layers)"
)

SECTIONS = (
    Section(
        "compute",
        "Compute: accelerators",
        "The accelerators of one satellite: performance, price (catalog or from wafer "
        "economics), overheads, mass, serving efficiency, and how radiation, failures without "
        "repair and demand reduce the delivered capacity over the life.",
        (
            Field(
                "accelerator",
                "",
                "h100-sxm",
                "Accelerator part; fills power, bandwidth, memory, FLOP/s, price and mass ('custom' keeps "
                "your numbers). " + "; ".join(f"{k}: {v}" for k, v in DESCRIPTIONS.items()),
                source="orbitdc.physics.accelerators catalog (NVIDIA H100/B200 datasheets, Jouppi et al. "
                "2023 for TPU v4, projections for the seed documents' AI5/AI6 story)",
                kind="vendor",
                role="design",
                choices=tuple(ACCELERATORS),
                fills=_ACC_FILLS,
            ),
            Field(
                "chip_power",
                "W",
                _H100["chip_power"].value,
                "Accelerator board power at full load (TDP)",
                source=_src(_H100["chip_power"]),
                kind="vendor",
                low=1.0,
                high=5000.0,
                reason="an accelerator draws positive power; above 5 kW per package no part exists or "
                "is announced (B200 1 kW, GB200 superchip 2.7 kW); an accelerator draws at least 1 W; below that the power chain sizes to nothing",
                ui=(50.0, 2000.0),
                spread=(600.0, 800.0),
            ),
            Field(
                "memory_bandwidth",
                "TB/s",
                _H100["memory_bandwidth"].value,
                "Peak memory bandwidth per accelerator",
                source=_src(_H100["memory_bandwidth"]),
                kind="vendor",
                low=0.0,
                low_open=True,
                high=100.0,
                reason="memory must deliver data; 100 TB/s is over 10x the fastest HBM3e part (8 TB/s)",
                ui=(0.1, 20.0),
                spread=(3.0, 3.35),
            ),
            Field(
                "memory",
                "GB",
                _H100["memory"].value,
                "Memory capacity per accelerator (holds weights and KV cache)",
                source=_src(_H100["memory"]),
                kind="vendor",
                low=0.0,
                low_open=True,
                high=10000.0,
                reason="an accelerator needs memory for the weights; 10 TB per package is far beyond any "
                "HBM part (288 GB in 2025)",
                ui=(8.0, 512.0),
            ),
            Field(
                "flops_16bit",
                "1/s",
                _H100["flops_16bit"].value,
                "Dense FP16/BF16 tensor throughput, FLOP/s (no sparsity); used for weights above 8 bits",
                source=_src(_H100["flops_16bit"]),
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1e18,
                reason="an accelerator computes; 1 EFLOP/s per package is 400x a B200",
                ui=(1e13, 1e16),
            ),
            Field(
                "flops_8bit",
                "1/s",
                _H100["flops_8bit"].value,
                "Dense FP8/INT8 tensor throughput, FLOP/s (no sparsity); used for weights of 8 bits or fewer",
                source=_src(_H100["flops_8bit"]),
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1e18,
                reason="an accelerator computes; 1 EFLOP/s per package is 200x a B200",
                ui=(1e13, 2e16),
                spread=(1.5e15, 1.979e15),
            ),
            Field(
                "price_model",
                "",
                "catalog",
                "Where the accelerator price comes from: 'catalog' (chip_price) or 'wafer' (wafer cost, "
                "dies per wafer, yield, packaging, memory, test and margin)",
                source="orbitdc model choice; the hypothetical AI5/AI6 parts use 'wafer'",
                kind="assumption",
                choices=PRICE_MODELS,
            ),
            Field(
                "chip_price",
                "USD",
                _H100["chip_price"].value,
                "Price per accelerator (used when price_model = 'catalog')",
                source=_src(_H100["chip_price"]),
                kind="claim",
                low=0.0,
                high=1e6,
                reason="a price is not negative; above 1 MUSD per accelerator is outside any market",
                ui=(500.0, 60000.0),
                spread=(25000.0, 40000.0),
            ),
            Field(
                "wafer_cost",
                "USD",
                _AI6["wafer_cost"].value,
                "Price of one processed 300 mm wafer (price_model = 'wafer')",
                source=_src(_AI6["wafer_cost"]),
                kind="claim",
                low=0.0,
                high=200000.0,
                reason="a price is not negative; leading-edge wafers are quoted at 20,000-45,000 USD",
                ui=(3000.0, 60000.0),
                spread=(20000.0, 45000.0),
            ),
            Field(
                "die_area",
                "mm^2",
                _AI6["die_area"].value,
                "Logic die area (price_model = 'wafer')",
                source=_src(_AI6["die_area"]),
                kind="assumption",
                low=1.0,
                high=858.0,
                reason="the lithographic reticle limits a die to 26 mm x 33 mm = 858 mm2 (ASML "
                "scanner field); below 1 mm2 the dies-per-wafer estimate is meaningless here",
                ui=(50.0, 858.0),
                spread=(500.0, 858.0),
            ),
            Field(
                "dies_per_package",
                "",
                1,
                "Logic dies per accelerator package (2 for a B200-style dual-die part)",
                source=_src(_AI6["dies_per_package"]),
                kind="assumption",
                low=1.0,
                high=16.0,
                integer=True,
                reason="a package holds at least one die; beyond 16 reticle dies per package nothing is built",
            ),
            Field(
                "yield_model",
                "",
                "fraction",
                "Die yield: 'fraction' (yield_fraction as given) or from defect_density with the 'poisson' "
                "or 'murphy' model",
                source="Murphy (1964); Cunningham (1990); the seed documents quote yields directly",
                kind="assumption",
                choices=YIELD_MODELS,
            ),
            Field(
                "yield_fraction",
                "",
                _AI6["yield_fraction"].value,
                "Die yield when yield_model = 'fraction' (seed documents: Samsung SF2 40-45 %, TSMC N2 > 70 %)",
                source=_src(_AI6["yield_fraction"]),
                kind="claim",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a yield is a fraction of the dies, above zero (no good die, no price)",
                spread=(0.40, 0.75),
            ),
            Field(
                "defect_density",
                "1/cm^2",
                0.1,
                "Killer-defect density D0 when yield_model is 'poisson' or 'murphy'",
                source="assumption: about 0.1 per cm2 for a maturing leading-edge node (foundry talks "
                "report 0.05-0.1 /cm2 at volume; H&P 5th ed. uses 0.031 /cm2 for a mature node)",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a defect density is not negative; above 10 per cm2 no large die yields",
                spread=(0.05, 0.3),
            ),
            Field(
                "packaging_cost",
                "USD",
                _AI6["packaging_cost"].value,
                "Package, interposer and assembly per accelerator (price_model = 'wafer')",
                source=_src(_AI6["packaging_cost"]),
                kind="assumption",
                low=0.0,
                high=1e5,
                reason="a cost is not negative; 100 kUSD per package is beyond any 2.5D/3D package",
                spread=(150.0, 1000.0),
            ),
            Field(
                "memory_cost",
                "USD",
                _AI6["memory_cost"].value,
                "Memory stacks per accelerator (price_model = 'wafer')",
                source=_src(_AI6["memory_cost"]),
                kind="assumption",
                low=0.0,
                high=1e5,
                reason="a cost is not negative; 100 kUSD of DRAM per package is beyond any part",
                spread=(700.0, 3000.0),
            ),
            Field(
                "test_cost",
                "USD",
                _AI6["test_cost"].value,
                "Test and burn-in per accelerator (price_model = 'wafer')",
                source=_src(_AI6["test_cost"]),
                kind="assumption",
                low=0.0,
                high=1e5,
                reason="a cost is not negative",
            ),
            Field(
                "gross_margin",
                "",
                _AI6["gross_margin"].value,
                "Seller's gross margin on the wafer-priced part: price = cost / (1 - margin)",
                source=_src(_AI6["gross_margin"]) + "; NVIDIA's data-center gross margin is about 0.75 "
                "(FY2025 reports)",
                kind="assumption",
                low=0.0,
                high=1.0,
                high_open=True,
                reason="a margin of 100 % or more has no finite price",
                spread=(0.0, 0.75),
            ),
            Field(
                "overhead_fraction",
                "",
                0.4,
                "Host CPUs, memory, network and power-conversion losses, as a fraction of accelerator power",
                source="assumption; DGX H100 draws 10.2 kW max for 8 x 700 W GPUs (overhead 0.82) and "
                "DGX B200 about 14.3 kW for 8 x 1 kW (0.79), both including fans that a "
                "conduction-cooled satellite does not carry",
                kind="assumption",
                low=0.0,
                high=5.0,
                reason="overhead power is not negative; above 5x the chips' own power the payload is not "
                "an accelerator payload",
                spread=(0.2, 0.8),
            ),
            Field(
                "mass_per_chip",
                "kg",
                _H100["mass_per_chip"].value,
                "Hardware mass per accelerator: board, memory, cold plate, power stages and a share of host "
                "and network (not the radiator)",
                source=_src(_H100["mass_per_chip"]),
                kind="assumption",
                low=0.0,
                low_open=True,
                high=200.0,
                reason="hardware has mass; 200 kg per accelerator exceeds a whole 8-GPU server's share",
                ui=(0.5, 30.0),
                spread=(4.0, 17.8),
            ),
            Field(
                "host_cost_fraction",
                "",
                0.3,
                "Host CPUs, boards, network and integration cost per accelerator, as a fraction of its price",
                source="assumption: 8-GPU servers (CPUs, 2 TB DRAM, NICs, NVSwitch, chassis) add about 25-50 % "
                "to the GPUs' price; for very cheap chips this fraction understates the host",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a cost is not negative; ten times the chip price is no longer a host share",
                spread=(0.15, 0.6),
            ),
            Field(
                "bandwidth_efficiency",
                "",
                0.6,
                "Achieved over peak memory bandwidth in decode (model-bandwidth utilisation)",
                source="NVIDIA NIM 1.8 benchmarks (Llama-3.3-70B FP8, 2 x H100): measured rates are 56-67 % of "
                "the roofline (tests/physics/test_compute.py); older stacks 21-35 % (TensorRT-LLM 0.5)",
                kind="measurement",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="achieved bandwidth is positive and cannot exceed the peak",
                spread=(0.35, 0.85),
            ),
            Field(
                "compute_efficiency",
                "",
                0.6,
                "Achieved over peak arithmetic throughput (model-FLOP utilisation) in prefill and compute-bound decode",
                source="same NIM measurements as bandwidth_efficiency (prefill reaches 44 % at concurrency 1); "
                "large-batch prefill reaches 50-70 % MFU",
                kind="measurement",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="achieved throughput is positive and cannot exceed the peak",
                spread=(0.35, 0.8),
            ),
            Field(
                "memory_compute_overlap",
                "",
                0.0,
                "Share of the shorter of a decode step's memory and compute phases hidden behind the longer",
                source="calibrated: NVIDIA TensorRT-LLM performance overview (2025), Llama-3.3-70B FP8 on "
                "2 x H100 SXM, ten input/output shapes from 128/128 to 20000/2000: with 0 (phases in "
                "series) the model is within 0.89-1.17x of every measured throughput, with 1 (the ideal "
                "roofline) 1.00-1.57x (tests/test_serving_point.py)",
                kind="measurement",
                low=0.0,
                high=1.0,
                reason="a share of the shorter phase, from none (0) to all of it (1)",
                spread=(0.0, 0.5),
            ),
            Field(
                "memory_usable_fraction",
                "",
                0.9,
                "Share of accelerator memory available to weights and KV cache",
                source="vLLM default gpu_memory_utilization = 0.9; Dell design guide (2023): Llama-2-70B FP16 "
                "occupies 154.7 GB against 138 GB of weights (tested)",
                kind="measurement",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a share of memory, above 0 and at most all of it",
            ),
            Field(
                "junction_temperature_max",
                "degC",
                85.0,
                "Highest allowed accelerator junction temperature (sets the thermal stack and radiator)",
                source="assumption: design limit with margin; data-centre GPUs throttle at about 85-95 C "
                "(e.g. AMD MI100 junction critical 100 C, HBM 94 C, as reported by its driver)",
                kind="assumption",
                low=30.0,
                high=150.0,
                reason="silicon must run above typical radiator temperatures and below 150 C, the upper "
                "limit of commercial and automotive silicon qualification (AEC-Q100 grade 0)",
                spread=(75.0, 95.0),
            ),
            Field(
                "recovery_time",
                "s",
                60.0,
                "Time to recover a replica after an upset (reset, reload, re-queue)",
                source="assumption: a GPU reset and state reload take tens of seconds",
                kind="assumption",
                low=0.0,
                high=DAY,
                reason="a recovery takes non-negative time; beyond a day it is a failure, not an upset",
                spread=(10.0, 600.0),
            ),
            Field(
                "interruption_rate",
                "1/yr",
                0.173,
                "Unexpected interruptions per accelerator per year that restart the running work "
                "(hardware faults, software bugs, network, host), on every architecture",
                source="Llama 3 paper (Grattafiori et al. 2024, arXiv:2407.21783, section 3.3.4 and Table 5): "
                "419 unexpected interruptions in 54 days on 16,384 H100 = 0.173 per GPU-year on the "
                "ground; each costs one recovery_time of the replica's work",
                kind="measurement",
                low=0.0,
                high=1000.0,
                reason="a rate is not negative; above 1000 per year a chip restarts several times a day",
                spread=(0.05, 0.5),
            ),
            Field(
                "failure_rate",
                "1/yr",
                0.04,
                "Permanent hardware failures per accelerator per year (every architecture): repaired "
                "from spares on the ground and in cars, unrepaired in orbit (spares switched in); the "
                "radiation stage adds the orbit's own term",
                source="Llama 3 paper (arXiv:2407.21783, Table 5): 148 'faulty GPU' interruptions in 54 days "
                "on 16,384 H100 = 6.1 %/yr, an upper bound since many were cleared without a swap; "
                "Cui et al. 2025 (arXiv:2503.11901, NCSA Delta, 11.7 M GPU-hours): H100 critical "
                "hardware far more robust than A100, about 5 % overprovisioning advised; central "
                "estimate 4 %/yr, range 2.5-6 %/yr",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a failure rate is not negative; above 10 per year a chip lasts weeks",
                spread=(0.025, 0.06),
            ),
            Field(
                "repair_time",
                "day",
                3.0,
                "Time a replica stays down while a failed accelerator is swapped from spares on the ground or in a car",
                source="assumption: drain, swap and burn-in from on-site spares within days (Cui et al. 2025, "
                "arXiv:2503.11901, report node recovery of hours to days on NCSA Delta)",
                kind="assumption",
                low=0.0,
                high=365.0,
                reason="a repair takes non-negative time; beyond a year the part is not repaired",
                spread=(0.5, 10.0),
            ),
            Field(
                "spares_fraction",
                "",
                0.1,
                "Spare accelerators carried per powered one, switched in as chips fail",
                source="assumption: cold-spare redundancy of a few to tens of percent is usual for "
                "unrepairable spacecraft electronics",
                kind="assumption",
                role="design",
                low=0.0,
                high=3.0,
                reason="spares are not negative; more than 3 per working chip is no longer a spare pool",
                spread=(0.0, 0.3),
            ),
            Field(
                "spare_failure_ratio",
                "",
                1.0,
                "Failure rate of a stored spare relative to a working chip (0: dormant spares never fail)",
                source="assumption (conservative): radiation dose accrues whether a chip is powered or not",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a stored spare fails no faster than a working chip and not at a negative rate",
            ),
            Field(
                "orbital_servicing",
                "",
                "none",
                "Repair in orbit: 'none' (failed chips stay failed; spares are switched in) or "
                "'serviced' (a servicer replaces failed chips at every visit, like a ground repair "
                "from spares: the replicas wait half a servicing interval, the chips and their "
                "delivery are paid as they fail)",
                source="design choice; robotic servicing flown for GEO satellites (Northrop Grumman "
                "MEV-1 2020, MRV planned), not yet for LEO compute payloads",
                kind="assumption",
                role="design",
                choices=("none", "serviced"),
            ),
            Field(
                "servicing_interval",
                "yr",
                1.0,
                "Time between servicing visits (orbital_servicing = 'serviced')",
                source="assumption: a yearly visit per satellite of a large constellation",
                kind="assumption",
                role="design",
                low=0.0,
                low_open=True,
                high=30.0,
                reason="visits are some positive time apart; beyond 30 years nothing is serviced",
                spread=(0.25, 3.0),
            ),
            Field(
                "servicing_cost_per_kg",
                "USD/kg",
                20000.0,
                "Cost of delivering and installing replacement hardware in orbit, per kg "
                "(orbital_servicing = 'serviced'): launch, servicer share, robotic swap",
                source="assumption: several times today's launch price per kg for the servicer's "
                "own mass, propellant and operations (no commercial LEO price list exists)",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a cost is not negative; above 1 MUSD/kg nothing is serviced",
                spread=(5000.0, 100000.0),
            ),
            Field(
                "utilisation",
                "",
                0.8,
                "Fraction of time with demand to serve (load factor)",
                source="assumption: inference demand follows the day; an orbital fleet serving the whole "
                "globe sees a flatter load than one region",
                kind="assumption",
                low=0.01,
                high=1.0,
                reason="utilisation is a fraction of the time, above 0 (no demand, no tokens) and at most 1; below 1 % the hardware serves almost nothing: the cost per token diverges",
                spread=(0.5, 0.95),
            ),
        ),
    ),
    Section(
        "workload",
        "Workload: model and requests",
        "The model served (dense or mixture-of-experts), its weight precision and KV cache, the "
        "batch, the request shape and the bytes per token carried by the links.",
        (
            Field(
                "model",
                "",
                "llama-3.3-70b",
                "Model preset; fills parameters, expert share and KV cache ('custom' keeps your numbers)",
                source=_MODEL_SOURCE,
                kind="vendor",
                choices=tuple(MODELS),
                fills=MODELS,
            ),
            Field(
                "active_parameters",
                "",
                MODELS["llama-3.3-70b"]["active_parameters"],
                "Parameters used per token (all of them for a dense model)",
                source=_MODEL_SOURCE,
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1e14,
                reason="a model has parameters; 100 trillion is far above any model (Grok 5 is claimed at 6e12)",
                ui=(1e9, 1e12),
            ),
            Field(
                "total_parameters",
                "",
                MODELS["llama-3.3-70b"]["total_parameters"],
                "All parameters held in memory (= active for a dense model; every expert of a MoE model)",
                source=_MODEL_SOURCE,
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1e14,
                reason="a model has parameters; 100 trillion is far above any model",
                ui=(1e9, 1e13),
            ),
            Field(
                "expert_fraction",
                "",
                1.0,
                "Share of the routed experts each token uses (top-k / experts; 1 for a dense model)",
                source=_MODEL_SOURCE,
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="a token uses a positive share of the experts, at most all of them",
            ),
            Field(
                "bytes_per_parameter",
                "B",
                1.0,
                "Storage per weight (2 BF16, 1 FP8/INT8, 0.5 FP4)",
                source="assumption: FP8 weights, the usual precision of production 70B-class serving on "
                "H100/B200 (e.g. the NVIDIA NIM profiles used for validation)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=4.0,
                reason="a weight takes storage; 4 bytes (FP32) is the widest format used",
            ),
            Field(
                "kv_bytes_per_token",
                "kB",
                MODELS["llama-3.3-70b"]["kv_bytes_per_token"],
                "KV cache per token of context (2 x layers x KV heads x head dim x bytes per element)",
                source=_MODEL_SOURCE + "; FP8 cache (1 byte per element, as NVIDIA's FP8 checkpoints ship it)",
                kind="vendor",
                low=0.0,
                high=1e5,
                reason="a cache size is not negative; 100 MB per token is beyond any model",
            ),
            Field(
                "batch_rule",
                "",
                "memory_and_latency",
                "How the serving point is set: 'memory_and_latency' (the way serving engines are run: "
                "the replica is the smallest power-of-two group of chips that holds the weights with "
                "kv_memory_share_min of its memory left for the KV cache, and the batch is the "
                "largest whose KV cache fits that memory and whose time per output token meets "
                "max_time_per_output_token) or 'fixed' (batch as given, the fewest chips that hold it)",
                source="vLLM / TensorRT-LLM practice: maximum concurrency limited by KV-cache memory "
                "(gpu_memory_utilization, kv_cache_free_gpu_mem_fraction) under a latency "
                "target (MLPerf Inference server and interactive scenarios)",
                kind="assumption",
                role="design",
                choices=("memory_and_latency", "fixed"),
            ),
            Field(
                "max_time_per_output_token",
                "ms",
                40.0,
                "Interactivity target: the longest mean time per output token a user sees, prefill "
                "stalls of the other requests included (1 / tokens per second per user)",
                source="MLPerf Inference v5.0 'Llama 2 70B Interactive' scenario: TPOT <= 40 ms "
                "(25 tokens/s per user; the older server scenario allows 200 ms), MLCommons 2025",
                kind="standard",
                low=1.0,
                high=1e6,
                reason="a token takes at least a millisecond to reach a user in any serving stack; "
                "beyond 1000 s per token nothing is interactive",
                ui=(5.0, 500.0),
                spread=(25.0, 100.0),
            ),
            Field(
                "kv_memory_share_min",
                "",
                0.25,
                "Smallest share of a replica's usable memory left for the KV cache when its "
                "tensor-parallel size is chosen (batch_rule = 'memory_and_latency')",
                source="TensorRT-LLM performance overview (NVIDIA, 2025): Llama-3.3-70B FP8 runs TP2 on "
                "H100 80 GB (51 % of memory left for the cache), Llama-3.1-405B FP8 TP8 (30 %), "
                "Llama-3.1-8B TP1 (89 %)",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1.0,
                high_open=True,
                reason="a replica needs some memory for the cache and some for the weights",
                spread=(0.15, 0.5),
            ),
            Field(
                "batch",
                "",
                32,
                "Concurrent requests per model replica when batch_rule = 'fixed'",
                source="assumption: a latency-throughput compromise; the NIM measurements used for validation "
                "run 25-50 concurrent requests on 2 H100",
                kind="assumption",
                low=1.0,
                high=4096.0,
                integer=True,
                reason="at least one request is served; beyond 4096 no serving stack batches",
                ui=(1.0, 512.0),
                spread=(8.0, 128.0),
            ),
            Field(
                "prompt_tokens",
                "",
                1000.0,
                "Prompt (input) tokens per request",
                source="assumption: a chat request with some context (benchmarks use 128-20,000)",
                kind="assumption",
                low=0.0,
                high=1e7,
                reason="a prompt length is not negative; 10 million tokens exceeds any context window",
                ui=(0.0, 32000.0),
            ),
            Field(
                "output_tokens",
                "",
                250.0,
                "Generated (output) tokens per request",
                source="assumption: a chat answer of a few hundred tokens (benchmarks use 20-4,000)",
                kind="assumption",
                low=1.0,
                high=1e6,
                reason="a request generates at least one token; a million is beyond any output limit",
                ui=(1.0, 8000.0),
            ),
            Field(
                "bytes_per_token_in",
                "B",
                4.0,
                "User data per prompt token carried up the link (UTF-8 text)",
                source="OpenAI tokenizer guidance: one token is about 4 characters of English text; "
                "1 byte per ASCII character in UTF-8",
                kind="vendor",
                low=0.0,
                high=1e6,
                reason="a data size is not negative; 1 MB per token would be raw images, not text",
                spread=(2.0, 16.0),
            ),
            Field(
                "bytes_per_token_out",
                "B",
                4.0,
                "User data per output token carried down the link (UTF-8 text)",
                source="OpenAI tokenizer guidance: one token is about 4 characters of English text",
                kind="vendor",
                low=0.0,
                low_open=True,
                high=1e6,
                reason="an answer reaches its user only as data, so each output token carries some; "
                "1 MB per token would be raw images, not text",
                spread=(2.0, 16.0),
            ),
        ),
    ),
)

OUTPUTS = (
    Output("compute.chips", "", "Powered accelerators per satellite", fmt=".0f"),
    Output("compute.spare_chips", "", "Spare accelerators per satellite", fmt=".0f"),
    Output(
        "compute.chips_per_replica", "", "Accelerators whose memory holds one model replica and its KV cache", fmt=".0f"
    ),
    Output("compute.batch", "", "Concurrent requests per replica (the serving point, workload.batch_rule)", fmt=".0f"),
    Output(
        "compute.prefill_time_share",
        "",
        "Share of the chips' time spent on prefill (prompt tokens); the rest decodes output tokens",
    ),
    Output(
        "compute.tokens_per_second_per_user",
        "token/s",
        "Output tokens per second one user sees (1 / mean time per output token, prefill stalls included)",
    ),
    Output("compute.it_power", "kW", "IT (payload) power per satellite"),
    Output("compute.heat", "kW", "Waste heat of the payload per satellite (all IT power ends as heat)"),
    Output("compute.chip_price", "USD", "Price per accelerator (catalog or from wafer economics)"),
    Output("compute.good_dies_per_wafer", "", "Good dies per wafer of the wafer-priced part (dies per wafer x yield)"),
    Output("compute.die_yield", "", "Die yield of the wafer-priced part"),
    Output(
        "compute.tokens_per_second_per_chip",
        "token/s",
        "Output tokens per second per accelerator at full load (roofline x efficiencies), before derating",
    ),
    Output(
        "compute.tokens_per_second_peak",
        "token/s",
        "Output tokens per second per satellite at full load with every chip working",
    ),
    Output(
        "compute.tokens_per_second",
        "token/s",
        "Output tokens per second per satellite, life-average delivered (failures, soft errors, utilisation)",
    ),
    Output(
        "compute.prompt_tokens_per_second", "token/s", "Prompt tokens per second per satellite, life-average delivered"
    ),
    Output("compute.requests_per_second", "1/s", "Requests per second per satellite, life-average delivered"),
    Output("compute.tokens_delivered", "token", "Output tokens delivered per satellite over the mission life"),
    Output("compute.energy_per_token", "J/token", "Electrical energy per output token at full load, with overheads"),
    Output("compute.time_per_output_token", "ms", "Decode time per output token of one request (inter-token latency)"),
    Output("compute.time_to_first_token", "s", "Prefill time of a batch of prompts (time to first token)"),
    Output(
        "compute.compute_bound",
        "",
        "Decode limited by arithmetic (1) or by memory bandwidth (0)",
        fmt=".0f",
        labels={0: "memory-bandwidth bound", 1: "compute bound"},
    ),
    Output("compute.mean_active_fraction", "", "Life-average fraction of the powered chips working (failures, spares)"),
    Output("compute.retry_efficiency", "", "Fraction of work not lost to soft-error restarts"),
    Output("compute.hardware_mass", "kg", "Accelerator hardware mass per satellite, spares included"),
    Output("compute.mass_per_kw", "kg/kW", "Accelerator hardware mass per kW of IT power"),
    Output(
        "compute.hardware_cost", "USD", "Accelerator, host and network hardware cost per satellite, spares included"
    ),
    Output("compute.junction_temperature_max", "degC", "Accelerator junction temperature limit"),
    Output(
        "compute.replacement_chips_orbital",
        "",
        "Accelerators replaced in orbit over the life by a servicer (0 without orbital_servicing)",
    ),
    Output(
        "compute.eclipse_availability",
        "",
        "Share of the serving rate kept through eclipses (1 at full load; power.eclipse_mode)",
    ),
    Output(
        "compute.failure_rate_orbital",
        "1/yr",
        "Permanent failures per accelerator per year in orbit (base rate + radiation), not repaired",
    ),
    Output(
        "compute.restart_rate_orbital",
        "1/day",
        "Restarts per accelerator per day in orbit (base interruptions + radiation upsets)",
    ),
    Output("compute.service_life_orbital", "yr", "Orbital service life of the chips: min(mission life, dose life)"),
    Output("compute.retry_efficiency_ground", "", "Fraction of ground work not lost to interruptions"),
    Output(
        "compute.repair_availability_ground",
        "",
        "Fraction of time a ground replica is up (failed chips swapped from spares in repair_time)",
    ),
    Output(
        "compute.replacement_chips_ground",
        "",
        "Accelerators bought as spares over the life by the same IT power on the ground (failure rate x life x chips)",
    ),
    Output(
        "compute.tokens_per_second_ground",
        "token/s",
        "Output tokens per second of the same chips on the ground: peak x utilisation x interruptions x repair",
    ),
    Output(
        "compute.hardware_cost_ground",
        "USD",
        "Ground hardware for the same IT power: chips with host, no spares (economics prices the "
        "replacements as they fail)",
    ),
)

READS: tuple[str, ...] = (
    "compute.bandwidth_efficiency",
    "compute.chip_power",
    "compute.chip_price",
    "compute.compute_efficiency",
    "compute.defect_density",
    "compute.die_area",
    "compute.dies_per_package",
    "compute.failure_rate",
    "compute.flops_16bit",
    "compute.flops_8bit",
    "compute.gross_margin",
    "compute.host_cost_fraction",
    "compute.interruption_rate",
    "compute.junction_temperature_max",
    "compute.mass_per_chip",
    "compute.memory",
    "compute.memory_bandwidth",
    "compute.memory_compute_overlap",
    "compute.memory_cost",
    "compute.memory_usable_fraction",
    "compute.orbital_servicing",
    "compute.overhead_fraction",
    "compute.packaging_cost",
    "compute.price_model",
    "compute.recovery_time",
    "compute.repair_time",
    "compute.servicing_interval",
    "compute.spare_failure_ratio",
    "compute.spares_fraction",
    "compute.test_cost",
    "compute.utilisation",
    "compute.wafer_cost",
    "compute.yield_fraction",
    "compute.yield_model",
    "orbit.eclipse_fraction_mean",
    "power.eclipse_load_fraction",
    "power.eclipse_mode",
    "power.mission_life",
    "power.payload_power",
    "radiation.dose_life",
    "radiation.failure_rate",
    "radiation.restart_rate",
    "radiation.upsets_per_gray",
    "workload.active_parameters",
    "workload.batch",
    "workload.batch_rule",
    "workload.bytes_per_parameter",
    "workload.expert_fraction",
    "workload.kv_bytes_per_token",
    "workload.kv_memory_share_min",
    "workload.max_time_per_output_token",
    "workload.output_tokens",
    "workload.prompt_tokens",
    "workload.total_parameters",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


def _a(p: Mapping[str, Any], key: str) -> Any:
    """``p[key]`` as a float or float array: a Python float passes through (the scalar path's
    arithmetic on Python floats is exact IEEE double, as numpy's, and 10-20x cheaper)."""
    v = p[key]
    return v if v.__class__ is float else np.asarray(v, dtype=float)


def _as_float(v: Any) -> Any:
    """A value as :func:`_a` gives it: a Python float passes through, anything else becomes a float array."""
    return v if v.__class__ is float else np.asarray(v, dtype=float)


def _choice(p: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> np.ndarray:
    v = p[key]
    if v.__class__ is str and v in allowed:
        return v
    v = np.asarray(v)
    require(np.isin(v, allowed), key, p[key], "one of " + ", ".join(repr(m) for m in allowed), "unknown choice")
    return v


_read_price = input_reader(
    "compute.die_area",
    "compute.yield_fraction",
    "compute.defect_density",
    "compute.wafer_cost",
    "compute.dies_per_package",
    "compute.packaging_cost",
    "compute.memory_cost",
    "compute.test_cost",
    "compute.gross_margin",
    "compute.chip_price",
    convert=_as_float,
)


def _chip_price(p: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """(price, good dies per wafer, die yield) of the accelerator, SI; choice fields may be arrays."""
    # the numeric fields read here, in one pass
    (
        area,
        yf,
        cp_compute_defect_density,
        cp_compute_wafer_cost,
        cp_compute_dies_per_package,
        cp_compute_packaging_cost,
        cp_compute_memory_cost,
        cp_compute_test_cost,
        cp_compute_gross_margin,
        cp_compute_chip_price,
    ) = _read_price(p)
    ym = _choice(p, "compute.yield_model", YIELD_MODELS)
    pm = _choice(p, "compute.price_model", PRICE_MODELS)
    x = area * cp_compute_defect_density
    if ym.__class__ is str:  # one yield model for every row: only its yield is computed
        if ym == "fraction":  # the given yield, in the shape the rows' die yields would have
            y = _shaped(yf, x)
        else:
            y = kcc.die_yield(x, ym)
    else:
        y = np.where(
            ym == "fraction",
            yf,
            np.where(ym == "poisson", kcc.die_yield(x, "poisson"), kcc.die_yield(x, "murphy")),
        )
    dpw = kcc.dies_per_wafer(area, _WAFER_DIAMETER)
    wafer_args = (
        cp_compute_wafer_cost,
        dpw,
        y,
        cp_compute_dies_per_package,
        cp_compute_packaging_cost,
        cp_compute_memory_cost,
        cp_compute_test_cost,
        cp_compute_gross_margin,
    )
    if pm.__class__ is str and pm == "catalog":  # the catalog price, in the shape a wafer price would have
        price = _shaped(cp_compute_chip_price, *wafer_args)
    else:
        price = kc.where(pm == "wafer", kcc.chip_price(*wafer_args), cp_compute_chip_price)
    return price, dpw * y, y


def _shaped(v: Any, *like: Any) -> Any:
    """``v`` as ``numpy.where(True, v, f(*like))`` would give it, without computing ``f``: ``v``
    itself when it is a float and every ``like`` a float, else ``v`` broadcast (read-only) to
    the shape of them all."""
    if v.__class__ is float and _FLOAT_ONLY.issuperset(map(type, like)):
        return v
    shape = np.broadcast_shapes(np.shape(v), *map(np.shape, like))
    if shape == () or (v.__class__ is np.ndarray and v.shape == shape):
        return v
    return np.broadcast_to(np.asarray(v, dtype=float), shape)


def _eclipse_kept(p: Mapping[str, Any], out: Mapping[str, Any]) -> Any:
    """Share of the orbit-average serving rate kept through eclipses: 1 at full load, else
    1 - f_mean (1 - k) with f_mean the mean eclipse fraction and k power.eclipse_load_fraction."""
    mode = p["power.eclipse_mode"]
    if mode.__class__ is str and mode == "full_load":
        return 1.0
    f = _a(out, "orbit.eclipse_fraction_mean")
    kept = 1.0 - f * (1.0 - _a(p, "power.eclipse_load_fraction"))
    if mode.__class__ is not str:
        kept = np.where(np.asarray(mode) == "full_load", 1.0, kept)
    return kept


def orbital_rates(p: Mapping[str, Any], out: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """The orbit's failure terms: (permanent rate [1/s], radiation upset rate [1/s], service life [s]).

    THE ONE PLACE where the orbital environment enters the compute and economics formulas:

    * permanent failures per accelerator = ``compute.failure_rate`` (the ground's base rate,
      every architecture) + ``radiation.failure_rate`` (the orbit's environment);
    * radiation upsets per accelerator = ``radiation.restart_rate`` (the base
      ``compute.interruption_rate`` of every architecture is added by the caller);
    * service life = min(``power.mission_life``, ``radiation.dose_life``).

    The ``radiation.*`` keys are written by the radiation stage (after ``orbit``).
    """
    lam = _a(p, "compute.failure_rate") + _a(out, "radiation.failure_rate")
    upset = _a(out, "radiation.restart_rate")
    life = kc.minimum(_a(p, "power.mission_life"), _a(out, "radiation.dose_life"))
    return lam, upset, life


_BISECT_STEPS = 13  # 2^13 = 8192 > the 4096 batch bound: integer bisection is exact


_read_serving = input_reader(
    "workload.total_parameters",
    "compute.memory",
    "compute.memory_usable_fraction",
    "workload.prompt_tokens",
    "workload.output_tokens",
    "workload.kv_bytes_per_token",
    "workload.batch",
    "workload.kv_memory_share_min",
    "workload.max_time_per_output_token",
    "compute.memory_compute_overlap",
    "workload.active_parameters",
    "compute.memory_bandwidth",
    "workload.expert_fraction",
    "compute.bandwidth_efficiency",
    "compute.compute_efficiency",
    convert=_as_float,
)


def _dense_lines(n, args, rest, prompt, output, ctx, kv, target, ovl):
    """The four lines in the batch ``b`` whose largest is a dense model's request time [s].

    Every weight is read at every step, so ``t_req(b) = max(A_p, b B_p) + O max(m + s c,
    c + s m)`` with ``m = A_d + b K_d``, ``c = b C_d`` and ``s = 1 - overlap``
    (``max(m, c) + s min(m, c)`` written as the larger of two lines).

    Parameters
    ----------
    n : float or array
        Chips of the replica [-].
    args, rest : tuple
        ``(active parameters, bytes per weight, memory bandwidth [bit/s], flops [1/s])`` and
        ``(total parameters, expert fraction, bandwidth efficiency, compute efficiency, n)``,
        as :func:`serving_point` passes them to the kernels.
    prompt, output, ctx : float or array
        Prompt, output and mean context tokens of a request [-].
    kv : float or array
        Cache per token [bit].
    target : float or array
        Time per output token allowed [s].
    ovl : float or array
        Overlap of memory and compute phases [-].

    Returns
    -------
    budget : float or array
        ``target x O`` [s].
    lines : tuple
        Four ``(intercept [s], slope [s])`` pairs.
    """
    eb, ec_ = rest[2], rest[3]
    active, total, s_w = args[0], rest[0], args[1]
    read = n * args[2] * eb  # bits/s the replica reads
    work = n * args[3] * ec_  # operations/s it computes
    a_d = total * s_w / read
    a_p = kc.where(prompt > 0, a_d, 0.0)
    b_p = 2.0 * prompt * active / work
    k_d = ctx * kv / read
    c_d = 2.0 * active / work
    budget = target * output
    with kc.errstate(budget, a_p, a_d, b_p, k_d, c_d, ovl, divide="ignore", invalid="ignore"):
        s_ = 1.0 - ovl
        lines = (
            (a_p + output * a_d, output * (k_d + s_ * c_d)),
            (a_p + output * s_ * a_d, output * (c_d + s_ * k_d)),
            (output * a_d, b_p + output * (k_d + s_ * c_d)),
            (output * s_ * a_d, b_p + output * (c_d + s_ * k_d)),
        )
    return budget, lines


def serving_point(p: Mapping[str, Any], s_w: Any, flops: Any) -> tuple[Any, Any]:
    r"""The serving point (batch per replica, chips per replica), SI scenario values.

    ``workload.batch_rule = 'fixed'``: the batch field, and the fewest chips whose usable
    memory holds the weights plus the batch's full-context KV cache.

    ``'memory_and_latency'`` (how serving engines are run):

    * the replica is the smallest power-of-two number of chips ``n`` whose usable memory
      leaves at least ``compute.kv_memory_share_min`` of it after the weights,
      :math:`n = 2^{\lceil \log_2 (N s_w / (u M (1 - k))) \rceil}` (at least one chip,
      and at least the chips that hold one request's cache);
    * the memory bound on the batch is the paged KV cache at the mean context
      :math:`c = P + (O - 1)/2`: :math:`b_{mem} = \lfloor (u n M - N s_w) / (c\,kv) \rfloor`;
    * the batch is the largest :math:`b \le b_{mem}` (and at most 4096) whose mean time per
      output token :math:`t_{req}(b) / O` (prefill of the batch plus its decode steps,
      :func:`orbitdc.physics.compute.serving_throughput`) meets
      ``workload.max_time_per_output_token``; at least 1.  :math:`t_{req}` grows with
      :math:`b`, so an integer bisection finds it exactly.

    References
    ----------
    .. [1] Kwon, W. et al. (2023). Efficient Memory Management for Large Language Model
       Serving with PagedAttention. SOSP '23 (KV-cache memory bounds the batch).
    .. [2] MLCommons (2025). MLPerf Inference v5.0 rules: Llama 2 70B server and interactive
       latency constraints (TTFT, TPOT).
    """
    # the numeric fields read here, in one pass
    vals = _read_serving(p)
    (
        total,
        mem,
        usable,
        prompt,
        output,
        kv,
        fixed_b,
        share,
        target,
        ovl,
        sp_workload_active_parameters,
        sp_compute_memory_bandwidth,
        sp_workload_expert_fraction,
        sp_compute_bandwidth_efficiency,
        sp_compute_compute_efficiency,
    ) = vals
    rule = p["workload.batch_rule"]
    if rule.__class__ is str:
        if rule == "fixed":
            return fixed_b, kc.replica_chips(total, s_w, mem, fixed_b, prompt + output, kv, usable)
        n_fixed = None  # one rule for every row: the fixed rule's replica is not needed
    else:
        n_fixed = kc.replica_chips(total, s_w, mem, fixed_b, prompt + output, kv, usable)
    # one scenario: Python floats, on which the wheres, maxima and minima below are written as
    # conditionals (max(x, c) and min(x, c) with a constant c propagate a NaN x as numpy does)
    floats = s_w.__class__ is float and flops.__class__ is float and _FLOAT_ONLY.issuperset(map(type, vals))
    ctx = prompt + (output - 1.0) / 2.0
    weights = total * s_w
    n_min = weights / (usable * mem * (1.0 - share))
    kv_req = ctx * kv
    if floats:
        n = kc.exp2(kc.ceil(kc.log2(max(n_min, 1.0)) - 1e-9))
        n_kv = kc.replica_chips(total, s_w, mem, 1.0, ctx, kv, usable)
        n = n if (n >= n_kv or n != n) else n_kv  # np.maximum(n, n_kv)
        free = usable * n * mem - weights
        b_mem = min(max(kc.floor(free / kv_req), 1.0), 4096.0) if kv_req > 0 else 4096.0
        # a float (finite) batch bound and replica: the dense branch's arithmetic stays on floats
        floats = n.__class__ is float and b_mem.__class__ is float
    else:
        n = kc.exp2(kc.ceil(kc.log2(kc.maximum(n_min, 1.0)) - 1e-9))
        n = kc.maximum(n, kc.replica_chips(total, s_w, mem, 1.0, ctx, kv, usable))
        free = usable * n * mem - weights
        b_mem = kc.minimum(kc.maximum(kc.floor(free / kc.where(kv_req > 0, kv_req, 1.0)), 1.0), 4096.0)
        b_mem = kc.where(kv_req > 0, b_mem, 4096.0)
    args = (sp_workload_active_parameters, s_w, sp_compute_memory_bandwidth, flops)
    rest = (
        total,
        sp_workload_expert_fraction,
        sp_compute_bandwidth_efficiency,
        sp_compute_compute_efficiency,
        n,
    )

    def ok(b):
        t_dm, t_dc = kc.decode_times(*args, b, ctx, kv, *rest)
        t_pre = kc.prefill_time(*args, b, prompt, *rest)
        return t_pre + output * kc.decode_step(t_dm, t_dc, ovl) <= target * output * (1.0 + 1e-12)

    active, r = args[0], rest[1]
    if floats:
        dense = active >= total or r >= 1.0
    else:
        dense = kc.every(active >= total) or kc.every(r >= 1.0)
    if dense:
        # every weight is read at every step, so t_req(b) is the largest of four lines in b
        # (_dense_lines); the batch is the floor of the smallest crossing of t_req(b) =
        # target x O, checked once against the exact kernel
        budget, lines = _dense_lines(n, args, rest, prompt, output, ctx, kv, target, ovl)
        if floats:  # Python floats: the selections below as conditionals
            b = b_mem
            for icpt, slope in lines:
                lim = (budget - icpt) / slope if slope > 0 else (np.inf if budget >= icpt else -np.inf)
                lim = kc.floor(lim + 1e-9)
                b = b if (b <= lim or b != b) else lim  # np.minimum(b, lim)
            b = min(max(b, 1.0), b_mem)  # np.clip(b, 1, b_mem); b_mem is finite here
            lo = b if (ok(b) or b <= 1.0) else max(b - 1.0, 1.0)  # rounding at the boundary
        else:
            with np.errstate(divide="ignore", invalid="ignore"):  # rows off the lines' domain
                b = b_mem
                for icpt, slope in lines:
                    rising = slope > 0
                    if rising.__class__ is np.ndarray and rising.all():
                        lim = (budget - icpt) / slope  # the where below on rows that all rise
                    else:
                        lim = kc.where(
                            rising,
                            (budget - icpt) / kc.where(rising, slope, 1.0),
                            kc.where(budget >= icpt, np.inf, -np.inf),
                        )
                    b = kc.minimum(b, kc.floor(lim + 1e-9))
            b = kc.minimum(kc.maximum(b, 1.0), b_mem)  # np.clip(b, 1, b_mem)
            lo = kc.where(ok(b) | (b <= 1.0), b, kc.maximum(b - 1.0, 1.0))  # rounding at the boundary
    else:
        lo = 1.0 if kc.is_scalar(b_mem) else np.ones_like(b_mem)  # always allowed (the target may be unreachable)
        hi = b_mem
        for _ in range(_BISECT_STEPS):
            mid = np.ceil((lo + hi) / 2.0)
            good = ok(mid) & (mid <= hi)
            lo = kc.where(good, mid, lo)
            hi = kc.where(good, hi, mid - 1.0)
            hi = kc.maximum(hi, lo)
    b = lo
    if rule.__class__ is not str:
        fx = np.asarray(rule) == "fixed"
        b, n = np.where(fx, fixed_b, b), np.where(fx, n_fixed, n)
    return _f(b), _f(n)


_read_inputs = input_reader(
    "power.payload_power",
    "compute.chip_power",
    "compute.overhead_fraction",
    "workload.active_parameters",
    "workload.total_parameters",
    "workload.expert_fraction",
    "workload.bytes_per_parameter",
    "workload.prompt_tokens",
    "workload.output_tokens",
    "workload.kv_bytes_per_token",
    "power.mission_life",
    "compute.recovery_time",
    "compute.interruption_rate",
    "compute.utilisation",
    "compute.failure_rate",
    "compute.flops_8bit",
    "compute.flops_16bit",
    "compute.mass_per_chip",
    "compute.memory_bandwidth",
    "compute.bandwidth_efficiency",
    "compute.compute_efficiency",
    "compute.memory_compute_overlap",
    "compute.host_cost_fraction",
    "compute.spare_failure_ratio",
    "compute.servicing_interval",
    "compute.spares_fraction",
    "compute.repair_time",
    convert=_as_float,
)


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Size the compute payload of one satellite and its serving rate; write ``compute.*`` (SI).

    Field bounds are checked by the scenario layer; this stage checks the cross-field
    conditions (payload power for one accelerator, MoE parameter consistency, the model
    fitting in the payload's memory, soft-error rate against the batch time) and calls the
    unchecked kernels of :mod:`orbitdc.physics.compute`.
    """
    # the numeric fields this stage reads, in one pass
    (
        it_power,
        chip_power,
        overhead,
        active,
        total,
        r,
        s_w,  # bit (SI)
        prompt,
        output,
        kv,  # bit (SI)
        life,
        rec,
        interrupt,
        util,
        lam_perm,
        in_compute_flops_8bit,
        in_compute_flops_16bit,
        in_compute_mass_per_chip,
        in_compute_memory_bandwidth,
        in_compute_bandwidth_efficiency,
        in_compute_compute_efficiency,
        in_compute_memory_compute_overlap,
        in_compute_host_cost_fraction,
        in_compute_spare_failure_ratio,
        in_compute_servicing_interval,
        in_compute_spares_fraction,
        in_compute_repair_time,
    ) = _read_inputs(p)
    per_chip_power = chip_power * (1.0 + overhead)
    require(
        it_power >= per_chip_power * (1 - 1e-12),
        "power.payload_power",
        p["power.payload_power"],
        ">= compute.chip_power x (1 + compute.overhead_fraction)",
        "the payload power cannot run a single accelerator with its host and conversion overhead",
    )

    require(
        total >= active * (1 - 1e-12),
        "workload.total_parameters",
        p["workload.total_parameters"],
        ">= workload.active_parameters",
        "a token cannot use more parameters than the model holds",
    )
    require(
        active >= r * total * (1 - 1e-9),
        "workload.active_parameters",
        p["workload.active_parameters"],
        ">= workload.expert_fraction x workload.total_parameters",
        "the active parameters include the routed experts' share of the total; fewer would leave "
        "negative shared (attention, embedding) parameters",
    )

    price, good_dies, die_yield = _chip_price(p)

    flops = kc.where(s_w <= 8.0 * (1 + 1e-12), in_compute_flops_8bit, in_compute_flops_16bit)
    batch, n_rep = serving_point(p, s_w, flops)

    chips = kc.chips_for_power(it_power, chip_power, overhead)
    require(
        chips >= n_rep,
        "power.payload_power",
        p["power.payload_power"],
        "enough power for the accelerators that hold one model replica",
        "the model and its KV cache do not fit in the memory of the accelerators this payload power "
        "runs; raise the payload power, use more memory per chip, fewer bytes per weight or a smaller batch",
    )
    spares = kc.ceil(in_compute_spares_fraction * chips - 1e-9)
    n_all = chips + spares
    mass = n_all * in_compute_mass_per_chip
    cost = n_all * price * (1.0 + in_compute_host_cost_fraction)

    per_chip, prompt_rate, req_rate, t_dec, t_pre, t_req, bound = kc.serving(
        active,
        s_w,
        in_compute_memory_bandwidth,
        flops,
        batch,
        prompt,
        output,
        kv,
        total,
        r,
        in_compute_bandwidth_efficiency,
        in_compute_compute_efficiency,
        n_rep,
        in_compute_memory_compute_overlap,
    )

    lam_perm_orb, upset_orb, life_orb = orbital_rates(p, out)
    # a replica's batch is lost when any of its chips is upset or interrupted
    upset = (upset_orb + interrupt) * n_rep
    require(
        upset * (t_req + rec) <= 50.0,
        "radiation.upsets_per_gray",
        p["radiation.upsets_per_gray"],
        "< 50 / (chips per replica x (batch time + recovery time)) upsets per replica",
        "upsets would abort almost every batch before it completes",
    )
    retry = kc.retry_efficiency(upset, t_req, rec)
    # orbit: no repair; the spare pool is the whole number of spares carried, per powered chip
    alive = kc.mean_active_fraction(
        lam_perm_orb * life_orb, kc.spare_time(spares / chips, in_compute_spare_failure_ratio)
    )
    # ... unless a servicer replaces failed chips: a failed chip's replica waits on average half
    # a servicing interval; the replacements (lambda T n) are priced by the economics stage
    svc = p["compute.orbital_servicing"]
    if not (svc.__class__ is str and svc == "none"):
        wait = 0.5 * in_compute_servicing_interval
        alive_svc = 1.0 / (1.0 + lam_perm_orb * n_rep * wait)
        serviced = np.asarray(svc) == "serviced"
        alive = np.where(serviced, alive_svc, alive)
        repl_orb = np.where(serviced, lam_perm_orb * life_orb * chips, 0.0)
    else:
        repl_orb = 0.0
    # eclipse operations (power.eclipse_mode): a shed payload serves at eclipse_load_fraction of
    # its rate for the orbit's mean eclipse fraction; the tokens lost are counted here
    eclipse_kept = _eclipse_kept(p, out)
    derate = alive * retry * util * eclipse_kept

    peak = chips * per_chip
    delivered = peak * derate

    # ground and car fleet: the same chips, interrupted at the same base rate and repaired from
    # spares (priced by economics as they fail); a failure stops its replica for repair_time
    retry_g = kc.retry_efficiency(interrupt * n_rep, t_req, rec)
    avail_g = 1.0 / (1.0 + lam_perm * n_rep * in_compute_repair_time)
    repl_g = lam_perm * life * chips
    cost_g = chips * price * (1.0 + in_compute_host_cost_fraction)

    out["compute.chips"] = _f(chips)
    out["compute.spare_chips"] = _f(spares)
    out["compute.chips_per_replica"] = _f(n_rep)
    out["compute.batch"] = _f(batch)
    out["compute.prefill_time_share"] = _f(t_pre / t_req)
    out["compute.tokens_per_second_per_user"] = _f(output / t_req)
    out["compute.it_power"] = _f(it_power)
    out["compute.heat"] = _f(it_power)
    out["compute.chip_price"] = _f(price)
    out["compute.good_dies_per_wafer"] = _f(good_dies)
    out["compute.die_yield"] = _f(die_yield)
    out["compute.tokens_per_second_per_chip"] = _f(per_chip)
    out["compute.tokens_per_second_peak"] = _f(peak)
    out["compute.tokens_per_second"] = _f(delivered)
    out["compute.prompt_tokens_per_second"] = _f(chips * prompt_rate * derate)
    out["compute.requests_per_second"] = _f(chips * req_rate * derate)
    out["compute.tokens_delivered"] = _f(delivered * life_orb)
    out["compute.energy_per_token"] = _f(per_chip_power / per_chip)
    out["compute.time_per_output_token"] = _f(t_dec)
    out["compute.time_to_first_token"] = _f(t_pre)
    out["compute.compute_bound"] = _f(bound)
    out["compute.mean_active_fraction"] = _f(alive)
    out["compute.retry_efficiency"] = _f(retry)
    out["compute.hardware_mass"] = _f(mass)
    out["compute.mass_per_kw"] = _f(mass / it_power)
    out["compute.hardware_cost"] = _f(cost)
    out["compute.junction_temperature_max"] = _f(p["compute.junction_temperature_max"])
    out["compute.eclipse_availability"] = _f(eclipse_kept)
    out["compute.replacement_chips_orbital"] = _f(repl_orb)
    out["compute.failure_rate_orbital"] = _f(lam_perm_orb)
    out["compute.restart_rate_orbital"] = _f(upset_orb + interrupt)
    out["compute.service_life_orbital"] = _f(life_orb)
    out["compute.retry_efficiency_ground"] = _f(retry_g)
    out["compute.repair_availability_ground"] = _f(avail_g)
    out["compute.replacement_chips_ground"] = _f(repl_g)
    out["compute.tokens_per_second_ground"] = _f(peak * util * retry_g * avail_g)
    out["compute.hardware_cost_ground"] = _f(cost_g)
