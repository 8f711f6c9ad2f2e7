"""Kernels of wafer economics: gross dies per wafer, die yield, chip price.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.chip_cost`. Areas in m2, money in USD.
"""

from __future__ import annotations

import numpy as np

from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats
from .compute import where

__all__ = ["dies_per_wafer", "die_yield", "chip_price"]


def dies_per_wafer(area, diameter):
    """Gross dies of area ``area`` on a round wafer of ``diameter``: pi (d/2)^2 / A - pi d / sqrt(2 A)."""
    return np.pi * (diameter / 2.0) ** 2 / area - np.pi * diameter / _k.sqrt(2.0 * area)


def die_yield(x, model, alpha=3.0):
    """Die yield at ``x`` = defect density x die area: Poisson, Murphy or negative binomial (``alpha``)."""
    if model == "poisson":
        return _k.exp(-x)
    if model == "murphy":
        safe = where(x > 0, x, 1.0)
        return where(x > 0, (-_k.expm1(-safe) / safe) ** 2, 1.0)
    return _k.exp(-alpha * _k.log1p(x / alpha))


def chip_price(wafer_cost, dpw, y, n_die, packaging, memory, test, margin):
    """Chip price [USD]: good-die cost plus packaging, memory and test, over (1 - margin)."""
    return (n_die * wafer_cost / (dpw * y) + packaging + memory + test) / (1.0 - margin)
