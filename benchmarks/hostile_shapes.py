"""Benchmark: first queries on hostile-but-valid shapes of data (issue 16, item 7).

Run from a checkout::

    python benchmarks/hostile_shapes.py            # 4,000 topics, 8,000 holders
    python benchmarks/hostile_shapes.py --scale 0.25

Two shapes that once made a first query take minutes: a chain of topics each
under the one before (every ``topic=`` and ``under=`` query), and thousands
of officials who all held one post (``holding()``). It prints the time to
build each dataset and of the first and a repeated query. Figures are
printed, never asserted; the tests bound them loosely.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from ca_security import (
    Citation,
    Dataset,
    Metadata,
    Official,
    PartialDate,
    Post,
    RenderingKind,
    Source,
    Statement,
    StatementKind,
    Tenure,
    Topic,
)


def topic_chain(count: int) -> Dataset:
    """``count`` topics each under the one before, and one statement on each."""
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
    speaker = Official(id="speaker", name="The Speaker", citations=(Citation(source="register"),))
    return Dataset.from_records(
        Metadata(dataset_version="bench"),
        {
            "sources": (Source(id="register"),),
            "officials": (speaker,),
            "topics": topics,
            "statements": statements,
        },
    )


def many_holders(count: int) -> Dataset:
    """``count`` officials who each held the one post on a day of their own."""
    cite = (Citation(source="register"),)
    base = dt.date(1900, 1, 1)
    officials = tuple(
        Official(
            id=f"holder-{n:05d}",
            name=f"Holder {n}",
            tenures=(
                Tenure(
                    post="the-post",
                    attested=(PartialDate.coerce(base + dt.timedelta(days=n * 3)),),
                    citations=cite,
                ),
            ),
            citations=cite,
        )
        for n in range(count)
    )
    return Dataset.from_records(
        Metadata(dataset_version="bench"),
        {
            "sources": (Source(id="register"),),
            "posts": (Post(id="the-post", name="The Post", citations=cite),),
            "officials": officials,
        },
    )


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    found = run()
    return time.perf_counter() - start, found


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    args = parser.parse_args(argv)
    chain = max(int(4000 * args.scale), 2)
    holders = max(int(8000 * args.scale), 2)

    print("| shape | build | query | first | again |")
    print("|---|---:|---:|---:|---:|")
    built, ds = timed(lambda: topic_chain(chain))
    queries: list[tuple[str, Callable[[], Any]]] = [
        ('statements.filter(topic="t00000")', lambda: ds.statements.filter(topic="t00000")),
        ('topics.filter(under="t00000")', lambda: ds.topics.filter(under="t00000")),
        (
            "statements.filter(topic=middle)",
            lambda: ds.statements.filter(topic=f"t{chain // 2:05d}"),
        ),
    ]
    for label, run in queries:
        first, _ = timed(run)
        again, _ = timed(run)
        print(
            f"| chain of {chain:,} topics | {ms(built)} | `{label}` | {ms(first)} | {ms(again)} |"
        )
    built, many = timed(lambda: many_holders(holders))
    first, _ = timed(lambda: many.officials.holding(post="the-post", on="1900-01-07"))
    again, _ = timed(lambda: many.officials.holding(post="the-post", on="1900-01-07"))
    print(
        f"| {holders:,} holders of one post | {ms(built)} | `officials.holding(...)` "
        f"| {ms(first)} | {ms(again)} |"
    )


if __name__ == "__main__":
    main()
