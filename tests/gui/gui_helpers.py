"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

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


def select_text(window: MainWindow, start: int, end: int) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)

