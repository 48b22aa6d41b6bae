"""The one configured cattrs converter that reads and writes the data files."""

from __future__ import annotations

import enum
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from .._model.dates import PartialDate
from .._model.rules import to_enum

__all__ = ["make_converter"]


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(
            f"a date is an ISO string (YYYY, YYYY-MM or YYYY-MM-DD), got {type(value).__name__}"
        )
    return PartialDate.from_iso(value)


def _unstructure_partial_date(value: PartialDate) -> str:
    return value.isoformat()


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_float(value: Any, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _structure_enum(value: Any, enum_type: type[enum.Enum]) -> enum.Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    result: enum.Enum = to_enum(enum_type, value, None)
    return result


def make_converter() -> cattrs.Converter:
    """Build a fresh converter between record types and JSON values.

    It never touches cattrs' global converter. Hooks registered:

    - :class:`~ca_security.PartialDate` <-> ISO string at its precision;
    - ``str``, ``int``, ``float``: strict (no ``"5"`` becomes ``5``, no ``5`` becomes ``"5"``);
    - enums <-> their string values, with the allowed values named on error;
    - tuples <-> JSON arrays, only from a list (a string or object is refused);
    - attrs classes: unknown keys are rejected, fields at their default are omitted.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        unstruct_collection_overrides={tuple: list},
    )
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, _unstructure_partial_date)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum),
        lambda member: member.value,
    )

    def structure_tuple(value: Any, tuple_type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected a JSON array, got {type(value).__name__}")
        item_type = tuple_type.__args__[0]
        hook = converter.get_structure_hook(item_type)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, item_type))
            except Exception as error:
                note = IterableValidationNote(f"Structuring item @ index {index}", index, item_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {tuple_type!r}", errors, tuple_type)
        return tuple(items)

    converter.register_structure_hook_func(_is_variadic_tuple, structure_tuple)

    def record_hook_factory(record_type: type) -> Any:
        generated: Any = make_dict_structure_fn(
            record_type,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
        )

        def structure_record(value: Any, _: type) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object, got {type(value).__name__}")
            try:
                return generated(value, record_type)
            except ClassValidationError as group:
                # cattrs wraps errors raised by the record's own validators (in
                # __init__) without a field note: add one so the path names the field.
                for error in group.exceptions:
                    _add_field_note(error, record_type)
                raise

        return structure_record

    converter.register_structure_hook_factory(attrs.has, record_hook_factory)
    return converter


def _add_field_note(error: Exception, record_type: type) -> None:
    """Note the failing field on an error from a record's validators, if it names one."""
    notes = getattr(error, "__notes__", [])
    if any(isinstance(note, AttributeValidationNote) for note in notes):
        return
    field = _field_of(error)
    if field is not None:
        note = AttributeValidationNote(f"Structuring field {field}", field, record_type)
        error.__notes__ = [*notes, note]  # type: ignore[attr-defined]


def _field_of(error: BaseException) -> str | None:
    """The field an attrs validator error names (attrs passes the Attribute as second arg)."""
    for arg in error.args[1:2]:
        if isinstance(arg, attrs.Attribute):
            return arg.name
    field = getattr(error, "field", None)
    return field if isinstance(field, str) else None


def _is_variadic_tuple(cls: Any) -> bool:
    args: tuple[Any, ...] = getattr(cls, "__args__", ())
    return getattr(cls, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis
