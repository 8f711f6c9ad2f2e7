"""Refresh the README's quoted outputs from the code as it is.

The README quotes the output of its Python examples (a ```python block that prints,
followed by a ```text block) and of ``orbitdc compare --markdown`` (between the
``compare-table`` markers). ``tests/test_readme.py`` fails when they drift; this script
rewrites them. Run from the checkout: ``python tools/refresh_readme.py``.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
_BLOCK = re.compile(r"```(\w*)\n(.*?)```", flags=re.S)


def _run(code: str) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    return buf.getvalue()


def refresh(text: str) -> str:
    """The README text with every quoted output recomputed."""
    blocks = list(_BLOCK.finditer(text))
    out, pos = [], 0
    for a, b in zip(blocks, blocks[1:]):
        if a.group(1) == "python" and b.group(1) == "text" and "print(" in a.group(2):
            printed = _run(a.group(2)).rstrip("\n") + "\n"
            out.append(text[pos : b.start(2)])
            out.append(printed)
            pos = b.end(2)
    out.append(text[pos:])
    text = "".join(out)
    from orbitdc.cli import main

    head, rest = text.split("<!-- compare-table -->\n", 1)
    _, tail = rest.split("<!-- /compare-table -->", 1)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["compare", "--markdown"]) == 0
    return head + "<!-- compare-table -->\n" + buf.getvalue() + "<!-- /compare-table -->" + tail


if __name__ == "__main__":
    old = README.read_text(encoding="utf-8")
    new = refresh(old)
    README.write_text(new, encoding="utf-8")
    print("README.md refreshed" if new != old else "README.md already current")
