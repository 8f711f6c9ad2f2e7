"""RF link budgets: path loss, antenna gains, noise temperatures, C/N0, Es/N0, DVB-S2X.

Quantities that engineers book-keep in decibels (gains, losses, EIRP, G/T, C/N0, Es/N0,
margins) are returned in dB (dBi, dBW, dB/K, dBHz); every other return value is SI.
References [MB], [PBA], [DVB] are listed in :mod:`orbitdc.physics.links`.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np

from ..constants import R_EARTH
from ..kernels import links as kl
from ..kernels.dvbs2x import best_modcod_fast
from ..kernels.links import (  # noqa: F401  (re-exported)
    COSMIC_BACKGROUND,
    SKY_MEDIUM_TEMPERATURE,
    T0,
)
from ..units import accepts
from . import dvbs2x
from ._checks import check as _require
from ._checks import out as _out
from .link_geometry import (
    _db,
    _finite,
    _fraction,
    _nonneg,
    _positive,
    slant_range,
)

# The constants and the formulas are the kernels' (orbitdc.kernels.links), re-exported.


def _best_modcod(es, m, il) -> dvbs2x.ModcodChoice:
    """:func:`orbitdc.physics.dvbs2x.best_modcod` with a scalar fast path (same table lookup)."""
    return dvbs2x.ModcodChoice(*best_modcod_fast(es, m, il))


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
    return _out(kl.fspl(d, f))


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
    return _out(kl.antenna_gain(d, f, eta))


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
    _require(
        (th >= 0) & (th < math.pi / 2),
        "scan_angle",
        th,
        "[0, 90) deg",
        "a planar array cannot steer to or beyond its own plane",
    )
    x = _finite("scan_exponent", scan_exponent)
    _require(
        (x >= 1) & (x <= 3),
        "scan_exponent",
        x,
        "[1, 3]",
        "scan loss is at least the projected-aperture cos(theta); beyond cos^3 no array is modelled",
    )
    return _out(kl.phased_array_gain(a, f, eta, th, x))


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
    return _out(kl.noise_temperature_from_noise_figure(nf))


def sky_noise_temperature(
    atmospheric_loss_db, medium_temperature=SKY_MEDIUM_TEMPERATURE, background_temperature=COSMIC_BACKGROUND
):
    """Brightness temperature of the sky seen through an absorbing atmosphere.

    Parameters
    ----------
    atmospheric_loss_db : float or array [dB]
        Total atmospheric attenuation A on the path (>= 0).
    medium_temperature : float or array [K]
        Effective temperature of the absorbing medium (default 275 K, ITU-R P.618 section 3).
    background_temperature : float or array [K]
        Sky behind the atmosphere (default the 2.7255 K cosmic background).

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
    return _out(kl.sky_noise_temperature(a, tm, tb))


@accepts(antenna_temperature="K", receiver_temperature="K", feeder_temperature="K")
def system_noise_temperature(antenna_temperature, receiver_temperature, feeder_loss_db=0.0, feeder_temperature=T0):
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
    t = kl.system_noise_temperature(ta, tr, lf, tf)
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
    return _out(e - lfs - lo + gt - kl.K_DB)


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
    _require(
        (eta > 0) & (eta <= top),
        "spectral_efficiency_target",
        eta,
        f"(0, {top}] bit/symbol",
        "outside the DVB-S2/S2X normal-frame MODCOD table",
    )
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


@accepts(
    altitude="m",
    elevation="rad",
    frequency="Hz",
    bandwidth="Hz",
    tx_power="W",
    system_temperature="K",
    earth_radius="m",
)
def rf_link_budget(
    altitude,
    elevation,
    frequency,
    bandwidth,
    tx_power,
    tx_gain_db,
    rx_gain_db,
    system_temperature,
    atmospheric_loss_db=0.0,
    other_losses_db=0.0,
    rolloff=0.05,
    required_margin_db=0.0,
    implementation_loss_db=0.0,
    earth_radius=R_EARTH,
):
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
    return RFBudget(
        d,
        lfs,
        e,
        gt,
        cn0,
        rs,
        esn0,
        choice.index,
        choice.efficiency,
        choice.required_es_n0,
        _out(margin),
        _out(cap),
        _out(shannon),
    )
