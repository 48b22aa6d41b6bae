"""What a dataset keeps for its queries: built once, private, immutable, and no kept answers."""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import Any

import attrs
import pytest

from ca_security import Collection, Dataset, RecordNotFoundError
from query_data import dataset

_IMMUTABLE_LEAVES = (str, int, float, bool, type(None), enum.Enum, range)


def _mutable_parts(value: Any, path: str, seen: set[int]) -> list[str]:
    """Where a mutable container (dict, list, set, bytearray) is reachable from ``value``."""
    if id(value) in seen or isinstance(value, _IMMUTABLE_LEAVES) or callable(value):
        return []
    seen.add(id(value))
    if isinstance(value, dict | list | set | bytearray):
        return [f"{path}: {type(value).__name__}"]
    if isinstance(value, MappingProxyType):
        return [
            found
            for key, item in value.items()
            for found in (
                _mutable_parts(key, f"{path} key", seen)
                + _mutable_parts(item, f"{path}[{key!r}]", seen)
            )
        ]
    if isinstance(value, tuple | frozenset):
        return [
            found
            for number, item in enumerate(value)
            for found in _mutable_parts(item, f"{path}[{number}]", seen)
        ]
    if attrs.has(type(value)):
        assert attrs.fields(type(value)) and type(value).__setattr__ is not object.__setattr__, path
        return [
            found
            for field in attrs.fields(type(value))
            for found in _mutable_parts(getattr(value, field.name), f"{path}.{field.name}", seen)
        ]
    return [f"{path}: {type(value).__name__}"]  # anything else is reported, to be looked at


def _ask_everything(ds: Dataset) -> None:
    """Queries that build every kind of kept index: keys, dates, names, words, texts, terms."""
    ds.statements.filter(speaker="Nurlanov", since="May 2024")
    ds.statements.filter(topic="terrorism", kind="direct quote", text="security")
    ds.summits.filter(place="Astana", year=2024)
    ds.officials.lookup("Mahmudzoda")
    ds.officials.search("Nurlan", limit=3)
    ds.lookup("kz")
    ds.get("kz")
    ds.officials.holding(post="tj-secretary", on="2024")
    with pytest.raises(RecordNotFoundError):
        ds.countries.filter(text="x").lookup("no such country at all")


def test_everything_a_dataset_keeps_for_queries_is_immutable() -> None:
    """A caller that gets hold of a kept index cannot change a later answer through it."""
    ds = dataset()
    _ask_everything(ds)
    kept = dict(ds._cache)
    assert {"statement:keys:speaker", "statement:dates:span", "ids", "officials:terms"} <= set(kept)
    assert any(key.endswith(":tokens") for key in kept)
    assert any(":text:" in key for key in kept)
    problems = [found for key, value in kept.items() for found in _mutable_parts(value, key, set())]
    assert problems == []


def test_a_kept_index_refuses_to_be_changed() -> None:
    ds = dataset()
    answer = ds.statements.filter(speaker="Nurlanov")
    index = ds._cache["statement:keys:speaker"]
    with pytest.raises(TypeError):
        index["nurlan-nurlanov"] = ((), ())
    with pytest.raises(TypeError):
        ds._id_index()["kz"] = None  # type: ignore[index]
    assert ds.statements.filter(speaker="Nurlanov") == answer


def test_the_mutability_check_sees_a_list_inside_a_read_only_mapping() -> None:
    """The walker above reports what it is there to find."""
    inner = MappingProxyType({"a": ((1, 2), [3])})
    assert _mutable_parts(inner, "x", set()) == ["x['a'][1]: list"]
    assert _mutable_parts({"a": 1}, "y", set()) == ["y: dict"]


def test_no_whole_answer_is_kept_per_question() -> None:
    """The answer cache is gone: a question asked again is answered again, equal, from the index."""
    ds = dataset()
    first = ds.statements.filter(speaker="Nurlanov", since="May 2024")
    again = ds.statements.filter(since="May 2024", speaker="Nurlanov")
    assert len(first) > 0
    assert again == first
    assert again is not first
    assert not [key for key in ds._cache if key.endswith(":answers")]


def test_a_one_key_answer_is_the_index_s_ready_made_records() -> None:
    """One speaker's statements are the tuple the key index holds, not gathered one by one."""
    ds = dataset()
    found = ds.statements.filter(speaker="Nurlanov")
    again = ds.statements.filter(speaker="Nurlanov")
    assert again is not found
    assert again._records is found._records  # the same tuple, held by the index
    speaker = next(iter(found)).speaker
    assert list(again) == [s for s in ds.statements if s.speaker == speaker]


def test_values_of_different_types_stay_different_questions() -> None:
    """``True == 1`` in Python, but ``year=True`` is a wrong type, not the year 1."""
    ds = dataset()
    assert len(ds.summits.filter(year=2024)) > 0
    with pytest.raises(TypeError, match="year is an int"):
        ds.summits.filter(year=True)
    with pytest.raises(TypeError, match="year is an int"):
        ds.summits.filter(year=2024.0)


def test_the_cache_and_closest_ids_are_private() -> None:
    assert not hasattr(Dataset, "cached")
    assert not hasattr(Collection, "closest_ids")


def test_an_unknown_id_still_suggests_the_closest_ids() -> None:
    ds = dataset()
    some_id = ds.countries.ids[0]
    with pytest.raises(RecordNotFoundError) as caught:
        ds.countries[some_id + "x"]
    assert some_id in caught.value.suggestions
    assert ds.countries._closest_ids(some_id.upper()) == (some_id,)
