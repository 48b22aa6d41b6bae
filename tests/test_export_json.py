"""The lossless JSON export: load(ds.to_json(dir)) == ds, and safe writing.

Private imports: KINDS (every kind's file) and json_files, whose dump is patched to fail
half-way, to show the writing is atomic.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings

import ca_security as cs
from ca_security._model.kinds import KINDS
from ca_security.testing import strategies as cst
from helpers import CONVERTER, bundled_raw


def test_bundled_dataset_round_trips(tmp_path):
    ds = cs.load()
    out = ds.to_json(tmp_path / "copy")
    assert out == tmp_path / "copy"
    again = cs.load(out)
    assert again == ds
    assert again.metadata == ds.metadata


def test_written_files_hold_the_bundled_records_in_canonical_form(tmp_path):
    """Same file names; each written record is its bundled record, read and written back."""
    out = cs.load().to_json(tmp_path / "copy")
    raw = bundled_raw()
    assert sorted(p.name for p in out.iterdir()) == sorted([*raw, ".ca-security-export"])
    types = {kind.file: kind.type for kind in KINDS}
    for name, value in raw.items():
        written = json.loads((out / name).read_text("utf-8"))
        if name == "metadata.json":
            assert written == value
            continue
        canonical = {
            record["id"]: CONVERTER.unstructure(CONVERTER.structure(record, types[name]))
            for record in value
        }
        assert {record["id"]: record for record in written} == canonical, name


@settings(max_examples=50)
@given(cst.datasets())
def test_generated_datasets_round_trip(tmp_path_factory, ds):
    out = ds.to_json(tmp_path_factory.mktemp("json") / "ds")
    assert cs.load(out) == ds


def test_an_existing_directory_is_not_overwritten_without_overwrite(tmp_path):
    """Nor with it, unless it is an earlier export (see test_export_safety.py)."""
    ds = cs.load()
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(FileExistsError, match="overwrite"):
        ds.to_json(target)
    with pytest.raises(FileExistsError, match="not an export"):
        ds.to_json(target, overwrite=True)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    (target / ".ca-security-export").write_text('{"library": "ca_security"}', "utf-8")
    ds.to_json(target, overwrite=True)
    assert "keep.txt" not in os.listdir(target)
    assert cs.load(target) == ds
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_empty_existing_directory_is_filled(tmp_path):
    cs.load().to_json(tmp_path)
    assert (tmp_path / "metadata.json").is_file()


def test_an_interrupted_export_leaves_nothing_behind(tmp_path, monkeypatch):
    """A failure while writing leaves neither the target nor a temporary directory."""
    from ca_security._export import json_files

    calls = []

    def failing_dump(value):
        calls.append(value)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return json.dumps(value)

    monkeypatch.setattr(json_files, "dump", failing_dump)
    with pytest.raises(KeyboardInterrupt):
        cs.load().to_json(tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_overwrite_keeps_the_old_export(tmp_path, monkeypatch):
    from ca_security._export import json_files

    ds = cs.load()
    target = ds.to_json(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def failing_dump(value):
        raise OSError("disk full")

    monkeypatch.setattr(json_files, "dump", failing_dump)
    with pytest.raises(OSError, match="disk full"):
        ds.to_json(target, overwrite=True)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
