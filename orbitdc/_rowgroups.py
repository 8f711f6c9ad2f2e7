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

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
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
    store = _Store(n)
    everyone = np.arange(n)
    for m in modules:
        name = getattr(m, "__name__", repr(m))
        hints = _SPLIT_HINTS.setdefault(name, set())
        # every stage starts from all rows, split only by the choices it is known to read:
        # groups an earlier stage needed do not fragment the later ones
        # tuple(): one copy under the GIL (studies run chunks on threads that add hints)
        stack = _partition(everyone, [codes[h] for h in tuple(hints) if h in codes])
        while stack:
            idx = stack.pop()
            trial = _OutView(store, idx)
            local = [] if sink is not None else None
            token = REFUSALS.set(local) if sink is not None else None
            try:
                m.stage(_GroupView(p, idx, n, codes, values), trial)
            except _Split as s:
                hints.add(s.key)
                stack.extend(_partition(idx, [codes[s.key]]))
                continue
            except _SplitRows as s:  # an earlier output exists on some rows of the group only
                stack.extend([idx[~s.mask], idx[s.mask]])
                continue
            finally:
                if token is not None:
                    REFUSALS.reset(token)
            store.write(idx, trial.local)
            if local:
                bad = np.zeros(n, dtype=bool)
                bad[idx[rows_refused(local, idx.shape[0])]] = True
                sink.append(bad)
    return store.result()


def _partition(idx: np.ndarray, code_arrays: list) -> list[np.ndarray]:
    """``idx`` split into groups of equal codes (in every array of ``code_arrays``)."""
    if not code_arrays or idx.shape[0] < 2:
        return [idx]
    c = np.stack([a[idx] for a in code_arrays], axis=1)
    _, inv = np.unique(c, axis=0, return_inverse=True)
    inv = inv.ravel()
    return [idx[inv == g] for g in range(int(inv.max()) + 1)][::-1]


class _SplitRows(Exception):
    """Raised when a stage asks for an output that some rows of its group have and others not."""

    def __init__(self, mask: np.ndarray):
        super().__init__("rows")
        self.mask = mask


class _Store:
    """Every stage output so far, one array of ``n`` rows per key.

    ``have[k]`` marks the rows that wrote ``k``; ``scalar[k]`` the rows that wrote it as a
    single value (a group's uniform result), so a group made only of such rows reads it back
    as a single value when all of them agree, as the stage that wrote it gave it.
    """

    __slots__ = ("arrays", "have", "n", "owned", "scalar")

    def __init__(self, n: int):
        self.n = n
        self.arrays: dict[str, np.ndarray] = {}
        self.have: dict[str, np.ndarray] = {}
        self.scalar: dict[str, np.ndarray] = {}
        self.owned: set[str] = set()

    def write(self, idx: np.ndarray, new: dict) -> None:
        full = idx.shape[0] == self.n
        for k, v in new.items():
            val = np.asarray(v)
            if val.dtype.kind not in "biuf":
                val = val.astype(float)
            arr = self.arrays.get(k)
            if arr is None:
                self.have[k] = np.zeros(self.n, dtype=bool)
                self.scalar[k] = np.zeros(self.n, dtype=bool)
                if full and val.shape == (self.n,):
                    self.arrays[k] = val  # kept by reference: copied before any partial write
                    self.have[k][:] = True
                    continue
                arr = self.arrays[k] = np.full(self.n, np.nan) if val.dtype.kind == "f" else np.zeros(self.n, val.dtype)
                self.owned.add(k)
            elif full and val.shape == (self.n,):
                self.arrays[k] = val
                self.owned.discard(k)
                self.have[k][:] = True
                self.scalar[k][:] = False
                continue
            else:
                dt = np.result_type(arr.dtype, val.dtype)
                if k not in self.owned or dt != arr.dtype:
                    arr = self.arrays[k] = arr.astype(dt)
                    self.owned.add(k)
            arr[idx] = val
            self.have[k][idx] = True
            self.scalar[k][idx] = val.ndim == 0

    def result(self) -> dict[str, np.ndarray]:
        return {k: (a if a.dtype == float else a.astype(float)) for k, a in self.arrays.items()}


class _OutView(MutableMapping):
    """The outputs seen by one group: earlier stages' rows of the group, then its own writes."""

    __slots__ = ("_cache", "_idx", "_store", "local")

    def __init__(self, store: _Store, idx: np.ndarray):
        self._store = store
        self._idx = idx
        self._cache: dict[str, Any] = {}
        self.local: dict[str, Any] = {}

    def _rows_have(self, key: str) -> bool:
        have = self._store.have.get(key)
        if have is None:
            return False
        h = have[self._idx]
        if h.all():
            return True
        if not h.any():
            return False
        raise _SplitRows(h)

    def __getitem__(self, key: str) -> Any:
        v = self.local.get(key, _MISSING)
        if v is not _MISSING:
            return v
        v = self._cache.get(key, _MISSING)
        if v is not _MISSING:
            return v
        if not self._rows_have(key):
            raise KeyError(key)
        st = self._store
        arr = st.arrays[key]
        idx = self._idx
        v = arr if idx.shape[0] == st.n else arr[idx]
        if v.shape[0] and st.scalar[key][idx].all() and bool(np.all(v == v[0])):
            v = v[0].item()
        self._cache[key] = v
        return v

    def __setitem__(self, key: str, value: Any) -> None:
        self.local[key] = value

    def __delitem__(self, key: str) -> None:
        del self.local[key]

    def __contains__(self, key: object) -> bool:
        return key in self.local or self._rows_have(key)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[str]:
        seen = set(self.local)
        yield from self.local
        for k in self._store.arrays:
            if k not in seen and self._rows_have(k):
                yield k

    def __len__(self) -> int:
        return sum(1 for _ in self)
