"""Streaming statistics of study outputs: moments, exact and histogram percentiles, Wilson intervals."""

from __future__ import annotations

import math

import numpy as np


class _LogHist:
    """Streaming percentiles: counts on a fixed log grid of |x| (2000 bins per decade).

    Relative resolution 10**(1/2000) - 1 = 0.115 % (bin centre error <= 0.058 %) for
    |x| in [1e-30, 1e30]; zeros and the two signs are counted separately.
    """

    PER_DECADE = 2000
    LO, HI = -30.0, 30.0

    PENDING = 1 << 16  # bin indices buffered before one bincount (bounded memory, fewer passes)

    def __init__(self):
        self.nb = int((self.HI - self.LO) * self.PER_DECADE)
        self.pos = np.zeros(self.nb, dtype=np.int64)
        self.neg = np.zeros(self.nb, dtype=np.int64)
        self.zero = 0
        self._pending: dict = {"pos": [], "neg": []}
        self._npending = 0

    def _bins(self, a):
        t = np.log10(a)
        t -= self.LO
        t *= self.PER_DECADE
        np.floor(t, out=t)
        b = t.astype(np.intp)
        return np.clip(b, 0, self.nb - 1, out=b)

    def add(self, x: np.ndarray) -> None:
        if x.size and x.min() > 0:  # the usual case: costs, areas, masses
            self._push("pos", self._bins(x))
            return
        p = x > 0
        ng = x < 0
        self.zero += int(np.count_nonzero(x == 0))
        if p.any():
            self._push("pos", self._bins(x[p]))
        if ng.any():
            self._push("neg", self._bins(-x[ng]))

    def _push(self, side: str, b: np.ndarray) -> None:
        self._pending[side].append(b)
        self._npending += b.size
        if self._npending >= self.PENDING:
            self._flush()

    def _flush(self) -> None:
        for side in ("pos", "neg"):
            parts = self._pending[side]
            if parts:
                getattr(self, side)[:] += np.bincount(
                    np.concatenate(parts) if len(parts) > 1 else parts[0], minlength=self.nb
                )
                parts.clear()
        self._npending = 0

    def percentile(self, q: float, n: int, lo: float, hi: float) -> float:
        """The ``q``-th percentile of ``n`` counted values: the centre of the bin holding rank
        ``q/100 (n - 1)``, clipped to the exact ``[lo, hi]``."""
        return float(self.percentiles((q,), n, lo, hi)[0])

    def percentiles(self, qs, n: int, lo: float, hi: float) -> np.ndarray:
        """:meth:`percentile` of each of ``qs``, with the grid and the cumulative counts
        formed once (~1.5 ms each over the 120,000 bins)."""
        self._flush()
        centres = 10 ** (self.LO + (np.arange(self.nb) + 0.5) / self.PER_DECADE)
        counts = np.concatenate([self.neg[::-1], [self.zero], self.pos])
        values = np.concatenate([-centres[::-1], [0.0], centres])
        cum = np.cumsum(counts)
        out = np.empty(len(qs))
        for j, q in enumerate(qs):
            rank = q / 100.0 * (n - 1)
            i = int(np.searchsorted(cum, rank, side="right"))
            out[j] = float(np.clip(values[min(i, values.size - 1)], lo, hi))
        return out


class _Stats:
    """Streaming count, mean, variance (Chan et al. 1979 pairwise update), min, max, histogram."""

    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.min = np.inf
        self.max = -np.inf
        self.hist = _LogHist()

    def add(self, x: np.ndarray) -> None:
        m = x.size
        if m == 0:
            return
        mb = float(np.mean(x))
        m2b = float(np.sum((x - mb) ** 2))
        d = mb - self.mean
        tot = self.n + m
        self.mean += d * m / tot
        self.m2 += m2b + d * d * self.n * m / tot
        self.n = tot
        self.min = min(self.min, float(np.min(x)))
        self.max = max(self.max, float(np.max(x)))
        self.hist.add(x)


def _order_stats(x: np.ndarray, ks: np.ndarray) -> np.ndarray:
    """Exact order statistics ``sort(x)[ks]`` of a 1-D NaN-free float array.

    For large ``x``, a full ``np.partition`` (introselect, ~15 ns per element per order
    statistic here) is replaced by a bracket from a sorted strided subsample of 16384 values:
    with ``lo <= x_(k) <= hi`` and ``c`` values below ``lo``, ``x_(k)`` is the
    ``(k - c)``-th smallest of the few values in ``[lo, hi]``.  The bracket spans +-5
    binomial standard deviations of the subsample rank; whether it holds is checked with the
    exact counts, and the full partition is the fallback, so the result never depends on
    the subsample (only the time does).  Neighbouring ``ks`` share one bracket.
    """
    ks = np.unique(np.asarray(ks, dtype=np.intp))
    n = x.size
    if n < 200_000:
        return np.partition(x, ks)[ks]
    sub = np.sort(x[:: n // 16384])
    ms = sub.size
    res = np.empty(ks.size)
    gap = n // ms
    i = 0
    while i < ks.size:
        g = i
        while g + 1 < ks.size and ks[g + 1] - ks[i] <= gap:
            g += 1
        k1, k2 = int(ks[i]), int(ks[g])
        p1, p2 = k1 / (n - 1), k2 / (n - 1)
        jl = math.floor(p1 * (ms - 1) - 5.0 * math.sqrt(ms * p1 * (1 - p1)) - 8)
        jh = math.ceil(p2 * (ms - 1) + 5.0 * math.sqrt(ms * p2 * (1 - p2)) + 8)
        lo = sub[jl] if jl > 0 else -np.inf
        hi = sub[jh] if jh < ms - 1 else np.inf
        below = int(np.count_nonzero(x < lo)) if jl > 0 else 0
        if jl > 0 and jh < ms - 1:
            cand = x[(x >= lo) & (x <= hi)]
        elif jl > 0:
            cand = x[x >= lo]
        elif jh < ms - 1:
            cand = x[x <= hi]
        else:
            cand = x
        if not (below <= k1 and k2 < below + cand.size):  # bracket missed: exact fallback
            return np.partition(x, ks)[ks]
        want = ks[i : g + 1] - below
        res[i : g + 1] = np.partition(cand, want)[want]
        i = g + 1
    return res


def _percentiles(x: np.ndarray, qs: np.ndarray) -> np.ndarray:
    """``np.percentile(x, qs)`` (method "linear") of a 1-D float array, bit for bit, faster.

    The same virtual indices ``(n - 1) q / 100``, neighbours and interpolation
    (``a + (b - a) g``, or ``b - (b - a)(1 - g)`` for ``g >= 0.5``) as numpy's
    implementation, with the order statistics from :func:`_order_stats`.  Arrays holding
    NaN go to ``np.percentile`` itself (which returns NaN).  About 4x faster than
    ``np.percentile`` on 1e6 values (4.5 ms against 17 ms for three percentiles here).

    References
    ----------
    R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American
    Statistician 50, 361-365, 1996 (definition 7, numpy's "linear").
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    if n < 200_000 or np.isnan(x.min()):
        return np.percentile(x, qs)
    q = np.true_divide(np.asarray(qs, dtype=float), 100)
    v = (n - 1) * q
    prev = np.floor(v)
    nxt = prev + 1
    top = v >= n - 1
    prev[top] = -1
    nxt[top] = -1
    prev = prev.astype(np.intp)
    nxt = nxt.astype(np.intp)
    gamma = np.asarray(v - prev, dtype=v.dtype)
    ip, inx = prev % n, nxt % n
    ks = np.unique(np.concatenate([ip, inx]))
    vals = _order_stats(x, ks)
    a = vals[np.searchsorted(ks, ip)]
    b = vals[np.searchsorted(ks, inx)]
    diff = b - a
    out = np.add(a, diff * gamma)
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    return out


def _wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson (1927) score interval for a binomial proportion (95 % by default)."""
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, c - h), min(1.0, c + h)
