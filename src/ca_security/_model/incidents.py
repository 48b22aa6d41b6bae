"""Security events that statements respond to: attacks, clashes, disasters, protests."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import AcledEventType, IncidentType, PloverEvent
from .provenance import Citation, Dispute
from .rules import (
    end_date,
    enum_field,
    id_field,
    optional,
    optional_enum,
    optional_text,
    records,
    refs,
    text,
    text_tuple,
)

__all__ = ["Incident"]


@attrs.frozen(kw_only=True, repr=False)
class Incident(Described):
    """A security event that statements respond to, recorded in the manner of ACLED.

    The numbers reported about an incident (a death toll, tonnes of aid) are
    :class:`~ca_security.Figure` records that point to it; where sources give
    different numbers, the figure holds them as disputes.

    Attributes:
        id: Stable slug, e.g. ``"crocus-city-hall-attack-2024-03-22"``.
        name: The English name most sources use.
        aliases: Other names of the event.
        event_type: What kind of event it is, in this project's coarse scheme.
        plover: The PLOVER event type, where one fits (``ASSAULT``, ``AID``...).
        acled: The ACLED event type, where one fits (``"Battles"``...).
        start: First day, at the precision known.
        end: Last day; ``None`` for a one-day event or when unknown.
        place_name: Where, as the sources name it (e.g. ``"Krasnogorsk, Moscow Oblast"``).
        places: Ids of the :class:`~ca_security.Place` records where it happened.
        countries: Ids of the countries involved (where it happened, or whose
            forces, people or aid took part).
        actors: Ids of the :class:`~ca_security.Official` and
            :class:`~ca_security.Organization` records that took part.
        citations: Sources that report the event.
        disputes: Values the sources disagree on (e.g. two start dates).
        notes: What is known beyond the fields.

    """

    id: str = id_field()
    name: str = text()
    aliases: tuple[str, ...] = text_tuple()
    event_type: IncidentType = enum_field(IncidentType)
    plover: PloverEvent | None = optional_enum(PloverEvent)
    acled: AcledEventType | None = optional_enum(AcledEventType)
    start: PartialDate | None = optional(PartialDate)
    end: PartialDate | None = end_date(PartialDate, "incident")
    place_name: str | None = optional_text()
    places: tuple[str, ...] = refs("places")
    countries: tuple[str, ...] = refs("countries")
    actors: tuple[str, ...] = refs("officials", "organizations")
    citations: tuple[Citation, ...] = records(Citation, min_items=1)
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("name", self.name),
            ("type", self.event_type),
            ("start", self.start),
            ("end", self.end),
            ("place", self.place_name),
        ]

    @property
    def date(self) -> PartialDate | None:
        """The first day (alias of :attr:`start`), as for summits and statements."""
        return self.start
