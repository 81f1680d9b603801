"""One container model for reading, rebuilding and checking: what the reader accepts, the copy
and its leak check accept too, and what it refuses, they refuse.

Word files are built by ``docx_builder`` and then bent the ways real files are: an empty
part, a damaged or missing list of content types, entries in another order, Strict Open
XML namespaces. Every person is invented.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from docx_builder import build_docx
from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, sniff
from redactor.formats.containers import Container
from redactor.formats.docx import DOCX
from redactor.formats.ooxml import problems, transitional
from redactor.formats.textmap import Edit

TYPES = "[Content_Types].xml"


def rezip(raw: bytes, change=lambda name, data: data, order=None, extra=None) -> bytes:
    """A copy of a zip with each part passed through ``change`` (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    names = order(source.namelist()) if order else source.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            data = change(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def redact(raw: bytes, name: str = "Bezshan Nurlanov", options: CleanOptions = CleanOptions()):
    text = DOCX.extract(raw).text
    edits = [Edit(m.start(), m.end(), "[withheld]") for m in re.finditer(name, text)]
    assert edits
    return DOCX.rebuild(raw, edits, options)


def parts(raw: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(raw))
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("case", ["empty font table", "empty part nobody reads", "no content types",
                                  "malformed content types", "broken content types",
                                  "content types last"])
def test_what_the_reader_accepts_the_copy_and_its_check_accept(case):
    bent = {
        "empty font table": lambda: rezip(build_docx(), lambda n, d: b"" if n == "word/fontTable.xml" else d),
        "empty part nobody reads": lambda: rezip(build_docx(), extra={"word/blank.xml": b"  "}),
        "no content types": lambda: rezip(build_docx(), lambda n, d: None if n == TYPES else d),
        "malformed content types": lambda: rezip(build_docx(), lambda n, d: d.replace(
            b"</Types>", b"<Override NotContentType='x' PartName='/word/styles.xml'/> lol.<\n</Types>")
            if n == TYPES else d),
        "broken content types": lambda: rezip(build_docx(), lambda n, d: d[:len(d) // 2] if n == TYPES else d),
        "content types last": lambda: rezip(build_docx(), order=lambda names: sorted(names, key=lambda n: n == TYPES)),
    }[case]()
    assert "Bezshan Nurlanov" in DOCX.extract(bent).text
    copy = redact(bent).data
    assert "[withheld]" in DOCX.extract(copy).text
    assert all("Bezshan" not in value for _, value in DOCX.strings(copy))
    assert problems(Container(copy, "Word")) == []  # the copy holds together as Word checks it
    assert zipfile.ZipFile(io.BytesIO(copy)).namelist()[0] == TYPES


def test_a_damaged_content_types_list_is_written_whole_with_every_part_typed():
    bent = rezip(build_docx(), lambda n, d: b"<Types><an\n<invalid" if n == TYPES else d)
    assert "the list of content types is missing or damaged" in problems(Container(bent, "Word"))
    types = parts(redact(bent).data)[TYPES].decode()
    assert 'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-' \
           'officedocument.wordprocessingml.document.main+xml"' in types
    assert 'Extension="rels"' in types


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("label", "make", "message"), [
    ("a part listed twice", lambda: rezip(build_docx(), extra={"word/document.xml": b"<x/>"}), "twice"),
    ("entities in a part nobody reads", lambda: rezip(build_docx(), extra={
        "word/webSettings2.xml": b'<!DOCTYPE x [<!ENTITY a "Nurlanov">]><x>&a;</x>'}), "entities"),
])
def test_what_the_reader_refuses_the_check_refuses_too(label, make, message):
    raw = make()
    with pytest.raises(UnreadableDocument, match=message):
        DOCX.extract(raw)
    with pytest.raises(UnreadableDocument, match=message):
        DOCX.strings(raw)


def test_a_malformed_part_nobody_reads_is_searched_as_raw_text():
    raw = rezip(build_docx(), extra={"word/notes.xml": b"<x>Bezshan Nurlanov<y></x>"})
    DOCX.extract(raw)  # the reader does not need it
    assert ("word/notes.xml", "<x>Bezshan Nurlanov<y></x>") in DOCX.strings(raw)


def test_a_container_nested_deeper_than_the_limit_is_refused():
    inner = build_docx()
    for _ in range(4):
        inner = rezip(build_docx(), extra={"word/embeddings/package.docx": inner})
    with pytest.raises(UnreadableDocument, match="nests packages"):
        DOCX.strings(inner)


STRICT = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
          "http://purl.oclc.org/ooxml/wordprocessingml/main",
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
          "http://purl.oclc.org/ooxml/officeDocument/relationships",
          "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
          "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
          "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
          "http://schemas.openxmlformats.org/drawingml/2006/picture":
          "http://purl.oclc.org/ooxml/drawingml/picture",
          "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
          "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"}


def strict_docx() -> bytes:
    """The test document as Word saves it in Strict Open XML: other namespace names."""
    def change(name: str, data: bytes) -> bytes:
        for old, new in STRICT.items():
            data = data.replace(old.encode(), new.encode())
        return data
    return rezip(build_docx(), change)


def test_strict_open_xml_namespaces_map_to_transitional_ones():
    for old, new in STRICT.items():
        assert transitional(new) == old
    assert transitional("http://purl.oclc.org/ooxml/officeDocument/relationships/styles") == \
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def test_a_strict_word_file_is_read_redacted_and_stays_strict():
    raw = strict_docx()
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in parts(raw)["word/document.xml"]
    text = DOCX.extract(raw).text
    for name in ("Bezshan Nurlanov", "Timur Abenov", "Saule Zhaksybek", "Erlan Dzhunusov"):
        assert name in text, name  # the body, a footnote, the header, alt text
    copy = redact(raw, "Bezshan Nurlanov|Timur Abenov").data
    document = parts(copy)["word/document.xml"]
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in document
    assert b"schemas.openxmlformats.org/wordprocessingml" not in document
    assert "said [withheld], 24" in DOCX.extract(copy).text
    assert "Timur Abenov" not in DOCX.extract(copy).text


def test_a_copy_is_written_canonically():
    raw = rezip(build_docx(), lambda n, d: d)
    copy = redact(raw).data
    for info in zipfile.ZipFile(io.BytesIO(copy)).infolist():
        assert (info.date_time, info.create_system, info.comment) == ((1980, 1, 1, 0, 0, 0), 3, b"")


@pytest.mark.parametrize("order", ["mimetype last", "mimetype first"])
def test_an_odt_is_told_by_its_parts_not_by_its_first_entry(order):
    from test_format_odt import fixtures

    raw = fixtures.wire_odt()
    if order == "mimetype last":
        raw = rezip(raw, order=lambda names: sorted(names, key=lambda n: n == "mimetype"))
        assert zipfile.ZipFile(io.BytesIO(raw)).namelist()[-1] == "mimetype"
    assert sniff(raw).kind == "odt"
    assert sniff(build_docx()).kind == "docx"


def test_a_copy_with_no_text_left_is_still_read_and_checked(tmp_path):
    """Its only text was the author's name, which every copy clears: the second reading
    must still read it (and search its parts), not refuse it as a draft with no text."""
    from docx import Document as new_docx

    from redactor.documents import parse_document, read_document

    draft = new_docx()
    draft.core_properties.author = "Askar Beisen"
    draft.core_properties.comments = ""
    path = tmp_path / "draft.docx"
    draft.save(path)
    assert read_document(path).text.strip() == "Askar Beisen"
    copy = DOCX.rebuild(path.read_bytes(), [], CleanOptions()).data
    document = parse_document(tmp_path / "copy.docx", copy, any_suffix=True)
    assert document.text.strip() == "" and document.kind == "docx"
    with pytest.raises(UnreadableDocument, match="no text to review"):
        parse_document(tmp_path / "copy.docx", copy)  # as a draft to review, it is refused
