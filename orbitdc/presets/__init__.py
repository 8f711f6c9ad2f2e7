"""Named scenarios shipped with orbitdc (``orbitdc/presets/*.toml``).

Each preset is a partial overlay on the field defaults: a TOML file whose ``[meta]`` table
gives a title and description (and optionally a ``base`` preset it extends) and whose
section tables set values, each with a ``# source`` comment.

Examples
--------
>>> from orbitdc import presets
>>> scn = presets.load("dawn-dusk-650")
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from pathlib import Path

from ..errors import ScenarioError

_DIR = Path(__file__).parent
DEFAULT = "dawn-dusk-650"

__all__ = ["load", "names", "info", "path", "DEFAULT"]


def names() -> list[str]:
    """Names of the shipped presets, sorted (the default first)."""
    found = sorted(p.stem for p in _DIR.glob("*.toml"))
    if DEFAULT in found:
        found.remove(DEFAULT)
        found.insert(0, DEFAULT)
    return found


def path(name: str) -> Path:
    """File path of preset ``name``; ScenarioError with a suggestion if unknown."""
    p = _DIR / f"{name}.toml"
    if not p.is_file():
        near = difflib.get_close_matches(name, names(), n=1)
        hint = f"did you mean {near[0]!r}?" if near else "see `orbitdc presets`"
        raise ScenarioError("preset", name, "one of " + ", ".join(names()), f"unknown preset; {hint}")
    return p


@functools.cache
def _data(name: str) -> dict:
    return tomllib.loads(path(name).read_text(encoding="utf-8"))


def info(name: str) -> dict:
    """The preset's ``[meta]`` table (title, description, base)."""
    return dict(_data(name).get("meta", {}))


def load(name: str):
    """Load preset ``name`` as a :class:`~orbitdc.scenario.Scenario`."""
    from ..scenario import Scenario

    data = dict(_data(name))
    meta = dict(data.get("meta", {}))
    meta.setdefault("name", name)
    data["meta"] = meta
    if meta.get("base") == name:
        raise ScenarioError("preset", name, "a preset other than itself", "a preset cannot extend itself")
    scn = Scenario.from_dict(data)
    scn.name = name
    return scn
