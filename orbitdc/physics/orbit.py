"""Circular-orbit geometry: period, J2 precession, sun-synchronous orbits, beta angle, eclipses.

All functions are pure functions of SI floats or numpy arrays (m, s, rad) that broadcast
over their arguments; the public ones also accept pint quantities / unit strings through
:func:`orbitdc.units.accepts`.  The orbit is circular with altitude ``h`` above the
equatorial radius ``R`` (WGS 84), so ``a = R + h``.  Orbits are propagated analytically:
two-body motion plus the secular J2 drift of the ascending node, the Sun from the
Astronomical Almanac's low-precision ephemeris (:mod:`orbitdc.physics.ephemeris`).  The
annual eclipse statistics agree with an SGP4 numerical propagation (tests/physics/
test_orbit_sgp4.py) to better than 0.005 in mean eclipse fraction.

Modelled range: altitudes from 200 km (below, drag decays an orbit in days) to 2000 km
(the top of LEO; beyond it the cylindrical-shadow and J2-only models are still sound, but
nothing else in orbitdc - radiation, thermal view factors, link budgets - is set up for
it).

Shadow models (``model=``):

``"cylindrical"``
    Earth's shadow is a cylinder of radius R behind the Earth (Sun at infinity).
``"umbra"``
    Conical umbra of a finite Sun of radius R_sun at the actual Earth-Sun distance d.
``"penumbra"``
    Umbra plus penumbra: any part of the solar disc hidden.

For all three the set of in-shadow positions is a cone around the anti-Sun direction
whose half-angle seen from Earth's centre is ``psi = asin(R/a) - s * asin((R_sun -+ R)/d)``
with ``s = 0`` (cylinder), ``+1`` with the minus sign (umbra) and ``-1`` with the plus
sign (penumbra), so a circular orbit with beta angle ``beta`` spends the fraction
``f = acos(cos psi / cos beta) / pi`` of each revolution in shadow when ``|beta| < psi``.
Atmospheric refraction and absorption (which thicken the shadow by roughly 20-50 km of
grazing height) are neglected.

References
----------
.. [1] Vallado, D. A. (2013), "Fundamentals of Astrodynamics and Applications", 4th ed.,
   Microcosm Press: ch. 9 (secular J2 rate of the node), ch. 11 (sun-synchronous orbits),
   ch. 5 (algorithm SHADOW, conical umbra/penumbra geometry).
.. [2] Curtis, H. D. (2014), "Orbital Mechanics for Engineering Students", 3rd ed.,
   Butterworth-Heinemann: ch. 2 (period of a circular orbit), sec. 4.7 (effects of the
   Earth's oblateness: nodal regression, sun-synchronous orbits).
.. [3] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I",
   2nd ed., The Aerospace Press, ch. 2 (beta angle, eclipse fraction of a circular orbit).
.. [4] Rickman, S. L. (2014), "Introduction to On-Orbit Thermal Environments", NASA
   Engineering and Safety Center / TFAWS short course (beta angle and eclipse fraction).
.. [5] Wertz, J. R., Everett, D. F. and Puschell, J. J. (eds.) (2011), "Space Mission
   Engineering: The New SMAD", Microcosm Press, ch. 9 (orbits and astrodynamics).
"""

from __future__ import annotations

import math

import numpy as np

from orbitdc.constants import (
    AU,
    GM_EARTH,
    HOUR,
    J2_EARTH,
    MEAN_SUN_RATE,
    R_EARTH,
)
from orbitdc.errors import ScenarioError, require, require_finite
from orbitdc.kernels import orbit as _k
from orbitdc.physics._checks import as_float, finite
from orbitdc.physics._checks import out_array as _out
from orbitdc.physics.ephemeris import (
    mean_sun_ra,
    sun_position,
    sun_ra_dec,
)
from orbitdc.units import accepts, parse_quantity

__all__ = [
    "ALTITUDE_MIN",
    "ALTITUDE_MAX",
    "SSO_ALTITUDE_MAX",
    "SHADOW_MODELS",
    "orbital_period",
    "mean_motion",
    "raan_drift_rate",
    "sun_synchronous_inclination",
    "sso_raan",
    "sun_position",
    "sun_ra_dec",
    "beta_angle",
    "shadow_half_angle",
    "eclipse_fraction",
    "eclipse_duration",
    "AnnualEclipse",  # noqa: F822  (provided by __getattr__ from annual_eclipse)
    "annual_eclipse",  # noqa: F822
    "annual_eclipse_stats",  # noqa: F822
]

ALTITUDE_MIN = 200e3
"""Lowest modelled altitude [m]: below ~200 km drag brings a satellite down within days
(Vallado 2013, ch. 9; King-Hele 1987, Satellite Orbits in an Atmosphere).  Kind: assumption."""

ALTITUDE_MAX = 2000e3
"""Highest modelled altitude [m]: the conventional upper edge of low Earth orbit (IADC
Space Debris Mitigation Guidelines, 2007, protected region A).  Kind: standard."""

SSO_ALTITUDE_MAX = (1.5 * math.sqrt(GM_EARTH) * J2_EARTH * R_EARTH**2 / MEAN_SUN_RATE) ** (2.0 / 7.0) - R_EARTH
"""Altitude [m] above which J2 cannot precess a circular orbit as fast as the mean Sun even
at i = 180 deg, so no sun-synchronous circular orbit exists (about 5970 km; Vallado 2013
ch. 11).  Derived from GM_EARTH, J2_EARTH and MEAN_SUN_RATE."""

SHADOW_MODELS = ("cylindrical", "umbra", "penumbra")

_RANGE_TEXT = "200 km to 2000 km"
_RANGE_REASON = (
    "the modelled range of low Earth orbit: below 200 km drag decays the orbit in days, "
    "above 2000 km lies outside LEO, for which orbitdc is calibrated"
)


# ---------------------------------------------------------------------------------------
# validation helpers
# ---------------------------------------------------------------------------------------
def _altitude(altitude, name="altitude"):
    h = np.asarray(altitude, dtype=float)
    require_finite(h, name)
    require((h >= ALTITUDE_MIN) & (h <= ALTITUDE_MAX), name, altitude, _RANGE_TEXT, _RANGE_REASON)
    return h


def _inclination(inclination, name="inclination"):
    i = np.asarray(inclination, dtype=float)
    require_finite(i, name)
    require(
        (i >= 0.0) & (i <= np.pi),
        name,
        inclination,
        "0 to pi rad (0 to 180 deg)",
        "inclination is the angle between the orbit normal and the Earth's axis",
    )
    return i


def _angle(x, name):
    return finite(name, as_float(x))


def _model(model):
    if model not in SHADOW_MODELS:
        raise ScenarioError("model", model, "one of " + ", ".join(SHADOW_MODELS), "shadow geometry of the Earth")
    return model


# _out (Python float for 0-d, array of the same dtype otherwise) comes from
# orbitdc.physics._checks.


# ---------------------------------------------------------------------------------------
# two-body and J2
# ---------------------------------------------------------------------------------------
@accepts(altitude="m")
def mean_motion(altitude):
    """Mean motion of a circular orbit.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius R = 6378.137 km, 200 km to 2000 km.

    Returns
    -------
    float or array [rad/s]
        n = sqrt(mu / a^3), a = R + h.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 1.
    """
    return _out(_k.mean_motion(_altitude(altitude)))


@accepts(altitude="m")
def orbital_period(altitude):
    """Keplerian period of a circular orbit.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude, as in :func:`mean_motion`.

    Returns
    -------
    float or array [s]
        T = 2 pi sqrt(a^3 / mu), a = R + h, mu = 3.986004418e14 m^3/s^2.

    Notes
    -----
    Two-body period; J2 changes the nodal period of a LEO orbit by about 0.1 %.

    References
    ----------
    .. [1] Curtis, H. D. (2014), Orbital Mechanics for Engineering Students, 3rd ed.,
       ch. 2.
    .. [2] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 1.
    """
    return _out(_k.orbital_period(_altitude(altitude)))


@accepts(altitude="m", inclination="rad")
def raan_drift_rate(altitude, inclination):
    """Secular drift of the right ascension of the ascending node caused by J2.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    inclination : float or array [rad]
        Orbit inclination, 0 to pi.

    Returns
    -------
    float or array [rad/s]
        dOmega/dt = -3/2 n J2 (R/a)^2 cos i  (circular orbit, e = 0); negative (westward)
        for prograde orbits, positive for retrograde ones.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 9.
    .. [2] Curtis (2014), Orbital Mechanics for Engineering Students, 3rd ed., sec. 4.7.
    """
    return _out(_k.raan_drift_rate(_altitude(altitude), _inclination(inclination)))


@accepts(altitude="m")
def sun_synchronous_inclination(altitude):
    """Inclination at which J2 turns a circular orbit's node at the mean Sun's rate.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km (a sun-synchronous circular
        orbit exists only below ``SSO_ALTITUDE_MAX`` ~ 5970 km).

    Returns
    -------
    float or array [rad]
        i = acos( -(dOmega/dt)_sun / (3/2 n J2 (R/a)^2) ), with (dOmega/dt)_sun =
        2 pi / tropical year = 0.9856474 deg/day; always retrograde (96.5 deg to 104.9 deg
        over 200-2000 km).

    Raises
    ------
    ScenarioError
        Above ``SSO_ALTITUDE_MAX`` (|cos i| would exceed 1) or outside the modelled range.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 11.
    .. [2] Curtis (2014), Orbital Mechanics for Engineering Students, 3rd ed., sec. 4.7.
    .. [3] Wertz et al. (2011), Space Mission Engineering: The New SMAD, ch. 9.
    """
    h = np.asarray(altitude, dtype=float)
    require_finite(h, "altitude")
    require(
        h <= SSO_ALTITUDE_MAX,
        "altitude",
        altitude,
        f"at most {SSO_ALTITUDE_MAX / 1e3:.0f} km",
        "no sun-synchronous circular orbit exists there: J2 precession is slower than the "
        "mean Sun's 0.9856 deg/day even for a retrograde equatorial orbit",
    )
    return _out(_k.sun_synchronous_inclination(_altitude(h)))


def sso_raan(t, ltan):
    """Right ascension of the ascending node of a sun-synchronous orbit at time ``t``.

    Parameters
    ----------
    t : float or array [s]
        Time since J2000.0 (2000-01-01 12:00 TT).
    ltan : float or array [h]
        Local (mean solar) time of the ascending node, 0 to 24 h; 6 h or 18 h is dawn-dusk,
        12 h noon-midnight.

    Returns
    -------
    float or array [rad]
        Omega = alpha_ms(t) + 15 deg/h (LTAN - 12 h), reduced to [0, 2 pi), where alpha_ms is
        the right ascension of the mean Sun.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 11
       (local time of the ascending node).
    """
    return _out(np.mod(mean_sun_ra(t) + _k.node_offset(_ltan_hours(ltan) * HOUR), 2.0 * np.pi))


def _ltan_hours(ltan):
    if isinstance(ltan, str) or hasattr(ltan, "units"):
        ltan = parse_quantity(ltan, "hour").magnitude
    lt = np.asarray(ltan, dtype=float)
    require_finite(lt, "ltan")
    require(
        (lt >= 0.0) & (lt <= 24.0), "ltan", ltan, "0 h to 24 h", "local time of the ascending node is a time of day"
    )
    return lt


# ---------------------------------------------------------------------------------------
# beta angle and eclipses
# ---------------------------------------------------------------------------------------
@accepts(inclination="rad", raan="rad", sun_ra="rad", sun_dec="rad")
def beta_angle(inclination, raan, sun_ra, sun_dec):
    """Solar beta angle: elevation of the Sun above the orbit plane.

    Parameters
    ----------
    inclination : float or array [rad]
        Orbit inclination, 0 to pi.
    raan : float or array [rad]
        Right ascension of the ascending node (equator and equinox of date).
    sun_ra : float or array [rad]
        Sun right ascension, same frame.
    sun_dec : float or array [rad]
        Sun declination.

    Returns
    -------
    float or array [rad]
        beta = asin( cos(dec) sin(i) sin(Omega - ra) + sin(dec) cos(i) ), in [-pi/2, pi/2];
        positive when the Sun is on the side of the orbit normal h = r x v.

    Notes
    -----
    The orbit normal is n = (sin i sin Omega, -sin i cos Omega, cos i) and the Sun direction
    s = (cos dec cos ra, cos dec sin ra, sin dec); beta = asin(n . s).

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, 2nd ed., ch. 2.
    .. [2] Rickman (2014), Introduction to On-Orbit Thermal Environments, NASA TFAWS.
    """
    i = _inclination(inclination)
    om = _angle(raan, "raan")
    ra = _angle(sun_ra, "sun_ra")
    dec = _angle(sun_dec, "sun_dec")
    s = np.cos(dec) * np.sin(i) * np.sin(om - ra) + np.sin(dec) * np.cos(i)
    return _out(np.arcsin(np.clip(s, -1.0, 1.0)))


def _sun_distance(sun_distance):
    d = np.asarray(sun_distance, dtype=float)
    require_finite(d, "sun_distance")
    require(
        (d >= 0.95 * AU) & (d <= 1.05 * AU),
        "sun_distance",
        sun_distance,
        "0.95 au to 1.05 au",
        "the Earth-Sun distance varies between 0.983 and 1.017 au",
    )
    return d


@accepts(altitude="m", sun_distance="m")
def shadow_half_angle(altitude, model="cylindrical", sun_distance=AU):
    """Critical beta angle beta*: above |beta| = beta* a circular orbit sees no eclipse.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    model : {"cylindrical", "umbra", "penumbra"}
        Shadow model (see module notes).
    sun_distance : float or array [m]
        Earth-Sun distance (ignored by the cylindrical model), 0.95 au to 1.05 au.

    Returns
    -------
    float or array [rad]
        cylindrical: beta* = asin(R / (R + h));
        umbra: asin(R/(R+h)) - asin((R_sun - R)/d); penumbra: asin(R/(R+h)) + asin((R_sun + R)/d).

    Notes
    -----
    The conical forms follow from Vallado's SHADOW geometry (umbra cone vertex at
    R / sin(alpha_u) behind the Earth, penumbra vertex at R / sin(alpha_p) in front): a
    position at angle psi from the anti-Sun axis is inside the cone when
    sin(psi -+ alpha) < R / r, i.e. psi < asin(R/r) +- alpha.

    References
    ----------
    .. [1] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
       ch. 5 (algorithm SHADOW).
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, ch. 2 (beta*).
    """
    h = _altitude(altitude)
    _model(model)
    d = _sun_distance(sun_distance)
    return _out(_k.shadow_half_angle(h, model, d))


@accepts(altitude="m", beta="rad", sun_distance="m")
def eclipse_fraction(altitude, beta, model="cylindrical", sun_distance=AU):
    """Fraction of a circular orbit's period spent in Earth's shadow.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    beta : float or array [rad]
        Solar beta angle, -pi/2 to pi/2.
    model : {"cylindrical", "umbra", "penumbra"}
        Shadow model; ``"penumbra"`` counts any partial shadow.
    sun_distance : float or array [m]
        Earth-Sun distance (conical models only), 0.95 au to 1.05 au.

    Returns
    -------
    float or array [-]
        f = acos( cos(beta*) / cos(beta) ) / pi for |beta| < beta*, else 0; for the
        cylindrical shadow cos(beta*) = sqrt(h^2 + 2 R h) / (R + h), so that
        f(beta = 0) = asin(R / (R + h)) / pi.  Always in [0, 0.5).

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, 2nd ed., ch. 2.
    .. [2] Rickman (2014), Introduction to On-Orbit Thermal Environments, NASA TFAWS.
    .. [3] Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., ch. 5 (SHADOW).
    """
    h = _altitude(altitude)
    b = np.asarray(beta, dtype=float)
    require_finite(b, "beta")
    require(
        np.abs(b) <= np.pi / 2,
        "beta",
        beta,
        "-pi/2 to pi/2 rad (-90 to 90 deg)",
        "beta is the Sun's elevation above the orbit plane",
    )
    _model(model)
    d = _sun_distance(sun_distance)
    return _out(_k.shadow_fraction(b, _k.shadow_half_angle(h, model, d)))


@accepts(altitude="m", beta="rad", sun_distance="m")
def eclipse_duration(altitude, beta, model="cylindrical", sun_distance=AU):
    """Duration of one eclipse of a circular orbit.

    Parameters
    ----------
    altitude : float or array [m]
        Altitude above the equatorial radius, 200 km to 2000 km.
    beta : float or array [rad]
        Solar beta angle, -pi/2 to pi/2.
    model : {"cylindrical", "umbra", "penumbra"}
        Shadow model.
    sun_distance : float or array [m]
        Earth-Sun distance (conical models only).

    Returns
    -------
    float or array [s]
        t_e = f(h, beta) T(h), the eclipse fraction times the orbital period
        (35.7 min at 500 km, beta = 0).

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook, Vol. I, 2nd ed., ch. 2.
    .. [2] Wertz et al. (2011), Space Mission Engineering: The New SMAD, ch. 9.
    """
    return _out(eclipse_fraction(altitude, beta, model, sun_distance) * orbital_period(altitude))


# The annual statistics (orbitdc.physics.annual_eclipse) build on this module's geometry and
# are re-exported here on first access, so that either module may be imported first.
_ANNUAL = {"AnnualEclipse", "annual_eclipse", "annual_eclipse_stats"}


def __getattr__(name: str):
    if name in _ANNUAL:
        from . import annual_eclipse as _a

        return getattr(_a, name)
    if name == "LATTICE_MIN_ORBITS":
        from .eclipse_lattice import LATTICE_MIN_ORBITS

        return LATTICE_MIN_ORBITS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
