"""Properties of the query helpers on generated valid datasets.

Making a dataset costs far more than checking a property on it, so each
generated dataset serves every property: each property is a plain function
named for what it checks (a failure's traceback names it), and
:func:`test_query_properties_hold_on_generated_datasets` runs them all on each
dataset it draws. The speaker and topic filter properties need officials or
topics, which about a quarter and two fifths of the generated datasets have;
on the others they have nothing to check.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ca_security import AmbiguousNameError, Dataset, PartialDate
from ca_security._model.names import name_key
from ca_security._query.filtering import scan
from ca_security._query.lookup import names_of
from ca_security.testing import strategies as cst


def in_order(criteria: dict[str, Any]) -> dict[str, Any]:
    """``criteria`` with ``since`` and ``until`` swapped when ``since`` is later (an error)."""
    since, until = criteria.get("since"), criteria.get("until")
    if since is not None and until is not None and since.earliest > until.latest:
        criteria["since"], criteria["until"] = until, since
    return criteria


@st.composite
def statement_criteria(
    draw: st.DrawFn, ds: Dataset, exclude: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A random combination of statement criteria drawn from the dataset's own values.

    ``exclude`` names criteria not to draw.
    """
    options: dict[str, st.SearchStrategy[Any]] = {
        "kind": st.sampled_from(["direct quote", "paraphrase", "written"]),
        "since": cst.partial_dates(),
        "until": cst.partial_dates(),
        "year": st.integers(1990, 2030),
        "text": st.sampled_from(["a", "security", "e", "ш"]),
    }
    if len(ds.officials):
        options["speaker"] = st.sampled_from(ds.officials.ids)
    if len(ds.topics):
        options["topic"] = st.sampled_from(ds.topics.ids)
    if len(ds.summits):
        options["summit"] = st.sampled_from(ds.summits.ids)
    if len(ds.sources):
        options["source"] = st.sampled_from(ds.sources.ids)
    if len(ds.countries):
        options["mentions"] = st.sampled_from(ds.countries.ids)
    names = draw(
        st.lists(st.sampled_from(sorted(options.keys() - exclude)), unique=True, max_size=3)
    )
    return in_order({name: draw(options[name]) for name in names})


@st.composite
def summit_criteria(draw: st.DrawFn, ds: Dataset) -> dict[str, Any]:
    """A random combination of summit criteria drawn from the dataset's own values."""
    options: dict[str, st.SearchStrategy[Any]] = {
        "since": cst.partial_dates(),
        "until": cst.partial_dates(),
        "year": st.integers(1990, 2030),
        "format": st.sampled_from(["summit", "ministerial", "bilateral", "call", "other"]),
    }
    if len(ds.officials):
        options["participant"] = st.sampled_from(ds.officials.ids)
    if len(ds.places):
        options["place"] = st.sampled_from(ds.places.ids)
    if len(ds.countries):
        options["country"] = st.sampled_from(ds.countries.ids)
    if len(ds.series):
        options["series"] = st.sampled_from(ds.series.ids)
    if len(ds.topics):
        options["topic"] = st.sampled_from(ds.topics.ids)
    names = draw(st.lists(st.sampled_from(sorted(options)), unique=True, max_size=3))
    return in_order({name: draw(options[name]) for name in names})


def overlaps(date: PartialDate | None, since: Any, until: Any) -> bool:
    if date is None:
        return False
    first = None if since is None else PartialDate.coerce(since).earliest
    last = None if until is None else PartialDate.coerce(until).latest
    return (first is None or date.latest >= first) and (last is None or date.earliest <= last)


# -- the properties, each checked on one generated dataset ----------------------------


def indexed_equals_linear_scan(data: st.DataObject, ds: Dataset) -> None:
    """Indexed answers equal the plain linear scan, for statements and summits."""
    criteria = data.draw(statement_criteria(ds))
    expected = scan(ds.statements, criteria)
    assert expected == ds.statements.filter(**criteria)
    assert expected == ds.statements.filter(**criteria)  # again, from the kept answer
    criteria = data.draw(summit_criteria(ds))
    assert scan(ds.summits, criteria) == ds.summits.filter(**criteria)


def filter_is_subset_meeting_criteria(data: st.DataObject, ds: Dataset) -> None:
    """Every result is in the collection, in canonical order, and meets each criterion."""
    if not len(ds.officials):
        return  # no speaker to filter by
    speaker = data.draw(st.sampled_from(ds.officials.ids))
    since = data.draw(st.none() | cst.partial_dates())
    until = data.draw(st.none() | cst.partial_dates())
    if since is not None and until is not None and since.earliest > until.latest:
        since, until = until, since  # since after until is an error (tested elsewhere)
    found = (
        ds.statements.filter(speaker=speaker, since=since, until=until)
        if (since is not None or until is not None)
        else ds.statements.filter(speaker=speaker)
    )
    order = {record.id: position for position, record in enumerate(ds.statements)}
    assert [order[r.id] for r in found] == sorted(order[r.id] for r in found)
    expected = [
        s
        for s in ds.statements
        if s.speaker == speaker
        and ((since is None and until is None) or overlaps(s.date, since, until))
    ]
    assert expected == list(found)


def chaining_equals_combining(data: st.DataObject, ds: Dataset) -> None:
    """``filter(a=x).filter(b=y) == filter(a=x, b=y)``."""
    first = data.draw(statement_criteria(ds))
    second = data.draw(statement_criteria(ds, exclude=frozenset(first)))
    since, until = first.get("since", second.get("since")), first.get("until", second.get("until"))
    # since after until is an error (tested elsewhere), not a query to chain
    assume(since is None or until is None or since.earliest <= until.latest)
    assert ds.statements.filter(**first).filter(**second) == ds.statements.filter(**first, **second)


def widening_dates_keeps_results(data: st.DataObject, ds: Dataset) -> None:
    """Widening a date range never loses results."""
    since, until = sorted(data.draw(st.lists(cst.partial_dates(), min_size=2, max_size=2)))
    wider_since = data.draw(cst.partial_dates(max_year=since.year))
    if wider_since.earliest > since.earliest:
        wider_since = since  # a later day of the same year: keep the start, widen the end
    narrow = set(ds.statements.filter(since=since, until=until).ids)
    wide = set(ds.statements.filter(since=wider_since, until=until.year + 1).ids)
    assert narrow <= wide
    narrow_summits = set(ds.summits.filter(since=since, until=until).ids)
    assert narrow_summits <= set(ds.summits.filter(since=wider_since).ids)


def lookup_finds_every_record_by_every_name(data: st.DataObject, ds: Dataset) -> None:
    """``lookup`` finds each record by each of its names and aliases, in any case."""
    for _, collection in ds.collections():
        for record in collection:
            for name in (*names_of(collection.kind)(record), record.id):
                if not name_key(name):
                    continue  # a name without letters or digits cannot be looked up
                for variant in {name, name.casefold(), name.upper(), name.title()}:
                    if name_key(variant) != name_key(name):
                        continue  # a case mapping that changes letters (e.g. dotless i)
                    if collection.get(variant) is not None:
                        # An exact id wins over names.
                        assert collection[variant] == collection.lookup(variant)
                        continue
                    try:
                        assert record == collection.lookup(variant)
                    except AmbiguousNameError as error:
                        assert record.id in error.candidates


def holding_never_returns_excluded_holders(data: st.DataObject, ds: Dataset) -> None:
    """No holder's tenure certainly excludes the date; attested holders are certain."""
    on = data.draw(cst.partial_dates())
    found = ds.officials.holding(on=on)
    for holding in found:
        tenure = holding.tenure
        assert tenure.end is None or tenure.end.latest >= on.earliest
        assert tenure.start is None or tenure.start.earliest <= on.latest
    certain = {(h.official.id, id(h.tenure)) for h in found.certain}
    for official in ds.officials:
        for tenure in official.tenures:
            anchors = [
                day
                for day in (*tenure.attested, tenure.start, tenure.end)
                if day is not None
                and (tenure.start is None or tenure.start.earliest <= day.latest)
                and (tenure.end is None or day.earliest <= tenure.end.latest)
            ]
            if any(on.contains(day) for day in anchors):
                assert (official.id, id(tenure)) in certain


def timeline_is_chronological(data: st.DataObject, ds: Dataset) -> None:
    """The timeline holds every incident, summit and statement, dated ones by first day, undated last."""
    found = ds.timeline()
    assert len(ds.incidents) + len(ds.summits) + len(ds.statements) == len(found)
    firsts = [r.date.earliest for r in found if r.date is not None]
    assert sorted(firsts) == firsts
    dated = [r.date is not None for r in found]
    assert sorted(dated, reverse=True) == dated


def corroboration_counts_distinct_origins(data: st.DataObject, ds: Dataset) -> None:
    """The origin count is the number of distinct source origins (or sources)."""
    for statement in ds.statements:
        report = ds.corroboration(statement)
        origins = {ds.sources[c.source].origin or c.source for c in statement.citations}
        assert len(origins) == report.independent
        assert len(statement.citations) == len(report.renderings)


def _subtree(ds: Dataset, topic_id: str) -> set[str]:
    """The topic and every topic below it, found by walking down from the parents."""
    found = {topic_id}
    grew = True
    while grew:
        below = {t.id for t in ds.topics if t.parent in found}
        grew = not below <= found
        found |= below
    return found


def a_topic_finds_its_subtopics_at_every_depth(data: st.DataObject, ds: Dataset) -> None:
    """``topic=`` gives exactly the records tagged with the topic or any topic below it."""
    if not len(ds.topics):
        return  # no topic to filter by
    topic_id = data.draw(st.sampled_from(ds.topics.ids))
    subtree = _subtree(ds, topic_id)
    for collection in (ds.statements, ds.summits, ds.figures):
        expected = [record for record in collection if not subtree.isdisjoint(record.topics)]
        assert list(collection.filter(topic=topic_id)) == expected


PROPERTIES = (
    indexed_equals_linear_scan,
    filter_is_subset_meeting_criteria,
    chaining_equals_combining,
    widening_dates_keeps_results,
    lookup_finds_every_record_by_every_name,
    holding_never_returns_excluded_holders,
    timeline_is_chronological,
    corroboration_counts_distinct_origins,
    a_topic_finds_its_subtopics_at_every_depth,
)


@given(st.data(), cst.datasets())
def test_query_properties_hold_on_generated_datasets(data: st.DataObject, ds: Dataset) -> None:
    """Every property above holds on each generated dataset."""
    for check in PROPERTIES:
        check(data, ds)


def test_unbound_collection_cannot_be_filtered() -> None:
    """A collection outside a dataset says why it cannot be filtered."""
    from ca_security import Collection

    with pytest.raises(ValueError, match="Dataset"):
        Collection([], kind="statement").filter(speaker="x")
