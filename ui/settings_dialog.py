"""The Settings dialog: defaults for new reviews and the names the engine should know."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from ui.person_groups import action_labels
from ui.settings import PRIVATE_ACTIONS, Settings


class SettingsDialog(QDialog):
    """Edits ``Settings``; nothing is stored unless the editor presses OK."""

    def __init__(self, settings: Settings, pipelines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.action_box = QComboBox()
        labels = action_labels()
        for action in PRIVATE_ACTIONS:
            self.action_box.addItem(labels[action], action)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(settings.private_action)))
        self.placeholder_edit = QLineEdit(settings.placeholder)
        self.keep_edit = QPlainTextEdit("\n".join(settings.keep_names))
        self.keep_edit.setPlaceholderText(self.tr("One name per line"))
        self.redact_edit = QPlainTextEdit("\n".join(settings.redact_names))
        self.redact_edit.setPlaceholderText(self.tr("One name per line"))
        self.model_box = QComboBox()
        for name in dict.fromkeys([*pipelines, settings.model]):
            self.model_box.addItem(name, name)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(settings.model)))

        form = QFormLayout()
        form.addRow(self.tr("Default action for private persons:"), self.action_box)
        form.addRow(self.tr("Placeholder text:"), self.placeholder_edit)
        form.addRow(self.tr("Always keep these names:"), self.keep_edit)
        form.addRow(self.tr("Always redact these names:"), self.redact_edit)
        form.addRow(self.tr("Language model (spaCy pipeline):"), self.model_box)
        note = QLabel(self.tr("Name lists and the model apply to the next draft you open."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.private_action = self.action_box.currentData()
        self.settings.placeholder = self.placeholder_edit.text().strip()
        self.settings.keep_names = self.keep_edit.toPlainText().splitlines()
        self.settings.redact_names = self.redact_edit.toPlainText().splitlines()
        self.settings.model = self.model_box.currentData()
        self.settings.sync()
        super().accept()


def edit_settings(settings: Settings, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when the editor changed the settings (pressed OK)."""
    from ui.lazy_engine import installed_pipelines

    try:
        pipelines = installed_pipelines()
    except Exception:  # noqa: BLE001 - the list is a convenience
        pipelines = []
    return SettingsDialog(settings, pipelines, parent).exec() == QDialog.DialogCode.Accepted
