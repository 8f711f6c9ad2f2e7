"""Distributions of uncertain fields: :class:`Uniform`, :class:`Normal`, :class:`LogNormal`,
:class:`Triangular`, :class:`Choice`, their resolution against the field's bounds, and
:func:`uncertain_fields`.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .inputs import _si_scale, _spec
from .random_streams import _U_HI, _U_LO, _min_max, _scratch, _uniforms

# ============================================================================ distributions


@dataclass(frozen=True)
class Uniform:
    """Uniform distribution on [low, high] (values in the field's unit)."""

    low: Any
    high: Any


@dataclass(frozen=True)
class Normal:
    """Normal distribution (mean, standard deviation sd), truncated to the field's bounds."""

    mean: Any
    sd: Any


@dataclass(frozen=True)
class LogNormal:
    """Log-normal distribution: ln X ~ N(ln median, sigma); truncated to the field's bounds."""

    median: Any
    sigma: float


@dataclass(frozen=True)
class Triangular:
    """Triangular distribution on [low, high] with the given mode (field's unit)."""

    low: Any
    mode: Any
    high: Any


@dataclass(frozen=True)
class Choice:
    """Discrete distribution over a choice (or switch) field's values: ``{value: weight}``."""

    options: Any


_DIST_NAMES = {"uniform": Uniform, "normal": Normal, "lognormal": LogNormal, "triangular": Triangular, "choice": Choice}


@dataclass(frozen=True)
class _Dist:
    """A validated distribution in the field's unit (plain data: pickles to Dask workers)."""

    key: str
    kind: str
    params: tuple
    lo: float  # truncation bounds in field unit (field bounds), -inf/inf when unbounded
    hi: float
    lo_open: bool
    hi_open: bool
    integer: bool
    scale: float
    offset: float
    choices: tuple = ()

    @property
    def is_category(self) -> bool:
        return self.kind == "choice"

    def describe(self) -> str:
        if self.kind == "choice":
            return "choice(" + ", ".join(f"{c!r}: {w:.3g}" for c, w in zip(self.choices, self.params)) + ")"
        return f"{self.kind}(" + ", ".join(f"{p:.6g}" for p in self.params) + ")"

    def sample(
        self,
        seed: int,
        stream: int,
        start: int,
        m: int,
        si: bool = False,
        out: np.ndarray | None = None,
        pair: tuple | None = None,
    ) -> np.ndarray:
        """Rows ``[start, start + m)`` of this field's seeded sample (codes for a choice).

        Values are in the field's unit, or in SI with ``si=True`` (the affine unit conversion
        is folded into the sampling, saving passes over memory).  Row ``i`` depends only on
        ``(seed, stream, key, i)``.  Triangular samples use two uniform streams and the
        min/max construction of Stein & Keblis (2009):
        ``x = a + (b - a) ((1 - c) min(U, V) + c max(U, V))`` with ``c = (mode - a)/(b - a)``,
        branch-free and several times faster than the inverse CDF; every other kind uses the
        inverse CDF of one uniform stream.

        ``out`` (float, shape ``(m,)``) is an optional buffer the values may be written to
        (reused across chunks to avoid fresh allocations); the returned array is the result
        either way and may be ``out`` itself.  ``pair``: a triangular field's
        ``(min(U, V), max(U, V))`` for these rows, already drawn (read only; see
        :func:`~orbitdc.studies.random_streams._sorted_pairs`).
        """
        plain = self.scale == 1.0 and self.offset == 0.0
        if self.kind == "triangular":
            a, c, b = self.params
            fold = si and not self.integer  # whole numbers are rounded in the field's unit
            k, o = (self.scale, self.offset) if fold else (1.0, 0.0)
            # the minimum goes to a scratch buffer reused across fields, the maximum to out
            # (in place when drawn here): one new array per field
            lo, hi = pair if pair is not None else _min_max(seed, stream, self.key, start, m, out)
            fc = (c - a) / (b - a)
            u = np.multiply(lo, (b - a) * k * (1.0 - fc), out=_scratch(m)[0])
            x = np.multiply(hi, (b - a) * k * fc, out=hi if hi.flags.writeable else out)
            x += u
            x += a * k + o
            x = self._finish(x, a * k + o, b * k + o, self.lo * k + o, self.hi * k + o)
            if si and not fold and not plain:
                x *= self.scale
                x += self.offset
            return x
        x = self.ppf(_uniforms(seed, stream, self.key, start, out if out is not None else np.empty(m)))
        if si and not plain and not self.is_category:
            x *= self.scale
            x += self.offset
        return x

    def to_unit(self, x_si: np.ndarray) -> np.ndarray:
        """SI values back in the field's unit (a new array)."""
        if self.is_category or (self.scale == 1.0 and self.offset == 0.0):
            return x_si
        return (x_si - self.offset) / self.scale

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF at ``u`` in [0, 1): values in the field's unit (codes for a choice).

        Works in place on ``u`` where it can.
        """
        k, prm = self.kind, self.params
        if k == "uniform":
            a, b = prm
            u *= b - a
            u += a
            return self._finish(u, a, b, self.lo, self.hi)
        if k == "triangular":
            a, c, b = prm
            fc = (c - a) / (b - a)
            right = u >= fc
            x = np.subtract(1.0, u)
            x *= (b - a) * (b - c)
            u *= (b - a) * (c - a)
            np.copyto(u, x, where=right)
            np.sqrt(u, out=u)
            np.add(u, a, out=x)
            np.subtract(b, u, out=x, where=right)
            return self._finish(x, a, b, self.lo, self.hi)
        np.clip(u, _U_LO, _U_HI, out=u)
        if k == "choice":
            cum = np.cumsum(np.asarray(prm, dtype=float))
            return np.minimum(np.searchsorted(cum / cum[-1], u, side="right"), len(prm) - 1).astype(np.int64)
        from scipy.special import ndtr, ndtri

        if k == "normal":
            m, s = prm
            za = (self.lo - m) / s if math.isfinite(self.lo) else -np.inf
            zb = (self.hi - m) / s if math.isfinite(self.hi) else np.inf
        else:
            med, s = prm
            m = math.log(med)
            za = (math.log(self.lo) - m) / s if self.lo > 0 and math.isfinite(self.lo) else -np.inf
            zb = (math.log(self.hi) - m) / s if math.isfinite(self.hi) else np.inf
        pa, pb = float(ndtr(za)), float(ndtr(zb))
        u *= pb - pa
        u += pa
        x = ndtri(u, out=u)
        x *= s
        x += m
        if k == "lognormal":
            np.exp(x, out=x)
        lo = np.nextafter(self.lo, np.inf) if self.lo_open else self.lo
        hi = np.nextafter(self.hi, -np.inf) if self.hi_open else self.hi
        return self._finish(x, lo, hi, self.lo, self.hi, force=True)

    def _finish(self, x: np.ndarray, lo: float, hi: float, flo: float, fhi: float, force: bool = False) -> np.ndarray:
        """Keep last-ulp rounding inside [lo, hi]; whole numbers for integer fields.

        ``[lo, hi]`` is the support, itself inside the field's bounds ``[flo, fhi]`` (same
        units as ``x``); the clip is only needed (and only done) when the support touches a
        bound, or for truncated kinds.
        """
        tight = 1e-9 * (hi - lo) if math.isfinite(hi - lo) else 0.0
        if force or lo - flo <= tight:
            np.maximum(x, lo, out=x)
        if force or fhi - hi <= tight:
            np.minimum(x, hi, out=x)
        if self.integer:
            np.rint(x, out=x)
        return x


def _num(key: str, f, v: Any, what: str) -> float:
    if v.__class__ is float and math.isfinite(v):  # the usual case
        return v
    from ..units import UnitParseError, _is_quantity, parse_quantity

    if isinstance(v, str) or _is_quantity(v):
        try:
            return float(parse_quantity(v, f.unit).magnitude)
        except UnitParseError as exc:
            raise ScenarioError(key, f"{what} = {v}", f.allowed_text(), str(exc)) from None
    if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(float(v)):
        raise ScenarioError(
            key, f"{what} = {v!r}", "a finite number", f"distribution parameter {what} must be a finite number"
        )
    return float(v)


def _inside(key: str, f, x: float, what: str) -> None:
    try:
        f.check(key, x)
    except ScenarioError as exc:
        raise ScenarioError(
            key,
            f"{what} = {x:g} {f.unit}".rstrip(),
            f.allowed_text(),
            f"the distribution's {what} must lie inside the field's bounds ({exc.reason})",
        ) from None


def _spread_dist(key: str, f, scn) -> Triangular:
    if f.spread is None:
        raise ScenarioError(
            key,
            "(no spread)",
            "a field with a declared low/high spread, or an explicit distribution",
            "this field declares no plausible range; give a distribution such as ('uniform', low, high)",
        )
    c = float(scn.raw(key))
    lo, hi = f.spread_for(c)
    return Triangular(lo, c, hi)


_SPREADS: dict = {}  # (key, scenario value) -> (Field, _Dist) of default spreads
_SPREADS_MAX = 8192


def _resolve_dist(key: str, spec: Any, scn, f=None) -> _Dist:
    """Validate a user distribution for field ``key`` (ScenarioError on bad parameters).

    ``f``: the field's :class:`~orbitdc.schema.Field` when the caller has looked it up.
    """
    if f is None:
        f = _spec(key)
    if spec is None or (isinstance(spec, str) and spec in ("spread", "default")):
        if f.is_choice or f.is_bool:
            raise ScenarioError(
                key, "(choice field)", "an explicit Choice({...}) distribution", "choice fields have no numeric spread"
            )
        # the default spread depends only on the field and the scenario's value: resolved
        # once per (field, value), as the app asks again on every change of the scenario
        ck = (key, scn.raw(key)) if f.spread is not None else None
        hit = _SPREADS.get(ck) if ck is not None else None
        if hit is not None and hit[0] is f:
            return hit[1]
        d = _resolve_dist(key, _spread_dist(key, f, scn), scn, f)
        if ck is not None:
            if len(_SPREADS) >= _SPREADS_MAX:
                _SPREADS.clear()
            _SPREADS[ck] = (f, d)
        return d
    if isinstance(spec, Mapping) and not isinstance(spec, Choice):
        spec = dict(spec)
        name = spec.pop("dist", spec.pop("kind", None))
        spec = _make_named(key, name, (), spec)
    elif isinstance(spec, (tuple, list)):
        if not spec or not isinstance(spec[0], str):
            raise ScenarioError(
                key, repr(spec)[:60], "(name, *parameters), e.g. ('uniform', 100, 2000)", "distribution name missing"
            )
        spec = _make_named(key, spec[0], tuple(spec[1:]), {})
    if not isinstance(spec, (Uniform, Normal, LogNormal, Triangular, Choice)):
        raise ScenarioError(
            key,
            repr(spec)[:60],
            "Uniform, Normal, LogNormal, Triangular, Choice, a tuple or 'spread'",
            "not a distribution",
        )
    if isinstance(spec, Choice):
        if not (f.is_choice or f.is_bool):
            raise ScenarioError(
                key, "Choice", "a numeric distribution", "only choice and switch fields take a Choice distribution"
            )
        opts = spec.options
        items = list(opts.items()) if isinstance(opts, Mapping) else [(o, 1.0) for o in opts]
        if not items:
            raise ScenarioError(key, "Choice({})", "at least one option", "nothing to sample")
        for c, w in items:
            f.check(key, c)
            if isinstance(w, bool) or not isinstance(w, numbers.Real) or not math.isfinite(w) or w < 0:
                raise ScenarioError(
                    key, f"weight of {c!r} = {w!r}", "a finite weight >= 0", "probabilities are non-negative"
                )
        tot = sum(float(w) for _, w in items)
        if tot <= 0:
            raise ScenarioError(key, "weights sum to 0", "a positive total weight", "some option must have a chance")
        return _Dist(
            key,
            "choice",
            tuple(float(w) / tot for _, w in items),
            -np.inf,
            np.inf,
            False,
            False,
            False,
            1.0,
            0.0,
            tuple(c for c, _ in items),
        )
    if f.is_choice or f.is_bool:
        raise ScenarioError(
            key, type(spec).__name__, "Choice({value: weight})", "a choice field takes a Choice distribution"
        )
    lo = -np.inf if f.low is None else float(f.low)
    hi = np.inf if f.high is None else float(f.high)
    scale, offset = _si_scale(f)
    common = dict(lo=lo, hi=hi, lo_open=f.low_open, hi_open=f.high_open, integer=f.integer, scale=scale, offset=offset)
    if isinstance(spec, Uniform):
        a, b = _num(key, f, spec.low, "low"), _num(key, f, spec.high, "high")
        if not a < b:
            raise ScenarioError(
                key,
                f"low = {a:g}, high = {b:g}",
                "low < high",
                "a uniform distribution needs low below high (fix a value in the scenario instead)",
            )
        _inside(key, f, a, "low")
        _inside(key, f, b, "high")
        return _Dist(key, "uniform", (a, b), **common)
    if isinstance(spec, Triangular):
        a, c, b = _num(key, f, spec.low, "low"), _num(key, f, spec.mode, "mode"), _num(key, f, spec.high, "high")
        if not (a <= c <= b and a < b):
            raise ScenarioError(
                key,
                f"low = {a:g}, mode = {c:g}, high = {b:g}",
                "low <= mode <= high and low < high",
                "a triangular distribution's mode lies between distinct low and high",
            )
        for x, w in ((a, "low"), (c, "mode"), (b, "high")):
            _inside(key, f, x, w)
        return _Dist(key, "triangular", (a, c, b), **common)
    if isinstance(spec, Normal):
        m, s = _num(key, f, spec.mean, "mean"), _num(key, f, spec.sd, "sd")
        if not s > 0:
            raise ScenarioError(
                key,
                f"sd = {s:g}",
                "sd > 0",
                "a standard deviation is positive (fix the value in the scenario for no spread)",
            )
        _inside(key, f, m, "mean")
        d = _Dist(key, "normal", (m, s), **common)
        _check_mass(d, (lo - m) / s, (hi - m) / s)
        return d
    if isinstance(spec, LogNormal):
        med = _num(key, f, spec.median, "median")
        s = spec.sigma
        if isinstance(s, bool) or not isinstance(s, numbers.Real) or not math.isfinite(s) or not s > 0:
            raise ScenarioError(
                key, f"sigma = {s!r}", "sigma > 0 (dimensionless, of ln x)", "a log-normal spread is positive"
            )
        if not med > 0:
            raise ScenarioError(key, f"median = {med:g}", "median > 0", "a log-normal variable is positive")
        _inside(key, f, med, "median")
        s = float(s)
        d = _Dist(key, "lognormal", (med, s), **common)
        za = (math.log(lo) - math.log(med)) / s if lo > 0 else -np.inf
        zb = (math.log(hi) - math.log(med)) / s if math.isfinite(hi) else np.inf
        _check_mass(d, za, zb)
        return d
    raise AssertionError(spec)  # pragma: no cover


def _check_mass(d: _Dist, za: float, zb: float) -> None:
    from scipy.special import ndtr

    if float(ndtr(zb) - ndtr(za)) < 1e-6:
        raise ScenarioError(
            d.key,
            d.describe(),
            "a distribution with mass inside the field's bounds",
            "almost all of it lies outside the physical range",
        )


def _make_named(key: str, name: Any, args: tuple, kwargs: dict):
    if not isinstance(name, str) or name.lower() not in _DIST_NAMES:
        near = difflib.get_close_matches(str(name).lower(), list(_DIST_NAMES), n=1)
        hint = f"did you mean {near[0]!r}?" if near else "known: " + ", ".join(_DIST_NAMES)
        raise ScenarioError(key, repr(name), "one of " + ", ".join(_DIST_NAMES), f"unknown distribution; {hint}")
    cls = _DIST_NAMES[name.lower()]
    try:
        return cls(*args, **kwargs)
    except TypeError as exc:
        raise ScenarioError(
            key, f"{name}{args or ''}{kwargs or ''}", _DIST_SIGNATURES[name.lower()], f"wrong parameters ({exc})"
        ) from None


_DIST_SIGNATURES = {
    "uniform": "('uniform', low, high)",
    "normal": "('normal', mean, sd)",
    "lognormal": "('lognormal', median, sigma)",
    "triangular": "('triangular', low, mode, high)",
    "choice": "('choice', {value: weight})",
}


def uncertain_fields(include_years: bool = False, include_design: bool = False) -> list[str]:
    """Every numeric assumption that declares a plausible (low, high) spread.

    Parameters
    ----------
    include_years : bool
        Include the learning rates and trends of the ``years`` section.  They move the
        outputs only in a year after the scenario's base year, so they are left out by
        default (a scenario priced in its base year would sample them for nothing);
        :func:`orbitdc.studies.trajectory` and studies of a later year include them.
    include_design : bool
        Include the design fields (:attr:`orbitdc.schema.Field.role` ``"design"``: altitude,
        payload power, depth of discharge ...).  A design field is a decision, not an
        uncertainty: it is optimised (:func:`orbitdc.studies.optimize`) or swept, so the
        default Monte Carlo, tornado and Sobol studies hold it at the scenario's value.
        Their spreads remain the default search box of the optimiser.

    Returns
    -------
    list of str
        Dotted keys in pipeline order: the fields a Monte Carlo, a tornado or a Sobol
        analysis varies when the caller names none.  Each spread carries the field's
        provenance (``orbitdc fields``).
    """
    from ..scenario import sections

    return [
        f"{s.name}.{f.name}"
        for s in sections().values()
        for f in s.fields
        if f.spread is not None
        and not (f.is_choice or f.is_bool)
        and (include_years or s.name != "years")
        and (include_design or f.role != "design")
    ]


def uncertain_for(scn) -> list[str]:
    """:func:`uncertain_fields` that can move ``scn``'s outputs (the laws of the years only
    when the scenario is priced after its base year)."""
    try:
        later = float(scn.raw("years.year")) != float(scn.raw("years.base_year"))
    except (KeyError, AttributeError, TypeError):
        later = False
    return uncertain_fields(include_years=later)


def _resolve_dists(scn, distributions: Any) -> list[_Dist]:
    if distributions is None:
        keys = uncertain_for(scn)
        if not keys:
            raise ScenarioError(
                "distributions",
                None,
                "at least one uncertain field",
                "no field declares a spread; give distributions explicitly",
            )
        distributions = {k: None for k in keys}
    elif isinstance(distributions, str):
        distributions = {distributions: None}
    elif not isinstance(distributions, Mapping):
        if not isinstance(distributions, Iterable):
            raise ScenarioError(
                "distributions",
                repr(distributions)[:60],
                "a mapping {field: distribution}, a list of field keys or None",
                "not a distribution specification",
            )
        distributions = {k: None for k in distributions}
    if not distributions:
        raise ScenarioError("distributions", {}, "at least one field", "nothing to sample")
    from ..scenario import sections

    secs = sections()  # one look-up of the sections for every field

    def field(key):
        if isinstance(key, str):
            sec, _, name = key.partition(".")
            s = secs.get(sec)
            if s is not None and name and name in s:
                return s[name]
        return _spec(key)  # unknown: the error with a suggestion

    return [_resolve_dist(k, v, scn, field(k)) for k, v in distributions.items()]
