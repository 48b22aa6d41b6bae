"""The shortcuts that make queries fast give the answers of the plain rules they stand for.

Private imports: the query shortcuts (indexes, the id lookup, records_at, name_key) are
internal; the module checks them against scans.
"""

from __future__ import annotations

import enum

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security
from ca_security import PartialDate
from ca_security._dataset.collection import Collection, records_at
from ca_security._model.names import name_key
from ca_security._query.criteria import SPECS, Choice, Ref
from ca_security._query.filtering import _by_one_id, scan
from ca_security._query.indexes import date_index


@attrs.frozen
class _Dated:
    id: str
    span: tuple[int, int] | None


# Span lengths around the tiers' limits (a day, a month, a year) and beyond.
_LENGTHS = st.sampled_from([0, 1, 27, 30, 31, 364, 365, 366, 400, 1000]) | st.integers(0, 2000)


@st.composite
def _spans(draw: st.DrawFn) -> tuple[int, int] | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    first = draw(st.integers(700_000, 703_000))
    return (first, first + draw(_LENGTHS))


@given(
    data=st.data(), spans=st.lists(_spans(), max_size=60), length=_LENGTHS, in_order=st.booleans()
)
def test_date_index_finds_exactly_the_overlapping_spans(
    data: st.DataObject, spans: list[tuple[int, int] | None], length: int, in_order: bool
) -> None:
    if in_order:  # as statements and summits are: by first day, undated last
        spans = sorted(spans, key=lambda span: (span is None, span and span[0]))
    # Windows often start or end on a record's first or last day, where an off-by-one would show.
    edges = [day for span in spans if span is not None for day in span]
    first = data.draw(
        st.integers(699_000, 704_000)
        | (
            st.sampled_from(edges).flatmap(lambda day: st.sampled_from([day - 1, day, day + 1]))
            if edges
            else st.nothing()
        )
    )
    records = [_Dated(id=f"r-{n}", span=span) for n, span in enumerate(spans)]
    index = date_index(Collection(records, kind="dated"), "span", lambda record: record.span)
    last = first + length
    expected = [
        position
        for position, span in enumerate(spans)
        if span is not None and span[0] <= last and span[1] >= first
    ]
    assert index.overlapping(first, last) == expected
    assert index.count(first, last) >= len(expected)
    split = index.split(first, last)
    if in_order:
        assert split is not None
        before, inside = split
        assert [*before, *inside] == expected
        assert index.run(inside) == tuple(inside)
        assert index.started_inside(first, last) == inside
        reach = index.may_reach(first)
        assert all(spans[p] is None or spans[p][1] < first for p in range(reach))  # type: ignore[index]
        assert all(spans[p] is not None and spans[p][0] < first for p in before)  # type: ignore[index]
    elif split is not None:  # drawn in order by chance
        assert [*split[0], *split[1]] == expected


@pytest.mark.parametrize(
    ("spans", "in_order"),
    [
        ([(1, 1), (1, 30), (5, 5), None, None], True),
        ([], True),
        ([None, (1, 1)], False),
        ([(5, 5), (1, 1)], False),
    ],
)
def test_date_index_knows_whether_the_collection_is_in_order_of_first_day(
    spans: list[tuple[int, int] | None], in_order: bool
) -> None:
    records = [_Dated(id=f"r-{n}", span=span) for n, span in enumerate(spans)]
    index = date_index(Collection(records, kind="dated"), "span", lambda record: record.span)
    assert (index.starts is not None) is in_order
    dated = sum(span is not None for span in spans)
    assert index.ordered == (tuple(range(dated)) if in_order else ())


def test_date_index_takes_records_that_touch_the_window_s_first_or_last_day() -> None:
    records = [
        _Dated(id="a", span=(10, 10)),
        _Dated(id="b", span=(12, 500)),
        _Dated(id="c", span=(9, 9)),
    ]
    index = date_index(Collection(records, kind="dated"), "span", lambda record: record.span)
    assert index.overlapping(10, 12) == [0, 1]


@given(st.lists(st.integers(0, 9), max_size=40).map(lambda items: tuple(sorted(set(items)))))
def test_records_at_gathers_the_records_at_each_position(positions: tuple[int, ...]) -> None:
    records = tuple(f"record-{n}" for n in range(10))
    assert records_at(records, positions) == tuple(records[p] for p in positions)


def test_records_at_gives_tuples_for_no_one_and_many_positions() -> None:
    records = ("a", "b", "c")
    assert records_at(records, ()) == ()
    assert records_at(records, (1,)) == ("b",)
    assert records_at(records, (0, 2)) == ("a", "c")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("May 2024", PartialDate(2024, 5)), (" 16 May 2024", PartialDate(2024, 5, 16))],
)
def test_a_date_text_asked_again_gives_the_same_answer(text: str, expected: PartialDate) -> None:
    first = PartialDate.parse(text)
    assert first == expected
    assert PartialDate.parse(text) is first  # kept, not read again


def test_a_long_date_text_is_read_but_not_kept() -> None:
    text = "May 2024" + " " * 80
    first = PartialDate.parse(text)
    assert first == PartialDate(2024, 5)
    assert PartialDate.parse(text) is not first


@pytest.mark.parametrize("text", ["no date here", "May"])
def test_a_text_that_is_no_date_is_refused_every_time(text: str) -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match=r"date|year"):
            PartialDate.parse(text)


def test_a_subclass_gets_its_own_type_from_parse() -> None:
    class Day(PartialDate):
        pass

    found = Day.parse("May 2024")
    assert type(found) is Day
    assert (found.year, found.month, found.day) == (2024, 5, None)


@pytest.mark.parametrize("kind", ["statements", "summits", "figures", "sources", "initiatives"])
@pytest.mark.parametrize(
    "window",
    [("2024-05", "2024-05"), ("2024-05-16", "2024-05-16"), ("2019", "2023"), ("2024", None)],
)
def test_date_windows_of_every_dated_kind_equal_a_linear_scan(
    kind: str, window: tuple[str, str | None]
) -> None:
    """In first-day order (statements, summits) or not (the others, by id), same answer."""
    collection = getattr(ca_security.load(), kind)
    since, until = window
    criteria = {"since": since} if until is None else {"since": since, "until": until}
    answer = collection.filter(**criteria)
    assert answer.ids == scan(collection, criteria).ids
    assert list(answer) == [collection[record_id] for record_id in answer.ids]


def _reference_criteria() -> list[tuple[str, str]]:
    return [
        (spec.collection, name)
        for spec in SPECS.values()
        for name, criterion in spec.criteria.items()
        if isinstance(criterion, Ref)
    ]


@pytest.mark.parametrize(("kind", "name"), _reference_criteria())
def test_one_id_is_answered_from_its_key_index_as_a_scan_answers_it(kind: str, name: str) -> None:
    """Every id of every kind a reference criterion takes, on the bundled data."""
    ds = ca_security.load()
    collection = getattr(ds, kind)
    (targets,) = (spec.criteria[name].targets for spec in SPECS.values() if spec.collection == kind)
    ids = [record_id for target in targets for record_id in getattr(ds, target).ids]
    if not ids:  # incidents.json ships empty until the data are gathered
        pytest.skip(f"no bundled {' or '.join(targets)} to ask for")
    for record_id in ids:
        answer = _by_one_id(collection, name, record_id)
        assert answer is not None
        expected = scan(collection, {name: record_id})
        assert answer == expected
        assert answer._positions == expected._positions  # later filters chain from them
        assert answer == collection.filter(**{name: record_id})


def test_the_one_id_shortcut_leaves_every_other_value_to_the_general_path() -> None:
    ds = ca_security.load()
    statements = ds.statements
    tokayev = ds.officials["kassym-jomart-tokayev"]
    for name, value in [
        ("speaker", "Tokayev"),  # a name
        ("speaker", tokayev),  # a record
        ("speaker", ["kassym-jomart-tokayev"]),  # a list
        ("speaker", "no-such-official"),  # no record: the general path reports it
        ("kind", "written"),  # not a reference
        ("text", "kassym-jomart-tokayev"),
        ("no_such_criterion", "kassym-jomart-tokayev"),
    ]:
        assert _by_one_id(statements, name, value) is None
    answer = statements.filter(speaker="kassym-jomart-tokayev")
    assert answer == statements.filter(speaker=tokayev) == statements.filter(speaker="Tokayev")
    assert len(answer) > 0


@pytest.mark.parametrize("kind", ["statements", "summits"])
@pytest.mark.parametrize(
    "window",
    [
        ("2024-05", "2024-05"),
        ("2024-05-16", "2024-05-16"),
        ("2024-05-10", "2024-08"),
        ("2022", None),
    ],
)
def test_a_date_window_narrows_other_criteria_s_candidates_as_a_scan_would(
    kind: str, window: tuple[str, str | None]
) -> None:
    """Every reference key of every criterion, with a window: bisected, not tested one by one."""
    ds = ca_security.load()
    collection = getattr(ds, kind)
    since, until = window
    dates = {"since": since} if until is None else {"since": since, "until": until}
    asked = 0
    for name in ("speaker", "topic", "summit", "participant", "place", "mentions"):
        criterion = SPECS[collection.kind].criteria.get(name)
        if not isinstance(criterion, Ref):
            continue
        for target in criterion.targets:
            for record_id in getattr(ds, target).ids:
                criteria = {name: record_id, **dates}
                expected = scan(collection, criteria)
                assert collection.filter(**criteria) == expected
                asked += len(expected)
    assert asked > 0


class _Shade(enum.Enum):
    """Names unlike their values, and a value equal to another member's name."""

    RED = "rouge"
    DARK_RED = "bordeaux"
    ROUGE = "crimson"


_VOCABULARIES = {
    criterion.vocabulary
    for spec in SPECS.values()
    for criterion in spec.criteria.values()
    if isinstance(criterion, Choice)
}
_CHOICES = [_Shade, *sorted(_VOCABULARIES, key=lambda vocabulary: vocabulary.__name__)]


def _plain_choice(vocabulary: type[enum.Enum], value: str) -> object:
    """The rule the table stands for: the first member whose value or name folds to the text."""
    wanted = name_key(value)
    for member in vocabulary:
        if wanted in (name_key(member.value), name_key(member.name)):
            return member.value
    return None


@given(data=st.data(), vocabulary=st.sampled_from(_CHOICES))
def test_a_vocabulary_value_is_read_as_the_plain_rule_reads_it(
    data: st.DataObject, vocabulary: type[enum.Enum]
) -> None:
    spelled = [text for member in vocabulary for text in (member.value, member.name)]
    text = data.draw(
        st.sampled_from(spelled).flatmap(
            lambda text: st.sampled_from([text, text.upper(), text.lower(), f" {text}_"])
        )
        | st.text(max_size=12)
    )
    expected = _plain_choice(vocabulary, text)
    choice = Choice(vocabulary, lambda ds, record: ())
    if expected is None:
        with pytest.raises(ValueError, match="is not one of"):
            choice.resolve(text)
    else:
        assert choice.resolve(text) == frozenset({expected})
