"""The extracted text of a structured document, and where each piece of it lives in the file.

A Word, OpenDocument or HTML file keeps its text in many places: runs, attributes, other
parts. A reader walks the file once, in reading order, appending each place's text as a
``Piece`` with a handle (``slot``) that only the format knows how to write back. Text the
reader adds for readability (a newline between paragraphs, a tab) has no slot and is never
written. Replacements arrive as ``Edit``s on the extracted text; ``split_edits`` turns them
into edits local to each slot, so a name split across runs is replaced in the first run (and
keeps that run's formatting) and removed from the others.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


# Kinds of section that are not prose: the model never reads them as sentences; names found
# elsewhere in the document are still found in them (``redactor.markup``). An ADDRESS in a
# plain-text draft is read by the model too (a profile link may be the only place a name is).
CODE, URL, IDENTIFIER, ADDRESS = "code", "url", "identifier", "address"


@dataclass(frozen=True)
class Section:
    """A stretch of the extracted text and the place in the file it comes from, for the editor.

    ``kind`` is "" for text a reader reads (prose, a caption, a property), or ``CODE`` (a
    script's strings, a style), ``URL`` (a link, a picture's address), ``IDENTIFIER`` (a
    class name, an element id) or ``ADDRESS`` (a web address in a plain-text draft): markup.
    """

    start: int
    end: int
    label: str
    kind: str = ""


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of the extracted text with ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Piece:
    """Text that lives in one place of the file (``slot``), starting at ``start`` in the text."""

    start: int
    text: str
    slot: Any

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class TextBuilder:
    """Collects pieces and labelled sections while a reader walks a file."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._length = 0
        self.pieces: list[Piece] = []
        self._sections: list[Section] = []

    def add(self, text: str, slot: Any = None) -> None:
        """Append ``text``; with a ``slot`` it is the file's text and may be edited."""
        if not text:
            return
        if slot is not None:
            self.pieces.append(Piece(self._length, text, slot))
        self._chunks.append(text)
        self._length += len(text)

    def end_line(self) -> None:
        """End the current line, unless it is already ended (or nothing was written)."""
        if self._chunks and not self._chunks[-1].endswith("\n"):
            self.add("\n")

    def blank_line(self) -> None:
        """Separate what follows from what came before by an empty line, so no sentence spans both."""
        self.end_line()
        if self._chunks and not "".join(self._chunks[-2:]).endswith("\n\n"):
            self.add("\n")

    @contextmanager
    def section(self, label: str, kind: str = "") -> Iterator[None]:
        """Label everything appended inside the block with ``label`` (e.g. "Footnote 2")."""
        start = self._length
        yield
        if self._length > start:
            self._sections.append(Section(start, self._length, label, kind))

    def mark(self, start: int, end: int, label: str, kind: str = "") -> None:
        """Label a stretch already appended, inside a larger section (a field code's quoted
        argument, which is text, inside the field code, which is not)."""
        if end > start:
            self._sections.append(Section(start, end, label, kind))

    @property
    def length(self) -> int:
        return self._length

    @property
    def text(self) -> str:
        return "".join(self._chunks)

    @property
    def sections(self) -> tuple[Section, ...]:
        """Sections in text order; a section nested in another comes before it at equal start."""
        return tuple(sorted(self._sections, key=lambda s: (s.start, s.end - s.start)))


def split_edits(pieces: Sequence[Piece], edits: Sequence[Edit]) -> dict[int, list[Edit]]:
    """Edits local to each piece (by index): the replacement goes to the first piece an edit
    touches, and the rest of the edited span is cut from the pieces after it."""
    starts = [piece.start for piece in pieces]
    local: dict[int, list[Edit]] = {}
    for edit in sorted(edits, key=lambda e: e.start):
        index = max(bisect.bisect_right(starts, edit.start) - 1, 0)
        placed = False
        while index < len(pieces) and pieces[index].start < max(edit.end, edit.start + 1):
            piece = pieces[index]
            lo, hi = max(edit.start, piece.start), min(edit.end, piece.end)
            if hi > lo or (edit.start == edit.end and piece.start <= edit.start <= piece.end):
                new = "" if placed else edit.new
                local.setdefault(index, []).append(Edit(lo - piece.start, hi - piece.start, new))
                placed = True
            index += 1
    return local


def splice(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping local edits applied."""
    out: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[position:edit.start])
        out.append(edit.new)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def link_safe(value: str) -> str:
    """A replacement that keeps an address or a class name one word: "[name withheld]"
    becomes "name-withheld"."""
    return re.sub(r"[^\w.~-]+", "-", value).strip("-")
