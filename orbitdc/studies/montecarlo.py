"""Monte Carlo: seeded sampling of uncertain fields -> percentiles, P(orbit wins), samples."""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .distributions import _Dist, _resolve_dists
from .execution import _bases_for, _chunk_rows, _execute, _task_rows, _threads, _tune_worker_allocator
from .inputs import (
    BASELINES,
    ORBITAL,
    _check_memory,
    _check_n,
    _check_percentiles,
    _check_seed,
    _field_attrs,
    _output_attrs,
    _outputs_registry,
    _resolve_outputs,
    _scenario,
    _spec,
    _to_display,
)
from .percentiles import _percentiles, _Stats, _wilson
from .random_streams import _STREAM_MC, _draw
from .sweeps import _maybe_int, _study_attrs


def _task_mc(
    bases: dict,
    dists: list,
    seed: int,
    start: int,
    stop: int,
    out_keys: Sequence[str],
    keep_inputs: bool,
    buf: np.ndarray | None = None,
) -> dict:
    """Draw rows [start, stop) of a Monte Carlo and evaluate them.

    ``buf``: sample buffer reused across chunks (in process only: the inputs returned with
    ``keep_inputs`` may alias it; the chunk is consumed before the buffer serves another).
    """
    _tune_worker_allocator()
    vals, codes = _draw(dists, seed, _STREAM_MC, start, stop, si=True, buf=buf)
    res = _task_rows(bases, codes, vals, out_keys, stop - start, start)
    if keep_inputs:
        res["__inputs__"] = {d.key: d.to_unit(vals[d.key]) for d in dists if not d.is_category}
        res["__codes__"] = codes
    return res


def _task_args(fixed: tuple, n: int, step: int, bufs: Sequence[np.ndarray | None] | None = None):
    """The tasks' argument tuples, generated lazily (memory independent of ``n``).

    ``fixed`` is ``(bases, dists, seed, out_keys, keep_inputs, buf)``; each task gets its row
    range ``[start, stop)`` inserted after the seed, and task ``k`` the sample buffer
    ``bufs[k % len(bufs)]`` (default ``[buf]``).  :func:`~orbitdc.studies.execution._execute`
    reads task ``k`` only once task ``k - threads - 1`` is consumed, so ``threads + 1``
    buffers never serve two chunks in flight.
    """
    bases, dists, seed, out_keys, keep_inputs, buf = fixed
    bufs = [buf] if bufs is None else bufs
    for k, s in enumerate(range(0, n, step)):
        yield (bases, dists, seed, s, min(s + step, n), out_keys, keep_inputs, bufs[k % len(bufs)])


# ============================================================================ Monte Carlo


def _run(
    scn,
    dists: list,
    n: int,
    seed: int,
    out_keys: list,
    keep_samples,
    chunk_size=None,
    client=None,
    chunks=None,
    threads=None,
) -> tuple[dict | None, dict, dict | None, dict]:
    """Draw and evaluate the ``n`` rows of a Monte Carlo in chunks (in process on ``threads``
    threads, :func:`~orbitdc.studies.execution._threads`).

    Returns ``(store, inputs, stats, wins)``: ``{output: SI array (n,)}`` when samples are
    kept (else None); ``{field: array (n,)}`` of the sampled inputs (field units, codes for a
    choice) when ``keep_samples is True`` (else empty); ``{output: _Stats}`` when streaming
    (else None); ``{baseline: count of rows where orbit is cheaper}``.
    """
    reg = _outputs_registry()
    cat = [d for d in dists if d.is_category]
    bases = _bases_for(scn, [d.key for d in cat], [d.choices for d in cat])
    step = _chunk_rows(chunks, chunk_size)
    nthreads = _threads(threads, -(-n // step))
    keep_inputs = keep_samples is True
    wins_for = [b for b in BASELINES if ORBITAL in reg and f"cost_per_million_tokens.{b}" in reg]
    wins = {b: 0 for b in wins_for}
    store, inputs, stats = None, {}, None
    if keep_samples:
        store = {k: np.empty(n) for k in out_keys}
        if keep_inputs:
            inputs = {d.key: np.empty(n, dtype=np.int64 if d.is_category else float) for d in dists}
    else:
        stats = {k: _Stats() for k in out_keys}

    def consume(i, res):
        s = i * step
        m = len(res[out_keys[0]])
        for b in wins_for:
            wins[b] += int(np.count_nonzero(res[ORBITAL] < res[f"cost_per_million_tokens.{b}"]))
        if keep_samples:
            for k in out_keys:
                store[k][s : s + m] = res[k]
            if keep_inputs:
                for j, d in enumerate(cat):
                    inputs[d.key][s : s + m] = res["__codes__"][:, j]
                for d in dists:
                    if not d.is_category:
                        inputs[d.key][s : s + m] = res["__inputs__"][d.key]
        else:
            for k in out_keys:
                stats[k].add(_to_display(k, res[k]))

    use_dask = chunks is not None and client is None
    # in process, a ring of sample buffers serves every chunk: one in the calling thread; on a
    # pool, threads + 1 when the kept inputs alias a buffer until their chunk is consumed, else
    # threads (a task's outputs are copies: its buffer is free once it returns, and task k
    # starts only after task k - threads has returned)
    bufs: list = [None]
    if client is None and not use_dask:
        shape = (len(dists), min(step, n))
        extra = 0 if nthreads == 1 else nthreads if keep_inputs else nthreads - 1
        bufs = [_take_buffer(shape)] + [np.empty(shape) for _ in range(extra)]
    args = _task_args((bases, dists, seed, out_keys, keep_inputs, None), n, step, bufs)
    _execute(_task_mc, args, consume, client=client, use_dask=use_dask, threads=nthreads)
    if bufs[0] is not None:
        _spare_buffer(bufs[0])
    return store, inputs, stats, wins


SPARE_BUFFER_BYTES = 16 * 2**20
"""Largest sample buffer [bytes] kept for the next in-process Monte Carlo (one is kept)."""
_SPARE: list = []
_SPARE_LOCK = threading.Lock()


def _take_buffer(shape: tuple[int, int]) -> np.ndarray:
    """A float buffer of ``shape`` for a run's samples: the spare one when it fits, else new.

    The app's uncertainty band (133 fields x 8,000 rows, 8.5 MB) reruns on every change of
    the scenario; reusing its buffer saves faulting the pages in again each time.
    """
    with _SPARE_LOCK:
        if _SPARE and _SPARE[0].shape == shape:
            return _SPARE.pop()
    return np.empty(shape)


def _spare_buffer(buf: np.ndarray) -> None:
    """Keep ``buf`` for the next run (when at most :data:`SPARE_BUFFER_BYTES`); its contents
    are dead once the run has consumed its chunks."""
    if buf.nbytes <= SPARE_BUFFER_BYTES:
        with _SPARE_LOCK:
            _SPARE[:] = [buf]


def _prepare(scenario, distributions, n, seed, percentiles, outputs, keep_samples):
    """The checked arguments of a Monte Carlo: ``(scenario, n, seed, percentiles,
    distributions, keep_samples, outputs computed, outputs shown)``, with ``keep_samples``
    "auto" decided and the memory of kept samples checked."""
    scn = _scenario(scenario)
    n = _check_n("n", n)
    seed = _check_seed(seed)
    if keep_samples not in (True, False, "outputs", "auto"):
        raise ScenarioError("keep_samples", keep_samples, "'auto', True, False or 'outputs'", "unknown option")
    qs = _check_percentiles(percentiles)
    dists = _resolve_dists(scn, distributions)
    if keep_samples == "auto":
        keep_samples = True if n * len(dists) <= 2e7 else "outputs"
    base_keys = [f"cost_per_million_tokens.{b}" for b in BASELINES]
    out_keys = _resolve_outputs(outputs, required=[ORBITAL, *base_keys])
    show_keys = _resolve_outputs(outputs)
    if keep_samples:
        per_row = len(out_keys) + len(show_keys) + (len(dists) if keep_samples is True else 0)
        _check_memory("n", n, float(n) * per_row, f"keeping {n} samples")
    return scn, n, seed, qs, dists, keep_samples, out_keys, show_keys


def _exact_percentiles(scenario: Any, outputs: Sequence[str], n: int, seed: int, percentiles: Sequence[float]):
    """The figures of ``monte_carlo(scenario, None, n, seed=seed, outputs=outputs,
    keep_samples="outputs")`` that a headline needs, without building its result.

    Returns ``(fields, {output: percentiles in its display unit}, {baseline: P(orbit
    cheaper)})``: the same numbers as the result's ``percentiles`` and ``prob_orbit_wins``
    (one code path draws and evaluates both), minus the datasets, the statistics table and
    the scenario's TOML in their attributes.
    """
    scn, n, seed, qs, dists, keep, out_keys, show_keys = _prepare(
        scenario, None, n, seed, percentiles, outputs, "outputs"
    )
    store, _, _, wins = _run(scn, dists, n, seed, out_keys, keep)
    pct = {k: _percentiles(_to_display(k, store[k]), qs) for k in show_keys}
    return len(dists), pct, {b: w / n for b, w in wins.items()}


def _input_vars(dists: Sequence[_Dist], vals: dict, codes: np.ndarray | None, coded: bool = False) -> dict:
    """Dataset variables of sampled inputs (field units; choice names for choice fields).

    ``coded``: category codes are in ``vals[key]`` rather than in the ``codes`` matrix.
    """
    data = {}
    j = 0
    for d in dists:
        f = _spec(d.key)
        if d.is_category:
            c = vals[d.key] if coded else codes[:, j]
            j += 1
            labels = np.asarray(d.choices, dtype=bool if f.is_bool else object)
            data[d.key] = ("sample", labels[c], {"long_name": f.doc, "distribution": d.describe()})
        else:
            data[d.key] = ("sample", vals[d.key], {**_field_attrs(d.key, f), "distribution": d.describe()})
    return data


@dataclass(frozen=True)
class _Deferred:
    """An :class:`xarray.Dataset` to build when first read: its variables, coordinates, attrs."""

    data: dict
    coords: dict
    attrs: dict

    def build(self):
        import xarray as xr

        return xr.Dataset(self.data, coords=self.coords, attrs=self.attrs)


@dataclass(frozen=True)
class _DeferredFrame:
    """A :class:`pandas.DataFrame` to build when first read: ``from_dict(rows, orient="index")``."""

    rows: dict

    def build(self):
        import pandas as pd

        return pd.DataFrame.from_dict(self.rows, orient="index")


def _text_table(rows: dict) -> str:
    """``rows`` (``{label: {column: value}}``) as the text of ``DataFrame.to_string()`` with
    the float format ``{:.4g}``, without pandas.

    The index is left-aligned under a blank header; every column is right-aligned to its
    widest cell (header included) and joined with one space; floats are written ``{:.4g}``
    (``NaN`` for a NaN) under their header written after one space, the values of a text
    column with ``str`` after one space.  Importing pandas costs ~0.5 s of a fresh
    process that only prints a Monte Carlo's summary (``orbitdc montecarlo`` without ``-o``).
    """
    labels = list(rows)
    cols: list = []
    for r in rows.values():
        cols.extend(c for c in r if c not in cols)

    def cell(v) -> str:
        return "NaN" if v != v else f"{v:.4g}"

    table = [[rows[k].get(c, float("nan")) for c in cols] for k in labels]
    heads = []
    for j, c in enumerate(cols):
        if all(isinstance(row[j], float) for row in table):  # a float column: its header after a space
            heads.append(" " + str(c))
            for row in table:
                row[j] = cell(row[j])
        else:  # a text column: its values after a space
            heads.append(str(c))
            for row in table:
                row[j] = " " + str(row[j])
    widths = [max([len(h)] + [len(row[j]) for row in table]) for j, h in enumerate(heads)]
    iw = max((len(str(k)) for k in labels), default=0)
    lines = [" " * iw + "".join(" " + h.rjust(w) for h, w in zip(heads, widths))]
    for k, row in zip(labels, table):
        lines.append(str(k).ljust(iw) + "".join(" " + v.rjust(w) for v, w in zip(row, widths)))
    return "\n".join(lines)


def _frame_text(df) -> str:
    """A stats DataFrame already built, as :func:`_text_table` writes it."""
    return _text_table(df.to_dict(orient="index"))


class _LazyDataset:
    """An attribute ``x`` read from the field ``_x``, a :class:`_Deferred` (or
    :class:`_DeferredFrame`) built on first read."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = getattr(obj, self.slot)
        if isinstance(value, (_Deferred, _DeferredFrame)):
            value = value.build()
            setattr(obj, self.slot, value)
        return value

    def __set__(self, obj, value) -> None:
        setattr(obj, self.slot, value)


@dataclass(repr=False)
class MonteCarloResult:
    """Result of :func:`monte_carlo`.

    Attributes
    ----------
    n, seed : int
        Sample count and seed (rerun with the same seed for the same samples).
    distributions : dict
        ``{field: description}`` of what was sampled (values in the field's unit).
    stats : pandas.DataFrame
        Per output: unit, mean, std, min, the requested percentiles (``p5``...), max.
    percentiles : xarray.Dataset
        Dimension ``percentile``; one variable per output in its display unit.
    prob_orbit_wins : dict
        ``{baseline: P(orbital cost per token < baseline's)}``.
    prob_orbit_wins_ci : dict
        ``{baseline: (low, high)}`` Wilson 95 % interval of that probability.
    samples : xarray.Dataset or None
        Dimension ``sample``: outputs (display units), ``orbit_wins.<baseline>`` flags and,
        when kept, the sampled inputs (field units); None when ``keep_samples=False``.
        Inputs not kept can be regenerated exactly with :meth:`inputs`.
    exact_percentiles : bool
        False when percentiles come from the streaming log histogram (0.06 % resolution).
    """

    n: int
    seed: int
    distributions: dict
    _stats: Any
    _percentiles: Any
    prob_orbit_wins: dict
    prob_orbit_wins_ci: dict
    _samples: Any = None
    exact_percentiles: bool = True
    _dists: tuple = ()

    # The two datasets and the stats table are built on first use: building a dataset imports
    # xarray (and with it dask's array module and SciPy's sparse one), the table pandas, each
    # about 0.5 s of a fresh process that only wanted the summary (``orbitdc montecarlo``
    # without ``-o``).
    stats = _LazyDataset()
    percentiles = _LazyDataset()
    samples = _LazyDataset()

    def to_dataframe(self):
        """The samples as a DataFrame (one row per sample)."""
        if self.samples is None:
            raise ScenarioError("keep_samples", False, "keep_samples=True", "the samples were not kept")
        return self.samples.to_dataframe()

    def inputs(self, keys: Sequence[str] | None = None, start: int = 0, stop: int | None = None):
        """Regenerate the sampled inputs of rows ``[start, stop)`` from the seed (exact).

        Parameters
        ----------
        keys : sequence of str, optional
            Sampled fields to regenerate (default all).
        start, stop : int
            Row range (default all ``n`` rows).

        Returns
        -------
        xarray.Dataset
            Dimension ``sample``; values in each field's unit (choice names for choices).
        """
        import xarray as xr

        stop = self.n if stop is None else int(stop)
        if not (0 <= start <= stop <= self.n):
            raise ScenarioError(
                "rows", f"{start}:{stop}", f"0 <= start <= stop <= {self.n}", "outside the sampled rows"
            )
        dists = [d for d in self._dists if keys is None or d.key in keys]
        missing = set(keys or ()) - {d.key for d in dists}
        if missing:
            raise ScenarioError(
                "keys",
                sorted(missing)[0],
                "a sampled field: " + ", ".join(self.distributions),
                "this field was not sampled",
            )
        vals, codes = _draw(dists, self.seed, _STREAM_MC, start, stop, si=True)
        vals = {d.key: d.to_unit(vals[d.key]) for d in dists if not d.is_category}
        data = _input_vars(dists, vals, codes)
        return xr.Dataset(data, coords={"sample": np.arange(start, stop)})

    def percentile(self, key: str, q: float) -> float:
        """The ``q``-th percentile of output ``key`` (display unit)."""
        return float(self.percentiles[key].sel(percentile=q))

    def summary(self) -> str:
        """A readable text summary."""
        lines = [f"Monte Carlo: {self.n} samples, seed {self.seed}, {len(self.distributions)} uncertain fields"]
        st = self._stats
        lines.append(_text_table(st.rows) if isinstance(st, _DeferredFrame) else _frame_text(st))
        for b, p in self.prob_orbit_wins.items():
            lo, hi = self.prob_orbit_wins_ci[b]
            lines.append(f"P(orbit cheaper than {b}) = {p:.4g}  (95 % CI {lo:.3g} to {hi:.3g}, {self.n} samples)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        wins = ", ".join(f"P(orbit < {b}) = {p:.4g}" for b, p in self.prob_orbit_wins.items())
        return f"<MonteCarloResult n={self.n} seed={self.seed} fields={len(self.distributions)} {wins}>"


def monte_carlo(
    scenario: Any = None,
    distributions: Any = None,
    n: int = 10_000,
    *,
    seed: int | None = 0,
    outputs: Any = None,
    percentiles: Sequence[float] = (5, 50, 95),
    keep_samples: bool | str = "auto",
    chunk_size: int | None = None,
    client=None,
    chunks: int | None = None,
    threads: int | None = None,
) -> MonteCarloResult:
    """Seeded Monte Carlo over uncertain fields on the vectorised pipeline.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario; fields not sampled keep its values.
    distributions : mapping, sequence of keys or None
        ``{field: distribution}``.  A distribution is :class:`Uniform` ``(low, high)``,
        :class:`Normal` ``(mean, sd)``, :class:`LogNormal` ``(median, sigma)``,
        :class:`Triangular` ``(low, mode, high)`` (numbers in the field's unit, or unit
        strings), :class:`Choice` ``({value: weight})`` for choice/switch fields, the same as a
        tuple (``("normal", 1500, 300)``) or dict (``{"dist": "normal", "mean": ..., "sd": ...}``),
        or ``None``/``"spread"``: triangular from the field's declared (low, high) spread with
        the scenario's value as mode.  A list of keys means "spread" for each; None means
        every field that declares a spread (:func:`uncertain_fields`).  Normal and log-normal
        are truncated to the field's physical bounds (inverse-CDF sampling); uniform and
        triangular must lie inside them.  Integer fields are rounded to whole numbers.
    n : int
        Number of samples (>= 1).
    seed : int or None
        Seed; None draws fresh entropy (recorded in the result).
    outputs : str, sequence or None
        Output keys (default :data:`DEFAULT_OUTPUTS`); the orbital and baseline costs are
        always computed for the win probabilities.
    percentiles : sequence of float
        Percentiles in [0, 100] to report.
    keep_samples : "auto", True, "outputs" or False
        True keeps inputs and outputs per sample (exact percentiles); "outputs" keeps only
        the outputs (inputs can be regenerated exactly with ``result.inputs()``); "auto"
        (default) is True up to 2e7 sampled values (n x fields) and "outputs" above; False
        streams: memory independent of ``n``, percentiles from a log histogram (0.06 %
        resolution), mean/std/min/max exact.
    chunk_size : int, optional
        Samples per pipeline call (default :data:`CHUNK`).
    client, chunks
        Dask scale-out as in :func:`sweep`; results are identical for the same seed.
    threads : int, optional
        Threads that run the chunks in process (without ``client`` or ``chunks``): default
        the environment variable ``ORBITDC_THREADS``, else the CPUs available to the
        process (at most 8); never more than the number of chunks, so a study of one chunk
        runs in the calling thread.  Results are bit for bit the same for every thread
        count (chunks are consumed in order); memory holds ``threads + 1`` chunks.

    Returns
    -------
    MonteCarloResult

    Notes
    -----
    Sample ``i`` of field ``k`` is ``F_k^{-1}(u_i)`` where ``u_i`` is the ``i``-th double of
    the PCG64 stream of ``SeedSequence(seed, spawn_key=(0, crc32(k)))`` (O'Neill 2014);
    triangular fields use the ``i``-th doubles ``u_i, v_i`` of that stream and of a second one
    (spawn key ``(0, crc32(k), 1)``) in ``a + (b - a)((1 - c) min(u, v) + c max(u, v))``
    (Stein & Keblis 2009).  Chunks jump the streams ahead, so results do not depend on
    chunking or Dask.  Truncated
    normal: ``x = m + s * Phi^{-1}(Phi(a) + u (Phi(b) - Phi(a)))`` with standardised bounds
    ``a, b`` (Devroye 1986, ch. 2).  The probability that orbit wins carries a Wilson
    (1927) score interval.

    References
    ----------
    .. [1] M. E. O'Neill, "PCG: A family of simple fast space-efficient statistically good
       algorithms for random number generation", HMC-CS-2014-0905, 2014.
    .. [2] L. Devroye, Non-Uniform Random Variate Generation, Springer, 1986.
    .. [3] E. B. Wilson, "Probable inference, the law of succession, and statistical
       inference", J. Am. Stat. Assoc. 22, 209-212, 1927.
    .. [4] T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise
       algorithm for computing sample variances", Stanford CS-TR-79-773, 1979.
    .. [5] W. E. Stein, M. F. Keblis, "A new method to simulate the triangular
       distribution", Mathematical and Computer Modelling 49, 1143-1147, 2009.
    """
    scn, n, seed, qs, dists, keep_samples, out_keys, show_keys = _prepare(
        scenario, distributions, n, seed, percentiles, outputs, keep_samples
    )
    reg = _outputs_registry()
    store, inputs, stats, wins = _run(scn, dists, n, seed, out_keys, keep_samples, chunk_size, client, chunks, threads)
    wins_for = list(wins)

    rows, pct = {}, {}
    for k in show_keys:
        unit = reg[k].unit
        if keep_samples:
            x = _to_display(k, store[k])
            pv = _percentiles(x, qs)
            row = {
                "unit": unit,
                "mean": float(np.mean(x)),
                "std": float(np.std(x, ddof=1)) if n > 1 else 0.0,
                "min": float(np.min(x)),
            }
            mx = float(np.max(x))
        else:
            st = stats[k]
            pv = st.hist.percentiles(qs, n, st.min, st.max)
            row = {"unit": unit, "mean": st.mean, "std": math.sqrt(st.m2 / (n - 1)) if n > 1 else 0.0, "min": st.min}
            mx = st.max
        for q, v in zip(qs, pv):
            row[f"p{q:g}"] = float(v)
        row["max"] = mx
        rows[k] = row
        pct[k] = ("percentile", np.asarray(pv, dtype=float), _output_attrs(k))
    attrs = _study_attrs(scn, "monte_carlo", n=n, seed=seed)
    pct_ds = _Deferred(pct, {"percentile": qs}, attrs)
    prob = {b: wins[b] / n for b in wins_for}
    prob_ci = {b: _wilson(wins[b], n) for b in wins_for}
    samples = None
    if keep_samples:
        data = _input_vars(dists, inputs, None, coded=True) if keep_samples is True else {}
        for k in show_keys:
            data[k] = ("sample", _maybe_int(k, _to_display(k, store[k])), _output_attrs(k))
        if wins_for:
            for b in wins_for:
                data[f"orbit_wins.{b}"] = (
                    "sample",
                    store[ORBITAL] < store[f"cost_per_million_tokens.{b}"],
                    {"long_name": f"orbital cost per token below the {b} baseline"},
                )
        del store
        samples = _Deferred(data, {"sample": np.arange(n)}, dict(attrs))
    return MonteCarloResult(
        n=n,
        seed=seed,
        distributions={d.key: d.describe() for d in dists},
        _stats=_DeferredFrame(rows),
        _percentiles=pct_ds,
        prob_orbit_wins=prob,
        prob_orbit_wins_ci=prob_ci,
        _samples=samples,
        exact_percentiles=bool(keep_samples),
        _dists=tuple(dists),
    )
