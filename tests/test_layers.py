"""The containers reach up to the query and export layers only inside delegating methods.

``lint-imports`` (pyproject ``[tool.importlinter]``, run in CI) checks that each
layer imports only the layers below it, with one listed exception: the modules
of ``ca_security._dataset`` may import the query, load and export layers. This test
checks the other half of that rule, which import-linter cannot see: every such
import sits inside a function, so that importing a container never imports a
layer above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ca_security

PACKAGE = Path(ca_security.__file__).parent
CONTAINERS = sorted((PACKAGE / "_dataset").glob("*.py"))
UPPER = ("_query", "_export", "_load", "_verify", "_cli")


def _upward_imports(tree: ast.Module) -> list[tuple[ast.ImportFrom, bool]]:
    """Each import of an upper layer in ``tree``, and whether it is inside a function."""
    found: list[tuple[ast.ImportFrom, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level >= 2 and module.split(".")[0] in UPPER:
                    found.append((child, in_function))
            visit(child, in_function or isinstance(child, ast.FunctionDef))

    visit(tree, False)
    return found


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:``."""
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            lines.update(child.lineno for child in ast.walk(node) if hasattr(child, "lineno"))
    return lines


@pytest.mark.parametrize("path", CONTAINERS, ids=lambda path: path.name)
def test_containers_import_upper_layers_only_inside_methods(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    hints = _type_checking_only(tree)
    module_level = [
        f"line {node.lineno}: from {'.' * node.level}{node.module} import ..."
        for node, in_function in _upward_imports(tree)
        if not in_function and node.lineno not in hints
    ]
    assert module_level == []


def test_the_check_sees_a_module_level_upward_import() -> None:
    """The walker finds an upward import at module level and one inside a method."""
    tree = ast.parse(
        "from .._export.csv_package import to_csv\n"
        "class C:\n"
        "    def m(self):\n"
        "        from .._query.lookup import lookup\n"
    )
    assert [(node.module, inside) for node, inside in _upward_imports(tree)] == [
        ("_export.csv_package", False),
        ("_query.lookup", True),
    ]


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "_export").glob("*.py")), ids=lambda path: path.name
)
def test_exports_import_the_containers_for_type_hints_only(path: Path) -> None:
    """An export reads a dataset through its public API; it imports ``Dataset`` to name the type."""
    tree = ast.parse(path.read_text("utf-8"))
    hints = _type_checking_only(tree)
    at_run_time = [
        node.lineno
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("_dataset")
        and node.lineno not in hints
    ]
    assert at_run_time == []


# -- the query layer: no import loop, no hidden module-level caches -------------------------

QUERY = sorted((PACKAGE / "_query").glob("*.py"))


#: Modules a script writes (one line per record field), which no one edits by hand.
WRITTEN = {"_load/bundled_records.py"}


def test_no_module_of_the_package_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text("utf-8").splitlines())) > 500
    }
    assert set(long) <= WRITTEN


def test_the_written_modules_say_so() -> None:
    for name in WRITTEN:
        first_line = (PACKAGE / name).read_text("utf-8").splitlines()[0]
        assert "written by ``scripts/build_data.py``, do not edit" in first_line


def test_no_module_of_the_package_assigns_a_global() -> None:
    """Caches live on a dataset or in ``functools.cache``, not in ``global`` assignments."""
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Global)
    ]
    assert found == []


@pytest.mark.parametrize("path", QUERY, ids=lambda path: path.name)
def test_query_modules_import_each_other_only_at_module_level(path: Path) -> None:
    """An import inside a function would hide a loop; within the layer there is none to hide."""
    tree = ast.parse(path.read_text("utf-8"))
    inside = [
        f"line {node.lineno}: from {'.' * node.level}{node.module} import ..."
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom) and node.level == 1
    ]
    assert inside == []


def _local_imports(path: Path) -> set[str]:
    """The sibling modules ``path`` imports (``from .name import ...``), outside TYPE_CHECKING."""
    tree = ast.parse(path.read_text("utf-8"))
    hints = _type_checking_only(tree)
    return {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.lineno not in hints
    }


def _loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import loop of ``graph`` (module -> the modules it imports), as a path."""
    loops: list[list[str]] = []

    def walk(module: str, trail: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in trail:
                loops.append([*trail[trail.index(imported) :], imported])
            else:
                walk(imported, [*trail, imported])

    for module in sorted(graph):
        walk(module, [module])
    return loops


def test_the_query_layer_has_no_import_loop() -> None:
    assert _loops({path.stem: _local_imports(path) for path in QUERY}) == []


def test_the_loop_check_sees_a_loop(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from .b import x\n", "utf-8")
    (tmp_path / "b.py").write_text("from .c import y\n", "utf-8")
    (tmp_path / "c.py").write_text("from .a import z\n", "utf-8")
    graph = {path.stem: _local_imports(path) for path in sorted(tmp_path.glob("*.py"))}
    assert graph == {"a": {"b"}, "b": {"c"}, "c": {"a"}}
    assert ["a", "b", "c", "a"] in _loops(graph)
    assert _loops({"a": {"b"}, "b": set()}) == []


_CACHE_HOLDERS = [*QUERY, *CONTAINERS]


@pytest.mark.parametrize("path", _CACHE_HOLDERS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_module_level_cache_kept_through_global_or_a_mutable_dict(path: Path) -> None:
    """Per-type facts use ``functools.cache``; per-dataset facts live on the dataset."""
    tree = ast.parse(path.read_text("utf-8"))
    globals_ = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Global)]
    empty_containers = [
        node.lineno
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and node.value is not None
        and (
            (isinstance(node.value, ast.Dict | ast.List | ast.Set) and not _elements(node.value))
            or (
                isinstance(node.value, ast.Call)
                and ast.unparse(node.value.func) in ("dict", "list", "set")
                and not node.value.args
            )
        )
    ]
    assert (globals_, empty_containers) == ([], [])


def _elements(node: ast.Dict | ast.List | ast.Set) -> list[ast.AST | None]:
    return list(node.keys) if isinstance(node, ast.Dict) else list(node.elts)


def test_specs_is_gone_and_the_table_is_imported_directly() -> None:
    from ca_security._query import criteria, filtering, lookup

    assert not hasattr(filtering, "specs")
    assert lookup.SPECS is criteria.SPECS
    source = "\n".join(path.read_text("utf-8") for path in PACKAGE.rglob("*.py"))
    assert "specs()" not in source
