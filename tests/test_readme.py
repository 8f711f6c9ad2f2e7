"""The README's quoted outputs are what the code prints now.

Runs the README's Python examples and its compare command and compares the printed text
with the blocks quoted in README.md, so the README cannot drift from the model.
"""

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(text: str):
    return re.findall(r"```(\w*)\n(.*?)```", text, flags=re.S)


def _run(code: str) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    return buf.getvalue()


def _example_pairs():
    blocks = _blocks(README.read_text(encoding="utf-8"))
    pairs = []
    for (lang, code), (nlang, expected) in zip(blocks, blocks[1:]):
        if lang == "python" and nlang == "text" and "print(" in code:
            pairs.append((code, expected))
    return pairs


def test_readme_has_examples():
    assert len(_example_pairs()) >= 2


@pytest.mark.parametrize("index", range(2))
def test_readme_example_output_is_current(index):
    code, expected = _example_pairs()[index]
    assert _run(code).rstrip("\n") == expected.rstrip("\n")


def test_readme_compare_table_is_current():
    from orbitdc.cli import main

    text = README.read_text(encoding="utf-8")
    quoted = text.split("<!-- compare-table -->\n", 1)[1].split("<!-- /compare-table -->", 1)[0]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["compare", "--markdown"]) == 0
    assert buf.getvalue() == quoted
