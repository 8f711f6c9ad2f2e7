"""Break-even: the value of a field where orbital cost per token equals a baseline.

There is one break-even in orbitdc, with two entry points on the same code:

* :func:`breakeven` -- one field, one value: "how cheap must launch be for a token made in
  orbit to cost the same as one made on the ground?" (``breakeven(scn, "launch.price_per_kg")``),
  for any numeric field and against ``"terrestrial"``, ``"fleet"`` or a fixed price;
* :func:`breakeven_map` -- the same question over a grid of two fields: the costs on the grid
  and the break-even curve across it.

:func:`breakeven` is :func:`breakeven_map` on a 1-D scan of the field.  Both locate the
lowest sign change of ``orbital - baseline`` and refine it by vectorised bisection on the
pipeline in :func:`first_crossings` (:func:`bisect_crossings`), so a scalar break-even and
the matching point of a map's curve are the same number.  ``orbitdc.breakeven.breakeven``
and ``orbitdc.breakeven.BreakEven`` are these same objects.

The result, :class:`BreakEven`, carries plain floats in the field's unit (``.value``,
``.bracket``), so it fills tables (:func:`orbitdc.studies.what_must_be_true`) and caches
(the app) directly; ``.quantity`` gives the value as a pint Quantity, ``.message`` one
sentence for people and ``str()`` a one-line summary.

(The module is ``break_even`` so that ``orbitdc.studies.breakeven`` stays the function.)
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .distributions import _num
from .execution import _rows_local
from .inputs import (
    BASELINES,
    ORBITAL,
    _check_memory,
    _check_n,
    _output_attrs,
    _outputs_registry,
    _scenario,
    _si_scale,
    _spec,
    _to_display,
    _to_unit_values,
)
from .sweeps import _study_attrs, sweep

# ============================================================================ break-even


def _baseline_key(baseline: Any) -> tuple[str | None, float | None]:
    """(output key, fixed price in display unit of ORBITAL) for a baseline argument."""
    reg = _outputs_registry()
    if isinstance(baseline, str):
        key = baseline if "." in baseline else f"cost_per_million_tokens.{baseline}"
        if baseline in BASELINES and key not in reg:
            raise ScenarioError(
                "baseline",
                baseline,
                f"an output {key} of the pipeline",
                "the economics stage that prices the baselines is not in the pipeline",
            )
        if key not in reg or key == ORBITAL:
            near = difflib.get_close_matches(baseline, list(BASELINES), n=1)
            hint = f"did you mean {near[0]!r}?" if near else "or a fixed price in USD per million tokens"
            raise ScenarioError(
                "baseline", baseline, "one of " + ", ".join(repr(b) for b in BASELINES), f"unknown baseline; {hint}"
            )
        return key, None
    return None, fixed_price(baseline)


def fixed_price(baseline: Any) -> float:
    """A fixed baseline price [USD per million tokens]: a finite number > 0, else a ScenarioError."""
    if (
        isinstance(baseline, bool)
        or not isinstance(baseline, numbers.Real)
        or not math.isfinite(baseline)
        or baseline <= 0
    ):
        raise ScenarioError(
            "baseline", baseline, "'terrestrial', 'fleet' or a price > 0 USD per million tokens", "not a baseline"
        )
    return float(baseline)


def _default_bracket(key: str, f) -> tuple[float, float]:
    """The field's spread, else its slider range, else its bounds (open bounds moved inside)."""
    rng = f.default_range(nudge=1e-3)
    if rng is None:
        raise ScenarioError(
            key,
            "(no range)",
            "explicit values, or a field with a spread or slider range",
            "cannot pick a default range",
        )
    return rng


def _default_axis(key: str, f, n: int) -> np.ndarray:
    lo, hi = _default_bracket(key, f)
    if f.integer:
        return np.unique(np.round(np.linspace(math.ceil(lo), math.floor(hi), n)))
    return np.linspace(lo, hi, n)


def _scan_axis(key: str, f, bracket: Any, n: int) -> np.ndarray:
    """The ``n`` scanned values of :func:`breakeven` in the field's unit.

    Log-spaced when the bracket spans more than two decades of positive values, whole
    numbers for a whole-number field, else evenly spaced.
    """
    if bracket is None:
        lo, hi = _default_bracket(key, f)
    else:
        if isinstance(bracket, (str, bytes)) or not isinstance(bracket, Sequence) or len(bracket) != 2:
            raise ScenarioError("bracket", repr(bracket)[:60], "(low, high)", "a bracket is two values")
        lo, hi = _num(key, f, bracket[0], "low"), _num(key, f, bracket[1], "high")
    if not lo < hi:
        raise ScenarioError("bracket", (lo, hi), "low < high", "a bracket needs its low end below its high end")
    f.check(key, np.array([lo, hi]))
    if f.integer:
        return np.unique(np.round(np.linspace(math.ceil(lo), math.floor(hi), n)))
    if lo > 0 and hi / lo > 100:
        return np.geomspace(lo, hi, n)
    return np.linspace(lo, hi, n)


def bisect_crossings(
    diff: Callable[[np.ndarray], np.ndarray],
    lo: np.ndarray,
    hi: np.ndarray,
    dlo: np.ndarray,
    *,
    integer: bool = False,
    rtol: float = 1e-10,
    xtol: np.ndarray | float | None = None,
    iterations: int = 60,
) -> np.ndarray:
    """Vectorised bisection of ``diff(y) = 0`` on ``[lo, hi]`` for every column at once.

    The one break-even root finder: :func:`breakeven_map` (and so :func:`breakeven`, a 1-D
    map) refines every crossing with it.

    Parameters
    ----------
    diff : callable
        ``diff(y)`` -> array of ``orbital - baseline`` cost at the points ``y`` (one pipeline
        call for all columns).
    lo, hi : ndarray
        Brackets holding one sign change each.
    dlo : ndarray
        Sign of ``diff`` at ``lo``.
    integer : bool
        Bisect on whole numbers and return the first whole number past the crossing (the
        costs are not equal at any whole number in general).
    rtol : float
        Stop when every bracket is narrower than ``rtol`` times its initial width ...
    xtol : float or ndarray, optional
        ... or, when given, narrower than ``xtol`` (absolute, in the units of ``y``).
    iterations : int
        Most halvings (each one call of ``diff``).

    Returns
    -------
    ndarray
        The crossing of each column: the middle of its last bracket (``hi`` for ``integer``).

    Notes
    -----
    Each step evaluates ``s = sign(diff(mid))`` and keeps the half whose ends differ in sign;
    an exact zero collapses the bracket onto ``mid``.  The error after ``k`` steps is at most
    ``2**-(k+1)`` of the initial width.
    """
    lo, hi = np.array(lo, dtype=float), np.array(hi, dtype=float)
    tol = rtol * np.maximum(np.abs(hi - lo), 1e-300) if xtol is None else xtol
    for _ in range(iterations):
        if integer:
            if np.all(hi - lo <= 1):
                return hi
            mid = np.floor(0.5 * (lo + hi))
        else:
            mid = 0.5 * (lo + hi)
            # done when every bracket is within tolerance or as narrow as floats allow
            if np.all((np.abs(hi - lo) <= tol) | (mid == lo) | (mid == hi)):
                break
        s = np.sign(diff(mid))
        same = s == dlo
        lo = np.where(same, mid, lo)
        hi = np.where(same, hi, mid)
        exact = s == 0
        lo = np.where(exact, mid, lo)
        hi = np.where(exact, mid, hi)
    return hi if integer else 0.5 * (lo + hi)


def first_crossings(
    y: np.ndarray,
    d: np.ndarray,
    diff_for: Callable[[np.ndarray], Callable[[np.ndarray], np.ndarray]] | None = None,
    *,
    integer: bool = False,
    rtol: float = 1e-10,
    xtol: float | None = None,
    iterations: int = 60,
) -> np.ndarray:
    """The lowest crossing of ``orbital - baseline`` along each row of a scan: the one break-even.

    The break-even is located here: :func:`breakeven_map` for every column of a map, and so
    :func:`breakeven` for its single scan.

    Parameters
    ----------
    y : ndarray, shape (m,)
        The scanned values of the field, increasing [field unit].
    d : ndarray, shape (k, m)
        ``orbital - baseline`` cost at ``y`` for each of ``k`` rows [USD per million tokens].
    diff_for : callable, optional
        ``diff_for(rows)`` -> ``diff(mid)``, the difference for those rows at the points
        ``mid`` (one pipeline call), used to refine each crossing by :func:`bisect_crossings`;
        None interpolates linearly between the scanned points.
    integer : bool
        A whole-number field: the first whole number past the crossing.
    rtol, xtol, iterations
        Passed to :func:`bisect_crossings`.

    Returns
    -------
    ndarray, shape (k,)
        The lowest ``y`` where the costs are equal (a scanned point where the difference is
        exactly zero, else the refined root of the first sign change); NaN where the costs do
        not cross inside the scan.
    """
    s = np.sign(d)
    change = (s[:, :-1] * s[:, 1:] < 0) | (s[:, :-1] == 0)
    has = change.any(axis=1) | (s[:, -1] == 0)
    j = np.where(change.any(axis=1), np.argmax(change, axis=1), y.size - 1)
    cols = np.flatnonzero(has)
    root = np.full(d.shape[0], np.nan)
    if cols.size:
        jj = j[cols]
        jn = np.minimum(jj + 1, y.size - 1)
        d0, d1 = d[cols, jj], d[cols, jn]
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(d1 != d0, d0 / (d0 - d1), 0.0)
        lin = y[jj] + t * (y[jn] - y[jj])
        exact0 = d0 == 0
        root[cols] = np.where(exact0, y[jj], y[jn] if integer else lin)
        todo = cols[~exact0 & (jn != jj)]
        if diff_for is not None and todo.size:
            jt = j[todo]
            root[todo] = bisect_crossings(
                diff_for(todo),
                y[jt],
                y[jt + 1],
                s[todo, jt],
                integer=integer,
                rtol=rtol,
                xtol=xtol,
                iterations=iterations,
            )
    return root


def _pipeline_diff(
    scn, out_key: str, base_key: str | None, price: float | None, fixed: dict, y_key: str
) -> Callable[[np.ndarray], np.ndarray]:
    """``diff(mid)``: orbital - baseline on the pipeline with field ``y_key`` at ``mid``.

    ``fixed`` maps other numeric keys to SI arrays aligned with ``mid``.
    """
    f = _spec(y_key)
    scale, offset = _si_scale(f)
    base = {(): scn.to_si()}
    keys = [out_key] + ([base_key] if base_key else [])

    def diff(mid):
        cols = dict(fixed)
        cols[y_key] = mid * scale + offset
        r = _rows_local(base, None, cols, keys, mid.size)
        orb = _to_display(out_key, r[out_key])
        ref = _to_display(base_key, r[base_key]) if base_key else price
        return orb - ref

    return diff


@dataclass
class BreakEven:
    """Result of :func:`breakeven` (also ``orbitdc.breakeven.BreakEven``).

    Attributes
    ----------
    field, unit : str
        The solved field (``"launch.price_per_kg"``) and its unit.
    value : float or None
        The field value where orbital cost equals the baseline, in ``unit``; None when the
        costs do not cross inside the bracket.
    status : str
        ``"crossing"``, ``"orbit cheaper across the range"`` or ``"orbit dearer across the range"``.
    baseline : str
        ``"terrestrial"``, ``"fleet"`` or ``"<x> USD per million tokens"``.
    bracket : (float, float)
        The searched range in ``unit``.
    orbital_at_ends, baseline_at_ends : (float, float)
        Orbital and baseline cost at the two ends of the bracket [USD per million tokens].
    orbit_wins_below : bool or None
        True when orbit is cheaper below ``value`` (e.g. launch price), False when above it
        (e.g. mission life); None when there is no crossing.

    Properties: ``found`` (a crossing was found; also ``bool(result)``), ``quantity``
    (``value`` as a pint Quantity in ``unit``, or None) and ``message`` (one sentence for
    people); ``str(result)`` is a one-line summary.
    """

    field: str
    unit: str
    value: float | None
    status: str
    baseline: str
    bracket: tuple
    orbital_at_ends: tuple
    baseline_at_ends: tuple
    orbit_wins_below: bool | None = None

    @property
    def found(self) -> bool:
        """True when the costs cross inside the bracket."""
        return self.value is not None

    def __bool__(self) -> bool:
        return self.found

    @property
    def quantity(self):
        """``value`` as a pint Quantity in the field's unit (None when not found)."""
        from ..units import Q_

        return None if self.value is None else Q_(self.value, self.unit)

    @property
    def message(self) -> str:
        """One sentence: the break-even and the side where orbit wins, or why there is none."""
        (lo, hi), u = self.bracket, self.unit
        if self.value is None:
            wins = (
                "orbit is cheaper" if self.status == "orbit cheaper across the range" else f"{self.baseline} is cheaper"
            )
            o, b = self.orbital_at_ends, self.baseline_at_ends
            return (
                f"no break-even in range: {self.field} from {lo:g} to {hi:g} {u}; {wins} throughout "
                f"(orbital {o[0]:.4g}..{o[1]:.4g} vs {b[0]:.4g}..{b[1]:.4g} USD per million tokens)"
            )
        side = "below" if self.orbit_wins_below else "above"
        return (
            f"{self.field} = {self.value:.6g} {u}: orbit costs the same as {self.baseline}; "
            f"orbit is cheaper {side} it (searched {lo:g} to {hi:g} {u})"
        )

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.field}: no break-even against {self.baseline} in [{self.bracket[0]:g}, {self.bracket[1]:g}] {self.unit} ({self.status})"
        side = "below" if self.orbit_wins_below else "above"
        return f"{self.field} break-even vs {self.baseline}: {self.value:.6g} {self.unit} (orbit cheaper {side} it)"


def breakeven(
    scenario: Any = None,
    field: str = "launch.price_per_kg",
    baseline: Any = "terrestrial",
    bracket: tuple | None = None,
    *,
    n: int = 33,
    xtol: float | None = None,
) -> BreakEven:
    """The value of one numeric field at which orbital cost per token equals a baseline.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        The scenario (a preset name, a mapping of overrides, or None for the defaults).
    field : str
        Dotted key of a numeric field (``"launch.price_per_kg"``, ``"finance.wacc"``, ...).
    baseline : str or float
        ``"terrestrial"`` (default), ``"fleet"``, or a fixed price [USD per million tokens].
    bracket : (low, high), optional
        Search range as numbers in the field's unit, quantities or unit strings.  Default:
        the field's plausible spread, else its slider range, else its bounds.
    n : int
        Points of the scan that locates the first crossing (>= 2).
    xtol : float, optional
        Absolute tolerance of the root in the field's unit (default 1e-10 of the scan step).

    Returns
    -------
    BreakEven
        ``.value`` in the field's unit (``.quantity`` as a pint Quantity), or None with
        ``.status`` and ``.message`` saying which side wins throughout the bracket.

    Raises
    ------
    ScenarioError
        Unknown or non-numeric field, bracket outside the field's bounds or not ``low <
        high``, unknown baseline.

    Notes
    -----
    :func:`breakeven_map` on one axis: one vectorised pipeline call on ``n`` points
    (log-spaced when the bracket spans more than two decades of positive values; whole
    numbers for a whole-number field) locates the lowest sign change of
    ``C_orb(x) - C_base(x)``, and bisection on the pipeline (:func:`first_crossings`, each
    step one pipeline call) solves ``C_orb(x) = C_base(x)`` inside it.  Where several
    crossings exist, the lowest is returned.
    """
    scn = _scenario(scenario)
    f = _spec(field)
    if f.is_choice or f.is_bool:
        raise ScenarioError(field, "(choice field)", "a numeric field", "break-even is solved for a number")
    ys = _scan_axis(field, f, bracket, _check_n("n", n, 2))
    ds = breakeven_map(scn, None, field, baseline, y=ys, xtol=xtol)
    if isinstance(baseline, str):
        bname = baseline.split(".")[-1]
    else:
        bname = f"{fixed_price(baseline):g} USD per million tokens"
    orb = ds["orbital"].values.ravel()
    ref = ds["baseline"].values.ravel()
    d = orb - ref
    root = float(ds[f"breakeven.{field}"].values.ravel()[0])
    ends = {
        "bracket": (float(ys[0]), float(ys[-1])),
        "orbital_at_ends": (float(orb[0]), float(orb[-1])),
        "baseline_at_ends": (float(ref[0]), float(ref[-1])),
    }
    if math.isnan(root):
        status = "orbit cheaper across the range" if d[0] < 0 else "orbit dearer across the range"
        return BreakEven(field, f.unit, None, status, bname, **ends)
    below = bool(d[0] < 0) if d[0] != 0 else bool(d[-1] > 0)
    return BreakEven(field, f.unit, root, "crossing", bname, **ends, orbit_wins_below=below)


def breakeven_map(
    scenario: Any = None,
    x_field: str | None = None,
    y_field: str = "launch.price_per_kg",
    baseline: Any = "terrestrial",
    *,
    x: Any = None,
    y: Any = None,
    n: int | tuple = 101,
    refine: bool = True,
    xtol: float | None = None,
    client=None,
    chunks: int | None = None,
):
    """Orbital cost against a baseline over a 2-D grid, and the break-even curve across it.

    Parameters
    ----------
    x_field, y_field : str
        Numeric fields of the two axes (``x_field`` None gives a 1-D scan in ``y``).
    scenario, baseline : as :func:`breakeven`
    x, y : sequence, optional
        Axis values in the fields' units (default: each field's spread, slider range or bounds).
    n : int or (int, int)
        Points per default axis.
    refine : bool
        Refine each crossing by vectorised bisection on the pipeline (else linear
        interpolation between grid points).
    xtol : float, optional
        Absolute tolerance of each refined crossing in ``y_field``'s unit (default 1e-10 of
        the grid step it lies in).
    client, chunks : as :func:`orbitdc.studies.sweep`
        (Dask scale-out of the grid evaluation.)

    Returns
    -------
    xarray.Dataset
        ``orbital`` and ``baseline`` cost [USD per million tokens] and ``cost_ratio``
        (orbital / baseline) on ``(x_field, y_field)``; ``orbit_wins`` (bool);
        ``breakeven.<y_field>`` along ``x_field``: the lowest ``y`` where the costs are equal
        (NaN where they do not cross inside the y range; for a whole-number field, the first
        whole number past the crossing).

    Notes
    -----
    The grid is one chunked :func:`sweep`; crossings are located from sign changes of
    ``orbital - baseline`` along ``y`` for every ``x`` at once, then refined by bisection in
    which each step is one pipeline call over all ``x`` columns (60 steps at most, relative
    width 1e-10 or ``xtol``).  No per-point scalar root finding.
    """
    import xarray as xr

    scn = _scenario(scenario)
    base_key, price = _baseline_key(baseline)
    if isinstance(n, tuple) and len(n) != 2:
        raise ScenarioError("n", n, "a count or (n_x, n_y)", "a map has two axes")
    nx, ny = (n, n) if not isinstance(n, tuple) else n
    nx_ = _check_n("n", nx, 1) if x is None else 1
    ny_ = _check_n("n", ny, 2) if y is None else 2
    _check_memory("n", n, float(nx_) * ny_ * 8, f"a {nx_} x {ny_} break-even map")
    fy = _spec(y_field)
    if fy.is_choice or fy.is_bool:
        raise ScenarioError(y_field, "(choice field)", "a numeric field", "break-even is solved for a number")
    yv = _default_axis(y_field, fy, _check_n("n", ny, 2)) if y is None else _to_unit_values(y_field, fy, y)
    if yv.size < 2:
        raise ScenarioError(y_field, f"{yv.size} value", "at least 2 values", "a crossing needs an interval")
    grid = {}
    if x_field is not None:
        fx = _spec(x_field)
        if fx.is_choice or fx.is_bool:
            raise ScenarioError(x_field, "(choice field)", "a numeric field", "the map axes are numbers")
        if x_field == y_field:
            raise ScenarioError("x_field", x_field, "a field other than y_field", "the two axes must differ")
        grid[x_field] = _default_axis(x_field, fx, _check_n("n", nx, 1)) if x is None else x
    grid[y_field] = yv
    outs = [ORBITAL] + ([base_key] if base_key else [])
    ds = sweep(scn, grid, outs, client=client, chunks=chunks)
    yv = ds[y_field].values
    orb = ds[ORBITAL].values.reshape(-1, yv.size)
    ref = ds[base_key].values.reshape(-1, yv.size) if base_key else np.full_like(orb, price)

    def diff_for(rows: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        fixed = {}
        if x_field is not None:
            scale, offset = _si_scale(_spec(x_field))
            fixed[x_field] = ds[x_field].values[rows] * scale + offset
        return _pipeline_diff(scn, ORBITAL, base_key, price, fixed, y_field)

    root = first_crossings(yv, orb - ref, diff_for if refine else None, integer=fy.integer, xtol=xtol)
    yunit = fy.unit
    bname = baseline if isinstance(baseline, str) else f"fixed price {baseline:g} USD per million tokens"
    out = xr.Dataset(
        attrs=_study_attrs(scn, "breakeven_map", baseline=str(bname), x_field=x_field or "", y_field=y_field)
    )
    dims = list(ds[ORBITAL].dims)
    out["orbital"] = (
        dims,
        ds[ORBITAL].values,
        {**_output_attrs(ORBITAL), "long_name": "orbital cost per million tokens"},
    )
    out["baseline"] = (
        dims,
        ref.reshape(ds[ORBITAL].shape),
        {"units": _outputs_registry()[ORBITAL].unit, "long_name": f"{bname} cost per million tokens"},
    )
    out["cost_ratio"] = (
        dims,
        (orb / ref).reshape(ds[ORBITAL].shape),
        {"units": "1", "long_name": "orbital / baseline cost per token"},
    )
    out["orbit_wins"] = (
        dims,
        (orb < ref).reshape(ds[ORBITAL].shape),
        {"long_name": "orbital cost per token below the baseline"},
    )
    if x_field is not None:
        out[f"breakeven.{y_field}"] = (
            (x_field,),
            root,
            {"units": yunit, "long_name": f"{y_field} where orbital cost equals {bname} (NaN: no crossing in range)"},
        )
    else:
        out[f"breakeven.{y_field}"] = (
            (),
            float(root[0]),
            {"units": yunit, "long_name": f"{y_field} where orbital cost equals {bname} (NaN: no crossing in range)"},
        )
    for c in ds.coords:
        out = out.assign_coords({c: ds.coords[c]})
    return out
