"""The scenario across altitude: dose curves behind several shields, and what the radiation
does to the chips' life and to the cost per token (the app's Radiation view, ``orbitdc
radiation``)."""

from __future__ import annotations

import numpy as np

from ..constants import DAY as _DAY
from ..constants import JULIAN_YEAR as _YEAR
from ..model import evaluate_si

__all__ = ["by_altitude"]


def by_altitude(scenario, altitudes_km, shielding_kg_m2=(2.7, 10.0, 27.0)) -> dict:
    """The scenario re-evaluated across altitude: data for a dose-vs-altitude chart.

    One vectorised pipeline call on the altitude x shielding grid (the dose curves) and one on
    the altitudes at the scenario's own shielding (life, upsets, failures, cost).

    Parameters
    ----------
    scenario : Scenario
    altitudes_km : sequence of float [km]
    shielding_kg_m2 : sequence of float [kg/m2]
        Shield areal densities for the dose curves.

    Returns
    -------
    dict of numpy arrays: ``altitude_km`` (n,), ``shielding_kg_m2`` (m,), ``dose_gy_per_year``
    (n, m), and at the scenario's own shielding ``dose_life_yr``, ``restarts_per_day``,
    ``failures_per_year``, ``cost_per_million_tokens`` (n,) [USD].
    """
    h = np.asarray(altitudes_km, float)
    sig = np.asarray(shielding_kg_m2, float)
    base = scenario.to_si()
    p = dict(base)
    p["orbit.altitude"] = np.repeat(h * 1e3, sig.size)
    p["launch.shielding_areal_density"] = np.tile(sig, h.size)
    grid = evaluate_si(p)
    own = evaluate_si({**base, "orbit.altitude": h * 1e3})

    def col(key, scale=1.0):
        return np.broadcast_to(np.asarray(own[key], float), h.shape) * scale

    return {
        "altitude_km": h,
        "shielding_kg_m2": sig,
        "dose_gy_per_year": np.asarray(grid["radiation.dose_rate"], float).reshape(h.size, sig.size) * _YEAR,
        "dose_life_yr": col("radiation.dose_life", 1 / _YEAR),
        "restarts_per_day": col("radiation.restart_rate", _DAY),
        "failures_per_year": col("radiation.failure_rate", _YEAR),
        "cost_per_million_tokens": col("cost_per_million_tokens.orbital"),
    }
