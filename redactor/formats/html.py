"""HTML pages: the text a reader sees, and the names markup hides, redacted in place.

The page is tokenised by the standard library's ``HTMLParser`` with character references
left alone, so every piece of text maps to an exact range of the decoded source: a run of
data, one ``&eacute;``, one attribute value, one comment. A redacted copy is the source
with only the touched ranges rewritten: tags, whitespace and every other byte stay as they
were, in the page's own encoding. Text a reader does not see but that still carries names
(alt text, link targets, metadata, comments, JSON-LD) is extracted too, each on its own
line after the block it belongs to, so it never splits a sentence the detector reads.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.entities import html5
# The parser's own patterns, so attribute values are found exactly where it found them.
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.textmap import Edit, Piece, TextBuilder, split_edits, splice
from redactor.textcodec import decode

# Elements that start a new line when rendered: words on either side never join.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "nav", "noscript", "ol", "option", "p", "pre", "script", "section", "style",
    "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
})
# Attributes a reader sees, or whose value (a mailto: or profile link) can carry a name.
_ATTRIBUTE_LABELS = {
    "alt": "Alt text", "title": "Title attribute", "aria-label": "Accessible label",
    "href": "Link target", "src": "Source address", "cite": "Quote source",
}
_META_KEYS = ("name", "property", "itemprop")  # <meta name="author" content="...">
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([-\w:.]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_READ_AS_WINDOWS_1252 = frozenset({"ascii", "iso8859-1"})
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")


@dataclass(frozen=True)
class _Slot:
    """A range of the decoded source and how an edited piece is written back there.

    ``text`` (data), ``raw`` (comment-like) and ``json`` (JSON-LD) pieces are the source
    itself and are spliced in place; a ``ref`` (one character reference) and an ``attr`` or
    unquoted ``bare`` attribute value are decoded text and are rewritten whole.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Item:
    """A piece of text in source order; an ``aside`` waits for the end of its block."""

    text: str
    slot: _Slot
    label: str
    aside: bool = False


_BREAK = None  # an item meaning "a block starts or ends here"


class _Tokenizer(HTMLParser):
    """Turns the page into items and block breaks, each item with its exact source range."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.items: list[_Item | None] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._in_title = False
        self._json_script = False

    def _offset(self) -> int:
        """Where the token being handled starts in the source (the parser counts "\\n" only)."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _add(self, text: str, slot: _Slot, label: str, aside: bool = False) -> None:
        if slot.kind in ("text", "raw", "json") and self.source[slot.start:slot.end] != text:
            # Writing at a wrong offset would corrupt the page; refuse instead.
            raise UnreadableDocument("the HTML reader lost its place in the page")
        self.items.append(_Item(text, slot, label, aside))

    def _label(self) -> str:
        return "Page title" if self._in_title else "Body"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.items.append(_BREAK)
        self._in_title = self._in_title or tag == "title"
        values = self._attributes(tag, self._offset(), self.get_starttag_text() or "")
        if tag == "script":
            self._json_script = "json" in values.get("type", "").lower()

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        if tag in _BLOCKS:
            self.items.append(_BREAK)

    def _attributes(self, tag: str, start: int, tag_text: str) -> dict[str, str]:
        """Add the attribute values worth reading as asides; return all values by name."""
        spans = list(_attribute_spans(tag_text))
        values: dict[str, str] = {}
        for name, lo, hi, _ in spans:
            values.setdefault(name, _attribute_text(tag_text[lo:hi]))
        meta_key = next((values[k] for k in _META_KEYS if values.get(k)), "")
        meta_key = meta_key if tag == "meta" else ""
        for name, lo, hi, quoted in spans:
            label = (f"Page metadata: {meta_key}" if name == "content" and meta_key
                     else _ATTRIBUTE_LABELS.get(name))
            if label:
                slot = _Slot(start + lo, start + hi, "attr" if quoted else "bare")
                self._add(_attribute_text(tag_text[lo:hi]), slot, label, aside=True)
        return values

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if not self.cdata_elem:
            self._add(data, _Slot(start, start + len(data), "text"), self._label())
        elif self.cdata_elem == "script" and self._json_script:  # other scripts and styles: code
            self._add(data, _Slot(start, start + len(data), "json"), "Structured data")

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        start = self._offset()
        end = start + length + self.source.startswith(";", start + length)
        self._add(html.unescape(self.source[start:end]), _Slot(start, end, "ref"), self._label())

    def handle_comment(self, data: str) -> None:
        prefix = 4 if self.source.startswith("<!--", self._offset()) else 2  # "<!--" or "<!"/"</"
        self._hidden(data, prefix, "HTML comment")

    def unknown_decl(self, data: str) -> None:
        cdata = data.startswith("CDATA[")
        self._hidden(data[6:] if cdata else data, 9 if cdata else 3, "Marked section")

    def handle_pi(self, data: str) -> None:
        self._hidden(data, 2, "Processing instruction")

    def _hidden(self, data: str, prefix: int, label: str) -> None:
        start = self._offset() + prefix
        self._add(data, _Slot(start, start + len(data), "raw"), label, aside=True)

    def finish(self) -> None:
        """Keep what an unclosed <script> or <style> swallowed: the rest of the file."""
        if self.rawdata:
            start = len(self.source) - len(self.rawdata)
            slot = _Slot(start, len(self.source), "raw")
            self._add(self.rawdata, slot, f"Unclosed <{self.cdata_elem}>")


def _attribute_spans(tag_text: str) -> Iterator[tuple[str, int, int, bool]]:
    """(name, start, end, quoted) of each attribute value in a raw start tag, quotes excluded."""
    match = tagfind_tolerant.match(tag_text, 1)
    position = match.end() if match else len(tag_text)
    while position < len(tag_text) and (match := attrfind_tolerant.match(tag_text, position)):
        if match.group(2):
            start, end = match.span(3)
            quoted = tag_text[start:start + 1] in ("'", '"')
            yield match.group(1).lower(), start + quoted, end - quoted, quoted
        position = match.end()


def _attribute_text(raw: str) -> str:
    """An attribute value as a browser reads it: ``html.unescape``, except that a named
    reference without ";" followed by "=" or an alphanumeric stays as written (HTML5), so
    "?id=1&copy=2" in a link is not read, nor written back, as "?id=1©=2"."""

    def replace(match: re.Match[str]) -> str:
        ref = match.group()
        legacy = not ref.endswith(";") and ref[1] != "#"
        if legacy and (ref[1:] not in html5 or raw.startswith("=", match.end())):
            return ref
        return html.unescape(ref)

    return _REFERENCE.sub(replace, raw)


def _tokens(source: str) -> list[_Item | None]:
    tokenizer = _Tokenizer(source)
    try:
        tokenizer.feed(source)
        # Python 3.12's parser stops at each "&#" without digits until more data comes;
        # feeding nothing resumes it, whereas close() would take the rest as plain text.
        remaining = -1
        while 0 < len(tokenizer.rawdata) != remaining:
            remaining = len(tokenizer.rawdata)
            tokenizer.feed("")
        tokenizer.close()
    except AssertionError:  # how the parser refuses a "<![" it cannot make sense of
        raise UnreadableDocument("the page has markup the HTML reader cannot parse") from None
    tokenizer.finish()
    return tokenizer.items


def _layout(items: list[_Item | None]) -> TextBuilder:
    """Lay the items out as text: blocks as lines, each aside on its own line after its block."""
    builder = TextBuilder()
    line: list[_Item] = []
    asides: list[_Item] = []

    def flush_line() -> None:
        if line:
            with builder.section(line[0].label):
                for item in line:
                    builder.add(item.text, item.slot)
            line.clear()

    for item in [*items, _BREAK]:
        if item is None:  # _BREAK
            flush_line()
            builder.end_line()
            for aside in asides:
                with builder.section(aside.label):
                    builder.add(aside.text, aside.slot)
                builder.end_line()
            asides.clear()
        elif item.aside:
            asides.append(item)
        else:
            if line and line[-1].label != item.label:
                flush_line()
            line.append(item)
    return builder


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


def _read(raw: bytes) -> tuple[str, str, bytes, TextBuilder]:
    source, encoding, bom = _decode(raw)
    return source, encoding, bom, _layout(_tokens(source))


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_json(text: str) -> str:
    """Text for inside a JSON string in a <script>: quotes escaped, no "</script>" possible."""
    escaped = json.dumps(text)[1:-1]
    return escaped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Spliced kinds escape only the inserted text; rewritten kinds escape their whole new value.
_ESCAPE_INSERTED: dict[str, Callable[[str], str]] = {
    "text": _escape_text, "raw": _escape_text, "json": _escape_json}
_ESCAPE_WHOLE: dict[str, Callable[[str], str]] = {
    "ref": _escape_text, "attr": html.escape, "bare": lambda value: f'"{html.escape(value)}"'}


def _rewrite(piece: Piece, local: list[Edit]) -> str:
    """The source text that replaces ``piece``'s range once its local edits are applied."""
    kind = piece.slot.kind
    if kind in _ESCAPE_INSERTED:
        escape = _ESCAPE_INSERTED[kind]
        return splice(piece.text, [Edit(e.start, e.end, escape(e.new)) for e in local])
    return _ESCAPE_WHOLE[kind](splice(piece.text, local))


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


def _apply(source: str, changes: dict[int, tuple[int, str]]) -> str:
    out: list[str] = []
    position = 0
    for start in sorted(changes):
        end, text = changes[start]
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
        _, encoding, bom, builder = _read(raw)
        return Extracted(builder.text, builder.sections, encoding, bom)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        """Only edited ranges change; the page keeps its encoding (a character it cannot hold
        is written as a character reference) and its comments, whose text was reviewed too."""
        source, encoding, bom, builder = _read(raw)
        out = _apply(source, _changes(source, builder.pieces, edits))
        return Rebuilt(bom + out.encode(encoding, errors="xmlcharrefreplace"))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        """The whole source, and again with references decoded ("Jos&eacute;" is "José")."""
        source = _decode(raw)[0]
        decoded = html.unescape(source)
        return [("HTML source", source)] + ([("HTML source, references decoded", decoded)]
                                            if decoded != source else [])


HTML = _Html()
