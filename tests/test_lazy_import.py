"""``import ca_security`` is lazy (PEP 562): public names are imported on first use.

The package ``__init__`` maps each public name to the private module that
defines it; ``__getattr__`` imports that module on first access. These tests
check that the bare import imports none of the private modules, that every
public name still resolves (by attribute and by ``from ... import``) to the
object its module defines, whichever name a fresh interpreter asks for first.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ca_security as cs

#: Modules a bare ``import ca_security`` must not import (each costs milliseconds,
#: or reads data); the private modules of the package are checked as a whole.
NOT_AT_IMPORT = ("importlib.metadata", "importlib.resources", "attrs", "cattrs", "dateutil", "json")


def _run(code: str) -> Any:
    """Run ``code`` in a fresh interpreter and return the JSON it prints."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def _fingerprint(value: Any) -> str:
    """What identifies a public value across interpreters: its qualified name, or its repr."""
    if isinstance(value, (type, types.FunctionType)):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def _resolve_in_fresh_interpreter(order: list[str]) -> dict[str, list[Any]]:
    """Access ``order``'s names in that order in a fresh interpreter.

    Returns, per name, whether the value is the very object of its defining
    module, and the value's fingerprint.
    """
    return _run(
        f"""
        import json, sys, types
        import ca_security

        def fingerprint(value):
            if isinstance(value, (type, types.FunctionType)):
                return f"{{value.__module__}}.{{value.__qualname__}}"
            return repr(value)

        found = {{}}
        for name in {order!r}:
            value = getattr(ca_security, name)
            home = sys.modules["ca_security" + ca_security._MODULES[name]]
            found[name] = [getattr(home, name) is value, fingerprint(value)]
        print(json.dumps(found))
        """
    )


def test_the_bare_import_imports_no_private_module_and_nothing_heavy():
    """``import ca_security`` imports only the package itself (and ``typing``)."""
    new, listed = _run(
        """
        import json, sys
        before = set(sys.modules)
        import ca_security
        new = sorted(set(sys.modules) - before)
        listed = sorted(set(ca_security.__all__) - set(dir(ca_security)))
        print(json.dumps([new, listed]))
        """
    )
    assert "ca_security" in new
    assert [name for name in new if name.startswith("ca_security.")] == []
    assert [name for name in NOT_AT_IMPORT if name in new] == []
    assert listed == []  # dir() shows the public names before their first use


def test_first_use_imports_the_owning_module_only_then():
    """Asking for one name imports its module (so the check above can see an import)."""
    new = _run(
        """
        import json, sys
        import ca_security
        before = set(sys.modules)
        ca_security.Problem
        print(json.dumps(sorted(set(sys.modules) - before)))
        """
    )
    assert "ca_security._model.errors" in new
    assert "ca_security._load.reading" not in new
    assert "ca_security._query.corroboration" not in new


def test_the_table_covers_exactly_the_public_names():
    assert sorted(cs._MODULES) == sorted(cs.__all__)
    assert len(cs.__all__) == len(set(cs.__all__))


def test_type_checkers_import_each_name_from_the_module_of_the_table():
    """The ``TYPE_CHECKING`` imports (what mypy and IDEs read) match ``_MODULES``."""
    assert cs.__file__ is not None
    tree = ast.parse(Path(cs.__file__).read_text("utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    imported = {
        alias.name: "." * statement.level + (statement.module or "")
        for statement in block.body
        if isinstance(statement, ast.ImportFrom)
        for alias in statement.names
    }
    assert imported == cs._MODULES


@pytest.mark.parametrize("name", cs.__all__)
def test_every_public_name_resolves_to_its_modules_object(name, monkeypatch):
    """Attribute access and ``from ca_security import`` give the defining module's object."""
    monkeypatch.delitem(vars(cs), name, raising=False)  # not cached: go through __getattr__
    home = importlib.import_module(cs._MODULES[name], "ca_security")
    value = getattr(cs, name)
    assert value is getattr(home, name)
    assert vars(cs)[name] is value  # kept, so the next access is a plain look-up
    if isinstance(value, (type, types.FunctionType)):
        assert value.__module__ == home.__name__  # the module that defines it, not a re-export
    monkeypatch.delitem(vars(cs), name)
    namespace: dict[str, Any] = {}
    exec(f"from ca_security import {name}", namespace)
    assert namespace[name] is value


def test_star_import_gives_every_public_name():
    namespace: dict[str, Any] = {}
    exec("from ca_security import *", namespace)
    assert {name: namespace[name] for name in cs.__all__} == {
        name: getattr(cs, name) for name in cs.__all__
    }


def test_dir_lists_the_public_names_and_the_module_attributes():
    names = dir(cs)
    assert set(cs.__all__) <= set(names)
    assert {"__doc__", "__name__", "__all__"} <= set(names)
    assert names == sorted(names)


@pytest.mark.parametrize("name", ["nope", "statement", "_MODULE", "_loaderx", "__wrapped__"])
def test_an_unknown_name_raises_the_standard_attribute_error(name):
    with pytest.raises(AttributeError) as caught:
        getattr(cs, name)
    assert str(caught.value) == f"module 'ca_security' has no attribute {name!r}"
    assert not hasattr(cs, name)
    with pytest.raises(ImportError, match=f"cannot import name {name!r}"):
        exec(f"from ca_security import {name}", {})


def test_the_version_is_the_installed_metadata_version():
    from importlib import metadata

    assert cs.__version__ == metadata.version("ca-security")


def test_no_version_needs_the_package_metadata():
    """Neither version imports ``importlib.metadata`` (``stats`` prints both)."""
    startup, after = _run(
        """
        import json, sys
        startup = "importlib.metadata" in sys.modules
        import ca_security
        ca_security.DATASET_VERSION, ca_security.__version__
        print(json.dumps([startup, "importlib.metadata" in sys.modules]))
        """
    )
    if startup:
        pytest.skip("this interpreter imports importlib.metadata at startup")
    assert after is False


@pytest.mark.parametrize("module", sorted(set(cs._MODULES.values())))
def test_any_module_can_be_the_first_one_asked_for(module):
    """A fresh interpreter that asks first for a name of ``module`` gets every name right."""
    first = next(name for name, home in cs._MODULES.items() if home == module)
    order = [first, *(name for name in cs.__all__ if name != first)]
    found = _resolve_in_fresh_interpreter(order)
    assert found == {name: [True, _fingerprint(getattr(cs, name))] for name in cs.__all__}


@settings(max_examples=15)
@given(st.permutations(cs.__all__))
def test_any_order_of_first_access_gives_the_same_objects(order):
    """Whatever order a fresh interpreter asks in, each name is its module's object."""
    found = _resolve_in_fresh_interpreter(order)
    assert found == {name: [True, _fingerprint(getattr(cs, name))] for name in cs.__all__}


def test_type_checkers_see_every_public_name_and_reject_a_misspelt_one(tmp_path):
    """mypy reads the names from the ``TYPE_CHECKING`` imports; ``__getattr__`` is hidden from it."""
    pytest.importorskip("mypy", reason="mypy comes with the lint extra")
    code = "\n".join(
        [
            "import ca_security",
            f"from ca_security import {', '.join(cs.__all__)}",
            "reveal_type(ca_security.load)",
            "ca_security.Statment",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "-c", code],
        capture_output=True,
        text=True,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'Module has no attribute "Statment"' in errors[0]
    assert "-> ca_security._dataset.dataset.Dataset" in result.stdout


def test_stats_imports_neither_the_page_checker_nor_the_checked_loader():
    """``ca-security stats`` on the bundled data: the short path, no HTML or HTTP machinery."""
    imported = _run(
        """
        import contextlib, io, json, sys
        from ca_security._cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["stats"])
        heavy = ("cattrs", "html.parser", "http.client", "importlib.metadata",
                 "ca_security._verify.pages", "ca_security._load.consistency")
        print(json.dumps([code, [name for name in heavy if name in sys.modules]]))
        """
    )
    assert imported == [0, []]
