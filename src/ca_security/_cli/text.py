"""Text for people on a terminal: escaped control characters, words for values, wrapped tables.

Everything the command line prints for people (``show``, ``search``, the
tables, CSV written to a terminal) goes through :func:`escape`, so that data
cannot move the cursor, ring the bell, retitle the terminal or reverse the
reading order of what follows. JSON output is exact and does not.
"""

from __future__ import annotations

import datetime as _dt
import enum
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["escape", "plain", "table", "terminal_width", "words"]

#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
#: The narrowest the last, wrapped column of a table gets.
MIN_TEXT_WIDTH = 20
#: The narrowest another column gets when the table is too wide.
MIN_COLUMN_WIDTH = 8
#: A word longer than this may be broken to fit a column.
MAX_WORD_WIDTH = 24


_SHORT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _escaped(code: int) -> str:
    r"""Python's escape of a character: ``\n``, ``\x1b``, ``\u202e``."""
    if code in _SHORT:
        return _SHORT[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(code: int, keep_lines: bool) -> bool:
    if code < 0x20:
        return not (keep_lines and code in (0x09, 0x0A))
    return 0x7F <= code <= 0x9F or code in _BIDI


def escape(text: str, *, keep_lines: bool = False) -> str:
    r"""``text`` with C0 and C1 controls, DEL and bidi controls shown as ``\x1b`` or ``\u202e``.

    With ``keep_lines``, tabs and line feeds stay as they are.

    Examples:
        >>> print(escape("ok\x1b[2J\u202egnp.exe"))
        ok\x1b[2J\u202egnp.exe

    """
    if all(not _unsafe(ord(char), keep_lines) for char in text):
        return text
    return "".join(_escaped(ord(char)) if _unsafe(ord(char), keep_lines) else char for char in text)


def words(value: Any) -> str:
    """A value as words on one line, exact: enums by value, dates in ISO form, tuples joined by commas."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(words(item) for item in value)
    if isinstance(value, enum.Enum):
        return words(value.value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return " ".join(str(value).split())


def plain(value: Any) -> str:
    """:func:`words`, escaped for a terminal."""
    return escape(words(value))


def terminal_width() -> int:
    """The terminal's width in columns (``COLUMNS`` when set; 120 when unknown)."""
    return shutil.get_terminal_size((120, 24)).columns


def _widths(natural: list[int], floors: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` where words allow.

    The first column (the id, to copy) stays whole. The columns between
    shrink widest first, each down to its floor: its longest word (within
    :data:`MIN_COLUMN_WIDTH` .. :data:`MAX_WORD_WIDTH`), so that names and
    numbers are not broken; the last column gets the rest, at least
    :data:`MIN_TEXT_WIDTH`. A table whose ids and words cannot fit is wider
    than the terminal rather than broken mid-word.
    """
    room = max(total - 2 * (len(natural) - 1), 1)
    if sum(natural) <= room:
        return natural
    widths = list(natural)
    half = min(natural[-1], max(MIN_TEXT_WIDTH, room // 2))
    while sum(widths[:-1]) + half > room:
        narrower = [at for at in range(1, len(widths) - 1) if widths[at] > floors[at]]
        if not narrower:
            break
        widths[max(narrower, key=lambda at: widths[at])] -= 1
    widths[-1] = min(natural[-1], max(MIN_TEXT_WIDTH, room - sum(widths[:-1])))
    return widths


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], width: int | None = None) -> str:
    """Rows as aligned columns wrapped to the terminal's width: every value in full, never cut.

    When the columns are wider than the terminal, the middle columns shrink
    (never below their longest word) so that the last (text) column gets up
    to half of it, the first column (the id, to copy) keeps its width, and a
    value longer than its column continues on the next lines under it.
    """
    cells = [[plain(value) for value in row] for row in rows]
    natural = [max(len(name), 1) for name in header]
    for row in cells:
        natural = [max(size, len(value)) for size, value in zip(natural, row, strict=True)]
    longest = [
        max((len(word) for row in [list(header), *cells] for word in row[at].split()), default=1)
        for at in range(len(header))
    ]
    floors = [
        min(size, max(MIN_COLUMN_WIDTH, min(word, MAX_WORD_WIDTH)))
        for size, word in zip(natural, longest, strict=True)
    ]
    widths = _widths(natural, floors, terminal_width() if width is None else width)
    lines = []
    for row in [list(header), ["-" * size for size in widths], *cells]:
        pieces = [_wrap(value, size) for value, size in zip(row, widths, strict=True)]
        for number in range(max(len(piece) for piece in pieces)):
            parts = [piece[number] if number < len(piece) else "" for piece in pieces]
            line = "  ".join(v.ljust(w) for v, w in zip(parts, widths, strict=True))
            lines.append(line.rstrip())
    return "\n".join(lines)
