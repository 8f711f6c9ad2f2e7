"""Generate ``orbitdc/data/trapped_flux.npz``: orbit-averaged AE8/AP8 trapped-particle spectra.

Run offline (``python tools/trapped_flux_table.py``; needs the optional ``tools`` extra,
``pip install orbitdc[tools]``, which brings ``aep8``; about 5 minutes).  ``--dose-only``
recomputes only the dose tables from the stored spectra with orbitdc's own kernels (seconds,
no ``aep8``): run it whenever the dose kernels change.  orbitdc never imports ``aep8`` at run
time: :mod:`orbitdc.physics.radiation` only interpolates the table written here.

Method
------
``aep8`` (Singer, https://github.com/m4opt/aep8) wraps IRBEM's implementation of the NASA
AE8 (electrons, Vette 1991) and AP8 (protons, Sawyer & Vette 1976) trapped-particle models,
each evaluated with the geomagnetic field model it was built with (IRBEM: McIlwain L and
B/B0 from the models' own field epochs), so the South Atlantic Anomaly sits where the
models put it.

1. For each altitude the omnidirectional integral flux above each energy threshold is
   evaluated on a geodetic latitude x longitude lattice (1 deg x 2 deg).
2. A circular orbit of inclination ``i`` flown for many days, its node precessing and the
   Earth turning under it, visits every longitude uniformly and independently of its
   argument of latitude ``u``; its latitude is ``asin(sin i sin u)`` with ``u`` uniform.
   The long-run orbit average is therefore the longitude mean of the map, averaged over
   720 values of ``u`` (linear interpolation in latitude).  This equals sampling positions
   over an unbounded number of orbits with a precessing node, so the SAA is fully covered.
3. An inclination ``i > 90 deg`` has the same latitude distribution as ``180 - i``; the
   table spans 0-90 deg and the run-time lookup folds retrograde orbits.

Output arrays (integral omnidirectional flux in particles / (cm2 s), orbit-averaged):
``flux_e[solar, altitude, inclination, energy_e]`` and ``flux_p[...]`` with ``solar`` 0 = minimum,
1 = maximum.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "orbitdc" / "data" / "trapped_flux.npz"

ALTITUDE_KM = np.array([200, 300, 400, 500, 600, 700, 800, 900, 1000, 1200, 1400, 1600, 2000, 2500, 3000], float)
INCLINATION_DEG = np.arange(0.0, 90.1, 1.0)
E_ENERGY_MEV = np.array([0.04, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7], float)
P_ENERGY_MEV = np.array([0.1, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 60, 70, 80, 100, 150, 200, 300, 400], float)
LAT_DEG = np.arange(-90.0, 90.1, 1.0)
LON_DEG = np.arange(-180.0, 180.0, 2.0)
N_U = 720
EPOCH = "2027-01-01T00:00:00"


def orbit_average(map_lat: np.ndarray, inclination_deg: np.ndarray) -> np.ndarray:
    """Average a longitude-mean map ``map_lat[lat, E]`` over circular orbits of each inclination.

    The argument of latitude ``u`` is uniform over the orbit; latitude = asin(sin i sin u).
    """
    u = (np.arange(N_U) + 0.5) * 2 * np.pi / N_U
    res = np.empty((inclination_deg.size, map_lat.shape[1]))
    for k, inc in enumerate(np.radians(inclination_deg)):
        lat = np.degrees(np.arcsin(np.sin(inc) * np.sin(u)))
        for j in range(map_lat.shape[1]):
            res[k, j] = np.interp(lat, LAT_DEG, map_lat[:, j]).mean()
    return res


def main() -> None:
    import aep8
    import astropy.units as au
    from astropy.coordinates import EarthLocation
    from astropy.time import Time

    t0 = time.time()
    lon, lat = np.meshgrid(LON_DEG, LAT_DEG)  # [lat, lon]
    when = Time(EPOCH)
    flux = {("e", s): np.empty((ALTITUDE_KM.size, INCLINATION_DEG.size, E_ENERGY_MEV.size)) for s in ("min", "max")}
    flux |= {("p", s): np.empty((ALTITUDE_KM.size, INCLINATION_DEG.size, P_ENERGY_MEV.size)) for s in ("min", "max")}
    for ia, h in enumerate(ALTITUDE_KM):
        loc = EarthLocation.from_geodetic(lon.ravel() * au.deg, lat.ravel() * au.deg, h * au.km)
        geo: dict = {}
        for (particle, solar), arr in flux.items():
            m = aep8.model(particle, solar)
            key = m._geomag  # the field model this flux model is evaluated with
            if key not in geo:
                geo[key] = m.geomagnetic_coordinates(loc, when)
            L, B = geo[key]
            e = E_ENERGY_MEV if particle == "e" else P_ENERGY_MEV
            f = m.integral_flux_for_geomagnetic_coordinates(L[:, None], B[:, None], e[None, :] * au.MeV)
            f = np.nan_to_num(np.asarray(f.to_value(au.cm**-2 * au.s**-1)), nan=0.0, posinf=0.0)
            f = np.clip(f, 0.0, None).reshape(lat.shape + (e.size,))
            arr[ia] = orbit_average(f.mean(axis=1), INCLINATION_DEG)
        print(
            f"{h:6.0f} km  e>1MeV(max, 50deg) {flux['e', 'max'][ia, 50, 5]:.3g}  "
            f"p>30MeV(min, 50deg) {flux['p', 'min'][ia, 50, 10]:.3g}  /cm2/s  ({time.time() - t0:.0f} s)"
        )
    meta = {
        "title": "Orbit-averaged omnidirectional integral trapped electron (AE8) and proton (AP8) flux",
        "unit": "1/(cm^2 s) above each energy threshold",
        "models": "NASA AE8MIN/AE8MAX (Vette 1991, NSSDC/WDC-A-R&S 91-24) and AP8MIN/AP8MAX (Sawyer & "
        "Vette 1976, NSSDC/WDC-A-R&S 76-06) as implemented in IRBEM (Boscher, Bourdarie, O'Brien, "
        "Guild, Shumko; https://prbem.github.io/IRBEM/), called through the aep8 Python package",
        "aep8_version": getattr(aep8, "__version__", None) or _dist_version("aep8"),
        "method": "flux on a 1 deg x 2 deg geodetic lattice per altitude, averaged uniformly in longitude "
        "and over 720 arguments of latitude of a circular orbit (lat = asin(sin i sin u)): the long-run "
        "average of an orbit whose node precesses and under which the Earth turns, SAA included; "
        "inclinations above 90 deg fold to 180 - i",
        "epoch": EPOCH,
        "axes": "flux_e[solar, altitude, inclination, energy_e], flux_p[...]; solar 0 = min, 1 = max",
        "generated": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d"),
        "generator": "tools/trapped_flux_table.py",
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        altitude_km=ALTITUDE_KM,
        inclination_deg=INCLINATION_DEG,
        energy_e_mev=E_ENERGY_MEV,
        energy_p_mev=P_ENERGY_MEV,
        flux_e=np.stack([flux["e", "min"], flux["e", "max"]]),
        flux_p=np.stack([flux["p", "min"], flux["p", "max"]]),
        metadata=np.array(json.dumps(meta, indent=1)),
    )
    print(f"wrote {OUT} in {time.time() - t0:.0f} s", file=sys.stderr)
    add_dose_tables()


def add_dose_tables() -> None:
    """Add orbitdc's exact dose and penetrating-proton tables to the npz (no aep8 needed).

    Rerun alone (``--dose-only``) whenever :mod:`orbitdc.physics.radiation`'s dose kernels change.
    """
    t0 = time.time()
    sys.path.insert(0, str(ROOT))
    from orbitdc.physics import radiation as rad

    rad.load_table.cache_clear()
    with np.load(OUT, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if k not in ("dose_trapped", "proton_flux_30", "depth_kg_m2")}
    tables = rad.dose_tables()
    meta = json.loads(str(arrays["metadata"]))
    meta["dose_tables"] = (
        "dose_trapped [Gy/s] and proton_flux_30 [1/(cm2 s) above 30 MeV at the die] on [solar, altitude, "
        "inclination, depth_kg_m2]: orbitdc.physics.radiation.dose_rate_trapped_exact and "
        "penetrating_proton_flux_exact (centre of aluminium spheres) on the flux table's nodes"
    )
    arrays["metadata"] = np.array(json.dumps(meta, indent=1))
    np.savez_compressed(OUT, **arrays, depth_kg_m2=rad.DEPTH_GRID, **tables)
    rad.load_table.cache_clear()
    print(f"added dose tables to {OUT} in {time.time() - t0:.1f} s", file=sys.stderr)


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    if "--dose-only" in sys.argv[1:]:
        add_dose_tables()
    else:
        main()
