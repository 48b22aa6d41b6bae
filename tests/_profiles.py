"""The Hypothesis profiles of the test suite, and the case counts that depend on them.

Not a test module (no ``test_`` prefix); ``conftest.py`` registers and loads the
profile, and the costlier property tests ask :func:`cases` how many to run.

Profiles:

- ``ci`` (the default, so the README's test command): Hypothesis's default of
  100 examples a test, without deadlines.
- ``deep`` (``HYPOTHESIS_PROFILE=deep``; CI runs it once, in its coverage step):
  the fuzz suite's full count of mutated datasets (2,200 instead of 400), and
  100 examples for every other test. More would not fit CI's time: most tests
  draw whole generated datasets, which cost about 0.2 s of CPU each, more
  than twice that under coverage.
- ``dev`` (50 examples) and ``fast`` (``FAST=1``: 10 examples) for quick local runs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: Examples a test, by profile.
EXAMPLES = {"ci": 100, "deep": 100, "dev": 50, "fast": 10}

#: The profile this run uses: ``fast`` when ``FAST`` is set, else ``HYPOTHESIS_PROFILE``.
NAME = "fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "ci")


def load() -> None:
    """Register every profile and load the one named by the environment."""
    for name, examples in EXAMPLES.items():
        settings.register_profile(
            name,
            max_examples=examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
    if NAME not in EXAMPLES:
        raise ValueError(f"unknown Hypothesis profile {NAME!r}: one of {sorted(EXAMPLES)}")
    settings.load_profile(NAME)


def cases(deep: int) -> int:
    """Examples for a costly test: ``deep`` in the deep profile, else the profile's count."""
    return max(deep, EXAMPLES["deep"]) if NAME == "deep" else settings().max_examples
