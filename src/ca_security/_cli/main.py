"""The parser of ``ca-security`` and :func:`main`: every command, its options and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from .._load.reading import MAX_FILE_BYTES
from .._model.errors import CASecurityError, DatasetError, MissingExtraError, RecordNotFoundError
from .._model.kinds import kind_named
from .._version import __version__
from . import files, lists, questions
from .common import UsageError, add_output_options, message_of, positive
from .text import escape

__all__ = ["build_parser", "main"]

_PROG = "ca-security"
_EXPORT_FORMATS = ("json", "csv", "parquet", "popolo")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2.

    Options may be added later (:meth:`defer`): a command's parser adds them
    when that command is parsed or its help is shown, so that running one
    command does not build the options of every other (the filter options
    need the query layer).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[Callable[[argparse.ArgumentParser], None]] = []

    def defer(self, add: Callable[[argparse.ArgumentParser], None]) -> None:
        """Run ``add(self)`` before this parser first parses or formats its help."""
        self._deferred.append(add)

    def _complete(self) -> None:
        while self._deferred:
            self._deferred.pop(0)(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._complete()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


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
    parser.add_argument(
        "--max-file-bytes",
        type=positive,
        default=MAX_FILE_BYTES,
        metavar="N",
        help=f"the largest data file read from DIR (default {MAX_FILE_BYTES:,})",
    )
    parser.set_defaults(run=run)
    return parser


def _text_or_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )


def _problem_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="each problem as a line of text (default) or as a JSON object per line",
    )


def _listing(commands: Any, noun: str, summary: str, example: str) -> None:
    name = kind_named(noun).name
    parser = _command(commands, name, summary, example, lists.listing)
    parser.set_defaults(kind=name)
    assert isinstance(parser, _Parser)
    parser.defer(lambda command: lists.add_filter_options(command, noun))
    parser.defer(add_output_options)


def _add_listings(commands: Any) -> None:
    stats = _command(
        commands,
        "stats",
        "summarise the dataset: counts per record kind, date range, versions",
        f"{_PROG} stats",
        lists.stats,
    )
    _text_or_json(stats)
    _listing(
        commands,
        "statement",
        "list statements, filtered by speaker, topic, summit, dates or text",
        f"{_PROG} statements --speaker kassym-jomart-tokayev --since 2024-05 --format csv",
    )
    _listing(
        commands,
        "official",
        "list officials and the posts they held",
        f"{_PROG} officials --country kz --post kz-security-council-secretary",
    )
    _listing(
        commands,
        "summit",
        "list summits and meetings, filtered by place, country, participant or dates",
        f"{_PROG} summits --country kz --year 2024",
    )
    _listing(
        commands,
        "figure",
        "list the numbers officials stated, filtered by speaker, topic, country or dates",
        f"{_PROG} figures --speaker Tokayev",
    )
    _listing(
        commands,
        "initiative",
        "list initiatives (documents, proposals), their proposer and latest status",
        f"{_PROG} initiatives --status adopted",
    )
    show = _command(
        commands,
        "show",
        "show one record of any kind by its id or name",
        f"{_PROG} show Nurdauletov --format json",
        lists.show,
    )
    show.add_argument("id", metavar="ID|NAME", help="the record's id, or a name or alias")
    _text_or_json(show)
    search = _command(
        commands,
        "search",
        "find records by name or by words in their texts (any case, accents), statements first",
        f'{_PROG} search "Afghanistan"',
        lists.search,
    )
    search.add_argument("text", metavar="TEXT", help="the text to look for (any case, accents)")
    add_output_options(search)


def _add_questions(commands: Any) -> None:
    holding = _command(
        commands,
        "holding",
        "who held a post on a date: certain holders, then possible ones",
        f'{_PROG} holding --post "Secretary of the Security Council of Tajikistan" --on 2024-05-16',
        questions.holding,
    )
    holding.add_argument("--post", metavar="ID|NAME", help="the post (id, name or alias)")
    holding.add_argument("--country", metavar="ID|NAME", help="only posts of this country")
    holding.add_argument("--on", metavar="DATE", required=True, help="the date (2024-05-16, 2024)")
    add_output_options(holding)
    timeline = _command(
        commands,
        "timeline",
        "incidents, summits and statements in date order, filtered by what they mention, dates...",
        f"{_PROG} timeline --mentions Afghanistan --since 2024",
        questions.timeline,
    )
    lists.add_filter_options(timeline, "statement", "summit", "incident")
    add_output_options(timeline)
    corroboration = _command(
        commands,
        "corroboration",
        "how each source renders a statement (quoted or reported) and its independent origins",
        f"{_PROG} corroboration tokayev-2024-05-16-afghanistan-focus",
        questions.corroboration,
    )
    corroboration.add_argument("statement", metavar="ID|TEXT", help="the statement's id or text")
    _text_or_json(corroboration)


def _add_files(commands: Any) -> None:
    export = _command(
        commands,
        "export",
        "write the dataset as JSON, CSV + datapackage.json, Parquet, Popolo, or flat CSV",
        f"{_PROG} export --format csv exported/",
        files.export,
    )
    export.add_argument("--format", choices=_EXPORT_FORMATS, help="the format")
    export.add_argument(
        "--flat",
        action="store_true",
        help="one row per statement and per summit, as CSV for spreadsheets (UTF-8 with BOM)",
    )
    export.add_argument("directory", metavar="DIR", help="the directory to create")
    export.add_argument("--force", action="store_true", help="replace DIR if it exists")
    validate = _command(
        commands,
        "validate",
        "check a dataset directory and print every problem (exit 1 if any)",
        f"{_PROG} validate my-data/",
        files.validate,
    )
    validate.add_argument(
        "path", metavar="PATH", nargs="?", help="the dataset directory to check (or --data)"
    )
    _problem_format(validate)
    verify = _command(
        commands,
        "verify",
        "check every excerpt against the source texts or pages (exit 1 if one is not verbatim)",
        f"{_PROG} verify --corpus corpus/\n  {_PROG} verify --online --delay 5",
        files.verify,
    )
    verify.add_argument("--corpus", metavar="DIR", help="the directory of source texts")
    from .online import add_online_options

    add_online_options(verify)
    _problem_format(verify)


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
    _add_listings(commands)
    _add_questions(commands)
    _add_files(commands)
    return parser


def _error(message: str) -> None:
    lines = str(message).strip().splitlines() or ["error"]
    print(f"{_PROG}: {escape(lines[0])}", file=sys.stderr)


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
        count = error.count
        where = args.data or "the bundled data"
        first = error.problems[0] if error.problems else "unknown problem"
        _error(
            f"{count:,} problem{'s' if count != 1 else ''} in {where} (first: {first}); "
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
    except (OSError, ValueError, LookupError, CASecurityError) as error:
        _error(message_of(error))
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except Exception as error:  # pragma: no cover - a bug: still one line, no traceback
        _error(f"internal error, please report it: {type(error).__name__}: {error}")
        return 2
    return code
