"""Helpers for the hostile-input tests: odd strings and the loader's contract, checked.

Not a test module (no ``test_`` prefix); the fuzz, safety and bad-input tests import it.
Reading and writing data files is in ``helpers.py``.

Private imports: the loader's own validate and converter, to check hostile records
against the rules without writing files (no public API runs them alone); KINDS to reach
every record kind.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import ca_security
from ca_security import Dataset, DatasetError
from ca_security._model.kinds import KINDS

#: Every file name a dataset directory may hold.
DATA_FILES = ("metadata.json", *(kind.file for kind in KINDS))

#: Strings that have broken parsers and terminals before.
ODD_STRINGS = (
    "",
    " ",
    "\x00",
    "nul\x00inside",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f",  # right-to-left mark
    "e\u0301\u0301\u0301",  # combining marks
    "\ud800",  # lone high surrogate (written to JSON as an escape)
    "\udfff tail",  # lone low surrogate
    "\ufeff",  # byte order mark
    "\n\t\r",
    "Ελληνικά Қазақстан 中文",
    "x" * 5000,
    "-",
    "a--b",
    "UPPER",
    "2024-02-30",
    "2023-02-29",
    "2024-13",
    "0000",
    "10000",
    "2024-5-1",
    "٢٠٢٤",  # Arabic-Indic digits
    "2024\n",
)


def load_or_fail_cleanly(directory: Path, files: dict[str, Any] | None = None) -> Dataset | None:
    """Load ``directory`` and check the loader's contract; return the dataset or ``None``.

    The contract: loading either returns a valid :class:`Dataset` or raises
    :class:`DatasetError` whose every problem names the file, and the record
    and field where the problem lies in a record; the message prints on any
    terminal. Any other exception propagates and fails the calling test.

    Args:
        directory: The dataset directory.
        files: The JSON values written there (to check that named records exist).

    """
    try:
        dataset = ca_security.load(directory)
    except DatasetError as error:
        check_problems(error, files or {})
        return None
    check_valid(dataset)
    return dataset


def check_problems(error: DatasetError, files: dict[str, Any]) -> None:
    """Every problem of ``error`` is located and printable; see :func:`load_or_fail_cleanly`."""
    assert error.problems, "a DatasetError lists at least one problem"
    message = str(error)
    message.encode("utf-8")  # no lone surrogates: prints on a UTF-8 terminal
    for line in message.splitlines():
        assert line.isprintable(), repr(line)
    shown = error.problems[:50]  # the message lists the first 50, then counts the rest
    for problem in error.problems:
        assert problem.file, problem
        assert problem not in shown or str(problem) in message
        if problem.record is None:
            continue
        assert problem.field is not None or problem.message.startswith("expected an object"), (
            f"a problem in a record names the field: {problem}"
        )
        _check_record_label(problem.record, files.get(problem.file))


def _check_record_label(label: str, value: Any) -> None:
    records = [value] if isinstance(value, dict) else value
    if not isinstance(records, list):
        return  # the file was not written by the test (or is bytes)
    if label.startswith("#"):
        assert 0 <= int(label[1:]) < len(records), label
    else:
        assert any(isinstance(r, dict) and r.get("id") == label for r in records), label


@functools.cache
def _converter() -> Any:
    """One converter for every check (making one costs more than a small round trip)."""
    from ca_security._load.converter import make_converter

    return make_converter()


def check_valid(dataset: Dataset) -> None:
    """A loaded dataset is whole: it survives a write-and-read round trip unchanged."""
    from ca_security._load.consistency import validate

    assert isinstance(dataset, Dataset)
    records = {name: tuple(collection) for name, collection in dataset.collections()}
    assert validate(records) == []
    converter = _converter()
    for kind in KINDS:
        for record in records[kind.name]:
            assert converter.structure(converter.unstructure(record), kind.type) == record
