"""Strategies for single records, valid on their own, with references to arbitrary ids."""

from __future__ import annotations

import datetime as _dt

from hypothesis import strategies as st

from .._model.dates import PartialDate
from .._model.enums import (
    AcledEventType,
    IncidentType,
    InitiativeKind,
    InitiativeStatus,
    OrganizationKind,
    PloverContext,
    PloverEvent,
    Qualifier,
    RenderingKind,
    Role,
    SourceKind,
    StatementKind,
    SummitFormat,
    SummitStatus,
)
from .._model.flags import require_bool
from .._model.incidents import Incident
from .._model.initiatives import Initiative, Signature, StatusChange
from .._model.metadata import Metadata
from .._model.people import Official, Post, Tenure
from .._model.provenance import Citation, Dispute, DisputedValue, Source
from .._model.statements import Figure, Statement
from .._model.summits import Participation, Summit
from .._model.vocabulary import Country, Organization, Place, PlaceName, Series, Topic
from ._values import ALPHA2 as _ALPHA2
from ._values import id_tuple as _id_tuple
from ._values import ids, partial_dates, texts
from ._values import optional as _optional
from ._values import tuple_of as _tuple_of


def _distinct_texts() -> st.SearchStrategy[tuple[str, ...]]:
    """Up to two different texts (aliases hold no duplicates)."""
    return st.lists(texts(), max_size=2, unique=True).map(tuple)


def _in_date_order(changes: tuple[StatusChange, ...]) -> tuple[StatusChange, ...]:
    """Status changes sorted by first day, undated ones last (a history is in date order)."""
    return tuple(
        sorted(changes, key=lambda c: (c.date is None, c.date.earliest if c.date else None))
    )


__all__ = [
    "citations",
    "countries",
    "disputes",
    "figures",
    "incidents",
    "initiatives",
    "metadata",
    "officials",
    "organizations",
    "participations",
    "places",
    "posts",
    "series",
    "sources",
    "statements",
    "summits",
    "tenures",
    "topics",
]


@st.composite
def citations(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    *,
    rendered: bool = False,
) -> Citation:
    """A citation, with or without an excerpt and offsets.

    ``rendered`` gives every citation with an excerpt a rendering, as a
    statement's citations need; otherwise the rendering is drawn or ``None``.
    """
    require_bool("rendered", rendered)
    source = draw(source_ids if source_ids is not None else ids())
    excerpt = draw(_optional(texts()))
    start = end = None
    if excerpt is not None and draw(st.booleans()):
        start = draw(st.integers(0, 10_000))
        end = start + len(excerpt)
    rendering_kinds = st.sampled_from(RenderingKind)
    if rendered and excerpt is not None:
        rendering = draw(rendering_kinds)
    else:
        rendering = draw(_optional(rendering_kinds))
    return Citation(
        source=source,
        excerpt=excerpt,
        start=start,
        end=end,
        note=draw(_optional(texts())),
        rendering=rendering,
    )


def _cited(source_ids: st.SearchStrategy[str] | None) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(citations(source_ids), min_size=1, max_size=2).map(tuple)


def disputes(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Dispute]:
    """A dispute over a field, with two or three values."""
    value = st.builds(DisputedValue, value=texts(), citations=_cited(source_ids))
    return st.builds(
        Dispute,
        field=st.sampled_from(["start", "end", "date", "place", "value"]),
        values=st.lists(value, min_size=2, max_size=3).map(tuple),
        note=_optional(texts()),
    )


def sources(origin_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """A source with any of its optional fields."""
    return st.builds(
        Source,
        id=ids(),
        kind=st.sampled_from(SourceKind),
        title=_optional(texts()),
        publisher=_optional(texts()),
        url=_optional(ids().map(lambda slug: f"https://example.org/{slug}")),
        published=_optional(partial_dates()),
        language=_optional(st.sampled_from(["en", "ru", "kk", "uz"])),
        origin=_optional(origin_ids if origin_ids is not None else ids()),
        corpus_file=_optional(ids().map(lambda slug: f"{slug}.txt")),
        notes=_optional(texts()),
    )


def countries(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Country]:
    """A country with a made-up ISO-shaped code."""
    return st.builds(
        Country,
        id=_ALPHA2,
        alpha3=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
        name=texts(),
        aliases=_distinct_texts(),
        citations=_cited(source_ids),
    )


def places(
    source_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Place]:
    """A place with names over time."""
    return st.builds(
        Place,
        id=ids(),
        name=texts(),
        country=_optional(country_ids if country_ids is not None else _ALPHA2),
        names=_tuple_of(st.builds(PlaceName, name=texts(), start=_optional(partial_dates()))),
        aliases=_distinct_texts(),
        citations=_cited(source_ids),
    )


def organizations(
    source_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
    parent_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organization]:
    """An organization."""
    return st.builds(
        Organization,
        id=ids(),
        name=texts(),
        kind=st.sampled_from(OrganizationKind),
        aliases=_distinct_texts(),
        country=_optional(country_ids if country_ids is not None else _ALPHA2),
        parent=_optional(parent_ids) if parent_ids is not None else st.none(),
        citations=_cited(source_ids),
    )


def topics(parent_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Topic]:
    """A topic of the vocabulary."""
    return st.builds(
        Topic,
        id=ids(),
        name=texts(),
        description=texts(),
        parent=_optional(parent_ids) if parent_ids is not None else st.none(),
        plover=_optional(st.sampled_from(PloverEvent)),
        plover_context=_optional(st.sampled_from(PloverContext)),
        cameo=_optional(st.sampled_from(["04", "061", "073", "0233", "18"])),
    )


def series(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Series]:
    """A meeting series."""
    return st.builds(
        Series, id=ids(), name=texts(), aliases=_distinct_texts(), citations=_cited(source_ids)
    )


def posts(
    source_ids: st.SearchStrategy[str] | None = None,
    organization_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Post]:
    """A post."""
    return st.builds(
        Post,
        id=ids(),
        name=texts(),
        organization=_optional(organization_ids if organization_ids is not None else ids()),
        country=_optional(country_ids if country_ids is not None else _ALPHA2),
        aliases=_distinct_texts(),
        citations=_cited(source_ids),
    )


@st.composite
def tenures(
    draw: st.DrawFn,
    post_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Tenure:
    """A tenure whose end does not precede its start."""
    start = draw(_optional(partial_dates()))
    end = draw(_optional(partial_dates()))
    if start is not None and end is not None and end.latest < start.earliest:
        start, end = end, start
    return Tenure(
        post=draw(post_ids if post_ids is not None else ids()),
        title=draw(_optional(texts())),
        start=start,
        end=end,
        attested=draw(_tuple_of(partial_dates())),
        citations=draw(_cited(source_ids)),
        disputes=draw(_tuple_of(disputes(source_ids), max_size=1)),
        notes=draw(_optional(texts())),
    )


def officials(
    source_ids: st.SearchStrategy[str] | None = None,
    post_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Official]:
    """An official (or a person with no office: no tenures)."""
    return st.builds(
        Official,
        id=ids(),
        name=texts(),
        aliases=_distinct_texts(),
        country=_optional(country_ids if country_ids is not None else _ALPHA2),
        description=_optional(texts()),
        tenures=_tuple_of(tenures(post_ids, source_ids), max_size=2),
        citations=_cited(source_ids),
    )


def participations(
    source_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Participation]:
    """A participation naming at least a person or a country."""
    return st.builds(
        Participation,
        person=person_ids if person_ids is not None else ids(),
        country=_optional(country_ids if country_ids is not None else _ALPHA2),
        role=st.sampled_from(Role),
        title=_optional(texts()),
        citations=_cited(source_ids),
    )


@st.composite
def summits(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
    place_ids: st.SearchStrategy[str] | None = None,
    series_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
    topic_ids: st.SearchStrategy[str] | None = None,
    incident_ids: st.SearchStrategy[str] | None = None,
) -> Summit:
    """A summit whose end does not precede its start."""
    start = draw(_optional(partial_dates()))
    end = None
    if start is not None and draw(st.booleans()):
        end = PartialDate.coerce(start.latest + _dt.timedelta(days=draw(st.integers(0, 3))))
    return Summit(
        id=draw(ids()),
        name=draw(texts()),
        format=draw(st.sampled_from(SummitFormat)),
        series=draw(_optional(series_ids if series_ids is not None else ids())),
        ordinal=draw(_optional(st.integers(1, 20))),
        start=start,
        end=end,
        place=draw(_optional(place_ids if place_ids is not None else ids())),
        place_name=draw(_optional(texts())),
        host_country=draw(_optional(country_ids if country_ids is not None else _ALPHA2)),
        participants=draw(
            _tuple_of(participations(source_ids, person_ids, country_ids), max_size=4)
        ),
        documents=draw(_id_tuple(initiative_ids if initiative_ids is not None else ids(), 2)),
        status=draw(st.sampled_from(SummitStatus)),
        topics=draw(_id_tuple(topic_ids if topic_ids is not None else ids())),
        incidents=draw(_id_tuple(incident_ids if incident_ids is not None else ids(), 2)),
        citations=draw(_cited(source_ids)),
        disputes=draw(_tuple_of(disputes(source_ids), max_size=1)),
    )


@st.composite
def statements(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    topic_ids: st.SearchStrategy[str] | None = None,
    mention_ids: st.SearchStrategy[str] | None = None,
) -> Statement:
    """A statement with references to arbitrary ids (no summit).

    Its kind agrees with its citations' renderings: a direct quote has a
    quoted citation, a paraphrase none.
    """
    cited = draw(st.lists(citations(source_ids, rendered=True), min_size=1, max_size=2).map(tuple))
    quoted = any(citation.rendering is RenderingKind.QUOTED for citation in cited)
    kinds = [StatementKind.WRITTEN]
    kinds.append(StatementKind.DIRECT_QUOTE if quoted else StatementKind.PARAPHRASE)
    return Statement(
        id=draw(ids()),
        speaker=draw(person_ids if person_ids is not None else ids()),
        date=draw(_optional(partial_dates())),
        kind=draw(st.sampled_from(kinds)),
        text=draw(texts(40)),
        topics=draw(_id_tuple(topic_ids if topic_ids is not None else ids())),
        mentions=draw(_id_tuple(mention_ids if mention_ids is not None else ids())),
        citations=cited,
        notes=draw(_optional(texts())),
    )


def figures(
    source_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    incident_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Figure]:
    """A stated number, perhaps about an incident, perhaps disputed."""
    return st.builds(
        Figure,
        id=ids(),
        description=texts(),
        value=st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
        unit=st.sampled_from(["percent", "USD", "tonnes", "people"]),
        qualifier=st.sampled_from(Qualifier),
        period_start=_optional(partial_dates()),
        speaker=_optional(person_ids if person_ids is not None else ids()),
        incident=_optional(incident_ids if incident_ids is not None else ids()),
        citations=_cited(source_ids),
        disputes=_tuple_of(disputes(source_ids), max_size=1),
    )


@st.composite
def incidents(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    place_ids: st.SearchStrategy[str] | None = None,
    country_ids: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> Incident:
    """An incident whose end does not precede its start."""
    start = draw(_optional(partial_dates()))
    end = None
    if start is not None and draw(st.booleans()):
        end = PartialDate.coerce(start.latest + _dt.timedelta(days=draw(st.integers(0, 400))))
    return Incident(
        id=draw(ids()),
        name=draw(texts()),
        aliases=draw(_distinct_texts()),
        event_type=draw(st.sampled_from(IncidentType)),
        plover=draw(_optional(st.sampled_from(PloverEvent))),
        acled=draw(_optional(st.sampled_from(AcledEventType))),
        start=start,
        end=end,
        place_name=draw(_optional(texts())),
        places=draw(_id_tuple(place_ids if place_ids is not None else ids(), 2)),
        countries=draw(_id_tuple(country_ids if country_ids is not None else _ALPHA2, 2)),
        actors=draw(_id_tuple(actor_ids if actor_ids is not None else ids(), 2)),
        citations=draw(_cited(source_ids)),
        disputes=draw(_tuple_of(disputes(source_ids), max_size=1)),
        notes=draw(_optional(texts())),
    )


def initiatives(
    source_ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    party_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Initiative]:
    """An initiative or document with a history and signatures."""
    change = st.builds(
        StatusChange,
        status=st.sampled_from(InitiativeStatus),
        date=_optional(partial_dates()),
        name=_optional(texts()),
        citations=_cited(source_ids),
    )
    signature = st.builds(
        Signature,
        party=party_ids if party_ids is not None else _ALPHA2,
        date=_optional(partial_dates()),
        citations=_cited(source_ids),
    )
    return st.builds(
        Initiative,
        id=ids(),
        name=texts(),
        kind=st.sampled_from(InitiativeKind),
        aliases=_distinct_texts(),
        proposer=_optional(person_ids if person_ids is not None else ids()),
        history=_tuple_of(change).map(_in_date_order),
        signatures=_tuple_of(signature),
        citations=_cited(source_ids),
        disputes=_tuple_of(disputes(source_ids), max_size=1),
    )


def metadata() -> st.SearchStrategy[Metadata]:
    """Dataset metadata."""
    return st.builds(
        Metadata,
        dataset_version=st.dates().map(lambda d: d.strftime("%Y.%m.%d")),
        title=_optional(texts()),
        license=_optional(st.just("CC-BY-4.0")),
        created=_optional(partial_dates()),
    )
