"""The defaults of checking pages online.

Apart from :mod:`.pages`, so that the command line's options can show them
without importing the HTTP and HTML machinery.
"""

from __future__ import annotations

__all__ = ["DEFAULT_DELAY", "DEFAULT_TIMEOUT"]

#: Seconds allowed for each page, from the request to its last byte.
DEFAULT_TIMEOUT = 20.0
#: Seconds between two requests to the same host.
DEFAULT_DELAY = 2.0
