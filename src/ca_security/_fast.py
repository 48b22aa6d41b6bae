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
            return _RecordCode(annotation, for_type, strings).compile()
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


class _RecordCode:
    """The source of one record type's structuring function, and its compilation.

    A record is the loader's innermost loop: hundreds of thousands of them, a
    dozen fields each. Instead of calling one small function per field, the
    function is written out for the type, field by field, the way cattrs
    generates its own: strings, numbers and the absence of optional fields are
    handled inline, and so are tuples, whose items (like dates, enums and
    nested records) go through their own structuring functions. For example,
    for a record with a required id and an optional tuple of topics::

        def structure(value):
            if type(value) is not dict or not known.issuperset(value):
                raise Refused
            get = value.get
            v = get('id', MISSING)
            if v is MISSING:
                raise Refused
            if type(v) is not str:
                raise Refused
            if len(v) <= 64:
                v = share(v, v)
            a0 = v
            v = get('topics', MISSING)
            if v is MISSING:
                v = d1
            else:
                if type(v) is not list:
                    raise Refused
                v = tuple([f1(item) for item in v])
            a1 = v
            return cls(id=a0, topics=a1)
    """

    def __init__(
        self, record_type: type, for_type: Callable[[Any], Structure], strings: dict[str, str]
    ) -> None:
        self.record_type = record_type
        self.for_type = for_type
        fields = [field for field in attrs.fields(record_type) if field.init]
        if any(field.alias != field.name for field in fields) or any(
            isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            for field in fields
        ):
            raise TypeError(f"no fast structuring for {record_type!r}")
        self.fields = fields
        self.hints = _type_hints(record_type)
        self.namespace: dict[str, Any] = {
            "cls": record_type,
            "known": frozenset(field.name for field in fields),
            "Refused": _Refused,
            "MISSING": attrs.NOTHING,
            "share": strings.setdefault,
        }

    def compile(self) -> Structure:
        """The structuring function of the record type."""
        lines = [
            "def structure(value):",
            "    if type(value) is not dict or not known.issuperset(value):",
            "        raise Refused",
            "    get = value.get",
        ]
        for position, field in enumerate(self.fields):
            lines.append(f"    v = get({field.name!r}, MISSING)")
            lines.append("    if v is MISSING:")
            if field.default is attrs.NOTHING:
                lines.append("        raise Refused")
            else:
                self.namespace[f"d{position}"] = field.default
                lines.append(f"        v = d{position}")
            lines.append("    else:")
            lines += self._convert(self.hints[field.name], position, indent=8)
            lines.append(f"    a{position} = v")
        keywords = ", ".join(f"{field.name}=a{i}" for i, field in enumerate(self.fields))
        lines.append(f"    return cls({keywords})")
        source = "\n".join(lines) + "\n"
        filename = f"<fast structuring of {self.record_type.__qualname__}>"
        exec(_compiled(source, filename), self.namespace)
        structure: Structure = self.namespace["structure"]
        return structure

    def _convert(self, annotation: Any, position: int, indent: int) -> list[str]:
        """Lines that turn the JSON value ``v`` into the field's value, in place."""
        pad = " " * indent
        if annotation is str:
            return [
                f"{pad}if type(v) is not str:",
                f"{pad}    raise Refused",
                f"{pad}if len(v) <= {_SHARED_LEN}:",
                f"{pad}    v = share(v, v)",
            ]
        if annotation is int:
            return [f"{pad}if type(v) is not int:", f"{pad}    raise Refused"]
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 2:
            (inner,) = [arg for arg in args if arg is not type(None)]
            return [f"{pad}if v is not None:", *self._convert(inner, position, indent + 4)]
        if typing.get_origin(annotation) is tuple and len(args) == 2 and args[1] is Ellipsis:
            self.namespace[f"f{position}"] = self.for_type(args[0])
            return [
                f"{pad}if type(v) is not list:",
                f"{pad}    raise Refused",
                f"{pad}v = tuple([f{position}(item) for item in v])",
            ]
        # Anything else calls its own structuring function.
        self.namespace[f"f{position}"] = self.for_type(annotation)
        return [f"{pad}v = f{position}(v)"]


@functools.lru_cache(maxsize=256)
def _compiled(source: str, filename: str) -> types.CodeType:
    """``source`` compiled, once per process: every load writes the same sources."""
    return compile(source, filename, "exec")


@functools.lru_cache(maxsize=256)
def _type_hints(record_type: type) -> dict[str, Any]:
    """The resolved annotations of a record type, once per process."""
    return typing.get_type_hints(record_type)
