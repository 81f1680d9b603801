"""Zip containers, one model for reading a draft, rebuilding its copy and checking that copy.

A .docx or .odt is a zip of parts, and either can be hostile: a zip bomb that inflates a
few kilobytes into gigabytes, an XML part that declares entities to expand a billion times
or to read a local file, a part listed twice so that one reader sees one version and
another the other. ``Container`` applies the same rules whoever opens the file, so the
reader, the rebuilder and the leak check can never disagree about what it holds:

- sizes are checked against the zip directory and again while inflating; a container
  nested in another (a chart's workbook, an older version of an .odt) is opened with the
  same limits, at most ``MAX_DEPTH`` deep;
- a part of zero bytes, or of blank space only, is absent (LibreOffice writes empty
  configuration files, Word an empty font table);
- an XML part that is read must be well-formed and declare no document type; the leak
  check, which reads every part, searches a part it cannot parse as raw text instead.

A copy is written canonically: the entry a format needs first (an .odt's ``mimetype``,
stored), then the rest in their original order, every timestamp set to 1980-01-01 and no
zip comments, so the copy does not tell when or where it was edited.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Mapping, Set as AbstractSet

from lxml import etree

from redactor.errors import UnreadableDocument

MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 256 << 20  # one inflated part
MAX_TOTAL_BYTES = 1 << 30  # all parts together
MAX_RATIO = 200  # inflated size / compressed size for parts over 1 MiB
MAX_DEPTH = 3  # containers inside containers
_READ_BLOCK = 1 << 20
_CACHED = 8 << 20  # parts up to this size are kept once read: each is read by several steps
XML_SUFFIXES = (".xml", ".rels", ".rdf", ".svg", ".vml", ".xhtml")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
_UNIX = 3
_DECLARATIONS = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_blank_text=False)


class Container:
    """The parts of one zip file, read with limits; ``depth`` counts the containers around it."""

    def __init__(self, raw: bytes, kind: str, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            raise UnreadableDocument(f"refused: the {kind} file nests packages more than "
                                     f"{MAX_DEPTH} deep")
        self.kind = kind
        self.depth = depth
        self.archive = _open_zip(raw, kind)
        self.infos = self.archive.infolist()
        self.entries = [info.filename for info in self.infos]  # folders too
        self.names = [info.filename for info in self.infos if not info.is_dir()]
        self._names = set(self.names)
        self._cache: dict[str, bytes] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """A part's bytes, read with a cap: the zip directory's sizes are claims, not facts."""
        if name in self._cache:
            return self._cache[name]
        info = self.archive.getinfo(name)
        limit = min(info.file_size, MAX_MEMBER_BYTES)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as handle:
                while block := handle.read(_READ_BLOCK):
                    size += len(block)
                    if size > limit:
                        raise UnreadableDocument(f"refused: the part {name} inflates beyond "
                                                 "its declared size (a zip bomb?)")
                    chunks.append(block)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError):
            raise UnreadableDocument(f"the part {name} is damaged (truncated or corrupt)") from None
        data = b"".join(chunks)
        if size <= _CACHED:
            self._cache[name] = data
        return data

    def refuse_declarations(self) -> None:
        """Refuse the file if any XML part declares entities, read or not: the leak check
        reads every part, and it must never accept what the reader refuses."""
        for name in self.names:
            if name.lower().endswith(XML_SUFFIXES) and _DECLARATIONS.search(self.read(name)):
                raise UnreadableDocument(f"refused: the part {name} declares a document type or "
                                         "entities (not used by real documents; a way to attack "
                                         "XML readers)")

    def has(self, name: str) -> bool:
        """The part exists and holds something: an empty part counts as absent."""
        if name not in self._names:
            return False
        info = self.archive.getinfo(name)
        return info.file_size > 0 and (info.file_size > 4096 or bool(self.read(name).strip()))

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed as XML, or None when it is absent or empty; malformed XML is refused."""
        return parse_xml(self.read(name), name) if self.has(name) else None

    def nested(self, name: str, kind: str) -> Container:
        """A container stored as a part of this one, opened with the same limits."""
        return Container(self.read(name), kind, self.depth + 1)

    def rebuild(self, replaced: Mapping[str, bytes], removed: AbstractSet[str] = frozenset(),
                first: str = "", renamed: Mapping[str, str] | None = None) -> bytes:
        """A copy with some parts replaced, removed or renamed, written canonically.

        ``first`` (an .odt's ``mimetype``) is written first and uncompressed; every other part
        keeps its place and compression. Folders left empty by removed parts go too.
        """
        renamed = renamed or {}
        kept = [info for info in self.infos if info.filename not in removed
                and not (info.is_dir() and _emptied(info.filename, self.names, removed))]
        kept.sort(key=lambda info: info.filename != first)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in kept:
                name = info.filename
                data = replaced.get(name)
                if data is None:
                    data = b"" if info.is_dir() else self.read(name)
                copy = zipfile.ZipInfo(renamed.get(name, name), date_time=_EPOCH)
                copy.create_system = _UNIX
                copy.compress_type = zipfile.ZIP_STORED if name == first else info.compress_type
                copy.external_attr = (0o40755 << 16 | 0x10) if info.is_dir() else 0o644 << 16
                target.writestr(copy, data)
        return out.getvalue()


def _emptied(folder: str, names: list[str], removed: AbstractSet[str]) -> bool:
    inside = [name for name in names if name.startswith(folder)]
    return bool(inside) and all(name in removed for name in inside)


def _open_zip(raw: bytes, kind: str) -> zipfile.ZipFile:
    """The zip container in ``raw``, refused if damaged or if it would inflate beyond reason."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UnreadableDocument(f"not a valid {kind} file (its zip container is damaged "
                                 "or truncated)") from None
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(f"not a plausible {kind} file ({len(infos)} parts)")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise UnreadableDocument(f"refused: the {kind} file holds the part {twice} twice "
                                 "(readers would disagree about which one counts)")
    total = sum(info.file_size for info in infos)
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableDocument(f"the {kind} file is encrypted; remove its password first")
        if info.file_size > _READ_BLOCK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableDocument(f"refused: the {kind} file looks like a zip bomb "
                                     f"(a part inflates {info.file_size // max(info.compress_size, 1)}×)")
    if total > MAX_TOTAL_BYTES or any(info.file_size > MAX_MEMBER_BYTES for info in infos):
        raise UnreadableDocument(f"refused: the {kind} file would inflate to "
                                 f"{total >> 20} MiB, too large for a draft")
    return archive


def zip_names(raw: bytes) -> list[str]:
    """The part names of a zip, or [] if ``raw`` is none: enough to tell a format apart."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return archive.namelist()[:MAX_MEMBERS]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return []


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part; entity declarations and malformed XML are refused with the part's name.

    A document type without declarations of its own (``<!DOCTYPE svg PUBLIC ...>``, as many
    SVG pictures have) is harmless here: external definitions are never loaded.
    """
    if _DECLARATIONS.search(data):
        raise UnreadableDocument(f"refused: the part {name} declares a document type or entities "
                                 "(not used by real documents; a way to attack XML readers)")
    if not data.strip():
        raise UnreadableDocument(f"the part {name} is empty")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(f"the part {name} is not well-formed XML "
                                 f"(line {error.lineno})") from None
    declared = root.getroottree().docinfo.internalDTD
    if declared is not None and (any(declared.iterentities()) or any(declared.iterelements())):
        raise UnreadableDocument(f"refused: the part {name} declares a document type")
    return root


def serialize_xml(root: etree._Element) -> bytes:
    """The part's bytes as Word and LibreOffice expect them: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
