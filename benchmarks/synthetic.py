"""Synthetic datasets of any size that pass ``ca_security.load`` validation.

The records are random but consistent: every reference resolves, statements
at a summit fall on its dates, and no source is published before what it
reports (sources carry no publication date). Names and texts are made up.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

_FIRST = dt.date(2015, 1, 1)
_DAYS = 4000
_WORDS = [
    "security",
    "border",
    "water",
    "trade",
    "terrorism",
    "extremism",
    "cooperation",
    "region",
    "summit",
    "council",
    "energy",
    "transport",
    "drugs",
    "cyber",
    "stability",
    "dialogue",
    "investment",
    "railway",
    "corridor",
    "climate",
]
_COUNTRIES = [
    ("kz", "KAZ", "Kazakhstan"),
    ("kg", "KGZ", "Kyrgyzstan"),
    ("tj", "TJK", "Tajikistan"),
    ("tm", "TKM", "Turkmenistan"),
    ("uz", "UZB", "Uzbekistan"),
    ("af", "AFG", "Afghanistan"),
    ("cn", "CHN", "China"),
    ("ru", "RUS", "Russia"),
]


def _cite(rng: random.Random, sources: list[str], excerpt: str | None = None) -> dict[str, Any]:
    citation: dict[str, Any] = {"source": rng.choice(sources)}
    if excerpt is not None:
        citation["excerpt"] = excerpt
    return citation


def _day(rng: random.Random) -> dt.date:
    return _FIRST + dt.timedelta(days=rng.randrange(_DAYS))


def _date(rng: random.Random, day: dt.date) -> str:
    roll = rng.random()
    if roll < 0.8:
        return day.isoformat()
    if roll < 0.95:
        return day.isoformat()[:7]
    return day.isoformat()[:4]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def generate(statements: int, seed: int = 2024) -> dict[str, Any]:
    """Every data file's JSON value (file name -> value) for a dataset of ``statements``."""
    rng = random.Random(seed)
    n_sources = max(5, statements // 20)
    n_people = max(10, statements // 200)
    n_summits = max(5, statements // 100)
    n_places = 20
    organizations = [
        {
            "id": f"press-{i}",
            "name": f"Press service {i}",
            "kind": "press service",
            "citations": [{"source": "source-0"}],
        }
        for i in range(10)
    ]
    sources = [
        {
            "id": f"source-{i}",
            "kind": "news report",
            "title": _sentence(rng, 6),
            "publisher": f"Outlet {i % 50}",
            "language": "en",
            **({"origin": f"press-{i % 10}"} if i % 3 == 0 else {}),
        }
        for i in range(n_sources)
    ]
    source_ids = [s["id"] for s in sources]
    countries = [
        {"id": cid, "alpha3": a3, "name": name, "citations": [_cite(rng, source_ids)]}
        for cid, a3, name in _COUNTRIES
    ]
    places = [
        {
            "id": f"place-{i}",
            "name": f"City {i}",
            "country": _COUNTRIES[i % 5][0],
            "names": [
                {"name": f"Old City {i}", "end": "2019"},
                {"name": f"City {i}", "start": "2019"},
            ],
            "citations": [_cite(rng, source_ids)],
        }
        for i in range(n_places)
    ]
    topics = [
        {"id": f"theme-{i}", "name": f"Theme {i}", "description": "A theme."} for i in range(6)
    ]
    topics += [
        {
            "id": f"topic-{i}",
            "name": f"Topic {i}",
            "description": "A topic.",
            "parent": f"theme-{i % 6}",
        }
        for i in range(24)
    ]
    topic_ids = [t["id"] for t in topics]
    series = [
        {"id": f"series-{i}", "name": f"Series {i}", "citations": [_cite(rng, source_ids)]}
        for i in range(5)
    ]
    posts = [
        {
            "id": f"post-{i}",
            "name": f"Post {i}",
            "country": _COUNTRIES[i % 5][0],
            "citations": [_cite(rng, source_ids)],
        }
        for i in range(n_people // 2)
    ]
    officials = []
    for i in range(n_people):
        start = _day(rng)
        tenure = {
            "post": f"post-{i % len(posts)}",
            "start": _date(rng, start),
            "attested": [(start + dt.timedelta(days=30)).isoformat()],
            "citations": [_cite(rng, source_ids)],
        }
        officials.append(
            {
                "id": f"person-{i}",
                "name": f"Person Number{i} Surname{i}",
                "aliases": [f"Surname{i}", f"Персона {i}"],
                "country": _COUNTRIES[i % 5][0],
                "tenures": [tenure],
                "citations": [_cite(rng, source_ids)],
            }
        )
    people = [o["id"] for o in officials]
    summits = []
    for i in range(n_summits):
        start = _day(rng)
        summits.append(
            {
                "id": f"summit-{i}",
                "name": f"Meeting {i}",
                "format": "summit",
                "series": f"series-{i % 5}",
                "start": start.isoformat(),
                "end": (start + dt.timedelta(days=1)).isoformat(),
                "place": f"place-{i % n_places}",
                "host_country": _COUNTRIES[i % 5][0],
                "participants": [
                    {"person": p, "role": "participant", "citations": [_cite(rng, source_ids)]}
                    for p in rng.sample(people, 3)
                ],
                "topics": rng.sample(topic_ids, 2),
                "citations": [_cite(rng, source_ids)],
            }
        )
    statement_rows = []
    for i in range(statements):
        text = _sentence(rng, 14)
        kind = rng.choice(["direct quote", "paraphrase", "written"])
        quoted = _cite(rng, source_ids, text)
        quoted["rendering"] = "reported" if kind == "paraphrase" else "quoted"
        reported = _cite(rng, source_ids, _sentence(rng, 12))
        reported["rendering"] = "reported"
        record: dict[str, Any] = {
            "id": f"statement-{i}",
            "speaker": rng.choice(people),
            "kind": kind,
            "text": text,
            "topics": rng.sample(topic_ids, 2),
            "mentions": rng.sample([c[0] for c in _COUNTRIES], 1),
            "citations": [quoted, reported],
        }
        if rng.random() < 0.3:
            summit = rng.choice(summits)
            record["summit"] = summit["id"]
            record["date"] = summit["start"]
        else:
            record["date"] = _date(rng, _day(rng))
        statement_rows.append(record)
    figures = [
        {
            "id": f"figure-{i}",
            "description": f"trade volume {i}",
            "value": rng.randrange(1000),
            "unit": "USD",
            "statement": f"statement-{i}",
            "topics": [rng.choice(topic_ids)],
            "citations": [_cite(rng, source_ids)],
        }
        for i in range(min(statements, statements // 10 + 1))
    ]
    return {
        "metadata.json": {"dataset_version": f"synthetic-{statements}"},
        "sources.json": sources,
        "countries.json": countries,
        "places.json": places,
        "organizations.json": organizations,
        "topics.json": topics,
        "series.json": series,
        "posts.json": posts,
        "officials.json": officials,
        "initiatives.json": [],
        "summits.json": summits,
        "statements.json": statement_rows,
        "figures.json": figures,
        "incidents.json": [],
    }


def write(directory: Path, statements: int, seed: int = 2024) -> Path:
    """Write a synthetic dataset of ``statements`` into ``directory``; return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, value in generate(statements, seed).items():
        (directory / name).write_text(json.dumps(value, ensure_ascii=False), "utf-8")
    return directory
