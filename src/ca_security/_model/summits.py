"""Convened meetings and who took part."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import Role, SummitFormat, SummitStatus
from .provenance import Citation, Dispute
from .rules import (
    FieldValueError,
    end_date,
    enum_field,
    id_field,
    optional,
    optional_ref,
    optional_text,
    records,
    refs,
    text,
    text_tuple,
)

__all__ = ["Participation", "Summit"]


@attrs.frozen(kw_only=True, repr=False)
class Participation(Described):
    """One participant of a summit and their role.

    At least one of :attr:`person`, :attr:`country` or :attr:`organization` is given.

    Attributes:
        person: Id of the :class:`~ca_security.Official`, if named.
        country: Id of the :class:`~ca_security.Country` represented.
        organization: Id of the :class:`~ca_security.Organization` represented.
        role: The part played.
        on_behalf_of: Id of the official or country a representative stands in for.
        title: The participant's title as the sources give it at this event.
        citations: Sources for this participation.

    """

    person: str | None = optional_ref("officials")
    country: str | None = optional_ref("countries")
    organization: str | None = optional_ref("organizations")
    role: Role = enum_field(Role, default=Role.PARTICIPANT)
    on_behalf_of: str | None = optional_ref("officials", "countries", "organizations")
    title: str | None = optional_text()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def __attrs_post_init__(self) -> None:
        if self.person is None and self.country is None and self.organization is None:
            raise ValueError("a participation names a person, a country or an organization")

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("person", self.person),
            ("organization", self.organization),
            ("country", self.country),
            ("role", self.role),
        ]


def _check_ordinal(record: Summit, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise FieldValueError(attribute.name, f"ordinal must be 1 or more, got {value}")


@attrs.frozen(kw_only=True, repr=False)
class Summit(Described):
    """Any convened meeting: a summit, a ministerial, a bilateral reception, a call.

    Attributes:
        id: Stable slug, e.g. ``"sc-secretaries-2024-05-16-astana"``.
        name: A descriptive English name.
        format: The meeting's format.
        series: Id of the :class:`~ca_security.Series` it belongs to.
        ordinal: Its number in the series, where a source states it.
        start: First day, at the precision known.
        end: Last day; ``None`` for a one-day meeting or when unknown.
        place: Id of the :class:`~ca_security.Place`.
        place_name: The place's name as used at the time (e.g. ``"Nur-Sultan"``).
        venue: The building, where a source names it.
        host_country: Id of the hosting :class:`~ca_security.Country`.
        participants: Who took part, with roles.
        documents: Ids of :class:`~ca_security.Initiative` records adopted or signed there.
        status: Held, planned or cancelled, as of the sources.
        topics: Ids of the :class:`~ca_security.Topic` records discussed.
        incidents: Ids of the :class:`~ca_security.Incident` records the
            meeting discussed or responded to.
        aliases: Other names of the meeting.
        citations: Sources for the meeting.
        disputes: Values the sources disagree on.
        notes: What is known beyond the fields.

    """

    id: str = id_field()
    name: str = text()
    format: SummitFormat = enum_field(SummitFormat, default=SummitFormat.OTHER)
    series: str | None = optional_ref("series")
    ordinal: int | None = optional(int, also=(_check_ordinal,))
    start: PartialDate | None = optional(PartialDate)
    end: PartialDate | None = end_date(PartialDate, "summit")
    place: str | None = optional_ref("places")
    place_name: str | None = optional_text()
    venue: str | None = optional_text()
    host_country: str | None = optional_ref("countries")
    participants: tuple[Participation, ...] = records(Participation)
    documents: tuple[str, ...] = refs("initiatives")
    status: SummitStatus = enum_field(SummitStatus, default=SummitStatus.HELD)
    topics: tuple[str, ...] = refs("topics")
    incidents: tuple[str, ...] = refs("incidents")
    aliases: tuple[str, ...] = text_tuple()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    @property
    def date(self) -> PartialDate | None:
        """The first day (alias of :attr:`start`)."""
        return self.start

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("name", self.name),
            ("start", self.start),
            ("end", self.end),
            ("place", self.place_name),
            ("participants", len(self.participants) or None),
        ]
