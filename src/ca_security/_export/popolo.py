"""Popolo JSON: persons, organizations, posts, memberships, events and speeches.

The mapping (see :doc:`/exports`):

- an :class:`~ca_security.Official` is a Popolo *person* (aliases as ``other_names``);
- an :class:`~ca_security.Organization` is an *organization*;
- a :class:`~ca_security.Post` is a *post*; each :class:`~ca_security.Tenure`
  is a *membership* of its holder in the post's organization;
- a :class:`~ca_security.Summit` is an *event*, its named participants its ``attendees``;
- a :class:`~ca_security.Statement` is a *speech* by its speaker at its summit.

Every object lists the web addresses of the sources it cites as ``sources``.
A statement's date is not written as the speech's ``date``: Popolo asks for a
date and time there, and no source gives the time of day; the date is kept as
the extension property ``ca_security_date`` (Popolo objects may carry others).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .._model.dates import PartialDate
from .._model.flags import require_bool

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["popolo", "to_popolo"]


def to_popolo(
    dataset: Dataset, path: str | os.PathLike[str] | None, *, overwrite: bool
) -> dict[str, list[dict[str, Any]]]:
    """The Popolo document, also written to ``path`` if given; see :meth:`Dataset.to_popolo`."""
    require_bool("overwrite", overwrite)
    document = popolo(dataset)
    if path is not None:
        from .atomic import write_text
        from .json_files import dump

        write_text(path, dump(document), overwrite=overwrite)
    return document


def popolo(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """The dataset as one Popolo JSON document; see :meth:`Dataset.to_popolo`."""
    return {
        "persons": [_person(dataset, official) for official in dataset.officials],
        "organizations": [_organization(dataset, org) for org in dataset.organizations],
        "posts": [_post(dataset, post) for post in dataset.posts],
        "memberships": [
            _membership(dataset, official, position, tenure)
            for official in dataset.officials
            for position, tenure in enumerate(official.tenures)
        ],
        "events": [_event(dataset, summit) for summit in dataset.summits],
        "speeches": [_speech(dataset, statement) for statement in dataset.statements],
    }


def _compact(value: dict[str, Any]) -> dict[str, Any]:
    """Leave out unknown values and empty lists: Popolo readers treat absent as unknown."""
    return {key: item for key, item in value.items() if item is not None and item != []}


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def _sources(dataset: Dataset, citations: Any) -> list[dict[str, str]]:
    links: list[dict[str, str]] = []
    seen: set[str] = set()
    for citation in citations:
        source = dataset.sources.get(citation.source)
        if source is None or source.url is None or source.url in seen:
            continue
        seen.add(source.url)
        note = source.title or source.publisher
        links.append(_compact({"url": source.url, "note": note}))
    return links


def _person(dataset: Dataset, official: Any) -> dict[str, Any]:
    return _compact(
        {
            "id": official.id,
            "name": official.name,
            "other_names": [{"name": alias} for alias in official.aliases],
            "summary": official.description,
            "sources": _sources(dataset, official.citations),
        }
    )


def _organization(dataset: Dataset, organization: Any) -> dict[str, Any]:
    return _compact(
        {
            "id": organization.id,
            "name": organization.name,
            "other_names": [{"name": alias} for alias in organization.aliases],
            "classification": organization.kind.value,
            "parent_id": organization.parent,
            "sources": _sources(dataset, organization.citations),
        }
    )


def _post(dataset: Dataset, post: Any) -> dict[str, Any]:
    return _compact(
        {
            "id": post.id,
            "label": post.name,
            "other_label": list(post.aliases),
            "organization_id": post.organization,
            "sources": _sources(dataset, post.citations),
        }
    )


def _membership(dataset: Dataset, official: Any, position: int, tenure: Any) -> dict[str, Any]:
    post = dataset.posts.get(tenure.post)
    return _compact(
        {
            "id": f"{official.id}--{tenure.post}--{position}",
            "label": tenure.title,
            "role": None if post is None else post.name,
            "person_id": official.id,
            "post_id": tenure.post,
            "organization_id": None if post is None else post.organization,
            "start_date": _date(tenure.start),
            "end_date": _date(tenure.end),
            "sources": _sources(dataset, tenure.citations),
        }
    )


def _event(dataset: Dataset, summit: Any) -> dict[str, Any]:
    place = dataset.places.get(summit.place) if summit.place else None
    attendees: list[dict[str, str]] = []
    for participation in summit.participants:
        official = dataset.officials.get(participation.person) if participation.person else None
        if official is not None and all(a["id"] != official.id for a in attendees):
            attendees.append({"id": official.id, "name": official.name})
    return _compact(
        {
            "id": summit.id,
            "name": summit.name,
            "classification": summit.format.value,
            "start_date": _date(summit.start),
            "end_date": _date(summit.end),
            "location": summit.place_name or (None if place is None else place.name),
            "status": summit.status.value,
            "attendees": attendees,
            "description": summit.notes,
            "sources": _sources(dataset, summit.citations),
        }
    )


def _speech(dataset: Dataset, statement: Any) -> dict[str, Any]:
    return _compact(
        {
            "id": statement.id,
            "creator_id": statement.speaker,
            "text": statement.text,
            "type": statement.kind.value,
            "event_id": statement.summit,
            "ca_security_date": _date(statement.date),
            "sources": _sources(dataset, statement.citations),
        }
    )
