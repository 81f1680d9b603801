"""Word documents (.docx): every place a name can hide, read in order and redacted in place.

A .docx is a package of WordprocessingML parts (``ooxml.Package``). The page shows the body,
but the file also holds headers and footers, footnotes and endnotes, comments, text boxes,
tracked deletions, field codes, link targets and their tooltips, form fields, content
controls, table and image alt text, WordArt, charts, diagrams, SVG pictures and document
properties. The reader walks them all, in reading order, through lxml (python-docx stops at
the body and the core properties), and ``rebuild`` writes each replacement into the run
where the name starts, so the name's formatting stays; parts of a name in later runs are cut.

Saving then cleans what a redacted copy must not carry (``docx_clean``): tracked changes,
comments, authors, revision ids, embedded objects, picture metadata and more, each step
listed for the editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.containers import Container
from redactor.formats.ooxml import Package, rels_name
from redactor.formats.stored import container_strings
from redactor.formats.textmap import CODE, IDENTIFIER, Edit, Piece, TextBuilder, split_edits, splice
from redactor.formats.xmltext import XmlSlot, svg_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"

STORY_TYPES = ("header", "footer", "footnotes", "endnotes", "comments")
CORE_FIELDS = {DC + "title": "title", DC + "subject": "subject", DC + "creator": "author",
               CP + "keywords": "keywords", DC + "description": "comments",
               CP + "lastModifiedBy": "last modified by", CP + "category": "category",
               CP + "contentStatus": "status"}
APP_FIELDS = {EP + "Company": "company", EP + "Manager": "manager"}
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}
_EMBEDDED = (("word/charts/", "Chart"), ("word/diagrams/", "Diagram"),
             ("word/drawings/", "Chart drawing"), ("word/glossary/document.xml", "Building blocks"))
_EMBEDDED_TEXT = (A + "t", W + "t", "{http://schemas.openxmlformats.org/drawingml/2006/chart}v")
_ALT_TEXT = (WP + "docPr", PIC + "cNvPr", V + "shape", V + "imagedata")
_ALT_ATTRIBUTES = ("descr", "title", "alt", O + "title")
# Form field settings a reader sees: the status bar and F1 help texts, a default, list entries.
_FORM_TEXT = (W + "statusText", W + "helpText", W + "default", W + "listEntry")
_TABLE_ALT = (W + "tblCaption", W + "tblDescription")
_CONTROL_NAMES = (W + "alias", W + "tag")
_QUOTED = re.compile(r'"([^"]+)"?')
# Elements inside a paragraph that hold text the run of its words does not show.
_HIDDEN = frozenset({*_ALT_TEXT, W + "hyperlink", W + "ffData", W + "sdtPr", V + "textpath",
                     A + "hlinkClick"})


@dataclass
class _Reader:
    """One walk over the package, in reading order, building the text and its slots."""

    package: Package
    out: TextBuilder = field(default_factory=TextBuilder)
    _links_seen: set[tuple[str, str]] = field(default_factory=set)

    def read(self) -> None:
        package, main = self.package, self.package.main
        self._stories("header", "Header")
        with self.out.section("Body"):
            self._blocks(package.tree(main).find(W + "body"), main)
        self._notes("footnotes", "footnote", "Footnote")
        self._notes("endnotes", "endnote", "Endnote")
        self._stories("footer", "Footer")
        self._comments()
        self._unreferenced_links(main)
        self._embedded_parts()
        self._pictures()
        self._properties()

    # Stories: the body, headers, footers, notes, comments, text boxes.

    def _stories(self, kind: str, label: str) -> None:
        parts = self.package.related(self.package.main, kind)
        for number, part in enumerate(parts, 1):
            self.out.blank_line()
            with self.out.section(label if len(parts) == 1 else f"{label} {number}"):
                self._blocks(self.package.tree(part), part)

    def _notes(self, kind: str, tag: str, label: str) -> None:
        for part in self.package.related(self.package.main, kind):
            number = 0
            for note in self.package.tree(part).iter(W + tag):
                if note.get(W + "type") in _NOTE_SKIP:
                    continue
                number += 1
                self.out.blank_line()
                with self.out.section(f"{label} {number}"):
                    self._blocks(note, part)

    def _comments(self) -> None:
        for part in self.package.related(self.package.main, "comments"):
            for number, comment in enumerate(self.package.tree(part).iter(W + "comment"), 1):
                self.out.blank_line()
                with self.out.section(f"Comment {number}"):
                    self._blocks(comment, part)

    def _blocks(self, container: etree._Element | None, part: str) -> None:
        """Paragraphs and tables in order; anything else is searched for paragraphs inside."""
        if container is None:
            return
        for child in container:
            if child.tag == W + "p":
                self._paragraph(child, part)
            elif child.tag == W + "tblPr":
                self._values(child, part, _TABLE_ALT, "Table alt text")
            elif child.tag == W + "sdtPr":
                self._values(child, part, _CONTROL_NAMES, "Content control")
            elif isinstance(child.tag, str):
                self._blocks(child, part)

    def _paragraph(self, paragraph: etree._Element, part: str) -> None:
        """A paragraph's visible text on one line; what it hides follows on lines of its own."""
        later: list[Callable[[], None]] = []
        self._inline(paragraph, part, later)
        self.out.end_line()
        for job in later:
            job()

    def _inline(self, element: etree._Element, part: str, later: list[Callable[[], None]]) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "t":
                self.out.add(child.text or "", XmlSlot(part, child))
            elif tag in (W + "del", W + "moveFrom"):
                later.append(self._deferred(child, part, "Tracked deletion", self._deleted))
            elif tag == W + "instrText":
                later.append(self._deferred(child, part, "Field code", self._field, CODE))
            elif tag == W + "fldSimple":
                later.append(self._deferred(child, part, "Field code", self._field_attribute, CODE))
                self._inline(child, part, later)
            elif tag == W + "tab":
                self.out.add("\t")
            elif tag in (W + "br", W + "cr"):
                self.out.add("\n")
            elif tag == W + "noBreakHyphen":
                self.out.add("-")
            elif tag == W + "txbxContent":
                later.append(self._deferred(child, part, "Text box", self._blocks))
            elif tag in _HIDDEN:
                self._inline_hidden(child, part, later)
            elif isinstance(tag, str):
                self._inline(child, part, later)

    def _inline_hidden(self, child: etree._Element, part: str, later: list[Callable[[], None]]) -> None:
        """Text a paragraph holds that the page does not show in the run of its words."""
        tag = child.tag
        if tag in _ALT_TEXT:
            later.append(self._deferred(child, part, "Alt text", self._alt_text))
        elif tag == W + "hyperlink":
            later.append(self._deferred(child, part, "Link target", self._link))
        elif tag == W + "ffData":
            later.append(self._deferred(child, part, "Form field", self._form_field))
            return
        elif tag == W + "sdtPr":
            later.append(self._deferred(child, part, "Content control", self._control))
            return
        elif tag == V + "textpath" and child.get("string"):
            later.append(self._deferred(child, part, "WordArt", self._wordart))
        elif tag == A + "hlinkClick" and child.get("tooltip"):
            later.append(self._deferred(child, part, "Link tooltip", self._tooltip))
        self._inline(child, part, later)

    def _deferred(self, element: etree._Element, part: str, label: str,
                  read: Callable[[etree._Element, str], None], kind: str = "") -> Callable[[], None]:
        def job() -> None:
            with self.out.section(label, kind):
                read(element, part)
                self.out.end_line()
        return job

    def _deleted(self, element: etree._Element, part: str) -> None:
        for text in element.iter(W + "delText", W + "t"):
            self.out.add(text.text or "", XmlSlot(part, text))

    def _field(self, element: etree._Element, part: str) -> None:
        self._instruction(XmlSlot(part, element))

    def _field_attribute(self, element: etree._Element, part: str) -> None:
        self._instruction(XmlSlot(part, element, W + "instr"))

    def _instruction(self, slot: XmlSlot) -> None:
        """A field code is code ("PAGEREF _Toc123 \\h"); its quoted arguments are text
        (a "mailto:" address, a quotation), read as a field."""
        start, value = self.out.length, slot.read()
        self.out.add(value, slot)
        for quoted in _QUOTED.finditer(value):
            self.out.mark(start + quoted.start(1), start + quoted.end(1), "Field code")

    def _alt_text(self, element: etree._Element, part: str) -> None:
        for attribute in _ALT_ATTRIBUTES:
            if element.get(attribute):
                self._line(XmlSlot(part, element, attribute))

    def _wordart(self, element: etree._Element, part: str) -> None:
        self._line(XmlSlot(part, element, "string"))

    def _tooltip(self, element: etree._Element, part: str) -> None:
        self._line(XmlSlot(part, element, "tooltip"))

    def _form_field(self, element: etree._Element, part: str) -> None:
        for setting in element.iter(*_FORM_TEXT):
            if setting.get(W + "val"):
                self._line(XmlSlot(part, setting, W + "val"))

    def _control(self, element: etree._Element, part: str) -> None:
        for setting in element.iter(*_CONTROL_NAMES):
            if setting.get(W + "val"):
                self._setting(XmlSlot(part, setting, W + "val"), "Content control")

    def _values(self, element: etree._Element, part: str, tags: tuple[str, ...], label: str) -> None:
        """Settings of a table or a block content control, read before its content."""
        if any(child.get(W + "val") for child in element.iter(*tags)):
            self.out.blank_line()
            with self.out.section(label):
                for child in element.iter(*tags):
                    if child.get(W + "val"):
                        self._setting(XmlSlot(part, child, W + "val"), label)

    def _setting(self, slot: XmlSlot, label: str) -> None:
        """A control's tag is an identifier ("source_tuleyeva"), not text; its title is text."""
        start = self.out.length
        self._line(slot)
        if slot.element.tag == W + "tag":
            self.out.mark(start, self.out.length, label, IDENTIFIER)

    def _line(self, slot: XmlSlot) -> None:
        self.out.add(slot.read(), slot)
        self.out.end_line()

    def _link(self, element: etree._Element, part: str) -> None:
        rel_id = element.get(R + "id")
        for rel in self.package.rels(part):
            if rel.get("Id") == rel_id and rel.get("TargetMode") == "External":
                self._link_target(part, rel)
        if element.get(W + "tooltip"):
            self.out.end_line()
            with self.out.section("Link tooltip"):
                self._line(XmlSlot(part, element, W + "tooltip"))

    def _link_target(self, part: str, rel: etree._Element) -> None:
        key = (part, rel.get("Id", ""))
        if key not in self._links_seen:
            self._links_seen.add(key)
            self.out.add(rel.get("Target", ""), XmlSlot(rels_name(part), rel, "Target"))

    def _unreferenced_links(self, main: str) -> None:
        """External targets no hyperlink in the text points at (a picture linked from a
        user's folder, a stale link). The template path and mail-merge source are cleaned."""
        parts = [main] + [p for kind in STORY_TYPES for p in self.package.related(main, kind)]
        for part in parts:
            for rel in self.package.rels(part):
                if rel.get("TargetMode") == "External" and (part, rel.get("Id", "")) not in self._links_seen:
                    self.out.blank_line()
                    with self.out.section("Link target"):
                        self._link_target(part, rel)
                        self.out.end_line()

    def _embedded_parts(self) -> None:
        """Charts, SmartArt diagrams and building blocks keep text in parts of their own
        (an organisers' chart can list every name); their text runs are read like fields."""
        for part in sorted(self.package.names):
            label = _embedded_label(part)
            if label is None or not self.package.has(part):
                continue
            for element in self.package.tree(part).iter(*_EMBEDDED_TEXT):
                if element.text and any(char.isalpha() for char in element.text):
                    self._property(label, XmlSlot(part, element))

    def _pictures(self) -> None:
        """The words an SVG picture shows (a placard, a label on a map)."""
        for part in sorted(n for n in self.package.names if n.lower().endswith(".svg")):
            if not self.package.has(part):
                continue
            for block in svg_blocks(part, self.package.tree(part)):
                self.out.blank_line()
                with self.out.section("Picture text"):
                    for slot in block:
                        self.out.add(slot.read(), slot)
                    self.out.end_line()

    # Document properties and data stored beside the text.

    def _properties(self) -> None:
        for part, fields in (("docProps/core.xml", CORE_FIELDS), ("docProps/app.xml", APP_FIELDS)):
            if not self.package.has(part):
                continue
            for element in self.package.tree(part):
                label = fields.get(element.tag)
                if label and element.text and element.text.strip():
                    self._property(f"Properties: {label}", XmlSlot(part, element))
        if self.package.has("docProps/custom.xml"):
            for prop in self.package.tree("docProps/custom.xml").iter(CUSTOM + "property"):
                for value in prop:
                    if value.text and value.text.strip():
                        self._property(f"Custom property: {prop.get('name', '')}",
                                       XmlSlot("docProps/custom.xml", value))
        for part in sorted(n for n in self.package.names
                           if n.startswith("customXml/item") and n.endswith(".xml")):
            if not self.package.has(part):
                continue
            for element in self.package.tree(part).iter(etree.Element):
                if element.text and element.text.strip():
                    self._property("Custom XML data", XmlSlot(part, element))

    def _property(self, label: str, slot: XmlSlot) -> None:
        self.out.blank_line()
        with self.out.section(label):
            self._line(slot)


def _embedded_label(part: str) -> str | None:
    if not part.endswith(".xml") or "/_rels/" in part:
        return None
    return next((label for prefix, label in _EMBEDDED if part.startswith(prefix)), None)


def read_package(raw: bytes) -> tuple[Package, TextBuilder]:
    package = Package(raw)
    reader = _Reader(package)
    reader.read()
    return package, reader.out


def _apply(package: Package, pieces: Sequence[Piece], edits: Sequence[Edit]) -> None:
    for index, local in split_edits(pieces, edits).items():
        slot: XmlSlot = pieces[index].slot
        slot.write(splice(slot.read(), local))
        package.dirty.add(slot.part)


class _Docx:
    kind = "docx"
    label = "Word document"
    suffixes = (".docx",)

    def extract(self, raw: bytes) -> Extracted:
        _, out = read_package(raw)
        return Extracted(out.text, out.sections)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        from redactor.formats.docx_clean import clean

        package, out = read_package(raw)
        _apply(package, out.pieces, edits)
        steps = clean(package, options)
        return Rebuilt(package.save(), tuple(steps))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        return container_strings(Container(raw, "Word"))


DOCX = _Docx()
