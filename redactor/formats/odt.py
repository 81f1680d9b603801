"""OpenDocument text (.odt): reading every place that carries text, and writing a clean copy.

An .odt is a zip of XML parts. Text lives in content.xml (body, notes, comments, text boxes,
alt text, link targets, deleted passages kept for tracked changes), styles.xml (headers and
footers) and meta.xml (properties). Paragraphs hold mixed content: a paragraph's text is
split between an element's ``.text`` and each child's ``.tail``, so a slot is
``(element, "text" | "tail")`` or ``(element, attribute)``. Rebuilding re-reads the file with
the same walk, so the slots of a fresh tree line up with the offsets of the review, writes
the edits back, then cleans what a redacted copy must not carry (tracked changes, comments,
authors, revision ids, the first-page thumbnail).
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.containers import (open_zip, parse_xml, read_member, rewrite_zip,
                                         serialize_xml, xml_strings)
from redactor.formats.textmap import Edit, Piece, TextBuilder, split_edits, splice

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
}


def _q(name: str) -> str:
    """Clark notation for a prefixed name ("text:p" -> "{urn:...text:1.0}p")."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


KIND = "OpenDocument text"
CONTENT, STYLES, META, MANIFEST = "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"
THUMBNAILS = "Thumbnails/"
TEXT, TAIL = "text", "tail"
Slot = tuple[etree._Element, str]

PARAGRAPHS = {_q("text:p"), _q("text:h")}
NOTE, ANNOTATION = _q("text:note"), _q("office:annotation")
LINKS = {_q("text:a"), _q("draw:a")}
HREF = _q("xlink:href")
# The drawing shapes of ODF 1.3 (§10.3): each may carry alt text and text of its own.
SHAPES = {_q(f"draw:{name}") for name in (
    "frame", "custom-shape", "rect", "line", "polyline", "polygon", "regular-polygon", "path",
    "circle", "ellipse", "g", "caption", "measure", "connector", "control")}
ALT_TEXT = (_q("svg:title"), _q("svg:desc"))
TRACKED_CHANGES = _q("text:tracked-changes")
CHANGE_MARKS = (_q("text:change"), _q("text:change-start"), _q("text:change-end"))
SPACE, TAB, LINE_BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")
MAX_SPACES = 1_000  # a hostile text:c must not inflate the text
HEADERS_FOOTERS = {
    "header": "Header", "header-left": "Header (left pages)",
    "header-first": "Header (first page)", "footer": "Footer",
    "footer-left": "Footer (left pages)", "footer-first": "Footer (first page)",
}
PROPERTIES = {
    _q("dc:title"): "title", _q("dc:subject"): "subject", _q("dc:description"): "description",
    _q("meta:keyword"): "keywords", _q("meta:initial-creator"): "author",
    _q("dc:creator"): "last modified by", _q("meta:printed-by"): "printed by",
}
USER_DEFINED, USER_DEFINED_NAME = _q("meta:user-defined"), _q("meta:name")
# Names of people, and a template path that usually holds an account name.
PERSONAL_PROPERTIES = {
    _q("meta:initial-creator"): "author", _q("dc:creator"): "last modified by",
    _q("meta:printed-by"): "printed by", _q("meta:template"): "template path",
}
COMMENT_PERSONAL = (_q("dc:date"), _q("meta:date-string"), _q("meta:creator-initials"),
                    _q("loext:sender-initials"))
RSIDS = (_q("officeooo:rsid"), _q("officeooo:paragraph-rsid"))


@dataclass
class _Parts:
    """The parsed XML parts that carry text; rebuilding edits these trees in place."""

    content: etree._Element
    styles: etree._Element | None
    meta: etree._Element | None

    def roots(self) -> dict[str, etree._Element]:
        found = {CONTENT: self.content, STYLES: self.styles, META: self.meta}
        return {name: root for name, root in found.items() if root is not None}


class _Reader:
    """One walk over the parts in reading order; notes, comments, boxes and links found in a
    paragraph are read right after it, so their text stays near the text they belong to."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self._counts: Counter[str] = Counter()

    def read(self, parts: _Parts) -> None:
        body = parts.content.find("office:body/office:text", NS)
        if body is None:
            raise UnreadableDocument(f"not an {KIND} document (content.xml has no text body)")
        with self.builder.section("Body"):
            self._blocks(body)
        for deletion in body.iterfind("text:tracked-changes/text:changed-region/text:deletion", NS):
            with self._aside("Tracked deletion"):
                self._blocks(deletion)
        if parts.styles is not None:
            self._headers_footers(parts.styles)
        if parts.meta is not None:
            self._properties(parts.meta)

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
        self.builder.add(element.text or "", (element, TEXT))
        for child in element:
            if isinstance(child.tag, str):
                self._inline_child(child, pending)
            self.builder.add(child.tail or "", (child, TAIL))

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
            kind = "Endnote" if element.get(_q("text:note-class")) == "endnote" else "Footnote"
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

    def _headers_footers(self, styles: etree._Element) -> None:
        for page in styles.iterfind("office:master-styles/style:master-page", NS):
            for child in page.iterchildren(f"{{{NS['style']}}}*", f"{{{NS['loext']}}}*"):
                label = HEADERS_FOOTERS.get(etree.QName(child).localname)
                if label:
                    with self._aside(label):
                        self._blocks(child)

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
        value = element.text if where == TEXT else element.get(where)
        self.builder.add(value or "", (element, where))
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
        return min(max(int(space.get(_q("text:c"), "1")), 1), MAX_SPACES)
    except ValueError:
        return 1


def _load(archive: zipfile.ZipFile) -> _Parts:
    names = set(archive.namelist())
    if MANIFEST in names and b"encryption-data" in read_member(archive, MANIFEST):
        raise UnreadableDocument(f"the {KIND} file is password-protected; "
                                 "remove its password first")
    if CONTENT not in names:
        raise UnreadableDocument(f"not an {KIND} file (it has no content.xml)")

    def part(name: str) -> etree._Element | None:
        return parse_xml(read_member(archive, name), name) if name in names else None

    return _Parts(content=parse_xml(read_member(archive, CONTENT), CONTENT),
                  styles=part(STYLES), meta=part(META))


def _read(parts: _Parts) -> TextBuilder:
    reader = _Reader()
    reader.read(parts)
    return reader.builder


def _store(slot: Slot, value: str) -> None:
    element, where = slot
    if where == TEXT:
        element.text = value or None
    elif where == TAIL:
        element.tail = value or None
    else:
        element.set(where, value)


def _apply(pieces: Sequence[Piece], edits: Sequence[Edit]) -> None:
    for index, local in split_edits(pieces, edits).items():
        piece = pieces[index]
        _store(piece.slot, splice(piece.text, local))


def _drop(element: etree._Element) -> None:
    """Remove an element but keep the text after it (its tail) where it was."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _drop_all(roots: Sequence[etree._Element], *tags: str) -> int:
    found = [element for root in roots for element in root.iter(*tags)]
    for element in found:
        _drop(element)
    return len(found)


def _accept_changes(roots: Sequence[etree._Element]) -> str | None:
    deletions = sum(len(root.findall(".//text:changed-region/text:deletion", NS)) for root in roots)
    if not _drop_all(roots, TRACKED_CHANGES, *CHANGE_MARKS):
        return None
    return f"Accepted tracked changes ({deletions} deletion(s) dropped)"


def _comments(roots: Sequence[etree._Element], keep: bool) -> str | None:
    annotations = [element for root in roots for element in root.iter(ANNOTATION)]
    if not annotations:
        return None
    if not keep:
        _drop_all(roots, ANNOTATION, _q("office:annotation-end"))
        return f"Removed {len(annotations)} comment(s)"
    for annotation in annotations:
        for creator in annotation.iterfind("dc:creator", NS):
            creator.text = "Reviewer"
        for element in [child for child in annotation if child.tag in COMMENT_PERSONAL]:
            _drop(element)
    return "Kept comments; their authors are shown as 'Reviewer'"


def _personal_properties(meta: etree._Element | None) -> str | None:
    found = [] if meta is None else [element for element in meta.iterfind("office:meta/*", NS)
                                     if element.tag in PERSONAL_PROPERTIES]
    for element in found:
        _drop(element)
    cleared = dict.fromkeys(PERSONAL_PROPERTIES[element.tag] for element in found)
    return f"Cleared document properties: {', '.join(cleared)}" if cleared else None


def _revision_ids(roots: Sequence[etree._Element]) -> str | None:
    """rsids tie each stretch of text to an editing session on someone's machine."""
    found = [(element, attribute) for root in roots for element in root.iter(etree.Element)
             for attribute in RSIDS if attribute in element.attrib]
    for element, attribute in found:
        del element.attrib[attribute]
    return "Removed revision ids (rsid)" if found else None


def _manifest_without(archive: zipfile.ZipFile, prefix: str) -> dict[str, bytes]:
    """The manifest with no entry for parts under ``prefix``: a listed part that is missing
    makes LibreOffice call the file corrupt."""
    if MANIFEST not in archive.namelist():
        return {}
    manifest = parse_xml(read_member(archive, MANIFEST), MANIFEST)
    for entry in manifest.findall("manifest:file-entry", NS):
        if entry.get(_q("manifest:full-path"), "").startswith(prefix):
            _drop(entry)
    return {MANIFEST: serialize_xml(manifest)}


class _ODT:
    kind = "odt"
    label = KIND
    suffixes = (".odt",)

    def extract(self, raw: bytes) -> Extracted:
        builder = _read(_load(open_zip(raw, KIND)))
        return Extracted(text=builder.text, sections=builder.sections)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        archive = open_zip(raw, KIND)
        parts = _load(archive)
        _apply(_read(parts).pieces, edits)
        roots = list(parts.roots().values())
        steps = [_accept_changes(roots), _comments(roots, options.keep_comments),
                 _personal_properties(parts.meta), _revision_ids(roots)]
        replaced = {name: serialize_xml(root) for name, root in parts.roots().items()}
        # The thumbnail is a picture of the first page, names and all.
        thumbnails = {name for name in archive.namelist() if name.startswith(THUMBNAILS)}
        if thumbnails:
            replaced.update(_manifest_without(archive, THUMBNAILS))
            steps.append("Removed the page thumbnail")
        return Rebuilt(rewrite_zip(archive, replaced, thumbnails),
                       tuple(step for step in steps if step))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        archive = open_zip(raw, KIND)
        found: list[tuple[str, str]] = []
        for name in archive.namelist():
            found.append(("part name", name))
            if name.endswith((".xml", ".rdf")):
                root = parse_xml(read_member(archive, name), name)
                found.extend((f"{name}: {place}", value) for place, value in xml_strings(root))
        return found


ODT = _ODT()
