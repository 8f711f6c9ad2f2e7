"""DVB-S2 / DVB-S2X MODCOD table: required Es/N0 and spectral efficiency (AWGN, QEF).

The table lists every normal-frame (64 800-bit FECFRAME) MODCOD of DVB-S2 and of the
DVB-S2X extensions with its spectral efficiency (information bits per transmitted
symbol, pilots off) and the *ideal* Es/N0 at which the standard declares quasi-error-free
(QEF) reception on a linear AWGN channel.  "Ideal" means perfect carrier and symbol
synchronisation and no phase noise: a real modem needs an implementation margin on top
(typically 0.5-1 dB; the link model takes it as a separate argument).

Sources (standards; the values are the published figures, transcribed):

* DVB-S2 MODCODs (QPSK 1/4 ... 32APSK 9/10): ETSI EN 302 307-1 V1.4.1 (2014-11),
  clause 6, **Table 13** "Es/N0 performance at Quasi Error Free PER = 10^-7 (AWGN
  channel)", normal FECFRAME.
* DVB-S2X MODCODs (QPSK 13/45 ... 256APSK 3/4, including the "-L" linear-channel
  constellations): ETSI EN 302 307-2 V1.1.1 (2014-10/2015-02), clause 6, **Table 20a**
  "Es/N0 performance at Quasi Error Free PER = 10^-5 (AWGN channel)", normal FECFRAME,
  column "ideal Es/N0 for (AWGN linear channel)".

The spectral efficiencies in both tables follow from the frame structure
(information bits K_bch - 80 per XFECFRAME of 64 800/m + 90 symbols, m bits per
symbol); ``tests/physics/test_links.py`` recomputes every entry that way as an
independent check of the transcription.  The very-low-SNR (VL-SNR) MODCODs and the
short-frame tables are not included: a link model that needs them must add them.

Everything here is pure numpy and vectorised: :func:`best_modcod` maps an array of
available Es/N0 values to the best MODCOD that closes with a given margin in one
``searchsorted`` call; :func:`best_modcod_fast` gives the same values with a scalar fast
path (the link stage's inner loop). A kernel module (see :mod:`orbitdc.kernels`): the
checked API, with :func:`~orbitdc.physics.dvbs2x.modcod_index`, is
:mod:`orbitdc.physics.dvbs2x`.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "MODCODS",
    "NAMES",
    "EFFICIENCY",
    "REQUIRED_ES_N0_DB",
    "SOURCE",
    "best_modcod",
    "best_modcod_fast",
]

_S2 = "ETSI EN 302 307-1 V1.4.1 Table 13 (normal FECFRAME, AWGN, QEF PER 1e-7)"
_S2X = "ETSI EN 302 307-2 V1.1.1 Table 20a (normal FECFRAME, AWGN linear channel, QEF PER 1e-5)"

#: (name, bits per symbol, spectral efficiency [bit/symbol], ideal Es/N0 [dB], source)
MODCODS: tuple[tuple[str, int, float, float, str], ...] = (
    # --- DVB-S2, EN 302 307-1 Table 13 ---
    ("QPSK 1/4", 2, 0.490243, -2.35, _S2),
    ("QPSK 1/3", 2, 0.656448, -1.24, _S2),
    ("QPSK 2/5", 2, 0.789412, -0.30, _S2),
    ("QPSK 1/2", 2, 0.988858, 1.00, _S2),
    ("QPSK 3/5", 2, 1.188304, 2.23, _S2),
    ("QPSK 2/3", 2, 1.322253, 3.10, _S2),
    ("QPSK 3/4", 2, 1.487473, 4.03, _S2),
    ("QPSK 4/5", 2, 1.587196, 4.68, _S2),
    ("QPSK 5/6", 2, 1.654663, 5.18, _S2),
    ("QPSK 8/9", 2, 1.766451, 6.20, _S2),
    ("QPSK 9/10", 2, 1.788612, 6.42, _S2),
    ("8PSK 3/5", 3, 1.779991, 5.50, _S2),
    ("8PSK 2/3", 3, 1.980636, 6.62, _S2),
    ("8PSK 3/4", 3, 2.228124, 7.91, _S2),
    ("8PSK 5/6", 3, 2.478562, 9.35, _S2),
    ("8PSK 8/9", 3, 2.646012, 10.69, _S2),
    ("8PSK 9/10", 3, 2.679207, 10.98, _S2),
    ("16APSK 2/3", 4, 2.637201, 8.97, _S2),
    ("16APSK 3/4", 4, 2.966728, 10.21, _S2),
    ("16APSK 4/5", 4, 3.165623, 11.03, _S2),
    ("16APSK 5/6", 4, 3.300184, 11.61, _S2),
    ("16APSK 8/9", 4, 3.523143, 12.89, _S2),
    ("16APSK 9/10", 4, 3.567342, 13.13, _S2),
    ("32APSK 3/4", 5, 3.703295, 12.73, _S2),
    ("32APSK 4/5", 5, 3.951571, 13.64, _S2),
    ("32APSK 5/6", 5, 4.119540, 14.28, _S2),
    ("32APSK 8/9", 5, 4.397854, 15.69, _S2),
    ("32APSK 9/10", 5, 4.453027, 16.05, _S2),
    # --- DVB-S2X, EN 302 307-2 Table 20a ---
    ("QPSK 13/45", 2, 0.567805, -2.03, _S2X),
    ("QPSK 9/20", 2, 0.889135, 0.22, _S2X),
    ("QPSK 11/20", 2, 1.088581, 1.45, _S2X),
    ("8APSK 5/9-L", 3, 1.647211, 4.73, _S2X),
    ("8APSK 26/45-L", 3, 1.713601, 5.13, _S2X),
    ("8PSK 23/36", 3, 1.896173, 6.12, _S2X),
    ("8PSK 25/36", 3, 2.062148, 7.02, _S2X),
    ("8PSK 13/18", 3, 2.145136, 7.49, _S2X),
    ("16APSK 1/2-L", 4, 1.972253, 5.97, _S2X),
    ("16APSK 8/15-L", 4, 2.104850, 6.55, _S2X),
    ("16APSK 5/9-L", 4, 2.193247, 6.84, _S2X),
    ("16APSK 26/45", 4, 2.281645, 7.51, _S2X),
    ("16APSK 3/5", 4, 2.370043, 7.80, _S2X),
    ("16APSK 3/5-L", 4, 2.370043, 7.41, _S2X),
    ("16APSK 28/45", 4, 2.458441, 8.10, _S2X),
    ("16APSK 23/36", 4, 2.524739, 8.38, _S2X),
    ("16APSK 2/3-L", 4, 2.635236, 8.43, _S2X),
    ("16APSK 25/36", 4, 2.745734, 9.27, _S2X),
    ("16APSK 13/18", 4, 2.856231, 9.71, _S2X),
    ("16APSK 7/9", 4, 3.077225, 10.65, _S2X),
    ("16APSK 77/90", 4, 3.386618, 11.99, _S2X),
    ("32APSK 2/3-L", 5, 3.289502, 11.10, _S2X),
    ("32APSK 32/45", 5, 3.510192, 11.75, _S2X),
    ("32APSK 11/15", 5, 3.620536, 12.17, _S2X),
    ("32APSK 7/9", 5, 3.841226, 13.05, _S2X),
    ("64APSK 32/45-L", 6, 4.206428, 13.98, _S2X),
    ("64APSK 11/15", 6, 4.338659, 14.81, _S2X),
    ("64APSK 7/9", 6, 4.603122, 15.47, _S2X),
    ("64APSK 4/5", 6, 4.735354, 15.87, _S2X),
    ("64APSK 5/6", 6, 4.933701, 16.55, _S2X),
    ("128APSK 3/4", 7, 5.163248, 17.73, _S2X),
    ("128APSK 7/9", 7, 5.355556, 18.53, _S2X),
    ("256APSK 29/45-L", 8, 5.065690, 16.98, _S2X),
    ("256APSK 2/3-L", 8, 5.241514, 17.24, _S2X),
    ("256APSK 31/45-L", 8, 5.417338, 18.10, _S2X),
    ("256APSK 32/45", 8, 5.593162, 18.59, _S2X),
    ("256APSK 11/15-L", 8, 5.768987, 18.84, _S2X),
    ("256APSK 3/4", 8, 5.900855, 19.57, _S2X),
)

NAMES: tuple[str, ...] = tuple(r[0] for r in MODCODS)
BITS_PER_SYMBOL = np.array([r[1] for r in MODCODS], dtype=float)
EFFICIENCY = np.array([r[2] for r in MODCODS], dtype=float)
REQUIRED_ES_N0_DB = np.array([r[3] for r in MODCODS], dtype=float)
SOURCE: tuple[str, ...] = tuple(r[4] for r in MODCODS)
for _a in (BITS_PER_SYMBOL, EFFICIENCY, REQUIRED_ES_N0_DB):
    _a.flags.writeable = False

# Envelope for the vectorised lookup: rows sorted by required Es/N0; for each prefix the
# row with the largest efficiency (the best MODCOD among all that close at that Es/N0).
_ORDER = np.argsort(REQUIRED_ES_N0_DB, kind="stable")
_SORTED_REQ = REQUIRED_ES_N0_DB[_ORDER]
_eff_sorted = EFFICIENCY[_ORDER]
_best_pos = np.zeros(len(_ORDER), dtype=int)
_run = 0
for _i in range(1, len(_ORDER)):
    if _eff_sorted[_i] > _eff_sorted[_run]:
        _run = _i
    _best_pos[_i] = _run
_ENVELOPE_INDEX = _ORDER[_best_pos]  # table index of the best MODCOD closing at _SORTED_REQ[i]


def best_modcod(es_n0_db, margin_db=0.0, implementation_loss_db=0.0):
    """The most efficient MODCOD closing at ``es_n0_db`` [dB] with ``margin_db`` and
    ``implementation_loss_db`` [dB] added to the ideal thresholds (ACM); parameters, closing
    rule and references as in :func:`orbitdc.physics.dvbs2x.best_modcod`.

    Returns
    -------
    tuple
        ``(index, efficiency, required_es_n0)``: table row (``-1`` where no MODCOD closes),
        spectral efficiency [bit/symbol] (0 where none closes) and the required ideal Es/N0
        [dB] of the chosen MODCOD (where none closes: that of the most robust one, so the
        margin is negative); arrays broadcast to the inputs, or Python scalars. The named
        form is :func:`orbitdc.physics.dvbs2x.best_modcod`.

    Notes
    -----
    Vectorised: one ``numpy.searchsorted`` on the precomputed efficiency envelope.

    References
    ----------
    ETSI EN 302 307-1 V1.4.1 (2014), Table 13; ETSI EN 302 307-2 V1.1.1 (2015), Table 20a.
    """
    es = np.asarray(es_n0_db, dtype=float)
    threshold_shift = np.asarray(margin_db, dtype=float) + np.asarray(implementation_loss_db, dtype=float)
    effective = es - threshold_shift
    shape = np.broadcast_shapes(es.shape, threshold_shift.shape)
    eff_b = np.broadcast_to(effective, shape)
    pos = np.searchsorted(_SORTED_REQ, eff_b, side="right") - 1
    closes = pos >= 0
    idx = np.where(closes, _ENVELOPE_INDEX[np.clip(pos, 0, None)], -1)
    efficiency = np.where(closes, EFFICIENCY[np.clip(idx, 0, None)], 0.0)
    req = np.where(closes, REQUIRED_ES_N0_DB[np.clip(idx, 0, None)], _SORTED_REQ[0])
    if np.ndim(idx) == 0:
        return int(idx), float(efficiency), float(req)
    return idx, efficiency, req


# The same lookup as :func:`best_modcod`, by searchsorted position: a leading "none closes"
# row, then the envelope; a bisect on Python floats for one scalar.
_FAST_REQ = [float(v) for v in _SORTED_REQ]
_FAST_INDEX = [int(i) for i in _ENVELOPE_INDEX]
_FAST_EFFICIENCY = [float(v) for v in EFFICIENCY]  # by table index
_FAST_REQUIRED = [float(v) for v in REQUIRED_ES_N0_DB]
_BY_POS_INDEX = np.concatenate([[-1], _ENVELOPE_INDEX]).astype(np.asarray(best_modcod(np.zeros(1))[0]).dtype)
_BY_POS_EFFICIENCY = np.concatenate([[0.0], EFFICIENCY[_ENVELOPE_INDEX]])
_BY_POS_REQUIRED = np.concatenate([[_SORTED_REQ[0]], REQUIRED_ES_N0_DB[_ENVELOPE_INDEX]])
for _a in (_BY_POS_INDEX, _BY_POS_EFFICIENCY, _BY_POS_REQUIRED):
    _a.flags.writeable = False


def best_modcod_fast(es_n0_db, margin_db, implementation_loss_db):
    """:func:`best_modcod` with a scalar fast path: the same values, faster in a loop.

    Three scalars take a binary search on Python floats; arrays take the same
    ``searchsorted`` and one table lookup per output (no ``where``/``clip`` passes).
    Returns ``(index, efficiency, required_es_n0)`` as :func:`best_modcod`.
    """
    es, m, il = es_n0_db, margin_db, implementation_loss_db
    if (isinstance(es, float) and isinstance(m, float) and isinstance(il, float)) or (
        np.ndim(es) == 0 and np.ndim(m) == 0 and np.ndim(il) == 0
    ):
        x = float(es) - (float(m) + float(il))
        lo, hi = 0, len(_FAST_REQ)  # bisect_right: the first row whose threshold exceeds x
        while lo < hi:
            mid = (lo + hi) // 2
            if x < _FAST_REQ[mid]:
                hi = mid
            else:
                lo = mid + 1
        if lo > 0:
            idx = _FAST_INDEX[lo - 1]
            return idx, _FAST_EFFICIENCY[idx], _FAST_REQUIRED[idx]
        return -1, 0.0, _FAST_REQ[0]
    pos = np.searchsorted(
        _SORTED_REQ,
        np.asarray(es, dtype=float) - (np.asarray(m, dtype=float) + np.asarray(il, dtype=float)),
        side="right",
    )
    return _BY_POS_INDEX[pos], _BY_POS_EFFICIENCY[pos], _BY_POS_REQUIRED[pos]
