"""Every string a zip container stores, for a leak check that does not trust the reader.

The reader reads the places a format defines; this walk reads everything else too: every
part name, zip comment, text node and attribute value, the text of a part that is not
well-formed, the metadata of pictures, readable runs in binary parts, and the same again
inside any package stored as a part (a chart's workbook, an older version), opened with
the container's limits. Whatever the reader missed is still searched here.
"""

from __future__ import annotations

import re

from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import images
from redactor.formats.containers import XML_SUFFIXES, Container, parse_xml

BINARY = " [binary]"  # a place label for text found in binary data; short tokens are not searched there
# Schema and namespace identifiers ("http://schemas.openxmlformats.org/..."): never a
# person's text, and their words ("org", "office") would only make false leaks.
_SCHEMA = re.compile(r"(?:https?://(?:schemas\.|purl\.org/|purl\.oclc\.org/|www\.w3\.org/)|urn:schemas)")
# Attribute values that are a format's own vocabulary, not anyone's text: Word's built-in
# style names ("Strong", "Title", "toc 1") and font names. A style the author made is still
# searched, and a copy gives it a neutral name.
_VOCABULARY = frozenset({("lsdException", "name"), ("rFonts", "ascii"), ("rFonts", "hAnsi"),
                         ("rFonts", "cs"), ("rFonts", "eastAsia"), ("font", "name"),
                         ("altName", "val"), ("latin", "typeface"), ("ea", "typeface"),
                         ("cs", "typeface"), ("font", "typeface"), ("font-face", "name"),
                         ("font-face", "font-family")})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ASCII_RUN = re.compile(rb"(?:[\x20-\x7e]|[\xc2-\xf4][\x80-\xbf]{1,3}){4,}")
_UTF16_RUN = re.compile(rb"(?:[\x20-\x7e\xa0-\xff]\x00){4,}")
_LETTERS = re.compile(r"[^\W\d_]{2}")


def container_strings(container: Container, prefix: str = "") -> list[tuple[str, str]]:
    """(place, value) for everything stored in ``container``; ``prefix`` names where it is nested.

    Refused like the reader refuses: a part that declares entities is never searched."""
    container.refuse_declarations()
    found = [(f"{prefix}[zip comment]", container.archive.comment.decode("latin-1"))]
    for info in container.infos:
        found.append((f"{prefix}part name", info.filename))
        if info.comment:
            found.append((f"{prefix}{info.filename}: zip comment", info.comment.decode("latin-1")))
        if not info.is_dir() and container.has(info.filename):
            found += part_strings(container, info.filename, prefix)
    return [(place, value) for place, value in found if value]


def part_strings(container: Container, name: str, prefix: str = "") -> list[tuple[str, str]]:
    """The strings of one part: XML values, text, picture metadata or binary runs."""
    data = container.read(name)
    place = prefix + name
    if data.startswith(b"PK\x03\x04"):
        return container_strings(container.nested(name, "embedded package"), place + "!")
    if name.lower().endswith(XML_SUFFIXES) or data.lstrip()[:5] in (b"<?xml", b"\xef\xbb\xbf<?x"):
        try:
            return [(f"{place}: {where}", value) for where, value in xml_strings(parse_xml(data, name))]
        except UnreadableDocument:  # malformed, or a DTD: its raw text is searched instead
            return [(place, data.decode("utf-8", "replace"))]
    if images.kind(data):
        return ([(f"{place}: picture metadata", text) for text in images.metadata_texts(data)]
                + binary_strings(data, place))
    if b"\x00" in data[:4096]:
        return binary_strings(data, place)
    return [(place, data.decode("utf-8", "replace"))]


def binary_strings(data: bytes, place: str) -> list[tuple[str, str]]:
    """Runs of readable text in binary data, as 8-bit text and as UTF-16 (Windows' own)."""
    runs = [run.decode("utf-8", "replace") for run in _ASCII_RUN.findall(data)]
    runs += [run.decode("utf-16-le") for run in _UTF16_RUN.findall(data)]
    runs = [run for run in runs if _LETTERS.search(run)]
    return [(place + BINARY, "\n".join(runs))] if runs else []


def xml_strings(root: etree._Element) -> list[tuple[str, str]]:
    """Every text node and attribute value of a part, with what holds it."""
    found: list[tuple[str, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            if element.text:
                found.append(("comment", element.text))
            if element.tail and element.tail.strip():
                found.append(("comment tail", element.tail))
            continue
        tag = etree.QName(element).localname
        if element.text and element.text.strip():
            found.append((tag, element.text))
        if element.tail and element.tail.strip():
            found.append((tag, element.tail))
        for attribute, value in element.attrib.items():
            name = etree.QName(attribute).localname
            if not _SCHEMA.match(value) and not _vocabulary(element, tag, name):
                found.append((f"{tag} @{name}", value))
    return found


def _vocabulary(element: etree._Element, tag: str, attribute: str) -> bool:
    if (tag, attribute) in _VOCABULARY:
        return True
    if tag in ("name", "style") and attribute in ("val", "styleId"):  # a Word style's name or id
        style = element if tag == "style" else element.getparent()
        return style is not None and style.tag == _W + "style" and style.get(_W + "customStyle") != "1"
    return False
