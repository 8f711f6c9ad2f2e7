"""Scenario <-> URL query parameters: only the differences from the chosen preset travel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from .. import presets
from ..errors import ScenarioError
from ..scenario import Scenario, field_spec, sections
from . import i18n

#: Query-parameter names that are not scenario fields.
PARAM_PRESET = "preset"
PARAM_LANG = "lang"


# ============================================================================ scenario <-> URL


def scenario_values(scn: Scenario) -> dict[str, Any]:
    """Every field of ``scn`` as ``{key: value in the field's unit}`` (float, int, str, bool)."""
    return {k: scn.raw(k) for k in scn.keys()}


def diff_from(values: Mapping[str, Any], base: Scenario) -> dict[str, Any]:
    """The entries of ``values`` that differ from ``base`` (same unit convention)."""
    out = {}
    for k, v in values.items():
        try:
            b = base.raw(k)
        except KeyError:
            out[k] = v
            continue
        if not same_value(v, b):
            out[k] = v
    return out


def scenario_overrides(values: Mapping[str, Any], base: Scenario) -> dict[str, Any]:
    """The overrides that turn ``base`` into ``values`` exactly.

    The differences (:func:`diff_from`), plus, for every changed choice field with
    ``fills`` (a launch vehicle, an accelerator), the current values of the fields it fills:
    otherwise re-applying the choice would overwrite a filled field the user set back to the
    base value.
    """
    d = diff_from(values, base)
    for k in list(d):
        try:
            f = field_spec(k)
        except ScenarioError:
            continue
        if f.is_choice and f.fills:
            sec = k.split(".", 1)[0]
            for fname in f.fills.get(values[k]) or {}:
                tk = fname if "." in fname else f"{sec}.{fname}"
                if tk in values:
                    d[tk] = values[tk]
    return d


def same_value(a: Any, b: Any) -> bool:
    """True when two stored field values are equal (numbers by value: ``650 == 650.0``;
    choices and switches as they are)."""
    if isinstance(a, (bool, str)) or isinstance(b, (bool, str)):
        return a == b
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return a == b


def param_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        x = float(v)
        if x.is_integer() and abs(x) < 1e15:
            return str(int(x))
        return repr(x)
    return str(v)


def encode_query(scn: Scenario, preset: str, lang: str = "en") -> dict[str, str]:
    """Query parameters that reproduce ``scn``: the preset, the language and the differences.

    Parameters
    ----------
    scn : Scenario
        The scenario shown.
    preset : str
        The preset it was derived from; only fields that differ from it are written.
    lang : str
        ``"en"`` or ``"ja"`` (``"en"`` is not written).

    Returns
    -------
    dict of str
        ``{"preset": name, ["lang": "ja"], "orbit.altitude": "550", ...}``; numbers in each
        field's unit with the shortest exact representation, so decoding is exact.
    """
    base = preset_scenario(preset)
    params = {PARAM_PRESET: preset}
    if lang != "en":
        params[PARAM_LANG] = lang
    for k, v in scenario_overrides(scenario_values(scn), base).items():
        params[k] = param_text(v)
    return params


@dataclass
class QueryState:
    """What :func:`decode_query` read from the URL."""

    preset: str
    lang: str
    scenario: Scenario
    overrides: dict[str, str] = dc_field(default_factory=dict)
    errors: list[ScenarioError] = dc_field(default_factory=list)


def decode_query(params: Mapping[str, Any], default_preset: str | None = None) -> QueryState:
    """Read query parameters written by :func:`encode_query` (tolerantly).

    Unknown presets fall back to the default; unknown keys and invalid values are skipped
    and reported in ``errors`` (the app shows them), the rest is applied.  Values are read
    as text only (no code is evaluated).
    """
    default_preset = default_preset or presets.DEFAULT
    errors: list[ScenarioError] = []

    def one(v: Any) -> str:
        if isinstance(v, (list, tuple)):
            v = v[-1] if v else ""
        return str(v)

    preset = one(params.get(PARAM_PRESET, default_preset)) or default_preset
    if preset not in presets.names():
        errors.append(ScenarioError(PARAM_PRESET, preset, "one of " + ", ".join(presets.names()), "unknown preset"))
        preset = default_preset
    lang = one(params.get(PARAM_LANG, "en"))
    if lang not in i18n.LANGS:
        lang = "en"
    scn = preset_scenario(preset)
    good: dict[str, str] = {}
    for k, v in params.items():
        if k in (PARAM_PRESET, PARAM_LANG):
            continue
        text = one(v)[:200]
        try:
            field_spec(k)
            scn.with_overrides({k: text})
        except ScenarioError as exc:
            errors.append(exc)
            continue
        good[k] = text
    if good:
        try:
            scn = scn.with_overrides(good)
        except ScenarioError as exc:  # pragma: no cover - each value was checked above
            errors.append(exc)
    scn.name = preset
    return QueryState(preset, lang, scn, good, errors)


_PRESET_CACHE: dict[str, Scenario] = {}


def preset_scenario(name: str) -> Scenario:
    """The preset as a Scenario (cached; a copy is returned)."""
    key = name
    scn = _PRESET_CACHE.get(key)
    if scn is None or set(scn.keys()) != set(_all_keys()):
        scn = presets.load(name)
        _PRESET_CACHE[key] = scn
    out = scn.copy()
    return out


def _all_keys() -> list[str]:
    return [f"{s.name}.{f.name}" for s in sections().values() for f in s.fields]


def preset_base(name: str) -> Scenario:
    """Alias of :func:`preset_scenario` (the base that URL differences refer to)."""
    return preset_scenario(name)
