"""Records and ids by name for people: ``Kassym-Jomart Tokayev [kassym-jomart-tokayev]``.

The texts are exact (for JSON too); what prints them for people escapes them.
"""

from __future__ import annotations

from typing import Any

from .._model.kinds import kind_of_type
from .._model.provenance import Citation
from .text import words

__all__ = ["citation_line", "label", "name", "name_of_record", "participant_line"]


def name_of_record(record: Any) -> str:
    """A record's display name (its first name or title), or its id."""
    from .._query.lookup import display_name

    kind = kind_of_type(type(record))
    if kind is None:
        return str(record.id)
    if kind.noun == "source":
        return str(record.title or record.publisher or record.id)
    return display_name(kind.noun, record)


def name(ds: Any, record_id: str | None) -> str:
    """The display name of the record with this id; the id itself when none has it."""
    if record_id is None:
        return ""
    record = ds.get(record_id)
    return words(record_id if record is None else name_of_record(record))


def label(ds: Any, record_id: str | None) -> str:
    """``Name [id]``, or the bare id when it is the name or no record has it."""
    if record_id is None:
        return ""
    shown = name(ds, record_id)
    return shown if shown == words(record_id) else f"{shown} [{words(record_id)}]"


def participant_line(ds: Any, part: Any) -> str:
    """A participation as ``name — role (country)``."""
    who = part.person or part.organization or part.country
    line = label(ds, who) if who is not None else words(part.title) or "(unnamed)"
    line += f" — {words(part.role)}"
    extras = []
    if part.country is not None and part.country != who:
        extras.append(name(ds, part.country))
    if part.on_behalf_of is not None and part.on_behalf_of not in (who, part.country):
        extras.append(f"for {name(ds, part.on_behalf_of)}")
    if part.title is not None and who is not None:
        extras.append(words(part.title))
    return line + (f" ({', '.join(extras)})" if extras else "")


def citation_line(ds: Any, citation: Citation) -> str:
    """A citation as ``publisher, date: excerpt`` with how the source renders it."""
    source = ds.sources.get(citation.source)
    who = words(source.publisher or source.title) if source is not None else ""
    who = who or words(citation.source)
    when = words(source.published) if source is not None and source.published else "n.d."
    line = f"{who}, {when}"
    said = citation.excerpt if citation.excerpt is not None else citation.note
    if said is not None:
        line += f": {' '.join(said.split())}"
    if citation.rendering is not None:
        line += f" ({words(citation.rendering)})"
    return f"{line} [{words(citation.source)}]"
