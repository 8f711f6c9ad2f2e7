"""orbitdc: can AI inference in orbit pay?

Physics and cost models that size the solar array, battery, radiator, mass, launches, links
and chips of an orbital inference satellite, and price a million tokens in orbit, in a data
center on the ground and on a fleet of parked cars.

Public API
----------
Scenario, ScenarioError, evaluate, evaluate_si, Result, presets, Q_, ureg, __version__
"""

from __future__ import annotations

__version__ = "0.2.0.dev0"

from . import presets
from .errors import ScenarioError
from .model import Result, evaluate, evaluate_si
from .scenario import Scenario

__all__ = ["Scenario", "ScenarioError", "evaluate", "evaluate_si", "Result", "presets", "Q_", "ureg", "__version__"]


def __getattr__(name: str):
    # pint is loaded on first use of Q_ / ureg (orbitdc.units), not at import
    if name in ("Q_", "ureg"):
        from . import units

        return getattr(units, name)
    raise AttributeError(f"module 'orbitdc' has no attribute {name!r}")
