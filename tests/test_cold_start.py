"""Cold start (issue 17): what a fresh process loads, the shipped units table, Dask workers' heap.

No timings here (those are in benchmarks/): these tests check the mechanisms the
benchmarks rely on -- ``import orbitdc`` and one evaluation load neither pint, dask nor
itur; pint is still the reference for every unit conversion the table answers; and a Dask
worker's allocator reuses its heap for chunk arrays.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import orbitdc
from orbitdc import units
from orbitdc.model import outputs
from orbitdc.scenario import sections

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, env_extra: dict | None = None, base: dict | None = None) -> str:
    env = dict(os.environ if base is None else base, PYTHONPATH=str(ROOT))
    env.update(env_extra or {})
    res = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(ROOT),
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_import_and_one_evaluation_load_no_pint_dask_or_itur():
    out = _run("""
        import sys, orbitdc
        loaded = lambda: sorted(m for m in ("pint", "dask", "itur", "scipy", "astropy", "pandas") if m in sys.modules)
        print(loaded())
        res = orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650"))
        text = res.table()
        print(loaded())
        scn = orbitdc.presets.load("dawn-dusk-650").with_overrides(
            {"links.ground_site": "singapore", "links.band": "Q/V", "links.elevation": 40.0,
             "links.availability": 99.99, "links.ground_antenna_diameter": 3.7})
        orbitdc.evaluate(scn).to_json()
        print(loaded())
    """)
    before, after, other_site = out.strip().splitlines()
    assert before == "[]"
    assert "pint" not in after and "itur" not in after and "dask" not in after
    assert "pint" not in other_site and "itur" not in other_site


def test_monte_carlo_summary_builds_no_dataset_until_one_is_read():
    """``orbitdc montecarlo`` without ``-o`` prints the summary only: xarray (and with it dask's
    array module and SciPy's sparse one, ~0.5 s) loads when a dataset is first read, and
    the dataset read then holds the summary's numbers."""
    out = _run("""
        import sys
        from orbitdc import presets, studies
        r = studies.monte_carlo(presets.load("dawn-dusk-650"), None, 2000, seed=0)
        text = r.summary()
        print("xarray" in sys.modules, "scipy.sparse" in sys.modules)
        key = "cost_per_million_tokens.orbital"
        print(r.percentile(key, 50) == r.stats.loc[key, "p50"], "xarray" in sys.modules)
        print(r.samples.sizes["sample"], float(r.samples[key].median()) == r.stats.loc[key, "p50"])
    """)
    assert out.split() == ["False", "False", "True", "True", "2000", "True"]


def test_custom_site_still_uses_itur_lazily():
    out = _run("""
        import sys, orbitdc
        scn = orbitdc.Scenario({"links.ground_site": "custom", "links.ground_latitude": 48.85,
                                "links.ground_longitude": 2.35})
        print("itur" in sys.modules)
        r = orbitdc.evaluate(scn)
        print("itur" in sys.modules, r.si["links.downlink_atmospheric_loss"] > 0)
    """)
    assert out.split() == ["False", "True", "True"]


def test_pint_loads_without_dask_and_dask_still_works():
    out = _run("""
        import sys, orbitdc
        q = orbitdc.Q_(3.0, "km").to("m")
        print(q.magnitude, "dask" in sys.modules)
        import dask, dask.array as da
        import pint.compat
        x = orbitdc.Q_(da.ones(4, chunks=2), "m")
        print(float(x.sum().compute().magnitude), pint.compat.compute(da.ones(2)).__class__.__name__)
    """)
    first, second = out.strip().splitlines()
    assert first == "3000.0 False"
    assert second == "4.0 tuple"


def _used_units() -> set[str]:
    from orbitdc.physics.accelerators import ACCELERATORS, WAFER_INPUTS

    us = {f.unit for sec in sections().values() for f in sec.fields if not (f.is_choice or f.is_bool)}
    us |= {o.unit for o in outputs().values()}
    for cat in (ACCELERATORS, WAFER_INPUTS):
        for specs in cat.values():
            us |= {sp.unit for sp in specs.values() if hasattr(sp, "unit")}
    return us


def test_units_table_is_pint_and_complete():
    """orbitdc/data/units_si.json against pint (reference; exact to 1e-15 relative)."""
    table = json.loads((ROOT / "orbitdc" / "data" / "units_si.json").read_text(encoding="utf-8"))
    assert table["provenance"]["pint_version"]
    entries = table["units"]
    missing = _used_units() - set(entries)
    assert not missing, f"run tools/gen_units_table.py: {sorted(missing)}"
    for u, (si, scale, offset, display) in entries.items():
        p_si, p_scale, p_offset = units._si_unit_of_pint(u)
        assert si == p_si, u
        assert scale == pytest.approx(p_scale, rel=1e-15) and offset == pytest.approx(p_offset, rel=1e-15, abs=0)
        assert display == format(units.Q_(1.0, u).units, "~P")


def test_result_magnitudes_equal_pint_conversions():
    res = orbitdc.evaluate(orbitdc.presets.load("dawn-dusk-650"))
    for key in res.si:
        if key in outputs():
            np.testing.assert_allclose(res.magnitude(key), res[key].magnitude, rtol=1e-14, atol=0, err_msg=key)


def test_dask_worker_heap_reused_for_chunk_arrays():
    """With distributed's MALLOC_TRIM_THRESHOLD_ every 160 kB array (a 20,000-row column) is
    its own mmap (glibc's mallinfo2 counts it in ``hblks``); after the first task's mallopt
    the same arrays come from the heap."""
    code = """
        import ctypes, ctypes.util, numpy as np
        from orbitdc.studies.execution import _tune_worker_allocator
        class MI2(ctypes.Structure):
            _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                                                       "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.mallinfo2.restype = MI2
        def mapped():
            h0 = libc.mallinfo2().hblks
            held = [np.ones(20000) for _ in range(10)]
            return libc.mallinfo2().hblks - h0
        m0 = mapped(); ok = _tune_worker_allocator(); m1 = mapped()
        print(m0, ok, m1)
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    m0, ok, m1 = _run(code, {"MALLOC_TRIM_THRESHOLD_": "65536"}, base=clean).split()
    assert int(m0) >= 5 and ok == "True" and int(m1) == 0
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    out = subprocess.run(
        [sys.executable, "-c", "from orbitdc.studies.execution import _tune_worker_allocator as t; print(t())"],
        capture_output=True,
        text=True,
        env=dict(env, PYTHONPATH=str(ROOT)),
        cwd=str(ROOT),
        timeout=300,
    )
    assert out.stdout.strip() == "False"  # not a Dask worker: the allocator is left alone


def test_keep_heap_reuses_freed_chunk_arrays_unless_the_user_chose():
    """The server's and the command line's ``keep_heap``: a study's freed arrays (here 500
    columns of 8,000 rows, 32 MB, the app's band) are trimmed off the heap by default, so
    the next study page-faults all of them in again; with ``keep_heap`` the freed heap is
    kept and the second study takes almost no faults (limits: >= 4,000 faults without, of
    7,800 pages; < 400 with).  A user's own ``MALLOC_MMAP_THRESHOLD_`` /
    ``MALLOC_TRIM_THRESHOLD_`` is left alone."""
    code = """
        import resource, sys, numpy as np
        from orbitdc.studies.execution import keep_heap
        def study():
            f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            cols = [np.ones(8000) for _ in range(500)]
            del cols
            return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
        study(); before = study()
        ok = keep_heap()
        study(); after = study()
        print(before, ok, after)
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    before, ok, after = _run(code, {}, base=clean).split()
    assert int(before) >= 4000 and ok == "True" and int(after) < 400, (before, ok, after)
    for var in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"):
        _, ok, _ = _run(code, {var: "131072"}, base=clean).split()
        assert ok == "False", var
