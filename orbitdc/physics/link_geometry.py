"""Geometry of a link to the ground: slant range, nadir angle, great-circle distance.

Pure functions of SI floats or numpy arrays (broadcasting, no I/O); pint quantities are
accepted at the surface through :func:`orbitdc.units.accepts`.  Also the argument checks the
link modules share.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..constants import R_EARTH, R_EARTH_MEAN
from ..kernels import links as kl
from ..kernels.links import db as _db  # noqa: F401  (shared by the link modules)
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import check as _require
from ._checks import finite, nonneg, positive, unit_interval
from ._checks import out as _out


# --------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------
# _arr, _out and _require (errors.require with a fast path) come from orbitdc.physics._checks.
# Links reports the float-converted value and puts the unit in the allowed text.
def _finite(field: str, value: Any) -> np.ndarray:
    return finite(field, _arr(value))


def _positive(field: str, value: Any, unit: str, what: str = "must be positive") -> np.ndarray:
    return positive(field, _arr(value), what, f"> 0 {unit}".strip())


def _nonneg(field: str, value: Any, unit: str, what: str = "cannot be negative") -> np.ndarray:
    return nonneg(field, _arr(value), what, f">= 0 {unit}".strip())


def _fraction(field: str, value: Any, what: str) -> np.ndarray:
    return unit_interval(field, _arr(value), what)  # (0, 1]


def _elevation(value: Any) -> np.ndarray:
    v = _finite("elevation", value)
    _require(
        (v > 0) & (v <= math.pi / 2 + 1e-12),
        "elevation",
        v,
        "(0, 90] deg (0, pi/2] rad",
        "a satellite below the horizon is not in view; 90 deg is the zenith",
    )
    return np.minimum(v, math.pi / 2)


# --------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------
@accepts(altitude="m", elevation="rad", earth_radius="m")
def slant_range(altitude, elevation, earth_radius=R_EARTH):
    """Distance from a ground station to a satellite seen at a given elevation.

    Parameters
    ----------
    altitude : float or array [m]
        Satellite altitude above the spherical Earth (> 0).
    elevation : float or array [rad]
        Elevation angle of the satellite above the local horizon, in (0, pi/2].
    earth_radius : float [m]
        Radius of the spherical Earth (default WGS 84 equatorial, 6378.137 km).

    Returns
    -------
    float or array [m]
        Slant range d.

    Notes
    -----
    Law of cosines in the Earth-centre / station / satellite triangle, solved for d:

    .. math:: d = \\sqrt{(R+h)^2 - R^2\\cos^2\\varepsilon} - R\\sin\\varepsilon

    References
    ----------
    [MB] section 2.2 (geometry of the link); [PBA] section 2.2.
    """
    h = _positive("altitude", altitude, "m", "a satellite orbits above the Earth's surface")
    el = _elevation(elevation)
    r = _positive("earth_radius", earth_radius, "m")
    return _out(kl.slant_range(h, el, r))


@accepts(altitude="m", elevation="rad", earth_radius="m")
def nadir_angle(altitude, elevation, earth_radius=R_EARTH):
    """Off-nadir angle at the satellite towards a ground point seen at ``elevation``.

    This is the scan angle of a nadir-facing phased array serving that point.

    Parameters
    ----------
    altitude : float or array [m]
        Satellite altitude (> 0).
    elevation : float or array [rad]
        Elevation of the satellite seen from the ground point, (0, pi/2].
    earth_radius : float [m]
        Spherical Earth radius.

    Returns
    -------
    float or array [rad]
        Nadir angle eta.

    Notes
    -----
    Sine rule in the Earth-centre / station / satellite triangle:
    :math:`\\sin\\eta = R\\cos\\varepsilon / (R + h)`.

    References
    ----------
    [MB] section 2.2; Wertz & Larson (1999), SMAD 3rd ed., section 5.2, eq. 5-17.
    """
    h = _positive("altitude", altitude, "m", "a satellite orbits above the Earth's surface")
    el = _elevation(elevation)
    r = _positive("earth_radius", earth_radius, "m")
    return _out(kl.nadir_angle(h, el, r))


def _earth_central_angle(altitude, elevation, earth_radius):
    """Earth central angle between a station and the sub-satellite point [rad] (no checks)."""
    return np.arccos(earth_radius * np.cos(elevation) / (earth_radius + altitude)) - elevation


@accepts(lat1="rad", lon1="rad", lat2="rad", lon2="rad", radius="m")
def great_circle_distance(lat1, lon1, lat2, lon2, radius=R_EARTH_MEAN):
    """Great-circle distance between two points on a spherical Earth (haversine).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array [rad]
        Geodetic latitudes in [-pi/2, pi/2] and longitudes of the two points.
    radius : float [m]
        Sphere radius (default IUGG mean Earth radius 6371.0088 km).

    Returns
    -------
    float or array [m]

    Notes
    -----
    .. math:: d = 2R\\arcsin\\sqrt{\\sin^2\\frac{\\Delta\\phi}{2} +
              \\cos\\phi_1\\cos\\phi_2\\sin^2\\frac{\\Delta\\lambda}{2}}

    References
    ----------
    Sinnott, R. W. (1984), "Virtues of the haversine", Sky and Telescope 68(2), 159.
    """
    la1, la2 = _finite("lat1", lat1), _finite("lat2", lat2)
    for n, v in (("lat1", la1), ("lat2", la2)):
        _require(np.abs(v) <= math.pi / 2 + 1e-12, n, v, "[-90, 90] deg", "latitude beyond a pole")
    lo1, lo2 = _finite("lon1", lon1), _finite("lon2", lon2)
    r = _positive("radius", radius, "m")
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return _out(2 * r * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))
