"""
Rewrite the tables about the bundled data that the README and the docs show.

The README and ``docs/index.md`` show how many records of each kind the
bundled dataset holds, between ``<!-- counts-start -->`` and
``<!-- counts-end -->`` markers; ``docs/coverage.md`` shows what the data
cover (statements per year, per meeting, per speaker and per country, and the
meetings without statements) between ``<!-- coverage-start -->`` and
``<!-- coverage-end -->``. ``tests/test_docs.py`` fails when a table no
longer matches the data; run this script from the repository root to
rewrite them::

    python scripts/sync_docs.py          # rewrite the tables
    python scripts/sync_docs.py --check  # exit 1 if a table would change
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import ca_security

ROOT = Path(__file__).resolve().parent.parent
PAGES = (ROOT / "README.md", ROOT / "docs" / "index.md")
COVERAGE_PAGE = ROOT / "docs" / "coverage.md"
START = "<!-- counts-start -->"
END = "<!-- counts-end -->"
COVERAGE_START = "<!-- coverage-start -->"
COVERAGE_END = "<!-- coverage-end -->"
BLOCK = re.compile(re.escape(START) + r"\n.*?" + re.escape(END), re.DOTALL)
COVERAGE_BLOCK = re.compile(
    re.escape(COVERAGE_START) + r"\n.*?" + re.escape(COVERAGE_END), re.DOTALL
)


def counts_table(ds: ca_security.Dataset) -> str:
    """The Markdown table of record counts per kind, with the dataset version."""
    lines = [
        f"Dataset version {ds.version}:",
        "",
        "| Records | Count |",
        "| --- | ---: |",
    ]
    lines += [f"| {name} | {len(collection)} |" for name, collection in ds.collections()]
    return "\n".join(lines) + "\n"


def rewrite(text: str, table: str) -> str:
    """The text with its counts block replaced by ``table``."""
    if BLOCK.search(text) is None:
        raise ValueError(f"no {START} ... {END} block")
    return BLOCK.sub(lambda _: f"{START}\n{table}{END}", text)


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    align = ["---:" if index == len(header) - 1 else "---" for index in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def coverage_tables(ds: ca_security.Dataset) -> str:
    """The Markdown tables of what the statements cover, computed from the data."""
    statements = list(ds.statements)
    by_year: dict[str, int] = {}
    by_summit: dict[str | None, int] = {}
    by_speaker: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for statement in statements:
        year = "undated" if statement.date is None else str(statement.date.year)
        by_year[year] = by_year.get(year, 0) + 1
        by_summit[statement.summit] = by_summit.get(statement.summit, 0) + 1
        by_speaker[statement.speaker] = by_speaker.get(statement.speaker, 0) + 1
        country = ds.officials[statement.speaker].country or "none recorded"
        by_country[country] = by_country.get(country, 0) + 1
    dated = [s.date for s in statements if s.date is not None]
    held = [s.start for s in ds.summits if s.start is not None]
    lines = [
        f"Dataset version {ds.version}: {len(statements)} statements by "
        f"{len(by_speaker)} speakers.",
        "",
        f"- Statements span {min(dated)} to {max(dated)}." if dated else "- No dated statement.",
        f"- Meetings span {min(held)} to {max(held)}." if held else "- No dated meeting.",
        "",
        "## Statements per year",
        "",
        *_table(("Year", "Statements"), sorted(by_year.items())),
        "",
        "## Statements per speaker",
        "",
    ]
    speakers = sorted(by_speaker.items(), key=lambda item: (-item[1], item[0]))
    lines += _table(
        ("Speaker", "Country", "Statements"),
        [(ds.officials[i].name, ds.officials[i].country or "—", n) for i, n in speakers],
    )
    lines += ["", "## Statements per country of the speaker", ""]
    countries = sorted(by_country.items(), key=lambda item: (-item[1], item[0]))
    lines += _table(
        ("Country", "Statements"),
        [(ds.countries[c].name if c in ds.countries else c, n) for c, n in countries],
    )
    lines += ["", "## Statements per meeting", ""]
    meetings = [(m.start or "", m.name, by_summit.get(m.id, 0)) for m in ds.summits]
    lines += _table(("Date", "Meeting", "Statements"), [m for m in meetings if m[2]])
    outside = by_summit.get(None, 0)
    lines += ["", f"Statements at no recorded meeting (interviews, articles, letters): {outside}."]
    lines += ["", "## Meetings without statements", ""]
    lines += _table(("Date", "Meeting"), [(m[0], m[1]) for m in meetings if not m[2]])
    return "\n".join(lines) + "\n"


def rewrite_coverage(text: str, tables: str) -> str:
    """The coverage page with its generated block replaced by ``tables``."""
    if COVERAGE_BLOCK.search(text) is None:
        raise ValueError(f"no {COVERAGE_START} ... {COVERAGE_END} block")
    return COVERAGE_BLOCK.sub(lambda _: f"{COVERAGE_START}\n{tables}{COVERAGE_END}", text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a table would change")
    args = parser.parse_args()
    ds = ca_security.load()
    table = counts_table(ds)
    stale = []
    pages = [(page, lambda text: rewrite(text, table)) for page in PAGES]
    pages.append((COVERAGE_PAGE, lambda text: rewrite_coverage(text, coverage_tables(ds))))
    for page, rewritten in pages:
        text = page.read_text(encoding="utf-8")
        new = rewritten(text)
        if new != text:
            stale.append(page.relative_to(ROOT))
            if not args.check:
                page.write_text(new, encoding="utf-8")
    for page in stale:
        print(f"{'stale' if args.check else 'rewrote'}: {page}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
