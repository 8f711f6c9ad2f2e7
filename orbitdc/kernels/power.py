r"""Kernels of the power system: solar array, battery and their mass per watt of load.

Unit-free and unchecked (see :mod:`orbitdc.kernels`): SI floats or numpy arrays in, the
same out, broadcasting everywhere. Power in W, energy in J, time in s, temperature in K,
area in m^2, mass in kg; fractions are dimensionless. The checked API with the full
parameter documentation is :mod:`orbitdc.physics.solar`, :mod:`orbitdc.physics.battery`
and :func:`orbitdc.physics.thermal.solar_cell_temperature`; the power stage and the
thermal stage's heat-pump trade both size the power system per watt of load with these
functions (the arguments gathered from the scenario by :mod:`orbitdc.physics.power_system`).

The sizing is linear in load (SMAD 3rd ed. section 11.4), so every per-watt figure here
times a load gives the satellite's array and battery, and :func:`mass_per_watt` is both
the average and the marginal power-system mass per watt.

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (1999), Space Mission Analysis and Design, 3rd ed.,
   Microcosm/Kluwer, section 11.4 (eq. 11-5, array sizing; section 11.4.2, battery).
.. [2] Patel, M. R. (2005), Spacecraft Power Systems, CRC Press, ch. 4 (array temperature).
"""

from __future__ import annotations

import math

import numpy as np

from orbitdc.constants import AU, DAY, SIGMA_SB, SOLAR_CONSTANT

from . import compute as _k  # scalar-aware numpy functions: math on one scenario's floats

__all__ = [
    "DOD_FLOOR",
    "irradiance",
    "degradation_factor",
    "panel_temperature",
    "largest_quartic_root",
    "cell_temperature",
    "cycles_and_dod",
    "array_per_watt",
    "battery_energy_per_watt",
    "mass_per_watt",
]

DOD_FLOOR = 0.05
"""Shallowest depth of discharge the cycle-life rule may choose [-]: below it the battery
would be twenty times its eclipse energy; the stage's cycle-life margin then shows the
shortfall (a battery that wears out) instead of an unbounded battery. Kind: assumption."""

_NEWTON_FIXED = 4  # Newton steps always taken on arrays (enough for the spread ranges)
_NEWTON_MAX = 100  # cap; near a double root Newton converges at rate 1/2
_NEWTON_TOL = 1e-9  # [K] convergence: every Newton step below this


def _float(x):
    """Python float for a 0-d result, ``x`` itself otherwise."""
    return x if x.__class__ is float else float(x) if np.ndim(x) == 0 else x


def irradiance(sun_distance):
    r"""Solar irradiance [W/m^2] at ``sun_distance`` [m]: :math:`S = S_0 (\mathrm{AU}/d)^2`
    (inverse-square law; :func:`orbitdc.physics.solar.solar_irradiance`)."""
    return SOLAR_CONSTANT * (AU / sun_distance) ** 2


def degradation_factor(rate_per_year, years):
    r"""Array output left after ``years`` [yr] of loss ``rate_per_year`` [1/yr]:
    :math:`L_d = (1 - d)^{years}` (SMAD eq. 11-6; :func:`orbitdc.physics.solar.degradation_factor`)."""
    return (1.0 - rate_per_year) ** years


def panel_temperature(
    irradiance,
    efficiency,
    absorptivity_front,
    emissivity_front,
    emissivity_back,
    absorptivity_back,
    earth_ir,
    albedo,
    view_factor,
    view_factor_back,
    albedo_factor,
    cos_incidence,
    space_temperature,
):
    r"""Steady temperature [K] of a thin, isothermal solar-array panel from its energy balance.

    .. math::
       T = \Big(\frac{\alpha_f S\cos i + S a \phi(\alpha_f F_f + \alpha_b F_b)
            + E_{IR}(\varepsilon_f F_f + \varepsilon_b F_b) - \eta S \cos i}
            {(\varepsilon_f + \varepsilon_b)\,\sigma} + T_{space}^4\Big)^{1/4}

    ``irradiance`` S [W/m^2], ``efficiency`` :math:`\eta` (electrical output over normal
    irradiance) [-], absorptances and emittances of the front and back faces [-],
    ``earth_ir`` [W/m^2], ``albedo`` a [-], Earth view factors F [-], ``albedo_factor``
    :math:`\phi` [-], ``cos_incidence`` [-] and ``space_temperature`` [K]. Full
    documentation, checks and references: :func:`orbitdc.physics.thermal.solar_cell_temperature`
    (Gilmore 2002 ch. 2; Patel 2005 ch. 4).
    """
    s_n = irradiance * cos_incidence
    absorbed = (
        absorptivity_front * s_n
        + irradiance
        * albedo
        * albedo_factor
        * (absorptivity_front * view_factor + absorptivity_back * view_factor_back)
        + earth_ir * (emissivity_front * view_factor + emissivity_back * view_factor_back)
    )
    net = absorbed - efficiency * s_n  # >= (alpha_f - eta) S cos i >= 0
    return (net / ((emissivity_front + emissivity_back) * SIGMA_SB) + space_temperature**4) ** 0.25


def largest_quartic_root(a, c0):
    r"""Largest real root of :math:`q(T) = T^4 - a T - c_0` for :math:`a \ge 0`, by Newton from above.

    Parameters
    ----------
    a : float or array [K^3]
        Linear coefficient, >= 0.
    c0 : float or array [K^4]
        Constant term.

    Returns
    -------
    tuple
        ``(T, ok)``: the root [K] and whether it exists; ``ok`` is False (element-wise)
        where q has no real root, i.e. where its minimum :math:`q(T_m) = -(c_0 + 3T_m^4)`,
        :math:`T_m = (a/4)^{1/3}`, is positive (``T`` is then meaningless).

    Notes
    -----
    q is convex, so Newton's iteration :math:`T \leftarrow (3T^4 + c_0)/(4T^3 - a)` started at
    an upper bound of the largest root decreases monotonically onto it (quadratically, or at
    rate 1/2 at a double root). The starting bound is the smallest of
    :math:`(c_0^+)^{1/4} + a^{1/3}` (q >= 0 there), and one Newton step from the
    :math:`a = 0` root :math:`L = (c_0^+)^{1/4}` when :math:`q'(L) > 0` (a tangent from the
    left of a convex function's root overshoots it), tightened by one step
    :math:`U \leftarrow (c_0 + aU)^{1/4}` (monotone, maps upper bounds to upper bounds).
    Iterates are kept at or above :math:`T_m`; iteration stops when every step is below
    1e-9 K: four steps always on arrays, at most 100.
    """
    if isinstance(a, float) and isinstance(c0, float):
        t_min = (0.25 * a) ** (1.0 / 3.0)
        tm2 = t_min * t_min
        if c0 + 3.0 * tm2 * tm2 < 0.0:
            return t_min, False
        low = math.sqrt(math.sqrt(c0)) if c0 > 0.0 else 0.0
        up = a ** (1.0 / 3.0) + low
        low3 = low * low * low
        d = 4.0 * low3 - a
        if d > 0.0:
            up = min(up, (3.0 * low3 * low + c0) / d)
        t = math.sqrt(math.sqrt(max(c0 + a * up, 0.0)))
        for _ in range(_NEWTON_MAX):
            t2 = t * t
            q = t2 * t2 - a * t - c0
            if q <= 0.0:  # at the root to rounding
                break
            d = 4.0 * t2 * t - a
            new = max(t - q / d, t_min) if d > 0.0 else t_min
            step = t - new
            t = new
            if step < _NEWTON_TOL:
                break
        return t, True

    a = np.asarray(a, dtype=float)
    c0 = np.asarray(c0, dtype=float)
    t_min = np.cbrt(0.25 * a)
    tm2 = t_min * t_min
    ok = c0 + 3.0 * tm2 * tm2 >= 0.0
    low = np.sqrt(np.sqrt(np.maximum(c0, 0.0)))
    low3 = low * low * low
    up = np.cbrt(a) + low
    d = 4.0 * low3 - a
    pos = d > 0.0
    up = np.where(pos, np.minimum(up, (3.0 * low3 * low + c0) / np.where(pos, d, 1.0)), up)
    t = np.sqrt(np.sqrt(np.maximum(c0 + a * up, 0.0)))
    for i in range(_NEWTON_MAX):
        t2 = t * t
        q = t2 * t2 - a * t - c0
        d = 4.0 * t2 * t - a
        # q > 0 at or above the largest root implies d > 0; the floor only guards rounding
        # (no step where there is no root: the caller refuses those elements)
        new = np.maximum(t - np.where((q > 0.0) & ok, q, 0.0) / np.maximum(d, 1e-200), t_min)
        step = t - new
        t = new
        if i + 1 >= _NEWTON_FIXED and not (np.abs(step[ok]) >= _NEWTON_TOL).any():
            break
    return t, ok


def cell_temperature(
    irradiance,
    efficiency_ref,
    temperature_coefficient,
    packing_factor,
    reference_temperature,
    view_factor,
    view_factor_back,
    albedo_factor,
    absorptivity_front,
    emissivity_front,
    emissivity_back,
    earth_ir,
    albedo,
    space_temperature,
):
    r"""Operating temperature and efficiency of a Sun-pointing array's cells, solved together.

    Hotter cells convert less, so they keep more of the sunlight and run hotter. The panel
    balance (:func:`panel_temperature`, normal incidence, gray back face) is linear in the
    electrical output, :math:`T^4 = P - K\varepsilon`, so it is evaluated at the reference
    efficiency and at zero output to get :math:`P` [K^4] and :math:`K` [K^4 per unit
    efficiency]. With the linear derating
    :math:`\varepsilon(T) = \eta_{ref} p\,(1 + \beta_T (T - T_{ref}))` it becomes the quartic
    (:func:`largest_quartic_root`)

    .. math:: T^4 - a\,T - c_0 = 0,\quad A = K\eta_{ref} p,\quad a = -A\beta_T \ge 0,
              \quad c_0 = P - A\,(1 - \beta_T T_{ref}).

    Its left side is convex in T. For :math:`c_0 > 0` it has exactly one positive root; for
    :math:`c_0 \le 0` (a strong temperature coefficient with a high efficiency) two or none.
    The larger root is the stable steady state and is the one taken.

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Solar irradiance on the panel.
    efficiency_ref : float or array [-]
        Cell efficiency at ``reference_temperature``.
    temperature_coefficient : float or array [1/K]
        Relative efficiency change per kelvin, <= 0.
    packing_factor : float or array [-]
        Fraction of the panel covered by cells.
    reference_temperature : float [K]
        Temperature at which ``efficiency_ref`` is quoted (301.15 K, 28 C).
    view_factor, view_factor_back : float or array [-]
        Earth view factors of the cell face and of the back face.
    albedo_factor : float or array [-]
        Cosine of the Sun's zenith at the sub-satellite point.
    absorptivity_front, emissivity_front, emissivity_back : float [-]
        Optical properties of the panel (the back face is gray: its solar absorptance is
        ``emissivity_back``).
    earth_ir : float [W/m^2]
        Earth's outgoing long-wave flux.
    albedo : float [-]
        Earth's albedo.
    space_temperature : float [K]
        Deep-space background.

    Returns
    -------
    tuple
        ``(T, eta, ok)``: cell temperature [K], cell efficiency at T [-] and whether the
        balance has a steady state (element-wise; where False, T and eta are meaningless
        and the caller refuses the case).

    References
    ----------
    .. [1] Patel, M. R. (2005), Spacecraft Power Systems, CRC Press, ch. 4.
    .. [2] Landis, G. A. (1994), "Review of solar cell temperature coefficients for space",
       Proc. SPRAT XIII, NASA Lewis Research Center (NTRS 19950014125).
    """
    eff_ref = efficiency_ref * packing_factor
    rest = (  # gray back face (solar absorptance = emittance), normal incidence
        emissivity_back,
        earth_ir,
        albedo,
        view_factor,
        view_factor_back,
        albedo_factor,
        1.0,
        space_temperature,
    )
    if (
        not (eff_ref.__class__ is float and irradiance.__class__ is float and view_factor.__class__ is float)
        and np.ndim(eff_ref) == 0
        and np.ndim(irradiance) == 0
        and np.ndim(view_factor) == 0
    ):
        # one scenario of numpy scalars: both balances in one evaluation (Python floats take
        # the two plain-arithmetic evaluations below)
        t, t_dark = panel_temperature(
            irradiance, np.array([eff_ref, 0.0]), absorptivity_front, emissivity_front, emissivity_back, *rest
        ).tolist()
    else:
        t = panel_temperature(irradiance, eff_ref, absorptivity_front, emissivity_front, emissivity_back, *rest)
        t_dark = panel_temperature(irradiance, 0.0, absorptivity_front, emissivity_front, emissivity_back, *rest)
    p4 = t_dark * t_dark
    p4 = p4 * p4  # T^4 without electrical output
    t2 = t * t
    big_a = p4 - t2 * t2  # K x eff_ref [K^4]
    a = -big_a * temperature_coefficient  # >= 0: temperature_coefficient <= 0
    c0 = p4 - big_a * (1.0 - temperature_coefficient * reference_temperature)
    t, ok = largest_quartic_root(a, c0)
    eta = efficiency_ref * (1.0 + temperature_coefficient * (t - reference_temperature))
    return t, eta, ok


def cycles_and_dod(
    eclipse_days,
    period,
    years,
    depth_of_discharge,
    fixed,
    cycle_life,
    cycle_life_dod,
    cycle_life_exponent,
    cycle_margin,
):
    r"""Battery cycles over the mission and the design depth of discharge (cycle-life rule).

    One cycle per eclipsed orbit: :math:`N = n_{ecl}\,(\mathrm{day}/T_{orb})\,years`. With
    the cycle-life rule the depth is the deepest at which the cycle-life law
    :math:`N(D) = N_{ref} (D / D_{ref})^{-b}` still covers ``cycle_margin`` x N:

    .. math:: D = \min\big(D_{max},\ \max(D_{ref} (N_{ref} / (m N))^{1/b},\ D_{floor})\big)

    with :data:`DOD_FLOOR` as :math:`D_{floor}`; where ``fixed`` it is :math:`D_{max}`.

    Parameters
    ----------
    eclipse_days : float or array [-]
        Days of the year with an eclipse.
    period : float or array [s]
        Orbital period.
    years : float or array [yr]
        Mission life.
    depth_of_discharge : float or array [-]
        Largest design depth of discharge :math:`D_{max}`.
    fixed : bool or bool array
        True where the depth is :math:`D_{max}` as given (``dod_rule = 'fixed'``).
    cycle_life : float or array [-]
        Cycle life :math:`N_{ref}` at ``cycle_life_dod`` :math:`D_{ref}` [-].
    cycle_life_dod : float or array [-]
    cycle_life_exponent : float or array [-]
        Exponent b of the cycle-life law (floored at 1e-3).
    cycle_margin : float or array [-]
        Required cycle life over the mission's cycles, m.

    Returns
    -------
    tuple
        ``(cycles, dod)``: cycles over the mission [-] and design depth of discharge [-].

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.2 (depth of discharge from the
       cycle life the orbit requires).
    .. [2] Xu, B. et al. (2018), "Modeling of lithium-ion battery degradation for cell life
       assessment", IEEE Trans. Smart Grid 9(2) 1131 (power law of depth).
    """
    cycles = eclipse_days * (DAY / period) * years
    if fixed is True:
        return cycles, depth_of_discharge
    b = _k.maximum(cycle_life_exponent, 1e-3)
    need = _k.maximum(cycle_margin * cycles, 1e-300)
    if cycle_life.__class__ is float and need.__class__ is float and b.__class__ is float:
        # one scenario: plain float arithmetic, which cannot warn; only numpy's exp (where
        # math.exp overflows) can, so numpy's error state is entered only for that
        x = _k.log(cycle_life / need) / b
        if x <= 700.0:
            d_cyc = cycle_life_dod * _k.exp(x)
        else:
            with np.errstate(over="ignore"):
                d_cyc = cycle_life_dod * _k.exp(x)
    else:
        with np.errstate(over="ignore"):
            d_cyc = cycle_life_dod * _k.exp(_k.log(cycle_life / need) / b)
    dod = _k.minimum(depth_of_discharge, _k.maximum(d_cyc, DOD_FLOOR))  # clip(d_cyc, DOD_FLOOR, None)
    if fixed is not False:
        dod = np.where(fixed, depth_of_discharge, dod)
    return cycles, _float(dod)


def array_per_watt(
    irradiance,
    efficiency,
    packing_factor,
    pointing_loss,
    degradation,
    eclipse_fraction,
    path_efficiency_daylight,
    path_efficiency_eclipse,
    eclipse_ratio=1.0,
):
    r"""Solar array per watt of load: end-of-life and beginning-of-life power, area, areal power.

    .. math::
       P_{EOL}/P = \frac{1}{X_d} + \frac{r}{X_e}\,\frac{f}{1 - f},\qquad
       P_{EOL}' = S\,\eta\,p\,(1 - \ell)\,L_d,\qquad
       A/P = (P_{EOL}/P) / P_{EOL}',\qquad P_{BOL}/P = (P_{EOL}/P) / L_d

    (SMAD eq. 11-5 with the sunlit and eclipse times as fractions f of the orbit).

    Parameters
    ----------
    irradiance : float or array [W/m^2]
        Sizing irradiance S.
    efficiency : float or array [-]
        Cell efficiency at operating temperature, beginning of life, :math:`\eta`.
    packing_factor : float or array [-]
        Cell-covered fraction of the array, p.
    pointing_loss : float or array [-]
        Fraction of output lost to off-normal sunlight and wiring, :math:`\ell`.
    degradation : float or array [-]
        Output left at end of life, :math:`L_d` (:func:`degradation_factor`).
    eclipse_fraction : float or array [-]
        Eclipsed fraction of the orbit, f, in [0, 1).
    path_efficiency_daylight, path_efficiency_eclipse : float or array [-]
        :math:`X_d` (array -> loads) and :math:`X_e` (array -> battery -> loads).
    eclipse_ratio : float or array [-], default 1
        Eclipse load over sunlit load, r (below 1 when the payload sheds in shadow).

    Returns
    -------
    tuple
        ``(power_eol, power_bol, area, areal_power_eol)`` per watt of load: [W/W], [W/W],
        [m^2/W], [W/m^2] (the fields of :class:`orbitdc.physics.solar.ArraySizing`).

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4.1, eq. 11-5 to 11-8.
    """
    p_eol = 1.0 / path_efficiency_daylight + (eclipse_ratio / path_efficiency_eclipse) * (
        eclipse_fraction / (1.0 - eclipse_fraction)
    )
    per_area = irradiance * efficiency * packing_factor * (1.0 - pointing_loss) * degradation
    return p_eol, p_eol / degradation, p_eol / per_area, per_area


def battery_energy_per_watt(eclipse_duration, depth_of_discharge, discharge_efficiency, eclipse_ratio=1.0):
    r"""Battery nameplate energy per watt of load [J/W]: :math:`E/P = r\,T_e / (D\,n)`.

    ``eclipse_duration`` :math:`T_e` [s], design ``depth_of_discharge`` D [-],
    ``discharge_efficiency`` n (battery to loads) [-], ``eclipse_ratio`` r (eclipse load over
    sunlit load) [-]. SMAD 3rd ed. section 11.4.2 (one battery;
    :func:`orbitdc.physics.battery.battery_energy`).
    """
    return eclipse_ratio * eclipse_duration / (depth_of_discharge * discharge_efficiency)


def mass_per_watt(area_per_watt, areal_density, battery_energy_per_watt, specific_energy):
    r"""Solar-array + battery mass per watt of load [kg/W], average and marginal alike.

    .. math:: \frac{dm}{dP} = \rho_A\,\frac{A}{P} + \frac{E/P}{e_{sp}}

    Parameters
    ----------
    area_per_watt : float or array [m^2/W]
        Array area per watt of load, A/P (:func:`array_per_watt`).
    areal_density : float or array [kg/m^2]
        Array mass per area, :math:`\rho_A`.
    battery_energy_per_watt : float or array [J/W]
        Battery energy per watt of load, E/P (:func:`battery_energy_per_watt`).
    specific_energy : float or array [J/kg]
        Battery energy per battery mass, :math:`e_{sp}`.

    Returns
    -------
    float or array [kg/W]
        The sizing is linear in load, so the marginal and the average values coincide; the
        thermal stage prices the heat pump's electrical power with it.

    References
    ----------
    .. [1] Wertz & Larson (1999), SMAD 3rd ed., section 11.4 (eq. 11-5, battery capacity).
    """
    return _float(area_per_watt * areal_density + battery_energy_per_watt / specific_energy)
