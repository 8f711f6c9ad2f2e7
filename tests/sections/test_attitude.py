"""Attitude consistency (issue 14): the radiator the thermal model flies edge-on to the Earth and
the Sun is the radiator the drag model sees."""

from __future__ import annotations

import math

import numpy as np
import pytest

import orbitdc
from orbitdc.sections.launch import edge_on_radiator_drag_factor


@pytest.mark.parametrize("beta_deg", [0.0, 5.0, 30.0, 53.0, 75.0, 89.0, 90.0])
def test_closed_form_equals_the_projected_area_over_an_orbit(beta_deg):
    """Independent check: build r, v and the Sun vector over 100,000 arguments of latitude,
    the panel normal r x s (edge-on to nadir and to the Sun), and average |n . v|; the
    elliptic-integral closed form agrees to 1e-6 (quadrature error)."""
    b = math.radians(beta_deg)
    u = (np.arange(100_000) + 0.5) * 2 * math.pi / 100_000
    r = np.stack([np.cos(u), np.sin(u), 0 * u], axis=1)
    v = np.stack([-np.sin(u), np.cos(u), 0 * u], axis=1)
    s = np.array([math.cos(b), 0.0, math.sin(b)])
    n = np.cross(r, s)
    norm = np.linalg.norm(n, axis=1)
    proj = np.where(norm > 0, np.abs(np.sum(n * v, axis=1)) / np.where(norm > 0, norm, 1), 0.0)
    assert edge_on_radiator_drag_factor(b) == pytest.approx(proj.mean(), abs=1e-6)


def test_dawn_dusk_radiator_faces_the_flow():
    scn = orbitdc.presets.load("dawn-dusk-650")
    thermal = orbitdc.evaluate(scn).si
    fixed = orbitdc.evaluate(scn.with_overrides({"launch.radiator_attitude": "fixed"})).si
    b0, b1 = thermal["orbit.beta_abs_min"], thermal["orbit.beta_abs_max"]
    betas = b0 + (b1 - b0) * (np.arange(16) + 0.5) / 16
    f = float(np.mean(edge_on_radiator_drag_factor(betas)))
    assert f > 0.9  # beta 59-90 deg: nearly face-on to the velocity
    extra = (f - 0.5) * thermal["thermal.radiator_area"]
    assert thermal["launch.drag_area"] - fixed["launch.drag_area"] == pytest.approx(extra, rel=1e-6)


def test_other_thermal_attitudes_fall_back_to_the_factor():
    scn = orbitdc.presets.load("dawn-dusk-650")
    a = orbitdc.evaluate(scn.with_overrides({"thermal.tilt": "60 deg"})).si
    b = orbitdc.evaluate(scn.with_overrides({"thermal.tilt": "60 deg", "launch.radiator_attitude": "fixed"})).si
    assert a["launch.drag_area"] == b["launch.drag_area"]
