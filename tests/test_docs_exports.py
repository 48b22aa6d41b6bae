"""Every Python example of docs/exports.md runs as written.

Private imports: the CLI's parser and main, to run the documented commands in process.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = BLOCK.findall((DOCS / "exports.md").read_text("utf-8"))


def test_the_page_has_an_example_per_format():
    text = "\n".join(EXAMPLES)
    for call in (
        "to_json(",
        "json_schema(",
        "to_csv(",
        "to_pandas(",
        "to_arrow(",
        "to_parquet(",
        "to_popolo(",
        "cite(",
    ):
        assert call in text, call


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_example_runs(code, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_cli_page_has_a_section_and_an_example_per_command():
    from ca_security._cli import build_parser

    text = (DOCS / "cli.md").read_text("utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    headings = {
        word
        for line in text.splitlines()
        if line.startswith("## ")
        for word in line[3:].replace(",", " ").split()
    }
    for name in commands:
        assert name in headings, name
        assert f"ca-security {name}" in text, name


CLI_BLOCK = re.compile(r"^```bash\n(.*?)^```", re.DOTALL | re.MULTILINE)
CLI_EXAMPLES = [
    line
    for block in CLI_BLOCK.findall((DOCS / "cli.md").read_text("utf-8"))
    for line in block.splitlines()
    if line.startswith("ca-security ") and "--online" not in line  # the network: not in tests
]


def test_every_cli_example_runs(tmp_path, monkeypatch, capsys):
    """Each command line of docs/cli.md runs as written (in order) and exits 0."""
    import shlex

    from ca_security._cli import main

    pytest.importorskip("pyarrow")
    (tmp_path / "corpus").symlink_to(DOCS.parent / "corpus")
    monkeypatch.chdir(tmp_path)
    for line in CLI_EXAMPLES:
        words = shlex.split(line)[1:]
        if ">" in words:  # a redirection: run the command, keep its output here
            words = words[: words.index(">")]
        code = main(words)
        out, err = capsys.readouterr()
        assert code == 0, (line, err)
        assert out.strip(), line
