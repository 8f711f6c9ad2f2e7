"""The `orbitdc` command.

Most cases call ``orbitdc.cli.main`` in-process (the same code the console script runs; a
fresh interpreter would pay itur's ~4 s first load per call); two cases run the real
``python -m orbitdc`` in a subprocess to check the entry point, exit codes and stderr.
"""

import contextlib
import io
import json
import subprocess
import sys
import types

import pytest

from orbitdc import presets
from orbitdc.cli import main


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def run_process(*args):
    return subprocess.run([sys.executable, "-m", "orbitdc", *args], capture_output=True, text=True, timeout=120)


def test_entry_point_runs_and_fails_cleanly():
    ok = run_process("evaluate", "--json", "--no-scenario")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["results"]["cost_per_million_tokens"]["orbital"]["unit"] == "USD"
    bad = run_process("evaluate", "--set", 'orbit.altitude="150 km"')
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines() == [bad.stderr.strip()]
    assert "orbit.altitude" in bad.stderr and "[200, 2000] km" in bad.stderr


def test_evaluate_json_reports_the_three_costs_with_units():
    r = run("evaluate", "dawn-dusk-650", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    costs = data["results"]["cost_per_million_tokens"]
    for arch in ("orbital", "terrestrial", "fleet"):
        assert costs[arch]["unit"] == "USD"
        assert costs[arch]["value"] > 0
    assert data["results"]["orbit"]["period"]["unit"] == "min"
    assert data["scenario"]["orbit"]["altitude"] == 650.0


def test_set_override_changes_the_result():
    base = json.loads(run("evaluate", "--json", "--no-scenario").stdout)
    low = json.loads(run("evaluate", "--json", "--no-scenario", "--set", 'orbit.altitude="550 km"').stdout)
    # Kepler's third law: a lower orbit has a shorter period
    assert low["results"]["orbit"]["period"]["value"] < base["results"]["orbit"]["period"]["value"]


def test_table_output_is_readable():
    r = run("evaluate", "starlink-550")
    assert r.returncode == 0, r.stderr
    assert "[orbit]" in r.stdout and "orbit.eclipse_fraction_mean" in r.stdout


@pytest.mark.parametrize(
    "args,needle",
    [
        (["evaluate", "--set", 'orbit.altitude="150 km"'], "orbit.altitude"),
        (["evaluate", "--set", 'orbit.altitude="550 kg"'], "dimension"),
        (["evaluate", "--set", "orbit.altitud=600"], "did you mean 'orbit.altitude'"),
        (["evaluate", "--set", "power.cell_efficiency=1.5"], "(0, 0.65]"),
        (["evaluate", "--set", "orbit.altitude"], "KEY=VALUE"),
        (["evaluate", "no-such-preset"], "unknown preset"),
        (["evaluate", "missing-file.toml"], "file not found"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(args, needle):
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("orbitdc: error:")
    assert needle in lines[0]


def test_scenario_toml_round_trips_through_a_file(tmp_path):
    r = run("scenario", "seed-claims")
    assert r.returncode == 0
    f = tmp_path / "s.toml"
    f.write_text(r.stdout)
    a = json.loads(run("evaluate", str(f), "--json", "--no-scenario").stdout)
    b = json.loads(run("evaluate", "seed-claims", "--json", "--no-scenario").stdout)
    assert a == b


def test_presets_command_lists_every_preset():
    out = run("presets").stdout
    for name in presets.names():
        assert name in out


def test_claims_command_lists_verdicts():
    r = run("claims", "seed-claims", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    keys = {c["key"] for c in data}
    assert len(data) >= 5
    assert all(c["verdict"] for c in data)
    text = run("claims").stdout
    assert "verdict" in text and "hinges on" in text
    assert {"cooling_free", "solar_free", "launch_200k", "fleet_100gw", "tw_per_year", "v3_tbps"} <= keys


def test_compare_puts_presets_side_by_side():
    r = run(
        "compare",
        "dawn-dusk-650",
        "seed-claims",
        "--markdown",
        "--keys",
        "cost_per_million_tokens.orbital,launch.launches,launch.binding",
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("| output | unit | dawn-dusk-650 | seed-claims |")
    launches = [ln for ln in lines if "`launch.launches`" in ln][0].split("|")
    # the $200k Starship carries more satellites per launch than a Falcon 9: fewer launches
    assert float(launches[4]) < float(launches[3])
    assert "limited" in [ln for ln in lines if "`launch.binding`" in ln][0]
    bad = run("compare", "--keys", "cost_per_million_tokens.orbitl")
    assert bad.returncode == 2 and "did you mean 'cost_per_million_tokens.orbital'" in bad.stderr
