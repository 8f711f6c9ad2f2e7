"""Pareto fronts of the design space: :func:`pareto` (pymoo NSGA-II over whole populations).

Shares the problem definition (variables, objectives, constraints) of
:mod:`orbitdc.studies.optimizer`.
"""

from __future__ import annotations

import numbers
import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .design_space import _scenario, _spec
from .objectives import ORBITAL, _constraint, _objective, _output_key, _outputs
from .optimize_result import _check_seed
from .search_problem import _Problem, _resolve_variables

__all__ = ["pareto", "dominated_pairs"]


# ============================================================================ pareto


def pareto(
    scenario: Any = None,
    variables: Mapping[str, Any] | None = None,
    objectives: Sequence[Any] = (ORBITAL, "launch.mass_per_kw"),
    constraints: Sequence[Any] = (),
    *,
    seed: int | None = 0,
    popsize: int = 100,
    generations: int = 60,
    outputs: Sequence[str] = (),
):
    """The designs that no other design beats on every objective (a Pareto front).

    Parameters
    ----------
    scenario, variables, constraints
        As for :func:`optimize`.
    objectives : sequence
        Two or more output keys, each ``KEY`` (minimised), ``"max:KEY"`` or ``(KEY, "max")``.
    seed : int or None
        Seed of NSGA-II (reproducible).
    popsize, generations : int
        NSGA-II population and number of generations.
    outputs : sequence of str
        Further outputs to report for each design on the front.

    Returns
    -------
    pandas.DataFrame
        One row per non-dominated design (sorted by the first objective): the variables (in
        their fields' units, choice names) and the objectives (and ``outputs``) in their
        display units.  ``df.attrs`` holds the units, the evaluation count, the wall time
        and the seed.
    """
    import pandas as pd

    t0 = time.perf_counter()
    scn = _scenario(scenario)
    objs = [_objective(o) for o in objectives]
    if len(objs) < 2:
        raise ScenarioError(
            "objectives", [o for o, _ in objs], "two or more output keys", "a front needs two objectives"
        )
    if len({k for k, _ in objs}) != len(objs):
        raise ScenarioError("objectives", [o for o, _ in objs], "distinct output keys", "an objective is repeated")
    cons = [_constraint(c) for c in (constraints or ())]
    extra = [_output_key(k, "outputs") for k in outputs]
    for name, val in (("popsize", popsize), ("generations", generations)):
        if isinstance(val, bool) or not isinstance(val, numbers.Integral) or val < (4 if name == "popsize" else 1):
            raise ScenarioError(
                name, val, ">= 4" if name == "popsize" else ">= 1", "a whole number of designs / generations"
            )
    seed = _check_seed(seed)
    vs = _resolve_variables(scn, variables, objs, cons)
    if not vs:
        raise ScenarioError(
            "variables", "{}", "at least one design variable that moves an objective", "nothing to search"
        )
    prob = _Problem(scn, vs, objs + [(k, 1.0) for k in extra], cons)
    m = len(objs)
    archive_X = np.empty((0, len(vs)))
    archive_F = np.empty((0, len(prob.objectives)))

    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.core.problem import Problem
    from pymoo.optimize import minimize

    state = {"X": archive_X, "F": archive_F}

    class _P(Problem):
        def __init__(self):
            lo = np.array([v.bounds[0] for v in vs]) - np.array([0.49 if v.kind != "real" else 0.0 for v in vs])
            hi = np.array([v.bounds[1] for v in vs]) + np.array([0.49 if v.kind != "real" else 0.0 for v in vs])
            super().__init__(n_var=len(vs), n_obj=m, n_ieq_constr=1 if cons else 0, xl=lo, xu=hi)

        def _evaluate(self, x, out, *args, **kwargs):
            X = prob.snap(x)
            F, V, bad = prob.evaluate(X)
            Fo = np.where(bad[:, None], 1e300, F[:, :m])
            out["F"] = Fo
            if cons:
                out["G"] = np.where(bad, 1e300, V)[:, None]
            ok = ~bad & (V == 0.0)
            if ok.any():
                state["X"], state["F"] = _merge_front(np.vstack([state["X"], X[ok]]), np.vstack([state["F"], F[ok]]), m)

    with np.errstate(all="ignore"):
        minimize(_P(), NSGA2(pop_size=popsize), ("n_gen", generations), seed=seed % (2**32), verbose=False)
    X, F = state["X"], state["F"]
    order = np.argsort(F[:, 0], kind="stable")
    X, F = X[order], F[order]
    cols: dict[str, Any] = {}
    for v, col in zip(vs, prob.values(X) if len(X) else [np.empty(0)] * len(vs)):
        f = _spec(v.key)
        if v.kind == "choice" and (f.is_choice or f.is_bool):
            cols[v.key] = list(col)
        else:
            cols[v.key] = np.asarray(col, dtype=float)
    units = {v.key: _spec(v.key).unit for v in vs}
    for i, (k, sign) in enumerate(prob.objectives):
        cols[k] = sign * F[:, i]
        units[k] = _outputs()[k].unit
    df = pd.DataFrame(cols)
    df.attrs.update(
        units=units,
        objectives=[("max:" if s < 0 else "") + k for k, s in objs],
        evaluations=prob.evaluations,
        calls=prob.calls,
        wall_time=time.perf_counter() - t0,
        seed=seed,
        constraints=[c.describe(_outputs()[c.key].unit) for c in cons],
    )
    return df


def _merge_front(X: np.ndarray, F: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The non-dominated rows of (X, F) on the first ``m`` columns of F, duplicates dropped."""
    if X.shape[0] == 0:
        return X, F
    Fm = F[:, :m]
    _, first = np.unique(np.round(Fm, 12), axis=0, return_index=True)
    first = np.sort(first)
    X, F, Fm = X[first], F[first], Fm[first]
    keep = np.ones(X.shape[0], dtype=bool)
    for i in range(X.shape[0]):
        if not keep[i]:
            continue
        le = np.all(Fm <= Fm[i], axis=1) & np.any(Fm < Fm[i], axis=1)
        if le.any():
            keep[i] = False
            continue
        dominated = np.all(Fm[i] <= Fm, axis=1) & np.any(Fm[i] < Fm, axis=1)
        keep &= ~dominated
    return X[keep], F[keep]


def dominated_pairs(F: np.ndarray) -> int:
    """How many (i, j) pairs of rows of ``F`` (minimised) have j dominating i."""
    F = np.asarray(F, dtype=float)
    n = 0
    for i in range(F.shape[0]):
        n += int(np.sum(np.all(F <= F[i], axis=1) & np.any(F < F[i], axis=1)))
    return n
