"""Build the example notebooks in examples/ from the cell sources below (nbformat).

The notebooks are generated, not hand-edited, so they are reproducible and reviewable as
plain Python.  Usage, from the repository root::

    .venv/bin/python examples/build_notebooks.py            # write the notebooks (no outputs)
    .venv/bin/python examples/build_notebooks.py --execute  # write them with fresh outputs

``--execute`` runs each notebook with nbclient on the ``python3`` kernel, which jupyter_client
resolves to the running interpreter (the project's venv, which has ipykernel).  The test
suite (tests/test_notebooks.py) executes the committed notebooks and checks they match
this script.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- shared snippets
_CHARTS = """\
import plotly.graph_objects as go

COLORS = {"orbital": "#2563eb", "terrestrial": "#16a34a", "fleet": "#ea580c"}


def distribution_chart(mc, title):
    \"\"\"Share of samples at or below each cost (log axis), one line per architecture.\"\"\"
    fig = go.Figure()
    q = np.linspace(0.5, 99.5, 100)
    for arch, color in COLORS.items():
        v = mc.samples[f"cost_per_million_tokens.{arch}"].values
        fig.add_trace(go.Scatter(x=np.round(np.percentile(v, q), 5), y=q, name=arch, line=dict(color=color)))
    fig.update_layout(title=title, xaxis_title="USD per million tokens (log)", yaxis_title="share of samples [%]",
                      xaxis_type="log", height=380, template="plotly_white")
    return fig"""

# --------------------------------------------------------------------------- notebook 1
NB1 = [
    (
        "md",
        """\
# Does orbit beat the ground?

This notebook walks through the reference preset, asks how cheap launch would have to be for a
token made in orbit to cost as much as one made on the ground, and then puts error bars on the
answer with a Monte Carlo over every uncertain assumption.

Everything here calls the one pipeline (`orbitdc.evaluate` for one scenario,
`orbitdc.studies` for arrays of scenarios); no number is computed outside it.""",
    ),
    (
        "code",
        """\
import numpy as np
import pandas as pd

import orbitdc
from orbitdc import presets, studies

scn = presets.load("dawn-dusk-650")
print(presets.info("dawn-dusk-650")["description"])
res = orbitdc.evaluate(scn)
costs = {arch: res.value(f"cost_per_million_tokens.{arch}") for arch in ("orbital", "terrestrial", "fleet")}
for arch, usd in costs.items():
    print(f"{arch:12s} {usd:10.3f} USD per million tokens")
print(f"orbit costs {costs['orbital'] / costs['terrestrial']:.1f} x the ground data center "
      f"and {costs['orbital'] / costs['fleet']:.1f} x the parked-car fleet")""",
    ),
    (
        "md",
        """\
## Where the money goes

`orbitdc.breakdown.cost_breakdown` splits each architecture's cost per token into the same seven
categories (chips, power, cooling, structure and facility, launch, operations, financing); the parts
add up to the totals above. The largest share of the orbital cost is what decides it.""",
    ),
    (
        "code",
        _CHARTS
        + """

from orbitdc import breakdown

parts = breakdown.cost_breakdown(res)
print(pd.DataFrame(parts).round(4).to_string())
d = breakdown.deciding_factor(res, parts)
print(f"what decides the orbital cost: {d.category} ({d.share:.0%}), then {d.runner_up} ({d.runner_up_share:.0%})")
fig = go.Figure(layout=dict(title="Cost per million tokens by category, reference preset", barmode="stack",
                            yaxis_title="USD per million tokens", height=420, template="plotly_white"))
for cat in breakdown.CATEGORIES:
    fig.add_trace(go.Bar(x=list(parts), y=[round(parts[a][cat], 5) for a in parts], name=cat))
fig.show()""",
    ),
    (
        "md",
        """\
## What the satellite is made of

The physics behind the price: solar array, radiator, mass, launches. Each line is an output of
one pipeline stage, in its display unit.""",
    ),
    (
        "code",
        """\
print(res.table([k for k in ("power.array_area", "thermal.radiator_area", "launch.satellite_mass",
                             "launch.mass_per_kw", "compute.tokens_per_second", "economics.launch_share",
                             "economics.chips_share") if k in res]))""",
    ),
    (
        "md",
        """\
## The break-even launch price

`studies.breakeven` scans the field's range with one vectorised pipeline call, then refines the
first sign change of *orbital - baseline* by bisection. If orbit never gets cheaper inside the
range, it says so, and the cost with free launches shows why: launch is only one part of the
bill.""",
    ),
    (
        "code",
        """\
for baseline in ("terrestrial", "fleet"):
    print(studies.breakeven(scn, "launch.price_per_kg", baseline, bracket=(1, 5000)))
if "economics.cost_per_million_tokens_free_launch" in res:
    print(f"orbital cost with free launches: {res.value('economics.cost_per_million_tokens_free_launch'):.3f} USD per million tokens")""",
    ),
    (
        "md",
        """\
A break-even *map* asks the same question over two assumptions at once. Here: launch price
against solar-array cost, compared with the parked-car fleet. `cost_ratio` is orbital / fleet
cost per token; below 1 orbit is cheaper. The curve gives, for each array cost, the launch price
below which orbit wins (NaN: not inside the launch-price range), found by vectorised bisection
on the pipeline.""",
    ),
    (
        "code",
        """\
bmap = studies.breakeven_map(scn, "finance.array_cost_per_watt", "launch.price_per_kg", "fleet",
                             x=np.geomspace(5, 400, 8), y=np.geomspace(10, 5000, 60))
print(bmap["cost_ratio"].isel({"launch.price_per_kg": [0, 20, 40, 59]}).to_pandas().round(2))
curve = bmap["breakeven.launch.price_per_kg"]
print("launch price [USD/kg] at which orbit matches the fleet, per array cost [USD/W]:")
print(curve.to_pandas().round(0))
ratio = bmap["cost_ratio"].transpose("launch.price_per_kg", "finance.array_cost_per_watt")
go.Figure(go.Contour(x=np.round(ratio["finance.array_cost_per_watt"].values, 3),
                     y=np.round(ratio["launch.price_per_kg"].values, 3), z=np.round(ratio.values, 4),
                     contours=dict(start=0.5, end=3, size=0.25, showlabels=True), colorscale="RdBu_r",
                     colorbar=dict(title="orbital / fleet")),
          layout=dict(title="Orbit / fleet cost ratio (below 1: orbit cheaper)", xaxis_title="array cost [USD/W]",
                      yaxis_title="launch price [USD/kg]", xaxis_type="log", yaxis_type="log", height=420,
                      template="plotly_white")).show()""",
    ),
    (
        "md",
        """\
## How sure are we? A Monte Carlo over every uncertain field

Every field that declares a plausible range (`spread`) is sampled from a triangular
distribution with the preset's value as its mode. The run is seeded: the same seed gives the same
samples, whatever the chunking or the Dask cluster. Where a spread is lopsided around the preset
value (a long tail towards higher cost), the mean lands well above the preset's cost.""",
    ),
    (
        "code",
        """\
mc = studies.monte_carlo(scn, None, n=5000, seed=42)
print(mc.summary())""",
    ),
    (
        "code",
        """\
distribution_chart(mc, "Cost per million tokens over 5,000 samples").show()""",
    ),
    (
        "md",
        """\
## Which assumptions matter?

A tornado swings each field from its low to its high value with the others at the preset;
the largest swings are the assumptions worth arguing about.""",
    ),
    (
        "code",
        """\
tor = studies.tornado(scn)
print(f"orbital cost at the preset: {tor.base_value:.3f} {tor.unit}")
print(tor.table[["unit", "low", "high", "output_low", "output_high", "swing"]].head(10).round(3).to_string())
from orbitdc.app import charts

charts.tornado(tor.table, tor.base_value, n=10).show()""",
    ),
]

# --------------------------------------------------------------------------- notebook 2
NB2 = [
    (
        "md",
        """\
# Testing the claims

The project started from investor articles that make concrete claims: Starship at about
$200,000 per launch, "free" solar power and cooling in orbit, 100 million cars x 1 kW = 100 GW of
inference, 1 TW of compute launched per year. The `seed-claims` preset takes them literally.
`orbitdc.claims.check` evaluates each claim through the pipeline and names the assumption the
verdict hinges on.""",
    ),
    (
        "code",
        """\
from orbitdc import claims, evaluate, presets, studies

seed = presets.load("seed-claims")
print(presets.info("seed-claims")["description"])
results = claims.check(seed)
print(claims.format_table(results))""",
    ),
    (
        "md",
        """\
## "$200k per launch makes orbit cheapest"

Even at the claimed launch price, the satellite still has to buy its chips, array, radiator and
bus. The sweep below varies the price per launch over four orders of magnitude (one vectorised
call).""",
    ),
    (
        "code",
        """\
import numpy as np

res = evaluate(seed)
print("vehicle:", seed.raw("launch.vehicle"), "| price basis:", seed.raw("launch.price_basis"))
sw = studies.sweep(seed, {"launch.price_per_launch": np.geomspace(0.2, 150, 7)},
                   ["cost_per_million_tokens.orbital", "cost_per_million_tokens.terrestrial", "cost_per_million_tokens.fleet"])
print(sw.to_dataframe().round(3))
import plotly.graph_objects as go

fig = go.Figure(layout=dict(title="Cost per million tokens against the price of a launch", height=380,
                            xaxis_title="price per launch [MUSD] (log)", yaxis_title="USD per million tokens (log)",
                            xaxis_type="log", yaxis_type="log", template="plotly_white"))
for arch, color in (("orbital", "#2563eb"), ("terrestrial", "#16a34a"), ("fleet", "#ea580c")):
    fig.add_trace(go.Scatter(x=np.round(sw["launch.price_per_launch"].values, 4),
                             y=np.round(sw[f"cost_per_million_tokens.{arch}"].values, 5), name=arch,
                             line=dict(color=color)))
fig.show()""",
    ),
    (
        "md",
        """\
## "Cooling is free" and "solar power is free"

In orbit the radiator and the array are hardware that must be bought and launched; their share
of the cost per token is an output of the economics stage.""",
    ),
    (
        "code",
        """\
for key in ("economics.cooling_cost_orbital", "economics.energy_cost_orbital",
            "thermal.radiator_area", "power.array_area", "economics.mass_share_power", "economics.mass_share_thermal"):
    if key in res:
        q = res[key]
        print(f"{key:38s} {q.magnitude:12.4g} {q.units:~P}")""",
    ),
    (
        "md",
        """\
## Do the claims survive uncertainty?

A Monte Carlo around the claims preset: even with the optimistic central values, how often does
orbit beat the ground and the fleet?""",
    ),
    (
        "code",
        """\
mc = studies.monte_carlo(seed, None, n=4000, seed=7, outputs=["cost_per_million_tokens.orbital",
                                                              "cost_per_million_tokens.terrestrial",
                                                              "cost_per_million_tokens.fleet"])
print(mc.summary())""",
    ),
    (
        "md",
        """\
## Which assumptions would have to change?

Variance-based (Sobol) indices over the five fields with the largest one-at-a-time swings: the
first-order index is the share of the output variance a field explains alone, the total index
includes its interactions. Bootstrap intervals and a convergence flag come with them.""",
    ),
    (
        "code",
        """\
tor = studies.tornado(seed)
top = list(tor.table.index[:5])
sob = studies.sobol_indices(seed, top, "cost_per_million_tokens.orbital", n=4096, seed=1, n_boot=100)
print(sob[["S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"]].sel(output="cost_per_million_tokens.orbital")
      .to_dataframe().drop(columns="output").round(3))
print("converged:", bool(sob["converged"].sel(output="cost_per_million_tokens.orbital")),
      f"({sob.attrs['evaluations']} pipeline evaluations)")
s1 = sob.sel(output="cost_per_million_tokens.orbital")
fig = go.Figure(layout=dict(title="Sobol indices of the orbital cost per token", barmode="group", height=380,
                            yaxis_title="share of the variance", template="plotly_white"))
for idx, color in (("S1", "#93c5fd"), ("ST", "#1d4ed8")):
    v = s1[idx].values
    fig.add_trace(go.Bar(x=list(s1["field"].values), y=np.round(v, 4), name=idx,
                         marker_color=color,
                         error_y=dict(type="data", symmetric=False, array=np.round(s1[f"{idx}_high"].values - v, 4),
                                      arrayminus=np.round(v - s1[f"{idx}_low"].values, 4))))
fig.show()""",
    ),
]

# --------------------------------------------------------------------------- notebook 3
NB3 = [
    (
        "md",
        """\
# A sweep on a Dask cluster

Every study in `orbitdc.studies` takes `client=` (a `distributed.Client`) and `chunks=` (rows per
task). The grid or the samples are cut into chunks, each chunk is one vectorised pipeline call on
a worker, and the results come back in order. Here a `LocalCluster` with two worker processes
stands in for a real cluster; the results are identical to the in-process run.""",
    ),
    (
        "code",
        """\
import time

import numpy as np
from distributed import Client, LocalCluster
from orbitdc import presets, studies

cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
client = Client(cluster)
print(f"{len(client.nthreads())} workers, {sum(client.nthreads().values())} threads")""",
    ),
    (
        "md",
        """\
## A three-dimensional sweep

Launch price x chip price x payload power: 40 x 10 x 4 = 1,600 scenarios, cut into tasks of 200.""",
    ),
    (
        "code",
        """\
scn = presets.load("dawn-dusk-650")
grid = {
    "launch.price_per_kg": np.geomspace(10, 5000, 40),
    "compute.chip_price": np.linspace(25_000, 40_000, 10),
    "power.payload_power": [50.0, 100.0, 150.0, 200.0],
}
t0 = time.perf_counter()
ds = studies.sweep(scn, grid, client=client, chunks=200)
print(f"1,600 scenarios on the cluster took {time.perf_counter() - t0:.2f} s")
print(ds)""",
    ),
    (
        "code",
        """\
local = studies.sweep(scn, grid)
same = all(np.array_equal(ds[k].values, local[k].values) for k in ds.data_vars)
print("cluster result identical to the in-process run:", same)
orb = ds["cost_per_million_tokens.orbital"]
print(orb.sel({"compute.chip_price": 25_000, "power.payload_power": 100.0}).to_pandas().iloc[::8].round(3))
import plotly.graph_objects as go

plane = orb.sel({"power.payload_power": 100.0}).transpose("compute.chip_price", "launch.price_per_kg")
go.Figure(go.Heatmap(x=np.round(plane["launch.price_per_kg"].values, 3), y=plane["compute.chip_price"].values,
                     z=np.round(plane.values, 4), colorscale="Viridis", colorbar=dict(title="USD / M tokens")),
          layout=dict(title="Orbital cost per million tokens at 100 kW (computed on the cluster)",
                      xaxis_title="launch price [USD/kg] (log)", yaxis_title="chip price [USD]", xaxis_type="log",
                      height=400, template="plotly_white")).show()""",
    ),
    (
        "md",
        """\
The Dataset carries the units of every coordinate and output, and converts to a DataFrame or a
NetCDF file:""",
    ),
    (
        "code",
        """\
import tempfile, pathlib, xarray as xr

print(orb.attrs["units"], "|", ds["launch.price_per_kg"].attrs["units"])
print(ds.to_dataframe().head())
path = pathlib.Path(tempfile.mkdtemp()) / "sweep.nc"
ds.to_netcdf(path, engine="scipy")
print("round trip through NetCDF:", xr.open_dataset(path, engine="scipy")["cost_per_million_tokens.orbital"].equals(orb))""",
    ),
    (
        "md",
        """\
## A Monte Carlo on the cluster

Each task draws its own samples (rows `start..stop` of the seeded stream of every field), so
only a small description of the distributions travels to the workers. The samples never depend
on the chunking; the outputs are compared at the same chunking because the orbit stage switches
from exact to lattice-interpolated eclipse statistics above 2,000 distinct orbits per call.""",
    ),
    (
        "code",
        """\
mc_cluster = studies.monte_carlo(scn, None, n=4000, seed=3, client=client, chunks=1000)
mc_local = studies.monte_carlo(scn, None, n=4000, seed=3, chunk_size=1000)  # same chunking
print("identical samples:", all(np.array_equal(mc_cluster.samples[k].values, mc_local.samples[k].values)
                                 for k in mc_cluster.samples.data_vars))
print(mc_cluster.stats.round(3).to_string())""",
    ),
    (
        "md",
        """\
## Pointing it at a real cluster

```python
from distributed import Client
client = Client("tcp://scheduler-host:8786")   # every worker needs the same orbitdc installed
mc = studies.monte_carlo("dawn-dusk-650", n=100_000_000, client=client, chunks=50_000,
                         keep_samples=False)   # streamed statistics: memory independent of n
```

With `keep_samples=False` nothing per sample is kept: means, extremes and the probability that
orbit wins are exact, percentiles come from a log histogram with 0.06 % resolution. From the
shell: `orbitdc montecarlo dawn-dusk-650 --n 1000000 --scheduler tcp://scheduler-host:8786`.""",
    ),
    (
        "code",
        """\
client.close()
cluster.close()""",
    ),
]


# --------------------------------------------------------------------------- notebook 4
NB4 = [
    (
        "md",
        """\
# When does orbit win?

orbitdc prices a token in orbit, in a ground data center and on a fleet of parked cars. This
notebook adds the calendar year: learning curves (Wright's law on cumulative volume), technology
trends and switches move every price and performance from the scenario's base year (2026), on
every architecture alike. The laws and their sources are the `[years]` section
(`orbitdc fields years`).""",
    ),
    (
        "code",
        """\
from orbitdc import evaluate, presets, studies
from orbitdc.sections import years as ysec

for f in ysec.SECTIONS[0].fields[:8]:
    print(f"years.{f.name:<28} {f.default!s:>8} {f.unit:<14} {f.kind:<12} {f.source[:60]}")""",
    ),
    (
        "md",
        """\
## The three costs over the years

`studies.trajectory` broadcasts a column of years through the one pipeline; in the base year it
equals `evaluate()` exactly.""",
    ),
    (
        "code",
        """\
ds = studies.trajectory("dawn-dusk-650", (2026, 2050))
print(ds[["cost_per_million_tokens.orbital", "cost_per_million_tokens.terrestrial",
          "cost_per_million_tokens.fleet", "economics.ratio_orbital_terrestrial"]]
      .to_dataframe().iloc[::4].round(4).to_string())
print("evaluate() in 2026:", round(evaluate(presets.load("dawn-dusk-650")).value("cost_per_million_tokens.orbital"), 4), "USD")""",
    ),
    (
        "md",
        """\
## With uncertainty: p5-p95 bands

Every learning rate and trend carries a spread; the Monte Carlo samples them with every other
uncertain input.""",
    ),
    (
        "code",
        """\
from orbitdc.app import charts_years

mc = studies.trajectory("dawn-dusk-650", (2026, 2050), n=2000, seed=0, keep_samples=False)
fig = charts_years.years_costs(mc)
fig.show()
for y in (2026, 2035, 2050):
    print(y, "orbit p5/p50/p95 =",
          [round(float(mc[f"cost_per_million_tokens.orbital.p{q}"].sel(year=y)), 3) for q in (5, 50, 95)], "USD")""",
    ),
    (
        "md",
        """\
## Parity years

The first year each sample's orbital cost meets the ground's (and the fleet's), the probability
of parity by each year, and the inputs that decide it (Spearman rank correlation with the parity
year).""",
    ),
    (
        "code",
        """\
res = studies.parity("dawn-dusk-650", (2026, 2050), n=2000, seed=0)
print(res.summary(top=3))
charts_years.parity_curves(res).show()""",
    ),
    (
        "md",
        """\
## Published projections

Each projection ships as a preset with its sources; `orbitdc.claims_years.projections()` checks
each headline against the model (holds or fails, and from which year).""",
    ),
    (
        "code",
        """\
from orbitdc import claims_years

for name in ("tco-base", "tco-bull", "suncatcher", "timeline-optimistic"):
    r = studies.parity(name, (2026, 2050), n=0)
    t = studies.trajectory(name, (2026, 2050))
    print(f"{name:<22} orbit/ground 2035: {float(t['economics.ratio_orbital_terrestrial'].sel(year=2035)):6.2f}x"
          f"  first parity vs ground: {r.median_year['terrestrial'] or 'none by 2050'}")
print(claims_years.format_projections(claims_years.projections(presets_=("tco-bull", "starcloud-3"))))""",
    ),
    (
        "md",
        """\
## What must be true in 2035

Each input alone, the others held at the scenario's values moved to 2035: the value at which
orbit meets the ground (or "none in range" across its spread).""",
    ),
    (
        "code",
        """\
wmbt = studies.what_must_be_true("dawn-dusk-650", 2035, fields=[
    "launch.price_per_kg", "finance.array_cost_per_watt", "compute.chip_price", "finance.wacc",
    "baselines.grid_price", "years.space_qualification_lag"], n=16)
print(wmbt[["unit", "value", "parity_value", "status"]].to_string())""",
    ),
    (
        "md",
        """\
## The best design, year by year

Comparing one hand-picked satellite with the ground answers the wrong question. `studies.best_vs_ground`
searches the orbital design fields (altitude, power, shielding, accelerator, cells, vehicle, battery
use ...) for the cheapest satellite and the ground's own fields for the cheapest data center, with
every assumption held (SciPy differential evolution over whole populations, seeded);
`studies.best_by_year` does it in each year of the trajectory.""",
    ),
    (
        "code",
        """\
best = studies.best_vs_ground("dawn-dusk-650", seed=0)
print(f"best orbit {best.orbit.value:.4g} USD, best ground {best.ground.value:.4g} USD per million tokens:"
      f" {best.ratio:.3g}x (as given {best.start_ratio:.3g}x)")
print(best.orbit.changes_frame().to_string(index=False))""",
    ),
    (
        "code",
        """\
import plotly.graph_objects as go

by = studies.best_by_year("dawn-dusk-650", years=(2026, 2035, 2050), seed=0)
print(by.table[["year", "orbit_best", "ground_best", "ratio_best", "ratio_as_given"]].round(4).to_string(index=False))
fig = go.Figure([go.Scatter(x=by.table["year"], y=by.table["ratio_best"], mode="lines+markers", name="best / best"),
                 go.Scatter(x=by.table["year"], y=by.table["ratio_as_given"], mode="lines+markers", name="as given")])
fig.update_layout(title="Orbit / ground cost per token: best designs against the designs as given",
                  xaxis_title="year", yaxis_title="ratio", yaxis_type="log")
fig.show()""",
    ),
]

# Output lines that legitimately change from run to run (wall-clock timings): the test that
# compares the stored outputs with a fresh run (tests/test_notebooks.py) drops lines matching these.
TIMING_LINES = (re.compile(r"\btook [0-9.]+ s$"),)

NOTEBOOKS = {
    "01_does_orbit_beat_the_ground.ipynb": NB1,
    "02_testing_the_claims.ipynb": NB2,
    "03_sweep_on_a_dask_cluster.ipynb": NB3,
    "04_when_does_orbit_win.ipynb": NB4,
}


def build(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` (no outputs)."""
    cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in NOTEBOOKS[name]]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    # stable cell ids so regenerated notebooks diff cleanly
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{Path(name).stem[:2]}-{i:02d}"
    return nb


def execute(nb: nbformat.NotebookNode, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook in place with nbclient on the ``python3`` kernel (cwd examples/, orbitdc from this checkout)."""
    from nbclient import NotebookClient

    # the kernel imports orbitdc from this checkout, whatever the environment has installed
    path = os.pathsep.join(p for p in (str(HERE.parent), os.environ.get("PYTHONPATH", "")) if p)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(HERE)}})
    client.execute(env={**os.environ, "PYTHONPATH": path})
    for cell in nb.cells:  # wall-clock stamps of each cell would make every rebuild a diff
        cell.metadata.pop("execution", None)
    return nb


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--execute", action="store_true", help="run the notebooks and store their outputs")
    ap.add_argument("names", nargs="*", help="notebook file names (default all)")
    args = ap.parse_args(argv)
    for name in args.names or NOTEBOOKS:
        nb = build(name)
        if args.execute:
            execute(nb)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
