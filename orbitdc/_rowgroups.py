"""The pipeline on rows that differ in choice or switch fields.

A stage reads a choice field (``launch.vehicle``) or a switch (``launch.station_keeping``) as
one Python value and branches on it, so a call of :func:`orbitdc.model.evaluate_si` whose
choice fields are *arrays* (one name per row) cannot hand them to the stages as they are.
:func:`evaluate_rows` runs the stages in pipeline order on groups of rows instead, splitting
a group only when, and where, a stage reads a choice field whose value is not the same
across the group: the orbit stage runs once on every row if the orbit type is fixed, the
compute stage once per accelerator, the launch stage once per launch vehicle, and so on.
Each row's result is exactly what the pipeline gives for that row alone (up to the
floating-point differences of vectorised against scalar arithmetic).

Numeric fields may be scalars or arrays of one value per row; the caller supplies every
field a choice would fill (the optimiser builds those arrays row by row).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

_MISSING = object()

_SPLIT_HINTS: dict[str, set[str]] = {}
"""Per stage module: choice keys it was seen to read, so later calls split before running it."""


class _Split(Exception):
    """Raised by a group view when a stage reads a choice field that varies within the group."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class _GroupView(Mapping):
    """The inputs of one group of rows: numeric arrays sliced, uniform choices as scalars."""

    __slots__ = ("_cache", "_codes", "_idx", "_n", "_p", "_values")

    def __init__(self, p: Mapping[str, Any], idx: np.ndarray, n: int, codes: dict, values: dict):
        self._p = p
        self._idx = idx
        self._n = n
        self._codes = codes
        self._values = values
        self._cache: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        v = self._cache.get(key, _MISSING)
        if v is not _MISSING:
            return v
        v = self._p[key]
        codes = self._codes.get(key)
        if codes is not None:
            c = codes[self._idx]
            c0 = c[0]
            if c.size > 1 and not np.all(c == c0):
                raise _Split(key)
            v = self._values[key][int(c0)]
        elif v.__class__ is np.ndarray and v.ndim == 1 and v.shape[0] == self._n and self._idx.shape[0] != self._n:
            v = v[self._idx]
        self._cache[key] = v
        return v

    def __contains__(self, key: object) -> bool:
        return key in self._p

    def __iter__(self) -> Iterator[str]:
        return iter(self._p)

    def __len__(self) -> int:
        return len(self._p)


def categorical_arrays(p: Mapping[str, Any], keys: Sequence[str]) -> list[str]:
    """The keys among ``keys`` (choice and switch fields) whose value in ``p`` is an array."""
    return [k for k in keys if k in p and isinstance(p[k], (np.ndarray, list, tuple))]


def evaluate_rows(p: Mapping[str, Any], modules: Sequence[Any], cat_keys: Sequence[str]) -> dict[str, Any]:
    """Run ``modules``' stages on ``p`` whose choice fields ``cat_keys`` are 1-D arrays.

    Parameters
    ----------
    p : mapping
        SI inputs as for :func:`orbitdc.model.evaluate_si`; the fields in ``cat_keys`` are
        1-D sequences of names (or booleans) of one common length ``n``; numeric fields are
        scalars or arrays of shape ``(n,)``.
    modules : sequence
        The pipeline modules in order (:data:`orbitdc.sections.MODULES`).
    cat_keys : sequence of str
        The choice and switch fields given as arrays.

    Returns
    -------
    dict
        ``{output: SI array of shape (n,)}``.
    """
    codes: dict[str, np.ndarray] = {}
    values: dict[str, list] = {}
    n = None
    for k in cat_keys:
        arr = np.asarray(p[k])
        if arr.ndim != 1:
            raise ValueError(f"{k}: an array of choices must be one-dimensional, got shape {arr.shape}")
        if n is None:
            n = arr.shape[0]
        elif arr.shape[0] != n:
            raise ValueError(f"{k}: {arr.shape[0]} choices for {n} rows")
        uniq, inv = np.unique(arr, return_inverse=True)
        codes[k] = inv.ravel()
        values[k] = [u.item() if isinstance(u, np.generic) else u for u in uniq]
    if not n:
        raise ValueError("no rows to evaluate")
    for k, v in p.items():
        if k not in codes and isinstance(v, np.ndarray) and v.ndim and v.shape != (n,):
            raise ValueError(f"{k}: shape {v.shape} does not match the {n} rows of the choice arrays")

    from .errors import REFUSALS
    from .model import rows_refused

    sink = REFUSALS.get()  # evaluate_si_rows: record refused rows in global row numbers
    groups: list[tuple[np.ndarray, dict]] = [(np.arange(n), {})]
    for m in modules:
        name = getattr(m, "__name__", repr(m))
        hints = _SPLIT_HINTS.setdefault(name, set())
        done: list[tuple[np.ndarray, dict]] = []
        stack = list(reversed(groups))
        while stack:
            idx, out = stack.pop()
            key = next((h for h in hints if h in codes and not _uniform(codes[h], idx)), None) if hints else None
            if key is None:
                trial = dict(out)
                local = [] if sink is not None else None
                token = REFUSALS.set(local) if sink is not None else None
                try:
                    m.stage(_GroupView(p, idx, n, codes, values), trial)
                except _Split as s:
                    key = s.key
                    hints.add(key)
                else:
                    done.append((idx, trial))
                    if local:
                        bad = np.zeros(n, dtype=bool)
                        bad[idx[rows_refused(local, idx.shape[0])]] = True
                        sink.append(bad)
                    continue
                finally:
                    if token is not None:
                        REFUSALS.reset(token)
            c = codes[key][idx]
            parts = [(idx[c == u], _slice(out, c == u, idx.shape[0])) for u in np.unique(c)]
            stack.extend(reversed(parts))
        groups = done

    res: dict[str, Any] = {}
    for idx, out in groups:
        for k, v in out.items():
            arr = res.get(k)
            if arr is None:
                arr = res[k] = np.empty(n, dtype=float)
            arr[idx] = v
    return res


def _uniform(codes: np.ndarray, idx: np.ndarray) -> bool:
    c = codes[idx]
    return c.size < 2 or bool(np.all(c == c[0]))


def _slice(out: dict, sel: np.ndarray, m: int) -> dict:
    """The outputs of a group restricted to the rows ``sel`` (scalars stay scalars)."""
    return {k: (v[sel] if v.__class__ is np.ndarray and v.ndim == 1 and v.shape[0] == m else v) for k, v in out.items()}
