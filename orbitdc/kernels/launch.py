r"""Kernels of the launch domain: manoeuvres, payload to orbit, mass roll-up, launches.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references (SMAD, Vallado, Curtis, Edelbaum, Barlow & Proschan) is
:mod:`orbitdc.physics.launch` and :mod:`orbitdc.physics.vehicles`. Lengths and altitudes
in m, speeds in m/s, masses in kg, volumes in m3, times in s, rates per s, money in USD,
angles in rad.
"""

from __future__ import annotations

import numpy as np

from ..constants import G0, GM_EARTH, JULIAN_YEAR, OMEGA_EARTH, R_EARTH
from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats
from .compute import every, maximum, where

__all__ = [
    "EPS",
    "DEORBIT_METHODS",
    "PACKINGS",
    "ceil",
    "circular_speed",
    "hohmann",
    "deorbit",
    "ascent_cost",
    "payload_to_orbit",
    "satellite_mass",
    "replacement_satellites",
    "unit_plan",
    "launches",
    "deployment_rate",
]

EPS = 1e-9
"""Relative slack for the ceil/floor of ratios that are whole numbers up to rounding [-]."""

DEORBIT_METHODS = ("impulsive", "spiral", "passive")
"""End-of-life disposal models of :func:`deorbit`."""

PACKINGS = ("discrete", "bulk")
"""Launch packing models of :func:`unit_plan`: whole satellites per launch, or by mass/volume."""


def _float(x):
    """A Python float for a 0-d result, a float array otherwise."""
    if x.__class__ is float or x.__class__ is np.float64:
        return float(x)
    a = np.asarray(x, dtype=float)
    return float(a) if a.ndim == 0 else a


def _num(x):
    """``x`` as a float or float array; a Python float passes through (cheap scalar arithmetic)."""
    return x if x.__class__ is float else np.asarray(x, dtype=float)


def ceil(x):
    """``ceil(x (1 - EPS))``: a ratio that is whole up to rounding is not rounded up."""
    return _k.ceil(x * (1.0 - EPS))


# ---------------------------------------------------------------------------------------
# circular-orbit kinematics and manoeuvres
# ---------------------------------------------------------------------------------------
def circular_speed(r):
    """Circular orbital speed [m/s] at radius ``r`` [m]: ``sqrt(mu / r)``."""
    return _k.sqrt(GM_EARTH / r)


def hohmann(r1, r2):
    """Total delta-v [m/s] of a Hohmann transfer between circular radii ``r1``, ``r2`` [m].

    ``|v_p - v_1| + |v_2 - v_a|`` on the ellipse ``a_t = (r1 + r2)/2`` (Vallado 2013, 6.3.1).
    """
    at = 0.5 * (r1 + r2)
    v1 = circular_speed(r1)
    v2 = circular_speed(r2)
    vp = np.sqrt(GM_EARTH * (2.0 / r1 - 1.0 / at))
    va = np.sqrt(GM_EARTH * (2.0 / r2 - 1.0 / at))
    return abs(vp - v1) + abs(v2 - va)  # abs() is np.abs on arrays


def deorbit(h, hd, method):
    """Disposal delta-v [m/s] from altitude ``h`` to ``hd`` [m] by one of :data:`DEORBIT_METHODS`.

    ``impulsive``: ``v_1 (1 - sqrt(2 r_p / (r_1 + r_p)))``; ``spiral``: ``v_c(r_p) - v_c(r_1)``
    (Edelbaum); ``passive``: 0 (:func:`orbitdc.physics.launch.deorbit_delta_v`).
    """
    r1 = R_EARTH + h
    r2 = R_EARTH + hd
    if method == "spiral":
        return circular_speed(r2) - circular_speed(r1)
    if method == "impulsive":
        return circular_speed(r1) * (1.0 - _k.sqrt(2.0 * r2 / (r1 + r2)))
    if h.__class__ is float and hd.__class__ is float:
        return 0.0
    return np.zeros(np.broadcast_shapes(np.shape(h), np.shape(hd)))


def ascent_cost(h, inc, lat):
    """Delta-v [m/s] to reach circular (h, inc) counted from a 200 km orbit with full rotation credit.

    Hohmann raise from 200 km (signed: negative below 200 km), minus the Earth-rotation
    credit omega R cos(i_direct) for the directly reachable inclination i_direct = max(i, lat),
    plus a plane change 2 v sin((lat - i)/2) for inclinations below the site latitude.
    """
    hb = 200e3
    rb = R_EARTH + hb
    r = R_EARTH + h
    raise_dv = where(h >= hb, 1.0, -1.0) * hohmann(rb, r)
    i_direct = maximum(inc, lat)
    rotation = -OMEGA_EARTH * R_EARTH * np.cos(i_direct)
    if np.ndim(inc) and np.ndim(lat) == 0 and bool((inc >= lat).all()):
        return raise_dv + rotation + 0.0  # no plane change anywhere (sin 0 = 0)
    plane = 2.0 * circular_speed(r) * np.sin(maximum(lat - inc, 0.0) / 2.0)
    return raise_dv + rotation + plane


def payload_to_orbit(payload_mass, h, inc, h_ref, inc_ref, lat, stage_dry_mass, stage_isp):
    """Payload [kg] to circular (h, inc) from the vehicle's payload to its reference orbit.

    ``(m_ref + m_s) exp(-dv / (Isp g0)) - m_s`` with ``dv`` the :func:`ascent_cost` difference
    (:func:`orbitdc.physics.vehicles.payload_to_orbit`). May be <= 0: out of reach.
    """
    lat = _num(lat)
    extra = ascent_cost(_num(h), _num(inc), lat) - ascent_cost(_num(h_ref), _num(inc_ref), lat)
    ms = _num(stage_dry_mass)
    ve = G0 * _num(stage_isp)
    return (_num(payload_mass) + ms) * np.exp(-extra / ve) - ms


# ---------------------------------------------------------------------------------------
# mass roll-up
# ---------------------------------------------------------------------------------------
def satellite_mass(parts_in, f, sig, area, dv, isp, tau, k=None):
    """Wet mass, dry mass and parts [kg] of :func:`orbitdc.physics.launch.satellite_mass`.

    ``parts_in``: compute, array, battery, radiator, links, bus and coating masses [kg];
    structure fraction ``f`` of the dry mass, shielding ``sig`` [kg/m2] over ``area`` [m2],
    delta-v ``dv`` [m/s] at ``isp`` [s], propulsion hardware ``tau`` per kg of propellant.
    ``dry = fixed / (1 - f - tau k)`` with ``k = exp(dv / (Isp g0)) - 1``; returns
    ``(dry (1 + k), dry, parts)``.  ``k``: that propellant ratio when the caller has it
    (``expm1(dv / (G0 isp))``, computed the same way).
    """
    if k is None:
        k = _k.expm1(dv / (G0 * _num(isp)))
    shield = sig * area
    c, a, b, r, lk, bus, coat = parts_in
    fixed = c + a + b + r + lk + bus + shield + coat
    denom = 1.0 - f - tau * k
    dry = fixed / denom
    parts = {
        "compute": c,
        "array": a,
        "battery": b,
        "radiator": r,
        "links": lk,
        "shielding": shield,
        "coating": coat,
        "structure": f * dry,
        "bus": bus,
        "propulsion": tau * k * dry,
        "propellant": k * dry,
    }
    total = dry * (1.0 + k)
    return total, dry, parts


# ---------------------------------------------------------------------------------------
# launches, replacement, deployment rate
# ---------------------------------------------------------------------------------------
def replacement_satellites(n, T, L, lam):
    """Replacements over ``T`` [s] of ``n`` satellites of life ``L`` [s] failing at ``lam`` [1/s].

    ``n (lam T + max(ceil(T / L) - 1, 0))`` (block replacement, Barlow & Proschan ch. 4).
    """
    blocks = maximum(ceil(T / L) - 1.0, 0.0)
    return n * (lam * T + blocks)


def unit_plan(m, V, P, Pv, packing="discrete"):
    """How units of mass ``m`` [kg] and volume ``V`` [m3] fill a launch of ``P`` [kg], ``Pv`` [m3].

    The count-independent part of :func:`orbitdc.physics.launch.launches_needed`. Returns
    ``(worst, binding, per_launch, k, fits, per_unit, all_fit, mass_ratio, volume_ratio)``:
    the binding ratio, 1 where volume binds, units per launch, whole units per launch (None
    for ``bulk``), where one fits, launches one oversized unit needs, whether every unit
    fits, and m/P and V/Pv. :func:`launches` takes it with a count.
    """
    rm = m / P
    rv = V / Pv
    worst = maximum(rm, rv)
    binding = where(rv > rm, 1.0, 0.0)
    if packing == "bulk":
        return worst, binding, 1.0 / worst, None, None, None, True, rm, rv
    k = _k.floor((1.0 / worst) * (1.0 + EPS))
    fits = k >= 1
    per_unit = ceil(worst)  # launches one oversized unit needs (assembled in orbit)
    all_fit = every(fits)
    per = k if all_fit else np.where(fits, k, 1.0 / per_unit)
    return worst, binding, per, k, fits, per_unit, all_fit, rm, rv


def launches(unit, n, packing="discrete"):
    """Whole launches for ``n`` units of a :func:`unit_plan`.

    ``discrete``: ``ceil(n / k)``, or ``n`` times the launches of one unit where none fits;
    ``bulk``: ``ceil(n worst)``.
    """
    worst, _, _, k, fits, per_unit, all_fit = unit[:7]
    if packing == "bulk":
        return ceil(n * worst)
    if all_fit:
        return _k.ceil(n / k)
    return np.where(fits, np.ceil(n / np.where(fits, k, 1.0)), n * per_unit)


def deployment_rate(rate, ps, m, unit, cost_each, packing="discrete"):
    """Satellites, launches [1/s], mass [kg/s] and cost [USD/s] of deploying ``rate`` [W/s].

    ``ps`` [W] of IT power and ``m`` [kg] per satellite, ``unit`` from :func:`unit_plan`,
    ``cost_each`` [USD] per launch; whole satellites and launches per Julian year
    (:func:`orbitdc.physics.launch.deployment_rate`). Returns the four as a tuple.
    """
    per_year = ceil(rate * JULIAN_YEAR / ps)
    sats = per_year / JULIAN_YEAR
    n_launch = _k.asfloat(launches(unit, per_year, packing)) / JULIAN_YEAR
    return _float(sats), _float(n_launch), _float(sats * m), _float(n_launch * cost_each)
