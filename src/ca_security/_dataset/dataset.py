"""The :class:`Dataset`: every record kind as an immutable collection."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._model.dates import DateLike
from .._model.errors import DatasetError, RecordNotFoundError
from .._model.incidents import Incident
from .._model.initiatives import Initiative
from .._model.kinds import KINDS, records_by_kind
from .._model.metadata import Metadata
from .._model.people import Post
from .._model.provenance import Source
from .._model.statements import Figure, Statement
from .._model.summits import Summit
from .._model.vocabulary import Country, Organization, Place, Series, Topic
from .collection import Collection, closest
from .officials import Officials

if TYPE_CHECKING:
    import os
    from pathlib import Path

    from .._query.corroboration import Corroboration

__all__ = ["Dataset", "assemble"]

_COLLECTION_TYPES: dict[str, type[Collection[Any]]] = {"officials": Officials}


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
    officials: Officials
    initiatives: Collection[Initiative]
    summits: Collection[Summit]
    statements: Collection[Statement]
    figures: Collection[Figure]
    #: Defaults to an empty collection, so that code written before incidents
    #: existed can still build a dataset from its other collections.
    incidents: Collection[Incident] = attrs.field(factory=lambda: Collection((), kind="incident"))
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, init=False)
    _lock: threading.RLock = attrs.field(factory=threading.RLock, repr=False, init=False)

    @classmethod
    def from_records(cls, metadata: Metadata, records: Mapping[str, Iterable[Any]]) -> Dataset:
        r"""Build a validated dataset from records per kind, sorted into canonical order.

        The records are checked as :func:`ca_security.load` checks a directory:
        ids are unique, references resolve, dates agree, each utterance is
        recorded once. Nothing half-built is returned: any problem raises
        :class:`~ca_security.DatasetError` listing every problem, with the
        data file of its kind, the record and the field.

        Args:
            metadata: The dataset's :class:`Metadata`.
            records: Records per collection name (``"statements"``, ...); a
                kind left out is an empty collection.

        Raises:
            TypeError: if ``metadata`` is not a :class:`Metadata`, a kind's
                records are not an iterable of records, or a record is not of
                its kind's type (a :class:`Statement` under ``"sources"``).
            ValueError: for a key of ``records`` that is not a collection name.
            DatasetError: when the records break a dataset-level rule.

        Examples:
            >>> from ca_security import Citation, Dataset, DatasetError, Metadata, Official
            >>> cited = (Citation(source="no-such-source"),)
            >>> try:
            ...     Dataset.from_records(
            ...         Metadata(dataset_version="example"),
            ...         {"officials": (Official(id="envoy", name="An Envoy", citations=cited),)},
            ...     )
            ... except DatasetError as error:
            ...     print(*error.problems, sep="\n")
            officials.json, record envoy, field citations[0].source: unknown source 'no-such-source'

        """
        from .._load.consistency import validate

        if not isinstance(metadata, Metadata):
            raise TypeError(f"metadata must be a Metadata, got {type(metadata).__name__}")
        checked = records_by_kind(records)
        problems = validate(checked)
        if problems:
            raise DatasetError(problems)
        return assemble(metadata, checked)

    def __attrs_post_init__(self) -> None:
        for kind in KINDS:
            collection = getattr(self, kind.name)
            wanted = _COLLECTION_TYPES.get(kind.name, Collection)
            if collection._dataset is not None or type(collection) is not wanted:
                # A collection given by the caller: take a copy this dataset owns.
                collection = wanted(collection, kind=collection.kind)
                object.__setattr__(self, kind.name, collection)
            collection._bind(self)

    @property
    def version(self) -> str:
        """The dataset version (not the package version)."""
        return self.metadata.dataset_version

    def collections(self) -> Iterator[tuple[str, Collection[Any]]]:
        """Each record kind's name and collection, in the order of the data files."""
        for kind in KINDS:
            yield kind.name, getattr(self, kind.name)

    # ``Any``, not a union of the thirteen record types: the kind is known only
    # at run time, so a union would make every caller narrow it with isinstance
    # even when the id says what it is. Collection.get is typed by its kind.
    def get(self, record_id: str, default: Any = None) -> Any:
        """The record of any kind with ``record_id``, or ``default``.

        Raises:
            TypeError: if ``record_id`` is not a string.

        """
        _check_id_type(record_id)
        return self._id_index().get(record_id, default)

    def __getitem__(self, record_id: str) -> Any:
        _check_id_type(record_id)
        try:
            return self._id_index()[record_id]
        except KeyError:
            close = closest(record_id, self._id_index())
            raise RecordNotFoundError(record_id, "record", close) from None

    def lookup(self, name: str) -> Any:
        """The one record of any kind with this id, name or alias (see :meth:`Collection.lookup`).

        An exact id, name or alias wins over a match on single words of names:
        ``"Tokayev"`` is an alias of the president, so it does not also match
        the meetings whose names contain the word.

        Raises:
            TypeError: if ``name`` is not a string.
            RecordNotFoundError: when no record bears the name (with suggestions).
            AmbiguousNameError: when records of several kinds, or several
                records, bear it; look it up in one collection instead.

        """
        from .._query.lookup import lookup_any

        return lookup_any(self, name)

    def timeline(
        self, since: DateLike | None = None, until: DateLike | None = None, **criteria: Any
    ) -> tuple[Incident | Summit | Statement, ...]:
        """Incidents, summits and statements in one chronological sequence.

        Each criterion applies to the kinds that accept it, and a kind that
        does not accept one of the criteria given drops out (``speaker=``
        keeps statements only, ``participant=`` summits only, ``event_type=``
        incidents only). ``mentions`` matches the records a statement names
        or is classified under, every record a summit refers to (place, host,
        participants, topics, documents, incidents), and the places,
        countries and actors of an incident. Dates match by overlap; undated
        records only appear when no date is asked for, at the end.

        Order: by first day; on the same first day the coarser date first,
        then incidents before summits before statements (what happened,
        then the meetings and words that answer it), then by id.

        Args:
            since: Only records dated (in part) on or after this date.
            until: Only records dated (in part) on or before this date.
            **criteria: Incident, summit and statement criteria (see :doc:`/querying`).

        Raises:
            TypeError: for a criterion neither kind accepts (the message names the valid ones).

        """
        from .._query.timeline import timeline

        return timeline(self, {"since": since, "until": until, **criteria})

    def corroboration(self, statement: Statement | str) -> Corroboration:
        """Which sources report a statement, their renderings, and how many origins are independent.

        Sources that relay the same organization's release (their ``origin``)
        count as one origin; a source with no recorded origin counts as its
        own.

        Args:
            statement: The statement, its id, or its exact text.

        Raises:
            RecordNotFoundError: when no statement matches.

        """
        from .._query.corroboration import corroboration

        return corroboration(self, statement)

    def to_json(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the dataset as data files that :func:`ca_security.load` reads back equal.

        The files are those of the bundled data (``metadata.json``,
        ``statements.json``, ...) in the same format. The directory is built
        under a temporary name and renamed when complete, so an interrupted
        export leaves no half-written dataset.

        Args:
            directory: The directory to create (an existing empty one is fine).
            overwrite: Replace an earlier export (or a single file) at ``directory``;
                no other directory is replaced (see :doc:`/security`).

        Returns:
            The path of the written directory.

        Raises:
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is
                false, or it is a directory that an export does not replace.
            TypeError: when ``overwrite`` is not a bool.

        Examples:
            >>> import ca_security, tempfile, pathlib
            >>> ds = ca_security.load()
            >>> out = ds.to_json(pathlib.Path(tempfile.mkdtemp()) / "copy")
            >>> ca_security.load(out) == ds
            True

        """
        from .._export.json_files import to_json

        return to_json(self, directory, overwrite=overwrite)

    def to_csv(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write one CSV file per table and a Frictionless ``datapackage.json`` describing them.

        Each record kind is a table keyed by ``id``; each tuple (topics,
        citations, participants, tenures, ...) is a link table keyed by its
        owner and a ``position``. A partial date is three columns: the ISO
        string at its precision, and its earliest and latest day. The
        descriptor gives every column's type, the primary keys and the
        foreign keys, so that ``frictionless validate datapackage.json``
        checks the export. See :doc:`/exports`.

        Args:
            directory: The directory to create (an existing empty one is fine).
            overwrite: Replace an earlier export (or a single file) at ``directory``;
                no other directory is replaced (see :doc:`/security`).

        Returns:
            The path of the written directory.

        Raises:
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is
                false, or it is a directory that an export does not replace.
            TypeError: when ``overwrite`` is not a bool.

        """
        from .._export.csv_package import to_csv

        return to_csv(self, directory, overwrite=overwrite)

    def to_popolo(
        self, path: str | os.PathLike[str] | None = None, *, overwrite: bool = False
    ) -> dict[str, list[dict[str, Any]]]:
        """The dataset in the Popolo format of people, posts, memberships, events and speeches.

        Args:
            path: Also write the document there as JSON (through a temporary file).
            overwrite: Replace an existing file at ``path``.

        Returns:
            A dict with the lists ``persons``, ``organizations``, ``posts``,
            ``memberships``, ``events`` and ``speeches``.

        Raises:
            FileExistsError: when ``path`` exists and ``overwrite`` is false.
            TypeError: when ``overwrite`` is not a bool (also without a ``path``).

        Examples:
            >>> import ca_security
            >>> popolo = ca_security.load().to_popolo()
            >>> sorted(popolo)
            ['events', 'memberships', 'organizations', 'persons', 'posts', 'speeches']

        """
        from .._export.popolo import to_popolo

        return to_popolo(self, path, overwrite=overwrite)

    def to_pandas(self, *, flat: bool = False) -> dict[str, Any]:
        """Every table of the CSV export as a typed ``pandas.DataFrame``, by table name.

        Needs the ``pandas`` extra (``pip install 'ca-security[pandas]'``).

        Args:
            flat: Instead, the two flat tables for reading and spreadsheets:
                ``"statements"`` (one row per statement: date, speaker name
                and country, kind, occasion, topics, mentions by name, the
                outlets that report it, the first quoted rendering, text) and
                ``"summits"`` (one row per summit: dates, name, place as
                named then, participants as ``name (country, role)``,
                documents); lists are joined by ``"; "``, values are exact
                (see :doc:`/exports`).

        Returns:
            Table name (``"statements"``, ``"statement_topics"``, ...) -> DataFrame.

        Raises:
            MissingExtraError: when pandas is not installed.
            TypeError: when ``flat`` is not a bool.

        Examples:
            >>> import ca_security
            >>> flat = ca_security.load().to_pandas(flat=True)
            >>> list(flat["summits"].columns)
            ['id', 'start', 'end', 'name', 'place', 'participants', 'documents']

        """
        from .._export.frames import pandas_frame, require
        from .._export.tables import tables

        if not isinstance(flat, bool):
            raise TypeError(f"flat is True or False, got {type(flat).__name__}")
        require("pandas", "to_pandas()")
        if flat:
            from .._export.flat import flat_tables

            found = flat_tables(self)
        else:
            found = tables(self)
        return {table.name: pandas_frame(table) for table in found}

    def to_arrow(self) -> dict[str, Any]:
        """Every table of the CSV export as a typed ``pyarrow.Table``, by table name.

        Needs the ``arrow`` extra (``pip install 'ca-security[arrow]'``).

        Raises:
            MissingExtraError: when pyarrow is not installed.

        """
        from .._export.frames import arrow_table, require
        from .._export.tables import tables

        require("pyarrow", "to_arrow()")
        return {table.name: arrow_table(table) for table in tables(self)}

    def to_parquet(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write every table of the CSV export as a Parquet file (``statements.parquet``, ...).

        DuckDB, Polars, Spark and pandas read these files directly. Needs the
        ``arrow`` extra (``pip install 'ca-security[arrow]'``).

        Args:
            directory: The directory to create (an existing empty one is fine).
            overwrite: Replace an earlier export (or a single file) at ``directory``;
                no other directory is replaced (see :doc:`/security`).

        Returns:
            The path of the written directory.

        Raises:
            MissingExtraError: when pyarrow is not installed.
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is
                false, or it is a directory that an export does not replace.
            TypeError: when ``overwrite`` is not a bool.

        """
        from .._export.frames import require, to_parquet
        from .._export.tables import tables

        require("pyarrow", "to_parquet()")
        return to_parquet(tables(self), directory, overwrite=overwrite)

    def cite(self, record: Any, style: str = "apa") -> str:
        """References to the sources that a record cites, ready to paste.

        Only what the dataset records about a source is written (no field is
        guessed); no source records an author.

        Args:
            record: A record with citations (a statement, a summit, an official...) or its id.
            style: ``"apa"``, ``"chicago"``, ``"bibtex"`` (biblatex ``@online``)
                or ``"csl-json"`` (for Zotero, Pandoc, citeproc).

        Returns:
            One reference per source, in the order cited.

        Raises:
            TypeError: for something that is neither a record nor an id.
            ValueError: for an unknown style or a record without citations.
            RecordNotFoundError: for an id no record has.

        Examples:
            >>> import ca_security
            >>> ds = ca_security.load()
            >>> print(ds.cite("tokayev-2024-05-16-afghanistan-focus", style="apa").splitlines()[0])
            President Tokayev Outlines Key Pillars for Central Asian Security. (2024, May 17). Asian Diplomacy. https://asiandiplomacy.com/president-tokayev-outlines-key-pillars-for-central-asian-security/

        """
        from .._export.cite import cite

        return cite(self, record, style)

    def _cached(self, key: str, build: Any) -> Any:
        """The value ``build()`` computed once per dataset under ``key`` (for lazy indexes).

        Thread-safe: ``build`` runs at most once per key, and every thread
        gets the same object. A ``build`` that raises leaves nothing cached.
        The query layer builds only immutable values (tuples, frozen classes,
        read-only mappings), so that what a query hands out cannot change a
        later answer.

        Raises:
            TypeError: if ``key`` is not a string or ``build`` is not callable.

        """
        try:
            return self._cache[key]
        except KeyError:
            pass
        if not isinstance(key, str):
            raise TypeError(f"cache keys are strings; got {type(key).__name__}")
        if not callable(build):
            raise TypeError(f"build must be callable, got {type(build).__name__}")
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build()
            return self._cache[key]

    def _id_index(self) -> Mapping[str, Any]:
        def build() -> Mapping[str, Any]:
            index: dict[str, Any] = {}
            for _name, collection in self.collections():
                for record in collection:
                    index.setdefault(record.id, record)
            return MappingProxyType(index)

        result: Mapping[str, Any] = self._cached("ids", build)
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


def assemble(metadata: Metadata, records: Mapping[str, Iterable[Any]]) -> Dataset:
    """A dataset of ``records`` (per collection name) that the caller has already validated.

    For the loader, which validates as it reads; anyone else calls
    :meth:`Dataset.from_records`, which checks the records first.
    """
    collections: dict[str, Any] = {
        kind.name: _COLLECTION_TYPES.get(kind.name, Collection)(
            kind.sort(records.get(kind.name, ())), kind=kind.noun
        )
        for kind in KINDS
    }
    return Dataset(metadata=metadata, **collections)


def _check_id_type(record_id: object) -> None:
    if not isinstance(record_id, str):
        raise TypeError(f"record ids are strings; got {type(record_id).__name__}")
