"""ITU-R slant-path attenuation at the named ground sites, from a shipped table.

``itur`` (ITU-Rpy) reads ITU-R digital maps (rain rate, rain height, topography, water
vapour, cloud liquid water, wet refractivity) at the ground site; loading them costs about
1.5-3.5 s and 460 MiB per process.  For the named sites of ``links.ground_site`` and the
band-centre frequencies of ``links.band`` the map values and the frequency-dependent terms
were computed once with itur, offline (``tools/gen_itur_sites.py``), and ship in
``orbitdc/data/itur_sites.json`` with their provenance.  This module evaluates the ITU-R
P.618-13 closed forms that carry the remaining inputs -- elevation, exceedance p <= 1 %,
ground antenna diameter and efficiency -- from those values:

* gases (P.676-12 Annex 2 with the zenith water-vapour method) and clouds (P.840):
  zenith value / sin(el), at p_c_g = max(p, 1 %) (P.618-13 section 2.5), i.e. the tabulated
  p = 1 % values for every p <= 1 %;
* rain: P.618-13 section 2.2.1.1 steps 2-10 with the tabulated rain height, station height
  and R_0.01, and the P.838-3 coefficients at the frequency;
* scintillation: P.618-13 section 2.4.1 with the tabulated N_wet;
* total: A = A_G + sqrt((A_R + A_C)^2 + A_S^2) (P.618-13 eq. 64).

Negative rain or scintillation fades (outside the fits' range) are set to 0, as itur does.
The test suite recomputes the table with itur and compares this module with itur's
``atmospheric_attenuation_slant_path`` to 1e-6 dB.  Pure functions of floats and numpy
arrays; the table is read once (:func:`table`).
"""

from __future__ import annotations

import functools
import json
import pathlib
from typing import Any

import numpy as np

__all__ = ["P_MAX_PERCENT", "frequency_index", "site_index", "slant_path_attenuation", "table"]

_PATH = pathlib.Path(__file__).resolve().parents[1] / "data" / "itur_sites.json"

P_MAX_PERCENT = 1.0
"""Largest exceedance [%] the table covers: gases and clouds use p_c_g = max(p, 1 %)
(P.618-13 section 2.5), so below 1 % they are the tabulated 1 % values."""

_R_EFF = 8500.0  # km; effective Earth radius of P.618-13 eq. 2 (el < 5 deg, not used: el >= 5)


@functools.lru_cache(maxsize=1)
def table() -> dict:
    """The shipped table (``orbitdc/data/itur_sites.json``) as a dict, read once."""
    return json.loads(_PATH.read_text())


@functools.lru_cache(maxsize=1)
def _sites() -> tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]:
    t = table()
    names = tuple(t["sites"])
    lat = np.array([t["sites"][n]["lat"] for n in names])
    lon = np.array([t["sites"][n]["lon"] for n in names])
    fs = np.array(t["frequencies_GHz"], dtype=float)
    return lat, lon, names, fs


def site_index(lat_deg: Any, lon_deg: Any) -> np.ndarray:
    """Index of the tabulated site at (lat, lon) [deg] (to 1e-9 deg), -1 where none is."""
    lat, lon, _, _ = _sites()
    la = np.asarray(lat_deg, dtype=float)[..., None]
    lo = np.mod(np.asarray(lon_deg, dtype=float)[..., None] - lon + 180.0, 360.0) - 180.0
    hit = (np.abs(la - lat) <= 1e-9) & (np.abs(lo) <= 1e-9)
    return np.where(hit.any(axis=-1), hit.argmax(axis=-1), -1)


def frequency_index(f_ghz: Any) -> np.ndarray:
    """Index of the tabulated frequency f [GHz] (relative 1e-12), -1 where none is."""
    fs = _sites()[3]
    f = np.asarray(f_ghz, dtype=float)[..., None]
    hit = np.abs(f - fs) <= 1e-12 * fs
    return np.where(hit.any(axis=-1), hit.argmax(axis=-1), -1)


@functools.lru_cache(maxsize=1)
def _arrays() -> dict[str, np.ndarray]:
    """Table columns as arrays: per site (n_s,), per site and frequency (n_s, n_f), per f (n_f,)."""
    t = table()
    _, _, names, fs = _sites()
    keys = [repr(float(f)) for f in fs]
    s = t["sites"]
    out = {k: np.array([s[n][k] for n in names], dtype=float) for k in ("lat", "hs", "hr", "R001", "N_wet")}
    for k in ("gas_zenith", "cloud_zenith"):
        out[k] = np.array([[s[n]["bands"][fk][k] for fk in keys] for n in names], dtype=float)
    for k in ("kH", "kV", "alphaH", "alphaV"):
        out[k] = np.array([t["bands"][fk][k] for fk in keys], dtype=float)
    out["f"] = fs
    return out


def slant_path_attenuation(site, freq, el_deg, p_pct, diameter, efficiency, tau_deg=45.0, h_layer=1000.0):
    """Slant-path attenuation components [dB] at a tabulated site and frequency (ITU-R P.618-13).

    Parameters
    ----------
    site : int or array of int
        Row of the site in the table (:func:`site_index`).
    freq : int or array of int
        Column of the frequency in the table (:func:`frequency_index`).
    el_deg : float or array [deg]
        Elevation angle, [5, 90].
    p_pct : float or array [%]
        Percentage of an average year the attenuation is exceeded, (0.001, 1].
    diameter : float or array [m]
        Ground antenna diameter (> 0).
    efficiency : float or array [-]
        Ground antenna efficiency in (0, 1].
    tau_deg : float
        Polarisation tilt [deg] (45: circular, as itur's default).
    h_layer : float
        Height of the turbulent layer [m] (P.618-13 eq. 44; 1000 m).

    Returns
    -------
    tuple of 5 floats or arrays [dB]
        gases, clouds, rain, scintillation, total.

    Notes
    -----
    Rain (P.618-13 section 2.2.1.1), with h_R, h_s [km], R_0.01 [mm/h] from the table and
    gamma_R = k R_0.01^alpha (P.838-3, k and alpha combined for elevation and tilt)::

        L_s = (h_R - h_s) / sin(el),  L_G = L_s cos(el)
        r_0.01 = 1 / (1 + 0.78 sqrt(L_G gamma_R / f) - 0.38 (1 - exp(-2 L_G)))
        zeta = atan((h_R - h_s) / (L_G r_0.01));  L_R = L_G r_0.01 / cos(el) if zeta > el
                                                  else (h_R - h_s) / sin(el)
        chi = 36 - |lat| (|lat| < 36) else 0
        v_0.01 = 1 / (1 + sqrt(sin el) (31 (1 - exp(-el / (1 + chi))) sqrt(L_R gamma_R) / f^2 - 0.45))
        A_0.01 = gamma_R L_R v_0.01
        A_R(p) = A_0.01 (p / 0.01)^-(0.655 + 0.033 ln p - 0.045 ln A_0.01 - beta (1 - p) sin el)

    with beta = 0 for p >= 1 % or |lat| >= 36, -0.005 (|lat| - 36) for el > 25 deg, and
    -0.005 (|lat| - 36) + 1.8 - 4.25 sin(el) otherwise.  Scintillation (section 2.4.1)::

        sigma_ref = 3.6e-3 + 1e-4 N_wet,  L = 2 h_L / (sqrt(sin^2 el + 2.35e-4) + sin el)
        x = 1.22 eta D^2 f / L,  g(x) = sqrt(3.86 (x^2 + 1)^(11/12) sin(11/6 atan(1/x)) - 7.08 x^(5/6))
        sigma = sigma_ref f^(7/12) g(x) / sin(el)^1.2
        A_S = (-0.061 log10^3 p + 0.072 log10^2 p - 1.71 log10 p + 3.0) sigma

    References
    ----------
    ITU-R P.618-13 (2017) sections 2.2.1.1, 2.4.1, 2.5; ITU-R P.838-3 (2005); ITU-R P.839-4,
    P.837-7, P.453-13, P.1511-2, P.676-12 Annex 2, P.840 (map values, computed with itur
    0.4.0: del Portillo, I., ITU-Rpy, https://github.com/inigodelportillo/ITU-Rpy).
    """
    a = _arrays()
    s = np.asarray(site)
    j = np.asarray(freq)
    f = a["f"][j]
    el = np.asarray(el_deg, dtype=float)
    p = np.asarray(p_pct, dtype=float)
    rad = np.deg2rad(el)
    sin_el = np.sin(rad)
    cos_el = np.cos(rad)

    gases = a["gas_zenith"][s, j] / sin_el
    clouds = a["cloud_zenith"][s, j] / sin_el

    # ---- rain (P.618-13 2.2.1.1)
    lat = a["lat"][s]
    hs, hr, r001 = a["hs"][s], a["hr"][s], a["R001"][s]
    dh = hr - hs
    ls = dh / sin_el  # eq. 1 (el >= 5 deg)
    lg = np.abs(ls * cos_el)  # eq. 3
    kh, kv, ah, av = a["kH"][j], a["kV"][j], a["alphaH"][j], a["alphaV"][j]
    c2 = cos_el**2 * np.cos(np.deg2rad(2 * tau_deg))
    k = (kh + kv + (kh - kv) * c2) / 2.0  # P.838-3 eq. 4
    alpha = (kh * ah + kv * av + (kh * ah - kv * av) * c2) / (2.0 * k)  # P.838-3 eq. 5
    gam = k * r001**alpha  # eq. 4 of P.618 step 5
    r = 1.0 / (1 + 0.78 * np.sqrt(lg * gam / f) - 0.38 * (1 - np.exp(-2 * lg)))
    zeta = np.rad2deg(np.arctan2(dh, lg * r))
    dh_pos = np.where(dh <= 0, 1e-9, dh)
    lr = np.where(zeta > el, lg * r / cos_el, dh_pos / sin_el)
    chi = np.where(np.abs(lat) < 36, 36 - np.abs(lat), 0)
    v = 1.0 / (1 + np.sqrt(sin_el) * (31 * (1 - np.exp(-(el / (1 + chi)))) * np.sqrt(lr * gam) / f**2 - 0.45))
    a001 = gam * lr * v
    beta = np.where(
        p >= 1,
        0.0,
        np.where(
            np.abs(lat) >= 36,
            0.0,
            np.where(el > 25, -0.005 * (np.abs(lat) - 36), -0.005 * (np.abs(lat) - 36) + 1.8 - 4.25 * sin_el),
        ),
    )
    rain = a001 * (p / 0.01) ** (-(0.655 + 0.033 * np.log(p) - 0.045 * np.log(a001) - beta * (1 - p) * sin_el))
    rain = np.maximum(rain, 0.0)

    # ---- scintillation (P.618-13 2.4.1)
    sigma_ref = 3.6e-3 + 1e-4 * a["N_wet"][s]
    big_l = 2 * h_layer / (np.sqrt(sin_el**2 + 2.35e-4) + sin_el)
    x = 1.22 * (np.sqrt(efficiency) * np.asarray(diameter, dtype=float)) ** 2 * f / big_l
    with np.errstate(invalid="ignore"):
        g = np.where(
            x >= 7.0,
            0.0,
            np.sqrt(3.86 * (x**2 + 1) ** (11.0 / 12) * np.sin(11.0 / 6 * np.arctan2(1, x)) - 7.08 * x ** (5.0 / 6)),
        )
    sigma = sigma_ref * f ** (7.0 / 12) * g / sin_el**1.2
    lp = np.log10(p)
    scint = np.maximum((-0.061 * lp**3 + 0.072 * lp**2 - 1.71 * lp + 3) * sigma, 0.0)

    total = gases + np.sqrt((rain + clouds) ** 2 + scint**2)
    return gases, clouds, rain, scint, total


def covered(lat_deg, lon_deg, f_ghz, p_pct) -> bool:
    """Whether every point is at a tabulated site and frequency with p <= 1 % (no itur needed)."""
    if not np.all(np.asarray(p_pct) <= P_MAX_PERCENT):
        return False
    return bool(np.all(site_index(lat_deg, lon_deg) >= 0) and np.all(frequency_index(f_ghz) >= 0))
