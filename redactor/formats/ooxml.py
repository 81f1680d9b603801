"""The Open XML package of a Word file: parts, relationships and content types, as Word sees them.

A .docx is a zip of parts tied together by relationship files (``_rels/*.rels``) and typed by
``[Content_Types].xml``. ``Package`` parses each part once, marks what changes, removes and
renames parts with everything that points at them, and writes a copy whose package holds
together the way Word checks it (``problems``): every relationship reaches a part, every part
has a content type, no relationships belong to a part that is gone.

Two kinds of file are read that a strict reader would refuse. Strict Open XML (ISO 29500
Strict) names its namespaces differently; its parts are mapped to the usual (transitional)
names when parsed and back when written, so the reader knows one vocabulary and the file
keeps its own. A missing or malformed ``[Content_Types].xml`` is read as far as it goes and
written again, whole, from what the package holds.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from redactor.errors import RedactorError, UnreadableDocument
from redactor.formats.containers import Container, serialize_xml

PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
TYPES = "[Content_Types].xml"
_CT_NS = CT[1:-1]
_STRICT = "http://purl.oclc.org/ooxml/"
_RENAMED_PARTS = {"extendedProperties": "extended-properties", "customProperties": "custom-properties"}
_WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_TYPE_BY_RELATION = {
    "officeDocument": _WORDML + "document.main+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
    "extended-properties": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "extendedProperties": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "custom-properties": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    "stylesWithEffects": "application/vnd.ms-word.stylesWithEffects+xml",
    **{name: f"{_WORDML}{name}+xml" for name in (
        "styles", "settings", "fontTable", "webSettings", "numbering", "footnotes", "endnotes",
        "header", "footer", "comments")},
}
_TYPE_BY_EXTENSION = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml",
    "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
    "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf",
    "wmf": "image/x-wmf", "svg": "image/svg+xml", "webp": "image/webp",
    "odttf": "application/vnd.openxmlformats-officedocument.obfuscatedFont",
}


def transitional(namespace: str) -> str:
    """A Strict namespace as its transitional twin; any other namespace as it is."""
    if not namespace.startswith(_STRICT):
        return namespace
    area, _, name = namespace[len(_STRICT):].partition("/")
    name, _, rest = name.partition("/")
    name = _RENAMED_PARTS.get(name, name)
    return f"http://schemas.openxmlformats.org/{area}/2006/{name}" + (f"/{rest}" if rest else "")


def _map_names(root: etree._Element, mapping: dict[str, str]) -> None:
    """Rename every element and attribute whose namespace is a key of ``mapping``."""
    for element in root.iter(etree.Element):
        namespace, _, local = element.tag[1:].partition("}")
        if namespace in mapping:
            element.tag = f"{{{mapping[namespace]}}}{local}"
        for name in [a for a in element.attrib if a.startswith("{")]:
            namespace, _, local = name[1:].partition("}")
            if namespace in mapping:
                element.attrib[f"{{{mapping[namespace]}}}{local}"] = element.attrib.pop(name)


def _strict_namespaces(root: etree._Element) -> dict[str, str]:
    """{transitional: strict} for the Strict namespaces a part declares."""
    found = {uri for element in root.iter(etree.Element) for uri in element.nsmap.values()
             if uri.startswith(_STRICT)}
    return {transitional(uri): uri for uri in found}


class Package:
    """The parts of a Word file, parsed once, marked dirty when changed."""

    def __init__(self, raw: bytes) -> None:
        self.container = Container(raw, "Word")
        self.container.refuse_declarations()
        self.names = set(self.container.names)
        self._filled = {name for name in self.names if self.container.has(name)}
        self._trees: dict[str, etree._Element] = {}
        self._strict: dict[str, dict[str, str]] = {}
        self.dirty: set[str] = set()
        self.removed: set[str] = set()
        self.renamed: dict[str, str] = {}
        self.replaced: dict[str, bytes] = {}  # parts rewritten as bytes (pictures without metadata)
        self.defaults, self.overrides, self.types_damaged = _content_types(self.container)
        self.main = self._main_part()

    @property
    def parsed(self) -> set[str]:
        """The parts parsed so far."""
        return set(self._trees)

    def has(self, name: str) -> bool:
        """The part is there, holds something, and was not removed."""
        return name in self._filled and name not in self.removed

    def tree(self, name: str) -> etree._Element:
        """A part's XML in transitional names (Strict parts are mapped on the way in)."""
        if name not in self._trees:
            root = self.container.xml(name)
            if root is None:
                raise UnreadableDocument(f"the part {name} is empty")
            if any(uri.startswith(_STRICT) for uri in root.nsmap.values()):
                strict = _strict_namespaces(root)
                _map_names(root, {s: t for t, s in strict.items()})
                self._strict[name] = strict
            self._trees[name] = root
        return self._trees[name]

    def _main_part(self) -> str:
        for rel in self.rels(""):
            if rel.get("Type", "").endswith("/officeDocument"):
                name = resolve("", rel.get("Target", ""))
                if self.has(name):
                    return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise UnreadableDocument("not a Word document (it has no main document part)")

    def rels(self, part: str) -> list[etree._Element]:
        """The relationship elements of ``part`` ("" for the package's own)."""
        name = rels_name(part)
        return list(self.tree(name).iter(PKG + "Relationship")) if self.has(name) else []

    def related(self, part: str, kind: str) -> list[str]:
        """Parts related to ``part`` by relationships of type ``kind``, in the order listed."""
        found = []
        for rel in self.rels(part):
            if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                name = resolve(part, rel.get("Target", ""))
                if self.has(name) and name not in found:
                    found.append(name)
        return found

    def relationships(self) -> list[tuple[str, etree._Element]]:
        """(source part, relationship) for every relationship file in the package."""
        found = []
        for name in sorted(self.names):
            source = rels_source(name)
            if source is not None and self.has(name) and (source == "" or self.has(source)):
                found += [(source, rel) for rel in self.rels(source)]
        return found

    def remove_part(self, name: str) -> None:
        """Drop a part, its own relationships, and every relationship that points at it."""
        if not self.has(name):
            return
        self.removed.add(name)
        self.removed.add(rels_name(name))
        for source, rel in self.relationships():
            if rel.get("TargetMode") != "External" and resolve(source, rel.get("Target", "")) == name:
                rel.getparent().remove(rel)
                self.dirty.add(rels_name(source))

    def rename_parts(self, mapping: dict[str, str]) -> None:
        """Give parts new names (all at once, so names may swap); relationships follow."""
        for source, rel in self.relationships():
            target = resolve(source, rel.get("Target", ""))
            if rel.get("TargetMode") != "External" and target in mapping:
                rel.set("Target", posixpath.relpath(mapping[target], posixpath.dirname(source) or "."))
                self.dirty.add(rels_name(source))
        for name, new in mapping.items():
            self.renamed[name] = new
            if rels_name(name) in self.names:
                self.renamed[rels_name(name)] = rels_name(new)

    def unreferenced(self) -> list[str]:
        """Parts no relationship reaches from the package root: nothing uses them."""
        reached, queue = {""}, [""]
        renamed_back = {new: old for old, new in self.renamed.items()}
        while queue:
            source = queue.pop()
            for rel in self.rels(source):
                target = resolve(renamed_back.get(source, source), rel.get("Target", ""))
                target = renamed_back.get(target, target)
                if rel.get("TargetMode") != "External" and target in self.names and target not in reached:
                    reached.add(target)
                    queue.append(target)
        return sorted(name for name in self.names - self.removed
                      if name not in reached and name != TYPES and rels_source(name) is None)

    def save(self) -> bytes:
        """The copy: changed parts serialised (in Strict names where they came so), content
        types written whole for the parts that remain; refused if the package would not hold."""
        replaced = dict(self.replaced)
        for name in self.dirty - self.removed:
            root = self._trees[name]
            if name in self._strict:
                _map_names(root, self._strict[name])
                keep = [prefix for prefix in root.nsmap if prefix and not re.fullmatch(r"ns[0-9]+", prefix)]
                etree.cleanup_namespaces(root, keep_ns_prefixes=keep)  # the mapping's own ns0
            replaced[name] = serialize_xml(root)
        replaced[TYPES] = self._types_xml()
        data = self.container.rebuild(replaced, self.removed, first=TYPES, renamed=self.renamed)
        if TYPES not in self.container:
            data = _with_types_first(data, replaced[TYPES])
        new = set(problems(Container(data, "Word"))) - set(problems(self.container))
        if new:
            raise RedactorError(f"the Word copy would not open cleanly ({sorted(new)[0]}); "
                                "nothing was written")
        return data

    def _types_xml(self) -> bytes:
        root = etree.Element(CT + "Types", nsmap={None: _CT_NS})
        parts = sorted(self.renamed.get(n, n) for n in self.names - self.removed if n != TYPES)
        extensions = {part.rsplit(".", 1)[-1].lower() for part in parts if "." in part}
        defaults = dict(self.defaults)
        for extension in sorted(extensions - set(defaults)):
            if extension in _TYPE_BY_EXTENSION and extension != "xml":
                defaults[extension] = _TYPE_BY_EXTENSION[extension]
        for extension, kind in sorted(defaults.items()):
            etree.SubElement(root, CT + "Default", Extension=extension, ContentType=kind)
        renamed_back = {new: old for old, new in self.renamed.items()}
        for part in parts:
            kind = self.overrides.get(renamed_back.get(part, part)) or (
                None if part.rsplit(".", 1)[-1].lower() in defaults else self._inferred(part))
            if kind:
                etree.SubElement(root, CT + "Override", PartName="/" + part, ContentType=kind)
        return serialize_xml(root)

    def _inferred(self, part: str) -> str:
        """A content type for a part the list forgot, from the relationship that reaches it."""
        for source, rel in self.relationships():
            if resolve(source, rel.get("Target", "")) == part:
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                if kind in _TYPE_BY_RELATION:
                    return _TYPE_BY_RELATION[kind]
        return _TYPE_BY_EXTENSION.get(part.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def _content_types(container: Container) -> tuple[dict[str, str], dict[str, str], bool]:
    """(defaults by extension, overrides by part, damaged?) as far as the list can be read."""
    if not container.has(TYPES):
        return {}, {}, True
    data = container.read(TYPES)
    damaged = False
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False,
                                                      no_network=True))
        damaged = True
    if root is None:
        return {}, {}, True
    defaults, overrides = {}, {}
    for element in root.iter(CT + "Default", CT + "Override"):
        kind = element.get("ContentType")
        if not kind:
            damaged = True
        elif element.tag == CT + "Default" and element.get("Extension"):
            defaults[element.get("Extension", "").lower()] = kind
        elif element.get("PartName"):
            overrides[element.get("PartName", "").lstrip("/")] = kind
    return defaults, overrides, damaged


def _with_types_first(data: bytes, types: bytes) -> bytes:
    """A package that had no content types gets them, as the first entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        info = zipfile.ZipInfo(TYPES, date_time=(1980, 1, 1, 0, 0, 0))
        info.create_system, info.external_attr = 3, 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(info, types)
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
    return out.getvalue()


def resolve(source: str, target: str) -> str:
    """A relationship target as a part name, relative to the part that holds the relationship."""
    target = re.sub(r"#.*$", "", target)
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def rels_source(name: str) -> str | None:
    """The part a .rels file belongs to ("word/_rels/document.xml.rels" → "word/document.xml")."""
    folder, base = posixpath.split(name)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[:-len(".rels")])


def problems(container: Container) -> list[str]:
    """What Word would complain about: parts without a content type, relationships of
    missing parts or to missing parts, content types for missing parts."""
    names = {name for name in container.names}
    defaults, overrides, damaged = _content_types(container)
    found = ["the list of content types is missing or damaged"] if damaged else []
    found += [f"content type for missing part {part}" for part in sorted(set(overrides) - names)]
    for part in sorted(names - {TYPES}):
        if part not in overrides and part.rsplit(".", 1)[-1].lower() not in defaults:
            found.append(f"part without content type {part}")
        source = rels_source(part)
        if source is None:
            continue
        if source and source not in names:
            found.append(f"{part}: relationships of missing part {source}")
        try:
            root = container.xml(part)
        except UnreadableDocument:
            found.append(f"{part}: does not parse")
            continue
        for rel in [] if root is None else root.iter(PKG + "Relationship"):
            if rel.get("TargetMode") != "External" and rel.get("Target"):
                target = resolve(source, rel.get("Target", ""))
                if target not in names:
                    found.append(f"{part}: {rel.get('Id')} -> missing {target}")
    return found
