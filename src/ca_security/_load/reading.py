"""Reading a dataset: bytes -> JSON -> records -> validation -> :class:`Dataset`."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .._dataset.dataset import Dataset, assemble
from .._model.errors import DatasetError, Problem
from .._model.kinds import KINDS
from .._model.metadata import Metadata
from . import origins

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "load"]

#: The largest data file a dataset may have (64 MiB); a larger one is refused.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: How deeply JSON arrays and objects may nest in a data file. The deepest valid
#: record (an official's tenure's disputed value's citation) is 10 levels deep,
#: counting the file's own array; anything deeper is refused before structuring.
MAX_DEPTH = 16
#: How deeply a file's JSON may nest before it is parsed at all. Up to it, a record
#: nested deeper than :data:`MAX_DEPTH` is a problem located in that record; past it,
#: the file is refused unparsed (the parser recurses: deep enough, it would exhaust the
#: interpreter's stack, whatever its recursion limit).
_PARSE_DEPTH = 256
_METADATA = "metadata.json"
#: Data of at least this many bytes are parsed and built with the cyclic garbage
#: collector paused (see :func:`_collector_paused`); smaller loads leave it alone.
_PAUSE_AT = 8 * 1024 * 1024
_KNOWN_FILES = {_METADATA, *(kind.file for kind in KINDS)}

#: Held while the bundled data are read, so that threads asking at once share one read.
_bundled_lock = threading.Lock()


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset: the bundled one, or a directory of data files.

    The bundled dataset is read on first use and cached: every call without a
    path returns the same :class:`Dataset` object, also when many threads ask
    at once. Its files were validated when the package was built; they are
    read without checking them again when their SHA-256 digest is the one the
    build recorded, and with every check otherwise (a file edited after
    installation). A directory is read afresh and validated on each call.
    Any problem raises :class:`DatasetError` listing every problem with its
    file, record and field, and no half-built dataset is returned.

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
        DatasetError: when the data break a rule, and when the directory or a
            data file cannot be read (permissions, a loop of symbolic links,
            an I/O error): no other error comes from the data.
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
    from pathlib import Path  # not imported for the bundled data, which need none

    directory = Path(path)
    if not directory.is_dir():
        raise FileNotFoundError(f"not a dataset directory: {str(directory)!r}")
    origins.remember(directory)
    try:
        names = _list_directory(directory)
    except OSError as error:
        raise DatasetError(
            [Problem(message=f"cannot list the directory: {error.strerror or error}")]
        ) from None
    return _build(lambda name: _read_path(directory, name), names)


def _load_bundled() -> Dataset:
    with _bundled_lock:
        return _read_bundled()


@functools.cache
def _read_bundled() -> Dataset:
    """The bundled dataset, read once per process (a failed read is not kept).

    The data the build checked take the short path of :mod:`.bundled`, with
    the collector paused (see :func:`_collector_paused`); anything else (a
    data file edited since) is loaded with every check.
    """
    from .bundled import trusted_dataset

    directory = origins.BUNDLED_DATA
    names = sorted(name for name in os.listdir(directory) if name.endswith(".json"))

    def read(name: str) -> bytes | None:
        try:
            with open(os.path.join(directory, name), "rb") as file:
                return file.read()
        except FileNotFoundError:
            return None

    with _collector_paused():  # the short path collects no problems
        trusted = trusted_dataset(read, names)
    return trusted or _build(read, names)


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
    """Read, parse, structure and check the data files; the dataset or :class:`DatasetError`.

    Valid data take the fast path. For large data (:data:`_PAUSE_AT` bytes
    or more) the collector is paused while they are parsed and built, and
    never while problems are collected.
    """
    files = [_METADATA, *(kind.file for kind in KINDS)]
    raw = {name: _read(read, name) for name in files}
    size = sum(len(data) for data, _ in raw.values() if data is not None)
    with _collector_paused() if size >= _PAUSE_AT else contextlib.nullcontext():
        parsed = {
            name: _parse(name, data, expect=dict if name == _METADATA else list)
            if data is not None
            else (None, problems)
            for name, (data, problems) in raw.items()
        }
        del raw
        fast = _fast_dataset(parsed, names)
    if fast is not None:
        from .consistency import validate

        found = validate(fast[1])  # problems are never collected with the collector paused
        if found:
            raise DatasetError(found)
        return assemble(*fast)
    return _checked_dataset(parsed, names)


def _fast_records(
    parsed: dict[str, Any],
) -> tuple[Metadata, dict[str, tuple[Any, ...]]] | None:
    """Every record by the fast path (:mod:`._fast`), or ``None`` at the first problem."""
    from .fast import NotFast, make_structurer

    structurer = make_structurer()
    try:
        metadata = structurer(Metadata)(parsed[_METADATA])
        records: dict[str, tuple[Any, ...]] = {}
        for kind in KINDS:
            values = parsed.get(kind.file)
            if values is not None:
                structure = structurer(kind.type)
                records[kind.name] = tuple([structure(value) for value in values])
    except (NotFast, KeyError, TypeError, ValueError):
        # A value the fast path does not take (a data error, as a rule): the
        # converter reads the data again and reports every problem with its place.
        return None
    return metadata, records


def _fast_dataset(
    parsed: dict[str, tuple[Any, list[Problem]]], names: list[str]
) -> tuple[Metadata, dict[str, tuple[Any, ...]]] | None:
    """The records, when every file parsed and every record takes the fast path; else ``None``.

    The dataset-level rules are not checked yet.
    """
    if any(name not in _KNOWN_FILES for name in names):
        return None
    if parsed[_METADATA][0] is None or any(problems for _, problems in parsed.values()):
        return None
    return _fast_records({name: value for name, (value, _) in parsed.items() if value is not None})


def _checked_dataset(parsed: dict[str, tuple[Any, list[Problem]]], names: list[str]) -> Dataset:
    """The dataset, structured with the converter, or :class:`DatasetError` with every problem."""
    from .consistency import validate
    from .converter import make_converter
    from .fast import make_structurer
    from .structuring import ProblemLog, structure_records

    converter = make_converter()
    quick = make_structurer()
    log = ProblemLog()
    log.extend(
        Problem(file=name, message="unexpected file: not a data file of this format")
        for name in names
        if name not in _KNOWN_FILES
    )
    metadata_value, metadata_problems = parsed[_METADATA]
    log.extend(metadata_problems)
    metadata: tuple[Metadata, ...] = ()
    if metadata_value is None and not metadata_problems:
        log.extend(
            [
                Problem(
                    file=_METADATA,
                    message=(
                        "missing: a dataset needs metadata.json; add one with at least a "
                        'version, e.g. {"dataset_version": "1"} (title, description, license '
                        "and created are optional)"
                    ),
                )
            ]
        )
    elif metadata_value is not None:
        metadata = structure_records(
            converter, [metadata_value], Metadata, _METADATA, max_depth=MAX_DEPTH, log=log
        )
    records: dict[str, tuple[Any, ...]] = {}
    for kind in KINDS:
        value, found = parsed[kind.file]
        log.extend(found)
        if value is not None:
            records[kind.name] = structure_records(
                converter,
                value,
                kind.type,
                kind.file,
                max_depth=MAX_DEPTH - 1,
                log=log,
                quick=quick(kind.type),
            )
    if not log and not log.counts:
        log.extend(validate(records))
    if log or log.counts or not metadata:
        raise log.error()
    return assemble(metadata[0], records)


def _read(read: Callable[[str], bytes | None], name: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one data file (``None`` when it is absent), or the problem reading it."""
    try:
        raw = read(name)
    except _Refused as error:
        return None, [Problem(file=name, message=str(error))]
    except RuntimeError:  # Path.resolve on a loop of symbolic links before Python 3.13
        return None, [Problem(file=name, message="cannot read the file: a loop of symbolic links")]
    except OSError as error:
        return None, [
            Problem(file=name, message=f"cannot read the file: {error.strerror or error}")
        ]
    if raw is not None and len(raw) > MAX_FILE_BYTES:
        return None, [Problem(file=name, message=f"file is larger than {MAX_FILE_BYTES} bytes")]
    return raw, []


def _parse(name: str, raw: bytes, *, expect: type) -> tuple[Any, list[Problem]]:
    """The JSON value of one data file's bytes, or the problem with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file=name, message=f"not UTF-8 text (byte {error.start})")]
    if _nested_deeper(text, _PARSE_DEPTH):
        return None, [Problem(file=name, message=f"JSON nested deeper than {MAX_DEPTH} levels")]
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


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_AS_SQUARE = str.maketrans("{}", "[]")


def _nested_deeper(text: str, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in the JSON ``text``.

    A linear scan that needs no stack, so that the recursive parser never
    meets deep data: strings (with their escapes) are dropped, then the
    brackets outside them are kept, then ``limit`` times every innermost pair
    is removed. Balanced brackets no deeper than the limit leave nothing.
    Each round lowers the deepest nesting by one level at most, so what is
    left (deep brackets, or unbalanced ones, which the parser refuses anyway)
    bounds the depth from above: rounds + the opening brackets left.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)).translate(_AS_SQUARE)
    rounds = 0
    while brackets and rounds < limit:
        shorter = brackets.replace("[]", "")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
        rounds += 1
    return bool(brackets) and rounds + brackets.count("[") > limit


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
