"""Hostile shapes of data files: each loads or fails with DatasetError, in bounded time and memory.

Times are compared with a small baseline measured in the same test, so that a
slow machine passes and a blow-up of a hundred times fails. Heavy cases run in
a child process, which measures its own peak memory and may raise its
recursion limit without touching the test process.

Private imports: MAX_PROBLEMS, the cap on the problems a DatasetError keeps.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import ca_security as cs
from ca_security._model.errors import MAX_PROBLEMS

METADATA = '{"dataset_version": "1"}'

#: Run in a child: load the directory, print the outcome, the seconds and the peak memory.
_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.setrecursionlimit(int(sys.argv[2]))
    import ca_security as cs
    start = time.perf_counter()
    if sys.argv[3] == "baseline":
        with open(sys.argv[1] + "/statements.json", encoding="utf-8") as handle:
            json.loads(handle.read())  # the baseline: parsing alone
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    try:
        cs.load(sys.argv[1])
        outcome = {"loaded": True}
    except cs.DatasetError as error:
        outcome = {"loaded": False, "kept": len(error.problems), "count": error.count,
                   "omitted": error.omitted, "first": str(error.problems[0]),
                   "message": str(error)}
    outcome["seconds"] = time.perf_counter() - start
    outcome["parse_seconds"] = parse_seconds
    outcome["peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(outcome))
    """
)


def _dataset(directory: Path, statements: str) -> Path:
    directory.mkdir(exist_ok=True)
    (directory / "metadata.json").write_text(METADATA, "utf-8")
    (directory / "statements.json").write_text(statements, "utf-8")
    return directory


def _load_in_child(directory: Path, recursion_limit: int = 1000, baseline: bool = True) -> dict:
    pytest.importorskip("resource")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(directory),
            str(recursion_limit),
            "baseline" if baseline else "-",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome: dict = json.loads(done.stdout)
    return outcome


def _empty_objects(size: int) -> str:
    return "[" + ",".join(["{}"] * (size // 3)) + "]"


def test_a_huge_array_of_empty_objects_is_capped_and_linear(tmp_path):
    """4 MiB of [{},{},...] used to make 7 million problems, 10 GB and 94 s."""
    small = _load_in_child(_dataset(tmp_path / "small", _empty_objects(40 * 1024)))
    big = _load_in_child(_dataset(tmp_path / "big", _empty_objects(4 * 1024 * 1024)))
    records = 4 * 1024 * 1024 // 3
    assert not big["loaded"]
    assert big["kept"] == MAX_PROBLEMS
    assert big["count"] == 5 * records  # id, speaker, kind, text and citations missing
    assert big["omitted"]["statements.json, field id: required field missing"] == records - 200
    assert f"more: {records - 10:,} \u00d7 statements.json, field" in big["message"]
    assert big["message"].count("\n") < 60
    # 100 times the data; linear work would take 100 times as long: allow a few times more.
    # Time: the work is linear in the data, with a small constant: a few times parsing them.
    assert big["seconds"] < 30 * big["parse_seconds"] + 1
    # Memory: the data are parsed (about 100 bytes an empty object); no problem per record.
    assert big["peak_kib"] - small["peak_kib"] < 400 * 1024


def test_many_distinct_bad_records_are_counted_in_bounded_time(tmp_path):
    """Records that each differ cannot share one examination: past a few thousand, counted."""
    records = ",".join(f'{{"x{i}": {i}}}' for i in range(300_000))
    outcome = _load_in_child(_dataset(tmp_path / "distinct", f"[{records}]"))
    assert outcome["count"] >= 300_000
    assert outcome["seconds"] < 30 * outcome["parse_seconds"] + 1
    assert any("not examined in detail" in kind for kind in outcome["omitted"])


def test_a_problem_per_record_of_the_wrong_type_is_counted(tmp_path):
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(_dataset(tmp_path, "[" + ",".join(["1"] * 5000) + "]"))
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.count == 5000
    assert error.omitted == {"statements.json: expected an object, got int": 4000}


def test_deep_nesting_is_refused_when_the_recursion_limit_is_raised(tmp_path):
    """100,000 nested [ used to crash Python 3.10 and 3.11 with a raised recursion limit."""
    depth = 100_000
    outcome = _load_in_child(
        _dataset(tmp_path, "[" * depth + "]" * depth), recursion_limit=10 * depth, baseline=False
    )
    assert not outcome["loaded"]
    assert outcome["first"] == f"statements.json: JSON nested deeper than {cs.MAX_DEPTH} levels"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 300,  # unclosed
        "]" * 300 + "[" * 300,
        '["' + "[" * 5000 + '"]',  # brackets inside a string do not nest
        '["\\"' + "[" * 5000 + '"]',  # nor after an escaped quote
        "[" + "{" * 3000 + "}" * 3000 + "]",
    ],
)
def test_odd_brackets_fail_cleanly(tmp_path, text):
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(_dataset(tmp_path, text))
    assert caught.value.problems[0].file == "statements.json"


def test_a_loop_of_symbolic_links_is_a_problem(tmp_path):
    """Path.resolve raised RuntimeError on a loop before Python 3.13."""
    directory = _dataset(tmp_path / "data", "[]")
    (directory / "topics.json").symlink_to(directory / "places.json")
    (directory / "places.json").symlink_to(directory / "topics.json")
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(directory)
    assert {problem.file for problem in caught.value.problems} == {"places.json", "topics.json"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_is_refused_at_once(tmp_path):
    directory = _dataset(tmp_path, "[]")
    os.mkfifo(directory / "topics.json")
    start = time.perf_counter()
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(directory)
    assert time.perf_counter() - start < 30
    assert str(caught.value.problems[0]) == "topics.json: not a regular file"


def test_an_unlistable_directory_is_a_problem(tmp_path, monkeypatch):
    directory = _dataset(tmp_path, "[]")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(directory)
    assert str(caught.value.problems[0]) == "cannot list the directory: Permission denied"


def test_files_at_and_past_the_size_cap(tmp_path):
    text = "[" + " " * 98 + "]"
    limit = len(text)
    assert len(cs.load(_dataset(tmp_path / "at", text), max_file_bytes=limit).statements) == 0
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(_dataset(tmp_path / "past", text + " "), max_file_bytes=limit)
    assert caught.value.problems[0].message.startswith("file is larger than the 100-byte limit;")


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\udc00\\ud800"])
def test_lone_surrogates_fail_cleanly(tmp_path, escape):
    (tmp_path / "metadata.json").write_text(
        f'{{"dataset_version": "1", "title": "a{escape}"}}', "utf-8"
    )
    with pytest.raises(cs.DatasetError) as caught:
        cs.load(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.field) == ("metadata.json", "title")
    assert str(caught.value).isprintable() or "\n" in str(caught.value)


# -- issue 16 item 12: silent or odd answers --------------------------------------------


def test_a_four_digit_year_is_read_as_written():
    """dateutil read "Jan 1 0001" as 2001-01-01."""
    assert cs.PartialDate.parse("Jan 1 0001") == cs.PartialDate(1, 1, 1)
    assert cs.PartialDate.parse("16 May 2024") == cs.PartialDate(2024, 5, 16)


def test_a_date_without_a_year_says_so():
    """PartialDate(None) raised an unhelpful TypeError from a comparison."""
    with pytest.raises(TypeError, match="year must be an int, got NoneType"):
        cs.PartialDate(None)  # type: ignore[arg-type]


def test_a_value_whose_repr_raises_does_not_break_the_message():
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    from ca_security._model.rules import to_enum

    with pytest.raises(ValueError, match="Hostile object whose repr fails"):
        to_enum(cs.StatementKind, Hostile(), "kind")


def test_record_to_json_keeps_one_converter():
    from ca_security._export import json_files

    statement = next(iter(cs.load().statements))
    json_files.record_to_json(statement)
    start = time.perf_counter()
    for _ in range(200):
        json_files.record_to_json(statement)
    assert (time.perf_counter() - start) / 200 < 0.002  # building a converter costs 2.6-37 ms


def test_verify_a_corpus_file_that_is_not_utf8_is_a_problem(tmp_path, capsys):
    """A non-UTF-8 corpus file made verify exit 2 (an input error); it is a finding: 1."""
    from ca_security._cli.main import main

    names = sorted({s.corpus_file for s in cs.load().sources if s.corpus_file})
    for name in names:
        (tmp_path / name).write_bytes(b"\xff\xfe not text")
    assert main(["verify", "--corpus", str(tmp_path)]) == 1
    assert "is not UTF-8 text (byte 0)" in capsys.readouterr().out
