"""The building blocks of the strategies: ids, texts, dates and small helpers."""

from __future__ import annotations

import datetime as _dt
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from .._model.dates import PartialDate

__all__ = ["ALPHA2", "evolve", "id_tuple", "ids", "optional", "partial_dates", "texts", "tuple_of"]

_R = TypeVar("_R")

_WORDS = st.sampled_from(
    ["astana", "security", "council", "summit", "trade", "water", "border", "treaty", "a", "b"]
)


def ids() -> st.SearchStrategy[str]:
    """Record ids: lowercase slugs such as ``security-a-2``."""
    return st.lists(st.one_of(_WORDS, st.integers(0, 999).map(str)), min_size=1, max_size=4).map(
        "-".join
    )


def texts(max_size: int = 16) -> st.SearchStrategy[str]:
    """Non-blank text, including non-ASCII letters (Cyrillic, Turkish, accents)."""
    return st.text(
        alphabet=st.characters(
            codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\x00"
        ),
        min_size=1,
        max_size=max_size,
    ).filter(lambda value: bool(value.strip()))


def partial_dates(min_year: int = 1990, max_year: int = 2030) -> st.SearchStrategy[PartialDate]:
    """Partial dates of every precision between ``min_year`` and ``max_year``."""
    days = st.dates(_dt.date(min_year, 1, 1), _dt.date(max_year, 12, 31))
    return st.one_of(
        days.map(lambda d: PartialDate(d.year)),
        days.map(lambda d: PartialDate(d.year, d.month)),
        days.map(lambda d: PartialDate(d.year, d.month, d.day)),
    )


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() if strategy.is_empty else st.none() | strategy


def tuple_of(strategy: st.SearchStrategy[Any], max_size: int = 2) -> st.SearchStrategy[Any]:
    if strategy.is_empty:
        return st.just(())
    return st.lists(strategy, max_size=max_size).map(tuple)


def id_tuple(id_strategy: st.SearchStrategy[str], max_size: int = 3) -> st.SearchStrategy[Any]:
    if id_strategy.is_empty:
        return st.just(())
    return st.lists(id_strategy, max_size=max_size, unique=True).map(tuple)


#: Two-letter lowercase codes, shaped like ISO 3166 country ids.
ALPHA2 = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=2)


def evolve(record: _R, **changes: Any) -> _R:
    """A copy of the attrs ``record`` with ``changes``."""
    return attrs.evolve(record, **changes)  # type: ignore[misc]
