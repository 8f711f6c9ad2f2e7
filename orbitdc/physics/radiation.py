r"""The radiation environment of a circular low Earth orbit and its effects on accelerators.

Pure functions of SI floats or numpy arrays (no units library, no I/O beyond reading the
shipped table ``orbitdc/data/trapped_flux.npz`` once).  Bare numbers are SI: m, rad
(angle), kg/m2, Gy, s.

The chain:

1. **Trapped particles**, :func:`trapped_spectra`: orbit-averaged omnidirectional integral
   electron (AE8) and proton (AP8) spectra interpolated from a table computed offline with
   IRBEM through the ``aep8`` package (``tools/trapped_flux_table.py``; provenance in the
   table's metadata and ``docs/radiation.md``), log-linear in altitude, linear in
   inclination, linear between solar minimum (phase 0) and maximum (phase 1).
2. **Dose behind shielding**, :func:`dose_rate_trapped` (the transport in
   :mod:`orbitdc.physics.dose_transport`, re-exported here): total ionising dose in silicon at
   the centre of a solid aluminium sphere of areal density :math:`d` (SHIELDOSE-2's
   "centre of spheres" geometry [1]_).  Every direction sees the same thickness, so the
   omnidirectional fluence reaches the target slowed, not thinned (straight-ahead
   continuous-slowing-down approximation, nuclear attenuation neglected):

   .. math:: \dot D = \int \phi(E)\, \frac{S_{Si}(E')}{\rho}\, dE, \qquad
             R_{Al}(E') = R_{Al}(E) - d

   with :math:`\phi(E)` the differential spectrum, :math:`S/\rho` the mass collision
   stopping power and :math:`R` the range.  Protons: Bethe formula (ICRU 49 [2]_ mean
   excitation energies, no shell or density correction; CSDA ranges within 2 % of PSTAR
   for 10-200 MeV, tested).  Electrons: the Katz-Penfold practical range in aluminium [3]_
   (it folds multiple scattering into the range, as transmission measurements do) and the
   ICRU 37 collision stopping power in silicon [4]_; bremsstrahlung from electrons stopped
   in the shield by the Koch-Motz radiation yield :math:`Y \approx 6\times10^{-4} Z E /
   (1 + 6\times10^{-4} Z E)` [5]_, half of it emitted inward, attenuated by the rest of
   the shield and absorbed in silicon (1 MeV photon coefficients, NIST XCOM [6]_).
3. **Galactic cosmic rays and solar particle events**, :func:`dose_rate_gcr`,
   :func:`spe_dose_rate`: sourced simpler terms scaled by the share of the orbit spent at
   geomagnetic latitudes open to them, :func:`polar_exposure`.
4. **Single events**, :func:`single_event_rate`: a per-accelerator cross-section times the
   orbit-averaged flux of protons above 30 MeV behind the shield (the protons that reach
   the die with enough energy for nuclear reactions), plus a heavy-ion (GCR) term.
5. **Life**, :func:`dose_life`: cumulative dose limit over dose rate.

References
----------
.. [1] Seltzer, S. M. (1994), "Updated calculations for routine space-shielding radiation
   dose estimates: SHIELDOSE-2", NIST IR 5477.
.. [2] ICRU Report 49 (1993), "Stopping Powers and Ranges for Protons and Alpha Particles"
   (NIST PSTAR database).
.. [3] Katz, L. and Penfold, A. S. (1952), "Range-energy relations for electrons and the
   determination of beta-ray end-point energies by absorption", Rev. Mod. Phys. 24, 28.
.. [4] ICRU Report 37 (1984), "Stopping Powers for Electrons and Positrons", eq. 2.4.
.. [5] Attix, F. H. (1986), "Introduction to Radiological Physics and Radiation
   Dosimetry", Wiley, sec. 8.III (radiation yield, Koch & Motz 1959).
.. [6] Hubbell, J. H. and Seltzer, S. M. (2004), NIST Standard Reference Database 126
   (X-ray mass attenuation coefficients): Al 1 MeV mu/rho = 0.0615 cm2/g; Si 1 MeV
   mu_en/rho = 0.0297 cm2/g.
.. [7] Vette, J. I. (1991), "The AE-8 trapped electron model environment", NSSDC/WDC-A-R&S
   91-24; Sawyer, D. M. and Vette, J. I. (1976), "AP-8 trapped proton environment for solar
   maximum and solar minimum", NSSDC/WDC-A-R&S 76-06.
.. [8] ECSS-E-ST-10-04C Rev.1 (2020), "Space environment", sections 9 (energetic particle
   radiation), annex on GCR (ISO 15390) and solar particle event fluence models.
.. [9] Berger, T. et al. (2017), "The German Aerospace Center DOSIS and DOSIS 3D
   experiments onboard the ISS", Z. Med. Phys. / Berger et al. (2020), J. Space Weather
   Space Clim. 10, 34: GCR absorbed dose rate about 0.08-0.1 mGy/day inside the ISS (51.6 deg).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import pathlib
from typing import Any

import numpy as np

from ..constants import JULIAN_YEAR
from . import dose_transport as _dt
from .dose_transport import (  # re-exported: the transport is part of this module's API
    GY_PER_MEV_PER_G,
    MATERIALS,
    MEV,
    dose_per_fluence,
    dose_rate_from_spectra,
    electron_range,
    electron_stopping_power,
    proton_range,
    proton_stopping_power,
)

__all__ = [
    "MEV",
    "GY_PER_MEV_PER_G",
    "MATERIALS",
    "load_table",
    "trapped_spectra",
    "proton_stopping_power",
    "proton_range",
    "electron_range",
    "electron_stopping_power",
    "dose_per_fluence",
    "dose_rate_from_spectra",
    "dose_rate_trapped",
    "dose_rate_trapped_exact",
    "dose_tables",
    "DEPTH_GRID",
    "polar_exposure",
    "gcr_exposure",
    "environment",
    "dose_rate_gcr",
    "spe_dose_rate",
    "penetrating_proton_flux",
    "penetrating_proton_flux_exact",
    "single_event_rate",
    "dose_life",
]

_YEAR = JULIAN_YEAR

_DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "trapped_flux.npz"


# ----------------------------------------------------------------------------- table
@functools.cache
def load_table() -> dict:
    """The shipped orbit-averaged AE8/AP8 table (see ``tools/trapped_flux_table.py``).

    Returns a dict: ``altitude`` [m], ``inclination`` [rad], ``energy_e``, ``energy_p``
    [MeV], ``log_flux_e``, ``log_flux_p`` (natural log of 1/(cm2 s), floored at 1e-30),
    each ``[solar, altitude, inclination, energy]``, and ``metadata`` (dict).
    """
    with np.load(_DATA, allow_pickle=False) as z:
        tab = {
            "altitude": z["altitude_km"] * 1e3,
            "inclination": np.radians(z["inclination_deg"]),
            "energy_e": z["energy_e_mev"].copy(),
            "energy_p": z["energy_p_mev"].copy(),
            "flux_e": z["flux_e"].copy(),
            "flux_p": z["flux_p"].copy(),
            "metadata": json.loads(str(z["metadata"])),
        }
        for name in ("dose_trapped", "proton_flux_30"):
            if name in z.files:
                tab[name] = z[name].copy()
                tab["log_" + name] = np.log(np.maximum(tab[name], 1e-30))
    for k in ("e", "p"):
        tab["log_flux_" + k] = np.log(np.maximum(tab["flux_" + k], 1e-30))
    return tab


def _bracket(grid: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index of the interval of ``grid`` holding each ``x``, weight of its upper node).

    ``x`` is clipped to the grid.  ``np.minimum(np.maximum(...))`` is ``np.clip`` (the same
    values, NaN included) without its per-call overhead.
    """
    x = np.minimum(np.maximum(x, grid[0]), grid[-1])
    i = np.minimum(np.maximum(np.searchsorted(grid, x, side="right") - 1, 0), grid.size - 2)
    w = (x - grid[i]) / (grid[i + 1] - grid[i])
    return i, w


@functools.cache
def _grid_lookup(axis: str) -> tuple[np.ndarray, np.ndarray, float, np.ndarray]:
    """(grid, grid followed by +inf, bins per unit, bin -> :func:`_bracket` index of the bin's
    lower edge) for an axis of the fast tables: ``'altitude'``, ``'inclination'`` or ``'depth'``.

    The bins are a quarter of the grid's finest spacing, so a point's interval is the one of
    its bin's edge or a neighbour of it.
    """
    tab = load_table()
    grid = {"altitude": tab["altitude"], "inclination": tab["inclination"], "depth": DEPTH_GRID}[axis]
    span = float(grid[-1] - grid[0])
    n_bins = int(4 * span / np.diff(grid).min()) + 1
    scale = n_bins / span
    lookup = np.searchsorted(grid, grid[0] + np.arange(n_bins) / scale, side="right") - 1
    return grid, np.append(grid, np.inf), scale, lookup


def _bracket_axis(axis: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_bracket` on an axis of the fast tables (:func:`_grid_lookup`), the same result.

    Arrays are bracketed by a bin lookup and a one-node correction each way instead of a
    binary search (branch-free, about three times faster on large arrays); scalars and small
    arrays by :func:`_bracket`.
    """
    grid, padded, scale, lookup = _grid_lookup(axis)
    if x.size < 64:
        return _bracket(grid, x)
    x = np.minimum(np.maximum(x, grid[0]), grid[-1])
    with np.errstate(invalid="ignore"):  # NaN rows: any bin, NaN weights as with _bracket
        b = ((x - grid[0]) * scale).astype(np.intp)
    np.maximum(b, 0, out=b)
    np.minimum(b, lookup.size - 1, out=b)
    i = lookup.take(b)
    i -= x < padded.take(i)
    i += x >= padded.take(i + 1)
    np.minimum(i, grid.size - 2, out=i)
    lo = grid.take(i)
    return i, (x - lo) / (grid.take(i + 1) - lo)


def _fold(inclination: Any) -> np.ndarray:
    r"""Retrograde inclinations fold to :math:`\pi - i` (the same latitude coverage) [rad]."""
    inc = np.asarray(inclination, float)
    return np.where(inc > math.pi / 2, math.pi - inc, inc)


def trapped_spectra(altitude: Any, inclination: Any, solar_phase: Any = 0.5) -> tuple[np.ndarray, np.ndarray]:
    r"""Orbit-averaged integral trapped electron and proton spectra.

    Parameters
    ----------
    altitude : float or array [m]
        Circular orbit altitude; clipped to the table (200-3000 km).
    inclination : float or array [rad]
        Inclination; retrograde orbits fold to :math:`\pi - i` (same latitude coverage).
    solar_phase : float or array, default 0.5
        0 = solar minimum (AE8MIN/AP8MIN), 1 = maximum (AE8MAX/AP8MAX), linear mix between.

    Returns
    -------
    (flux_e, flux_p) : arrays [1/(cm2 s)], shape ``broadcast + (n_energy,)``
        Omnidirectional integral flux above each energy of ``load_table()['energy_e']``
        and ``['energy_p']`` [MeV].  Interpolation: log-linear in altitude, linear in
        inclination (of the log flux).
    """
    tab = load_table()
    h, inc, s = np.broadcast_arrays(
        np.asarray(altitude, float), np.asarray(inclination, float), np.asarray(solar_phase, float)
    )
    inc = np.where(inc > math.pi / 2, math.pi - inc, inc)
    ia, wa = _bracket(tab["altitude"], h)
    ii, wi = _bracket(tab["inclination"], inc)
    s = np.clip(s, 0.0, 1.0)[..., None]
    res = []
    for k in ("e", "p"):
        lf = tab["log_flux_" + k]  # [solar, alt, inc, E]
        wa_, wi_ = wa[..., None], wi[..., None]
        v = (
            lf[:, ia, ii] * (1 - wa_) * (1 - wi_)
            + lf[:, ia + 1, ii] * wa_ * (1 - wi_)
            + lf[:, ia, ii + 1] * (1 - wa_) * wi_
            + lf[:, ia + 1, ii + 1] * wa_ * wi_
        )  # [solar, ..., E]
        f = np.exp(v)
        f = np.where(f < 1e-20, 0.0, f)
        res.append(f[0] * (1 - s) + f[1] * s)
    return res[0], res[1]


def dose_rate_trapped_exact(altitude: Any, inclination: Any, areal_density: Any, solar_phase: Any = 0.5) -> np.ndarray:
    """Orbit-averaged trapped-particle dose rate in silicon behind aluminium, from the spectra [Gy/s].

    The full calculation (:func:`trapped_spectra` then :func:`dose_rate_from_spectra`, about
    0.1 ms per row); :func:`dose_rate_trapped` interpolates a table of it.

    Parameters
    ----------
    altitude : float or array [m]
    inclination : float or array [rad]
    areal_density : float or array [kg/m2]
    solar_phase : float or array, 0 (minimum) to 1 (maximum)

    Returns the electron + bremsstrahlung + proton dose rate (see module docstring).  The
    dose is linear in the flux, so an intermediate solar phase mixes the minimum and maximum
    doses linearly (mixing the spectra first would let the power-law interpolation of the
    mixture bend the result).
    """
    tab = load_table()
    res = []
    for phase in (0.0, 1.0):
        fe, fp = trapped_spectra(altitude, inclination, phase)
        res.append(
            dose_rate_from_spectra("e", tab["energy_e"], fe, areal_density)
            + dose_rate_from_spectra("p", tab["energy_p"], fp, areal_density)
        )
    s = np.clip(np.asarray(solar_phase, float), 0.0, 1.0)
    return res[0] * (1 - s) + res[1] * s


def penetrating_proton_flux_exact(
    altitude: Any, inclination: Any, areal_density: Any, solar_phase: Any = 0.5, threshold=30.0
):
    """Orbit-averaged trapped-proton flux reaching the die with more than ``threshold`` MeV [1/(cm2 s)].

    The protons that arrive above ``threshold`` left the shield's outer face with more than
    the energy whose aluminium range exceeds the shield by the range of ``threshold``.
    """
    s = np.clip(np.asarray(solar_phase, float), 0.0, 1.0)
    lo_, hi_ = (_p_above(altitude, inclination, areal_density, phase, threshold) for phase in (0.0, 1.0))
    return lo_ * (1 - s) + hi_ * s


def _p_above(altitude, inclination, areal_density, phase, threshold):
    tab = load_table()
    _, fp = trapped_spectra(altitude, inclination, phase)
    d = np.asarray(areal_density, float) * 0.1
    e_out = _dt.energy_for_range("p", proton_range(threshold, "aluminium") + d)
    lf = np.log(np.maximum(fp, 1e-30))
    le = np.log(tab["energy_p"])
    x = np.log(e_out)
    # log-log interpolation of the integral spectrum at e_out, per row
    i, w = _bracket(le, np.broadcast_to(x, lf.shape[:-1]))
    lo = np.take_along_axis(lf, i[..., None], -1)[..., 0]
    hi = np.take_along_axis(lf, (i + 1)[..., None], -1)[..., 0]
    v = np.exp(lo + (hi - lo) * w)
    return np.where(v < 1e-20, 0.0, v)


# ----------------------------------------------------------------------------- fast tables
DEPTH_GRID = np.array(
    [0.0, 0.5, 1, 2, 2.7, 4, 6, 8, 10, 13, 16, 20, 27, 35, 45, 60, 80, 100, 130, 160, 200], dtype=float
)
"""Shield areal densities [kg/m2] of the shipped dose table (``dose_trapped``, ``proton_flux_30``)."""


def dose_tables(tab: dict | None = None) -> dict:
    """Exact dose and penetrating-flux tables on the flux table's nodes and :data:`DEPTH_GRID`.

    Returns ``{"dose_trapped": [solar, altitude, inclination, depth] (Gy/s),
    "proton_flux_30": [...] (1/(cm2 s))}``; ``tools/trapped_flux_table.py`` stores them in
    the npz so run time only interpolates (a test recomputes nodes and off-node points).
    """
    tab = tab or load_table()
    h, inc, dep = np.meshgrid(tab["altitude"], tab["inclination"], DEPTH_GRID, indexing="ij")
    out = {}
    for name, fn in (("dose_trapped", dose_rate_trapped_exact), ("proton_flux_30", penetrating_proton_flux_exact)):
        out[name] = np.stack([fn(h, inc, dep, s) for s in (0.0, 1.0)])
    return out


def _cell(altitude: Any, inclination: Any, areal_density: Any) -> tuple[np.ndarray, list]:
    """Bracket points in the ``[altitude, inclination, depth]`` grid of the fast tables, once for every table.

    Each input is bracketed on its own shape (a scalar costs a scalar's work) and the results
    broadcast.  ``inclination`` is folded (retrograde orbits).

    Returns
    -------
    (index, weights) : the flat index of each point's lower cell corner in a table raveled
        over ``[altitude, inclination, depth]``, and the eight corner weights
        :math:`f_a f_i f_d` in the order of :func:`_corner_offsets` (altitude outermost,
        depth innermost).
    """
    ia, wa = _bracket_axis("altitude", np.asarray(altitude, float))
    ii, wi = _bracket_axis("inclination", _fold(inclination))
    idp, wd = _bracket_axis("depth", np.asarray(areal_density, float))
    index = (ia * load_table()["inclination"].size + ii) * DEPTH_GRID.size + idp
    weights = []
    for fa in (1 - wa, wa):
        for fi in (1 - wi, wi):
            fai = fa * fi
            for fd in (1 - wd, wd):
                weights.append(np.asarray(fai * fd))
    return index, weights


@functools.cache
def _corner_offsets() -> tuple[int, ...]:
    """Flat-index offsets of the eight corners of a cell of the raveled fast tables."""
    ni, nd = load_table()["inclination"].size, DEPTH_GRID.size
    return tuple(da * ni * nd + di * nd + dd for da in (0, 1) for di in (0, 1) for dd in (0, 1))


@functools.cache
def _stacked(names: tuple[str, ...]) -> np.ndarray:
    """The log tables ``names``, raveled over ``[altitude, inclination, depth]`` and stacked as
    rows ``[name0 min, name0 max, name1 min, ...]`` (one gather fetches every table)."""
    tab = load_table()
    for name in names:
        if name not in tab:
            raise RuntimeError(f"{_DATA} lacks '{name}': rerun tools/trapped_flux_table.py --dose-only")
    return np.ascontiguousarray(np.stack([tab["log_" + n][k].ravel() for n in names for k in (0, 1)]))


def _interp_tables(names: tuple[str, ...], cell: tuple, solar_phase: Any) -> list[np.ndarray]:
    """Interpolate ``[solar, altitude, inclination, depth]`` tables at a bracketed ``cell``
    (:func:`_cell`): log value, linear in altitude, inclination and depth; the two solar
    states mixed linearly.  One list entry per name."""
    lt = _stacked(names)
    index, weights = cell
    acc = None
    for off, w in zip(_corner_offsets(), weights):
        term = lt.take(index + off, axis=1)  # (2 * len(names),) + index.shape
        np.multiply(term, w, out=term)
        if acc is None:
            acc = term
        else:
            np.add(acc, term, out=acc)
    v = np.exp(acc, out=acc)
    v[v < 1e-25] = 0.0
    s = np.minimum(np.maximum(np.asarray(solar_phase, float), 0.0), 1.0)
    s_min = 1 - s
    return [v[2 * j] * s_min + v[2 * j + 1] * s for j in range(len(names))]


def _interp4(name: str, altitude, inclination, areal_density, solar_phase) -> np.ndarray:
    """Interpolate one ``[solar, altitude, inclination, depth]`` table (see :func:`_interp_tables`)."""
    return _interp_tables((name,), _cell(altitude, inclination, areal_density), solar_phase)[0]


def dose_rate_trapped(altitude: Any, inclination: Any, areal_density: Any, solar_phase: Any = 0.5) -> np.ndarray:
    r"""Orbit-averaged trapped-particle dose rate in silicon behind aluminium [Gy/s].

    Interpolated from the shipped table of :func:`dose_rate_trapped_exact` (electrons,
    bremsstrahlung and protons; see the module docstring): log-linear in altitude,
    inclination and areal density (:data:`DEPTH_GRID`), the solar minimum and maximum doses
    mixed linearly by ``solar_phase``.  Within 1 % of the exact calculation at the nodes and
    10 % between them (tested); a few microseconds per row.

    Parameters
    ----------
    altitude : float or array [m]
    inclination : float or array [rad]
    areal_density : float or array [kg/m2]
        Aluminium shield around the chips, 0-200 (clipped).
    solar_phase : float or array, 0 (minimum) to 1 (maximum)
    """
    return _interp4("dose_trapped", altitude, inclination, areal_density, solar_phase)


def penetrating_proton_flux(altitude: Any, inclination: Any, areal_density: Any, solar_phase: Any = 0.5):
    """Orbit-averaged trapped-proton flux reaching the die above 30 MeV [1/(cm2 s)].

    Interpolated like :func:`dose_rate_trapped` from :func:`penetrating_proton_flux_exact`.
    """
    return _interp4("proton_flux_30", altitude, inclination, areal_density, solar_phase)


# ----------------------------------------------------------------------------- GCR and SPE
_TILT = math.radians(10.0)  # geomagnetic dipole tilt (IGRF 2020: 9.7 deg)


def polar_exposure(inclination: Any, cutoff_latitude: Any) -> np.ndarray:
    r"""Share of a circular orbit spent above a geomagnetic latitude :math:`\lambda_c`.

    Time share of latitude above :math:`\lambda_c` for inclination :math:`i`
    (argument of latitude uniform): :math:`f = 1 - \frac{2}{\pi}\arcsin(\sin\lambda_c/\sin i)`
    for :math:`i > \lambda_c`, else 0; averaged over effective geomagnetic inclinations
    :math:`i \pm 10^\circ` (the dipole tilt, the Earth turning under the orbit).

    Parameters
    ----------
    inclination : float or array [rad]
    cutoff_latitude : float or array [rad]
    """
    inc = _fold(inclination)
    lc = np.asarray(cutoff_latitude, float)
    sin_i = _sin_effective(inc, max(inc.ndim, lc.ndim))
    return _exposure(sin_i, lc, out=sin_i if np.broadcast_shapes(lc.shape, inc.shape) == inc.shape else None)


def _sin_effective(inc: np.ndarray, ndim: int) -> np.ndarray:
    r"""Sines of the nine effective inclinations :math:`i \pm 10^\circ` (clipped to 1e-6..pi/2)
    of folded inclinations ``inc``, along a new first axis (``ndim`` trailing axes)."""
    f = inc + _TILT_OFFSETS.reshape((-1,) + (1,) * ndim)
    np.maximum(f, 1e-6, out=f)
    np.minimum(f, math.pi / 2, out=f)
    return np.sin(f, out=f)


def _exposure(sin_i: np.ndarray, lc: Any, out: np.ndarray | None = None) -> np.ndarray:
    """:func:`polar_exposure` from :func:`_sin_effective` (one numpy pass per step, in place in ``out``)."""
    f = np.divide(np.sin(lc), sin_i, out=out)
    np.maximum(f, 0.0, out=f)
    np.minimum(f, 1.0, out=f)
    np.arcsin(f, out=f)
    np.multiply(f, 2 / math.pi, out=f)
    np.subtract(1, f, out=f)
    # the mean of the nine, summed in the pairwise order numpy's own mean takes for nine numbers
    return ((((f[0] + f[1]) + (f[2] + f[3])) + ((f[4] + f[5]) + (f[6] + f[7]))) + f[8]) / 9


_TILT_OFFSETS = np.linspace(-_TILT, _TILT, 9)


# ISS (51.6 deg, ~400 km) GCR absorbed dose rate, DOSIS-3D: ~0.09 mGy/day
GCR_DOSE_ISS = 0.09e-3 / 86400.0  # Gy/s
_GCR_CUTOFF = math.radians(50.0)


def gcr_exposure(inclination: Any) -> np.ndarray:
    r"""Geomagnetic exposure to galactic cosmic rays: :math:`g(i) = 0.2 + 0.8 f(i, 50^\circ)`.

    :math:`f` from :func:`polar_exposure`.  :func:`dose_rate_gcr` and
    :func:`single_event_rate` scale by it; pass it to them (``exposure=``) to compute it once
    for several rates at the same inclination.

    Parameters
    ----------
    inclination : float or array [rad]
    """
    return 0.2 + 0.8 * polar_exposure(inclination, _GCR_CUTOFF)


@functools.lru_cache(maxsize=8)
def _gcr_shape_at(inclination: float) -> float:
    """:func:`gcr_exposure` at a fixed reference inclination (computed once)."""
    return float(gcr_exposure(inclination))


def dose_rate_gcr(
    inclination: Any, solar_phase: Any = 0.5, iss_dose_rate: Any = GCR_DOSE_ISS, *, exposure: Any = None
) -> np.ndarray:
    r"""Galactic cosmic-ray dose rate in silicon in LEO [Gy/s] (shielding-insensitive).

    .. math:: \dot D_{GCR} = \dot D_{ISS}\, \frac{g(i)}{g(51.6^\circ)}\,(1.2 - 0.4 s),
              \qquad g(i) = 0.2 + 0.8 f(i, 50^\circ)

    :math:`f` from :func:`polar_exposure` (geomagnetic shielding lets GCR in at high
    latitude), :math:`s` the solar phase (GCR flux is about 40 % lower at solar maximum,
    ISO 15390 / ECSS-E-ST-10-04C [8]_; the ISS figure is taken as mid-cycle).  Scale from
    DOSIS-3D [9]_.  Uncertainty: a factor of 2.

    Parameters
    ----------
    inclination : float or array [rad]
    solar_phase : float or array, 0 (minimum) to 1 (maximum)
    iss_dose_rate : float or array [Gy/s]
        The mid-cycle dose rate at the ISS's 51.6 deg.
    exposure : float or array, optional
        :math:`g(i)` if already computed (:func:`gcr_exposure` of ``inclination``).
    """
    s = np.asarray(solar_phase, float)
    g = gcr_exposure(inclination) if exposure is None else exposure
    return iss_dose_rate * g / _gcr_shape_at(math.radians(51.6)) * (1.2 - 0.4 * s)


# Solar particle events: one year's fluence at solar maximum at 90 % confidence, free space,
# integral > 10 MeV ~ 1e10 /cm2 with a spectrum ~ E^-1.5 above 10 MeV (ESP model as quoted in
# ECSS-E-ST-10-04C Rev.1 sec. 9; factor ~3 uncertainty).
SPE_FLUENCE_10MEV = 1.0e10  # 1/cm2 per solar-maximum year
SPE_SLOPE = 1.5
_SPE_CUTOFF = math.radians(60.0)  # geomagnetic latitude above which SPE protons reach LEO


@functools.cache
def _spe_depth_table() -> np.ndarray:
    """log of the free-space SPE dose rate per unit exposure on :data:`DEPTH_GRID` (Gy/s)."""
    e = np.geomspace(10.0, 1000.0, 21)
    flux = SPE_FLUENCE_10MEV / _YEAR * (e / 10.0) ** -SPE_SLOPE
    return np.log(
        np.maximum(dose_rate_from_spectra("p", e, np.broadcast_to(flux, (DEPTH_GRID.size, e.size)), DEPTH_GRID), 1e-300)
    )


def spe_dose_rate(inclination: Any, areal_density: Any, solar_phase: Any = 0.5) -> np.ndarray:
    r"""Year-averaged solar-particle-event dose rate in silicon behind aluminium [Gy/s].

    Free-space annual fluence :math:`\Phi(>E) = \Phi_{10}(E/10\,\mathrm{MeV})^{-1.5}`
    (:data:`SPE_FLUENCE_10MEV` at solar maximum, a tenth of it at minimum) times the share
    of the orbit above 60 deg geomagnetic latitude (:func:`polar_exposure`; below it the
    geomagnetic cutoff rejects SPE protons in LEO), through :func:`dose_rate_from_spectra`
    on :data:`DEPTH_GRID` (log-linear between depths).
    """
    return _spe_dose(polar_exposure(inclination, _SPE_CUTOFF), areal_density, solar_phase)


def _spe_dose(exposure: Any, areal_density: Any, solar_phase: Any) -> np.ndarray:
    """:func:`spe_dose_rate` from the share of the orbit above 60 deg geomagnetic latitude."""
    s = np.asarray(solar_phase, float)
    scale = exposure * (0.1 + 0.9 * s)
    d = np.minimum(np.maximum(np.asarray(areal_density, float), DEPTH_GRID[0]), DEPTH_GRID[-1])
    return scale * np.exp(np.interp(d, DEPTH_GRID, _spe_depth_table()))


# ----------------------------------------------------------------------------- effects
def single_event_rate(
    proton_flux: Any,
    cross_section: Any,
    gcr_rate: Any,
    inclination: Any,
    solar_phase: Any = 0.5,
    *,
    exposure: Any = None,
):
    r"""Single-event rate per device [1/s].

    .. math:: r = \sigma\,\phi_p(>30\ \mathrm{MeV}) + r_{GCR}\,\frac{g(i)}{g(90^\circ)}\,(1.2 - 0.4 s)

    Parameters
    ----------
    proton_flux : float or array [1/(cm2 s)]
        Penetrating proton flux (:func:`penetrating_proton_flux`).
    cross_section : float or array [cm2]
        Per-device proton cross-section for the effect.
    gcr_rate : float or array [1/s]
        Heavy-ion rate of the same effect in a polar orbit.
    inclination : float or array [rad]
    solar_phase : float or array
    exposure : float or array, optional
        :math:`g(i)` if already computed (:func:`gcr_exposure` of ``inclination``).
    """
    s = np.asarray(solar_phase, float)
    g = (gcr_exposure(inclination) if exposure is None else exposure) / _gcr_shape_at(math.pi / 2)
    return np.asarray(cross_section, float) * np.asarray(proton_flux, float) + np.asarray(gcr_rate, float) * g * (
        1.2 - 0.4 * s
    )


def environment(altitude: Any, inclination: Any, areal_density: Any, solar_phase: Any = 0.5) -> tuple:
    """The radiation environment of an orbit in one pass (what the radiation stage reads).

    The same values as :func:`dose_rate_trapped`, :func:`dose_rate_gcr`,
    :func:`spe_dose_rate`, :func:`penetrating_proton_flux` and :func:`gcr_exposure` called
    one by one, for less work: the table cell is bracketed once for both tables, both tables
    are read in one gather per cell corner, and the geomagnetic exposures are computed once.
    Inputs broadcast; a scalar input costs a scalar's work until the results broadcast.

    Parameters
    ----------
    altitude, inclination, areal_density, solar_phase
        As :func:`dose_rate_trapped_exact` ([m], [rad], [kg/m2], 0 to 1).

    Returns
    -------
    (dose_trapped, dose_gcr, dose_spe, proton_flux_30, exposure)
        Dose rates [Gy/s], the penetrating proton flux above 30 MeV [1/(cm2 s)] and
        :math:`g(i)` for :func:`single_event_rate` (``exposure=``).
    """
    inc = _fold(inclination)
    s = np.asarray(solar_phase, float)
    trapped, flux = _interp_tables(("dose_trapped", "proton_flux_30"), _cell(altitude, inc, areal_density), s)
    sin_i = _sin_effective(inc, inc.ndim)  # shared by the GCR (50 deg) and SPE (60 deg) exposures
    g = 0.2 + 0.8 * _exposure(sin_i, _GCR_CUTOFF)  # gcr_exposure(inc)
    spe = _spe_dose(_exposure(sin_i, _SPE_CUTOFF, out=sin_i), areal_density, s)
    return trapped, dose_rate_gcr(inc, s, exposure=g), spe, flux, g


@functools.cache
def _scalar_tables() -> tuple:
    """Python-list copies of the fast tables for :func:`environment_scalar`: the three grids,
    the four stacked log tables (:func:`_stacked`), the corner offsets, the SPE depth table and
    the GCR reference exposures."""
    tab = load_table()
    lt = _stacked(("dose_trapped", "proton_flux_30"))
    return (
        tab["altitude"].tolist(),
        tab["inclination"].tolist(),
        DEPTH_GRID.tolist(),
        [row.tolist() for row in lt],
        _corner_offsets(),
        _spe_depth_table().tolist(),
        _gcr_shape_at(math.radians(51.6)),
    )


def _bracket_scalar(grid: list, x: float) -> tuple[int, float]:
    """:func:`_bracket` of one float on a grid held as a list (the same index and weight)."""
    x = min(max(x, grid[0]), grid[-1])
    i = min(max(bisect.bisect_right(grid, x) - 1, 0), len(grid) - 2)
    return i, (x - grid[i]) / (grid[i + 1] - grid[i])


@functools.lru_cache(maxsize=256)
def _exposure_scalar(inc: float, lc: float) -> float:
    """:func:`_exposure` of :func:`_sin_effective` for one folded inclination ``inc`` [rad]
    (a pure function of two floats, kept per orbit)."""
    sin_lc = math.sin(lc)
    f = []
    for off in _TILT_LIST:
        x = min(max(inc + off, 1e-6), math.pi / 2)
        f.append(1 - math.asin(min(max(sin_lc / math.sin(x), 0.0), 1.0)) * (2 / math.pi))
    return ((((f[0] + f[1]) + (f[2] + f[3])) + ((f[4] + f[5]) + (f[6] + f[7]))) + f[8]) / 9


def environment_scalar(altitude: float, inclination: float, areal_density: float, solar_phase: float) -> tuple:
    """:func:`environment` of one orbit given as Python floats, with ``math`` instead of numpy.

    The same arithmetic step by step (bracketing, the eight cell corners summed in the same
    order, the log-linear depth interpolation of the SPE table as :func:`numpy.interp` forms
    it); ``math``'s ``exp``, ``sin`` and ``asin`` may differ from numpy's in the last bit, so
    results agree with :func:`environment` to about 1e-15 (tested to 1e-12).  About a tenth
    of the numpy path's time on one scenario.
    """
    alt, incl, depth, lt, offsets, spe_table, g_ref = _scalar_tables()
    inc = math.pi - inclination if inclination > math.pi / 2 else inclination
    ia, wa = _bracket_scalar(alt, altitude)
    ii, wi = _bracket_scalar(incl, inc)
    idp, wd = _bracket_scalar(depth, areal_density)
    index = (ia * len(incl) + ii) * len(depth) + idp
    weights = [(fa * fi) * fd for fa in (1 - wa, wa) for fi in (1 - wi, wi) for fd in (1 - wd, wd)]
    v = []
    for row in lt:
        acc = row[index + offsets[0]] * weights[0]
        for off, w in zip(offsets[1:], weights[1:]):
            acc = acc + row[index + off] * w
        x = math.exp(acc)
        v.append(0.0 if x < 1e-25 else x)
    s = min(max(solar_phase, 0.0), 1.0)
    s_min = 1 - s
    trapped = v[0] * s_min + v[1] * s
    flux = v[2] * s_min + v[3] * s
    g = 0.2 + 0.8 * _exposure_scalar(inc, _GCR_CUTOFF)
    gcr = GCR_DOSE_ISS * g / g_ref * (1.2 - 0.4 * solar_phase)
    d = min(max(areal_density, depth[0]), depth[-1])
    j = min(max(bisect.bisect_right(depth, d) - 1, 0), len(depth) - 2)
    slope = (spe_table[j + 1] - spe_table[j]) / (depth[j + 1] - depth[j])
    log_spe = spe_table[-1] if d == depth[-1] else slope * (d - depth[j]) + spe_table[j]
    spe = _exposure_scalar(inc, _SPE_CUTOFF) * (0.1 + 0.9 * solar_phase) * math.exp(log_spe)
    return trapped, gcr, spe, flux, g


_TILT_LIST = _TILT_OFFSETS.tolist()


def dose_life(dose_rate: Any, dose_limit: Any) -> np.ndarray:
    """Time to reach a cumulative dose limit [s]: ``dose_limit / dose_rate`` (inf at zero dose).

    Parameters
    ----------
    dose_rate : float or array [Gy/s]
    dose_limit : float or array [Gy]
    """
    r = np.asarray(dose_rate, float)
    dosed = r > 0
    if r.ndim and dosed.all():  # the where below on every element, without forming it
        return np.asarray(dose_limit, float) / r
    with np.errstate(divide="ignore"):
        return np.where(dosed, np.asarray(dose_limit, float) / np.where(dosed, r, 1.0), np.inf)
