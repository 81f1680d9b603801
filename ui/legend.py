"""A one-line key to the highlight colours, under the document."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.highlight import COLOURS, state_label
from ui.review_model import STATES


class Legend(QWidget):
    """Coloured chips with the state each colour stands for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for state in STATES:
            colour = COLOURS[state]
            chip = QLabel(state_label(state))
            chip.setObjectName(f"legend-{state}")
            chip.setStyleSheet(f"QLabel {{ background-color: rgba({colour.red()}, {colour.green()}, "
                               f"{colour.blue()}, {colour.alpha()}); padding: 1px 6px; "
                               f"border-radius: 3px; }}")
            layout.addWidget(chip)
        layout.addStretch(1)
