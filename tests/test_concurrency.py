"""Concurrency: many threads loading and querying a cold process see one dataset and one answer."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

import ca_security as cs

#: Runs in a fresh interpreter, so that the first load() and every lazy index are built
#: while 16 threads race for them. Each thread prints nothing; the process prints a
#: summary as JSON.
COLD_PROCESS = r"""
import json, sys, threading
import ca_security

THREADS = 16
barrier = threading.Barrier(THREADS)
results = [None] * THREADS
errors = []

def answers(ds):
    # Every lookup that builds or reads a lazy index, in a fixed order.
    ids = [record_id for _, coll in ds.collections() for record_id in coll.ids]
    found = [repr(ds.get(record_id)) for record_id in ids]
    by_item = [repr(ds[record_id]) for record_id in ids]
    suggestions = []
    for record_id in ids:
        try:
            ds[record_id + "x"]
        except KeyError as error:
            suggestions.append(str(error))
    closest = [coll.closest_ids(record_id[:-1]) for _, coll in ds.collections() for record_id in coll.ids]
    return repr((found, by_item, suggestions, closest, repr(ds), ds.version))

def work(index):
    try:
        barrier.wait()
        ds = ca_security.load()
        results[index] = (id(ds), answers(ds), id(ca_security.load()))
    except BaseException as error:  # reported, not swallowed
        errors.append(repr(error))

threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({
    "errors": errors,
    "objects": len({r[0] for r in results if r} | {r[2] for r in results if r}),
    "answers": len({r[1] for r in results if r}),
    "done": sum(r is not None for r in results),
    "answer": results[0][1] if results[0] else None,
}))
"""


def _run_cold() -> dict:
    output = subprocess.run(
        [sys.executable, "-c", COLD_PROCESS], check=True, capture_output=True, text=True
    ).stdout
    summary: dict = json.loads(output)
    return summary


def test_sixteen_threads_in_a_cold_process_share_one_dataset_and_one_answer():
    """16 threads load and query at once: one dataset object, identical answers, no error."""
    summary = _run_cold()
    assert summary["errors"] == []
    assert summary["done"] == 16
    assert summary["objects"] == 1
    assert summary["answers"] == 1


def test_threaded_answers_equal_a_single_threaded_run():
    """The answer the threads agree on is the one two separate cold runs give (no race wins)."""
    assert _run_cold()["answer"] == _run_cold()["answer"]


def test_a_lazy_index_is_built_once_under_sixteen_threads():
    """Dataset.cached runs its build once per key, however many threads ask at once."""
    ds = cs.load()
    fresh = cs.Dataset.from_records(ds.metadata, {name: tuple(c) for name, c in ds.collections()})
    calls = []
    barrier = threading.Barrier(16)
    seen = []

    def build():
        calls.append(1)
        time.sleep(0.05)  # widen the window in which a second build could start
        return object()

    def work():
        barrier.wait()
        seen.append(fresh.cached("test-index", build))

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(seen) == 16
    assert len({id(value) for value in seen}) == 1


def test_a_failing_build_is_not_cached_and_can_be_retried():
    """A build that raises leaves no entry behind: the next call builds again."""
    ds = cs.load()
    fresh = cs.Dataset.from_records(ds.metadata, {name: tuple(c) for name, c in ds.collections()})
    attempts = []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first build fails")
        return "built"

    with pytest.raises(RuntimeError, match="first build fails"):
        fresh.cached("flaky", flaky)
    assert fresh.cached("flaky", flaky) == "built"
    assert len(attempts) == 2
