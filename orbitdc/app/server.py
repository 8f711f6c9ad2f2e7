"""Server start-up for ``streamlit run app.py``: warm the pipeline before accepting sessions.

``app.py`` exposes an ``st.App`` (Streamlit's ASGI entry point) whose lifespan hook calls
:func:`warm_up` in a worker thread.  Uvicorn finishes the lifespan start-up before it accepts
connections, so the one-off costs -- importing the page, Plotly and the pipeline, and the
first evaluation (the ITU-R attenuation of the named ground sites ships as a table, so
``itur`` and its maps load only for a custom site) -- are paid once at server start instead of by the first visitor.  Nothing here changes a
number: it only runs :func:`orbitdc.evaluate` on the default preset and discards the result.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from typing import Any

log = logging.getLogger("orbitdc.app")

__all__ = ["warm_up", "lifespan"]


def warm_up() -> float:
    """Import the page and evaluate the default preset once; return the seconds spent."""
    t0 = time.perf_counter()
    try:
        from .. import presets
        from ..model import evaluate
        from . import charts, page  # noqa: F401  (imports streamlit elements and plotly)
        from .verdict import headline

        res = evaluate(presets.load(presets.DEFAULT))
        charts.cost_comparison(headline(res))
        charts.capex_waterfall(res)
    except Exception:  # noqa: BLE001 - a failed warm-up must not stop the server
        log.exception("orbitdc warm-up failed; the first session will pay the start-up cost")
    dt = time.perf_counter() - t0
    log.info("orbitdc warm-up took %.1f s", dt)
    return dt


@asynccontextmanager
async def lifespan(_app: Any):
    """ASGI lifespan of ``st.App``: warm up in a thread, then serve."""
    await asyncio.to_thread(warm_up)
    yield None
