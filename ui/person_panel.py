"""The review side panel: the persons tree (grouped by risk), the "only needs review" filter,
a summary, and where the current person is mentioned.

Everything works from the keyboard: Up/Down move, Right opens a person's mentions, Space or
Alt+Down opens the action list, F2 edits the cell in focus (name, action, replacement,
role), Tab leaves the tree. Moving through persons (N / P) follows the tree's order and wraps.
"""

from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QItemSelectionModel, QModelIndex,
                            QPersistentModelIndex, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLabel, QStyledItemDelegate, QStyleOptionViewItem, QToolButton,
                               QTreeView, QVBoxLayout, QWidget)

from redactor.decisions import ACTIONS, ROLES
from ui.person_groups import action_labels, places_text, role_labels
from ui.person_tree import (ACTION, KIND_ROLE, MENTION_ROLE, MENTIONS, NAME, PERSON_ID_ROLE,
                            REPLACEMENT, ROLE, STATE, PersonTreeModel)
from ui.review_model import STATES, ReviewModel
from ui.states import state_label

REPLACEMENT_MAX_WIDTH = 220


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor that opens its list at once and commits as soon as a choice is made."""

    def __init__(self, choices: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices.items():
            combo.addItem(label, value)
        combo.activated.connect(lambda _=0: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PersonTree(QTreeView):
    """The tree, with Space and Alt+Down opening the action list and F2 editing the cell."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Space or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
            self.edit_column(ACTION)
            return
        if key == Qt.Key.Key_F2:
            self.edit_column(self.currentIndex().column())
            return
        super().keyPressEvent(event)

    def edit_column(self, column: int) -> bool:
        """Start editing ``column`` of the current row (a mention row edits its replacement)."""
        index = self.currentIndex()
        if not index.isValid() or index.data(KIND_ROLE) == "group":
            return False
        if index.data(KIND_ROLE) == "mention":
            column = REPLACEMENT
        target = index.siblingAtColumn(column)
        if not target.flags() & Qt.ItemFlag.ItemIsEditable:
            target = index.siblingAtColumn(REPLACEMENT if column != ACTION else ACTION)
        self.setCurrentIndex(target)
        self.edit(target)
        return True


class PersonPanel(QWidget):
    """The persons tree with its filter; reports which person (and mention) is current."""

    currentPersonChanged = Signal(str)
    currentMentionChanged = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PersonTreeModel(self)
        self.filter_box = QCheckBox(self.tr("Only needs review"))
        self.filter_box.toggled.connect(self._filter_toggled)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.table = PersonTree()
        self.table.setModel(self.model)
        self.table.setObjectName("persons")
        self.table.setAccessibleName(self.tr("Persons named in the draft"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the tree, as everywhere else
        self.table.setUniformRowHeights(True)  # thousands of rows in a long draft
        self.table.setAllColumnsShowFocus(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(ACTION, ChoiceDelegate(
            {a: action_labels()[a] for a in ACTIONS}, self.table))
        self.table.setItemDelegateForColumn(ROLE, ChoiceDelegate(
            {r: role_labels()[r] for r in ROLES}, self.table))
        self._size_columns()
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.places = QLabel()  # where the current person's mentions live (Word, ODT, HTML)
        self.places.setWordWrap(True)
        self.places.setVisible(False)
        self.dismiss_button = QToolButton()  # shown while possible names wait (``add_dismiss``)
        self.dismiss_button.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.filter_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.places)
        self._current = ("", -1)  # person id and mention index kept across resets
        self._update_summary()

    def add_dismiss(self, action: QAction) -> None:
        """The button for ``action`` (dismiss the possible names), shown only while it can act."""
        self.dismiss_button.setDefaultAction(action)
        action.changed.connect(lambda: self.dismiss_button.setVisible(action.isEnabled()))

    def _size_columns(self) -> None:
        """Widths from what the columns can hold, measured once: sizing them to their rows
        measured every row of a long draft's thousands on each change, and stalled the GUI."""
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        metrics = self.table.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("  ")
        samples = {ACTION: list(action_labels().values()), ROLE: list(role_labels().values()),
                   STATE: [state_label(state) for state in STATES],
                   REPLACEMENT: ["[name withheld]", "(as written)"], MENTIONS: ["9999"]}
        for column, texts in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(t) for t in [*texts, title]) + pad
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, min(width, REPLACEMENT_MAX_WIDTH))
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

    def set_review(self, review: ReviewModel | None) -> None:
        self._current = ("", -1)
        self.model.set_review(review)
        if review is not None:
            review.changed.connect(self._update_summary)
            review.changed.connect(self._update_places)
        self._update_summary()
        self._update_places()

    def _after_reset(self) -> None:
        """Groups open across the whole row, and the person worked on stays current (a
        reset forgets all that)."""
        for row in range(self.model.rowCount()):
            self.table.setFirstColumnSpanned(row, QModelIndex(), True)
            self.table.expand(self.model.index(row, 0))
        person_id, mention = self._current
        if person_id:
            if mention >= 0:
                self.select_mention(person_id, mention)
            else:
                self.select_person(person_id)

    def _update_summary(self) -> None:
        review = self.model.review
        if review is None:
            self.summary.setText("")
        elif not review.persons:
            self.summary.setText(self.tr("No persons found"))
        else:
            left, possible = review.unreviewed_count(), len(review.possible_left())
            text = (self.tr("%n person(s) to review", "", left) if left
                    else self.tr("All %n person(s) reviewed", "", len(review.persons)))
            if possible:
                text += self.tr(" (%n possible name(s))", "", possible)
            self.summary.setText(text)

    def _update_places(self) -> None:
        review = self.model.review
        person_id = self.current_person_id()
        places = []
        if review is not None and person_id is not None and review.row_of(person_id) >= 0:
            places = review.places(person_id)
        self.places.setText(places_text(places) if places else "")
        self.places.setVisible(bool(places))

    def _filter_toggled(self, on: bool) -> None:
        self.model.set_filter(on, self.current_person_id() or "")

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        person_id = current.data(PERSON_ID_ROLE) if current.isValid() else None
        mention = current.data(MENTION_ROLE) if current.isValid() else None
        self._update_places()
        if not person_id:
            return
        self._current = (person_id, mention if mention is not None else -1)
        if self.model.only_needs_review and self.model.pinned != person_id:
            QTimer.singleShot(0, lambda: self.model.set_filter(True, person_id))
        self.currentPersonChanged.emit(person_id)
        if mention is not None:
            self.currentMentionChanged.emit(person_id, mention)

    def current_person_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PERSON_ID_ROLE) if index.isValid() else None

    def current_mention(self) -> tuple[str, int] | None:
        """The mention row in focus, as (person id, mention index), if a mention row is current."""
        index = self.table.currentIndex()
        mention = index.data(MENTION_ROLE) if index.isValid() else None
        return (index.data(PERSON_ID_ROLE), mention) if mention is not None else None

    def _make_current(self, index: QModelIndex) -> None:
        column = self.table.currentIndex().column() if self.table.currentIndex().isValid() else NAME
        target = index.siblingAtColumn(column)
        self.table.selectionModel().setCurrentIndex(
            target, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(target)

    def select_person(self, person_id: str) -> None:
        """Make ``person_id`` current, showing it even when the filter would hide it."""
        review = self.model.review
        if review is None or review.row_of(person_id) < 0:
            return
        if self.model.only_needs_review:
            self.model.set_filter(True, person_id)
        index = self.model.person_index(person_id)
        if index.isValid():
            self._make_current(index)

    def select_mention(self, person_id: str, mention: int) -> None:
        self.select_person(person_id)
        index = self.model.mention_index(person_id, mention)
        if index.isValid():
            self.table.expand(self.model.person_index(person_id))
            self._make_current(index)

    def step(self, forward: bool = True) -> str | None:
        """Select the next (or previous) person needing review in the tree's order, wrapping;
        None if there is none."""
        persons = self.model.persons_in_order()
        if not persons:
            return None
        current = self.current_person_id()
        ids = [p.id for p in persons]
        start = ids.index(current) if current in ids else (-1 if forward else len(ids))
        count = len(persons)
        for offset in range(1, count + 1):
            row = (start + offset) % count if forward else (start - offset) % count
            if not persons[row].reviewed:
                self.select_person(persons[row].id)
                return persons[row].id
        return None

    def edit_replacement(self) -> None:
        self.table.edit_column(REPLACEMENT)

    def open_action_list(self) -> None:
        self.table.edit_column(ACTION)
