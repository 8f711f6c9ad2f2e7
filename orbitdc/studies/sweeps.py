"""Full-factorial sweeps (:func:`sweep`) and the pipeline on given points (:func:`evaluate_points`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .execution import _bases_for, _chunk_rows, _execute, _task_grid, _task_rows, _threads
from .inputs import (
    _check_memory,
    _check_values,
    _field_attrs,
    _output_attrs,
    _outputs_registry,
    _resolve_outputs,
    _scenario,
    _si_scale,
    _spec,
    _to_display,
    _to_unit_values,
)

# ============================================================================ sweeps


def _axis(key: str, values: Any) -> tuple[Any, bool, Any, Any]:
    """(field, is_category, coordinate values in field unit or choices, SI values or count)."""
    f = _spec(key)
    if f.is_choice or f.is_bool:
        vals = [values] if isinstance(values, (str, bool)) else list(values)
        if not vals:
            raise ScenarioError(
                key, "[]", f.allowed_text() if f.is_choice else "true or false", "an empty grid has nothing to evaluate"
            )
        for v in vals:
            f.check(key, v)
        return f, True, vals, len(vals)
    arr = _to_unit_values(key, f, values)
    _check_values(key, f, arr)
    if f.integer:
        arr = np.round(arr)
    scale, offset = _si_scale(f)
    return f, False, arr, arr * scale + offset


def sweep(
    scenario: Any = None,
    grid: Mapping[str, Any] | None = None,
    outputs: Any = None,
    *,
    client=None,
    chunks: int | None = None,
    dataframe: bool = False,
    threads: int | None = None,
):
    """Evaluate a full-factorial grid of field values through the pipeline.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        Base scenario (a preset name or TOML file is loaded; None = field defaults).  Fields
        not in ``grid`` keep its values.
    grid : mapping
        ``{"section.field": values}``.  Numeric values are numbers in the field's unit
        (``orbitdc fields``), a pint Quantity array or unit strings (``["100 USD/kg", ...]``);
        choice and switch fields take their choice names / booleans.  Every value is checked
        against the field's bounds; NaN or inf is refused.
    outputs : str, sequence of str, "all" or None
        Output keys (:func:`orbitdc.model.outputs`); None = :data:`DEFAULT_OUTPUTS` that exist.
    client : distributed.Client, optional
        Run the chunks on this Dask cluster.
    chunks : int, optional
        Grid points per task (default :data:`CHUNK`); alone, it runs on the current Dask
        scheduler.
    dataframe : bool
        Return ``Dataset.to_dataframe()`` (one row per grid point) instead of the Dataset.
    threads : int, optional
        Threads that run the chunks in process (without ``client`` or ``chunks``): default
        the environment variable ``ORBITDC_THREADS``, else the CPUs available to the
        process (at most 8), never more than the number of chunks.  Results do not depend
        on it.

    Returns
    -------
    xarray.Dataset
        One dimension per grid field (named by its key, coordinates in the field's unit,
        ``attrs["units"]``), one data variable per output in its display unit.

    Notes
    -----
    The grid is flattened (C order), cut into chunks of ``chunks`` points and each chunk is
    one call of :func:`orbitdc.model.evaluate_si` on arrays of shape ``(chunk,)``; choice
    fields form the outer loop (one base scenario per combination, with its fills).

    Examples
    --------
    >>> ds = sweep("dawn-dusk-650", {"launch.price_per_kg": [100, 500, 1500]})  # doctest: +SKIP
    >>> ds["cost_per_million_tokens.orbital"].attrs["units"]                    # doctest: +SKIP
    'USD'
    """
    import xarray as xr

    scn = _scenario(scenario)
    if not isinstance(grid, Mapping) or not grid:
        raise ScenarioError(
            "grid", repr(grid)[:60], "a mapping {field: values} with at least one field", "nothing to sweep"
        )
    out_keys = _resolve_outputs(outputs)
    sizes = [len(v) if hasattr(v, "__len__") and not isinstance(v, str) else 1 for v in grid.values()]
    _check_memory("grid", " x ".join(map(str, sizes)), math.prod(sizes) * (len(out_keys) + len(sizes)), "this grid")
    axes, coords, shape = [], {}, []
    cat_keys, cat_vals = [], []
    for key, values in grid.items():
        f, cat, coord, si = _axis(key, values)
        if cat:
            cat_keys.append(key)
            cat_vals.append(coord)
            coords[key] = (key, np.array(coord, dtype=object if not f.is_bool else bool), {"long_name": f.doc})
        else:
            coords[key] = (key, coord, _field_attrs(key, f))
        axes.append((key, cat, si))
        shape.append(len(coord))
    bases = _bases_for(scn, cat_keys, cat_vals)
    total = math.prod(shape)
    step = _chunk_rows(chunks, None)
    flat = {k: np.empty(total, dtype=float) for k in out_keys}

    def consume(i, res):
        s = i * step
        for k in out_keys:
            flat[k][s : s + len(res[k])] = res[k]

    args = [(bases, axes, s, min(s + step, total), out_keys) for s in range(0, total, step)]
    nthreads = _threads(threads, len(args))
    _execute(_task_grid, args, consume, client=client, use_dask=chunks is not None and client is None, threads=nthreads)
    dims = list(grid)
    data = {}
    for k in out_keys:
        vals = _to_display(k, flat[k]).reshape(shape)
        data[k] = (dims, _maybe_int(k, vals), _output_attrs(k))
    ds = xr.Dataset(data, coords=coords, attrs=_study_attrs(scn, "sweep"))
    return ds.to_dataframe() if dataframe else ds


def _maybe_int(key: str, vals: np.ndarray) -> np.ndarray:
    if _outputs_registry()[key].labels:
        return np.rint(vals).astype(np.int64)
    return vals


def _study_attrs(scn, kind: str, **extra) -> dict:
    from .. import __version__

    attrs = {"study": kind, "scenario": scn.name or "(custom)", "orbitdc_version": __version__}
    try:
        attrs["scenario_toml"] = scn.to_toml(comments=False)
    except ValueError:  # pragma: no cover - defensive
        pass
    attrs.update({k: v for k, v in extra.items() if v is not None})
    return attrs


def evaluate_points(
    scenario: Any = None,
    values: Mapping[str, Any] | None = None,
    outputs: Any = None,
    *,
    client=None,
    chunks: int | None = None,
    dataframe: bool = False,
    threads: int | None = None,
):
    """Evaluate the pipeline at given points (one row per point, not a grid).

    Parameters
    ----------
    values : mapping
        ``{"section.field": sequence}`` of equal-length numeric sequences in the field's
        unit (or quantities); checked against the field bounds.
    scenario, outputs, client, chunks, dataframe, threads : as :func:`sweep`
        (Fields not in ``values`` keep the scenario's values.)

    Returns
    -------
    xarray.Dataset
        Dimension ``point``; the inputs (field units) and outputs (display units) as variables.
    """
    import xarray as xr

    scn = _scenario(scenario)
    if not values:
        raise ScenarioError("values", values, "a mapping {field: sequence}", "nothing to evaluate")
    out_keys = _resolve_outputs(outputs)
    cols_unit, cols_si, n = {}, {}, None
    for key, v in values.items():
        f = _spec(key)
        if f.is_choice or f.is_bool:
            raise ScenarioError(key, "(choice field)", "a numeric field", "use sweep() for choice fields")
        arr = _to_unit_values(key, f, v)
        _check_values(key, f, arr)
        if n is None:
            n = arr.size
        elif arr.size != n:
            raise ScenarioError(
                key, f"{arr.size} values", f"{n} values like the other fields", "points need one value per field"
            )
        scale, offset = _si_scale(f)
        cols_unit[key] = arr
        cols_si[key] = arr * scale + offset
    bases = {(): scn.to_si()}
    step = _chunk_rows(chunks, None)
    flat = {k: np.empty(n, dtype=float) for k in out_keys}

    def consume(i, res):
        for k in out_keys:
            flat[k][i * step : i * step + len(res[k])] = res[k]

    args = [
        (bases, None, {k: v[s : s + step] for k, v in cols_si.items()}, out_keys, min(step, n - s), s)
        for s in range(0, n, step)
    ]
    nthreads = _threads(threads, len(args))
    _execute(_task_rows, args, consume, client=client, use_dask=chunks is not None and client is None, threads=nthreads)
    data = {k: ("point", v, _field_attrs(k, _spec(k))) for k, v in cols_unit.items()}
    for k in out_keys:
        data[k] = ("point", _maybe_int(k, _to_display(k, flat[k])), _output_attrs(k))
    ds = xr.Dataset(data, coords={"point": np.arange(n)}, attrs=_study_attrs(scn, "points"))
    return ds.to_dataframe() if dataframe else ds
