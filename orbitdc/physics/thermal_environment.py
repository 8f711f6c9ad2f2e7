"""The thermal environment of a flat panel in Earth orbit: view factor, absorbed loads.

Part of :mod:`orbitdc.physics.thermal` (which re-exports every public name here): the
geometry of the Earth seen from a flat panel, :func:`earth_view_factor` (exact
plate-to-sphere configuration factor for any tilt, Howell's catalogue [1]_), and the loads
the panel absorbs: sunlight :func:`absorbed_solar_flux`, Earth albedo :func:`albedo_flux`
(scaled by the Sun's elevation at the sub-satellite point, orbit-averaged with
:func:`albedo_orbit_factor`), Earth infrared :func:`earth_ir_flux`; summed per panel by
:func:`environmental_flux`.

Pure functions of SI floats or numpy arrays; public functions also accept pint quantities
or unit strings for their dimensional arguments (:func:`orbitdc.units.accepts`).

References
----------
[1] (Howell's configuration-factor catalogue, factor B-12) and [2] (Gilmore 2002, ch. 2:
environments, view factors) are listed in full in :mod:`orbitdc.physics.thermal`.

.. [7] Stephens, G. L. et al. (2015), "The albedo of Earth", Rev. Geophys. 53, 141.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from ..constants import R_EARTH, SOLAR_CONSTANT
from ..errors import ScenarioError, require
from ..kernels import thermal as _k
from ..units import accepts
from ._checks import all_true as _all
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _unit_interval

__all__ = [
    "EARTH_IR",
    "ALBEDO",
    "earth_view_factor",
    "absorbed_solar_flux",
    "albedo_orbit_factor",
    "albedo_flux",
    "earth_ir_flux",
    "EnvironmentalFlux",
    "environmental_flux",
]

_PI = math.pi
_HALF_PI = 0.5 * math.pi

EARTH_IR = 237.0
"""Earth's outgoing long-wave (infrared) flux at the top of the atmosphere [W/m2],
orbit-average design value of Gilmore (2002) [2] ch. 2 (hot/cold design cases span about
218-261 W/m2 for short averaging times); CERES measures a global annual mean of 240 W/m2
(Loeb et al. 2018 [6]). Kind: measurement."""

ALBEDO = 0.30
"""Earth's Bond albedo, the fraction of incident sunlight reflected [-]. Orbit-average
design value of Gilmore (2002) [2] ch. 2 (0.18-0.55 for short averaging times, depending
on cloud and ice cover); CERES measures 0.29 (Stephens et al. 2015 [7]). Kind: measurement."""


# ---------------------------------------------------------------------------------------
# input checks (vectorised; the first offending element is reported)
# ---------------------------------------------------------------------------------------
# _all, _finite, _positive, _nonneg, _unit_interval and _out come from
# orbitdc.physics._checks; the checks below are thermal's own.


def _optical(name: str, x: Any) -> np.ndarray:
    return _unit_interval(
        name, x, "a surface absorbs or emits between none (0, excluded) and all (1) of the radiation a black body would"
    )


def _angle(
    name: str, x: Any, hi: float, hi_text: str, reason: str, lo: float = 0.0, lo_text: str = "0 deg"
) -> np.ndarray:
    """Check an angle lies in [lo, hi] (1e-12 rad of rounding allowed, then clipped)."""
    a = _finite(name, x)
    inside = (a >= lo) & (a <= hi)
    if _all(inside):
        return a
    tol = 1e-12
    ok = (a >= lo - tol) & (a <= hi + tol)
    if not _all(ok):
        require(ok, name, x, f"[{lo_text}, {hi_text}] (given in rad: [{lo:.6g}, {hi:.6g}])", reason)
    return np.clip(a, lo, hi)


def _sides(x: Any) -> np.ndarray:
    a = _finite("sides", x)
    ok = (a == 1) | (a == 2)
    if not _all(ok):
        require(ok, "sides", x, "1 or 2", "a flat panel radiates from one face (back insulated) or from both faces")
    return a


# shared by the radiator balance (orbitdc.physics.thermal) and the heat pump


def _beta(beta):
    """Checked solar beta angle [rad], -90..90 deg."""
    return _angle(
        "beta",
        beta,
        _HALF_PI,
        "90 deg",
        "the Sun's angle to the orbit plane lies in -90..90 deg",
        lo=-_HALF_PI,
        lo_text="-90 deg",
    )


def _beta_and_eclipse(beta, eclipse_fraction):
    """Checked beta angle [rad] (-90..90 deg) and eclipse fraction [0, 1) of a circular orbit."""
    b = _beta(beta)
    ecl = _unit_interval(
        "eclipse_fraction",
        eclipse_fraction,
        "a circular orbit spends less than all of its time in the Earth's shadow",
        lo_open=False,
        hi_open=True,
    )
    return b, ecl


def _check_radiator(heat, emissivity, sink, sides, fin_efficiency):
    q = _positive("heat", heat, "a radiator is sized for a positive heat load")
    eps = _optical("emissivity", emissivity)
    ts = _nonneg("sink_temperature", sink, "absolute temperature cannot be negative")
    n = _sides(sides)
    eta = _unit_interval(
        "fin_efficiency",
        fin_efficiency,
        "a fin rejects between nothing (0, excluded) and as much as an isothermal fin (1)",
    )
    return q, eps, ts, n, eta


# ---------------------------------------------------------------------------------------
# geometry
# ---------------------------------------------------------------------------------------


@accepts(altitude="m", tilt="rad", earth_radius="m")
def earth_view_factor(altitude, tilt, earth_radius=R_EARTH):
    """View factor from one face of a flat plate in orbit to the Earth (a sphere).

    Parameters
    ----------
    altitude : float or array [m]
        Height of the plate above the sphere's surface, > 0.
    tilt : float or array [rad]
        Angle between the plate's outward normal and the nadir direction, in [0, pi]:
        0 faces the Earth, pi/2 is edge-on to it, pi faces deep space.
    earth_radius : float or array [m], default 6378137
        Radius of the sphere. Default: WGS 84 equatorial radius (the reference of the
        altitudes used throughout orbitdc). Kind: standard.

    Returns
    -------
    float or array [-]
        Fraction of the radiation leaving the plate face that reaches the Earth (by
        reciprocity, the Earth's diffuse emission reaching the plate per unit plate area is
        ``F * E`` for an Earth exitance ``E``).

    Notes
    -----
    With :math:`H = (R+h)/R` and tilt :math:`\\lambda` (Howell's catalogue [1]_, factor B-12;
    Gilmore [2]_ ch. 2):

    * Earth fully in view, :math:`\\lambda \\le \\arccos(1/H)`:
      :math:`F = \\cos\\lambda / H^2`  (facing the Earth: :math:`F = (R/(R+h))^2`);
    * Earth partly in view, :math:`\\arccos(1/H) < \\lambda < \\pi/2 + \\arcsin(1/H)`:

      .. math::
         F = \\tfrac12 - \\tfrac1\\pi \\arcsin\\frac{\\sqrt{H^2-1}}{H\\sin\\lambda}
             + \\frac{1}{\\pi H^2}\\Big[\\cos\\lambda\\,\\arccos\\!\\big(-\\sqrt{H^2-1}\\cot\\lambda\\big)
             - \\sqrt{H^2-1}\\,\\sqrt{1 - H^2\\cos^2\\lambda}\\Big]

      (edge-on, :math:`\\lambda = \\pi/2`: :math:`F = \\frac1\\pi[\\arctan(1/\\sqrt{H^2-1})
      - \\sqrt{H^2-1}/H^2]`);
    * Earth out of view, :math:`\\lambda \\ge \\pi/2 + \\arcsin(1/H)`: :math:`F = 0`.

    The expression is continuous at both boundaries. The Earth is treated as a sphere
    (oblateness changes F by < 0.3 %).

    Raises
    ------
    ScenarioError
        Altitude <= 0 (the plate must be above the surface), tilt outside [0, 180] deg.

    References
    ----------
    .. [1] Howell, "A Catalog of Radiation Heat Transfer Configuration Factors", B-12.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2.
    """
    h = _positive("altitude", altitude, "the plate must be above the Earth's surface")
    lam = _angle("tilt", tilt, _PI, "180 deg", "the angle between a plate normal and nadir lies in 0..180 deg")
    r = _positive("earth_radius", earth_radius, "a sphere has a positive radius")
    return _out(_k.view_factor(h, lam, r))


# ---------------------------------------------------------------------------------------
# environmental loads (per unit area of one plate face)
# ---------------------------------------------------------------------------------------


@accepts(irradiance="W/m^2", incidence="rad")
def absorbed_solar_flux(irradiance, absorptivity, incidence=0.0):
    """Direct sunlight absorbed per unit area of a sunlit plate face.

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance normal to the Sun direction, >= 0 (1361 W/m2 at 1 au, Kopp & Lean
        2011).
    absorptivity : float or array [-]
        Solar absorptance of the face, in (0, 1].
    incidence : float or array [rad], default 0
        Angle between the face normal and the Sun direction, in [0, pi]; a face turned
        away from the Sun (incidence > 90 deg) absorbs nothing.

    Returns
    -------
    float or array [W/m^2]
        :math:`q_s = \\alpha\\,S\\,\\max(\\cos i, 0)`.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 and 4.
    """
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    a = _optical("absorptivity", absorptivity)
    i = _angle("incidence", incidence, _PI, "180 deg", "an angle between two directions lies in 0..180 deg")
    return _out(a * s * np.maximum(np.cos(i), 0.0))


@accepts(beta="rad")
def albedo_orbit_factor(beta, case="orbit_average"):
    """Sun-angle factor of the albedo load, orbit-averaged or at its peak.

    The albedo load is modelled as proportional to the cosine of the Sun's zenith angle at
    the sub-satellite point, :math:`\\cos\\zeta = \\cos\\beta\\cos\\theta` for a circular
    orbit with Sun beta angle :math:`\\beta` and orbit angle :math:`\\theta` from the
    sub-solar crossing, and zero where the ground below is dark.

    Parameters
    ----------
    beta : float or array [rad]
        Angle between the Sun direction and the orbit plane, in [-pi/2, pi/2] (from the
        orbit module).
    case : {"orbit_average", "peak"}
        ``"orbit_average"``: mean over a whole orbit (eclipse included),
        :math:`\\overline{\\cos\\zeta} = \\cos\\beta/\\pi`; ``"peak"``: the value at the
        sub-solar crossing, :math:`\\cos\\beta`.

    Returns
    -------
    float or array [-]
        The factor :math:`\\phi` multiplying :math:`S\\,a\\,F` in :func:`albedo_flux`.

    Notes
    -----
    .. math:: \\frac{1}{2\\pi}\\int_{-\\pi/2}^{\\pi/2}\\cos\\beta\\cos\\theta\\,d\\theta
              = \\frac{\\cos\\beta}{\\pi}

    Simplification (documented in Gilmore [1]_ ch. 2): the reflected light is taken as
    diffuse (Lambertian) from a uniform-albedo Earth, weighted by the Sun elevation at the
    sub-satellite point only; it overestimates the load near the terminator for a plate that
    sees mostly the horizon, and ignores the bright crescent seen from the night side.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 (albedo).
    """
    b = _beta(beta)
    c = np.cos(b)
    if case == "orbit_average":
        return _out(c / _PI)
    if case == "peak":
        return _out(c)
    raise ScenarioError("case", case, "one of 'orbit_average', 'peak'", "unknown averaging case")


@accepts(irradiance="W/m^2")
def albedo_flux(irradiance, albedo, view_factor, absorptivity, sun_factor=1.0):
    """Earth-reflected sunlight absorbed per unit area of a plate face.

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance, >= 0.
    albedo : float or array [-]
        Earth's albedo in [0, 1] (default figure elsewhere: :data:`ALBEDO` = 0.30).
    view_factor : float or array [-]
        View factor from the face to the Earth, in [0, 1] (:func:`earth_view_factor`).
    absorptivity : float or array [-]
        Solar absorptance of the face, in (0, 1].
    sun_factor : float or array [-], default 1
        Cosine of the Sun's zenith angle at the sub-satellite point (or its orbit average,
        :func:`albedo_orbit_factor`), in [0, 1].

    Returns
    -------
    float or array [W/m^2]
        :math:`q_a = \\alpha\\,S\\,a\\,F\\,\\phi`.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2.
    """
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    f = _unit_interval("view_factor", view_factor, "a view factor is a fraction", lo_open=False)
    al = _optical("absorptivity", absorptivity)
    phi = _unit_interval(
        "sun_factor", sun_factor, "the cosine of a zenith angle on the lit side lies in 0..1", lo_open=False
    )
    return _out(al * s * a * f * phi)


@accepts(earth_ir="W/m^2")
def earth_ir_flux(earth_ir, view_factor, emissivity):
    """Earth infrared absorbed per unit area of a plate face.

    Parameters
    ----------
    earth_ir : float or array [W/m^2]
        Earth's outgoing long-wave flux at the top of the atmosphere, >= 0 (default figure
        elsewhere: :data:`EARTH_IR` = 237 W/m2).
    view_factor : float or array [-]
        View factor from the face to the Earth, in [0, 1].
    emissivity : float or array [-]
        Infrared emittance of the face, in (0, 1]; by Kirchhoff's law for a gray surface it
        is also its infrared absorptance.

    Returns
    -------
    float or array [W/m^2]
        :math:`q_{IR} = \\varepsilon\\,E_{IR}\\,F`.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2.
    .. [2] Incropera et al. (2007), Fundamentals of Heat and Mass Transfer, 6th ed., 12.7.
    """
    e = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    f = _unit_interval("view_factor", view_factor, "a view factor is a fraction", lo_open=False)
    eps = _optical("emissivity", emissivity)
    return _out(eps * e * f)


class EnvironmentalFlux(NamedTuple):
    """Result of :func:`environmental_flux`: absorbed loads per unit panel area (all SI)."""

    solar: Any
    """Direct sunlight absorbed [W/m^2]."""
    albedo: Any
    """Earth-reflected sunlight absorbed [W/m^2]."""
    earth_ir: Any
    """Earth infrared absorbed [W/m^2]."""
    total: Any
    """Sum of the three [W/m^2]."""
    view_factor: Any
    """View factor of the front face to the Earth [-]."""
    view_factor_back: Any
    """View factor of the back face to the Earth (0 for a one-sided panel) [-]."""


_CASES = ("orbit_average", "peak")


@accepts(
    altitude="m", beta="rad", tilt="rad", solar_incidence="rad", irradiance="W/m^2", earth_ir="W/m^2", earth_radius="m"
)
def environmental_flux(
    altitude,
    absorptivity,
    emissivity,
    beta=0.0,
    eclipse_fraction=0.0,
    tilt=_HALF_PI,
    sides=2,
    solar_incidence=_HALF_PI,
    irradiance=SOLAR_CONSTANT,
    albedo=ALBEDO,
    earth_ir=EARTH_IR,
    case="orbit_average",
    earth_radius=R_EARTH,
):
    """Sunlight, albedo and Earth IR absorbed by a flat panel, orbit-averaged or at peak.

    Parameters
    ----------
    altitude : float or array [m]
        Orbit altitude, > 0.
    absorptivity : float or array [-]
        Solar absorptance of the radiating face(s), in (0, 1] (white paint about 0.15,
        :data:`RADIATOR_ABSORPTIVITY`).
    emissivity : float or array [-]
        Infrared emittance of the radiating face(s), in (0, 1] (:data:`RADIATOR_EMISSIVITY`).
    beta : float or array [rad], default 0
        Sun beta angle of the orbit, in [-pi/2, pi/2] (input from the orbit module).
    eclipse_fraction : float or array [-], default 0
        Fraction of the orbit in the Earth's shadow, in [0, 1) (input from the orbit
        module); used by the ``"orbit_average"`` case.
    tilt : float or array [rad], default pi/2
        Angle between the front-face normal and nadir, [0, pi] (pi/2: edge-on to the Earth;
        the back face of a two-sided panel has tilt pi - tilt).
    sides : 1 or 2 (float or array), default 2
        Radiating faces: 2 for a free-standing panel, 1 for a body-mounted panel whose back
        is insulated (it then absorbs nothing on the back).
    solar_incidence : float or array [rad], default pi/2
        Angle between the front-face normal and the Sun, [0, pi], held by the attitude
        (pi/2: the Sun grazes the panel, as for ISS radiators turned edge-on to the Sun by
        their rotary joint). For two-sided panels the back face is lit when > pi/2.
    irradiance : float or array [W/m^2], default 1361
        Solar irradiance, >= 0 (Kopp & Lean 2011, measurement).
    albedo : float or array [-], default 0.30
        Earth albedo in [0, 1] (:data:`ALBEDO`).
    earth_ir : float or array [W/m^2], default 237
        Earth's outgoing long-wave flux, >= 0 (:data:`EARTH_IR`).
    case : {"orbit_average", "peak"}
        ``"orbit_average"`` averages over one orbit: direct sunlight times the sunlit
        fraction ``1 - eclipse_fraction``, albedo times :math:`\\cos\\beta/\\pi`; ``"peak"``
        is the steady state at the sub-solar crossing in full sunlight (albedo times
        :math:`\\cos\\beta`), an upper bound that ignores thermal capacitance.
    earth_radius : float or array [m], default 6378137 (WGS 84)

    Returns
    -------
    EnvironmentalFlux
        ``(solar, albedo, earth_ir, total, view_factor, view_factor_back)``; fluxes in
        W/m^2 of panel planform area, summed over the radiating faces.

    Notes
    -----
    For faces f (front, and back when ``sides == 2``) with Earth view factors
    :math:`F_f` (:func:`earth_view_factor`):

    .. math::
       q = \\alpha S (1-f_e) \\sum_f \\max(\\cos i_f, 0)
           + \\alpha S a \\bar\\phi \\sum_f F_f + \\varepsilon E_{IR} \\sum_f F_f,
       \\qquad \\bar\\phi = \\cos\\beta / \\pi .

    Earth IR is taken as constant over the orbit (day/night differences of a few per cent
    are within the uncertainty of the design value).

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2.
    .. [2] Howell, configuration-factor catalogue, B-12.
    """
    h = _positive("altitude", altitude, "the panel must be above the Earth's surface")
    alpha = _optical("absorptivity", absorptivity)
    eps = _optical("emissivity", emissivity)
    b, ecl = _beta_and_eclipse(beta, eclipse_fraction)
    lam = _angle("tilt", tilt, _PI, "180 deg", "the angle between a plate normal and nadir lies in 0..180 deg")
    n = _sides(sides)
    inc = _angle(
        "solar_incidence", solar_incidence, _PI, "180 deg", "an angle between two directions lies in 0..180 deg"
    )
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    e_ir = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    r = _positive("earth_radius", earth_radius, "a sphere has a positive radius")
    if case not in _CASES:
        raise ScenarioError("case", case, "one of 'orbit_average', 'peak'", "unknown averaging case")
    res = _k.environment(h, lam, b, ecl, alpha, eps, n, inc, s, a, e_ir, case, r)
    return EnvironmentalFlux(*(_out(x) for x in res))
