"""The table of record kinds: attribute name, data file, record type and canonical order.

A kind is known by its collection name (``"statements"``), its noun
(``"statement"``) and its record type (:class:`Statement`); the
:class:`Kind` itself is the one key that ties them. Code that has one of them
asks :func:`kind_named` or :func:`kind_of_type` for the kind, instead of
keeping its own translation table.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .dates import PartialDate
from .incidents import Incident
from .initiatives import Initiative
from .people import Official, Post
from .provenance import Source
from .statements import Figure, Statement
from .summits import Summit
from .vocabulary import Country, Organization, Place, Series, Topic

__all__ = ["KINDS", "Kind", "kind_named", "kind_of_type", "records_by_kind"]

#: The rank of an undated record: after every date (years are 1..9999).
_UNDATED = 10_000 * 13 * 32 * 3


def day_rank(date: PartialDate | None) -> int:
    """A number that sorts dates by first day, the coarser date first among equal first days.

    The first day is ``(year, month or 1, day or 1)``; the precision (0 for a
    year, 1 for a month, 2 for a day) breaks ties, as the ISO strings would.
    Undated (``None``) sorts last.
    """
    if date is None:
        return _UNDATED
    month, day = date.month, date.day
    precision = 0 if month is None else 1 if day is None else 2
    return ((date.year * 13 + (month or 1)) * 32 + (day or 1)) * 3 + precision


_ID = operator.attrgetter("id")


@attrs.frozen
class Kind:
    """One kind of record: where it lives in a dataset and how it is ordered.

    Records are ordered by id, or when the kind is ``dated_by`` a date field
    (statements by date, summits and incidents by start), by the
    :func:`day_rank` of that field and then by id. The loader reads that
    field from the JSON to make the records in this order.
    """

    name: str
    file: str
    type: type
    noun: str
    #: The date field that orders the records (``None`` when they are ordered by id).
    dated_by: str | None = None

    @property
    def rank(self) -> Callable[[Any], int] | None:
        """The :func:`day_rank` of a record's ``dated_by`` field, or ``None`` for a kind without one."""
        if self.dated_by is None:
            return None
        date_of = operator.attrgetter(self.dated_by)
        return lambda record: day_rank(date_of(record))

    def sort(self, records: Iterable[Any]) -> list[Any]:
        """``records`` in this kind's canonical order.

        Two sorts, by id and then (stable) by rank, cost less than one by a
        tuple key: each compares keys of a single type, which Python's sort
        does without the generic comparison.
        """
        by_id = sorted(records, key=_ID)
        return by_id if self.rank is None else sorted(by_id, key=self.rank)


#: Every record kind, in the order files are read and shown.
KINDS: tuple[Kind, ...] = (
    Kind("sources", "sources.json", Source, "source"),
    Kind("countries", "countries.json", Country, "country"),
    Kind("places", "places.json", Place, "place"),
    Kind("organizations", "organizations.json", Organization, "organization"),
    Kind("topics", "topics.json", Topic, "topic"),
    Kind("series", "series.json", Series, "series"),
    Kind("posts", "posts.json", Post, "post"),
    Kind("officials", "officials.json", Official, "official"),
    Kind("initiatives", "initiatives.json", Initiative, "initiative"),
    Kind("summits", "summits.json", Summit, "summit", "start"),
    Kind("statements", "statements.json", Statement, "statement", "date"),
    Kind("figures", "figures.json", Figure, "figure"),
    Kind("incidents", "incidents.json", Incident, "incident", "start"),
)

_BY_TYPE: dict[type, Kind] = {kind.type: kind for kind in KINDS}
_BY_NAME: dict[str, Kind] = {
    **{kind.noun: kind for kind in KINDS},
    **{kind.name: kind for kind in KINDS},
}


def kind_of_type(record_type: type) -> Kind | None:
    """The kind whose records are of exactly ``record_type``, or ``None`` for any other type."""
    return _BY_TYPE.get(record_type)


def kind_named(name: str) -> Kind:
    """The kind with this collection name (``"statements"``) or noun (``"statement"``).

    Raises:
        ValueError: for a name of no kind; the message suggests the closest one.

    """
    kind = _BY_NAME.get(name) if isinstance(name, str) else None
    if kind is None:
        import difflib

        close = difflib.get_close_matches(str(name), [kind.name for kind in KINDS], n=1)
        suggestion = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown record kind {name!r}{suggestion}")
    return kind


def records_by_kind(records: Mapping[str, Iterable[Any]]) -> dict[str, tuple[Any, ...]]:
    """``records`` as tuples per collection name, each record of its kind's type.

    Raises:
        TypeError: for records that are not a mapping, a kind's records that
            are not an iterable, or a record of the wrong type.
        ValueError: for a key that is not a collection name.

    """
    if not isinstance(records, Mapping):
        raise TypeError(
            f"records must be a mapping of kind name to records, got {type(records).__name__}"
        )
    checked: dict[str, tuple[Any, ...]] = {}
    for name, values in records.items():
        kind = kind_named(name)
        if kind.name != name:
            raise ValueError(f"unknown record kind {name!r}; did you mean {kind.name!r}?")
        if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
            raise TypeError(
                f"records[{name!r}] must be an iterable of {kind.type.__name__} records, "
                f"got {type(values).__name__}"
            )
        found = tuple(values)
        if set(map(type, found)) - {kind.type}:
            position, record = next(
                (position, record)
                for position, record in enumerate(found)
                if type(record) is not kind.type
            )
            other = kind_of_type(type(record))
            hint = f"; it belongs under {other.name!r}" if other is not None else ""
            raise TypeError(
                f"records[{name!r}][{position}] is a {type(record).__name__}, "
                f"not a {kind.type.__name__}{hint}"
            )
        checked[name] = found
    return checked
