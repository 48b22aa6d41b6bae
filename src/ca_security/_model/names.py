"""Folding names and texts so that look-ups ignore case, diacritics, punctuation and spacing."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold", "name_key", "tokens"]

# Unicode categories that separate words: punctuation, symbols, separators, controls.
_SEPARATING = frozenset("PSZC")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` folded for comparison: NFKD, combining marks dropped, casefolded.

    Punctuation, symbols and runs of white space become one space, and the
    result is stripped. Scripts are not transliterated: Cyrillic stays
    Cyrillic, so ``"Токаев"`` matches only a Cyrillic alias.

    Examples:
        >>> fold("  Maḥmudzoda, NASRULLO ")
        'mahmudzoda nasrullo'
        >>> fold("Kassym-Jomart")
        'kassym jomart'
        >>> fold("Токаёв")
        'токаев'

    """
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
