"""A gutter beside the draft naming the part of the file each stretch of text comes from.

A Word draft's comments, tracked deletions and document properties are read into the same
text as the body, one after another; without a label they read like stray lines of the
story. The gutter writes "Comment 1", "Properties: author" beside the first line of each
such part and draws a bar along the rest of it. Plain text has no parts: no gutter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from ui.text_positions import PositionMap

if TYPE_CHECKING:
    from ui.document_view import DocumentView

WIDTH = 120
BODY = ("", "Body")


class PlaceGutter(QWidget):
    """Paints the labels; the view tells it which blocks are visible and where."""

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self.view = view
        self.place_for: Callable[[int], str] | None = None
        self.positions = PositionMap("")
        self.setVisible(False)

    def set_positions(self, positions: PositionMap) -> None:
        self.positions = positions
        self.update()

    def set_places(self, place_for: Callable[[int], str] | None, positions: PositionMap) -> None:
        self.place_for = place_for
        self.positions = positions
        self.setVisible(place_for is not None)
        self.view.set_gutter_width(WIDTH if place_for is not None else 0)
        self.place_beside(self.view)

    def place_beside(self, view: DocumentView) -> None:
        rect = view.contentsRect()
        self.setGeometry(QRect(rect.left(), rect.top(), WIDTH if self.place_for else 0, rect.height()))

    def labels(self) -> list[tuple[int, int, str, bool]]:
        """(top, height, label, first line of its part) for each visible block outside the body."""
        if self.place_for is None:
            return []
        out = []
        previous = None
        for top, height, position in self.view.visible_blocks():
            label = self.place_for(self.positions.to_text(position))
            if label not in BODY:
                out.append((top, height, label, label != previous))
            previous = label
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        metrics = painter.fontMetrics()
        for top, height, label, first in self.labels():
            painter.fillRect(QRect(WIDTH - 4, top, 3, height), palette.color(QPalette.ColorRole.Highlight))
            if first:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, WIDTH - 10)
                painter.drawText(QRect(3, top, WIDTH - 10, metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
