"""Indexes over a dataset's collections, built once per dataset on first use.

Every index maps to *positions*: indices into the full collection's canonical
order. Lists of positions are ascending, so a query answered from one index
comes out in canonical order without sorting.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._dataset.collection import records_at
from .._model.names import fold, name_key

if TYPE_CHECKING:
    from .._dataset.collection import Collection

__all__ = [
    "NO_POSTINGS",
    "DateIndex",
    "Postings",
    "TokenIndex",
    "date_index",
    "day_span",
    "folded_texts",
    "key_index",
    "name_index",
    "token_index",
    "widened_index",
]

#: A day range ``(first, last)`` as proleptic Gregorian ordinals.
Span = tuple[int, int]


def _cached(collection: Collection[Any], key: str, build: Callable[[], Any]) -> Any:
    """``build()`` kept by the collection's dataset (or built afresh when unbound).

    Every index is immutable once built (tuples, frozen classes, read-only
    mappings), so what a query hands out cannot change a later answer.
    """
    dataset = collection._dataset
    if dataset is None:
        return build()
    return dataset._cached(f"{collection._kind}:{key}", build)


#: The records under one key of a :func:`key_index`: their positions and the records.
Postings = tuple[tuple[int, ...], tuple[Any, ...]]


def key_index(
    collection: Collection[Any], name: str, keys: Callable[[Any], Iterable[Any]]
) -> Mapping[Any, Postings]:
    """``key -> (positions, records)`` of the records whose ``keys(record)`` include it.

    The records are kept beside their positions so that the answer for one key
    is ready made: no look-up of each record at query time.
    """

    def build() -> Mapping[Any, Postings]:
        lists: dict[Any, tuple[list[int], list[Any]]] = {}
        for position, record in enumerate(collection):
            for key in keys(record):
                found = lists.get(key)
                if found is None:
                    lists[key] = ([position], [record])
                elif found[0][-1] != position:
                    found[0].append(position)
                    found[1].append(record)
        return MappingProxyType(
            {key: (tuple(found[0]), tuple(found[1])) for key, found in lists.items()}
        )

    result: Mapping[Any, Postings] = _cached(collection, f"keys:{name}", build)
    return result


def widened_index(
    collection: Collection[Any],
    name: str,
    index: Mapping[Any, Postings],
    keys: Iterable[str],
    below: Callable[[str], frozenset[str]],
) -> Mapping[str, Postings] | None:
    """``key -> postings`` of the records under ``key`` or any key ``below(key)``, merged.

    Only the ``keys`` that have others below them are held (a topic with
    subtopics); the postings are in position order, so an answer is ready
    made. Built once per dataset, unless it would hold more than eight
    postings per record of the collection (a deep hierarchy, whose every
    level repeats the records of the levels below): then ``None``, and each
    question merges its keys' postings itself. Building stops as soon as the
    limit is passed, so a hostile hierarchy costs no more than the limit.
    """

    def build() -> Mapping[str, Postings] | None:
        limit = 8 * len(collection) + 4096
        held = 0
        merged: dict[str, Postings] = {}
        for key in keys:
            wanted = below(key)
            if len(wanted) < 2:
                continue
            held += len(wanted)
            if held > limit:
                return None
            positions = tuple(
                sorted({p for each in wanted for p in index.get(each, NO_POSTINGS)[0]})
            )
            held += len(positions)
            if held > limit:
                return None
            merged[key] = (positions, records_at(collection._records, positions))
        return MappingProxyType(merged)

    result: Mapping[str, Postings] | None = _cached(collection, f"widened:{name}", build)
    return result


#: The postings of a key no record has.
NO_POSTINGS: Postings = ((), ())


@attrs.frozen
class _DateTier:
    """Records whose spans are at least ``shortest`` and at most ``longest`` days, by first day."""

    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    positions: tuple[int, ...]
    longest: int
    shortest: int = 0

    def bounds(self, first: int, last: int) -> tuple[int, int]:
        return (
            bisect.bisect_left(self.firsts, first - self.longest),
            bisect.bisect_right(self.firsts, last),
        )


#: Span lengths (in days, last - first) that separate the tiers: a day, a month, a year.
_TIERS = (0, 30, 365)


@attrs.frozen
class DateIndex:
    """Records with a known span, to answer overlap queries by bisection.

    Records are split into tiers by the length of their span (day, month,
    year, longer), so that a query only looks back as far as the longest span
    of each tier: the cost follows the number of results.
    """

    tiers: tuple[_DateTier, ...]
    #: Each record's span by position (``None`` when undated), for testing candidates.
    spans: tuple[Span | None, ...]
    #: When the collection is in order of first day (dated records first, as
    #: statements and summits are), the first day of each dated record by
    #: position; ``None`` otherwise.
    starts: tuple[int, ...] | None = None
    #: With :attr:`starts`, the positions ``0, 1, ...`` of the dated records as
    #: one tuple of the int objects the tiers hold, so that a run of positions
    #: is a slice (see :meth:`run`); empty otherwise.
    ordered: tuple[int, ...] = ()

    def run(self, inside: range) -> tuple[int, ...]:
        """The positions of a run from :meth:`split`, as a tuple (a slice of :attr:`ordered`)."""
        return self.ordered[inside.start : inside.stop]

    def count(self, first: int, last: int) -> int:
        """About how many records :meth:`overlapping` examines for ``first..last``."""
        total = 0
        for tier in self.tiers:
            start, stop = tier.bounds(first, last)
            total += max(stop - start, 0)
        return total

    def overlapping(self, first: int, last: int) -> list[int]:
        """Positions of records whose span shares a day with ``first..last``, ascending."""
        split = self.split(first, last)
        if split is not None:
            before, inside = split
            return [*before, *self.run(inside)]
        found: list[int] = []
        for tier in self.tiers:
            start, stop = tier.bounds(first, last)
            found += self._started_before(tier, first, start, stop)
            found += tier.positions[bisect.bisect_left(tier.firsts, first, start) : stop]
        found.sort()
        return found

    def split(self, first: int, last: int) -> tuple[list[int], range] | None:
        """The overlapping positions as (those starting before ``first``, those starting inside).

        Only for a collection in order of first day (see :attr:`starts`):
        the records that start inside the window are then one run of
        positions, which a caller can slice; ``None`` otherwise.
        """
        if self.starts is None:
            return None
        before: list[int] = []
        for tier in self.tiers:
            before += self._started_before(tier, first, *tier.bounds(first, last))
        before.sort()
        return before, self.started_inside(first, last)

    def started_inside(self, first: int, last: int) -> range:
        """The run of positions of the records that start inside ``first..last``.

        Only for a collection in order of first day (see :attr:`starts`).
        """
        assert self.starts is not None
        return range(bisect.bisect_left(self.starts, first), bisect.bisect_right(self.starts, last))

    def may_reach(self, first: int) -> int:
        """The first position whose record may last until day ``first``.

        Only for a collection in order of first day (see :attr:`starts`): the
        records before it start longer before ``first`` than the longest span.
        """
        assert self.starts is not None
        longest = max((tier.longest for tier in self.tiers), default=0)
        return bisect.bisect_left(self.starts, first - longest)

    @staticmethod
    def _started_before(tier: _DateTier, first: int, start: int, stop: int) -> list[int]:
        """Positions of the tier's records that start before ``first`` and reach it.

        ``start`` and ``stop`` are the tier's :meth:`~_DateTier.bounds` for the window.
        """
        # Only records within the tier's longest span before the window can
        # reach it, and those within its shortest span before surely do.
        inside = bisect.bisect_left(tier.firsts, first, start, max(start, stop))
        sure = bisect.bisect_left(tier.firsts, first - tier.shortest, start, inside)
        lasts = tier.lasts
        positions = tier.positions
        found = [positions[i] for i in range(start, sure) if lasts[i] >= first]
        found += positions[sure:inside]
        return found


def date_index(
    collection: Collection[Any], name: str, span: Callable[[Any], Span | None]
) -> DateIndex:
    """The :class:`DateIndex` of ``span(record)`` over the collection."""

    def build() -> DateIndex:
        groups: dict[int, list[tuple[int, int, int]]] = {}
        spans = tuple(span(record) for record in collection)
        numbers = tuple(range(len(spans)))  # one int object per position, shared by the tiers
        for position, found in zip(numbers, spans, strict=True):
            if found is not None:
                length = found[1] - found[0]
                tier = next((limit for limit in _TIERS if length <= limit), length)
                groups.setdefault(tier, []).append((found[0], found[1], position))
        tiers = []
        for rows in groups.values():
            rows.sort()
            tiers.append(
                _DateTier(
                    firsts=tuple(row[0] for row in rows),
                    lasts=tuple(row[1] for row in rows),
                    positions=tuple(row[2] for row in rows),
                    longest=max(row[1] - row[0] for row in rows),
                    shortest=min(row[1] - row[0] for row in rows),
                )
            )
        starts = _starts_in_order(spans)
        ordered = () if starts is None else numbers[: len(starts)]
        return DateIndex(tiers=tuple(tiers), spans=spans, starts=starts, ordered=ordered)

    result: DateIndex = _cached(collection, f"dates:{name}", build)
    return result


def _starts_in_order(spans: tuple[Span | None, ...]) -> tuple[int, ...] | None:
    """The first days of the dated records when they come first and in order of first day."""
    starts = []
    for span in spans:
        if span is None:
            break
        starts.append(span[0])
    if any(span is not None for span in spans[len(starts) :]):
        return None
    if any(earlier > later for earlier, later in itertools.pairwise(starts)):
        return None
    return tuple(starts)


def name_index(
    collection: Collection[Any], names: Callable[[Any], Iterable[str]]
) -> Mapping[str, Postings]:
    """``name key -> (positions, records)`` over every id, name and alias (see :func:`name_key`)."""

    def keys(record: Any) -> Iterable[str]:
        found = {name_key(record.id)}
        found.update(name_key(name) for name in names(record))
        found.discard("")
        return found

    return key_index(collection, "names", keys)


@attrs.frozen
class TokenIndex:
    """Folded words of every record's names, for ranked search.

    Attributes:
        postings: ``word -> positions`` of the records whose names contain it.
        vocabulary: Every word, sorted (for prefix and fuzzy matching).
        folded: Each record's folded names, by position.

    """

    postings: Mapping[str, tuple[int, ...]]
    vocabulary: tuple[str, ...]
    folded: tuple[tuple[str, ...], ...]


def token_index(collection: Collection[Any], names: Callable[[Any], Iterable[str]]) -> TokenIndex:
    """The :class:`TokenIndex` of the collection's names."""

    def build() -> TokenIndex:
        folded = tuple(
            tuple(fold(name) for name in (*names(record), record.id)) for record in collection
        )
        lists: dict[str, list[int]] = {}
        for position, record_names in enumerate(folded):
            for word in {word for name in record_names for word in name.split()}:
                lists.setdefault(word, []).append(position)
        postings = {word: tuple(found) for word, found in lists.items()}
        return TokenIndex(
            postings=MappingProxyType(postings), vocabulary=tuple(sorted(postings)), folded=folded
        )

    result: TokenIndex = _cached(collection, "tokens", build)
    return result


def folded_texts(
    collection: Collection[Any], name: str, texts: Callable[[Any], Iterable[str]]
) -> tuple[str, ...]:
    """Each record's texts folded and joined by a newline, by position (for substring search)."""

    def build() -> tuple[str, ...]:
        return tuple("\n".join(fold(text) for text in texts(record)) for record in collection)

    result: tuple[str, ...] = _cached(collection, f"text:{name}", build)
    return result


def day_span(first: Any, last: Any = None) -> Span | None:
    """The ordinal span of a partial date (and an optional end); ``None`` when ``first`` is."""
    if first is None:
        return None
    end = first if last is None else last
    return (first.earliest.toordinal(), end.latest.toordinal())
