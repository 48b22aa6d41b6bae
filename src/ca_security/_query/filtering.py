"""How ``filter`` answers: a plan of one part per criterion, read from the dataset's indexes.

Each criterion, once its value is read, becomes a part that can test a record
and find the records that may meet it. The part with the fewest candidates
gives them; the others test them, or narrow them by bisection when they are
a date window over a collection in order of first day.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .._dataset.collection import records_at
from .criteria import DATE_CRITERIA, Choice, Ref, Text, Word, full_collection, spec_of
from .date_windows import windows
from .indexes import NO_POSTINGS, Span, date_index, folded_texts, key_index, widened_index
from .lookup import resolve_refs

if TYPE_CHECKING:
    from .._dataset.collection import Collection
    from .._dataset.dataset import Dataset

__all__ = ["filter_collection", "scan"]

C = TypeVar("C", bound="Collection[Any]")


@attrs.frozen
class _Part:
    """One criterion after its value is read: how to test a record, and how to find candidates.

    Attributes:
        test: Whether the record at a position meets the criterion.
        size: About how many candidates :attr:`lookup` gives (for choosing the cheapest).
        lookup: The ascending positions of every record that may meet it.
        records: The records at those positions, where the index has them
            ready and they are exactly the records that meet the criterion.
        narrow: Where the index allows it, those of some ascending positions
            that meet the criterion, found without testing each one.

    """

    test: Callable[[int, Any], bool]
    size: int
    lookup: Callable[[], list[int] | tuple[int, ...]]
    records: Callable[[], tuple[Any, ...]] | None = None
    narrow: Callable[[Sequence[int]], list[int]] | None = None


def _plan(collection: Collection[Any], criteria: Mapping[str, Any]) -> list[_Part]:
    spec = spec_of(collection)
    if not spec.accepted.issuperset(criteria):
        unknown = sorted(set(criteria) - spec.accepted)
        valid = ", ".join(spec.valid) or "none"
        raise TypeError(
            f"unknown {collection.kind} criteri{'a' if len(unknown) > 1 else 'on'} "
            f"{', '.join(unknown)}; valid: {valid}"
        )
    ds = collection._dataset
    if ds is None:
        raise ValueError("only the collections of a Dataset can be filtered")
    full = getattr(ds, spec.collection)
    parts: list[_Part] = []
    for name, value in criteria.items():
        if name in DATE_CRITERIA:
            continue
        criterion = spec.criteria[name]
        if isinstance(criterion, Text):
            parts.append(_text_part(full, name, criterion, criterion.resolve(value)))
        elif isinstance(criterion, Ref):
            wanted = resolve_refs(ds, value, criterion.targets)
            if criterion.widen is not None:
                wanted = criterion.widen(ds, wanted)
            parts.append(_keys_part(ds, full, name, criterion, wanted))
        else:
            parts.append(_keys_part(ds, full, name, criterion, criterion.resolve(value)))
    if spec.span is not None:
        for window in windows(criteria):
            parts.append(_window_part(ds, full, spec.span, window))
    return parts


def _text_part(full: Collection[Any], name: str, criterion: Text, wanted: str) -> _Part:
    texts = folded_texts(full, name, criterion.texts)
    return _Part(
        test=lambda position, record: wanted in texts[position],
        size=len(texts),
        lookup=lambda: [position for position, text in enumerate(texts) if wanted in text],
    )


def _keys_part(
    ds: Dataset,
    full: Collection[Any],
    name: str,
    criterion: Ref | Choice | Word,
    wanted: frozenset[Any],
) -> _Part:
    keys = criterion.keys
    index = key_index(full, name, lambda record: keys(ds, record))
    hits = [index[key] for key in wanted if key in index]

    def find() -> list[int] | tuple[int, ...]:
        if len(hits) == 1:
            return hits[0][0]
        return sorted({position for positions, _ in hits for position in positions})

    return _Part(
        test=lambda position, record: not wanted.isdisjoint(keys(ds, record)),
        size=sum(len(positions) for positions, _ in hits),
        lookup=find,
        records=(lambda: hits[0][1]) if len(hits) == 1 else None,
    )


def _window_part(
    ds: Dataset,
    full: Collection[Any],
    span: Callable[[Dataset, Any], Span | None],
    window: Span,
) -> _Part:
    first, last = window
    index = date_index(full, "span", lambda record: span(ds, record))
    spans = index.spans

    def test(position: int, record: Any) -> bool:
        days = spans[position]
        return days is not None and days[0] <= last and days[1] >= first

    kept: list[tuple[list[int], range] | None] = []

    def split() -> tuple[list[int], range] | None:
        if not kept:  # lookup() and records() share one split
            kept.append(index.split(first, last))
        return kept[0]

    def lookup() -> list[int] | tuple[int, ...]:
        found = split()
        if found is None:
            return index.overlapping(first, last)
        before, inside = found
        return (*before, *index.run(inside))

    def records() -> tuple[Any, ...]:
        found = split()
        assert found is not None
        before, inside = found
        # In a collection ordered by first day, the records that start inside
        # the window are one run: a slice, not a gather.
        return records_at(full._records, tuple(before)) + full._records[inside.start : inside.stop]

    def narrow(candidates: Sequence[int]) -> list[int]:
        # The candidates that start inside the window are one slice of them
        # (two bisections); of those that start before it, only the ones that
        # start within the longest span before it are tested.
        inside = index.started_inside(first, last)
        start = bisect.bisect_left(candidates, inside.start)
        stop = bisect.bisect_left(candidates, inside.stop, start)
        reach = bisect.bisect_left(candidates, index.may_reach(first), 0, start)
        head = [position for position in candidates[reach:start] if test(position, None)]
        return [*head, *candidates[start:stop]]

    ordered = index.starts is not None
    return _Part(
        test=test,
        size=index.count(first, last),
        lookup=lookup,
        records=records if ordered else None,
        narrow=narrow if ordered else None,
    )


def filter_collection(collection: C, criteria: Mapping[str, Any]) -> C:
    """``collection.filter(**criteria)``: the records that meet every criterion, in canonical order.

    Raises:
        TypeError: for an unknown criterion (the message names the valid
            ones), or a value of the wrong type.
        RecordNotFoundError: when an id or name matches no record.
        ValueError: for a date or a vocabulary value that cannot be read, or
            a collection that belongs to no dataset.

    """
    if len(criteria) == 1 and collection._positions is None and collection._dataset is not None:
        ((name, value),) = criteria.items()
        found = _by_one_id(collection, name, value)
        if found is not None:
            return found
    return _filtered(collection, criteria)


def _filtered(collection: C, criteria: Mapping[str, Any]) -> C:
    parts = _plan(collection, criteria)
    if not parts:
        return collection
    full = full_collection(collection)
    own: tuple[int, ...] | None = collection._positions
    base = min(parts, key=lambda part: part.size)
    candidates: Sequence[int]
    if own is not None and len(own) <= base.size:
        candidates, others = own, parts
    else:
        others = [part for part in parts if part is not base]
        if own is None and not others and base.records is not None:
            # One key of one index: the index holds the answer ready made.
            return type(collection)._subset(full, tuple(base.lookup()), base.records())
        candidates = base.lookup()
        if own is not None:
            candidates = [p for p in candidates if _holds(own, p)]
    tests = []
    for part in others:
        if part.narrow is not None:
            candidates = part.narrow(candidates)
        else:
            tests.append(part.test)
    return _select(collection, full, candidates, tests)


def _by_one_id(collection: C, name: str, value: Any) -> C | None:
    """The answer to ``name=value`` on a full collection, when ``value`` is the id of a record.

    The commonest question (one speaker, one topic, one summit, asked by id)
    is then one look-up in the criterion's key index, whose postings hold the
    records ready. ``None`` when the value is anything else (a name, a record,
    a list) or the criterion is not a reference: the general path answers.
    """
    if type(value) is not str:
        return None
    criterion = spec_of(collection).criteria.get(name)
    if type(criterion) is not Ref:
        return None
    ds = collection._dataset
    assert ds is not None
    for target in criterion.targets:
        if value in getattr(ds, target):
            break
    else:
        return None
    keys = criterion.keys
    index = key_index(collection, name, lambda record: keys(ds, record))
    widen = criterion.widen
    if widen is None:
        positions, records = index.get(value, NO_POSTINGS)
        return type(collection)._subset(collection, positions, records)

    def below(key: str) -> frozenset[str]:
        return widen(ds, frozenset((key,)))

    # A topic and its subtopics: their postings merged, ready made when affordable.
    ids = (record.id for target in criterion.targets for record in getattr(ds, target))
    merged = widened_index(collection, name, index, ids, below)
    if merged is not None:  # held for each key with keys below it
        positions, records = merged.get(value) or index.get(value, NO_POSTINGS)
    else:
        wanted = below(value)
        if len(wanted) == 1:
            positions, records = index.get(value, NO_POSTINGS)
        else:
            seen = {position for key in wanted for position in index.get(key, NO_POSTINGS)[0]}
            positions = tuple(sorted(seen))
            records = records_at(collection._records, positions)
    return type(collection)._subset(collection, positions, records)


def scan(collection: C, criteria: Mapping[str, Any]) -> C:
    """``filter`` by a plain linear scan over every record (no index): the reference answer."""
    parts = _plan(collection, criteria)
    full = full_collection(collection)
    own = collection._positions
    candidates = range(len(full)) if own is None else own
    return _select(collection, full, candidates, [part.test for part in parts])


def _holds(positions: Sequence[int], position: int) -> bool:
    at = bisect.bisect_left(positions, position)
    return at < len(positions) and positions[at] == position


def _select(
    collection: C,
    full: Collection[Any],
    candidates: Iterable[int],
    tests: list[Callable[[int, Any], bool]],
) -> C:
    records = full._records
    if not tests:
        chosen = candidates if isinstance(candidates, tuple) else tuple(candidates)
    elif len(tests) == 1:
        (test,) = tests
        chosen = tuple(position for position in candidates if test(position, records[position]))
    else:
        chosen = tuple(
            position
            for position in candidates
            if all(test(position, records[position]) for test in tests)
        )
    return type(collection)._subset(full, chosen)
