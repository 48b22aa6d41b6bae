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
