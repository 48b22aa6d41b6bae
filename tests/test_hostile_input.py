"""Regression tests for hostile data files, one per bug the fuzzing found, and the limits.

Private imports: too_deep and MAX_FILE_BYTES (patched to a small size), limits with no
public switch; verify_excerpts, the offline corpus check; KINDS.
"""

from __future__ import annotations

import copy
import json
import os
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

import ca_security as cs
from _hostile import check_problems
from ca_security._load.structuring import too_deep
from ca_security._model.kinds import KINDS
from helpers import bundled_raw, write_raw

BUNDLED = bundled_raw()


def _problems(directory: Path, files: dict[str, Any] | None = None) -> list[cs.Problem]:
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(directory)
    check_problems(caught.value, files or {})
    return list(caught.value.problems)


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """The bundled data with the first ``old`` in the text of file ``name`` replaced."""
    write_raw(tmp_path, BUNDLED)
    text = json.dumps(BUNDLED[name], indent=1)
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), "utf-8")
    return tmp_path


def _first_id(name: str) -> str:
    record_id: str = BUNDLED[name][0]["id"]
    return record_id


# -- JSON that Python's json module accepts but JSON does not ----------------------


def test_a_duplicate_key_is_refused_not_silently_overwritten(tmp_path):
    """{"id": "x", "id": "y"} used to keep the last value without a word."""
    directory = _edited(tmp_path, "statements.json", '"id"', '"id": "decoy", "id"')
    (problem,) = _problems(directory)
    assert problem.file == "statements.json"
    assert "duplicate key 'id'" in problem.message
    assert _first_id("statements.json") in problem.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path, constant):
    """Python reads NaN and Infinity; JSON has no such numbers."""
    directory = _edited(tmp_path, "summits.json", '"id"', f'"ordinal": {constant}, "id"')
    (problem,) = _problems(directory)
    assert problem.file == "summits.json"
    assert f"{constant.lstrip('-')} is not a JSON number" in problem.message


def test_an_integer_of_thousands_of_digits_is_a_problem_not_a_valueerror(tmp_path):
    """An integer over Python's 4300-digit limit used to escape as a bare ValueError."""
    directory = _edited(tmp_path, "summits.json", '"id"', '"ordinal": ' + "9" * 5000 + ', "id"')
    (problem,) = _problems(directory)
    assert problem.file == "summits.json"
    assert "5000 digits is too long" in problem.message


# -- dates ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["٢٠٢٤", "\uff12\uff10\uff12\uff14", "2024\n", "2024-05-16\n"])
def test_iso_dates_take_ascii_digits_and_nothing_after(text):
    """\\d matched Arabic-Indic and full-width digits, and $ allowed a final newline."""
    with pytest.raises(ValueError, match="not an ISO partial date"):
        cs.PartialDate.from_iso(text)


def test_a_date_in_other_digits_is_a_located_problem(tmp_path):
    """The data-file form of the bug above: the problem names record and field."""
    statement = BUNDLED["statements.json"][0]
    directory = _edited(
        tmp_path,
        "statements.json",
        f'"date": "{statement["date"]}"',
        '"date": "\\u0662\\u0660\\u0662\\u0664"',
    )
    (problem,) = _problems(directory)
    assert (problem.file, problem.record, problem.field) == (
        "statements.json",
        statement["id"],
        "date",
    )


# -- messages that print anywhere ---------------------------------------------------


@pytest.mark.parametrize(
    ("key", "shown"),
    [("\ud800", "\\ud800"), ("\u202e", "\\u202e"), ("a\x00b", "a\\x00b")],
)
def test_unprintable_characters_in_the_data_are_escaped_in_messages(tmp_path, key, shown):
    """A lone surrogate in an unknown key made str(DatasetError) unprintable."""
    files = copy.deepcopy(BUNDLED)
    files["statements.json"][0][key] = 1
    write_raw(tmp_path, files)
    (problem,) = _problems(tmp_path, files)
    assert problem.field == shown
    assert shown in str(problem)


def test_a_huge_value_quoted_in_a_message_is_cut(tmp_path):
    """A message quoting a 100,000-character id is cut to a readable length."""
    files = copy.deepcopy(BUNDLED)
    files["statements.json"][0]["id"] = "X" * 100_000
    write_raw(tmp_path, files)
    (problem,) = _problems(tmp_path, files)
    assert (problem.record, problem.field) == ("#0", "id")
    assert len(problem.message) <= 500
    assert "100" in problem.message  # says how long the original message was


def test_problem_parts_are_made_printable():
    """Every part of a Problem is escaped, not only the message."""
    problem = cs.Problem(file="\udcff.json", record="a\u202eb", field="f\x00", message="m\n")
    assert str(problem) == "\\udcff.json, record a\\u202eb, field f\\x00: m\\n"


# -- located problems -----------------------------------------------------------------


def test_an_unknown_field_is_named_with_the_closest_known_one(tmp_path):
    """The unknown key is the problem's field, and the message suggests the right one."""
    directory = _edited(tmp_path, "statements.json", '"excerpt"', '"excerp": "x", "excerpt"')
    (problem,) = _problems(directory)
    assert problem.field == "citations[0].excerp"
    assert "did you mean 'excerpt'?" in problem.message
    assert "a Citation has source, excerpt" in problem.message


def test_an_empty_citation_list_names_the_field(tmp_path):
    """attrs' min_len gave no field; a required tuple now names it."""
    files = copy.deepcopy(BUNDLED)
    files["statements.json"][0]["citations"] = []
    write_raw(tmp_path, files)
    (problem,) = _problems(tmp_path, files)
    assert (problem.field, problem.message) == (
        "citations",
        "citations needs at least 1 item, got 0",
    )


# -- size and depth limits ---------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    """A sparse file one byte over MAX_FILE_BYTES is refused without reading it all."""
    write_raw(tmp_path, BUNDLED)
    with (tmp_path / "statements.json").open("wb") as handle:
        handle.truncate(cs.MAX_FILE_BYTES + 1)
    (problem,) = _problems(tmp_path)
    assert problem.file == "statements.json"
    assert problem.message == (
        "file is larger than the 67,108,864-byte limit; "
        "pass load(path, max_file_bytes=...) or ca-security --max-file-bytes to read larger files"
    )


def test_a_file_at_the_size_limit_is_read(tmp_path, monkeypatch):
    """The limit is inclusive: the largest file, at exactly MAX_FILE_BYTES, is read."""
    bundled = cs.load()  # read now, under the real limit
    write_raw(tmp_path, BUNDLED)
    size, largest = max((path.stat().st_size, path.name) for path in tmp_path.iterdir())
    assert cs.load(tmp_path, max_file_bytes=size) == bundled
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path, max_file_bytes=size - 1)
    (problem,) = caught.value.problems
    assert (problem.file, problem.message) == (
        largest,
        f"file is larger than the {size - 1:,}-byte limit; "
        "pass load(path, max_file_bytes=...) or ca-security --max-file-bytes to read larger files",
    )


def _json_depth(annotation: Any) -> int:
    """How deeply a value of this field type can nest arrays and objects in JSON."""
    if attrs.has(annotation) and annotation is not cs.PartialDate:  # a date is a string
        hints = typing.get_type_hints(annotation)
        return 1 + max((_json_depth(hints[f.name]) for f in attrs.fields(annotation)), default=0)
    args = [arg for arg in typing.get_args(annotation) if arg is not Ellipsis]
    nested = max((_json_depth(arg) for arg in args), default=0)
    return nested + 1 if typing.get_origin(annotation) is tuple else nested


def test_max_depth_exceeds_the_deepest_valid_record():
    """No valid record can reach MAX_DEPTH: the limit only refuses what is invalid anyway."""
    deepest = max(1 + _json_depth(kind.type) for kind in KINDS)  # + 1: the file's array
    assert deepest == 10  # an official's tenure's dispute's value's citation
    assert deepest < cs.MAX_DEPTH
    for name, value in BUNDLED.items():
        assert too_deep(value, deepest) is None, name


@pytest.mark.parametrize("depth", [cs.MAX_DEPTH, 100, 5000, 200_000])
def test_values_nested_beyond_the_limit_are_refused(tmp_path, depth):
    """Deep nesting anywhere is a located problem, not a RecursionError."""
    nested = "[" * depth + "]" * depth
    directory = _edited(tmp_path, "statements.json", '"id"', f'"deep": {nested}, "id"')
    (problem,) = _problems(directory)
    assert problem.file == "statements.json"
    if depth < 500:
        assert problem.record == _first_id("statements.json")
        assert problem.field.startswith("deep[0]")
        assert problem.message == f"nested more than {cs.MAX_DEPTH - 1} levels deep"
    else:  # json itself stops before any record is seen
        assert problem.record is None
        assert problem.message == f"JSON nested deeper than {cs.MAX_DEPTH} levels"


def test_too_deep_reports_the_path_of_the_first_deep_value():
    """The walk reports where the limit is passed; shallow values give None."""
    assert too_deep({"a": [1, {"b": [[2]]}]}, 3) == "a[1].b"
    assert too_deep({"a": [1, {"b": [[2]]}]}, 5) is None
    assert too_deep([[[]]], 2) == "[0][0]"
    assert too_deep("scalar", 0) is None


# -- what the loader reads ----------------------------------------------------------------


def test_a_directory_with_a_data_file_name_is_a_problem(tmp_path):
    """statements.json being a directory used to be read as a missing (empty) file."""
    write_raw(tmp_path, BUNDLED)
    (tmp_path / "statements.json").unlink()
    (tmp_path / "statements.json").mkdir()
    (problem,) = _problems(tmp_path)
    assert (problem.file, problem.message) == ("statements.json", "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_opened(tmp_path):
    """Opening a FIFO would block for ever; it is refused without opening."""
    write_raw(tmp_path, BUNDLED)
    (tmp_path / "topics.json").unlink()
    os.mkfifo(tmp_path / "topics.json")
    (problem,) = _problems(tmp_path)
    assert (problem.file, problem.message) == ("topics.json", "not a regular file")


def test_an_unreadable_file_is_a_problem(tmp_path, monkeypatch):
    """An OSError while reading (permissions, I/O) becomes a problem of that file."""
    write_raw(tmp_path, BUNDLED)
    real_open = Path.open

    def failing_open(self, *args, **kwargs):
        if self.name == "places.json":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    (problem,) = _problems(tmp_path)
    assert (problem.file, problem.message) == (
        "places.json",
        "cannot read the file: Permission denied",
    )


@pytest.mark.parametrize("bad", [123, b"data", ["data"]])
def test_load_refuses_a_path_of_the_wrong_type(bad):
    """A path that is not a string or os.PathLike raises TypeError naming the type."""
    with pytest.raises(TypeError, match=type(bad).__name__):
        cs.load(bad)


@pytest.mark.parametrize("blank", ["", "  "])
def test_load_refuses_an_empty_path(blank):
    """'' would silently mean the current directory."""
    with pytest.raises(ValueError, match="path is empty"):
        cs.load(blank)


def test_a_missing_data_file_is_an_empty_collection(tmp_path):
    """A dataset may leave a kind out: its file is absent, its collection empty."""
    files = {name: value for name, value in BUNDLED.items() if name != "figures.json"}
    write_raw(tmp_path, files)
    dataset = cs.load(tmp_path)
    assert len(dataset.figures) == 0
    assert len(dataset.statements) == len(BUNDLED["statements.json"])


# -- corpus files stay inside the corpus folder (issue: verify read files outside it) -----


@pytest.mark.parametrize(
    "name", ["../secret.txt", "/etc/hostname", "/proc/self/environ", "sub/x.txt", ".hidden", "a\\b"]
)
def test_a_corpus_file_outside_the_folder_is_refused_at_load(tmp_path: Path, name: str) -> None:
    """A source's corpus_file must be a plain file name: anything else is a DatasetError."""
    files = copy.deepcopy(BUNDLED)
    source = next(s for s in files["sources.json"] if s.get("corpus_file"))
    source["corpus_file"] = name
    write_raw(tmp_path, files)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    assert [(p.record, p.field) for p in caught.value.problems] == [(source["id"], "corpus_file")]


def test_verify_does_not_follow_a_link_out_of_the_corpus(tmp_path: Path) -> None:
    """A corpus file that is a symbolic link to a file outside the folder is not read."""
    from ca_security._verify.corpus import verify_excerpts

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET " * 200, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ds = cs.load()
    names = {s.corpus_file for s in ds.sources if s.corpus_file}
    for name in names:
        (corpus / name).symlink_to(secret)
    report = verify_excerpts(ds, corpus)
    assert report.problems
    assert all("TOP-SECRET" not in problem.message for problem in report.problems)


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb", "Tokayev \ud83d said"])
def test_a_lone_surrogate_is_refused_at_load_with_its_record_and_field(
    tmp_path: Path, text: str
) -> None:
    """Text no file can store as UTF-8 is refused at load, not at the first export."""
    files = copy.deepcopy(BUNDLED)
    statement = files["statements.json"][0]
    statement["notes"] = text
    for name, records in files.items():
        # ensure_ascii keeps the lone surrogate as a \\u escape, as a hostile file would.
        (tmp_path / name).write_text(json.dumps(records, ensure_ascii=True), "utf-8")
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    problems = [(p.record, p.field) for p in caught.value.problems]
    assert problems == [(statement["id"], "notes")]
    assert "lone surrogate" in caught.value.problems[0].message


def test_a_surrogate_pair_written_as_escapes_loads(tmp_path: Path) -> None:
    """A character outside the BMP written as a \\u surrogate pair is fine."""
    files = copy.deepcopy(BUNDLED)
    files["statements.json"][0]["notes"] = "flag \U0001f1f0\U0001f1ff"
    for name, records in files.items():
        (tmp_path / name).write_text(json.dumps(records, ensure_ascii=True), "utf-8")
    ds = cs.load(tmp_path)
    assert ds.statements[files["statements.json"][0]["id"]].notes == "flag \U0001f1f0\U0001f1ff"
