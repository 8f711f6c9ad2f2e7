"""Japanese text of the scenario schema, keyed by dotted key (English lives in the schema).

``FIELDS[key] = (short label, one-line meaning)``; ``OUTPUTS[key] = meaning``;
``CHOICES["section.field=choice"]`` or ``CHOICES[choice] = (English name, Japanese name)``;
``SECTIONS[name]``; ``PRESETS[name] = (title, description)``; claims text for
:mod:`orbitdc.claims`.  :func:`orbitdc.app.i18n.missing_translations` lists schema keys that
have no entry here (tests/test_app.py keeps it empty).
"""

from __future__ import annotations

# ============================================================================ sections

SECTIONS: dict[str, str] = {
    "orbit": "軌道：高度・軌道面・評価年",
    "compute": "計算機：アクセラレータ",
    "workload": "ワークロード：モデルとリクエスト",
    "thermal": "熱制御：ラジエータと排熱",
    "links": "通信リンク：RF フィーダ／ユーザリンク、光衛星間リンク、遅延",
    "power": "電力：太陽電池アレイとバッテリー",
    "launch": "打ち上げ：質量・大気抵抗・打ち上げ回数・配備",
    "finance": "財務：資本コストと軌道上コスト項目",
    "baselines": "比較対象：地上データセンターと駐車車両群",
}

# ============================================================================ English label overrides

EN_LABELS: dict[str, str] = {
    "orbit.type": "Orbit type",
    "orbit.ltan": "LTAN (local time of ascending node)",
    "orbit.raan": "RAAN on 1 January",
    "compute.flops_16bit": "FP16/BF16 throughput",
    "compute.flops_8bit": "FP8/INT8 throughput",
    "compute.junction_temperature_max": "Max junction temperature",
    "thermal.junction_temperature_max": "Max junction temperature (fallback)",
    "workload.model": "Model",
    "workload.kv_bytes_per_token": "KV cache per token",
    "links.isl_wdm_channels": "ISL WDM channels",
    "finance.nre": "Programme NRE",
    "finance.wacc": "WACC (discount rate)",
    "baselines.pue": "PUE",
    "power.payload_power": "Compute payload power (IT)",
    "launch.price_per_kg": "Launch price per kg",
    "launch.price_per_launch": "Launch price per launch",
    "launch.failure_rate": "Satellite failure rate",
    "compute.failure_rate": "Chip failure rate",
    "launch.bus_mass": "Bus mass",
    "launch.isp": "Propulsion Isp",
    "thermal.use_chip_junction_limit": "Use the chip's junction limit",
    "baselines.fleet_cars": "Cars in the fleet",
}

#: Display units for fields whose pint unit reads badly.
UNIT_LABELS: dict[str, str] = {
    "compute.flops_16bit": "FLOP/s",
    "compute.flops_8bit": "FLOP/s",
    "workload.active_parameters": "parameters",
    "workload.total_parameters": "parameters",
    "workload.prompt_tokens": "tokens",
    "workload.output_tokens": "tokens",
    "workload.batch": "requests",
    "baselines.fleet_cars": "cars",
    "launch.satellite_count": "satellites",
}

# ============================================================================ fields: (label, meaning)

FIELDS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- orbit
    "orbit.type": (
        "軌道の種類",
        "軌道の種類：'sso'（太陽同期軌道、LTAN で指定）または 'inclined'（傾斜軌道、軌道傾斜角と RAAN で指定）",
    ),
    "orbit.altitude": ("軌道高度", "赤道半径（6378.137 km）からの軌道高度"),
    "orbit.inclination": ("軌道傾斜角", "傾斜軌道の軌道傾斜角（'sso' では J2 から決まるため無視）"),
    "orbit.ltan": (
        "昇交点地方時 (LTAN)",
        "太陽同期軌道の昇交点通過地方時（6 時 = ドーン・ダスク、12 時 = 正午・真夜中。'inclined' では無視）",
    ),
    "orbit.raan": (
        "1月1日の昇交点赤経 (RAAN)",
        "評価年の1月1日 0:00 UTC における傾斜軌道の昇交点赤経（'sso' では無視）。β角周期の位相のみを決める",
    ),
    "orbit.year": ("評価年", "太陽位置・β角・日陰を評価する暦年"),
    # ---------------------------------------------------------------- compute
    "compute.accelerator": (
        "アクセラレータ",
        "アクセラレータの品種。消費電力・帯域・メモリ・演算性能・価格・質量を設定（'custom' は入力値を保持）",
    ),
    "compute.chip_power": ("チップ消費電力", "全負荷時のアクセラレータボード電力（TDP）"),
    "compute.memory_bandwidth": ("メモリ帯域", "アクセラレータ1個あたりのピークメモリ帯域"),
    "compute.memory": ("メモリ容量", "アクセラレータ1個あたりのメモリ容量（重みと KV キャッシュを保持）"),
    "compute.flops_16bit": (
        "FP16/BF16 演算性能",
        "密な FP16/BF16 テンソル演算性能（FLOP/s、スパース性なし）。8 ビットを超える重みで使用",
    ),
    "compute.flops_8bit": (
        "FP8/INT8 演算性能",
        "密な FP8/INT8 テンソル演算性能（FLOP/s、スパース性なし）。8 ビット以下の重みで使用",
    ),
    "compute.price_model": (
        "価格の決め方",
        "アクセラレータ価格の出所：'catalog'（チップ価格）または 'wafer'（ウェハコスト・ダイ数・歩留まり・パッケージ・メモリ・試験・利益率）",
    ),
    "compute.chip_price": ("チップ価格", "アクセラレータ1個の価格（price_model = 'catalog' のとき）"),
    "compute.wafer_cost": ("ウェハコスト", "加工済み 300 mm ウェハ1枚の価格（price_model = 'wafer'）"),
    "compute.die_area": ("ダイ面積", "ロジックダイの面積（price_model = 'wafer'）"),
    "compute.dies_per_package": (
        "パッケージあたりダイ数",
        "アクセラレータ1パッケージあたりのロジックダイ数（B200 型のデュアルダイなら 2）",
    ),
    "compute.yield_model": (
        "歩留まりモデル",
        "ダイ歩留まり：'fraction'（yield_fraction をそのまま使用）、または欠陥密度から 'poisson' か 'murphy' モデルで計算",
    ),
    "compute.yield_fraction": (
        "歩留まり",
        "yield_model = 'fraction' のときのダイ歩留まり（元記事：Samsung SF2 40〜45 %、TSMC N2 70 % 超）",
    ),
    "compute.defect_density": ("欠陥密度", "yield_model が 'poisson' または 'murphy' のときのキラー欠陥密度 D0"),
    "compute.packaging_cost": (
        "パッケージングコスト",
        "アクセラレータ1個あたりのパッケージ・インターポーザ・組立費（price_model = 'wafer'）",
    ),
    "compute.memory_cost": ("メモリコスト", "アクセラレータ1個あたりのメモリスタック費（price_model = 'wafer'）"),
    "compute.test_cost": ("試験コスト", "アクセラレータ1個あたりの試験・バーンイン費（price_model = 'wafer'）"),
    "compute.gross_margin": ("粗利益率", "ウェハ原価で価格付けする品種の販売者粗利益率：価格 = 原価 / (1 − 利益率)"),
    "compute.overhead_fraction": (
        "ホスト電力の比率",
        "ホスト CPU・メモリ・ネットワーク・電力変換損失（アクセラレータ電力に対する比率）",
    ),
    "compute.mass_per_chip": (
        "チップあたり質量",
        "アクセラレータ1個あたりのハードウェア質量：ボード・メモリ・コールドプレート・電源段とホスト・ネットワークの按分（ラジエータは含まない）",
    ),
    "compute.host_cost_fraction": (
        "ホスト費用の比率",
        "アクセラレータ1個あたりのホスト CPU・ボード・ネットワーク・統合費用（その価格に対する比率）",
    ),
    "compute.bandwidth_efficiency": ("帯域利用効率", "デコード時に達成するメモリ帯域のピーク比（モデル帯域利用率）"),
    "compute.compute_efficiency": ("演算利用効率", "プリフィルと演算律速デコードで達成する演算性能のピーク比（MFU）"),
    "compute.memory_compute_overlap": (
        "メモリ・演算の重なり",
        "デコード1ステップのメモリ転送と演算のうち、短い方が長い方の陰に隠れる割合（0 は直列、1 は理想的なルーフライン）",
    ),
    "compute.memory_usable_fraction": ("使用可能メモリ比率", "重みと KV キャッシュに使えるアクセラレータメモリの割合"),
    "compute.junction_temperature_max": (
        "最高接合部温度",
        "アクセラレータの許容最高接合部温度（熱経路とラジエータを決める）",
    ),
    "compute.recovery_time": ("復旧時間", "擾乱の後にレプリカを復旧する時間（リセット・再ロード・再キュー）"),
    "compute.failure_rate": ("チップ故障率", "アクセラレータ1個・1年あたりのハード故障数（軌道上では修理不可）"),
    "compute.spares_fraction": (
        "予備チップ比率",
        "稼働チップ1個あたりに搭載する予備アクセラレータ数（故障時に切り替え）",
    ),
    "compute.spare_failure_ratio": (
        "予備チップの故障率比",
        "稼働チップに対する待機中予備の故障率の比（0：休止中の予備は故障しない）",
    ),
    "compute.utilisation": ("稼働率", "処理すべき需要がある時間の割合（負荷率）"),
    # ---------------------------------------------------------------- workload
    "workload.model": (
        "モデル",
        "モデルのプリセット。パラメータ数・エキスパート比率・KV キャッシュを設定（'custom' は入力値を保持）",
    ),
    "workload.active_parameters": (
        "アクティブパラメータ数",
        "1トークンあたりに使うパラメータ数（密モデルなら全パラメータ）",
    ),
    "workload.total_parameters": (
        "総パラメータ数",
        "メモリに保持する全パラメータ数（密モデルではアクティブと同じ、MoE では全エキスパート）",
    ),
    "workload.expert_fraction": (
        "エキスパート使用比率",
        "各トークンが使うルーティング対象エキスパートの割合（top-k / エキスパート数、密モデルは 1）",
    ),
    "workload.bytes_per_parameter": (
        "パラメータあたりバイト数",
        "重み1個あたりの記憶量（BF16 は 2、FP8/INT8 は 1、FP4 は 0.5）",
    ),
    "workload.kv_bytes_per_token": (
        "トークンあたり KV キャッシュ",
        "コンテキスト1トークンあたりの KV キャッシュ（2 × 層数 × KV ヘッド数 × ヘッド次元 × 要素あたりバイト数）",
    ),
    "workload.batch": ("バッチサイズ", "モデルレプリカ1つあたりの同時処理リクエスト数"),
    "workload.prompt_tokens": ("プロンプトトークン数", "1リクエストあたりのプロンプト（入力）トークン数"),
    "workload.output_tokens": ("出力トークン数", "1リクエストあたりの生成（出力）トークン数"),
    "workload.bytes_per_token_in": (
        "入力トークンあたりバイト数",
        "アップリンクで運ぶプロンプト1トークンあたりのユーザデータ（UTF-8 テキスト）",
    ),
    "workload.bytes_per_token_out": (
        "出力トークンあたりバイト数",
        "ダウンリンクで運ぶ出力1トークンあたりのユーザデータ（UTF-8 テキスト）",
    ),
    # ---------------------------------------------------------------- thermal
    "thermal.emissivity": ("放射率", "ラジエータ表面の赤外放射率"),
    "thermal.absorptivity": ("太陽光吸収率", "ラジエータ表面の太陽光吸収率"),
    "thermal.absorptivity_rate": (
        "吸収率の年間上昇",
        "軌道上での紫外線・汚染によるラジエータ太陽光吸収率の年あたり上昇（ラジエータは寿命末期の値で設計）",
    ),
    "thermal.sides": ("放熱面の数", "パネル1枚あたりの放熱面数：展開式パネルは 2、背面を断熱した機体取付パネルは 1"),
    "thermal.fin_efficiency": ("フィン効率", "フィン効率：根元温度で等温のパネルに対する放熱量の比"),
    "thermal.areal_density": (
        "ラジエータ面密度",
        "投影面積あたりのラジエータ質量（パネル・ヒートパイプまたは流体配管・マニホールド・展開機構）",
    ),
    "thermal.stowed_thickness": ("収納時の厚さ", "パネル1枚あたりの収納時（折りたたみ）厚さ。打ち上げ容積の計算に使用"),
    "thermal.use_chip_junction_limit": (
        "チップの接合部温度上限を使う",
        "計算機ステージのチップが接合部温度上限を持つ場合はそれを使う（オフなら下の最高接合部温度を使用）",
    ),
    "thermal.junction_temperature_max": (
        "最高接合部温度（代替値）",
        "チップ接合部の温度上限（計算機ステージが与えない場合、またはチップの上限を使わない場合に使用）",
    ),
    "thermal.cold_plate_drop": (
        "コールドプレート温度差",
        "接合部から冷媒までの温度低下（ダイ・パッケージ・界面材・コールドプレート）",
    ),
    "thermal.loop_drop": ("冷却ループ温度上昇", "ポンプ駆動ループを一巡する冷媒の温度上昇（戻り − 供給）"),
    "thermal.heat_exchanger_drop": (
        "熱交換器の温度差",
        "ループからラジエータへの熱交換器（またはヒートパイプ蒸発部）のアプローチ温度差",
    ),
    "thermal.heat_pump": (
        "ヒートポンプ",
        "冷却ループとラジエータの間のヒートポンプ：'none'（なし）、'optimal'（ラジエータ・電源系・ポンプの合計質量を最小にする揚程）、'fixed'（heat_pump_lift の固定揚程）",
    ),
    "thermal.heat_pump_lift": ("ヒートポンプ揚程", "heat_pump = 'fixed' のときのヒートポンプの温度揚程"),
    "thermal.max_lift": ("最大揚程", "heat_pump = 'optimal' のとき探索する最大揚程"),
    "thermal.fraction_of_carnot": (
        "カルノー効率比",
        "ヒートポンプの COP のカルノー COP（T_cold / (T_hot − T_cold)）に対する比",
    ),
    "thermal.heat_pump_specific_mass": (
        "ヒートポンプ比質量",
        "ヒートポンプの電力 1 kW あたりのハードウェア質量（圧縮機・モータ・熱交換器）",
    ),
    "thermal.tilt": ("ラジエータ傾き", "ラジエータ法線と天底方向のなす角（90 = 地球に対して真横）"),
    "thermal.solar_incidence": (
        "太陽入射角",
        "姿勢制御で保つラジエータ法線と太陽方向のなす角（90 = 太陽光がパネルをかすめる）",
    ),
    "thermal.design_case": (
        "設計条件",
        "サイジングに使う環境：'orbit_average'（年間で最も暑い軌道の周回平均負荷）または 'peak'（その太陽直下点での定常状態）",
    ),
    "thermal.earth_ir": ("地球赤外放射", "大気上端での地球の外向き赤外放射フラックス"),
    "thermal.albedo": ("アルベド", "地球のアルベド（反射される太陽光の割合）"),
    # ---------------------------------------------------------------- links
    "links.band": ("周波数帯", "周波数帯。ダウンリンク・アップリンク周波数とチャネル幅を設定"),
    "links.downlink_frequency": ("ダウンリンク周波数", "衛星から地上への搬送波周波数"),
    "links.uplink_frequency": ("アップリンク周波数", "地上から衛星への搬送波周波数"),
    "links.channel_bandwidth": ("チャネル帯域幅", "搬送波1つの占有帯域幅（両方向）"),
    "links.rolloff": ("ロールオフ率", "ルートレイズドコサインのロールオフ係数"),
    "links.atmosphere_extrapolation": (
        "大気減衰モデルの外挿",
        "ITU-R P.618 斜路モデルを適用範囲外の 55 GHz 超（E 帯）でも使うことを許可",
    ),
    "links.ground_site": ("地上局サイト", "地上局（ゲートウェイ）の地点名。緯度・経度を設定"),
    "links.ground_latitude": ("地上局の緯度", "地上局の緯度"),
    "links.ground_longitude": ("地上局の経度", "地上局の経度（東経が正）"),
    "links.elevation": ("仰角", "地上局から見た衛星の設計（最低）仰角"),
    "links.availability": (
        "回線稼働率",
        "平均年のうちリンクが成立すべき時間の割合（100 % − この値 の確率で超える減衰で設計）",
    ),
    "links.carriers": (
        "搬送波数",
        "衛星1機あたりの同時ダウンリンク搬送波／ビーム数（視野内の地上局またはユーザ端末ビーム）",
    ),
    "links.duty_cycle": ("デューティ比", "搬送波の視野内に地上局がある時間の割合"),
    "links.tx_power_per_carrier": ("搬送波あたり送信電力", "搬送波1つあたりの衛星 RF 出力"),
    "links.satellite_array_area": ("衛星アレイ面積", "衛星のフェーズドアレイ開口面積（送信・受信それぞれ）"),
    "links.satellite_array_efficiency": ("衛星アレイ開口効率", "正面方向での衛星アレイの開口効率"),
    "links.scan_exponent": ("スキャン損失指数", "cos^x(スキャン角) のスキャン損失指数 x"),
    "links.satellite_noise_figure_db": ("衛星受信機の雑音指数", "衛星受信機の雑音指数 [dB]"),
    "links.satellite_antenna_temperature": ("衛星アンテナ雑音温度", "地球を向いた衛星受信アンテナの雑音温度"),
    "links.amplifier_efficiency": ("増幅器効率", "衛星電力増幅器の直流から RF への効率"),
    "links.electronics_power_per_carrier": (
        "搬送波あたり電子機器電力",
        "搬送波1つあたりのモデム・ビームフォーマ・受信機の直流電力",
    ),
    "links.rf_mass_per_carrier": (
        "搬送波あたり RF 質量",
        "搬送波1つあたりの RF ペイロード質量（アレイの按分・増幅器・モデム）",
    ),
    "links.capacity_cap": (
        "RF 容量の上限",
        "回線計算の結果にかかわらず衛星が RF で地上へ送れる最大量（周波数・ビーム・処理能力の制約）",
    ),
    "links.ground_antenna_diameter": (
        "地上アンテナ直径",
        "地上アンテナの直径（ゲートウェイのパラボラまたは同等のユーザアレイ）",
    ),
    "links.ground_antenna_efficiency": ("地上アンテナ開口効率", "地上アンテナの開口効率"),
    "links.ground_noise_figure_db": ("地上受信機の雑音指数", "地上受信機（LNA）の雑音指数 [dB]"),
    "links.ground_spillover_temperature": (
        "地上アンテナのスピルオーバー雑音",
        "地面へのスピルオーバーとレドームによる地上局アンテナ雑音（空の雑音に加算）",
    ),
    "links.ground_tx_power": ("地上局送信電力", "アップリンク搬送波1つあたりの地上局 RF 電力"),
    "links.other_losses_db": ("その他の損失", "リンクごとのポインティング・偏波・給電損失 [dB]"),
    "links.implementation_loss_db": ("実装損失", "理想的な DVB-S2X しきい値に対するモデムの実装損失 [dB]"),
    "links.required_margin_db": ("必要マージン", "設計フェード時に選んだ MODCOD が残すべきマージン [dB]"),
    "links.isl_terminals": ("光 ISL 端末数", "衛星1機あたりのレーザー衛星間リンク端末数"),
    "links.isl_range": ("ISL 距離", "衛星間リンクの距離（1ホップ）"),
    "links.isl_wavelength": ("レーザー波長", "レーザーの波長"),
    "links.isl_aperture": ("望遠鏡開口径", "望遠鏡の有効開口（送受信共通）"),
    "links.isl_tx_power": ("光送信電力", "光の送信電力"),
    "links.isl_optics_efficiency": ("光学系効率", "送信（および受信）アンテナ効率（トランケーションと光学系を含む）"),
    "links.isl_pointing_error": ("指向誤差", "送信ビームの静的指向誤差"),
    "links.isl_photons_per_bit": ("1ビットあたり光子数", "目標 BER における受信感度（1ビットあたりの光子数）"),
    "links.isl_channel_rate": ("光チャネル速度", "光トランシーバ1台の回線速度（モデムの上限）"),
    "links.isl_wdm_channels": ("WDM チャネル数", "端末1台あたりの波長分割多重チャネル数"),
    "links.isl_margin_db": ("光リンクマージン", "予備として確保する光リンクマージン [dB]"),
    "links.isl_relay_fraction": (
        "ISL 中継利用率",
        "この衛星のトラフィックを地上へ送る隣接衛星に渡すのに使える ISL 容量の割合",
    ),
    "links.isl_terminal_mass": ("光端末の質量", "レーザー端末1台あたりの質量"),
    "links.isl_terminal_power": ("光端末の電力", "レーザー端末1台あたりの直流電力"),
    "links.isl_hops": ("ISL ホップ数", "ユーザのアクセス衛星から計算衛星までの衛星間ホップ数"),
    "links.processing_per_hop": ("ホップあたり処理遅延", "経由する各衛星での交換・処理遅延"),
    "links.fibre_route_factor": ("光ファイバ経路係数", "地上光ファイバの経路長 / 大円距離"),
    "links.fibre_group_index": ("光ファイバ群屈折率", "光ファイバの群屈折率"),
    "links.protocol_overhead": (
        "プロトコルオーバーヘッド",
        "トークンテキスト1バイトあたりの回線上のバイト数（フレーミング・TLS・JSON）",
    ),
    # ---------------------------------------------------------------- power
    "power.payload_power": ("計算ペイロード電力 (IT)", "衛星1機あたりの計算ペイロードの電力（IT 負荷）"),
    "power.bus_power_fraction": ("バス電力比率", "ハウスキーピング（バス）負荷のペイロード電力に対する比率"),
    "power.mission_life": (
        "ミッション寿命",
        "衛星の設計寿命（劣化・サイクル・更新・資本回収のすべてのモジュールで使用）",
    ),
    "power.cell_type": ("太陽電池セルの種類", "太陽電池セルの種類。効率・温度係数・劣化・面密度・W 単価を設定"),
    "power.cell_efficiency": ("セル効率", "寿命初期・AM0・28 °C でのセル効率"),
    "power.temperature_coefficient": ("温度係数", "28 °C を超える温度1ケルビンあたりのセル効率の相対変化"),
    "power.packing_factor": ("セル充填率", "アレイ面積のうち発電セルが覆う割合"),
    "power.pointing_loss": ("指向損失", "斜入射（1 − 平均入射角の cos）と配線・ミスマッチ損失で失うアレイ出力の割合"),
    "power.degradation_per_year": ("年間劣化率", "アレイ出力の年あたりの低下率（放射線・紫外線・熱サイクル）"),
    "power.array_areal_density": ("アレイ面密度", "太陽電池翼の面積あたり質量（セル・ブランケット・ブーム・機構）"),
    "power.battery_specific_energy": (
        "バッテリー比エネルギー",
        "パックレベル（セル・構造・配線・電子機器）でのバッテリー質量あたりエネルギー",
    ),
    "power.depth_of_discharge": ("放電深度", "日陰1回あたりの設計放電深度"),
    "power.battery_efficiency": ("バッテリー放電効率", "バッテリー端子から負荷までの放電効率"),
    "power.battery_cycle_life": ("バッテリーサイクル寿命", "基準放電深度でのバッテリーサイクル寿命"),
    "power.battery_cycle_life_dod": ("サイクル寿命の基準放電深度", "バッテリーサイクル寿命が示される放電深度"),
    "power.battery_cycle_life_exponent": ("サイクル寿命の指数", "サイクル寿命則 N = N_ref (DoD/DoD_ref)^-b の指数 b"),
    "power.path_efficiency_eclipse": ("日陰時の経路効率", "X_e：アレイ → バッテリー → 負荷の経路効率"),
    "power.path_efficiency_daylight": ("日照時の経路効率", "X_d：アレイ → 負荷の経路効率"),
    # ---------------------------------------------------------------- launch
    "launch.vehicle": ("ロケット", "打ち上げロケット。カタログからペイロード・容積・価格・上段の値を設定"),
    "launch.payload_mass": ("ペイロード質量", "ロケットの基準軌道へのペイロード能力"),
    "launch.payload_volume": ("ペイロード容積", "使用可能なペイロード（フェアリング）容積"),
    "launch.price_basis": (
        "価格の基準",
        "打ち上げ1回の価格をどの入力で決めるか：'auto'（price_per_launch と price_per_kg のうちカタログ値と異なる方、どちらも同じなら price_per_launch）、'per_kg'（price_per_kg × ペイロード質量）、'per_launch'",
    ),
    "launch.price_per_kg": (
        "kg あたり打ち上げ価格",
        "基準ペイロード能力 1 kg あたりの打ち上げ価格（打ち上げ1回の価格 = price_per_kg × ペイロード質量。price_basis を参照）",
    ),
    "launch.price_per_launch": ("打ち上げ1回の価格", "打ち上げ1回あたりの価格（price_basis を参照）"),
    "launch.reference_altitude": ("基準高度", "ペイロード質量が示される円軌道の高度"),
    "launch.reference_inclination": ("基準軌道傾斜角", "ペイロード質量が示される軌道傾斜角"),
    "launch.launch_latitude": ("射場緯度", "射場の緯度（これより低い軌道傾斜角には軌道面変更が必要）"),
    "launch.upper_stage_dry_mass": (
        "上段の乾燥質量",
        "ペイロードを届ける段の燃焼終了時質量（高度・傾斜角によるペイロード減少の計算用）",
    ),
    "launch.upper_stage_isp": ("上段の比推力", "その段の真空中比推力"),
    "launch.sizing": (
        "コンステレーション規模の決め方",
        "コンステレーションの規模：'total_power'（総 IT 電力 / 衛星1機のペイロード電力、切り上げ）または 'satellites'（衛星数）",
    ),
    "launch.total_it_power": ("軌道上の総 IT 電力", "軌道上の計算ペイロード電力の合計（sizing = total_power のとき）"),
    "launch.satellite_count": ("衛星数", "コンステレーションの衛星数（sizing = satellites のとき）"),
    "launch.structure_fraction": ("構体比率", "衛星乾燥質量に対する構体・機構の比率"),
    "launch.bus_mass": ("バス質量", "固定のバス質量：姿勢制御・アビオニクス・配線・ラジエータ以外の熱制御"),
    "launch.shielding_areal_density": ("遮蔽の面密度", "計算機電子機器を囲む放射線遮蔽の面積あたり質量"),
    "launch.electronics_density": ("電子機器の実装密度", "計算機ハードウェアの実装密度（遮蔽箱の面積を決める）"),
    "launch.solar_activity": ("太陽活動", "大気の太陽活動レベル：low（F10.7 = 70）、mean（128.8）、high（250）"),
    "launch.drag_coefficient": ("抗力係数", "自由分子流の抗力係数"),
    "launch.array_attitude": (
        "アレイ姿勢",
        "抗力計算での太陽電池アレイの姿勢：'sun-tracking'（軌道のβ角から投影面積）または 'fixed'（drag_area_factor）",
    ),
    "launch.drag_area_factor": ("抗力面積係数", "気流に向くラジエータ面積（および 'fixed' アレイ）の周回平均割合"),
    "launch.station_keeping": (
        "軌道保持",
        "推進系で大気抵抗に抗して高度を保つ（オフ：補償なし。衛星は落下するか設計寿命まで運用）",
    ),
    "launch.isp": ("推進系の比推力", "衛星の推進系の比推力"),
    "launch.propulsion_fraction": (
        "推進系ハードウェア比率",
        "推進剤 1 kg あたりの推進系ハードウェア（タンク・スラスタ・配管）質量",
    ),
    "launch.disposal": (
        "運用終了時の廃棄方法",
        "運用終了時の廃棄：'spiral'（低推力で disposal_altitude まで螺旋降下）、'impulsive'（1回の噴射で近地点を disposal_altitude へ）、'passive'（自然落下に任せる）",
    ),
    "launch.disposal_altitude": ("廃棄高度", "螺旋降下の最終円軌道高度、または噴射廃棄の楕円軌道の近地点高度"),
    "launch.array_stowed_density": ("アレイの収納密度", "梱包の隙間を含む太陽電池アレイの収納（打ち上げ）時密度"),
    "launch.other_stowed_density": (
        "その他の収納密度",
        "その他すべて（バス・計算機・バッテリー・推進剤・構体）の収納時密度",
    ),
    "launch.packing": (
        "積載方法",
        "'discrete'：打ち上げ1回に衛星を丸ごと積む、'bulk'：質量・容積を分割可能（軌道上でモジュールを組立）",
    ),
    "launch.cadence": ("打ち上げ頻度", "計画に使える年間打ち上げ回数"),
    "launch.failure_rate": ("衛星故障率", "衛星全体のランダム故障率（故障に応じて更新）"),
    "launch.deploy_rate": ("配備速度", "配備速度モードで年間に配備する IT 電力（元記事：年 1 TW）"),
    # ---------------------------------------------------------------- finance
    "finance.wacc": ("WACC（割引率）", "加重平均資本コスト（年あたり割引率）。すべての方式に共通"),
    "finance.bus_cost_per_kg": (
        "バスの kg 単価",
        "衛星バスの乾燥質量 1 kg あたりの量産費用（構体・アビオニクス・姿勢制御・推進・配線）",
    ),
    "finance.array_cost_per_watt": (
        "アレイの W 単価",
        "寿命初期出力 1 W あたりの太陽電池アレイ費用（セル・ブランケット・構造・駆動機構）",
    ),
    "finance.battery_cost_per_kwh": ("バッテリーの kWh 単価", "搭載エネルギー 1 kWh あたりの宇宙用バッテリー費用"),
    "finance.radiator_cost_per_m2": (
        "ラジエータの m² 単価",
        "展開式ラジエータの 1 m² あたり費用（パネル・ヒートパイプまたはポンプループ・ヒンジ）",
    ),
    "finance.link_terminals": ("通信端末数", "衛星1機あたりの通信端末数（光衛星間リンクと地上リンク）"),
    "finance.link_terminal_cost": ("通信端末の単価", "通信端末1台の費用"),
    "finance.integration_fraction": (
        "組立・試験費比率",
        "宇宙機ハードウェア（チップを除く）に対する組立・統合・試験費の比率",
    ),
    "finance.nre": ("開発費 (NRE)", "計画全体の非定常開発費（設計・認定・地上系構築）。全衛星で按分"),
    "finance.insurance_rate": ("保険料率", "打ち上げ＋軌道上保険の年間保険料（衛星資本費に対する割合）"),
    "finance.operations_cost": ("運用費", "衛星1機・1年あたりの運用・地上系費用"),
    "finance.transit_price": (
        "データ転送単価",
        "ユーザデータを衛星との間で運ぶ価格（周波数・ゲートウェイ・Starlink 中継）",
    ),
    "finance.data_overhead": (
        "データのオーバーヘッド",
        "ユーザデータに対するプロトコルフレーミングの倍率（TCP/IP・TLS・HTTP/JSON）。リンク側で与えない場合に転送費と車両群のデータ費に使用",
    ),
    # ---------------------------------------------------------------- baselines
    "baselines.ground_power_source": ("地上の電源", "地上データセンターの電力供給源"),
    "baselines.facility_cost": ("施設費", "IT 1 W あたりのデータセンター建設費（建屋・電気・冷却。チップを除く）"),
    "baselines.facility_life": ("施設の耐用年数", "データセンター施設の経済的耐用年数"),
    "baselines.facility_om": (
        "施設の運用保守費",
        "施設資本費に対する年間運用保守費の割合（人件費・保守・固定資産税・保険）",
    ),
    "baselines.pue": ("PUE", "電力使用効率（施設全体の電力 / IT 電力）"),
    "baselines.interconnection_wait": ("系統接続待ち", "送電網への接続待ちの期間（その間、施設の資本を WACC で負担）"),
    "baselines.grid_price": ("系統電力価格", "系統電力の価格（産業用料金）"),
    "baselines.gas_price": ("天然ガス価格", "天然ガス燃料の価格"),
    "baselines.gas_heat_rate": ("ガス発電の熱消費率", "構内ガス発電所の熱消費率（電力 1 kWh あたりの燃料高位発熱量）"),
    "baselines.gas_plant_cost": ("ガス発電所の建設費", "構内ガス発電所の容量 1 kW あたりの建設費"),
    "baselines.gas_fixed_om": ("ガス発電の固定運用保守費", "ガス発電所の 1 kW・1 年あたり固定運用保守費"),
    "baselines.gas_variable_om": ("ガス発電の変動運用保守費", "ガス発電所の 1 MWh あたり変動運用保守費"),
    "baselines.gas_redundancy": (
        "ガス発電の冗長度",
        "平均負荷に対する設置ガス発電容量（N+1 台構成・保守・ピーク対応）",
    ),
    "baselines.solar_site": ("太陽光の地点", "PV＋蓄電の計算に使う標準年気象データ（pvlib 同梱）"),
    "baselines.solar_array_cost": ("PV の W 単価", "事業用 PV の設置費（W_dc あたり、固定傾斜）"),
    "baselines.solar_om": ("PV の運用保守費", "PV の kW_dc・1 年あたり固定運用保守費"),
    "baselines.solar_life": ("PV の寿命", "PV 発電所の寿命"),
    "baselines.storage_cost": ("蓄電池の kWh 単価", "設置済み蓄電池の 1 kWh あたり費用"),
    "baselines.storage_life": ("蓄電池の寿命", "蓄電池の寿命"),
    "baselines.storage_efficiency": ("蓄電池の往復効率", "蓄電池の往復効率（交流→交流）"),
    "baselines.solar_reliability": (
        "PV＋蓄電の供給率",
        "PV＋蓄電所が賄うべき負荷電力量の割合（残りは系統から grid_price で購入）",
    ),
    "baselines.fleet_cars": ("車両台数", "推論用コンピュータを搭載した車の台数"),
    "baselines.fleet_chip_power": ("車1台あたり計算電力", "車1台あたりの推論用コンピュータの電力"),
    "baselines.fleet_parked_fraction": ("駐車時間の割合", "車が駐車している時間の割合"),
    "baselines.fleet_plugged_fraction": (
        "充電接続の割合",
        "駐車時間のうち充電ケーブルにも接続されている割合（駆動用バッテリーを消耗せず系統電力で計算）",
    ),
    "baselines.fleet_consent_fraction": ("所有者同意の割合", "接続時間のうち所有者が計算を許可する割合"),
    "baselines.fleet_chip_cost_share": (
        "チップ費用の負担割合",
        "車載コンピュータ価格のうち推論事業者が負担する割合（所有者が運転用に購入済みなら 0）",
    ),
    "baselines.fleet_owner_payment": (
        "所有者への支払い（kWh あたり）",
        "電気代の払い戻しに加えて所有者に支払う消費 1 kWh あたりの金額",
    ),
    "baselines.fleet_owner_payment_hourly": ("所有者への支払い（時間あたり）", "計算1時間あたりに所有者へ支払う金額"),
    "baselines.fleet_electricity_price": ("家庭用電力価格", "家庭用電力の価格（所有者に払い戻す）"),
    "baselines.fleet_data_price": ("車のデータ通信単価", "車の通信に使う携帯または衛星データ通信の価格"),
    "baselines.fleet_wear_cost": (
        "摩耗コスト",
        "計算1時間あたりの摩耗（充電器・コンタクタ・冷却ポンプ、車を起動し続けることによるバッテリーの経年劣化）",
    ),
    "baselines.fleet_overhead": (
        "冗長化による損失",
        "信頼できない断続的なノードでの冗長化・検証で失われる計算トークンの割合",
    ),
    "baselines.fleet_power_overhead": (
        "車の電力オーバーヘッド",
        "計算中のチップ電力に対するコンセント電力の比（充電器損失・車両の熱管理・待機電子機器）",
    ),
}

# ============================================================================ outputs

OUTPUTS: dict[str, str] = {
    # ---------------------------------------------------------------- orbit
    "orbit.altitude": "赤道半径からの軌道高度",
    "orbit.period": "軌道周期（二体問題・円軌道）",
    "orbit.inclination": "軌道傾斜角（太陽同期軌道では J2 から算出）",
    "orbit.raan_drift_rate": "J2 による昇交点の移動速度（太陽同期軌道では 0.9856 °/日）",
    "orbit.eclipse_fraction_mean": "1年のうち地球の影にいる時間の割合（円筒影モデル）",
    "orbit.sunlit_fraction_mean": "1年のうち日照にある時間の割合（1 − 平均日陰率）",
    "orbit.eclipse_fraction_max": "1周回あたり日陰率の年間最大値",
    "orbit.eclipse_duration_max": "1年で最も長い日陰1回の長さ",
    "orbit.eclipse_days": "1年のうち日陰が1回以上ある日数",
    "orbit.beta_min": "1年の太陽β角の最小値（符号付き）",
    "orbit.beta_max": "1年の太陽β角の最大値（符号付き）",
    "orbit.beta_abs_min": "1年の |β| の最小値（βの符号が変わるなら 0）",
    "orbit.beta_abs_max": "1年の |β| の最大値",
    "orbit.sun_distance_min": "1年で最も近い地球・太陽間距離（近日点）",
    "orbit.sun_distance_max": "1年で最も遠い地球・太陽間距離（遠日点）",
    # ---------------------------------------------------------------- compute
    "compute.chips": "衛星1機あたりの稼働アクセラレータ数",
    "compute.spare_chips": "衛星1機あたりの予備アクセラレータ数",
    "compute.chips_per_replica": "モデルレプリカ1つと KV キャッシュを保持するアクセラレータ数",
    "compute.it_power": "衛星1機あたりの IT（ペイロード）電力",
    "compute.heat": "衛星1機あたりのペイロード排熱（IT 電力はすべて熱になる）",
    "compute.chip_price": "アクセラレータ1個の価格（カタログ値またはウェハ原価から）",
    "compute.good_dies_per_wafer": "ウェハ原価で価格付けする品種のウェハあたり良品ダイ数（ダイ数 × 歩留まり）",
    "compute.die_yield": "ウェハ原価で価格付けする品種のダイ歩留まり",
    "compute.tokens_per_second_per_chip": "アクセラレータ1個の全負荷時の出力トークン毎秒（ルーフライン × 効率、ディレーティング前）",
    "compute.tokens_per_second_peak": "全チップ稼働・全負荷時の衛星1機あたり出力トークン毎秒",
    "compute.tokens_per_second": "衛星1機あたりの出力トークン毎秒（寿命平均の実績：故障・ソフトエラー・稼働率込み）",
    "compute.prompt_tokens_per_second": "衛星1機あたりのプロンプトトークン毎秒（寿命平均）",
    "compute.requests_per_second": "衛星1機あたりのリクエスト毎秒（寿命平均）",
    "compute.tokens_delivered": "ミッション寿命中に衛星1機が届ける出力トークン数",
    "compute.energy_per_token": "全負荷時の出力1トークンあたり電力量（オーバーヘッド込み）",
    "compute.time_per_output_token": "1リクエストの出力1トークンあたりのデコード時間（トークン間遅延）",
    "compute.time_to_first_token": "プロンプト1バッチのプリフィル時間（最初のトークンまでの時間）",
    "compute.compute_bound": "デコードが演算律速（1）かメモリ帯域律速（0）か",
    "compute.mean_active_fraction": "稼働チップのうち動作している割合の寿命平均（故障・予備）",
    "compute.retry_efficiency": "ソフトエラーによる再実行で失われない作業の割合",
    "compute.hardware_mass": "衛星1機あたりのアクセラレータハードウェア質量（予備込み）",
    "compute.mass_per_kw": "IT 電力 1 kW あたりのアクセラレータハードウェア質量",
    "compute.hardware_cost": "衛星1機あたりのアクセラレータ・ホスト・ネットワーク機器費（予備込み）",
    "compute.junction_temperature_max": "アクセラレータの接合部温度上限",
    # ---------------------------------------------------------------- thermal
    "thermal.waste_heat": "ラジエータが捨てるべきペイロードとバスの排熱",
    "thermal.heat_rejected": "ラジエータが捨てる熱：排熱＋ヒートポンプ電力",
    "thermal.radiator_area": "ラジエータの投影面積（各パネルは 'sides' 面から放熱）",
    "thermal.radiator_mass": "ラジエータ質量",
    "thermal.area_per_kw": "排熱 1 kW あたりのラジエータ投影面積",
    "thermal.stowed_volume": "打ち上げ時のラジエータ収納容積（面積 × 収納厚さ）",
    "thermal.radiator_temperature": "ラジエータ（フィン根元）温度",
    "thermal.loop_temperature": "ヒートポンプなしで接合部温度上限が許すラジエータ温度",
    "thermal.junction_temperature_max": "使用した接合部温度上限",
    "thermal.sink_temperature": "ラジエータ周囲環境の実効シンク温度",
    "thermal.heat_pump_power": "ヒートポンプの電力（電源系への追加負荷）",
    "thermal.heat_pump_lift": "ヒートポンプの温度揚程（0：ポンプなし）",
    "thermal.heat_pump_mass": "ヒートポンプのハードウェア質量",
    "thermal.view_factor": "ラジエータ1面から見た地球の形態係数",
    "thermal.solar_flux": "パネル面積あたりに吸収する直達太陽光（設計軌道）",
    "thermal.albedo_flux": "パネル面積あたりに吸収する地球アルベド（設計軌道）",
    "thermal.earth_ir_flux": "パネル面積あたりに吸収する地球赤外放射（設計軌道）",
    "thermal.absorbed_flux": "パネル面積あたりに吸収する環境熱流束の合計",
    "thermal.absorptivity_eol": "寿命末期のラジエータ太陽光吸収率（設計値）",
    "thermal.environmental_load": "ラジエータ全体が吸収する環境からの熱",
    # ---------------------------------------------------------------- links
    "links.margin": "設計フェード時の、選択 MODCOD しきい値に対するダウンリンクのマージン [dB]（負：回線不成立）",
    "links.capacity": "回答用の衛星1機あたり容量：RF ダウンリンク（デューティ比・上限込み）＋使用可能な ISL",
    "links.uplink_capacity": "プロンプト用の衛星1機あたり容量：RF アップリンク（デューティ比込み）＋使用可能な ISL",
    "links.token_rate_limit": "リンクが運べる衛星1機あたりの出力トークン毎秒",
    "links.request_rate_limit": "リンクが運べる衛星1機あたりのリクエスト毎秒",
    "links.binding": "リンクがトークン速度を計算ペイロード以下に制限するか（1）否か（0）",
    "links.headroom": "リンク制約のトークン速度 / 計算のトークン速度（1 未満：リンクが制約）",
    "links.latency": "往復遅延：ユーザ → アクセス衛星 → ISL ホップ → 計算衛星（伝搬＋処理）",
    "links.fibre_latency": "同じ大円距離の地上光ファイバでの往復遅延",
    "links.latency_vs_fibre": "links.latency − links.fibre_latency（負：軌道の方が速い）",
    "links.ground_distance": "光ファイバとの比較に使う、ユーザから計算衛星直下点までの大円距離",
    "links.power": "衛星1機あたりの通信端末の電力（RF＋レーザー）",
    "links.mass": "衛星1機あたりの通信端末の質量（RF＋レーザー）",
    "links.slant_range": "設計仰角でのスラントレンジ",
    "links.downlink_path_loss": "ダウンリンクの自由空間伝搬損失 [dB]",
    "links.downlink_atmospheric_loss": "年間の (100 % − 稼働率) の確率で超えるダウンリンク大気減衰 [dB]",
    "links.uplink_atmospheric_loss": "同じ稼働率でのアップリンク大気減衰 [dB]",
    "links.downlink_eirp": "地上局方向の搬送波あたり衛星 EIRP [dBW]",
    "links.downlink_g_over_t": "空の雑音上昇を含む地上局 G/T [dB/K]",
    "links.downlink_es_n0": "設計フェード時のダウンリンク Es/N0 [dB]",
    "links.downlink_modcod": "設計フェード時のダウンリンク DVB-S2X MODCOD",
    "links.downlink_spectral_efficiency": "ダウンリンクの1シンボルあたり情報ビット数 [bit/symbol]",
    "links.downlink_carrier_capacity": "設計フェード時のダウンリンク搬送波1つの情報速度",
    "links.downlink_shannon_capacity": "同じ帯域幅でのダウンリンク搬送波1つのシャノン限界",
    "links.uplink_margin": "設計フェード時のアップリンクマージン [dB]",
    "links.uplink_modcod": "設計フェード時のアップリンク DVB-S2X MODCOD",
    "links.uplink_carrier_capacity": "設計フェード時のアップリンク搬送波1つの情報速度",
    "links.rf_downlink_capacity": "衛星1機あたりの RF ダウンリンク容量（搬送波数 × デューティ比、上限あり）",
    "links.isl_rate": "レーザーリンク1本の達成速度（電力またはモデムで制約）",
    "links.isl_margin": "達成速度の回線速度でのレーザーリンク1本の光マージン [dB]",
    "links.isl_received_power": "ISL 1ホップで受信する光電力",
    "links.isl_capacity": "衛星1機あたりの使用可能 ISL 容量（端末数 × 速度 × 中継利用率）",
    # ---------------------------------------------------------------- power
    "power.load": "衛星1機あたりの総電力負荷：ペイロード＋バス＋ヒートポンプ＋通信",
    "power.irradiance": "サイジングに使う太陽放射照度（遠日点）",
    "power.cell_temperature": "太陽電池セルの動作温度",
    "power.cell_efficiency_bol": "動作温度でのセル効率（寿命初期）",
    "power.cell_efficiency_eol": "動作温度でのセル効率 × 寿命中の劣化",
    "power.degradation_factor": "寿命末期に残るアレイ出力の割合 (1 − d)^寿命",
    "power.array_power_eol": "寿命末期に日照中に必要なアレイ出力（SMAD 式 11-5）",
    "power.array_power_bol": "同じアレイの寿命初期の出力",
    "power.array_area": "衛星1機あたりの太陽電池アレイ面積",
    "power.array_mass": "衛星1機あたりの太陽電池アレイ質量",
    "power.battery_energy": "最長の日陰に必要なバッテリー公称エネルギー",
    "power.battery_mass": "衛星1機あたりのバッテリー質量",
    "power.system_mass": "衛星1機あたりのアレイ＋バッテリー質量",
    "power.battery_cycles": "ミッション中のバッテリー充放電サイクル数",
    "power.battery_cycle_life": "設計放電深度でのバッテリーサイクル寿命",
    "power.battery_cycle_life_margin": "1 − サイクル数 / サイクル寿命：ミッション終了時に残るサイクル寿命の割合（負：寿命切れ）",
    "power.mass_per_watt": "負荷 1 W 増加あたりのアレイ＋バッテリー質量の増分",
    # ---------------------------------------------------------------- launch
    "launch.satellite_mass": "衛星1機あたりの打ち上げ（推進剤込み）質量：launch.mass_* の合計",
    "launch.dry_mass": "推進剤を除く衛星質量",
    "launch.mass_compute": "質量内訳：計算機ハードウェア（チップ・ボード・メモリ・電力変換。compute.hardware_mass）",
    "launch.mass_array": "質量内訳：太陽電池アレイ（power.array_mass）",
    "launch.mass_battery": "質量内訳：バッテリー（power.battery_mass）",
    "launch.mass_radiator": "質量内訳：ラジエータ・冷却ループ・ヒートポンプ（thermal.radiator_mass＋thermal.heat_pump_mass）",
    "launch.mass_links": "質量内訳：通信端末（links.mass）",
    "launch.mass_shielding": "質量内訳：計算機ハードウェアを囲む放射線遮蔽",
    "launch.mass_structure": "質量内訳：構体と機構（乾燥質量の structure_fraction）",
    "launch.mass_bus": "質量内訳：固定バス（姿勢制御・アビオニクス・配線。bus_mass）",
    "launch.mass_propulsion": "質量内訳：推進系ハードウェア（推進剤の propulsion_fraction）",
    "launch.mass_propellant": "質量内訳：寿命中の抗力補償と廃棄のための推進剤",
    "launch.mass_per_kw": "IT（ペイロード）電力 1 kW あたりの衛星打ち上げ質量",
    "launch.satellite_volume": "衛星1機あたりの収納容積",
    "launch.satellites": "コンステレーションの衛星数",
    "launch.constellation_mass": "コンステレーション全体の打ち上げ質量",
    "launch.payload_to_orbit": "運用軌道へのロケットのペイロード能力（基準軌道から減少）",
    "launch.satellites_per_launch": "打ち上げ1回あたりの衛星数（1機に n 回必要なら 1/n）",
    "launch.launches": "コンステレーション配備に必要な打ち上げ回数（整数）",
    "launch.binding": "打ち上げ1回を制約するもの：0 質量、1 容積",
    "launch.launch_price": "使用した打ち上げ1回の価格（price_per_kg または price_per_launch から）",
    "launch.price_per_kg_to_orbit": "運用軌道へのペイロード能力 1 kg あたりの価格",
    "launch.launch_cost": "コンステレーション配備の打ち上げ費用",
    "launch.launch_cost_per_satellite": "衛星1機あたりの配備打ち上げ費用",
    "launch.cost_per_kg_delivered": "実際に運んだ衛星質量 1 kg あたりの打ち上げ費用",
    "launch.deployment_time": "打ち上げ頻度で配備打ち上げを終えるまでの期間",
    "launch.drag_area": "気流に向く周回平均の断面積",
    "launch.ballistic_coefficient": "弾道係数 m_dry / (C_D A)",
    "launch.drag_delta_v_per_year": "大気抵抗に抗して高度を保つための年間 Δv",
    "launch.delta_v_total": "寿命中の推進 Δv：抗力補償＋廃棄",
    "launch.propellant_per_year": "抗力補償のための年間推進剤",
    "launch.orbital_lifetime": "軌道保持なしで 150 km まで落下するまでの期間",
    "launch.satellite_life": "衛星1機の寿命：設計寿命、または軌道保持なしで軌道寿命が短ければそちら",
    "launch.replacement_satellites": "設計寿命中の更新衛星数（故障・再突入）",
    "launch.replacement_launches": "更新衛星のための打ち上げ回数",
    "launch.replacement_cost": "更新衛星の打ち上げ費用",
    "launch.deploy_satellites_per_year": "配備速度での年間衛星数",
    "launch.deploy_launches_per_year": "配備速度での年間打ち上げ回数",
    "launch.deploy_mass_per_year": "配備速度での年間打ち上げ質量",
    "launch.deploy_cost_per_year": "配備速度での年間打ち上げ支出",
    "launch.deploy_cadence_multiple": "配備速度での年間打ち上げ回数 ÷ 打ち上げ頻度",
    # ---------------------------------------------------------------- economics
    "cost_per_million_tokens.orbital": "軌道上で届ける100万トークンあたりのコスト",
    "cost_per_million_tokens.terrestrial": "地上データセンターの100万トークンあたりコスト（同じチップ）",
    "cost_per_million_tokens.fleet": "駐車車両群の100万トークンあたりコスト",
    "economics.cost_per_request_orbital": "軌道上の推論リクエスト1件あたりコスト",
    "economics.cost_per_request_terrestrial": "地上の推論リクエスト1件あたりコスト",
    "economics.cost_per_request_fleet": "車両群の推論リクエスト1件あたりコスト",
    "economics.cost_per_accelerator_hour_orbital": "軌道上のアクセラレータ1時間あたりコスト",
    "economics.cost_per_accelerator_hour_terrestrial": "地上のアクセラレータ1時間あたりコスト",
    "economics.cost_per_accelerator_hour_fleet": "車両群のアクセラレータ1時間あたりコスト",
    "economics.cost_per_kw_year_orbital": "軌道上の IT 1 kW・1年あたりコスト",
    "economics.cost_per_kw_year_terrestrial": "地上の IT 1 kW・1年あたりコスト",
    "economics.cost_per_kw_year_fleet": "車両群の IT 1 kW・1年あたりコスト",
    "economics.ratio_orbital_terrestrial": "軌道上 / 地上 のトークンあたりコスト比",
    "economics.ratio_orbital_fleet": "軌道上 / 車両群 のトークンあたりコスト比",
    "economics.token_rate_orbital": "衛星1機あたりの配信トークン毎秒（計算能力をリンクで制限）",
    "economics.token_rate_terrestrial": "同じ IT 電力を地上に置いた場合の配信トークン毎秒",
    "economics.capex_chips": "衛星1機あたりの計算機ハードウェア費",
    "economics.capex_bus": "衛星1機あたりのバス費（乾燥質量 × kg 単価）",
    "economics.capex_array": "衛星1機あたりの太陽電池アレイ費",
    "economics.capex_battery": "衛星1機あたりのバッテリー費",
    "economics.capex_radiator": "衛星1機あたりのラジエータ費",
    "economics.capex_links": "衛星1機あたりの通信端末費",
    "economics.capex_integration": "衛星1機あたりの組立・統合・試験費",
    "economics.capex_launch": "衛星1機あたりの打ち上げ費",
    "economics.capex_nre": "衛星1機あたりの開発費（NRE）の按分",
    "economics.capex_replacement": "配備衛星1機あたりの更新衛星費（ハードウェア＋打ち上げ）",
    "economics.capex_total": "衛星1機あたりの資本費合計",
    "economics.opex_insurance": "衛星1機あたりの保険料",
    "economics.opex_operations": "衛星1機あたりの運用・地上系費用",
    "economics.opex_transit": "衛星1機あたりのデータ転送費",
    "economics.opex_total": "衛星1機あたりの運用費合計",
    "economics.annual_cost_orbital": "衛星1機あたりの平準化年間コスト（資本回収＋運用費）",
    "economics.capital_recovery_factor": "WACC とミッション寿命での資本回収係数",
    "economics.launch_share": "衛星資本費に占める打ち上げの割合",
    "economics.chips_share": "衛星資本費に占める計算機ハードウェアの割合",
    "economics.mass_share_power": "衛星質量に占めるアレイ＋バッテリーの割合",
    "economics.mass_share_thermal": "衛星質量に占めるラジエータの割合",
    "economics.mass_share_compute": "衛星質量に占める計算機ハードウェアの割合",
    "economics.bus_mass": "kg 単価で価格付けするバス乾燥質量（衛星質量 − 個別に価格付けするサブシステム）",
    "economics.lcoe_orbital_power": "軌道上電源系（アレイ＋バッテリー＋その打ち上げ）の均等化発電原価",
    "economics.cooling_cost_orbital": "100万トークンあたりのラジエータ（＋打ち上げ）とヒートポンプ電力の費用",
    "economics.energy_cost_orbital": "100万トークンあたりの軌道上電源系の費用",
    "economics.lcoe_terrestrial": "地上データセンターの受電電力価格",
    "economics.terrestrial_capex_facility": "同じ IT 電力の施設建設費",
    "economics.terrestrial_capex_delay": "系統接続待ちの間に負担する資本費",
    "economics.terrestrial_opex_energy": "同じ IT 電力の電気代",
    "economics.terrestrial_energy_share": "地上コストに占める電力の割合",
    "economics.energy_cost_terrestrial": "100万トークンあたりの地上の電気代",
    "economics.cooling_cost_terrestrial": "100万トークンあたりの地上の冷却電力費（PUE − 1）",
    "economics.solar_array_ratio": "地上 PV：負荷 1 W あたりの W_dc（solar_storage のみ、それ以外は 0）",
    "economics.solar_storage_hours": "地上蓄電：全負荷の何時間分か（solar_storage のみ、それ以外は 0）",
    "economics.fleet_power_nameplate": "全車が計算した場合の車両群の推論電力",
    "economics.fleet_power_available": "寿命平均の車両群計算電力（駐車 × 接続 × 同意）",
    "economics.fleet_availability": "車が計算している時間の割合",
    "economics.fleet_token_rate": "車両群全体の配信トークン毎秒",
    "economics.fleet_annual_cost": "車両群の平準化年間コスト",
    "economics.binding_constraint": "衛星を制約・支配しているもの",
    "economics.breakeven_price_per_kg": "軌道上のトークンあたりコストが地上と等しくなる kg あたり打ち上げ価格（基準軌道）。負：打ち上げが無料でも損益分岐しない",
    "economics.cost_per_million_tokens_free_launch": "打ち上げが無料だった場合の軌道上100万トークンあたりコスト（打ち上げ価格では下げられない下限）",
}

# ============================================================================ choices: (English, Japanese)

CHOICES: dict[str, tuple[str, str]] = {
    "orbit.type=sso": ("Sun-synchronous (SSO)", "太陽同期軌道 (SSO)"),
    "orbit.type=inclined": ("Inclined", "傾斜軌道"),
    "compute.accelerator=h100-sxm": ("NVIDIA H100 SXM", "NVIDIA H100 SXM"),
    "compute.accelerator=b200": ("NVIDIA B200", "NVIDIA B200"),
    "compute.accelerator=tpu-v4": ("Google TPU v4", "Google TPU v4"),
    "compute.accelerator=ai5-projection": ("AI5-class chip (projection)", "AI5 クラスのチップ（予測）"),
    "compute.accelerator=ai6-sf2-projection": (
        "AI6-class chip, Samsung SF2 yield (projection)",
        "AI6 クラス、Samsung SF2 の歩留まり（予測）",
    ),
    "compute.accelerator=ai6-n2-projection": (
        "AI6-class chip, TSMC N2 yield (projection)",
        "AI6 クラス、TSMC N2 の歩留まり（予測）",
    ),
    "compute.accelerator=custom": ("Custom (your numbers)", "カスタム（入力値を使用）"),
    "compute.price_model=catalog": ("Catalog price", "カタログ価格"),
    "compute.price_model=wafer": ("From wafer economics", "ウェハ原価から計算"),
    "compute.yield_model=fraction": ("Given yield", "歩留まりを直接指定"),
    "compute.yield_model=poisson": ("Poisson (defect density)", "ポアソン（欠陥密度）"),
    "compute.yield_model=murphy": ("Murphy (defect density)", "マーフィー（欠陥密度）"),
    "workload.model=llama-3.3-70b": ("Llama 3.3 70B", "Llama 3.3 70B"),
    "workload.model=llama-3.1-8b": ("Llama 3.1 8B", "Llama 3.1 8B"),
    "workload.model=llama-3.1-405b": ("Llama 3.1 405B", "Llama 3.1 405B"),
    "workload.model=deepseek-v3": ("DeepSeek-V3 (MoE)", "DeepSeek-V3（MoE）"),
    "workload.model=custom": ("Custom (your numbers)", "カスタム（入力値を使用）"),
    "thermal.heat_pump=none": ("None", "なし"),
    "thermal.heat_pump=optimal": ("Optimal lift", "最適な揚程"),
    "thermal.heat_pump=fixed": ("Fixed lift", "固定揚程"),
    "thermal.design_case=orbit_average": ("Orbit average (hottest orbit)", "周回平均（最も暑い軌道）"),
    "thermal.design_case=peak": ("Peak (sub-solar point)", "ピーク（太陽直下点）"),
    "links.band=Ku": ("Ku band", "Ku 帯"),
    "links.band=Ka": ("Ka band", "Ka 帯"),
    "links.band=Q/V": ("Q/V band", "Q/V 帯"),
    "links.band=E": ("E band", "E 帯"),
    "links.band=custom": ("Custom (your numbers)", "カスタム（入力値を使用）"),
    "links.ground_site=london": ("London", "ロンドン"),
    "links.ground_site=madrid": ("Madrid", "マドリード"),
    "links.ground_site=hawthorne": ("Hawthorne, CA", "ホーソーン（カリフォルニア州）"),
    "links.ground_site=singapore": ("Singapore", "シンガポール"),
    "links.ground_site=custom": ("Custom (your coordinates)", "カスタム（入力した座標）"),
    "power.cell_type=triple_junction": ("Triple-junction III-V", "III-V 族三接合セル"),
    "power.cell_type=silicon": ("Silicon", "シリコン"),
    "launch.vehicle=falcon9-reusable": ("Falcon 9 (reusable)", "Falcon 9（再使用）"),
    "launch.vehicle=falcon9-expendable": ("Falcon 9 (expendable)", "Falcon 9（使い捨て）"),
    "launch.vehicle=falcon-heavy": ("Falcon Heavy", "Falcon Heavy"),
    "launch.vehicle=starship-flown": ("Starship (as flown)", "Starship（飛行実績）"),
    "launch.vehicle=starship-projected": ("Starship (projected)", "Starship（将来予測）"),
    "launch.vehicle=starship-claim-200k": ("Starship at $200k (seed claim)", "Starship 20万ドル（元記事の主張）"),
    "launch.vehicle=generic": ("Generic vehicle (your numbers)", "汎用ロケット（入力値を使用）"),
    "launch.price_basis=auto": ("Automatic", "自動"),
    "launch.price_basis=per_kg": ("Per kg", "kg あたり"),
    "launch.price_basis=per_launch": ("Per launch", "1回あたり"),
    "launch.sizing=total_power": ("By total IT power", "総 IT 電力から"),
    "launch.sizing=satellites": ("By satellite count", "衛星数から"),
    "launch.solar_activity=low": ("Low", "低"),
    "launch.solar_activity=mean": ("Mean", "平均"),
    "launch.solar_activity=high": ("High", "高"),
    "launch.array_attitude=sun-tracking": ("Sun-tracking", "太陽追尾"),
    "launch.array_attitude=fixed": ("Fixed", "固定"),
    "launch.disposal=spiral": ("Low-thrust spiral", "低推力で螺旋降下"),
    "launch.disposal=impulsive": ("One deorbit burn", "1回の軌道離脱噴射"),
    "launch.disposal=passive": ("Passive decay", "自然落下"),
    "launch.packing=discrete": ("Whole satellites per launch", "衛星単位で搭載"),
    "launch.packing=bulk": ("Divisible (assembled in orbit)", "分割可能（軌道上組立）"),
    "baselines.ground_power_source=grid": ("Grid", "系統電力"),
    "baselines.ground_power_source=gas": ("On-site gas", "構内ガス発電"),
    "baselines.ground_power_source=solar_storage": ("On-site solar + storage", "構内太陽光＋蓄電池"),
    "baselines.solar_site=greensboro": ("Greensboro, NC", "グリーンズボロ（ノースカロライナ州）"),
    "baselines.solar_site=miami": ("Miami, FL", "マイアミ（フロリダ州）"),
    "baselines.solar_site=sand_point": ("Sand Point, AK", "サンドポイント（アラスカ州）"),
}

# ============================================================================ presets: (title, description)

PRESETS: dict[str, tuple[str, str]] = {
    "dawn-dusk-650": (
        "基準：高度 650 km ドーン・ダスク太陽同期軌道、H100 クラス、Falcon 9 価格",
        "高度 650 km のドーン・ダスク太陽同期軌道にある 100 kW の計算衛星。現在のハードウェアと打ち上げ価格",
    ),
    "colossus-like": (
        "Colossus 規模：300 MW の GPU、軌道上 vs メンフィス",
        "H100 クラス GPU 300 MW（xAI Colossus 規模）を軌道上に置いた場合と地上の比較",
    ),
    "conservative": (
        "保守的：現在のコスト、悲観的なハードウェア",
        "打ち上げ・ハードウェア寿命・資本コストについて、悲観的だが根拠のある値",
    ),
    "fleet-100m": (
        "車両群：駐車中の車 1億台 × 1 kW",
        "分散推論の主張：1 kW のチップを積んだ 1億台の車、95 % の時間は駐車中",
    ),
    "seed-claims": (
        "元記事の主張：Starship 20万ドル、安価なチップ",
        "投資家向け記事のケース：Starship 1回 20万ドル、安価な推論チップ、24時間の日照",
    ),
    "starlink-v3-links": (
        "Starlink V3 型リンク（衛星1機 1 Tbit/s、将来予測）",
        "Ku 帯ユーザビームと光 ISL を、Starlink V3 の予測値 1 Tbit/s に合わせて設計した 550 km / 53° シェル",
    ),
    "starlink-550": (
        "Starlink 型シェル：高度 550 km、傾斜角 53°",
        "毎周回日陰がある高度 550 km・傾斜角 53° の傾斜軌道",
    ),
}

# ============================================================================ claims (orbitdc.claims)

CLAIMS: dict[str, str] = {
    "cooling_free": "軌道上では冷却コストはゼロ（宇宙では排熱は「解決済み」）",
    "solar_free": "軌道上の太陽光発電はタダ（24時間日照、大気による損失なし）",
    "launch_200k": "Starship 1回 約20万ドル（100〜150 t）なら軌道が推論に最も安い場所になる",
    "fleet_100gw": "1億台の車 × 1 kW = 100 GW の推論能力",
    "tw_per_year": "宇宙に年 1 TW の AI 計算能力を配備する",
    "v3_tbps": "Starlink V3 は衛星1機あたり 1 Tbit/s のダウンリンクを持つ",
    "sun_24_7": "軌道上では24時間365日日照がある",
    "colossus_power": "xAI Colossus：23万個の GPU が 300 MW を消費（GPU 1個あたり 1.30 kW）",
    "million_gpu_power": "100万個の GPU には 1,600 MW 超が必要",
    "solar_100gw_nuclear": "年 100 GW の太陽光パネルは原子力発電所 100 基分に相当",
    "latency_20ms": "Starlink のユーザリンクの遅延は 20 ms 未満",
}

#: Fixed sentences of orbitdc.claims (conditions and hinges); text with numbers stays English.
CLAIM_PHRASES: dict[str, str] = {
    "'zero' means 'cheaper than on the ground'": "「ゼロ」を「地上より安い」と解釈する場合",
    "'free' means 'cheaper than on the ground'": "「タダ」を「地上より安い」と解釈する場合",
    "every car computes whenever parked": "駐車中は常にすべての車が計算する場合",
    "the orbit never enters Earth's shadow (not this one)": "軌道が地球の影に一度も入らない場合（この軌道は入る）",
    "the accelerators draw more than this scenario's": "アクセラレータの消費電力がこのシナリオより大きい場合",
    "radiator areal density and cost per m2 (finance.radiator_cost_per_m2), launch price per kg, radiator "
    "temperature (chip junction limit)": "ラジエータの面密度と m² 単価（finance.radiator_cost_per_m2）、kg あたり打ち上げ価格、ラジエータ温度（チップの接合部温度上限）",
    "solar array cost per W (finance.array_cost_per_watt), array and battery mass, launch price per kg, "
    "mission life": "太陽電池アレイの W 単価（finance.array_cost_per_watt）、アレイとバッテリーの質量、kg あたり打ち上げ価格、ミッション寿命",
    "chip price and life (finance/compute), solar array and radiator cost; once launch is cheap the "
    "satellite hardware decides": "チップ価格と寿命（finance/compute）、太陽電池アレイとラジエータの費用。打ち上げが安くなれば衛星ハードウェアが決め手になる",
    "fraction of parked hours plugged in and consented (baselines.fleet_plugged_fraction, fleet_consent_fraction)": "駐車時間のうち充電接続・同意がある割合（baselines.fleet_plugged_fraction、fleet_consent_fraction）",
    "chip price per W (compute), satellite mass per kW (launch.mass_per_kw), launch cadence": "W あたりチップ価格（compute）、kW あたり衛星質量（launch.mass_per_kw）、打ち上げ頻度",
    "links section: spectrum, antenna/telescope aperture, optical ground stations and weather availability": "通信リンク：周波数、アンテナ・望遠鏡の開口、光地上局と天候による稼働率",
    "orbit: a dawn-dusk sun-synchronous orbit high enough to avoid the eclipse season": "軌道：日陰の季節を避けられる十分な高度のドーン・ダスク太陽同期軌道",
    "accelerator power and host/network overhead (compute), PUE (baselines.pue)": "アクセラレータ電力とホスト・ネットワークのオーバーヘッド（compute）、PUE（baselines.pue）",
    "accelerator power class (H100 ~0.7 kW vs B200 ~1 kW), host overhead and PUE": "アクセラレータの電力クラス（H100 約 0.7 kW、B200 約 1 kW）、ホストのオーバーヘッドと PUE",
    "orbit altitude, hops over inter-satellite links, ground-station distance (links section)": "軌道高度、衛星間リンクのホップ数、地上局までの距離（通信リンク）",
    "This orbit never enters Earth's shadow during the year.": "この軌道は1年を通じて地球の影に入りません。",
    "The link budget of this scenario reaches 1 Tbit/s.": "このシナリオのリンクバジェットは 1 Tbit/s に達します。",
}

#: Labels of the claims' model numbers.
CLAIM_NUMBERS: dict[str, str] = {
    "radiator area per satellite": "衛星1機あたりのラジエータ面積",
    "radiator share of satellite mass": "衛星質量に占めるラジエータの割合",
    "orbital cooling per 1M tokens": "軌道上の冷却費（100万トークンあたり）",
    "share of orbital cost": "軌道上コストに占める割合",
    "ground cooling energy per 1M tokens": "地上の冷却電力費（100万トークンあたり）",
    "orbital power system LCOE": "軌道上電源系の均等化発電原価",
    "ground electricity price": "地上の電力価格",
    "orbital energy per 1M tokens": "軌道上の電力費（100万トークンあたり）",
    "ground energy per 1M tokens": "地上の電力費（100万トークンあたり）",
    "orbital per 1M tokens at $200k/launch": "打ち上げ1回20万ドルでの軌道上コスト（100万トークンあたり）",
    "orbital per 1M tokens in this scenario": "このシナリオの軌道上コスト（100万トークンあたり）",
    "terrestrial per 1M tokens": "地上コスト（100万トークンあたり）",
    "fleet per 1M tokens": "車両群コスト（100万トークンあたり）",
    "launch share of satellite capex at $200k": "20万ドル時の衛星資本費に占める打ち上げの割合",
    "cars x chip power (nameplate)": "台数 × チップ電力（定格）",
    "availability (parked x plugged x consent)": "稼働可能率（駐車 × 接続 × 同意）",
    "average computing power": "平均計算電力",
    "useful after redundancy overhead": "冗長化の損失を除いた有効分",
    "delivered tokens": "配信トークン",
    "satellites per year": "年間衛星数",
    "mass to orbit per year": "年間打ち上げ質量",
    "launches per year": "年間打ち上げ回数",
    "compute hardware per year": "年間の計算機ハードウェア費",
    "solar array per year": "年間の太陽電池アレイ",
    "link capacity per satellite (model)": "衛星1機あたりのリンク容量（モデル）",
    "claim": "主張",
    "tokens/s the links can carry": "リンクが運べるトークン毎秒",
    "tokens/s one satellite's chips make": "衛星1機のチップが生むトークン毎秒",
    "time in shadow over the year": "1年のうち影にいる時間",
    "days with an eclipse": "日陰のある日数",
    "longest eclipse": "最長の日陰",
    "model: facility power per accelerator": "モデル：アクセラレータ1個あたりの施設電力",
    "model: 230,000 accelerators": "モデル：アクセラレータ 23万個",
    "model: 1 million accelerators": "モデル：アクセラレータ 100万個",
    "100 GW of PV, average output": "PV 100 GW の平均出力",
    "100 nuclear plants (1 GW, 93 % CF), average": "原子力発電所 100 基（1 GW、設備利用率 93 %）の平均出力",
    "nuclear plants equivalent": "原子力発電所換算",
    "same panels in this orbit, average": "同じパネルをこの軌道に置いた場合の平均出力",
    "model latency": "モデルの遅延",
}


# ---------------------------------------------------------------- issue 13 (fair and calibrated)
FIELDS.update(
    {
        "compute.interruption_rate": (
            "中断率",
            "アクセラレータ1個・1年あたりの予期しない中断（ハード故障・ソフトウェア・ネットワーク）。全方式に適用",
        ),
        "compute.failure_rate": (
            "恒久故障率",
            "アクセラレータ1個・1年あたりの恒久的なハード故障。地上と車両は予備品で修理、軌道上は修理不可（予備へ切替）",
        ),
        "compute.repair_time": ("修理時間", "地上・車両で故障チップを予備品と交換する間、レプリカが止まる時間"),
        "finance.risk_treatment": (
            "リスクの扱い",
            "自家保険（故障衛星を買い替え、保険料なし）か保険（保険料を払い、保険者が補償）のどちらか一方",
        ),
    }
)
OUTPUTS.update(
    {
        "compute.failure_rate_orbital": "軌道上の恒久故障率（基礎率＋放射線）、修理なし",
        "compute.restart_rate_orbital": "軌道上の再起動率（基礎の中断＋放射線擾乱）",
        "compute.service_life_orbital": "軌道上のチップ供用寿命：ミッション寿命と線量寿命の短い方",
        "compute.retry_efficiency_ground": "地上で中断により失われない作業の割合",
        "compute.repair_availability_ground": "地上のレプリカが稼働している時間の割合（予備品交換の停止を除く）",
        "compute.replacement_chips_ground": "地上で寿命中に故障分として購入するアクセラレータ数",
        "compute.tokens_per_second_ground": "同じチップを地上で使った場合の出力トークン毎秒",
        "compute.hardware_cost_ground": "地上の同じIT電力分のハードウェア費（予備なし。交換は故障に応じて計上）",
    }
)
CHOICES.update(
    {
        "finance.risk_treatment=self_insured": ("Self-insured", "自家保険"),
        "finance.risk_treatment=insured": ("Insured", "保険"),
    }
)
FIELDS.update(
    {
        "power.dod_rule": (
            "放電深度の決め方",
            "cycle_life：サイクル寿命がミッションのサイクル数×余裕を満たす最も深い放電深度（上限あり）、fixed：指定値",
        ),
        "power.battery_cycle_margin": ("サイクル寿命の余裕", "ミッションのサイクル数に対して必要なサイクル寿命の倍率"),
    }
)
OUTPUTS.update(
    {
        "power.depth_of_discharge": "日陰1回あたりの設計放電深度",
        "economics.satellite_cost_per_watt": "チップを除く衛星ハードウェア費（アレイ寿命初期出力 1 W あたり）",
        "economics.satellite_specific_power": "衛星質量 1 kg あたりのアレイ寿命初期出力",
        "economics.capex_per_watt_ex_chips_orbital": "チップを除く軌道上の資本費（IT 1 W あたり）",
        "economics.capex_per_watt_ex_chips_terrestrial": "チップを除く地上の資本費（IT 1 W あたり）",
    }
)
CHOICES.update(
    {
        "power.cell_type=thin_film": ("Thin film (CIGS / perovskite)", "薄膜（CIGS・ペロブスカイト）"),
        "power.dod_rule=cycle_life": ("From cycle life", "サイクル寿命から"),
        "power.dod_rule=fixed": ("Fixed", "固定"),
    }
)
FIELDS.update(
    {
        "workload.batch_rule": (
            "サービング点の決め方",
            "memory_and_latency：メモリに収まり応答性目標を満たす最大バッチ（推論エンジンの運用と同じ）、fixed：指定バッチ",
        ),
        "workload.max_time_per_output_token": (
            "出力トークンあたり最大時間",
            "応答性目標：利用者が見る出力トークンあたりの平均時間の上限（他リクエストのプリフィル待ちを含む）",
        ),
        "workload.kv_memory_share_min": (
            "KV キャッシュ用メモリの最小割合",
            "レプリカのテンソル並列数を決めるとき、KV キャッシュに残す使用可能メモリの最小割合",
        ),
        "finance.blend_ratio": (
            "混合価格の入出力比",
            "100万トークンあたり混合価格での、出力1トークンあたりの入力トークン数",
        ),
    }
)
OUTPUTS.update(
    {
        "compute.batch": "レプリカあたりの同時リクエスト数（サービング点）",
        "compute.tokens_per_second_per_user": "利用者1人が見る出力トークン毎秒",
        "compute.prefill_time_share": "チップ時間のうちプリフィル（入力トークン）に使う割合",
    }
)
for _a, _ja in (("orbital", "軌道上"), ("terrestrial", "地上"), ("fleet", "車両群")):
    OUTPUTS.update(
        {
            f"economics.price_input_{_a}": f"{_ja}：入力トークン100万あたりのコスト（プリフィル分）",
            f"economics.price_output_{_a}": f"{_ja}：出力トークン100万あたりのコスト（デコード分）",
            f"economics.price_blended_{_a}": f"{_ja}：入出力比で混合した100万トークンあたりのコスト",
        }
    )
CHOICES.update(
    {
        "workload.batch_rule=memory_and_latency": ("Memory and latency", "メモリと応答性から"),
        "workload.batch_rule=fixed": ("Fixed batch", "固定バッチ"),
    }
)
CLAIM_NUMBERS.update(
    {
        "ground cooling (plant + energy) per 1M tokens": "地上の冷却（設備＋電力）費（100万トークンあたり）",
        "of which ground cooling plant": "うち地上の冷却設備費",
    }
)
OUTPUTS.update(
    {
        "economics.cooling_capex_terrestrial": "地上の冷却設備費（施設資本費と保守の冷却分、100万トークンあたり）",
    }
)
FIELDS.update(
    {
        "baselines.facility_cooling_share": (
            "施設費の冷却設備比率",
            "データセンター施設資本費のうち冷却設備（チラー・CDU・配管・冷却塔）の割合",
        ),
    }
)
FIELDS.update(
    {
        "power.eclipse_mode": (
            "日陰中の運用",
            "full_load：日陰でもバッテリーで全負荷計算、shed：日陰中はペイロードを一部に落とす（失われるトークンを計上）",
        ),
        "power.eclipse_load_fraction": ("日陰中のペイロード割合", "shed のとき日陰中も動かすペイロード電力の割合"),
    }
)
OUTPUTS.update(
    {
        "power.eclipse_load": "日陰中に供給する電力負荷",
        "compute.eclipse_availability": "日陰を通じて保たれるサービング率の割合",
    }
)
CHOICES.update(
    {
        "power.eclipse_mode=full_load": ("Full load", "全負荷"),
        "power.eclipse_mode=shed": ("Shed payload", "ペイロードを落とす"),
    }
)
PRESETS.update(
    {
        "optimistic": (
            "楽観的：Starship 時代の価格、薄膜アレイ、日陰中は負荷を落とす",
            "将来予測の打ち上げ・ハードウェア価格と有利な運用を選んだ基準衛星",
        ),
        "published-projections": (
            "公表された予測：打ち上げ 200 USD/kg（Suncatcher）、Starlink 級ハードウェア",
            "公表された分析が予測する打ち上げ価格とハードウェア価格での基準衛星",
        ),
    }
)
FIELDS.update(
    {
        "compute.orbital_servicing": (
            "軌道上サービシング",
            "none：故障チップはそのまま（予備に切替）、serviced：サービス機が訪問ごとに故障チップを交換",
        ),
        "compute.servicing_interval": ("サービシング間隔", "サービス機の訪問間隔"),
        "compute.servicing_cost_per_kg": (
            "サービシングの kg 単価",
            "交換部品を軌道上に届けて取り付ける費用（kg あたり）",
        ),
    }
)
OUTPUTS.update(
    {
        "compute.replacement_chips_orbital": "サービス機が寿命中に軌道上で交換するアクセラレータ数",
        "economics.capex_servicing": "軌道上サービシングで交換・輸送するチップ費（現在価値、衛星1機あたり）",
    }
)
CHOICES.update(
    {
        "compute.orbital_servicing=none": ("No servicing", "サービシングなし"),
        "compute.orbital_servicing=serviced": ("Serviced", "サービシングあり"),
    }
)

# ---------------------------------------------------------------- years (learning curves, trends)
SECTIONS["years"] = "年：学習曲線・トレンド・技術の切り替え"
FIELDS.update(
    {
        "years.year": ("評価年", "価格を評価する暦年（基準年ではシナリオの値そのまま）"),
        "years.base_year": ("基準年", "シナリオの価格と性能が表す年"),
        "years.launch_learning_rate": (
            "打ち上げの学習率",
            "累積打ち上げ質量が倍になるごとの打ち上げ価格の低下率（ライトの法則）",
        ),
        "years.launch_growth": ("打ち上げ質量の年成長率", "軌道へ打ち上げる質量の年あたり増加率"),
        "years.launch_experience": (
            "打ち上げの累積経験",
            "これまでの累積打ち上げ質量を今年の打ち上げ質量の何年分かで表した値",
        ),
        "years.launch_ramp_cap": ("打ち上げ量の上限倍率", "年間打ち上げ質量の上限（今年の何倍か）"),
        "years.launch_switch": (
            "新しいロケットへの切り替え",
            "launch_switch_year 以降、新しいロケットの kg 単価を使う",
        ),
        "years.launch_switch_year": ("ロケット切り替え年", "新しいロケットの価格が適用される最初の年"),
        "years.launch_switch_price_per_kg": (
            "新ロケットの kg 単価",
            "切り替え年における新ロケットの参照軌道 kg 単価（その後は打ち上げの学習曲線に沿って下がる）",
        ),
        "years.hardware_learning_rate": (
            "衛星ハードウェアの学習率",
            "累積生産量が倍になるごとのバス・アレイ・ラジエータ・バッテリー・端末の費用低下率",
        ),
        "years.hardware_growth": ("衛星ハードウェア生産の年成長率", "衛星ハードウェア生産量の年あたり増加率"),
        "years.hardware_experience": (
            "衛星ハードウェアの累積経験",
            "これまでの累積生産量を今年の生産量の何年分かで表した値",
        ),
        "years.hardware_ramp_cap": ("衛星ハードウェア生産の上限倍率", "年間生産量の上限（今年の何倍か）"),
        "years.pv_learning_rate": (
            "地上 PV の学習率",
            "世界の累積 PV 導入量が倍になるごとの地上 PV システム価格の低下率",
        ),
        "years.pv_growth": ("PV 導入量の年成長率", "世界の年間 PV 導入量の年あたり増加率"),
        "years.pv_experience": ("PV の累積経験", "累積 PV 導入量を今年の導入量の何年分かで表した値"),
        "years.battery_learning_rate": (
            "蓄電池の学習率",
            "リチウムイオン電池の累積生産量が倍になるごとの定置用蓄電池価格の低下率",
        ),
        "years.battery_growth": ("リチウムイオン電池生産の年成長率", "世界のリチウムイオン電池生産量の年あたり増加率"),
        "years.battery_experience": ("蓄電池の累積経験", "累積生産量を今年の生産量の何年分かで表した値"),
        "years.chip_perf_per_watt_trend": (
            "チップの電力あたり性能の伸び",
            "アクセラレータのワットあたりスループットの年あたり向上率（どの方式も同じチップ）",
        ),
        "years.chip_perf_per_dollar_trend": (
            "チップの価格あたり性能の伸び",
            "アクセラレータのドルあたりスループットの年あたり向上率",
        ),
        "years.space_qualification_lag": ("宇宙認定の遅れ", "チップが地上に出てから軌道で使えるようになるまでの年数"),
        "years.electricity_price_trend": (
            "電力価格のトレンド",
            "系統電力価格の実質年変化率（データセンターと車の所有者）",
        ),
        "years.gas_price_trend": ("ガス価格のトレンド", "天然ガス価格の実質年変化率"),
        "years.facility_cost_trend": ("施設費のトレンド", "データセンター施設の W 単価の実質年変化率"),
        "years.interconnection_wait_trend": (
            "系統接続待ちのトレンド",
            "系統接続の待ち時間の年あたり変化（0 未満にはならない）",
        ),
        "years.wacc_trend": ("WACC のトレンド", "WACC の年あたり変化（パーセントポイント、0 未満にはならない）"),
        "years.radiator_switch": ("軽量ラジエータへの切り替え", "radiator_switch_year 以降、軽いラジエータを使う"),
        "years.radiator_switch_year": ("ラジエータ切り替え年", "軽量ラジエータが飛ぶ最初の年"),
        "years.radiator_switch_areal_density": ("軽量ラジエータの面密度", "軽量ラジエータの単位面積あたり質量"),
        "years.cell_switch": ("新しい太陽電池への切り替え", "cell_switch_year 以降、新しい種類のセルを使う"),
        "years.cell_switch_year": ("太陽電池切り替え年", "新しいセルが飛ぶ最初の年"),
        "years.cell_switch_efficiency": ("新しいセルの効率", "新しいセルの寿命初期効率"),
        "years.cell_switch_array_areal_density": (
            "新しいアレイの面密度",
            "新しいセルを使ったアレイの単位面積あたり質量",
        ),
        "years.cell_switch_array_cost_per_watt": (
            "新しいアレイの W 単価",
            "新しいセルを使った宇宙用アレイの W 単価（学習前）",
        ),
    }
)
OUTPUTS.update(
    {
        "years.year": "評価した暦年",
        "years.elapsed": "基準年からの経過年数",
        "years.launch_price_factor": "打ち上げ価格の倍率（評価年 / 基準年、学習と切り替え）",
        "years.launch_volume_factor": "年間打ち上げ質量（と打ち上げ頻度）の倍率（評価年 / 基準年）",
        "years.hardware_cost_factor": "衛星ハードウェア単価の倍率（評価年 / 基準年）",
        "years.chip_throughput_factor": "軌道上アクセラレータのスループット倍率（遅れを含む）",
        "years.chip_price_factor": "軌道上アクセラレータの価格倍率（遅れを含む）",
        "years.ground_chip_throughput_factor": "地上と車両群のアクセラレータのスループット倍率",
    }
)
PRESETS.update(
    {
        "tco-base": (
            "業界 TCO モデル・基本ケース：打ち上げ 1,700 ドル/kg から 2050 年に 485 ドル/kg",
            "2026〜2050 年の公表 TCO モデルの基本ケース。打ち上げは現在 1,700 ドル/kg、期末 485 ドル/kg。2040 年ごろの均衡を主張",
        ),
        "tco-bull": (
            "業界 TCO モデル・強気ケース：打ち上げ 1,700 ドル/kg から 2050 年に 80 ドル/kg",
            "2026〜2050 年の公表 TCO モデルの強気ケース。打ち上げは現在 1,700 ドル/kg、期末 80 ドル/kg",
        ),
        "timeline-optimistic": (
            "シナリオ年表・楽観：2030 年に Starship 100 ドル/kg、WACC 10 % → 8 %",
            "公表された 2026〜2040 年の年表の楽観ケース。軌道/地上は 2035 年に約 1.1 倍、2040 年に約 1 倍と報告",
        ),
        "timeline-central": (
            "シナリオ年表・中央：orbitdc の既定値（年表は 2040 年に約 1.5 倍と報告）",
            "公表された年表の中央ケース。入力が公表されていないため orbitdc の既定値で代用",
        ),
        "timeline-conservative": (
            "シナリオ年表・保守：遅い学習（年表は 2040 年に約 3.3 倍と報告）",
            "公表された年表の保守ケース。入力が公表されていないため orbitdc の不利側の幅で代用",
        ),
        "suncatcher": (
            "Google Suncatcher の打ち上げ価格経路：2035 年に 200 ドル/kg 以下",
            "2030 年代半ばに打ち上げ価格が 200 ドル/kg に下がる（Project Suncatcher）、ドーン・ダスク太陽同期軌道",
        ),
        "spacex-fcc-odc": (
            "SpaceX の FCC 申請：100 kW 衛星 100 万機、年 100 GW",
            "最大 100 万機の軌道上データセンター衛星、1 トンあたり 100 kW の計算、年 100 GW（SpaceX の FCC 申請、2026 年）",
        ),
        "starcloud-3": (
            "Starcloud-3：200 kW、約 3 t、500 ドル/kg で均衡と主張",
            "Starship 向けの 200 kW・約 3 t の衛星。打ち上げ約 500 ドル/kg で地上と競争力があると主張",
        ),
    }
)

# ============================================================================ radiation (issue 14)

SECTIONS["radiation"] = "放射線：軌道の放射線環境とアクセラレータへの影響"
FIELDS.update(
    {
        "radiation.solar_phase": ("太陽活動位相", "ミッション平均の太陽活動周期の位相（0 = 極小期、1 = 極大期）"),
        "radiation.dose_limit": ("許容吸収線量", "アクセラレータが耐えるシリコン中の総電離線量（これで寿命が終わる）"),
        "radiation.design_margin": (
            "放射線設計マージン",
            "総線量に対する設計マージン（線量寿命 = 許容線量 /（マージン × 線量率））",
        ),
        "radiation.upsets_per_gray": (
            "グレイあたりの擾乱数",
            "67 MeV 陽子 1 Gy あたりの、バッチを中断させる擾乱数（陽子の擾乱断面積を決める）",
        ),
        "radiation.sdc_fraction": ("サイレントデータ破損の割合", "擾乱のうち中断せず結果を黙って壊すものの割合"),
        "radiation.hard_failures_per_gray": (
            "グレイあたりの破壊的事象",
            "67 MeV 陽子 1 Gy あたりの破壊的単一事象（ラッチアップ等）の数",
        ),
        "radiation.gcr_upset_rate": (
            "宇宙線による擾乱率",
            "極軌道での重イオン（銀河宇宙線）による擾乱数／アクセラレータ・日",
        ),
        "radiation.gcr_failure_rate": (
            "宇宙線による破壊率",
            "極軌道での重イオンによる破壊的事象数／アクセラレータ・年",
        ),
    }
)
OUTPUTS.update(
    {
        "radiation.dose_rate": "遮蔽後のシリコン中の年間総電離線量",
        "radiation.dose_rate_trapped": "捕捉電子・陽子（AE8/AP8）による年間線量",
        "radiation.dose_rate_gcr": "銀河宇宙線による年間線量",
        "radiation.dose_rate_spe": "太陽粒子イベントによる年間線量（年平均）",
        "radiation.proton_flux_30mev": "遮蔽後にチップへ届く 30 MeV 超の捕捉陽子の軌道平均フラックス",
        "radiation.restart_rate": "アクセラレータ1個・1日あたりの放射線擾乱（バッチ中断）",
        "radiation.sdc_rate": "アクセラレータ1個・1日あたりのサイレントデータ破損",
        "radiation.failure_rate": "アクセラレータ1個・1年あたりの破壊的放射線事象",
        "radiation.dose_life": "許容線量に達するまでの年数（設計マージン込み）",
    }
)
CLAIMS["radiation_belt"] = "宇宙は計算に最適な場所：大気の上ならどの軌道でもよい"
CLAIM_NUMBERS.update(
    {
        "dose in this orbit": "この軌道の年間線量",
        "dose life in this orbit": "この軌道での線量寿命",
        "cheapest scanned altitude": "調べた高度のうち最も安い高度",
        "highest altitude whose dose life covers the mission": "線量寿命がミッションを満たす最高高度",
    }
)
CLAIM_PHRASES[
    "shielding areal density (launch.shielding_areal_density), dose limit and design margin "
    "(radiation.dose_limit, radiation.design_margin), orbit altitude and inclination"
] = "遮蔽の面密度（launch.shielding_areal_density）、許容線量と設計マージン（radiation.dose_limit、radiation.design_margin）、軌道高度と傾斜角"
FIELDS["launch.radiator_attitude"] = (
    "ラジエータ姿勢（抗力）",
    "抗力計算のラジエータ姿勢：'thermal'（熱モデルと同じ地球・太陽にエッジオンの姿勢、β角から投影面積）か 'fixed'（drag_area_factor）",
)
CHOICES.update(
    {
        "launch.radiator_attitude=thermal": ("As the thermal model", "熱モデルと同じ姿勢"),
        "launch.radiator_attitude=fixed": ("Fixed", "固定"),
    }
)

#: Sentences of :mod:`orbitdc.claims` that carry numbers, as (English template, Japanese template):
#: ``{0}``, ``{1}``... stand for the numbers (with their units) the claims module writes, so the
#: Japanese page shows the same figures in a Japanese sentence.  Matched whole, after the exact
#: phrases of :data:`CLAIM_PHRASES`; a sentence matched by neither stays as written.
CLAIM_TEMPLATES: list[tuple[str, str]] = [
    (
        "Rejecting heat in orbit needs a radiator that must be bought and launched: {0} per million tokens, more "
        "than the ground's {1} for its cooling plant and cooling electricity (PUE - 1), compared like with like.",
        "軌道上で排熱するには、購入して打ち上げるラジエータが必要：100万トークンあたり {0}。冷却設備と冷却用電力"
        "（PUE − 1）にかかる地上の {1} より高い（同じ条件で比較）。",
    ),
    (
        "Cooling is not free ({0} per million tokens for the radiator and its launch) but it is cheaper than the "
        "ground's {1} for cooling plant and cooling energy.",
        "冷却は無料ではない（ラジエータとその打ち上げで100万トークンあたり {0}）が、冷却設備と冷却用エネルギーに"
        "かかる地上の {1} より安い。",
    ),
    (
        "Sunlight is free but the collector is not: the array, battery and their launch cost {0} USD/MWh over the "
        "mission life, {1} the ground supply.",
        "太陽光は無料でも集める装置は無料ではない：太陽電池アレイ・バッテリーとその打ち上げはミッション寿命で "
        "{0} USD/MWh、地上の電力の {1}。",
    ),
    (
        "Orbital power costs {0} USD/MWh (not zero), below the ground's {1} USD/MWh.",
        "軌道上の電力は {0} USD/MWh（ゼロではない）で、地上の {1} USD/MWh より安い。",
    ),
    (
        "At $200k per launch orbit ({0}) beats the ground ({1}) and the fleet ({2}).",
        "打ち上げ1回20万ドルなら、軌道（{0}）は地上（{1}）と車両群（{2}）より安い。",
    ),
    (
        "Even at $200k per launch, launch is {0} % of the satellite's cost; orbit ({1}) stays {2} the ground ({3}) "
        "because the chips, array, radiator and bus still cost more than a building and electricity.",
        "打ち上げ1回20万ドルでも、打ち上げは衛星コストの {0} %にすぎない。チップ・太陽電池アレイ・ラジエータ・"
        "バスが建屋と電気代より高いため、軌道（{1}）は地上（{3}）の {2} のまま。",
    ),
    (
        "The arithmetic is right (this scenario has {0} cars x {1} kW) and the assumed availability keeps most of it.",
        "計算は正しく（このシナリオは {0} 台 × {1} kW）、想定した稼働率でもその大部分が残る。",
    ),
    (
        "The arithmetic is right and the assumed availability keeps most of it.",
        "計算は正しく、想定した稼働率でもその大部分が残る。",
    ),
    (
        "The multiplication is right as nameplate (this scenario has {0} cars x {1} kW), but cars compute only while "
        "parked, plugged in and consenting: {2} on average, {3} useful after verification overhead.",
        "定格としての掛け算は正しい（このシナリオは {0} 台 × {1} kW）が、車が計算できるのは駐車・充電中で所有者が"
        "同意しているときだけ：平均 {2}、検証のオーバーヘッドを除いて有効なのは {3}。",
    ),
    (
        "The multiplication is right as nameplate, but cars compute only while parked, plugged in and consenting: "
        "{0} on average, {1} useful after verification overhead.",
        "定格としての掛け算は正しいが、車が計算できるのは駐車・充電中で所有者が同意しているときだけ：平均 {0}、"
        "検証のオーバーヘッドを除いて有効なのは {1}。",
    ),
    (
        "{0} launches/yr can be flown and {1} trillion USD/yr of chips bought",
        "年 {0} 回の打ち上げが可能で、年 {1} 兆米ドルのチップを購入できる場合",
    ),
    (
        "A goal, not a fact: the model turns it into launch cadence, mass and chip spending; at this scenario's "
        "chip price the hardware alone is the obstacle the documents name.",
        "事実ではなく目標：モデルはこれを打ち上げ頻度・質量・チップ支出に換算する。このシナリオのチップ価格では、"
        "ハードウェアだけで元記事が挙げる障害になる。",
    ),
    (
        "The claim is a vendor figure for a different satellite; for text inference the relevant comparison is "
        "tokens carried against tokens made - the links are not the bottleneck.",
        "この主張は別の衛星についてのメーカーの数値。テキスト推論で比べるべきは運べるトークン数と作れるトークン数"
        "であり、リンクはボトルネックではない。",
    ),
    (
        "The claim is a vendor figure for a different satellite; for text inference the relevant comparison is "
        "tokens carried against tokens made - here the links limit delivery.",
        "この主張は別の衛星についてのメーカーの数値。テキスト推論で比べるべきは運べるトークン数と作れるトークン数"
        "であり、ここではリンクが配信を制約している。",
    ),
    ("the link design exceeds this scenario's ({0})", "リンク設計がこのシナリオ（{0}）を上回る場合"),
    (
        "This orbit spends {0} % of the year in shadow, on {1} days, so the battery and array are sized for "
        "{2}-minute eclipses; only a dawn-dusk sun-synchronous orbit high enough to clear the eclipse season is "
        "sunlit all year.",
        "この軌道は1年の {0} %（{1} 日）を地球の影で過ごすため、バッテリーと太陽電池アレイは {2} 分の食に合わせて"
        "設計される。1年中日が当たるのは、食の季節を避けられる高さのドーン・ダスク太陽同期軌道だけ。",
    ),
    (
        "The model's {0} kW per accelerator is within 25 % of the reported 1.30 kW.",
        "モデルのアクセラレータ1基あたり {0} kW は、報告値 1.30 kW の 25 %以内。",
    ),
    (
        "The model's {0} kW per accelerator differs from 1.30 kW by {1} %: the chip or overhead assumed here is not "
        "Colossus's.",
        "モデルのアクセラレータ1基あたり {0} kW は 1.30 kW と {1} %違う：ここで想定したチップまたはオーバーヘッドは"
        " Colossus のものではない。",
    ),
    (
        "With this scenario's accelerators a million of them draw {0}.",
        "このシナリオのアクセラレータ100万基の消費電力は {0}。",
    ),
    (
        "This scenario's accelerators need {0} per million, under 1.6 GW; the claim fits higher-power parts "
        "(B200-class) or a higher PUE.",
        "このシナリオのアクセラレータは100万基で {0} と 1.6 GW 未満。主張は消費電力の大きい部品（B200 級）か"
        "高い PUE に当てはまる。",
    ),
    (
        "Nameplate is not energy: on the ground 100 GW of panels average {0}, about {1} nuclear plants, unless they "
        "are put in orbit.",
        "定格はエネルギーではない：地上に置いた 100 GW のパネルの平均出力は {0}、原子力発電所およそ {1} 基分"
        "（軌道に置く場合を除く）。",
    ),
    ("capacity factor of the site (baselines.solar_site: {0})", "設置場所の設備利用率（baselines.solar_site：`{0}`）"),
    (
        "The model's round trip (user, access satellite, laser hops, compute satellite and back) is {0} ms.",
        "モデルの往復遅延（利用者、アクセス衛星、レーザー中継、計算衛星を経て戻る）は {0} ms。",
    ),
    # model numbers: labels and values with words in them
    ("PV capacity factor at {0} (pvlib, typical year)", "{0} の太陽光発電の設備利用率（pvlib、標準年）"),
    (
        "{0} ({1} per day; {2} launches worldwide in 2024)",
        "{0}（1日 {1} 回。2024年の世界の打ち上げは {2} 回）",
    ),
    ("{0} trillion USD ({1} % of world GDP)", "{0} 兆米ドル（世界 GDP の {1} %）"),
    ("{0} (seed: Tesla plans 100 GW/yr of panels)", "{0}（元記事：Tesla は年 100 GW のパネルを計画）"),
    ("{0} (before cell temperature and degradation)", "{0}（セル温度と劣化を考慮する前）"),
    ("{0} (IT {1} x PUE {2})", "{0}（IT {1} × PUE {2}）"),
]

# ---------------------------------------------------------------------------- radiation claim (issue 14)
CLAIM_PHRASES["the lowest orbits"] = "最も低い軌道"
CLAIM_TEMPLATES += [
    (
        "In this orbit the chips take {0} Gy a year behind {1} of shielding and reach their dose limit after "
        "{2} years, before the {3}-year mission ends; the trapped-particle belts make altitude a cost, not a free "
        "choice.",
        "この軌道ではチップが {1} の遮蔽の内側で年 {0} Gy を受け、{2} 年で許容線量に達する。{3} 年のミッションが"
        "終わる前である。捕捉粒子帯があるため、高度は自由に選べるものではなくコストになる。",
    ),
    (
        "In this orbit the chips take {0} Gy a year and reach their dose limit after {1} years, before the "
        "{2}-year mission ends; the trapped-particle belts make altitude a cost, not a free choice.",
        "この軌道ではチップが年 {0} Gy を受け、{1} 年で許容線量に達する。{2} 年のミッションが終わる前である。"
        "捕捉粒子帯があるため、高度は自由に選べるものではなくコストになる。",
    ),
    (
        "Here the chips take {0} Gy a year behind {1} of shielding, within their dose life; but at {2} they would "
        "take {3} Gy a year and orbit would cost {4} per million tokens ({5} the ground): above about {6} the "
        "inner Van Allen belt ends the chips' life early.",
        "ここではチップが {1} の遮蔽の内側で年 {0} Gy を受け、線量寿命の範囲内にある。しかし {2} では年 {3} Gy "
        "を受け、軌道のコストは100万トークンあたり {4}（地上の {5}）になる。約 {6} より上では内側ヴァン・アレン帯が"
        "チップの寿命を早く終わらせる。",
    ),
    (
        "Here the chips take {0} Gy a year, within their dose life; but at {1} they would take {2} Gy a year and "
        "orbit would cost {3} per million tokens ({4} the ground): above about {5} the inner Van Allen belt ends "
        "the chips' life early.",
        "ここではチップが年 {0} Gy を受け、線量寿命の範囲内にある。しかし {1} では年 {2} Gy を受け、軌道のコストは"
        "100万トークンあたり {3}（地上の {4}）になる。約 {5} より上では内側ヴァン・アレン帯がチップの寿命を早く"
        "終わらせる。",
    ),
    (
        "the orbit stays below the inner belt (here up to {0})",
        "軌道が内側ヴァン・アレン帯より下にとどまる（ここでは {0} まで）",
    ),
    ("dose at {0}", "{0} での線量"),
    ("orbital per 1M tokens at {0}", "{0} での軌道の100万トークンあたりコスト"),
]

# ---------------------------------------------------------------------------- published projections (claims_years)
PROJECTIONS: dict[str, str] = {
    "tco_base_launch": "打ち上げ価格は 2050 年までに 1,700 ドル/kg から 485 ドル/kg に下がる（基本ケース）",
    "tco_base_parity": "軌道は 2040 年ごろ地上と同等のコストになる",
    "tco_bull_launch": "打ち上げ価格は 2050 年までに 80 ドル/kg に下がる（強気ケース）",
    "timeline_optimistic": "2035 年までに軌道／地上は約 1.1 倍（楽観）",
    "timeline_optimistic_2040": "2040 年までに軌道／地上は約 1 倍（楽観）",
    "timeline_central": "2040 年までに軌道／地上は約 1.5 倍（中位）",
    "timeline_conservative": "2040 年までに軌道／地上は約 3.3 倍（保守的）",
    "suncatcher_price": "2030 年代半ばまでに打ち上げは 200 ドル/kg 以下",
    "suncatcher_threshold": "200 ドル/kg がギガワット級の軌道上計算が経済的になる閾値",
    "spacex_kw_per_tonne": "衛星 1 トンあたり 100 kW の計算能力",
    "spacex_cheapest": "数年以内に最も安い AI 計算は宇宙になる",
    "starcloud_mass": "約 3 トンの 200 kW 衛星",
    "starcloud_parity": "約 500 ドル/kg で地上データセンターと競争力を持つ",
}

# ---------------------------------------------------------------------------- atomic oxygen (issue 14)
FIELDS.update(
    {
        "launch.coating_erosion_yield": (
            "被膜の原子状酸素エロージョン収率",
            "気流に面したアレイとラジエータの犠牲被膜が、原子状酸素1個あたりに失う体積",
        ),
        "launch.coating_density": ("被膜の密度", "犠牲被膜の密度"),
        "launch.coating_margin": (
            "被膜厚さのマージン",
            "ミッション中の原子状酸素フルエンスで削られる深さに対する被膜厚さの倍率",
        ),
    }
)
OUTPUTS.update(
    {
        "launch.ao_fluence": "寿命中に気流に面した面が受ける原子状酸素フルエンス",
        "launch.ao_coating_mass": "気流に面したアレイとラジエータの原子状酸素エロージョンに必要な犠牲被膜の質量",
        "launch.mass_coating": "質量内訳：原子状酸素エロージョン対策の犠牲被膜",
    }
)
