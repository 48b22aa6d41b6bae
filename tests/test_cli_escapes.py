"""Hostile text on a terminal and in a spreadsheet: escaped for people, exact for programs.

Each oracle here is built from the standard library (the ``unicode_escape``
codec, :mod:`unicodedata`, :mod:`csv`), not from the code it checks.

Private imports: the CLI's main (in process, faster than a subprocess) and its escape
and table helpers, which have no public API.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ca_security as cs
from ca_security._cli import main
from ca_security._cli.text import escape, table
from helpers import bundled_raw, write_raw

ESC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title, then rings the bell
RLO = "\u202e"  # right-to-left override
HOSTILE_TEXT = f"Afghanistan {ESC_TITLE}risk {RLO}txt.exe"
STATEMENT = "tokayev-2024-05-16-afghanistan-focus"
BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def oracle_unsafe(char: str, keep_lines: bool = False) -> bool:
    """A control (Cc) or a bidi embedding, override or isolate, by Unicode's own tables."""
    if keep_lines and char in "\t\n":
        return False
    return unicodedata.category(char) == "Cc" or unicodedata.bidirectional(char) in BIDI_CONTROLS


def oracle_escape(text: str, keep_lines: bool = False) -> str:
    return "".join(
        char.encode("unicode_escape").decode("ascii") if oracle_unsafe(char, keep_lines) else char
        for char in text
    )


# -- escape -----------------------------------------------------------------------------------


def test_escape_shows_esc_bel_and_bidi_overrides():
    assert escape(HOSTILE_TEXT) == "Afghanistan \\x1b]0;pwned\\x07risk \\u202etxt.exe"
    assert escape("a\u2066b\u2069c\x85d\x7f") == "a\\u2066b\\u2069c\\x85d\\x7f"
    assert escape("line\nnext\ttab", keep_lines=True) == "line\nnext\ttab"
    assert escape("line\nnext") == "line\\nnext"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.booleans())
def test_escape_matches_the_unicode_escape_codec_on_unsafe_characters(text, keep_lines):
    assert escape(text, keep_lines=keep_lines) == oracle_escape(text, keep_lines)


@given(st.text(max_size=60))
def test_escaped_text_holds_no_control_character(text):
    assert not any(oracle_unsafe(char) for char in escape(text))


# -- tables -----------------------------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé-", min_size=1, max_size=30)
_CELL = st.lists(_WORD, max_size=8).map(" ".join)


def _columns(output: str) -> list[tuple[int, int]]:
    """Where each column is, read from the ruler of dashes under the header."""
    ruler = output.splitlines()[1]
    return [(found.start(), found.end()) for found in __import__("re").finditer(r"-+", ruler)]


@given(
    st.integers(min_value=40, max_value=160),
    st.lists(st.tuples(st.from_regex(r"[a-z]{1,12}", fullmatch=True), _CELL, _CELL), max_size=6),
)
def test_a_table_keeps_every_value_and_fits_the_width(width, rows):
    output = table(("id", "who", "text"), rows, width=width)
    lines = output.splitlines()
    # The id column stays whole, words of up to 24 characters too, the text gets 20 or more.
    if max([2, *(len(row[0]) for row in rows)]) + 2 + 24 + 2 + 20 <= width:
        assert all(len(line) <= width for line in lines)
    spans = _columns(output)
    # Each row starts at a line whose first column is filled; its pieces follow.
    starts = [at for at, line in enumerate(lines) if at >= 2 and not line.startswith(" ")]
    assert len(starts) == len(rows)
    for number, (first, *rest) in enumerate(rows):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        block = lines[starts[number] : end]
        for value, (left, right) in zip((first, *rest), spans, strict=True):
            pieces = [line[left:right].strip() for line in block]
            found = "".join("".join(pieces).split())
            assert found == "".join(value.split())


# -- commands on hostile data -----------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The bundled data with a statement and an official's name carrying terminal escapes."""
    raw = bundled_raw()
    for statement in raw["statements.json"]:
        if statement["id"] == STATEMENT:
            statement["text"] = HOSTILE_TEXT
            statement["notes"] = '=HYPERLINK("http://evil")'
    for official in raw["officials.json"]:
        if official["id"] == "kassym-jomart-tokayev":
            official["name"] = f"Kassym-Jomart{ESC_TITLE} Tokayev"
    directory = tmp_path_factory.mktemp("hostile")
    write_raw(directory, raw)
    return directory


def run(capsys, *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    "args",
    [
        ("show", STATEMENT),
        ("show", "kassym-jomart-tokayev"),
        ("statements", "--speaker", "kassym-jomart-tokayev"),
        ("search", "pwned"),
        ("officials",),
        ("timeline", "--speaker", "kassym-jomart-tokayev"),
        ("corroboration", STATEMENT),
        ("holding", "--post", "kz-president", "--on", "2024-05-16"),
    ],
)
def test_output_for_people_shows_control_characters_escaped(capsys, hostile, args, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping inside the escape sequence
    out = run(capsys, *args, "--data", str(hostile))
    assert not any(oracle_unsafe(char, keep_lines=True) for char in out)
    assert "\\x1b]0;pwned\\x07" in out


@pytest.mark.parametrize(
    "args",
    [
        ("show", STATEMENT, "--format", "json"),
        ("statements", "--format", "json"),
        ("search", "pwned", "--format", "json"),
        ("timeline", "--speaker", "kassym-jomart-tokayev", "--format", "jsonl"),
        ("corroboration", STATEMENT, "--format", "json"),
        ("holding", "--post", "kz-president", "--on", "2024-05-16", "--format", "json"),
    ],
)
def test_json_stays_exact(capsys, hostile, args):
    out = run(capsys, *args, "--data", str(hostile))
    values = [json.loads(line) for line in out.splitlines()] if "jsonl" in args else json.loads(out)
    found = list(_strings(values))
    assert any(HOSTILE_TEXT in text or ESC_TITLE in text for text in found)
    assert not any("\\x1b" in text or "\\u202e" in text for text in found)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_csv_is_exact_in_a_pipe_and_escaped_on_a_terminal(capsys, hostile, monkeypatch):
    piped = run(capsys, "statements", "--format", "csv", "--data", str(hostile))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(piped))}
    assert rows[STATEMENT]["text"] == HOSTILE_TEXT
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["statements", "--format", "csv", "--data", str(hostile)]) == 0
    shown = terminal.getvalue()
    assert not any(oracle_unsafe(char, keep_lines=True) for char in shown)
    assert "\\u202etxt.exe" in shown


def test_machine_csv_stays_exact_and_flat_csv_neutralises_formulas(capsys, hostile, tmp_path):
    run(capsys, "export", "--format", "csv", str(tmp_path / "csv"), "--data", str(hostile))
    with (tmp_path / "csv" / "statements.csv").open(encoding="utf-8", newline="") as stream:
        exact = {row["id"]: row for row in csv.DictReader(stream)}
    assert exact[STATEMENT]["notes"] == '=HYPERLINK("http://evil")'
    assert exact[STATEMENT]["text"] == HOSTILE_TEXT
    run(capsys, "export", "--flat", str(tmp_path / "flat"), "--data", str(hostile))
    with (tmp_path / "flat" / "statements.csv").open(encoding="utf-8-sig", newline="") as stream:
        flat = list(csv.reader(stream))
    cells = [cell for row in flat for cell in row]
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells)


def test_flat_csv_neutralises_every_formula_start(tmp_path):
    raw = bundled_raw()
    starts = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]
    for summit, start in zip(raw["summits.json"], starts, strict=False):
        summit["name"] = start
    write_raw(tmp_path / "data", raw)
    assert main(["export", "--flat", str(tmp_path / "flat"), "--data", str(tmp_path / "data")]) == 0
    with (tmp_path / "flat" / "summits.csv").open(encoding="utf-8-sig", newline="") as stream:
        names = [row["name"] for row in csv.DictReader(stream)]
    for start in starts:
        assert "'" + start in names
    frame = cs.load(tmp_path / "data").to_pandas(flat=True)["summits"]
    assert set(starts) <= set(frame["name"])  # the frame is exact
