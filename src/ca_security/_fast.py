"""The loader's fast path: JSON values to records without cattrs, for data that are valid.

It applies the same rules as the converter (:func:`~ca_security._converter.make_converter`):
strict scalar types (no ``"5"`` for ``5``, no ``True`` for ``1``), enums from
their string values, dates from ISO strings, tuples only from JSON arrays,
records only from JSON objects without unknown keys; the records' own
validators run as always. It stops at the first error without saying where:
the loader then reads the data again with the converter, which reports every
problem with its path. Equal dates and short strings (ids, codes) are shared
between records, which saves memory.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._partial_date import PartialDate

__all__ = ["make_structurer"]

#: Strings up to this length (ids, codes, short names) are shared between records.
_SHARED_LEN = 64

Structure = Callable[[Any], Any]


class _Refused(Exception):
    """A value the converter would refuse (the fast path gives up)."""


def make_structurer() -> Callable[[type], Structure]:
    """A function that gives, for a record type, a function from a JSON value to a record.

    Each call of ``make_structurer`` has its own tables of shared dates and strings.
    """
    dates: dict[str, PartialDate] = {}
    strings: dict[str, str] = {}
    made: dict[Any, Structure] = {}

    def structure_str(value: Any) -> str:
        if type(value) is not str:
            raise _Refused
        if len(value) > _SHARED_LEN:
            return value
        return strings.setdefault(value, value)

    def structure_int(value: Any) -> int:
        if type(value) is not int:
            raise _Refused
        return value

    def structure_float(value: Any) -> float:
        if type(value) is not int and type(value) is not float:
            raise _Refused
        return float(value)

    def structure_date(value: Any) -> PartialDate:
        if type(value) is not str:
            raise _Refused
        found = dates.get(value)
        if found is None:
            found = dates[value] = PartialDate.from_iso(value)
        return found

    def for_type(annotation: Any) -> Structure:
        found = made.get(annotation)
        if found is None:
            found = made[annotation] = _build(annotation)
        return found

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
            return _record(annotation, for_type)
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return _tuple(for_type(args[0]))
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            others = [arg for arg in args if arg is not type(None)]
            if len(others) == 1:
                return _optional(for_type(others[0]))
        raise TypeError(f"no fast structuring for {annotation!r}")

    return for_type


def _enum(enum_type: type[enum.Enum]) -> Structure:
    members = {member.value: member for member in enum_type}

    def structure(value: Any) -> Any:
        if type(value) is not str:
            raise _Refused
        return members[value]

    return structure


def _tuple(item: Structure) -> Structure:
    def structure(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _Refused
        return tuple([item(element) for element in value])

    return structure


def _optional(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _record(record_type: type, for_type: Callable[[Any], Structure]) -> Structure:
    fields = [field for field in attrs.fields(record_type) if field.init]
    if any(field.alias != field.name for field in fields):
        raise TypeError(f"no fast structuring for {record_type!r}: a field has an alias")
    hints = _type_hints(record_type)
    known = frozenset(field.name for field in fields)
    converters: dict[str, Structure] = {}

    def structure(value: Any) -> Any:
        if type(value) is not dict or not known.issuperset(value):
            raise _Refused
        if not converters:  # filled on first use: record types may refer to each other
            converters.update((name, for_type(hints[name])) for name in known)
        return record_type(**{name: converters[name](item) for name, item in value.items()})

    return structure


@functools.lru_cache(maxsize=256)
def _type_hints(record_type: type) -> dict[str, Any]:
    """The resolved annotations of a record type, once per process."""
    return typing.get_type_hints(record_type)
