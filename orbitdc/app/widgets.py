"""The app's input groups (which sections go on which tab) and each field's widget range and step."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..scenario import sections
from ..schema import Field, Section

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
        if m * 10**e >= raw:
            return float(m * 10**e)
    return float(10 ** (e + 1))  # pragma: no cover


def _decimals(step: float) -> int:
    return max(0, -int(math.floor(math.log10(step) + 1e-9)))


def value_decimals(v: float, sig: int = 4, most: int = 6) -> int:
    """Decimals that show ``v`` as it is (17.5 -> 1, 0.04 -> 2), else with ``sig`` significant figures (4/3 -> 3)."""
    if v == 0 or not math.isfinite(v):
        return 0
    for d in range(most + 1):
        if abs(round(v, d) - v) <= 1e-9 * abs(v):
            return d
    return min(most, max(0, sig - 1 - int(math.floor(math.log10(abs(v))))))


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
    lo, hi = f.ui if f.ui is not None else (f.low, f.high)
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
    # a value finer than the step (17.5 t on a 1 t step) keeps its digits: the step follows the value
    d = max(_decimals(step), min(value_decimals(v), _decimals(step) + 2))
    if d > _decimals(step):
        step = 10.0**-d
    return WidgetSpec("slider", lo, hi, step, f"%.{d}f")


def _number_spec(f: Field, v: float) -> WidgetSpec:
    lo = f.low if f.low is not None else None
    hi = f.high if f.high is not None else None
    if f.integer:
        return WidgetSpec(
            "number",
            None if lo is None else math.ceil(lo),
            None if hi is None else math.floor(hi),
            1,
            "%d",
            integer=True,
        )
    step = _nice_step(abs(v) if v else (hi - lo if lo is not None and hi is not None else 1.0), 20)
    # shown as typed (0.04, 17.5), a repeating fraction with four significant figures (1.333), never 1.3333333333333333
    return WidgetSpec("number", lo, hi, step, f"%.{max(value_decimals(v), _decimals(step))}f")
