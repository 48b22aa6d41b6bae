"""What people said or wrote, and the numbers they stated."""

from __future__ import annotations

import numbers
from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import Qualifier, RenderingKind, StatementKind
from .provenance import Citation, Dispute
from .rules import (
    ANY_KIND,
    FieldTypeError,
    FieldValueError,
    end_date,
    enum_field,
    id_field,
    optional,
    optional_ref,
    optional_text,
    records,
    ref,
    refs,
    text,
)

__all__ = ["Figure", "Statement"]


def _check_renderings(
    record: Statement, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]
) -> None:
    for index, citation in enumerate(value):
        if citation.excerpt is not None and citation.rendering is None:
            raise FieldValueError(
                attribute.name,
                f"citation {index} ({citation.source}) gives an excerpt but no rendering: "
                "say whether the source quotes, reports or reprints the words "
                "('quoted', 'reported' or 'written')",
            )
    quoted = any(citation.rendering is RenderingKind.QUOTED for citation in value)
    if record.kind is StatementKind.DIRECT_QUOTE and not quoted:
        raise FieldValueError(
            attribute.name,
            "a direct quote needs at least one citation whose rendering is 'quoted'",
        )
    if record.kind is StatementKind.PARAPHRASE and quoted:
        raise FieldValueError(
            attribute.name,
            "a paraphrase has a citation that quotes the words: its kind is 'direct quote'",
        )


@attrs.frozen(kw_only=True, repr=False)
class Statement(Described):
    """One utterance or written text, with one citation per source that reports it.

    When outlets render the same words differently (translations), the
    statement has one citation per outlet, each with that outlet's rendering
    verbatim; :attr:`text` is the canonical rendering chosen among them.

    Attributes:
        id: Stable slug.
        speaker: Id of the :class:`~ca_security.Official` who spoke or wrote.
        date: When it was said or published, at the precision known.
        summit: Id of the :class:`~ca_security.Summit` it was said at, if any.
        kind: Direct quote (at least one citation quotes the words),
            paraphrase (no citation quotes them) or written text.
        text: The canonical text (one source's rendering, or a paraphrase for reported speech).
        topics: Ids of :class:`~ca_security.Topic` records.
        mentions: Ids of any records the statement names (countries,
            organizations, people, places, initiatives, summits, incidents).
        document: Id of the :class:`~ca_security.Initiative` (e.g. an article)
            the statement is part of, for written texts.
        citations: One per source that reports it, with its own words and
            how it renders them (:attr:`Citation.rendering`).
        disputes: Values the sources disagree on.
        notes: What is known beyond the fields.

    """

    id: str = id_field()
    speaker: str = ref("officials")
    date: PartialDate | None = optional(PartialDate)
    summit: str | None = optional_ref("summits")
    kind: StatementKind = enum_field(StatementKind)
    text: str = text()
    topics: tuple[str, ...] = refs("topics")
    mentions: tuple[str, ...] = refs(ANY_KIND)
    document: str | None = optional_ref("initiatives")
    citations: tuple[Citation, ...] = records(Citation, min_items=1, also=(_check_renderings,))
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("speaker", self.speaker),
            ("date", self.date),
            ("kind", self.kind),
            ("text", self.text),
        ]


def _number(value: float) -> str:
    """``5700000000.0`` as ``5,700,000,000``; a fraction as it is."""
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def _to_number(value: Any, field: attrs.Attribute[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise FieldTypeError(
            field.name, f"{field.name} must be a number, got {type(value).__name__}"
        )
    return float(value)


@attrs.frozen(kw_only=True, repr=False)
class Figure(Described):
    """A number stated in a source, structured so that it can be found and compared.

    Attributes:
        id: Stable slug.
        description: What is measured, e.g. "intraregional trade of Central Asia".
        value: The number as stated (``80`` for "more than 80%").
        unit: ``"percent"``, ``"USD"``, ``"tonnes"``...
        qualifier: Whether the value is exact, a bound, an estimate or a
            target; ``about`` where the source gives a round or approximate
            number ("some 140", "about 40 tonnes").
        period_start: Start of the period the number is about, if stated.
        period_end: End of the period, if stated.
        speaker: Id of the :class:`~ca_security.Official` who stated it, if any.
        statement: Id of the :class:`Statement` that states it, if any.
        incident: Id of the :class:`~ca_security.Incident` the number is
            about (a death toll, tonnes of aid), if any.
        countries: Ids of the countries the number is about.
        topics: Ids of :class:`~ca_security.Topic` records.
        citations: Sources that state the number.
        disputes: Values the sources disagree on: where sources state the
            number differently, :attr:`value` holds the best supported one
            and a dispute on ``"value"`` keeps every one with its sources.
        notes: What is known beyond the fields.

    """

    id: str = id_field()
    description: str = text()
    value: float = attrs.field(
        converter=attrs.Converter(_to_number, takes_field=True)  # type: ignore[misc]
    )
    unit: str = text()
    qualifier: Qualifier = enum_field(Qualifier, default=Qualifier.EXACT)
    period_start: PartialDate | None = optional(PartialDate)
    period_end: PartialDate | None = end_date(PartialDate, "period", start="period_start")
    speaker: str | None = optional_ref("officials")
    statement: str | None = optional_ref("statements")
    incident: str | None = optional_ref("incidents")
    countries: tuple[str, ...] = refs("countries")
    topics: tuple[str, ...] = refs("topics")
    citations: tuple[Citation, ...] = records(Citation, min_items=1)
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    @value.validator
    def _check_finite(self, attribute: attrs.Attribute[float], value: float) -> None:
        if value != value or value in (float("inf"), float("-inf")):
            raise FieldValueError(attribute.name, f"value must be a finite number, got {value!r}")

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("description", self.description),
            ("value", f"{_number(self.value)} {self.unit}"),
            ("qualifier", self.qualifier),
        ]
