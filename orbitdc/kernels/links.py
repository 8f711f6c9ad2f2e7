r"""Kernels of the communication links: geometry, RF budget, optical ISL, request rate.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references ([MB], [PBA], [DVB], [KD], [HEM]) is :mod:`orbitdc.physics.links` and its
domain modules (:mod:`~orbitdc.physics.link_geometry`, :mod:`~orbitdc.physics.rf_budget`,
:mod:`~orbitdc.physics.optical`, :mod:`~orbitdc.physics.latency`). Lengths in m,
frequencies in Hz, powers in W, temperatures in K, angles in rad, rates in bit/s; gains,
losses, C/N0, Es/N0 and margins in dB.
"""

from __future__ import annotations

import math

import numpy as np

from ..constants import H_PLANCK, K_B, T_CMB, C
from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats
from .dvbs2x import best_modcod_fast

__all__ = [
    "T0",
    "SKY_MEDIUM_TEMPERATURE",
    "COSMIC_BACKGROUND",
    "K_DB",
    "db",
    "slant_range",
    "nadir_angle",
    "fspl",
    "antenna_gain",
    "phased_array_gain",
    "phased_array_gains",
    "noise_temperature_from_noise_figure",
    "sky_noise_temperature",
    "system_noise_temperature",
    "rf_common",
    "rf_link_budget",
    "optical_gain",
    "optical_received_power",
    "optical_achievable_rate",
    "optical_link_margin",
    "request_rate",
]

T0 = 290.0
"""Reference noise temperature [K] of the noise-figure definition. IEEE Std 161 / Friis
(1944). Kind: standard."""

SKY_MEDIUM_TEMPERATURE = 275.0
"""Effective physical temperature of an absorbing (rainy) atmosphere [K] for the sky-noise
increase T_mr (1 - 10^(-A/10)); ITU-R P.618-13 section 3 suggests 275 K when no local
data exist (also [MB] ch. 5). Kind: standard."""

COSMIC_BACKGROUND = T_CMB
"""Cosmic microwave background temperature [K]: :data:`orbitdc.constants.T_CMB`, Fixsen
(2009), ApJ 707, 916. Kind: measurement."""

K_DB = float(10.0 * np.log10(K_B))
"""Boltzmann's constant in decibels, 10 log10(k_B) = -228.599 dBW/(K Hz)."""

_DB_E = float(10.0 * np.log10(np.e))  # 10 log10(e) [dB per neper of power]: 4.343


def db(x):
    """``10 log10(x)`` [dB] of a power ratio."""
    return 10.0 * _k.log10(x)


# --------------------------------------------------------------------------------------
# geometry of a link to the ground
# --------------------------------------------------------------------------------------
def slant_range(h, el, r):
    """Ground station to satellite distance [m] at altitude ``h``, elevation ``el`` (Earth radius ``r``).

    ``sqrt((r + h)^2 - (r cos el)^2) - r sin el``.
    """
    ro = r + h
    return _k.sqrt(ro**2 - (r * _k.cos(el)) ** 2) - r * _k.sin(el)


def nadir_angle(h, el, r):
    """Off-nadir angle [rad] at the satellite of a station seen at elevation ``el``: ``asin(r cos el / (r + h))``."""
    return _k.arcsin(r * _k.cos(el) / (r + h))


# --------------------------------------------------------------------------------------
# RF link budget
# --------------------------------------------------------------------------------------
def fspl(d, f):
    """Free-space path loss [dB] over ``d`` [m] at ``f`` [Hz]: ``20 log10(4 pi d f / c)``."""
    return 20.0 * _k.log10(4.0 * math.pi * d * f / C)


def antenna_gain(d, f, eta):
    """Gain [dBi] of a reflector of diameter ``d`` [m] and efficiency ``eta``: ``eta (pi d f / c)^2``."""
    return db(eta * (math.pi * d * f / C) ** 2)


def phased_array_gain(a, f, eta, th, x):
    """Gain [dBi] of a phased array of area ``a`` [m2] scanned to ``th`` [rad]: ``eta 4 pi a / lambda^2 cos^x th``."""
    g = eta * 4 * math.pi * a * (f / C) ** 2 * _k.cos(th) ** x
    return db(g)


def phased_array_gains(a, freqs, eta, th, x):
    """:func:`phased_array_gain` at several frequencies, sharing the aperture and scan terms."""
    base = eta * 4 * math.pi * a
    scan = _k.cos(th) ** x
    return [db(base * (f / C) ** 2 * scan) for f in freqs]


def noise_temperature_from_noise_figure(nf):
    """Noise temperature [K] of a noise figure ``nf`` [dB]: ``T0 (10^(nf/10) - 1)``."""
    return T0 * (10.0 ** (nf / 10.0) - 1.0)


def sky_noise_temperature(a, tm=SKY_MEDIUM_TEMPERATURE, tb=COSMIC_BACKGROUND):
    """Sky noise [K] behind an attenuation ``a`` [dB]: ``tm (1 - 10^(-a/10)) + tb 10^(-a/10)``."""
    t = 10.0 ** (-a / 10.0)
    return tm * (1.0 - t) + tb * t


def system_noise_temperature(ta, tr, lf=0.0, tf=T0):
    """System noise [K] at the receiver input: antenna ``ta`` through a feeder loss ``lf`` [dB] at ``tf``, plus ``tr``."""
    inv = 10.0 ** (-lf / 10.0)
    return ta * inv + tf * (1.0 - inv) + tr


def rf_common(h, el, b, rolloff, r):
    """Slant range [m], symbol rate [Hz] and its dB terms of :func:`rf_link_budget`.

    Returns ``(d, rs, 10 log10 rs, 10 log10 (rs / b))``, shared by the two directions of a link.
    """
    d = slant_range(h, el, r)
    rs = b / (1.0 + rolloff)
    return d, rs, db(rs), db(_k.asfloat(rs) / b)


def rf_link_budget(h, el, f, b, pt, gtx, grx, tsys, atm, other, rolloff, m, il, r, common=None, shannon=True):
    """The RF link budget of :func:`orbitdc.physics.rf_budget.rf_link_budget` (``el`` <= pi/2).

    Altitude ``h`` [m], elevation ``el`` [rad], carrier ``f`` and bandwidth ``b`` [Hz], power
    ``pt`` [W], gains ``gtx``/``grx`` [dBi], system temperature ``tsys`` [K], atmospheric and
    other losses ``atm``/``other`` [dB], roll-off [-], margin ``m`` and implementation loss
    ``il`` [dB], Earth radius ``r`` [m]. ``common``: :func:`rf_common` of
    (h, el, b, rolloff, r) when the caller already has it. ``shannon``: False when the
    caller does not use the Shannon capacity (returned as None, its power and logarithm
    not computed).

    Returns the 13 terms in the order of :class:`orbitdc.physics.rf_budget.RFBudget` (slant
    range, path loss, EIRP, G/T, C/N0, symbol rate, Es/N0, MODCOD index, spectral
    efficiency, required Es/N0, margin, capacity, Shannon capacity).
    """
    d, rs, db_rs, db_occ = common if common is not None else rf_common(h, el, b, rolloff, r)
    lfs = fspl(d, f)
    e = db(pt) + gtx
    gt = grx - db(tsys)
    cn0 = e - lfs - (atm + other) + gt - K_DB
    esn0 = cn0 - db_rs
    idx, eff, req = best_modcod_fast(esn0, m, il)
    margin = _k.asfloat(esn0) - req - il
    cap = eff * rs
    if shannon:
        snr_db = _k.asfloat(esn0) + db_occ  # C/N in the occupied bandwidth
        shannon = b * _k.log2(1.0 + 10.0 ** (snr_db / 10.0))
    else:
        shannon = None
    return d, lfs, e, gt, cn0, rs, esn0, idx, eff, req, margin, cap, shannon


# --------------------------------------------------------------------------------------
# optical inter-satellite link
# --------------------------------------------------------------------------------------
def optical_gain(d, lam, eta):
    """Gain [dBi] of a telescope of aperture ``d`` [m] at wavelength ``lam`` [m]: ``eta (pi d / lambda)^2``."""
    return db(eta * (math.pi * d / lam) ** 2)


def optical_received_power(pt, d, lam, dt, dr, eta_t, eta_r, err, trunc=1.12, lo=0.0):
    """Received optical power [W] (:func:`orbitdc.physics.optical.optical_received_power`).

    Transmit power ``pt`` [W] over ``d`` [m]; apertures ``dt``/``dr`` [m], efficiencies
    ``eta_t``/``eta_r``, pointing error ``err`` [rad] against the Gaussian beam of a
    truncation ratio ``trunc``, other losses ``lo`` [dB].
    """
    gt = optical_gain(dt, lam, eta_t)
    gr = gt if (dr is dt and eta_r is eta_t) else optical_gain(dr, lam, eta_r)
    w0 = dt / (2.0 * trunc)
    div = lam / (math.pi * w0)
    lp = _DB_E * 2.0 * (err / div) ** 2
    space = 20.0 * _k.log10(lam / (4.0 * math.pi * d))
    return pt * 10.0 ** ((_k.asfloat(gt) + _k.asfloat(gr) + space - _k.asfloat(lp) - lo) / 10.0)


def optical_achievable_rate(pr, n, lam, m, rmax, ch):
    """Photon-limited rate [bit/s] at ``pr`` [W], ``n`` photons per bit, margin ``m`` [dB], capped at ``ch rmax``."""
    limit = pr / (10.0 ** (m / 10.0) * n * (H_PLANCK * C / lam))
    if rmax is not None:
        limit = _k.minimum(limit, ch * rmax)
    return limit


def optical_link_margin(pr, r, n, lam):
    """Margin [dB] of ``pr`` [W] over ``n`` photons per bit at the rate ``r`` [bit/s]."""
    return db(pr / (n * (H_PLANCK * C / lam) * r))


# --------------------------------------------------------------------------------------
# inference traffic
# --------------------------------------------------------------------------------------
def request_rate(cd, cu, ti, to, bi, bo, k):
    """Link-limited request rate [1/s] and bits per request (in + out) [bit].

    Down/up capacities ``cd``/``cu`` [bit/s], ``ti``/``to`` tokens in/out per request,
    ``bi``/``bo`` bytes per token in/out, protocol overhead factor ``k``
    (:func:`orbitdc.physics.latency.link_limited_request_rate`).
    """
    bits_out = 8.0 * bo * k * to
    bits_in = 8.0 * bi * k * ti
    big = np.inf

    def rate(c, bits):
        pos = bits > 0
        if pos is True or (pos.__class__ is np.bool_ and pos) or np.all(pos):
            return c / bits
        return np.where(pos, c / np.where(pos, bits, 1.0), big)

    # A direction that carries (almost) no data does not limit the rate: c / bits may
    # overflow to inf there, which is the intended value; the other direction is finite
    # because every request has at least one output token.
    with _k.errstate(cd, cu, bits_out, bits_in, over="ignore"):
        return _k.minimum(rate(cd, bits_out), rate(cu, bits_in)), bits_in + bits_out
