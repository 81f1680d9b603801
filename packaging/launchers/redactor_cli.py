"""Frozen entry point of the ``redactor`` command (the ``redactor = redactor.cli:main`` script)."""

import sys

from redactor.cli import main

if __name__ == "__main__":
    sys.exit(main())
