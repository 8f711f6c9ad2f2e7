"""The one pipeline: ``evaluate(scenario) -> Result``.

:func:`evaluate_si` chains the stages of :data:`orbitdc.sections.MODULES` on a flat dict of
SI values (floats or numpy arrays that broadcast together), so the same code path serves
one scenario, a million-point sweep, a Monte Carlo and a Dask chunk.  :func:`evaluate`
wraps it for a :class:`~orbitdc.scenario.Scenario` and returns a :class:`Result` of pint
quantities.  The app, the CLI, studies and notebooks all call these two functions; no
interface recomputes physics on its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from . import units as _units
from .errors import ScenarioError
from .scenario import Scenario, _pipeline
from .schema import Output

__all__ = ["evaluate", "evaluate_si", "evaluate_si_rows", "Result", "outputs"]


def outputs() -> dict[str, Output]:
    """Every pipeline output, ``{key: Output}``, in pipeline order."""
    from .sections import all_outputs

    return all_outputs()


def evaluate_si(p: Mapping[str, Any]) -> dict[str, Any]:
    """Run every stage on SI inputs.

    Parameters
    ----------
    p : mapping
        ``{"section.field": value}`` with every scenario field: SI floats or numpy arrays
        (arrays broadcast together), strings for choice fields, bools for switches.
        Choice and switch fields may also be 1-D arrays of one value per row (a population
        of designs with different launch vehicles): the stages then run on groups of rows,
        split only where a stage reads a choice that differs within a group
        (:mod:`orbitdc._rowgroups`); numeric fields are then scalars or arrays of the same
        length, and every field a choice fills must be given row by row.
        Bounds are *not* re-checked here; :class:`Scenario` and :mod:`orbitdc.studies`
        validate before calling.  A ``years.year`` later than ``years.base_year`` first
        moves the inputs along the section's learning curves and trends
        (:func:`orbitdc.sections.years.at_year`; the identity in the base year).

    Returns
    -------
    dict
        ``{"group.name": SI float or array}`` for every output of every stage.
    """
    sections = _pipeline()
    p = sections.years.at_year(p)  # the year acts on inputs: the identity in the base year
    keys = _categorical_keys()
    # one test in C over every choice and switch (the usual case: none holds one value per row)
    if not _SEQUENCE_SET.isdisjoint(map(type, map(p.get, keys))):
        cats = [k for k in keys if p.get(k).__class__ in _SEQUENCES]
        from ._rowgroups import evaluate_rows

        return evaluate_rows(p, sections.MODULES, cats)
    out: dict[str, Any] = {}
    for m in sections.MODULES:
        m.stage(p, out)
    return out


def evaluate_si_rows(p: Mapping[str, Any], n: int) -> tuple[dict[str, Any], np.ndarray]:
    """:func:`evaluate_si` on ``n`` rows, refusing rows instead of the whole call.

    Where :func:`evaluate_si` raises a ScenarioError for a physically impossible state in any
    row (a vehicle that cannot reach the orbit, a radiator that cannot reject its heat),
    this records which rows failed each requirement and carries on with the others (the
    refused rows' outputs are meaningless and must be discarded).  Searches over many
    designs, such as :func:`orbitdc.studies.optimize`, use it to treat such designs as
    infeasible in one call.  A check that raises outside :func:`orbitdc.errors.require`
    still raises.

    Returns
    -------
    (dict, numpy.ndarray)
        The outputs as from :func:`evaluate_si` and a boolean mask of shape ``(n,)`` of
        the refused rows.
    """
    from .errors import REFUSALS

    sink: list = []
    token = REFUSALS.set(sink)
    try:
        with np.errstate(all="ignore"):
            out = evaluate_si(p)
    finally:
        REFUSALS.reset(token)
    return out, rows_refused(sink, n)


def rows_refused(masks: list, n: int) -> np.ndarray:
    """Fold failing-element masks recorded by :func:`orbitdc.errors.require` into rows."""
    bad = np.zeros(n, dtype=bool)
    for m in masks:
        m = np.asarray(m, dtype=bool)
        if m.ndim >= 1 and m.shape[0] == n and n > 1:
            bad |= m.reshape(n, -1).any(axis=1)
        elif m.any():
            bad[:] = True
    return bad


_SEQUENCES = (np.ndarray, list, tuple)
_SEQUENCE_SET = frozenset(_SEQUENCES)
_CAT_KEYS: dict = {}


def _categorical_keys() -> tuple[str, ...]:
    """Keys of every choice and switch field (cached per set of pipeline sections)."""
    secs = _pipeline().all_sections()
    if _CAT_KEYS.get("secs") is not secs:
        keys = tuple(f"{s.name}.{f.name}" for s in secs.values() for f in s.fields if f.is_choice or f.is_bool)
        _CAT_KEYS.update(secs=secs, keys=keys)
    return _CAT_KEYS["keys"]


def evaluate(scenario: Scenario | Mapping | None = None, **overrides: Any) -> Result:
    """Evaluate one scenario through the whole pipeline.

    Parameters
    ----------
    scenario : Scenario, mapping or None
        The scenario (``None`` = defaults; a mapping is read with ``Scenario(mapping)``).
    **overrides
        Dotted-key overrides with ``__`` for the dot: ``evaluate(s, orbit__altitude="550 km")``.

    Returns
    -------
    Result
        Outputs as pint quantities (``result["orbit.period"]``), ``.to_dict()``, ``.table()``.
    """
    if scenario is None:
        scenario = Scenario()
    elif not isinstance(scenario, Scenario):
        scenario = Scenario(scenario)
    if overrides:
        scenario = scenario.with_overrides({k.replace("__", "."): v for k, v in overrides.items()})
    try:
        si = evaluate_si(scenario.to_si())
    except ScenarioError as exc:
        raise user_error(exc, scenario) from None
    except _ARITHMETIC as exc:
        raise _blame(scenario, f"the model cannot compute this combination ({type(exc).__name__})") from None
    bad = _first_nonfinite(si)
    if bad is not None:
        raise _blame(scenario, f"the model gives a non-finite {bad} for this combination")
    return Result(scenario, si)


_ARITHMETIC = (ZeroDivisionError, OverflowError, FloatingPointError)
_BLAME_LIMIT = 60  # fields tried when looking for the cause of a failure (each one evaluation)


def _first_nonfinite(si: Mapping[str, Any]) -> str | None:
    """The first output that is NaN or infinite (None when all are finite)."""
    try:  # one scenario: a sum is finite only when every term is (NaN, inf propagate; a sum
        # that overflows falls through to the test of each value)
        if math.isfinite(sum(si.values(), 0.0)):
            return None
    except (TypeError, ValueError, OverflowError):  # arrays of rows, inf - inf, huge terms
        pass
    isfinite = math.isfinite
    for k, v in si.items():
        if v.__class__ is float:
            if not isfinite(v):
                return k
        elif isinstance(v, (np.ndarray, np.floating, int)) and not bool(np.all(np.isfinite(v))):
            return k
    return None


def _user_value(key: str, si_value: Any) -> Any:
    """An SI value of field ``key`` as the user reads it: ``"66 GHz"`` (field unit)."""
    from .scenario import field_spec

    f = field_spec(key)
    if f.is_choice or f.is_bool or isinstance(si_value, (str, bool)) or not np.ndim(si_value) == 0:
        return si_value
    try:
        x = float(si_value)
    except (TypeError, ValueError):
        return si_value
    _, scale, offset = f.si
    return f"{(x - offset) / scale:.6g} {f.unit}".strip() if math.isfinite(x) else x


def user_error(exc: ScenarioError, scenario: Scenario | None = None) -> ScenarioError:
    """A stage's ScenarioError in the user's terms.

    A stage sees SI values: an error on a scenario field gets its value shown in the
    field's unit (``66 GHz``, not ``66000000000.0``).  An error on an internal quantity
    (``received_power``) is traced, when ``scenario`` is given, to the fields the user set
    that cause it (:func:`_blame`).
    """
    from .scenario import all_keys

    if exc.field in _field_keys(all_keys):
        return ScenarioError(exc.field, _user_value(exc.field, exc.value), exc.allowed, exc.reason)
    if scenario is None:
        return exc
    return _blame(scenario, f"{exc.reason or 'refused'} ({exc.field} = {exc.value!r}, needs {exc.allowed})")


def _field_keys(all_keys) -> frozenset:
    keys = _FIELD_KEYS.get("keys")
    if keys is None or len(keys) != len(all_keys()):
        keys = _FIELD_KEYS["keys"] = frozenset(all_keys())
    return keys


_FIELD_KEYS: dict = {}


def _fails(scn: Scenario) -> bool:
    try:
        with np.errstate(all="ignore"):
            return _first_nonfinite(evaluate_si(scn.to_si())) is not None
    except (ScenarioError, *_ARITHMETIC):
        return True


def _blame(scenario: Scenario, reason: str) -> ScenarioError:
    """A ScenarioError naming the fields that cause a failure of the pipeline.

    The fields that differ from the defaults (which evaluate) are reset one at a time; those
    whose reset removes the failure are named, each in its unit (all differing fields when no
    single one does).  Runs only on failure: one evaluation per differing field, at most
    :data:`_BLAME_LIMIT`.
    """
    ref = Scenario()
    diffs = [k for k in scenario.keys() if scenario.raw(k) != ref.raw(k)]
    culprits = []
    for k in diffs[:_BLAME_LIMIT]:
        try:
            trial = scenario.with_overrides({k: ref.raw(k)})
        except ScenarioError:
            continue
        if not _fails(trial):
            culprits.append(k)
    named = culprits or diffs

    def shown(k):
        v = scenario.raw(k)
        unit = _field_unit(k)
        return f"{v:.6g} {unit}".strip() if isinstance(v, float) else repr(v)

    if not named:
        return ScenarioError("scenario", "(defaults)", "", reason)
    others = ", ".join(f"{k} = {shown(k)}" for k in named[1:5])
    more = f"; together with {others}" if others else ""
    hint = " (change this field" + (" or those)" if others else ")")
    return ScenarioError(named[0], shown(named[0]), "", f"{reason}{more}{hint}")


def scenario_from_si(p: Mapping[str, Any]) -> Scenario:
    """The Scenario of one row of SI values (the inverse of :meth:`Scenario.to_si`; not re-validated)."""
    from .scenario import _si_layout, field_spec

    scn = Scenario.__new__(Scenario)
    values = {}
    for k, scale, offset in _si_layout():
        x = p[k]
        if scale is None:
            values[k] = x.item() if hasattr(x, "item") else x
        else:
            v = (float(x) - offset) / scale
            values[k] = int(round(v)) if field_spec(k).integer else v
    scn._v = values
    scn.name = ""
    scn.description = ""
    return scn


def _field_unit(key: str) -> str:
    from .scenario import field_spec

    return field_spec(key).unit


class Result(Mapping):
    """The outputs of one evaluation.

    Indexing by dotted key gives a pint Quantity in the output's display unit (built on
    access, so evaluation stays fast).  ``.si`` holds the raw SI values.
    """

    def __init__(self, scenario: Scenario, si: dict[str, Any]):
        self.scenario = scenario
        self.si = si

    def __getitem__(self, key: str):
        spec = outputs().get(key)
        v = self.si[key]
        if spec is None:
            return v
        return _units.Q_(v, spec.si_unit).to(spec.unit)

    def magnitude(self, key: str) -> Any:
        """Value of ``key`` in the output's display unit as a float or array, without pint.

        Equal to ``result[key].magnitude`` (within the last bit of the affine conversion)
        and used by :meth:`table` and :meth:`to_dict`, so printing results never loads pint.
        """
        spec = outputs()[key]
        v = self.si[key]
        _, scale, offset = _units.si_unit_of(spec.unit)
        if scale == 1.0 and offset == 0.0:
            return v
        return (v - offset) / scale

    @property
    def series(self) -> dict[str, Any]:
        """Daily series of the orbit's year (``orbit.day``, ``orbit.daily_eclipse_fraction``,
        ``orbit.daily_beta`` [rad], ``orbit.daily_eclipse_duration`` [s]), computed on first
        access by the orbit stage's :func:`orbitdc.sections.orbit.daily_series`."""
        if getattr(self, "_series", None) is None:
            from .sections.orbit import daily_series

            self._series = daily_series(self.scenario.to_si())
        return self._series

    def __iter__(self) -> Iterator[str]:
        return iter(self.si)

    def __len__(self) -> int:
        return len(self.si)

    def value(self, key: str, unit: str | None = None) -> float:
        """Float value of ``key`` in ``unit`` (default: the output's display unit).

        Converted with the unit table's scale and offset (:func:`orbitdc.units.si_unit_of`, as
        :meth:`magnitude`) when ``unit`` has the output's SI unit, so formatting a page of
        numbers builds no pint quantity; any other unit goes through pint (and raises its
        DimensionalityError for an incompatible one).
        """
        spec = outputs().get(key)
        if spec is not None:
            si_unit, scale, offset = _units.si_unit_of(unit or spec.unit)
            if si_unit == spec.si_unit:
                return float((self.si[key] - offset) / scale)
        q = self[key]
        return float(q.to(unit).magnitude if unit else q.magnitude)

    def label(self, key: str) -> str | None:
        """Text label for coded outputs (e.g. the binding constraint), if any."""
        spec = outputs().get(key)
        if spec is None or not spec.labels:
            return None
        return spec.labels.get(int(round(float(self.si[key]))))

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Nested ``{group: {name: {"value": x, "unit": u, ["label": text]}}}`` (JSON ready)."""
        d: dict[str, dict[str, Any]] = {}
        specs = outputs()
        for key in self.si:
            spec = specs.get(key)
            group, _, name = key.partition(".")
            if spec is None:
                continue
            mag = self.magnitude(key)
            val = float(mag) if np.ndim(mag) == 0 else np.asarray(mag, dtype=float).tolist()
            if isinstance(val, float) and not math.isfinite(val):
                val = None
            entry: dict[str, Any] = {"value": val, "unit": spec.unit}
            lab = self.label(key) if np.ndim(mag) == 0 else None
            if lab is not None:
                entry["label"] = lab
            d.setdefault(group, {})[name] = entry
        return d

    def to_json(self, include_scenario: bool = True) -> str:
        data: dict[str, Any] = {"results": self.to_dict()}
        if include_scenario:
            data = {"scenario": {"meta": {"name": self.scenario.name}, **self.scenario.to_dict()}, **data}
        return json.dumps(data, indent=2, ensure_ascii=False)

    def table(self, keys: list[str] | None = None) -> str:
        """A readable text table of the outputs, grouped by pipeline module."""
        specs = outputs()
        rows = []
        last = None
        keys = keys or [k for k in specs if k in self.si]
        width = max((len(k) for k in keys), default=10)
        for key in keys:
            spec = specs[key]
            group = key.split(".", 1)[0]
            if group != last:
                rows.append(f"[{group}]")
                last = group
            lab = self.label(key)
            if lab is not None:
                txt = lab
            else:
                m = self.magnitude(key)
                mag = float(np.asarray(m).ravel()[0]) if np.ndim(m) else float(m)
                unit = _units.display_unit(spec.unit) if spec.unit else ""
                txt = f"{format(mag, spec.fmt)} {unit}".rstrip()
            rows.append(f"  {key:<{width}}  {txt:>18}   {spec.doc}")
        return "\n".join(rows)

    def __repr__(self) -> str:
        return f"<Result of {self.scenario!r}: {len(self.si)} outputs>"
