"""Memory as the process sees it, and iteration order, after loading a large dataset.

Run from a checkout with the ``bench`` extra installed::

    python benchmarks/rss.py                  # 100,000 statements
    python benchmarks/rss.py --statements 10000

Each figure comes from a fresh interpreter, so that no earlier load leaves its
memory behind:

- resident memory (``VmRSS`` of ``/proc/self/status``) once ``ca_security.load``
  of a synthetic directory has returned and ``gc.collect()`` has run, against
  ``msgspec.json.decode`` of the same files into equivalent Structs (see
  ``bench.msgspec_types``); each less a baseline interpreter with the same
  imports and nothing loaded;
- peak resident memory (``VmHWM``) during the load, less the same baseline, and
  its ratio to what is kept;
- ``load`` time (best of three, in one interpreter);
- a plain loop over ``ds.statements`` (canonical order, by date) against the
  same records in file order (by their number), best of seven.

Linux only (``/proc``). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_PRELUDE = """
import gc, json, sys, time
sys.path.insert(0, {here!r})
import msgspec, ca_security, bench
from ca_security import Statement, Dataset
from ca_security._load import reading, fast, structuring, consistency, converter
from ca_security._dataset import dataset
structs = bench.msgspec_types()
decoders = {{cls: msgspec.json.Decoder(structs[cls]) for _, cls in bench.FILES}}
directory = {directory!r}

def status():
    fields = {{}}
    with open("/proc/self/status") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) * 1024
    return fields
"""

_RUNS = {
    "baseline": "kept = None",
    "ca_security": "kept = ca_security.load(directory)",
    "msgspec": (
        "from pathlib import Path\n"
        "kept = [decoders[cls].decode((Path(directory) / name).read_bytes())"
        " for name, cls in bench.FILES]"
    ),
}

_AFTER = """
gc.collect()
print(json.dumps(status()))
"""

_TIMING = """
best = min(
    (lambda start: (ca_security.load(directory), time.perf_counter() - start)[1])(
        time.perf_counter()
    )
    for _ in range(3)
)
ds = ca_security.load(directory)
canonical = tuple(ds.statements)
file_order = tuple(sorted(canonical, key=lambda s: int(s.id.rpartition("-")[2])))

def loop(records):
    start = time.perf_counter()
    for record in records:
        pass
    return time.perf_counter() - start

def touch(records):
    start = time.perf_counter()
    for record in records:
        record.date
    return time.perf_counter() - start

figures = {"load": best}
for name, run in (("loop", loop), ("touch", touch)):
    figures[name + " canonical"] = min(run(canonical) for _ in range(7))
    figures[name + " file"] = min(run(file_order) for _ in range(7))
print(json.dumps(figures))
"""


def run(code: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; the JSON object it prints last."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="fresh interpreters per figure")
    parser.add_argument("--directory", type=Path, help="an existing synthetic dataset")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import synthetic

    with tempfile.TemporaryDirectory() as tmp:
        directory = args.directory or synthetic.write(Path(tmp) / "data", args.statements)
        prelude = _PRELUDE.format(here=str(HERE), directory=str(directory))
        memory: dict[str, dict[str, float]] = {}
        for name, code in _RUNS.items():
            runs = [run(prelude + code + _AFTER) for _ in range(args.repeat)]
            memory[name] = {
                field: min(figures[field] for figures in runs) for field in ("VmRSS", "VmHWM")
            }
        timing = run(prelude + _TIMING)
    base = memory["baseline"]
    mib = 2**20
    kept = {name: memory[name]["VmRSS"] - base["VmRSS"] for name in ("ca_security", "msgspec")}
    peak = {name: memory[name]["VmHWM"] - base["VmRSS"] for name in ("ca_security", "msgspec")}
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"statements: {args.statements:,}")
    for name in kept:
        print(
            f"{name}: kept {kept[name] / mib:,.1f} MiB, peak {peak[name] / mib:,.1f} MiB,"
            f" peak / kept {peak[name] / kept[name]:.2f}"
        )
    print(f"RSS ca_security / msgspec: {kept['ca_security'] / kept['msgspec']:.2f}")
    print(f"load: {timing['load'] * 1000:,.0f} ms")
    for name in ("loop", "touch"):
        canonical, file_order = timing[name + " canonical"], timing[name + " file"]
        print(
            f"{name}: canonical {canonical * 1000:.2f} ms, file order {file_order * 1000:.2f} ms,"
            f" ratio {canonical / file_order:.2f}"
        )


if __name__ == "__main__":
    main()
