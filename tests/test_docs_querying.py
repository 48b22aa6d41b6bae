"""The examples of docs/querying.md run and print what the page shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

DOCS = Path(__file__).parent.parent / "docs"


def test_querying_examples() -> None:
    """Every ``>>>`` example of the querying page gives the output shown."""
    # Code fences end an example's output, as a blank line does.
    text = re.sub(r"^```.*$", "", (DOCS / "querying.md").read_text("utf-8"), flags=re.MULTILINE)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "querying.md", str(DOCS / "querying.md"), 0)
    assert len(test.examples) > 20
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
