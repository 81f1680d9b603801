"""Reading drafts into text with stable character offsets, and encoding them back.

Offsets in the decisions file index the document's text. For a plain-text draft that is
the decoded file exactly: line endings are not normalised and a BOM is not part of the
text, so encoding the redacted text with the same codec reproduces every untouched byte.
For Word, OpenDocument and HTML it is the text a format reader extracts (``formats``),
with ``sections`` telling the editor where in the file each stretch comes from.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from redactor.errors import DecisionsError, UnreadableDocument
from redactor.formats import (TEXT_SUFFIXES, CleanOptions, Edit, Rebuilt, Section,
                              format_for_kind, format_for_suffix, sniff, supported_suffixes)
from redactor.formats.textmap import ADDRESS, link_safe, splice
from redactor.textcodec import decode

SUFFIXES = TEXT_SUFFIXES + supported_suffixes()
# A web address, the target of a Markdown link or picture ("](photos/x.jpg)"), or of a
# Markdown reference ("[1]: https://...").
_ADDRESSES = (re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?]"),
              re.compile(r"(?<=\]\()[^)\s]+"),
              re.compile(r"(?<=\]:[ ])[^\s]+"))


@dataclass(frozen=True)
class Document:
    """A draft as the engine sees it: its text, and how to write that text back."""

    path: Path
    text: str
    encoding: str
    bom: bytes
    sha256: str
    kind: str = "text"  # "text", or a structured format's kind: "docx", "odt", "html"
    sections: tuple[Section, ...] = ()

    def place(self, offset: int) -> str:
        """Where in the file the text at ``offset`` lives ("Footnote 2"); "" for plain text."""
        index = bisect.bisect_right(self.sections, offset, key=lambda section: section.start) - 1
        while index >= 0:
            section = self.sections[index]
            if section.start <= offset < section.end:
                return section.label
            index -= 1
        return ""

    def encode(self, text: str) -> tuple[bytes, str]:
        """Encode redacted text like the original; fall back to UTF-8 if a character does not fit.

        Returns the bytes and the encoding used, so callers can tell the editor when the
        original encoding could not hold a replacement.
        """
        try:
            return self.bom + text.encode(self.encoding), self.encoding
        except UnicodeEncodeError:
            return text.encode("utf-8"), "utf-8"


def redacted_bytes(document: Document, edits: list[Edit], options: CleanOptions) -> Rebuilt:
    """The redacted file: plain text spliced and encoded like the original; a structured file
    re-read from disk (refused if it changed since it was read) and rebuilt by its format."""
    if document.kind == "text":
        data, encoding = document.encode(splice(document.text, _link_safe_in_addresses(document, edits)))
        return Rebuilt(data, () if encoding == document.encoding else
                       (f"A replacement does not fit {document.encoding}: saved as UTF-8",),
                       encoding)
    raw = read_bytes(document.path, any_suffix=True)
    if hashlib.sha256(raw).hexdigest() != document.sha256:
        raise DecisionsError(f"{document.path.name} changed on disk since it was opened; "
                             "open it again")
    try:
        return format_for_kind(document.kind).rebuild(raw, edits, options)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{document.path.name}: {error}") from None


def addresses(text: str) -> tuple[Section, ...]:
    """The web addresses of a plain-text draft and the targets of its Markdown links and
    pictures ("photos/bezshan-nurlanov.jpg"): addresses (``Section.kind``), where names are
    also found as markup writes them."""
    spans = sorted({match.span() for pattern in _ADDRESSES for match in pattern.finditer(text)})
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Section(start, end, "", ADDRESS) for start, end in merged)


def _link_safe_in_addresses(document: Document, edits: list[Edit]) -> list[Edit]:
    """A replacement written into an address stays one word of it ("name-withheld")."""
    spans = [(s.start, s.end) for s in document.sections if s.kind == ADDRESS]
    return [Edit(e.start, e.end, link_safe(e.new)) if any(a <= e.start < b for a, b in spans)
            else e for e in edits]


def read_document(path: str | Path, any_suffix: bool = False) -> Document:
    """Read a draft (.txt, .md, .docx, .odt, .html), refusing anything that is not readable.

    ``any_suffix`` lets the leak check read a copy saved under another name: its format is
    then told by its content.
    """
    path = Path(path)
    return parse_document(path, read_bytes(path, any_suffix), any_suffix)


def parse_document(path: Path, raw: bytes, any_suffix: bool = False) -> Document:
    """A document from bytes already read: a draft from disk, or a copy not yet written,
    which the second reading checks before it may be saved under its requested name."""
    fmt = sniff(raw, path.suffix) if any_suffix else format_for_suffix(path.suffix)
    sha256 = hashlib.sha256(raw).hexdigest()
    try:
        if fmt is None:
            text, encoding, bom = decode(raw)
            return Document(path=path, text=text, encoding=encoding, bom=bom, sha256=sha256,
                            sections=addresses(text))
        extracted = fmt.extract(raw)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{path.name}: {error}") from None
    if not extracted.text.strip() and not any_suffix:  # a copy may have nothing left to show
        raise UnreadableDocument(f"{path.name}: the {fmt.label} has no text to review")
    return Document(path=path, text=extracted.text, encoding=extracted.encoding,
                    bom=extracted.bom, sha256=sha256, kind=fmt.kind, sections=extracted.sections)


def read_bytes(path: Path, any_suffix: bool = True) -> bytes:
    """A file's bytes, refused with a reason when it is a folder, missing, empty or (unless
    ``any_suffix``) of a kind Redactor does not read."""
    if path.is_dir():
        raise UnreadableDocument(f"{path.name}: is a folder, not a document")
    if not any_suffix and path.suffix.lower() not in SUFFIXES:
        kinds = ", ".join(SUFFIXES)
        raise UnreadableDocument(f"{path.name}: unsupported file type (supported: {kinds})")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(f"{path.name}: no such file") from None
    except OSError as error:
        raise UnreadableDocument(f"{path.name}: cannot be read ({error.strerror})") from None
    if not raw.strip():
        raise UnreadableDocument(f"{path.name}: the file is empty")
    return raw


