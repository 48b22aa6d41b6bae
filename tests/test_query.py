"""Query helpers on a small hand-made dataset: filter, lookup, search, holding, timeline, corroboration."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest

from ca_security import (
    AmbiguousNameError,
    Dataset,
    PartialDate,
    RecordNotFoundError,
    RenderingKind,
    StatementKind,
)
from query_data import dataset

DS = dataset()


def ids(collection: object) -> list[str]:
    return [record.id for record in collection]  # type: ignore[attr-defined]


# -- statements -------------------------------------------------------------------


def test_speaker_topic_month() -> None:
    """Statements by a speaker on a topic and its subtopics within a month."""
    found = DS.statements.filter(
        speaker="Nurlanov", topic="terrorism", since="May 2024", until="May 2024"
    )
    assert ids(found) == ["sco-role", "focus"]


def test_speaker_as_record_id_alias_and_cyrillic() -> None:
    """A speaker is given by id, record, alias or a Cyrillic alias, with the same answer."""
    expected = DS.statements.filter(speaker="aibek-nurlanov")
    for speaker in (
        DS.officials["aibek-nurlanov"],
        "NURLANOW",
        "айбек  нурланов",
        "Aibek-Nurlanov",
    ):
        assert expected == DS.statements.filter(speaker=speaker)
    assert len(expected) == 4


def test_filter_returns_same_kind_in_canonical_order() -> None:
    """Results keep the collection's type and order; the undated statement comes last."""
    found = DS.statements.filter(speaker="aibek-nurlanov")
    assert type(DS.statements) is type(found)
    assert ids(found) == ["sco-role", "focus", "june", "undated"]


def test_topic_includes_subtopics() -> None:
    """``topic`` matches a statement classified under a subtopic."""
    assert ids(DS.statements.filter(topic="extremism")) == ["focus"]
    assert ids(DS.statements.filter(topic="Security")) == ["sco-role", "focus", "june", "undated"]


def test_chained_filters_equal_one_filter() -> None:
    """``filter(a).filter(b) == filter(a, b)``."""
    chained = DS.statements.filter(speaker="Nurlanov").filter(kind="direct quote")
    assert DS.statements.filter(speaker="Nurlanov", kind=StatementKind.DIRECT_QUOTE) == chained
    assert ids(chained) == ["focus", "june"]


def test_mentions_by_name() -> None:
    """``mentions`` takes a name: the SCO by its abbreviation, Afghanistan by its name."""
    assert ids(DS.statements.filter(mentions="SCO")) == ["sco-role"]
    assert ids(DS.statements.filter(mentions="Afghanistan")) == ["focus", "trade-grows"]


def test_statements_at_a_summit() -> None:
    """Statements made at a summit, the summit given by its name."""
    found = DS.statements.filter(summit="Meeting of Security Council Secretaries")
    assert ids(found) == ["focus"]


def test_source_and_text() -> None:
    """``source`` matches any citation; ``text`` ignores case and diacritics."""
    assert ids(DS.statements.filter(source="outlet-b")) == ["focus"]
    assert ids(DS.statements.filter(text="TURKMENISTAN")) == ["trade-grows"]
    assert ids(DS.statements.filter(text="general attention")) == ["focus"]


def test_dates_match_by_overlap() -> None:
    """A month-precision statement overlaps a day inside it; undated records never match a date."""
    assert ids(DS.statements.filter(since="2024-05-16", until="2024-05-16")) == [
        "sco-role",
        "focus",
    ]
    assert ids(DS.statements.filter(year=2024)) == ["sco-role", "focus", "june", "trade-grows"]
    day = dt.date(2024, 6, 1)
    assert ids(DS.statements.filter(since=day, until=PartialDate(2024, 6))) == ["june"]


def test_unknown_criterion_names_valid_ones() -> None:
    """An unknown criterion raises TypeError naming the valid ones."""
    with pytest.raises(TypeError, match=r"speeker; valid: country, document, kind, mentions"):
        DS.statements.filter(speeker="Nurlanov")


def test_unknown_name_suggests() -> None:
    """A name that matches nothing raises RecordNotFoundError with the closest names."""
    with pytest.raises(RecordNotFoundError, match="Aibek Nurlanov"):
        DS.statements.filter(speaker="Nurlanoff")


def test_bad_vocabulary_value() -> None:
    """A kind outside the vocabulary raises ValueError listing the allowed values."""
    with pytest.raises(ValueError, match="'direct quote'"):
        DS.statements.filter(kind="rumour")


def test_wrong_record_kind() -> None:
    """A record of another kind is refused."""
    with pytest.raises(TypeError, match="expected a official"):
        DS.statements.filter(speaker=DS.countries["kz"])


# -- summits ------------------------------------------------------------------------


def test_summits_by_place_year() -> None:
    """Summits in a place (by any of its historic names) in a year."""
    assert ids(DS.summits.filter(place="Astana", year=2024)) == ["secretaries-2024", "cm-2024"]
    assert ids(DS.summits.filter(place="Nur-Sultan")) == [
        "forum-2019",
        "secretaries-2024",
        "cm-2024",
    ]


def test_series_in_order_and_participant() -> None:
    """A series' meetings in date order; every summit a person attended."""
    assert ids(DS.summits.filter(series="Consultative Meetings")) == ["cm-2021", "cm-2024"]
    assert ids(DS.summits.filter(participant="Makhmudzoda")) == ["secretaries-2024", "cm-2024"]
    assert ids(DS.summits.filter(participant="af")) == ["secretaries-2024"]


def test_summit_country_includes_host_and_place() -> None:
    """``country`` matches the host country or the place's country."""
    assert ids(DS.summits.filter(country="Tajikistan")) == ["cm-2021"]


# -- figures, sources ---------------------------------------------------------------


def test_figures_about_trade() -> None:
    """The numbers stated about trade; a figure's date is its period, else its statement's date."""
    assert ids(DS.figures.filter(topic="trade")) == ["trade-share", "trade-volume"]
    assert ids(DS.figures.filter(topic="trade", year=2024)) == ["trade-share"]
    assert ids(DS.figures.filter(unit="usd")) == ["trade-volume"]


def test_sources_by_origin() -> None:
    """Sources relaying one organization."""
    assert ids(DS.sources.filter(origin="press-office")) == ["outlet-a", "outlet-b", "press-site"]


# -- lookup and search --------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Makhmudzoda", "mahmudzoda", "FARIDUN MAHMÚDZODA", "Фаридун Махмудзода", "faridun-mahmudzoda"],
)
def test_lookup_any_spelling(name: str) -> None:
    """Lookup ignores case, diacritics, punctuation and spacing; a lone surname also finds."""
    assert DS.officials.lookup(name).id == "faridun-mahmudzoda"


def test_lookup_by_words_must_be_unique() -> None:
    """A word shared by two records' names is ambiguous; whole names win over words."""
    with pytest.raises(AmbiguousNameError) as info:
        DS.officials.lookup("rustam")
    assert info.value.candidates == ("rustam-karimov", "rustam-saidzoda")
    assert DS.officials.lookup("Karimov").id == "rustam-karimov"
    with pytest.raises(AmbiguousNameError):
        DS.statements.filter(speaker="Rustam")


def test_lookup_historic_place_name() -> None:
    """A place is found by a name it bore in the past."""
    assert DS.places.lookup("nur sultan").id == "capital"
    assert DS.places.lookup("Nursultan").id == "capital"


def test_lookup_not_found_suggests() -> None:
    """A failed lookup is a LookupError that suggests the closest names."""
    with pytest.raises(LookupError, match="did you mean 'Faridun Mahmudzoda'"):
        DS.officials.lookup("Mahmudzod")


def test_lookup_ambiguous() -> None:
    """A name that several records bear raises AmbiguousNameError listing them."""
    with pytest.raises(AmbiguousNameError) as info:
        DS.lookup("Afghanistan")
    assert info.value.candidates == ("af", "afghanistan")
    assert isinstance(info.value, LookupError)


def test_dataset_lookup_any_kind() -> None:
    """``ds.lookup`` finds a record of any kind."""
    assert DS.lookup("ШОС").id == "sco"
    assert DS.lookup("AFG").id == "af"


def test_search_ranks_prefix_and_misspelling() -> None:
    """Search ranks a whole-word match first and tolerates a misspelling."""
    assert DS.officials.search("mahmud")[0].id == "faridun-mahmudzoda"
    assert DS.officials.search("Saidzodda")[0].id == "rustam-saidzoda"
    assert DS.officials.search("...") == ()
    assert ids(DS.officials.search("Faridun", limit=1)) == ["faridun-mahmudzoda"]


def test_search_statements_by_words() -> None:
    """Statements are searched by their words."""
    assert DS.statements.search("focus of general attention")[0].id == "focus"


# -- holding and succession -----------------------------------------------------------


def holders(on: str) -> tuple[list[str], list[str]]:
    found = DS.officials.holding(post="Secretary of the Security Council of Tajikistan", on=on)
    return [h.official.id for h in found.certain], [h.official.id for h in found.possible]


def test_holding_partial_start() -> None:
    """A tenure known only to start in "2022", with no end, is certain in 2022 and possible after."""
    assert holders("2022-03-01") == ([], ["faridun-mahmudzoda"])
    assert holders("2022") == (["faridun-mahmudzoda"], [])
    assert holders("2023-01-01") == ([], ["faridun-mahmudzoda"])


def test_holding_end_and_successor() -> None:
    """An end or a later holder's start bounds a tenure; an attested day is certain."""
    assert holders("2012-04-01") == (["bakhtiyor-olimov"], [])
    assert holders("2014-01-01") == ([], ["bakhtiyor-olimov"])
    assert holders("2016-06-01") == (["rustam-saidzoda"], [])
    assert holders("2021") == (["rustam-saidzoda"], [])
    assert holders("2015") == (["rustam-saidzoda"], ["bakhtiyor-olimov"])
    assert holders("2022") == (["faridun-mahmudzoda"], [])


def test_holding_by_country_and_date_types() -> None:
    """``holding`` takes a country instead of a post, and any date type."""
    found = DS.officials.holding(country="kz", on=dt.date(2024, 5, 16))
    assert [h.official.id for h in found] == ["aibek-nurlanov"]
    assert (DS.officials["aibek-nurlanov"],) == found.officials
    assert not DS.officials.holding(country="kz", on="2019-06-11")


def test_succession_in_order() -> None:
    """Everyone who held the post, in order."""
    found = DS.officials.succession(post="tj-secretary")
    assert [t.official.id for t in found] == [
        "bakhtiyor-olimov",
        "rustam-saidzoda",
        "faridun-mahmudzoda",
    ]


# -- timeline and corroboration ---------------------------------------------------------


def test_timeline_mentions() -> None:
    """Everything that mentions Afghanistan, summits and statements, in date order."""
    found = DS.timeline(mentions="Afghanistan")
    assert ids(found) == ["secretaries-2024", "focus", "trade-grows"]


def test_timeline_dates_and_kinds() -> None:
    """A criterion only one kind knows keeps that kind; dates bound both."""
    assert ids(DS.timeline(since="2024-05", until="2024-05")) == [
        "sco-role",
        "secretaries-2024",
        "focus",
    ]
    assert ids(DS.timeline(participant="Saidzoda")) == ["cm-2021"]
    with pytest.raises(TypeError, match=r"valid: .*country"):
        DS.timeline(colour="red")


def test_corroboration_counts_origins() -> None:
    """Two outlets relaying one press office count as one origin; renderings and diffs are kept."""
    report = DS.corroboration("focus")
    assert [s.id for s in report.sources] == ["outlet-a", "outlet-b", "wire"]
    assert report.origins == ("press-office", "wire")
    assert report.independent == 2
    assert len(report.variants) == 3
    assert (
        report.renderings[1].diff
        == "[-In this regard,-] Afghanistan should be the focus of [-our common-] {+general+} attention."
    )


def test_corroboration_separates_quotes_from_reports() -> None:
    """Outlets that quote the words are apart from those that only report them."""
    report = DS.corroboration("focus")
    assert [r.source.id for r in report.quoted] == ["outlet-a", "outlet-b"]
    assert [r.source.id for r in report.reported] == ["wire"]
    assert [r.kind for r in report.renderings] == [
        RenderingKind.QUOTED,
        RenderingKind.QUOTED,
        RenderingKind.REPORTED,
    ]


def test_corroboration_takes_record_or_text() -> None:
    """The statement is given as a record, an id or its exact text."""
    by_text = DS.corroboration("Terrorism knows no borders.")
    assert by_text == DS.corroboration(DS.statements["june"])
    assert by_text.independent == 1


# -- indexes ------------------------------------------------------------------------------


def test_indexes_built_once_under_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Concurrent first queries build each index once and agree."""
    ds = dataset()
    builds: list[str] = []
    cached = Dataset._cached

    def counting(self: Dataset, key: str, build: Any) -> Any:
        def counted() -> Any:
            builds.append(key)
            return build()

        return cached(self, key, counted)

    monkeypatch.setattr(Dataset, "_cached", counting)
    barrier = threading.Barrier(8)
    results: list[object] = []

    def query() -> None:
        barrier.wait()
        results.append(ids(ds.statements.filter(speaker="Nurlanov", year=2024)))

    threads = [threading.Thread(target=query) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [["sco-role", "focus", "june"]] * 8
    assert "statement:keys:speaker" in builds
    assert sorted(set(builds)) == sorted(builds)


def test_holding_unknown_start_after_previous_holder() -> None:
    """An unknown start lies after the previous holder's last known day in post."""
    import attrs

    from ca_security import Metadata, Tenure
    from query_data import records

    data = records()
    officials = []
    for official in data["officials"]:
        if official.id == "faridun-mahmudzoda":
            tenure = Tenure(
                post="tj-secretary",
                attested=(PartialDate(2023, 3, 1),),
                citations=official.citations,
            )
            official = attrs.evolve(official, tenures=(tenure,))
        officials.append(official)
    ds = Dataset.from_records(
        Metadata(dataset_version="t"), {**data, "officials": tuple(officials)}
    )

    def holders(on: str) -> tuple[list[str], list[str]]:
        found = ds.officials.holding(post="tj-secretary", on=on)
        return [h.official.id for h in found.certain], [h.official.id for h in found.possible]

    assert holders("2021-06-01") == (["rustam-saidzoda"], [])
    assert holders("2022-01-15") == ([], ["faridun-mahmudzoda"])
    assert holders("2023-03-01") == (["faridun-mahmudzoda"], [])
    assert holders("2000") == ([], ["bakhtiyor-olimov"])


def test_result_reprs_are_short() -> None:
    """Holdings, terms and corroborations show ids, not whole records."""
    found = DS.officials.holding(post="tj-secretary", on="2022")
    assert repr(found.certain[0]) == "<Holding faridun-mahmudzoda in tj-secretary, certain>"
    found = DS.officials.holding(post="tj-secretary", on="2023")
    assert repr(found.possible[0]) == "<Holding faridun-mahmudzoda in tj-secretary, possible>"
    assert repr(DS.officials.succession(post="tj-secretary")[0]) == (
        "<Term bakhtiyor-olimov in tj-secretary>"
    )
    assert repr(DS.corroboration("focus")) == "<Corroboration of focus: 3 sources, 2 independent>"
