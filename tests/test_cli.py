"""The ``ca-security`` command line, run as a subprocess."""

from __future__ import annotations

import subprocess
import sys

import ca_security as cs


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ca_security", *args], capture_output=True, text=True, check=False
    )


def test_stats_prints_counts_versions_and_spans():
    """stats shows every record kind's count, both versions and the spans of statements and meetings."""
    ds = cs.load()
    result = run("stats")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert f"ca_security {cs.__version__}, dataset version {ds.version}" == lines[0]
    for name, collection in ds.collections():
        assert any(line.split() == [name, str(len(collection))] for line in lines), name
    assert f"sources: {len(ds.sources)}" in lines
    said = sorted(s.date for s in ds.statements if s.date is not None)
    assert f"statements span: {said[0]} .. {said[-1]}" in lines
    held = sorted(d for s in ds.summits for d in (s.start, s.end) if d is not None)
    assert f"meetings span: {held[0]} .. {held[-1]}" in lines


def test_stats_counts_statements_per_year_and_occasion():
    """The per-year counts and the number of meetings and texts match a plain count."""
    ds = cs.load()
    lines = run("stats").stdout.splitlines()
    per_year = next(line for line in lines if line.startswith("statements per year: "))
    for year in {s.date.year for s in ds.statements if s.date}:
        count = sum(1 for s in ds.statements if s.date and s.date.year == year)
        assert f"{year} {count}" in per_year
    occasions = {s.summit for s in ds.statements} | {s.document for s in ds.statements}
    occasions.discard(None)
    assert f"meetings and written texts with statements: {len(occasions)}" in lines


def test_stats_counts_statements_per_speaker():
    """Each speaker's line gives the number of statements a plain count finds."""
    ds = cs.load()
    lines = run("stats").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("statements per speaker"))
    rows = lines[start + 1 :]
    speakers = {s.speaker for s in ds.statements}
    assert len(rows) == len(speakers)
    for speaker in speakers:
        count = sum(1 for s in ds.statements if s.speaker == speaker)
        name = ds.officials[speaker].name
        assert f"  {name} [{speaker}]  {count}" in rows


def test_stats_on_a_broken_directory_fails_cleanly(tmp_path):
    """A broken user dataset gives exit 1 and a message on stderr, not a traceback."""
    result = run("stats", "--data", str(tmp_path))
    assert result.returncode == 1
    assert "metadata.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2():
    """An unknown command is a usage error."""
    result = run("no-such-command")
    assert result.returncode == 2


def test_readme_quick_start_has_exactly_two_commands():
    """README's Quick start holds two commands: install + stats, and install test extra + pytest."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in section.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert commands[0].endswith("ca-security stats")
    assert 'pip install -e ".[test]"' in commands[1]
    assert commands[1].endswith("python -m pytest")
