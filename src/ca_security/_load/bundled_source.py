"""The source of :mod:`.bundled_records`: the bundled data's structuring functions, written at build time.

``scripts/build_data.py`` calls :func:`bundled_source` after it has written
the package data and loaded them with every check; CI runs it again with
``--check``, which fails when the shipped module differs from what this
writes. The written module holds:

- ``DIGEST``: the SHA-256 of the package data files the build validated (see
  :func:`.bundled.data_digest`); :mod:`.bundled` takes its short path only for data with
  this digest.
- ``FIELDS``: each record type's field names as they were when it was written;
  a record type that changed since makes :mod:`.bundled` take the checked path.
- ``structurers()``: one function per record type, from a JSON object to the
  record. The functions trust their input: no type test, no validator, no
  unknown-key test, because the data are the ones the build checked. Like the
  fast path (:mod:`.fast_source`) they fill the record's slots directly and
  run ``__attrs_post_init__``, and like the converter they structure enums from
  their values, dates from ISO strings, tuples from arrays and use a field's
  default when its key is absent.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from .._model import rules
from .._model.dates import PartialDate
from .._model.kinds import KINDS
from .._model.metadata import Metadata
from .fast_source import _type_hints, optional_inner, tuple_item

__all__ = ["bundled_source"]


def bundled_source(digest: str) -> str:
    """The text of :mod:`.bundled_records` for data of ``digest``."""
    writer = _Writer()
    for record_type in (Metadata, *(kind.type for kind in KINDS)):
        writer.function_of(record_type)
    return writer.module(digest)


_HEADER = '''\
"""Structuring functions for the bundled data: written by ``scripts/build_data.py``, do not edit.

See :mod:`ca_security._load.bundled_source` for what they trust and why.
"""

# fmt: off
from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import attrs

from .._model.dates import PartialDate
{imports}

__all__ = ["DIGEST", "FIELDS", "structurers"]

#: The SHA-256 of the package data files these functions were written for.
DIGEST = {digest!r}

#: Each record type's field names when these functions were written.
FIELDS: dict[type, tuple[str, ...]] = {{
{fields}
}}

{constants}


def structurers() -> dict[type, Callable[[Any], Any]]:
    """One function per record type, from the bundled data's JSON objects to records."""
    dates: dict[str, PartialDate] = {{}}
    new = object.__new__

    def date(value: str) -> PartialDate:
        found = dates.get(value)
        if found is None:
            found = dates[value] = PartialDate.from_iso(value)
        return found
{functions}

    return {{
{table}
    }}
'''


class _Writer:
    """Collects the functions, the constants they name and the imports they need."""

    def __init__(self) -> None:
        self.written: dict[type, str] = {}
        self.order: list[type] = []
        self.functions: list[str] = []
        self.constants: dict[str, str] = {}
        self.imports: dict[str, set[str]] = {}

    def import_name(self, value: type) -> str:
        module = value.__module__.replace("ca_security.", "..", 1)
        self.imports.setdefault(module, set()).add(value.__qualname__)
        return value.__qualname__

    def function_of(self, record_type: type) -> str:
        """The name of ``record_type``'s function, writing it first if needed."""
        if record_type in self.written:
            return self.written[record_type]
        name = "structure_" + record_type.__qualname__.lower()
        self.written[record_type] = name
        class_name = self.import_name(record_type)
        lines = [
            f"    def {name}(data: dict[str, Any]) -> {class_name}:",
            f"        record: {class_name} = new({class_name})",
        ]
        hints = _type_hints(record_type)
        for field in attrs.fields(record_type):
            lines += self._field(record_type, field, hints[field.name])
        if hasattr(record_type, "__attrs_post_init__"):
            lines.append("        record.__attrs_post_init__()")
        lines.append("        return record")
        self.functions.append("\n".join(lines))
        self.order.append(record_type)
        return name

    def _field(self, record_type: type, field: attrs.Attribute[Any], annotation: Any) -> list[str]:
        if not field.init or field.alias != field.name:
            raise TypeError(f"{record_type.__qualname__}.{field.name}: not a plain field")
        prefix = f"{record_type.__qualname__}_{field.name}"
        if field.name not in vars(record_type).get("__slots__", ()):
            raise TypeError(f"{prefix}: not a slot of the record type itself")
        setter = self.constant(
            f"SET_{prefix}", f"vars({self.import_name(record_type)})[{field.name!r}].__set__"
        )
        key = repr(field.name)
        default: Any = field.default
        if default is attrs.NOTHING:
            read = f"data[{key}]"
        elif default is None:
            read = f"data.get({key})"
        else:
            fields_of = f"attrs.fields({self.import_name(record_type)}).{field.name}.default"
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(f"{prefix}: a default that takes self")
                made = self.constant(f"FACTORY_{prefix}", f"{fields_of}.factory") + "()"
            else:
                made = self.constant(f"DEFAULT_{prefix}", fields_of)
            self.constants.setdefault("MISSING", "object()")
            value = self._structured("value", annotation)
            return [
                f"        value = data.get({key}, MISSING)",
                f"        {setter}(record, "
                + self._converted(record_type, field, f"{made} if value is MISSING else ({value})")
                + ")",
            ]
        value = self._structured("value", annotation)
        if value == "value":  # the JSON value as it is: no variable needed
            return [f"        {setter}(record, {self._converted(record_type, field, read)})"]
        return [
            f"        value = {read}",
            f"        {setter}(record, {self._converted(record_type, field, value)})",
        ]

    def _converted(self, record_type: type, field: attrs.Attribute[Any], value: str) -> str:
        """``value`` passed through the field's converter, unless structuring made it redundant."""
        converter = field.converter
        if converter is None or rules.declaration_of(field) is not None:
            return value
        prefix = f"{record_type.__qualname__}_{field.name}"
        source = f"attrs.fields({self.import_name(record_type)}).{field.name}.converter"
        if not isinstance(converter, attrs.Converter):
            return f"{self.constant(f'CONVERT_{prefix}', source)}({value})"
        if converter.takes_self:  # type: ignore[attr-defined]
            raise TypeError(f"{prefix}: a converter that takes self")
        function = self.constant(f"CONVERT_{prefix}", f'cast("Any", {source}).converter')
        if converter.takes_field:  # type: ignore[attr-defined]
            field_constant = self.constant(
                f"FIELD_{prefix}", f"attrs.fields({self.import_name(record_type)}).{field.name}"
            )
            return f"{function}({value}, {field_constant})"
        return f"{function}({value})"

    def _structured(self, variable: str, annotation: Any) -> str:
        """An expression for the annotated type made from the JSON value ``variable``."""
        if annotation in (str, int, bool):
            return variable
        if annotation is float:
            return f"float({variable})"
        if annotation is PartialDate:
            return f"date({variable})"
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            name = self.import_name(annotation)
            members = self.constant(
                f"MEMBERS_{name}", f"{{member.value: member for member in {name}}}"
            )
            return f"{members}[{variable}]"
        if isinstance(annotation, type) and attrs.has(annotation):
            return f"{self.function_of(annotation)}({variable})"
        item = tuple_item(annotation)
        if item is not None:
            inner = self._structured("item", item)
            if inner == "item":
                return f"tuple({variable})"
            return f"tuple([{inner} for item in {variable}])"
        inner_type = optional_inner(annotation)
        if inner_type is not None:
            inner = self._structured(variable, inner_type)
            return variable if inner == variable else f"None if {variable} is None else {inner}"
        raise TypeError(f"no structuring written for {annotation!r}")

    def constant(self, name: str, expression: str) -> str:
        self.constants.setdefault(name, expression)
        return name

    def module(self, digest: str) -> str:
        imports = "\n".join(
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(self.imports.items())
        )
        fields = "\n".join(
            f"    {record_type.__qualname__}: {_names(attrs.fields(record_type))},"
            for record_type in sorted(self.order, key=lambda each: each.__qualname__)
        )
        constants = "\n".join(f"{name} = {value}" for name, value in sorted(self.constants.items()))
        functions = "\n\n".join(self.functions)
        table = "\n".join(
            f"        {record_type.__qualname__}: {self.written[record_type]},"
            for record_type in self.order
        )
        return _HEADER.format(
            imports=imports,
            digest=digest,
            fields=fields,
            constants=constants,
            functions="\n" + functions,
            table=table,
        )


def _names(fields: Iterable[attrs.Attribute[Any]]) -> str:
    names = tuple(field.name for field in fields)
    return repr(names) if len(names) != 1 else f"({names[0]!r},)"
