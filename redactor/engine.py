"""The engine's public API, driven alike by the command line and the desktop app.

``Engine`` holds the one slow resource, the loaded spaCy pipeline inside Presidio's
analyzer; everything else is a plain function of a document and a review. Progress and
cancellation are plain callables, so the engine never knows about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from redactor.decisions import Decisions, check_document, save_decisions
from redactor.detection import IsCancelled, Progress, build_analyzer, detect
from redactor.documents import Document, read_document, redacted_bytes
from redactor.errors import RedactorError
from redactor.formats import CleanOptions, format_for_kind, format_for_suffix
from redactor.grouping import group
from redactor.leaks import Leak, LeakSearch
from redactor.nlp import DEFAULT_MODEL
from redactor.redaction import plan_edits
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
        fields = [(s.start, s.end) for s in document.sections if s.label != "Body"]
        found = detect(self.load(), document.text, progress, cancelled, fields)
        persons = suggest(document.text, group(document.text, found.hits, found.places),
                          self.keep, self.redact)
        return Decisions(str(document.path), document.sha256, persons)


@dataclass(frozen=True)
class SavedCopy:
    """What saving a redacted copy did: the encoding used, what was cleaned besides the
    names (comments, tracked changes, author fields) and any leak found in what was written."""

    path: Path
    encoding: str
    leaks: list[Leak]
    cleaned: tuple[str, ...] = ()


def save_redacted(document: Document, decisions: Decisions, out: str | Path,
                  force: bool = False, options: CleanOptions | None = None) -> SavedCopy:
    """Apply the review, write the copy atomically, then run the leak check on what was written."""
    check_document(document, decisions)
    if document.kind == "rtf" and format_for_suffix(Path(out).suffix) is not None:
        # Its copy is plain text: a .rtf or .docx name would promise formatting it lacks.
        raise RedactorError(f"an RTF draft is saved as plain text: use a .txt name, "
                            f"not {Path(out).name}")
    rebuilt = redacted_bytes(document, plan_edits(document.text, decisions), options or CleanOptions())
    write_atomic(out, rebuilt.data, force=force, protect=document.path)
    return SavedCopy(Path(out), rebuilt.encoding or document.encoding, verify_file(out, decisions),
                     rebuilt.cleaned)


def verify_file(path: str | Path, decisions: Decisions) -> list[Leak]:
    """Every withheld name token still present anywhere in the file at ``path``.

    A structured file is searched twice: its text as the reader extracts it (a name split
    across runs is whole there), and every string it stores, whatever the reader makes of
    it: part names, every text node and every attribute value of every XML part.
    """
    document = read_document(path, any_suffix=True)
    search = LeakSearch(decisions)
    leaks = [replace(leak, place=document.place(leak.offset)) for leak in search.find(document.text)]
    if document.kind != "text":
        raw = Path(path).read_bytes()
        seen: set[tuple[str, str]] = set()
        for where, value in format_for_kind(document.kind).strings(raw):
            for leak in search.find(value, where):
                if (leak.token, where) not in seen:
                    seen.add((leak.token, where))
                    leaks.append(leak)
    return leaks


__all__ = ["Engine", "SavedCopy", "check_document", "read_document", "save_decisions",
           "save_redacted", "verify_file"]
