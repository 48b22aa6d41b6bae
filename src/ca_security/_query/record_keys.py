"""What the criteria read from each kind of record: names, keys and date spans.

The table :data:`~ca_security._query.criteria.SPECS` is built from these
functions; a key function takes the dataset and a record and gives the keys
that record is found under in a criterion's index (ids it refers to, a
vocabulary value, a folded word).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._model.names import name_key
from .indexes import Span, day_span

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .._dataset.dataset import Dataset
    from .._model.incidents import Incident
    from .._model.initiatives import Initiative
    from .._model.statements import Figure, Statement
    from .._model.summits import Summit

__all__ = [
    "citation_sources",
    "country_names",
    "enum_value",
    "field",
    "figure_names",
    "figure_span",
    "ids",
    "incident_countries",
    "incident_references",
    "initiative_names",
    "initiative_span",
    "label_names",
    "names",
    "own_id",
    "own_topics",
    "optional_enum_value",
    "participants",
    "place_names",
    "present",
    "source_names",
    "statement_country",
    "statement_names",
    "summit_countries",
    "summit_names",
    "summit_references",
    "tenure_posts",
    "topic_children",
    "topic_names",
    "topics_below",
    "word",
]


def _one(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


def present(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values that are not ``None``, in order."""
    return tuple(value for value in values if value is not None)


# -- names -----------------------------------------------------------------------


def names(record: Any) -> tuple[str, ...]:
    """A record's name, then its aliases."""
    return (record.name, *record.aliases)


def country_names(record: Any) -> tuple[str, ...]:
    """A country's name, aliases and alpha-3 code."""
    return (record.name, *record.aliases, record.alpha3)


def place_names(record: Any) -> tuple[str, ...]:
    """A place's name, every historic name, then its aliases."""
    return (record.name, *(name.name for name in record.names), *record.aliases)


def label_names(record: Any) -> tuple[str, ...]:
    """A record's name, then its aliases if it has any."""
    return (record.name, *getattr(record, "aliases", ()))


def topic_names(record: Any) -> tuple[str, ...]:
    """A topic's label, then its PLOVER and CAMEO codes: a query may name a topic by code."""
    return (record.name, *record.codes)


def initiative_names(record: Initiative) -> tuple[str, ...]:
    """An initiative's name, aliases, and every name it had in its history."""
    return (record.name, *record.aliases, *present(change.name for change in record.history))


def summit_names(record: Summit) -> tuple[str, ...]:
    """A summit's name, then its aliases."""
    return (record.name, *record.aliases)


def source_names(record: Any) -> tuple[str, ...]:
    """A source's title (none when untitled)."""
    return present((record.title,))


def statement_names(record: Statement) -> tuple[str, ...]:
    """A statement's text: statements are found by what they say."""
    return (record.text,)


def figure_names(record: Figure) -> tuple[str, ...]:
    """A figure's description."""
    return (record.description,)


# -- keys ------------------------------------------------------------------------


def citation_sources(record: Any) -> set[str]:
    """The ids of the sources a record cites."""
    return {citation.source for citation in record.citations}


def statement_country(ds: Dataset, record: Statement) -> tuple[str, ...]:
    """Keys: the country of the statement's speaker (none when unknown)."""
    speaker = ds.officials.get(record.speaker)
    return () if speaker is None else _one(speaker.country)


def summit_references(ds: Dataset, record: Summit) -> Iterator[str]:
    """Every id a summit refers to: place, host, series, documents, topics, incidents, participants."""
    yield from present((record.place, record.host_country, record.series))
    yield from record.documents
    yield from record.topics
    yield from record.incidents
    for participant in record.participants:
        yield from present(
            (
                participant.person,
                participant.country,
                participant.organization,
                participant.on_behalf_of,
            )
        )


def summit_countries(ds: Dataset, record: Summit) -> tuple[str, ...]:
    """Keys: the host country and the country of the summit's place."""
    place = ds.places.get(record.place) if record.place else None
    return present((record.host_country, None if place is None else place.country))


def incident_references(ds: Dataset, record: Incident) -> Iterator[str]:
    """Every id an incident refers to: its places, countries and actors."""
    yield from record.places
    yield from record.countries
    yield from record.actors


def incident_countries(ds: Dataset, record: Incident) -> set[str]:
    """The countries involved, and the countries of the incident's places."""
    found = set(record.countries)
    for place_id in record.places:
        place = ds.places.get(place_id)
        if place is not None and place.country is not None:
            found.add(place.country)
    return found


def participants(ds: Dataset, record: Summit) -> Iterator[str]:
    """Keys: every person, country and organization that took part in a summit."""
    for participant in record.participants:
        yield from present((participant.person, participant.country, participant.organization))


def tenure_posts(ds: Dataset, record: Any) -> tuple[str, ...]:
    """Keys: every post an official ever held."""
    return tuple(tenure.post for tenure in record.tenures)


def figure_span(ds: Dataset, record: Figure) -> Span | None:
    """A figure's days: its period, else its statement's date; ``None`` when neither is known."""
    if record.period_start is not None or record.period_end is not None:
        start = record.period_start or record.period_end
        return day_span(start, record.period_end)
    statement = ds.statements.get(record.statement) if record.statement else None
    return None if statement is None else day_span(statement.date)


def initiative_span(ds: Dataset, record: Initiative) -> Span | None:
    """An initiative's days: its first to its last dated stage or signature."""
    dates = [change.date for change in record.history if change.date is not None]
    dates += [signature.date for signature in record.signatures if signature.date is not None]
    if not dates:
        return None
    return (
        min(day.earliest for day in dates).toordinal(),
        max(day.latest for day in dates).toordinal(),
    )


def field(name: str) -> Any:
    """Keys: the record's value of ``name`` (one id, or none)."""
    return lambda ds, record: _one(getattr(record, name))


def ids(name: str) -> Any:
    """Keys: the record's tuple of ids in ``name``."""
    return lambda ds, record: getattr(record, name)


def enum_value(name: str) -> Any:
    """Keys: the value of the enum field ``name``."""
    return lambda ds, record: (getattr(record, name).value,)


def optional_enum_value(name: str) -> Any:
    """Keys: the value of an optional enum field (none when unset)."""
    return lambda ds, record: (
        () if getattr(record, name) is None else (getattr(record, name).value,)
    )


def word(name: str) -> Any:
    """Keys: the folded value of the string field ``name`` (none when unset)."""
    return lambda ds, record: (
        () if getattr(record, name) is None else (name_key(getattr(record, name)),)
    )


def own_topics(ds: Dataset, record: Any) -> tuple[str, ...]:
    """Keys: the record's own topics (a query widens the topics asked for with :func:`topics_below`)."""
    return tuple(record.topics)


def own_id(ds: Dataset, record: Any) -> tuple[str, ...]:
    """Keys: the record's own id."""
    return (record.id,)


def topics_below(ds: Dataset, wanted: frozenset[str]) -> frozenset[str]:
    """The topics ``wanted`` and every topic below them (a cycle is followed once).

    Asking for a topic thus finds the records of its subtopics too. The cost
    is the number of topics found: the hierarchy is walked down from the
    topics asked for, never up from every topic, so that a long chain of
    parents costs no more than a flat vocabulary of as many topics.
    """
    children = topic_children(ds)
    found = set(wanted)
    todo = list(wanted)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)


def topic_children(ds: Dataset) -> Mapping[str, tuple[str, ...]]:
    """Topic id -> the ids of the topics directly below it (built once per dataset)."""

    def build() -> Mapping[str, tuple[str, ...]]:
        lists: dict[str, list[str]] = {}
        for topic in ds.topics:
            if topic.parent is not None:
                lists.setdefault(topic.parent, []).append(topic.id)
        return MappingProxyType({parent: tuple(found) for parent, found in lists.items()})

    result: Mapping[str, tuple[str, ...]] = ds._cached("topics:children", build)
    return result
