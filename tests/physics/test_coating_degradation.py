"""End-of-life solar absorptance of radiator surfaces (:mod:`orbitdc.physics.coating_degradation`).

Sources and tolerances per test; the HST silver-Teflon end point is the calibration.
"""

from __future__ import annotations

import numpy as np
import pytest

from orbitdc.constants import JULIAN_YEAR
from orbitdc.physics import coating_degradation as cd


def test_hst_silver_teflon_end_point():
    """de Groh et al. (2006), NASA TM (NTRS 20060056192): HST Ag-FEP after 8.25 years, solar-facing
    alpha 0.155 +/- 0.032 from 0.074 pristine.  The rate is calibrated on it, so it returns
    0.155 to 1e-12; the test also pins the rate at 0.0098 per year within 2 %."""
    a = cd.absorptance_eol(cd.AG_FEP_ALPHA_BOL, 8.25 * JULIAN_YEAR, cd.AG_FEP_ALPHA_RATE)
    assert a == pytest.approx(0.155, rel=1e-12)
    assert cd.AG_FEP_ALPHA_RATE * JULIAN_YEAR == pytest.approx(0.0098, rel=0.02)


def test_linear_in_time_and_fluence_and_capped():
    t = np.array([0.0, 5.0, 10.0]) * JULIAN_YEAR
    a = cd.absorptance_eol(0.15, t, cd.AG_FEP_ALPHA_RATE)
    assert a[0] == 0.15 and np.allclose(np.diff(a), np.diff(a)[0])
    base = cd.absorptance_eol(0.15, 5 * JULIAN_YEAR, cd.AG_FEP_ALPHA_RATE)
    more = cd.absorptance_eol(0.15, 5 * JULIAN_YEAR, cd.AG_FEP_ALPHA_RATE, ao_fluence=1e26, ao_coefficient=1e-28)
    assert more - base == pytest.approx(0.01, rel=1e-9)
    # a surface absorbs at most everything
    assert cd.absorptance_eol(0.9, 50 * JULIAN_YEAR, 0.01 / JULIAN_YEAR) == 1.0


def test_broadcasts_over_scenarios():
    alpha = np.array([0.07, 0.15, 0.30])
    life = np.array([[1.0], [10.0]]) * JULIAN_YEAR
    out = cd.absorptance_eol(alpha, life, cd.AG_FEP_ALPHA_RATE)
    assert out.shape == (2, 3)
    assert np.all(out[1] > out[0])
