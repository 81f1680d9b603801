"""``python -m redactor`` runs the command line."""

from redactor.cli import main

raise SystemExit(main())
