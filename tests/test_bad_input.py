"""Bad input to every public function raises the documented exception with a usable message.

``CASES`` walks the public API: unknown ids (a ``KeyError`` that suggests the
closest id), wrong argument types (``TypeError``), unparseable dates and bad
values (``ValueError``). ``test_every_public_callable_is_walked`` fails when a
public name is added to ``ca_security.__all__`` without a case here.

Private import: KINDS, to build a sample of every record type without listing them by
hand.
"""

from __future__ import annotations

import enum
import inspect
import sys
import tempfile
import typing
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

import ca_security as cs
from ca_security._model.kinds import KINDS

DS = cs.load()
OFFICIAL = DS.officials.ids[0]
COUNTRY = DS.countries.ids[0]
POST = DS.posts.ids[0]
_CITED = {"citations": [cs.Citation(source="s")]}
#: Two officials with one name, for the ambiguous look-up.
TWINS = cs.Dataset.from_records(
    DS.metadata,
    {
        "sources": (cs.Source(id="s"),),
        "officials": (
            cs.Official(id="one-person", name="Same Name", **_CITED),
            cs.Official(id="other-person", name="Same Name", **_CITED),
        ),
    },
)


#: A non-empty directory and an existing file: exports refuse to overwrite them.
EXISTING = Path(tempfile.mkdtemp())
EXISTING_FILE = EXISTING / "taken.json"
EXISTING_FILE.write_text("{}", "utf-8")


def _without_pandas() -> Any:
    """to_pandas() as if pandas were not installed."""
    saved = sys.modules.get("pandas")
    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` fail
    try:
        return DS.statements.to_pandas()
    finally:
        if saved is None:
            del sys.modules["pandas"]
        else:
            sys.modules["pandas"] = saved


def case(call: Any, error: type[BaseException], *fragments: str, id: str) -> Any:
    """One bad call: ``call()`` must raise ``error`` with every fragment in its message."""
    return pytest.param(call, error, fragments, id=id)


CASES = [
    # -- load -----------------------------------------------------------------------------
    case(
        lambda: cs.load(42), TypeError, "path must be a string or os.PathLike", "int", id="load-int"
    ),
    case(lambda: cs.load(""), ValueError, "path is empty", id="load-empty"),
    case(
        lambda: cs.load("/no/such/dir"),
        FileNotFoundError,
        "not a dataset directory",
        id="load-missing",
    ),
    # -- look-ups by id -------------------------------------------------------------------
    case(
        lambda: DS[OFFICIAL[:-1]],
        KeyError,
        "no record",
        f"did you mean {OFFICIAL!r}",
        id="ds-item-typo",
    ),
    case(
        lambda: DS[OFFICIAL.upper()], LookupError, f"did you mean {OFFICIAL!r}", id="ds-item-case"
    ),
    case(lambda: DS[42], TypeError, "record ids are strings; got int", id="ds-item-int"),
    case(lambda: DS.get(None), TypeError, "record ids are strings; got NoneType", id="ds-get-none"),
    case(
        lambda: DS.officials[OFFICIAL + "x"],
        cs.RecordNotFoundError,
        "no official",
        repr(OFFICIAL),
        id="coll-typo",
    ),
    case(
        lambda: DS.countries[COUNTRY.upper()], KeyError, f"did you mean {COUNTRY!r}", id="coll-case"
    ),
    case(
        lambda: DS.countries[0],
        TypeError,
        "country ids are strings; got int",
        "list(collection)[i]",
        id="coll-position",
    ),
    case(lambda: DS.countries.get(b"kz"), TypeError, "got bytes", id="coll-get-bytes"),
    case(lambda: DS.countries._closest_ids(None), TypeError, "got NoneType", id="closest-none"),
    case(lambda: DS._cached(5, dict), TypeError, "cache keys are strings", id="cached-key"),
    case(lambda: DS._cached("k", 5), TypeError, "build must be callable", id="cached-build"),
    case(
        lambda: cs.Dataset.from_records(None, {}),
        TypeError,
        "metadata must be a Metadata",
        id="from-records-metadata",
    ),
    case(
        lambda: cs.Dataset.from_records(DS.metadata, {"statement": ()}),
        ValueError,
        "unknown record kind 'statement'",
        "did you mean 'statements'",
        id="from-records-kind",
    ),
    case(
        lambda: cs.Collection([1], kind="x"),
        TypeError,
        "record without a string id",
        id="collection-no-id",
    ),
    case(
        lambda: cs.Collection([SimpleNamespace(id="a"), SimpleNamespace(id=5)], kind="x"),
        TypeError,
        "record without a string id",
        id="collection-int-id",
    ),
    # -- queries --------------------------------------------------------------------------------
    case(
        lambda: DS.statements.filter(bogus=1),
        TypeError,
        "unknown statement criterion bogus",
        "valid: ",
        "speaker",
        id="filter-unknown",
    ),
    case(lambda: DS.statements.filter(speaker=5), TypeError, "got int", id="filter-ref-type"),
    case(
        lambda: DS.statements.filter(topic="watr"),
        KeyError,
        "no topic 'watr'",
        "did you mean",
        id="filter-ref-unknown",
    ),
    case(
        lambda: DS.statements.filter(kind="rumour"),
        ValueError,
        "'rumour' is not one of",
        id="filter-vocabulary",
    ),
    case(lambda: DS.summits.filter(place=None), TypeError, "cannot be None", id="filter-none"),
    case(lambda: DS.summits.filter(since=3.5), TypeError, "got float", id="filter-date-type"),
    case(
        lambda: DS.summits.filter(since="someday"),
        ValueError,
        "cannot read a date from 'someday'",
        id="filter-date-junk",
    ),
    case(
        lambda: DS.officials.lookup(123),
        TypeError,
        "lookup takes a name (str), got int",
        id="lookup-int",
    ),
    case(
        lambda: DS.officials.lookup("Zzyzx Qwerty"),
        LookupError,
        "no official 'Zzyzx Qwerty'",
        id="lookup-unknown",
    ),
    case(lambda: DS.lookup(None), TypeError, "got NoneType", id="ds-lookup-none"),
    case(
        lambda: DS.officials.search(123),
        TypeError,
        "search takes a string, got int",
        id="search-int",
    ),
    case(
        lambda: DS.officials.search("x", limit="3"),
        TypeError,
        "limit is a whole number",
        id="search-limit-type",
    ),
    case(
        lambda: DS.officials.search("x", limit=-1), ValueError, "got -1", id="search-limit-negative"
    ),
    case(
        lambda: DS.timeline(bogus=1),
        TypeError,
        "unknown timeline criterion bogus",
        "valid: ",
        id="timeline-unknown",
    ),
    case(
        lambda: DS.timeline(since="junk"),
        ValueError,
        "cannot read a date from 'junk'",
        id="timeline-date",
    ),
    case(lambda: DS.corroboration(5), TypeError, "got int", id="corroboration-int"),
    case(
        lambda: DS.corroboration("no-such-statement"),
        cs.RecordNotFoundError,
        "no statement",
        id="corroboration-unknown",
    ),
    case(
        lambda: DS.officials.holding(post=POST[:-1], on="2024"),
        KeyError,
        f"no post {POST[:-1]!r}; did you mean",
        id="holding-post-typo",
    ),
    case(
        lambda: DS.officials.holding(post=POST, on="junk"),
        ValueError,
        "cannot read a date",
        id="holding-date",
    ),
    case(
        lambda: DS.officials.holding(post=POST, on=None),
        TypeError,
        "got NoneType",
        id="holding-none",
    ),
    case(
        lambda: DS.officials.holding(country="Narnia", on="2024"),
        cs.RecordNotFoundError,
        "no country 'Narnia'",
        id="holding-country",
    ),
    case(lambda: DS.officials.succession(post=5), TypeError, "got int", id="succession-int"),
    case(
        lambda: DS.officials.succession(post="no-such-post"),
        LookupError,
        "no post",
        id="succession-unknown",
    ),
    case(
        lambda: TWINS.officials.lookup("same name"),
        cs.AmbiguousNameError,
        "'one-person', 'other-person'",
        id="lookup-ambiguous",
    ),
    case(
        lambda: TWINS.officials.lookup("same name"),
        LookupError,
        "named 'same name'",
        id="lookup-ambiguous-is-lookuperror",
    ),
    # -- exports --------------------------------------------------------------------------------
    case(
        lambda: cs.json_schema("statement.json"),
        ValueError,
        "not a data file",
        "'statements.json'",
        id="schema-name",
    ),
    case(lambda: cs.json_schema(5), TypeError, "got int", id="schema-int"),
    case(
        lambda: DS.cite(DS.statements.ids[0], "mla"),
        ValueError,
        "unknown citation style 'mla'",
        "apa",
        id="cite-style",
    ),
    case(lambda: DS.cite("no-such-record"), cs.RecordNotFoundError, "no record", id="cite-unknown"),
    case(lambda: DS.cite(5), TypeError, "cite takes a record or its id, got int", id="cite-int"),
    # -- the online check (each refused before any page is fetched) ----------------------------
    case(lambda: cs.check_pages(5), TypeError, "takes a Dataset, got int", id="pages-int"),
    case(lambda: cs.check_pages(DS, timeout="5"), TypeError, "timeout", "got str", id="pages-str"),
    case(lambda: cs.check_pages(DS, delay=True), TypeError, "delay", "got bool", id="pages-bool"),
    case(lambda: cs.check_pages(DS, timeout=0), ValueError, "timeout must be", id="pages-zero"),
    case(lambda: cs.check_pages(DS, delay=-1), ValueError, "delay must be", id="pages-delay"),
    case(lambda: cs.check_pages(DS, max_bytes=-1), ValueError, "max_bytes", id="pages-bytes"),
    case(lambda: DS.cite(DS.sources.ids[0]), ValueError, "cite no sources", id="cite-uncited"),
    case(lambda: DS.to_json(None), TypeError, "NoneType", id="to-json-none"),
    case(
        lambda: DS.to_json(EXISTING),
        FileExistsError,
        "already exists",
        "overwrite=True",
        id="to-json-exists",
    ),
    case(lambda: DS.to_csv(EXISTING), FileExistsError, "already exists", id="to-csv-exists"),
    case(
        lambda: DS.to_popolo(EXISTING_FILE),
        FileExistsError,
        "already exists",
        id="to-popolo-exists",
    ),
    case(
        _without_pandas,
        cs.MissingExtraError,
        "pip install 'ca-security[pandas]'",
        id="missing-extra",
    ),
    case(_without_pandas, ImportError, "pandas", id="missing-extra-is-importerror"),
    # -- dates ---------------------------------------------------------------------------------
    case(
        lambda: cs.PartialDate.parse("next Tuesday-ish"),
        ValueError,
        "cannot read a date",
        id="parse-junk",
    ),
    case(lambda: cs.PartialDate.parse("May"), ValueError, "no year in 'May'", id="parse-no-year"),
    case(
        lambda: cs.PartialDate.parse("31 February 2024"),
        ValueError,
        "cannot read a date",
        id="parse-impossible",
    ),
    case(
        lambda: cs.PartialDate.parse(20240516),
        TypeError,
        "expected a date string, got int",
        id="parse-int",
    ),
    case(
        lambda: cs.PartialDate.from_iso("2024-5-1"),
        ValueError,
        "YYYY, YYYY-MM or YYYY-MM-DD",
        id="iso-short",
    ),
    case(
        lambda: cs.PartialDate.from_iso("2024-13"),
        ValueError,
        "month must be 1..12, got 13",
        id="iso-month",
    ),
    case(
        lambda: cs.PartialDate.from_iso("2023-02-29"),
        ValueError,
        "day must be 1..28 in 2023-02",
        id="iso-day",
    ),
    case(
        lambda: cs.PartialDate.from_iso(2024),
        TypeError,
        "expected an ISO date string, got int",
        id="iso-int",
    ),
    case(
        lambda: cs.PartialDate("2024"),
        TypeError,
        "year must be an int, got str",
        id="date-str-year",
    ),
    case(
        lambda: cs.PartialDate(2024, day=3),
        ValueError,
        "a day needs a month",
        id="date-day-no-month",
    ),
    case(lambda: cs.PartialDate(0), ValueError, "year", id="date-year-0"),
    case(
        lambda: cs.PartialDate.coerce(None),
        TypeError,
        "a datetime.date, a PartialDate or a date string",
        id="coerce-none",
    ),
    case(lambda: cs.PartialDate(2024).contains(3.5), TypeError, "got float", id="contains-float"),
    case(
        lambda: cs.PartialDate(2024).overlaps("someday"),
        ValueError,
        "cannot read a date from 'someday'",
        id="overlaps-junk",
    ),
    case(lambda: cs.PartialDate(2024) < "2025", TypeError, "not supported", id="order-str"),
    # -- closed vocabularies -----------------------------------------------------------------
    case(
        lambda: cs.Source(id="s", kind="tabloid"),
        ValueError,
        "'tabloid' is not one of",
        "'news report'",
        id="enum-value",
    ),
    case(lambda: cs.Source(id="s", kind=3), ValueError, "3 is not one of", id="enum-int"),
    case(lambda: cs.Role("boss"), ValueError, "'boss' is not a valid Role", id="enum-call"),
    # -- records -------------------------------------------------------------------------------
    case(
        lambda: cs.Source(id="Not A Slug"),
        ValueError,
        "lowercase slug",
        "'Not A Slug'",
        id="record-id",
    ),
    case(
        lambda: cs.Source(id="s", url="ftp://x"),
        ValueError,
        "url must start with http:// or https://",
        id="record-url",
    ),
    case(
        lambda: cs.Source(id="s", published="2024"),
        TypeError,
        "published must be a PartialDate or None, got str",
        "PartialDate.parse('2024')",
        id="record-date-str",
    ),
    case(
        lambda: cs.Citation(source="s", start=1),
        ValueError,
        "start and end come together",
        id="citation-offsets",
    ),
    case(lambda: cs.Statement(id="s"), TypeError, "missing", "'speaker'", id="record-missing"),
    case(
        lambda: cs.Country(id="kz", alpha3="KAZ", name="K", citations=[]),
        ValueError,
        "citations needs at least 1 item",
        id="record-no-citation",
    ),
    case(
        lambda: cs.Country(id="kz", alpha3="KAZ", name="K", citations=["s"]),
        TypeError,
        "items of citations must be a Citation, got str",
        id="record-citation-str",
    ),
    case(
        lambda: cs.Problem(message=5),
        TypeError,
        "a problem's parts are strings, got int",
        id="problem-message",
    ),
    case(lambda: cs.DatasetError(None), TypeError, "not iterable", id="dataset-error-none"),
]


@pytest.mark.parametrize(("call", "error", "fragments"), CASES)
def test_bad_input_raises_the_documented_error(call, error, fragments):
    """Each bad call raises its documented exception type with an actionable message."""
    with pytest.raises(error) as caught:
        call()
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message


def test_every_error_the_package_raises_on_purpose_is_a_casecurityerror():
    """DatasetError and RecordNotFoundError are CASecurityErrors and the documented builtins."""
    assert issubclass(cs.DatasetError, cs.CASecurityError)
    assert issubclass(cs.DatasetError, ValueError)
    assert issubclass(cs.RecordNotFoundError, cs.CASecurityError)
    assert issubclass(cs.RecordNotFoundError, KeyError)
    with pytest.raises(cs.RecordNotFoundError) as caught:
        DS.officials[OFFICIAL[:-1]]
    assert caught.value.suggestions[0] == OFFICIAL
    assert caught.value.key == OFFICIAL[:-1]


#: Public names whose bad input the cases above cover, and names that take no input
#: (constants, and the result types that queries return rather than take).
WALKED = {
    "load",
    "Dataset",
    "Collection",
    "Officials",
    "PartialDate",
    "Problem",
    "DatasetError",
    "RecordNotFoundError",
    "AmbiguousNameError",
    "CASecurityError",
    "MissingExtraError",
    "json_schema",
    "check_pages",
}
NO_INPUT = {
    "DATASET_VERSION",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "DateLike",
    "__version__",
    "Corroboration",
    "Rendering",
    "Holders",
    "Holding",
    "Term",
    # Results of the online check: made by check_pages, not from user input.
    "PageCheck",
    "PageReport",
}


def _record_types() -> list[type]:
    """Every record type a data file holds: the kinds, Metadata and the types nested in them."""
    found: list[type] = []
    pending: list[Any] = [cs.Metadata, *(kind.type for kind in KINDS)]
    while pending:
        annotation = pending.pop()
        if attrs.has(annotation) and annotation not in found and annotation is not cs.PartialDate:
            found.append(annotation)
            pending.extend(typing.get_type_hints(annotation).values())
        pending.extend(typing.get_args(annotation))
    return sorted(found, key=lambda record_type: record_type.__name__)


def test_every_public_callable_is_walked():
    """Every public name is covered: by a case above, the record and enum tests, or takes no input."""
    enums = {name for name in cs.__all__ if isinstance(getattr(cs, name), enum.EnumMeta)}
    records = {t.__name__ for t in _record_types()}
    unwalked = set(cs.__all__) - WALKED - NO_INPUT - enums - records
    assert not unwalked, f"add bad-input cases for {sorted(unwalked)}"
    for name in WALKED:
        assert inspect.isclass(getattr(cs, name)) or callable(getattr(cs, name))


def _samples() -> dict[type, Any]:
    """One valid instance of every record type, nested ones included."""
    citation = cs.Citation(source="s")
    cited = {"citations": [citation]}
    disputed = cs.DisputedValue(value="2024", **cited)
    found: list[Any] = [
        citation,
        disputed,
        cs.Dispute(field="start", values=[disputed, disputed]),
        cs.Source(id="s"),
        cs.Country(id="kz", alpha3="KAZ", name="Kazakhstan", **cited),
        cs.Place(id="astana", name="Astana", **cited),
        cs.PlaceName(name="Nur-Sultan"),
        cs.Organization(id="sco", name="SCO", **cited),
        cs.Topic(id="water", name="Water", description="Water."),
        cs.Series(id="c5", name="C5", **cited),
        cs.Post(id="president-kz", name="President", **cited),
        cs.Tenure(post="president-kz", **cited),
        cs.Official(id="a-b", name="A B", **cited),
        cs.Participation(person="a-b", **cited),
        cs.Summit(id="m", name="Meeting", **cited),
        cs.Statement(id="q", speaker="a-b", kind=cs.StatementKind.PARAPHRASE, text="T", **cited),
        cs.Figure(id="f", description="trade", value=80, unit="percent", **cited),
        cs.Incident(id="e", name="Attack", event_type=cs.IncidentType.ATTACK, **cited),
        cs.Initiative(id="i", name="Initiative", **cited),
        cs.StatusChange(status=cs.InitiativeStatus.PROPOSED, **cited),
        cs.Signature(party="kz", **cited),
        DS.metadata,
    ]
    return {type(record): record for record in found}


SAMPLES = _samples()


def test_a_sample_exists_for_every_public_record_type():
    """The field walk below covers every public record type."""
    assert set(_record_types()) <= set(SAMPLES)


def _fields() -> list[Any]:
    return [
        pytest.param(record_type, field.name, id=f"{record_type.__name__}.{field.name}")
        for record_type in _record_types()
        for field in attrs.fields(record_type)
    ]


class _Alien:
    def __repr__(self) -> str:
        return "<alien>"


@pytest.mark.parametrize(("record_type", "field"), _fields())
def test_a_wrong_value_in_any_record_field_is_refused_naming_the_field(record_type, field):
    """Every field of every record type refuses a value of a foreign type, naming the field."""
    sample = SAMPLES[record_type]
    hint = typing.get_type_hints(record_type)[field]
    closed = any(
        isinstance(arg, type) and issubclass(arg, enum.Enum)
        for arg in (hint, *typing.get_args(hint))
    )
    if closed:
        # A closed vocabulary: a ValueError listing the allowed values; it carries the field.
        with pytest.raises(ValueError, match=r"^<alien> is not one of '") as caught:
            attrs.evolve(sample, **{field: _Alien()})
        assert getattr(caught.value, "field", None) == field, f"{record_type.__name__}.{field}"
    else:
        # Any other field: a TypeError whose message starts with the field's name.
        with pytest.raises(TypeError, match=rf"^{field} must be .*, got _Alien$"):
            attrs.evolve(sample, **{field: _Alien()})


def test_dataset_lookup_of_any_id_is_that_record():
    """An exact id wins over word matches ('de' was ambiguous with 'de-chancellor')."""
    for _, collection in DS.collections():
        for record_id in collection.ids:
            assert DS.lookup(record_id) is DS[record_id]
