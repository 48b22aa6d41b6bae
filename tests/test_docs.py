"""The documentation: API page coverage, tables checked against the data, doctests, the build."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import ca_security

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"


def load_script(name: str) -> ModuleType:
    """Import a script of ``scripts/`` as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documented_names() -> set[str]:
    """The names the API page documents with a directive (``.. autoclass:: ca_security.X``...)."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    pattern = r"^\.\. (?!module::)\w+(?::\w+)?:: (?:ca_security\.)?([\w.]+)\s*$"
    return set(re.findall(pattern, text, re.M))


def test_api_page_documents_every_public_name() -> None:
    """Every name in ``ca_security.__all__`` (and ``ca_security.plot.__all__``) is on the API page."""
    import ca_security.plot

    names = documented_names()
    missing = sorted(set(ca_security.__all__) - names)
    missing += sorted(f"plot.{n}" for n in ca_security.plot.__all__ if f"plot.{n}" not in names)
    assert missing == []


def test_api_page_documents_only_real_names() -> None:
    """The API page names nothing that does not exist (no stale entries)."""
    stale = []
    for name in documented_names():
        target: object = ca_security
        for part in name.split("."):
            if not hasattr(target, part):
                stale.append(name)
                break
            target = getattr(target, part)
    assert stale == []


@pytest.mark.parametrize("page", [README, DOCS / "index.md"], ids=lambda p: p.name)
def test_counts_tables_match_the_data(page: Path) -> None:
    """The record counts the README and the docs show are those of the bundled data."""
    sync = load_script("sync_docs")
    text = page.read_text(encoding="utf-8")
    expected = sync.rewrite(text, sync.counts_table(ca_security.load()))
    assert expected == text, f"{page.name} is stale: run python scripts/sync_docs.py"


def test_coverage_page_matches_the_data() -> None:
    """docs/coverage.md shows the coverage tables of the bundled data."""
    sync = load_script("sync_docs")
    page = DOCS / "coverage.md"
    text = page.read_text(encoding="utf-8")
    expected = sync.rewrite_coverage(text, sync.coverage_tables(ca_security.load()))
    assert expected == text, "coverage.md is stale: run python scripts/sync_docs.py"


def test_coverage_tables_count_every_statement_once() -> None:
    """Each coverage table adds up to the number of statements (oracle: a plain count)."""
    sync = load_script("sync_docs")
    ds = ca_security.load()
    tables = sync.coverage_tables(ds).split("## ")
    total = len(ds.statements)
    for title in ("Statements per year", "Statements per speaker", "Statements per country"):
        (section,) = [t for t in tables if t.startswith(title)]
        rows = [
            line for line in section.splitlines() if line.startswith("| ") and "---" not in line
        ]
        assert total == sum(int(row.split("|")[-2]) for row in rows[1:]), title
    years = {s.date.year for s in ds.statements if s.date is not None}
    for year in years:
        assert f"| {year} | " in sync.coverage_tables(ds)


def test_counts_table_lists_every_kind() -> None:
    """The counts table has one row per record kind, with its length."""
    sync = load_script("sync_docs")
    ds = ca_security.load()
    table = sync.counts_table(ds)
    for name, collection in ds.collections():
        assert f"| {name} | {len(collection)} |" in table
    assert f"Dataset version {ds.version}:" in table


def test_rewrite_needs_markers() -> None:
    """A page without the markers is an error, not a silent no-op."""
    sync = load_script("sync_docs")
    with pytest.raises(ValueError, match="no <!-- counts-start -->"):
        sync.rewrite("no markers here", "| table |\n")


def public_modules() -> list[str]:
    """Every module of the package, private ones included (their docstrings are public API)."""
    names = ["ca_security"]
    names += [
        info.name
        for info in pkgutil.walk_packages(ca_security.__path__, prefix="ca_security.")
        if info.name != "ca_security.__main__"
    ]
    return sorted(names)


@pytest.mark.parametrize("name", public_modules())
def test_docstring_examples(name: str) -> None:
    """The ``>>>`` examples in the package's docstrings run and print what they show."""
    if name == "ca_security.plot":
        pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name, globs={**vars(module), "ca_security": ca_security}):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0


def test_the_package_has_docstring_examples() -> None:
    """Doctests exist for the main entry points (so the test above checks something)."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    import ca_security.plot

    for obj in (ca_security, ca_security.load, ca_security.Dataset, ca_security.PartialDate):
        tests = finder.find(obj)
        assert sum(len(t.examples) for t in tests) > 0, obj
    assert finder.find(ca_security.plot.timeline)[0].examples


def readme_example() -> str:
    """The Python block of the README's "A short example" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## A short example", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def test_readme_example_runs_and_is_short() -> None:
    """The README example runs as written and prints the meeting and its participants."""
    code = readme_example()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    ds = ca_security.load()
    meeting = ds.summits["sc-secretaries-2024-05-16-astana"]
    assert result.stdout.startswith(f"{meeting.name} {meeting.start}\n")
    assert ds.officials[meeting.participants[0].person].name in result.stdout
    assert len([line for line in code.splitlines() if line.strip()]) <= 12


def test_readme_keeps_quick_start_commands() -> None:
    """The Quick start section has exactly its two commands."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", section, re.S)
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/ca-security stats",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
    ]


def test_every_docs_page_is_in_a_toctree() -> None:
    """Every page in docs/ is listed in a toctree of the home page."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    entries = set(re.findall(r"^([a-z][\w-]*)$", index, re.M))
    pages = {page.stem for page in DOCS.glob("*.md")} - {"index"}
    assert sorted(pages - entries) == []


def sphinx_build(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            builder,
            "-d",
            str(out / "doctrees"),
            str(DOCS),
            str(out / builder),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize("builder", ["html", "doctest"])
def test_sphinx_build_is_clean(builder: str, tmp_path: Path) -> None:
    """``sphinx-build -n -W`` succeeds (html: no warning; doctest: every example passes)."""
    pytest.importorskip("sphinx", reason="the docs extra is not installed")
    pytest.importorskip("matplotlib", reason="the docs extra (matplotlib) is not installed")
    result = sphinx_build(builder, tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    if builder == "html":
        page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
        assert "timeline-speakers.svg" in page
        assert (tmp_path / "html" / "_images" / "timeline-speakers.svg").stat().st_size > 0
    else:
        output = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
        assert "0 failures in tests" in output
        tests = int(re.search(r"(\d+) tests\n", output).group(1))  # type: ignore[union-attr]
        assert tests > 50


def test_docs_build_is_offline() -> None:
    """The Sphinx configuration fetches nothing: no intersphinx, no remote inventories."""
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "sphinx.ext.intersphinx" not in conf
    assert "intersphinx_mapping" not in conf


def test_readthedocs_builds_the_same_way() -> None:
    """The Read the Docs configuration fails on warnings and installs the docs extra."""
    text = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s+configuration: docs/conf\.py$", text, re.M)
    assert re.search(r"^\s+fail_on_warning: true$", text, re.M)
    assert re.search(r"^\s+- docs$", text, re.M)
