"""Query semantics: criteria, how their values are read, and how ``filter`` answers them.

A criterion is one of four shapes:

- :class:`Ref`: the record refers to another record (a speaker, a summit, a
  topic...). The value is an id, a record, a name or alias (every record
  bearing that name matches) or a list of those (any of them matches).
- :class:`Choice`: a closed vocabulary (an enum member or its value).
- :class:`Word`: a free string compared after folding (a publisher, a unit).
- :class:`Text`: a folded substring of the record's text.

``since``, ``until`` and ``year`` select records whose dates *overlap* the
range asked for; records without a date never match them.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import functools
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .._dataset.collection import records_at
from .._model.dates import PartialDate
from .._model.errors import AmbiguousNameError, RecordNotFoundError
from .._model.kinds import KINDS
from .._model.names import fold, name_key
from .indexes import Span, date_index, folded_texts, key_index, name_index

if TYPE_CHECKING:
    from .._dataset.collection import Collection
    from .._dataset.dataset import Dataset

__all__ = [
    "ALL",
    "DATE_CRITERIA",
    "Choice",
    "KindSpec",
    "Ref",
    "Text",
    "Word",
    "coerce_date",
    "filter_collection",
    "resolve_refs",
    "scan",
    "specs",
    "topic_lineages",
]

C = TypeVar("C", bound="Collection[Any]")

#: ``Ref.targets`` value meaning "a record of any kind".
ALL: tuple[str, ...] = tuple(kind.name for kind in KINDS)
#: Criteria every dated kind accepts.
DATE_CRITERIA = ("since", "until", "year")
_NOUNS = {kind.name: kind.noun for kind in KINDS}
_TYPES = {kind.type: kind.name for kind in KINDS}
_MIN = _dt.date.min.toordinal()
_MAX = _dt.date.max.toordinal()

Keys = Callable[["Dataset", Any], Iterable[Any]]


@attrs.frozen
class Ref:
    """A reference to records of the ``targets`` kinds."""

    targets: tuple[str, ...]
    keys: Keys

    def resolve(self, ds: Dataset, value: Any) -> frozenset[Any]:
        """The ids the value stands for."""
        return resolve_refs(ds, value, self.targets)


@attrs.frozen
class Choice:
    """A value of a closed vocabulary: an enum member or its value, in any case."""

    vocabulary: type[enum.Enum]
    keys: Keys

    def resolve(self, ds: Dataset, value: Any) -> frozenset[Any]:
        """The enum values asked for."""
        return frozenset(self._one(item) for item in _many(value))

    def _one(self, value: Any) -> Any:
        if isinstance(value, self.vocabulary):
            return value.value
        if isinstance(value, str):
            table = _vocabulary_keys(self.vocabulary)
            wanted = name_key(value)
            if wanted in table:
                return table[wanted]
        allowed = ", ".join(repr(member.value) for member in self.vocabulary)
        raise ValueError(f"{value!r} is not one of {allowed}")


@functools.cache
def _vocabulary_keys(vocabulary: type[enum.Enum]) -> dict[str, Any]:
    """Folded value and folded name of each member -> the member's value (the first member wins)."""
    table: dict[str, Any] = {}
    for member in vocabulary:
        table.setdefault(name_key(member.value), member.value)
        table.setdefault(name_key(member.name), member.value)
    return table


@attrs.frozen
class Word:
    """A free string (a publisher, a unit, a language) compared by its folded form."""

    keys: Keys

    def resolve(self, ds: Dataset, value: Any) -> frozenset[Any]:
        """The folded strings asked for."""
        found = set()
        for item in _many(value):
            if not isinstance(item, str):
                raise TypeError(f"expected a string, got {type(item).__name__}")
            found.add(name_key(item))
        return frozenset(found)


@attrs.frozen
class Text:
    """A case- and diacritic-insensitive substring of the record's texts."""

    texts: Callable[[Any], Iterable[str]]

    def resolve(self, ds: Dataset, value: Any) -> str:
        """The folded text asked for."""
        if not isinstance(value, str):
            raise TypeError(f"text is a string, got {type(value).__name__}")
        folded = fold(value)
        if not folded:
            raise ValueError("text needs at least one letter or digit")
        return folded


Criterion = Ref | Choice | Word | Text


@attrs.frozen
class KindSpec:
    """What one kind of record can be asked: its names and its criteria.

    Attributes:
        collection: The dataset attribute, e.g. ``"statements"``.
        names: A record's names and aliases, display name first.
        criteria: Criterion name -> criterion.
        span: A record's days (first, last) as ordinals, for date criteria;
            ``None`` for undated kinds.
        word_lookup: Whether a look-up falls back to the words of names
            (``"Makhmudzoda"`` finds ``"Nasrullo Makhmudzoda"``); off for kinds
            whose "names" are texts (statements, figures, sources).

    """

    collection: str
    names: Callable[[Any], tuple[str, ...]]
    criteria: Mapping[str, Criterion]
    span: Callable[[Dataset, Any], Span | None] | None = None
    word_lookup: bool = True

    @property
    def valid(self) -> tuple[str, ...]:
        """Every criterion name this kind accepts, sorted."""
        extra = DATE_CRITERIA if self.span is not None else ()
        return tuple(sorted((*self.criteria, *extra)))


def _many(value: Any) -> tuple[Any, ...]:
    if value is None:
        raise TypeError("a criterion value cannot be None")
    if isinstance(value, (list, tuple, set, frozenset)):
        if not value:
            raise ValueError("an empty list of values matches nothing; leave the criterion out")
        return tuple(value)
    return (value,)


def resolve_refs(ds: Dataset, value: Any, targets: tuple[str, ...]) -> frozenset[str]:
    """The ids of the ``targets`` records that ``value`` stands for.

    ``value`` is an id, a record, a name or alias (all records bearing it), or
    a list of those.

    Raises:
        RecordNotFoundError: when an id or name matches nothing; it suggests the closest names.
        TypeError: for a value of another type, or a record of another kind.

    """
    found: set[str] = set()
    for item in _many(value):
        found.update(_resolve_one(ds, item, targets))
    return frozenset(found)


def exact_ids(ds: Dataset, value: str, targets: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of ``targets`` records whose id is ``value``, or whose name or alias folds to it."""
    collections = [getattr(ds, target) for target in targets]
    for collection in collections:
        if value in collection:
            return (value,)
    from .lookup import names_of

    key = name_key(value)
    ids: list[str] = []
    for target, collection in zip(targets, collections, strict=True):
        positions = name_index(collection, names_of(_NOUNS[target])).get(key, ((), ()))[0]
        ids.extend(collection._records[position].id for position in positions)
    if not ids and "posts" in targets:
        from .lookup import posts_named_by_country

        posts = ds.posts
        ids.extend(posts._records[p].id for p in posts_named_by_country(posts, value))
    return tuple(ids)


def _resolve_one(ds: Dataset, value: Any, targets: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str):
        ids = list(exact_ids(ds, value, targets))
        if ids:
            return tuple(ids)
        from .lookup import word_matches

        collections = [getattr(ds, target) for target in targets]
        noun = _noun(targets)
        for collection in collections:
            positions = word_matches(collection, value)
            ids.extend(collection._records[position].id for position in positions)
        if len(ids) == 1:
            return (ids[0],)
        if ids:
            raise AmbiguousNameError(value, noun, ids)
        raise RecordNotFoundError(value, noun, _suggestions(collections, value))
    if attrs.has(type(value)) and type(value) in _TYPES:
        kind = _TYPES[type(value)]
        if kind not in targets:
            raise TypeError(f"expected a {_noun(targets)}, got a {_NOUNS[kind]} record")
        if value.id not in getattr(ds, kind):
            raise RecordNotFoundError(value.id, _noun(targets), ())
        return (value.id,)
    raise TypeError(f"expected a {_noun(targets)} id, name or record, got {type(value).__name__}")


def _noun(targets: tuple[str, ...]) -> str:
    """What the ``targets`` kinds are called in a message: "official or country", "record"."""
    return " or ".join(_NOUNS[target] for target in targets) if targets != ALL else "record"


def _suggestions(collections: list[Collection[Any]], text: str) -> tuple[str, ...]:
    from .lookup import display_name, search

    ranked: list[tuple[float, str]] = []
    for collection in collections:
        for score, record in search(collection, text, 3, scored=True):
            ranked.append((score, display_name(collection.kind, record)))
    ranked.sort(key=lambda pair: -pair[0])
    names: list[str] = []
    for _, name in ranked:
        if name not in names:
            names.append(name)
    return tuple(names[:3])


def topic_lineages(ds: Dataset) -> dict[str, tuple[str, ...]]:
    """Topic id -> that topic and every topic above it, nearest first (built once)."""

    def build() -> dict[str, tuple[str, ...]]:
        parents = {topic.id: topic.parent for topic in ds.topics}
        lineages: dict[str, tuple[str, ...]] = {}
        for topic_id in parents:
            lineage = [topic_id]
            parent = parents[topic_id]
            while parent is not None and parent not in lineage:  # no endless cycle
                lineage.append(parent)
                parent = parents.get(parent)
            lineages[topic_id] = tuple(lineage)
        return lineages

    result: dict[str, tuple[str, ...]] = ds.cached("topics:lineages", build)
    return result


def coerce_date(value: Any) -> PartialDate:
    """A :class:`PartialDate` from a date, a PartialDate, a string or a year (``int``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(_four_digit_year(value, "a date given as a number"))
    return PartialDate.coerce(value)


def _four_digit_year(year: int, what: str) -> int:
    """``year`` itself, or a ValueError: a two-digit year (``24``) is never guessed."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"{what} is a four-digit year such as 2024, got {year!r}")
    return year


def _windows(criteria: Mapping[str, Any]) -> list[Span]:
    windows: list[Span] = []
    since, until = criteria.get("since"), criteria.get("until")
    if since is not None or until is not None:
        first = _MIN if since is None else coerce_date(since).earliest.toordinal()
        last = _MAX if until is None else coerce_date(until).latest.toordinal()
        windows.append((first, last))
    if "year" in criteria:
        year = criteria["year"]
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year is an int such as 2024, got {year!r}")
        day = PartialDate(_four_digit_year(year, "year"))
        windows.append((day.earliest.toordinal(), day.latest.toordinal()))
    return windows


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


def specs() -> dict[str, KindSpec]:
    """The table of :mod:`._criteria` (kind noun -> spec), imported on first use."""
    global _SPECS
    if _SPECS is None:
        from .criteria import SPECS

        _SPECS = SPECS
    return _SPECS


_SPECS: dict[str, KindSpec] | None = None


def _spec_of(collection: Collection[Any]) -> KindSpec:
    return specs()[collection.kind]


def _valid(spec: KindSpec) -> frozenset[str]:
    found = _VALID.get(spec.collection)
    if found is None:
        found = _VALID[spec.collection] = frozenset(spec.valid)
    return found


_VALID: dict[str, frozenset[str]] = {}


def _plan(collection: Collection[Any], criteria: Mapping[str, Any]) -> list[_Part]:
    spec = _spec_of(collection)
    if not _valid(spec).issuperset(criteria):
        unknown = sorted(set(criteria) - _valid(spec))
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
            parts.append(_text_part(full, name, criterion, criterion.resolve(ds, value)))
        else:
            parts.append(_keys_part(ds, full, name, criterion, criterion.resolve(ds, value)))
    if spec.span is not None and not _DATED.isdisjoint(criteria):
        for window in _windows(criteria):
            parts.append(_window_part(ds, full, spec.span, window))
    return parts


_DATED = frozenset(DATE_CRITERIA)


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


class AnswerShelf:
    """Whole answers kept per question asked, within a budget; thread-safe.

    At most ``capacity`` answers are kept, of at most ``budget`` records in
    all; an answer that does not fit is simply not kept.
    """

    __slots__ = ("_answers", "_lock", "_size", "budget", "capacity")

    def __init__(self, budget: int, capacity: int = 512) -> None:
        self.budget = budget
        self.capacity = capacity
        self._answers: dict[Any, Any] = {}
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def size(self) -> int:
        """How many records the kept answers hold in all."""
        return self._size

    def get(self, question: Any) -> Any:
        """The kept answer to ``question``, or ``None``."""
        return self._answers.get(question)

    def clear(self) -> None:
        """Forget every kept answer."""
        with self._lock:
            self._answers.clear()
            self._size = 0

    def keep(self, question: Any, answer: Any, size: int) -> bool:
        """Keep ``answer`` (of ``size`` records) if it fits; whether it is kept now."""
        with self._lock:
            if question in self._answers:
                return True
            fits = len(self._answers) < self.capacity and self._size + size <= self.budget
            if fits:
                self._answers[question] = answer
                self._size += size
            return fits


#: Criterion values an answer is kept for: cheap to hash, and equal only to
#: values that ask the same question (the key also holds the value's type).
_KEPT_VALUES = (str, int, float, enum.Enum, _dt.date, PartialDate, type(None))


def _question(collection: Collection[Any], criteria: Mapping[str, Any]) -> Any:
    """The key under which the answer to ``criteria`` is kept, or ``None`` if it is not.

    Answers are kept for a dataset's full collections, when every value is a
    plain one (see ``_KEPT_VALUES``).
    """
    if collection._positions is not None or collection._dataset is None:
        return None
    if len(criteria) == 1:
        ((name, value),) = criteria.items()
        return (name, type(value), value) if isinstance(value, _KEPT_VALUES) else None
    items = sorted(criteria.items())
    if all(isinstance(value, _KEPT_VALUES) for _, value in items):
        return tuple((name, type(value), value) for name, value in items)
    return None


def filter_collection(collection: C, criteria: Mapping[str, Any]) -> C:
    """``collection.filter(**criteria)``, answered from the dataset's indexes.

    The criterion with the fewest candidates is read from its index; the
    other criteria are then checked on each candidate, so the cost follows the
    smallest candidate list, not the size of the collection. A date window
    narrows the candidates of a collection in order of first day by bisection
    instead: only the candidates that start before the window, and within its
    longest span, are tested. One reference criterion given by id is read
    straight from its key index, whose postings hold the records ready. Other
    whole answers of a full collection are kept per question (at most 512 per
    kind, holding at most twice the collection's records), so a repeated
    question costs a dictionary look-up.
    """
    if len(criteria) == 1 and collection._positions is None and collection._dataset is not None:
        ((name, value),) = criteria.items()
        found = _by_one_id(collection, name, value)
        if found is not None:
            return found
    question = _question(collection, criteria)
    if question is None:
        return _filtered(collection, criteria)
    ds = collection._dataset
    assert ds is not None
    shelf: AnswerShelf = ds.cached(
        collection.kind + ":answers", lambda: AnswerShelf(budget=2 * len(collection))
    )
    answer: C | None = shelf.get(question)
    if answer is None:
        answer = _filtered(collection, criteria)
        shelf.keep(question, answer, len(answer))
    return answer


def _filtered(collection: C, criteria: Mapping[str, Any]) -> C:
    parts = _plan(collection, criteria)
    if not parts:
        return collection
    full = _full(collection)
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
    criterion = _spec_of(collection).criteria.get(name)
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
    positions, records = index.get(value, _NO_POSTINGS)
    return type(collection)._subset(collection, positions, records)


_NO_POSTINGS: tuple[tuple[int, ...], tuple[Any, ...]] = ((), ())


def scan(collection: C, criteria: Mapping[str, Any]) -> C:
    """``filter`` by a plain linear scan over every record (no index): the reference answer."""
    parts = _plan(collection, criteria)
    full = _full(collection)
    own = collection._positions
    candidates = range(len(full)) if own is None else own
    return _select(collection, full, candidates, [part.test for part in parts])


def _full(collection: Collection[Any]) -> Collection[Any]:
    if collection._positions is None:
        return collection
    ds = collection._dataset
    assert ds is not None
    full: Collection[Any] = getattr(ds, _spec_of(collection).collection)
    return full


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
