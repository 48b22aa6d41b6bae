"""The export methods of :class:`~ca_security.Dataset` and :class:`~ca_security.Collection`.

They live here, as mixins, so that the record containers stay small; each
method imports its export module (and any optional dependency) when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import os
    from pathlib import Path

    from .._dataset import Dataset

__all__ = ["CollectionExports", "DatasetExports"]


class DatasetExports:
    """Exports of a whole dataset (mixed into :class:`~ca_security.Dataset`)."""

    __slots__ = ()

    def to_json(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the dataset as data files that :func:`ca_security.load` reads back equal.

        The files are those of the bundled data (``metadata.json``,
        ``statements.json``, ...) in the same format. The directory is built
        under a temporary name and renamed when complete, so an interrupted
        export leaves no half-written dataset.

        Args:
            directory: The directory to create (an existing empty one is fine).
            overwrite: Replace a directory that exists and is not empty.

        Returns:
            The path of the written directory.

        Raises:
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is false.

        Examples:
            >>> import ca_security, tempfile, pathlib
            >>> ds = ca_security.load()
            >>> out = ds.to_json(pathlib.Path(tempfile.mkdtemp()) / "copy")
            >>> ca_security.load(out) == ds
            True

        """
        from ._json import to_json

        return to_json(self._dataset(), directory, overwrite=overwrite)

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
            overwrite: Replace a directory that exists and is not empty.

        Returns:
            The path of the written directory.

        Raises:
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is false.

        """
        from ._csv import to_csv

        return to_csv(self._dataset(), directory, overwrite=overwrite)

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

        Examples:
            >>> import ca_security
            >>> popolo = ca_security.load().to_popolo()
            >>> sorted(popolo)
            ['events', 'memberships', 'organizations', 'persons', 'posts', 'speeches']

        """
        from ._json import dump
        from ._popolo import popolo

        document = popolo(self._dataset())
        if path is not None:
            from ._atomic import write_text

            write_text(path, dump(document), overwrite=overwrite)
        return document

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
        from ._frames import pandas_frame, require
        from ._tables import tables

        if not isinstance(flat, bool):
            raise TypeError(f"flat is True or False, got {type(flat).__name__}")
        require("pandas", "to_pandas()")
        if flat:
            from ._flat import flat_tables

            found = flat_tables(self._dataset())
        else:
            found = tables(self._dataset())
        return {table.name: pandas_frame(table) for table in found}

    def to_arrow(self) -> dict[str, Any]:
        """Every table of the CSV export as a typed ``pyarrow.Table``, by table name.

        Needs the ``arrow`` extra (``pip install 'ca-security[arrow]'``).

        Raises:
            MissingExtraError: when pyarrow is not installed.

        """
        from ._frames import arrow_table, require
        from ._tables import tables

        require("pyarrow", "to_arrow()")
        return {table.name: arrow_table(table) for table in tables(self._dataset())}

    def to_parquet(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write every table of the CSV export as a Parquet file (``statements.parquet``, ...).

        DuckDB, Polars, Spark and pandas read these files directly. Needs the
        ``arrow`` extra (``pip install 'ca-security[arrow]'``).

        Args:
            directory: The directory to create (an existing empty one is fine).
            overwrite: Replace a directory that exists and is not empty.

        Returns:
            The path of the written directory.

        Raises:
            MissingExtraError: when pyarrow is not installed.
            FileExistsError: when ``directory`` is not empty and ``overwrite`` is false.

        """
        from ._frames import require, to_parquet
        from ._tables import tables

        require("pyarrow", "to_parquet()")
        return to_parquet(tables(self._dataset()), directory, overwrite=overwrite)

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
        from ._cite import cite

        return cite(self._dataset(), record, style)

    def _dataset(self) -> Dataset:
        return self  # type: ignore[return-value]


class CollectionExports:
    """Exports of one collection (mixed into :class:`~ca_security.Collection`)."""

    __slots__ = ()

    def to_pandas(self) -> Any:
        """The records as a typed ``pandas.DataFrame``, one row per record.

        Columns are the record's single-valued fields, as in the CSV export
        (a partial date gives three columns: ISO string, earliest and latest
        day); tuples such as topics and citations are in the link tables of
        ``Dataset.to_pandas()``. Needs the ``pandas`` extra.

        Raises:
            MissingExtraError: when pandas is not installed.

        Examples:
            >>> import ca_security
            >>> frame = ca_security.load().statements.to_pandas()
            >>> frame["kind"].dtype.name, str(frame["date_earliest"].dtype)
            ('category', 'datetime64[s]')

        """
        from ._frames import pandas_frame, require

        require("pandas", "to_pandas()")
        return pandas_frame(self._main_table())

    def to_arrow(self) -> Any:
        """The records as a typed ``pyarrow.Table``, one row per record.

        The columns are those of ``to_pandas()``. Needs the ``arrow`` extra.

        Raises:
            MissingExtraError: when pyarrow is not installed.

        """
        from ._frames import arrow_table, require

        require("pyarrow", "to_arrow()")
        return arrow_table(self._main_table())

    def _main_table(self) -> Any:
        from ._tables import kind_of, tables_of_kind

        kind = kind_of(getattr(self, "kind"))  # noqa: B009 - a property of the host class
        return tables_of_kind(kind, self)[0]  # type: ignore[arg-type]
