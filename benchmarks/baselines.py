"""The benchmark's baselines: msgspec Structs and pydantic v2 models of our record types.

Each is generated from our attrs types, field for field, in two forms:

- plain: the fields' types only (strings, enums, numbers, nested records,
  tuples, optional values) and no unknown field;
- constrained: the same, plus the per-field rules our own field declarations
  (``_model/rules.py``) state, read from those declarations rather than copied:
  an id matches ``ID_PATTERN`` and is at most as long as an id may be; a text
  holds a non-space character (``\\S``) or matches the field's own pattern; a
  date is an ISO partial date (the pattern ``PartialDate.from_iso`` reads);
  a tuple has at least the items the field declares (citations: one). msgspec
  decodes strictly by default; pydantic models are ``strict=True``.

What neither baseline checks, and our loader does, is listed in
``docs/performance.md``: references between records, unique ids, no id or
name twice in a list, real calendar days, the date and rendering rules, text
that is only control or format characters, duplicate JSON keys, NaN.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Annotated, Any

import attrs

from ca_security import PartialDate
from ca_security._model import dates, rules
from ca_security._model.kinds import KINDS

#: (file name, record type) of every data file but metadata.json.
FILES = [(kind.file, kind.type) for kind in KINDS]

#: The four baselines' names, as the tables show them.
BASELINES = ("msgspec", "msgspec constrained", "pydantic", "pydantic constrained (strict)")

#: A text field without a pattern of its own must hold a character that is not a space.
NON_BLANK = r"\S"


def _rust(pattern: str) -> str:
    """``pattern`` for pydantic's Rust regex engine, which writes Python's ``\\Z`` as ``\\z``."""
    return pattern.replace(r"\Z", r"\z")


class Constraints(typing.NamedTuple):
    """What a constrained baseline checks of one string, or of one tuple's length."""

    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None

    def given(self) -> dict[str, Any]:
        return {name: value for name, value in self._asdict().items() if value is not None}


def string_constraints(declaration: rules.Declaration | None, tp: Any) -> Constraints | None:
    """The constraints of a string (an item, for a tuple) that ``declaration`` declares."""
    if tp is PartialDate:
        return Constraints(pattern=dates._ISO_RE.pattern)
    if declaration is None:
        return None
    if declaration.rule is rules.Rule.ID:
        return Constraints(pattern=rules.ID_PATTERN, max_length=rules._MAX_ID)
    if declaration.rule is rules.Rule.TEXT:
        return Constraints(pattern=declaration.pattern or NON_BLANK, min_length=1)
    if declaration.pattern is not None:
        return Constraints(pattern=declaration.pattern)
    return None


#: Applies constraints to a type: (type, constraints, is it a string?) -> annotated type.
Constrain = Callable[[Any, Constraints, bool], Any]


def _translate(
    tp: Any,
    make: Callable[[type], Any],
    constrain: Constrain | None,
    declaration: rules.Declaration | None,
) -> Any:
    """Our field type ``tp`` in the baseline's terms (``make`` turns a record type)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[  # noqa: UP007
            tuple(_translate(a, make, constrain, declaration) for a in args)
        ]
    if origin is tuple:
        item: Any = _translate(args[0], make, constrain, declaration)
        items: Any = tuple[item, ...]
        if constrain is not None and declaration is not None and declaration.min_items:
            return constrain(items, Constraints(min_length=declaration.min_items), False)
        return items
    if attrs.has(tp) and tp is not PartialDate:
        return make(tp)
    base = str if tp is PartialDate else tp
    if constrain is not None and base is str:
        found = string_constraints(declaration, tp)
        if found is not None:
            return constrain(base, found, True)
    return base


def _fields(cls: type, make: Callable[[type], Any], constrain: Constrain | None) -> list[Any]:
    """(name, type, default or ``attrs.NOTHING``) of each field of ``cls``, translated."""
    hints = typing.get_type_hints(cls)
    return [
        (
            field.name,
            _translate(hints[field.name], make, constrain, rules.declaration_of(field)),
            field.default,
        )
        for field in attrs.fields(cls)
    ]


def msgspec_types(*, constrained: bool = False) -> dict[type, Any]:
    """Record type -> the msgspec type of a list of its records (Structs, frozen, strict)."""
    import msgspec

    def constrain(tp: Any, found: Constraints, string: bool) -> Any:
        return Annotated[tp, msgspec.Meta(**found.given())]

    made: dict[type, Any] = {}

    def make(cls: type) -> Any:
        if cls not in made:
            fields = [
                (name, tp) if default is attrs.NOTHING else (name, tp, default)
                for name, tp, default in _fields(cls, make, constrain if constrained else None)
            ]
            made[cls] = msgspec.defstruct(
                cls.__name__, fields, kw_only=True, forbid_unknown_fields=True, frozen=True
            )
        return made[cls]

    return {cls: list[make(cls)] for _, cls in FILES}  # type: ignore[misc]


def pydantic_types(*, constrained: bool = False) -> dict[type, Any]:
    """Record type -> a pydantic ``TypeAdapter`` of a list of its records.

    Constrained models are strict (``strict=True``) and take the patterns
    (in the Rust engine's spelling) and lengths of :func:`string_constraints`.
    """
    import pydantic

    def constrain(tp: Any, found: Constraints, string: bool) -> Any:
        given = found.given()
        if "pattern" in given:
            given["pattern"] = _rust(given["pattern"])
        if string:
            return Annotated[tp, pydantic.StringConstraints(**given)]
        return Annotated[tp, pydantic.Field(**given)]

    config = pydantic.ConfigDict(extra="forbid", frozen=True, strict=constrained)
    made: dict[type, Any] = {}

    def make(cls: type) -> Any:
        if cls not in made:
            fields = {
                name: (tp, ... if default is attrs.NOTHING else default)
                for name, tp, default in _fields(cls, make, constrain if constrained else None)
            }
            made[cls] = pydantic.create_model(  # type: ignore[call-overload]
                cls.__name__, __config__=config, **fields
            )
        return made[cls]

    return {cls: pydantic.TypeAdapter(list[make(cls)]) for _, cls in FILES}  # type: ignore[misc,arg-type]


def decoders() -> dict[str, Callable[[type, bytes], Any]]:
    """Baseline name -> a function that decodes one file's bytes into that baseline's records."""
    import msgspec

    made: dict[str, Callable[[type, bytes], Any]] = {}
    for name, constrained in (("msgspec", False), ("msgspec constrained", True)):
        by_type = {
            cls: msgspec.json.Decoder(tp).decode
            for cls, tp in msgspec_types(constrained=constrained).items()
        }
        made[name] = lambda cls, data, by_type=by_type: by_type[cls](data)  # type: ignore[misc]
    for name, constrained in (("pydantic", False), ("pydantic constrained (strict)", True)):
        adapters = pydantic_types(constrained=constrained)
        made[name] = lambda cls, data, adapters=adapters: adapters[cls].validate_json(data)  # type: ignore[misc]
    return made
