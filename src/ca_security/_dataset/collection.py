"""The immutable, id-indexed collection that holds each kind of record."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from .._model.errors import RecordNotFoundError
from .._model.kinds import kind_named

if TYPE_CHECKING:
    from typing_extensions import Self

    from .dataset import Dataset

__all__ = ["Collection", "closest"]

R = TypeVar("R")
D = TypeVar("D")


class Collection(Generic[R]):
    """An immutable, ordered collection of records of one kind, indexed by id.

    Iteration follows the collection's canonical order (see
    :doc:`/data-dictionary`). ``coll[id]`` returns the record with that id or
    raises :class:`~ca_security.RecordNotFoundError` (a :class:`KeyError`)
    that suggests the closest ids.

    Collections that belong to a :class:`~ca_security.Dataset` answer
    questions: :meth:`filter` (criteria that chain), :meth:`lookup` (one
    record by any of its names) and :meth:`search` (ranked approximate
    matches). See :doc:`/querying`.

    Examples:
        >>> import ca_security
        >>> ds = ca_security.load()
        >>> ds.countries["kz"].name
        'Kazakhstan'
        >>> ds.countries.get("xx") is None
        True

    """

    __slots__ = ("_by_id", "_dataset", "_kind", "_positions", "_records")
    _records: tuple[R, ...]
    _kind: str
    _by_id: MappingProxyType[str, R] | None
    #: The dataset this collection belongs to (``None`` for a free-standing collection).
    _dataset: Dataset | None
    #: Positions in the dataset's full collection (``None``: this is the full collection).
    _positions: tuple[int, ...] | None

    def __init__(self, records: Iterable[R], *, kind: str) -> None:
        _fill(self, tuple(records), kind, None, None)
        _ids_of(self._records)

    @classmethod
    def _subset(
        cls, full: Collection[R], positions: tuple[int, ...], records: tuple[R, ...] | None = None
    ) -> Self:
        """The records of ``full`` at ``positions`` (ascending), bound to the same dataset.

        ``records`` are those records when the caller has them already.
        """
        subset = cls.__new__(cls)
        if records is None:
            records = records_at(full._records, positions)
        _fill(subset, records, full._kind, full._dataset, positions)
        return subset

    def _bind(self, dataset: Dataset) -> None:
        """Attach the dataset this (full) collection belongs to; once."""
        if self._dataset is not None and self._dataset is not dataset:
            raise ValueError("this collection already belongs to another dataset")
        object.__setattr__(self, "_dataset", dataset)

    def _index(self) -> MappingProxyType[str, R]:
        by_id: MappingProxyType[str, R] | None = self._by_id
        if by_id is None:
            mapping: dict[str, R] = {}
            for record in self._records:
                mapping.setdefault(_id_of(record), record)
            by_id = MappingProxyType(mapping)
            object.__setattr__(self, "_by_id", by_id)
        return by_id

    @property
    def kind(self) -> str:
        """What the records are, e.g. ``"statement"``."""
        return self._kind

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids in canonical order."""
        return tuple(_ids_of(self._records))

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __reversed__(self) -> Iterator[R]:
        return reversed(self._records)

    def __bool__(self) -> bool:
        return bool(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._index()
        return any(item is record or item == record for record in self._records)

    def __getitem__(self, record_id: str) -> R:
        if not isinstance(record_id, str):
            raise TypeError(
                f"{self._kind} ids are strings; got {type(record_id).__name__} "
                "(use list(collection)[i] for a position)"
            )
        try:
            return self._index()[record_id]
        except KeyError:
            raise RecordNotFoundError(record_id, self._kind, self._closest_ids(record_id)) from None

    @overload
    def get(self, record_id: str) -> R | None: ...

    @overload
    def get(self, record_id: str, default: D) -> R | D: ...

    def get(self, record_id: str, default: D | None = None) -> R | D | None:
        """The record with ``record_id``, or ``default`` (``None``) when there is none.

        Raises:
            TypeError: if ``record_id`` is not a string.

        """
        if not isinstance(record_id, str):
            raise TypeError(f"{self._kind} ids are strings; got {type(record_id).__name__}")
        return self._index().get(record_id, default)

    def _closest_ids(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """The ids most like ``text``, best first (for error messages).

        Raises:
            TypeError: if ``text`` is not a string.

        """
        if not isinstance(text, str):
            raise TypeError(f"_closest_ids takes a string; got {type(text).__name__}")
        return closest(text, self._index(), limit)

    # -- queries ----------------------------------------------------------------

    def filter(self, **criteria: Any) -> Self:
        """The records that meet every criterion, as a collection of the same kind.

        Filters chain: ``coll.filter(a=x).filter(b=y) == coll.filter(a=x, b=y)``.
        The result keeps the canonical order. Which criteria a kind accepts,
        and what each means, is listed in :doc:`/querying`; a reference
        criterion takes an id, a record or a name (any alias; every record
        bearing that name matches), or a list of them (any of them matches).
        Dates take a :class:`datetime.date`, a :class:`~ca_security.PartialDate`
        or a string and match by overlap.

        Raises:
            TypeError: for an unknown criterion (the message names the valid
                ones), or a value of the wrong type.
            RecordNotFoundError: when an id or name matches no record (the
                message suggests the closest names).
            ValueError: for a date or a vocabulary value that cannot be read.

        """
        result: Self = _filter_function()(self, criteria)
        return result

    def lookup(self, name: str) -> R:
        """The one record with this id, name or alias.

        Names match exactly once folded: case, diacritics, punctuation and
        spacing are ignored (``"mahmudzoda"`` finds ``"Mahmudzoda"``,
        ``"Nur-Sultan"`` finds ``"Nursultan"``); scripts are not
        transliterated.

        Raises:
            RecordNotFoundError: when no record bears the name; the message
                suggests the closest names (a :class:`LookupError`).
            AmbiguousNameError: when several records bear the name; it lists
                them (a :class:`LookupError`).

        """
        from .._query.lookup import lookup

        result: R = lookup(self, name)
        return result

    def search(self, text: str, limit: int = 10) -> tuple[R, ...]:
        """Records whose names (or, for statements and figures, text) resemble ``text``, best first.

        Ranking: the share of the query's words found in a record's names
        (exactly, as a word prefix, or as a close misspelling), plus a bonus
        for a whole-name match; ties keep the canonical order.

        Args:
            text: What to look for.
            limit: The most records to return.

        Raises:
            TypeError: if ``text`` is not a string or ``limit`` not an integer.
            ValueError: if ``limit`` is negative.

        """
        from .._query.lookup import search

        return search(self, text, limit)

    # -- equality and immutability ---------------------------------------------

    def to_pandas(self) -> Any:
        """The records as a typed ``pandas.DataFrame``, one row per record.

        Columns are the record's single-valued fields, as in the CSV export
        (a partial date gives three columns: ISO string, earliest and latest
        day); tuples such as topics and citations are in the link tables of
        ``Dataset.to_pandas()``. Needs the ``pandas`` extra.

        Raises:
            MissingExtraError: when pandas is not installed.

        Examples:
            >>> import ca_security
            >>> frame = ca_security.load().statements.to_pandas()
            >>> frame["kind"].dtype.name, str(frame["date_earliest"].dtype)
            ('category', 'datetime64[s]')

        """
        from .._export.frames import pandas_frame, require

        require("pandas", "to_pandas()")
        return pandas_frame(self._main_table())

    def to_arrow(self) -> Any:
        """The records as a typed ``pyarrow.Table``, one row per record.

        The columns are those of ``to_pandas()``. Needs the ``arrow`` extra.

        Raises:
            MissingExtraError: when pyarrow is not installed.

        """
        from .._export.frames import arrow_table, require

        require("pyarrow", "to_arrow()")
        return arrow_table(self._main_table())

    def _main_table(self) -> Any:
        from .._export.tables import tables_of_kind

        return tables_of_kind(kind_named(self.kind), self)[0]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Collection):
            return NotImplemented
        return self._kind == other._kind and self._records == other._records

    def __hash__(self) -> int:
        return hash((self._kind, self._records))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self._records)} {self._kind} records>"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")


@functools.cache
def _filter_function() -> Callable[[Any, Mapping[str, Any]], Any]:
    """The query layer's ``filter``, imported on first use (loading data does not need it).

    Kept once imported: an import statement run on every call costs more than
    answering a question from its index.
    """
    from .._query.filtering import filter_collection

    return filter_collection


# The slots' own setters (member descriptors), for _fill.
_SET_RECORDS, _SET_KIND, _SET_BY_ID, _SET_DATASET, _SET_POSITIONS = (
    vars(Collection)[name].__set__
    for name in ("_records", "_kind", "_by_id", "_dataset", "_positions")
)


def _fill(
    collection: Collection[Any],
    records: tuple[Any, ...],
    kind: str,
    dataset: Dataset | None,
    positions: tuple[int, ...] | None,
) -> None:
    """Set every slot of a new collection.

    The slots' own setters are called directly: collections are frozen
    (``__setattr__`` refuses), and a subset is made for every query answer,
    so this is about twice as fast as ``object.__setattr__`` by name.
    """
    _SET_RECORDS(collection, records)
    _SET_KIND(collection, kind)
    _SET_BY_ID(collection, None)
    _SET_DATASET(collection, dataset)
    _SET_POSITIONS(collection, positions)


def closest(text: object, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """The candidates most like ``text``, best first; ids are lowercase, so case is ignored."""
    import difflib

    wanted = str(text).strip().casefold().replace(" ", "-").replace("_", "-")
    return tuple(difflib.get_close_matches(wanted, list(candidates), n=limit, cutoff=0.5))


def records_at(records: tuple[R, ...], positions: tuple[int, ...]) -> tuple[R, ...]:
    """``records[p]`` for each of ``positions``, as a tuple (gathered in C, not item by item)."""
    if len(positions) > 1:
        found: tuple[R, ...] = itemgetter(*positions)(records)
        return found
    return (records[positions[0]],) if positions else ()


_ID = attrgetter("id")


def _ids_of(records: tuple[Any, ...]) -> list[str]:
    """The ids of ``records`` in order, read in one C pass when every one is a plain string.

    Raises:
        TypeError: for a record without a string id (from :func:`_id_of`).

    """
    try:
        ids: list[str] = list(map(_ID, records))
    except AttributeError:
        return [_id_of(record) for record in records]
    if set(map(type, ids)) <= {str}:
        return ids
    return [_id_of(record) for record in records]


def _id_of(record: object) -> str:
    record_id = getattr(record, "id", None)
    if not isinstance(record_id, str):
        raise TypeError(f"record without a string id: {record!r}")
    return record_id
