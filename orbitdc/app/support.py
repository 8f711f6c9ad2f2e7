"""UI-independent helpers of the Streamlit calculator (pure functions, no streamlit import).

This module gathers, under one name, the helpers the page and the tests share; each lives in a
module named for what it does:

* :mod:`orbitdc.app.widgets` -- the input groups and each field's widget range and step;
* :mod:`orbitdc.app.url_state` -- scenario <-> URL query parameters, preset lookups;
* :mod:`orbitdc.app.upload` -- safe parsing of an uploaded scenario TOML;
* :mod:`orbitdc.app.formatting` -- numbers, money, ratios and units for people;
* :mod:`orbitdc.app.verdict` -- headline numbers, the verdict sentence, error texts, the
  summary table and claim cards;
* :mod:`orbitdc.app.export` -- CSV/JSON export of a result.

Numbers are read from a :class:`orbitdc.model.Result`; nothing is computed here beyond
formatting.
"""

from __future__ import annotations

from .export import (  # noqa: F401
    results_csv,
    results_json,
    results_rows,
)
from .formatting import (  # noqa: F401
    _MONEY_SCALE,
    _PREFIXES,
    JPY_PER_USD,
    JPY_RATE_DATE,
    _sig,
    currency,
    fmt_eng,
    fmt_money,
    fmt_num,
    fmt_output,
    fmt_ratio,
    fmt_usd,
    output_unit,
    pretty_unit,
    set_currency,
)
from .upload import (  # noqa: F401
    UPLOAD_LIMIT,
    parse_upload,
)
from .url_state import (  # noqa: F401
    _PRESET_CACHE,
    PARAM_LANG,
    PARAM_PRESET,
    QueryState,
    _all_keys,
    _same,
    decode_query,
    diff_from,
    encode_query,
    param_text,
    preset_base,
    preset_scenario,
    scenario_overrides,
    scenario_values,
)
from .verdict import (  # noqa: F401
    _COST_MEASURES,
    BINDING,
    FLEET,
    ORBITAL,
    RATIO_F,
    RATIO_T,
    SUMMARY_KEYS,
    TERRESTRIAL,
    _get,
    _sentence,
    claim_cards,
    error_text,
    headline,
    summary_rows,
    verdict,
    workload_line,
)
from .widgets import (  # noqa: F401
    GROUPS,
    WidgetSpec,
    _decimals,
    _nice_step,
    _number_spec,
    input_groups,
    widget_spec,
)

__all__ = [
    "GROUPS",
    "UPLOAD_LIMIT",
    "ORBITAL",
    "TERRESTRIAL",
    "FLEET",
    "BINDING",
    "input_groups",
    "scenario_values",
    "diff_from",
    "scenario_overrides",
    "param_text",
    "encode_query",
    "decode_query",
    "QueryState",
    "parse_upload",
    "pretty_unit",
    "fmt_usd",
    "fmt_ratio",
    "fmt_num",
    "fmt_eng",
    "fmt_output",
    "WidgetSpec",
    "widget_spec",
    "headline",
    "verdict",
    "results_rows",
    "results_csv",
    "results_json",
    "error_text",
    "preset_base",
    "preset_scenario",
    "summary_rows",
    "claim_cards",
    "workload_line",
    "fmt_money",
    "output_unit",
    "SUMMARY_KEYS",
]
