"""The package version and the (separate) version of the bundled data."""

from __future__ import annotations

__all__ = ["DATASET_VERSION", "__version__"]

#: The version of the bundled dataset; it changes on the data's own schedule.
#: ``metadata.json`` in the bundled data carries the same value (a test checks it).
DATASET_VERSION = "2026.12.06"

#: The version of the package. The build reads it from here (``[tool.hatch.version]``
#: in ``pyproject.toml``), so the installed metadata carry the same value.
__version__ = "0.1.0.dev0"
