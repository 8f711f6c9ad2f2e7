"""Suite-wide test configuration.

``make test`` runs everything. ``make test-fast`` deselects the ``slow`` tests marked
here: the notebooks (a Jupyter kernel each), the real-browser tests (chromium), the
Streamlit AppTest sweep, the two-worker Dask cluster, the year of SGP4 and the cold-start
subprocess measurements. They are marked by location so that a new test in one of these
files is slow by default.
"""

from __future__ import annotations

import numpy as np
import pytest

from orbitdc.sections import MODULES as _REAL_MODULES  # the real pipeline, before any test patches it

# whole files whose every test starts a kernel, a browser, a server or a subprocess sweep
_SLOW_FILES = {
    "test_notebooks.py",
    "test_app_browser.py",
    "test_app.py",
    "test_orbit_sgp4.py",
    "test_cold_start.py",
}
# single tests that start a Dask cluster or run a long study
_SLOW_TESTS = {
    "test_dask_local_cluster_identical",
    "test_itur_first_load_eight_threads",
    # whole optimiser runs and a days-long orbit sampled for the radiation table (4-10 s each)
    "test_best_vs_best_claims",
    "test_table_equals_an_orbit_flown_for_days",
    "test_default_search_converges_before_its_budget_and_beats_random_search",
    "test_best_orbit_against_best_ground",
    "test_cli_optimize_by_year",
}


def pytest_collection_modifyitems(config, items):
    slow = pytest.mark.slow
    for item in items:
        if item.path.name in _SLOW_FILES or item.originalname in _SLOW_TESTS:
            item.add_marker(slow)


# --------------------------------------------------------------------------- stage stubs
# A section test runs one real stage on hand-chosen upstream outputs.  The stage contract
# (tests/test_contract.py) has every stage read each upstream output with ``out[key]``, so a
# stub must write every output of an earlier stage that the stage declares in ``READS``, and
# the scenario must carry every field: the stub declares the real sections of the whole
# pipeline (defaults optionally changed), so ``p`` is the full SI dict a real run sees.


def upstream_reads(module) -> list[str]:
    """The outputs of the stages before ``module`` that its stage declares in ``READS``."""
    earlier: set = set()
    for m in _REAL_MODULES:
        if m is module:
            return [k for k in module.READS if k in earlier]
        earlier |= {o.key for o in m.OUTPUTS}
    raise ValueError(f"{module.__name__} is not a pipeline module")


def _sections_with_defaults(defaults):
    """Every real scenario section, with the fields of the dotted keys in ``defaults`` changed:
    a value is the new default, a dict the Field attributes to change (``{"spread": (0, 1)}``)."""
    import dataclasses

    todo = dict(defaults or {})
    secs = []
    for m in _REAL_MODULES:
        for s in m.SECTIONS:
            mine = {k.partition(".")[2]: v for k, v in todo.items() if k.partition(".")[0] == s.name}
            attrs = {k: v if isinstance(v, dict) else {"default": v} for k, v in mine.items()}
            fills = {k: a["default"] for k, a in attrs.items() if "default" in a}
            fields = []
            for f in s.fields:
                if f.name in attrs:
                    f = dataclasses.replace(f, **attrs[f.name])
                if f.is_choice and f.fills and f.default in f.fills:
                    # a default choice fills its fields: the changed defaults win there too
                    fill = {k: fills.get(k, v) for k, v in f.fills[f.default].items()}
                    f = dataclasses.replace(f, fills={**f.fills, f.default: fill})
                fields.append(f)
            secs.append(dataclasses.replace(s, fields=tuple(fields)))
            for name in mine:
                assert name in s, f"no such field: {s.name}.{name}"
                todo.pop(f"{s.name}.{name}")
    assert not todo, f"no such fields: {sorted(todo)}"
    return tuple(secs)


def stub_pipeline(module, values, derive=None, defaults=None) -> tuple:
    """Pipeline modules running the real stage of ``module`` after a stub of the stages before it.

    Parameters
    ----------
    module : module
        A pipeline module of :data:`orbitdc.sections.MODULES`.
    values : mapping
        Upstream outputs the stub writes (SI).  Together with ``derive`` it must cover
        :func:`upstream_reads` of ``module``; a missing key fails the test by name.
    derive : callable, optional
        ``derive(p, out) -> mapping`` of further stub outputs computed from the scenario
        and ``values`` (e.g. a launch cost that follows the price field); a key also in
        ``values`` keeps its value there.
    defaults : mapping, optional
        ``{"section.field": default}`` (field units) changed in the stub scenario; a dict
        value changes those Field attributes instead (``{"default": 2000.0, "spread": ...}``).

    Returns
    -------
    tuple
        ``(stub, stage)`` to install as ``orbitdc.sections.MODULES``: the stub declares every
        real section (so the scenario is complete); ``stage`` runs ``module.stage`` and
        declares its outputs.
    """
    import types

    need = upstream_reads(module)

    def stage(p, out):
        out.update(values)
        if derive is not None:
            out.update({k: v for k, v in derive(p, out).items() if k not in values})
        missing = [k for k in need if k not in out]
        assert not missing, f"the stub for {module.__name__} lacks upstream outputs it reads: {missing}"

    stub = types.SimpleNamespace(SECTIONS=_sections_with_defaults(defaults), OUTPUTS=(), READS=(), stage=stage)
    real = types.SimpleNamespace(
        __name__=module.__name__, SECTIONS=(), OUTPUTS=module.OUTPUTS, READS=module.READS, stage=module.stage
    )
    return stub, real


def install_stub(monkeypatch, module, values, derive=None, defaults=None) -> None:
    """Install :func:`stub_pipeline` as ``orbitdc.sections.MODULES`` for one test."""
    from orbitdc import sections as secmod

    monkeypatch.setattr(secmod, "MODULES", stub_pipeline(module, values, derive, defaults))


def upstream(p, before: str) -> dict:
    """The outputs of the real stages before the stage named ``before``, run on the SI dict ``p``."""
    out: dict = {}
    for m in _REAL_MODULES:
        if m.__name__.rsplit(".", 1)[-1] == before:
            return out
        m.stage(p, out)
    raise ValueError(f"no stage named {before!r}")


# Upstream outputs of the economics stage for the hand calculations: a satellite whose
# outputs are the keys below plus neutral values for the rest (no replacements, no satellite
# or chip life shorter than the mission, no links cap unless given, no prefill share, the
# ground running the same chips at the same rate and cost, the dry mass the satellite mass).
_LONG = 1.0e30  # [s] a life longer than any mission (finite: outputs are checked for finiteness)
ECONOMICS_NEUTRAL = {
    "compute.chip_price": 0.0,
    "compute.prefill_time_share": 0.0,
    "compute.replacement_chips_ground": 0.0,
    "compute.replacement_chips_orbital": 0.0,
    "compute.service_life_orbital": _LONG,
    "launch.satellite_life": _LONG,
    "launch.replacement_satellites": 0.0,
    "launch.binding": 0.0,
    "launch.launches": 1.0,
    "links.token_rate_limit": 1.0e30,
    "power.battery_cycle_life_margin": 1.0,
    "thermal.heat_pump_power": 0.0,
}


def economics_inputs(values) -> dict:
    """Every upstream output the economics stage reads: ``values`` over :data:`ECONOMICS_NEUTRAL`,
    with the ground rate and hardware cost, the dry mass and the load following the given
    orbital rate and cost, satellite mass and IT power unless given."""
    up = {**ECONOMICS_NEUTRAL, **values}
    up.setdefault("compute.tokens_per_second_ground", up["compute.tokens_per_second"])
    up.setdefault("compute.hardware_cost_ground", up["compute.hardware_cost"])
    up.setdefault("launch.dry_mass", up["launch.satellite_mass"])
    up.setdefault("power.load", up["compute.it_power"])
    return up


# the economics hand calculations price no inter-satellite terminals and no link framing
ECONOMICS_DEFAULTS = {"links.isl_terminals": 0, "links.protocol_overhead": 1.0}

# The hand-chosen satellite of the economics, break-even and claims stubs (SI upstream
# outputs): 100 kW of IT making 1e5 tokens/s on 70 chips worth 3 MUSD, a 4 t satellite,
# 1000 of them.
ECONOMICS_SATELLITE = {
    "compute.tokens_per_second": 1.0e5,
    "compute.hardware_cost": 3.0e6,
    "compute.it_power": 1.0e5,
    "compute.chips": 70.0,
    "compute.hardware_mass": 1000.0,
    "power.array_power_bol": 1.5e5,
    "power.battery_energy": 0.0,
    "power.array_mass": 700.0,
    "power.battery_mass": 0.0,
    "power.load": 1.1e5,
    "thermal.radiator_area": 200.0,
    "thermal.radiator_mass": 800.0,
    "links.mass": 100.0,
    "links.token_rate_limit": 1e9,
    "launch.satellite_mass": 4000.0,
    "launch.satellites": 1000.0,
}

# A lean satellite: only chips and launch cost money (so orbit wins at a free launch).
LEAN_FINANCE = {
    "finance.bus_cost_per_kg": 0.0,
    "finance.array_cost_per_watt": 0.0,
    "finance.radiator_cost_per_m2": 0.0,
    "finance.link_terminals": 0,
    "finance.nre": 0.0,
    "finance.insurance_rate": 0.0,
    "finance.operations_cost": 0.0,
}


def toy_pipeline(*modules) -> tuple:
    """Synthetic pipeline modules behind the year axis: ``evaluate_si`` moves every input to
    ``years.year`` first (:func:`orbitdc.sections.years.at_year`), so a toy scenario carries the
    real ``years`` section (without spreads, so studies that sample fields ignore it)."""
    import dataclasses
    import types

    from orbitdc.sections import years

    secs = tuple(
        dataclasses.replace(s, fields=tuple(dataclasses.replace(f, spread=None) for f in s.fields))
        for s in years.SECTIONS
    )
    axis = types.SimpleNamespace(SECTIONS=secs, OUTPUTS=(), READS=(), stage=lambda p, out: None)
    return (axis, *modules)


def stage_scalar_and_one_row(stage_name):
    """Run one stage on every preset twice: Python floats, and the same values as 1-row arrays."""
    from orbitdc import presets
    from orbitdc.sections import MODULES
    from orbitdc.sections.years import at_year

    def rows(d):
        return {k: (np.array([v]) if v.__class__ is float else v) for k, v in d.items()}

    for name in presets.names():
        p = at_year(presets.load(name).to_si())
        out: dict = {}
        for m in MODULES:
            if m.__name__.endswith("." + stage_name):
                scalar, one_row = dict(out), rows(out)
                m.stage(p, scalar)
                m.stage(rows(p), one_row)
                yield name, scalar, one_row
                break
            m.stage(p, out)
