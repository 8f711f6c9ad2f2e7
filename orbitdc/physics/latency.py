"""Latency (propagation, fibre, satellite routes) and the link-limited request rate."""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..constants import R_EARTH_MEAN, C
from ..kernels import links as kl
from ..units import accepts
from ._checks import check as _require
from ._checks import out as _out
from .link_geometry import (
    _earth_central_angle,
    _elevation,
    _finite,
    _nonneg,
    _positive,
)

FIBRE_GROUP_INDEX = 1.4682
"""Group index of standard single-mode fibre at 1550 nm [-]. Corning SMF-28 Ultra optical
fiber product information sheet: effective group index of refraction 1.4682 at 1550 nm.
Kind: vendor."""

FIBRE_ROUTE_FACTOR = 1.5
"""Fibre route length over great-circle distance [-]. Bozkurt et al. (2018), "Dissecting
latency in the Internet's fiber infrastructure" (arXiv:1811.10737): shortest paths through
the US long-haul conduit map are 1.3x the great-circle distance (median), while measured
Internet latencies correspond to 2.1x. 1.5 is a mid value. Kind: assumption."""


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


@accepts(
    great_circle_distance="m",
    altitude="m",
    elevation="rad",
    hop_length="m",
    processing_per_satellite="s",
    earth_radius="m",
)
def satellite_route_latency(
    great_circle_distance, altitude, elevation, hop_length, processing_per_satellite=0.0, earth_radius=R_EARTH_MEAN
):
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
def link_limited_request_rate(
    downlink_capacity,
    uplink_capacity,
    tokens_in,
    tokens_out,
    bytes_per_token_in=4.0,
    bytes_per_token_out=4.0,
    overhead=1.0,
):
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
    rate, bits = kl.request_rate(cd, cu, ti, to, bi, bo, k)
    _require(
        bits > 0,
        "bytes_per_token_out",
        bo,
        "> 0 (or prompt data > 0)",
        "a request must carry some data over the links, or the link-limited rate is unbounded",
    )
    return _out(rate)
