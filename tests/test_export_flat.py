"""The flat tables: one row per statement and per summit, names for ids; formulas neutralised in CSV.

Private import: the flat-table builder and its CSV neutraliser, checked cell by cell
(the public API gives only frames and files).
"""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security as cs
from ca_security._export.flat import flat_tables, neutralise, write_flat_csv

DS = cs.load()


def test_flat_statements_have_names_outlets_and_the_first_quote():
    frame = DS.to_pandas(flat=True)["statements"]
    row = frame.set_index("id").loc["tokayev-2024-05-16-afghanistan-focus"]
    statement = DS.statements["tokayev-2024-05-16-afghanistan-focus"]
    assert row["speaker"] == "Kassym-Jomart Tokayev"
    assert row["speaker_country"] == "Kazakhstan"
    assert row["kind"] == "direct quote"
    assert row["occasion"] == DS.summits[statement.summit].name
    assert "Afghanistan" in row["mentions"].split("; ")
    publishers = [DS.sources[c.source].publisher for c in statement.citations]
    assert row["outlets"].split("; ") == list(dict.fromkeys(publishers))
    first = next(c for c in statement.citations if c.rendering is cs.RenderingKind.QUOTED)
    assert row["quote"] == first.excerpt


def test_flat_summits_have_place_participants_and_documents():
    frame = DS.to_pandas(flat=True)["summits"]
    row = frame.set_index("id").loc["sc-secretaries-2024-05-16-astana"]
    assert row["start"] == "2024-05-16"
    assert row["place"] == "Astana"
    assert "Gizat Nurdauletov (Kazakhstan, head of delegation)" in row["participants"].split("; ")
    assert len(frame) == len(DS.summits)


def test_to_pandas_flat_takes_only_a_bool():
    with pytest.raises(TypeError, match="flat"):
        DS.to_pandas(flat="yes")


def test_write_flat_csv_neutralises_formulas_and_keeps_the_rest(tmp_path):
    tables = {table.name: table for table in flat_tables(DS)}
    out = write_flat_csv(DS, tmp_path / "flat")
    with (out / "summits.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == tables["summits"].column_names
    expected = [[neutralise(cell or "") for cell in row] for row in tables["summits"].rows]
    assert rows[1:] == expected


@given(st.text(max_size=20))
def test_neutralise_prefixes_exactly_the_cells_that_start_like_a_formula(cell):
    expected = "'" + cell if cell[:1] in {"=", "+", "-", "@", "\t", "\r"} else cell
    assert neutralise(cell) == expected
    assert neutralise(cell)[:1] not in {"=", "+", "-", "@", "\t", "\r"}
