"""Writing files and directories so that an interrupted export leaves nothing half-written.

What an export may replace (see :doc:`/security`):

- a missing target, an empty directory, or (with ``overwrite``) a single file;
- with ``overwrite``, a non-empty directory only when it is an earlier export:
  every exported directory holds a marker file, :data:`MARKER`;
- never a symbolic link, the current directory or a directory that contains
  it, the bundled data folder, or a directory that :func:`ca_security.load`
  has read data from in this process (or one that contains it).

The new copy is built in a temporary sibling, ``.<name>.ca-security-XXXXXXXX.tmp``,
and only then put in place: on Linux with ``renameat2(RENAME_EXCHANGE)``, which
swaps old and new in one step, elsewhere by renaming the old copy aside
(``.<name>.ca-security-XXXXXXXX.old``), the new one in, and deleting the old.
Temporaries are removed on every exit that Python sees; those of a killed
process are swept by the next export to the same target. While it runs, an
export holds a lock (``flock``) on its temporaries, so the sweep leaves those
of a running export alone.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .._load.origins import bundled_directory, data_directories
from .._model.flags import require_bool
from .._version import __version__

__all__ = ["MARKER", "write_directory", "write_text"]

#: The file in every exported directory that marks it as an export of this library.
MARKER = ".ca-security-export"
_LIBRARY = "ca_security"
_TAG = "ca-security-"
_MARKER_BYTES = 64 * 1024
#: Without ``flock`` (Windows), a temporary is stale only once it is this old (seconds).
_STALE_AFTER = 24 * 60 * 60
# renameat2(2): the directory file descriptor meaning "the current directory", and
# the flag that swaps two paths.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_directory(
    target: str | os.PathLike[str],
    fill: Callable[[Path], None],
    *,
    export_format: str,
    overwrite: bool = False,
) -> Path:
    """Build a directory with ``fill`` in a temporary sibling, then put it in place of ``target``.

    Args:
        target: The directory to create.
        fill: Writes the files into the (empty) directory it is given.
        export_format: The name of the format, written into the marker file.
        overwrite: Replace an existing, non-empty ``target`` if it is an
            earlier export (or a single file).

    Returns:
        The path of the written directory.

    Raises:
        FileExistsError: when ``target`` exists, is not an empty directory and
            ``overwrite`` is false; when it is a directory that is not an
            earlier export, a symbolic link, or a place an export never replaces.
        TypeError: when ``overwrite`` is not a bool.

    """
    require_bool("overwrite", overwrite)
    path = Path(target)
    _refuse_protected(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path)
    _check_directory_target(path, overwrite=overwrite)
    with _temporary(path, directory=True) as temporary:
        fill(temporary)
        marker = {"library": _LIBRARY, "version": __version__, "format": export_format}
        (temporary / MARKER).write_text(json.dumps(marker) + "\n", "utf-8")
        _install(temporary, path)
    return path


def write_text(target: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` (UTF-8) to a temporary sibling file, then rename it to ``target``.

    Raises:
        FileExistsError: when ``target`` exists and ``overwrite`` is false, or
            it is a place an export never replaces.
        TypeError: when ``overwrite`` is not a bool.

    """
    require_bool("overwrite", overwrite)
    path = Path(target)
    _refuse_protected(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path)
    if os.path.lexists(path) and not overwrite:
        raise FileExistsError(
            f"{str(path)!r} already exists; pass overwrite=True (--force) to replace it"
        )
    with _temporary(path, directory=False) as temporary:
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    return path


# -- what may be replaced ----------------------------------------------------------------


def _refuse_protected(path: Path) -> None:
    """Raise :class:`FileExistsError` for a place that no export replaces, whatever the flag."""
    given = repr(str(path))
    resolved = path.resolve()
    try:
        here = Path.cwd().resolve()
    except OSError:  # the current directory was deleted: nothing to protect there
        here = None
    if here is not None and (resolved == here or here.is_relative_to(resolved)):
        raise FileExistsError(
            f"{given} is the current directory or contains it; "
            "an export never replaces it: choose a new directory"
        )
    bundled = bundled_directory()
    if bundled.is_relative_to(resolved) or resolved.is_relative_to(bundled):
        raise FileExistsError(
            f"{given} is, holds or lies inside the bundled data of ca_security; "
            "an export never writes there: choose a new directory"
        )
    for data in data_directories():
        if data.is_relative_to(resolved):
            raise FileExistsError(
                f"{given} is or contains {str(data)!r}, from which ca_security.load() "
                "loaded data; an export never replaces the data it may come from: "
                "choose a new directory"
            )


def _check_directory_target(path: Path, *, overwrite: bool) -> None:
    if path.is_symlink():
        raise FileExistsError(
            f"{str(path)!r} is a symbolic link; an export does not replace it: "
            "choose the directory it points to, or a new one"
        )
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        return
    if not overwrite:
        raise FileExistsError(
            f"{str(path)!r} already exists; pass overwrite=True (--force) to replace it"
        )
    if path.is_dir() and not _is_export(path):
        raise FileExistsError(
            f"{str(path)!r} is not an export of ca_security (it has no {MARKER} file "
            "written by one); overwrite=True (--force) replaces only an earlier export: "
            "move or delete it yourself, or choose a new directory"
        )


def _is_export(path: Path) -> bool:
    """Whether ``path`` holds the marker file of an export of this library."""
    marker = path / MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        with marker.open("rb") as stream:
            value = json.loads(stream.read(_MARKER_BYTES))
    except (OSError, ValueError):
        return False
    return isinstance(value, dict) and value.get("library") == _LIBRARY


# -- temporaries and their locks ---------------------------------------------------------


def _pattern(path: Path) -> re.Pattern[str]:
    """The names of this library's temporaries for ``path`` (the random part as tempfile makes it)."""
    return re.compile(re.escape(f".{path.name}.{_TAG}") + r"[a-z0-9_]{8}\.(tmp|old)")


@contextmanager
def _temporary(path: Path, *, directory: bool) -> Iterator[Path]:
    """A new, locked temporary beside ``path``; removed on the way out unless renamed away."""
    while True:
        prefix, where = f".{path.name}.{_TAG}", path.parent
        if directory:
            name = tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=where)
            handle = _open_lock(name)
        else:
            handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=where)
        _lock(handle, wait=True)
        # A sweep by another export could have taken the new name before it was locked.
        if _same_file(handle, name):
            break
        os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        try:
            if _same_file(handle, name):
                _remove(temporary)
        finally:
            os.close(handle)


def _open_lock(name: str | os.PathLike[str]) -> int:
    if sys.platform == "win32":  # no directory handles there; locking is by age instead
        return os.open(os.devnull, os.O_RDONLY)
    return os.open(name, os.O_RDONLY)


def _lock(handle: int, *, wait: bool) -> bool:
    """Take the exclusive lock of ``handle``; without ``wait``, ``False`` when another holds it."""
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _same_file(handle: int, name: str | os.PathLike[str]) -> bool:
    if sys.platform == "win32":
        return os.path.lexists(name)
    try:
        found = os.lstat(name)
    except OSError:
        return False
    held = os.fstat(handle)
    return (found.st_dev, found.st_ino) == (held.st_dev, held.st_ino)


def _sweep(path: Path) -> None:
    """Remove the temporaries that killed exports to ``path`` left behind.

    Only names of this library's pattern for ``path`` are touched, and only when
    no running export holds their lock. An old copy set aside by the fallback
    (``.old``) is put back when ``path`` is missing: the export that moved it
    was killed before it put the new copy in place.
    """
    pattern = _pattern(path)
    try:
        entries = [entry for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink():
            continue
        try:
            _sweep_one(path, Path(entry.path), set_aside=entry.name.endswith(".old"))
        except OSError:  # another export swept it first, or it cannot be removed: leave it
            continue


def _sweep_one(path: Path, stale: Path, *, set_aside: bool) -> None:
    if sys.platform == "win32" and time.time() - stale.lstat().st_mtime < _STALE_AFTER:
        return
    handle = _open_lock(stale)
    try:
        if not _lock(handle, wait=False) or not _same_file(handle, stale):
            return
        if set_aside and not os.path.lexists(path):
            os.replace(stale, path)
        else:
            _remove(stale)
    finally:
        os.close(handle)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# -- putting the new copy in place -------------------------------------------------------


def _install(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; an old copy there stays in place until ``new`` is complete."""
    if not os.path.lexists(target):
        os.replace(new, target)
        return
    if _exchange(new, target):
        _remove(new)  # after the swap, the temporary name holds the old copy
        return
    # The fallback: between the two renames, for an instant, ``target`` is missing;
    # if the process is killed then, the next export puts the old copy back.
    aside = target.with_name(f".{target.name}.{_TAG}{secrets.token_hex(4)}.old")
    handle = _open_lock(target)
    try:
        _lock(handle, wait=True)
        os.replace(target, aside)
        try:
            os.replace(new, target)
        except BaseException:
            os.replace(aside, target)
            raise
        _remove(aside)
    finally:
        os.close(handle)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; ``False`` where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    import ctypes

    result = function(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # an old kernel, or a file system without the exchange
    raise OSError(error, os.strerror(error), str(second))


@functools.cache
def _renameat2() -> Any:
    """Libc's ``renameat2`` (Linux, glibc 2.28 and later), or ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function
