"""check_pages and ``ca-security verify --online`` against a local server of made-up pages.

No test here reaches beyond 127.0.0.1: the pages are served by
``tests/page_server.py`` in a thread, and proxies are switched off.

Private imports: the CLI's main (in process) and the pages module, for the user agent the
server must see.
"""

from __future__ import annotations

import itertools
import json

import attrs
import pytest

import ca_security as cs
from ca_security import PageStatus, RenderingKind, StatementKind, check_pages
from ca_security._cli import main
from ca_security._verify import pages
from helpers import write_dataset
from page_server import EXCERPT, LATIN1_EXCERPT, closed_port, serve


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go to 127.0.0.1 directly, whatever proxy the environment names."""
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


def dataset(pages: dict[str, str], excerpt: str = EXCERPT) -> cs.Dataset:
    """One statement citing each page (source id -> url) with ``excerpt``, in order."""
    sources = tuple(
        cs.Source(id=sid, publisher=f"Outlet {sid}", url=url) for sid, url in pages.items()
    )
    statements = tuple(
        cs.Statement(
            id="said",
            speaker="a-minister",
            kind=StatementKind.DIRECT_QUOTE,
            text="Water security is a shared duty of the whole region.",
            citations=tuple(
                cs.Citation(source=sid, excerpt=excerpt, rendering=RenderingKind.QUOTED)
                for sid in pages
            ),
        )
        for _ in range(1 if pages else 0)
    )
    if not sources:  # the official still cites a source, one without a page
        sources = (cs.Source(id="none"),)
    first = cs.Citation(source=sources[0].id)
    officials = (cs.Official(id="a-minister", name="A Minister", citations=(first,)),)
    return cs.Dataset.from_records(
        cs.Metadata(dataset_version="test"),
        {"sources": sources, "statements": statements, "officials": officials},
    )


def statuses(report: cs.PageReport) -> dict[str, PageStatus]:
    return {check.source: check.status for check in report.checks}


def test_each_outcome_of_a_page() -> None:
    refused = f"http://127.0.0.1:{closed_port()}/found"
    with serve(slow=2.0) as server:
        ds = dataset(
            {
                "found": server.url("/found"),
                "changed": server.url("/changed"),
                "missing": server.url("/no-such-page"),
                "gone": server.url("/gone"),
                "broken": server.url("/broken"),
                "slow": server.url("/slow"),
                "refused": refused,
                "redirect": server.url("/redirect"),
                "redirect-ftp": server.url("/redirect-ftp"),
                "redirect-file": server.url("/redirect-file"),
            }
        )
        report = check_pages(ds, timeout=0.5, delay=0)
    assert statuses(report) == {
        "found": PageStatus.FOUND,
        "changed": PageStatus.NOT_FOUND,
        "missing": PageStatus.GONE,
        "gone": PageStatus.GONE,
        "broken": PageStatus.UNREACHABLE,
        "slow": PageStatus.UNREACHABLE,
        "refused": PageStatus.UNREACHABLE,
        "redirect": PageStatus.FOUND,
        "redirect-ftp": PageStatus.UNREACHABLE,
        "redirect-file": PageStatus.UNREACHABLE,
    }
    details = {check.source: check.detail for check in report.checks}
    assert details["found"] is None
    assert details["missing"] == "HTTP 404"
    assert details["gone"] == "HTTP 410"
    assert details["broken"] == "HTTP 500"
    assert "timed out" in (details["slow"] or "")
    assert "non-http(s)" in (details["redirect-ftp"] or "")
    assert (
        details["redirect-file"]
        == "refused a redirect to a non-http(s) address: 'file:///etc/hostname'"
    )
    assert not report.ok
    assert [c.source for c in report.with_status(PageStatus.NOT_FOUND)] == ["changed"]
    check = report.checks[0]
    assert attrs.has(type(check)) and isinstance(report, cs.PageReport)
    assert [(c.file, c.record, c.field) for c in report.checks[:2]] == [
        ("statements.json", "said", "citations[0]"),
        ("statements.json", "said", "citations[1]"),
    ]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        check.status = PageStatus.FOUND  # type: ignore[misc]


def test_a_report_without_a_missing_excerpt_is_ok() -> None:
    with serve() as server:
        ds = dataset({"found": server.url("/found"), "gone": server.url("/gone")})
        report = check_pages(ds, delay=0)
    assert report.ok
    assert report.pages == 2


def test_each_page_is_fetched_once_with_an_honest_user_agent() -> None:
    with serve() as server:
        url = server.url("/found")
        ds = dataset({"a": url, "b": url, "c": url})
        report = check_pages(ds, delay=0)
        hits = list(server.hits)
    assert [check.status for check in report.checks] == [PageStatus.FOUND] * 3
    assert report.pages == 1
    assert len(hits) == 1
    assert hits[0].user_agent == pages.user_agent()
    assert hits[0].user_agent.startswith(f"ca-security/{cs.__version__} ")
    assert "http" not in hits[0].user_agent  # no invented address: pyproject names none


def test_requests_to_one_host_are_spaced_by_the_delay() -> None:
    with serve() as server:
        ds = dataset({name: server.url(f"/found-{name}") for name in ("a", "b", "c")})
        check_pages(ds, delay=0.3)
        times = [hit.at for hit in server.hits]
    assert len(times) == 3
    assert all(later - earlier >= 0.3 for earlier, later in itertools.pairwise(times))


def test_a_page_is_read_up_to_the_limit_only() -> None:
    with serve(big=20_000) as server:
        ds = dataset({"early": server.url("/big-early"), "late": server.url("/big-late")})
        report = check_pages(ds, delay=0, max_bytes=5_000)
    assert statuses(report) == {"early": PageStatus.FOUND, "late": PageStatus.UNREACHABLE}
    late = report.checks[1]
    assert late.detail == "page larger than 5000 bytes; the excerpt is not in the part read"


def test_the_charset_of_a_meta_tag_and_plain_text_pages() -> None:
    with serve() as server:
        latin = check_pages(dataset({"l": server.url("/latin1")}, LATIN1_EXCERPT), delay=0)
        plain = check_pages(
            dataset({"p": server.url("/plain")}, "3 < 4 and the <b> stays."), delay=0
        )
    assert statuses(latin) == {"l": PageStatus.FOUND}
    assert statuses(plain) == {"p": PageStatus.FOUND}


def test_citations_without_an_excerpt_or_of_the_corpus_are_not_fetched() -> None:
    with serve() as server:
        sources = (
            cs.Source(id="page", url=server.url("/found")),
            cs.Source(id="corpus", url=server.url("/found"), corpus_file="000.txt"),
        )
        summit = cs.Summit(
            id="meeting",
            name="A meeting",
            citations=(cs.Citation(source="page"), cs.Citation(source="corpus", excerpt="x")),
        )
        ds = cs.Dataset.from_records(
            cs.Metadata(dataset_version="t"), {"sources": sources, "summits": (summit,)}
        )
        report = check_pages(ds, delay=0)
        hits = list(server.hits)
    assert report == cs.PageReport(checks=(), skipped=1, pages=0)
    assert hits == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"delay": -1}, "delay"),
        ({"max_bytes": -1}, "max_bytes"),
    ],
)
def test_bad_options_are_refused(options: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_pages(dataset({}), **options)  # type: ignore[arg-type]


def write(tmp_path, ds: cs.Dataset):
    directory = tmp_path / "data"
    write_dataset(directory, ds.metadata, {name: tuple(c) for name, c in ds.collections()})
    return directory


def test_cli_reports_each_citation_and_fails_on_a_missing_excerpt(tmp_path, capsys) -> None:
    with serve() as server:
        ds = dataset(
            {
                "found": server.url("/found"),
                "changed": server.url("/changed"),
                "gone": server.url("/gone"),
            }
        )
        directory = write(tmp_path, ds)
        code = main(["verify", "--online", "--data", str(directory), "--delay", "0"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines == [
        ["said", "found", server.url("/found"), "found"],
        ["said", "changed", server.url("/changed"), "not found (the excerpt is not on the page)"],
        ["said", "gone", server.url("/gone"), "gone (HTTP 410)"],
    ]
    assert err == (
        "ca-security: 3 page excerpts on 3 pages: 1 found, 1 not found, 1 gone, 0 unreachable "
        "(1 page citations have no excerpt to check)\n"
    )


def test_cli_passes_when_pages_are_only_gone_or_unreachable(tmp_path, capsys) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/x"
    with serve() as server:
        ds = dataset({"found": server.url("/found"), "gone": server.url("/gone"), "down": refused})
        directory = write(tmp_path, ds)
        code = main(
            ["verify", "--online", "--data", str(directory), "--delay", "0", "--format", "jsonl"]
        )
    out, err = capsys.readouterr()
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["source"], row["status"]) for row in rows] == [
        ("found", "found"),
        ("gone", "gone"),
        ("down", "unreachable"),
    ]
    assert rows[2] == {
        "file": "statements.json",
        "record": "said",
        "field": "citations[2]",
        "source": "down",
        "url": refused,
        "status": "unreachable",
        "detail": rows[2]["detail"],
    }
    assert rows[2]["detail"]
    assert err.startswith(
        "ok: 3 page excerpts on 3 pages: 1 found, 0 not found, 1 gone, 1 unreachable"
    )
    assert err.endswith("; 2 could not be checked (pages gone or unreachable)\n")


def test_cli_checks_the_corpus_and_the_pages_together(tmp_path, capsys) -> None:
    with serve() as server:
        directory = write(tmp_path, dataset({"changed": server.url("/changed")}))
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        code = main(
            [
                "verify",
                "--online",
                "--corpus",
                str(corpus),
                "--data",
                str(directory),
                "--delay",
                "0",
            ]
        )
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("ok: 0 excerpts are verbatim in the corpus")
    assert "1 not found" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["verify"], "verify needs --corpus DIR, --online, or both"),
        (["verify", "--online", "--delay", "soon"], "not a number of seconds: 'soon'"),
        (["verify", "--online", "--timeout", "-1"], "not a number of seconds: '-1'"),
        (["verify", "--online", "--timeout", "0"], "timeout must be a positive number"),
    ],
)
def test_cli_usage_errors(argv: list[str], message: str, capsys) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def all_citations(value):
    """Every Citation inside a record, walked here without the library's own walker."""
    if isinstance(value, cs.Citation):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from all_citations(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from all_citations(getattr(value, field.name))


def test_on_the_bundled_data_each_quoted_page_is_asked_for_once(monkeypatch) -> None:
    # The fetch is replaced: no test reaches beyond 127.0.0.1.
    asked: list[str] = []

    def fetch(opener, agent, url, timeout, max_bytes):
        asked.append(url)
        return pages._Page(None, PageStatus.UNREACHABLE, "not fetched in tests")

    monkeypatch.setattr(pages, "_fetch", fetch)
    ds = cs.load()
    report = check_pages(ds, delay=0)
    quoted = [
        (citation, ds.sources[citation.source])
        for _, collection in ds.collections()
        for record in collection
        for citation in all_citations(record)
        if ds.sources[citation.source].url and ds.sources[citation.source].corpus_file is None
    ]
    with_excerpt = [(c, s) for c, s in quoted if c.excerpt is not None]
    assert sorted(asked) == sorted({s.url for _, s in with_excerpt})
    assert len(report.checks) == len(with_excerpt)
    assert report.skipped == len(quoted) - len(with_excerpt)
    assert {check.status for check in report.checks} <= {PageStatus.UNREACHABLE}


def test_the_text_report_escapes_controls_from_the_data_and_the_server() -> None:
    """An address or a server message with ESC or a bidi override is shown escaped, JSON stays exact."""
    from ca_security._cli.online import _line
    from ca_security._verify.pages import PageCheck, PageStatus

    check = PageCheck(
        file="statements.json",
        record="said",
        field="citations[0]",
        source="wire",
        url="https://example.org/\x1b[2J",
        status=PageStatus.UNREACHABLE,
        detail="HTTP 500 \u202eevil",
    )
    line = _line(check, "text")
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[2J" in line and "\\u202eevil" in line
    assert json.loads(_line(check, "jsonl"))["url"] == "https://example.org/\x1b[2J"
