"""``orbitdc trajectory`` and ``orbitdc parity``: the year axis from the shell.

Examples
--------
::

    orbitdc trajectory tco-bull --years 2026:2050
    orbitdc trajectory dawn-dusk-650 --n 10000 -o trajectory.nc
    orbitdc parity suncatcher --n 100000
"""

from __future__ import annotations

import math

import numpy as np

from .errors import ScenarioError

__all__ = ["register", "trajectory_table"]

_SHORT = {"orbital": "orbit", "terrestrial": "ground", "fleet": "fleet"}


def _fmt(x: float) -> str:
    if not math.isfinite(x):
        return "-"
    return f"{x:.4g}"


def trajectory_table(ds) -> str:
    """The three costs per million tokens by year as text (p5/p50/p95 when sampled)."""
    from .studies.trajectories import COSTS

    sampled = f"{COSTS[0]}.p50" in ds
    cols = []
    for k in COSTS:
        name = _SHORT[k.rsplit(".", 1)[1]]
        if sampled:
            cols += [(f"{name} p5", f"{k}.p5"), (f"{name} p50", f"{k}.p50"), (f"{name} p95", f"{k}.p95")]
        else:
            cols.append((name, k))
    ratio = "economics.ratio_orbital_terrestrial"
    if ratio in ds:
        cols.append(("orbit/ground", f"{ratio}.p50" if sampled else ratio))
    head = ["year"] + [c for c, _ in cols]
    rows = [head]
    for i, y in enumerate(ds["year"].values):
        rows.append([str(int(y))] + [_fmt(float(ds[v].values[i])) if v in ds else "-" for _, v in cols])
    width = [max(len(r[j]) for r in rows) for j in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, width)) for r in rows]
    unit = "USD per million tokens" + (" (percentiles over the samples; ratio: median)" if sampled else "")
    return "\n".join([f"Cost per million tokens by year, {unit}:"] + lines)


def cmd_trajectory(args) -> int:
    from . import studies
    from .cli import _load
    from .cli_studies import _client, _write

    scn = _load(args.scenario, args.sets)
    client = _client(args)
    try:
        ds = studies.trajectory(
            scn,
            args.years,
            n=args.n,
            seed=args.seed,
            client=client,
            chunks=args.chunks,
            keep_samples=bool(args.out) and args.n > 0 and not args.no_samples,
        )
    finally:
        if client is not None:
            client.close()
    print(trajectory_table(ds))
    if args.out:
        _write(ds, args.out, "trajectory")
    return 0


def cmd_parity(args) -> int:
    from . import studies
    from .cli import _load
    from .cli_studies import _client, _write

    scn = _load(args.scenario, args.sets)
    if args.n < 0:
        raise ScenarioError("--n", args.n, ">= 0", "number of Monte Carlo samples")
    client = _client(args)
    try:
        res = studies.parity(scn, args.years, n=args.n, seed=args.seed, client=client, chunks=args.chunks)
    finally:
        if client is not None:
            client.close()
    print(res.summary(top=args.top))
    if args.sobol:
        for b in ("terrestrial", "fleet"):
            ds = studies.parity_sobol(scn, args.years, n=args.sobol_n, seed=args.seed, baseline=b, top=max(args.top, 6))
            print(_sobol_text(ds, b))
    if args.out:
        _write(res.to_dataset(), args.out, "parity")
    return 0


def _sobol_text(ds, baseline: str) -> str:
    """The Sobol indices of the parity year (and of the distance to parity) as a table."""
    a = ds.attrs
    lines = [
        f"  Sobol indices vs {baseline} (n = {a['n']}, {a['evaluations']} year-evaluations; "
        f"no parity by {a['censored_at'] - 1} counted as {a['censored_at']}: "
        f"{100 * a['share_censored']:.1f} % of samples)",
        f"    {'input':<40} {'S1 year':>8} {'ST year':>8} {'S1 gap':>8} {'ST gap':>8}",
    ]
    py, mr = ds.sel(output="parity_year"), ds.sel(output="min_ratio")
    order = np.argsort(-(py["ST"].values + 1e-9 * mr["ST"].values))
    for i in order:
        f = str(ds["field"].values[i])
        lines.append(
            f"    {f:<40} {py['S1'].values[i]:>8.3f} {py['ST'].values[i]:>8.3f} "
            f"{mr['S1'].values[i]:>8.3f} {mr['ST'].values[i]:>8.3f}"
        )
    lines.append("    (year: first parity year; gap: lowest orbital/baseline cost ratio over the years)")
    return "\n".join(lines)


def _add_year_args(p, n: int, n_help: str) -> None:
    """The scenario, output and Dask options, and ``--years``, ``--n`` and ``--seed``."""
    from .cli_studies import _add_common

    _add_common(p)
    p.add_argument("--years", default="2026:2050", metavar="FIRST:LAST", help="years (default 2026:2050)")
    p.add_argument("--n", type=int, default=n, help=n_help)
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def register(subparsers) -> None:
    """Add the ``trajectory`` and ``parity`` subcommands to ``orbitdc``."""
    p = subparsers.add_parser(
        "trajectory",
        help="the three costs by year (p5/p50/p95 with --n); -o FILE (.csv/.nc)",
        description="Price the scenario in every year: learning curves, trends and technology "
        "switches of the [years] section move the inputs from the base year.",
    )
    _add_year_args(p, 0, "Monte Carlo samples (default 0: the scenario's own values)")
    p.add_argument("--no-samples", action="store_true", help="with -o: stream statistics only (bounded memory)")
    p.set_defaults(func=cmd_trajectory)

    p = subparsers.add_parser(
        "parity",
        help="parity-year distribution against the ground and the fleet, deciding inputs",
        description="First year orbit's cost per token meets each baseline, per sample; "
        "P(parity by year), median, share never, and the inputs that decide it.",
    )
    _add_year_args(p, 10_000, "Monte Carlo samples (default 10000; 0: the scenario's own values)")
    p.add_argument("--top", type=int, default=3, help="deciding inputs to print (default 3)")
    p.add_argument(
        "--sobol",
        action="store_true",
        help="also Sobol indices of the parity year for the top deciding inputs (studies.parity_sobol)",
    )
    p.add_argument("--sobol-n", type=int, default=1024, help="base sample size of the Sobol design (default 1024)")
    p.set_defaults(func=cmd_parity)
