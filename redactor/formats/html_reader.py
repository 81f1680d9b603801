"""Reading an HTML page into pieces of text, each with its exact range in the decoded source.

The page is tokenised by the standard library's ``HTMLParser`` with character references
left alone, so every piece maps to a range of the source: a run of data, one ``&eacute;``,
one attribute value, one string of a script. What a reader sees (the body, the title) is
laid out as lines of prose; what the page keeps beside it (alt text, link targets,
metadata, JSON-LD values, class names, script strings) follows its block, one piece per
line, each labelled and typed by kind: prose and fields are read by the model, code, URLs
and identifiers are not (``textmap.Section.kind``). Comments are not read, and they and the
tags of personal metadata (``<meta name="author">``) are remembered so that a copy drops them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.entities import html5
# The parser's own patterns, so attribute values are found exactly where it found them.
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant

from redactor.errors import UnreadableDocument
from redactor.formats.scripts import script_pieces, srcset_urls
from redactor.formats.textmap import CODE, IDENTIFIER, URL, TextBuilder

# Elements that start a new line when rendered: words on either side never join.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "nav", "noscript", "ol", "option", "p", "pre", "script", "section", "style",
    "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
})
# Attributes by what they hold: (label, kind). Text a reader sees is prose (kind "").
_ATTRIBUTES = {
    "alt": ("Alt text", ""), "title": ("Title attribute", ""), "aria-label": ("Accessible label", ""),
    "aria-description": ("Accessible label", ""), "placeholder": ("Placeholder", ""),
    "label": ("Label", ""), "summary": ("Table summary", ""), "value": ("Form value", ""),
    "href": ("Link target", URL), "src": ("Source address", URL), "cite": ("Quote source", URL),
    "action": ("Form address", URL), "formaction": ("Form address", URL),
    "poster": ("Source address", URL), "data": ("Source address", URL),
    "background": ("Source address", URL), "longdesc": ("Source address", URL),
    "xlink:href": ("Link target", URL), "itemid": ("Link target", URL),
    "class": ("Class name", IDENTIFIER), "id": ("Element id", IDENTIFIER),
    "name": ("Element name", IDENTIFIER), "for": ("Element id", IDENTIFIER),
    "style": ("Inline style", CODE), "srcdoc": ("Embedded page", CODE),
}
_SRCSET = ("srcset", "imagesrcset")
_META_KEYS = ("name", "property", "itemprop", "http-equiv")  # <meta name="author" content="...">
# Metadata that names the page's author or its tools: dropped from a copy.
PERSONAL_META = frozenset({"author", "generator", "copyright", "creator", "dc.creator",
                           "dcterms.creator", "article:author", "og:article:author",
                           "twitter:creator", "book:author"})
_JSON_TYPES = re.compile(r"json", re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")


@dataclass(frozen=True)
class Slot:
    """A range of the decoded source and how an edited piece is written back there.

    ``text`` (data), ``raw`` (comment-like) and ``json`` (a script's string) pieces are the
    source itself and are spliced in place; a ``ref`` (one character reference) and an
    ``attr`` or unquoted ``bare`` attribute value are decoded text and are rewritten whole.
    ``safe`` pieces (URLs, class names) take replacements made safe for an address.
    """

    start: int
    end: int
    kind: str
    safe: bool = False


@dataclass(frozen=True)
class Item:
    """A piece of text in source order; an ``aside`` waits for the end of its block."""

    text: str
    slot: Slot
    label: str
    aside: bool = False
    kind: str = ""


_BREAK = None  # an item meaning "a block starts or ends here"


class _Tokenizer(HTMLParser):
    """Turns the page into items and block breaks, each item with its exact source range."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.items: list[Item | None] = []
        self.comments: list[tuple[int, int]] = []  # whole "<!-- ... -->" ranges
        self.personal_meta: list[tuple[int, int, str]] = []  # <meta ...> tags, and what replaces each
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._in_title = False
        self._script = ""  # "json" or "js" inside a <script>, "css" inside a <style>

    def _offset(self) -> int:
        """Where the token being handled starts in the source (the parser counts "\\n" only)."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _add(self, text: str, slot: Slot, label: str, aside: bool = False, kind: str = "") -> None:
        if slot.kind in ("text", "raw", "json") and self.source[slot.start:slot.end] != text:
            # Writing at a wrong offset would corrupt the page; refuse instead.
            raise UnreadableDocument("the HTML reader lost its place in the page")
        self.items.append(Item(text, slot, label, aside, kind))

    def _label(self) -> str:
        return "Page title" if self._in_title else "Body"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.items.append(_BREAK)
        self._in_title = self._in_title or tag == "title"
        start, tag_text = self._offset(), self.get_starttag_text() or ""
        values = self._attributes(tag, start, tag_text)
        if tag == "script":
            self._script = "json" if _JSON_TYPES.search(values.get("type", "")) else "js"
        elif tag == "style":
            self._script = "css"
        if tag == "meta" and any(values.get(k, "").lower() in PERSONAL_META for k in _META_KEYS):
            bare = "<meta/>" if tag_text.rstrip(">").rstrip().endswith("/") else "<meta>"
            self.personal_meta.append((start, start + len(tag_text), bare))

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        self._script = "" if tag in ("script", "style") else self._script
        if tag in _BLOCKS:
            self.items.append(_BREAK)

    def _attributes(self, tag: str, start: int, tag_text: str) -> dict[str, str]:
        """Add the attribute values that can hold a name as asides; return all values by name."""
        spans = list(_attribute_spans(tag_text))
        values: dict[str, str] = {}
        for name, lo, hi, _ in spans:
            values.setdefault(name, attribute_text(tag_text[lo:hi]))
        meta_key = next((values[k] for k in _META_KEYS if values.get(k)), "") if tag == "meta" else ""
        for name, lo, hi, quoted in spans:
            value = attribute_text(tag_text[lo:hi])
            label, kind = _classify(name, value, meta_key) if tag != "meta" or name == "content" \
                else ("", "")
            if not label:
                continue
            mode = "attr" if quoted else "bare"
            if name in _SRCSET:
                for a, b in srcset_urls(tag_text[lo:hi]):
                    slot = Slot(start + lo + a, start + lo + b, "attr", True)
                    self._add(attribute_text(tag_text[lo + a:lo + b]), slot, label, True, URL)
            else:
                slot = Slot(start + lo, start + hi, mode, kind in (URL, IDENTIFIER))
                self._add(value, slot, label, aside=True, kind=kind)
        return values

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if not self.cdata_elem:
            self._add(data, Slot(start, start + len(data), "text"), self._label())
        elif self._script == "css":
            if data.strip():
                self._add(data, Slot(start, start + len(data), "raw"), "Style", True, CODE)
        else:
            json = self._script == "json"
            for lo, hi, kind in script_pieces(data, json):
                slot = Slot(start + lo, start + hi, "json")
                label = "Structured data" if json else "Script" if kind == "string" else "Script comment"
                self._add(data[lo:hi], slot, label, aside=True,
                          kind=_kind_of_value(data[lo:hi]) if json else CODE)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, length: int) -> None:
        start = self._offset()
        end = start + length + self.source.startswith(";", start + length)
        self._add(html.unescape(self.source[start:end]), Slot(start, end, "ref"), self._label())

    def handle_comment(self, data: str) -> None:
        """A comment is not read: no copy keeps one (its notes, its commented-out markup)."""
        start = self._offset()
        prefix = 4 if self.source.startswith("<!--", start) else 2  # "<!--" or "<!"/"</"
        end = start + prefix + len(data)
        closing = next((len(c) for c in ("--!>", "-->", ">") if self.source.startswith(c, end)), 0)
        self.comments.append((start, end + closing))

    def unknown_decl(self, data: str) -> None:
        cdata = data.startswith("CDATA[")
        self._hidden(data[6:] if cdata else data, 9 if cdata else 3, "Marked section")

    def handle_pi(self, data: str) -> None:
        self._hidden(data, 2, "Processing instruction")

    def _hidden(self, data: str, prefix: int, label: str) -> None:
        start = self._offset() + prefix
        self._add(data, Slot(start, start + len(data), "raw"), label, aside=True)

    def finish(self) -> None:
        """Keep what an unclosed <script> or <style> swallowed: the rest of the file."""
        if self.rawdata:
            start = len(self.source) - len(self.rawdata)
            slot = Slot(start, len(self.source), "raw")
            self._add(self.rawdata, slot, f"Unclosed <{self.cdata_elem}>")


def _classify(name: str, value: str, meta_key: str) -> tuple[str, str]:
    """(label, kind) of an attribute worth reading, or ("", "") for one that is not."""
    if not value.strip():
        return "", ""
    if name == "content" and meta_key:
        return f"Page metadata: {meta_key}", _kind_of_value(value)
    if name in _SRCSET:
        return "Source address", URL
    if name.startswith("on"):
        return "Event handler", CODE
    if name.startswith("data-"):
        return "Data attribute", _kind_of_value(value)
    label, kind = _ATTRIBUTES.get(name, ("", ""))
    if name == "href" and value.lower().startswith("mailto:"):
        kind = ""  # an e-mail address: read like a field, where addresses are found
    return label, kind


def _kind_of_value(value: str) -> str:
    """A data attribute or a meta value by its shape: an address, code, a name, or text."""
    stripped = value.strip()
    if re.match(r"(?:[a-z][a-z0-9+.-]*:|/|\./|#)\S*$", stripped, re.IGNORECASE):
        return "" if stripped.lower().startswith("mailto:") else URL
    if stripped.startswith(("{", "[")):
        return CODE
    if not re.search(r"\s", stripped):
        return IDENTIFIER
    return ""


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


def attribute_text(raw: str) -> str:
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


@dataclass
class Page:
    """A tokenised page: its items, and the comments and metadata tags a copy may drop."""

    items: list[Item | None]
    comments: list[tuple[int, int]]
    personal_meta: list[tuple[int, int, str]]


def tokenize(source: str) -> Page:
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
    return Page(tokenizer.items, tokenizer.comments, tokenizer.personal_meta)


def layout(items: list[Item | None]) -> TextBuilder:
    """Lay the items out as text: blocks as lines, each aside on its own line after its block."""
    builder = TextBuilder()
    line: list[Item] = []
    asides: list[Item] = []

    def flush_line() -> None:
        if line:
            with builder.section(line[0].label, line[0].kind):
                for item in line:
                    builder.add(item.text, item.slot)
            line.clear()

    for item in [*items, _BREAK]:
        if item is None:  # _BREAK
            flush_line()
            builder.end_line()
            for aside in asides:
                with builder.section(aside.label, aside.kind):
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
