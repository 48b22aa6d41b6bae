"""``Collection.get`` returns the kind's record type, or the default's type."""

from __future__ import annotations

import subprocess
import sys

import pytest

import ca_security as cs

DS = cs.load()


def test_get_returns_the_record_none_or_the_default() -> None:
    assert DS.countries.get("kz") is DS.countries["kz"]
    assert DS.countries.get("xx") is None
    marker = object()
    assert DS.countries.get("xx", marker) is marker
    assert DS.countries.get("kz", marker) is DS.countries["kz"]


def test_get_refuses_an_id_that_is_not_a_string() -> None:
    with pytest.raises(TypeError, match=r"^country ids are strings; got int$"):
        DS.countries.get(5)  # type: ignore[call-overload]


def test_type_checkers_see_the_record_type_of_get(tmp_path) -> None:
    pytest.importorskip("mypy", reason="mypy comes with the lint extra")
    code = "\n".join(
        [
            "import ca_security",
            "ds = ca_security.load()",
            'reveal_type(ds.countries.get("kz"))',
            'reveal_type(ds.officials.get("kz"))',
            'reveal_type(ds.statements.get("x", 0))',
            'reveal_type(ds.get("kz"))',
        ]
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    revealed = [
        line.split("Revealed type is ")[1].strip('"')
        for line in result.stdout.splitlines()
        if "Revealed type is" in line
    ]
    assert revealed == [
        "ca_security._model.vocabulary.Country | None",
        "ca_security._model.people.Official | None",
        "ca_security._model.statements.Statement | int",
        "Any",
    ], result.stdout
