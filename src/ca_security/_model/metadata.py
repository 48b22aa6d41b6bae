"""The dataset's own description: version, title, licence."""

from __future__ import annotations

import attrs

from .dates import PartialDate
from .rules import optional, optional_text, text

__all__ = ["Metadata"]


@attrs.frozen(kw_only=True)
class Metadata:
    """What ``metadata.json`` says about a dataset.

    Attributes:
        dataset_version: The version of the data (``YYYY.MM.DD`` style for the
            bundled data; any non-blank string for a user dataset).
        title: A title for the dataset.
        description: What it covers.
        license: The licence of the data.
        created: When this version of the data was made.

    """

    dataset_version: str = text()
    title: str | None = optional_text()
    description: str | None = optional_text()
    license: str | None = optional_text()
    created: PartialDate | None = optional(PartialDate)
