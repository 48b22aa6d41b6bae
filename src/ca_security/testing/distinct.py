"""Make generated statements and figures obey the loader's rules of what statements quote.

The strategies draw statements independently, so two may share a speaker and
a text, or an excerpt; a statement may cite a page without an excerpt. The
loader refuses those (see ``ca_security._load.utterances``): this pass mends the
drafts the smallest way, by giving the citation an excerpt or by telling
texts and excerpts apart with the record's id.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._model.enums import RenderingKind
from .._model.normalise import normalise_text
from .._model.provenance import Citation, Source
from .._model.statements import Figure, Statement

__all__ = ["distinct_utterances"]


def distinct_utterances(
    statements: tuple[Statement, ...], figures: tuple[Figure, ...], sources: tuple[Source, ...]
) -> tuple[tuple[Statement, ...], tuple[Figure, ...]]:
    """``statements`` and ``figures``, mended so that the loader's utterance rules hold."""
    pages = {s.id for s in sources if s.url is not None and s.corpus_file is None}
    #: Normalised excerpt -> the id and speaker of the record that cites it.
    excerpts: dict[str, tuple[str, str]] = {}
    texts: set[tuple[str, str]] = set()
    mended_statements = []
    for statement in statements:
        text = statement.text
        while (statement.speaker, normalise_text(text)) in texts:
            text = f"{text} ({statement.id})"
        texts.add((statement.speaker, normalise_text(text)))
        citations = tuple(
            _excerpted(citation, statement.id) if citation.source in pages else citation
            for citation in statement.citations
        )
        citations = _own(citations, statement.id, statement.speaker, excerpts, same_speaker=False)
        mended_statements.append(attrs.evolve(statement, text=text, citations=citations))
    mended_figures = []
    for figure in figures:
        if figure.speaker is not None:
            citations = _own(
                figure.citations, figure.id, figure.speaker, excerpts, same_speaker=True
            )
            figure = attrs.evolve(figure, citations=citations)
        mended_figures.append(figure)
    return tuple(mended_statements), tuple(mended_figures)


def _excerpted(citation: Citation, record_id: str) -> Citation:
    """A page citation with an excerpt, its rendering kept (or reported, which every kind allows)."""
    if citation.excerpt is not None:
        return citation
    rendering = citation.rendering or RenderingKind.REPORTED
    return attrs.evolve(citation, excerpt=f"words of {record_id}", rendering=rendering)


def _own(
    citations: tuple[Citation, ...],
    record_id: str,
    speaker: str,
    excerpts: dict[str, tuple[str, str]],
    *,
    same_speaker: bool,
) -> tuple[Citation, ...]:
    """The citations, each excerpt changed until no other record (of another speaker) cites it.

    With ``same_speaker`` (figures), an excerpt already cited by the same
    speaker may stay: a figure is stated in a statement.
    """
    mended = []
    for citation in citations:
        excerpt = citation.excerpt
        if excerpt is not None:
            while True:
                owner = excerpts.setdefault(normalise_text(excerpt), (record_id, speaker))
                if owner[0] == record_id or (same_speaker and owner[1] == speaker):
                    break
                excerpt = f"{excerpt} ({record_id})"
            citation = _with_excerpt(citation, excerpt)
        mended.append(citation)
    return tuple(mended)


def _with_excerpt(citation: Citation, excerpt: str) -> Citation:
    if excerpt == citation.excerpt:
        return citation
    changes: dict[str, Any] = {"excerpt": excerpt}
    if citation.start is not None:
        changes["end"] = citation.start + len(excerpt)
    return attrs.evolve(citation, **changes)
