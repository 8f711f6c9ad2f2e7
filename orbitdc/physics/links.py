"""Communication links of an orbital data centre: RF link budgets, optical ISLs, latency.

Pure functions of SI floats or numpy arrays (broadcasting everywhere, no loops over
scenarios, no I/O).  Pint quantities and unit strings are accepted at the surface through
:func:`orbitdc.units.accepts`; bare numbers are SI (m, s, Hz, W, K, rad, bit/s).

Quantities that engineers book-keep in decibels (gains, losses, EIRP, G/T, C/N0, Es/N0,
margins) are returned in dB (dBi, dBW, dB/K, dBHz) as documented per function; every other
return value is SI.

This module is the facade of the link physics; the code lives in one module per domain and
everything is re-exported here under its old name (the unchecked formulas the pipeline
stage calls are the kernels of :mod:`orbitdc.kernels.links`):

* :mod:`orbitdc.physics.link_geometry` -- slant range, nadir angle, great-circle distance;
* :mod:`orbitdc.physics.rf_budget` -- the RF link budget and DVB-S2X;
* :mod:`orbitdc.physics.rf_atmosphere` -- atmospheric attenuation (the ``itur`` wrapper);
* :mod:`orbitdc.physics.optical` -- optical inter-satellite links;
* :mod:`orbitdc.physics.latency` -- latency and the link-limited request rate.

Contents
--------
* Geometry: :func:`slant_range`, :func:`nadir_angle`, :func:`great_circle_distance`.
* RF budget: :func:`free_space_path_loss`, :func:`antenna_gain` (reflector),
  :func:`phased_array_gain` (with cos^x scan loss), :func:`eirp`,
  :func:`noise_temperature_from_noise_figure`, :func:`sky_noise_temperature`,
  :func:`system_noise_temperature`, :func:`g_over_t`, :func:`carrier_to_noise_density`,
  :func:`es_over_n0`, :func:`eb_over_n0`, :func:`symbol_rate`, :func:`required_es_n0`,
  :func:`spectral_efficiency` (DVB-S2X, :mod:`orbitdc.physics.dvbs2x`),
  :func:`shannon_capacity`, :func:`link_margin`, :func:`rf_link_budget`.
* Atmosphere: :func:`atmospheric_loss`, a cached wrapper over the ``itur`` package
  (ITU-R P.618 / P.676 / P.840 / P.837 / P.838 / P.839 / P.453 / P.1511).
* Optical ISL: :func:`photon_energy`, :func:`gaussian_beam_divergence`,
  :func:`optical_antenna_gain`, :func:`optical_pointing_loss`,
  :func:`optical_received_power`, :func:`optical_required_power`,
  :func:`optical_link_margin`, :func:`optical_achievable_rate`.
* Latency: :func:`propagation_delay`, :func:`fibre_latency`,
  :func:`satellite_route_latency`.
* Inference traffic: :func:`link_limited_request_rate`.

References (used throughout)
----------------------------
.. [MB] Maral, G., Bousquet, M. and Sun, Z. (2020), "Satellite Communications Systems",
   6th ed., Wiley, ch. 5 (link budgets).
.. [PBA] Pratt, T., Bostian, C. and Allnutt, J. (2003), "Satellite Communications",
   2nd ed., Wiley, ch. 4 (link design).
.. [ITU618] ITU-R P.618-13 (2017), "Propagation data and prediction methods required for
   the design of Earth-space telecommunication systems".
.. [DVB] ETSI EN 302 307-1 V1.4.1 (2014) and EN 302 307-2 V1.1.1 (2015) (DVB-S2/S2X).
.. [KD] Klein, B. J. and Degnan, J. J. (1974), "Optical antenna gain. 1: Transmitting
   antennas", Applied Optics 13(9), 2134-2141.
.. [HEM] Hemmati, H. (ed.) (2006), "Deep Space Optical Communications", Wiley, ch. 4;
   and Kaushal, H. and Kaddoum, G. (2017), "Optical communication in space: challenges
   and mitigation techniques", IEEE Commun. Surveys Tuts. 19(1), 57-96.
"""

from __future__ import annotations

from ..constants import R_EARTH, R_EARTH_MEAN  # noqa: F401  (re-exported)
from ._checks import check as _require  # noqa: F401  (re-exported for the links section)
from .latency import (  # noqa: F401
    FIBRE_GROUP_INDEX,
    FIBRE_ROUTE_FACTOR,
    SatelliteRoute,
    fibre_latency,
    link_limited_request_rate,
    propagation_delay,
    satellite_route_latency,
)
from .link_geometry import (  # noqa: F401
    _db,
    _earth_central_angle,
    _elevation,
    _finite,
    _fraction,
    _nonneg,
    _positive,
    great_circle_distance,
    nadir_angle,
    slant_range,
)
from .optical import (  # noqa: F401
    gaussian_beam_divergence,
    optical_achievable_rate,
    optical_antenna_gain,
    optical_link_margin,
    optical_pointing_loss,
    optical_received_power,
    optical_required_power,
    photon_energy,
)
from .rf_atmosphere import (  # noqa: F401
    _ATM_CACHE,
    _ATM_CACHE_MAX,
    _ATM_SCALAR,
    ITUR_EXCEEDANCE_RANGE,
    ITUR_EXTRAPOLATION_LIMIT,
    ITUR_FREQUENCY_RANGE,
    ITUR_MIN_ELEVATION,
    AtmosphericLoss,
    _itur,
    _itur_call,
    _itur_lookup,
    atmospheric_loss,
)
from .rf_budget import (  # noqa: F401
    COSMIC_BACKGROUND,
    SKY_MEDIUM_TEMPERATURE,
    T0,
    RFBudget,
    _best_modcod,
    antenna_gain,
    carrier_to_noise_density,
    eb_over_n0,
    eirp,
    es_over_n0,
    free_space_path_loss,
    g_over_t,
    link_margin,
    noise_temperature_from_noise_figure,
    phased_array_gain,
    required_es_n0,
    rf_link_budget,
    shannon_capacity,
    shannon_spectral_efficiency,
    sky_noise_temperature,
    spectral_efficiency,
    symbol_rate,
    system_noise_temperature,
)

__all__ = [
    "slant_range",
    "nadir_angle",
    "great_circle_distance",
    "free_space_path_loss",
    "antenna_gain",
    "phased_array_gain",
    "eirp",
    "noise_temperature_from_noise_figure",
    "sky_noise_temperature",
    "system_noise_temperature",
    "g_over_t",
    "carrier_to_noise_density",
    "es_over_n0",
    "eb_over_n0",
    "symbol_rate",
    "required_es_n0",
    "spectral_efficiency",
    "shannon_capacity",
    "shannon_spectral_efficiency",
    "link_margin",
    "rf_link_budget",
    "RFBudget",
    "atmospheric_loss",
    "AtmosphericLoss",
    "ITUR_FREQUENCY_RANGE",
    "ITUR_EXTRAPOLATION_LIMIT",
    "ITUR_EXCEEDANCE_RANGE",
    "ITUR_MIN_ELEVATION",
    "photon_energy",
    "gaussian_beam_divergence",
    "optical_antenna_gain",
    "optical_pointing_loss",
    "optical_received_power",
    "optical_required_power",
    "optical_link_margin",
    "optical_achievable_rate",
    "propagation_delay",
    "fibre_latency",
    "satellite_route_latency",
    "SatelliteRoute",
    "link_limited_request_rate",
    "FIBRE_GROUP_INDEX",
    "FIBRE_ROUTE_FACTOR",
    "SKY_MEDIUM_TEMPERATURE",
    "COSMIC_BACKGROUND",
    "T0",
]
