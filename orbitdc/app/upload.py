"""Safe parsing of an uploaded scenario TOML (size limit, known fields only, bounds checked)."""

from __future__ import annotations

import tomllib

from .. import presets
from ..errors import ScenarioError
from ..scenario import Scenario, sections

#: Largest accepted scenario upload [bytes].  A full scenario with every field's source comment
#: is ~66 kB since the years section (learning curves and trends) joined: twice that is allowed.
UPLOAD_LIMIT = 128 * 1024


# ============================================================================ upload


def parse_upload(data: bytes, limit: int = UPLOAD_LIMIT) -> Scenario:
    """Read an uploaded scenario file safely.

    The bytes are size-checked, decoded as UTF-8 and parsed with :mod:`tomllib` only (never
    executed, unpickled or used as a path); a ``[meta] base`` must name a shipped preset.

    Raises
    ------
    ScenarioError
        ``field="upload"`` for an oversize, non-UTF-8 or non-TOML file; the field's own
        error for an invalid value.
    """
    if len(data) > limit:
        raise ScenarioError(
            "upload", f"{len(data) / 1024:.0f} kB", f"{limit // 1024} kB", "the file is too large for a scenario"
        )
    if not data.strip():
        raise ScenarioError("upload", "(empty file)", "a TOML scenario", "the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError("upload", "(binary data)", "a UTF-8 TOML text file", "the file is not text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("upload", "(not TOML)", "a TOML scenario", f"TOML syntax error: {exc}") from None
    except RecursionError:
        raise ScenarioError(
            "upload", "(nested too deeply)", "a TOML scenario", "arrays or tables nested too deeply"
        ) from None
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise ScenarioError("upload", "[meta]", "a table", "meta must be a TOML table")
    base = meta.get("base")
    if base is not None and base not in presets.names():
        raise ScenarioError("meta.base", str(base)[:60], "one of " + ", ".join(presets.names()), "unknown preset")
    known = set(sections())
    for k, v in doc.items():
        if k == "meta":
            continue
        if k not in known:
            import difflib

            near = difflib.get_close_matches(str(k), sorted(known), n=1)
            hint = f"; did you mean [{near[0]}]?" if near else ""
            raise ScenarioError("upload", f"[{k}]", ", ".join(sorted(known)), f"unknown section [{k}]{hint}")
        if not isinstance(v, dict):
            raise ScenarioError("upload", f"{k} = ...", f"a [{k}] table", "scenario values live in section tables")
    if not any(k != "meta" for k in doc):
        raise ScenarioError(
            "upload", "(no sections)", "[orbit], [power], ... tables", "the file sets no scenario values"
        )
    return Scenario.from_dict(doc)
