"""The lossless JSON export: the data-file format that :func:`ca_security.load` reads."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._model.flags import require_bool
from .._model.kinds import KINDS
from .atomic import write_directory

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["dump", "record_to_json", "to_json"]

_METADATA = "metadata.json"


def dump(value: Any) -> str:
    """JSON text as the bundled data files are written: UTF-8, two-space indent, final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def record_to_json(record: Any) -> Any:
    """A record (or list of records) as the JSON value the data files hold.

    One converter serves every call: building one costs milliseconds.
    """
    return _converter().unstructure(record)


@functools.cache
def _converter() -> Any:
    from .._load.converter import make_converter

    return make_converter()


def to_json(dataset: Dataset, directory: str | os.PathLike[str], *, overwrite: bool) -> Path:
    """Write ``metadata.json`` and one file per record kind; see :meth:`Dataset.to_json`."""
    require_bool("overwrite", overwrite)
    from .._load.converter import make_converter

    converter = make_converter()

    def fill(target: Path) -> None:
        (target / _METADATA).write_text(dump(converter.unstructure(dataset.metadata)), "utf-8")
        for kind in KINDS:
            records = [converter.unstructure(record) for record in getattr(dataset, kind.name)]
            (target / kind.file).write_text(dump(records), "utf-8")

    return write_directory(directory, fill, export_format="json", overwrite=overwrite)
