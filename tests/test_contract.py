"""The stage contract (issue 11): what each pipeline stage reads and writes is declared.

Each module in :data:`orbitdc.sections.MODULES` declares ``READS`` (the scenario fields and
upstream outputs its stage uses) beside ``OUTPUTS``. These tests hold the declarations to the
code:

* every declared read is a scenario field, an output of an *earlier* stage, or one of the
  keys the year axis adds to the inputs (:data:`orbitdc.sections.years.ADJUSTMENTS`);
* a traced run of every preset and of every choice and switch of the default scenario reads
  nothing undeclared (reads are recorded by a mapping that logs ``[]``, ``get`` and ``in``);
* every declared output is written, and nothing undeclared is.

No tolerance: these are set relations.
"""

from __future__ import annotations

import pytest

from orbitdc import presets
from orbitdc.errors import ScenarioError
from orbitdc.scenario import Scenario
from orbitdc.sections import MODULES, all_sections
from orbitdc.sections.years import ADJUSTMENTS, at_year

FIELDS = {f"{s.name}.{f.name}" for s in all_sections().values() for f in s.fields}


def _name(m):
    return m.__name__.rsplit(".", 1)[-1]


class _Recorder(dict):
    """A dict that records every key looked up (present keys in ``hit``, absent in ``probe``)."""

    def __init__(self, d, hit, probe):
        super().__init__(d)
        self.hit, self.probe = hit, probe

    def _log(self, k):
        (self.hit if dict.__contains__(self, k) else self.probe).add(k)

    def __getitem__(self, k):
        self._log(k)
        return super().__getitem__(k)

    def get(self, k, *default):
        self._log(k)
        return super().get(k, *default)

    def __contains__(self, k):
        self._log(k)
        return super().__contains__(k)


def _scenarios():
    scns = [presets.load(n) for n in presets.names()]
    base = Scenario()
    for s in all_sections().values():
        for f in s.fields:
            key = f"{s.name}.{f.name}"
            if f.is_choice:
                for c in f.choices:
                    try:
                        scns.append(base.with_overrides({key: c}))
                    except ScenarioError:
                        pass  # a choice the default scenario cannot take (refused up front)
            if f.is_bool:
                scns.append(base.with_overrides({key: not f.default}))
    return scns


@pytest.fixture(scope="module")
def traced():
    """Per stage: keys read that were present, keys probed that were absent, keys written."""
    hit = {_name(m): set() for m in MODULES}
    probe = {_name(m): set() for m in MODULES}
    wrote = {_name(m): set() for m in MODULES}
    runs = 0
    for scn in _scenarios():
        p = at_year(scn.to_si())
        out: dict = {}
        for m in MODULES:
            n = _name(m)
            before = set(out)
            hp, pp, ho, po = set(), set(), set(), set()
            rec = _Recorder(out, ho, po)
            try:
                m.stage(_Recorder(p, hp, pp), rec)
            except ScenarioError:
                break  # a refused scenario (e.g. an infeasible choice): later stages do not run
            out = dict(rec)
            hit[n] |= hp | (ho & before)
            probe[n] |= pp | po
            wrote[n] |= set(out) - before
        else:
            runs += 1
    assert runs > 20  # most scenarios run the whole pipeline
    return hit, probe, wrote


def test_every_module_declares_reads():
    for m in MODULES:
        assert isinstance(getattr(m, "READS", None), tuple), _name(m)
        assert len(set(m.READS)) == len(m.READS), f"{_name(m)}: a key declared twice"


def test_declared_reads_are_fields_or_earlier_outputs():
    earlier: set = set()
    for m in MODULES:
        stray = [k for k in m.READS if k not in FIELDS and k not in earlier and k not in ADJUSTMENTS]
        assert not stray, f"{_name(m)} declares reads that no field or earlier stage provides: {stray}"
        earlier |= {o.key for o in m.OUTPUTS}


def test_traced_reads_are_declared(traced):
    hit, _, _ = traced
    for m in MODULES:
        undeclared = sorted(hit[_name(m)] - set(m.READS))
        assert not undeclared, f"{_name(m)} reads undeclared keys: {undeclared}"


def test_no_stage_probes_for_keys_nobody_writes(traced):
    # a probe for an absent key is a fallback path; allowed only for keys some stage or the
    # year axis can provide (an optional upstream output), never for names nobody writes
    _, probe, _ = traced
    provided = {o.key for m in MODULES for o in m.OUTPUTS} | FIELDS | set(ADJUSTMENTS)
    for m in MODULES:
        dead = sorted(k for k in probe[_name(m)] if k not in provided)
        assert not dead, f"{_name(m)} looks up keys that nothing writes: {dead}"


def test_declared_outputs_are_written_and_nothing_else(traced):
    _, _, wrote = traced
    for m in MODULES:
        declared = {o.key for o in m.OUTPUTS}
        assert wrote[_name(m)] <= declared, f"{_name(m)} writes undeclared {sorted(wrote[_name(m)] - declared)}"
        assert declared <= wrote[_name(m)], f"{_name(m)} never writes {sorted(declared - wrote[_name(m)])}"


def test_no_fallback_lookups_or_stage_discovery_in_stage_source():
    # a stage reads what READS declares with [] (a missing key is an error, not a default) and
    # never looks up the pipeline or another stage (shared physics is a function both call)
    import inspect
    import re

    for m in MODULES:
        src = inspect.getsource(m)
        fallbacks = re.findall(r"\b(?:out|p)\.get\(", src)
        assert not fallbacks, f"{_name(m)} looks keys up with a fallback: {fallbacks}"
        assert "MODULES" not in src, f"{_name(m)} looks up the pipeline's modules"


def test_retired_fields_load_with_a_warning_and_are_not_fields():
    """A field no stage reads is not a field: the two retired in 0.2 are gone from the
    sections, and a saved scenario that still sets one loads (with a warning) to the same
    scenario as without it."""
    from orbitdc.scenario import RETIRED_FIELDS, Scenario, all_keys

    assert set(RETIRED_FIELDS).isdisjoint(all_keys())
    with pytest.warns(FutureWarning, match="retired and ignored"):
        old = Scenario({"finance.program_satellites": 10, "orbit.altitude": "600 km"})
    assert old.to_si() == Scenario({"orbit.altitude": "600 km"}).to_si()
