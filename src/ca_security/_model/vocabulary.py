"""Reference records: countries, places, organizations, topics and meeting series."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import OrganizationKind, PloverContext, PloverEvent
from .provenance import Citation
from .rules import (
    FieldValueError,
    end_date,
    enum_field,
    id_field,
    optional,
    optional_enum,
    optional_ref,
    optional_text,
    records,
    text,
    text_tuple,
)

__all__ = ["Country", "Organization", "Place", "PlaceName", "Series", "Topic"]


@attrs.frozen(kw_only=True, repr=False)
class Country(Described):
    """A country, identified by its ISO 3166-1 code.

    Attributes:
        id: The lowercase alpha-2 code, e.g. ``"kz"``.
        alpha3: The alpha-3 code, e.g. ``"KAZ"``.
        name: The short English name.
        aliases: Other names and spellings (official long name, other languages).
        citations: Sources that name the country.

    """

    id: str = id_field()
    alpha3: str = text(pattern=r"^[A-Z]{3}\Z")
    name: str = text()
    aliases: tuple[str, ...] = text_tuple()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    @id.validator
    def _check_alpha2(self, attribute: attrs.Attribute[str], value: str) -> None:
        if len(value) != 2 or not value.isalpha():
            raise FieldValueError(
                attribute.name, f"a country id is its lowercase ISO alpha-2 code, got {value!r}"
            )

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name)]


@attrs.frozen(kw_only=True, repr=False)
class PlaceName(Described):
    """A name a place bore over a span of time (``None`` bounds are open or unknown).

    Attributes:
        name: The name, e.g. ``"Nur-Sultan"``.
        start: First date the name was in use, if known.
        end: Last date the name was in use, if known.

    """

    name: str = text()
    start: PartialDate | None = optional(PartialDate)
    end: PartialDate | None = end_date(PartialDate, "name")

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("start", self.start), ("end", self.end)]


@attrs.frozen(kw_only=True, repr=False)
class Place(Described):
    """A city or venue; its names over time let a look-up find any of them.

    Attributes:
        id: Stable slug, e.g. ``"astana"``.
        name: The current name.
        country: Id of the :class:`Country`.
        names: Names the place bore over time, with their dates.
        aliases: Spellings of the place's names (e.g. ``"Cholpan-Ata"``).
        citations: Sources for the place and its names.

    """

    id: str = id_field()
    name: str = text()
    country: str | None = optional_ref("countries")
    names: tuple[PlaceName, ...] = records(PlaceName)
    aliases: tuple[str, ...] = text_tuple()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("country", self.country)]


@attrs.frozen(kw_only=True, repr=False)
class Organization(Described):
    """A government body, an international organization, a press service, an outlet...

    Attributes:
        id: Stable slug, e.g. ``"sco"``.
        name: The English name.
        kind: What kind of body it is.
        aliases: Abbreviations and other names (``"SCO"``).
        country: Id of the :class:`Country` it belongs to, for national bodies.
        parent: Id of the organization it is part of.
        citations: Sources that name it.

    """

    id: str = id_field()
    name: str = text()
    kind: OrganizationKind = enum_field(OrganizationKind, default=OrganizationKind.OTHER)
    aliases: tuple[str, ...] = text_tuple()
    country: str | None = optional_ref("countries")
    parent: str | None = optional_ref("organizations")
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("kind", self.kind), ("country", self.country)]


@attrs.frozen(kw_only=True, repr=False)
class Topic(Described):
    """An entry of the controlled, hierarchical vocabulary of security risks and themes.

    Topics are the project's own classification, not facts from a source, so
    they carry no citations. Their codes in the PLOVER and CAMEO event
    ontologies let a query ask by code (``filter(topic="COOPERATE")``); the
    mapping and its reasons are in :doc:`/data-dictionary`.

    Attributes:
        id: Stable slug, e.g. ``"terrorism"``.
        name: Short English name.
        description: What the topic covers.
        parent: Id of the broader topic, ``None`` at the top.
        plover: The PLOVER event type of what happens under this topic
            (``AID`` for humanitarian assistance), where one fits.
        plover_context: The PLOVER context of what a statement on this topic
            is about (``terrorism``, ``economic``), where one fits.
        cameo: The CAMEO event code (two to four digits, e.g. ``"073"``
            Provide humanitarian aid), where one fits.

    """

    id: str = id_field()
    name: str = text()
    description: str = text()
    parent: str | None = optional_ref("topics")
    plover: PloverEvent | None = optional_enum(PloverEvent)
    plover_context: PloverContext | None = optional_enum(PloverContext)
    cameo: str | None = optional_text(pattern=r"^[0-9]{2,4}\Z")

    @property
    def codes(self) -> tuple[str, ...]:
        """The topic's PLOVER and CAMEO codes that are set, e.g. ``("AID", "humanitarian", "073")``."""
        found = (self.plover, self.plover_context)
        values = tuple(code.value for code in found if code is not None)
        return values if self.cameo is None else (*values, self.cameo)

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("parent", self.parent)]


@attrs.frozen(kw_only=True, repr=False)
class Series(Described):
    """A recurring meeting format, e.g. the Consultative Meetings of the Heads of State.

    Attributes:
        id: Stable slug, e.g. ``"consultative-meetings"``.
        name: The English name.
        aliases: Other names of the format.
        citations: Sources for the series.

    """

    id: str = id_field()
    name: str = text()
    aliases: tuple[str, ...] = text_tuple()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name)]
