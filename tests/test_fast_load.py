"""The loader's fast path agrees with the converter: same records, same refusals.

Private imports: the fast path and the converter are both internal; this module checks
one against the other.
"""

from __future__ import annotations

import copy
import enum
import json
from typing import Any

import attrs
import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_security import Metadata, PartialDate, Statement, Summit
from ca_security._load.fast import NotFast, make_structurer
from ca_security._load.reading import _fast_records
from ca_security._model.kinds import KINDS
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
    fast = _fast_records({name: json.dumps(value).encode() for name, value in parsed.items()})
    assert fast is not None
    assert fast[0] == metadata
    for kind in KINDS:
        assert fast[1][kind.name] == tuple(kind.sort(records[kind.name]))


def test_bundled_data_take_the_fast_path() -> None:
    """The bundled data load through the fast path."""
    from helpers import bundled_raw

    sources = {name: json.dumps(value) for name, value in bundled_raw().items()}
    assert _fast_records(sources) is not None


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
    _both_refuse({**SUMMIT, **change}, Summit)


def _both_refuse(value: dict[str, Any], record_type: type) -> None:
    """The converter and the fast path both refuse ``value``."""
    with pytest.raises(ClassValidationError, match=f"While structuring {record_type.__name__}"):
        CONVERTER.structure(value, record_type)
    # The fast path's refusal has no one class (``NotFast``, or the ValueError or
    # KeyError of a date or enum parser): the loader catches any Exception from it
    # and goes to the converter, so "an Exception" is exactly the contract.
    with pytest.raises(Exception):  # noqa: B017
        make_structurer()(record_type)(value)


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
        with pytest.raises(NotFast):
            structure(bad)
    # A missing required field is a missing key.
    with pytest.raises(KeyError, match="name"):
        structure({key: value for key, value in good.items() if key != "name"})


# -- the written functions: never looser than the converter, and no data in their source ------

#: Values each of which some field refuses: blank or long texts, ids that are not
#: slugs, numbers of the wrong kind, dates and enum values that do not parse.
_EDGE_VALUES = (
    None,
    True,
    False,
    0,
    -1,
    1.5,
    10**30,
    "",
    " ",
    "\t",
    "x",
    "Not An Id",
    "a--b",
    "-a",
    "a" * 121,
    "A B",
    "2024",
    "2024-05",
    "2024-05-16",
    "2024-13-01",
    "16 May 2024",
    "direct quote",
    "held",
    "exact",
    "chair",
    "web page",
    "other",
    "KAZ",
    "kz",
    "kaz",
    [],
    [""],
    ["a", "a"],
    ["a", 1],
    {},
    {"source": "a"},
    {"x": 1},
)

_JSON_VALUES = st.sampled_from(_EDGE_VALUES) | st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | cst.ids() | cst.texts(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["source", "x"]), inner, max_size=2)
    ),
    max_leaves=4,
)

_RECORDS = st.one_of(
    cst.statements(),
    cst.figures(),
    cst.initiatives(),
    cst.summits(),
    cst.officials(),
    cst.sources(),
    cst.countries(),
    cst.places(),
    cst.organizations(),
    cst.topics(),
    cst.posts(),
    cst.series(),
)


def _positions(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON value, the value's own objects included."""
    found: list[tuple[Any, Any]] = []
    children = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in children:
        found.append((value, key))
        if isinstance(child, (dict, list)):
            found += _positions(child)
    return found


@settings(max_examples=400)
@given(_RECORDS, st.data())
def test_the_fast_path_never_accepts_what_the_converter_refuses(record: Any, data: Any) -> None:
    """A few changes anywhere in a valid record's JSON: the fast path either refuses
    the result or builds exactly the converter's record (it may refuse more, never less)."""
    value = json.loads(json.dumps(CONVERTER.unstructure(record)))
    for _ in range(data.draw(st.integers(1, 3))):
        positions = _positions(value)
        if not positions:
            break
        container, key = data.draw(st.sampled_from(positions))
        change = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        # A copy: the edge values are shared between examples and must stay as they are.
        if change == "replace":
            container[key] = copy.deepcopy(data.draw(_JSON_VALUES))
        elif change == "delete":
            del container[key]
        elif isinstance(container, dict):
            container["unknown_field"] = copy.deepcopy(data.draw(_JSON_VALUES))
    try:
        expected = CONVERTER.structure(value, type(record))
    except ClassValidationError:
        expected = None
    try:
        built = make_structurer()(type(record))(value)
    except Exception:  # any refusal sends the loader to the converter
        built = None  # refusing is always allowed: the converter then decides
    if built is not None:
        assert expected is not None, f"the fast path accepted what the converter refuses: {value!r}"
        assert built == expected


@given(_RECORDS)
def test_the_fast_path_accepts_every_valid_record(record: Any) -> None:
    """A valid record's JSON goes through the written function and comes back equal."""
    value = json.loads(json.dumps(CONVERTER.unstructure(record)))
    assert make_structurer()(type(record))(value) == record


def _record_types() -> set[type]:
    """Every record type a dataset holds, nested ones too (dates are not written)."""
    import typing

    import attrs

    found: set[type] = set()
    waiting = [kind.type for kind in KINDS] + [Metadata]
    while waiting:
        record_type = waiting.pop()
        if record_type in found or record_type is PartialDate:
            continue
        found.add(record_type)
        for annotation in typing.get_type_hints(record_type).values():
            for part in (annotation, *typing.get_args(annotation)):
                waiting += [arg for arg in (part, *typing.get_args(part)) if attrs.has(arg)]
    return found


def test_the_written_source_holds_no_literal_but_field_names(monkeypatch: Any) -> None:
    """The only string literals in any written function are its record type's field names."""
    import ast

    import attrs

    from ca_security._load import fast_source as _fast

    written: list[tuple[str, str]] = []
    real_compile = compile

    def spying_compile(source: str, filename: str, *args: Any, **kwargs: Any) -> Any:
        written.append((filename, source))
        return real_compile(source, filename, *args, **kwargs)

    monkeypatch.setattr(_fast, "compile", spying_compile, raising=False)
    structurer = make_structurer()
    for record_type in _record_types():
        structurer(record_type)
    by_filename = {f"<fast structuring of {t.__qualname__}>": t for t in _record_types()}
    assert sorted(filename for filename, _ in written) == sorted(by_filename)
    for filename, source in written:
        literals = {
            node.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        field_names = {field.name for field in attrs.fields(by_filename[filename])}
        assert literals == field_names, filename


STATEMENT = {
    "id": "said",
    "speaker": "someone",
    "kind": "direct quote",
    "text": "Words.",
    "topics": ["terrorism"],
    "citations": [
        {"source": "wire", "excerpt": "Words.", "start": 0, "end": 6, "rendering": "quoted"}
    ],
}


@pytest.mark.parametrize(
    "change",
    [
        {"id": "a" * 121},
        {"id": "Not-A-Slug"},
        {"speaker": ""},
        {"text": " "},
        {"topics": ["terrorism", "terrorism"]},
        {"topics": ["terrorism", 5]},
        {"mentions": "kz"},
        {"kind": "shout"},
        {"date": "2024-13-01"},
        {"citations": []},
        {"citations": [{"source": "wire", "excerpt": "Words.", "start": 0}]},
        {"citations": [{"source": "wire", "excerpt": "Words.", "start": 0, "end": 9}]},
        {"citations": [{"source": "wire", "start": True, "end": 6}]},
        {"notes": ""},
    ],
)
def test_each_check_of_a_statement_is_kept(change: dict[str, Any]) -> None:
    """Each field check the constructor makes, the written function makes too."""
    assert make_structurer()(Statement)(dict(STATEMENT)).citations[0].end == 6
    _both_refuse({**STATEMENT, **change}, Statement)


def test_post_init_checks_run() -> None:
    """A participation that names no one is refused, by ``__attrs_post_init__``."""
    summit = {**SUMMIT, "participants": [{"role": "chair", "citations": [{"source": "wire"}]}]}
    with pytest.raises(ValueError, match="names a person"):
        make_structurer()(Summit)(summit)


# -- record types beyond ours: the written function follows any plain attrs type ----------


class _Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def _doubled(value: int) -> int:
    return value * 2


def _below_ten(instance: object, attribute: Any, value: int) -> None:
    if value >= 10:
        raise ValueError("ten or more")


@attrs.frozen
class _Inner:
    name: str


@attrs.frozen
class _Everything:
    number: int = attrs.field(converter=_doubled, validator=_below_ten)
    ratio: float
    colour: _Colour
    day: PartialDate
    colours: tuple[_Colour, ...] = ()
    counts: tuple[int, ...] = ()
    days: tuple[PartialDate, ...] = ()
    nested: tuple[tuple[str, ...], ...] = ()
    maybe: tuple[str | None, ...] = ()
    inner: _Inner | None = None
    inners: tuple[_Inner, ...] = ()
    ratio_or_none: float | None = None
    tags: tuple[str, ...] = attrs.field(factory=tuple)
    checked: str = attrs.field(default="a", validator=attrs.validators.instance_of(str))
    label: str = attrs.field(default=" x ", converter=attrs.Converter(str.strip))


_EVERYTHING = {
    "number": 3,
    "ratio": 2,
    "colour": "red",
    "day": "2024-05",
    "colours": ["blue", "red"],
    "counts": [1, 2],
    "days": ["2024", "2024-05-16"],
    "nested": [["a"], []],
    "maybe": ["x", None],
    "inner": {"name": "n"},
    "inners": [{"name": "m"}],
    "ratio_or_none": 1.5,
}


def test_a_plain_attrs_type_is_built_as_its_constructor_builds_it() -> None:
    """Every annotation the fast path knows, a converter, a factory and a foreign validator."""
    built = make_structurer()(_Everything)(dict(_EVERYTHING))
    assert built == _Everything(
        number=3,
        ratio=2.0,
        colour=_Colour.RED,
        day=PartialDate(2024, 5),
        colours=(_Colour.BLUE, _Colour.RED),
        counts=(1, 2),
        days=(PartialDate(2024), PartialDate(2024, 5, 16)),
        nested=(("a",), ()),
        maybe=("x", None),
        inner=_Inner("n"),
        inners=(_Inner("m"),),
        ratio_or_none=1.5,
    )
    assert built.number == 6 and type(built.ratio) is float and built.tags == ()
    assert built.label == "x"  # the default goes through the converter, as in attrs
    minimal = {key: _EVERYTHING[key] for key in ("number", "ratio", "colour", "day")}
    assert make_structurer()(_Everything)(minimal).inner is None


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        # doubled to 10: the foreign validator refuses it, with its own error
        ({"number": 5}, ValueError, "ten or more"),
        ({"number": True}, NotFast, None),
        ({"ratio": "2"}, NotFast, None),
        ({"colour": 1}, NotFast, None),
        ({"day": 2024}, NotFast, None),
        ({"colours": "red"}, NotFast, None),
        ({"counts": [1, "2"]}, NotFast, None),
        ({"nested": [["a", 1]]}, NotFast, None),
        ({"maybe": [1]}, NotFast, None),
        ({"inner": {"name": 1}}, NotFast, None),
        ({"inners": {"name": "m"}}, NotFast, None),
        ({"ratio_or_none": "x"}, NotFast, None),
        ({"checked": 1}, NotFast, None),
    ],
)
def test_a_plain_attrs_type_refuses_what_its_constructor_refuses(
    change: dict[str, Any], error: type[Exception], match: str | None
) -> None:
    """A wrong type is the fast path's own refusal (no message); a validator's error passes through."""
    with pytest.raises(error, match=match):
        make_structurer()(_Everything)({**_EVERYTHING, **change})


@attrs.frozen
class _Hidden:
    kept: int = attrs.field(init=False, default=1)


@attrs.frozen
class _PreInit:
    value: int

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen
class _SelfDefault:
    value: int = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))


@attrs.frozen
class _SelfConverter:
    value: int = attrs.field(
        converter=attrs.Converter(lambda value, self: value, takes_self=True)  # type: ignore[misc]
    )


@attrs.define(slots=False)
class _NotSlotted:
    value: int


@attrs.frozen
class _Mapping:
    value: dict[str, int]


@pytest.mark.parametrize(
    "record_type", [_Hidden, _PreInit, _SelfDefault, _SelfConverter, _NotSlotted, _Mapping]
)
def test_a_type_the_fast_path_cannot_follow_exactly_is_refused_up_front(record_type: type) -> None:
    """No written function for a type it cannot build exactly as attrs would."""
    with pytest.raises(TypeError, match="no fast structuring"):
        make_structurer()(record_type)


def test_a_type_that_is_refused_leaves_no_trace() -> None:
    """After a refusal, asking again refuses again (nothing half-made is kept)."""
    structurer = make_structurer()
    for _ in range(2):
        with pytest.raises(TypeError, match="no fast structuring"):
            structurer(_Mapping)


def test_tracebacks_through_a_written_function_show_its_lines() -> None:
    """A check failing inside a written function shows that function's source line."""
    import traceback

    from ca_security._model import rules

    def refuse(instance: Any, attribute: Any, value: Any) -> None:
        raise RuntimeError("not a data error")

    @attrs.frozen
    class Probe:
        id: str = rules.id_field()
        name: str = rules.text()
        size: int | None = rules.optional(int, also=(refuse,))

    structure = make_structurer()(Probe)
    with pytest.raises(RuntimeError, match="not a data error") as caught:
        structure({"id": "a", "name": "b", "size": 1})
    written = [
        frame
        for frame in traceback.extract_tb(caught.value.__traceback__)
        if frame.filename.startswith("<fast structuring of")
    ]
    assert written
    assert all(frame.line for frame in written)


def test_a_fast_path_failure_that_is_no_data_error_is_not_swallowed(
    monkeypatch: Any, tmp_path: Any
) -> None:
    """A bug in the fast path surfaces as itself instead of being read as bad data."""
    import ca_security as cs
    from ca_security._load import fast

    def broken_structurer() -> Any:
        def for_type(record_type: type) -> Any:
            raise AttributeError("a bug in the fast path")

        return for_type

    out = cs.load().to_json(tmp_path / "copy")
    monkeypatch.setattr(fast, "make_structurer", broken_structurer)
    with pytest.raises(AttributeError, match="a bug in the fast path"):
        cs.load(out)


def test_the_collector_is_paused_only_for_large_loads(monkeypatch: Any, tmp_path: Any) -> None:
    """A small load leaves the garbage collector alone; a large one pauses and restores it."""
    import gc

    import ca_security as cs
    from ca_security._load import reading

    out = cs.load().to_json(tmp_path / "copy")
    disabled: list[bool] = []
    real_disable = gc.disable

    def spy() -> None:
        disabled.append(True)
        real_disable()

    monkeypatch.setattr(gc, "disable", spy)
    cs.load(out)
    assert disabled == []
    monkeypatch.setattr(reading, "_PAUSE_AT", 0)
    cs.load(out)
    assert disabled == [True]
    assert gc.isenabled()
