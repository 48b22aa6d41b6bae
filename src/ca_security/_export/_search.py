"""Plain text search over every record's names, titles, texts and excerpts (for the CLI)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from .._kinds import KINDS
from ._model import fields_of

__all__ = ["Hit", "search"]


@attrs.frozen
class Hit:
    """A record with a text field that contains the search text.

    Attributes:
        kind: What the record is (``"statement"``).
        id: The record's id.
        field: Where the text was found, e.g. ``"citations[1].excerpt"``.
        text: The field's text.

    """

    kind: str
    id: str
    field: str
    text: str


def search(dataset: Any, text: str) -> list[Hit]:
    """Every record with a text field containing ``text`` (case-insensitive), first field only.

    Raises:
        ValueError: when ``text`` is blank.

    """
    needle = text.casefold().strip()
    if not needle:
        raise ValueError("search text is blank")
    hits: list[Hit] = []
    for kind in KINDS:
        for record in getattr(dataset, kind.name):
            for field, value in _texts(record, ""):
                if needle in value.casefold():
                    hits.append(Hit(kind.noun, record.id, field, value))
                    break
    return hits


def _texts(record: Any, path: str) -> Iterator[tuple[str, str]]:
    record_type: type = type(record)
    for field in fields_of(record_type):
        value = getattr(record, field.name)
        items = value if field.many else (value,)
        for position, item in enumerate(items):
            where = f"{path}{field.name}[{position}]" if field.many else path + field.name
            if field.is_record:
                yield from _texts(item, where + ".")
            elif field.is_text and isinstance(item, str):
                yield where, item
