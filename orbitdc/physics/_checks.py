"""Shared input checks and output helpers of the physics layer (private).

Every public function of :mod:`orbitdc.physics` (with :mod:`orbitdc.physics.finance`) validates its
SI inputs before computing and returns a Python float for scalar input, an array otherwise.
The helpers here do both, once, for all modules.  They are pure numpy plus
:mod:`orbitdc.errors` (no pint, no I/O) and vectorised: a check costs a few numpy
operations whatever the number of scenarios, and the first offending element is reported.

Conventions
-----------
* ``name`` is the argument name reported in :class:`orbitdc.errors.ScenarioError`;
  ``reason`` says why out-of-range values are refused; ``allowed`` (where offered)
  replaces the default allowed-range text, e.g. to name a unit (``"> 0 m"``).
* Every check returns ``np.asarray(x, dtype=float)`` (no copy for a float array), so a
  caller validates and converts in one step.
* The value reported is ``x`` *as passed*: pass the original argument to report it as the
  user gave it (an int stays an int in the message), or a float array (``as_float(x)``)
  to report the converted value.  Modules keep whichever their messages always used.
* Two families of range checks:

  - two-stage (:func:`positive`, :func:`nonneg`, :func:`unit_interval`): NaN and infinity
    are refused first with the generic message (``"finite numbers"``, ``"NaN or infinity
    is not a physical value"``), then the range is checked with the caller's reason;
  - one-stage (:func:`positive_finite`, :func:`nonneg_finite`,
    :func:`unit_interval_finite`): non-finite and out-of-range values are refused together
    under the caller's allowed text and reason, reporting the first element that fails
    either.

  The two are not interchangeable: they name different values and reasons when an array
  holds both a NaN and an out-of-range element, and tests assert on those messages.

Nothing here is physics: every bound is a property of the quantity's definition (a mass is
not negative, an efficiency lies in (0, 1]); the reasons are supplied by the callers.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ScenarioError, first_bad, require

__all__ = [
    "FINITE_ALLOWED",
    "FINITE_REASON",
    "as_float",
    "all_true",
    "check",
    "finite",
    "positive",
    "nonneg",
    "interval_text",
    "in_unit_interval",
    "unit_interval",
    "positive_finite",
    "nonneg_finite",
    "unit_interval_finite",
    "out",
    "out_array",
    "out_float",
]

FINITE_ALLOWED = "finite numbers"
"""Allowed-range text of the non-finite check (same as :func:`orbitdc.errors.require_finite`)."""

FINITE_REASON = "NaN or infinity is not a physical value"
"""Reason of the non-finite check (same as :func:`orbitdc.errors.require_finite`)."""


# ---------------------------------------------------------------------------------------
# building blocks
# ---------------------------------------------------------------------------------------
def as_float(x: Any) -> np.ndarray:
    """``np.asarray(x, dtype=float)``: no copy when ``x`` already is a float array."""
    return np.asarray(x, dtype=float)


def all_true(mask: Any) -> bool:
    """``bool(mask.all())`` with a fast path for the 0-d masks of single scenarios.

    Parameters
    ----------
    mask : numpy bool array or numpy bool scalar
    """
    return bool(mask) if mask.ndim == 0 else bool(mask.all())


def check(ok: Any, name: str, value: Any, allowed: str, reason: str) -> None:
    """Raise :class:`ScenarioError` unless every element of ``ok`` is true.

    Same result as :func:`orbitdc.errors.require` (NaN compares false, so a NaN fails any
    range written as ``ok``), with a fast return when ``ok`` is a true Python or numpy bool.

    Parameters
    ----------
    ok : bool or bool array
        Element-wise validity.
    name : str
        Argument name reported.
    value : object
        Value reported; its first element where ``ok`` is false is shown.
    allowed : str
        Accepted range, in words.
    reason : str
        Why values outside it are refused.
    """
    if ok is True or ok.__class__ is np.bool_ and ok:
        return
    okb = np.asarray(ok)
    if not okb.all():
        raise ScenarioError(name, first_bad(value, ~okb.astype(bool)), allowed, reason)


def _within(ok: Any, name: str, x: Any, a: np.ndarray, allowed: str, reason: str) -> np.ndarray:
    """Return ``a`` if ``ok`` holds everywhere, else raise reporting ``x`` (fast path first)."""
    if not all_true(ok):
        check(ok, name, x, allowed, reason)
    return a


# ---------------------------------------------------------------------------------------
# two-stage checks: NaN and infinity refused first with the generic message
# ---------------------------------------------------------------------------------------
def finite(name: str, x: Any) -> np.ndarray:
    """Refuse NaN and infinity; return ``np.asarray(x, dtype=float)``.

    Parameters
    ----------
    name : str
        Argument name reported.
    x : float or array
        Value to check, reported as passed.
    """
    a = as_float(x)
    return _within(np.isfinite(a), name, x, a, FINITE_ALLOWED, FINITE_REASON)


def positive(name: str, x: Any, reason: str, allowed: str = "> 0") -> np.ndarray:
    """:func:`finite`, then refuse values <= 0 with ``reason``; ``allowed`` may name a unit (``"> 0 m"``)."""
    a = finite(name, x)
    return _within(a > 0, name, x, a, allowed, reason)


def nonneg(name: str, x: Any, reason: str, allowed: str = ">= 0") -> np.ndarray:
    """:func:`finite`, then refuse values < 0 with ``reason``; ``allowed`` may name a unit (``">= 0 W"``)."""
    a = finite(name, x)
    return _within(a >= 0, name, x, a, allowed, reason)


def interval_text(lo_open: bool, hi_open: bool) -> str:
    """Bracket notation of the unit interval: ``"(0, 1]"``, ``"[0, 1)"``, ``"[0, 1]"``, ``"(0, 1)"``."""
    return f"{'(' if lo_open else '['}0, 1{')' if hi_open else ']'}"


def in_unit_interval(a: np.ndarray, lo_open: bool, hi_open: bool) -> np.ndarray:
    """Mask of ``a`` inside the unit interval, 0 / 1 excluded where open (NaN gives false)."""
    return (a > 0 if lo_open else a >= 0) & (a < 1 if hi_open else a <= 1)


def unit_interval(name: str, x: Any, reason: str, *, lo_open: bool = True, hi_open: bool = False) -> np.ndarray:
    """:func:`finite`, then refuse values outside (0, 1] (or the ends given) with ``reason``.

    The allowed text is :func:`interval_text` of the ends, e.g. ``"(0, 1]"``.
    """
    a = finite(name, x)
    ok = in_unit_interval(a, lo_open, hi_open)
    if not all_true(ok):
        check(ok, name, x, interval_text(lo_open, hi_open), reason)
    return a


# ---------------------------------------------------------------------------------------
# one-stage checks: NaN, infinity and out-of-range values refused together under
# the caller's allowed text and reason
# ---------------------------------------------------------------------------------------
def positive_finite(name: str, x: Any, reason: str, allowed: str = "> 0 (finite)") -> np.ndarray:
    """Refuse values that are not both finite and > 0; return ``np.asarray(x, dtype=float)``."""
    a = as_float(x)
    return _within(np.isfinite(a) & (a > 0), name, x, a, allowed, reason)


def nonneg_finite(name: str, x: Any, reason: str, allowed: str = ">= 0 (finite)") -> np.ndarray:
    """Refuse values that are not both finite and >= 0; return ``np.asarray(x, dtype=float)``."""
    a = as_float(x)
    return _within(np.isfinite(a) & (a >= 0), name, x, a, allowed, reason)


def unit_interval_finite(
    name: str, x: Any, reason: str, allowed: str, *, lo_open: bool = False, hi_open: bool = False
) -> np.ndarray:
    """Refuse values that are not both finite and in [0, 1] (0 / 1 excluded where open)."""
    a = as_float(x)
    return _within(np.isfinite(a) & in_unit_interval(a, lo_open, hi_open), name, x, a, allowed, reason)


def below_one(name: str, x: Any, reason: str) -> np.ndarray:
    """:func:`finite`, then refuse values outside [0, 1) with ``reason`` (through
    :func:`orbitdc.errors.require`, so row-wise evaluation records them)."""
    a = finite(name, x)
    require((a >= 0) & (a < 1), name, x, "[0, 1)", reason)
    return a


def at_least(name: str, x: Any, low: float, allowed: str, reason: str) -> np.ndarray:
    """Refuse values that are not both finite and >= ``low`` (through :func:`orbitdc.errors.require`,
    so row-wise evaluation records them); return ``np.asarray(x, dtype=float)``."""
    a = as_float(x)
    require(np.isfinite(a) & (a >= low), name, x, allowed, reason)
    return a


# ---------------------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------------------
def out(x: Any) -> Any:
    """Return a Python float for a 0-d result, ``x`` itself (unconverted) otherwise."""
    return float(x) if np.ndim(x) == 0 else x


def out_array(x: Any, dtype: Any = None) -> Any:
    """Return a Python float for a 0-d result, ``np.asarray(x, dtype)`` otherwise.

    Parameters
    ----------
    x : scalar or array-like
    dtype : numpy dtype or None, default None
        ``None`` keeps the dtype of ``x``; ``float`` converts (integer counts become floats).
    """
    a = np.asarray(x, dtype=dtype)
    return float(a) if a.ndim == 0 else a


def out_float(x: Any) -> Any:
    """Return a Python float for a 0-d result, ``np.asarray(x, dtype=float)`` otherwise."""
    return out_array(x, float)
