"""Physical constants and Earth/Sun parameters used by orbitdc, in SI units.

Every value is a plain ``float`` literal (no astropy import at module level, so that
``import orbitdc`` stays fast).  Where ``astropy.constants`` (astropy 8.0) carries the same
quantity, the literal was copied from it and the comment says so; ``tests`` compare the
copies with astropy.  Each constant names its source and its kind (``standard`` for a
defined or adopted conventional value, ``measurement`` for a measured one).

Two Earth figures are deliberately *not* the IAU nominal ones that astropy ships:
orbit geometry uses the geodetic set (WGS 84 / EGM96 / IERS 2010), because the zonal
harmonic ``J2`` is only meaningful together with the ``GM`` and reference radius it was
fitted with.

References
----------
.. [1] IAU 2015 Resolution B3, "Recommended nominal conversion constants for selected
   solar and planetary properties" (Mamajek et al., 2015, arXiv:1510.07674).
.. [2] IAU 2012 Resolution B2, "Re-definition of the astronomical unit of length".
.. [3] NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed., 2000.
.. [4] Petit, G. and Luzum, B. (eds.), "IERS Conventions (2010)", IERS Technical Note 36,
   Table 1.1.
.. [5] Lemoine, F. G. et al. (1998), "The Development of the Joint NASA GSFC and NIMA
   Geopotential Model EGM96", NASA/TP-1998-206861 (C20 = -4.84165371736e-4, fully
   normalised; the gravity model of WGS 84).
.. [6] Tiesinga, E. et al. (2024), "CODATA recommended values of the fundamental physical
   constants: 2022" (as shipped in astropy 8.0).
.. [7] Kopp, G. and Lean, J. L. (2011), "A new, lower value of total solar irradiance:
   Evidence and climate significance", Geophys. Res. Lett. 38, L01706.
.. [8] Urban, S. E. and Seidelmann, P. K. (eds.) (2013), "Explanatory Supplement to the
   Astronomical Almanac", 3rd ed., University Science Books.
"""

from __future__ import annotations

import math

__all__ = [
    "C",
    "SIGMA_SB",
    "K_B",
    "H_PLANCK",
    "G0",
    "G",
    "GM_EARTH",
    "R_EARTH",
    "J2_EARTH",
    "OMEGA_EARTH",
    "R_EARTH_MEAN",
    "R_EARTH_IAU",
    "GM_EARTH_IAU",
    "M_EARTH",
    "AU",
    "R_SUN",
    "L_SUN",
    "GM_SUN",
    "SOLAR_CONSTANT",
    "T_CMB",
    "HOUR",
    "DAY",
    "JULIAN_YEAR",
    "TROPICAL_YEAR",
    "SIDEREAL_DAY",
    "JD_J2000",
    "MEAN_SUN_RATE",
    "DEG",
]

# --- Fundamental constants (exact SI definitions or CODATA 2022, copied from astropy 8.0) --
C = 299_792_458.0
"""Speed of light in vacuum [m/s]. Exact SI definition; astropy.constants.c. Kind: standard."""

SIGMA_SB = 5.6703744191844314e-08
"""Stefan-Boltzmann constant [W/(m2 K4)]. Exact from the 2019 SI (CODATA 2022 [6]);
astropy.constants.sigma_sb. Kind: standard."""

K_B = 1.380649e-23
"""Boltzmann constant [J/K]. Exact 2019 SI; astropy.constants.k_B. Kind: standard."""

H_PLANCK = 6.62607015e-34
"""Planck constant [J s]. Exact 2019 SI; astropy.constants.h. Kind: standard."""

G0 = 9.80665
"""Standard acceleration of gravity [m/s2] (rocket-equation Isp). 3rd CGPM (1901);
astropy.constants.g0. Kind: standard."""

G = 6.6743e-11
"""Newtonian constant of gravitation [m3/(kg s2)]. CODATA 2022 [6]; astropy.constants.G.
Kind: measurement."""

# --- Earth ------------------------------------------------------------------------------
GM_EARTH = 3.986004418e14
"""Geocentric gravitational constant [m3/s2]. IERS Conventions 2010 Table 1.1 [4] (TT
scale) = WGS 84 [3] = EGM96 [5]. (astropy's GM_earth is the IAU 2015 nominal 3.986004e14,
kept below as GM_EARTH_IAU.) Kind: measurement."""

R_EARTH = 6_378_137.0
"""Earth equatorial radius [m], the reference radius of J2_EARTH. WGS 84 [3] / EGM96 [5].
Kind: standard."""

J2_EARTH = 1.0826266835e-3
"""Earth's second zonal harmonic (unnormalised) [-]: J2 = -sqrt(5) C20 with the EGM96
C20 = -4.84165371736e-4 [5]; the value 0.0010826267 used by Vallado (2013), Fundamentals of
Astrodynamics and Applications, 4th ed.  (EGM2008's C20 gives 1.0826262e-3, a 5e-7
relative difference.)  Kind: measurement."""

OMEGA_EARTH = 7.292115e-5
"""Earth's nominal mean angular velocity [rad/s]. WGS 84 [3]. Kind: standard."""

R_EARTH_MEAN = 6_371_008.8
"""Earth mean radius R1 = (2a+b)/3 [m]. IUGG / Moritz (2000), Geodetic Reference System
1980, J. Geodesy 74, 128. Kind: standard."""

R_EARTH_IAU = 6_378_100.0
"""IAU 2015 nominal equatorial Earth radius [m] [1]; astropy.constants.R_earth.
Kind: standard."""

GM_EARTH_IAU = 3.986004e14
"""IAU 2015 nominal GM of the Earth [m3/s2] [1]; astropy.constants.GM_earth. Kind: standard."""

M_EARTH = 5.972167867791379e24
"""Earth mass [kg] = GM_EARTH_IAU / G; astropy.constants.M_earth (IAU 2015 B3 + CODATA 2022).
Kind: measurement."""

# --- Sun --------------------------------------------------------------------------------
AU = 149_597_870_700.0
"""Astronomical unit [m]. Exact by IAU 2012 Resolution B2 [2]; astropy.constants.au.
Kind: standard."""

R_SUN = 6.957e8
"""Nominal solar radius [m]. IAU 2015 Resolution B3 [1]; astropy.constants.R_sun.
Kind: standard."""

L_SUN = 3.828e26
"""Nominal solar luminosity [W]. IAU 2015 Resolution B3 [1]; astropy.constants.L_sun.
Kind: standard."""

GM_SUN = 1.3271244e20
"""Nominal solar mass parameter [m3/s2]. IAU 2015 Resolution B3 [1];
astropy.constants.GM_sun. Kind: standard."""

SOLAR_CONSTANT = 1361.0
"""Total solar irradiance at 1 au, solar-cycle mean [W/m2]. Measurement by SORCE/TIM,
Kopp & Lean (2011) [7] (1360.8 +/- 0.5 W/m2); adopted as the nominal value
S = 1361 W/m2 by IAU 2015 Resolution B3 [1]. Kind: measurement."""

# --- Cosmology ----------------------------------------------------------------------------
T_CMB = 2.7255
"""Temperature of the cosmic microwave background [K], the sink of a surface that sees only
deep space. COBE/FIRAS and WMAP, Fixsen (2009), ApJ 707, 916 (2.72548 +/- 0.00057 K).
Kind: measurement."""

# --- Energy -------------------------------------------------------------------------------
BTU_PER_KWH = 3_600_000.0 / 1055.056
"""British thermal units in one kilowatt-hour [Btu/kWh] (3412.14): the heat rate of a plant
that turns all its fuel's heat into electricity.  Btu = 1055.056 J (the EC/ISO 31-4 value,
the one pint's ``Btu`` uses, so the bound and a converted input agree; the International
Table Btu, 1055.05585 J, differs by 3e-7).  Kind: standard."""

# --- Time ---------------------------------------------------------------------------------
HOUR = 3_600.0
"""Hour [s]. Kind: standard."""

DAY = 24.0 * HOUR
"""Day [s] (SI day of 86400 s). Kind: standard."""

JULIAN_YEAR = 365.25 * DAY
"""Julian year [s] (IAU). Kind: standard."""

TROPICAL_YEAR = 365.24219 * DAY
"""Mean tropical year [s] (equinox to equinox, epoch J2000), Explanatory Supplement to the
Astronomical Almanac [8]. Kind: measurement."""

SIDEREAL_DAY = 2.0 * math.pi / OMEGA_EARTH
"""Earth's rotation period with respect to the stars [s], from OMEGA_EARTH (86164.1 s).
Kind: standard."""

JD_J2000 = 2_451_545.0
"""Julian date of the J2000.0 epoch (2000-01-01 12:00 TT). Kind: standard."""

MEAN_SUN_RATE = 2.0 * math.pi / TROPICAL_YEAR
"""Mean motion of the mean Sun in right ascension [rad/s] (0.9856474 deg/day, the rate of
the Sun's mean longitude in the Astronomical Almanac's low-precision formula); the nodal
precession rate a sun-synchronous orbit must match. Kind: standard."""

DEG = math.pi / 180.0
"""One degree [rad]."""
