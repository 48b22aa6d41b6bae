"""The normaliser that compares excerpts with pages: examples, and properties against an oracle.

Private import: the text normaliser has no public API; it is checked against an oracle
written here.
"""

from __future__ import annotations

import html
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ca_security._model.normalise import normalise_text
from ca_security._verify.page_text import page_text

# The oracle's own tables, by Unicode name: they do not come from the module under test.
ORACLE_QUOTES = {'"', "'", "`"} | {
    unicodedata.lookup(name)
    for name in (
        "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK",
        "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK",
        "SINGLE LEFT-POINTING ANGLE QUOTATION MARK",
        "SINGLE RIGHT-POINTING ANGLE QUOTATION MARK",
        "LEFT DOUBLE QUOTATION MARK",
        "RIGHT DOUBLE QUOTATION MARK",
        "DOUBLE LOW-9 QUOTATION MARK",
        "DOUBLE HIGH-REVERSED-9 QUOTATION MARK",
        "LEFT SINGLE QUOTATION MARK",
        "RIGHT SINGLE QUOTATION MARK",
        "SINGLE LOW-9 QUOTATION MARK",
        "SINGLE HIGH-REVERSED-9 QUOTATION MARK",
        "DOUBLE PRIME",
        "PRIME",
        "ACUTE ACCENT",
    )
}
ORACLE_DASHES = {"-"} | {
    unicodedata.lookup(name)
    for name in (
        "HYPHEN",
        "NON-BREAKING HYPHEN",
        "FIGURE DASH",
        "EN DASH",
        "EM DASH",
        "HORIZONTAL BAR",
        "MINUS SIGN",
        "HYPHEN BULLET",
    )
}
ORACLE_INVISIBLE = {
    unicodedata.lookup(name)
    for name in (
        "SOFT HYPHEN",
        "ZERO WIDTH SPACE",
        "ZERO WIDTH NON-JOINER",
        "ZERO WIDTH JOINER",
        "WORD JOINER",
        "ZERO WIDTH NO-BREAK SPACE",
    )
}


def oracle(text: str) -> str:
    """Character by character: a different algorithm from the module's translate-and-split."""
    out: list[str] = []
    space = False
    for char in text:
        if char in ORACLE_INVISIBLE:
            continue
        if char.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            space = False
        out.append('"' if char in ORACLE_QUOTES else "-" if char in ORACLE_DASHES else char)
    return "".join(out)


SPECIAL = [
    *sorted(ORACLE_QUOTES | ORACLE_DASHES | ORACLE_INVISIBLE),
    " ",
    "\t",
    "\n",
    "\r",
    "\xa0",
    "\u2009",
    "\u202f",
    "\u3000",
]
TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIAL), st.characters(blacklist_categories=("Cs",)), st.sampled_from("ab")
    )
)


@given(TEXTS)
def test_the_normaliser_agrees_with_the_oracle(text: str) -> None:
    assert normalise_text(text) == oracle(text)


ASCII_TEXTS = st.text(
    alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from("'`\"- \t\n"))
)


@given(ASCII_TEXTS)
def test_ascii_text_agrees_with_the_oracle(text: str) -> None:
    """ASCII text takes the module's ``str.replace`` route; the oracle is the same."""
    assert normalise_text(text) == oracle(text)


@given(TEXTS)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == once.strip()
    assert "  " not in once


WORDS = st.lists(st.text(alphabet="abcXYZ.,!?0", min_size=1, max_size=6), min_size=1, max_size=8)
SPACES = st.text(alphabet=[" ", "\n", "\t", "\r", "\xa0", "\u2009"], min_size=1, max_size=3)


@given(WORDS, st.data())
def test_spellings_of_one_quotation_normalise_alike(words: list[str], data: st.DataObject) -> None:
    """Any quote marks, dashes and spacing around the same words give the same text."""

    def spelling() -> str:
        open_mark = data.draw(st.sampled_from(sorted(ORACLE_QUOTES)))
        close_mark = data.draw(st.sampled_from(sorted(ORACLE_QUOTES)))
        dash = data.draw(st.sampled_from(sorted(ORACLE_DASHES)))
        gaps = [data.draw(SPACES) for _ in words]
        body = "".join(word + gap for word, gap in zip(words, gaps, strict=True))
        return f"{open_mark}{body.rstrip()}{close_mark} {dash} said"

    assert normalise_text(spelling()) == normalise_text(spelling())


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_escaped_text_in_markup_reads_as_the_text(text: str) -> None:
    page = f"<html><body><div><p>{html.escape(text)}</p></div></body></html>"
    assert normalise_text(page_text(page)) == normalise_text(text)


def test_examples() -> None:
    text = "  \u00abPeace\u00bb\u00a0\u2013 and\n\t\u2018order\u2019  "
    assert normalise_text(text) == '"Peace" - and "order"'
    assert normalise_text("co\u00adop\u200beration") == "cooperation"
    assert normalise_text("Case Stays") != normalise_text("case stays")
    assert normalise_text("") == ""


def test_page_text_drops_code_and_markup_and_unescapes_entities() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style>"
        "<script>if (a < b) { x = '&amp;'; }</script></head>"
        "<body><p>One&nbsp;<b>bold</b>ly said &ldquo;yes&rdquo;</p><p>Two</p>"
        "<br/>Three<template>hidden</template><!-- comment --></body></html>"
    )
    assert normalise_text(page_text(page)) == 'T One boldly said "yes" Two Three'


def test_page_text_keeps_inline_words_whole_and_splits_blocks() -> None:
    assert normalise_text(page_text("im<em>port</em>ant")) == "important"
    assert normalise_text(page_text("<li>one</li><li>two</li>")) == "one two"
    assert normalise_text(page_text("a &amp; b &#8212; c &unknown;")) == "a & b - c &unknown;"
