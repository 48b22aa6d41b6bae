"""The commands that list and find records: stats, statements, officials, summits, show, search."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from .._dataset.dataset import Dataset
from .._model.errors import RecordNotFoundError
from .._version import __version__
from .common import (
    Columns,
    UsageError,
    emit_records,
    emit_rows,
    load,
    message_of,
    print_json,
)
from .labels import name as name_of
from .text import words

__all__ = [
    "LISTINGS",
    "add_filter_options",
    "listing",
    "search",
    "show",
    "stats",
    "stats_lines",
]

_CRITERION = "criterion_"
_RESERVED = frozenset({"format", "limit", "data", "help"})


def _span(dates: list[Any]) -> tuple[str, str] | None:
    return (min(dates).isoformat(), max(dates).isoformat()) if dates else None


def _spans(ds: Dataset) -> dict[str, tuple[str, str] | None]:
    """The first and last dates of the statements, and of the meetings, apart."""
    meetings = [s.start for s in ds.summits if s.start is not None]
    meetings += [s.end for s in ds.summits if s.end is not None]
    return {
        "statements": _span([s.date for s in ds.statements if s.date is not None]),
        "meetings": _span(meetings),
    }


def _per_speaker(ds: Dataset) -> list[tuple[str, str, int]]:
    """``(speaker id, name, statements)``, most statements first, then by name."""
    counts: dict[str, int] = {}
    for statement in ds.statements:
        counts[statement.speaker] = counts.get(statement.speaker, 0) + 1
    rows = [
        (pid, ds.officials[pid].name if pid in ds.officials else pid, n)
        for pid, n in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row[2], row[1]))


def stats_lines(ds: Dataset) -> list[str]:
    """The lines of ``ca-security stats`` for a dataset."""
    lines = [f"ca_security {__version__}, dataset version {ds.version}"]
    for what, span in _spans(ds).items():
        text = f"{span[0]} .. {span[1]}" if span else "none"
        lines.append(f"{what} span: {text}")
    lines.append(f"sources: {len(ds.sources)}")
    lines.append("records:")
    width = max(len(name) for name, _ in ds.collections())
    lines.extend(f"  {name:<{width}}  {len(coll):>6}" for name, coll in ds.collections())
    years: dict[str, int] = {}
    for statement in ds.statements:
        year = "undated" if statement.date is None else str(statement.date.year)
        years[year] = years.get(year, 0) + 1
    lines.append("statements per year: " + ", ".join(f"{y} {n}" for y, n in sorted(years.items())))
    occasions = {s.summit for s in ds.statements if s.summit} | {
        s.document for s in ds.statements if s.document
    }
    lines.append(f"meetings and written texts with statements: {len(occasions)}")
    speakers = _per_speaker(ds)
    lines.append(f"statements per speaker ({len(speakers)} speakers):")
    lines.extend(f"  {name} [{pid}]  {count}" for pid, name, count in speakers)
    return lines


def stats(args: argparse.Namespace) -> int:
    ds = load(args)
    if args.format == "json":
        summary = {
            "package_version": __version__,
            "dataset_version": ds.version,
            "spans": {what: None if s is None else list(s) for what, s in _spans(ds).items()},
            "records": {name: len(collection) for name, collection in ds.collections()},
            "statements_per_speaker": {pid: n for pid, _, n in _per_speaker(ds)},
        }
        print(json.dumps(summary, indent=2))
    else:
        print("\n".join(stats_lines(ds)))
    return 0


def filtered(collection: Any, args: argparse.Namespace) -> list[Any]:
    """The records of ``collection`` that meet the filter options given on the command line."""
    criteria = {
        name[len(_CRITERION) :]: value
        for name, value in vars(args).items()
        if name.startswith(_CRITERION) and value is not None
    }
    if not criteria:
        return list(collection)
    try:
        return list(collection.filter(**criteria))
    except (TypeError, ValueError, LookupError) as error:
        raise UsageError(message_of(error)) from None


def add_filter_options(parser: argparse.ArgumentParser, *nouns: str) -> None:
    """One option per criterion that ``Collection.filter`` accepts for these kinds of record."""
    from .._query.criteria import SPECS, Choice, Ref, Text

    group = parser.add_argument_group("filters (see Collection.filter)")
    criteria = sorted({criterion for noun in nouns for criterion in SPECS[noun].valid})
    for name in criteria:
        noun = next(noun for noun in nouns if name in SPECS[noun].valid)
        # A criterion named like an output option (a summit's format) takes the kind's name.
        option = f"{noun}-{name}" if name in _RESERVED else name
        flag, dest = f"--{option.replace('_', '-')}", _CRITERION + name
        criterion = SPECS[noun].criteria.get(name)
        if name == "year":
            group.add_argument(flag, dest=dest, type=int, metavar="YYYY", help="in that year")
        elif name in ("since", "until"):
            when = "on or after" if name == "since" else "on or before"
            group.add_argument(
                flag, dest=dest, metavar="DATE", help=f"{when} DATE (2024, 2024-05, 2024-05-16)"
            )
        elif isinstance(criterion, Choice):
            values = [member.value for member in criterion.vocabulary]
            group.add_argument(flag, dest=dest, choices=values, help=f"the {name}")
        elif isinstance(criterion, Ref):
            targets = " or ".join(criterion.targets) if len(criterion.targets) < 4 else "records"
            group.add_argument(
                flag,
                dest=dest,
                action="append",
                metavar="ID|NAME",
                help=f"{name}: {targets} by id or name (repeat the option for any of several)",
            )
        elif isinstance(criterion, Text):
            group.add_argument(
                flag, dest=dest, metavar="WORDS", help="words in the texts (any case, diacritics)"
            )
        else:
            group.add_argument(flag, dest=dest, metavar="WORD", help=f"the {name}")


def _statement_columns(ds: Dataset) -> Columns:
    return [
        ("id", lambda s: s.id),
        ("date", lambda s: s.date),
        ("speaker", lambda s: name_of(ds, s.speaker)),
        ("kind", lambda s: s.kind),
        ("text", lambda s: s.text),
    ]


def _official_columns(ds: Dataset) -> Columns:
    return [
        ("id", lambda o: o.id),
        ("country", lambda o: o.country),
        ("name", lambda o: o.name),
        ("posts", lambda o: [name_of(ds, tenure.post) for tenure in o.tenures]),
    ]


def _summit_columns(ds: Dataset) -> Columns:
    return [
        ("id", lambda s: s.id),
        ("start", lambda s: s.start),
        ("end", lambda s: s.end),
        ("place", lambda s: s.place_name or name_of(ds, s.place)),
        ("name", lambda s: s.name),
    ]


def _figure_columns(ds: Dataset) -> Columns:
    return [
        ("id", lambda f: f.id),
        ("value", lambda f: f"{_number(f.value)} {f.unit}"),
        ("qualifier", lambda f: f.qualifier),
        ("period", lambda f: _period(f.period_start, f.period_end)),
        ("speaker", lambda f: name_of(ds, f.speaker)),
        ("description", lambda f: f.description),
    ]


def _initiative_columns(ds: Dataset) -> Columns:
    return [
        ("id", lambda i: i.id),
        ("kind", lambda i: i.kind),
        ("proposer", lambda i: name_of(ds, i.proposer)),
        ("status", _status),
        ("name", lambda i: i.name),
    ]


def _number(value: float) -> str:
    """A number in full with thousands separators: ``5,700,000,000``, ``2.5``."""
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def _period(start: Any, end: Any) -> str:
    if start is None and end is None:
        return ""
    if start == end or end is None:
        return words(start)
    return f"{words(start)}..{words(end)}"


def _status(initiative: Any) -> str:
    if not initiative.history:
        return ""
    last = initiative.history[-1]
    return f"{words(last.status)} {words(last.date)}".strip()


#: The table columns of each listing command, by collection name.
LISTINGS: dict[str, Callable[[Dataset], Columns]] = {
    "statements": _statement_columns,
    "officials": _official_columns,
    "summits": _summit_columns,
    "figures": _figure_columns,
    "initiatives": _initiative_columns,
}


def listing(args: argparse.Namespace) -> int:
    """``statements``, ``officials``, ``summits``, ``figures``, ``initiatives``: filtered records."""
    ds = load(args)
    collection = getattr(ds, args.kind)
    records = filtered(collection, args)
    emit_records(args, records, collection.kind, LISTINGS[args.kind](ds))
    return 0


def find(ds: Dataset, text: str) -> Any:
    """The record with this id, or else the one record of any kind bearing this name."""
    record = ds.get(text)
    if record is None:
        try:
            record = ds.lookup(text)
        except RecordNotFoundError:
            record = ds[text]  # raises, suggesting the closest ids
    return record


def show(args: argparse.Namespace) -> int:
    from .._export.json_files import record_to_json
    from .show import show_lines

    ds = load(args)
    record = find(ds, args.id)
    if args.format == "json":
        print_json(record_to_json(record))
    else:
        print("\n".join(show_lines(ds, record)))
    return 0


def search(args: argparse.Namespace) -> int:
    from .._export.search import search as search_dataset

    ds = load(args)
    hits = search_dataset(ds, args.text)
    header = ("kind", "id", "field", "text")
    rows = [(hit.kind, hit.id, hit.field, hit.text) for hit in hits]
    emit_rows(args, header, rows)
    return 0
