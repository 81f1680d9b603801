"""What the window accepts when a file or folder is dropped on it, and opening it.

A draft opens as a draft, a review (``.json``) with its draft, a folder as a collection.
The opening waits until the drop has returned: a dialog inside a drop handler would block
the drag source (the file manager).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from ui import file_types

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The dropped file or folder if the app opens it, else None."""
    urls = event.mimeData().urls()
    if not urls or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_dir() or file_types.is_draft(path) or file_types.is_review(path) else None


def enter(event: QDragEnterEvent) -> None:
    if dropped_path(event) is not None:
        event.acceptProposedAction()
    else:
        event.ignore()


def drop(window: MainWindow, event: QDropEvent) -> None:
    path = dropped_path(event)
    if path is None:
        event.ignore()
        return
    event.acceptProposedAction()
    QTimer.singleShot(0, lambda: window.open_path(path))
