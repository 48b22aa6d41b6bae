"""Targeted checks of the context data: sources, people, posts, summits, places.

Each test asserts values that the corpus texts, the research dossier or its
review state (dates, ordinals, spellings, roles), so that a wrong edit of the
data fails here. No test counts records: counts change as data are added.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pytest

import ca_security
from ca_security import Dataset, Official, PartialDate, Role, SourceKind, SummitStatus, Tenure

ROOT = Path(__file__).resolve().parent.parent
SC1 = "sc-secretaries-2024-05-16-astana"
SC2 = "sc-secretaries-2025-04-18-samarkand"
CM6 = "consultative-meeting-2024-08-09-astana"
CM7 = "consultative-meeting-2025-11-16-tashkent"


@cache
def dataset() -> Dataset:
    return ca_security.load()


def tenures(post: str) -> list[tuple[Official, Tenure]]:
    """Every (official, tenure) pair for a post."""
    return [(o, t) for o in dataset().officials for t in o.tenures if t.post == post]


def certain_holders(post: str, day: dt.date) -> set[str]:
    """Officials who certainly held ``post`` on ``day``: attested then, or inside known bounds."""
    holders = set()
    for official, tenure in tenures(post):
        attested = any(d.contains(day) and d.precision == "day" for d in tenure.attested)
        bounded = (
            tenure.start is not None
            and tenure.start.latest <= day
            and (tenure.end is None or day <= tenure.end.earliest)
        )
        if attested or bounded:
            holders.add(official.id)
    return holders


def possible_holders(post: str, day: dt.date) -> set[str]:
    """Officials whose known bounds do not exclude ``day``."""
    return {
        official.id
        for official, tenure in tenures(post)
        if (tenure.start is None or tenure.start.earliest <= day)
        and (tenure.end is None or day <= tenure.end.latest)
    }


def name_at(place_id: str, day: dt.date) -> set[str]:
    """The names a place may have borne on ``day``."""
    place = dataset().places[place_id]
    return {
        n.name
        for n in place.names
        if (n.start is None or n.start.earliest <= day) and (n.end is None or day <= n.end.latest)
    }


# ------------------------------------------------------------------- posts and tenures


def test_the_16_may_2024_delegation_heads_held_their_posts_that_day() -> None:
    day = dt.date(2024, 5, 16)
    assert certain_holders("kz-security-council-secretary", day) == {"gizat-nurdauletov"}
    assert certain_holders("kg-security-council-secretary", day) == {"marat-imankulov"}
    assert certain_holders("tj-security-council-secretary", day) == {"nasrullo-mahmudzoda"}
    assert certain_holders("uz-security-council-secretary", day) == {"viktor-makhmudov"}
    assert certain_holders("tm-military-attache-kazakhstan", day) == {"annamyrat-yagmyrov"}
    assert certain_holders("kz-president", day) == {"kassym-jomart-tokayev"}


def test_tajik_secretaries_succeed_each_other() -> None:
    # Vatanzoda -> Mahmudzoda (relieved 21 January 2025) -> Yusuf Rahmon (in post 18 April 2025).
    by_person = {o.id: t for o, t in tenures("tj-security-council-secretary")}
    assert by_person["mahmadali-vatanzoda"].end == PartialDate(2019, 12, 17)
    mahmudzoda = by_person["nasrullo-mahmudzoda"]
    assert mahmudzoda.end == PartialDate(2025, 1, 21)
    assert mahmudzoda.start is None, "the review: do not store 2020-03-06 as his start"
    assert PartialDate(2025, 4, 18) in by_person["yusuf-rahmon"].attested
    assert certain_holders("tj-security-council-secretary", dt.date(2025, 4, 18)) == {
        "yusuf-rahmon"
    }
    assert "nasrullo-mahmudzoda" not in possible_holders(
        "tj-security-council-secretary", dt.date(2025, 2, 1)
    )


def test_kyrgyz_secretaries_succeed_each_other_in_2025() -> None:
    assert certain_holders("kg-security-council-secretary", dt.date(2025, 6, 15)) == {
        "baktybek-bekbolotov"
    }
    assert possible_holders("kg-security-council-secretary", dt.date(2025, 12, 2)) >= {
        "rustam-mamasadykov"
    }
    assert "baktybek-bekbolotov" not in possible_holders(
        "kg-security-council-secretary", dt.date(2025, 12, 2)
    )
    (state_secretary,) = [t for o, t in tenures("kg-state-secretary") if o.id == "marat-imankulov"]
    assert (state_secretary.start, state_secretary.end) == (
        PartialDate(2025, 5),
        PartialDate(2025, 12, 1),
    )


def test_makhmudovs_single_source_start_is_kept_and_flagged() -> None:
    (tenure,) = [t for o, t in tenures("uz-security-council-secretary")]
    assert tenure.start == PartialDate(2013, 9, 21)
    assert tenure.notes is not None and "single" in tenure.notes
    assert PartialDate(2018, 5) in tenure.attested


def test_nurdauletovs_start_is_unknown_with_its_window_in_the_notes() -> None:
    (tenure,) = [t for o, t in tenures("kz-security-council-secretary")]
    assert tenure.start is None
    assert tenure.notes is not None
    assert "14 February 2022" in tenure.notes and "19 August 2022" in tenure.notes


def test_tokayev_succeeds_nazarbayev_on_20_march_2019() -> None:
    by_person = {o.id: t for o, t in tenures("kz-president")}
    assert by_person["kassym-jomart-tokayev"].start == PartialDate(2019, 3, 20)
    assert by_person["nursultan-nazarbayev"].end == PartialDate(2019, 3, 20)
    assert certain_holders("kz-president", dt.date(2018, 3, 15)) == {"nursultan-nazarbayev"}


def test_heads_of_state_start_on_their_inauguration_days() -> None:
    starts = {(o.id, t.post): t.start for o in dataset().officials for t in o.tenures}
    assert starts["sadyr-japarov", "kg-president"] == PartialDate(2021, 1, 28)
    assert starts["serdar-berdimuhamedov", "tm-president"] == PartialDate(2022, 3, 19)
    assert starts["emomali-rahmon", "tj-president"] == PartialDate(1994, 11, 16)
    assert starts["shavkat-mirziyoyev", "uz-president"] == PartialDate(2016)


def test_rahmons_disputed_1992_start_is_a_dispute_not_a_date() -> None:
    (tenure,) = [t for o, t in tenures("tj-supreme-assembly-chairman")]
    assert tenure.start is None
    (dispute,) = tenure.disputes
    assert dispute.field == "start"
    assert {v.value for v in dispute.values} == {"1992-11-19", "1992-11-20"}


# ------------------------------------------------------------------- names and aliases

#: Spellings listed by the dossier's variants facts (var-*), per person.
VARIANTS = {
    "nasrullo-mahmudzoda": [
        "Nasrullo Mahmudzoda",
        "Nasrullo Makhmudzoda",
        "Nasrullo Mahmoudzoda",
        "Махмудзода Насрулло",
    ],
    "viktor-makhmudov": ["Viktor Makhmudov", "Viktor Mahmudov", "Виктор Махмудов"],
    "marat-imankulov": ["Marat Imankulov", "Marat İmankulov", "Марат Иманкулов"],
    "gizat-nurdauletov": ["Gizat Nurdauletov", "Гизат Нурдаулетов"],
    "yusuf-rahmon": ["Yusuf Rahmon", "Rahmon Yusuf Ahmadzoda", "Юсуф Рахмон"],
    "kassym-jomart-tokayev": ["Tokayev", "Toqaev", "Tokaev"],
    "sadyr-japarov": ["Japarov", "Zhaparov", "Zaparov"],
    "serdar-berdimuhamedov": [
        "Berdimuhamedov",
        "Berdimuhamedow",
        "Berdymukhamedov",
        "Berdymukhammedov",
    ],
    "shavkat-mirziyoyev": ["Mirziyoyev", "Mirziyoev"],
    "kakha-imnadze": ["Kakha Imnadze", "Kaha Imnadze"],
    "arthur-suleymanov": ["Arthur Suleymanov", "Artur Ramilevich"],
}


@pytest.mark.parametrize(("person", "spellings"), sorted(VARIANTS.items()))
def test_every_spelling_in_the_sources_is_on_the_right_person(
    person: str, spellings: list[str]
) -> None:
    words = {word for name in dataset().officials[person].names for word in [name, *name.split()]}
    missing = [s for s in spellings if s not in words]
    assert not missing


def test_no_spelling_names_two_people() -> None:
    owner: dict[str, str] = {}
    for official in dataset().officials:
        for name in official.names:
            assert owner.setdefault(name.casefold(), official.id) == official.id, name


def test_the_dossiers_variants_are_aliases_when_the_research_is_at_hand() -> None:
    path = ROOT.parent / "shared" / "research" / "dossier.json"
    if not path.exists():
        pytest.skip("the shared research folder is not beside the repository")
    facts = {f["id"]: f for f in json.loads(path.read_text(encoding="utf-8"))}
    all_names = {
        word for o in dataset().officials for name in o.names for word in [name, *name.split()]
    }
    for fact_id in ("var-mahmudzoda", "var-makhmudov"):
        assert set(facts[fact_id]["fields"]["variants"]) <= all_names
    for group in facts["var-presidents"]["fields"]["variants"].values():
        assert set(group) <= all_names


# ------------------------------------------------------------------- summits


def test_the_first_secretaries_meeting() -> None:
    summit = dataset().summits[SC1]
    assert (summit.series, summit.ordinal, summit.start) == (
        "sc-secretaries-meetings",
        1,
        PartialDate(2024, 5, 16),
    )
    roles = {p.person: p.role for p in summit.participants}
    assert roles == {
        "kassym-jomart-tokayev": Role.HOST,
        "gizat-nurdauletov": Role.HEAD_OF_DELEGATION,
        "marat-imankulov": Role.HEAD_OF_DELEGATION,
        "nasrullo-mahmudzoda": Role.HEAD_OF_DELEGATION,
        "viktor-makhmudov": Role.HEAD_OF_DELEGATION,
        "annamyrat-yagmyrov": Role.REPRESENTATIVE,
    }


def test_the_second_secretaries_meeting_was_in_samarkand_chaired_by_makhmudov() -> None:
    summit = dataset().summits[SC2]
    assert (summit.ordinal, summit.place, summit.start) == (
        2,
        "samarkand",
        PartialDate(2025, 4, 18),
    )
    chairs = [p.person for p in summit.participants if p.role is Role.CHAIR]
    assert chairs == ["viktor-makhmudov"]


def test_the_central_asia_russia_secretaries_met_first_in_almaty_in_june_2023() -> None:
    summit = dataset().summits["central-asia-russia-sc-secretaries-2023-06-23-almaty"]
    assert (summit.ordinal, summit.place_name, summit.start) == (
        1,
        "Almaty",
        PartialDate(2023, 6, 23),
    )
    assert "nikolai-patrushev" in {p.person for p in summit.participants}


def test_consultative_meetings_are_numbered_1_to_7_in_date_order() -> None:
    meetings = sorted(
        (s for s in dataset().summits if s.series == "consultative-meetings"),
        key=lambda s: s.start.earliest if s.start else dt.date.max,
    )
    assert [s.ordinal for s in meetings] == [1, 2, 3, 4, 5, 6, 7]
    assert [s.start for s in meetings] == [
        PartialDate(2018, 3, 15),
        PartialDate(2019, 11, 29),
        PartialDate(2021, 8, 6),
        PartialDate(2022, 7, 21),
        PartialDate(2023, 9, 14),
        PartialDate(2024, 8, 9),
        PartialDate(2025, 11, 16),
    ]


def test_the_sixth_meeting_was_announced_in_may_and_adopted_central_asia_2040() -> None:
    summit = dataset().summits[CM6]
    assert summit.status is SummitStatus.HELD
    assert "central-asia-2040" in summit.documents
    announced = {c.source for c in summit.citations if c.excerpt and "will be held" in c.excerpt}
    assert {"asiandiplomacy-key-pillars", "24kg-consultative-meeting"} <= announced


def test_the_seventh_meeting_adopted_the_catalogue_of_security_risks() -> None:
    assert "catalogue-of-security-risks" in dataset().summits[CM7].documents


def test_gurbanguly_berdimuhamedov_was_a_guest_of_honour_at_the_fifth_meeting() -> None:
    summit = dataset().summits["consultative-meeting-2023-09-14-dushanbe"]
    guests = {p.person for p in summit.participants if p.role is Role.GUEST}
    assert "gurbanguly-berdimuhamedov" in guests


def test_the_19th_sco_secretaries_meeting_ran_2_to_3_april_2024() -> None:
    summit = dataset().summits["sco-sc-secretaries-2024-04-02-astana"]
    assert (summit.start, summit.end, summit.ordinal) == (
        PartialDate(2024, 4, 2),
        PartialDate(2024, 4, 3),
        19,
    )


def test_putins_arrival_in_china_is_disputed_with_both_values_cited() -> None:
    summit = dataset().summits["putin-state-visit-china-2024-05-16"]
    (dispute,) = summit.disputes
    values = {v.value: {c.source for c in v.citations} for v in dispute.values}
    assert set(values) == {"2024-05-15", "2024-05-16"}
    assert "suleymanov-interview" in values["2024-05-15"]
    assert "suleymanov-interview" not in values["2024-05-16"]


def test_announced_but_unchecked_visits_stay_planned() -> None:
    summit = dataset().summits["wang-yi-visit-tajikistan-2024-05"]
    assert summit.status is SummitStatus.PLANNED
    assert summit.start is None


def test_central_asia_plus_summits_of_2023_are_in_their_formats() -> None:
    # The corpus recalls the 2023 meetings with the EU, China, the US, the GCC and Germany.
    recalled = {
        s.series: (s.ordinal, s.start.year if s.start else None)
        for s in dataset().summits
        if any(
            c.source == "asiandiplomacy-key-pillars" and "Central Asia plus" in (c.note or "")
            for c in s.citations
        )
    }
    assert recalled == {
        "eu-central-asia-high-level-meetings": (2, 2023),
        "china-central-asia-summits": (1, 2023),
        "c5-plus-1-summits": (1, 2023),
        "gcc-central-asia-summits": (1, 2023),
        "germany-central-asia-summits": (1, 2023),
    }
    first_eu = dataset().summits["eu-central-asia-2022-10-27-astana"]
    assert (first_eu.ordinal, first_eu.place_name) == (1, "Astana")


# ------------------------------------------------------------------- places


def test_the_capital_was_nur_sultan_between_2019_and_2022() -> None:
    assert name_at("astana", dt.date(2020, 6, 1)) == {"Nur-Sultan"}
    assert name_at("astana", dt.date(2018, 3, 15)) == {"Astana"}
    assert name_at("astana", dt.date(2024, 5, 16)) == {"Astana"}


def test_every_summit_uses_the_name_its_place_bore_at_the_time() -> None:
    for summit in dataset().summits:
        if summit.place is None or summit.start is None:
            continue
        place = dataset().places[summit.place]
        names = name_at(summit.place, summit.start.earliest) if place.names else {place.name}
        assert summit.place_name in names, summit.id


# ------------------------------------------------------------------- sources


def test_corpus_sources_keep_their_metadata() -> None:
    meta = json.loads((ROOT / "corpus" / "sources.json").read_text(encoding="utf-8"))
    for entry in meta:
        source = dataset().sources[entry["id"]]
        assert source.corpus_file == entry["file"]
        assert source.kind is SourceKind(entry["kind"])
        assert source.title == entry["title"]
        assert source.publisher == entry["publisher"]
        assert source.url == entry["url"]
        assert source.published == (
            PartialDate.from_iso(entry["published"]) if entry["published"] else None
        )
        assert source.language == entry["language"]
    assert dataset().sources["thecentralasia-defense-policy"].origin == "kazakhstanskaya-pravda"


def test_web_citations_carry_a_note_and_at_most_one_sentence() -> None:
    """A page citation of a fact says what the page shows; an excerpt is one short passage."""
    sources = dataset().sources
    web = {s.id for s in sources if s.corpus_file is None}

    def citations(value: object) -> list[ca_security.Citation]:
        found: list[ca_security.Citation] = []
        if isinstance(value, ca_security.Citation):
            return [value]
        if isinstance(value, tuple):
            for item in value:
                found += citations(item)
        elif hasattr(value, "__attrs_attrs__"):
            for field in value.__attrs_attrs__:  # type: ignore[attr-defined]
                found += citations(getattr(value, field.name))
        return found

    for kind in ("countries", "places", "posts", "officials", "summits", "series"):
        for record in getattr(dataset(), kind):
            for citation in citations(record):
                if citation.source in web:
                    assert citation.note, (record.id, citation.source)
                    excerpt = citation.excerpt
                    if excerpt is not None:
                        assert "\n" not in excerpt, (record.id, citation.source)
                        assert len(excerpt) <= 400, (record.id, citation.source)


def test_web_pages_have_an_address_and_dates_read_from_it_match_it() -> None:
    for source in dataset().sources:
        if source.corpus_file is not None:
            continue
        assert source.url is not None, source.id
        if source.published is not None and "read from the page address" in (source.notes or ""):
            digits = re.sub(r"\D", "", source.url)
            year = f"{source.published.year}"
            assert year in digits or year[2:] in digits, source.id


def test_pages_relaying_another_outlet_name_their_origin() -> None:
    sources = dataset().sources
    relays = {
        "kt-kz-2024-05-16-kazakh-president-receives-secretaries-central-asian": (
            "akorda-press-service"
        ),
        "narodnaya-2025-04-24-vstrecha-sekretarej-sovetov-bezopasnosti": "khovar",
        "shine-2024-05-18-2405181762": "xinhua",
    }
    for source_id, origin in relays.items():
        assert sources[source_id].origin == origin
    assert (
        sources["nca-2024-05-20-kazakhstan-hosted-first-meeting-secretaries-security"].origin
        is None
    )


# ------------------------------------------------------------------- invariants of the context data

#: Posts that one person holds at a time (a vice-premiership or an attaché post may be shared).
SINGLE_HOLDER_POSTS = (
    "kz-president",
    "kg-president",
    "tj-president",
    "tm-president",
    "uz-president",
    "kz-security-council-secretary",
    "kg-security-council-secretary",
    "tj-security-council-secretary",
    "uz-security-council-secretary",
    "kg-state-secretary",
)


def test_attested_days_lie_within_the_known_bounds_of_their_tenure() -> None:
    for official in dataset().officials:
        for tenure in official.tenures:
            for day in tenure.attested:
                if tenure.start is not None:
                    assert tenure.start.earliest <= day.latest, (official.id, tenure.post, day)
                if tenure.end is not None:
                    assert day.earliest <= tenure.end.latest, (official.id, tenure.post, day)


@pytest.mark.parametrize("post", SINGLE_HOLDER_POSTS)
def test_no_two_people_certainly_hold_a_single_holder_post_on_one_day(post: str) -> None:
    days = {
        day
        for _, tenure in tenures(post)
        for date in (*tenure.attested, tenure.start, tenure.end)
        if date is not None
        for day in (date.earliest, date.latest)
    }
    for day in sorted(days):
        # A handover day may show both the outgoing and the incoming holder.
        holders = certain_holders(post, day)
        handover = {
            o.id
            for o, t in tenures(post)
            if (t.end is not None and t.end.latest == day)
            or (t.start is not None and t.start.earliest == day)
        }
        assert len(holders - handover) <= 1, (post, day, holders)


def test_participants_stand_for_their_own_country() -> None:
    officials = dataset().officials
    for summit in dataset().summits:
        for participation in summit.participants:
            if participation.person is None or participation.country is None:
                continue
            country = officials[participation.person].country
            assert country in (None, participation.country), (summit.id, participation.person)


def test_a_summit_is_hosted_by_the_country_of_its_place() -> None:
    places = dataset().places
    for summit in dataset().summits:
        if summit.place is not None and summit.host_country is not None:
            assert places[summit.place].country == summit.host_country, summit.id


def test_every_summit_with_an_ordinal_belongs_to_a_series() -> None:
    for summit in dataset().summits:
        if summit.ordinal is not None:
            assert summit.series is not None, summit.id
