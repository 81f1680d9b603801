"""The "Redact selection" dialog: whose name the selected text is, and where else it stands.

The person it most likely belongs to is chosen already: the one whose mention it stands
right beside ("Kairat" before a found "Omarbekov" joins it), else the one whose name holds
every word of it; otherwise a new person. Enter confirms.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from redactor.names import display_name, key
from redactor.review_ops import action_for_new_name
from ui.person_groups import action_labels
from ui.settings import PRIVATE_ACTIONS


class RedactSelectionDialog(QDialog):
    """Pick an existing person or name a new one (private, with the default action)."""

    def __init__(self, selected: str, persons: list[tuple[str, str]], others: int,
                 default_action: str, owner: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redact selection"))
        self.person_box = QComboBox()
        self.person_box.addItem(self.tr("A new person"), None)
        for person_id, name in persons:
            self.person_box.addItem(name, person_id)
        self.name_edit = QLineEdit(display_name(" ".join(selected.split())))
        self.action_box = QComboBox()
        labels = action_labels()
        for action in PRIVATE_ACTIONS:
            self.action_box.addItem(labels[action], action)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(
            action_for_new_name(selected, default_action))))
        self.others_box = QCheckBox(self.tr("Also every other occurrence (%n more)", "", others))
        self.others_box.setEnabled(others > 0)
        self.others_box.setChecked(others > 0)
        self.person_box.currentIndexChanged.connect(self._person_changed)
        self.person_box.setCurrentIndex(max(0, self.person_box.findData(owner)))
        self._person_changed()

        form = QFormLayout()
        form.addRow(self.tr("Person:"), self.person_box)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Action:"), self.action_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        quoted = QLabel(self.tr("Withhold “{text}” as a name.").format(text=" ".join(selected.split())))
        quoted.setWordWrap(True)
        layout.addWidget(quoted)
        layout.addLayout(form)
        layout.addWidget(self.others_box)
        layout.addWidget(buttons)

    def _person_changed(self) -> None:
        new = self.person_box.currentData() is None
        self.name_edit.setEnabled(new)
        self.action_box.setEnabled(new)

    def person_id(self) -> str | None:
        return self.person_box.currentData()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def action(self) -> str:
        return self.action_box.currentData()

    def also_others(self) -> bool:
        return self.others_box.isEnabled() and self.others_box.isChecked()


def likely_owner(selected: str, persons: list[tuple[str, str]]) -> str | None:
    """A person whose name holds every word of the selection, when exactly one does."""
    words = set(key(selected))
    if not words:
        return None
    owners = [person_id for person_id, name in persons if words <= set(key(name))]
    return owners[0] if len(owners) == 1 else None
