"""Loading within bounds: the file-size limit a caller may raise, reading without reserving
the limit, records made one at a time in canonical order, and the depth scan.

Private imports: the reading helpers (``_read_path``, ``_read_at_most``), the streaming
module and the depth scan are internal; they are tested against oracles written here.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import tracemalloc
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security as cs
from ca_security._load.fast import NotFast, make_structurer
from ca_security._load.json_text import decoder, nested_deeper
from ca_security._load.reading import _read_at_most, _read_path
from ca_security._load.streaming import element_offsets, records_in_order
from ca_security._model.kinds import KINDS, kind_named
from ca_security.testing import strategies as cst
from helpers import CONVERTER, write_dataset

# -- max_file_bytes ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["5", 5.0, True, None])
def test_max_file_bytes_must_be_an_integer(tmp_path, value: Any) -> None:
    with pytest.raises(TypeError, match="max_file_bytes must be an integer number of bytes"):
        cs.load(tmp_path, max_file_bytes=value)


@pytest.mark.parametrize("value", [0, -1])
def test_max_file_bytes_must_be_positive(tmp_path, value: int) -> None:
    with pytest.raises(ValueError, match=f"max_file_bytes must be at least 1, got {value}"):
        cs.load(tmp_path, max_file_bytes=value)


def test_max_file_bytes_is_keyword_only(tmp_path) -> None:
    with pytest.raises(TypeError):
        cs.load(tmp_path, 100)  # type: ignore[misc]


def test_a_raised_limit_reads_a_file_past_the_default(tmp_path) -> None:
    """A file over the default limit loads when the caller raises it (sparse: no disk)."""
    (tmp_path / "metadata.json").write_text('{"dataset_version": "1"}', "utf-8")
    size = cs.MAX_FILE_BYTES + 10
    (tmp_path / "topics.json").write_bytes(b"[]" + b" " * (size - 2))
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert caught.value.problems[0].message == (
        "file is larger than the 67,108,864-byte limit; "
        "pass load(path, max_file_bytes=...) or ca-security --max-file-bytes to read larger files"
    )
    assert len(cs.load(tmp_path, max_file_bytes=size).topics) == 0


# -- reading without reserving the limit -----------------------------------------------


def test_reading_a_small_file_reserves_no_buffer_of_the_limit(tmp_path) -> None:
    (tmp_path / "topics.json").write_bytes(b"[]")
    tracemalloc.start()
    try:
        assert _read_path(tmp_path, "topics.json", 10**12) == b"[]"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_a_file_that_reports_no_size_is_read_whole() -> None:
    """``/proc`` files report size 0; they are read to their end all the same."""
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    with open("/proc/self/status", "rb", buffering=0) as handle:
        data = _read_at_most(handle, 10**9)
    assert data.startswith(b"Name:") and data.endswith(b"\n")


@given(size=st.integers(0, 300_000), most=st.integers(1, 300_000))
def test_reading_stops_at_the_end_or_at_most(tmp_path_factory, size: int, most: int) -> None:
    """Oracle: the first ``min(size, most)`` bytes of the file; from a pipe (no size) too."""
    content = random.Random(size).randbytes(size)
    path = tmp_path_factory.mktemp("read") / "file"
    path.write_bytes(content)
    with path.open("rb", buffering=0) as handle:
        assert _read_at_most(handle, most) == content[:most]
    reader, writer = os.pipe()
    try:
        os.write(writer, content[:60_000])  # within a pipe's buffer
        os.close(writer)
        with os.fdopen(reader, "rb", buffering=0) as handle:
            assert _read_at_most(handle, most) == content[:60_000][:most]
    finally:
        for descriptor in (reader, writer):
            with contextlib.suppress(OSError):
                os.close(descriptor)


# -- canonical order -------------------------------------------------------------------


def _oracle_key(record: Any, field: str | None) -> tuple[Any, ...]:
    """The documented order, written out: undated last, then first day, coarser first, then id."""
    if field is None:
        return (record.id,)
    date = getattr(record, field)
    if date is None:
        return (1, 0, 0, 0, 0, record.id)
    precision = 0 if date.month is None else 1 if date.day is None else 2
    return (0, date.year, date.month or 1, date.day or 1, precision, record.id)


@given(cst.dataset_records(), st.randoms(use_true_random=False))
def test_shuffled_files_load_in_the_documented_order(tmp_path_factory, pair, rng) -> None:
    """Whatever the order of the files, each collection is in the documented order."""
    metadata, records = pair
    shuffled = {name: rng.sample(list(values), len(values)) for name, values in records.items()}
    directory = tmp_path_factory.mktemp("shuffled")
    write_dataset(directory, metadata, {name: tuple(v) for name, v in shuffled.items()})
    ds = cs.load(directory)
    for kind in KINDS:
        expected = sorted(records[kind.name], key=lambda r: _oracle_key(r, kind.dated_by))
        assert tuple(getattr(ds, kind.name)) == tuple(expected), kind.name


@given(st.lists(cst.statements(), max_size=12, unique_by=lambda s: s.id))
def test_records_are_made_in_canonical_order(statements: list[Any]) -> None:
    """The records come out of the fast path in the order they are made: canonical order."""
    kind = kind_named("statements")
    text = json.dumps([CONVERTER.unstructure(record) for record in statements])
    structurer = make_structurer()
    made, offsets = records_in_order(
        kind, text, structurer(kind.type), decoder().raw_decode, structurer(cs.PartialDate)
    )
    assert offsets is not None
    assert [record.id for record in made] == [
        record.id for record in sorted(statements, key=lambda r: _oracle_key(r, "date"))
    ]
    assert sorted(offsets) == [at for at, _ in element_offsets(text, json.JSONDecoder().raw_decode)]


def test_an_unrankable_element_keeps_the_file_order() -> None:
    kind = kind_named("statements")
    structurer = make_structurer()

    def structure(value: Any) -> Any:
        return value

    text = json.dumps([{"id": "b"}, {"id": "a", "date": "not a date"}, ["x"]])
    made, offsets = records_in_order(
        kind, text, structure, decoder().raw_decode, structurer(cs.PartialDate)
    )
    assert offsets is None
    assert made == tuple(json.loads(text))


@pytest.mark.parametrize("text", ["{}", "[1] 2", "[1,]", "[1 2]", "", "[", '"[]"', "[1]]"])
def test_text_that_is_not_one_array_is_not_fast(text: str) -> None:
    with pytest.raises(NotFast):
        list(element_offsets(text, json.JSONDecoder().raw_decode))


@pytest.mark.parametrize("text", ["[]", " [ ] \n", "[1, [2], {}]\t", "\n[\n1\n,\n2\n]\n"])
def test_arrays_give_their_elements_and_offsets(text: str) -> None:
    found = list(element_offsets(text, json.JSONDecoder().raw_decode))
    assert [value for _, value in found] == json.loads(text)
    assert all(json.JSONDecoder().raw_decode(text, at)[0] == v for at, v in found)


def test_problems_name_records_in_file_order(tmp_path) -> None:
    """A duplicate id is reported at its second place in the file, as the converter would."""
    ds = cs.load()
    records = {name: tuple(collection) for name, collection in ds.collections()}
    last = records["statements"][-1]
    twin = attrs.evolve(last, text=last.text + " Again.")
    records["statements"] = (twin, *records["statements"][:-1], last)
    write_dataset(tmp_path, ds.metadata, records)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert any(
        problem.record == last.id and "duplicate" in problem.message
        for problem in caught.value.problems
    ), caught.value.problems


# -- the depth scan ----------------------------------------------------------------------

_TEXTS = st.text(alphabet='[]{}"\\/abnu ,:\u00e9\U0001f600', max_size=8)
_JSON = st.recursive(
    st.none() | st.integers(-5, 5) | _TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXTS, inner, max_size=3),
    max_leaves=40,
)


def _depth(value: Any) -> int:
    """Oracle: how deeply arrays and objects nest in a Python value."""
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@given(_JSON, st.integers(0, 8), st.booleans(), st.booleans())
def test_the_depth_scan_measures_what_the_parser_nests(value, limit, ascii_only, as_text) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    data: str | bytes = text if as_text else text.encode("utf-8")
    assert nested_deeper(data, limit) == (_depth(value) > limit)


def test_the_depth_scan_refuses_deep_unbalanced_brackets() -> None:
    assert nested_deeper(b"[" * 300, 256)
    assert not nested_deeper(b'["' + b"[" * 300 + b'"]', 256)
    assert nested_deeper(b'["\\\\"' + b"[" * 300, 256)  # the string ends at the quote
