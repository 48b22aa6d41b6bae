"""The built wheel carries the data and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("ca_security-*.whl")
    return found


def test_wheel_lists_the_data_files(wheel):
    """Every bundled data file and py.typed is inside the wheel; no tests are."""
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.name for p in (ROOT / "src" / "ca_security" / "data").glob("*.json")}
    assert {f"ca_security/data/{name}" for name in data} <= names
    assert "ca_security/py.typed" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_loads_the_data(wheel, tmp_path):
    """In a fresh venv (non-editable, source tree out of the path), load() and the CLI work."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import ca_security, pathlib;"
        "d = ca_security.load();"
        "assert ca_security.load() is d;"
        "assert 'site-packages' in pathlib.Path(ca_security.__file__).as_posix();"
        "print(len(d.summits) > 0, d.version == ca_security.DATASET_VERSION)"
    )
    result = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert result.stdout.strip() == "True True"
    stats = subprocess.run(
        [str(python), "-m", "ca_security", "stats"], capture_output=True, text=True, cwd=tmp_path
    )
    assert stats.returncode == 0
    # Every command works from the fresh install, without the optional extras.
    for args, expected in (
        (["statements", "--format", "jsonl"], 0),
        (["show", "kz", "--format", "json"], 0),
        (["search", "Astana"], 0),
        (["export", "--format", "json", "out-json"], 0),
        (["validate", "out-json"], 0),
        (["export", "--format", "csv", "out-csv"], 0),
        (["export", "--format", "popolo", "out-popolo"], 0),
        (["export", "--format", "parquet", "out-parquet"], 2),
    ):
        result = subprocess.run(
            [str(python), "-m", "ca_security", *args], capture_output=True, text=True, cwd=tmp_path
        )
        assert result.returncode == expected, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert "pip install 'ca-security[arrow]'" in result.stderr
    assert not (tmp_path / "out-parquet").exists()
