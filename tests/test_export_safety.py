"""What an export may replace (issue 16): only earlier exports, never the data or the cwd.

Also: a killed export leaves the old copy in place, and its temporaries are swept by the
next export to the same place.

Private imports: ``_export.atomic`` (its exchange is patched to show the fallback) and
``_export.json_files`` (whose ``dump`` is patched to stop an export half-way).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ca_security as cs
from ca_security._cli import main

MARKER = ".ca-security-export"
BUNDLED = Path(cs.__file__).resolve().parent / "data"
DS = cs.load()


def _user_directory(path: Path) -> dict[str, bytes]:
    path.mkdir(parents=True)
    (path / "thesis.tex").write_text("\\chapter{Years of work}\n", "utf-8")
    (path / "figures").mkdir()
    (path / "figures" / "map.svg").write_text("<svg/>", "utf-8")
    return _contents(path)


def _contents(path: Path) -> dict[str, bytes]:
    return {
        str(entry.relative_to(path)): entry.read_bytes()
        for entry in sorted(path.rglob("*"))
        if entry.is_file()
    }


WRITERS = {
    "json": lambda target, **kw: DS.to_json(target, **kw),
    "csv": lambda target, **kw: DS.to_csv(target, **kw),
    "parquet": lambda target, **kw: DS.to_parquet(target, **kw),
}


# -- --force replaces earlier exports only ------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_overwrite_refuses_a_directory_that_is_not_an_export(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    target = tmp_path / "my-thesis"
    before = _user_directory(target)
    with pytest.raises(FileExistsError, match="not an export of ca_security"):
        WRITERS[fmt](target, overwrite=True)
    assert _contents(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-thesis"]


@pytest.mark.parametrize("fmt", ["json", "csv", "popolo"])
def test_force_refuses_a_user_directory_and_says_why(capsys, tmp_path, fmt):
    target = tmp_path / "my-thesis"
    before = _user_directory(target)
    code = main(["export", "--format", fmt, "--force", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not an export of ca_security" in err
    assert MARKER in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert _contents(target) == before


def test_force_flat_refuses_a_user_directory(capsys, tmp_path):
    target = tmp_path / "my-thesis"
    before = _user_directory(target)
    assert main(["export", "--flat", "--force", str(target)]) == 2
    assert "not an export" in capsys.readouterr().err
    assert _contents(target) == before


def test_every_export_writes_a_marker_and_an_earlier_export_is_replaced(tmp_path):
    target = DS.to_json(tmp_path / "out")
    marker = json.loads((target / MARKER).read_text("utf-8"))
    assert marker == {"library": "ca_security", "version": cs.__version__, "format": "json"}
    DS.to_csv(target, overwrite=True)
    assert json.loads((target / MARKER).read_text("utf-8"))["format"] == "csv"
    assert (target / "datapackage.json").is_file()
    assert not (target / "metadata.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_force_replaces_an_earlier_export_from_the_command_line(capsys, tmp_path):
    target = tmp_path / "out"
    assert main(["export", "--format", "popolo", str(target)]) == 0
    assert json.loads((target / MARKER).read_text("utf-8"))["format"] == "popolo"
    assert main(["export", "--format", "json", "--force", str(target)]) == 0
    out = capsys.readouterr().out
    assert "(14 files)" in out  # the marker is not counted
    assert cs.load(target) == DS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_marker_that_is_not_ours_does_not_count(tmp_path):
    target = tmp_path / "out"
    _user_directory(target)
    (target / MARKER).write_text("I made this myself", "utf-8")
    before = _contents(target)
    with pytest.raises(FileExistsError, match="not an export"):
        DS.to_json(target, overwrite=True)
    assert _contents(target) == before


def test_a_single_file_is_replaced(tmp_path):
    single = tmp_path / "popolo.json"
    single.write_text("old", "utf-8")
    DS.to_popolo(single, overwrite=True)
    assert json.loads(single.read_text("utf-8"))["persons"]
    blocker = tmp_path / "out"
    blocker.write_text("a file where the export goes", "utf-8")
    DS.to_json(blocker, overwrite=True)
    assert cs.load(blocker) == DS


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_is_not_replaced(tmp_path):
    real = DS.to_json(tmp_path / "real")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    with pytest.raises(FileExistsError, match="symbolic link"):
        DS.to_json(link, overwrite=True)
    assert link.is_symlink()
    assert cs.load(real) == DS


# -- places never replaced -----------------------------------------------------------------


def test_the_current_directory_and_its_parents_are_refused(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for target in (".", work, tmp_path, ".."):
        with pytest.raises(FileExistsError, match="current directory"):
            DS.to_json(target, overwrite=True)
    assert work.is_dir() and list(work.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]


def test_the_command_line_refuses_the_current_directory(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine", "utf-8")
    for target in (".", ".."):
        result = subprocess.run(
            [sys.executable, "-m", "ca_security", "export", "--format", "json", "--force", target],
            capture_output=True,
            text=True,
            check=False,
            cwd=work,
        )
        assert result.returncode == 2, result.stderr
        assert "current directory" in result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["notes.txt"]


def test_the_directory_of_the_loaded_data_and_its_parents_are_refused(tmp_path):
    data = DS.to_json(tmp_path / "project" / "data")
    loaded = cs.load(data)
    before = _contents(tmp_path)
    for target in (data, data.parent, tmp_path):
        with pytest.raises(FileExistsError, match="data"):
            loaded.to_json(target, overwrite=True)
        with pytest.raises(FileExistsError, match="loaded"):
            loaded.to_csv(target, overwrite=True)
    assert _contents(tmp_path) == before


def test_the_command_line_refuses_the_data_directory(capsys, tmp_path):
    data = DS.to_json(tmp_path / "data")
    before = _contents(data)
    code = main(["export", "--data", str(data), "--format", "csv", "--force", str(data)])
    assert code == 2
    assert "loaded" in capsys.readouterr().err
    assert _contents(data) == before


def test_the_bundled_data_folder_is_refused():
    """Without ``overwrite`` too: nothing is written, whatever the reason given."""
    with pytest.raises(FileExistsError, match="bundled data"):
        DS.to_json(BUNDLED)
    probe = BUNDLED / "popolo-probe.txt"
    try:
        with pytest.raises(FileExistsError, match="bundled data"):
            DS.to_popolo(probe)
        assert not probe.exists()
    finally:
        probe.unlink(missing_ok=True)


# -- interrupted and killed exports --------------------------------------------------------


def test_a_failed_fill_keeps_the_old_export_and_leaves_no_temporary(tmp_path, monkeypatch):
    from ca_security._export import json_files

    target = DS.to_json(tmp_path / "out")
    before = _contents(target)

    def failing_dump(value):
        raise KeyboardInterrupt

    monkeypatch.setattr(json_files, "dump", failing_dump)
    with pytest.raises(KeyboardInterrupt):
        DS.to_json(target, overwrite=True)
    assert _contents(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_fallback_without_an_atomic_exchange_replaces_and_recovers(tmp_path, monkeypatch):
    from ca_security._export import atomic

    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    target = DS.to_json(tmp_path / "out")
    DS.to_csv(target, overwrite=True)
    assert (target / "datapackage.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    before = _contents(target)

    real_replace = os.replace
    calls = []

    def failing_second_rename(source, destination):
        calls.append((source, destination))
        if len(calls) == 2:
            raise OSError("interrupted")
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", failing_second_rename)
    with pytest.raises(OSError, match="interrupted"):
        DS.to_json(target, overwrite=True)
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert _contents(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_copy_set_aside_by_a_killed_fallback_is_put_back(tmp_path):
    """Killed between the two renames of the fallback: the next export restores the old copy."""
    aside = DS.to_json(tmp_path / ".out.ca-security-abcd1234.old")
    before = _contents(aside)
    with pytest.raises(FileExistsError, match="already exists"):
        DS.to_json(tmp_path / "out")
    assert _contents(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


_SLOW_EXPORT = textwrap.dedent(
    """
    import sys, time
    import ca_security as cs
    from ca_security._export import json_files

    real, calls = json_files.dump, []

    def slow(value):
        calls.append(value)
        if len(calls) == 3:
            print("filling", flush=True)
            time.sleep(120)
        return real(value)

    json_files.dump = slow
    cs.load().to_json(sys.argv[1], overwrite=True)
    """
)


def _start_slow_export(target: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "filling"
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.stdout is not None
    process.stdout.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_export_keeps_the_old_one_and_the_next_export_sweeps_its_temporary(tmp_path):
    target = DS.to_json(tmp_path / "out")
    before = _contents(target)
    _kill(_start_slow_export(target))
    assert _contents(target) == before
    stale = [p.name for p in tmp_path.iterdir() if p.name != "out"]
    assert len(stale) == 1 and stale[0].startswith(".out."), stale
    DS.to_csv(target, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_temporary_of_a_running_export_is_not_swept(tmp_path):
    target = DS.to_json(tmp_path / "out")
    process = _start_slow_export(target)
    try:
        running = [p for p in tmp_path.iterdir() if p.name != "out"]
        assert len(running) == 1
        DS.to_csv(target, overwrite=True)
        assert running[0].is_dir()
    finally:
        _kill(process)
    DS.to_json(target, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_only_the_temporaries_of_the_same_target_are_swept(tmp_path):
    kept = [
        tmp_path / ".out.my-notes.tmp",
        tmp_path / ".other.ca-security-abcd1234.tmp",
        tmp_path / ".out.ca-security-abcd1234.tmp.bak",
    ]
    for path in kept:
        path.mkdir()
    (tmp_path / ".out.ca-security-abcd1234.tmp").mkdir()
    (tmp_path / ".out.ca-security-efgh5678.tmp").write_text("half", "utf-8")
    DS.to_json(tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out", *(p.name for p in kept)])
