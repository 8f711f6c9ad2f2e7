"""The package's one pint unit registry and the helpers that cross the unit boundary.

Inside orbitdc (``orbitdc.physics``, including its engineering economics ``orbitdc.physics.finance``) every number is a plain
float or numpy array in SI base units (m, s, kg, W, K, rad, J, USD).  Pint lives only
at the boundary: scenarios, results and the public wrappers of physics functions.

Examples
--------
>>> from orbitdc.units import Q_, to_si
>>> to_si("550 km", "m")
550000.0
>>> to_si(Q_(200, "USD/kg"), "USD/kg")
200.0
"""

from __future__ import annotations

import functools
import inspect
import math
import re
import sys
import threading
import types
from collections.abc import Callable
from typing import Any

import numpy as np

# pint is loaded on first use (``ureg``, ``Q_``, parsing a unit string), not at
# ``import orbitdc``: building the registry costs about 0.1-0.25 s.  Module attributes
# ``ureg`` and ``Q_`` are resolved by ``__getattr__`` below until then.
_LOCK = threading.Lock()
ureg: Any  # the registry, set by _load() (module __getattr__ answers until then)
Q_: Any  # ureg.Quantity, set by _load()


class _LazyPint(types.ModuleType):
    """Stands for the ``pint`` module in this file; imports it on first attribute access."""

    def __getattr__(self, name: str) -> Any:
        _load()
        return getattr(sys.modules["pint"], name)


pint = _LazyPint("pint")


def _import_pint_without_dask() -> types.ModuleType:
    """Import pint without importing dask.

    ``pint.compat`` runs ``find_spec("dask")`` and, when dask is installed, imports
    ``dask.base`` for the dask-collection methods of Quantity (``compute``, ``persist``,
    ``visualize``): about 0.1 s and the whole dask package, at every ``import pint``.  While
    pint is imported, ``dask`` and ``dask.base`` are placeholders whose three functions
    import the real ``dask.base`` when called; they are removed again right after, so a
    later ``import dask`` (studies on Dask) gets the real package.  When dask is already
    imported nothing is replaced.
    """
    if "pint" in sys.modules or "dask" in sys.modules:
        import pint as mod  # noqa: PLC0415

        return mod
    import importlib  # noqa: PLC0415
    import importlib.machinery  # noqa: PLC0415

    def forward(name: str) -> Callable:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module("dask.base"), name)(*args, **kwargs)

        call.__name__ = name
        return call

    stubs = {}
    for name in ("dask", "dask.base"):
        stub = types.ModuleType(name)
        stub.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=name == "dask")
        stubs[name] = stub
    stubs["dask"].__path__ = []
    for name in ("compute", "persist", "visualize"):
        setattr(stubs["dask.base"], name, forward(name))
    stubs["dask"].base = stubs["dask.base"]
    sys.modules.update(stubs)
    try:
        import pint as mod  # noqa: PLC0415
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return mod


def _load() -> None:
    """Import pint and build the registry once (thread-safe)."""
    if "ureg" in globals():
        return
    with _LOCK:
        if "ureg" in globals():
            return
        mod = _import_pint_without_dask()
        reg = mod.UnitRegistry(
            autoconvert_offset_to_baseunit=True,
            cache_folder=":auto:",
        )
        # Money is a base dimension of its own; one currency only (US dollars, nominal).
        reg.define("USD = [currency] = _ = dollar = usd")
        reg.define("kUSD = 1e3 USD")
        reg.define("MUSD = 1e6 USD")
        reg.define("BUSD = 1e9 USD")
        # Gas is traded per million Btu (the baselines' gas price).
        reg.define("MMBtu = 1e6 * Btu")
        # Data volume helpers used by the link and workload models.
        reg.define("token = [] = _ = tokens")
        reg.formatter.default_format = "~P"
        globals()["Q_"] = reg.Quantity
        globals()["ureg"] = reg  # last: its presence marks the registry as ready


def __getattr__(name: str) -> Any:
    if name in ("ureg", "Q_"):
        _load()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _is_quantity(value: Any) -> bool:
    """True for a pint Quantity, without importing pint when nobody has."""
    mod = sys.modules.get("pint")
    return mod is not None and isinstance(value, mod.Quantity)


__all__ = ["ureg", "Q_", "to_si", "parse_quantity", "accepts", "si_unit_of", "UnitParseError"]


class UnitParseError(ValueError):
    """A value could not be read as a quantity of the expected dimension."""


@functools.lru_cache(maxsize=1)
def _units_table() -> dict:
    """pint's answers for the field and output units, shipped (``orbitdc/data/units_si.json``)."""
    import json  # noqa: PLC0415
    import pathlib  # noqa: PLC0415

    path = pathlib.Path(__file__).resolve().parent / "data" / "units_si.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["units"]
    except OSError:  # pragma: no cover - a broken install: pint answers everything
        return {}


@functools.cache
def si_unit_of(unit: str) -> tuple[str, float, float]:
    """Return ``(si_unit_string, scale, offset)`` so that ``si = value*scale + offset``.

    ``unit`` is any pint unit string; the SI unit is pint's base-unit form, with
    money kept as USD and angles as rad.  Offset is non-zero only for degC / degF.
    The units of the fields and outputs are answered from a table of pint's results
    generated offline (``tools/gen_units_table.py``, tested against pint), so evaluating a
    scenario does not load pint; any other unit is computed with pint.
    """
    hit = _units_table().get(unit)
    if hit is not None:
        return hit[0], hit[1], hit[2]
    return _si_unit_of_pint(unit)


def display_unit(unit: str) -> str:
    """pint's short pretty symbol of ``unit`` (``format(Q_(1, unit).units, "~P")``)."""
    hit = _units_table().get(unit)
    if hit is not None:
        return hit[3]
    _load()
    return format(Q_(1.0, unit).units, "~P")


def _si_unit_of_pint(unit: str) -> tuple[str, float, float]:
    """:func:`si_unit_of` computed with pint."""
    _load()
    q0 = Q_(0.0, unit).to_base_units()
    q1 = Q_(1.0, unit).to_base_units()
    scale = float(q1.magnitude - q0.magnitude)
    offset = float(q0.magnitude)
    return f"{q1.units:~}", scale, offset


MAX_TEXT = 200
"""Longest text [characters] read as a quantity: a scenario value never needs more, and
parsing time stays bounded whatever arrives from a file, the command line or a URL."""

MAX_EXPONENT = 12
"""Largest absolute power allowed on a unit (``m**3``, ``s^-2``): units never need more, and
no power of a number is evaluated (``9**9**9`` would take hours of big-integer arithmetic)."""

_NUMBER = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?![\d.])\s*")
_POWER = re.compile(r"(\*\*|\^)\s*")
_POWER_ARG = re.compile(r"\(?\s*[+-]?\d+(?:\.\d+)?\s*\)?")


def _check_text(text: str) -> None:
    """Refuse text that cannot be a quantity before any evaluation (bounded time)."""
    if len(text) > MAX_TEXT:
        raise UnitParseError(f"text of {len(text)} characters; a value is at most {MAX_TEXT} characters")
    if not text.isprintable():
        bad = next(c for c in text if not c.isprintable())
        raise UnitParseError(f"contains the control or unprintable character {bad!r}")
    if "," in text:
        raise UnitParseError("uses a decimal comma: write a decimal point (0.05, not 0,05) and no thousands separator")
    for m in _POWER.finditer(text):
        arg = _POWER_ARG.match(text, m.end())
        if arg is None:
            raise UnitParseError("only whole-number powers of units are read (m**2, s^-1)")
        try:
            power = float(arg.group().strip("() "))
        except ValueError:
            raise UnitParseError("only whole-number powers of units are read (m**2, s^-1)") from None
        before = text[: m.start()].rstrip()
        if before and _NUMBER.fullmatch(before):
            raise UnitParseError("a power of a number is not evaluated: write numbers in e-notation (1e3, not 10**3)")
        if abs(power) > MAX_EXPONENT or _POWER.match(text, arg.end()):
            raise UnitParseError(
                f"exponent too large or chained: powers of units up to {MAX_EXPONENT} are read; "
                "write numbers in e-notation (1e3, not 10**3)"
            )


def _split_number(text: str) -> tuple[float | None, str]:
    """The leading number (read by ``float``) and the unit text after it."""
    m = _NUMBER.match(text)
    if m is None:
        return None, text.strip()
    rest = text[m.end() :].strip()
    if rest[:2] == "**" or rest[:1] == "^":
        raise UnitParseError("a power of a number is not evaluated: write numbers in e-notation (1e3, not 10**3)")
    return float(m.group(1)), rest


def parse_quantity(value: Any, unit: str) -> pint.Quantity:
    """Read ``value`` as a quantity in the dimension of ``unit`` (the one bounded parser).

    Every user-typed value (library, command line ``--set``, TOML files, the app's widgets,
    upload and URL) passes here.  Text is at most :data:`MAX_TEXT` characters; the leading
    number is read by ``float`` and only the unit after it by pint, with unit powers limited
    to :data:`MAX_EXPONENT` and no power of a number evaluated, so reading takes bounded time;
    decimal commas, control characters, complex numbers and non-scalar containers are
    refused rather than misread.

    Parameters
    ----------
    value : pint.Quantity, str, int, float or array
        A quantity, a string such as ``"550 km"`` or ``"0.05 USD/kWh"``, or a bare
        number taken to be in ``unit``.
    unit : str
        The field's documented default unit (``""`` for dimensionless).

    Returns
    -------
    pint.Quantity
        The value converted to ``unit``.

    Raises
    ------
    UnitParseError
        When the value cannot be read, the dimension does not match or the result is not a
        finite real number.
    """
    _load()
    if isinstance(value, pint.Quantity):
        q = value
        if np.iscomplexobj(q.magnitude):
            raise UnitParseError("a complex quantity is not a physical value here")
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise UnitParseError("empty value")
        _check_text(text)
        try:  # a bare number in a string is in the field's default unit
            return Q_(float(text), unit)
        except ValueError:
            pass
        text = text.replace("%", " percent") if "%" in text else text
        number, rest = _split_number(text)
        if rest[:1] in ("/", "*"):  # "0.1 / cm^2": the unit part starts with an operator
            rest = "1 " + rest
        try:
            q = ureg.Quantity(rest) if rest else Q_(1.0, "")
            if not isinstance(q, pint.Quantity):
                q = Q_(q, "")
            if number is not None:
                q = number * q
        except UnitParseError:
            raise
        except Exception as exc:  # pint raises many types (and RecursionError on deep nesting)
            msg = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
            raise UnitParseError(f"cannot read {value!r} as a quantity ({msg})") from None
    elif isinstance(value, (bool, np.bool_)):
        raise UnitParseError(f"{value!r} is not a number")
    elif isinstance(value, (complex, np.complexfloating)):
        raise UnitParseError("a complex number is not a physical value here")
    elif isinstance(value, (int, float, np.integer, np.floating)):
        try:
            q = Q_(float(value), unit)
        except OverflowError:
            raise UnitParseError("the number is too large for a float") from None
    elif isinstance(value, (np.ndarray, list, tuple)):
        try:
            arr = np.asarray(value)
        except (ValueError, TypeError):
            raise UnitParseError("a ragged or nested sequence is not a value") from None
        if arr.dtype.kind not in "iuf":
            raise UnitParseError(f"a sequence of {arr.dtype.kind == 'c' and 'complex numbers' or 'non-numbers'}")
        q = Q_(arr.astype(float), unit)
    else:
        raise UnitParseError(f"a {type(value).__name__} is not a number or quantity")
    try:
        out = q.to(unit)
    except pint.DimensionalityError:
        want = Q_(1, unit).dimensionality
        raise UnitParseError(
            f"{value!r} has dimension {q.dimensionality} but {want} (e.g. {unit or 'a pure number'}) is needed"
        ) from None
    except (OverflowError, ValueError, TypeError, ZeroDivisionError) as exc:
        raise UnitParseError(f"cannot convert to {unit or 'a pure number'} ({exc})") from None
    m = out.magnitude
    try:
        finite = bool(np.all(np.isfinite(np.asarray(m, dtype=float))))
    except (OverflowError, TypeError, ValueError):
        finite = False
    if not finite and isinstance(value, str):
        raise UnitParseError("the number is too large (or not a number) once converted")
    return out


def to_si(value: Any, unit: str) -> Any:
    """Convert ``value`` (quantity, unit string or bare number in ``unit``) to SI magnitude."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        _, scale, offset = si_unit_of(unit)
        return value * scale + offset
    q = parse_quantity(value, unit)
    _, scale, offset = si_unit_of(unit)
    return q.magnitude * scale + offset


def accepts(**units: str) -> Callable:
    """Let a pure SI physics function also take pint quantities for named arguments.

    Bare numbers and arrays are passed through untouched (they are taken to be SI
    already); a ``pint.Quantity`` or unit string for a named argument is converted to
    the SI magnitude of the given unit.  The return value is unchanged (SI floats or
    arrays).  This keeps the fast path free of pint while the public surface accepts
    ``orbital_period(Q_(550, "km"))``.

    Examples
    --------
    >>> @accepts(altitude="m")
    ... def f(altitude):
    ...     return altitude
    >>> f(Q_(1, "km"))
    1000.0
    """

    def deco(func: Callable) -> Callable:
        sig = inspect.signature(func)
        names = list(sig.parameters)
        for n in units:
            if n not in names:
                raise TypeError(f"{func.__name__} has no argument {n!r}")
        positions = {n: names.index(n) for n in units}

        def conv(name: str, v: Any) -> Any:
            if isinstance(v, str) or _is_quantity(v):
                _, scale, offset = si_unit_of(units[name])
                q = parse_quantity(v, units[name])
                return q.magnitude * scale + offset
            return v

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if args:
                args = list(args)
                for n, i in positions.items():
                    if i < len(args):
                        args[i] = conv(n, args[i])
            for n in units:
                if n in kwargs:
                    kwargs[n] = conv(n, kwargs[n])
            return func(*args, **kwargs)

        wrapper.__wrapped__ = func
        wrapper.si_units = dict(units)
        return wrapper

    return deco


def is_finite(x: Any) -> bool:
    """True when every element of ``x`` is a finite number."""
    try:
        return bool(np.all(np.isfinite(np.asarray(x, dtype=float))))
    except (TypeError, ValueError):
        return False


def fmt(q: pint.Quantity, digits: int = 4) -> str:
    """Format a scalar quantity with ``digits`` significant figures and short units."""
    m = q.magnitude
    if isinstance(m, (int, float, np.floating)) and math.isfinite(float(m)):
        return f"{float(m):.{digits}g} {q.units:~P}".strip()
    return f"{q:~P}"
