"""The Popolo export, validated against the official Popolo JSON Schemas (draft-03)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import ca_security as cs
from ca_security.testing import strategies as cst

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "shared" / "popolo-schemas"
#: Which schema each list of the export is checked against.
LISTS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "speeches": "speech",
}

needs_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(),
    reason=(
        "the Popolo JSON Schemas (CC BY 4.0, not copied into this repository) are read "
        "from ../shared/popolo-schemas/, which is absent here"
    ),
)


@functools.cache
def _validators() -> dict[str, Any]:
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    resources = []
    contents = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text("utf-8"))
        contents[path.stem] = schema
        resource = Resource.from_contents(schema, default_specification=DRAFT3)
        resources.append((schema["id"].rstrip("#"), resource))
    registry = Registry().with_resources(resources)
    return {
        name: Draft3Validator(
            contents[name], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )
        for name in LISTS.values()
    }


def _problems(document: dict[str, Any]) -> list[str]:
    validators = _validators()
    problems = []
    for key, name in LISTS.items():
        for item in document[key]:
            for error in validators[name].iter_errors(item):
                problems.append(f"{key} {item.get('id')}: {error.message}")
    return problems


@needs_schemas
def test_every_object_of_the_bundled_export_is_valid_popolo():
    document = cs.load().to_popolo()
    assert all(document[key] for key in ("persons", "posts", "memberships", "events", "speeches"))
    assert _problems(document) == []


@needs_schemas
def test_the_validator_rejects_a_broken_object():
    """The check can fail: a person whose name is a number is refused."""
    document = cs.load().to_popolo()
    document["persons"][0]["name"] = 42
    document["memberships"][0]["start_date"] = "16 May 2024"
    problems = _problems(document)
    assert len(problems) == 2


@needs_schemas
@settings(max_examples=25)
@given(cst.datasets())
def test_generated_datasets_export_valid_popolo(ds):
    assert _problems(ds.to_popolo()) == []


def test_mapping_of_records_to_popolo_objects():
    ds = cs.load()
    document = ds.to_popolo()
    persons = {person["id"]: person for person in document["persons"]}
    tokayev = ds.officials["kassym-jomart-tokayev"]
    assert persons[tokayev.id]["name"] == tokayev.name
    assert [n["name"] for n in persons[tokayev.id]["other_names"]] == list(tokayev.aliases)
    assert len(document["memberships"]) == sum(len(o.tenures) for o in ds.officials)
    event = next(e for e in document["events"] if e["id"] == "sc-secretaries-2024-05-16-astana")
    summit = ds.summits[event["id"]]
    named = {p.person for p in summit.participants if p.person}
    assert {a["id"] for a in event["attendees"]} == named
    assert event["start_date"] == summit.start.isoformat()
    for speech in document["speeches"]:
        statement = ds.statements[speech["id"]]
        assert speech["creator_id"] == statement.speaker
        assert speech["text"] == statement.text
        assert speech.get("event_id") == statement.summit
    assert any("event_id" in speech for speech in document["speeches"])
    urls = {ds.sources[c.source].url for c in statement.citations} - {None}
    assert {link["url"] for link in speech["sources"]} == urls


def test_to_popolo_writes_a_file_and_refuses_to_overwrite(tmp_path):
    ds = cs.load()
    target = tmp_path / "popolo.json"
    document = ds.to_popolo(target)
    assert json.loads(target.read_text("utf-8")) == document
    with pytest.raises(FileExistsError):
        ds.to_popolo(target)
    ds.to_popolo(target, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["popolo.json"]
