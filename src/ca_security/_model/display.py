"""Short, readable text for records in a REPL: who, when, what; never the nested citations.

Every record kind's ``__repr__`` is one line (``<Statement tokayev-...: ...>``)
and its ``__str__`` a few labelled lines. The full structure stays one call
away: :func:`attrs.asdict`, or the JSON export.
"""

from __future__ import annotations

import enum
from collections.abc import Sized
from typing import Any

__all__ = ["Described"]

#: The longest text shown before it is cut with an ellipsis.
_TEXT_WIDTH = 72


def _shown(value: Any) -> str | None:
    """A field value as a person reads it, or ``None`` when there is nothing to show."""
    if value is None or value == ():
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(str(_shown(item)) for item in value)
    text = " ".join(str(value).split())
    if len(text) > _TEXT_WIDTH:
        text = text[: _TEXT_WIDTH - 1].rstrip() + "…"
    return text


def _count(items: Sized, noun: str) -> str:
    return f"{len(items)} {noun}" + ("" if len(items) == 1 else "s")


class Described:
    """Mixin of the record types: ``repr`` and ``str`` from :meth:`_described`.

    A record type lists its few telling fields in ``_described`` as
    ``(label, value)`` pairs; empty values are left out. It defines no
    attributes, so slotted attrs classes keep their slots.
    """

    __slots__ = ()

    def _described(self) -> list[tuple[str, Any]]:
        return []

    def _parts(self) -> list[tuple[str, str]]:
        parts = [(label, _shown(value)) for label, value in self._described()]
        citations = getattr(self, "citations", None)
        if citations:
            parts.append(("sources", _count(citations, "citation")))
        return [(label, text) for label, text in parts if text is not None]

    def __repr__(self) -> str:
        name = type(self).__name__
        record_id = getattr(self, "id", None)
        head = f"{name} {record_id}" if record_id is not None else name
        body = "; ".join(f"{label} {text}" for label, text in self._parts())
        return f"<{head}: {body}>" if body else f"<{head}>"

    def __str__(self) -> str:
        name = type(self).__name__
        record_id = getattr(self, "id", None)
        lines = [f"{name} {record_id}" if record_id is not None else name]
        lines += [f"  {label}: {text}" for label, text in self._parts()]
        return "\n".join(lines)
