"""Structuring raw JSON records with the converter, turning every failure into a :class:`Problem`."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from .._model.errors import MAX_PROBLEMS, DatasetError, Problem, problem_kind

__all__ = ["ProblemLog", "structure_records", "too_deep"]

R = TypeVar("R")

#: How many records past the cap of problems the converter examines in detail, to
#: count their problems by kind; records like one already examined cost nothing.
_EXAMINED_PAST_CAP = 2000
_NOT_EXAMINED = "record not examined in detail (too many problems before it)"


class ProblemLog:
    """The problems of a load: the first :data:`MAX_PROBLEMS` kept, the rest counted by kind.

    Hostile data can have a problem per byte; keeping every one cost gigabytes.
    """

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.counts: Counter[str] = Counter()

    @property
    def full(self) -> bool:
        """Whether further problems are only counted."""
        return len(self.kept) >= MAX_PROBLEMS

    def __bool__(self) -> bool:
        return bool(self.kept)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if self.full:
                self.counts[problem_kind(problem)] += 1
            else:
                self.kept.append(problem)

    def count(self, kind: str, number: int = 1) -> None:
        """Count problems of ``kind`` past the cap."""
        self.counts[kind] += number

    def error(self) -> DatasetError:
        return DatasetError(self.kept, omitted=self.counts)


def structure_records(
    converter: cattrs.Converter,
    values: list[Any],
    record_type: type[R],
    file: str,
    *,
    max_depth: int,
    log: ProblemLog,
    quick: Callable[[Any], Any] | None = None,
) -> tuple[R, ...]:
    """Structure each JSON value into ``record_type``; log a problem per failure.

    A value with arrays or objects nested more than ``max_depth`` levels
    (the record itself is level 1) is refused before structuring.

    Once ``log`` is full, records are no longer built: each is checked by
    ``quick`` (the fast path's function for the type, which raises on any
    problem), and only one that fails is given to the converter, to count its
    problems by kind; a record equal to one examined before reuses its kinds,
    and past :data:`_EXAMINED_PAST_CAP` examinations a record is counted
    without them. The work stays proportional to the size of the data.
    """
    built: list[R] = []
    index = -1
    for index, value in enumerate(values):
        if log.full:
            break
        label = _label(value, index)
        if not isinstance(value, dict):
            log.extend([_not_object(value, file, label)])
            continue
        deep = too_deep(value, max_depth)
        if deep is not None:
            log.extend(
                [
                    Problem(
                        file=file,
                        record=label,
                        field=deep or None,
                        message=f"nested more than {max_depth} levels deep",
                    )
                ]
            )
            continue
        try:
            built.append(converter.structure(value, record_type))
        except Exception as error:
            log.extend(_problems(error, file, label))
    else:
        return tuple(built)
    _count_past_cap(converter, values[index:], record_type, file, max_depth, log, quick)
    return tuple(built)


def _count_past_cap(
    converter: cattrs.Converter,
    values: list[Any],
    record_type: type,
    file: str,
    max_depth: int,
    log: ProblemLog,
    quick: Callable[[Any], Any] | None,
) -> None:
    """Count the problems of ``values`` by kind, each distinct record examined once."""
    past_cap: dict[str, list[Any]] = {}  # repr -> [value, how many times]
    not_objects: Counter[str] = Counter()
    for value in values:
        if type(value) is not dict:
            not_objects[type(value).__name__] += 1
            continue
        key = repr(value)  # safe: the file nests at most a few hundred levels
        seen = past_cap.get(key)
        if seen is None:
            past_cap[key] = [value, 1]
        else:
            seen[1] += 1
    for name, times in not_objects.items():
        log.count(f"{file}: expected an object, got {name}", times)
    examined = 0
    for value, times in past_cap.values():
        kinds: list[str] | None = [f"{file}: nested more than {max_depth} levels deep"]
        if too_deep(value, max_depth) is None:
            if quick is not None and _passes(quick, value):
                continue
            kinds = None
            if examined < _EXAMINED_PAST_CAP:
                examined += 1
                try:
                    converter.structure(value, record_type)
                    kinds = []
                except Exception as error:
                    kinds = [problem_kind(p) for p in _problems(error, file, "#0")]
        for kind in kinds if kinds is not None else [f"{file}: {_NOT_EXAMINED}"]:
            log.count(kind, times)


def _passes(quick: Callable[[Any], Any], value: Any) -> bool:
    try:
        quick(value)
    except Exception:
        return False
    return True


def _not_object(value: Any, file: str, label: str) -> Problem:
    return Problem(
        file=file, record=label, message=f"expected an object, got {type(value).__name__}"
    )


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
