"""Who held a post on a date, and who held it over time.

The rule is stated once, in the user guide (:doc:`/dates`, "Tenures: certain
and possible holders"); this module implements it. In short: a tenure's
known dates (``start``, ``end``, every ``attested`` date) are *anchors*. The
holder is *certain* on a date only where an anchor lies within it or two
anchors of the tenure lie around it; *possible* where the known dates, and
the post's other holders, allow it; never returned where they exclude it. A
tenure with no recorded ``end`` is "not known to have ended", not "still in
office": after its last anchor its holder is only possible.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._model.dates import DateLike, PartialDate
from .._model.errors import AmbiguousNameError
from .._model.people import Official, Post, Tenure
from .._model.provenance import Citation
from .date_windows import coerce_date
from .lookup import resolve_refs

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset
    from .._dataset.officials import Officials

__all__ = ["Holders", "Holding", "Term"]

_NEVER = _dt.date.max.toordinal()
_EVER = _dt.date.min.toordinal()


@attrs.frozen(kw_only=True, repr=False)
class Term:
    """One person's tenure of one post.

    Attributes:
        official: Who held the post.
        post: The post.
        tenure: The tenure record, with its dates and citations.

    """

    official: Official
    post: Post
    tenure: Tenure

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.official.id} in {self.post.id}{self._status()}>"

    def _status(self) -> str:
        return ""


@attrs.frozen(kw_only=True, repr=False)
class Holding(Term):
    """A holder of a post on a date, certain or only possible (see :meth:`Officials.holding`).

    Attributes:
        certain: ``True`` when the cited dates of the tenure prove the person
            in post on (a day of) the date: an anchor lies within it, or two
            anchors lie around it; ``False`` when the known dates allow it
            but do not prove it.

    """

    certain: bool

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations that prove a certain holding: the tenure's, which source its anchors.

        Empty for a possible holding, which no source proves.
        """
        return self.tenure.citations if self.certain else ()

    def _status(self) -> str:
        return ", certain" if self.certain else ", possible"


@attrs.frozen(kw_only=True)
class Holders:
    """The answer of :meth:`Officials.holding`: certain and possible holders on a date.

    Iterating gives the certain holders, then the possible ones.

    Attributes:
        on: The date asked about.
        certain: Holdings the sources prove on that date.
        possible: Holdings the known dates allow but do not prove.

    """

    on: PartialDate
    certain: tuple[Holding, ...]
    possible: tuple[Holding, ...]

    @property
    def officials(self) -> tuple[Official, ...]:
        """The holders' officials: the certain ones first, each once."""
        found: dict[str, Official] = {}
        for holding in self:
            found.setdefault(holding.official.id, holding.official)
        return tuple(found.values())

    def __iter__(self) -> Iterator[Holding]:
        yield from self.certain
        yield from self.possible

    def __len__(self) -> int:
        return len(self.certain) + len(self.possible)

    def __bool__(self) -> bool:
        return bool(self.certain or self.possible)


@attrs.frozen
class _Stretch:
    """A tenure's days as ordinals: possible first/last, certain first/last, anchors."""

    possible: tuple[int, int]
    certain: tuple[int, int]
    anchors: tuple[tuple[int, int], ...]

    def status(self, first: int, last: int) -> bool | None:
        """``True`` certain, ``False`` possible, ``None`` excluded, on ``first..last``."""
        low, high = self.possible
        if low > last or high < first:
            return None
        if any(first <= a and b <= last for a, b in self.anchors):
            return True
        low, high = self.certain
        return low <= high and low <= last and high >= first


def _days(day: PartialDate) -> tuple[int, int]:
    return day.earliest.toordinal(), day.latest.toordinal()


def _first_known(tenure: Tenure) -> PartialDate | None:
    dates = [day for day in (tenure.start, *tenure.attested, tenure.end) if day is not None]
    return min(dates, key=lambda day: day.earliest) if dates else None


def _anchors(tenure: Tenure) -> list[tuple[int, int]]:
    return [_days(day) for day in (tenure.start, tenure.end, *tenure.attested) if day is not None]


def _stretch(tenure: Tenure, neighbours: _Neighbours) -> _Stretch:
    """The days a tenure possibly and certainly covers, given the post's other tenures."""
    previous, following = neighbours.around(tenure)
    first = _EVER if tenure.start is None else _days(tenure.start)[0]
    if tenure.start is None and previous is not None:
        first = previous + 1
    if tenure.end is not None:
        last = _days(tenure.end)[1]
    elif following is not None:
        last = following - 1
    else:
        last = _NEVER
    # Attested days outside what start and end allow contradict them: they are not anchors.
    anchors = tuple(days for days in _anchors(tenure) if days[0] <= last and days[1] >= first)
    # Certain only between anchors: from the last day of the earliest to the
    # first day of the latest. Nothing after the latest anchor is proven.
    certain_first = max(first, min((b for _, b in anchors), default=_NEVER))
    certain_last = max((a for a, _ in anchors), default=_EVER)
    return _Stretch(
        possible=(first, last), certain=(certain_first, min(certain_last, last)), anchors=anchors
    )


class _Neighbours:
    """The tenures of one post, arranged to bound each of them by the others (one holder at a time).

    Each tenure with anchors is reduced to four days: the first and last day
    of its earliest-starting anchors (``low_a``, ``low_b``: the smallest first
    and last days) and of its latest ones (``high_a``, ``high_b``). Sorted by
    ``high_b`` and by ``low_a`` with running maxima and minima, each question
    is two bisections: n log n for a post's n tenures, not n squared.
    """

    __slots__ = ("_ends", "_following_after", "_latest_before", "_starts")

    def __init__(self, tenures: list[Tenure]) -> None:
        bounds = []
        for tenure in tenures:
            anchors = _anchors(tenure)
            if anchors:
                firsts = [a for a, _ in anchors]
                lasts = [b for _, b in anchors]
                bounds.append((min(firsts), min(lasts), max(firsts), max(lasts)))
        by_end = sorted(bounds, key=lambda four: four[3])
        self._ends = [four[3] for four in by_end]
        # Running maximum of high_a over the tenures that end (high_b) soonest.
        self._latest_before = list(itertools.accumulate((four[2] for four in by_end), max))
        by_start = sorted(bounds, key=lambda four: four[0])
        self._starts = [four[0] for four in by_start]
        # Running minimum of low_b over the tenures that start (low_a) latest.
        following = list(itertools.accumulate((four[1] for four in reversed(by_start)), min))
        self._following_after = following[::-1]

    def around(self, tenure: Tenure) -> tuple[int | None, int | None]:
        """Days that bound ``tenure`` through the post's other tenures.

        Returns the last day known to be held by someone before this tenure's
        known dates (the tenure started after it), and the first day known to
        be held by someone after them (the tenure ended before it); ``None``
        where no other tenure tells. A tenure never bounds itself: its own
        anchors neither all end before its earliest nor all start after its latest.
        """
        mine = _anchors(tenure)
        if not mine:
            return None, None
        low = min(a for a, _ in mine)
        high = max(b for _, b in mine)
        # Someone held the post on a day of their latest anchor: this tenure began later.
        before = bisect.bisect_left(self._ends, low)
        previous = self._latest_before[before - 1] if before else None
        # Someone held the post on a day of their earliest anchor: this tenure ended before.
        after = bisect.bisect_right(self._starts, high)
        following = self._following_after[after] if after < len(self._starts) else None
        return previous, following


def holding(officials: Officials, *, post: Any, country: Any, on: DateLike | int) -> Holders:
    """The answer of :meth:`Officials.holding` (see there)."""
    day = coerce_date(on)
    first, last = _days(day)
    certain: list[Holding] = []
    possible: list[Holding] = []
    for term, stretch in _terms(officials, post, country):
        status = stretch.status(first, last)
        if status is None:
            continue
        holding = Holding(
            official=term.official, post=term.post, tenure=term.tenure, certain=status
        )
        (certain if status else possible).append(holding)
    return Holders(on=day, certain=tuple(_ordered(certain)), possible=tuple(_ordered(possible)))


def succession(officials: Officials, *, post: Any, country: Any) -> tuple[Term, ...]:
    """The answer of :meth:`Officials.succession` (see there)."""
    return tuple(_ordered([term for term, _ in _terms(officials, post, country)]))


def _terms(officials: Officials, post: Any, country: Any) -> list[tuple[Term, _Stretch]]:
    ds = officials._dataset
    if ds is None:
        raise ValueError("only the officials of a Dataset know their posts")
    posts: set[str] = {p.id for p in ds.posts}
    if post is not None:
        try:
            posts &= resolve_refs(ds, post, ("posts",))
        except AmbiguousNameError as error:
            # A title several posts share ("Secretary of the Security
            # Council"): all of them, narrowed by ``country`` below.
            posts &= set(error.candidates)
    if country is not None:
        countries = resolve_refs(ds, country, ("countries",))
        posts = {p for p in posts if ds.posts[p].country in countries}
    table = _term_table(ds)
    mine = None if officials._positions is None else set(officials.ids)
    return [
        pair
        for post_id in sorted(posts)
        for pair in table.get(post_id, ())
        if mine is None or pair[0].official.id in mine
    ]


def _ordered(terms: list[Any]) -> list[Any]:
    def key(term: Term) -> tuple[Any, ...]:
        first = _first_known(term.tenure)
        if first is None:
            return (1, _dt.date.max, term.official.id, term.post.id)
        return (0, first.earliest, term.official.id, term.post.id)

    return sorted(terms, key=key)


def _term_table(ds: Dataset) -> Mapping[str, tuple[tuple[Term, _Stretch], ...]]:
    """``post id -> (term, stretch)`` for every tenure, built once per dataset."""

    def build() -> Mapping[str, tuple[tuple[Term, _Stretch], ...]]:
        by_post: dict[str, list[tuple[Official, Tenure]]] = {}
        for official in ds.officials:
            for tenure in official.tenures:
                by_post.setdefault(tenure.post, []).append((official, tenure))
        table: dict[str, tuple[tuple[Term, _Stretch], ...]] = {}
        for post_id, pairs in by_post.items():
            post = ds.posts.get(post_id)
            if post is None:
                continue
            neighbours = _Neighbours([tenure for _, tenure in pairs])
            table[post_id] = tuple(
                (
                    Term(official=official, post=post, tenure=tenure),
                    _stretch(tenure, neighbours),
                )
                for official, tenure in pairs
            )
        return MappingProxyType(table)

    result: Mapping[str, tuple[tuple[Term, _Stretch], ...]] = ds._cached("officials:terms", build)
    return result
