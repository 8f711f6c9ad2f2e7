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

Modules
-------
This module holds :func:`optimize` and its search (differential evolution, then the pattern
search); the parts it is built from each live in a module named for what they do:
:mod:`~orbitdc.studies.design_space` (the variables and their ranges),
:mod:`~orbitdc.studies.objectives` (objectives and constraints),
:mod:`~orbitdc.studies.search_problem` (the vectorised problem: coordinates to pipeline outputs,
the feasibility rule) and :mod:`~orbitdc.studies.optimize_result` (the result type).
:func:`pareto` is in :mod:`~orbitdc.studies.pareto_front`.

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
import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .design_space import (  # noqa: F401 - _default_sections and _variable re-exported as optimizer.<name>
    Variable,
    _default_sections,
    _scenario,
    _variable,
    design_variables,
)
from .objectives import ORBITAL, Constraint, _constraint, _objective, _outputs
from .optimize_result import OptimizeResult, _check_seed
from .search_problem import _Problem, _resolve_variables

__all__ = [
    "Constraint",
    "OptimizeResult",
    "Variable",
    "design_variables",
    "optimize",
]


POP_PER_VARIABLE = 10
"""Default designs per generation per search variable."""


SMALL_PROBLEM = 10
"""Up to this many search variables, :func:`optimize`'s default stopping rule is the thorough one."""


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
