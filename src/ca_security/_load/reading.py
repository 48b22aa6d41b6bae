"""Reading a dataset: bytes -> JSON -> records -> validation -> :class:`Dataset`."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .._dataset.dataset import Dataset, assemble
from .._model.errors import DatasetError, Problem
from .._model.kinds import KINDS
from .._model.metadata import Metadata

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "load"]

#: The largest data file a dataset may have (64 MiB); a larger one is refused.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: How deeply JSON arrays and objects may nest in a data file. The deepest valid
#: record (an official's tenure's disputed value's citation) is 10 levels deep,
#: counting the file's own array; anything deeper is refused before structuring.
MAX_DEPTH = 16
_METADATA = "metadata.json"
_KNOWN_FILES = {_METADATA, *(kind.file for kind in KINDS)}

_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset: the bundled one, or a directory of data files.

    The bundled dataset is read on first use and cached: every call without a
    path returns the same :class:`Dataset` object, also when many threads ask
    at once. A directory is read afresh on each call. Either way, every file
    is validated; any problem raises :class:`DatasetError` listing every
    problem with its file, record and field, and no half-built dataset is
    returned.

    Only the known file names directly inside the directory are read. Each
    must be a regular file (a symbolic link is followed only when its target
    lies inside the directory), at most :data:`MAX_FILE_BYTES` long, UTF-8
    JSON without duplicate keys or ``NaN``/``Infinity``, nested at most
    :data:`MAX_DEPTH` levels deep; anything else is a problem of that file.

    Args:
        path: A directory holding ``metadata.json`` and the data files
            (``statements.json``, ``officials.json``, ...; a missing one is an
            empty collection). ``None`` for the bundled dataset.

    Raises:
        DatasetError: when the data break a rule.
        FileNotFoundError: when ``path`` is not a directory.
        TypeError: when ``path`` is not a string or path.
        ValueError: when ``path`` is the empty string.

    Examples:
        >>> import ca_security
        >>> ds = ca_security.load()
        >>> ds is ca_security.load()
        True

    """
    if path is None:
        return _load_bundled()
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a string or os.PathLike, got {type(path).__name__}")
    if isinstance(path, str) and not path.strip():
        raise ValueError("path is empty; pass None for the bundled dataset")
    directory = Path(path)
    if not directory.is_dir():
        raise FileNotFoundError(f"not a dataset directory: {str(directory)!r}")
    return _build(lambda name: _read_path(directory, name), _list_directory(directory))


def _load_bundled() -> Dataset:
    global _bundled
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                from importlib import resources  # slow to import; only the bundled data need it

                data = resources.files("ca_security").joinpath("data")
                names = sorted(item.name for item in data.iterdir() if item.name.endswith(".json"))

                def read(name: str) -> bytes | None:
                    entry = data.joinpath(name)
                    return entry.read_bytes() if entry.is_file() else None

                _bundled = _build(read, names)
    return _bundled


def _list_directory(directory: Path) -> list[str]:
    return sorted(entry.name for entry in directory.iterdir() if entry.name.endswith(".json"))


def _read_path(directory: Path, name: str) -> bytes | None:
    """The bytes of ``directory/name``, ``None`` when absent; never more than the limit + 1."""
    path = directory / name
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() and not path.resolve().is_relative_to(directory.resolve()):
        raise _Refused("a symbolic link to outside the dataset directory is not followed")
    if not path.is_file():
        raise _Refused("not a regular file")
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


class _Refused(Exception):
    """A data file the loader will not read; the message says why."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a load allocates its many records.

    A load creates no reference cycles worth collecting, but hundreds of
    thousands of new objects would trigger repeated full collections that
    cost more than the load itself. The collector's previous state is restored.

    Objects made while the collector is paused pile up in its youngest
    generation, so the first collection after it resumes would walk every one
    of them. Unless the process has frozen objects of its own (``gc.freeze``),
    a ``gc.freeze()`` / ``gc.unfreeze()`` pair first moves them straight to the
    oldest generation, where the records of a loaded dataset belong: that
    costs no walk over them, and nothing is left frozen.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _build(read: Callable[[str], bytes | None], names: list[str]) -> Dataset:
    with _collector_paused():
        return _build_records(read, names)


def _fast_records(
    parsed: dict[str, Any],
) -> tuple[Metadata, dict[str, tuple[Any, ...]]] | None:
    """Every record by the fast path (:mod:`._fast`), or ``None`` at the first problem."""
    from .fast import make_structurer

    structurer = make_structurer()
    try:
        metadata = structurer(Metadata)(parsed[_METADATA])
        records: dict[str, tuple[Any, ...]] = {}
        for kind in KINDS:
            values = parsed.get(kind.file)
            if values is not None:
                structure = structurer(kind.type)
                records[kind.name] = tuple([structure(value) for value in values])
    except Exception:
        return None
    return metadata, records


def _build_records(read: Callable[[str], bytes | None], names: list[str]) -> Dataset:
    from .consistency import validate

    parsed: dict[str, Any] = {}
    parse_problems: dict[str, list[Problem]] = {}
    problems: list[Problem] = [
        Problem(file=name, message="unexpected file: not a data file of this format")
        for name in names
        if name not in _KNOWN_FILES
    ]
    metadata_value, metadata_problems = _parse(read, _METADATA, expect=dict)
    problems += metadata_problems
    for kind in KINDS:
        value, parse_problems[kind.file] = _parse(read, kind.file, expect=list)
        if value is not None:
            parsed[kind.file] = value
    if not problems and metadata_value is not None and not any(parse_problems.values()):
        # The fast path: valid data load without the detailed (slower) error tracking.
        parsed[_METADATA] = metadata_value
        fast = _fast_records(parsed)
        if fast is not None:
            found = validate(fast[1])
            if found:
                raise DatasetError(found)
            return assemble(*fast)
    from .converter import make_converter
    from .structuring import structure_records

    converter = make_converter()
    metadata: tuple[Metadata, ...] = ()
    if metadata_value is None and not metadata_problems:
        problems.append(
            Problem(
                file=_METADATA,
                message=(
                    "missing: a dataset needs metadata.json; add one with at least a version, "
                    'e.g. {"dataset_version": "1"} (title, description, license and created '
                    "are optional)"
                ),
            )
        )
    elif metadata_value is not None:
        metadata, found = structure_records(
            converter, [metadata_value], Metadata, _METADATA, max_depth=MAX_DEPTH
        )
        problems += found
    records: dict[str, tuple[Any, ...]] = {}
    for kind in KINDS:
        problems += parse_problems[kind.file]
        value = parsed.get(kind.file)
        if value is not None:
            built: tuple[Any, ...]
            built, found = structure_records(
                converter, value, kind.type, kind.file, max_depth=MAX_DEPTH - 1
            )
            records[kind.name] = built
            problems += found
    if not problems:
        problems += validate(records)
    if problems or not metadata:
        raise DatasetError(problems)
    return assemble(metadata[0], records)


def _parse(
    read: Callable[[str], bytes | None], name: str, *, expect: type
) -> tuple[Any, list[Problem]]:
    try:
        raw = read(name)
    except _Refused as error:
        return None, [Problem(file=name, message=str(error))]
    except OSError as error:
        return None, [
            Problem(file=name, message=f"cannot read the file: {error.strerror or error}")
        ]
    if raw is None:
        return None, []
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(file=name, message=f"file is larger than {MAX_FILE_BYTES} bytes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file=name, message=f"not UTF-8 text (byte {error.start})")]
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        return None, [
            Problem(
                file=name,
                message=f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            )
        ]
    except RecursionError:
        return None, [Problem(file=name, message=f"JSON nested deeper than {MAX_DEPTH} levels")]
    except ValueError as error:  # from the hooks below
        return None, [Problem(file=name, message=f"not valid JSON: {error}")]
    if not isinstance(value, expect):
        wanted = "an object" if expect is dict else "an array of records"
        return None, [
            Problem(
                file=name, message=f"expected {wanted} at the top level, got {type(value).__name__}"
            )
        ]
    return value, []


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is an error (JSON would keep the last)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                break
            seen.add(key)
        record_id = value.get("id")
        where = f" in the object with id {record_id!r}" if isinstance(record_id, str) else ""
        raise ValueError(f"duplicate key {key!r}{where}")
    return value


def _bounded_int(text: str) -> int:
    """An integer of at most 30 digits: no field needs more, and Python refuses 4300+."""
    if len(text.lstrip("-")) > 30:
        raise ValueError(f"an integer of {len(text.lstrip('-'))} digits is too long")
    return int(text)


def _no_constant(name: str) -> Any:
    """Refuse ``NaN``, ``Infinity`` and ``-Infinity``, which JSON does not have."""
    raise ValueError(f"{name} is not a JSON number")
