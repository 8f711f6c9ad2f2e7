"""Pipeline module ``radiation``: the orbit's radiation environment and what it does to the chips.

Runs right after ``orbit``.  From the altitude, the inclination (sun-synchronous orbits use
the J2 inclination the orbit stage wrote), the solar-cycle phase and the shielding areal
density around the electronics (``launch.shielding_areal_density``, whose mass the launch
stage adds to the satellite) it writes:

* the total ionising dose per year in silicon: trapped electrons and protons (AE8/AP8,
  orbit-averaged table), galactic cosmic rays and solar particle events
  (:mod:`orbitdc.physics.radiation`);
* the single-event rates per accelerator: upsets that abort a batch (``restart_rate``),
  the silent share of them (``sdc_rate``) and destructive events (``failure_rate``), each a
  per-device cross-section times the flux of protons reaching the die above 30 MeV plus a
  heavy-ion term;
* the dose life: the cumulative dose limit over the dose rate times the design margin.

The compute stage (:func:`orbitdc.sections.compute.orbital_rates`) adds ``failure_rate``
to the base ``compute.failure_rate`` of every architecture, uses ``restart_rate`` for the
orbit's radiation upsets (a scenario that sets the retired ``compute.soft_error_rate`` loads with a warning and without it), and ends the
chips' service life at ``dose_life``.  None of it applies to the ground or the car fleet:
at sea level the atmosphere is a 10,000 kg/m2 shield.

Calibration (Google Project Suncatcher, Agüera y Arcas et al. 2025, arXiv:2511.19468):
Trillium (v6e) TPUs in a 67 MeV proton beam showed HBM irregularities from about 2 krad(Si)
(20 Gy) and no hard failure up to 15 krad(Si) (150 Gy).  The per-gray rates here are
converted to per-device cross-sections at 67 MeV.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import JULIAN_YEAR as _YEAR
from ..physics import radiation as rad
from ..schema import _FLOAT_ONLY, Field, Output, Section
from ..schema import as_output as _f

__all__ = ["SECTIONS", "OUTPUTS", "stage", "BEAM_ENERGY"]

BEAM_ENERGY = 67.0  # MeV, the Suncatcher proton beam (UC Davis Crocker Nuclear Laboratory)

SECTIONS = (
    Section(
        "radiation",
        "Radiation: environment and effects on the accelerators",
        "Trapped electrons and protons (NASA AE8/AP8), galactic cosmic rays and solar particle "
        "events along the orbit; total ionising dose behind the shielding; single-event upsets, "
        "silent data corruption and destructive events per accelerator; the dose life.",
        (
            Field(
                "solar_phase",
                "",
                0.5,
                "Solar-cycle phase averaged over the mission: 0 = solar minimum, 1 = maximum "
                "(mixes AE8/AP8 MIN and MAX; GCR is lower and solar events more frequent at maximum)",
                source="assumption: a 5-year mission spans about half an 11-year cycle",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="the phase runs from solar minimum (0) to solar maximum (1)",
                spread=(0.0, 1.0),
            ),
            Field(
                "dose_limit",
                "Gy",
                150.0,
                "Total ionising dose in silicon an accelerator survives (ends its service life)",
                source="Google Project Suncatcher (arXiv:2511.19468, 2025): no hard failure of Trillium "
                "TPUs up to 15 krad(Si) = 150 Gy in 67 MeV protons; HBM irregularities from about "
                "2 krad(Si) = 20 Gy (the low end of the spread)",
                kind="measurement",
                low=0.0,
                low_open=True,
                high=1e5,
                reason="a dose limit is positive; 10 MGy is far beyond any silicon",
                spread=(20.0, 500.0),
            ),
            Field(
                "design_margin",
                "",
                2.0,
                "Radiation design margin on total dose: the dose life is dose_limit / (margin x dose rate)",
                source="ECSS-Q-ST-60-15C (2012), Radiation hardness assurance of EEE components: a "
                "radiation design margin of at least 2 on total ionising dose",
                kind="standard",
                low=1.0,
                high=10.0,
                reason="a margin is at least 1 (none) and above 10 no design would close",
                spread=(1.0, 3.0),
            ),
            Field(
                "upsets_per_gray",
                "1/Gy",
                10.0,
                "Batch-aborting upsets (uncorrectable memory errors, functional interrupts) per "
                "accelerator per gray of 67 MeV protons (sets the proton upset cross-section)",
                source="assumption (order of magnitude): Suncatcher's proton tests report HBM "
                "uncorrectable-error irregularities per rad of dose; 0.1 per rad(Si) = 10 per Gy, "
                "spread 1-100 per Gy",
                kind="assumption",
                low=0.0,
                high=1e6,
                reason="a rate per dose is not negative",
                spread=(1.0, 100.0),
            ),
            Field(
                "sdc_fraction",
                "",
                0.1,
                "Share of upsets that corrupt results silently instead of aborting (reported, "
                "their work is re-done like an abort's)",
                source="assumption: ECC and checks catch most upsets; field studies of silent data "
                "corruption (Dixit et al. 2021, arXiv:2102.11245) find it rare but present",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a share lies between 0 and 1",
                spread=(0.01, 0.3),
            ),
            Field(
                "hard_failures_per_gray",
                "1/Gy",
                0.005,
                "Destructive single events (latch-up, burn-out) per accelerator per gray of 67 MeV protons",
                source="Suncatcher (arXiv:2511.19468): no hard failure up to 150 Gy; one per 200 Gy is "
                "consistent with that (P(0 events) = 47 %); spread 0-0.02 per Gy",
                kind="assumption",
                low=0.0,
                high=1e3,
                reason="a rate per dose is not negative",
                spread=(0.0, 0.02),
            ),
            Field(
                "gcr_upset_rate",
                "1/day",
                0.01,
                "Heavy-ion (galactic cosmic ray) upsets per accelerator per day in a polar orbit "
                "(scaled by geomagnetic exposure and solar phase)",
                source="assumption (order of magnitude): single-event functional interrupt rates of "
                "commercial processors and DRAM in polar LEO, about 1e-3 to 1e-1 per device-day "
                "(NASA GSFC REAG test reports; CREME96 rate method)",
                kind="assumption",
                low=0.0,
                high=1e4,
                reason="a rate is not negative",
                spread=(0.001, 0.1),
            ),
            Field(
                "gcr_failure_rate",
                "1/yr",
                0.005,
                "Destructive heavy-ion events per accelerator per year in a polar orbit",
                source="assumption: advanced-node bulk CMOS is largely latch-up resistant; 0.5 %/yr, spread 0-3 %/yr",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason="a rate is not negative",
                spread=(0.0, 0.03),
            ),
        ),
    ),
)

OUTPUTS = (
    Output("radiation.dose_rate", "Gy/yr", "Total ionising dose in silicon per year behind the shielding"),
    Output("radiation.dose_rate_trapped", "Gy/yr", "Dose per year from trapped electrons and protons (AE8/AP8)"),
    Output("radiation.dose_rate_gcr", "Gy/yr", "Dose per year from galactic cosmic rays"),
    Output("radiation.dose_rate_spe", "Gy/yr", "Dose per year from solar particle events (year average)"),
    Output(
        "radiation.proton_flux_30mev",
        "1/(cm^2*s)",
        "Orbit-averaged trapped-proton flux reaching the die above 30 MeV (behind the shielding)",
    ),
    Output("radiation.restart_rate", "1/day", "Radiation upsets per accelerator per day (abort the batch)"),
    Output("radiation.sdc_rate", "1/day", "Silent data corruptions per accelerator per day (share of the upsets)"),
    Output("radiation.failure_rate", "1/yr", "Destructive radiation events per accelerator per year"),
    Output("radiation.dose_life", "yr", "Years until the dose limit is reached, with the design margin"),
)

READS: tuple[str, ...] = (
    "launch.shielding_areal_density",
    "orbit.altitude",
    "orbit.inclination",
    "radiation.design_margin",
    "radiation.dose_limit",
    "radiation.gcr_failure_rate",
    "radiation.gcr_upset_rate",
    "radiation.hard_failures_per_gray",
    "radiation.sdc_fraction",
    "radiation.solar_phase",
    "radiation.upsets_per_gray",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


def _a(p: Mapping[str, Any], key: str) -> np.ndarray:
    return np.asarray(p[key], dtype=float)


@functools.lru_cache(maxsize=1)
def _k67() -> float:
    """Dose per unit fluence of the 67 MeV test beam in silicon [Gy cm2] (a constant)."""
    return float(rad.dose_per_fluence("p", BEAM_ENERGY, 0.0))


def _environment(h, inc, sigma, s):
    """(trapped, GCR, SPE dose rates [Gy/s], penetrating proton flux [1/(cm2 s)], GCR exposure
    g(i)); table lookups in one pass (:func:`orbitdc.physics.radiation.environment`)."""
    return rad.environment(h, inc, sigma, s)


_CACHE: dict = {}
_CACHE_MAX = 4096
_SCALAR_KEYS = (
    "launch.shielding_areal_density",
    "radiation.solar_phase",
    "radiation.upsets_per_gray",
    "radiation.hard_failures_per_gray",
    "radiation.gcr_upset_rate",
    "radiation.gcr_failure_rate",
    "radiation.sdc_fraction",
    "radiation.design_margin",
    "radiation.dose_limit",
)

_scalar_inputs = operator.itemgetter(*_SCALAR_KEYS)


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Write the ``radiation.*`` outputs (SI) from the orbit and the shielding.

    A single scenario (every input a Python float) is computed on floats
    (:func:`_stage_scalar`) and cached on its inputs, like the orbit stage, so re-evaluating a
    scenario whose orbit and radiation inputs did not change costs a dictionary lookup.
    """
    key = (out["orbit.altitude"], out["orbit.inclination"]) + _scalar_inputs(p)
    if set(map(type, key)) == _FLOAT_ONLY:
        hit = _CACHE.get(key)
        if hit is None:
            hit = {}
            _stage_scalar(p, out, hit)
            if len(_CACHE) >= _CACHE_MAX:
                _CACHE.clear()
            _CACHE[key] = hit
        out.update(hit)
        return
    _stage(p, out, out)


def _stage(p: Mapping[str, Any], out: Mapping[str, Any], res: dict) -> None:
    h = _a(out, "orbit.altitude")
    inc = _a(out, "orbit.inclination")
    sigma = _a(p, "launch.shielding_areal_density")
    s = _a(p, "radiation.solar_phase")
    d_trap, d_gcr, d_spe, phi, g = _environment(h, inc, sigma, s)
    dose = d_trap + d_gcr + d_spe
    k67 = _k67()  # Gy cm2 per proton at 67 MeV
    sig_upset = _a(p, "radiation.upsets_per_gray") * k67
    sig_hard = _a(p, "radiation.hard_failures_per_gray") * k67
    upset = rad.single_event_rate(phi, sig_upset, _a(p, "radiation.gcr_upset_rate"), inc, s, exposure=g)
    fail = rad.single_event_rate(phi, sig_hard, _a(p, "radiation.gcr_failure_rate"), inc, s, exposure=g)
    res["radiation.dose_rate"] = _f(dose)
    res["radiation.dose_rate_trapped"] = _f(d_trap)
    res["radiation.dose_rate_gcr"] = _f(d_gcr)
    res["radiation.dose_rate_spe"] = _f(d_spe)
    res["radiation.proton_flux_30mev"] = _f(phi * 1e4)  # 1/(cm2 s) -> 1/(m2 s)
    res["radiation.restart_rate"] = _f(upset)
    res["radiation.sdc_rate"] = _f(upset * _a(p, "radiation.sdc_fraction"))
    res["radiation.failure_rate"] = _f(fail)
    res["radiation.dose_life"] = _f(
        rad.dose_life(dose * _a(p, "radiation.design_margin"), _a(p, "radiation.dose_limit"))
    )


def _stage_scalar(p: Mapping[str, Any], out: Mapping[str, Any], res: dict) -> None:
    """:func:`_stage` of one scenario (every input a Python float): the same formulas on floats
    (:func:`orbitdc.physics.radiation.environment_scalar`, then :func:`single_event_rate` and
    :func:`dose_life` written out), within 1e-12 of the array path (``tests/test_scalar_path.py``)."""
    inc = out["orbit.inclination"]
    s = p["radiation.solar_phase"]
    d_trap, d_gcr, d_spe, phi, g = rad.environment_scalar(
        out["orbit.altitude"], inc, p["launch.shielding_areal_density"], s
    )
    dose = d_trap + d_gcr + d_spe
    k67 = _k67()
    gq, cycle = g / _g_polar(), 1.2 - 0.4 * s  # single_event_rate's heavy-ion factors
    upset = p["radiation.upsets_per_gray"] * k67 * phi + p["radiation.gcr_upset_rate"] * gq * cycle
    fail = p["radiation.hard_failures_per_gray"] * k67 * phi + p["radiation.gcr_failure_rate"] * gq * cycle
    res["radiation.dose_rate"] = dose
    res["radiation.dose_rate_trapped"] = d_trap
    res["radiation.dose_rate_gcr"] = d_gcr
    res["radiation.dose_rate_spe"] = d_spe
    res["radiation.proton_flux_30mev"] = phi * 1e4  # 1/(cm2 s) -> 1/(m2 s)
    res["radiation.restart_rate"] = upset
    res["radiation.sdc_rate"] = upset * p["radiation.sdc_fraction"]
    res["radiation.failure_rate"] = fail
    rate = dose * p["radiation.design_margin"]
    res["radiation.dose_life"] = p["radiation.dose_limit"] / rate if rate > 0 else math.inf


@functools.lru_cache(maxsize=1)
def _g_polar() -> float:
    """:math:`g(90^\\circ)`, the GCR exposure of a polar orbit (:func:`single_event_rate`'s reference)."""
    return rad._gcr_shape_at(math.pi / 2)


def dose_vs_altitude(altitudes_km, inclination_deg: float, shielding_kg_m2, solar_phase: float = 0.5) -> np.ndarray:
    """Total dose per year [Gy/yr] on a grid ``altitudes_km x shielding_kg_m2`` (for tables and charts).

    Trapped + GCR + SPE, the same kernels as :func:`stage`; rows are altitudes, columns shielding.
    """
    h = np.asarray(altitudes_km, float)[:, None] * 1e3
    sig = np.asarray(shielding_kg_m2, float)[None, :]
    inc = math.radians(inclination_deg)
    d = rad.dose_rate_trapped(h, inc, sig, solar_phase) + rad.dose_rate_gcr(inc, solar_phase)
    d = d + rad.spe_dose_rate(np.full(np.broadcast_shapes(h.shape, sig.shape), inc), sig + 0 * h, solar_phase)
    return d * _YEAR
