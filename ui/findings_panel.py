"""The Findings panel (a dock): the second reading's findings, grouped; select one to see
it in the draft. It also exports the redaction log.

Lower-case matches of withheld name words are grouped apart and folded away: on a long
draft a surname that is also a word ("Law") can match hundreds of times, and the real
leaks must not drown in them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ui.findings import CATEGORIES, LOWER_CASE, Row, category_label

START_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    """A tree of findings by category; ``jumpRequested(start, end)`` with draft offsets."""

    jumpRequested = Signal(int, int)
    exportLogRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self.tr("Check the copy (Ctrl+Shift+E) or save it (Ctrl+E) to "
                                      "see what a second reading finds."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Where"), self.tr("Person"),
                                   self.tr("Why")])
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _column: self._jump(item))
        self.names_box = QCheckBox(self.tr("Include the original names"))
        self.names_box.setToolTip(self.tr("The log then names the people the copy withholds: "
                                          "keep it as private as the draft."))
        self.log_button = QPushButton(self.tr("Export Redaction Log…"))
        self.log_button.clicked.connect(self.exportLogRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.names_box)
        bottom.addStretch(1)
        bottom.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addLayout(bottom)
        self.rows: list[Row] = []

    def show_rows(self, rows: list[Row], summary: str) -> None:
        """Replace the list; categories open, lower-case matches folded."""
        self.rows = rows
        self.summary.setText(summary)
        self.tree.clear()
        for category in CATEGORIES:
            members = [r for r in rows if r.category == category]
            if not members:
                continue
            top = QTreeWidgetItem([f"{self.tr(category_label(category))} ({len(members)})"])
            top.setFirstColumnSpanned(False)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for row in members:
                item = QTreeWidgetItem([f"“{row.word}”", row.where, row.person, row.reason])
                item.setData(0, START_ROLE, (row.start, row.end))
                item.setToolTip(3, row.reason)
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(category != LOWER_CASE)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def include_names(self) -> bool:
        return self.names_box.isChecked()

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self._jump(item)

    def _jump(self, item: QTreeWidgetItem) -> None:
        span = item.data(0, START_ROLE)
        if span and span[0] >= 0:
            self.jumpRequested.emit(span[0], span[1])
