"""Opening zip containers and their XML parts without trusting them.

A .docx or .odt is a zip of XML files, and either can be hostile: a zip bomb that inflates
a few kilobytes into gigabytes, an XML part that declares entities to expand a billion
times or to read a local file. Sizes are checked against the zip directory and again while
inflating, and XML with a document type declaration is refused outright (neither format
uses one), so a hostile file is refused in well under a second with nothing written.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Mapping

from lxml import etree

from redactor.errors import UnreadableDocument

MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 256 << 20  # one inflated part
MAX_TOTAL_BYTES = 1 << 30  # all parts together
MAX_RATIO = 200  # inflated size / compressed size for parts over 1 MiB
_READ_BLOCK = 1 << 20

# Schema and namespace identifiers ("http://schemas.openxmlformats.org/..."): never a
# person's text, and their words ("org", "office") would only make false leaks.
_SCHEMA = re.compile(r"(?:https?://(?:schemas\.|purl\.org/|www\.w3\.org/)|urn:schemas)")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_blank_text=False)


def open_zip(raw: bytes, kind: str) -> zipfile.ZipFile:
    """The zip container in ``raw``, refused if damaged or if it would inflate beyond reason."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableDocument(f"not a valid {kind} file (its zip container is damaged "
                                 "or truncated)") from None
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(f"not a plausible {kind} file ({len(infos)} parts)")
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


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes, read with a cap: the zip directory's sizes are claims, not facts."""
    info = archive.getinfo(name)
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as handle:
            while block := handle.read(_READ_BLOCK):
                size += len(block)
                if size > limit:
                    raise UnreadableDocument(f"refused: the part {name} inflates beyond "
                                             "its declared size (a zip bomb?)")
                chunks.append(block)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise UnreadableDocument(f"the part {name} is damaged (truncated or corrupt)") from None
    return b"".join(chunks)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part; entity declarations and malformed XML are refused with the part's name."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnreadableDocument(f"refused: the part {name} declares a document type or entities "
                                 "(not used by real documents; a way to attack XML readers)")
    if not data.strip():
        raise UnreadableDocument(f"the part {name} is empty")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(f"the part {name} is not well-formed XML "
                                 f"(line {error.lineno})") from None
    if root.getroottree().docinfo.doctype:  # a declaration the byte check missed (UTF-16)
        raise UnreadableDocument(f"refused: the part {name} declares a document type")
    return root


def serialize_xml(root: etree._Element) -> bytes:
    """The part's bytes as Word and LibreOffice expect them: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewrite_zip(archive: zipfile.ZipFile, replaced: Mapping[str, bytes],
                removed: set[str] = frozenset()) -> bytes:  # type: ignore[assignment]
    """A copy of the container with some parts replaced and some removed.

    Order, names, timestamps and compression are kept, so an OpenDocument's ``mimetype``
    stays first and stored; parts not replaced are copied as they were.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            if info.filename in removed:
                continue
            data = replaced.get(info.filename)
            if data is None:
                data = read_member(archive, info.filename)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            target.writestr(copy, data)
    return out.getvalue()


def xml_strings(root: etree._Element) -> list[tuple[str, str]]:
    """Every text node and attribute value of a part, with what holds it, for the leak check."""
    found: list[tuple[str, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            if element.text:
                found.append(("comment", element.text))
            continue
        tag = etree.QName(element).localname
        if element.text and element.text.strip():
            found.append((tag, element.text))
        if element.tail and element.tail.strip():
            found.append((tag, element.tail))
        for attribute, value in element.attrib.items():
            if not _SCHEMA.match(value):
                found.append((f"{tag} @{etree.QName(attribute).localname}", value))
    return found
