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
