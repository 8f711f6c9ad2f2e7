"""Costs over calendar years: :func:`trajectory` and the closed-form launch parity year.

The year is an input like any other (``years.year``, section :mod:`orbitdc.sections.years`):
:func:`trajectory` broadcasts a ``(Y, 1)`` column of years against ``(1, N)`` Monte Carlo
samples through the one pipeline, :func:`orbitdc.model.evaluate_si`, so stages that do not
depend on the year (orbit, thermal, links, power, most of launch) compute each sample once
and only the priced stages run ``Y x N`` values.  Samples are drawn exactly as
:func:`orbitdc.studies.monte_carlo` draws them (same seed, same streams), so the base-year
slice of a trajectory is that Monte Carlo.  Parity years, the deciding inputs and "what must
be true" are in ``orbitdc.studies.parity_years``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .distributions import _resolve_dists, uncertain_fields
from .execution import _bases_for, _category_groups, _chunk_rows, _execute, _TaskError
from .inputs import _check_seed, _output_attrs, _resolve_outputs, _scenario, _to_display
from .montecarlo import _input_vars
from .percentiles import _LogHist, _percentiles
from .random_streams import _STREAM_MC, _draw
from .sweeps import _study_attrs

__all__ = ["trajectory", "launch_parity_year", "TRAJECTORY_OUTPUTS", "DEFAULT_YEARS", "COSTS"]

YEAR_KEY = "years.year"

DEFAULT_YEARS = (2026, 2050)
"""Default first and last year of a trajectory (inclusive)."""

TRAJECTORY_OUTPUTS = (
    "cost_per_million_tokens.orbital",
    "cost_per_million_tokens.terrestrial",
    "cost_per_million_tokens.fleet",
    "economics.ratio_orbital_terrestrial",
    "economics.ratio_orbital_fleet",
    "economics.breakeven_price_per_kg",
    "launch.price_per_kg_to_orbit",
    "launch.deploy_cadence_multiple",
    "years.launch_price_factor",
    "years.hardware_cost_factor",
    "years.chip_throughput_factor",
    "years.ground_chip_throughput_factor",
)
"""Outputs a trajectory reports when the caller names none."""

COSTS = tuple(f"cost_per_million_tokens.{a}" for a in ("orbital", "terrestrial", "fleet"))

_ROWS = 40_000
"""Values (years x samples) per pipeline call of a Monte Carlo trajectory (see benchmarks)."""


# ============================================================================ helpers


def _years(years: Any, scn) -> np.ndarray:
    """Calendar years as a float array, checked against the field and the base year."""
    from ..scenario import sections

    f = sections()["years"]["year"]
    base = float(scn.raw("years.base_year"))
    if years is None:
        years = (max(DEFAULT_YEARS[0], int(base)), DEFAULT_YEARS[1])
    if isinstance(years, str):
        parts = years.split(":")
        try:
            nums = [int(t) for t in parts]
        except ValueError:
            raise ScenarioError(
                "years", years, "'FIRST:LAST', 'FIRST:LAST:STEP' or a list of years", "not a year range"
            ) from None
        if len(nums) == 1:
            years = nums
        elif len(nums) == 2:
            years = (nums[0], nums[1])
        elif len(nums) == 3 and nums[2] >= 1 and nums[1] >= nums[0]:
            # every STEP years from FIRST, LAST always included
            years = sorted(set(range(nums[0], nums[1] + 1, nums[2])) | {nums[1]})
        else:
            raise ScenarioError("years", years, "'FIRST:LAST' or 'FIRST:LAST:STEP' (STEP >= 1)", "not a year range")
    if isinstance(years, tuple) and len(years) == 2 and all(isinstance(v, (int, np.integer)) for v in years):
        a, b = int(years[0]), int(years[1])
        if b < a:
            raise ScenarioError("years", f"{a}:{b}", "FIRST <= LAST", "an empty range of years")
        years = np.arange(a, b + 1)
    arr = np.atleast_1d(np.asarray(years, dtype=float))
    if arr.ndim != 1 or arr.size == 0:
        raise ScenarioError("years", repr(years)[:60], "a non-empty list of years", "nothing to evaluate")
    f.check(YEAR_KEY, arr)
    if np.any(arr < base):
        raise ScenarioError(
            YEAR_KEY,
            float(arr[arr < base][0]),
            f">= years.base_year ({base:g})",
            "the laws move prices forward from the year the scenario describes",
        )
    if np.any(np.diff(arr) <= 0):
        raise ScenarioError("years", arr.tolist(), "increasing years", "years must be given in order, once each")
    return arr


def _base_si(scn) -> dict:
    return scn.to_si()


def _task_traj(
    bases: dict,
    dists: list,
    seed: int,
    start: int,
    stop: int,
    years: np.ndarray,
    out_keys: Sequence[str],
    keep_inputs: bool,
    buf: np.ndarray | None = None,
) -> dict:
    """Draw samples [start, stop) and evaluate them in every year: ``{key: (Y, m)}``."""
    from ..model import evaluate_si

    vals, codes = _draw(dists, seed, _STREAM_MC, start, stop, si=True, buf=buf)
    m = stop - start
    res = {k: np.empty((years.size, m)) for k in out_keys}
    ycol = years[:, None]
    for combo, sel in _category_groups(codes):
        p = dict(bases[combo])
        for k, v in vals.items():
            p[k] = (v if sel is None else v[sel])[None, :]
        p[YEAR_KEY] = ycol
        try:
            out = evaluate_si(p)
        except ScenarioError as exc:
            raise _TaskError(
                exc.field,
                exc.value,
                exc.allowed,
                f"{exc.reason} [infeasible combination in rows {start}..{stop - 1} of the "
                "trajectory: narrow the distribution]",
            ) from None
        for k in out_keys:
            if sel is None:
                res[k][...] = out[k]
            else:
                res[k][:, sel] = np.broadcast_to(out[k], (years.size, int(sel.sum())))
    if keep_inputs:
        res["__inputs__"] = {d.key: d.to_unit(vals[d.key]).copy() for d in dists if not d.is_category}
        res["__codes__"] = codes
    return res


class _Hist(_LogHist):
    """Streaming percentiles of one output in one year (0.23 % bins over 1e-12..1e12)."""

    PER_DECADE = 1000
    LO, HI = -12.0, 12.0


class _YearHist:
    """Streaming percentiles of one output in every year at once: one :class:`_Hist` grid per
    year, filled from the whole ``(Y, m)`` block of a chunk by one ``bincount``.

    Bins are laid out value-major, year-minor (``index = bin * Y + year``) over negative
    values (largest magnitude first), zero, positive values, so a chunk's bins fall in a
    narrow span of the counts (an output spans a few decades: a few thousand bins), and a
    cumulative sum over the bins of a year is in increasing order of value; each percentile
    is then one ``searchsorted`` per year (the same bins, centres and rank rule as
    :meth:`_LogHist.percentile`).
    """

    def __init__(self, years: int):
        self.nb = int((_Hist.HI - _Hist.LO) * _Hist.PER_DECADE)
        self.width = 2 * self.nb + 1
        self.Y = years
        self.counts = np.zeros(self.width * years, dtype=np.int64)
        self._year = np.arange(years)[:, None]

    def add(self, x: np.ndarray) -> None:
        """Count a ``(Y, m)`` block (row ``i``: year ``i``)."""
        nb = self.nb
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.log10(np.abs(x))
        t -= _Hist.LO
        t *= _Hist.PER_DECADE
        np.floor(t, out=t)
        np.clip(t, 0, nb - 1, out=t)
        b = t.astype(np.intp)
        if x.min() > 0:  # the usual case: costs, masses, factors
            b += nb + 1
        else:
            b = np.where(x > 0, nb + 1 + b, np.where(x < 0, nb - 1 - b, nb))
        b *= self.Y
        b += self._year
        lo, hi = int(b.min()), int(b.max())
        self.counts[lo : hi + 1] += np.bincount((b - lo).ravel(), minlength=hi - lo + 1)

    def percentiles(self, qs: np.ndarray, n: int, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """``(Y, len(qs))`` percentiles, clipped to each year's exact minimum and maximum."""
        centres = 10 ** (_Hist.LO + (np.arange(self.nb) + 0.5) / _Hist.PER_DECADE)
        values = np.concatenate([-centres[::-1], [0.0], centres])
        cum = np.cumsum(self.counts.reshape(self.width, self.Y), axis=0)
        out = np.empty((self.Y, qs.size))
        for j, q in enumerate(qs):
            rank = q / 100.0 * (n - 1)
            i = (cum <= rank).sum(axis=0)  # searchsorted(cum[:, year], rank, side="right")
            out[:, j] = np.clip(values[np.minimum(i, values.size - 1)], lo, hi)
        return out


def _deterministic(scn, yrs: np.ndarray, out_keys: Sequence[str]) -> dict:
    from ..model import evaluate_si

    p = dict(_base_si(scn))
    p[YEAR_KEY] = yrs
    out = evaluate_si(p)
    return {k: np.broadcast_to(np.asarray(out[k], dtype=float), yrs.shape).copy() for k in out_keys}


# ============================================================================ trajectory


def trajectory(
    scenario: Any = None,
    years: Any = None,
    n: int = 0,
    seed: int | None = 0,
    *,
    distributions: Any = None,
    outputs: Any = None,
    percentiles: Sequence[float] = (5, 50, 95),
    keep_samples: bool | str = "auto",
    chunks: int | None = None,
    client=None,
):
    """Costs over calendar years, optionally with Monte Carlo uncertainty.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario (its ``years.base_year`` values).
    years : (first, last), "FIRST:LAST", sequence of years or None
        Calendar years (default 2026-2050), each >= the base year.
    n : int
        Monte Carlo samples (0: the scenario's own values only).
    seed : int or None
        Seed of the samples (as :func:`orbitdc.studies.monte_carlo`).
    distributions : as :func:`orbitdc.studies.monte_carlo`
        Default: every field with a spread, learning rates and trends included.
    outputs : str, sequence or None
        Output keys (default :data:`TRAJECTORY_OUTPUTS`); the three costs are always kept.
    percentiles : sequence of float
        Percentiles reported per year when ``n > 0``.
    keep_samples : "auto", True or False
        Keep every sample's outputs in every year (``(year, sample)`` variables and the sampled
        inputs); "auto" keeps them up to 5e7 values.  False streams: memory independent of
        ``n``, percentiles from a log histogram (0.23 % bins), means exact.
    chunks, client
        Dask scale-out as in the other studies (samples per task; a distributed Client).

    Returns
    -------
    xarray.Dataset
        Dimension ``year`` (and ``sample`` when samples are kept, ``percentile`` when
        ``n > 0``).  With ``n = 0`` each output is a ``(year,)`` variable; with ``n > 0``
        ``<output>`` holds the samples ``(year, sample)`` when kept, and
        ``<output>.p<q>`` and ``<output>.mean`` the per-year statistics.  Units in
        ``attrs["units"]``.

    Notes
    -----
    Inputs move from the base year by the laws of :mod:`orbitdc.sections.years`; in the base
    year every factor is exactly 1, so the base-year slice equals :func:`orbitdc.evaluate`
    (``n = 0``) or :func:`orbitdc.studies.monte_carlo` with the same seed (``n > 0``).
    With every learning rate and trend at zero the trajectory is flat.
    """
    import xarray as xr

    scn = _scenario(scenario)
    yrs = _years(years, scn)
    out_keys = _resolve_outputs(outputs if outputs is not None else list(TRAJECTORY_OUTPUTS), required=list(COSTS))
    n = int(n) if isinstance(n, (int, np.integer)) and not isinstance(n, bool) else n
    if not isinstance(n, int) or n < 0:
        raise ScenarioError("n", n, "a whole number >= 0", "number of Monte Carlo samples")
    attrs = _study_attrs(scn, "trajectory", n=n, seed=None if n == 0 else seed)
    coords = {"year": yrs.astype(int)}
    if n == 0:
        res = _deterministic(scn, yrs, out_keys)
        data = {k: (("year",), _to_display(k, res[k]), _output_attrs(k)) for k in out_keys}
        return xr.Dataset(data, coords=coords, attrs=attrs)

    seed = _check_seed(seed)
    qs = np.asarray(list(percentiles), dtype=float)
    if qs.size == 0 or np.any(~np.isfinite(qs)) or np.any((qs < 0) | (qs > 100)):
        raise ScenarioError(
            "percentiles", list(percentiles), "numbers in [0, 100]", "a percentile is between 0 and 100"
        )
    if keep_samples not in (True, False, "auto"):
        raise ScenarioError("keep_samples", keep_samples, "'auto', True or False", "unknown option")
    if keep_samples == "auto":
        keep_samples = n * yrs.size * len(out_keys) <= 5e7
    run = _run_mc(scn, yrs, n, seed, distributions, out_keys, keep_samples, chunks, client, qs=qs)
    data: dict = {}
    for k in out_keys:
        a = _output_attrs(k)
        if keep_samples:
            x = _to_display(k, run.store[k])
            data[k] = (("year", "sample"), x, a)
            pv = np.stack([_percentiles(x[i], qs) for i in range(yrs.size)])
            mean = x.mean(axis=1)
        else:
            pv = run.hists[k].percentiles(qs, n, run.mins[k], run.maxs[k])
            mean = run.sums[k] / n
        for j, q in enumerate(qs):
            data[f"{k}.p{q:g}"] = (
                ("year",),
                pv[:, j],
                {**a, "long_name": f"{a.get('long_name', k)}, percentile {q:g}"},
            )
        data[f"{k}.mean"] = (("year",), mean, {**a, "long_name": f"{a.get('long_name', k)}, mean"})
    if keep_samples:
        data.update(_input_vars(run.dists, run.inputs, None, coded=True))
        coords["sample"] = np.arange(n)
    attrs["distributions"] = "; ".join(f"{d.key}: {d.describe()}" for d in run.dists)
    return xr.Dataset(data, coords=coords, attrs=attrs)


@dataclass
class _Run:
    dists: list
    store: dict = dc_field(default_factory=dict)
    inputs: dict = dc_field(default_factory=dict)
    hists: dict = dc_field(default_factory=dict)
    mins: dict = dc_field(default_factory=dict)
    maxs: dict = dc_field(default_factory=dict)
    sums: dict = dc_field(default_factory=dict)
    first: dict = dc_field(default_factory=dict)  # baseline -> first parity index per kept sample
    first_counts: dict = dc_field(default_factory=dict)  # baseline -> counts of first index (Y + 1 bins)
    at_parity: dict = dc_field(default_factory=dict)  # baseline -> samples at parity in each year
    min_ratio: dict = dc_field(default_factory=dict)  # baseline -> lowest orbital/baseline cost ratio per kept sample


def _run_mc(
    scn,
    yrs,
    n,
    seed,
    distributions,
    out_keys,
    keep_samples,
    chunks,
    client,
    *,
    qs=None,
    parity_with: Sequence[str] = (),
    keep_first: int = 0,
    keep_inputs_first: int = 0,
) -> _Run:
    """The chunked Monte Carlo over years shared by :func:`trajectory` and :func:`parity`."""
    if distributions is None:  # every uncertain field, the laws of the years included
        distributions = uncertain_fields(include_years=True)
    dists = _resolve_dists(scn, distributions)
    cat = [d for d in dists if d.is_category]
    bases = _bases_for(scn, [d.key for d in cat], [d.choices for d in cat])
    Y = yrs.size
    step = _chunk_rows(chunks, None, default=max(1, _ROWS // Y))
    run = _Run(dists=dists)
    keep_inputs = bool(keep_samples) or keep_inputs_first > 0
    n_inputs = n if keep_samples else min(n, keep_inputs_first)
    if keep_samples:
        run.store = {k: np.empty((Y, n)) for k in out_keys}
    else:
        run.hists = {k: _YearHist(Y) for k in out_keys}
        run.mins = {k: np.full(Y, np.inf) for k in out_keys}
        run.maxs = {k: np.full(Y, -np.inf) for k in out_keys}
        run.sums = {k: np.zeros(Y) for k in out_keys}
    if keep_inputs:
        run.inputs = {d.key: np.empty(n_inputs, dtype=np.int64 if d.is_category else float) for d in dists}
    for b in parity_with:
        run.first[b] = np.empty(min(n, keep_first), dtype=np.int64) if keep_first else None
        run.min_ratio[b] = np.empty(min(n, keep_first)) if keep_first else None
        run.first_counts[b] = np.zeros(Y + 1, dtype=np.int64)
        run.at_parity[b] = np.zeros(Y, dtype=np.int64)
    orb_key = COSTS[0]

    def consume(i, res):
        s = i * step
        m = res[out_keys[0]].shape[1]
        for b in parity_with:
            win = res[orb_key] <= res[f"cost_per_million_tokens.{b}"]
            run.at_parity[b] += win.sum(axis=1)
            idx = np.where(win.any(axis=0), np.argmax(win, axis=0), Y)
            run.first_counts[b] += np.bincount(idx, minlength=Y + 1)
            if run.first[b] is not None and s < run.first[b].size:
                e = min(s + m, run.first[b].size)
                run.first[b][s:e] = idx[: e - s]
                base = res[f"cost_per_million_tokens.{b}"][:, : e - s]
                run.min_ratio[b][s:e] = (res[orb_key][:, : e - s] / base).min(axis=0)
        if keep_samples:
            for k in out_keys:
                run.store[k][:, s : s + m] = res[k]
        else:
            for k in out_keys:
                x = _to_display(k, res[k])
                run.hists[k].add(x)
                run.mins[k] = np.minimum(run.mins[k], x.min(axis=1))
                run.maxs[k] = np.maximum(run.maxs[k], x.max(axis=1))
                run.sums[k] += x.sum(axis=1)
        if keep_inputs and s < n_inputs:
            e = min(s + m, n_inputs)
            for j, d in enumerate(cat):
                run.inputs[d.key][s:e] = res["__codes__"][: e - s, j]
            for d in dists:
                if not d.is_category:
                    run.inputs[d.key][s:e] = res["__inputs__"][d.key][: e - s]

    use_dask = chunks is not None and client is None
    buf = np.empty((len(dists), min(step, n))) if client is None and not use_dask else None
    args = []
    for s in range(0, n, step):
        ki = keep_inputs and s < n_inputs
        args.append((bases, dists, seed, s, min(s + step, n), yrs, out_keys, ki, buf))
    _execute(_task_traj, args, consume, client=client, use_dask=use_dask)
    return run


# ============================================================================ closed form


def launch_parity_year(scenario: Any = None, years: Any = None, *, _ds=None) -> float | None:
    """Year at which the launch price path meets the break-even launch price (vs the ground).

    Orbital cost per token is linear in the launch price (``economics.breakeven_price_per_kg``
    is that line's root), so parity with the ground holds exactly when the launch price per
    kg to the reference orbit is at or below the break-even price.  Between grid years the
    crossing of ``ln(price / break-even)`` is interpolated linearly; when only the launch
    price moves with the year (every other rate and trend zero), the break-even price is the
    same every year and the year follows from inverting Wright's law and the ramp
    (:func:`orbitdc.physics.learning.elapsed_for_volume_ratio`).

    Returns
    -------
    float or None
        The fractional calendar year, the base year if orbit already wins, or None when the
        break-even price is not reached by the last year (or is negative: orbit does not win
        even with free launches).
    """
    scn = _scenario(scenario)
    ds = _ds if _ds is not None else trajectory(scn, years, 0, outputs=list(TRAJECTORY_OUTPUTS))
    yrs = ds["year"].values.astype(float)
    bk = ds["economics.breakeven_price_per_kg"].values
    price = _launch_price_per_kg(scn, ds)
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(bk > 0, np.log(price / bk), np.inf)
    ok = g <= 0
    if not ok.any():
        return None
    i = int(np.argmax(ok))
    if i == 0:
        return float(yrs[0])
    exact = _wright_inverse_year(scn, bk, price)
    if exact is not None:
        return exact
    if not np.isfinite(g[i - 1]):
        return float(yrs[i])
    t = g[i - 1] / (g[i - 1] - g[i])
    return float(yrs[i - 1] + t * (yrs[i] - yrs[i - 1]))


def _wright_inverse_year(scn, bk: np.ndarray, price: np.ndarray) -> float | None:
    """The exact crossing year when only the launch price moves (break-even constant)."""
    from ..physics import learning as lrn
    from ..sections.years import _YR

    if not (np.all(bk > 0) and np.ptp(bk) <= 1e-9 * np.max(bk)) or scn.raw("years.launch_switch"):
        return None
    p = scn.to_si()
    b = lrn.wright_exponent(p["years.launch_learning_rate"])
    if b == 0.0:
        return None
    from ..sections.launch import _launch_price

    p0 = float(_launch_price(p) / p["launch.payload_mass"])  # the base year's price per kg
    ratio = (float(bk[0]) / p0) ** (1.0 / b)
    dt = lrn.elapsed_for_volume_ratio(
        max(ratio, 1.0), p["years.launch_growth"] * _YR, p["years.launch_experience"] / _YR, p["years.launch_ramp_cap"]
    )
    return float(p["years.base_year"] + dt)


def _launch_price_per_kg(scn, ds) -> np.ndarray:
    """The launch price per kg to the reference orbit in each year [USD/kg] (price in effect)."""
    from ..sections.launch import _launch_price
    from ..sections.years import at_year

    p = dict(_base_si(scn))
    p[YEAR_KEY] = ds["year"].values.astype(float)
    q = at_year(p)
    return np.broadcast_to(np.asarray(_launch_price(q) / q["launch.payload_mass"], dtype=float), p[YEAR_KEY].shape)
