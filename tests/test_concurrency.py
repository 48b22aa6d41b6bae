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
import json, threading
import ca_security

THREADS = 16
barrier = threading.Barrier(THREADS)
results = [None] * THREADS
errors = []

def answers(ds):
    # Queries that build lazy indexes (ids, names, filters, holders, timeline) on first use.
    sample = [coll.ids[:: max(1, len(coll) // 5)] for _, coll in ds.collections()]
    ids = [record_id for part in sample for record_id in part]
    summit = ds.summits[ds.summits.ids[0]]
    statement = ds.statements.ids[0]
    post = ds.posts.ids[0]
    out = [
        [repr(ds.get(record_id)) for record_id in ids],
        [repr(ds[record_id]) for record_id in ids],
        [repr(ds.lookup(record_id)) for record_id in ids],
        ds.countries._closest_ids(ds.countries.ids[0].upper()),
        [r.id for r in ds.statements.filter(summit=summit.id)],
        [r.id for r in ds.summits.filter(place=summit.place)] if summit.place else [],
        [r.id for r in ds.officials.search("president", limit=5)],
        [r.id for r in ds.timeline(since=summit.start, until=summit.start)] if summit.start else [],
        repr(ds.corroboration(statement)),
        repr(ds.officials.holding(post=post, on="2024")),
        repr(ds.officials.succession(post=post)),
        repr(ds),
    ]
    return repr(out)

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
done = [r for r in results if r is not None]
print(json.dumps({
    "errors": errors,
    "done": len(done),
    "objects": len({r[0] for r in done} | {r[2] for r in done}),
    "answers": len({r[1] for r in done}),
    # Asked again, single-threaded, of the same (now warm) dataset: the same answer.
    "same_as_single_threaded": bool(done) and done[0][1] == answers(ca_security.load()),
}))
"""


def test_sixteen_threads_in_a_cold_process_share_one_dataset_and_one_answer():
    """16 threads load and query at once: one dataset object, identical answers, no error.

    The answer the threads agree on is also the one a single thread gets afterwards,
    so no race decided it.
    """
    output = subprocess.run(
        [sys.executable, "-c", COLD_PROCESS], check=True, capture_output=True, text=True
    ).stdout
    summary = json.loads(output)
    assert summary == {
        "errors": [],
        "done": 16,
        "objects": 1,
        "answers": 1,
        "same_as_single_threaded": True,
    }


def test_a_lazy_index_is_built_once_under_sixteen_threads():
    """Dataset._cached runs its build once per key, however many threads ask at once."""
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
        seen.append(fresh._cached("test-index", build))

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
        fresh._cached("flaky", flaky)
    assert fresh._cached("flaky", flaky) == "built"
    assert len(attempts) == 2
