"""Rules of the data on what statements quote: page citations, speakers, one utterance once.

These rules need no network and run whenever a dataset is loaded:

- every page citation of a statement (its source has an address, ``url``,
  and no corpus text) has an excerpt: the words a reader can find on that
  page;
- no excerpt is attributed to two different speakers (statements, and figures
  that name a speaker);
- no two statements are the same utterance: the same speaker and the same
  text, or an excerpt they share.

Texts and excerpts are compared after :func:`~ca_security._model.normalise.normalise_text`
(quote marks, dashes and whitespace spelt one way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .._model.errors import Problem
from .._model.normalise import normalise_text
from .._model.provenance import Source
from .._model.statements import Figure, Statement

__all__ = ["utterance_problems"]

_STATEMENTS = "statements.json"
_FIGURES = "figures.json"


def utterance_problems(records: dict[str, tuple[Any, ...]]) -> Iterator[Problem]:
    """Every break of the rules above in ``records`` (kind name -> records), in file order.

    References are assumed to resolve; a citation of an unknown source is
    left to the reference rules.
    """
    sources: dict[str, Source] = {source.id: source for source in records.get("sources", ())}
    statements: tuple[Statement, ...] = records.get("statements", ())
    figures: tuple[Figure, ...] = records.get("figures", ())
    yield from _page_citations(statements, sources)
    # A text is often also an excerpt (a quote's first citation): normalise each once.
    normalised: dict[str, str] = {}

    def normalise(text: str) -> str:
        found = normalised.get(text)
        if found is None:
            found = normalised[text] = normalise_text(text)
        return found

    #: Normalised excerpt -> the first record that cites it: (file, id, speaker).
    excerpts: dict[str, tuple[str, str, str]] = {}
    #: (speaker, normalised text) -> the first statement with them.
    texts: dict[tuple[str, str], str] = {}
    for statement in statements:
        key = (statement.speaker, normalise(statement.text))
        first = texts.setdefault(key, statement.id)
        if first != statement.id:
            yield Problem(
                file=_STATEMENTS,
                record=statement.id,
                field="text",
                message=(
                    f"the same utterance as statement {first!r}: same speaker, same text; "
                    "merge them into one statement with one citation per source"
                ),
            )
        yield from _shared_excerpts(_STATEMENTS, statement, statement.speaker, excerpts, normalise)
    for figure in figures:
        if figure.speaker is not None:
            yield from _shared_excerpts(_FIGURES, figure, figure.speaker, excerpts, normalise)


def _page_citations(
    statements: tuple[Statement, ...], sources: dict[str, Source]
) -> Iterator[Problem]:
    for statement in statements:
        for position, citation in enumerate(statement.citations):
            source = sources.get(citation.source)
            if source is None or source.url is None or source.corpus_file is not None:
                continue
            if citation.excerpt is None:
                yield Problem(
                    file=_STATEMENTS,
                    record=statement.id,
                    field=f"citations[{position}].excerpt",
                    message=(
                        f"a statement's citation of the page {source.id!r} needs an excerpt: "
                        "the speaker's words, or the sentence reporting them, as the page prints them"
                    ),
                )


def _shared_excerpts(
    file: str,
    record: Statement | Figure,
    speaker: str,
    excerpts: dict[str, tuple[str, str, str]],
    normalise: Callable[[str], str],
) -> Iterator[Problem]:
    seen: set[str] = set()
    for position, citation in enumerate(record.citations):
        if citation.excerpt is None:
            continue
        excerpt = normalise(citation.excerpt)
        if not excerpt or excerpt in seen:
            continue
        seen.add(excerpt)
        first = excerpts.setdefault(excerpt, (file, record.id, speaker))
        first_file, first_id, first_speaker = first
        if first_id == record.id and first_file == file:
            continue
        if first_speaker != speaker:
            message = (
                f"excerpt attributed to {speaker!r} here and to {first_speaker!r} "
                f"by {first_id!r} ({first_file})"
            )
        elif file == _STATEMENTS and first_file == _STATEMENTS:
            message = (
                f"the same utterance as statement {first_id!r}: they share this excerpt; "
                "one utterance is one statement"
            )
        else:
            continue  # a figure stated in a statement shares its excerpt, by the same speaker
        yield Problem(
            file=file, record=record.id, field=f"citations[{position}].excerpt", message=message
        )
