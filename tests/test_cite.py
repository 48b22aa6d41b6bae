"""References to a record's sources: APA, Chicago, BibTeX, CSL-JSON; unknown fields left out."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings

import ca_security as cs
from ca_security.testing import strategies as cst

STATEMENT = "tokayev-2024-05-16-afghanistan-focus"


def test_apa_and_chicago_for_a_source_with_every_field():
    ds = cs.load()
    source = ds.sources["asiandiplomacy-key-pillars"]
    apa = ds.cite(STATEMENT, style="apa").splitlines()
    assert apa[0] == f"{source.title}. (2024, May 17). {source.publisher}. {source.url}"
    chicago = ds.cite(ds.statements[STATEMENT], style="chicago").splitlines()
    assert (
        chicago[0] == f"{source.publisher}. \u201c{source.title}.\u201d May 17, 2024. {source.url}."
    )


def test_one_reference_per_cited_source_in_order():
    ds = cs.load()
    statement = ds.statements[STATEMENT]
    items = json.loads(ds.cite(statement, style="csl-json"))
    assert [item["id"] for item in items] == [c.source for c in statement.citations]


def test_unknown_fields_are_left_out_never_invented():
    ds = cs.load()
    untitled = next(s for s in ds.sources if s.title is None and _citing(ds, s) is not None)
    item = next(
        i for i in json.loads(ds.cite(_citing(ds, untitled), "csl-json")) if i["id"] == untitled.id
    )
    assert "title" not in item
    bib = ds.cite(_citing(ds, untitled), "bibtex")
    entry = next(e for e in bib.split("\n\n") if e.startswith(f"@online{{{untitled.id},"))
    assert "title" not in entry
    assert "None" not in bib


def _citing(ds, source):
    for _, collection in ds.collections():
        for record in collection:
            if any(c.source == source.id for c in getattr(record, "citations", ())):
                return record
    return None


def test_csl_item_fields():
    source = cs.Source(
        id="s",
        kind=cs.SourceKind.NEWS_REPORT,
        title="T",
        publisher="P",
        url="https://example.org/a",
        published=cs.PartialDate(2024, 5),
        language="en",
    )
    ds, country = _dataset_with(source)
    (item,) = json.loads(ds.cite(country, "csl-json"))
    assert item == {
        "id": "s",
        "type": "article-newspaper",
        "title": "T",
        "container-title": "P",
        "issued": {"date-parts": [[2024, 5]]},
        "URL": "https://example.org/a",
        "language": "en",
    }
    assert ds.cite(country, "apa") == "T. (2024, May). P. https://example.org/a"


def test_bibtex_escapes_special_characters():
    source = cs.Source(id="s", title="Trade & {water} 100% #1", publisher="A_B")
    ds, country = _dataset_with(source)
    bib = ds.cite(country, "bibtex")
    assert r"title = {{Trade \& \{water\} 100\% \#1}}" in bib
    assert r"organization = {A\_B}" in bib
    assert bib.count("{") - bib.count(r"\{") == bib.count("}") - bib.count(r"\}")


def test_a_source_with_nothing_known_is_named_by_its_id():
    ds, country = _dataset_with(cs.Source(id="s"))
    assert ds.cite(country, "apa") == "[s]. (n.d.)."
    assert ds.cite(country, "chicago") == "[s]."


def _dataset_with(source):
    """A dataset of one source and one country citing it; returns (dataset, country)."""
    country = cs.Country(
        id="kz", alpha3="KAZ", name="Kazakhstan", citations=(cs.Citation(source=source.id),)
    )
    metadata = cs.Metadata(dataset_version="t")
    ds = cs.Dataset.from_records(metadata, {"sources": (source,), "countries": (country,)})
    return ds, country


def test_errors():
    ds = cs.load()
    with pytest.raises(ValueError, match="unknown citation style"):
        ds.cite(STATEMENT, style="mla")
    with pytest.raises(cs.RecordNotFoundError):
        ds.cite("no-such-statement")
    with pytest.raises(ValueError, match="cite no sources"):
        ds.cite(next(iter(ds.topics)))


@settings(max_examples=30)
@given(cst.datasets())
def test_every_record_of_a_generated_dataset_can_be_cited(ds):
    for _, collection in ds.collections():
        for record in collection:
            if not hasattr(record, "citations"):
                continue
            sources = list(dict.fromkeys(c.source for c in record.citations))
            assert len(ds.cite(record, "apa").splitlines()) == len(sources)
            assert [i["id"] for i in json.loads(ds.cite(record, "csl-json"))] == sources
            assert ds.cite(record, "bibtex").count("@online{") == len(sources)
            # No missing value prints as "None" (unless a source's own text says "None").
            texts = [
                value
                for source in sources
                for value in attrs.asdict(ds.sources[source]).values()
                if isinstance(value, str)
            ]
            if not any("None" in text for text in texts):
                assert "None" not in ds.cite(record, "chicago")
