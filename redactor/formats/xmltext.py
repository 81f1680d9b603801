"""Text stored in XML trees: where each piece lives, and the text of SVG pictures.

Word and OpenDocument keep text as element text, as the text after an element (its tail,
in mixed content) and as attribute values. An ``XmlSlot`` names one such place so that an
edit on the extracted text can be written back to it. SVG pictures, which both formats
embed, keep their visible words in ``<text>``, ``<title>`` and ``<desc>``; ``svg_blocks``
finds them and ``clean_svg`` drops what only describes the picture (its RDF metadata, with
an author, and XML comments).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

TEXT, TAIL = "text", "tail"
SVG = "{http://www.w3.org/2000/svg}"
_SVG_TEXT = (SVG + "text", SVG + "title", SVG + "desc")
_SVG_LABELS = ("aria-label", "{http://www.w3.org/1999/xlink}title")


@dataclass(frozen=True)
class XmlSlot:
    """An element's text, the text after it (``TAIL``), or one of its attributes, in ``part``."""

    part: str
    element: etree._Element
    where: str = TEXT

    def read(self) -> str:
        if self.where == TEXT:
            return self.element.text or ""
        if self.where == TAIL:
            return self.element.tail or ""
        return self.element.get(self.where) or ""

    def write(self, value: str) -> None:
        if self.where == TEXT:
            self.element.text = value or None
        elif self.where == TAIL:
            self.element.tail = value or None
        else:
            self.element.set(self.where, value)


def mixed(part: str, element: etree._Element) -> Iterator[XmlSlot]:
    """The slots of an element's mixed content, in reading order: its text, then each
    child's content and the text after that child."""
    yield XmlSlot(part, element, TEXT)
    for child in element:
        if isinstance(child.tag, str):
            yield from mixed(part, child)
        yield XmlSlot(part, child, TAIL)


def svg_blocks(part: str, root: etree._Element) -> Iterator[list[XmlSlot]]:
    """Each run of text an SVG picture shows (a ``<text>``, a title, a label), as slots."""
    for element in root.iter(etree.Element):
        parent = element.getparent()
        if element.tag in _SVG_TEXT and (parent is None or parent.tag not in _SVG_TEXT):
            yield list(mixed(part, element))
        for attribute in _SVG_LABELS:
            if element.get(attribute):
                yield [XmlSlot(part, element, attribute)]


def clean_svg(root: etree._Element) -> bool:
    """Drop an SVG picture's metadata and comments; True if there were any."""
    found = [element for element in root.iter(SVG + "metadata", etree.Comment)]
    for element in found:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    return bool(found)
