"""Session state of the page and the callbacks of its widgets.

``st.session_state["vals"]`` holds every field's value in its unit; widgets mirror it through
the callbacks here, so values in closed groups persist.  A callback never raises: a readable
message is stored instead (:func:`safe`) and shown next to the inputs on the next run.
"""

from __future__ import annotations

import logging

import streamlit as st

from .. import presets
from ..errors import ScenarioError
from ..scenario import Scenario, field_spec
from . import i18n
from .upload import UPLOAD_LIMIT, parse_upload
from .url_state import decode_query, diff_from, preset_scenario, same_value, scenario_values
from .verdict import error_text

log = logging.getLogger("orbitdc.app")


WKEY = "w:"  # widget keys: "w:<section.field>"; choice boxes "w:<lang>:<section.field>"


GKEY = "grp:"  # expander keys: "grp:<group id>"


def session():
    """Streamlit's session state."""
    return st.session_state


def widget_key(key: str, f=None, lang: str | None = None) -> str:
    """Widget key of field ``key``; select boxes (translated option labels) get one per language."""
    f = f if f is not None else field_spec(key)
    if f.is_choice:
        return f"{WKEY}{lang or session().get('lang', 'en')}:{key}"
    return WKEY + key


def preset_key(lang: str) -> str:
    """Widget key of the preset box in ``lang`` (one per language: translated labels)."""
    return f"preset_select_{lang}"


def safe(cb):
    """Run a widget callback; store a readable message instead of raising (no traceback on screen)."""
    import functools

    @functools.wraps(cb)
    def wrapper(*args, **kwargs):
        try:
            return cb(*args, **kwargs)
        except ScenarioError as exc:
            session()["cb_error"] = exc
        except Exception as exc:  # noqa: BLE001
            log.exception("callback failed")
            session()["cb_error"] = ScenarioError("input", "(change)", "", f"{type(exc).__name__}: {exc}"[:300])

    return wrapper


def clear_widgets() -> None:
    """Forget every input widget's state (they are rebuilt from ``vals``)."""
    ss = session()
    for k in list(ss.keys()):
        if isinstance(k, str) and k.startswith(WKEY):
            del ss[k]


def load_values(scn: Scenario) -> None:
    """Make ``scn`` the values of every input."""
    session()["vals"] = scenario_values(scn)
    clear_widgets()


def init_state() -> None:
    """First run of a session: preset, language and values from the URL."""
    ss = session()
    if ss.get("_init"):
        return
    try:
        params = st.query_params.to_dict()
    except Exception:  # pragma: no cover - no query params in bare mode
        params = {}
    qs = decode_query(params)
    ss["preset"] = qs.preset
    ss["lang"] = qs.lang
    ss["vals"] = scenario_values(qs.scenario)
    ss["query_errors"] = qs.errors
    ss["exact"] = False
    ss["_init"] = True


@safe
def on_preset() -> None:
    """The preset box changed: load that preset."""
    ss = session()
    name = ss[preset_key(ss.get("lang", "en"))]
    if name not in presets.names():
        return
    ss["preset"] = name
    load_values(preset_scenario(name))
    ss.pop("upload_msg", None)
    ss["query_errors"] = []


@safe
def on_reset() -> None:
    """Reset every input to the preset."""
    ss = session()
    load_values(preset_scenario(ss["preset"]))
    ss.pop("upload_msg", None)
    ss["query_errors"] = []


@safe
def on_exact() -> None:
    """The exact-input toggle changed: rebuild the inputs."""
    clear_widgets()


@safe
def on_value(key: str) -> None:
    """A number or switch input changed: store it in ``vals`` (a launch price also sets its basis)."""
    ss = session()
    v = ss.get(widget_key(key))
    if v is None:
        return
    f = field_spec(key)
    if f.is_bool:
        ss["vals"][key] = bool(v)
    elif f.integer:
        ss["vals"][key] = int(round(float(v)))
    else:
        ss["vals"][key] = float(v)
    basis = PRICE_BASIS.get(key)
    if basis is not None and "launch.price_basis" in ss["vals"]:
        # the price the user edits is the one that counts: never two prices in conflict
        ss["vals"]["launch.price_basis"] = basis
        for lg in i18n.LANGS:
            ss.pop(widget_key("launch.price_basis", lang=lg), None)


#: The two launch-price inputs and the basis each one sets when edited.
PRICE_BASIS = {"launch.price_per_kg": "per_kg", "launch.price_per_launch": "per_launch"}


def active_price(vals: dict) -> str:
    """The launch-price input that sets the price in ``vals`` (the one the sidebar shows)."""
    basis = vals.get("launch.price_basis", "auto")
    if basis in ("per_kg", "per_launch"):
        return f"launch.price_{basis}"
    fills = field_spec("launch.vehicle").fills or {}
    cat = fills.get(vals.get("launch.vehicle"), {})
    kg = cat.get("price_per_kg")
    if kg is not None and "launch.price_per_kg" in vals and abs(float(vals["launch.price_per_kg"]) - kg) > 1e-9 * kg:
        return "launch.price_per_kg"
    return "launch.price_per_launch"


def n_changed(ov: tuple, base: Scenario) -> int:
    """How many choices the user made: a vehicle (and what it fills) is one; a price and its basis are one."""
    d = diff_from(dict(ov), base)
    counted = set(d)
    for key, value in d.items():
        f = field_spec(key)
        if f.is_choice and f.fills and value in f.fills:
            ref = base.with_overrides({key: value})
            sec = key.split(".", 1)[0]
            for fname in f.fills[value]:
                tk = fname if "." in fname else f"{sec}.{fname}"
                if tk in d and same_value(d[tk], ref.raw(tk)):
                    counted.discard(tk)
    if "launch.price_basis" in counted and counted & set(PRICE_BASIS):
        counted.discard("launch.price_basis")
    return len(counted)


@safe
def on_choice(key: str) -> None:
    """A choice changed: set it and the values it fills (a vehicle's payload and price)."""
    ss = session()
    f = field_spec(key)
    choice = ss.get(widget_key(key, f))
    if choice not in f.choices:
        return
    vals = ss["vals"]
    vals[key] = choice
    if f.fills and choice in f.fills:
        filled = preset_scenario(ss["preset"]).with_overrides({key: choice})
        sec = key.split(".", 1)[0]
        for fname in f.fills[choice]:
            tk = fname if "." in fname else f"{sec}.{fname}"
            if tk in vals:
                vals[tk] = filled.raw(tk)
                ss.pop(widget_key(tk), None)


@safe
def on_upload() -> None:
    """A scenario file was uploaded: check it, evaluate it once and load it, or say why not."""
    ss = session()
    up = ss.get(upload_key())
    if up is None:
        return
    lang = ss.get("lang", "en")
    try:
        size = getattr(up, "size", None)
        if size is not None and size > UPLOAD_LIMIT:
            raise ScenarioError(
                "upload",
                f"{size / 1024:.0f} kB",
                f"{UPLOAD_LIMIT // 1024} kB",
                "the file is too large for a scenario",
            )
        data = up.getvalue()
        scn = parse_upload(data)
        from ..model import evaluate

        evaluate(scn)  # refuse a file whose combination the pipeline cannot evaluate
    except ScenarioError as exc:
        ss["upload_msg"] = ("error", i18n.t("upload.refused", lang, msg=error_text(exc, lang)))
        ss["upload_gen"] = ss.get("upload_gen", 0) + 1  # a fresh, empty uploader: the refused file is not listed
        return
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        log.exception("upload failed")
        ss["upload_msg"] = ("error", i18n.t("upload.refused", lang, msg=type(exc).__name__))
        ss["upload_gen"] = ss.get("upload_gen", 0) + 1
        return
    load_values(scn)
    ss["query_errors"] = []
    ss["upload_msg"] = ("success", i18n.t("upload.ok", lang, name=getattr(up, "name", "scenario.toml")))


def upload_key() -> str:
    """Widget key of the uploader (a new one after a refused file, so the box is empty)."""
    return f"upload{session().get('upload_gen', 0) or ''}"


@safe
def on_when_preset(name: str) -> None:
    """A projection button of the "When?" view: load that preset."""
    ss = session()
    if name not in presets.names():
        return
    ss["preset"] = name
    ss[preset_key(ss.get("lang", "en"))] = name
    load_values(preset_scenario(name))
