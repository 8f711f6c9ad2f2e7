r"""Optical degradation of a radiator's surface over life: solar absorptance at end of life.

A radiator's solar absorptance :math:`\alpha` rises in orbit: ultraviolet darkens polymers and
paint binders, outgassed contaminants photo-polymerise on sunlit surfaces, and atomic oxygen
roughens (textures) the polymer it erodes on surfaces facing the flow.  The thermal design is
sized at end of life:

.. math:: \alpha_{EOL} = \min\left(\alpha_{BOL} + r\,T + k_{AO}\,F_{ram},\ \alpha_{max}\right)

with :math:`r` the in-orbit rate (UV, contamination, thermal cycling; measured on returned
hardware, so it includes the atomic oxygen that hardware met), :math:`T` the life,
:math:`F_{ram}` the ram atomic-oxygen fluence (:func:`orbitdc.physics.atomic_oxygen.ram_fluence`)
on a radiator the attitude flies into the flow, and :math:`k_{AO}` the absorptance added per
unit fluence beyond what :math:`r` already holds.  Linear in time: the returned-hardware data
are end points, not curves, so a straight line through them is what they support.

Pure functions of SI floats or numpy arrays.

References
----------
.. [1] de Groh, K. K. et al. (2006), "Solar effects on tensile and optical properties of Hubble
   Space Telescope silver-Teflon insulation", NASA Technical Memorandum (NTRS 20060056192):
   Ag-FEP on the HST solar-array drive arm after 8.25 years in LEO, solar absorptance
   0.155 +/- 0.032 on the solar-facing surface against 0.074 pristine; the anti-solar,
   contaminated surface 0.208 +/- 0.012.
.. [2] Gilmore, D. G. (ed.) (2002), "Spacecraft Thermal Control Handbook, Vol. I", Aerospace
   Press, ch. 4 (degradation of solar reflectors; white paints 0.15-0.20 at beginning of life
   darken to 0.25-0.35 over years of UV in LEO) and appendix A.
.. [3] de Groh, K. K., Banks, B. A. et al. (2008), "MISSE 2 PEACE polymers atomic oxygen
   erosion experiment on the International Space Station", J. Spacecraft Rockets 45(3),
   513-521 (FEP erosion yield 2.00e-25 cm3/atom: the recession whose texture raises alpha).
"""

from __future__ import annotations

from orbitdc.constants import JULIAN_YEAR
from orbitdc.kernels.compute import asfloat, minimum

__all__ = ["AG_FEP_ALPHA_BOL", "AG_FEP_ALPHA_RATE", "absorptance_eol"]

AG_FEP_ALPHA_BOL = 0.074
"""Solar absorptance of pristine silver-backed FEP Teflon (HST flight-spare control) [1]_."""

AG_FEP_ALPHA_RATE = (0.155 - 0.074) / (8.25 * JULIAN_YEAR)
"""Rise of the solar absorptance of sunlit Ag-FEP in LEO [1/s]: 0.081 over HST's 8.25 years
(0.0098 per year; the measurement's +/- 0.032 gives 0.006-0.014 per year) [1]_."""


def absorptance_eol(alpha_bol, life, rate, ao_fluence=0.0, ao_coefficient=0.0, alpha_max=1.0):
    r"""Solar absorptance of a radiator surface at end of life [-].

    .. math:: \alpha_{EOL} = \min\left(\alpha_{BOL} + r\,T + k_{AO}\,F,\ \alpha_{max}\right)

    Parameters
    ----------
    alpha_bol : float or array [-]
        Beginning-of-life solar absorptance.
    life : float or array [s]
        Time in orbit.
    rate : float or array [1/s]
        In-orbit rise of the absorptance (:data:`AG_FEP_ALPHA_RATE` for silvered Teflon).
    ao_fluence : float or array [atoms/m2], default 0
        Ram atomic-oxygen fluence over the life on the radiator (0 where the attitude keeps
        the radiator out of the flow).
    ao_coefficient : float or array [m2/atom], default 0
        Absorptance added per unit fluence beyond what ``rate`` holds.  No source separates
        it from the UV term (returned hardware saw both); 0 unless a test article's data
        give it.
    alpha_max : float or array [-], default 1
        Ceiling (a surface absorbs at most all incident sunlight).

    Returns
    -------
    float or array [-]
        :math:`\alpha_{EOL}`, never below ``alpha_bol`` for non-negative inputs.
    """
    a = asfloat(alpha_bol) + asfloat(rate) * asfloat(life) + asfloat(ao_coefficient) * asfloat(ao_fluence)
    return minimum(a, alpha_max)
