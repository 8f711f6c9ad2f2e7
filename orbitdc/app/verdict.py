"""The headline numbers, the one-sentence verdict, error texts, the summary table and claim cards.

Numbers are read from a :class:`orbitdc.model.Result`; nothing is computed here beyond
formatting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ..errors import UNKNOWN, ScenarioError
from . import i18n
from .formatting import fmt_output, fmt_ratio, fmt_usd
from .url_state import param_text

#: Headline output keys (written by the economics stage).
ORBITAL = "cost_per_million_tokens.orbital"
TERRESTRIAL = "cost_per_million_tokens.terrestrial"
FLEET = "cost_per_million_tokens.fleet"
RATIO_T = "economics.ratio_orbital_terrestrial"
RATIO_F = "economics.ratio_orbital_fleet"
BINDING = "economics.binding_constraint"


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
        body = t(
            "verdict.body.both",
            orb=fmt_usd(orb),
            rt=fmt_ratio(rt, lang),
            ter=fmt_usd(ter),
            rf=fmt_ratio(rf, lang),
            flt=fmt_usd(flt),
        )
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
    if isinstance(exc.value, str) and exc.value == UNKNOWN:
        return _sentence(i18n.t("err.unknown", lang, label=fld, reason=reason))
    if lang != "en" and reason and reason == (exc.reason or "") and re.search(r"[A-Za-z]{3,}", reason):
        # a physics reason of the schema with no translation: the label, value and range say it in Japanese
        reason = ""
    if getattr(exc, "unreadable", False):
        key = "err.unreadable"
    else:
        key = "err.sentence" if exc.allowed else "err.refused"
    if not reason:
        key += "_plain"
    return _sentence(i18n.t(key, lang, label=label, value=value, allowed=exc.allowed or "—", reason=reason))


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if not text or text.endswith((".", "。", ")", "）", "?", "？")) else text + "."


# ============================================================================ summary

#: Outputs of the summary tab's satellite table, in display order (missing ones are skipped).
SUMMARY_KEYS = (
    "compute.it_power",
    "compute.chips",
    "compute.tokens_per_second",
    "power.array_area",
    "power.battery_energy",
    "thermal.radiator_area",
    "thermal.radiator_temperature",
    "launch.satellite_mass",
    "launch.mass_per_kw",
    "launch.satellites",
    "launch.launches",
    "orbit.eclipse_fraction_mean",
    "links.capacity",
    "links.latency",
    "economics.breakeven_price_per_kg",
    "economics.cost_per_million_tokens_free_launch",
)

_COST_MEASURES = ("cost_per_million_tokens", "cost_per_request", "cost_per_accelerator_hour", "cost_per_kw_year")


def workload_line(scn: Any, result: Any, lang: str = "en") -> str | None:
    """Model, chip, precision, batch, prompt and answer lengths: the workload the headline prices.

    Parameters
    ----------
    scn : Scenario
        The scenario (its workload and compute choices are read).
    result : Result
        Its result (the batch the serving point chose).
    lang : str
        ``"en"`` or ``"ja"``.

    Returns
    -------
    str or None
        One line of text, or None for a schema without the workload section (a toy pipeline).
    """
    try:
        raw = scn.raw
        bits = float(scn["workload.bytes_per_parameter"].to("B").magnitude) * 8
        batch = result.value("compute.batch")
        return i18n.t(
            "workload.line",
            lang,
            model=i18n.choice_label("workload.model", raw("workload.model"), lang),
            chip=i18n.choice_label("compute.accelerator", raw("compute.accelerator"), lang),
            bits=f"{bits:g}",
            batch=f"{float(batch):,.0f}",
            prompt=f"{float(raw('workload.prompt_tokens')):,.0f}",
            out=f"{float(raw('workload.output_tokens')):,.0f}",
        )
    except Exception:  # noqa: BLE001 - a schema without the workload section (a toy pipeline)
        return None


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
        cards.append(
            {
                "key": key,
                "claim": i18n.claim_text(key, str(getattr(c, "claim", key)), lang),
                "level": level,
                "verdict": i18n.claim_verdict(raw, level, lang),
                "numbers": [
                    (i18n.claim_number_label(str(k), lang), i18n.claim_phrase(str(v), lang))
                    for k, v in dict(getattr(c, "numbers", {}) or {}).items()
                ],
                "detail": i18n.claim_phrase(str(getattr(c, "detail", "")), lang),
                "hinges_on": i18n.claim_phrase(str(getattr(c, "hinges_on", "")), lang),
                "source": str(getattr(c, "source", "")),
            }
        )
    return cards
