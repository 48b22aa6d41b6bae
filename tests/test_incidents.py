"""Incidents: the record kind, its loading, validation, queries, timeline and exports.

The oracles here are written out in the tests (plain loops over the records
and their fields), not taken from the query code they check.

Private imports: the converter and the fast path, to check that an incident goes through
both alike.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security as cs
from ca_security._load.converter import make_converter
from ca_security._load.fast import make_structurer
from ca_security.testing import strategies as cst
from helpers import bundled_raw, write_raw

#: A record exactly as the data contributors write it (see the issue and the data dictionary).
CROCUS: dict[str, Any] = {
    "id": "crocus-city-hall-attack-2024-03-22",
    "name": "Crocus City Hall attack",
    "event_type": "attack",
    "start": "2024-03-22",
    "end": None,
    "place_name": "Krasnogorsk, Moscow Oblast",
    "places": [],
    "countries": ["ru"],
    "actors": [],
    "citations": [{"source": "daryo-terrorism-risk", "note": "An example citation."}],
    "notes": None,
}


def _files(**changes: Any) -> dict[str, Any]:
    """The bundled data files, with ``incidents.json`` and other files replaced."""
    files = copy.deepcopy(bundled_raw())
    files["incidents.json"] = _with_incident(files, CROCUS)
    for name, value in changes.items():
        files[name.replace("_", ".")] = value
    return files


def _with_incident(files: dict[str, Any], incident: dict[str, Any]) -> list[Any]:
    """The bundled incidents with ``incident`` in place of the one of its id."""
    others = [i for i in files["incidents.json"] if i["id"] != incident["id"]]
    return [*others, copy.deepcopy(incident)]


def _problems(tmp_path: Path, files: dict[str, Any]) -> list[tuple[Any, ...]]:
    write_raw(tmp_path, files)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    return [(p.file, p.record, p.field) for p in caught.value.problems]


# -- the record and its loading ---------------------------------------------------------


def test_the_contributors_shape_loads_by_both_paths():
    """The fast path and the converter make the same record of the contributors' shape."""
    fast = make_structurer()(cs.Incident)(copy.deepcopy(CROCUS))
    slow = make_converter().structure(copy.deepcopy(CROCUS), cs.Incident)
    assert fast == slow
    assert fast.event_type is cs.IncidentType.ATTACK
    assert fast.start == cs.PartialDate(2024, 3, 22) and fast.end is None
    assert fast.countries == ("ru",) and fast.plover is None and fast.acled is None


def test_optional_codes_load(tmp_path: Path):
    """PLOVER and ACLED codes, aliases and disputes load into their enums and records."""
    record = {
        **CROCUS,
        "aliases": ["Crocus attack"],
        "plover": "ASSAULT",
        "acled": "Violence against civilians",
        "disputes": [
            {
                "field": "start",
                "values": [
                    {"value": "2024-03-22", "citations": [{"source": "daryo-terrorism-risk"}]},
                    {"value": "2024-03-23", "citations": [{"source": "daryo-terrorism-risk"}]},
                ],
            }
        ],
    }
    files = _files()
    write_raw(tmp_path, {**files, "incidents.json": _with_incident(files, record)})
    ds = cs.load(tmp_path)
    incident = ds.incidents[CROCUS["id"]]
    assert incident.plover is cs.PloverEvent.ASSAULT
    assert incident.acled is cs.AcledEventType.VIOLENCE_AGAINST_CIVILIANS
    assert [value.value for value in incident.disputes[0].values] == ["2024-03-22", "2024-03-23"]
    assert ds.incidents.lookup("crocus attack") is incident
    assert ds.incidents.search("Crocus hall")[0] is incident


def test_the_bundled_incidents_file_loads():
    """The bundled file exists and loads (it may be empty until the data are gathered)."""
    ds = cs.load()
    assert isinstance(ds.incidents, cs.Collection) and ds.incidents.kind == "incident"
    assert sorted(i["id"] for i in bundled_raw()["incidents.json"]) == sorted(ds.incidents.ids)
    for incident in ds.incidents:
        assert incident_json(incident) == incident_json(
            make_converter().structure(incident_json(incident), cs.Incident)
        )


def incident_json(incident: cs.Incident) -> Any:
    return make_converter().unstructure(incident)


@pytest.mark.parametrize("content", [[], None])
def test_an_empty_or_missing_incidents_file_loads(tmp_path: Path, content: Any):
    """``[]`` and no file at all are both an empty collection."""
    files = _files()
    known = {incident["id"] for incident in files["incidents.json"]}
    for figure in files["figures.json"]:
        figure.pop("incident", None)
    for statement in files["statements.json"]:
        statement["mentions"] = [m for m in statement.get("mentions", []) if m not in known]
    for summit in files["summits.json"]:
        summit.pop("incidents", None)
    if content is None:
        del files["incidents.json"]
    else:
        files["incidents.json"] = content
    write_raw(tmp_path, files)
    assert len(cs.load(tmp_path).incidents) == 0


def test_a_dataset_built_without_incidents_has_an_empty_collection():
    """Code written before incidents existed can still build a Dataset from its collections."""
    ds = cs.load()
    kept = {name: collection for name, collection in ds.collections() if name != "incidents"}
    built = cs.Dataset(metadata=ds.metadata, **kept)
    assert len(built.incidents) == 0 and built.incidents._dataset is built


def test_an_end_before_the_start_is_refused(tmp_path: Path):
    """The loader refuses an incident that ends before it starts, naming the field."""
    record = {**CROCUS, "start": "2024-03-22", "end": "2024-03-21"}
    problems = _problems(tmp_path, {**_files(), "incidents.json": [record]})
    assert problems == [("incidents.json", CROCUS["id"], "end")]


def test_a_partial_end_within_the_start_is_accepted():
    """``2024-03`` does not end before ``2024-03-22``: the month may hold later days."""
    incident = cs.Incident(
        id="x",
        name="X",
        event_type="armed clash",
        start=cs.PartialDate(2024, 3, 22),
        end=cs.PartialDate(2024, 3),
        citations=(cs.Citation(source="s"),),
    )
    assert incident.end == cs.PartialDate(2024, 3)


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("places", ["atlantis"], "places[0]"),
        ("countries", ["ru", "zz"], "countries[1]"),
        ("actors", ["kz"], "actors[0]"),
        ("citations", [{"source": "nowhere"}], "citations[0].source"),
    ],
)
def test_references_must_resolve(tmp_path: Path, field: str, value: Any, path: str):
    """Places, countries, actors (officials or organizations) and sources must exist."""
    record = {**CROCUS, field: value}
    files = _files()
    problems = _problems(tmp_path, {**files, "incidents.json": _with_incident(files, record)})
    assert problems == [("incidents.json", CROCUS["id"], path)]


@pytest.mark.parametrize(
    ("field", "value"),
    [("event_type", "terror"), ("plover", "ATTACK"), ("acled", "battles"), ("start", 2024)],
)
def test_bad_values_are_refused_naming_the_field(tmp_path: Path, field: str, value: Any):
    """A value outside a vocabulary (PLOVER has no ``ATTACK``) is a problem of that field."""
    problems = _problems(tmp_path, {**_files(), "incidents.json": [{**CROCUS, field: value}]})
    assert problems == [("incidents.json", CROCUS["id"], field)]


# -- what refers to incidents -----------------------------------------------------------


def _linked(tmp_path: Path) -> cs.Dataset:
    """The bundled data with the example incident, a statement, summit and figure about it."""
    files = _files()
    statement = next(
        s for s in files["statements.json"] if s["id"] == "tokayev-2024-05-16-afghanistan-focus"
    )
    statement["mentions"] = [*statement.get("mentions", []), CROCUS["id"]]
    summit = next(s for s in files["summits.json"] if s["id"] == "sc-secretaries-2024-05-16-astana")
    summit["incidents"] = [CROCUS["id"]]
    files["figures.json"].append(
        {
            "id": "crocus-death-toll",
            "description": "people killed",
            "value": 145,
            "unit": "people",
            "incident": CROCUS["id"],
            "citations": [{"source": "daryo-terrorism-risk"}],
            "disputes": [
                {
                    "field": "value",
                    "values": [
                        {"value": "133", "citations": [{"source": "daryo-terrorism-risk"}]},
                        {"value": "145", "citations": [{"source": "daryo-terrorism-risk"}]},
                    ],
                }
            ],
        }
    )
    write_raw(tmp_path, files)
    return cs.load(tmp_path)


def test_statements_summits_and_figures_refer_to_incidents(tmp_path: Path):
    """Mentions, a summit's incidents and a figure's incident resolve and can be asked for."""
    ds = _linked(tmp_path)
    mentioning = [s.id for s in ds.statements if CROCUS["id"] in s.mentions]
    assert "tokayev-2024-05-16-afghanistan-focus" in mentioning
    assert ds.statements.filter(mentions=CROCUS["id"]).ids == tuple(mentioning)
    assert ds.statements.filter(mentions="Crocus City Hall attack").ids == tuple(mentioning)
    summits = ds.summits.filter(mentions=CROCUS["id"])
    assert "sc-secretaries-2024-05-16-astana" in summits.ids
    assert summits.ids == tuple(s.id for s in ds.summits if CROCUS["id"] in s.incidents)
    figure = ds.figures.filter(incident=CROCUS["id"])
    assert "crocus-death-toll" in figure.ids
    assert all(f.incident == CROCUS["id"] for f in figure)
    assert [v.value for v in figure["crocus-death-toll"].disputes[0].values] == ["133", "145"]


def test_a_summit_or_figure_naming_an_unknown_incident_is_refused(tmp_path: Path):
    """``incidents`` of a summit and ``incident`` of a figure point to incidents only."""
    files = _files()
    files["summits.json"][0]["incidents"] = ["kz"]
    files["figures.json"][0]["incident"] = "nowhere"
    problems = _problems(tmp_path, files)
    assert ("summits.json", files["summits.json"][0]["id"], "incidents[0]") in problems
    assert ("figures.json", files["figures.json"][0]["id"], "incident") in problems


def test_timeline_puts_an_incident_before_the_meetings_of_its_day(tmp_path: Path):
    """On one day: incidents, then summits, then statements."""
    files = _files()
    files["incidents.json"] = _with_incident(
        files, {**CROCUS, "start": "2024-05-16", "countries": ["kz"]}
    )
    write_raw(tmp_path, files)
    ds = cs.load(tmp_path)
    day = [
        record
        for record in ds.timeline(since="2024-05-16", until="2024-05-16")
        if record.date == cs.PartialDate(2024, 5, 16)
    ]
    kinds = [type(record).__name__ for record in day]
    assert kinds[0] == "Incident" and kinds.index("Statement") > kinds.index("Summit")
    assert ds.timeline(event_type="attack") == (ds.incidents[CROCUS["id"]],)
    assert ds.incidents[CROCUS["id"]] in ds.timeline(mentions="kz")


def test_json_schema_accepts_the_contributors_shape_and_refuses_bad_codes():
    """The generated schema of incidents.json agrees with the loader on the example."""
    schema = cs.json_schema("incidents.json")
    jsonschema.validate([CROCUS], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**CROCUS, "plover": "ATTACK"}], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**CROCUS, "citations": []}], schema)


def test_exports_carry_incidents(tmp_path: Path):
    """JSON round-trips, and the CSV and pandas tables have the incident tables."""
    ds = _linked(tmp_path / "data")
    assert cs.load(ds.to_json(tmp_path / "json")) == ds
    directory = ds.to_csv(tmp_path / "csv")
    header = (directory / "incidents.csv").read_text("utf-8").splitlines()[0].split(",")
    assert header[:4] == ["id", "name", "event_type", "plover"]
    rows = (directory / "incident_countries.csv").read_text("utf-8").splitlines()[1:]
    assert [row for row in rows if row.startswith(f"{CROCUS['id']},")] == [f"{CROCUS['id']},0,ru"]
    descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    assert {
        "fields": ["incident"],
        "reference": {"resource": "incidents", "fields": ["id"]},
    } in figures["schema"]["foreignKeys"]
    frames = ds.to_pandas()
    assert list(frames["incidents"]["id"]) == list(ds.incidents.ids)


# -- properties against naive oracles ---------------------------------------------------


def _overlaps(start: Any, end: Any, first: dt.date, last: dt.date) -> bool:
    if start is None:
        return False
    return start.earliest <= last and (end or start).latest >= first


def incident_filters_match_a_plain_scan(ds: cs.Dataset, data: st.DataObject) -> None:
    """country, event_type and a date window select what a loop over the fields selects."""
    country = data.draw(st.sampled_from(ds.countries.ids)) if len(ds.countries) else None
    kind = data.draw(st.sampled_from(cs.IncidentType))
    since = data.draw(cst.partial_dates())
    until = data.draw(cst.partial_dates())
    if since.earliest > until.latest:  # an inverted window is an error (tested elsewhere)
        since, until = until, since
    expected = []
    for incident in ds.incidents:
        place_countries = {ds.places[p].country for p in incident.places}
        in_country = country is None or country in {*incident.countries, *place_countries}
        dated = _overlaps(incident.start, incident.end, since.earliest, until.latest)
        if in_country and incident.event_type is kind and dated:
            expected.append(incident.id)
    criteria: dict[str, Any] = {"event_type": kind.value, "since": since, "until": until}
    if country is not None:
        criteria["country"] = country
    assert list(ds.incidents.filter(**criteria).ids) == expected


def incidents_are_in_start_order_and_all_in_the_timeline(ds: cs.Dataset) -> None:
    """Incidents iterate by first day (undated last), and the timeline holds each one once."""
    dated = [i.start.earliest for i in ds.incidents if i.start is not None]
    assert dated == sorted(dated)
    undated = [i.start is None for i in ds.incidents]
    assert undated == sorted(undated)
    timeline = ds.timeline()
    in_timeline = [r.id for r in timeline if isinstance(r, cs.Incident)]
    assert sorted(in_timeline) == sorted(ds.incidents.ids)
    firsts = [r.date.earliest for r in timeline if r.date is not None]
    assert firsts == sorted(firsts)


def statements_mentioning_an_incident_match_a_plain_scan(ds: cs.Dataset) -> None:
    """``mentions=<incident id>`` finds exactly the statements whose mentions list it."""
    for incident in ds.incidents:
        expected = [s.id for s in ds.statements if incident.id in s.mentions]
        assert list(ds.statements.filter(mentions=incident.id).ids) == expected


@given(cst.datasets(), st.data())
def test_incident_queries_match_plain_scans_on_generated_datasets(
    ds: cs.Dataset, data: st.DataObject
):
    """The three properties above, on each generated dataset (making a dataset costs
    far more than checking them, so one dataset serves all three)."""
    incident_filters_match_a_plain_scan(ds, data)
    incidents_are_in_start_order_and_all_in_the_timeline(ds)
    statements_mentioning_an_incident_match_a_plain_scan(ds)


@given(cst.incidents())
def test_generated_incidents_round_trip_through_both_structurers(incident: cs.Incident):
    """What the converter writes, the fast path and the converter read back the same."""
    value = json.loads(json.dumps(make_converter().unstructure(incident)))
    assert make_structurer()(cs.Incident)(copy.deepcopy(value)) == incident
    assert make_converter().structure(value, cs.Incident) == incident
    assert attrs.evolve(incident) == incident


def test_the_timeline_figure_leaves_incidents_out(tmp_path: Path):
    """``plot.timeline(ds.timeline(...))`` draws the meetings and words, skipping incidents."""
    pytest.importorskip("matplotlib")
    from ca_security.plot import timeline

    files = _files()
    files["incidents.json"] = _with_incident(
        files, {**CROCUS, "start": "2024-05-16", "countries": ["kz"]}
    )
    write_raw(tmp_path / "data", files)
    ds = cs.load(tmp_path / "data")
    records = ds.timeline(since="2024-05-16", until="2024-05-16")
    assert any(isinstance(r, cs.Incident) for r in records)
    out = timeline(records, tmp_path / "day.png", dataset=ds, width=6, height=3, dpi=40)
    assert out.read_bytes()[1:4] == b"PNG"
