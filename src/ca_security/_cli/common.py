"""What every command shares: loading, output options, emitting records and rows."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .._dataset.dataset import Dataset
from .text import escape, table

__all__ = [
    "Columns",
    "UsageError",
    "add_output_options",
    "emit_records",
    "emit_rows",
    "load",
    "message_of",
    "positive",
    "print_json",
    "write_csv",
]

Columns = Sequence[tuple[str, Callable[[Any], Any]]]
OUTPUT_FORMATS = ("table", "json", "jsonl", "csv")


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit code 2)."""


def message_of(error: BaseException) -> str:
    """An error's message as written: a bare ``KeyError`` quotes its whole message, others do not."""
    if type(error) is KeyError and len(error.args) == 1:
        return str(error.args[0])
    return str(error)


def load(args: argparse.Namespace) -> Dataset:
    """The dataset of ``--data`` (files up to ``--max-file-bytes``), or the bundled one."""
    from .._load.reading import load as load_dataset

    return load_dataset(args.data, max_file_bytes=args.max_file_bytes)


def positive(text: str) -> int:
    """An ``argparse`` type: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def add_output_options(parser: argparse.ArgumentParser, *, limit: bool = True) -> None:
    """``--format`` (table, json, jsonl, csv) and ``--limit N``."""
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default="table",
        help="output: an aligned table (default), or json, jsonl, csv for other programs",
    )
    if limit:
        parser.add_argument("--limit", type=positive, metavar="N", help="show at most N rows")


def print_json(value: Any) -> None:
    """JSON, exact (not escaped): for programs."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def write_csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """CSV on stdout: exact when it goes to a file or a pipe, escaped on a terminal."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
    text = buffer.getvalue()
    sys.stdout.write(escape(text, keep_lines=True) if sys.stdout.isatty() else text)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def emit_rows(
    args: argparse.Namespace, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Rows of plain values as a table, JSON objects (one list or one per line) or CSV."""
    if getattr(args, "limit", None) is not None:
        rows = rows[: args.limit]
    if args.format == "json":
        print_json([dict(zip(header, _json_row(row), strict=True)) for row in rows])
    elif args.format == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(header, _json_row(row), strict=True)), ensure_ascii=False))
    elif args.format == "csv":
        write_csv(header, rows)
    else:
        print(table(header, rows))


def _json_row(row: Sequence[Any]) -> list[Any]:
    return [_json_value(value) for value in row]


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_json_value(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)


def emit_records(
    args: argparse.Namespace, records: Sequence[Any], noun: str, columns: Columns
) -> None:
    """Records as a table of ``columns``, as data-file JSON, or as the CSV export's main table."""
    if args.limit is not None:
        records = records[: args.limit]
    if args.format in ("json", "jsonl"):
        from .._export.json_files import record_to_json

        values = [record_to_json(record) for record in records]
        if args.format == "json":
            print_json(values)
        else:
            for value in values:
                print(json.dumps(value, ensure_ascii=False))
    elif args.format == "csv":
        from .._export.tables import tables_of_kind
        from .._model.kinds import kind_named

        found = tables_of_kind(kind_named(noun), records)[0]
        write_csv(found.column_names, found.rows)
    else:
        header = [name for name, _ in columns]
        print(table(header, [[get(record) for _, get in columns] for record in records]))
