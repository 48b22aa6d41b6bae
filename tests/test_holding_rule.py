"""The certainty rule of ``Officials.holding`` against an oracle written from docs/dates.md."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ca_security
from ca_security import Citation, Dataset, Metadata, Official, PartialDate, Post, Source, Tenure
from test_benchmark_data import load_module

DAY = dt.timedelta(days=1)


def first_day(date: PartialDate) -> dt.date:
    """The first day a partial date covers, computed here from its parts."""
    return dt.date(date.year, date.month or 1, date.day or 1)


def last_day(date: PartialDate) -> dt.date:
    """The last day a partial date covers, computed here from its parts."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return dt.date(date.year, month, day)


def partial_dates() -> st.SearchStrategy[PartialDate]:
    days = st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31))
    return st.one_of(
        days.map(lambda d: PartialDate(d.year)),
        days.map(lambda d: PartialDate(d.year, d.month)),
        days.map(lambda d: PartialDate(d.year, d.month, d.day)),
    )


def one_tenure_dataset(tenure: Tenure) -> Dataset:
    cite = (Citation(source="register"),)
    return Dataset.from_records(
        Metadata(dataset_version="test"),
        {
            "sources": (Source(id="register"),),
            "posts": (Post(id="the-post", name="The Post", citations=cite),),
            "officials": (
                Official(id="the-holder", name="The Holder", tenures=(tenure,), citations=cite),
            ),
        },
    )


@st.composite
def tenures(draw: st.DrawFn) -> Tenure:
    """A tenure whose attested dates agree with its start and end."""
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None:
        assume(last_day(end) >= first_day(start))
    low = dt.date.min if start is None else first_day(start)
    high = dt.date.max if end is None else last_day(end)
    attested = draw(st.lists(partial_dates(), max_size=3))
    # Keep the oracle simple: no attested date that start or end contradicts.
    assume(all(last_day(a) >= low and first_day(a) <= high for a in attested))
    return Tenure(
        post="the-post",
        start=start,
        end=end,
        attested=tuple(attested),
        citations=(Citation(source="register", note="the tenure"),),
    )


def expected_status(tenure: Tenure, on: PartialDate) -> str | None:
    """'certain', 'possible' or None (excluded), straight from the documented rule."""
    q_first, q_last = first_day(on), last_day(on)
    low = dt.date.min if tenure.start is None else first_day(tenure.start)
    high = dt.date.max if tenure.end is None else last_day(tenure.end)
    if q_last < low or q_first > high:
        return None
    anchors = [d for d in (tenure.start, tenure.end, *tenure.attested) if d is not None]
    if any(first_day(a) >= q_first and last_day(a) <= q_last for a in anchors):
        return "certain"
    # Two anchors around the date: in post on a day of A and on a day of B
    # (A before B), so on every day from A's last day to B's first day.
    for a in anchors:
        for b in anchors:
            if max(q_first, last_day(a)) <= min(q_last, first_day(b)):
                return "certain"
    return "possible"


def actual_status(ds: Dataset, on: PartialDate) -> str | None:
    holders = ds.officials.holding(post="the-post", on=on)
    if holders.certain:
        return "certain"
    if holders.possible:
        return "possible"
    return None


@given(tenures(), partial_dates())
def test_holding_follows_the_documented_rule(tenure: Tenure, on: PartialDate) -> None:
    """Certain only with an anchor inside the date or two around it; possible where allowed."""
    assert expected_status(tenure, on) == actual_status(one_tenure_dataset(tenure), on)


@given(tenures(), st.integers(1, 4000))
def test_nothing_is_certain_after_the_last_anchor(tenure: Tenure, days_after: int) -> None:
    """A tenure with no recorded end is not known to run on: after its last anchor, possible."""
    anchors = [d for d in (tenure.start, tenure.end, *tenure.attested) if d is not None]
    assume(anchors)
    day = max(last_day(a) for a in anchors) + dt.timedelta(days=days_after)
    assume(day.year <= 9999)
    on = PartialDate(day.year, day.month, day.day)
    holders = one_tenure_dataset(tenure).officials.holding(post="the-post", on=on)
    assert holders.certain == ()
    assert len(holders.possible) == (1 if tenure.end is None else 0)


@given(tenures(), partial_dates())
def test_a_certain_holding_carries_its_proof(tenure: Tenure, on: PartialDate) -> None:
    """Each certain holding cites the tenure's sources; a possible one cites nothing."""
    holders = one_tenure_dataset(tenure).officials.holding(post="the-post", on=on)
    for holding in holders.certain:
        assert holding.citations == tenure.citations
    for holding in holders.possible:
        assert holding.citations == ()


def _open_tenures() -> list[Any]:
    ds = ca_security.load()
    return [
        (official.id, tenure)
        for official in ds.officials
        for tenure in official.tenures
        if tenure.end is None
    ]


@pytest.mark.parametrize(("official", "tenure"), _open_tenures(), ids=lambda v: str(v)[:40])
def test_bundled_open_tenures_are_not_certain_after_their_last_anchor(
    official: str, tenure: Tenure
) -> None:
    """The bug report: an open tenure was 'certain' on every day up to today."""
    anchors = [d for d in (tenure.start, *tenure.attested) if d is not None]
    if not anchors:
        pytest.skip("no anchor: never certain")
    day = max(last_day(a) for a in anchors) + DAY
    holders = ca_security.load().officials.holding(
        post=tenure.post, on=PartialDate(day.year, day.month, day.day)
    )
    assert official not in [h.official.id for h in holders.certain]


def test_reported_wrong_answers_are_no_longer_certain() -> None:
    """The answers of the bug report: none of them is certain any more."""
    ds = ca_security.load()
    asked = [
        ("us-president", "2025-06-01", "joe-biden"),
        ("de-chancellor", "2025-06-01", "olaf-scholz"),
        ("eu-council-president", "2025-06-01", "charles-michel"),
        ("kz-prosecutor-general", "2024-05-16", "gizat-nurdauletov"),
    ]
    for post, on, official in asked:
        holders = ds.officials.holding(post=post, on=on)
        assert official not in [h.official.id for h in holders.certain], (post, on)


# -- many holders of one post ---------------------------------------------------------------


def naive_neighbours(tenure: Tenure, tenures: list[Tenure]) -> tuple[dt.date | None, ...]:
    """The days that bound ``tenure`` through the other tenures, by a plain scan of every pair.

    Written from docs/dates.md: a holder on a day of another tenure's anchors
    that all lie before this tenure's earliest known day means this tenure
    began after the last of those days; one whose anchors all lie after this
    tenure's latest known day means it ended before the first of them.
    """

    def anchor_days(one: Tenure) -> list[tuple[dt.date, dt.date]]:
        dates = [day for day in (one.start, one.end, *one.attested) if day is not None]
        return [(first_day(day), last_day(day)) for day in dates]

    mine = anchor_days(tenure)
    if not mine:
        return None, None
    earliest = min(first for first, _ in mine)
    latest = max(last for _, last in mine)
    previous: dt.date | None = None
    following: dt.date | None = None
    for other in tenures:
        theirs = anchor_days(other)
        if other is tenure or not theirs:
            continue
        if all(last < earliest for _, last in theirs):
            day = max(first for first, _ in theirs)
            previous = day if previous is None or day > previous else previous
        if all(first > latest for first, _ in theirs):
            day = min(last for _, last in theirs)
            following = day if following is None or day < following else following
    return previous, following


@st.composite
def any_tenures(draw: st.DrawFn) -> Tenure:
    """A tenure of the post with any known dates (its end never before its start)."""
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and last_day(end) < first_day(start):
        start, end = end, start
    return Tenure(
        post="the-post",
        start=start,
        end=end,
        attested=tuple(draw(st.lists(partial_dates(), max_size=3))),
        citations=(Citation(source="register"),),
    )


@given(st.lists(any_tenures(), min_size=1, max_size=12))
def test_the_other_holders_bound_a_tenure_as_a_plain_scan_does(many: list[Tenure]) -> None:
    from ca_security._query.holding import _Neighbours

    neighbours = _Neighbours(many)
    for tenure in many:
        previous, following = neighbours.around(tenure)
        found = (
            None if previous is None else dt.date.fromordinal(previous),
            None if following is None else dt.date.fromordinal(following),
        )
        assert found == naive_neighbours(tenure, many)


#: Built as the benchmark builds it (``benchmarks/hostile_shapes.py``).
many_holders = load_module("hostile_shapes").many_holders  # type: ignore[attr-defined]


def test_eight_thousand_holders_of_one_post_answer_quickly() -> None:
    """The other holders bound each tenure in n log n, not n squared (a loose bound, not a timing)."""
    import time

    def first_answer(ds: Dataset) -> tuple[float, Any]:
        start = time.perf_counter()
        found = ds.officials.holding(post="the-post", on="1900-01-07")
        return time.perf_counter() - start, found

    small_time, _ = first_answer(many_holders(500))
    large = many_holders(8000)
    large_time, found = first_answer(large)
    # The holder attested that day is certain; its neighbours bound the others away.
    assert [h.official.id for h in found.certain] == ["holder-00002"]
    assert [h.official.id for h in found.possible] == []
    assert large_time < 5.0
    # 16 times the holders: about 16 times the work in n log n, 256 times in n squared.
    assert large_time < 80 * max(small_time, 1e-3)
