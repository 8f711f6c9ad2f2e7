"""The Streamlit calculator (``streamlit run app.py``) and its UI-independent helpers.

* :mod:`orbitdc.app.support` -- pure functions the page and the tests share: scenario <->
  URL query parameters, safe TOML upload parsing, number formatting, widget ranges, the
  headline numbers and the one-sentence verdict, CSV/JSON export.
* :mod:`orbitdc.app.charts` -- Plotly figure builders (pure: results in, figure out).
* :mod:`orbitdc.app.i18n` -- English and Japanese text for every label, help text and verdict.
* :mod:`orbitdc.app.page` -- the Streamlit page itself (imports streamlit).

The app computes nothing itself: every number on screen comes from
:func:`orbitdc.evaluate`, :mod:`orbitdc.claims`, :mod:`orbitdc.studies` or
:mod:`orbitdc.breakeven`.  Importing this package does not import streamlit or plotly.
"""
