"""Strategies for whole valid datasets, whose references all resolve."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .._model.kinds import KINDS
from .._model.metadata import Metadata
from .._model.provenance import Source
from .._model.statements import Statement
from .._model.summits import Summit
from .._model.vocabulary import Topic
from ._records import (
    countries,
    figures,
    incidents,
    initiatives,
    metadata,
    officials,
    organizations,
    places,
    posts,
    series,
    sources,
    statements,
    summits,
    topics,
)
from ._values import evolve as _evolve
from ._values import optional as _optional
from .distinct import distinct_utterances

__all__ = ["dataset_records", "datasets"]


def _unique_by_id(strategy: st.SearchStrategy[Any], taken: set[str], max_size: int) -> Any:
    """A list of records whose ids are new (not in ``taken``) and distinct."""
    return st.lists(
        strategy.filter(lambda record: record.id not in taken),
        max_size=max_size,
        unique_by=lambda record: record.id,
    )


@st.composite
def dataset_records(
    draw: st.DrawFn, max_per_kind: int = 4
) -> tuple[Metadata, dict[str, tuple[Any, ...]]]:
    """Metadata and records per kind (``{"statements": (...), ...}``) of a valid dataset.

    Every reference resolves, ids are unique across kinds, statements fall
    within their summit's dates and are not dated after the publication of a
    source that cites them, and they obey the rules of what statements quote
    (page citations have excerpts; one utterance, one statement; an excerpt,
    one speaker).
    """
    taken: set[str] = set()

    def take(records: list[Any]) -> tuple[Any, ...]:
        taken.update(record.id for record in records)
        return tuple(records)

    def pick(records: tuple[Any, ...]) -> st.SearchStrategy[str]:
        """One of the records' ids; the empty strategy when there are none."""
        return st.sampled_from([record.id for record in records]) if records else st.nothing()

    def optional_pick(records: tuple[Any, ...]) -> st.SearchStrategy[Any]:
        return _optional(pick(records))

    country_list = take(draw(_unique_by_id(countries(st.just("placeholder")), taken, 3)))
    country_ids = pick(country_list)
    organization_list = take(
        draw(
            _unique_by_id(
                organizations(st.just("placeholder"), optional_pick(country_list)),
                taken,
                max_per_kind,
            )
        )
    )
    source_list = take(
        draw(
            st.lists(
                sources(optional_pick(organization_list)).filter(lambda s: s.id not in taken),
                min_size=1,
                max_size=max_per_kind,
                unique_by=lambda s: s.id,
            )
        )
    )
    source_ids = pick(source_list)

    def recite(records: tuple[Any, ...]) -> tuple[Any, ...]:
        """Point the placeholder citations of early records at real sources."""
        return tuple(
            _evolve(
                record,
                citations=tuple(_evolve(c, source=draw(source_ids)) for c in record.citations),
            )
            for record in records
        )

    country_list = recite(country_list)
    organization_list = recite(organization_list)
    topic_list: list[Topic] = []
    for topic in draw(_unique_by_id(topics(), taken, max_per_kind)):
        parent = (
            draw(st.none() | st.sampled_from([t.id for t in topic_list])) if topic_list else None
        )
        topic_list.append(_evolve(topic, parent=parent))
    topic_tuple = take(topic_list)
    series_list = take(draw(_unique_by_id(series(source_ids), taken, 2)))
    place_list = take(
        draw(_unique_by_id(places(source_ids, optional_pick(country_list)), taken, 3))
    )
    post_list = take(
        draw(
            _unique_by_id(
                posts(source_ids, optional_pick(organization_list), optional_pick(country_list)),
                taken,
                max_per_kind,
            )
        )
    )
    official_list = take(
        draw(
            _unique_by_id(
                officials(
                    source_ids,
                    pick(post_list),
                    optional_pick(country_list),
                ).filter(lambda o: bool(post_list) or not o.tenures),
                taken,
                max_per_kind,
            )
        )
    )
    person_ids = pick(official_list)
    initiative_list = take(
        draw(
            _unique_by_id(
                initiatives(
                    source_ids,
                    optional_pick(official_list),
                    country_ids,
                ).filter(lambda i: bool(country_list) or not i.signatures),
                taken,
                3,
            )
        )
    )
    incident_list = take(
        draw(
            _unique_by_id(
                incidents(
                    source_ids,
                    pick(place_list),
                    pick(country_list),
                    pick((*official_list, *organization_list)),
                ),
                taken,
                3,
            )
        )
    )
    summit_list = take(
        draw(
            _unique_by_id(
                summits(
                    source_ids,
                    person_ids,
                    optional_pick(country_list),
                    optional_pick(place_list),
                    optional_pick(series_list),
                    pick(initiative_list),
                    pick(topic_tuple),
                    pick(incident_list),
                ).filter(lambda s: bool(official_list) or not s.participants),
                taken,
                max_per_kind,
            )
        )
    )
    everything = [*taken]
    statement_list: tuple[Statement, ...] = ()
    if official_list:
        drafts = draw(
            _unique_by_id(
                statements(
                    source_ids,
                    person_ids,
                    pick(topic_tuple),
                    st.sampled_from(everything),
                ),
                taken,
                max_per_kind,
            )
        )
        statement_list = take(
            [_place_statement(draw, draft, summit_list, source_list) for draft in drafts]
        )
    figure_list = take(
        draw(
            _unique_by_id(
                figures(source_ids, optional_pick(official_list), optional_pick(incident_list)),
                taken,
                3,
            )
        )
    )
    statement_list, figure_list = distinct_utterances(statement_list, figure_list, source_list)
    records = {
        "sources": source_list,
        "countries": country_list,
        "places": place_list,
        "organizations": organization_list,
        "topics": topic_tuple,
        "series": series_list,
        "posts": post_list,
        "officials": official_list,
        "initiatives": initiative_list,
        "summits": summit_list,
        "statements": statement_list,
        "figures": figure_list,
        "incidents": incident_list,
    }
    assert set(records) == {kind.name for kind in KINDS}
    return draw(metadata()), records


def _place_statement(
    draw: st.DrawFn,
    statement: Statement,
    summit_list: tuple[Summit, ...],
    source_list: tuple[Source, ...],
) -> Statement:
    """Give a drafted statement a summit and a date that obey the loader's date rules."""
    dated_summits = [s for s in summit_list if s.start is not None]
    summit = draw(st.none() | st.sampled_from(dated_summits)) if dated_summits else None
    date = statement.date if summit is None else summit.start
    if date is None:
        return _evolve(statement, summit=None if summit is None else summit.id)
    timely = [
        s.id for s in source_list if s.published is None or s.published.latest >= date.earliest
    ]
    if not timely:
        return _evolve(statement, date=None, summit=None if summit is None else summit.id)
    citations = tuple(
        c if c.source in timely else _evolve(c, source=timely[0]) for c in statement.citations
    )
    return _evolve(
        statement,
        date=date,
        summit=None if summit is None else summit.id,
        citations=citations,
    )


def datasets(max_per_kind: int = 4) -> st.SearchStrategy[Any]:
    """Whole valid :class:`~ca_security.Dataset` objects (built, not loaded from files)."""
    from .._dataset.dataset import Dataset

    return dataset_records(max_per_kind).map(lambda pair: Dataset.from_records(pair[0], pair[1]))
