"""The loader's fast path agrees with the converter: same records, same refusals."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

from ca_security import Metadata, Summit
from ca_security._fast import _Refused, make_structurer
from ca_security._kinds import KINDS
from ca_security._loader import _fast_records
from ca_security.testing import strategies as cst
from helpers import CONVERTER


@given(cst.dataset_records())
def test_fast_path_builds_what_the_converter_builds(pair: tuple[Metadata, dict[str, Any]]) -> None:
    """Valid data give equal records through the fast path and the converter."""
    metadata, records = pair
    parsed = {"metadata.json": json.loads(json.dumps(CONVERTER.unstructure(metadata)))}
    for kind in KINDS:
        values = [CONVERTER.unstructure(record) for record in records[kind.name]]
        parsed[kind.file] = json.loads(json.dumps(values))
    fast = _fast_records(parsed)
    assert fast is not None
    assert fast[0] == metadata
    for kind in KINDS:
        assert fast[1][kind.name] == tuple(records[kind.name])


def test_bundled_data_take_the_fast_path() -> None:
    """The bundled data load through the fast path."""
    from helpers import bundled_raw

    assert _fast_records(bundled_raw()) is not None


SUMMIT = {
    "id": "meeting",
    "name": "A meeting",
    "start": "2024-05-16",
    "ordinal": 1,
    "citations": [{"source": "wire"}],
}


@pytest.mark.parametrize(
    "change",
    [
        {"ordinal": True},
        {"ordinal": "1"},
        {"ordinal": 1.0},
        {"start": 2024},
        {"start": "16 May 2024"},
        {"format": "gathering"},
        {"aliases": "one"},
        {"participants": {}},
        {"colour": "red"},
        {"name": 5},
        {"citations": [{"source": "wire", "excerpt": 3}]},
    ],
)
def test_fast_path_refuses_what_the_converter_refuses(change: dict[str, Any]) -> None:
    """A value the converter refuses, the fast path refuses too."""
    value = {**SUMMIT, **change}
    with pytest.raises(Exception):  # noqa: B017 - any error sends the loader to the converter
        CONVERTER.structure(value, Summit)
    with pytest.raises(Exception):  # noqa: B017
        make_structurer()(Summit)(value)


def test_fast_path_shares_dates_and_ids() -> None:
    """Equal dates and short strings come out as one object."""
    structure = make_structurer()(Summit)
    first, second = structure(dict(SUMMIT)), structure(json.loads(json.dumps(SUMMIT)))
    assert first.start is second.start
    assert first.citations[0].source is second.citations[0].source


def test_a_record_type_with_an_aliased_field_is_refused_up_front() -> None:
    """The fast path passes JSON keys as keywords, so a field with an alias has no fast path."""
    import attrs

    @attrs.frozen
    class WithAlias:
        _hidden: int = attrs.field(alias="shown")

    with pytest.raises(TypeError, match="no fast structuring"):
        make_structurer()(WithAlias)


def test_the_fast_path_refuses_what_the_converter_refuses() -> None:
    """Each refusal: not an object, unknown key, wrong type, null, missing field."""
    structure = make_structurer()(Summit)
    good = {"id": "s", "name": "A meeting", "citations": [{"source": "x"}]}
    assert structure(good).name == "A meeting"
    for bad in (
        [good],
        {**good, "unknown": 1},
        {**good, "name": 5},
        {**good, "name": None},
        {**good, "ordinal": "1"},
        {**good, "ordinal": True},
        {**good, "citations": None},
    ):
        with pytest.raises(_Refused):
            structure(bad)
    # A missing required field is refused by the record's own __init__.
    with pytest.raises(TypeError, match="name"):
        structure({key: value for key, value in good.items() if key != "name"})
