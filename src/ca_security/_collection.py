"""The immutable, id-indexed collection that holds each kind of record."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ._errors import RecordNotFoundError

__all__ = ["Collection"]

R = TypeVar("R")


class Collection(Generic[R]):
    """An immutable, ordered collection of records of one kind, indexed by id.

    Iteration follows the collection's canonical order (see
    :doc:`/data-dictionary`). ``coll[id]`` returns the record with that id or
    raises :class:`~ca_security.RecordNotFoundError` (a :class:`KeyError`)
    that suggests the closest ids.

    Examples:
        >>> import ca_security
        >>> ds = ca_security.load()
        >>> ds.countries["kz"].name
        'Kazakhstan'
        >>> ds.countries.get("xx") is None
        True

    """

    __slots__ = ("_by_id", "_kind", "_records")

    def __init__(self, records: Iterable[R], *, kind: str) -> None:
        self._records: tuple[R, ...] = tuple(records)
        self._kind = kind
        by_id: dict[str, R] = {}
        for record in self._records:
            by_id.setdefault(_id_of(record), record)
        self._by_id = MappingProxyType(by_id)

    @property
    def kind(self) -> str:
        """What the records are, e.g. ``"statement"``."""
        return self._kind

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids in canonical order."""
        return tuple(_id_of(record) for record in self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __reversed__(self) -> Iterator[R]:
        return reversed(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return any(item is record or item == record for record in self._records)

    def __getitem__(self, record_id: str) -> R:
        if not isinstance(record_id, str):
            raise TypeError(
                f"{self._kind} ids are strings; got {type(record_id).__name__} "
                "(use list(collection)[i] for a position)"
            )
        try:
            return self._by_id[record_id]
        except KeyError:
            raise RecordNotFoundError(record_id, self._kind, self.closest_ids(record_id)) from None

    def get(self, record_id: str, default: Any = None) -> Any:
        """The record with ``record_id``, or ``default`` when there is none."""
        if not isinstance(record_id, str):
            raise TypeError(f"{self._kind} ids are strings; got {type(record_id).__name__}")
        return self._by_id.get(record_id, default)

    def closest_ids(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """The ids most like ``text``, best first (for error messages)."""
        return tuple(difflib.get_close_matches(str(text), list(self._by_id), n=limit, cutoff=0.5))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._kind == other._kind and self._records == other._records

    def __hash__(self) -> int:
        return hash((self._kind, self._records))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self._records)} {self._kind} records>"

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "_by_id"):
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__setattr__(self, name, value)


def _id_of(record: object) -> str:
    record_id = getattr(record, "id", None)
    if not isinstance(record_id, str):
        raise TypeError(f"record without a string id: {record!r}")
    return record_id
