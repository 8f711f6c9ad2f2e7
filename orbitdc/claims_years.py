"""Claims over the years: which claim holds, from which year, under which preset.

Two families, both checked through the one pipeline on the year axis
(:mod:`orbitdc.sections.years`):

* the seed documents' claims (:mod:`orbitdc.claims`), re-checked in every year of a
  trajectory for each preset: :func:`seed_claims_by_year`;
* the headlines of the published projections shipped as presets (industry TCO model,
  scenario timeline, Google Suncatcher, SpaceX's FCC filing, Starcloud-3), each compared with
  the model's number in the year the source names: :func:`projections`.

A verdict is ``"holds"`` or ``"fails"``; ``first_year`` is the first year of the grid in which
the claim holds (None: not by the last year).  Tolerances are stated with each check.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = [
    "ClaimsReport",
    "best_vs_best",
    "report",
    "ProjectionResult",
    "PROJECTIONS",
    "PROJECTION_PRESETS",
    "projections",
    "seed_claims_by_year",
    "format_projections",
]

PROJECTION_PRESETS = (
    "tco-base",
    "tco-bull",
    "timeline-optimistic",
    "timeline-central",
    "timeline-conservative",
    "suncatcher",
    "spacex-fcc-odc",
    "starcloud-3",
)
"""The presets that carry published projections."""

RATIO = "economics.ratio_orbital_terrestrial"


@dataclass
class ProjectionResult:
    """A published projection's headline against the model.

    Attributes
    ----------
    key, preset, claim, source : str
        Identifier, the preset it runs on, the headline as published and where.
    verdict : str
        ``"holds"`` or ``"fails"`` (in the year the source names, within ``tolerance``).
    first_year : int or None
        First year of the grid in which the model meets the headline (None: not by the last).
    numbers : dict
        The model's figures behind the verdict.
    tolerance : str
        The tolerance applied.
    """

    key: str
    preset: str
    claim: str
    source: str
    verdict: str = "untested"
    first_year: int | None = None
    numbers: dict = field(default_factory=dict)
    tolerance: str = ""


@dataclass(frozen=True)
class _Projection:
    key: str
    preset: str
    claim: str
    source: str
    year: int
    tolerance: str
    test: Callable  # (trajectory Dataset, scenario) -> (bool array over years, numbers dict for the year)


def _first(ok: np.ndarray, years: np.ndarray) -> int | None:
    ok = np.asarray(ok, dtype=bool)
    return int(years[int(np.argmax(ok))]) if ok.any() else None


def _ratio_at_most(limit: float):
    def test(ds, scn, year):
        r = ds[RATIO].values
        return r <= limit, {
            f"orbit/ground in {year}": f"{float(ds[RATIO].sel(year=year)):.3g}x",
            "headline": f"{limit / 1.1:.2g}x",
        }

    return test


def _parity_by(ds, scn, year):
    r = ds[RATIO].values
    first = _first(r <= 1.0, ds["year"].values)
    return r <= 1.0, {
        f"orbit/ground in {year}": f"{float(ds[RATIO].sel(year=year)):.3g}x",
        "first parity year": str(first) if first else f"none by {int(ds['year'].values[-1])}",
    }


def _kw_per_tonne(ds, scn, year):
    from .model import evaluate

    r = evaluate(scn)
    kwt = 1000.0 / r.value("launch.mass_per_kw", "kg/kW")
    ok = np.full(ds["year"].size, kwt >= 90.0)
    return ok, {"model compute per tonne": f"{kwt:.3g} kW/t", "filing": "100 kW/t"}


def _starcloud_mass(ds, scn, year):
    from .model import evaluate

    m = evaluate(scn).value("launch.satellite_mass", "t")
    ok = np.full(ds["year"].size, abs(m / 3.0 - 1.0) <= 0.25)
    return ok, {"model satellite mass": f"{m:.3g} t", "claim": "about 3 t"}


def _price_at(target: float):
    def test(ds, scn, year):
        from .studies.trajectories import _launch_price_per_kg

        price = _launch_price_per_kg(scn, ds)
        y = ds["year"].values
        return price <= target * 1.005, {
            f"launch price in {year}": f"{float(price[list(y).index(year)]):.4g} USD/kg",
            "headline": f"{target:g} USD/kg",
        }

    return test


PROJECTIONS: tuple[_Projection, ...] = (
    _Projection(
        "tco_base_launch",
        "tco-base",
        "Launch falls from $1,700/kg to $485/kg by 2050 (base case)",
        "industry TCO model 2026-2050 (issue 15)",
        2050,
        "0.5 % (an input path)",
        _price_at(485.0),
    ),
    _Projection(
        "tco_base_parity",
        "tco-base",
        "Orbit reaches parity with the ground around 2040",
        "industry TCO model 2026-2050 (issue 15)",
        2042,
        "parity by 2042 (around 2040 +- 2 yr)",
        _parity_by,
    ),
    _Projection(
        "tco_bull_launch",
        "tco-bull",
        "Launch falls to $80/kg by 2050 (bull case)",
        "industry TCO model 2026-2050 (issue 15)",
        2050,
        "0.5 % (an input path)",
        _price_at(80.0),
    ),
    _Projection(
        "timeline_optimistic",
        "timeline-optimistic",
        "Orbit/ground about 1.1x by 2035 (optimistic)",
        "Orbital AI Data Centers: Economic Competitiveness Timeline (2026)",
        2035,
        "ratio <= 1.1 x 1.1",
        _ratio_at_most(1.1 * 1.1),
    ),
    _Projection(
        "timeline_optimistic_2040",
        "timeline-optimistic",
        "Orbit/ground about 1x by 2040 (optimistic)",
        "Orbital AI Data Centers: Economic Competitiveness Timeline (2026)",
        2040,
        "ratio <= 1.0 x 1.1",
        _ratio_at_most(1.0 * 1.1),
    ),
    _Projection(
        "timeline_central",
        "timeline-central",
        "Orbit/ground about 1.5x by 2040 (central)",
        "Orbital AI Data Centers: Economic Competitiveness Timeline (2026)",
        2040,
        "ratio <= 1.5 x 1.1",
        _ratio_at_most(1.5 * 1.1),
    ),
    _Projection(
        "timeline_conservative",
        "timeline-conservative",
        "Orbit/ground about 3.3x by 2040 (conservative)",
        "Orbital AI Data Centers: Economic Competitiveness Timeline (2026)",
        2040,
        "ratio <= 3.3 x 1.1",
        _ratio_at_most(3.3 * 1.1),
    ),
    _Projection(
        "suncatcher_price",
        "suncatcher",
        "Launch at or below $200/kg by the mid-2030s",
        "Google Project Suncatcher (2025)",
        2035,
        "0.5 % (an input path)",
        _price_at(200.0),
    ),
    _Projection(
        "suncatcher_threshold",
        "suncatcher",
        "$200/kg is the threshold at which gigawatt-scale orbital compute becomes economic",
        "Google Project Suncatcher (2025), read as parity with the ground in 2035",
        2035,
        "ratio <= 1",
        _parity_by,
    ),
    _Projection(
        "spacex_kw_per_tonne",
        "spacex-fcc-odc",
        "100 kW of compute per tonne of satellite",
        "SpaceX FCC filing SAT-LOA-20260108-00016 (2026)",
        2026,
        ">= 90 kW/t",
        _kw_per_tonne,
    ),
    _Projection(
        "spacex_cheapest",
        "spacex-fcc-odc",
        "Within a few years the lowest-cost AI compute will be in space",
        "SpaceX FCC filing SAT-LOA-20260108-00016 (2026), read as parity with the ground by 2030",
        2030,
        "ratio <= 1",
        _parity_by,
    ),
    _Projection(
        "starcloud_mass",
        "starcloud-3",
        "A 200 kW satellite of about 3 t",
        "Starcloud CEO, TechCrunch (March 2026)",
        2026,
        "+- 25 %",
        _starcloud_mass,
    ),
    _Projection(
        "starcloud_parity",
        "starcloud-3",
        "Cost-competitive with terrestrial data centers at about $500/kg",
        "Starcloud CEO, TechCrunch (March 2026)",
        2026,
        "ratio <= 1 at $500/kg",
        _parity_by,
    ),
)
"""The published headlines checked, in report order."""


def projections(years: Any = (2026, 2050), presets_: Sequence[str] | None = None) -> list[ProjectionResult]:
    """Check every published projection's headline against the model on its preset.

    Parameters
    ----------
    years : as :func:`orbitdc.studies.trajectory`
        The grid of years (must contain each headline's year).
    presets_ : sequence of str, optional
        Only the projections of these presets.

    Returns
    -------
    list of ProjectionResult
    """
    from . import presets, studies

    out = []
    cache: dict = {}
    for pj in PROJECTIONS:
        if presets_ is not None and pj.preset not in presets_:
            continue
        if pj.preset not in cache:
            scn = presets.load(pj.preset)
            cache[pj.preset] = (scn, studies.trajectory(scn, years))
        scn, ds = cache[pj.preset]
        yrs = ds["year"].values
        ok, numbers = pj.test(ds, scn, pj.year)
        ok = np.asarray(ok, dtype=bool)
        i = list(yrs).index(pj.year) if pj.year in yrs else None
        verdict = "untested" if i is None else ("holds" if ok[i] else "fails")
        out.append(
            ProjectionResult(pj.key, pj.preset, pj.claim, pj.source, verdict, _first(ok, yrs), numbers, pj.tolerance)
        )
    return out


def seed_claims_by_year(
    presets_: Sequence[str] = ("dawn-dusk-650", "seed-claims") + PROJECTION_PRESETS,
    years: Sequence[int] = tuple(range(2026, 2051)),
):
    """The seed documents' claims re-checked in every year, for each preset.

    Returns
    -------
    pandas.DataFrame
        One row per (claim, preset): ``claim``, ``verdict_first`` (in the first year),
        ``verdict_last`` (in the last year) and ``holds_from`` (first year the verdict is
        ``"holds"``; None if never).
    """
    import pandas as pd

    from . import presets

    frames = [_by_year_for(presets.load(name), list(years), name) for name in presets_]
    return pd.concat(frames, ignore_index=True)


def format_projections(results: list[ProjectionResult]) -> str:
    """A plain-text table of :func:`projections`."""
    lines = []
    for r in results:
        fy = f"from {r.first_year}" if r.first_year is not None else "never in range"
        nums = "; ".join(f"{k}: {v}" for k, v in r.numbers.items())
        lines.append(
            f"[{r.verdict:^7}] {r.preset}: {r.claim} ({fy}; {nums}; tolerance {r.tolerance})\n"
            f"          source: {r.source}"
        )
    return "\n".join(lines)


def _nan_to_none(x):  # pragma: no cover - helper for JSON callers
    return None if isinstance(x, float) and math.isnan(x) else x


# ============================================================================ best against best


def best_vs_best(scenario: Any = None, *, seed: int | None = 0, **kw) -> list:
    """The cost claims with the best orbital design against the best ground design.

    :func:`orbitdc.claims.check` compares the scenario's own satellite with its own data
    center.  An engineer would first pick the best design on each side for the same
    assumptions (:func:`orbitdc.studies.best_vs_ground`); this re-checks, that way:

    * ``best_orbit_vs_best_ground``: is the best orbital design cheaper per token than the
      best ground design, under the scenario's assumptions?
    * ``launch_200k_best``: the seed claim "about $200,000 per Starship launch makes orbit
      the cheapest place for inference", with the claim's launch (the catalog's
      ``starship-claim-200k``, held) and every other orbital design field searched, against
      the best ground design and the fleet (whose design has no choice to make).

    Parameters
    ----------
    scenario : Scenario, preset name, mapping or None
    seed : int or None
        Seed of the searches (reproducible).
    **kw
        Further arguments of :func:`orbitdc.studies.optimize` (``max_evaluations`` ...).

    Returns
    -------
    list of orbitdc.claims.ClaimResult
        Verdict ``"holds"`` or ``"fails"``, the best costs in ``numbers`` and each best
        design's changes in ``detail``.
    """
    from . import claims
    from .studies import design_comparison as cmp
    from .studies import optimizer as opt
    from .studies.inputs import _scenario

    scn = _scenario(scenario)
    out = []
    b = cmp.best_vs_ground(scn, seed=seed, **kw)
    c = claims.ClaimResult(
        "best_orbit_vs_best_ground",
        "Orbit is cheaper per token than the ground, each side with its best design",
        "issue 16 (best orbit against best ground, same assumptions)",
    )
    c.numbers = {
        "best orbital design, per 1M tokens": claims._usd(b.orbit.value),
        "best ground design, per 1M tokens": claims._usd(b.ground.value),
        "ratio best / best": f"{b.ratio:.3g}",
        "ratio as given": f"{b.start_ratio:.3g}",
    }
    c.hinges_on = "the design fields each side searched (orbitdc optimize --vs-ground) and the scenario's assumptions"
    c.verdict = "holds" if b.ratio < 1.0 else "fails"
    c.detail = _design_text(b)
    out.append(c)

    ov = claims._launch_override(scn, 200e3)
    s2 = scn.with_overrides(ov)
    box = opt.design_variables(s2, include=opt._default_sections([opt.ORBITAL]))
    for k in ov:
        box.pop(k, None)
    o2 = opt.optimize(s2, box, objective=opt.ORBITAL, seed=seed, **kw)
    g2 = b.ground  # the launch price does not move the ground: its best design is the same
    fl2 = float(o2.result.value("cost_per_million_tokens.fleet"))
    c2 = claims.ClaimResult(
        "launch_200k_best",
        "About $200,000 per Starship launch makes orbit the cheapest place for inference (best designs)",
        "Launch; Orbital AI data center (checked with each side's best design)",
    )
    c2.numbers = {
        "best orbital design at $200k/launch, per 1M tokens": claims._usd(o2.value),
        "best ground design, per 1M tokens": claims._usd(g2.value),
        "fleet, per 1M tokens": claims._usd(fl2),
        "ratio best orbit / best ground": f"{o2.value / g2.value:.3g}",
    }
    c2.hinges_on = "the launch held at the claim's vehicle; every other orbital design field searched"
    cheapest = min(g2.value, fl2)
    c2.verdict = "holds" if o2.value < cheapest else "fails"
    c2.detail = (
        f"Best orbit at $200k per launch {claims._usd(o2.value)} against the best ground "
        f"{claims._usd(g2.value)} and the fleet {claims._usd(fl2)}. Orbit: "
        + (cmp._changes_text(o2) or "the scenario's design is already the best")
        + "."
    )
    out.append(c2)
    return out


def _design_text(b) -> str:
    from .studies import design_comparison as cmp

    return (
        "Best orbit: "
        + (cmp._changes_text(b.orbit) or "the scenario's design")
        + ". Best ground: "
        + (cmp._changes_text(b.ground) or "the scenario's design")
        + "."
    )


# ============================================================================ the claims report


@dataclass
class ClaimsReport:
    """Every claims check of a scenario in one object (what ``orbitdc claims`` prints).

    Attributes
    ----------
    claims : list of ClaimResult
        :func:`orbitdc.claims.check` on the scenario as given.
    best : list of ClaimResult
        :func:`best_vs_best` (empty unless asked for: it runs the optimiser).
    projections : list of ProjectionResult
        :func:`projections`: each published projection on its preset, holds or fails in the
        year its source names, and the first year it holds.
    by_year : pandas.DataFrame or None
        :func:`seed_claims_by_year` for the scenario: from which year each seed claim holds.
    """

    claims: list
    best: list = field(default_factory=list)
    projections: list = field(default_factory=list)
    by_year: Any = None

    def format(self, width: int = 100) -> str:
        from . import claims as cl

        parts = [cl.format_table(self.claims, width)]
        if self.best:
            parts += ["", "Best orbit against best ground (each side's best design, same assumptions)", ""]
            parts.append(cl.format_table(self.best, width))
        if self.by_year is not None and len(self.by_year):
            parts += ["", "Seed claims by year on this scenario (first year the claim holds)", ""]
            for _, r in self.by_year.iterrows():
                hf = r["holds_from"]
                hf = "never in range" if hf is None or (isinstance(hf, float) and math.isnan(hf)) else f"from {int(hf)}"
                a, b = (_short(r["verdict_first"]), _short(r["verdict_last"]))
                parts.append(f"  {r['claim']:<22} {a:>11} -> {b:<11} {hf}")
        if self.projections:
            parts += ["", "Published projections on their presets (verdict in the year the source names)", ""]
            parts.append(format_projections(self.projections))
        return "\n".join(parts)

    def to_dict(self) -> dict:
        import dataclasses

        d = {
            "claims": [dataclasses.asdict(r) for r in self.claims],
            "best_vs_best": [dataclasses.asdict(r) for r in self.best],
            "projections": [dataclasses.asdict(r) for r in self.projections],
        }
        if self.by_year is not None:
            d["by_year"] = [
                {k: _nan_to_none(v) for k, v in row.items()} for row in self.by_year.to_dict(orient="records")
            ]
        return d


def _short(verdict: str) -> str:
    return verdict if verdict in ("holds", "fails", "untested") else "conditional"


def report(
    scenario: Any = None,
    *,
    best: bool = False,
    projections_: bool = True,
    by_year: bool = False,
    years: Any = (2026, 2050),
    seed: int | None = 0,
) -> ClaimsReport:
    """The claims report of a scenario: seed claims, best against best, published projections.

    The one call behind ``orbitdc claims`` (and for the app's claims view).

    Parameters
    ----------
    scenario : Scenario, preset name, mapping or None
    best : bool
        Add :func:`best_vs_best` (runs the optimiser: seconds).
    projections_ : bool
        Add :func:`projections` (each published projection on its own preset, every year of
        ``years``).
    by_year : bool
        Add :func:`seed_claims_by_year` for this scenario over ``years``.
    years : as :func:`orbitdc.studies.trajectory`
    seed : int or None
        Seed of the best-design searches.

    Returns
    -------
    ClaimsReport
    """
    from . import claims
    from .studies.inputs import _scenario
    from .studies.trajectories import _years

    scn = _scenario(scenario)
    rep = ClaimsReport(claims.check(scn))
    if best:
        rep.best = best_vs_best(scn, seed=seed)
    if projections_:
        rep.projections = projections(years)
    if by_year:
        yrs = [int(y) for y in _years(years, scn)]
        rep.by_year = _by_year_for(scn, yrs)
    return rep


def _by_year_for(scn, years: Sequence[int], name: str | None = None):
    import pandas as pd

    from . import claims

    by = {y: claims.check(scn.with_overrides({"years.year": float(y)})) for y in years}
    rows = []
    for j, r in enumerate(by[years[0]]):
        verdicts = [by[y][j].verdict for y in years]
        holds = [y for y, v in zip(years, verdicts) if v == "holds"]
        rows.append(
            {
                "claim": r.key,
                "text": r.claim,
                "preset": name or scn.name or "(custom)",
                "verdict_first": verdicts[0],
                "verdict_last": verdicts[-1],
                "holds_from": holds[0] if holds else None,
            }
        )
    return pd.DataFrame(rows)
