"""Kernels of engineering economics: capital recovery, annualised cost, cost of delay, gas LCOE.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.finance`. Money in USD, time in s, rates per year as
fractions, lives in s (counted in Julian years inside the capital-recovery formulas).
"""

from __future__ import annotations

import numpy as np

from ..constants import JULIAN_YEAR as YEAR
from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats

__all__ = ["crf", "annualized", "crf_per_second", "delay_cost", "gas_lcoe"]


def crf(i, n, li=None):
    """Capital recovery factor, no checks (see :func:`orbitdc.physics.finance.capital_recovery_factor`).

    ``li``: ``log1p(i)`` when the caller already has it (several CRFs and the cost of delay
    at one rate share it; the same value, so the same result).
    """
    if (i.__class__ is float or np.ndim(i) == 0) and (n.__class__ is float or np.ndim(n) == 0):
        i, n = float(i), float(n)
        li = float(_k.log1p(i) if li is None else li)
        x = n * li
        den = -float(_k.expm1(-x))
        if abs(x) >= 1.0:
            return i / den
        # small |x|: two factors that each tend to 1 (exact limit 1/n, subnormal-safe)
        f1 = i / li if li != 0.0 else 1.0
        f2 = x / den if x != 0.0 else 1.0
        return f1 * f2 / n
    i = np.asarray(i, dtype=float)
    n = np.asarray(n, dtype=float)
    li = np.log1p(i) if li is None else li
    den = -np.expm1(-(n * li))
    # |ln(1+i)| < 1e-200: CRF = 1/n to 1e-200 relative (guards i = 0 and subnormal i)
    tiny = np.abs(li) < 1e-200
    if not tiny.any():  # the usual case: no guard needed, the same values as the where below
        return i / den
    return np.where(tiny, 1.0 / n, i / np.where(tiny, 1.0, den))


def annualized(capex, rate, life):
    """capex CRF(rate, life/year) / year [USD/s], no checks."""
    return capex * crf(rate, life / YEAR) / YEAR


def crf_per_second(rate, life, li=None):
    """CRF per second of life: CRF(rate, life / year) / year [1/s], no checks (``li``: ``log1p(rate)``, see :func:`crf`)."""
    return crf(rate, life / YEAR, li) / YEAR


def delay_cost(capex, rate, delay, li=None):
    """capex ((1+i)^(delay/year) - 1) [USD], no checks (``li``: ``log1p(rate)``, see :func:`crf`)."""
    return capex * _k.expm1((delay / YEAR) * (_k.log1p(rate) if li is None else li))


def gas_lcoe(plant_cost, heat_rate, fuel_price, fixed_om, variable_om, capacity_factor, rate, life):
    """Gas LCOE [USD/J], no checks."""
    return (
        (plant_cost * crf(rate, life / YEAR) / YEAR + fixed_om) / capacity_factor + heat_rate * fuel_price + variable_om
    )
