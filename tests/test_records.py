"""Record types: round trips through the converter and JSON, immutability, validators.

Private imports: the loader's converter and structure_records, for round trips through
JSON.
"""

from __future__ import annotations

import json
import unicodedata

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ca_security as cs
from ca_security._load.converter import make_converter
from ca_security.testing import strategies as cst

CONVERTER = make_converter()

RECORD_STRATEGIES = {
    cs.Source: cst.sources(),
    cs.Citation: cst.citations(),
    cs.Dispute: cst.disputes(),
    cs.Country: cst.countries(),
    cs.Place: cst.places(),
    cs.Organization: cst.organizations(),
    cs.Topic: cst.topics(),
    cs.Series: cst.series(),
    cs.Post: cst.posts(),
    cs.Tenure: cst.tenures(),
    cs.Official: cst.officials(),
    cs.Participation: cst.participations(),
    cs.Summit: cst.summits(),
    cs.Statement: cst.statements(),
    cs.Figure: cst.figures(),
    cs.Initiative: cst.initiatives(),
    cs.Metadata: cst.metadata(),
    cs.PartialDate: cst.partial_dates(),
}

any_record = st.one_of(
    *(strategy.map(lambda r, t=t: (t, r)) for t, strategy in RECORD_STRATEGIES.items())
)


def _json_primitives_only(value):
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_primitives_only(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_primitives_only(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


@given(any_record)
def test_round_trip(pair):
    """structure(unstructure(x)) == x for every record type."""
    record_type, record = pair
    assert record == CONVERTER.structure(CONVERTER.unstructure(record), record_type)


@given(any_record)
def test_round_trip_through_json_text(pair):
    """The same holds through JSON text, and unstructured values are JSON primitives only."""
    record_type, record = pair
    value = CONVERTER.unstructure(record)
    assert _json_primitives_only(value)
    assert record == CONVERTER.structure(json.loads(json.dumps(value)), record_type)


@given(any_record)
def test_frozen(pair):
    """Assigning to any field raises FrozenInstanceError, and no record has a __dict__."""
    _, record = pair
    for field in attrs.fields(type(record)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field.name, None)
    assert not hasattr(record, "__dict__")


@given(any_record)
def test_collections_inside_records_are_immutable(pair):
    """Every collection-valued field is a tuple (no list, dict or set)."""
    _, record = pair
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        assert not isinstance(value, (list, dict, set))


CITATION = cs.Citation(source="s")


@pytest.mark.parametrize(
    ("record_type", "fields", "match"),
    [
        (cs.Source, {"id": "Not A Slug"}, r"id must be a lowercase slug"),
        (
            cs.Source,
            {"id": "ok", "url": "ftp://example.org"},
            r"url must start with http:// or https://",
        ),
        (cs.Source, {"id": "ok", "title": "   "}, r"title must not be empty"),
        (
            cs.Citation,
            {"source": "s", "excerpt": "abc", "start": 3, "end": 5},
            r"end - start must equal the excerpt's length \(3\)",
        ),
        (cs.Citation, {"source": "s", "start": 3, "end": 5}, r"offsets need an excerpt"),
        (
            cs.Country,
            {"id": "kaz", "alpha3": "KAZ", "name": "Kazakhstan", "citations": [CITATION]},
            r"a country id is its lowercase ISO alpha-2 code",
        ),
        (
            cs.Country,
            {"id": "kz", "alpha3": "KAZ", "name": "Kazakhstan", "citations": []},
            r"citations needs at least 1 item, got 0",
        ),
        (
            cs.Official,
            {"id": "a", "name": "A", "citations": []},
            r"citations needs at least 1 item, got 0",
        ),
        (cs.Official, {"id": "a", "name": "", "citations": [CITATION]}, r"name must not be empty"),
        (
            cs.Tenure,
            {
                "post": "p",
                "start": cs.PartialDate(2024),
                "end": cs.PartialDate(2023),
                "citations": [CITATION],
            },
            r"tenure ends \(2023\) before it starts \(2024\)",
        ),
        (
            cs.Summit,
            {"id": "s", "name": "S", "ordinal": 0, "citations": [CITATION]},
            r"ordinal must be 1 or more, got 0",
        ),
        (
            cs.Participation,
            {"role": "host", "citations": [CITATION]},
            r"a participation names a person, a country or an organization",
        ),
        (
            cs.Participation,
            {"person": "p", "role": "emperor", "citations": [CITATION]},
            r"'emperor' is not one of 'host'",
        ),
        (
            cs.Statement,
            {
                "id": "s",
                "speaker": "p",
                "kind": "direct quote",
                "text": "t",
                "topics": ["a", "a"],
                "citations": [CITATION],
            },
            r"topics lists an id twice",
        ),
        (
            cs.Figure,
            {
                "id": "f",
                "description": "d",
                "value": float("nan"),
                "unit": "USD",
                "citations": [CITATION],
            },
            r"value must be a finite number, got nan",
        ),
        (
            cs.Dispute,
            {"field": "start", "values": [cs.DisputedValue(value="1", citations=[CITATION])]},
            r"values needs at least 2 items, got 1",
        ),
    ],
)
def test_validators_reject_bad_values(record_type, fields, match):
    """Invalid field values raise ValueError at construction, saying what is wrong."""
    with pytest.raises(ValueError, match=match):
        record_type(**fields)


def test_enums_accept_their_values():
    """Closed vocabularies accept their string values and turn them into enum members."""
    participation = cs.Participation(person="p", role="host", citations=[CITATION])
    assert cs.Role.HOST is participation.role


def test_official_names_lists_name_then_aliases():
    """Official.names is the name followed by the aliases."""
    official = cs.Official(id="a", name="A", aliases=["B", "C"], citations=[CITATION])
    assert official.names == ("A", "B", "C")


@pytest.mark.parametrize(
    ("value", "record_type", "field", "message"),
    [
        (
            {"source": "s", "bogus": 1},
            cs.Citation,
            "bogus",
            "unknown field 'bogus'; a Citation has",
        ),
        (
            {"source": "s", "excerpt": "ab", "start": "0", "end": 2},
            cs.Citation,
            "start",
            "expected an integer, got str",
        ),
        ({"id": "s", "kind": "tabloid"}, cs.Source, "kind", "'tabloid' is not one of"),
        ({"id": 7}, cs.Source, "id", "expected a string, got int"),
        ({"id": "Bad Id"}, cs.Source, "id", "id must be a lowercase slug"),
        ({"id": "s", "published": "2024-02-30"}, cs.Source, "published", "day must be 1..29"),
        ({"id": "s", "published": "May 2024"}, cs.Source, "published", "not an ISO partial date"),
    ],
)
def test_converter_rejects_bad_values_naming_the_field(value, record_type, field, message):
    """Unknown keys, loose types, unknown enum values and bad dates are refused with their field."""
    from ca_security._load.structuring import ProblemLog, structure_records

    log = ProblemLog()
    built = structure_records(
        CONVERTER, [value], record_type, "x.json", max_depth=cs.MAX_DEPTH, log=log
    )
    problems = log.kept
    assert built == ()
    assert [("x.json", field)] == [(p.file, p.field) for p in problems]
    assert message in problems[0].message


def test_the_converter_is_private():
    """make_converter builds a new converter each time and leaves cattrs' global one alone."""
    import cattrs

    assert make_converter() is not make_converter()
    assert make_converter() is not cattrs.global_converter


def _statement(kind: str, *renderings: str | None) -> cs.Statement:
    citations = [
        cs.Citation(source=f"outlet-{i}", excerpt="Words.", rendering=rendering)
        for i, rendering in enumerate(renderings)
    ]
    return cs.Statement(id="said", speaker="someone", kind=kind, text="Words.", citations=citations)


@pytest.mark.parametrize(
    ("kind", "renderings", "message"),
    [
        ("direct quote", ("reported",), "a direct quote needs at least one citation"),
        ("direct quote", ("written", "reported"), "a direct quote needs at least one citation"),
        ("paraphrase", ("reported", "quoted"), "a paraphrase has a citation that quotes"),
        ("paraphrase", (None,), r"citation 0 \(outlet-0\) gives an excerpt but no rendering"),
        ("written", ("quoted", None), r"citation 1 \(outlet-1\) gives an excerpt but no rendering"),
    ],
)
def test_statement_kind_must_agree_with_its_renderings(kind, renderings, message):
    """A direct quote is quoted by a source; a paraphrase is not; every excerpt says how."""
    with pytest.raises(ValueError, match=message):
        _statement(kind, *renderings)


@given(st.lists(st.sampled_from(["quoted", "reported", "written"]), min_size=1, max_size=4))
def test_a_statement_is_a_direct_quote_exactly_when_a_citation_quotes_it(renderings):
    """Oracle: 'quoted' in the list decides which of the two kinds loads."""
    quoted = "quoted" in renderings
    assert _statement("direct quote" if quoted else "paraphrase", *renderings).citations
    with pytest.raises(ValueError):
        _statement("paraphrase" if quoted else "direct quote", *renderings)


def test_bundled_direct_quotes_are_quoted_by_a_source():
    """Every bundled direct quote has a quoted citation, and no paraphrase has one."""
    for statement in cs.load().statements:
        kinds = {citation.rendering for citation in statement.citations}
        if statement.kind is cs.StatementKind.DIRECT_QUOTE:
            assert cs.RenderingKind.QUOTED in kinds, statement.id
        if statement.kind is cs.StatementKind.PARAPHRASE:
            assert cs.RenderingKind.QUOTED not in kinds, statement.id


def _every_record(ds: cs.Dataset):
    for _, collection in ds.collections():
        yield from collection


def test_a_record_prints_as_a_few_readable_lines():
    """repr is one short line and str a few labelled lines, whatever the record's citations."""
    for record in _every_record(cs.load()):
        line = repr(record)
        assert "\n" not in line
        assert line.startswith(f"<{type(record).__name__} {record.id}")
        assert len(line) <= 400, line
        text = str(record).splitlines()
        assert text[0] == f"{type(record).__name__} {record.id}"
        assert all(row.startswith("  ") for row in text[1:])
        assert "Citation(" not in line and "PartialDate(" not in line


def test_a_statement_shows_who_when_and_what():
    """The REPL shows a statement's speaker, date, kind and text, not its nested citations."""
    statement = cs.load().statements["tokayev-2024-05-16-afghanistan-focus"]
    assert str(statement).splitlines() == [
        "Statement tokayev-2024-05-16-afghanistan-focus",
        "  speaker: kassym-jomart-tokayev",
        "  date: 2024-05-16",
        "  kind: direct quote",
        "  text: In this regard, Afghanistan should be the focus of our common attention.",
        "  sources: 2 citations",
    ]


@given(cst.statements(), st.text(min_size=1))
def test_a_generated_statement_repr_is_bounded(statement, text):
    """However long its texts, a statement's repr stays one bounded line naming it."""
    assume(any(not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf") for c in text))
    statement = attrs.evolve(statement, text=text * 50)
    line = repr(statement)
    assert "\n" not in line
    assert statement.id in line
    assert len(line) <= 200 + len(statement.id) + len(statement.speaker)
