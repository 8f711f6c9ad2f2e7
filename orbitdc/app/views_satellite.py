"""The views of the "satellite" tab: mass, orbit, radiation, thermal and links."""

from __future__ import annotations

import streamlit as st

from ..scenario import Scenario
from ..units import si_unit_of
from . import cached, charts, i18n, layout
from .formatting import fmt_output


def mass(result, lang) -> None:
    """The satellite's mass breakdown."""
    layout.plot(charts.mass_breakdown(result, lang))
    if "launch.satellite_mass" in result.si and "compute.it_power" in result.si:
        st.caption(
            i18n.t(
                "mass.note",
                lang,
                mass=fmt_output(result, "launch.satellite_mass"),
                power=fmt_output(result, "compute.it_power"),
            )
        )


def orbit(scn: Scenario, result, lang) -> None:
    """Eclipse fraction and beta angle over the year."""
    raw = scn.raw
    a = result.series  # the orbit stage's daily series: the app only formats
    layout.plot(
        charts.eclipse_year(
            a["orbit.day"], a["orbit.daily_eclipse_fraction"], a["orbit.daily_beta"], int(raw("orbit.year")), lang
        )
    )
    st.caption(
        i18n.t(
            "orbit.summary",
            lang,
            mean=f"{result.value('orbit.eclipse_fraction_mean'):.1%}",
            dur=fmt_output(result, "orbit.eclipse_duration_max", 3),
            days=f"{result.value('orbit.eclipse_days'):.0f}",
        )
    )


def radiation(preset, ov, scn, result, lang) -> None:
    """Dose against altitude and the worst orbit's battery and temperature traces."""
    d = cached.radiation(preset, ov)
    if d["dose"] is not None:
        dose = d["dose"]
        point = (scn["orbit.altitude"].to("km").magnitude, result.value("radiation.dose_rate", "Gy/yr"))
        layout.plot(
            charts.dose_altitude(dose["altitude_km"], dose["dose_gy_per_year"], dose["shielding_kg_m2"], point, lang)
        )
    st.caption(
        i18n.t(
            "radiation.note",
            lang,
            dose=fmt_output(result, "radiation.dose_rate", 3),
            life=fmt_output(result, "radiation.dose_life", 3),
            shield=f"{scn['launch.shielding_areal_density'].to('kg/m^2').magnitude:.3g} kg/m²",
        )
    )
    tr = d["transient"]
    k2c = 273.15  # K to degC for display
    layout.plot(
        charts.orbit_traces(
            tr["time"][0] / 60.0,
            tr["soc"][0],
            tr["radiator_temperature"][0] - k2c,
            tr["array_temperature"][0] - k2c,
            lang,
        )
    )
    st.caption(
        i18n.t(
            "transient.note",
            lang,
            soc=f"{100.0 * float(tr['soc_min'].ravel()[0]):.1f} %",
            dod=f"{100.0 * float(tr['depth_of_discharge'].ravel()[0]):.0f} %",
            swing=f"{float(tr['radiator_swing'].ravel()[0]):.2g} K",
            above=f"{float(tr['time_above_junction'].ravel()[0]) / 60.0:.0f} min",
            tj=f"{float(tr['junction_max'].ravel()[0]) - k2c:.1f} °C",
            over=f"{float(tr['junction_max'].ravel()[0]) - float(result.si['thermal.junction_temperature_max']):.2g} K",
            ecl=f"{float(tr['eclipse_duration'].ravel()[0]) / 60.0:.1f} min",
        )
    )


def thermal(preset, ov, result, lang) -> None:
    """Radiator area against its temperature over the junction-limit range."""
    d = cached.radiator_sweep(preset, ov)
    point = None
    if "thermal.radiator_temperature" in result.si:
        point = (result.value("thermal.radiator_temperature", "degC"), result.value("thermal.radiator_area", "m^2"))
    # the sweep reports the radiator temperature in its display unit: to degC exactly, no guessing
    _si, scale, offset = si_unit_of(d["t_unit"])
    t_c = d["t"] * scale + offset - 273.15
    layout.plot(charts.radiator_curve(t_c, d["a"], point, lang))
    st.caption(i18n.t("thermal.note", lang, lo=f"{d['lo']:.0f}", hi=f"{d['hi']:.0f}"))


def links(result, lang) -> None:
    """Every output of the links stage."""
    from ..model import outputs

    t = lambda k, **kw: i18n.t(k, lang, **kw)  # noqa: E731
    keys = [k for k in outputs() if k.startswith("links.") and k in result.si]
    if not keys:
        st.info(t("err.missing", what="links.*"))
        return
    st.markdown(f"**{t('links.title')}**")
    rows = [
        {  # the value first: on a phone it is the column in view
            t("links.col.value"): fmt_output(result, k, 4, lang),
            t("links.col.item"): i18n.output_doc(k, lang),
            t("links.col.key"): k,
        }
        for k in keys
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=min(36 * (len(rows) + 1) + 4, 720))
