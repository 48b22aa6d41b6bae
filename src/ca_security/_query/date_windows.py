"""Dates asked for in queries: reading a date value, and the day windows of ``since``/``until``/``year``."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from .._model.dates import PartialDate
from .criteria import check_length
from .indexes import Span

__all__ = ["coerce_date", "windows"]

_MIN = _dt.date.min.toordinal()
_MAX = _dt.date.max.toordinal()


def coerce_date(value: Any) -> PartialDate:
    """A :class:`PartialDate` from a date, a PartialDate, a string or a four-digit year (``int``).

    Raises:
        ValueError: for a text that is no date, or a number that is not a four-digit year.
        TypeError: for a value of another type.

    """
    check_length(value, "a date")
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(_four_digit_year(value, "a date given as a number"))
    return PartialDate.coerce(value)


def _four_digit_year(year: int, what: str) -> int:
    """``year`` itself, or a ValueError: a two-digit year (``24``) is never guessed."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"{what} is a four-digit year such as 2024, got {year!r}")
    return year


def windows(criteria: Mapping[str, Any]) -> list[Span]:
    """The day windows (first, last ordinal) a record's dates must overlap, one per date criterion.

    ``since`` and ``until`` make one window (open at the side not given),
    ``year`` another; no date criterion, no window.

    Raises:
        TypeError: for a ``year`` that is not an int (or a text of digits).
        ValueError: for a date that cannot be read, a year that is not four
            digits, or a ``since`` later than ``until`` (which would match nothing).

    """
    found: list[Span] = []
    since, until = criteria.get("since"), criteria.get("until")
    if since is not None or until is not None:
        first = _MIN if since is None else coerce_date(since).earliest.toordinal()
        last = _MAX if until is None else coerce_date(until).latest.toordinal()
        if first > last:
            raise ValueError(
                f"since {coerce_date(since)} is later than until {coerce_date(until)}: "
                "no day is in both; swap them"
            )
        found.append((first, last))
    if "year" in criteria:
        year = criteria["year"]
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year is an int such as 2024, got {year!r}")
        day = PartialDate(_four_digit_year(year, "year"))
        found.append((day.earliest.toordinal(), day.latest.toordinal()))
    return found
