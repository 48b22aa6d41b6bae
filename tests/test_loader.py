"""Loading: the bundled data, user directories, validation and the cache.

Private import (in a subprocess only): the reading module, to see that importing reads
no data (its cache is still empty).
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ca_security as cs
from ca_security.testing import strategies as cst
from helpers import bundled_raw, write_dataset, write_raw


def test_load_returns_the_same_object():
    """Repeat calls return the one cached bundled dataset."""
    assert cs.load() is cs.load()


def test_bundled_version_matches_the_package_constant():
    """metadata.json and DATASET_VERSION agree."""
    assert cs.load().version == cs.DATASET_VERSION


def test_import_reads_no_data_and_imports_no_heavy_module():
    """Importing ca_security and its loader reads no data and imports no cattrs or dateutil."""
    code = (
        "import sys, ca_security, ca_security._load.reading as l;"
        "heavy = [m for m in ('cattrs', 'dateutil') if m in sys.modules];"
        "print(heavy, l._read_bundled.cache_info().currsize == 0)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "[] True"


def test_first_use_from_many_threads_builds_one_dataset():
    """16 threads asking for the data in a cold process all get the same object."""
    code = """
import threading, ca_security
seen = []
barrier = threading.Barrier(16)
def work():
    barrier.wait()
    seen.append(id(ca_security.load()))
threads = [threading.Thread(target=work) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(len(seen), len(set(seen)))
"""
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "16 1"


def test_the_bundled_slice_holds_the_16_may_meeting():
    """The 16 May 2024 Astana meeting, with Tokayev as host, is in the bundled data."""
    ds = cs.load()
    meeting = ds.summits["sc-secretaries-2024-05-16-astana"]
    assert cs.PartialDate(2024, 5, 16) == meeting.start
    hosts = [p.person for p in meeting.participants if p.role is cs.Role.HOST]
    assert hosts == ["kassym-jomart-tokayev"]


def test_dataset_get_finds_any_kind_and_collections_raise_keyerror():
    """ds.get finds a record of any kind; coll[id] raises a KeyError that suggests ids."""
    ds = cs.load()
    assert ds.countries["kz"] is ds.get("kz")
    assert ds.get("no-such-id") is None
    with pytest.raises(KeyError, match="kassym-jomart-tokayev"):
        ds.officials["kassym-jomart-tokayv"]
    with pytest.raises(cs.RecordNotFoundError):
        ds["no-such-record"]


def test_records_iterate_in_canonical_order():
    """Reference kinds iterate by id; statements by date (a coarser date first), then id."""
    ds = cs.load()
    assert sorted(ds.officials.ids) == list(ds.officials.ids)
    coarse_first = {"year": 0, "month": 1, "day": 2}
    keys = [
        (s.date.earliest, coarse_first[s.date.precision], s.id) if s.date else None
        for s in ds.statements
    ]
    dated = [k for k in keys if k is not None]
    assert sorted(dated) == dated
    assert all(k is None for k in keys[len(dated) :]), "undated statements come last"


def _broken_copy(tmp_path: Path, edit) -> Path:
    files = copy.deepcopy(bundled_raw())
    edit(files)
    write_raw(tmp_path, files)
    return tmp_path


def test_dangling_reference_names_file_record_and_field(tmp_path):
    """A statement whose speaker does not exist is rejected with file, record and field."""

    def edit(files):
        files["statements.json"][0]["speaker"] = "nobody-at-all"

    directory = _broken_copy(tmp_path, edit)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(directory)
    record = bundled_raw()["statements.json"][0]["id"]
    assert [("statements.json", record, "speaker")] == [
        (p.file, p.record, p.field) for p in caught.value.problems
    ]
    assert "statements.json" in str(caught.value)


def test_every_problem_is_listed(tmp_path):
    """Several problems in several files are all reported in one DatasetError."""

    def edit(files):
        files["statements.json"][0]["summit"] = "no-such-summit"
        files["officials.json"][0]["country"] = "zz"
        files["summits.json"][0]["citations"][0]["source"] = "no-such-source"

    with pytest.raises(cs.DatasetError) as caught:
        cs.load(_broken_copy(tmp_path, edit))
    found = {(p.file, p.field) for p in caught.value.problems}
    assert {
        ("statements.json", "summit"),
        ("officials.json", "country"),
        ("summits.json", "citations[0].source"),
    } <= found


def _at_summit(files):
    """The first statement said at a summit (its date is bound by the summit's)."""
    return next(s for s in files["statements.json"] if s.get("summit"))


@pytest.mark.parametrize(
    ("edit", "file", "field"),
    [
        (lambda f: _at_summit(f).update(date="2023-01-01"), "statements.json", "date"),
        (lambda f: _at_summit(f).update(date="2030-01-01"), "statements.json", "date"),
        (lambda f: f["statements.json"][0].update(bogus=1), "statements.json", "bogus"),
        (lambda f: f["statements.json"][0].update(kind="rumour"), "statements.json", "kind"),
        (
            lambda f: f["officials.json"].append(dict(f["officials.json"][0])),
            "officials.json",
            "id",
        ),
        (lambda f: f["metadata.json"].pop("dataset_version"), "metadata.json", "dataset_version"),
        (lambda f: f.update({"extra.json": []}), "extra.json", None),
    ],
)
def test_rule_violations_are_located(tmp_path, edit, file, field):
    """Dates outside the summit or after publication, unknown keys and values, duplicates."""
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(_broken_copy(tmp_path, edit))
    assert (file, field) in {(p.file, p.field) for p in caught.value.problems}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[{", "not valid JSON"),
        (b"\xff\xfe[]", "not UTF-8"),
        (b"{}", "expected an array"),
        (b"[1]", "expected an object"),
    ],
)
def test_unreadable_files_are_problems(tmp_path, content, message):
    """Truncated, non-UTF-8 and wrongly shaped files raise DatasetError naming the file."""
    write_raw(tmp_path, bundled_raw())
    (tmp_path / "statements.json").write_bytes(content)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert caught.value.problems[0].file == "statements.json"
    assert message in caught.value.problems[0].message


def test_missing_directory_raises_filenotfound(tmp_path):
    """A path that is not a directory raises FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        cs.load(tmp_path / "nope")


def test_metadata_is_required(tmp_path):
    """A directory without metadata.json is not a dataset; the error says what to add."""
    with pytest.raises(cs.DatasetError, match=r"metadata\.json") as raised:
        cs.load(tmp_path)
    assert '{"dataset_version": "1"}' in str(raised.value)
    (tmp_path / "metadata.json").write_text('{"dataset_version": "1"}', encoding="utf-8")
    assert cs.load(tmp_path).metadata.dataset_version == "1"


def test_a_copy_of_the_bundled_data_loads_equal(tmp_path):
    """The bundled files copied to a directory load into an equal dataset."""
    write_raw(tmp_path, bundled_raw())
    assert cs.load() == cs.load(tmp_path)


def generated_dataset_loads_equal_to_what_was_generated(pair):
    """Any generated valid dataset, written and loaded, equals the records it came from."""
    metadata, records = pair
    with tempfile.TemporaryDirectory() as name:
        write_dataset(Path(name), metadata, records)
        assert cs.Dataset.from_records(metadata, records) == cs.load(name)


#: The top-level fields that hold one id of another record, per kind, written
#: out here from the data dictionary rather than taken from the field
#: declarations (which is what the test checks).
_SINGLE_REFERENCES = {
    "sources": ("origin",),
    "places": ("country",),
    "organizations": ("country", "parent"),
    "topics": ("parent",),
    "posts": ("organization", "country"),
    "officials": ("country",),
    "summits": ("series", "place", "host_country"),
    "statements": ("speaker", "summit", "document"),
    "figures": ("speaker", "statement", "incident"),
    "initiatives": ("proposer",),
}


def _records_with_references(records):
    """(kind, index, field) of every top-level single-id reference that is set."""
    return [
        (kind, index, field)
        for kind, values in records.items()
        for index, record in enumerate(values)
        for field in _SINGLE_REFERENCES.get(kind, ())
        if getattr(record, field) is not None
    ]


def one_broken_reference_is_rejected_naming_the_record(pair, data):
    """Breaking one reference in a valid dataset makes loading fail on that record and field."""
    metadata, records = pair
    candidates = _records_with_references(records)
    assume(candidates)
    kind, index, field = data.draw(st.sampled_from(candidates))
    broken = list(records[kind])
    broken[index] = attrs.evolve(broken[index], **{field: "dangling-reference-x"})
    with tempfile.TemporaryDirectory() as name:
        write_dataset(Path(name), metadata, {**records, kind: tuple(broken)})
        with pytest.raises(cs.DatasetError) as caught:
            cs.load(name)
    assert (broken[index].id, field) in {(p.record, p.field) for p in caught.value.problems}


def one_duplicated_id_is_rejected_naming_the_record(pair, data):
    """Giving a record the id of another makes loading fail naming that id."""
    metadata, records = pair
    kinds = [kind for kind, values in records.items() if values]
    kind = data.draw(st.sampled_from(kinds))
    copy_of = records[kind][0]
    with tempfile.TemporaryDirectory() as name:
        write_dataset(Path(name), metadata, {**records, kind: (*records[kind], copy_of)})
        with pytest.raises(cs.DatasetError) as caught:
            cs.load(name)
    assert (copy_of.id, "id") in {(p.record, p.field) for p in caught.value.problems}


@given(cst.dataset_records(), st.data())
def test_generated_datasets_load_and_a_break_is_named(pair, data):
    """The three properties above, on each generated dataset (making a dataset costs
    far more than checking them, so one dataset serves all three)."""
    generated_dataset_loads_equal_to_what_was_generated(pair)
    one_broken_reference_is_rejected_naming_the_record(pair, data)
    one_duplicated_id_is_rejected_naming_the_record(pair, data)


def test_load_from_many_threads_on_a_directory(tmp_path):
    """Loading a directory from several threads at once gives equal datasets."""
    write_raw(tmp_path, bundled_raw())
    results = []
    threads = [threading.Thread(target=lambda: results.append(cs.load(tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result == results[0] for result in results)
