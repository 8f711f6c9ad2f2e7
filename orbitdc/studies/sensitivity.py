"""Sensitivity: first-order and total Sobol indices (Saltelli/Jansen) and the one-at-a-time tornado."""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .distributions import Triangular, _inside, _num, _resolve_dists, uncertain_for
from .execution import _bases_for, _chunk_rows, _execute, _rows_local, _task_rows
from .inputs import (
    ORBITAL,
    _check_memory,
    _check_n,
    _check_seed,
    _outputs_registry,
    _resolve_outputs,
    _scenario,
    _si_scale,
    _spec,
    _to_display,
)
from .random_streams import _STREAM_BOOT, _STREAM_SOBOL_A, _STREAM_SOBOL_B, _draw
from .sweeps import _study_attrs

# ============================================================================ Sobol


def _task_sobol(bases: dict, dists: list, seed: int, start: int, stop: int, out_keys: Sequence[str]) -> dict:
    """Rows [start, stop) of the Saltelli design: f(A), f(B) and f(A_B^(i)) for every field."""
    m = stop - start
    k = len(dists)
    va, ca = _draw(dists, seed, _STREAM_SOBOL_A, start, stop, si=True)
    vb, cb = _draw(dists, seed, _STREAM_SOBOL_B, start, stop, si=True)
    num = [d for d in dists if not d.is_category]
    catpos = {d.key: j for j, d in enumerate(d for d in dists if d.is_category)}
    cols = {d.key: np.empty((k + 2) * m) for d in num}
    codes = np.empty(((k + 2) * m, len(catpos)), dtype=np.int64) if catpos else None
    for blk in range(k + 2):
        sl = slice(blk * m, (blk + 1) * m)
        for d in num:
            src = vb if (blk == 1 or (blk >= 2 and dists[blk - 2].key == d.key)) else va
            cols[d.key][sl] = src[d.key]
        if codes is not None:
            for key, j in catpos.items():
                src = cb if (blk == 1 or (blk >= 2 and dists[blk - 2].key == key)) else ca
                codes[sl, j] = src[:, j]
    res = _task_rows(bases, codes, cols, out_keys, (k + 2) * m, start)
    return {o: res[o].reshape(k + 2, m) for o in out_keys}


def _sobol_estimates(fa, fb, fab, w=None):
    """Saltelli (2010) first-order and Jansen (1999) total indices; ``w`` (B, n) bootstrap weights."""
    n = fa.size
    if w is None:
        y = np.concatenate([fa, fb])
        var = np.var(y, ddof=1)
        s1 = np.mean(fb[None, :] * (fab - fa[None, :]), axis=1)
        st = 0.5 * np.mean((fa[None, :] - fab) ** 2, axis=1)
        return s1, st, var
    # weighted (resampled) means as matrix products: mean over resample = W @ x / n
    ey = (w @ fa + w @ fb) / (2 * n)
    ey2 = (w @ fa**2 + w @ fb**2) / (2 * n)
    var = (ey2 - ey**2) * (2 * n) / (2 * n - 1)
    s1 = (w @ (fb[:, None] * (fab.T - fa[:, None]))) / n
    st = 0.5 * (w @ ((fa[:, None] - fab.T) ** 2)) / n
    return s1, st, var


def _bootstrap(fa, fb, fab, n_boot: int, seed: int):
    """Bootstrap replicates of the Sobol numerators and variance (rows resampled with replacement).

    The resamples are count-weight matrices ``W`` (batch x n) built from a PCG64 stream of
    ``SeedSequence(seed, spawn_key=(3,))``, in batches bounding memory to ~160 MB.
    """
    n = fa.size
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(_STREAM_BOOT,))))
    batch = max(1, int(2e7 // n))
    parts = []
    for b0 in range(0, n_boot, batch):
        m = min(batch, n_boot - b0)
        idx = rng.integers(0, n, size=(m, n))
        w = np.bincount((np.arange(m)[:, None] * n + idx).ravel(), minlength=m * n).reshape(m, n).astype(float)
        del idx
        parts.append(_sobol_estimates(fa, fb, fab, w))
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(3))


def _indices(f: np.ndarray, n: int, seed: int, n_boot: int, confidence: float, tol: float):
    """Sobol indices of one output from its Saltelli design ``f`` of shape ``(k + 2, n)``.

    Rows: ``f(A)``, ``f(B)``, then ``f(A_B^(i))`` for each of the ``k`` fields.  Returns
    ``({name: (k,) array}, variance, converged)`` with the names of ``_SOBOL_DOCS``; an
    output that does not vary gets indices 0 and counts as converged.
    """
    k = f.shape[0] - 2
    alpha = (1 - confidence) / 2
    scale = max(float(np.max(np.abs(f[:2]))), 1e-300)
    # centring does not change the estimators' expectations but removes the large
    # variance the first-order estimator has when |mean f| >> std f
    f = f - 0.5 * (np.mean(f[0]) + np.mean(f[1]))
    fa, fb, fab = f[0], f[1], f[2:]
    s1, st, var = _sobol_estimates(fa, fb, fab)
    if not var > 1e-24 * scale**2:
        return {nm: np.zeros(k) for nm in _SOBOL_DOCS}, var, True
    h = n // 2
    s1h, sth, varh = _sobol_estimates(fa[:h], fb[:h], fab[:, :h])
    bs1, bst, bvar = _bootstrap(fa, fb, fab, n_boot, seed)
    bvar = np.where(bvar > 0, bvar, np.nan)
    bs1 = bs1 / bvar[:, None]
    bst = bst / bvar[:, None]
    vals = {
        "S1": s1 / var,
        "S1_low": np.nanquantile(bs1, alpha, axis=0),
        "S1_high": np.nanquantile(bs1, 1 - alpha, axis=0),
        "ST": st / var,
        "ST_low": np.nanquantile(bst, alpha, axis=0),
        "ST_high": np.nanquantile(bst, 1 - alpha, axis=0),
        "S1_half": s1h / varh if varh > 0 else np.zeros(k),
        "ST_half": sth / varh if varh > 0 else np.zeros(k),
    }
    inside = np.all((vals["S1"] >= -tol) & (vals["S1"] <= 1 + tol) & (vals["ST"] >= -tol) & (vals["ST"] <= 1 + tol))
    narrow = np.all((vals["S1_high"] - vals["S1_low"]) / 2 <= tol) and np.all(
        (vals["ST_high"] - vals["ST_low"]) / 2 <= tol
    )
    stable = np.all(np.abs(vals["S1"] - vals["S1_half"]) <= tol) and np.all(np.abs(vals["ST"] - vals["ST_half"]) <= tol)
    ordered = np.all(vals["S1"] <= vals["ST"] + tol)
    return vals, var, bool(inside and narrow and stable and ordered)


def sobol_indices(
    scenario: Any = None,
    distributions: Any = None,
    outputs: Any = None,
    n: int = 4096,
    *,
    seed: int | None = 0,
    n_boot: int = 200,
    confidence: float = 0.95,
    tol: float = 0.05,
    chunk_size: int | None = None,
    client=None,
    chunks: int | None = None,
):
    """Variance-based (Sobol) sensitivity indices on the vectorised pipeline.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario.
    distributions : mapping, sequence of keys or None
        Input distributions as in :func:`monte_carlo` (default: every field with a spread,
        triangular around the scenario value).  Inputs are sampled independently.
    outputs : str, sequence or None
        Outputs to analyse (default: the orbital cost per million tokens, else the first output).
    n : int
        Base sample size (>= 8); the design costs ``n * (k + 2)`` pipeline rows for ``k`` fields.
    seed : int or None
        Seed of the A and B sample matrices and of the bootstrap.
    n_boot : int
        Bootstrap resamples for the confidence intervals (>= 10).
    confidence : float
        Two-sided level of the percentile bootstrap intervals, in (0, 1).
    tol : float
        Convergence tolerance on the indices (absolute).
    chunk_size, client, chunks
        Chunking and Dask scale-out as in :func:`monte_carlo`.

    Returns
    -------
    xarray.Dataset
        Dimensions ``(output, field)``: ``S1`` first-order and ``ST`` total indices with
        ``S1_low``/``S1_high``/``ST_low``/``ST_high`` bootstrap bounds and ``S1_half``/``ST_half``
        the estimates from the first n/2 rows; per output ``variance`` [display unit squared]
        and ``converged``: every index within [-tol, 1 + tol], interval half-widths <= tol,
        |estimate(n) - estimate(n/2)| <= tol and S1 <= ST + tol.

    Notes
    -----
    With independent sample matrices ``A``, ``B`` (n x k) and ``A_B^(i)`` = ``A`` with column
    ``i`` from ``B``:

    ``S1_i = mean(f(B) * (f(A_B^(i)) - f(A))) / V``   (Saltelli et al. 2010, table 2 (b))

    ``ST_i = mean((f(A) - f(A_B^(i)))**2) / (2 V)``   (Jansen 1999; Saltelli et al. 2010 (f))

    with ``V`` the variance of ``f`` over ``A`` and ``B`` and ``f`` centred on its mean
    (which leaves both expectations unchanged and cuts the variance of the first-order
    estimator when the mean is large against the spread).  Intervals: percentile bootstrap
    over rows (Efron & Tibshirani 1993), computed for all fields at once as weight-matrix
    products.  An output that does not vary (V = 0) gets indices 0.

    References
    ----------
    .. [1] A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola,
       "Variance based sensitivity analysis of model output. Design and estimator for the
       total sensitivity index", Computer Physics Communications 181, 259-270, 2010.
    .. [2] M. J. W. Jansen, "Analysis of variance designs for model output", Computer
       Physics Communications 117, 35-43, 1999.
    .. [3] I. M. Sobol', "Global sensitivity indices for nonlinear mathematical models and
       their Monte Carlo estimates", Mathematics and Computers in Simulation 55, 271-280, 2001.
    .. [4] B. Efron, R. J. Tibshirani, An Introduction to the Bootstrap, Chapman & Hall, 1993.
    """
    import xarray as xr

    scn = _scenario(scenario)
    n = _check_n("n", n, 8)
    n_boot = _check_n("n_boot", n_boot, 10)
    seed = _check_seed(seed)
    if not (isinstance(confidence, numbers.Real) and 0 < confidence < 1):
        raise ScenarioError("confidence", confidence, "(0, 1)", "a confidence level is a probability")
    if not (isinstance(tol, numbers.Real) and tol > 0):
        raise ScenarioError("tol", tol, "> 0", "a tolerance is positive")
    dists = _resolve_dists(scn, distributions)
    reg = _outputs_registry()
    if outputs is None:
        outputs = [ORBITAL] if ORBITAL in reg else [next(iter(reg))]
    out_keys = _resolve_outputs(outputs)
    k = len(dists)
    _check_memory("n", n, float(n) * (k + 2) * len(out_keys) * 2, f"{n} Sobol base samples")
    cat = [d for d in dists if d.is_category]
    bases = _bases_for(scn, [d.key for d in cat], [d.choices for d in cat])
    step = max(1, _chunk_rows(chunks, chunk_size) // (k + 2))
    f_all = {o: np.empty((k + 2, n)) for o in out_keys}

    def consume(i, res):
        s = i * step
        for o in out_keys:
            f_all[o][:, s : s + res[o].shape[1]] = res[o]

    args = [(bases, dists, seed, s, min(s + step, n), out_keys) for s in range(0, n, step)]
    _execute(_task_sobol, args, consume, client=client, use_dask=chunks is not None and client is None)

    names = list(_SOBOL_DOCS)
    res = {nm: np.zeros((len(out_keys), k)) for nm in names}
    variance = np.zeros(len(out_keys))
    converged = np.zeros(len(out_keys), dtype=bool)
    for j, o in enumerate(out_keys):
        vals, variance[j], converged[j] = _indices(_to_display(o, f_all[o]), n, seed, n_boot, confidence, tol)
        for nm in names:
            res[nm][j] = vals[nm]
    data = {nm: (("output", "field"), res[nm], {"long_name": _SOBOL_DOCS[nm], "units": "1"}) for nm in names}
    data["variance"] = (
        "output",
        variance,
        {"long_name": "variance of the output over the design (display unit squared)"},
    )
    data["converged"] = (
        "output",
        converged,
        {"long_name": f"indices in [-{tol}, 1+{tol}], CI half-width <= {tol}, n/2 vs n change <= {tol}"},
    )
    data["distribution"] = ("field", np.array([d.describe() for d in dists], dtype=object))
    return xr.Dataset(
        data,
        coords={"output": list(out_keys), "field": [d.key for d in dists]},
        attrs=_study_attrs(
            scn,
            "sobol",
            n=n,
            evaluations=n * (k + 2),
            seed=seed,
            n_boot=n_boot,
            confidence=confidence,
            tol=tol,
            method="first order: Saltelli et al. 2010; total: Jansen 1999; percentile bootstrap",
        ),
    )


_SOBOL_DOCS = {
    "S1": "first-order Sobol index (Saltelli et al. 2010)",
    "S1_low": "first-order index, lower bootstrap bound",
    "S1_high": "first-order index, upper bootstrap bound",
    "ST": "total Sobol index (Jansen 1999)",
    "ST_low": "total index, lower bootstrap bound",
    "ST_high": "total index, upper bootstrap bound",
    "S1_half": "first-order index from the first n/2 rows (convergence check)",
    "ST_half": "total index from the first n/2 rows (convergence check)",
}


# ============================================================================ tornado


@dataclass(repr=False)
class TornadoResult:
    """Result of :func:`tornado`.

    Attributes
    ----------
    output, unit : str
        The output studied and its display unit.
    base_value : float
        The output at the base scenario.
    table : pandas.DataFrame
        One row per field, ranked by swing: ``unit, low, base, high, output_low,
        output_high, swing, swing_pct`` (and ``S1``, ``ST`` with bounds when Sobol indices
        were requested).
    sobol : xarray.Dataset or None
        The full :func:`sobol_indices` result.
    """

    output: str
    unit: str
    base_value: float
    table: Any
    sobol: Any = None

    def to_dataframe(self):
        return self.table

    def __repr__(self) -> str:
        return f"<TornadoResult {self.output} = {self.base_value:.4g} {self.unit}, {len(self.table)} fields>"

    def __str__(self) -> str:
        import pandas as pd

        with pd.option_context(
            "display.width", 160, "display.max_columns", 20, "display.float_format", "{:.4g}".format
        ):
            return f"{self.output} = {self.base_value:.4g} {self.unit} at the base scenario\n{self.table.to_string()}"


def tornado(
    scenario: Any = None,
    fields: Any = None,
    output: str = ORBITAL,
    *,
    sobol: bool = False,
    n: int = 2048,
    seed: int | None = 0,
    n_boot: int = 200,
    client=None,
    chunks: int | None = None,
) -> TornadoResult:
    """One-at-a-time swings of each field between its low and high value, ranked.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario.
    fields : None, sequence of keys or mapping
        Fields to swing: None = every field that declares a spread; keys use their spread;
        a mapping gives ``{key: (low, high)}`` in the field's unit (or None for the spread).
    output : str
        Output key (default the orbital cost per million tokens).
    sobol : bool
        Also compute Sobol indices (:func:`sobol_indices`) with each field triangular on
        (low, base, high).
    n, seed, n_boot : int
        Sobol design size, seed and bootstrap count.
    client, chunks
        Dask scale-out for the Sobol design.

    Returns
    -------
    TornadoResult
        ``swing = |f(high) - f(low)|`` with all other fields at the base scenario, ranked
        from the largest; ``swing_pct`` relative to the base output.

    Notes
    -----
    All ``2 k + 1`` evaluations are one vectorised pipeline call.
    """
    import pandas as pd

    scn = _scenario(scenario)
    out_key = _resolve_outputs(output)[0]
    if fields is None:
        fields = uncertain_for(scn)
        if not fields:
            raise ScenarioError(
                "fields", None, "fields with a declared spread, or {key: (low, high)}", "no field declares a spread"
            )
    if isinstance(fields, str):
        fields = [fields]
    if not isinstance(fields, Mapping):
        fields = {k: None for k in fields}
    if not fields:
        raise ScenarioError("fields", fields, "at least one field", "nothing to swing")
    lows, highs, bases_v, specs = [], [], [], []
    for key, rng_ in fields.items():
        f = _spec(key)
        if f.is_choice or f.is_bool:
            raise ScenarioError(
                key, "(choice field)", "a numeric field", "a tornado swings numbers between low and high"
            )
        if rng_ is None:
            if f.spread is None:
                raise ScenarioError(
                    key,
                    "(no spread)",
                    "a field with a declared spread, or {key: (low, high)}",
                    "this field declares no plausible range",
                )
            lo, hi = f.spread_for(float(scn.raw(key)))
        else:
            if isinstance(rng_, (str, bytes)) or not isinstance(rng_, Sequence) or len(rng_) != 2:
                raise ScenarioError(key, repr(rng_)[:60], "(low, high)", "a swing is given by two values")
            lo, hi = _num(key, f, rng_[0], "low"), _num(key, f, rng_[1], "high")
        if not lo < hi:
            raise ScenarioError(key, f"low = {lo:g}, high = {hi:g}", "low < high", "a swing needs low below high")
        _inside(key, f, lo, "low")
        _inside(key, f, hi, "high")
        lows.append(lo)
        highs.append(hi)
        bases_v.append(float(scn.raw(key)))
        specs.append(f)
    keys = list(fields)
    k = len(keys)
    cols = {}
    for i, (key, f) in enumerate(zip(keys, specs)):
        scale, offset = _si_scale(f)
        col = np.full(2 * k + 1, bases_v[i])
        col[1 + 2 * i] = lows[i]
        col[2 + 2 * i] = highs[i]
        cols[key] = col * scale + offset
    res = _rows_local({(): scn.to_si()}, None, cols, [out_key], 2 * k + 1)
    y = _to_display(out_key, res[out_key])
    base = float(y[0])
    ylo, yhi = y[1::2], y[2::2]
    swing = np.abs(yhi - ylo)
    table = pd.DataFrame(
        {
            "unit": [f.unit for f in specs],
            "low": lows,
            "base": bases_v,
            "high": highs,
            "output_low": ylo,
            "output_high": yhi,
            "swing": swing,
            "swing_pct": swing / abs(base) * 100 if base != 0 else np.full(k, np.nan),
        },
        index=pd.Index(keys, name="field"),
    )
    sob = None
    if sobol:
        dists = {key: Triangular(lo, min(max(b, lo), hi), hi) for key, lo, b, hi in zip(keys, lows, bases_v, highs)}
        sob = sobol_indices(scn, dists, out_key, n=n, seed=seed, n_boot=n_boot, client=client, chunks=chunks)
        for nm in ("S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"):
            table[nm] = sob[nm].sel(output=out_key).values
    table = table.sort_values("swing", ascending=False, kind="stable")
    return TornadoResult(out_key, _outputs_registry()[out_key].unit, base, table, sob)
