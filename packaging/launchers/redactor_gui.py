"""Frozen entry point of ``redactor-gui`` (the ``redactor-gui = ui.app:main`` gui script).

The desktop app analyses drafts in a child process started with ``spawn``. In a frozen
build that child is this same executable, started again with multiprocessing's own
arguments: ``freeze_support`` must see them before anything else runs, so the child goes
straight to the engine without importing Qt or parsing the app's command line.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from ui.app import main

    sys.exit(main())
