"""The package version and the (separate) version of the bundled data."""

from __future__ import annotations

__all__ = ["DATASET_VERSION", "__version__"]

#: The version of the bundled dataset; it changes on the data's own schedule.
#: ``metadata.json`` in the bundled data carries the same value (a test checks it).
DATASET_VERSION = "2026.12.06"

#: The version of the package, read from its installed metadata on first access
#: (by ``__getattr__`` below: importing ``importlib.metadata`` costs more than the
#: rest of a bare ``import ca_security``).
__version__: str


def __getattr__(name: str) -> str:
    """``__version__``, from the package metadata; read once, then kept in this module."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("ca-security")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        version = "0+unknown"
    globals()["__version__"] = version
    return version
