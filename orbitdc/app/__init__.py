"""The Streamlit calculator (``streamlit run app.py``) and its UI-independent helpers.

* :mod:`orbitdc.app.support` -- pure functions the page and the tests share: scenario <->
  URL query parameters, safe TOML upload parsing, number formatting, widget ranges, the
  headline numbers and the one-sentence verdict, CSV/JSON export.
* :mod:`orbitdc.app.charts` -- Plotly figure builders (pure: results in, figure out).
* :mod:`orbitdc.app.i18n` -- English and Japanese text for every label, help text and verdict.
* :mod:`orbitdc.app.page` -- the Streamlit page itself (imports streamlit): its entry point
  :func:`~orbitdc.app.page.main` and the registry of its views.  The page is drawn by
  :mod:`~orbitdc.app.sidebar` (the inputs), :mod:`~orbitdc.app.headline` (verdict and headline
  costs), :mod:`~orbitdc.app.layout` (style, grouped tabs), one ``views_<tab>`` module per tab
  (``views_result``, ``views_satellite``, ``views_drivers``, ``views_time``, ``views_compare``),
  over :mod:`~orbitdc.app.state` (session state, widget callbacks) and
  :mod:`~orbitdc.app.cached` (every computation, cached per scenario).

The app computes nothing itself: every number on screen comes from
:func:`orbitdc.evaluate`, :mod:`orbitdc.claims`, :mod:`orbitdc.studies` or
:mod:`orbitdc.breakeven`.  Importing this package does not import streamlit or plotly.
"""
