"""The example notebooks run, match their generator, and their stored outputs are what the code gives now.

Each notebook is executed with nbclient on the ``python3`` kernel, which jupyter_client
resolves to the interpreter running the tests (the project's venv has ipykernel), so nothing
is registered globally.  A failing cell fails the test with the cell's traceback; a stored
output that differs from the fresh run (text, tables or Plotly figure data) fails it too, except
the wall-clock lines that ``examples/build_notebooks.py`` declares in ``TIMING_LINES``.
Numbers are compared to a relative 1e-6 (printed numbers are rounded far coarser than that; the
tolerance only absorbs the last bits of a float printed in full in a figure's JSON).

Kernels are started one at a time: two kernels starting together under pytest-xdist can pick the
same ZMQ port (jupyter_client binds, releases, then hands the port to the kernel), so every
execution holds an exclusive file lock, and the tests share one xdist group.
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import math
import re
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REL = 1e-6


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", EXAMPLES / "build_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BUILD = _builder()
NAMES = sorted(BUILD.NOTEBOOKS)


@contextmanager
def _one_kernel_at_a_time():
    with open(Path(tempfile.gettempdir()) / "orbitdc-notebook-kernel.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_NUM = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def _close(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b)) or abs(a - b) <= REL * max(abs(a), abs(b))


def _text_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if not any(p.search(ln) for p in BUILD.TIMING_LINES)]


def _same_text(a: str, b: str) -> bool:
    la, lb = _text_lines(a), _text_lines(b)
    if len(la) != len(lb):
        return False
    for x, y in zip(la, lb):
        if _NUM.sub("#", x) != _NUM.sub("#", y):
            return False
        if not all(_close(float(p), float(q)) for p, q in zip(_NUM.findall(x), _NUM.findall(y))):
            return False
    return True


def _same_json(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return _close(float(a), float(b))
    if isinstance(a, str) and isinstance(b, str):
        return _same_text(a, b)
    return a == b


def _outputs(cell) -> list[dict]:
    """The outputs of a code cell as plain data, consecutive stream chunks of one stream merged."""
    out: list[dict] = []
    for o in cell.get("outputs", []):
        o = json.loads(json.dumps(o))
        o.pop("execution_count", None)
        o.pop("metadata", None)
        if o["output_type"] == "stream" and out and out[-1]["output_type"] == "stream" and out[-1]["name"] == o["name"]:
            out[-1]["text"] += o["text"]
        else:
            out.append(o)
    return out


def _same_output(a: dict, b: dict) -> bool:
    if a["output_type"] != b["output_type"]:
        return False
    if a["output_type"] == "stream":
        return a["name"] == b["name"] and _same_text(a["text"], b["text"])
    return _same_json(a.get("data"), b.get("data"))


def test_notebooks_committed_and_generated():
    assert len(NAMES) >= 4
    for name in NAMES:
        saved = nbformat.read(EXAMPLES / name, as_version=4)
        fresh = BUILD.build(name)
        assert [c.source for c in saved.cells] == [c.source for c in fresh.cells], (
            f"{name} differs from build_notebooks.py"
        )
        assert [c.cell_type for c in saved.cells] == [c.cell_type for c in fresh.cells]


def test_python3_kernel_is_this_interpreter():
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    km = KernelManager(kernel_name="python3")
    cmd = km.format_kernel_cmd()
    # jupyter_client substitutes sys.executable for a bare "python" in the kernel spec
    assert cmd[0] == sys.executable, (spec.argv, cmd)


def test_output_comparison_catches_a_changed_number():
    """The comparison itself: a changed digit, a missing line or a changed figure value fails it."""
    a = {"output_type": "stream", "name": "stdout", "text": "orbital 32.28 USD\nground 3.1 USD\n"}
    assert _same_output(a, dict(a))
    assert not _same_output(a, {**a, "text": "orbital 57.55 USD\nground 3.1 USD\n"})
    assert not _same_output(a, {**a, "text": "orbital 32.28 USD\n"})
    assert _same_output(
        {**a, "text": "1,600 scenarios on the cluster took 1.25 s\nx 1\n"},
        {**a, "text": "1,600 scenarios on the cluster took 9.75 s\nx 1\n"},
    )
    fig = {"output_type": "display_data", "data": {"application/vnd.plotly.v1+json": {"data": [{"y": [1.0, 2.0]}]}}}
    other = {"output_type": "display_data", "data": {"application/vnd.plotly.v1+json": {"data": [{"y": [1.0, 2.5]}]}}}
    assert _same_output(fig, json.loads(json.dumps(fig))) and not _same_output(fig, other)


@pytest.mark.xdist_group("notebook-kernels")
@pytest.mark.parametrize("name", NAMES)
def test_notebook_outputs_are_current(name):
    saved = nbformat.read(EXAMPLES / name, as_version=4)
    nb = BUILD.build(name)
    with _one_kernel_at_a_time():
        BUILD.execute(nb, timeout=300)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert not errors
    plotly = [
        o for c in nb.cells for o in c.get("outputs", []) if "application/vnd.plotly.v1+json" in o.get("data", {})
    ]
    assert plotly, f"{name} draws no Plotly chart"
    codes = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    stored = [c for c in saved.cells if c.cell_type == "code"]
    for (i, fresh), old in zip(codes, stored):
        fo, so = _outputs(fresh), _outputs(old)
        assert len(fo) == len(so), f"{name} cell {i}: {len(so)} stored outputs, {len(fo)} now"
        for a, b in zip(fo, so):
            assert _same_output(a, b), (
                f"{name} cell {i}: stored output differs from a fresh run "
                f"(re-run examples/build_notebooks.py --execute)\nnow:\n{json.dumps(a)[:1500]}\nstored:\n{json.dumps(b)[:1500]}"
            )
