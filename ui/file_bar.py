"""The file chooser above the draft when a folder is open: which of its drafts is shown.

The persons are the whole folder's; the draft view shows one file at a time. Choosing a
file here shows it; selecting a mention in another file (or stepping to it) shows that
file and the chooser follows. Hidden for a single draft.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class FileBar(QWidget):
    """A labelled list of the folder's files; ``fileChosen`` carries the index chosen."""

    fileChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("files")
        self.combo.setAccessibleName(self.tr("Draft shown"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.activated.connect(self.fileChosen)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.setVisible(False)

    def set_files(self, paths: list[str]) -> None:
        """The files to choose from (none: the bar hides); the first is shown."""
        if paths == self.files():
            return
        self.combo.clear()
        self.combo.addItems(paths)
        self.setVisible(bool(paths))

    def files(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def set_current(self, index: int) -> None:
        """Follow the view to another file (no ``fileChosen``: the view already shows it)."""
        self.combo.setCurrentIndex(index)

    def step(self, forward: bool) -> None:
        """Show the next (or previous) file, wrapping."""
        count = self.combo.count()
        if count > 1:
            index = (self.combo.currentIndex() + (1 if forward else -1)) % count
            self.combo.setCurrentIndex(index)
            self.fileChosen.emit(index)
