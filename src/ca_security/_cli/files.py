"""The commands that read or write directories: export, validate, verify."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .._dataset.dataset import Dataset
from .._model.errors import DatasetError, Problem
from .common import UsageError, load
from .text import escape

__all__ = ["export", "validate", "verify"]

_PROG = "ca-security"


def export(args: argparse.Namespace) -> int:
    if args.flat and args.format not in (None, "csv"):
        raise UsageError(
            f"--flat writes CSV for spreadsheets; it does not take --format {args.format}"
        )
    if not args.flat and args.format is None:
        raise UsageError("export needs --format (json, csv, parquet or popolo) or --flat")
    ds = load(args)
    target = Path(args.directory)
    what = "flat csv" if args.flat else args.format
    if target.exists() and not args.force and not (target.is_dir() and not any(target.iterdir())):
        raise UsageError(f"{args.directory!r} already exists; add --force to replace it")
    try:
        _write(ds, args, target)
    except FileExistsError as error:
        if error.errno is None:  # refused by the export, which says why and names the target
            raise UsageError(str(error)) from None
        raise UsageError(f"cannot write {args.directory!r}: {error.strerror}") from None
    except OSError as error:  # speak of the destination given, not of a temporary name
        reason = error.strerror or str(error)
        raise UsageError(f"cannot write {args.directory!r}: {reason}") from None
    from .._export.atomic import MARKER

    files = sum(1 for entry in target.iterdir() if entry.is_file() and entry.name != MARKER)
    print(
        f"wrote {what} export of dataset {ds.version} to {target} "
        f"({files} file{'s' if files != 1 else ''})"
    )
    return 0


def _write(ds: object, args: argparse.Namespace, target: Path) -> None:
    from .._dataset.dataset import Dataset

    assert isinstance(ds, Dataset)
    if args.flat:
        from .._export.flat import write_flat_csv

        write_flat_csv(ds, target, overwrite=args.force)
    elif args.format == "json":
        ds.to_json(target, overwrite=args.force)
    elif args.format == "csv":
        ds.to_csv(target, overwrite=args.force)
    elif args.format == "parquet":
        ds.to_parquet(target, overwrite=args.force)
    else:
        from .._export.atomic import write_directory
        from .._export.json_files import dump

        text = dump(ds.to_popolo())

        def fill(path: Path) -> None:
            (path / "popolo.json").write_text(text, "utf-8")

        write_directory(target, fill, export_format="popolo", overwrite=args.force)


def validate(args: argparse.Namespace) -> int:
    from .._load.reading import load as load_dataset

    given = [value for value in (args.path, args.data) if value is not None]
    if not given:
        raise UsageError("validate needs a dataset directory: PATH or --data DIR")
    if len(given) == 2 and Path(given[0]).resolve() != Path(given[1]).resolve():
        raise UsageError(
            f"two dataset directories given ({given[0]!r} and --data {given[1]!r}); give one"
        )
    path = Path(given[0])
    if not path.is_dir():
        raise UsageError(f"not a dataset directory: {str(path)!r}")
    try:
        ds = load_dataset(path, max_file_bytes=args.max_file_bytes)
    except DatasetError as error:
        print_problems(args, error.problems)
        count = len(error.problems)
        print(f"{_PROG}: {count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    total = sum(len(collection) for _, collection in ds.collections())
    print(f"ok: {path} is a valid dataset ({total} records, dataset version {ds.version})")
    return 0


def print_problems(args: argparse.Namespace, problems: Sequence[Problem]) -> None:
    """Each problem on a line: as (escaped) text, or as an exact JSON object with ``--format jsonl``."""
    for problem in problems:
        if args.format == "jsonl":
            fields = ("file", "record", "field", "message")
            print(json.dumps({name: getattr(problem, name) for name in fields}, ensure_ascii=False))
        else:
            print(escape(str(problem)))


def _missing_corpus_files(ds: object, corpus: Path) -> tuple[list[str], int]:
    """The corpus files the dataset's sources name that ``corpus`` lacks, and how many it names."""
    from .._dataset.dataset import Dataset

    assert isinstance(ds, Dataset)
    named = sorted({s.corpus_file for s in ds.sources if s.corpus_file is not None})
    return [name for name in named if not (corpus / name).is_file()], len(named)


def verify(args: argparse.Namespace) -> int:
    from .._verify.corpus import verify_excerpts

    if args.corpus is None and not args.online:
        raise UsageError("verify needs --corpus DIR, --online, or both")
    ds = load(args)
    if args.corpus is None:
        return _verify_online(args, ds)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise UsageError(f"not a corpus directory: {args.corpus!r}")
    missing, named = _missing_corpus_files(ds, corpus)
    if missing and len(missing) == named:
        raise UsageError(
            f"{args.corpus!r} holds none of the {named} corpus files the dataset names "
            f"(such as {missing[0]!r}); is it the corpus folder?"
        )
    report = verify_excerpts(ds, corpus)
    problems = [
        problem
        for problem in report.problems
        if not any(
            repr(name) in problem.message and "missing" in problem.message for name in missing
        )
    ]
    unchecked = len(report.problems) - len(problems)
    found = [
        Problem(file=name, message=f"corpus file is missing from {args.corpus!r}")
        for name in missing
    ]
    print_problems(args, found + problems)
    if missing or problems:
        print(
            f"{_PROG}: {len(missing)} of {named} corpus files missing "
            f"({unchecked} excerpts not checked); {len(problems)} of "
            f"{report.checked - unchecked} excerpts are not verbatim in the corpus",
            file=sys.stderr,
        )
        return 1
    print(
        f"ok: {report.checked} excerpts are verbatim in the corpus "
        f"({report.skipped} citations have no corpus text to check)"
    )
    return _verify_online(args, ds) if args.online else 0


def _verify_online(args: argparse.Namespace, ds: Dataset) -> int:
    from .online import verify_online

    return verify_online(ds, timeout=args.timeout, delay=args.delay, format=args.format)
