"""The package version and the (separate) version of the bundled data."""

from __future__ import annotations

from importlib import metadata

__all__ = ["DATASET_VERSION", "__version__"]

try:
    __version__: str = metadata.version("ca-security")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0+unknown"

#: The version of the bundled dataset; it changes on the data's own schedule.
#: ``metadata.json`` in the bundled data carries the same value (a test checks it).
DATASET_VERSION = "2026.11.23"
