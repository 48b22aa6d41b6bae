"""Queries stay fast and bounded on hostile-but-valid data and hostile query values (issue 16).

Timings are compared with a small case of the same shape, with a loose factor:
the tests catch a blow-up of a hundred times, not a noisy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

import ca_security
from ca_security import (
    Dataset,
)
from ca_security._model import names
from ca_security._query.criteria import MAX_QUERY_LENGTH
from test_benchmark_data import load_module


def _seconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


#: The shapes are built as the benchmark builds them (``benchmarks/hostile_shapes.py``).
topic_chain = load_module("hostile_shapes").topic_chain  # type: ignore[attr-defined]


def test_a_long_chain_of_topics_answers_topic_queries_quickly() -> None:
    """First queries on a 4,000-topic chain cost about n log n, not n squared or cubed."""

    def first_queries(ds: Dataset, count: int) -> float:
        middle = f"t{count // 2:05d}"

        def run() -> None:
            assert len(ds.statements.filter(topic="t00000")) == count
            assert len(ds.statements.filter(topic=middle)) == count - count // 2
            assert len(ds.topics.filter(under="t00000")) == count
            assert len(ds.topics.filter(under=middle)) == count - count // 2
            assert len(ds.statements.filter(topic=[middle, "t00001"], text="words")) == count - 1

        return _seconds(run)

    small = first_queries(topic_chain(250), 250)
    large = first_queries(topic_chain(4000), 4000)
    assert large < 10.0
    # 16 times the topics: about 16 times the work in n log n, 256 times in n squared.
    assert large < 100 * max(small, 1e-2)  # linear is ~16x; the old cubic walk, minutes


# -- long query values, and since after until ------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return ca_security.load()


@pytest.mark.parametrize(
    "ask",
    [
        lambda ds, text: ds.statements.filter(speaker=text),
        lambda ds, text: ds.statements.filter(speaker=["tokayev", text]),
        lambda ds, text: ds.statements.filter(text=text),
        lambda ds, text: ds.sources.filter(publisher=text),
        lambda ds, text: ds.statements.filter(kind=text),
        lambda ds, text: ds.officials.lookup(text),
        lambda ds, text: ds.officials.search(text),
        lambda ds, text: ds.lookup(text),
        lambda ds, text: ds.officials.holding(post=text, on="2024"),
        lambda ds, text: ds.officials.holding(post="x", on=text),
    ],
)
def test_an_over_long_query_value_is_refused_early_and_quoted_short(
    bundled: Dataset, ask: Callable[[Dataset, str], Any]
) -> None:
    text = "x" * 10**6
    start = time.perf_counter()
    with pytest.raises(ValueError, match=f"at most {MAX_QUERY_LENGTH:,} characters") as error:
        ask(bundled, text)
    assert time.perf_counter() - start < 0.5
    assert len(str(error.value)) < 300
    assert "1,000,000 characters" in str(error.value)


def test_a_value_at_the_limit_is_still_read(bundled: Dataset) -> None:
    assert bundled.officials.search("x" * MAX_QUERY_LENGTH) == ()


def test_long_dates_are_refused_quickly(bundled: Dataset) -> None:
    for text in ("1" * 300_000, "x" * 10**6):
        start = time.perf_counter()
        with pytest.raises(ValueError):
            bundled.statements.filter(since=text)
        assert time.perf_counter() - start < 0.5


def test_folding_caches_no_long_caller_input() -> None:
    before = names._folded.cache_info().currsize
    for n in range(20):
        names.fold(f"{n} " + "y" * 5000)
        names.name_key(f"{n} " + "z" * 5000)
    assert names._folded.cache_info().currsize == before
    assert names._folded.cache_info().maxsize is not None


@pytest.mark.parametrize(
    "ask",
    [
        lambda ds: ds.statements.filter(since="2024-06", until="2024-05-31"),
        lambda ds: ds.summits.filter(since="2025", until="2024"),
        lambda ds: ds.timeline(since="2024-06-01", until="2024-05"),
    ],
)
def test_since_after_until_is_an_error_naming_both(
    bundled: Dataset, ask: Callable[[Dataset], Any]
) -> None:
    with pytest.raises(ValueError, match="since") as error:
        ask(bundled)
    message = str(error.value)
    assert "until" in message
    assert "2024" in message


def test_since_on_the_day_of_until_is_allowed(bundled: Dataset) -> None:
    bundled.statements.filter(since="2024-05-16", until="2024-05-16")
    bundled.statements.filter(since="2024-05", until="2024-05-16")


def test_the_command_line_refuses_since_after_until(capsys: pytest.CaptureFixture[str]) -> None:
    from ca_security._cli.main import main

    assert main(["statements", "--since", "2024-06", "--until", "2024-05"]) == 2
    assert "until" in capsys.readouterr().err


def test_two_digit_years_and_numeric_days_are_refused(bundled: Dataset) -> None:
    with pytest.raises(ValueError, match="four-digit"):
        bundled.statements.filter(year=24)
    with pytest.raises(ValueError, match="four-digit"):
        bundled.officials.holding(post="x", on=5)
