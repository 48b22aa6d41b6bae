"""Memory: resident memory as the process sees it, and what tracemalloc counts.

Resident memory is measured in a fresh interpreter per contestant and run
(``python memory.py CONTESTANT DIRECTORY WARMUP``, which prints JSON). Each
child first builds every contestant once from the tiny dataset in WARMUP and
drops it, so that every library (ca_security with its loader and indexes,
msgspec, pydantic), type and written function exists whichever contestant it
measures; then it reads its resident memory (``VmRSS`` of
``/proc/self/status``) as the baseline, resets its peak
(``/proc/self/clear_refs``) and builds one contestant, keeping it. Kept is
the resident memory after the build (and a full collection) less the
baseline; peak is the highest resident memory during the build (``VmHWM``)
less the baseline. Linux only.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines

import ca_security

FILES = baselines.FILES

#: The contestants of the resident-memory table, in its order.
CONTESTANTS = (
    "ca_security",
    "ca_security with the statement indexes built",
    "msgspec",
    "pydantic",
)


def _status(field: str) -> int:
    """A ``/proc/self/status`` figure (``VmRSS``, ``VmHWM``) in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def _reset_peak() -> bool:
    """Reset ``VmHWM`` to the current resident memory (Linux 4.0 and later)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def build_indexes(ds: ca_security.Dataset) -> ca_security.Dataset:
    """Ask one question of each criterion, so that the statement indexes are built."""
    statements = ds.statements
    statements.filter(speaker=next(iter(statements)).speaker)
    statements.filter(topic=ds.topics.ids[0])
    statements.filter(summit=ds.summits.ids[0])
    statements.filter(source=ds.sources.ids[0])
    statements.filter(mentions=ds.countries.ids[0])
    statements.filter(kind="written")
    statements.filter(since="2019", until="2019")
    return ds


def builders(directory: Path) -> dict[str, Callable[[], Any]]:
    """Contestant -> a function that builds and returns the whole dataset."""
    decode = baselines.decoders()

    def decoded(baseline: str) -> Callable[[], Any]:
        return lambda: [
            decode[baseline](cls, (directory / name).read_bytes()) for name, cls in FILES
        ]

    return {
        "ca_security": lambda: ca_security.load(directory),
        "ca_security with the statement indexes built": lambda: build_indexes(
            ca_security.load(directory)
        ),
        "msgspec": decoded("msgspec"),
        "msgspec constrained": decoded("msgspec constrained"),
        "pydantic": decoded("pydantic"),
    }


def child(contestant: str, directory: Path, warmup: Path) -> dict[str, int]:
    """In this fresh interpreter: the baseline, kept and peak resident memory of one build.

    Every contestant is first built once from the small dataset in ``warmup``
    and dropped, so that the modules, types and functions each needs exist
    before the baseline is read, whichever contestant this child builds.
    """
    for warm in builders(warmup).values():
        warm()
    build = builders(directory)[contestant]
    gc.collect()
    baseline = _status("VmRSS")
    reset = _reset_peak()
    kept = build()
    peak = _status("VmHWM")
    gc.collect()
    after = _status("VmRSS")
    del kept
    return {"baseline": baseline, "kept": after - baseline, "peak": peak - baseline, "reset": reset}


def rss_table(directory: Path, warmup: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Contestant -> median baseline, kept and peak bytes over ``repeat`` fresh interpreters.

    ``warmup`` is a small dataset each child builds first (see :func:`child`).
    """
    found: dict[str, dict[str, float]] = {}
    for contestant in CONTESTANTS:
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, contestant, str(directory), str(warmup)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(repeat)
        ]
        found[contestant] = {
            key: statistics.median(run[key] for run in runs) for key in ("baseline", "kept", "peak")
        }
        found[contestant]["reset"] = float(all(run["reset"] for run in runs))
    return found


def tracemalloc_table(directory: Path, n: int) -> dict[str, float]:
    """Bytes per 1,000 statements that tracemalloc counts as held once the data are built."""
    build = builders(directory)

    def measure(run: Callable[[], Any]) -> float:
        gc.collect()
        tracemalloc.start()
        kept = run()
        gc.collect()
        size, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return size / (n / 1000)

    return {
        name: measure(build[name])
        for name in ("ca_security", "ca_security with the statement indexes built", "msgspec")
    }


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))
