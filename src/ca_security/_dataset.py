"""The :class:`Dataset`: every record kind as an immutable collection."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import attrs

from ._collection import Collection
from ._errors import RecordNotFoundError
from ._initiatives import Initiative
from ._kinds import KINDS
from ._metadata import Metadata
from ._people import Official, Post
from ._provenance import Source
from ._statements import Figure, Statement
from ._summits import Summit
from ._vocabulary import Country, Organization, Place, Series, Topic

__all__ = ["Dataset"]


@attrs.frozen(kw_only=True, eq=False)
class Dataset:
    """A loaded, validated dataset: one immutable :class:`Collection` per record kind.

    Get the bundled one with :func:`ca_security.load`. Datasets compare equal
    when their metadata and records are equal.

    Examples:
        >>> import ca_security
        >>> ds = ca_security.load()
        >>> ds.get("kz").name
        'Kazakhstan'

    """

    metadata: Metadata
    sources: Collection[Source]
    countries: Collection[Country]
    places: Collection[Place]
    organizations: Collection[Organization]
    topics: Collection[Topic]
    series: Collection[Series]
    posts: Collection[Post]
    officials: Collection[Official]
    initiatives: Collection[Initiative]
    summits: Collection[Summit]
    statements: Collection[Statement]
    figures: Collection[Figure]
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, init=False)
    _lock: threading.RLock = attrs.field(factory=threading.RLock, repr=False, init=False)

    @classmethod
    def from_records(cls, metadata: Metadata, records: dict[str, Any]) -> Dataset:
        """Build a dataset from records per kind, sorted into canonical order.

        This does not validate cross-record rules; :func:`ca_security.load` does.
        """
        collections = {
            kind.name: Collection(
                sorted(records.get(kind.name, ()), key=kind.order), kind=kind.noun
            )
            for kind in KINDS
        }
        return cls(metadata=metadata, **collections)

    @property
    def version(self) -> str:
        """The dataset version (not the package version)."""
        return self.metadata.dataset_version

    def collections(self) -> Iterator[tuple[str, Collection[Any]]]:
        """Each record kind's name and collection, in the order of the data files."""
        for kind in KINDS:
            yield kind.name, getattr(self, kind.name)

    def get(self, record_id: str, default: Any = None) -> Any:
        """The record of any kind with ``record_id``, or ``default``."""
        return self._id_index().get(record_id, default)

    def __getitem__(self, record_id: str) -> Any:
        try:
            return self._id_index()[record_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(record_id, list(self._id_index()), n=3, cutoff=0.5)
            raise RecordNotFoundError(record_id, "record", close) from None

    def cached(self, key: str, build: Any) -> Any:
        """The value ``build()`` computed once per dataset under ``key`` (for lazy indexes).

        Thread-safe: ``build`` runs at most once per key.
        """
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build()
            return self._cache[key]

    def _id_index(self) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            index: dict[str, Any] = {}
            for _name, collection in self.collections():
                for record in collection:
                    index.setdefault(record.id, record)
            return index

        result: dict[str, Any] = self.cached("ids", build)
        return result

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.metadata == other.metadata and all(
            mine == theirs
            for (_, mine), (_, theirs) in zip(self.collections(), other.collections(), strict=True)
        )

    def __hash__(self) -> int:
        return hash((self.metadata, tuple(len(coll) for _, coll in self.collections())))

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(coll)}" for name, coll in self.collections())
        return f"<Dataset {self.version}: {counts}>"
