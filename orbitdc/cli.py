"""The ``orbitdc`` command (also ``python -m orbitdc``).

Every subcommand loads a scenario (a preset name or a TOML file, plus ``--set`` overrides)
and calls the one pipeline, :func:`orbitdc.evaluate`.  Bad input prints one clear error
line and exits with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from collections.abc import Sequence

from .errors import ScenarioError


def _load(spec: str | None, sets: Sequence[str]):
    from . import presets
    from .scenario import Scenario

    if spec is None:
        scn = presets.load(presets.DEFAULT)
    elif spec.endswith(".toml") or Path(spec).is_file():
        scn = Scenario.from_toml(Path(spec)) if Path(spec).is_file() else Scenario.from_toml(spec)
    else:
        scn = presets.load(spec)
    overrides = {}
    for item in sets:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ScenarioError("--set", item, 'KEY=VALUE, e.g. orbit.altitude="650 km"', "missing '='")
        overrides[key.strip()] = value.strip().strip('"').strip("'")
    return scn.with_overrides(overrides) if overrides else scn


def _add_scenario_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", nargs="?", help="preset name or TOML file (default: the default preset)")
    p.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help='override a field, e.g. --set orbit.altitude="550 km" (repeatable)',
    )


def cmd_evaluate(args) -> int:
    from .model import evaluate

    scn = _load(args.scenario, args.sets)
    res = evaluate(scn)
    if args.json:
        print(res.to_json(include_scenario=not args.no_scenario))
    else:
        title = scn.name or "scenario"
        print(f"orbitdc {title}" + (f" - {scn.description}" if scn.description else ""))
        print(res.table())
    return 0


def cmd_presets(args) -> int:
    from . import presets

    for name in presets.names():
        meta = presets.info(name)
        print(f"{name:<22} {meta.get('title', '')}")
    return 0


def cmd_scenario(args) -> int:
    scn = _load(args.scenario, args.sets)
    if args.json:
        print(scn.to_json())
    else:
        sys.stdout.write(scn.to_toml())
    return 0


def cmd_fields(args) -> int:
    from .scenario import Scenario, sections

    scn = _load(args.scenario, args.sets) if args.scenario or args.sets else Scenario()
    for sec in sections().values():
        print(f"[{sec.name}] {sec.title}")
        for f in sec.fields:
            key = f"{sec.name}.{f.name}"
            v = scn.raw(key)
            shown = f"{v:.6g}" if isinstance(v, float) else str(v).lower() if isinstance(v, bool) else str(v)
            print(f"  {key:<40} {shown:>16} {f.unit:<12} {f.allowed_text():<28} {f.kind:<11} {f.role:<10} {f.doc}")
    return 0


def cmd_claims(args) -> int:
    import dataclasses
    import json

    from . import claims

    scn = _load(args.scenario, args.sets)
    if args.best or args.projections or args.by_year:  # the full report (orbitdc.claims_years.report)
        from .claims_years import report

        rep = report(scn, best=args.best, projections_=args.projections, by_year=args.by_year, years=args.years)
        if args.json:
            print(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False, default=str))
        else:
            print(f"Seed-document claims checked on scenario {scn.name or '(custom)'}\n")
            print(rep.format())
        return 0
    results = claims.check(scn)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in results], indent=2, ensure_ascii=False))
    else:
        print(f"Seed-document claims checked on scenario {scn.name or '(custom)'}\n")
        print(claims.format_table(results))
    return 0


COMPARE_KEYS = (
    "cost_per_million_tokens.orbital",
    "cost_per_million_tokens.terrestrial",
    "cost_per_million_tokens.fleet",
    "economics.ratio_orbital_terrestrial",
    "economics.breakeven_price_per_kg",
    "economics.binding_constraint",
    "orbit.eclipse_fraction_mean",
    "power.array_area",
    "thermal.radiator_area",
    "launch.satellite_mass",
    "launch.mass_per_kw",
    "launch.launches",
    "launch.binding",
    "launch.deployment_time",
    "launch.launch_cost",
    "links.margin",
    "links.capacity",
    "links.latency",
    "links.token_rate_limit",
)


def cmd_compare(args) -> int:
    from . import presets
    from .model import evaluate, outputs

    names = args.presets or presets.names()
    keys = [k.strip() for k in args.keys.split(",")] if args.keys else list(COMPARE_KEYS)
    specs = outputs()
    for k in keys:
        if k not in specs:
            import difflib

            near = difflib.get_close_matches(k, list(specs), n=1)
            raise ScenarioError(
                "--keys", k, "a pipeline output key", f"did you mean {near[0]!r}?" if near else "see `orbitdc evaluate`"
            )
    results = [(n, evaluate(_load(n, args.sets))) for n in names]

    def cell(res, k):
        lab = res.label(k)
        if lab is not None:
            return lab
        return format(res.value(k), specs[k].fmt if specs[k].fmt != ".4g" else ".4g")

    header = ["output", "unit"] + names
    rows = [[k, specs[k].unit] + [cell(r, k) for _, r in results] for k in keys]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(f"`{row[0]}`" if i == 0 else row[i] for i in range(len(row))) + " |")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
        for row in [header] + rows:
            print("  ".join(str(x).ljust(w) if i < 2 else str(x).rjust(w) for i, (x, w) in enumerate(zip(row, widths))))
    return 0


def cmd_reconcile(args) -> int:
    from .reconcile import format_table, reconcile

    rows = reconcile()
    print(format_table(rows))
    return 0 if all(r.ok for r in rows) else 1


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(
        prog="orbitdc", description="Can AI inference in orbit pay? Physics and cost, side by side."
    )
    ap.add_argument("--version", action="version", version=f"orbitdc {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("evaluate", help="evaluate a preset or scenario file and print the results")
    _add_scenario_args(p)
    p.add_argument("--json", action="store_true", help="print JSON with units")
    p.add_argument("--no-scenario", action="store_true", help="with --json, omit the input scenario")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("presets", help="list the shipped presets")
    p.set_defaults(func=cmd_presets)

    p = sub.add_parser("scenario", help="print the full scenario (TOML, or JSON with --json)")
    _add_scenario_args(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scenario)

    p = sub.add_parser("claims", help="check the seed documents' claims with the model")
    _add_scenario_args(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--best", action="store_true", help="also best orbit against best ground (runs the optimiser)")
    p.add_argument("--projections", action="store_true", help="also the published projections, by year")
    p.add_argument("--by-year", action="store_true", help="also the first year each seed claim holds")
    p.add_argument("--years", default="2026:2050", metavar="FIRST:LAST", help="years of --projections/--by-year")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser(
        "reconcile", help="published figures (McCalip, Starcloud, Turyshev, Suncatcher) beside orbitdc's"
    )
    p.set_defaults(func=cmd_reconcile)

    p = sub.add_parser("compare", help="key outputs of several presets side by side")
    p.add_argument("presets", nargs="*", help="preset names (default: all)")
    p.add_argument("--keys", help="comma-separated output keys (default: a headline set)")
    p.add_argument(
        "--set", dest="sets", action="append", default=[], metavar="KEY=VALUE", help="override applied to every preset"
    )
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "fields",
        help="list every scenario field with its value, unit, range, kind, role (design or assumption) and meaning",
    )
    _add_scenario_args(p)
    p.set_defaults(func=cmd_fields)

    for extra in _EXTRA_COMMANDS:
        extra(sub)
    return ap


# Later modules (claims, studies) register subcommands here: functions taking the
# subparsers object.
_EXTRA_COMMANDS: list = []


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except ScenarioError as exc:
        print(f"orbitdc: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"orbitdc: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except (ArithmeticError, RecursionError, MemoryError) as exc:  # input too large or too deep: one line
        text = " ".join(str(exc).split())[:200] or type(exc).__name__
        print(f"orbitdc: error: {type(exc).__name__}: {text}", file=sys.stderr)
        return 2


from .cli_studies import register as _r

_EXTRA_COMMANDS.append(_r)  # noqa: E402,E702  (studies subcommands)
from .cli_optimize import register as _o

_EXTRA_COMMANDS.append(_o)  # noqa: E402,E702  (optimize, pareto)
from .cli_years import register as _ry

_EXTRA_COMMANDS.append(_ry)  # noqa: E402,E702  (year-axis subcommands)
from .cli_physics import register as _rp

_EXTRA_COMMANDS.append(_rp)  # noqa: E402,E702  (radiation, transient)
from .report import register as _rr

_EXTRA_COMMANDS.append(_rr)  # noqa: E402,E702  (one-page PDF report)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
