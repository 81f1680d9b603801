"""Every other place a Word file can hide a name: read and redacted, or removed from the copy
with the reason listed. Either way no stored string of the copy holds the name, and the
copy holds together as Word checks a package.

``with_places`` adds to the ``docx_builder`` document one invented person per place; the
withheld names are all surnames of that family, so one search finds them everywhere.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from docx_builder import build_docx
from redactor.formats import CleanOptions
from redactor.formats.containers import Container
from redactor.formats.docx import DOCX
from redactor.formats.ooxml import problems
from redactor.formats.textmap import Edit
from redactor.leaks import LeakSearch
from test_images import png

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Read, reviewed and redacted: (label of the place, name written there).
READ = {
    "Link tooltip": "Arman Tuleyev",
    "Content control": "Dana Tuleyeva",
    "Form field": "Marat Tuleyev",
    "Table alt text": "Saule Tuleyeva",
    "WordArt": "Nurlan Tuleyev",
    "Picture text": "Askar Tuleyev",
    "Field code": "Gulmira Tuleyeva",
}
BODY = f"""
<w:p><w:hyperlink w:anchor="Tuleyev_quote" w:tooltip="Call {READ['Link tooltip']} first"><w:r><w:t>the quote</w:t></w:r></w:hyperlink></w:p>
<w:sdt><w:sdtPr><w:alias w:val="Source: {READ['Content control']}"/><w:tag w:val="tuleyeva"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>A reader's letter.</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="TuleyevField"/><w:statusText w:type="text" w:val="Ask {READ['Form field']}"/><w:textInput><w:default w:val="unknown"/></w:textInput></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:tbl><w:tblPr><w:tblCaption w:val="Detainees"/><w:tblDescription w:val="Lists {READ['Table alt text']}"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="wa1"><v:textpath string="Free {READ['WordArt']}"/></v:shape></w:pict></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> QUOTE "{READ['Field code']} said so" \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:bookmarkStart w:id="90" w:name="Tuleyev_quote"/><w:r><w:t>Quoted.</w:t></w:r><w:bookmarkEnd w:id="90"/><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF Tuleyev_quote \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="TuleyevQuote"/></w:pPr><w:r><w:t>Styled.</w:t></w:r></w:p>
<w:altChunk r:id="rIdChunk"/>
<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="ole1"><v:imagedata r:id="rIdPreview"/></v:shape><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Package" ShapeID="ole1" r:id="rIdOle"/></w:object></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9144" cy="9144"/><wp:docPr id="50" name="tuleyev_arrest.png"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="50" name="tuleyev_arrest.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdPhoto"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9144" cy="9144"/><wp:docPr id="51" name="Chart 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
"""
SVG = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd">'
       b'<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
       b'02/22-rdf-syntax-ns#">Drawn by Aliya Tuleyeva</rdf:RDF></metadata><!-- by Aliya Tuleyeva -->'
       b'<text x="1" y="1">Free <tspan>' + READ["Picture text"].encode() + b"</tspan></text></svg>")
CHART = (b'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
         b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart/>'
         b'<c:externalData r:id="rIdBook"/></c:chartSpace>')
STYLE = (b'<w:style w:type="paragraph" w:customStyle="1" w:styleId="TuleyevQuote"><w:name w:val="Tuleyev quote"/>'
         b'<w:aliases w:val="Tuleyeva"/><w:basedOn w:val="Normal"/></w:style>')


def workbook(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("[Content_Types].xml", b"<Types/>")
        book.writestr("xl/sharedStrings.xml", f"<sst><si><t>{name}</t></si></sst>".encode())
    return out.getvalue()


def rels(entries: dict[str, tuple[str, str]]) -> bytes:
    body = "".join(f'<Relationship Id="{i}" Type="{REL}{kind}" Target="{target}"/>'
                   for i, (kind, target) in entries.items())
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'.encode()


def with_places() -> bytes:
    """The builder's document with a name in each place listed in ``READ`` and each one
    cleaning must remove."""
    source = zipfile.ZipFile(io.BytesIO(build_docx()))
    parts = {name: source.read(name) for name in source.namelist()}
    document = parts["word/document.xml"].decode()
    parts["word/document.xml"] = document.replace("<w:sectPr", BODY + "<w:sectPr", 1).encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rels({
            "rIdChunk": ("aFChunk", "afchunk1.htm"), "rIdOle": ("oleObject", "embeddings/oleObject1.bin"),
            "rIdPreview": ("image", "media/image9.png"), "rIdPhoto": ("image", "media/tuleyev_arrest.png"),
            "rIdSvg": ("image", "media/placard.svg"), "rIdChart": ("chart", "charts/chart1.xml"),
        })[len(rels({})) - len(b"</Relationships>"):])
    parts.update({
        "word/afchunk1.htm": b"<html><body><p>Told by Yerlan Tuleyev</p></body></html>",
        "word/embeddings/oleObject1.bin": "Olzhas Tuleyev".encode("utf-16-le") + bytes(40),
        "word/media/image9.png": png(with_metadata=False),
        "word/media/tuleyev_arrest.png": png().replace(b"Bezshan Nurlanov", b"Kanat  Tuleyev  "),
        "word/media/placard.svg": SVG,
        "word/charts/chart1.xml": CHART,
        "word/charts/_rels/chart1.xml.rels": rels({"rIdBook": ("package", "../embeddings/book.xlsx")}),
        "word/embeddings/book.xlsx": workbook("Ruslan Tuleyev"),
    })
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"</w:settings>", b'<w:docVars><w:docVar w:name="Source" w:val="Bolat Tuleyev"/></w:docVars></w:settings>')
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(b'name="Source"', b'name="Tuleyev contact"')
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(b"Normal.dotm", b"Tuleyev.dotm")
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"</w:styles>", STYLE + b"</w:styles>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def raw() -> bytes:
    return with_places()


def withheld(text: str, names: list[str]) -> list[Edit]:
    """Edits as a review makes them (the engine finds names in identifiers in any case)."""
    return [Edit(m.start(), m.end(), "[withheld]") for m in re.finditer("|".join(names), text)]


@pytest.mark.parametrize(("label", "name"), sorted(READ.items()))
def test_each_place_is_read_with_its_label(raw, label, name):
    extracted = DOCX.extract(raw)
    start = extracted.text.find(name)
    assert start >= 0, f"{name} ({label}) is not read"
    holding = [s for s in extracted.sections if s.start <= start < s.end]
    assert min(holding, key=lambda s: s.end - s.start).label == label


def test_field_codes_and_control_tags_are_markup_but_quoted_text_is_text(raw):
    extracted = DOCX.extract(raw)
    code = extracted.text.index(" REF Tuleyev_quote")
    quoted = extracted.text.index(READ["Field code"])
    tag = extracted.text.index("tuleyeva\n")
    for offset, label, kind in ((code, "Field code", "code"), (quoted, "Field code", ""),
                                (tag, "Content control", "identifier")):
        innermost = min((s for s in extracted.sections if s.start <= offset < s.end),
                        key=lambda s: s.end - s.start)
        assert (innermost.label, innermost.kind) == (label, kind)


@pytest.fixture(scope="module")
def copy(raw):
    text = DOCX.extract(raw).text
    return DOCX.rebuild(raw, withheld(text, ["[A-Z][a-z]+ Tuleyeva?", "Tuleyev", "tuleyeva"]), CleanOptions())


def test_no_stored_string_of_the_copy_holds_the_family_name(copy):
    found = [(place, value) for place, value in DOCX.strings(copy.data) if "tuleyev" in value.lower()
             or "tuleyev" in value.replace("\x00", "").lower()]
    assert found == []


def test_every_step_of_cleaning_is_listed(copy):
    cleaned = "\n".join(copy.cleaned)
    for step in ("generator, template",
                 "Removed custom properties", "Removed document variables", "bookmark(s) to neutral names",
                 "style(s) the author made", "1 embedded document(s)", "1 embedded OLE object(s)",
                 "1 chart workbook(s)", "Gave pictures neutral names", "Removed metadata",
                 "Removed revision ids (rsid)"):
        assert step in cleaned, step


def test_the_copy_holds_together_and_keeps_what_it_can(copy, raw):
    container = Container(copy.data, "Word")
    assert problems(container) == []
    names = set(container.names)
    assert not names & {"word/afchunk1.htm", "word/embeddings/oleObject1.bin", "word/embeddings/book.xlsx",
                        "docProps/custom.xml", "word/media/tuleyev_arrest.png"}
    assert "word/charts/chart1.xml" in names  # the chart stays, without its workbook
    text = DOCX.extract(copy.data).text
    assert "A reader's letter." in text and "Quoted." in text and "Styled." in text
    assert "Free [withheld]" in text  # WordArt and the SVG placard, redacted in place


def test_a_kept_embedded_object_is_searched_inside(raw):
    text = DOCX.extract(raw).text
    kept = DOCX.rebuild(raw, withheld(text, ["[A-Z][a-z]+ Tuleyeva?"]), CleanOptions(keep_embedded=True))
    names = {place.split(": ")[0] for place, value in DOCX.strings(kept.data) if "Ruslan Tuleyev" in value}
    assert names == {"word/embeddings/book.xlsx!xl/sharedStrings.xml"}
    assert any("oleObject1.bin [binary]" in place and "Olzhas Tuleyev" in value
               for place, value in DOCX.strings(kept.data))


def test_the_leak_check_finds_every_place_in_the_original(raw, make_decisions):
    from redactor.decisions import Person

    person = Person("p1", "Tuleyev", "private", "remove", "")
    search = LeakSearch(make_decisions(person))
    places = {place for where, value in DOCX.strings(raw)
              for place in [where] if search.find(value, where, binary=where.endswith("[binary]"))}
    for expected in ("word/afchunk1.htm", "word/embeddings/book.xlsx!xl/sharedStrings.xml: t",
                     "word/embeddings/oleObject1.bin [binary]", "word/settings.xml: docVar @val",
                     "docProps/custom.xml: property @name", "docProps/app.xml: Template",
                     "word/media/tuleyev_arrest.png: picture metadata", "part name",
                     "word/styles.xml: style @styleId", "word/media/placard.svg: comment"):
        assert expected in places, expected


def test_comments_go_with_their_relationships_and_the_pictures_only_they_used():
    source = zipfile.ZipFile(io.BytesIO(build_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("word/_rels/comments.xml.rels", rels({"rIdC1": ("image", "media/attached.png")}))
        target.writestr("word/media/attached.png", png(with_metadata=False))
    copy = DOCX.rebuild(out.getvalue(), [], CleanOptions())
    names = zipfile.ZipFile(io.BytesIO(copy.data)).namelist()
    assert "word/_rels/comments.xml.rels" not in names and "word/media/attached.png" not in names
    assert problems(Container(copy.data, "Word")) == []


def test_revision_and_list_ids_go_from_every_part_and_the_glossary_goes_whole():
    source = zipfile.ZipFile(io.BytesIO(build_docx()))
    out = io.BytesIO()
    glossary = (f'<w:glossaryDocument xmlns:w="{W}"><w:docParts><w:docPart><w:docPartBody><w:p '
                'w:rsidR="00C0FFEE"><w:r><w:t>Signed, Aliya Tuleyeva</w:t></w:r></w:p></w:docPartBody>'
                '</w:docPart></w:docParts></w:glossaryDocument>').encode()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/stylesWithEffects.xml":
                data = data.replace(b"<w:style ", b'<w:style w:rsid="00BADA55" ', 1)
            if name == "word/numbering.xml":
                data = data.replace(b"</w:numbering>", f'<w:abstractNum w:abstractNumId="9"><w:nsid w:val="'
                                    f'1A2B3C4D"/></w:abstractNum></w:numbering>'.encode())
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels({"rIdG": ("glossaryDocument", "glossary/document.xml")})
                                    [len(rels({})) - len(b"</Relationships>"):])
            target.writestr(name, data)
        target.writestr("word/glossary/document.xml", glossary)
        target.writestr("word/glossary/_rels/document.xml.rels", rels({"rIdS": ("styles", "styles.xml")}))
        target.writestr("word/glossary/styles.xml", f'<w:styles xmlns:w="{W}"/>'.encode())
    raw = out.getvalue()
    assert b"00BADA55" in zipfile.ZipFile(io.BytesIO(raw)).read("word/stylesWithEffects.xml")
    copy = DOCX.rebuild(raw, [], CleanOptions())
    archive = zipfile.ZipFile(io.BytesIO(copy.data))
    assert not any(name.startswith("word/glossary/") for name in archive.namelist())
    for name in archive.namelist():
        if name.endswith(".xml"):
            data = archive.read(name)
            assert b"w:rsid" not in data and b"w:nsid" not in data, name
    assert "Removed building blocks (the glossary)" in copy.cleaned
    assert "Removed revision ids (rsid) and list ids (nsid)" in copy.cleaned
    assert problems(Container(copy.data, "Word")) == []
