"""Structured document formats: Word (.docx), OpenDocument (.odt) and HTML.

Each format reads a file's bytes into one extracted text (every place that carries text,
in reading order, with a label per place) and writes a copy with edits on that text
applied where the text lives, cleaned of what a redacted copy must not carry. The same
bytes always give the same text, so offsets in a review stay valid until the file changes.
Plain text needs none of this and is handled in ``redactor.documents``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from redactor.formats.textmap import Edit, Section


@dataclass(frozen=True)
class Extracted:
    """What a reader found: the text, its labelled places, and the codec for text-based formats."""

    text: str
    sections: tuple[Section, ...]
    encoding: str = ""
    bom: bytes = b""


@dataclass(frozen=True)
class CleanOptions:
    """What the editor chose to keep when saving; everything else personal is cleaned.

    Embedded objects (other documents, workbooks, OLE objects, a document's older versions)
    and picture metadata are removed unless kept here; whatever is kept is still searched
    by the leak check, so a name inside it stops the copy from being called clean.
    """

    keep_comments: bool = False
    keep_embedded: bool = False
    keep_image_metadata: bool = False


@dataclass(frozen=True)
class Rebuilt:
    """The redacted file's bytes, the text encoding used if the format has one, and, for the
    editor, what was cleaned besides the names."""

    data: bytes
    cleaned: tuple[str, ...] = ()
    encoding: str = ""


class Format(Protocol):
    """A document format the engine can read, redact and write back in the same format."""

    kind: str
    label: str
    suffixes: tuple[str, ...]

    def extract(self, raw: bytes) -> Extracted:
        """The text of every place in the file that carries text, in reading order."""

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        """The file with ``edits`` (offsets into ``extract(raw).text``) applied, then cleaned."""

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        """Every string stored in the file (part names, text, attribute values) with its place,
        for a leak check that does not depend on the reader having found everything."""


TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")  # plain text: no format reads these


@functools.cache
def _registry() -> dict[str, Format]:
    from redactor.formats.docx import DOCX
    from redactor.formats.html import HTML
    from redactor.formats.odt import ODT
    from redactor.formats.rtf import RTF

    return {suffix: fmt for fmt in (DOCX, ODT, HTML, RTF) for suffix in fmt.suffixes}


def format_for_suffix(suffix: str) -> Format | None:
    """The format that reads files ending in ``suffix`` (".docx"), or None for plain text."""
    return _registry().get(suffix.lower())


def format_for_kind(kind: str) -> Format:
    """The format a document of ``kind`` ("docx") was read with."""
    return next(fmt for fmt in _registry().values() if fmt.kind == kind)


def sniff(raw: bytes, suffix: str = "") -> Format | None:
    """The format of ``raw`` by its content, for a redacted copy saved under any name.

    A zip or an RTF document is told by its content; otherwise a name that says what the
    file is decides (an HTML fragment saved as .html has no <html> to show for it), and a
    page with no such name is told by its first tags.
    """
    registry = _registry()
    if raw[:64].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{\\rtf"):
        return registry[".rtf"]
    if raw.startswith(b"PK\x03\x04"):
        from redactor.formats.containers import zip_names

        names = set(zip_names(raw))
        if "content.xml" in names or b"application/vnd.oasis.opendocument.text" in raw[:200]:
            return registry[".odt"]
        if names & {"[Content_Types].xml", "_rels/.rels", "word/document.xml"}:
            return registry[".docx"]
        return None
    if suffix.lower() in registry and suffix.lower() != ".rtf":
        return registry[suffix.lower()]
    if suffix.lower() in TEXT_SUFFIXES:
        return None
    if _looks_like_html(raw[:4096]):
        return registry[".html"]
    return None


def _looks_like_html(head: bytes) -> bool:
    """An HTML page or fragment in any of the encodings a BOM announces (UTF-16 included)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(codec, "ignore").encode("utf-8")
            break
    start = head.lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<!--")) or b"<html" in start or bool(
        re.match(rb"<[a-z][a-z0-9]*[\s/>]", start) and re.search(rb"</[a-z][a-z0-9]*\s*>", start))


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_registry()))


__all__ = ["CleanOptions", "Edit", "Extracted", "Format", "Rebuilt", "Section", "TEXT_SUFFIXES",
           "format_for_kind", "format_for_suffix", "sniff", "supported_suffixes"]
