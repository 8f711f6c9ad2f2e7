"""Launch vehicles: the catalog with a source for every figure, and payload to a given orbit.

Part of :mod:`orbitdc.physics.launch` (which re-exports every public name here): the
launch-vehicle catalog (:data:`VEHICLES`) with a source and a kind for every figure, and a
first-order payload reduction with altitude and inclination (:func:`payload_to_orbit`): the
upper stage's rocket equation applied to the extra delta-v (Hohmann raise from the reference
orbit, loss of the Earth-rotation credit for higher inclinations, plane change below the
launch-site latitude).

References
----------
.. [1] Wertz, J. R. and Larson, W. J. (eds.) (1999), Space Mission Analysis and Design,
   3rd ed. (SMAD), Microcosm / Kluwer: chapter 7 (delta-v budget), chapter 18 (launch
   systems).
.. [2] Vallado, D. A. (2013), Fundamentals of Astrodynamics and Applications, 4th ed.,
   Microcosm Press, section 6.3 (Hohmann transfer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from ..constants import DEG
from ..errors import ScenarioError, require
from ..kernels import launch as kla
from ..kernels.compute import where as _where
from ..units import accepts
from ._checks import finite as _finite
from ._checks import nonneg as _nonneg
from ._checks import out_float as _out
from ._checks import positive as _positive
from ._rocket import _altitude, _ve

__all__ = [
    "Vehicle",
    "VEHICLES",
    "PRICE_BASES",
    "vehicle",
    "launch_price",
    "payload_after_delta_v",
    "payload_to_orbit",
    "vehicle_payload",
]


# ---------------------------------------------------------------------------------------
# launch vehicles
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Vehicle:
    """One launch vehicle of the catalog; every figure carries a kind and a source.

    Attributes
    ----------
    key, name : str
        Catalog key and display name.
    payload_mass : float [kg]
        Payload to the reference orbit.
    reference_altitude : float [m]
        Altitude of the (circular) orbit at which ``payload_mass`` is quoted.
    reference_inclination : float [rad]
        Inclination of that orbit.
    launch_latitude : float [rad]
        Latitude of the launch site (lowest inclination without a plane change).
    fairing_volume : float [m3]
        Usable payload volume.
    price : float [USD]
        Price per launch.
    upper_stage_dry_mass : float [kg]
        Burn-out mass of the stage that delivers the payload (for the altitude /
        inclination reduction).
    upper_stage_isp : float [s]
        Vacuum specific impulse of that stage.
    reuse : str
        Reuse assumption behind the price and payload.
    provenance : mapping
        ``{attribute: (kind, source)}`` for every number above.
    """

    key: str
    name: str
    payload_mass: float
    reference_altitude: float
    reference_inclination: float
    launch_latitude: float
    fairing_volume: float
    price: float
    upper_stage_dry_mass: float
    upper_stage_isp: float
    reuse: str
    provenance: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def price_per_kg(self) -> float:
        """Price per kg of payload to the reference orbit [USD/kg]."""
        return self.price / self.payload_mass


# Shared figures -------------------------------------------------------------------------
_F9_FAIRING = (
    "vendor",
    "SpaceX Falcon User's Guide (2021-2025 eds.), Fig. 5-1: standard fairing dynamic envelope "
    "4.6 m diameter, 6.7 m cylinder, 11 m total height tapering to 1.45 m; cylinder "
    "(111 m3) + frustum (34 m3) = 145 m3 (computed here)",
)
_F9_S2_ISP = ("vendor", "SpaceX Falcon 9 web page / Falcon User's Guide: Merlin Vacuum 348 s")
_F9_S2_DRY = ("assumption", "Falcon second-stage burn-out mass not published; about 4 t is the common estimate")
_F9_LIST = ("vendor", "SpaceX 'Capabilities & Services' list price (2024-2025): USD 69.75 M per Falcon 9 launch")
_CAPE = ("standard", "Cape Canaveral / KSC latitude 28.5 deg N")
_SS_VOLUME = (
    "vendor",
    "Starship Users Guide rev. 1.0 (SpaceX, March 2020): 8 m diameter payload envelope, up to "
    "22 m tall (extended); about 1,000 m3 usable (estimate from that envelope)",
)
_SS_DRY = (
    "projection",
    "Starship upper-stage dry mass goal of about 120 t (SpaceX presentations, 2019-2024); "
    "Block 2/3 actual not published",
)
_SS_ISP = ("vendor", "Raptor Vacuum about 380 s (SpaceX)")
_STARBASE = ("standard", "Starbase, Texas, latitude 26.0 deg N")

VEHICLES: Mapping[str, Vehicle] = MappingProxyType(
    {
        "falcon9-reusable": Vehicle(
            "falcon9-reusable",
            "Falcon 9 (booster reused)",
            payload_mass=17_500.0,
            reference_altitude=280e3,
            reference_inclination=53.0 * DEG,
            launch_latitude=28.5 * DEG,
            fairing_volume=145.0,
            price=69.75e6,
            upper_stage_dry_mass=4_000.0,
            upper_stage_isp=348.0,
            reuse="first stage lands on a drone ship and is reflown, fairing halves recovered, upper stage expended",
            provenance=MappingProxyType(
                {
                    "payload_mass": (
                        "assumption",
                        "about 17.5 t: Starlink V2-mini batches (21-24 satellites of roughly 0.75-0.8 t, "
                        "press reports 2023-2025) to a ~280 km x 53 deg insertion orbit with booster "
                        "recovery; SpaceX publishes no reusable LEO figure",
                    ),
                    "reference_altitude": ("assumption", "Starlink insertion orbit, about 280 km"),
                    "reference_inclination": ("measurement", "Starlink shells at 53 deg"),
                    "launch_latitude": _CAPE,
                    "fairing_volume": _F9_FAIRING,
                    "price": _F9_LIST,
                    "upper_stage_dry_mass": _F9_S2_DRY,
                    "upper_stage_isp": _F9_S2_ISP,
                }
            ),
        ),
        "falcon9-expendable": Vehicle(
            "falcon9-expendable",
            "Falcon 9 (expendable)",
            payload_mass=22_800.0,
            reference_altitude=200e3,
            reference_inclination=28.5 * DEG,
            launch_latitude=28.5 * DEG,
            fairing_volume=145.0,
            price=69.75e6,
            upper_stage_dry_mass=4_000.0,
            upper_stage_isp=348.0,
            reuse="booster expended (no landing propellant)",
            provenance=MappingProxyType(
                {
                    "payload_mass": ("vendor", "SpaceX Falcon 9 web page: payload to LEO 22,800 kg (expendable)"),
                    "reference_altitude": ("assumption", "LEO reference orbit taken as 200 km circular"),
                    "reference_inclination": _CAPE,
                    "launch_latitude": _CAPE,
                    "fairing_volume": _F9_FAIRING,
                    "price": (
                        "vendor",
                        "list price USD 69.75 M (SpaceX 2024-2025); SpaceX's price list has paired its list "
                        "price with the expendable capacity (2016: USD 62 M with 22.8 t), but an expended "
                        "booster's price is not published: optimistic",
                    ),
                    "upper_stage_dry_mass": _F9_S2_DRY,
                    "upper_stage_isp": _F9_S2_ISP,
                }
            ),
        ),
        "falcon-heavy": Vehicle(
            "falcon-heavy",
            "Falcon Heavy (expendable)",
            payload_mass=63_800.0,
            reference_altitude=200e3,
            reference_inclination=28.5 * DEG,
            launch_latitude=28.5 * DEG,
            fairing_volume=145.0,
            price=97.0e6,
            upper_stage_dry_mass=4_000.0,
            upper_stage_isp=348.0,
            reuse="63.8 t needs all three cores expended; the list price is for side boosters recovered",
            provenance=MappingProxyType(
                {
                    "payload_mass": ("vendor", "SpaceX Falcon Heavy web page: payload to LEO (28.5 deg) 63,800 kg"),
                    "reference_altitude": ("assumption", "LEO reference orbit taken as 200 km circular"),
                    "reference_inclination": _CAPE,
                    "launch_latitude": _CAPE,
                    "fairing_volume": ("vendor", _F9_FAIRING[1] + "; an extended fairing is offered"),
                    "price": (
                        "vendor",
                        "SpaceX list price USD 97 M (2022-2025) for the standard service; the fully expendable "
                        "price is not published (NASA's Europa Clipper launch contract, 2021, was about "
                        "USD 178 M): optimistic",
                    ),
                    "upper_stage_dry_mass": _F9_S2_DRY,
                    "upper_stage_isp": _F9_S2_ISP,
                }
            ),
        ),
        "starship-flown": Vehicle(
            "starship-flown",
            "Starship as flown (2025 test flights)",
            payload_mass=16_000.0,
            reference_altitude=200e3,
            reference_inclination=26.0 * DEG,
            launch_latitude=26.0 * DEG,
            fairing_volume=1_000.0,
            price=100.0e6,
            upper_stage_dry_mass=120_000.0,
            upper_stage_isp=380.0,
            reuse="test flights: ships expended at splashdown; boosters caught and one reflown (2025)",
            provenance=MappingProxyType(
                {
                    "payload_mass": (
                        "assumption",
                        "demonstrated, not rated: Flight 10 (26 Aug 2025) and Flight 11 (13 Oct 2025) each "
                        "deployed 8 Starlink V3 mass simulators on a sub-orbital trajectory; their mass is "
                        "not published (about 2 t each in press reports, ~16 t); no payload delivered to "
                        "orbit yet, so every operational figure is a projection",
                    ),
                    "reference_altitude": (
                        "assumption",
                        "treated as a 200 km circular equivalent (flights were sub-orbital)",
                    ),
                    "reference_inclination": _STARBASE,
                    "launch_latitude": _STARBASE,
                    "fairing_volume": _SS_VOLUME,
                    "price": (
                        "assumption",
                        "no price published; test flights expend a ship; order of USD 100 M hardware "
                        "and operations per flight (assumption)",
                    ),
                    "upper_stage_dry_mass": _SS_DRY,
                    "upper_stage_isp": _SS_ISP,
                }
            ),
        ),
        "starship-projected": Vehicle(
            "starship-projected",
            "Starship as projected (fully reusable)",
            payload_mass=150_000.0,
            reference_altitude=200e3,
            reference_inclination=26.0 * DEG,
            launch_latitude=26.0 * DEG,
            fairing_volume=1_000.0,
            price=10.0e6,
            upper_stage_dry_mass=120_000.0,
            upper_stage_isp=380.0,
            reuse="booster and ship both caught and reflown",
            provenance=MappingProxyType(
                {
                    "payload_mass": (
                        "projection",
                        "SpaceX: 100-150 t to LEO fully reusable; Musk (12 Jul 2019): '150 t reference "
                        "payload... 100-125 t useful load to useful orbit'. With this model 150 t at 200 km "
                        "gives about 106 t at 500 km / 98.9 deg, matching the Users Guide's '100+ t'",
                    ),
                    "reference_altitude": ("assumption", "reference orbit taken as 200 km circular"),
                    "reference_inclination": _STARBASE,
                    "launch_latitude": _STARBASE,
                    "fairing_volume": _SS_VOLUME,
                    "price": (
                        "projection",
                        "Musk, Starbase update (10 Feb 2022): 'less than $10 million all in' per flight "
                        "within two to three years",
                    ),
                    "upper_stage_dry_mass": _SS_DRY,
                    "upper_stage_isp": _SS_ISP,
                }
            ),
        ),
        "starship-claim-200k": Vehicle(
            "starship-claim-200k",
            "Starship at USD 200k (seed documents' claim)",
            payload_mass=150_000.0,
            reference_altitude=200e3,
            reference_inclination=26.0 * DEG,
            launch_latitude=26.0 * DEG,
            fairing_volume=1_000.0,
            price=200_000.0,
            upper_stage_dry_mass=120_000.0,
            upper_stage_isp=380.0,
            reuse="full and rapid reuse, propellant-dominated marginal cost",
            provenance=MappingProxyType(
                {
                    "payload_mass": ("claim", "seed documents: Starship carries 100-150 t to LEO (upper figure)"),
                    "reference_altitude": ("assumption", "reference orbit taken as 200 km circular"),
                    "reference_inclination": _STARBASE,
                    "launch_latitude": _STARBASE,
                    "fairing_volume": _SS_VOLUME,
                    "price": (
                        "claim",
                        "seed documents: about USD 200,000 per Starship launch (end-2025 goal), "
                        "'99.6 % cheaper' than USD 50-150 M conventional launches",
                    ),
                    "upper_stage_dry_mass": _SS_DRY,
                    "upper_stage_isp": _SS_ISP,
                }
            ),
        ),
        "generic": Vehicle(
            "generic",
            "Generic (user-defined)",
            payload_mass=20_000.0,
            reference_altitude=200e3,
            reference_inclination=28.5 * DEG,
            launch_latitude=28.5 * DEG,
            fairing_volume=150.0,
            price=100.0e6,
            upper_stage_dry_mass=4_000.0,
            upper_stage_isp=340.0,
            reuse="user-defined",
            provenance=MappingProxyType(
                {
                    "payload_mass": ("assumption", "a conventional medium-heavy launcher; set your own"),
                    "reference_altitude": ("assumption", "200 km circular"),
                    "reference_inclination": _CAPE,
                    "launch_latitude": _CAPE,
                    "fairing_volume": ("assumption", "a 5 m class fairing"),
                    "price": ("claim", "seed documents: USD 50-150 M for conventional launches (mid-point)"),
                    "upper_stage_dry_mass": ("assumption", "kerosene/LOX upper stage of a medium launcher"),
                    "upper_stage_isp": ("assumption", "kerosene/LOX vacuum engine"),
                }
            ),
        ),
    }
)
"""The launch-vehicle catalog, keyed by ``Vehicle.key``."""


def vehicle(key: str) -> Vehicle:
    """The catalog entry ``key`` (ScenarioError naming the known keys otherwise)."""
    if key not in VEHICLES:
        raise ScenarioError("vehicle", key, "one of " + ", ".join(repr(k) for k in VEHICLES), "unknown launch vehicle")
    return VEHICLES[key]


@accepts(payload_mass="kg", delta_v="m/s", upper_stage_dry_mass="kg", upper_stage_isp="s")
def payload_after_delta_v(payload_mass, delta_v, upper_stage_dry_mass, upper_stage_isp):
    """Payload left when the upper stage must supply an extra delta-v.

    Parameters
    ----------
    payload_mass : float or array [kg]
        Payload to the reference orbit (> 0).
    delta_v : float or array [m/s]
        Extra delta-v beyond the reference orbit (negative: less than the reference).
    upper_stage_dry_mass : float or array [kg]
        Burn-out mass of the stage (>= 0).
    upper_stage_isp : float or array [s]
        Its specific impulse (> 0).

    Returns
    -------
    float or array [kg]
        :math:`m_{pl} = (m_{pl,ref} + m_s)\\,e^{-\\Delta v/(I_{sp} g_0)} - m_s`: the stage and
        payload that reached the reference orbit spend propellant (taken from the payload
        allowance) for the extra delta-v.  May be <= 0: out of the vehicle's reach.

    References
    ----------
    .. [1] Curtis (2014), eq. 11.30 (rocket equation); SMAD 3rd ed. (1999), chapter 18.
    """
    p = _positive("payload_mass", payload_mass, "a launch vehicle lifts a positive payload")
    dv = _finite("delta_v", delta_v)
    ms = _nonneg("upper_stage_dry_mass", upper_stage_dry_mass, "mass is not negative")
    ve = _ve(upper_stage_isp)
    return _out((p + ms) * np.exp(-dv / ve) - ms)


@accepts(
    payload_mass="kg",
    altitude="m",
    inclination="rad",
    reference_altitude="m",
    reference_inclination="rad",
    launch_latitude="rad",
    upper_stage_dry_mass="kg",
    upper_stage_isp="s",
)
def payload_to_orbit(
    payload_mass,
    altitude,
    inclination,
    reference_altitude,
    reference_inclination,
    launch_latitude,
    upper_stage_dry_mass,
    upper_stage_isp,
):
    """Payload a vehicle delivers to a circular orbit, from its reference payload.

    A first-order model for trades, not a trajectory optimisation: the upper stage pays for
    the delta-v difference between the target and the reference orbit,

    * a Hohmann raise (or lowering) between the two altitudes,
    * the Earth-rotation credit :math:`\\omega_E R_E \\cos i` lost at higher inclination
      (465 m/s at the equator; a retrograde sun-synchronous orbit pays it back),
    * a plane change :math:`2 v \\sin((\\phi - i)/2)` for inclinations below the launch
      latitude :math:`\\phi`,

    through the rocket equation (:func:`payload_after_delta_v`).  Checked against vendor
    figures in the tests: Falcon 9 / Falcon Heavy LEO to GTO within 10 %, Starship 150 t
    reference to the Users Guide's "100+ t" at 500 km / 98.9 deg.

    Parameters
    ----------
    payload_mass : float or array [kg]
        Payload to the reference orbit (> 0).
    altitude : float or array [m]
        Target circular altitude (100 km to 100,000 km).
    inclination : float or array [rad]
        Target inclination, 0 to pi.
    reference_altitude, reference_inclination : float or array [m], [rad]
        Orbit at which ``payload_mass`` is quoted.
    launch_latitude : float or array [rad]
        Launch-site latitude, 0 to pi/2.
    upper_stage_dry_mass : float or array [kg]
        Burn-out mass of the stage that delivers the payload (>= 0).
    upper_stage_isp : float or array [s]
        Its vacuum specific impulse (> 0).

    Returns
    -------
    float or array [kg]
        Payload to the target orbit (> 0).

    Raises
    ------
    ScenarioError
        If the target orbit is beyond the vehicle's reach (payload <= 0), or inputs are
        out of range.

    References
    ----------
    .. [1] Vallado (2013), section 6.3 (Hohmann transfer); SMAD 3rd ed. (1999), chapter 18
       (launch-site latitude and azimuth, performance to other orbits).
    """
    _positive("payload_mass", payload_mass, "a launch vehicle lifts a positive payload")
    _altitude("altitude", altitude)
    _altitude("reference_altitude", reference_altitude)
    for n, v in (("inclination", inclination), ("reference_inclination", reference_inclination)):
        a = _finite(n, v)
        require((a >= 0) & (a <= np.pi), n, v, "0 to pi rad", "an inclination lies between 0 and 180 deg")
    lat = _finite("launch_latitude", launch_latitude)
    require(
        (lat >= 0) & (lat <= np.pi / 2),
        "launch_latitude",
        launch_latitude,
        "0 to pi/2 rad",
        "a latitude's magnitude is at most 90 deg",
    )
    _nonneg("upper_stage_dry_mass", upper_stage_dry_mass, "mass is not negative")
    _ve(upper_stage_isp)
    pl = kla.payload_to_orbit(
        payload_mass,
        altitude,
        inclination,
        reference_altitude,
        reference_inclination,
        launch_latitude,
        upper_stage_dry_mass,
        upper_stage_isp,
    )
    require(
        pl > 0,
        "altitude",
        altitude,
        "an orbit within the vehicle's reach",
        "the extra delta-v to this altitude and inclination uses up the vehicle's whole payload "
        "allowance: the orbit is above the vehicle's reach",
    )
    return _out(pl)


@accepts(altitude="m", inclination="rad")
def vehicle_payload(key, altitude, inclination):
    """Payload of catalog vehicle ``key`` to a circular orbit [kg] (see :func:`payload_to_orbit`)."""
    v = key if isinstance(key, Vehicle) else vehicle(key)
    return payload_to_orbit(
        v.payload_mass,
        altitude,
        inclination,
        v.reference_altitude,
        v.reference_inclination,
        v.launch_latitude,
        v.upper_stage_dry_mass,
        v.upper_stage_isp,
    )


PRICE_BASES = ("auto", "per_kg", "per_launch")
"""How the price of one launch is set (field ``launch.price_basis``)."""


def launch_price(price_per_launch, price_per_kg, payload_mass, basis, vehicle):
    """Price of one launch [USD] from the price inputs and the price basis.

    A vehicle's catalog entry gives both prices consistently (``price_per_kg`` = price /
    reference payload).  ``basis = "per_kg"``: ``price_per_kg x payload_mass``;
    ``"per_launch"``: ``price_per_launch``; ``"auto"``: whichever of the two differs from the
    vehicle's catalog value sets the price (``price_per_launch`` when neither does, so that
    editing only the payload keeps the price per launch); editing both is ambiguous and
    refused, naming ``launch.price_basis``.

    Parameters
    ----------
    price_per_launch : float or array [USD]
    price_per_kg : float or array [USD/kg]
    payload_mass : float or array [kg]
        Payload of one launch to the reference orbit.
    basis : {"auto", "per_kg", "per_launch"}
    vehicle : str
        Catalog key of the vehicle (:data:`VEHICLES`), for the ``"auto"`` rule.

    Returns
    -------
    float or array [USD]

    Raises
    ------
    ScenarioError
        ``"auto"`` with both prices moved away from the catalog.
    """
    from_kg = price_per_kg * payload_mass
    if basis == "per_kg":
        return from_kg
    if basis == "per_launch":
        return price_per_launch
    v = VEHICLES[vehicle]
    launch_set = _not(_catalog_value(price_per_launch, v.price))
    kg_set = _not(_catalog_value(price_per_kg, v.price / v.payload_mass))
    require(
        _not(launch_set & kg_set),
        "launch.price_basis",
        basis,
        "'per_kg' or 'per_launch' when both prices are edited",
        "price_per_launch and price_per_kg both differ from the vehicle's catalog values: say which one sets the price",
    )
    return _where(kg_set, from_kg, price_per_launch)


def _catalog_value(a, b: float):
    """``numpy.isclose(a, b, rtol=1e-9, atol=0)`` for finite values: a catalog value unchanged."""
    return abs(a - b) <= 1e-9 * abs(b)


def _not(x):
    """Logical not of a mask: ``not`` on a Python bool (where ``~`` would give -1 or -2)."""
    return (not x) if x.__class__ is bool else ~x
