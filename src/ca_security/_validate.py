"""Dataset-level rules: unique ids, references that resolve, dates that agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ._errors import Problem
from ._initiatives import Initiative, Signature, StatusChange
from ._kinds import KINDS
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
    rules = REFERENCES.get(type(value), {})
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        field_path = f"{path}{field.name}"
        if field.name in rules:
            targets = rules[field.name]
            refs = item if isinstance(item, tuple) else (item,)
            for position, ref in enumerate(refs):
                if ref is None or _resolves(ref, targets, ids):
                    continue
                where = f"{field_path}[{position}]" if isinstance(item, tuple) else field_path
                yield where, f"unknown {' or '.join(_NOUNS.get(t, t) for t in targets)} {ref!r}"
        elif isinstance(item, tuple):
            for position, element in enumerate(item):
                if attrs.has(type(element)):
                    yield from _reference_problems(element, f"{field_path}[{position}].", ids)
        elif attrs.has(type(item)):
            yield from _reference_problems(item, f"{field_path}.", ids)


def _resolves(ref: str, targets: tuple[str, ...], ids: dict[str, set[str]]) -> bool:
    if _ANY in targets:
        return any(ref in kind_ids for kind_ids in ids.values())
    return any(ref in ids[target] for target in targets)


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
