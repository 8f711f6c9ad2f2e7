"""Running the pipeline on chunks of rows, in process or on a Dask cluster.

A task carries the base scenario (a small dict), its columns and a row range; :func:`_execute`
submits tasks to a :class:`distributed.Client` (or the current Dask scheduler) or runs them in
process (on a pool of :func:`_threads` threads), and hands results back in order, with at most
a few chunks in flight per worker (``threads + 1`` in process).
"""

from __future__ import annotations

import collections
import contextvars
import ctypes
import itertools
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import ScenarioError
from .inputs import _check_n

CHUNK = 20_000
"""Default rows per pipeline call.  Bounds the memory of one chunk (about 3 kB per row in
flight across the pipeline's ~200 outputs and ~130 inputs, ~60 MB) and keeps each array at
160 kB.  Measured on the default preset (1e6 samples, all uncertain fields, one core):
10,000 rows 1.72 s, 20,000 1.57 s, 32,768 1.51 s, 40,000 1.51 s, then a cliff at 45,000 rows
(2.24 s): above ~40,000 rows the memory a chunk frees at once exceeds glibc's largest heap
trim threshold (64 MB), the heap is returned to the kernel after every chunk and each chunk
page-faults ~35 MB back in (385,000 minor faults per run instead of 13,000; that largest
threshold is in force from the first in-process run, :func:`_raise_heap_thresholds`).  20,000 rows
keeps a 2x margin below that cliff (which moves down as the pipeline grows) for a 4 % loss
against the fastest size."""


# ============================================================================ execution

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters (malloc.h)
WORKER_MMAP_THRESHOLD = 32 * 2**20
"""Allocations up to this size [bytes] come from glibc's heap instead of fresh mmaps in a
Dask worker (glibc's largest allowed value on 64-bit)."""
WORKER_TRIM_THRESHOLD = 128 * 2**20
"""Free heap a Dask worker keeps before returning memory to the kernel [bytes]."""
_ALLOCATOR = {"done": False}


def _tune_worker_allocator() -> bool:
    """Let a Dask worker reuse its heap for chunk arrays (glibc only; once per process).

    ``distributed``'s nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536``
    (config ``distributed.nanny.pre-spawn-environ``).  Setting any threshold turns off
    glibc's dynamic mmap threshold, so every array above 128 KiB -- every 20,000-row
    column of a chunk (160 kB) -- is a fresh ``mmap`` that page-faults in and is unmapped
    when freed: 41,300 page faults per chunk, and a two-worker LocalCluster slower than one
    process.  In a process started that way (``MALLOC_TRIM_THRESHOLD_`` set, no
    ``MALLOC_MMAP_THRESHOLD_`` of the user's) the first task raises the mmap threshold to
    :data:`WORKER_MMAP_THRESHOLD` and the trim threshold to :data:`WORKER_TRIM_THRESHOLD`
    with ``mallopt``, so chunk arrays come from the heap and their pages are reused.
    Nothing changes elsewhere (the calling process, other allocators).  Returns whether
    the allocator was tuned.
    """
    if _ALLOCATOR["done"]:
        return False
    _ALLOCATOR["done"] = True
    env = os.environ
    if "MALLOC_TRIM_THRESHOLD_" not in env or "MALLOC_MMAP_THRESHOLD_" in env:
        return False
    return _mallopt(WORKER_MMAP_THRESHOLD, WORKER_TRIM_THRESHOLD)


def keep_heap(mmap_threshold: int = WORKER_MMAP_THRESHOLD, trim_threshold: int = WORKER_TRIM_THRESHOLD) -> bool:
    """Make glibc keep freed chunk arrays in the heap of this process, for reuse.

    For a process of ours that runs studies again and again (the calculator's server, the
    command line's study commands), not for a library caller's process.  By default glibc
    returns a freed block above its (dynamic) thresholds to the kernel, so the next study's
    arrays page-fault in again: the app's 8,000-sample uncertainty band took ~3,700 minor
    faults (~10 ms of ~25 ms) per rerun.  ``mallopt(M_MMAP_THRESHOLD)`` serves allocations up
    to ``mmap_threshold`` from the heap and ``mallopt(M_TRIM_THRESHOLD)`` keeps up to
    ``trim_threshold`` of free heap instead of trimming it.  Nothing happens where the
    user set ``MALLOC_MMAP_THRESHOLD_`` or ``MALLOC_TRIM_THRESHOLD_`` themselves, or off glibc.

    Parameters
    ----------
    mmap_threshold : int
        Largest allocation served from the heap [bytes] (glibc's maximum on 64-bit: 32 MiB).
    trim_threshold : int
        Free heap kept before memory is returned to the kernel [bytes].

    Returns
    -------
    bool
        Whether both thresholds were set.
    """
    if "MALLOC_TRIM_THRESHOLD_" in os.environ or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    return _mallopt(mmap_threshold, trim_threshold)


HEAP_NUDGE_BYTES = 32 * 2**20 - 2**16
"""Size [bytes] of the block :func:`_raise_heap_thresholds` allocates and frees once per
process: just under glibc's largest dynamic mmap threshold (32 MiB on 64-bit), so that the
mapped chunk, header and page rounding included, still counts for the dynamic rule."""
_NUDGE = {"done": False}
_MALLOC_ENV = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def _raise_heap_thresholds() -> bool:
    r"""Let glibc's own dynamic rule raise its mmap and trim thresholds, once per process.

    Called before the first study run without a distributed client (its chunks run in this
    process).  glibc's ``malloc`` starts a process with an mmap threshold of 128 KiB and a
    trim threshold of twice that, and raises both itself when the program frees a block
    that was served by ``mmap``: freeing a mapped
    chunk of ``S`` bytes, ``M < S <= 32`` MiB (``M`` the current mmap threshold), sets

    .. math::

        M \leftarrow S, \qquad T \leftarrow 2 S

    (``T`` the trim threshold) [2]_.  Until that happens, the
    ~60 MB of arrays one 20,000-row chunk frees is trimmed off the heap and page-faulted
    in again by the next chunk: a first 1e6-sample Monte Carlo over every uncertain field
    took 464,000 minor faults (about 1 s of kernel time) instead of 14,000.  Allocating
    and freeing one block of :data:`HEAP_NUDGE_BYTES` (never written, so never faulted in
    beyond its header page) triggers the rule at once: ``M`` becomes ~32 MiB and ``T`` ~64
    MiB, the state a long-running process reaches by itself after freeing any array of
    that size.  Unlike :func:`keep_heap` (``mallopt``), this leaves glibc's dynamic
    adjustment on, so it is safe in a library caller's process.  Nothing happens where
    the user chose the allocator's thresholds (``MALLOC_MMAP_THRESHOLD_``,
    ``MALLOC_TRIM_THRESHOLD_``, ``MALLOC_TOP_PAD_``, ``MALLOC_MMAP_MAX_`` or a
    ``glibc.malloc`` tunable in ``GLIBC_TUNABLES``: glibc then ignores the rule anyway) or
    off glibc.

    Returns
    -------
    bool
        Whether the block was allocated and freed (False on every later call).

    References
    ----------
    .. [1] ``mallopt(3)``, Linux man-pages project: M_MMAP_THRESHOLD (the dynamic mmap
       threshold and the trim threshold that follows it; what disables the adjustment).
    .. [2] GNU C Library 2.36, ``malloc/malloc.c``: ``__libc_free`` (the adjustment) and
       ``DEFAULT_MMAP_THRESHOLD_MAX`` (32 MiB on 64-bit).
    """
    if _NUDGE["done"]:
        return False
    _NUDGE["done"] = True
    env = os.environ
    if any(v in env for v in _MALLOC_ENV) or "glibc.malloc." in env.get("GLIBC_TUNABLES", ""):
        return False
    try:
        libc = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not a POSIX libc
        return False
    if not libc.startswith("glibc"):
        return False
    block = np.empty(HEAP_NUDGE_BYTES // 8)  # malloc'd by mmap (above 128 KiB), left untouched
    del block  # free: glibc raises its thresholds to this block's size
    return True


def _mallopt(mmap_threshold: int, trim_threshold: int) -> bool:
    """Set glibc's mmap and trim thresholds [bytes]; False off glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return False
    ok = mallopt(_M_MMAP_THRESHOLD, int(mmap_threshold)) == 1
    ok &= mallopt(_M_TRIM_THRESHOLD, int(trim_threshold)) == 1
    return bool(ok)


class _TaskError(Exception):
    """A ScenarioError raised inside a task, carried as plain data (pickles through Dask)."""

    def __init__(self, field, value, allowed, reason):
        super().__init__(field, value, allowed, reason)


def _raise_task_error(exc: _TaskError) -> None:
    field, value, allowed, reason = exc.args
    raise ScenarioError(field, value, allowed, reason) from None


def _category_groups(codes: np.ndarray | None) -> list[tuple[tuple[int, ...], np.ndarray | None]]:
    """The rows of each combination of choice-field codes: ``[(codes, row mask or None)]``.

    ``codes`` is an ``(n, m)`` integer array of category codes, or None (no choice fields:
    one group of every row, mask None).
    """
    if codes is None or codes.shape[1] == 0:
        return [((), None)]
    uniq, inv = np.unique(codes, axis=0, return_inverse=True)
    inv = inv.ravel()
    return [(tuple(int(c) for c in u), inv == j) for j, u in enumerate(uniq)]


def _task_rows(
    bases: dict, codes: np.ndarray | None, cols: dict, out_keys: Sequence[str], n: int, row0: int = 0
) -> dict:
    """Evaluate ``n`` rows through the pipeline.

    ``bases`` maps a tuple of category codes to the base SI dict for that combination of
    choice fields (``{(): base}`` without choices); ``codes`` is an ``(n, m)`` integer array
    of category codes or None; ``cols`` maps numeric field keys to SI arrays of shape
    ``(n,)``.  Returns ``{output: SI array (n,)}``.
    """
    from ..model import evaluate_si

    _tune_worker_allocator()
    res = {k: np.empty(n, dtype=float) for k in out_keys}
    for combo, sel in _category_groups(codes):
        p = dict(bases[combo])
        for k, v in cols.items():
            p[k] = v if sel is None else v[sel]
        try:
            out = evaluate_si(p)
        except ScenarioError as exc:
            _raise_rows_error(p, exc, row0, n)
        for k in out_keys:
            v = out[k]
            if not np.isfinite(v).all():  # the method: np.all() adds ~3 us of dispatch per output
                _raise_rows_error(p, None, row0, n, bad_output=k)
            if sel is None:
                res[k][:] = v
            else:
                res[k][sel] = v
    return res


def _raise_rows_error(p: dict, exc: ScenarioError | None, row0: int, n: int, bad_output: str | None = None) -> None:
    """Raise a failure of a chunk of rows in the user's terms, as the scalar path does.

    The first failing row is found by bisection (about log2(rows) vectorised calls, on the
    failure path only), rebuilt as a Scenario and given the error :func:`orbitdc.model.evaluate`
    gives for it: values in field units, internal quantities and non-finite outputs traced
    to the fields that cause them.
    """
    from ..model import _blame, evaluate_si, scenario_from_si, user_error

    rows = f"rows {row0}..{row0 + n - 1}"
    m = max((len(v) for v in p.values() if isinstance(v, np.ndarray) and v.ndim == 1), default=1)

    def part(lo, hi):
        return {k: (v[lo:hi] if isinstance(v, np.ndarray) and v.ndim == 1 and len(v) == m else v) for k, v in p.items()}

    def fails(lo, hi):
        try:
            with np.errstate(all="ignore"):
                out = evaluate_si(part(lo, hi))
        except (ScenarioError, ZeroDivisionError, OverflowError, FloatingPointError):
            return True
        return bad_output is not None and not bool(np.all(np.isfinite(out[bad_output])))

    err = exc
    lo, hi = 0, m
    if m > 1 and fails(0, m):
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if fails(lo, mid):
                hi = mid
            else:
                lo = mid
    row = {k: (v.item() if hasattr(v, "item") and np.size(v) == 1 else v) for k, v in part(lo, lo + 1).items()}
    try:
        scn = scenario_from_si(row)
        if exc is not None:
            err = user_error(exc, scn)
        else:
            err = _blame(scn, f"the model gives a non-finite {bad_output} for this combination")
        rows += f" (first at row {row0 + lo})"
    except (ScenarioError, TypeError, ValueError):
        err = user_error(exc) if exc is not None else None
    if err is None:
        err = ScenarioError("rows", rows, "", f"the model gives a non-finite {bad_output}")
    raise _TaskError(
        err.field,
        err.value,
        err.allowed,
        f"{err.reason} [infeasible combination in {rows} of the study: narrow the grid or distribution]",
    ) from None


def _rows_local(*args, **kw) -> dict:
    """:func:`_task_rows` in this process, with task errors turned back into ScenarioError."""
    try:
        return _task_rows(*args, **kw)
    except _TaskError as exc:
        _raise_task_error(exc)


def _task_grid(bases: dict, axes: list, start: int, stop: int, out_keys: Sequence[str]) -> dict:
    """Evaluate flat indices ``[start, stop)`` of a full-factorial grid.

    ``axes`` is a list of ``(key, is_category, values)``: SI values for numeric axes, the
    number of choices for category axes (the code is the index).
    """
    shape = tuple(int(v) if cat else len(v) for _, cat, v in axes)
    idx = np.unravel_index(np.arange(start, stop), shape)
    cols, cats = {}, []
    for d, (key, cat, vals) in enumerate(axes):
        if cat:
            cats.append(idx[d])
        else:
            cols[key] = np.asarray(vals)[idx[d]]
    codes = np.stack(cats, axis=1) if cats else None
    return _task_rows(bases, codes, cols, out_keys, stop - start, start)


THREADS_ENV = "ORBITDC_THREADS"
"""Environment variable with the default number of threads of in-process studies."""
MAX_DEFAULT_THREADS = 8
"""Cap of the default thread count (each thread holds one chunk, ~60 MB at :data:`CHUNK` rows)."""


def _check_threads(name: str, value: Any) -> int:
    """``value`` as a thread count (a whole number from 1 to 1024), else ScenarioError on ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= int(value) <= 1024:
        raise ScenarioError(name, value, "a whole number from 1 to 1024", "the number of threads that run chunks")
    return int(value)


def _threads(threads: Any = None, tasks: int | None = None) -> int:
    """The number of threads an in-process study runs its chunks on.

    ``threads`` if given (checked), else the environment variable :data:`THREADS_ENV`
    (``ORBITDC_THREADS``, checked), else the CPUs this process may run on
    (``os.sched_getaffinity``, at most :data:`MAX_DEFAULT_THREADS`); never more than the
    number of ``tasks`` (so a one-chunk study runs in the calling thread).

    Parameters
    ----------
    threads : int or None
        The caller's choice (1 to 1024), or None for the default.
    tasks : int, optional
        Number of chunks of the study.

    Returns
    -------
    int
        Threads to run the chunks on (1: in the calling thread, no pool).

    Raises
    ------
    ScenarioError
        On ``threads`` or ``ORBITDC_THREADS`` when not a whole number from 1 to 1024.
    """
    if threads is not None:
        n = _check_threads("threads", threads)
    elif os.environ.get(THREADS_ENV, "").strip():
        text = os.environ[THREADS_ENV].strip()
        n = _check_threads(THREADS_ENV, int(text) if text.isdigit() else text)
    else:
        try:
            n = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):  # pragma: no cover - not Linux
            n = os.cpu_count() or 1
        n = max(1, min(n, MAX_DEFAULT_THREADS))
    return n if tasks is None else max(1, min(n, tasks))


def _execute(
    func: Callable,
    arglists: Sequence[tuple],
    consume: Callable[[int, Any], None],
    client=None,
    use_dask: bool = False,
    threads: int = 1,
) -> None:
    """Run ``func(*args)`` for every args tuple and hand results to ``consume`` in order.

    In process: in the calling thread (``threads == 1``), or on a pool of ``threads``
    threads (numpy releases the GIL in its loops) with ``threads`` tasks running and one
    result being consumed at most; results are consumed in task order in the calling
    thread, so they are the same for every thread count.  The argument tuples are read in
    the calling thread, those of task ``k`` only once the result of task
    ``k - threads - 1`` has been consumed: a caller may hand ``threads + 1`` rotating
    buffers to its tasks.  The first failing task in order raises its error (later tasks
    are cancelled or discarded).  With a distributed ``client``: submitted with a sliding
    window of a few tasks per worker thread.  With ``use_dask`` and no client: Dask
    delayed on the current scheduler, in batches.  ``threads`` is ignored on Dask.
    """
    try:
        if client is None:  # chunks run in this process (also on Dask's local scheduler)
            _raise_heap_thresholds()
        if client is None and not use_dask:
            if threads > 1:
                _execute_threads(func, arglists, consume, threads)
                return
            for i, a in enumerate(arglists):
                consume(i, func(*a))
            return
        tasks = iter(arglists)  # any iterable: a generator keeps memory flat in the number of tasks
        if client is not None:
            try:
                nthreads = max(1, sum(client.nthreads().values()))
            except Exception:  # pragma: no cover - exotic clients
                nthreads = 2
            window = 2 * nthreads
            futs: collections.deque = collections.deque()
            for a in itertools.islice(tasks, window):
                futs.append(client.submit(func, *a, pure=False))
            i = 0
            while futs:
                f = futs.popleft()
                for a in itertools.islice(tasks, 1):
                    futs.append(client.submit(func, *a, pure=False))
                consume(i, f.result())
                f.release()
                i += 1
            return
        dask = _import_dask()
        batch = 8
        s = 0
        while True:
            chunk = list(itertools.islice(tasks, batch))
            if not chunk:
                break
            parts = [dask.delayed(func, pure=False)(*a) for a in chunk]
            for j, r in enumerate(dask.compute(*parts)):
                consume(s + j, r)
            s += len(chunk)
    except _TaskError as exc:
        _raise_task_error(exc)


def _execute_threads(
    func: Callable, arglists: Sequence[tuple], consume: Callable[[int, Any], None], threads: int
) -> None:
    """:func:`_execute` in process on ``threads`` threads (see there for the order and buffers).

    Each task runs in a copy of the calling thread's context (numpy's error state and
    orbitdc's context variables), as it would in the calling thread.
    """
    from concurrent.futures import ThreadPoolExecutor

    tasks = iter(arglists)
    pool = ThreadPoolExecutor(threads, thread_name_prefix="orbitdc-chunk")
    futs: collections.deque = collections.deque()
    try:
        for a in itertools.islice(tasks, threads):
            futs.append(pool.submit(contextvars.copy_context().run, func, *a))
        i = 0
        while futs:
            res = futs.popleft().result()
            for a in itertools.islice(tasks, 1):
                futs.append(pool.submit(contextvars.copy_context().run, func, *a))
            consume(i, res)
            del res
            i += 1
    finally:
        for f in futs:
            f.cancel()
        pool.shutdown(wait=True)


def _import_dask():
    """``import dask``, never while another thread imports pint.

    :func:`orbitdc.units._load` imports pint with placeholder ``dask`` modules (so pint does
    not load dask), holding the units lock; importing dask under the same lock keeps a
    thread from finding a placeholder, or a half-imported ``dask.base``, when studies in
    several threads of a fresh process reach pint and Dask at once.
    """
    from ..units import _LOCK

    with _LOCK:
        import dask

    return dask


def _chunk_rows(chunks: Any, chunk_size: Any, default: int = CHUNK) -> int:
    val = chunks if chunks is not None else chunk_size
    if val is None:
        return default
    return _check_n("chunks", val)


def _bases_for(scn, cat_keys: Sequence[str], cat_values: Sequence[Sequence[Any]]) -> dict:
    """Base SI dicts for every combination of category values (choice fills applied)."""
    if not cat_keys:
        return {(): scn.to_si()}
    sizes = [len(v) for v in cat_values]
    total = math.prod(sizes)
    if total > 10_000:
        raise ScenarioError(
            "choices", total, "<= 10000 combinations of choice values", "too many combinations of choice fields"
        )
    bases = {}
    for combo in itertools.product(*[range(s) for s in sizes]):
        over = {k: cat_values[d][c] for d, (k, c) in enumerate(zip(cat_keys, combo))}
        bases[combo] = scn.with_overrides(over).to_si()
    return bases
