"""``python -m checker`` is the same as the ``cpuid-contracts`` command."""

from checker.cli import run

run()
