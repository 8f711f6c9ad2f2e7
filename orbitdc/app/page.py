"""The Streamlit page of the orbitdc calculator (run with ``streamlit run app.py``): its entry point
and the registry of its views.

Layout: a sidebar (:mod:`~orbitdc.app.sidebar`) with the language, the preset, a reset button,
the assumptions grouped as the pipeline is and the scenario upload; a main area with the verdict
and the headline costs (:mod:`~orbitdc.app.headline`) and five tabs of views (:data:`GROUPS`),
each view drawn by a function of the module named for its tab (``views_result``,
``views_satellite``, ``views_drivers``, ``views_time``, ``views_compare``).

State: ``st.session_state["vals"]`` holds every field's value in its unit
(:mod:`~orbitdc.app.state`).  The scenario is the preset plus the differences
(:func:`orbitdc.app.url_state.scenario_overrides`), which are also the URL query parameters.
Evaluation goes through :func:`orbitdc.evaluate`, cached per scenario with every other
computation in :mod:`~orbitdc.app.cached`; a :class:`~orbitdc.errors.ScenarioError` is shown
next to the input it names and the last valid results stay on screen.  No traceback ever
reaches the page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from .. import __version__
from ..errors import ScenarioError
from . import cached, i18n, layout, views_compare, views_drivers, views_result, views_satellite, views_time
from .formatting import JPY_PER_USD, set_currency
from .headline import fill_band, header
from .sidebar import sidebar
from .state import init_state, n_changed, session
from .url_state import PARAM_LANG, PARAM_PRESET, param_text, preset_scenario, scenario_overrides
from .verdict import error_text

log = logging.getLogger("orbitdc.app")

#: The page icon (drawn by ``tools/make_icon.py``).
ICON = Path(__file__).with_name("icon.png")

#: The views, grouped into five tabs so that every one is reachable at laptop width.
GROUPS: dict[str, tuple[str, ...]] = {
    "result": ("summary", "breakdown", "costs"),
    "satellite": ("mass", "orbit", "radiation", "thermal", "links"),
    "drivers": ("launch", "tornado", "wmbt", "optimise"),
    "time": ("when", "claims"),
    "compare": ("compare", "share", "outputs"),
}


def main() -> None:
    """Render the calculator (one Streamlit script run); never a traceback on screen."""
    try:
        _main()
    except Exception as exc:  # noqa: BLE001 - Streamlit's rerun/stop are BaseExceptions and pass
        log.exception("page failed")
        st.error(i18n.t("err.page", session().get("lang", "en"), msg=f"{type(exc).__name__}: {exc}"[:400]))


def _main() -> None:
    st.set_page_config(
        page_title="orbitdc: AI inference in orbit",
        page_icon=str(ICON),  # shipped: a Material icon would be fetched from fonts.gstatic.com
        layout="wide",
        initial_sidebar_state="auto",  # open on a laptop, collapsed on a phone
    )
    init_state()
    ss = session()
    lang = ss.get("lang", "en")
    if lang not in i18n.LANGS:
        lang = ss["lang"] = "en"
    st.html(layout.CSS % {"drop": i18n.t("upload.drop", lang), "browse": i18n.t("upload.browse", lang)})
    ss.setdefault("currency", "USD")
    ss.setdefault("jpy_rate", JPY_PER_USD)
    set_currency(ss["currency"], ss["jpy_rate"])
    preset = ss["preset"]
    base = preset_scenario(preset)
    vals = ss["vals"]
    ov = tuple(sorted(scenario_overrides(vals, base).items()))
    err: ScenarioError | None = None
    result = None
    try:
        result = cached.result_of(preset, ov)
    except ScenarioError as exc:
        err = exc
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("evaluate failed")
        err = ScenarioError("scenario", "(combination)", "", f"{type(exc).__name__}: {exc}"[:300])
    if err is None:
        ss["last_ok"] = (preset, ov)
    else:
        last = ss.get("last_ok")
        fallback = [last] if last else []
        fallback.append((preset, ()))
        for p, o in fallback:
            try:
                result = cached.result_of(p, o)
                preset_used, ov = p, o
                break
            except Exception:  # noqa: BLE001
                continue
    sidebar(lang, err, ss.pop("cb_error", None))
    if result is None:
        st.error(error_text(err, lang) if err else "evaluation failed")
        return
    used_preset = preset if err is None else preset_used
    scn = cached.scenario_of(used_preset, ov)
    params = {PARAM_PRESET: used_preset}
    if lang != "en":
        params[PARAM_LANG] = lang
    params.update({k: param_text(v) for k, v in ov})
    if err is None:
        layout.sync_query(params)
    h = header(result, scn, lang, err, n_changed(ov, base) if err is None else 0, used_preset, ov)
    # the view registry: each view of GROUPS and the function that draws it
    bodies: dict[str, Callable[[], None]] = {
        "summary": lambda: views_result.summary(result, lang),
        "breakdown": lambda: views_result.breakdown(used_preset, ov, lang),
        "costs": lambda: views_result.costs(result, h, lang),
        "mass": lambda: views_satellite.mass(result, lang),
        "orbit": lambda: views_satellite.orbit(scn, result, lang),
        "radiation": lambda: views_satellite.radiation(used_preset, ov, scn, result, lang),
        "thermal": lambda: views_satellite.thermal(used_preset, ov, result, lang),
        "links": lambda: views_satellite.links(result, lang),
        "launch": lambda: views_drivers.launch(used_preset, ov, scn, result, lang),
        "tornado": lambda: views_drivers.tornado(used_preset, ov, lang),
        "wmbt": lambda: views_drivers.wmbt(used_preset, ov, scn, lang),
        "optimise": lambda: views_drivers.optimise(used_preset, ov, lang),
        "when": lambda: views_time.when(used_preset, ov, lang),
        "claims": lambda: views_time.claims(used_preset, ov, lang),
        "compare": lambda: views_compare.compare(used_preset, ov, result, lang),
        "share": lambda: views_compare.share(scn, result, params, lang),
        "outputs": lambda: views_compare.outputs(result, lang),
    }
    layout.grouped_tabs(GROUPS, bodies, lang)
    st.divider()
    st.caption(i18n.t("footer", lang, version=__version__))
    fill_band(h, used_preset, ov, lang)
