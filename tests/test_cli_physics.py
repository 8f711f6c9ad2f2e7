"""``orbitdc radiation`` and ``orbitdc transient`` (in-process, like tests/test_cli.py)."""

from __future__ import annotations

import contextlib
import io
import types

import numpy as np
import pytest

import orbitdc
from orbitdc.cli import main
from orbitdc.sections.radiation import dose_vs_altitude
from orbitdc.transient import transient


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def test_radiation_table_prints_the_stage_figures():
    r = run("radiation", "dawn-dusk-650", "--altitudes", "550,1200", "--shielding", "2.7,27")
    assert r.returncode == 0, r.stderr
    rows = {line.split()[0]: line.split() for line in r.stdout.splitlines() if line.strip()[:1].isdigit()}
    # the dawn-dusk orbit's inclination at each altitude (the orbit stage's J2 value)
    scn = orbitdc.presets.load("dawn-dusk-650")
    for h in (550, 1200):
        res = orbitdc.evaluate(scn.with_overrides({"orbit.altitude": f"{h} km"}))
        inc = res["orbit.inclination"].to("deg").magnitude
        ref = dose_vs_altitude([h], inc, [2.7, 27.0])[0]
        assert [float(x) for x in rows[str(h)][1:3]] == pytest.approx(ref, rel=5e-3)  # 3 printed digits
        cost = res["cost_per_million_tokens.orbital"].magnitude
        assert float(rows[str(h)][-1]) == pytest.approx(cost, rel=1e-3)
    assert "cheapest altitude of these: 550 km" in r.stdout


def test_radiation_refuses_bad_lists():
    r = run("radiation", "--altitudes", "100,500")
    assert r.returncode == 2 and "--altitudes" in r.stderr and "[200, 2000] km" in r.stderr
    r = run("radiation", "--shielding", "a,b")
    assert r.returncode == 2 and "--shielding" in r.stderr


def test_transient_prints_both_cases_and_writes_traces(tmp_path):
    f = tmp_path / "orbit.csv"
    r = run("transient", "dawn-dusk-650", "--csv", str(f))
    assert r.returncode == 0, r.stderr
    worst = transient("dawn-dusk-650", "worst")
    line = next(x for x in r.stdout.splitlines() if x.strip().startswith("worst"))
    assert f"{worst['soc_min'][0]:.4f}" in line
    data = np.loadtxt(f, delimiter=",", skiprows=1)
    assert data.shape == (257, 4)
    assert data[:, 1].min() == pytest.approx(worst["soc_min"][0], abs=1e-6)
