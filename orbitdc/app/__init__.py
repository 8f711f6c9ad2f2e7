"""The Streamlit calculator (``streamlit run app.py``) and its UI-independent helpers.

* UI-independent helpers (pure functions, no streamlit import) the page and the tests share,
  each in a module named for what it does: :mod:`~orbitdc.app.widgets` (the input groups,
  each field's widget range and step), :mod:`~orbitdc.app.url_state` (scenario <-> URL query
  parameters, preset lookups), :mod:`~orbitdc.app.upload` (safe parsing of an uploaded
  scenario TOML), :mod:`~orbitdc.app.formatting` (numbers, money, ratios and units for
  people; the display currency), :mod:`~orbitdc.app.verdict` (headline numbers, the verdict
  sentence, error texts, the summary table and claim cards), :mod:`~orbitdc.app.export`
  (CSV/JSON export of a result).
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
