"""The loader's fast path: JSON values to records without cattrs, for data that are valid.

It applies the same rules as the converter (:func:`~ca_security._load.converter.make_converter`):
strict scalar types (no ``"5"`` for ``5``, no ``True`` for ``1``), enums from
their string values, dates from ISO strings, tuples only from JSON arrays,
records only from JSON objects without unknown keys; and every check of the
records' own validators. It stops at the first error without saying where:
the loader then reads the data again with the converter, which reports every
problem with its path. Equal dates and short strings (ids, codes) are shared
between records, which saves memory.

For each record type it writes one Python function from the type's fields, as
attrs writes ``__init__`` (see :class:`RecordSource`). Only field names, which
are Python identifiers, enter the source; every other value (defaults,
validators, the slots to set) is passed in by name. No text of the data ever
becomes code. The function fills the record's slots directly and runs the
validators it knows inline, which costs half of calling the record's
``__init__`` with keywords.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from .._model import rules
from .._model.dates import PartialDate
from .fast_source import SHARED_LEN, NotFast, RecordSource, Structure, optional_inner, tuple_item

__all__ = ["NotFast", "make_structurer"]


def make_structurer() -> Callable[[type], Structure]:
    """A function that gives, for a record type, a function from a JSON value to a record.

    Each call of ``make_structurer`` has its own tables of shared dates and strings.
    """
    dates: dict[str, PartialDate] = {}
    strings: dict[str, str] = {}
    ids: dict[str, str] = {}
    made: dict[Any, Structure] = {}

    def structure_str(value: Any) -> str:
        if type(value) is not str:
            raise NotFast
        if len(value) > SHARED_LEN:
            return value
        return strings.setdefault(value, value)

    def structure_int(value: Any) -> int:
        if type(value) is not int:
            raise NotFast
        return value

    def structure_float(value: Any) -> float:
        if type(value) is not int and type(value) is not float:
            raise NotFast
        return float(value)

    def new_id(value: Any) -> str:
        """A value not yet seen as an id: check it, and keep it as the shared copy."""
        if type(value) is not str or len(value) > rules._MAX_ID or not rules._ID_MATCH(value):
            raise NotFast
        ids[value] = value
        return value

    def structure_date(value: Any) -> PartialDate:
        if type(value) is not str:
            raise NotFast
        found = dates.get(value)
        if found is None:
            found = dates[value] = PartialDate.from_iso(value)
        return found

    def for_type(annotation: Any) -> Structure:
        found = made.get(annotation)
        if found is None:
            found = made[annotation] = _build(annotation)
        return found

    def _record(record_type: type) -> Structure:
        # Record types may refer to each other: while one is written, its name
        # stands for a function that calls the finished one.
        finished: list[Structure] = []
        made[record_type] = lambda value: finished[0](value)
        try:
            source = RecordSource(record_type, for_type, strings.setdefault, (ids.get, new_id))
            structure = source.function()
        except BaseException:
            del made[record_type]
            raise
        finished.append(structure)
        return structure

    def _build(annotation: Any) -> Structure:
        if annotation is str:
            return structure_str
        if annotation is int:
            return structure_int
        if annotation is float:
            return structure_float
        if annotation is PartialDate:
            return structure_date
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return _enum(annotation)
        if attrs.has(annotation):
            return _record(annotation)
        item = tuple_item(annotation)
        if item is not None:
            return _tuple(for_type(item))
        inner = optional_inner(annotation)
        if inner is not None:
            return _optional(for_type(inner))
        raise TypeError(f"no fast structuring for {annotation!r}")

    return for_type


def _enum(enum_type: type[enum.Enum]) -> Structure:
    members = {member.value: member for member in enum_type}

    def structure(value: Any) -> Any:
        if type(value) is not str:
            raise NotFast
        return members[value]

    return structure


def _tuple(item: Structure) -> Structure:
    def structure(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise NotFast
        return tuple([item(element) for element in value])

    return structure


def _optional(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure
