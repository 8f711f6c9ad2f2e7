"""The Streamlit calculator, driven by Streamlit's AppTest (no browser), and its pure helpers.

* every tab renders for every preset, without an exception or an error message;
* moving key inputs moves the headline costs in the direction the physics/economics says;
* a bad value shows its error next to the input and the last valid results stay on screen;
* a bad upload (not TOML, too large, out-of-range value, a path instead of content) is
  refused with a message and the app keeps working; a good one loads;
* the URL query parameters reproduce the scenario (only differences from the preset);
* English and Japanese text is complete (every schema key and UI string).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from orbitdc import presets
from orbitdc.app import i18n
from orbitdc.app import support as sp
from orbitdc.errors import ScenarioError
from orbitdc.scenario import field_spec

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TABS = ("summary", "costs", "mass", "orbit", "thermal", "launch", "links", "tornado", "claims", "outputs", "share")
TIMEOUT = 180  # first run imports the pipeline (itur data) on a shared 2-core machine


def _app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    _assert_clean(at)
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _money(text: str) -> float:
    """'$16.41 / M tokens' -> 16.41; '$1,234' -> 1234; '$1.2M' -> 1.2e6."""
    m = re.search(r"\$([\d,]+(?:\.\d+)?)([kMB]?)", text)
    assert m, text
    return float(m.group(1).replace(",", "")) * {"": 1, "k": 1e3, "M": 1e6, "B": 1e9}[m.group(2)]


def _costs(at: AppTest) -> tuple[float, float, float]:
    vals = [m.value for m in at.metric][:3]
    return tuple(_money(v) for v in vals)  # orbital, terrestrial, fleet


def _open_group(at: AppTest, gid: str) -> None:
    at.session_state[f"grp:{gid}"] = True
    at.run()


def _set(at: AppTest, key: str, value) -> None:
    """Set the widget of field ``key`` (slider, log slider, number box, select or toggle)."""
    lang = at.session_state["lang"]
    wkey = f"w:{lang}:{key}" if field_spec(key).is_choice else f"w:{key}"
    for kind in ("slider", "select_slider", "number_input", "selectbox", "toggle"):
        try:
            w = getattr(at, kind)(key=wkey)
        except KeyError:
            continue
        if kind == "select_slider":
            opts = sp.widget_spec(field_spec(key), at.session_state["vals"][key]).options
            value = min(opts, key=lambda o: abs(o - value))
        w.set_value(value)
        at.run()
        _assert_clean(at)
        return
    raise AssertionError(f"no widget for {key}")


def _bump(at: AppTest, key: str, factor: float) -> None:
    """Move field ``key`` by ``factor`` of its current value (to the next log-slider option at least)."""
    wkey = f"w:{key}"
    cur = float(at.session_state["vals"][key])
    try:
        w = at.select_slider(key=wkey)
    except KeyError:
        _set(at, key, cur * factor)
        return
    opts = sorted(sp.widget_spec(field_spec(key), cur).options)
    nxt = [o for o in opts if (o > cur * 1.05 if factor > 1 else o < cur / 1.05)]
    target = min(nxt, key=lambda o: abs(o - cur * factor)) if nxt else cur
    w.set_value(target)
    at.run()
    _assert_clean(at)


# ============================================================================ rendering


@pytest.mark.parametrize("preset", presets.names())
def test_every_tab_renders_for_every_preset(preset):
    at = _app(preset=preset)
    assert at.session_state["preset"] == preset
    assert len(at.metric) == 6
    orb, ter, flt = _costs(at)
    assert orb > 0 and ter > 0 and flt > 0
    assert at.success or at.info or at.warning  # the verdict box
    labels = {k: i18n.t(f"tab.{k}", "en") for k in TABS}
    for name, label in labels.items():
        at.session_state["tab_en"] = label
        at.run()
        _assert_clean(at)
        charts = at.get("plotly_chart")
        if name in ("costs", "mass", "orbit", "thermal", "launch", "tornado"):
            assert charts, f"{preset}/{name}: no chart"
        if name in ("links", "outputs"):
            assert at.dataframe, f"{preset}/{name}: no table"
        if name == "summary":
            assert len(at.table) == 2, f"{preset}/{name}: no tables"
        if name == "claims":
            text = " ".join(m.value for m in at.markdown)
            assert "Cooling cost is zero" in text and "24/7 sunlight" in text
        if name == "share":
            assert len(at.get("download_button")) == 3
        # a failed chart shows a warning starting with this sentence
        assert not any("cannot be drawn" in w.value for w in at.warning), [w.value for w in at.warning]


def test_japanese_renders_every_tab_and_translates_the_verdict():
    at = _app(lang="ja")
    assert at.title[0].value == i18n.t("app.title", "ja")
    verdict = (at.success or at.info or at.warning)[0].value
    assert "100万トークンあたり" in verdict
    assert all(not re.search(r"[A-Za-z]{4,}", m.label) for m in at.metric), [m.label for m in at.metric]
    for name in TABS:
        at.session_state["tab_ja"] = i18n.t(f"tab.{name}", "ja")
        at.run()
        _assert_clean(at)
    # switching back to English from the sidebar
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == i18n.t("app.title", "en")
    assert at.query_params.get("lang") in (None, [], "")


# ============================================================================ sliders move headlines


def test_launch_price_raises_only_the_orbital_cost():
    at = _app()
    _open_group(at, "mass_launch")
    _set(at, "launch.price_basis", "per_kg")
    before = _costs(at)
    _bump(at, "launch.price_per_kg", 3.0)
    after = _costs(at)
    assert after[0] > before[0], (before, after)
    assert after[1] == before[1] and after[2] == before[2]
    ratio_before = float(at.metric[3].value.rstrip("x"))
    _bump(at, "launch.price_per_kg", 1 / 10.0)
    assert _costs(at)[0] < after[0]
    assert float(at.metric[3].value.rstrip("x")) <= ratio_before


def test_grid_price_raises_the_ground_cost_and_array_cost_the_orbital_cost():
    at = _app()
    _open_group(at, "baselines")
    _set(at, "baselines.ground_power_source", "grid")
    before = _costs(at)
    _bump(at, "baselines.grid_price", 2.0)
    mid = _costs(at)
    assert mid[1] > before[1] and mid[0] == before[0], (before, mid)
    _bump(at, "baselines.fleet_electricity_price", 2.0)
    after_fleet = _costs(at)
    assert after_fleet[2] > mid[2] and after_fleet[1] == mid[1]
    _open_group(at, "finance")
    _bump(at, "finance.array_cost_per_watt", 2.0)
    last = _costs(at)
    assert last[0] > after_fleet[0] and last[1] == after_fleet[1]
    # the URL now carries exactly the changed fields
    qp = dict(at.query_params)
    for k in ("baselines.grid_price", "baselines.fleet_electricity_price", "finance.array_cost_per_watt"):
        assert k in qp


def test_reset_returns_to_the_preset():
    at = _app()
    base = _costs(at)
    _open_group(at, "finance")
    _bump(at, "finance.array_cost_per_watt", 2.0)
    assert _costs(at)[0] != base[0]
    at.button[0].click().run()  # "Reset to preset" is the sidebar's only button
    _assert_clean(at)
    assert _costs(at) == base
    assert set(dict(at.query_params)) <= {"preset", "lang"}


def test_choice_fills_dependent_fields():
    at = _app()
    _open_group(at, "mass_launch")
    f = field_spec("launch.vehicle")
    other = next(c for c in f.choices if c != at.session_state["vals"]["launch.vehicle"] and c in (f.fills or {}))
    _set(at, "launch.vehicle", other)
    vals = at.session_state["vals"]
    for fname in f.fills[other]:
        key = fname if "." in fname else f"launch.{fname}"
        assert vals[key] == pytest.approx(
            sp.preset_scenario("dawn-dusk-650").with_overrides({"launch.vehicle": other}).raw(key)
        )


# ============================================================================ errors


def test_invalid_value_shows_error_next_to_input_and_keeps_last_results():
    at = _app()
    before = _costs(at)
    at.toggle(key="exact").set_value(True).run()
    _open_group(at, "baselines")
    at.number_input(key="w:baselines.storage_efficiency").set_value(0.0).run()
    assert not at.exception
    side = [e.value for e in at.sidebar.error]
    assert side and "Storage efficiency" in side[0] and "(0, 1]" in side[0], side
    assert any("last valid scenario" in w.value for w in at.warning)
    assert _costs(at) == before  # the last valid results stay on screen
    at.number_input(key="w:baselines.storage_efficiency").set_value(0.88).run()
    _assert_clean(at)


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"\x00\x01\x02 not toml [[[", "not"),
        (b"[orbit]\naltitude = 100\n", "Altitude"),
        (b"[orbitt]\naltitude = 700\n", "orbit"),
        (b"# padding\n" * 14000 + b"[orbit]\naltitude = 700\n", "128 kB"),
    ],
)
def test_bad_upload_is_refused_and_app_keeps_working(content, needle):
    at = _app()
    before = _costs(at)
    vals_before = dict(at.session_state["vals"])
    at.file_uploader(key="upload").set_value(("bad.toml", content, "application/toml")).run()
    assert not at.exception
    msgs = [e.value for e in at.sidebar.error]
    assert msgs and "not loaded" in msgs[0] and needle in msgs[0], msgs
    assert _costs(at) == before and dict(at.session_state["vals"]) == vals_before
    # still working: a tab switch and an input change
    at.session_state["tab_en"] = i18n.t("tab.mass", "en")
    at.run()
    assert not at.exception and at.get("plotly_chart")


def test_good_upload_loads_the_scenario():
    scn = presets.load("dawn-dusk-650").with_overrides({"orbit.altitude": 900.0})
    at = _app()
    before = _costs(at)
    at.file_uploader(key="upload").set_value(("mine.toml", scn.to_toml().encode(), "application/toml")).run()
    _assert_clean(at)
    assert at.session_state["vals"]["orbit.altitude"] == 900.0
    assert at.sidebar.success
    assert _costs(at)[0] != before[0]
    assert dict(at.query_params).get("orbit.altitude") == "900"


def test_upload_content_is_never_used_as_a_path(tmp_path):
    target = tmp_path / "secret.toml"
    target.write_text("[orbit]\naltitude = 900\n")
    with pytest.raises(ScenarioError):
        sp.parse_upload(str(target).encode())
    with pytest.raises(ScenarioError):
        sp.parse_upload(b"[meta]\nbase = '../../../etc/x'\n[orbit]\naltitude = 700\n")


# ============================================================================ URL round trip


def test_query_parameters_round_trip_reproduces_the_scenario():
    at = _app(preset="starlink-550")
    _open_group(at, "orbit_power")
    _set(at, "orbit.altitude", 720.0)
    _open_group(at, "mass_launch")
    f = field_spec("launch.vehicle")
    other = next(c for c in f.choices if c != at.session_state["vals"]["launch.vehicle"])
    _set(at, "launch.vehicle", other)
    params = {k: (v[-1] if isinstance(v, list) else v) for k, v in dict(at.query_params).items()}
    assert params["preset"] == "starlink-550" and params["orbit.altitude"] == "720"
    base = sp.preset_scenario("starlink-550")
    costs = _costs(at)
    vals = dict(at.session_state["vals"])
    # only the differences from the preset (and the values a changed choice fills) are in the URL
    assert set(params) - {"preset", "lang"} == set(sp.scenario_overrides(vals, base))
    again = _app(**params)
    assert dict(again.session_state["vals"]) == vals
    assert _costs(again) == costs


@pytest.mark.parametrize("preset", presets.names())
def test_encode_decode_is_exact_and_minimal(preset):
    base = sp.preset_scenario(preset)
    scn = base.with_overrides({"orbit.altitude": 612.345678901, "finance.wacc": 9.5})
    params = sp.encode_query(scn, preset, "ja")
    extra = set(params) - {"preset", "lang"}
    assert {"orbit.altitude", "finance.wacc"} <= extra
    assert extra <= set(sp.scenario_overrides(sp.scenario_values(scn), base))
    back = sp.decode_query(params)
    assert back.preset == preset and back.lang == "ja" and not back.errors
    assert back.scenario == scn
    assert sp.encode_query(base, preset) == {"preset": preset}


def test_decode_skips_bad_parameters_with_errors():
    back = sp.decode_query({"preset": "nope", "orbit.altitude": "50", "orbit.nonsense": "1", "finance.wacc": "9"})
    assert back.preset == presets.DEFAULT
    assert back.scenario.raw("finance.wacc") == 9.0
    assert back.scenario.raw("orbit.altitude") == presets.load(presets.DEFAULT).raw("orbit.altitude")
    assert {e.field for e in back.errors} == {"preset", "orbit.altitude", "orbit.nonsense"}


# ============================================================================ helpers and text


@pytest.mark.parametrize(
    "x,text",
    [
        (1.234, "$1.23"),
        (0.0456, "$0.0456"),
        (12.345, "$12.35"),
        (1234.5, "$1,234"),
        (2.5e6, "$2.5M"),
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_fmt_usd(x, text):
    assert sp.fmt_usd(x) == text


@pytest.mark.parametrize("x,en,ja", [(4.53, "4.5x", "4.5倍"), (17.4, "17x", "17倍"), (0.623, "0.62x", "0.62倍")])
def test_fmt_ratio(x, en, ja):
    assert sp.fmt_ratio(x) == en and sp.fmt_ratio(x, "ja") == ja


@pytest.mark.parametrize("orb,level", [(0.5, "win"), (1.5, "mixed"), (5.0, "lose")])
def test_verdict_levels_and_languages(orb, level):
    h = {
        "orbital": orb,
        "terrestrial": 1.0,
        "fleet": 2.0,
        "ratio_terrestrial": orb / 1.0,
        "ratio_fleet": orb / 2.0,
        "binding": "thermal",
    }
    lv, en = sp.verdict(h, "en")
    lv_ja, ja = sp.verdict(h, "ja")
    assert lv == lv_ja == level
    assert sp.fmt_usd(orb) in en and "thermal" in en and "." == en[-1]
    assert sp.fmt_usd(orb) in ja and "排熱" in ja and "倍" in ja


def test_widget_ranges_contain_values_and_respect_bounds():
    from orbitdc.scenario import sections

    for name in presets.names():
        scn = presets.load(name)
        for sec in sections().values():
            for f in sec.fields:
                key = f"{sec.name}.{f.name}"
                v = scn.raw(key)
                spec = sp.widget_spec(f, v)
                if spec.kind in ("slider", "log"):
                    assert spec.lo <= v <= spec.hi, key
                    if f.low is not None:
                        assert spec.lo >= f.low, key
                    if f.high is not None:
                        assert spec.hi <= f.high, key
                if spec.kind == "log":
                    assert v in spec.options
                if spec.kind == "select":
                    assert v in spec.options


def test_every_input_label_carries_a_unit():
    from orbitdc.app.page import _label
    from orbitdc.scenario import sections

    for sec in sections().values():
        for f in sec.fields:
            key = f"{sec.name}.{f.name}"
            if f.is_choice or f.is_bool or f.integer:
                continue
            for lang in i18n.LANGS:
                assert re.search(r"\[[^\]]+\]$", _label(key, f, lang)), key


def test_translations_are_complete():
    assert i18n.missing_translations() == []
    for key, entry in i18n.UI.items():
        assert entry.get("en") is not None and entry.get("ja") is not None, key
        # the same placeholders in both languages
        assert set(re.findall(r"{(\w+)}", entry["en"])) == set(re.findall(r"{(\w+)}", entry["ja"])), key
