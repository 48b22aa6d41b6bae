"""The text a reader sees on an HTML page, for comparing excerpts with the pages they cite.

Kept apart from :mod:`ca_security._model.normalise` so that only checking
pages imports the HTML parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["page_text"]

#: Elements whose content is code, not text a reader sees.
_HIDDEN = frozenset({"script", "style", "template"})
#: Elements that break the text (a paragraph, a cell, a line break): they stand for a space.
_BREAKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
        "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "img", "li", "main", "nav", "ol", "option", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
        "ul",
    }
)  # fmt: skip


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML page, entities unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def page_text(html: str) -> str:
    r"""The text a reader sees on an HTML page: tags removed, entities unescaped.

    Scripts, styles and templates are left out; block elements
    (paragraphs, cells, line breaks) become spaces, inline ones (``<em>``,
    ``<a>``) join their text to what surrounds it. Plain text passes through
    with only its entities unescaped. The result is not normalised: pass it
    to :func:`~ca_security._model.normalise.normalise_text` to compare.

    >>> page_text("<p>Peace&nbsp;and <em>stability</em></p><p>&laquo;now&raquo;</p>")
    ' Peace\xa0and stability  \xabnow\xbb '
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
