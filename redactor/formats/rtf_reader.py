"""Reading an RTF file: one iterative walk over its groups, control words and text.

Groups, control words and symbols, ``\\'hh`` bytes in the document's code page (or the
current font's charset), ``\\uN`` characters with their ``\\ucN`` fallbacks, and ``\\bin``
data. The walk is iterative, so deep nesting cannot exhaust the stack (and more than
``MAX_DEPTH`` open groups is refused). Each place's text goes to a ``Stream`` of its own:
the body, each footnote, header, comment, field instruction, property.
"""

from __future__ import annotations

from redactor.errors import UnreadableDocument
from redactor.formats.rtf_syntax import (BIN, CHARACTERS, CHARSETS, HEADERS, MAX_DEPTH,
                                         MAX_UNCLOSED, MEANINGFUL, NOTES, PROPERTIES, SKIP,
                                         SKIP_SCAN, STRUCTURE, SYMBOLS, TOKEN, TRAILER,
                                         TRANSPARENT, VISIBLE, State, Stream, codec, start)


class Reader:
    """One walk over the file, appending each place's text to its stream."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.body = Stream("body", "Body")
        self.streams: list[Stream] = []
        self.stack: list[State] = []
        self.state = State(None)
        self.codepage: int | None = None  # \ansicpgN
        self.default_font: int | None = None  # \deffN
        self.font_charsets: dict[int, int] = {}
        self.font_codepages: dict[int, int] = {}
        self._font_entry: int | None = None
        self.skip = 0  # fallback characters after a \uN still to skip
        self.fresh = False  # nothing but "{" read in this group yet
        self.starred = False  # the group started with "\*": an ignorable destination
        self.pending: list[bytes] = []  # bytes not decoded yet, for pending_target
        self.pending_target: tuple[Stream, str] | None = None
        self.last: Stream | None = None  # where the last text went
        self.author: Stream | None = None  # an \atnauthor waiting for its \annotation
        self.property_name: Stream | None = None  # a \propname waiting for its \staticval
        self.objects = 0  # pictures and embedded objects skipped

    # ----- the walk -----

    def read(self) -> None:
        raw = self.raw
        position: int | None = start(raw)
        while position is not None:
            position = self._run(position)
        self._finish_unclosed(len(self.stack))

    def _run(self, position: int) -> int | None:
        """Read tokens from ``position`` on; where to go on after a jump (past \\bin data or a
        skipped group), or None once the document is read."""
        for token in TOKEN.finditer(self.raw, position):  # its alternatives cover every byte
            kind = token.lastgroup
            if kind == "newline":  # line breaks in the source are not text
                continue
            if kind == "word" or kind == "param":  # "param": a word's last group, if it has one
                word = token.group("word")
                if word not in MEANINGFUL and not (self.skip or self.starred
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
        if TRAILER.match(self.raw, position).end() != len(self.raw):
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

    def _own(self) -> State:
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
            found = SKIP_SCAN.search(raw, position)
            if found is None:
                self._finish_unclosed(len(self.stack) + depth - 1)
                return len(raw)
            at = found.start()
            if raw[at] == 0x5C:  # backslash: \bin data, or an escaped brace or backslash
                binary = BIN.match(raw, at)
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
                return codec(self.font_codepages[font])
            if font in self.font_charsets:
                return codec(CHARSETS[self.font_charsets[font]])
        return codec(self.codepage)

    def _target(self) -> Stream | None:
        """Where text goes now: a deleted or hidden run of visible text is set aside."""
        state = self.state
        if state.upr_child:
            return None
        if (state.dest is None or not (state.deleted or state.hidden)
                or state.dest.kind not in VISIBLE):
            return state.dest
        kind = "deleted" if state.deleted else "hidden"
        if self.last is None or self.last.kind != kind:
            self.last = Stream(kind, "Tracked deletion" if state.deleted else "Hidden text")
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
        elif symbol in SYMBOLS:
            self._emit(SYMBOLS[symbol])
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
        if word in STRUCTURE:
            self._emit(STRUCTURE[word], structural=True)
        elif word in CHARACTERS:
            self._emit(CHARACTERS[word])
        elif word in SKIP or (starred and not self._known(word, state.role)):
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
        return (word in TRANSPARENT or word in NOTES or word in HEADERS
                or (role == "info" and word in PROPERTIES)
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
        elif state.role == "info" and word in PROPERTIES:
            state.role = ""
            state.dest = self._new("property", f"Properties: {PROPERTIES[word]}")
        elif state.role == "userprops" and word == "propname":
            state.dest = self.property_name = Stream("name")
        elif state.role == "userprops" and word == "staticval":
            name = self.property_name.text() if self.property_name is not None else ""
            state.dest = self._new("property", f"Custom property: {name}".rstrip(": "))
            self.property_name = None
        elif word in NOTES:
            state.dest = self._new("footnote", "Footnote")
        elif word == "ftnalt" and state.dest is not None and state.dest.kind == "footnote":
            state.dest.kind = "endnote"
        elif word in HEADERS:
            state.dest = self._new("header" if word.startswith("header") else "footer",
                                   HEADERS[word])
        elif word == "shptxt":
            state.dest = self._new("textbox", "Text box")
        elif word == "fldinst":
            state.dest = self._new("field", "Field code")
        elif word == "atnauthor":
            author = Stream("author")
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
        elif word == "fcharset" and self._font_entry is not None and value in CHARSETS:
            self.font_charsets[self._font_entry] = value
        elif word == "cpg" and self._font_entry is not None and value:
            self.font_codepages[self._font_entry] = value

    def _new(self, kind: str, label: str) -> Stream:
        stream = Stream(kind, label)
        self.streams.append(stream)
        return stream


