"""Whole answers kept per question: the shelf's budget, thread safety, and what is kept.

Private import: AnswerShelf and _question are internals of the query cache with no
public API.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_security import PartialDate, StatementKind
from ca_security._query.filtering import AnswerShelf, _question
from query_data import dataset


def test_keeps_an_answer_and_returns_it() -> None:
    shelf = AnswerShelf(budget=10)
    assert shelf.get("a") is None
    assert shelf.keep("a", ("r1", "r2"), 2)
    assert shelf.get("a") == ("r1", "r2")
    assert (len(shelf), shelf.size) == (1, 2)


def test_a_cleared_shelf_keeps_nothing_and_takes_new_answers() -> None:
    shelf = AnswerShelf(budget=3)
    shelf.keep("a", "first", 3)
    shelf.clear()
    assert (len(shelf), shelf.size, shelf.get("a")) == (0, 0, None)
    assert shelf.keep("b", "second", 3)  # the whole budget is free again
    assert shelf.get("b") == "second"


def test_an_answer_over_the_budget_is_not_kept() -> None:
    shelf = AnswerShelf(budget=3)
    assert shelf.keep("a", "first", 2)
    assert not shelf.keep("b", "second", 2)
    assert shelf.get("b") is None
    assert shelf.size == 2


def test_no_more_answers_than_the_capacity() -> None:
    shelf = AnswerShelf(budget=100, capacity=2)
    assert [shelf.keep(key, key, 0) for key in "abc"] == [True, True, False]
    assert len(shelf) == 2


def test_keeping_the_same_question_twice_counts_it_once() -> None:
    shelf = AnswerShelf(budget=10)
    shelf.keep("a", "answer", 1)
    assert shelf.keep("a", "answer", 1)
    assert shelf.size == 1


def test_threads_keeping_at_once_respect_the_budget_and_lose_nothing() -> None:
    """Many threads keep answers at once (the race a cold, threaded process runs into)."""
    shelf = AnswerShelf(budget=4000, capacity=10_000)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            barrier.wait()
            for key in range(offset, 5000, 8):
                shelf.keep(key, str(key), 1)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    kept = [key for key in range(5000) if shelf.get(key) is not None]
    assert len(kept) == shelf.size == len(shelf) == 4000


@given(
    budget=st.integers(0, 30),
    capacity=st.integers(0, 8),
    answers=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=20),
)
def test_what_is_kept_never_exceeds_budget_or_capacity(
    budget: int, capacity: int, answers: list[tuple[int, int]]
) -> None:
    shelf = AnswerShelf(budget=budget, capacity=capacity)
    sizes: dict[int, int] = {}
    for key, size in answers:
        kept = shelf.keep(key, (key, size), size)
        assert kept == (shelf.get(key) is not None)
        if kept:
            sizes.setdefault(key, size)
    assert len(shelf) <= capacity
    assert shelf.size <= budget
    assert shelf.size == sum(sizes.values())


# -- which questions are kept -----------------------------------------------------------


def test_a_repeated_question_gets_the_kept_answer() -> None:
    ds = dataset()
    first = ds.statements.filter(speaker="Nurlanov", since="May 2024")
    assert len(first) > 0
    assert ds.statements.filter(since="May 2024", speaker="Nurlanov") is first


def test_values_of_different_types_are_different_questions() -> None:
    """``True == 1`` in Python, but ``year=True`` is a wrong type, not the year 1."""
    ds = dataset()
    assert _question(ds.summits, {"year": 1}) != _question(ds.summits, {"year": True})
    ds.summits.filter(year=2024)
    with pytest.raises(TypeError):
        ds.summits.filter(year=2024.0)


@pytest.mark.parametrize(
    "value", ["x", 1, 2.5, None, StatementKind.WRITTEN, dt.date(2024, 5, 16), PartialDate(2024)]
)
def test_plain_values_make_a_question(value: object) -> None:
    assert _question(dataset().statements, {"kind": value}) is not None


def test_records_lists_and_subsets_make_no_question() -> None:
    ds = dataset()
    official = next(iter(ds.officials))
    assert _question(ds.statements, {"speaker": official}) is None
    assert _question(ds.statements, {"speaker": ["a", "b"]}) is None
    subset = ds.statements.filter(kind="written")
    assert _question(subset, {"speaker": "x"}) is None


def test_a_one_key_answer_is_the_index_s_ready_made_records() -> None:
    """Asked afresh, one speaker's statements are not looked up one by one."""
    ds = dataset()
    found = ds.statements.filter(speaker="Nurlanov")
    ds._cache.pop(ds.statements.kind + ":answers")  # forget the kept answer, keep the index
    again = ds.statements.filter(speaker="Nurlanov")
    assert again is not found
    assert again._records is found._records  # the same tuple, held by the index
    speaker = next(iter(found)).speaker
    assert list(again) == [s for s in ds.statements if s.speaker == speaker]
