"""Proof of the bundled dataset against its sources.

Every excerpt occurs verbatim at its offsets in its corpus text; every passage
the corpus prints in quotation marks is covered by some citation; every person
the corpus names is in the dataset; every record cites a source; ids are slugs;
and the package data are exactly what the authored fragments build.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security
from ca_security import Citation, Dataset, Source, Topic

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

#: Slugs: lowercase letters and digits in groups joined by single hyphens.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")

#: Quotation marks the corpus texts use, as (opening, closing) pairs.
QUOTE_MARKS = (("“", "”"), ("«", "»"), ('"', '"'))

#: Characters of text around quotations in the property test (no marks, no newline).
PLAIN = st.characters(blacklist_characters='“”«»"\n', blacklist_categories=("Cs",))

#: Every person the corpus texts name, as printed (full names and the other
#: spellings the texts use). Each must occur in the corpus and be found among
#: the officials' names and aliases.
NAMES_AS_PRINTED = (
    "Kassym-Jomart Tokayev",
    "Tokayev",
    "Gizat Nurdauletov",
    "Marat Imankulov",
    "Nasrullo Mahmudzoda",
    "Nasrullo Makhmudzoda",
    "Viktor Makhmudov",
    "Annamyrat Yagmyrov",
    "Emomali Rahmon",
    "Vladimir Putin",
    "Arthur Suleymanov",
    "Artur Ramilevich",
    "Wang Yi",
    "Liu Guozhong",
    "Xi Jinping",
)


@cache
def dataset() -> Dataset:
    return ca_security.load()


@cache
def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def corpus_files() -> list[str]:
    return sorted(path.name for path in CORPUS.glob("*.txt"))


def fold(name: str) -> str:
    """Fold a name for comparison: no accents, no case, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", stripped).split())


def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every attrs record inside ``value`` (itself included), with its path."""
    if attrs.has(type(value)):
        yield path, value
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def all_records() -> Iterator[tuple[str, Any]]:
    for name, collection in dataset().collections():
        for record in collection:
            yield f"{name}/{record.id}", record


def citations() -> list[tuple[str, Citation]]:
    return [
        (path, value)
        for where, record in all_records()
        for path, value in walk(record, where)
        if isinstance(value, Citation)
    ]


def corpus_spans() -> dict[str, list[tuple[int, int]]]:
    """Citation spans per corpus file."""
    sources = dataset().sources
    spans: dict[str, list[tuple[int, int]]] = {}
    for _, citation in citations():
        source = sources[citation.source]
        if source.corpus_file and citation.start is not None and citation.end is not None:
            spans.setdefault(source.corpus_file, []).append((citation.start, citation.end))
    return spans


def quoted_passages(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text inside quotation marks, without closing punctuation."""
    for opening, closing in QUOTE_MARKS:
        pattern = re.compile(re.escape(opening) + r"([^" + re.escape(closing) + r"\n]+)")
        position = 0
        while (match := pattern.search(text, position)) is not None:
            end = match.end(1)
            if not text.startswith(closing, end):
                position = match.end()
                continue
            start = match.start(1)
            while end > start and text[end - 1] in ",.;: ":
                end -= 1
            yield start, end
            position = match.end() + len(closing)


# ------------------------------------------------------------------- excerpts


def test_every_corpus_excerpt_is_verbatim_at_its_offsets() -> None:
    sources = dataset().sources
    checked = 0
    for path, citation in citations():
        source = sources[citation.source]
        if source.corpus_file is None:
            assert citation.start is None, f"{path}: offsets into a source without a corpus text"
            continue
        assert citation.excerpt is not None, f"{path}: a corpus citation needs its excerpt"
        assert citation.start is not None and citation.end is not None, f"{path}: no offsets"
        text = corpus_text(source.corpus_file)
        assert text[citation.start : citation.end] == citation.excerpt, path
        checked += 1
    assert checked > 0


def test_the_check_compares_characters_not_just_lengths() -> None:
    path, citation = next(
        (p, c) for p, c in citations() if c.start is not None and c.excerpt is not None
    )
    text = corpus_text(dataset().sources[citation.source].corpus_file or "")
    assert citation.start is not None and citation.end is not None
    shifted = text[citation.start + 1 : citation.end + 1]
    assert shifted != citation.excerpt, path


def test_every_quoted_passage_in_the_corpus_is_covered_by_a_citation() -> None:
    spans = corpus_spans()
    found = 0
    for name in corpus_files():
        text = corpus_text(name)
        covered = set()
        for start, end in spans.get(name, []):
            covered.update(range(start, end))
        for start, end in quoted_passages(text):
            found += 1
            missing = [i for i in range(start, end) if not text[i].isspace() and i not in covered]
            assert not missing, f"{name}: quoted passage not cited: {text[start:end]!r}"
    assert found >= 15


def test_quoted_passage_detection_finds_each_kind_of_mark() -> None:
    text = 'He said “one,” and «two» and "three." Then “unclosed\nnext'
    found = [text[start:end] for start, end in quoted_passages(text)]
    assert sorted(found) == ["one", "three", "two"]


@given(
    before=st.text(alphabet=PLAIN, max_size=20),
    inner=st.text(alphabet=PLAIN, min_size=1, max_size=20).filter(lambda t: t.strip(",.;: ")),
    after=st.text(alphabet=PLAIN, max_size=20),
    marks=st.sampled_from(QUOTE_MARKS),
)
def test_quoted_passage_detection_finds_any_quoted_text(
    before: str, inner: str, after: str, marks: tuple[str, str]
) -> None:
    opening, closing = marks
    text = f"{before}{opening}{inner}{closing}{after}"
    found = [text[start:end] for start, end in quoted_passages(text)]
    assert found == [inner.rstrip(",.;: ")]


def test_the_corpus_files_are_the_sources_with_a_corpus_text() -> None:
    files = {s.corpus_file for s in dataset().sources if s.corpus_file is not None}
    assert files == set(corpus_files())


def test_corpus_sources_keep_the_ids_and_metadata_of_sources_json() -> None:
    metadata = json.loads((CORPUS / "sources.json").read_text(encoding="utf-8"))
    sources = dataset().sources
    for entry in metadata:
        source: Source = sources[entry["id"]]
        assert source.corpus_file == entry["file"]
        assert source.title == entry["title"]
        assert source.publisher == entry["publisher"]
        assert source.url == entry["url"]
        published = source.published.isoformat() if source.published else None
        assert published == entry["published"]
        assert source.language == entry["language"]


def test_no_two_sources_share_an_address() -> None:
    urls = [s.url for s in dataset().sources if s.url is not None]
    assert len(urls) == len(set(urls))


def test_a_statement_has_one_citation_per_reporting_source() -> None:
    for statement in dataset().statements:
        cited = [c.source for c in statement.citations]
        assert len(cited) == len(set(cited)), f"{statement.id}: {cited}"


# ------------------------------------------------------------------- people


@pytest.mark.parametrize("name", NAMES_AS_PRINTED)
def test_every_person_the_corpus_names_is_in_the_dataset(name: str) -> None:
    assert any(name in corpus_text(f) for f in corpus_files()), f"{name!r} is not in the corpus"
    known = {
        fold(spelling)
        for official in dataset().officials
        for spelling in (official.name, *official.aliases)
    }
    assert fold(name) in known, f"{name!r} is not among the officials' names and aliases"


def test_a_statement_mentions_every_record_its_excerpts_name() -> None:
    ds = dataset()
    named = {
        spelling: record.id
        for collection in (ds.countries, ds.officials, ds.organizations)
        for record in collection
        for spelling in (record.name, *record.aliases)
    }
    patterns = {
        spelling: re.compile(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)") for spelling in named
    }
    checked = 0
    for statement in ds.statements:
        for citation in statement.citations:
            for spelling, pattern in patterns.items():
                if citation.excerpt and pattern.search(citation.excerpt):
                    checked += 1
                    record_id = named[spelling]
                    assert record_id in {statement.speaker, *statement.mentions}, (
                        f"{statement.id}: {spelling!r} ({record_id}) is named but not mentioned"
                    )
    assert checked > 0


# ------------------------------------------------------------------- records


def test_every_record_cites_at_least_one_source() -> None:
    for where, record in all_records():
        if isinstance(record, Topic):
            continue
        for path, value in walk(record, where):
            if any(f.name == "citations" for f in attrs.fields(type(value))):
                assert value.citations, f"{path} cites no source"


def test_every_topic_has_a_label_and_a_description() -> None:
    for topic in dataset().topics:
        assert topic.name.strip(), topic.id
        assert topic.description.strip(), topic.id


def test_ids_are_slugs() -> None:
    for where, record in all_records():
        assert SLUG.match(record.id), where


def test_ids_are_unique_across_kinds() -> None:
    ids = [record.id for _, record in all_records()]
    assert len(ids) == len(set(ids))


def test_package_data_are_what_the_fragments_build() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_data.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_data_files_are_pretty_sorted_and_end_with_a_newline() -> None:
    data = ROOT / "src" / "ca_security" / "data"
    for path in sorted(data.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        value = json.loads(text)
        assert text == json.dumps(value, ensure_ascii=False, indent=2) + "\n", path.name
        if isinstance(value, list):
            ids = [record["id"] for record in value]
            assert ids == sorted(ids), path.name


def test_direct_quote_text_is_a_verbatim_rendering():
    """A direct quote's canonical text is the words of one of its citations (closing full stop aside)."""
    ds = ca_security.load()
    for statement in ds.statements:
        if statement.kind is not ca_security.StatementKind.DIRECT_QUOTE:
            continue
        renderings = [c.excerpt for c in statement.citations if c.excerpt]
        text = statement.text.removesuffix(".")
        assert any(text in rendering for rendering in renderings), statement.id
