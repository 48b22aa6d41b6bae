"""``Dataset.from_records`` validates: nothing half-built escapes.

The expectations here are written out by hand (which field refers to which
kind, what a data file is called), not read from the package's own tables of
references, so that a mistake there cannot hide itself.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ca_security as cs
from ca_security.testing import strategies as cst

DS = cs.load()
METADATA = cs.Metadata(dataset_version="test")
SOURCE = cs.Source(id="a-source")
CITED = (cs.Citation(source="a-source"),)
DATE = cs.PartialDate.parse
OFFICIAL = cs.Official(id="an-envoy", name="An Envoy", citations=CITED)


def statement(statement_id: str, **changes: object) -> cs.Statement:
    fields: dict[str, object] = {
        "id": statement_id,
        "speaker": "an-envoy",
        "kind": "paraphrase",
        "text": f"What {statement_id} says.",
        "citations": CITED,
    }
    fields.update(changes)
    return cs.Statement(**fields)  # type: ignore[arg-type]


def test_valid_records_build_a_dataset_in_canonical_order() -> None:
    ds = cs.Dataset.from_records(
        METADATA,
        {
            "sources": [SOURCE],
            "officials": iter([OFFICIAL]),
            "statements": (
                statement("later", date=DATE("2024")),
                statement("earlier", date=DATE("2023")),
            ),
        },
    )
    assert ds.statements.ids == ("earlier", "later")
    assert ds.officials["an-envoy"] == OFFICIAL
    assert len(ds.countries) == 0


def test_the_bundled_records_rebuild_the_bundled_dataset() -> None:
    records = {name: tuple(collection) for name, collection in DS.collections()}
    assert cs.Dataset.from_records(DS.metadata, records) == DS


def test_an_unknown_reference_is_refused_naming_file_record_and_field() -> None:
    with pytest.raises(
        cs.DatasetError,
        match=re.escape("statements.json, record said, field speaker: unknown official 'nobody'"),
    ):
        cs.Dataset.from_records(
            METADATA,
            {
                "sources": (SOURCE,),
                "officials": (OFFICIAL,),
                "statements": (statement("said", speaker="nobody"),),
            },
        )


def test_every_problem_is_listed() -> None:
    records = {
        "sources": (SOURCE, cs.Source(id="said")),
        "officials": (OFFICIAL,),
        "statements": (
            statement("said"),
            statement("uncited", citations=(cs.Citation(source="gone"),)),
        ),
    }
    with pytest.raises(cs.DatasetError, match=r"^2 problems in the dataset") as caught:
        cs.Dataset.from_records(METADATA, records)
    assert [(p.file, p.record, p.field) for p in caught.value.problems] == [
        ("statements.json", "said", "id"),
        ("statements.json", "uncited", "citations[0].source"),
    ]
    assert "duplicate id (already used in sources.json)" in caught.value.problems[0].message


def test_a_statement_outside_its_summit_is_refused() -> None:
    summit = cs.Summit(id="meeting", name="A meeting", start=DATE("2024-05-01"), citations=CITED)
    with pytest.raises(cs.DatasetError, match="lies outside its summit 'meeting'"):
        cs.Dataset.from_records(
            METADATA,
            {
                "sources": (SOURCE,),
                "officials": (OFFICIAL,),
                "summits": (summit,),
                "statements": (statement("said", summit="meeting", date=DATE("2023")),),
            },
        )


def test_a_record_under_the_wrong_kind_is_refused() -> None:
    with pytest.raises(
        TypeError,
        match=re.escape(
            "records['sources'][1] is a Statement, not a Source; it belongs under 'statements'"
        ),
    ):
        cs.Dataset.from_records(METADATA, {"sources": (SOURCE, statement("said"))})


def test_something_that_is_not_a_record_is_refused() -> None:
    with pytest.raises(
        TypeError, match=re.escape("records['countries'][0] is a str, not a Country") + "$"
    ):
        cs.Dataset.from_records(METADATA, {"countries": ["kz"]})


@pytest.mark.parametrize(
    ("value", "got"),
    [(SOURCE, "Source"), ("a-source", "str"), ({"a-source": SOURCE}, "dict"), (None, "NoneType")],
)
def test_records_that_are_not_an_iterable_of_records_are_refused(value: object, got: str) -> None:
    with pytest.raises(
        TypeError,
        match=re.escape(f"records['sources'] must be an iterable of Source records, got {got}"),
    ):
        cs.Dataset.from_records(METADATA, {"sources": value})  # type: ignore[dict-item]


def test_records_that_are_not_a_mapping_are_refused() -> None:
    with pytest.raises(
        TypeError, match="records must be a mapping of kind name to records, got list"
    ):
        cs.Dataset.from_records(METADATA, [("sources", (SOURCE,))])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("statement", "unknown record kind 'statement'; did you mean 'statements'?"),
        ("speeches", "unknown record kind 'speeches'"),
    ],
)
def test_keys_are_collection_names(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        cs.Dataset.from_records(METADATA, {name: ()})


#: Single-id reference fields: (collection, field, noun of the kind it refers to).
REFERENCES = (
    ("sources", "origin", "organization"),
    ("places", "country", "country"),
    ("organizations", "country", "country"),
    ("organizations", "parent", "organization"),
    ("topics", "parent", "topic"),
    ("posts", "organization", "organization"),
    ("posts", "country", "country"),
    ("officials", "country", "country"),
    ("initiatives", "proposer", "official"),
    ("summits", "series", "series"),
    ("summits", "place", "place"),
    ("summits", "host_country", "country"),
    ("statements", "speaker", "official"),
    ("statements", "summit", "summit"),
    ("figures", "speaker", "official"),
    ("figures", "statement", "statement"),
    ("figures", "incident", "incident"),
)
MISSING = "zz-missing-record"


@given(cst.dataset_records(), st.data())
def test_one_broken_reference_is_refused_naming_that_record(pair, data) -> None:
    metadata, records = pair
    assert cs.Dataset.from_records(metadata, records) is not None
    candidates = [
        (name, position, field, noun)
        for name, field, noun in REFERENCES
        for position, record in enumerate(records.get(name, ()))
        if getattr(record, field) is not None
    ]
    assume(candidates)
    ids = {record.id for values in records.values() for record in values}
    assume(MISSING not in ids)
    name, position, field, noun = data.draw(st.sampled_from(candidates))
    values = list(records[name])
    broken = attrs.evolve(values[position], **{field: MISSING})
    values[position] = broken
    with pytest.raises(
        cs.DatasetError, match=f"record {re.escape(broken.id)}, field {field}: "
    ) as caught:
        cs.Dataset.from_records(metadata, {**records, name: tuple(values)})
    assert (
        cs.Problem(
            file=f"{name}.json",
            record=broken.id,
            field=field,
            message=f"unknown {noun} {MISSING!r}",
        )
        in caught.value.problems
    )
