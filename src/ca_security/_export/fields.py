"""What the record types look like, read from their field declarations and type hints.

The exports and the JSON Schema walk the model through this one module, so
that a field added to a record type reaches every format without a second
description of it.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from typing import Any

import attrs

from .._model import rules
from .._model.dates import PartialDate

__all__ = ["FieldInfo", "fields_of", "singular"]


@attrs.frozen
class FieldInfo:
    """One field of a record type, described for the exports.

    Attributes:
        name: The field name.
        type: The item type: ``str``, ``int``, ``float``, :class:`PartialDate`,
            an enum or an attrs record type.
        many: Whether the field holds a tuple of items.
        optional: Whether the value may be ``None``.
        required: Whether the data files must give it (it has no default).
        default: The default value, or :data:`attrs.NOTHING`.
        is_id: Whether the (items are) record ids.
        is_text: Whether the (items are) non-blank text.
        min_items: The fewest items a tuple field takes.
        pattern: A regular expression the string must match, if the type has one.
        refers_to: For ids of other records, the kinds they may point to.

    """

    name: str
    type: Any
    many: bool
    optional: bool
    required: bool
    default: Any
    is_id: bool
    is_text: bool
    min_items: int = 0
    pattern: str | None = None
    refers_to: tuple[str, ...] = ()

    @property
    def is_record(self) -> bool:
        """Whether the items are attrs records (other than partial dates)."""
        return attrs.has(self.type) and self.type is not PartialDate

    @property
    def is_enum(self) -> bool:
        """Whether the items are members of an enum."""
        return isinstance(self.type, type) and issubclass(self.type, enum.Enum)

    @property
    def is_date(self) -> bool:
        """Whether the items are partial dates."""
        return self.type is PartialDate


@functools.cache
def fields_of(record_type: type) -> tuple[FieldInfo, ...]:
    """The fields of an attrs record type, in declaration order."""
    hints = typing.get_type_hints(record_type)
    return tuple(_describe(field, hints[field.name]) for field in attrs.fields(record_type))


def _describe(field: attrs.Attribute[Any], hint: Any) -> FieldInfo:
    optional = False
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        optional = len(rest) < len(args)
        hint = rest[0]
        args = typing.get_args(hint)
    many = typing.get_origin(hint) is tuple
    item = args[0] if many else hint
    declared = rules.declaration_of(field)
    return FieldInfo(
        name=field.name,
        type=item,
        many=many,
        optional=optional,
        required=field.default is attrs.NOTHING,
        default=field.default,
        is_id=declared is not None and declared.rule is rules.Rule.ID,
        is_text=declared is not None and declared.rule is rules.Rule.TEXT,
        min_items=0 if declared is None else declared.min_items,
        pattern=None if declared is None else declared.pattern,
        refers_to=() if declared is None else declared.refers_to,
    )


_IRREGULAR = {"aliases": "alias", "countries": "country", "series": "series", "names": "name"}


def singular(name: str) -> str:
    """The singular of a tuple field's name, for column and table names."""
    if name in _IRREGULAR:
        return _IRREGULAR[name]
    return name[:-1] if name.endswith("s") else name
