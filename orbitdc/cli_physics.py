"""``orbitdc radiation`` and ``orbitdc transient``: the orbit's radiation and its time behaviour from the shell.

Examples
--------
::

    orbitdc radiation dawn-dusk-650
    orbitdc radiation starlink-550 --altitudes 400,550,800,1200 --shielding 2.7,27
    orbitdc transient dawn-dusk-650
    orbitdc transient starlink-550 --csv orbit.csv
"""

from __future__ import annotations

import math

import numpy as np

from .constants import JULIAN_YEAR
from .errors import ScenarioError

__all__ = ["register", "radiation_table", "transient_table"]

YEAR = JULIAN_YEAR
DEFAULT_ALTITUDES = (300.0, 400.0, 550.0, 650.0, 800.0, 1200.0, 2000.0)
DEFAULT_SHIELDING = (2.7, 10.0, 27.0)


def _floats(text: str, name: str) -> tuple[float, ...]:
    try:
        vals = tuple(float(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise ScenarioError(name, text, "comma-separated numbers", "not a list of numbers") from None
    if not vals or not all(math.isfinite(v) for v in vals):
        raise ScenarioError(name, text, "comma-separated finite numbers", "empty or not finite")
    return vals


def radiation_table(scn, altitudes=DEFAULT_ALTITUDES, shielding=DEFAULT_SHIELDING) -> str:
    """Dose per year vs altitude and shielding, and the scenario's radiation outputs and cost per altitude."""
    for h in altitudes:
        if not 200.0 <= h <= 2000.0:
            raise ScenarioError("--altitudes", h, "[200, 2000] km", "the modelled range of orbit.altitude")
    for s in shielding:
        if not 0.0 <= s <= 200.0:
            raise ScenarioError("--shielding", s, "[0, 200] kg/m2", "the range of launch.shielding_areal_density")
    from .studies.altitude import by_altitude

    base = scn.to_si()
    t = by_altitude(scn, altitudes, shielding)
    sigma = base["launch.shielding_areal_density"]
    head = ["altitude km"] + [f"{s:g} kg/m2" for s in shielding]
    head += [f"life yr @{sigma:g}", "upsets/day", "fail %/yr", "USD/Mtok"]
    rows = [head]
    for i, h in enumerate(altitudes):
        rows.append(
            [f"{h:g}"]
            + [f"{d:.3g}" for d in t["dose_gy_per_year"][i]]
            + [
                f"{t['dose_life_yr'][i]:.3g}",
                f"{t['restarts_per_day'][i]:.3g}",
                f"{t['failures_per_year'][i] * 100:.3g}",
                f"{t['cost_per_million_tokens'][i]:.4g}",
            ]
        )
    width = [max(len(r[j]) for r in rows) for j in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, width)) for r in rows]
    cost = t["cost_per_million_tokens"]
    best = altitudes[int(np.argmin(cost))]
    return "\n".join(
        [
            f"Total ionising dose in silicon, Gy per year, behind aluminium (solar phase "
            f"{base['radiation.solar_phase']:g}); the scenario's shielding {sigma:g} kg/m2 for "
            f"dose life, upsets, radiation failures and cost:",
        ]
        + lines
        + [f"cheapest altitude of these: {best:g} km"]
    )


def transient_table(scn) -> str:
    """Periodic-state battery and temperature figures for the worst and the design eclipse."""
    from .transient import transient

    rows = [["case", "eclipse min", "SoC min", "DoD design", "radiator C", "swing K", "array C", "junction max C",
             "above limit min", "orbits", "residual"]]  # fmt: skip
    for case in ("worst", "design"):
        r = transient(scn, case)
        rows.append(
            [
                case,
                f"{r['eclipse_duration'][0] / 60:.3g}",
                f"{r['soc_min'][0]:.4f}",
                f"{r['depth_of_discharge'][0]:.3g}",
                f"{r['radiator_min'][0] - 273.15:.1f} to {r['radiator_max'][0] - 273.15:.1f}",
                f"{r['radiator_swing'][0]:.3g}",
                f"{r['array_min'][0] - 273.15:.0f} to {r['array_max'][0] - 273.15:.0f}",
                f"{r['junction_max'][0] - 273.15:.1f}",
                f"{r['time_above_junction'][0] / 60:.3g}",
                f"{r['orbits'][0]:.0f}",
                f"{r['energy_residual'][0]:.1e}" + ("" if r["converged"][0] else " (not periodic)"),
            ]
        )
    width = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, width)) for r in rows]
    return "\n".join(["Orbit transient at the periodic steady state (per orbit):"] + lines)


def cmd_radiation(args) -> int:
    from .cli import _load

    scn = _load(args.scenario, args.sets)
    print(radiation_table(scn, _floats(args.altitudes, "--altitudes"), _floats(args.shielding, "--shielding")))
    return 0


def cmd_transient(args) -> int:
    from .cli import _load

    scn = _load(args.scenario, args.sets)
    print(transient_table(scn))
    if args.csv:
        from .transient import transient

        r = transient(scn, "worst", traces=True)
        data = np.column_stack(
            [r["time"][0], r["soc"][0], r["radiator_temperature"][0] - 273.15, r["array_temperature"][0] - 273.15]
        )
        np.savetxt(args.csv, data, delimiter=",", header="time_s,soc,radiator_C,array_C", comments="", fmt="%.6g")
        print(f"wrote {args.csv} (worst eclipse, {len(data)} points)")
    return 0


def register(subparsers) -> None:
    """Add the ``radiation`` and ``transient`` subcommands to ``orbitdc``."""
    from .cli import _add_scenario_args

    p = subparsers.add_parser(
        "radiation",
        help="dose per year vs altitude and shielding; dose life, upsets, failures and cost by altitude",
    )
    _add_scenario_args(p)
    p.add_argument("--altitudes", default=",".join(f"{h:g}" for h in DEFAULT_ALTITUDES), help="km, comma-separated")
    p.add_argument("--shielding", default=",".join(f"{s:g}" for s in DEFAULT_SHIELDING), help="kg/m2, comma-separated")
    p.set_defaults(func=cmd_radiation)

    p = subparsers.add_parser(
        "transient",
        help="battery state of charge and radiator/array temperatures over one orbit (worst and design eclipse)",
    )
    _add_scenario_args(p)
    p.add_argument("--csv", metavar="FILE", help="write the worst-eclipse orbit traces as CSV")
    p.set_defaults(func=cmd_transient)
