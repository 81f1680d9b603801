"""Word drafts: every hidden place is read, redacted in its own run, cleaned, and leak-checked.

The test document (tests/docx_builder.py) hides one invented person in each place a .docx
can hold text. Pure tests use reviews built by hand; those marked ``model`` run detection.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from copies import file_leaks, write_copy
from docx import Document as open_docx
from lxml import etree

from docx_builder import HIDDEN, build_docx, write_docx
from redactor.cli import main
from redactor.decisions import Decisions
from redactor.documents import read_document
from redactor.engine import save_decisions
from redactor.formats import CleanOptions
from redactor.formats.docx import DOCX
from redactor.formats.textmap import Edit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INSIDE_BODY = {"Table": "Body", "Tracked insertion": "Body"}


@pytest.fixture
def word_draft(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "draft.docx")


@pytest.fixture
def withhold_all(make_person):
    """A review that replaces each of the given hidden names with "[withheld]"."""

    def make(document, names: dict[str, str]) -> Decisions:
        persons = [make_person(document.text, name, "placeholder", name, *name.split(),
                               replacement="[withheld]", id=f"p{number}")
                   for number, name in enumerate(names.values(), 1)]
        return Decisions(str(document.path), document.sha256, persons)

    return make


def test_every_hidden_name_is_read_with_its_place(word_draft):
    document = read_document(word_draft)
    assert document.kind == "docx"
    for place, name in HIDDEN.items():
        start = document.text.find(name)
        assert start >= 0, f"{name} ({place}) not in the extracted text"
        assert document.place(start) == INSIDE_BODY.get(place, place)


def test_a_name_split_across_runs_reads_as_one_word(word_draft):
    assert "said Bezshan Nurlanov, 24" in read_document(word_draft).text


def test_reading_is_deterministic():
    raw = build_docx()
    assert DOCX.extract(raw) == DOCX.extract(raw)


def test_the_replacement_keeps_the_formatting_of_the_run_the_name_starts_in(word_draft, tmp_path):
    document = read_document(word_draft)
    start = document.text.index("Bezshan Nurlanov")
    edits = [Edit(start, start + len("Bezshan Nurlanov"), "Bezshan")]
    out = tmp_path / "out.docx"
    out.write_bytes(DOCX.rebuild(word_draft.read_bytes(), edits, CleanOptions()).data)
    paragraph = next(p for p in open_docx(out).paragraphs if p.text.startswith("Protesters"))
    runs = [(run.text, bool(run.bold)) for run in paragraph.runs]
    assert ("Bezshan", True) in runs
    assert (", 24, a student.", False) in runs
    assert paragraph.text == "Protesters gathered again on Monday, said Bezshan, 24, a student."


def test_withholding_everyone_leaves_no_name_in_any_part(engine, word_draft, tmp_path, withhold_all):
    document = read_document(word_draft)
    decisions = withhold_all(document, HIDDEN)
    saved = engine.save(document, decisions, tmp_path / "out.docx")
    assert saved.findings == []
    raw = (tmp_path / "out.docx").read_bytes()
    stored = " ".join(value for _, value in DOCX.strings(raw)).lower()
    for name in HIDDEN.values():
        for word in re.split(r"[ .]", name.lower()):
            assert word not in stored, f"{word} survived somewhere in the saved file"
    assert "Police detained dozens" in read_document(tmp_path / "out.docx").text


def test_the_copy_is_cleaned_and_says_what_was_cleaned(word_draft, tmp_path, withhold_all):
    document = read_document(word_draft)
    saved = write_copy(document, withhold_all(document, {"x": "Bezshan Nurlanov"}), tmp_path / "o.docx")
    cleaned = " ".join(saved.cleaned)
    for step in ("Accepted tracked changes", "Removed 1 comment", "Cleared document properties",
                 "revision ids", "reviewers"):
        assert step in cleaned
    archive = zipfile.ZipFile(tmp_path / "o.docx")
    names = set(archive.namelist())
    assert not names & {"word/comments.xml", "word/people.xml"}
    body = archive.read("word/document.xml")
    for marker in (b"w:del ", b"w:ins ", b"w:delText", b"commentReference", b"w:rsid"):
        assert marker not in body
    assert b"Nurlan Seitkali" in body and b"Madina Orynbay" not in body
    assert b"w:rsids" not in archive.read("word/settings.xml")
    assert b"Askar Beisen" not in archive.read("docProps/core.xml")


def test_comments_can_be_kept_redacted_and_anonymised(word_draft, tmp_path, withhold_all):
    document = read_document(word_draft)
    decisions = withhold_all(document, {"c": "Oskar Lindqvist"})
    saved = write_copy(document, decisions, tmp_path / "o.docx", CleanOptions(keep_comments=True))
    comments = etree.fromstring(zipfile.ZipFile(tmp_path / "o.docx").read("word/comments.xml"))
    comment = comments.find(W + "comment")
    assert comment.get(W + "author") == "Reviewer"
    assert "".join(comment.itertext()) == "Check with [withheld] before we run this."
    assert any("Kept comments" in step for step in saved.cleaned)


def test_the_saved_package_is_whole(engine, word_draft, tmp_path, withhold_all):
    """Every relationship points at a part that exists and every part has a content type:
    what Word checks before it offers to repair a file."""
    document = read_document(word_draft)
    engine.save(document, withhold_all(document, HIDDEN), tmp_path / "o.docx")
    archive = zipfile.ZipFile(tmp_path / "o.docx")
    names = set(archive.namelist())
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    overrides = {e.get("PartName").lstrip("/") for e in types if e.tag.endswith("Override")}
    defaults = {e.get("Extension") for e in types if e.tag.endswith("Default")}
    for name in names:
        if not name.endswith("/"):
            assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert overrides <= names
    for rels in (n for n in names if n.endswith(".rels")):
        source_folder = posixpath.dirname(posixpath.dirname(rels))
        for rel in etree.fromstring(archive.read(rels)):
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(source_folder, rel.get("Target")))
                assert target.lstrip("/") in names, f"{rels} points at missing {target}"
    assert open_docx(tmp_path / "o.docx").paragraphs  # python-docx opens it


def test_verify_reaches_inside_the_container(word_draft, tmp_path, withhold_all, capsys):
    document = read_document(word_draft)
    decisions = withhold_all(document, HIDDEN)
    review = tmp_path / "review.json"
    save_decisions(decisions, review)
    out = tmp_path / "out.docx"
    assert main(["apply", str(word_draft), "--decisions", str(review), "-o", str(out)]) == 0
    assert main(["verify", str(out), "--decisions", str(review)]) == 0
    assert main(["verify", str(word_draft), "--decisions", str(review)]) == 1
    report = capsys.readouterr().out
    assert "[Footnote 1]" in report and "word/comments.xml" in report and "docProps/custom.xml" in report


def test_verify_finds_a_name_the_reader_never_shows(tmp_path, make_person, make_decisions):
    """A name only in an attribute no reader looks at (a tracked change's author) is still found."""
    body = zipfile.ZipFile(io.BytesIO(build_docx())).read("word/document.xml")
    path = tmp_path / "d.docx"
    path.write_bytes(_zip_with(body.replace(b'w:author="Desk Editor"', b'w:author="Bezshan Nurlanov"')))
    text = "Bezshan Nurlanov"
    decisions = make_decisions(make_person(text, "Bezshan Nurlanov", "placeholder"))
    leaks = file_leaks(path, decisions)
    assert any("@author" in leak.place for leak in leaks)


def _zip_with(document_xml: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(build_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, document_xml if name == "word/document.xml" else source.read(name))
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("word/document.xml", b"<w:document>" + b" " * (400 << 20) + b"</w:document>")
    return out.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
          b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize("label, make, message", [
    ("truncated", lambda: build_docx()[:3000], "zip container is damaged"),
    ("invalid xml", lambda: _zip_with(b"<w:document><w:body>"), "not well-formed XML"),
    ("entities", lambda: _zip_with(LAUGHS), "declares a document type"),
    ("zip bomb", _bomb, "zip bomb"),
    ("not a zip", lambda: b"PK\x03\x04 but nothing else", "damaged"),
])
def test_malformed_word_files_are_refused_quickly_with_nothing_written(tmp_path, label, make, message,
                                                                       refused):
    path = tmp_path / "bad.docx"
    path.write_bytes(make())
    refused(path, message)


@pytest.mark.model
def test_detection_finds_the_person_in_every_place(engine, word_draft):
    document = read_document(word_draft)
    decisions = engine.analyze(document)
    covered = [(m.start, m.end) for p in decisions.persons for m in p.mentions]
    for place, name in HIDDEN.items():
        start = document.text.index(name)
        assert any(s <= start < e for s, e in covered), f"{name} in {place} was not found"


@pytest.mark.model
def test_suggestions_applied_leave_no_leak(engine, word_draft, tmp_path):
    document = read_document(word_draft)
    decisions = engine.analyze(document)
    saved = engine.save(document, decisions, tmp_path / "out.docx")
    assert saved.findings == []
    addresses = [p for p in decisions.persons if p.name == "ilyas.tokayev"]
    assert addresses and addresses[0].replacement == "withheld"
    # the whole address is a contact detail, removed by default: the link stays a link
    assert "mailto:e-mail-address-withheld" in read_document(tmp_path / "out.docx").text


def test_a_name_split_across_a_tracked_insertion_is_replaced_whole(tmp_path):
    body = zipfile.ZipFile(io.BytesIO(build_docx())).read("word/document.xml")
    split = body.replace(
        b'<w:r><w:t xml:space="preserve">shan Nurlanov, 24, a student.</w:t></w:r>',
        b'<w:ins w:id="90" w:author="Desk"><w:r><w:rPr><w:i/></w:rPr><w:t>shan Nur</w:t></w:r></w:ins>'
        b'<w:r><w:t xml:space="preserve">lanov, 24, a student.</w:t></w:r>')
    assert split != body
    path = tmp_path / "split.docx"
    path.write_bytes(_zip_with(split))
    document = read_document(path)
    start = document.text.index("Bezshan Nurlanov, 24")
    rebuilt = DOCX.rebuild(path.read_bytes(), [Edit(start, start + 16, "Bezshan")], CleanOptions())
    out = tmp_path / "out.docx"
    out.write_bytes(rebuilt.data)
    paragraph = next(p for p in open_docx(out).paragraphs if p.text.startswith("Protesters"))
    assert paragraph.text == "Protesters gathered again on Monday, said Bezshan, 24, a student."
    assert ("Bezshan", True) in [(run.text, bool(run.bold)) for run in paragraph.runs]


def test_a_table_whose_rows_were_all_deleted_is_removed_not_left_empty(tmp_path):
    body = zipfile.ZipFile(io.BytesIO(build_docx())).read("word/document.xml")
    deleted_table = (b'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:trPr>'
                     b'<w:del w:id="95" w:author="Desk"/></w:trPr><w:tc><w:p><w:del w:id="96" w:author="Desk">'
                     b'<w:r><w:delText>Madina Orynbay</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>')
    path = tmp_path / "table.docx"
    path.write_bytes(_zip_with(body.replace(b"<w:body>", b"<w:body>" + deleted_table + b"<w:p/>", 1)))
    rebuilt = DOCX.rebuild(path.read_bytes(), [], CleanOptions())
    out = zipfile.ZipFile(io.BytesIO(rebuilt.data)).read("word/document.xml")
    root = etree.fromstring(out)
    assert all(table.find(W + "tr") is not None for table in root.iter(W + "tbl"))
    assert b"Madina Orynbay" not in out


@pytest.mark.model
def test_detect_lists_where_each_person_is_mentioned(engine, word_draft, capsys):
    assert main(["detect", str(word_draft)]) == 0
    table = capsys.readouterr().out
    assert "places" in table.splitlines()[0]
    row = next(line for line in table.splitlines() if "Timur Abenov" in line)
    assert row.rstrip().endswith("Footnote 1")


def test_text_in_charts_and_diagrams_is_read_and_redacted(tmp_path):
    chart = (b'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
             b'<c:chart><c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>Arrests of Bezshan Nurlanov'
             b'</c:v></c:pt></c:strCache></c:strRef></c:tx></c:ser></c:chart></c:chartSpace>')
    diagram = (b'<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
               b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt>'
               b'<dgm:t><a:p><a:r><a:t>Organiser Gulnara Sadykova</a:t></a:r></a:p></dgm:t></dgm:pt>'
               b'</dgm:ptLst></dgm:dataModel>')
    rels = {"chart": "charts/chart1.xml", "diagramData": "diagrams/data1.xml"}
    path = tmp_path / "chart.docx"
    path.write_bytes(with_parts({"word/charts/chart1.xml": chart, "word/diagrams/data1.xml": diagram}, rels))
    document = read_document(path)
    edits = []
    for name, label in (("Bezshan Nurlanov", "Chart"), ("Gulnara Sadykova", "Diagram")):
        start = document.text.index(name, document.text.index("Organiser Gulnara") - 40)
        assert document.place(start) == label
        edits.append(Edit(start, start + len(name), "[withheld]"))
    rebuilt = zipfile.ZipFile(io.BytesIO(DOCX.rebuild(path.read_bytes(), edits, CleanOptions()).data))
    assert b"Arrests of [withheld]" in rebuilt.read("word/charts/chart1.xml")
    assert b"Organiser [withheld]" in rebuilt.read("word/diagrams/data1.xml")


def with_parts(parts: dict[str, bytes], rels: dict[str, str] | None = None) -> bytes:
    """The test document with more parts, related to the main document by ``rels`` (type: target)."""
    source = zipfile.ZipFile(io.BytesIO(build_docx()))
    buffer = io.BytesIO()
    extra = "".join(f'<Relationship Id="rIdX{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
                    f'2006/relationships/{kind}" Target="{target}"/>'
                    for n, (kind, target) in enumerate((rels or {}).items()))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            target.writestr(name, data)
        for name, data in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()
