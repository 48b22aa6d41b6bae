"""Dataset-level rules: unique ids, references that resolve, dates that agree."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import attrs

from ._errors import Problem
from ._initiatives import Initiative, Signature, StatusChange
from ._kinds import KINDS
from ._partial_date import PartialDate
from ._people import Official, Post, Tenure
from ._provenance import Citation, Source
from ._statements import Figure, Statement
from ._summits import Participation, Summit
from ._vocabulary import Organization, Place, Topic

__all__ = ["validate"]

_ANY = "any record"

#: For each record type, which kinds each reference field may point to.
REFERENCES: dict[type, dict[str, tuple[str, ...]]] = {
    Citation: {"source": ("sources",)},
    Source: {"origin": ("organizations",)},
    Place: {"country": ("countries",)},
    Organization: {"country": ("countries",), "parent": ("organizations",)},
    Topic: {"parent": ("topics",)},
    Post: {"organization": ("organizations",), "country": ("countries",)},
    Tenure: {"post": ("posts",)},
    Official: {"country": ("countries",)},
    Participation: {
        "person": ("officials",),
        "country": ("countries",),
        "organization": ("organizations",),
        "on_behalf_of": ("officials", "countries", "organizations"),
    },
    Summit: {
        "series": ("series",),
        "place": ("places",),
        "host_country": ("countries",),
        "documents": ("initiatives",),
        "topics": ("topics",),
    },
    Statement: {
        "speaker": ("officials",),
        "summit": ("summits",),
        "topics": ("topics",),
        "mentions": (_ANY,),
        "document": ("initiatives",),
    },
    Figure: {
        "speaker": ("officials",),
        "statement": ("statements",),
        "countries": ("countries",),
        "topics": ("topics",),
    },
    Initiative: {"proposer": ("officials",)},
    StatusChange: {"summit": ("summits",)},
    Signature: {"party": ("countries", "organizations"), "signatory": ("officials",)},
}

_NOUNS = {**{kind.name: kind.noun for kind in KINDS}, _ANY: "record"}


@attrs.frozen
class _Context:
    """What the rules look records up in, built once per validation."""

    ids: dict[str, set[str]]
    summits: dict[str, Summit]
    sources: dict[str, Source]
    topic_parents: dict[str, str | None]


def validate(records: dict[str, tuple[Any, ...]]) -> list[Problem]:
    """Every cross-record problem in ``records`` (kind name -> records), in file order."""
    context = _Context(
        ids={kind.name: {record.id for record in records.get(kind.name, ())} for kind in KINDS},
        summits={s.id: s for s in records.get("summits", ())},
        sources={s.id: s for s in records.get("sources", ())},
        topic_parents={t.id: t.parent for t in records.get("topics", ())},
    )
    problems = list(_duplicate_ids(records))
    for kind in KINDS:
        for record in records.get(kind.name, ()):
            for field, message in _record_problems(record, context):
                problems.append(
                    Problem(file=kind.file, record=record.id, field=field, message=message)
                )
    return problems


def _duplicate_ids(records: dict[str, tuple[Any, ...]]) -> Iterator[Problem]:
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


def _record_problems(record: Any, context: _Context) -> Iterator[tuple[str, str]]:
    yield from _reference_problems(record, "", context.ids)
    if isinstance(record, Topic):
        yield from _topic_cycle(record, context)
    if isinstance(record, Statement):
        yield from _statement_dates(record, context)


def _reference_problems(
    value: Any, path: str, ids: dict[str, set[str]]
) -> Iterator[tuple[str, str]]:
    for name, targets in _field_plan(type(value)):
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


def _unknown(targets: tuple[str, ...], ref: object) -> str:
    return f"unknown {' or '.join(_NOUNS.get(t, t) for t in targets)} {ref!r}"


_PLANS: dict[type, tuple[tuple[str, tuple[str, ...] | None], ...]] = {}


def _field_plan(record_type: type) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """The fields of a record type worth visiting, computed once per type.

    References come with their targets; fields that may hold nested records
    come with ``None``; plain values (strings, numbers, dates) are skipped.
    """
    plan = _PLANS.get(record_type)
    if plan is None:
        rules = REFERENCES.get(record_type, {})
        hints = typing.get_type_hints(record_type)
        plan = tuple(
            (field.name, rules.get(field.name))
            for field in attrs.fields(record_type)
            if field.name in rules or _may_nest(hints[field.name])
        )
        _PLANS[record_type] = plan
    return plan


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
        names = [kind.name for kind in KINDS] if _ANY in targets else list(targets)
        known = ids[key] = set().union(*(ids.get(name, set()) for name in names))
    return known


def _topic_cycle(topic: Topic, context: _Context) -> Iterator[tuple[str, str]]:
    parents = context.topic_parents
    seen = {topic.id}
    current = topic.parent
    while current is not None:
        if current in seen:
            yield "parent", f"topic hierarchy has a cycle through {current!r}"
            return
        seen.add(current)
        current = parents.get(current)


def _statement_dates(statement: Statement, context: _Context) -> Iterator[tuple[str, str]]:
    if statement.date is None:
        return
    summit = context.summits.get(statement.summit) if statement.summit else None
    if summit is not None and summit.start is not None:
        first = summit.start.earliest
        last = (summit.end or summit.start).latest
        if statement.date.latest < first or statement.date.earliest > last:
            yield (
                "date",
                (
                    f"statement dated {statement.date} lies outside its summit "
                    f"{summit.id!r} ({summit.start}..{summit.end or summit.start})"
                ),
            )
    for position, citation in enumerate(statement.citations):
        source = context.sources.get(citation.source)
        if (
            source is not None
            and source.published is not None
            and statement.date.earliest > source.published.latest
        ):
            yield (
                f"citations[{position}].source",
                (
                    f"statement dated {statement.date} is after the publication "
                    f"({source.published}) of source {source.id!r} that reports it"
                ),
            )
