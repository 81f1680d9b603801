"""Errors the user sees as one clear sentence.

Every failure an editor can cause (a bad file, a stale review, a missing model) is a
``RedactorError``; the CLI prints its message and exits with its ``exit_code``, the GUI
shows it in a dialog. Messages never quote document text, so they are safe to log.
"""


class RedactorError(Exception):
    """A failure with a message meant for the editor, not a traceback."""

    exit_code = 2


class UnreadableDocument(RedactorError):
    """The file is empty, binary, undecodable, missing or of an unsupported kind."""


class ModelNotInstalled(RedactorError):
    """The spaCy pipeline asked for is not installed; we never download one."""


class DecisionsError(RedactorError):
    """The decisions file is malformed or belongs to another document."""


class OutputExists(RedactorError):
    """The output file exists and ``--force`` was not given."""


class Cancelled(RedactorError):
    """The editor cancelled a running analysis."""
