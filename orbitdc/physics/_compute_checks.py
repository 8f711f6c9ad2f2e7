"""The compute models' argument checks (shared by :mod:`orbitdc.physics.compute` and
:mod:`orbitdc.physics.chip_cost`)."""

from __future__ import annotations

from typing import Any

from ._checks import as_float as _arr
from ._checks import finite, nonneg, positive, unit_interval


# ----------------------------------------------------------------------- checks ----------
# _arr and _out come from orbitdc.physics._checks.  Compute reports the float-converted
# value (``_arr(x)``), and its fractions default to the closed interval [0, 1].
def _finite(name: str, x: Any) -> None:
    finite(name, _arr(x))


def _positive(name: str, x: Any, reason: str = "must be positive") -> None:
    positive(name, _arr(x), reason)


def _nonneg(name: str, x: Any, reason: str = "cannot be negative") -> None:
    nonneg(name, _arr(x), reason)


def _fraction(name: str, x: Any, low_open: bool = False, high_open: bool = False, reason: str = "") -> None:
    unit_interval(name, _arr(x), reason or "a fraction", lo_open=low_open, hi_open=high_open)
