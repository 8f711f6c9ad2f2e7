"""Studies at scale: sweeps, Monte Carlo, tornado and Sobol sensitivity, break-even maps.

Every study here runs the one vectorised pipeline, :func:`orbitdc.model.evaluate_si`, on
flat SI arrays: a grid, a set of random samples or a set of one-at-a-time swings becomes a
few numpy arrays of shape ``(N,)`` and each chunk of ``N`` rows is one pipeline call.  There
is no Python loop over samples; large runs are cut into chunks (:data:`CHUNK` rows by
default) so memory stays bounded, and the chunks can run on a Dask cluster.

Inputs are given in each field's unit (``orbitdc fields`` lists them; pint quantities and
unit strings are accepted too), checked against the field's physical bounds before any
stage runs, and the results come back as :class:`xarray.Dataset` objects whose dimensions are
named after the fields (``"launch.price_per_kg"``) with the units in ``attrs["units"]``.

Functions
---------
sweep            full-factorial grid over any fields -> Dataset (``.to_dataframe()``)
evaluate_points  the pipeline on given arrays of inputs (one row per point) -> Dataset
monte_carlo      seeded sampling of uncertain fields -> percentiles, P(orbit wins), samples
sobol_indices    first-order and total Sobol indices with bootstrap intervals
tornado          one-at-a-time low/high swings, ranked (optionally with Sobol indices)
breakeven        the value of one field where orbital cost equals a baseline
breakeven_map    a 2-D grid and the break-even curve across it
optimize         the best design for the assumptions (mixed variables, constraints)
pareto           the non-dominated designs for several objectives -> DataFrame
best_vs_ground   the best orbital design against the best ground design
best_by_year     the best orbital and ground designs in each calendar year
trajectory       costs by calendar year (and by sample): Dataset with a ``year`` dimension
parity           first parity year per sample vs ground and fleet, P(parity by year),
                 median, share "never", deciding inputs (rank correlations)
parity_sobol     Sobol indices of the parity year (which inputs decide WHEN)
what_must_be_true  for one year, each uncertain input's parity value
parity_frontier  for one year, the 2-D parity curve of two inputs
launch_parity_year  closed form: the year the launch price meets the break-even price
by_altitude      the scenario across altitude: dose curves, chip life, cost per token

Modules
-------
inputs           the base scenario, field specs, output keys, units and argument checks
execution        chunks of rows through the pipeline, in process or on Dask
sweeps           sweep, evaluate_points
distributions    Uniform, Normal, LogNormal, Triangular, Choice; uncertain_fields
random_streams   seeded per-field streams (below)
percentiles      streaming moments, percentiles and Wilson intervals
montecarlo       monte_carlo, MonteCarloResult
sensitivity      sobol_indices, tornado, TornadoResult
break_even       breakeven, breakeven_map, BreakEven
optimizer        optimize (differential evolution and a pattern search), built from:
design_space     Variable, design_variables: the search space
objectives       Constraint: objectives and constraints read from the caller
search_problem   the vectorised problem (coordinates -> outputs, feasibility rule)
optimize_result  OptimizeResult
design_comparison best_vs_ground, best_by_year
pareto_front     pareto
trajectories     trajectory, launch_parity_year (the year axis, :mod:`orbitdc.sections.years`)
parity_years     parity, ParityResult, parity_sobol, what_must_be_true, parity_frontier
altitude         by_altitude

Module names differ from the functions they hold (``sweeps``/``sweep``,
``montecarlo``/``monte_carlo``, ``break_even``/``breakeven``, ``trajectories``/``trajectory``,
``parity_years``/``parity``) so that
``orbitdc.studies.<function>`` is always the function.

Random numbers
--------------
Sample ``i`` of field ``key`` is made from the ``i``-th double of a PCG64 stream seeded with
``SeedSequence(seed, spawn_key=(stream, crc32(key)))`` (inverse CDF; triangular fields also
use the ``i``-th double of a second stream, Stein & Keblis 2009); a chunk starting at row
``s`` jumps its streams ahead with ``PCG64.advance(s)`` (in process, each thread keeps its
generators, so a chunk that starts where the previous one stopped simply continues them).
Samples therefore depend only on the seed, the field and the row number: not on the chunk
size, on Dask or on which other fields are sampled.  The same seed gives bit-identical
samples in process and on any cluster, and the same outputs for the same chunking.  Outputs
are also independent of the chunking when every stage computes each row on its own; a stage
that picks its method by the size of the call (the orbit stage interpolates its annual
eclipse statistics from a lattice above 2000 distinct orbits per call) can differ at its
stated interpolation tolerance between chunkings.

Scaling out with Dask
---------------------
Every study takes ``client=`` (a :class:`distributed.Client`) and/or ``chunks=`` (rows per
task).  With ``client`` the chunks are submitted to that cluster; with only ``chunks`` they
run on the current Dask scheduler (the default distributed client if one exists, else
Dask's local threads).  A real cluster::

    from distributed import Client
    client = Client("tcp://scheduler-host:8786")     # workers need orbitdc installed
    mc = studies.monte_carlo("dawn-dusk-650", n=10_000_000, client=client, keep_samples=False)

Tasks carry only the base scenario (a small dict), the distribution parameters and a row
range, and draw their own samples, so little data crosses the network; results come back
chunk by chunk in order and at most a few chunks are in flight per worker.

Memory budget
-------------
A study that would hold more than :data:`MEMORY_BUDGET` (4 GiB) of results -- kept Monte
Carlo samples, a sweep grid, Sobol samples, a break-even map -- is refused with a
ScenarioError naming the size argument before anything is allocated.  Streaming Monte Carlo
(``keep_samples=False``) generates its tasks lazily and holds one chunk at a time, so its
memory does not grow with ``n``.  Bad study arguments (``percentiles=None``,
``outputs=[5]``, a list where a mapping belongs) are ScenarioErrors naming the argument.

Infeasible combinations
-----------------------
A stage refuses physically impossible states with a ScenarioError (for example a radiator
that cannot reach its sink temperature).  A study stops with that error, naming the field,
the first bad value and the rows involved: narrow the grid or the distribution.  Nothing is
silently dropped or clamped.
"""

from __future__ import annotations

from .break_even import BreakEven, breakeven, breakeven_map
from .distributions import (
    Choice,
    LogNormal,
    Normal,
    Triangular,
    Uniform,
    _resolve_dists,  # noqa: F401  (tests)
    uncertain_fields,
)
from .execution import CHUNK
from .inputs import BASELINES, DEFAULT_OUTPUTS, MEMORY_BUDGET, ORBITAL
from .montecarlo import MonteCarloResult, monte_carlo
from .parity_years import ParityResult, parity, parity_frontier, parity_sobol, what_must_be_true
from .percentiles import _LogHist, _order_stats, _percentiles  # noqa: F401  (tests)
from .random_streams import _draw, _stream, _uniforms  # noqa: F401  (tests)
from .sensitivity import TornadoResult, sobol_indices, tornado
from .sweeps import evaluate_points, sweep
from .trajectories import TRAJECTORY_OUTPUTS, launch_parity_year, trajectory

__all__ = [
    "sweep",
    "evaluate_points",
    "monte_carlo",
    "sobol_indices",
    "tornado",
    "breakeven",
    "breakeven_map",
    "trajectory",
    "parity",
    "what_must_be_true",
    "parity_frontier",
    "parity_sobol",
    "launch_parity_year",
    "uncertain_fields",
    "Uniform",
    "Normal",
    "LogNormal",
    "Triangular",
    "Choice",
    "MonteCarloResult",
    "TornadoResult",
    "BreakEven",
    "ParityResult",
    "TRAJECTORY_OUTPUTS",
    "DEFAULT_OUTPUTS",
    "ORBITAL",
    "BASELINES",
    "CHUNK",
    "MEMORY_BUDGET",
]
# (_resolve_dists, _draw, _stream, _uniforms, _LogHist, _order_stats, _percentiles are
# re-exported for the tests of the sampling and statistics internals.)

# the names loaded on first use (the design searches: the optimiser, the Pareto front and
# the comparisons built on them) and the module of each
_LAZY_HOME = {
    "by_altitude": "altitude",
    "optimize": "optimizer",
    "design_variables": "optimizer",
    "OptimizeResult": "optimizer",
    "pareto": "pareto_front",
    "best_vs_ground": "design_comparison",
    "best_by_year": "design_comparison",
    "BestVsGround": "design_comparison",
    "BestByYear": "design_comparison",
}
__all__ += list(_LAZY_HOME)


def __getattr__(name: str):
    """The optimiser (:mod:`orbitdc.studies.optimizer`) loads on first use."""
    if name in _LAZY_HOME:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY_HOME[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
