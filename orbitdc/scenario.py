"""Scenarios: every assumption of one evaluation, typed, validated, with units.

A :class:`Scenario` holds one value per field of every section declared by the pipeline
modules (:mod:`orbitdc.sections`).  Values are stored in each field's default unit and
handed to the pipeline as SI floats by :meth:`Scenario.to_si`.

Users may give any value as a pint quantity, a unit string (``"550 km"``) or a bare number
in the field's documented unit.  Invalid input raises :class:`orbitdc.ScenarioError`
naming the field, the value, the accepted range and the reason; nothing is clamped.

Examples
--------
>>> from orbitdc import Scenario
>>> s = Scenario().with_overrides({"orbit.altitude": "550 km"})
>>> s.orbit.altitude
<Quantity(550.0, 'kilometer')>
"""

from __future__ import annotations

import difflib
import json
import math
import tomllib
import warnings
from collections.abc import Iterable, Mapping
from itertools import compress
from operator import add as _add
from operator import itemgetter
from operator import mul as _mul
from operator import not_ as _not
from pathlib import Path
from typing import Any

import numpy as np

from . import units as _units
from .errors import UNKNOWN, ScenarioError
from .schema import Field, Section
from .units import UnitParseError, parse_quantity

__all__ = ["Scenario", "ScenarioError", "sections", "field_spec", "all_keys"]


def sections() -> dict[str, Section]:
    """All scenario sections in pipeline order (``{name: Section}``)."""
    return _pipeline().all_sections()


def _pipeline():
    """The :mod:`orbitdc.sections` package, imported on first use (it imports this module).

    Kept once imported: a ``from`` import of a package inside a function runs the import
    machinery's Python code on every call (~1 us, several times per evaluation).
    """
    mod = _PIPELINE.get("sections")
    if mod is None:
        import orbitdc.sections as mod

        _PIPELINE["sections"] = mod
    return mod


_PIPELINE: dict = {}


def all_keys() -> list[str]:
    """Every dotted field key (``"orbit.altitude"``), in pipeline order."""
    return [f"{s.name}.{f.name}" for s in sections().values() for f in s.fields]


class RetiredFieldWarning(FutureWarning):
    """A scenario sets a field that no stage reads any more; the value is ignored."""


RETIRED_FIELDS: dict[str, str] = {
    "compute.soft_error_rate": "radiation upsets follow from the orbit and the shielding "
    "(radiation.restart_rate; scale them with radiation.upsets_per_gray)",
    "launch.radiator_stowed_density": "the thermal stage always gives the radiators' stowed volume",
    "finance.program_satellites": "the launch stage always gives the constellation size (launch.satellites)",
}
"""Fields that no stage reads any more (retired in 0.2), with the reason: a scenario file or URL
that still sets one loads with a warning instead of failing."""


def _without_retired(layer: Mapping[str, Any]) -> Mapping[str, Any]:
    gone = [k for k in layer if k in RETIRED_FIELDS]
    if not gone:
        return layer
    for k in gone:
        warnings.warn(f"{k} is retired and ignored: {RETIRED_FIELDS[k]}", RetiredFieldWarning, stacklevel=4)
    return {k: v for k, v in layer.items() if k not in RETIRED_FIELDS}


def field_spec(key: str) -> Field:
    """The :class:`Field` for a dotted key; ScenarioError with a suggestion if unknown."""
    secs = sections()
    sec, _, name = key.partition(".")
    if sec not in secs or not name or name not in secs[sec]:
        near = difflib.get_close_matches(key, all_keys(), n=1, cutoff=0.6)
        if not near and sec in secs:
            near = difflib.get_close_matches(name, [f.name for f in secs[sec].fields], n=1)
            near = [f"{sec}.{near[0]}"] if near else []
        hint = f"did you mean {near[0]!r}?" if near else f"known sections: {', '.join(secs)}"
        raise ScenarioError(key, UNKNOWN, "a known scenario field", hint)
    return secs[sec][name]


def _coerce(key: str, f: Field, value: Any) -> Any:
    """Read ``value`` for field ``f`` into its stored form (float in ``f.unit``, str or bool)."""
    if f.is_choice:
        if not isinstance(value, str):
            raise ScenarioError(key, value, f.allowed_text(), "a choice takes a name")
        f.check(key, value)
        return value
    if f.is_bool:
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no", "on", "off", "1", "0"):
            value = value.strip().lower() in ("true", "yes", "on", "1")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (0, 1):
            value = bool(value)
        f.check(key, value)
        return bool(value)
    if value.__class__ in (float, int, np.float64, np.int64):
        try:
            m = float(value)  # a bare number is in the field's unit (as parse_quantity reads it), no pint
        except OverflowError:
            raise ScenarioError(key, value, f.allowed_text(), "the number is too large for a float") from None
    else:
        try:
            q = parse_quantity(value, f.unit)
        except UnitParseError as exc:
            raise ScenarioError(key, value, f.allowed_text(), str(exc), unreadable=True) from None
        m = q.magnitude
        if np.ndim(m) != 0:
            raise ScenarioError(
                key,
                value,
                f.allowed_text(),
                "a scenario holds one value per field; use orbitdc.studies for arrays",
                unreadable=True,
            )
        m = float(m)
    f.check(key, m)
    if f.integer:
        return int(round(m))
    return m


class _SectionView:
    """Attribute access to one section: ``scenario.orbit.altitude`` -> pint Quantity."""

    __slots__ = ("_scn", "_sec")

    def __init__(self, scn: Scenario, sec: Section):
        self._scn = scn
        self._sec = sec

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._scn[f"{self._sec.name}.{name}"]

    def __dir__(self):
        return [f.name for f in self._sec.fields]

    def __repr__(self) -> str:
        vals = ", ".join(f"{f.name}={self._scn.raw(self._sec.name + '.' + f.name)!r}" for f in self._sec.fields)
        return f"<{self._sec.name}: {vals}>"


class Scenario:
    """A complete, validated set of assumptions for one evaluation.

    Parameters
    ----------
    values : mapping, optional
        Nested ``{section: {field: value}}`` or flat ``{"section.field": value}``; values are
        quantities, unit strings or bare numbers in the field's unit.  Missing fields take
        their defaults.  Choice fields with ``fills`` (e.g. a launch vehicle) set their
        dependent fields unless the same mapping sets them explicitly.
    name, description : str
        Free text kept with the scenario (TOML ``[meta]``).
    **sections
        Same as ``values``, one keyword per section: ``Scenario(orbit={"altitude": "550 km"})``.

    Raises
    ------
    ScenarioError
        For unknown keys, wrong dimensions, values outside their bounds, NaN or inf.
    """

    name = property(
        lambda self: self._name,
        lambda self, text: setattr(self, "_name", _clean_text(text)),
        doc="Free-text name (TOML ``[meta] name``); lone surrogates become U+FFFD.",
    )
    description = property(
        lambda self: self._description,
        lambda self, text: setattr(self, "_description", _clean_text(text)),
        doc="Free-text description (TOML ``[meta] description``).",
    )

    def __init__(self, values: Mapping | None = None, *, name: str = "", description: str = "", **sections_kw):
        self._v: dict[str, Any] = {}
        self.name = name
        self.description = description
        for sec in sections().values():
            for f in sec.fields:
                self._v[f"{sec.name}.{f.name}"] = f.default
        # the default choices' fills are part of the defaults
        for key in list(self._v):
            f = field_spec(key)
            if f.is_choice and f.fills:
                self._apply_fills(key, f, self._v[key], explicit=set())
        layer = dict(_flatten(values or {}))
        layer.update(_flatten(sections_kw))
        self._apply(layer)

    # ------------------------------------------------------------------ construction
    def _apply_fills(self, key: str, f: Field, choice: str, explicit: set[str]) -> None:
        sec = key.split(".", 1)[0]
        for fname, val in (f.fills or {}).get(choice, {}).items():
            k = fname if "." in fname else f"{sec}.{fname}"
            if k not in self._v:  # a fill of a section this pipeline does not run
                continue
            if k not in explicit:
                self._v[k] = _coerce(k, field_spec(k), val)

    def _apply(self, layer: Mapping[str, Any]) -> None:
        layer = _without_retired(layer)
        specs = {k: field_spec(k) for k in layer}
        explicit = set(layer)
        # choices first (their fills), then the explicit values win
        for k, v in layer.items():
            f = specs[k]
            if f.is_choice:
                self._v[k] = _coerce(k, f, v)
                if f.fills:
                    self._apply_fills(k, f, self._v[k], explicit)
        for k, v in layer.items():
            if not specs[k].is_choice:
                self._v[k] = _coerce(k, specs[k], v)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Scenario:
        """Return a copy with dotted-key overrides applied (``{"orbit.altitude": "650 km"}``)."""
        new = self.copy()
        new._apply(dict(_flatten(overrides)))
        return new

    def copy(self) -> Scenario:
        new = Scenario.__new__(Scenario)
        new._v = dict(self._v)
        new.name = self.name
        new.description = self.description
        return new

    # ------------------------------------------------------------------ access
    def __getitem__(self, key: str) -> Any:
        f = field_spec(key)
        v = self._v[key]
        if f.is_choice or f.is_bool:
            return v
        return _units.Q_(v, f.unit)

    def raw(self, key: str) -> Any:
        """The stored value of ``key`` in its field's unit (float, int, str or bool)."""
        return self._v[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        secs = sections()
        if name in secs:
            return _SectionView(self, secs[name])
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scenario) and self._v == other._v

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        return f"<Scenario{label}: {len(self._v)} fields>"

    def keys(self) -> list[str]:
        return list(self._v)

    def diff(self, other: Scenario) -> dict[str, tuple[Any, Any]]:
        """Fields whose values differ: ``{key: (self_value, other_value)}``."""
        return {k: (self._v[k], other._v.get(k)) for k in self._v if self._v[k] != other._v.get(k)}

    # ------------------------------------------------------------------ pipeline boundary
    def to_si(self) -> dict[str, Any]:
        """Flat ``{"section.field": SI float | str | bool}`` for :func:`orbitdc.model.evaluate_si`."""
        # float(x) * scale + offset per numeric field, bit for bit, with no Python-level loop
        # over the ~280 fields (see _si_plan): the stored dict copied, then only the values
        # a conversion changes replaced
        v = self._v
        plan = _si_plan()
        if len(v) != plan[0]:  # a scenario of another set of sections: the plain loop
            return {k: v[k] if s is None else float(v[k]) * s + o for k, s, o in _si_layout()}
        _, scaled, sget, scales, offsets, ints, plain, pget = plan
        out = v.copy()
        out.update(zip(scaled, map(_add, map(_mul, sget(v), scales), offsets)))
        for k in ints:
            out[k] = float(v[k]) + 0.0
        # x * 1.0 + 0.0 is x itself for a float x but +0.0 for -0.0: zeros are written as +0.0
        out.update(dict.fromkeys(compress(plain, map(_not, pget(v))), 0.0))
        return out

    # ------------------------------------------------------------------ serialisation
    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Nested plain values in each field's unit (JSON/TOML ready)."""
        d: dict[str, dict[str, Any]] = {}
        for k, v in self._v.items():
            sec, name = k.split(".", 1)
            d.setdefault(sec, {})[name] = v
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, _origin: Path | None = None, _chain: tuple = ()) -> Scenario:
        """Build from a nested mapping as written by :meth:`to_dict` / TOML (``[meta]`` allowed).

        ``[meta] base`` names a shipped preset, or (for a file) a ``.toml`` file in the same
        folder as the file; chains of bases are at most :data:`MAX_BASE_DEPTH` long and
        may not loop.
        """
        if not isinstance(data, Mapping):
            raise ScenarioError("scenario", type(data).__name__, "a mapping of sections", "not a mapping")
        data = dict(data)
        meta = data.pop("meta", None)
        if meta is None:
            meta = {}
        if not isinstance(meta, Mapping):
            raise ScenarioError("meta", meta, "a [meta] table", "meta holds name, description and base")
        for k in ("name", "description"):
            if k in meta and not isinstance(meta[k], str):
                raise ScenarioError(f"meta.{k}", meta[k], "a text string", f"the {k} is free text")
        secs = sections()
        for k, v in data.items():
            if k in secs and not isinstance(v, Mapping):
                raise ScenarioError(k, v, f"a [{k}] table", "scenario values live in section tables")
        base = meta.get("base")
        if base is not None and base != "":
            scn = _load_base(base, _origin, _chain).with_overrides(data)
        else:
            scn = cls(data)
        scn.name = str(meta.get("name", scn.name if base else ""))
        scn.description = str(meta.get("description", scn.description if base else ""))
        return scn

    @classmethod
    def from_toml(cls, source: str | Path, *, _chain: tuple = ()) -> Scenario:
        """Load a scenario from a TOML file path or a TOML string.

        Bare numbers are in each field's documented unit; strings such as ``"550 km"`` are
        read with their unit.  A ``[meta]`` table may give ``name``, ``description`` and
        ``base`` (a preset, or a ``.toml`` file beside this one, that the file overlays).
        Files are at most :data:`MAX_FILE_BYTES`; every failure is a ScenarioError naming
        the file or the field.
        """
        text, path = _read_text(source)
        label = str(path) if path is not None else "(TOML text)"
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ScenarioError("toml", label[:80], "valid TOML", str(exc)) from None
        except RecursionError:
            raise ScenarioError(
                "toml", label[:80], "a scenario (tables of values)", "arrays or tables nested too deeply"
            ) from None
        chain = (*_chain, path.resolve()) if path is not None else _chain
        return cls.from_dict(data, _origin=path.parent if path is not None else None, _chain=chain)

    def to_toml(self, path: str | Path | None = None, *, comments: bool = True) -> str:
        """Write the full scenario as TOML (exact round trip through :meth:`from_toml`).

        Each value is written as a bare number in its field's unit, followed by a comment
        with the unit, meaning and source.
        """
        lines = ["# orbitdc scenario. Bare numbers are in the unit named in each comment.", "[meta]"]
        lines.append(f"name = {_toml_str(self.name)}")
        lines.append(f"description = {_toml_str(self.description)}")
        for sec in sections().values():
            lines.append("")
            lines.append(f"[{sec.name}]" + (f"  # {sec.title}" if comments and sec.title else ""))
            for f in sec.fields:
                v = self._v[f"{sec.name}.{f.name}"]
                text = f"{f.name} = {_toml_value(v)}"
                if comments:
                    note = " ".join(x for x in (f"[{f.unit}]" if f.unit else "", f.doc) if x)
                    if f.source:
                        note += f" (source: {f.source})"
                    text = f"{text:<34}# {note}".rstrip()
                lines.append(text)
        out = "\n".join(lines) + "\n"
        if path is not None:
            Path(path).write_text(out, encoding="utf-8")
        return out

    def to_json(self) -> str:
        return json.dumps({"meta": {"name": self.name, "description": self.description}, **self.to_dict()}, indent=2)


def _si_layout() -> list[tuple[str, float | None, float]]:
    """Cached ``(key, scale, offset)`` per field (scale None for choices and switches)."""
    secs = sections()
    cached = _LAYOUT.get("layout")
    if cached is not None and _LAYOUT.get("secs") is secs:
        return cached
    layout = []
    for sec in secs.values():
        for f in sec.fields:
            if f.is_choice or f.is_bool:
                layout.append((f"{sec.name}.{f.name}", None, 0.0))
            else:
                _, scale, offset = f.si
                layout.append((f"{sec.name}.{f.name}", scale, offset))
    _LAYOUT.update(layout=layout, secs=secs)
    return layout


_LAYOUT: dict = {}


def _si_plan() -> tuple:
    """:func:`_si_layout` arranged for :meth:`Scenario.to_si` (cached per set of sections).

    ``(n, scaled, sget, scales, offsets, ints, plain, pget)``: the number of fields; the
    keys of the fields with a scale other than 1 or an offset, an ``itemgetter`` of their
    stored values, their scales and offsets; the unit-scale fields that may hold an ``int``
    (whole-number fields, and fields whose default is not a float); the other unit-scale
    fields (always holding a Python float: the default or :func:`_coerce`'s ``float``) and
    their getter.  Choices and switches pass through unchanged.
    """
    layout = _si_layout()
    if _PLAN.get("layout") is not layout:
        scaled = [(k, a, b) for k, a, b in layout if a is not None and not (a == 1.0 and b == 0.0)]
        unit = [k for k, a, b in layout if a is not None and a == 1.0 and b == 0.0]
        ints = tuple(k for k in unit if field_spec(k).integer or field_spec(k).default.__class__ is not float)
        plain = tuple(k for k in unit if k not in ints)
        skeys = tuple(k for k, _, _ in scaled)
        plan = (
            len(layout),
            skeys,
            _getter(skeys),
            tuple(a for _, a, _ in scaled),
            tuple(b for _, _, b in scaled),
            ints,
            plain,
            _getter(plain),
        )
        _PLAN.update(layout=layout, plan=plan)
    return _PLAN["plan"]


def _getter(keys: tuple[str, ...]):
    """A function of a mapping giving the tuple of its values at ``keys`` (any length)."""
    if len(keys) >= 2:
        return itemgetter(*keys)
    return lambda d: tuple(d[k] for k in keys)


_PLAN: dict = {}


def _flatten(d: Mapping[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            sec, _, name = key.partition(".")
            secs = sections()
            if name and sec in secs and name in secs[sec]:
                raise ScenarioError(key, "a table", secs[sec][name].allowed_text(), "a field takes one value")
            if "." in name:  # deeper than section.field: no such key (bounded recursion)
                field_spec(key)
            yield from _flatten(v, key + ".")
        else:
            yield key, v


MAX_FILE_BYTES = 1_000_000
"""Largest scenario file or TOML text read [bytes] (a full scenario with comments is ~70 kB)."""

MAX_BASE_DEPTH = 8
"""Longest chain of ``[meta] base`` files and presets a scenario may extend."""


def _load_base(base: Any, origin: Path | None, chain: tuple) -> Scenario:
    """The scenario named by ``[meta] base``: a preset, or a .toml file beside the file."""
    from . import presets

    allowed = "a preset name" + (" or a .toml file in the same folder" if origin is not None else "")
    if not isinstance(base, str):
        raise ScenarioError("meta.base", base, allowed, "base names a preset or a file")
    if len(chain) > MAX_BASE_DEPTH:
        raise ScenarioError("meta.base", base, allowed, f"more than {MAX_BASE_DEPTH} bases in a chain")
    if base in presets.names():
        if len(chain) >= MAX_BASE_DEPTH:
            raise ScenarioError("meta.base", base, allowed, f"more than {MAX_BASE_DEPTH} bases in a chain")
        return presets.load(base)
    if origin is None or not base.endswith(".toml"):
        raise ScenarioError("meta.base", base, "one of " + ", ".join(presets.names()), "unknown preset")
    rel = Path(base)
    if rel.is_absolute() or len(rel.parts) != 1 or rel.name in ("", ".", ".."):
        raise ScenarioError("meta.base", base, allowed, "only a file beside the scenario file may be a base")
    target = (origin / rel).resolve()
    if target in chain:
        raise ScenarioError("meta.base", base, allowed, "a cycle of bases (a file extends itself)")
    if len(chain) >= MAX_BASE_DEPTH:
        raise ScenarioError("meta.base", base, allowed, f"more than {MAX_BASE_DEPTH} bases in a chain")
    return Scenario.from_toml(origin / rel, _chain=chain)


def _read_text(source: str | Path) -> tuple[str, Path | None]:
    """The TOML text and the file it came from (None for text given directly)."""
    if not isinstance(source, (str, Path)):
        raise ScenarioError("scenario file", repr(source)[:60], "a path or TOML text", "unsupported type")
    if isinstance(source, str) and ("\n" in source or not source.endswith(".toml")):
        if len(source) > MAX_FILE_BYTES:
            raise ScenarioError(
                "toml", f"{len(source)} characters", "", f"a scenario is at most {MAX_FILE_BYTES} characters"
            )
        return source, None
    p = Path(source)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                "scenario file", str(p), "", f"the file has {size} bytes; a scenario file is at most {MAX_FILE_BYTES}"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise ScenarioError("scenario file", str(p), "", "file not found") from None
    except OSError as exc:
        raise ScenarioError("scenario file", str(p), "", f"cannot read the file ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8"), p
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            "scenario file", str(p), "", f"not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})"
        ) from None


def _clean_text(text: Any) -> str:
    """Free text as a valid Unicode string: lone surrogates (not text) become U+FFFD."""
    text = str(text)
    if text.isprintable() or not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return text
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _toml_str(s: str) -> str:
    """A TOML basic string: JSON escapes plus DEL, which TOML forbids unescaped."""
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError("non-finite value cannot be written")
        r = repr(v)
        return r if ("." in r or "e" in r) else r + ".0"
    return _toml_str(str(v))
