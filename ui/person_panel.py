"""The review side panel: one row per person, the "only needs review" filter, a summary.

Action and role are picked from combo boxes, the replacement is typed in place. Moving
through persons (N / P) follows the draft's order and wraps around.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLabel, QStyledItemDelegate, QStyleOptionViewItem, QTableView,
                               QVBoxLayout, QWidget)

from redactor.decisions import ACTIONS, ROLES
from ui.person_table import (ACTION, MENTIONS, NAME, PERSON_ID_ROLE, REPLACEMENT, REVIEWED, ROLE,
                             NeedsReviewFilter, PersonTableModel, action_labels, places_text,
                             role_labels)
from ui.review_model import ReviewModel


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor that commits as soon as a choice is made."""

    def __init__(self, choices: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices.items():
            combo.addItem(label, value)
        combo.activated.connect(lambda _=0: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PersonPanel(QWidget):
    """The persons table with its filter; reports which person is current."""

    currentPersonChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PersonTableModel(self)
        self.proxy = NeedsReviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QCheckBox(self.tr("Only needs review"))
        self.filter_box.toggled.connect(self._filter_toggled)
        self.summary = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(ACTION, ChoiceDelegate(
            {a: action_labels()[a] for a in ACTIONS}, self.table))
        self.table.setItemDelegateForColumn(ROLE, ChoiceDelegate(
            {r: role_labels()[r] for r in ROLES}, self.table))
        header = self.table.horizontalHeader()
        # Size columns from the rows in view only: measuring every row of a long draft's
        # thousands of persons on each change stalled the GUI for seconds.
        header.setResizeContentsPrecision(0)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column in (REVIEWED, NAME, ROLE, MENTIONS, ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REPLACEMENT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.places = QLabel()  # where the current person's mentions live (Word, ODT, HTML)
        self.places.setWordWrap(True)
        self.places.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.filter_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.places)
        self._update_summary()

    def set_review(self, review: ReviewModel | None) -> None:
        self.proxy.pin("")
        self.model.set_review(review)
        if review is not None:
            review.changed.connect(self._update_summary)
            review.changed.connect(self._update_places)
        self._update_summary()
        self._update_places()

    def _update_summary(self) -> None:
        review = self.model.review
        if review is None:
            self.summary.setText("")
            return
        left = review.unreviewed_count()
        self.summary.setText(self.tr("%n person(s) to review", "", left) if left
                             else self.tr("All %n person(s) reviewed", "", len(review.persons)))

    def _update_places(self) -> None:
        review = self.model.review
        person_id = self.current_person_id()
        places = []
        if review is not None and person_id is not None and review.row_of(person_id) >= 0:
            places = review.places(person_id)
        self.places.setText(places_text(places) if places else "")
        self.places.setVisible(bool(places))

    def _filter_toggled(self, on: bool) -> None:
        current = self.current_person_id()
        self.proxy.pin(current or "")
        self.proxy.set_only_needs_review(on)
        if current:
            self.select_person(current)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person_id = current.data(PERSON_ID_ROLE) if current.isValid() else None
        self._update_places()
        if person_id:
            self.currentPersonChanged.emit(person_id)

    def current_person_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PERSON_ID_ROLE) if index.isValid() else None

    def select_person(self, person_id: str) -> None:
        """Make ``person_id`` current, showing it even when the filter would hide it."""
        review = self.model.review
        if review is None or review.row_of(person_id) < 0:
            return
        self.proxy.pin(person_id)
        source = self.model.index(review.row_of(person_id), NAME)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            column = self.table.currentIndex().column() if self.table.currentIndex().isValid() else NAME
            self.table.setCurrentIndex(index.siblingAtColumn(column))
            self.table.scrollTo(index)

    def step(self, forward: bool = True) -> str | None:
        """Select the next (or previous) person needing review, wrapping; None if there is none."""
        review = self.model.review
        if review is None or not review.persons:
            return None
        persons = review.persons
        current = self.current_person_id()
        start = review.row_of(current) if current else (-1 if forward else len(persons))
        count = len(persons)
        for offset in range(1, count + 1):
            row = (start + offset) % count if forward else (start - offset) % count
            if not persons[row].reviewed:
                self.select_person(persons[row].id)
                return persons[row].id
        return None

    def edit_replacement(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(REPLACEMENT))
