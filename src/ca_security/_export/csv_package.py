"""CSV files, one per table, described by a Frictionless ``datapackage.json``."""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._model.flags import require_bool
from .atomic import write_directory
from .tables import Column, Table, tables

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["DESCRIPTOR", "datapackage", "to_csv"]

#: The file name of the Data Package descriptor.
DESCRIPTOR = "datapackage.json"


def to_csv(dataset: Dataset, directory: str | os.PathLike[str], *, overwrite: bool) -> Path:
    """Write one CSV file per table and ``datapackage.json``; see :meth:`Dataset.to_csv`."""
    require_bool("overwrite", overwrite)
    found = tables(dataset)

    def fill(target: Path) -> None:
        for table in found:
            _write_table(target / f"{table.name}.csv", table)
        descriptor = datapackage(dataset, found)
        text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        (target / DESCRIPTOR).write_text(text, "utf-8")

    return write_directory(directory, fill, export_format="csv", overwrite=overwrite)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _write_table(path: Path, table: Table) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows([_cell(value) for value in row] for row in table.rows)


def datapackage(dataset: Dataset, found: list[Table]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV export."""
    metadata = dataset.metadata
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": _package_name(metadata.title),
        "version": metadata.dataset_version,
    }
    if metadata.title is not None:
        descriptor["title"] = metadata.title
    if metadata.description is not None:
        descriptor["description"] = metadata.description
    if metadata.license is not None:
        descriptor["licenses"] = [{"name": metadata.license}]
    descriptor["resources"] = [_resource(table) for table in found]
    return descriptor


def _package_name(title: str | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")
    return slug or "ca-security"


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {"resource": key.table, "fields": list(key.target_columns)},
            }
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.type == "date":
        field["format"] = "default"
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum is not None:
        constraints["enum"] = list(column.enum)
    if column.pattern is not None:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field
