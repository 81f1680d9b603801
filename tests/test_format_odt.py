"""OpenDocument text: every place a name can hide is read, edits land where the text lives,
the copy is cleaned of what it must not carry, and hostile files are refused quickly.

Documents come from ``tests/fixtures/office/build_fixtures.py``: one built from raw XML
(every part, in memory) and copies saved by LibreOffice (committed), all about invented people.
"""

from __future__ import annotations

import importlib.util
import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted
from redactor.formats.odt import NS, ODT
from redactor.formats.textmap import Edit, splice

OFFICE = Path(__file__).parent / "fixtures" / "office"
_spec = importlib.util.spec_from_file_location("build_fixtures", OFFICE / "build_fixtures.py")
assert _spec and _spec.loader
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

WITHHELD = "[name withheld]"
STYLE_NAME = f"{{{NS['text']}}}style-name"
FONT_WEIGHT = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}font-weight"
# Names the editor withholds in these tests, none of them inside a part that cleaning drops.
EDITED = ("Bezshan Nurlanov", "Aigerim Nurlanova", "Yerlan Sadykov", "Saule Omarova",
          "Gulnara Ismailova", "Timur Zhaksylykov", "Kairat-Abenov", "Asel Dzhumabaeva",
          "Madina Alieva", "Nurlan Seitkali")
# Parts every cleaned copy loses (comments go too unless kept).
CLEANED_LABELS = {"Tracked deletion", "Properties: author", "Properties: last modified by",
                  "Properties: printed by", "Properties: custom"}
SOURCES = {
    "built": lambda: fixtures.wire_odt(),
    "saved by LibreOffice": lambda: (OFFICE / "lo_full.odt").read_bytes(),
}


@pytest.fixture(params=sorted(SOURCES))
def wire(request: pytest.FixtureRequest) -> bytes:
    """The full wire story: built from raw XML, and as LibreOffice saved it."""
    return SOURCES[request.param]()


def labels_at(extracted: Extracted, needle: str) -> set[str]:
    """The innermost section label of every occurrence of ``needle`` in the text."""
    labels = set()
    for match in re.finditer(re.escape(needle), extracted.text):
        holding = [s for s in extracted.sections
                   if s.start <= match.start() and match.end() <= s.end]
        labels.add(min(holding, key=lambda s: s.end - s.start).label if holding else "")
    return labels


def edits_for(text: str, names: tuple[str, ...], new: str = WITHHELD) -> list[Edit]:
    pattern = "|".join(map(re.escape, names))
    return [Edit(m.start(), m.end(), new) for m in re.finditer(pattern, text)]


def expected_text(extracted: Extracted, edits: list[Edit], dropped: set[str]) -> str:
    """The original text with the edits applied and the cleaned parts cut, blank lines squeezed."""
    cuts = [Edit(s.start, s.end, "") for s in extracted.sections if s.label in dropped]
    return squeeze(splice(extracted.text, edits + cuts))


def squeeze(text: str) -> str:
    return re.sub(r"\n+", "\n", text).strip("\n")


def comment_labels(extracted: Extracted) -> set[str]:
    return {s.label for s in extracted.sections if s.label.startswith("Comment ")}


def member(raw: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return etree.fromstring(archive.read(name))


def stored(raw: bytes) -> str:
    """Every string the file stores, joined, for "is this name anywhere" checks."""
    return "\n".join(f"{place}\t{value}" for place, value in ODT.strings(raw))


def replace_member(raw: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        if data:
            target.writestr(name, data)
    return out.getvalue()


# --- reading -------------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "name"), fixtures.PLACES)
def test_every_name_is_read_in_its_place(wire: bytes, label: str, name: str) -> None:
    assert label in labels_at(ODT.extract(wire), name)


@pytest.mark.parametrize(("label", "name"), fixtures.LO_WIRE_PLACES)
def test_word_story_converted_by_libreoffice_is_read(label: str, name: str) -> None:
    extracted = ODT.extract((OFFICE / "lo_wire.odt").read_bytes())
    assert label in labels_at(extracted, name)


def test_name_split_across_spans_reads_whole_and_paragraphs_never_join(wire: bytes) -> None:
    text = ODT.extract(wire).text
    assert "Bezshan Nurlanov, 24, was detained on Tuesday" in text  # inserted text is read
    assert '"He only held a sign,"  said' in text  # text:s with text:c="2"
    assert "Nurlanova.\tPolice spokeswoman\nDilnaz" in text  # tab, line break
    assert "rally\nBezshan" in text and "music.\nDilnaz Temirova\npolice" in text


def test_same_bytes_give_the_same_text(wire: bytes) -> None:
    first, second = ODT.extract(wire), ODT.extract(wire)
    assert (first.text, first.sections) == (second.text, second.sections)


def test_strings_cover_part_names_and_every_xml_value() -> None:
    found = ODT.strings(fixtures.wire_odt())
    assert ("part name", "Thumbnails/thumbnail.png") in found
    assert ("meta.xml: initial-creator", "Ivan Petrenko") in found
    assert ("content.xml: a @href", "https://example.org/profiles/Kairat-Abenov") in found
    assert ("content.xml: creator", "Olga Brandt") in found  # tracked change author


# --- writing -------------------------------------------------------------------------------

def test_no_edits_keeping_comments_keeps_all_text(wire: bytes) -> None:
    original = ODT.extract(wire)
    result = ODT.extract(ODT.rebuild(wire, [], CleanOptions(keep_comments=True)).data)
    authors = [Edit(m.start(), m.end(), "Reviewer")
               for m in re.finditer("Marta Kowalczyk", original.text)]
    assert squeeze(result.text) == expected_text(original, authors, CLEANED_LABELS)


def test_edits_land_in_every_part_and_the_rest_is_untouched(wire: bytes) -> None:
    original = ODT.extract(wire)
    edits = edits_for(original.text, EDITED)
    rebuilt = ODT.rebuild(wire, edits, CleanOptions())
    result = ODT.extract(rebuilt.data)
    assert squeeze(result.text) == expected_text(
        original, edits, CLEANED_LABELS | comment_labels(original))
    everything = stored(rebuilt.data)
    assert [name for name in EDITED if name in everything] == []


def lead_span(raw: bytes) -> tuple[etree._Element, bool]:
    """The text of the span opening the lead paragraph, and whether its style is bold."""
    content = member(raw, "content.xml")
    span = content.find(".//office:text/text:h", NS).getnext().find("text:span", NS)
    style = content.find(f".//style:style[@style:name='{span.get(STYLE_NAME)}']", NS)
    weight = style.find("style:text-properties", NS).get(FONT_WEIGHT)
    return span, weight == "bold"


def test_replacement_keeps_the_formatting_of_the_span_it_lands_in(wire: bytes) -> None:
    original = ODT.extract(wire)
    rebuilt = ODT.rebuild(wire, edits_for(original.text, ("Bezshan Nurlanov",)), CleanOptions())
    assert lead_span(wire)[0].text == "Bez"
    span, bold = lead_span(rebuilt.data)
    assert (span.text, bold) == (WITHHELD, True)
    assert span.tail.startswith(", 24, was detained")


def test_edit_that_deletes_a_name_outright() -> None:
    raw = fixtures.wire_odt()
    original = ODT.extract(raw)
    edits = edits_for(original.text, ("Bezshan Nurlanov, ",), new="")
    rebuilt = ODT.rebuild(raw, edits, CleanOptions())
    text = ODT.extract(rebuilt.data).text
    assert text.startswith("Protester detained after Almaty rally\n24, was")
    assert member(rebuilt.data, "content.xml").find(".//text:span", NS).text is None


def test_copy_stays_a_valid_package() -> None:
    rebuilt = ODT.rebuild(fixtures.wire_odt(), [], CleanOptions())
    with zipfile.ZipFile(io.BytesIO(rebuilt.data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.testzip() is None


# --- cleaning ------------------------------------------------------------------------------

def test_cleaning_removes_what_a_redacted_copy_must_not_carry(wire: bytes) -> None:
    rebuilt = ODT.rebuild(wire, [], CleanOptions())
    everything = stored(rebuilt.data)
    for gone in ("Marta Kowalczyk", "Check with Ruslan Bekov",  # comment and its author
                 "Nurbol Zhumagali",  # tracked deletion
                 "Olga Brandt", "Ivan Petrenko", "Pavel Orlov", "ipetrenko",  # people, template
                 "rsid", "thumbnail", "tracked-changes", "annotation", "change-start"):
        assert gone not in everything, gone
    assert "on Tuesday" in ODT.extract(rebuilt.data).text  # the insertion is accepted
    assert rebuilt.cleaned[:2] == ("Accepted tracked changes (1 deletion(s) dropped)",
                                   "Removed 1 comment(s)")
    assert rebuilt.cleaned[2].startswith("Cleared document properties: generator, author, "
                                         "last modified by, printed by")
    for step in ("Removed revision ids (rsid)", "Removed the page thumbnail",
                 "Gave pictures neutral file names"):
        assert step in rebuilt.cleaned
    for kind in ("custom properties", "template path"):
        assert kind in rebuilt.cleaned[2]


def test_cleaning_lists_only_what_it_found(wire: bytes) -> None:
    once = ODT.rebuild(wire, [], CleanOptions())
    assert ODT.rebuild(once.data, [], CleanOptions()).cleaned == ()


@pytest.mark.parametrize("source", ["lo_full.odt", "lo_wire.odt"])
def test_kept_comments_lose_their_author(source: str) -> None:
    raw = (OFFICE / source).read_bytes()
    rebuilt = ODT.rebuild(raw, [], CleanOptions(keep_comments=True))
    annotation = member(rebuilt.data, "content.xml").find(".//office:annotation", NS)
    assert annotation.findtext("dc:creator", namespaces=NS) == "Reviewer"
    assert [etree.QName(child).localname for child in annotation] == ["creator", "p"]
    assert "Marta Kowalczyk" not in stored(rebuilt.data)
    assert "Check with Ruslan Bekov" in ODT.extract(rebuilt.data).text
    assert any("Reviewer" in step for step in rebuilt.cleaned)


# --- hostile and broken files --------------------------------------------------------------

def _zip_bomb() -> bytes:
    """An .odt whose content.xml inflates to 300 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        with archive.open("content.xml", "w") as handle:
            block = bytes(1 << 20)
            for _ in range(300):
                handle.write(block)
    return out.getvalue()


_LAUGHS = b"".join(
    b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1) for _ in range(10)))
    for n in range(1, 10))
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "Nurlanov">' + _LAUGHS
                  + b']><office:document-content xmlns:office="' + NS["office"].encode()
                  + b'"><office:body><office:text>&lol9;</office:text></office:body>'
                  + b"</office:document-content>")
SPREADSHEET = (b'<office:document-content xmlns:office="' + NS["office"].encode()
               + b'"><office:body><office:spreadsheet/></office:body></office:document-content>')
ENCRYPTED_MANIFEST = (b'<manifest:manifest xmlns:manifest="' + NS["manifest"].encode() + b'">'
                      b'<manifest:file-entry manifest:full-path="content.xml">'
                      b"<manifest:encryption-data/></manifest:file-entry></manifest:manifest>")
BROKEN = {
    "truncated zip": (lambda raw: raw[: len(raw) // 2], "damaged"),
    "invalid XML in content.xml": (
        lambda raw: replace_member(raw, "content.xml", b"<office:document-content><text:p>"),
        "content.xml is not well-formed"),
    "billion laughs in content.xml": (
        lambda raw: replace_member(raw, "content.xml", BILLION_LAUGHS), "entities"),
    "billion laughs in styles.xml": (
        lambda raw: replace_member(raw, "styles.xml", BILLION_LAUGHS), "entities"),
    "zip bomb": (lambda raw: _zip_bomb(), "zip bomb"),
    "no content.xml": (lambda raw: replace_member(raw, "content.xml", b""), "no content.xml"),
    "a spreadsheet": (lambda raw: replace_member(raw, "content.xml", SPREADSHEET), "no text body"),
    "password-protected": (
        lambda raw: replace_member(raw, "META-INF/manifest.xml", ENCRYPTED_MANIFEST), "password"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_and_hostile_files_are_refused_quickly(case: str, tmp_path: Path) -> None:
    damage, message = BROKEN[case]
    raw = damage(fixtures.wire_odt())
    out = tmp_path / "redacted.odt"
    started = time.perf_counter()
    with pytest.raises(UnreadableDocument, match=message):
        ODT.extract(raw)
    with pytest.raises(UnreadableDocument, match=message):
        out.write_bytes(ODT.rebuild(raw, [Edit(0, 3, "x")], CleanOptions()).data)
    assert time.perf_counter() - started < 2
    assert not out.exists()


@pytest.mark.parametrize("case", ["truncated zip", "billion laughs in content.xml", "zip bomb"])
def test_leak_check_refuses_hostile_files_too(case: str) -> None:
    damage, message = BROKEN[case]
    with pytest.raises(UnreadableDocument, match=message):
        ODT.strings(damage(fixtures.wire_odt()))
