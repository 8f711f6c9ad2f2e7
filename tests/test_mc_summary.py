"""The Monte Carlo summary table is written without pandas, and reads exactly as pandas wrote it.

Reference: ``pandas.DataFrame.from_dict(rows, orient="index").to_string()`` with the float
format ``{:.4g}`` (what :meth:`orbitdc.studies.MonteCarloResult.summary` printed before the
table stopped importing pandas); tolerance: the text must be identical, character for
character.
"""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest

from orbitdc import presets, studies
from orbitdc.studies.montecarlo import _text_table


def _pandas_text(rows: dict) -> str:
    df = pd.DataFrame.from_dict(rows, orient="index")
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.float_format", "{:.4g}".format):
        return df.to_string()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n": 500, "seed": 0},
        {"n": 1, "seed": 3},
        {"n": 3000, "seed": 1, "keep_samples": False},
        {"n": 400, "seed": 2, "percentiles": (1, 10, 50, 90, 99)},
        {"n": 400, "seed": 4, "outputs": ["cost_per_million_tokens.orbital", "launch.satellites", "links.margin"]},
    ],
)
def test_summary_table_is_pandas_to_string(kwargs):
    r = studies.monte_carlo(presets.load(presets.DEFAULT), None, **kwargs)
    rows = r._stats.rows
    assert _text_table(rows) == _pandas_text(rows)
    text = r.summary()
    assert _pandas_text(rows) in text
    # the frame built on first read holds the same rows, and the summary is unchanged by it
    assert r.stats.loc["cost_per_million_tokens.orbital", "mean"] == rows["cost_per_million_tokens.orbital"]["mean"]
    assert r.summary() == text


def test_text_table_edge_values():
    rng = np.random.default_rng(7)
    specials = [0.0, -0.0, 1e-300, -1e-5, 1.5e10, math.inf, -math.inf, math.nan, 123456.0, 0.99995, 9.9995e-5]
    wide = 0
    for _ in range(300):
        n_rows = int(rng.integers(1, 6))
        qs = [0.1, 1, 2.5, 5, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.9]  # up to 13 columns: wider than 160 characters
        cols = ["unit"] + [f"p{q:g}" for q in sorted(rng.choice(qs, int(rng.integers(1, 14)), False))]
        rows = {}
        for i in range(n_rows):
            label = "x" * int(rng.integers(1, 40)) + f".{i}"
            row = {"unit": ["", "USD", "kg/kW", "token/s", "m^2"][int(rng.integers(0, 5))]}
            for c in cols[1:]:
                v = (
                    specials[int(rng.integers(0, len(specials)))]
                    if rng.random() < 0.4
                    else float(rng.normal(0, 10.0 ** rng.integers(-6, 9)))
                )
                row[c] = v
            rows[label] = row
        text = _text_table(rows)
        assert text == _pandas_text(rows), rows
        wide += max(map(len, text.splitlines())) > 160
    assert wide > 0  # pandas' to_string does not wrap at display.width: neither does the table


def test_summary_imports_no_pandas():
    """``orbitdc montecarlo`` without ``-o`` prints the summary: pandas (~0.5 s of a fresh
    process) loads only when the stats table is first read."""
    code = textwrap.dedent(
        """
        import sys
        from orbitdc import presets, studies
        r = studies.monte_carlo(presets.load("dawn-dusk-650"), None, 500, seed=0)
        r.summary()
        print("pandas" in sys.modules)
        r.stats
        print("pandas" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_histogram_percentiles_are_the_bins_of_the_ranked_values():
    """Streaming percentiles (``keep_samples=False``): each is the centre of the 0.115 % log
    bin that holds the sorted value of rank ``floor(q/100 (n - 1))`` (the grid of
    :class:`orbitdc.studies.percentiles._LogHist`: bin ``floor((log10|x| + 30) 2000)``,
    centre ``10**(-30 + (bin + 0.5)/2000)``, signs and zeros apart), clipped to the exact
    minimum and maximum; all percentiles of one histogram are read from one cumulative count.
    Tolerance: 1e-15 relative (the centre computed by Python's ``pow`` here, numpy's there)."""
    from orbitdc.studies.percentiles import _LogHist

    rng = np.random.default_rng(3)
    for t in range(60):
        x = rng.lognormal(rng.normal(0, 5), 2, int(rng.integers(1, 20000)))
        if t % 3 == 0:
            x *= rng.choice([-1.0, 1.0], x.size)
        if t % 7 == 0:
            x[: x.size // 3] = 0.0
        h = _LogHist()
        h.add(x)
        qs = (0.0, 1.0, 5.0, 50.0, 95.0, 100.0, float(rng.uniform(0, 100)))
        got = h.percentiles(qs, x.size, float(x.min()), float(x.max()))
        s = np.sort(x)
        for q, g in zip(qs, got):
            v = float(s[int(math.floor(q / 100.0 * (x.size - 1)))])
            if v == 0.0:
                ref = 0.0
            else:
                b = min(max(math.floor((math.log10(abs(v)) + 30.0) * 2000), 0), h.nb - 1)
                ref = math.copysign(10 ** (-30.0 + (b + 0.5) / 2000), v)
            ref = min(max(ref, float(x.min())), float(x.max()))
            assert g == pytest.approx(ref, rel=1e-15, abs=0.0)
            assert h.percentile(q, x.size, float(x.min()), float(x.max())) == g
