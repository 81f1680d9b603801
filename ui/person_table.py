"""The persons of a review as a table model, and the "only needs review" filter over it.

Edits made in the table go through ``ReviewModel``'s methods, so each is one undoable step;
the table only translates between rows and person ids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)
from PySide6.QtGui import QFont

from redactor.decisions import ACTIONS, ROLES, Person
from ui.review_model import ReviewModel

REVIEWED, NAME, ROLE, MENTIONS, ACTION, REPLACEMENT = range(6)
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonTable", text)


def action_labels() -> dict[str, str]:
    return {"keep": _tr("keep"), "first_name": _tr("first name"), "initials": _tr("initials"),
            "placeholder": _tr("placeholder"), "pseudonym": _tr("pseudonym"),
            "remove": _tr("remove")}


def places_text(places: list[tuple[str, int]]) -> str:
    """"Mentioned in: Body (3), Footnote 2 (1)" for a person's mentions."""
    return _tr("Mentioned in: {places}").format(
        places=", ".join(f"{place} ({count})" for place, count in places))


def role_labels() -> dict[str, str]:
    return {"private": _tr("private"), "public": _tr("public"), "byline": _tr("byline")}


class PersonTableModel(QAbstractTableModel):
    """One row per person, in the review's order (first appearance in the draft)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: ReviewModel | None = None
        self._actions = action_labels()
        self._roles = role_labels()

    def set_review(self, review: ReviewModel | None) -> None:
        self.beginResetModel()
        if self.review is not None:
            self.review.structureChanged.disconnect(self._reset)
            self.review.personsChanged.disconnect(self._rows_changed)
        self.review = review
        if review is not None:
            review.structureChanged.connect(self._reset)
            review.personsChanged.connect(self._rows_changed)
        self.endResetModel()

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _rows_changed(self, ids: list[str]) -> None:
        assert self.review is not None
        for person_id in ids:
            row = self.review.row_of(person_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, REPLACEMENT))

    def person_at(self, row: int) -> Person:
        assert self.review is not None
        return self.review.persons[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.review is None else len(self.review.persons)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else REPLACEMENT + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ["✓", _tr("Name"), _tr("Role"), _tr("Mentions"), _tr("Action"),
                    _tr("Replacement")][section]
        if role == Qt.ItemDataRole.ToolTipRole and section == REVIEWED:
            return _tr("Reviewed")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.review is None:
            return None
        person = self.person_at(index.row())
        column = index.column()
        if role == PERSON_ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.CheckStateRole and column == REVIEWED:
            return Qt.CheckState.Checked if person.reviewed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, column)
        if role == Qt.ItemDataRole.EditRole:
            return {ROLE: person.role, ACTION: person.action,
                    REPLACEMENT: person.replacement}.get(column, self._display(person, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(person)
        if role == Qt.ItemDataRole.FontRole and not person.reviewed and column == NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MENTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, person: Person, column: int) -> Any:
        if column == NAME:
            return person.name
        if column == ROLE:
            return self._roles.get(person.role, person.role)
        if column == MENTIONS:
            return len(person.mentions)
        if column == ACTION:
            return self._actions.get(person.action, person.action)
        if column == REPLACEMENT:
            if person.action == "keep":
                return ""
            return person.replacement if person.replacement else _tr("(removed)")
        return None

    def _tooltip(self, person: Person) -> str:
        state = _tr("reviewed") if person.reviewed else _tr("needs review")
        reason = f"\n{person.reason}" if person.reason else ""
        places = self.review.places(person.id) if self.review is not None else []
        where = "\n" + places_text(places) if places else ""
        return f"{person.name} ({state}){reason}{where}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == REVIEWED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (ROLE, ACTION, REPLACEMENT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.review is None:
            return False
        person = self.person_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == REVIEWED:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.review.set_reviewed(person.id, checked)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == ACTION and value in ACTIONS:
            self.review.set_action(person.id, value)
        elif column == ROLE and value in ROLES:
            self.review.set_role(person.id, value)
        elif column == REPLACEMENT and isinstance(value, str):
            self.review.set_replacement(person.id, value)
        else:
            return False
        return True


class NeedsReviewFilter(QSortFilterProxyModel):
    """Hides reviewed persons when asked, except the one being worked on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_needs_review = False
        self.pinned = ""

    def set_only_needs_review(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_needs_review = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pin(self, person_id: str) -> None:
        if person_id != self.pinned:
            self.beginFilterChange()
            self.pinned = person_id
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.only_needs_review:
            return True
        source = self.sourceModel()
        assert isinstance(source, PersonTableModel)
        person = source.person_at(row)
        return not person.reviewed or person.id == self.pinned
