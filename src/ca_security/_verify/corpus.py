"""Checking every excerpt in a dataset against the source texts it quotes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .._dataset.dataset import Dataset
from .._model.errors import Problem
from .._model.kinds import KINDS
from .._model.provenance import Citation

__all__ = ["VerifyReport", "verify_excerpts"]


@attrs.frozen
class VerifyReport:
    """What :func:`verify_excerpts` found.

    Attributes:
        checked: How many excerpts were compared with a corpus text.
        skipped: Citations not checked: no excerpt, or a source without a corpus text.
        problems: Every excerpt that is not verbatim at its offsets, or whose text is missing.

    """

    checked: int
    skipped: int
    problems: tuple[Problem, ...]


def verify_excerpts(dataset: Dataset, corpus: str | os.PathLike[str]) -> VerifyReport:
    """Check each citation's excerpt against its source's text in ``corpus``.

    A citation is checked when its source names a ``corpus_file`` and it has
    an excerpt: with offsets, ``text[start:end]`` must equal the excerpt; without,
    the excerpt must occur in the text. Texts are read as UTF-8; a file that
    is not is a problem of each citation of it.

    Args:
        dataset: The dataset to check.
        corpus: The directory holding the sources' corpus files.

    Returns:
        A :class:`VerifyReport`.

    Raises:
        FileNotFoundError: when ``corpus`` is not a directory.

    """
    directory = Path(corpus)
    if not directory.is_dir():
        raise FileNotFoundError(f"not a corpus directory: {str(directory)!r}")
    texts: dict[str, str | _Unreadable | None] = {}
    checked = skipped = 0
    problems: list[Problem] = []
    for kind in KINDS:
        for record in getattr(dataset, kind.name):
            for path, citation in _citations(record, ""):
                source = dataset.sources.get(citation.source)
                if source is None or source.corpus_file is None or citation.excerpt is None:
                    skipped += 1
                    continue
                name = source.corpus_file
                if name not in texts:
                    texts[name] = _read_inside(directory, name)
                text = texts[name]
                message = _check(citation, text, name)
                checked += 1
                if message is not None:
                    problems.append(
                        Problem(file=kind.file, record=record.id, field=path, message=message)
                    )
    return VerifyReport(checked=checked, skipped=skipped, problems=tuple(problems))


def _read_inside(directory: Path, name: str) -> str | _Unreadable | None:
    """The text of the corpus file ``name``, or ``None`` if it is not a regular file inside ``directory``.

    A name that resolves outside the folder (a symbolic link pointing out) is
    not read: verification never prints text from outside the corpus.
    """
    file = directory / name
    try:
        inside = file.resolve().parent == directory.resolve()
    except (OSError, RuntimeError):
        return None
    if not inside or not file.is_file():
        return None
    try:
        return file.read_text("utf-8")
    except UnicodeDecodeError as error:
        return _Unreadable(f"not UTF-8 text (byte {error.start})")
    except OSError:
        return None


@attrs.frozen
class _Unreadable:
    """A corpus file that is there but cannot be read as text; ``reason`` says why."""

    reason: str


def _check(citation: Citation, text: str | _Unreadable | None, name: str) -> str | None:
    excerpt = citation.excerpt or ""
    if text is None:
        return f"corpus text {name!r} is missing"
    if isinstance(text, _Unreadable):
        return f"corpus text {name!r} is {text.reason}"
    if citation.start is not None and citation.end is not None:
        found = text[citation.start : citation.end]
        if found != excerpt:
            return (
                f"excerpt is not verbatim at {citation.start}..{citation.end} of {name!r}: "
                f"the text there is {found[:60]!r}"
            )
        return None
    if excerpt not in text:
        return f"excerpt does not occur in {name!r}: {excerpt[:60]!r}"
    return None


def _citations(value: Any, path: str) -> Iterator[tuple[str, Citation]]:
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        items = item if isinstance(item, tuple) else (item,)
        for position, element in enumerate(items):
            where = (
                f"{path}{field.name}[{position}]" if isinstance(item, tuple) else path + field.name
            )
            if isinstance(element, Citation):
                yield where, element
            elif attrs.has(type(element)):
                yield from _citations(element, where + ".")
