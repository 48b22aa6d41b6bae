"""Shared test configuration: the Hypothesis profiles (see ``_profiles.py``).

``ci`` is the default (100 examples a test), ``deep`` (``HYPOTHESIS_PROFILE=deep``)
runs more and the fuzz suite's full count, ``fast`` (``FAST=1``) and ``dev`` fewer.
"""

from __future__ import annotations

import _profiles

_profiles.load()
