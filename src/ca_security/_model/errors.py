"""The package's exceptions, all under :class:`CASecurityError`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from .names import shortened

__all__ = [
    "AmbiguousNameError",
    "CASecurityError",
    "MAX_PROBLEMS",
    "DatasetError",
    "MissingExtraError",
    "Problem",
    "RecordNotFoundError",
    "problem_kind",
]

#: The longest a problem's message may be; longer ones (a huge value quoted) are cut.
_MAX_MESSAGE = 500
#: How many problems a :class:`DatasetError` keeps; the rest are only counted, by kind.
MAX_PROBLEMS = 1000
#: How many problems a :class:`DatasetError`'s message lists one by one.
_LISTED = 50
#: How many kinds of the problems not listed the message counts.
_KINDS_LISTED = 10
_INDEX = re.compile(r"\[\d+\]")


class CASecurityError(Exception):
    """Base class of every error that ca_security raises on purpose."""


def _printable(text: str) -> str:
    """``text`` with every unprintable character (controls, lone surrogates, bidi marks) escaped.

    Hostile data may put such characters in ids, keys and values; a message
    must print on any terminal and read the same in any direction.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"a problem's parts are strings, got {type(text).__name__}")
    text = _printable(text)
    if len(text) > _MAX_MESSAGE:
        text = f"{text[: _MAX_MESSAGE - 40]}... ({len(text)} characters in all)"
    return text


def _clean_optional(text: str | None) -> str | None:
    return None if text is None else _clean(text)


@attrs.frozen(kw_only=True)
class Problem:
    r"""One thing wrong with a dataset, located as precisely as known.

    Every part is printable: control characters, lone surrogates and
    direction marks from the data are shown as escapes (``\u202e``), and a
    message longer than 500 characters is cut, so a problem prints on any
    terminal.

    Attributes:
        file: The data file, e.g. ``"statements.json"``.
        record: The id of the record (or ``#index`` where it has no usable id).
        field: The path of the field inside the record, e.g. ``"citations[0].source"``.
        message: What is wrong, in words a person can act on.

    """

    file: str | None = attrs.field(default=None, converter=_clean_optional)
    record: str | None = attrs.field(default=None, converter=_clean_optional)
    field: str | None = attrs.field(default=None, converter=_clean_optional)
    message: str = attrs.field(converter=_clean)

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                None if self.record is None else f"record {self.record}",
                None if self.field is None else f"field {self.field}",
            )
            if part
        )
        return f"{where}: {self.message}" if where else self.message


def problem_kind(problem: Problem) -> str:
    """What kind of problem ``problem`` is: its file, field (without indexes) and message.

    Problems of the same kind differ only in their record and the index of the item.

    Examples:
        >>> problem_kind(Problem(file="s.json", record="x", field="citations[3].source",
        ...                      message="required field missing"))
        's.json, field citations[].source: required field missing'

    """
    field = None if problem.field is None else _INDEX.sub("[]", problem.field)
    return str(attrs.evolve(problem, record=None, field=field))


class DatasetError(CASecurityError, ValueError):
    """A dataset failed to load: it lists the problems found, with file, record and field.

    Hostile data can have millions of problems: the error keeps the first
    1,000 and counts the others by kind
    (:attr:`omitted`). Its message lists the first 50 and sums up the rest,
    e.g. ``- ... and 6,998,000 more: 5,000,000 x statements.json, field id:
    required field missing; ...``.

    Attributes:
        problems: The first problems found (at most 1,000), in file order.
        omitted: The number of problems not kept, by kind
            (``"statements.json, field id: required field missing"``).
        count: How many problems were found in all.

    """

    def __init__(
        self, problems: Iterable[Problem], *, omitted: Mapping[str, int] | None = None
    ) -> None:
        kept: list[Problem] = []
        counts: Counter[str] = Counter(omitted or {})
        for problem in problems:
            if len(kept) < MAX_PROBLEMS:
                kept.append(problem)
            else:
                counts[problem_kind(problem)] += 1
        self.problems: tuple[Problem, ...] = tuple(kept)
        self.omitted: dict[str, int] = {kind: n for kind, n in counts.most_common() if n}
        self.count: int = len(kept) + sum(self.omitted.values())
        super().__init__(self._message())

    def _message(self) -> str:
        count = self.count
        lines = [f"{count:,} problem{'s' if count != 1 else ''} in the dataset:"]
        lines.extend(f"- {problem}" for problem in self.problems[:_LISTED])
        if count > _LISTED:
            rest: Counter[str] = Counter(problem_kind(p) for p in self.problems[_LISTED:])
            rest.update(self.omitted)
            kinds = rest.most_common()
            summary = "; ".join(f"{n:,} \u00d7 {kind}" for kind, n in kinds[:_KINDS_LISTED])
            if len(kinds) > _KINDS_LISTED:
                others = sum(n for _, n in kinds[_KINDS_LISTED:])
                summary += f"; {others:,} of {len(kinds) - _KINDS_LISTED:,} other kinds"
            lines.append(f"- ... and {count - _LISTED:,} more: {summary}")
        return "\n".join(lines)


class RecordNotFoundError(CASecurityError, KeyError):
    """No record has the id or name asked for; the message suggests the closest ones.

    It is a :class:`KeyError`, and so a :class:`LookupError`.

    Attributes:
        key: What was asked for.
        suggestions: The closest ids or names, best first.

    """

    def __init__(self, key: object, kind: str, suggestions: Iterable[str] = ()) -> None:
        self.key = key
        self.kind = kind
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        message = f"no {kind} {_quoted(key)}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class AmbiguousNameError(CASecurityError, LookupError):
    """Several records bear the name asked for; the message lists their ids.

    Look the record up by one of the ids instead, or use ``filter``, which
    takes every record bearing a name.

    Attributes:
        key: The name asked for.
        candidates: The ids of the records that bear it, in canonical order.

    """

    def __init__(self, key: object, kind: str, candidates: Iterable[str]) -> None:
        self.key = key
        self.kind = kind
        self.candidates: tuple[str, ...] = tuple(candidates)
        noun = "records" if kind == "record" else f"{kind} records"
        self.message = f"{len(self.candidates)} {noun} are named {_quoted(key)}: " + ", ".join(
            repr(c) for c in self.candidates
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class MissingExtraError(CASecurityError, ImportError):
    """A method needs an optional dependency that is not installed.

    The message names the extra and gives a command that works before the
    first release is published (from a checkout of the repository:
    ``pip install '.[pandas]'``) beside the one for the published package
    (``pip install 'ca-security[pandas]'``).

    Attributes:
        extra: The name of the extra, e.g. ``"pandas"``.

    """

    def __init__(self, extra: str, feature: str, module: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional dependency {module!r} (the {extra!r} extra): "
            f"from a checkout of the repository, pip install '.[{extra}]'; "
            f"once ca-security is published, pip install 'ca-security[{extra}]'",
            name=module,
        )


def _quoted(key: object) -> str:
    """A caller's key for an error message: a long string shortened (see :func:`.names.shortened`)."""
    if isinstance(key, str):
        return shortened(key)
    try:
        return repr(key)
    except Exception:  # a value whose own repr fails still gets a message
        return f"<{type(key).__name__}>"
