"""UI-independent helpers of the Streamlit calculator (pure functions, no streamlit import).

Everything here is deterministic and testable without a browser: the scenario <-> URL
query-parameter codec, safe parsing of uploaded TOML, the grouping of scenario sections into
the app's input groups, widget ranges for each field, number formatting, the headline
numbers with the one-sentence verdict, and CSV/JSON export.  Numbers are read from a
:class:`orbitdc.model.Result`; nothing is computed here beyond formatting.
"""
from __future__ import annotations

import io
import math
import tomllib
from dataclasses import dataclass, field as dc_field
from typing import Any, Mapping

import numpy as np

from .. import presets
from ..errors import ScenarioError
from ..scenario import Scenario, field_spec, sections
from ..schema import Field, Section
from . import i18n

__all__ = [
    "GROUPS", "UPLOAD_LIMIT", "ORBITAL", "TERRESTRIAL", "FLEET", "BINDING",
    "input_groups", "scenario_values", "diff_from", "scenario_overrides", "param_text", "encode_query", "decode_query", "QueryState",
    "parse_upload", "pretty_unit", "fmt_usd", "fmt_ratio", "fmt_num", "fmt_eng", "fmt_output",
    "WidgetSpec", "widget_spec", "headline", "verdict", "results_rows", "results_csv",
    "results_json", "error_text", "preset_base", "preset_scenario", "summary_rows", "claim_cards", "fmt_money",
    "output_unit", "SUMMARY_KEYS",
]

#: Headline output keys (written by the economics stage).
ORBITAL = "cost_per_million_tokens.orbital"
TERRESTRIAL = "cost_per_million_tokens.terrestrial"
FLEET = "cost_per_million_tokens.fleet"
RATIO_T = "economics.ratio_orbital_terrestrial"
RATIO_F = "economics.ratio_orbital_fleet"
BINDING = "economics.binding_constraint"

#: Input groups of the app, in pipeline order: (group id, scenario sections).
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("orbit_power", ("orbit", "power")),
    ("thermal", ("thermal",)),
    ("mass_launch", ("launch",)),
    ("links", ("links",)),
    ("compute_workload", ("compute", "workload")),
    ("finance", ("finance",)),
    ("baselines", ("baselines",)),
)

#: Largest accepted scenario upload [bytes].  A full scenario with comments is ~15 kB.
UPLOAD_LIMIT = 64 * 1024

#: Query-parameter names that are not scenario fields.
PARAM_PRESET = "preset"
PARAM_LANG = "lang"


# ============================================================================ groups


def input_groups(secs: Mapping[str, Section] | None = None) -> list[tuple[str, list[Section]]]:
    """Scenario sections grouped as the app shows them.

    Parameters
    ----------
    secs : mapping, optional
        ``{name: Section}`` (default: every section of the pipeline).

    Returns
    -------
    list of (group id, [Section, ...])
        The groups of :data:`GROUPS` that have at least one section, in pipeline order,
        followed by one group ``"section:<name>"`` per section no group names (so a new
        pipeline module shows up without touching the app).
    """
    secs = dict(sections() if secs is None else secs)
    out: list[tuple[str, list[Section]]] = []
    used: set[str] = set()
    for gid, names in GROUPS:
        members = [secs[n] for n in names if n in secs]
        used.update(names)
        if members:
            out.append((gid, members))
    for name, sec in secs.items():
        if name not in used:
            out.append((f"section:{name}", [sec]))
    return out


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
        if not _same(v, b):
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
            for fname in (f.fills.get(values[k]) or {}):
                tk = fname if "." in fname else f"{sec}.{fname}"
                if tk in values:
                    d[tk] = values[tk]
    return d


def _same(a: Any, b: Any) -> bool:
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


# ============================================================================ upload


def parse_upload(data: bytes, limit: int = UPLOAD_LIMIT) -> Scenario:
    """Read an uploaded scenario file safely.

    The bytes are size-checked, decoded as UTF-8 and parsed with :mod:`tomllib` only (never
    executed, unpickled or used as a path); a ``[meta] base`` must name a shipped preset.

    Raises
    ------
    ScenarioError
        ``field="upload"`` for an oversize, non-UTF-8 or non-TOML file; the field's own
        error for an invalid value.
    """
    if len(data) > limit:
        raise ScenarioError("upload", f"{len(data) / 1024:.0f} kB", f"{limit // 1024} kB",
                            "the file is too large for a scenario")
    if not data.strip():
        raise ScenarioError("upload", "(empty file)", "a TOML scenario", "the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError("upload", "(binary data)", "a UTF-8 TOML text file", "the file is not text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("upload", "(not TOML)", "a TOML scenario", f"TOML syntax error: {exc}") from None
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise ScenarioError("upload", "[meta]", "a table", "meta must be a TOML table")
    base = meta.get("base")
    if base is not None and base not in presets.names():
        raise ScenarioError("meta.base", str(base)[:60], "one of " + ", ".join(presets.names()), "unknown preset")
    known = set(sections())
    for k, v in doc.items():
        if k == "meta":
            continue
        if k not in known:
            import difflib

            near = difflib.get_close_matches(str(k), sorted(known), n=1)
            hint = f"; did you mean [{near[0]}]?" if near else ""
            raise ScenarioError("upload", f"[{k}]", ", ".join(sorted(known)), f"unknown section [{k}]{hint}")
        if not isinstance(v, dict):
            raise ScenarioError("upload", f"{k} = ...", f"a [{k}] table", "scenario values live in section tables")
    if not any(k != "meta" for k in doc):
        raise ScenarioError("upload", "(no sections)", "[orbit], [power], ... tables", "the file sets no scenario values")
    return Scenario.from_dict(doc)


# ============================================================================ formatting


def pretty_unit(unit: str) -> str:
    """A unit string for people: ``m^2`` -> ``m²``, ``degC`` -> ``°C``, ``percent`` -> ``%``."""
    if not unit:
        return ""
    u = unit.replace("percent", "%").replace("degC", "°C").replace("^2", "²").replace("^3", "³")
    u = u.replace("deg/", "°/") if u.startswith("deg/") else u
    if u == "deg":
        u = "°"
    u = u.replace("/year", "/yr").replace("year", "yr")
    if u.startswith("1/") and len(u) > 2 and u[2:] in ("yr", "day", "s", "h"):
        u = "per " + u[2:]
    return u


def _sig(x: float, digits: int) -> str:
    if x == 0 or not math.isfinite(x):
        return f"{x:g}"
    d = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    return f"{x:,.{d}f}"


def fmt_usd(x: float | None) -> str:
    """Money for people: ``$1.23``, ``$0.0456``, ``$12.3``, ``$1,234``, ``$1.2M``, ``—`` for None."""
    if x is None or not math.isfinite(x):
        return "—"
    s = "-" if x < 0 else ""
    a = abs(x)
    if a >= 1e9:
        return f"{s}${a / 1e9:.3g}B"
    if a >= 1e6:
        return f"{s}${a / 1e6:.3g}M"
    if a >= 100:
        return f"{s}${a:,.0f}"
    if a >= 1:
        return f"{s}${a:.2f}"
    return f"{s}${_sig(a, 3)}"


def fmt_ratio(x: float | None, lang: str = "en") -> str:
    """A ratio for people: ``4.5x``, ``12x``, ``0.62x`` (``4.5倍`` in Japanese)."""
    if x is None or not math.isfinite(x):
        return "—"
    a = abs(x)
    if a >= 100:
        num = f"{x:,.0f}"
    elif a >= 10:
        num = f"{x:.0f}"
    elif a >= 1:
        num = f"{x:.1f}"
    else:
        num = _sig(x, 2)
    return i18n.t("ratio", lang, x=num)


def fmt_num(x: float, digits: int = 3) -> str:
    """A plain number with ``digits`` significant figures and thousands separators."""
    if x is None:
        return "—"
    x = float(x)
    if not math.isfinite(x):
        return "—"
    if x != 0 and (abs(x) >= 1e9 or abs(x) < 1e-4):
        return fmt_eng(x, digits)
    if abs(x) >= 10 ** digits:
        return f"{x:,.0f}"
    return _sig(x, digits).rstrip("0").rstrip(".") if "." in _sig(x, digits) else _sig(x, digits)


_PREFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))


def fmt_eng(x: float, digits: int = 3) -> str:
    """Engineering notation with SI prefixes for large numbers: ``989 T``, ``70.6 G``; ``1.2e-05``."""
    x = float(x)
    if not math.isfinite(x):
        return "—"
    a = abs(x)
    for scale, p in _PREFIXES:
        if a >= scale:
            return f"{x / scale:.{digits}g} {p}"
    if a != 0 and a < 1e-3:
        return f"{x:.{digits - 1}e}"
    return f"{x:.{digits}g}"


def output_unit(key: str) -> str:
    """Display unit of output ``key``: its unit, or the ``[dB]``-style unit its doc names."""
    from ..model import outputs

    spec = outputs().get(key)
    if spec is None:
        return ""
    if spec.unit:
        return pretty_unit(spec.unit)
    doc = spec.doc.rstrip()
    if doc.endswith("]") and "[" in doc:
        inner = doc[doc.rindex("[") + 1:-1]
        if 0 < len(inner) <= 12:
            return inner
    return ""


def fmt_output(result: Any, key: str, digits: int = 4, lang: str = "en") -> str:
    """One pipeline output as text in its display unit (translated label for coded outputs)."""
    lab = result.label(key)
    if lab is not None:
        return i18n.binding_label(lab, lang)
    v = result.value(key)
    unit = output_unit(key)
    money = fmt_money(v, unit)
    if money is not None:
        return money
    return f"{fmt_num(v, digits)} {unit}".strip()


_MONEY_SCALE = {"USD": 1.0, "kUSD": 1e3, "MUSD": 1e6, "BUSD": 1e9}


def fmt_money(value: float, unit: str) -> str | None:
    """``value`` in a money unit as ``$1.2M / yr``-style text; None if ``unit`` is not money."""
    head, _, rest = unit.partition("/")
    scale = _MONEY_SCALE.get(head)
    if scale is None:
        return None
    text = fmt_usd(value * scale)
    if rest:
        text += "/" + rest
    return text


# ============================================================================ widgets


@dataclass(frozen=True)
class WidgetSpec:
    """How the app shows one numeric field.

    kind : "slider", "log" (select-slider over log-spaced options), "number", "select",
    "toggle"; lo/hi/step in the field's unit; fmt a printf format; options for "log"/"select".
    """

    kind: str
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    fmt: str | None = None
    options: tuple = ()
    integer: bool = False


def _nice_step(span: float, n: int = 200) -> float:
    raw = span / n
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    e = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * 10 ** e >= raw:
            return float(m * 10 ** e)
    return float(10 ** (e + 1))  # pragma: no cover


def _decimals(step: float) -> int:
    return max(0, -int(math.floor(math.log10(step) + 1e-9)))


def widget_spec(f: Field, value: Any, exact: bool = False) -> WidgetSpec:
    """Choose the input widget and its range for field ``f`` showing ``value``.

    Sliders span the field's ``ui`` range (else its physical bounds), widened to include the
    current value; ranges over three decades get a logarithmic select-slider; fields without
    two finite bounds, or whose bounds dwarf the value (a 0-to-1e7 cycle life), get a number
    box.  ``exact=True`` gives number boxes for every numeric field.
    """
    if f.is_choice:
        return WidgetSpec("select", options=tuple(f.choices))
    if f.is_bool:
        return WidgetSpec("toggle")
    v = float(value)
    lo, hi = (f.ui if f.ui is not None else (f.low, f.high))
    if exact or lo is None or hi is None:
        return _number_spec(f, v)
    lo, hi = float(lo), float(hi)
    if f.ui is None and lo <= 0 < hi:
        # bounds that dwarf the value (a 0-to-1e7 cycle life) make a useless slider
        if (v > lo and hi - lo > 300 * (v - lo)) or (v == lo and hi - lo > 1000):
            return _number_spec(f, v)
    if f.integer:
        lo, hi = math.floor(min(lo, v)), math.ceil(max(hi, v))
        if hi - lo > 2000:
            return _number_spec(f, v)
        return WidgetSpec("slider", lo, hi, 1, "%d", integer=True)
    if lo > 0 and hi / lo >= 1000:
        opts = np.geomspace(lo, hi, int(round(15 * math.log10(hi / lo))) + 1)
        opts = {float(f"{x:.2g}") for x in opts}
        opts = {x for x in opts if lo <= x <= hi} | {v}
        return WidgetSpec("log", min(lo, v), max(hi, v), None, None, tuple(sorted(opts)))
    step = _nice_step(hi - lo)
    if f.low is not None and f.low_open and lo <= f.low:
        lo = f.low + step
    if f.high is not None and f.high_open and hi >= f.high:
        hi = f.high - step
    lo, hi = min(lo, v), max(hi, v)
    return WidgetSpec("slider", lo, hi, step, f"%.{_decimals(step)}f")


def _number_spec(f: Field, v: float) -> WidgetSpec:
    lo = f.low if f.low is not None else None
    hi = f.high if f.high is not None else None
    if f.integer:
        return WidgetSpec("number", None if lo is None else math.ceil(lo), None if hi is None else math.floor(hi), 1, "%d",
                          integer=True)
    step = _nice_step(abs(v) if v else (hi - lo if lo is not None and hi is not None else 1.0), 20)
    return WidgetSpec("number", lo, hi, step, "%g")


# ============================================================================ headline and verdict


def _get(result: Any, key: str, unit: str | None = None) -> float | None:
    try:
        if key not in result.si:
            return None
        v = result.value(key, unit)
    except Exception:  # a missing or non-scalar output
        return None
    return v if math.isfinite(v) else None


def headline(result: Any) -> dict[str, Any]:
    """The top-of-page numbers, read from a Result (None where the pipeline lacks a key).

    Returns ``{"orbital", "terrestrial", "fleet"}`` [USD per million tokens],
    ``{"ratio_terrestrial", "ratio_fleet"}`` (orbital / baseline) and ``"binding"`` (label).
    """
    return {
        "orbital": _get(result, ORBITAL, "USD"),
        "terrestrial": _get(result, TERRESTRIAL, "USD"),
        "fleet": _get(result, FLEET, "USD"),
        "ratio_terrestrial": _get(result, RATIO_T),
        "ratio_fleet": _get(result, RATIO_F),
        "binding": result.label(BINDING) if BINDING in result.si else None,
    }


def verdict(h: Mapping[str, Any], lang: str = "en") -> tuple[str, str]:
    """One sentence a person can read, and its tone.

    Parameters
    ----------
    h : mapping
        The output of :func:`headline`.
    lang : str
        ``"en"`` or ``"ja"``.

    Returns
    -------
    (level, sentence)
        ``level`` is ``"win"`` (orbit cheapest), ``"mixed"`` (beats one baseline),
        ``"lose"`` (dearest) or ``"unknown"`` (costs missing).
    """
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    orb, ter, flt = h.get("orbital"), h.get("terrestrial"), h.get("fleet")
    if orb is None or ter is None:
        return "unknown", t("verdict.unknown")
    rt = h.get("ratio_terrestrial")
    rf = h.get("ratio_fleet")
    beats_t = orb < ter
    beats_f = None if flt is None else orb < flt
    if beats_t and beats_f in (True, None):
        level, head = "win", t("verdict.head.win")
    elif beats_t:
        level, head = "mixed", t("verdict.head.beats_ground")
    elif beats_f:
        level, head = "mixed", t("verdict.head.beats_fleet")
    else:
        level, head = "lose", t("verdict.head.lose")
    body = t("verdict.body.ground", orb=fmt_usd(orb), rt=fmt_ratio(rt, lang), ter=fmt_usd(ter))
    if flt is not None:
        body = t("verdict.body.both", orb=fmt_usd(orb), rt=fmt_ratio(rt, lang), ter=fmt_usd(ter), rf=fmt_ratio(rf, lang),
                 flt=fmt_usd(flt))
    text = f"{head}{t('verdict.sep')}{body}"
    if h.get("binding"):
        text += t("verdict.binding", binding=i18n.binding_label(h["binding"], lang))
    return level, text


def error_text(exc: ScenarioError, lang: str = "en") -> str:
    """A ScenarioError as one readable sentence in ``lang`` (field label, value, range, why).

    The reason comes from the schema or the stage that refused the value; reasons of the
    upload checks are translated, physics reasons of the schema stay in their English.
    """
    fld = exc.field
    reason = i18n.reason_text(exc.reason or "", lang)
    if fld in ("upload", "toml"):
        text = _sentence(reason[:1].upper() + reason[1:])
        if exc.value and str(exc.value).endswith("kB"):
            text += f" ({exc.value}; {i18n.t('err.limit', lang, limit=exc.allowed)})"
        return text
    try:
        label = i18n.field_label(fld, lang)
    except Exception:
        label = fld
    if fld == "preset":
        label = i18n.t("sidebar.preset", lang)
    if isinstance(exc.value, str):
        value = exc.value
    elif isinstance(exc.value, (int, float, bool)):
        value = param_text(exc.value)
    else:
        value = repr(exc.value)
    return _sentence(i18n.t("err.sentence", lang, label=label, value=value, allowed=exc.allowed or "—",
                            reason=reason))


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if not text or text.endswith((".", "。", ")", "）", "?", "？")) else text + "."


# ============================================================================ summary

#: Outputs of the summary tab's satellite table, in display order (missing ones are skipped).
SUMMARY_KEYS = (
    "compute.it_power", "compute.chips", "compute.tokens_per_second", "power.array_area", "power.battery_energy",
    "thermal.radiator_area", "thermal.radiator_temperature", "launch.satellite_mass", "launch.mass_per_kw",
    "launch.satellites", "launch.launches", "orbit.eclipse_fraction_mean", "links.capacity", "links.latency",
    "economics.breakeven_price_per_kg", "economics.cost_per_million_tokens_free_launch",
)

_COST_MEASURES = ("cost_per_million_tokens", "cost_per_request", "cost_per_accelerator_hour", "cost_per_kw_year")


def summary_rows(result: Any, lang: str = "en") -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Rows of the summary tab: costs by architecture, and the satellite's key numbers.

    Returns
    -------
    (costs, satellite)
        ``costs``: one row per measure (per million tokens, per request, per
        accelerator-hour, per kW-year) with one column per architecture; ``satellite``:
        ``{item, value}`` rows for :data:`SUMMARY_KEYS` the pipeline provides.
    """
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    costs = []
    for m in _COST_MEASURES:
        row = {t("costs.col.measure"): t(f"costs.measure.{m}")}
        for arch in ("orbital", "terrestrial", "fleet"):
            key = f"{m}.{arch}" if m == "cost_per_million_tokens" else f"economics.{m}_{arch}"
            if key in result.si:
                row[t(f"arch.{arch}")] = fmt_output(result, key, 3, lang)
        if len(row) > 1:
            costs.append(row)
    sat = []
    for key in SUMMARY_KEYS:
        if key not in result.si:
            continue
        try:
            text = fmt_output(result, key, 3, lang)
        except Exception:  # a non-scalar or unconvertible output is left out
            continue
        if key == "orbit.eclipse_fraction_mean":
            text = f"{result.value(key):.1%}"
        if key == "economics.breakeven_price_per_kg" and result.value(key) < 0:
            text = t("summary.no_breakeven")
        label_key = f"summary.item.{key}"
        label = t(label_key) if label_key in i18n.UI else i18n.output_doc(key, lang)
        sat.append({t("summary.col.item"): label, t("summary.col.value"): text})
    return costs, sat


# ============================================================================ export


def results_rows(result: Any, lang: str = "en") -> list[dict[str, Any]]:
    """Every output as rows ``{key, description, value, unit, text}`` (value in display unit)."""
    from ..model import outputs

    rows = []
    for key, spec in outputs().items():
        if key not in result.si:
            continue
        try:
            v = result.value(key)
        except Exception:
            continue
        rows.append({
            "key": key,
            "description": i18n.output_doc(key, lang),
            "value": v if math.isfinite(v) else None,
            "unit": spec.unit,
            "text": fmt_output(result, key, 4, lang),
        })
    return rows


def results_csv(result: Any) -> str:
    """All outputs as CSV (``key,value,unit,label,description``; English descriptions)."""
    import csv

    from ..model import outputs

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "value", "unit", "label", "description"])
    for key, spec in outputs().items():
        if key not in result.si:
            continue
        v = result.value(key)
        w.writerow([key, repr(v) if math.isfinite(v) else "", spec.unit, result.label(key) or "", spec.doc])
    return buf.getvalue()


def results_json(result: Any) -> str:
    """The scenario and all outputs as JSON (:meth:`orbitdc.model.Result.to_json`)."""
    return result.to_json()


# ============================================================================ claims


def claim_cards(checks: Any, lang: str = "en") -> list[dict[str, Any]]:
    """Display data of :func:`orbitdc.claims.check` results, one dict per claim.

    Returns
    -------
    list of dict
        ``key``, ``claim`` (translated statement), ``level`` (``"holds"``, ``"fails"``,
        ``"conditional"``, ``"untested"``), ``verdict`` (translated text), ``numbers``
        (list of (label, value)), ``detail``, ``hinges_on``, ``source``.  Text the claims
        module builds from numbers (details, conditions) is translated where the dictionary
        knows it and otherwise kept in English.
    """
    cards = []
    for c in checks or ():
        key = getattr(c, "key", "")
        raw = str(getattr(c, "verdict", "untested"))
        if raw == "holds":
            level = "holds"
        elif raw == "fails":
            level = "fails"
        elif raw.startswith("holds only if"):
            level = "conditional"
        else:
            level = "untested"
        cards.append({
            "key": key,
            "claim": i18n.claim_text(key, str(getattr(c, "claim", key)), lang),
            "level": level,
            "verdict": i18n.claim_verdict(raw, level, lang),
            "numbers": [(i18n.claim_number_label(str(k), lang), str(v)) for k, v in
                        dict(getattr(c, "numbers", {}) or {}).items()],
            "detail": i18n.claim_phrase(str(getattr(c, "detail", "")), lang),
            "hinges_on": i18n.claim_phrase(str(getattr(c, "hinges_on", "")), lang),
            "source": str(getattr(c, "source", "")),
        })
    return cards
