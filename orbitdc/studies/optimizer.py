"""The best design for given assumptions: single-objective optimisation and Pareto fronts.

A scenario mixes *design* choices (what an engineer picks: altitude, satellite power, depth of
discharge, heat pump, shielding, accelerator, launch vehicle, the ground's power source ...)
with *assumptions* (what the world gives: prices, rates, efficiencies); every field declares
which (:attr:`orbitdc.schema.Field.role`, ``orbitdc fields``).  :func:`optimize` searches the
design choices for the least (or greatest) value of any pipeline output, holding the
assumptions, under constraints on any other outputs; :func:`pareto` returns the designs no
other design beats on every one of several objectives.

How the search works
--------------------
* Every candidate is a row of numpy arrays, and a whole population is **one call** of the
  pipeline, :func:`orbitdc.model.evaluate_si`: choice fields are passed as arrays of names
  (the pipeline splits rows only inside the stages that branch on a choice, see
  :mod:`orbitdc._rowgroups`), and the fields a choice fills (a launch vehicle's price and
  payload, an accelerator's power and bandwidth) are filled row by row.
* :func:`optimize` runs SciPy's differential evolution (Storn & Price 1997) with
  ``vectorized=True``, integer and choice variables through its ``integrality`` option
  (choices as option indices), constraints by Deb's feasibility rule (any feasible design
  beats any infeasible one; infeasible ones are ranked by their total normalised violation),
  and ends with a vectorised pattern search: every real variable stepped up and down at
  shrinking steps and set to its two bounds, every other option of every choice, all in one
  pipeline call per round, until no step improves.  Real variables whose range spans more
  than a factor of 10 are searched on a log scale.
* :func:`pareto` runs pymoo's NSGA-II (Deb et al. 2002) on the same vectorised problem and
  keeps an archive of every feasible design it evaluated; the front is the non-dominated set
  of that archive, so no returned point is dominated by any design the search saw.
* A design the pipeline refuses (a ScenarioError: a vehicle that cannot reach the orbit, a
  radiator that cannot reject its heat ...) is infeasible, ranked below every design that
  violates only the caller's constraints; the rows of a refused call are found by bisection.

Design choices that carry an assumption
---------------------------------------
A launch vehicle brings its price, an accelerator its performance figures.  With no
``variables`` given, those two choices are searched only among options whose catalog figures
are no more speculative than the scenario's own option (vendor figure < assumption <
projection < claim): the reference scenario (Falcon 9, H100) searches today's vehicles and
chips, a scenario already on the seed documents' $200k Starship searches them all.  Name the
options in ``variables`` to search any set.

References
----------
Storn, R. & Price, K. (1997). Differential evolution: a simple and efficient heuristic for
global optimization over continuous spaces. *J. Global Optimization* 11, 341-359.
Deb, K. (2000). An efficient constraint handling method for genetic algorithms. *Computer
Methods in Applied Mechanics and Engineering* 186, 311-338.
Deb, K., Pratap, A., Agarwal, S. & Meyarivan, T. (2002). A fast and elitist multiobjective
genetic algorithm: NSGA-II. *IEEE Trans. Evolutionary Computation* 6, 182-197.
Blank, J. & Deb, K. (2020). pymoo: Multi-objective optimization in Python. *IEEE Access* 8,
89497-89509.
"""

from __future__ import annotations

import math
import numbers
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ScenarioError

__all__ = [
    "Constraint",
    "OptimizeResult",
    "Variable",
    "design_variables",
    "optimize",
]

ORBITAL = "cost_per_million_tokens.orbital"
TERRESTRIAL = "cost_per_million_tokens.terrestrial"

_INFEASIBLE = 1e30  # penalised objective of a design that violates a caller's constraint
_REFUSED = 1e60  # ... of a design the pipeline refuses
_LOG_RATIO = 10.0  # real ranges wider than this factor (low > 0) are searched in log space
POP_PER_VARIABLE = 10
"""Default designs per generation per search variable."""
SMALL_PROBLEM = 10
"""Up to this many search variables, :func:`optimize`'s default stopping rule is the thorough one."""
_RANK = {"measurement": 0, "standard": 0, "vendor": 0, "assumption": 1, "projection": 2, "claim": 3}


# ============================================================================ variables


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


# ============================================================================ outputs


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


# ============================================================================ the problem


class _Problem:
    """Decodes search coordinates into pipeline inputs and evaluates whole populations."""

    def __init__(
        self,
        scn,
        variables: Sequence[Variable],
        objectives: Sequence[tuple[str, float]],
        constraints: Sequence[Constraint],
    ):
        self.scn = scn
        self.vars = list(variables)
        self.objectives = list(objectives)
        self.constraints = list(constraints)
        self.base = scn.to_si()
        self.calls = 0
        self.evaluations = 0
        self.refused = 0
        self.keys = list(dict.fromkeys([k for k, _ in self.objectives] + [c.key for c in self.constraints]))
        self._fills: list[dict[str, np.ndarray]] = []
        explicit = {v.key for v in self.vars}
        for v in self.vars:
            f = _spec(v.key)
            fills: dict[str, np.ndarray] = {}
            if v.kind == "choice" and f.is_choice and f.fills:
                sec = v.key.split(".", 1)[0]
                keys = {(k if "." in k else f"{sec}.{k}") for o in v.options for k in (f.fills.get(o) or {})}
                keys -= explicit
                sis = [scn.with_overrides({v.key: o}).to_si() for o in v.options]
                for k in sorted(keys):
                    vals = [s[k] for s in sis]
                    if any(isinstance(x, (str, bool)) for x in vals):  # a fill that sets a choice or switch
                        fills[k] = np.array(vals, dtype=bool if isinstance(vals[0], bool) else str)
                    else:
                        fills[k] = np.array(vals, dtype=float)
            self._fills.append(fills)
        self._scale = []
        for v in self.vars:
            f = _spec(v.key)
            if v.kind == "choice" and not (f.is_choice or f.is_bool):
                _, s, o = f.si
                self._scale.append(np.array([float(x) * s + o for x in v.options]))
            elif v.kind == "choice":
                self._scale.append(np.array(v.options, dtype=object if f.is_bool else None))
            else:
                _, s, o = f.si
                self._scale.append((s, o))

    # -------------------------------------------------------------- decoding
    def snap(self, X: np.ndarray) -> np.ndarray:
        """Round integer and choice coordinates, clip everything to the bounds."""
        X = np.array(X, dtype=float, copy=True).reshape(-1, len(self.vars))
        for j, v in enumerate(self.vars):
            lo, hi = v.bounds
            col = np.clip(X[:, j], lo, hi)
            if v.kind != "real":
                col = np.round(col)
            X[:, j] = col
        return X

    def values(self, X: np.ndarray) -> list[np.ndarray]:
        """Per variable: the values in the field's unit (numbers) or the options chosen."""
        out = []
        for j, v in enumerate(self.vars):
            col = X[:, j]
            if v.kind == "choice":
                out.append(np.array(v.options, dtype=object)[col.astype(int)])
            elif v.log:
                out.append(_unlog(v, col))
            else:
                out.append(col.copy())
        return out

    def inputs(self, X: np.ndarray) -> dict[str, Any]:
        """The SI input dict of the pipeline for the rows of ``X`` (already snapped)."""
        n = X.shape[0]
        p = dict(self.base)
        for j, v in enumerate(self.vars):
            col = X[:, j]
            sc = self._scale[j]
            if v.kind == "choice":
                idx = col.astype(int)
                arr = sc[idx]
                if arr.dtype == object:  # switches
                    arr = arr.astype(bool)
                p[v.key] = arr
                for k, vals in self._fills[j].items():
                    p[k] = vals[idx]
            else:
                x = _unlog(v, col) if v.log else col
                s, o = sc
                p[v.key] = x * s + o
        # a scalar input that another row-array touches is fine: arrays broadcast to (n,)
        for k, val in p.items():
            if isinstance(val, np.ndarray) and val.shape == ():
                p[k] = np.full(n, float(val))
        return p

    # -------------------------------------------------------------- evaluation
    def evaluate(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Evaluate snapped rows: (F objectives x sign, V violations, refused mask)."""
        n = X.shape[0]
        outs = {k: np.full(n, np.nan) for k in self.keys}
        refused = np.zeros(n, dtype=bool)
        self._eval_rows(X, np.arange(n), outs, refused)
        self.evaluations += n
        F = np.empty((n, len(self.objectives)))
        for i, (k, sign) in enumerate(self.objectives):
            F[:, i] = sign * outs[k]
        V = np.zeros(n)
        for c in self.constraints:
            x = outs[c.key]
            g = (x - c.limit) if c.op == "<=" else (c.limit - x)
            V += np.maximum(g, 0.0) / max(abs(c.limit), 1e-12)
        bad = refused | ~np.all(np.isfinite(F), axis=1) | ~np.isfinite(V)
        F[bad] = np.inf
        V[bad] = np.inf
        return F, V, bad

    def _eval_rows(self, X: np.ndarray, idx: np.ndarray, outs: dict, refused: np.ndarray) -> None:
        from ..model import evaluate_si_rows

        self.calls += 1
        try:
            res, bad = evaluate_si_rows(self.inputs(X[idx]), idx.shape[0])
        except (ValueError, ArithmeticError):  # a check outside errors.require: bisect
            if idx.shape[0] == 1:
                refused[idx] = True
                self.refused += 1
                return
            h = idx.shape[0] // 2
            self._eval_rows(X, idx[:h], outs, refused)
            self._eval_rows(X, idx[h:], outs, refused)
            return
        if bad.any():
            refused[idx[bad]] = True
            self.refused += int(bad.sum())
        for k in self.keys:
            outs[k][idx] = _display(k, res[k])

    def penalised(self, X: np.ndarray) -> np.ndarray:
        """One number per row for a single objective: Deb's feasibility rule as a penalty."""
        F, V, bad = self.evaluate(X)
        f = F[:, 0]
        return np.where(bad, _REFUSED, np.where(V > 0, _INFEASIBLE * (1.0 + V), f))

    def scenario(self, x: np.ndarray):
        """The design of one snapped row as a Scenario (the base with the variables set)."""
        vals = self.values(x.reshape(1, -1))
        over = {}
        for v, col in zip(self.vars, vals):
            val = col[0]
            f = _spec(v.key)
            if f.integer and not isinstance(val, (str, bool)):
                val = int(round(float(val)))
            elif isinstance(val, (np.floating, float)):
                val = float(val)
            over[v.key] = val
        scn = self.scn.with_overrides(over)
        return scn, over


# ============================================================================ results


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


def _resolve_variables(scn, variables: Any, objectives, constraints) -> list[Variable]:
    if variables is None:
        spec = design_variables(
            scn, include=_default_sections([k for k, _ in objectives] + [c.key for c in constraints])
        )
        return _screen(scn, [_variable(k, v) for k, v in spec.items()], objectives, constraints)
    if not isinstance(variables, Mapping) or not variables:
        raise ScenarioError("variables", repr(variables)[:60], "{field: (low, high) or [options]}", "nothing to search")
    vs = [_variable(k, v) for k, v in variables.items()]
    return vs


def _screen(scn, vs: list[Variable], objectives, constraints, m: int = 24, seed: int = 12345) -> list[Variable]:
    """Drop default variables that move no objective and no constrained output.

    ``m`` random designs over the whole box, and the same designs with one variable
    redrawn at a time (one pipeline call): a variable is kept if any of its redraws changes
    any objective or constraint output of a design the pipeline accepts.
    """
    vs = [v for v in vs if not (v.kind == "choice" and len(v.options) < 2)]
    if not vs:
        return vs
    prob = _Problem(scn, vs, list(objectives) + [(c.key, 1.0) for c in constraints], [])
    rng = np.random.default_rng(seed)
    d = len(vs)
    lo = np.array([v.bounds[0] for v in vs])
    hi = np.array([v.bounds[1] for v in vs])
    base = prob.snap(lo + (hi - lo) * rng.random((m, d)))
    other = prob.snap(lo + (hi - lo) * rng.random((m, d)))
    rows = [base]
    for j in range(d):
        alt = base.copy()
        alt[:, j] = other[:, j]
        rows.append(alt)
    F, _, bad = prob.evaluate(np.vstack(rows))
    F = F.reshape(d + 1, m, -1)
    bad = bad.reshape(d + 1, m)
    keep = []
    for j, v in enumerate(vs):
        ok = ~bad[0] & ~bad[j + 1]
        diff = np.abs(F[j + 1][ok] - F[0][ok]) > 1e-9 * np.maximum(np.abs(F[0][ok]), 1e-300)
        changed_rows = np.any(base[:, j] != other[:, j])
        if (diff.any() or not ok.any()) and changed_rows:
            keep.append(v)
    return keep


# ============================================================================ optimize


def optimize(
    scenario: Any = None,
    variables: Mapping[str, Any] | None = None,
    objective: Any = ORBITAL,
    constraints: Sequence[Any] = (),
    *,
    seed: int | None = None,
    popsize: int | None = None,
    max_generations: int = 200,
    max_evaluations: int = 60_000,
    tol: float = 1e-7,
    patience: int | None = None,
    stall: float | None = None,
    polish: bool = True,
    initial: Sequence[Any] = (),
) -> OptimizeResult:
    """Find the design that minimises (or maximises) a pipeline output.

    Parameters
    ----------
    scenario : Scenario, preset name, TOML file, mapping or None
        The assumptions (and the starting design); None = the field defaults.
    variables : mapping, optional
        ``{field: (low, high)}`` for a numeric range in the field's unit (whole numbers for
        integer fields; quantities and unit strings accepted), ``{field: [a, b, ...]}`` for a
        set of options (choice names, booleans or numbers).  Default: every design field of
        the scenario that moves the objective or a constrained output, over its declared
        range (:func:`design_variables`).
    objective : str or (str, "min"|"max")
        A pipeline output key (``"cost_per_million_tokens.orbital"``); ``"max:KEY"`` or
        ``(KEY, "max")`` maximises.
    constraints : sequence
        ``"KEY<=VALUE"`` / ``"KEY>=VALUE"`` strings (VALUE in the output's display unit or with
        a unit: ``"links.latency<=30 ms"``), or ``(KEY, "<=", VALUE)`` tuples.
    seed : int or None
        Seed of the search (None: fresh entropy, reported in the result).  The same seed,
        scenario and arguments give the same result.
    popsize : int, optional
        Designs per generation (default ``max(40, 10 x number of variables)``).
    max_generations, max_evaluations : int
        Budget of the evolutionary phase (whichever is reached first).
    tol : float
        Relative spread of the population's objective at which the search stops.
    patience, stall : int, float
        The evolutionary phase stops when ``patience`` generations improved the best design
        by less than ``stall`` (relative); the pattern search then finishes the job.
        Default: (20, 1e-6) for up to :data:`SMALL_PROBLEM` search variables (cheap, and
        thorough among the basins of a few mixed variables); (10, 1e-4) for larger
        problems such as the default design box (31 variables on the reference), whose
        population improves by tiny steps for hundreds of generations: handing over to the
        pattern search once the basin is found gives the same best cost in 15,000-25,000
        designs instead of the 60,000-design cap (README, "Optimisation").
    polish : bool
        Finish with the vectorised pattern search (module docstring).
    initial : sequence of Scenario
        Further designs to place in the first generation (after the input scenario's own),
        e.g. the best design of a neighbouring year (:func:`best_by_year`); those outside
        the search box are ignored.  The assumptions are always the input scenario's.

    Returns
    -------
    OptimizeResult
        ``.scenario`` (the best design), ``.result`` (its Result), ``.value``, ``.changes``,
        ``.evaluations``, ``.calls``, ``.wall_time``, ``.history``.

    Raises
    ------
    ScenarioError
        For unknown fields or outputs, ranges outside a field's bounds, malformed
        constraints, or a bad seed.

    Examples
    --------
    >>> from orbitdc import studies
    >>> best = studies.optimize("dawn-dusk-650", {"orbit.altitude": (400, 1200),
    ...                         "power.payload_power": (20, 500), "launch.vehicle": ["falcon9-reusable", "falcon-heavy"]},
    ...                         constraints=["links.latency<=30 ms"], seed=1)
    >>> best.scenario.orbit.altitude, best.value
    """
    from scipy.optimize import differential_evolution

    t0 = time.perf_counter()
    scn = _scenario(scenario)
    obj = _objective(objective)
    cons = [_constraint(c) for c in (constraints or ())]
    seed = _check_seed(seed)
    vs = _resolve_variables(scn, variables, [obj], cons)
    prob = _Problem(scn, vs, [obj], cons)
    start_value = _start_value(scn, obj)
    history: list[tuple[int, float]] = []
    generations = 0
    best_x = None
    best_f = np.inf
    search = [v for v in vs if not (v.kind == "choice" and len(v.options) == 1)]
    if not search:
        x = prob.snap(np.zeros((1, len(vs))))[0]
        best_f = float(prob.penalised(x[None, :])[0])
        best_x = x
    else:
        # variables with a single option stay fixed at it; DE runs on the others
        sidx = [i for i, v in enumerate(vs) if v in search]
        fixed = prob.snap(np.zeros((1, len(vs))))[0]

        def full(xs: np.ndarray) -> np.ndarray:
            X = np.repeat(fixed[None, :], xs.shape[0], axis=0)
            X[:, sidx] = xs
            return prob.snap(X)

        bounds = [vs[i].bounds for i in sidx]
        integrality = [vs[i].kind != "real" for i in sidx]
        d = len(sidx)
        npop = popsize or max(40, POP_PER_VARIABLE * d)
        if patience is None:
            patience = 20 if d <= SMALL_PROBLEM else 10
        if stall is None:
            stall = 1e-6 if d <= SMALL_PROBLEM else 1e-4
        gens = max(1, min(max_generations, max_evaluations // npop - 1))

        def func(xT: np.ndarray) -> np.ndarray:
            return prob.penalised(full(np.atleast_2d(xT.T)))

        def callback(intermediate_result):
            # stop once the best design has not improved for `patience` generations
            nonlocal generations
            generations += 1
            f = float(intermediate_result.fun)
            history.append((prob.evaluations, f))
            if len(history) > patience and not f < history[-1 - patience][1] - stall * abs(f):
                raise StopIteration

        # the reference design is part of the first generation, so the result is never worse
        x0 = _coords(prob, scn)
        init = _init_population(bounds, integrality, npop, seed, x0[sidx] if x0 is not None else None)
        extra = [c for c in (_coords(prob, _scenario(s)) for s in initial) if c is not None]
        for r, c in enumerate(extra[: npop - 1]):
            init[r + 1] = np.clip(c[sidx], [b[0] for b in bounds], [b[1] for b in bounds])
        with np.errstate(all="ignore"):
            res = differential_evolution(
                func,
                bounds,
                popsize=1,
                init=init,
                maxiter=gens,
                tol=tol,
                atol=0.0,
                rng=np.random.default_rng(seed),
                polish=False,
                vectorized=True,
                updating="deferred",
                integrality=integrality,
                mutation=(0.5, 1.0),
                recombination=0.9,
                callback=callback,
            )
        best_x = full(np.asarray(res.x)[None, :])[0]
        best_f = float(prob.penalised(best_x[None, :])[0])
        if polish:
            best_x, best_f = _pattern_search(prob, best_x, best_f, history)
        if x0 is not None:
            best_x, best_f = _revert_idle(prob, best_x, best_f, x0)
    _, V, bad = prob.evaluate(best_x[None, :])
    best_scn, over = prob.scenario(best_x)
    from ..model import evaluate

    result = evaluate(best_scn)
    value = float(result.value(obj[0]))
    changes = {k: (a, b) for k, (b, a) in best_scn.diff(scn).items()}
    return OptimizeResult(
        scenario=best_scn,
        result=result,
        objective=obj[0],
        sense="min" if obj[1] > 0 else "max",
        unit=_outputs()[obj[0]].unit,
        value=value,
        feasible=bool(not bad[0] and V[0] == 0.0),
        variables=over,
        changes=changes,
        start_value=start_value,
        constraints=cons,
        search_space=[v.describe() for v in vs],
        evaluations=prob.evaluations,
        calls=prob.calls,
        generations=generations,
        wall_time=time.perf_counter() - t0,
        seed=seed,
        history=history,
        refused=prob.refused,
    )


def _start_value(scn, obj) -> float:
    from ..model import evaluate

    try:
        return float(evaluate(scn).value(obj[0]))
    except ScenarioError:
        return float("nan")


def _coords(prob: _Problem, scn) -> np.ndarray | None:
    """The search coordinates of the input scenario's design, or None if it lies outside the box."""
    x = np.empty(len(prob.vars))
    for j, v in enumerate(prob.vars):
        val = scn.raw(v.key)
        if v.kind == "choice":
            if val not in v.options:
                return None
            x[j] = v.options.index(val)
        else:
            if not (v.low <= float(val) <= v.high):
                return None
            x[j] = math.log10(float(val)) if v.log else float(val)
    return x


def _init_population(bounds, integrality, npop: int, seed: int, x0: np.ndarray | None) -> np.ndarray:
    """A Latin hypercube of ``npop`` designs (seeded), the input design as its first row."""
    from scipy.stats import qmc

    lo = np.array([b[0] for b in bounds], dtype=float)
    hi = np.array([b[1] for b in bounds], dtype=float)
    integ = np.asarray(integrality, dtype=bool)
    u = qmc.LatinHypercube(d=len(bounds), rng=np.random.default_rng([seed, 1])).random(npop)
    # integer and choice coordinates: spread over [lo - 0.5, hi + 0.5] so every value is
    # equally likely once rounded
    a = np.where(integ, lo - 0.499, lo)
    b = np.where(integ, hi + 0.499, hi)
    X = a + u * (b - a)
    if x0 is not None:
        X[0] = np.clip(x0, lo, hi)
    return X


def _pattern_search(
    prob: _Problem, x: np.ndarray, fx: float, history: list, rounds: int = 60
) -> tuple[np.ndarray, float]:
    """Vectorised compass search from ``x``: all moves of a round in one pipeline call."""
    steps = np.array([0.25, 0.1, 0.03, 0.01, 0.003, 0.001, 3e-4, 1e-4])
    for _ in range(rounds):
        cands = []
        for j, v in enumerate(prob.vars):
            lo, hi = v.bounds
            if v.kind == "choice":
                for o in range(len(v.options)):
                    if o != int(x[j]):
                        c = x.copy()
                        c[j] = o
                        cands.append(c)
                continue
            width = hi - lo
            vals = [lo, hi]
            if v.kind == "int":
                vals += [x[j] - 1, x[j] + 1, x[j] - 2, x[j] + 2]
                vals += list(x[j] + np.round(steps[:3] * width)) + list(x[j] - np.round(steps[:3] * width))
            else:
                vals += list(x[j] + steps * width) + list(x[j] - steps * width)
            for val in vals:
                val = min(max(val, lo), hi)
                if val != x[j]:
                    c = x.copy()
                    c[j] = val
                    cands.append(c)
        if not cands:
            break
        C = prob.snap(np.array(cands))
        f = prob.penalised(C)
        i = int(np.argmin(f))
        history.append((prob.evaluations, float(min(fx, f[i]))))
        if not f[i] < fx - 1e-12 * abs(fx):
            break
        x, fx = C[i], float(f[i])
    return x, fx


def _revert_idle(
    prob: _Problem, x: np.ndarray, fx: float, x0: np.ndarray, rtol: float = 1e-9
) -> tuple[np.ndarray, float]:
    """Put back the input scenario's value of every variable that does not matter at ``x``.

    A variable the objective does not depend on at the optimum (the LTAN of an inclined
    orbit, the solar site of a gas-fired data center) drifts during the search; reporting
    it as a change would mislead.  Each round tries every remaining variable reverted on
    its own (one pipeline call) and keeps the reverts that cost nothing.
    """
    x = x.copy()
    for _ in range(len(x)):
        idx = [j for j in range(len(x)) if x[j] != x0[j]]
        if not idx:
            break
        C = np.repeat(x[None, :], len(idx), axis=0)
        for r, j in enumerate(idx):
            C[r, j] = x0[j]
        C = prob.snap(C)
        f = prob.penalised(C)
        ok = np.flatnonzero(f <= fx + rtol * abs(fx))
        if ok.size == 0:
            break
        if ok.size > 1:  # all the free reverts together, if they stay free together
            both = x.copy()
            for r in ok:
                both[idx[r]] = x0[idx[r]]
            both = prob.snap(both[None, :])
            fb = float(prob.penalised(both)[0])
            if fb <= fx + rtol * abs(fx):
                return both[0], min(fx, fb)
        r = int(ok[np.argmin(f[ok])])
        x, fx = C[r], float(min(fx, f[r]))
    return x, fx
