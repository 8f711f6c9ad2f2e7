"""Annual eclipse statistics of many distinct orbits: exact values on a lattice, interpolated.

:func:`orbitdc.physics.orbit.annual_eclipse_stats` serves calls with more than
:data:`LATTICE_MIN_ORBITS` distinct orbits (cylindrical shadow) from here: the annual
statistics are computed exactly (:func:`orbitdc.physics.orbit.annual_eclipse` machinery) at
the nodes of a fixed lattice of orbit parameters (altitude, inclination, RAAN or LTAN), cached,
and interpolated linearly; shadow-season boundaries near a sample are verified sample by
sample.  Fewer orbits are computed exactly (:func:`_exact_stats`).  The tolerances are stated
in :func:`orbitdc.physics.orbit.annual_eclipse_stats` and tested in
``tests/sections/test_vectorised_pipeline.py``.
"""

from __future__ import annotations

import functools
import threading

import numpy as np

from orbitdc.constants import DAY, DEG, GM_EARTH, J2_EARTH, R_EARTH
from orbitdc.kernels import orbit as _k
from orbitdc.physics.ephemeris import days_in_year

from .annual_eclipse import _STAT_KEYS, _readonly, _year_grid
from .orbit import ALTITUDE_MAX, ALTITUDE_MIN

# ---------------------------------------------------------------------------------------
# many distinct orbits: exact statistics on a fixed lattice of orbit parameters, interpolated
# ---------------------------------------------------------------------------------------
LATTICE_MIN_ORBITS = 2000
"""Number of distinct orbits above which :func:`annual_eclipse_stats` (cylindrical shadow)
interpolates the annual statistics from exact values on a fixed lattice of orbit parameters
instead of computing every orbit (about 16 us each).  Below it every orbit is exact."""

# Lattice per orbit family: (origin, step, last index, periodic) for each parameter, in the
# rounded key units (altitude m, inclination and RAAN rad, LTAN s).  Steps chosen so that
# linear interpolation stays within the tolerances stated in annual_eclipse_stats and tested
# in tests/sections/test_vectorised_pipeline.py.
_LATTICE = {
    True: (
        (ALTITUDE_MIN, 5e3, 360, False),  # sun-synchronous: altitude every 5 km,
        (0.0, 90.0, 960, False),
    ),  # LTAN every 90 s (0.025 h)
    False: (
        (ALTITUDE_MIN, 1e3, 1800, False),  # inclined: altitude every 1 km,
        (0.0, 0.05 * DEG, 3600, False),  # inclination every 0.05 deg,
        (0.0, 0.5 * DEG, 720, True),
    ),  # initial RAAN every 0.5 deg (periodic)
}
_LATTICE_MAX_CELLS = 4_000_000  # cells in the bounding box of one call (index tables ~ 16 B/cell)
_LATTICE_MAX_STORED = 400_000  # nodes kept per cache entry (~300 B each)
_MAX_CROSSINGS = 32  # shadow-season boundaries kept per node (inclined orbits: ~2 per beta cycle)
_LATTICE_CHUNK = 256  # nodes per numpy block (fits the caches: ~20 us per node)
_ROW_BLOCK = 65536  # rows interpolated per block
_SNAP = {True: 0.02, False: 0.1}  # samples: interpolated shadow boundaries this close to a sample are checked
# (about 6x the largest interpolation error seen: 3e-3 SSO, 0.04 inclined)
_VERIFY_SPREAD = 2.0  # samples: cells where a boundary moves more are verified sample by sample
_lattice_store: dict = {}
_STORE_LOCK = threading.Lock()  # studies evaluate chunks on threads: one eviction at a time


@functools.lru_cache(maxsize=64)
def _sso_basis(year: int):
    """Year-grid basis of sin(beta) for sun-synchronous orbits (cached, read-only).

    With Omega = alpha_ms + L0 (L0 = 15 deg/h (LTAN - 12 h), kernels.orbit.node_offset) and g = alpha_ms - ra,
    sin(beta) = sin i (sin L0 X + cos L0 Y) + cos i Z, X = cos(dec) cos g, Y = cos(dec) sin g,
    Z = sin(dec): a sum of three fixed series, exact up to rounding.
    """
    tau, ra, sdec, cdec, dist, ams, nd = _year_grid(year)
    g = ams - ra
    return _readonly(cdec * np.cos(g)), _readonly(cdec * np.sin(g))


def _days_from_runs(cpos, inside0, n_samples, nd):
    """Days with an eclipse from the boundaries of the in-shadow runs of samples.

    ``cpos`` (n, R): fractional sample positions where |sin beta| crosses sin(psi) (linear
    interpolation between samples), ascending; ``inside0``: whether sample 0 is in shadow.
    A run entered at c starts at sample floor(c) + 1, a run left at c ends at ceil(c) - 1;
    day d holds samples 2d, 2d + 1, 2d + 2, so a run [a, b] covers days ceil((a - 2) / 2) to
    floor(b / 2); overlapping days of consecutive runs are counted once.
    """
    n, r = cpos.shape
    runs = []  # (first day, last day) of each run, as (n,) arrays
    k = 0
    d0 = None
    if inside0:
        d0 = np.zeros(n)
    for k in range(r):
        c = cpos[:, k]
        if d0 is None:  # entering: first inside sample floor(c) + 1
            d0 = np.floor(c)
            d0 *= 0.5
            np.floor(d0, out=d0)
            np.maximum(d0, 0.0, out=d0)
        else:  # leaving: last inside sample ceil(c) - 1
            d1 = np.ceil(c)
            d1 -= 1.0
            d1 *= 0.5
            np.floor(d1, out=d1)
            runs.append((d0, np.minimum(d1, nd - 1.0, out=d1)))
            d0 = None
    if d0 is not None:
        runs.append((d0, np.full(n, nd - 1.0)))
    days = np.zeros(n)
    prev = None
    for d0, d1 in runs:
        span = d1 - d0
        span += 1.0
        np.maximum(span, 0.0, out=span)
        days += span
        if prev is not None:  # a day shared with the previous run
            ov = prev - d0
            ov += 1.0
            np.maximum(ov, 0.0, out=ov)
            days -= ov
        prev = d1
    return days


def _lattice_nodes(h, inc, raan0, ltan, is_sso: bool, year: int):
    """Exact statistics at lattice nodes (cylindrical shadow), in blocks of _LATTICE_CHUNK.

    Returns ``stats`` (N, 4): mean fraction, min sin(beta), max sin(beta), min |sin(beta)|
    (0 when beta changes sign); ``sig`` (N,) int: number of in/out-of-shadow transitions of
    the sample series times 2 plus 1 if the first sample is in shadow (-1 when more than
    _MAX_CROSSINGS or when the runs do not reproduce the exact eclipse-day count);
    ``cpos`` (N, _MAX_CROSSINGS): the fractional sample positions of the transitions.
    """
    tau, ra, sdec, cdec, dist, ams, nd = _year_grid(year)
    n = h.size
    m = ra.size
    stats = np.empty((n, 4))
    sig = np.empty(n, dtype=np.int64)
    cpos = np.full((n, _MAX_CROSSINGS), np.nan)
    wts = np.ones(m)
    wts[0] = wts[-1] = 0.5
    wts /= m - 1
    if is_sso:
        bx, by = _sso_basis(year)
    for s0 in range(0, n, _LATTICE_CHUNK):
        sl = slice(s0, min(n, s0 + _LATTICE_CHUNK))
        hh = h[sl]
        nb = hh.size
        cos_i, sin_i = np.cos(inc[sl]), np.sin(inc[sl])
        if is_sso:
            l0 = _k.node_offset(ltan[sl])
            s = (sin_i * np.sin(l0))[:, None] * bx
            s += (sin_i * np.cos(l0))[:, None] * by
        else:
            a = R_EARTH + hh
            rate = -1.5 * np.sqrt(GM_EARTH / a**3) * J2_EARTH * (R_EARTH / a) ** 2 * cos_i
            s = raan0[sl, None] + rate[:, None] * tau[None, :]
            s -= ra
            np.sin(s, out=s)
            s *= cdec
            s *= sin_i[:, None]
        s += cos_i[:, None] * sdec
        np.clip(s, -1.0, 1.0, out=s)
        psi = np.arcsin(R_EARTH / (R_EARTH + hh))
        x = np.sin(psi)
        g = np.abs(s)
        st = stats[sl]
        st[:, 1] = s.min(axis=1)
        st[:, 2] = s.max(axis=1)
        cross = (s[:, :-1] * s[:, 1:]) <= 0.0
        st[:, 3] = np.where(cross.any(axis=1), 0.0, g.min(axis=1))
        # mean shadow fraction (trapezoid rule), acos only where the orbit is in shadow
        ins = g < x[:, None]
        rows, cols = np.nonzero(ins)
        sv = s[rows, cols]
        fv = np.sqrt(1.0 - sv * sv)
        np.maximum(fv, 1e-300, out=fv)
        np.divide(np.cos(psi)[rows], fv, out=fv)
        np.minimum(fv, 1.0, out=fv)
        np.arccos(fv, out=fv)
        fv *= wts[cols] / np.pi
        st[:, 0] = np.bincount(rows, weights=fv, minlength=nb)
        # eclipse days, exactly as kernels.orbit.annual_core counts them
        day_ecl = ins[:, 0:-1:2] | ins[:, 1::2] | ins[:, 2::2] | cross[:, 0::2] | cross[:, 1::2]
        exact_days = day_ecl.sum(axis=1)
        # boundaries of the in-shadow runs: where g - x changes sign between samples
        g -= x[:, None]
        tr = ins[:, 1:] != ins[:, :-1]
        ntr = tr.sum(axis=1)
        rr, kk = np.nonzero(tr)
        first = np.concatenate([[0], np.cumsum(ntr)[:-1]])
        rank = np.arange(rr.size) - first[rr]
        keep = rank < _MAX_CROSSINGS
        g0, g1 = g[rr, kk], g[rr, kk + 1]
        cp = cpos[sl]
        cp[rr[keep], rank[keep]] = kk[keep] + g0[keep] / (g0[keep] - g1[keep])
        sg = 2 * ntr + ins[:, 0]
        ok = ntr <= _MAX_CROSSINGS
        for code in np.unique(sg[ok]):
            sel = np.flatnonzero(ok & (sg == code))
            nt = int(code) // 2
            d = _days_from_runs(cp[sel, :nt], bool(code % 2), m, nd)
            ok[sel] &= d == exact_days[sel]
        sig[sl] = np.where(ok, sg, -1)
    return stats, sig, cpos


def _rows_of(cols, rows):
    """Select ``rows`` of the (n,) columns; 0-d columns stay scalars."""
    return [c if c.ndim == 0 else c[rows] for c in cols]


def _sample_inside(h, inc, r0, lt, is_sso: bool, year: int, k):
    """Whether sample ``k`` of the year grid is in shadow, with the arithmetic of kernels.orbit.annual_core."""
    tau, ra, sdec, cdec, dist, ams, nd = _year_grid(year)
    a = R_EARTH + h
    n = np.sqrt(GM_EARTH / a**3)
    cos_i, sin_i = np.cos(inc), np.sin(inc)
    if is_sso:
        s = ams[k] + _k.node_offset(lt)
    else:
        rate = -1.5 * n * J2_EARTH * (R_EARTH / a) ** 2 * cos_i
        s = r0 + rate * tau[k]
    s = s - ra[k]
    s = np.sin(s)
    s *= cdec[k]
    s *= sin_i
    s += sdec[k] * cos_i
    np.clip(s, -1.0, 1.0, out=s)
    return np.abs(s) < np.sin(np.arcsin(R_EARTH / (R_EARTH + h)))


def _lattice_node_values(key, gid, coords, is_sso, year):
    """Values at global lattice nodes ``gid`` (computed once per process and cached)."""
    store = _lattice_store.get(key)
    if store is None or store[0].size + gid.size > _LATTICE_MAX_STORED:
        store = (
            np.empty(0, dtype=np.int64),
            np.empty((0, 4)),
            np.empty(0, dtype=np.int64),
            np.empty((0, _MAX_CROSSINGS)),
        )
    ids = store[0]
    if ids.size:
        pos = np.searchsorted(ids, gid)
        np.minimum(pos, ids.size - 1, out=pos)
        hit = ids[pos] == gid
    else:
        pos = np.zeros(gid.size, dtype=np.int64)
        hit = np.zeros(gid.size, dtype=bool)
    miss = np.flatnonzero(~hit)
    if miss.size:
        h, inc, r0, lt = (c[miss] for c in coords)
        st, sg, cp = _lattice_nodes(h, inc, r0, lt, is_sso, year)
        ids = np.concatenate([ids, gid[miss]])
        order = np.argsort(ids, kind="stable")
        store = (
            ids[order],
            np.concatenate([store[1], st])[order],
            np.concatenate([store[2], sg])[order],
            np.concatenate([store[3], cp])[order],
        )
        with _STORE_LOCK:
            if key not in _lattice_store and len(_lattice_store) >= 16:
                _lattice_store.pop(next(iter(_lattice_store)))  # oldest entry
            _lattice_store[key] = store
        pos = np.searchsorted(store[0], gid)
    return store[1][pos], store[2][pos], store[3][pos]


def _lattice_group(h, inc, r0, lt, is_sso: bool, year: int, n: int):
    """Interpolated statistics for rows of one orbit family and year (key-rounded inputs).

    Returns ``(stats, days, ok)``: ``stats`` (n, 4) as in :func:`_lattice_nodes` (linear
    interpolation in every varied parameter), ``days`` (n,) eclipse-day counts and ``ok``
    (n,) False for rows the lattice cannot serve (they are computed exactly), or None when
    the lattice does not apply (no parameter varies, or the bounding box is too large).
    """
    params = (h, lt) if is_sso else (h, inc, r0)
    spec = _LATTICE[is_sso]
    lat = []  # (position in params, i (int64), u, i_lo, n_cells, origin, step, last, periodic)
    fixed = {}
    for d, (x, (x0, dx, last, periodic)) in enumerate(zip(params, spec)):
        lo, hi = float(x.min()), float(x.max())
        if lo == hi:
            fixed[d] = lo
            continue
        t = (x - x0) * (1.0 / dx)
        i = np.floor(t)
        np.clip(i, 0, last - 1, out=i)
        t -= i
        i = i.astype(np.int64)
        i_lo, i_hi = int(i.min()), int(i.max())
        lat.append((d, i, t, i_lo, i_hi - i_lo + 1, x0, dx, last, periodic))
    if not lat:
        return None
    n_cells = 1
    for e in lat:
        n_cells *= e[4]
    if n_cells > _LATTICE_MAX_CELLS:
        return None
    dims = len(lat)
    # cell of each row in the bounding box, and the cells used
    cid = lat[0][1] - lat[0][3]
    stride = lat[0][4]
    for e in lat[1:]:
        cid = cid + (e[1] - e[3]) * stride
        stride *= e[4]
    used = np.zeros(n_cells, dtype=bool)
    used[cid] = True
    cells = np.flatnonzero(used)
    compact = np.zeros(n_cells, dtype=np.int64)
    compact[cells] = np.arange(cells.size)
    cc = compact[cid]
    del cid, used, compact
    # lattice indices of the used cells, then of their 2^dims corner nodes
    cell_idx = []
    rem = cells
    for e in lat:
        cell_idx.append(rem % e[4] + e[3])
        rem = rem // e[4]
    corners = [tuple((k >> b) & 1 for b in range(dims)) for k in range(2**dims)]
    node_g = []  # global node index per dim, (n_cells, n_corners)
    for b, e in enumerate(lat):
        off = np.array([c[b] for c in corners])
        g = cell_idx[b][:, None] + off[None, :]
        if e[8]:
            g %= e[7]
        node_g.append(g)
    gid = np.zeros(node_g[0].shape, dtype=np.int64)
    mult = 1
    for b, e in enumerate(lat):
        gid += node_g[b] * mult
        mult *= e[7] + 1
    ugid, inv = np.unique(gid.ravel(), return_inverse=True)
    # node coordinates in key units
    vals = [None] * len(params)
    for d, v in fixed.items():
        vals[d] = np.full(ugid.size, v)
    rem = ugid
    for e in lat:
        gi = rem % (e[7] + 1)
        rem = rem // (e[7] + 1)
        vals[e[0]] = e[5] + gi * e[6]
    if is_sso:
        hn, ltn = vals
        np.minimum(hn, ALTITUDE_MAX, out=hn)
        np.minimum(ltn, DAY, out=ltn)
        coords = (hn, _k.sun_synchronous_inclination(hn), np.zeros(ugid.size), ltn)
    else:
        hn, incn, r0n = vals
        np.minimum(hn, ALTITUDE_MAX, out=hn)
        np.minimum(incn, np.pi, out=incn)
        coords = (hn, incn, r0n, np.zeros(ugid.size))
    key = (is_sso, year, tuple(sorted(fixed.items())), tuple(e[0] for e in lat))
    nst, nsig, ncp = _lattice_node_values(key, ugid, coords, is_sso, year)
    inv = inv.reshape(gid.shape)
    csig = nsig[inv]
    cell_sig = np.where((csig == csig[:, :1]).all(axis=1), csig[:, 0], -1)

    def weights(rows):
        """Multilinear weights of the corners for ``rows`` (a slice or index array), (n_rows, 1, K)."""
        u = [e[2][rows] for e in lat]
        wr = np.empty((u[0].shape[0], 1, len(corners)))
        for k, c in enumerate(corners):
            wk = wr[:, 0, k]
            np.copyto(wk, u[0]) if c[0] else np.subtract(1.0, u[0], out=wk)
            for b in range(1, dims):
                wk *= u[b] if c[b] else 1.0 - u[b]
        return wr

    def interpolate(table, rows_total):
        """Multilinear interpolation of a per-cell corner table, in blocks of rows (bounded
        temporaries: the gathered corners of 1e6 rows would take ~200 MB)."""
        res = np.empty((rows_total, table.shape[2]))
        for s0 in range(0, rows_total, _ROW_BLOCK):
            sl = slice(s0, min(rows_total, s0 + _ROW_BLOCK))
            np.einsum("nk,nks->ns", weights(sl)[:, 0, :], table[cc[sl]], out=res[sl])
        return res

    # eclipse days from the interpolated boundaries of the in-shadow runs
    m = _year_grid(year)[0].size
    nd = days_in_year(year)
    days = np.zeros(n)
    row_sig = cell_sig[cc]
    ok = row_sig >= 0
    codes = np.unique(cell_sig)
    single = codes.size == 1 and codes[0] >= 0
    if single:  # one interpolation for the statistics and the season boundaries
        nt = int(codes[0]) // 2
        both = interpolate(np.concatenate([nst, ncp[:, :nt]], axis=1)[inv], n)
        stats = both[:, :4]
        pos_all = both[:, 4:]
    else:
        stats = interpolate(nst[inv], n)
        w = weights(slice(None))
    for code in codes:
        if code < 0:
            continue
        sel = slice(None) if single else np.flatnonzero(row_sig == code)
        nt = int(code) // 2
        if nt == 0:
            days[sel] = nd if code % 2 else 0.0
            continue
        cp = ncp[:, :nt][inv]  # (n_cells, n_corners, nt)
        csel = cc[sel]
        pos = pos_all if single else np.einsum("nk,nks->ns", w[sel][:, 0, :], cp[csel])
        entering = (np.arange(nt) % 2 == 1) if code % 2 else (np.arange(nt) % 2 == 0)
        # a boundary within _SNAP samples of a sample time: decide that sample exactly
        kr = np.rint(pos)
        r, j = np.nonzero(np.abs(pos - kr) < _SNAP[is_sso])
        if r.size:
            rows = r if isinstance(sel, slice) else sel[r]
            k = kr[r, j].astype(np.int64)
            inside = _sample_inside(*_rows_of((h, inc, r0, lt), rows), is_sso, year, k)
            pos[r, j] = k + np.where(inside == entering[j], -0.5, 0.5)
        # cells where a boundary moves fast (near the onset of a shadow season): check that
        # the samples on both sides of every interpolated boundary are on the expected side
        spread = (cp.max(axis=1) - cp.min(axis=1)).max(axis=1)
        r = np.flatnonzero(spread[csel] > _VERIFY_SPREAD)
        if r.size:
            rows = r if isinstance(sel, slice) else sel[r]
            k0 = np.clip(np.floor(pos[r]), 0, m - 2).astype(np.int64)  # (n_r, nt)
            rep = np.repeat(rows, nt)
            col = _rows_of((h, inc, r0, lt), rep)
            in0 = _sample_inside(*col, is_sso, year, k0.ravel()).reshape(k0.shape)
            in1 = _sample_inside(*col, is_sso, year, k0.ravel() + 1).reshape(k0.shape)
            bad = ((in0 == entering) | (in1 != entering)).any(axis=1)
            ok[rows[bad]] = False
        days[sel] = _days_from_runs(pos, bool(code % 2), m, nd)
    return stats, days, ok


def _column(a, shape, n):
    """One input as a 0-d array when uniform, else a flat (n,) array."""
    if a.size == 1:
        return a.reshape(())
    a = a.ravel() if a.shape == shape else np.broadcast_to(a, shape).ravel()
    if a.dtype.kind in "fc" and np.isnan(a[0]):
        return a
    return a[:1].reshape(()).copy() if bool((a == a[0]).all()) else a


def _varying(cols, n):
    """The columns that differ between rows, as float arrays (n,)."""
    return [np.asarray(c, dtype=float) for c in cols if c.ndim]


def _distinct_orbits(cols, n, sample=4096):
    """Number of distinct orbits (rows of keys), exact when it is at most LATTICE_MIN_ORBITS.

    A strided sample of ``sample`` rows decides first: when it alone holds more distinct
    orbits than the threshold, the full count is not needed.
    """
    var = _varying(cols, n)
    if not var:
        return 1
    step = max(1, n // sample)
    k = np.unique(np.stack([v[::step] for v in var], axis=1), axis=0).shape[0]
    if k > LATTICE_MIN_ORBITS:
        return k
    if len(var) == 1:
        return np.unique(var[0]).size
    return np.unique(np.stack(var, axis=1), axis=0).shape[0]


def _exact_stats(cols, n, model, chunk):
    """Exact statistics of every distinct orbit, mapped back to the n rows."""
    var = _varying(cols, n)
    if len(var) == 1:
        _, first, inv = np.unique(var[0], return_index=True, return_inverse=True)
    elif var:
        _, first, inv = np.unique(np.stack(var, axis=1), axis=0, return_index=True, return_inverse=True)
    else:
        first, inv = np.zeros(1, dtype=np.int64), np.zeros(n, dtype=np.int64)
    inv = inv.ravel()
    uk = np.stack([np.broadcast_to(np.asarray(c, dtype=float), (n,))[first] for c in cols], axis=1)
    res = {k: np.empty(len(uk)) for k in _STAT_KEYS}
    for yr in np.unique(uk[:, 5]):
        rows = np.flatnonzero(uk[:, 5] == yr)
        rows = rows[np.argsort(uk[rows, 4], kind="stable")]  # SSO and inclined in separate blocks
        for s in range(0, rows.size, chunk):
            idx = rows[s : s + chunk]
            u = uk[idx]
            r = _k.annual_core(u[:, 0], u[:, 1], u[:, 2], u[:, 4].astype(bool), u[:, 3], _year_grid(int(yr)), model)
            for k in _STAT_KEYS:
                res[k][idx] = r[k]
    return {k: v[inv] for k, v in res.items()}


def _lattice_stats(h, inc, r0, lt, sso, yi, n, chunk):
    """Statistics of n rows from the lattice (cylindrical shadow); exact where it cannot serve."""
    groups = []
    if sso.ndim == 0 and yi.ndim == 0:
        groups.append((None, bool(sso), int(yi)))
    else:
        ss = np.broadcast_to(sso, (n,))
        yy = np.broadcast_to(yi, (n,))
        for yr in np.unique(yy):
            for fam in (True, False):
                idx = np.flatnonzero((yy == yr) & (ss == fam))
                if idx.size:
                    groups.append((idx, fam, int(yr)))
    stats = np.empty((n, 4))
    days = np.empty(n)
    exact = []
    for idx, fam, yr in groups:
        sub = [c if (idx is None or c.ndim == 0) else c[idx] for c in (h, inc, r0, lt)]
        g = _lattice_group(*sub, fam, yr, n if idx is None else idx.size)
        if g is None:
            exact.append(np.arange(n) if idx is None else idx)
            continue
        st, dy, ok = g
        if idx is None:
            stats[:], days[:] = st, dy
            bad = np.flatnonzero(~ok)
        else:
            stats[idx], days[idx] = st, dy
            bad = idx[~ok]
        if bad.size:
            exact.append(bad)
    hb = np.broadcast_to(h, (n,))
    a = R_EARTH + hb
    mm = np.sqrt(GM_EARTH / a**3)
    period = 2.0 * np.pi / mm
    rate = -1.5 * mm * J2_EARTH * (R_EARTH / a) ** 2 * np.cos(inc)
    x = R_EARTH / a
    s_min = np.clip(stats[:, 1], -1.0, 1.0)
    s_max = np.clip(stats[:, 2], -1.0, 1.0)
    s_abs = np.clip(stats[:, 3], 0.0, 1.0)
    cb = 1.0 - s_abs * s_abs
    np.sqrt(cb, out=cb)
    np.maximum(cb, 1e-300, out=cb)
    cos_psi = (1.0 - x) * (1.0 + x)
    np.sqrt(cos_psi, out=cos_psi)  # cos(asin(x))
    f_max = np.divide(cos_psi, cb, out=cb)
    np.minimum(f_max, 1.0, out=f_max)
    np.arccos(f_max, out=f_max)
    f_max *= 1.0 / np.pi
    out = {
        "period": period,
        "inclination": np.broadcast_to(inc, (n,)).astype(float),
        "raan_drift_rate": np.broadcast_to(rate, (n,)).astype(float),
        "mean_fraction": np.ascontiguousarray(stats[:, 0]),
        "max_fraction": f_max,
        "max_duration": f_max * period,
        "eclipse_days": days,
        "beta_min": np.arcsin(s_min),
        "beta_max": np.arcsin(s_max),
        "abs_beta_min": np.arcsin(s_abs),
        "abs_beta_max": np.arcsin(np.maximum(s_max, -s_min)),
    }
    yy = np.broadcast_to(yi, (n,))
    if yi.ndim == 0:
        dist = _year_grid(int(yi))[4]
        out["sun_distance_min"] = np.broadcast_to(dist.min(), (n,))
        out["sun_distance_max"] = np.broadcast_to(dist.max(), (n,))
    else:
        out["sun_distance_min"] = np.empty(n)
        out["sun_distance_max"] = np.empty(n)
        for yr in np.unique(yy):
            dist = _year_grid(int(yr))[4]
            sel = yy == yr
            out["sun_distance_min"][sel] = dist.min()
            out["sun_distance_max"][sel] = dist.max()
    if exact:
        idx = np.unique(np.concatenate(exact))
        cols = [c if c.ndim == 0 else c[idx] for c in (h, inc, r0, lt, sso, yi)]
        ex = _exact_stats(cols, idx.size, "cylindrical", chunk)
        for k, v in ex.items():
            if not out[k].flags.writeable:
                out[k] = np.array(out[k])
            out[k][idx] = v
    return out
