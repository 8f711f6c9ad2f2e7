"""Break-even: the value of one scenario field at which orbit costs as much as a baseline.

``breakeven(scenario, "launch.price_per_kg")`` answers "how cheap must launch be for a token
made in orbit to cost the same as one made on the ground?".  The same question works for any
numeric field (chip price, array cost, mission life, WACC, PUE, ...) and against the fleet
baseline or a fixed price.

This module is the short address of the one break-even: :func:`breakeven` and
:class:`BreakEven` here are the same objects as ``orbitdc.studies.breakeven`` and
``orbitdc.studies.BreakEven``, defined in :mod:`orbitdc.studies.break_even` next to
:func:`orbitdc.studies.breakeven_map` (the same question over a 2-D grid).  Both run the one
vectorised pipeline (:func:`orbitdc.model.evaluate_si`) on a scan of the field's range and
solve ``cost_orbital(x) = cost_baseline(x)`` at the lowest sign change by vectorised
bisection (:func:`orbitdc.studies.break_even.first_crossings`).  When the costs do not
cross in the range the result says so ("no break-even in range") and which side wins.

The result's ``.value`` is a float in the field's unit; ``.quantity`` gives it as a pint
Quantity and ``.message`` as a sentence.
"""

from __future__ import annotations

from .studies.break_even import BreakEven, breakeven
from .studies.inputs import BASELINES, ORBITAL

__all__ = ["breakeven", "BreakEven", "ORBITAL", "BASELINES"]
