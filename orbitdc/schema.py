"""Declarations shared by every pipeline module: input fields, sections and outputs.

A pipeline module (``orbitdc/sections/<name>.py``) declares the scenario sections it reads
(:class:`Section` of :class:`Field`), the outputs it writes (:class:`Output`) and a
``stage(p, out)`` function of SI values.  The scenario layer validates and converts the
fields; :mod:`orbitdc.model` chains the stages.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from .errors import ScenarioError
from .units import si_unit_of

KINDS = ("measurement", "vendor", "projection", "claim", "assumption", "standard")
ROLES = ("design", "assumption")
"""A field's role: a *design* choice is what an engineer picks (altitude, accelerator, depth of
discharge ...) and :func:`orbitdc.studies.optimize` searches it by default; an *assumption* is
what the world gives (prices, rates, efficiencies): swept, sampled or held, never optimised
unless asked."""


@dataclass(frozen=True)
class Field:
    """One scenario input: its unit, default, physical bounds and provenance.

    Parameters
    ----------
    name : str
        Field name inside its section (``"altitude"``).
    unit : str
        Default unit: bare numbers in TOML, the CLI and the app are in this unit.
    default : float, int, str or bool
        Default value in ``unit`` (a choice name for a choice field).
    doc : str
        One-line meaning.
    source : str
        Where the default comes from.
    kind : str
        One of ``measurement, vendor, projection, claim, assumption, standard``.
    low, high : float, optional
        Physical bounds in ``unit``. ``low_open``/``high_open`` refuse the bound itself.
    reason : str
        Why values outside the bounds are refused.
    choices : tuple of str, optional
        Makes the field a string choice.
    fills : mapping, optional
        For a choice field: ``{choice: {other_field: value_in_its_unit}}`` applied when the
        choice is set, unless the same input sets those fields explicitly.
    integer : bool
        Whole numbers only.
    ui : (float, float), optional
        Slider range in ``unit``; defaults to the bounds.
    spread : (float, float), optional
        Plausible (low, high) in ``unit`` for sensitivity and Monte Carlo studies.
    role : str
        ``"design"`` (a choice the engineer makes; optimised by default) or ``"assumption"``
        (what the world gives; the default).
    """

    name: str
    unit: str = ""
    default: Any = 0.0
    doc: str = ""
    source: str = ""
    kind: str = "assumption"
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    reason: str = ""
    choices: tuple[str, ...] | None = None
    fills: Mapping[str, Mapping[str, Any]] | None = None
    integer: bool = False
    ui: tuple[float, float] | None = None
    spread: tuple[float, float] | None = None
    role: str = "assumption"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name}: kind {self.kind!r} not in {KINDS}")
        if self.role not in ROLES:
            raise ValueError(f"field {self.name}: role {self.role!r} not in {ROLES}")
        if self.choices is not None and self.default not in self.choices:
            raise ValueError(f"field {self.name}: default {self.default!r} not in choices")

    @property
    def is_design(self) -> bool:
        return self.role == "design"

    @property
    def is_choice(self) -> bool:
        return self.choices is not None

    @property
    def is_bool(self) -> bool:
        return isinstance(self.default, bool)

    @property
    def si(self) -> tuple[str, float, float]:
        """(SI unit string, scale, offset) for converting values in ``unit`` to SI."""
        return si_unit_of(self.unit)

    def allowed_text(self) -> str:
        """The accepted range in words, e.g. ``"200 to 2000 km"``."""
        if self.is_choice:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.is_bool:
            return "true or false"
        u = f" {self.unit}" if self.unit else ""
        lo, hi = self.low, self.high
        if lo is not None and hi is not None:
            lb = "(" if self.low_open else "["
            hb = ")" if self.high_open else "]"
            return f"{lb}{_num(lo)}, {_num(hi)}{hb}{u}"
        if lo is not None:
            return f"{'>' if self.low_open else '>='} {_num(lo)}{u}"
        if hi is not None:
            return f"{'<' if self.high_open else '<='} {_num(hi)}{u}"
        return "any finite number" + (f" in{u}" if u else "")

    def default_range(self, nudge: float) -> tuple[float, float] | None:
        """A range to search or sweep when the caller gives none, in ``unit``.

        The declared ``spread``, else the slider range ``ui``, else the two-sided bounds;
        ``None`` when the field has none of these.  An open bound is moved inside by
        ``nudge`` times the range's width so every point of the range is valid.
        """
        lohi = self.spread or self.ui
        if lohi is None:
            if self.low is None or self.high is None:
                return None
            lohi = (self.low, self.high)
        lo, hi = float(lohi[0]), float(lohi[1])
        if self.low is not None and self.low_open and lo <= self.low:
            lo = self.low + (hi - self.low) * nudge
        if self.high is not None and self.high_open and hi >= self.high:
            hi = self.high - (self.high - lo) * nudge
        return lo, hi

    def spread_for(self, value: float) -> tuple[float, float]:
        """The plausible (low, high) range, in ``unit``, around a scenario ``value``.

        ``spread`` is declared around the field's default.  A value inside it keeps it as
        declared; a value outside it (another catalog part, a user's own figure) gets the
        spread scaled by ``value / default`` so the relative uncertainty is kept, clipped to
        the field's bounds.  Where scaling is meaningless (zero default, sign change) the
        declared spread is widened to include the value.
        """
        if self.spread is None:
            raise ValueError(f"field {self.name} declares no spread")
        lo, hi = (float(x) for x in self.spread)
        v = float(value)
        if lo <= v <= hi:
            return lo, hi
        d = float(self.default) if not isinstance(self.default, (str, bool)) else 0.0
        ratio = v / d if d != 0.0 else -1.0
        if ratio <= 0.0 or not math.isfinite(ratio):
            return min(lo, v), max(hi, v)
        a, b = sorted((lo * ratio, hi * ratio))
        eps = 1e-9 * max(abs(a), abs(b), 1.0)
        if self.low is not None and a <= self.low:
            a = self.low + (eps if self.low_open else 0.0)
        if self.high is not None and b >= self.high:
            b = self.high - (eps if self.high_open else 0.0)
        return min(a, v), max(b, v)

    def check(self, key: str, value: Any) -> None:
        """Validate a value given in ``unit`` (scalar or array); raise ScenarioError."""
        if self.is_choice:
            if value not in self.choices:
                from difflib import get_close_matches

                near = get_close_matches(str(value), self.choices, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise ScenarioError(key, value, self.allowed_text(), "unknown choice" + hint)
            return
        if self.is_bool:
            if not isinstance(value, (bool, np.bool_)):
                raise ScenarioError(key, value, "true or false", "a switch takes a boolean")
            return
        # one Python float (each parameter of a study's distributions, hundreds per call) is
        # tested with plain comparisons: numpy's reductions on a 0-d array cost ~30x more
        scalar = value.__class__ is float
        v = value if scalar else np.asarray(value, dtype=float)
        anyof = bool if scalar else np.any
        bad = not math.isfinite(v) if scalar else ~np.isfinite(v)
        if anyof(bad):
            raise ScenarioError(key, _first(v, bad), self.allowed_text(), "NaN or infinity is not a physical value")
        if self.low is not None:
            bad = v <= self.low if self.low_open else v < self.low
            if anyof(bad):
                raise ScenarioError(
                    key, _q(_first(v, bad), self.unit), self.allowed_text(), self.reason or "below the modelled range"
                )
        if self.high is not None:
            bad = v >= self.high if self.high_open else v > self.high
            if anyof(bad):
                raise ScenarioError(
                    key, _q(_first(v, bad), self.unit), self.allowed_text(), self.reason or "above the modelled range"
                )
        if self.integer:
            bad = v != (round(v) if scalar else np.round(v))
            if anyof(bad):
                raise ScenarioError(
                    key, _first(v, bad), self.allowed_text() + ", whole numbers", "must be a whole number"
                )


@dataclass(frozen=True)
class Section:
    """A named group of fields (``orbit``, ``power``, ...)."""

    name: str
    title: str
    doc: str
    fields: tuple[Field, ...]

    def __post_init__(self):
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"section {self.name}: duplicate field names")
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]

    def __contains__(self, name: str) -> bool:
        return name in self._by_name


@dataclass(frozen=True)
class Output:
    """A pipeline output: dotted key, display unit and meaning.

    The stage writes the value in SI base units of ``unit``'s dimension; the
    :class:`orbitdc.model.Result` converts it to ``unit`` for display.
    """

    key: str
    unit: str
    doc: str
    fmt: str = ".4g"
    labels: Mapping[int, str] | None = dc_field(default=None)

    @property
    def si_unit(self) -> str:
        return si_unit_of(self.unit)[0]


def _first(v: np.ndarray, bad: np.ndarray) -> float:
    return float(np.asarray(v)[bad].flat[0]) if np.ndim(v) else float(v)


def _num(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:g}"


def _q(x: float, unit: str) -> str:
    if math.isfinite(x):
        return f"{x:g} {unit}".strip()
    return str(x)


def as_output(x: Any) -> Any:
    """A stage output in its stored form: Python float for scalars (the fast path of single
    scenarios, including 0-d arrays), a float numpy array otherwise."""
    c = x.__class__
    if c is float:
        return x
    if c is np.float64 or c is int or c is np.bool_ or c is bool:
        return float(x)
    if c is np.ndarray:
        if x.ndim == 0:
            return float(x)
        return x if x.dtype == np.float64 else np.asarray(x, dtype=float)
    return float(x) if np.ndim(x) == 0 else np.asarray(x, dtype=float)


_FLOAT_ONLY = frozenset((float,))


def input_reader(*keys: str, convert: Any = None):
    """A reader of a stage's numeric values ``keys`` (two or more) in one pass.

    ``input_reader(*keys)(p)`` is ``tuple(convert(p[k]) for k in keys)`` with ``convert``
    :func:`as_output` by default: one C-level read and one C-level test when every value is a
    Python float (a single scenario), each value converted by ``convert`` otherwise (float
    arrays of rows, numpy scalars).  ``convert`` must return a Python float unchanged.
    """
    get = operator.itemgetter(*keys)
    conv = as_output if convert is None else convert

    def read(p):
        vals = get(p)
        if _FLOAT_ONLY.issuperset(map(type, vals)):
            return vals
        return tuple(map(conv, vals))

    return read
