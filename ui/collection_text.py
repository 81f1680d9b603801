"""A collection's drafts as one text, so the app reviews a folder with its one-draft machinery.

The engine's ``CollectionReview`` lists each person once with the mentions of every file.
The app's review model, persons tree and draft view work on one document's text and
offsets; here the files' texts are laid end to end and every mention moves by its file's
start. Between two files stand a line break (no line runs from one into the next) and a
NUL, which no name search crosses: a typed name must not join the last word of one file to
the first of the next. The view shows one file at a time, never the separator. Deciding
about a person once then decides it in every file, merges and added names reach every
file, and ``split`` turns the decisions back into the engine's collection review for saving
and ``redactor.batch.apply_collection``. No Qt here.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from redactor.collection import CollectionReview, Entry, SharedPerson
from redactor.collection import is_collection as is_collection_review
from redactor.decisions import Decisions, Mention
from redactor.documents import Document
from redactor.formats.textmap import Section

SEPARATOR = "\n\x00"


@dataclass(frozen=True)
class Part:
    """One file of the collection in the joined text: its relative path, where its text
    starts and ends, and the document as read."""

    path: str
    start: int
    end: int
    document: Document


@dataclass(frozen=True)
class CollectionDocument(Document):
    """The drafts of a folder as one document; ``path`` is the folder."""

    parts: tuple[Part, ...] = field(default=())

    def part_at(self, offset: int) -> Part:
        """The file holding ``offset`` (a separator belongs to the file before it)."""
        index = bisect.bisect_right(self.parts, offset, key=lambda part: part.start) - 1
        return self.parts[max(0, index)]

    def place(self, offset: int) -> str:
        """The file's path, and the part of a Word, OpenDocument or HTML file ("c.docx:
        Comment 1"): where a mention is, in the tree's tooltips and the status bar."""
        if not self.parts:
            return ""
        part = self.part_at(offset)
        inner = part.document.place(offset - part.start)
        return f"{part.path}: {inner}" if inner and inner != "Body" else part.path

    def windows(self) -> list[tuple[int, int]]:
        """Each file's stretch of the text, for a view that shows one file at a time."""
        return [(part.start, part.end) for part in self.parts]

    def line(self, offset: int) -> int:
        """The line of ``offset`` in its own file (1 for the first)."""
        part = self.part_at(offset)
        return self.text.count("\n", part.start, offset) + 1


def being_read(folder: Path) -> CollectionDocument:
    """A folder whose drafts are being detected: no text yet, no file to show."""
    return CollectionDocument(path=folder, text="", encoding="utf-8", bom=b"", sha256="")


def is_collection(document: Document | None) -> bool:
    return isinstance(document, CollectionDocument)


def is_collection_file(path: Path) -> bool:
    """Whether ``path`` holds a folder's review (``redactor-collection/1``), not one draft's."""
    try:
        return is_collection_review(json.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False  # the one-draft reader says what is wrong with it


def line_of(document: Document, offset: int) -> int:
    """The line a mention stands on, counted in its own file."""
    if isinstance(document, CollectionDocument):
        return document.line(offset)
    return document.text.count("\n", 0, offset) + 1


def join(root: Path, review: CollectionReview, documents: Mapping[str, Document]
         ) -> tuple[CollectionDocument, Decisions]:
    """One document holding every reviewed file's text, in the review's order, and the
    review's persons with each mention moved to where its file's text starts."""
    parts: list[Part] = []
    texts: list[str] = []
    sections: list[Section] = []
    start = 0
    for entry in review.documents:
        document = documents[entry.path]
        parts.append(Part(entry.path, start, start + len(document.text), document))
        sections += [replace(s, start=s.start + start, end=s.end + start) for s in document.sections]
        texts.append(document.text)
        start += len(document.text) + len(SEPARATOR)
    digest = hashlib.sha256("".join(f"{e.path}\0{e.sha256}\n" for e in review.documents)
                            .encode("utf-8")).hexdigest()
    kinds = {part.document.kind for part in parts}
    joined = CollectionDocument(path=root, text=SEPARATOR.join(texts), encoding="utf-8", bom=b"",
                                sha256=digest, kind="text" if kinds == {"text"} else "collection",
                                sections=tuple(sections), parts=tuple(parts))
    starts = {part.path: part.start for part in parts}
    persons = [replace(shared.person, mentions=[
        _moved(m, starts[path]) for path in starts for m in shared.files.get(path, [])])
        for shared in review.persons]
    return joined, Decisions(str(root), digest, [p for p in persons if p.mentions])


def split(document: CollectionDocument, decisions: Decisions) -> CollectionReview:
    """The engine's collection review of ``decisions`` made on the joined text: each
    person once, each mention back in its own file at its own offsets, each file with the
    hash of the bytes it was read from."""
    persons = []
    for person in decisions.persons:
        files: dict[str, list[Mention]] = {}
        for mention in person.mentions:
            part = document.part_at(mention.start)
            files.setdefault(part.path, []).append(_moved(mention, -part.start))
        persons.append(SharedPerson(replace(person, mentions=[]), files))
    entries = [Entry(part.path, part.document.sha256) for part in document.parts]
    return CollectionReview(entries, persons)


def _moved(mention: Mention, by: int) -> Mention:
    return replace(mention, start=mention.start + by, end=mention.end + by)
