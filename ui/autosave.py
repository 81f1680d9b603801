"""Autosaving the review in progress, so a crash costs the editor at most a few seconds of work.

Each draft's decisions go to one file in the user's private data folder
(``QStandardPaths.AppDataLocation``/autosave, mode 0700), named by a hash of the draft's
absolute path so the folder listing names no draft. The file holds the original names, like
a saved review: it is written owner-only (0600) and atomically by
``redactor.decisions.save_decisions`` (which imports neither Presidio nor spaCy, so an
autosave never loads the engine), in a worker thread, one write at a time. A clean close
removes it; a crash leaves it, and opening the same draft again offers it back if the draft
is unchanged.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, Slot

from redactor.decisions import Decisions, check_document, load_decisions, save_decisions
from redactor.errors import RedactorError
from ui.worker import TaskWorker, Threads

DELAY_MS = 2_000       # after the last change
INTERVAL_MS = 30_000   # and at least this often while changes keep coming


def default_folder() -> Path:
    """``<AppDataLocation>/autosave`` (on Linux ``~/.local/share/Redactor/Redactor/autosave``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


def file_for(folder: Path, document_path: str | Path) -> Path:
    """The autosave of the draft at ``document_path``: a hash of its absolute path, not its name."""
    key = hashlib.sha256(str(Path(document_path).absolute()).encode("utf-8")).hexdigest()
    return folder / f"{key}.json"


def ensure_folder(folder: Path) -> None:
    """Create the folder readable by its owner only (0700), whatever the umask."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)


def write(folder: Path, decisions: Decisions) -> Path:
    """Write ``decisions`` as their draft's autosave (in a worker thread); returns the file."""
    ensure_folder(folder)
    path = file_for(folder, decisions.document_path)
    save_decisions(decisions, path, force=True)  # atomic, 0600
    return path


def remove(folder: Path, document_path: str | Path) -> None:
    try:
        file_for(folder, document_path).unlink()
    except FileNotFoundError:
        pass


def find(folder: Path, document: Any) -> Decisions | None:
    """The autosaved decisions for ``document`` if they fit it; a stale or broken file is removed.

    Runs in a worker thread: a long draft's review is megabytes of JSON.
    """
    path = file_for(folder, document.path)
    if not path.is_file():
        return None
    try:
        decisions = load_decisions(path)
        check_document(document, decisions)  # same bytes, offsets inside the text
    except RedactorError:
        remove(folder, document.path)
        return None
    return decisions


class Autosaver(QObject):
    """Saves the tracked review's decisions a moment after each change, and on a timer.

    ``saved`` carries the written file (for tests and the status bar); ``failed`` a sentence.
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, folder: Path, threads: Threads, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._threads = threads
        self._review: Any = None
        self._document_path: Path | None = None
        self._dirty = False
        self._writing = False
        self._again = False
        self._remove_after_write: Path | None = None
        self._stopped = False
        self._delay = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._delay.timeout.connect(self.save_now)
        self._interval = QTimer(self, interval=INTERVAL_MS)
        self._interval.timeout.connect(self._save_if_dirty)

    def file(self) -> Path | None:
        """The tracked draft's autosave file (which may not exist yet)."""
        return file_for(self.folder, self._document_path) if self._document_path else None

    def track(self, review: Any, document_path: Path | None) -> None:
        """Autosave ``review`` (None: nothing) from its next change on."""
        if self._review is not None:
            self._review.changed.disconnect(self._on_changed)
        self._review = review
        self._document_path = (Path(document_path).absolute()
                               if review is not None and document_path else None)
        self._dirty = False
        self._delay.stop()
        if review is not None:
            review.changed.connect(self._on_changed)
            self._interval.start()
        else:
            self._interval.stop()

    def discard(self, document_path: Path | None = None) -> None:
        """The editor saved or discarded the review: its autosave goes (after a write under way)."""
        document_path = document_path or self._document_path
        if document_path is None:
            return
        if self._document_path is not None and Path(document_path).absolute() == self._document_path:
            self._dirty = False
            self._again = False
            self._delay.stop()
        if self._writing:
            self._remove_after_write = Path(document_path).absolute()
        remove(self.folder, document_path)

    def stop(self) -> None:
        """No more writes (the window is closing); call after the worker threads are joined."""
        self._stopped = True
        self._delay.stop()
        self._interval.stop()
        self.track(None, None)

    def close(self) -> None:
        """The window closed cleanly: no more writes, and the tracked review's autosave goes.

        Call after the worker threads are joined, so no write lands after the removal.
        """
        path, leftover = self._document_path, self._remove_after_write
        self.stop()
        for document_path in (path, leftover):
            if document_path is not None:
                remove(self.folder, document_path)
        self._remove_after_write = None

    @Slot()
    def _on_changed(self) -> None:
        self._dirty = True
        self._delay.start()

    @Slot()
    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save_now()

    @Slot()
    def save_now(self) -> None:
        """Write the tracked review now (one write at a time; a change meanwhile writes again)."""
        if self._stopped or self._review is None or self._document_path is None:
            return
        if self._writing:
            self._again = True
            return
        self._delay.stop()
        self._dirty = False
        self._writing = True
        decisions = self._review.snapshot()
        decisions.document_path = str(self._document_path)
        worker = TaskWorker(write, self.folder, decisions)
        worker.finished.connect(self._written)  # bound slots: they run in the GUI thread
        worker.failed.connect(self._write_failed)
        self._threads.start(worker)

    def _write_done(self) -> None:
        self._writing = False
        if self._remove_after_write is not None:
            remove(self.folder, self._remove_after_write)
            self._remove_after_write = None
        if self._again:
            self._again = False
            self.save_now()

    @Slot(object)
    def _written(self, path: Path) -> None:
        self._write_done()
        if path.exists():
            self.saved.emit(path)

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        self._dirty = True  # try again on the next change or tick
        self._write_done()
        self.failed.emit(message)
