"""Break-even: the value of one scenario field at which orbit costs as much as a baseline.

``breakeven(scenario, "launch.price_per_kg")`` answers "how cheap must launch be for a token
made in orbit to cost the same as one made on the ground?".  The same question works for any
numeric field (chip price, array cost, mission life, WACC, PUE, ...) and against the fleet
baseline or a fixed price.

Method: one vectorised call of the pipeline (:func:`orbitdc.model.evaluate_si`) on a grid
of the field's range; :func:`orbitdc.studies.break_even.first_crossings` (the same code that
finds every column's crossing of :func:`orbitdc.studies.breakeven_map`) locates the first
sign change of ``g(x) = cost_orbital(x) - cost_baseline(x)`` and solves ``g(x) = 0`` by
bisection to 1e-12 of the range.  When ``g`` does not change sign in the range the result says so ("no break-even
in range") and which side wins.

:func:`orbitdc.studies.breakeven` answers the same question for whole 2-D maps; this module
is the single-value entry point with a pint result.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import ScenarioError
from .studies.break_even import first_crossings, fixed_price
from .studies.inputs import BASELINES, ORBITAL, _scenario

__all__ = ["breakeven", "BreakEven", "ORBITAL", "BASELINES"]


@dataclass
class BreakEven:
    """Result of :func:`breakeven`.

    Attributes
    ----------
    field : str
        The solved field (``"launch.price_per_kg"``).
    baseline : str
        ``"terrestrial"``, ``"fleet"`` or ``"<x> USD per million tokens"``.
    value : pint.Quantity or None
        Field value at which the costs are equal, in the field's unit; None when there is
        no break-even in the searched range.
    found : bool
        True when a break-even was found.
    bracket : (pint.Quantity, pint.Quantity)
        The searched range.
    orbital, reference : (float, float)
        Orbital and baseline cost per million tokens [USD] at the two ends of the range.
    orbit_cheaper_below : bool or None
        True when orbit is the cheaper option below ``value`` (e.g. launch price), False
        when above it (e.g. mission life); None if not found.
    message : str
        One sentence for people.
    """

    field: str
    baseline: str
    value: Any
    found: bool
    bracket: tuple
    orbital: tuple
    reference: tuple
    orbit_cheaper_below: bool | None
    message: str

    def __bool__(self) -> bool:
        return self.found

    def __str__(self) -> str:
        return self.message


def _baseline(baseline) -> tuple[str | None, float | None, str]:
    if isinstance(baseline, str):
        name = baseline.split(".")[-1]
        if name not in BASELINES:
            raise ScenarioError(
                "baseline",
                baseline,
                "one of 'terrestrial', 'fleet' or a price in USD per million tokens",
                "unknown baseline",
            )
        return f"cost_per_million_tokens.{name}", None, name
    price = fixed_price(baseline)
    return None, price, f"{price:g} USD per million tokens"


def _to_unit(key, f, v) -> float:
    from .units import UnitParseError, parse_quantity

    try:
        x = float(parse_quantity(v, f.unit).magnitude)
    except (UnitParseError, TypeError, ValueError) as exc:
        raise ScenarioError(key, v, f.allowed_text(), str(exc)) from None
    f.check(key, x)
    return x


def _default_bracket(key, f) -> tuple[float, float]:
    rng = f.default_range(nudge=1e-6)
    if rng is None:
        raise ScenarioError(
            key,
            "(no range)",
            "an explicit bracket=(low, high)",
            "the field has no spread, slider range or two-sided bounds",
        )
    return rng


def breakeven(
    scenario: Any = None,
    field: str = "launch.price_per_kg",
    baseline: Any = "terrestrial",
    bracket: tuple | None = None,
    *,
    n: int = 33,
    xtol: float | None = None,
) -> BreakEven:
    """Value of a numeric scenario field at which orbital cost per token equals a baseline.

    Parameters
    ----------
    scenario : Scenario, str, mapping or None
        The scenario (a preset name, a mapping of overrides, or None for the defaults).
    field : str
        Dotted key of a numeric field (``"launch.price_per_kg"``, ``"finance.wacc"``, ...).
    baseline : str or float
        ``"terrestrial"`` (default), ``"fleet"``, or a fixed price [USD per million tokens].
    bracket : (low, high), optional
        Search range as numbers in the field's unit, quantities or unit strings.  Default:
        the field's plausible spread, else its slider range, else its bounds.
    n : int
        Grid points of the vectorised scan that brackets the first crossing (>= 3).
    xtol : float, optional
        Absolute tolerance of the root in the field's unit (default 1e-12 of the range).

    Returns
    -------
    BreakEven
        ``.value`` is a pint Quantity in the field's unit, or None with
        ``.message`` = "no break-even in range ..." and which architecture wins throughout.

    Raises
    ------
    ScenarioError
        Unknown or non-numeric field, bracket outside the field's bounds, unknown baseline.

    Notes
    -----
    Solves ``C_orb(x) - C_base(x) = 0`` by bisection
    (:func:`orbitdc.studies.break_even.first_crossings`, shared with the map) on the one pipeline
    (:func:`orbitdc.model.evaluate_si`), after locating the first sign change on an
    ``n``-point grid (log-spaced when the range spans more than two decades of positive
    values).  Where several crossings exist, the lowest is returned.
    """
    from .model import evaluate_si
    from .scenario import field_spec
    from .units import Q_

    scn = _scenario(scenario)
    f = field_spec(field)
    if f.is_choice or f.is_bool:
        raise ScenarioError(field, "(choice field)", "a numeric field", "a break-even is solved for a number")
    base_key, price, bname = _baseline(baseline)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 3:
        raise ScenarioError("n", n, "a whole number >= 3", "the scan needs at least three points")
    if bracket is None:
        lo, hi = _default_bracket(field, f)
    else:
        if isinstance(bracket, (str, bytes)) or len(bracket) != 2:
            raise ScenarioError("bracket", bracket, "(low, high)", "a bracket is two values")
        lo, hi = _to_unit(field, f, bracket[0]), _to_unit(field, f, bracket[1])
    if not lo < hi:
        raise ScenarioError("bracket", (lo, hi), "low < high", "a bracket needs its low end below its high end")
    f.check(field, np.array([lo, hi]))

    _, scale, offset = f.si
    p0 = scn.to_si()
    keys = [ORBITAL] + ([base_key] if base_key else [])

    def costs(x):
        p = dict(p0)
        p[field] = np.asarray(x, dtype=float) * scale + offset
        out = evaluate_si(p)
        missing = [k for k in keys if k not in out]
        if missing:
            raise ScenarioError(
                "pipeline",
                ", ".join(missing),
                "a complete pipeline",
                "the cost outputs are missing (is the economics stage installed?)",
            )
        orb = np.asarray(out[ORBITAL], dtype=float)
        ref = np.asarray(out[base_key], dtype=float) if base_key else np.full(np.shape(orb), price)
        return orb, ref

    if lo > 0 and hi / lo > 100:
        grid = np.geomspace(lo, hi, int(n))
    else:
        grid = np.linspace(lo, hi, int(n))
    try:
        orb, ref = costs(grid)
        orb = np.broadcast_to(orb, grid.shape)
        ref = np.broadcast_to(ref, grid.shape)
    except ScenarioError:
        raise
    except Exception:  # a stage that is not vectorised in this field: scan point by point
        pairs = [costs(x) for x in grid]
        orb = np.array([float(a) for a, _ in pairs])
        ref = np.array([float(b) for _, b in pairs])
    d = orb - ref
    ends_o = (float(orb[0]), float(orb[-1]))
    ends_r = (float(ref[0]), float(ref[-1]))
    br = (Q_(lo, f.unit), Q_(hi, f.unit))

    def g(x):
        a, b = costs(x)
        return np.asarray(a, dtype=float) - np.asarray(b, dtype=float)

    tol = xtol if xtol is not None else 1e-12 * (hi - lo)
    root = float(first_crossings(grid, d[None, :], lambda _rows: g, xtol=tol, iterations=200)[0])
    if math.isnan(root):
        wins = "orbit is cheaper" if d[0] < 0 else f"{bname} is cheaper"
        msg = (
            f"no break-even in range: {field} from {lo:g} to {hi:g} {f.unit}; {wins} throughout "
            f"(orbital {ends_o[0]:.4g}..{ends_o[1]:.4g} vs {ends_r[0]:.4g}..{ends_r[1]:.4g} USD per million tokens)"
        )
        return BreakEven(field, bname, None, False, br, ends_o, ends_r, None, msg)
    below = bool(d[0] < 0) if d[0] != 0 else bool(d[-1] > 0)
    side = "below" if below else "above"
    msg = (
        f"{field} = {root:.6g} {f.unit}: orbit costs the same as {bname}; orbit is cheaper {side} it "
        f"(searched {lo:g} to {hi:g} {f.unit})"
    )
    return BreakEven(field, bname, Q_(root, f.unit), True, br, ends_o, ends_r, below, msg)
