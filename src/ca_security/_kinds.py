"""The table of record kinds: attribute name, data file, record type and canonical order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ._initiatives import Initiative
from ._partial_date import PartialDate
from ._people import Official, Post
from ._provenance import Source
from ._statements import Figure, Statement
from ._summits import Summit
from ._vocabulary import Country, Organization, Place, Series, Topic

__all__ = ["KINDS", "Kind"]

#: Sorts after every year a PartialDate can have (1..9999).
_NO_YEAR = 10_000


def _by_id(record: Any) -> tuple[Any, ...]:
    return (record.id,)


def _dated(date: PartialDate | None, record_id: str) -> tuple[Any, ...]:
    """By first day, the coarser date first among equal first days, then by id; undated last.

    The first day is ``(year, month or 1, day or 1)``; the precision (0 for a
    year, 1 for a month, 2 for a day) breaks ties, as the ISO strings would.
    """
    if date is None:
        return (_NO_YEAR, 0, 0, 0, record_id)
    month, day = date.month, date.day
    precision = 0 if month is None else 1 if day is None else 2
    return (date.year, month or 1, day or 1, precision, record_id)


def _statement_order(record: Statement) -> tuple[Any, ...]:
    return _dated(record.date, record.id)


def _summit_order(record: Summit) -> tuple[Any, ...]:
    return _dated(record.start, record.id)


@attrs.frozen
class Kind:
    """One kind of record: where it lives in a dataset and how it is ordered."""

    name: str
    file: str
    type: type
    noun: str
    order: Callable[[Any], tuple[Any, ...]] = _by_id


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
    Kind("summits", "summits.json", Summit, "summit", _summit_order),
    Kind("statements", "statements.json", Statement, "statement", _statement_order),
    Kind("figures", "figures.json", Figure, "figure"),
)
