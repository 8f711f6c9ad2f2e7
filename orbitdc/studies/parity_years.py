"""When orbit reaches parity: parity years, their distribution and deciding inputs; what must
be true in a year, and the 2-D parity frontier (``orbitdc.studies.break_even`` on the
scenario moved to that year).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .break_even import breakeven, breakeven_map
from .distributions import uncertain_fields
from .inputs import BASELINES, _check_seed, _scenario, _si_scale, _spec
from .trajectories import (
    COSTS,
    TRAJECTORY_OUTPUTS,
    YEAR_KEY,
    _base_si,
    _run_mc,
    _years,
    launch_parity_year,
    trajectory,
)

__all__ = ["parity", "parity_sobol", "what_must_be_true", "parity_frontier", "ParityResult"]


# ============================================================================ parity


@dataclass(repr=False)
class ParityResult:
    """Result of :func:`parity`.

    Attributes
    ----------
    years : ndarray
        Calendar years evaluated.
    n, seed : int
        Samples and seed (``n = 0``: the scenario's own values).
    first_year : dict
        ``{baseline: array of the first parity year per sample}`` (NaN: not by the last year);
        the first ``keep`` samples when streaming.
    p_by_year : dict
        ``{baseline: P(first parity year <= year) per year}``.
    p_in_year : dict
        ``{baseline: share of samples at parity in each year}`` (parity can be lost again).
    median_year : dict
        ``{baseline: median first parity year, or None when not by the last year}``.
    share_never : dict
        ``{baseline: share of samples without parity by the last year}``.
    deciding : dict
        ``{baseline: pandas.DataFrame}`` of Spearman rank correlations between each sampled
        input and the parity year (``spearman``; no parity counted as after the last year) and
        the lowest orbital/baseline cost ratio over the years (``spearman_min_ratio``: the
        distance to parity), strongest first by the parity year, or by the distance to parity
        when the parity year does not vary (e.g. no sample reaches parity).
    deciding_basis : dict
        ``{baseline: what the deciding inputs are ranked by}``.
    closed_form : dict
        ``{baseline: year}`` for ``n = 0``: the fractional year at which the launch price path
        meets the break-even launch price (orbital cost is linear in the launch price);
        terrestrial only.
    """

    scenario: str
    years: np.ndarray
    n: int
    seed: int | None
    first_year: dict
    p_by_year: dict
    p_in_year: dict
    median_year: dict
    share_never: dict
    deciding: dict
    closed_form: dict = dc_field(default_factory=dict)
    trajectory: Any = None
    deciding_basis: dict = dc_field(default_factory=dict)

    def p_by(self, baseline: str, year: int) -> float:
        """P(parity with ``baseline`` by ``year``)."""
        i = np.searchsorted(self.years, year, side="right") - 1
        return 0.0 if i < 0 else float(self.p_by_year[baseline][i])

    def to_dataset(self):
        """The per-year probabilities as an xarray Dataset (``year`` dimension)."""
        import xarray as xr

        data = {}
        for b in self.p_by_year:
            data[f"p_parity_by_year.{b}"] = (
                ("year",),
                self.p_by_year[b],
                {"units": "1", "long_name": f"P(orbital cost per token <= {b} by this year)"},
            )
            data[f"p_parity_in_year.{b}"] = (
                ("year",),
                self.p_in_year[b],
                {"units": "1", "long_name": f"share of samples with orbit at or below {b} in this year"},
            )
        return xr.Dataset(
            data,
            coords={"year": self.years.astype(int)},
            attrs={"scenario": self.scenario, "n": self.n, "seed": -1 if self.seed is None else self.seed},
        )

    def summary(self, top: int = 3) -> str:
        last = int(self.years[-1])
        rows = [
            f"Parity years of {self.scenario}: {int(self.years[0])}-{last}, "
            + (f"{self.n} samples (seed {self.seed})" if self.n else "the scenario's own values")
        ]
        for b in self.p_by_year:
            med = self.median_year[b]
            med_t = f"{med:.0f}" if med is not None else f"not by {last}"
            marks = ", ".join(
                f"P(by {y}) = {self.p_by(b, y):.3f}"
                for y in (2030, 2035, 2040, 2045, 2050)
                if self.years[0] <= y <= last
            )
            rows.append(f"  vs {b}: median {med_t}; {marks}; not by {last}: {self.share_never[b]:.3f}")
            if b in self.closed_form and self.closed_form[b] is not None:
                rows.append(f"    closed form (launch price meets break-even): {self.closed_form[b]:.2f}")
            d = self.deciding.get(b)
            if d is not None and len(d):
                col = "spearman" if d["spearman"].notna().any() else "spearman_min_ratio"
                tops = "; ".join(f"{k} (rho {r:+.2f})" for k, r in zip(d.index[:top], d[col][:top]))
                what = "deciding inputs" if col == "spearman" else "inputs deciding the distance to parity"
                rows.append(f"    {what}: {tops}")
        return "\n".join(rows)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return f"<ParityResult {self.scenario} n={self.n}>"


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share their mean rank), centred and scaled to unit variance."""
    from scipy.stats import rankdata

    r = rankdata(x)
    r -= r.mean()
    sd = r.std()
    return r / sd if sd > 0 else np.zeros_like(r)


def parity(
    scenario: Any = None,
    years: Any = None,
    n: int = 10_000,
    seed: int | None = 0,
    *,
    baselines: Sequence[str] = ("terrestrial", "fleet"),
    distributions: Any = None,
    keep: int = 200_000,
    chunks: int | None = None,
    client=None,
) -> ParityResult:
    """When orbit reaches cost parity with the ground and the fleet, and how sure that is.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario.
    years : as :func:`trajectory`
        Default 2026-2050.
    n : int
        Monte Carlo samples (0: the scenario's own values, with the closed-form launch year).
    seed : int or None
        Seed.
    baselines : sequence of str
        ``"terrestrial"`` and/or ``"fleet"``.
    distributions : as :func:`orbitdc.studies.monte_carlo`
        Default: every field with a spread (learning rates and trends included).
    keep : int
        Samples whose parity years and inputs are kept for the rank correlations (all when
        ``n <= keep``); the probabilities always use all ``n`` samples, streamed.
    chunks, client
        Dask scale-out.

    Returns
    -------
    ParityResult

    Notes
    -----
    Parity in a year means orbital cost per token <= the baseline's.  The first parity year of
    a sample is the first year of the grid at parity; ``P(parity by y)`` is the share of
    samples whose first parity year is <= y (Wilson intervals are not reported: at n = 1e5 the
    95 % half-width is below 0.004).  The deciding inputs are ranked by |Spearman's rho|
    between each sampled input and the first parity year, with "no parity" ranked after the
    last year (Saltelli et al. 2008, ch. 1: rank correlation for monotone models).

    References
    ----------
    A. Saltelli et al., Global Sensitivity Analysis: The Primer, Wiley, 2008.
    """
    import pandas as pd

    scn = _scenario(scenario)
    yrs = _years(years, scn)
    bl = [baselines] if isinstance(baselines, str) else list(baselines)
    for b in bl:
        if b not in BASELINES:
            raise ScenarioError("baselines", b, "'terrestrial' or 'fleet'", "unknown baseline")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ScenarioError("n", n, "a whole number >= 0", "number of Monte Carlo samples")
    n = int(n)
    Y = yrs.size
    name = scn.name or "(custom)"
    if n == 0:
        ds = trajectory(scn, yrs, 0, outputs=list(TRAJECTORY_OUTPUTS))
        first, pby, pin, med, never, cf = {}, {}, {}, {}, {}, {}
        for b in bl:
            win = ds[COSTS[0]].values <= ds[f"cost_per_million_tokens.{b}"].values
            i = int(np.argmax(win)) if win.any() else Y
            fy = float(yrs[i]) if i < Y else math.nan
            first[b] = np.array([fy])
            pby[b] = (np.arange(Y) >= i).astype(float)
            pin[b] = win.astype(float)
            med[b] = None if i == Y else fy
            never[b] = 1.0 if i == Y else 0.0
        if "terrestrial" in bl:
            cf["terrestrial"] = launch_parity_year(scn, yrs, _ds=ds)
        return ParityResult(name, yrs, 0, None, first, pby, pin, med, never, {}, cf, ds)

    seed = _check_seed(seed)
    keep_n = min(n, int(keep))
    run = _run_mc(
        scn,
        yrs,
        n,
        seed,
        distributions,
        list(COSTS),
        False,
        chunks,
        client,
        parity_with=bl,
        keep_first=keep_n,
        keep_inputs_first=keep_n,
    )
    first, pby, pin, med, never, deciding, basis = {}, {}, {}, {}, {}, {}, {}
    num = [d for d in run.dists if not d.is_category]
    ranked = {d.key: _ranks(run.inputs[d.key][:keep_n]) for d in num if np.ptp(run.inputs[d.key][:keep_n]) > 0}
    for b in bl:
        counts = run.first_counts[b]
        cum = np.cumsum(counts[:Y]) / n
        pby[b] = cum
        pin[b] = run.at_parity[b] / n
        never[b] = float(counts[Y] / n)
        med[b] = float(yrs[int(np.searchsorted(cum, 0.5))]) if cum[-1] >= 0.5 else None
        idx = run.first[b]
        fy = np.where(idx < Y, yrs[np.minimum(idx, Y - 1)], np.nan)
        first[b] = fy
        rank_y = np.where(idx < Y, idx, Y).astype(float)
        rows, rows_gap = {}, {}
        ry = _ranks(rank_y) if np.ptp(rank_y) > 0 else None
        rg = _ranks(run.min_ratio[b])
        for k, rx in ranked.items():
            if ry is not None:
                rows[k] = float(np.mean(rx * ry))
            rows_gap[k] = float(np.mean(rx * rg))
        df = pd.DataFrame(
            {"spearman": pd.Series(rows, dtype=float), "spearman_min_ratio": pd.Series(rows_gap, dtype=float)}
        )
        if ry is None:  # no sample reaches parity (or all the same year): rank by the distance to parity
            df["spearman"] = np.nan
            df["abs"] = df["spearman_min_ratio"].abs()
            basis[b] = "lowest orbital/baseline cost ratio over the years (the parity year does not vary)"
        else:
            df["abs"] = df["spearman"].abs()
            basis[b] = "first parity year (no parity ranked after the last year)"
        deciding[b] = df.sort_values("abs", ascending=False)
    return ParityResult(name, yrs, n, seed, first, pby, pin, med, never, deciding, deciding_basis=basis)


# ============================================================================ Sobol indices of the parity year


def _task_parity_sobol(
    base: dict, dists: list, seed: int, start: int, stop: int, years: np.ndarray, baseline: str
) -> dict:
    """Rows [start, stop) of the Saltelli design, each priced in every year: parity year and
    lowest cost ratio, ``(k + 2, m)`` each."""
    from ..model import evaluate_si
    from .random_streams import _STREAM_SOBOL_A, _STREAM_SOBOL_B, _draw

    m = stop - start
    k = len(dists)
    va, _ = _draw(dists, seed, _STREAM_SOBOL_A, start, stop, si=True)
    vb, _ = _draw(dists, seed, _STREAM_SOBOL_B, start, stop, si=True)
    p = dict(base)
    for j, d in enumerate(dists):
        col = np.empty((k + 2) * m)
        for blk in range(k + 2):
            col[blk * m : (blk + 1) * m] = (vb if (blk == 1 or blk - 2 == j) else va)[d.key]
        p[d.key] = col[None, :]
    p[YEAR_KEY] = years[:, None]
    out = evaluate_si(p)
    shape = (years.size, (k + 2) * m)
    orb = np.broadcast_to(out[COSTS[0]], shape)
    ref = np.broadcast_to(out[f"cost_per_million_tokens.{baseline}"], shape)
    win = orb <= ref
    Y = years.size
    idx = np.where(win.any(axis=0), np.argmax(win, axis=0), Y)
    fy = np.where(idx < Y, years[np.minimum(idx, Y - 1)], years[-1] + 1.0)  # censored after the horizon
    return {"parity_year": fy.reshape(k + 2, m), "min_ratio": (orb / ref).min(axis=0).reshape(k + 2, m)}


def parity_sobol(
    scenario: Any = None,
    years: Any = None,
    n: int = 1024,
    seed: int | None = 0,
    *,
    baseline: str = "terrestrial",
    fields: Sequence[str] | None = None,
    top: int = 8,
    screen_n: int = 4000,
    n_boot: int = 200,
    confidence: float = 0.95,
    tol: float = 0.05,
    chunks: int | None = None,
    client=None,
):
    """Which inputs decide WHEN orbit reaches parity: Sobol indices of the parity year.

    Parameters
    ----------
    scenario, years : as :func:`parity`
    n : int
        Base sample size of the Saltelli design (>= 8): ``n (k + 2)`` samples, each priced in
        every year.
    seed : int or None
        Seed of the design (the same A and B matrices as :func:`orbitdc.studies.sobol_indices`)
        and of the screening.
    baseline : str
        ``"terrestrial"`` or ``"fleet"``.
    fields : sequence of str or mapping, optional
        The inputs analysed (their declared spreads, triangular around the scenario's value;
        or ``{field: distribution}`` as :func:`orbitdc.studies.monte_carlo` takes them); the
        others are held.  Default: the ``top`` inputs ranked by :func:`parity`'s rank
        correlations on ``screen_n`` samples of every uncertain input (a screening: an input
        that no rank correlation detects is held).
    n_boot, confidence, tol
        Bootstrap and convergence settings of :func:`orbitdc.studies.sobol_indices`.
    chunks, client
        Dask scale-out.

    Returns
    -------
    xarray.Dataset
        As :func:`orbitdc.studies.sobol_indices`, with two outputs: ``parity_year`` (the first
        year of the grid at which orbital cost per token <= the baseline's; **no parity by the
        last year is censored at last year + 1**) and ``min_ratio`` (the lowest orbital /
        baseline cost ratio over the years: the distance to parity, which still ranks the
        inputs when no sample reaches parity and the parity year does not vary).
        ``attrs``: ``share_censored`` (share of the design's samples without parity),
        ``screened`` (whether ``fields`` came from the screening), ``baseline``.

    Notes
    -----
    The parity year is a step function of the inputs; the Saltelli (2010) and Jansen (1999)
    estimators only need a square-integrable output, so they apply as they are.  Censoring
    at ``last + 1`` treats "not by the horizon" as one year beyond it: the indices then
    answer "which inputs decide whether and when, within the horizon"; with a large share
    censored, read ``min_ratio`` as well.  An output that does not vary gets indices 0.

    References
    ----------
    A. Saltelli et al., Computer Physics Communications 181, 259-270 (2010);
    M. J. W. Jansen, Computer Physics Communications 117, 35-43 (1999).
    """
    import xarray as xr

    from .distributions import _resolve_dists
    from .execution import _chunk_rows, _execute
    from .inputs import _check_n
    from .sensitivity import _SOBOL_DOCS, _indices
    from .sweeps import _study_attrs
    from .trajectories import _ROWS

    scn = _scenario(scenario)
    yrs = _years(years, scn)
    if baseline not in BASELINES:
        raise ScenarioError("baseline", baseline, "'terrestrial' or 'fleet'", "unknown baseline")
    n = _check_n("n", n, 8)
    n_boot = _check_n("n_boot", n_boot, 10)
    seed = _check_seed(seed)
    screened = fields is None
    if screened:
        top = _check_n("top", top, 1)
        pr = parity(scn, yrs, _check_n("screen_n", screen_n, 16), seed, baselines=(baseline,))
        fields = list(pr.deciding[baseline].index[:top])
    dists = _resolve_dists(scn, fields if isinstance(fields, Mapping) else list(fields))
    if any(d.is_category for d in dists):
        raise ScenarioError(
            "fields", [d.key for d in dists if d.is_category], "numeric fields", "choices have no Sobol design here"
        )
    k = len(dists)
    base = _base_si(scn)
    step = max(1, _chunk_rows(chunks, None, default=max(1, _ROWS // yrs.size)) // (k + 2))
    f_all = {o: np.empty((k + 2, n)) for o in ("parity_year", "min_ratio")}

    def consume(i, res):
        s0 = i * step
        for o in f_all:
            f_all[o][:, s0 : s0 + res[o].shape[1]] = res[o]

    args = [(base, dists, seed, s0, min(s0 + step, n), yrs, baseline) for s0 in range(0, n, step)]
    _execute(_task_parity_sobol, args, consume, client=client, use_dask=chunks is not None and client is None)
    names = list(_SOBOL_DOCS)
    outs = list(f_all)
    res = {nm: np.zeros((len(outs), k)) for nm in names}
    variance = np.zeros(len(outs))
    converged = np.zeros(len(outs), dtype=bool)
    for j, o in enumerate(outs):
        vals, variance[j], converged[j] = _indices(f_all[o], n, seed, n_boot, confidence, tol)
        for nm in names:
            res[nm][j] = vals[nm]
    data = {nm: (("output", "field"), res[nm], {"long_name": _SOBOL_DOCS[nm], "units": "1"}) for nm in names}
    data["variance"] = ("output", variance, {"long_name": "variance of the output over the design"})
    data["converged"] = ("output", converged, {"long_name": f"indices within tol = {tol} (sobol_indices)"})
    data["distribution"] = ("field", np.array([d.describe() for d in dists], dtype=object))
    censored = float(np.mean(f_all["parity_year"][:2] > yrs[-1]))
    return xr.Dataset(
        data,
        coords={"output": outs, "field": [d.key for d in dists]},
        attrs=_study_attrs(
            scn,
            "parity_sobol",
            n=n,
            evaluations=n * (k + 2) * yrs.size,
            seed=seed,
            baseline=baseline,
            years=f"{int(yrs[0])}-{int(yrs[-1])}",
            censored_at=int(yrs[-1]) + 1,
            share_censored=censored,
            screened=int(screened),
            n_boot=n_boot,
            confidence=confidence,
            tol=tol,
            method="Saltelli 2010 / Jansen 1999 on the first parity year (no parity: last year + 1)",
        ),
    )


# ============================================================================ what must be true


def _at(scn, year: float):
    return scn.with_overrides({YEAR_KEY: float(year)})


def _moved_value(scn, year: float, key: str, value_unit: float) -> float:
    """The value a base-year input ``value_unit`` takes in ``year`` (the laws applied)."""
    from ..sections.years import at_year

    f = _spec(key)
    scale, offset = _si_scale(f)
    p = dict(_base_si(scn))
    p[key] = value_unit * scale + offset
    p[YEAR_KEY] = float(year)
    q = at_year(p)
    return float((np.asarray(q[key], dtype=float) - offset) / scale)


def what_must_be_true(
    scenario: Any = None,
    year: int = 2035,
    baseline: str = "terrestrial",
    *,
    fields: Sequence[str] | None = None,
    n: int = 32,
):
    """For one year, the value of each uncertain input at which orbit meets a baseline.

    Each input is varied alone across its declared spread (the others held at the scenario's
    values, moved to ``year``) with :func:`orbitdc.studies.breakeven`.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario.
    year : int
        Calendar year.
    baseline : str
        ``"terrestrial"`` or ``"fleet"``.
    fields : sequence of str, optional
        Inputs to solve for (default: every field with a spread).
    n : int
        Grid points per input before bisection.

    Returns
    -------
    pandas.DataFrame
        One row per input: ``unit``, ``value`` (the scenario's, as entered for the base year),
        ``value_in_year`` (moved to ``year``), ``parity_value`` and ``parity_value_in_year``
        (NaN: "none in range"), ``orbit_wins`` ("below"/"above" the parity value), ``status``.
        Sorted with the inputs that reach parity first, nearest to their current value.
    """
    import pandas as pd

    scn = _scenario(scenario)
    y = float(_years([int(year)], scn)[0])
    at = _at(scn, y)
    keys = list(fields) if fields is not None else uncertain_fields(include_years=True)
    rows = []
    for k in keys:
        f = _spec(k)
        v = float(scn.raw(k))
        be = breakeven(at, k, baseline, n=n)
        pv = math.nan if be.value is None else be.value
        rows.append(
            {
                "field": k,
                "unit": f.unit,
                "value": v,
                "value_in_year": _moved_value(scn, y, k, v),
                "parity_value": pv,
                "parity_value_in_year": math.nan if be.value is None else _moved_value(scn, y, k, pv),
                "orbit_wins": None if be.value is None else ("below" if be.orbit_wins_below else "above"),
                "status": "crossing" if be.value is not None else f"none in range ({be.status})",
            }
        )
    df = pd.DataFrame(rows).set_index("field")
    with np.errstate(divide="ignore", invalid="ignore"):
        df["change_needed"] = df["parity_value"] / df["value"]
    df["_o"] = np.where(df["parity_value"].notna(), np.abs(np.log(np.abs(df["change_needed"]).clip(1e-300))), np.inf)
    return df.sort_values("_o").drop(columns="_o")


def parity_frontier(
    scenario: Any = None,
    year: int = 2035,
    x_field: str = "finance.array_cost_per_watt",
    y_field: str = "launch.price_per_kg",
    baseline: str = "terrestrial",
    **kw,
):
    """The 2-D parity frontier of two inputs in one year.

    :func:`orbitdc.studies.breakeven_map` on the scenario moved to ``year``: the axes are
    the inputs as entered (base-year values, to which the year's laws are applied).

    Returns
    -------
    xarray.Dataset
        As :func:`orbitdc.studies.breakeven_map`, with ``attrs["year"]``.
    """
    scn = _scenario(scenario)
    y = float(_years([int(year)], scn)[0])
    ds = breakeven_map(_at(scn, y), x_field, y_field, baseline, **kw)
    ds.attrs["year"] = int(y)
    return ds
