"""Shared test configuration: Hypothesis profiles.

Profiles: ``ci`` (the default; thorough but bounded for 2 cores), ``fast``
(set ``FAST=1``: few examples, for a quick local run) and ``dev``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(
    "fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "ci")
)
