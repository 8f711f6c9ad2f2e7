r"""The orbit in time: battery state of charge and lumped radiator and array temperatures over one orbit.

Pure numpy, vectorised across scenarios (every argument broadcasts to shape ``(n,)``), SI
units (s, W, J, K, m2), no units library.

The orbit starts at eclipse entry: an eclipse of duration :math:`t_e` (possibly 0), then
sunlight until the period :math:`P`.  Loads are constant within each phase, so each phase is
integrated on its own uniform grid (``n_eclipse`` and ``n_sun`` steps) and the forcing
never jumps inside a step.

* **Battery** (stored energy :math:`E`, capacity :math:`E_c`): in eclipse
  :math:`\dot E = -P_{dis}`; in sunlight :math:`\dot E = P_{ch}` until full (the surplus is
  shunted).  Piecewise linear, integrated exactly.
* **Radiator** (per unit planform area, areal heat capacity :math:`c_r`):

  .. math:: c_r \dot T_r = q_r(t) + e_r(t) - n\,\varepsilon_r\,\sigma\,(T_r^4 - T_{sp}^4)

  with the waste heat :math:`q_r` and absorbed environment :math:`e_r` per area of each phase.
* **Solar array** (per unit area, :math:`c_a`):

  .. math:: c_a \dot T_a = a(t) - w(t) - (\varepsilon_f + \varepsilon_b)\,\sigma\,(T_a^4 - T_{sp}^4)

  absorbed flux :math:`a` minus electrical output :math:`w` per area.
* The junction follows the radiator: :math:`T_j = T_r + \Delta T_j\,q_r(t)/q_{r,sun}`
  (the chip-to-radiator drop scales with the heat carried).

Temperatures are integrated with the classical 4th-order Runge-Kutta method.  The
**periodic steady state** is found by flying orbit after orbit from the sunlit equilibrium
at eclipse entry until, over one orbit, the radiator's and the array's stored energy change
and the battery's change are below ``tol`` times the energy through them per orbit
(:math:`|c\,\Delta T| / \int q_{in}\,dt < 10^{-6}`: energy closes per orbit), at most
``max_orbits`` orbits.

References
----------
.. [1] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I", 2nd ed.,
   The Aerospace Press, ch. 2 and 5 (transient orbital thermal analysis, lumped nodes).
.. [2] Wertz, J. R. and Larson, W. J. (1999), "Space Mission Analysis and Design", 3rd ed.,
   sec. 11.4 (battery depth of discharge, eclipse energy balance).
.. [3] Butcher, J. C. (2016), "Numerical Methods for Ordinary Differential Equations",
   3rd ed., Wiley (classical Runge-Kutta method).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..constants import SIGMA_SB

__all__ = [
    "ALUMINIUM_SPECIFIC_HEAT",
    "ARRAY_AREAL_HEAT_CAPACITY",
    "orbit_transient",
]

ALUMINIUM_SPECIFIC_HEAT = 897.0
"""Specific heat of aluminium at 25 C [J/(kg K)] (Incropera et al. 2007, Table A.1)."""

ARRAY_AREAL_HEAT_CAPACITY = 1.9e3
"""Areal heat capacity of a rigid solar-array panel [J/(m2 K)]: about 2.1 kg/m2 of cells,
coverglass, CFRP face sheets and aluminium honeycomb at a mass-weighted specific heat of about
900 J/(kg K) (Gilmore 2002, Appendix A material properties; SMAD 3rd ed. table 11-41 panel
areal densities)."""

_SPACE = 2.7255  # K, deep space (CMB)


def _rk4(t, dt, rhs):
    k1 = rhs(t)
    k2 = rhs(t + 0.5 * dt * k1)
    k3 = rhs(t + 0.5 * dt * k2)
    k4 = rhs(t + dt * k3)
    return t + dt / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)


def _equilibrium(q, k):
    """T with k (T^4 - T_space^4) = q, q >= 0."""
    return (np.maximum(q, 0.0) / k + _SPACE**4) ** 0.25


def orbit_transient(
    period: Any,
    eclipse_duration: Any,
    *,
    battery_capacity: Any,
    charge_power: Any,
    discharge_power: Any,
    radiator_heat_sun: Any,
    radiator_heat_eclipse: Any,
    radiator_env_sun: Any = 0.0,
    radiator_env_eclipse: Any = 0.0,
    radiator_emissivity: Any = 0.9,
    radiator_sides: Any = 2.0,
    radiator_heat_capacity: Any = 5.0 * ALUMINIUM_SPECIFIC_HEAT,
    array_absorbed_sun: Any = 0.0,
    array_absorbed_eclipse: Any = 0.0,
    array_electric_sun: Any = 0.0,
    array_emissivity: Any = 1.65,
    array_heat_capacity: Any = ARRAY_AREAL_HEAT_CAPACITY,
    junction_drop: Any = 0.0,
    junction_limit: Any = np.inf,
    n_eclipse: int = 64,
    n_sun: int = 192,
    tol: float = 1e-6,
    max_orbits: int = 50,
    traces: bool = False,
) -> dict:
    r"""Periodic steady state of battery, radiator and array over one orbit, for many scenarios.

    Parameters
    ----------
    period, eclipse_duration : float or array [s]
        Orbital period and the eclipse of the orbit studied (0 <= eclipse < period).
    battery_capacity : float or array [J]
        Nameplate stored energy (the state of charge is stored / nameplate).
    charge_power, discharge_power : float or array [W]
        Rate of change of stored energy while charging in sunlight (until full) and while
        discharging in eclipse.
    radiator_heat_sun, radiator_heat_eclipse : float or array [W/m2]
        Waste heat per radiator planform area in each phase.
    radiator_env_sun, radiator_env_eclipse : float or array [W/m2]
        Absorbed environmental flux per planform area (sunlight and albedo in the sun; Earth
        infrared in both).
    radiator_emissivity, radiator_sides : float or array
        Infrared emissivity and radiating faces.
    radiator_heat_capacity : float or array [J/(m2 K)]
        Areal heat capacity (default 5 kg/m2 of aluminium).
    array_absorbed_sun, array_absorbed_eclipse, array_electric_sun : float or array [W/m2]
        Flux absorbed by the array per area in each phase, and the electrical output per
        area in sunlight.
    array_emissivity : float or array
        Front plus back infrared emissivity.
    array_heat_capacity : float or array [J/(m2 K)]
    junction_drop : float or array [K]
        Junction minus radiator temperature with the sunlit heat.
    junction_limit : float or array [K]
    n_eclipse, n_sun : int
        RK4 steps per phase.
    tol : float
        Periodicity tolerance on each store's energy change per orbit, relative to the
        energy through it.
    max_orbits : int
    traces : bool
        Also return the last orbit's ``time``, ``soc``, ``radiator_temperature``,
        ``array_temperature`` (arrays ``(n, n_eclipse + n_sun + 1)``).

    Returns
    -------
    dict of arrays ``(n,)``: ``soc_min``, ``depth_reached`` (1 - soc_min), ``soc_end``,
    ``radiator_min``, ``radiator_max``, ``radiator_swing`` [K], ``array_min``, ``array_max``
    [K], ``junction_max`` [K], ``time_above_junction`` [s per orbit], ``orbits``,
    ``energy_residual`` (largest relative energy change of a store over the last orbit),
    ``converged`` (bool), ``depleted`` (the battery runs empty, or does not recharge in the
    sunlight: starting the orbit full it ends it lower, so it would lose as much every orbit).
    """
    args = np.broadcast_arrays(
        *[
            np.atleast_1d(np.asarray(a, dtype=float))
            for a in (
                period,
                eclipse_duration,
                battery_capacity,
                charge_power,
                discharge_power,
                radiator_heat_sun,
                radiator_heat_eclipse,
                radiator_env_sun,
                radiator_env_eclipse,
                radiator_emissivity,
                radiator_sides,
                radiator_heat_capacity,
                array_absorbed_sun,
                array_absorbed_eclipse,
                array_electric_sun,
                array_emissivity,
                array_heat_capacity,
                junction_drop,
                junction_limit,
            )
        ]
    )
    (P, te, ecap, pch, pdis, qs, qe, es, ee, eps_r, n_r, c_r, as_, ae, ws, eps_a, c_a, djs, tjmax) = args
    ts = P - te
    dt_e = te / n_eclipse
    dt_s = ts / n_sun
    k_r = n_r * eps_r * SIGMA_SB
    k_a = eps_a * SIGMA_SB
    sp4 = _SPACE**4
    in_rs, in_re = qs + es, qe + ee  # radiator absorbed + dissipated per phase
    in_as, in_ae = as_ - ws, ae

    def rhs_r(q):
        return lambda t: (q - k_r * (t * t * t * t - sp4)) / c_r

    def rhs_a(q):
        return lambda t: (q - k_a * (t * t * t * t - sp4)) / c_a

    f_re, f_rs, f_ae, f_as = rhs_r(in_re), rhs_r(in_rs), rhs_a(in_ae), rhs_a(in_as)
    # energy through each store per orbit (the scale of the periodicity residual)
    scale_r = in_rs * ts + in_re * te
    scale_a = np.maximum(as_ * ts + ae * te, 1e-300)
    scale_b = np.maximum(pdis * te, 1e-300 + 0 * ecap)
    drop_e = djs * np.where(qs > 0, qe / np.where(qs > 0, qs, 1.0), 1.0)

    # start at eclipse entry from the sunlit equilibrium, battery full
    tr = _equilibrium(in_rs, k_r)
    ta = _equilibrium(in_as, k_a)
    e = ecap.copy()
    n = P.size
    converged = np.zeros(n, bool)
    depleted = np.zeros(n, bool)
    orbits = np.zeros(n)
    steps = n_eclipse + n_sun
    for orbit in range(1, max_orbits + 1):
        tr0, ta0, e0 = tr, ta, e
        rec = traces and True
        if rec:
            tr_tr = np.empty((n, steps + 1))
            ta_tr = np.empty((n, steps + 1))
            e_tr = np.empty((n, steps + 1))
            tr_tr[:, 0], ta_tr[:, 0], e_tr[:, 0] = tr, ta, e
        e_min = e.copy()
        r_min, r_max = tr.copy(), tr.copy()
        a_min, a_max = ta.copy(), ta.copy()
        tj_max = tr + drop_e
        above = np.zeros(n)
        j_prev = tr + drop_e
        for i in range(steps):
            ecl = i < n_eclipse
            dt = dt_e if ecl else dt_s
            tr = _rk4(tr, dt, f_re if ecl else f_rs)
            ta = _rk4(ta, dt, f_ae if ecl else f_as)
            e = e - pdis * dt if ecl else np.minimum(e + pch * dt, ecap)
            e_min = np.minimum(e_min, e)
            np.minimum(r_min, tr, out=r_min)
            np.maximum(r_max, tr, out=r_max)
            np.minimum(a_min, ta, out=a_min)
            np.maximum(a_max, ta, out=a_max)
            j = tr + (drop_e if ecl else djs)
            np.maximum(tj_max, j, out=tj_max)
            # time above the limit, linear interpolation within the step
            lo, hi = np.minimum(j_prev, j), np.maximum(j_prev, j)
            frac = np.clip((hi - tjmax) / np.maximum(hi - lo, 1e-300), 0.0, 1.0)
            above += dt * np.where(hi > tjmax, np.where(hi - lo > 0, frac, 1.0), 0.0)
            j_prev = j
            if rec:
                tr_tr[:, i + 1], ta_tr[:, i + 1], e_tr[:, i + 1] = tr, ta, e
        res_r = np.abs(c_r * (tr - tr0)) / scale_r
        res_a = np.abs(c_a * (ta - ta0)) / scale_a
        res_b = np.abs(e - e0) / scale_b
        res = np.maximum(np.maximum(res_r, res_a), res_b)
        # a battery that starts the orbit full and ends it lower loses the same energy every
        # orbit until it is empty: no periodic state
        depleted |= (e_min < 0) | ((e0 >= ecap) & (e < e0 - tol * scale_b))
        new = ~converged & ((res < tol) | depleted)
        orbits = np.where(new, orbit, orbits)
        converged |= res < tol
        if np.all(converged | depleted):
            break
    orbits = np.where(orbits == 0, max_orbits, orbits)
    soc_min = e_min / ecap
    out = {
        "soc_min": soc_min,
        "depth_reached": 1.0 - soc_min,
        "soc_end": e / ecap,
        "radiator_min": r_min,
        "radiator_max": r_max,
        "radiator_swing": r_max - r_min,
        "array_min": a_min,
        "array_max": a_max,
        "junction_max": tj_max,
        "time_above_junction": above,
        "orbits": orbits,
        "energy_residual": res,
        "converged": converged,
        "depleted": depleted,
    }
    if traces:
        t_grid = np.concatenate(
            [np.arange(n_eclipse + 1) * dt_e[:, None], te[:, None] + np.arange(1, n_sun + 1) * dt_s[:, None]], axis=1
        )
        out |= {"time": t_grid, "soc": e_tr / ecap[:, None], "radiator_temperature": tr_tr, "array_temperature": ta_tr}
    return out
