"""The orbitdc calculator: ``streamlit run app.py`` (or ``make app``).

Thin entry point; the page lives in :mod:`orbitdc.app.page` and every number it shows
comes from :func:`orbitdc.evaluate` and the studies built on it.
"""
from orbitdc.app.page import main

main()
