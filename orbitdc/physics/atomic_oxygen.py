r"""Atomic oxygen in low Earth orbit: number density, fluence on ram-facing surfaces, coating erosion.

Below about 700 km most of the thin atmosphere is atomic oxygen. A surface facing the flow
meets it at orbital speed, and polymer coatings (the FEP Teflon of silver-Teflon radiators,
the Kapton and coverglass adhesives of arrays) erode at a measured volume per incident atom,
the erosion yield :math:`E_y`. Over a life :math:`T` at speed :math:`v` the fluence is

.. math:: F = n_O\,v\,T \qquad [\mathrm{atoms/m^2}]

and a coating loses :math:`d = E_y F` of thickness. orbitdc sizes a sacrificial coating
thickness :math:`k\,E_y F` (margin :math:`k`) over the ram-facing area the drag model
flies, and launches its mass :math:`\rho_c\,k\,E_y\,F\,A_{ram}`.

Pure functions of SI floats or numpy arrays. The density comes from a table computed
offline with NRLMSIS 2.0 (``tools/ao_density_table.py`` writes ``orbitdc/data/ao_density.json``
with its provenance), interpolated in log density; above the table's 1,000 km it falls with
the table's last scale height.

References
----------
.. [1] Emmert, J. T. et al. (2021), "NRLMSIS 2.0: A whole-atmosphere empirical model of
   temperature and neutral species densities", Earth Space Sci. 8, e2020EA001321.
.. [2] de Groh, K. K., Banks, B. A. et al. (2008), "MISSE 2 PEACE polymers atomic oxygen
   erosion experiment on the International Space Station", J. Spacecraft Rockets 45(3),
   513-521 (erosion yields: Kapton H 3.00e-24 cm3/atom, FEP Teflon 2.00e-25 cm3/atom).
.. [3] Bourassa, R. J. and Gillis, J. R. (1992), "Atomic oxygen exposure of LDEF experiment
   trays", NASA CR-189627 (leading-edge fluence 8.99e21 atoms/cm2 over 5.8 years).
"""

from __future__ import annotations

import functools
import json
import pathlib

import numpy as np

from ..kernels import compute as _k  # scalar-aware numpy functions: math on one scenario's floats

__all__ = ["ACTIVITY_F107", "o_number_density", "ram_fluence", "coating_mass_per_area"]

_DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "ao_density.json"

ACTIVITY_F107 = {"low": 70.0, "mean": 150.0, "high": 250.0}
"""F10.7 [sfu] of the table's columns for ``launch.solar_activity`` low / mean / high."""


@functools.lru_cache(maxsize=1)
def _table() -> tuple[np.ndarray, dict, dict]:
    d = json.loads(_DATA.read_text(encoding="utf-8"))
    h = np.asarray(d["altitude_km"], dtype=float) * 1e3
    logs = {}
    for f, row in zip(d["f107"], d["o_number_density_per_m3"]):
        logs[float(f)] = np.log(np.asarray(row, dtype=float))
    return h, logs, d["provenance"]


def o_number_density(altitude, activity="mean"):
    """Orbit-averaged atomic-oxygen number density [1/m3] (NRLMSIS 2.0 table).

    Parameters
    ----------
    altitude : float or array [m]
        Circular-orbit altitude, 200 km and up (the table spans 200-1,000 km; above it the
        density falls with the last interval's scale height).
    activity : {'low', 'mean', 'high'} or array of them
        Solar activity (F10.7 = 70, 150, 250 sfu).

    Returns
    -------
    float or array [1/m3]
        :math:`n_O`, log-linear in altitude between the table's nodes.
    """
    h_tab, logs, _ = _table()
    h = _k.asfloat(altitude)
    if activity.__class__ is not str:  # one activity per row: each row takes its own column
        act = np.asarray(activity)
        out = np.zeros(np.broadcast_shapes(np.shape(h), act.shape))
        for level in ACTIVITY_F107:
            out = np.where(act == level, o_number_density(h, level), out)
        return out
    y = logs[ACTIVITY_F107[activity]]
    slope = (y[-1] - y[-2]) / (h_tab[-1] - h_tab[-2])  # last interval, extended above 1,000 km
    ln = _k.where(h <= h_tab[-1], np.interp(h, h_tab, y), y[-1] + slope * (h - h_tab[-1]))
    return _k.exp(ln)


def ram_fluence(number_density, speed, time):
    """Atomic-oxygen fluence on a surface facing the flow [atoms/m2]: :math:`F = n_O v T`.

    Parameters
    ----------
    number_density : float or array [1/m3]
    speed : float or array [m/s]
        Orbital speed (the atmosphere's own motion and thermal speed are neglected, as in
        the ram fluence of LDEF's leading edge [3]_).
    time : float or array [s]
    """
    return _k.asfloat(number_density) * speed * time


def coating_mass_per_area(fluence, erosion_yield, density, margin=1.0):
    r"""Sacrificial coating mass per unit of ram-facing area [kg/m2]: :math:`\rho_c\,k\,E_y F`.

    Parameters
    ----------
    fluence : float or array [atoms/m2]
    erosion_yield : float or array [m3 per atom]
        Volume eroded per incident oxygen atom (FEP Teflon 2.00e-25 cm3/atom = 2.0e-31 m3 [2]_).
    density : float or array [kg/m3]
        Coating density.
    margin : float or array [-]
        Thickness margin over the eroded depth.
    """
    return _k.asfloat(density) * margin * erosion_yield * fluence
