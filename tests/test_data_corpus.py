"""Targeted checks of facts entered from the corpus texts and the dossier.

Each test asserts values the sources state, so that a wrong edit of the data
(a changed date, a lost citation, a swapped speaker) fails here.
"""

from __future__ import annotations

from functools import cache

import pytest

import ca_security
from ca_security import (
    Dataset,
    InitiativeKind,
    InitiativeStatus,
    PartialDate,
    Qualifier,
    Statement,
    StatementKind,
)

SC1 = "sc-secretaries-2024-05-16-astana"
CM6 = "consultative-meeting-2024-08-09-astana"
CM7 = "consultative-meeting-2025-11-16-tashkent"
TOKAYEV = "kassym-jomart-tokayev"
ARTICLE = "renaissance-of-central-asia-article"


@cache
def dataset() -> Dataset:
    return ca_security.load()


def excerpts(statement: Statement) -> dict[str, str | None]:
    return {c.source: c.excerpt for c in statement.citations}


def ancestors(topic_id: str) -> list[str]:
    topics = dataset().topics
    chain = []
    parent = topics[topic_id].parent
    while parent is not None:
        chain.append(parent)
        parent = topics[parent].parent
    return chain


# ------------------------------------------------------------------- statements


def test_the_afghanistan_quote_keeps_both_outlets_renderings() -> None:
    statement = dataset().statements["tokayev-2024-05-16-afghanistan-focus"]
    assert statement.speaker == TOKAYEV
    assert statement.kind is StatementKind.DIRECT_QUOTE
    assert statement.summit == SC1
    assert excerpts(statement) == {
        "asiandiplomacy-key-pillars": (
            "In this regard, Afghanistan should be the focus of our common attention."
        ),
        "daryo-terrorism-risk": "Afghanistan should be the focus of general attention.",
    }
    assert "af" in statement.mentions


def test_the_transboundary_sentence_is_one_statement_reported_by_three_sources() -> None:
    statement = dataset().statements["tokayev-2024-05-16-transboundary-threats"]
    rendering = excerpts(statement)
    assert set(rendering) == {
        "asiandiplomacy-key-pillars",
        "daryo-terrorism-risk",
        "suleymanov-interview",
    }
    assert "cross-border nature" in (rendering["suleymanov-interview"] or "")
    assert "transboundary-threats" in statement.topics


def test_the_rejection_of_division_is_quoted_by_two_outlets_with_their_own_words() -> None:
    statement = dataset().statements["tokayev-2024-05-16-reject-attempts-to-divide"]
    rendering = excerpts(statement)
    assert "any questions on which" in (rendering["asiandiplomacy-key-pillars"] or "")
    assert "any issues on which" in (rendering["24kg-consultative-meeting"] or "")
    assert "external-pressure" in statement.topics


def test_every_statement_at_the_first_secretaries_meeting_is_dated_16_may_2024() -> None:
    at_meeting = [s for s in dataset().statements if s.summit == SC1]
    assert {s.speaker for s in at_meeting} == {TOKAYEV}
    assert all(s.date == PartialDate(2024, 5, 16) for s in at_meeting)
    assert any(s.id == "tokayev-2024-05-16-central-asia-2040" for s in at_meeting)


def test_rahmons_words_to_putin_are_dated_9_may_at_their_meeting() -> None:
    statement = dataset().statements["emomali-rahmon-2024-05-09-crocus-attack-image"]
    assert statement.speaker == "emomali-rahmon"
    assert statement.date == PartialDate(2024, 5, 9)
    assert statement.summit == "rahmon-putin-2024-05-09-moscow"
    assert statement.kind is StatementKind.PARAPHRASE
    assert "Crocus City Hall" in (excerpts(statement)["daryo-terrorism-risk"] or "")
    assert "vladimir-putin" in statement.mentions


def test_the_analysts_answers_are_his_statements_dated_to_the_month() -> None:
    answers = [s for s in dataset().statements if s.speaker == "arthur-suleymanov"]
    assert len(answers) >= 4
    for answer in answers:
        assert answer.date == PartialDate(2024, 5)
        assert answer.summit is None
        assert [c.source for c in answer.citations] == ["suleymanov-interview"]


def test_the_article_is_written_by_tokayev_and_dated_by_its_publication() -> None:
    written = [s for s in dataset().statements if s.document == ARTICLE]
    assert written
    for statement in written:
        assert statement.speaker == TOKAYEV
        assert statement.kind is StatementKind.WRITTEN
        assert statement.date == PartialDate(2024, 8, 8)
    from_corpus = [
        s for s in written if "thecentralasia-defense-policy" in {c.source for c in s.citations}
    ]
    assert len(from_corpus) >= 4, "the corpus page's sentences of the article"
    # The corpus page is undated: the date rests on the article's own record,
    # which cites pages dated 8 August 2024 (a statement cites a page only
    # for its words, with an excerpt).
    article = dataset().initiatives[ARTICLE]
    dated = {
        c.source
        for c in article.citations
        if dataset().sources[c.source].published == PartialDate(2024, 8, 8)
    }
    assert "kazinform-2024-08-08-central-asian-five-group-self-sufficient" in dated
    security = dataset().statements["tokayev-2024-08-08-regional-security-architecture"]
    assert "catalogue-of-security-risks" in security.mentions


def test_every_statement_and_every_summit_is_tagged_with_a_topic() -> None:
    assert all(s.topics for s in dataset().statements)
    untagged = [s.id for s in dataset().summits if not s.topics]
    assert not untagged


# ------------------------------------------------------------------- figures


def test_intraregional_trade_grew_more_than_80_percent_over_2019_2024() -> None:
    figure = dataset().figures["central-asia-intraregional-trade-growth-2019-2024"]
    assert (figure.value, figure.unit, figure.qualifier) == (80, "percent", Qualifier.MORE_THAN)
    assert figure.period_start == PartialDate(2019)
    assert figure.period_end == PartialDate(2024)
    assert figure.speaker == TOKAYEV
    assert figure.statement == "tokayev-2024-05-16-regional-cooperation-and-trade"
    assert set(figure.countries) == {"kz", "kg", "tj", "uz", "tm"}
    assert any("more than 80%" in (c.excerpt or "") for c in figure.citations)


def test_intraregional_trade_exceeded_10_billion_dollars() -> None:
    figure = dataset().figures["central-asia-intraregional-trade-value-2024-05"]
    assert (figure.value, figure.unit, figure.qualifier) == (10e9, "USD", Qualifier.MORE_THAN)
    assert any("$10 billion" in (c.excerpt or "") for c in figure.citations)


def test_china_kazakhstan_trade_was_40_billion_in_2023_with_a_100_billion_target() -> None:
    figures = dataset().figures
    actual = figures["china-kazakhstan-trade-2023"]
    target = figures["china-kazakhstan-trade-target"]
    multiple = figures["china-kazakhstan-trade-target-multiple"]
    assert (actual.value, actual.unit, actual.qualifier) == (40e9, "USD", Qualifier.EXACT)
    assert actual.period_start == actual.period_end == PartialDate(2023)
    assert (target.value, target.unit, target.qualifier) == (100e9, "USD", Qualifier.TARGET)
    assert (multiple.value, multiple.qualifier) == (2.5, Qualifier.TARGET)
    assert target.value == pytest.approx(actual.value * multiple.value)
    for figure in (actual, target, multiple):
        assert figure.speaker == "arthur-suleymanov"
        assert set(figure.countries) == {"cn", "kz"}


def test_figures_point_to_a_statement_by_their_speaker() -> None:
    statements = dataset().statements
    for figure in dataset().figures:
        if figure.statement is not None:
            assert statements[figure.statement].speaker == figure.speaker, figure.id


# ------------------------------------------------------------------- topics


def test_the_topic_vocabulary_is_a_hierarchy_under_a_few_roots() -> None:
    assert ancestors("terrorism") == ["transboundary-threats", "security"]
    assert ancestors("floods") == ["natural-disasters", "security"]
    assert ancestors("defence-cooperation") == ["security-cooperation", "security"]
    assert ancestors("transport-logistics") == ["trade-economy"]
    roots = {t.id for t in dataset().topics if t.parent is None}
    assert roots == {"security", "cooperation", "trade-economy"}


def test_event_ontology_codes_are_set_only_where_the_counterpart_is_plain() -> None:
    topics = dataset().topics
    assert (topics["defence-cooperation"].plover, topics["defence-cooperation"].cameo) == (
        "COOPERATE",
        "062",
    )
    assert (topics["humanitarian-assistance"].plover, topics["humanitarian-assistance"].cameo) == (
        "AID",
        "073",
    )
    assert topics["afghanistan"].plover is None
    assert topics["afghanistan"].cameo is None


# ------------------------------------------------------------------- initiatives


def test_central_asia_2040_was_a_strategy_in_may_and_adopted_as_a_concept_in_august() -> None:
    initiative = dataset().initiatives["central-asia-2040"]
    assert initiative.kind is InitiativeKind.CONCEPT
    drafted, adopted = initiative.history
    assert drafted.status is InitiativeStatus.DRAFTED
    assert "Strategy" in (drafted.name or "")
    assert adopted.status is InitiativeStatus.ADOPTED
    assert adopted.date == PartialDate(2024, 8, 9)
    assert adopted.summit == CM6
    assert "Concept" in (adopted.name or "")
    assert {s.party for s in initiative.signatures} == {"kz", "kg", "tj", "uz", "tm"}


def test_the_friendship_treaty_signatures_follow_the_dossier() -> None:
    treaty = dataset().initiatives["central-asia-friendship-treaty"]
    assert treaty.kind is InitiativeKind.TREATY
    signed = {s.party: s.date for s in treaty.signatures}
    assert signed == {
        "kz": PartialDate(2022, 7, 21),
        "kg": PartialDate(2022, 7, 21),
        "uz": PartialDate(2022, 7, 21),
        "tj": PartialDate(2025, 8, 28),
    }
    assert "tm" not in signed, "no source confirms Turkmenistan's signature"
    assert InitiativeStatus.IN_FORCE not in {h.status for h in treaty.history}
    assert any("21st Century" in alias for alias in treaty.aliases)


def test_the_catalogue_of_security_risks_was_proposed_in_the_article_and_adopted_in_2025() -> None:
    catalogue = dataset().initiatives["catalogue-of-security-risks"]
    proposed, adopted = catalogue.history
    assert (proposed.status, proposed.date) == (InitiativeStatus.PROPOSED, PartialDate(2024, 8, 8))
    assert (adopted.status, adopted.date, adopted.summit) == (
        InitiativeStatus.ADOPTED,
        PartialDate(2025, 11, 16),
        CM7,
    )
    assert "2026\u20132028" in catalogue.name  # an en dash, as printed
    assert catalogue.proposer == TOKAYEV


def test_the_sdg_centre_went_from_proposal_to_establishment() -> None:
    centre = dataset().initiatives["un-sdg-centre-central-asia-afghanistan"]
    stages = [(h.status, h.date) for h in centre.history]
    assert stages == [
        (InitiativeStatus.PROPOSED, PartialDate(2019, 9)),
        (InitiativeStatus.ADOPTED, PartialDate(2025, 3, 4)),
        (InitiativeStatus.ESTABLISHED, PartialDate(2025, 8, 3)),
    ]


def test_the_article_was_published_on_8_august_2024() -> None:
    article = dataset().initiatives[ARTICLE]
    assert article.kind is InitiativeKind.ARTICLE
    assert [(h.status, h.date) for h in article.history] == [
        (InitiativeStatus.PUBLISHED, PartialDate(2024, 8, 8))
    ]
    assert (
        article.name
        == "Renaissance of Central Asia: Towards Sustainable Development and Prosperity"
    )


def test_initiative_histories_are_in_date_order() -> None:
    for initiative in dataset().initiatives:
        days = [h.date.earliest for h in initiative.history if h.date is not None]
        assert days == sorted(days), initiative.id


# ------------------------------------------------------------------- organizations


def test_organizations_keep_the_names_as_printed() -> None:
    organizations = dataset().organizations
    assert organizations["usntu"].name == "USNTU"
    assert organizations["berlek-unity-center"].name == (
        "Berlek-Unity Center for Geopolitical Studies"
    )
    assert "Akorda.kz" in organizations["akorda-press-service"].aliases
    assert "SCO" in organizations["sco"].aliases


def test_corpus_sources_relay_the_origin_they_name() -> None:
    sources = dataset().sources
    for source_id in (
        "asiandiplomacy-key-pillars",
        "daryo-terrorism-risk",
        "24kg-consultative-meeting",
    ):
        assert sources[source_id].origin == "akorda-press-service"
    assert sources["suleymanov-interview"].origin == "baigenews-kz"


def test_no_statement_is_dated_after_a_source_that_reports_it() -> None:
    sources = dataset().sources
    for statement in dataset().statements:
        if statement.date is None:
            continue
        for citation in statement.citations:
            published = sources[citation.source].published
            if published is not None:
                assert statement.date.earliest <= published.latest, statement.id


def test_every_topic_is_used_or_is_an_umbrella_of_used_ones() -> None:
    """No topic is left unused: a statement carries it, or one of its narrower topics."""
    ds = dataset()
    used = {topic for statement in ds.statements for topic in statement.topics}
    parents = {topic.id: topic.parent for topic in ds.topics}
    covered = set(used)
    for topic in used:
        parent = parents[topic]
        while parent is not None:
            covered.add(parent)
            parent = parents[parent]
    assert sorted(set(parents) - covered) == []
