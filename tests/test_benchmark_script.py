"""The benchmark script runs at a tiny size and prints every table (structure only, no timing).

It needs the ``bench`` extra (msgspec, pydantic); without it these tests skip.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("msgspec")
pytest.importorskip("pydantic")

from ca_security import Figure, Statement
from test_benchmark_data import BENCHMARKS, load_module


@pytest.fixture(scope="module")
def bench() -> object:
    sys.path.insert(0, str(BENCHMARKS))
    return load_module("bench")


def test_help_names_every_option(bench: object, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--help"])  # type: ignore[attr-defined]
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    for option in ("--sizes", "--repeat", "--budget", "--imports"):
        assert option in shown


def _statements(directory: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads((directory / "statements.json").read_text())
    return rows


def test_constrained_baselines_refuse_what_the_plain_ones_accept(
    bench: object, tmp_path: Path
) -> None:
    """Each constrained baseline refuses a bad id, a blank text, a non-ISO date, no citations."""
    import baselines
    import synthetic

    directory = synthetic.write(tmp_path / "data", 30)
    decode = baselines.decoders()
    assert tuple(decode) == baselines.BASELINES
    for name, cls in baselines.FILES:
        for baseline in decode.values():
            assert len(baseline(cls, (directory / name).read_bytes())) == len(
                json.loads((directory / name).read_bytes())
            )
    changes = {
        "id": "Not A Slug",
        "text": " \t ",
        "date": "2019-5",
        "citations": [],
    }
    for field, value in changes.items():
        rows = _statements(directory)[:1]
        rows[0][field] = value
        data = json.dumps(rows).encode()
        assert decode["msgspec"](Statement, data)
        assert decode["pydantic"](Statement, data)
        for strict in ("msgspec constrained", "pydantic constrained (strict)"):
            with pytest.raises(ValueError):
                decode[strict](Statement, data)
    figures = json.loads((directory / "figures.json").read_text())[:1]
    figures[0]["value"] = "5"  # a number in a string: only lax pydantic takes it
    assert decode["pydantic"](Figure, json.dumps(figures).encode())
    with pytest.raises(ValueError):
        decode["pydantic constrained (strict)"](Figure, json.dumps(figures).encode())


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="resident memory: Linux only")
def test_every_table_at_a_tiny_size(bench: object, capsys: pytest.CaptureFixture[str]) -> None:
    bench.main(  # type: ignore[attr-defined]
        ["--sizes", "40", "--repeat", "1", "--budget", "0.0005", "--imports", "1"]
    )
    out = capsys.readouterr().out
    sections = [
        "## Load (decode + validate + build), time per record",
        "Where a load of 40 statements spends its time",
        "## Memory as the process sees it",
        "## Memory per 1,000 statements (tracemalloc",
        "## Queries over 40 statements",
        "## Iteration over the statements, canonical (date) order against file order",
        "## Import time",
    ]
    positions = [out.index(section) for section in sections]
    assert positions == sorted(positions)
    # Every table is captioned with the machine and the load average around it.
    assert out.count("load average (1/5/15 min)") == len(sections)
    assert out.count("_Ran on ") == len(sections)
    assert "| ca_security.load | json.loads | msgspec | msgspec constrained | pydantic " in out
    assert "| pydantic constrained (strict) |" in out
    assert "load / msgspec constrained" in out
    assert "Load target (40 statements in at most 1.5 s)" in out
    for contestant in ("ca_security", "msgspec", "pydantic"):
        assert f"| 40 | {contestant} |" in out
    assert "| peak / kept | kept / msgspec |" in out
    assert "Memory target at 40 statements: kept " in out
    assert "| filter, asked again (cached) | filter, asked afresh " in out
    assert "| scan, canonical order | scan, file order | speed-up (afresh) |" in out
    for criterion in ("speaker", "topic (with subtopics)", "summit", "date range (one month)"):
        assert f"| {criterion} |" in out
    assert "At least 1,000x, asked afresh only, against the faster scan: speaker " in out
    assert "| `for s in ...: pass` |" in out
    assert "| canonical order | file order | canonical / file |" in out
    assert "| `import ca_security` |" in out
