"""Cleaning a Word copy of what it must not carry besides the names: each step says what it did.

Tracked changes are accepted (deleted text is gone); comments are removed unless the editor
keeps them (their authors are then anonymised), with their pictures; author, date,
generator and template properties are cleared; custom properties and custom XML data,
document variables, the mail-merge source, revision and numbering ids (rsid, nsid) in every
part, the list of reviewers, the template path, printer settings, the page thumbnail and
building blocks are removed; bookmarks and pictures get neutral names; pictures lose their
metadata; embedded objects that cannot be redacted in place (other documents, workbooks,
OLE objects, controls) are removed, as is every part nothing in the document uses.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, images
from redactor.formats.docx import CP, DC, EP, O, PIC, STORY_TYPES, W, WP, R
from redactor.formats.docx_changes import accept_changes
from redactor.formats.ooxml import Package, rels_name, resolve
from redactor.formats.xmltext import clean_svg

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DCTERMS = "{http://purl.org/dc/terms/}"
_CORE_CLEARED = {DC + "creator": "author", CP + "lastModifiedBy": "last modified by",
                 DCTERMS + "created": "dates", DCTERMS + "modified": "dates",
                 CP + "lastPrinted": "dates", CP + "revision": "revision", CP + "version": "version",
                 DC + "identifier": "identifier"}
_COMMENT_PARTS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible")
_SETTINGS_TRACES = {W + "attachedTemplate": "the template path", W + "docVars": "document variables",
                    W + "mailMerge": "the mail-merge data source", W + "attachedSchema": "attached schemas",
                    W + "saveThroughXslt": "the export transform path"}
# Objects a copy cannot redact in place: the element that shows each, and what it is.
_OBJECTS = {W + "altChunk": "embedded document", O + "OLEObject": "embedded OLE object",
            W + "control": "form control", C + "externalData": "chart workbook"}
_FIELD_REFERENCE = r"(?<![\w]){}(?![\w])"
_W_NS = {"w": W[1:-1]}
_NEUTRAL_PICTURE = re.compile(r"(Picture|Image|Text Box) [0-9]+")
_ID_ELEMENTS = etree.XPath("//w:*[starts-with(local-name(), 'rsid') or local-name() = 'nsid']",
                           namespaces=_W_NS)
_ID_ATTRIBUTES = etree.XPath("//@w:*[starts-with(local-name(), 'rsid')]", namespaces=_W_NS)


def clean(package: Package, options: CleanOptions) -> list[str]:
    steps = [accept_changes(package, _stories(package)), _remove_comments(package, options.keep_comments),
             *_clear_properties(package), _remove_ids(package), *_remove_traces(package),
             _rename_bookmarks(package), _rename_styles(package)]
    if not options.keep_embedded:
        steps.append(_remove_objects(package))
    steps += _pictures(package, options)
    steps.append(_remove_unused(package))
    return [step for step in steps if step]


def _stories(package: Package) -> list[str]:
    main = package.main
    return [main] + [p for kind in STORY_TYPES for p in package.related(main, kind)]


def _xml_parts(package: Package) -> list[str]:
    return sorted(n for n in package.names if n.endswith(".xml") and package.has(n)
                  and n != "[Content_Types].xml")


# Comments.

def _remove_comments(package: Package, keep: bool) -> str | None:
    comment_parts = package.related(package.main, "comments")
    if not comment_parts:
        return None
    if keep:
        for part in comment_parts:
            for comment in package.tree(part).iter(W + "comment"):
                comment.set(W + "author", "Reviewer")
                comment.set(W + "initials", "R")
                comment.attrib.pop(W + "date", None)
            package.dirty.add(part)
        return "Kept comments; their authors are shown as 'Reviewer'"
    count = sum(1 for part in comment_parts for _ in package.tree(part).iter(W + "comment"))
    for part in _stories(package):
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


# Properties and traces of the author's machine.

def _clear_properties(package: Package) -> list[str]:
    done = []
    if package.has("docProps/core.xml"):
        root = package.tree("docProps/core.xml")
        cleared = [e for e in root if e.tag in _CORE_CLEARED]
        for element in cleared:
            root.remove(element)
            package.dirty.add("docProps/core.xml")
        if cleared:
            done.append("Cleared document properties: "
                        + ", ".join(dict.fromkeys(_CORE_CLEARED[e.tag] for e in cleared)))
    if package.has("docProps/app.xml") and len(package.tree("docProps/app.xml")):
        app = package.tree("docProps/app.xml")
        fields = [etree.QName(e).localname for e in app if e.tag in (EP + "Company", EP + "Manager")]
        for element in list(app):
            app.remove(element)
        package.dirty.add("docProps/app.xml")
        done.append("Cleared application properties (" + ", ".join(
            [f.lower() for f in fields] + ["generator", "template", "statistics"]) + ")")
    if package.has("docProps/custom.xml"):
        package.remove_part("docProps/custom.xml")
        done.append("Removed custom properties (their names and values)")
    custom_xml = [n for n in package.names if n.startswith("customXml/") and package.has(n)]
    if custom_xml:
        for part in custom_xml:
            package.remove_part(part)
        for part in _stories(package):
            for binding in list(package.tree(part).iter(W + "dataBinding")):
                binding.getparent().remove(binding)
                package.dirty.add(part)
        done.append("Removed custom XML data")
    return done


def _remove_ids(package: Package) -> str | None:
    """rsids tie every edit to an editing session on the author's machine; nsids number
    lists in a way that can tell one author's documents from another's."""
    found: set[str] = set()
    for part in _xml_parts(package):
        if part not in package.parsed and not re.search(rb"rsid|nsid", package.container.read(part)):
            continue
        try:
            root = package.tree(part)
        except UnreadableDocument:
            continue  # a damaged part nothing reads: removed below if nothing uses it
        elements, attributes = _ID_ELEMENTS(root), _ID_ATTRIBUTES(root)
        for element in elements:
            found.add("nsid" if element.tag == W + "nsid" else "rsid")
            if element.getparent() is not None:
                element.getparent().remove(element)
        for attribute in attributes:
            del attribute.getparent().attrib[attribute.attrname]
            found.add("rsid")
        if elements or attributes:
            package.dirty.add(part)
    labels = {"rsid": "revision ids (rsid)", "nsid": "list ids (nsid)"}
    return "Removed " + " and ".join(labels[kind] for kind in sorted(found, reverse=True)) if found else None


def _remove_traces(package: Package) -> list[str]:
    """The reviewers list, settings that name files or people, printer settings, the thumbnail."""
    done = []
    for part in package.related(package.main, "people"):
        package.remove_part(part)
        done.append("Removed the list of reviewers")
    for settings in package.related(package.main, "settings"):
        root = package.tree(settings)
        found = [e for e in root if e.tag in _SETTINGS_TRACES]
        for element in found:
            root.remove(element)
            package.dirty.add(settings)
        for rel in package.rels(settings):
            if rel.get("Type", "").rsplit("/", 1)[-1] in ("attachedTemplate", "mailMergeSource",
                                                          "mailMergeHeaderSource", "recipientData"):
                rel.getparent().remove(rel)
                package.dirty.add(rels_name(settings))
        if found:
            done.append("Removed " + ", ".join(_SETTINGS_TRACES[e.tag] for e in found))
    printers = [n for n in package.names if "/printerSettings/" in n and package.has(n)]
    for part in printers:
        package.remove_part(part)
    if printers:
        done.append("Removed the printer settings")
    for part in package.related("", "thumbnail"):
        package.remove_part(part)
        done.append("Removed the page thumbnail")
    for part in package.related(package.main, "glossaryDocument"):
        package.remove_part(part)
        done.append("Removed building blocks (the glossary)")
    return done


def _rename_bookmarks(package: Package) -> str | None:
    """Bookmarks and form fields named by the author ("Nurlanov_quote") get neutral names;
    links and field codes that refer to them follow. Word's own (_Toc, _Ref) stay."""
    names: dict[str, str] = {}
    for part in _stories(package):
        for element in package.tree(part).iter(W + "bookmarkStart", W + "name"):
            value = element.get(W + "val" if element.tag == W + "name" else W + "name", "")
            if value and not value.startswith("_") and value not in names:
                names[value] = f"Bookmark{len(names) + 1}"
    if not names:
        return None
    pattern = re.compile("|".join(_FIELD_REFERENCE.format(re.escape(n))
                                  for n in sorted(names, key=len, reverse=True)))
    for part in _stories(package):
        root = package.tree(part)
        for element in root.iter(W + "bookmarkStart", W + "name", W + "hyperlink", W + "instrText",
                                 W + "fldSimple"):
            for attribute in (W + "name", W + "val", W + "anchor", W + "instr"):
                value = element.get(attribute)
                if value in names:
                    element.set(attribute, names[value])
                elif value and attribute == W + "instr":
                    element.set(attribute, pattern.sub(lambda m: names[m.group()], value))
            if element.tag == W + "instrText" and element.text:
                element.text = pattern.sub(lambda m: names[m.group()], element.text)
        package.dirty.add(part)
    return f"Renamed {len(names)} bookmark(s) to neutral names"


_STYLE_REFERENCES = tuple(W + name for name in (
    "pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink", "styleLink"))


def _rename_styles(package: Package) -> str | None:
    """Styles the author made ("Nurlanov quote") get neutral names and ids; the paragraphs,
    runs and styles that use them follow. Word's own styles keep theirs."""
    parts = [p for kind in ("styles", "stylesWithEffects") for p in package.related(package.main, kind)]
    ids: dict[str, str] = {}
    for part in parts:
        for style in package.tree(part).iter(W + "style"):
            if style.get(W + "customStyle") not in ("1", "true", "on"):
                continue
            old = style.get(W + "styleId", "")
            ids.setdefault(old, f"CustomStyle{len(ids) + 1}")
            style.set(W + "styleId", ids[old])
            for child in list(style):
                if child.tag == W + "name":
                    child.set(W + "val", f"Custom style {ids[old].removeprefix('CustomStyle')}")
                elif child.tag == W + "aliases":
                    style.remove(child)
            package.dirty.add(part)
    if not ids:
        return None
    for part in _xml_parts(package):
        if part not in package.parsed and not any(i.encode() in package.container.read(part) for i in ids):
            continue
        for element in package.tree(part).iter(*_STYLE_REFERENCES):
            if element.get(W + "val") in ids:
                element.set(W + "val", ids[element.get(W + "val", "")])
                package.dirty.add(part)
    return f"Gave {len(ids)} style(s) the author made neutral names"


# Embedded objects and pictures.

def _remove_objects(package: Package) -> str | None:
    """Other documents, workbooks, OLE objects and controls stored inside the file: their
    text cannot be redacted in place, so they go (a chart keeps its picture and labels,
    an OLE object its preview)."""
    counts: dict[str, int] = {}
    for part in [n for n in _xml_parts(package) if n.startswith("word/")]:
        root = package.tree(part) if part in package.parsed or _mentions_objects(package, part) else None
        if root is None:
            continue
        for element in list(root.iter(*_OBJECTS)):
            target = _target(package, part, element.get(R + "id"))
            if target:
                package.remove_part(resolve(part, target))
            element.getparent().remove(element)
            package.dirty.add(part)
            counts[_OBJECTS[element.tag]] = counts.get(_OBJECTS[element.tag], 0) + 1
    for source, rel in package.relationships():
        if rel.get("Type", "").rsplit("/", 1)[-1] in ("package", "oleObject", "aFChunk", "control"):
            package.remove_part(resolve(source, rel.get("Target", "")))
    if not counts:
        return None
    return "Removed " + ", ".join(f"{n} {kind}(s)" for kind, n in counts.items()) + \
        ", which cannot be redacted in place"


def _mentions_objects(package: Package, part: str) -> bool:
    data = package.container.read(part)
    return any(marker in data for marker in (b"altChunk", b"OLEObject", b"control", b"externalData"))


def _target(package: Package, part: str, rel_id: str | None) -> str:
    for rel in package.rels(part):
        if rel.get("Id") == rel_id and rel.get("TargetMode") != "External":
            return rel.get("Target", "")
    return ""


def _pictures(package: Package, options: CleanOptions) -> list[str]:
    done = []
    named = 0
    for part in _stories(package):
        for number, element in enumerate(package.tree(part).iter(WP + "docPr", PIC + "cNvPr"), 1):
            if element.get("name") and not _NEUTRAL_PICTURE.fullmatch(element.get("name", "")):
                element.set("name", f"Picture {number}")
                named += 1
                package.dirty.add(part)
    media = sorted(n for n in package.names if n.startswith("word/media/") and package.has(n))
    mapping = _neutral_names(media, "word/media/image")
    if mapping:
        package.rename_parts(mapping)
    if named or mapping:
        done.append("Gave pictures neutral names")
    stripped = 0
    for part in media:
        if part.lower().endswith(".svg"):
            if clean_svg(package.tree(part)):
                package.dirty.add(part)
                stripped += 1
            continue
        data = package.container.read(part)
        clean_data = data if options.keep_image_metadata else images.strip(data)
        if clean_data != data:
            package.replaced[part] = clean_data
            stripped += 1
    if stripped:
        done.append(f"Removed metadata (EXIF, XMP, comments) from {stripped} picture(s)")
    return done


def _neutral_names(parts: list[str], stem: str) -> dict[str, str]:
    """New names ("word/media/image3.png") for parts whose name is not already one of these."""
    neutral = re.compile(re.escape(stem) + r"[0-9]+\.[a-z0-9]+")
    taken = {part for part in parts if neutral.fullmatch(part)}
    mapping: dict[str, str] = {}
    number = 0
    for part in parts:
        if part in taken:
            continue
        while True:
            number += 1
            new = f"{stem}{number}{posixpath.splitext(part)[1].lower()}"
            if new not in taken and new not in parts:
                break
        mapping[part] = new
        taken.add(new)
    return mapping


def _remove_unused(package: Package) -> str | None:
    unused = package.unreferenced()
    for part in unused:
        package.remove_part(part)
    if not unused:
        return None
    return f"Removed {len(unused)} part(s) nothing in the document uses ({', '.join(unused[:3])})"
