"""Frozen entry point of the ``redactor`` command (the ``redactor = redactor.cli:main`` script).

``redactor detect FOLDER`` runs worker processes started with ``spawn``; in a frozen build
each worker is this same executable, started again with multiprocessing's own arguments,
which ``freeze_support`` must see before the command line is parsed.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from redactor.cli import main

    sys.exit(main())
