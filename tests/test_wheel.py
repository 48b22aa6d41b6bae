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
