"""Time to first answer: fresh interpreters, paired A/B, against pycountry.

Each pair runs two whole processes back to back, in alternating order, and
times them from the outside (``time.perf_counter`` around
``subprocess.run``): the interpreter's start, the imports, the load and the
question, as a user waiting for a notebook cell or a command sees them. The
figures are the medians over the pairs, and the median of the per-pair ratios,
which cancels most of the noise a shared machine adds.

Run it with the interpreter of an installed wheel (pip writes the bytecode at
install time; a checkout whose ``__pycache__`` is missing measures compilation
instead)::

    python benchmarks/startup.py --pairs 15

Needs ``pycountry`` in the same environment (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

#: What each contestant runs in a fresh interpreter. Ours also prints how long its
#: import and its ``load()`` took inside the process (a few microseconds of timing).
FIRST_ANSWER = (
    "import time; started = time.perf_counter(); import ca_security as c; "
    "imported = time.perf_counter(); ds = c.load(); loaded = time.perf_counter(); "
    "ds.statements.filter(speaker='Tokayev'); print(imported - started, loaded - imported)",
    "import pycountry; pycountry.countries.lookup('kz')",
)
IMPORT_ONLY = ("import ca_security", "import pycountry")


def run_once(argv: Sequence[str], printed: list[str] | None = None) -> float:
    """Seconds one whole process takes, from start to exit (it must succeed).

    What the process prints is appended to ``printed`` when given.
    """
    started = time.perf_counter()
    output = subprocess.run(
        argv, check=True, stdout=subprocess.PIPE, text=True, env=_environment()
    ).stdout
    elapsed = time.perf_counter() - started
    if printed is not None:
        printed.append(output)
    return elapsed


def _environment() -> dict[str, str]:
    # Bytecode as an installed wheel has it: never rewritten by the runs themselves.
    environment = dict(os.environ)
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    return environment


def paired(
    a: Sequence[str], b: Sequence[str], pairs: int, printed: list[str] | None = None
) -> dict[str, float]:
    """Median seconds of ``a`` and ``b`` and the median of the per-pair ratios a / b.

    What each counted run of ``a`` prints is appended to ``printed`` when given.
    """
    run_once(a), run_once(b)  # warm the file cache; not counted
    times_a, times_b, ratios = [], [], []
    for index in range(pairs):
        if index % 2:
            time_b = run_once(b)
            time_a = run_once(a, printed)
        else:
            time_a = run_once(a, printed)
            time_b = run_once(b)
        times_a.append(time_a)
        times_b.append(time_b)
        ratios.append(time_a / time_b)
    return {
        "a": statistics.median(times_a),
        "b": statistics.median(times_b),
        "ratio": statistics.median(ratios),
        "ratio_low": min(ratios),
        "ratio_high": max(ratios),
    }


def growth(sizes: Sequence[int]) -> list[tuple[int, float]]:
    """(records, best seconds) of the bundled short path over synthetic data of each size.

    The short path takes only data whose digest the build wrote, so the
    benchmark writes each synthetic dataset, computes its digest and stands it
    in for the bundled one while it times
    :func:`ca_security._load.bundled.trusted_dataset` (best of 3): what
    ``load()`` costs per record once the record types exist.
    """
    if not sizes:
        return []
    import tempfile
    from pathlib import Path

    from ca_security._load import bundled, bundled_records
    from ca_security._model.kinds import KINDS

    sys.path.insert(0, str(Path(__file__).parent))
    import synthetic

    figures = []
    shipped = bundled_records.DIGEST
    try:
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                directory = synthetic.write(Path(folder), size)
                files = {path.name: path.read_bytes() for path in directory.glob("*.json")}
                bundled_records.DIGEST = bundled.data_digest(files.get)
                best = float("inf")
                for _ in range(3):
                    started = time.perf_counter()
                    dataset = bundled.trusted_dataset(files.get, list(files))
                    best = min(best, time.perf_counter() - started)
                assert dataset is not None, "the short path refused the synthetic data"
                records = sum(len(getattr(dataset, kind.name)) for kind in KINDS)
                figures.append((records, best))
    finally:
        bundled_records.DIGEST = shipped
    return figures


def machine() -> str:
    """The machine and its load, for the caption of the table."""
    from importlib import metadata

    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("ca_security", "attrs", "pycountry")
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, Python {platform.python_version()} ({sys.executable}), "
        f"{versions}; load average {load}"
    )


def main(argv: list[str] | None = None) -> None:
    """Print the start-up table (Markdown) for this interpreter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15, help="A/B pairs per row (default 15)")
    parser.add_argument(
        "--growth",
        type=int,
        nargs="*",
        default=[1_000, 10_000],
        metavar="STATEMENTS",
        help="synthetic sizes for the per-record cost of the short path (default 1000 10000)",
    )
    options = parser.parse_args(argv)
    python = sys.executable
    cli = os.path.join(os.path.dirname(python), "ca-security")
    inside: list[str] = []
    rows = {
        "first answer (import, load, one filter)": paired(
            [python, "-c", FIRST_ANSWER[0]], [python, "-c", FIRST_ANSWER[1]], options.pairs, inside
        ),
        "`ca-security stats`": paired(
            [cli, "stats"], [python, "-c", FIRST_ANSWER[1]], options.pairs
        ),
        "import alone": paired(
            [python, "-c", IMPORT_ONLY[0]], [python, "-c", IMPORT_ONLY[1]], options.pairs
        ),
        "an empty interpreter": paired(
            [python, "-c", "pass"], [python, "-c", FIRST_ANSWER[1]], options.pairs
        ),
    }
    print(f"Machine: {machine()}\n")
    print(f"Medians of {options.pairs} pairs of fresh processes; baseline: `{FIRST_ANSWER[1]}`")
    print("(for the import row: `import pycountry`).\n")
    print("| what | ca_security | baseline | ratio (median, range) |")
    print("|---|---:|---:|---:|")
    for name, row in rows.items():
        print(
            f"| {name} | {row['a'] * 1000:.0f} ms | {row['b'] * 1000:.0f} ms "
            f"| {row['ratio']:.2f}x ({row['ratio_low']:.2f}-{row['ratio_high']:.2f}) |"
        )
    imports, loads = zip(*(map(float, line.split()) for line in inside), strict=True)
    print(
        "\nInside the first-answer processes (medians): `import ca_security` "
        f"{statistics.median(imports) * 1000:.1f} ms, then the bundled `load()` "
        f"{statistics.median(loads) * 1000:.1f} ms"
    )
    if options.growth:
        print("\nThe bundled short path over synthetic data (record types already built):\n")
        print("| statements | records of every kind | short path | per 1,000 records |")
        print("|---:|---:|---:|---:|")
    for statements, (records, seconds) in zip(options.growth, growth(options.growth), strict=True):
        print(
            f"| {statements:,} | {records:,} | {seconds * 1000:.1f} ms "
            f"| {seconds * 1000 / records * 1000:.2f} ms |"
        )
    print(f"\nLoad average after the runs: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
