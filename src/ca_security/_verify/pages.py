"""Checking page-sourced excerpts against the pages themselves, over the network.

The corpus texts prove their excerpts at character offsets, offline. A web
page cannot be re-read in CI, so :func:`check_pages` lets a user fetch each
cited page (once, with a timeout, a pause between requests to the same host
and a User-Agent that names this library) and report, per citation, whether
its excerpt is on the page.
"""

from __future__ import annotations

import codecs
import enum
import re
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .._model.normalise import normalise_text
from .defaults import DEFAULT_DELAY, DEFAULT_TIMEOUT
from .page_text import page_text

if TYPE_CHECKING:
    import urllib.request

    from .._dataset.dataset import Dataset
    from .._model.provenance import Citation

__all__ = [
    "DEFAULT_DELAY",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "PageCheck",
    "PageReport",
    "PageStatus",
    "check_pages",
    "user_agent",
]

#: The most bytes read of one page (4 MiB).
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024
_GONE = frozenset({404, 410})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class PageStatus(enum.Enum):
    """What became of one citation's excerpt when its page was read."""

    #: The excerpt is on the page (after normalising quotes, dashes, spaces and markup).
    FOUND = "found"
    #: The page was read in full and the excerpt is not on it.
    NOT_FOUND = "not found"
    #: The server answers that the page is gone (HTTP 404 Not Found or 410 Gone).
    GONE = "gone"
    #: The page could not be read (another HTTP error, a network failure, a
    #: timeout, a redirect to a scheme other than http(s), or a page larger
    #: than the limit that does not hold the excerpt in the part read).
    UNREACHABLE = "unreachable"


@attrs.frozen(kw_only=True)
class PageCheck:
    """One citation's excerpt, checked against its page.

    Attributes:
        file: The data file of the citing record, e.g. ``"statements.json"``.
        record: The citing record's id.
        field: Where the citation is in the record, e.g. ``"citations[1]"``.
        source: The cited source's id.
        url: The page's address, as the source records it.
        status: What was found.
        detail: Why, for anything but :attr:`PageStatus.FOUND` (e.g. ``"HTTP 503"``).

    """

    file: str
    record: str
    field: str
    source: str
    url: str
    status: PageStatus
    detail: str | None = None


@attrs.frozen
class PageReport:
    """What :func:`check_pages` found: one :class:`PageCheck` per page citation with an excerpt.

    Attributes:
        checks: Every check, in file and record order.
        skipped: Page citations without an excerpt (nothing to look for).
        pages: How many distinct pages were requested.

    """

    checks: tuple[PageCheck, ...]
    skipped: int
    pages: int

    def with_status(self, status: PageStatus) -> tuple[PageCheck, ...]:
        """The checks with ``status``."""
        return tuple(check for check in self.checks if check.status is status)

    @property
    def ok(self) -> bool:
        """No excerpt was shown missing from a page it was read on (gone or unreachable pages prove nothing)."""
        return not self.with_status(PageStatus.NOT_FOUND)


@attrs.frozen
class _Page:
    """A fetched page's normalised text, or why there is none."""

    text: str | None
    status: PageStatus | None = None
    detail: str | None = None
    truncated: bool = False


def user_agent() -> str:
    """The User-Agent sent with every request: the library and its version, and the HTTP client."""
    from .._version import __version__

    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"ca-security/{__version__} (verify --online; Python-urllib/{python})"


def _opener() -> urllib.request.OpenerDirector:
    """A urllib opener that follows redirects to http and https addresses only."""
    import urllib.request  # imported on first use: ``import ca_security`` stays quick

    class NoOtherSchemes(urllib.request.HTTPRedirectHandler):
        """Refuses a redirect to any scheme but http and https (urllib also follows ftp)."""

        def http_error_302(
            self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
        ) -> Any:
            target = headers.get("location") or headers.get("uri") or ""
            address = urllib.parse.urljoin(req.full_url, target)
            if target and urllib.parse.urlsplit(address).scheme.lower() not in ("http", "https"):
                fp.close()
                raise _RefusedRedirect(target)
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_302

    return urllib.request.build_opener(NoOtherSchemes())


class _RefusedRedirect(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(f"refused a redirect to a non-http(s) address: {target[:100]!r}")


def check_pages(
    dataset: Dataset,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    delay: float = DEFAULT_DELAY,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[PageCheck], None] | None = None,
) -> PageReport:
    """Fetch each page that a citation quotes and look for the excerpt on it.

    A page citation is one whose source has an address (``url``) and no
    corpus text (corpus excerpts are proved offline, at their offsets, by
    :func:`ca_security.load`'s rules and ``ca-security verify --corpus``).
    Every page is requested once, however many citations quote it, with
    ``urllib.request`` and a User-Agent that names the library and its
    version (``ca-security/VERSION (verify --online; Python-urllib/3.X)``;
    the project publishes no web address to name); a request
    to a host starts at least ``delay`` seconds after the last one to that
    host ended. The page's text (tags removed, entities unescaped) and the
    excerpt are compared after normalising quote marks (straight, curly and
    angle quotes read alike), dashes (hyphen, en and em dash, minus) and
    whitespace (each run is one space), and removing invisible characters
    such as soft hyphens; letters, digits, case and other punctuation must
    match.

    Redirects are followed to http and https addresses only. At most
    ``max_bytes`` of a page are read: a longer page is searched in the part
    read, and its citations are unreachable, not "not found", when the
    excerpt is not in it.

    Args:
        dataset: The dataset whose citations to check.
        timeout: Seconds allowed for each page, from the request to the last byte.
        delay: Seconds between the end of a request and the start of the
            next one to the same host.
        max_bytes: The most bytes read of one page.
        progress: Called with each check as it is made (e.g. to print it).

    Returns:
        A :class:`PageReport`; :attr:`PageReport.ok` is false when an excerpt
        is not on a page that was read.

    Raises:
        TypeError: when ``dataset`` is not a :class:`~ca_security.Dataset`,
            or an option is not a number.
        ValueError: when ``timeout`` is not positive, or ``delay`` or
            ``max_bytes`` is negative.

    """
    from .._dataset.dataset import Dataset

    if not isinstance(dataset, Dataset):
        raise TypeError(f"check_pages takes a Dataset, got {type(dataset).__name__}")
    for name, value in (("timeout", timeout), ("delay", delay), ("max_bytes", max_bytes)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not delay >= 0:
        raise ValueError(f"delay must be zero or more seconds, got {delay!r}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be zero or more, got {max_bytes!r}")
    opener = _opener()
    agent = user_agent()
    pages: dict[str, _Page] = {}
    last_request: dict[str, float] = {}
    checks: list[PageCheck] = []
    skipped = 0
    for file, record_id, field, citation, url in _page_citations(dataset):
        if citation.excerpt is None:
            skipped += 1
            continue
        page = pages.get(url)
        if page is None:
            host = (urllib.parse.urlsplit(url).hostname or "").lower()
            _pause(last_request.get(host), delay)
            page = pages[url] = _fetch(opener, agent, url, timeout, max_bytes)
            last_request[host] = time.monotonic()
        status, detail = _status(page, citation.excerpt, max_bytes)
        check = PageCheck(
            file=file,
            record=record_id,
            field=field,
            source=citation.source,
            url=url,
            status=status,
            detail=detail,
        )
        checks.append(check)
        if progress is not None:
            progress(check)
    return PageReport(checks=tuple(checks), skipped=skipped, pages=len(pages))


def _page_citations(dataset: Dataset) -> Iterator[tuple[str, str, str, Citation, str]]:
    """(file, record id, field, citation, url) for each citation of a page source."""
    from .._model.kinds import KINDS
    from .corpus import _citations

    for kind in KINDS:
        for record in getattr(dataset, kind.name):
            for field, citation in _citations(record, ""):
                source = dataset.sources.get(citation.source)
                if source is None or source.url is None or source.corpus_file is not None:
                    continue
                yield kind.file, record.id, field, citation, source.url


def _status(page: _Page, excerpt: str, max_bytes: int) -> tuple[PageStatus, str | None]:
    if page.text is None:
        return page.status or PageStatus.UNREACHABLE, page.detail
    wanted = normalise_text(excerpt)
    if wanted in page.text:
        return PageStatus.FOUND, None
    if page.truncated:
        return (
            PageStatus.UNREACHABLE,
            f"page larger than {max_bytes} bytes; the excerpt is not in the part read",
        )
    return PageStatus.NOT_FOUND, "the excerpt is not on the page"


def _pause(previous: float | None, delay: float) -> None:
    """Sleep until ``delay`` seconds have passed since ``previous`` (the end of the last request)."""
    if previous is not None:
        pause = previous + delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)


def _fetch(
    opener: urllib.request.OpenerDirector, agent: str, url: str, timeout: float, max_bytes: int
) -> _Page:
    """The page at ``url``, normalised, or its failure as a status and detail."""
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, headers={"User-Agent": agent, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"}
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            body, truncated = _read(response, max_bytes, deadline)
            charset = response.headers.get_content_charset()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        error.close()
        status = PageStatus.GONE if error.code in _GONE else PageStatus.UNREACHABLE
        return _Page(None, status, f"HTTP {error.code}")
    except _RefusedRedirect as error:
        return _Page(None, PageStatus.UNREACHABLE, str(error))
    except urllib.error.URLError as error:
        return _Page(None, PageStatus.UNREACHABLE, _reason(error.reason))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return _Page(None, PageStatus.UNREACHABLE, _reason(error))
    text = _decode(body, charset)
    if content_type != "text/plain":
        text = _visible_text(text)
    return _Page(normalise_text(text), truncated=truncated)


def _visible_text(markup: str) -> str:
    """:func:`page_text`, or for markup its parser gives up on, the text between tags."""
    try:
        return page_text(markup)
    except (AssertionError, ValueError):  # pragma: no cover - older html.parser versions
        import html

        return html.unescape(re.sub(r"<[^>]*>", " ", markup))


def _read(response: Any, max_bytes: int, deadline: float) -> tuple[bytes, bool]:
    """At most ``max_bytes`` of the body, and whether there was more; by ``deadline``."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not arrive within the timeout")
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[:max_bytes], True


def _decode(body: bytes, charset: str | None) -> str:
    """The body as text: the header's charset, else a ``<meta>`` charset, else UTF-8."""
    if charset is None:
        found = _META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else None
    try:
        codec = codecs.lookup(charset or "utf-8").name
    except LookupError:
        codec = "utf-8"
    return body.decode(codec, errors="replace")


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = str(reason) or type(reason).__name__
    return text[:200]
