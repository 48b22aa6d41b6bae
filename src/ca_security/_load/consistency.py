"""Dataset-level rules: unique ids, references that resolve, dates that agree, one utterance once."""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import operator
import typing
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._model.dates import PartialDate
from .._model.errors import Problem
from .._model.kinds import KINDS, kind_named
from .._model.provenance import Source
from .._model.rules import ANY_KIND, references
from .._model.statements import Statement
from .._model.summits import Summit
from .._model.vocabulary import Organization, Topic
from .utterances import utterance_problems

__all__ = ["validate"]

_ID = operator.attrgetter("id")


@attrs.frozen
class _Context:
    """What the rules look records up in, built once per validation."""

    ids: dict[str, set[str]]
    summits: dict[str, Summit]
    sources: dict[str, Source]
    #: Topic or organization id -> a node of the parent cycle its chain of parents runs into.
    cycles: dict[str, str]
    #: Summit id -> its first and last day, for summits with a start date.
    summit_days: dict[str, tuple[_dt.date, _dt.date]]
    #: Source id -> the last day it may have been published, for dated sources.
    published_by: dict[str, _dt.date]
    plans: dict[type, tuple[tuple[str, set[str] | None], ...]] = attrs.field(factory=dict)


def validate(records: dict[str, tuple[Any, ...]]) -> list[Problem]:
    """Every cross-record problem in ``records`` (kind name -> records), in file order."""
    context = _context_of(records)
    problems = list(_duplicate_ids(records, context.ids))
    references_resolve = all(_all_resolve(records.get(kind.name, ()), context) for kind in KINDS)
    for kind in KINDS:
        kind_records: Sequence[Any] = records.get(kind.name, ())
        if references_resolve:
            # Only the topic and date rules are left, and only their records may fail them.
            kind_records = _may_break_other_rules(kind_records, context)
        for record in kind_records:
            for field, message in _record_problems(record, context, references_resolve):
                problems.append(
                    Problem(file=kind.file, record=record.id, field=field, message=message)
                )
    problems += utterance_problems(records)
    return problems


def _context_of(records: dict[str, tuple[Any, ...]]) -> _Context:
    """What the rules look records up in."""
    summits: tuple[Summit, ...] = records.get("summits", ())
    sources: tuple[Source, ...] = records.get("sources", ())
    return _Context(
        ids={kind.name: set(map(_ID, records.get(kind.name, ()))) for kind in KINDS},
        summits={s.id: s for s in summits},
        sources={s.id: s for s in sources},
        cycles={
            **_parent_cycles({t.id: t.parent for t in records.get("topics", ())}),
            **_parent_cycles({o.id: o.parent for o in records.get("organizations", ())}),
        },
        summit_days={
            s.id: (s.start.earliest, (s.end or s.start).latest)
            for s in summits
            if s.start is not None
        },
        published_by={s.id: s.published.latest for s in sources if s.published is not None},
    )


def _duplicate_ids(
    records: dict[str, tuple[Any, ...]], ids: dict[str, set[str]]
) -> Iterator[Problem]:
    """Every id used twice; ``ids`` holds each kind's id set (under its kind name)."""
    count = sum(len(records.get(kind.name, ())) for kind in KINDS)
    if count == len(set().union(*(ids[kind.name] for kind in KINDS))):
        return  # no id is used twice: no need to find which
    seen: dict[str, str] = {}
    for kind in KINDS:
        for record in records.get(kind.name, ()):
            if record.id in seen:
                yield Problem(
                    file=kind.file,
                    record=record.id,
                    field="id",
                    message=f"duplicate id (already used in {seen[record.id]})",
                )
            else:
                seen[record.id] = kind.file


def _record_problems(
    record: Any, context: _Context, references_resolve: bool = False
) -> Iterator[tuple[str, str]]:
    if not references_resolve:
        yield from _reference_problems(record, "", context.ids)
    if isinstance(record, (Topic, Organization)) and record.id in context.cycles:
        noun = "topic" if isinstance(record, Topic) else "organization"
        through = context.cycles[record.id]
        yield "parent", f"{noun} hierarchy has a cycle through {through!r}"
    if isinstance(record, Statement):
        yield from _statement_dates(record, context)


def _reference_problems(
    value: Any, path: str, ids: dict[str, set[str]]
) -> Iterator[tuple[str, str]]:
    record_type: type = type(value)
    for name, targets in _field_plan(record_type):
        item = getattr(value, name)
        if targets is not None:
            known = _known(ids, targets)
            if isinstance(item, tuple):
                for position, ref in enumerate(item):
                    if ref not in known:
                        yield f"{path}{name}[{position}]", _unknown(targets, ref)
            elif item is not None and item not in known:
                yield f"{path}{name}", _unknown(targets, item)
        elif isinstance(item, tuple):
            for position, element in enumerate(item):
                if attrs.has(type(element)):
                    yield from _reference_problems(element, f"{path}{name}[{position}].", ids)
        elif item is not None and attrs.has(type(item)):
            yield from _reference_problems(item, f"{path}{name}.", ids)


def _all_resolve(values: Sequence[Any], context: _Context) -> bool:
    """Whether every reference in every one of ``values`` resolves.

    Each field is read from all the records of a type together, and its ids
    are checked as one set against the known ids, so the work is done in C,
    not record by record. A valid dataset needs no more; a no sends the caller
    to the detailed walk (:func:`_reference_problems`), which says where.
    """
    for record_type, group in _by_type(values).items():
        if not attrs.has(record_type):
            continue
        tuple_fields = _tuple_fields(record_type)
        for name, known in _resolved_plan(record_type, context):
            items = list(map(operator.attrgetter(name), group))
            if known is not None:
                if name in tuple_fields:
                    if not known.issuperset(itertools.chain.from_iterable(items)):
                        return False
                else:
                    ids = set(items)
                    ids.discard(None)
                    if not known.issuperset(ids):
                        return False
            elif not _all_resolve(_nested(items), context):
                return False
    return True


def _by_type(values: Sequence[Any]) -> dict[type, Sequence[Any]]:
    """``values`` grouped by exact type, in order (one group, without a copy, when all share one)."""
    types = set(map(type, values))
    if len(types) <= 1:
        return {types.pop(): values} if types else {}
    groups: dict[type, list[Any]] = {}
    for value in values:
        groups.setdefault(type(value), []).append(value)
    return dict(groups)


def _nested(items: list[Any]) -> list[Any]:
    """The values of a field that may hold records: tuples opened, ``None`` left out."""
    found: list[Any] = []
    for item in items:
        if type(item) is tuple:
            found += item
        elif item is not None:
            found.append(item)
    return found


@functools.cache
def _tuple_fields(record_type: type) -> frozenset[str]:
    """The names of a record type's tuple fields."""
    hints = typing.get_type_hints(record_type)
    return frozenset(
        field.name
        for field in attrs.fields(record_type)
        if typing.get_origin(hints[field.name]) is tuple
    )


def _may_break_other_rules(records: Sequence[Any], context: _Context) -> Sequence[Any]:
    """Those of ``records`` that may break the topic or date rules, in order.

    Every topic and organization may close a cycle. A statement may disagree with its summit's
    days or its sources' publication only when it is dated and its summit is
    dated or a source of it is; those are tested here in one loop, with the
    first and last day of each distinct date computed once, and only the
    statements that fail go on to :func:`_statement_dates` for the message.
    """
    types = set(map(type, records))
    if not any(issubclass(t, (Topic, Organization, Statement)) for t in types):
        return ()
    if any(issubclass(t, (Topic, Organization)) for t in types) or types != {Statement}:
        return records
    summit_days = context.summit_days
    published_by = context.published_by
    bounds: dict[PartialDate, tuple[_dt.date, _dt.date]] = {}
    suspects = []
    for statement in records:
        date = statement.date
        if date is None:
            continue
        known = bounds.get(date)
        if known is None:
            known = bounds[date] = (date.earliest, date.latest)
        earliest, latest = known
        days = summit_days.get(statement.summit) if statement.summit is not None else None
        if days is not None and (latest < days[0] or earliest > days[1]):
            suspects.append(statement)
            continue
        for citation in statement.citations:
            published = published_by.get(citation.source)
            if published is not None and earliest > published:
                suspects.append(statement)
                break
    return suspects


def _resolved_plan(record_type: type, context: _Context) -> tuple[tuple[str, set[str] | None], ...]:
    """:func:`_field_plan` with each reference's targets resolved to their ids, once."""
    plan = context.plans.get(record_type)
    if plan is None:
        plan = context.plans[record_type] = tuple(
            (name, None if targets is None else _known(context.ids, targets))
            for name, targets in _field_plan(record_type)
        )
    return plan


def _unknown(targets: tuple[str, ...], ref: object) -> str:
    nouns = ("record" if target == ANY_KIND else kind_named(target).noun for target in targets)
    return f"unknown {' or '.join(nouns)} {ref!r}"


@functools.cache
def _field_plan(record_type: type) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """The fields of a record type worth visiting, computed once per type.

    References come with their targets; fields that may hold nested records
    come with ``None``; plain values (strings, numbers, dates) are skipped.
    """
    rules = references(record_type)
    hints = typing.get_type_hints(record_type)
    return tuple(
        (field.name, rules.get(field.name))
        for field in attrs.fields(record_type)
        if field.name in rules or _may_nest(hints[field.name])
    )


def _may_nest(annotation: Any) -> bool:
    """Whether values of a field type may be (or contain) records other than dates."""
    if attrs.has(annotation):
        return annotation is not PartialDate
    return any(_may_nest(arg) for arg in typing.get_args(annotation))


def _known(ids: dict[str, set[str]], targets: tuple[str, ...]) -> set[str]:
    """The ids of the ``targets`` kinds, merged once per validation and kept in ``ids``."""
    key = "|".join(targets)
    known = ids.get(key)
    if known is None:
        names = [kind.name for kind in KINDS] if ANY_KIND in targets else list(targets)
        known = ids[key] = set().union(*(ids.get(name, set()) for name in names))
    return known


def _parent_cycles(parents: dict[str, str | None]) -> dict[str, str]:
    """Each id whose chain of parents runs into a cycle -> a node of that cycle.

    One walk per chain, each id settled once: linear in the number of records,
    however long the chains.
    """
    settled: dict[str, str | None] = {}  # id -> the cycle node it reaches, or None
    for start in parents:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        found: str | None = None
        while current is not None and current not in settled:
            if current in on_path:
                found = current
                break
            path.append(current)
            on_path.add(current)
            current = parents.get(current)
        else:
            found = None if current is None else settled[current]
        for node in path:
            settled[node] = found
    return {node: cycle for node, cycle in settled.items() if cycle is not None}


def _statement_dates(statement: Statement, context: _Context) -> Iterator[tuple[str, str]]:
    if statement.date is None:
        return
    earliest, latest = statement.date.earliest, statement.date.latest
    days = context.summit_days.get(statement.summit) if statement.summit else None
    if days is not None and (latest < days[0] or earliest > days[1]):
        summit = context.summits[statement.summit]  # type: ignore[index]
        yield (
            "date",
            (
                f"statement dated {statement.date} lies outside its summit "
                f"{summit.id!r} ({summit.start}..{summit.end or summit.start})"
            ),
        )
    for position, citation in enumerate(statement.citations):
        published_by = context.published_by.get(citation.source)
        if published_by is not None and earliest > published_by:
            source = context.sources[citation.source]
            yield (
                f"citations[{position}].source",
                (
                    f"statement dated {statement.date} is after the publication "
                    f"({source.published}) of source {source.id!r} that reports it"
                ),
            )
