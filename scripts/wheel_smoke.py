"""Smoke test of an installed ca-security: run by release_check.sh in a fresh venv.

It must run from outside the source tree (``python -I wheel_smoke.py ...``) and
checks that the package it imports is the installed one, then exercises the
bundled data, a query, the CLI and an export. Exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-tree", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--cli", required=True)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    import ca_security

    installed = Path(ca_security.__file__).resolve()
    source = args.source_tree.resolve()
    assert source not in installed.parents, f"imported from the source tree: {installed}"
    assert "site-packages" in installed.parts, installed
    assert not any(Path(p).resolve() == source for p in sys.path if p), "source tree on sys.path"
    assert ca_security.__version__ == args.version, (ca_security.__version__, args.version)
    print(f"installed ca_security {ca_security.__version__} at {installed.parent}")

    ds = ca_security.load()
    assert ds is ca_security.load()
    # The installed data are the ones the build checked: the short path read them.
    assert "cattrs" not in sys.modules, "the bundled load took the checked path"
    assert ds.version == ca_security.DATASET_VERSION
    assert len(ds.summits) > 0 and len(ds.statements) > 0 and len(ds.sources) > 0
    assert (installed.parent / "py.typed").is_file()
    print(f"load(): {ds!r}")

    # A query: the summit with the most statements, found by lookup, filter and timeline.
    summit = max(ds.summits, key=lambda s: len(ds.statements.filter(summit=s.id)))
    spoken = ds.statements.filter(summit=summit.id)
    assert len(spoken) > 0
    assert ds.summits.lookup(summit.name) == summit
    assert summit.start is not None
    timeline = ds.timeline(since=summit.start, until=summit.end or summit.start)
    assert summit in timeline
    print(f"query: {summit.id}: {len(spoken)} statements; {len(timeline)} records in its days")

    # The CLI, as installed on PATH in the venv.
    result = subprocess.run([args.cli, "stats"], capture_output=True, text=True, check=True)
    assert f"dataset version {ds.version}" in result.stdout, result.stdout
    assert subprocess.run([args.cli, "--version"], capture_output=True, text=True, check=True)
    print("cli: stats ok")

    # Exports: the JSON data files read back equal; CSV + datapackage.json through the CLI.
    with tempfile.TemporaryDirectory() as name:
        out = ds.to_json(Path(name) / "json")
        assert ca_security.load(out) == ds
        csv_dir = Path(name) / "csv"
        subprocess.run([args.cli, "export", "--format", "csv", str(csv_dir)], check=True)
        assert (csv_dir / "datapackage.json").is_file()
        assert len(list(csv_dir.glob("*.csv"))) >= len(list(ds.collections()))
        subprocess.run([args.cli, "validate", str(out)], check=True, capture_output=True)
    print("exports: json round trip, csv + datapackage, validate: ok")
    print("wheel smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
