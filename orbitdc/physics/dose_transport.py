r"""Dose behind aluminium from a particle spectrum: stopping powers, ranges, dose per fluence.

The transport half of :mod:`orbitdc.physics.radiation` (which owns the environment: the
trapped-particle table, GCR, SPE and the effects on chips).  Total ionising dose in silicon
at the centre of a solid aluminium sphere of areal density :math:`d` (SHIELDOSE-2's "centre
of spheres" geometry [1]_), straight-ahead continuous-slowing-down approximation, nuclear
attenuation neglected:

.. math:: \dot D = \int \phi(E)\, \frac{S_{Si}(E')}{\rho}\, dE, \qquad
          R_{Al}(E') = R_{Al}(E) - d

Protons: Bethe formula with ICRU 49 mean excitation energies [2]_; electrons: the
Katz-Penfold practical range [3]_ and the ICRU 37 collision stopping power [4]_;
bremsstrahlung from electrons stopped in the shield by the Koch-Motz radiation yield [5]_,
attenuated by the rest of the shield and absorbed in silicon (NIST XCOM, 1 MeV [6]_).
Validated against PSTAR/ESTAR and against a published SPENVIS/SHIELDOSE-2 dose-depth curve
(``tests/physics/test_radiation.py``).  Pure functions of floats or numpy arrays; energies
in MeV, areal densities in kg/m2 unless stated.

References
----------
.. [1] Seltzer, S. M. (1994), "Updated calculations for routine space-shielding radiation
   dose estimates: SHIELDOSE-2", NIST IR 5477.
.. [2] ICRU Report 49 (1993), "Stopping Powers and Ranges for Protons and Alpha Particles"
   (NIST PSTAR database).
.. [3] Katz, L. and Penfold, A. S. (1952), Rev. Mod. Phys. 24, 28.
.. [4] ICRU Report 37 (1984), "Stopping Powers for Electrons and Positrons", eq. 2.4.
.. [5] Attix, F. H. (1986), "Introduction to Radiological Physics and Radiation Dosimetry",
   Wiley, sec. 8.III (radiation yield, Koch & Motz 1959).
.. [6] Hubbell, J. H. and Seltzer, S. M. (2004), NIST Standard Reference Database 126.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

__all__ = [
    "MEV",
    "GY_PER_MEV_PER_G",
    "MATERIALS",
    "proton_stopping_power",
    "proton_range",
    "electron_range",
    "electron_stopping_power",
    "dose_per_fluence",
    "dose_rate_from_spectra",
    "energy_for_range",
]

MEV = 1.602176634e-13  # J
GY_PER_MEV_PER_G = MEV / 1e-3  # 1 MeV/g in Gy (J/kg)
_ME_C2 = 0.51099895  # MeV, electron rest energy
_MP_C2 = 938.272088  # MeV, proton rest energy
_K_BETHE = 0.307075  # MeV cm2/mol, 4 pi N_A r_e^2 m_e c^2

# (Z/A [mol/g], mean excitation energy I [MeV]) from ICRU 37/49
MATERIALS = {
    "aluminium": (13.0 / 26.9815, 166e-6),
    "silicon": (14.0 / 28.0855, 173e-6),
    "water": (0.555087, 75e-6),
}
_Z_AL = 13.0
_MU_AL = 0.0615  # cm2/g, Al total attenuation at 1 MeV (NIST XCOM)
_MUEN_SI = 0.0297  # cm2/g, Si energy absorption at 1 MeV (NIST XCOM)


# ----------------------------------------------------------------------------- stopping and range
def proton_stopping_power(energy: Any, material: str = "silicon") -> np.ndarray:
    r"""Mass collision stopping power of protons (Bethe formula, ICRU 49 I-values) [MeV cm2/g].

    .. math:: \frac{S}{\rho} = K \frac{Z}{A} \frac{1}{\beta^2}
              \left[\ln\frac{2 m_e c^2 \beta^2\gamma^2}{I} - \beta^2\right]

    No shell or density-effect corrections: within about 2 % of PSTAR above 5 MeV; below
    0.5 MeV (where the formula fails) the value at 0.5 MeV scaled as :math:`E^{0.5}`
    (the velocity-proportional stopping of slow ions) is used.

    Parameters
    ----------
    energy : float or array [MeV]
        Proton kinetic energy.
    material : {'silicon', 'aluminium', 'water'}
    """
    za, i_ex = MATERIALS[material]
    e = np.maximum(np.asarray(energy, float), 1e-6)

    def bethe(t):
        g = 1.0 + t / _MP_C2
        b2 = 1.0 - 1.0 / (g * g)
        return _K_BETHE * za / b2 * (np.log(2 * _ME_C2 * b2 * g * g / i_ex) - b2)

    e0 = 0.5
    return np.where(e >= e0, bethe(np.maximum(e, e0)), bethe(e0) * np.sqrt(e / e0))


@functools.cache
def _range_table(particle: str, material: str) -> tuple[np.ndarray, np.ndarray]:
    e = np.geomspace(1e-3, 2e4, 2000)
    if particle == "p":
        s = proton_stopping_power(e, material)
        # R(E) = int_0^E dE / S ; the E^0.5 law below 0.5 MeV integrates to 2E/S(E)
        r0 = 2 * e[0] / s[0]
        seg = 0.5 * (1 / s[1:] + 1 / s[:-1]) * np.diff(e)
        r = np.concatenate([[r0], r0 + np.cumsum(seg)])
    else:
        r = electron_range(e)
    return e, r


def proton_range(energy: Any, material: str = "aluminium") -> np.ndarray:
    """CSDA range of protons [g/cm2] (integral of :func:`proton_stopping_power`).

    Parameters
    ----------
    energy : float or array [MeV]
    material : {'aluminium', 'silicon', 'water'}
    """
    e, r = _range_table("p", material)
    return np.exp(np.interp(np.log(np.maximum(np.asarray(energy, float), 1e-3)), np.log(e), np.log(r)))


def electron_range(energy: Any) -> np.ndarray:
    r"""Practical range of electrons in aluminium, Katz & Penfold (1952) [g/cm2].

    .. math:: R = 0.412\,E^{1.265 - 0.0954 \ln E} \quad (0.01 < E < 2.5\ \mathrm{MeV}),
              \qquad R = 0.530\,E - 0.106 \quad (E \ge 2.5\ \mathrm{MeV})

    Parameters
    ----------
    energy : float or array [MeV]
    """
    e = np.maximum(np.asarray(energy, float), 1e-3)
    lo = 0.412 * e ** (1.265 - 0.0954 * np.log(e))
    return np.where(e < 2.5, lo, 0.530 * e - 0.106)


def electron_stopping_power(energy: Any, material: str = "silicon") -> np.ndarray:
    r"""Mass collision stopping power of electrons, ICRU 37 eq. 2.4 without density effect [MeV cm2/g].

    .. math:: \frac{S}{\rho} = \frac{K}{2}\frac{Z}{A}\frac{1}{\beta^2}\left[\ln\frac{\tau^2(\tau+2)}
              {2 (I/m_e c^2)^2} + 1 - \beta^2 + \frac{\tau^2/8 - (2\tau+1)\ln 2}{(\tau+1)^2}\right]

    with :math:`\tau = E / m_e c^2`.  Below 10 keV the 10 keV value is used.
    """
    za, i_ex = MATERIALS[material]
    t = np.maximum(np.asarray(energy, float), 0.01) / _ME_C2
    b2 = 1.0 - 1.0 / (t + 1) ** 2
    f = 1 - b2 + (t * t / 8 - (2 * t + 1) * math.log(2)) / (t + 1) ** 2
    return 0.5 * _K_BETHE * za / b2 * (np.log(t * t * (t + 2) / (2 * (i_ex / _ME_C2) ** 2)) + f)


def _residual(particle: str, energy: np.ndarray, depth: np.ndarray) -> np.ndarray:
    """Energy left after ``depth`` g/cm2 of aluminium (0 if stopped)."""
    e, r = _range_table(particle, "aluminium")
    r_in = np.interp(np.log(energy), np.log(e), r)
    left = r_in - depth
    out = np.interp(np.maximum(left, r[0]), r, e)
    return np.where(left > 0, out, 0.0)


def dose_per_fluence(particle: str, energy: Any, areal_density: Any) -> np.ndarray:
    """Dose in silicon per unit omnidirectional fluence behind an aluminium sphere [Gy cm2].

    Parameters
    ----------
    particle : {'e', 'p'}
    energy : float or array [MeV]
        Kinetic energy outside the shield.
    areal_density : float or array [kg/m2]
        Shield areal density (aluminium); 10 kg/m2 = 1 g/cm2.

    Returns
    -------
    Gy per (particle / cm2): the collision stopping power in silicon at the residual energy,
    plus (electrons) the inward bremsstrahlung of the energy lost in the shield.
    """
    e = np.asarray(energy, float)
    d = np.asarray(areal_density, float) * 0.1  # g/cm2
    e_res = _residual(particle, e, d)
    if particle == "p":
        s = np.where(e_res > 0, proton_stopping_power(e_res, "silicon"), 0.0)
        return s * GY_PER_MEV_PER_G
    s = np.where(e_res > 0, electron_stopping_power(e_res, "silicon"), 0.0)
    return s * GY_PER_MEV_PER_G + _brems_per_fluence(e, d * 10.0)


def _brems_per_fluence(energy: Any, areal_density: Any) -> np.ndarray:
    """Bremsstrahlung dose in silicon per electron of ``energy`` hitting the shield [Gy cm2].

    Koch-Motz yield of the energy lost in the shield, half emitted inward, attenuated by the
    aluminium between where the electron stops (at most its range) and the target.
    """
    e = np.asarray(energy, float)
    d = np.asarray(areal_density, float) * 0.1
    e_res = _residual("e", e, d)

    def y(x):
        return 6e-4 * _Z_AL * x / (1 + 6e-4 * _Z_AL * x)

    radiated = y(e) * e - y(e_res) * e_res  # MeV radiated in the shield per electron
    depth_made = np.minimum(electron_range(e), d)
    psi = 0.5 * radiated * np.exp(-_MU_AL * np.maximum(d - depth_made, 0.0))
    return psi * _MUEN_SI * GY_PER_MEV_PER_G


_N_SUB = 8
_N_RANGE = 160


def _power_law(e: np.ndarray, integral_flux: np.ndarray):
    """(log flux, log energy, slopes incl. tail, index of the last non-zero node) of an
    integral spectrum taken as a power law between nodes.

    The spectrum ends at its last non-zero threshold :math:`E_j`; above it the tail rule
    holds (a decade with the slope below :math:`E_j`, steepened to at least 3), whether
    :math:`E_j` is the table's last node or the model's flux falls to zero before it.
    (A power law from a positive flux down to the table's zero floor would put all the
    flux above :math:`E_j` in a spike a few keV wide, which no quadrature grid resolves.)
    """
    lf = np.log(np.maximum(integral_flux, 1e-30))
    le = np.log(e)
    gam = -(lf[..., 1:] - lf[..., :-1]) / np.diff(le)
    gam = np.concatenate([gam, gam[..., -1:]], axis=-1)
    live = integral_flux > 0
    idx = np.arange(e.size)
    j = np.max(np.where(live, idx, 0), axis=-1)  # last non-zero node (0 if none)
    below = np.take_along_axis(gam, np.maximum(j - 1, 0)[..., None], -1)[..., 0]
    tail = np.where(j > 0, np.maximum(below, 3.0), 3.0)
    gam = np.where(idx == j[..., None], tail[..., None], gam)
    return lf, le, gam, j


def _differential(e: np.ndarray, integral_flux: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Differential flux [1/(cm2 s MeV)] at energies ``x[..., m]`` of the power-law spectrum.

    Zero below the first threshold and beyond a decade above the last non-zero one
    (:func:`_power_law`).
    """
    lf, le, gam, j = _power_law(e, integral_flux)
    lx = np.log(np.maximum(x, 1e-30))
    k = np.clip(np.searchsorted(le, lx, side="right") - 1, 0, e.size - 1)
    k = np.minimum(k, j[..., None])
    lfk = np.take_along_axis(np.broadcast_to(lf, x.shape[:-1] + (e.size,)), k, -1)
    gk = np.take_along_axis(np.broadcast_to(gam, x.shape[:-1] + (e.size,)), k, -1)
    phi = np.exp(lfk - gk * (lx - le[k]))
    ok = (lx >= le[0]) & (lx <= le[j][..., None] + math.log(10.0)) & (lfk > -69.0)
    return np.where(ok, gk * phi / x, 0.0)


@functools.cache
def _range_grid(particle: str, e_max: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Residual-range nodes [g/cm2], trapezoid weights, and the residual energies there [MeV]."""
    e, r = _range_table(particle, "aluminium")
    r_max = float(np.interp(math.log(e_max), np.log(e), r))
    nodes = np.concatenate([[0.0], np.geomspace(1e-6, r_max, _N_RANGE - 1)])
    w = np.zeros_like(nodes)
    dn = np.diff(nodes)
    w[:-1] += 0.5 * dn
    w[1:] += 0.5 * dn
    e_res = np.interp(nodes, r, e)
    return nodes, w, e_res


def _de_dr(particle: str, energy: np.ndarray) -> np.ndarray:
    """dE/dR of the aluminium range-energy relation [MeV cm2/g]."""
    e, r = _range_table(particle, "aluminium")
    slope = np.gradient(e, r)
    return np.interp(np.log(energy), np.log(e), slope)


def dose_rate_from_spectra(particle: str, energy: np.ndarray, integral_flux: Any, areal_density: Any) -> np.ndarray:
    r"""Dose rate in silicon behind an aluminium sphere from an integral spectrum [Gy/s].

    The integral spectrum :math:`\phi(>E_k)` is a power law between table nodes (and a
    decade beyond the last non-zero one with the slope below it, steepened to at least 3;
    :func:`_power_law`).  The
    collision dose is integrated over the residual range :math:`R'` at the target, where
    the integrand is smooth through the Bragg peak:

    .. math:: \dot D = \int_0^\infty \phi(E)\,\frac{dE}{dR}(E)\,
              \frac{S_{Si}(E')}{\rho}\,dR', \qquad E = E(R' + d),\ E' = E(R')

    (160 geometric nodes, trapezoid rule); the electrons' bremsstrahlung term of
    :func:`dose_per_fluence` is integrated over the incident spectrum (8 sub-bins per interval).

    Parameters
    ----------
    particle : {'e', 'p'}
    energy : array [MeV], shape (n,)
        Energy thresholds of ``integral_flux``.
    integral_flux : array [1/(cm2 s)], shape (..., n)
        Omnidirectional integral flux above each threshold.
    areal_density : float or array [kg/m2]
        Broadcasts against ``integral_flux[..., 0]``.
    """
    e = np.asarray(energy, float)
    f = np.maximum(np.asarray(integral_flux, float), 0.0)
    d = np.asarray(areal_density, float) * 0.1  # g/cm2
    shape = np.broadcast_shapes(f.shape[:-1], d.shape)
    f = np.broadcast_to(f, shape + (e.size,))
    d = np.broadcast_to(d, shape)[..., None]
    nodes, w, e_res = _range_grid(particle, float(e[-1]) * 10.0)
    e_in = energy_for_range(particle, nodes + d)  # [..., m]
    s_si = (proton_stopping_power if particle == "p" else electron_stopping_power)(e_res, "silicon")
    s_si = np.where(nodes > 0, s_si, 0.0) if particle == "p" else s_si
    integrand = _differential(e, f, e_in) * _de_dr(particle, e_in) * s_si
    total = np.sum(integrand * w, axis=-1)
    if particle == "e":  # bremsstrahlung of the energy the electrons lose in the shield
        lf, le, gam, j = _power_law(e, f)
        e_ext = np.append(e, e[-1] * 10.0)
        frac = np.linspace(0.0, 1.0, _N_SUB + 1)
        for k in range(e.size):
            lo = le[k]
            # the last non-zero node's interval is the tail: a decade above it
            hi = np.where(j == k, lo + math.log(10.0), math.log(e_ext[k + 1]))[..., None]
            nodes_e = lo + frac * (hi - lo)
            phi = np.exp(lf[..., k : k + 1] - gam[..., k : k + 1] * (nodes_e - lo))
            phi = np.where(f[..., k : k + 1] > 0, phi, 0.0)
            dphi = phi[..., :-1] - phi[..., 1:]
            mid = np.exp(0.5 * (nodes_e[..., :-1] + nodes_e[..., 1:]))
            total = total + np.sum(dphi * _brems_per_fluence(mid, d * 10.0), axis=-1) / GY_PER_MEV_PER_G
    return total * GY_PER_MEV_PER_G


def energy_for_range(particle: str, rng: Any) -> np.ndarray:
    """Energy [MeV] of a particle whose CSDA range in aluminium is ``rng`` [g/cm2]."""
    e, r = _range_table(particle, "aluminium")
    return np.exp(np.interp(np.asarray(rng, float), r, np.log(e)))
