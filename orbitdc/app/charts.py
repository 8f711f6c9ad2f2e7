"""Plotly figure builders of the calculator (pure: numbers in, figure out).

Every function takes values already computed by the pipeline (a
:class:`orbitdc.model.Result`, a study result or plain arrays from one) and returns a
:class:`plotly.graph_objects.Figure`; nothing here evaluates physics.  Titles, axes and
legends are in the requested language (:mod:`orbitdc.app.i18n`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from . import i18n
from .formatting import fmt_eng, fmt_num, fmt_usd, pretty_unit

__all__ = [
    "COLORS",
    "cost_comparison",
    "capex_waterfall",
    "mass_breakdown",
    "eclipse_year",
    "radiator_curve",
    "launch_price",
    "tornado",
    "breakdown_bars",
    "breakeven_map",
    "compare_bars",
    "CAPEX_PARTS",
    "CATEGORY_COLORS",
]

#: One colour per architecture, used in every chart.
COLORS = {"orbital": "#2563eb", "terrestrial": "#16a34a", "fleet": "#ea580c"}
_GREY = "#64748b"

#: economics.capex_<part> outputs of the waterfall, in display order.
CAPEX_PARTS = ("chips", "bus", "array", "battery", "radiator", "links", "integration", "launch", "nre", "replacement")

_LAYOUT = dict(
    height=420,
    margin=dict(l=10, r=10, t=60, b=10),
    font=dict(size=13),
    title_font=dict(size=16),
    hoverlabel=dict(font_size=13),
)


def _go():
    import plotly.graph_objects as go

    return go


def _wrap(text: str, width: int = 42) -> str:
    """Break a long chart title into lines (``<br>``) so it fits a phone's 360 px plot.

    Words are kept whole; text without spaces (Japanese) is cut every ``width // 2`` characters.
    """
    cols = sum(2 if ord(c) >= 0x2E80 else 1 for c in text or "")  # CJK characters are two columns wide
    if not text or cols <= width or "<br>" in text:
        return text
    if " " not in text.strip():
        n = max(8, width // 2)
        return "<br>".join(text[i : i + n] for i in range(0, len(text), n))
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(lines)


def _fig(title: str, **kw: Any):
    go = _go()
    fig = go.Figure()
    layout = dict(_LAYOUT)
    for axis in ("xaxis_title", "yaxis_title"):
        if isinstance(kw.get(axis), str):
            kw[axis] = _wrap(kw[axis], 32)
    layout.update(kw)
    title = _wrap(title)
    if "<br>" in title and "margin" not in kw:
        layout["margin"] = dict(_LAYOUT["margin"], t=80)
    fig.update_layout(title=dict(text=title, x=0.0, xanchor="left"), **layout)
    return fig


def _value(result: Any, key: str, unit: str | None = None) -> float | None:
    if key not in result.si:
        return None
    try:
        v = result.value(key, unit)
    except Exception:
        return None
    return v if math.isfinite(v) else None


def _part_label(part: str, lang: str) -> str:
    key = f"part.{part}"
    return i18n.t(key, lang) if key in i18n.UI else part.replace("_", " ").capitalize()


# ============================================================================ costs


def cost_comparison(h: Mapping[str, Any], lang: str = "en"):
    """Bars of the cost per million tokens of the three architectures (from :func:`headline`)."""
    go = _go()
    fig = _fig(i18n.t("costs.compare_title", lang), yaxis_title=i18n.t("costs.axis_usd_per_m", lang), showlegend=False)
    arch = [a for a in ("orbital", "terrestrial", "fleet") if h.get(a) is not None]
    ys = [h[a] for a in arch]
    fig.add_trace(
        go.Bar(
            x=[i18n.t(f"arch.{a}", lang) for a in arch],
            y=ys,
            marker_color=[COLORS[a] for a in arch],
            text=[fmt_usd(y) for y in ys],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    if ys and max(ys) > 0 and max(ys) / max(min(ys), 1e-300) > 50:
        fig.update_yaxes(type="log")
    else:
        fig.update_yaxes(rangemode="tozero", range=[0, max(ys) * 1.18] if ys else None)
    return fig


def capex_waterfall(result: Any, lang: str = "en"):
    """Horizontal waterfall of the capital cost of one satellite (``economics.capex_*``) [MUSD].

    Parts in :data:`CAPEX_PARTS` order, then any other ``economics.capex_*`` output the
    pipeline writes, then the total.
    """
    go = _go()
    keys = [f"economics.capex_{p}" for p in CAPEX_PARTS]
    keys += sorted(
        k for k in result.si if k.startswith("economics.capex_") and k not in keys and k != "economics.capex_total"
    )
    parts = [(k.split("economics.capex_", 1)[1], _value(result, k, "MUSD")) for k in keys]
    parts = [(p, v) for p, v in parts if v is not None]
    total = _value(result, "economics.capex_total", "MUSD")
    fig = _fig(i18n.t("costs.capex_title", lang), xaxis_title=i18n.t("costs.axis_musd", lang), showlegend=False)
    y = [_part_label(p, lang) for p, _ in parts]
    x = [v for _, v in parts]
    measure = ["relative"] * len(parts)
    if total is not None:
        y.append(i18n.t("costs.total", lang))
        x.append(total)
        measure.append("total")
    fig.add_trace(
        go.Waterfall(
            y=y,
            x=x,
            measure=measure,
            orientation="h",
            text=[fmt_num(v, 3) for v in x],
            textposition="outside",
            connector=dict(line=dict(color="#cbd5e1")),
            increasing=dict(marker=dict(color=COLORS["orbital"])),
            decreasing=dict(marker=dict(color="#94a3b8")),
            totals=dict(marker=dict(color="#1e3a8a")),
            hovertemplate="%{y}: %{x:.3g} M$<extra></extra>",
            cliponaxis=False,
        )
    )
    top = max([total or 0.0, sum(v for v in x[: len(parts)] if v > 0)] or [1.0])
    fig.update_xaxes(range=[0, top * 1.18])
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


# ============================================================================ mass


def mass_breakdown(result: Any, lang: str = "en"):
    """Satellite mass per kW of IT power by part (``launch.mass_*`` / ``compute.it_power``) [kg/kW].

    The division by the IT power is the only arithmetic, a change of normalisation for
    display; the total is the pipeline's ``launch.mass_per_kw``.
    """
    go = _go()
    it_kw = _value(result, "compute.it_power", "kW")
    parts = []
    for key in result.si:
        if key.startswith("launch.mass_") and key != "launch.mass_per_kw":
            v = _value(result, key, "kg")
            if v is not None and v > 0:
                parts.append((key.split("launch.mass_", 1)[1], v))
    total = _value(result, "launch.mass_per_kw", "kg/kW")
    title = i18n.t("mass.title", lang, total=f"{fmt_num(total, 3)} kg/kW" if total is not None else "—")
    fig = _fig(title, xaxis_title=i18n.t("mass.axis", lang), showlegend=False, height=440)
    if not parts or not it_kw:
        return fig
    parts.sort(key=lambda pv: pv[1])
    per_kw = [v / it_kw for _, v in parts]
    fig.add_trace(
        go.Bar(
            y=[_part_label(p, lang) for p, _ in parts],
            x=per_kw,
            orientation="h",
            marker_color=COLORS["orbital"],
            text=[f"{fmt_num(x, 3)}" for x in per_kw],
            textposition="outside",
            cliponaxis=False,
            customdata=[fmt_num(v, 4) for _, v in parts],
            hovertemplate="%{y}: %{x:.3g} kg/kW (%{customdata} kg)<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, max(per_kw) * 1.2])
    return fig


# ============================================================================ orbit


def eclipse_year(
    day: Sequence[float], fraction: Sequence[float], beta_rad: Sequence[float], year: int, lang: str = "en"
):
    """Eclipse fraction per orbit and solar beta angle over the year (daily samples)."""
    go = _go()
    from plotly.subplots import make_subplots

    dates = np.datetime64(f"{int(year)}-01-01") + np.asarray(day, dtype=int).astype("timedelta64[D]")
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.update_layout(title=dict(text=i18n.t("orbit.title", lang, year=int(year)), x=0.0, xanchor="left"), **_LAYOUT)
    fig.update_layout(legend=dict(orientation="h", y=-0.15))
    fig.add_trace(
        go.Scatter(
            x=dates,
            y=np.asarray(fraction),
            name=i18n.t("orbit.fraction", lang),
            mode="lines",
            line=dict(color=COLORS["orbital"], width=2.5),
            fill="tozeroy",
            hovertemplate="%{x|%b %d}: %{y:.1%}<extra></extra>",
        ),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=dates,
            y=np.degrees(np.asarray(beta_rad)),
            name=i18n.t("orbit.beta", lang),
            mode="lines",
            line=dict(color=_GREY, width=1.5, dash="dot"),
            hovertemplate="%{x|%b %d}: β = %{y:.1f}°<extra></extra>",
        ),
        secondary_y=True,
    )
    fmax = float(np.max(fraction)) if len(fraction) else 0.0
    fig.update_yaxes(
        title_text=i18n.t("orbit.axis_fraction", lang),
        tickformat=".0%",
        range=[0, max(0.05, fmax * 1.15)],
        secondary_y=False,
    )
    fig.update_yaxes(
        title_text=i18n.t("orbit.axis_beta", lang),
        range=[-90, 90],
        tickmode="linear",
        tick0=-90,
        dtick=30,
        showgrid=False,
        secondary_y=True,
    )
    fig.update_xaxes(title_text=i18n.t("orbit.axis_day", lang), tickformat="%-m月" if lang == "ja" else "%b")
    return fig


# ============================================================================ thermal


def _mark_scenario(fig, point: tuple[float, float], name: str, text: str, position: str, hover: str) -> None:
    """This scenario's point on a curve: a red marker with its values written beside it."""
    go = _go()
    fig.add_trace(
        go.Scatter(
            x=[point[0]],
            y=[point[1]],
            mode="markers+text",
            name=name,
            marker=dict(size=14, color="#dc2626", line=dict(color="white", width=2)),
            text=[text],
            textposition=position,
            hovertemplate=hover + "<extra></extra>",
        )
    )


def radiator_curve(
    temp_c: Sequence[float], area_m2: Sequence[float], point: tuple[float, float] | None, lang: str = "en"
):
    """Radiator area against radiator temperature (a sweep) with this scenario's point."""
    go = _go()
    fig = _fig(
        i18n.t("thermal.title", lang),
        xaxis_title=i18n.t("thermal.axis_t", lang),
        yaxis_title=i18n.t("thermal.axis_a", lang),
        legend=dict(orientation="h", y=-0.18),
    )
    fig.add_trace(
        go.Scatter(
            x=np.asarray(temp_c),
            y=np.asarray(area_m2),
            mode="lines",
            name=i18n.t("thermal.curve", lang),
            line=dict(color=COLORS["orbital"], width=2.5),
            hovertemplate="%{x:.0f} °C: %{y:.3g} m²<extra></extra>",
        )
    )
    if point is not None and all(p is not None and math.isfinite(p) for p in point):
        _mark_scenario(
            fig,
            point,
            i18n.t("thermal.point", lang),
            f"{point[0]:.0f} °C, {fmt_num(point[1], 3)} m²",
            "top right",
            "%{x:.1f} °C: %{y:.4g} m²",
        )
    fig.update_yaxes(rangemode="tozero")
    return fig


# ============================================================================ launch


def _log_ticks(lo: float, hi: float, money: bool) -> tuple[list[float], list[str]]:
    """1-2-5 tick values covering [lo, hi] on a log axis, labelled ``$1``, ``$20``, ``5k``."""
    vals = []
    if not (lo > 0 and hi > 0):
        return vals, []
    e0, e1 = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    span = e1 - e0
    mults = (1, 2, 5) if span <= 3 else (1,)
    for e in range(e0, e1 + 1):
        for m in mults:
            v = m * 10.0**e
            if lo / 1.0001 <= v <= hi * 1.0001:
                vals.append(v)
    text = [("$" if money else "") + (fmt_num(v, 3) if v < 1000 else fmt_eng(v, 3).replace(" ", "")) for v in vals]
    return vals, text


def launch_price(
    price: Sequence[float],
    costs: Mapping[str, Sequence[float]],
    breakeven: float | None,
    current: tuple[float, float] | None,
    lang: str = "en",
    breakeven_fleet: float | None = None,
    vehicles: Sequence[tuple[str, float]] = (),
):
    """Cost per million tokens against launch price [USD/kg], log axes, break-even and named vehicles marked.

    Parameters
    ----------
    price : array [USD/kg]
    costs : mapping
        ``{"orbital"|"terrestrial"|"fleet": array [USD per million tokens]}``.
    breakeven, breakeven_fleet : float or None
        Launch price where orbit equals the ground (the fleet) [USD/kg].
    current : (price, cost) or None
        This scenario's point.
    vehicles : sequence of (name, price per kg [USD/kg])
        Named launch vehicles, marked on the x axis at their catalog price per kg.
    """
    go = _go()
    fig = _fig(
        i18n.t("launch.title", lang),
        xaxis_title=i18n.t("launch.axis_price", lang),
        yaxis_title=i18n.t("costs.axis_usd_per_m", lang),
        legend=dict(orientation="h", y=-0.18),
    )
    x = np.asarray(price, dtype=float)
    ys = []
    for arch in ("orbital", "terrestrial", "fleet"):
        if arch not in costs:
            continue
        y = np.asarray(costs[arch], dtype=float)
        ys.append(y)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                name=i18n.t(f"arch.{arch}", lang),
                line=dict(
                    color=COLORS[arch], width=3 if arch == "orbital" else 2, dash=None if arch == "orbital" else "dash"
                ),
                hovertemplate="%{x:,.3g} $/kg: $%{y:.3g}<extra>" + i18n.t(f"arch.{arch}", lang) + "</extra>",
            )
        )
    for k, (be, arch, key) in enumerate(
        ((breakeven, "terrestrial", "launch.breakeven"), (breakeven_fleet, "fleet", "launch.breakeven_fleet"))
    ):
        if be is not None and math.isfinite(be) and be > 0:
            fig.add_vline(x=be, line=dict(color=COLORS[arch], width=1.5, dash="dot"))
            fig.add_annotation(
                x=math.log10(be),
                y=1.0 - 0.09 * k,
                yref="paper",
                # the label runs towards the middle of the chart, so a phone's narrow plot does not cut it
                xanchor="right" if x.size and be > math.sqrt(float(x.min()) * float(x.max())) else "left",
                yanchor="top",
                text=i18n.t(key, lang, price=fmt_usd(be)),
                showarrow=False,
                font=dict(color=COLORS[arch]),
                bgcolor="rgba(255,255,255,0.85)",
            )
    if current is not None and all(c is not None and math.isfinite(c) and c > 0 for c in current):
        fig.add_trace(
            go.Scatter(
                x=[current[0]],
                y=[current[1]],
                mode="markers",
                name=i18n.t("launch.current", lang),
                marker=dict(size=13, color="#dc2626", line=dict(color="white", width=2)),
                hovertemplate="%{x:,.3g} $/kg: $%{y:.3g}<extra></extra>",
            )
        )
    vx = [(n, float(v)) for n, v in vehicles if x.size and x.min() <= v <= x.max()]
    orb = np.asarray(costs.get("orbital", []), dtype=float)
    if vx and orb.size == x.size and np.all(orb > 0):
        # each named vehicle on the orbital curve: what a token costs at its catalog price per kg
        vxs = np.array([v for _, v in vx])
        vys = np.exp(np.interp(np.log(vxs), np.log(x), np.log(orb)))
        fig.add_trace(
            go.Scatter(
                x=vxs,
                y=vys,
                mode="markers",
                name=i18n.t("launch.vehicles", lang),
                marker=dict(symbol="triangle-up", size=11, color=_GREY, line=dict(color="white", width=1)),
                text=[f"{n}: {fmt_usd(v)}/kg → {fmt_usd(c)}" for (n, v), c in zip(vx, vys)],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    xv, xt = _log_ticks(float(x.min()), float(x.max()), True) if x.size else ([], [])
    fig.update_xaxes(type="log", tickvals=xv, ticktext=xt)
    if x.size and x.min() > 0:
        # the sweep's range exactly (autorange pads for markers and lines at the ends)
        fig.update_xaxes(range=[math.log10(float(x.min())), math.log10(float(x.max()))])
    if ys:
        allv = np.concatenate([y[np.isfinite(y) & (y > 0)] for y in ys])
        if allv.size:
            yv, yt = _log_ticks(float(allv.min()), float(allv.max()), True)
            fig.update_yaxes(type="log", tickvals=yv, ticktext=yt)
    return fig


# ============================================================================ tornado


def tornado(table: Any, base: float, lang: str = "en", n: int = 10, unit_of=None):
    """Tornado of the ``n`` largest swings of a :class:`orbitdc.studies.TornadoResult` table.

    ``table`` has one row per field (index = field key) with ``low, high, output_low,
    output_high, swing``; bars span from the base value to the output at each end.
    """
    go = _go()
    top = table.sort_values("swing", ascending=False).head(n).iloc[::-1]
    labels = []
    for key, row in top.iterrows():
        unit = unit_of(key) if unit_of else pretty_unit(str(row.get("unit", "")))
        lo, hi = fmt_eng(row["low"]), fmt_eng(row["high"])
        u = f" {unit}" if unit else ""
        labels.append(f"{i18n.field_label(key, lang)} ({lo}–{hi}{u})")
    fig = _fig(
        i18n.t("tornado.title", lang, n=len(top)),
        xaxis_title=i18n.t("tornado.axis", lang),
        barmode="overlay",
        height=120 + 38 * max(len(top), 1),
        legend=dict(orientation="h", y=-0.12),
        margin=dict(l=10, r=30, t=60, b=10),
    )
    lo_v = top["output_low"].to_numpy(dtype=float)
    hi_v = top["output_high"].to_numpy(dtype=float)
    for end, v, color in (("low", lo_v, "#93c5fd"), ("high", hi_v, "#1d4ed8")):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=v - base,
                base=base,
                orientation="h",
                name=i18n.t(f"tornado.{end}", lang),
                marker_color=color,
                customdata=[fmt_usd(x) for x in v],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>",
            )
        )
    fig.add_vline(x=base, line=dict(color="#111827", width=1.5))
    fig.add_annotation(
        x=base,
        y=1.0,
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=i18n.t("tornado.base", lang, usd=fmt_usd(base)),
    )
    fig.update_yaxes(automargin=True)
    return fig


# ============================================================================ cost breakdown

#: Colours of the seven cost categories (orbitdc.breakdown.CATEGORIES), the same in every chart.
CATEGORY_COLORS = {
    "chips": "#7c3aed",
    "power": "#f59e0b",
    "cooling": "#06b6d4",
    "structure": "#64748b",
    "launch": "#dc2626",
    "operations": "#84cc16",
    "financing": "#1e3a8a",
}


def breakdown_bars(parts: Mapping[str, Mapping[str, float]], lang: str = "en", title: str | None = None):
    """The three architectures side by side, each a stack of the seven cost categories [USD per million tokens].

    ``parts`` is :func:`orbitdc.breakdown.cost_breakdown` of a result.
    """
    go = _go()
    fig = _fig(
        i18n.t("breakdown.title", lang) if title is None else title,
        yaxis_title=i18n.t("costs.axis_usd_per_m", lang),
        barmode="stack",
        legend=dict(orientation="h", y=-0.12),
        height=460,
    )
    archs = [a for a in ("orbital", "terrestrial", "fleet") if a in parts]
    names = [i18n.t(f"arch.{a}", lang) for a in archs]
    for cat, color in CATEGORY_COLORS.items():
        ys = [float(parts[a].get(cat, 0.0)) for a in archs]
        totals = [sum(parts[a].values()) for a in archs]
        fig.add_trace(
            go.Bar(
                x=names,
                y=ys,
                name=i18n.t(f"cat.{cat}", lang),
                marker_color=color,
                customdata=[[fmt_usd(y), f"{y / tot:.0%}" if tot > 0 else ""] for y, tot in zip(ys, totals)],
                hovertemplate="%{x}: %{customdata[0]} (%{customdata[1]})<extra>"
                + i18n.t(f"cat.{cat}", lang)
                + "</extra>",
            )
        )
    totals = [sum(parts[a].values()) for a in archs]
    fig.add_trace(
        go.Scatter(
            x=names,
            y=totals,
            mode="text",
            text=[fmt_usd(v) for v in totals],
            textposition="top center",
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    if totals:
        fig.update_yaxes(range=[0, max(totals) * 1.15])
    return fig


def breakeven_map(ratio: Any, x_field: str, y_field: str, x_unit: str, y_unit: str, lang: str = "en"):
    """Contour of the orbit / baseline cost ratio over two inputs; the line at 1 is break-even.

    ``ratio`` is the ``cost_ratio`` DataArray of :func:`orbitdc.studies.breakeven_map`.
    """
    go = _go()
    z = ratio.transpose(y_field, x_field)
    xs = np.asarray(z[x_field].values, dtype=float)
    ysv = np.asarray(z[y_field].values, dtype=float)
    fig = _fig(
        i18n.t("wmbt.map_title", lang),
        xaxis_title=f"{i18n.field_label(x_field, lang)} [{x_unit}]" if x_unit else i18n.field_label(x_field, lang),
        yaxis_title=f"{i18n.field_label(y_field, lang)} [{y_unit}]" if y_unit else i18n.field_label(y_field, lang),
        height=460,
    )
    zz = np.log10(np.clip(np.asarray(z.values, dtype=float), 1e-6, None))
    finite = zz[np.isfinite(zz)]
    lim = max(1.0, float(np.abs(finite).max())) if finite.size else 1.0
    fig.add_trace(
        go.Heatmap(  # blue: orbit cheaper, red: dearer; the colour scale is symmetric about a ratio of 1
            x=xs,
            y=ysv,
            z=zz,
            colorscale="RdBu_r",
            zmin=-lim,
            zmax=lim,
            zsmooth="best",
            colorbar=dict(
                title=i18n.t("wmbt.ratio", lang),
                tickvals=[-1, -0.5, 0, 0.5, 1, 1.5, 2],
                ticktext=["0.1", "0.32", "1", "3.2", "10", "32", "100"],
            ),
            hovertemplate="%{x:.4g}, %{y:.4g}: 10^%{z:.2f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Contour(
            x=xs,
            y=ysv,
            z=zz,
            contours=dict(start=0, end=0, size=1, coloring="none", showlabels=False),
            line=dict(color="#111827", width=3),
            showscale=False,
            hoverinfo="skip",
            name=i18n.t("wmbt.line", lang),
        )
    )
    for axis, vals in (("x", xs), ("y", ysv)):
        if vals.size and vals.min() > 0 and vals.max() / vals.min() >= 50:
            fig.update_layout(**{f"{axis}axis_type": "log"})
    return fig


def compare_bars(a: Mapping[str, Any], b: Mapping[str, Any], label_a: str, label_b: str, lang: str = "en"):
    """Cost per million tokens of scenarios A and B, grouped by architecture (from :func:`headline`)."""
    go = _go()
    fig = _fig(i18n.t("compare.chart", lang), yaxis_title=i18n.t("costs.axis_usd_per_m", lang), barmode="group")
    archs = ("orbital", "terrestrial", "fleet")
    names = [i18n.t(f"arch.{x}", lang) for x in archs]
    for h, lab, color in ((a, label_a, "#94a3b8"), (b, label_b, COLORS["orbital"])):
        ys = [h.get(x) for x in archs]
        fig.add_trace(
            go.Bar(
                x=names,
                y=ys,
                name=lab,
                marker_color=color,
                text=[fmt_usd(y) for y in ys],
                textposition="outside",
                cliponaxis=False,
            )
        )
    fig.update_layout(legend=dict(orientation="h", y=-0.12))
    return fig


# ============================================================================ radiation and the orbit in time


def dose_altitude(
    altitude_km: Sequence[float],
    dose_gy_yr: Any,
    shielding: Sequence[float],
    point: tuple[float, float] | None,
    lang: str = "en",
):
    """Total ionising dose per year in silicon against altitude, one curve per shield (log y)."""
    go = _go()
    fig = _fig(
        i18n.t("radiation.title", lang),
        xaxis_title=i18n.t("radiation.axis_h", lang),
        yaxis_title=i18n.t("radiation.axis_dose", lang),
        legend=dict(orientation="h", y=-0.18),
    )
    dose = np.asarray(dose_gy_yr, dtype=float)
    greys = ("#93c5fd", "#3b82f6", "#1e3a8a", "#0f172a")
    for j, s in enumerate(shielding):
        fig.add_trace(
            go.Scatter(
                x=np.asarray(altitude_km),
                y=dose[:, j],
                mode="lines",
                name=i18n.t("radiation.curve", lang, s=fmt_num(float(s), 3)),
                line=dict(color=greys[j % len(greys)], width=2.5),
                hovertemplate="%{x:.0f} km: %{y:.3g} Gy/yr<extra></extra>",
            )
        )
    if point is not None and all(p is not None and math.isfinite(p) and p > 0 for p in point):
        _mark_scenario(
            fig,
            point,
            i18n.t("radiation.point", lang),
            f"{point[0]:.0f} km, {fmt_num(point[1], 3)} Gy/yr",
            "top left",
            "%{x:.0f} km: %{y:.3g} Gy/yr",
        )
    fig.update_yaxes(type="log")
    return fig


def orbit_traces(
    time_min: Sequence[float],
    soc: Sequence[float],
    radiator_c: Sequence[float],
    array_c: Sequence[float],
    lang: str = "en",
):
    """One orbit at its periodic steady state: battery state of charge and temperatures."""
    go = _go()
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08)
    fig.update_layout(_fig(i18n.t("transient.title", lang)).layout)
    t = np.asarray(time_min, dtype=float)
    fig.add_trace(
        go.Scatter(
            x=t,
            y=100.0 * np.asarray(soc, dtype=float),
            mode="lines",
            name=i18n.t("transient.soc", lang),
            line=dict(color=COLORS["orbital"], width=2.5),
            hovertemplate="%{x:.1f} min: %{y:.1f} %<extra></extra>",
        ),
        row=1,
        col=1,
    )
    for y, key, color in ((radiator_c, "transient.radiator", "#dc2626"), (array_c, "transient.array", "#f59e0b")):
        fig.add_trace(
            go.Scatter(
                x=t,
                y=np.asarray(y, dtype=float),
                mode="lines",
                name=i18n.t(key, lang),
                line=dict(color=color, width=2),
                hovertemplate="%{x:.1f} min: %{y:.1f} °C<extra></extra>",
            ),
            row=2,
            col=1,
        )
    fig.update_yaxes(title_text=i18n.t("transient.axis_soc", lang), row=1, col=1)
    fig.update_yaxes(title_text=i18n.t("transient.axis_t", lang), row=2, col=1)
    fig.update_xaxes(title_text=i18n.t("transient.axis_time", lang), row=2, col=1)
    fig.update_layout(legend=dict(orientation="h", y=-0.2))
    return fig
