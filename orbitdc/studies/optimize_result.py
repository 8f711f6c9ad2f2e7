"""The result of :func:`orbitdc.studies.optimizer.optimize`: the best design and the search's record."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .design_space import _spec
from .objectives import _outputs


@dataclass
class OptimizeResult:
    """The best design found by :func:`optimize` and the record of the search.

    Attributes
    ----------
    scenario : Scenario
        The best design: the input scenario with the variables set.
    result : Result
        Its pipeline result (``result[objective]``).
    objective : str
        The output optimised; ``sense`` is ``"min"`` or ``"max"``.
    value : float
        Its best value in the output's display unit (``unit``).
    feasible : bool
        Whether the best design meets every constraint.
    variables : dict
        ``{field: value}`` of the best design (numbers in the field's unit).
    changes : dict
        ``{field: (value in the input scenario, best value)}`` for every field that moved,
        including the fields a choice fills.
    start_value : float
        The objective of the input scenario (NaN if the pipeline refuses it).
    evaluations, calls : int
        Designs evaluated and pipeline calls made.
    generations : int
        Generations of the evolutionary search.
    wall_time : float
        Seconds from start to finish.
    seed : int
        The seed that reproduces the search.
    history : list of (evaluations, best value)
        The best penalised objective after each generation and each polishing round.
    """

    scenario: Any
    result: Any
    objective: str
    sense: str
    unit: str
    value: float
    feasible: bool
    variables: dict
    changes: dict
    start_value: float
    constraints: list
    search_space: list
    evaluations: int
    calls: int
    generations: int
    wall_time: float
    seed: int
    history: list = field(default_factory=list)
    refused: int = 0

    def changes_frame(self):
        """The changed fields as a DataFrame (field, unit, current, best)."""
        import pandas as pd

        rows = []
        for k, (a, b) in self.changes.items():
            f = _spec(k)
            rows.append({"field": k, "unit": f.unit, "current": a, "best": b})
        return pd.DataFrame(rows, columns=["field", "unit", "current", "best"])

    def history_frame(self):
        import pandas as pd

        return pd.DataFrame(self.history, columns=["evaluations", "best"])

    def summary(self) -> str:
        lines = [
            f"{self.sense} {self.objective}: {self.value:.4g} {self.unit}"
            + (f" (input scenario: {self.start_value:.4g} {self.unit})" if math.isfinite(self.start_value) else "")
            + ("" if self.feasible else "  [no design met every constraint]")
        ]
        for c in self.constraints:
            lines.append(f"  subject to {c.describe(_outputs()[c.key].unit)}")
        lines.append(
            f"  {self.evaluations} designs, {self.calls} pipeline calls, {self.generations} generations, "
            f"{self.wall_time:.2f} s, seed {self.seed}"
        )
        if self.changes:
            lines.append("  changes from the input scenario:")
            w = max(len(k) for k in self.changes)
            for k, (a, b) in self.changes.items():
                lines.append(f"    {k:<{w}}  {_fmt(a):>20} -> {_fmt(b)} {_spec(k).unit}".rstrip())
        else:
            lines.append("  the input scenario is already the best design found")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return f"<OptimizeResult {self.objective} = {self.value:.4g} {self.unit} after {self.evaluations} designs>"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    if isinstance(v, bool):
        return str(v).lower()
    return str(v)


def _check_seed(seed: Any) -> int:
    if seed is None:
        return int(np.random.SeedSequence().entropy % (2**63))
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or int(seed) < 0:
        raise ScenarioError(
            "seed", seed, "a non-negative integer (or None for fresh entropy)", "seeds make searches reproducible"
        )
    return int(seed)
