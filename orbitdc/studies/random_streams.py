"""Seeded random streams: sample ``i`` of field ``key`` depends only on the seed, the field and ``i``.

Each field draws from a PCG64 stream seeded with ``SeedSequence(seed, spawn_key=(stream,
crc32(key)))``; a chunk starting at row ``s`` jumps ahead with ``PCG64.advance(s)``.
"""

from __future__ import annotations

import collections
import threading
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .distributions import _Dist


_STREAM_MC, _STREAM_SOBOL_A, _STREAM_SOBOL_B, _STREAM_BOOT = 0, 1, 2, 3
_U_LO = 2.0**-54
_U_HI = 1.0 - 2.0**-53


_SCRATCH = threading.local()


def _scratch(m: int) -> tuple[np.ndarray, np.ndarray]:
    """Two reusable float buffers of length ``m`` (per thread, freed with the thread; avoids
    fresh page faults)."""
    d = getattr(_SCRATCH, "d", None)
    if d is None:
        d = _SCRATCH.d = {}
    buf = d.get(m)
    if buf is None:
        if len(d) > 16:
            d.clear()
        buf = d[m] = (np.empty(m), np.empty(m))
    return buf


def _stream(seed: int, stream: int, key: str, start: int, second: bool = False) -> np.random.Generator:
    """PCG64 generator of (seed, stream, field) jumped ahead to row ``start`` (one double per row)."""
    spawn = (stream, zlib.crc32(key.encode())) + ((1,) if second else ())
    bg = np.random.PCG64(np.random.SeedSequence(seed, spawn_key=spawn))
    if start:
        bg.advance(start)
    return np.random.Generator(bg)


_GENS = threading.local()
_GENS_MAX = 2048


def _uniforms(seed: int, stream: int, key: str, start: int, out: np.ndarray, second: bool = False) -> np.ndarray:
    """Fill ``out`` with doubles ``[start, start + out.size)`` of the (seed, stream, field) stream.

    The same numbers as ``_stream(seed, stream, key, start, second).random(out.size)``, without
    rebuilding the generator for every chunk: each thread keeps, per stream, the generator,
    its initial state and the row it stands at.  A chunk that starts where the previous one
    stopped (the in-process loop on one thread) continues the generator; a later start
    jumps ahead from there with ``PCG64.advance`` (a thread of a pool skips the chunks the
    other threads drew); an earlier start restores the initial state and jumps ahead from
    it.  Jumps are exact (``advance(a)`` then ``advance(b)`` is ``advance(a + b)`` for the
    underlying linear congruential state) and cost O(log distance).  Building a
    generator from its ``SeedSequence`` costs ~10 us, which over ~130 fields x 2 streams x 50
    chunks was ~0.25 s of a 1e6-sample Monte Carlo.
    """
    spawn = (stream, zlib.crc32(key.encode())) + ((1,) if second else ())
    cache = getattr(_GENS, "d", None)
    if cache is None:
        cache = _GENS.d = {}
    ck = (seed, spawn)
    ent = cache.get(ck)
    if ent is None:
        if len(cache) >= _GENS_MAX:
            cache.clear()
        bg = np.random.PCG64(np.random.SeedSequence(seed, spawn_key=spawn))
        ent = cache[ck] = [np.random.Generator(bg), bg.state, 0]
    gen, init, pos = ent
    if start > pos:
        gen.bit_generator.advance(start - pos)
    elif start < pos:
        bg = gen.bit_generator
        bg.state = init
        if start:
            bg.advance(start)
    gen.random(out=out)
    ent[2] = start + out.size
    return out


PAIR_CACHE_BYTES = 48 * 2**20
"""Memory [bytes] kept for the sorted uniform pairs of small studies (:func:`_sorted_pairs`)."""
PAIR_CACHE_ROWS = 16_384
"""Longest first chunk [rows] whose sorted uniform pairs are kept."""
_PAIRS: collections.OrderedDict = collections.OrderedDict()
_PAIRS_LOCK = threading.Lock()


def _min_max(
    seed: int, stream: int, key: str, start: int, m: int, out: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """``(min(U, V), max(U, V))`` of rows ``[start, start + m)`` of a field's two streams.

    ``U`` and ``V`` are the doubles of the field's first and second stream (the triangular
    construction of :meth:`~orbitdc.studies.distributions._Dist.sample`).  The minimum is in
    the thread's scratch buffer, the maximum in ``out`` (a new array when None); the caller
    may overwrite both.
    """
    u, v = _scratch(m)
    _uniforms(seed, stream, key, start, u)
    _uniforms(seed, stream, key, start, v, second=True)
    x = np.maximum(u, v, out=out)
    np.minimum(u, v, out=u)
    return u, x


def _sorted_pairs(dists: Sequence[_Dist], seed: int, stream: int, start: int, m: int) -> dict:
    """``{key: (min(U, V), max(U, V))}`` of the triangular fields of a small study, kept.

    Only for a first chunk (``start == 0``) of at most :data:`PAIR_CACHE_ROWS` rows, else
    ``{}``.  The pairs of every triangular field of the draw are computed into one block
    (one allocation: the memory of 2 x 133 separate arrays would page-fault in piece by
    piece), made read-only and kept per ``(seed, stream, rows, fields)``, least recently used
    out beyond :data:`PAIR_CACHE_BYTES`.  A small study rerun with the same seed -- the app's
    uncertainty band on every change of the scenario -- then reads them instead of drawing
    and sorting its 2 x 133 streams again; the numbers are those of :func:`_min_max`.
    """
    if start != 0 or m > PAIR_CACHE_ROWS:
        return {}
    tri = tuple(d.key for d in dists if d.kind == "triangular")
    if not tri:
        return {}
    ck = (seed, stream, m, tri)
    with _PAIRS_LOCK:
        hit = _PAIRS.get(ck)
        if hit is not None:
            _PAIRS.move_to_end(ck)
            return hit[1]
    block = np.empty((2, len(tri), m))
    for i, key in enumerate(tri):
        lo, _ = _min_max(seed, stream, key, 0, m, block[1, i])
        block[0, i] = lo
    block.flags.writeable = False
    pairs = {key: (block[0, i], block[1, i]) for i, key in enumerate(tri)}
    with _PAIRS_LOCK:
        _PAIRS[ck] = (block.nbytes, pairs)
        total = sum(b for b, _ in _PAIRS.values())
        while total > PAIR_CACHE_BYTES and len(_PAIRS) > 1:
            total -= _PAIRS.popitem(last=False)[1][0]
    return pairs


def _draw(
    dists: Sequence[_Dist],
    seed: int,
    stream: int,
    start: int,
    stop: int,
    si: bool = False,
    buf: np.ndarray | None = None,
) -> tuple[dict, np.ndarray | None]:
    """Samples of rows [start, stop): ``({key: values}, codes (m, n_cat) or None)``.

    Values in each field's unit, or SI with ``si=True`` (what the pipeline takes).  ``buf``:
    optional float buffer of shape ``(len(dists), >= m)`` the values may be written to (row
    ``j`` for ``dists[j]``); the returned arrays then alias it, so a caller that reuses it
    must be done with the previous chunk's values.
    """
    m = stop - start
    vals, cats = {}, []
    pairs = _sorted_pairs(dists, seed, stream, start, m)
    for j, d in enumerate(dists):
        x = d.sample(seed, stream, start, m, si=si, out=None if buf is None else buf[j, :m], pair=pairs.get(d.key))
        if d.is_category:
            cats.append(x)
        else:
            vals[d.key] = x
    return vals, (np.stack(cats, axis=1) if cats else None)
