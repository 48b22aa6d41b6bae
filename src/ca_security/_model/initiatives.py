"""Initiatives and documents: strategies, treaties, proposals, institutions, articles."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .enums import InitiativeKind, InitiativeStatus
from .provenance import Citation, Dispute
from .rules import (
    FieldValueError,
    enum_field,
    id_field,
    optional,
    optional_ref,
    optional_text,
    records,
    ref,
    text,
    text_tuple,
)

__all__ = ["Initiative", "Signature", "StatusChange"]


@attrs.frozen(kw_only=True, repr=False)
class StatusChange(Described):
    """A stage an initiative reached, and when.

    Attributes:
        status: The stage reached.
        date: When, at the precision known; ``None`` if unknown.
        summit: Id of the :class:`~ca_security.Summit` where it happened.
        name: What the document was called at that stage, where it changed
            (e.g. a "strategy" adopted as a "concept").
        citations: Sources for this stage.

    """

    status: InitiativeStatus = enum_field(InitiativeStatus)
    date: PartialDate | None = optional(PartialDate)
    summit: str | None = optional_ref("summits")
    name: str | None = optional_text()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("status", self.status), ("date", self.date), ("summit", self.summit)]


@attrs.frozen(kw_only=True, repr=False)
class Signature(Described):
    """A party's signature of a document.

    Attributes:
        party: Id of the signing :class:`~ca_security.Country` (or organization).
        signatory: Id of the :class:`~ca_security.Official` who signed, if known.
        date: When, at the precision known.
        citations: Sources for the signature.

    """

    party: str = ref("countries", "organizations")
    signatory: str | None = optional_ref("officials")
    date: PartialDate | None = optional(PartialDate)
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("party", self.party), ("signatory", self.signatory), ("date", self.date)]


def _check_history_order(
    record: Initiative, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
) -> None:
    """The stages are in date order: no dated stage lies wholly before an earlier dated one."""
    previous: StatusChange | None = None
    for position, change in enumerate(value):
        if change.date is None:
            continue
        earlier = None if previous is None else previous.date
        if earlier is not None and change.date.latest < earlier.earliest:
            raise FieldValueError(
                attribute.name,
                f"history[{position}] ({change.date}) lies before the stage above it "
                f"({earlier}): list the stages in date order",
            )
        previous = change


@attrs.frozen(kw_only=True, repr=False)
class Initiative(Described):
    """A named initiative or document: a strategy, a treaty, a proposed institution, an article.

    Attributes:
        id: Stable slug, e.g. ``"central-asia-2040"``.
        name: The English name most sources use.
        kind: What it is (as finally adopted, where that changed).
        aliases: Other names and renderings of the title.
        proposer: Id of the :class:`~ca_security.Official` who proposed or wrote it.
        history: Stages reached, in date order.
        signatures: Parties that signed, for treaties.
        citations: Sources for the initiative.
        disputes: Values the sources disagree on, e.g. the year a stage was
            reached (``field`` names it, such as ``"history[0].date"``).
        notes: What is known beyond the fields.

    """

    id: str = id_field()
    name: str = text()
    kind: InitiativeKind = enum_field(InitiativeKind, default=InitiativeKind.OTHER)
    aliases: tuple[str, ...] = text_tuple()
    proposer: str | None = optional_ref("officials")
    history: tuple[StatusChange, ...] = records(StatusChange, also=(_check_history_order,))
    signatures: tuple[Signature, ...] = records(Signature)
    citations: tuple[Citation, ...] = records(Citation, min_items=1)
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("kind", self.kind), ("proposer", self.proposer)]
