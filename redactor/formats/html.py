"""HTML pages: the text a reader sees, and the names markup hides, redacted in place.

``html_reader`` maps every piece of text to an exact range of the decoded source. A
redacted copy is the source with only the touched ranges rewritten: tags, whitespace and
every other byte stay as they were, in the page's own encoding. A replacement written into
a URL or a class name is made safe for one ("name-withheld"); one written into a script's
string is escaped for it. The copy loses its comments (never read) and the metadata tags
that name the page's author or its tools.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Callable, Sequence

from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.html_reader import Page, layout, tokenize
from redactor.formats.textmap import Edit, Piece, TextBuilder, link_safe, split_edits, splice
from redactor.textcodec import decode

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([-\w:.]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_READ_AS_WINDOWS_1252 = frozenset({"ascii", "iso8859-1"})


def _decode(raw: bytes) -> tuple[str, str, bytes]:
    """Decode like a plain-text draft, except that a page that is neither UTF-8 nor marked by
    a BOM is read in the charset it declares, if that reads it whole: a guess from a few
    accented letters can take windows-1252 for windows-1250 and garble a name."""
    source, encoding, bom = decode(raw)
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if bom or encoding == "utf-8" or declared is None:
        return source, encoding, bom
    try:
        charset = codecs.lookup(declared.group(1).decode("ascii")).name
        charset = "cp1252" if charset in _READ_AS_WINDOWS_1252 else charset
        text = raw.decode(charset)
    except (LookupError, UnicodeError):
        return source, encoding, bom
    return (text, charset, b"") if text.encode(charset) == raw else (source, encoding, bom)


def _read(raw: bytes) -> tuple[str, str, bytes, TextBuilder, Page]:
    source, encoding, bom = _decode(raw)
    page = tokenize(source)
    return source, encoding, bom, layout(page.items), page


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_script(text: str) -> str:
    """Text for inside a string of a script (JSON or JavaScript, any quotes): no quote can
    end the string, no "</script>" can end the script."""
    escaped = json.dumps(text)[1:-1]
    for char in "<>&'`$":
        escaped = escaped.replace(char, f"\\u{ord(char):04x}")
    return escaped


# Spliced kinds escape only the inserted text; rewritten kinds escape their whole new value.
_ESCAPE_INSERTED: dict[str, Callable[[str], str]] = {
    "text": _escape_text, "raw": _escape_text, "json": _escape_script}
_ESCAPE_WHOLE: dict[str, Callable[[str], str]] = {
    "ref": _escape_text, "attr": html.escape, "bare": lambda value: f'"{html.escape(value)}"'}


def _rewrite(piece: Piece, local: list[Edit]) -> str:
    """The source text that replaces ``piece``'s range once its local edits are applied."""
    slot = piece.slot
    if slot.safe:
        local = [Edit(e.start, e.end, link_safe(e.new)) for e in local]
    if slot.kind in _ESCAPE_INSERTED:
        escape = _ESCAPE_INSERTED[slot.kind]
        return splice(piece.text, [Edit(e.start, e.end, escape(e.new)) for e in local])
    return _ESCAPE_WHOLE[slot.kind](splice(piece.text, local))


def _changes(source: str, pieces: list[Piece], edits: Sequence[Edit]) -> dict[int, tuple[int, str]]:
    """The new source text of every range an edit touches, by start: {start: (end, text)}."""
    changes: dict[int, tuple[int, str]] = {}
    edited_from_start: list[int] = []
    for index, local in split_edits(pieces, edits).items():
        slot = pieces[index].slot
        changes[slot.start] = (slot.end, _rewrite(pieces[index], local))
        if local[0].start == 0:
            edited_from_start.append(slot.start)
    for start in edited_from_start:
        # A bare "&" or "<" before an edit must not join what follows into a reference or tag.
        if source[start - 1:start] in ("&", "<") and start - 1 not in changes:
            changes[start - 1] = (start, _escape_text(source[start - 1]))
    return changes


def _cleaning(page: Page) -> tuple[dict[int, tuple[int, str]], list[str]]:
    """Ranges a copy drops: comments, which are not read (in a draft, notes; in a published
    page, markup), and the author and generator metadata tags (left as a bare ``<meta>``,
    so the page keeps its shape)."""
    drops: dict[int, tuple[int, str]] = {}
    steps = []
    if page.comments:
        drops.update({start: (end, "") for start, end in page.comments})
        steps.append(f"Removed {len(page.comments)} HTML comment(s)")
    if page.personal_meta:
        drops.update({start: (end, bare) for start, end, bare in page.personal_meta})
        steps.append(f"Removed {len(page.personal_meta)} metadata tag(s) naming the author or tools")
    return drops, steps


def _apply(source: str, changes: dict[int, tuple[int, str]], drops: dict[int, tuple[int, str]]) -> str:
    """The source with every change made; a change inside a dropped range goes with it."""
    out: list[str] = []
    position = 0
    merged = {**changes, **drops}
    for start in sorted(merged):
        end, text = merged[start]
        if start < position:
            continue
        out += [source[position:start], text]
        position = end
    out.append(source[position:])
    return "".join(out)


class _Html:
    """The HTML format: see the module docstring."""

    kind = "html"
    label = "HTML page"
    suffixes = (".html", ".htm")

    def extract(self, raw: bytes) -> Extracted:
        _, encoding, bom, builder, _ = _read(raw)
        return Extracted(builder.text, builder.sections, encoding, bom)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        """Only edited and cleaned ranges change; the page keeps its encoding (a character it
        cannot hold is written as a character reference)."""
        source, encoding, bom, builder, page = _read(raw)
        drops, steps = _cleaning(page)
        out = _apply(source, _changes(source, builder.pieces, edits), drops)
        return Rebuilt(bom + out.encode(encoding, errors="xmlcharrefreplace"), tuple(steps))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        """The whole source, and again with references decoded ("Jos&eacute;" is "José")."""
        source = _decode(raw)[0]
        decoded = html.unescape(source)
        return [("HTML source", source)] + ([("HTML source, references decoded", decoded)]
                                            if decoded != source else [])


HTML = _Html()
