"""
Rewrite the tables about the bundled data that the README and the docs show.

The README and ``docs/index.md`` show how many records of each kind the
bundled dataset holds, between ``<!-- counts-start -->`` and
``<!-- counts-end -->`` markers. ``tests/test_docs.py`` fails when a table no
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
START = "<!-- counts-start -->"
END = "<!-- counts-end -->"
BLOCK = re.compile(re.escape(START) + r"\n.*?" + re.escape(END), re.DOTALL)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a table would change")
    args = parser.parse_args()
    table = counts_table(ca_security.load())
    stale = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = rewrite(text, table)
        if new != text:
            stale.append(page.relative_to(ROOT))
            if not args.check:
                page.write_text(new, encoding="utf-8")
    for page in stale:
        print(f"{'stale' if args.check else 'rewrote'}: {page}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
