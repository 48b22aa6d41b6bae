"""The shelf that keeps whole answers of indexed criteria: its budget, and thread safety."""

from __future__ import annotations

import threading

from hypothesis import given
from hypothesis import strategies as st

from ca_security._query import AnswerShelf


def test_keeps_an_answer_and_returns_it() -> None:
    shelf = AnswerShelf(budget=10)
    assert shelf.get("a") is None
    assert shelf.keep("a", (1, 2), ("r1", "r2"))
    assert shelf.get("a") == ((1, 2), ("r1", "r2"))
    assert (len(shelf), shelf.positions) == (1, 2)


def test_an_answer_over_the_budget_is_not_kept() -> None:
    shelf = AnswerShelf(budget=3)
    assert shelf.keep("a", (1, 2), ("r1", "r2"))
    assert not shelf.keep("b", (3, 4), ("r3", "r4"))
    assert shelf.get("b") is None
    assert shelf.positions == 2


def test_no_more_answers_than_the_capacity() -> None:
    shelf = AnswerShelf(budget=100, capacity=2)
    assert [shelf.keep(key, (), ()) for key in "abc"] == [True, True, False]
    assert len(shelf) == 2


def test_keeping_the_same_value_twice_counts_it_once() -> None:
    shelf = AnswerShelf(budget=10)
    shelf.keep("a", (1,), ("r1",))
    assert shelf.keep("a", (1,), ("r1",))
    assert shelf.positions == 1


def test_threads_keeping_at_once_respect_the_budget_and_lose_nothing() -> None:
    """Many threads keep answers at once (the race a cold, threaded process runs into)."""
    shelf = AnswerShelf(budget=4000, capacity=10_000)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            barrier.wait()
            for key in range(offset, 5000, 8):
                shelf.keep(key, (key,), (str(key),))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    kept = [key for key in range(5000) if shelf.get(key) is not None]
    assert len(kept) == shelf.positions == len(shelf) == 4000


@given(
    budget=st.integers(0, 30),
    capacity=st.integers(0, 8),
    answers=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=20),
)
def test_what_is_kept_never_exceeds_budget_or_capacity(
    budget: int, capacity: int, answers: list[tuple[int, int]]
) -> None:
    shelf = AnswerShelf(budget=budget, capacity=capacity)
    for key, size in answers:
        positions = tuple(range(size))
        kept = shelf.keep(key, positions, positions)
        assert kept == (shelf.get(key) is not None)
    assert len(shelf) <= capacity
    assert shelf.positions <= budget
    assert shelf.positions == sum(
        len(found[0]) for key in {k for k, _ in answers} if (found := shelf.get(key))
    )
