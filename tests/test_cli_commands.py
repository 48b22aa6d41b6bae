"""The commands of ``ca-security``, run as a subprocess: exit codes, parseable output, stderr.

Private import (one test): the CLI's SPECS table, to check that every query criterion
has an option.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ca_security as cs
from helpers import bundled_raw, write_raw

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (
    "stats",
    "statements",
    "officials",
    "summits",
    "show",
    "search",
    "holding",
    "timeline",
    "corroboration",
    "figures",
    "initiatives",
    "export",
    "validate",
    "verify",
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ca_security", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The run failed with ``code`` and one line on stderr, no traceback; returns that line."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("ca-security")
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "example:" in result.stdout
    assert f"ca-security {command}" in result.stdout


@pytest.mark.parametrize(
    ("command", "kind"),
    [("statements", "statements"), ("officials", "officials"), ("summits", "summits")],
)
def test_list_commands_print_json_jsonl_csv_and_tables(command, kind):
    ds = cs.load()
    ids = list(getattr(ds, kind).ids)
    as_json = run(command, "--format", "json")
    assert as_json.returncode == 0
    assert [record["id"] for record in json.loads(as_json.stdout)] == ids
    as_jsonl = run(command, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in as_jsonl.stdout.splitlines()] == ids
    as_csv = run(command, "--format", "csv")
    assert [row["id"] for row in csv.DictReader(io.StringIO(as_csv.stdout))] == ids
    table = run(command)
    lines = table.stdout.splitlines()
    assert lines[0].split()[0] == "id"
    # A long text wraps onto lines that start blank, under its column.
    assert [line.split()[0] for line in lines[2:] if not line.startswith(" ")] == ids
    limited = run(command, "--format", "jsonl", "--limit", "1")
    assert len(limited.stdout.splitlines()) == 1


def test_json_output_is_the_data_file_format():
    result = run("statements", "--format", "json")
    raw = {record["id"]: record for record in bundled_raw()["statements.json"]}
    for record in json.loads(result.stdout):
        assert {k: v for k, v in raw[record["id"]].items() if k in record} == record


def test_show_prints_a_record_as_text_or_json():
    result = run("show", "kassym-jomart-tokayev", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["name"] == cs.load().officials["kassym-jomart-tokayev"].name
    text = run("show", "kassym-jomart-tokayev")
    assert text.stdout.splitlines()[0] == "Official: Kassym-Jomart Tokayev [kassym-jomart-tokayev]"


def test_show_finds_a_record_by_name():
    result = run("show", "Nurdauletov", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "gizat-nurdauletov"


def test_show_an_unknown_id_is_an_input_error_with_suggestions():
    line = one_line_error(run("show", "kassym-jomart-tokaev"), 2)
    assert "kassym-jomart-tokayev" in line


def test_search_finds_records_by_text():
    result = run("search", "AFGHANISTAN", "--format", "jsonl")
    assert result.returncode == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"kind": "topic", "id": "afghanistan", "field": "name", "text": "Afghanistan"} in hits
    assert all(
        "afghanistan" in (hit["id"] if hit["field"] == "id" else hit["text"]).lower()
        for hit in hits
    )
    nothing = run("search", "zzzz-no-such-words", "--format", "json")
    assert json.loads(nothing.stdout) == []


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet", "popolo"])
def test_export_writes_each_format_and_refuses_to_overwrite(tmp_path, fmt):
    target = tmp_path / "out"
    result = run("export", "--format", fmt, str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    expected = {
        "json": "statements.json",
        "csv": "datapackage.json",
        "parquet": "statements.parquet",
        "popolo": "popolo.json",
    }[fmt]
    assert (target / expected).is_file()
    again = one_line_error(run("export", "--format", fmt, str(target)), 2)
    assert "--force" in again
    assert run("export", "--format", fmt, "--force", str(target)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    if fmt == "json":
        assert cs.load(target) == cs.load()


def test_export_needs_a_format():
    result = run("export", "somewhere")
    assert result.returncode == 2
    assert "--format" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_validate_a_good_and_a_broken_dataset(tmp_path):
    good = cs.load().to_json(tmp_path / "good")
    ok = run("validate", str(good))
    assert ok.returncode == 0
    assert ok.stdout.startswith("ok: ")
    raw = bundled_raw()
    raw["statements.json"][0]["speaker"] = "nobody-at-all"
    raw["summits.json"][0]["start"] = "May the 16th"
    write_raw(tmp_path / "bad", raw)
    bad = run("validate", str(tmp_path / "bad"))
    assert bad.returncode == 1
    problems = bad.stdout.splitlines()
    assert any("summits.json" in line and "start" in line for line in problems), problems
    count = len(problems)
    assert f"{count} problem{'s' if count != 1 else ''} in " in one_line_error(bad, 1)


def test_validate_jsonl_gives_one_object_per_problem(tmp_path):
    raw = bundled_raw()
    raw["statements.json"][0]["kind"] = "rumour"
    raw["statements.json"][1]["colour"] = "red"
    write_raw(tmp_path / "bad", raw)
    result = run("validate", str(tmp_path / "bad"), "--format", "jsonl")
    assert result.returncode == 1
    problems = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(p["file"], p["record"], p["field"]) for p in problems] == [
        ("statements.json", raw["statements.json"][0]["id"], "kind"),
        ("statements.json", raw["statements.json"][1]["id"], "colour"),
    ]
    assert "colour" in problems[1]["message"]
    assert all(set(p) == {"file", "record", "field", "message"} for p in problems)


def test_stats_as_json():
    ds = cs.load()
    result = run("stats", "--format", "json")
    summary = json.loads(result.stdout)
    assert summary["dataset_version"] == ds.version
    assert summary["records"] == {name: len(coll) for name, coll in ds.collections()}
    assert sum(summary["statements_per_speaker"].values()) == len(ds.statements)
    assert set(summary["spans"]) == {"statements", "meetings"}


def test_validate_a_missing_path_is_an_input_error(tmp_path):
    one_line_error(run("validate", str(tmp_path / "nowhere")), 2)


def test_a_broken_data_option_gives_one_line_and_exit_1(tmp_path):
    line = one_line_error(run("statements", "--data", str(tmp_path)), 1)
    assert "validate" in line


def test_verify_checks_every_excerpt_against_the_corpus(tmp_path):
    ok = run("verify", "--corpus", str(ROOT / "corpus"))
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.startswith("ok: ")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    source = cs.load().sources["asiandiplomacy-key-pillars"]
    text = (corpus / source.corpus_file).read_text("utf-8")
    (corpus / source.corpus_file).write_text(text.replace("Afghanistan", "Afganistan"), "utf-8")
    bad = run("verify", "--corpus", str(corpus))
    assert bad.returncode == 1
    assert any("not verbatim" in line for line in bad.stdout.splitlines())
    one_line_error(bad, 1)
    missing = one_line_error(run("verify", "--corpus", str(tmp_path / "none")), 2)
    assert "corpus" in missing


@pytest.mark.parametrize(
    "args",
    [
        ("statements", "--format", "xml"),
        ("statements", "--limit", "0"),
        ("summits", "--year", "last"),
        ("nonsense",),
        (),
    ],
)
def test_usage_errors_exit_2_with_one_line(args):
    one_line_error(run(*args), 2)


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "ca-security"
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    result = subprocess.run([str(script), "stats"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("ca_security ")


@pytest.mark.parametrize(
    ("args", "collection", "criteria"),
    [
        (
            ("statements", "--speaker", "Tokayev", "--since", "2024-05", "--until", "2024-06"),
            "statements",
            {"speaker": ["Tokayev"], "since": "2024-05", "until": "2024-06"},
        ),
        (("statements", "--topic", "terrorism"), "statements", {"topic": ["terrorism"]}),
        (("statements", "--kind", "paraphrase"), "statements", {"kind": "paraphrase"}),
        (
            ("summits", "--year", "2024", "--country", "kz"),
            "summits",
            {"year": 2024, "country": ["kz"]},
        ),
        (("summits", "--summit-format", "summit"), "summits", {"format": "summit"}),
        (("officials", "--country", "kz"), "officials", {"country": ["kz"]}),
    ],
)
def test_filter_options_give_what_the_query_api_gives(args, collection, criteria):
    expected = list(getattr(cs.load(), collection).filter(**criteria).ids)
    result = run(*args, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected


def test_a_filter_on_an_unknown_name_is_an_input_error():
    line = one_line_error(run("statements", "--speaker", "Tokayevv"), 2)
    assert "Tokayevv" in line


def test_every_filter_criterion_is_an_option():
    from ca_security._query.criteria import SPECS

    for command, noun in (
        ("statements", "statement"),
        ("summits", "summit"),
        ("officials", "official"),
    ):
        help_text = run(command, "--help").stdout
        for name in SPECS[noun].valid:
            assert f"--{name}" in help_text or f"--{noun}-{name}" in help_text, (command, name)


def test_max_file_bytes_raises_the_limit_for_every_command(tmp_path, capsys):
    from ca_security._cli import main

    data = cs.load().to_json(tmp_path / "data")
    largest = max(path.stat().st_size for path in data.iterdir())
    assert main(["stats", "--data", str(data), "--max-file-bytes", str(largest - 1)]) == 1
    assert "--max-file-bytes" in capsys.readouterr().err
    assert main(["stats", "--data", str(data), "--max-file-bytes", str(largest)]) == 0
    assert main(["validate", str(data), "--max-file-bytes", str(largest - 1)]) == 1
    assert main(["validate", str(data), "--max-file-bytes", str(largest)]) == 0
    assert main(["stats", "--max-file-bytes", "0"]) == 2
