"""A folder's detection and its copies, run where the app's engine lives.

The engine's collection code (``redactor.batch``) does the work: one pipeline reads every
draft and the persons are joined across files; every copy is written and read a second
time. It imports Presidio, so these functions run in the engine's child process (or, with
``--in-process``, in a worker thread), never in the GUI thread. Progress is a fraction,
as for one draft. No Qt: the child imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactor.collection import CollectionReview
from redactor.documents import Document, read_document
from redactor.errors import UnreadableDocument

Fraction = Callable[[float], None]


@dataclass
class FolderDetection:
    """What detecting a folder found: the review, each draft as read (the text the review's
    offsets point into), the drafts that could not be read and the files passed over."""

    root: Path
    review: CollectionReview
    documents: dict[str, Document]
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[str] = field(default_factory=list)


@dataclass
class FolderCopies:
    """What writing a folder's copies did (``redactor.batch.Applied`` for each draft) and
    the text of every copy that is not clean, which the findings' offsets point into."""

    outdir: Path
    applied: list[Any]
    texts: dict[str, str] = field(default_factory=dict)


class _Keeping:
    """An engine that keeps each document it analyses: the app shows the very text that
    was detected, read once."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.documents: dict[Path, Document] = {}

    def analyze(self, document: Document) -> Any:
        self.documents[document.path] = document
        return self._engine.analyze(document)


def _per_file(progress: Fraction | None) -> Callable[[int, int, str], None] | None:
    if progress is None:
        return None
    return lambda done, total, _path: progress(done / total)


def detect_folder(engine: Any, folder: Path, progress: Fraction | None = None,
                  cancelled: Callable[[], bool] | None = None) -> FolderDetection:
    """Every person in the drafts of ``folder``, each once (``redactor.batch``)."""
    from redactor.batch import detect_collection
    from redactor.executors import InProcess, Setup
    from redactor.folders import list_collection

    listing = list_collection([folder])
    keeping = _Keeping(engine)
    detection = detect_collection(listing, InProcess.using(keeping), Setup(), _per_file(progress),
                                  cancelled)
    documents = {path.relative_to(listing.root).as_posix(): document
                 for path, document in keeping.documents.items()}
    return FolderDetection(listing.root, detection.review,
                           {e.path: documents[e.path] for e in detection.review.documents},
                           [(f.path, f.reason) for f in detection.failures], listing.skipped)


def apply_folder(engine: Any, root: Path, review: CollectionReview, outdir: Path,
                 options: Any = None, progress: Fraction | None = None) -> FolderCopies:
    """Every redacted copy under ``outdir``, each read a second time (``redactor.batch``)."""
    from redactor.batch import apply_collection
    from redactor.executors import InProcess, Setup

    applied = apply_collection(root, review, outdir, InProcess.using(engine), Setup(engine.model),
                               options=options, progress=_per_file(progress))
    texts = {a.path: _text(outdir / a.copy) for a in applied if a.copy and a.findings}
    return FolderCopies(outdir, applied, texts)


def _text(path: Path) -> str:
    try:
        return read_document(path, any_suffix=True).text
    except UnreadableDocument:
        return ""
