"""Arguments of the studies: the base scenario, field specs, output keys, units and checks.

Inputs arrive in each field's unit (pint quantities and unit strings too) and are checked
against the field's bounds here, before any stage runs; outputs are converted to their
display units for the result datasets.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ScenarioError

ORBITAL = "cost_per_million_tokens.orbital"
"""Output key of the orbital cost per million tokens [USD]."""

BASELINES = ("terrestrial", "fleet")
"""Baseline architectures (``cost_per_million_tokens.<name>``)."""

DEFAULT_OUTPUTS = (
    "cost_per_million_tokens.orbital",
    "cost_per_million_tokens.terrestrial",
    "cost_per_million_tokens.fleet",
    "thermal.radiator_area",
    "power.array_area",
    "launch.satellite_mass",
    "launch.mass_per_kw",
    "compute.tokens_per_second",
)
"""Outputs reported when the caller names none (those the pipeline provides)."""


MEMORY_BUDGET = 4 * 2**30
"""Largest memory [bytes] a study may plan to hold (4 GiB): :func:`monte_carlo` with kept
samples, :func:`sweep`, :func:`sobol_indices` and :func:`breakeven_map` refuse larger sizes
with a ScenarioError before allocating anything.  Streaming Monte Carlo
(``keep_samples=False``) holds one chunk at a time and is not limited in ``n``.  Raise it for
a bigger machine: ``orbitdc.studies.inputs.MEMORY_BUDGET = 64 * 2**30``."""

_BYTES_PER_VALUE = 16
"""Bytes planned per stored value: the float64 result and its display-unit copy."""


def _check_memory(name: str, value: Any, n_values: float, what: str) -> None:
    """Refuse a study that would hold more than :data:`MEMORY_BUDGET` (ScenarioError on ``name``)."""
    need = float(n_values) * _BYTES_PER_VALUE
    if need > MEMORY_BUDGET:
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            allowed = f"<= {int(value * MEMORY_BUDGET / need)}"
        else:
            allowed = "a smaller size"
        raise ScenarioError(
            name,
            value,
            allowed,
            f"{what} would need about {need / 2**30:.3g} GiB of memory, beyond the study memory budget of "
            f"{MEMORY_BUDGET / 2**30:g} GiB (orbitdc.studies.MEMORY_BUDGET)",
        )


# ============================================================================ helpers


def _scenario(scenario: Any):
    """Normalise a study's scenario argument into a Scenario."""
    from ..scenario import Scenario

    if scenario is None:
        return Scenario()
    if isinstance(scenario, Scenario):
        return scenario
    if isinstance(scenario, str):
        from pathlib import Path

        if scenario.endswith(".toml") or "\n" in scenario:
            return Scenario.from_toml(Path(scenario) if Path(scenario).is_file() else scenario)
        from .. import presets

        return presets.load(scenario)
    if isinstance(scenario, Mapping):
        return Scenario(scenario)
    raise ScenarioError(
        "scenario", repr(scenario)[:60], "a Scenario, a preset name, a TOML file or a mapping", "unsupported type"
    )


def _outputs_registry() -> dict:
    from ..model import outputs

    return outputs()


def _resolve_outputs(outputs: Any, *, required: Sequence[str] = ()) -> list[str]:
    """Output keys to report; ScenarioError with a suggestion for unknown ones."""
    reg = _outputs_registry()
    if outputs is None:
        keys = [k for k in DEFAULT_OUTPUTS if k in reg] or list(reg)
    elif isinstance(outputs, str) and outputs == "all":
        keys = list(reg)
    else:
        if isinstance(outputs, Mapping) or not isinstance(outputs, (str, Iterable)):
            raise ScenarioError("outputs", repr(outputs)[:60], "an output key or a sequence of keys", "not a key list")
        keys = [outputs] if isinstance(outputs, str) else list(outputs)
        for k in keys:
            if not isinstance(k, str):
                raise ScenarioError("outputs", repr(k)[:60], "output keys (text)", "an output key is a string")
        if not keys:
            raise ScenarioError("outputs", [], "at least one output key", "nothing to compute")
        for k in keys:
            if k not in reg:
                near = difflib.get_close_matches(k, list(reg), n=1, cutoff=0.5)
                hint = f"did you mean {near[0]!r}?" if near else "see orbitdc.model.outputs()"
                raise ScenarioError("outputs", k, "a pipeline output key", f"unknown output; {hint}")
    for k in required:
        if k not in keys and k in reg:
            keys.append(k)
    return list(dict.fromkeys(keys))


def _display(key: str) -> tuple[str, float, float]:
    """(display unit, scale, offset) of an output: display = (si - offset) / scale."""
    from ..units import si_unit_of

    spec = _outputs_registry()[key]
    _, scale, offset = si_unit_of(spec.unit)
    return spec.unit, scale, offset


def _to_display(key: str, si: np.ndarray) -> np.ndarray:
    unit, scale, offset = _display(key)
    arr = np.asarray(si, dtype=float)
    if scale == 1.0 and offset == 0.0:
        return arr
    return (arr - offset) / scale


def _output_attrs(key: str) -> dict:
    spec = _outputs_registry()[key]
    attrs = {"units": spec.unit, "long_name": spec.doc}
    if spec.labels:
        codes = sorted(spec.labels)
        attrs["flag_values"] = ", ".join(str(c) for c in codes)
        attrs["flag_meanings"] = " ".join(str(spec.labels[c]).replace(" ", "_") for c in codes)
    return attrs


def _field_attrs(key: str, f) -> dict:
    attrs = {"units": f.unit, "long_name": f.doc}
    if f.source:
        attrs["source"] = f.source
    return attrs


def _spec(key: str):
    from ..scenario import field_spec

    if not isinstance(key, str):
        raise ScenarioError("field", repr(key), "a dotted field key such as 'orbit.altitude'", "not a string")
    return field_spec(key)


def _to_unit_values(key: str, f, values: Any) -> np.ndarray:
    """Read numbers, quantities or unit strings as a 1-D float array in the field's unit."""
    from ..units import UnitParseError, _is_quantity, parse_quantity

    try:
        if _is_quantity(values):
            arr = np.atleast_1d(np.asarray(parse_quantity(values, f.unit).magnitude, dtype=float))
        elif isinstance(values, str):
            arr = np.atleast_1d(float(parse_quantity(values, f.unit).magnitude))
        else:
            seq = (
                values if isinstance(values, np.ndarray) else list(values) if isinstance(values, Iterable) else [values]
            )
            if isinstance(seq, np.ndarray) and seq.dtype.kind in "fiu":
                arr = np.atleast_1d(seq.astype(float))
            else:
                arr = np.array(
                    [
                        float(parse_quantity(v, f.unit).magnitude)
                        if isinstance(v, str) or _is_quantity(v)
                        else _as_float(key, v)
                        for v in seq
                    ],
                    dtype=float,
                )
    except UnitParseError as exc:
        raise ScenarioError(key, str(values)[:60], f.allowed_text(), str(exc)) from None
    if arr.ndim != 1:
        raise ScenarioError(
            key, f"array of shape {arr.shape}", "a 1-D sequence of values", "grids are given per field as 1-D sequences"
        )
    return arr


def _as_float(key: str, v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise ScenarioError(key, repr(v)[:60], "a number or a quantity", "not a number")
    return float(v)


def _check_values(key: str, f, arr: np.ndarray) -> None:
    if arr.size == 0:
        raise ScenarioError(key, "[]", "at least one value", "an empty grid has nothing to evaluate")
    f.check(key, arr)


def _si_scale(f) -> tuple[float, float]:
    _, scale, offset = f.si
    return scale, offset


def _check_percentiles(percentiles: Any) -> np.ndarray:
    """Percentiles in [0, 100] as a float array (ScenarioError on ``percentiles``)."""
    bad = ScenarioError(
        "percentiles", repr(percentiles)[:60], "a sequence of numbers in [0, 100]", "a percentile is between 0 and 100"
    )
    if isinstance(percentiles, (str, bytes, Mapping)) or not isinstance(percentiles, Iterable):
        raise bad
    items = list(percentiles)
    if not items or any(isinstance(q, bool) or not isinstance(q, numbers.Real) for q in items):
        raise bad
    qs = np.asarray(items, dtype=float)
    if qs.ndim != 1 or np.any(~np.isfinite(qs)) or np.any((qs < 0) | (qs > 100)):
        raise bad
    return qs


def _check_n(name: str, n: Any, minimum: int = 1) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Real) or not math.isfinite(float(n)) or float(n) != int(n):
        raise ScenarioError(name, n, f"a whole number >= {minimum}", "a sample count is a whole number")
    if int(n) < minimum:
        raise ScenarioError(name, n, f">= {minimum}", "a study needs at least that many samples")
    return int(n)


def _check_seed(seed: Any) -> int:
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or int(seed) < 0:
        raise ScenarioError(
            "seed", seed, "a non-negative integer (or None for fresh entropy)", "seeds make studies reproducible"
        )
    return int(seed)
