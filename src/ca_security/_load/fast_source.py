"""The source of the fast path's functions: one Python function per record type, written from its fields.

See :mod:`.fast` for what the functions do and why; this module writes them
(:class:`RecordSource`), as attrs writes ``__init__``. Only field names, which
are Python identifiers, enter the source; every other value (defaults,
validators, the slots to set) is passed in by name.
"""

from __future__ import annotations

import enum
import functools
import keyword
import linecache
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._model import rules

__all__ = [
    "SHARED_LEN",
    "Missing",
    "NotFast",
    "RecordSource",
    "Structure",
    "optional_inner",
    "tuple_item",
]

#: Strings up to this length (ids, codes, short names) are shared between records.
SHARED_LEN = 64

Structure = Callable[[Any], Any]


class NotFast(Exception):
    """A value the converter would refuse (the fast path gives up)."""


class Missing:
    """The value of a key a JSON object does not have (``None`` is JSON's null)."""


def tuple_item(annotation: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def optional_inner(annotation: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        others = [arg for arg in args if arg is not type(None)]
        if len(others) == 1:
            return others[0]
    return None


def _conforms(value: Any, annotation: Any) -> bool:
    """Whether a field's default is of the type its annotation names."""
    inner = optional_inner(annotation)
    if inner is not None:
        return value is None or _conforms(value, inner)
    item = tuple_item(annotation)
    if item is not None:
        return type(value) is tuple and all(_conforms(element, item) for element in value)
    return isinstance(annotation, type) and type(value) is annotation


def _is_plain_type(annotation: Any) -> bool:
    return isinstance(annotation, type) and not typing.get_args(annotation)


class RecordSource:
    """The source of one record type's structuring function, and the values it names.

    The function checks that its argument is a JSON object with no unknown key,
    makes the record with ``object.__new__``, structures each field by its
    annotation, converts it if the field has a converter the structuring does not
    already make redundant, sets its slot, and once every slot is set runs the
    field validators in field order (as attrs does), inline where the check is
    one of ours, and then ``__attrs_post_init__``. A record type it cannot
    follow exactly (aliases, ``init=False``, extra slots, a converter that
    takes ``self``) raises :class:`TypeError`, and the loader uses the converter.
    """

    def __init__(
        self,
        record_type: type,
        for_type: Callable[[Any], Structure],
        share: Callable[[str, str], str],
        id_tables: tuple[Callable[[Any], str | None], Callable[[Any], str]],
    ) -> None:
        self.record_type = record_type
        self.for_type = for_type
        self.fields = attrs.fields(record_type)
        self.hints = _type_hints(record_type)
        self._refuse_unless_plain()
        self.namespace: dict[str, Any] = {
            "Refused": NotFast,
            "MISSING": Missing,
            "new": object.__new__,
            "cls": record_type,
            "known": frozenset(field.name for field in self.fields),
            "share": share,
            "id_of": id_tables[0],
            "new_id": id_tables[1],
        }

    def _refuse_unless_plain(self) -> None:
        """Raise :class:`TypeError` unless every field is a slot the function can fill as attrs does."""
        record_type = self.record_type
        names = [field.name for field in self.fields]
        slots = {
            slot
            for klass in record_type.__mro__
            for slot in klass.__dict__.get("__slots__", ())
            if slot != "__weakref__"
        }
        if (
            slots != set(names)
            or not all("__slots__" in klass.__dict__ for klass in record_type.__mro__[:-1])
            or hasattr(record_type, "__attrs_pre_init__")
            or any(not field.init or field.alias != field.name for field in self.fields)
            or any(not name.isidentifier() or keyword.iskeyword(name) for name in names)
            or any(
                type(getattr(record_type, name)) is not types.MemberDescriptorType for name in names
            )
        ):
            raise TypeError(f"no fast structuring for {record_type!r}: not a plain slotted record")

    def name(self, value: Any, prefix: str) -> str:
        """Pass ``value`` into the function under a new name."""
        name = f"{prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def function(self) -> Structure:
        """Write the function's source, compile it, and return the function."""
        lines = [
            "def structure(data):",
            "    if type(data) is not dict or not known.issuperset(data):",
            "        raise Refused",
            "    record = new(cls)",
            "    get = data.get",
        ]
        checks: list[str] = []
        for index, field in enumerate(self.fields):
            variable = f"v{index}"
            annotation = self.hints[field.name]
            holds_ids = _holds_ids(field, annotation)
            conforms = self._field(field, annotation, variable, lines, holds_ids)
            checks += self._checks(field, annotation, variable, conforms, conforms and holds_ids)
        lines += checks
        if hasattr(self.record_type, "__attrs_post_init__"):
            lines.append("    record.__attrs_post_init__()")
        lines.append("    return record")
        filename = f"<fast structuring of {self.record_type.__qualname__}>"
        source = "\n".join(lines) + "\n"
        # Tracebacks through the written function show its lines.
        entry = (len(source), None, source.splitlines(True), filename)
        if linecache.cache.get(filename) != entry:
            linecache.cache[filename] = entry
        exec(compile(source, filename, "exec"), self.namespace)
        structure: Structure = self.namespace["structure"]
        return structure

    def _field(
        self,
        field: attrs.Attribute[Any],
        annotation: Any,
        variable: str,
        lines: list[str],
        holds_ids: bool,
    ) -> bool:
        """Append the lines that structure, convert and set one field.

        Returns whether the value is surely of the annotated type (the default
        too, when it is used).
        """
        key = repr(field.name)
        structure = [f"    {line}" for line in self._structure(annotation, variable, holds_ids)]
        default: Any = field.default
        conforms = True
        if default is attrs.NOTHING:
            lines.append(f"    {variable} = data[{key}]")
            lines += structure
        elif default is None and optional_inner(annotation) is not None:
            # Absent and null are both None: one look-up, one test.
            lines.append(f"    {variable} = get({key})")
            lines += structure
        else:
            lines.append(f"    {variable} = get({key}, MISSING)")
            lines.append(f"    if {variable} is MISSING:")
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(f"no fast structuring for {field.name}: its default takes self")
                lines.append(f"        {variable} = {self.name(default.factory, 'factory')}()")
                conforms = False
            else:
                lines.append(f"        {variable} = {self.name(default, 'default')}")
                conforms = _conforms(default, annotation)
            lines.append("    else:")
            lines += [f"    {line}" for line in structure]
        lines += self._convert(field, annotation, variable, conforms)
        setter = self.name(getattr(self.record_type, field.name).__set__, "set")
        lines.append(f"    {setter}(record, {variable})")
        return conforms

    def _structure(self, annotation: Any, variable: str, holds_ids: bool = False) -> list[str]:
        """Lines that turn the JSON value in ``variable`` into the annotated type.

        Ids (``holds_ids``) are checked here too: an id seen before is found in
        one look-up (``id_of``), and only a new one is matched (``new_id``).
        """
        if holds_ids and annotation is str:
            return [f"{variable} = id_of({variable}) or new_id({variable})"]
        if holds_ids and tuple_item(annotation) is str:
            return [
                f"if type({variable}) is not list:",
                "    raise Refused",
                f"{variable} = tuple([id_of(item) or new_id(item) for item in {variable}])",
            ]
        if annotation is str:
            return [
                f"if type({variable}) is not str:",
                "    raise Refused",
                f"if len({variable}) <= {SHARED_LEN}:",
                f"    {variable} = share({variable}, {variable})",
            ]
        if annotation is int:
            return [f"if type({variable}) is not int:", "    raise Refused"]
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            members = {member.value: member for member in annotation}
            return [
                f"if type({variable}) is not str:",
                "    raise Refused",
                f"{variable} = {self.name(members, 'members')}[{variable}]",
            ]
        inner = optional_inner(annotation)
        if inner is not None:
            body = self._structure(inner, variable, holds_ids)
            return [f"if {variable} is not None:", *[f"    {line}" for line in body]]
        if tuple_item(annotation) is str:
            return [
                f"if type({variable}) is not list:",
                "    raise Refused",
                f"for item in {variable}:",
                "    if type(item) is not str:",
                "        raise Refused",
                f"{variable} = tuple([item if len(item) > {SHARED_LEN} else share(item, item)"
                f" for item in {variable}])",
            ]
        item = tuple_item(annotation)
        if item is not None:
            structure = self.name(self.for_type(item), "structure")
            return [
                f"if type({variable}) is not list:",
                "    raise Refused",
                f"{variable} = tuple([{structure}(item) for item in {variable}])",
            ]
        structure = self.name(self.for_type(annotation), "structure")
        return [f"{variable} = {structure}({variable})"]

    def _convert(
        self, field: attrs.Attribute[Any], annotation: Any, variable: str, conforms: bool
    ) -> list[str]:
        """Lines that run the field's converter, unless structuring made it redundant."""
        converter = field.converter
        if converter is None:
            return []
        if conforms and rules.declaration_of(field) is not None:
            return []  # a declared field's converter keeps a tuple or an enum member as it is
        if not isinstance(converter, attrs.Converter):
            return [f"    {variable} = {self.name(converter, 'convert')}({variable})"]
        function = converter.converter  # type: ignore[attr-defined]
        if converter.takes_self:  # type: ignore[attr-defined]
            raise TypeError(f"no fast structuring for {field.name}: its converter takes self")
        name = self.name(function, "convert")
        if converter.takes_field:  # type: ignore[attr-defined]
            return [f"    {variable} = {name}({variable}, {self.name(field, 'field')})"]
        return [f"    {variable} = {name}({variable})"]

    def _checks(
        self,
        field: attrs.Attribute[Any],
        annotation: Any,
        variable: str,
        conforms: bool,
        ids_checked: bool,
    ) -> list[str]:
        """Lines that run the field's checks (``ids_checked``: the structuring checked the ids).

        A declared field's rules (:class:`~ca_security._model.rules.Declaration`)
        are written inline where the structuring has not already made them
        hold; its further checks (``also``) are called. A field with any other
        validator has that validator called as it is.
        """
        validator = field.validator
        if validator is None:
            return []
        field_name = self.name(field, "field")
        declared = rules.declaration_of(field)
        if declared is None or not (
            isinstance(validator, rules.Checks) and validator.declaration is declared
        ):
            return [f"    {self.name(validator, 'validate')}(record, {field_name}, {variable})"]
        inline = _inline(declared, annotation, variable, ids_checked) if conforms else None
        if inline is None:
            name = self.name(validator.declared, "validate")
            inline = [f"{name}(record, {field_name}, {variable})"]
        else:
            inline = [
                line.replace("ENCODABLE", self.name(rules.encodable, "encodable")).replace(
                    "HAS_TEXT", self.name(rules.has_text, "has_text")
                )
                for line in inline
            ]
            inline = [
                line.replace("COUNT", self.name(declared.min_items, "count")) for line in inline
            ]
        inline += [
            f"{self.name(check, 'validate')}(record, {field_name}, {variable})"
            for check in declared.also
        ]
        return [f"    {line}" for line in inline]


def _inline(
    declared: rules.Declaration, annotation: Any, variable: str, ids_checked: bool
) -> list[str] | None:
    """The lines of a declared field's rules for a value its structuring made, or ``None`` to call them.

    ``ids_checked``: the structuring checked the ids. Text is inline (``HAS_TEXT``
    and ``ENCODABLE`` stand for :func:`~ca_security._model.rules.has_text` and
    :func:`~ca_security._model.rules.encodable`, ``COUNT`` for the fewest
    items); a pattern is left to the declared check.
    """
    if declared.pattern is not None or _item_of(annotation) is not declared.item_type:
        return None
    lines: list[str] = []
    if declared.rule is rules.Rule.ID:
        if not ids_checked:
            return None
        if declared.many:
            lines += [
                f"if len({variable}) > 1 and len(set({variable})) != len({variable}):",
                "    raise Refused",
            ]
    elif declared.rule is rules.Rule.TEXT:
        # A first letter or digit settles "has text" without the call.
        is_text = "({0}[:1].isalnum() or HAS_TEXT({0})) and ENCODABLE({0})"
        if declared.many:
            lines += [
                f"for item in {variable}:",
                f"    if not ({is_text.format('item')}):",
                "        raise Refused",
                f"if len({variable}) > 1 and len(set({variable})) != len({variable}):",
                "    raise Refused",
            ]
        elif declared.optional:
            lines += [
                f"if {variable} is not None and not ({is_text.format(variable)}):",
                "    raise Refused",
            ]
        else:
            lines += [f"if not ({is_text.format(variable)}):", "    raise Refused"]
    elif not _is_plain_type(declared.item_type):
        return None  # the structuring made the annotated type, which the check is about
    if declared.many and declared.min_items:
        lines += [f"if len({variable}) < COUNT:", "    raise Refused"]
    return lines


def _item_of(annotation: Any) -> Any:
    """``X`` for ``X``, ``X | None`` and ``tuple[X, ...]``."""
    return optional_inner(annotation) or tuple_item(annotation) or annotation


def _holds_ids(field: attrs.Attribute[Any], annotation: Any) -> bool:
    """Whether a field holds ids under the id rule, which its structuring can then check."""
    declared = rules.declaration_of(field)
    return declared is not None and declared.rule is rules.Rule.ID and _holds_str(annotation)


def _holds_str(annotation: Any) -> bool:
    """Whether the annotation is ``str``, ``str | None`` or ``tuple[str, ...]``."""
    return str in (annotation, optional_inner(annotation), tuple_item(annotation))


@functools.lru_cache(maxsize=256)
def _type_hints(record_type: type) -> dict[str, Any]:
    """The resolved annotations of a record type, once per process."""
    return typing.get_type_hints(record_type)
