"""The bundled data's short path (``_load/bundled.py``) against the checked load.

The oracles are the loader's checked path (``ca_security.load(directory)``,
which structures with the converter and checks every rule) and records made
by the record types' own ``__init__``; neither shares code with the functions
that ``scripts/build_data.py`` writes. Imports private modules because the
short path and its written module are what is under test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security
from ca_security._export.json_files import record_to_json
from ca_security._load import bundled, bundled_records, origins
from ca_security._load.bundled_source import bundled_source
from ca_security._model.kinds import KINDS
from ca_security.testing import strategies as cst

DATA = origins.bundled_directory()


def read_from(directory: Path) -> Any:
    def read(name: str) -> bytes | None:
        path = directory / name
        return path.read_bytes() if path.is_file() else None

    return read


def names_in(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.glob("*.json"))


def test_the_short_path_gives_the_dataset_the_checked_load_gives() -> None:
    trusted = bundled.trusted_dataset(read_from(DATA), names_in(DATA))
    assert trusted is not None
    checked = ca_security.load(DATA)  # a directory: every check, no short path
    assert trusted == checked
    for kind in KINDS:
        assert list(getattr(trusted, kind.name).ids) == list(getattr(checked, kind.name).ids)


def test_the_shipped_module_is_what_the_build_writes_for_the_package_data() -> None:
    # The same comparison as `scripts/build_data.py --check`, so a stale module fails here too.
    expected = bundled_source(bundled.data_digest(read_from(DATA)))
    assert Path(bundled_records.__file__).read_text(encoding="utf-8") == expected


def test_a_fresh_bundled_load_takes_the_short_path() -> None:
    script = textwrap.dedent(
        """
        import sys
        import ca_security
        ds = ca_security.load()
        print(len(ds.statements) > 0)
        print(sorted(name for name in ("cattrs", "ca_security._load.consistency",
              "ca_security._load.fast", "ca_security._load.converter") if name in sys.modules))
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert output[:2] == ["True", "[]"]


@pytest.fixture
def copy_of_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_an_edited_file_takes_the_checked_path(copy_of_data: Path) -> None:
    path = copy_of_data / "countries.json"
    path.write_bytes(path.read_bytes().replace(b'"Kazakhstan"', b'"Kazakhstan "', 1))
    assert bundled.trusted_dataset(read_from(copy_of_data), names_in(copy_of_data)) is None


def test_an_edit_that_breaks_a_rule_is_reported_not_trusted(copy_of_data: Path) -> None:
    path = copy_of_data / "statements.json"
    values = json.loads(path.read_bytes())
    values[0]["speaker"] = "nobody-of-that-name"
    path.write_text(json.dumps(values), encoding="utf-8")
    assert bundled.trusted_dataset(read_from(copy_of_data), names_in(copy_of_data)) is None
    with pytest.raises(ca_security.DatasetError, match="nobody-of-that-name"):
        ca_security.load(copy_of_data)


def test_a_removed_file_or_an_unknown_one_takes_the_checked_path(copy_of_data: Path) -> None:
    (copy_of_data / "figures.json").unlink()
    assert bundled.trusted_dataset(read_from(copy_of_data), names_in(copy_of_data)) is None
    shutil.copy(DATA / "figures.json", copy_of_data / "figures.json")
    assert bundled.trusted_dataset(read_from(copy_of_data), names_in(copy_of_data)) is not None
    (copy_of_data / "extra.json").write_text("[]", encoding="utf-8")
    assert bundled.trusted_dataset(read_from(copy_of_data), names_in(copy_of_data)) is None


def test_a_record_type_changed_since_the_build_takes_the_checked_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_type = KINDS[0].type
    changed = {**bundled_records.FIELDS, record_type: ("id", "a field it no longer has")}
    monkeypatch.setattr(bundled_records, "FIELDS", changed)
    assert bundled.trusted_dataset(read_from(DATA), names_in(DATA)) is None


def test_the_digest_tells_files_apart_by_name_length_and_bytes() -> None:
    files = {"metadata.json": b"{}", "statements.json": b"[]"}
    base = bundled.data_digest(files.get)
    moved = {"metadata.json": b"{}[]", "statements.json": b""}
    absent = {"metadata.json": b"{}"}
    empty = {"metadata.json": b"{}", "statements.json": b""}
    assert len({base, *(bundled.data_digest(f.get) for f in (moved, absent, empty))}) == 4


_RECORDS = st.one_of(
    *(
        strategy()
        for strategy in (
            cst.sources,
            cst.countries,
            cst.places,
            cst.organizations,
            cst.topics,
            cst.series,
            cst.posts,
            cst.officials,
            cst.initiatives,
            cst.summits,
            cst.statements,
            cst.figures,
            cst.incidents,
            cst.metadata,
        )
    )
)


@given(_RECORDS)
def test_the_written_functions_rebuild_any_valid_record_from_its_json(record: Any) -> None:
    structure = bundled_records.structurers()[type(record)]
    assert structure(json.loads(json.dumps(record_to_json(record)))) == record


def test_a_file_that_cannot_be_read_takes_the_checked_path() -> None:
    def read(name: str) -> bytes | None:
        if name == "topics.json":
            raise IsADirectoryError(21, "Is a directory", name)
        return read_from(DATA)(name)

    assert bundled.trusted_dataset(read, names_in(DATA)) is None


@given(st.lists(cst.statements(), max_size=12, unique_by=lambda s: s.id), st.randoms())
def test_the_short_path_sorts_values_as_the_collection_orders_records(
    statements: list[Any], random: Any
) -> None:
    """Sorted JSON values make the records in canonical order (oracle: sorting by hand)."""
    values = [record_to_json(record) for record in statements]
    random.shuffle(values)
    kind = next(kind for kind in KINDS if kind.name == "statements")
    ordered = bundled.in_canonical_order(kind, values)

    def key(record: Any) -> tuple[Any, ...]:
        date = record.date
        if date is None:
            return (1, 0, 0, 0, 0, record.id)
        precision = 0 if date.month is None else 1 if date.day is None else 2
        return (0, date.year, date.month or 1, date.day or 1, precision, record.id)

    assert [value["id"] for value in ordered] == [s.id for s in sorted(statements, key=key)]
