"""Folding names and texts so that look-ups ignore case, diacritics, punctuation and spacing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold", "name_key", "shortened", "tokens"]

# Unicode categories that separate words: punctuation, symbols, separators, controls.
_SEPARATING = frozenset("PSZC")

#: Texts up to this length are kept once folded (names are short); a longer
#: one, such as a long query, is folded afresh each time and never held.
_KEPT_LENGTH = 64


def fold(text: str) -> str:
    """``text`` folded for comparison: NFKD, combining marks dropped, casefolded.

    Punctuation, symbols and runs of white space become one space, and the
    result is stripped. Scripts are not transliterated: Cyrillic stays
    Cyrillic, so ``"Токаев"`` matches only a Cyrillic alias. The folded forms
    of the last 16,384 texts of up to 64 characters are kept.

    Examples:
        >>> fold("  Maḥmudzoda, NASRULLO ")
        'mahmudzoda nasrullo'
        >>> fold("Kassym-Jomart")
        'kassym jomart'
        >>> fold("Токаёв")
        'токаев'

    """
    return _folded(text) if len(text) <= _KEPT_LENGTH else _fold(text)


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    """:func:`_fold`, kept: at most 16,384 texts of at most 64 characters."""
    return _fold(text)


def _fold(text: str) -> str:
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        out.append(" " if unicodedata.category(char)[0] in _SEPARATING else char)
    return " ".join("".join(out).casefold().split())


def name_key(text: str) -> str:
    """The key names are matched on: :func:`fold` without any spaces.

    ``"Nur-Sultan"``, ``"Nursultan"`` and ``"nur sultan"`` share one key.

    Examples:
        >>> name_key("Nur-Sultan") == name_key("nursultan")
        True

    """
    return fold(text).replace(" ", "")


def tokens(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, in order."""
    return tuple(fold(text).split())


def shortened(text: str, keep: int = 60) -> str:
    """``repr(text)``, or when it is long, the repr of its first ``keep`` characters and its length.

    For quoting a caller's input in an error message.

    Examples:
        >>> shortened("Tokayev")
        "'Tokayev'"
        >>> shortened("x" * 5000, keep=5)
        "'xxxxx'…(5,000 characters)"

    """
    if len(text) <= keep:
        return repr(text)
    return f"{text[:keep]!r}…({len(text):,} characters)"
