"""Pipeline module ``links``: RF and laser links of one satellite and what they mean per token.

Reads the orbit altitude (``orbit.altitude``), the workload's request shape and bytes per
token (``workload.prompt_tokens``, ``workload.output_tokens``,
``workload.bytes_per_token_in``, ``workload.bytes_per_token_out``; SI, i.e. bits per
token, read with ``p.get`` and defaults of 1000 / 250 tokens and 4 bytes per token when the
workload section is absent) and the compute stage's delivered output-token rate
(``compute.tokens_per_second``, optional), and computes

* the space-to-ground (downlink) and ground-to-space (uplink) RF budgets of one carrier at
  the design elevation and availability: free-space loss, ITU-R atmospheric loss at the
  ground site (itur: gases, clouds, rain, scintillation), sky-noise increase, G/T, C/N0,
  Es/N0 and the best DVB-S2X MODCOD with its margin
  (:func:`orbitdc.physics.links.rf_link_budget`);
* the optical inter-satellite links: received power, margin and achievable rate
  (power-limited, or modem-limited times the WDM channels);
* per-satellite capacity: carriers x carrier capacity x duty cycle (capped by a
  per-satellite limit such as the projected 1 Tbit/s of Starlink V3), plus the share of
  the ISL capacity usable to hand traffic to neighbours;
* the link-limited request and output-token rates for the workload, and whether the links
  bind against the compute payload's delivered rate;
* round-trip latency user -> access satellite -> ISL hops -> compute satellite, and the
  round trip over terrestrial fibre of the same great-circle distance;
* the electrical power and mass of the link terminals (``links.power`` feeds the power
  stage).

All physics lives in :mod:`orbitdc.physics.links`; this module only wires fields and outputs.
Capacities are at the design fade (exceeded only ``1 - availability`` of the year);
adaptive coding and modulation gives more in clear sky.  Interference between beams and
the ITU power-flux-density limits are not modelled: the per-beam power is an input.

Cost of the atmosphere in studies: at the named ground sites and the band-centre
frequencies, for availabilities of 99 % and above, the ITU-R attenuation comes from a table
computed offline with itur and the P.618 closed forms in elevation, availability and ground
antenna (:mod:`orbitdc.physics.itu_sites`): microseconds, no itur import.  A custom site or
frequency, or an availability below 99 %, goes through itur, cached per distinct (site,
frequency, elevation, availability, ground antenna) and vectorised over site and elevation,
but one itur call per distinct frequency, availability or antenna diameter (a few ms each).
The fields that drive it therefore carry no ``spread``: a Monte Carlo over them at a custom
site would cost one itur call per draw.  Sweeps over a handful of values are cheap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..constants import R_EARTH, C
from ..errors import require as _require
from ..kernels import compute as kc  # scalar-aware numpy functions
from ..kernels import links as kl
from ..physics import dvbs2x
from ..physics import links as phys
from ..schema import Field, Output, Section, input_reader
from ..schema import as_output as _f  # the shared stage-output form

_s = _f


def require(ok: Any, field: str, value: Any, allowed: str, reason: str) -> None:
    """:func:`orbitdc.errors.require` with a fast path when the condition holds."""
    if ok is True or (ok.__class__ is np.bool_ and ok) or (ok.__class__ is np.ndarray and ok.all()):
        return
    _require(ok, field, value, allowed, reason)


__all__ = ["SECTIONS", "OUTPUTS", "stage", "BANDS", "SITES", "WORKLOAD_KEYS"]

_BANDS_SOURCE = (
    "ITU Radio Regulations Article 5 fixed-satellite allocations (space-to-Earth / "
    "Earth-to-space): Ku 10.7-12.7 / 14.0-14.5 GHz, Ka 17.8-20.2 / 27.5-30.0 GHz, "
    "Q/V 37.5-42.5 / 47.2-51.4 GHz, E 71-76 / 81-86 GHz; all four are in SpaceX's "
    "Starlink FCC applications (SAT-LOA-20161115-00118 Ku/Ka, SAT-LOA-20170301-00027 V, "
    "Gen2 SAT-LOA-20200526-00055 adds E band). Band centres are used; channel widths are "
    "assumptions"
)

BANDS: dict[str, dict[str, Any]] = {
    # band -> fills (values in the fields' units)
    "Ku": {
        "downlink_frequency": 11.7,
        "uplink_frequency": 14.25,
        "channel_bandwidth": 250.0,
        "atmosphere_extrapolation": False,
    },
    "Ka": {
        "downlink_frequency": 19.0,
        "uplink_frequency": 28.75,
        "channel_bandwidth": 500.0,
        "atmosphere_extrapolation": False,
    },
    "Q/V": {
        "downlink_frequency": 40.0,
        "uplink_frequency": 48.5,
        "channel_bandwidth": 1000.0,
        "atmosphere_extrapolation": False,
    },
    "E": {
        "downlink_frequency": 73.5,
        "uplink_frequency": 83.5,
        "channel_bandwidth": 2000.0,
        "atmosphere_extrapolation": True,
    },
    "custom": {},
}
"""Band presets of the ``links.band`` choice."""

SITES: dict[str, dict[str, float]] = {
    # named ground sites -> latitude, longitude [deg]; coordinates are geography
    "london": {"ground_latitude": 51.51, "ground_longitude": -0.13},
    "madrid": {"ground_latitude": 40.42, "ground_longitude": -3.70},
    "hawthorne": {"ground_latitude": 33.92, "ground_longitude": -118.33},
    "singapore": {"ground_latitude": 1.35, "ground_longitude": 103.82},
    "custom": {},
}
"""Ground-site presets of the ``links.ground_site`` choice: a wet maritime mid-latitude
gateway (London, the default), a dry mid-latitude one (Madrid), SpaceX's home (Hawthorne,
California, dry) and a tropical one with heavy rain (Singapore)."""

WORKLOAD_KEYS = (
    "workload.prompt_tokens",
    "workload.output_tokens",
    "workload.bytes_per_token_in",
    "workload.bytes_per_token_out",
)
"""Keys of the workload section this stage reads."""

_DB_REASON = "a loss or margin in dB is not negative; above the bound no link closes anyway"

SECTIONS = (
    Section(
        "links",
        "Links: RF feeder/user links, laser ISLs, latency",
        "Space-to-ground and ground-to-space RF carriers with ITU-R atmospheric losses and DVB-S2X "
        "adaptive coding, optical inter-satellite links, latency against terrestrial fibre, and the "
        "token rate the links can carry for the workload.",
        (
            # ---------------------------------------------------------------- band and site
            Field(
                "band",
                "",
                "Ka",
                "Frequency band; fills the downlink/uplink frequencies and channel width",
                source=_BANDS_SOURCE,
                kind="standard",
                role="design",
                choices=tuple(BANDS),
                fills=BANDS,
            ),
            Field(
                "downlink_frequency",
                "GHz",
                19.0,
                "Space-to-ground carrier frequency",
                source=_BANDS_SOURCE,
                kind="standard",
                low=1.0,
                high=100.0,
                reason="the ITU-R propagation models used (P.618 via itur) cover 1-55 GHz, and up to "
                "100 GHz only with atmosphere_extrapolation",
                ui=(10.0, 86.0),
            ),
            Field(
                "uplink_frequency",
                "GHz",
                28.75,
                "Ground-to-space carrier frequency",
                source=_BANDS_SOURCE,
                kind="standard",
                low=1.0,
                high=100.0,
                reason="the ITU-R propagation models used (P.618 via itur) cover 1-55 GHz, and up to "
                "100 GHz only with atmosphere_extrapolation",
                ui=(10.0, 86.0),
            ),
            Field(
                "channel_bandwidth",
                "MHz",
                500.0,
                "Occupied bandwidth of one carrier (both directions)",
                source="assumption: DVB-S2X wideband carriers of 250-500 MHz are used on Ka feeder "
                "links; 1-2 GHz channels at Q/V and E band",
                kind="assumption",
                low=0.01,
                high=10000.0,
                reason="a carrier occupies positive bandwidth; no allocation is wider than 10 GHz; below 10 kHz no carrier serves a data link; the capacity underflows",
                ui=(10.0, 5000.0),
                spread=(250.0, 1000.0),
            ),
            Field(
                "rolloff",
                "",
                0.05,
                "Root-raised-cosine roll-off factor",
                source="ETSI EN 302 307-2 section 5.5.3: DVB-S2X roll-offs 0.05, 0.10, 0.15 (and the "
                "DVB-S2 0.20, 0.25, 0.35)",
                kind="standard",
                low=0.0,
                high=1.0,
                reason="a raised-cosine roll-off is a fraction of the Nyquist bandwidth",
            ),
            Field(
                "atmosphere_extrapolation",
                "",
                False,
                "Allow the ITU-R P.618 slant-path model above 55 GHz (E band), outside its stated range",
                source="itur 0.4 / ITU-R P.618-13 section 2.2.1.1: rain method stated for frequencies up to 55 GHz",
                kind="standard",
            ),
            Field(
                "ground_site",
                "",
                "london",
                "Named ground site (gateway); fills latitude and longitude",
                source="geographic coordinates of the named cities",
                kind="measurement",
                role="design",
                choices=tuple(SITES),
                fills=SITES,
            ),
            Field(
                "ground_latitude",
                "deg",
                51.51,
                "Ground-site latitude",
                source="London (51.51 N)",
                kind="measurement",
                low=-86.0,
                high=86.0,
                reason="latitude beyond a pole, or within 4 deg of one: itur 0.4 returns no (NaN) attenuation "
                "north of about 86.5 deg (measured); polar stations (Svalbard 78 N, Troll 72 S) lie inside",
            ),
            Field(
                "ground_longitude",
                "deg",
                -0.13,
                "Ground-site longitude (east positive)",
                source="London (0.13 W)",
                kind="measurement",
                low=-180.0,
                high=360.0,
                reason="longitude is an angle from -180 to 360 deg",
            ),
            Field(
                "elevation",
                "deg",
                25.0,
                "Design (minimum) elevation of the satellite at the ground site",
                source="SpaceX FCC modification (2018) lowered the Starlink minimum elevation to 25 deg; "
                "the budget is evaluated at this worst geometry",
                kind="vendor",
                role="design",
                low=5.0,
                high=90.0,
                reason="below 5 deg the ITU-R P.676/P.618 slant-path methods are not stated; 90 deg is zenith",
            ),
            Field(
                "availability",
                "percent",
                99.9,
                "Fraction of an average year the link must close (the fade exceeded 100 % - this)",
                source="assumption: 99.9 % is a common gateway design target; ITU-R P.618 covers 95 % to 99.999 %",
                kind="assumption",
                low=95.0,
                high=99.999,
                reason="the ITU-R P.618-13 rain method is valid for 0.001 % to 5 % of the year exceeded",
                ui=(99.0, 99.99),
            ),
            # ---------------------------------------------------------------- satellite RF
            Field(
                "carriers",
                "",
                4,
                "Simultaneous downlink carriers / beams per satellite (ground stations or user-terminal beams in view)",
                source="assumption: a compute satellite with a few gateway beams; Starlink-class "
                "broadband satellites steer tens to hundreds of beams",
                kind="assumption",
                role="design",
                low=0.0,
                high=100000.0,
                integer=True,
                reason="a whole, non-negative number of carriers",
                ui=(0.0, 1000.0),
                spread=(2.0, 16.0),
            ),
            Field(
                "duty_cycle",
                "",
                0.8,
                "Fraction of time the carriers have a ground station in view",
                source="assumption: a dense gateway network sees a LEO satellite most of the time; "
                "oceans and polar passes leave gaps",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a duty cycle is a fraction of time",
                spread=(0.5, 1.0),
            ),
            Field(
                "tx_power_per_carrier",
                "W",
                20.0,
                "Satellite RF output power per carrier",
                source="assumption: GaN solid-state power amplifiers of 10-40 W per Ka-band beam",
                kind="assumption",
                role="design",
                low=0.0,
                low_open=True,
                high=10000.0,
                reason="a transmitter radiates positive power; 10 kW per carrier is beyond any space amplifier",
                ui=(1.0, 200.0),
                spread=(10.0, 40.0),
            ),
            Field(
                "satellite_array_area",
                "m^2",
                0.5,
                "Area of the satellite's phased-array aperture (each of tx and rx)",
                source="assumption: Starlink-class satellites carry flat phased arrays of a fraction "
                "of a square metre to a few square metres",
                kind="assumption",
                role="design",
                low=0.0,
                low_open=True,
                high=1000.0,
                reason="an antenna has a positive aperture",
                ui=(0.05, 10.0),
                spread=(0.25, 2.0),
            ),
            Field(
                "satellite_array_efficiency",
                "",
                0.65,
                "Aperture efficiency of the satellite array at broadside",
                source="assumption: taper, element and beam-former losses (Mailloux 2005)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an aperture efficiency is a fraction in (0, 1]",
            ),
            Field(
                "scan_exponent",
                "",
                1.2,
                "Scan-loss exponent x of cos^x(scan angle)",
                source="Mailloux 2005, ch. 1-2: projected aperture (x = 1) plus element pattern, about "
                "1.2-1.5 in practice",
                kind="assumption",
                low=1.0,
                high=3.0,
                reason="scan loss is at least the projected-aperture cos(theta); beyond cos^3 no array is modelled",
                spread=(1.0, 1.5),
            ),
            Field(
                "satellite_noise_figure_db",
                "",
                2.0,
                "Satellite receiver noise figure [dB]",
                source="assumption: Ka-band LNAs of 1.5-2.5 dB in flight payloads",
                kind="assumption",
                low=0.0,
                high=20.0,
                reason=_DB_REASON,
            ),
            Field(
                "satellite_antenna_temperature",
                "K",
                290.0,
                "Antenna noise temperature of an Earth-viewing satellite receiver",
                source="Maral & Bousquet, Satellite Communications Systems, section 5.5: 290 K for a "
                "beam filled by the Earth",
                kind="standard",
                low=0.0,
                high=1000.0,
                reason="a noise temperature is not negative; 1000 K is far above the Earth's brightness",
            ),
            Field(
                "amplifier_efficiency",
                "",
                0.3,
                "DC-to-RF efficiency of the satellite power amplifiers",
                source="assumption: GaN SSPAs at Ka band reach 30-40 % power-added efficiency",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an efficiency lies in (0, 1]",
                spread=(0.2, 0.45),
            ),
            Field(
                "electronics_power_per_carrier",
                "W",
                30.0,
                "DC power per carrier for modem, beam-former and receiver electronics",
                source="assumption",
                kind="assumption",
                low=0.0,
                high=10000.0,
                reason="electronics draw non-negative power",
            ),
            Field(
                "rf_mass_per_carrier",
                "kg",
                5.0,
                "RF payload mass per carrier (array share, amplifiers, modem)",
                source="assumption",
                kind="assumption",
                low=0.0,
                high=10000.0,
                reason="hardware has non-negative mass",
                spread=(2.0, 10.0),
            ),
            Field(
                "capacity_cap",
                "Gbit/s",
                1000.0,
                "Most the satellite can send to the ground over RF, whatever the budget gives (spectrum, "
                "beam and processor limits)",
                source="SpaceX (2025): Starlink V3 satellites to deliver 1 Tbit/s of downlink each, 10x "
                "V2 mini (projection; also a claim of the seed documents)",
                kind="projection",
                low=0.0,
                low_open=True,
                high=1e6,
                reason="a capacity is positive",
                ui=(1.0, 5000.0),
            ),
            # ---------------------------------------------------------------- ground segment
            Field(
                "ground_antenna_diameter",
                "m",
                1.5,
                "Ground antenna diameter (gateway dish or equivalent user array)",
                source="assumption: Starlink gateways use dishes of about 1.5 m (FCC earth-station "
                "filings); user terminals are ~0.5 m flat arrays",
                kind="assumption",
                role="design",
                low=0.1,
                high=100.0,
                reason="an antenna has a positive aperture; below 10 cm the aperture gain formula (D much larger than the wavelength) fails and the gain underflows",
                ui=(0.3, 13.0),
            ),
            Field(
                "ground_antenna_efficiency",
                "",
                0.65,
                "Ground antenna aperture efficiency",
                source="Maral & Bousquet section 5.2 (0.55-0.75 for reflectors); Pratt et al. examples use 0.65-0.68",
                kind="standard",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an aperture efficiency is a fraction in (0, 1]",
            ),
            Field(
                "ground_noise_figure_db",
                "",
                1.5,
                "Ground receiver (LNA) noise figure [dB]",
                source="assumption: Ka-band LNBs/LNAs of 1-2 dB",
                kind="assumption",
                low=0.0,
                high=20.0,
                reason=_DB_REASON,
            ),
            Field(
                "ground_spillover_temperature",
                "K",
                30.0,
                "Ground-station antenna noise from ground spill-over and radome (added to the sky noise)",
                source="assumption: 10-50 K for a tracking dish above 20 deg elevation (Maral & Bousquet section 5.5)",
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="a noise temperature is not negative",
            ),
            Field(
                "ground_tx_power",
                "W",
                100.0,
                "Ground-station RF power per uplink carrier",
                source="assumption: Ka-band gateway amplifiers of 50-400 W",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1e5,
                reason="a transmitter radiates positive power",
                ui=(1.0, 1000.0),
            ),
            Field(
                "other_losses_db",
                "",
                1.0,
                "Pointing, polarisation and feeder losses per link [dB]",
                source="assumption: 0.5-2 dB in textbook budgets (Pratt et al. ch. 4)",
                kind="assumption",
                low=0.0,
                high=30.0,
                reason=_DB_REASON,
            ),
            Field(
                "implementation_loss_db",
                "",
                0.5,
                "Modem implementation loss over the ideal DVB-S2X thresholds [dB]",
                source="assumption: 0.3-1 dB for commercial DVB-S2X demodulators (ETSI TR 102 376 "
                "discusses implementation margins)",
                kind="assumption",
                low=0.0,
                high=10.0,
                reason=_DB_REASON,
            ),
            Field(
                "required_margin_db",
                "",
                1.0,
                "Margin the chosen MODCOD must leave at the design fade [dB]",
                source="assumption",
                kind="assumption",
                low=0.0,
                high=20.0,
                reason=_DB_REASON,
            ),
            # ---------------------------------------------------------------- optical ISL
            Field(
                "isl_terminals",
                "",
                2,
                "Laser inter-satellite link terminals per satellite",
                source="assumption: Starlink satellites carry three or four laser terminals (SpaceX); "
                "a compute satellite needs at least two neighbours",
                kind="assumption",
                role="design",
                low=0.0,
                high=16.0,
                integer=True,
                reason="a whole, non-negative number of terminals",
            ),
            Field(
                "isl_range",
                "km",
                2000.0,
                "Inter-satellite link distance (one hop)",
                source="in-plane spacing of a 22-satellite plane at 550 km: 2 pi x 6928 km / 22 = 1979 km "
                "(Starlink shell 1 layout, SpaceX FCC filings)",
                kind="assumption",
                low=1.0,
                high=10000.0,
                reason="a link has positive length; beyond ~10,000 km LEO neighbours are below each other's horizon; below 1 km the far-field link budget does not apply",
                spread=(1000.0, 4000.0),
            ),
            Field(
                "isl_wavelength",
                "nm",
                1550.0,
                "Laser wavelength",
                source="telecom C band, used by the SDA optical communication terminal standard and most "
                "commercial LEO terminals",
                kind="standard",
                low=400.0,
                high=11000.0,
                reason="free-space laser communications use 0.4-11 um",
            ),
            Field(
                "isl_aperture",
                "mm",
                80.0,
                "Telescope clear aperture (transmit and receive)",
                source="Tesat SCOT80 (80 mm class) and similar LEO terminals (vendor figure)",
                kind="vendor",
                role="design",
                low=1.0,
                high=1000.0,
                reason="a telescope has a positive aperture; below 1 mm the diffraction-limited beam is too wide to close any link (the received power underflows)",
                spread=(40.0, 135.0),
            ),
            Field(
                "isl_tx_power",
                "W",
                2.0,
                "Optical transmit power",
                source="assumption: erbium-doped fibre amplifiers of 1-5 W in LEO terminals",
                kind="assumption",
                role="design",
                low=0.0,
                low_open=True,
                high=1000.0,
                reason="a laser emits positive power",
                spread=(0.5, 5.0),
            ),
            Field(
                "isl_optics_efficiency",
                "",
                0.7,
                "Transmit (and receive) antenna efficiency incl. truncation and optics",
                source="Klein & Degnan 1974: 0.81 maximum for a truncated Gaussian beam; optics transmission "
                "lowers it (assumption)",
                kind="assumption",
                low=0.0,
                low_open=True,
                high=1.0,
                reason="an efficiency lies in (0, 1]",
            ),
            Field(
                "isl_pointing_error",
                "urad",
                2.0,
                "Static pointing error of the transmit beam",
                source="assumption: fine-pointing loops hold a few microradians",
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="an angle magnitude; beyond 1 mrad the beam is lost",
                spread=(0.5, 5.0),
            ),
            Field(
                "isl_photons_per_bit",
                "",
                40.0,
                "Receiver sensitivity in photons per bit at the target BER",
                source="Hemmati (2006) ch. 4 and Kaushal & Kaddoum (2017): ~10-20 for coherent BPSK, "
                "40-100 for preamplified DPSK/OOK receivers",
                kind="assumption",
                low=0.01,
                high=1e5,
                reason="a receiver needs some light per bit; fewer than 0.01 photons per bit (100 bits per photon) is beyond any demonstrated photon efficiency",
                spread=(10.0, 100.0),
            ),
            Field(
                "isl_channel_rate",
                "Gbit/s",
                100.0,
                "Line rate of one optical transceiver (modem limit)",
                source="assumption: 100G coherent transceivers; SpaceX reports Starlink laser links of up "
                "to ~100-200 Gbit/s (vendor claim)",
                kind="assumption",
                low=0.001,
                high=1e5,
                reason="a transceiver has a positive rate; below 1 Mbit/s the terminal count diverges",
                spread=(10.0, 200.0),
            ),
            Field(
                "isl_wdm_channels",
                "",
                1,
                "Wavelength-division channels per terminal",
                source="assumption",
                kind="assumption",
                role="design",
                low=1.0,
                high=128.0,
                integer=True,
                reason="at least one channel; 128 is a dense-WDM grid",
            ),
            Field(
                "isl_margin_db",
                "",
                3.0,
                "Optical link margin held in reserve [dB]",
                source="assumption",
                kind="assumption",
                low=0.0,
                high=30.0,
                reason=_DB_REASON,
            ),
            Field(
                "isl_relay_fraction",
                "",
                0.5,
                "Share of the ISL capacity usable to hand this satellite's traffic to neighbours that downlink it",
                source="assumption: neighbours carry their own traffic too",
                kind="assumption",
                low=0.0,
                high=1.0,
                reason="a share is a fraction",
                spread=(0.0, 1.0),
            ),
            Field(
                "isl_terminal_mass",
                "kg",
                15.0,
                "Mass per laser terminal",
                source="assumption: commercial LEO optical terminals are 10-30 kg (vendor brochures)",
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="hardware has non-negative mass",
                spread=(8.0, 30.0),
            ),
            Field(
                "isl_terminal_power",
                "W",
                60.0,
                "DC power per laser terminal",
                source="assumption: commercial LEO optical terminals draw 40-150 W",
                kind="assumption",
                low=0.0,
                high=10000.0,
                reason="a terminal draws non-negative power",
                spread=(40.0, 150.0),
            ),
            # ---------------------------------------------------------------- latency and traffic
            Field(
                "isl_hops",
                "",
                1,
                "Inter-satellite hops from the user's access satellite to the compute satellite",
                source="assumption",
                kind="assumption",
                low=0.0,
                high=100.0,
                integer=True,
                reason="a whole, non-negative number of hops",
            ),
            Field(
                "processing_per_hop",
                "ms",
                0.1,
                "Switching/processing delay in each satellite traversed",
                source="assumption: on-board packet switching of order 0.1 ms",
                kind="assumption",
                low=0.0,
                high=1000.0,
                reason="a delay is not negative",
            ),
            Field(
                "fibre_route_factor",
                "",
                1.5,
                "Terrestrial fibre route length / great-circle distance",
                source="Bozkurt et al. 2018 (arXiv:1811.10737): 1.3 for shortest US conduit paths, 2.1 "
                "implied by measured Internet latency",
                kind="measurement",
                low=1.0,
                high=5.0,
                reason="a cable is never shorter than the great circle",
                spread=(1.3, 2.1),
            ),
            Field(
                "fibre_group_index",
                "",
                1.4682,
                "Group index of the fibre",
                source="Corning SMF-28 Ultra: 1.4682 at 1550 nm",
                kind="vendor",
                low=1.0,
                high=2.0,
                reason="no fibre carries light faster than vacuum; silica is ~1.47",
            ),
            Field(
                "protocol_overhead",
                "",
                1.5,
                "Bytes on the wire per byte of token text (framing, TLS, JSON)",
                source="assumption: TCP/IP + TLS + HTTP/JSON framing; token-by-token streaming can reach 10-50x",
                kind="assumption",
                low=1.0,
                high=1000.0,
                reason="framing adds bytes, it never removes them",
                spread=(1.1, 20.0),
            ),
        ),
    ),
)

_MODCOD_LABELS = {-1: "no MODCOD closes", **{i: n for i, n in enumerate(dvbs2x.NAMES)}}

OUTPUTS = (
    Output(
        "links.margin",
        "",
        "Downlink margin over the chosen MODCOD's threshold at the design fade [dB] "
        "(negative: the link does not close)",
    ),
    Output(
        "links.capacity", "Gbit/s", "Capacity per satellite for answers: RF downlink (duty cycle, cap) + usable ISL"
    ),
    Output(
        "links.uplink_capacity", "Gbit/s", "Capacity per satellite for prompts: RF uplink (duty cycle) + usable ISL"
    ),
    Output("links.token_rate_limit", "token/s", "Output tokens per second per satellite the links can carry"),
    Output("links.request_rate_limit", "1/s", "Requests per second per satellite the links can carry"),
    Output(
        "links.binding",
        "",
        "Links limit the token rate below the compute payload's (1) or not (0)",
        fmt=".0f",
        labels={0: "links do not bind", 1: "links bind"},
    ),
    Output("links.headroom", "", "Link-limited token rate / compute token rate (below 1: links bind)"),
    Output(
        "links.latency",
        "ms",
        "Round trip user -> access satellite -> ISL hops -> compute satellite (propagation + processing)",
    ),
    Output("links.fibre_latency", "ms", "Round trip over terrestrial fibre of the same great-circle distance"),
    Output("links.latency_vs_fibre", "ms", "links.latency - links.fibre_latency (negative: orbit is faster)"),
    Output(
        "links.ground_distance",
        "km",
        "Great-circle distance user -> compute satellite's sub-point used for the fibre comparison",
    ),
    Output("links.power", "kW", "Electrical power of the link terminals per satellite (RF + lasers)"),
    Output("links.mass", "kg", "Mass of the link terminals per satellite (RF + lasers)"),
    Output("links.slant_range", "km", "Slant range at the design elevation"),
    Output("links.downlink_path_loss", "", "Downlink free-space path loss [dB]"),
    Output(
        "links.downlink_atmospheric_loss",
        "",
        "Downlink atmospheric attenuation exceeded 100 % - availability of the year [dB]",
    ),
    Output("links.uplink_atmospheric_loss", "", "Uplink atmospheric attenuation at the same availability [dB]"),
    Output("links.downlink_eirp", "", "Satellite EIRP per carrier towards the ground site [dBW]"),
    Output("links.downlink_g_over_t", "", "Ground-station G/T including the sky-noise increase [dB/K]"),
    Output("links.downlink_es_n0", "", "Downlink Es/N0 at the design fade [dB]"),
    Output(
        "links.downlink_modcod",
        "",
        "DVB-S2X MODCOD of the downlink at the design fade",
        fmt=".0f",
        labels=_MODCOD_LABELS,
    ),
    Output("links.downlink_spectral_efficiency", "", "Downlink information bits per symbol [bit/symbol]"),
    Output("links.downlink_carrier_capacity", "Gbit/s", "Information rate of one downlink carrier at the design fade"),
    Output("links.downlink_shannon_capacity", "Gbit/s", "Shannon bound of one downlink carrier in the same bandwidth"),
    Output("links.uplink_margin", "", "Uplink margin at the design fade [dB]"),
    Output(
        "links.uplink_modcod", "", "DVB-S2X MODCOD of the uplink at the design fade", fmt=".0f", labels=_MODCOD_LABELS
    ),
    Output("links.uplink_carrier_capacity", "Gbit/s", "Information rate of one uplink carrier at the design fade"),
    Output(
        "links.rf_downlink_capacity", "Gbit/s", "RF downlink capacity per satellite (carriers x duty cycle, capped)"
    ),
    Output("links.isl_rate", "Gbit/s", "Achievable rate of one laser link (power- or modem-limited)"),
    Output("links.isl_margin", "", "Optical margin of one laser link at the achievable rate's line rate [dB]"),
    Output("links.isl_received_power", "W", "Optical power received over one ISL hop"),
    Output("links.isl_capacity", "Gbit/s", "Usable ISL capacity per satellite (terminals x rate x relay share)"),
)

READS: tuple[str, ...] = (
    "compute.tokens_per_second",
    "links.amplifier_efficiency",
    "links.atmosphere_extrapolation",
    "links.availability",
    "links.capacity_cap",
    "links.carriers",
    "links.channel_bandwidth",
    "links.downlink_frequency",
    "links.duty_cycle",
    "links.electronics_power_per_carrier",
    "links.elevation",
    "links.fibre_group_index",
    "links.fibre_route_factor",
    "links.ground_antenna_diameter",
    "links.ground_antenna_efficiency",
    "links.ground_latitude",
    "links.ground_longitude",
    "links.ground_noise_figure_db",
    "links.ground_spillover_temperature",
    "links.ground_tx_power",
    "links.implementation_loss_db",
    "links.isl_aperture",
    "links.isl_channel_rate",
    "links.isl_hops",
    "links.isl_margin_db",
    "links.isl_optics_efficiency",
    "links.isl_photons_per_bit",
    "links.isl_pointing_error",
    "links.isl_range",
    "links.isl_relay_fraction",
    "links.isl_terminal_mass",
    "links.isl_terminal_power",
    "links.isl_terminals",
    "links.isl_tx_power",
    "links.isl_wavelength",
    "links.isl_wdm_channels",
    "links.other_losses_db",
    "links.processing_per_hop",
    "links.protocol_overhead",
    "links.required_margin_db",
    "links.rf_mass_per_carrier",
    "links.rolloff",
    "links.satellite_antenna_temperature",
    "links.satellite_array_area",
    "links.satellite_array_efficiency",
    "links.satellite_noise_figure_db",
    "links.scan_exponent",
    "links.tx_power_per_carrier",
    "links.uplink_frequency",
    "orbit.altitude",
    "workload.bytes_per_token_in",
    "workload.bytes_per_token_out",
    "workload.output_tokens",
    "workload.prompt_tokens",
)
"""Every scenario field and upstream output this stage reads (the stage contract, checked by
``tests/test_contract.py`` against the fields, the earlier stages' outputs and a traced run)."""


_HALF_PI = math.pi / 2


def _atmosphere(p: Mapping[str, Any], frequency: Any, extrapolate: Any, name: str) -> Any:
    """Atmospheric loss [dB] at the ground site for one link direction (vectorised)."""
    f = _s(frequency)
    f_max = phys.ITUR_FREQUENCY_RANGE[1] * (1 + 1e-12)
    if extrapolate.__class__ is bool and (extrapolate or (f.__class__ is float and f <= f_max)):
        any_ext = extrapolate  # one scenario, or a switch shared by every row: nothing to check
    else:
        ext = np.asarray(extrapolate, dtype=bool)
        require(
            (f <= f_max) | ext,
            name,
            frequency,
            "<= 55 GHz, or set links.atmosphere_extrapolation = true (E band)",
            "ITU-R P.618-13's slant-path method (itur 0.4) is stated for frequencies up to 55 GHz",
        )
        any_ext = bool(np.any(ext))
    return phys.atmospheric_loss.__wrapped__(
        _s(p["links.ground_latitude"]),
        _s(p["links.ground_longitude"]),
        f,
        _s(p["links.elevation"]),
        1.0 - _s(p["links.availability"]),
        _s(p["links.ground_antenna_diameter"]),
        _s(p["links.ground_antenna_efficiency"]),
        extrapolate=any_ext,
    )


_read_inputs = input_reader(
    "links.elevation",
    "links.channel_bandwidth",
    "links.rolloff",
    "links.implementation_loss_db",
    "links.required_margin_db",
    "links.other_losses_db",
    "links.satellite_array_area",
    "links.satellite_array_efficiency",
    "links.scan_exponent",
    "links.ground_antenna_diameter",
    "links.ground_antenna_efficiency",
    "links.downlink_frequency",
    "links.uplink_frequency",
    "links.tx_power_per_carrier",
    "links.isl_wavelength",
    "links.isl_optics_efficiency",
    "links.isl_range",
    "links.isl_aperture",
    "links.isl_photons_per_bit",
    "links.isl_terminals",
    "links.carriers",
    "links.duty_cycle",
    "workload.prompt_tokens",
    "workload.output_tokens",
    "workload.bytes_per_token_in",
    "workload.bytes_per_token_out",
    "links.isl_hops",
    "links.processing_per_hop",
    "links.satellite_antenna_temperature",
    "links.isl_tx_power",
    "links.isl_pointing_error",
    "links.isl_margin_db",
    "links.isl_channel_rate",
    "links.isl_wdm_channels",
    "links.isl_relay_fraction",
    "links.capacity_cap",
    "links.protocol_overhead",
    "links.ground_spillover_temperature",
    "links.ground_noise_figure_db",
    "links.satellite_noise_figure_db",
    "links.fibre_group_index",
    "links.isl_terminal_power",
    "links.rf_mass_per_carrier",
    "links.isl_terminal_mass",
    "links.ground_tx_power",
    "links.fibre_route_factor",
    "links.electronics_power_per_carrier",
    "links.amplifier_efficiency",
)


def stage(p: Mapping[str, Any], out: dict) -> None:
    """RF and laser link budgets, capacities, latency and the link-limited token rate (SI).

    Field bounds are checked by the scenario layer; this stage calls the unchecked kernels
    of :mod:`orbitdc.physics.links` and checks the derived conditions (frequency within the
    atmospheric model, a noisy receiver, light received over the ISL, data per request).
    """
    # the numeric fields this stage reads, in one pass (Python floats or float arrays)
    (
        el,
        bw,
        rolloff,
        impl,
        margin_req,
        other,
        area,
        eta_a,
        scan_x,
        dia_g,
        eta_g,
        f_d,
        f_u,
        tx_pc,
        lam,
        eta_o,
        isl_range,
        aperture,
        ppb,
        n_isl,
        carriers,
        duty,
        n_in,
        n_out,
        b_in,
        in_workload_bytes_per_token_out,
        hops,
        t_proc,
        in_links_satellite_antenna_temperature,
        in_links_isl_tx_power,
        in_links_isl_pointing_error,
        in_links_isl_margin_db,
        in_links_isl_channel_rate,
        in_links_isl_wdm_channels,
        in_links_isl_relay_fraction,
        in_links_capacity_cap,
        in_links_protocol_overhead,
        in_links_ground_spillover_temperature,
        in_links_ground_noise_figure_db,
        in_links_satellite_noise_figure_db,
        in_links_fibre_group_index,
        in_links_isl_terminal_power,
        in_links_rf_mass_per_carrier,
        in_links_isl_terminal_mass,
        in_links_ground_tx_power,
        in_links_fibre_route_factor,
        in_links_electronics_power_per_carrier,
        in_links_amplifier_efficiency,
    ) = _read_inputs(p)
    h = _s(out["orbit.altitude"])
    el_c = min(el, _HALF_PI) if el.__class__ is float else np.minimum(el, _HALF_PI)
    ext = p["links.atmosphere_extrapolation"]
    scan = kl.nadir_angle(h, el_c, R_EARTH)
    common = kl.rf_common(h, el_c, bw, rolloff, R_EARTH)  # same geometry and carrier both ways

    # ---------------------------------------------------------------- downlink
    atm_d = _atmosphere(p, f_d, ext, "links.downlink_frequency")
    g_sat_d, g_sat_u = kl.phased_array_gains(area, (f_d, f_u), eta_a, scan, scan_x)
    g_gnd_d = kl.antenna_gain(dia_g, f_d, eta_g)
    t_gnd = kl.system_noise_temperature(
        kl.sky_noise_temperature(atm_d) + in_links_ground_spillover_temperature,
        kl.noise_temperature_from_noise_figure(in_links_ground_noise_figure_db),
    )
    down = phys.RFBudget(
        *kl.rf_link_budget(
            h, el_c, f_d, bw, tx_pc, g_sat_d, g_gnd_d, t_gnd, atm_d, other, rolloff, margin_req, impl, R_EARTH, common
        )
    )

    # ---------------------------------------------------------------- uplink
    atm_u = _atmosphere(p, f_u, ext, "links.uplink_frequency")
    g_gnd_u = kl.antenna_gain(dia_g, f_u, eta_g)
    t_sat = kl.system_noise_temperature(
        in_links_satellite_antenna_temperature,
        kl.noise_temperature_from_noise_figure(in_links_satellite_noise_figure_db),
    )
    phys._require(t_sat > 0, "system_temperature", t_sat, "> 0 K", "a receiver at 0 K noise is unphysical")
    up = phys.RFBudget(
        *kl.rf_link_budget(
            h,
            el_c,
            f_u,
            bw,
            in_links_ground_tx_power,
            g_gnd_u,
            g_sat_u,
            t_sat,
            atm_u,
            other,
            rolloff,
            margin_req,
            impl,
            R_EARTH,
            common,
            shannon=False,  # only the downlink's Shannon capacity is an output
        )
    )

    # ---------------------------------------------------------------- optical ISL
    pr = kl.optical_received_power(
        in_links_isl_tx_power, isl_range, lam, aperture, aperture, eta_o, eta_o, in_links_isl_pointing_error
    )
    phys._require(pr > 0, "received_power", pr, "> 0 W", "must be positive")
    isl_rate = kl.optical_achievable_rate(
        pr, ppb, lam, in_links_isl_margin_db, in_links_isl_channel_rate, in_links_isl_wdm_channels
    )
    isl_margin = kl.optical_link_margin(pr, isl_rate, ppb, lam)
    isl_cap = n_isl * isl_rate * in_links_isl_relay_fraction

    # ---------------------------------------------------------------- capacities
    rf_down = kc.minimum(carriers * down.capacity * duty, in_links_capacity_cap)
    rf_up = carriers * up.capacity * duty
    cap_down = rf_down + isl_cap
    cap_up = rf_up + isl_cap

    # ---------------------------------------------------------------- tokens
    b_out = in_workload_bytes_per_token_out
    # the workload's bytes per token are SI bits in p; the physics takes bytes
    b_out = b_out / 8.0
    req, bits = kl.request_rate(cap_down, cap_up, n_in, n_out, b_in / 8.0, b_out, in_links_protocol_overhead)
    phys._require(
        bits > 0,
        "bytes_per_token_out",
        b_out,
        "> 0 (or prompt data > 0)",
        "a request must carry some data over the links, or the link-limited rate is unbounded",
    )
    tokens_limit = req * n_out

    # ---------------------------------------------------------------- latency
    re = R_EARTH
    one_way = (down.slant_range + hops * isl_range) / C + (hops + 1.0) * t_proc
    rtt = 2.0 * one_way
    gamma = kc.arccos(re * kc.cos(el) / (re + h)) - el  # Earth central angle user -> access sub-point
    ground = re * gamma + hops * isl_range * re / (re + h)
    fibre = in_links_fibre_group_index * (ground * in_links_fibre_route_factor) / C
    rtt_fibre = 2.0 * fibre

    # ---------------------------------------------------------------- power and mass
    power = (
        carriers * (tx_pc / in_links_amplifier_efficiency + in_links_electronics_power_per_carrier)
        + n_isl * in_links_isl_terminal_power
    )
    mass = carriers * in_links_rf_mass_per_carrier + n_isl * in_links_isl_terminal_mass

    out["links.margin"] = _f(down.margin)
    out["links.capacity"] = _f(cap_down)
    out["links.uplink_capacity"] = _f(cap_up)
    out["links.token_rate_limit"] = _f(tokens_limit)
    out["links.request_rate_limit"] = _f(req)
    c = _s(out["compute.tokens_per_second"])
    out["links.binding"] = _f(kc.where(tokens_limit < c, 1.0, 0.0))
    serving = c > 0
    if serving is True or (serving.__class__ is not bool and serving.all()):
        out["links.headroom"] = _f(tokens_limit / c)  # the where below, on every row
    else:
        out["links.headroom"] = _f(kc.where(serving, tokens_limit / kc.where(serving, c, 1.0), 1.0))
    out["links.latency"] = _f(rtt)
    out["links.fibre_latency"] = _f(rtt_fibre)
    out["links.latency_vs_fibre"] = _f(rtt - rtt_fibre)
    out["links.ground_distance"] = _f(ground)
    out["links.power"] = _f(power)
    out["links.mass"] = _f(mass)
    out["links.slant_range"] = _f(down.slant_range)
    out["links.downlink_path_loss"] = _f(down.path_loss)
    out["links.downlink_atmospheric_loss"] = _f(atm_d)
    out["links.uplink_atmospheric_loss"] = _f(atm_u)
    out["links.downlink_eirp"] = _f(down.eirp)
    out["links.downlink_g_over_t"] = _f(down.g_over_t)
    out["links.downlink_es_n0"] = _f(down.es_over_n0)
    out["links.downlink_modcod"] = _f(down.modcod_index)
    out["links.downlink_spectral_efficiency"] = _f(down.spectral_efficiency)
    out["links.downlink_carrier_capacity"] = _f(down.capacity)
    out["links.downlink_shannon_capacity"] = _f(down.shannon_capacity)
    out["links.uplink_margin"] = _f(up.margin)
    out["links.uplink_modcod"] = _f(up.modcod_index)
    out["links.uplink_carrier_capacity"] = _f(up.capacity)
    out["links.rf_downlink_capacity"] = _f(rf_down)
    out["links.isl_rate"] = _f(isl_rate)
    out["links.isl_margin"] = _f(isl_margin)
    out["links.isl_received_power"] = _f(pr)
    out["links.isl_capacity"] = _f(isl_cap)
