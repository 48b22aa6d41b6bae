"""PartialDate: precision, parsing, total order, containment and overlap."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security
from ca_security import PartialDate
from ca_security.testing.strategies import partial_dates


def test_keeps_its_precision():
    """Year, month and day precision survive a round trip through ISO text."""
    assert [str(PartialDate.from_iso(text)) for text in ("2024", "2024-05", "2024-05-16")] == [
        "2024",
        "2024-05",
        "2024-05-16",
    ]
    assert [PartialDate.from_iso(text).precision for text in ("2024", "2024-05", "2024-05-16")] == [
        "year",
        "month",
        "day",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 2024", PartialDate(2024, 5)),
        ("16 May 2024", PartialDate(2024, 5, 16)),
        ("May 16, 2024", PartialDate(2024, 5, 16)),
        ("2024", PartialDate(2024)),
        ("2024-05", PartialDate(2024, 5)),
        (" 2024-05-16 ", PartialDate(2024, 5, 16)),
        ("February 2024", PartialDate(2024, 2)),
    ],
)
def test_parse_reads_what_people_write(text, expected):
    """Free-text dates keep the precision the text gives."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize("text", ["", "May", "16 May", "yesterday-ish", "2024-13", "2024-02-30"])
def test_parse_rejects_what_is_not_a_date(text):
    """Text with no year, or an impossible date, raises ValueError."""
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("year", "month", "day"), [(2024, 13, None), (2024, 2, 30), (2024, None, 1), (0, None, None)]
)
def test_impossible_dates_are_refused(year, month, day):
    """A date that cannot exist raises ValueError."""
    with pytest.raises(ValueError):
        PartialDate(year, month, day)


def test_types_are_checked():
    """A year given as a string or float raises TypeError."""
    with pytest.raises(TypeError):
        PartialDate("2024")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PartialDate(2024.0)  # type: ignore[arg-type]


def test_coerce_accepts_dates_and_strings():
    """date, datetime, PartialDate and strings all become PartialDates."""
    expected = PartialDate(2024, 5, 16)
    assert [expected] * 4 == [
        PartialDate.coerce(value)
        for value in (dt.date(2024, 5, 16), dt.datetime(2024, 5, 16, 12), expected, "2024-05-16")
    ]
    with pytest.raises(TypeError):
        PartialDate.coerce(20240516)  # type: ignore[arg-type]


def test_frozen():
    """Assigning to a field raises."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PartialDate(2024).year = 2025  # type: ignore[misc]


def test_bounds():
    """earliest and latest span the whole period, leap years included."""
    assert (dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == (
        PartialDate(2024, 2).earliest,
        PartialDate(2024, 2).latest,
    )
    assert (dt.date(2023, 1, 1), dt.date(2023, 12, 31)) == (
        PartialDate(2023).earliest,
        PartialDate(2023).latest,
    )


@given(partial_dates(), partial_dates())
def test_order_matches_iso_strings(a, b):
    """Ordering is the ISO strings' ordering, and equality is equality of the strings."""
    assert (a < b) == (a.isoformat() < b.isoformat())
    assert (a == b) == (a.isoformat() == b.isoformat())
    assert (a <= b) == (a.isoformat() <= b.isoformat())


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_total_and_transitive(a, b, c):
    """Exactly one of <, ==, > holds, and < is transitive."""
    assert sum((a < b, a == b, a > b)) == 1
    if a < b and b < c:
        assert a < c


@given(partial_dates(), partial_dates())
def test_containment_agrees_with_bounds_and_order(outer, inner):
    """A contained date lies within the bounds, overlaps, and never sorts before its container."""
    if outer.contains(inner):
        assert outer.earliest <= inner.earliest <= inner.latest <= outer.latest
        assert outer.overlaps(inner)
        assert outer <= inner
    assert outer.overlaps(inner) == inner.overlaps(outer)


@given(partial_dates())
def test_contains_itself_and_its_days(date):
    """A partial date contains itself and its first and last days."""
    assert date.contains(date)
    assert date.contains(date.earliest)
    assert date.contains(date.latest)


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)))
def test_day_precision_round_trip(day):
    """A full date goes through ISO text and back unchanged."""
    assert PartialDate.coerce(day) == PartialDate.from_iso(day.isoformat())


# -- numeric dates as the region writes them ----------------------------------------------


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(".-/"))
def test_numeric_dates_are_read_day_first(day: dt.date, separator: str) -> None:
    """D.M.YYYY, D/M/YYYY and D-M-YYYY are day, month, year, padded or not."""
    expected = PartialDate(day.year, day.month, day.day)
    for text in (
        f"{day.day}{separator}{day.month}{separator}{day.year}",
        f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}",
    ):
        assert expected == PartialDate.parse(text)


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.sampled_from("./"))
def test_year_first_numeric_dates_keep_their_order(day: dt.date, separator: str) -> None:
    """YYYY/MM/DD stays year, month, day; MM.YYYY is a month."""
    text = f"{day.year}{separator}{day.month:02d}{separator}{day.day:02d}"
    assert PartialDate(day.year, day.month, day.day) == PartialDate.parse(text)
    assert PartialDate(day.year, day.month) == PartialDate.parse(f"{day.month:02d}.{day.year}")


def test_the_reported_month_first_reading_is_fixed() -> None:
    """'5.6.2024' is 5 June, as the region writes it, not 6 May."""
    assert PartialDate(2024, 6, 5) == PartialDate.parse("5.6.2024")
    assert PartialDate(2024, 5, 16) == PartialDate.parse("16.05.2024")


@pytest.mark.parametrize("text", ["5/16/2024", "16.05.24", "5 6 2024", "20240516", "1.2.3"])
def test_ambiguous_numeric_dates_are_refused_with_the_iso_form(text: str) -> None:
    """A numeric date that would need a guess is an error that shows the form to write."""
    with pytest.raises(ValueError, match=r"ISO form, YYYY-MM-DD") as raised:
        PartialDate.parse(text)
    assert repr(text) in str(raised.value)


def test_an_over_long_date_is_refused_before_parsing() -> None:
    """A long text is refused at once, with its start quoted, not the whole of it."""
    with pytest.raises(ValueError, match="at most 100 characters") as raised:
        PartialDate.parse("1" * 300_000)
    assert len(str(raised.value)) < 120


@pytest.mark.parametrize("year", [24, 5, 0, 10_000])
def test_a_year_criterion_is_a_four_digit_year(year: int) -> None:
    """``year=24`` is an error, not an empty answer; so is a date given as 5."""
    ds = ca_security.load()
    with pytest.raises(ValueError, match="four-digit year such as 2024"):
        ds.statements.filter(year=year)
    with pytest.raises(ValueError, match="four-digit year such as 2024"):
        ds.officials.holding(post="kz-president", on=year)
