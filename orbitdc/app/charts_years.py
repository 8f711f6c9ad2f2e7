"""Figure and table builders of the "When?" view (pure: study results in, figures out).

Every function takes a study already computed by :mod:`orbitdc.studies` (a trajectory
Dataset, a :class:`~orbitdc.studies.ParityResult`, a what-must-be-true DataFrame) and returns
a plotly figure or plain rows; nothing here evaluates the pipeline.
"""

from __future__ import annotations

import math
from typing import Any

from . import i18n
from .charts import COLORS, _fig, _go

__all__ = ["years_costs", "parity_curves", "wmbt_rows", "ARCHS"]

ARCHS = ("orbital", "terrestrial", "fleet")

_FILL = {"orbital": "rgba(37,99,235,0.15)", "terrestrial": "rgba(22,163,74,0.15)", "fleet": "rgba(234,88,12,0.15)"}


def years_costs(ds: Any, lang: str = "en", bands: bool = True):
    """The three costs per million tokens over the years, median line and p5-p95 band.

    Parameters
    ----------
    ds : xarray.Dataset
        :func:`orbitdc.studies.trajectory` output (with ``.p5/.p50/.p95`` when sampled).
    lang : str
        Language of the labels.
    bands : bool
        Draw the p5-p95 band when the dataset has it.
    """
    go = _go()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    fig = _fig(
        t("when.chart.costs"),
        yaxis_type="log",
        xaxis_title=t("when.year"),
        yaxis_title=t("when.usd_per_mtok"),
        legend=dict(orientation="h", y=-0.2),
    )
    years = [int(y) for y in ds["year"].values]
    for a in ARCHS:
        key = f"cost_per_million_tokens.{a}"
        name = i18n.t(f"arch.{a}", lang) if f"arch.{a}" in i18n.UI else a
        mid = ds[f"{key}.p50"].values if f"{key}.p50" in ds else ds[key].values
        if bands and f"{key}.p5" in ds and f"{key}.p95" in ds:
            lo, hi = ds[f"{key}.p5"].values, ds[f"{key}.p95"].values
            fig.add_trace(
                go.Scatter(
                    x=years + years[::-1],
                    y=list(hi) + list(lo[::-1]),
                    fill="toself",
                    fillcolor=_FILL[a],
                    line=dict(width=0),
                    hoverinfo="skip",
                    name=f"{name} p5-p95",
                    showlegend=False,
                )
            )
        fig.add_trace(
            go.Scatter(
                x=years,
                y=list(mid),
                mode="lines+markers",
                name=name,
                line=dict(color=COLORS[a], width=2.5),
                marker=dict(size=5),
            )
        )
    return fig


def parity_curves(res: Any, lang: str = "en"):
    """P(orbit at or below each baseline by year): the cumulative parity-year distribution."""
    go = _go()
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    fig = _fig(
        t("when.chart.parity"),
        xaxis_title=t("when.year"),
        yaxis_title=t("when.p_by_year"),
        yaxis=dict(range=[0, 1.02], tickformat=".0%"),
        legend=dict(orientation="h", y=-0.2),
    )
    years = [int(y) for y in res.years]
    for b, p in res.p_by_year.items():
        name = i18n.t(f"arch.{b}", lang) if f"arch.{b}" in i18n.UI else b
        fig.add_trace(
            go.Scatter(
                x=years,
                y=list(p),
                mode="lines+markers",
                name=t("when.vs", name=name),
                line=dict(color=COLORS.get(b, "#64748b"), width=2.5, shape="hv"),
            )
        )
    return fig


def parity_summary_rows(res: Any, lang: str = "en", marks=(2030, 2035, 2040, 2050)) -> list[dict]:
    """One row per baseline: median parity year, P(by year) at a few years, share never."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    last = int(res.years[-1])
    rows = []
    for b in res.p_by_year:
        med = res.median_year[b]
        row = {
            t("when.col.baseline"): i18n.t(f"arch.{b}", lang) if f"arch.{b}" in i18n.UI else b,
            t("when.col.median"): f"{med:.0f}" if med is not None else t("when.not_by", year=last),
        }
        for y in marks:
            if res.years[0] <= y <= last:
                row[t("when.col.p_by", year=y)] = f"{res.p_by(b, y):.0%}"
        row[t("when.col.never", year=last)] = f"{res.share_never[b]:.0%}"
        rows.append(row)
    return rows


def deciding_rows(res: Any, baseline: str, lang: str = "en", top: int = 5) -> list[dict]:
    """The inputs that decide the parity year most (Spearman rank correlation)."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    d = res.deciding.get(baseline)
    if d is None or not len(d):
        return []
    col = "spearman" if d["spearman"].notna().any() else "spearman_min_ratio"
    head = t("when.col.rho") if col == "spearman" else t("when.col.rho_gap")
    return [
        {t("when.col.input"): i18n.field_label(k, lang), t("when.col.key"): k, head: f"{r:+.2f}"}
        for k, r in zip(d.index[:top], d[col][:top])
    ]


def wmbt_rows(df: Any, lang: str = "en") -> list[dict]:
    """The what-must-be-true table as display rows (values formatted, 'none in range')."""
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    rows = []
    for key, r in df.iterrows():
        pv = r["parity_value"]
        none = pv is None or (isinstance(pv, float) and math.isnan(pv))
        rows.append(
            {
                t("when.col.input"): i18n.field_label(key, lang),
                t("when.col.key"): key,
                t("when.col.now"): f"{r['value']:.4g} {r['unit']}".strip(),
                t("when.col.parity"): t("when.none") if none else f"{pv:.4g} {r['unit']}".strip(),
                t("when.col.side"): "" if none else t(f"when.side.{r['orbit_wins']}"),
            }
        )
    return rows
