"""Logging an unexpected error without the draft's words: where it happened, never what it said.

An exception's message can quote the text it choked on, and the text is a draft naming
people at risk; stderr ends up in terminals, CI logs and bug reports. So a logged error is
its traceback's frames (file, line, function) and its type only. The message itself is
shown nowhere either: the dialogs name the kind of error and ask the editor to save.

No Qt here: the analysis child process uses this module too.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import TextIO


def describe(error: BaseException) -> str:
    """What may be shown or logged about ``error``: its type's name, never its message."""
    return type(error).__name__


def log_exception(error: BaseException, trace: TracebackType | None = None,
                  stream: TextIO | None = None) -> None:
    """Print where ``error`` happened to stderr: file, line and function of each frame, and the
    error's type; no source text, no values, no message."""
    stream = stream or sys.stderr
    trace = trace if trace is not None else error.__traceback__
    lines = ["redactor-gui: unexpected error (message withheld: it may quote the draft)\n",
             "Traceback (most recent call last):\n"]
    for frame in traceback.extract_tb(trace):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
    lines.append(f"{type(error).__module__}.{describe(error)}\n")
    stream.write("".join(lines))
    stream.flush()
