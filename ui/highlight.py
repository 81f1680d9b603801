"""Highlight colours for mention states, readable on light and dark palettes alike.

Each colour is translucent, so it tints whatever base colour the system palette gives and
the text keeps the palette's own colour; the person selected in the panel is underlined
in the palette's highlight colour rather than given a colour of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from ui.review_model import CONFIRMED, KEPT, NEEDS_REVIEW, SUGGESTED

COLOURS = {
    SUGGESTED: QColor(255, 166, 0, 100),     # amber: the engine suggests withholding
    NEEDS_REVIEW: QColor(235, 60, 60, 115),  # red: a name the suggestion would print, or a guess
    CONFIRMED: QColor(46, 170, 90, 100),     # green: withheld, confirmed by the editor
    KEPT: QColor(128, 128, 128, 70),         # grey: printed as written, confirmed
}


def state_label(state: str) -> str:
    labels = {
        SUGGESTED: QCoreApplication.translate("Highlight", "suggested for redaction"),
        NEEDS_REVIEW: QCoreApplication.translate("Highlight", "needs review"),
        CONFIRMED: QCoreApplication.translate("Highlight", "confirmed, redacted"),
        KEPT: QCoreApplication.translate("Highlight", "kept"),
    }
    return labels[state]


def mention_format(state: str, current: bool, palette: QPalette) -> QTextCharFormat:
    """The character format of one mention; ``current`` marks the selected person's."""
    fmt = QTextCharFormat()
    colour = QColor(COLOURS[state])
    if current:
        colour.setAlpha(min(255, colour.alpha() * 2))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Highlight))
    fmt.setBackground(colour)
    return fmt
