"""Accepting a Word document's tracked changes, as Word's "Accept All" does.

Deleted text, rows and paragraph marks go; inserted and moved text stays, unwrapped; the
marks that only record earlier formatting or the ends of a moved range go. What remains
never shows a change, and Word opens it without offering a repair.
"""

from __future__ import annotations

from lxml import etree

from redactor.formats.docx import W
from redactor.formats.ooxml import Package

# Elements that only record a tracked change's previous formatting or a moved range's ends.
_CHANGE_MARKS = tuple(W + name for name in (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd",
    "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd", "cellIns", "cellDel", "cellMerge"))


def accept_changes(package: Package, stories: list[str]) -> str | None:
    """Accept every tracked change in the ``stories`` parts: deleted text goes, inserted
    text stays, marks go."""
    dropped = changed = 0
    for part in stories:
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
