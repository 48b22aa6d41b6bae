"""The officials of a dataset: a :class:`~ca_security.Collection` that knows posts.

The answers and the rule behind them live in :mod:`._holding`, imported on the
first question (a dataset needs this class, not the rule, to be built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._model.people import Official
from .collection import Collection

if TYPE_CHECKING:
    from .._model.dates import DateLike
    from .._query.holding import Holders, Term

__all__ = ["Officials"]


class Officials(Collection[Official]):
    """The officials of a dataset, as a :class:`~ca_security.Collection` that knows posts.

    Besides the collection's methods it answers who held a post on a date
    (:meth:`holding`) and who held it over time (:meth:`succession`).
    """

    __slots__ = ()

    def holding(self, *, post: Any = None, country: Any = None, on: DateLike | int) -> Holders:
        """Who held the matching posts on a date, split into certain and possible holders.

        The rule is stated in :doc:`/dates` ("Tenures: certain and possible
        holders"): the person is a *certain* holder only where a cited date
        of the tenure (start, end or an attested day) lies within the date
        asked about, or two of them lie around it; a *possible* one where the
        known dates allow it but do not prove it. A tenure with no recorded
        end is not known to have ended: after its last known date its holder
        is possible, never certain. A person whose tenure certainly excludes
        the date is never returned. Each certain :class:`Holding` carries the
        citations that prove it.

        Args:
            post: A post id, record, label or alias (or a list); every post when omitted.
            country: Only posts of this country (id, record or name).
            on: The date: a :class:`datetime.date`, a :class:`~ca_security.PartialDate`
                or a string such as ``"2024-05-16"`` or ``"May 2024"``; a partial
                date asks about any day within it.

        Returns:
            The holders, each list ordered by the tenure's first known day, then official id.

        Raises:
            RecordNotFoundError: for a post or country that matches nothing.

        """
        from .._query.holding import holding

        return holding(self, post=post, country=country, on=on)

    def succession(self, *, post: Any = None, country: Any = None) -> tuple[Term, ...]:
        """Everyone who held the matching posts, in order of their tenure's first known day.

        Tenures without any known date come last; ties go by official id.

        Args:
            post: A post id, record, label or alias (or a list); every post when omitted.
            country: Only posts of this country (id, record or name).

        Raises:
            RecordNotFoundError: for a post or country that matches nothing.

        """
        from .._query.holding import succession

        return succession(self, post=post, country=country)
