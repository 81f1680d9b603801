"""Cleaning an OpenDocument copy of what it must not carry besides the names.

Tracked changes are accepted and comments removed (or kept with their authors anonymised);
meta.xml keeps only the title, subject, description, keywords and language (authors,
dates, generator, template and custom properties go); revision ids go everywhere; the
settings (printer names, the last view), the thumbnail, toolbar configurations, macros,
signatures, older versions of the document and embedded OLE objects are removed, and so
are the preview pictures of embedded objects, which LibreOffice draws again; bookmarks,
fields, frames and form controls named by the author get neutral names; pictures lose
their metadata and get neutral file names; parts nothing refers to go. The manifest
follows, ``mimetype`` stays first and uncompressed, and the copy is refused if its package
would not hold together (``problems``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from lxml import etree

from redactor.errors import RedactorError
from redactor.formats import CleanOptions, images
from redactor.formats.containers import Container, parse_xml, serialize_xml
from redactor.formats.odt import ANNOTATION, MANIFEST, META, NS, TRACKED_CHANGES, q
from redactor.formats.xmltext import clean_svg

MIMETYPE = "mimetype"
CHANGE_MARKS = (q("text:change"), q("text:change-start"), q("text:change-end"))
COMMENT_PERSONAL = (q("dc:date"), q("meta:date-string"), q("meta:creator-initials"),
                    q("loext:sender-initials"))
RSIDS = (q("officeooo:rsid"), q("officeooo:paragraph-rsid"))
KEPT_META = (q("dc:title"), q("dc:subject"), q("dc:description"), q("meta:keyword"), q("dc:language"))
META_LABELS = {"initial-creator": "author", "creator": "last modified by", "printed-by": "printed by",
               "template": "template path", "generator": "generator", "creation-date": "dates",
               "date": "dates", "print-date": "dates", "editing-cycles": "editing time",
               "editing-duration": "editing time", "user-defined": "custom properties",
               "document-statistic": "statistics", "auto-reload": "reload settings",
               "hyperlink-behaviour": "link settings"}
# Parts removed from every copy (patterns of names), with what the editor is told.
REMOVED_PARTS = {r"Thumbnails/.*": "the page thumbnail",
                 r"(Object [^/]+/)?settings\.xml|Object [^/]+/meta\.xml": "the settings (printer, view)",
                 r"Configurations2/.*": "toolbar and menu configurations",
                 r"layout-cache": "the layout cache",
                 r"(Basic|Scripts)/.*": "macros", r"META-INF/(document|macro)signatures\.xml": "signatures",
                 r"ObjectReplacements/.*": "previews of embedded objects"}
EMBEDDED_PARTS = {r"Versions/.*|VersionList\.xml": "older versions of the document"}
# Names the author gives, and the attributes that refer to them: (declaring, referring).
NAMED = {
    "Bookmark": ((q("text:bookmark"), q("text:bookmark-start"), q("text:bookmark-end")), "text:name",
                 (q("text:bookmark-ref"),), "text:ref-name"),
    "Reference": ((q("text:reference-mark"), q("text:reference-mark-start"), q("text:reference-mark-end")),
                  "text:name", (q("text:reference-ref"),), "text:ref-name"),
    "Field": ((q("text:user-field-decl"), q("text:user-field-get"), q("text:user-field-input")),
              "text:name", (), ""),
    "Variable": ((q("text:variable-decl"), q("text:variable-set"), q("text:variable-get"),
                  q("text:variable-input")), "text:name", (), ""),
    "Frame": (tuple(q(f"draw:{n}") for n in ("frame", "custom-shape", "rect", "g", "ellipse", "path",
                                              "polygon", "line", "control", "caption")),
              "draw:name", (q("draw:text-box"),), "draw:chain-next-name"),
    "Control": (tuple(q(f"form:{n}") for n in ("form", "text", "button", "checkbox", "listbox", "combobox",
                                                "radio", "textarea", "fixed-text", "formatted-text",
                                                "date", "time", "number", "file", "image", "hidden")),
                "form:name", (), ""),
}
_NEUTRAL_PICTURE = re.compile(r"Pictures/(?:[0-9A-F]{32}|image[0-9]+)\.[A-Za-z0-9]+")


class Cleaner:
    """Cleans the parsed parts of one copy and writes it; ``steps`` says what was done."""

    def __init__(self, container: Container, parts: dict[str, etree._Element],
                 options: CleanOptions) -> None:
        self.container = container
        self.parts = parts
        self.options = options
        self.removed: set[str] = set()
        self.renamed: dict[str, str] = {}
        self.replaced: dict[str, bytes] = {}
        roots = list(parts.values())
        steps = [_accept_changes(roots), _comments(roots, options.keep_comments),
                 _meta(parts.get(META)), _revision_ids(roots), self._rename_identifiers(),
                 *self._remove_parts(), self._objects(), *self._pictures(), self._unused()]
        self.steps = tuple(step for step in steps if step)

    def copy(self) -> bytes:
        replaced = {name: serialize_xml(root) for name, root in self.parts.items()
                    if name not in self.removed}
        replaced.update(self.replaced)
        if self.container.has(MANIFEST):
            replaced[MANIFEST] = self._manifest()
        data = self.container.rebuild(replaced, self.removed, first=MIMETYPE, renamed=self.renamed)
        new = set(problems(Container(data, "OpenDocument copy"))) - set(problems(self.container))
        if new:
            raise RedactorError(f"the OpenDocument copy would not open cleanly ({sorted(new)[0]}); "
                                "nothing was written")
        return data

    def _remove(self, names: Iterable[str]) -> list[str]:
        found = [n for n in names if n not in self.removed]
        self.removed.update(found)
        return found

    def _remove_parts(self) -> list[str]:
        done = []
        prefixes = dict(REMOVED_PARTS)
        if not self.options.keep_embedded:
            prefixes.update(EMBEDDED_PARTS)
        for pattern, what in prefixes.items():
            found = self._remove(n for n in self.container.entries if re.fullmatch(pattern, n))
            if found and f"Removed {what}" not in done:
                done.append(f"Removed {what}")
        for root in self.parts.values():  # the previews' frames point at nothing now
            for image in list(root.iter(q("draw:image"))):
                if image.get(q("xlink:href"), "").lstrip("./").startswith("ObjectReplacements/"):
                    image.getparent().remove(image)
        return done

    def _objects(self) -> str | None:
        """OLE objects (a spreadsheet from another program): their text cannot be redacted."""
        if self.options.keep_embedded:
            return None
        found = 0
        for root in self.parts.values():
            for element in list(root.iter(q("draw:object-ole"))):
                target = element.get(q("xlink:href"), "").removeprefix("./")
                self._remove(n for n in self.container.names if n == target or n.startswith(target + "/"))
                element.getparent().remove(element)
                found += 1
        return f"Removed {found} embedded OLE object(s), which cannot be redacted in place" if found else None

    def _rename_identifiers(self) -> str | None:
        """Names the author gave to bookmarks, fields, frames and controls; the
        application's own (starting with "_" or "__") stay."""
        renamed = 0
        roots = list(self.parts.values())
        for prefix, (declaring, attribute, referring, reference) in NAMED.items():
            names: dict[str, str] = {}
            for root in roots:
                for element in root.iter(*declaring):
                    value = element.get(q(attribute))
                    if value and not value.startswith("_") and value not in names \
                            and not re.fullmatch(rf"{prefix}[0-9]+|Image[0-9]+|Shape[0-9]+", value):
                        names[value] = f"{prefix}{len(names) + 1}"
            for root in roots:
                links = (LINK,) if prefix == "Bookmark" else ()
                for element in root.iter(*declaring, *referring, *links):
                    for name in (attribute, reference):
                        if name and element.get(q(name)) in names:
                            element.set(q(name), names[element.get(q(name))])
                    href = element.get(q("xlink:href"), "")
                    if href.startswith("#") and href[1:] in names:
                        element.set(q("xlink:href"), "#" + names[href[1:]])
            renamed += len(names)
        return f"Gave {renamed} bookmark(s), field(s) and frame(s) neutral names" if renamed else None

    def _pictures(self) -> list[str]:
        done = []
        pictures = sorted(n for n in self.container.names if n.startswith("Pictures/")
                          and n not in self.removed and self.container.has(n))
        stripped = 0
        for name in pictures:
            if name in self.parts:
                stripped += clean_svg(self.parts[name])
                continue
            data = self.container.read(name)
            clean = data if self.options.keep_image_metadata else images.strip(data)
            if clean != data:
                self.replaced[name] = clean
                stripped += 1
        if stripped:
            done.append(f"Removed metadata (EXIF, XMP, comments) from {stripped} picture(s)")
        number = 0
        for name in pictures:
            if _NEUTRAL_PICTURE.fullmatch(name):
                continue
            number += 1
            while f"Pictures/image{number}{posixpath.splitext(name)[1]}" in pictures:
                number += 1
            self.renamed[name] = f"Pictures/image{number}{posixpath.splitext(name)[1]}"
        if self.renamed:
            for root in self.parts.values():
                for element in root.iter(etree.Element):
                    href = element.get(q("xlink:href"))
                    if href and href.removeprefix("./") in self.renamed:
                        element.set(q("xlink:href"), self.renamed[href.removeprefix("./")])
            done.append("Gave pictures neutral file names")
        return done

    def _unused(self) -> str | None:
        """Pictures and other parts no part of the document refers to (and nothing reads)."""
        referred = {value.removeprefix("./") for root in self.parts.values()
                    for element in root.iter(etree.Element) for value in element.attrib.values()}
        known = re.compile(r"mimetype|content\.xml|styles\.xml|meta\.xml|manifest\.rdf|META-INF/.*"
                           r"|Object [^/]+/.*|Fonts/.*|Versions/.*|VersionList\.xml")
        unused = [n for n in self.container.names if n not in self.removed and not known.fullmatch(n)
                  and n not in referred and self.renamed.get(n) not in referred]
        self._remove(unused)
        return f"Removed {len(unused)} part(s) nothing in the document uses ({', '.join(unused[:3])})" \
            if unused else None

    def _manifest(self) -> bytes:
        manifest = parse_xml(self.container.read(MANIFEST), MANIFEST)
        for entry in manifest.findall("manifest:file-entry", NS):
            path = entry.get(q("manifest:full-path"), "")
            gone = not path.endswith("/") and path not in self.container
            if path in self.removed or gone or (path.endswith("/") and path != "/" and not any(
                    n.startswith(path) and n not in self.removed for n in self.container.names)):
                manifest.remove(entry)
            elif path in self.renamed:
                entry.set(q("manifest:full-path"), self.renamed[path])
        return serialize_xml(manifest)


LINK = q("text:a")


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


def _drop_all(roots: Iterable[etree._Element], *tags: str) -> int:
    found = [element for root in roots for element in root.iter(*tags)]
    for element in found:
        _drop(element)
    return len(found)


def _accept_changes(roots: list[etree._Element]) -> str | None:
    deletions = sum(len(root.findall(".//text:changed-region/text:deletion", NS)) for root in roots)
    if not _drop_all(roots, TRACKED_CHANGES, *CHANGE_MARKS):
        return None
    return f"Accepted tracked changes ({deletions} deletion(s) dropped)"


def _comments(roots: list[etree._Element], keep: bool) -> str | None:
    annotations = [element for root in roots for element in root.iter(ANNOTATION)]
    if not annotations:
        return None
    if not keep:
        _drop_all(roots, ANNOTATION, q("office:annotation-end"))
        return f"Removed {len(annotations)} comment(s)"
    for annotation in annotations:
        for creator in annotation.iterfind("dc:creator", NS):
            creator.text = "Reviewer"
        for element in [child for child in annotation if child.tag in COMMENT_PERSONAL]:
            _drop(element)
    return "Kept comments; their authors are shown as 'Reviewer'"


def _meta(meta: etree._Element | None) -> str | None:
    found = [] if meta is None else [element for element in meta.iterfind("office:meta/*", NS)
                                     if element.tag not in KEPT_META]
    for element in found:
        _drop(element)
    cleared = dict.fromkeys(META_LABELS.get(etree.QName(e).localname, etree.QName(e).localname)
                            for e in found)
    return f"Cleared document properties: {', '.join(cleared)}" if cleared else None


def _revision_ids(roots: list[etree._Element]) -> str | None:
    """rsids tie each stretch of text to an editing session on someone's machine."""
    found = [(element, attribute) for root in roots for element in root.iter(etree.Element)
             for attribute in RSIDS if attribute in element.attrib]
    for element, attribute in found:
        del element.attrib[attribute]
    return "Removed revision ids (rsid)" if found else None


def problems(container: Container) -> list[str]:
    """What LibreOffice would complain about: mimetype not first or compressed, parts
    missing from the manifest or listed there but missing."""
    found = []
    first = container.infos[0] if container.infos else None
    if first is None or first.filename != MIMETYPE:
        found.append("mimetype is not the first entry")
    elif first.compress_type != 0:
        found.append("mimetype is compressed")
    if not container.has(MANIFEST):
        return found + ["no manifest"]
    try:
        manifest = parse_xml(container.read(MANIFEST), MANIFEST)
    except RedactorError:
        return found + ["the manifest does not parse"]
    listed = {e.get(q("manifest:full-path"), "") for e in manifest.iter(q("manifest:file-entry"))}
    found += [f"manifest lists missing {p}" for p in sorted(listed)
              if p and p != "/" and not p.endswith("/") and p not in container]
    found += [f"not in manifest: {n}" for n in container.names
              if n != MIMETYPE and not n.startswith("META-INF/") and n not in listed]
    return found
