"""Validators shared by the record types."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

__all__ = [
    "ID_PATTERN",
    "TO_TUPLE",
    "AtLeast",
    "at_least",
    "instance_of",
    "InstanceOf",
    "ToEnum",
    "FieldTypeError",
    "FieldValueError",
    "enum_field",
    "id_field",
    "id_tuple",
    "optional",
    "optional_id",
    "optional_text",
    "records",
    "text",
    "text_tuple",
    "to_enum",
    "to_tuple",
]

T = TypeVar("T")

#: A record id: a lowercase ASCII slug such as ``kassym-jomart-tokayev``.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z"
_ID_RE = re.compile(ID_PATTERN)
_ID_MATCH = _ID_RE.match
_MAX_ID = 120


class FieldValueError(ValueError):
    """A ValueError about one field of a record; :attr:`field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class FieldTypeError(TypeError):
    """A TypeError about one field of a record; :attr:`field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and len(value) <= _MAX_ID and _ID_MATCH(value):
        return  # the common case, decided without the checks below
    if not isinstance(value, str):
        raise FieldTypeError(
            attribute.name, f"{attribute.name} must be a string id, got {type(value).__name__}"
        )
    if len(value) > _MAX_ID or not _ID_RE.match(value):
        raise FieldValueError(
            attribute.name,
            f"{attribute.name} must be a lowercase slug (a-z, 0-9, single hyphens), got {value!r}",
        )


def _check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_id(instance, attribute, value)


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(
            attribute.name, f"{attribute.name} must be a string, got {type(value).__name__}"
        )
    if not value.strip():
        raise FieldValueError(attribute.name, f"{attribute.name} must not be empty")
    if not encodable(value):
        raise FieldValueError(
            attribute.name,
            f"{attribute.name} holds a lone surrogate (such as \\ud800), which no file can "
            "store as UTF-8: write the character itself or its surrogate pair",
        )


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_text(instance, attribute, value)


def _check_id_items(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    for item in value:
        if type(item) is not str or len(item) > _MAX_ID or not _ID_MATCH(item):
            _check_id(instance, attribute, item)  # says what is wrong with it
    if len(value) > 1 and len(set(value)) != len(value):
        raise FieldValueError(attribute.name, f"{attribute.name} lists an id twice: {value!r}")


def _check_text_items(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    for item in value:
        _check_text(instance, attribute, item)


def to_tuple(value: Iterable[T], field_name: str = "value") -> tuple[T, ...]:
    """Freeze any iterable (but not a bare string) into a tuple.

    Raises:
        FieldTypeError: naming ``field_name``, for a string or a non-iterable.

    """
    if not isinstance(value, (str, bytes)):
        try:
            return tuple(value)
        except TypeError:
            pass
    raise FieldTypeError(
        field_name, f"{field_name} must be a list or tuple, got {type(value).__name__}"
    )


def _to_tuple_field(value: Any, field: attrs.Attribute[Any]) -> tuple[Any, ...]:
    if type(value) is tuple:
        return value
    return to_tuple(value, field.name)


#: The converter of every tuple field: ``to_tuple`` with the field's name for errors.
TO_TUPLE: attrs.Converter[Any, tuple[Any, ...]] = attrs.Converter(_to_tuple_field, takes_field=True)


def id_field() -> Any:
    """A required record id."""
    return attrs.field(validator=_check_id)


def optional_id() -> Any:
    """An optional reference to another record, by id."""
    return attrs.field(default=None, validator=_check_optional_id)


def text() -> Any:
    """A required, non-blank string."""
    return attrs.field(validator=_check_text)


def optional_text() -> Any:
    """An optional, non-blank string; ``None`` when unknown."""
    return attrs.field(default=None, validator=_check_optional_text)


def id_tuple() -> Any:
    """A tuple of distinct ids, empty by default."""
    return attrs.field(default=(), converter=TO_TUPLE, validator=_check_id_items)


def text_tuple() -> Any:
    """A tuple of non-blank strings, empty by default."""
    return attrs.field(default=(), converter=TO_TUPLE, validator=_check_text_items)


@attrs.frozen
class InstanceOf:
    """A validator: the value (or each item, with ``items``) is an ``item_type``.

    Unlike attrs' own, its error is a :class:`FieldTypeError` whose message
    names the field and the types in words, and says how to build the value.
    Its attributes say what it checks, so that the loader's fast path can tell
    when a value it built is already known to pass.
    """

    item_type: type
    items: bool = False
    optional: bool = False

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        item_type, optional = self.item_type, self.optional
        if not self.items and (isinstance(value, item_type) or (optional and value is None)):
            return  # the common case, decided without building the message below
        for item in value if self.items else (value,):
            if (optional and item is None) or isinstance(item, item_type):
                continue
            name = item_type.__name__
            what = f"items of {attribute.name}" if self.items else attribute.name
            wanted = f"a {name} or None" if optional else f"a {name}"
            message = f"{what} must be {wanted}, got {type(item).__name__}"
            if name == "PartialDate" and isinstance(item, str):
                message += f" (use PartialDate.parse({item!r}))"
            raise FieldTypeError(attribute.name, message)


def instance_of(item_type: type, *, items: bool = False, optional: bool = False) -> Any:
    """A validator: the value (or each item, with ``items``) is an ``item_type``."""
    return InstanceOf(item_type, items=items, optional=optional)


@attrs.frozen
class AtLeast:
    """A validator: the tuple holds at least ``min_length`` items (the error names the field).

    ``min_length`` is the attribute name attrs' own ``min_len`` uses, so that the
    schema generator reads it the same way.
    """

    min_length: int

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if len(value) < self.min_length:
            plural = "s" if self.min_length != 1 else ""
            raise FieldValueError(
                attribute.name,
                f"{attribute.name} needs at least {self.min_length} item{plural}, got {len(value)}",
            )


def at_least(count: int) -> Any:
    """A validator: the tuple holds at least ``count`` items (the error names the field)."""
    return AtLeast(count)


def records(item_type: type, *, required: bool = False) -> Any:
    """A tuple of records of ``item_type``; ``required`` asks for at least one."""
    validators: list[Any] = [instance_of(item_type, items=True)]
    if required:
        validators.append(at_least(1))
        return attrs.field(converter=TO_TUPLE, validator=validators)
    return attrs.field(default=(), converter=TO_TUPLE, validator=validators)


def end_date(date_type: type, noun: str) -> Any:
    """An optional end date (a ``date_type``) that may not lie wholly before the record's ``start``.

    ``noun`` names the record in the error ("tenure ends (2020) before it starts (2021)").
    """

    def check_order(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        start = instance.start
        if start is not None and value is not None and value.latest < start.earliest:
            raise FieldValueError(
                attribute.name, f"{noun} ends ({value}) before it starts ({start})"
            )

    return attrs.field(default=None, validator=[instance_of(date_type, optional=True), check_order])


def optional(item_type: type) -> Any:
    """An optional value of ``item_type``; ``None`` when unknown."""
    return attrs.field(default=None, validator=instance_of(item_type, optional=True))


def to_enum(enum_type: type[enum.Enum], value: Any, field_name: str | None) -> Any:
    """Turn ``value`` into a member of ``enum_type``, naming the allowed values on error.

    The error's :attr:`~FieldValueError.field` is ``field_name`` (``None`` for "value").
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in enum_type)
        raise FieldValueError(field_name or "value", f"{value!r} is not one of {allowed}") from None


@attrs.frozen
class ToEnum:
    """The converter of an enum field: a member stays, a string becomes one (see :func:`to_enum`).

    ``optional`` lets ``None`` through unchanged (a field whose value may be unknown).
    """

    enum_type: type[enum.Enum]
    optional: bool = False

    def __call__(self, value: Any, field: attrs.Attribute[Any]) -> Any:
        if type(value) is self.enum_type or (value is None and self.optional):
            return value
        return to_enum(self.enum_type, value, field.name)


def enum_field(enum_type: type[enum.Enum], default: Any = attrs.NOTHING) -> Any:
    """A value of a closed vocabulary; strings are turned into the enum."""
    return attrs.field(
        default=default,
        converter=attrs.Converter(ToEnum(enum_type), takes_field=True),
        validator=InstanceOf(enum_type),
    )


def optional_enum(enum_type: type[enum.Enum]) -> Any:
    """A value of a closed vocabulary, or ``None`` when unknown or not applicable."""
    return attrs.field(
        default=None,
        converter=attrs.Converter(ToEnum(enum_type, optional=True), takes_field=True),
        validator=instance_of(enum_type, optional=True),
    )
