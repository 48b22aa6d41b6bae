"""One key per record kind: ``kind_named`` and ``kind_of_type`` find the :class:`Kind`."""

from __future__ import annotations

import re

import pytest

import ca_security as cs
from ca_security._model.kinds import KINDS, kind_named, kind_of_type

#: Written out by hand: collection name, noun and record type of every kind.
EXPECTED = (
    ("sources", "source", cs.Source),
    ("countries", "country", cs.Country),
    ("places", "place", cs.Place),
    ("organizations", "organization", cs.Organization),
    ("topics", "topic", cs.Topic),
    ("series", "series", cs.Series),
    ("posts", "post", cs.Post),
    ("officials", "official", cs.Official),
    ("initiatives", "initiative", cs.Initiative),
    ("summits", "summit", cs.Summit),
    ("statements", "statement", cs.Statement),
    ("figures", "figure", cs.Figure),
    ("incidents", "incident", cs.Incident),
)


def test_the_table_lists_every_kind_once() -> None:
    assert [(kind.name, kind.noun, kind.type) for kind in KINDS] == list(EXPECTED)


@pytest.mark.parametrize(("name", "noun", "record_type"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_name_noun_and_type_find_the_same_kind(name: str, noun: str, record_type: type) -> None:
    kind = kind_named(name)
    assert (kind.name, kind.noun, kind.type) == (name, noun, record_type)
    assert kind_named(noun) is kind
    assert kind_of_type(record_type) is kind


@pytest.mark.parametrize("record_type", [str, cs.Citation, cs.Tenure, cs.PartialDate, object])
def test_a_type_of_no_kind_has_none(record_type: type) -> None:
    assert kind_of_type(record_type) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("statment", "unknown record kind 'statment'; did you mean 'statements'?"),
        ("Statements", "unknown record kind 'Statements'; did you mean 'statements'?"),
        ("speeches", "unknown record kind 'speeches'"),
        ("", "unknown record kind ''"),
    ],
)
def test_an_unknown_name_is_refused_with_a_suggestion(name: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        kind_named(name)


def test_a_collection_keeps_its_noun_as_its_kind() -> None:
    ds = cs.load()
    assert [collection.kind for _, collection in ds.collections()] == [e[1] for e in EXPECTED]


def test_a_dated_kind_is_dated_by_an_optional_date_field_of_its_type() -> None:
    import typing

    dated = {kind.name: kind.dated_by for kind in KINDS if kind.dated_by is not None}
    assert dated == {"summits": "start", "statements": "date", "incidents": "start"}
    for kind in KINDS:
        if kind.dated_by is not None:
            hint = typing.get_type_hints(kind.type)[kind.dated_by]
            assert hint == cs.PartialDate | None
        else:
            assert kind.rank is None
