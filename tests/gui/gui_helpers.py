"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow


def names(window: MainWindow) -> list[str]:
    assert window.review is not None
    return [p.name for p in window.review.persons]


def person_named(window: MainWindow, name: str) -> Any:
    assert window.review is not None
    return next(p for p in window.review.persons if p.name == name)


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def in_dialog(qtbot: Any, dialog: QWidget) -> None:
    """Wait until ``dialog`` is the active window, as it is for an editor, so keys reach it."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def select_text(window: MainWindow, start: int, end: int) -> None:
    """Select between two offsets of the shown text."""
    window.view.select_range(start, end)


def make_docx(path: Any, header: str, paragraphs: list[str], comment: str = "") -> Any:
    """A small Word draft: a header, body paragraphs, and a comment on the first paragraph."""
    from docx import Document as new_docx

    document = new_docx()
    document.sections[0].header.paragraphs[0].text = header
    first = None
    for text in paragraphs:
        paragraph = document.add_paragraph(text)
        first = first or paragraph
    if comment and first is not None:
        document.add_comment(first.runs, text=comment, author="Desk", initials="D")
    document.core_properties.author = "Desk"
    document.save(str(path))
    return path


def open_with_review(qtbot: Any, window: MainWindow, draft: Any, persons: list) -> None:
    """Open ``draft`` with a saved review listing ``persons``: what detection found, decided
    by the test, so a test of the window does not depend on the model's every call."""
    import hashlib

    from redactor.decisions import Decisions, save_decisions

    sha = hashlib.sha256(draft.read_bytes()).hexdigest()
    review = draft.with_name(draft.stem + ".review.json")
    save_decisions(Decisions(str(draft), sha, persons), review, force=True)
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        assert window.open_review(review)


def drop(window: MainWindow, path: Any) -> None:
    """A file or folder dropped on ``window``, as the desktop sends it (the MIME data must
    outlive the event: both stay in this frame until the window has handled it)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
