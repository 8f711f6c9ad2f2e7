"""Number and unit formatting of the app: USD, ratios, engineering prefixes, pretty units."""

from __future__ import annotations

import math
import re
import threading
from typing import Any

from . import i18n

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


#: Display currencies: code -> symbol.  Amounts are computed in USD; yen is a display conversion.
CURRENCIES = {"USD": "$", "JPY": "¥"}
#: The default yen rate and its date (editable in the sidebar): the USD/JPY market rate of late
#: November 2025, rounded to a whole yen; a user sets today's.
JPY_PER_USD = 156.0
JPY_RATE_DATE = "2025-11-28"

_CUR = threading.local()  # one Streamlit script run per thread: the display currency of that run


def set_currency(code: str = "USD", rate: float = 1.0) -> None:
    """Display money in ``code`` ("USD" or "JPY") at ``rate`` units per USD in this thread."""
    _CUR.code = code if code in CURRENCIES else "USD"
    _CUR.rate = float(rate) if _CUR.code != "USD" else 1.0


def currency() -> tuple[str, float]:
    """(code, units per USD) of this thread's display currency."""
    return getattr(_CUR, "code", "USD"), getattr(_CUR, "rate", 1.0)


def fmt_usd(x: float | None) -> str:
    """Money for people: ``$1.23``, ``$0.0456``, ``$12.3``, ``$1,234``, ``$1.2M``, ``—`` for None.

    In the thread's display currency (:func:`set_currency`): ``¥818``, ``¥1.2M`` for yen.
    """
    if x is None or not math.isfinite(x):
        return "—"
    code, rate = currency()
    if code != "USD":
        return _fmt_money_sym(x * rate, CURRENCIES[code])
    return _fmt_money_sym(x, "$")


def _fmt_money_sym(x: float, sym: str) -> str:
    s = "-" if x < 0 else ""
    a = abs(x)
    if a >= 1e9:
        return f"{s}{sym}{a / 1e9:.3g}B"
    if a >= 1e6:
        return f"{s}{sym}{a / 1e6:.3g}M"
    if a >= 100:
        return f"{s}{sym}{a:,.0f}"
    if a >= 1:
        return f"{s}{sym}{a:.2f}"
    return f"{s}{sym}{_sig(a, 3)}"


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
    if x != 0 and abs(x) >= 1e9:
        return fmt_eng(x, digits)
    if x != 0 and abs(x) < 1e-4:
        return _times_ten(x, digits)
    if abs(x) >= 10**digits:
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
        return _times_ten(x, digits)
    return f"{x:.{digits}g}"


_SUPER = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _times_ten(x: float, digits: int) -> str:
    """``2.47 × 10⁻⁶``: a tiny number for people (no e-notation)."""
    e = int(math.floor(math.log10(abs(x))))
    return f"{x / 10**e:.{digits}g} × 10{str(e).translate(_SUPER)}"


#: Units that take an SI prefix for small values (2.47 µW rather than 2.47 × 10⁻⁶ W).
_PREFIXABLE = {"W", "s", "m", "J", "V", "A", "Hz", "K", "g", "Pa", "N"}
_SMALL_PREFIXES = ((1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"))


def output_unit(key: str) -> str:
    """Display unit of output ``key``: its unit, or the ``[dB]``-style unit its doc names."""
    from ..model import outputs

    spec = outputs().get(key)
    if spec is None:
        return ""
    if spec.unit:
        return pretty_unit(spec.unit)
    # a unit the doc names in brackets, at its end or before a remark ("... [dB] (negative: ...)")
    for inner in reversed(re.findall(r"\[([^\[\]]{1,12})\]", spec.doc)):
        if re.fullmatch(r"[A-Za-z/°%µ·0-9^²³ -]+", inner) and not inner.strip().isdigit():
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
    if unit in _PREFIXABLE and v != 0 and abs(v) < 1e-3:
        for scale, pre in _SMALL_PREFIXES:
            if abs(v) >= scale:
                return f"{fmt_num(v / scale, digits)} {pre}{unit}"
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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|$~#])")


def md_escape(text: Any) -> str:
    """``text`` as literal Markdown: its special characters escaped (``$`` would start LaTeX
    in Streamlit's Markdown, ``|`` end a table cell), line breaks as spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown_table(rows: list[dict[str, str]]) -> str:
    """Rows of text (one dict per row, the first column a row heading) as a Markdown table.

    The first column is bold and left-aligned, the others right-aligned and breakable only
    after a slash (a zero-width space follows each ``/``; the page's style keeps numbers
    whole).  The summary tab
    shows its tables this way: a static Markdown table needs none of the browser code of
    Streamlit's Arrow tables, which the first view of a session otherwise waits for.
    """
    if not rows:
        return ""
    cols = list(rows[0])
    out = [
        "| " + " | ".join(md_escape(c) for c in cols) + " |",
        "|:---|" + "---:|" * (len(cols) - 1),
    ]
    for r in rows:
        # a value may wrap after a unit's slash ("$130,501/kW/yr"), never inside its number
        cells = [f"**{md_escape(r.get(cols[0], ''))}**"] + [
            md_escape(r.get(c, "")).replace("/", "/\u200b") for c in cols[1:]
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)
