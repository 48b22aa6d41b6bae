"""Hypothesis strategies for every record type and for whole valid datasets.

Install the ``test`` extra (``pip install 'ca-security[test]'``) to use them in
your own tests::

    from hypothesis import given
    from ca_security.testing import strategies as cst

    @given(cst.statements())
    def test_my_code(statement): ...

Record strategies (:func:`statements`, :func:`summits`, ...) make records that
are valid on their own, with references to arbitrary ids. :func:`dataset_records`
and :func:`datasets` make whole datasets whose references all resolve and
whose dates obey every rule of :func:`ca_security.load`.

The strategies live in private modules by job (``_values``: ids, texts and
dates; ``_records``: one record; ``_datasets``: whole datasets); this module
is their public home.
"""

from __future__ import annotations

from ._datasets import dataset_records, datasets
from ._records import (
    citations,
    countries,
    disputes,
    figures,
    incidents,
    initiatives,
    metadata,
    officials,
    organizations,
    participations,
    places,
    posts,
    series,
    sources,
    statements,
    summits,
    tenures,
    topics,
)
from ._values import ids, partial_dates, texts

__all__ = [
    "citations",
    "countries",
    "dataset_records",
    "datasets",
    "disputes",
    "figures",
    "ids",
    "incidents",
    "initiatives",
    "metadata",
    "officials",
    "organizations",
    "partial_dates",
    "participations",
    "places",
    "posts",
    "series",
    "sources",
    "statements",
    "summits",
    "tenures",
    "texts",
    "topics",
]
