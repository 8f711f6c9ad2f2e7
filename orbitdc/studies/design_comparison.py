"""Best orbit against best ground, and the best designs year by year.

Built on :func:`orbitdc.studies.optimizer.optimize`: each side's design is searched for the
same assumptions (:func:`best_vs_ground`), in each year of a trajectory (:func:`best_by_year`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .design_space import _scenario
from .objectives import ORBITAL, TERRESTRIAL
from .optimize_result import OptimizeResult, _check_seed, _fmt
from .optimizer import optimize

__all__ = ["BestVsGround", "best_vs_ground", "BestByYear", "best_by_year"]


# ============================================================================ best orbit vs best ground


@dataclass
class BestVsGround:
    """The best orbital design and the best ground design for the same assumptions."""

    orbit: OptimizeResult
    ground: OptimizeResult
    ratio: float
    start_ratio: float

    def summary(self) -> str:
        o, g = self.orbit, self.ground
        return (
            f"best orbit  {o.value:.4g} {o.unit} per million tokens ({o.start_value:.4g} as given)\n"
            f"best ground {g.value:.4g} {g.unit} per million tokens ({g.start_value:.4g} as given)\n"
            f"ratio orbit / ground: {self.ratio:.3g} (as given: {self.start_ratio:.3g})"
        )

    def __str__(self) -> str:
        return self.summary()


def best_vs_ground(
    scenario: Any = None, *, seed: int | None = 0, constraints: Sequence[Any] = (), **kw
) -> BestVsGround:
    """Optimise the orbital design and the ground design separately, for the same assumptions.

    The orbit's cost per million tokens is minimised over the scenario's design fields that
    move it; the terrestrial data center's over those that move its cost (its power source,
    site and redundancy, and the shared accelerator and batch).  Each side keeps its own best
    choice of the shared fields, so neither is handicapped by the other's design.

    Returns
    -------
    BestVsGround
        ``.orbit`` and ``.ground`` (:class:`OptimizeResult`), ``.ratio`` = best orbit / best
        ground, ``.start_ratio`` the same for the scenario as given.
    """
    scn = _scenario(scenario)
    o = optimize(scn, objective=ORBITAL, constraints=constraints, seed=seed, **kw)
    g = optimize(scn, objective=TERRESTRIAL, seed=seed, **kw)
    start = o.start_value / g.start_value if g.start_value else float("nan")
    return BestVsGround(o, g, o.value / g.value, start)


# ============================================================================ best design per year


@dataclass
class BestByYear:
    """The best orbital and ground designs in each calendar year (:func:`best_by_year`).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per year: ``orbit_best``, ``ground_best`` (cost per million tokens of each
        side's best design, USD), ``ratio_best`` (best orbit / best ground), the same for
        the scenario's own designs (``orbit_as_given``, ``ground_as_given``,
        ``ratio_as_given``), ``orbit_changes`` and ``ground_changes`` (the design fields
        each best design changes, ``field=value``), ``evaluations`` and ``wall_time`` [s].
    results : dict
        ``{year: BestVsGround}``: the full search records.
    """

    table: Any
    results: dict

    def summary(self) -> str:
        t = self.table
        lines = [
            f"{'year':>6} {'best orbit':>11} {'best ground':>12} {'ratio':>8} {'as given':>9}  orbit design changes",
        ]
        for _, r in t.iterrows():
            lines.append(
                f"{int(r['year']):>6} {r['orbit_best']:>11.4g} {r['ground_best']:>12.4g} {r['ratio_best']:>8.3g} "
                f"{r['ratio_as_given']:>9.3g}  {r['orbit_changes'] or '(none)'}"
            )
            if r["ground_changes"]:
                lines.append(f"{'':>50}ground: {r['ground_changes']}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


BEST_BY_YEAR_DEFAULT = (2026, 2030, 2035, 2040, 2045, 2050)
"""Default years of :func:`best_by_year`: the base year, then every five years to 2050."""


def best_by_year(
    scenario: Any = None,
    years: Any = None,
    *,
    seed: int | None = 0,
    variables: Mapping[str, Any] | None = None,
    ground_variables: Mapping[str, Any] | None = None,
    constraints: Sequence[Any] = (),
    warm_start: bool = True,
    **kw,
) -> BestByYear:
    """The best orbital design against the best ground design in each calendar year.

    In each year the scenario's assumptions move along the laws of
    :mod:`orbitdc.sections.years` (launch learning, chip trends, ground PV and storage
    learning ...), and :func:`best_vs_ground` searches both sides' design fields for those
    assumptions: the cheapest orbit may fly another vehicle, power or altitude in 2040 than
    in 2026, and the ground may change its power source as PV and storage get cheaper.

    Parameters
    ----------
    scenario : Scenario, preset name, TOML file, mapping or None
        The assumptions and the starting designs (its ``years.base_year``).
    years : sequence of years, "FIRST:LAST[:STEP]" or None
        Calendar years (default :data:`BEST_BY_YEAR_DEFAULT` from the base year on).
    seed : int or None
        Seed of every search (the same in each year, so the table is reproducible).
    variables, ground_variables : mapping or None
        The orbital and the ground search boxes (as :func:`optimize`); None: each side's
        default design fields.
    constraints : sequence
        Constraints on the orbital design (as :func:`optimize`).
    warm_start : bool
        Place the previous year's best design of each side in the first generation of the
        next year's search (it then costs the search nothing to keep a design that is still
        the best).
    **kw
        Further arguments of :func:`optimize` (``popsize``, ``max_evaluations`` ...), for both sides.

    Returns
    -------
    BestByYear
        ``.table`` (one row per year) and ``.results`` (``{year: BestVsGround}``).

    Notes
    -----
    ``ratio_best(y) = min_d C_orbit(d; a(y)) / min_g C_ground(g; a(y))`` with ``a(y)`` the
    assumptions moved to year ``y``; each minimum is found by :func:`optimize` (SciPy
    differential evolution and a vectorised pattern search).
    """
    import pandas as pd

    from .trajectories import _years

    scn = _scenario(scenario)
    if years is None:
        base = float(scn.raw("years.base_year"))
        years = [y for y in BEST_BY_YEAR_DEFAULT if y >= base] or [int(base)]
    yrs = _years(years, scn)
    seed = _check_seed(seed)
    rows = []
    results = {}
    prev_o = prev_g = None
    for y in yrs:
        year = int(y) if float(y).is_integer() else float(y)
        s_y = scn.with_overrides({"years.year": year})
        o = optimize(
            s_y,
            variables,
            objective=ORBITAL,
            constraints=constraints,
            seed=seed,
            initial=[prev_o.with_overrides({"years.year": year})] if (warm_start and prev_o is not None) else (),
            **kw,
        )
        g = optimize(
            s_y,
            ground_variables,
            objective=TERRESTRIAL,
            seed=seed,
            initial=[prev_g.with_overrides({"years.year": year})] if (warm_start and prev_g is not None) else (),
            **kw,
        )
        prev_o, prev_g = o.scenario, g.scenario
        b = BestVsGround(o, g, o.value / g.value, o.start_value / g.start_value if g.start_value else float("nan"))
        results[year] = b
        rows.append(
            {
                "year": year,
                "orbit_best": o.value,
                "ground_best": g.value,
                "ratio_best": b.ratio,
                "orbit_as_given": o.start_value,
                "ground_as_given": g.start_value,
                "ratio_as_given": b.start_ratio,
                "orbit_changes": _changes_text(o),
                "ground_changes": _changes_text(g),
                "evaluations": o.evaluations + g.evaluations,
                "wall_time": o.wall_time + g.wall_time,
            }
        )
    table = pd.DataFrame(rows)
    table.attrs.update(unit=o.unit, seed=seed, scenario=scn.name or "(custom)")
    return BestByYear(table, results)


def _changes_text(r: OptimizeResult) -> str:
    """The searched fields a best design changes, ``field=value`` separated by '; '."""
    return "; ".join(f"{k}={_fmt(b)}" for k, (_, b) in r.changes.items() if k in r.variables)
