"""The orbitdc calculator: ``streamlit run app.py`` (or ``make app``).

Thin entry point.  Streamlit runs this file as the page script of every session (as module
``__main__``): it renders :func:`orbitdc.app.page.main`, and every number on the page comes
from :func:`orbitdc.evaluate` and the studies built on it.  When ``streamlit run`` imports the
file to look for an ASGI app it finds ``app``, an ``st.App`` whose start-up hook warms the
pipeline (:mod:`orbitdc.app.server`) before the server accepts the first visitor, and whose
middleware writes the URL's headline into the page itself (:mod:`orbitdc.app.first_view`), so
the numbers are on screen before Streamlit's code has loaded.
"""

import streamlit as st

if __name__ == "__main__":
    try:
        from orbitdc.app.page import main
    except Exception as exc:  # a broken install: say so instead of a traceback
        st.error(f"orbitdc could not be loaded: {type(exc).__name__}: {exc}")
    else:
        main()
else:
    from starlette.middleware import Middleware

    from orbitdc.app.first_view import FirstView
    from orbitdc.app.server import lifespan

    app = st.App(__file__, lifespan=lifespan, middleware=[Middleware(FirstView)])
