"""How record fields are declared: what each holds, which records it refers to, and its checks."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

__all__ = [
    "ANY_KIND",
    "DECLARATION",
    "ID_PATTERN",
    "TO_TUPLE",
    "AtLeast",
    "Checks",
    "Declaration",
    "FieldTypeError",
    "FieldValueError",
    "InstanceOf",
    "Rule",
    "ToEnum",
    "at_least",
    "declaration_of",
    "declared",
    "encodable",
    "end_date",
    "has_text",
    "enum_field",
    "id_field",
    "instance_of",
    "optional",
    "optional_enum",
    "optional_ref",
    "optional_text",
    "records",
    "ref",
    "references",
    "refs",
    "safe_repr",
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


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise FieldTypeError(
            attribute.name, f"{attribute.name} must be a string, got {type(value).__name__}"
        )
    if not has_text(value):
        raise FieldValueError(
            attribute.name,
            f"{attribute.name} must not be empty (or only spaces, zero-width or control characters)",
        )
    if not encodable(value):
        raise FieldValueError(
            attribute.name,
            f"{attribute.name} holds a lone surrogate (such as \\ud800), which no file can "
            "store as UTF-8: write the character itself or its surrogate pair",
        )


def has_text(text: str) -> bool:
    """Whether ``text`` holds a visible character.

    Spaces, format characters (zero-width space, joiners, BOM) and control
    characters (NUL...) alone are no text.
    """
    for character in text:
        if not character.isspace() and unicodedata.category(character) not in ("Cc", "Cf"):
            return True
    return False


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (it holds no lone surrogate)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


class Rule(enum.Enum):
    """What a string field's value must be, beyond its type."""

    #: Any value of the field's type.
    NONE = "none"
    #: A record id: a lowercase slug (:data:`ID_PATTERN`).
    ID = "id"
    #: Non-blank text that UTF-8 can store.
    TEXT = "text"


#: :attr:`Declaration.refers_to` value for "a record of any kind".
ANY_KIND = "any"
#: The key of a field's :class:`Declaration` in its attrs ``metadata``.
DECLARATION = "ca_security"

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


@attrs.frozen
class Declaration:
    """What a record field holds, declared once on the field; every layer reads it.

    The field helpers of this module (:func:`ref`, :func:`text`,
    :func:`enum_field`, :func:`records`...) write it into the field's attrs
    ``metadata`` under :data:`DECLARATION` and build the field's validator
    (:class:`Checks`) from it. The dataset rules read :attr:`refers_to`; the
    query criteria, the exports and the CLI read the rest; and the loader's
    fast path applies the same rules inline.

    Attributes:
        item_type: The type of the value, or of each item of a tuple.
        rule: What a string must be beyond its type (an id, non-blank text).
        many: Whether the field holds a tuple of items.
        optional: Whether the value may be ``None``.
        refers_to: For ids of other records, the kinds (collection names such
            as ``"officials"``, or :data:`ANY_KIND`) they may point to.
        min_items: The fewest items a tuple takes.
        pattern: A regular expression a string must match, if any.
        also: Further checks of the value, run after the declared ones, with
            the record (all fields set), the attribute and the value.

    """

    item_type: type
    rule: Rule = Rule.NONE
    many: bool = False
    optional: bool = False
    refers_to: tuple[str, ...] = ()
    min_items: int = 0
    pattern: str | None = None
    also: tuple[Validator, ...] = ()

    @property
    def vocabulary(self) -> type[enum.Enum] | None:
        """The enum the field takes, if it takes one."""
        item = self.item_type
        return item if isinstance(item, type) and issubclass(item, enum.Enum) else None


def declaration_of(field: attrs.Attribute[Any]) -> Declaration | None:
    """The :class:`Declaration` of a record field, or ``None`` for a field declared otherwise."""
    found = field.metadata.get(DECLARATION)
    return found if isinstance(found, Declaration) else None


@functools.cache
def references(record_type: type) -> dict[str, tuple[str, ...]]:
    """Field name -> the kinds it refers to, for each reference field of ``record_type``."""
    found: dict[str, tuple[str, ...]] = {}
    for field in attrs.fields(record_type):
        declared = declaration_of(field)
        if declared is not None and declared.refers_to:
            found[field.name] = declared.refers_to
    return found


@attrs.frozen
class Checks:
    """The validator of a declared field: the rules of its :class:`Declaration`.

    :meth:`declared` checks the declaration's type, id, text, size and pattern
    rules; calling the validator checks those and then each of ``also``.
    """

    declaration: Declaration

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        self.declared(instance, attribute, value)
        for check in self.declaration.also:
            check(instance, attribute, value)

    def declared(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        """Check the declared rules (all but ``also``), raising a field error."""
        declaration = self.declaration
        if value is None and declaration.optional:
            return
        if declaration.many:
            InstanceOf(tuple)(instance, attribute, value)
        for item in value if declaration.many else (value,):
            if declaration.rule is Rule.ID:
                _check_id(instance, attribute, item)
            elif declaration.rule is Rule.TEXT:
                _check_text(instance, attribute, item)
            elif not isinstance(item, declaration.item_type):
                InstanceOf(
                    declaration.item_type, items=declaration.many, optional=declaration.optional
                )(instance, attribute, value)
            if declaration.pattern is not None and not re.match(declaration.pattern, item):
                raise FieldValueError(
                    attribute.name,
                    f"{attribute.name} must match {declaration.pattern!r}, got {item!r}",
                )
        if declaration.many:
            if declaration.rule is not Rule.NONE and len(set(value)) != len(value):
                what = "an id" if declaration.rule is Rule.ID else "a name"
                raise FieldValueError(
                    attribute.name, f"{attribute.name} lists {what} twice: {value!r}"
                )
            if len(value) < declaration.min_items:
                AtLeast(declaration.min_items)(instance, attribute, value)


def declared(
    declaration: Declaration, *, default: Any = attrs.NOTHING, converter: Any = None
) -> Any:
    """An attrs field that holds ``declaration`` in its metadata and is checked by it."""
    if declaration.many:
        converter = TO_TUPLE
    return attrs.field(
        default=default,
        converter=converter,
        validator=Checks(declaration),
        metadata={DECLARATION: declaration},
    )


def id_field() -> Any:
    """The record's own id (a lowercase slug)."""
    return declared(Declaration(str, Rule.ID))


def ref(*kinds: str) -> Any:
    """A required id of a record of one of ``kinds`` (collection names such as ``"officials"``)."""
    return declared(Declaration(str, Rule.ID, refers_to=kinds))


def optional_ref(*kinds: str) -> Any:
    """An optional id of a record of one of ``kinds``; ``None`` when unknown."""
    return declared(Declaration(str, Rule.ID, optional=True, refers_to=kinds), default=None)


def refs(*kinds: str) -> Any:
    """A tuple of distinct ids of records of ``kinds``, empty by default."""
    return declared(Declaration(str, Rule.ID, many=True, refers_to=kinds), default=())


def text(*, pattern: str | None = None) -> Any:
    """A required, non-blank string (matching ``pattern``, when given)."""
    return declared(Declaration(str, Rule.TEXT, pattern=pattern))


def optional_text(*, pattern: str | None = None, also: tuple[Validator, ...] = ()) -> Any:
    """An optional, non-blank string (matching ``pattern``, when given); ``None`` when unknown."""
    declaration = Declaration(str, Rule.TEXT, optional=True, pattern=pattern, also=also)
    return declared(declaration, default=None)


def text_tuple() -> Any:
    """A tuple of distinct non-blank strings, empty by default."""
    return declared(Declaration(str, Rule.TEXT, many=True), default=())


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


def records(item_type: type, *, min_items: int = 0, also: tuple[Validator, ...] = ()) -> Any:
    """A tuple of records of ``item_type``, at least ``min_items`` of them (then it is required)."""
    declaration = Declaration(item_type, many=True, min_items=min_items, also=also)
    return declared(declaration, default=attrs.NOTHING if min_items else ())


def end_date(date_type: type, noun: str, *, start: str = "start") -> Any:
    """An optional end date (a ``date_type``) that may not lie wholly before the record's start.

    ``start`` names the start field; ``noun`` names the record in the error
    ("tenure ends (2020) before it starts (2021)").
    """
    start_field = start

    def check_order(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        start = getattr(instance, start_field)
        if start is not None and value is not None and value.latest < start.earliest:
            raise FieldValueError(
                attribute.name, f"{noun} ends ({value}) before it starts ({start})"
            )

    return declared(Declaration(date_type, optional=True, also=(check_order,)), default=None)


def optional(item_type: type, *, also: tuple[Validator, ...] = ()) -> Any:
    """An optional value of ``item_type``; ``None`` when unknown."""
    return declared(Declaration(item_type, optional=True, also=also), default=None)


def to_enum(enum_type: type[enum.Enum], value: Any, field_name: str | None) -> Any:
    """Turn ``value`` into a member of ``enum_type``, naming the allowed values on error.

    The error's :attr:`~FieldValueError.field` is ``field_name`` (``None`` for "value").
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except Exception:  # a ValueError, or whatever a hostile value's own repr raises
        allowed = ", ".join(repr(member.value) for member in enum_type)
        shown = safe_repr(value)
        raise FieldValueError(field_name or "value", f"{shown} is not one of {allowed}") from None


def safe_repr(value: object) -> str:
    """``repr(value)``, or a description of it when its own ``repr`` raises."""
    try:
        return repr(value)
    except Exception:
        return f"<{type(value).__name__} object whose repr fails>"


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
    return declared(
        Declaration(enum_type),
        default=default,
        converter=attrs.Converter(ToEnum(enum_type), takes_field=True),
    )


def optional_enum(enum_type: type[enum.Enum]) -> Any:
    """A value of a closed vocabulary, or ``None`` when unknown or not applicable."""
    return declared(
        Declaration(enum_type, optional=True),
        default=None,
        converter=attrs.Converter(ToEnum(enum_type, optional=True), takes_field=True),
    )
