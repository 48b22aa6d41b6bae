"""``ca-security show``: one record as lines of text for people."""

from __future__ import annotations

from typing import Any

from .._export.fields import fields_of
from .._model.provenance import Citation
from .._model.rules import references
from .._model.summits import Participation
from .labels import citation_line, label, name_of_record, participant_line
from .text import escape, words

__all__ = ["show_lines"]


def show_lines(ds: Any, record: Any) -> list[str]:
    """The lines ``show`` prints: a heading, then one line per field that has a value."""
    lines = [f"{type(record).__name__}: {name_of_record(record)} [{record.id}]"]
    for field, value in _record_fields(ds, record):
        if field == "id":
            continue
        if isinstance(value, list):
            lines.append(f"{field}:")
            lines.extend(f"  - {item}" for item in value)
        else:
            lines.append(f"{field}: {value}")
    return [escape(line) for line in lines]


def _value(ds: Any, owner: type, field: str, value: Any) -> str:
    """One field's value in words: ids by name, records in one line."""
    if isinstance(value, Citation):
        return citation_line(ds, value)
    if isinstance(value, Participation):
        return participant_line(ds, value)
    if field in references(owner) and isinstance(value, str):
        return label(ds, value)
    if hasattr(type(value), "__attrs_attrs__") and not hasattr(value, "isoformat"):
        return _nested(ds, value)
    return words(value)


def _nested(ds: Any, value: Any) -> str:
    """A nested record (tenure, status change, dispute ...) as ``field: value; ...``."""
    parts = []
    value_type: type = type(value)
    for info in fields_of(value_type):
        item = getattr(value, info.name)
        if item is None or item == ():
            continue
        if info.name == "citations":
            count = len(item)
            parts.append(f"{count} citation{'s' if count != 1 else ''}")
            continue
        items = item if info.many else (item,)
        shown = ", ".join(_value(ds, type(value), info.name, one) for one in items)
        parts.append(f"{info.name}: {shown}")
    return "; ".join(parts)


def _record_fields(ds: Any, record: Any) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    record_type: type = type(record)
    for info in fields_of(record_type):
        value = getattr(record, info.name)
        if value is None or value == ():
            continue
        if info.many:
            items = [_value(ds, type(record), info.name, item) for item in value]
            short = not info.is_record and sum(len(item) for item in items) < 60
            found.append((info.name, ", ".join(items) if short else items))
        else:
            found.append((info.name, _value(ds, type(record), info.name, value)))
    return found
