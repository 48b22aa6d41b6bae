"""The JSON Schema of the data files: generated from the model, shipped, and checked with jsonschema.

Private import: KINDS, to match every data file with its schema definition.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

import ca_security as cs
from ca_security._model.kinds import KINDS
from ca_security.testing import strategies as cst
from helpers import bundled_raw

ROOT = Path(__file__).resolve().parent.parent


def _errors(instance, schema):
    Draft202012Validator.check_schema(schema)
    return list(Draft202012Validator(schema).iter_errors(instance))


@functools.cache
def _dataset_validator() -> Draft202012Validator:
    """The whole-dataset schema's validator, the schema checked once (checking costs more
    than validating a small dataset)."""
    schema = cs.json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_shipped_schema_is_the_generated_one():
    """The file in the package is up to date (python scripts/build_schema.py rewrites it)."""
    shipped = resources.files("ca_security").joinpath("schema/ca-security.schema.json")
    assert json.loads(shipped.read_text("utf-8")) == cs.json_schema()


def test_schema_describes_every_field_of_every_record_type():
    import attrs

    definitions = cs.json_schema()["$defs"]
    for kind in KINDS:
        properties = definitions[kind.type.__name__]["properties"]
        assert list(properties) == [field.name for field in attrs.fields(kind.type)]


def test_bundled_data_files_are_valid():
    raw = bundled_raw()
    assert _errors(raw, cs.json_schema()) == []
    for name, value in raw.items():
        assert _errors(value, cs.json_schema(name)) == [], name


@settings(max_examples=50)
@given(cst.datasets())
def test_every_exported_dataset_is_valid(tmp_path_factory, ds):
    out = ds.to_json(tmp_path_factory.mktemp("schema") / "ds")
    files = {p.name: json.loads(p.read_text("utf-8")) for p in out.glob("*.json")}
    assert list(_dataset_validator().iter_errors(files)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.update(kind="rumour"), "is not one of"),
        (lambda s: s.update(date="16 May 2024"), "is not valid under any"),
        (lambda s: s.update(speaker="Kassym Tokayev"), "does not match"),
        (lambda s: s.update(colour="red"), "Additional properties"),
        (lambda s: s.update(citations=[]), "should be non-empty"),
        (lambda s: s.pop("text"), "'text' is a required property"),
    ],
)
def test_broken_records_are_refused(change, expected):
    statements = bundled_raw()["statements.json"]
    change(statements[0])
    messages = [error.message for error in _errors(statements, cs.json_schema("statements.json"))]
    assert any(expected in message for message in messages), messages


def test_unknown_file_name_is_an_error():
    with pytest.raises(ValueError, match="not a data file"):
        cs.json_schema("people.json")
