r"""Kernels of the upper atmosphere: density table, drag, decay and orbital lifetime.

Unit-free and unchecked (see :mod:`orbitdc.kernels`); the checked API with the equations
and references is :mod:`orbitdc.physics.atmosphere`. Altitudes in m, densities in kg/m3,
ballistic coefficients in kg/m2, times in s; ``act`` is one of the keys of
:data:`RHO_TABLE` ("low", "mean", "high").

The density table
-----------------
``RHO_TABLE`` holds global-mean total mass densities [kg/m3] of the NRLMSISE-00 empirical
model (Picone et al. 2002), the model ECSS-E-ST-10-04C prescribes for species densities and
the successor of the MSIS models behind SMAD's and Vallado's tables, at 63 altitudes from 100
to 2000 km (10 km steps to 200 km, 25 km to 1000 km, 50 km to 2000 km), for three solar /
geomagnetic activity levels.  It was computed once for this package (it is *not* copied from
a book) with the NRL Fortran code as wrapped by ``pymsis`` 0.13 (``version=0``, i.e.
NRLMSISE-00), averaging

* over 24 local times (longitudes 0-345 deg at 00 UT),
* over latitude (-87.5 to 87.5 deg in 5 deg steps, weighted by cos(latitude), i.e. by area),
* over the seasons (the 15th of each month),

with F10.7 (daily) = F10.7A (81-day mean) and daily Ap fixed at the three activity levels of
the NASA NESC flight-simulation atmosphere check cases (NESC Academy, "Atmosphere Models",
2015): minimal F10.7 = 70 sfu, Ap = 0; mean F10.7 = 128.8 sfu, Ap = 15.7; maximal
F10.7 = 250 sfu, Ap = 25.  Densities are stored to 5 significant figures.  Between nodes the
density is interpolated linearly in log(density) (an exponential atmosphere with a local scale
height); against NRLMSISE-00 evaluated at the mid-points the interpolation error is at most
1.3 % above 150 km.  Above 1000 km NRLMSISE-00 extends its diffusive-equilibrium profiles
(helium and hydrogen dominate); ECSS states the model is valid "from ground level to the
exosphere".

References
----------
.. [1] Picone, J. M., Hedin, A. E., Drob, D. P. and Aikin, A. C. (2002), "NRLMSISE-00
   empirical model of the atmosphere: Statistical comparisons and scientific issues",
   J. Geophys. Res. 107(A12), 1468, doi:10.1029/2002JA009430.
.. [2] NASA NESC Academy (2015), Flight simulation check cases, "Atmosphere Models".
.. [3] King-Hele, D. (1987), Satellite Orbits in an Atmosphere, ch. 4.
"""

from __future__ import annotations

import numpy as np

from ..constants import GM_EARTH, R_EARTH
from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats

__all__ = [
    "ALT_KM",
    "ALT_M",
    "RHO_TABLE",
    "LOG_RHO",
    "density",
    "speed",
    "drag_acceleration",
    "decay_rate",
    "cumulative_table",
    "integral_to",
    "lifetime",
    "lifetime_on_profile",
    "density_and_integral",
]

# --- NRLMSISE-00 global-mean density table (see the module docstring) ----------------------
ALT_KM = np.array(
    (
        100,
        110,
        120,
        130,
        140,
        150,
        160,
        170,
        180,
        190,
        200,
        225,
        250,
        275,
        300,
        325,
        350,
        375,
        400,
        425,
        450,
        475,
        500,
        525,
        550,
        575,
        600,
        625,
        650,
        675,
        700,
        725,
        750,
        775,
        800,
        825,
        850,
        875,
        900,
        925,
        950,
        975,
        1000,
        1050,
        1100,
        1150,
        1200,
        1250,
        1300,
        1350,
        1400,
        1450,
        1500,
        1550,
        1600,
        1650,
        1700,
        1750,
        1800,
        1850,
        1900,
        1950,
        2000,
    ),
    dtype=float,
)

RHO_TABLE = {
    # F10.7 = F10.7A = 70 sfu, Ap = 0
    "low": (
        5.9835e-07,
        9.2573e-08,
        1.9074e-08,
        6.6191e-09,
        3.0707e-09,
        1.6423e-09,
        9.5608e-10,
        5.8847e-10,
        3.7688e-10,
        2.4872e-10,
        1.6812e-10,
        6.8481e-11,
        3.0487e-11,
        1.4512e-11,
        7.2697e-12,
        3.7878e-12,
        2.0352e-12,
        1.1211e-12,
        6.3096e-13,
        3.6228e-13,
        2.1223e-13,
        1.2704e-13,
        7.7927e-14,
        4.9160e-14,
        3.2023e-14,
        2.1621e-14,
        1.5168e-14,
        1.1063e-14,
        8.3750e-15,
        6.5575e-15,
        5.2856e-15,
        4.3635e-15,
        3.6720e-15,
        3.1369e-15,
        2.7115e-15,
        2.3653e-15,
        2.0783e-15,
        1.8368e-15,
        1.6313e-15,
        1.4548e-15,
        1.3020e-15,
        1.1692e-15,
        1.0530e-15,
        8.6144e-16,
        7.1223e-16,
        5.9488e-16,
        5.0178e-16,
        4.2735e-16,
        3.6736e-16,
        3.1865e-16,
        2.7878e-16,
        2.4590e-16,
        2.1857e-16,
        1.9568e-16,
        1.7635e-16,
        1.5991e-16,
        1.4581e-16,
        1.3364e-16,
        1.2306e-16,
        1.1379e-16,
        1.0561e-16,
        9.8367e-17,
        9.1900e-17,
    ),
    # F10.7 = F10.7A = 128.8 sfu, Ap = 15.7
    "mean": (
        5.2666e-07,
        8.7504e-08,
        1.9699e-08,
        7.0819e-09,
        3.4154e-09,
        1.9178e-09,
        1.1815e-09,
        7.7395e-10,
        5.2967e-10,
        3.7439e-10,
        2.7131e-10,
        1.3128e-10,
        6.8802e-11,
        3.8137e-11,
        2.2051e-11,
        1.3178e-11,
        8.0862e-12,
        5.0694e-12,
        3.2347e-12,
        2.0949e-12,
        1.3742e-12,
        9.1173e-13,
        6.1122e-13,
        4.1382e-13,
        2.8291e-13,
        1.9532e-13,
        1.3625e-13,
        9.6090e-14,
        6.8582e-14,
        4.9591e-14,
        3.6373e-14,
        2.7093e-14,
        2.0517e-14,
        1.5811e-14,
        1.2405e-14,
        9.9091e-15,
        8.0567e-15,
        6.6619e-15,
        5.5955e-15,
        4.7673e-15,
        4.1134e-15,
        3.5888e-15,
        3.1611e-15,
        2.5100e-15,
        2.0402e-15,
        1.6860e-15,
        1.4099e-15,
        1.1895e-15,
        1.0105e-15,
        8.6313e-16,
        7.4079e-16,
        6.3849e-16,
        5.5248e-16,
        4.7983e-16,
        4.1825e-16,
        3.6585e-16,
        3.2113e-16,
        2.8286e-16,
        2.5000e-16,
        2.2172e-16,
        1.9732e-16,
        1.7620e-16,
        1.5788e-16,
    ),
    # F10.7 = F10.7A = 250 sfu, Ap = 25
    "high": (
        4.9185e-07,
        8.1740e-08,
        2.0712e-08,
        7.6293e-09,
        3.8420e-09,
        2.2835e-09,
        1.4951e-09,
        1.0412e-09,
        7.5692e-10,
        5.6750e-10,
        4.3555e-10,
        2.4157e-10,
        1.4363e-10,
        8.9453e-11,
        5.7620e-11,
        3.8093e-11,
        2.5724e-11,
        1.7677e-11,
        1.2327e-11,
        8.7046e-12,
        6.2142e-12,
        4.4789e-12,
        3.2557e-12,
        2.3847e-12,
        1.7588e-12,
        1.3055e-12,
        9.7476e-13,
        7.3195e-13,
        5.5261e-13,
        4.1942e-13,
        3.1999e-13,
        2.4540e-13,
        1.8918e-13,
        1.4662e-13,
        1.1426e-13,
        8.9555e-14,
        7.0606e-14,
        5.6013e-14,
        4.4725e-14,
        3.5956e-14,
        2.9112e-14,
        2.3746e-14,
        1.9519e-14,
        1.3508e-14,
        9.6590e-15,
        7.1359e-15,
        5.4388e-15,
        4.2657e-15,
        3.4312e-15,
        2.8202e-15,
        2.3600e-15,
        2.0042e-15,
        1.7224e-15,
        1.4945e-15,
        1.3068e-15,
        1.1498e-15,
        1.0170e-15,
        9.0332e-16,
        8.0530e-16,
        7.2016e-16,
        6.4580e-16,
        5.8054e-16,
        5.2304e-16,
    ),
}

ALT_M = ALT_KM * 1e3
LOG_RHO = {k: np.log(np.asarray(v, dtype=float)) for k, v in RHO_TABLE.items()}


def density(h, act):
    """Density [kg/m3] at altitude ``h`` [m]: log(rho) linear between the table nodes."""
    return np.exp(np.interp(h, ALT_M, LOG_RHO[act]))


def speed(h):
    """Circular orbital speed [m/s] at altitude ``h`` [m]: ``sqrt(mu / (R_E + h))``."""
    return _k.sqrt(GM_EARTH / (R_EARTH + h))


def drag_acceleration(h, bc, act):
    """Drag deceleration [m/s2] on a circular orbit: ``rho v^2 / (2 BC)``."""
    v = speed(h)
    return density(h, act) * v * v / (2.0 * bc)


def decay_rate(h, bc, act):
    """Semi-major axis rate [m/s] under drag: ``-rho sqrt(mu a) / BC``."""
    return -density(h, act) * np.sqrt(GM_EARTH * (R_EARTH + h)) / bc


def cumulative_table(alt_m, log_rho):
    """g = 1/(rho sqrt(mu a)) at the nodes, local growth lengths L, cumulative integral of g.

    Inside each table interval log(rho) is linear, so g is (to within the 0.4 % variation of
    sqrt(a) over 50 km) exponential in h: g = g_i exp((h-h_i)/L_i), whose integral is exact:
    int_{h_i}^{h} g dh = g_i L_i (exp((h-h_i)/L_i) - 1).
    """
    g = np.exp(-log_rho) / np.sqrt(GM_EARTH * (R_EARTH + alt_m))
    L = np.diff(alt_m) / np.log(g[1:] / g[:-1])
    cum = np.concatenate(([0.0], np.cumsum(L * (g[1:] - g[:-1]))))
    return g, L, cum


def integral_to(h, alt_m, table):
    """int_{alt_m[0]}^{h} dh / (rho sqrt(mu a)) [s m2/kg]; times BC [kg/m2] gives seconds."""
    g, L, cum = table
    i = np.clip(np.searchsorted(alt_m, h, side="right") - 1, 0, len(alt_m) - 2)
    x = h - alt_m[i]
    return cum[i] + g[i] * L[i] * np.expm1(x / L[i])


def _frozen(*arrays):
    for a in arrays:
        a.setflags(write=False)
    return arrays


CUMULATIVE = {act: _frozen(*cumulative_table(ALT_M, LOG_RHO[act])) for act in LOG_RHO}
""":func:`cumulative_table` of each activity level of the shipped table."""


def lifetime(h0, he, bc, act):
    """Decay time [s] from ``h0`` to ``he`` [m] at a ballistic coefficient ``bc`` [kg/m2].

    ``BC int_{he}^{h0} dh / (rho sqrt(mu a))``, exact on the log-linear table.
    """
    table = CUMULATIVE[act]
    return bc * (integral_to(h0, ALT_M, table) - integral_to(he, ALT_M, table))


def lifetime_on_profile(h0, he, bc, alt_m, log_rho):
    """Lifetime [s] on an arbitrary log-linear density profile (nodes ``alt_m``, ``log_rho``)."""
    table = cumulative_table(np.asarray(alt_m, dtype=float), np.asarray(log_rho, dtype=float))
    return bc * (
        integral_to(np.asarray(h0, dtype=float), alt_m, table) - integral_to(np.asarray(he, dtype=float), alt_m, table)
    )


_BIN = 5e3  # every node of the density table lies on a 5 km grid from its first altitude


def _bin_intervals():
    """Table interval of every 5 km bin (None when the table is not on the 5 km grid)."""
    steps = (ALT_M - ALT_M[0]) / _BIN
    if not np.all(steps == np.round(steps)):
        return None
    edges = ALT_M[0] + _BIN * np.arange(int(steps[-1]) + 1)
    idx = np.clip(np.searchsorted(ALT_M, edges, side="right") - 1, 0, len(ALT_M) - 2)
    idx.setflags(write=False)
    return idx


_BINS = _bin_intervals()
# d log(rho) / dh of each interval, as numpy.interp computes them
_SLOPES = {act: _frozen((lr[1:] - lr[:-1]) / (ALT_M[1:] - ALT_M[:-1]))[0] for act, lr in LOG_RHO.items()}


def density_and_integral(h, act):
    """rho(h) [kg/m3] (:func:`density`) and the lifetime integral to h (:func:`integral_to`).

    One interval lookup serves both (5 km bins instead of a binary search per altitude);
    log(rho) is interpolated linearly as ``numpy.interp`` does. The lifetime from ``h`` to
    ``he`` is ``bc (integral(h) - integral(he))``.
    """
    if h.__class__ is float:  # one altitude: the clip in plain integers
        i = min(max(int(ALT_M.searchsorted(h, side="right")) - 1, 0), ALT_M.size - 2)
    elif np.ndim(h) == 0 or _BINS is None:
        i = np.clip(np.searchsorted(ALT_M, h, side="right") - 1, 0, len(ALT_M) - 2)
    else:
        b = ((h - ALT_M[0]) / _BIN).astype(np.intp)
        np.clip(b, 0, _BINS.size - 1, out=b)
        i = _BINS[b]
    g, L, cum = CUMULATIVE[act]
    h0, slope, log0, gi, li, ci = ALT_M[i], _SLOPES[act][i], LOG_RHO[act][i], g[i], L[i], cum[i]
    if h.__class__ is float:  # the table's numpy floats as Python floats: plain arithmetic
        h0, slope, log0, gi, li, ci = float(h0), float(slope), float(log0), float(gi), float(li), float(ci)
    x = h - h0
    rho = _k.exp(slope * x + log0)
    return rho, ci + gi * li * _k.expm1(x / li)
