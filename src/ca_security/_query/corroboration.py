"""Which sources report a statement, in which words, and from how many independent origins."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._model.enums import RenderingKind
from .._model.names import fold
from .._model.provenance import Citation, Source
from .._model.statements import Statement

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["Corroboration", "Rendering", "corroboration", "word_diff"]


@attrs.frozen(kw_only=True, repr=False)
class Rendering:
    """One source's rendering of a statement.

    Attributes:
        source: The source.
        citation: The statement's citation of it (excerpt and offsets).
        origin: The id of the origin it relays: the source's ``origin``
            organization when recorded, else the source itself.
        diff: The rendering's word-level differences from the statement's
            canonical text: ``[-removed-]`` and ``{+added+}``; ``None`` when
            the source gives no excerpt.

    """

    source: Source
    citation: Citation
    origin: str
    diff: str | None

    @property
    def text(self) -> str | None:
        """The source's words, exactly as printed (``None`` when not recorded)."""
        return self.citation.excerpt

    @property
    def kind(self) -> RenderingKind | None:
        """How the source gives the words (quoted, reported or written); ``None`` if not recorded."""
        return self.citation.rendering

    def __repr__(self) -> str:
        return f"<Rendering by {self.source.id} (origin {self.origin})>"


@attrs.frozen(kw_only=True, repr=False)
class Corroboration:
    """The sources of a statement, their renderings and the count of distinct origins.

    Attributes:
        statement: The statement.
        renderings: One per citation, in the statement's citation order.

    """

    statement: Statement
    renderings: tuple[Rendering, ...]

    def __repr__(self) -> str:
        return (
            f"<Corroboration of {self.statement.id}: {len(self.sources)} sources, "
            f"{self.independent} independent>"
        )

    @property
    def quoted(self) -> tuple[Rendering, ...]:
        """The renderings that print the speaker's words inside quotation marks."""
        return tuple(r for r in self.renderings if r.kind is RenderingKind.QUOTED)

    @property
    def reported(self) -> tuple[Rendering, ...]:
        """The renderings that report or paraphrase the words (credit them as reports, not quotes)."""
        return tuple(r for r in self.renderings if r.kind is RenderingKind.REPORTED)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The reporting sources, each once, in citation order."""
        return tuple({r.source.id: r.source for r in self.renderings}.values())

    @property
    def origins(self) -> tuple[str, ...]:
        """The distinct origins (organization or source ids), in citation order."""
        return tuple(dict.fromkeys(r.origin for r in self.renderings))

    @property
    def independent(self) -> int:
        """How many distinct origins report the statement (outlets relaying one release count once)."""
        return len(self.origins)

    @property
    def variants(self) -> tuple[tuple[str, tuple[Source, ...]], ...]:
        """Each distinct wording (compared folded) with the sources that print it."""
        groups: dict[str, tuple[str, list[Source]]] = {}
        for rendering in self.renderings:
            if rendering.text is None:
                continue
            key = fold(rendering.text)
            groups.setdefault(key, (rendering.text, []))[1].append(rendering.source)
        return tuple((text, tuple(sources)) for text, sources in groups.values())


def word_diff(canonical: str, other: str) -> str:
    """``other`` with its word-level differences from ``canonical`` marked.

    Examples:
        >>> word_diff("the focus of our common attention", "the focus of general attention")
        'the focus of [-our common-] {+general+} attention'

    """
    import difflib

    old, new = canonical.split(), other.split()
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in old], [fold(w) for w in new])
    parts: list[str] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            parts.extend(new[b0:b1])
            continue
        if a1 > a0:
            parts.append("[-" + " ".join(old[a0:a1]) + "-]")
        if b1 > b0:
            parts.append("{+" + " ".join(new[b0:b1]) + "+}")
    return " ".join(parts)


def corroboration(ds: Dataset, statement: Any) -> Corroboration:
    """See :meth:`ca_security.Dataset.corroboration`."""
    if isinstance(statement, Statement):
        record: Statement = ds.statements[statement.id]
    elif isinstance(statement, str):
        record = ds.statements.lookup(statement)
    else:
        raise TypeError(f"expected a statement or its id, got {type(statement).__name__}")
    renderings = []
    for citation in record.citations:
        source = ds.sources[citation.source]
        excerpt = citation.excerpt
        renderings.append(
            Rendering(
                source=source,
                citation=citation,
                origin=source.origin or source.id,
                diff=None if excerpt is None else word_diff(record.text, excerpt),
            )
        )
    return Corroboration(statement=record, renderings=tuple(renderings))
