"""Accelerator catalog: power, memory, bandwidth, arithmetic throughput, price and mass.

``ACCELERATORS`` maps a part key (``"h100-sxm"``) to a dict of :class:`Spec` records, one
per figure, each with its value, unit, source and kind (``vendor`` datasheet figure,
``claim`` from the seed documents or the press, ``projection`` for hypothetical parts,
``assumption`` for this project's own estimates).  ``DESCRIPTIONS`` gives a one-line
description of each part; ``WAFER_INPUTS`` holds the wafer-economics inputs from which the
prices of the hypothetical "cheap inference chips" are derived with
:func:`orbitdc.physics.compute.chip_price_from_wafer`.

Figures per part
----------------
chip_power        W       board power at full load (TDP)
memory_bandwidth  TB/s    peak memory bandwidth (bytes; SI value in bit/s)
memory            GB      memory capacity (bytes; SI value in bit)
flops_16bit       1/s     dense FP16/BF16 tensor throughput, FLOP/s (no sparsity)
flops_8bit        1/s     dense FP8/INT8 tensor throughput, FLOP/s (no sparsity)
chip_price        USD     price per accelerator
mass_per_chip     kg      accelerator with board, memory, cold plate, power stages and a
                          share of host and network hardware (not the radiator)

The numbers are plain literals; the module imports only numpy and the compute physics,
so it is cheap to import.

References
----------
.. [1] NVIDIA (2023), "NVIDIA H100 Tensor Core GPU" datasheet (H100 SXM: 700 W max TDP,
   80 GB HBM3 at 3.35 TB/s, BF16 1,979 TFLOPS and FP8 3,958 TFLOPS *with sparsity*, i.e.
   989 and 1,979 dense).
.. [2] NVIDIA (2022), "NVIDIA H100 Tensor Core GPU Architecture" whitepaper (GH100 die
   814 mm2, TSMC 4N).
.. [3] NVIDIA (2024), HGX B200 / DGX B200 specifications (B200: 1,000 W, 8 TB/s HBM3e,
   FP16/BF16 4.5 PFLOPS and FP8 9 PFLOPS with sparsity, i.e. 2.25 and 4.5 dense; 192 GB
   HBM3e at announcement, 180 GB per GPU exposed in DGX B200 (1,440 GB for 8)); DGX B200
   user guide: 142.4 kg system weight for 8 GPUs.
.. [4] Jouppi, N. P. et al. (2023), "TPU v4: An Optically Reconfigurable Supercomputer for
   Machine Learning with Hardware Support for Embeddings", Proc. ISCA '23; Google Cloud
   TPU v4 documentation (275 TFLOPS BF16/INT8, 32 GiB HBM2 at 1,200 GB/s, 192 W max).
.. [5] Seed documents (2025-2026), see ../shared/SEED_CLAIMS.md: H100 USD 25,000-40,000;
   Tesla AI5 "about 40x AI4", lowest cost per inference; AI6 on Samsung SF2 (2 nm) with
   reported yield 40-45 % versus TSMC N2 above 70 %.
.. [6] Press reports on wafer prices (China Times / Tom's Hardware, 2025; DigiTimes, 2025):
   TSMC N2 about USD 30,000 per 300 mm wafer, N3 about USD 18,000-20,000.
.. [7] Huang, J., interview with CNBC, 19 March 2024: Blackwell GPUs to sell for
   "between $30,000 and $40,000".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .compute import chip_price_from_wafer

__all__ = ["Spec", "ACCELERATORS", "DESCRIPTIONS", "WAFER_INPUTS", "FIELDS", "CUSTOM", "si_value", "spec_table"]

KINDS = ("measurement", "vendor", "projection", "claim", "assumption", "standard")


@dataclass(frozen=True)
class Spec:
    """One catalog figure with its provenance.

    Attributes
    ----------
    value : float
        The figure in ``unit``.
    unit : str
        Unit of ``value`` (a pint unit string; ``1/s`` for FLOP/s).
    source : str
        Where the figure comes from.
    kind : str
        ``vendor``, ``claim``, ``projection``, ``assumption``, ``measurement`` or
        ``standard``.
    """

    value: float
    unit: str
    source: str
    kind: str

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind {self.kind!r} not in {KINDS}")

    def si(self) -> float:
        """The value in SI base units (bytes become bits)."""
        from ..units import to_si

        return float(to_si(float(self.value), self.unit))

    def to(self, unit: str) -> float:
        """The value converted to ``unit``."""
        from .. import units

        (si_a, ka, oa), (si_b, kb, ob) = units.si_unit_of(self.unit), units.si_unit_of(unit)
        if si_a == si_b:  # same dimension: the affine conversions of the units table
            return (float(self.value) * ka + oa - ob) / kb
        return float(units.Q_(float(self.value), self.unit).to(unit).magnitude)


FIELDS = ("chip_power", "memory_bandwidth", "memory", "flops_16bit", "flops_8bit", "chip_price", "mass_per_chip")
"""The figures every catalog part carries."""

CUSTOM = "custom"
"""Key of the user-defined part (its figures are starting values to edit)."""

_MASS_NOTE = (
    "orbitdc assumption: about half the per-GPU share of a DGX server once chassis, fans, "
    "power supplies and drives are removed (DGX B200: 142.4 kg / 8 GPUs = 17.8 kg; "
    "DGX H100 about 16 kg per GPU), scaled with chip power for other parts"
)

_H100_DS = "NVIDIA H100 Tensor Core GPU datasheet (2023), H100 SXM"
_B200_DS = "NVIDIA HGX B200 / DGX B200 specifications (2024)"
_TPU_DS = "Jouppi et al. (2023), ISCA '23; Google Cloud TPU v4 documentation"
_PROJ = (
    "orbitdc projection for a hypothetical cheap inference chip in the spirit of the seed "
    "documents' claims (AI5 'about 40x AI4', lowest cost per inference; AI6 for data centers); "
    "not a Tesla specification"
)


def _derived_price(inputs: Mapping[str, Spec]) -> float:
    v = {k: s.si() for k, s in inputs.items()}
    return float(
        chip_price_from_wafer(
            v["wafer_cost"],
            v["die_area"],
            v["yield_fraction"],
            wafer_diameter=v["wafer_diameter"],
            dies_per_package=v["dies_per_package"],
            packaging_cost=v["packaging_cost"],
            memory_cost=v["memory_cost"],
            test_cost=v["test_cost"],
            gross_margin=v["gross_margin"],
        )
    )


def _wafer(
    wafer_cost: Spec,
    die_area: float,
    yield_spec: Spec,
    memory_gb: float,
    memory_usd_per_gb: float,
    packaging: float,
    test: float,
) -> dict[str, Spec]:
    a = "orbitdc assumption"
    return {
        "wafer_cost": wafer_cost,
        "wafer_diameter": Spec(300.0, "mm", "SEMI M1 standard 300 mm wafer", "standard"),
        "die_area": Spec(die_area, "mm^2", f"{a}: large inference die below the 858 mm2 reticle limit", "assumption"),
        "yield_fraction": yield_spec,
        "dies_per_package": Spec(1.0, "", f"{a}: monolithic die", "assumption"),
        "packaging_cost": Spec(packaging, "USD", f"{a}: 2.5D package and assembly", "assumption"),
        "memory_cost": Spec(
            memory_gb * memory_usd_per_gb,
            "USD",
            f"{a}: {memory_gb:g} GB of stacked DRAM at {memory_usd_per_gb:g} USD/GB "
            "(HBM3E is reported at 10-20 USD/GB, 2024-2025)",
            "assumption",
        ),
        "test_cost": Spec(test, "USD", f"{a}: test and burn-in", "assumption"),
        "gross_margin": Spec(0.0, "", f"{a}: built for the operator's own use, no merchant margin", "assumption"),
    }


_N2_WAFER = Spec(
    30000.0,
    "USD",
    "press reports (China Times, DigiTimes 2025): TSMC N2 about 30,000 USD per "
    "wafer; applied to both AI6 variants so that only the yield differs",
    "claim",
)
_N3_WAFER = Spec(20000.0, "USD", "press reports (China Times 2025): TSMC N3 about 18,000-20,000 USD per wafer", "claim")

WAFER_INPUTS: dict[str, dict[str, Spec]] = {
    "ai5-projection": _wafer(
        _N3_WAFER,
        600.0,
        Spec(0.70, "", "orbitdc assumption: mature 3 nm-class yield", "assumption"),
        96.0,
        12.0,
        300.0,
        50.0,
    ),
    "ai6-sf2-projection": _wafer(
        _N2_WAFER,
        750.0,
        Spec(
            0.425,
            "",
            "seed documents: Samsung SF2 yield reported at 40-45 % (mid-point), applied to the whole die",
            "claim",
        ),
        144.0,
        12.0,
        400.0,
        75.0,
    ),
    "ai6-n2-projection": _wafer(
        _N2_WAFER,
        750.0,
        Spec(0.70, "", "seed documents: TSMC N2 yield reported above 70 %, applied to the whole die", "claim"),
        144.0,
        12.0,
        400.0,
        75.0,
    ),
}
"""Wafer-economics inputs of the hypothetical parts (chip_price is derived from these)."""


def _proj(value: float, unit: str, what: str) -> Spec:
    return Spec(value, unit, f"{_PROJ}: {what}", "projection")


def _price_spec(key: str) -> Spec:
    w = WAFER_INPUTS[key]
    return Spec(
        round(_derived_price(w), 2),
        "USD",
        f"derived with chip_price_from_wafer from WAFER_INPUTS[{key!r}] (wafer "
        f"{w['wafer_cost'].value:,.0f} USD, die {w['die_area'].value:g} mm2, yield "
        f"{w['yield_fraction'].value:g}, memory {w['memory_cost'].value:,.0f} USD)",
        "projection",
    )


ACCELERATORS: dict[str, dict[str, Spec]] = {
    "h100-sxm": {
        "chip_power": Spec(700.0, "W", f"{_H100_DS}: max TDP 700 W", "vendor"),
        "memory_bandwidth": Spec(3.35, "TB/s", f"{_H100_DS}: 3.35 TB/s HBM3", "vendor"),
        "memory": Spec(80.0, "GB", f"{_H100_DS}: 80 GB HBM3", "vendor"),
        "flops_16bit": Spec(989e12, "1/s", f"{_H100_DS}: BF16 1,979 TFLOPS with sparsity = 989 dense", "vendor"),
        "flops_8bit": Spec(1979e12, "1/s", f"{_H100_DS}: FP8 3,958 TFLOPS with sparsity = 1,979 dense", "vendor"),
        "chip_price": Spec(32500.0, "USD", "seed documents: an H100 costs 25,000-40,000 USD (mid-point)", "claim"),
        "mass_per_chip": Spec(8.0, "kg", _MASS_NOTE, "assumption"),
    },
    "b200": {
        "chip_power": Spec(1000.0, "W", f"{_B200_DS}: 1,000 W per GPU (HGX)", "vendor"),
        "memory_bandwidth": Spec(8.0, "TB/s", f"{_B200_DS}: 8 TB/s HBM3e", "vendor"),
        "memory": Spec(192.0, "GB", f"{_B200_DS}: 192 GB HBM3e (DGX B200 exposes 180 GB per GPU)", "vendor"),
        "flops_16bit": Spec(2.25e15, "1/s", f"{_B200_DS}: FP16/BF16 4.5 PFLOPS with sparsity = 2.25 dense", "vendor"),
        "flops_8bit": Spec(4.5e15, "1/s", f"{_B200_DS}: FP8 9 PFLOPS with sparsity = 4.5 dense", "vendor"),
        "chip_price": Spec(35000.0, "USD", "J. Huang, CNBC, 19 March 2024: 30,000-40,000 USD (mid-point)", "claim"),
        "mass_per_chip": Spec(10.0, "kg", _MASS_NOTE, "assumption"),
    },
    "tpu-v4": {
        "chip_power": Spec(192.0, "W", f"{_TPU_DS}: 192 W maximum", "vendor"),
        "memory_bandwidth": Spec(1.2, "TB/s", f"{_TPU_DS}: 1,200 GB/s HBM2", "vendor"),
        "memory": Spec(32.0, "GiB", f"{_TPU_DS}: 32 GiB HBM2", "vendor"),
        "flops_16bit": Spec(275e12, "1/s", f"{_TPU_DS}: 275 TFLOPS BF16 (no sparsity)", "vendor"),
        "flops_8bit": Spec(275e12, "1/s", f"{_TPU_DS}: 275 TOPS INT8 (no faster 8-bit path)", "vendor"),
        "chip_price": Spec(
            10000.0,
            "USD",
            "orbitdc assumption: Google does not sell TPUs; a price between the cheap projections and merchant GPUs",
            "assumption",
        ),
        "mass_per_chip": Spec(3.0, "kg", _MASS_NOTE, "assumption"),
    },
    "ai5-projection": {
        "chip_power": _proj(400.0, "W", "board power"),
        "memory_bandwidth": _proj(3.0, "TB/s", "about H100-class bandwidth"),
        "memory": _proj(96.0, "GB", "stacked DRAM"),
        "flops_16bit": _proj(1.0e15, "1/s", "about H100-class 16-bit throughput"),
        "flops_8bit": _proj(2.0e15, "1/s", "about H100-class 8-bit throughput"),
        "chip_price": _price_spec("ai5-projection"),
        "mass_per_chip": Spec(4.0, "kg", _MASS_NOTE, "assumption"),
    },
    "ai6-sf2-projection": {
        "chip_power": _proj(700.0, "W", "board power"),
        "memory_bandwidth": _proj(6.0, "TB/s", "between H100 and B200"),
        "memory": _proj(144.0, "GB", "stacked DRAM"),
        "flops_16bit": _proj(2.0e15, "1/s", "about B200-class 16-bit throughput"),
        "flops_8bit": _proj(4.0e15, "1/s", "about B200-class 8-bit throughput"),
        "chip_price": _price_spec("ai6-sf2-projection"),
        "mass_per_chip": Spec(8.0, "kg", _MASS_NOTE, "assumption"),
    },
    "ai6-n2-projection": {
        "chip_power": _proj(700.0, "W", "board power (same design as ai6-sf2-projection)"),
        "memory_bandwidth": _proj(6.0, "TB/s", "same design as ai6-sf2-projection"),
        "memory": _proj(144.0, "GB", "same design as ai6-sf2-projection"),
        "flops_16bit": _proj(2.0e15, "1/s", "same design as ai6-sf2-projection"),
        "flops_8bit": _proj(4.0e15, "1/s", "same design as ai6-sf2-projection"),
        "chip_price": _price_spec("ai6-n2-projection"),
        "mass_per_chip": Spec(8.0, "kg", _MASS_NOTE, "assumption"),
    },
    CUSTOM: {
        "chip_power": Spec(700.0, "W", "user-defined part: starting value (H100 SXM), edit it", "assumption"),
        "memory_bandwidth": Spec(3.35, "TB/s", "user-defined part: starting value (H100 SXM)", "assumption"),
        "memory": Spec(80.0, "GB", "user-defined part: starting value (H100 SXM)", "assumption"),
        "flops_16bit": Spec(989e12, "1/s", "user-defined part: starting value (H100 SXM)", "assumption"),
        "flops_8bit": Spec(1979e12, "1/s", "user-defined part: starting value (H100 SXM)", "assumption"),
        "chip_price": Spec(32500.0, "USD", "user-defined part: starting value (H100 SXM)", "assumption"),
        "mass_per_chip": Spec(8.0, "kg", "user-defined part: starting value (H100 SXM)", "assumption"),
    },
}
"""The catalog: ``{part: {figure: Spec}}`` with the figures listed in :data:`FIELDS`."""

DESCRIPTIONS: dict[str, str] = {
    "h100-sxm": "NVIDIA H100 SXM (Hopper, 2022): the seed documents' reference GPU",
    "b200": "NVIDIA B200 (Blackwell, 2024-2025), HGX 1,000 W configuration",
    "tpu-v4": "Google TPU v4 (2021), the TPU generation with a published power figure",
    "ai5-projection": "Hypothetical AI5-class inference chip (projection; price from wafer economics, N3-class)",
    "ai6-sf2-projection": "Hypothetical AI6-class chip on Samsung SF2 at the reported 40-45 % yield (projection)",
    "ai6-n2-projection": "The same AI6-class chip at the > 70 % yield reported for TSMC N2 (projection)",
    CUSTOM: "User-defined part: set the numbers yourself",
}


def si_value(part: str, figure: str) -> float:
    """SI value of one catalog figure (W, bit/s, bit, 1/s, USD, kg)."""
    return ACCELERATORS[part][figure].si()


def spec_table() -> list[dict]:
    """The catalog as rows ``{part, figure, value, unit, source, kind}`` (for docs and the app)."""
    rows = []
    for part, specs in ACCELERATORS.items():
        for fig, s in specs.items():
            rows.append(dict(part=part, figure=fig, value=s.value, unit=s.unit, source=s.source, kind=s.kind))
    return rows
