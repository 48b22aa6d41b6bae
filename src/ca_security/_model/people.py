"""People and the posts they hold."""

from __future__ import annotations

from typing import Any

import attrs

from .dates import PartialDate
from .display import Described
from .provenance import Citation, Dispute
from .rules import (
    end_date,
    id_field,
    optional,
    optional_ref,
    optional_text,
    records,
    ref,
    text,
    text_tuple,
)

__all__ = ["Official", "Post", "Tenure"]


@attrs.frozen(kw_only=True, repr=False)
class Post(Described):
    """An office that one person holds at a time, e.g. Secretary of the Security Council of Tajikistan.

    Attributes:
        id: Stable slug, e.g. ``"tj-security-council-secretary"``.
        name: The English name of the office.
        organization: Id of the :class:`~ca_security.Organization` the post belongs to.
        country: Id of the :class:`~ca_security.Country`.
        aliases: Other styles of the same office.
        citations: Sources that name the post.

    """

    id: str = id_field()
    name: str = text()
    organization: str | None = optional_ref("organizations")
    country: str | None = optional_ref("countries")
    aliases: tuple[str, ...] = text_tuple()
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    def _described(self) -> list[tuple[str, Any]]:
        return [("name", self.name), ("country", self.country)]


@attrs.frozen(kw_only=True, repr=False)
class Tenure(Described):
    """A person's time in a post.

    Unknown bounds are ``None``; a bound known only to the year or month is a
    :class:`~ca_security.PartialDate` of that precision. :attr:`attested` lists
    dates on which a source shows the person in the post: they are the dates
    on which the person certainly held it even where start or end are unknown.

    Attributes:
        post: Id of the :class:`Post`.
        title: The title as the sources style it, where it differs from the post's label.
        start: First day in the post, at the precision known.
        end: Last day in the post; ``None`` if still in post or unknown.
        attested: Dates on which a source shows the person in the post.
        citations: Sources for the tenure.
        disputes: Values the sources disagree on (e.g. two start dates).
        notes: What is known beyond the fields (e.g. a window for an unknown start).

    """

    post: str = ref("posts")
    title: str | None = optional_text()
    start: PartialDate | None = optional(PartialDate)
    end: PartialDate | None = end_date(PartialDate, "tenure")
    attested: tuple[PartialDate, ...] = records(PartialDate)
    citations: tuple[Citation, ...] = records(Citation, min_items=1)
    disputes: tuple[Dispute, ...] = records(Dispute)
    notes: str | None = optional_text()

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("post", self.post),
            ("start", self.start),
            ("end", self.end),
            ("attested", self.attested),
        ]


@attrs.frozen(kw_only=True, repr=False)
class Official(Described):
    """A person the sources name: an office holder, or someone who holds no office (an analyst).

    Attributes:
        id: Stable slug, e.g. ``"kassym-jomart-tokayev"``.
        name: The name in its most common English spelling.
        aliases: Every other spelling seen in the sources (transliterations,
            Cyrillic, full forms); look-ups find the person by any of them.
        country: Id of the person's :class:`~ca_security.Country`, if known.
        description: Who the person is when no post says it (e.g. an analyst's affiliation).
        tenures: The posts held, each with its dates.
        citations: Sources that name the person.

    """

    id: str = id_field()
    name: str = text()
    aliases: tuple[str, ...] = text_tuple()
    country: str | None = optional_ref("countries")
    description: str | None = optional_text()
    tenures: tuple[Tenure, ...] = records(Tenure)
    citations: tuple[Citation, ...] = records(Citation, min_items=1)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)

    def _described(self) -> list[tuple[str, Any]]:
        return [
            ("name", self.name),
            ("country", self.country),
            ("posts", tuple(t.post for t in self.tenures)),
        ]
