"""Generate ``orbitdc/data/itur_sites.json``: ITU-R site and band parameters for the named sites.

Run offline, once, with itur installed (``python tools/gen_itur_sites.py``).  The table holds
what itur reads from its digital maps at each named ground site (``links.ground_site``) and
what it computes per band frequency (``links.band``), so that ``orbitdc`` evaluates the
slant-path attenuation of ITU-R P.618-13 at those sites without importing itur or loading
its maps (about 1.5-3.5 s and 460 MiB per process).  Elevation, antenna diameter and
efficiency, and exceedances p <= 1 % enter through the Recommendations' closed forms
(:mod:`orbitdc.physics.itu_sites`); anything else (a custom site or frequency, p > 1 %)
still calls itur.

Per site (itur 0.4.0 functions, arguments in degrees, the site's lat/lon):

* ``hs``    itur.models.itu1511.topographic_altitude(lat, lon)           [km]
* ``hr``    itur.models.itu839.rain_height(lat, lon)                     [km]
* ``R001``  itur.models.itu837.rainfall_rate(lat, lon, 0.01) + 1e-9      [mm/h]
            (itur adds its EPSILON = 1e-9 inside rain_attenuation)
* ``N_wet`` itur.models.itu453.map_wet_term_radio_refractivity(lat, lon, 50)  [ppm]

Per site and frequency f [GHz]:

* ``gas_zenith``, ``cloud_zenith``: the gaseous and cloud terms [dB] of
  itur.atmospheric_attenuation_slant_path(lat, lon, f, 90, 1.0, 1.0, eta=0.5,
  return_contributions=True).  Both terms scale as 1/sin(el) in itur (P.676 Annex 2 with the
  zenith water-vapour method, P.840) and use p_c_g = max(1 %, p), so they are the same for
  every p <= 1 %.

Per frequency:

* ``kH``, ``kV``, ``alphaH``, ``alphaV``: the ITU-R P.838-3 coefficients, read from
  itur.models.itu838.rain_specific_attenuation_coefficients(f, el=0, tau=0) (H) and
  (f, el=0, tau=90) (V).

Check values: ``checks`` holds itur.atmospheric_attenuation_slant_path(lat, lon, f, el, p, D,
eta=eta, return_contributions=True) at a few (el, p, D, eta) per site and band frequency;
the test suite recomputes them with itur and compares them with the table's closed forms.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import sys
import warnings

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orbitdc.sections.links import BANDS, SITES

OUT = ROOT / "orbitdc" / "data" / "itur_sites.json"

CHECK_POINTS = [  # (elevation deg, p %, D m, eta)
    (25.0, 0.1, 1.2, 0.6),
    (10.0, 0.01, 0.45, 0.5),
    (45.0, 1.0, 3.0, 0.65),
    (70.0, 0.001, 7.3, 0.7),
]


def frequencies() -> list[float]:
    """Band-centre frequencies [GHz] of the ``links.band`` presets, sorted."""
    fs = set()
    for fills in BANDS.values():
        for key in ("downlink_frequency", "uplink_frequency"):
            if key in fills:
                fs.add(float(fills[key]))
    return sorted(fs)


def main() -> None:
    state = np.geterr()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import itur
        from itur.models import itu453, itu837, itu838, itu839, itu1511
        from itur.utils import EPSILON
    np.seterr(**state)

    def val(x):
        return float(np.asarray(getattr(x, "value", x), dtype=float).reshape(-1)[0])

    fs = frequencies()
    bands = {}
    for f in fs:
        k_h, a_h = itu838.rain_specific_attenuation_coefficients(f, 0.0, 0.0)
        k_v, a_v = itu838.rain_specific_attenuation_coefficients(f, 0.0, 90.0)
        bands[repr(f)] = {"kH": val(k_h), "alphaH": val(a_h), "kV": val(k_v), "alphaV": val(a_v)}

    sites = {}
    for name, fill in SITES.items():
        if not fill:
            continue
        lat, lon = float(fill["ground_latitude"]), float(fill["ground_longitude"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            site = {
                "lat": lat,
                "lon": lon,
                "hs": val(itu1511.topographic_altitude(lat, lon)),
                "hr": val(itu839.rain_height(lat, lon)),
                "R001": val(itu837.rainfall_rate(lat, lon, 0.01)) + EPSILON,
                "N_wet": val(itu453.map_wet_term_radio_refractivity(lat, lon, 50)),
                "bands": {},
                "checks": [],
            }
            for f in fs:
                ag, ac, _, _, _ = itur.atmospheric_attenuation_slant_path(
                    lat, lon, f, 90.0, 1.0, 1.0, eta=0.5, return_contributions=True
                )
                site["bands"][repr(f)] = {"gas_zenith": val(ag), "cloud_zenith": val(ac)}
                for el, p, d, eta in CHECK_POINTS:
                    res = itur.atmospheric_attenuation_slant_path(
                        lat, lon, f, el, p, d, eta=eta, return_contributions=True
                    )
                    site["checks"].append(
                        {
                            "f": f,
                            "el": el,
                            "p": p,
                            "D": d,
                            "eta": eta,
                            "gases": val(res[0]),
                            "clouds": val(res[1]),
                            "rain": val(res[2]),
                            "scintillation": val(res[3]),
                            "total": val(res[4]),
                        }
                    )
        np.seterr(**state)
        sites[name] = site

    table = {
        "provenance": {
            "generator": "tools/gen_itur_sites.py",
            "itur_version": itur.__version__,
            "recommendations": {
                m: f"{m.replace('itu', 'P.')}-{mod.get_version()}"
                for m, mod in (
                    ("itu618", itur.models.itu618),
                    ("itu676", itur.models.itu676),
                    ("itu840", itur.models.itu840),
                    ("itu838", itu838),
                    ("itu839", itu839),
                    ("itu837", itu837),
                    ("itu453", itu453),
                    ("itu1511", itu1511),
                    ("itu836", itur.models.itu836),
                    ("itu1510", itur.models.itu1510),
                    ("itu835", itur.models.itu835),
                )
            },
            "functions": {
                "hs": "itur.models.itu1511.topographic_altitude(lat, lon) [km]",
                "hr": "itur.models.itu839.rain_height(lat, lon) [km]",
                "R001": "itur.models.itu837.rainfall_rate(lat, lon, 0.01) + itur.utils.EPSILON [mm/h]",
                "N_wet": "itur.models.itu453.map_wet_term_radio_refractivity(lat, lon, 50) [ppm]",
                "gas_zenith, cloud_zenith": "itur.atmospheric_attenuation_slant_path(lat, lon, f, 90.0, "
                "1.0, 1.0, eta=0.5, return_contributions=True)[0:2] [dB]",
                "kH, alphaH / kV, alphaV": "itur.models.itu838.rain_specific_attenuation_coefficients("
                "f, 0.0, 0.0) / (f, 0.0, 90.0)",
                "checks": "itur.atmospheric_attenuation_slant_path(lat, lon, f, el, p, D, eta=eta, "
                "return_contributions=True) [dB]",
            },
            "units": {"lat, lon": "deg", "f (keys of bands)": "GHz", "p": "percent", "D": "m", "el": "deg"},
            "date": datetime.date.today().isoformat(),
            "python": sys.version.split()[0],
            "numpy": np.__version__,
        },
        "frequencies_GHz": fs,
        "bands": bands,
        "sites": sites,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(sites)} sites x {len(fs)} frequencies")


if __name__ == "__main__":
    main()
