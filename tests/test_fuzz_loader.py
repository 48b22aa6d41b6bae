"""Fuzzing the loader: hostile data files either load into a valid dataset or fail cleanly.

The property (see :func:`_hostile.load_or_fail_cleanly`): ``load(path)`` returns a
dataset that round-trips and passes validation, or raises ``DatasetError`` whose
problems name the file, record and field; never any other exception.

The cases mutate a small, valid sample of the bundled data
(:func:`helpers.bundled_sample`: 173 of its 1,560 records, with every field path
the bundled files use), not the whole of it: each case costs a load, and the
loader's contract does not depend on how many records sit beside the broken one.

The number of cases scales with the Hypothesis profile (``tests/_profiles.py``):
the default ``ci`` profile runs 100 cases a test, 400 in all; the ``deep``
profile (CI's coverage step) runs 800 + 800 + 300 + 300 = 2,200; ``FAST=1``
runs 10 a test.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from _hostile import DATA_FILES, ODD_STRINGS, load_or_fail_cleanly
from _profiles import cases
from helpers import bundled_raw, bundled_sample, field_paths, write_raw

_BUNDLED = bundled_sample()

#: Scalars that are wrong in most places: wrong types, edge numbers, odd strings.
odd_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**31, 2**63, 10**30, -(10**30)]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -0.0, 0.5]),
    st.text(max_size=20),
    st.sampled_from(ODD_STRINGS),
)

#: Any JSON value, favouring the odd.
json_values = st.recursive(
    odd_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.sampled_from(ODD_STRINGS)), children, max_size=4
        ),
    ),
    max_leaves=12,
)

_DATE_KEYS = {
    "date",
    "start",
    "end",
    "published",
    "created",
    "since",
    "until",
    "period_start",
    "period_end",
    "born",
    "died",
}


def _nested(depth: int) -> Any:
    value: Any = "bottom"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) pair inside ``value``: each place a mutation can hit."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        keys = (
            list(item)
            if isinstance(item, dict)
            else range(len(item))
            if isinstance(item, list)
            else []
        )
        for key in keys:
            found.append((item, key))
            stack.append(item[key])
    return found


def _all_ids(files: dict[str, Any]) -> list[str]:
    return sorted(
        record["id"]
        for name, records in files.items()
        if name != "metadata.json"
        for record in records
        if isinstance(record, dict) and isinstance(record.get("id"), str)
    )


@st.composite
def mutations(draw: st.DrawFn) -> dict[str, Any]:
    """The sample of the bundled files with one to three mutations, each in a record of a data file."""
    files = copy.deepcopy(_BUNDLED)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(DATA_FILES))
        holder = files[name]
        if isinstance(holder, list):
            if not holder:
                holder.append(draw(json_values))
                continue
            index = draw(st.integers(0, len(holder) - 1))
            _mutate_record(draw, files, holder, index)
        else:
            _mutate_record(draw, files, files, name)
    return files


def _mutate_record(draw: st.DrawFn, files: dict[str, Any], holder: Any, key: Any) -> None:
    record = holder[key]
    slots = _slots(record) or [(holder, key)]
    container, slot = draw(st.sampled_from(slots))
    operation = draw(
        st.sampled_from(
            [
                "drop",
                "extra",
                "replace",
                "odd",
                "dangling",
                "duplicate",
                "date",
                "deep",
                "huge",
                "copy",
            ]
        )
    )
    if operation == "drop":
        del container[slot]
    elif operation == "extra" and isinstance(container, dict):
        container[
            draw(st.sampled_from(["extra", "Id", "note", "citation", "\u202e", "\ud800"]))
        ] = draw(json_values)
    elif operation == "replace":
        container[slot] = draw(json_values)
    elif operation == "odd":
        container[slot] = draw(st.sampled_from(ODD_STRINGS))
    elif operation == "dangling":
        references = [(c, k) for c, k in slots if isinstance(c[k], str) and c[k] in _all_ids(files)]
        target, where = draw(st.sampled_from(references or [(container, slot)]))
        target[where] = draw(st.sampled_from(["no-such-record", "kz-", "KZ", ""]))
    elif operation == "duplicate" and isinstance(record, dict):
        record["id"] = draw(st.sampled_from(_all_ids(files) or ["x"]))
    elif operation == "date":
        dated = [(c, k) for c, k in slots if k in _DATE_KEYS] or [(container, slot)]
        target, where = draw(st.sampled_from(dated))
        target[where] = draw(
            st.sampled_from(
                [
                    "2024-02-30",
                    "2023-02-29",
                    "2024-00",
                    "2024-13-01",
                    "0000",
                    "24-05-16",
                    "2024/05/16",
                    "May 2024",
                    "2024-05-16T00:00",
                    "9999-12-31",
                    "0001-01-01",
                    "٢٠٢٤",
                    "2024\n",
                    20240516,
                ]
            )
        )
    elif operation == "deep":
        container[slot] = _nested(draw(st.integers(5, 60)))
    elif operation == "huge":
        container[slot] = draw(st.sampled_from(["x" * 200_000, "é" * 50_000, "\u202e" * 10_000]))
    elif operation == "copy" and isinstance(holder, list):
        holder.append(json.loads(json.dumps(record)))  # an exact duplicate record
    else:
        container[slot] = None


def test_the_sample_loads_and_has_every_field_of_the_bundled_data() -> None:
    """The fuzzed sample is valid, and a mutation can reach every field the bundled data use."""
    with tempfile.TemporaryDirectory() as name:
        write_raw(Path(name), _BUNDLED)
        assert load_or_fail_cleanly(Path(name), _BUNDLED) is not None
    for name, records in bundled_raw().items():
        assert field_paths(records) == field_paths(_BUNDLED[name]), name
        if records:
            assert _BUNDLED[name], name


def _check(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as name:
        write_raw(Path(name), files)
        load_or_fail_cleanly(Path(name), files)


@settings(max_examples=cases(800))
@given(mutations())
def test_mutated_bundled_data_loads_or_fails_cleanly(files: dict[str, Any]) -> None:
    _check(files)


@settings(max_examples=cases(800))
@given(st.sampled_from(DATA_FILES), json_values)
def test_any_json_value_in_any_file_loads_or_fails_cleanly(name: str, value: Any) -> None:
    files = copy.deepcopy(_BUNDLED)
    files[name] = value
    _check(files)


@settings(max_examples=cases(300))
@given(st.sampled_from(DATA_FILES), st.data())
def test_truncated_files_fail_cleanly(name: str, data: st.DataObject) -> None:
    files: dict[str, Any] = copy.deepcopy(_BUNDLED)
    raw = json.dumps(files[name], indent=1, ensure_ascii=False).encode("utf-8")
    files[name] = raw[: data.draw(st.integers(0, len(raw) - 1))]
    _check(files)


@settings(max_examples=cases(300))
@given(st.sampled_from(DATA_FILES), st.data())
def test_bytes_that_are_not_utf8_fail_cleanly(name: str, data: st.DataObject) -> None:
    files: dict[str, Any] = copy.deepcopy(_BUNDLED)
    raw = json.dumps(files[name], indent=1, ensure_ascii=False).encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    junk = data.draw(
        st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe9t\xe9", b"\x00", b"\xef\xbb\xbf"])
    )
    files[name] = raw[:at] + junk + raw[at:]
    _check(files)
