"""A dataset as flat tables: one per record kind, plus link tables for tuples and nested records.

CSV, the Data Package descriptor, pandas and Arrow all start from these
tables. Rules:

- a record kind is a table keyed by ``id`` (``statements``);
- a tuple of ids or strings is a link table keyed by the owner and a
  ``position`` (``statement_topics``: ``statement``, ``position``, ``topic``);
- a tuple of nested records is a child table with the same key and the
  nested record's fields (``statement_citations``); its own tuples become
  grandchildren keyed by the owner, ``citation_position`` ... and ``position``;
- a partial date is three columns: the ISO string at its precision
  (``date``), and the first and last day it stands for (``date_earliest``,
  ``date_latest``) for range queries.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from .._model.dates import PartialDate
from .._model.kinds import KINDS, Kind
from .._model.rules import ID_PATTERN, references
from .fields import FieldInfo, fields_of, singular

__all__ = ["Column", "ForeignKey", "Table", "tables", "tables_of_kind"]

#: The pattern of a partial date's ISO string, for validators outside Python.
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
#: :data:`ca_security._model.rules.ID_PATTERN` in a dialect that every validator reads.
PORTABLE_ID_PATTERN = ID_PATTERN.replace(r"\Z", "$")


@attrs.frozen
class Column:
    """A column of a table.

    Attributes:
        name: The column name.
        type: ``"string"``, ``"integer"``, ``"number"`` or ``"date"`` (Table Schema types).
        required: Whether every row has a value.
        enum: The allowed values of a closed vocabulary.
        pattern: A regular expression every value matches.

    """

    name: str
    type: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None


@attrs.frozen
class ForeignKey:
    """Columns of a table that refer to the key columns of another table."""

    columns: tuple[str, ...]
    table: str
    target_columns: tuple[str, ...]


@attrs.frozen
class Table:
    """A flat table: columns, keys and rows of plain values (str, int, float, date, None)."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(column.name for column in self.columns)


@attrs.frozen
class _Level:
    """Where a record type sits: its table name, key columns and owner table."""

    table: str
    prefix: str
    keys: tuple[Column, ...]
    owner: str | None
    owner_keys: tuple[str, ...]


def tables(dataset: Any) -> list[Table]:
    """Every table of a dataset, record kinds in file order, each followed by its link tables."""
    found: list[Table] = []
    for kind in KINDS:
        found.extend(tables_of_kind(kind, getattr(dataset, kind.name)))
    return found


def tables_of_kind(kind: Kind, records: Iterable[Any]) -> list[Table]:
    """The table of one record kind and its link tables."""
    root = _Level(
        table=kind.name,
        prefix=kind.noun,
        keys=(Column("id", "string", required=True, pattern=PORTABLE_ID_PATTERN),),
        owner=None,
        owner_keys=(),
    )
    rows: dict[str, list[tuple[Any, ...]]] = {}
    layouts: dict[str, tuple[tuple[Column, ...], tuple[str, ...], tuple[ForeignKey, ...]]] = {}
    _layout(kind.type, root, layouts)
    for record in records:
        _fill(record, kind.type, root, (record.id,), rows)
    return [
        Table(name, columns, key, foreign, tuple(rows.get(name, ())))
        for name, (columns, key, foreign) in layouts.items()
    ]


def _child(level: _Level, field: FieldInfo) -> _Level:
    keys: tuple[Column, ...]
    if level.owner is None:
        keys = (Column(level.prefix, "string", required=True, pattern=PORTABLE_ID_PATTERN),)
    else:
        renamed = Column(f"{level.prefix.rsplit('_', 1)[-1]}_position", "integer", required=True)
        keys = (*level.keys[:-1], renamed)
    keys = (*keys, Column("position", "integer", required=True))
    return _Level(
        table=f"{level.prefix}_{field.name}",
        prefix=f"{level.prefix}_{singular(field.name)}",
        keys=keys,
        owner=level.table,
        owner_keys=tuple(column.name for column in level.keys),
    )


def _layout(
    record_type: type,
    level: _Level,
    layouts: dict[str, tuple[tuple[Column, ...], tuple[str, ...], tuple[ForeignKey, ...]]],
) -> None:
    columns = list(level.keys)
    foreign: list[ForeignKey] = []
    if level.owner is not None:
        own = tuple(column.name for column in level.keys[:-1])
        foreign.append(ForeignKey(own, level.owner, level.owner_keys))
    refers_to = references(record_type)
    children: list[tuple[FieldInfo, _Level]] = []
    for field in fields_of(record_type):
        if field.name == "id" and level.owner is None:
            continue
        if field.many:
            children.append((field, _child(level, field)))
            continue
        columns.extend(_value_columns(field.name, field))
        target = _single_target(refers_to.get(field.name))
        if target is not None:
            foreign.append(ForeignKey((field.name,), target, ("id",)))
    key = tuple(column.name for column in level.keys)
    names = [column.name for column in columns]
    if len(set(names)) != len(names):  # pragma: no cover - a model change would show it
        raise AssertionError(f"column names collide in {level.table}: {names}")
    layouts[level.table] = (tuple(columns), key, tuple(foreign))
    for field, child in children:
        if field.is_record:
            _layout(field.type, child, layouts)
            continue
        owner_columns = tuple(column.name for column in child.keys[:-1])
        item = singular(field.name)
        link_foreign = [ForeignKey(owner_columns, level.table, key)]
        target = _single_target(refers_to.get(field.name))
        if target is not None:
            link_foreign.append(ForeignKey((item,), target, ("id",)))
        item_columns = _value_columns(item, attrs.evolve(field, optional=False))
        layouts[child.table] = (
            (*child.keys, *item_columns),
            tuple(column.name for column in child.keys),
            tuple(link_foreign),
        )


def _single_target(targets: Sequence[str] | None) -> str | None:
    if targets is None or len(targets) != 1:
        return None
    target = targets[0]
    return target if any(kind.name == target for kind in KINDS) else None


def _value_columns(name: str, field: FieldInfo) -> list[Column]:
    required = not field.optional
    if field.is_date:
        return [
            Column(name, "string", required=required, pattern=DATE_PATTERN),
            Column(f"{name}_earliest", "date", required=required),
            Column(f"{name}_latest", "date", required=required),
        ]
    if field.is_enum:
        values = tuple(member.value for member in field.type)
        return [Column(name, "string", required=required, enum=values)]
    if field.type is int:
        return [Column(name, "integer", required=required)]
    if field.type is float:
        return [Column(name, "number", required=required)]
    pattern = PORTABLE_ID_PATTERN if field.is_id else field.pattern
    if pattern is not None:
        pattern = pattern.replace(r"\Z", "$")
    return [Column(name, "string", required=required, pattern=pattern)]


def _values(value: Any) -> Iterator[Any]:
    if isinstance(value, PartialDate):
        yield value.isoformat()
        yield value.earliest
        yield value.latest
    elif isinstance(value, enum.Enum):
        yield value.value
    else:
        yield value


def _fill(
    record: Any,
    record_type: type,
    level: _Level,
    key: tuple[Any, ...],
    rows: dict[str, list[tuple[Any, ...]]],
) -> None:
    row: list[Any] = list(key)
    children: list[tuple[FieldInfo, tuple[Any, ...]]] = []
    for field in fields_of(record_type):
        if field.name == "id" and level.owner is None:
            continue
        value = getattr(record, field.name)
        if field.many:
            children.append((field, value))
        elif field.is_date and value is None:
            row.extend((None, None, None))
        else:
            row.extend(_values(value))
    rows.setdefault(level.table, []).append(tuple(row))
    for field, items in children:
        child = _child(level, field)
        for position, item in enumerate(items):
            child_key = (*key, position)
            if field.is_record:
                _fill(item, field.type, child, child_key, rows)
            else:
                rows.setdefault(child.table, []).append((*child_key, *_values(item)))
