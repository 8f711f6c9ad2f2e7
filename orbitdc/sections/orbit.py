"""Pipeline module ``orbit``: the circular orbit and its year of sunlight and shadow.

Reads the ``orbit`` section (sun-synchronous by local time of ascending node, or inclined
by inclination and initial node) and writes the period, the effective inclination, the
beta-angle range and the eclipse statistics of the chosen calendar year: mean and maximum
eclipse fraction, longest eclipse, days with any eclipse, and the Earth-Sun distance range.
Downstream stages size the array for ``orbit.eclipse_fraction_max`` at
``orbit.sun_distance_max``, the battery for ``orbit.eclipse_duration_max``, its cycles for
``orbit.eclipse_days``, and the thermal hot case for ``orbit.sun_distance_min``.

The physics lives in :mod:`orbitdc.physics.orbit` (J2 node drift, Astronomical Almanac
Sun, cylindrical Earth shadow, cross-checked against SGP4); this module only wires fields
and outputs, calling the unchecked entries (the scenario has bounded every field; LTAN
is passed in SI seconds, converted nowhere).  Arrays of identical orbits (a sweep over another section) are evaluated once
and broadcast; distinct orbits are evaluated in numpy blocks, and more than 2000 distinct
orbits (a Monte Carlo over altitude and LTAN) are interpolated from exact values on a fixed
lattice of orbit parameters (tolerances in :func:`orbitdc.physics.orbit.annual_eclipse_stats`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import require
from ..physics.annual_eclipse import annual_eclipse_stats_unchecked, annual_eclipse_unchecked
from ..schema import Field, Output, Section

__all__ = ["SECTIONS", "OUTPUTS", "stage", "ORBIT_TYPES"]

ORBIT_TYPES = ("sso", "inclined")

SECTIONS = (
    Section(
        "orbit",
        "Orbit: altitude, plane and year",
        "A circular low Earth orbit: sun-synchronous (inclination from J2, node fixed in local "
        "solar time) or inclined (node drifting at the J2 rate), evaluated over one calendar "
        "year for beta angle and eclipses.",
        (
            Field(
                "type",
                "",
                "sso",
                "Orbit family: 'sso' (sun-synchronous, set by ltan) or 'inclined' (set by inclination and raan)",
                source="orbitdc reference design: a dawn-dusk sun-synchronous orbit, the orbit behind "
                "the seed documents' '24/7 sunlight' claim; 'inclined' for Starlink-like shells",
                kind="assumption",
                role="design",
                choices=ORBIT_TYPES,
            ),
            Field(
                "altitude",
                "km",
                650.0,
                "Orbit altitude above the equatorial radius (6378.137 km)",
                source="orbitdc reference design: 650 km, a common altitude for dawn-dusk SSO "
                "missions (e.g. 600-700 km radar and Earth-observation satellites); a design "
                "choice, not a measurement",
                kind="assumption",
                role="design",
                low=200.0,
                high=2000.0,
                reason="the modelled range of low Earth orbit: below 200 km drag decays an orbit in "
                "days; above 2000 km (the upper edge of LEO, IADC protected region A) the thermal "
                "and link models are not set up (the radiation stage's AE8/AP8 table spans 200-3000 km, "
                "and at 2000 km the inner proton belt already gives over 100 Gy per year behind "
                "1 cm of aluminium)",
                ui=(300.0, 2000.0),
            ),
            Field(
                "inclination",
                "deg",
                53.0,
                "Inclination of an inclined orbit (ignored for type 'sso', whose inclination follows from J2)",
                source="Starlink first shell: 550 km at 53 deg (SpaceX FCC filings, vendor figure)",
                kind="vendor",
                role="design",
                low=0.0,
                high=180.0,
                reason="inclination is the angle between the orbit normal and the Earth's axis, 0 to 180 deg",
            ),
            Field(
                "ltan",
                "h",
                6.0,
                "Local time of the ascending node of a sun-synchronous orbit (6 h = dawn-dusk, "
                "12 h = noon-midnight; ignored for 'inclined')",
                source="dawn-dusk SSO convention: the node on the terminator at 06:00 or 18:00 mean "
                "local solar time (Vallado 2013, ch. 11; e.g. Sentinel-1 at 18:00)",
                kind="assumption",
                role="design",
                low=0.0,
                high=24.0,
                reason="a local time of day lies between 0 h and 24 h",
            ),
            Field(
                "raan",
                "deg",
                0.0,
                "Right ascension of the ascending node of an inclined orbit on 1 January 00:00 "
                "UTC of the year (ignored for 'sso'); sets only the phase of the beta cycle",
                source="assumption: node at the vernal-equinox direction at the start of the year "
                "(arbitrary; the yearly statistics change little with it)",
                kind="assumption",
                role="design",
                low=0.0,
                high=360.0,
                reason="an angle of right ascension lies between 0 and 360 deg",
            ),
            Field(
                "year",
                "",
                2027,
                "Calendar year over which the Sun, beta angle and eclipses are evaluated",
                source="assumption: the first full year of operations of a satellite launched now",
                kind="assumption",
                low=2000.0,
                high=2100.0,
                integer=True,
                reason="the analytic solar ephemeris (Astronomical Almanac low-precision formula) is "
                "validated to 0.01 deg for 2000-2100",
            ),
        ),
    ),
)

OUTPUTS = (
    Output("orbit.altitude", "km", "Orbit altitude above the equatorial radius"),
    Output("orbit.period", "min", "Orbital period (two-body, circular)"),
    Output("orbit.inclination", "deg", "Inclination (from J2 for a sun-synchronous orbit)"),
    Output("orbit.raan_drift_rate", "deg/day", "Node drift from J2 (0.9856 deg/day for a sun-synchronous orbit)"),
    Output("orbit.eclipse_fraction_mean", "", "Fraction of the year in Earth's shadow (cylindrical shadow)"),
    Output("orbit.sunlit_fraction_mean", "", "Fraction of the year in sunlight (1 - eclipse_fraction_mean)"),
    Output("orbit.eclipse_fraction_max", "", "Largest per-orbit eclipse fraction of the year"),
    Output("orbit.eclipse_duration_max", "min", "Longest single eclipse of the year"),
    Output("orbit.eclipse_days", "", "Days of the year with at least one eclipse", fmt=".0f"),
    Output("orbit.beta_min", "deg", "Smallest (signed) solar beta angle of the year"),
    Output("orbit.beta_max", "deg", "Largest (signed) solar beta angle of the year"),
    Output("orbit.beta_abs_min", "deg", "Smallest |beta| of the year (0 if beta changes sign)"),
    Output("orbit.beta_abs_max", "deg", "Largest |beta| of the year"),
    Output("orbit.sun_distance_min", "au", "Closest Earth-Sun distance of the year (perihelion)"),
    Output("orbit.sun_distance_max", "au", "Farthest Earth-Sun distance of the year (aphelion)"),
)

READS: tuple[str, ...] = (
    "orbit.altitude",
    "orbit.inclination",
    "orbit.ltan",
    "orbit.raan",
    "orbit.type",
    "orbit.year",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


_SCALAR_TYPES = (float, int)
_CACHE: dict = {}  # scalar inputs -> outputs of one orbit (floats)
_CACHE_MAX = 4096


def stage(p: Mapping[str, Any], out: dict) -> None:
    """Evaluate the orbit over its year; write the ``orbit.*`` outputs (SI).

    A single orbit (scalar inputs) is cached on its inputs, so re-evaluating a scenario
    whose orbit did not change costs a dictionary lookup.
    """
    args = (
        p["orbit.type"],
        p["orbit.altitude"],
        p["orbit.inclination"],
        p["orbit.raan"],
        p["orbit.ltan"],
        p["orbit.year"],
    )
    key = args if (args[0].__class__ is str and all(a.__class__ in _SCALAR_TYPES for a in args[1:])) else None
    if key is not None:
        hit = _CACHE.get(key)
        if hit is not None:
            out.update(hit)
            return
    res: dict = {}
    _stage(p, res)
    if key is not None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = res
    out.update(res)


def _stage(p: Mapping[str, Any], out: dict) -> None:
    typ = np.asarray(p["orbit.type"])
    require(
        np.isin(typ, ORBIT_TYPES), "orbit.type", p["orbit.type"], "one of 'sso', 'inclined'", "unknown orbit family"
    )
    is_sso = typ == "sso"
    h = p["orbit.altitude"]
    s = annual_eclipse_stats_unchecked(  # fields bounded by the scenario; LTAN in SI seconds
        h, p["orbit.inclination"], p["orbit.raan"], is_sso, p["orbit.ltan"], p["orbit.year"]
    )
    shape = np.shape(s["period"])
    out["orbit.altitude"] = np.broadcast_to(np.asarray(h, dtype=float), shape) if shape else float(h)
    out["orbit.period"] = s["period"]
    out["orbit.inclination"] = s["inclination"]
    out["orbit.raan_drift_rate"] = s["raan_drift_rate"]
    out["orbit.eclipse_fraction_mean"] = s["mean_fraction"]
    mf = s["mean_fraction"]
    if isinstance(mf, np.ndarray) and mf.ndim and not any(mf.strides):  # one orbit broadcast
        out["orbit.sunlit_fraction_mean"] = np.broadcast_to(1.0 - mf.flat[0], mf.shape)
    else:
        out["orbit.sunlit_fraction_mean"] = 1.0 - mf
    out["orbit.eclipse_fraction_max"] = s["max_fraction"]
    out["orbit.eclipse_duration_max"] = s["max_duration"]
    out["orbit.eclipse_days"] = s["eclipse_days"]
    out["orbit.beta_min"] = s["beta_min"]
    out["orbit.beta_max"] = s["beta_max"]
    out["orbit.beta_abs_min"] = s["abs_beta_min"]
    out["orbit.beta_abs_max"] = s["abs_beta_max"]
    out["orbit.sun_distance_min"] = s["sun_distance_min"]
    out["orbit.sun_distance_max"] = s["sun_distance_max"]


def daily_series(p: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """The orbit's year day by day, for charts: one scalar scenario (SI values).

    Parameters
    ----------
    p : mapping
        SI scenario values with scalar ``orbit.*`` fields.

    Returns
    -------
    dict
        ``orbit.day`` [day of year, 1-based], ``orbit.daily_eclipse_fraction`` [-],
        ``orbit.daily_beta`` [rad] and ``orbit.daily_eclipse_duration`` [s], one value per
        day of ``orbit.year``: the same physics (:func:`orbitdc.physics.orbit.annual_eclipse`)
        whose statistics the stage writes.
    """
    _, a = annual_eclipse_unchecked(
        p["orbit.altitude"],
        p["orbit.inclination"],
        p["orbit.raan"],
        p["orbit.type"] == "sso",
        p["orbit.ltan"],
        p["orbit.year"],
    )
    return {
        "orbit.day": np.asarray(a["day"], dtype=float),
        "orbit.daily_eclipse_fraction": np.asarray(a["fraction"], dtype=float),
        "orbit.daily_beta": np.asarray(a["beta"], dtype=float),
        "orbit.daily_eclipse_duration": np.asarray(a["duration"], dtype=float),
    }
