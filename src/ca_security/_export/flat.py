"""Flat tables for spreadsheets: one row per statement and per summit, ids replaced by names.

The normalised tables (:mod:`._tables`) keep one value per cell and link
tables for lists; these two tables put what a reader needs on one row, with
lists joined by ``"; "``. :meth:`Dataset.to_pandas` with ``flat=True`` gives
them exact; :func:`write_flat_csv` (``ca-security export --flat``) writes them
as CSV for spreadsheets: UTF-8 with a byte-order mark, and cells that a
spreadsheet would read as a formula neutralised by a leading ``'``.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._model.enums import RenderingKind
from .._model.flags import require_bool
from .atomic import write_directory
from .tables import Column, Table

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["FORMULA_STARTS", "SEPARATOR", "flat_tables", "neutralise", "write_flat_csv"]

#: What joins the items of a list in one cell.
SEPARATOR = "; "
#: The first characters that make a spreadsheet read a cell as a formula (or a command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_STATEMENT_COLUMNS = (
    "id",
    "date",
    "speaker",
    "speaker_country",
    "kind",
    "occasion",
    "topics",
    "mentions",
    "outlets",
    "quote",
    "quoted_by",
    "text",
)
_SUMMIT_COLUMNS = ("id", "start", "end", "name", "place", "participants", "documents")


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when it starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR).

    Examples:
        >>> print(neutralise("=SUM(A1:A9)"))
        '=SUM(A1:A9)
        >>> neutralise("Astana")
        'Astana'

    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _name(ds: Dataset, record_id: str | None) -> str | None:
    """The display name of a record, or its id when no record has it."""
    if record_id is None:
        return None
    record = ds.get(record_id)
    if record is None:
        return record_id
    for attribute in ("name", "title", "publisher"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return str(record_id)


def _joined(values: Iterable[str | None]) -> str | None:
    items = list(dict.fromkeys(value for value in values if value))
    return SEPARATOR.join(items) if items else None


def _outlet(ds: Dataset, source_id: str) -> str:
    source = ds.sources.get(source_id)
    if source is None:
        return source_id
    return str(source.publisher or source.title or source.id)


def _statement_row(ds: Dataset, statement: Any) -> tuple[str | None, ...]:
    speaker = ds.officials.get(statement.speaker)
    summit = None if statement.summit is None else ds.summits.get(statement.summit)
    quoted = next(
        (c for c in statement.citations if c.rendering is RenderingKind.QUOTED and c.excerpt),
        None,
    )
    return (
        statement.id,
        None if statement.date is None else statement.date.isoformat(),
        _name(ds, statement.speaker),
        None if speaker is None else _name(ds, speaker.country),
        statement.kind.value,
        None if summit is None else summit.name,
        _joined(_name(ds, topic) for topic in statement.topics),
        _joined(_name(ds, mention) for mention in statement.mentions),
        _joined(_outlet(ds, citation.source) for citation in statement.citations),
        None if quoted is None else quoted.excerpt,
        None if quoted is None else _outlet(ds, quoted.source),
        statement.text,
    )


def _participant(ds: Dataset, part: Any) -> str:
    who = _name(ds, part.person or part.organization or part.country) or part.title or "?"
    details = [_name(ds, part.country)] if part.country and part.country != who else []
    details.append(part.role.value)
    return f"{who} ({', '.join(d for d in details if d)})"


def _summit_row(ds: Dataset, summit: Any) -> tuple[str | None, ...]:
    return (
        summit.id,
        None if summit.start is None else summit.start.isoformat(),
        None if summit.end is None else summit.end.isoformat(),
        summit.name,
        summit.place_name or _name(ds, summit.place),
        _joined(_participant(ds, part) for part in summit.participants),
        _joined(_name(ds, document) for document in summit.documents),
    )


def _table(name: str, columns: tuple[str, ...], rows: list[tuple[str | None, ...]]) -> Table:
    described = tuple(Column(column, "string", required=column == "id") for column in columns)
    return Table(name, described, ("id",), (), tuple(rows))


def flat_tables(ds: Dataset) -> list[Table]:
    """The flat ``statements`` and ``summits`` tables of a dataset, every cell a string or ``None``.

    Statements: id, date (ISO, at its precision), speaker (name),
    speaker_country, kind, occasion (the summit's name), topics, mentions
    (names), outlets (the publishers that report it), quote and quoted_by
    (the first rendering that quotes the speaker, and its publisher), text.
    Summits: id, start, end, name, place (as named at the time),
    participants (``name (country, role)``), documents. Lists are joined by
    ``"; "``.
    """
    return [
        _table("statements", _STATEMENT_COLUMNS, [_statement_row(ds, s) for s in ds.statements]),
        _table("summits", _SUMMIT_COLUMNS, [_summit_row(ds, s) for s in ds.summits]),
    ]


def write_flat_csv(
    ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write ``statements.csv`` and ``summits.csv`` for spreadsheets (``ca-security export --flat``).

    UTF-8 with a byte-order mark (so that Excel reads the accents), CRLF line
    ends, and every cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
    a carriage return prefixed with ``'`` so that no spreadsheet runs it as a
    formula. For exact values, use the CSV export or ``to_pandas(flat=True)``.
    """
    require_bool("overwrite", overwrite)

    def fill(target: Path) -> None:
        for table in flat_tables(ds):
            path = target / f"{table.name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(table.column_names)
                writer.writerows([neutralise(cell or "") for cell in row] for row in table.rows)

    return write_directory(directory, fill, export_format="flat-csv", overwrite=overwrite)
