"""Atmospheric attenuation of RF links: the ITU-R site table, and a cached wrapper over ``itur``.

ITU-R P.618 / P.676 / P.840 / P.837 / P.838 / P.839 / P.453 / P.1511.  At the named ground
sites and band frequencies, for exceedances up to 1 %, the attenuation comes from the
table computed offline with itur (:mod:`orbitdc.physics.itu_sites`, no itur import, no
map loading).  Anything else -- a custom site or frequency, or p above 1 % -- goes through
``itur``, imported lazily under a lock (with numpy's error state preserved); its results
are cached per distinct site, frequency, elevation, exceedance and antenna.
"""

from __future__ import annotations

import math
import threading
import warnings
from collections import OrderedDict
from typing import Any, NamedTuple

import numpy as np

from ..errors import ScenarioError
from ..units import accepts
from . import itu_sites
from ._checks import check as _require
from .link_geometry import _finite, _fraction, _positive

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
# Atmospheric loss: cached wrapper over itur
# --------------------------------------------------------------------------------------
_ITUR = None
_LOCK = threading.RLock()  # guards the first itur import and the caches below


def _itur():
    """Import itur once (thread-safe); restore numpy's error state (itur calls np.seterr at import)."""
    global _ITUR
    if _ITUR is None:
        with _LOCK:
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


_ATM_CACHE: OrderedDict[tuple, tuple] = OrderedDict()
_ATM_SCALAR: dict = {}  # (validated scalar arguments) -> result of atmospheric_loss
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
                lat_deg, lon_deg, f_ghz, el_deg, p_pct, d_m, eta=eta, return_contributions=True
            )
    finally:
        np.seterr(**state)
    n = np.size(lat_deg)
    vals = np.stack(
        [np.broadcast_to(np.asarray(getattr(x, "value", x), dtype=float).reshape(-1), (n,)) for x in res], axis=1
    )
    if not np.all(np.isfinite(vals)):  # pragma: no cover - defensive
        raise ScenarioError(
            "atmospheric_loss",
            vals,
            "finite dB values",
            f"itur returned a non-finite attenuation at f={f_ghz} GHz, p={p_pct} %",
        )
    return vals


def _table_or_itur(lat_deg, lon_deg, f_ghz: float, el_deg, p_pct: float, d_m: float, eta: float) -> np.ndarray:
    """(n, 5) components [dB]: from the site table where it covers the point, else from itur."""
    out = np.empty((np.size(lat_deg), 5))
    site = itu_sites.site_index(lat_deg, lon_deg)
    fj = int(itu_sites.frequency_index(f_ghz))
    hit = (site >= 0) if (fj >= 0 and p_pct <= itu_sites.P_MAX_PERCENT) else np.zeros(site.shape, bool)
    if hit.any():
        out[hit] = np.stack(itu_sites.slant_path_attenuation(site[hit], fj, el_deg[hit], p_pct, d_m, eta), axis=1)
    if not hit.all():
        miss = ~hit
        out[miss] = _itur_call(lat_deg[miss], lon_deg[miss], f_ghz, el_deg[miss], p_pct, d_m, eta)
    return out


def _itur_lookup(rows: np.ndarray) -> np.ndarray:
    """Attenuation components for unique input rows (lat, lon, f, el, p, D, eta), cached.

    Rows already computed come from an LRU cache; the others are evaluated per distinct
    (f, p, D, eta): from the site table where it covers them, else with one vectorised
    itur call.
    """
    with _LOCK:
        return _lookup_locked(rows)


def _lookup_locked(rows: np.ndarray) -> np.ndarray:
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
        vals = _table_or_itur(sub[:, 0], sub[:, 1], f, sub[:, 3], p, d, eta)
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


@accepts(latitude="rad", longitude="rad", frequency="Hz", elevation="rad", exceedance="", antenna_diameter="m")
def atmospheric_loss(
    latitude,
    longitude,
    frequency,
    elevation,
    exceedance,
    antenna_diameter,
    antenna_efficiency=0.5,
    extrapolate=False,
    components=False,
):
    """Slant-path atmospheric attenuation exceeded for a fraction of the year (ITU-R, itur).

    Gases, clouds, rain and tropospheric scintillation for an Earth-space path at a ground
    site, combined as in ITU-R P.618-13 section 2.5.  At the named ground sites of
    ``links.ground_site`` and the band-centre frequencies of ``links.band``, for exceedances
    up to 1 %, the result comes from the table computed offline with itur 0.4
    (``orbitdc/data/itur_sites.json``) and the P.618 closed forms in elevation, exceedance
    and antenna (:mod:`orbitdc.physics.itu_sites`; equal to itur within 1e-6 dB, tested):
    no itur import and no map loading.  Elsewhere this is a thin wrapper over
    ``itur.atmospheric_attenuation_slant_path`` (itur 0.4, which loads its own shipped
    ITU-R digital maps): itur is imported lazily under a lock on the first such call (about
    1 s, plus 1-2 s of map loading in its first evaluation).  Results are kept in an LRU
    cache keyed on the scalar inputs.  Arrays are reduced to their distinct input
    combinations; those not cached are evaluated per distinct (frequency, exceedance,
    diameter, efficiency), vectorised over site and elevation (itur: about 0.5 ms per
    point).  A Monte Carlo that draws a custom frequency or exceedance above 1 %
    continuously therefore costs one itur call per draw.

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
    if (
        latitude.__class__ is float
        and longitude.__class__ is float
        and frequency.__class__ is float
        and elevation.__class__ is float
        and exceedance.__class__ is float
        and antenna_diameter.__class__ is float
        and antenna_efficiency.__class__ is float
    ):
        # single scenario: the whole (validated) result is cached on the scalar arguments
        scalar_key = (
            latitude,
            longitude,
            frequency,
            elevation,
            exceedance,
            antenna_diameter,
            antenna_efficiency,
            bool(extrapolate),
            bool(components),
        )
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
        why = (
            "ITU-R P.618-13's slant-path method (as implemented by itur 0.4) is stated for 1-55 GHz; "
            "pass extrapolate=True to use it for E band (71-86 GHz)"
        )
    _require((f >= ITUR_FREQUENCY_RANGE[0]) & (f <= fmax), "frequency", f, f"[1, {fmax / 1e9:g}] GHz", why)
    el = _finite("elevation", elevation)
    _require(
        (el >= ITUR_MIN_ELEVATION - 1e-12) & (el <= math.pi / 2 + 1e-12),
        "elevation",
        el,
        "[5, 90] deg",
        "ITU-R P.676 Annex 2 and P.618 section 2.4.1 are stated for elevations of 5 deg and above",
    )
    p = _finite("exceedance", exceedance)
    lo, hi = ITUR_EXCEEDANCE_RANGE
    _require(
        (p >= lo * (1 - 1e-9)) & (p <= hi * (1 + 1e-9)),
        "exceedance",
        p,
        "[1e-5, 0.05] (0.001 % to 5 % of the year, i.e. availability 95 % to 99.999 %)",
        "the ITU-R P.618-13 rain attenuation method is valid for 0.001 % <= p <= 5 %",
    )
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
