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
from orbitdc.app.formatting import JPY_PER_USD, fmt_ratio, fmt_usd
from orbitdc.app.upload import parse_upload
from orbitdc.app.url_state import decode_query, encode_query, preset_scenario, scenario_overrides, scenario_values
from orbitdc.app.verdict import claim_cards, error_text, verdict
from orbitdc.app.widgets import widget_spec
from orbitdc.errors import ScenarioError
from orbitdc.scenario import field_spec

APP = str(Path(__file__).resolve().parents[1] / "app.py")
from orbitdc.app.page import GROUPS  # noqa: E402

TABS = tuple(v for views in GROUPS.values() for v in views)
GROUP_OF = {v: g for g, views in GROUPS.items() for v in views}
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


def _show(at: AppTest, view: str, lang: str = "en") -> None:
    """Open the tab of ``view``'s group and pick ``view`` in it."""
    group = GROUP_OF[view]
    at.session_state[f"tab_{lang}"] = i18n.t(f"group.view.{group}", lang)
    at.session_state[f"view:{group}"] = view
    at.run()


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
            opts = widget_spec(field_spec(key), at.session_state["vals"][key]).options
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
    opts = sorted(widget_spec(field_spec(key), cur).options)
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
    for name in TABS:
        _show(at, name)
        _assert_clean(at)
        charts = at.get("plotly_chart")
        if name in ("costs", "mass", "orbit", "thermal", "launch", "tornado", "breakdown"):
            assert charts, f"{preset}/{name}: no chart"
        if name == "radiation":  # dose against altitude, and one orbit's battery and temperatures
            assert len(charts) == 2, f"{preset}/{name}: {len(charts)} charts"
        if name in ("links", "outputs"):
            assert at.dataframe, f"{preset}/{name}: no table"
        if name == "summary":  # two Markdown tables: costs by architecture, the satellite's numbers
            tables = [m.value for m in at.markdown if m.value.startswith("| ")]
            assert len(tables) == 2, f"{preset}/{name}: {len(tables)} tables"
            assert "per million tokens" in tables[0].lower() and "\\$" in tables[0], tables[0][:300]
        if name == "breakdown":
            assert len(at.table) == 1, f"{preset}/{name}: no breakdown table"
        if name == "claims":
            text = " ".join(m.value for m in at.markdown)
            assert "Cooling cost is zero" in text and "24/7 sunlight" in text
        if name == "share":
            assert len(at.get("download_button")) == 4  # TOML, CSV, JSON and the PDF report
        # a failed chart shows a warning starting with this sentence
        assert not any("cannot be drawn" in w.value for w in at.warning), [w.value for w in at.warning]


def test_japanese_renders_every_tab_and_translates_the_verdict():
    at = _app(lang="ja")
    assert at.title[0].value == i18n.t("app.title", "ja")
    verdict_text = (at.success or at.info or at.warning)[0].value
    assert "100万トークンあたり" in verdict_text
    assert all(not re.search(r"[A-Za-z]{4,}", m.label) for m in at.metric), [m.label for m in at.metric]
    for name in TABS:
        _show(at, name, "ja")
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
            preset_scenario("dawn-dusk-650").with_overrides({"launch.vehicle": other}).raw(key)
        )


# ============================================================================ errors


def test_invalid_value_shows_error_next_to_input_and_keeps_last_results():
    at = _app()
    before = _costs(at)
    at.toggle(key="exact").set_value(True).run()
    # a field the default scenario uses (storage efficiency is disabled while the ground runs on the grid)
    _open_group(at, "compute_workload")
    at.number_input(key="w:compute.bandwidth_efficiency").set_value(0.0).run()
    assert not at.exception
    side = [e.value for e in at.sidebar.error]
    label = i18n.field_label("compute.bandwidth_efficiency", "en")
    assert side and label in side[0] and "(0, 1]" in side[0], side
    assert any("last valid scenario" in w.value for w in at.warning)
    assert _costs(at) == before  # the last valid results stay on screen
    at.number_input(key="w:compute.bandwidth_efficiency").set_value(0.6).run()
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
    # the message is at the top of the main area, not at the bottom of the sidebar
    msgs = [e.value for e in at.main.error]
    assert msgs and "not loaded" in msgs[0] and needle in msgs[0], msgs
    assert not at.sidebar.error
    assert _costs(at) == before and dict(at.session_state["vals"]) == vals_before
    # the refused file is not listed: the uploader is a fresh, empty one
    assert at.file_uploader(key="upload1").value is None
    with pytest.raises(KeyError):
        at.file_uploader(key="upload")
    # still working: a view switch and an input change
    _show(at, "mass")
    assert not at.exception and at.get("plotly_chart")


def test_good_upload_loads_the_scenario():
    scn = presets.load("dawn-dusk-650").with_overrides({"orbit.altitude": 900.0})
    at = _app()
    before = _costs(at)
    at.file_uploader(key="upload").set_value(("mine.toml", scn.to_toml().encode(), "application/toml")).run()
    _assert_clean(at)
    assert at.session_state["vals"]["orbit.altitude"] == 900.0
    assert any("Loaded mine.toml" in m.value for m in at.main.success)
    assert _costs(at)[0] != before[0]
    assert dict(at.query_params).get("orbit.altitude") == "900"


def test_upload_content_is_never_used_as_a_path(tmp_path):
    target = tmp_path / "secret.toml"
    target.write_text("[orbit]\naltitude = 900\n")
    with pytest.raises(ScenarioError):
        parse_upload(str(target).encode())
    with pytest.raises(ScenarioError):
        parse_upload(b"[meta]\nbase = '../../../etc/x'\n[orbit]\naltitude = 700\n")


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
    base = preset_scenario("starlink-550")
    costs = _costs(at)
    vals = dict(at.session_state["vals"])
    # only the differences from the preset (and the values a changed choice fills) are in the URL
    assert set(params) - {"preset", "lang"} == set(scenario_overrides(vals, base))
    again = _app(**params)
    assert dict(again.session_state["vals"]) == vals
    assert _costs(again) == costs


@pytest.mark.parametrize("preset", presets.names())
def test_encode_decode_is_exact_and_minimal(preset):
    base = preset_scenario(preset)
    scn = base.with_overrides({"orbit.altitude": 612.345678901, "finance.wacc": 9.5})
    params = encode_query(scn, preset, "ja")
    extra = set(params) - {"preset", "lang"}
    assert {"orbit.altitude", "finance.wacc"} <= extra
    assert extra <= set(scenario_overrides(scenario_values(scn), base))
    back = decode_query(params)
    assert back.preset == preset and back.lang == "ja" and not back.errors
    assert back.scenario == scn
    assert encode_query(base, preset) == {"preset": preset}


def test_decode_skips_bad_parameters_with_errors():
    back = decode_query({"preset": "nope", "orbit.altitude": "50", "orbit.nonsense": "1", "finance.wacc": "9"})
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
    assert fmt_usd(x) == text


@pytest.mark.parametrize("x,en,ja", [(4.53, "4.5x", "4.5倍"), (17.4, "17x", "17倍"), (0.623, "0.62x", "0.62倍")])
def test_fmt_ratio(x, en, ja):
    assert fmt_ratio(x) == en and fmt_ratio(x, "ja") == ja


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
    lv, en = verdict(h, "en")
    lv_ja, ja = verdict(h, "ja")
    assert lv == lv_ja == level
    assert fmt_usd(orb) in en and "thermal" in en and "." == en[-1]
    assert fmt_usd(orb) in ja and "排熱" in ja and "倍" in ja


def test_widget_ranges_contain_values_and_respect_bounds():
    from orbitdc.scenario import sections

    for name in presets.names():
        scn = presets.load(name)
        for sec in sections().values():
            for f in sec.fields:
                key = f"{sec.name}.{f.name}"
                v = scn.raw(key)
                spec = widget_spec(f, v)
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
    from orbitdc.app.sidebar import input_label
    from orbitdc.scenario import sections

    for sec in sections().values():
        for f in sec.fields:
            key = f"{sec.name}.{f.name}"
            if f.is_choice or f.is_bool or f.integer:
                continue
            for lang in i18n.LANGS:
                assert re.search(r"\[[^\]]+\]$", input_label(key, f, lang)), key


def test_translations_are_complete():
    assert i18n.missing_translations() == []
    for key, entry in i18n.UI.items():
        assert entry.get("en") is not None and entry.get("ja") is not None, key
        # the same placeholders in both languages
        assert set(re.findall(r"{(\w+)}", entry["en"])) == set(re.findall(r"{(\w+)}", entry["ja"])), key


# ============================================================================ issue 18: band, traps, new views


def test_headline_band_carries_uncertainty_and_deciding_factor():
    from orbitdc import breakdown

    at = _app()
    caps = [c.value for c in at.caption]
    u = breakdown.headline_uncertainty(presets.load("dawn-dusk-650"), n=8000, seed=0)
    want = f"median {fmt_usd(u['p50']['orbital'])}, 90 % range {fmt_usd(u['p5']['orbital'])}"
    assert any(want in c for c in caps), caps
    text = " ".join(m.value for m in at.markdown)
    assert "Chance that orbit is cheaper" in text and "8,000 Monte Carlo samples" in text
    labels = [m.label for m in at.metric]
    assert "Binding constraint" not in labels and "What decides the orbital cost" in labels
    assert at.metric[5].value.startswith("Launch: ")  # 59 % of the reference orbital cost is launch
    assert any(c.startswith("Workload: Llama 3.3 70B") and "8-bit" in c for c in caps), caps


def test_vehicle_choice_is_one_modification():
    at = _app()
    _open_group(at, "mass_launch")
    _set(at, "launch.vehicle", "starship-projected")
    line = " ".join(m.value for m in at.markdown)
    assert "modified: 1 of its values changed" in line, line


def _widget_of(at: AppTest, wkey: str):
    for kind in ("slider", "select_slider", "number_input", "selectbox", "toggle"):
        try:
            return getattr(at, kind)(key=wkey)
        except KeyError:
            continue
    return None


def test_one_launch_price_input_and_no_basis_trap():
    at = _app()
    _open_group(at, "mass_launch")
    # auto basis at the catalog price: only the price per launch is shown
    assert _widget_of(at, "w:launch.price_per_launch") is not None
    assert _widget_of(at, "w:launch.price_per_kg") is None
    _set(at, "launch.price_per_launch", 30.0)
    assert at.session_state["vals"]["launch.price_basis"] == "per_launch"
    # switching the basis shows the other input; editing it never locks the page in an error
    _set(at, "launch.price_basis", "per_kg")
    _bump(at, "launch.price_per_kg", 0.5)
    _assert_clean(at)
    assert at.session_state["vals"]["launch.price_basis"] == "per_kg"
    assert not any("last valid scenario" in w.value for w in at.warning)


def test_inclination_is_disabled_for_a_sun_synchronous_orbit():
    at = _app()
    _open_group(at, "orbit_power")
    assert at.session_state["vals"]["orbit.type"] == "sso"
    assert at.slider(key="w:orbit.inclination").disabled
    _set(at, "orbit.type", "inclined")
    assert not at.slider(key="w:orbit.inclination").disabled
    assert at.slider(key="w:orbit.ltan").disabled


def test_ab_comparison_pins_a_and_follows_b():
    at = _app()
    _show(at, "compare")
    assert any("Pin the current scenario" in i.value for i in at.info)
    next(b for b in at.button if b.label == i18n.t("compare.pin", "en")).click().run()
    _open_group(at, "orbit_power")
    _set(at, "orbit.altitude", 1200.0)
    _show(at, "compare")
    _assert_clean(at)
    df = at.dataframe[0].value
    assert "Altitude" in " ".join(map(str, df.iloc[:, 0])) and len(df) >= 1
    assert at.table and "B ÷ A" in at.table[0].value.columns


def test_what_must_be_true_for_any_input_with_the_map():
    at = _app()
    _show(at, "wmbt")
    _assert_clean(at)
    at.selectbox(key="wmbt_field").set_value("compute.chip_price").run()
    at.selectbox(key="wmbt_field2").set_value("launch.price_per_kg").run()
    _assert_clean(at)
    assert at.get("plotly_chart")
    assert any("Chip price" in m.value or "USD" in m.value for m in at.markdown) or at.info


def test_yen_display_currency_with_editable_rate():
    at = _app()
    usd = _costs(at)[0]
    at.radio(key="currency").set_value("JPY").run()
    _assert_clean(at)
    assert at.metric[0].value.startswith("¥")
    yen = float(at.metric[0].value.split()[0].lstrip("¥").replace(",", ""))
    assert yen == pytest.approx(usd * JPY_PER_USD, rel=0.01)
    at.number_input(key="jpy_rate").set_value(100.0).run()
    yen = float(at.metric[0].value.split()[0].lstrip("¥").replace(",", ""))
    assert yen == pytest.approx(usd * 100, rel=0.01)
    assert any("your rate" in c.value for c in at.caption)


def test_slider_and_box_precision_follow_the_value():
    from orbitdc.app.widgets import value_decimals

    assert value_decimals(17.5) == 1 and value_decimals(0.04) == 2 and value_decimals(4 / 3) == 3
    f = field_spec("launch.payload_mass")
    spec = widget_spec(f, 17.5)
    assert spec.kind == "slider" and spec.fmt == "%.1f" and spec.step <= 0.1, spec  # 17.5 t shows as 17.5, not 18
    box = widget_spec(field_spec("launch.price_per_kg"), 4 / 3, exact=True)
    assert box.fmt == "%.3f", box


@pytest.mark.parametrize("preset", ["dawn-dusk-650", "seed-claims", "starlink-550", "fleet-100m", "optimistic"])
def test_claim_texts_are_japanese_with_their_numbers(preset):
    """Every claim sentence, condition, number label and value is Japanese (no run of four English words)."""
    from orbitdc import claims

    checks = claims.check(presets.load(preset))
    for en, ja in zip(claim_cards(checks, "en"), claim_cards(checks, "ja")):
        texts = [ja["claim"], ja["verdict"], ja["detail"], ja["hinges_on"]] + [x for kv in ja["numbers"] for x in kv]
        left = [r for t in texts for r in i18n.english_runs(t)]
        assert not left, (ja["key"], left)
        # the numbers of the English sentence are in the Japanese one
        nums = re.findall(r"\d+(?:\.\d+)?", en["detail"].replace("$200k", ""))  # 200k is 20万 in Japanese
        assert all(n in ja["detail"] for n in nums), (en["detail"], ja["detail"])
        assert "e+" not in " ".join(texts + [en["detail"], en["verdict"]] + [v for _, v in en["numbers"]])


def test_japanese_error_text_has_no_english_sentence_and_says_refused_not_out_of_range():
    exc = ScenarioError(
        "orbit.inclination",
        200.0,
        "[0, 180] deg",
        "inclination is the angle between the orbit normal and the Earth's axis, 0 to 180 deg",
    )
    ja = error_text(exc, "ja")
    assert not i18n.english_runs(ja), ja
    assert "受け付けられません" in ja and "200" in ja and "[0, 180] deg" in ja
    en = error_text(exc, "en")
    assert "Earth's axis" in en  # English keeps the physics reason
    choice = ScenarioError("launch.vehicle", "saturn-v", "one of falcon9-reusable, ...", "unknown choice")
    assert "不明な選択肢" in error_text(choice, "ja") and "範囲" not in error_text(choice, "ja")


def test_inputs_a_choice_switches_off_are_disabled():
    """Wafer-cost inputs with a catalog price, gas inputs on the grid, servicing inputs without servicing."""
    from orbitdc.app.sidebar import disabled_reason as _disabled

    vals = scenario_values(presets.load("dawn-dusk-650"))
    assert vals["compute.price_model"] == "catalog" and vals["baselines.ground_power_source"] == "grid"
    assert _disabled("compute.wafer_cost", vals) and not _disabled("compute.chip_price", vals)
    assert _disabled("baselines.gas_price", vals) and not _disabled("baselines.grid_price", vals)
    assert not _disabled("baselines.solar_site", vals)  # the claims check reads the site whatever the supply
    assert (_disabled("compute.servicing_cost_per_kg", vals) or "").startswith("Not used while")
    gas = {**vals, "baselines.ground_power_source": "gas", "compute.price_model": "wafer"}
    assert not _disabled("baselines.gas_price", gas) and _disabled("baselines.grid_price", gas)
    assert _disabled("compute.chip_price", gas) and not _disabled("compute.wafer_cost", gas)
    at = _app()
    _open_group(at, "baselines")
    w = _widget_of(at, "w:baselines.gas_price")
    assert w is not None and w.disabled


def test_optimise_view_shows_best_orbit_against_best_ground():
    # issue 16: the app's "Optimise the design" action runs studies.best_vs_ground (seed 0) and
    # shows the best designs' costs and the fields each changes; the costs are the library's own
    from orbitdc import studies

    at = _app()
    _show(at, "optimise")
    _assert_clean(at)
    assert not at.get("dataframe")  # nothing runs until the button is pressed
    at.button(key="opt_button").click().run()
    _assert_clean(at)
    ref = studies.best_vs_ground(preset_scenario("dawn-dusk-650"), seed=0)
    vals = [m.value for m in at.metric][-3:]
    assert _money(vals[0]) == pytest.approx(ref.orbit.value, rel=5e-3)
    assert _money(vals[1]) == pytest.approx(ref.ground.value, rel=5e-3)
    assert vals[2] == f"{ref.ratio:.3g}x"
    assert len(at.dataframe) >= 1 and ref.orbit.changes  # the orbital design changes are listed


def test_claims_view_checks_the_claims_over_the_years():
    # issue 15: the claims view reports, for each seed claim and each published projection, holds
    # or fails and from which year (orbitdc.claims_years.report, as `orbitdc claims --by-year`)
    from orbitdc import claims_years

    at = _app()
    _show(at, "claims")
    _assert_clean(at)
    n_before = len(at.dataframe)
    at.button(key="claims_years_button").click().run()
    _assert_clean(at)
    assert len(at.dataframe) == n_before + 2  # seed claims by year, published projections
    proj = at.dataframe[-1].value
    assert len(proj) == len(claims_years.PROJECTIONS)
    rep = claims_years.report(preset_scenario("dawn-dusk-650"), projections_=True)
    assert list(proj["Verdict"]) == [i18n.claim_level(p.verdict, "en") for p in rep.projections]


def test_every_published_projection_reads_in_japanese():
    from orbitdc import claims_years
    from orbitdc.app import i18n_ja

    assert {p.key for p in claims_years.PROJECTIONS} <= set(i18n_ja.PROJECTIONS)


def test_server_warm_up_pays_imports_without_filling_page_caches(monkeypatch, caplog):
    """The start-up warm-up imports what a first session needs and runs the pipeline, but
    never through the page's caches (a first visitor's scenario, default or not, is computed
    for that visitor), and it leaves Streamlit's once-per-process stack check done."""
    import logging
    import sys

    from streamlit import delta_generator

    from orbitdc.app import cached, server

    def refuse(*a, **k):
        raise AssertionError("warm-up went through the page's cache")

    for name in ("result_of", "uncertainty", "scenario_of"):
        monkeypatch.setattr(cached, name, refuse)
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    with caplog.at_level(logging.INFO, logger="orbitdc.app"):
        dt = server.warm_up()
    assert dt > 0
    assert not [r for r in caplog.records if "failed" in r.getMessage()], caplog.text
    assert delta_generator._use_warning_has_been_displayed
    for mod in ("pandas", "pyarrow", "plotly.graph_objects", "orbitdc.app.page"):
        assert mod in sys.modules, mod


def test_markdown_table_escapes_and_aligns():
    """The summary's Markdown tables: ``$`` (LaTeX in Streamlit), ``|`` (a cell break), ``*``
    and ``_`` (emphasis) are literal; the first column is a bold heading, the rest right-aligned."""
    from orbitdc.app.formatting import markdown_table

    md = markdown_table([{"Measure": "a|b", "Orbit": "$6.51 M", "Ground": "x_y*"}]).splitlines()
    assert md[0] == "| Measure | Orbit | Ground |"
    assert md[1] == "|:---|---:|---:|"
    assert md[2] == "| **a\\|b** | \\$6.51 M | x\\_y\\* |"
    assert markdown_table([]) == ""
    # a value may wrap after a unit's slash only: a zero-width space follows each "/"
    row = markdown_table([{"m": "per kW-year", "o": "$130,501/kW/yr"}]).splitlines()[2]
    assert row == "| **per kW-year** | \\$130,501/\u200bkW/\u200byr |"
