"""Helpers shared by the tests: write a dataset's records as data files.

Private imports: the loader's converter and KINDS, to write records in the exact JSON
the loader reads (the public export writes through the same converter).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ca_security._load.converter import make_converter
from ca_security._model.kinds import KINDS

CONVERTER = make_converter()


def write_dataset(directory: Path, metadata: Any, records: dict[str, tuple[Any, ...]]) -> None:
    """Write metadata and records (kind name -> records) in the data-file format."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "metadata.json").write_text(json.dumps(CONVERTER.unstructure(metadata)), "utf-8")
    for kind in KINDS:
        values = [CONVERTER.unstructure(record) for record in records.get(kind.name, ())]
        (directory / kind.file).write_text(json.dumps(values, ensure_ascii=False), "utf-8")


def bundled_raw() -> dict[str, Any]:
    """The bundled data files as parsed JSON (file name -> value)."""
    from importlib import resources

    data = resources.files("ca_security").joinpath("data")
    return {
        entry.name: json.loads(entry.read_text("utf-8"))
        for entry in data.iterdir()
        if entry.name.endswith(".json")
    }


def write_raw(directory: Path, files: dict[str, Any]) -> None:
    """Write parsed JSON values (file name -> value, or raw ``bytes``) as data files.

    Non-ASCII characters are written as ``\\uXXXX`` escapes, so that lone
    surrogates (which a hand-edited file may hold as escapes) can be written too.
    """
    directory.mkdir(parents=True, exist_ok=True)
    for name, value in files.items():
        raw = value if isinstance(value, bytes) else json.dumps(value).encode("ascii")
        (directory / name).write_bytes(raw)


def field_paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path inside a JSON value, list items as ``[]``: ``/citations[]/source``."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(f"{prefix}/{key}")
            found |= field_paths(item, f"{prefix}/{key}")
    elif isinstance(value, list):
        for item in value:
            found |= field_paths(item, f"{prefix}[]")
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _strings(item)]


def _shortened(value: Any, keep: int) -> Any:
    """``value`` with every list cut to its ``keep`` items with the most fields."""
    if isinstance(value, dict):
        return {key: _shortened(item, keep) for key, item in value.items()}
    if isinstance(value, list):
        richest = sorted(range(len(value)), key=lambda i: (-len(field_paths(value[i])), i))
        return [_shortened(value[i], keep) for i in sorted(richest[:keep])]
    return value


def bundled_sample(keep: int = 2) -> dict[str, Any]:
    """A small, valid part of the bundled data files, with every field they use.

    Chosen without chance, so every run fuzzes the same records: every list in
    a record is cut to its ``keep`` items with the most fields; then, for each
    data file, the fewest records that between them have every field path of
    that file's records; then every record they refer to (any string that is
    the id of a record), and every record those refer to, and so on. The
    loader's rules only relate records through references, so the result
    loads (``tests/test_fuzz_loader.py`` checks it and that every field path
    of the bundled data is in it).
    """
    raw = bundled_raw()
    names = sorted(name for name in raw if name != "metadata.json")
    short = {record["id"]: _shortened(record, keep) for name in names for record in raw[name]}

    def references(record: dict[str, Any]) -> set[str]:
        return {
            text for key, item in record.items() if key != "id" for text in _strings(item)
        } & short.keys()

    chosen: set[str] = set()
    for name in names:
        records = [short[record["id"]] for record in raw[name]]
        wanted = set().union(*map(field_paths, records))
        covered: set[str] = set()
        while covered != wanted:
            best = max(records, key=lambda r: (len(field_paths(r) - covered), -len(references(r))))
            chosen.add(best["id"])
            covered |= field_paths(best)
    waiting = sorted(chosen)
    while waiting:
        for found in references(short[waiting.pop()]) - chosen:
            chosen.add(found)
            waiting.append(found)
    sample: dict[str, Any] = {"metadata.json": raw["metadata.json"]}
    for name in names:
        sample[name] = [short[record["id"]] for record in raw[name] if record["id"] in chosen]
    return sample
