"""Query latency against linear scans, and plain iteration, in canonical and in file order.

Every filter is timed two ways:

- asked again (cached): one question repeated. No whole answer is kept
  between calls, but a repeated question still finds its date text read
  once and kept (``PartialDate.parse``'s memo) and the same memory warm in
  the CPU's caches, so it is the cached figure and no claim rests on it;
- asked afresh: a different question of the same shape on each call (the
  next speaker, topic, summit, month...), with the date-text memo cleared
  before each call (the clearing is inside the timing).

The linear scans are written as a careful user would write them: an enum
compared by identity, a date's year and month compared directly on its
attributes (no ``datetime.date`` made per record), no generator per record.
They cycle through the same questions as the afresh column, over the records
in canonical (date) order and over the same records in file order.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from measure import per_call

import ca_security
from ca_security import Statement, StatementKind
from ca_security._model.dates import _read as _date_memo

#: How many distinct questions of each shape the afresh column and the scans cycle through.
QUESTIONS = 12

#: The criteria of the 1,000x target (``docs/performance.md``).
TARGETED = ("speaker", "topic (with subtopics)", "summit", "date range (one month)")


class Row(NamedTuple):
    """One criterion's figures (seconds per call) and the size of its first answer."""

    criterion: str
    results: int
    again: float
    afresh: float
    scan_canonical: float
    scan_file: float

    @property
    def speed_up(self) -> float:
        """Asked afresh against the faster of the two scans."""
        return min(self.scan_canonical, self.scan_file) / self.afresh


def file_order(directory: Path, ds: ca_security.Dataset) -> list[Statement]:
    """The dataset's statements in the order of ``statements.json`` (the records themselves)."""
    ids = [row["id"] for row in json.loads((directory / "statements.json").read_bytes())]
    return [ds.statements[statement_id] for statement_id in ids]


Scan = Callable[[Sequence[Statement], Any], list[Statement]]


def _by_speaker(records: Sequence[Statement], speaker: str) -> list[Statement]:
    return [s for s in records if s.speaker == speaker]


def _by_topic(records: Sequence[Statement], subtree: frozenset[str]) -> list[Statement]:
    return [s for s in records if not subtree.isdisjoint(s.topics)]


def _by_summit(records: Sequence[Statement], summit: str) -> list[Statement]:
    return [s for s in records if s.summit == summit]


def _in_month(records: Sequence[Statement], month: tuple[int, int]) -> list[Statement]:
    year, number = month
    found = []
    for s in records:
        date = s.date
        if date is not None and date.year == year and (date.month is None or date.month == number):
            found.append(s)
    return found


def _by_source(records: Sequence[Statement], source: str) -> list[Statement]:
    found = []
    for s in records:
        for citation in s.citations:
            if citation.source == source:
                found.append(s)
                break
    return found


def _speaker_in_year(records: Sequence[Statement], question: tuple[str, int]) -> list[Statement]:
    speaker, year = question
    found = []
    for s in records:
        if s.speaker == speaker:
            date = s.date
            if date is not None and date.year == year:
                found.append(s)
    return found


def _mentioning(records: Sequence[Statement], country: str) -> list[Statement]:
    return [s for s in records if country in s.mentions or country in s.topics]


def _of_kind(records: Sequence[Statement], kind: StatementKind) -> list[Statement]:
    return [s for s in records if s.kind is kind]


class Case(NamedTuple):
    criterion: str
    questions: list[tuple[dict[str, Any], Any]]  # (filter keywords, the scan's argument)
    scan: Scan


def cases(ds: ca_security.Dataset) -> list[Case]:
    """Each criterion's questions, most of them distinct, and its careful linear scan."""
    statements = ds.statements
    speakers = list(dict.fromkeys(s.speaker for s in statements))[:QUESTIONS]
    themes = [t.id for t in ds.topics if t.parent is None][:QUESTIONS]
    middle = len(ds.summits) // 2
    summits = list(ds.summits.ids)[middle : middle + QUESTIONS]
    sources = list(ds.sources.ids)[3 : 3 + QUESTIONS]
    months = [(2019, 5 + i) if 5 + i <= 12 else (2020, 5 + i - 12) for i in range(QUESTIONS)]
    countries = list(dict.fromkeys(c for s in statements for c in s.mentions))[:QUESTIONS]

    def subtree(topic: str) -> frozenset[str]:
        return frozenset(t.id for t in ds.topics if t.id == topic or t.parent == topic)

    return [
        Case("speaker", [({"speaker": p}, p) for p in speakers], _by_speaker),
        Case("topic (with subtopics)", [({"topic": t}, subtree(t)) for t in themes], _by_topic),
        Case("summit", [({"summit": m}, m) for m in summits], _by_summit),
        Case(
            "date range (one month)",
            [({"since": f"{y}-{m:02d}", "until": f"{y}-{m:02d}"}, (y, m)) for y, m in months],
            _in_month,
        ),
        Case("source", [({"source": s}, s) for s in sources], _by_source),
        Case(
            "speaker + date range (one year)",
            [({"speaker": p, "since": "2019", "until": "2019"}, (p, 2019)) for p in speakers],
            _speaker_in_year,
        ),
        Case("mentions", [({"mentions": c}, c) for c in countries], _mentioning),
        Case("kind", [({"kind": k.value}, k) for k in StatementKind], _of_kind),
    ]


def query_table(directory: Path) -> tuple[float, float, list[Row]]:
    """The first query (with the index build), the memo clearing alone, and a row per criterion."""
    ds = ca_security.load(directory)
    canonical = tuple(ds.statements)
    in_file_order = file_order(directory, ds)
    filter_ = ds.statements.filter
    all_cases = cases(ds)

    start = time.perf_counter()
    filter_(**all_cases[0].questions[0][0])
    first = time.perf_counter() - start

    clear = _date_memo.cache_clear
    rows = []
    for case in all_cases:
        for keywords, argument in case.questions:  # build the indexes outside the timing
            assert len(filter_(**keywords)) == len(case.scan(canonical, argument)), case
        again_keywords = case.questions[0][0]
        asked = itertools.cycle([keywords for keywords, _ in case.questions])

        def afresh(asked: Any = asked) -> Any:
            clear()
            return filter_(**next(asked))

        def scan(records: Sequence[Statement], case: Case = case) -> Callable[[], Any]:
            arguments = itertools.cycle([argument for _, argument in case.questions])
            return lambda: case.scan(records, next(arguments))

        rows.append(
            Row(
                case.criterion,
                len(filter_(**again_keywords)),
                per_call(lambda keywords=again_keywords: filter_(**keywords)),  # type: ignore[misc]
                per_call(afresh),
                per_call(scan(canonical)),
                per_call(scan(in_file_order)),
            )
        )
    return first, per_call(clear), rows


def _loop(records: Sequence[Statement]) -> None:
    for _ in records:
        pass


def _count_written(records: Sequence[Statement]) -> int:
    written = StatementKind.WRITTEN
    count = 0
    for s in records:
        if s.kind is written:
            count += 1
    return count


def iteration_table(directory: Path) -> dict[str, tuple[float, float]]:
    """Seconds per pass over the statements: (canonical order, file order), for two loops.

    Canonical order is ``ds.statements`` itself; file order is a list of the
    same record objects in the order of ``statements.json``, the order in
    which the loader made them (and so, mostly, their order in memory).
    """
    ds = ca_security.load(directory)
    statements = ds.statements
    in_file_order = file_order(directory, ds)
    return {
        "`for s in ...: pass`": (
            per_call(lambda: _loop(statements)),  # type: ignore[arg-type]
            per_call(lambda: _loop(in_file_order)),
        ),
        "count `s.kind is StatementKind.WRITTEN`": (
            per_call(lambda: _count_written(statements)),  # type: ignore[arg-type]
            per_call(lambda: _count_written(in_file_order)),
        ),
    }
