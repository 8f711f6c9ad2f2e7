"""Objectives and constraints of a design search: which pipeline outputs, which sense, which limits.

An objective is an output key, optionally ``"max:KEY"`` or ``(KEY, "max")``; a constraint is
``"KEY<=VALUE"``, ``(KEY, "<=", VALUE)`` or ``(KEY, VALUE)``, the limit in the output's display
unit (a number or a quantity).  Unknown keys are refused with the nearest known one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError

ORBITAL = "cost_per_million_tokens.orbital"


TERRESTRIAL = "cost_per_million_tokens.terrestrial"


@dataclass(frozen=True)
class Constraint:
    """``output <= limit`` or ``output >= limit``, the limit in the output's display unit."""

    key: str
    op: str
    limit: float

    def describe(self, unit: str = "") -> str:
        return f"{self.key} {self.op} {self.limit:g}" + (f" {unit}" if unit else "")


_CONSTRAINT_RE = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(<=|>=|<|>|=<|=>)\s*(.+?)\s*$")


def _outputs():
    from ..model import outputs

    return outputs()


def _output_key(key: Any, what: str) -> str:
    import difflib

    reg = _outputs()
    if not isinstance(key, str) or key not in reg:
        near = difflib.get_close_matches(str(key), list(reg), n=1, cutoff=0.5)
        hint = f"did you mean {near[0]!r}?" if near else "see orbitdc.model.outputs()"
        raise ScenarioError(what, key, "a pipeline output key", f"unknown output; {hint}")
    return key


def _limit(key: str, value: Any) -> float:
    """A constraint limit in the output's display unit (number, quantity or unit string)."""
    from ..units import UnitParseError, parse_quantity

    unit = _outputs()[key].unit
    try:
        x = float(parse_quantity(value.strip() if isinstance(value, str) else value, unit).magnitude)
    except (UnitParseError, ValueError, TypeError) as exc:
        raise ScenarioError(
            "constraints", f"{key} {value}", f"a number in {unit or 'the output unit'} or a quantity", str(exc)
        ) from None
    if not math.isfinite(x):
        raise ScenarioError("constraints", f"{key} {value}", "a finite limit", "NaN or infinity is no limit")
    return x


def _constraint(c: Any) -> Constraint:
    """Read ``"KEY<=VALUE"``, ``(KEY, "<=", VALUE)`` or ``(KEY, VALUE)`` (meaning <=)."""
    if isinstance(c, Constraint):
        return c
    if isinstance(c, str):
        m = _CONSTRAINT_RE.match(c)
        if not m:
            raise ScenarioError("constraints", c, "'KEY<=VALUE' or 'KEY>=VALUE'", "cannot read the constraint")
        key, op, val = m.group(1), m.group(2), m.group(3)
    elif isinstance(c, (tuple, list)) and len(c) == 3:
        key, op, val = c
    elif isinstance(c, (tuple, list)) and len(c) == 2:
        (key, val), op = c, "<="
    else:
        raise ScenarioError(
            "constraints", repr(c)[:60], "'KEY<=VALUE' or (KEY, '<=', VALUE)", "cannot read the constraint"
        )
    op = {"<": "<=", "=<": "<=", ">": ">=", "=>": ">="}.get(op, op)
    if op not in ("<=", ">="):
        raise ScenarioError("constraints", repr(c)[:60], "'<=' or '>='", "unknown comparison")
    key = _output_key(key, "constraints")
    return Constraint(key, op, _limit(key, val))


def _objective(obj: Any) -> tuple[str, float]:
    """``KEY``, ``"max:KEY"`` / ``"min:KEY"`` or ``(KEY, "max")`` -> (key, sign); sign -1 maximises."""
    sense = "min"
    if isinstance(obj, (tuple, list)) and len(obj) == 2:
        obj, sense = obj
    elif isinstance(obj, str) and obj[:4] in ("max:", "min:"):
        sense, obj = obj[:3], obj[4:]
    if sense not in ("min", "max"):
        raise ScenarioError("objective", sense, "'min' or 'max'", "the direction of an objective")
    return _output_key(obj, "objective"), (1.0 if sense == "min" else -1.0)


def _display(key: str, si: np.ndarray) -> np.ndarray:
    from ..units import si_unit_of

    _, scale, offset = si_unit_of(_outputs()[key].unit)
    arr = np.asarray(si, dtype=float)
    return arr if (scale == 1.0 and offset == 0.0) else (arr - offset) / scale
