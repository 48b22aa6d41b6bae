"""Reading a dataset: bytes -> JSON -> records -> validation -> :class:`Dataset`."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .._dataset.dataset import Dataset, assemble
from .._model.errors import DatasetError, Problem
from .._model.kinds import KINDS
from .._model.metadata import Metadata
from . import origins
from .json_text import decoder as _decoder
from .json_text import nested_deeper as _nested_deeper

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "load"]

#: The largest data file a dataset may have by default (64 MiB); a larger one is
#: refused unless ``load(path, max_file_bytes=...)`` raises the limit.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: How much more of a file that reports no size (``/proc``) or grows is read at a time.
_CHUNK = 64 * 1024
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


def load(
    path: str | os.PathLike[str] | None = None, *, max_file_bytes: int = MAX_FILE_BYTES
) -> Dataset:
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
    lies inside the directory), at most ``max_file_bytes`` long, UTF-8
    JSON without duplicate keys or ``NaN``/``Infinity``, nested at most
    :data:`MAX_DEPTH` levels deep; anything else is a problem of that file.
    A file is read up to its size and never past ``max_file_bytes + 1``
    bytes, whatever its size claims: no buffer of the limit's size is set
    aside first.

    Memory: the records of each file are made one at a time, each from its
    own parsed JSON, in their collection's order, so the parsed JSON of the
    whole file is never held (about 1.2 times the memory the records keep,
    while the files' text is also held; see :doc:`/performance`).

    Args:
        path: A directory holding ``metadata.json`` and the data files
            (``statements.json``, ``officials.json``, ...; a missing one is an
            empty collection). ``None`` for the bundled dataset.
        max_file_bytes: The largest data file read, in bytes
            (:data:`MAX_FILE_BYTES`, 64 MiB, by default); raise it to read
            larger files. It bounds what one load may read and parse. The
            bundled data are far below it.

    Raises:
        DatasetError: when the data break a rule, and when the directory or a
            data file cannot be read (permissions, a loop of symbolic links,
            an I/O error): no other error comes from the data.
        FileNotFoundError: when ``path`` is not a directory.
        TypeError: when ``path`` is not a string or path, or
            ``max_file_bytes`` is not an integer.
        ValueError: when ``path`` is the empty string, or ``max_file_bytes``
            is not positive.

    Examples:
        >>> import ca_security
        >>> ds = ca_security.load()
        >>> ds is ca_security.load()
        True

    """
    limit = _file_limit(max_file_bytes)
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
    return _build(lambda name: _read_path(directory, name, limit), names, max_file_bytes=limit)


def _file_limit(max_file_bytes: object) -> int:
    """``max_file_bytes`` when it is a positive integer (not a bool); else the error to raise."""
    if not isinstance(max_file_bytes, int) or isinstance(max_file_bytes, bool):
        raise TypeError(
            f"max_file_bytes must be an integer number of bytes, got {type(max_file_bytes).__name__}"
        )
    if max_file_bytes < 1:
        raise ValueError(f"max_file_bytes must be at least 1, got {max_file_bytes}")
    return max_file_bytes


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


def _read_path(directory: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of ``directory/name``, ``None`` when absent; never more than ``limit`` + 1."""
    path = directory / name
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() and not path.resolve().is_relative_to(directory.resolve()):
        raise _Refused("a symbolic link to outside the dataset directory is not followed")
    if not path.is_file():
        raise _Refused("not a regular file")
    with path.open("rb", buffering=0) as handle:
        return _read_at_most(handle, limit + 1)


def _read_at_most(handle: Any, most: int) -> bytes:
    """The bytes of an open (unbuffered) file up to its end, but never more than ``most``.

    The file's size (``fstat``) sizes the first read, so no buffer of
    ``most`` bytes is set aside (a buffered ``read(most)`` would). One byte
    more than the size is asked for, and reading goes on, in chunks of at
    least :data:`_CHUNK` bytes, until the end of the file or ``most`` bytes:
    a file that grew, or reports no size (``/proc``), is read as it is.
    """
    size = os.fstat(handle.fileno()).st_size
    chunks: list[bytes] = []
    total = 0
    wanted = min(max(size + 1, _CHUNK), most)
    while total < most:
        chunk = handle.read(min(wanted, most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        wanted = max(total, _CHUNK)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


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


def _build(
    read: Callable[[str], bytes | None], names: list[str], *, max_file_bytes: int = MAX_FILE_BYTES
) -> Dataset:
    """Read, parse, structure and check the data files; the dataset or :class:`DatasetError`.

    Valid data take the fast path, which parses and structures one file, and
    one record, at a time (:func:`_fast_records`). Only when it fails are the
    files parsed whole, again, for the converter, which reports every
    problem (:func:`_checked_dataset`). For large data (:data:`_PAUSE_AT`
    bytes or more) the collector is paused while they are parsed and built,
    and never while problems are collected.
    """
    files = [_METADATA, *(kind.file for kind in KINDS)]
    sources: dict[str, bytes | str | None] = {}
    problems: dict[str, list[Problem]] = {}
    for name in files:
        sources[name], problems[name] = _read(read, name, max_file_bytes)
    size = sum(len(data) for data in sources.values() if data is not None)
    fast = None
    if (
        sources[_METADATA] is not None
        and not any(problems.values())
        and all(name in _KNOWN_FILES for name in names)
    ):
        with _collector_paused() if size >= _PAUSE_AT else contextlib.nullcontext():
            fast = _fast_records(sources)
    if fast is not None:
        from .consistency import validate

        metadata, records, offsets = fast
        del fast, sources  # the text of the files: only the converter would need it
        if validate(records):  # problems are never collected with the collector paused
            # Reported as for records in file order, as the converter's path reports them.
            raise DatasetError(validate(_in_file_order(records, offsets)))
        return assemble(metadata, records)
    parsed = {
        name: _parse(name, data, expect=dict if name == _METADATA else list)
        if data is not None
        else (None, problems[name])
        for name, data in sources.items()
    }
    del sources
    return _checked_dataset(parsed, names)


def _fast_records(
    sources: dict[str, bytes | str | None],
) -> tuple[Metadata, dict[str, tuple[Any, ...]], dict[str, list[int] | None]] | None:
    """Every record by the fast path (:mod:`.fast`), or ``None`` at the first problem.

    Returns the metadata, each kind's records in the order they were made
    (canonical, or file order when a record could not be ranked), and for each
    kind where each record was in its file (an offset; ``None``: file order).

    ``sources`` holds each file's bytes (``None`` or left out: absent). One
    file at a time, its bytes are decoded and replaced in ``sources`` by the
    text, which the converter parses again if the fast path fails; each
    record is made from its own parsed JSON, in canonical order
    (:func:`.streaming.records_in_order`), so that the parsed JSON of a
    whole file is never held.
    """
    from .._model.dates import PartialDate
    from .fast import NotFast, make_structurer
    from .streaming import records_in_order

    structurer = make_structurer()
    date = structurer(PartialDate)
    decode = _decoder().raw_decode
    try:
        metadata = structurer(Metadata)(_fast_value(sources, _METADATA, json.loads))
        records: dict[str, tuple[Any, ...]] = {}
        offsets: dict[str, list[int] | None] = {}
        for kind in KINDS:
            if sources.get(kind.file) is not None:
                text = _fast_value(sources, kind.file, str)
                records[kind.name], offsets[kind.name] = records_in_order(
                    kind, text, structurer(kind.type), decode, date
                )
    except (NotFast, KeyError, TypeError, ValueError, RecursionError):
        # A value the fast path does not take (a data error, as a rule): the
        # converter reads the data again and reports every problem with its place.
        return None
    return metadata, records, offsets


def _in_file_order(
    records: dict[str, tuple[Any, ...]], offsets: dict[str, list[int] | None]
) -> dict[str, tuple[Any, ...]]:
    """Each kind's ``records`` in the order of its file, from where each was (``offsets``)."""
    return {
        name: values
        if offsets.get(name) is None
        else tuple([record for _, record in sorted(zip(offsets[name] or (), values, strict=True))])
        for name, values in records.items()
    }


def _fast_value(
    sources: dict[str, bytes | str | None], name: str, parse: Callable[[str], Any]
) -> Any:
    """``parse`` of the text of file ``name``, which replaces its bytes in ``sources``.

    Raises:
        NotFast: for bytes that are not UTF-8, or JSON nested too deeply to parse.

    """
    from .fast import NotFast

    data = sources[name]
    if data is None or _nested_deeper(data, _PARSE_DEPTH):
        raise NotFast
    try:
        text = data if isinstance(data, str) else data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotFast from None
    sources[name] = text
    del data
    return parse(text)


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


def _read(
    read: Callable[[str], bytes | None], name: str, limit: int = MAX_FILE_BYTES
) -> tuple[bytes | None, list[Problem]]:
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
    if raw is not None and len(raw) > limit:
        return None, [Problem(file=name, message=_too_large(limit))]
    return raw, []


def _too_large(limit: int) -> str:
    """The problem of a file past the size limit, and how to raise the limit."""
    return (
        f"file is larger than the {limit:,}-byte limit; "
        "pass load(path, max_file_bytes=...) or ca-security --max-file-bytes to read larger files"
    )


def _parse(name: str, raw: bytes | str, *, expect: type) -> tuple[Any, list[Problem]]:
    """The JSON value of one data file's bytes (or its text, already decoded), or the problem."""
    try:
        text = raw if isinstance(raw, str) else raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file=name, message=f"not UTF-8 text (byte {error.start})")]
    if _nested_deeper(raw, _PARSE_DEPTH):
        return None, [Problem(file=name, message=f"JSON nested deeper than {MAX_DEPTH} levels")]
    try:
        value = _decoder().decode(text)
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
