"""``python -m ui [PATH]``: the same entry point as ``redactor-gui``."""

import sys

from ui.app import main

if __name__ == "__main__":  # the analysis child process imports this module under spawn
    sys.exit(main())
