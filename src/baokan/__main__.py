"""``python -m baokan``: the same as the ``baokan`` command."""

import sys

from baokan.cli import main

sys.exit(main())
