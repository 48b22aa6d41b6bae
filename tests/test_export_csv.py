"""The CSV export and its Frictionless Data Package, checked by the frictionless validator."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings

import ca_security as cs
from ca_security.testing import strategies as cst


def frictionless(directory):
    """Run the real validator's command line on the export; returns (exit code, report)."""
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout)


def errors_of(report):
    return [
        (task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]
    ] + [("package", error["type"]) for error in report["errors"]]


def read(path):
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return cs.load().to_csv(tmp_path_factory.mktemp("csv") / "export")


def test_the_export_passes_frictionless_validate(export):
    code, report = frictionless(export)
    assert errors_of(report) == []
    assert report["valid"] is True
    assert code == 0
    descriptor = json.loads((export / "datapackage.json").read_text("utf-8"))
    assert len(report["tasks"]) == len(descriptor["resources"])


@pytest.mark.parametrize(
    ("file", "old", "new", "error"),
    [
        ("statement_topics.csv", ",afghanistan", ",no-such-topic", "foreign-key"),
        ("statements.csv", "direct quote", "rumour", "constraint-error"),
        (
            "summits.csv",
            "2024-05-16,2024-05-16,2024-05-16",
            "2024-05-16,2024-05-16,16 May",
            "type-error",
        ),
        (
            "statement_citations.csv",
            "\ntokayev-2024-05-16-afghanistan-focus,1,",
            "\ntokayev-2024-05-16-afghanistan-focus,0,",
            "primary-key",
        ),
    ],
)
def test_a_broken_copy_fails_frictionless_validate(export, tmp_path, file, old, new, error):
    broken = tmp_path / "broken"
    shutil.copytree(export, broken)
    text = (broken / file).read_text("utf-8")
    assert old in text
    (broken / file).write_text(text.replace(old, new, 1), "utf-8")
    code, report = frictionless(broken)
    assert code == 1
    assert report["valid"] is False
    assert (file.removesuffix(".csv"), error) in errors_of(report)


def test_partial_dates_keep_their_precision_with_a_day_range(tmp_path):
    ds = cs.load()
    summit = ds.summits["sc-secretaries-2024-05-16-astana"]
    month = cs.PartialDate(2024, 5)
    changed = cs.Dataset.from_records(
        ds.metadata,
        {
            **{name: tuple(coll) for name, coll in ds.collections()},
            "summits": tuple(
                s if s.id != summit.id else attrs.evolve(s, start=month) for s in ds.summits
            ),
            "statements": tuple(attrs.evolve(s, summit=None) for s in ds.statements),
        },
    )
    rows = {row["id"]: row for row in read(changed.to_csv(tmp_path / "out") / "summits.csv")}
    row = rows[summit.id]
    assert (row["start"], row["start_earliest"], row["start_latest"]) == (
        "2024-05",
        "2024-05-01",
        "2024-05-31",
    )
    assert row["end"] == row["end_earliest"] == row["end_latest"] == ""


def test_link_tables_hold_every_relation_in_order(export):
    ds = cs.load()
    topics = read(export / "statement_topics.csv")
    expected = [
        {"statement": s.id, "position": str(i), "topic": t}
        for s in ds.statements
        for i, t in enumerate(s.topics)
    ]
    assert topics == expected
    citations = read(export / "statement_citations.csv")
    assert [(c["statement"], c["source"], c["excerpt"]) for c in citations] == [
        (s.id, c.source, c.excerpt or "") for s in ds.statements for c in s.citations
    ]
    participants = read(export / "summit_participants.csv")
    assert [(p["summit"], p["person"], p["role"]) for p in participants] == [
        (s.id, p.person or "", p.role.value) for s in ds.summits for p in s.participants
    ]


def test_descriptor_declares_keys_and_types(export):
    descriptor = json.loads((export / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    statements = resources["statements"]["schema"]
    assert statements["primaryKey"] == ["id"]
    types = {field["name"]: field["type"] for field in statements["fields"]}
    assert types["date"] == "string" and types["date_earliest"] == "date"
    assert {"fields": ["speaker"], "reference": {"resource": "officials", "fields": ["id"]}} in (
        statements["foreignKeys"]
    )
    link = resources["statement_topics"]["schema"]
    assert link["primaryKey"] == ["statement", "position"]
    assert descriptor["version"] == cs.load().version
    assert descriptor["licenses"] == [{"name": cs.load().metadata.license}]


def test_existing_export_needs_overwrite(export):
    with pytest.raises(FileExistsError):
        cs.load().to_csv(export)


@settings(max_examples=10)
@given(cst.datasets())
def test_generated_datasets_pass_frictionless(tmp_path_factory, ds):
    from frictionless import Package

    out = ds.to_csv(tmp_path_factory.mktemp("csv") / "ds")
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    rows = read(out / "statements.csv")
    assert [row["id"] for row in rows] == list(ds.statements.ids)
