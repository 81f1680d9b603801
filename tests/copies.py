"""Writing a redacted copy with the format layer alone, and leak-checking a file on disk.

Plain helpers for tests (no fixtures), in a module of their own: ``tests/gui`` has a
conftest too, and a test that imported these from "conftest" got whichever conftest
pytest had loaded last.
"""

from __future__ import annotations

from pathlib import Path

from redactor.decisions import Decisions


def write_copy(document, decisions: Decisions, path: Path, options=None):
    """The format layer alone (no model, no second reading): apply ``decisions``, clean, and
    write the bytes to ``path``; returns what the format rebuilt (its ``cleaned`` steps)."""
    from redactor.documents import redacted_bytes
    from redactor.formats import CleanOptions
    from redactor.redaction import plan_edits

    rebuilt = redacted_bytes(document, plan_edits(document.text, decisions), options or CleanOptions())
    path.write_bytes(rebuilt.data)
    return rebuilt


def file_leaks(path: Path, decisions: Decisions) -> list:
    """The leak search alone (no model) on a file on disk: every withheld token anywhere in it."""
    from redactor.check import leak_findings
    from redactor.documents import read_document

    return leak_findings(read_document(path, any_suffix=True), path.read_bytes(), decisions)
