"""Radiative heat rejection for a satellite in Earth orbit.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios, no units library, no I/O).  Public functions also accept pint quantities or unit
strings for their dimensional arguments (:func:`orbitdc.units.accepts`); bare numbers are
taken as SI (m, K, W, rad, kg).

In vacuum every watt a satellite dissipates leaves by thermal radiation.  The chain is

1. the geometry of the Earth seen from a flat panel, :func:`earth_view_factor` (exact
   plate-to-sphere configuration factor for any tilt, Howell's catalogue [1]_),
2. the environmental loads the panel absorbs: sunlight :func:`absorbed_solar_flux`,
   Earth albedo :func:`albedo_flux` (scaled by the Sun's elevation at the sub-satellite
   point, orbit-averaged with :func:`albedo_orbit_factor`), Earth infrared
   :func:`earth_ir_flux`; summed per panel by :func:`environmental_flux`,
3. the effective sink temperature those loads define, :func:`sink_temperature`,
4. the radiator balance :math:`Q = n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,A\\,(T^4 - T_s^4)`:
   :func:`radiator_area` and its exact inverse :func:`equilibrium_temperature`,
5. the chip-to-radiator path, :func:`radiator_temperature_from_junction`,
6. an optional heat pump (COP a fraction of Carnot), :func:`heat_pump_cop`,
   :func:`heat_pump_power`, and the radiator temperature that minimises radiator plus
   power-system mass, :func:`optimal_radiator_temperature`,
7. radiator mass, :func:`radiator_mass`, and the one-call orbit-averaged sizing used by
   the pipeline, :func:`thermal_sizing`,
8. the solar array's own temperature, :func:`solar_cell_temperature`.

Every balance here is a quartic in temperature with a closed-form root, so no iterative
solver is needed (except the mass optimum of the heat-pump trade, a bracketed search).

References
----------
.. [1] Howell, J. R., "A Catalog of Radiation Heat Transfer Configuration Factors",
   3rd ed., University of Texas at Austin (online), factor B-12 "plane element of any tilt
   to a sphere"; also Howell, Menguc & Siegel (2016), "Thermal Radiation Heat Transfer",
   6th ed., CRC Press, Appendix C.
.. [2] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I:
   Fundamental Technologies", 2nd ed., The Aerospace Press / AIAA; ch. 2 (environments:
   solar, albedo, Earth IR and view factors), ch. 6 (radiators, fin efficiency).
.. [3] Incropera, F. P., DeWitt, D. P., Bergman, T. L. and Lavine, A. S. (2007),
   "Fundamentals of Heat and Mass Transfer", 6th ed., Wiley, ch. 12-13 (Stefan-Boltzmann
   law, gray surfaces, view factors).
.. [4] Cengel, Y. A. and Boles, M. A. (2015), "Thermodynamics: An Engineering Approach",
   8th ed., McGraw-Hill, sections 6-7 and 6-11 (reversed Carnot cycle, COP of
   refrigerators and heat pumps).
.. [5] Fixsen, D. J. (2009), "The temperature of the cosmic microwave background",
   Astrophys. J. 707, 916.
.. [6] Loeb, N. G. et al. (2018), "Clouds and the Earth's Radiant Energy System (CERES)
   Energy Balanced and Filled (EBAF) Top-of-Atmosphere (TOA) Edition-4.0 data product",
   J. Climate 31, 895 (global mean outgoing long-wave radiation 240 W/m2, albedo 0.29).
.. [7] Stephens, G. L. et al. (2015), "The albedo of Earth", Rev. Geophys. 53, 141.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from ..constants import R_EARTH, SIGMA_SB, SOLAR_CONSTANT, T_CMB
from ..errors import ScenarioError, first_bad, require
from ..units import accepts
from ._checks import all_true as _all
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out as _out
from ._checks import positive as _positive
from ._checks import unit_interval as _unit_interval

__all__ = [
    "SPACE_TEMPERATURE",
    "EARTH_IR",
    "ALBEDO",
    "RADIATOR_EMISSIVITY",
    "RADIATOR_ABSORPTIVITY",
    "RADIATOR_AREAL_DENSITY",
    "earth_view_factor",
    "absorbed_solar_flux",
    "albedo_orbit_factor",
    "albedo_flux",
    "earth_ir_flux",
    "EnvironmentalFlux",
    "environmental_flux",
    "sink_temperature",
    "radiator_area",
    "equilibrium_temperature",
    "radiator_mass",
    "radiator_temperature_from_junction",
    "heat_pump_cop",
    "heat_pump_power",
    "HeatPumpOptimum",
    "optimal_radiator_temperature",
    "ThermalSizing",
    "thermal_sizing",
    "solar_cell_temperature",
]

_PI = math.pi
_HALF_PI = 0.5 * math.pi

# ---------------------------------------------------------------------------------------
# defaults, each with its source and kind
# ---------------------------------------------------------------------------------------

SPACE_TEMPERATURE = T_CMB
"""Temperature of the cosmic microwave background [K], the sink of a panel that sees only
deep space: :data:`orbitdc.constants.T_CMB`, Fixsen (2009) [5]. Kind: measurement."""

EARTH_IR = 237.0
"""Earth's outgoing long-wave (infrared) flux at the top of the atmosphere [W/m2],
orbit-average design value of Gilmore (2002) [2] ch. 2 (hot/cold design cases span about
218-261 W/m2 for short averaging times); CERES measures a global annual mean of 240 W/m2
(Loeb et al. 2018 [6]). Kind: measurement."""

ALBEDO = 0.30
"""Earth's Bond albedo, the fraction of incident sunlight reflected [-]. Orbit-average
design value of Gilmore (2002) [2] ch. 2 (0.18-0.55 for short averaging times, depending
on cloud and ice cover); CERES measures 0.29 (Stephens et al. 2015 [7]). Kind: measurement."""

RADIATOR_EMISSIVITY = 0.91
"""Hemispherical infrared emittance of a white-paint radiator [-]: AZ-93 white thermal
control paint (zinc oxide / potassium silicate), 0.91 +/- 0.02 (AZ Technology datasheet;
Gilmore (2002) [2] Appendix A lists Z-93 class paints at 0.90-0.92). Kind: vendor."""

RADIATOR_ABSORPTIVITY = 0.15
"""Solar absorptance of the same AZ-93 white-paint radiator at beginning of life [-],
0.15 +/- 0.02 (AZ Technology datasheet; rises with UV and atomic-oxygen exposure in LEO,
Gilmore (2002) [2] ch. 4). Kind: vendor."""

RADIATOR_AREAL_DENSITY = 7.0
"""Mass per planform area of a conventional heat-pipe or pumped-loop radiator panel
[kg/m2]: "conventional radiator's weight of 7 kg/m2" (Thermacore Inc., NASA SBIR 1991
abstract 09.08-6551B, referring to the Space Station Freedom aluminium/ammonia heat-pipe
radiator); advanced composite and deployable designs target 2-5 kg/m2. Kind: vendor."""


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


def _fourth_power_difference(t: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """T^4 - Ts^4 factored so that it is exactly positive whenever T > Ts."""
    return (t - ts) * (t + ts) * (t * t + ts * ts)


# ---------------------------------------------------------------------------------------
# geometry
# ---------------------------------------------------------------------------------------


def _view_factor(h: np.ndarray, lam: np.ndarray, radius: float | np.ndarray) -> np.ndarray:
    """Kernel of :func:`earth_view_factor` (no checks). ``lam`` in [0, pi]."""
    big_h = 1.0 + h / radius  # (R + h) / R
    h2 = big_h * big_h
    cl = np.cos(lam)
    sl = np.sin(lam)
    x = np.sqrt(h2 - 1.0)
    full = cl / h2
    # partial visibility (Howell B-12); sin(lam) > 0 there because R/(R+h) < 1
    sl_safe = np.where(sl > 1e-300, sl, 1.0)
    a1 = np.clip(x / (big_h * sl_safe), -1.0, 1.0)
    a2 = np.clip(-x * cl / sl_safe, -1.0, 1.0)
    r = np.maximum(1.0 - h2 * cl * cl, 0.0)
    part = 0.5 - np.arcsin(a1) / _PI + (cl * np.arccos(a2) - x * np.sqrt(r)) / (_PI * h2)
    hc = big_h * cl
    f = np.where(hc >= 1.0, full, np.where(hc <= -1.0, 0.0, part))
    return np.clip(f, 0.0, 1.0)


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
    return _out(_view_factor(h, lam, r))


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
    b = _angle(
        "beta",
        beta,
        _HALF_PI,
        "90 deg",
        "the Sun's angle to the orbit plane lies in -90..90 deg",
        lo=-_HALF_PI,
        lo_text="-90 deg",
    )
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


def _environment(h, lam, beta, ecl, alpha, eps, sides, inc, s, a, e_ir, case, radius):
    """Kernel of :func:`environmental_flux` (no checks)."""
    f_front = _view_factor(h, lam, radius)
    back = sides - 1.0  # 0 for one-sided, 1 for two-sided panels
    f_back = _view_factor(h, _PI - lam, radius) * back
    cb = np.cos(beta)
    if case == "orbit_average":
        phi = cb / _PI
        sunlit = 1.0 - ecl
    else:  # "peak": sunlit, at the sub-solar crossing
        phi = cb
        sunlit = 1.0
    ci = np.cos(inc)
    ci = np.where(np.abs(ci) < 1e-12, 0.0, ci)  # exactly grazing at 90 deg (cos(pi/2) = 6e-17)
    q_sun = alpha * s * sunlit * (np.maximum(ci, 0.0) + back * np.maximum(-ci, 0.0))
    f_sum = f_front + f_back
    q_alb = alpha * s * a * phi * f_sum
    q_ir = eps * e_ir * f_sum
    return EnvironmentalFlux(q_sun, q_alb, q_ir, q_sun + q_alb + q_ir, f_front, f_back)


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
    b = _angle(
        "beta",
        beta,
        _HALF_PI,
        "90 deg",
        "the Sun's angle to the orbit plane lies in -90..90 deg",
        lo=-_HALF_PI,
        lo_text="-90 deg",
    )
    ecl = _unit_interval(
        "eclipse_fraction",
        eclipse_fraction,
        "a circular orbit spends less than all of its time in the Earth's shadow",
        lo_open=False,
        hi_open=True,
    )
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
    res = _environment(h, lam, b, ecl, alpha, eps, n, inc, s, a, e_ir, case, r)
    return EnvironmentalFlux(*(_out(x) for x in res))


def _sink(q_abs, eps, sides, t_space):
    return (q_abs / (sides * eps * SIGMA_SB) + t_space**4) ** 0.25


@accepts(absorbed_flux="W/m^2", space_temperature="K")
def sink_temperature(absorbed_flux, emissivity, sides=2, space_temperature=SPACE_TEMPERATURE):
    """Effective sink temperature of a radiator panel from its absorbed environmental load.

    Parameters
    ----------
    absorbed_flux : float or array [W/m^2]
        Environmental load absorbed per unit panel (planform) area, summed over the
        radiating faces, >= 0 (``environmental_flux(...).total``).
    emissivity : float or array [-]
        Infrared emittance of the radiating faces, in (0, 1].
    sides : 1 or 2, default 2
        Number of radiating faces.
    space_temperature : float or array [K], default 2.7255
        Temperature of deep space (cosmic microwave background, Fixsen 2009,
        measurement), >= 0.

    Returns
    -------
    float or array [K]
        :math:`T_s = \\big(q_{abs}/(n\\,\\varepsilon\\,\\sigma) + T_{space}^4\\big)^{1/4}`,
        the temperature the panel would reach with no internal dissipation.  With it the
        net heat rejected by a panel at temperature T is exactly
        :math:`Q = n\\,\\varepsilon\\,\\sigma\\,A\\,(T^4 - T_s^4)`.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 (effective
       sink temperature).
    """
    q = _nonneg("absorbed_flux", absorbed_flux, "an absorbed flux is non-negative")
    eps = _optical("emissivity", emissivity)
    n = _sides(sides)
    t0 = _nonneg("space_temperature", space_temperature, "absolute temperature cannot be negative")
    return _out(_sink(q, eps, n, t0))


# ---------------------------------------------------------------------------------------
# radiator balance
# ---------------------------------------------------------------------------------------


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


@accepts(heat="W", temperature="K", sink_temperature="K")
def radiator_area(heat, temperature, emissivity, sink_temperature=SPACE_TEMPERATURE, sides=2, fin_efficiency=1.0):
    """Radiator planform area that rejects a heat load at a given temperature.

    Parameters
    ----------
    heat : float or array [W]
        Heat to reject, > 0.
    temperature : float or array [K]
        Radiator (fin-root) temperature, > sink temperature.
    emissivity : float or array [-]
        Infrared emittance of the radiating faces, in (0, 1].
    sink_temperature : float or array [K], default 2.7255
        Effective sink temperature (:func:`sink_temperature`; default: deep space).
    sides : 1 or 2, default 2
        Radiating faces per panel.
    fin_efficiency : float or array [-], default 1
        Ratio of the heat a real fin rejects to that of an isothermal fin at the root
        temperature, in (0, 1] (typically 0.8-0.95 for heat-pipe and fluid-loop panels,
        Gilmore [2]_ ch. 6).

    Returns
    -------
    float or array [m^2]
        .. math:: A = \\frac{Q}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,(T^4 - T_s^4)}

    Raises
    ------
    ScenarioError
        heat <= 0, emissivity outside (0, 1], radiator at or below the sink temperature,
        sides not 1 or 2, fin efficiency outside (0, 1].

    Examples
    --------
    One square metre of black surface at 300 K facing deep space emits 459.3 W:

    >>> round(radiator_area(459.3, 300.0, 1.0, sink_temperature=0.0, sides=1), 4)
    1.0

    References
    ----------
    .. [1] Incropera et al. (2007), Fundamentals of Heat and Mass Transfer, 6th ed., ch. 12.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6.
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    t = _positive("temperature", temperature, "absolute temperature must be positive")
    ok = t > ts
    if not _all(ok):
        require(
            ok,
            "temperature",
            temperature,
            "above the sink temperature",
            "a radiator at or below its sink temperature cannot reject heat (use a heat pump to raise it)",
        )
    return _out(q / (n * eps * SIGMA_SB * eta * _fourth_power_difference(t, ts)))


@accepts(heat="W", area="m^2", sink_temperature="K")
def equilibrium_temperature(heat, area, emissivity, sink_temperature=SPACE_TEMPERATURE, sides=2, fin_efficiency=1.0):
    """Temperature at which a radiator of given area rejects a heat load (exact inverse).

    Parameters
    ----------
    heat : float or array [W]
        Heat to reject, > 0.
    area : float or array [m^2]
        Radiator planform area, > 0.
    emissivity, sink_temperature, sides, fin_efficiency
        As in :func:`radiator_area`. Environmental loads are folded into the effective
        sink temperature (:func:`sink_temperature`).

    Returns
    -------
    float or array [K]
        The real positive root of the quartic balance, in closed form:

        .. math:: T = \\Big(\\frac{Q}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,A} + T_s^4\\Big)^{1/4}

    References
    ----------
    .. [1] Incropera et al. (2007), Fundamentals of Heat and Mass Transfer, 6th ed., ch. 12.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6.
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    a = _positive("area", area, "a radiator has a positive area")
    return _out((q / (n * eps * SIGMA_SB * eta * a) + ts**4) ** 0.25)


@accepts(area="m^2", areal_density="kg/m^2")
def radiator_mass(area, areal_density=RADIATOR_AREAL_DENSITY):
    """Radiator mass from its planform area and areal density.

    Parameters
    ----------
    area : float or array [m^2]
        Radiator planform area, >= 0.
    areal_density : float or array [kg/m^2], default 7.0
        Mass per planform area including panels, heat pipes or fluid lines, manifolds and
        deployment hardware, > 0. Default :data:`RADIATOR_AREAL_DENSITY` (conventional
        heat-pipe radiator, 7 kg/m2, vendor figure).

    Returns
    -------
    float or array [kg]
        :math:`m = \\rho_A A`.

    Notes
    -----
    Launch volume: deployable panels stow folded against the bus; a stack of panels of
    thickness t occupies about ``A * t`` (a 25 mm honeycomb panel: 0.025 m3 per m2 of
    planform area), which the launch module may add to the payload volume.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 (deployable
       radiators).
    """
    a = _nonneg("area", area, "an area cannot be negative")
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    return _out(a * rho)


# ---------------------------------------------------------------------------------------
# chip-to-radiator stack and heat pump
# ---------------------------------------------------------------------------------------


@accepts(t_junction_max="K", cold_plate_drop="K", loop_drop="K", heat_exchanger_drop="K", other_drop="K")
def radiator_temperature_from_junction(
    t_junction_max, cold_plate_drop=25.0, loop_drop=10.0, heat_exchanger_drop=5.0, other_drop=0.0
):
    """Highest radiator (fin-root) temperature the chip junction limit allows.

    Parameters
    ----------
    t_junction_max : float or array [K]
        Maximum allowed chip junction temperature, > 0 (e.g. 358 K = 85 C).
    cold_plate_drop : float or array [K], default 25
        Junction to coolant: die, package, thermal interface and cold plate, >= 0.
        Assumption: 0.035 K/W x 700 W for a liquid-cooled data-centre accelerator.
    loop_drop : float or array [K], default 10
        Coolant temperature rise around the pumped loop (supply to return), >= 0.
        Assumption (ASHRAE liquid-cooling practice: 5-15 K rise).
    heat_exchanger_drop : float or array [K], default 5
        Approach temperature of the loop-to-radiator heat exchanger or heat-pipe
        evaporator, >= 0. Assumption.
    other_drop : float or array [K], default 0
        Any further drop (e.g. radiator transport), >= 0.

    Returns
    -------
    float or array [K]
        :math:`T_{rad} = T_{j,max} - \\sum \\Delta T_i` (> 0).

    Raises
    ------
    ScenarioError
        A negative drop, or drops that leave no positive radiator temperature.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 and 12
       (pumped fluid loops), ch. 14 (heat pipes).
    .. [2] ASHRAE TC 9.9 (2011), "Thermal Guidelines for Liquid-Cooled Data Processing
       Environments" (classes of facility supply water temperature).
    """
    tj = _positive("t_junction_max", t_junction_max, "absolute temperature must be positive")
    d1 = _nonneg("cold_plate_drop", cold_plate_drop, "heat flows from hot to cold, so each drop is >= 0")
    d2 = _nonneg("loop_drop", loop_drop, "heat flows from hot to cold, so each drop is >= 0")
    d3 = _nonneg("heat_exchanger_drop", heat_exchanger_drop, "heat flows from hot to cold, so each drop is >= 0")
    d4 = _nonneg("other_drop", other_drop, "heat flows from hot to cold, so each drop is >= 0")
    t = tj - (d1 + d2 + d3 + d4)
    ok = t > 0
    if not _all(ok):
        require(
            ok,
            "t_junction_max",
            np.broadcast_to(tj, t.shape),
            "greater than the sum of the stack drops",
            "the stack drops leave no positive radiator temperature",
        )
    return _out(t)


def _check_pump(t_cold, t_hot, f):
    tc = _positive("t_cold", t_cold, "absolute temperature must be positive")
    th = _positive("t_hot", t_hot, "absolute temperature must be positive")
    fc = _unit_interval("fraction_of_carnot", f, "no real heat pump beats the reversed Carnot cycle")
    return tc, th, fc


@accepts(t_cold="K", t_hot="K")
def heat_pump_cop(t_cold, t_hot, fraction_of_carnot=0.5):
    """Coefficient of performance (heat lifted per work) of a heat pump.

    Parameters
    ----------
    t_cold : float or array [K]
        Temperature at which heat is absorbed (the coolant loop), > 0.
    t_hot : float or array [K]
        Temperature at which heat is rejected (the radiator), > t_cold.
    fraction_of_carnot : float or array [-], default 0.5
        Second-law efficiency, in (0, 1]. Assumption: vapour-compression machines reach
        about 0.4-0.6 of the Carnot COP at moderate lift (Cengel & Boles [1]_ ch. 11).

    Returns
    -------
    float or array [-]
        .. math:: \\mathrm{COP} = f_C\\,\\frac{T_c}{T_h - T_c}

    Raises
    ------
    ScenarioError
        t_hot <= t_cold (no lift: the COP is unbounded), fraction outside (0, 1].

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed.,
       section 6-11 (COP of the reversed Carnot cycle), ch. 11.
    """
    tc, th, fc = _check_pump(t_cold, t_hot, fraction_of_carnot)
    ok = th > tc
    if not _all(ok):
        require(
            ok,
            "t_hot",
            t_hot,
            "above t_cold",
            "a heat pump lifts heat to a hotter sink; with no lift its COP is unbounded",
        )
    return _out(fc * tc / (th - tc))


@accepts(heat="W", t_cold="K", t_hot="K")
def heat_pump_power(heat, t_cold, t_hot, fraction_of_carnot=0.5):
    """Electrical power a heat pump needs to lift a heat load from t_cold to t_hot.

    Parameters
    ----------
    heat : float or array [W]
        Heat absorbed at the cold side, > 0.
    t_cold : float or array [K]
        Cold-side temperature, > 0.
    t_hot : float or array [K]
        Hot-side (radiator) temperature, >= t_cold (equal: no heat pump, zero power).
    fraction_of_carnot : float or array [-], default 0.5
        As in :func:`heat_pump_cop`.

    Returns
    -------
    float or array [W]
        .. math:: W = \\frac{Q}{\\mathrm{COP}} = \\frac{Q\\,(T_h - T_c)}{f_C\\,T_c}

        The radiator then rejects :math:`Q + W`.

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed., 6-11.
    """
    q = _positive("heat", heat, "a heat pump is sized for a positive heat load")
    tc, th, fc = _check_pump(t_cold, t_hot, fraction_of_carnot)
    ok = th >= tc
    if not _all(ok):
        require(ok, "t_hot", t_hot, "at or above t_cold", "a heat pump raises the temperature of the heat it moves")
    return _out(q * (th - tc) / (fc * tc))


class HeatPumpOptimum(NamedTuple):
    """Result of :func:`optimal_radiator_temperature` (all SI)."""

    radiator_temperature: Any
    """Radiator temperature at minimum total mass [K]."""
    lift: Any
    """Temperature lift of the heat pump, radiator minus loop temperature (0: no pump) [K]."""
    power: Any
    """Heat-pump electrical power [W]."""
    heat_rejected: Any
    """Heat the radiator rejects, load plus pump power [W]."""
    area: Any
    """Radiator planform area [m^2]."""
    radiator_mass: Any
    """Radiator mass [kg]."""
    power_mass: Any
    """Marginal power-system mass for the pump power [kg]."""
    total_mass: Any
    """Radiator plus marginal power-system mass [kg]."""


_GRID = 16  # coarse grid points over the admissible radiator temperatures
_GOLDEN_ITER = 20  # golden-section refinements inside the bracketing grid cells
_INV_PHI = (math.sqrt(5.0) - 1.0) / 2.0
_BLOCK = 16384  # scenarios per block of the vectorised search (fits the CPU cache)


def _scalar_where(cond, x, y):
    return x if cond else y


def _optimum_core(tc, ts, c, rho, k, f, max_lift, where, minimum, maximum):
    """Grid + golden-section search for the mass-optimal radiator temperature.

    Written once for numpy arrays (``where=np.where, minimum=np.minimum, ...``) and for
    Python floats (``_scalar_where, min, max``), so that one scenario avoids numpy's
    per-call overhead.  Returns ``(t_opt, total mass per watt of load)``.
    """
    inv = 1.0 / (f * tc)  # pump power per watt of load, per kelvin of lift
    r = rho / c
    ts4 = (ts * ts) * (ts * ts)

    def mass(t):  # radiator + power-system mass per watt of load
        # t >= ts + 1e-6 (hi - ts), so t^4 - ts^4 keeps >= 9 significant digits here
        x = (t - tc) * inv
        t2 = t * t
        return r * (1.0 + x) / (t2 * t2 - ts4) + k * x

    hi = tc + max_lift
    lo = maximum(tc, ts + 1e-6 * (hi - ts))  # the loop itself, or just above the sink
    step = (hi - lo) / (_GRID - 1)
    m_lo = mass(lo)
    m_hi = mass(hi)
    best_m = m_lo
    best_j = 0.0 * lo
    for j in range(1, _GRID - 1):
        m = mass(lo + j * step)
        better = m < best_m
        best_m = where(better, m, best_m)
        best_j = where(better, float(j), best_j)
    better = m_hi < best_m
    best_m = where(better, m_hi, best_m)
    best_j = where(better, float(_GRID - 1), best_j)
    # golden-section search inside the cells either side of the best grid point
    a = lo + maximum(best_j - 1.0, 0.0) * step
    b = lo + minimum(best_j + 1.0, _GRID - 1.0) * step
    x1 = b - _INV_PHI * (b - a)
    x2 = a + _INV_PHI * (b - a)
    m1 = mass(x1)
    m2 = mass(x2)
    for _ in range(_GOLDEN_ITER):
        left = m1 < m2  # minimum in [a, x2] (else in [x1, b])
        a = where(left, a, x1)
        b = where(left, x2, b)
        x_new = where(left, b - _INV_PHI * (b - a), a + _INV_PHI * (b - a))
        m_new = mass(x_new)
        x1, m1, x2, m2 = (
            where(left, x_new, x2),
            where(left, m_new, m2),
            where(left, x1, x_new),
            where(left, m1, m_new),
        )
    left = m1 < m2
    t_opt = where(left, x1, x2)
    m_opt = minimum(m1, m2)
    # the grid's best point and the interval ends compete too ("no pump" returned exactly)
    t_opt = where(best_m < m_opt, lo + best_j * step, t_opt)
    m_opt = minimum(best_m, m_opt)
    t_opt = where(m_lo <= m_opt, lo, t_opt)
    m_opt = minimum(m_lo, m_opt)
    return t_opt, m_opt


def _optimum(q, tc, ts, c, rho, k, f, max_lift):
    """Kernel of :func:`optimal_radiator_temperature` (no checks; arrays broadcast)."""
    vals = (tc, ts, c, rho, k, f, max_lift)
    if all(np.ndim(v) == 0 for v in vals):
        t_opt, _ = _optimum_core(*(float(v) for v in vals), _scalar_where, min, max)
    else:
        arrs = [
            np.ascontiguousarray(a).ravel() for a in np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in vals))
        ]
        shape = np.broadcast_shapes(*(np.shape(v) for v in vals))
        t_opt = np.empty(arrs[0].size)
        # cache-sized blocks: the ~40 passes of the search then run from cache, not memory
        for i in range(0, t_opt.size, _BLOCK):
            blk = slice(i, i + _BLOCK)
            t_opt[blk] = _optimum_core(*(a[blk] for a in arrs), np.where, np.minimum, np.maximum)[0]
        t_opt = t_opt.reshape(shape)
        tc, ts, c, rho, k, f = (a.reshape(shape) for a in arrs[:6])
    w = q * (t_opt - tc) / (f * tc)
    q_rej = q + w
    area = q_rej / (c * _fourth_power_difference(t_opt, ts))
    m_rad = rho * area
    m_pow = k * w
    return HeatPumpOptimum(t_opt, t_opt - tc, w, q_rej, area, m_rad, m_pow, m_rad + m_pow)


@accepts(heat="W", t_cold="K", sink_temperature="K", areal_density="kg/m^2", power_mass_per_watt="kg/W", max_lift="K")
def optimal_radiator_temperature(
    heat,
    t_cold,
    emissivity,
    sink_temperature,
    areal_density,
    power_mass_per_watt,
    fraction_of_carnot=0.5,
    sides=2,
    fin_efficiency=1.0,
    max_lift=100.0,
):
    """Radiator temperature (heat-pump lift) that minimises radiator plus power-system mass.

    A heat pump between the coolant loop (``t_cold``) and the radiator raises the radiator
    temperature, shrinking it as :math:`T^{-4}`, at the price of electrical power that the
    power system must supply and the radiator must also reject.

    Parameters
    ----------
    heat : float or array [W]
        Heat load collected by the coolant loop, > 0.
    t_cold : float or array [K]
        Loop temperature available at the radiator without a pump
        (:func:`radiator_temperature_from_junction`), > 0.
    emissivity : float or array [-]
        Radiator emittance, in (0, 1].
    sink_temperature : float or array [K]
        Effective sink temperature, >= 0.
    areal_density : float or array [kg/m^2]
        Radiator mass per planform area, > 0.
    power_mass_per_watt : float or array [kg/W]
        Marginal power-system mass (array, battery, conditioning) per extra watt of
        electrical load, >= 0.
    fraction_of_carnot : float or array [-], default 0.5
        Heat-pump second-law efficiency, in (0, 1].
    sides, fin_efficiency
        As in :func:`radiator_area`.
    max_lift : float or array [K], default 100
        Largest lift considered, > 0 (assumption: working-fluid and compressor limits of a
        single-stage machine).

    Returns
    -------
    HeatPumpOptimum
        ``(radiator_temperature, lift, power, heat_rejected, area, radiator_mass,
        power_mass, total_mass)``. ``lift == 0`` means a heat pump does not pay.

    Notes
    -----
    With :math:`x = (T - T_c)/(f_C T_c)` the pump power per watt of load and
    :math:`c = n\\varepsilon\\sigma\\eta_f`, the mass to minimise over
    :math:`T \\in [\\max(T_c, T_s^+),\\, T_c + \\Delta T_{max}]` is

    .. math:: m(T) = Q\\Big[\\frac{\\rho_A (1 + x)}{c\\,(T^4 - T_s^4)} + k\\,x\\Big]

    (linear in Q, so the optimum temperature does not depend on the load).  It is found,
    element-wise over arrays, by a coarse grid of 16 points followed by 20 golden-section
    steps inside the best grid cell (temperature to about 1e-3 K), and compared with both
    interval ends so that "no pump" is returned exactly when it is best.  Arrays are
    processed in cache-sized blocks of 16384 scenarios, each block fully vectorised.  When
    the loop is at or below the sink (:math:`T_c \\le T_s`) a pump is required and the
    search starts just above the sink.

    Raises
    ------
    ScenarioError
        Bad inputs as in :func:`radiator_area` and :func:`heat_pump_cop`; a maximum lift
        that cannot bring the radiator above its sink.

    References
    ----------
    .. [1] Cengel & Boles (2015), Thermodynamics: An Engineering Approach, 8th ed., 6-11.
    .. [2] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 6 and 13
       (heat pumps for radiator temperature lift).
    """
    q, eps, ts, n, eta = _check_radiator(heat, emissivity, sink_temperature, sides, fin_efficiency)
    tc = _positive("t_cold", t_cold, "absolute temperature must be positive")
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    k = _nonneg("power_mass_per_watt", power_mass_per_watt, "power-system mass cannot fall with load")
    fc = _unit_interval("fraction_of_carnot", fraction_of_carnot, "no real heat pump beats the reversed Carnot cycle")
    lift = _positive("max_lift", max_lift, "the search needs a positive range of lifts")
    ok = tc + lift > ts * (1.0 + 1e-6)
    if not _all(ok):
        require(
            ok,
            "max_lift",
            np.broadcast_to(lift, np.broadcast_shapes(lift.shape, ok.shape)),
            "enough to raise the radiator above its sink temperature",
            "a radiator at or below its sink cannot reject heat",
        )
    res = _optimum(q, tc, ts, n * eps * SIGMA_SB * eta, rho, k, fc, lift)
    shape = np.broadcast_shapes(*(np.shape(x) for x in res))
    return HeatPumpOptimum(*(_out(np.broadcast_to(x, shape)) for x in res))


# ---------------------------------------------------------------------------------------
# one-call sizing (the pipeline's thermal stage)
# ---------------------------------------------------------------------------------------


class ThermalSizing(NamedTuple):
    """Result of :func:`thermal_sizing` (all SI)."""

    view_factor: Any
    """Earth view factor of the front face [-]."""
    view_factor_back: Any
    """Earth view factor of the back face (0 if one-sided) [-]."""
    solar_flux: Any
    """Absorbed direct sunlight per panel area [W/m^2]."""
    albedo_flux: Any
    """Absorbed albedo per panel area [W/m^2]."""
    earth_ir_flux: Any
    """Absorbed Earth IR per panel area [W/m^2]."""
    absorbed_flux: Any
    """Total absorbed environmental flux per panel area [W/m^2]."""
    sink_temperature: Any
    """Effective sink temperature [K]."""
    loop_temperature: Any
    """Radiator temperature the junction limit allows without a heat pump [K]."""
    radiator_temperature: Any
    """Radiator (fin-root) temperature used for sizing [K]."""
    heat_pump_power: Any
    """Heat-pump electrical power (0 without pump) [W]."""
    heat_rejected: Any
    """Heat the radiator rejects, load plus pump power [W]."""
    area: Any
    """Radiator planform area [m^2]."""
    mass: Any
    """Radiator mass [kg]."""
    environmental_load: Any
    """Environmental power absorbed by the whole radiator, area times absorbed flux [W]."""


_PUMP_MODES = ("none", "optimal", "fixed")


@accepts(
    heat="W",
    altitude="m",
    beta="rad",
    t_junction_max="K",
    tilt="rad",
    solar_incidence="rad",
    irradiance="W/m^2",
    earth_ir="W/m^2",
    cold_plate_drop="K",
    loop_drop="K",
    heat_exchanger_drop="K",
    areal_density="kg/m^2",
    heat_pump_lift="K",
    power_mass_per_watt="kg/W",
    max_lift="K",
)
def thermal_sizing(
    heat,
    altitude,
    beta,
    eclipse_fraction,
    t_junction_max,
    emissivity=RADIATOR_EMISSIVITY,
    absorptivity=RADIATOR_ABSORPTIVITY,
    sides=2,
    fin_efficiency=0.9,
    areal_density=RADIATOR_AREAL_DENSITY,
    tilt=_HALF_PI,
    solar_incidence=_HALF_PI,
    irradiance=SOLAR_CONSTANT,
    albedo=ALBEDO,
    earth_ir=EARTH_IR,
    cold_plate_drop=25.0,
    loop_drop=10.0,
    heat_exchanger_drop=5.0,
    case="orbit_average",
    heat_pump="none",
    heat_pump_lift=0.0,
    fraction_of_carnot=0.5,
    power_mass_per_watt=0.01,
    max_lift=100.0,
):
    """Size a radiator for a heat load in orbit: loads, sink, temperature, area and mass.

    The whole thermal stage in one vectorised call: Earth view factors, absorbed sunlight,
    albedo and Earth IR (orbit-averaged or peak), effective sink temperature, radiator
    temperature from the junction limit and stack drops (optionally raised by a heat pump),
    radiator area and mass.

    Parameters
    ----------
    heat : float or array [W]
        Heat collected by the coolant loop (payload waste heat plus bus dissipation), > 0.
    altitude : float or array [m]
        Orbit altitude, > 0.
    beta : float or array [rad]
        Sun beta angle of the design orbit, [-pi/2, pi/2].
    eclipse_fraction : float or array [-]
        Eclipse fraction of the design orbit, [0, 1).
    t_junction_max : float or array [K]
        Chip junction temperature limit, > 0.
    emissivity, absorptivity : float or array [-], defaults 0.91, 0.15
        Radiator surface (AZ-93 white paint, vendor figures).
    sides : 1 or 2, default 2
        Radiating faces.
    fin_efficiency : float or array [-], default 0.9
        Fin efficiency (assumption; 0.8-0.95 typical, Gilmore ch. 6).
    areal_density : float or array [kg/m^2], default 7.0
        Radiator mass per planform area (:data:`RADIATOR_AREAL_DENSITY`).
    tilt, solar_incidence : float or array [rad], default pi/2 each
        Radiator orientation: edge-on to the Earth and to the Sun.
    irradiance, albedo, earth_ir
        Environment (defaults 1361 W/m2, 0.30, 237 W/m2; see :func:`environmental_flux`).
    cold_plate_drop, loop_drop, heat_exchanger_drop : float or array [K]
        Stack drops (:func:`radiator_temperature_from_junction`).
    case : {"orbit_average", "peak"}
        Environmental averaging (:func:`environmental_flux`).
    heat_pump : {"none", "optimal", "fixed"}
        No pump; the mass-optimal lift (:func:`optimal_radiator_temperature`); or a fixed
        lift ``heat_pump_lift``.
    heat_pump_lift : float or array [K], default 0
        Lift used when ``heat_pump == "fixed"``, >= 0.
    fraction_of_carnot : float or array [-], default 0.5
        Heat-pump second-law efficiency.
    power_mass_per_watt : float or array [kg/W], default 0.01
        Marginal mass per watt of pump power, power system plus pump hardware (used by
        ``"optimal"``; assumption: about 100 W/kg arrays without eclipse battery).
    max_lift : float or array [K], default 100
        Upper bound of the lift search (``"optimal"``).

    Returns
    -------
    ThermalSizing
        Fluxes in W/m^2 of panel area, temperatures in K, powers in W, area in m^2, mass in
        kg (see the field docs).

    Notes
    -----
    .. math::
       T_s = \\Big(\\frac{q_{abs}}{n\\varepsilon\\sigma} + T_{space}^4\\Big)^{1/4},\\quad
       T_c = T_{j,max} - \\sum\\Delta T,\\quad
       A = \\frac{Q + W}{n\\,\\varepsilon\\,\\sigma\\,\\eta_f\\,(T_r^4 - T_s^4)},\\quad
       W = \\frac{Q (T_r - T_c)}{f_C T_c}

    Sizing on orbit-average loads assumes the radiator and loop have enough thermal
    capacitance to ride through one orbit's variation (a ~90-minute period); use
    ``case="peak"`` for the steady-state hot-case bound.

    Raises
    ------
    ScenarioError
        Any bad input (see the building blocks), or a loop temperature at or below the sink
        without a heat pump.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 and 6.
    .. [2] Howell, configuration-factor catalogue, B-12.
    .. [3] Cengel & Boles (2015), Thermodynamics, 8th ed., 6-11.
    """
    q = _positive("heat", heat, "a radiator is sized for a positive heat load")
    h = _positive("altitude", altitude, "the radiator must be above the Earth's surface")
    b = _angle(
        "beta",
        beta,
        _HALF_PI,
        "90 deg",
        "the Sun's angle to the orbit plane lies in -90..90 deg",
        lo=-_HALF_PI,
        lo_text="-90 deg",
    )
    ecl = _unit_interval(
        "eclipse_fraction",
        eclipse_fraction,
        "a circular orbit spends less than all of its time in the Earth's shadow",
        lo_open=False,
        hi_open=True,
    )
    tj = _positive("t_junction_max", t_junction_max, "absolute temperature must be positive")
    eps = _optical("emissivity", emissivity)
    alpha = _optical("absorptivity", absorptivity)
    n = _sides(sides)
    eta = _unit_interval(
        "fin_efficiency",
        fin_efficiency,
        "a fin rejects between nothing (0, excluded) and as much as an isothermal fin (1)",
    )
    rho = _positive("areal_density", areal_density, "a radiator has positive mass per area")
    lam = _angle("tilt", tilt, _PI, "180 deg", "the angle between a plate normal and nadir lies in 0..180 deg")
    inc = _angle(
        "solar_incidence", solar_incidence, _PI, "180 deg", "an angle between two directions lies in 0..180 deg"
    )
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    e_ir = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    drops = (
        _nonneg("cold_plate_drop", cold_plate_drop, "heat flows from hot to cold, so each drop is >= 0")
        + _nonneg("loop_drop", loop_drop, "heat flows from hot to cold, so each drop is >= 0")
        + _nonneg("heat_exchanger_drop", heat_exchanger_drop, "heat flows from hot to cold, so each drop is >= 0")
    )
    if case not in _CASES:
        raise ScenarioError("case", case, "one of 'orbit_average', 'peak'", "unknown averaging case")
    if heat_pump not in _PUMP_MODES:
        raise ScenarioError("heat_pump", heat_pump, "one of 'none', 'optimal', 'fixed'", "unknown heat-pump mode")

    tc = tj - drops
    ok = tc > 0
    if not _all(ok):
        require(
            ok,
            "t_junction_max",
            np.broadcast_to(tj, tc.shape),
            "greater than the sum of the stack drops",
            "the stack drops leave no positive radiator temperature",
        )
    env = _environment(h, lam, b, ecl, alpha, eps, n, inc, s, a, e_ir, case, R_EARTH)
    ts = _sink(env.total, eps, n, SPACE_TEMPERATURE)
    c = n * eps * SIGMA_SB * eta

    if heat_pump == "optimal":
        fc = _unit_interval(
            "fraction_of_carnot", fraction_of_carnot, "no real heat pump beats the reversed Carnot cycle"
        )
        k = _nonneg("power_mass_per_watt", power_mass_per_watt, "power-system mass cannot fall with load")
        ml = _positive("max_lift", max_lift, "the search needs a positive range of lifts")
        ok = tc + ml > ts * (1.0 + 1e-6)
        if not _all(ok):
            require(
                ok,
                "max_lift",
                np.broadcast_to(ml, np.shape(ok)),
                "enough to raise the radiator above its sink",
                "even the largest lift leaves the radiator at or below its sink temperature",
            )
        opt = _optimum(q, tc, ts, c, rho, k, fc, ml)
        t_rad, w, q_rej, area = opt.radiator_temperature, opt.power, opt.heat_rejected, opt.area
    else:
        if heat_pump == "fixed":
            fc = _unit_interval(
                "fraction_of_carnot", fraction_of_carnot, "no real heat pump beats the reversed Carnot cycle"
            )
            lift = _nonneg("heat_pump_lift", heat_pump_lift, "a heat pump raises the temperature")
            t_rad = tc + lift
            w = q * lift / (fc * tc)
        else:
            t_rad = tc
            w = np.zeros(np.shape(q))
        ok = t_rad > ts
        if not _all(ok):
            shape = np.shape(ok)
            bad = ~ok
            t_bad = float(first_bad(np.broadcast_to(t_rad, shape), bad))
            ts_bad = float(first_bad(np.broadcast_to(ts, shape), bad))
            raise ScenarioError(
                "t_junction_max",
                float(first_bad(np.broadcast_to(tj, shape), bad)),
                f"high enough that the radiator ({t_bad:.1f} K) is warmer than its sink ({ts_bad:.1f} K)",
                "a radiator at or below its sink temperature cannot reject heat: raise the junction limit, "
                "lower the stack drops, change the orientation or coating, or use a heat pump",
            )
        q_rej = q + w
        area = q_rej / (c * _fourth_power_difference(t_rad, ts))
    shape = np.broadcast_shapes(*(np.shape(x) for x in (area, env.total, tc, w, rho)))

    def o(x):
        return _out(np.broadcast_to(x, shape)) if shape else _out(x)

    return ThermalSizing(
        o(env.view_factor),
        o(env.view_factor_back),
        o(env.solar),
        o(env.albedo),
        o(env.earth_ir),
        o(env.total),
        o(ts),
        o(tc),
        o(t_rad),
        o(w),
        o(q_rej),
        o(area),
        o(rho * area),
        o(area * env.total),
    )


# ---------------------------------------------------------------------------------------
# solar array temperature
# ---------------------------------------------------------------------------------------


@accepts(irradiance="W/m^2", earth_ir="W/m^2", incidence="rad", space_temperature="K")
def solar_cell_temperature(
    irradiance,
    absorptivity_front=0.91,
    emissivity_front=0.85,
    emissivity_back=0.80,
    efficiency=0.28,
    earth_ir=EARTH_IR,
    albedo=ALBEDO,
    view_factor=0.0,
    view_factor_back=0.0,
    incidence=0.0,
    albedo_factor=1.0,
    absorptivity_back=None,
    space_temperature=SPACE_TEMPERATURE,
):
    """Steady-state temperature of a thin solar-array panel from its own energy balance.

    The front (cell) face absorbs sunlight, albedo and Earth IR; the back face absorbs
    albedo and Earth IR; both faces radiate; the electrical output leaves the panel as
    power. The panel is taken as isothermal through its thickness (thin panel).

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance, >= 0 (0 in eclipse).
    absorptivity_front : float or array [-], default 0.91
        Solar absorptance of the cell face, in (0, 1]. Triple-junction cells under
        ceria-doped coverglass: 0.88-0.92 (Gilmore (2002) Appendix A; vendor data).
        Kind: vendor.
    emissivity_front : float or array [-], default 0.85
        Infrared emittance of the coverglass, in (0, 1] (0.85-0.89, same sources).
        Kind: vendor.
    emissivity_back : float or array [-], default 0.80
        Infrared emittance of the panel back (graphite-epoxy or black Kapton, 0.80-0.88).
        Kind: vendor.
    efficiency : float or array [-], default 0.28
        Fraction of the irradiance normal to the panel that leaves as electrical power
        (cell efficiency at operating temperature times packing factor), in [0, 1) and
        below ``absorptivity_front``. Default: a 30 % (28 C, BOL) triple-junction cell
        derated to about 60 C; assumption.
    earth_ir : float or array [W/m^2], default 237
        Earth's outgoing long-wave flux, >= 0.
    albedo : float or array [-], default 0.30
        Earth albedo, [0, 1].
    view_factor, view_factor_back : float or array [-], default 0
        Earth view factors of the front and back faces, [0, 1] (:func:`earth_view_factor`;
        a Sun-pointing array at the sub-solar point has its back facing the Earth, in a
        dawn-dusk orbit both faces are near edge-on).
    incidence : float or array [rad], default 0
        Angle between the panel normal and the Sun, [0, pi/2] (Sun-pointing: 0).
    albedo_factor : float or array [-], default 1
        Cosine of the Sun's zenith at the sub-satellite point (or its average), [0, 1].
    absorptivity_back : float or array [-], optional
        Solar absorptance of the back face for albedo, in (0, 1]; default equal to
        ``emissivity_back`` (a gray back surface).
    space_temperature : float or array [K], default 2.7255
        Deep-space background.

    Returns
    -------
    float or array [K]
        .. math::
           T = \\Big(\\frac{\\alpha_f S\\cos i + S a \\phi(\\alpha_f F_f + \\alpha_b F_b)
                + E_{IR}(\\varepsilon_f F_f + \\varepsilon_b F_b) - \\eta S \\cos i}
                {(\\varepsilon_f + \\varepsilon_b)\\,\\sigma} + T_{space}^4\\Big)^{1/4}

    Raises
    ------
    ScenarioError
        Optical properties outside (0, 1], efficiency at or above the front absorptance
        (the panel cannot deliver more power than it absorbs), angles out of range.

    References
    ----------
    .. [1] Gilmore (2002), Spacecraft Thermal Control Handbook Vol. I, ch. 2 and
       Appendix A (optical properties).
    .. [2] Patel, M. R. (2005), Spacecraft Power Systems, CRC Press, ch. 4 (array
       temperature balance).
    .. [3] Landis, G. A. (1994), "Review of solar cell temperature coefficients for
       space", Proc. SPRAT XIII, NASA Lewis Research Center (NTRS 19950014125): operating
       temperatures in Earth orbit range from about 20 C to 85 C.
    """
    s = _nonneg("irradiance", irradiance, "irradiance is a non-negative energy flux")
    af = _optical("absorptivity_front", absorptivity_front)
    ef = _optical("emissivity_front", emissivity_front)
    eb = _optical("emissivity_back", emissivity_back)
    ab = eb if absorptivity_back is None else _optical("absorptivity_back", absorptivity_back)
    eff = _unit_interval(
        "efficiency", efficiency, "a conversion efficiency lies in [0, 1)", lo_open=False, hi_open=True
    )
    ok = eff < af
    if not _all(ok):
        require(
            ok,
            "efficiency",
            np.broadcast_to(eff, np.broadcast_shapes(eff.shape, ok.shape)),
            "below absorptivity_front",
            "a panel cannot deliver more electrical power than the sunlight it absorbs",
        )
    e_ir = _nonneg("earth_ir", earth_ir, "an emitted flux is non-negative")
    a = _unit_interval("albedo", albedo, "a planet reflects between none and all of the incident light", lo_open=False)
    ff = _unit_interval("view_factor", view_factor, "a view factor is a fraction", lo_open=False)
    fb = _unit_interval("view_factor_back", view_factor_back, "a view factor is a fraction", lo_open=False)
    inc = _angle("incidence", incidence, _HALF_PI, "90 deg", "a sunlit cell face has incidence 0..90 deg")
    phi = _unit_interval(
        "albedo_factor", albedo_factor, "the cosine of a zenith angle on the lit side lies in 0..1", lo_open=False
    )
    t0 = _nonneg("space_temperature", space_temperature, "absolute temperature cannot be negative")
    s_n = s * np.cos(inc)
    absorbed = af * s_n + s * a * phi * (af * ff + ab * fb) + e_ir * (ef * ff + eb * fb)
    net = absorbed - eff * s_n  # >= (af - eff) * s_n >= 0
    return _out((net / ((ef + eb) * SIGMA_SB) + t0**4) ** 0.25)
