"""Redactor's desktop app: a Qt front end over the engine in ``redactor``.

Nothing here detects or redacts: the engine does, and ``ui`` only shows its suggestions,
records the editor's decisions and writes files through the engine's API. This package's
``__init__`` imports no Qt, so the analysis child process (``ui.engine_process``) stays light.
"""
