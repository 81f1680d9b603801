"""Reading drafts into text with stable character offsets, and encoding them back.

Offsets in the decisions file index the decoded text exactly as it is in the file:
line endings are not normalised and a BOM is not part of the text, so encoding the
redacted text with the same codec reproduces every untouched byte.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from redactor.errors import UnreadableDocument

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, newline, form feed and carriage return do not occur in
# drafts; a share of them this high means the bytes are not text in the guessed encoding.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Document:
    """A draft as the engine sees it: its text, and how to write that text back."""

    path: Path
    text: str
    encoding: str
    bom: bytes
    sha256: str

    def encode(self, text: str) -> tuple[bytes, str]:
        """Encode redacted text like the original; fall back to UTF-8 if a character does not fit.

        Returns the bytes and the encoding used, so callers can tell the editor when the
        original encoding could not hold a replacement.
        """
        try:
            return self.bom + text.encode(self.encoding), self.encoding
        except UnicodeEncodeError:
            return text.encode("utf-8"), "utf-8"


def sha256_of(path: Path) -> str:
    """Hash a file's bytes, so a review cannot be applied to a different draft."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_document(path: str | Path, any_suffix: bool = False) -> Document:
    """Read a .txt or .md draft, refusing anything that is not readable text.

    ``any_suffix`` lets the leak check read a copy saved under another name.
    """
    path = Path(path)
    raw = _read_bytes(path, any_suffix)
    try:
        text, encoding, bom = decode(raw)
    except UnreadableDocument as error:
        raise UnreadableDocument(f"{path.name}: {error}") from None
    return Document(path=path, text=text, encoding=encoding, bom=bom,
                    sha256=hashlib.sha256(raw).hexdigest())


def _read_bytes(path: Path, any_suffix: bool) -> bytes:
    if path.is_dir():
        raise UnreadableDocument(f"{path.name}: is a folder, not a document")
    if not any_suffix and path.suffix.lower() not in TEXT_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES))
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


def decode(raw: bytes) -> tuple[str, str, bytes]:
    """Decode bytes to (text, encoding, bom); raise ``UnreadableDocument`` for binary data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], encoding), encoding, bom
    if b"\x00" in raw:
        raise UnreadableDocument("the file is binary, not text (it contains NUL bytes)")
    try:
        return _checked(raw.decode("utf-8")), "utf-8", b""
    except UnicodeDecodeError:
        pass
    guess = from_bytes(raw).best()
    if guess is None:
        raise UnreadableDocument("the file is not text in any encoding we recognise")
    text = _checked(str(guess))
    # Keep byte-for-byte fidelity: a guess that does not round-trip would alter untouched text.
    encoding = guess.encoding if text.encode(guess.encoding, "strict") == raw else "latin-1"
    return (text if encoding == guess.encoding else raw.decode("latin-1")), encoding, b""


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return _checked(raw.decode(encoding))
    except UnicodeDecodeError:
        raise UnreadableDocument(f"the file claims to be {encoding} but is not valid {encoding}") from None


def _checked(text: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(text) + 1:
        raise UnreadableDocument("the file is binary, not text (it contains control bytes)")
    if not text.strip():
        raise UnreadableDocument("the file is empty")
    return text
