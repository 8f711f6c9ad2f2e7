"""English and Japanese text of the calculator: labels, help texts, verdicts, chart titles.

``t(key, lang, **kw)`` returns the UI string ``key`` in ``lang`` formatted with ``kw``.
Scenario fields, sections, outputs and choices are translated through dictionaries keyed by
their dotted key (:mod:`orbitdc.app.i18n_ja`); English comes from the schema itself (field
``doc``, section ``title``, output ``doc``), so a field added to a pipeline module shows up
in English at once and :func:`missing_translations` lists what still lacks Japanese.
Source citations (``Field.source``) are bibliographic references and stay in English.
"""

from __future__ import annotations

import re
from typing import Any

from . import i18n_ja

LANGS = ("en", "ja")
LANG_NAMES = {"en": "English", "ja": "日本語"}

UI: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ page
    "app.title": {"en": "What does an AI token cost in orbit?", "ja": "軌道上のAIトークンはいくらか？"},
    "app.subtitle": {
        "en": "Cost per million tokens of AI inference on a solar-powered satellite, in a ground data "
        "center and on a fleet of parked cars, for the same workload. Every number comes from the "
        "orbitdc physics and cost pipeline; move the assumptions in the sidebar.",
        "ja": "同じ推論ワークロードを、太陽光発電の衛星・地上のデータセンター・駐車中の車両群で処理した"
        "ときの100万トークンあたりのコスト。すべての数値は orbitdc の物理・コストモデルによる計算結果です。"
        "左のサイドバーで前提条件を変更できます。",
    },
    "app.scenario": {"en": "Scenario: **{title}**", "ja": "シナリオ：**{title}**"},
    "app.modified": {"en": " (modified: {n} of its values changed)", "ja": "（変更あり：プリセットと異なる値 {n} 個）"},
    # ------------------------------------------------------------------ sidebar
    "sidebar.language": {"en": "Language", "ja": "言語"},
    "sidebar.preset": {"en": "Preset scenario", "ja": "プリセットシナリオ"},
    "sidebar.preset_help": {
        "en": "A named set of assumptions shipped with orbitdc; each value cites its source.",
        "ja": "orbitdc に同梱された前提条件のセット。各値には出典があります。",
    },
    "sidebar.reset": {"en": "Reset to preset", "ja": "プリセットに戻す"},
    "sidebar.reset_help": {
        "en": "Discard every change and return to the preset's values.",
        "ja": "すべての変更を破棄し、プリセットの値に戻します。",
    },
    "sidebar.exact": {"en": "Type exact values", "ja": "数値を直接入力"},
    "sidebar.exact_help": {
        "en": "Show number boxes instead of sliders, for exact values.",
        "ja": "スライダーの代わりに数値入力欄を表示し、正確な値を入力できます。",
    },
    "sidebar.assumptions": {"en": "Assumptions", "ja": "前提条件"},
    "sidebar.assumptions_help": {
        "en": "Open a group to change its values. Hover over ⓘ for the meaning, range and source.",
        "ja": "グループを開くと値を変更できます。ⓘ にカーソルを合わせると意味・範囲・出典が表示されます。",
    },
    "sidebar.file": {"en": "Scenario file", "ja": "シナリオファイル"},
    "upload.label": {"en": "Load a scenario (TOML, at most 128 kB)", "ja": "シナリオを読み込む（TOML、128 kB まで）"},
    "upload.help": {
        "en": "A file saved with 'Download scenario (TOML)'. It is only parsed as TOML, never run.",
        "ja": "「シナリオをダウンロード（TOML）」で保存したファイル。TOML として読むだけで、実行はしません。",
    },
    "upload.ok": {"en": "Loaded {name}.", "ja": "{name} を読み込みました。"},
    "upload.refused": {
        "en": "File not loaded: {msg} The previous scenario is kept.",
        "ja": "ファイルを読み込めませんでした：{msg} 以前のシナリオをそのまま使います。",
    },
    # ------------------------------------------------------------------ groups
    "group.orbit_power": {"en": "Orbit and power", "ja": "軌道と電力"},
    "group.thermal": {"en": "Thermal", "ja": "熱制御"},
    "group.mass_launch": {"en": "Mass and launch", "ja": "質量と打ち上げ"},
    "group.links": {"en": "Links", "ja": "通信リンク"},
    "group.compute_workload": {"en": "Compute and workload", "ja": "計算機とワークロード"},
    "group.finance": {"en": "Finance", "ja": "財務"},
    "group.baselines": {"en": "Baselines: ground and car fleet", "ja": "比較対象：地上と車両群"},
    # ------------------------------------------------------------------ help text of a field
    "help.range": {"en": "Allowed", "ja": "許容範囲"},
    "help.source": {"en": "Source", "ja": "出典（原文）"},
    "help.kind": {"en": "Kind", "ja": "種別"},
    "help.unit": {"en": "Unit", "ja": "単位"},
    "help.dimensionless": {"en": "dimensionless", "ja": "無次元"},
    "help.fills": {
        "en": "Choosing an option fills in its catalog values.",
        "ja": "選択すると、カタログ値が関連する項目に入ります。",
    },
    "kind.measurement": {"en": "measurement", "ja": "実測値"},
    "kind.vendor": {"en": "vendor figure", "ja": "メーカー公表値"},
    "kind.projection": {"en": "projection", "ja": "将来予測"},
    "kind.claim": {"en": "claim from the source articles", "ja": "元記事の主張"},
    "kind.assumption": {"en": "assumption", "ja": "仮定"},
    "kind.standard": {"en": "standard", "ja": "規格・標準値"},
    "toggle.on": {"en": "on", "ja": "オン"},
    # ------------------------------------------------------------------ errors
    "err.sentence": {
        "en": "{label}: {value} is not accepted (allowed: {allowed}): {reason}",
        "ja": "{label}：{value} は受け付けられません（許容：{allowed}）。理由：{reason}",
    },
    "err.sentence_plain": {
        "en": "{label}: {value} is not accepted (allowed: {allowed}).",
        "ja": "{label}：{value} は受け付けられません（許容：{allowed}）。",
    },
    "err.unknown": {
        "en": "Unknown field {label}: {reason}",
        "ja": "{label} という項目はありません。{reason}",
    },
    "err.unreadable": {
        "en": "{label}: {value} cannot be read (expected {allowed}): {reason}",
        "ja": "{label}：{value} を値として読み取れません（{allowed} の値が必要です）。理由：{reason}",
    },
    "err.refused": {
        "en": "{label}: {value} is not accepted: {reason}",
        "ja": "{label}：{value} は受け付けられません。理由：{reason}",
    },
    "err.refused_plain": {
        "en": "{label}: {value} is not accepted.",
        "ja": "{label}：{value} は受け付けられません。",
    },
    "err.unreadable_plain": {
        "en": "{label}: {value} cannot be read (expected {allowed}).",
        "ja": "{label}：{value} を値として読み取れません（{allowed} の値が必要です）。",
    },
    "err.page": {
        "en": "Part of the page could not be drawn ({msg}). Change an input or reset to the preset.",
        "ja": "ページの一部を表示できませんでした（{msg}）。入力を変えるか、プリセットに戻してください。",
    },
    "err.limit": {"en": "limit {limit}", "ja": "上限 {limit}"},
    "err.upload_label": {"en": "Uploaded file", "ja": "アップロードされたファイル"},
    "err.banner": {
        "en": "The current inputs cannot be evaluated (see the message next to the input in the sidebar). "
        "The numbers below are for the last valid scenario.",
        "ja": "現在の入力では計算できません（サイドバーの入力欄の横のメッセージを参照）。"
        "以下の数値は最後に有効だったシナリオのものです。",
    },
    "err.here": {"en": "{msg}", "ja": "{msg}"},
    "err.query": {
        "en": "Some values in the link were ignored: {msg}",
        "ja": "リンク内の一部の値は無視されました：{msg}",
    },
    "err.chart": {
        "en": "This chart cannot be drawn for the current scenario: {msg}",
        "ja": "現在のシナリオではこのグラフを描けません：{msg}",
    },
    "err.missing": {
        "en": "Not available: the pipeline does not produce {what} yet.",
        "ja": "利用できません：パイプラインはまだ {what} を出力していません。",
    },
    # ------------------------------------------------------------------ headline
    "metric.heading": {"en": "", "ja": "100万トークンあたりのコスト"},
    "metric.orbital": {"en": "In orbit", "ja": "軌道上"},
    "metric.terrestrial": {"en": "Ground data center", "ja": "地上データセンター"},
    "metric.fleet": {"en": "Parked-car fleet", "ja": "駐車車両群"},
    "metric.per_m": {"en": "{usd} / M tokens", "ja": "{usd}"},
    "metric.ratio_t": {"en": "Orbit ÷ ground", "ja": "軌道 ÷ 地上"},
    "metric.ratio_f": {"en": "Orbit ÷ fleet", "ja": "軌道 ÷ 車両群"},
    "metric.binding": {"en": "Binding constraint", "ja": "制約要因"},
    "metric.help.orbital": {
        "en": "Levelised cost per million delivered output tokens on one satellite: capital (chips, bus, "
        "array, battery, radiator, links, launch) recovered at the WACC over the mission life, plus operations.",
        "ja": "衛星1機で出力トークン100万個を届けるための平準化コスト。チップ・バス・太陽電池・バッテリー・"
        "ラジエータ・通信・打ち上げの資本費を WACC とミッション寿命で年換算し、運用費を加えたもの。",
    },
    "metric.help.terrestrial": {
        "en": "The same chips and workload in a ground data center (facility, PUE, electricity, grid wait).",
        "ja": "同じチップとワークロードを地上のデータセンターで運用した場合（施設費・PUE・電力・系統接続待ち）。",
    },
    "metric.help.fleet": {
        "en": "The same workload on parked, plugged-in cars with an inference computer each.",
        "ja": "同じワークロードを、推論用コンピュータを積んだ駐車・充電中の車で処理した場合。",
    },
    "metric.help.ratio": {
        "en": "Orbital cost divided by the baseline's: below 1x orbit is cheaper.",
        "ja": "軌道上のコスト ÷ 比較対象のコスト。1倍未満なら軌道の方が安い。",
    },
    "metric.help.binding": {
        "en": "What limits or dominates the satellite design in this scenario.",
        "ja": "このシナリオで衛星設計を制約・支配している要因。",
    },
    "ratio": {"en": "{x}x", "ja": "{x}倍"},
    # ------------------------------------------------------------------ verdict
    "verdict.head.win": {"en": "Orbit is the cheapest option", "ja": "軌道が最も安い選択肢です"},
    "verdict.head.beats_ground": {
        "en": "Orbit beats the ground data center but not the car fleet",
        "ja": "軌道は地上データセンターより安いが、車両群より高い",
    },
    "verdict.head.beats_fleet": {
        "en": "Orbit beats the car fleet but not the ground data center",
        "ja": "軌道は車両群より安いが、地上データセンターより高い",
    },
    "verdict.head.lose": {"en": "Orbit is the most expensive option", "ja": "軌道が最も高い選択肢です"},
    "verdict.sep": {"en": ": ", "ja": "。"},
    "verdict.body.both": {
        "en": "a million tokens costs {orb} in orbit, {rt} the ground data center's {ter} and {rf} the "
        "parked-car fleet's {flt}.",
        "ja": "100万トークンあたり軌道上は {orb} で、地上データセンター（{ter}）の {rt}、"
        "駐車車両群（{flt}）の {rf} です。",
    },
    "verdict.body.ground": {
        "en": "a million tokens costs {orb} in orbit, {rt} the ground data center's {ter}.",
        "ja": "100万トークンあたり軌道上は {orb} で、地上データセンター（{ter}）の {rt} です。",
    },
    "verdict.binding": {
        "en": " The satellite's binding constraint is {binding}.",
        "ja": "衛星の制約要因は「{binding}」です。",
    },
    "verdict.unknown": {
        "en": "The pipeline has not produced costs for this scenario.",
        "ja": "このシナリオのコストはまだ計算されていません。",
    },
    # ------------------------------------------------------------------ tabs
    "tab.summary": {"en": "Summary", "ja": "概要"},
    "tab.costs": {"en": "Cost charts", "ja": "コスト内訳"},
    "tab.mass": {"en": "Mass", "ja": "質量"},
    "tab.orbit": {"en": "Eclipses", "ja": "日陰（食）"},
    "tab.thermal": {"en": "Radiator", "ja": "ラジエータ"},
    "tab.launch": {"en": "Launch price", "ja": "打ち上げ価格"},
    "tab.links": {"en": "Link budget", "ja": "リンクバジェット"},
    "tab.tornado": {"en": "Sensitivity", "ja": "感度分析"},
    "tab.claims": {"en": "Claims check", "ja": "主張の検証"},
    "tab.outputs": {"en": "All outputs", "ja": "全出力"},
    "tab.share": {"en": "Share and export", "ja": "共有・保存"},
    # ------------------------------------------------------------------ summary
    "summary.costs": {"en": "The same workload priced three ways", "ja": "同じワークロードを3つの方式で比較"},
    "summary.satellite": {"en": "One satellite in this scenario", "ja": "このシナリオの衛星1機"},
    "summary.col.item": {"en": "Quantity", "ja": "項目"},
    "summary.col.value": {"en": "Value", "ja": "値"},
    "summary.item.compute.it_power": {"en": "IT (compute) power", "ja": "IT（計算）電力"},
    "summary.item.compute.chips": {"en": "Accelerators (powered)", "ja": "アクセラレータ数（稼働）"},
    "summary.item.compute.tokens_per_second": {
        "en": "Output tokens per second, life average",
        "ja": "出力トークン毎秒（寿命平均）",
    },
    "summary.item.power.array_area": {"en": "Solar-array area", "ja": "太陽電池アレイ面積"},
    "summary.item.power.battery_energy": {"en": "Battery energy", "ja": "バッテリー容量"},
    "summary.item.thermal.radiator_area": {"en": "Radiator area", "ja": "ラジエータ面積"},
    "summary.item.thermal.radiator_temperature": {"en": "Radiator temperature", "ja": "ラジエータ温度"},
    "summary.item.launch.satellite_mass": {"en": "Launch mass", "ja": "打ち上げ質量"},
    "summary.item.launch.mass_per_kw": {"en": "Mass per kW of IT power", "ja": "IT 電力 1 kW あたり質量"},
    "summary.item.launch.satellites": {"en": "Satellites in the constellation", "ja": "コンステレーションの衛星数"},
    "summary.item.launch.launches": {"en": "Launches to deploy them", "ja": "配備に必要な打ち上げ回数"},
    "summary.item.orbit.eclipse_fraction_mean": {"en": "Time in Earth's shadow", "ja": "地球の影にいる時間"},
    "summary.item.links.capacity": {"en": "Link capacity for answers", "ja": "回答用のリンク容量"},
    "summary.item.links.latency": {"en": "Round-trip latency", "ja": "往復遅延"},
    "summary.item.economics.breakeven_price_per_kg": {
        "en": "Break-even launch price against the ground",
        "ja": "地上と損益分岐する打ち上げ価格",
    },
    "summary.item.economics.cost_per_million_tokens_free_launch": {
        "en": "Orbital cost per million tokens with free launches",
        "ja": "打ち上げ無料時の軌道上コスト（100万トークンあたり）",
    },
    "summary.no_breakeven": {
        "en": "none: orbit costs more even with free launches",
        "ja": "なし：打ち上げが無料でも軌道の方が高い",
    },
    "summary.note": {
        "en": "Charts of these numbers are in the next tabs; 'All outputs' lists every output of the pipeline.",
        "ja": "これらの数値のグラフは次のタブにあります。「全出力」にはパイプラインの全出力があります。",
    },
    # ------------------------------------------------------------------ costs
    "costs.compare_title": {"en": "Cost per million tokens by architecture", "ja": "方式別の100万トークンあたりコスト"},
    "costs.axis_usd_per_m": {"en": "USD per million tokens", "ja": "米ドル / 100万トークン"},
    "costs.capex_title": {
        "en": "Capital cost of one satellite (waterfall)",
        "ja": "衛星1機の資本費（ウォーターフォール）",
    },
    "costs.axis_musd": {"en": "Million USD per satellite", "ja": "百万米ドル / 機"},
    "costs.total": {"en": "Total", "ja": "合計"},
    "costs.table_title": {"en": "Other cost measures", "ja": "その他のコスト指標"},
    "costs.col.measure": {"en": "Measure", "ja": "指標"},
    "costs.measure.cost_per_million_tokens": {"en": "Cost per million tokens", "ja": "100万トークンあたりコスト"},
    "costs.measure.cost_per_request": {"en": "Cost per inference request", "ja": "推論リクエスト1件あたりコスト"},
    "costs.measure.cost_per_accelerator_hour": {
        "en": "Cost per accelerator-hour",
        "ja": "アクセラレータ1時間あたりコスト",
    },
    "costs.measure.cost_per_kw_year": {"en": "Cost per kW of IT power per year", "ja": "IT 電力 1 kW・1年あたりコスト"},
    "arch.orbital": {"en": "Orbit", "ja": "軌道上"},
    "arch.terrestrial": {"en": "Ground", "ja": "地上"},
    "arch.fleet": {"en": "Car fleet", "ja": "車両群"},
    "part.chips": {"en": "Chips", "ja": "チップ"},
    "part.bus": {"en": "Bus", "ja": "バス"},
    "part.array": {"en": "Solar array", "ja": "太陽電池アレイ"},
    "part.battery": {"en": "Battery", "ja": "バッテリー"},
    "part.radiator": {"en": "Radiator", "ja": "ラジエータ"},
    "part.links": {"en": "Link terminals", "ja": "通信端末"},
    "part.integration": {"en": "Integration and test", "ja": "組立・試験"},
    "part.launch": {"en": "Launch", "ja": "打ち上げ"},
    "part.nre": {"en": "Development (NRE share)", "ja": "開発費（按分）"},
    "part.replacement": {"en": "Replacements", "ja": "更新衛星"},
    "part.compute": {"en": "Compute hardware", "ja": "計算機ハードウェア"},
    "part.shielding": {"en": "Shielding", "ja": "放射線遮蔽"},
    "part.structure": {"en": "Structure", "ja": "構体"},
    "part.propulsion": {"en": "Propulsion", "ja": "推進系"},
    "part.propellant": {"en": "Propellant", "ja": "推進剤"},
    "part.heat_pump": {"en": "Heat pump", "ja": "ヒートポンプ"},
    # ------------------------------------------------------------------ mass
    "mass.title": {
        "en": "Satellite mass per kW of compute power: {total}",
        "ja": "計算電力 1 kW あたりの衛星質量：{total}",
    },
    "mass.axis": {"en": "kg per kW of IT power", "ja": "IT 電力 1 kW あたりの kg"},
    "mass.note": {
        "en": "Wet mass of one satellite ({mass}) divided by its IT power ({power}).",
        "ja": "衛星1機の打ち上げ質量（{mass}）を IT 電力（{power}）で割った値。",
    },
    # ------------------------------------------------------------------ orbit
    "orbit.title": {"en": "Shadow and Sun angle over {year}", "ja": "{year}年の日陰率と太陽角"},
    "orbit.axis_day": {"en": "Date", "ja": "日付"},
    "orbit.axis_fraction": {"en": "Share of each orbit in Earth's shadow", "ja": "1周回のうち地球の影にいる割合"},
    "orbit.axis_beta": {"en": "Sun angle to the orbit plane β [°]", "ja": "軌道面に対する太陽角 β [°]"},
    "orbit.fraction": {"en": "Eclipse fraction", "ja": "日陰率"},
    "orbit.beta": {"en": "β angle", "ja": "β角"},
    "orbit.summary": {
        "en": "Mean eclipse fraction {mean}, longest eclipse {dur}, {days} days with eclipses.",
        "ja": "平均日陰率 {mean}、最長の日陰 {dur}、日陰のある日数 {days} 日。",
    },
    # ------------------------------------------------------------------ thermal
    "thermal.title": {"en": "Radiator area against radiator temperature", "ja": "ラジエータ温度と必要面積"},
    "thermal.axis_t": {"en": "Radiator temperature [°C]", "ja": "ラジエータ温度 [°C]"},
    "thermal.axis_a": {"en": "Radiator area [m²]", "ja": "ラジエータ面積 [m²]"},
    "thermal.curve": {"en": "Same heat, other chip temperature limits", "ja": "同じ排熱量・異なるチップ温度上限"},
    "thermal.point": {"en": "This scenario", "ja": "このシナリオ"},
    "thermal.note": {
        "en": "Each point is the full pipeline with a different junction-temperature limit "
        "(thermal.junction_temperature_max, {lo} to {hi} °C); a hotter radiator sheds the same heat from less area.",
        "ja": "各点は接合部温度の上限（thermal.junction_temperature_max、{lo}〜{hi} °C）を変えてパイプライン全体を"
        "計算したもの。ラジエータが高温なほど、同じ熱をより小さい面積で捨てられます。",
    },
    # ------------------------------------------------------------------ launch
    "launch.title": {
        "en": "Cost per million tokens against launch price",
        "ja": "打ち上げ価格と100万トークンあたりコスト",
    },
    "launch.axis_price": {"en": "Launch price [USD per kg to orbit]", "ja": "打ち上げ価格 [米ドル / kg]"},
    "launch.breakeven": {"en": "Break-even with the ground: {price} per kg", "ja": "地上との損益分岐点：{price} / kg"},
    "launch.breakeven_fleet": {
        "en": "Break-even with the car fleet: {price} per kg",
        "ja": "車両群との損益分岐点：{price} / kg",
    },
    "launch.no_breakeven": {
        "en": "No break-even with the ground between {lo} and {hi} per kg: {status}.",
        "ja": "{lo}〜{hi} / kg の範囲に地上との損益分岐点はありません：{status}。",
    },
    "launch.orbit_cheaper": {"en": "orbit is cheaper across the range", "ja": "全範囲で軌道の方が安い"},
    "launch.orbit_dearer": {"en": "orbit is dearer across the range", "ja": "全範囲で軌道の方が高い"},
    "launch.current": {"en": "This scenario", "ja": "このシナリオ"},
    "launch.note": {
        "en": "Launch price set per kg of payload capacity (launch.price_basis = per_kg); the ground and fleet "
        "costs do not depend on it. Reference prices: {refs}.",
        "ja": "打ち上げ価格はペイロード能力 1 kg あたりで設定（launch.price_basis = per_kg）。地上・車両群の"
        "コストは打ち上げ価格に依存しません。参考価格：{refs}。",
    },
    "launch.ref.f9": {"en": "Falcon 9 ≈ $4,000/kg", "ja": "Falcon 9 ≈ 4,000ドル/kg"},
    "launch.ref.claim": {
        "en": "seed claim $200k per Starship ≈ $1.3-2/kg",
        "ja": "元記事の主張 Starship 1回20万ドル ≈ 1.3〜2ドル/kg",
    },
    # ------------------------------------------------------------------ links
    "links.title": {"en": "Link budget of one satellite", "ja": "衛星1機のリンクバジェット"},
    "links.col.item": {"en": "Item", "ja": "項目"},
    "links.col.value": {"en": "Value", "ja": "値"},
    "links.col.key": {"en": "Output key", "ja": "出力キー"},
    # ------------------------------------------------------------------ tornado
    "tornado.title": {
        "en": "The {n} assumptions that move the orbital cost most",
        "ja": "軌道上コストを最も大きく動かす前提条件 上位{n}項目",
    },
    "tornado.axis": {"en": "Orbital cost [USD per million tokens]", "ja": "軌道上コスト [米ドル / 100万トークン]"},
    "tornado.low": {"en": "Low end of range", "ja": "範囲の下限"},
    "tornado.high": {"en": "High end of range", "ja": "範囲の上限"},
    "tornado.base": {"en": "This scenario: {usd}", "ja": "このシナリオ：{usd}"},
    "tornado.note": {
        "en": "Each bar moves one assumption across its plausible range (the field's declared spread) with "
        "every other value held; all swings are one vectorised pipeline call.",
        "ja": "各バーは、他の値を固定したまま1つの前提条件を妥当な範囲（各項目に定義された幅）で動かした結果です。"
        "全項目を1回のベクトル化計算で評価しています。",
    },
    # ------------------------------------------------------------------ claims
    "claims.title": {"en": "The source articles' claims, checked by the model", "ja": "元記事の主張をモデルで検証"},
    "claims.intro": {
        "en": "Each quantitative claim of the five investor articles, with what the model computes for the "
        "scenario on the left and whether the claim holds.",
        "ja": "5本の投資家向け記事に含まれる定量的な主張と、左のシナリオに対するモデルの計算値、主張が成り立つかどうか。",
    },
    "claims.col.claim": {"en": "Claim", "ja": "主張"},
    "claims.col.model": {"en": "Model", "ja": "モデル"},
    "claims.col.verdict": {"en": "Verdict", "ja": "判定"},
    "claims.col.note": {"en": "Why", "ja": "理由"},
    "claims.col.id": {"en": "Id", "ja": "ID"},
    "claims.col.hinges": {"en": "Hinges on", "ja": "判定を左右する前提"},
    "claims.summary": {"en": "{n} claims: {counts}.", "ja": "主張 {n} 件：{counts}。"},
    "colon": {"en": ": ", "ja": "："},
    # ------------------------------------------------------------------ outputs
    "outputs.title": {"en": "Every output of the pipeline", "ja": "パイプラインの全出力"},
    "outputs.col.key": {"en": "Key", "ja": "キー"},
    "outputs.col.value": {"en": "Value", "ja": "値"},
    "outputs.col.description": {"en": "Meaning", "ja": "意味"},
    # ------------------------------------------------------------------ share
    "share.title": {"en": "Share this view", "ja": "この画面を共有"},
    "share.link": {
        "en": "The address bar holds this scenario: the preset, the language and only the values you changed. "
        "Copy it to share or bookmark the view. Query string:",
        "ja": "アドレスバーにこのシナリオ（プリセット、言語、変更した値のみ）が入っています。"
        "コピーすれば共有・ブックマークできます。クエリ文字列：",
    },
    "share.downloads": {"en": "Download", "ja": "ダウンロード"},
    "download.toml": {"en": "Download scenario (TOML)", "ja": "シナリオをダウンロード（TOML）"},
    "download.csv": {"en": "Download results (CSV)", "ja": "結果をダウンロード（CSV）"},
    "download.json": {"en": "Download results (JSON)", "ja": "結果をダウンロード（JSON）"},
    "share.upload_hint": {
        "en": "To load a scenario file, use 'Scenario file' at the bottom of the sidebar.",
        "ja": "シナリオファイルを読み込むには、サイドバー下部の「シナリオファイル」を使います。",
    },
    "footer": {
        "en": "orbitdc {version} · physics: J2 orbits and cylindrical shadow, Stefan-Boltzmann radiators, "
        "ITU-R links, roofline inference; costs levelised at the WACC.",
        "ja": "orbitdc {version} · 物理：J2 摂動軌道と円筒影モデル、ステファン・ボルツマン放熱、ITU-R リンク、"
        "ルーフラインによる推論性能。コストは WACC で平準化。",
    },
}

#: Japanese for the reasons of the upload checks (orbitdc.app.upload.parse_upload) and of
#: common refusals; other reasons (the schema's physics reasons) are shown as written.
REASONS_JA = {
    "the file is too large for a scenario": "シナリオとしては大きすぎるファイルです。",
    "the file is empty": "ファイルが空です。",
    "the file is not text": "テキストファイルではありません。",
    "meta must be a TOML table": "[meta] は TOML のテーブルでなければなりません。",
    "scenario values live in section tables": "シナリオの値は [orbit] などのセクションのテーブルに書きます。",
    "the file sets no scenario values": "シナリオの値が1つも書かれていません。",
    "unknown preset": "不明なプリセットです。",
    "unknown choice": "不明な選択肢です。",
    "NaN or infinity is not a physical value": "NaN や無限大は物理量ではありません。",
    "must be a whole number": "整数でなければなりません。",
}


def reason_text(reason: str, lang: str = "en") -> str:
    """A refusal reason in ``lang`` where known (upload checks, TOML syntax), else as written."""
    if lang != "ja" or not reason:
        return reason
    m = re.match(r"unknown section \[(.+?)\](?:; did you mean \[(.+?)\]\?)?$", reason)
    if m:
        return f"不明なセクション [{m.group(1)}] です" + (f"（[{m.group(2)}] のことですか？）" if m.group(2) else "。")
    if reason.startswith("TOML syntax error:"):
        return "TOML の構文エラー：" + reason.split(":", 1)[1].strip()
    for en, ja in REASONS_JA.items():
        if reason.startswith(en):
            return ja + reason[len(en) :]
    return reason


#: Binding-constraint labels (economics.binding_constraint), and launch binding.
BINDING_JA = {
    "power": "電力",
    "thermal": "排熱",
    "links": "通信リンク",
    "launch volume": "打ち上げ容積",
    "launch mass": "打ち上げ質量",
    "lifetime": "寿命",
    "mass-limited": "質量で制約",
    "volume-limited": "容積で制約",
    "chips": "チップ",
    "launch": "打ち上げ",
    "memory-bandwidth bound": "メモリ帯域律速",
    "compute bound": "演算律速",
    "links do not bind": "リンクは制約にならない",
    "links bind": "リンクが制約",
    "no MODCOD closes": "成立する MODCOD なし",
}

_TECHNICAL_LABEL = re.compile(r"^(\d+A?PSK|QPSK|8PSK|8APSK)\b")


def t(key: str, lang: str = "en", **kw: Any) -> str:
    """UI string ``key`` in ``lang`` (English if missing), formatted with ``kw``."""
    entry = UI[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kw) if kw else text


def binding_label(label: str, lang: str = "en") -> str:
    """A coded output's label (binding constraint, launch binding, ...) in ``lang``."""
    if lang == "ja":
        return BINDING_JA.get(label, label)
    return label


# ============================================================================ schema text


def _field(key: str):
    from ..scenario import field_spec

    return field_spec(key)


_ACRONYMS = {
    "ltan": "LTAN",
    "raan": "RAAN",
    "pue": "PUE",
    "wacc": "WACC",
    "nre": "NRE",
    "isp": "Isp",
    "om": "O&M",
    "kv": "KV",
    "pv": "PV",
    "tmy": "TMY",
    "isl": "ISL",
    "eirp": "EIRP",
    "bol": "BOL",
    "eol": "EOL",
    "cop": "COP",
    "it": "IT",
    "dod": "DoD",
    "gt": "G/T",
    "rf": "RF",
    "tpu": "TPU",
}


def _humanize(name: str) -> str:
    words = name.split("_")
    out = [_ACRONYMS.get(w, w) for w in words]
    s = " ".join(out)
    return s[:1].upper() + s[1:]


def field_label(key: str, lang: str = "en") -> str:
    """Short label of scenario field ``key`` (without unit)."""
    entry = i18n_ja.FIELDS.get(key)
    if lang == "ja" and entry:
        return entry[0]
    en = i18n_ja.EN_LABELS.get(key)
    if en:
        return en
    return _humanize(key.split(".", 1)[1] if "." in key else key)


def field_doc(key: str, lang: str = "en") -> str:
    """One-line meaning of field ``key`` (the schema's doc in English)."""
    entry = i18n_ja.FIELDS.get(key)
    if lang == "ja" and entry and entry[1]:
        return entry[1]
    try:
        return _field(key).doc
    except Exception:
        return ""


def unit_label(key: str) -> str | None:
    """Display-unit override for a field whose pint unit reads badly (``1/s`` -> ``FLOP/s``)."""
    return i18n_ja.UNIT_LABELS.get(key)


def section_title(name: str, lang: str = "en") -> str:
    """Title of scenario section ``name``."""
    if lang == "ja" and name in i18n_ja.SECTIONS:
        return i18n_ja.SECTIONS[name]
    from ..scenario import sections

    sec = sections().get(name)
    return sec.title if sec else name


def group_title(gid: str, lang: str = "en") -> str:
    """Title of an input group of the app (see :data:`orbitdc.app.widgets.GROUPS`)."""
    if gid.startswith("section:"):
        return section_title(gid.split(":", 1)[1], lang)
    return t(f"group.{gid}", lang)


def output_doc(key: str, lang: str = "en") -> str:
    """Meaning of pipeline output ``key``."""
    if lang == "ja" and key in i18n_ja.OUTPUTS:
        return i18n_ja.OUTPUTS[key]
    from ..model import outputs

    spec = outputs().get(key)
    return spec.doc if spec else key


def choice_label(key: str, choice: str, lang: str = "en") -> str:
    """Display name of option ``choice`` of choice field ``key``."""
    entry = i18n_ja.CHOICES.get(f"{key}={choice}") or i18n_ja.CHOICES.get(choice)
    if entry:
        return entry[1] if lang == "ja" and entry[1] else entry[0]
    return choice


def preset_title(name: str, lang: str = "en") -> str:
    """Title of preset ``name`` (its ``[meta] title``; Japanese from the dictionary)."""
    if lang == "ja" and name in i18n_ja.PRESETS:
        return i18n_ja.PRESETS[name][0]
    from .. import presets

    return str(presets.info(name).get("title") or name)


def preset_description(name: str, lang: str = "en") -> str:
    """Description of preset ``name``."""
    if lang == "ja" and name in i18n_ja.PRESETS:
        return i18n_ja.PRESETS[name][1]
    from .. import presets

    return str(presets.info(name).get("description") or "")


def missing_translations() -> list[str]:
    """Every schema key (field, section, output, choice, preset) without Japanese text."""
    from .. import presets
    from ..model import outputs
    from ..scenario import sections

    missing = []
    for sec in sections().values():
        if sec.name not in i18n_ja.SECTIONS:
            missing.append(f"section {sec.name}")
        for f in sec.fields:
            key = f"{sec.name}.{f.name}"
            entry = i18n_ja.FIELDS.get(key)
            if not entry or not entry[0] or not entry[1]:
                missing.append(f"field {key}")
            for c in f.choices or ():
                e = i18n_ja.CHOICES.get(f"{key}={c}") or i18n_ja.CHOICES.get(c)
                if not e or not e[1]:
                    missing.append(f"choice {key}={c}")
    for key, spec in outputs().items():
        if key not in i18n_ja.OUTPUTS:
            missing.append(f"output {key}")
        for lab in (spec.labels or {}).values():
            if lab not in BINDING_JA and not _TECHNICAL_LABEL.match(lab):
                missing.append(f"label {key}:{lab}")
    for name in presets.names():
        if name not in i18n_ja.PRESETS:
            missing.append(f"preset {name}")
    for key, entry in UI.items():
        if not entry.get("ja"):
            missing.append(f"ui {key}")
    return missing


# ============================================================================ claims


_CLAIM_LEVEL = {
    "holds": {"en": "Holds", "ja": "成立"},
    "fails": {"en": "Fails", "ja": "不成立"},
    "conditional": {"en": "Holds only if", "ja": "条件付きで成立"},
    "untested": {"en": "Not tested", "ja": "未検証"},
}


def claim_level(level: str, lang: str = "en") -> str:
    """Name of a claim verdict level (holds, fails, conditional, untested)."""
    entry = _CLAIM_LEVEL.get(level, _CLAIM_LEVEL["untested"])
    return entry.get(lang) or entry["en"]


def claim_text(key: str, english: str, lang: str = "en") -> str:
    """A seed-document claim statement (by claim key)."""
    if lang == "ja" and key in i18n_ja.CLAIMS:
        return i18n_ja.CLAIMS[key]
    return english


_TEMPLATE_RE: list[tuple[re.Pattern, str]] | None = None


def _templates() -> list[tuple[re.Pattern, str]]:
    global _TEMPLATE_RE
    if _TEMPLATE_RE is None:
        out = []
        for en, ja in i18n_ja.CLAIM_TEMPLATES:
            parts = re.split(r"\{(\d)\}", en)
            rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<g{p}>.+?)" for i, p in enumerate(parts))
            out.append((re.compile(rx + r"\Z", re.S), ja))
        _TEMPLATE_RE = out
    return _TEMPLATE_RE


_E_NOTATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)[eE]([+-]?\d+)(?![\w.])")


def people_numbers(text: str) -> str:
    """Numbers in prose for people: ``5e+06`` -> ``5,000,000``, ``1.2e-05`` -> ``0.000012``; ``m2`` -> ``m²``."""

    def one(m: re.Match) -> str:
        x = float(m.group(0))
        if abs(x) >= 1:
            return f"{x:,.0f}" if x == round(x) else f"{x:,.6g}"
        return f"{x:.8f}".rstrip("0").rstrip(".")

    text = _E_NOTATION.sub(one, text)
    return re.sub(r"\b(k?m)2\b", r"\1²", text)


def claim_phrase(text: str, lang: str = "en") -> str:
    """A sentence of the claims module for people: Japanese from the phrase dictionary or a numbered template.

    English sentences are returned with their numbers formatted for people (no e-notation, m²).
    """
    if lang == "ja" and text in i18n_ja.CLAIM_PHRASES:
        return i18n_ja.CLAIM_PHRASES[text]
    text = people_numbers(text)
    if lang != "ja" or not text:
        return text
    for rx, ja in _templates():
        m = rx.match(text)
        if m:
            vals = {k[1:]: claim_phrase(v, lang) for k, v in m.groupdict().items()}
            out = ja.format(*[vals[str(i)] for i in range(len(vals))])
            return re.sub(r"(\d(?:\.\d+)?)x\b", r"\1倍", out)
    return text


def claim_verdict(raw: str, level: str, lang: str = "en") -> str:
    """A claim verdict: the level, plus the condition of a "holds only if ..." verdict."""
    head = claim_level(level, lang)
    if level != "conditional":
        return head
    cond = claim_phrase(raw[len("holds only if") :].strip(), lang)
    if lang == "ja":
        return f"{head}：{cond}"
    return f"{head} {cond}"


def claim_number_label(label: str, lang: str = "en") -> str:
    """Label of one of a claim's model numbers."""
    if lang == "ja":
        return i18n_ja.CLAIM_NUMBERS.get(label) or claim_phrase(label, lang)
    return label


# ---------------------------------------------------------------- the "When?" view (years)
UI.update(
    {
        "tab.when": {"en": "When?", "ja": "いつ？"},
        "when.title": {"en": "When does orbit win?", "ja": "軌道はいつ勝つか"},
        "when.intro": {
            "en": "Learning curves, trends and technology switches (the [years] section) move prices "
            "and performance from the base year; the same chips, cells and batteries learn on "
            "every side. Bands: p5-p95 over {n} Monte Carlo samples.",
            "ja": "学習曲線・トレンド・技術の切り替え（[years] セクション）が基準年から価格と性能を動かす。"
            "同じチップ・セル・電池はどの方式でも同じように学習する。帯：モンテカルロ {n} サンプルの p5〜p95。",
        },
        "when.presets": {"en": "Published projections", "ja": "公表された予測"},
        "when.preset_help": {
            "en": "Load the preset of a published projection (every value carries its source).",
            "ja": "公表された予測のプリセットを読み込む（各値に出典あり）",
        },
        "when.chart.costs": {"en": "Cost per million tokens by year", "ja": "年ごとの100万トークンあたりコスト"},
        "when.chart.parity": {"en": "Probability of parity by year", "ja": "年ごとの均衡到達確率"},
        "when.year": {"en": "Year", "ja": "年"},
        "when.usd_per_mtok": {"en": "USD per million tokens", "ja": "100万トークンあたり USD"},
        "when.p_by_year": {
            "en": "P(orbit at or below the baseline by the year)",
            "ja": "その年までに軌道が基準以下になる確率",
        },
        "when.vs": {"en": "vs {name}", "ja": "対 {name}"},
        "when.col.baseline": {"en": "Against", "ja": "比較対象"},
        "when.col.median": {"en": "Median parity year", "ja": "均衡年の中央値"},
        "when.not_by": {"en": "not by {year}", "ja": "{year} 年までに無し"},
        "when.col.p_by": {"en": "P(by {year})", "ja": "{year} 年までの確率"},
        "when.col.never": {"en": "Not by {year}", "ja": "{year} 年までに無し"},
        "when.col.input": {"en": "Input", "ja": "入力"},
        "when.col.key": {"en": "Field", "ja": "フィールド"},
        "when.col.rho": {"en": "Rank correlation with the parity year", "ja": "均衡年との順位相関"},
        "when.col.rho_gap": {
            "en": "Rank correlation with the lowest orbit/baseline cost ratio (no sample reaches parity)",
            "ja": "軌道/比較対象のコスト比の最小値との順位相関（均衡に達するサンプル無し）",
        },
        "when.col.now": {"en": "Scenario value", "ja": "シナリオの値"},
        "when.col.parity": {"en": "Value at parity", "ja": "均衡となる値"},
        "when.col.side": {"en": "Orbit wins", "ja": "軌道が勝つ側"},
        "when.none": {"en": "none in range", "ja": "範囲内に無し"},
        "when.side.below": {"en": "below it", "ja": "それ未満"},
        "when.side.above": {"en": "above it", "ja": "それ超"},
        "when.wmbt.title": {
            "en": "What must be true in {year} (each input alone, the others held)",
            "ja": "{year} 年に何が成り立てばよいか（各入力を単独で動かし、他は固定）",
        },
        "when.wmbt.year": {"en": "Year for the what-must-be-true table", "ja": "表の対象年"},
        "when.deciding.title": {"en": "Inputs that decide parity with the ground", "ja": "地上との均衡を左右する入力"},
        "when.parity.title": {"en": "Parity-year distribution", "ja": "均衡年の分布"},
    }
)


# ---------------------------------------------------------------- headline band, grouped views, new views (issue 18)
UI.update(
    {
        # view groups (the tab bar) and the view picker inside each
        "group.view.result": {"en": "Result", "ja": "結果"},
        "group.view.satellite": {"en": "Satellite", "ja": "衛星"},
        "group.view.drivers": {"en": "What decides it", "ja": "決め手"},
        "group.view.time": {"en": "Years and claims", "ja": "年次と主張"},
        "group.view.compare": {"en": "Compare and export", "ja": "比較と保存"},
        "view.label": {"en": "View", "ja": "表示"},
        "tab.breakdown": {"en": "Cost breakdown", "ja": "費目別コスト"},
        "tab.wmbt": {"en": "What must be true", "ja": "成立条件"},
        "tab.compare": {"en": "A/B comparison", "ja": "A/B 比較"},
        # headline band
        "band.range": {"en": "median {mid}, 90 % range {lo} – {hi}", "ja": "中央値 {mid}、90 %範囲 {lo}〜{hi}"},
        "band.pending": {"en": "90 % range: computing…", "ja": "90 %範囲：計算中…"},
        "first.loading": {
            "en": "Loading the inputs… The numbers on the right are already this scenario's.",
            "ja": "入力欄を読み込み中… 右の数値はすでにこのシナリオの計算結果です。",
        },
        "band.prob": {
            "en": "Chance that orbit is cheaper: **{pt}** than the ground, **{pf}** than the car fleet "
            "({n} Monte Carlo samples over {fields} uncertain inputs; ranges are the 5th to 95th percentile).",
            "ja": "軌道の方が安い確率：地上より **{pt}**、車両群より **{pf}**"
            "（不確かな入力 {fields} 個についてモンテカルロ {n} サンプル。範囲は5〜95パーセンタイル）。",
        },
        "band.failed": {
            "en": "The uncertainty could not be computed for this scenario: {msg}",
            "ja": "このシナリオでは不確かさを計算できません：{msg}",
        },
        "metric.deciding": {"en": "What decides the orbital cost", "ja": "軌道上コストの決め手"},
        "metric.help.deciding": {
            "en": "The largest of the seven cost categories of the orbital cost per token (see Result → Cost "
            "breakdown), and what limits the design when something other than its power budget does.",
            "ja": "軌道上のトークン単価を7つの費目に分けたときの最大の費目（結果 → 費目別コスト）。"
            "電力以外の要因が設計を制約している場合はそれも示す。",
        },
        "deciding.value": {"en": "{cat}: {share}", "ja": "{cat}：{share}"},
        "deciding.limit": {"en": "The design is limited by {limit}.", "ja": "設計の制約要因：{limit}。"},
        "deciding.then": {"en": "then {cat} ({share})", "ja": "次いで {cat}（{share}）"},
        "verdict.deciding": {
            "en": " The largest share of the orbital cost is {cat} ({share}).",
            "ja": "軌道上コストの最大の費目は「{cat}」（{share}）です。",
        },
        "workload.line": {
            "en": "Workload: {model} on {chip}, {bits}-bit weights, batch of {batch} requests per chip, "
            "prompts of {prompt} tokens and answers of {out} tokens.",
            "ja": "ワークロード：{model}（{chip} 上）、重み {bits} ビット、チップあたりバッチ {batch} 件、"
            "プロンプト {prompt} トークン、回答 {out} トークン。",
        },
        # cost categories (orbitdc.breakdown.CATEGORIES)
        "cat.chips": {"en": "Chips", "ja": "チップ"},
        "cat.power": {"en": "Power", "ja": "電力"},
        "cat.cooling": {"en": "Cooling", "ja": "冷却"},
        "cat.structure": {"en": "Structure / facility", "ja": "構造・施設"},
        "cat.launch": {"en": "Launch", "ja": "打ち上げ"},
        "cat.operations": {"en": "Operations", "ja": "運用"},
        "cat.financing": {"en": "Financing", "ja": "資本コスト"},
        "breakdown.title": {
            "en": "Cost per million tokens by category",
            "ja": "費目別の100万トークンあたりコスト",
        },
        "breakdown.col.category": {"en": "Category", "ja": "費目"},
        "breakdown.note": {
            "en": "The same seven categories for the three architectures; each column adds up to its cost per "
            "million tokens. Capital items are split into straight-line depreciation (in their category) and "
            "financing (the rest of the capital recovery at the WACC). Power: the array and battery in orbit, the "
            "electricity bill on the ground and in the cars. Cooling: the radiator; the ground facility's cooling "
            "share. Structure / facility: the satellite bus, link terminals, integration and engineering; the ground "
            "building; what car owners are paid and the wear of their cars.",
            "ja": "3つの方式を同じ7つの費目に分けたもの。各列の合計が100万トークンあたりコストになる。資本費は"
            "定額償却分（各費目）と資本コスト（WACC での資本回収の残り）に分けた。電力：軌道では太陽電池とバッテリー、"
            "地上と車両では電気代。冷却：ラジエータ、地上施設の冷却分。構造・施設：衛星バス・通信端末・統合・開発費、"
            "地上の建屋、車の所有者への支払いと車の損耗。",
        },
        # launch
        "launch.vehicles": {
            "en": "Named launch vehicles (catalog price per kg)",
            "ja": "主なロケット（カタログ価格 / kg）",
        },
        "launch.basis_note": {
            "en": "Launch price of this scenario: {per_launch} per launch, {per_kg} per kg of reference payload. "
            "The price you edit sets the basis; the other follows.",
            "ja": "このシナリオの打ち上げ価格：1回あたり {per_launch}、基準ペイロード 1 kg あたり {per_kg}。"
            "編集した価格が基準になり、もう一方はそれに従う。",
        },
        "help.disabled_sso": {
            "en": "Not used: a sun-synchronous orbit's inclination follows from its altitude (J2) and its node from "
            "the local time of the ascending node.",
            "ja": "使用しない：太陽同期軌道の傾斜角は高度（J2）で、昇交点は昇交点地方時で決まる。",
        },
        "help.disabled_by": {
            "en": "Not used while {field} is {value}.",
            "ja": "{field}が「{value}」の間は使用しない。",
        },
        "help.disabled_inclined": {
            "en": "Not used: only a sun-synchronous orbit is set by its local time of the ascending node.",
            "ja": "使用しない：昇交点地方時で決まるのは太陽同期軌道だけ。",
        },
        # what must be true
        "wmbt.title": {"en": "What must be true for orbit to match a baseline", "ja": "軌道が比較対象に並ぶための条件"},
        "wmbt.intro": {
            "en": "Pick any input: the value at which orbit costs as much as the baseline, the others held at this "
            "scenario's values. Pick a second input for the map of both.",
            "ja": "任意の入力を選ぶと、他の値をこのシナリオに固定したまま、軌道のコストが比較対象と等しくなる値を示す。"
            "2つ目の入力を選ぶと両者の地図を描く。",
        },
        "wmbt.field": {"en": "Input", "ja": "入力"},
        "wmbt.field2": {"en": "Second input (map)", "ja": "2つ目の入力（地図）"},
        "wmbt.none": {"en": "(none)", "ja": "（なし）"},
        "wmbt.baseline": {"en": "Against", "ja": "比較対象"},
        "wmbt.found": {
            "en": "Orbit matches the {base} at **{value}** (this scenario: {now}); orbit is cheaper {side} it.",
            "ja": "**{value}** で軌道が{base}と等しくなる（このシナリオ：{now}）。軌道が安いのはそれ{side}。",
        },
        "wmbt.side.below": {"en": "below", "ja": "未満"},
        "wmbt.side.above": {"en": "above", "ja": "超"},
        "wmbt.notfound": {
            "en": "No value of this input between {lo} and {hi} makes orbit match the {base}: {status}.",
            "ja": "{lo}〜{hi} の範囲では、この入力だけで軌道が{base}と等しくなる値はない：{status}。",
        },
        "wmbt.map_title": {
            "en": "Orbit / baseline cost ratio (black line: break-even)",
            "ja": "軌道 / 比較対象のコスト比（黒線：損益分岐）",
        },
        "wmbt.ratio": {"en": "orbit / baseline", "ja": "軌道 / 比較対象"},
        "wmbt.line": {"en": "break-even", "ja": "損益分岐"},
        "wmbt.base.terrestrial": {"en": "ground data center", "ja": "地上データセンター"},
        "wmbt.base.fleet": {"en": "car fleet", "ja": "車両群"},
        # A/B comparison
        "compare.pin": {"en": "Pin this scenario as A", "ja": "このシナリオを A として固定"},
        "compare.unpin": {"en": "Unpin A", "ja": "A の固定を解除"},
        "compare.none": {
            "en": "Pin the current scenario as A, then change inputs or the preset: B is always the current scenario.",
            "ja": "現在のシナリオを A として固定し、入力やプリセットを変えてください。B は常に現在のシナリオです。",
        },
        "compare.a": {"en": "A (pinned): {title}", "ja": "A（固定）：{title}"},
        "compare.b": {"en": "B (current): {title}", "ja": "B（現在）：{title}"},
        "compare.chart": {"en": "A and B: cost per million tokens", "ja": "A と B：100万トークンあたりコスト"},
        "compare.col.measure": {"en": "Measure", "ja": "指標"},
        "compare.col.change": {"en": "B ÷ A", "ja": "B ÷ A"},
        "compare.inputs": {"en": "Inputs that differ", "ja": "異なる入力"},
        "compare.same": {"en": "A and B have the same inputs.", "ja": "A と B の入力は同じです。"},
        "compare.col.input": {"en": "Input", "ja": "入力"},
        # report
        "report.button": {"en": "One-page report (PDF)", "ja": "1ページのレポート（PDF）"},
        "report.help": {
            "en": "The headline with its uncertainty, the cost breakdown and the inputs changed from the preset with "
            "their sources, on one A4 page (made on this machine; nothing is sent anywhere).",
            "ja": "見出しの数値と不確かさ、費目別コスト、プリセットから変更した入力と出典を A4 1ページにまとめたもの"
            "（この計算機上で作成し、外部には送信しない）。",
        },
        "report.same": {"en": "No input differs from the preset.", "ja": "プリセットと異なる入力はない。"},
        # currency
        "currency.label": {"en": "Display currency", "ja": "表示通貨"},
        "currency.rate": {"en": "Yen per US dollar", "ja": "1米ドルあたりの円"},
        "currency.rate_help": {
            "en": "Every amount is computed in US dollars and shown in yen at this rate. Default: about {rate} yen per "
            "dollar, the market rate around {date}; set today's.",
            "ja": "金額はすべて米ドルで計算し、このレートで円に換算して表示する。既定値：{date} 頃の市場レート"
            "（約 {rate} 円）。最新のレートに変更できる。",
        },
        "currency.note": {
            "en": "Yen at {rate} per dollar (rate of {date}).",
            "ja": "1ドル {rate} 円で換算（{date} のレート）。",
        },
        "currency.note_edited": {
            "en": "Yen at {rate} per dollar (your rate).",
            "ja": "1ドル {rate} 円で換算（入力したレート）。",
        },
        # upload strings of Streamlit that can be set
        "upload.browse": {"en": "Upload", "ja": "ファイルを選択"},
        "upload.drop": {"en": "Drag and drop a TOML file here", "ja": "ここに TOML ファイルをドラッグ＆ドロップ"},
    }
)


# ---------------------------------------------------------------- English left on a Japanese page
#: Names, acronyms and units that stay in Latin letters in Japanese text (proper names, model,
#: chip and vehicle names, units); removed before :func:`english_runs` looks for sentences.
LATIN_ALLOWED = re.compile(
    r"Falcon 9|Falcon Heavy|Starship|NVIDIA|Llama|DeepSeek|Monte Carlo|orbitdc|Streamlit|Colossus|Starcloud|"
    r"Starlink|Suncatcher|SpaceX|Google|Tesla|Greensboro|Piedmont|Triad|Intl|[A-Z][A-Z0-9]+[\w.-]*|"
    r"\b(?:per|kg|kW|MW|GW|TW|km|dB|dBW|Tbit|Gbit|Mbit|s|yr|day|h|m|t|min|ms)\b"
)
_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’]+(?:[ ,:;-]+[A-Za-z][A-Za-z'’]+){3,}")


def english_runs(text: str) -> list[str]:
    """Runs of four or more English words in ``text`` once the allowed names are removed (a sentence left untranslated)."""
    return [m.group(0) for m in _ENGLISH_RUN.finditer(LATIN_ALLOWED.sub(" ", text))]


# ---------------------------------------------------------------- radiation and the orbit in time (issue 14)
UI.update(
    {
        "tab.radiation": {"en": "Radiation, one orbit", "ja": "放射線・1周回"},
        "radiation.title": {
            "en": "Dose per year in silicon against altitude (AE8/AP8 belts, cosmic rays, solar events)",
            "ja": "高度ごとのシリコン中の年間線量（AE8/AP8 放射線帯・銀河宇宙線・太陽粒子）",
        },
        "radiation.axis_h": {"en": "Altitude [km]", "ja": "高度 [km]"},
        "radiation.axis_dose": {"en": "Dose [Gy/yr]", "ja": "線量 [Gy/年]"},
        "radiation.curve": {"en": "behind {s} kg/m² of aluminium", "ja": "アルミ {s} kg/m² の遮蔽"},
        "radiation.point": {"en": "this scenario", "ja": "このシナリオ"},
        "radiation.note": {
            "en": "In this orbit the chips take {dose} behind {shield} of shielding; their dose life is {life} "
            "(with the design margin). Above about 1,000 km the inner Van Allen belt multiplies the dose.",
            "ja": "この軌道ではチップが {shield} の遮蔽の内側で {dose} を受け、線量寿命は {life}（設計マージン込み）。"
            "約 1,000 km より上では内側ヴァン・アレン帯で線量が何倍にもなる。",
        },
        "transient.title": {
            "en": "One orbit with the year's longest eclipse, at its periodic steady state",
            "ja": "1年で最も長い日陰を含む1周回（周期定常状態）",
        },
        "transient.soc": {"en": "battery state of charge", "ja": "バッテリー充電率"},
        "transient.radiator": {"en": "radiator", "ja": "ラジエータ"},
        "transient.array": {"en": "solar array", "ja": "太陽電池アレイ"},
        "transient.axis_soc": {"en": "Charge [%]", "ja": "充電率 [%]"},
        "transient.axis_t": {"en": "Temperature [°C]", "ja": "温度 [°C]"},
        "transient.axis_time": {"en": "Time in the orbit [min]", "ja": "周回内の時刻 [分]"},
        "transient.note": {
            "en": "Eclipse of {ecl}: the battery falls to {soc} (design depth of discharge {dod}); the radiator "
            "swings by {swing}; the junction peaks at {tj}, {over} above its limit, for {above} per orbit (the "
            "radiator is sized for the orbit-average load).",
            "ja": "日陰 {ecl}：バッテリーは {soc} まで下がる（設計放電深度 {dod}）。ラジエータの温度変動は {swing}。"
            "ジャンクションは最高 {tj} で上限を {over} 超え、その時間は1周回あたり {above}（ラジエータは周回平均の"
            "負荷で設計）。",
        },
    }
)


# ---------------------------------------------------------------- the best design (issue 16)
UI.update(
    {
        "tab.optimise": {"en": "Best design", "ja": "最適な設計"},
        "opt.title": {"en": "The best design for these assumptions", "ja": "この前提での最適な設計"},
        "opt.intro": {
            "en": "Searches the design choices (altitude, power, shielding, accelerator, cells, vehicle, battery use "
            "...) for the cheapest orbital satellite, and the ground's own choices for the cheapest data center, "
            "with every assumption held: best orbit against best ground (SciPy differential evolution, seed 0; "
            "a few seconds).",
            "ja": "前提はすべて固定したまま、設計上の選択（高度・電力・遮蔽・アクセラレータ・セル・ロケット・"
            "バッテリーの使い方など）から最も安い軌道上の衛星を、地上側の選択から最も安いデータセンターを探す："
            "最良の軌道と最良の地上の比較（SciPy の差分進化法、シード 0、数秒）。",
        },
        "opt.button": {"en": "Optimise the design", "ja": "設計を最適化する"},
        "opt.running": {"en": "Searching designs ...", "ja": "設計を探索中 ..."},
        "opt.orbit": {"en": "Best orbit / M tokens", "ja": "最良の軌道（100万トークン）"},
        "opt.ground": {"en": "Best ground / M tokens", "ja": "最良の地上（100万トークン）"},
        "opt.ratio": {"en": "Best orbit ÷ best ground", "ja": "最良の軌道 ÷ 最良の地上"},
        "opt.record": {
            "en": "{n} designs evaluated in {s} s; as given the ratio is {start}. Changes below: the current value "
            "and the best design's.",
            "ja": "{n} 通りの設計を {s} 秒で評価。現在の設計での比は {start}。以下は変更された項目の現在値と最良値。",
        },
        "opt.orbit_changes": {"en": "Orbital design changes", "ja": "軌道側の設計変更"},
        "opt.ground_changes": {"en": "Ground design changes", "ja": "地上側の設計変更"},
        "opt.none": {
            "en": "No change: the current design is already the best found.",
            "ja": "変更なし：現在の設計がすでに最良。",
        },
        "opt.col.field": {"en": "Input", "ja": "入力"},
        "opt.col.current": {"en": "Current", "ja": "現在"},
        "opt.col.best": {"en": "Best", "ja": "最良"},
        "opt.col.unit": {"en": "Unit", "ja": "単位"},
    }
)


# ---------------------------------------------------------------- claims over the years (issue 15)
UI.update(
    {
        "claims.years_title": {"en": "Over the years", "ja": "年ごとの検証"},
        "claims.years_intro": {
            "en": "From which year each seed claim holds on this scenario as the learning curves move it (2026-2050), "
            "and each published projection checked on its own preset: holds or fails in the year its source names, "
            "and the first year the model meets it (a few seconds).",
            "ja": "学習曲線でこのシナリオが動いたとき、元記事の各主張が何年から成立するか（2026〜2050 年）。公表された"
            "各予測はそれぞれのプリセットで検証：出典が示す年に成立するかどうかと、モデルが初めて満たす年（数秒）。",
        },
        "claims.years_button": {"en": "Check the claims over the years", "ja": "年ごとに主張を検証する"},
        "claims.never": {"en": "not by 2050", "ja": "2050 年までにはない"},
        "claims.col.claim": {"en": "Seed claim", "ja": "元記事の主張"},
        "claims.col.from": {"en": "Holds from", "ja": "成立する年"},
        "claims.col.projection": {"en": "Published projection", "ja": "公表された予測"},
        "claims.col.preset": {"en": "Preset", "ja": "プリセット"},
        "claims.col.verdict": {"en": "Verdict", "ja": "判定"},
        "claims.projections_title": {"en": "Published projections", "ja": "公表された予測"},
    }
)


def projection_text(key: str, english: str, lang: str = "en") -> str:
    """A published projection's headline (orbitdc.claims_years.PROJECTIONS) in ``lang``."""
    if lang == "ja" and key in i18n_ja.PROJECTIONS:
        return i18n_ja.PROJECTIONS[key]
    return english
