"""Benchmark: load, query, import time and memory of ca_security, with baselines.

Run from a checkout with the ``bench`` extra installed::

    pip install -e ".[bench]"
    python benchmarks/bench.py                # 1,000 / 10,000 / 100,000 statements
    python benchmarks/bench.py --sizes 1000   # a quick run

It writes synthetic datasets (see ``synthetic.py``) to a temporary directory
and prints Markdown tables:

- load time per record: ``ca_security.load(path)`` (decode + validate +
  build) next to ``json.loads`` alone, msgspec decoding the same files into
  equivalent Structs, and pydantic v2 models (both generated from our attrs
  types; benchmark-only dependencies);
- query latency per criterion: ``filter`` answered from the indexes (no whole
  answer is kept, so every call answers afresh), against a plain linear scan
  over the same tuple, and the first query including the lazy index build;
- ``import ca_security`` against ``import pycountry`` and ``import attrs, cattrs``,
  and what the lazy import defers: the first use of the record types and the
  first ``load()`` of the bundled data;
- where a load of the largest dataset spends its time, step by step;
- memory per 1,000 statements (tracemalloc) against msgspec Structs.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
import types
import typing
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

import ca_security
from ca_security import PartialDate
from ca_security._model.kinds import KINDS

FILES = [(kind.file, kind.type) for kind in KINDS]


# -- equivalent msgspec Structs and pydantic models, generated from the attrs types -----


def _translate(tp: Any, make: Callable[[type], Any]) -> Any:
    if tp is PartialDate:
        return str
    if attrs.has(tp):
        return make(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple:
        return tuple[_translate(args[0], make), ...]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_translate(a, make) for a in args)]  # noqa: UP007
    return tp


def msgspec_types() -> dict[type, Any]:
    import msgspec

    made: dict[type, Any] = {}

    def make(cls: type) -> Any:
        if cls not in made:
            hints = typing.get_type_hints(cls)
            fields: list[Any] = []
            for field in attrs.fields(cls):
                tp = _translate(hints[field.name], make)
                if field.default is attrs.NOTHING:
                    fields.append((field.name, tp))
                else:
                    fields.append((field.name, tp, field.default))
            made[cls] = msgspec.defstruct(
                cls.__name__, fields, kw_only=True, forbid_unknown_fields=True, frozen=True
            )
        return made[cls]

    return {cls: list[make(cls)] for _, cls in FILES}  # type: ignore[misc]


def pydantic_types() -> dict[type, Any]:
    import pydantic

    made: dict[type, Any] = {}

    def make(cls: type) -> Any:
        if cls not in made:
            hints = typing.get_type_hints(cls)
            fields: dict[str, Any] = {}
            for field in attrs.fields(cls):
                tp = _translate(hints[field.name], make)
                default = field.default
                if isinstance(default, enum.Enum):
                    default = default
                fields[field.name] = (tp, ... if default is attrs.NOTHING else default)
            made[cls] = pydantic.create_model(  # type: ignore[call-overload]
                cls.__name__,
                __config__=pydantic.ConfigDict(extra="forbid", frozen=True),
                **fields,
            )
        return made[cls]

    return {cls: pydantic.TypeAdapter(list[make(cls)]) for _, cls in FILES}  # type: ignore[misc]


# -- measurements ------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    """The best wall time of ``repeat`` runs (the garbage collector left as it is)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def read_all(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name, _ in FILES}


def load_table(directory: Path, n: int, repeat: int) -> dict[str, float]:
    """Seconds to load the files: ca_security, then each baseline twice.

    ``ca_security.load`` pauses the garbage collector itself. Each baseline is
    timed with the collector as Python leaves it (``... (gc on)``) and paused
    the same way the loader pauses it (``_collector_paused``, the records
    moved to the oldest generation afterwards), so that the comparison is like
    for like.
    """
    from ca_security._load.reading import _collector_paused

    raw = read_all(directory)
    records = sum(len(json.loads(raw[name])) for name, _ in FILES)
    del raw
    import msgspec

    structs = msgspec_types()
    models = pydantic_types()
    decoders = {cls: msgspec.json.Decoder(structs[cls]) for _, cls in FILES}
    baselines: dict[str, Callable[[], Any]] = {
        "json.loads": lambda: [json.loads((directory / name).read_bytes()) for name, _ in FILES],
        "msgspec": lambda: [
            decoders[cls].decode((directory / name).read_bytes()) for name, cls in FILES
        ],
        "pydantic v2": lambda: [
            models[cls].validate_json((directory / name).read_bytes()) for name, cls in FILES
        ],
    }

    def paused(run: Callable[[], Any]) -> Callable[[], Any]:
        def run_paused() -> Any:
            with _collector_paused():
                return run()

        return run_paused

    results = {
        "records": float(records),
        "ca_security.load": best_of(repeat, lambda: ca_security.load(directory)),
    }
    for name, run in baselines.items():
        results[name] = best_of(repeat, paused(run))
        results[f"{name} (gc on)"] = best_of(repeat, run)
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

    def _bytes(data: str | bytes) -> bytes:
        return data.encode("utf-8") if isinstance(data, str) else data

    def parse() -> dict[str, Any]:
        return {
            name: _parse(name, _bytes(raw[name]), expect=dict if name == _METADATA else list)[0]
            for name in names
            if name in raw
        }

    built = _fast_records({name: _bytes(data) for name, data in raw.items()})
    assert built is not None, "the synthetic data take the fast path"
    metadata, records, _ = built

    steps: dict[str, Callable[[], Any]] = {
        "read and parse the JSON whole (duplicate keys, NaN and size checked)": parse,
        "parse and build the records one at a time, in canonical order (the fast path)": (
            lambda: _fast_records({name: _bytes(data) for name, data in raw.items()})
        ),
        "cross-record validation (ids, references, dates)": lambda: validate(records),
        "canonical order and collections": lambda: assemble(metadata, records),
    }
    results = {}
    for label, run in steps.items():
        with _collector_paused():
            results[label] = best_of(repeat, run)
    return results


def memory_table(directory: Path, n: int) -> dict[str, float]:
    import msgspec

    structs = msgspec_types()

    def measure(build: Callable[[], Any]) -> float:
        gc.collect()
        tracemalloc.start()
        kept = build()
        gc.collect()
        size, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return size / (n / 1000)

    def with_indexes() -> Any:
        ds = ca_security.load(directory)
        statements = ds.statements
        statements.filter(speaker=next(iter(statements)).speaker)
        statements.filter(topic=ds.topics.ids[0])
        statements.filter(summit=ds.summits.ids[0])
        statements.filter(source=ds.sources.ids[0])
        statements.filter(mentions=ds.countries.ids[0])
        statements.filter(kind="written")
        statements.filter(since="2019", until="2019")
        return ds

    return {
        "ca_security": measure(lambda: ca_security.load(directory)),
        "with indexes": measure(with_indexes),
        "msgspec": measure(
            lambda: [
                msgspec.json.decode((directory / name).read_bytes(), type=structs[cls])
                for name, cls in FILES
            ]
        ),
    }


def query_table(
    directory: Path,
) -> tuple[float, list[tuple[str, int, float, float]]]:
    ds = ca_security.load(directory)
    statements = tuple(ds.statements)
    speaker = statements[len(statements) // 2].speaker
    start = time.perf_counter()
    ds.statements.filter(speaker=speaker)
    first = time.perf_counter() - start

    topic = ds.topics["theme-1"].id
    subtree = {t.id for t in ds.topics if t.id == topic or t.parent == topic}
    summit = ds.summits.ids[len(ds.summits) // 2]
    source = ds.sources.ids[3]
    month_first, month_last = dt.date(2019, 5, 1), dt.date(2019, 5, 31)

    def in_month(s: Any) -> bool:
        return s.date is not None and s.date.earliest <= month_last and s.date.latest >= month_first

    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "speaker",
            lambda: ds.statements.filter(speaker=speaker),
            lambda: [s for s in statements if s.speaker == speaker],
        ),
        (
            "topic (with subtopics)",
            lambda: ds.statements.filter(topic=topic),
            lambda: [s for s in statements if not subtree.isdisjoint(s.topics)],
        ),
        (
            "summit",
            lambda: ds.statements.filter(summit=summit),
            lambda: [s for s in statements if s.summit == summit],
        ),
        (
            "date range (one month)",
            lambda: ds.statements.filter(since="2019-05", until="2019-05"),
            lambda: [s for s in statements if in_month(s)],
        ),
        (
            "source",
            lambda: ds.statements.filter(source=source),
            lambda: [s for s in statements if any(c.source == source for c in s.citations)],
        ),
        (
            "speaker + date range",
            lambda: ds.statements.filter(speaker=speaker, since="2019", until="2019"),
            lambda: [
                s
                for s in statements
                if s.speaker == speaker
                and s.date is not None
                and s.date.earliest.year <= 2019 <= s.date.latest.year
            ],
        ),
        (
            "mentions",
            lambda: ds.statements.filter(mentions="af"),
            lambda: [s for s in statements if "af" in s.mentions or "af" in s.topics],
        ),
        (
            "kind",
            lambda: ds.statements.filter(kind="written"),
            lambda: [s for s in statements if s.kind.value == "written"],
        ),
    ]

    rows = []
    for name, indexed, linear in cases:
        indexed()  # build the index outside the timing
        assert len(indexed()) == len(linear()), name
        rows.append((name, len(indexed()), per_call(indexed), per_call(linear)))
    return first, rows


def per_call(run: Callable[[], Any]) -> float:
    """Median seconds per call over a few batches sized to take about 0.2 s."""
    timer = timeit.Timer(run)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=5, number=number))


def fresh_interpreter(setup: str, statement: str, repeat: int) -> float:
    """The best time of ``statement`` after ``setup`` in ``repeat`` fresh interpreters."""
    code = f"{setup}\nimport time\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)"
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    )


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


# -- output ----------------------------------------------------------------------------------


def machine() -> str:
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("attrs", "cattrs", "msgspec", "pydantic")
    )
    cpu = platform.processor() or platform.machine()
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}); {versions}"
    )


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}\n")
    with tempfile.TemporaryDirectory() as tmp:
        directories = {n: synthetic.write(Path(tmp) / str(n), n) for n in args.sizes}

        print("## Load (decode + validate + build), time per record\n")
        print(
            "Baselines with the garbage collector paused as `ca_security.load` pauses it;"
            " in brackets, with the collector running as Python leaves it.\n"
        )
        print(
            "| statements | records | ca_security.load | json.loads | msgspec | pydantic v2 "
            "| load / msgspec | load / pydantic | load total |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n, directory in directories.items():
            row = load_table(directory, n, args.repeat)
            count = row["records"]
            baselines = " | ".join(
                f"{us(row[name] / count)} ({us(row[name + ' (gc on)'] / count)})"
                for name in ("json.loads", "msgspec", "pydantic v2")
            )
            print(
                f"| {n:,} | {int(count):,} | {us(row['ca_security.load'] / count)} "
                f"| {baselines} "
                f"| {row['ca_security.load'] / row['msgspec']:.1f}x "
                f"| {row['ca_security.load'] / row['pydantic v2']:.1f}x "
                f"| {ms(row['ca_security.load'])} |"
            )

        largest = max(directories)
        print(
            f"\nWhere a load of {largest:,} statements spends its time (best of {args.repeat}):\n"
        )
        print("| step | time |")
        print("|---|---:|")
        for label, seconds in load_parts(directories[largest], args.repeat).items():
            print(f"| {label} | {ms(seconds)} |")

        # ``ca_security.load`` imports the loader and the record types: time the load alone.
        bundled = fresh_interpreter("import ca_security\nca_security.load", "ca_security.load()", 5)
        print(f"\nBundled data, first `load()` in a fresh interpreter: {ms(bundled)}\n")

        print("## Memory per 1,000 statements (tracemalloc, whole dataset held)\n")
        print(
            "| statements | ca_security | ca_security with the statement indexes built "
            "| msgspec Structs |"
        )
        print("|---:|---:|---:|---:|")
        for n, directory in directories.items():
            row = memory_table(directory, n)
            print(
                f"| {n:,} | {row['ca_security'] / 2**20:,.2f} MiB "
                f"| {row['with indexes'] / 2**20:,.2f} MiB "
                f"| {row['msgspec'] / 2**20:,.2f} MiB |"
            )

        for n, directory in directories.items():
            first, rows = query_table(directory)
            print(f"\n## Queries over {n:,} statements\n")
            print(f"First query, including the lazy index build: {ms(first)}\n")
            print("| criterion | results | filter | linear scan | speed-up |")
            print("|---|---:|---:|---:|---:|")
            for name, count, indexed, linear in rows:
                print(
                    f"| {name} | {count:,} | {us(indexed)} | {us(linear)} "
                    f"| {linear / indexed:,.0f}x |"
                )

    print("\n## Import time (best of 5 fresh interpreters)\n")
    print("| statement | time |")
    print("|---|---:|")
    for label, seconds in import_table(5).items():
        print(f"| `{label}` | {ms(seconds)} |")


if __name__ == "__main__":
    main()
