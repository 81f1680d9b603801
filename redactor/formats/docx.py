"""Word documents (.docx): every place a name can hide, read in order and redacted in place.

A .docx is a zip of WordprocessingML parts. The page shows the body, but the file also
holds headers and footers, footnotes and endnotes, comments, text boxes, tracked
deletions, field codes, link targets, image alt text and document properties. The reader
walks them all, in reading order, through lxml (python-docx stops at the body and the
core properties), and ``rebuild`` writes each replacement into the run where the name
starts, so the name's formatting stays; parts of a name in later runs are cut.

Saving also cleans what a redacted copy must not carry: tracked changes are accepted
(deleted text is gone), comments are removed unless the editor keeps them (their authors
are then anonymised), the author fields are cleared, and revision-save ids, the list of
reviewers, the template path and the page thumbnail are removed.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, Rebuilt
from redactor.formats.containers import (open_zip, parse_xml, read_member, rewrite_zip,
                                         serialize_xml, xml_strings)
from redactor.formats.textmap import Edit, Piece, TextBuilder, split_edits, splice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
V = "{urn:schemas-microsoft-com:vml}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"

_STORY_TYPES = ("header", "footer", "footnotes", "endnotes", "comments")
_CORE_FIELDS = {DC + "title": "title", DC + "subject": "subject", DC + "creator": "author",
                CP + "keywords": "keywords", DC + "description": "comments",
                CP + "lastModifiedBy": "last modified by", CP + "category": "category",
                CP + "contentStatus": "status"}
_APP_FIELDS = {EP + "Company": "company", EP + "Manager": "manager"}
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}
# Elements that only record a tracked change's previous formatting or a moved range's ends.
_CHANGE_MARKS = tuple(W + name for name in (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd",
    "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd", "cellIns", "cellDel", "cellMerge"))
_EMBEDDED = (("word/charts/", "Chart"), ("word/diagrams/", "Diagram"),
             ("word/glossary/document.xml", "Building blocks"))
_EMBEDDED_TEXT = ("{http://schemas.openxmlformats.org/drawingml/2006/main}t", W + "t",
                  "{http://schemas.openxmlformats.org/drawingml/2006/chart}v")
_COMMENT_PARTS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible")


@dataclass(frozen=True)
class Slot:
    """Where a piece of text lives: an element's text, or one of its attributes."""

    part: str
    element: etree._Element
    attribute: str | None = None

    def read(self) -> str:
        return (self.element.get(self.attribute) if self.attribute else self.element.text) or ""

    def write(self, value: str) -> None:
        if self.attribute:
            self.element.set(self.attribute, value)
        else:
            self.element.text = value


class _Package:
    """The zip and its parsed XML parts, parsed once and marked dirty when changed."""

    def __init__(self, raw: bytes) -> None:
        self.archive = open_zip(raw, "Word")
        self.names = set(self.archive.namelist())
        self._trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        self.removed: set[str] = set()
        self.main = self._main_part()

    def tree(self, name: str) -> etree._Element:
        if name not in self._trees:
            self._trees[name] = parse_xml(read_member(self.archive, name), name)
        return self._trees[name]

    def _main_part(self) -> str:
        for rel in self.rels(""):
            if rel.get("Type", "").endswith("/officeDocument"):
                name = _resolve("", rel.get("Target", ""))
                if name in self.names:
                    return name
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise UnreadableDocument("not a Word document (it has no main document part)")

    def rels(self, part: str) -> list[etree._Element]:
        """The relationship elements of ``part`` ("" for the package's own)."""
        name = self.rels_name(part)
        return list(self.tree(name).iter(PKG + "Relationship")) if name in self.names else []

    def rels_name(self, part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{base}.rels")

    def related(self, part: str, kind: str) -> list[str]:
        """Parts related to ``part`` by relationships of type ``kind``, in the order listed."""
        found = []
        for rel in self.rels(part):
            if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                name = _resolve(part, rel.get("Target", ""))
                if name in self.names and name not in found:
                    found.append(name)
        return found

    def remove_part(self, name: str) -> None:
        """Drop a part, the relationships that point at it, and its content-type override."""
        if name not in self.names:
            return
        self.removed.add(name)
        for owner in [""] + sorted(n for n in self.names if n.endswith(".rels")):
            source = _rels_source(owner) if owner else ""
            if owner and (source is None or source in self.removed):
                continue
            for rel in self.rels(source):
                if rel.get("TargetMode") != "External" and _resolve(source, rel.get("Target", "")) == name:
                    rel.getparent().remove(rel)
                    self.dirty.add(self.rels_name(source))
        types = self.tree("[Content_Types].xml")
        for override in types.iter(CT + "Override"):
            if override.get("PartName", "").lstrip("/") == name:
                types.remove(override)
                self.dirty.add("[Content_Types].xml")

    def save(self) -> bytes:
        replaced = {name: serialize_xml(self._trees[name]) for name in self.dirty
                    if name not in self.removed}
        return rewrite_zip(self.archive, replaced, self.removed)


def _resolve(source: str, target: str) -> str:
    """A relationship target as a part name, relative to the part that holds the relationship."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _rels_source(rels_name: str) -> str | None:
    """The part a .rels file belongs to ("word/_rels/document.xml.rels" → "word/document.xml")."""
    folder, base = posixpath.split(rels_name)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[:-len(".rels")])


@dataclass
class _Reader:
    """One walk over the package, in reading order, building the text and its slots."""

    package: _Package
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
                self.out.add(child.text or "", Slot(part, child))
            elif tag in (W + "del", W + "moveFrom"):
                later.append(self._deferred(child, part, "Tracked deletion", self._deleted))
            elif tag == W + "instrText":
                later.append(self._deferred(child, part, "Field code", self._field))
            elif tag == W + "fldSimple":
                later.append(self._deferred(child, part, "Field code", self._field_attribute))
                self._inline(child, part, later)
            elif tag == W + "tab":
                self.out.add("\t")
            elif tag in (W + "br", W + "cr"):
                self.out.add("\n")
            elif tag == W + "noBreakHyphen":
                self.out.add("-")
            elif tag == W + "txbxContent":
                later.append(self._deferred(child, part, "Text box", self._blocks))
            elif tag in (WP + "docPr", PIC + "cNvPr", V + "shape", V + "imagedata"):
                later.append(self._deferred(child, part, "Alt text", self._alt_text))
                self._inline(child, part, later)
            elif tag == W + "hyperlink":
                later.append(self._deferred(child, part, "Link target", self._link))
                self._inline(child, part, later)
            elif isinstance(tag, str):
                self._inline(child, part, later)

    def _deferred(self, element: etree._Element, part: str, label: str,
                  read: Callable[[etree._Element, str], None]) -> Callable[[], None]:
        def job() -> None:
            with self.out.section(label):
                read(element, part)
                self.out.end_line()
        return job

    def _deleted(self, element: etree._Element, part: str) -> None:
        for text in element.iter(W + "delText", W + "t"):
            self.out.add(text.text or "", Slot(part, text))

    def _field(self, element: etree._Element, part: str) -> None:
        self.out.add(element.text or "", Slot(part, element))

    def _field_attribute(self, element: etree._Element, part: str) -> None:
        self.out.add(element.get(W + "instr", ""), Slot(part, element, W + "instr"))

    def _alt_text(self, element: etree._Element, part: str) -> None:
        for attribute in ("descr", "title", "alt"):
            if element.get(attribute):
                self.out.add(element.get(attribute, ""), Slot(part, element, attribute))
                self.out.end_line()

    def _link(self, element: etree._Element, part: str) -> None:
        rel_id = element.get(R + "id")
        for rel in self.package.rels(part):
            if rel.get("Id") == rel_id and rel.get("TargetMode") == "External":
                self._link_target(part, rel)

    def _link_target(self, part: str, rel: etree._Element) -> None:
        key = (part, rel.get("Id", ""))
        if key not in self._links_seen:
            self._links_seen.add(key)
            self.out.add(rel.get("Target", ""), Slot(self.package.rels_name(part), rel, "Target"))

    def _unreferenced_links(self, main: str) -> None:
        """External targets no hyperlink in the text points at (a template path, a stale link)."""
        parts = [main] + [p for kind in _STORY_TYPES for p in self.package.related(main, kind)]
        for part in parts + [n for n in ("word/settings.xml",) if n in self.package.names]:
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
            if label is None:
                continue
            for element in self.package.tree(part).iter(*_EMBEDDED_TEXT):
                if element.text and any(char.isalpha() for char in element.text):
                    self._property(label, Slot(part, element))

    # Document properties and data stored beside the text.

    def _properties(self) -> None:
        for part, fields in (("docProps/core.xml", _CORE_FIELDS), ("docProps/app.xml", _APP_FIELDS)):
            if part not in self.package.names:
                continue
            for element in self.package.tree(part):
                label = fields.get(element.tag)
                if label and element.text and element.text.strip():
                    self._property(f"Properties: {label}", Slot(part, element))
        if "docProps/custom.xml" in self.package.names:
            for prop in self.package.tree("docProps/custom.xml").iter(CUSTOM + "property"):
                for value in prop:
                    if value.text and value.text.strip():
                        self._property(f"Custom property: {prop.get('name', '')}", Slot("docProps/custom.xml", value))
        for part in sorted(n for n in self.package.names
                           if n.startswith("customXml/item") and n.endswith(".xml")):
            for element in self.package.tree(part).iter():
                if isinstance(element.tag, str) and element.text and element.text.strip():
                    self._property("Custom XML data", Slot(part, element))

    def _property(self, label: str, slot: Slot) -> None:
        self.out.blank_line()
        with self.out.section(label):
            self.out.add(slot.read(), slot)
            self.out.end_line()


def _embedded_label(part: str) -> str | None:
    if not part.endswith(".xml") or "/_rels/" in part:
        return None
    return next((label for prefix, label in _EMBEDDED if part.startswith(prefix)), None)


def _read(raw: bytes) -> tuple[_Package, TextBuilder]:
    package = _Package(raw)
    reader = _Reader(package)
    reader.read()
    return package, reader.out


def _apply(package: _Package, pieces: Sequence[Piece], edits: Sequence[Edit]) -> None:
    for index, local in split_edits(pieces, edits).items():
        slot: Slot = pieces[index].slot
        slot.write(splice(slot.read(), local))
        package.dirty.add(slot.part)


# Cleaning: what a redacted copy must not carry besides the names.

def _story_parts(package: _Package) -> list[str]:
    main = package.main
    return [main] + [p for kind in _STORY_TYPES for p in package.related(main, kind)]


def _accept_changes(package: _Package) -> str | None:
    """Accept every tracked change: deleted text goes, inserted text stays, marks go."""
    dropped = changed = 0
    for part in _story_parts(package):
        root = package.tree(part)
        changed_here = _accept_row_and_mark_changes(root)
        for element in list(root.iter(W + "del", W + "moveFrom")):
            dropped += 1
            element.getparent().remove(element)
        for element in list(root.iter(W + "ins", W + "moveTo", *_CHANGE_MARKS)):
            if element.tag in (W + "ins", W + "moveTo"):
                _unwrap(element)
            else:
                element.getparent().remove(element)
            changed_here += 1
        if changed_here or dropped:
            package.dirty.add(part)
        changed += changed_here
    if not (dropped or changed):
        return None
    return f"Accepted tracked changes ({dropped} deletion(s) dropped)"


def _accept_row_and_mark_changes(root: etree._Element) -> int:
    """Deleted rows go and a deleted paragraph mark joins its paragraph to the next one;
    the marks themselves go, so that what remains of w:ins/w:del wraps runs only."""
    count = 0
    for row in list(root.iter(W + "tr")):
        if row.find(f"{W}trPr/{W}del") is not None:
            table = row.getparent()
            table.remove(row)
            count += 1
            if table.find(W + "tr") is None:  # a table without rows makes Word offer a repair
                _remove_table(table)
    for paragraph in list(root.iter(W + "p")):
        deleted = paragraph.find(f"{W}pPr/{W}rPr/{W}del")
        if deleted is not None and paragraph.getparent() is not None:
            _join_with_next(paragraph)
            count += 1
    for mark in list(root.iter(W + "ins", W + "del")):
        if mark.getparent().tag in (W + "trPr", W + "rPr"):
            mark.getparent().remove(mark)
            count += 1
    return count


def _remove_table(table: etree._Element) -> None:
    """Drop a table every row of which was deleted; a cell it sat in keeps a paragraph."""
    parent = table.getparent()
    parent.remove(table)
    if parent.tag == W + "tc" and parent.find(W + "p") is None:
        etree.SubElement(parent, W + "p")


def _join_with_next(paragraph: etree._Element) -> None:
    following = paragraph.getnext()
    if following is None or following.tag != W + "p":
        return
    anchor = following.find(W + "pPr")
    position = 0 if anchor is None else following.index(anchor) + 1
    for child in [c for c in paragraph if c.tag != W + "pPr"]:
        following.insert(position, child)
        position += 1
    paragraph.getparent().remove(paragraph)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    position = parent.index(element)
    for child in list(element):
        parent.insert(position, child)
        position += 1
    parent.remove(element)


def _remove_comments(package: _Package, keep: bool) -> str | None:
    comment_parts = package.related(package.main, "comments")
    if not comment_parts:
        return None
    if keep:
        for part in comment_parts:
            for comment in package.tree(part).iter(W + "comment"):
                comment.set(W + "author", "Reviewer")
                comment.set(W + "initials", "R")
            package.dirty.add(part)
        return "Kept comments; their authors are shown as 'Reviewer'"
    count = sum(1 for part in comment_parts for _ in package.tree(part).iter(W + "comment"))
    for part in _story_parts(package):
        root = package.tree(part)
        marks = list(root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"))
        for mark in marks:
            parent = mark.getparent()
            parent.remove(mark)
            if parent.tag == W + "r" and all(c.tag == W + "rPr" for c in parent):
                parent.getparent().remove(parent)
        if marks:
            package.dirty.add(part)
    for kind in _COMMENT_PARTS:
        for part in package.related(package.main, kind):
            package.remove_part(part)
    return f"Removed {count} comment(s)"


def _clear_properties(package: _Package) -> str | None:
    cleared = []
    for part, tags in (("docProps/core.xml", (DC + "creator", CP + "lastModifiedBy")),
                       ("docProps/app.xml", (EP + "Company", EP + "Manager"))):
        if part not in package.names:
            continue
        root = package.tree(part)
        for element in [e for e in root if e.tag in tags]:
            cleared.append(_CORE_FIELDS.get(element.tag) or _APP_FIELDS[element.tag])
            root.remove(element)
            package.dirty.add(part)
    return f"Cleared document properties: {', '.join(cleared)}" if cleared else None


def _remove_revision_ids(package: _Package) -> str | None:
    """rsid attributes tie every edit to an editing session on the author's machine."""
    found = False
    parts = _story_parts(package) + [p for p in ("word/styles.xml", "word/numbering.xml",
                                                 "word/settings.xml") if p in package.names]
    for part in parts:
        root = package.tree(part)
        for element in list(root.iter()):
            if not isinstance(element.tag, str):
                continue
            if element.tag in (W + "rsids", W + "rsid"):
                element.getparent().remove(element)
                found = True
                package.dirty.add(part)
                continue
            for attribute in [a for a in element.attrib if a.startswith(W + "rsid")]:
                del element.attrib[attribute]
                found = True
                package.dirty.add(part)
    return "Removed revision ids (rsid)" if found else None


def _remove_traces(package: _Package) -> list[str]:
    """The reviewers list, the template path (a user folder) and the first-page thumbnail."""
    done = []
    for part in package.related(package.main, "people"):
        package.remove_part(part)
        done.append("Removed the list of reviewers")
    settings = "word/settings.xml"
    if settings in package.names:
        template = package.tree(settings).find(W + "attachedTemplate")
        if template is not None:
            package.tree(settings).remove(template)
            package.dirty.add(settings)
            for rel in package.rels(settings):
                if rel.get("Type", "").endswith("/attachedTemplate"):
                    rel.getparent().remove(rel)
                    package.dirty.add(package.rels_name(settings))
            done.append("Removed the template path")
    for part in package.related("", "thumbnail"):
        package.remove_part(part)
        done.append("Removed the page thumbnail")
    return done


class _Docx:
    kind = "docx"
    label = "Word document"
    suffixes = (".docx",)

    def extract(self, raw: bytes) -> Extracted:
        _, out = _read(raw)
        return Extracted(out.text, out.sections)

    def rebuild(self, raw: bytes, edits: Sequence[Edit], options: CleanOptions) -> Rebuilt:
        package, out = _read(raw)
        _apply(package, out.pieces, edits)
        steps = [_accept_changes(package), _remove_comments(package, options.keep_comments),
                 _clear_properties(package), _remove_revision_ids(package), *_remove_traces(package)]
        return Rebuilt(package.save(), tuple(step for step in steps if step))

    def strings(self, raw: bytes) -> list[tuple[str, str]]:
        archive = open_zip(raw, "Word")
        found = [("part name", name) for name in archive.namelist()]
        for name in _xml_members(archive):
            found += [(f"{name}: {where}", value)
                      for where, value in xml_strings(parse_xml(read_member(archive, name), name))]
        return found


def _xml_members(archive: zipfile.ZipFile) -> Iterator[str]:
    for name in archive.namelist():
        if name.endswith((".xml", ".rels")):
            yield name


DOCX = _Docx()
