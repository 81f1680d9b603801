"""The Details panel (a dock beside Findings): what stands beside the current person and
could find them, and the details beside no one.

A phone number, an e-mail address or an ID is removed by default; an age, a job, a workplace,
a small place or a relative named beside a person at risk is flagged and kept until the
editor generalises it. Each row shows the kind, the detail as written, the action (a list:
keep, remove, generalise) and what the copy prints there; its tooltip gives the reason. In
the list one key decides: K keep, X remove, G generalise (as K and X do for a person).
Selecting a row shows the detail in the draft. A thin layer: the
change is the review model's (one undoable step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDockWidget, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from redactor.decisions import DETAIL_ACTIONS, Detail
from redactor.detail_rules import detail_printed

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review_model import ReviewModel

KIND, TEXT, ACTION, PRINTS = range(4)
_LONE = ""  # the owner of a detail beside no person


class DetailsPanel(QWidget):
    """The details of one person, then those beside no one; ``actionChosen(person id, index,
    action)`` when the editor picks an action, ``jumpRequested(start, end)`` on a row."""

    actionChosen = Signal(str, int, str)
    jumpRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("details")
        self.table.setAccessibleName(self.tr("Details that could identify the person"))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Detail"), self.tr("Action"),
                                              self.tr("Copy prints")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.currentCellChanged.connect(lambda row, *_: self._jump(row))
        for key, action in (("K", "keep"), ("X", "remove"), ("G", "generalise")):
            shortcut = QAction(self.table)
            shortcut.setShortcut(QKeySequence(key))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.triggered.connect(lambda _=False, action=action: self._choose(action))
            self.table.addAction(shortcut)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.rows: list[tuple[str, int, Detail]] = []
        self._review: ReviewModel | None = None
        self._person_id = ""

    def track(self, review: ReviewModel | None) -> None:
        """Follow ``review``: its changes (an action picked, an undo) redraw the list."""
        if self._review is not None:
            try:
                self._review.changed.disconnect(self.refresh)
            except (RuntimeError, TypeError):  # the old review is already gone
                pass
        self._review = review
        if review is not None:
            review.changed.connect(self.refresh)
        self.refresh()

    def follow(self, person_id: str) -> None:
        """Show the details of ``person_id`` (and those beside no one)."""
        self._person_id = person_id
        self.refresh()

    def refresh(self) -> None:
        review = self._review
        person = next((p for p in review.persons if p.id == self._person_id), None) if review else None
        self.rows = ([(person.id, i, d) for i, d in enumerate(person.details)] if person else [])
        self.rows += [(_LONE, i, d) for i, d in enumerate(review.details)] if review else []
        self.summary.setText(self._summary(person.name if person else ""))
        current = self.table.currentRow()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, (owner, index, detail) in enumerate(self.rows):
            self._fill(row, owner, index, detail)
        self.table.blockSignals(False)
        if 0 <= current < len(self.rows):
            self.table.setCurrentCell(current, TEXT)

    def _summary(self, name: str) -> str:
        own = sum(1 for owner, _, _ in self.rows if owner != _LONE)
        lone = len(self.rows) - own
        text = self.tr("%n detail(s) beside %1", "", own).replace("%1", name) if name else ""
        if lone:
            text += (" · " if text else "") + self.tr("%n beside no person", "", lone)
        return text or self.tr("No contact or identifying details beside this person.")

    def _fill(self, row: int, owner: str, index: int, detail: Detail) -> None:
        kind = detail.kind.replace("+", ", ").replace("_", " ")
        label = kind if owner != _LONE else self.tr("{kind} (no person)").format(kind=kind)
        written = QTableWidgetItem(" ".join(detail.text.split()))
        written.setToolTip(detail.reason)
        printed = detail_printed(detail) if detail.action != "keep" else ""
        if detail.action == "keep" and detail.replacement:
            printed = self.tr("as written (generalise: {text})").format(text=detail.replacement)
        for column, item in ((KIND, QTableWidgetItem(label)), (TEXT, written),
                             (PRINTS, QTableWidgetItem(printed or self.tr("as written")))):
            self.table.setItem(row, column, item)
        choice = QComboBox()
        choice.setAccessibleName(self.tr("Action for {detail}").format(detail=detail.text))
        for action in DETAIL_ACTIONS:
            choice.addItem(self.tr(action.capitalize()), action)
        choice.setCurrentIndex(DETAIL_ACTIONS.index(detail.action))
        choice.activated.connect(lambda position, owner=owner, index=index:
                                 self.actionChosen.emit(owner, index, DETAIL_ACTIONS[position]))
        self.table.setCellWidget(row, ACTION, choice)

    def _choose(self, action: str) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            owner, index, _ = self.rows[row]
            self.actionChosen.emit(owner, index, action)

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            detail = self.rows[row][2]
            self.jumpRequested.emit(detail.start, detail.end)


def install(window: MainWindow) -> DetailsPanel:
    """The panel in a dock tabbed with Findings, wired to the window's persons and review;
    shown when a review with details is installed, and from the View menu at any time."""
    panel = DetailsPanel()
    dock = QDockWidget(window.tr("Details"), window)
    dock.setObjectName("details-dock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.findings_dock, dock)
    dock.hide()
    window.actions.view_menu.addAction(dock.toggleViewAction())
    window.panel.currentPersonChanged.connect(panel.follow)

    def installed() -> None:
        review = window.review
        panel.track(review)
        if review is not None and (review.details or any(p.details for p in review.persons)):
            dock.show()

    def chosen(owner: str, index: int, action: str) -> None:
        if window.review is not None:
            window.review.set_detail_action(owner, index, action)

    window.session.reviewInstalled.connect(installed)
    panel.actionChosen.connect(chosen)
    panel.jumpRequested.connect(lambda start, end: (window.view.select_range(start, end),
                                                    window.view.centerCursor()))
    return panel
