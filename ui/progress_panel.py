"""The status bar's progress: what the engine is doing, how far, a Cancel button, and after
a cancel an "Analyse again" button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

STEPS = 1000


class ProgressPanel(QWidget):
    """Busy (indeterminate) while the model loads, then the share of the draft analysed."""

    cancelRequested = Signal()
    againRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(80)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.again_button = QPushButton(self.tr("Analyse again"))
        self.again_button.clicked.connect(self.againRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.again_button)
        self.set_busy(False)

    def show_cancelled(self, can_retry: bool) -> None:
        """Cancelled: say so at once, and offer to start again."""
        self.set_busy(False)
        self.label.setText(self.tr("Analysis cancelled."))
        self.again_button.setVisible(can_retry)

    def set_busy(self, busy: bool) -> None:
        self.again_button.setVisible(False)
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.bar.setRange(0, 0)
        else:
            self.label.setText("")

    def set_status(self, text: str) -> None:
        self.label.setText(text)

    def set_fraction(self, fraction: float) -> None:
        self.bar.setRange(0, STEPS)
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * STEPS))
