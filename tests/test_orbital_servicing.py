"""Orbit does not repair unless a servicing option is chosen (issue 13).

Hand calculations on the real pipeline: with ``compute.orbital_servicing = 'serviced'`` a
failed chip's replica waits half a servicing interval (availability 1 / (1 + lambda n_rep
tau / 2)) and the replacements, lambda T n chips, are bought as they fail at the chip price
plus their delivery (mass x servicing cost per kg), a level payment whose present worth is
payment / CRF (Sullivan, Wicks & Koelling, Engineering Economy, ch. 4).
"""

from __future__ import annotations

import pytest

import orbitdc
from orbitdc.scenario import Scenario

YEAR = 365.25 * 86400.0
SVC = {
    "compute.orbital_servicing": "serviced",
    "compute.servicing_interval": "1 yr",
    "compute.servicing_cost_per_kg": "20000 USD/kg",
}


def crf(i, n):
    return i * (1 + i) ** n / ((1 + i) ** n - 1)


def test_unserviced_orbit_does_not_repair():
    r = orbitdc.evaluate(Scenario()).si
    assert r["compute.replacement_chips_orbital"] == 0.0
    assert r["economics.capex_servicing"] == 0.0
    assert r["compute.mean_active_fraction"] < 1.0


def test_serviced_orbit_repairs_and_pays():
    r = orbitdc.evaluate(Scenario(SVC)).si
    # the orbit's permanent failure rate: the base 4 %/yr plus its radiation term (issue 14)
    lam = 0.04 / YEAR + r["radiation.failure_rate"]
    lam_yr = lam * YEAR
    n_rep, chips = r["compute.chips_per_replica"], r["compute.chips"]
    assert r["compute.mean_active_fraction"] == pytest.approx(1 / (1 + lam * n_rep * 0.5 * YEAR), rel=1e-12)
    assert r["compute.replacement_chips_orbital"] == pytest.approx(lam_yr * 5 * chips, rel=1e-12)
    per_chip = r["compute.chip_price"] + 8.0 * 20000.0
    pv = lam_yr * chips * per_chip / crf(0.08, 5)
    assert r["economics.capex_servicing"] == pytest.approx(pv, rel=1e-9)


def test_servicing_is_worth_it_only_when_delivery_is_cheap():
    base = orbitdc.evaluate(Scenario()).si["cost_per_million_tokens.orbital"]
    cheap = orbitdc.evaluate(Scenario({**SVC, "compute.servicing_cost_per_kg": "0 USD/kg"})).si
    dear = orbitdc.evaluate(Scenario({**SVC, "compute.servicing_cost_per_kg": "1e6 USD/kg"})).si
    assert dear["cost_per_million_tokens.orbital"] > base
    assert cheap["economics.capex_servicing"] < dear["economics.capex_servicing"]
