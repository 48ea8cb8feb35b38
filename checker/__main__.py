"""``python -m checker`` is the same as the ``cpuid-contracts`` command."""

import sys

from checker.cli import main

sys.exit(main())
