"""Generate ``orbitdc/data/units_si.json``: pint's SI conversion of every field, output and catalog unit.

Run offline whenever a field or output gets a unit the table lacks
(``python tools/gen_units_table.py``; ``tests/test_units_table.py`` fails until then).
For each unit string ``u`` used by a scenario field, a pipeline output or the accelerator catalog the table holds
what :func:`orbitdc.units.si_unit_of` computes with pint -- ``(si_unit, scale, offset)``
with ``si = value * scale + offset`` -- and ``format(Q_(1, u).units, "~P")``, the display
symbol.  With it, evaluating a scenario and printing its results need no pint: building
the registry and its first conversions cost about 0.3-1 s per process.  Units not in the
table still go through pint.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pint

from orbitdc import units
from orbitdc.model import outputs
from orbitdc.scenario import sections

OUT = ROOT / "orbitdc" / "data" / "units_si.json"


def used_units() -> list[str]:
    """Every unit string of a scenario field or a pipeline output, sorted."""
    us = {f.unit for sec in sections().values() for f in sec.fields if not (f.is_choice or f.is_bool)}
    us |= {o.unit for o in outputs().values()}
    from orbitdc.physics.accelerators import (  # catalog figures
        ACCELERATORS,
        WAFER_INPUTS,
    )

    for cat in (ACCELERATORS, WAFER_INPUTS):
        for specs in cat.values():
            us |= {sp.unit for sp in specs.values() if hasattr(sp, "unit")}
    return sorted(us)


def main() -> None:
    table = {}
    for u in used_units():
        si, scale, offset = units._si_unit_of_pint(u)
        table[u] = [si, scale, offset, format(units.Q_(1.0, u).units, "~P")]
    data = {
        "provenance": {
            "generator": "tools/gen_units_table.py",
            "pint_version": pint.__version__,
            "function": "orbitdc.units.si_unit_of(unit) computed with pint (to_base_units of 0 and "
            "1 unit), and format(Q_(1, unit).units, '~P')",
            "columns": ["si_unit", "scale", "offset", "display"],
            "date": datetime.date.today().isoformat(),
        },
        "units": table,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(table)} units")


if __name__ == "__main__":
    main()
