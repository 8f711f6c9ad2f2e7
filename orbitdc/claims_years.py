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

    from . import claims, presets

    rows = []
    for name in presets_:
        scn = presets.load(name)
        by_year = {}
        for y in years:
            by_year[y] = claims.check(scn.with_overrides({"years.year": float(y)}))
        first = by_year[years[0]]
        for j, r in enumerate(first):
            verdicts = [by_year[y][j].verdict for y in years]
            holds = [y for y, v in zip(years, verdicts) if v == "holds"]
            rows.append(
                {
                    "claim": r.key,
                    "text": r.claim,
                    "preset": name,
                    "verdict_first": verdicts[0],
                    "verdict_last": verdicts[-1],
                    "holds_from": holds[0] if holds else None,
                }
            )
    return pd.DataFrame(rows)


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
