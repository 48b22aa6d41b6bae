"""pandas DataFrames, Arrow tables, Parquet files read by DuckDB, and the missing-extra message."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import ca_security as cs

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def test_collection_to_pandas_has_proper_dtypes():
    ds = cs.load()
    frame = ds.statements.to_pandas()
    assert list(frame["id"]) == list(ds.statements.ids)
    assert str(frame["id"].dtype) == "string"
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [k.value for k in cs.StatementKind]
    assert str(frame["date_earliest"].dtype) == "datetime64[s]"
    assert frame["date"].iloc[0] == ds.statements[frame["id"].iloc[0]].date.isoformat()
    summits = ds.summits.to_pandas()
    assert str(summits["ordinal"].dtype) == "Int64"
    assert summits["end_earliest"].isna().all() == all(s.end is None for s in ds.summits)


def test_dataset_to_pandas_gives_every_table():
    ds = cs.load()
    frames = ds.to_pandas()
    assert {"statements", "statement_topics", "summit_participants"} <= set(frames)
    topics = frames["statement_topics"]
    assert len(topics) == sum(len(s.topics) for s in ds.statements)
    joined = topics.merge(frames["topics"], left_on="topic", right_on="id")
    assert len(joined) == len(topics)


def test_to_arrow_types():
    ds = cs.load()
    table = ds.summits.to_arrow()
    assert table.num_rows == len(ds.summits)
    assert table.schema.field("start_earliest").type == pa.date32()
    assert pa.types.is_dictionary(table.schema.field("format").type)
    assert not table.schema.field("id").nullable
    assert set(ds.to_arrow()) == set(ds.to_pandas())


def test_parquet_files_answer_duckdb_queries(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    ds = cs.load()
    out = ds.to_parquet(tmp_path / "parquet")
    assert (out / "statements.parquet").is_file()
    rows = duckdb.sql(
        f"""
        SELECT o.name, count(*) AS n
        FROM '{out / "statements.parquet"}' s JOIN '{out / "officials.parquet"}' o
          ON s.speaker = o.id
        GROUP BY o.name ORDER BY n DESC, o.name
        """
    ).fetchall()
    expected: dict[str, int] = {}
    for statement in ds.statements:
        name = ds.officials[statement.speaker].name
        expected[name] = expected.get(name, 0) + 1
    assert dict(rows) == expected
    first = duckdb.sql(f"SELECT min(date_earliest) FROM '{out / 'statements.parquet'}'").fetchall()[
        0
    ]
    assert first[0] == min(s.date.earliest for s in ds.statements if s.date)


@pytest.mark.parametrize(
    ("blocked", "call", "extra"),
    [
        ("pandas", "ds.statements.to_pandas()", "pandas"),
        ("pandas", "ds.to_pandas()", "pandas"),
        ("pyarrow", "ds.to_parquet(tempfile.mkdtemp() + '/p')", "arrow"),
        ("pyarrow", "ds.summits.to_arrow()", "arrow"),
    ],
)
def test_without_the_extra_the_error_names_it(blocked, call, extra):
    """With the optional library unimportable, import works and the method names the extra."""
    code = textwrap.dedent(
        f"""
        import sys, tempfile
        sys.modules[{blocked!r}] = None  # as if not installed
        import ca_security
        ds = ca_security.load()
        try:
            {call}
        except ca_security.MissingExtraError as error:
            assert isinstance(error, ImportError)
            print(error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert f"pip install 'ca-security[{extra}]'" in result.stdout
    assert f"pip install '.[{extra}]'" in result.stdout


def test_import_stays_light():
    code = (
        "import sys, ca_security; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'jsonschema', 'cattrs', 'dateutil') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
