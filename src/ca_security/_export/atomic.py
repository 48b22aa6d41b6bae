"""Writing files and directories so that an interrupted export leaves nothing half-written."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .._model.flags import require_bool

__all__ = ["write_directory", "write_text"]


def _check_target(target: Path, *, overwrite: bool) -> None:
    if not target.exists():
        return
    if target.is_dir() and not any(target.iterdir()):
        return
    if not overwrite:
        raise FileExistsError(
            f"{str(target)!r} already exists; pass overwrite=True (--force) to replace it"
        )


def write_directory(
    target: str | os.PathLike[str], fill: Callable[[Path], None], *, overwrite: bool = False
) -> Path:
    """Build a directory with ``fill`` in a temporary sibling, then rename it to ``target``.

    Args:
        target: The directory to create.
        fill: Writes the files into the (empty) directory it is given.
        overwrite: Replace an existing, non-empty ``target``.

    Returns:
        The path of the written directory.

    Raises:
        FileExistsError: when ``target`` exists, is not an empty directory and
            ``overwrite`` is false.

    """
    require_bool("overwrite", overwrite)
    path = Path(target)
    _check_target(path, overwrite=overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        fill(temporary)
        _replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return path


def write_text(target: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` (UTF-8) to a temporary sibling file, then rename it to ``target``.

    Raises:
        FileExistsError: when ``target`` exists and ``overwrite`` is false.

    """
    require_bool("overwrite", overwrite)
    path = Path(target)
    if path.exists() and not overwrite:
        raise FileExistsError(
            f"{str(path)!r} already exists; pass overwrite=True (--force) to replace it"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return path


def _replace(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``, removing what was there only once ``new`` is in place."""
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    old.rmdir()
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    if old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink(missing_ok=True)
