"""orbitdc.report: a one-page PDF whose text carries the headline numbers, made offline; ``orbitdc report``."""

from __future__ import annotations

import re
import zlib

import pytest

import orbitdc
from orbitdc import breakdown, presets, report
from orbitdc.app.formatting import fmt_usd
from orbitdc.cli import main

_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _unescape(s: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i : i + 1]
        if c == b"\\" and i + 1 < len(s):
            n = s[i + 1 : i + 2]
            if n in _ESC:
                out += _ESC[n]
                i += 2
                continue
            m = re.match(rb"[0-7]{1,3}", s[i + 1 : i + 4])
            if m:
                out.append(int(m.group(0), 8))
                i += 1 + len(m.group(0))
                continue
            i += 1
            continue
        out += c
        i += 1
    return bytes(out)


def pdf_text(data: bytes) -> str:
    """Text drawn on the page: the strings of every TJ/Tj operator (matplotlib writes 2-byte codes = UTF-16BE)."""
    chunks = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            raw = zlib.decompress(m.group(1))
        except zlib.error:
            continue
        for op in re.finditer(rb"\[((?:[^\]\\]|\\.)*)\]\s*TJ|\(((?:[^)\\]|\\.)*)\)\s*Tj", raw, re.S):
            body = op.group(1) if op.group(1) is not None else b"(" + op.group(2) + b")"
            s = b"".join(_unescape(x) for x in re.findall(rb"\(((?:[^)\\]|\\.)*)\)", body, re.S))
            chunks.append(s.decode("utf-16-be", errors="replace"))
    return "\n".join(chunks)


@pytest.fixture(scope="module")
def changed():
    scn = presets.load("dawn-dusk-650").with_overrides({"launch.price_per_kg": "500 USD/kg"})
    scn.name = "dawn-dusk-650"
    return scn


def test_pdf_is_one_page_with_the_headline_numbers(changed):
    data = report.report_pdf(changed, n=1000, seed=0)
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    text = pdf_text(data)
    res = orbitdc.evaluate(changed)
    for arch in ("orbital", "terrestrial", "fleet"):
        assert fmt_usd(res.value(f"cost_per_million_tokens.{arch}", "USD")) in text, (arch, text[:2000])
    u = breakdown.headline_uncertainty(changed, n=1000, seed=0)
    assert fmt_usd(u["p95"]["orbital"]) in text and fmt_usd(u["p5"]["orbital"]) in text
    d = breakdown.deciding_factor(res)
    assert f"{d.share:.0%}" in text
    assert "Inputs that differ (1)" in text and "launch.price_per_kg" in text and "500 USD/kg" in text
    assert "Cost per million tokens by category" in text


def test_unchanged_preset_says_so():
    data = report.report_pdf("starlink-550", n=500)
    text = pdf_text(data)
    assert "Inputs that differ (0)" in text and "No input differs from the preset." in text


def test_cli_writes_the_report(tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["report", "optimistic", "-o", str(out), "--n", "500"]) == 0
    assert "wrote" in capsys.readouterr().out
    text = pdf_text(out.read_bytes())
    res = orbitdc.evaluate(presets.load("optimistic"))
    assert fmt_usd(res.value("cost_per_million_tokens.orbital", "USD")) in text
    assert main(["report", "optimistic", "-o", str(out), "--n", "5"]) == 2  # one clear error, no traceback
