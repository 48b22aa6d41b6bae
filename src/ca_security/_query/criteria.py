"""What can be asked of each kind of record: the criterion types and the table :data:`SPECS`.

A criterion is one of four shapes:

- :class:`Ref`: the record refers to another record (a speaker, a summit, a
  topic...). The value is an id, a record, a name or alias (every record
  bearing that name matches) or a list of those (any of them matches); the
  names are read by :func:`~ca_security._query.lookup.resolve_refs`.
- :class:`Choice`: a closed vocabulary (an enum member or its value).
- :class:`Word`: a free string compared after folding (a publisher, a unit).
- :class:`Text`: a folded substring of the record's text.

``since``, ``until`` and ``year`` (:data:`DATE_CRITERIA`) select records whose
dates *overlap* the range asked for; records without a date never match them.

The table here is the reference for :doc:`/querying`; keep the two in step.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._model.enums import InitiativeStatus
from .._model.incidents import Incident
from .._model.initiatives import Initiative
from .._model.kinds import KINDS
from .._model.names import fold, name_key, shortened
from .._model.people import Official, Post
from .._model.provenance import Source
from .._model.rules import ANY_KIND, Declaration, declaration_of
from .._model.statements import Figure, Statement
from .._model.summits import Summit
from .._model.vocabulary import Organization, Place
from .indexes import Span, day_span
from .record_keys import (
    citation_sources,
    country_names,
    enum_value,
    field,
    figure_names,
    figure_span,
    ids,
    incident_countries,
    incident_references,
    initiative_names,
    initiative_span,
    label_names,
    names,
    optional_enum_value,
    own_id,
    own_topics,
    participants,
    place_names,
    present,
    source_names,
    statement_country,
    statement_names,
    summit_countries,
    summit_names,
    summit_references,
    tenure_posts,
    topic_names,
    topics_below,
    word,
)

if TYPE_CHECKING:
    from .._dataset.collection import Collection
    from .._dataset.dataset import Dataset

__all__ = [
    "ALL",
    "DATE_CRITERIA",
    "SPECS",
    "Choice",
    "Criterion",
    "KindSpec",
    "MAX_QUERY_LENGTH",
    "Ref",
    "Text",
    "Word",
    "check_length",
    "full_collection",
    "many_values",
    "spec_of",
]

#: ``Ref.targets`` value meaning "a record of any kind".
ALL: tuple[str, ...] = tuple(kind.name for kind in KINDS)
#: Criteria every dated kind accepts.
DATE_CRITERIA = ("since", "until", "year")

#: The keys a record is found under in a criterion's index.
Keys = Callable[["Dataset", Any], Iterable[Any]]


#: The longest text a query reads (an id, a name, a date, a word, a text to find);
#: names and dates are short, and a longer value is refused before any reading.
MAX_QUERY_LENGTH = 1000


def check_length(value: Any, what: str = "a query value") -> None:
    """Nothing, or a ValueError when ``value`` is a text longer than :data:`MAX_QUERY_LENGTH`.

    Raises:
        ValueError: for an over-long text; the message quotes it shortened.

    """
    if isinstance(value, str) and len(value) > MAX_QUERY_LENGTH:
        raise ValueError(
            f"{what} is at most {MAX_QUERY_LENGTH:,} characters; got {shortened(value)}"
        )


def many_values(value: Any) -> tuple[Any, ...]:
    """A criterion's value as a tuple: the items of a list, tuple or set, else the value alone.

    Raises:
        TypeError: for ``None``.
        ValueError: for an empty list (which would match nothing), or a text
            longer than :data:`MAX_QUERY_LENGTH`.

    """
    if value is None:
        raise TypeError("a criterion value cannot be None")
    if isinstance(value, (list, tuple, set, frozenset)):
        if not value:
            raise ValueError("an empty list of values matches nothing; leave the criterion out")
        values = tuple(value)
    else:
        values = (value,)
    for item in values:
        check_length(item)
    return values


@attrs.frozen
class Ref:
    """A reference to records of the ``targets`` kinds; ``keys`` gives the ids a record refers to.

    Its values are read by :func:`~ca_security._query.lookup.resolve_refs`; a
    hierarchy's ``widen`` then adds the ids below those asked for (the
    subtopics of a topic), so that ``keys`` stay a record's own ids and an
    index never holds a whole chain of parents for each record.
    """

    targets: tuple[str, ...]
    keys: Keys
    widen: Callable[[Dataset, frozenset[str]], frozenset[str]] | None = None


@attrs.frozen
class Choice:
    """A value of a closed vocabulary: an enum member or its value, in any case."""

    vocabulary: type[enum.Enum]
    keys: Keys

    def resolve(self, value: Any) -> frozenset[Any]:
        """The enum values asked for.

        Raises:
            ValueError: for a value that is not a member, nor the value or name of one.

        """
        return frozenset(self._one(item) for item in many_values(value))

    def _one(self, value: Any) -> Any:
        if isinstance(value, self.vocabulary):
            return value.value
        if isinstance(value, str):
            table = _vocabulary_keys(self.vocabulary)
            wanted = name_key(value)
            if wanted in table:
                return table[wanted]
        allowed = ", ".join(repr(member.value) for member in self.vocabulary)
        raise ValueError(f"{value!r} is not one of {allowed}")


@functools.cache
def _vocabulary_keys(vocabulary: type[enum.Enum]) -> Mapping[str, Any]:
    """Folded value and folded name of each member -> the member's value (the first member wins)."""
    table: dict[str, Any] = {}
    for member in vocabulary:
        table.setdefault(name_key(member.value), member.value)
        table.setdefault(name_key(member.name), member.value)
    return MappingProxyType(table)


@attrs.frozen
class Word:
    """A free string (a publisher, a unit, a language) compared by its folded form."""

    keys: Keys

    def resolve(self, value: Any) -> frozenset[Any]:
        """The folded strings asked for.

        Raises:
            TypeError: for a value that is not a string.

        """
        found = set()
        for item in many_values(value):
            if not isinstance(item, str):
                raise TypeError(f"expected a string, got {type(item).__name__}")
            found.add(name_key(item))
        return frozenset(found)


@attrs.frozen
class Text:
    """A case- and diacritic-insensitive substring of the record's texts."""

    texts: Callable[[Any], Iterable[str]]

    def resolve(self, value: Any) -> str:
        """The folded text asked for.

        Raises:
            TypeError: for a value that is not a string.
            ValueError: for a text without a letter or digit.

        """
        if not isinstance(value, str):
            raise TypeError(f"text is a string, got {type(value).__name__}")
        check_length(value, "text")
        folded = fold(value)
        if not folded:
            raise ValueError("text needs at least one letter or digit")
        return folded


Criterion = Ref | Choice | Word | Text


@attrs.frozen
class KindSpec:
    """What one kind of record can be asked: its names and its criteria.

    Attributes:
        collection: The dataset attribute, e.g. ``"statements"``.
        names: A record's names and aliases, display name first.
        criteria: Criterion name -> criterion.
        span: A record's days (first, last) as ordinals, for date criteria;
            ``None`` for undated kinds.
        word_lookup: Whether a look-up falls back to the words of names
            (``"Makhmudzoda"`` finds ``"Nasrullo Makhmudzoda"``); off for kinds
            whose "names" are texts (statements, figures, sources).
        accepted: Every criterion name this kind accepts.

    """

    collection: str
    names: Callable[[Any], tuple[str, ...]]
    criteria: Mapping[str, Criterion]
    span: Callable[[Dataset, Any], Span | None] | None = None
    word_lookup: bool = True
    accepted: frozenset[str] = attrs.field(init=False)

    @accepted.default
    def _accepted(self) -> frozenset[str]:
        extra = DATE_CRITERIA if self.span is not None else ()
        return frozenset((*self.criteria, *extra))

    @property
    def valid(self) -> tuple[str, ...]:
        """Every criterion name this kind accepts, sorted."""
        return tuple(sorted(self.accepted))


def spec_of(collection: Collection[Any]) -> KindSpec:
    """What the collection's kind of record can be asked.

    Raises:
        KeyError: for a collection of a kind that is not in :data:`SPECS`.

    """
    return SPECS[collection.kind]


def full_collection(collection: Collection[Any]) -> Collection[Any]:
    """The dataset's whole collection of the same kind (``collection`` itself when unbound)."""
    ds = collection._dataset
    if ds is None or collection._positions is None:
        return collection
    full: Collection[Any] = getattr(ds, SPECS[collection.kind].collection)
    return full


def _declaration(record_type: type, name: str) -> Declaration:
    found = declaration_of(attrs.fields_dict(record_type)[name])
    if found is None:
        raise TypeError(f"{record_type.__name__}.{name} has no field declaration")
    return found


def _referenced(record_type: type, name: str) -> Ref:
    """The criterion of a reference field: the kinds its declaration names; the field's ids."""
    declared = _declaration(record_type, name)
    targets = ALL if ANY_KIND in declared.refers_to else declared.refers_to
    return Ref(targets, ids(name) if declared.many else field(name))


def _chosen(record_type: type, name: str) -> Choice:
    """The criterion of a vocabulary field: the enum its declaration names; the field's value."""
    declared = _declaration(record_type, name)
    if declared.vocabulary is None:
        raise TypeError(f"{record_type.__name__}.{name} takes no vocabulary")
    keys = optional_enum_value(name) if declared.optional else enum_value(name)
    return Choice(declared.vocabulary, keys)


_TOPIC = Ref(("topics",), own_topics, topics_below)

#: Kind noun -> what can be asked of that kind.
SPECS: dict[str, KindSpec] = {
    "statement": KindSpec(
        collection="statements",
        names=statement_names,
        criteria={
            "speaker": _referenced(Statement, "speaker"),
            "topic": _TOPIC,
            "summit": _referenced(Statement, "summit"),
            "mentions": Ref(ALL, lambda ds, s: (*s.mentions, *s.topics)),
            "kind": _chosen(Statement, "kind"),
            "source": Ref(("sources",), lambda ds, s: citation_sources(s)),
            "document": _referenced(Statement, "document"),
            "country": Ref(("countries",), statement_country),
            "text": Text(
                lambda s: (s.text, *present(citation.excerpt for citation in s.citations))
            ),
        },
        span=lambda ds, s: day_span(s.date),
        word_lookup=False,
    ),
    "summit": KindSpec(
        collection="summits",
        names=summit_names,
        criteria={
            "place": _referenced(Summit, "place"),
            "country": Ref(("countries",), summit_countries),
            "participant": Ref(("officials", "countries", "organizations"), participants),
            "series": _referenced(Summit, "series"),
            "topic": _TOPIC,
            "mentions": Ref(ALL, summit_references),
            "document": _referenced(Summit, "documents"),
            "format": _chosen(Summit, "format"),
            "status": _chosen(Summit, "status"),
            "text": Text(lambda s: (*summit_names(s), *present((s.place_name, s.venue, s.notes)))),
        },
        span=lambda ds, s: day_span(s.start, s.end),
    ),
    "official": KindSpec(
        collection="officials",
        names=names,
        criteria={
            "country": _referenced(Official, "country"),
            "post": Ref(("posts",), tenure_posts),
            "text": Text(lambda o: (*names(o), *present((o.description,)))),
        },
    ),
    "figure": KindSpec(
        collection="figures",
        names=figure_names,
        criteria={
            "speaker": _referenced(Figure, "speaker"),
            "statement": _referenced(Figure, "statement"),
            "incident": _referenced(Figure, "incident"),
            "country": _referenced(Figure, "countries"),
            "topic": _TOPIC,
            "unit": Word(word("unit")),
            "qualifier": _chosen(Figure, "qualifier"),
            "source": Ref(("sources",), lambda ds, f: citation_sources(f)),
            "text": Text(lambda f: (f.description, *present((f.notes,)))),
        },
        span=figure_span,
        word_lookup=False,
    ),
    "source": KindSpec(
        collection="sources",
        names=source_names,
        criteria={
            "kind": _chosen(Source, "kind"),
            "publisher": Word(word("publisher")),
            "origin": _referenced(Source, "origin"),
            "language": Word(word("language")),
            "text": Text(lambda s: present((s.title, s.publisher, s.notes))),
        },
        span=lambda ds, s: day_span(s.published),
        word_lookup=False,
    ),
    "initiative": KindSpec(
        collection="initiatives",
        names=initiative_names,
        criteria={
            "kind": _chosen(Initiative, "kind"),
            "proposer": _referenced(Initiative, "proposer"),
            "summit": Ref(("summits",), lambda ds, i: present(c.summit for c in i.history)),
            "status": Choice(InitiativeStatus, lambda ds, i: {c.status.value for c in i.history}),
            "party": Ref(
                ("countries", "organizations"), lambda ds, i: {s.party for s in i.signatures}
            ),
            "text": Text(lambda i: (*initiative_names(i), *present((i.notes,)))),
        },
        span=initiative_span,
    ),
    "organization": KindSpec(
        collection="organizations",
        names=names,
        criteria={
            "kind": _chosen(Organization, "kind"),
            "country": _referenced(Organization, "country"),
            "parent": _referenced(Organization, "parent"),
            "text": Text(names),
        },
    ),
    "place": KindSpec(
        collection="places",
        names=place_names,
        criteria={"country": _referenced(Place, "country"), "text": Text(place_names)},
    ),
    "post": KindSpec(
        collection="posts",
        names=label_names,
        criteria={
            "country": _referenced(Post, "country"),
            "organization": _referenced(Post, "organization"),
            "text": Text(label_names),
        },
    ),
    "topic": KindSpec(
        collection="topics",
        names=topic_names,
        criteria={
            "under": Ref(("topics",), own_id, topics_below),
            "text": Text(lambda t: (t.name, t.description)),
        },
    ),
    "incident": KindSpec(
        collection="incidents",
        names=names,
        criteria={
            "country": Ref(("countries",), incident_countries),
            "place": _referenced(Incident, "places"),
            "actor": _referenced(Incident, "actors"),
            "mentions": Ref(ALL, incident_references),
            "event_type": _chosen(Incident, "event_type"),
            "plover": _chosen(Incident, "plover"),
            "acled": _chosen(Incident, "acled"),
            "source": Ref(("sources",), lambda ds, i: citation_sources(i)),
            "text": Text(lambda i: (*names(i), *present((i.place_name, i.notes)))),
        },
        span=lambda ds, i: day_span(i.start, i.end),
    ),
    "country": KindSpec(
        collection="countries", names=country_names, criteria={"text": Text(country_names)}
    ),
    "series": KindSpec(collection="series", names=names, criteria={"text": Text(names)}),
}
