"""Benchmark: load, query, iteration, import time and memory of ca_security, with baselines.

Run from a checkout with the ``bench`` extra installed::

    pip install -e ".[bench]"
    python benchmarks/bench.py                # 1,000 / 10,000 / 100,000 statements
    python benchmarks/bench.py --sizes 1000   # a quick run
    python benchmarks/bench.py --help

It writes synthetic datasets (see ``synthetic.py``) to a temporary directory
and prints Markdown tables, each captioned with the machine (CPUs, Python,
library versions) and the load average before and after it ran:

- load time per record: ``ca_security.load(path)`` (decode + validate +
  build) next to ``json.loads`` alone and four baselines decoding the same
  files (``baselines.py``): msgspec Structs and pydantic v2 models generated
  from our attrs types, each plain and constrained with the per-field rules
  our declarations state (pydantic strict); then where a load's time goes;
- query latency per criterion (``queries.py``): ``filter`` asked again (the
  same question: cached) and asked afresh (a different question each call),
  against careful linear scans over the records in canonical and in file order;
- a plain loop over the statements in canonical order and in file order;
- memory: resident memory after a load in a fresh interpreter per contestant,
  and its peak during the build (``memory.py``); what tracemalloc counts;
- ``import ca_security`` against ``import pycountry`` and ``import attrs, cattrs``,
  and what the lazy import defers (``loading.py``).

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loading
import measure
import memory
import queries
import synthetic
from baselines import BASELINES
from measure import conditions, ms, ratio, us

#: The load-time target at 100,000 statements, in seconds (``docs/performance.md``).
LOAD_TARGET = 1.5


def print_load(directories: dict[int, Path], repeat: int) -> None:
    with conditions() as ran:
        rows = {n: loading.load_table(directory, repeat) for n, directory in directories.items()}
    print("## Load (decode + validate + build), time per record\n")
    print(ran.caption() + "\n")
    print(
        "Best of the runs. Baselines with the garbage collector paused as `ca_security.load`"
        " pauses it; in brackets, with the collector running as Python leaves it."
        ' "Constrained": the per-field rules of our declarations (ids, non-blank texts,'
        " ISO partial dates, non-empty citation lists); pydantic's constrained models are"
        " strict, and msgspec decodes strictly by default.\n"
    )
    columns = ["json.loads", *BASELINES]
    print(
        "| statements | records | ca_security.load | "
        + " | ".join(columns)
        + " | "
        + " | ".join(f"load / {name}" for name in BASELINES)
        + " | load total |"
    )
    print("|---:" * (4 + 2 * len(BASELINES)) + "|")
    for n, row in rows.items():
        count = row["records"]
        timed = " | ".join(
            f"{us(row[name] / count)} ({us(row[name + ' (gc on)'] / count)})" for name in columns
        )
        ratios = " | ".join(ratio(row["ca_security.load"], row[name], 1) for name in BASELINES)
        print(
            f"| {n:,} | {int(count):,} | {us(row['ca_security.load'] / count)} | {timed} "
            f"| {ratios} | {ms(row['ca_security.load'])} |"
        )
    largest = max(rows)
    total = rows[largest]["ca_security.load"]
    verdict = "holds" if total <= LOAD_TARGET else "does not hold"
    print(
        f"\nLoad target ({largest:,} statements in at most {LOAD_TARGET} s): {verdict}, "
        f"{total:.2f} s; {ratio(total, rows[largest]['msgspec'], 1)} msgspec, "
        f"{ratio(total, rows[largest]['msgspec constrained'], 1)} msgspec constrained, "
        f"{ratio(total, rows[largest]['pydantic'], 1)} pydantic, "
        f"{ratio(total, rows[largest]['pydantic constrained (strict)'], 1)} pydantic constrained"
        " (strict), with the collector paused for all."
    )


def print_steps(directory: Path, n: int, repeat: int, imports: int) -> None:
    with conditions() as ran:
        steps = loading.load_parts(directory, repeat)
        bundled = loading.bundled_first_load(imports)
    print(f"\nWhere a load of {n:,} statements spends its time (best of {repeat}):\n")
    print(ran.caption() + "\n")
    print("| step | time |")
    print("|---|---:|")
    for label, seconds in steps.items():
        print(f"| {label} | {ms(seconds)} |")
    print(f"\nBundled data, first `load()` in a fresh interpreter: {ms(bundled)}\n")


def print_memory(directories: dict[int, Path], warmup: Path, repeat: int) -> None:
    with conditions() as ran:
        rows = {
            n: memory.rss_table(directory, warmup, repeat) for n, directory in directories.items()
        }
    print("## Memory as the process sees it (resident memory, fresh interpreter each)\n")
    print(ran.caption() + "\n")
    print(
        "Kept: resident memory (VmRSS) once the whole dataset is built, less that of the same"
        " interpreter before it (every library imported, every contestant built once from a"
        " tiny dataset and dropped). Peak: the highest resident memory during the build"
        f" (VmHWM) less the same baseline. Median of {repeat} fresh interpreters.\n"
    )
    print("| statements | contestant | baseline | kept | peak | peak / kept | kept / msgspec |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n, row in rows.items():
        msgspec_kept = row["msgspec"]["kept"]
        for contestant, found in row.items():
            print(
                f"| {n:,} | {contestant} | {found['baseline'] / 2**20:,.1f} MiB "
                f"| {found['kept'] / 2**20:,.1f} MiB | {found['peak'] / 2**20:,.1f} MiB "
                f"| {ratio(found['peak'], found['kept'])} | {ratio(found['kept'], msgspec_kept)} |"
            )
    if not all(found["reset"] for row in rows.values() for found in row.values()):
        print("\n(The peak could not be reset after the imports: it includes them.)")

    largest = max(rows)
    with conditions() as ran:
        traced = {n: memory.tracemalloc_table(directory, n) for n, directory in directories.items()}
    print("\n## Memory per 1,000 statements (tracemalloc, whole dataset held)\n")
    print(ran.caption() + "\n")
    print(
        "What Python's allocator hands out and is still held, as tracemalloc counts it;"
        " not what the process holds (see the table above).\n"
    )
    print(
        "| statements | ca_security | ca_security with the statement indexes built "
        "| msgspec Structs |"
    )
    print("|---:|---:|---:|---:|")
    for n, held in traced.items():
        print(
            f"| {n:,} | {held['ca_security'] / 2**20:,.2f} MiB "
            f"| {held['ca_security with the statement indexes built'] / 2**20:,.2f} MiB "
            f"| {held['msgspec'] / 2**20:,.2f} MiB |"
        )
    kept = rows[largest]
    print(
        f"\nMemory target at {largest:,} statements: kept {ratio(kept['ca_security']['kept'], kept['msgspec']['kept'])}"
        " msgspec's (at most 1.20x), peak during the build "
        f"{ratio(kept['ca_security']['peak'], kept['ca_security']['kept'])} what is kept (at most 2x)."
    )


def print_queries(directory: Path, n: int) -> None:
    with conditions() as ran:
        first, clearing, rows = queries.query_table(directory)
    print(f"\n## Queries over {n:,} statements\n")
    print(ran.caption() + "\n")
    print(
        f"First query, including the lazy index build: {ms(first)}. Asked again (cached): one"
        " question repeated, which finds its date text already read and its memory warm."
        f" Asked afresh: {queries.QUESTIONS} questions of the same shape in turn, the date-text"
        f" memo cleared before each (clearing alone: {us(clearing)}, inside the figure)."
        " Scans: written as a careful user would (enum identity, year and month compared"
        " directly), cycling through the same questions, over the records in canonical (date)"
        " order and in file order. Speed-up: asked afresh against the faster scan.\n"
    )
    print(
        "| criterion | results | filter, asked again (cached) | filter, asked afresh "
        "| scan, canonical order | scan, file order | speed-up (afresh) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row.criterion} | {row.results:,} | {us(row.again)} | {us(row.afresh)} "
            f"| {us(row.scan_canonical)} | {us(row.scan_file)} | {row.speed_up:,.0f}x |"
        )
    targeted = [row for row in rows if row.criterion in queries.TARGETED]
    held = ", ".join(
        f"{row.criterion} {row.speed_up:,.0f}x ({'holds' if row.speed_up >= 1000 else 'does not hold'})"
        for row in targeted
    )
    print(f"\nAt least 1,000x, asked afresh only, against the faster scan: {held}.")


def print_iteration(directories: dict[int, Path]) -> None:
    with conditions() as ran:
        rows = {n: queries.iteration_table(directory) for n, directory in directories.items()}
    print("\n## Iteration over the statements, canonical (date) order against file order\n")
    print(ran.caption() + "\n")
    print(
        "Canonical: `ds.statements`. File order: a list of the same records in the order of"
        " `statements.json`, the order the loader made them in. Median per pass.\n"
    )
    print("| statements | loop | canonical order | file order | canonical / file |")
    print("|---:|---|---:|---:|---:|")
    for n, row in rows.items():
        for loop, (canonical, in_file) in row.items():
            print(
                f"| {n:,} | {loop} | {us(canonical)} | {us(in_file)} | {ratio(canonical, in_file)} |"
            )


def print_imports(repeat: int) -> None:
    with conditions() as ran:
        rows = loading.import_table(repeat)
    print(f"\n## Import time (best of {repeat} fresh interpreters)\n")
    print(ran.caption() + "\n")
    print("| statement | time |")
    print("|---|---:|")
    for label, seconds in rows.items():
        print(f"| `{label}` | {ms(seconds)} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Prints Markdown to standard output. Linux only for the resident-memory table.",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1_000, 10_000, 100_000],
        metavar="N",
        help="numbers of statements of the synthetic datasets (default: 1000 10000 100000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each load (the best counts) and fresh interpreters of each memory"
        " figure (the median counts) (default: 3)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=measure.BUDGET,
        metavar="SECONDS",
        help="time each of the five batches of a query or loop timing aims at; the median"
        f" batch counts (default: {measure.BUDGET})",
    )
    parser.add_argument(
        "--imports",
        type=int,
        default=5,
        metavar="N",
        help="fresh interpreters for each import time and the bundled first load (default: 5)",
    )
    args = parser.parse_args(argv)
    measure.BUDGET = args.budget
    print(f"Machine: {measure.machine()}\n")
    with tempfile.TemporaryDirectory() as tmp:
        directories = {n: synthetic.write(Path(tmp) / str(n), n) for n in args.sizes}
        warmup = synthetic.write(Path(tmp) / "warmup", 20)
        largest = max(directories)
        print_load(directories, args.repeat)
        print_steps(directories[largest], largest, args.repeat, args.imports)
        print_memory(directories, warmup, args.repeat)
        for n, directory in directories.items():
            print_queries(directory, n)
        print_iteration(directories)
    print_imports(args.imports)


if __name__ == "__main__":
    main()
