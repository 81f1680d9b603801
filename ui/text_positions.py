"""Offsets into a Python string and positions in the QTextDocument showing it, both ways.

The engine's offsets count code points of the draft's text exactly as read. A
``QPlainTextEdit`` showing that text counts differently in two cases: a "\\r\\n" line end
becomes one paragraph break (one position for two characters), and a character beyond the
Basic Multilingual Plane (an emoji) takes two UTF-16 positions. Left unmapped, every
highlight after the first Windows line end sits one character off per line, and a name the
editor selects to redact is recorded at the wrong offsets. Every other character, a lone
"\\r" included, takes exactly one position.
"""

from __future__ import annotations

import bisect
import re

_SHIFTS = re.compile("\r\n|[\U00010000-\U0010FFFF]")


class PositionMap:
    """String offsets to view positions and back, for one text (identity for ASCII with LF).

    ``base`` is where the shown text starts in a longer one (a collection's files are one
    text, shown a file at a time): offsets stay those of the longer text.
    """

    def __init__(self, text: str, base: int = 0) -> None:
        self.base = base
        self._offsets: list[int] = []  # string offsets from which the shift changes...
        self._positions: list[int] = []  # ...the same points as view positions...
        self._shifts: list[int] = []  # ...and the shift (position - offset) from there on
        if text.isascii() and "\r\n" not in text:
            return
        shift = 0
        for match in _SHIFTS.finditer(text):
            if match.group() == "\r\n":
                shift -= 1
                point = match.end()  # the "\n" after "\r" has no position of its own
            else:
                shift += 1
                point = match.end()  # the character after the emoji is one further on
            self._offsets.append(point)
            self._positions.append(point + shift)
            self._shifts.append(shift)

    def to_view(self, offset: int) -> int:
        """The view position of the string offset ``offset``."""
        offset -= self.base
        index = bisect.bisect_right(self._offsets, offset) - 1
        return offset + (self._shifts[index] if index >= 0 else 0)

    def to_text(self, position: int) -> int:
        """The string offset at view position ``position`` (between an emoji's halves: after it)."""
        index = bisect.bisect_right(self._positions, position) - 1
        return position - (self._shifts[index] if index >= 0 else 0) + self.base
