"""orbitdc.physics.learning: Wright's law, ramps, trends, switches against closed forms.

References for the expected values:
* Wright (1936): unit cost at 2^k times the cumulative volume is (1 - LR)^k times the first.
* The cumulative volume of production growing as exp(k t) is the integral
  V(t) = V0 + P0 (exp(k t) - 1) / k (elementary calculus); with a ceiling M reached at
  t* = ln(M) / k, V grows linearly at M P0 after t*.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc import ScenarioError
from orbitdc.physics import learning as L


@pytest.mark.parametrize("lr", [0.05, 0.1, 0.2, 0.3])
@pytest.mark.parametrize("k", [0, 1, 3, 10])
def test_wright_doublings_closed_form(lr, k):
    # Wright (1936): C(2^k V0) = C0 (1 - LR)^k; tolerance 1e-12 relative (float rounding)
    assert L.wright_factor(2.0**k, lr) == pytest.approx((1.0 - lr) ** k, rel=1e-12)


def test_wright_identity_and_no_learning():
    assert L.wright_factor(1.0, 0.2) == 1.0  # exactly: the base year is the identity
    assert L.wright_factor(37.0, 0.0) == 1.0
    assert L.wright_exponent(0.2) == pytest.approx(math.log2(0.8), rel=1e-15)


def test_wright_refuses_bad_rates():
    with pytest.raises(ScenarioError, match="learning_rate"):
        L.wright_factor(2.0, 1.0)
    with pytest.raises(ScenarioError, match="learning_rate"):
        L.wright_factor(2.0, -0.1)
    with pytest.raises(ScenarioError, match="volume_ratio"):
        L.wright_factor(0.0, 0.2)


def test_cumulative_volume_exponential_integral():
    # V(t)/V0 = 1 + (exp(k t) - 1)/(k tau), k = ln(1 + g): the integral of P0 exp(k t)
    g, tau, t = 0.3, 4.0, np.array([0.0, 1.0, 2.5, 10.0])
    k = math.log1p(g)
    expect = 1.0 + np.expm1(k * t) / (k * tau)
    np.testing.assert_allclose(L.cumulative_volume_ratio(t, g, tau), expect, rtol=1e-13)
    assert L.cumulative_volume_ratio(0.0, g, tau) == 1.0


def test_cumulative_volume_zero_growth_is_linear():
    # constant production: V(t) = V0 + P0 t -> 1 + t / tau
    np.testing.assert_allclose(
        L.cumulative_volume_ratio(np.arange(6.0), 0.0, 2.0), 1.0 + np.arange(6.0) / 2.0, rtol=1e-15
    )


def test_cumulative_volume_with_ceiling_by_hand():
    # g = 50 %/yr, ceiling M = 4: t* = ln 4 / ln 1.5 = 3.419 yr; V(10)/V0 = 1 + ((M-1)/k + M (10 - t*)) / tau
    g, M, tau, t = 0.5, 4.0, 2.0, 10.0
    k = math.log(1.5)
    ts = math.log(M) / k
    expect = 1.0 + ((M - 1.0) / k + M * (t - ts)) / tau
    assert L.cumulative_volume_ratio(t, g, tau, M) == pytest.approx(expect, rel=1e-13)
    # before the ceiling the cap changes nothing
    assert L.cumulative_volume_ratio(2.0, g, tau, M) == pytest.approx(L.cumulative_volume_ratio(2.0, g, tau), rel=1e-15)
    np.testing.assert_allclose(L.production_ratio([0.0, 1.0, 2.0, 5.0], g, M), [1.0, 1.5, 2.25, 4.0], rtol=1e-14)


@settings(max_examples=60, deadline=None)
@given(
    g=st.floats(-0.5, 1.0),
    tau=st.floats(0.2, 50.0),
    t1=st.floats(0.0, 30.0),
    dt=st.floats(0.0, 30.0),
    cap=st.floats(1.0, 1000.0),
)
def test_cumulative_volume_monotone(g, tau, t1, dt, cap):
    # cumulative volume never falls and is >= 1
    a = L.cumulative_volume_ratio(t1, g, tau, cap)
    b = L.cumulative_volume_ratio(t1 + dt, g, tau, cap)
    assert 1.0 <= a <= b * (1 + 1e-12)


def test_trend_and_linear_trend():
    assert L.trend_factor(10.0, 0.25) == pytest.approx(1.25**10, rel=1e-14)
    assert L.trend_factor(0.0, 0.25) == 1.0
    assert L.linear_trend(2.0, 10.0, -0.3, 0.0) == 0.0  # floored at zero
    assert L.linear_trend(2.0, 5.0, 0.1) == pytest.approx(2.5)
    assert L.linear_trend(-1.0, 0.0, 0.5, 0.0) == -1.0  # the floor never moves a base-year value


def test_switch():
    np.testing.assert_array_equal(L.switch(7.0, 3.0, np.array([2029.0, 2030.0, 2031.0]), 2030.0), [7.0, 3.0, 3.0])
    assert L.switch(7.0, 3.0, 2040.0, 2030.0, enabled=False) == 7.0


@pytest.mark.parametrize("g,cap", [(0.0, np.inf), (0.3, np.inf), (0.5, 4.0), (-0.2, np.inf)])
def test_elapsed_inverts_cumulative_volume(g, cap):
    t = np.array([0.0, 0.5, 2.0, 7.0, 20.0])
    r = L.cumulative_volume_ratio(t, g, 3.0, cap)
    np.testing.assert_allclose(L.elapsed_for_volume_ratio(r, g, 3.0, cap), t, rtol=1e-10, atol=1e-12)


def test_elapsed_unreachable_with_declining_production():
    # production falling 50 %/yr with tau = 1 yr: V/V0 < 1 + 1/(tau ln 2) = 2.4427 forever
    assert L.elapsed_for_volume_ratio(3.0, -0.5, 1.0) == math.inf
