"""Errors raised for invalid scenarios and inputs."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

import numpy as np

UNKNOWN = "(unknown key)"


class ScenarioError(ValueError):
    """An input is invalid: names the field, the value, the allowed range and the reason.

    Parameters
    ----------
    field : str
        Dotted field name (``"orbit.altitude"``) or argument name (``"emissivity"``).
    value : object
        The offending value (for arrays, the first offending element).
    allowed : str
        The accepted range or set, in words (``"200 km to 2000 km"``).
    reason : str
        Why the value is refused (physics or model validity).
    unreadable : bool
        The value could not be read at all (text that is no quantity, a list, a complex
        number): the message says so instead of calling it out of range.

    The message is one line; the value is shown with control characters escaped and cut
    to :data:`SHOWN_CHARS` characters.
    """

    def __init__(self, field: str, value: Any, allowed: str = "", reason: str = "", *, unreadable: bool = False):
        self.field = field
        self.value = value
        self.allowed = allowed
        self.reason = reason
        self.unreadable = unreadable
        shown = _shown(value)
        msg = f"{field} = {shown}"
        if isinstance(value, str) and value == UNKNOWN:
            msg = f"unknown field {field!r}"
        elif unreadable:
            msg += " cannot be read" + (f" (expected a value in {allowed})" if allowed else "")
        elif allowed:
            msg += (
                f" is outside the allowed range {allowed}" if not allowed.startswith("one of") else f" is not {allowed}"
            )
        if reason:
            msg += f": {reason}"
        super().__init__(" ".join(msg.splitlines()) if "\n" in msg or "\r" in msg else msg)  # always one line


SHOWN_CHARS = 80
"""Longest piece of a user's value repeated in an error message [characters]."""


def _shown(value: Any) -> str:
    """The value as the message shows it: one line, at most :data:`SHOWN_CHARS` characters.

    A longer value keeps its beginning and its end around "...", so a long path still shows
    the file's name.
    """
    if isinstance(value, str) and value.isprintable():
        text = value
    else:
        try:
            text = repr(value)
        except Exception:  # noqa: BLE001 - a hostile __repr__ must not hide the error
            text = f"<{type(value).__name__}>"
    text = " ".join(text.split("\n"))
    if len(text) <= SHOWN_CHARS:
        return text
    head = (SHOWN_CHARS - 3) // 2
    return text[:head] + "..." + text[-(SHOWN_CHARS - 3 - head) :]


def first_bad(value: Any, bad: Any) -> Any:
    """Return the first element of ``value`` where boolean mask ``bad`` is true (scalar-safe)."""
    v = np.asarray(value)
    b = np.broadcast_to(np.asarray(bad), np.broadcast_shapes(v.shape, np.shape(bad)))
    vb = np.broadcast_to(v, b.shape)
    idx = np.flatnonzero(b)
    out = vb.flat[idx[0]] if idx.size else v
    return out.item() if hasattr(out, "item") and np.ndim(out) == 0 else out


REFUSALS: ContextVar[list | None] = ContextVar("orbitdc_refusals", default=None)
"""When set to a list, :func:`require` appends the mask of failing elements to it instead of
raising (used by :func:`orbitdc.model.evaluate_si_rows`, which refuses only the rows that
fail and keeps the others)."""


def require(ok: Any, field: str, value: Any, allowed: str, reason: str) -> None:
    """Raise :class:`ScenarioError` unless every element of ``ok`` is true.

    NaN compares false, so non-finite inputs fail any range check written as ``ok``.
    Inside :func:`orbitdc.model.evaluate_si_rows` the failing elements are recorded instead.
    """
    if ok is True:  # one scenario's passing check: no array to build
        return
    okb = np.asarray(ok)
    if not bool(np.all(okb)):
        sink = REFUSALS.get()
        if sink is not None:
            sink.append(~okb.astype(bool))
            return
        raise ScenarioError(field, first_bad(value, ~okb.astype(bool)), allowed, reason)


def require_finite(value: Any, field: str) -> None:
    """Refuse NaN and infinite values."""
    require(
        np.isfinite(np.asarray(value, dtype=float)),
        field,
        value,
        "finite numbers",
        "NaN or infinity is not a physical value",
    )
