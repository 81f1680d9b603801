"""Ctrl+F: a search bar over the draft. Enter finds the next place, Shift+Enter the previous,
Escape closes the bar and returns to the draft with the place found selected, ready for
Ctrl+R."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindEdit(QLineEdit):
    """The search field: Enter and Shift+Enter search, Escape leaves."""

    search = Signal(bool)  # forward?
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.search.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        elif event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """Shown above the draft on Ctrl+F; ``find(text, forward)`` does the searching."""

    findRequested = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = FindEdit()
        self.edit.setPlaceholderText(self.tr("Find in the draft"))
        self.edit.setClearButtonEnabled(True)
        self.edit.search.connect(lambda forward: self.findRequested.emit(self.edit.text(), forward))
        self.edit.leave.connect(self.close_bar)
        self.status = QLabel()
        previous = QToolButton(text="▲", toolTip=self.tr("Previous (Shift+Enter)"))
        previous.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), False))
        following = QToolButton(text="▼", toolTip=self.tr("Next (Enter)"))
        following.clicked.connect(lambda: self.findRequested.emit(self.edit.text(), True))
        close = QToolButton(text="✕", toolTip=self.tr("Close (Escape)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.setVisible(False)

    def open_bar(self) -> None:
        self.setVisible(True)
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.closed.emit()

    def show_result(self, found: bool) -> None:
        self.status.setText("" if found else self.tr("not found"))
