"""What the command line prints for people: names for ids, words for values, wrapped tables.

Run in-process (``main(argv)``) for speed; the subprocess tests are in
test_cli_commands.py.

Private imports: the CLI's main (in process) and the search behind ``ca-security
search``, which has no public Python API.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ca_security as cs
from ca_security._cli import main
from ca_security._export.search import search as cli_search
from helpers import bundled_raw, write_raw

ROOT = Path(__file__).resolve().parent.parent
DS = cs.load()


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *args: str):
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    return json.loads(out)


# -- show ----------------------------------------------------------------------------------


def test_show_names_people_places_and_sources_with_the_id_in_brackets(capsys):
    code, out, _ = cli(capsys, "show", "sc-secretaries-2024-05-16-astana")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Summit: First meeting of the Secretaries of the Security Councils of the Central "
        "Asian states [sc-secretaries-2024-05-16-astana]"
    )
    assert "place: Astana [astana]" in lines
    assert "host_country: Kazakhstan [kz]" in lines
    assert "format: ministerial" in lines  # a word, not SummitFormat.MINISTERIAL
    assert "status: held" in lines
    assert not any("SummitFormat." in line or "Role." in line for line in lines)


def test_show_prints_participants_as_name_role_country(capsys):
    _, out, _ = cli(capsys, "show", "sc-secretaries-2024-05-16-astana")
    assert (
        "  - Gizat Nurdauletov [gizat-nurdauletov] — head of delegation "
        "(Kazakhstan, Secretary of the Security Council of Kazakhstan)"
    ) in out.splitlines()
    assert "  - Kassym-Jomart Tokayev [kassym-jomart-tokayev] — host (" in out


def test_show_prints_citations_as_publisher_date_excerpt_and_rendering(capsys):
    _, out, _ = cli(capsys, "show", "tokayev-2024-05-16-afghanistan-focus")
    statement = DS.statements["tokayev-2024-05-16-afghanistan-focus"]
    citation = statement.citations[0]
    source = DS.sources[citation.source]
    expected = (
        f"  - {source.publisher}, {source.published.isoformat()}: {citation.excerpt} "
        f"({citation.rendering.value}) [{source.id}]"
    )
    assert expected in out.splitlines()
    assert "speaker: Kassym-Jomart Tokayev [kassym-jomart-tokayev]" in out.splitlines()
    assert "kind: direct quote" in out.splitlines()


def test_show_as_json_is_the_data_file_format(capsys):
    value = cli_json(capsys, "show", "kassym-jomart-tokayev", "--format", "json")
    assert value["id"] == "kassym-jomart-tokayev"
    assert value["tenures"][0]["post"] == "kz-president"


# -- tables ----------------------------------------------------------------------------------


def test_tables_show_the_speakers_name_and_wrap_the_text_in_full(capsys, monkeypatch):
    longest_id = max(len(s.id) for s in DS.statements.filter(speaker="Tokayev"))
    # The id whole; date, "Kassym-Jomart", "paraphrase" and 40 for the text, with gaps.
    width = longest_id + 2 + 10 + 2 + 13 + 2 + 12 + 2 + 40
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = cli(capsys, "statements", "--speaker", "Tokayev")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    left, right = [m.span() for m in re.finditer(r"-+", lines[1])][2]
    speakers = [line[left:right].strip() for line in lines[2:] if not line.startswith(" ")]
    assert speakers and set(speakers) == {"Kassym-Jomart"}  # the name (wrapped), not the id
    texts = _unwrapped(out).splitlines()
    expected = [" ".join(s.text.split()) for s in DS.statements.filter(speaker="Tokayev")]
    assert texts == expected  # every text in full, none cut


def _unwrapped(out: str) -> str:
    """The text column of a table, each row's pieces joined with spaces."""
    lines = out.splitlines()
    start = lines[1].rstrip().rfind("  ") + 2
    rows: list[str] = []
    for line in lines[2:]:
        piece = line[start:].strip()
        if not line.startswith(" "):
            rows.append(piece)
        else:
            rows[-1] += " " + piece
    return "\n".join(rows)


def test_officials_table_names_the_posts(capsys):
    _, out, _ = cli(capsys, "officials", "--limit", "40")
    assert "President of Kazakhstan" in " ".join(out.split())


# -- search ----------------------------------------------------------------------------------


def test_search_folds_accents_and_transliterated_spellings_like_collection_search(capsys):
    query = "меилис аннабердиев"
    assert [o.id for o in DS.officials.search(query)][:1] == ["meilis-annaberdiev"]
    hits = cli_json(capsys, "search", query, "--format", "json")
    assert hits[0]["id"] == "meilis-annaberdiev"


def test_search_ranks_statements_and_people_before_sources(capsys):
    hits = cli_json(capsys, "search", "Afghanistan", "--format", "json")
    kinds = [hit["kind"] for hit in hits]
    assert kinds[0] == "statement"
    assert "source" in kinds
    last_person = max(at for at, kind in enumerate(kinds) if kind in ("statement", "official"))
    first_source = kinds.index("source")
    assert last_person < first_source
    assert kinds[first_source:] == ["source"] * (len(kinds) - first_source)


def test_search_finds_nothing_for_words_no_record_holds(capsys):
    assert cli_json(capsys, "search", "zzzz-no-such-words", "--format", "json") == []


# -- errors ----------------------------------------------------------------------------------


def test_error_messages_keep_their_quotes(capsys):
    code, _, err = cli(capsys, "statements", "--since", "sometime")
    assert code == 2
    assert "cannot read a date from 'sometime'" in err


def test_holding_date_error_keeps_its_quotes(capsys):
    code, _, err = cli(capsys, "holding", "--country", "kz", "--on", "sometime")
    assert code == 2
    assert "'sometime'" in err


def test_verify_with_an_empty_corpus_folder_says_the_files_are_missing(capsys, tmp_path):
    code, out, err = cli(capsys, "verify", "--corpus", str(tmp_path))
    assert code == 2
    assert "holds none of the" in err and "corpus files" in err
    assert out == ""


def test_verify_lists_each_missing_corpus_file_once(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    named = sorted({s.corpus_file for s in DS.sources if s.corpus_file})
    (corpus / named[0]).unlink()
    code, out, err = cli(capsys, "verify", "--corpus", str(corpus))
    assert code == 1
    lines = out.splitlines()
    assert lines == [f"{named[0]}: corpus file is missing from {str(corpus)!r}"]
    assert f"1 of {len(named)} corpus files missing" in err


def test_validate_reads_the_data_option(capsys, tmp_path):
    target = tmp_path / "data"
    DS.to_json(target)
    code, out, _ = cli(capsys, "validate", "--data", str(target))
    assert code == 0
    assert out.startswith(f"ok: {target} ")
    code, _, err = cli(capsys, "validate", str(target), "--data", str(tmp_path))
    assert code == 2
    assert "give one" in err
    code, _, err = cli(capsys, "validate")
    assert code == 2 and "PATH or --data" in err


def test_validate_with_a_broken_data_option_reports_its_problems(capsys, tmp_path):
    code, _, err = cli(capsys, "validate", "--data", str(tmp_path))
    assert code == 1
    assert "metadata.json" in err or "problem" in err


def test_an_export_error_speaks_of_the_destination_given(capsys, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", "utf-8")
    code, _, err = cli(capsys, "export", "--format", "json", str(target))
    assert code == 2
    assert f"{str(target)!r} already exists; add --force to replace it" in err
    assert "overwrite=True" not in err
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    code, _, err = cli(capsys, "export", "--format", "csv", str(blocker / "sub"))
    assert code == 2
    assert f"cannot write {str(blocker / 'sub')!r}" in err
    assert ".tmp" not in err


def test_export_flat_refuses_another_format(capsys, tmp_path):
    code, _, err = cli(capsys, "export", "--flat", "--format", "json", str(tmp_path / "x"))
    assert code == 2 and "--flat" in err
    code, _, err = cli(capsys, "export", str(tmp_path / "x"))
    assert code == 2 and "--format" in err


# -- new commands ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("post", "on"),
    [
        ("Secretary of the Security Council of Tajikistan", "2024-05-16"),
        ("kz-security-council-secretary", "2024"),
        ("us-president", "2025-06-01"),
    ],
)
def test_holding_prints_what_officials_holding_answers(capsys, post, on):
    answer = DS.officials.holding(post=post, on=on)
    rows = cli_json(capsys, "holding", "--post", post, "--on", on, "--format", "json")
    expected = [
        ("certain" if held.certain else "possible", held.official.id, held.post.name)
        for held in answer
    ]
    assert [(row["holder"], row["official"], row["post"]) for row in rows] == expected
    _, out, _ = cli(capsys, "holding", "--post", post, "--on", on)
    if expected:
        statuses = [line.split()[0] for line in out.splitlines()[2:] if not line.startswith(" ")]
        assert statuses == [status for status, _, _ in expected]
        assert f"{answer.certain[0].official.name if answer.certain else ''}" in out


def test_holding_needs_a_post_or_a_country(capsys):
    code, _, err = cli(capsys, "holding", "--on", "2024")
    assert code == 2 and "--post" in err


def test_holding_with_no_holder_says_so(capsys, tmp_path):
    raw = bundled_raw()
    for official in raw["officials.json"]:
        official["tenures"] = []
    write_raw(tmp_path, raw)
    args = ("holding", "--post", "kz-president", "--on", "1800", "--data", str(tmp_path))
    code, out, _ = cli(capsys, *args)
    assert code == 0
    assert out.startswith("no one is known to have held the post on 1800")


def test_timeline_lists_what_dataset_timeline_gives(capsys):
    expected = [r.id for r in DS.timeline(mentions="Afghanistan", since="2024")]
    rows = cli_json(
        capsys, "timeline", "--mentions", "Afghanistan", "--since", "2024", "--format", "json"
    )
    assert [row["id"] for row in rows] == expected
    assert {row["kind"] for row in rows} <= {"incident", "summit", "statement"}


def test_corroboration_separates_quotes_from_reports(capsys):
    statement = next(
        s for s in DS.statements if DS.corroboration(s).quoted and DS.corroboration(s).reported
    )
    answer = DS.corroboration(statement)
    code, out, _ = cli(capsys, "corroboration", statement.id)
    assert code == 0
    quoted_part = out.split("quoted (", 1)[1].split("reported (", 1)[0]
    reported_part = out.split("reported (", 1)[1]
    for rendering in answer.quoted:
        assert f"[{rendering.source.id}]" in quoted_part
        assert f"[{rendering.source.id}]" not in reported_part.split("other renderings")[0]
    for rendering in answer.reported:
        assert f"[{rendering.source.id}]" in reported_part
    assert f"independent origins: {answer.independent}" in out
    value = cli_json(capsys, "corroboration", statement.id, "--format", "json")
    assert value["independent"] == answer.independent
    assert [r["rendering"] for r in value["renderings"]] == [
        None if r.kind is None else r.kind.value for r in answer.renderings
    ]


def test_corroboration_of_an_unknown_statement_is_an_input_error(capsys):
    code, _, err = cli(capsys, "corroboration", "no-such-statement")
    assert code == 2 and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "kind"), [("figures", "figures"), ("initiatives", "initiatives")]
)
def test_figures_and_initiatives_list_their_records(capsys, command, kind):
    rows = cli_json(capsys, command, "--format", "json")
    assert [row["id"] for row in rows] == list(getattr(DS, kind).ids)
    code, out, _ = cli(capsys, command)
    assert code == 0 and "Kassym-Jomart" in out


def test_figures_print_values_in_full(capsys):
    _, out, _ = cli(capsys, "figures")
    assert "e+" not in out
    assert "5,700,000,000" in out


# -- flat tables -----------------------------------------------------------------------------


def test_export_flat_writes_excel_friendly_csv(capsys, tmp_path):
    target = tmp_path / "flat"
    code, _, err = cli(capsys, "export", "--flat", str(target))
    assert code == 0, err
    assert sorted(p.name for p in target.iterdir() if p.suffix == ".csv") == [
        "statements.csv",
        "summits.csv",
    ]
    raw = (target / "statements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\n", 1)[0].endswith(b"\r")  # CRLF, as Excel writes
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == list(DS.statements.ids)


# -- one matching rule -----------------------------------------------------------------------

KIND_ORDER = [
    "statement",
    "official",
    "country",
    "place",
    "organization",
    "topic",
    "series",
    "post",
    "initiative",
    "summit",
    "figure",
    "incident",
    "source",
]


def _respelled(name: str, data) -> str:
    """``name`` with random case and accents added (U+0301 after letters), then NFC-composed."""
    import unicodedata

    out = []
    for char in name:
        char = char.upper() if data.draw(st.booleans()) else char.lower()
        out.append(char + ("\u0301" if char.isalpha() and data.draw(st.booleans()) else ""))
    return unicodedata.normalize("NFC", "".join(out))


@settings(deadline=None)
@given(st.data())
def test_cli_and_python_search_find_an_official_by_any_spelling_of_a_name(data):
    official = data.draw(st.sampled_from(list(DS.officials)))
    spelling = data.draw(st.sampled_from((official.name, *official.aliases)))
    query = _respelled(spelling, data)
    assert official in DS.officials.search(query, limit=len(DS.officials))
    hits = cli_search(DS, query)
    assert official.id in [hit.id for hit in hits if hit.kind == "official"]
    ranks = [KIND_ORDER.index(hit.kind) for hit in hits]
    assert ranks == sorted(ranks)


def test_timeline_lists_incidents_by_name(capsys):
    incidents = [r for r in DS.timeline() if type(r).__name__ == "Incident"]
    if not incidents:
        pytest.skip("no incident in the bundled data")
    rows = cli_json(capsys, "timeline", "--format", "json")
    shown = [(row["id"], row["text"]) for row in rows if row["kind"] == "incident"]
    assert shown == [(incident.id, incident.name) for incident in incidents]
