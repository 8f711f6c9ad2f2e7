"""A one-page PDF report of a scenario: the headline with its uncertainty, the cost breakdown, the changed inputs.

Made offline with matplotlib's PDF backend (no browser, no download): an A4 page with

* the verdict sentence and the three costs per million tokens with their p5-p95 range and the
  probability that orbit is cheaper (:func:`orbitdc.breakdown.headline_uncertainty`);
* what decides the orbital cost (:func:`orbitdc.breakdown.deciding_factor`) and the workload;
* the seven-category breakdown of the three architectures side by side
  (:func:`orbitdc.breakdown.cost_breakdown`);
* every input changed from the preset, with the preset's value, this scenario's and the
  field's source.

From the shell: ``orbitdc report PRESET -o report.pdf``; in the app: Compare and export ->
Share and export -> One-page report.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any

__all__ = ["report_pdf", "write_report", "report_lines", "register"]

_A4 = (8.27, 11.69)  # inches


def _base_of(scn: Any):
    from . import presets

    if scn.name and scn.name in presets.names():
        return presets.load(scn.name)
    return None


def _changed(scn: Any, base: Any, lang: str) -> list[tuple[str, str, str, str]]:
    """(label, preset value, this value, source) of every input that differs from ``base``."""
    from .app import i18n
    from .app.formatting import fmt_num, pretty_unit
    from .app.url_state import same_value
    from .scenario import field_spec

    rows = []
    if base is None:
        return rows
    for key in scn.keys():
        a, b = base.raw(key), scn.raw(key)
        if same_value(a, b):
            continue
        f = field_spec(key)
        unit = "" if (f.is_choice or f.is_bool) else (i18n.unit_label(key) or pretty_unit(f.unit))

        def show(v, _f=f, _k=key, _u=unit):
            if _f.is_choice:
                return i18n.choice_label(_k, v, lang)
            if _f.is_bool:
                return str(bool(v))
            return f"{fmt_num(float(v), 4)} {_u}".strip()

        rows.append((f"{i18n.field_label(key, lang)} ({key})", show(a), show(b), f.source or ""))
    return rows


def report_lines(scenario: Any, base: Any = None, lang: str = "en", n: int = 8000, seed: int = 0) -> dict[str, Any]:
    """The report's content as text and numbers (what :func:`report_pdf` draws).

    Returns
    -------
    dict
        ``title``, ``verdict``, ``rows`` (architecture, cost, 90 % range), ``prob``, ``deciding``,
        ``workload``, ``parts`` (the breakdown), ``changed`` (label, preset, this, source), ``footer``.
    """
    from . import __version__
    from .app import i18n, verdict
    from .app.formatting import fmt_ratio, fmt_usd
    from .breakdown import cost_breakdown, deciding_factor, headline_uncertainty
    from .model import evaluate

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    res = evaluate(scenario)
    h = verdict.headline(res)
    h["binding"] = None
    parts = cost_breakdown(res)
    d = deciding_factor(res, parts)
    u = headline_uncertainty(scenario, n=n, seed=seed)
    _level, sentence = verdict.verdict(h, lang)
    cat = t(f"cat.{d.category}")
    sentence += t("verdict.deciding", cat=cat.lower() if lang == "en" else cat, share=f"{d.share:.0%}")
    rows = [
        (
            t(f"metric.{a}"),
            fmt_usd(h[a]),
            t("band.range", mid=fmt_usd(u["p50"][a]), lo=fmt_usd(u["p5"][a]), hi=fmt_usd(u["p95"][a])),
        )
        for a in ("orbital", "terrestrial", "fleet")
    ]
    pc = u["p_cheaper"]
    pct = lambda p: "< 0.1 %" if 0 < p < 0.001 else f"{p:.0%}"  # noqa: E731
    prob = t("band.prob", pt=pct(pc["terrestrial"]), pf=pct(pc["fleet"]), n=f"{u['n']:,}", fields=u["fields"])
    deciding = t("metric.deciding") + ": " + t("deciding.value", cat=cat, share=f"{d.share:.0%}")
    deciding += ", " + t("deciding.then", cat=t(f"cat.{d.runner_up}"), share=f"{d.runner_up_share:.0%}")
    if d.limit:
        deciding += ". " + t("deciding.limit", limit=i18n.binding_label(d.limit, lang))
    ratios = (
        f"{t('metric.ratio_t')} {fmt_ratio(h['ratio_terrestrial'], lang)}   "
        f"{t('metric.ratio_f')} {fmt_ratio(h['ratio_fleet'], lang)}"
    )
    name = scenario.name or "scenario"
    base = base if base is not None else _base_of(scenario)
    title = i18n.preset_title(name, lang) if base is not None else name
    return {
        "title": t("app.title"),
        "scenario": t("app.scenario", title=title).replace("**", ""),
        "verdict": sentence.replace("**", ""),
        "rows": rows,
        "ratios": ratios,
        "prob": prob.replace("**", ""),
        "deciding": deciding,
        "workload": verdict.workload_line(scenario, res, lang) or "",
        "parts": parts,
        "changed": _changed(scenario, base, lang),
        "footer": f"orbitdc {__version__} · seed {seed} · {u['n']:,} Monte Carlo samples · made offline",
    }


def report_pdf(scenario: Any, base: Any = None, lang: str = "en", n: int = 8000, seed: int = 0) -> bytes:
    """The one-page PDF report of ``scenario`` as bytes.

    Parameters
    ----------
    scenario : Scenario or preset name
    base : Scenario, optional
        What "changed" is measured against (default: the preset the scenario is named after).
    lang : "en" or "ja"
    n, seed : Monte Carlo samples and seed of the uncertainty.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    from . import presets
    from .app import i18n
    from .app.charts import CATEGORY_COLORS
    from .app.formatting import fmt_usd

    if isinstance(scenario, str):
        name = scenario
        scenario = presets.load(name)
        scenario.name = name
    c = report_lines(scenario, base, lang, n, seed)
    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    fonts = ["DejaVu Sans", "Noto Sans CJK JP"] if lang == "ja" else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": fonts, "pdf.fonttype": 42, "font.size": 9, "text.parse_math": False}):
        fig = Figure(figsize=_A4)
        y = 0.965

        def text(s, size=9, weight="normal", width=110, dy=None, color="#111827"):
            nonlocal y
            lines = textwrap.wrap(s, width=width if lang == "en" else width // 2) or [""]
            for ln in lines:
                fig.text(0.06, y, ln, fontsize=size, weight=weight, color=color, va="top")
                y -= dy or size * 0.0019
            return y

        text(c["title"], 16, "bold")
        y -= 0.004
        text(c["scenario"], 10)
        y -= 0.006
        text(c["verdict"], 10, "bold", width=95)
        y -= 0.008
        # headline table
        for label, cost, rng in c["rows"]:
            fig.text(0.06, y, label, fontsize=10, va="top")
            fig.text(0.36, y, f"{cost} / M tokens" if lang == "en" else cost, fontsize=11, weight="bold", va="top")
            fig.text(0.60, y, rng, fontsize=9, va="top", color="#374151")
            y -= 0.022
        text(c["ratios"], 9)
        text(c["prob"], 8.5, width=120)
        y -= 0.004
        text(c["deciding"], 9, "bold", width=120)
        if c["workload"]:
            text(c["workload"], 8.5, width=120, color="#374151")
        y -= 0.035
        # breakdown chart
        h_ax = 0.30
        ax = fig.add_axes((0.10, y - h_ax, 0.62, h_ax))
        parts = c["parts"]
        archs = list(parts)
        xs = range(len(archs))
        bottom = [0.0] * len(archs)
        for cat, color in CATEGORY_COLORS.items():
            vals = [parts[a][cat] for a in archs]
            ax.bar(xs, vals, 0.6, bottom=bottom, color=color, label=t(f"cat.{cat}"))
            bottom = [b + v for b, v in zip(bottom, vals)]
        for x, tot in zip(xs, bottom):
            ax.text(x, tot, fmt_usd(tot), ha="center", va="bottom", fontsize=9, weight="bold")
        ax.set_xticks(list(xs), [t(f"arch.{a}") for a in archs])
        ax.set_ylabel(t("costs.axis_usd_per_m"))
        ax.set_ylim(0, max(bottom) * 1.15 if max(bottom) > 0 else 1)
        ax.set_title(t("breakdown.title"), fontsize=11, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
        y -= h_ax + 0.045
        # changed inputs
        text(t("compare.inputs") + f" ({len(c['changed'])})", 11, "bold")
        y -= 0.003
        if not c["changed"]:
            text(t("report.same"), 9)
        for label, a, b, src in c["changed"][:14]:
            text(f"{label}: {a} → {b}", 8.5, width=120)
            if src:
                text(src[:230], 7, width=150, color="#4b5563")
            if y < 0.07:
                break
        if len(c["changed"]) > 14 or y < 0.07:
            text(f"… {len(c['changed'])} in all (see the scenario TOML for every value and source)", 7.5)
        fig.text(0.06, 0.025, c["footer"], fontsize=7, color="#6b7280")
        # no ligatures: the PDF's text stays searchable and copyable letter by letter ("fleet", "differ")
        for txt in fig.findobj(lambda o: hasattr(o, "set_fontfeatures")):
            txt.set_fontfeatures(["-liga", "-clig"])
        buf = io.BytesIO()
        fig.savefig(
            buf,
            format="pdf",
            metadata={"Title": f"orbitdc report: {scenario.name or 'scenario'}", "Creator": "orbitdc"},
        )
    return buf.getvalue()


def write_report(scenario: Any, path: str | Path, **kw: Any) -> Path:
    """Write :func:`report_pdf` of ``scenario`` to ``path``; returns the path."""
    path = Path(path)
    path.write_bytes(report_pdf(scenario, **kw))
    return path


# ---------------------------------------------------------------------------- CLI


def cmd_report(args) -> int:
    from .cli import _load
    from .errors import ScenarioError

    scn = _load(args.scenario, args.sets)
    if args.scenario and not str(args.scenario).endswith(".toml"):
        scn.name = args.scenario
    if args.n < 100:
        raise ScenarioError("--n", args.n, ">= 100", "Monte Carlo samples of the report's uncertainty")
    out = write_report(scn, args.out, lang=args.lang, n=args.n, seed=args.seed)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} kB)")
    return 0


def register(subparsers) -> None:
    """Add ``orbitdc report SCENARIO -o FILE.pdf``."""
    from .cli import _add_scenario_args

    p = subparsers.add_parser(
        "report",
        help="one-page PDF: headline with uncertainty, cost breakdown, changed inputs (-o FILE.pdf)",
        description="A one-page PDF report of the scenario, made offline with matplotlib.",
    )
    _add_scenario_args(p)
    p.add_argument("-o", "--out", required=True, help="PDF file to write")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="language (default en)")
    p.add_argument("--n", type=int, default=8000, help="Monte Carlo samples of the uncertainty (default 8000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.set_defaults(func=cmd_report)
