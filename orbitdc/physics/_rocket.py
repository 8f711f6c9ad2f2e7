"""Input checks shared by :mod:`orbitdc.physics.launch` and :mod:`orbitdc.physics.vehicles`.

The circular-orbit kinematics they share (circular speed, Hohmann transfer) are kernels:
:mod:`orbitdc.kernels.launch`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..constants import G0
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
