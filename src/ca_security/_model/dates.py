"""A calendar date known to the year, the month or the day."""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from typing import Any

import attrs

from .rules import FieldTypeError, FieldValueError

__all__ = ["DateLike", "PartialDate"]

_ISO_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
# Numeric dates as people write them. The region, like most of the world
# outside the United States, writes the day first: 16.05.2024, 16/05/2024.
_DAY_MONTH_YEAR_RE = re.compile(r"^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})\Z")
_YEAR_MONTH_DAY_RE = re.compile(r"^([0-9]{4})[./-]([0-9]{1,2})(?:[./-]([0-9]{1,2}))?\Z")
_MONTH_YEAR_RE = re.compile(r"^([0-9]{1,2})[./]([0-9]{4})\Z")
# The longest date text read; a longer one is refused before any parsing.
_MAX_DATE_LENGTH = 100

# Two defaults that differ in every component: whatever dateutil fills in from
# the default (rather than from the text) comes out different in the two parses.
_DEFAULT_A = _dt.datetime(2000, 1, 1)
_DEFAULT_B = _dt.datetime(2004, 2, 2)


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise FieldValueError(attribute.name, f"month must be 1..12, got {value!r}")


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise FieldValueError(attribute.name, "a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise FieldValueError(
            attribute.name,
            f"day must be 1..{last} in {instance.year}-{instance.month:02d}, got {value!r}",
        )


def _strict_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int):
        raise FieldTypeError(
            attribute.name, f"{attribute.name} must be an int, got {type(value).__name__}"
        )


def _required_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int:
        raise FieldTypeError(
            attribute.name, f"{attribute.name} must be an int, got {type(value).__name__}"
        )


@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day: ``2024``, ``2024-05``, ``2024-05-16``.

    A partial date keeps its precision: ``PartialDate(2024, 5)`` is the whole
    of May 2024, not the first of May. It stands for the range of days from
    :attr:`earliest` to :attr:`latest`.

    Ordering is total and agrees with the ISO strings: ``2024 < 2024-01 <
    2024-01-01 < 2024-02``. Equality is equality of year, month and day, so
    ``PartialDate(2024, 5) != PartialDate(2024, 5, 1)``.

    Examples:
        >>> PartialDate.parse("May 2024")
        PartialDate(year=2024, month=5, day=None)
        >>> str(PartialDate(2024, 5, 16))
        '2024-05-16'
        >>> PartialDate(2024, 5).contains("2024-05-16")
        True

    """

    year: int = attrs.field(
        validator=[
            _required_int,
            attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(9999)),
        ]
    )
    month: int | None = attrs.field(default=None, validator=[_strict_int, _check_month])
    day: int | None = attrs.field(default=None, validator=[_strict_int, _check_day])

    # -- construction ---------------------------------------------------------

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            TypeError: if ``text`` is not a string.
            ValueError: if the text is not one of those forms or not a real date.

        """
        if not isinstance(text, str):
            raise TypeError(f"expected an ISO date string, got {type(text).__name__}")
        match = _ISO_RE.match(text)
        if match is None:
            raise ValueError(f"not an ISO partial date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = match.groups()
        return cls(
            int(year), None if month is None else int(month), None if day is None else int(day)
        )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date a person wrote: ISO forms, or "May 2024", "16 May 2024", "16.05.2024".

        The precision is what the text gives: "May 2024" is month precision.
        Numeric dates are read day first, as the region writes them:
        ``D.M.YYYY``, ``D/M/YYYY`` and ``D-M-YYYY`` are day, month, year
        (``"5.6.2024"`` is 5 June 2024); ``YYYY/MM/DD`` and ``YYYY.MM.DD`` are
        year, month, day; ``MM.YYYY`` is a month. A numeric form that cannot
        be read that way (``"5/16/2024"``, a two-digit year such as
        ``"16.05.24"``) is refused with an error that shows the ISO form to
        write: no numeric date is guessed. Text with month names goes through
        :func:`dateutil.parser.parse`. The dates of the last 1,024 texts read
        (of up to 64 characters) are kept, so a text asked again costs a
        dictionary look-up.

        Raises:
            TypeError: if ``text`` is not a string.
            ValueError: if no date with a year can be read from the text, if
                a numeric date is ambiguous, or if the text is longer than
                100 characters.

        """
        if not isinstance(text, str):
            raise TypeError(f"expected a date string, got {type(text).__name__}")
        if len(text) > _MAX_DATE_LENGTH:
            raise ValueError(
                f"a date is at most {_MAX_DATE_LENGTH} characters; got {len(text)} "
                f"starting {text[:20]!r}"
            )
        # Only short texts are kept, so that a long one is not held in memory.
        found = _read(text) if len(text) <= _KEPT_LENGTH else _read.__wrapped__(text)
        return found if cls is PartialDate else cls(found.year, found.month, found.day)

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Turn a :class:`datetime.date`, a :class:`PartialDate` or a string into a PartialDate.

        Raises:
            TypeError: for any other type.
            ValueError: for a string that is not a date.

        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            return cls.parse(value)
        raise TypeError(
            f"expected a datetime.date, a PartialDate or a date string, got {type(value).__name__}"
        )

    # -- views ----------------------------------------------------------------

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    @property
    def earliest(self) -> _dt.date:
        """The first day this partial date may stand for."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last day this partial date may stand for."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            return _dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return _dt.date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """The ISO string at this date's precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    # -- relations --------------------------------------------------------------

    def contains(self, other: DateLike) -> bool:
        """Whether every day of ``other`` lies within this partial date."""
        other_date = PartialDate.coerce(other)
        return self.earliest <= other_date.earliest and other_date.latest <= self.latest

    def overlaps(self, other: DateLike) -> bool:
        """Whether this partial date and ``other`` share at least one day."""
        other_date = PartialDate.coerce(other)
        return self.earliest <= other_date.latest and other_date.earliest <= self.latest

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


#: What the API takes wherever it asks for a date.
DateLike = PartialDate | _dt.date | str


#: Date texts up to this length are kept by :func:`_read` once read.
_KEPT_LENGTH = 64


@functools.lru_cache(maxsize=1024)
def _read(text: str) -> PartialDate:
    """The date in ``text`` (see :meth:`PartialDate.parse`); kept for texts asked again.

    Free text goes through dateutil twice, which costs far more than a query's
    index look-up, and the same few strings ("May 2024") are asked again and again.
    """
    stripped = text.strip()
    try:
        return PartialDate.from_iso(stripped)
    except ValueError:
        pass
    if not any(character.isalpha() for character in stripped):
        return _read_numeric(text, stripped)
    from dateutil import parser

    try:
        first = parser.parse(stripped, default=_DEFAULT_A)
        second = parser.parse(stripped, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"cannot read a date from {text!r}") from error
    if first.year != second.year:
        raise ValueError(f"no year in {text!r}")
    year = _written_year(text, stripped, first.year)
    if first.month != second.month:
        if first.day != second.day:
            return PartialDate(year)
        raise ValueError(f"a day without a month in {text!r}")
    if first.day != second.day:
        return PartialDate(year, first.month)
    return PartialDate(year, first.month, first.day)


def _written_year(text: str, stripped: str, read: int) -> int:
    """The year as written: dateutil reads ``0001`` as 2001, as if it were ``01``."""
    written = [int(digits) for digits in re.findall(r"\d{3,}", stripped)]
    if read in written or not written:
        return read
    if len(written) == 1 and written[0] % 100 == read % 100 and 1 <= written[0] <= 9999:
        return written[0]
    raise ValueError(f"cannot read a date from {text!r}")


_ISO_HINT = "write it in ISO form, YYYY-MM-DD (e.g. 2024-05-16), YYYY-MM or YYYY"


def _read_numeric(text: str, stripped: str) -> PartialDate:
    """A date written in digits only: day first, or year first; never guessed."""
    match = _DAY_MONTH_YEAR_RE.match(stripped)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return _checked(text, year, month, day, "day.month.year")
    match = _YEAR_MONTH_DAY_RE.match(stripped)
    if match:
        year_text, month_text, day_text = match.groups()
        day_or_none = None if day_text is None else int(day_text)
        return _checked(text, int(year_text), int(month_text), day_or_none, "year/month/day")
    match = _MONTH_YEAR_RE.match(stripped)
    if match:
        return _checked(text, int(match.group(2)), int(match.group(1)), None, "month.year")
    raise ValueError(f"cannot read the numeric date {text!r} without guessing: {_ISO_HINT}")


def _checked(text: str, year: int, month: int, day: int | None, form: str) -> PartialDate:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        raise ValueError(
            f"cannot read {text!r} as {form} (numeric dates are read day first): {_ISO_HINT}"
        ) from None
