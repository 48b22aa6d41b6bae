"""The ``ca-security`` command line.

Exit codes: 0 ok, 1 problems found (a dataset or an excerpt that breaks a
rule), 2 usage or input error. Every error is one line on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from ._dataset import Dataset
from ._errors import (
    CASecurityError,
    DatasetError,
    MissingExtraError,
    Problem,
    RecordNotFoundError,
)
from ._version import __version__

__all__ = ["build_parser", "main", "stats_lines"]

_PROG = "ca-security"
_OUTPUT_FORMATS = ("table", "json", "jsonl", "csv")
_EXPORT_FORMATS = ("json", "csv", "parquet", "popolo")


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# -- helpers ---------------------------------------------------------------------------


def _load(args: argparse.Namespace) -> Dataset:
    from ._loader import load

    return load(args.data)


def _date_range(ds: Dataset) -> tuple[str, str] | None:
    dates = [s.date for s in ds.statements if s.date is not None]
    dates += [s.start for s in ds.summits if s.start is not None]
    dates += [s.end for s in ds.summits if s.end is not None]
    if not dates:
        return None
    return min(dates).isoformat(), max(dates).isoformat()


def stats_lines(ds: Dataset) -> list[str]:
    """The lines of ``ca-security stats`` for a dataset."""
    lines = [f"ca_security {__version__}, dataset version {ds.version}"]
    span = _date_range(ds)
    lines.append(f"date range: {span[0]} .. {span[1]}" if span else "date range: none")
    lines.append(f"sources: {len(ds.sources)}")
    lines.append("records:")
    width = max(len(name) for name, _ in ds.collections())
    lines.extend(f"  {name:<{width}}  {len(coll):>6}" for name, coll in ds.collections())
    return lines


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(item) for item in value)
    return " ".join(str(getattr(value, "value", value)).split())


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Rows as aligned columns; the last column is cut to the terminal's width."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [len(name) for name in header]
    for row in cells:
        widths = [max(width, len(value)) for width, value in zip(widths, row, strict=True)]
    total = shutil.get_terminal_size((120, 24)).columns
    used = sum(widths[:-1]) + 2 * (len(widths) - 1)
    last = max(20, total - used)
    lines = []
    for row in [list(header), ["-" * width for width in widths], *cells]:
        if len(row[-1]) > last:
            row = [*row[:-1], row[-1][: last - 3] + "..."]
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _emit_records(
    args: argparse.Namespace,
    records: Sequence[Any],
    noun: str,
    columns: Sequence[tuple[str, Callable[[Any], Any]]],
) -> None:
    if args.limit is not None:
        records = records[: args.limit]
    output = args.format
    if output in ("json", "jsonl"):
        from ._export._json import record_to_json

        values = [record_to_json(record) for record in records]
        if output == "json":
            print(json.dumps(values, ensure_ascii=False, indent=2))
        else:
            for value in values:
                print(json.dumps(value, ensure_ascii=False))
    elif output == "csv":
        from ._export._tables import kind_of, tables_of_kind

        table = tables_of_kind(kind_of(noun), records)[0]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
        sys.stdout.write(buffer.getvalue())
    else:
        header = [name for name, _ in columns]
        print(_table(header, ([get(record) for _, get in columns] for record in records)))


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


_CRITERION = "criterion_"
_RESERVED = frozenset({"format", "limit", "data", "help"})


def _filtered(collection: Any, args: argparse.Namespace) -> list[Any]:
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
        raise UsageError(str(error).strip("'\"")) from None


def _add_filter_options(parser: argparse.ArgumentParser, noun: str) -> None:
    """One option per criterion that ``Collection.filter`` accepts for this kind of record."""
    from ._criteria import SPECS
    from ._query import Choice, Ref, Text

    spec = SPECS[noun]
    group = parser.add_argument_group("filters (see Collection.filter)")
    for name in spec.valid:
        # A criterion named like an output option (a summit's format) takes the kind's name.
        option = f"{noun}-{name}" if name in _RESERVED else name
        flag, dest = f"--{option.replace('_', '-')}", _CRITERION + name
        criterion = spec.criteria.get(name)
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


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=_OUTPUT_FORMATS,
        default="table",
        help="output: an aligned table (default), or json, jsonl, csv for other programs",
    )
    parser.add_argument("--limit", type=_positive, metavar="N", help="show at most N records")


def _add_problem_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="each problem as a line of text (default) or as a JSON object per line",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


# -- commands ----------------------------------------------------------------------------


def _stats(args: argparse.Namespace) -> int:
    ds = _load(args)
    if args.format == "json":
        span = _date_range(ds)
        summary = {
            "package_version": __version__,
            "dataset_version": ds.version,
            "date_range": None if span is None else list(span),
            "records": {name: len(collection) for name, collection in ds.collections()},
        }
        print(json.dumps(summary, indent=2))
    else:
        print("\n".join(stats_lines(ds)))
    return 0


def _statements(args: argparse.Namespace) -> int:
    records = _filtered(_load(args).statements, args)
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("id", lambda s: s.id),
        ("date", lambda s: s.date),
        ("speaker", lambda s: s.speaker),
        ("kind", lambda s: s.kind),
        ("text", lambda s: s.text),
    ]
    _emit_records(args, records, "statement", columns)
    return 0


def _officials(args: argparse.Namespace) -> int:
    records = _filtered(_load(args).officials, args)
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("id", lambda o: o.id),
        ("country", lambda o: o.country),
        ("name", lambda o: o.name),
        ("posts", lambda o: [tenure.post for tenure in o.tenures]),
    ]
    _emit_records(args, records, "official", columns)
    return 0


def _summits(args: argparse.Namespace) -> int:
    records = _filtered(_load(args).summits, args)
    columns: list[tuple[str, Callable[[Any], Any]]] = [
        ("id", lambda s: s.id),
        ("start", lambda s: s.start),
        ("end", lambda s: s.end),
        ("place", lambda s: s.place_name or s.place),
        ("name", lambda s: s.name),
    ]
    _emit_records(args, records, "summit", columns)
    return 0


def _show(args: argparse.Namespace) -> int:
    from ._export._json import record_to_json

    ds = _load(args)
    record = ds.get(args.id)
    if record is None:
        try:
            record = ds.lookup(args.id)
        except RecordNotFoundError:
            record = ds[args.id]  # raises, suggesting the closest ids
    value = record_to_json(record)
    if args.format == "json":
        print(json.dumps(value, ensure_ascii=False, indent=2))
        return 0
    print(f"{type(record).__name__} {record.id}")
    for key, item in value.items():
        if key == "id":
            continue
        if isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
            print(f"{key}:")
            for element in item:
                print("  - " + "; ".join(f"{k}: {_plain(v)}" for k, v in element.items()))
        else:
            print(f"{key}: {_plain(item)}")
    return 0


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _search(args: argparse.Namespace) -> int:
    from ._export._search import search

    ds = _load(args)
    hits = search(ds, args.text)
    if args.limit is not None:
        hits = hits[: args.limit]
    header = ("kind", "id", "field", "text")
    rows = [(hit.kind, hit.id, hit.field, hit.text) for hit in hits]
    if args.format == "json":
        print(json.dumps([dict(zip(header, row, strict=True)) for row in rows], indent=2))
    elif args.format == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    else:
        print(_table(header, rows))
    return 0


def _export(args: argparse.Namespace) -> int:
    ds = _load(args)
    target = Path(args.directory)
    if args.format == "json":
        ds.to_json(target, overwrite=args.force)
    elif args.format == "csv":
        ds.to_csv(target, overwrite=args.force)
    elif args.format == "parquet":
        ds.to_parquet(target, overwrite=args.force)
    else:
        from ._export._atomic import write_directory
        from ._export._json import dump

        text = dump(ds.to_popolo())

        def fill(path: Path) -> None:
            (path / "popolo.json").write_text(text, "utf-8")

        write_directory(target, fill, overwrite=args.force)
    files = sum(1 for entry in target.iterdir() if entry.is_file())
    print(
        f"wrote {args.format} export of dataset {ds.version} to {target} ({files} file{'s' if files != 1 else ''})"
    )
    return 0


def _validate(args: argparse.Namespace) -> int:
    from ._loader import load

    path = Path(args.path)
    if not path.is_dir():
        raise UsageError(f"not a dataset directory: {str(path)!r}")
    try:
        ds = load(path)
    except DatasetError as error:
        _print_problems(args, error.problems)
        count = len(error.problems)
        print(f"{_PROG}: {count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    total = sum(len(collection) for _, collection in ds.collections())
    print(f"ok: {path} is a valid dataset ({total} records, dataset version {ds.version})")
    return 0


def _print_problems(args: argparse.Namespace, problems: Sequence[Problem]) -> None:
    """Each problem on a line: as text, or as a JSON object with ``--format jsonl``."""
    for problem in problems:
        if args.format == "jsonl":
            fields = ("file", "record", "field", "message")
            print(json.dumps({name: getattr(problem, name) for name in fields}, ensure_ascii=False))
        else:
            print(problem)


def _verify(args: argparse.Namespace) -> int:
    from ._verify import verify_excerpts

    if args.corpus is None and not args.online:
        raise UsageError("verify needs --corpus DIR, --online, or both")
    ds = _load(args)
    if args.corpus is None:
        return _verify_online(args, ds)
    report = verify_excerpts(ds, args.corpus)
    _print_problems(args, report.problems)
    if report.problems:
        count = len(report.problems)
        print(
            f"{_PROG}: {count} of {report.checked} excerpts are not verbatim in the corpus",
            file=sys.stderr,
        )
        return 1
    print(
        f"ok: {report.checked} excerpts are verbatim in the corpus "
        f"({report.skipped} citations have no corpus text to check)"
    )
    return _verify_online(args, ds) if args.online else 0


def _verify_online(args: argparse.Namespace, ds: Dataset) -> int:
    from ._verify_online import verify_online

    return verify_online(ds, timeout=args.timeout, delay=args.delay, format=args.format)


# -- the parser ---------------------------------------------------------------------------


def _command(
    commands: Any, name: str, summary: str, example: str, run: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}.",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data", metavar="DIR", help="a dataset directory (default: the bundled data)"
    )
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``ca-security``."""
    parser = _Parser(
        prog=_PROG,
        description="Query and export the ca_security dataset of Central Asian security diplomacy.",
        epilog=(
            "exit codes: 0 ok, 1 problems found, 2 usage or input error\n"
            f"example:\n  {_PROG} statements --speaker kassym-jomart-tokayev --format jsonl"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    stats = _command(
        commands,
        "stats",
        "summarise the dataset: counts per record kind, date range, versions",
        f"{_PROG} stats",
        _stats,
    )
    stats.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )

    statements = _command(
        commands,
        "statements",
        "list statements, filtered by speaker, topic, summit, dates or text",
        f"{_PROG} statements --speaker kassym-jomart-tokayev --since 2024-05 --format csv",
        _statements,
    )
    _add_filter_options(statements, "statement")
    _add_output_options(statements)

    officials = _command(
        commands,
        "officials",
        "list officials and the posts they held",
        f"{_PROG} officials --country kz --post kz-security-council-secretary",
        _officials,
    )
    _add_filter_options(officials, "official")
    _add_output_options(officials)

    summits = _command(
        commands,
        "summits",
        "list summits and meetings, filtered by place, country, participant or dates",
        f"{_PROG} summits --country kz --year 2024",
        _summits,
    )
    _add_filter_options(summits, "summit")
    _add_output_options(summits)

    show = _command(
        commands,
        "show",
        "show one record of any kind by its id or name",
        f"{_PROG} show Nurdauletov --format json",
        _show,
    )
    show.add_argument("id", metavar="ID|NAME", help="the record's id, or a name or alias")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )

    search = _command(
        commands,
        "search",
        "find records whose names, titles, texts or excerpts contain some text",
        f'{_PROG} search "Afghanistan"',
        _search,
    )
    search.add_argument("text", metavar="TEXT", help="the text to look for (any case)")
    _add_output_options(search)

    export = _command(
        commands,
        "export",
        "write the dataset as JSON data files, CSV + datapackage.json, Parquet or Popolo",
        f"{_PROG} export --format csv exported/",
        _export,
    )
    export.add_argument("--format", choices=_EXPORT_FORMATS, required=True, help="the format")
    export.add_argument("directory", metavar="DIR", help="the directory to create")
    export.add_argument("--force", action="store_true", help="replace DIR if it exists")

    validate = _command(
        commands,
        "validate",
        "check a dataset directory and print every problem (exit 1 if any)",
        f"{_PROG} validate my-data/",
        _validate,
    )
    validate.add_argument("path", metavar="PATH", help="the dataset directory to check")
    _add_problem_format(validate)

    verify = _command(
        commands,
        "verify",
        "check every excerpt against the source texts or pages (exit 1 if one is not verbatim)",
        f"{_PROG} verify --corpus corpus/\n  {_PROG} verify --online --delay 5",
        _verify,
    )
    verify.add_argument("--corpus", metavar="DIR", help="the directory of source texts")
    from ._verify_online import add_online_options

    add_online_options(verify)
    _add_problem_format(verify)
    return parser


def _error(message: str) -> None:
    lines = str(message).strip().splitlines() or ["error"]
    print(f"{_PROG}: {lines[0]}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems found, 2 usage or input error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except DatasetError as error:
        count = len(error.problems)
        where = args.data or "the bundled data"
        first = error.problems[0] if error.problems else "unknown problem"
        _error(
            f"{count} problem{'s' if count != 1 else ''} in {where} (first: {first}); "
            f"list them all with: {_PROG} validate {where}"
        )
        return 1
    except (RecordNotFoundError, MissingExtraError, UsageError) as error:
        _error(str(error))
        return 2
    except BrokenPipeError:  # pragma: no cover - a reader such as `head` stopped early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OSError, ValueError, CASecurityError) as error:
        _error(str(error))
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except Exception as error:  # pragma: no cover - a bug: still one line, no traceback
        _error(f"internal error, please report it: {type(error).__name__}: {error}")
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
