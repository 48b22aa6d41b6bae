"""No unsafe loading: no code runs from data, and no path in a dataset leads outside it.

The rule (documented in ``load``): only the known file names directly inside the
dataset directory are read; each must be a regular file, and a symbolic link is
followed only when its target lies inside the directory. The data themselves
hold no paths that the loader opens (``Source.corpus_file`` is a name, never read
by ``load``).
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import ca_security as cs
from _hostile import DATA_FILES
from helpers import bundled_raw, write_raw

SRC = Path(__file__).resolve().parent.parent / "src" / "ca_security"

#: Calls that run code or build objects from bytes; none may appear in the package.
UNSAFE_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "yaml.load",
    "yaml.unsafe_load",
    "yaml.full_load",
}
# importlib.import_module is not listed: the package uses it only to import its optional
# extras (pandas, pyarrow) and, in __init__, its own private modules, by the fixed names
# of a table; no module name ever comes from data.
# The one exception: the loader's fast path (``_load/fast_source.py``) compiles, for each record
# type, a structuring function written from the type's field names, as attrs writes
# ``__init__``. No text of the data enters that source; tests/test_fast_load.py
# checks that its only string literals are field names.
ALLOWED_CALLS = {("fast_source.py", "exec"), ("fast_source.py", "compile")}
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "yaml", "jsonpickle"}

symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def _called_name(node: ast.Call) -> str:
    parts = []
    func = node.func
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    return ".".join(reversed(parts))


def _package_sources() -> list[Path]:
    sources = sorted(SRC.rglob("*.py"))
    assert len(sources) > 10  # the walk found the package
    return sources


@pytest.mark.parametrize("path", _package_sources(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_module_runs_code_from_data(path):
    """No eval/exec/pickle/marshal/yaml in the package but the allowed calls (parsed, not grepped)."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if (path.name, name) not in ALLOWED_CALLS:
                assert name not in UNSAFE_CALLS, f"{path.name}:{node.lineno}"
        elif isinstance(node, ast.Import):
            assert not {alias.name.split(".")[0] for alias in node.names} & UNSAFE_MODULES
        elif isinstance(node, ast.ImportFrom):
            assert (node.module or "").split(".")[0] not in UNSAFE_MODULES


def test_the_unsafe_call_check_can_fail():
    """The checker above does see a forbidden call (so its silence means something)."""
    (call,) = [n for n in ast.walk(ast.parse("pickle.loads(b'')")) if isinstance(n, ast.Call)]
    assert _called_name(call) in UNSAFE_CALLS


def test_only_known_file_names_are_read(tmp_path, monkeypatch):
    """Every file opened while loading is a known data file directly in the directory."""
    write_raw(tmp_path, bundled_raw())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "statements.json").write_text("not read", "utf-8")
    opened: list[Path] = []
    real_open = Path.open

    def spying_open(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spying_open)
    cs.load(tmp_path)
    assert sorted(path.name for path in opened) == sorted(DATA_FILES)
    assert {path.parent for path in opened} == {tmp_path}


@symlinks
def test_a_symlink_to_outside_the_directory_is_refused(tmp_path):
    """A data file that links outside the dataset is a problem, and its target is not read."""
    outside = tmp_path / "outside"
    write_raw(outside, bundled_raw())
    dataset = tmp_path / "dataset"
    write_raw(dataset, bundled_raw())
    (dataset / "topics.json").unlink()
    (dataset / "topics.json").symlink_to(outside / "topics.json")
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(dataset)
    (problem,) = caught.value.problems
    assert problem.file == "topics.json"
    assert "outside the dataset directory" in problem.message


@symlinks
@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd", "../outside.json"])
def test_symlinks_to_devices_and_system_files_are_refused(tmp_path, target):
    """Links to endless devices or system files are refused before opening."""
    dataset = tmp_path / "dataset"
    write_raw(dataset, bundled_raw())
    (tmp_path / "outside.json").write_text("[]", "utf-8")
    (dataset / "series.json").unlink()
    (dataset / "series.json").symlink_to(target)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(dataset)
    assert [p.file for p in caught.value.problems] == ["series.json"]


@symlinks
def test_a_chain_of_links_that_ends_outside_is_refused(tmp_path):
    """The final target decides: a link to a link inside that points outside is refused."""
    dataset = tmp_path / "dataset"
    write_raw(dataset, bundled_raw())
    (tmp_path / "outside.json").write_text("[]", "utf-8")
    (dataset / "hop.lnk").symlink_to(tmp_path / "outside.json")
    (dataset / "series.json").unlink()
    (dataset / "series.json").symlink_to(dataset / "hop.lnk")
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(dataset)
    assert "outside the dataset directory" in caught.value.problems[0].message


@symlinks
def test_a_symlink_inside_the_directory_is_followed(tmp_path):
    """Links that stay inside the dataset (e.g. to a shared copy in a subfolder) are read."""
    dataset = tmp_path / "dataset"
    write_raw(dataset, bundled_raw())
    (dataset / "shared").mkdir()
    (dataset / "topics.json").rename(dataset / "shared" / "topics.json")
    (dataset / "topics.json").symlink_to(Path("shared") / "topics.json")
    assert cs.load(dataset) == cs.load()


@symlinks
def test_the_dataset_directory_itself_may_be_a_link(tmp_path):
    """The rule is about the files in the dataset, not how the caller reaches it."""
    real = tmp_path / "real"
    write_raw(real, bundled_raw())
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    assert cs.load(tmp_path / "alias") == cs.load()


@symlinks
def test_a_dangling_symlink_is_a_problem(tmp_path):
    """A link to nothing is reported, not taken for a missing (empty) file."""
    write_raw(tmp_path, bundled_raw())
    (tmp_path / "figures.json").unlink()
    (tmp_path / "figures.json").symlink_to(tmp_path / "gone.json")
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert [(p.file, p.message) for p in caught.value.problems] == [
        ("figures.json", "not a regular file")
    ]


def test_paths_in_records_are_never_opened(tmp_path):
    """corpus_file naming a path outside is refused, not opened: the error quotes the name only."""
    files = bundled_raw()
    files["sources.json"][0]["corpus_file"] = "../../../../etc/passwd"
    write_raw(tmp_path, files)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert "root:" not in str(caught.value)
    assert [p.field for p in caught.value.problems] == ["corpus_file"]
