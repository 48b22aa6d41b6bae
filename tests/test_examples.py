"""Every script in ``examples/`` runs from a fresh process and answers its question."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ca_security

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Optional modules an example needs (from the extras its docstring names).
NEEDS = {
    "draw_timeline.py": ("matplotlib",),
    "pandas_duckdb.py": ("pandas", "pyarrow", "duckdb"),
}


def run(script: Path, *args: str, cwd: Path) -> str:
    for module in NEEDS.get(script.name, ()):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{script.name} needs {module} (an optional extra), not installed")
    result = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_there_are_five_to_seven_examples() -> None:
    """The examples folder holds 5-7 scripts, each with a docstring saying how to run it."""
    scripts = sorted(EXAMPLES.glob("*.py"))
    assert 5 <= len(scripts) <= 7
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert text.startswith('"""'), script.name
        assert f"Run: python examples/{script.name}" in text, script.name


def test_docs_show_every_example() -> None:
    """The examples page includes every script, so the docs and the folder agree."""
    page = (EXAMPLES.parent / "docs" / "examples.md").read_text(encoding="utf-8")
    included = set(re.findall(r"\{literalinclude\} \.\./examples/(\S+\.py)", page))
    assert included == {script.name for script in EXAMPLES.glob("*.py")}


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    """Each example exits 0, prints its answer and writes nothing to stderr."""
    assert run(script, cwd=tmp_path).strip()


def test_terrorism_example_names_speakers(tmp_path: Path) -> None:
    """The terrorism example prints every statement on terrorism in May 2024 with its speaker."""
    out = run(EXAMPLES / "terrorism_may_2024.py", cwd=tmp_path)
    ds = ca_security.load()
    expected = ds.statements.filter(topic="terrorism", since="2024-05", until="2024-05")
    assert len(expected) > 0
    for statement in expected:
        assert statement.text in out
        assert ds.officials[statement.speaker].name in out
    assert out.rstrip().endswith(f"{len(expected)} statement(s)")


def test_post_holders_example(tmp_path: Path) -> None:
    """The post-holders example names the Tajik Security Council secretary on 16 May 2024."""
    out = run(EXAMPLES / "post_holders.py", "2024-05-16", cwd=tmp_path)
    assert "Secretary of the Security Council of Tajikistan: Nasrullo Mahmudzoda (certain" in out


def test_post_holders_example_calls_certain_only_what_a_source_proves(tmp_path: Path) -> None:
    """Every line the example marks certain is a certain answer of holding(), and vice versa."""
    on = "2025-06-01"
    out = run(EXAMPLES / "post_holders.py", on, cwd=tmp_path)
    ds = ca_security.load()
    certain_lines = {line.split(" (certain")[0] for line in out.splitlines() if "(certain" in line}
    expected = {
        f"{post.name}: {holding.official.name}"
        for post in ds.posts
        for holding in ds.officials.holding(post=post, on=on).certain
    }
    assert expected == certain_lines
    assert "President of the United States: Joe Biden (certain" not in out


def test_summit_series_example(tmp_path: Path) -> None:
    """The series example lists each summit of a series with all its participants."""
    out = run(EXAMPLES / "summit_series.py", "sc-secretaries-meetings", cwd=tmp_path)
    ds = ca_security.load()
    assert out.startswith(ds.series["sc-secretaries-meetings"].name)
    for part in ds.summits["sc-secretaries-2024-05-16-astana"].participants:
        if part.person:
            assert ds.officials[part.person].name in out


def test_quote_renderings_example(tmp_path: Path) -> None:
    """The renderings example prints every source's excerpt verbatim."""
    statement_id = "tokayev-2024-05-16-transboundary-threats"
    out = run(EXAMPLES / "quote_renderings.py", statement_id, cwd=tmp_path)
    statement = ca_security.load().statements[statement_id]
    for citation in statement.citations:
        assert citation.excerpt is not None
        assert citation.excerpt in out
    sources = {c.source for c in statement.citations}
    origins = {ca_security.load().sources[s].origin or s for s in sources}
    assert f"{len(sources)} source(s), {len(origins)} independent origin(s)" in out


def test_draw_timeline_example_writes_figures(tmp_path: Path) -> None:
    """The timeline example writes its three figures, each non-empty."""
    out = run(EXAMPLES / "draw_timeline.py", str(tmp_path), cwd=tmp_path)
    for name in ("timeline-speakers.png", "timeline-topics.svg", "timeline-tokayev.png"):
        assert name in out
        assert (tmp_path / name).stat().st_size > 0


def test_pandas_duckdb_example_counts_statements_per_speaker(tmp_path: Path) -> None:
    """The DuckDB query over the Parquet files counts the ten most quoted speakers' statements."""
    out = run(EXAMPLES / "pandas_duckdb.py", cwd=tmp_path)
    ds = ca_security.load()
    counts: dict[str, int] = {}
    for statement in ds.statements:
        name = ds.officials[statement.speaker].name
        counts[name] = counts.get(name, 0) + 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
    for name, count in top:
        assert re.search(rf"{re.escape(name)}\s*│\s*{count}\s*│", out), name
