"""``python -m azx_core`` is the ``azx`` command."""

from __future__ import annotations

import sys

from azx_core.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
