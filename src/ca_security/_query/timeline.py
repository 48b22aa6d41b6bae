"""Incidents, summits and statements in one chronological sequence."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from .._model.incidents import Incident
from .._model.summits import Summit
from .criteria import SPECS

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset
    from .._model.statements import Statement

__all__ = ["timeline", "timeline_criteria"]

_KINDS = ("incidents", "summits", "statements")
_NOUNS = ("incident", "summit", "statement")


def timeline_criteria() -> tuple[str, ...]:
    """Every criterion :func:`timeline` accepts: those of incidents, summits and statements."""
    return tuple(sorted({name for noun in _NOUNS for name in SPECS[noun].valid}))


def _order(record: Any) -> tuple[Any, ...]:
    date = record.date
    rank = 0 if isinstance(record, Incident) else 1 if isinstance(record, Summit) else 2
    if date is None:
        return (_dt.date.max, 1, "", rank, record.id)
    return (date.earliest, 0, date.isoformat(), rank, record.id)


def timeline(ds: Dataset, criteria: dict[str, Any]) -> tuple[Incident | Summit | Statement, ...]:
    """See :meth:`ca_security.Dataset.timeline`."""
    valid = timeline_criteria()
    unknown = sorted(set(criteria) - set(valid))
    if unknown:
        raise TypeError(
            f"unknown timeline criteri{'a' if len(unknown) > 1 else 'on'} "
            f"{', '.join(unknown)}; valid: {', '.join(valid)}"
        )
    given = {name: value for name, value in criteria.items() if value is not None}
    found: list[Incident | Summit | Statement] = []
    for name in _KINDS:
        collection = getattr(ds, name)
        if set(given) <= set(SPECS[collection.kind].valid):
            found.extend(collection.filter(**given))
    return tuple(sorted(found, key=_order))
