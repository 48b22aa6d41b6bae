"""Export to pandas and Parquet, then query the files with DuckDB.

Needs the extras: pip install "ca-security[pandas,arrow]" duckdb
Run: python examples/pandas_duckdb.py
"""

import tempfile
from pathlib import Path

import duckdb

import ca_security

ds = ca_security.load()

# One DataFrame per collection, with proper dtypes (dates, categories).
statements = ds.statements.to_pandas()
print(statements.dtypes.to_string())
print()

# Parquet files are the path to DuckDB, Spark or Polars for data that outgrow one process.
with tempfile.TemporaryDirectory() as tmp:
    ds.to_parquet(tmp)
    files = Path(tmp)
    query = f"""
        SELECT o.name AS speaker, count(*) AS statements
        FROM read_parquet('{files / "statements.parquet"}') AS s
        JOIN read_parquet('{files / "officials.parquet"}') AS o ON o.id = s.speaker
        GROUP BY o.name
        ORDER BY statements DESC, speaker
        LIMIT 10
    """
    print(duckdb.sql(query))

    # Many-to-many relations are link tables: statement_topics joins statements to topics.
    query = f"""
        SELECT t.name AS topic, count(*) AS statements
        FROM read_parquet('{files / "statement_topics.parquet"}') AS st
        JOIN read_parquet('{files / "topics.parquet"}') AS t ON t.id = st.topic
        GROUP BY t.name
        ORDER BY statements DESC, topic
        LIMIT 5
    """
    print(duckdb.sql(query))
