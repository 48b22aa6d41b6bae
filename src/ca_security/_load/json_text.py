"""The JSON of data files: the decoder's rules, and the depth check made before any parsing."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["decoder", "nested_deeper"]

#: What a backslash may escape in JSON (``u`` begins ``\\uXXXX``), and the characters
#: that delimit strings and nest values: all that :func:`nested_deeper` keeps at first.
_ESCAPED = b'"\\/bfnrtu'
_STRUCTURE = b'"[]{}'
_ALL_BUT_ESCAPES = bytes(byte for byte in range(256) if byte not in _ESCAPED + b"[]{}")
_ALL_BUT_STRUCTURE = bytes(byte for byte in range(256) if byte not in _STRUCTURE)
_AS_SQUARE = bytes.maketrans(b"{}", b"[]")


def decoder() -> json.JSONDecoder:
    """A JSON decoder of data files: no duplicate keys, no ``NaN``, no overlong integers.

    A new one for each load: a decoder's scanner keeps state while it parses.
    """
    return json.JSONDecoder(
        object_pairs_hook=_object_without_duplicates,
        parse_constant=_no_constant,
        parse_int=_bounded_int,
    )


def nested_deeper(data: bytes | str, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels in the JSON ``data``.

    A scan that needs no stack, so that the recursive parser never meets
    deep data, and that makes no object per string of the data: the bytes
    (text is encoded as UTF-8) are cut down, by whole-buffer operations only,
    to the brackets outside strings, and then ``limit`` times every innermost
    pair is removed. Balanced brackets no deeper than the limit leave nothing.
    Each round lowers the deepest nesting by one level at most, so what is
    left (deep brackets, or unbalanced ones, which the parser refuses anyway)
    bounds the depth from above: rounds + the opening brackets left.

    Finding the brackets outside strings: only quotes, brackets, backslashes
    and the characters a backslash may escape are kept; escaped backslashes,
    then escaped quotes, are dropped (pairs of backslashes first, so a run of
    them pairs up from the left as JSON reads it), then all but quotes and
    brackets. Two adjacent quotes are dropped too (an empty string, or the end
    of one and the start of the next), which changes no bracket's side. Only
    when quotes are still left, around brackets inside strings, is the rest
    split at the quotes. Data that are not valid JSON can be misread past
    their first error, where the parser stops.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    kept = data.translate(None, _ALL_BUT_ESCAPES)
    if b"\\" in kept:
        kept = kept.replace(b"\\\\", b"").replace(b'\\"', b"")
    kept = kept.translate(None, _ALL_BUT_STRUCTURE).replace(b'""', b"")
    if b'"' in kept:
        kept = b"".join(kept.split(b'"')[::2])
    brackets = kept.translate(_AS_SQUARE)
    del kept
    rounds = 0
    while brackets and rounds < limit:
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
        rounds += 1
    return bool(brackets) and rounds + brackets.count(b"[") > limit


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is an error (JSON would keep the last)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                break
            seen.add(key)
        record_id = value.get("id")
        where = f" in the object with id {record_id!r}" if isinstance(record_id, str) else ""
        raise ValueError(f"duplicate key {key!r}{where}")
    return value


def _bounded_int(text: str) -> int:
    """An integer of at most 30 digits: no field needs more, and Python refuses 4300+."""
    if len(text.lstrip("-")) > 30:
        raise ValueError(f"an integer of {len(text.lstrip('-'))} digits is too long")
    return int(text)


def _no_constant(name: str) -> Any:
    """Refuse ``NaN``, ``Infinity`` and ``-Infinity``, which JSON does not have."""
    raise ValueError(f"{name} is not a JSON number")
