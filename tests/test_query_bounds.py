"""Queries stay fast and bounded on hostile-but-valid data and hostile query values (issue 16).

Timings are compared with a small case of the same shape, with a loose factor:
the tests catch a blow-up of a hundred times, not a noisy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ca_security import (
    Citation,
    Dataset,
    Metadata,
    Official,
    RenderingKind,
    Source,
    Statement,
    StatementKind,
    Topic,
)


def _seconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def topic_chain(count: int) -> Dataset:
    """``count`` topics each under the one before, and one statement on each topic."""
    topics = tuple(
        Topic(
            id=f"t{n:05d}",
            name=f"Topic {n}",
            description="A topic of the chain.",
            parent=None if n == 0 else f"t{n - 1:05d}",
        )
        for n in range(count)
    )
    statements = tuple(
        Statement(
            id=f"s{n:05d}",
            speaker="speaker",
            kind=StatementKind.DIRECT_QUOTE,
            text=f"Words number {n}.",
            topics=(f"t{n:05d}",),
            citations=(
                Citation(
                    source="register", excerpt=f"Words number {n}.", rendering=RenderingKind.QUOTED
                ),
            ),
        )
        for n in range(count)
    )
    return Dataset.from_records(
        Metadata(dataset_version="test"),
        {
            "sources": (Source(id="register"),),
            "officials": (
                Official(
                    id="speaker", name="The Speaker", citations=(Citation(source="register"),)
                ),
            ),
            "topics": topics,
            "statements": statements,
        },
    )


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
    assert large < 100 * max(small, 1e-3)
