"""``orbitdc optimize`` and ``orbitdc pareto``: the best design from the shell.

Examples
--------
::

    orbitdc optimize dawn-dusk-650                       # every design field over its range
    orbitdc optimize dawn-dusk-650 --vary orbit.altitude=400:1500 --vary power.payload_power=20:500 \\
        --vary launch.vehicle=falcon9-reusable,falcon-heavy --constraint "links.latency<=25 ms" --seed 1
    orbitdc optimize dawn-dusk-650 --objective cost_per_million_tokens.terrestrial   # the best ground
    orbitdc optimize dawn-dusk-650 --vs-ground            # best orbit against best ground
    orbitdc optimize dawn-dusk-650 --by-year              # ... in 2026, 2030, 2035 ... 2050
    orbitdc optimize dawn-dusk-650 --years 2026:2050:4 -o best_by_year.csv
    orbitdc pareto dawn-dusk-650 --vary orbit.altitude=400:1500 --vary power.payload_power=20:500 \\
        --objective cost_per_million_tokens.orbital --objective launch.mass_per_kw -o front.csv
"""

from __future__ import annotations

import sys
from typing import Any

from .errors import ScenarioError

__all__ = ["parse_vary", "register"]


def parse_vary(items: list[str]) -> dict[str, Any] | None:
    """``FIELD=LOW:HIGH`` (a range in the field's unit) or ``FIELD=a,b,c`` (options)."""
    if not items:
        return None
    out: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        key, text = key.strip(), text.strip().strip('"').strip("'")
        if not sep or not key or not text:
            raise ScenarioError("--vary", item, "FIELD=LOW:HIGH or FIELD=a,b,c", "missing '=' or values")
        if ":" in text and "," not in text:
            lo, _, hi = text.partition(":")
            out[key] = (_number(lo), _number(hi))
        else:
            vals = [t.strip() for t in text.split(",") if t.strip()]
            out[key] = [_option(v) for v in vals]
    return out


def _number(t: str) -> Any:
    t = t.strip()
    try:
        return float(t)
    except ValueError:
        return t  # a unit string such as "550 km"; the field parses it


def _option(t: str) -> Any:
    low = t.lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        return float(t)
    except ValueError:
        return t


def cmd_optimize(args) -> int:
    from .cli import _load
    from .studies import design_comparison as cmp
    from .studies import optimizer as opt

    scn = _load(args.scenario, args.sets)
    variables = parse_vary(args.vary)
    if args.by_year or args.years:
        b = cmp.best_by_year(scn, args.years, seed=args.seed, constraints=args.constraint, variables=variables)
        t = b.table
        print(f"Best orbit against best ground by year, scenario {scn.name or '(custom)'} (USD per million tokens)\n")
        print(b.summary())
        print(
            f"\n{int(t['evaluations'].sum())} designs in {t['wall_time'].sum():.1f} s; "
            "'as given' is the ratio of the scenario's own designs in that year"
        )
        if args.output:
            t.to_csv(args.output, index=False)
            print(f"table written to {args.output}")
        return 0
    if args.vs_ground:
        r = cmp.best_vs_ground(scn, seed=args.seed, constraints=args.constraint)
        print(f"Best orbit against best ground, scenario {scn.name or '(custom)'}\n")
        print(r.orbit.summary())
        print()
        print(r.ground.summary())
        print()
        print(f"ratio best orbit / best ground: {r.ratio:.4g}  (as given: {r.start_ratio:.4g})")
        return 0
    res = opt.optimize(scn, variables, objective=args.objective, constraints=args.constraint, seed=args.seed)
    print(f"Optimised scenario {scn.name or '(custom)'}; search space:")
    for s in res.search_space:
        print(f"  {s}")
    print(res.summary())
    if args.output:
        res.scenario.name = (scn.name or "scenario") + "-optimised"
        res.scenario.to_toml(args.output)
        print(f"best design written to {args.output}")
    return 0


def cmd_pareto(args) -> int:
    from .cli import _load
    from .studies import pareto_front as pf

    scn = _load(args.scenario, args.sets)
    objectives = args.objective or ["cost_per_million_tokens.orbital", "launch.mass_per_kw"]
    df = pf.pareto(
        scn,
        parse_vary(args.vary),
        objectives,
        constraints=args.constraint,
        seed=args.seed,
        generations=args.generations,
        popsize=args.popsize,
    )
    a = df.attrs
    print(
        f"Pareto front: {len(df)} designs, {a['evaluations']} evaluated in {a['wall_time']:.2f} s (seed {a['seed']})",
        file=sys.stderr,
    )
    if args.output:
        df.to_csv(args.output, index=False)
    else:
        df.to_csv(sys.stdout, index=False)
    return 0


def register(subparsers) -> None:
    """Add ``optimize`` and ``pareto`` to ``orbitdc``."""
    from .cli import _add_scenario_args

    p = subparsers.add_parser(
        "optimize",
        help="the best design for the scenario's assumptions (optionally constrained)",
        description="Search design fields for the least cost per million tokens (or any output). "
        "Without --vary, every design field of the scenario (see `orbitdc fields`, "
        "role 'design') that moves the objective is searched over its declared range.",
    )
    _add_scenario_args(p)
    p.add_argument(
        "--vary",
        action="append",
        default=[],
        metavar="FIELD=LOW:HIGH|a,b,c",
        help="a range in the field's unit or a list of options (repeatable)",
    )
    p.add_argument(
        "--objective",
        default="cost_per_million_tokens.orbital",
        metavar="KEY",
        help="output to minimise (max:KEY maximises); default cost_per_million_tokens.orbital",
    )
    p.add_argument(
        "--constraint",
        action="append",
        default=[],
        metavar="KEY<=VALUE",
        help='a limit on any output, e.g. "links.latency<=25 ms" (repeatable)',
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--vs-ground", action="store_true", help="optimise the orbit and the ground separately and compare")
    p.add_argument(
        "--by-year",
        action="store_true",
        help="best orbit against best ground in each year (default 2026, 2030, 2035 ... 2050)",
    )
    p.add_argument(
        "--years",
        metavar="FIRST:LAST[:STEP]",
        help="years of --by-year (implies it), e.g. 2026:2050:4 or 2030",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the best design as a scenario file (.toml), or the --by-year table (.csv)",
    )
    p.set_defaults(func=cmd_optimize)

    p = subparsers.add_parser(
        "pareto",
        help="designs no other design beats on every objective (CSV)",
        description="NSGA-II over the --vary fields (default: the design fields); prints the "
        "non-dominated designs as CSV.",
    )
    _add_scenario_args(p)
    p.add_argument("--vary", action="append", default=[], metavar="FIELD=LOW:HIGH|a,b,c")
    p.add_argument(
        "--objective",
        action="append",
        default=[],
        metavar="KEY",
        help="an output to minimise, max:KEY to maximise (repeat; default cost and mass per kW)",
    )
    p.add_argument("--constraint", action="append", default=[], metavar="KEY<=VALUE")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--generations", type=int, default=60)
    p.add_argument("--popsize", type=int, default=100)
    p.add_argument("-o", "--output", metavar="FILE.csv")
    p.set_defaults(func=cmd_pareto)
