"""Text as a reader would take it in, for a leak check that a disguised name cannot pass.

A name can survive in a copy in forms a plain search does not match: with an invisible
character inside ("Nur\u200blanov", a soft hyphen), in full-width or ligature letters, with a
letter from another script that looks the same (a Cyrillic "а"), escaped as a web page or a
script writes it ("Nurl&#97;nov", "Nurl%61nov", "Nurl\\u0061nov"), or hyphenated across a line
end ("Nurla-\\nnov"). ``normalize`` undoes all of these at once and keeps, for every
character of the result, the offset in the original text it came from, so a finding still
points at the right line and column.
"""

from __future__ import annotations

import html
import re
from array import array
import unicodedata
from urllib.parse import unquote_to_bytes

from redactor.names import fold

# Escapes: a character reference (numeric, or named with its ";"), a run of percent-encoded
# bytes, a JSON or JavaScript escape; and any run of characters beyond ASCII.
_SPECIAL = re.compile(
    r"(?P<ref>&#[xX][0-9a-fA-F]{1,6};?|&#[0-9]{1,7};?|&[a-zA-Z][a-zA-Z0-9]{1,31};)"
    r"|(?P<percent>(?:%[0-9a-fA-F]{2})+)"
    r"|(?P<js>\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\u\{[0-9a-fA-F]{1,6}\}|\\/)"
    r"|(?P<wide>[^\x00-\x7f]+)")
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
# Letters of other scripts that are drawn like Latin ones (after case folding), as the
# Latin letter a reader would take them for.
_LOOK_ALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ӏ": "l", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ɩ": "i", "ɑ": "a", "ο": "o", "α": "a",
    "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j", "ı": "i", "ȷ": "j", "ꞵ": "b",
})


def fold_letters(text: str) -> str:
    """How the leak check compares letters: NFKC, case and diacritics folded, look-alikes
    taken for the Latin letter they resemble, invisible characters gone."""
    folded = fold(unicodedata.normalize("NFKC", text)).translate(_LOOK_ALIKES)
    return "".join(char for char in folded if not invisible(char))


def invisible(char: str) -> bool:
    """Format characters (zero-width space and joiners, soft hyphen, direction marks, tags)
    and variation selectors: they print nothing, and only hide a name from a search."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f" or char == "\u034f"


def normalize(text: str) -> tuple[str, array[int]]:
    """``text`` with escapes decoded and letters folded, and the origin of each character.

    The origins are a typed array, not a list: a list holds an object per character, some
    360 MB for a 10 MB draft, where the array holds 8 bytes a character."""
    out: list[str] = []
    origin = array("q")
    position = 0
    for match in _SPECIAL.finditer(text):
        if match.start() > position:
            out.append(text[position:match.start()].lower())
            origin.extend(range(position, match.start()))
        kind = match.lastgroup
        if kind == "wide":
            for offset, char in enumerate(match.group(), match.start()):
                piece = fold_letters(char)
                out.append(piece)
                origin.extend([offset] * len(piece))
        else:
            piece = fold_letters(_decoded(kind, match.group()))
            out.append(piece)
            origin.extend([match.start()] * len(piece))
        position = match.end()
    out.append(text[position:].lower())
    origin.extend(range(position, len(text)))
    return "".join(out), origin


def joined_hyphenation(folded: str, origin: array[int]) -> tuple[str, array[int]] | None:
    """The folded text with words hyphenated across a line end joined, if it has any."""
    if not _HYPHENATED.search(folded):
        return None
    out: list[str] = []
    kept = array("q")
    position = 0
    for match in _HYPHENATED.finditer(folded):
        out.append(folded[position:match.start()])
        kept.extend(origin[position:match.start()])
        position = match.end()
    out.append(folded[position:])
    kept.extend(origin[position:])
    return "".join(out), kept


def _decoded(kind: str | None, escape: str) -> str:
    if kind == "ref":
        decoded = html.unescape(escape)
        return decoded if decoded != escape else escape.lower()
    if kind == "percent":
        data = unquote_to_bytes(escape)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    if escape == "\\/":
        return "/"
    code = int(escape[3:-1] if escape.startswith("\\u{") else escape[2:], 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
