"""Generate ``orbitdc/data/ao_density.json``: atomic-oxygen number density against altitude.

Run offline with pymsis (NRLMSIS 2.0, ``pip install pymsis``; the ``tools`` extra)::

    python tools/ao_density_table.py

For each altitude (200-1,000 km, every 25 km) and each level of solar activity (F10.7 = 70,
150 and 250 sfu, daily and 81-day mean equal, Ap = 4: solar minimum, mean and maximum, the
``launch.solar_activity`` levels low / mean / high) the table holds the atomic-oxygen number
density [1/m3] averaged over the globe (latitudes -80..80 deg weighted by cos(latitude),
every 30 deg of longitude, four UT hours, and four dates a season apart in 2020): the
orbit-average density an inclined or polar orbit meets to within the spread of its latitude
band. orbitdc interpolates it in log density at run time; nothing downloads.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "orbitdc" / "data" / "ao_density.json"
ALTITUDES_KM = np.arange(200.0, 1000.0 + 1e-9, 25.0)
F107 = (70.0, 150.0, 250.0)
LATS = np.arange(-80.0, 80.0 + 1e-9, 10.0)
LONS = np.arange(0.0, 360.0, 30.0)
DATES = ("2020-03-20", "2020-06-21", "2020-09-22", "2020-12-21")
HOURS = (0, 6, 12, 18)


def global_mean_o(alt_km: float, f107: float) -> float:
    """Globally averaged atomic-oxygen number density [1/m3] at ``alt_km`` (NRLMSIS 2.0)."""
    import pymsis

    times = np.array([np.datetime64(f"{d}T{h:02d}:00") for d in DATES for h in HOURS])
    n = times.size
    out = pymsis.calculate(times, LONS, LATS, alt_km, f107s=[f107] * n, f107as=[f107] * n, aps=[[4.0] * 7] * n)
    o = np.asarray(out[..., pymsis.Variable.O], dtype=float).reshape(n, LONS.size, LATS.size)  # (time, lon, lat)
    w = np.cos(np.radians(LATS))
    return float((o.mean(axis=(0, 1)) * w).sum() / w.sum())


def main() -> None:
    import pymsis

    table = [[global_mean_o(h, f) for h in ALTITUDES_KM] for f in F107]
    OUT.write_text(
        json.dumps(
            {
                "provenance": {
                    "model": "NRLMSIS 2.0 (Emmert et al. 2021, Earth Space Sci. 8, e2020EA001321)",
                    "package": f"pymsis {pymsis.__version__}",
                    "generator": "tools/ao_density_table.py",
                    "date": dt.date.today().isoformat(),
                    "averaging": "latitudes -80..80 deg (cos-weighted) x longitudes every 30 deg x UT 0/6/12/18 "
                    "x 2020-03-20/06-21/09-22/12-21; Ap = 4",
                    "f107": "daily = 81-day mean; 70 / 150 / 250 sfu for launch.solar_activity low / mean / high",
                },
                "altitude_km": ALTITUDES_KM.tolist(),
                "f107": list(F107),
                "o_number_density_per_m3": table,
            },
            indent=1,
        )
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
