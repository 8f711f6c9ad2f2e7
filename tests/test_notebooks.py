"""The example notebooks run, and match their generator (examples/build_notebooks.py).

Each notebook is executed with nbclient on the ``python3`` kernel, which jupyter_client
resolves to the interpreter running the tests (the project's venv has ipykernel), so nothing
is registered globally.  A failing cell fails the test with the cell's traceback.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", EXAMPLES / "build_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BUILD = _builder()
NAMES = sorted(BUILD.NOTEBOOKS)


def test_three_notebooks_committed_and_generated():
    assert len(NAMES) >= 3
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


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes(name):
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    BUILD.execute(nb, timeout=300)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert not errors
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "USD" in text
