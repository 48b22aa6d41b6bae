"""Search over every record's names, titles, texts and excerpts (for the CLI)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from .._model.kinds import KINDS
from .._model.names import fold
from .._query.lookup import search as name_search
from .fields import fields_of

__all__ = ["Hit", "search"]


@attrs.frozen
class Hit:
    """A record with a text field that contains the search text.

    Attributes:
        kind: What the record is (``"statement"``).
        id: The record's id.
        field: Where the text was found, e.g. ``"citations[1].excerpt"``;
            ``"id"`` when only the record's id matches.
        text: The field's text (the record's first text when only the id matches).

    """

    kind: str
    id: str
    field: str
    text: str


#: The order of kinds in the answer: statements and people first, sources last.
ORDER: tuple[str, ...] = (
    "statements",
    "officials",
    *(kind.name for kind in KINDS if kind.name not in ("statements", "officials", "sources")),
    "sources",
)


def search(dataset: Any, text: str) -> list[Hit]:
    """Records matching ``text``: statements and people first, sources last.

    One matching rule with :meth:`Collection.search`, whose answers that
    match every word of ``text`` come first within each kind, in its order
    (best first): both fold case, accents and punctuation with
    :func:`ca_security._model.names.fold`. Then come the records one of whose other
    texts (an excerpt, a note) holds the folded text.
    Each hit names the first field that holds the text (or its first word).

    Raises:
        ValueError: when ``text`` is blank.

    """
    needle = fold(text)
    if not needle:
        raise ValueError("search text is blank")
    words = needle.split()
    hits: list[Hit] = []
    for name in ORDER:
        collection = getattr(dataset, name)
        noun = collection.kind
        found = set()
        for record in name_search(collection, text, len(collection), every_word=True):
            found.add(record.id)
            fields = list(_texts(record, "")) or [("id", record.id)]
            where, value = next(
                (pair for pair in fields if needle in fold(pair[1])),
                next((pair for pair in fields if words[0] in fold(pair[1])), ("", "")),
            )
            if not where:  # only the id matches: say so, and show the record's first text
                where, value = "id", fields[0][1]
            hits.append(Hit(noun, record.id, where, value))
        for record in collection:
            if record.id in found:
                continue
            for where, value in _texts(record, ""):
                if needle in fold(value):
                    hits.append(Hit(noun, record.id, where, value))
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
