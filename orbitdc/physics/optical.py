"""Optical inter-satellite links: beam divergence, gains, pointing loss, received power, rates.

References [KD], [HEM] are listed in :mod:`orbitdc.physics.links`.
"""

from __future__ import annotations

import math

import numpy as np

from ..constants import H_PLANCK, C
from ..kernels import links as kl
from ..units import accepts
from ._checks import as_float as _arr
from ._checks import check as _require
from ._checks import out as _out
from .link_geometry import _db, _finite, _fraction, _nonneg, _positive


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
    return _out(kl.optical_gain(d, lam, eta))


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


@accepts(tx_power="W", distance="m", wavelength="m", tx_aperture="m", rx_aperture="m", pointing_error="rad")
def optical_received_power(
    tx_power,
    distance,
    wavelength,
    tx_aperture,
    rx_aperture,
    tx_efficiency=0.8,
    rx_efficiency=0.8,
    pointing_error=0.0,
    truncation_ratio=1.12,
    other_losses_db=0.0,
):
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
def optical_achievable_rate(
    received_power, photons_per_bit, wavelength, margin_db=3.0, channel_rate_max=None, channels=1
):
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
