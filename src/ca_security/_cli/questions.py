"""The commands that answer questions: holding, timeline, corroboration."""

from __future__ import annotations

import argparse
from typing import Any

from .._model.statements import Statement
from .._model.summits import Summit
from .common import UsageError, emit_rows, load, message_of, print_json
from .labels import citation_line, label, name
from .text import escape, words

__all__ = ["corroboration", "corroboration_lines", "holding", "timeline"]


def _asking(call: Any, *args: Any, **kwargs: Any) -> Any:
    """``call(...)``, with a bad argument reported as a usage error in its own words."""
    try:
        return call(*args, **kwargs)
    except (TypeError, ValueError, LookupError) as error:
        raise UsageError(message_of(error)) from None


def holding(args: argparse.Namespace) -> int:
    ds = load(args)
    if args.post is None and args.country is None:
        raise UsageError("holding needs --post or --country (or both)")
    holders = _asking(ds.officials.holding, post=args.post, country=args.country, on=args.on)
    header: tuple[str, ...] = ("holder", "official", "name", "post", "start", "end", "sources")
    rows: list[tuple[Any, ...]] = [
        (
            "certain" if held.certain else "possible",
            held.official.id,
            held.official.name,
            name(ds, held.post.id),
            held.tenure.start,
            held.tenure.end,
            [citation.source for citation in held.citations],  # proof: certain ones only
        )
        for held in holders
    ]
    if args.format == "table" and not rows:
        print(f"no one is known to have held the post on {holders.on}")
        return 0
    if args.format == "table":
        rows = [(row[0], label(ds, row[1]), *row[3:6]) for row in rows]
        header = ("holder", "official", "post", "start", "end")
    emit_rows(args, header, rows)
    return 0


def timeline(args: argparse.Namespace) -> int:
    from .._query.timeline import timeline_criteria

    ds = load(args)
    criteria = {
        key: value
        for key in timeline_criteria()
        if (value := getattr(args, f"criterion_{key}", None)) is not None
    }
    records = _asking(ds.timeline, **criteria)
    header = ("date", "kind", "id", "text")
    rows = []
    for record in records:
        if isinstance(record, Summit):
            rows.append((record.date, "summit", record.id, record.name))
        elif not isinstance(record, Statement):  # an incident
            rows.append((record.date, "incident", record.id, record.name))
        else:
            rows.append(
                (record.date, "statement", record.id, f"{name(ds, record.speaker)}: {record.text}")
            )
    emit_rows(args, header, rows)
    return 0


def corroboration_lines(ds: Any, answer: Any) -> list[str]:
    """``corroboration`` as text: the statement, quoted renderings, reports, other citations, origins."""
    statement = answer.statement
    lines = [
        f"Statement [{words(statement.id)}] by {label(ds, statement.speaker)}, "
        f"{words(statement.date) or 'undated'} ({words(statement.kind)}):",
        f"  {words(statement.text)}",
    ]
    groups = (
        ("quoted (the speaker's words in quotation marks)", answer.quoted),
        ("reported (reported speech or paraphrase: credit as a report)", answer.reported),
        (
            "other renderings",
            tuple(r for r in answer.renderings if r not in answer.quoted + answer.reported),
        ),
    )
    for title, renderings in groups:
        if not renderings:
            continue
        lines.append(f"{title}: {len(renderings)}")
        for rendering in renderings:
            origin = (
                ""
                if rendering.origin == rendering.source.id
                else f"; origin {name(ds, rendering.origin)}"
            )
            lines.append(f"  - {citation_line(ds, rendering.citation)}{origin}")
    origins = ", ".join(name(ds, origin) for origin in answer.origins)
    lines.append(f"independent origins: {answer.independent} ({origins})")
    return [escape(line) for line in lines]


def corroboration(args: argparse.Namespace) -> int:
    ds = load(args)
    answer = ds.corroboration(args.statement)
    if args.format == "json":
        print_json(
            {
                "statement": answer.statement.id,
                "speaker": answer.statement.speaker,
                "text": answer.statement.text,
                "independent": answer.independent,
                "origins": list(answer.origins),
                "renderings": [
                    {
                        "source": r.source.id,
                        "publisher": r.source.publisher,
                        "published": None
                        if r.source.published is None
                        else r.source.published.isoformat(),
                        "rendering": None if r.kind is None else r.kind.value,
                        "origin": r.origin,
                        "text": r.text,
                    }
                    for r in answer.renderings
                ],
            }
        )
    else:
        print("\n".join(corroboration_lines(ds, answer)))
    return 0
