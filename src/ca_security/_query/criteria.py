"""For each kind of record: the names it is found by and the criteria ``filter`` accepts.

The tables here are the reference for :doc:`/querying`; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .._model.enums import (
    AcledEventType,
    IncidentType,
    InitiativeKind,
    InitiativeStatus,
    OrganizationKind,
    PloverEvent,
    Qualifier,
    SourceKind,
    StatementKind,
    SummitFormat,
    SummitStatus,
)
from .._model.names import name_key
from .filtering import ALL, Choice, KindSpec, Ref, Text, Word, topic_lineages
from .indexes import Span, day_span

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset
    from .._model.incidents import Incident
    from .._model.initiatives import Initiative
    from .._model.statements import Figure, Statement
    from .._model.summits import Summit

__all__ = ["SPECS", "incident_references", "summit_references"]


def _one(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


def _present(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(value for value in values if value is not None)


# -- names -----------------------------------------------------------------------


def _names(record: Any) -> tuple[str, ...]:
    return (record.name, *record.aliases)


def _country_names(record: Any) -> tuple[str, ...]:
    return (record.name, *record.aliases, record.alpha3)


def _place_names(record: Any) -> tuple[str, ...]:
    return (record.name, *(name.name for name in record.names), *record.aliases)


def _label_names(record: Any) -> tuple[str, ...]:
    return (record.name, *getattr(record, "aliases", ()))


def _topic_names(record: Any) -> tuple[str, ...]:
    """A topic's label, then its PLOVER and CAMEO codes: a query may name a topic by code."""
    return (record.name, *record.codes)


def _initiative_names(record: Initiative) -> tuple[str, ...]:
    return (record.name, *record.aliases, *_present(change.name for change in record.history))


def _summit_names(record: Summit) -> tuple[str, ...]:
    return (record.name, *record.aliases)


def _source_names(record: Any) -> tuple[str, ...]:
    return _present((record.title,))


def _statement_names(record: Statement) -> tuple[str, ...]:
    return (record.text,)


def _figure_names(record: Figure) -> tuple[str, ...]:
    return (record.description,)


# -- keys ------------------------------------------------------------------------


def _citation_sources(record: Any) -> set[str]:
    return {citation.source for citation in record.citations}


def _statement_country(ds: Dataset, record: Statement) -> tuple[str, ...]:
    speaker = ds.officials.get(record.speaker)
    return () if speaker is None else _one(speaker.country)


def summit_references(ds: Dataset, record: Summit) -> Iterator[str]:
    """Every id a summit refers to: place, host, series, documents, topics, incidents, participants."""
    yield from _present((record.place, record.host_country, record.series))
    yield from record.documents
    yield from record.topics
    yield from record.incidents
    for participant in record.participants:
        yield from _present(
            (
                participant.person,
                participant.country,
                participant.organization,
                participant.on_behalf_of,
            )
        )


def _summit_countries(ds: Dataset, record: Summit) -> tuple[str, ...]:
    place = ds.places.get(record.place) if record.place else None
    return _present((record.host_country, None if place is None else place.country))


def incident_references(ds: Dataset, record: Incident) -> Iterator[str]:
    """Every id an incident refers to: its places, countries and actors."""
    yield from record.places
    yield from record.countries
    yield from record.actors


def _incident_countries(ds: Dataset, record: Incident) -> set[str]:
    """The countries involved, and the countries of the incident's places."""
    found = set(record.countries)
    for place_id in record.places:
        place = ds.places.get(place_id)
        if place is not None and place.country is not None:
            found.add(place.country)
    return found


def _participants(ds: Dataset, record: Summit) -> Iterator[str]:
    for participant in record.participants:
        yield from _present((participant.person, participant.country, participant.organization))


def _tenure_posts(ds: Dataset, record: Any) -> tuple[str, ...]:
    return tuple(tenure.post for tenure in record.tenures)


def _ancestors(ds: Dataset, record: Any) -> Iterator[str]:
    seen = {record.id}
    yield record.id
    parent = record.parent
    while parent is not None and parent not in seen:
        seen.add(parent)
        yield parent
        found = ds.topics.get(parent)
        parent = None if found is None else found.parent


def _figure_span(ds: Dataset, record: Figure) -> Span | None:
    if record.period_start is not None or record.period_end is not None:
        start = record.period_start or record.period_end
        return day_span(start, record.period_end)
    statement = ds.statements.get(record.statement) if record.statement else None
    return None if statement is None else day_span(statement.date)


def _initiative_span(ds: Dataset, record: Initiative) -> Span | None:
    dates = [change.date for change in record.history if change.date is not None]
    dates += [signature.date for signature in record.signatures if signature.date is not None]
    if not dates:
        return None
    return (
        min(day.earliest for day in dates).toordinal(),
        max(day.latest for day in dates).toordinal(),
    )


def _field(name: str) -> Any:
    """Keys: the record's value of ``name`` (one id, or none)."""
    return lambda ds, record: _one(getattr(record, name))


def _ids(name: str) -> Any:
    """Keys: the record's tuple of ids in ``name``."""
    return lambda ds, record: getattr(record, name)


def _enum(name: str) -> Any:
    return lambda ds, record: (getattr(record, name).value,)


def _optional_enum(name: str) -> Any:
    """Keys: the value of an optional enum field (none when unset)."""
    return lambda ds, record: (
        () if getattr(record, name) is None else (getattr(record, name).value,)
    )


def _word(name: str) -> Any:
    return lambda ds, record: (
        () if getattr(record, name) is None else (name_key(getattr(record, name)),)
    )


def _topics_and_above(ds: Dataset, record: Any) -> set[str]:
    """Keys: the record's topics and every topic above them.

    Asking for a topic thus finds the records of its subtopics too, with one
    look-up in the index.
    """
    lineages = topic_lineages(ds)
    return {topic for own in record.topics for topic in lineages.get(own, (own,))}


_TOPIC = Ref(("topics",), _topics_and_above)

#: Kind noun -> what can be asked of that kind.
SPECS: dict[str, KindSpec] = {
    "statement": KindSpec(
        collection="statements",
        names=_statement_names,
        criteria={
            "speaker": Ref(("officials",), _field("speaker")),
            "topic": _TOPIC,
            "summit": Ref(("summits",), _field("summit")),
            "mentions": Ref(ALL, lambda ds, s: (*s.mentions, *s.topics)),
            "kind": Choice(StatementKind, _enum("kind")),
            "source": Ref(("sources",), lambda ds, s: _citation_sources(s)),
            "document": Ref(("initiatives",), _field("document")),
            "country": Ref(("countries",), _statement_country),
            "text": Text(
                lambda s: (s.text, *_present(citation.excerpt for citation in s.citations))
            ),
        },
        span=lambda ds, s: day_span(s.date),
        word_lookup=False,
    ),
    "summit": KindSpec(
        collection="summits",
        names=_summit_names,
        criteria={
            "place": Ref(("places",), _field("place")),
            "country": Ref(("countries",), _summit_countries),
            "participant": Ref(("officials", "countries", "organizations"), _participants),
            "series": Ref(("series",), _field("series")),
            "topic": _TOPIC,
            "mentions": Ref(ALL, summit_references),
            "document": Ref(("initiatives",), _ids("documents")),
            "format": Choice(SummitFormat, _enum("format")),
            "status": Choice(SummitStatus, _enum("status")),
            "text": Text(
                lambda s: (*_summit_names(s), *_present((s.place_name, s.venue, s.notes)))
            ),
        },
        span=lambda ds, s: day_span(s.start, s.end),
    ),
    "official": KindSpec(
        collection="officials",
        names=_names,
        criteria={
            "country": Ref(("countries",), _field("country")),
            "post": Ref(("posts",), _tenure_posts),
            "text": Text(lambda o: (*_names(o), *_present((o.description,)))),
        },
    ),
    "figure": KindSpec(
        collection="figures",
        names=_figure_names,
        criteria={
            "speaker": Ref(("officials",), _field("speaker")),
            "statement": Ref(("statements",), _field("statement")),
            "incident": Ref(("incidents",), _field("incident")),
            "country": Ref(("countries",), _ids("countries")),
            "topic": _TOPIC,
            "unit": Word(_word("unit")),
            "qualifier": Choice(Qualifier, _enum("qualifier")),
            "source": Ref(("sources",), lambda ds, f: _citation_sources(f)),
            "text": Text(lambda f: (f.description, *_present((f.notes,)))),
        },
        span=_figure_span,
        word_lookup=False,
    ),
    "source": KindSpec(
        collection="sources",
        names=_source_names,
        criteria={
            "kind": Choice(SourceKind, _enum("kind")),
            "publisher": Word(_word("publisher")),
            "origin": Ref(("organizations",), _field("origin")),
            "language": Word(_word("language")),
            "text": Text(lambda s: _present((s.title, s.publisher, s.notes))),
        },
        span=lambda ds, s: day_span(s.published),
        word_lookup=False,
    ),
    "initiative": KindSpec(
        collection="initiatives",
        names=_initiative_names,
        criteria={
            "kind": Choice(InitiativeKind, _enum("kind")),
            "proposer": Ref(("officials",), _field("proposer")),
            "summit": Ref(("summits",), lambda ds, i: _present(c.summit for c in i.history)),
            "status": Choice(InitiativeStatus, lambda ds, i: {c.status.value for c in i.history}),
            "party": Ref(
                ("countries", "organizations"), lambda ds, i: {s.party for s in i.signatures}
            ),
            "text": Text(lambda i: (*_initiative_names(i), *_present((i.notes,)))),
        },
        span=_initiative_span,
    ),
    "organization": KindSpec(
        collection="organizations",
        names=_names,
        criteria={
            "kind": Choice(OrganizationKind, _enum("kind")),
            "country": Ref(("countries",), _field("country")),
            "parent": Ref(("organizations",), _field("parent")),
            "text": Text(_names),
        },
    ),
    "place": KindSpec(
        collection="places",
        names=_place_names,
        criteria={"country": Ref(("countries",), _field("country")), "text": Text(_place_names)},
    ),
    "post": KindSpec(
        collection="posts",
        names=_label_names,
        criteria={
            "country": Ref(("countries",), _field("country")),
            "organization": Ref(("organizations",), _field("organization")),
            "text": Text(_label_names),
        },
    ),
    "topic": KindSpec(
        collection="topics",
        names=_topic_names,
        criteria={
            "under": Ref(("topics",), _ancestors),
            "text": Text(lambda t: (t.name, t.description)),
        },
    ),
    "incident": KindSpec(
        collection="incidents",
        names=_names,
        criteria={
            "country": Ref(("countries",), _incident_countries),
            "place": Ref(("places",), _ids("places")),
            "actor": Ref(("officials", "organizations"), _ids("actors")),
            "mentions": Ref(ALL, incident_references),
            "event_type": Choice(IncidentType, _enum("event_type")),
            "plover": Choice(PloverEvent, _optional_enum("plover")),
            "acled": Choice(AcledEventType, _optional_enum("acled")),
            "source": Ref(("sources",), lambda ds, i: _citation_sources(i)),
            "text": Text(lambda i: (*_names(i), *_present((i.place_name, i.notes)))),
        },
        span=lambda ds, i: day_span(i.start, i.end),
    ),
    "country": KindSpec(
        collection="countries", names=_country_names, criteria={"text": Text(_country_names)}
    ),
    "series": KindSpec(collection="series", names=_names, criteria={"text": Text(_names)}),
}
