"""RTF drafts: read as a word processor shows them; the redacted copy is saved as plain text.

A small reader of our own (no dependency, ``rtf_reader`` and ``rtf_syntax``) walks the file
iteratively, so deep nesting cannot exhaust the stack.

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

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.rtf_reader import Reader
from redactor.formats.rtf_syntax import KEPT, MAX_DEPTH, ORDER, codec, whole
from redactor.formats.textmap import Edit, Piece, Section, TextBuilder, split_edits, splice

__all__ = ["MAX_DEPTH", "PLAIN_TEXT_NOTE", "RTF"]
PLAIN_TEXT_NOTE = "Saved as plain text: the RTF formatting is not kept"


@dataclass(frozen=True)
class _Place:
    """A section of the extracted text and the kind of place it comes from."""

    start: int
    end: int
    label: str
    kind: str


def _layout(reader: Reader) -> tuple[str, list[_Place]]:
    """The body, then each other place on lines of its own, in ``ORDER``, numbered per label."""
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
    for kind in ORDER:
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


def _read(raw: bytes) -> tuple[str, list[_Place], Reader]:
    reader = Reader(raw)
    reader.read()
    text, places = _layout(reader)
    return text, places, reader


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _cleaned(places: list[_Place], reader: Reader, options: CleanOptions) -> tuple[str, ...]:
    count = {kind: sum(1 for p in places if p.kind == kind) for kind in ORDER}
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
        return whole(text).encode("utf-8", "surrogatepass")

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
        kept = KEPT | ({"comment"} if options.keep_comments else set())
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
        decoded = _escapes_decoded(raw, codec(int(codepage.group(1)) if codepage else None))
        return [("RTF source", source)] + ([("RTF source, escapes decoded", decoded)]
                                           if decoded != source else [])


RTF = _Rtf()
