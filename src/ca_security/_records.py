"""Structuring raw JSON records with the converter, turning every failure into a :class:`Problem`."""

from __future__ import annotations

from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError

from ._errors import Problem

__all__ = ["structure_records"]

R = TypeVar("R")


def structure_records(
    converter: cattrs.Converter, values: list[Any], record_type: type[R], file: str
) -> tuple[tuple[R, ...], list[Problem]]:
    """Structure each JSON value into ``record_type``; collect a problem per failure."""
    built: list[R] = []
    problems: list[Problem] = []
    for index, value in enumerate(values):
        label = _label(value, index)
        if not isinstance(value, dict):
            problems.append(
                Problem(
                    file=file,
                    record=label,
                    message=f"expected an object, got {type(value).__name__}",
                )
            )
            continue
        try:
            built.append(converter.structure(value, record_type))
        except Exception as error:
            problems.extend(_problems(error, file, label))
    return tuple(built), problems


def _label(value: Any, index: int) -> str:
    record_id = value.get("id") if isinstance(value, dict) else None
    if (
        isinstance(record_id, str)
        and record_id
        and len(record_id) <= 120
        and record_id.isprintable()
    ):
        return record_id
    return f"#{index}"


def _problems(error: Exception, file: str, label: str) -> list[Problem]:
    if isinstance(error, (ClassValidationError, cattrs.IterableValidationError)):
        found = []
        for line in cattrs.transform_error(error, path="$", format_exception=_format):
            message, _, path = line.rpartition(" @ ")
            field = path[2:] if path.startswith("$.") else None
            found.append(Problem(file=file, record=label, field=field or None, message=message))
        return found
    return [Problem(file=file, record=label, field=None, message=_format(error, None))]


def _format(error: BaseException, expected_type: type | None) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(map(str, error.extra_fields)))}"
    if isinstance(error, RecursionError):
        return "value nested too deeply"
    if error.args and isinstance(error.args[0], str):
        return error.args[0]
    return f"invalid value ({type(error).__name__})"
