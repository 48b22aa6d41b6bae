"""Structuring raw JSON records with the converter, turning every failure into a :class:`Problem`."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from .._model.errors import Problem

__all__ = ["structure_records", "too_deep"]

R = TypeVar("R")


def structure_records(
    converter: cattrs.Converter,
    values: list[Any],
    record_type: type[R],
    file: str,
    *,
    max_depth: int,
) -> tuple[tuple[R, ...], list[Problem]]:
    """Structure each JSON value into ``record_type``; collect a problem per failure.

    A value with arrays or objects nested more than ``max_depth`` levels
    (the record itself is level 1) is refused before structuring.
    """
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
        deep = too_deep(value, max_depth)
        if deep is not None:
            problems.append(
                Problem(
                    file=file,
                    record=label,
                    field=deep or None,
                    message=f"nested more than {max_depth} levels deep",
                )
            )
            continue
        try:
            built.append(converter.structure(value, record_type))
        except Exception as error:
            problems.extend(_problems(error, file, label))
    return tuple(built), problems


def too_deep(value: Any, limit: int) -> str | None:
    """The path of the first array or object nested more than ``limit`` levels in ``value``.

    ``value`` itself is level 1 when it is an array or object; the path is
    ``""`` for ``value`` itself. ``None`` when nothing is that deep. The walk is
    iterative, so any depth is safe.
    """
    stack: list[tuple[Any, str, int]] = [(value, "", 1)]
    while stack:
        item, path, depth = stack.pop()
        if isinstance(item, dict):
            children = [
                (child, f"{path}.{key}" if path else str(key)) for key, child in item.items()
            ]
        elif isinstance(item, list):
            children = [(child, f"{path}[{index}]") for index, child in enumerate(item)]
        else:
            continue
        if depth > limit:
            return path
        stack.extend((child, child_path, depth + 1) for child, child_path in reversed(children))
    return None


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
    if not isinstance(error, (ClassValidationError, cattrs.IterableValidationError)):
        return [Problem(file=file, record=label, field=None, message=_format(error, None))]
    leaves: list[BaseException] = []

    def format_leaf(leaf: BaseException, expected_type: type | None) -> str:
        leaves.append(leaf)  # transform_error formats each leaf once, in line order
        return _format(leaf, expected_type)

    found: list[Problem] = []
    lines = cattrs.transform_error(error, path="$", format_exception=format_leaf)
    for line, leaf in zip(lines, leaves, strict=True):
        message, _, path = line.rpartition(" @ ")
        field = path[2:] if path.startswith("$.") else ""
        if isinstance(leaf, cattrs.ForbiddenExtraKeysError):
            found.extend(
                Problem(
                    file=file,
                    record=label,
                    field=f"{field}.{key}" if field else key,
                    message=_unknown_field(key, leaf.cl),
                )
                for key in sorted(leaf.extra_fields)
            )
        else:
            found.append(Problem(file=file, record=label, field=field or None, message=message))
    return found


def _format(error: BaseException, expected_type: type | None) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    if error.args and isinstance(error.args[0], str):
        return error.args[0]
    return f"invalid value ({type(error).__name__})"


def _unknown_field(key: str, record_type: type) -> str:
    names = [field.name for field in attrs.fields(record_type)]
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown field {key!r}; {hint}a {record_type.__name__} has {', '.join(names)}"
