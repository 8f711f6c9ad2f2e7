"""Export of a result: the table of every output, as CSV or JSON."""

from __future__ import annotations

import io
import math
from typing import Any

from . import i18n
from .formatting import fmt_output

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
        rows.append(
            {
                "key": key,
                "description": i18n.output_doc(key, lang),
                "value": v if math.isfinite(v) else None,
                "unit": spec.unit,
                "text": fmt_output(result, key, 4, lang),
            }
        )
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
