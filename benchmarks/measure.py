"""How the benchmark times things, and what it says about the machine and its load."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import metadata
from typing import Any

#: Seconds each batch of :func:`per_call` aims at (``--budget``).
BUDGET = 0.2


def best_of(repeat: int, run: Callable[[], Any]) -> float:
    """The best wall time of ``repeat`` runs (the garbage collector left as it is)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def per_call(run: Callable[[], Any]) -> float:
    """Median seconds per call over five batches, each sized to take about :data:`BUDGET`."""
    timer = timeit.Timer(run)
    number = 1
    while True:
        if timer.timeit(number) >= BUDGET:
            break
        number *= 2
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


_LIBRARIES = ("ca_security", "attrs", "cattrs", "msgspec", "pydantic")


def machine(short: bool = False) -> str:
    """CPU count, Python and library versions (``short``: without the platform details)."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in _LIBRARIES)
    python = f"Python {platform.python_version()} ({platform.python_implementation()})"
    if short:
        return f"{os.cpu_count()} CPUs, {python}; {versions}"
    cpu = platform.processor() or platform.machine()
    return (
        f"{python} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs ({cpu}); {versions}"
    )


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, as ``1.52/1.30/1.74``."""
    try:
        return "/".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # not on this platform
        return "unknown"


class Conditions:
    """The machine and its load average before and after one table's measurements."""

    def __init__(self) -> None:
        self.before = load_average()
        self.after = self.before

    def caption(self) -> str:
        return (
            f"_Ran on {machine(short=True)}; load average (1/5/15 min) "
            f"{self.before} before, {self.after} after._"
        )


@contextmanager
def conditions() -> Iterator[Conditions]:
    """Note the load average around a table's measurements; print the caption with the table."""
    found = Conditions()
    try:
        yield found
    finally:
        found.after = load_average()


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def ratio(numerator: float, denominator: float, digits: int = 2) -> str:
    return f"{numerator / denominator:,.{digits}f}x" if denominator else "n/a"
