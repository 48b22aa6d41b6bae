"""``ca-security verify --online``: check page excerpts against their pages and print a report."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from .._verify.defaults import DEFAULT_DELAY, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset
    from .._verify.pages import PageCheck

__all__ = ["add_online_options", "verify_online"]

_PROG = "ca-security"


def add_online_options(parser: argparse.ArgumentParser) -> None:
    """The ``--online``, ``--timeout`` and ``--delay`` options of ``verify``."""
    parser.add_argument(
        "--online",
        action="store_true",
        help=(
            "fetch each cited web page and look for its excerpts on it (exit 1 if one is "
            "not found; pages gone or unreachable are reported but do not fail)"
        ),
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"with --online: time allowed for each page (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--delay",
        type=_seconds,
        default=DEFAULT_DELAY,
        metavar="SECONDS",
        help=f"with --online: pause between requests to one host (default {DEFAULT_DELAY:g})",
    )


def verify_online(
    dataset: Dataset,
    *,
    timeout: float,
    delay: float,
    format: str = "text",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check every page citation of ``dataset``, print one line per citation; the exit code.

    Text lines are tab-separated: record, source, URL, status (and why). With
    ``format="jsonl"`` each line is a JSON object with the fields of
    :class:`~ca_security.PageCheck`. A summary goes to ``err``. The exit code
    is 1 when an excerpt is not found on a page that was read, else 0: a page
    that is gone or unreachable does not show that its excerpt is wrong.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err

    from .._verify.pages import PageStatus, check_pages  # the HTTP and HTML machinery

    def show(check: PageCheck) -> None:
        print(_line(check, format), file=out, flush=True)

    report = check_pages(dataset, timeout=timeout, delay=delay, progress=show)
    counts = {status: len(report.with_status(status)) for status in PageStatus}
    summary = (
        f"{len(report.checks)} page excerpts on {report.pages} pages: "
        + ", ".join(f"{count} {status.value}" for status, count in counts.items())
        + f" ({report.skipped} page citations have no excerpt to check)"
    )
    if not report.ok:
        print(f"{_PROG}: {summary}", file=err)
        return 1
    unchecked = counts[PageStatus.GONE] + counts[PageStatus.UNREACHABLE]
    note = f"; {unchecked} could not be checked (pages gone or unreachable)" if unchecked else ""
    print(f"ok: {summary}{note}", file=err)
    return 0


def _line(check: PageCheck, format: str) -> str:
    if format == "jsonl":
        return json.dumps(
            {
                "file": check.file,
                "record": check.record,
                "field": check.field,
                "source": check.source,
                "url": check.url,
                "status": check.status.value,
                "detail": check.detail,
            },
            ensure_ascii=False,
        )
    from .text import escape

    status = check.status.value + (f" ({check.detail})" if check.detail else "")
    return "\t".join(escape(part) for part in (check.record, check.source, check.url, status))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value
