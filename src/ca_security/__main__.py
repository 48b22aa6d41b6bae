"""``python -m ca_security``: the same as the ``ca-security`` command."""

import sys

from ._cli import main

sys.exit(main())
