"""OpenDocument text (.odt): reading every place that carries text, and writing a clean copy.

An .odt is a zip of XML parts. Text lives in content.xml (body, notes, comments, text boxes,
alt text, link targets, deleted passages kept for tracked changes, index entries, user
fields, form controls), styles.xml (headers and footers), meta.xml (properties), embedded
objects (``Object 1/content.xml``: a chart's labels and data) and SVG pictures. Paragraphs
hold mixed content: a paragraph's text is split between an element's ``.text`` and each
child's ``.tail``, so a slot is an ``XmlSlot`` (text, tail or attribute). Rebuilding re-reads
the file with the same walk, so the slots of a fresh tree line up with the offsets of the
review, writes the edits back, then cleans what a redacted copy must not carry
(``odt_clean``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.containers import Container
from redactor.formats.stored import container_strings
from redactor.formats.textmap import Edit, Piece, TextBuilder, split_edits, splice
from redactor.formats.xmltext import TAIL, TEXT, XmlSlot, svg_blocks

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    "officeooo": "http://openoffice.org/2009/office",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
}


def q(name: str) -> str:
    """Clark notation for a prefixed name ("text:p" -> "{urn:...text:1.0}p")."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


KIND = "OpenDocument text"
CONTENT, STYLES, META, MANIFEST = "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"
_OBJECT = re.compile(r"(Object [^/]+)/content\.xml")

PARAGRAPHS = {q("text:p"), q("text:h")}
NOTE, ANNOTATION = q("text:note"), q("office:annotation")
LINKS = {q("text:a"), q("draw:a")}
HREF = q("xlink:href")
# The drawing shapes of ODF 1.3 (§10.3): each may carry alt text and text of its own.
SHAPES = {q(f"draw:{name}") for name in (
    "frame", "custom-shape", "rect", "line", "polyline", "polygon", "regular-polygon", "path",
    "circle", "ellipse", "g", "caption", "measure", "connector", "control")}
ALT_TEXT = (q("svg:title"), q("svg:desc"))
TRACKED_CHANGES = q("text:tracked-changes")
SPACE, TAB, LINE_BREAK = q("text:s"), q("text:tab"), q("text:line-break")
MAX_SPACES = 1_000  # a hostile text:c must not inflate the text
HEADERS_FOOTERS = {
    "header": "Header", "header-left": "Header (left pages)",
    "header-first": "Header (first page)", "footer": "Footer",
    "footer-left": "Footer (left pages)", "footer-first": "Footer (first page)",
}
PROPERTIES = {
    q("dc:title"): "title", q("dc:subject"): "subject", q("dc:description"): "description",
    q("meta:keyword"): "keywords", q("meta:initial-creator"): "author",
    q("dc:creator"): "last modified by", q("meta:printed-by"): "printed by",
}
USER_DEFINED, USER_DEFINED_NAME = q("meta:user-defined"), q("meta:name")
# Attributes that hold text a reader sees elsewhere: an index entry, a bibliography entry,
# a user field's value, a form control's label and value.
MARK_VALUES = {
    q("text:alphabetical-index-mark"): ("text:string-value", "text:key1", "text:key2",
                                        "text:string-value-phonetic"),
    q("text:alphabetical-index-mark-start"): ("text:key1", "text:key2"),
    q("text:toc-mark"): ("text:string-value",), q("text:toc-mark-start"): (),
    q("text:user-index-mark"): ("text:string-value",),
    q("text:bibliography-mark"): ("text:author", "text:editor", "text:title", "text:publisher",
                                  "text:url", "text:note", "text:annote", "text:institution",
                                  "text:organizations", "text:school", "text:booktitle"),
    q("text:user-field-decl"): ("office:string-value",),
    q("text:variable-set"): ("office:string-value",),
}
FORM_VALUES = ("form:label", "form:value", "form:current-value", "form:title")


class _Reader:
    """One walk over the parts in reading order; notes, comments, boxes and links found in a
    paragraph are read right after it, so their text stays near the text they belong to."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self._counts: Counter[str] = Counter()
        self.part = CONTENT

    def read(self, parts: dict[str, etree._Element]) -> None:
        content = parts[CONTENT]
        body = content.find("office:body/office:text", NS)
        if body is None:
            raise UnreadableDocument(f"not an {KIND} document (content.xml has no text body)")
        with self.builder.section("Body"):
            self._blocks(body)
        for deletion in body.iterfind("text:tracked-changes/text:changed-region/text:deletion", NS):
            with self._aside("Tracked deletion"):
                self._blocks(deletion)
        self._marks(content)
        if STYLES in parts:
            self.part = STYLES
            self._headers_footers(parts[STYLES])
        for name in sorted(parts):
            if _OBJECT.fullmatch(name):
                self._embedded_object(name, parts[name])
            elif name.lower().endswith(".svg"):
                self._picture(name, parts[name])
        if META in parts:
            self.part = META
            self._properties(parts[META])

    def _slot(self, element: etree._Element, where: str) -> XmlSlot:
        return XmlSlot(self.part, element, where)

    def _blocks(self, container: etree._Element) -> None:
        """Paragraphs of a block container (body, cell, list, note body), in order."""
        for child in container:
            if not isinstance(child.tag, str) or child.tag == TRACKED_CHANGES:
                continue
            if child.tag in PARAGRAPHS:
                self._paragraph(child)
            elif child.tag in (NOTE, ANNOTATION) or child.tag in SHAPES:
                self._emit(child)
            else:
                if child.tag in LINKS:
                    self._emit(child)
                self._blocks(child)

    def _paragraph(self, paragraph: etree._Element) -> None:
        pending: list[etree._Element] = []
        self._inline(paragraph, pending)
        self.builder.end_line()
        for element in pending:
            self._emit(element)

    def _inline(self, element: etree._Element, pending: list[etree._Element]) -> None:
        """Mixed content: the element's text, then each child and the text after it (its tail)."""
        self.builder.add(element.text or "", self._slot(element, TEXT))
        for child in element:
            if isinstance(child.tag, str):
                self._inline_child(child, pending)
            self.builder.add(child.tail or "", self._slot(child, TAIL))

    def _inline_child(self, child: etree._Element, pending: list[etree._Element]) -> None:
        if child.tag == SPACE:
            self.builder.add(" " * _space_count(child))
        elif child.tag == TAB:
            self.builder.add("\t")
        elif child.tag == LINE_BREAK:
            self.builder.add("\n")
        elif child.tag in (NOTE, ANNOTATION) or child.tag in SHAPES:
            pending.append(child)
        else:
            if child.tag in LINKS:
                pending.append(child)
            self._inline(child, pending)

    def _emit(self, element: etree._Element) -> None:
        """Read something found inside a paragraph as its own labelled part."""
        if element.tag == NOTE:
            kind = "Endnote" if element.get(q("text:note-class")) == "endnote" else "Footnote"
            body = element.find("text:note-body", NS)
            with self._aside(self._numbered(kind)):
                if body is not None:
                    self._blocks(body)
        elif element.tag == ANNOTATION:
            with self._aside(self._numbered("Comment")):
                self._comment(element)
        elif element.tag in LINKS:
            with self._aside("Link target"):
                self._value(element, HREF)
        else:
            with self._aside("Alt text"):
                for child in element:
                    if child.tag in ALT_TEXT:
                        self._value(child, TEXT)
            with self._aside("Text box"):
                self._blocks(element)

    def _comment(self, annotation: etree._Element) -> None:
        """The comment's author (a name like any other) on its own line, then its paragraphs."""
        for creator in annotation.iterfind("dc:creator", NS):
            self._value(creator, TEXT)
        self._blocks(annotation)

    def _marks(self, content: etree._Element) -> None:
        """Index and bibliography entries, user fields and form controls: text that an index,
        a bibliography, a field or a form shows, stored in attributes."""
        for element in content.iter(*MARK_VALUES):
            values = [q(name) for name in MARK_VALUES[element.tag] if element.get(q(name))]
            if values:
                with self._aside("Index entry" if "mark" in element.tag else "User field"):
                    for attribute in values:
                        self._value(element, attribute)
        for element in content.iterfind("office:body/office:text/office:forms//*", NS):
            values = [q(name) for name in FORM_VALUES if element.get(q(name))]
            if values:
                with self._aside("Form control"):
                    for attribute in values:
                        self._value(element, attribute)

    def _headers_footers(self, styles: etree._Element) -> None:
        for page in styles.iterfind("office:master-styles/style:master-page", NS):
            for child in page.iterchildren(f"{{{NS['style']}}}*", f"{{{NS['loext']}}}*"):
                label = HEADERS_FOOTERS.get(etree.QName(child).localname)
                if label:
                    with self._aside(label):
                        self._blocks(child)

    def _embedded_object(self, name: str, root: etree._Element) -> None:
        """A chart's or a formula's own document: its paragraphs are its labels and data."""
        self.part = name
        label = "Embedded object " + name.split("/")[0].removeprefix("Object ").strip()
        for paragraph in root.iter(*PARAGRAPHS):
            if paragraph.getparent() is not None and paragraph.getparent().tag not in PARAGRAPHS:
                with self._aside(label):
                    self._paragraph(paragraph)

    def _picture(self, name: str, root: etree._Element) -> None:
        for block in svg_blocks(name, root):
            with self._aside("Picture text"):
                for slot in block:
                    self.builder.add(slot.read(), slot)

    def _properties(self, meta: etree._Element) -> None:
        """Properties the editor sees in File > Properties, each on its own line."""
        for element in meta.iterfind("office:meta/*", NS):
            if element.tag in PROPERTIES:
                with self._aside(f"Properties: {PROPERTIES[element.tag]}"):
                    self._value(element, TEXT)
            elif element.tag == USER_DEFINED:
                with self._aside("Properties: custom"):
                    self._value(element, USER_DEFINED_NAME)
                    self._value(element, TEXT)

    def _value(self, element: etree._Element, where: str) -> None:
        """One stored value (an element's text or an attribute) as a line of its own."""
        slot = self._slot(element, where)
        self.builder.add(slot.read(), slot)
        self.builder.end_line()

    @contextmanager
    def _aside(self, label: str) -> Iterator[None]:
        """A labelled part set off by blank lines, so no sentence runs into its neighbours."""
        self.builder.blank_line()
        with self.builder.section(label):
            yield
        self.builder.blank_line()

    def _numbered(self, kind: str) -> str:
        self._counts[kind] += 1
        return f"{kind} {self._counts[kind]}"


def _space_count(space: etree._Element) -> int:
    try:
        return min(max(int(space.get(q("text:c"), "1")), 1), MAX_SPACES)
    except ValueError:
        return 1


def open_package(raw: bytes) -> Container:
    """The container, refused if it is encrypted, declares entities or has no content."""
    container = Container(raw, KIND)
    container.refuse_declarations()
    if container.has(MANIFEST) and b"encryption-data" in container.read(MANIFEST):
        raise UnreadableDocument(f"the {KIND} file is password-protected; "
                                 "remove its password first")
    if not container.has(CONTENT):
        raise UnreadableDocument(f"not an {KIND} file (it has no content.xml)")
    return container


def load(container: Container) -> dict[str, etree._Element]:
    """The parsed parts that carry text; rebuilding edits these trees in place."""
    names = [CONTENT, STYLES, META] + [n for n in container.names if _OBJECT.fullmatch(n)
                                       or n.lower().endswith(".svg")]
    parts = {}
    for name in names:
        root = container.xml(name)
        if root is not None:
            parts[name] = root
    return parts


def read_parts(parts: dict[str, etree._Element]) -> TextBuilder:
    reader = _Reader()
    reader.read(parts)
    return reader.builder


def _apply(pieces: Sequence[Piece], edits: Sequence[Edit]) -> None:
    for index, local in split_edits(pieces, edits).items():
        piece = pieces[index]
        piece.slot.write(splice(piece.text, local))


class _ODT:
    kind = "odt"
    label = KIND
    suffixes = (".odt",)

    def extract(self, raw: bytes) -> Extracted:
        builder = read_parts(load(open_package(raw)))
        return Extracted(text=builder.text, sections=builder.sections)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        from redactor.formats.odt_clean import Cleaner

        container = open_package(raw)
        parts = load(container)
        _apply(read_parts(parts).pieces, edits)
        cleaner = Cleaner(container, parts, options)
        return Rebuilt(cleaner.copy(), cleaner.steps)

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        return container_strings(Container(raw, KIND))


ODT = _ODT()
