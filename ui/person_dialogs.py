"""Small dialogs for repairing detection, each finished from the keyboard with Enter.

Choose a person (type to filter, arrows to move), pick the mentions to split off (Space
ticks), type a missed name and confirm every place it was found, say whether a stretch
outside the story is cut or kept. Each opens window-modal without blocking (``open``): the
caller acts on ``accepted``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QVBoxLayout,
                               QWidget)

from redactor.decisions import Mention, Person
from redactor.names import display_name
from redactor.review_ops import action_for_new_name
from ui.person_groups import action_labels
from ui.settings import PRIVATE_ACTIONS

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = 40


def context(text: str, start: int, end: int) -> str:
    """The words around a place, on one line: "…said Bertil [Gransson], 61, had…"."""
    before = text[max(0, start - CONTEXT):start].split("\n")[-1]
    after = text[end:end + CONTEXT].split("\n")[0]
    return f"…{before}[{text[start:end]}]{after}…"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter, even if enabled late
    return buttons


class _ArrowsToList(QObject):
    """Up and Down typed in a filter box move through the list below it."""

    def __init__(self, target: QListWidget) -> None:
        super().__init__(target)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            rows = [r for r in range(self.target.count()) if not self.target.item(r).isHidden()]
            if rows:
                current = self.target.currentRow()
                position = rows.index(current) + step if current in rows else 0
                self.target.setCurrentRow(rows[max(0, min(len(rows) - 1, position))])
            return True
        return False


class PersonChooser(QDialog):
    """Pick a person: type part of the name to filter, arrows to move, Enter to choose."""

    def __init__(self, title: str, prompt: str, persons: list[Person], preferred: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Type to filter"))
        self.list = QListWidget()
        for person in persons:
            item = QListWidgetItem(person.name)
            item.setData(ID_ROLE, person.id)
            self.list.addItem(item)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(_ArrowsToList(self.list))
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))
        ids = [p.id for p in persons]
        self.list.setCurrentRow(ids.index(preferred) if preferred in ids else 0)
        self.filter_edit.setFocus()

    def _filter(self, text: str) -> None:
        wanted = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().casefold() for w in wanted)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentRow(first)

    def person_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None and not item.isHidden() else None


class SplitDialog(QDialog):
    """Tick the mentions that belong to someone else; they become a new person."""

    def __init__(self, person: Person, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split {name}").format(name=person.name))
        self.list = QListWidget()
        for mention in person.mentions:
            item = QListWidgetItem(context(text, mention.start, mention.end))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Named after the mentions ticked"))
        self.list.itemChanged.connect(self._update)
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the mentions of another person (Space ticks):")))
        layout.addWidget(self.list)
        form = QFormLayout()
        form.addRow(self.tr("Their name:"), self.name_edit)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def indices(self) -> list[int]:
        return [r for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def name(self) -> str:
        return self.name_edit.text().strip()

    def _update(self) -> None:
        ticked = len(self.indices())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            0 < ticked < self.list.count())


class AddNameDialog(QDialog):
    """Type a name the detector missed; every place it stands is listed, ticked, to confirm."""

    def __init__(self, text: str, persons: list[Person], mentions: list[tuple[Mention, str]],
                 default_action: str, find: object, initial: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a missed name"))
        self.text = text
        self.find = find
        self._taken = mentions  # existing mentions and whose they are
        self.name_edit = QLineEdit(initial)
        self.count_label = QLabel()
        self.list = QListWidget()
        self.person_box = QComboBox()
        self.person_box.addItem(self.tr("A new person"), None)
        for person in persons:
            self.person_box.addItem(person.name, person.id)
        self.action_box = QComboBox()
        labels = action_labels()
        for action in PRIVATE_ACTIONS:
            self.action_box.addItem(labels[action], action)
        self.default_action = default_action
        self.action_box.activated.connect(lambda _=0: setattr(self, "default_action", ""))
        self.person_box.currentIndexChanged.connect(
            lambda _=0: self.action_box.setEnabled(self.person_box.currentData() is None))
        self.name_edit.textChanged.connect(self._search)
        self.buttons = _buttons(self)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Person:"), self.person_box)
        form.addRow(self.tr("Action:"), self.action_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self._search(initial)

    def _search(self, name: str) -> None:
        if self.default_action:  # until the editor picks an action, it follows the name
            action = action_for_new_name(name, self.default_action)
            self.action_box.setCurrentIndex(max(0, self.action_box.findData(action)))
        self.list.clear()
        places = self.find(name) if name.strip() else []
        for start, end in places:
            owner = next((who for m, who in self._taken if m.start < end and start < m.end), "")
            label = context(self.text, start, end)
            item = QListWidgetItem(f"{label}   ({owner})" if owner else label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if owner else Qt.CheckState.Checked)
            item.setData(ID_ROLE, (start, end))
            self.list.addItem(item)
        self.count_label.setText(self.tr("%n place(s) found; untick any that is not this person.",
                                         "", len(places)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(places))

    def spans(self) -> list[tuple[int, int]]:
        return [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def name(self) -> str:
        """The name as typed; typed in lower case, as the draft first writes it ("Quillby")."""
        typed = " ".join(self.name_edit.text().split())
        spans = self.spans()
        if typed.islower() and spans:
            typed = " ".join(self.text[spans[0][0]:spans[0][1]].split())
        return display_name(typed)

    def person_id(self) -> str | None:
        return self.person_box.currentData()

    def action(self) -> str:
        return self.action_box.currentData()


class RegionDialog(QDialog):
    """A stretch outside the story: cut it from the copy (the default) or keep it as written."""

    def __init__(self, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outside the story"))
        self.cut = QRadioButton(self.tr("&Cut it from the copy"))
        self.keep = QRadioButton(self.tr("&Keep it as written (names withheld in the story stay "
                                         "withheld)"))
        self.cut.setChecked(True)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.cut)
        layout.addWidget(self.keep)
        layout.addWidget(_buttons(self))
        self.cut.setFocus()

    def treatment(self) -> str:
        return "cut" if self.cut.isChecked() else "keep"
