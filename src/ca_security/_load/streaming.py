"""The fast path's reading of one data file: its records, made in canonical order, one at a time.

A data file is a JSON array of records. Parsing it whole and then making the
records keeps every parsed object alive beside the records, and the records,
made after them, land in the holes the parsed objects leave: the process
keeps about twice the memory the records need. Here each element of the
array is parsed alone (``JSONDecoder.raw_decode`` at its offset), made into a
record, and dropped before the next one is parsed, so that at any time only
one record's parsed JSON is alive and its memory is reused for the next.

The records are made in their kind's canonical order (:meth:`Kind.sort
<ca_security._model.kinds.Kind.sort>`), so that they lie in memory in the order
a loop over the collection visits them. A first pass over the array reads
each element's id and date (its rank) and its offset; a second parses the
elements again, in canonical order, and makes the records. When an element is
not what a record needs to be ranked (not an object, an id that is not a
string, a date that cannot be read), the elements are made in file order:
such data fail on the fast path anyway, and the converter reports why.

Every error here is :class:`~ca_security._load.fast_source.NotFast`: the loader
then reads the file again with the converter, which reports every problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from .._model.dates import PartialDate
from .._model.kinds import Kind, day_rank
from .fast_source import NotFast, Structure

__all__ = ["element_offsets", "records_in_order"]

_SPACE = re.compile(r"[ \t\n\r]*")
#: Parses one element at an offset; no hooks: the elements are parsed again, with
#: the loader's own hooks (duplicate keys, ``NaN``, long integers), before any
#: record is made of them.
_PEEK = json.JSONDecoder().raw_decode


def _skip_space(text: str, at: int) -> int:
    """The offset of the first character at or after ``at`` that is not JSON white space."""
    found = _SPACE.match(text, at)
    return found.end() if found is not None else at


def element_offsets(
    text: str, decode: Callable[[str, int], tuple[Any, int]]
) -> Iterator[tuple[int, Any]]:
    """The offset and parsed value of each element of the JSON array ``text``, in file order.

    ``decode`` parses one JSON value at an offset (``JSONDecoder.raw_decode``).

    Raises:
        NotFast: when ``text`` is not one JSON array with nothing but white space after it.

    """
    at = _skip_space(text, 0)
    if text[at : at + 1] != "[":
        raise NotFast
    at = _skip_space(text, at + 1)
    if text[at : at + 1] != "]":
        while True:
            try:
                value, end = decode(text, at)
            except (ValueError, RecursionError):
                raise NotFast from None
            yield at, value
            at = _skip_space(text, end)
            separator = text[at : at + 1]
            if separator == "]":
                break
            if separator != ",":
                raise NotFast
            at = _skip_space(text, at + 1)
    if _skip_space(text, at + 1) != len(text):
        raise NotFast


def canonical_offsets(
    kind: Kind, text: str, date: Callable[[Any], PartialDate]
) -> list[int] | None:
    """The offsets of the elements of ``text`` in ``kind``'s canonical order, or ``None``.

    The order is that of :meth:`Kind.sort` on the records the elements make:
    by id, then (stable) by the rank of the kind's date field (:attr:`Kind.dated_by`),
    read with ``date`` (a :class:`PartialDate` from its ISO string). ``None``
    as soon as an element cannot be ranked: the caller keeps the file order
    (and, for such data, the fast path soon gives way to the converter).

    Raises:
        NotFast: when ``text`` is not a JSON array.

    """
    field = kind.dated_by
    offsets: list[int] = []
    ids: list[str] = []
    ranks: list[int] = []
    for offset, value in element_offsets(text, _PEEK):
        offsets.append(offset)
        if type(value) is not dict or type(value.get("id")) is not str:
            return None  # stop here: the rest of the file need not be read twice
        ids.append(value["id"])
        if field is not None:
            dated = value.get(field)
            try:
                ranks.append(day_rank(None if dated is None else date(dated)))
            except (NotFast, ValueError, TypeError):
                return None
    order = sorted(range(len(offsets)), key=ids.__getitem__)
    if field is not None:
        order.sort(key=ranks.__getitem__)
    return [offsets[position] for position in order]


def records_in_order(
    kind: Kind,
    text: str,
    structure: Structure,
    decode: Callable[[str, int], tuple[Any, int]],
    date: Callable[[Any], PartialDate],
) -> tuple[tuple[Any, ...], list[int] | None]:
    """The records of the JSON array ``text``, made one element at a time in canonical order.

    ``decode`` parses one element at an offset (with the loader's hooks),
    ``structure`` makes a record of it. The records are returned in the order
    they were made: ``kind``'s canonical order, or the file's when an element
    cannot be ranked (see :func:`canonical_offsets`), with the offset in
    ``text`` of each record's element (``None`` for file order).

    Raises:
        NotFast: for text that is not a JSON array, an element that does not
            parse, and any element the fast path does not take.

    """
    offsets = canonical_offsets(kind, text, date)
    if offsets is None:
        return tuple([structure(value) for _, value in element_offsets(text, decode)]), None
    records: list[Any] = []
    append = records.append
    for offset in offsets:
        try:
            value = decode(text, offset)[0]
        except (ValueError, RecursionError):
            raise NotFast from None
        append(structure(value))
    return tuple(records), offsets
