"""The pipeline modules, in the order :func:`orbitdc.model.evaluate` runs their stages.

Each module declares ``SECTIONS`` (scenario inputs), ``OUTPUTS`` and ``stage(p, out)``.
Order matters: a stage reads the outputs of the stages before it.
"""

from __future__ import annotations

from . import compute, economics, launch, links, orbit, power, radiation, thermal, years

MODULES: tuple = (orbit, radiation, compute, thermal, links, power, launch, years, economics)

_cache: dict = {}


def _build():
    if _cache.get("modules") is MODULES:  # the cache holds the tuple, so its identity is a safe key
        return _cache
    key = tuple(id(m) for m in MODULES)
    if _cache.get("key") != key:
        secs, outs = {}, {}
        for m in MODULES:
            for s in getattr(m, "SECTIONS", ()):
                secs[s.name] = s
            for o in getattr(m, "OUTPUTS", ()):
                outs[o.key] = o
        _cache.update(key=key, sections=secs, outputs=outs)
    _cache["modules"] = MODULES
    return _cache


def all_sections():
    """Every scenario section, in pipeline order, as ``{name: Section}``."""
    return _build()["sections"]


def all_outputs():
    """Every pipeline output, in pipeline order, as ``{key: Output}``."""
    return _build()["outputs"]
