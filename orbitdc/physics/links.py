"""Communication links of an orbital data centre: RF link budgets, optical ISLs, latency.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios, no I/O).  Pint quantities and unit strings are accepted at the surface through
:func:`orbitdc.units.accepts`; bare numbers are SI (m, s, Hz, W, K, rad, bit/s).

Quantities that engineers book-keep in decibels (gains, losses, EIRP, G/T, C/N0, Es/N0,
margins) are returned in dB (dBi, dBW, dB/K, dBHz) as documented per function; every other
return value is SI.

Contents
--------
* Geometry: :func:`slant_range`, :func:`nadir_angle`, :func:`great_circle_distance`.
* RF budget: :func:`free_space_path_loss`, :func:`antenna_gain` (reflector),
  :func:`phased_array_gain` (with cos^x scan loss), :func:`eirp`,
  :func:`noise_temperature_from_noise_figure`, :func:`sky_noise_temperature`,
  :func:`system_noise_temperature`, :func:`g_over_t`, :func:`carrier_to_noise_density`,
  :func:`es_over_n0`, :func:`eb_over_n0`, :func:`symbol_rate`, :func:`required_es_n0`,
  :func:`spectral_efficiency` (DVB-S2X, :mod:`orbitdc.physics.dvbs2x`),
  :func:`shannon_capacity`, :func:`link_margin`, :func:`rf_link_budget`.
* Atmosphere: :func:`atmospheric_loss`, a cached wrapper over the ``itur`` package
  (ITU-R P.618 / P.676 / P.840 / P.837 / P.838 / P.839 / P.453 / P.1511).
* Optical ISL: :func:`photon_energy`, :func:`gaussian_beam_divergence`,
  :func:`optical_antenna_gain`, :func:`optical_pointing_loss`,
  :func:`optical_received_power`, :func:`optical_required_power`,
  :func:`optical_link_margin`, :func:`optical_achievable_rate`.
* Latency: :func:`propagation_delay`, :func:`fibre_latency`,
  :func:`satellite_route_latency`.
* Inference traffic: :func:`link_limited_request_rate`.

References (used throughout)
----------------------------
.. [MB] Maral, G., Bousquet, M. and Sun, Z. (2020), "Satellite Communications Systems",
   6th ed., Wiley, ch. 5 (link budgets).
.. [PBA] Pratt, T., Bostian, C. and Allnutt, J. (2003), "Satellite Communications",
   2nd ed., Wiley, ch. 4 (link design).
.. [ITU618] ITU-R P.618-13 (2017), "Propagation data and prediction methods required for
   the design of Earth-space telecommunication systems".
.. [DVB] ETSI EN 302 307-1 V1.4.1 (2014) and EN 302 307-2 V1.1.1 (2015) (DVB-S2/S2X).
.. [KD] Klein, B. J. and Degnan, J. J. (1974), "Optical antenna gain. 1: Transmitting
   antennas", Applied Optics 13(9), 2134-2141.
.. [HEM] Hemmati, H. (ed.) (2006), "Deep Space Optical Communications", Wiley, ch. 4;
   and Kaushal, H. and Kaddoum, G. (2017), "Optical communication in space: challenges
   and mitigation techniques", IEEE Commun. Surveys Tuts. 19(1), 57-96.
"""
from __future__ import annotations

import bisect
import math
import warnings
from collections import OrderedDict
from typing import Any, NamedTuple

import numpy as np

from ..constants import C, H_PLANCK, K_B, R_EARTH, R_EARTH_MEAN
from ..errors import ScenarioError
from ..units import accepts
from ._checks import as_float as _arr, check as _require, finite, nonneg, out as _out, positive, unit_interval
from . import dvbs2x

__all__ = [
    "slant_range", "nadir_angle", "great_circle_distance",
    "free_space_path_loss", "antenna_gain", "phased_array_gain", "eirp",
    "noise_temperature_from_noise_figure", "sky_noise_temperature", "system_noise_temperature",
    "g_over_t", "carrier_to_noise_density", "es_over_n0", "eb_over_n0", "symbol_rate",
    "required_es_n0", "spectral_efficiency", "shannon_capacity", "shannon_spectral_efficiency",
    "link_margin", "rf_link_budget", "RFBudget",
    "atmospheric_loss", "AtmosphericLoss", "ITUR_FREQUENCY_RANGE", "ITUR_EXTRAPOLATION_LIMIT",
    "ITUR_EXCEEDANCE_RANGE", "ITUR_MIN_ELEVATION",
    "photon_energy", "gaussian_beam_divergence", "optical_antenna_gain", "optical_pointing_loss",
    "optical_received_power", "optical_required_power", "optical_link_margin",
    "optical_achievable_rate",
    "propagation_delay", "fibre_latency", "satellite_route_latency", "SatelliteRoute",
    "link_limited_request_rate",
    "FIBRE_GROUP_INDEX", "FIBRE_ROUTE_FACTOR", "SKY_MEDIUM_TEMPERATURE", "COSMIC_BACKGROUND",
    "T0",
]

# --------------------------------------------------------------------------------------
# Constants with provenance
# --------------------------------------------------------------------------------------
T0 = 290.0
"""Reference noise temperature [K] of the noise-figure definition. IEEE Std 161 / Friis
(1944). Kind: standard."""

SKY_MEDIUM_TEMPERATURE = 275.0
"""Effective physical temperature of an absorbing (rainy) atmosphere [K] for the sky-noise
increase T_mr (1 - 10^(-A/10)); ITU-R P.618-13 section 3 suggests 275 K when no local
data exist (also [MB] ch. 5). Kind: standard."""

COSMIC_BACKGROUND = 2.725
"""Cosmic microwave background temperature [K]. Fixsen (2009), ApJ 707, 916. Kind:
measurement."""

FIBRE_GROUP_INDEX = 1.4682
"""Group index of standard single-mode fibre at 1550 nm [-]. Corning SMF-28 Ultra optical
fiber product information sheet: effective group index of refraction 1.4682 at 1550 nm.
Kind: vendor."""

FIBRE_ROUTE_FACTOR = 1.5
"""Fibre route length over great-circle distance [-]. Bozkurt et al. (2018), "Dissecting
latency in the Internet's fiber infrastructure" (arXiv:1811.10737): shortest paths through
the US long-haul conduit map are 1.3x the great-circle distance (median), while measured
Internet latencies correspond to 2.1x. 1.5 is a mid value. Kind: assumption."""

ITUR_FREQUENCY_RANGE = (1e9, 55e9)
"""Frequencies [Hz] where the itur slant-path model is inside its stated validity. The
itur 0.4 docstrings of ``atmospheric_attenuation_slant_path`` and ``rain_attenuation``
(ITU-R P.618-13 section 2.2.1.1) give "frequencies up to 55 GHz"; the rain specific
attenuation (P.838-3) starts at 1 GHz. Kind: standard."""

ITUR_EXTRAPOLATION_LIMIT = 100e9
"""Highest frequency [Hz] accepted with ``extrapolate=True`` (E band, 71-86 GHz). Between
55 and 100 GHz the components stay inside their own recommendations (P.676 gases to
350 GHz, P.840 clouds to 200 GHz, P.838 rain coefficients to 1000 GHz) but the P.618
path-reduction of rain attenuation is used beyond its 55 GHz fit. Kind: assumption."""

ITUR_EXCEEDANCE_RANGE = (1e-5, 5e-2)
"""Fraction of an average year [-] for which the attenuation is exceeded: 0.001 % to 5 %,
the range of the P.618-13 rain attenuation method (itur warns outside it). Kind: standard."""

ITUR_MIN_ELEVATION = math.radians(5.0)
"""Lowest elevation [rad] for the atmospheric model: the P.676 Annex 2 slant-path gas
method and the P.618 section 2.4.1 scintillation method are stated for elevations above
5 deg (itur 0.4 warns below). Kind: standard."""


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
    _require((v > 0) & (v <= math.pi / 2 + 1e-12), "elevation", v, "(0, 90] deg (0, pi/2] rad",
             "a satellite below the horizon is not in view; 90 deg is the zenith")
    return np.minimum(v, math.pi / 2)


def _db(x: np.ndarray) -> np.ndarray:
    return 10.0 * np.log10(x)


# --------------------------------------------------------------------------------------
# Unchecked kernels: the formulas of the public functions below, without input checks.
# The pipeline stage (orbitdc.sections.links) calls them on inputs whose bounds the
# scenario layer has checked, and checks the derived conditions itself.
# --------------------------------------------------------------------------------------
def _k_slant_range(h, el, r):
    ro = r + h
    return np.sqrt(ro**2 - (r * np.cos(el)) ** 2) - r * np.sin(el)


def _k_nadir_angle(h, el, r):
    return np.arcsin(r * np.cos(el) / (r + h))


def _k_fspl(d, f):
    return 20.0 * np.log10(4.0 * math.pi * d * f / C)


def _k_antenna_gain(d, f, eta):
    return _db(eta * (math.pi * d * f / C) ** 2)


def _k_phased_array_gain(a, f, eta, th, x):
    g = eta * 4 * math.pi * a * (f / C) ** 2 * np.cos(th) ** x
    return _db(g)


def _k_phased_array_gains(a, freqs, eta, th, x):
    """:func:`_k_phased_array_gain` at several frequencies, sharing the aperture and scan terms."""
    base = eta * 4 * math.pi * a
    scan = np.cos(th) ** x
    return [_db(base * (f / C) ** 2 * scan) for f in freqs]


def _k_noise_temperature_from_noise_figure(nf):
    return T0 * (10.0 ** (nf / 10.0) - 1.0)


def _k_sky_noise_temperature(a, tm=SKY_MEDIUM_TEMPERATURE, tb=COSMIC_BACKGROUND):
    t = 10.0 ** (-a / 10.0)
    return tm * (1.0 - t) + tb * t


def _k_system_noise_temperature(ta, tr, lf=0.0, tf=T0):
    inv = 10.0 ** (-lf / 10.0)
    return ta * inv + tf * (1.0 - inv) + tr


def _k_rf_link_budget(h, el, f, b, pt, gtx, grx, tsys, atm, other, rolloff, m, il, r, common=None):
    """:func:`rf_link_budget` without input checks (``el`` already clipped to pi/2).

    ``common``: :func:`_k_rf_common` of (h, el, b, rolloff, r), shared by the two directions
    of a link.
    """
    d, rs, db_rs, db_occ = common if common is not None else _k_rf_common(h, el, b, rolloff, r)
    lfs = _k_fspl(d, f)
    e = _db(pt) + gtx - 0.0
    gt = grx - _db(tsys)
    cn0 = e - lfs - (atm + other) + gt - _K_DB
    esn0 = cn0 - db_rs
    choice = _best_modcod(esn0, m, il)
    margin = np.asarray(esn0) - choice.required_es_n0 - il
    cap = choice.efficiency * rs
    snr_db = np.asarray(esn0) + db_occ  # C/N in the occupied bandwidth
    shannon = b * np.log2(1.0 + 10.0 ** (snr_db / 10.0))
    return RFBudget(d, lfs, e, gt, cn0, rs, esn0, choice.index, choice.efficiency,
                    choice.required_es_n0, margin, cap, shannon)


def _k_rf_common(h, el, b, rolloff, r):
    """Slant range, symbol rate and its dB terms of :func:`rf_link_budget` (no input checks)."""
    d = _k_slant_range(h, el, r)
    rs = b / (1.0 + rolloff)
    return d, rs, _db(rs), _db(np.asarray(rs) / b)


def _best_modcod(es, m, il):
    """:func:`orbitdc.physics.dvbs2x.best_modcod`, with a scalar fast path (same table lookup)."""
    if np.ndim(es) == 0 and np.ndim(m) == 0 and np.ndim(il) == 0 and _MODCOD_TABLE is not None:
        eff = float(es) - (float(m) + float(il))
        req_sorted, env_index = _MODCOD_TABLE
        pos = bisect.bisect_right(req_sorted, eff) - 1
        if pos >= 0:
            idx = env_index[pos]
            return dvbs2x.ModcodChoice(idx, float(dvbs2x.EFFICIENCY[idx]), float(dvbs2x.REQUIRED_ES_N0_DB[idx]))
        return dvbs2x.ModcodChoice(-1, 0.0, req_sorted[0])
    if _MODCOD_BY_POS is None:  # pragma: no cover - table layout changed
        return dvbs2x.best_modcod(es, m, il)
    # the same searchsorted on the efficiency envelope, then one table lookup per output
    pos = np.searchsorted(dvbs2x._SORTED_REQ, np.asarray(es, dtype=float) - (np.asarray(m, dtype=float)
                                                                            + np.asarray(il, dtype=float)),
                          side="right")
    idx_t, eff_t, req_t = _MODCOD_BY_POS
    return dvbs2x.ModcodChoice(idx_t[pos], eff_t[pos], req_t[pos])


def _modcod_table():
    try:
        return [float(v) for v in dvbs2x._SORTED_REQ], [int(i) for i in dvbs2x._ENVELOPE_INDEX]
    except AttributeError:  # pragma: no cover - table layout changed: use best_modcod itself
        return None


def _modcod_by_pos():
    """dvbs2x.best_modcod's (index, efficiency, required Es/N0) by searchsorted position."""
    try:
        env = np.asarray(dvbs2x._ENVELOPE_INDEX)
        first = float(dvbs2x._SORTED_REQ[0])
    except AttributeError:  # pragma: no cover
        return None
    idx = np.concatenate([[-1], env]).astype(np.asarray(dvbs2x.best_modcod(np.zeros(1)).index).dtype)
    eff = np.concatenate([[0.0], dvbs2x.EFFICIENCY[env]])
    req = np.concatenate([[first], dvbs2x.REQUIRED_ES_N0_DB[env]])
    for a in (idx, eff, req):
        a.setflags(write=False)
    return idx, eff, req


_MODCOD_TABLE = _modcod_table()
_MODCOD_BY_POS = _modcod_by_pos()


def _k_optical_gain(d, lam, eta):
    return _db(eta * (math.pi * d / lam) ** 2)


def _k_optical_received_power(pt, d, lam, dt, dr, eta_t, eta_r, err, trunc=1.12, lo=0.0):
    """:func:`optical_received_power` without input checks."""
    gt = _k_optical_gain(dt, lam, eta_t)
    gr = gt if (dr is dt and eta_r is eta_t) else _k_optical_gain(dr, lam, eta_r)
    w0 = dt / (2.0 * trunc)
    div = lam / (math.pi * w0)
    lp = 10.0 * np.log10(np.e) * 2.0 * (err / div) ** 2
    space = 20.0 * np.log10(lam / (4.0 * math.pi * d))
    return pt * 10.0 ** ((np.asarray(gt) + np.asarray(gr) + space - np.asarray(lp) - lo) / 10.0)


def _k_optical_achievable_rate(pr, n, lam, m, rmax, ch):
    limit = pr / (10.0 ** (m / 10.0) * n * (H_PLANCK * C / lam))
    if rmax is not None:
        limit = np.minimum(limit, ch * rmax)
    return limit


def _k_optical_link_margin(pr, r, n, lam):
    return _db(pr / (n * (H_PLANCK * C / lam) * r))


def _k_request_rate(cd, cu, ti, to, bi, bo, k):
    """:func:`link_limited_request_rate` without input checks (returns the rate, bits in+out)."""
    bits_out = 8.0 * bo * k * to
    bits_in = 8.0 * bi * k * ti
    big = np.inf

    def rate(c, bits):
        pos = bits > 0
        if pos is True or np.all(pos):
            return c / bits
        return np.where(pos, c / np.where(pos, bits, 1.0), big)

    # A direction that carries (almost) no data does not limit the rate: c / bits may
    # overflow to inf there, which is the intended value; the other direction is finite
    # because every request has at least one output token.
    with np.errstate(over="ignore"):
        return np.minimum(rate(cd, bits_out), rate(cu, bits_in)), bits_in + bits_out


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
    return _out(_k_slant_range(h, el, r))


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
    return _out(_k_nadir_angle(h, el, r))


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


# --------------------------------------------------------------------------------------
# RF link budget
# --------------------------------------------------------------------------------------
@accepts(distance="m", frequency="Hz")
def free_space_path_loss(distance, frequency):
    """Free-space path loss between isotropic antennas.

    Parameters
    ----------
    distance : float or array [m]
        Path length (> 0).
    frequency : float or array [Hz]
        Carrier frequency (> 0).

    Returns
    -------
    float or array [dB]
        :math:`L_{fs} = 20\\log_{10}(4\\pi d f / c)`; e.g. 92.45 + 20 log f[GHz] + 20 log d[km].

    References
    ----------
    Friis, H. T. (1946), Proc. IRE 34, 254; [MB] section 5.2; ITU-R P.525-4 eq. (6).
    """
    d = _positive("distance", distance, "m")
    f = _positive("frequency", frequency, "Hz")
    return _out(_k_fspl(d, f))


@accepts(diameter="m", frequency="Hz")
def antenna_gain(diameter, frequency, efficiency=0.65):
    """Boresight gain of a circular-aperture (reflector) antenna.

    Parameters
    ----------
    diameter : float or array [m]
        Aperture diameter (> 0).
    frequency : float or array [Hz]
        Frequency (> 0).
    efficiency : float or array [-]
        Aperture efficiency in (0, 1]; 0.55-0.70 for reflectors ([MB] section 5.2:
        0.55-0.75; [PBA] examples use 0.65-0.68).

    Returns
    -------
    float or array [dBi]
        :math:`G = \\eta (\\pi D f / c)^2`.

    References
    ----------
    [MB] section 5.2.1; [PBA] section 4.2, eq. (4.9).
    """
    d = _positive("diameter", diameter, "m", "an antenna has a positive aperture")
    f = _positive("frequency", frequency, "Hz")
    eta = _fraction("efficiency", efficiency, "aperture efficiency is a fraction in (0, 1]")
    return _out(_k_antenna_gain(d, f, eta))


@accepts(aperture_area="m^2", frequency="Hz", scan_angle="rad")
def phased_array_gain(aperture_area, frequency, efficiency=0.7, scan_angle=0.0, scan_exponent=1.2):
    """Gain of a planar phased array, including the scan loss cos^x(theta).

    Parameters
    ----------
    aperture_area : float or array [m^2]
        Physical area of the radiating panel (> 0).
    frequency : float or array [Hz]
        Frequency (> 0).
    efficiency : float or array [-]
        Aperture efficiency at broadside in (0, 1] (taper, element and feed-network losses).
    scan_angle : float or array [rad]
        Beam steering angle off the array normal, in [0, pi/2).
    scan_exponent : float or array [-]
        Exponent x of the scan loss cos^x(theta), in [1, 3]: 1 is the projected-aperture
        loss alone; practical arrays show about 1.2-1.5 once the element pattern is
        included (Mailloux 2005, ch. 1-2). Default 1.2 (assumption).

    Returns
    -------
    float or array [dBi]
        :math:`G = \\eta\\, 4\\pi A f^2 / c^2 \\cdot \\cos^x\\theta`.

    References
    ----------
    Mailloux, R. J. (2005), "Phased Array Antenna Handbook", 2nd ed., Artech House,
    sections 1.1-1.2 (gain of a planar array, projected aperture and element pattern).
    """
    a = _positive("aperture_area", aperture_area, "m^2", "an antenna has a positive aperture")
    f = _positive("frequency", frequency, "Hz")
    eta = _fraction("efficiency", efficiency, "aperture efficiency is a fraction in (0, 1]")
    th = _finite("scan_angle", scan_angle)
    _require((th >= 0) & (th < math.pi / 2), "scan_angle", th, "[0, 90) deg",
             "a planar array cannot steer to or beyond its own plane")
    x = _finite("scan_exponent", scan_exponent)
    _require((x >= 1) & (x <= 3), "scan_exponent", x, "[1, 3]",
             "scan loss is at least the projected-aperture cos(theta); beyond cos^3 no array is modelled")
    return _out(_k_phased_array_gain(a, f, eta, th, x))


@accepts(tx_power="W")
def eirp(tx_power, antenna_gain_db, losses_db=0.0):
    """Equivalent isotropically radiated power.

    Parameters
    ----------
    tx_power : float or array [W]
        RF power at the amplifier output (> 0).
    antenna_gain_db : float or array [dBi]
        Transmit antenna gain towards the receiver.
    losses_db : float or array [dB]
        Feeder, output back-off and pointing losses between amplifier and free space (>= 0).

    Returns
    -------
    float or array [dBW]
        :math:`EIRP = 10\\log_{10}P_t + G_t - L`.

    References
    ----------
    [MB] section 5.2.2; [PBA] section 4.2.
    """
    p = _positive("tx_power", tx_power, "W", "a transmitter radiates positive power")
    g = _finite("antenna_gain_db", antenna_gain_db)
    loss = _nonneg("losses_db", losses_db, "dB", "a passive loss cannot amplify")
    return _out(_db(p) + g - loss)


def noise_temperature_from_noise_figure(noise_figure_db):
    """Equivalent input noise temperature of a receiver from its noise figure.

    Parameters
    ----------
    noise_figure_db : float or array [dB]
        Noise figure (>= 0).

    Returns
    -------
    float or array [K]
        :math:`T_e = T_0 (10^{NF/10} - 1)`, T0 = 290 K.

    References
    ----------
    Friis, H. T. (1944), "Noise figures of radio receivers", Proc. IRE 32, 419; [PBA] eq. (4.22).
    """
    nf = _nonneg("noise_figure_db", noise_figure_db, "dB", "a receiver cannot add negative noise")
    return _out(_k_noise_temperature_from_noise_figure(nf))


def sky_noise_temperature(atmospheric_loss_db, medium_temperature=SKY_MEDIUM_TEMPERATURE,
                          background_temperature=COSMIC_BACKGROUND):
    """Brightness temperature of the sky seen through an absorbing atmosphere.

    Parameters
    ----------
    atmospheric_loss_db : float or array [dB]
        Total atmospheric attenuation A on the path (>= 0).
    medium_temperature : float or array [K]
        Effective temperature of the absorbing medium (default 275 K, ITU-R P.618 section 3).
    background_temperature : float or array [K]
        Sky behind the atmosphere (default the 2.725 K cosmic background).

    Returns
    -------
    float or array [K]
        :math:`T_{sky} = T_{mr}(1 - 10^{-A/10}) + T_{bg} 10^{-A/10}`.

    References
    ----------
    [ITU618] section 3 (sky noise temperature); [MB] section 5.5.3.
    """
    a = _nonneg("atmospheric_loss_db", atmospheric_loss_db, "dB", "an atmosphere attenuates, never amplifies")
    tm = _positive("medium_temperature", medium_temperature, "K")
    tb = _nonneg("background_temperature", background_temperature, "K")
    return _out(_k_sky_noise_temperature(a, tm, tb))


@accepts(antenna_temperature="K", receiver_temperature="K", feeder_temperature="K")
def system_noise_temperature(antenna_temperature, receiver_temperature, feeder_loss_db=0.0,
                             feeder_temperature=T0):
    """System noise temperature at the receiver input.

    Parameters
    ----------
    antenna_temperature : float or array [K]
        Antenna noise temperature T_A (sky, ground spill-over, Earth for a satellite) (>= 0).
    receiver_temperature : float or array [K]
        Effective input noise temperature of the receiver (LNA first) (>= 0).
    feeder_loss_db : float or array [dB]
        Loss between antenna and receiver (>= 0).
    feeder_temperature : float or array [K]
        Physical temperature of the lossy feeder (default 290 K).

    Returns
    -------
    float or array [K]
        :math:`T = T_A / L + T_F (1 - 1/L) + T_R`.

    References
    ----------
    [MB] section 5.5.5, eq. (5.47) (system noise temperature at the receiver input).
    """
    ta = _nonneg("antenna_temperature", antenna_temperature, "K", "below absolute zero")
    tr = _nonneg("receiver_temperature", receiver_temperature, "K", "below absolute zero")
    lf = _nonneg("feeder_loss_db", feeder_loss_db, "dB", "a passive loss cannot amplify")
    tf = _nonneg("feeder_temperature", feeder_temperature, "K", "below absolute zero")
    t = _k_system_noise_temperature(ta, tr, lf, tf)
    _require(t > 0, "system_temperature", t, "> 0 K", "a receiver at 0 K noise is unphysical")
    return _out(t)


@accepts(system_temperature="K")
def g_over_t(antenna_gain_db, system_temperature):
    """Receiver figure of merit G/T.

    Parameters
    ----------
    antenna_gain_db : float or array [dBi]
        Receive antenna gain (referred to the same point as the temperature).
    system_temperature : float or array [K]
        System noise temperature (> 0).

    Returns
    -------
    float or array [dB/K]
        :math:`G/T = G - 10\\log_{10} T`.

    References
    ----------
    [PBA] section 4.3, eq. (4.23); [MB] section 5.5.
    """
    g = _finite("antenna_gain_db", antenna_gain_db)
    t = _positive("system_temperature", system_temperature, "K", "noise temperature is positive")
    return _out(g - _db(t))


_K_DB = float(10.0 * np.log10(K_B))  # -228.599 dBW/(K Hz)


def carrier_to_noise_density(eirp_dbw, path_loss_db, g_over_t_db, other_losses_db=0.0):
    """Carrier-to-noise-density ratio C/N0 of a link.

    Parameters
    ----------
    eirp_dbw : float or array [dBW]
        Transmit EIRP towards the receiver.
    path_loss_db : float or array [dB]
        Free-space path loss (>= 0).
    g_over_t_db : float or array [dB/K]
        Receiver G/T.
    other_losses_db : float or array [dB]
        Atmospheric, pointing, polarisation and other losses (>= 0).

    Returns
    -------
    float or array [dBHz]
        :math:`C/N_0 = EIRP - L_{fs} - L_{other} + G/T - 10\\log_{10}k`,
        with k = 1.380649e-23 J/K (-228.6 dBW/K/Hz).

    References
    ----------
    [MB] section 5.6, eq. (5.50); Roddy, D. (2006), "Satellite Communications", 4th ed.,
    McGraw-Hill, eq. (12.38).
    """
    e = _finite("eirp_dbw", eirp_dbw)
    lfs = _nonneg("path_loss_db", path_loss_db, "dB", "free space cannot amplify")
    gt = _finite("g_over_t_db", g_over_t_db)
    lo = _nonneg("other_losses_db", other_losses_db, "dB", "a passive loss cannot amplify")
    return _out(e - lfs - lo + gt - _K_DB)


@accepts(symbol_rate="Hz")
def es_over_n0(cn0_dbhz, symbol_rate):
    """Symbol energy to noise density Es/N0 at a symbol rate.

    Parameters
    ----------
    cn0_dbhz : float or array [dBHz]
        Carrier-to-noise density.
    symbol_rate : float or array [Hz] (symbols/s)
        Symbol rate (> 0).

    Returns
    -------
    float or array [dB]
        :math:`E_s/N_0 = C/N_0 - 10\\log_{10}R_s`.

    References
    ----------
    [MB] section 4.2 / 5.6; [DVB] (thresholds are given as Es/N0).
    """
    c = _finite("cn0_dbhz", cn0_dbhz)
    rs = _positive("symbol_rate", symbol_rate, "Hz")
    return _out(c - _db(rs))


@accepts(bit_rate="bit/s")
def eb_over_n0(cn0_dbhz, bit_rate):
    """Energy per information bit to noise density Eb/N0.

    Parameters
    ----------
    cn0_dbhz : float or array [dBHz]
    bit_rate : float or array [bit/s] (> 0)

    Returns
    -------
    float or array [dB]
        :math:`E_b/N_0 = C/N_0 - 10\\log_{10}R_b`.

    References
    ----------
    [MB] section 4.2.
    """
    c = _finite("cn0_dbhz", cn0_dbhz)
    rb = _positive("bit_rate", bit_rate, "bit/s")
    return _out(c - _db(rb))


@accepts(bandwidth="Hz")
def symbol_rate(bandwidth, rolloff=0.05):
    """Symbol rate that fits a root-raised-cosine signal into an occupied bandwidth.

    Parameters
    ----------
    bandwidth : float or array [Hz]
        Occupied (channel) bandwidth (> 0).
    rolloff : float or array [-]
        Roll-off factor alpha in [0, 1]; DVB-S2X allows 0.05, 0.10, 0.15, 0.20, 0.25, 0.35.

    Returns
    -------
    float or array [Hz] (symbols/s)
        :math:`R_s = B / (1 + \\alpha)`.

    References
    ----------
    ETSI EN 302 307-2 section 5.5.3 (roll-off factors); [MB] section 4.2.
    """
    b = _positive("bandwidth", bandwidth, "Hz", "a channel has positive bandwidth")
    a = _finite("rolloff", rolloff)
    _require((a >= 0) & (a <= 1), "rolloff", a, "[0, 1]", "raised-cosine roll-off is a fraction of the Nyquist band")
    return _out(b / (1.0 + a))


def required_es_n0(spectral_efficiency_target):
    """Lowest ideal Es/N0 of a DVB-S2/S2X MODCOD delivering at least a spectral efficiency.

    Parameters
    ----------
    spectral_efficiency_target : float or array [bit/symbol]
        Required information bits per symbol, in (0, 5.900855] (the table's range).

    Returns
    -------
    float or array [dB]
        Ideal Es/N0 (AWGN, QEF) of the cheapest MODCOD reaching the target.

    References
    ----------
    [DVB]: EN 302 307-1 Table 13, EN 302 307-2 Table 20a (see :mod:`orbitdc.physics.dvbs2x`).
    """
    eta = _finite("spectral_efficiency_target", spectral_efficiency_target)
    top = float(dvbs2x.EFFICIENCY.max())
    _require((eta > 0) & (eta <= top), "spectral_efficiency_target", eta, f"(0, {top}] bit/symbol",
             "outside the DVB-S2/S2X normal-frame MODCOD table")
    ok = dvbs2x.EFFICIENCY[None, :] >= eta.reshape(-1, 1)
    req = np.where(ok, dvbs2x.REQUIRED_ES_N0_DB[None, :], np.inf).min(axis=1)
    return _out(req.reshape(eta.shape))


def spectral_efficiency(es_n0_db, margin_db=0.0, implementation_loss_db=0.0):
    """Spectral efficiency of the best DVB-S2/S2X MODCOD that closes with a margin (ACM).

    Parameters
    ----------
    es_n0_db : float or array [dB]
        Available Es/N0.
    margin_db : float or array [dB]
        Margin kept in reserve (>= 0).
    implementation_loss_db : float or array [dB]
        Modem implementation loss on top of the ideal thresholds (>= 0).

    Returns
    -------
    float or array [bit/symbol]
        Information bits per symbol; 0 where no MODCOD closes (link down).

    References
    ----------
    [DVB]; :func:`orbitdc.physics.dvbs2x.best_modcod`.
    """
    es = _finite("es_n0_db", es_n0_db)
    m = _nonneg("margin_db", margin_db, "dB", "a negative reserve is not a margin")
    il = _nonneg("implementation_loss_db", implementation_loss_db, "dB", "a real modem is not better than ideal")
    return dvbs2x.best_modcod(es, m, il).efficiency


def shannon_spectral_efficiency(snr_db):
    """Shannon capacity per hertz of an AWGN channel.

    Parameters
    ----------
    snr_db : float or array [dB]
        Signal-to-noise ratio in the channel bandwidth.

    Returns
    -------
    float or array [bit/s/Hz]
        :math:`\\log_2(1 + S/N)`.

    References
    ----------
    Shannon, C. E. (1948), "A mathematical theory of communication", Bell Syst. Tech. J. 27.
    """
    s = _finite("snr_db", snr_db)
    return _out(np.log2(1.0 + 10.0 ** (s / 10.0)))


@accepts(bandwidth="Hz")
def shannon_capacity(bandwidth, snr_db):
    """Shannon capacity of an AWGN channel of a bandwidth.

    Parameters
    ----------
    bandwidth : float or array [Hz]
        Noise bandwidth (> 0).
    snr_db : float or array [dB]
        Signal-to-noise ratio in that bandwidth (C/N).

    Returns
    -------
    float or array [bit/s]
        :math:`C = B \\log_2(1 + S/N)`.

    References
    ----------
    Shannon (1948).
    """
    b = _positive("bandwidth", bandwidth, "Hz")
    return _out(b * shannon_spectral_efficiency(snr_db))


def link_margin(es_n0_db, required_es_n0_db, implementation_loss_db=0.0):
    """Link margin: available minus required Es/N0.

    Parameters
    ----------
    es_n0_db : float or array [dB]
        Available Es/N0.
    required_es_n0_db : float or array [dB]
        Ideal threshold of the MODCOD in use.
    implementation_loss_db : float or array [dB]
        Modem implementation loss (>= 0).

    Returns
    -------
    float or array [dB]
        :math:`M = E_s/N_0 - (E_s/N_0)_{req} - L_{impl}`; negative means the link is down.

    References
    ----------
    [MB] section 5.8.
    """
    es = _finite("es_n0_db", es_n0_db)
    req = _finite("required_es_n0_db", required_es_n0_db)
    il = _nonneg("implementation_loss_db", implementation_loss_db, "dB", "a real modem is not better than ideal")
    return _out(es - req - il)


class RFBudget(NamedTuple):
    """All terms of one RF link budget (SI or dB, arrays broadcast to the inputs).

    slant_range [m], path_loss [dB], eirp [dBW], g_over_t [dB/K], c_over_n0 [dBHz],
    symbol_rate [Hz], es_over_n0 [dB], modcod_index [-] (-1 = none closes),
    spectral_efficiency [bit/symbol], required_es_n0 [dB], margin [dB],
    capacity [bit/s] (information rate of the chosen MODCOD), shannon_capacity [bit/s]
    (in the same occupied bandwidth at the same C/N).
    """

    slant_range: Any
    path_loss: Any
    eirp: Any
    g_over_t: Any
    c_over_n0: Any
    symbol_rate: Any
    es_over_n0: Any
    modcod_index: Any
    spectral_efficiency: Any
    required_es_n0: Any
    margin: Any
    capacity: Any
    shannon_capacity: Any


@accepts(altitude="m", elevation="rad", frequency="Hz", bandwidth="Hz", tx_power="W",
         system_temperature="K", earth_radius="m")
def rf_link_budget(altitude, elevation, frequency, bandwidth, tx_power, tx_gain_db, rx_gain_db,
                   system_temperature, atmospheric_loss_db=0.0, other_losses_db=0.0, rolloff=0.05,
                   required_margin_db=0.0, implementation_loss_db=0.0, earth_radius=R_EARTH):
    """Complete space-ground RF link budget with adaptive DVB-S2X coding and modulation.

    Works for either direction (downlink: satellite transmits; uplink: ground transmits);
    the geometry is symmetric.

    Parameters
    ----------
    altitude : float or array [m]
        Satellite altitude (> 0).
    elevation : float or array [rad]
        Elevation of the satellite at the ground terminal, (0, pi/2].
    frequency : float or array [Hz]
        Carrier frequency (> 0).
    bandwidth : float or array [Hz]
        Occupied channel bandwidth (> 0).
    tx_power : float or array [W]
        Transmit RF power into the antenna (> 0), per carrier.
    tx_gain_db, rx_gain_db : float or array [dBi]
        Transmit and receive antenna gains towards each other (including scan loss).
    system_temperature : float or array [K]
        Receive system noise temperature (> 0), including any sky-noise increase.
    atmospheric_loss_db : float or array [dB]
        Atmospheric attenuation exceeded for the design fraction of time (>= 0), e.g. from
        :func:`atmospheric_loss`.
    other_losses_db : float or array [dB]
        Feeder, pointing and polarisation losses (>= 0).
    rolloff : float or array [-]
        Root-raised-cosine roll-off (DVB-S2X: 0.05-0.35).
    required_margin_db : float or array [dB]
        Margin that the chosen MODCOD must leave (>= 0).
    implementation_loss_db : float or array [dB]
        Modem implementation loss over the ideal thresholds (>= 0).
    earth_radius : float [m]

    Returns
    -------
    RFBudget
        Named tuple of every term (see :class:`RFBudget`).

    Notes
    -----
    .. math::
        d = \\mathrm{slant\\_range}(h, \\varepsilon),\\quad
        C/N_0 = P_t + G_t - L_{fs}(d, f) - A - L + G_r - 10\\log_{10}T - 10\\log_{10}k

        E_s/N_0 = C/N_0 - 10\\log_{10}R_s,\\quad R_s = B/(1+\\alpha),\\quad
        R_b = \\eta_{MODCOD}\\,R_s \\le B\\log_2(1 + E_s/N_0 \\cdot R_s/B)

    The capacity is the information rate at the design fade (conservative for ACM:
    clear-sky capacity is higher).

    References
    ----------
    [MB] ch. 5; [PBA] ch. 4; [DVB].
    """
    d = slant_range(altitude, elevation, earth_radius)
    lfs = free_space_path_loss(d, frequency)
    e = eirp(tx_power, tx_gain_db)
    gt = g_over_t(rx_gain_db, system_temperature)
    atm = _nonneg("atmospheric_loss_db", atmospheric_loss_db, "dB", "an atmosphere attenuates, never amplifies")
    other = _nonneg("other_losses_db", other_losses_db, "dB", "a passive loss cannot amplify")
    cn0 = carrier_to_noise_density(e, lfs, gt, atm + other)
    b = _positive("bandwidth", bandwidth, "Hz", "a channel has positive bandwidth")
    rs = symbol_rate(b, rolloff)
    esn0 = es_over_n0(cn0, rs)
    m = _nonneg("required_margin_db", required_margin_db, "dB", "a negative reserve is not a margin")
    il = _nonneg("implementation_loss_db", implementation_loss_db, "dB", "a real modem is not better than ideal")
    choice = _best_modcod(esn0, m, il)
    margin = np.asarray(esn0) - choice.required_es_n0 - il
    cap = choice.efficiency * rs
    snr_db = np.asarray(esn0) + _db(np.asarray(rs) / b)  # C/N in the occupied bandwidth
    shannon = b * np.log2(1.0 + 10.0 ** (snr_db / 10.0))
    return RFBudget(d, lfs, e, gt, cn0, rs, esn0, choice.index, choice.efficiency,
                    choice.required_es_n0, _out(margin), _out(cap), _out(shannon))


# --------------------------------------------------------------------------------------
# Atmospheric loss: cached wrapper over itur
# --------------------------------------------------------------------------------------
_ITUR = None


def _itur():
    """Import itur once; restore numpy's error state (itur calls np.seterr at import)."""
    global _ITUR
    if _ITUR is None:
        state = np.geterr()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import itur  # noqa: PLC0415  (lazy: ~1 s import, ~1-2 s first evaluation)
        finally:
            np.seterr(**state)
        _ITUR = itur
    return _ITUR


_ATM_CACHE: "OrderedDict[tuple, tuple]" = OrderedDict()
_ATM_SCALAR: dict = {}   # (validated scalar arguments) -> result of atmospheric_loss
_ATM_CACHE_MAX = 262_144  # entries of 5 floats; a few tens of MB at most


def _itur_call(lat_deg, lon_deg, f_ghz: float, el_deg, p_pct: float, d_m: float, eta: float) -> np.ndarray:
    """Direct itur evaluation; lat, lon, el 1-d arrays of equal length, the rest scalars.

    itur vectorises point by point over (lat, lon, el) but treats array ``f`` or ``p`` as a
    second grid axis, so those stay scalar here.  Returns an (n, 5) array [dB] of gases,
    clouds, rain, scintillation, total.
    """
    itur = _itur()
    state = np.geterr()
    try:
        with warnings.catch_warnings():
            # Inputs are validated before this call.  itur still warns for el = 90 deg
            # (it tests mod(el, 90) < 5) and, with extrapolate=True, above 55 GHz.
            warnings.simplefilter("ignore", RuntimeWarning)
            res = itur.atmospheric_attenuation_slant_path(
                lat_deg, lon_deg, f_ghz, el_deg, p_pct, d_m, eta=eta, return_contributions=True)
    finally:
        np.seterr(**state)
    n = np.size(lat_deg)
    vals = np.stack([np.broadcast_to(np.asarray(getattr(x, "value", x), dtype=float).reshape(-1), (n,))
                     for x in res], axis=1)
    if not np.all(np.isfinite(vals)):  # pragma: no cover - defensive
        raise ScenarioError("atmospheric_loss", vals, "finite dB values",
                            f"itur returned a non-finite attenuation at f={f_ghz} GHz, p={p_pct} %")
    return vals


def _itur_lookup(rows: np.ndarray) -> np.ndarray:
    """Attenuation components for unique input rows (lat, lon, f, el, p, D, eta), cached.

    Rows already computed come from an LRU cache; the others are evaluated with one
    vectorised itur call per distinct (f, p, D, eta).
    """
    keys = [tuple(r) for r in rows.tolist()]
    out = np.empty((len(keys), 5))
    missing: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        hit = _ATM_CACHE.get(k)
        if hit is None:
            missing.setdefault((k[2], k[4], k[5], k[6]), []).append(i)
        else:
            _ATM_CACHE.move_to_end(k)
            out[i] = hit
    for (f, p, d, eta), idx in missing.items():
        sub = rows[idx]
        vals = _itur_call(sub[:, 0], sub[:, 1], f, sub[:, 3], p, d, eta)
        out[idx] = vals
        for i, v in zip(idx, vals):
            _ATM_CACHE[keys[i]] = tuple(v)
    while len(_ATM_CACHE) > _ATM_CACHE_MAX:
        _ATM_CACHE.popitem(last=False)
    return out


class AtmosphericLoss(NamedTuple):
    """Components of the slant-path attenuation [dB] (ITU-R P.618-13 section 2.5).

    gases (P.676), clouds (P.840), rain (P.618/P.838/P.837/P.839), scintillation (P.618
    section 2.4.1), total = gases + sqrt((rain + clouds)^2 + scintillation^2).
    """

    gases: Any
    clouds: Any
    rain: Any
    scintillation: Any
    total: Any


@accepts(latitude="rad", longitude="rad", frequency="Hz", elevation="rad", exceedance="",
         antenna_diameter="m")
def atmospheric_loss(latitude, longitude, frequency, elevation, exceedance, antenna_diameter,
                     antenna_efficiency=0.5, extrapolate=False, components=False):
    """Slant-path atmospheric attenuation exceeded for a fraction of the year (ITU-R, itur).

    Gases, clouds, rain and tropospheric scintillation for an Earth-space path at a ground
    site, combined as in ITU-R P.618-13 section 2.5.  Thin wrapper over
    ``itur.atmospheric_attenuation_slant_path`` (itur 0.4, which loads its own shipped
    ITU-R digital maps).  itur is imported lazily on the first call (about 1 s, plus 1-2 s
    of map loading in its first evaluation); results are kept in an LRU cache keyed on the
    scalar inputs, so a repeated call costs tens of microseconds and a new point about
    3-6 ms.  Arrays are reduced to their distinct input combinations; those not cached are
    evaluated with one vectorised itur call per distinct (frequency, exceedance, diameter,
    efficiency), vectorised over site and elevation (about 0.5 ms per point).  A Monte Carlo
    that draws the frequency or the exceedance continuously therefore costs one itur call
    per draw.

    Parameters
    ----------
    latitude : float or array [rad]
        Ground-site geodetic latitude, [-pi/2, pi/2].
    longitude : float or array [rad]
        Ground-site longitude, [-2 pi, 2 pi] (east positive).
    frequency : float or array [Hz]
        Carrier frequency: 1-55 GHz (the stated range of the P.618 slant-path method), or up
        to 100 GHz with ``extrapolate=True`` (E band; see :data:`ITUR_EXTRAPOLATION_LIMIT`).
    elevation : float or array [rad]
        Elevation angle, [5 deg, 90 deg] (P.676 Annex 2 and P.618 scintillation validity).
    exceedance : float or array [-]
        Fraction of an average year during which the attenuation is exceeded, i.e.
        1 - availability: 1e-3 for 99.9 % availability (itur's ``p`` = 0.1 %).  Allowed
        1e-5 to 5e-2 (0.001 % to 5 %, the P.618 rain method's range).  For p < 0.01 % the
        scintillation term is extrapolated (stated for 0.01 % < p <= 50 %); it is added in
        quadrature to the dominant rain term there.
    antenna_diameter : float or array [m]
        Ground antenna diameter (> 0), for the scintillation aperture averaging.
    antenna_efficiency : float or array [-]
        Ground antenna efficiency in (0, 1] for the scintillation model (itur default 0.5).
    extrapolate : bool
        Accept 55-100 GHz (outside P.618's stated range).  Default False.
    components : bool
        Return an :class:`AtmosphericLoss` of all components instead of the total.

    Returns
    -------
    float or array [dB], or AtmosphericLoss
        Total attenuation A(p) (or its components).

    Raises
    ------
    ScenarioError
        Outside the ranges above (frequency, elevation, exceedance, latitude, diameter).

    References
    ----------
    ITU-R P.618-13 (2017) sections 2.2-2.5; ITU-R P.676-12, P.840-8, P.837-7, P.838-3,
    P.839-4, P.453-13, P.1511-2; del Portillo, I. (2017), ITU-Rpy,
    https://github.com/inigodelportillo/ITU-Rpy (itur 0.4.0).
    """
    scalar_key = None
    if (latitude.__class__ is float and longitude.__class__ is float and frequency.__class__ is float
            and elevation.__class__ is float and exceedance.__class__ is float
            and antenna_diameter.__class__ is float and antenna_efficiency.__class__ is float):
        # single scenario: the whole (validated) result is cached on the scalar arguments
        scalar_key = (latitude, longitude, frequency, elevation, exceedance, antenna_diameter,
                      antenna_efficiency, bool(extrapolate), bool(components))
        hit = _ATM_SCALAR.get(scalar_key)
        if hit is not None:
            return hit
    lat = _finite("latitude", latitude)
    _require(np.abs(lat) <= math.pi / 2 + 1e-12, "latitude", lat, "[-90, 90] deg", "latitude beyond a pole")
    lon = _finite("longitude", longitude)
    _require(np.abs(lon) <= 2 * math.pi + 1e-12, "longitude", lon, "[-360, 360] deg", "longitude wraps at 360 deg")
    f = _finite("frequency", frequency)
    fmax = ITUR_EXTRAPOLATION_LIMIT if extrapolate else ITUR_FREQUENCY_RANGE[1]
    if extrapolate:
        why = "outside 1-100 GHz even with extrapolation (P.838 starts at 1 GHz; E band ends at 86 GHz)"
    else:
        why = ("ITU-R P.618-13's slant-path method (as implemented by itur 0.4) is stated for 1-55 GHz; "
               "pass extrapolate=True to use it for E band (71-86 GHz)")
    _require((f >= ITUR_FREQUENCY_RANGE[0]) & (f <= fmax), "frequency", f,
             f"[1, {fmax / 1e9:g}] GHz", why)
    el = _finite("elevation", elevation)
    _require((el >= ITUR_MIN_ELEVATION - 1e-12) & (el <= math.pi / 2 + 1e-12), "elevation", el,
             "[5, 90] deg", "ITU-R P.676 Annex 2 and P.618 section 2.4.1 are stated for elevations of 5 deg and above")
    p = _finite("exceedance", exceedance)
    lo, hi = ITUR_EXCEEDANCE_RANGE
    _require((p >= lo * (1 - 1e-9)) & (p <= hi * (1 + 1e-9)), "exceedance", p,
             "[1e-5, 0.05] (0.001 % to 5 % of the year, i.e. availability 95 % to 99.999 %)",
             "the ITU-R P.618-13 rain attenuation method is valid for 0.001 % <= p <= 5 %")
    dia = _positive("antenna_diameter", antenna_diameter, "m", "an antenna has a positive aperture")
    eta = _fraction("antenna_efficiency", antenna_efficiency, "antenna efficiency is a fraction in (0, 1]")

    lat_d, lon_d = np.degrees(lat), np.degrees(lon)
    f_g, el_d = f / 1e9, np.minimum(np.degrees(el), 90.0)
    p_pct = p * 100.0
    args = (lat_d, lon_d, f_g, el_d, p_pct, dia, eta)
    if all(np.ndim(a) == 0 for a in args):
        key = tuple(float(a) for a in args)
        hit = _ATM_CACHE.get(key)
        vals = hit if hit is not None else _itur_lookup(np.array([key]))[0]
        res = AtmosphericLoss(*(float(v) for v in vals))
    else:
        b = np.broadcast_arrays(*args)
        shape = b[0].shape
        stacked = np.stack([x.reshape(-1) for x in b], axis=1)
        uniq, inv = np.unique(stacked, axis=0, return_inverse=True)
        full = _itur_lookup(uniq)[inv.reshape(-1)].reshape(shape + (5,))
        res = AtmosphericLoss(*(full[..., i] for i in range(5)))
    result = res if components else res.total
    if scalar_key is not None:
        if len(_ATM_SCALAR) >= _ATM_CACHE_MAX:
            _ATM_SCALAR.clear()
        _ATM_SCALAR[scalar_key] = result
    return result


# --------------------------------------------------------------------------------------
# Optical inter-satellite links
# --------------------------------------------------------------------------------------
@accepts(wavelength="m")
def photon_energy(wavelength):
    """Energy of one photon.

    Parameters
    ----------
    wavelength : float or array [m] (> 0)

    Returns
    -------
    float or array [J]
        :math:`E = h c / \\lambda`.

    References
    ----------
    Planck constant and speed of light: 2019 SI exact values.
    """
    lam = _positive("wavelength", wavelength, "m")
    return _out(H_PLANCK * C / lam)


@accepts(wavelength="m", aperture_diameter="m")
def gaussian_beam_divergence(wavelength, aperture_diameter, truncation_ratio=1.12):
    """Far-field half-angle divergence (1/e^2 intensity) of a Gaussian beam from an aperture.

    Parameters
    ----------
    wavelength : float or array [m]
        Optical wavelength (> 0), e.g. 1550e-9.
    aperture_diameter : float or array [m]
        Transmit telescope clear aperture D (> 0).
    truncation_ratio : float or array [-]
        alpha = aperture radius / beam waist radius (> 0). 1.12 maximises on-axis far-field
        gain for an unobscured aperture (Klein & Degnan 1974).

    Returns
    -------
    float or array [rad]
        :math:`\\theta = \\lambda / (\\pi w_0)` with :math:`w_0 = D / (2\\alpha)`.

    References
    ----------
    Siegman, A. E. (1986), "Lasers", University Science Books, ch. 17 (Gaussian beam
    divergence); [KD] (optimum truncation alpha = 1.12).
    """
    lam = _positive("wavelength", wavelength, "m")
    d = _positive("aperture_diameter", aperture_diameter, "m", "a telescope has a positive aperture")
    a = _positive("truncation_ratio", truncation_ratio, "")
    w0 = d / (2.0 * a)
    return _out(lam / (math.pi * w0))


@accepts(aperture_diameter="m", wavelength="m")
def optical_antenna_gain(aperture_diameter, wavelength, efficiency=0.8):
    """On-axis gain of an optical telescope (transmit or receive).

    Parameters
    ----------
    aperture_diameter : float or array [m]
        Clear aperture (> 0).
    wavelength : float or array [m]
        Wavelength (> 0).
    efficiency : float or array [-]
        Antenna efficiency in (0, 1]: for transmit, the Gaussian truncation efficiency is at
        most 0.81 (alpha = 1.12, no obscuration, [KD]); optics transmission multiplies it.
        Default 0.8 (assumption; [KD] optimum times ~99 % optics).

    Returns
    -------
    float or array [dB]
        :math:`G = \\eta (\\pi D / \\lambda)^2`.

    References
    ----------
    [KD]; [HEM] ch. 4.
    """
    d = _positive("aperture_diameter", aperture_diameter, "m", "a telescope has a positive aperture")
    lam = _positive("wavelength", wavelength, "m")
    eta = _fraction("efficiency", efficiency, "antenna efficiency is a fraction in (0, 1]")
    return _out(_k_optical_gain(d, lam, eta))


@accepts(pointing_error="rad", divergence="rad")
def optical_pointing_loss(pointing_error, divergence):
    """Loss of a Gaussian beam mispointed by a static angle.

    Parameters
    ----------
    pointing_error : float or array [rad]
        Angle between the beam axis and the receiver direction (>= 0).
    divergence : float or array [rad]
        1/e^2 half-angle divergence of the beam (> 0), e.g. :func:`gaussian_beam_divergence`.

    Returns
    -------
    float or array [dB] (>= 0)
        :math:`L = -10\\log_{10}\\exp(-2\\theta_e^2/\\theta_d^2) = 8.686\\,\\theta_e^2/\\theta_d^2`.

    References
    ----------
    [HEM] ch. 4 (far-field Gaussian intensity profile); Kaushal & Kaddoum (2017), section V.
    """
    e = _nonneg("pointing_error", pointing_error, "rad", "an angle magnitude")
    th = _positive("divergence", divergence, "rad")
    return _out(10.0 * np.log10(np.e) * 2.0 * (e / th) ** 2)


@accepts(tx_power="W", distance="m", wavelength="m", tx_aperture="m", rx_aperture="m",
         pointing_error="rad")
def optical_received_power(tx_power, distance, wavelength, tx_aperture, rx_aperture,
                           tx_efficiency=0.8, rx_efficiency=0.8, pointing_error=0.0,
                           truncation_ratio=1.12, other_losses_db=0.0):
    """Optical power collected by the receiving telescope of a free-space laser link.

    Parameters
    ----------
    tx_power : float or array [W]
        Optical power at the transmit telescope (> 0).
    distance : float or array [m]
        Link distance (> 0).
    wavelength : float or array [m]
        Wavelength (> 0).
    tx_aperture, rx_aperture : float or array [m]
        Transmit and receive clear apertures (> 0).
    tx_efficiency, rx_efficiency : float or array [-]
        Antenna efficiencies (0, 1] (see :func:`optical_antenna_gain`).
    pointing_error : float or array [rad]
        Static mispointing of the transmit beam (>= 0).
    truncation_ratio : float [-]
        Aperture radius / waist radius for the divergence used in the pointing loss.
    other_losses_db : float or array [dB]
        Further optics, coupling and polarisation losses (>= 0).

    Returns
    -------
    float or array [W]
        :math:`P_r = P_t G_t G_r (\\lambda / 4\\pi d)^2 L_p L_o`.

    References
    ----------
    [HEM] ch. 4 (optical link equation); [KD]; Kaushal & Kaddoum (2017), eq. (4).
    """
    pt = _positive("tx_power", tx_power, "W", "a laser emits positive power")
    d = _positive("distance", distance, "m")
    gt = optical_antenna_gain(tx_aperture, wavelength, tx_efficiency)
    gr = optical_antenna_gain(rx_aperture, wavelength, rx_efficiency)
    div = gaussian_beam_divergence(wavelength, tx_aperture, truncation_ratio)
    lp = optical_pointing_loss(pointing_error, div)
    lo = _nonneg("other_losses_db", other_losses_db, "dB", "a passive loss cannot amplify")
    lam = _arr(wavelength)
    space = 20.0 * np.log10(lam / (4.0 * math.pi * d))
    return _out(pt * 10.0 ** ((np.asarray(gt) + np.asarray(gr) + space - np.asarray(lp) - lo) / 10.0))


@accepts(data_rate="bit/s", wavelength="m")
def optical_required_power(data_rate, photons_per_bit, wavelength):
    """Receiver sensitivity: optical power needed for a data rate at a photons-per-bit figure.

    Parameters
    ----------
    data_rate : float or array [bit/s] (> 0)
    photons_per_bit : float or array [-]
        Receiver sensitivity in detected photons per bit at the target BER (> 0): about 9-20
        for coherent BPSK near the quantum limit, 40-100 for optically preamplified DPSK/OOK
        in flight terminals ([HEM] ch. 4; Kaushal & Kaddoum 2017).
    wavelength : float or array [m] (> 0)

    Returns
    -------
    float or array [W]
        :math:`P_{req} = N_{ppb}\\, h c / \\lambda \\cdot R`.

    References
    ----------
    [HEM] ch. 4 (photon-counting sensitivity).
    """
    r = _positive("data_rate", data_rate, "bit/s")
    n = _positive("photons_per_bit", photons_per_bit, "", "a receiver needs some light per bit")
    return _out(n * photon_energy(wavelength) * r)


@accepts(received_power="W", data_rate="bit/s", wavelength="m")
def optical_link_margin(received_power, data_rate, photons_per_bit, wavelength):
    """Margin of an optical link: received over required power.

    Parameters
    ----------
    received_power : float or array [W] (> 0)
    data_rate : float or array [bit/s] (> 0)
    photons_per_bit : float or array [-] (> 0)
    wavelength : float or array [m] (> 0)

    Returns
    -------
    float or array [dB]
        :math:`10\\log_{10}(P_r / P_{req})`.

    References
    ----------
    [HEM] ch. 4.
    """
    pr = _positive("received_power", received_power, "W")
    return _out(_db(pr / np.asarray(optical_required_power(data_rate, photons_per_bit, wavelength))))


@accepts(received_power="W", wavelength="m", channel_rate_max="bit/s")
def optical_achievable_rate(received_power, photons_per_bit, wavelength, margin_db=3.0,
                            channel_rate_max=None, channels=1):
    """Data rate an optical link supports, power-limited and (optionally) modem-limited.

    Parameters
    ----------
    received_power : float or array [W]
        Total received optical power (> 0), shared by all WDM channels.
    photons_per_bit : float or array [-]
        Receiver sensitivity (> 0).
    wavelength : float or array [m]
        Wavelength (> 0).
    margin_db : float or array [dB]
        Margin held in reserve (>= 0).
    channel_rate_max : float or array [bit/s], optional
        Line rate of one transceiver (modem / electronics limit), e.g. 100e9.
        ``None`` = power limit only.
    channels : float or array [-]
        Number of wavelength-division (WDM) channels (whole number >= 1).

    Returns
    -------
    float or array [bit/s]
        :math:`R = \\min(n\\,R_{ch}, P_r / (10^{M/10} N_{ppb} h\\nu))`.

    Notes
    -----
    WDM multiplies the *modem-limited* rate by the number of channels; it does not add
    power, so the power-limited rate is shared, not multiplied.

    References
    ----------
    [HEM] ch. 4; Kaushal & Kaddoum (2017), section VI (WDM in free-space optics).
    """
    pr = _positive("received_power", received_power, "W")
    n = _positive("photons_per_bit", photons_per_bit, "", "a receiver needs some light per bit")
    m = _nonneg("margin_db", margin_db, "dB", "a negative reserve is not a margin")
    ch = _finite("channels", channels)
    _require((ch >= 1) & (ch == np.round(ch)), "channels", ch, "whole number >= 1", "WDM channels are counted")
    limit = pr / (10.0 ** (m / 10.0) * n * np.asarray(photon_energy(wavelength)))
    if channel_rate_max is not None:
        rmax = _positive("channel_rate_max", channel_rate_max, "bit/s")
        limit = np.minimum(limit, ch * rmax)
    return _out(limit)


# --------------------------------------------------------------------------------------
# Latency
# --------------------------------------------------------------------------------------
@accepts(distance="m")
def propagation_delay(distance, refractive_index=1.0):
    """One-way propagation delay over a path.

    Parameters
    ----------
    distance : float or array [m] (>= 0)
    refractive_index : float or array [-]
        Group index of the medium (>= 1; 1 for vacuum, ~1.468 for silica fibre).

    Returns
    -------
    float or array [s]
        :math:`t = n d / c`.

    References
    ----------
    Speed of light: exact 2019 SI value; group index: see :data:`FIBRE_GROUP_INDEX`.
    """
    d = _nonneg("distance", distance, "m")
    n = _finite("refractive_index", refractive_index)
    _require(n >= 1, "refractive_index", n, ">= 1", "no medium carries light faster than vacuum")
    return _out(n * d / C)


@accepts(great_circle_distance="m")
def fibre_latency(great_circle_distance, refractive_index=FIBRE_GROUP_INDEX, route_factor=FIBRE_ROUTE_FACTOR):
    """One-way latency of a terrestrial fibre route between two points.

    Parameters
    ----------
    great_circle_distance : float or array [m] (>= 0)
        Distance between the end points along the Earth's surface.
    refractive_index : float or array [-]
        Group index of the fibre (default 1.4682, Corning SMF-28 Ultra at 1550 nm).
    route_factor : float or array [-]
        Fibre route length / great-circle distance (>= 1; default 1.5, see
        :data:`FIBRE_ROUTE_FACTOR`).

    Returns
    -------
    float or array [s]
        :math:`t = n \\cdot k_{route} \\cdot D / c` (propagation only; no routers).

    References
    ----------
    Bozkurt et al. (2018), arXiv:1811.10737; Corning SMF-28 Ultra datasheet.
    """
    d = _nonneg("great_circle_distance", great_circle_distance, "m")
    k = _finite("route_factor", route_factor)
    _require(k >= 1, "route_factor", k, ">= 1", "a cable cannot be shorter than the great circle")
    return propagation_delay(d * k, refractive_index)


class SatelliteRoute(NamedTuple):
    """Path of a ground-to-ground route through a satellite constellation.

    latency [s] one way (propagation + processing), path_length [m], hops [-] (number of
    inter-satellite links), up_range [m], down_range [m].
    """

    latency: Any
    path_length: Any
    hops: Any
    up_range: Any
    down_range: Any


@accepts(great_circle_distance="m", altitude="m", elevation="rad", hop_length="m",
         processing_per_satellite="s", earth_radius="m")
def satellite_route_latency(great_circle_distance, altitude, elevation, hop_length,
                            processing_per_satellite=0.0, earth_radius=R_EARTH_MEAN):
    """One-way latency between two ground points through satellites linked by ISLs.

    The user reaches a satellite at ``elevation`` (up leg), the traffic crosses the arc
    between the two sub-satellite points over inter-satellite links of at most
    ``hop_length`` each (chords at orbit radius), and comes down at the same elevation.
    If both ends see one satellite (the distance is shorter than the two ground footprints)
    the route is a single bent pipe through the satellite above the midpoint.

    Parameters
    ----------
    great_circle_distance : float or array [m]
        Ground distance between the end points (>= 0).
    altitude : float or array [m]
        Constellation altitude (> 0).
    elevation : float or array [rad]
        Elevation of the access satellites at each end, (0, pi/2].
    hop_length : float or array [m]
        Longest inter-satellite link (> 0) (e.g. the in-plane spacing).
    processing_per_satellite : float or array [s]
        Switching / processing delay in each satellite traversed (>= 0).
    earth_radius : float [m]

    Returns
    -------
    SatelliteRoute
        ``latency`` [s], ``path_length`` [m], ``hops``, ``up_range`` [m], ``down_range`` [m].

    Notes
    -----
    With the Earth central angle of one access footprint
    :math:`\\gamma = \\arccos(R\\cos\\varepsilon/(R+h)) - \\varepsilon` and the route's
    central angle :math:`\\Phi = D/R`: if :math:`\\Phi \\le 2\\gamma` one satellite at the
    midpoint serves both legs; otherwise the ISL arc :math:`\\Phi - 2\\gamma` at radius
    r = R + h is split into :math:`n = \\lceil r(\\Phi - 2\\gamma)/\\ell \\rceil` equal chords of
    length :math:`2r\\sin((\\Phi-2\\gamma)/2n)`.  Latency = path / c + (n + 1) t_proc.

    References
    ----------
    [MB] section 2.2 (geometry); Handley, M. (2018), "Delay is not an option: low latency
    routing in space", Proc. ACM HotNets-XVII, 85-91 (ISL routing vs fibre).
    """
    dist = _nonneg("great_circle_distance", great_circle_distance, "m")
    h = _positive("altitude", altitude, "m", "a satellite orbits above the Earth's surface")
    el = _elevation(elevation)
    ell = _positive("hop_length", hop_length, "m", "an inter-satellite link has positive length")
    tp = _nonneg("processing_per_satellite", processing_per_satellite, "s")
    re = _positive("earth_radius", earth_radius, "m")
    r = re + h
    phi = dist / re
    gamma = _earth_central_angle(h, el, re)
    leg = np.sqrt(re**2 + r**2 - 2 * re * r * np.cos(gamma))  # = slant range at elevation
    arc = np.maximum(phi - 2 * gamma, 0.0)
    direct = phi <= 2 * gamma
    half = np.sqrt(re**2 + r**2 - 2 * re * r * np.cos(phi / 2))  # leg to the midpoint satellite
    hops = np.where(direct, 0.0, np.ceil(r * arc / ell - 1e-12))
    hops_safe = np.maximum(hops, 1.0)
    chords = np.where(direct, 0.0, hops * 2 * r * np.sin(arc / (2 * hops_safe)))
    up = np.where(direct, half, leg)
    path = 2 * up + chords
    lat = path / C + (hops + 1.0) * tp
    return SatelliteRoute(_out(lat), _out(path), _out(hops), _out(up), _out(up))


# --------------------------------------------------------------------------------------
# What the links mean for inference
# --------------------------------------------------------------------------------------
@accepts(downlink_capacity="bit/s", uplink_capacity="bit/s")
def link_limited_request_rate(downlink_capacity, uplink_capacity, tokens_in, tokens_out,
                              bytes_per_token_in=4.0, bytes_per_token_out=4.0, overhead=1.0):
    """Requests per second the links can carry for a given prompt and answer length.

    Parameters
    ----------
    downlink_capacity : float or array [bit/s]
        Capacity available for answers (satellite to users) (>= 0).
    uplink_capacity : float or array [bit/s]
        Capacity available for prompts (users to satellite) (>= 0).
    tokens_in, tokens_out : float or array [-]
        Prompt and answer tokens per request (>= 0).
    bytes_per_token_in, bytes_per_token_out : float or array [byte]
        Payload bytes per token (>= 0); about 4 bytes of UTF-8 text per token for English
        with GPT-style tokenizers (OpenAI tokenizer guidance: 1 token ~ 4 characters).
    overhead : float or array [-]
        Protocol overhead multiplier on the payload (>= 1): TCP/IP, TLS, HTTP and JSON
        framing; token-by-token streaming can reach 10-50x.

    Returns
    -------
    float or array [1/s]
        :math:`\\min(C_{down} / (8 b_{out} k N_{out}),\\; C_{up} / (8 b_{in} k N_{in}))`;
        a direction that carries no data does not limit.  A request must carry some data in
        at least one direction.

    References
    ----------
    OpenAI, "What are tokens and how to count them?" (help-centre article): about 4
    characters of English text per token (vendor guidance).  The rest is bookkeeping.
    """
    cd = _nonneg("downlink_capacity", downlink_capacity, "bit/s")
    cu = _nonneg("uplink_capacity", uplink_capacity, "bit/s")
    ti = _nonneg("tokens_in", tokens_in, "tokens")
    to = _nonneg("tokens_out", tokens_out, "tokens")
    bi = _nonneg("bytes_per_token_in", bytes_per_token_in, "byte", "a data size is not negative")
    bo = _nonneg("bytes_per_token_out", bytes_per_token_out, "byte", "a data size is not negative")
    k = _finite("overhead", overhead)
    _require(k >= 1, "overhead", k, ">= 1", "framing adds bytes, it never removes them")
    bits_out = 8.0 * bo * k * to
    bits_in = 8.0 * bi * k * ti
    _require((bits_in + bits_out) > 0, "bytes_per_token_out", bo, "> 0 (or prompt data > 0)",
             "a request must carry some data over the links, or the link-limited rate is unbounded")
    big = np.inf
    r_down = np.where(bits_out > 0, cd / np.where(bits_out > 0, bits_out, 1.0), big)
    r_up = np.where(bits_in > 0, cu / np.where(bits_in > 0, bits_in, 1.0), big)
    return _out(np.minimum(r_down, r_up))
