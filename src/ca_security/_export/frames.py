"""pandas DataFrames, Arrow tables and Parquet files, from the flat tables.

pandas comes with the ``pandas`` extra, pyarrow with the ``arrow`` extra; both
are imported only when a method that needs them is called.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._model.errors import MissingExtraError
from .._model.flags import require_bool
from .atomic import write_directory
from .tables import Table

__all__ = ["arrow_table", "pandas_frame", "require", "to_parquet"]

_EXTRAS = {"pandas": "pandas", "numpy": "pandas", "pyarrow": "arrow"}


def require(module: str, feature: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming its extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(_EXTRAS[module], feature, module) from None


def pandas_frame(table: Table) -> Any:
    """A :class:`pandas.DataFrame` of a table with typed columns.

    Strings are ``string``, closed vocabularies ``category`` (with every allowed
    value as a category), integers nullable ``Int64``, numbers ``Float64``, and
    days ``datetime64[s]`` (``NaT`` where unknown).
    """
    pd = require("pandas", "to_pandas()")
    numpy = require("numpy", "to_pandas()")
    data: dict[str, Any] = {}
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        if column.type == "date":
            days = [numpy.datetime64("NaT") if v is None else numpy.datetime64(v) for v in values]
            data[column.name] = pd.Series(numpy.array(days, dtype="datetime64[s]"))
        elif column.enum is not None:
            dtype = pd.CategoricalDtype(categories=list(column.enum))
            data[column.name] = pd.Series(values, dtype=dtype)
        elif column.type == "integer":
            data[column.name] = pd.Series(values, dtype="Int64")
        elif column.type == "number":
            data[column.name] = pd.Series(values, dtype="Float64")
        else:
            data[column.name] = pd.Series(values, dtype="string")
    return pd.DataFrame(data, columns=list(table.column_names))


def arrow_table(table: Table) -> Any:
    """A :class:`pyarrow.Table` of a table with typed columns.

    Strings are ``string``, closed vocabularies dictionary-encoded strings,
    integers ``int64``, numbers ``float64``, days ``date32``; unknown values are null.
    """
    pa = require("pyarrow", "to_arrow()")
    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    arrays: list[Any] = []
    fields: list[Any] = []
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        if column.type == "date":
            array = pa.array(values, type=pa.date32())
        else:
            array = pa.array(values, type=types[column.type])
        if column.enum is not None:
            array = array.dictionary_encode()
        arrays.append(array)
        fields.append(pa.field(column.name, array.type, nullable=not column.required))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def to_parquet(found: list[Table], directory: str | os.PathLike[str], *, overwrite: bool) -> Path:
    """Write one Parquet file per table; see :meth:`Dataset.to_parquet`."""
    require_bool("overwrite", overwrite)
    require("pyarrow", "to_parquet()")
    import pyarrow.parquet as pq

    def fill(target: Path) -> None:
        for table in found:
            pq.write_table(arrow_table(table), target / f"{table.name}.parquet")

    return write_directory(directory, fill, export_format="parquet", overwrite=overwrite)
