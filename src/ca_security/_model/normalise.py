"""Comparing an excerpt with a page's text: one spelling for quote marks, dashes and spaces.

A web page and the excerpt copied from it can differ in ways a reader does
not see: straight or curly quotes, a hyphen or an en dash, a line break or a
no-break space, markup and ``&amp;``-style entities. :func:`normalise_text`
removes those differences and nothing else (case, letters, digits and
punctuation other than quotes and dashes are kept); :func:`ca_security._verify.page_text.page_text`
turns an HTML page into the text a reader sees.
"""

from __future__ import annotations

__all__ = ["DASHES", "INVISIBLE", "QUOTES", "normalise_text"]

#: Quote marks, double and single (the apostrophe too), all read as ``"``: straight,
#: curly, low-9 and angle quotes (guillemets), primes, grave and acute accents.
QUOTES = (
    "\"'\u00ab\u00bb\u2039\u203a\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u2033\u2032`\u00b4"
)
#: Hyphens (the non-breaking one too), figure, en, em and bar dashes, the minus
#: sign and the hyphen bullet, all read as ``-``.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043"
#: Characters a page may hold but a reader does not see (soft hyphen, zero-width
#: spaces and joiners, byte-order mark): removed.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TABLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, QUOTES), '"'),
        **dict.fromkeys(map(ord, DASHES), "-"),
        **dict.fromkeys(map(ord, INVISIBLE), None),
    }
)

#: The part of the table that changes ASCII characters (``'`` and the grave accent
#: become ``"``): all that an ASCII text needs, applied with ``str.replace``.
_ASCII_REPLACEMENTS: tuple[tuple[str, str], ...] = tuple(
    (character, into)
    for characters, into in ((QUOTES, '"'), (DASHES, "-"), (INVISIBLE, ""))
    for character in characters
    if character.isascii() and character != into
)


def normalise_text(text: str) -> str:
    r"""``text`` with its quote marks, dashes and whitespace spelt one way.

    Every quote mark in :data:`QUOTES` becomes ``"``, every dash in
    :data:`DASHES` becomes ``-``, the invisible characters in
    :data:`INVISIBLE` are removed, and each run of whitespace (any Unicode
    space, tab or line break) becomes one space, with none at either end.

    >>> normalise_text("\u00abSecurity  is\n  indivisible\u00bb \u2013 he said\u2019s")
    '"Security is indivisible" - he said"s'
    """
    if text.isascii():  # the common case: a few replacements, no per-character table
        for old, new in _ASCII_REPLACEMENTS:
            text = text.replace(old, new)
        return " ".join(text.split())
    return " ".join(text.translate(_TABLE).split())
