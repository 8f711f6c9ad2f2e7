"""The vectorised search problem: search coordinates -> pipeline inputs -> objectives and violations.

:class:`_Problem` decodes a population of search coordinates (choices as option indices, log
variables as log10 of the value) into one SI input dict and evaluates it in **one** pipeline
call (:func:`orbitdc.model.evaluate_si_rows`); the fields a choice fills (a vehicle's price and
payload) are filled row by row.  A design the pipeline refuses is marked refused (rows of a call
that raises are found by bisection).  Constraints are scored by their total normalised
violation and, for a single objective, folded in by Deb's feasibility rule (Deb 2000):
any feasible design beats any infeasible one, and any design the caller's constraints reject
beats one the pipeline refuses.  :func:`_resolve_variables` turns the caller's ``variables``
(or the default design set, screened for fields that move nothing) into :class:`Variable` s.

References
----------
Deb, K. (2000). An efficient constraint handling method for genetic algorithms. *Computer
Methods in Applied Mechanics and Engineering* 186, 311-338.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .design_space import Variable, _default_sections, _spec, _unlog, _variable, design_variables
from .objectives import Constraint, _display

_INFEASIBLE = 1e30  # penalised objective of a design that violates a caller's constraint


_REFUSED = 1e60  # ... of a design the pipeline refuses


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
