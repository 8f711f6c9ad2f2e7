"""The ``links`` pipeline module, exercised through ``orbitdc.evaluate``.

The physics functions are validated in tests/physics/test_links.py; here the checks are
that the stage wires fields and outputs correctly, against hand calculations written out
from the scenario's own inputs (closed forms, not copies of the stage's output):

* slant range from the orbit altitude and the design elevation (law of cosines);
* capacity = carriers x carrier capacity x duty cycle (capped) + terminals x ISL rate x
  relay share;
* link-limited requests = min(down capacity / answer bits, up capacity / prompt bits), with
  the workload's tokens per request and bytes per token (keys ``workload.prompt_tokens``,
  ``workload.output_tokens``, ``workload.bytes_per_token_in``,
  ``workload.bytes_per_token_out``) and the protocol overhead;
* round-trip latency 2 (d + hops x ISL range) / c + 2 (hops + 1) t_proc against fibre
  2 n k D / c;
* the power stage's load includes ``links.power``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import orbitdc
from orbitdc import ScenarioError, presets
from orbitdc import sections as secmod
from orbitdc.model import evaluate_si
from orbitdc.physics import dvbs2x
from orbitdc.scenario import Scenario
from orbitdc.sections import links as links_section

C = 299_792_458.0
RE = 6_378_137.0
CONTRACT = ("links.power", "links.mass", "links.capacity", "links.token_rate_limit", "links.latency", "links.margin")


@pytest.fixture(scope="module")
def default():
    return orbitdc.evaluate()


def ev(**overrides):
    return orbitdc.evaluate(Scenario().with_overrides({k.replace("__", "."): v for k, v in overrides.items()}))


def si(r, key):
    return float(np.asarray(r.si[key]))


def test_module_in_pipeline_after_thermal_before_power():
    names = [m.__name__.rsplit(".", 1)[-1] for m in secmod.MODULES]
    assert names.index("thermal") < names.index("links") < names.index("power")
    assert names.index("compute") < names.index("links")


def test_contract_outputs_present_finite_and_with_units(default):
    for k in CONTRACT:
        assert np.isfinite(si(default, k)), k
    assert default["links.capacity"].units == orbitdc.Q_(1, "Gbit/s").units
    assert default["links.latency"].to("s").magnitude == pytest.approx(si(default, "links.latency"))
    assert si(default, "links.power") > 0 and si(default, "links.mass") > 0


def test_slant_range_and_margin_consistent(default):
    s = default.scenario
    h = si(default, "orbit.altitude")
    el = math.radians(s.raw("links.elevation"))
    d = math.sqrt((RE + h) ** 2 - (RE * math.cos(el)) ** 2) - RE * math.sin(el)
    assert si(default, "links.slant_range") == pytest.approx(d, rel=1e-9)
    # margin = Es/N0 - required Es/N0 of the chosen MODCOD - implementation loss
    i = int(si(default, "links.downlink_modcod"))
    assert i >= 0
    req = dvbs2x.REQUIRED_ES_N0_DB[i]
    assert si(default, "links.margin") == pytest.approx(
        si(default, "links.downlink_es_n0") - req - s.raw("links.implementation_loss_db"), abs=1e-9
    )
    assert si(default, "links.margin") >= s.raw("links.required_margin_db")
    assert default.label("links.downlink_modcod") == dvbs2x.NAMES[i]


def test_capacity_roll_up(default):
    s = default.scenario
    rf = s.raw("links.carriers") * si(default, "links.downlink_carrier_capacity") * s.raw("links.duty_cycle")
    rf = min(rf, s.raw("links.capacity_cap") * 1e9)
    isl = s.raw("links.isl_terminals") * si(default, "links.isl_rate") * s.raw("links.isl_relay_fraction")
    assert si(default, "links.capacity") == pytest.approx(rf + isl, rel=1e-12)
    assert si(default, "links.downlink_carrier_capacity") <= si(default, "links.downlink_shannon_capacity")


def test_token_rate_limit_hand_calculation(default):
    s = default.scenario
    n_in, n_out = s.raw("workload.prompt_tokens"), s.raw("workload.output_tokens")
    b_in, b_out = s.raw("workload.bytes_per_token_in"), s.raw("workload.bytes_per_token_out")  # bytes
    k = s.raw("links.protocol_overhead")
    req = min(
        si(default, "links.capacity") / (8 * b_out * k * n_out),
        si(default, "links.uplink_capacity") / (8 * b_in * k * n_in),
    )
    assert si(default, "links.request_rate_limit") == pytest.approx(req, rel=1e-12)
    assert si(default, "links.token_rate_limit") == pytest.approx(req * n_out, rel=1e-12)
    # text tokens are tiny: with the defaults the links do not bind
    assert si(default, "links.binding") == 0.0
    assert si(default, "links.headroom") == pytest.approx(
        si(default, "links.token_rate_limit") / si(default, "compute.tokens_per_second"), rel=1e-12
    )


@pytest.mark.parametrize("rates", [(2.0e4, 1.0e5, 3.0e3), (2.0e4, 0.0, 3.0e3)])
def test_headroom_on_rows(rates):
    # rows of compute rates straight into the stage: headroom = token-rate limit / compute rate,
    # 1 on a row that serves no tokens (the division is then not formed)
    p = Scenario().to_si()
    out = dict(orbitdc.evaluate().si)
    c = np.array(rates)
    out["compute.tokens_per_second"] = c
    links_section.stage(p, out)
    limit = out["links.token_rate_limit"]
    want = [limit / x if x > 0 else 1.0 for x in rates]
    assert np.asarray(out["links.headroom"]).tolist() == pytest.approx(want, rel=1e-15)


def test_links_bind_for_heavy_tokens_and_flag_flips():
    # 1 MB per output token (e.g. images) and no laser relay: the RF downlink binds
    r = ev(workload__bytes_per_token_out="1000000 B", links__isl_terminals=0)
    assert si(r, "links.token_rate_limit") < si(r, "compute.tokens_per_second")
    assert si(r, "links.binding") == 1.0 and r.label("links.binding") == "links bind"
    assert si(r, "links.headroom") < 1.0


def test_latency_hand_calculation(default):
    s = default.scenario
    hops, rng = s.raw("links.isl_hops"), s.raw("links.isl_range") * 1e3
    tp = s.raw("links.processing_per_hop") * 1e-3
    d = si(default, "links.slant_range")
    assert si(default, "links.latency") == pytest.approx(2 * (d + hops * rng) / C + 2 * (hops + 1) * tp, rel=1e-12)
    n, k = s.raw("links.fibre_group_index"), s.raw("links.fibre_route_factor")
    assert si(default, "links.fibre_latency") == pytest.approx(
        2 * n * k * si(default, "links.ground_distance") / C, rel=1e-12
    )
    assert si(default, "links.latency_vs_fibre") == pytest.approx(
        si(default, "links.latency") - si(default, "links.fibre_latency"), abs=1e-15
    )


def test_power_stage_carries_links_power(default):
    r = ev(links__carriers=8)
    d_links = si(r, "links.power") - si(default, "links.power")
    s = default.scenario
    assert d_links == pytest.approx(
        4
        * (
            s.raw("links.tx_power_per_carrier") / s.raw("links.amplifier_efficiency")
            + s.raw("links.electronics_power_per_carrier")
        )
    )
    assert si(r, "power.load") - si(default, "power.load") == pytest.approx(d_links, rel=1e-9)
    assert si(r, "links.mass") - si(default, "links.mass") == pytest.approx(4 * s.raw("links.rf_mass_per_carrier"))


def test_band_fills_and_higher_bands_fade_more(default):
    ku = ev(links__band="Ku")
    assert ku.scenario.raw("links.downlink_frequency") == 11.7
    assert ku.scenario.raw("links.uplink_frequency") == 14.25
    qv = ev(links__band="Q/V")
    assert (
        si(ku, "links.downlink_atmospheric_loss")
        < si(default, "links.downlink_atmospheric_loss")
        < si(qv, "links.downlink_atmospheric_loss")
    )
    # an explicit value wins over the band's fill
    assert ev(links__band="Ku", links__channel_bandwidth="100 MHz").scenario.raw("links.channel_bandwidth") == 100.0


def test_e_band_requires_extrapolation_flag():
    r = ev(links__band="E")  # the E fill switches the extrapolation on
    assert r.scenario.raw("links.atmosphere_extrapolation") is True
    assert np.isfinite(si(r, "links.margin"))
    with pytest.raises(ScenarioError) as e:
        ev(links__band="E", links__atmosphere_extrapolation=False)
    assert e.value.field == "links.downlink_frequency"


def test_availability_and_site_change_the_fade():
    dry = ev(links__ground_site="madrid")
    wet = ev(links__ground_site="singapore")
    assert si(wet, "links.downlink_atmospheric_loss") > si(dry, "links.downlink_atmospheric_loss")
    lo = ev(links__availability="99 percent")
    hi = ev(links__availability="99.99 percent")
    assert si(hi, "links.downlink_atmospheric_loss") > si(lo, "links.downlink_atmospheric_loss")
    assert si(hi, "links.margin") < si(lo, "links.margin") or si(hi, "links.downlink_carrier_capacity") < si(
        lo, "links.downlink_carrier_capacity"
    )


@pytest.mark.parametrize(
    "key, value",
    [
        ("links.elevation", "3 deg"),
        ("links.elevation", "95 deg"),
        ("links.availability", "99.9999 percent"),
        ("links.availability", "90 percent"),
        ("links.downlink_frequency", "120 GHz"),
        ("links.ground_antenna_diameter", "0 m"),
        ("links.tx_power_per_carrier", "-1 W"),
        ("links.band", "X"),
    ],
)
def test_bad_input_is_refused(key, value):
    with pytest.raises(ScenarioError) as e:
        Scenario().with_overrides({key: value})
    assert e.value.field == key


def test_vectorised_matches_scalar_evaluations():
    p = Scenario().to_si()
    els = np.radians([25.0, 40.0, 60.0])
    pw = np.array([5.0, 20.0, 40.0])
    p["links.elevation"] = els
    p["links.tx_power_per_carrier"] = pw
    o = evaluate_si(p)
    assert np.shape(o["links.margin"]) == (3,)
    for i in (0, 2):
        r = ev(links__elevation=f"{math.degrees(els[i])} deg", links__tx_power_per_carrier=f"{pw[i]} W")
        for k in CONTRACT + ("links.downlink_atmospheric_loss",):
            assert np.broadcast_to(o[k], (3,))[i] == pytest.approx(si(r, k), rel=1e-9), k


def test_starlink_v3_preset_reaches_projected_terabit():
    scn = presets.load("starlink-v3-links")
    assert scn.raw("orbit.altitude") == 550
    assert "projection" in links_section.SECTIONS[0]["capacity_cap"].kind
    r = orbitdc.evaluate(scn)
    # the budget alone would exceed 1 Tbit/s; the projected cap binds
    assert scn.raw("links.carriers") * si(r, "links.downlink_carrier_capacity") > 1e12
    assert si(r, "links.rf_downlink_capacity") == pytest.approx(1e12, rel=1e-12)
    assert si(r, "links.margin") > 0
    assert 0.005 < si(r, "links.latency") < 0.05  # a few to tens of ms, as for Starlink users


def test_every_field_has_provenance():
    for f in links_section.SECTIONS[0].fields:
        assert f.doc and f.source and f.kind, f.name
