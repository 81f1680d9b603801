"""The vocabulary of RTF: its tokens, the control words and destinations a reader acts on,
code pages, and the streams text is read into (``rtf_reader`` walks a file with them).

A control word not listed here is formatting and is passed over at once; a destination in
``SKIP`` holds no text a reader sees (font and colour tables, style sheets, pictures,
embedded objects, bookmarks, index entries, shape properties) and is never read.
"""

from __future__ import annotations

import codecs
import functools
import re

from redactor.errors import UnreadableDocument

MAX_DEPTH = 1000  # open groups; Word itself writes fewer than 30
MAX_UNCLOSED = 10  # groups a cut-short file may leave open and still be read

TOKEN = re.compile(rb"""
    \\(?P<word>[a-zA-Z]{1,32})(?P<param>-?[0-9]{1,10})?[ ]?
  | \\'(?P<hex>[0-9a-fA-F]{2})
  | \\(?P<symbol>[\s\S]?)
  | (?P<open>[{])
  | (?P<close>[}])
  | (?P<text>[^\\{}\x00-\x08\x0a-\x1f]+)
  | (?P<newline>[\r\n]+)
  | (?P<binary>[\x00-\x08\x0b-\x0c\x0e-\x1f])
""", re.VERBOSE)
SKIP_SCAN = re.compile(rb"[{}\\]")
BIN = re.compile(rb"\\bin(?![a-zA-Z])(-?[0-9]{1,10})?[ ]?")
TRAILER = re.compile(rb"[\s\x00\x1a}]*")
SURROGATE = re.compile("[\ud800-\udfff]")

# Control words that stand for text. Structural ones end a line or a cell wherever they are;
# the others are characters, and like any text are set aside when deleted or hidden.
STRUCTURE = {"par": "\n", "line": "\n", "sect": "\n", "page": "\n", "softline": "\n",
              "column": "\n", "row": "\n", "nestrow": "\n", "cell": "\t", "nestcell": "\t",
              "tab": "\t"}
CHARACTERS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
               "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
               "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005", "zwj": "\u200d",
               "zwnj": "\u200c", "zwbo": "\u200b", "zwnbo": "\ufeff", "ltrmark": "\u200e",
               "rtlmark": "\u200f"}
SYMBOLS = {b"\\": "\\", b"{": "{", b"}": "}", b"~": "\u00a0", b"_": "-", b"-": ""}
# Destinations whose content no reader sees as text (or that only repeat it for old readers).
SKIP = frozenset({
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
TRANSPARENT = frozenset({"field", "fldrslt", "shp", "shpinst", "shpgrp", "listtext", "pntext",
                          "object", "result", "ud", "upr"})
NOTES = frozenset({"footnote"})
HEADERS = {"header": "Header", "headerl": "Header (left pages)",
            "headerr": "Header (right pages)", "headerf": "Header (first page)",
            "footer": "Footer", "footerl": "Footer (left pages)",
            "footerr": "Footer (right pages)", "footerf": "Footer (first page)"}
PROPERTIES = {"title": "title", "subject": "subject", "author": "author",
               "operator": "last modified by", "keywords": "keywords", "doccomm": "comments",
               "company": "company", "manager": "manager", "category": "category"}
# \fcharsetN -> the code page its \'hh bytes are in (Windows charset numbers).
CHARSETS = {0: 1252, 77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253,
             162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874,
             238: 1250, 254: 437, 255: 850}
CODEPAGES = {10000: "mac_roman", 65001: "utf-8"}
ASCII = bytes(range(0x20, 0x7F))

# Kinds of stream, in the order the extracted text lays them out after the body.
ORDER = ("textbox", "footnote", "endnote", "header", "footer", "deleted", "hidden", "comment",
          "field", "property")
VISIBLE = frozenset({"body", "textbox", "footnote", "endnote", "header", "footer"})
KEPT = frozenset({"header", "body", "textbox", "footnote", "endnote", "footer"})
# Every control word the reader acts on; any other is formatting, passed over at once.
MEANINGFUL = frozenset(word.encode("ascii") for word in (
    *STRUCTURE, *CHARACTERS, *SKIP, *TRANSPARENT, *NOTES, *HEADERS, *PROPERTIES,
    "u", "bin", "uc", "f", "plain", "deleted", "v", "ansicpg", "mac", "pc", "pca", "deff",
    "fcharset", "cpg", "fonttbl", "info", "userprops", "propname", "staticval", "ftnalt",
    "shptxt", "fldinst", "atnauthor", "annotation"))


@functools.lru_cache(maxsize=64)
def codec(codepage: int | None) -> str:
    """The Python codec of a Windows code page number; cp1252 for one Python does not know."""
    if codepage is None:
        return "cp1252"
    name = CODEPAGES.get(codepage, f"cp{codepage}")
    try:
        name = codecs.lookup(name).name
        # RTF is 7-bit text: a code page that reads ASCII otherwise (EBCDIC) would garble it.
        if ASCII.decode(name) != ASCII.decode("ascii"):
            return "cp1252"
    except (LookupError, UnicodeError):
        return "cp1252"
    return name


def whole(text: str) -> str:
    """Pair the UTF-16 halves ``\\uN`` writes for a character beyond U+FFFF; a lone half
    becomes U+FFFD."""
    if not SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def start(raw: bytes) -> int:
    """Where the document's ``{\\rtf`` starts (after a BOM or blank space), or refuse."""
    head = raw[:64]
    offset = 3 if head.startswith(codecs.BOM_UTF8) else 0
    offset += len(head[offset:]) - len(head[offset:].lstrip())
    if not raw.startswith(b"{\\rtf", offset):
        raise UnreadableDocument("not an RTF document (it does not start with {\\rtf)")
    return offset


class Stream:
    """The text of one place in the file (the body, one footnote, one comment...)."""

    __slots__ = ("kind", "label", "parts", "author")

    def __init__(self, kind: str, label: str = "") -> None:
        self.kind = kind
        self.label = label
        self.parts: list[str] = []
        self.author: Stream | None = None  # a comment's \atnauthor

    def text(self) -> str:
        return whole("".join(self.parts)).strip()


class State:
    """What a group inherits from its parent: where text goes, and how to read it."""

    __slots__ = ("dest", "uc", "font", "deleted", "hidden", "role", "upr", "upr_child")

    def __init__(self, dest: Stream | None) -> None:
        self.dest = dest
        self.uc = 1
        self.font: int | None = None
        self.deleted = False
        self.hidden = False
        self.role = ""  # "fonttbl" or "info": control words there mean something else
        self.upr = False  # a \upr group: its first child is the ANSI copy of its \ud child
        self.upr_child = False

    def child(self) -> State:
        new = State(self.dest)
        new.uc, new.font, new.deleted, new.hidden = self.uc, self.font, self.deleted, self.hidden
        new.role = self.role
        new.upr_child = self.upr
        return new


