"""The JSON Schema of the data-file format, generated from the record types.

:func:`json_schema` walks the attrs fields and type hints of every record
type, so the schema cannot drift from the model; the package also ships the
generated document as ``ca_security/schema/ca-security.schema.json`` (a test
checks that it is up to date; ``python scripts/build_schema.py`` rewrites it).
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from .._model.kinds import KINDS
from .._model.metadata import Metadata
from .fields import FieldInfo, fields_of
from .tables import DATE_PATTERN, PORTABLE_ID_PATTERN

__all__ = ["SCHEMA_ID", "json_schema"]

#: The ``$id`` of the schema document.
SCHEMA_ID = "https://ca-security.readthedocs.io/schema/ca-security.schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_FILE_FOR_METADATA = "metadata.json"


def json_schema(file: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data files that :func:`ca_security.load` reads.

    Without an argument, the schema of a whole dataset written as one JSON
    object whose keys are the file names (``"metadata.json"``,
    ``"statements.json"``, ...) and whose values are those files' contents.
    With a file name, the schema of that one file.

    The schema checks each file's shape: fields, types, closed vocabularies,
    id and date patterns. Rules across records (references that resolve,
    dates that agree) are for :func:`ca_security.load`.

    Args:
        file: A data-file name such as ``"statements.json"``, or ``None``.

    Returns:
        A new dict holding the schema.

    Raises:
        TypeError: for a ``file`` that is not a string or ``None``.
        ValueError: for a name that is not a data file of the format.

    Examples:
        >>> import ca_security
        >>> schema = ca_security.json_schema("statements.json")
        >>> schema["type"], schema["items"]
        ('array', {'$ref': '#/$defs/Statement'})

    """
    definitions: dict[str, Any] = {}
    _define(Metadata, definitions)
    files: dict[str, Any] = {_FILE_FOR_METADATA: {"$ref": "#/$defs/Metadata"}}
    for kind in KINDS:
        _define(kind.type, definitions)
        files[kind.file] = {"type": "array", "items": {"$ref": f"#/$defs/{kind.type.__name__}"}}
    ordered = {name: definitions[name] for name in sorted(definitions)}
    if file is None:
        return {
            "$schema": _DIALECT,
            "$id": SCHEMA_ID,
            "title": "ca_security dataset",
            "description": (
                "A ca_security dataset: an object whose keys are data-file names and whose "
                "values are those files' contents."
            ),
            "type": "object",
            "properties": files,
            "required": [_FILE_FOR_METADATA],
            "additionalProperties": False,
            "$defs": ordered,
        }
    if not isinstance(file, str):
        raise TypeError(f"file is a data-file name (str) or None, got {type(file).__name__}")
    if file not in files:
        raise ValueError(f"not a data file of the format: {file!r}; use one of {sorted(files)}")
    return {
        "$schema": _DIALECT,
        "title": f"ca_security {file}",
        **files[file],
        "$defs": ordered,
    }


def _define(record_type: type, definitions: dict[str, Any]) -> None:
    name = record_type.__name__
    if name in definitions:
        return
    definitions[name] = {}  # a placeholder, so that a cycle terminates
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in fields_of(record_type):
        properties[field.name] = _property(field, definitions)
        if field.required:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object"}
    description = (record_type.__doc__ or "").strip().splitlines()
    if description:
        schema["description"] = description[0]
    schema["properties"] = properties
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    definitions[name] = schema


def _item(field: FieldInfo, definitions: dict[str, Any]) -> dict[str, Any]:
    if field.is_record:
        _define(field.type, definitions)
        return {"$ref": f"#/$defs/{field.type.__name__}"}
    if field.is_date:
        return {"type": "string", "pattern": DATE_PATTERN}
    if field.is_enum:
        return {"enum": [member.value for member in field.type]}
    if field.type is int:
        return {"type": "integer"}
    if field.type is float:
        return {"type": "number"}
    if field.is_id:
        return {"type": "string", "pattern": PORTABLE_ID_PATTERN, "maxLength": 120}
    item: dict[str, Any] = {"type": "string"}
    if field.pattern is not None:
        item["pattern"] = field.pattern.replace(r"\Z", "$")
    elif field.is_text:
        item["pattern"] = r"\S"
    return item


def _property(field: FieldInfo, definitions: dict[str, Any]) -> dict[str, Any]:
    item = _item(field, definitions)
    if field.many:
        schema: dict[str, Any] = {"type": "array", "items": item}
        if field.min_items:
            schema["minItems"] = field.min_items
        if field.is_id:
            schema["uniqueItems"] = True
    elif field.optional:
        schema = {"anyOf": [item, {"type": "null"}]}
    else:
        schema = dict(item)
    default = field.default
    if default is attrs.NOTHING or hasattr(default, "factory"):
        return schema
    if isinstance(default, enum.Enum):
        schema["default"] = default.value
    elif isinstance(default, tuple):
        schema["default"] = list(default)
    else:
        schema["default"] = default
    return schema
