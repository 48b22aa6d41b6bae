"""References to the sources of a record: APA, Chicago, BibTeX and CSL-JSON.

Only what a :class:`~ca_security.Source` records is written: a field the
dataset does not know (a title, a date) is left out of the reference, never
guessed. No source records an author, so every reference is by title or
outlet.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .._model.dates import PartialDate
from .._model.enums import SourceKind
from .._model.provenance import Source

if TYPE_CHECKING:
    from .._dataset.dataset import Dataset

__all__ = ["STYLES", "cite", "csl_item"]

#: The citation styles :func:`cite` writes.
STYLES = ("apa", "chicago", "bibtex", "csl-json")

_CSL_TYPES = {
    SourceKind.NEWS_REPORT: "article-newspaper",
    SourceKind.INTERVIEW: "interview",
    SourceKind.ARTICLE: "article",
    SourceKind.OFFICIAL_STATEMENT: "document",
    SourceKind.REFERENCE: "entry",
    SourceKind.WEB_PAGE: "webpage",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def cite(dataset: Dataset, record: Any, style: str = "apa") -> str:
    """References to the sources a record cites, one per source, in the order cited.

    Args:
        dataset: The dataset the record and its sources belong to.
        record: A record with ``citations`` (a statement, a summit, ...) or its id.
        style: ``"apa"``, ``"chicago"``, ``"bibtex"`` or ``"csl-json"``.

    Returns:
        The references as text: one per line (APA, Chicago), entries separated
        by a blank line (BibTeX), or a JSON array of CSL items (CSL-JSON).

    Raises:
        TypeError: for something that is neither a record nor an id.
        ValueError: for an unknown style, or a record without citations.
        RecordNotFoundError: for an id no record has.

    """
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; use one of {', '.join(STYLES)}")
    if isinstance(record, str):
        record = dataset[record]
    if not isinstance(getattr(record, "id", None), str):
        raise TypeError(f"cite takes a record or its id, got {type(record).__name__}")
    citations = getattr(record, "citations", None)
    if citations is None:
        raise ValueError(f"{type(record).__name__} records cite no sources")
    sources: list[Source] = []
    for citation in citations:
        source = dataset.sources[citation.source]
        if source not in sources:
            sources.append(source)
    if style == "csl-json":
        return json.dumps([csl_item(source) for source in sources], ensure_ascii=False, indent=2)
    if style == "bibtex":
        return "\n\n".join(_bibtex(source) for source in sources)
    write = _apa if style == "apa" else _chicago
    return "\n".join(write(source) for source in sources)


def csl_item(source: Source) -> dict[str, Any]:
    """A source as a CSL-JSON item (the format of Zotero, Pandoc and citeproc)."""
    item: dict[str, Any] = {"id": source.id, "type": _CSL_TYPES[source.kind]}
    if source.title is not None:
        item["title"] = source.title
    if source.publisher is not None:
        item["container-title"] = source.publisher
    if source.published is not None:
        parts = [source.published.year, source.published.month, source.published.day]
        item["issued"] = {"date-parts": [[part for part in parts if part is not None]]}
    if source.url is not None:
        item["URL"] = source.url
    if source.language is not None:
        item["language"] = source.language
    return item


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def _bibtex(source: Source) -> str:
    fields: list[tuple[str, str]] = []
    if source.title is not None:
        fields.append(("title", "{" + _bibtex_text(source.title) + "}"))
    if source.publisher is not None:
        fields.append(("organization", _bibtex_text(source.publisher)))
    if source.published is not None:
        fields.append(("date", source.published.isoformat()))
    if source.url is not None:
        fields.append(("url", source.url))
    if source.language is not None:
        fields.append(("langid", source.language))
    body = "".join(f",\n  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{source.id}{body}\n}}"


def _apa_date(date: PartialDate | None) -> str:
    if date is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    text = f"{date.year}, {_MONTHS[date.month - 1]}"
    return text if date.day is None else f"{text} {date.day}"


def _chicago_date(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    return f"{month} {date.year}" if date.day is None else f"{month} {date.day}, {date.year}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _apa(source: Source) -> str:
    lead = source.title or source.publisher or f"[{source.id}]"
    parts = [_sentence(lead)]
    parts.append(f"({_apa_date(source.published)}).")
    if source.title is not None and source.publisher is not None:
        parts.append(_sentence(source.publisher))
    if source.url is not None:
        parts.append(source.url)
    return " ".join(parts)


def _chicago(source: Source) -> str:
    parts = []
    if source.publisher is None and source.title is None:
        parts.append(f"[{source.id}].")
    if source.publisher is not None:
        parts.append(_sentence(source.publisher))
    if source.title is not None:
        title = source.title if source.title.endswith((".", "?", "!")) else source.title + "."
        parts.append(f"\u201c{title}\u201d")
    if source.published is not None:
        parts.append(_chicago_date(source.published) + ".")
    if source.url is not None:
        parts.append(source.url + ".")
    return " ".join(parts)
