"""``orbitdc sweep``, ``orbitdc montecarlo`` and ``orbitdc tornado``: studies from the shell.

Each command loads a scenario like ``orbitdc evaluate`` (a preset name or TOML file plus
``--set`` overrides), runs the study in :mod:`orbitdc.studies` and writes CSV (``.csv``) or
NetCDF (``.nc``) with ``-o FILE``; a summary goes to standard output.  ``--scheduler
ADDRESS`` runs the chunks on a Dask cluster (``tcp://host:8786``), ``--chunks N`` sets the
rows per task.

Examples
--------
::

    orbitdc sweep dawn-dusk-650 --grid launch.price_per_kg=100:3000:30 \\
        --grid compute.chip_price=10000,25000,40000 -o sweep.nc
    orbitdc montecarlo dawn-dusk-650 --n 100000 --dist launch.price_per_kg=lognormal:1500:0.5 -o mc.csv
    orbitdc tornado dawn-dusk-650 --sobol -o tornado.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import ScenarioError

__all__ = ["register", "parse_grid_values", "parse_distribution"]


GRID_POINTS_MAX = 10**8
"""Most points one ``--grid`` range may ask for (the sweep's memory budget is checked after)."""


def parse_grid_values(key: str, text: str) -> Any:
    """Read a ``--grid`` value list.

    ``a,b,c``: the listed values (numbers in the field's unit, ``"550 km"``, or choice names);
    ``start:stop:num``: ``num`` evenly spaced values; ``log:start:stop:num``: geometrically
    spaced values.
    """
    import numpy as np

    text = text.strip()
    parts = text.split(":")
    if len(parts) in (3, 4) and "," not in text:
        geo = parts[0].strip().lower() == "log"
        if len(parts) == 4 and not geo:
            raise ScenarioError(key, text, "start:stop:num or log:start:stop:num", "unknown range form")
        a, b, num = parts[-3:]
        try:
            a_, b_, n_ = float(a), float(b), int(num)
        except ValueError:
            raise ScenarioError(
                key, text, "start:stop:num with numbers in the field's unit", "cannot read the range"
            ) from None
        if n_ < 1:
            raise ScenarioError(key, text, "num >= 1", "a range needs at least one point")
        if n_ > GRID_POINTS_MAX:
            raise ScenarioError(
                key, text, f"num <= {GRID_POINTS_MAX}", "more points per axis than any sweep can hold in memory"
            )
        if geo:
            if a_ <= 0 or b_ <= 0:
                raise ScenarioError(key, text, "positive start and stop", "a geometric range needs positive ends")
            return np.geomspace(a_, b_, n_)
        return np.linspace(a_, b_, n_)
    items = [t.strip() for t in text.split(",") if t.strip()]
    if not items:
        raise ScenarioError(key, text, "a,b,c or start:stop:num", "no values")
    return items


def parse_distribution(key: str, text: str) -> Any:
    """Read a ``--dist`` specification into a :mod:`orbitdc.studies` distribution.

    ``uniform:LOW:HIGH``, ``normal:MEAN:SD``, ``lognormal:MEDIAN:SIGMA``,
    ``triangular:LOW:MODE:HIGH``, ``choice:a=1,b=2`` or ``spread`` (the field's declared
    range, triangular around the scenario value).  Numbers are in the field's unit.
    """
    from . import studies

    text = text.strip()
    name, _, rest = text.partition(":")
    name = name.strip().lower()
    if name in ("spread", "default"):
        return None
    if name == "choice":
        opts = {}
        for item in rest.split(","):
            c, eq, w = item.partition("=")
            if not c.strip():
                continue
            try:
                opts[c.strip()] = float(w) if eq else 1.0
            except ValueError:
                raise ScenarioError(key, text, "choice:a=weight,b=weight", "cannot read a weight") from None
        return studies.Choice(opts)
    args = [a.strip() for a in rest.split(":")] if rest else []
    conv = []
    for a in args:
        try:
            conv.append(float(a))
        except ValueError:
            conv.append(a)  # a quantity string such as "1500 USD/kg"
    return (name, *conv)


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, sep, val = item.partition("=")
        if not sep or not key.strip():
            raise ScenarioError(what, item, "KEY=VALUE", "missing '='")
        out.append((key.strip(), val.strip().strip('"').strip("'")))
    return out


def _keys(text: str | None) -> list[str] | None:
    if not text:
        return None
    return [k.strip() for k in text.split(",") if k.strip()]


def _client(args):
    if not getattr(args, "scheduler", None):
        return None
    from distributed import Client

    return Client(args.scheduler)


def _write(obj, path: str, kind: str) -> None:
    """Write a Dataset (or DataFrame) to ``.csv`` or ``.nc``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        df = obj.to_dataframe() if hasattr(obj, "to_dataframe") and not hasattr(obj, "to_csv") else obj
        df.to_csv(p)
    elif suffix in (".nc", ".netcdf", ".nc4"):
        ds = obj if hasattr(obj, "to_netcdf") else obj.to_xarray()
        _to_netcdf(ds, p)
    else:
        raise ScenarioError("-o", path, "a file name ending in .csv or .nc", f"unknown format for the {kind} output")
    print(f"wrote {p}", file=sys.stderr)


def _to_netcdf(ds, path: Path) -> None:
    """NetCDF with whatever engine is installed (netCDF4, h5netcdf, else scipy's NetCDF3)."""
    import numpy as np

    ds = ds.copy()
    for name in list(ds.variables):
        v = ds[name]
        if v.dtype == object:
            ds[name] = v.astype(str)
    ds.attrs = {k: (str(v) if not isinstance(v, (int, float, str)) else v) for k, v in ds.attrs.items()}
    try:
        ds.to_netcdf(path)
    except (ValueError, ImportError):
        enc = {n: {"dtype": "i1"} for n in ds.data_vars if ds[n].dtype == np.bool_}
        ds.to_netcdf(path, engine="scipy", encoding=enc)


def cmd_sweep(args) -> int:
    from . import studies
    from .cli import _load
    from .studies.execution import keep_heap

    keep_heap()  # this process runs only the study: let it reuse its freed chunk arrays

    scn = _load(args.scenario, args.sets)
    grid = {k: parse_grid_values(k, v) for k, v in _pairs(args.grid, "--grid")}
    client = _client(args)
    try:
        ds = studies.sweep(scn, grid, _keys(args.outputs), client=client, chunks=args.chunks, threads=args.threads)
    finally:
        if client is not None:
            client.close()
    df = ds.to_dataframe()
    if args.out:
        _write(ds, args.out, "sweep")
        print(f"sweep: {df.shape[0]} grid points x {len(ds.data_vars)} outputs")
    else:
        df.to_csv(sys.stdout)
    return 0


def cmd_montecarlo(args) -> int:
    from . import studies
    from .cli import _load
    from .studies.execution import keep_heap

    keep_heap()  # this process runs only the study: let it reuse its freed chunk arrays

    scn = _load(args.scenario, args.sets)
    dists = {k: parse_distribution(k, v) for k, v in _pairs(args.dist, "--dist")} or None
    if args.fields:
        dists = dict(dists or {})
        for k in _keys(args.fields):
            dists.setdefault(k, None)
    try:
        pct = [float(x) for x in args.percentiles.split(",") if x.strip()]
    except ValueError:
        raise ScenarioError(
            "--percentiles", args.percentiles, "numbers in [0, 100], comma separated", "cannot read"
        ) from None
    client = _client(args)
    try:
        res = studies.monte_carlo(
            scn,
            dists,
            args.n,
            seed=args.seed,
            outputs=_keys(args.outputs),
            percentiles=pct,
            keep_samples=bool(args.out) and not args.no_samples or False,
            client=client,
            chunks=args.chunks,
            threads=args.threads,
        )
    finally:
        if client is not None:
            client.close()
    print(res.summary())
    if args.out:
        if res.samples is None:
            _write(res.stats, args.out, "montecarlo")
        else:
            _write(res.samples, args.out, "montecarlo")
    return 0


def cmd_tornado(args) -> int:
    from . import studies
    from .cli import _load
    from .studies.execution import keep_heap

    keep_heap()  # this process runs only the study: let it reuse its freed chunk arrays

    scn = _load(args.scenario, args.sets)
    fields: Any = _keys(args.fields)
    if args.field:
        fields = {k: None for k in (fields or [])}
        for k, v in _pairs(args.field, "--field"):
            lo, sep, hi = v.partition(":")
            if not sep:
                raise ScenarioError(k, v, "LOW:HIGH in the field's unit", "missing ':'")
            fields[k] = (_num_or_str(lo), _num_or_str(hi))
    client = _client(args)
    try:
        res = studies.tornado(
            scn, fields, args.output, sobol=args.sobol, n=args.n, seed=args.seed, client=client, chunks=args.chunks
        )
    finally:
        if client is not None:
            client.close()
    print(res)
    if res.sobol is not None:
        conv = bool(res.sobol["converged"].sel(output=res.output))
        print(
            f"Sobol indices: n = {res.sobol.attrs['n']}, {res.sobol.attrs['evaluations']} evaluations, converged: {conv}"
        )
    if args.out:
        _write(res.table, args.out, "tornado")
    return 0


def _num_or_str(t: str):
    try:
        return float(t)
    except ValueError:
        return t.strip()


def _add_common(p: argparse.ArgumentParser) -> None:
    from .cli import _add_scenario_args

    _add_scenario_args(p)
    p.add_argument("-o", "--out", metavar="FILE", help="write results to FILE (.csv or .nc)")
    p.add_argument("--chunks", type=int, default=None, metavar="N", help="rows per task (runs on Dask)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")


def _add_threads(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        metavar="N",
        help="threads for the chunks in this process (default: ORBITDC_THREADS, else the CPUs available, at most 8)",
    )


def register(subparsers) -> None:
    """Add the ``sweep``, ``montecarlo`` and ``tornado`` subcommands to ``orbitdc``."""
    p = subparsers.add_parser(
        "sweep",
        help="full-factorial sweep of fields; CSV to stdout or -o FILE (.csv/.nc)",
        description="Evaluate every combination of the --grid values. "
        "Values are in each field's unit (see `orbitdc fields`).",
    )
    _add_common(p)
    p.add_argument(
        "--grid",
        action="append",
        required=True,
        metavar="KEY=VALUES",
        help="a,b,c | start:stop:num | log:start:stop:num (repeatable)",
    )
    _add_threads(p)
    p.add_argument(
        "--outputs", metavar="KEY,KEY", help="output keys (default: costs per million tokens and key physics)"
    )
    p.set_defaults(func=cmd_sweep)

    p = subparsers.add_parser(
        "montecarlo",
        help="Monte Carlo over uncertain fields; summary, -o FILE for the samples",
        description="Seeded Monte Carlo on the vectorised pipeline. Without --dist or --fields, "
        "every field with a declared spread is sampled (triangular around the scenario value).",
    )
    _add_common(p)
    p.add_argument("--n", type=int, default=10_000, help="number of samples (default 10000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument(
        "--dist",
        action="append",
        default=[],
        metavar="KEY=SPEC",
        help="uniform:LOW:HIGH | normal:MEAN:SD | lognormal:MEDIAN:SIGMA | triangular:LOW:MODE:HIGH | "
        "choice:a=W,b=W | spread (repeatable)",
    )
    p.add_argument("--fields", metavar="KEY,KEY", help="sample these fields over their declared spread")
    p.add_argument(
        "--outputs", metavar="KEY,KEY", help="output keys (default: costs per million tokens and key physics)"
    )
    p.add_argument("--percentiles", default="5,50,95", help="comma-separated percentiles (default 5,50,95)")
    p.add_argument("--no-samples", action="store_true", help="stream statistics only; -o then writes the summary table")
    _add_threads(p)
    p.set_defaults(func=cmd_montecarlo)

    p = subparsers.add_parser(
        "tornado",
        help="one-at-a-time low/high swings, ranked (--sobol adds Sobol indices)",
        description="Swing each field between its low and high value with the others at the scenario value.",
    )
    _add_common(p)
    p.add_argument("--output", default="cost_per_million_tokens.orbital", metavar="KEY", help="output studied")
    p.add_argument(
        "--fields", metavar="KEY,KEY", help="fields to swing over their declared spread (default: all with a spread)"
    )
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="KEY=LOW:HIGH",
        help="a field with an explicit range (repeatable)",
    )
    p.add_argument("--sobol", action="store_true", help="also compute Sobol indices with bootstrap intervals")
    p.add_argument("--n", type=int, default=2048, help="Sobol base sample size (default 2048)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.set_defaults(func=cmd_tornado)
