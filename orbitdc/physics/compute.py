"""The compute payload: chip cost from wafers, LLM serving throughput, energy per token,
and the loss of delivered capacity to radiation and hardware failures over a life without
repair.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios).  Public functions also accept pint quantities or unit strings for their
dimensional arguments (``orbitdc.units.accepts``); bare numbers are taken as SI.

Units
-----
* Information is measured in **bits**, the SI base the package uses for data (pint converts
  bytes to bits, links work in bit/s): memory bandwidth [bit/s], memory capacity [bit],
  storage per weight ``parameter_size`` [bit] (16 for BF16, 8 for FP8/INT8, 4 for FP4) and
  KV cache per token [bit].  Give bytes through pint: ``Q_(3.35, "TB/s")``, ``"80 GB"``,
  ``Q_(2, "byte")``.
* Arithmetic throughput ``flops`` is in operations per second [1/s], counting a
  multiply-add as two floating-point operations (the vendors' "dense TFLOPS" convention).
* Time [s], rates [1/s], power [W], energy [J], money [USD], area [m2], mass [kg].

Model chain
-----------
1. Chip price from wafer economics: gross dies per wafer (:func:`dies_per_wafer`), die yield
   (:func:`die_yield`), good-die cost plus packaging, memory and test, plus margin
   (:func:`chip_price_from_wafer`), in :mod:`orbitdc.physics.chip_cost` (re-exported here).
2. Serving throughput from a roofline [1]_ [2]_: a decode step of a batch reads the weights
   once and the KV cache of every sequence (memory bound) or does ``2 N_active`` operations
   per token (compute bound), whichever takes longer (:func:`decode_step_time`); prefill is
   normally compute bound (:func:`prefill_time`); :func:`serving_throughput` combines them
   for requests of ``prompt_tokens`` in and ``output_tokens`` out.
3. Payload sizing from the IT power: chips (:func:`chips_for_power`), chips holding one
   model replica (:func:`chips_per_replica`), mass and cost (:func:`payload_hardware`),
   energy per token (:func:`energy_per_token`).
4. Degradation over life: soft-error retries (:func:`retry_efficiency`), hard failures
   without repair with spares (:func:`active_fraction`, :func:`mean_active_fraction`),
   and the delivered token count (:func:`lifetime_tokens`).

References
----------
.. [1] Williams, S., Waterman, A. and Patterson, D. (2009), "Roofline: an insightful visual
   performance model for multicore architectures", Commun. ACM 52(4), 65-76.
.. [2] Pope, R. et al. (2023), "Efficiently Scaling Transformer Inference", Proc. MLSys 5
   (decode is memory-bandwidth bound at small batch; 2 N FLOPs per token).
.. [3] Kaplan, J. et al. (2020), "Scaling Laws for Neural Language Models",
   arXiv:2001.08361, section 2.1 (forward pass ~ 2 N operations per token).
.. [4] Kwon, W. et al. (2023), "Efficient Memory Management for Large Language Model
   Serving with PagedAttention", Proc. SOSP '23, section 3 (KV cache size per token).
.. [5] Hennessy, J. L. and Patterson, D. A. (2012), "Computer Architecture: A Quantitative
   Approach", 5th ed., Morgan Kaufmann, section 1.6 (dies per wafer, die yield, die cost).
.. [6] Murphy, B. T. (1964), "Cost-size optima of monolithic integrated circuits",
   Proc. IEEE 52(12), 1537-1545.
.. [7] Cunningham, J. A. (1990), "The use and evaluation of yield models in integrated
   circuit manufacturing", IEEE Trans. Semicond. Manuf. 3(2), 60-71.
.. [8] Daly, J. T. (2006), "A higher order estimate of the optimum checkpoint interval for
   restart dumps", Future Gener. Comput. Syst. 22(3), 303-312.
.. [9] O'Connor, P. D. T. and Kleyner, A. (2012), "Practical Reliability Engineering",
   5th ed., Wiley, chapters 2 and 6 (exponential survival, standby redundancy).
.. [10] Llama Team, AI @ Meta (2024), "The Llama 3 Herd of Models", arXiv:2407.21783,
   Table 5 (root causes of 419 unexpected interruptions on 16,384 H100 over 54 days).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..errors import require
from ..kernels.compute import active_fraction as _k_active
from ..kernels.compute import chips_for_power as _k_chips
from ..kernels.compute import decode_times as _k_decode
from ..kernels.compute import mean_active_fraction as _k_mean_active
from ..kernels.compute import parameters_read as _k_read
from ..kernels.compute import prefill_time as _k_prefill
from ..kernels.compute import replica_chips as _k_replica
from ..kernels.compute import retry_efficiency as _k_retry
from ..kernels.compute import serving as _k_serving
from ..kernels.compute import spare_time as _k_sigma
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import out as _out
from ._compute_checks import _finite, _fraction, _nonneg, _positive
from .chip_cost import (  # re-exported: wafer economics are part of this module's API
    chip_price_from_wafer,
    defect_density_from_yield,
    die_yield,
    dies_per_wafer,
)

__all__ = [
    "BITS_PER_BYTE",
    "dies_per_wafer",
    "die_yield",
    "defect_density_from_yield",
    "chip_price_from_wafer",
    "kv_cache_size_per_token",
    "parameters_read",
    "decode_step_time",
    "prefill_time",
    "ServingThroughput",
    "serving_throughput",
    "chips_per_replica",
    "chips_for_power",
    "energy_per_token",
    "PayloadHardware",
    "payload_hardware",
    "retry_efficiency",
    "active_fraction",
    "mean_active_fraction",
    "lifetime_tokens",
]

BITS_PER_BYTE = 8.0
"""Bits in one byte (octet), IEC 80000-13. Kind: standard."""


# ------------------------------------------------------------------ unchecked kernels -----
# ------------------------------------------------------------------ serving roofline -----
@accepts(element_size="bit")
def kv_cache_size_per_token(layers, kv_heads, head_dim, element_size=16.0):
    """KV-cache storage per token of context.

    Parameters
    ----------
    layers : float or array [-]
        Transformer layers.
    kv_heads : float or array [-]
        Key/value heads per layer (fewer than the query heads with grouped-query attention).
    head_dim : float or array [-]
        Dimension of one head.
    element_size : float or array [bit], default 16
        Storage per cached element (16 for FP16/BF16, 8 for an FP8 cache).

    Returns
    -------
    float or array [bit]
        2 x layers x kv_heads x head_dim x element_size (a key and a value vector per
        head and layer) [4]_.

    References
    ----------
    .. [1] Kwon, W. et al. (2023), Proc. SOSP '23, section 3: 800 KB per token for OPT-13B.
    """
    for name, v in (("layers", layers), ("kv_heads", kv_heads), ("head_dim", head_dim), ("element_size", element_size)):
        _positive(name, v)
    return _out(2.0 * _arr(layers) * _arr(kv_heads) * _arr(head_dim) * _arr(element_size))


def _check_model(active_parameters, total_parameters, expert_fraction):
    _positive("active_parameters", active_parameters, "a model has parameters")
    total = active_parameters if total_parameters is None else total_parameters
    _positive("total_parameters", total, "a model has parameters")
    _fraction(
        "expert_fraction",
        expert_fraction,
        low_open=True,
        reason="the routed share of experts per token is a fraction above 0",
    )
    a, t, r = _arr(active_parameters), _arr(total), _arr(expert_fraction)
    require(
        t >= a * (1 - 1e-12),
        "total_parameters",
        t,
        ">= active_parameters",
        "a token cannot use more parameters than the model has",
    )
    require(
        a >= r * t * (1 - 1e-9),
        "active_parameters",
        a,
        ">= expert_fraction x total_parameters",
        "active parameters include the routed experts' share of the total; fewer would need "
        "negative shared (attention, embedding) parameters",
    )
    return a, t, r


def parameters_read(active_parameters, tokens=1.0, total_parameters=None, expert_fraction=1.0):
    """Expected number of distinct weights touched when ``tokens`` tokens go through a model.

    Parameters
    ----------
    active_parameters : float or array [-]
        Parameters used per token (the whole model if dense).
    tokens : float or array [-], default 1
        Tokens processed together (the batch in a decode step, batch x prompt in prefill),
        >= 1.
    total_parameters : float or array [-], optional
        All parameters of a mixture-of-experts model (default: dense, = active).
    expert_fraction : float or array [-], default 1
        Share r of the routed experts each token uses (top-k / number of experts, e.g.
        8/256 for DeepSeek-V3, 2/8 for Mixtral).

    Returns
    -------
    float or array [-]
        N_read = N_total - (N_total - N_active) (1 - r)^(tokens - 1).

    Notes
    -----
    With shared parameters S and expert parameters E: N_total = S + E and
    N_active = S + r E.  With independent, uniform routing, a given expert is missed by
    all n tokens with probability (1 - r)^n, so N_read = S + E (1 - (1 - r)^n), which is
    the expression above.  It equals N_active for one token (and for a dense model) and
    tends to N_total for large batches.  Real routers are not uniform; this is the
    expected value for balanced experts.
    """
    a, t, r = _check_model(active_parameters, total_parameters, expert_fraction)
    _finite("tokens", tokens)
    n = _arr(tokens)
    require(n >= 1, "tokens", n, ">= 1", "at least one token passes through the model")
    return _out(_k_read(a, t, r, n))


def _serving_checks(parameter_size, memory_bandwidth, flops, batch, bandwidth_efficiency, compute_efficiency, chips):
    _positive("parameter_size", parameter_size, "each weight takes storage")
    _positive("memory_bandwidth", memory_bandwidth, "memory must deliver data")
    _positive("flops", flops, "the chip must compute")
    _finite("batch", batch)
    require(_arr(batch) >= 1, "batch", batch, ">= 1", "at least one sequence is served")
    _fraction(
        "bandwidth_efficiency",
        bandwidth_efficiency,
        low_open=True,
        reason="achieved over peak memory bandwidth, above 0 and at most 1",
    )
    _fraction(
        "compute_efficiency",
        compute_efficiency,
        low_open=True,
        reason="achieved over peak arithmetic throughput (MFU), above 0 and at most 1",
    )
    _finite("chips", chips)
    require(_arr(chips) >= 1, "chips", chips, ">= 1", "a model replica runs on at least one chip")
    return tuple(
        _arr(x)
        for x in (parameter_size, memory_bandwidth, flops, batch, bandwidth_efficiency, compute_efficiency, chips)
    )


@accepts(parameter_size="bit", memory_bandwidth="bit/s", flops="1/s", kv_size_per_token="bit")
def decode_step_time(
    active_parameters,
    parameter_size,
    memory_bandwidth,
    flops,
    batch=1.0,
    context_tokens=0.0,
    kv_size_per_token=0.0,
    total_parameters=None,
    expert_fraction=1.0,
    bandwidth_efficiency=1.0,
    compute_efficiency=1.0,
    chips=1.0,
):
    """Time of one decode step (one new token for each sequence of a batch): roofline.

    Parameters
    ----------
    active_parameters : float or array [-]
        Parameters used per token N_active.
    parameter_size : float or array [bit]
        Storage per weight s_w (16 BF16, 8 FP8, 4 FP4).
    memory_bandwidth : float or array [bit/s]
        Peak memory bandwidth per chip B (H100 SXM: 3.35 TB/s = 2.68e13 bit/s).
    flops : float or array [1/s]
        Peak dense arithmetic throughput per chip F at the serving precision.
    batch : float or array [-], default 1
        Sequences decoded together b (>= 1).
    context_tokens : float or array [-], default 0
        Tokens already in each sequence's KV cache L.
    kv_size_per_token : float or array [bit], default 0
        KV cache per token of context s_kv (:func:`kv_cache_size_per_token`).
    total_parameters, expert_fraction
        Mixture-of-experts description, as in :func:`parameters_read`.
    bandwidth_efficiency : float or array [-], default 1
        Achieved / peak memory bandwidth (model-bandwidth utilisation, MBU), in (0, 1].
    compute_efficiency : float or array [-], default 1
        Achieved / peak arithmetic throughput (MFU), in (0, 1].
    chips : float or array [-], default 1
        Chips sharing the replica (tensor/expert parallel); ideal scaling, communication
        overheads belong in the efficiencies.

    Returns
    -------
    float or array [s]
        t = max( (N_read(b) s_w + b L s_kv) / (n B eta_B),  2 b N_active / (n F eta_F) )

    Notes
    -----
    Each step streams the weights once for the whole batch plus each sequence's KV cache
    [1]_ [2]_, and a forward pass costs 2 N_active operations per token [3]_.  Attention
    arithmetic (4 L d per layer and token) is neglected; it is a few percent of 2 N for
    contexts well below the model width times the layer count.
    """
    sw, bw, fl, b, eb, ef, n = _serving_checks(
        parameter_size, memory_bandwidth, flops, batch, bandwidth_efficiency, compute_efficiency, chips
    )
    _nonneg("context_tokens", context_tokens, "a context length cannot be negative")
    _nonneg("kv_size_per_token", kv_size_per_token, "a cache size cannot be negative")
    a, t, r = _check_model(active_parameters, total_parameters, expert_fraction)
    t_mem, t_cmp = _k_decode(a, sw, bw, fl, b, _arr(context_tokens), _arr(kv_size_per_token), t, r, eb, ef, n)
    return _out(np.maximum(t_mem, t_cmp))


@accepts(parameter_size="bit", memory_bandwidth="bit/s", flops="1/s")
def prefill_time(
    active_parameters,
    parameter_size,
    memory_bandwidth,
    flops,
    prompt_tokens,
    batch=1.0,
    total_parameters=None,
    expert_fraction=1.0,
    bandwidth_efficiency=1.0,
    compute_efficiency=1.0,
    chips=1.0,
):
    """Time to process the prompts of a batch (prefill): roofline, normally compute bound.

    Parameters
    ----------
    active_parameters, parameter_size, memory_bandwidth, flops, batch, total_parameters,
    expert_fraction, bandwidth_efficiency, compute_efficiency, chips
        As in :func:`decode_step_time`.
    prompt_tokens : float or array [-]
        Prompt length per request P (>= 0; 0 gives zero time).

    Returns
    -------
    float or array [s]
        t = max( N_read(b P) s_w / (n B eta_B),  2 b P N_active / (n F eta_F) ),
        0 when P = 0.

    Notes
    -----
    All prompt tokens of the batch go through the model in parallel, so the weights are
    read once while the arithmetic grows with b P [2]_.  Attention over the prompt
    (quadratic in P) is neglected, as in :func:`decode_step_time`.
    """
    sw, bw, fl, b, eb, ef, n = _serving_checks(
        parameter_size, memory_bandwidth, flops, batch, bandwidth_efficiency, compute_efficiency, chips
    )
    _nonneg("prompt_tokens", prompt_tokens, "a prompt length cannot be negative")
    a, t, r = _check_model(active_parameters, total_parameters, expert_fraction)
    return _out(_k_prefill(a, sw, bw, fl, b, _arr(prompt_tokens), t, r, eb, ef, n))


class ServingThroughput(NamedTuple):
    """Rates of one model replica serving a stream of identical requests (SI units)."""

    tokens_per_second: Any
    """Output (generated) tokens per second per chip [1/s]."""
    prompt_tokens_per_second: Any
    """Prompt tokens processed per second per chip [1/s]."""
    requests_per_second: Any
    """Requests completed per second per chip [1/s]."""
    decode_step_time: Any
    """Time per output token of one sequence, at the mean context [s]."""
    prefill_time: Any
    """Prefill time of one batch of prompts (time to first token) [s]."""
    request_time: Any
    """Time to serve one batch of requests, prefill plus all decode steps [s]."""
    compute_bound: Any
    """True where the decode step is limited by arithmetic rather than memory."""


@accepts(parameter_size="bit", memory_bandwidth="bit/s", flops="1/s", kv_size_per_token="bit")
def serving_throughput(
    active_parameters,
    parameter_size,
    memory_bandwidth,
    flops,
    batch=1.0,
    prompt_tokens=0.0,
    output_tokens=1.0,
    kv_size_per_token=0.0,
    total_parameters=None,
    expert_fraction=1.0,
    bandwidth_efficiency=1.0,
    compute_efficiency=1.0,
    chips=1.0,
    overlap=1.0,
):
    """Tokens per second per chip for batches of requests: prefill, then decode.

    Parameters
    ----------
    active_parameters, parameter_size, memory_bandwidth, flops, batch, kv_size_per_token,
    total_parameters, expert_fraction, bandwidth_efficiency, compute_efficiency, chips
        As in :func:`decode_step_time` (``batch`` = concurrent requests per replica).
    prompt_tokens : float or array [-], default 0
        Prompt tokens per request P.
    output_tokens : float or array [-], default 1
        Generated tokens per request O (>= 1).
    overlap : float or array [-], default 1
        Share of the shorter of a decode step's memory time and compute time that runs
        hidden behind the longer one, in [0, 1]: 1 is the ideal roofline
        :math:`t = \\max(t_m, t_c)`, 0 runs them one after the other,
        :math:`t = t_m + t_c`; in general :math:`t = \\max + (1 - overlap) \\min`.

    Returns
    -------
    ServingThroughput
        Per-chip rates (replica rate / chips), step and request times.

    Notes
    -----
    A batch cycle is one prefill of b prompts and O decode steps at the mean context
    L = P + (O - 1)/2 (the decode cost is linear in L while memory bound, so the mean is
    exact there):

        T = t_prefill(b, P) + O t_decode(b, L)
        output rate per chip = b O / (n T),   prompt rate = b P / (n T)

    Continuous batching interleaves the same work, so the roofline rate is the same.
    Measured serving stacks reach roughly 40-100 % of this bound (the efficiencies).
    """
    _nonneg("prompt_tokens", prompt_tokens, "a prompt length cannot be negative")
    _finite("output_tokens", output_tokens)
    require(_arr(output_tokens) >= 1, "output_tokens", output_tokens, ">= 1", "a request generates at least one token")
    sw, bw, fl, b, eb, ef, n = _serving_checks(
        parameter_size, memory_bandwidth, flops, batch, bandwidth_efficiency, compute_efficiency, chips
    )
    _nonneg("kv_size_per_token", kv_size_per_token, "a cache size cannot be negative")
    _fraction("overlap", overlap, reason="a share of the shorter phase, from none (0) to all (1)")
    a, t, r = _check_model(active_parameters, total_parameters, expert_fraction)
    ov = float(overlap) if np.ndim(overlap) == 0 else _arr(overlap)
    res = _k_serving(
        a, sw, bw, fl, b, _arr(prompt_tokens), _arr(output_tokens), _arr(kv_size_per_token), t, r, eb, ef, n, ov
    )
    bound = res[6]
    return ServingThroughput(*(_out(x) for x in res[:6]), bound if np.ndim(bound) else bool(bound))


@accepts(parameter_size="bit", memory_capacity="bit", kv_size_per_token="bit")
def chips_per_replica(
    total_parameters,
    parameter_size,
    memory_capacity,
    batch=1.0,
    context_tokens=0.0,
    kv_size_per_token=0.0,
    usable_fraction=0.9,
):
    """Smallest whole number of chips whose memory holds one model replica and its KV cache.

    Parameters
    ----------
    total_parameters : float or array [-]
        All parameters of the model (every expert of a MoE model must be resident).
    parameter_size : float or array [bit]
        Storage per weight.
    memory_capacity : float or array [bit]
        Memory per chip (H100: 80 GB = 6.4e11 bit).
    batch : float or array [-], default 1
        Concurrent sequences.
    context_tokens : float or array [-], default 0
        Maximum context per sequence (prompt + output).
    kv_size_per_token : float or array [bit], default 0
        KV cache per token.
    usable_fraction : float or array [-], default 0.9
        Share of memory available to weights and cache (the rest holds activations,
        workspace and fragmentation; serving engines reserve about 10 %, e.g. vLLM's
        default ``gpu_memory_utilization = 0.9``).

    Returns
    -------
    float or array [-]
        ceil( (N_total s_w + b L s_kv) / (u M) ), at least 1.
    """
    _positive("total_parameters", total_parameters, "a model has parameters")
    _positive("parameter_size", parameter_size, "each weight takes storage")
    _positive("memory_capacity", memory_capacity, "a chip needs memory to hold weights")
    _finite("batch", batch)
    require(_arr(batch) >= 1, "batch", batch, ">= 1", "at least one sequence is served")
    _nonneg("context_tokens", context_tokens, "a context length cannot be negative")
    _nonneg("kv_size_per_token", kv_size_per_token, "a cache size cannot be negative")
    _fraction("usable_fraction", usable_fraction, low_open=True, reason="share of memory, above 0 and at most 1")
    return _out(
        _k_replica(
            _arr(total_parameters),
            _arr(parameter_size),
            _arr(memory_capacity),
            _arr(batch),
            _arr(context_tokens),
            _arr(kv_size_per_token),
            _arr(usable_fraction),
        )
    )


# --------------------------------------------------------------- payload and energy -----
@accepts(it_power="W", chip_power="W")
def chips_for_power(it_power, chip_power, overhead_fraction=0.0, whole=True):
    """Accelerators a given IT power budget can run.

    Parameters
    ----------
    it_power : float or array [W]
        Electrical power available to the compute payload.
    chip_power : float or array [W]
        Power per accelerator at full load (its TDP).
    overhead_fraction : float or array [-], default 0
        Host CPUs, memory, network and power-conversion losses, as a fraction f of the chip
        power (DGX H100: 10.2 kW for 8 x 700 W GPUs, f = 0.82, including fans).
    whole : bool, default True
        Round down to whole chips (``False``: continuous, for smooth sweeps).

    Returns
    -------
    float or array [-]
        n = floor( P_IT / (P_chip (1 + f)) ).
    """
    _nonneg("it_power", it_power, "electrical power cannot be negative")
    _positive("chip_power", chip_power, "an accelerator draws power")
    _nonneg("overhead_fraction", overhead_fraction, "an overhead cannot be negative")
    return _out(_k_chips(_arr(it_power), _arr(chip_power), _arr(overhead_fraction), whole))


@accepts(chip_power="W", tokens_per_second="1/s")
def energy_per_token(chip_power, tokens_per_second, overhead_fraction=0.0):
    """Electrical energy per generated token.

    Parameters
    ----------
    chip_power : float or array [W]
        Power per accelerator while serving.
    tokens_per_second : float or array [1/s]
        Tokens per second per accelerator.
    overhead_fraction : float or array [-], default 0
        Host, network and conversion overhead as a fraction of chip power.

    Returns
    -------
    float or array [J]
        E = P_chip (1 + f) / r.
    """
    _positive("chip_power", chip_power, "an accelerator draws power")
    _positive("tokens_per_second", tokens_per_second, "a serving chip produces tokens")
    _nonneg("overhead_fraction", overhead_fraction, "an overhead cannot be negative")
    return _out(_arr(chip_power) * (1.0 + _arr(overhead_fraction)) / _arr(tokens_per_second))


class PayloadHardware(NamedTuple):
    """Compute hardware of one satellite (or one data-hall block) in SI units."""

    chips: Any
    """Powered accelerators [-]."""
    spare_chips: Any
    """Spare accelerators carried to replace failures [-]."""
    mass: Any
    """Hardware mass of all accelerators with their boards and host share [kg]."""
    cost: Any
    """Hardware cost: accelerators plus host, board and network share [USD]."""
    mass_per_power: Any
    """Hardware mass per watt of IT power [kg/W]."""


@accepts(it_power="W", chip_power="W", mass_per_chip="kg", chip_price="USD")
def payload_hardware(
    it_power,
    chip_power,
    mass_per_chip,
    chip_price,
    overhead_fraction=0.0,
    spares_fraction=0.0,
    host_cost_fraction=0.0,
    whole=True,
):
    """Chips, spares, mass and cost of a compute payload with a given IT power.

    Parameters
    ----------
    it_power, chip_power, overhead_fraction, whole
        As in :func:`chips_for_power`.
    mass_per_chip : float or array [kg]
        Mass per accelerator with its board, memory, cold plate, power stages and share of
        host and network hardware (not the radiator).
    chip_price : float or array [USD]
        Price per accelerator.
    spares_fraction : float or array [-], default 0
        Spare accelerators per powered one (rounded up to whole chips when ``whole``).
    host_cost_fraction : float or array [-], default 0
        Host CPUs, boards, network and integration cost per accelerator, as a fraction of
        the accelerator price.

    Returns
    -------
    PayloadHardware
        chips n, spares ceil(s n), mass (n + spares) m_chip, cost (n + spares) p (1 + h),
        mass per IT watt (n + spares) m_chip / P_IT.

    Raises
    ------
    ScenarioError
        When the IT power cannot run a single accelerator.
    """
    _positive("it_power", it_power, "the payload needs electrical power")
    _positive("mass_per_chip", mass_per_chip, "hardware has mass")
    _nonneg("chip_price", chip_price, "a price cannot be negative")
    _nonneg("spares_fraction", spares_fraction, "a number of spares cannot be negative")
    _nonneg("host_cost_fraction", host_cost_fraction, "a cost cannot be negative")
    _nonneg("overhead_fraction", overhead_fraction, "an overhead cannot be negative")
    _positive("chip_power", chip_power, "an accelerator draws power")
    n = _k_chips(_arr(it_power), _arr(chip_power), _arr(overhead_fraction), whole)
    per_chip = _arr(chip_power) * (1.0 + _arr(overhead_fraction))
    require(
        n >= 1.0 if whole else n > 0,
        "it_power",
        it_power,
        ">= chip_power x (1 + overhead_fraction)",
        f"the payload power cannot run one accelerator (needs {float(np.max(per_chip)):.4g} W each)",
    )
    s = _arr(spares_fraction) * n
    spares = np.ceil(s - 1e-9) if whole else s
    total = n + spares
    mass = total * _arr(mass_per_chip)
    cost = total * _arr(chip_price) * (1.0 + _arr(host_cost_fraction))
    return PayloadHardware(_out(n), _out(spares), _out(mass), _out(cost), _out(mass / _arr(it_power)))


# -------------------------------------------------------------- degradation over life -----
@accepts(upset_rate="1/s", task_time="s", recovery_time="s")
def retry_efficiency(upset_rate, task_time, recovery_time=0.0):
    """Fraction of time doing useful work when upsets force a task to restart.

    Parameters
    ----------
    upset_rate : float or array [1/s]
        Rate lambda of upsets that abort a task on the replica (single-event functional
        interrupts or detected uncorrectable errors of any chip in it).
    task_time : float or array [s]
        Fault-free duration tau of the work lost by one upset (one batch of requests).
    recovery_time : float or array [s], default 0
        Restart time R after an upset (reset, reload of state) during which upsets can
        also strike.

    Returns
    -------
    float or array [-]
        eta = tau / E[T] with E[T] = M e^(R/M) (e^(tau/M) - 1), M = 1/lambda; eta -> 1 as
        lambda -> 0.

    Notes
    -----
    Expected wall time to complete a segment of length tau that restarts from its
    beginning after every failure, with exponential failures of mean time M and a restart
    cost R, Daly (2006) eq. (7) without checkpoint overhead [8]_.  For lambda (tau + R) << 1,
    eta ~ 1 - lambda (tau/2 + R).

    Raises
    ------
    ScenarioError
        If lambda (tau + R) > 50: the work would essentially never complete.
    """
    _nonneg("upset_rate", upset_rate, "a rate cannot be negative")
    _positive("task_time", task_time, "a task takes time")
    _nonneg("recovery_time", recovery_time, "a recovery takes non-negative time")
    lam, tau, r = _arr(upset_rate), _arr(task_time), _arr(recovery_time)
    require(
        lam * (tau + r) <= 50.0,
        "upset_rate",
        upset_rate,
        "< 50 / (task_time + recovery_time)",
        "upsets would abort almost every task: the expected number of restarts exceeds e^50",
    )
    return _out(_k_retry(lam, tau, r))


def _spare_time(spares_fraction, spare_failure_ratio):
    """Dimensionless time lambda t_s at which the spares run out."""
    return _k_sigma(_arr(spares_fraction), _arr(spare_failure_ratio))


def _degradation_checks(failure_rate, spares_fraction, spare_failure_ratio):
    _nonneg("failure_rate", failure_rate, "a failure rate cannot be negative")
    _nonneg("spares_fraction", spares_fraction, "a number of spares cannot be negative")
    _fraction(
        "spare_failure_ratio",
        spare_failure_ratio,
        reason="a stored spare fails no faster than a working chip (0 = dormant spares never fail)",
    )


@accepts(time="s", failure_rate="1/s")
def active_fraction(time, failure_rate, spares_fraction=0.0, spare_failure_ratio=1.0):
    """Fraction of the designed number of chips still working at a time, with spares.

    Parameters
    ----------
    time : float or array [s]
        Time since the start of service (>= 0).
    failure_rate : float or array [1/s]
        Constant hard-failure rate lambda per working chip, no repair.
    spares_fraction : float or array [-], default 0
        Spare chips s per designed working chip.
    spare_failure_ratio : float or array [-], default 1
        Failure rate of a stored spare relative to a working chip, rho in [0, 1]
        (1: spares age like working chips, e.g. powered or dose-limited; 0: dormant spares
        never fail).

    Returns
    -------
    float or array [-]
        a(t) = 1 while spares last (lambda t <= sigma), exp(-(lambda t - sigma)) after,
        with sigma = ln(1 + rho s) / rho (-> s as rho -> 0).

    Notes
    -----
    Fleet (large-number) limit of a standby-redundant pool [9]_: failures of the n working
    chips occur at rate lambda n and are replaced from the spare pool S(t), which also
    loses spares at rate rho lambda S.  dS/dt = -rho lambda S - lambda n gives exhaustion at
    lambda t_s = ln(1 + rho s) / rho; after that the working chips decay exponentially.
    With rho = 1 this is min(1, (1 + s) exp(-lambda t)).
    """
    _nonneg("time", time, "time since launch cannot be negative")
    _degradation_checks(failure_rate, spares_fraction, spare_failure_ratio)
    return _out(_k_active(_arr(failure_rate) * _arr(time), _spare_time(spares_fraction, spare_failure_ratio)))


@accepts(life="s", failure_rate="1/s")
def mean_active_fraction(life, failure_rate, spares_fraction=0.0, spare_failure_ratio=1.0):
    """Life-average fraction of the designed chips working (closed form of :func:`active_fraction`).

    Parameters
    ----------
    life : float or array [s]
        Service life T (> 0).
    failure_rate, spares_fraction, spare_failure_ratio
        As in :func:`active_fraction`.

    Returns
    -------
    float or array [-]
        With u = lambda T and sigma the spare-exhaustion point:
        1 if u <= sigma, else (sigma + 1 - exp(-(u - sigma))) / u.
        Without spares: (1 - exp(-lambda T)) / (lambda T).

    References
    ----------
    .. [1] O'Connor, P. D. T. and Kleyner, A. (2012), "Practical Reliability Engineering",
       5th ed., Wiley (exponential survival; standby redundancy).
    """
    _positive("life", life, "a service life is positive")
    _degradation_checks(failure_rate, spares_fraction, spare_failure_ratio)
    return _out(_k_mean_active(_arr(failure_rate) * _arr(life), _spare_time(spares_fraction, spare_failure_ratio)))


@accepts(tokens_per_second="1/s", life="s")
def lifetime_tokens(tokens_per_second, life, mean_active=1.0, utilisation=1.0, retry=1.0):
    """Tokens delivered over a service life.

    Parameters
    ----------
    tokens_per_second : float or array [1/s]
        Rate of the complete, fault-free payload at full load.
    life : float or array [s]
        Service life.
    mean_active : float or array [-], default 1
        Life-average working fraction (:func:`mean_active_fraction`).
    utilisation : float or array [-], default 1
        Fraction of time there is demand to serve, in (0, 1].
    retry : float or array [-], default 1
        Soft-error efficiency (:func:`retry_efficiency`).

    Returns
    -------
    float or array [-]
        N = r T a_mean u eta (a count of tokens; divide by 3.156e7 s for token-years).
    """
    _nonneg("tokens_per_second", tokens_per_second, "a rate cannot be negative")
    _positive("life", life, "a service life is positive")
    _fraction("mean_active", mean_active, reason="a working fraction")
    _fraction("utilisation", utilisation, low_open=True, reason="utilisation is a fraction of time above 0")
    _fraction("retry", retry, reason="an efficiency")
    return _out(_arr(tokens_per_second) * _arr(life) * _arr(mean_active) * _arr(utilisation) * _arr(retry))
