"""Ground PV + storage (orbitdc.physics.ground_solar): validation against published solar
resource figures, hand-computed dispatch cases and property tests."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orbitdc.errors import ScenarioError
from orbitdc.physics import ground_solar as gs
from orbitdc.units import Q_

KWH = 3.6e6


@pytest.fixture(scope="module")
def profile():
    return gs.pv_profile("greensboro")


# --------------------------------------------------------------------------- validation
def test_greensboro_latitude_tilt_insolation_matches_nrel_map():
    # NREL "North Carolina Solar Resource, National Solar PV High Resolution" (SUNY
    # satellite model 1998-2005, flat plate at latitude tilt): annual average daily
    # insolation 4.37 kWh/m2/day (lowest, NW) to 5.15 (highest, SE), 4.88 state average.
    # Independent of the TMY3 file and of pvlib; tolerance: inside the state range.
    lat = gs.weather("greensboro")[1]["latitude"]
    poa = gs.plane_of_array_irradiance("greensboro", surface_tilt=Q_(lat, "deg"))
    daily = poa.sum() / 365 / 1000.0  # kWh/m2/day
    assert 4.37 <= daily <= 5.15
    # and within 5 % of the state average (Greensboro is in the central Piedmont)
    assert daily == pytest.approx(4.88, rel=0.05)


def test_greensboro_capacity_factor_in_pvwatts_range(profile):
    # Range: NREL NC latitude-tilt insolation 4.37-5.15 kWh/m2/day (above) at a 20-deg tilt
    # (within ~3 % of latitude tilt annually, Marion & Wilcox 1994 tables) times PVWatts
    # performance ratios 0.75-0.85 (Dobos 2014, PVWatts v5 manual: default losses 14 %,
    # inverter 96 %, temperature losses) gives AC/DC capacity factors 0.13-0.18.
    cf = gs.capacity_factor("greensboro")
    assert 0.13 <= cf <= 0.18
    assert cf == pytest.approx(profile.mean())


def test_sites_rank_by_solar_resource():
    # Miami (25.8 N) > Greensboro (36.1 N) > Sand Point AK (55.3 N, maritime cloud):
    # NREL National Solar Radiation Database annual GHI ~5.3 > ~4.5 > ~2.5 kWh/m2/day.
    cfs = [gs.capacity_factor(s) for s in ("miami", "greensboro", "sand_point")]
    assert cfs[0] > cfs[1] > cfs[2] > 0


def test_profile_shape_bounds_and_clipping(profile):
    assert profile.shape == (8760,)
    assert np.all(profile >= 0)
    # AC output never exceeds the inverter rating 1/DC-AC = 1/1.2 W per W_dc
    assert profile.max() <= 1 / 1.2 + 1e-12
    # nights are dark: at least a third of the hours produce nothing
    assert np.mean(profile == 0) > 0.33
    with pytest.raises(ValueError):
        profile[0] = 1.0  # cached array is read-only


def test_profile_is_cached(profile):
    assert gs.pv_profile("greensboro") is profile


def test_lower_losses_give_more_energy():
    assert gs.capacity_factor("greensboro", system_losses=0.05) > gs.capacity_factor("greensboro")


# --------------------------------------------------------------------------- dispatch
def _square_wave(days=365):
    # 12 h at 2 W/W_dc then 12 h dark, repeated
    return np.tile(np.r_[np.full(12, 2.0), np.zeros(12)], days)


@pytest.mark.parametrize(
    "storage_h,rte,expected",
    [
        # hand calculation: with a = 1 the day half gives 1 W surplus for 12 h.
        (12.0, 1.0, 1.0),  # 12 Wh stored carries the 12 h night
        (6.0, 1.0, 0.75),  # half the night: (12 + 6) / 24
        (0.0, 1.0, 0.5),  # days only
        # rte 0.81 -> 0.9 each way: 12 h x 1 W x 0.9 = 10.8 Wh stored, 9.72 Wh delivered
        (12.0, 0.81, (12 + 9.72) / 24),
        # capacity limits what is stored: 6 Wh delivers 5.4 Wh
        (6.0, 0.81, (12 + 5.4) / 24),
    ],
)
def test_dispatch_square_wave_hand_calculation(storage_h, rte, expected):
    served = gs.storage_dispatch(_square_wave(), 1.0, storage_h * 3600.0, rte)
    assert served == pytest.approx(expected, abs=1e-12)


def test_dispatch_without_storage_is_closed_form(profile):
    # no battery: served(t) = min(a P_t, 1)
    for a in (0.5, 3.0, 10.0):
        assert gs.storage_dispatch(profile, a, 0.0) == pytest.approx(np.minimum(a * profile, 1).mean(), rel=1e-12)


def test_dispatch_vectorised_matches_scalar(profile):
    a = np.array([2.0, 6.0, 12.0])
    s = np.array([0.0, 10 * 3600.0, 48 * 3600.0])
    vec = gs.storage_dispatch(profile[:2000], a, s)
    one = [gs.storage_dispatch(profile[:2000], ai, si) for ai, si in zip(a, s)]
    np.testing.assert_allclose(vec, one, rtol=1e-13)


@settings(max_examples=30, deadline=None)
@given(
    a=st.floats(0.0, 30.0),
    s_h=st.floats(0.0, 200.0),
    da=st.floats(0.0, 5.0),
    ds=st.floats(0.0, 50.0),
    rte=st.floats(0.5, 1.0),
)
def test_dispatch_monotone_and_bounded(a, s_h, da, ds, rte):
    p = gs.pv_profile("greensboro")[: 24 * 31]  # one month keeps the property test fast
    base = gs.storage_dispatch(p, a, s_h * 3600, rte)
    more = gs.storage_dispatch(p, np.array([a + da, a]), np.array([s_h * 3600, (s_h + ds) * 3600]), rte)
    assert 0.0 <= base <= 1.0
    assert np.all(more >= base - 1e-12)
    # served energy never exceeds what the array produces (plus the initial charge),
    # nor the load
    assert base <= 1.0 + 1e-12


# --------------------------------------------------------------------------- sizing
def test_sizing_meets_reliability_and_beats_every_frontier_point(profile):
    ca, cs = 1.0, 300.0 / KWH  # USD/W_dc, USD/J
    res = gs.size_solar_storage(ca, cs, 0.95)
    served = gs.storage_dispatch(profile, res["array_ratio"], res["storage_duration"])
    # interpolation along the array grid is linear between points 7 % apart:
    # the chosen size reaches the target within 0.3 percentage points
    assert served >= 0.95 - 3e-3
    hs, ha = gs.solar_storage_frontier("greensboro", 0.95)
    assert res["capex_per_watt"] <= np.min(ca * ha + cs * hs) + 1e-9
    assert res["capex_per_watt"] == pytest.approx(ca * res["array_ratio"] + cs * res["storage_duration"])


def test_sizing_responds_to_prices():
    cheap_storage = gs.size_solar_storage(1.0, 50.0 / KWH, 0.99)
    dear_storage = gs.size_solar_storage(1.0, 600.0 / KWH, 0.99)
    assert cheap_storage["storage_duration"] > dear_storage["storage_duration"]
    assert cheap_storage["array_ratio"] < dear_storage["array_ratio"]


def test_sizing_vectorised_over_prices_and_reliabilities():
    ca = np.array([0.5, 1.0, 1.5, 1.0])
    cs = np.array([100, 300, 300, 300]) / KWH
    rel = np.array([0.9, 0.9, 0.99, 0.99])
    vec = gs.size_solar_storage(ca, cs, rel)
    for i in range(4):
        one = gs.size_solar_storage(ca[i], cs[i], rel[i])
        assert vec["capex_per_watt"][i] == pytest.approx(float(one["capex_per_watt"]))
    big = gs.size_solar_storage(np.linspace(0.3, 2.0, 100_000), 250.0 / KWH, 0.99)
    assert big["capex_per_watt"].shape == (100_000,)
    assert np.all(np.isfinite(big["capex_per_watt"])) and np.all(big["capex_per_watt"] > 0)


def test_higher_reliability_costs_more():
    c = [float(gs.size_solar_storage(1.0, 300 / KWH, r)["capex_per_watt"]) for r in (0.5, 0.9, 0.99, 0.999)]
    assert c == sorted(c)


def test_units_at_the_surface():
    a = gs.size_solar_storage(Q_(1.0, "USD/W"), "300 USD/kWh", 0.9)
    b = gs.size_solar_storage(1.0, 300 / KWH, 0.9)
    assert float(a["capex_per_watt"]) == pytest.approx(float(b["capex_per_watt"]))


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "call,field",
    [
        (lambda: gs.pv_profile("atlantis"), "site"),
        (lambda: gs.size_solar_storage(1.0, 1e-4, 1.0), "reliability"),
        (lambda: gs.size_solar_storage(1.0, 1e-4, 0.0), "reliability"),
        (lambda: gs.size_solar_storage(-1.0, 1e-4, 0.9), "array_cost"),
        (lambda: gs.size_solar_storage(1.0, np.array([1e-4, -1e-4]), 0.9), "storage_cost"),
        (lambda: gs.storage_dispatch(np.ones(24), -1.0, 0.0), "array_ratio"),
        (lambda: gs.storage_dispatch(np.ones(24), 1.0, 0.0, 1.2), "round_trip_efficiency"),
        (lambda: gs.pv_profile(surface_tilt=math.radians(120)), "surface_tilt"),
        (lambda: gs.pv_profile(dc_ac_ratio=0.5), "dc_ac_ratio"),
    ],
)
def test_bad_input_raises(call, field):
    with pytest.raises(ScenarioError) as e:
        call()
    assert e.value.field == field


def test_unreachable_reliability_is_refused():
    # Sand Point AK with a very lossy store (30 % round trip): 99.9 % of a constant load is
    # beyond 60 W_dc/W and 720 h of storage
    with pytest.raises(ScenarioError) as e:
        gs.solar_storage_frontier("sand_point", 0.999, round_trip_efficiency=0.3)
    assert e.value.field == "reliability"
