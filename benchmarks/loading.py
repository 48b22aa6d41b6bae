"""Load and import times: ``ca_security.load`` against the baselines, step by step, and imports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import baselines
from measure import best_of, fresh_interpreter

import ca_security

FILES = baselines.FILES


def read_all(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name, _ in FILES}


def load_table(directory: Path, repeat: int) -> dict[str, float]:
    """Seconds to load the files: ca_security, then json.loads and each baseline twice.

    ``ca_security.load`` pauses the garbage collector itself. Each baseline is
    timed with the collector as Python leaves it (``... (gc on)``) and paused
    the same way the loader pauses it (``_collector_paused``, the records
    moved to the oldest generation afterwards), so that the comparison is like
    for like. Every contestant reads the files itself.
    """
    from ca_security._load.reading import _collector_paused

    records = sum(len(json.loads(data)) for data in read_all(directory).values())
    runs: dict[str, Callable[[], Any]] = {
        "json.loads": lambda: [json.loads((directory / name).read_bytes()) for name, _ in FILES]
    }
    for label, decode in baselines.decoders().items():
        runs[label] = lambda decode=decode: [  # type: ignore[misc]
            decode(cls, (directory / name).read_bytes()) for name, cls in FILES
        ]

    def paused(run: Callable[[], Any]) -> Callable[[], Any]:
        def run_paused() -> Any:
            with _collector_paused():
                return run()

        return run_paused

    results = {
        "records": float(records),
        "ca_security.load": best_of(repeat, lambda: ca_security.load(directory)),
    }
    for label, run in runs.items():
        results[label] = best_of(repeat, paused(run))
        results[f"{label} (gc on)"] = best_of(repeat, run)
    return results


def load_parts(directory: Path, repeat: int) -> dict[str, float]:
    """Where a load's time goes: the loader's own steps, each timed alone.

    Each step runs with the collector paused, as in a load.
    """
    from ca_security._dataset.dataset import assemble
    from ca_security._load.consistency import validate
    from ca_security._load.reading import _METADATA, _collector_paused, _fast_records, _parse

    names = [_METADATA, *(name for name, _ in FILES)]
    raw = read_all(directory) | {_METADATA: (directory / _METADATA).read_bytes()}

    def parse() -> dict[str, Any]:
        return {
            name: _parse(name, raw[name], expect=dict if name == _METADATA else list)[0]
            for name in names
            if name in raw
        }

    built = _fast_records(dict(raw))
    assert built is not None, "the synthetic data take the fast path"
    metadata, records, _ = built

    steps: dict[str, Callable[[], Any]] = {
        "read and parse the JSON whole (duplicate keys, NaN and size checked)": parse,
        "parse and build the records one at a time, in canonical order (the fast path)": (
            lambda: _fast_records(dict(raw))
        ),
        "cross-record validation (ids, references, dates)": lambda: validate(records),
        "canonical order and collections": lambda: assemble(metadata, records),
    }
    results = {}
    for label, run in steps.items():
        with _collector_paused():
            results[label] = best_of(repeat, run)
    return results


#: What the import table times, each in fresh interpreters. ``import ca_security``
#: alone defers its modules to the first use of a name (PEP 562), so the rows after
#: it show what that first use costs: the record types, then the bundled data.
IMPORTS = (
    "import ca_security",
    "import ca_security; from ca_security import Statement, Dataset",
    "import ca_security; ca_security.load()",
    "import pycountry",
    "import attrs, cattrs",
)


def import_table(repeat: int) -> dict[str, float]:
    return {statement: fresh_interpreter("", statement, repeat) for statement in IMPORTS}


def bundled_first_load(repeat: int) -> float:
    """The first ``load()`` of the bundled data in a fresh interpreter (the import not timed)."""
    return fresh_interpreter("import ca_security\nca_security.load", "ca_security.load()", repeat)
