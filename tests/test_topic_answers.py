"""A topic asked by id finds the records of its subtopics too: ready made where affordable.

The oracle walks *up* from each statement's topics through their parents (the
query layer walks *down* from the topic asked for), so the two share no code.
Imports the private ``widened_index`` to check which path answered.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import ca_security
from ca_security import Dataset
from ca_security._query import indexes
from ca_security.testing import strategies as cst
from test_query_bounds import topic_chain


def oracle(ds: Dataset, topic: str) -> list[str]:
    """Ids of the statements with ``topic`` or a topic below it, in collection order."""
    parent = {each.id: each.parent for each in ds.topics}

    def under(start: str) -> bool:
        seen: set[str] = set()
        current: str | None = start
        while current is not None and current not in seen:
            if current == topic:
                return True
            seen.add(current)
            current = parent.get(current)
        return False

    return [s.id for s in ds.statements if any(under(each) for each in s.topics)]


def widened(ds: Dataset) -> Any:
    return ds._cache.get("statement:widened:topic", "not built")


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return ca_security.load()


def test_every_topic_of_the_bundled_data_finds_its_subtopics_statements(bundled: Dataset) -> None:
    parents = {each.parent for each in bundled.topics if each.parent is not None}
    assert parents, "the bundled data have subtopics"
    for topic in bundled.topics:
        answer = bundled.statements.filter(topic=topic.id)
        assert [s.id for s in answer] == oracle(bundled, topic.id), topic.id
    held = widened(bundled)
    assert held is not None and held != "not built"  # the shallow tree is held ready made
    assert set(held) == parents  # one entry per topic with subtopics, none for the others
    # Asked again: the same ready-made records, not a new merge.
    some = next(iter(parents))
    first = bundled.statements.filter(topic=some)
    assert list(first) == list(bundled.statements.filter(topic=some))
    assert tuple(first) == held[some][1]


def test_a_deep_chain_is_not_held_and_still_answers() -> None:
    ds = topic_chain(300)
    for topic in ("t00000", "t00150", "t00299"):
        assert [s.id for s in ds.statements.filter(topic=topic)] == oracle(ds, topic)
    assert widened(ds) is None  # every level repeats the ones below: over the limit


def test_the_held_postings_stay_within_the_limit() -> None:
    ds = topic_chain(300)
    index = indexes.key_index(ds.statements, "probe", lambda s: s.topics)
    children: dict[str, list[str]] = {}
    for each in ds.topics:
        if each.parent is not None:
            children.setdefault(each.parent, []).append(each.id)

    def below(key: str) -> frozenset[str]:
        found, todo = {key}, [key]
        while todo:
            for child in children.get(todo.pop(), []):
                found.add(child)
                todo.append(child)
        return frozenset(found)

    calls: list[str] = []

    def counted(key: str) -> frozenset[str]:
        calls.append(key)
        return below(key)

    ids = [each.id for each in ds.topics]
    assert indexes.widened_index(ds.statements, "probe", index, ids, counted) is None
    # It gave up early: far fewer walks than topics (the limit is 8 * 300 + 4096 postings).
    assert len(calls) < 30


@settings(max_examples=25)
@given(cst.datasets(), st.data())
def test_any_topic_of_any_dataset_finds_its_subtopics_statements(
    ds: Dataset, data: st.DataObject
) -> None:
    assume(len(ds.topics) > 0)
    topic = data.draw(st.sampled_from([each.id for each in ds.topics]))
    assert [s.id for s in ds.statements.filter(topic=topic)] == oracle(ds, topic)
