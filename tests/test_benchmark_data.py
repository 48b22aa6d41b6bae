"""The benchmark's synthetic datasets are valid under ``load`` (so its figures measure real loads)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import ca_security

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def load_module(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_synthetic_dataset_loads(tmp_path: Path) -> None:
    """A synthetic dataset of 500 statements loads, with the sizes asked for."""
    synthetic = load_module("synthetic")
    directory = synthetic.write(tmp_path / "data", 500)  # type: ignore[attr-defined]
    ds = ca_security.load(directory)
    assert len(ds.statements) == 500
    assert len(ds.summits) > 0 and len(ds.officials) > 0 and len(ds.figures) > 0
    first = ds.statements[ds.statements.ids[0]]
    assert first.citations and first.speaker in ds.officials
