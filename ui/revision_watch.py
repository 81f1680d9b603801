"""Noticing that the draft under review was changed on disk.

A reporter saves a second version while the editor reviews the first. The window must not
export the old text under the new file's name, and should not make the editor start over.
A file-system watcher reports the change (and a slow poll catches the editors that save by
replacing the file, which some watchers lose track of); a change counts only when the
bytes differ, so touching the file does nothing. ``changed`` fires once per new version.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from redactor.documents import Document

POLL_MS = 2_000
SETTLE_MS = 300  # an editor writing a file in several steps: wait for it to finish


class RevisionWatch(QObject):
    """Watches one draft; ``changed`` when its bytes on disk no longer match the open one."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._check)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._check)
        self._path: Path | None = None
        self._sha256 = ""
        self._seen: tuple[float, int] | None = None  # mtime and size when last hashed
        self._stale_sha = ""  # the version already reported, so it is reported once

    def track(self, document: Document | None) -> None:
        """Watch ``document``'s file (None: nothing)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._path = document.path if document is not None else None
        self._sha256 = document.sha256 if document is not None else ""
        self._stale_sha = ""
        self._seen = self._stat()
        if self._path is None:
            self._poll.stop()
            return
        self._watcher.addPath(str(self._path))
        self._watcher.addPath(str(self._path.parent))
        self._poll.start()

    def is_stale(self) -> bool:
        """The file on disk is a version other than the one open."""
        return bool(self._stale_sha)

    def _stat(self) -> tuple[float, int] | None:
        try:
            info = self._path.stat() if self._path is not None else None
        except OSError:
            return None
        return (info.st_mtime, info.st_size) if info is not None else None

    @Slot()
    def _soon(self) -> None:
        self._settle.start()

    @Slot()
    def check_now(self) -> None:
        """Look at the file at once (the tests' way of not waiting for the poll)."""
        self._seen = None
        self._check()

    @Slot()
    def _check(self) -> None:
        if self._path is None:
            return
        if str(self._path) not in self._watcher.files() and self._path.exists():
            self._watcher.addPath(str(self._path))  # replaced by a new file: watch that one
        seen = self._stat()
        if seen is None or seen == self._seen:
            return
        self._seen = seen
        try:
            sha256 = hashlib.sha256(self._path.read_bytes()).hexdigest()
        except OSError:
            return
        if sha256 != self._sha256 and sha256 != self._stale_sha:
            self._stale_sha = sha256
            self.changed.emit()
