"""Where data were read from: the bundled data folder and each directory :func:`load` read.

The exports refuse to replace these places or a directory that contains one
(see :doc:`/security`), so an export cannot destroy the data it was made from.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["BUNDLED_DATA", "bundled_directory", "data_directories", "remember"]

#: The folder of the bundled data files inside the installed package, as a string
#: (the bundled load needs no :mod:`pathlib`, which costs milliseconds to import).
BUNDLED_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "data")

_lock = threading.Lock()
_loaded: set[Path] = set()


def bundled_directory() -> Path:
    """The folder of the bundled data files inside the installed package."""
    from pathlib import Path

    return Path(BUNDLED_DATA)


def remember(directory: Path) -> None:
    """Note that ``directory`` was read as a dataset directory in this process."""
    with _lock:
        _loaded.add(directory.resolve())


def data_directories() -> list[Path]:
    """Every directory this process has read data from, in no particular order."""
    with _lock:
        return list(_loaded)
