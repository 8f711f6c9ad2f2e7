"""Small shared pieces of the launch physics: input checks and circular-orbit kinematics.

Used by :mod:`orbitdc.physics.launch` and :mod:`orbitdc.physics.vehicles`. Vallado (2013),
Fundamentals of Astrodynamics and Applications, 4th ed., section 6.3 (Hohmann transfer).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..constants import G0, GM_EARTH
from ..errors import require
from ._checks import finite as _finite
from ._checks import positive as _positive


def _altitude(name: str, h: Any) -> np.ndarray:
    a = _finite(name, h)
    require(
        (a >= 100e3) & (a <= 100_000e3),
        name,
        h,
        "100 km to 100,000 km",
        "below 100 km nothing stays in orbit; the launch model covers Earth orbits",
    )
    return a


def _ve(isp: Any) -> np.ndarray:
    return G0 * _positive("isp", isp, "a rocket engine has a positive specific impulse")


def _vc(r: np.ndarray) -> np.ndarray:
    return np.sqrt(GM_EARTH / r)


def _hohmann(r1: np.ndarray, r2: np.ndarray) -> np.ndarray:
    at = 0.5 * (r1 + r2)
    v1 = _vc(r1)
    v2 = _vc(r2)
    vp = np.sqrt(GM_EARTH * (2.0 / r1 - 1.0 / at))
    va = np.sqrt(GM_EARTH * (2.0 / r2 - 1.0 / at))
    return np.abs(vp - v1) + np.abs(v2 - va)
