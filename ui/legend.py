"""A one-line key to the highlights, under the document: each state's icon, colour and words."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.review_model import STATES
from ui.states import COLOURS, ICON_SIZE, state_description, state_icon, state_label


class Legend(QWidget):
    """Icon and coloured chip per state, and a note that wavy underlines are not reviewed yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        for state in STATES:
            colour = COLOURS[state]
            icon = QLabel()
            icon.setPixmap(state_icon(state).pixmap(ICON_SIZE, ICON_SIZE))
            chip = QLabel(state_label(state))
            chip.setObjectName(f"legend-{state}")
            chip.setToolTip(state_description(state))
            chip.setStyleSheet(f"QLabel {{ background-color: rgba({colour.red()}, {colour.green()}, "
                               f"{colour.blue()}, {colour.alpha()}); padding: 1px 4px; "
                               f"border-radius: 3px; }}")
            layout.addWidget(icon)
            layout.addWidget(chip)
        note = QLabel(self.tr("wavy underline: not reviewed yet"))
        note.setEnabled(False)
        layout.addWidget(note)
        layout.addStretch(1)
        # Clipped at the right in a narrow window rather than forcing it wider.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
