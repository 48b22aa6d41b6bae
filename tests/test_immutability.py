"""Immutability: nothing the public API hands out can be used to change a dataset.

Every object reachable from a dataset through public attributes, properties and
look-ups is either of an immutable type, a frozen record or collection that
refuses every assignment, or a fresh mutable value (a list or dict) whose
mutation leaves the dataset as it was. The property runs over generated
datasets and the bundled one.

Private import: the loader's converter, to build records from JSON as the loader does.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import ca_security as cs
from ca_security._load.converter import make_converter
from ca_security.testing import strategies as cst

CONVERTER = make_converter()
IMMUTABLE_TYPES = (str, int, float, type(None), enum.Enum, dt.date, bytes, frozenset)


def snapshot(ds: cs.Dataset) -> str:
    """Everything a dataset holds, as one JSON text."""
    return json.dumps(
        {
            "metadata": CONVERTER.unstructure(ds.metadata),
            **{name: [CONVERTER.unstructure(r) for r in coll] for name, coll in ds.collections()},
            "lookups": {
                record.id: repr(ds.get(record.id))
                for _, coll in ds.collections()
                for record in coll
            },
        },
        sort_keys=True,
        ensure_ascii=True,
    )


def _public_values(obj: Any) -> Iterator[tuple[str, Any]]:
    """The values of ``obj``'s public data attributes and properties."""
    for name in dir(type(obj)):
        if name.startswith("_"):
            continue
        member = getattr(type(obj), name, None)
        if isinstance(member, property) or (
            attrs.has(type(obj)) and name in attrs.fields_dict(type(obj))
        ):
            yield name, getattr(obj, name)


def reachable(ds: cs.Dataset) -> Iterator[tuple[str, Any]]:
    """(path, object) for every object reachable from ``ds`` through the public API."""
    stack: list[tuple[str, Any]] = [("ds", ds)]
    seen: set[int] = set()
    while stack:
        path, obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield path, obj
        if isinstance(obj, cs.Dataset):
            stack.extend((f"{path}.{name}", coll) for name, coll in obj.collections())
            stack.append((f"{path}.collections()", list(obj.collections())))
            for _, coll in obj.collections():
                for record_id in coll.ids:
                    stack.append((f"{path}.get({record_id!r})", obj.get(record_id)))
                    stack.append((f"{path}[{record_id!r}]", obj[record_id]))
            stack.extend(_query_results(obj))
        if isinstance(obj, cs.Collection):
            stack.extend((f"{path}[{i}]", record) for i, record in enumerate(obj))
            stack.extend((f"{path}.get({r!r})", obj.get(r)) for r in obj.ids)
            stack.append((f"{path}.reversed", list(reversed(obj))))
        if isinstance(obj, (tuple, list)):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(obj))
        elif isinstance(obj, dict):
            stack.extend((f"{path}[{k!r}]", v) for k, v in obj.items())
        if not isinstance(obj, (*IMMUTABLE_TYPES, tuple, list, dict)):
            stack.extend((f"{path}.{name}", value) for name, value in _public_values(obj))


def _query_results(ds: cs.Dataset) -> Iterator[tuple[str, Any]]:
    """What the query API hands out for this dataset (asked twice, so caches are hit too)."""
    for _ in range(2):
        yield "ds.timeline()", ds.timeline()
        for name, coll in ds.collections():
            yield f"ds.{name}.filter()", coll.filter()
            yield f"ds.{name}.search('a')", coll.search("a")
            for record_id in coll.ids[:3]:
                yield f"ds.{name}.lookup({record_id!r})", coll.lookup(record_id)
        for statement in ds.statements.ids[:3]:
            yield f"ds.corroboration({statement!r})", ds.corroboration(statement)
        for post in ds.posts.ids[:3]:
            yield f"holding({post!r})", ds.officials.holding(post=post, on="2024")
            yield f"succession({post!r})", ds.officials.succession(post=post)


def try_to_mutate(path: str, obj: Any) -> None:
    """Attack ``obj`` every way its type allows; fail if an immutable object gives way."""
    if isinstance(obj, list):
        obj.append("intruder")
        obj.reverse()
        obj.clear()
    elif isinstance(obj, dict):
        obj["intruder"] = 1
        obj.clear()
    elif isinstance(obj, set):
        obj.add("intruder")
        obj.clear()
    elif isinstance(obj, (*IMMUTABLE_TYPES, tuple, MappingProxyType)):
        if isinstance(obj, (tuple, MappingProxyType)) and len(obj):
            with pytest.raises(TypeError):
                obj[0] = "intruder"  # type: ignore[index]
    else:
        _attack_object(path, obj)


def _attack_object(path: str, obj: Any) -> None:
    names = [name for name in dir(obj) if not name.startswith("__")] + ["intruder"]
    for name in names:
        if callable(getattr(type(obj), name, None)) and not isinstance(
            getattr(type(obj), name, None), property
        ):
            continue
        with pytest.raises((AttributeError, TypeError), match=r".") as caught:
            setattr(obj, name, "intruder")
        assert caught.value is not None, f"{path}.{name} could be set"
        with pytest.raises((AttributeError, TypeError)):
            delattr(obj, name)


def assert_unchangeable(ds: cs.Dataset) -> None:
    """Attack everything reachable from ``ds``; the dataset must read the same afterwards."""
    before = snapshot(ds)
    objects = list(reachable(ds))
    assert len(objects) > len(list(ds.collections()))  # the walk went into the records
    for path, obj in objects:
        try_to_mutate(path, obj)
    assert snapshot(ds) == before


def test_the_bundled_dataset_cannot_be_changed_through_what_it_hands_out():
    """Every object reachable from the bundled dataset resists or is a harmless copy."""
    assert_unchangeable(cs.load())
    assert snapshot(cs.load()) == snapshot(cs.load(_bundled_copy_dir()))


def _bundled_copy_dir():
    import tempfile
    from pathlib import Path

    from helpers import bundled_raw, write_raw

    directory = Path(tempfile.mkdtemp())
    write_raw(directory, bundled_raw())
    return directory


@settings(max_examples=max(10, settings().max_examples // 4))
@given(cst.datasets(max_per_kind=3))
def test_generated_datasets_cannot_be_changed_through_what_they_hand_out(ds):
    """The same property over generated datasets of every record kind."""
    assert_unchangeable(ds)


def test_the_attack_detects_a_mutable_record():
    """The checker fails on a record that can be changed (so its silence means something)."""

    @attrs.define
    class Loose:
        id: str

    with pytest.raises(pytest.fail.Exception):
        _attack_object("loose", Loose(id="a"))


def test_collections_refuse_assignment_and_their_index_is_read_only():
    """A Collection takes no new attributes and its id index is a read-only mapping."""
    coll = cs.load().countries
    with pytest.raises(AttributeError, match="immutable"):
        coll.kind = "x"
    with pytest.raises(TypeError):
        coll._by_id["kz"] = None  # the private index too
    with pytest.raises(AttributeError, match="immutable"):
        del coll._records  # could be deleted before Collection.__delattr__


def test_problems_and_errors_are_frozen():
    """A DatasetError's problems are a tuple of frozen Problems."""
    error = cs.DatasetError([cs.Problem(file="a.json", message="m")])
    assert isinstance(error.problems, tuple)
    with pytest.raises(AttributeError):
        error.problems[0].message = "changed"


def _fresh_bundled() -> cs.Dataset:
    """A dataset equal to the bundled one but not shared with other tests."""
    return cs.load(_bundled_copy_dir())


def _attack_json(value: Any) -> None:
    """Mutate every list and dict inside a JSON-like value."""
    if isinstance(value, dict):
        for item in list(value.values()):
            _attack_json(item)
        value["intruder"] = 1
    elif isinstance(value, list):
        for item in value:
            _attack_json(item)
        value.append("intruder")


def test_popolo_export_is_a_fresh_document_each_time():
    """Mutating a to_popolo() document changes neither the dataset nor the next export."""
    ds = _fresh_bundled()
    before, first = snapshot(ds), json.dumps(ds.to_popolo(), sort_keys=True)
    _attack_json(ds.to_popolo())
    assert json.dumps(ds.to_popolo(), sort_keys=True) == first
    assert snapshot(ds) == before


def test_pandas_exports_are_copies():
    """Mutating DataFrames from to_pandas() (dataset or collection) changes nothing."""
    pytest.importorskip("pandas")  # in the test extra; skipped only outside it
    ds = _fresh_bundled()
    before = snapshot(ds)
    pristine = {name: frame.copy(deep=True) for name, frame in ds.to_pandas().items()}
    statements = ds.statements.to_pandas().copy(deep=True)
    for frame in [*ds.to_pandas().values(), ds.statements.to_pandas()]:
        if len(frame):
            frame.iloc[0, 0] = None
        frame["intruder"] = 1

    again = ds.to_pandas()
    assert sorted(again) == sorted(pristine)
    for name, frame in pristine.items():
        assert again[name].equals(frame), name
    assert ds.statements.to_pandas().equals(statements)
    assert snapshot(ds) == before
