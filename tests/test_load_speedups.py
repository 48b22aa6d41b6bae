"""The shortcuts that make loading fast give the answers of the plain rules they stand for.

Private imports: the load-time shortcuts (consistency checks, day_rank) are internal;
each is checked against a plain rule written here.
"""

from __future__ import annotations

import gc
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import ca_security
from ca_security import Citation, Metadata, PartialDate, Problem, Source, Statement
from ca_security._load.consistency import (
    _all_resolve,
    _Context,
    _context_of,
    _record_problems,
    _reference_problems,
    validate,
)
from ca_security._model.kinds import KINDS, day_rank
from ca_security.testing import strategies as cst
from helpers import bundled_raw, write_raw

# -- canonical order ------------------------------------------------------------------


def _reference_order(date: PartialDate | None, record_id: str) -> tuple[Any, ...]:
    """The order as documented: first day, then the coarser date, then id; undated last."""
    if date is None:
        return (1, None, "", record_id)
    return (0, date.earliest, date.isoformat(), record_id)


@given(st.lists(st.tuples(st.none() | cst.partial_dates(1, 9999), cst.ids()), max_size=30))
def test_the_order_key_sorts_as_the_documented_order(items: list[tuple[Any, str]]) -> None:
    by_key = sorted(items, key=lambda item: (day_rank(item[0]), item[1]))
    assert by_key == sorted(items, key=lambda item: _reference_order(*item))


@given(st.lists(st.tuples(st.none() | cst.partial_dates(1, 9999), cst.ids()), max_size=30))
def test_a_kind_sorts_its_records_in_the_documented_order(items: list[tuple[Any, str]]) -> None:
    """``Kind.sort`` (two sorts, by id then by rank) gives the documented order."""
    records = [
        Statement(
            id=record_id,
            speaker="x",
            date=date,
            kind="paraphrase",
            text="t",
            citations=(Citation(source="s"),),
        )
        for date, record_id in items
    ]
    (statements,) = [kind for kind in KINDS if kind.name == "statements"]
    expected = sorted(records, key=lambda record: _reference_order(record.date, record.id))
    assert statements.sort(records) == expected
    (topics,) = [kind for kind in KINDS if kind.name == "topics"]
    assert [record.id for record in topics.sort(records)] == sorted(r.id for r in records)


def test_the_order_key_puts_years_before_months_before_days_then_undated() -> None:
    dates = [
        None,
        PartialDate(2024, 1, 1),
        PartialDate(2024, 1),
        PartialDate(2024),
        PartialDate(9999),
    ]
    ordered = sorted(dates, key=day_rank)
    assert ordered == [
        PartialDate(2024),
        PartialDate(2024, 1),
        PartialDate(2024, 1, 1),
        PartialDate(9999),
        None,
    ]


# -- references: the yes/no check agrees with the detailed one ----------------------------


def _context(records: dict[str, tuple[Any, ...]]) -> _Context:
    return _Context(
        ids={kind.name: {r.id for r in records.get(kind.name, ())} for kind in KINDS},
        summits={},
        sources={},
        cycles={},
        summit_days={},
        published_by={},
    )


def _break(records: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """``records`` with, maybe, one statement's reference or date broken."""
    broken = dict(records)
    if not records["statements"]:
        return broken
    statement = records["statements"][0]
    unknown = data.draw(st.sampled_from(["nowhere", statement.id]))
    change = data.draw(
        st.sampled_from(["none", "citation", "speaker", "topics", "date", "duplicate"])
    )
    if change == "citation":
        bad = attrs.evolve(statement.citations[0], source=unknown)
        statement = attrs.evolve(statement, citations=(bad, *statement.citations[1:]))
    elif change == "speaker":
        statement = attrs.evolve(statement, speaker=unknown)
    elif change == "topics":
        statement = attrs.evolve(statement, topics=(*statement.topics, unknown))
    elif change == "date":
        date = data.draw(st.sampled_from([PartialDate(1000), PartialDate(9999, 12)]))
        statement = attrs.evolve(statement, date=date)
        if data.draw(st.booleans()):  # a source of it is dated, so a late date breaks a rule
            cited = statement.citations[0].source
            broken["sources"] = tuple(
                attrs.evolve(source, published=PartialDate(2000)) if source.id == cited else source
                for source in records["sources"]
            )
    if change == "duplicate":
        taken = [record.id for kind in KINDS for record in records[kind.name]]
        statement = attrs.evolve(statement, id=data.draw(st.sampled_from(taken)))
    broken["statements"] = (statement, *records["statements"][1:])
    return broken


def quick_reference_check_agrees_with_the_detailed_one(broken: dict[str, Any]) -> None:
    """On valid data and on data with one reference broken, the bulk check of
    a kind says yes exactly when the detailed walk finds no problem in it."""
    context = _context(broken)
    for kind in KINDS:
        every_one_resolves = True
        for record in broken[kind.name]:
            detailed = list(_reference_problems(record, "", context.ids))
            every_one_resolves &= detailed == []
        assert _all_resolve(broken[kind.name], context) is every_one_resolves


def validation_finds_what_checking_every_rule_on_every_record_finds(
    broken: dict[str, Any],
) -> None:
    """The shortcuts of ``validate`` (the bulk reference check, the date prefilter)
    report exactly the problems of the plain walk over every record."""
    context = _context_of(broken)
    plain = []
    seen: dict[str, str] = {}
    for kind in KINDS:
        for record in broken[kind.name]:
            if record.id in seen:
                message = f"duplicate id (already used in {seen[record.id]})"
                plain.append(Problem(file=kind.file, record=record.id, field="id", message=message))
            seen.setdefault(record.id, kind.file)
    for kind in KINDS:
        for record in broken[kind.name]:
            for field, message in _record_problems(record, context):
                plain.append(
                    Problem(file=kind.file, record=record.id, field=field, message=message)
                )
    assert validate(broken) == plain


@given(cst.dataset_records(), st.data())
def test_the_shortcuts_agree_with_the_plain_checks_on_generated_data(
    pair: tuple[Metadata, dict[str, Any]], data: st.DataObject
) -> None:
    """Both properties above, on each generated dataset with at most one thing broken
    (making a dataset costs far more than checking it, so one serves both)."""
    broken = _break(pair[1], data)
    quick_reference_check_agrees_with_the_detailed_one(broken)
    validation_finds_what_checking_every_rule_on_every_record_finds(broken)


def test_the_bulk_reference_check_takes_mixed_types_and_plain_values() -> None:
    """Records of several types in one list are checked type by type; other values are skipped."""
    records = {
        "sources": (Source(id="wire"),),
        "officials": (),
    }
    context = _context_of(records)
    good = Citation(source="wire")
    statement = Statement(id="s", speaker="nobody", kind="paraphrase", text="t", citations=(good,))
    assert _all_resolve([good, "text", 5, None], context)
    assert not _all_resolve([good, statement], context)  # the statement's speaker is unknown
    assert not _all_resolve([good, Citation(source="elsewhere")], context)


def test_an_unknown_citation_source_is_still_reported_with_its_path() -> None:
    ds = ca_security.load()
    statement = ds.statements[ds.statements.ids[0]]
    unknown = attrs.evolve(statement.citations[0], source="no-such-source")
    bad = attrs.evolve(statement, citations=(unknown,))
    records = {name: tuple(collection) for name, collection in ds.collections()}
    records["statements"] = (bad, *records["statements"][1:])
    problems = validate(records)
    assert [(p.record, p.field) for p in problems] == [(statement.id, "citations[0].source")]
    assert "unknown source 'no-such-source'" in problems[0].message


# -- the garbage collector around a load ------------------------------------------------


def test_a_load_leaves_the_collector_as_it_found_it_and_its_records_in_the_oldest_generation(
    tmp_path: Any, monkeypatch: Any
) -> None:
    """A load large enough to pause the collector (the threshold lowered here)."""
    from ca_security._load import reading

    monkeypatch.setattr(reading, "_PAUSE_AT", 0)
    ds = ca_security.load(_bundled_copy(tmp_path))
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert id(ds.statements[ds.statements.ids[0]]) in oldest


def test_a_load_with_the_collector_disabled_leaves_it_disabled(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from ca_security._load import reading

    monkeypatch.setattr(reading, "_PAUSE_AT", 0)
    directory = _bundled_copy(tmp_path)
    gc.disable()
    try:
        ca_security.load(directory)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_the_caller_froze_stay_frozen(tmp_path: Any, monkeypatch: Any) -> None:
    """A load neither unfreezes what the caller froze nor freezes anything of its own."""
    from ca_security._load import reading

    monkeypatch.setattr(reading, "_PAUSE_AT", 0)
    directory = _bundled_copy(tmp_path)
    sentinel = [object()]  # a container the collector tracks
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        ds = ca_security.load(directory)
        assert not any(obj is sentinel for obj in gc.get_objects())  # still frozen
        assert gc.get_freeze_count() <= frozen  # the load froze nothing of its own
        assert any(obj is ds.statements for obj in gc.get_objects())
    finally:
        gc.unfreeze()


def _bundled_copy(tmp_path: Any) -> Any:
    write_raw(tmp_path, bundled_raw())
    return tmp_path
