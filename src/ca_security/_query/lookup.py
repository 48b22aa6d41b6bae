"""Finding records by name: ``lookup``, ``search``, and the reading of reference values.

Every way a name is matched lives here: exact ids, names and aliases
compared folded (:func:`exact_ids`), the fall-back on whole words of names
(:func:`word_matches`), posts named with another spelling of their country
(:func:`posts_named_by_country`), ranked approximate matches (:func:`search`)
and the suggestions of an error. :func:`resolve_refs` reads the value of a
reference criterion with them.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from .._model.errors import AmbiguousNameError, RecordNotFoundError
from .._model.kinds import KINDS
from .._model.names import fold, name_key
from .criteria import ALL, SPECS, check_length, full_collection, many_values
from .indexes import name_index, token_index

if TYPE_CHECKING:
    from .._dataset.collection import Collection
    from .._dataset.dataset import Dataset

__all__ = [
    "lookup_any",
    "display_name",
    "exact_ids",
    "lookup",
    "names_of",
    "posts_named_by_country",
    "resolve_refs",
    "search",
    "word_matches",
]

R = TypeVar("R")

# Weights of a query word found in a record's names.
_EXACT = 1.0
_PREFIX = 0.9
_CLOSE = 0.8
# Bonuses for the whole query.
_WHOLE_NAME = 1.0
_NAME_PREFIX = 0.3
_SUBSTRING = 0.2
_FUZZY_CUTOFF = 0.75

_NOUNS = {kind.name: kind.noun for kind in KINDS}
_TYPES = {kind.type: kind.name for kind in KINDS}


def names_of(noun: str) -> Callable[[Any], tuple[str, ...]]:
    """The function giving a record's names (display name first) for a kind, e.g. ``"official"``."""
    return SPECS[noun].names


def display_name(noun: str, record: Any) -> str:
    """The name to show for a record: its first name, or its id."""
    names = names_of(noun)(record)
    return names[0] if names else str(record.id)


def lookup(collection: Collection[R], name: str) -> R:
    """See :meth:`ca_security.Collection.lookup`."""
    if not isinstance(name, str):
        raise TypeError(f"lookup takes a name (str), got {type(name).__name__}")
    check_length(name, "a name")
    record: R | None = collection.get(name)
    if record is not None:
        return record
    full = full_collection(collection)
    positions = name_index(full, names_of(collection.kind)).get(name_key(name), ((), ()))[0]
    own = collection._positions
    if own is not None:
        allowed = set(own)
        positions = tuple(p for p in positions if p in allowed)
    if not positions and collection.kind == "post":
        positions = posts_named_by_country(full, name)
        if own is not None:
            positions = tuple(p for p in positions if p in allowed)
    if not positions:
        positions = word_matches(collection, name)
    records = full._records
    if len(positions) == 1:
        found: R = records[positions[0]]
        return found
    if positions:
        raise AmbiguousNameError(name, collection.kind, [records[p].id for p in positions])
    suggestions = [display_name(collection.kind, r) for r in search(collection, name, 3)]
    raise RecordNotFoundError(name, collection.kind, suggestions)


def posts_named_by_country(posts: Collection[Any], name: str) -> tuple[int, ...]:
    """Positions of the posts whose label or alias is ``name`` once the country is named otherwise.

    "Secretary of the Security Council of Kyrgyzstan" names the post labelled
    "... of the Kyrgyz Republic": a post's country may be written with any of
    the country's names and aliases, with or without "the".
    """
    ds = posts._dataset
    if ds is None:
        return ()
    wanted = name_key(name)
    found: list[int] = []
    for position, post in enumerate(posts._records):
        country = None if post.country is None else ds.countries.get(post.country)
        if country is None:
            continue
        spellings = {fold(text) for text in (country.name, *country.aliases)} - {""}
        for label in (post.name, *post.aliases):
            folded = f" {fold(label)} "
            written = [f" the {said} " for said in spellings] + [f" {said} " for said in spellings]
            if any(
                name_key(folded.replace(said, f" {other} ")) == wanted
                for said in written
                if said in folded
                for other in spellings
            ):
                found.append(position)
                break
    return tuple(found)


def word_matches(collection: Collection[Any], text: str) -> tuple[int, ...]:
    """Positions of the records one of whose names holds every word of ``text`` as whole words.

    The fall-back of a look-up that matches no whole name: ``"Makhmudzoda"``
    finds ``"Nasrullo Makhmudzoda"``. Kinds whose names are texts
    (statements, figures, sources) have no fall-back.
    """
    words = set(fold(text).split())
    if not words or not SPECS[collection.kind].word_lookup:
        return ()
    full = full_collection(collection)
    index = token_index(full, names_of(collection.kind))
    postings = sorted((index.postings.get(word, ()) for word in words), key=len)
    if not postings[0]:
        return ()
    others = [set(found) for found in postings[1:]]
    own = collection._positions
    allowed = None if own is None else set(own)
    return tuple(
        position
        for position in postings[0]
        if all(position in found for found in others)
        and (allowed is None or position in allowed)
        and any(words <= set(name.split()) for name in index.folded[position])
    )


@overload
def search(
    collection: Collection[R],
    text: str,
    limit: int,
    *,
    scored: Literal[False] = False,
    every_word: bool = False,
) -> tuple[R, ...]: ...


@overload
def search(
    collection: Collection[R],
    text: str,
    limit: int,
    *,
    scored: Literal[True],
    every_word: bool = False,
) -> tuple[tuple[float, R], ...]: ...


def search(
    collection: Collection[R],
    text: str,
    limit: int = 10,
    *,
    scored: bool = False,
    every_word: bool = False,
) -> Any:
    """See :meth:`ca_security.Collection.search`; ``scored`` pairs each record with its score.

    With ``every_word``, only records that match every word of ``text`` (the
    command line's ``search``); the ranking is the same.
    """
    if not isinstance(text, str):
        raise TypeError(f"search takes a string, got {type(text).__name__}")
    check_length(text, "a search")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit is a whole number >= 0, got {type(limit).__name__}")
    if limit < 0:
        raise ValueError(f"limit is a whole number >= 0, got {limit!r}")
    query = fold(text)
    words = query.split()
    if not words or limit == 0:
        return ()
    full = full_collection(collection)
    index = token_index(full, names_of(collection.kind))
    scores: dict[int, list[float]] = {}
    for slot, word in enumerate(words):
        for found, weight in _word_matches(index.vocabulary, index.postings, word):
            for position in index.postings[found]:
                best = scores.setdefault(position, [0.0] * len(words))
                if weight > best[slot]:
                    best[slot] = weight
    own = collection._positions
    allowed = None if own is None else set(own)
    squeezed = query.replace(" ", "")
    ranked: list[tuple[float, int]] = []
    for position, best in scores.items():
        if allowed is not None and position not in allowed:
            continue
        if every_word and not all(best):
            continue
        score = sum(best) / len(words)
        names = index.folded[position]
        if any(name.replace(" ", "") == squeezed for name in names):
            score += _WHOLE_NAME
        elif any(name.startswith(query) for name in names):
            score += _NAME_PREFIX
        elif any(query in name for name in names):
            score += _SUBSTRING
        ranked.append((-score, position))
    ranked.sort()
    records = full._records
    if scored:
        return tuple((-score, records[p]) for score, p in ranked[:limit])
    return tuple(records[p] for _, p in ranked[:limit])


def _word_matches(
    vocabulary: tuple[str, ...], postings: Mapping[str, tuple[int, ...]], word: str
) -> list[tuple[str, float]]:
    """Vocabulary words that match a query word, with their weight."""
    matches: list[tuple[str, float]] = []
    if word in postings:
        matches.append((word, _EXACT))
    start = bisect.bisect_left(vocabulary, word)
    for at in range(start, len(vocabulary)):
        found = vocabulary[at]
        if not found.startswith(word):
            break
        if found != word:
            matches.append((found, _PREFIX))
    if not matches:
        for found in difflib.get_close_matches(word, vocabulary, n=5, cutoff=_FUZZY_CUTOFF):
            ratio = difflib.SequenceMatcher(None, word, found).ratio()
            matches.append((found, _CLOSE * ratio))
    return matches


# -- reference values -------------------------------------------------------------


def resolve_refs(ds: Dataset, value: Any, targets: tuple[str, ...]) -> frozenset[str]:
    """The ids of the ``targets`` records that ``value`` stands for.

    ``value`` is an id, a record, a name or alias (all records bearing it), or
    a list of those. A name that no record bears matches the one record whose
    names hold its words (see :func:`word_matches`).

    Raises:
        RecordNotFoundError: when an id or name matches nothing; it suggests the closest names.
        AmbiguousNameError: when only words of names match, and more than one record has them.
        TypeError: for a value of another type, or a record of another kind.

    """
    found: set[str] = set()
    for item in many_values(value):
        found.update(_resolve_one(ds, item, targets))
    return frozenset(found)


def exact_ids(ds: Dataset, value: str, targets: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of ``targets`` records whose id is ``value``, or whose name or alias folds to it.

    An id wins: when ``value`` is the id of a record, that id alone.
    """
    collections = [getattr(ds, target) for target in targets]
    for collection in collections:
        if value in collection:
            return (value,)
    key = name_key(value)
    found: list[str] = []
    for target, collection in zip(targets, collections, strict=True):
        positions = name_index(collection, names_of(_NOUNS[target])).get(key, ((), ()))[0]
        found.extend(collection._records[position].id for position in positions)
    if not found and "posts" in targets:
        posts = ds.posts
        found.extend(posts._records[p].id for p in posts_named_by_country(posts, value))
    return tuple(found)


def _resolve_one(ds: Dataset, value: Any, targets: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str):
        found = list(exact_ids(ds, value, targets))
        if found:
            return tuple(found)
        collections = [getattr(ds, target) for target in targets]
        noun = _noun(targets)
        for collection in collections:
            positions = word_matches(collection, value)
            found.extend(collection._records[position].id for position in positions)
        if len(found) == 1:
            return (found[0],)
        if found:
            raise AmbiguousNameError(value, noun, found)
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


def lookup_any(ds: Dataset, name: str) -> Any:
    """The one record of any kind with this id, name or alias; see :meth:`Dataset.lookup`."""
    check_length(name, "a name")
    exact = exact_ids(ds, name, ALL) if isinstance(name, str) else ()
    if len(exact) == 1:
        return ds[exact[0]]
    if exact:
        raise AmbiguousNameError(name, "record", list(exact))
    found: list[Any] = []
    suggestions: list[str] = []
    for _name, collection in ds.collections():
        try:
            found.append(collection.lookup(name))
        except RecordNotFoundError as error:
            suggestions.extend(error.suggestions)
        except AmbiguousNameError as error:
            found.extend(collection[candidate] for candidate in error.candidates)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousNameError(name, "record", [record.id for record in found])
    raise RecordNotFoundError(name, "record", suggestions[:3])
