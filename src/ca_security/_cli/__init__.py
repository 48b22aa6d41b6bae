"""The ``ca-security`` command line.

Exit codes: 0 ok, 1 problems found (a dataset or an excerpt that breaks a
rule), 2 usage or input error. Every error is one line on stderr.

Modules: :mod:`._main` (the parser and :func:`main`), :mod:`._lists`
(listing and finding records), :mod:`._questions` (holding, timeline,
corroboration, figures, initiatives), :mod:`._files` (export, validate,
verify), :mod:`._show`, :mod:`._labels` and :mod:`._text` (text for people:
names for ids, escaped control characters, wrapped tables).
"""

from __future__ import annotations

from .lists import stats_lines
from .main import build_parser, main

__all__ = ["build_parser", "main", "stats_lines"]
