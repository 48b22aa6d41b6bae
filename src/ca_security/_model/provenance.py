"""Where facts come from: sources, citations and disputed values."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import RenderingKind, SourceKind
from .rules import (
    FieldValueError,
    enum_field,
    id_field,
    optional,
    optional_enum,
    optional_ref,
    optional_text,
    records,
    ref,
    text,
)

__all__ = ["Citation", "DisputedValue", "Dispute", "Source"]


def _check_corpus_file(record: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if (
        value in (".", "..")
        or value.startswith(".")
        or any(mark in value for mark in ("/", "\\", ":", "\x00"))
    ):
        raise FieldValueError(
            attribute.name,
            f"a corpus file is a plain file name inside the corpus folder, got {value[:80]!r}",
        )


def _check_url(record: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise FieldValueError(
            attribute.name, f"url must start with http:// or https://, got {value!r}"
        )


@attrs.frozen(kw_only=True, repr=False)
class Source(Described):
    """A publication that reports facts: a news report, an interview, a web page.

    Every field but :attr:`id` may be ``None``: ``None`` means the source does
    not show it and nobody has established it, never "empty".

    Attributes:
        id: Stable slug, e.g. ``"24kg-consultative-meeting"``.
        kind: What kind of publication it is.
        title: The headline as printed, or ``None`` where the text carries none.
        publisher: The outlet, e.g. ``"24.kg"``.
        url: The page address.
        published: Publication date at the precision known.
        language: ISO 639-1 code of the text, e.g. ``"en"``.
        origin: Id of the :class:`~ca_security.Organization` whose release or
            interview the source relays (e.g. the Akorda press service), so that
            corroboration counts outlets repeating one release as one origin.
            ``None`` when the source is its own origin or does not say.
        corpus_file: Name of the corpus text the citations' offsets point into,
            for sources whose full text is in the project's corpus.
        retrieved: The day the page's text was read for this dataset (a web
            page can change after it).
        notes: Anything a reader should know about the source.

    """

    id: str = id_field()
    kind: SourceKind = enum_field(SourceKind, default=SourceKind.WEB_PAGE)
    title: str | None = optional_text()
    publisher: str | None = optional_text()
    url: str | None = optional_text(also=(_check_url,))
    published: PartialDate | None = optional(PartialDate)
    language: str | None = optional_text()
    origin: str | None = optional_ref("organizations")
    corpus_file: str | None = optional_text(also=(_check_corpus_file,))
    retrieved: PartialDate | None = optional(PartialDate)
    notes: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [("publisher", self.publisher), ("published", self.published), ("title", self.title)]


def _check_offsets(record: Citation, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if (record.start is None) != (value is None):
        raise FieldValueError(attribute.name, "start and end come together")
    if record.start is None or value is None:
        return
    if record.excerpt is None:
        raise FieldValueError(attribute.name, "offsets need an excerpt")
    if record.start < 0 or value - record.start != len(record.excerpt):
        raise FieldValueError(
            attribute.name,
            f"end - start must equal the excerpt's length ({len(record.excerpt)}), "
            f"got {record.start}..{value}",
        )


@attrs.frozen(kw_only=True, repr=False)
class Citation(Described):
    """One source's support for a record, with the source's own words.

    Attributes:
        source: Id of the :class:`Source`.
        excerpt: The passage exactly as the source prints it (verbatim), or
            ``None`` for a web source whose text is not in the corpus.
        start: Character offset of :attr:`excerpt` in the source's corpus
            text (Python ``str`` indices), when the text is in the corpus.
        end: ``start + len(excerpt)``.
        note: What the source says beyond the excerpt, in our words.
        rendering: How the source gives a statement's words: quoted (inside
            quotation marks), reported (reported speech or paraphrase) or
            written (the speaker's own text). Every citation of a
            :class:`~ca_security.Statement` says it; ``None`` on the
            citations of other records.

    """

    source: str = ref("sources")
    excerpt: str | None = optional_text()
    start: int | None = optional(int)
    end: int | None = optional(int, also=(_check_offsets,))
    note: str | None = optional_text()
    rendering: RenderingKind | None = optional_enum(RenderingKind)

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("source", self.source),
            ("rendering", self.rendering),
            ("excerpt", self.excerpt),
            ("note", self.note),
        ]


@attrs.frozen(kw_only=True, repr=False)
class DisputedValue(Described):
    """One of several values that sources give for the same fact."""

    value: str = text()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("value", self.value)]


@attrs.frozen(kw_only=True, repr=False)
class Dispute(Described):
    """Sources disagree on a field: every value is kept with the sources that give it.

    Attributes:
        field: Name of the field of the record in dispute, e.g. ``"start"``.
        values: At least two values, each with its citations.
        note: What is known about the disagreement (e.g. a review's finding).

    """

    field: str = text()
    values: tuple[DisputedValue, ...] = records(DisputedValue, min_items=2)
    note: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [("field", self.field), ("values", tuple(v.value for v in self.values))]
