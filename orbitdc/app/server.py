"""Server start-up for ``streamlit run app.py``: warm the pipeline before accepting sessions.

``app.py`` exposes an ``st.App`` (Streamlit's ASGI entry point) whose lifespan hook calls
:func:`warm_up` in a worker thread.  Uvicorn finishes the lifespan start-up before it accepts
connections, so the one-off costs -- importing the page, Plotly, pandas and the pipeline, and the first evaluation (the ITU-R attenuation of the named ground sites ships as a
table, so ``itur`` and its maps load only for a custom site) -- are paid once at server start
instead of by the first visitor.  Nothing here changes a number or fills a cache the page
reads: it runs the pipeline on the default preset and discards the results.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import time
from contextlib import asynccontextmanager
from typing import Any

log = logging.getLogger("orbitdc.app")

__all__ = ["configure_process", "warm_up", "lifespan"]


def warm_up() -> float:
    """Pay the first session's one-off costs once, at server start; return the seconds spent.

    Imports the page, Plotly, pandas and pyarrow (the summary table), evaluates the default
    preset and runs the headline band's Monte Carlo once.  That run keeps its sorted uniform
    pairs (:func:`orbitdc.studies.random_streams._sorted_pairs`: random numbers of the seed
    and the list of uncertain fields, the same for every scenario), so no visitor draws them.  Nothing is stored in
    Streamlit's caches (these calls bypass :mod:`orbitdc.app.cached`): the first visitor's own
    scenario, default or not, is computed for that visitor, and only code and module imports
    are warm.
    """
    t0 = time.perf_counter()
    try:
        import pandas as pd
        import PIL.Image
        import pyarrow as pa

        from .. import breakdown, presets
        from ..model import evaluate
        from . import charts, page  # noqa: F401  (imports streamlit elements and plotly)
        from .verdict import headline

        scn = presets.load(presets.DEFAULT)
        res = evaluate(scn)
        charts.cost_comparison(headline(res))
        charts.capex_waterfall(res)
        breakdown.headline_uncertainty(scn)  # the sampler, its imports and its uniform pairs
        pa.Table.from_pandas(pd.DataFrame({"a": [1.0], "b": ["x"]}))  # st.dataframe's conversion
        PIL.Image.open(page.ICON).load()  # the page icon, read per session by set_page_config
        mimetypes.init()  # the media-file server's type table (/etc/mime.types), read on first use
        _streamlit_once()
    except Exception:  # noqa: BLE001 - a failed warm-up must not stop the server
        log.exception("orbitdc warm-up failed; the first session will pay the start-up cost")
    dt = time.perf_counter() - t0
    log.info("orbitdc warm-up took %.1f s", dt)
    return dt


def _streamlit_once() -> None:
    """Streamlit's once-per-process "was I started with ``streamlit run``?" check.

    On the first element any session draws, Streamlit inspects the whole call stack, resolving
    the source file of every frame (~0.1-0.2 s with the page's deep stack on this machine).
    Done here, on the warm-up thread's short stack, it costs milliseconds; with the server
    running it prints nothing.  A private hook of Streamlit: if it moves, this does nothing.
    """
    from streamlit import delta_generator

    hook = getattr(delta_generator, "_maybe_print_use_warning", None)
    if callable(hook):
        hook()


def configure_process() -> bool:
    """Settings of the server process, made once at start (the benchmark makes them too).

    The server runs the headline band's Monte Carlo on every change of the scenario: glibc
    is asked to keep the freed arrays of one run for the next
    (:func:`orbitdc.studies.execution.keep_heap`), which took the band from ~24 to ~15 ms
    here (3,700 minor page faults to none).  Returns whether the allocator was tuned.
    """
    from ..studies.execution import keep_heap

    return keep_heap()


@asynccontextmanager
async def lifespan(_app: Any):
    """ASGI lifespan of ``st.App``: tune the process, warm up in a thread, then serve."""
    configure_process()
    await asyncio.to_thread(warm_up)
    yield None
