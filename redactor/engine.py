"""The engine's public API, driven alike by the command line and the desktop app.

``Engine`` holds the one slow resource, the loaded spaCy pipeline inside Presidio's
analyzer; everything else is a plain function of a document and a review. Progress and
cancellation are plain callables, so the engine never knows about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from redactor.decisions import Decisions
from redactor.detection import IsCancelled, Progress, build_analyzer, detect
from redactor.documents import Document, read_document
from redactor.errors import DecisionsError
from redactor.grouping import group
from redactor.leaks import Leak, find_leaks
from redactor.nlp import DEFAULT_MODEL
from redactor.redaction import apply_decisions
from redactor.suggestions import suggest
from redactor.writing import write_atomic


class Engine:
    """Detection with a pipeline loaded once and reused for every document."""

    def __init__(self, model: str = DEFAULT_MODEL, keep: Iterable[str] = (),
                 redact: Iterable[str] = ()) -> None:
        self.model = model
        self.keep = list(keep)
        self.redact = list(redact)
        self._analyzer: AnalyzerEngine | None = None

    def load(self) -> AnalyzerEngine:
        """Load the spaCy pipeline (seconds); later calls reuse it."""
        if self._analyzer is None:
            self._analyzer = build_analyzer(self.model)
        return self._analyzer

    def analyze(self, document: Document, progress: Progress | None = None,
                cancelled: IsCancelled | None = None) -> Decisions:
        """Every person in the document, with suggestions, none of them reviewed yet."""
        hits = detect(self.load(), document.text, progress, cancelled)
        persons = suggest(document.text, group(document.text, hits), self.keep, self.redact)
        return Decisions(str(document.path), document.sha256, persons)


@dataclass(frozen=True)
class SavedCopy:
    """What saving a redacted copy did: the encoding used and any leak found in it."""

    path: Path
    encoding: str
    leaks: list[Leak]


def check_document(document: Document, decisions: Decisions) -> None:
    """Refuse a review made for another file or another version of this one."""
    if decisions.document_sha256 != document.sha256:
        raise DecisionsError(f"the decisions were made for a different version of "
                             f"{document.path.name} (its sha256 does not match)")


def save_redacted(document: Document, decisions: Decisions, out: str | Path,
                  force: bool = False) -> SavedCopy:
    """Apply the review, write the copy atomically, then run the leak check on what was written."""
    check_document(document, decisions)
    data, encoding = document.encode(apply_decisions(document.text, decisions))
    write_atomic(out, data, force=force, protect=document.path)
    return SavedCopy(Path(out), encoding, verify_file(out, decisions))


def verify_file(path: str | Path, decisions: Decisions) -> list[Leak]:
    """Every withheld name token still present anywhere in the file at ``path``."""
    return find_leaks(read_document(path, any_suffix=True).text, decisions)


def save_decisions(decisions: Decisions, path: str | Path, force: bool = False,
                   protect: Path | None = None) -> None:
    """Write a review; it holds the original names, so only its owner may read it.

    ``protect`` is the draft the review is for: a review is never written over it.
    """
    write_atomic(path, decisions.dumps().encode("utf-8"), force=force, private=True, protect=protect)


__all__ = ["Engine", "SavedCopy", "check_document", "read_document", "save_decisions",
           "save_redacted", "verify_file"]
