"""A small hand-made dataset for the query tests: invented people and events, not facts.

Every name here is made up for the tests; the bundled data are tested elsewhere.

Private import: the loader's validate, to refuse a mistake in this hand-made dataset as
load() would, without writing files.
"""

from __future__ import annotations

from typing import Any

from ca_security import (
    Citation,
    Country,
    Dataset,
    Figure,
    Metadata,
    Official,
    Organization,
    OrganizationKind,
    PartialDate,
    Participation,
    Place,
    PlaceName,
    Post,
    RenderingKind,
    Role,
    Series,
    Source,
    Statement,
    StatementKind,
    Summit,
    Tenure,
    Topic,
)
from ca_security._load.consistency import validate


def cite(
    source: str = "wire", excerpt: str | None = None, rendering: RenderingKind | None = None
) -> tuple[Citation, ...]:
    return (Citation(source=source, excerpt=excerpt, rendering=rendering),)


def d(text: str) -> PartialDate:
    return PartialDate.from_iso(text)


def records() -> dict[str, tuple[Any, ...]]:
    sources = (
        Source(id="wire", publisher="Wire"),
        Source(id="outlet-a", publisher="Outlet A", origin="press-office"),
        Source(id="outlet-b", publisher="Outlet B", origin="press-office"),
        Source(id="press-site", publisher="Press Office", origin="press-office"),
    )
    countries = (
        Country(id="kz", alpha3="KAZ", name="Kazakhstan", citations=cite()),
        Country(id="tj", alpha3="TJK", name="Tajikistan", citations=cite()),
        Country(id="af", alpha3="AFG", name="Afghanistan", citations=cite()),
    )
    places = (
        Place(
            id="capital",
            name="Astana",
            country="kz",
            names=(
                PlaceName(name="Astana", end=d("2019-03-22")),
                PlaceName(name="Nur-Sultan", start=d("2019-03-23"), end=d("2022-09-16")),
                PlaceName(name="Astana", start=d("2022-09-17")),
            ),
            citations=cite(),
        ),
        Place(id="dushanbe", name="Dushanbe", country="tj", citations=cite()),
    )
    organizations = (
        Organization(
            id="press-office",
            name="Presidential Press Office",
            kind=OrganizationKind.PRESS_SERVICE,
            country="kz",
            citations=cite(),
        ),
        Organization(
            id="sco",
            name="Shanghai Cooperation Organisation",
            aliases=("SCO", "ШОС"),
            kind=OrganizationKind.INTERNATIONAL_ORGANIZATION,
            citations=cite(),
        ),
    )
    topics = (
        Topic(id="security", name="Security", description="Security in general."),
        Topic(id="terrorism", name="Terrorism", description="Terrorism.", parent="security"),
        Topic(id="extremism", name="Extremism", description="Extremism.", parent="terrorism"),
        Topic(id="trade", name="Trade", description="Trade."),
        Topic(id="afghanistan", name="Afghanistan", description="Afghanistan as a risk."),
    )
    series = (
        Series(
            id="consultative",
            name="Consultative Meeting of the Heads of State",
            aliases=("Consultative Meetings",),
            citations=cite(),
        ),
    )
    posts = (
        Post(id="kz-president", name="President of Kazakhstan", country="kz", citations=cite()),
        Post(
            id="tj-secretary",
            name="Secretary of the Security Council of Tajikistan",
            country="tj",
            citations=cite(),
        ),
    )
    officials = (
        Official(
            id="aibek-nurlanov",
            name="Aibek Nurlanov",
            aliases=("Nurlanov", "Nurlanow", "Айбек Нурланов"),
            country="kz",
            tenures=(Tenure(post="kz-president", start=d("2019-06-12"), citations=cite()),),
            citations=cite(),
        ),
        Official(
            id="bakhtiyor-olimov",
            name="Bakhtiyor Olimov",
            country="tj",
            tenures=(Tenure(post="tj-secretary", attested=(d("2012-04-01"),), citations=cite()),),
            citations=cite(),
        ),
        Official(id="rustam-karimov", name="Rustam Karimov", country="tj", citations=cite()),
        Official(
            id="rustam-saidzoda",
            name="Rustam Saidzoda",
            aliases=("Saidzoda",),
            country="tj",
            tenures=(
                Tenure(post="tj-secretary", start=d("2015"), end=d("2021-12"), citations=cite()),
            ),
            citations=cite(),
        ),
        Official(
            id="faridun-mahmudzoda",
            name="Faridun Mahmudzoda",
            aliases=("Faridun Makhmudzoda", "Makhmudzoda", "Фаридун Махмудзода"),
            country="tj",
            tenures=(Tenure(post="tj-secretary", start=d("2022"), citations=cite()),),
            citations=cite(),
        ),
    )
    summits = (
        Summit(
            id="forum-2019",
            name="Capital Forum",
            start=d("2019-11"),
            place="capital",
            place_name="Nur-Sultan",
            host_country="kz",
            citations=cite(),
        ),
        Summit(
            id="cm-2021",
            name="Third Consultative Meeting",
            series="consultative",
            ordinal=3,
            start=d("2021-08-06"),
            place="dushanbe",
            host_country="tj",
            participants=(
                Participation(person="rustam-saidzoda", role=Role.PARTICIPANT, citations=cite()),
            ),
            citations=cite(),
        ),
        Summit(
            id="secretaries-2024",
            name="Meeting of Security Council Secretaries",
            start=d("2024-05-16"),
            place="capital",
            host_country="kz",
            participants=(
                Participation(person="aibek-nurlanov", role=Role.HOST, citations=cite()),
                Participation(
                    person="faridun-mahmudzoda",
                    country="tj",
                    role=Role.PARTICIPANT,
                    citations=cite(),
                ),
                Participation(country="af", role=Role.GUEST, citations=cite()),
            ),
            citations=cite(),
        ),
        Summit(
            id="cm-2024",
            name="Sixth Consultative Meeting",
            series="consultative",
            ordinal=6,
            start=d("2024-08-09"),
            end=d("2024-08-10"),
            place="capital",
            host_country="kz",
            aliases=("Astana Consultative Meeting",),
            participants=(
                Participation(person="aibek-nurlanov", role=Role.HOST, citations=cite()),
                Participation(person="faridun-mahmudzoda", role=Role.PARTICIPANT, citations=cite()),
            ),
            topics=("trade",),
            citations=cite(),
        ),
    )
    statements = (
        Statement(
            id="focus",
            speaker="aibek-nurlanov",
            date=d("2024-05-16"),
            summit="secretaries-2024",
            kind=StatementKind.DIRECT_QUOTE,
            text="In this regard, Afghanistan should be the focus of our common attention.",
            topics=("extremism",),
            mentions=("af",),
            citations=(
                Citation(
                    source="outlet-a",
                    excerpt="In this regard, Afghanistan should be the focus of our common attention.",
                    rendering=RenderingKind.QUOTED,
                ),
                Citation(
                    source="outlet-b",
                    excerpt="Afghanistan should be the focus of general attention.",
                    rendering=RenderingKind.QUOTED,
                ),
                Citation(
                    source="wire",
                    excerpt="Afghanistan must be the focus of our attention.",
                    rendering=RenderingKind.REPORTED,
                ),
            ),
        ),
        Statement(
            id="sco-role",
            speaker="aibek-nurlanov",
            date=d("2024-05"),
            kind=StatementKind.PARAPHRASE,
            text="The SCO has a role in fighting terrorism.",
            topics=("terrorism",),
            mentions=("sco",),
            citations=cite("press-site"),
        ),
        Statement(
            id="june",
            speaker="aibek-nurlanov",
            date=d("2024-06-01"),
            kind=StatementKind.DIRECT_QUOTE,
            text="Terrorism knows no borders.",
            topics=("terrorism",),
            citations=cite(rendering=RenderingKind.QUOTED),
        ),
        Statement(
            id="trade-grows",
            speaker="faridun-mahmudzoda",
            date=d("2024-08-09"),
            summit="cm-2024",
            kind=StatementKind.DIRECT_QUOTE,
            text="Trade with Afghanistan and Türkmenistan must grow.",
            topics=("trade",),
            mentions=("af",),
            citations=cite(rendering=RenderingKind.QUOTED),
        ),
        Statement(
            id="undated",
            speaker="aibek-nurlanov",
            kind=StatementKind.WRITTEN,
            text="Security is indivisible.",
            topics=("security",),
            citations=cite(),
        ),
    )
    figures = (
        Figure(
            id="trade-share",
            description="share of intraregional trade",
            value=10,
            unit="percent",
            statement="trade-grows",
            topics=("trade",),
            citations=cite(),
        ),
        Figure(
            id="trade-volume",
            description="volume of mutual trade",
            value=5e9,
            unit="USD",
            period_start=d("2023"),
            countries=("kz", "tj"),
            topics=("trade",),
            citations=cite(),
        ),
        Figure(
            id="troops",
            description="troops on the border",
            value=1000,
            unit="people",
            period_start=d("2024-05"),
            topics=("security",),
            citations=cite(),
        ),
    )
    result = {
        "sources": sources,
        "countries": countries,
        "places": places,
        "organizations": organizations,
        "topics": topics,
        "series": series,
        "posts": posts,
        "officials": officials,
        "initiatives": (),
        "summits": summits,
        "statements": statements,
        "figures": figures,
    }
    problems = validate(result)
    assert problems == [], problems
    return result


def dataset() -> Dataset:
    return Dataset.from_records(Metadata(dataset_version="test"), records())
