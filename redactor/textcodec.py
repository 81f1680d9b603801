"""Decoding a text file's bytes without losing any: the BOM and the codec are kept to write back.

Shared by plain-text drafts and HTML, whose markup is text too.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from redactor.errors import UnreadableDocument

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
# A UTF-8 sequence for a character beyond ASCII: a draft holding any is UTF-8 at heart.
_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_FALLBACK = "redactor-cp1252-fallback"
_WORDS = re.compile(r"[^\W\d_]+")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Read a stray byte in UTF-8 text as Windows-1252, the usual source of a pasted paragraph.

    Guessing one legacy code page for the whole file instead would garble every name written
    in UTF-8 ("Žaneta" as "ŇĹaneta"), and the detector would miss them. The copy is then
    saved as UTF-8 throughout: only the stray bytes change, into the characters they meant.
    """
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start:error.end]
    return chunk.decode("cp1252", errors="replace"), error.end


codecs.register_error(_FALLBACK, _cp1252_fallback)


def decode(raw: bytes) -> tuple[str, str, bytes]:
    """Decode bytes to (text, encoding, bom); raise ``UnreadableDocument`` for binary data.

    A draft pieced together from several sources can hold a paragraph in another legacy
    encoding than the rest (a Russian quote pasted into a Windows-1252 draft). Each line that
    does not read as the rest does is decoded on its own, in the encoding that reads it
    most plausibly and gives back exactly its bytes; such a draft is written back as UTF-8.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], encoding), encoding, bom
    if b"\x00" in raw:
        raise UnreadableDocument("the file is binary, not text (it contains NUL bytes)")
    try:
        return _checked(raw.decode("utf-8")), "utf-8", b""
    except UnicodeDecodeError:
        pass
    if _MULTIBYTE.search(raw):
        return _checked(_by_line(raw, "utf-8")), "utf-8", b""
    guess = from_bytes(raw).best()
    if guess is None:
        raise UnreadableDocument("the file is not text in any encoding we recognise")
    text = _checked(str(guess))
    # Keep byte-for-byte fidelity: a guess that does not round-trip would alter untouched text.
    if text.encode(guess.encoding, "strict") != raw:
        return raw.decode("latin-1"), "latin-1", b""
    mixed = _by_line(raw, guess.encoding)
    return (text, guess.encoding, b"") if mixed == text else (_checked(mixed), "utf-8", b"")


def _by_line(raw: bytes, primary: str) -> str:
    """Each line in ``primary`` if it reads plainly so, else in the most plausible of
    ``primary`` (with stray bytes as Windows-1252), Windows-1252 and a guess for the line."""
    out = []
    for line in raw.splitlines(keepends=True):
        candidates = [primary, "cp1252"]
        try:
            plain = line.decode(primary)
            if not _oddity(plain):
                out.append(plain)
                continue
        except UnicodeDecodeError:
            pass
        guess = from_bytes(line).best() if line.strip() else None
        if guess is not None:
            candidates.append(guess.encoding)
        readings = [reading for codec in candidates if (reading := _reading(line, codec)) is not None]
        out.append(min(readings, key=_oddity) if readings else line.decode(primary, _FALLBACK))
    return "".join(out)


def _reading(line: bytes, codec: str) -> str | None:
    """``line`` decoded in ``codec`` if that gives back exactly its bytes, else None."""
    try:
        text = line.decode(codec)
        return text if text.encode(codec) == line else None
    except (UnicodeError, LookupError):
        return None


def _oddity(text: str) -> int:
    """How much a decoding looks like mojibake: words mixing scripts ("Sшren") and words of
    accented Latin letters only ("Íóðëàíîâ", Cyrillic read as Windows-1252)."""
    score = 0
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        scripts = {unicodedata.name(char, "?").split()[0] for char in word}
        if len(scripts) > 1:
            score += 2
        elif len(word) >= 4 and not any(char.isascii() for char in word) and scripts == {"LATIN"}:
            score += 1
    return score


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
