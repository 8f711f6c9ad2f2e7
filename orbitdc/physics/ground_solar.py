"""Ground photovoltaics plus battery storage for the terrestrial baseline (pvlib).

The terrestrial data center can be powered by an on-site solar array with batteries.
This module turns one of the typical-meteorological-year files that ship inside
pvlib (``pvlib/data``; nothing is downloaded) into an hourly AC output profile of
1 W_dc of fixed-tilt PV with a PVWatts-style chain, then sizes the array and the
battery that serve a *constant* load at a chosen reliability for the least capital.

Sites (all files ship with pvlib; the default is Greensboro):

=============  ===========================  ===============================================
key            file                         station
=============  ===========================  ===============================================
greensboro     ``723170TYA.CSV`` (TMY3)     Greensboro Piedmont Triad Intl, NC, USA
                                            (36.10 N, 79.95 W, 273 m) -- a mid-latitude,
                                            humid, partly cloudy site, typical of the US
                                            South-East data-center corridor.
miami          ``12839.tm2`` (TMY2)         Miami Intl, FL, USA (25.80 N, 80.27 W, 2 m)
sand_point     ``703165TY.csv`` (TMY3)      Sand Point, AK, USA (55.32 N, 160.52 W): a
                                            deliberately poor solar site.
=============  ===========================  ===============================================

The weather read and the PV chain run once per (site, geometry) and are cached with
:func:`functools.lru_cache`; the hourly storage dispatch runs once per site on a fixed
grid of (array, storage) sizes and is cached too.  Everything downstream of the cache
is vectorised numpy: sizing a million scenarios with different PV and battery prices
is a ``searchsorted`` on the convex cost frontier.

Units are SI at the interface: array size in W_dc per W of load (dimensionless),
storage in J per W of load, i.e. seconds of full load (1 h = 3600 s), costs in USD/W
and USD/J.

This is the one module of ``orbitdc.physics`` that reads files: the pvlib data files
are part of an installed package and are read once per process (lru_cache).

References
----------
.. [1] Dobos, A. P. (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
.. [2] Wilcox, S. and Marion, W. (2008). Users Manual for TMY3 Data Sets.
   NREL/TP-581-43156.
.. [3] Holmgren, W. F., Hansen, C. W. and Mikofski, M. A. (2018). pvlib python: a python
   package for modeling solar energy systems. J. Open Source Software 3(29), 884.
.. [4] Perez, R., Ineichen, P., Seals, R., Michalsky, J. and Stewart, R. (1990).
   Modeling daylight availability and irradiance components from direct and global
   irradiance. Solar Energy 44(5), 271-289.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from orbitdc.constants import HOUR
from orbitdc.errors import ScenarioError, require, require_finite
from orbitdc.units import accepts

__all__ = [
    "SITES",
    "DEFAULT_SITE",
    "weather",
    "plane_of_array_irradiance",
    "pv_profile",
    "capacity_factor",
    "storage_dispatch",
    "solar_storage_frontier",
    "size_solar_storage",
]


#: Sites whose typical-year weather ships with pvlib: key -> (file, reader, description).
SITES: dict[str, tuple[str, str, str]] = {
    "greensboro": (
        "723170TYA.CSV",
        "tmy3",
        "Greensboro Piedmont Triad Intl, NC, USA (TMY3 station 723170, 36.10 N 79.95 W); "
        "measurement-based typical year, NREL NSRDB 1991-2005 [2]",
    ),
    "miami": (
        "12839.tm2",
        "tmy2",
        "Miami Intl, FL, USA (TMY2 station 12839, 25.80 N 80.27 W); "
        "measurement-based typical year, NREL NSRDB 1961-1990",
    ),
    "sand_point": (
        "703165TY.csv",
        "tmy3",
        "Sand Point, AK, USA (TMY3 station 703165, 55.32 N 160.52 W); a poor solar site",
    ),
}
DEFAULT_SITE = "greensboro"

# PVWatts v8 defaults (NREL PVWatts calculator, pvwatts.nrel.gov, and [1]):
_PVWATTS_TILT = math.radians(20.0)  # rad, PVWatts default fixed tilt
_PVWATTS_AZIMUTH = math.radians(180.0)  # rad, facing the equator (north hemisphere)
_PVWATTS_LOSSES = 0.1408  # -, PVWatts v8 default total system losses (14.08 %)
_PVWATTS_DC_AC = 1.2  # -, PVWatts default DC/AC ratio
_PVWATTS_GAMMA = -0.0037  # 1/K, PVWatts "standard" module power temperature coefficient
_PVWATTS_ETA_INV = 0.96  # -, PVWatts nominal inverter efficiency

# Fixed sizing grid for the hourly dispatch (cached per site).  Array: W_dc per W of
# constant load; storage: hours of full load.
_ARRAY_GRID = np.geomspace(0.1, 60.0, 90)
_STORAGE_GRID_H = np.array(
    [
        0,
        1,
        2,
        3,
        4,
        6,
        8,
        10,
        12,
        14,
        16,
        18,
        20,
        24,
        30,
        36,
        42,
        48,
        60,
        72,
        84,
        96,
        120,
        144,
        168,
        200,
        240,
        300,
        360,
        480,
        600,
        720,
    ],
    dtype=float,
)


def _nonneg(x, name, allowed, reason):
    """Finite values >= 0, as a float array."""
    a = np.asarray(x, dtype=float)
    require_finite(a, name)
    require(a >= 0, name, a, allowed, reason)
    return a


def _round_trip(x):
    """A battery's round-trip efficiency in (0, 1], as a float array."""
    eff = np.asarray(x, dtype=float)
    require(
        np.isfinite(eff) & (eff > 0) & (eff <= 1),
        "round_trip_efficiency",
        eff,
        "0 < eta <= 1",
        "a battery returns at most the energy put in",
    )
    return eff


def _check_site(site: str) -> str:
    if site not in SITES:
        raise ScenarioError(
            "site",
            site,
            "one of " + ", ".join(SITES),
            "only the typical-year files shipped with pvlib are available offline",
        )
    return site


@functools.cache
def weather(site: str = DEFAULT_SITE):
    """Read the typical-year weather of a site shipped with pvlib.

    Parameters
    ----------
    site : str
        A key of :data:`SITES` (``"greensboro"``, ``"miami"``, ``"sand_point"``).

    Returns
    -------
    tuple (pandas.DataFrame, dict)
        Hourly frame (8760 rows) with columns ``ghi``, ``dni``, ``dhi`` [W/m2],
        ``temp_air`` [degC], ``wind_speed`` [m/s], ``albedo`` [-] indexed by the
        *middle* of each hour (local standard time), and the station metadata
        (``latitude``, ``longitude`` in degrees, ``altitude`` in m, ``name``).

    Notes
    -----
    TMY3 time stamps mark the end of the hour [2]; pvlib's TMY2 reader stamps the
    start.  Both are shifted to mid-hour so the solar position matches the hourly
    mean irradiance.  Cached: the file is read once per process.

    References
    ----------
    .. [1] Wilcox, S. and Marion, W. (2008). Users Manual for TMY3 Data Sets.
       NREL/TP-581-43156.
    """
    import os

    import pandas as pd
    import pvlib

    fname, reader, desc = SITES[_check_site(site)]
    path = os.path.join(os.path.dirname(pvlib.__file__), "data", fname)
    if reader == "tmy3":
        df, meta = pvlib.iotools.read_tmy3(path, coerce_year=1990, map_variables=True)
        out = pd.DataFrame(
            {
                "ghi": df["ghi"].to_numpy(float),
                "dni": df["dni"].to_numpy(float),
                "dhi": df["dhi"].to_numpy(float),
                "temp_air": df["temp_air"].to_numpy(float),
                "wind_speed": df["wind_speed"].to_numpy(float),
                "albedo": df["albedo"].to_numpy(float) if "albedo" in df else np.full(len(df), 0.2),
            },
            index=df.index - pd.Timedelta(minutes=30),
        )
        name = meta["Name"].strip('"')
    else:  # tmy2: temperatures in 0.1 degC, wind in 0.1 m/s
        df, meta = pvlib.iotools.read_tmy2(path)
        idx = pd.date_range("1990-01-01 00:30", periods=len(df), freq="h", tz=df.index.tz)
        out = pd.DataFrame(
            {
                "ghi": df["GHI"].to_numpy(float),
                "dni": df["DNI"].to_numpy(float),
                "dhi": df["DHI"].to_numpy(float),
                "temp_air": df["DryBulb"].to_numpy(float) / 10.0,
                "wind_speed": df["Wspd"].to_numpy(float) / 10.0,
                "albedo": np.full(len(df), 0.2),
            },
            index=idx,
        )
        name = meta["City"]
    # TMY3 albedo has missing values coded as negative/NaN in a few stations.
    alb = out["albedo"].to_numpy()
    out["albedo"] = np.where(np.isfinite(alb) & (alb > 0) & (alb < 1), alb, 0.2)
    info = {
        "latitude": float(meta["latitude"]),
        "longitude": float(meta["longitude"]),
        "altitude": float(meta["altitude"]),
        "name": name,
        "description": desc,
    }
    return out, info


@functools.lru_cache(maxsize=32)
def _poa(site: str, tilt: float, azimuth: float):
    import pvlib

    wx, info = weather(site)
    sp = pvlib.solarposition.get_solarposition(
        wx.index,
        info["latitude"],
        info["longitude"],
        altitude=info["altitude"],
        temperature=wx["temp_air"].to_numpy(),
    )
    dni_extra = np.asarray(
        pvlib.irradiance.get_extra_radiation(np.asarray(wx.index.day_of_year, dtype=float)), dtype=float
    )
    am_rel = pvlib.atmosphere.get_relative_airmass(sp["apparent_zenith"].to_numpy())
    am_rel = np.nan_to_num(am_rel, nan=0.0)  # sun below horizon: Perez ignores it
    tilt_deg = math.degrees(tilt)
    az_deg = math.degrees(azimuth)
    irr = pvlib.irradiance.get_total_irradiance(
        tilt_deg,
        az_deg,
        sp["apparent_zenith"].to_numpy(),
        sp["azimuth"].to_numpy(),
        wx["dni"].to_numpy(),
        wx["ghi"].to_numpy(),
        wx["dhi"].to_numpy(),
        dni_extra=dni_extra,
        airmass=am_rel,
        albedo=wx["albedo"].to_numpy(),
        model="perez",
    )
    aoi = pvlib.irradiance.aoi(tilt_deg, az_deg, sp["apparent_zenith"].to_numpy(), sp["azimuth"].to_numpy())
    poa_direct = np.nan_to_num(np.asarray(irr["poa_direct"], float), nan=0.0)
    poa_diffuse = np.nan_to_num(np.asarray(irr["poa_diffuse"], float), nan=0.0)
    poa_global = np.clip(poa_direct + poa_diffuse, 0.0, None)
    # Reflection (incidence-angle) loss on the beam, physical (Fresnel) model as in PVWatts v5+ [1].
    iam = np.nan_to_num(np.asarray(pvlib.iam.physical(aoi), float), nan=0.0)
    effective = np.clip(poa_direct * iam + poa_diffuse, 0.0, None)
    return poa_global, effective


@accepts(surface_tilt="rad", surface_azimuth="rad")
def plane_of_array_irradiance(
    site: str = DEFAULT_SITE, surface_tilt: float = _PVWATTS_TILT, surface_azimuth: float = _PVWATTS_AZIMUTH
) -> np.ndarray:
    """Hourly plane-of-array global irradiance on a fixed plane at a pvlib-shipped site.

    Parameters
    ----------
    site : str
        A key of :data:`SITES`.
    surface_tilt : float [rad]
        Tilt from horizontal, 0 to pi/2 (default 20 deg, the PVWatts default).
    surface_azimuth : float [rad]
        Azimuth clockwise from north (default pi, facing south).

    Returns
    -------
    numpy.ndarray [W/m2]
        8760 hourly means of the in-plane global irradiance (read-only).

    Notes
    -----
    Sun position from NREL SPA (pvlib), sky diffuse by the Perez (1990) model [1],
    ground reflection with the file's albedo:
    ``POA = DNI cos(AOI) + I_d,sky(Perez) + GHI albedo (1 - cos tilt) / 2``.

    References
    ----------
    .. [1] Perez, R. et al. (1990). Solar Energy 44(5), 271-289.
    .. [2] Reda, I. and Andreas, A. (2004). Solar position algorithm for solar radiation
       applications. Solar Energy 76(5), 577-589.
    """
    tilt, az = _check_geometry(surface_tilt, surface_azimuth)
    poa, _ = _poa(_check_site(site), tilt, az)
    out = poa.copy()
    out.flags.writeable = False
    return out


def _check_geometry(surface_tilt, surface_azimuth):
    tilt = float(surface_tilt)
    az = float(surface_azimuth)
    require(
        np.isfinite(tilt) and 0.0 <= tilt <= math.pi / 2,
        "surface_tilt",
        tilt,
        "0 to pi/2 rad (0-90 deg)",
        "a ground array faces the sky",
    )
    require(
        np.isfinite(az) and 0.0 <= az <= 2 * math.pi,
        "surface_azimuth",
        az,
        "0 to 2 pi rad",
        "azimuth is an angle clockwise from north",
    )
    return round(tilt, 12), round(az, 12)


@functools.lru_cache(maxsize=32)
def _profile(site, tilt, azimuth, dc_ac_ratio, system_losses, gamma_pdc, eta_inv):
    import pvlib

    wx, _ = weather(site)
    poa, eff = _poa(site, tilt, azimuth)
    params = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]["open_rack_glass_polymer"]
    t_cell = pvlib.temperature.sapm_cell(poa, wx["temp_air"].to_numpy(), wx["wind_speed"].to_numpy(), **params)
    pdc = np.asarray(pvlib.pvsystem.pvwatts_dc(eff, t_cell, 1.0, gamma_pdc), float)
    pdc = np.clip(pdc, 0.0, None) * (1.0 - system_losses)
    pac0 = 1.0 / dc_ac_ratio  # W_ac nameplate per W_dc
    pac = np.asarray(pvlib.inverter.pvwatts(pdc, pac0 / eta_inv, eta_inv_nom=eta_inv), float)
    pac = np.clip(np.nan_to_num(pac, nan=0.0), 0.0, pac0)
    pac.flags.writeable = False
    return pac


@accepts(surface_tilt="rad", surface_azimuth="rad", gamma_pdc="1/K")
def pv_profile(
    site: str = DEFAULT_SITE,
    surface_tilt: float = _PVWATTS_TILT,
    surface_azimuth: float = _PVWATTS_AZIMUTH,
    dc_ac_ratio: float = _PVWATTS_DC_AC,
    system_losses: float = _PVWATTS_LOSSES,
    gamma_pdc: float = _PVWATTS_GAMMA,
    inverter_efficiency: float = _PVWATTS_ETA_INV,
) -> np.ndarray:
    """Hourly AC output of 1 W_dc of fixed-tilt PV at a site (PVWatts-style chain).

    Parameters
    ----------
    site : str
        A key of :data:`SITES` (default ``"greensboro"``).
    surface_tilt : float [rad]
        Array tilt (default 20 deg, PVWatts v8 default).
    surface_azimuth : float [rad]
        Array azimuth clockwise from north (default pi = south).
    dc_ac_ratio : float [-]
        DC nameplate over inverter AC rating, 1 to 2 (default 1.2, PVWatts default).
    system_losses : float [-]
        Lumped DC losses (soiling, wiring, mismatch, ...), 0 to 0.5
        (default 0.1408, PVWatts v8 default).
    gamma_pdc : float [1/K]
        Module power temperature coefficient, -0.01 to 0 (default -0.0037/K, PVWatts
        "standard" module).
    inverter_efficiency : float [-]
        Nominal inverter efficiency, 0.5 to 1 (default 0.96, PVWatts default).

    Returns
    -------
    numpy.ndarray [W_ac per W_dc]
        8760 hourly mean AC powers of 1 W_dc of array (read-only, cached).

    Notes
    -----
    ``P_dc = (E_eff / 1000) (1 + gamma (T_cell - 25)) (1 - losses)``, effective
    irradiance with the physical incidence-angle modifier on the beam; cell temperature
    from the Sandia open-rack model; AC from the PVWatts inverter curve, clipped at
    ``1 / dc_ac_ratio`` [1].

    References
    ----------
    .. [1] Dobos, A. P. (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
    .. [2] King, D. L., Boyson, W. E. and Kratochvil, J. A. (2004). Photovoltaic Array
       Performance Model. SAND2004-3535 (cell temperature model).
    """
    tilt, az = _check_geometry(surface_tilt, surface_azimuth)
    for name, v, lo, hi, why in (
        ("dc_ac_ratio", dc_ac_ratio, 1.0, 2.0, "inverters are loaded between 1x and 2x their AC rating"),
        ("system_losses", system_losses, 0.0, 0.5, "lumped DC losses are a fraction well below one"),
        ("gamma_pdc", gamma_pdc, -0.01, 0.0, "silicon modules lose 0.2-0.5 %/K"),
        ("inverter_efficiency", inverter_efficiency, 0.5, 1.0, "an inverter cannot create energy"),
    ):
        fv = float(v)
        require(np.isfinite(fv) and lo <= fv <= hi, name, fv, f"{lo} to {hi}", why)
    return _profile(
        _check_site(site),
        tilt,
        az,
        float(dc_ac_ratio),
        float(system_losses),
        float(gamma_pdc),
        float(inverter_efficiency),
    )


def capacity_factor(site: str = DEFAULT_SITE, **kwargs) -> float:
    """Annual AC capacity factor of fixed-tilt PV per DC nameplate at a site.

    Parameters
    ----------
    site : str
        A key of :data:`SITES`.
    **kwargs
        Passed to :func:`pv_profile` (tilt, azimuth, losses, ...).

    Returns
    -------
    float [-]
        ``CF = E_ac,year / (P_dc,nameplate * 8760 h)``.

    References
    ----------
    .. [1] Dobos, A. P. (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
    """
    return float(np.mean(pv_profile(site, **kwargs)))


def storage_dispatch(profile, array_ratio, storage_duration, round_trip_efficiency=0.85, years: int = 2) -> np.ndarray:
    """Fraction of a constant load served by PV plus a battery, hour by hour.

    Parameters
    ----------
    profile : array (T,) [W per W_dc]
        Hourly AC output of 1 W_dc (e.g. :func:`pv_profile`).
    array_ratio : float or array [W_dc per W of load]
        Array DC nameplate per watt of constant load, >= 0.
    storage_duration : float or array [s]
        Usable battery energy per watt of load (J/W = seconds of full load), >= 0.
    round_trip_efficiency : float or array [-]
        Battery AC-to-AC round-trip efficiency, in (0, 1]; split equally between
        charge and discharge (sqrt each).
    years : int
        Number of passes over the typical year; the battery starts full and only the
        last pass is scored, so with ``years >= 2`` the result is the periodic steady
        state, independent of the initial charge.

    Returns
    -------
    numpy.ndarray [-]
        Served fraction of load energy, broadcast shape of the size arguments.

    Notes
    -----
    Greedy dispatch (PV serves the load first; surplus charges the battery; deficit
    discharges it; the rest is unserved), energy per hour ``dt = 1 h``:
    ``S_{t+1} = min(S_max, S_t + eta_c max(n_t, 0)) - max(-n_t, 0) / eta_d``,
    ``n_t = a P_t - 1``, with the unserved energy ``max(0, -S_{t+1}) eta_d`` and
    ``S`` then floored at 0.  Battery power is not limited (durations of interest are
    >= 2 h where the power rating of a standard 4-h battery exceeds the load).  The loop
    runs over hours; every candidate size is updated together (vectorised).

    References
    ----------
    .. [1] Lambert, T., Gilman, P. and Lilienthal, P. (2006). Micropower system
       modeling with HOMER. In Integration of Alternative Sources of Energy, Wiley
       (load-following dispatch).
    """
    p = np.asarray(profile, dtype=float)
    require(p.ndim == 1 and p.size > 0, "profile", p.shape, "a 1-D hourly series", "one value per hour")
    require(np.all(np.isfinite(p)) & np.all(p >= 0), "profile", p, ">= 0 W/W", "PV output is not negative")
    a = _nonneg(array_ratio, "array_ratio", ">= 0 W/W", "an array cannot have negative size")
    s = _nonneg(storage_duration, "storage_duration", ">= 0 s", "a battery cannot have negative capacity")
    rte = _round_trip(round_trip_efficiency)
    shape = np.broadcast_shapes(a.shape, s.shape, rte.shape)
    a = np.broadcast_to(a, shape).astype(float)
    cap = np.broadcast_to(s / HOUR, shape).astype(float)  # Wh per W load
    eta = np.sqrt(np.broadcast_to(rte, shape))
    soc = cap.copy()
    unserved = np.zeros(shape)
    net_all = p  # per W_dc
    for y in range(max(int(years), 1)):
        last = y == max(int(years), 1) - 1
        for pt in net_all:
            n = a * pt - 1.0
            soc = np.minimum(cap, soc + eta * np.maximum(n, 0.0)) - np.maximum(-n, 0.0) / eta
            if last:
                unserved += np.maximum(-soc, 0.0) * eta
            soc = np.maximum(soc, 0.0)
    res = 1.0 - unserved / p.size
    return float(res) if np.ndim(res) == 0 else res


@functools.lru_cache(maxsize=16)
def _served_table(site: str, round_trip_efficiency: float) -> np.ndarray:
    prof = pv_profile(site)
    table = storage_dispatch(prof, _ARRAY_GRID[:, None], _STORAGE_GRID_H[None, :] * HOUR, round_trip_efficiency)
    # Served fraction is non-decreasing in array size and storage (physics); enforce
    # against round-off so the inverse interpolation is well defined.
    table = np.maximum.accumulate(np.maximum.accumulate(table, axis=0), axis=1)
    table.flags.writeable = False
    return table


@functools.lru_cache(maxsize=256)
def _frontier(site: str, reliability: float, round_trip_efficiency: float):
    table = _served_table(site, round_trip_efficiency)
    arr = np.full(_STORAGE_GRID_H.size, np.inf)
    for j in range(_STORAGE_GRID_H.size):  # 32 columns, once per (site, reliability)
        col = table[:, j]
        ok = np.flatnonzero(col >= reliability)
        if ok.size == 0:
            continue
        i = ok[0]
        if i == 0:  # the smallest array on the grid already suffices (very low r)
            arr[j] = _ARRAY_GRID[0]
        else:
            f0, f1 = col[i - 1], col[i]
            w = (reliability - f0) / (f1 - f0) if f1 > f0 else 1.0
            arr[j] = _ARRAY_GRID[i - 1] + w * (_ARRAY_GRID[i] - _ARRAY_GRID[i - 1])
    fin = np.isfinite(arr)
    if not np.any(fin):
        return None
    s = _STORAGE_GRID_H[fin] * HOUR
    a = arr[fin]
    # Lower convex hull (Andrew's monotone chain) of the points (s, a), s ascending.
    hull: list[int] = []
    for k in range(s.size):
        while len(hull) >= 2:
            i0, i1 = hull[-2], hull[-1]
            cross = (s[i1] - s[i0]) * (a[k] - a[i0]) - (a[i1] - a[i0]) * (s[k] - s[i0])
            if cross <= 0:
                hull.pop()
            else:
                break
        hull.append(k)
    hs, ha = s[hull], a[hull]
    # Keep the decreasing part: beyond the minimum array size more storage never pays.
    stop = int(np.argmin(ha)) + 1
    hs, ha = hs[:stop], ha[:stop]
    neg_slope = -np.diff(ha) / np.diff(hs) if hs.size > 1 else np.zeros(0)
    for x in (hs, ha, neg_slope):
        x.flags.writeable = False
    return hs, ha, neg_slope


def solar_storage_frontier(site: str = DEFAULT_SITE, reliability: float = 0.99, round_trip_efficiency: float = 0.85):
    """Least-array / least-storage combinations that serve a constant load at a reliability.

    Parameters
    ----------
    site : str
        A key of :data:`SITES`.
    reliability : float [-]
        Required served fraction of the load's energy over the typical year, in (0, 1).
    round_trip_efficiency : float [-]
        Battery round-trip efficiency, in (0, 1].

    Returns
    -------
    tuple (storage_duration [s], array_ratio [W_dc/W])
        Vertices of the lower convex hull of the feasible set, storage ascending.  Any
        linear cost ``c_a a + c_s s`` is minimised at one of these vertices.

    Raises
    ------
    ScenarioError
        If no size on the grid (array up to 60 W_dc per W, storage up to 720 h) reaches
        the reliability at this site.

    References
    ----------
    .. [1] Andrew, A. M. (1979). Another efficient algorithm for convex hulls in two
       dimensions. Information Processing Letters 9(5), 216-219.
    """
    rel, rte = _check_reliability(reliability, round_trip_efficiency)
    fr = _frontier(_check_site(site), rel, rte)
    if fr is None:
        raise ScenarioError(
            "reliability",
            rel,
            "a value the site can reach with <= 60 W_dc/W and <= 720 h",
            f"PV plus storage at {site} cannot serve that share of a constant load",
        )
    return fr[0], fr[1]


def _check_reliability(reliability, rte):
    rel = float(reliability)
    rte = float(rte)
    require(
        np.isfinite(rel) and 0.0 < rel < 1.0,
        "reliability",
        rel,
        "0 < r < 1",
        "the served share of the load (1 would need infinite storage for a finite record)",
    )
    require(
        np.isfinite(rte) and 0.0 < rte <= 1.0,
        "round_trip_efficiency",
        rte,
        "0 < eta <= 1",
        "a battery returns at most the energy put in",
    )
    return round(rel, 9), round(rte, 9)


@accepts(array_cost="USD/W", storage_cost="USD/J")
def size_solar_storage(
    array_cost, storage_cost, reliability=0.99, site: str = DEFAULT_SITE, round_trip_efficiency: float = 0.85
) -> dict:
    """Least-capital PV array and battery that serve a constant load at a reliability.

    Parameters
    ----------
    array_cost : float or array [USD/W_dc]
        Installed (or annualised) cost of PV per DC watt, >= 0.
    storage_cost : float or array [USD/J]
        Installed (or annualised) cost of usable battery energy, >= 0
        (1 USD/kWh = 2.778e-7 USD/J).
    reliability : float or array [-]
        Served fraction of the load's energy, in (0, 1).  Arrays are handled per unique
        value (the frontier is cached per value).
    site : str
        A key of :data:`SITES`.
    round_trip_efficiency : float or array [-]
        Battery round-trip efficiency, in (0, 1] (arrays handled per unique value).

    Returns
    -------
    dict of arrays
        ``array_ratio`` [W_dc per W of load], ``storage_duration`` [s] (J per W of
        load), ``capex_per_watt`` [USD per W of load] = ``c_a a + c_s s``,
        ``served_fraction`` [-] (equal to ``reliability`` up to grid interpolation),
        ``capacity_factor`` [-] of the PV at the site.

    Notes
    -----
    ``min_{a,s} c_a a + c_s s  subject to  served(a, s) >= r``.  The served fraction
    comes from :func:`storage_dispatch` on a fixed grid (cached once per site); the
    feasible frontier's lower convex hull is searched with the price ratio
    ``rho = c_s / c_a``: the optimum vertex is the first whose following hull edge has
    ``-da/ds <= rho``.  Use annualised costs when the array and battery lives differ.

    References
    ----------
    .. [1] Lambert, T., Gilman, P. and Lilienthal, P. (2006). Micropower system
       modeling with HOMER (least-cost sizing by enumeration).
    """
    ca = _nonneg(array_cost, "array_cost", ">= 0 USD/W", "prices are not negative")
    cs = _nonneg(storage_cost, "storage_cost", ">= 0 USD/J", "prices are not negative")
    rel = np.asarray(reliability, dtype=float)
    require(np.isfinite(rel) & (rel > 0) & (rel < 1), "reliability", rel, "0 < r < 1", "the served share of the load")
    eff = _round_trip(round_trip_efficiency)
    shape = np.broadcast_shapes(ca.shape, cs.shape, rel.shape, eff.shape)
    ca_b = np.broadcast_to(ca, shape)
    cs_b = np.broadcast_to(cs, shape)
    rel_b = np.broadcast_to(rel, shape)
    eff_b = np.broadcast_to(eff, shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = np.where(ca_b > 0, cs_b / np.where(ca_b > 0, ca_b, 1.0), np.where(cs_b > 0, np.inf, 0.0))
    a_out = np.empty(shape)
    s_out = np.empty(shape)
    if rel.ndim == 0 and eff.ndim == 0:
        pairs = [(float(rel), float(eff))]
    else:
        pairs = np.unique(np.stack([rel_b.ravel(), eff_b.ravel()], axis=1), axis=0)
    for r, e in pairs:  # few unique (reliability, efficiency) pairs; each frontier is cached
        solar_storage_frontier(site, float(r), float(e))  # raises if unreachable
        hs, ha, neg = _frontier(site, *_check_reliability(r, e))
        m = Ellipsis if len(pairs) == 1 else (rel_b == r) & (eff_b == e)
        # number of hull edges worth taking: those with -slope > rho (neg is decreasing)
        k = neg.size - np.searchsorted(neg[::-1], rho[m], side="right")
        a_out[m] = ha[k]
        s_out[m] = hs[k]
    return {
        "array_ratio": a_out,
        "storage_duration": s_out,
        "capex_per_watt": ca_b * a_out + cs_b * s_out,
        "served_fraction": np.array(rel_b, dtype=float),
        "capacity_factor": np.full(shape, capacity_factor(site)),
    }
