"""The ``ca-security`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._dataset import Dataset
from ._errors import CASecurityError
from ._version import __version__

__all__ = ["main"]


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


def _stats(args: argparse.Namespace) -> int:
    from ._loader import load

    ds = load(args.data)
    print("\n".join(stats_lines(ds)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``ca-security``."""
    parser = argparse.ArgumentParser(
        prog="ca-security",
        description="Query the ca_security dataset of Central Asian security diplomacy.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    stats = commands.add_parser(
        "stats",
        help="summarise the dataset: counts per record kind, date range, versions",
        description="Summarise the dataset. Example: ca-security stats",
    )
    stats.add_argument(
        "--data", metavar="DIR", help="a dataset directory (default: the bundled data)"
    )
    stats.set_defaults(run=_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems found, 2 usage or input error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except CASecurityError as error:
        print(f"ca-security: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"ca-security: {error}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
