"""RTF drafts: read as a word processor shows them; the redacted copy is saved as plain text.

A small reader of our own (no dependency): groups, control words and symbols, ``\\'hh``
bytes in the document's code page (or the current font's charset), ``\\uN`` characters with
their ``\\ucN`` fallbacks, and ``\\bin`` data. It walks the file iteratively, so deep nesting
cannot exhaust the stack (and more than ``MAX_DEPTH`` open groups is refused).

The extracted text is the body, then every other place that carries text, each as its own
labelled section: text boxes, footnotes and endnotes, headers and footers, tracked
deletions, hidden text, comments (with their authors), field instructions (a HYPERLINK's
"mailto:" target) and the document properties (``\\info``). Destinations that hold no text a
reader sees (font and colour tables, style sheets, pictures, embedded objects, bookmarks,
index entries, shape properties) are skipped: they are never part of the copy.

Writing RTF back byte-exact would need every control word kept in place; instead the copy
is plain UTF-8 text built from the reviewed text only, so nothing the editor did not see can
reach it. It keeps what a reader of the printed draft sees, in page order: headers, the body,
text boxes, footnotes, endnotes, footers (each section after the body under a "[Label]"
line). Comments (unless the editor keeps them; their authors are dropped either way),
tracked deletions, hidden text, field codes and properties are dropped, and ``cleaned`` says so.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.textmap import Edit, Piece, Section, TextBuilder, split_edits, splice

MAX_DEPTH = 1000  # open groups; Word itself writes fewer than 30
MAX_UNCLOSED = 10  # groups a cut-short file may leave open and still be read
PLAIN_TEXT_NOTE = "Saved as plain text: the RTF formatting is not kept"

_TOKEN = re.compile(rb"""
    \\(?P<word>[a-zA-Z]{1,32})(?P<param>-?[0-9]{1,10})?[ ]?
  | \\'(?P<hex>[0-9a-fA-F]{2})
  | \\(?P<symbol>[\s\S]?)
  | (?P<open>[{])
  | (?P<close>[}])
  | (?P<text>[^\\{}\x00-\x08\x0a-\x1f]+)
  | (?P<newline>[\r\n]+)
  | (?P<binary>[\x00-\x08\x0b-\x0c\x0e-\x1f])
""", re.VERBOSE)
_SKIP_SCAN = re.compile(rb"[{}\\]")
_BIN = re.compile(rb"\\bin(?![a-zA-Z])(-?[0-9]{1,10})?[ ]?")
_TRAILER = re.compile(rb"[\s\x00\x1a}]*")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Control words that stand for text. Structural ones end a line or a cell wherever they are;
# the others are characters, and like any text are set aside when deleted or hidden.
_STRUCTURE = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "softline": "\n",
              "column": "\n", "row": "\n", "nestrow": "\n", "cell": "\t", "nestcell": "\t",
              "tab": "\t"}
_CHARACTERS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
               "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
               "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005", "zwj": "\u200d",
               "zwnj": "\u200c", "zwbo": "\u200b", "zwnbo": "\ufeff", "ltrmark": "\u200e",
               "rtlmark": "\u200f"}
_SYMBOLS = {b"\\": "\\", b"{": "{", b"}": "}", b"~": "\u00a0", b"_": "-", b"-": ""}
# Destinations whose content no reader sees as text (or that only repeat it for old readers).
_SKIP = frozenset({
    "colortbl", "stylesheet", "listtable", "listoverridetable", "rsidtbl", "generator", "pict",
    "themedata", "colorschememapping", "datastore", "xmlnstbl", "latentstyles", "revtbl",
    "filetbl", "protusertbl", "pgdsctbl", "listpicture", "template", "pn", "xe", "tc", "tcn",
    "rxe", "txe", "bkmkstart", "bkmkend", "nonshppict", "shppict", "shprslt", "sp",
    "docvar", "formfield", "datafield", "objdata", "objclass", "objname", "objalias", "objsect",
    "objtime", "linkval", "atndate", "atnid", "atnicn", "atnref", "atntime", "atnparent", "ftnsep",
    "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "comment", "private", "fchars",
    "lchars", "mmathPr", "wgrffmtfilter", "passwordhash", "password", "panose", "keycode",
    "nextfile", "buptim", "creatim", "printim", "revtim", "do", "picprop", "blipuid",
    "bliptag", "defchp", "defpap", "pgptbl", "listname", "fname", "falt", "ebcstart", "ebcend",
    "hlinkbase", "mmath", "htmltag", "mhtmltag", "factoidname", "oldcprops", "oldpprops",
    "oldsprops", "oldtprops", "xmlopen", "xmlclose", "xmlattrname", "xmlattrvalue",
})
# Destinations read like the text around them (a starred one is not skipped).
_TRANSPARENT = frozenset({"field", "fldrslt", "shp", "shpinst", "shpgrp", "listtext", "pntext",
                          "object", "result", "ud", "upr"})
_NOTES = frozenset({"footnote"})
_HEADERS = {"header": "Header", "headerl": "Header (left pages)",
            "headerr": "Header (right pages)", "headerf": "Header (first page)",
            "footer": "Footer", "footerl": "Footer (left pages)",
            "footerr": "Footer (right pages)", "footerf": "Footer (first page)"}
_PROPERTIES = {"title": "title", "subject": "subject", "author": "author",
               "operator": "last modified by", "keywords": "keywords", "doccomm": "comments",
               "company": "company", "manager": "manager", "category": "category"}
# \fcharsetN -> the code page its \'hh bytes are in (Windows charset numbers).
_CHARSETS = {0: 1252, 77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253,
             162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874,
             238: 1250, 254: 437, 255: 850}
_CODEPAGES = {10000: "mac_roman", 65001: "utf-8"}
_ASCII = bytes(range(0x20, 0x7F))

# Kinds of stream, in the order the extracted text lays them out after the body.
_ORDER = ("textbox", "footnote", "endnote", "header", "footer", "deleted", "hidden", "comment",
          "field", "property")
_VISIBLE = frozenset({"body", "textbox", "footnote", "endnote", "header", "footer"})
_KEPT = frozenset({"header", "body", "textbox", "footnote", "endnote", "footer"})
# Every control word the reader acts on; any other is formatting, passed over at once.
_MEANINGFUL = frozenset(word.encode("ascii") for word in (
    *_STRUCTURE, *_CHARACTERS, *_SKIP, *_TRANSPARENT, *_NOTES, *_HEADERS, *_PROPERTIES,
    "u", "bin", "uc", "f", "plain", "deleted", "v", "ansicpg", "mac", "pc", "pca", "deff",
    "fcharset", "cpg", "fonttbl", "info", "userprops", "propname", "staticval", "ftnalt",
    "shptxt", "fldinst", "atnauthor", "annotation"))


@functools.lru_cache(maxsize=64)
def _codec(codepage: int | None) -> str:
    """The Python codec of a Windows code page number; cp1252 for one Python does not know."""
    if codepage is None:
        return "cp1252"
    name = _CODEPAGES.get(codepage, f"cp{codepage}")
    try:
        name = codecs.lookup(name).name
        # RTF is 7-bit text: a code page that reads ASCII otherwise (EBCDIC) would garble it.
        if _ASCII.decode(name) != _ASCII.decode("ascii"):
            return "cp1252"
    except (LookupError, UnicodeError):
        return "cp1252"
    return name


def _whole(text: str) -> str:
    """Pair the UTF-16 halves ``\\uN`` writes for a character beyond U+FFFF; a lone half
    becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _start(raw: bytes) -> int:
    """Where the document's ``{\\rtf`` starts (after a BOM or blank space), or refuse."""
    head = raw[:64]
    offset = 3 if head.startswith(codecs.BOM_UTF8) else 0
    offset += len(head[offset:]) - len(head[offset:].lstrip())
    if not raw.startswith(b"{\\rtf", offset):
        raise UnreadableDocument("not an RTF document (it does not start with {\\rtf)")
    return offset


class _Stream:
    """The text of one place in the file (the body, one footnote, one comment...)."""

    __slots__ = ("kind", "label", "parts", "author")

    def __init__(self, kind: str, label: str = "") -> None:
        self.kind = kind
        self.label = label
        self.parts: list[str] = []
        self.author: _Stream | None = None  # a comment's \atnauthor

    def text(self) -> str:
        return _whole("".join(self.parts)).strip()


class _State:
    """What a group inherits from its parent: where text goes, and how to read it."""

    __slots__ = ("dest", "uc", "font", "deleted", "hidden", "role", "upr", "upr_child")

    def __init__(self, dest: _Stream | None) -> None:
        self.dest = dest
        self.uc = 1
        self.font: int | None = None
        self.deleted = False
        self.hidden = False
        self.role = ""  # "fonttbl" or "info": control words there mean something else
        self.upr = False  # a \upr group: its first child is the ANSI copy of its \ud child
        self.upr_child = False

    def child(self) -> _State:
        new = _State(self.dest)
        new.uc, new.font, new.deleted, new.hidden = self.uc, self.font, self.deleted, self.hidden
        new.role = self.role
        new.upr_child = self.upr
        return new


class _Reader:
    """One walk over the file, appending each place's text to its stream."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.body = _Stream("body", "Body")
        self.streams: list[_Stream] = []
        self.stack: list[_State] = []
        self.state = _State(None)
        self.codepage: int | None = None  # \ansicpgN
        self.default_font: int | None = None  # \deffN
        self.font_charsets: dict[int, int] = {}
        self.font_codepages: dict[int, int] = {}
        self._font_entry: int | None = None
        self.skip = 0  # fallback characters after a \uN still to skip
        self.fresh = False  # nothing but "{" read in this group yet
        self.starred = False  # the group started with "\*": an ignorable destination
        self.pending: list[bytes] = []  # bytes not decoded yet, for pending_target
        self.pending_target: tuple[_Stream, str] | None = None
        self.last: _Stream | None = None  # where the last text went
        self.author: _Stream | None = None  # an \atnauthor waiting for its \annotation
        self.property_name: _Stream | None = None  # a \propname waiting for its \staticval
        self.objects = 0  # pictures and embedded objects skipped

    # ----- the walk -----

    def read(self) -> None:
        raw = self.raw
        position: int | None = _start(raw)
        while position is not None:
            position = self._run(position)
        self._finish_unclosed(len(self.stack))

    def _run(self, position: int) -> int | None:
        """Read tokens from ``position`` on; where to go on after a jump (past \\bin data or a
        skipped group), or None once the document is read."""
        for token in _TOKEN.finditer(self.raw, position):  # its alternatives cover every byte
            kind = token.lastgroup
            if kind == "newline":  # line breaks in the source are not text
                continue
            if kind == "word" or kind == "param":  # "param": a word's last group, if it has one
                word = token.group("word")
                if word not in _MEANINGFUL and not (self.skip or self.starred
                                                    or self.state.upr_child):
                    self.fresh = False  # formatting: most of a file, and nothing to read
                    continue
                starred, self.starred, self.fresh = self.starred, False, False
                after = self._word(word.decode("ascii"), token.group("param"), token.end(),
                                   starred)
                if after != token.end():
                    return after
                continue
            fresh, self.fresh = self.fresh, False
            self.starred = False
            if kind == "text":
                self._text(token.group("text"))
            elif kind == "hex":
                if self.skip:
                    self.skip -= 1
                else:
                    self._bytes(bytes.fromhex(token.group("hex").decode("ascii")))
            elif kind == "open":
                self.skip = 0
                self._open()
            elif kind == "close":
                self.skip = 0
                if self._close():
                    self._trailer(token.end())
                    return None
            elif kind == "symbol":
                symbol = token.group("symbol")
                if symbol == b"*" and fresh:  # "\\*" only marks a destination at a group's start
                    self.starred = self.fresh = True
                else:
                    self._symbol(symbol)
            else:  # binary
                raise UnreadableDocument("the file holds binary data where RTF text should be")
        return None

    def _trailer(self, position: int) -> None:
        if _TRAILER.match(self.raw, position).end() != len(self.raw):
            raise UnreadableDocument("the file goes on after the end of the RTF document "
                                     "(a closing brace too many?)")

    def _finish_unclosed(self, unclosed: int) -> None:
        if unclosed > MAX_UNCLOSED:
            raise UnreadableDocument(f"the RTF document is cut short ({unclosed} groups are not "
                                     "closed)")
        self._flush()

    def _open(self) -> None:
        """A new group shares its parent's state until a control word changes it (``_own``):
        most groups only change formatting, which this reader does not track."""
        if self.pending_target is not None:
            self._flush()
        if len(self.stack) >= MAX_DEPTH:
            raise UnreadableDocument(f"the RTF groups are nested more than {MAX_DEPTH} deep")
        parent = self.state
        self.stack.append(parent)
        self.fresh = True
        if parent.upr or parent.upr_child:
            self.state = parent.child()
        elif not self.stack[1:]:  # the document's own group
            self.state = parent.child()
            self.state.dest = self.body

    def _own(self) -> _State:
        """The current group's state, copied from its parent's first if still shared."""
        if self.stack and self.state is self.stack[-1]:
            self.state = self.state.child()
        return self.state

    def _close(self) -> bool:
        """Close the current group; True once the document's own group is closed."""
        if self.pending_target is not None:
            self._flush()
        if not self.stack:
            raise UnreadableDocument("the RTF document has a closing brace too many")
        self.state = self.stack.pop()
        return not self.stack

    def _skip_group(self, position: int) -> int:
        """Jump past the end of the current group without reading it; the group is closed."""
        raw, depth = self.raw, 1
        while True:
            found = _SKIP_SCAN.search(raw, position)
            if found is None:
                self._finish_unclosed(len(self.stack) + depth - 1)
                return len(raw)
            at = found.start()
            if raw[at] == 0x5C:  # backslash: \bin data, or an escaped brace or backslash
                binary = _BIN.match(raw, at)
                position = binary.end() + max(0, int(binary.group(1) or 0)) if binary else at + 2
            elif raw[at] == 0x7B:
                depth += 1
                position = at + 1
                if len(self.stack) + depth > MAX_DEPTH:
                    raise UnreadableDocument(
                        f"the RTF groups are nested more than {MAX_DEPTH} deep")
            else:
                depth -= 1
                position = at + 1
                if depth == 0:
                    if self._close():
                        self._trailer(position)
                        return len(raw)  # the document is read
                    return position

    # ----- text -----

    def _codepage(self) -> str:
        font = self.state.font if self.state.font is not None else self.default_font
        if font is not None:
            if font in self.font_codepages:
                return _codec(self.font_codepages[font])
            if font in self.font_charsets:
                return _codec(_CHARSETS[self.font_charsets[font]])
        return _codec(self.codepage)

    def _target(self) -> _Stream | None:
        """Where text goes now: a deleted or hidden run of visible text is set aside."""
        state = self.state
        if state.upr_child:
            return None
        if (state.dest is None or not (state.deleted or state.hidden)
                or state.dest.kind not in _VISIBLE):
            return state.dest
        kind = "deleted" if state.deleted else "hidden"
        if self.last is None or self.last.kind != kind:
            self.last = _Stream(kind, "Tracked deletion" if state.deleted else "Hidden text")
            self.streams.append(self.last)
        return self.last

    def _text(self, data: bytes) -> None:
        if self.state.upr_child:  # the ANSI copy in a \upr group: its \ud copy is read
            return
        if self.skip:
            dropped = min(self.skip, len(data))
            self.skip -= dropped
            data = data[dropped:]
        if data:
            self._bytes(data)

    def _bytes(self, data: bytes) -> None:
        target = self._target()
        if target is None:
            return
        key = (target, self._codepage())
        if self.pending_target != key:
            self._flush()
            self.pending_target = key
        self.pending.append(data)
        self.last = target

    def _flush(self) -> None:
        if self.pending_target is not None:
            target, codec = self.pending_target
            target.parts.append(b"".join(self.pending).decode(codec, "replace"))
            self.pending.clear()
            self.pending_target = None

    def _emit(self, text: str, structural: bool = False) -> None:
        target = self.state.dest if structural and not self.state.upr_child else self._target()
        if target is None:
            return
        self._flush()
        target.parts.append(text)
        self.last = target

    # ----- control words and symbols -----

    def _symbol(self, symbol: bytes) -> None:
        if self.skip:
            self.skip -= 1
        elif symbol in _SYMBOLS:
            self._emit(_SYMBOLS[symbol])
        elif symbol in (b"\n", b"\r"):  # a backslash ending a line is \par
            self._emit("\n", structural=True)

    def _word(self, word: str, param: bytes | None, position: int, starred: bool) -> int:
        """Act on a control word; returns where reading goes on (past \\bin data or a group)."""
        value = int(param) if param is not None else None
        if word == "bin":
            if self.skip:
                self.skip -= 1
            return position + max(0, value or 0)
        if self.skip:
            self.skip -= 1
            return position
        state = self.state
        if state.upr_child:
            if word != "ud":
                return self._skip_group(position)
            self._own().upr_child = False
            return position
        if word == "u":
            if value is not None:
                code = value + 65536 if value < 0 else value
                self._emit(chr(code) if 0 <= code <= 0xFFFF else "\ufffd")
                self.skip = state.uc
            return position
        if word in _STRUCTURE:
            self._emit(_STRUCTURE[word], structural=True)
        elif word in _CHARACTERS:
            self._emit(_CHARACTERS[word])
        elif word in _SKIP or (starred and not self._known(word, state.role)):
            if word in ("pict", "object", "objdata", "shppict", "nonshppict"):
                self.objects += 1
            if len(self.stack) > 1:  # never the document's own group: that is malformed
                return self._skip_group(position)
        else:
            self._destination(word, value)
        return position

    @staticmethod
    def _known(word: str, role: str) -> bool:
        """A starred destination this reader reads (any other starred one is skipped)."""
        return (word in _TRANSPARENT or word in _NOTES or word in _HEADERS
                or (role == "info" and word in _PROPERTIES)
                or word in ("fonttbl", "info", "userprops", "annotation", "atnauthor", "fldinst",
                            "shptxt"))

    def _destination(self, word: str, value: int | None) -> None:
        """Destinations that start a stream of their own, and the state words that matter."""
        state = self._own()
        if state.role == "fonttbl":
            self._font_table(word, value)
        elif word == "f":
            state.font = value
        elif word == "plain":
            state.font, state.deleted, state.hidden = None, False, False
        elif word == "deleted":
            state.deleted = value != 0
        elif word == "v":
            state.hidden = value != 0
        elif word == "uc":
            state.uc = max(0, value if value is not None else 1)
        elif word == "ansicpg":
            self.codepage = value
        elif word == "mac":
            self.codepage = self.codepage or 10000
        elif word in ("pc", "pca"):
            self.codepage = self.codepage or (437 if word == "pc" else 850)
        elif word == "deff":
            self.default_font = value
        elif word == "fonttbl":
            state.role, state.dest = "fonttbl", None
        elif word in ("info", "userprops"):
            state.role, state.dest = word, None
        elif word == "upr":
            state.upr = True
        elif state.role == "info" and word in _PROPERTIES:
            state.role = ""
            state.dest = self._new("property", f"Properties: {_PROPERTIES[word]}")
        elif state.role == "userprops" and word == "propname":
            state.dest = self.property_name = _Stream("name")
        elif state.role == "userprops" and word == "staticval":
            name = self.property_name.text() if self.property_name is not None else ""
            state.dest = self._new("property", f"Custom property: {name}".rstrip(": "))
            self.property_name = None
        elif word in _NOTES:
            state.dest = self._new("footnote", "Footnote")
        elif word == "ftnalt" and state.dest is not None and state.dest.kind == "footnote":
            state.dest.kind = "endnote"
        elif word in _HEADERS:
            state.dest = self._new("header" if word.startswith("header") else "footer",
                                   _HEADERS[word])
        elif word == "shptxt":
            state.dest = self._new("textbox", "Text box")
        elif word == "fldinst":
            state.dest = self._new("field", "Field code")
        elif word == "atnauthor":
            author = _Stream("author")
            if state.dest is not None and state.dest.kind == "comment":  # inside its comment
                state.dest.author = author
            else:
                self.author = author
            state.dest = author
        elif word == "annotation":
            state.dest = self._new("comment", "Comment")
            state.dest.author, self.author = self.author, None
            state.deleted = state.hidden = False

    def _font_table(self, word: str, value: int | None) -> None:
        if word == "f":
            self._font_entry = value
        elif word == "fcharset" and self._font_entry is not None and value in _CHARSETS:
            self.font_charsets[self._font_entry] = value
        elif word == "cpg" and self._font_entry is not None and value:
            self.font_codepages[self._font_entry] = value

    def _new(self, kind: str, label: str) -> _Stream:
        stream = _Stream(kind, label)
        self.streams.append(stream)
        return stream


@dataclass(frozen=True)
class _Place:
    """A section of the extracted text and the kind of place it comes from."""

    start: int
    end: int
    label: str
    kind: str


def _layout(reader: _Reader) -> tuple[str, list[_Place]]:
    """The body, then each other place on lines of its own, in ``_ORDER``, numbered per label."""
    builder = TextBuilder()
    kinds: list[str] = []

    def add(text: str, label: str, kind: str, gap: bool = True) -> None:
        if not text:
            return
        if gap:
            builder.blank_line()
        else:
            builder.end_line()
        with builder.section(label):
            builder.add(text)
        kinds.append(kind)
        builder.end_line()

    add(reader.body.text(), "Body", "body")
    texts = {id(s): s.text() for s in reader.streams}
    authors = {id(s): s.author.text() if s.author is not None else "" for s in reader.streams}
    streams = [s for s in reader.streams if texts[id(s)] or authors[id(s)]]
    repeated: dict[str, int] = {}
    for stream in streams:
        repeated[stream.label] = repeated.get(stream.label, 0) + 1
    numbers: dict[str, int] = {}
    for kind in _ORDER:
        for stream in (s for s in streams if s.kind == kind):
            label = "Endnote" if kind == "endnote" else stream.label
            numbers[label] = numbers.get(label, 0) + 1
            if kind in ("footnote", "endnote", "comment", "textbox") or repeated[stream.label] > 1:
                label = f"{label} {numbers[label]}"
            author = authors[id(stream)]
            add(author, f"{label} author", "author")
            add(texts[id(stream)], label, kind, gap=not author)
    text, sections = builder.text, builder.sections
    assert len(sections) == len(kinds)  # one section per place, none empty, in text order
    return text, [_Place(s.start, s.end, s.label, kind) for s, kind in zip(sections, kinds)]


def _read(raw: bytes) -> tuple[str, list[_Place], _Reader]:
    reader = _Reader(raw)
    reader.read()
    text, places = _layout(reader)
    return text, places, reader


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _cleaned(places: list[_Place], reader: _Reader, options: CleanOptions) -> tuple[str, ...]:
    count = {kind: sum(1 for p in places if p.kind == kind) for kind in _ORDER}
    steps = [PLAIN_TEXT_NOTE]
    comments = len({p.label.removesuffix(" author") for p in places
                    if p.kind in ("comment", "author")})
    if comments and options.keep_comments:
        steps.append(f"Kept {_plural(comments, 'comment')} as text after the body; "
                     "comment authors dropped")
    elif comments:
        steps.append(f"Dropped {_plural(comments, 'comment')}")
    if count["deleted"]:
        steps.append(f"Accepted tracked changes ({_plural(count['deleted'], 'deletion')} dropped)")
    if count["hidden"]:
        steps.append(f"Dropped {_plural(count['hidden'], 'passage')} of hidden text")
    if count["field"]:
        steps.append(f"Dropped {_plural(count['field'], 'field code')} "
                     "(link targets and other field instructions)")
    properties = [re.sub(r" [0-9]+$", "", p.label.removeprefix("Properties: "))
                  if p.label.startswith("Properties: ") else "custom properties"
                  for p in places if p.kind == "property"]
    if properties:
        steps.append(f"Dropped document properties ({', '.join(dict.fromkeys(properties))})")
    if reader.objects:
        steps.append("Dropped pictures and embedded objects")
    return tuple(steps)


_ESCAPES = re.compile(rb"(?:\\'[0-9a-fA-F]{2})+|\\u(-?[0-9]{1,6}) ?(?:\\'[0-9a-fA-F]{2}|[^\\{}])?")


def _escapes_decoded(raw: bytes, codec: str) -> str:
    """The source with ``\\'hh`` runs and ``\\uN`` characters written as the text they stand for."""

    def replace(match: re.Match[bytes]) -> bytes:
        if match.group(1) is None:
            data = bytes.fromhex(match.group().replace(b"\\'", b"").decode("ascii"))
            text = data.decode(codec, "replace")
        else:
            code = int(match.group(1))
            code = code + 65536 if code < 0 else code
            text = chr(code) if 0 <= code <= 0xFFFF else "\ufffd"
        return _whole(text).encode("utf-8", "surrogatepass")

    return _ESCAPES.sub(replace, raw).decode("utf-8", "replace")


class _Rtf:
    """The RTF format: see the module docstring."""

    kind = "rtf"
    label = "RTF document"
    suffixes = (".rtf",)
    copy_suffix = ".txt"  # the redacted copy is plain text

    def extract(self, raw: bytes) -> Extracted:
        text, places, _ = _read(raw)
        return Extracted(text, tuple(Section(p.start, p.end, p.label) for p in places))

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        """Plain UTF-8 text: the kept places, edited, headers first; see the module docstring."""
        text, places, reader = _read(raw)
        pieces = [Piece(p.start, text[p.start:p.end], index) for index, p in enumerate(places)]
        local = split_edits(pieces, edits)
        kept = _KEPT | ({"comment"} if options.keep_comments else set())
        order = sorted((i for i, p in enumerate(places) if p.kind in kept),
                       key=lambda i: (places[i].kind != "header", i))
        blocks = []
        for index in order:
            edited = splice(pieces[index].text, local.get(index, []))
            place = places[index]
            blocks.append(edited if place.kind == "body" else f"[{place.label}]\n{edited}")
        return Rebuilt(("\n\n".join(blocks) + "\n").encode("utf-8"),
                       _cleaned(places, reader, options))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        """The source as it is (every byte a character), and with its escapes decoded: a name
        in a place the reader skips ("Jos\\'e9" in a bookmark) is still found there. The
        extracted text is searched by the leak check itself, with its places."""
        codepage = re.search(rb"\\ansicpg([0-9]{1,5})", raw[:4096])
        source = raw.decode("latin-1")
        decoded = _escapes_decoded(raw, _codec(int(codepage.group(1)) if codepage else None))
        return [("RTF source", source)] + ([("RTF source, escapes decoded", decoded)]
                                           if decoded != source else [])


RTF = _Rtf()
