"""Offline checks of what statements quote: loader rules, and invariants of the bundled data.

Private imports: validate, utterance_problems and normalise_text, the loader's rules of
what statements quote, checked without writing files.
"""

from __future__ import annotations

import attrs
import pytest

import ca_security as cs
from ca_security import RenderingKind, StatementKind
from ca_security._load.consistency import validate
from ca_security._load.utterances import utterance_problems
from ca_security._model.normalise import normalise_text
from helpers import write_dataset

DS = cs.load()

SOURCES = (
    cs.Source(id="page", url="https://example.org/a"),
    cs.Source(id="other-page", url="https://example.org/b"),
    cs.Source(id="no-address", kind=cs.SourceKind.NEWS_REPORT),
    cs.Source(id="corpus", corpus_file="000.txt"),
)


def statement(sid: str, speaker: str, text: str, *citations: cs.Citation) -> cs.Statement:
    return cs.Statement(
        id=sid,
        speaker=speaker,
        kind=StatementKind.DIRECT_QUOTE,
        text=text,
        citations=citations,
    )


def quoted(source: str, excerpt: str | None) -> cs.Citation:
    return cs.Citation(source=source, excerpt=excerpt, rendering=RenderingKind.QUOTED)


def problems(*statements: cs.Statement, figures: tuple[cs.Figure, ...] = ()) -> list[str]:
    records = {"sources": SOURCES, "statements": statements, "figures": figures}
    return [f"{p.record} {p.field}: {p.message}" for p in utterance_problems(records)]


def test_a_statement_citing_a_page_needs_an_excerpt() -> None:
    found = problems(
        statement(
            "a",
            "x",
            "Words one.",
            quoted("page", "“Words one.”"),
            cs.Citation(source="other-page"),
        ),
        # A source with neither an address nor a corpus text (a printed work) is no page.
        statement("b", "x", "Words two.", quoted("no-address", None)),
        statement("c", "x", "Words three.", quoted("corpus", "Words three.")),
    )
    assert found == [
        "a citations[1].excerpt: a statement's citation of the page 'other-page' needs an excerpt: "
        "the speaker's words, or the sentence reporting them, as the page prints them",
    ]


def test_an_excerpt_is_attributed_to_one_speaker() -> None:
    found = problems(
        statement("a", "x", "First.", quoted("page", "“We will  act.”")),
        statement("b", "y", "Second.", quoted("other-page", "\u00abWe will act.\u00bb")),
    )
    assert found == [
        "b citations[0].excerpt: excerpt attributed to 'y' here and to 'x' by 'a' (statements.json)"
    ]


def test_a_figure_stated_by_another_speaker_is_caught_and_its_own_speaker_is_not() -> None:
    said = statement("a", "x", "Trade grew.", quoted("page", "Trade grew by 5%."))

    def figure(fid: str, speaker: str) -> cs.Figure:
        return cs.Figure(
            id=fid,
            description="trade growth",
            value=5,
            unit="percent",
            speaker=speaker,
            citations=(cs.Citation(source="page", excerpt="Trade grew by 5%."),),
        )

    assert problems(said, figures=(figure("same", "x"),)) == []
    assert problems(said, figures=(figure("other", "y"),)) == [
        "other citations[0].excerpt: excerpt attributed to 'y' here and to 'x' by 'a' (statements.json)"
    ]


def test_two_statements_of_one_utterance_are_caught() -> None:
    same_text = problems(
        statement("a", "x", "Security is  indivisible.", quoted("page", "One.")),
        statement("b", "x", "Security is indivisible.", quoted("other-page", "Two.")),
    )
    assert same_text == [
        "b text: the same utterance as statement 'a': same speaker, same text; "
        "merge them into one statement with one citation per source"
    ]
    shared_excerpt = problems(
        statement("a", "x", "Part one.", quoted("page", "Part one, and part two.")),
        statement("b", "x", "Part two.", quoted("page", "Part one, and part two.")),
    )
    assert shared_excerpt == [
        "b citations[0].excerpt: the same utterance as statement 'a': they share this excerpt; "
        "one utterance is one statement"
    ]


def test_one_statement_may_repeat_an_excerpt_and_speakers_may_say_the_same_words() -> None:
    assert (
        problems(
            statement(
                "a",
                "x",
                "Yes.",
                quoted("page", "Yes, he said."),
                quoted("other-page", "Yes, he said."),
            ),
            statement("b", "y", "Yes.", quoted("corpus", "Yes, she said.")),
        )
        == []
    )


def test_the_rules_run_when_a_dataset_is_loaded(tmp_path) -> None:
    records = {name: tuple(collection) for name, collection in DS.collections()}
    first = records["statements"][0]
    twin = attrs.evolve(first, id="a-twin-statement")
    records["statements"] = (*records["statements"], twin)
    write_dataset(tmp_path, DS.metadata, records)
    with pytest.raises(cs.DatasetError) as raised:
        cs.load(tmp_path)
    assert {(p.file, p.record) for p in raised.value.problems} == {
        ("statements.json", "a-twin-statement")
    }
    assert validate(records) == list(raised.value.problems)


# -- the same rules as invariants of the bundled data, computed here independently ------------


def page_citations():
    for record in DS.statements:
        for citation in record.citations:
            if DS.sources[citation.source].corpus_file is None:
                yield record, citation


def test_bundled_page_citations_of_statements_have_an_address_and_an_excerpt() -> None:
    bad = [
        (record.id, citation.source)
        for record, citation in page_citations()
        if citation.excerpt is None or DS.sources[citation.source].url is None
    ]
    assert bad == []


def test_bundled_excerpts_have_one_speaker_each() -> None:
    speakers: dict[str, set[str]] = {}
    for record in (*DS.statements, *(f for f in DS.figures if f.speaker is not None)):
        for citation in record.citations:
            if citation.excerpt is not None:
                speakers.setdefault(normalise_text(citation.excerpt), set()).add(record.speaker)
    assert {excerpt: names for excerpt, names in speakers.items() if len(names) > 1} == {}
    assert len(speakers) > 40  # the check sees the bundled excerpts


def test_bundled_statements_are_distinct_utterances() -> None:
    by_text: dict[tuple[str, str], list[str]] = {}
    by_excerpt: dict[str, set[str]] = {}
    for record in DS.statements:
        by_text.setdefault((record.speaker, normalise_text(record.text)), []).append(record.id)
        for citation in record.citations:
            if citation.excerpt is not None:
                by_excerpt.setdefault(normalise_text(citation.excerpt), set()).add(record.id)
    assert [ids for ids in by_text.values() if len(ids) > 1] == []
    assert [ids for ids in by_excerpt.values() if len(ids) > 1] == []
