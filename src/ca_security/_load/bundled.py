"""The bundled data's short path: data the build checked are read without checking them again.

``scripts/build_data.py`` loads the package data with every check and then
writes :mod:`.bundled_records` (see :mod:`.bundled_source`): the SHA-256 of
the data files it checked, and structuring functions written for the record
types as they were. At run time :func:`trusted_dataset` hashes the files it
reads; when the digest and every record type's fields match, the data are,
byte for byte, the ones the build validated, and they are parsed with the
standard JSON parser and structured by those functions, without the checks of
:func:`~ca_security.load` (the loader's JSON hooks, the record validators and
the dataset rules). Anything else (a file edited after installation, a record
type changed without rebuilding) returns ``None``, and the caller loads the
data with every check, as it loads any directory.
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .._dataset.dataset import Dataset, assemble
from .._model.dates import PartialDate
from .._model.kinds import KINDS, Kind, day_rank
from .._model.metadata import Metadata

__all__ = ["DATA_FILES", "data_digest", "in_canonical_order", "trusted_dataset"]

#: The package data files, in the order the digest reads them.
DATA_FILES: tuple[str, ...] = ("metadata.json", *sorted(kind.file for kind in KINDS))

Read = Callable[[str], "bytes | None"]


def data_digest(read: Read) -> str:
    """The SHA-256 of the data files (``read(name)`` gives a file's bytes or ``None``).

    Each file adds its name, its length (``-1`` when absent) and its bytes, so
    that no two different sets of files give the same input to the hash.
    """
    digest = hashlib.sha256()
    for name in DATA_FILES:
        data = read(name)
        digest.update(f"{name}\0{-1 if data is None else len(data)}\0".encode())
        if data is not None:
            digest.update(data)
    return digest.hexdigest()


def trusted_dataset(read: Read, names: Iterable[str]) -> Dataset | None:
    """The dataset of the files ``read`` gives, when the build checked them; else ``None``.

    ``names`` are the ``.json`` files the directory holds: one the build does
    not know makes the answer ``None``, as does a file ``read`` cannot read
    (the checked path reports both).
    """
    from . import bundled_records as written

    if not set(names) <= set(DATA_FILES) or any(
        tuple(field.name for field in attrs.fields(record_type)) != fields
        for record_type, fields in written.FIELDS.items()
    ):
        return None
    try:
        files = {name: read(name) for name in DATA_FILES}
    except OSError:  # the checked path reports it, with the file's name
        return None
    if data_digest(files.__getitem__) != written.DIGEST:
        return None
    structure = written.structurers()
    metadata_bytes = files["metadata.json"]
    if metadata_bytes is None:
        return None
    metadata: Metadata = structure[Metadata](json.loads(metadata_bytes))
    records: dict[str, list[Any]] = {}
    for kind in KINDS:
        data = files[kind.file]
        if data is not None:
            values = in_canonical_order(kind, json.loads(data))
            records[kind.name] = list(map(structure[kind.type], values))
    return assemble(metadata, records)


_BY_ID = operator.itemgetter("id")


def in_canonical_order(kind: Kind, values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON objects of valid records of ``kind``, sorted as :meth:`Kind.sort` sorts the records.

    Sorting them before they are structured makes the records in the order
    a loop over the collection visits them, so that they lie in memory in
    that order; :meth:`Kind.sort` then finds them sorted.
    """
    values.sort(key=_BY_ID)
    field = kind.dated_by
    if field is not None:
        ranks: dict[str | None, int] = {None: day_rank(None)}

        def rank(value: dict[str, Any]) -> int:
            text: str | None = value.get(field)
            found = ranks.get(text)
            if found is None:
                assert text is not None
                found = ranks[text] = day_rank(PartialDate.from_iso(text))
            return found

        values.sort(key=rank)
    return values
