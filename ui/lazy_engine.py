"""The engine's heavy entry points, imported on first use and never in the GUI thread.

``redactor.engine`` imports Presidio and spaCy, which takes seconds. The app's own work
(suggested replacements, planned edits, the preview, repairs) uses the light modules
(``redactor.replacements``, ``redactor.plan``, ``redactor.review_ops``); only detection and
the second reading need the engine, and they run in the analysis child process or, with
``--in-process``, in a worker thread. No Qt here: the child process imports this module.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from redactor.decisions import Decisions
from ui import folder_jobs


class InProcessEngine:
    """An ``Engine`` in this process, created (and its modules imported) on first ``load``.

    Creating it costs nothing, so the window can make one in the GUI thread; the import and
    the pipeline load happen in whichever worker thread calls ``load`` first.
    """

    def __init__(self, model: str, keep: list[str] | None = None,
                 redact: list[str] | None = None) -> None:
        self.model = model
        self.keep = list(keep or [])
        self.redact = list(redact or [])
        self._engine: Any = None
        self._lock = threading.Lock()

    @classmethod
    def wrapping(cls, engine: Any) -> InProcessEngine:
        """The app's engine interface over an ``Engine`` made elsewhere (the tests share one)."""
        wrapper = cls(engine.model, engine.keep, engine.redact)
        wrapper._engine = engine
        return wrapper

    def _real(self) -> Any:
        with self._lock:
            if self._engine is None:
                from redactor.engine import Engine
                self._engine = Engine(self.model)
            self._engine.keep, self._engine.redact = self.keep, self.redact
            return self._engine

    def load(self) -> None:
        self._real().load()

    def analyze(self, document: Any, progress: Any = None, cancelled: Any = None,
                partial: Any = None) -> Decisions:
        return self._real().analyze(document, progress, cancelled, partial)

    def save(self, document: Any, decisions: Decisions, out: Any, force: bool = False,
             options: Any = None) -> Any:
        return save_copy(self._real(), document, decisions, out, force, options)

    def check(self, document: Any, decisions: Decisions, options: Any = None) -> Any:
        return check_copy(self._real(), document, decisions, options)

    def detect_folder(self, folder: Path, progress: Any = None, cancelled: Any = None) -> Any:
        return folder_jobs.detect_folder(self._real(), folder, progress, cancelled)

    def apply_folder(self, root: Path, review: Any, outdir: Path, options: Any = None,
                     progress: Any = None) -> Any:
        return folder_jobs.apply_folder(self._real(), root, review, outdir, options, progress)


def save_copy(engine: Any, document: Any, decisions: Decisions, out: Any, force: bool = False,
              options: Any = None) -> tuple[Any, str]:
    """``engine.save`` (the copy is read a second time before it is called clean), and the
    text of the copy as written, which the findings' offsets point into."""
    saved = engine.save(document, decisions, out, force=force, options=options)
    return saved, _copy_text(saved.path)


def check_copy(engine: Any, document: Any, decisions: Decisions, options: Any = None
               ) -> tuple[list[Any], str]:
    """The second reading of the copy the review would write, without writing it."""
    from redactor.documents import parse_document, redacted_bytes
    from redactor.errors import UnreadableDocument
    from redactor.formats import CleanOptions
    from redactor.redaction import plan_edits

    rebuilt = redacted_bytes(document, plan_edits(document.text, decisions),
                             options or CleanOptions())
    name = Path(document.path.name)
    findings = engine.check(rebuilt.data, name, decisions)
    try:
        text = parse_document(name, rebuilt.data, any_suffix=True).text
    except UnreadableDocument:
        text = ""
    return findings, text


def _copy_text(path: Path) -> str:
    from redactor.documents import read_document
    from redactor.errors import UnreadableDocument
    try:
        return read_document(path, any_suffix=True).text
    except UnreadableDocument:
        return ""


def clean_options(keep_comments: bool | None) -> Any:
    """``CleanOptions`` for a structured copy, None for plain text (nothing to clean)."""
    if keep_comments is None:
        return None
    from redactor.formats import CleanOptions
    return CleanOptions(keep_comments=keep_comments)


def installed_pipelines() -> list[str]:
    from redactor.nlp import installed_pipelines as engine_installed_pipelines
    return engine_installed_pipelines()
