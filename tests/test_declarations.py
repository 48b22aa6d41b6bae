"""Each field fact is declared once, on the field, and every layer reads that declaration.

These tests go through the declaration (``ca_security._model.rules``), which has
no public API: it is how the package is built, not what a user calls.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import ca_security as cs
from ca_security._model import rules

RECORD_TYPES = sorted(
    {
        cs.Source, cs.Citation, cs.Dispute, cs.DisputedValue, cs.Country, cs.Place,
        cs.PlaceName, cs.Organization, cs.Topic, cs.Series, cs.Post, cs.Tenure,
        cs.Official, cs.Initiative, cs.StatusChange, cs.Signature, cs.Summit,
        cs.Participation, cs.Statement, cs.Figure, cs.Incident, cs.Metadata,
    },
    key=lambda record_type: record_type.__name__,
)  # fmt: skip

#: Fields declared otherwise, each for a stated reason.
UNDECLARED = {
    # A number from any JSON number: its own converter and finiteness check.
    ("Figure", "value"),
}

#: Written here from the data guide, not read from the code: field -> kinds it refers to.
EXPECTED_REFERENCES = {
    (cs.Statement, "speaker"): ("officials",),
    (cs.Statement, "summit"): ("summits",),
    (cs.Statement, "mentions"): (rules.ANY_KIND,),
    (cs.Citation, "source"): ("sources",),
    (cs.Tenure, "post"): ("posts",),
    (cs.Participation, "on_behalf_of"): ("officials", "countries", "organizations"),
    (cs.Signature, "party"): ("countries", "organizations"),
    (cs.Incident, "actors"): ("officials", "organizations"),
    (cs.Topic, "parent"): ("topics",),
    (cs.Figure, "statement"): ("statements",),
}


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.__name__)
def test_every_field_declares_what_it_holds(record_type: type) -> None:
    undeclared = [
        field.name
        for field in attrs.fields(record_type)
        if rules.declaration_of(field) is None
        and (record_type.__name__, field.name) not in UNDECLARED
    ]
    assert undeclared == []


@pytest.mark.parametrize(("owner", "field"), sorted(EXPECTED_REFERENCES, key=str))
def test_reference_fields_declare_their_kinds(owner: type, field: str) -> None:
    assert rules.references(owner)[field] == EXPECTED_REFERENCES[(owner, field)]


def test_every_id_field_but_the_own_id_is_a_reference() -> None:
    """An id that points nowhere in particular could not be checked: none exists."""
    loose = [
        (record_type.__name__, field.name)
        for record_type in RECORD_TYPES
        for field in attrs.fields(record_type)
        if (declared := rules.declaration_of(field)) is not None
        and declared.rule is rules.Rule.ID
        and field.name != "id"
        and not declared.refers_to
    ]
    assert loose == []


def test_a_new_reference_field_is_one_line() -> None:
    """A record type declared with ``ref`` is a reference to the kind named, and checked as an id."""

    @attrs.frozen
    class Visit:
        id: str = rules.id_field()
        country: str = rules.ref("countries")

    assert rules.references(Visit) == {"country": ("countries",)}
    with pytest.raises(rules.FieldValueError, match="country must be a lowercase slug"):
        Visit(id="v", country="Not A Slug")


def test_the_data_package_foreign_keys_follow_the_declarations(tmp_path: Any) -> None:
    """Each single-kind reference of a statement is a foreign key of the CSV export."""
    out = cs.load().to_csv(tmp_path / "csv")
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    statements = next(r for r in package["resources"] if r["name"] == "statements")
    keys = {
        tuple(key["fields"]) if isinstance(key["fields"], list) else (key["fields"],): key[
            "reference"
        ]["resource"]
        for key in statements["schema"].get("foreignKeys", [])
    }
    assert keys[("speaker",)] == "officials"
    assert keys[("summit",)] == "summits"
    assert keys[("document",)] == "initiatives"


def test_a_pattern_is_checked_by_the_loader_and_the_fast_path(tmp_path: Any) -> None:
    """A declared pattern (the alpha-3 code) refuses a lowercase code when loading."""
    out = cs.load().to_json(tmp_path / "copy")
    countries = json.loads((out / "countries.json").read_text("utf-8"))
    countries[0]["alpha3"] = countries[0]["alpha3"].lower()
    (out / "countries.json").write_text(json.dumps(countries), "utf-8")
    with pytest.raises(cs.DatasetError, match="alpha3 must match"):
        cs.load(out)
