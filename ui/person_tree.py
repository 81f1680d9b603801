"""The persons of a review as a tree: groups, the persons in each, each person's mentions.

The groups (people at risk first, the possible names apart below the persons) are
``ui.person_groups``'s. Within a group persons keep the draft's order. A person's row shows
their state (icon and words), action and replacement; each mention's row shows what the
copy will actually print there, marked when it repeats a withheld name word.

Edits made in the tree go through ``ReviewModel``'s methods, so each is one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QCoreApplication, QModelIndex, QObject,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QBrush, QColor, QFont

from redactor.decisions import ACTIONS, ROLES, Person
from redactor.plan import printed
from ui.collection_text import line_of
from ui.person_groups import (GROUPS, POSSIBLE, action_labels, group_labels, group_of, person_state,
                              places_text, role_labels, tier_note)
from ui.review_model import ATTENTION, CUT, ReviewModel, mention_state
from ui.states import possible_icon, state_description, state_icon, state_label

NAME, ACTION, REPLACEMENT, STATE, MENTIONS, ROLE = range(6)
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MENTION_ROLE = Qt.ItemDataRole.UserRole + 2  # a mention row's index in its person's mentions
KIND_ROLE = Qt.ItemDataRole.UserRole + 3     # "group", "person" or "mention"
Index = QModelIndex | QPersistentModelIndex
_MENTIONS_BASE = 1000  # internal ids: 0 a group, 1+g a person in group g, BASE+n person n's mention
WARNING = "⚠ "


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("PersonTree", text, "", count)


class PersonTreeModel(QAbstractItemModel):
    """Groups, persons and mentions of one review; the "only needs review" filter built in."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: ReviewModel | None = None
        self.only_needs_review = False
        self.pinned = ""  # a reviewed person the filter still shows: the one being worked on
        self.new_ids: set[str] = set()  # persons new (or with new mentions) in a revised draft
        self._states: dict[str, tuple[Person, str]] = {}  # each row's state, until a change
        self._groups: list[tuple[str, list[Person]]] = []
        self._flat: list[Person] = []
        self._where: dict[str, tuple[int, int, int]] = {}  # id -> (group, row, flat index)
        self._actions = action_labels()
        self._roles = role_labels()
        self._groups_shown = group_labels()

    # ----- structure -----

    def set_review(self, review: ReviewModel | None) -> None:
        if self.review is not None:
            self.review.structureChanged.disconnect(self.rebuild)
            self.review.personsChanged.disconnect(self._persons_changed)
        self.review = review
        self.pinned = ""
        self.new_ids = set()
        self._states.clear()
        if review is not None:
            review.structureChanged.connect(self.rebuild)
            review.personsChanged.connect(self._persons_changed)
        self.rebuild()

    def set_filter(self, only_needs_review: bool, pinned: str = "") -> None:
        if (only_needs_review, pinned) != (self.only_needs_review, self.pinned):
            self.only_needs_review, self.pinned = only_needs_review, pinned
            self.rebuild()

    def mark_new(self, ids: list[str]) -> None:
        """Mark persons a revised draft brought (or gave new mentions): "new" beside the name."""
        self.new_ids = set(ids)
        self.rebuild()

    def _layout(self) -> list[tuple[str, list[Person]]]:
        review = self.review
        if review is None:
            return []
        grouped: dict[str, list[Person]] = {group: [] for group in GROUPS}
        for person in review.persons:
            if self.only_needs_review and person.reviewed and person.id != self.pinned:
                continue
            grouped[group_of(person, review.outside_story(person))].append(person)
        return [(group, persons) for group, persons in grouped.items() if persons]

    def rebuild(self) -> None:
        self._states.clear()
        self.beginResetModel()
        self._set_layout(self._layout())
        self.endResetModel()

    def _set_layout(self, groups: list[tuple[str, list[Person]]]) -> None:
        self._groups = groups
        self._flat = [p for _, persons in groups for p in persons]
        self._where = {}
        flat = 0
        for g, (_, persons) in enumerate(groups):
            for row, person in enumerate(persons):
                self._where[person.id] = (g, row, flat)
                flat += 1

    def _persons_changed(self, ids: list[str]) -> None:
        self._states.clear()  # a change to one person can change another's (a shared name word)
        layout = self._layout()
        if [(g, [p.id for p in ps]) for g, ps in layout] != \
                [(g, [p.id for p in ps]) for g, ps in self._groups]:
            self.rebuild()  # a person changed group, or the filter hides or shows one
            return
        self._set_layout(layout)
        for person_id in ids:
            index = self.person_index(person_id)
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(ROLE))
                rows = self.rowCount(index)
                if rows:
                    self.dataChanged.emit(self.index(0, NAME, index), self.index(rows - 1, ROLE, index))
            group = self.index(self._where[person_id][0], NAME) if person_id in self._where else None
            if group is not None:
                self.dataChanged.emit(group, group)

    # ----- lookups -----

    def persons_in_order(self) -> list[Person]:
        """The persons shown, in the order the tree shows them."""
        return list(self._flat)

    def person_index(self, person_id: str, column: int = NAME) -> QModelIndex:
        where = self._where.get(person_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], column, 1 + where[0])

    def mention_index(self, person_id: str, mention: int, column: int = NAME) -> QModelIndex:
        where = self._where.get(person_id)
        if where is None or not 0 <= mention < len(self._flat[where[2]].mentions):
            return QModelIndex()
        return self.createIndex(mention, column, _MENTIONS_BASE + where[2])

    def kind(self, index: Index) -> str:
        if not index.isValid():
            return ""
        ident = index.internalId()
        return "group" if ident == 0 else "person" if ident < _MENTIONS_BASE else "mention"

    def person_of(self, index: Index) -> Person | None:
        kind = self.kind(index)
        if kind == "person":
            return self._groups[index.internalId() - 1][1][index.row()]
        if kind == "mention":
            return self._flat[index.internalId() - _MENTIONS_BASE]
        return None

    # ----- QAbstractItemModel -----

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        kind = self.kind(parent)
        if kind == "":
            return self.createIndex(row, column, 0)
        if kind == "group":
            return self.createIndex(row, column, 1 + parent.row())
        if kind == "person":
            return self.createIndex(row, column, _MENTIONS_BASE + self._where[self.person_of(parent).id][2])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        kind = self.kind(index)
        if kind == "person":
            return self.createIndex(index.internalId() - 1, 0, 0)
        if kind == "mention":
            person = self._flat[index.internalId() - _MENTIONS_BASE]
            group, row, _ = self._where[person.id]
            return self.createIndex(row, 0, 1 + group)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        kind = self.kind(parent)
        if kind == "":
            return len(self._groups)
        if kind == "group":
            return len(self._groups[parent.row()][1])
        if kind == "person":
            return len(self.person_of(parent).mentions)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return ROLE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {NAME: _tr("Name"), ACTION: _tr("Action"), REPLACEMENT: _tr("Replacement"),
                    STATE: _tr("State"), MENTIONS: _tr("Mentions"), ROLE: _tr("Role")}[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind = self.kind(index)
        if self.review is None or not kind:
            return None
        if role == KIND_ROLE:
            return kind
        if kind == "group":
            return self._group_data(index, role)
        person = self.person_of(index)
        if role == PERSON_ID_ROLE:
            return person.id
        if kind == "mention":
            return self._mention_data(person, index.row(), index.column(), role)
        return self._person_data(person, index.column(), role)

    def _group_data(self, index: Index, role: int) -> Any:
        group, persons = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == NAME:
            left = sum(1 for p in persons if not p.reviewed)
            count = _tr("%n name(s)", len(persons)) if group == POSSIBLE else \
                _tr("%n person(s)", len(persons))
            text = f"{self._groups_shown[group]} — {count}"
            return text + (_tr(", {left} to review").format(left=left) if left else "")
        if group == POSSIBLE and role == Qt.ItemDataRole.DecorationRole and index.column() == NAME:
            return possible_icon()
        if group == POSSIBLE and role == Qt.ItemDataRole.ToolTipRole:
            return _tr("Names only weak signs point to: each may be no person at all. Accept one "
                       "to withhold it, or dismiss the rest (Ctrl+Shift+D): dismissed names are "
                       "printed as written.")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _state(self, person: Person) -> str:
        cached = self._states.get(person.id)
        if cached is None or cached[0] is not person:
            assert self.review is not None
            cached = (person, person_state(self.review, person))
            self._states[person.id] = cached
        return cached[1]

    def _person_data(self, person: Person, column: int, role: int) -> Any:
        state = self._state(person)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._person_text(person, state, column)
        if role == Qt.ItemDataRole.EditRole:
            return {NAME: person.name, ROLE: person.role, ACTION: person.action,
                    REPLACEMENT: person.replacement}.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return state_icon(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(person, state)
        if role == Qt.ItemDataRole.FontRole and not person.reviewed and column == NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and state == ATTENTION and column in (STATE, REPLACEMENT):
            return QBrush(QColor(200, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MENTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _person_text(self, person: Person, state: str, column: int) -> Any:
        if column == NAME:
            return f"{person.name}  ({_tr('new')})" if person.id in self.new_ids else person.name
        if column == STATE:
            return state_label(state)
        if column == ACTION:
            return _tr("cut") if state == CUT else self._actions.get(person.action, person.action)
        if column == REPLACEMENT:
            text = _shown(person.replacement, person.action)
            return WARNING + text if state == ATTENTION else text
        if column == MENTIONS:
            return len(person.mentions)
        if column == ROLE:
            return self._roles.get(person.role, person.role)
        return None

    def _mention_data(self, person: Person, row: int, column: int, role: int) -> Any:
        review = self.review
        assert review is not None
        mention = person.mentions[row]
        repeats = review.repeats(person)
        cut = review.outside_story(person) and person.action == "remove"
        state = mention_state(person, mention, cut, row in repeats)
        if role == MENTION_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return mention.text
            if column == STATE:
                return state_label(state)
            if column == ACTION:
                return _tr("own replacement") if mention.replacement is not None else ""
            if column == REPLACEMENT:
                text = printed(review.document.text, person, row)
                text = _tr("(as written)") if text == mention.text else text or _tr("(removed)")
                return WARNING + text if row in repeats else text
            if column == MENTIONS:
                return _tr("line {line}").format(line=line_of(review.document, mention.start))
            return None
        if role == Qt.ItemDataRole.EditRole and column == REPLACEMENT:
            return printed(review.document.text, person, row)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return state_icon(state)
        if role == Qt.ItemDataRole.ForegroundRole and row in repeats and column in (STATE, REPLACEMENT):
            return QBrush(QColor(200, 0, 0))
        if role == Qt.ItemDataRole.ToolTipRole:
            place = review.document.place(mention.start)
            words = ", ".join(sorted(repeats.get(row, ())))
            lines = [mention.text, state_label(state)] + ([place] if place else [])
            if words:
                lines.append(_tr("the copy would print a withheld name word here: {words}").format(words=words))
            return "\n".join(lines)
        return None

    def _tooltip(self, person: Person, state: str) -> str:
        assert self.review is not None
        lines = [person.name, state_description(state)]
        if tier_note(person):
            lines.append(tier_note(person))
        if person.reason:
            lines.append(person.reason)
        places = self.review.places(person.id)
        if places:
            lines.append(places_text(places))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.kind(index)
        if kind == "person" and index.column() in (NAME, ROLE, ACTION, REPLACEMENT):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif kind == "mention" and index.column() == REPLACEMENT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        person = self.person_of(index)
        if self.review is None or person is None or role != Qt.ItemDataRole.EditRole:
            return False
        column = index.column()
        if self.kind(index) == "mention":
            if column != REPLACEMENT or not isinstance(value, str):
                return False
            mention = person.mentions[index.row()]
            follows = value == printed(self.review.document.text, person, index.row()) \
                and mention.replacement is None
            if not follows:
                self.review.set_mention_replacement(person.id, index.row(), value)
            return True
        if column == ACTION and value in ACTIONS:
            self.review.set_action(person.id, value)
        elif column == ROLE and value in ROLES:
            self.review.set_role(person.id, value)
        elif column == REPLACEMENT and isinstance(value, str):
            self.review.set_replacement(person.id, value)
        elif column == NAME and isinstance(value, str):
            self.review.rename(person.id, value)
        else:
            return False
        return True


def _shown(replacement: str, action: str) -> str:
    if action == "keep":
        return _tr("(as written)")
    return replacement if replacement else _tr("(removed)")

