"""DVB-S2 / DVB-S2X MODCOD table and the best MODCOD at an Es/N0 (checked surface).

The table, its sources and the vectorised lookup are the kernel module
:mod:`orbitdc.kernels.dvbs2x` (pure numpy), re-exported here; this module adds the
name lookup :func:`modcod_index`, which raises :class:`orbitdc.errors.ScenarioError`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..kernels.dvbs2x import (  # noqa: F401  (re-exported; the private tables for the tests)
    _ENVELOPE_INDEX,
    _SORTED_REQ,
    BITS_PER_SYMBOL,
    EFFICIENCY,
    MODCODS,
    NAMES,
    REQUIRED_ES_N0_DB,
    SOURCE,
)
from ..kernels.dvbs2x import best_modcod as _k_best_modcod

__all__ = [
    "MODCODS",
    "NAMES",
    "EFFICIENCY",
    "REQUIRED_ES_N0_DB",
    "SOURCE",
    "ModcodChoice",
    "best_modcod",
    "modcod_index",
]


class ModcodChoice(NamedTuple):
    """Result of :func:`best_modcod` (arrays broadcast to the input shape).

    index : int array, table row (``-1`` where no MODCOD closes)
    efficiency : float array [bit/symbol], 0 where no MODCOD closes
    required_es_n0 : float array [dB], required ideal Es/N0 of the chosen MODCOD
        (where none closes: that of the most robust MODCOD, so the margin is negative)
    """

    index: np.ndarray
    efficiency: np.ndarray
    required_es_n0: np.ndarray


def best_modcod(es_n0_db, margin_db=0.0, implementation_loss_db=0.0) -> ModcodChoice:
    """Choose the most efficient DVB-S2/S2X MODCOD that closes at the available Es/N0.

    A MODCOD closes when ``available Es/N0 >= required ideal Es/N0 + implementation
    loss + margin``.  Among those that close, the one with the largest spectral
    efficiency is returned (adaptive coding and modulation, ACM).

    Parameters
    ----------
    es_n0_db : float or array [dB]
        Available symbol energy to noise density ratio at the demodulator.
    margin_db : float or array [dB]
        Link margin to keep in reserve (>= 0).
    implementation_loss_db : float or array [dB]
        Modem implementation loss added to the ideal thresholds (>= 0).

    Returns
    -------
    ModcodChoice
        ``index``, ``efficiency`` [bit/symbol] and ``required_es_n0`` [dB] arrays.

    Notes
    -----
    Vectorised: one ``numpy.searchsorted`` on the precomputed efficiency envelope
    (:func:`orbitdc.kernels.dvbs2x.best_modcod`).

    References
    ----------
    ETSI EN 302 307-1 V1.4.1 (2014), Table 13; ETSI EN 302 307-2 V1.1.1 (2015), Table 20a.
    """
    return ModcodChoice(*_k_best_modcod(es_n0_db, margin_db, implementation_loss_db))


def modcod_index(name: str) -> int:
    """Return the table row of a MODCOD by its canonical name (e.g. ``"8PSK 3/4"``)."""
    try:
        return NAMES.index(name)
    except ValueError:
        from orbitdc.errors import ScenarioError

        raise ScenarioError(
            "modcod", name, f"one of {', '.join(NAMES)}", "not a DVB-S2/S2X normal-frame MODCOD"
        ) from None
