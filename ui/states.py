"""How each state looks, so no state is told by colour alone: a label, an icon of its own
shape, and a highlight with its own underline.

Colours come from the Okabe-Ito palette, which stays distinct under every common colour
blindness: blue for names withheld, orange for names printed, vermillion for a replacement
that still prints a name. Shapes and underlines carry the same meaning without colour:
a square is withheld (hollow while only suggested), a circle is printed as written, a
triangle asks for review, a diamond says the copy would print a name, a cross is cut. A
wavy underline means "not reviewed yet". The possible names' heading has its own icon, a
question mark in a dashed circle, beside its words.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen,
                           QPixmap, QPolygonF, QTextCharFormat)

from ui.review_model import ATTENTION, CONFIRMED, CUT, KEPT, NEEDS_REVIEW, SUGGESTED

COLOURS = {
    SUGGESTED: QColor(86, 180, 233, 110),    # sky blue: the engine suggests withholding
    NEEDS_REVIEW: QColor(230, 159, 0, 120),  # orange: printed as written unless the editor says
    CONFIRMED: QColor(0, 114, 178, 90),      # blue: withheld, confirmed by the editor
    KEPT: QColor(128, 128, 128, 60),         # grey: printed as written, confirmed
    ATTENTION: QColor(213, 94, 0, 150),      # vermillion: the replacement prints a name word
    CUT: QColor(128, 128, 128, 40),          # pale grey: cut from the copy with its region
}
UNDERLINES = {
    SUGGESTED: QTextCharFormat.UnderlineStyle.WaveUnderline,
    NEEDS_REVIEW: QTextCharFormat.UnderlineStyle.WaveUnderline,
    CONFIRMED: QTextCharFormat.UnderlineStyle.NoUnderline,
    KEPT: QTextCharFormat.UnderlineStyle.DotLine,
    ATTENTION: QTextCharFormat.UnderlineStyle.DashUnderline,
    CUT: QTextCharFormat.UnderlineStyle.NoUnderline,
}
ICON_SIZE = 16


def state_label(state: str) -> str:
    """A word or two for the state, short enough for a table column."""
    labels = {
        SUGGESTED: QCoreApplication.translate("States", "to review"),
        NEEDS_REVIEW: QCoreApplication.translate("States", "to check"),
        CONFIRMED: QCoreApplication.translate("States", "withheld"),
        KEPT: QCoreApplication.translate("States", "printed"),
        ATTENTION: QCoreApplication.translate("States", "prints a name!"),
        CUT: QCoreApplication.translate("States", "cut"),
    }
    return labels[state]


def state_description(state: str) -> str:
    """What the state means, for tooltips and the legend's tooltips."""
    descriptions = {
        SUGGESTED: QCoreApplication.translate("States", "not reviewed yet; withholding is suggested"),
        NEEDS_REVIEW: QCoreApplication.translate(
            "States", "not reviewed yet; printed as written, or a spelling variant to confirm"),
        CONFIRMED: QCoreApplication.translate("States", "withheld, confirmed by the editor"),
        KEPT: QCoreApplication.translate("States", "printed as written, confirmed by the editor"),
        ATTENTION: QCoreApplication.translate("States", "the copy would print a withheld name word here"),
        CUT: QCoreApplication.translate("States", "cut from the copy with its stretch outside the story"),
    }
    return descriptions[state]


def mention_format(state: str, current: bool, palette: QPalette) -> QTextCharFormat:
    """The character format of one mention; ``current`` marks the selected person's."""
    fmt = QTextCharFormat()
    colour = QColor(COLOURS[state])
    underline = UNDERLINES[state]
    if current:
        colour.setAlpha(min(255, colour.alpha() * 2))
        underline = QTextCharFormat.UnderlineStyle.SingleUnderline
        fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Highlight))
    fmt.setBackground(colour)
    fmt.setUnderlineStyle(underline)
    fmt.setFontStrikeOut(state == CUT)
    return fmt


@functools.cache
def state_icon(state: str) -> QIcon:
    """A small icon whose shape alone tells the state."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[state])
    colour.setAlpha(255)
    painter.setPen(QPen(colour.darker(130), 1.6))
    box = QRectF(2.5, 2.5, ICON_SIZE - 5, ICON_SIZE - 5)
    if state in (SUGGESTED, CONFIRMED):
        painter.setBrush(QBrush(colour) if state == CONFIRMED else Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
    elif state == KEPT:
        painter.drawEllipse(box)
    elif state == NEEDS_REVIEW:
        painter.drawPolygon(QPolygonF([QPointF(8, 2), QPointF(14, 14), QPointF(2, 14)]))
        painter.drawLine(QPointF(8, 6.5), QPointF(8, 10))
        painter.drawPoint(QPointF(8, 12))
    elif state == ATTENTION:
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(8, 1), QPointF(15, 8), QPointF(8, 15), QPointF(1, 8)]))
        painter.fillPath(path, colour)
        painter.setPen(QPen(Qt.GlobalColor.white, 2))
        painter.drawLine(QPointF(8, 4.5), QPointF(8, 9))
        painter.drawPoint(QPointF(8, 11.5))
    else:  # CUT: a cross
        painter.drawLine(box.topLeft(), box.bottomRight())
        painter.drawLine(box.topRight(), box.bottomLeft())
    painter.end()
    return QIcon(pixmap)


@functools.cache
def possible_icon() -> QIcon:
    """The possible names' mark: a question mark in a dashed circle, told by its shape."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[NEEDS_REVIEW]).darker(150)
    colour.setAlpha(255)
    painter.setPen(QPen(colour, 1.4, Qt.PenStyle.DashLine))
    box = QRectF(1.5, 1.5, ICON_SIZE - 3, ICON_SIZE - 3)
    painter.drawEllipse(box)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QPen(colour))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return QIcon(pixmap)
