"""``benchmarks/startup.py`` runs and prints its tables (structure only, no timing).

It needs pycountry (the ``bench`` extra); without it these tests skip.
"""

from __future__ import annotations

import re
import sys

import pytest

from test_benchmark_data import BENCHMARKS, load_module

pytest.importorskip("pycountry")


@pytest.fixture(scope="module")
def startup() -> object:
    sys.path.insert(0, str(BENCHMARKS))
    return load_module("startup")


def test_one_pair_prints_every_row_and_the_load_inside(
    startup: object, capsys: pytest.CaptureFixture[str]
) -> None:
    startup.main(["--pairs", "1", "--growth", "30"])  # type: ignore[attr-defined]
    shown = capsys.readouterr().out
    for row in ("first answer", "`ca-security stats`", "import alone", "an empty interpreter"):
        assert re.search(rf"^\| {re.escape(row)}[^|]* \| \d+ ms \| \d+ ms \| [\d.]+x ", shown, re.M)
    assert re.search(
        r"`import ca_security` [\d.]+ ms, then the bundled `load\(\)` [\d.]+ ms", shown
    )
    assert re.search(r"^\| 30 \| [\d,]+ \| [\d.]+ ms \| [\d.]+ ms \|$", shown, re.M)
    assert "load average" in shown
