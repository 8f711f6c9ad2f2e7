"""The search space of the optimiser: design variables, their ranges and the default set.

A :class:`Variable` is one design field of a search (a real or integer range, searched on a log
scale when it spans more than a factor of 10, or a set of options); :func:`design_variables`
lists every design field of a scenario (:attr:`orbitdc.schema.Field.role`) with its search
range; :func:`_default_sections` narrows the default search to the sections that can move the
outputs asked for.  Used by :func:`orbitdc.studies.optimizer.optimize` and
:func:`orbitdc.studies.pareto_front.pareto`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError

_LOG_RATIO = 10.0  # real ranges wider than this factor (low > 0) are searched in log space


_RANK = {"measurement": 0, "standard": 0, "vendor": 0, "assumption": 1, "projection": 2, "claim": 3}


@dataclass(frozen=True)
class Variable:
    """One design variable of a search.

    ``kind`` is ``"real"``, ``"int"`` or ``"choice"``; ``low``/``high`` are in the field's
    unit (real and int), ``options`` the values of a choice (names, booleans or numbers in
    the field's unit).
    """

    key: str
    kind: str
    low: float = 0.0
    high: float = 0.0
    options: tuple = ()
    log: bool = False

    @property
    def bounds(self) -> tuple[float, float]:
        """Bounds of the search coordinate (log10 of the value for log variables)."""
        if self.kind == "choice":
            return 0.0, float(len(self.options) - 1)
        if self.log:
            return math.log10(self.low), math.log10(self.high)
        return float(self.low), float(self.high)

    def describe(self) -> str:
        if self.kind == "choice":
            return f"{self.key} in {{{', '.join(str(o) for o in self.options)}}}"
        return (
            f"{self.key} in [{self.low:g}, {self.high:g}]"
            + (" (integer)" if self.kind == "int" else "")
            + (" (log)" if self.log else "")
        )


def _unlog(v: Variable, col: np.ndarray) -> np.ndarray:
    """Values of a log-scaled variable, exactly at its bounds where the coordinate is."""
    lo, hi = v.bounds
    return np.where(col <= lo, v.low, np.where(col >= hi, v.high, np.clip(10.0**col, v.low, v.high)))


def _spec(key: str):
    from ..scenario import field_spec

    if not isinstance(key, str):
        raise ScenarioError("variables", repr(key), "a dotted field key such as 'orbit.altitude'", "not a string")
    return field_spec(key)


def _num_in_unit(key: str, f, v: Any) -> float:
    from ..units import UnitParseError, parse_quantity

    if isinstance(v, bool) or not isinstance(v, (numbers.Real, str)) and not hasattr(v, "magnitude"):
        raise ScenarioError(key, repr(v)[:60], f.allowed_text(), "a bound is a number, a quantity or a unit string")
    try:
        x = float(parse_quantity(v, f.unit).magnitude)
    except UnitParseError as exc:
        raise ScenarioError(key, v, f.allowed_text(), str(exc)) from None
    f.check(key, x)
    return x


def _variable(key: str, spec: Any) -> Variable:
    """Read one entry of ``variables``: ``(low, high)`` for a range, a list for choices."""
    f = _spec(key)
    if f.is_choice or f.is_bool or isinstance(spec, list):
        opts = list(spec) if isinstance(spec, (list, tuple)) else [spec]
        if not opts:
            raise ScenarioError(key, "[]", f.allowed_text(), "a choice variable needs at least one option")
        if f.is_choice or f.is_bool:
            for o in opts:
                f.check(key, o)
            opts = [bool(o) if f.is_bool else o for o in opts]
        else:
            opts = [_num_in_unit(key, f, o) for o in opts]
            if f.integer:
                opts = [int(round(o)) for o in opts]
        opts = list(dict.fromkeys(opts))
        return Variable(key, "choice", options=tuple(opts))
    if not (isinstance(spec, tuple) and len(spec) == 2):
        raise ScenarioError(
            key,
            repr(spec)[:60],
            "(low, high) for a range or [a, b, ...] for options",
            "a variable is a range or a list of options",
        )
    lo, hi = (_num_in_unit(key, f, v) for v in spec)
    if not lo < hi:
        raise ScenarioError(key, f"({lo:g}, {hi:g})", "low < high", "an empty range has nothing to search")
    if f.integer:
        lo, hi = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)
        if lo > hi:
            raise ScenarioError(key, f"({spec[0]}, {spec[1]})", "a range holding a whole number", "integer field")
        if lo == hi:
            return Variable(key, "choice", options=(int(lo),))
        return Variable(key, "int", lo, hi)
    log = lo > 0 and hi / lo > _LOG_RATIO
    return Variable(key, "real", lo, hi, log=log)


def _choice_rank(key: str, option: str) -> int:
    """How speculative a choice option's catalog figures are (see the module docstring)."""
    if key == "launch.vehicle":
        from ..physics.launch import VEHICLES

        v = VEHICLES.get(option)
        return _RANK.get(v.provenance.get("price", ("claim",))[0], 3) if v is not None else 3
    if key == "compute.accelerator":
        from ..physics.accelerators import ACCELERATORS

        d = ACCELERATORS.get(option) or {}
        kinds = [
            s.kind for name, s in d.items() if name in ("chip_power", "memory_bandwidth", "flops_8bit", "flops_16bit")
        ]
        return max((_RANK.get(k, 3) for k in kinds), default=3)
    return 0


def design_variables(scenario: Any = None, *, include: Sequence[str] | None = None) -> dict[str, Any]:
    """The default search box: every design field of the scenario over its declared range.

    Numeric design fields range over :meth:`Field.default_range` (the declared spread, else
    the slider range, else the bounds); choice fields over their named options ('custom'
    excluded, since it means "keep my numbers"), the launch vehicle and accelerator only
    among options no more speculative than the scenario's own (module docstring).

    Parameters
    ----------
    scenario : Scenario, preset name or None
    include : sequence of str, optional
        Only these sections (e.g. ``["baselines"]``).

    Returns
    -------
    dict
        ``{field: (low, high) or [options]}``, ready for :func:`optimize`.
    """
    from ..scenario import sections

    scn = _scenario(scenario)
    out: dict[str, Any] = {}
    for sec in sections().values():
        if include is not None and sec.name not in include:
            continue
        for f in sec.fields:
            if f.role != "design":
                continue
            key = f"{sec.name}.{f.name}"
            if f.is_choice:
                cur = scn.raw(key)
                limit = _choice_rank(key, cur)
                opts = [c for c in f.choices if (c != "custom" or c == cur) and _choice_rank(key, c) <= limit]
                if cur not in opts:
                    opts.append(cur)
                if len(opts) > 1:
                    out[key] = opts
            elif f.is_bool:
                out[key] = [False, True]
            else:
                r = f.default_range(1e-6)
                if r is not None and r[0] < r[1]:
                    out[key] = (float(r[0]), float(r[1]))
    return out


def _scenario(scenario: Any):
    from .inputs import _scenario as norm

    return norm(scenario)


_GROUND_WORDS = ("terrestrial", "ground", "fleet", "ratio", "breakeven", "baseline")


_GROUND_SECTIONS = ("compute", "workload", "power", "finance", "baselines")


def _default_sections(keys: Sequence[str]) -> tuple[str, ...] | None:
    """Sections whose design fields can move these outputs (None: all).

    Orbital outputs never read the ground's design (``baselines``); the ground's and the
    fleet's costs read only the shared chips and workload, finance and their own section.
    """
    from ..scenario import sections

    ground = [any(w in k for w in _GROUND_WORDS) for k in keys]
    if not any(ground):
        return tuple(s for s in sections() if s != "baselines")
    if all(ground) and all(
        k.startswith(("cost_per_million_tokens.terrestrial", "cost_per_million_tokens.fleet", "baselines."))
        for k in keys
    ):
        return _GROUND_SECTIONS
    return None
