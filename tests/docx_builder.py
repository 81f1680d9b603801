"""Word drafts with a name hidden in every place a .docx can hide one, built for the tests.

python-docx writes the body, a table, the header and footer, a picture with alt text and
the core properties; the places python-docx cannot write (comments, footnotes, tracked
changes, a text box, a hyperlink, a field code, custom properties, revision ids) are added
as raw WordprocessingML. Every person is invented; ``HIDDEN`` says where each one hides.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

from docx import Document as new_docx
from docx.shared import Inches

HIDDEN = {
    "Body": "Bezshan Nurlanov",
    "Table": "Aigerim Nurlanova",
    "Header": "Saule Zhaksybek",
    "Footer": "Ruslan Kemel",
    "Footnote 1": "Timur Abenov",
    "Endnote 1": "Dina Karimova",
    "Comment 1": "Oskar Lindqvist",
    "Text box": "Gulnara Sadykova",
    "Tracked deletion": "Madina Orynbay",
    "Tracked insertion": "Nurlan Seitkali",
    "Link target": "ilyas.tokayev",
    "Field code": "zarina.baimen",
    "Alt text": "Erlan Dzhunusov",
    "Properties: title": "Kanat Ospanov",
    "Properties: author": "Askar Beisen",
    "Custom property: Source": "Kairat Omarov",
}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

_BODY_EXTRA = f"""
<w:p><w:r><w:t xml:space="preserve">Protesters gathered again on Monday, said </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Bez</w:t></w:r><w:r><w:t xml:space="preserve">shan Nurlanov, 24, a student.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:commentRangeStart w:id="0"/><w:r w:rsidR="00A1B2C3"><w:t xml:space="preserve">Police detained dozens, witnesses said.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The march was led by </w:t></w:r><w:del w:id="11" w:author="Desk Editor" w:date="2026-11-20T10:00:00Z"><w:r><w:delText>Madina Orynbay</w:delText></w:r></w:del><w:ins w:id="12" w:author="Desk Editor" w:date="2026-11-20T10:00:00Z"><w:r><w:t>Nurlan Seitkali</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">, a teacher.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Write to the organisers at </w:t></w:r><w:hyperlink r:id="rIdLink1"><w:r><w:t>this address</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> or </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:zarina.baimen@example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the second one</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">A flyer was handed out. </w:t></w:r><w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="457200"/><wp:wrapNone/><wp:docPr id="77" name="Text Box 1"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Organiser: Gulnara Sadykova</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>
"""

_FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Confirmed by Timur Abenov, a neighbour.</w:t></w:r></w:p></w:footnote></w:footnotes>"""

_ENDNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes xmlns:w="{W_NS}"><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Interview notes with Dina Karimova are with the desk.</w:t></w:r></w:p></w:endnote></w:endnotes>"""

_COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Marit Quell" w:initials="MQ" w:date="2026-11-20T09:00:00Z"><w:p><w:r><w:t>Check with Oskar Lindqvist before we run this.</w:t></w:r></w:p></w:comment></w:comments>"""

_PEOPLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="Marit Quell"/></w15:people>"""

_CUSTOM = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Source"><vt:lpwstr>Kairat Omarov</vt:lpwstr></property></Properties>"""

_RELS = {
    "rIdLink1": ("hyperlink", "mailto:ilyas.tokayev@example.org", True),
    "rIdFoot": ("footnotes", "footnotes.xml", False),
    "rIdEnd": ("endnotes", "endnotes.xml", False),
    "rIdComments": ("comments", "comments.xml", False),
    "rIdPeople": ("http://schemas.microsoft.com/office/2011/relationships/people", "people.xml", False),
}
_TYPES = {
    "/word/footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "/word/endnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "/word/comments.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "/word/people.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
    "/docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
}


def _base() -> bytes:
    """The parts python-docx can write."""
    document = new_docx()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Notes from Saule Zhaksybek, stringer"
    section.footer.paragraphs[0].text = "Draft kept by Ruslan Kemel"
    document.add_paragraph("ALMATY, Kazakhstan (AP) — Hundreds marched through the city centre.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Detained"
    table.cell(0, 1).text = "Aigerim Nurlanova, his sister"
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(_PNG), width=Inches(0.2))
    doc_pr = picture._inline.docPr
    doc_pr.set("descr", "Erlan Dzhunusov holding a banner")
    document.core_properties.title = "March: Kanat Ospanov profile"
    document.core_properties.author = "Askar Beisen"
    document.core_properties.last_modified_by = "Askar Beisen"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _relationship(rel_id: str, kind: str, target: str, external: bool) -> str:
    kind = kind if kind.startswith("http") else \
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'


def build_docx() -> bytes:
    """A .docx with a name in every place listed in ``HIDDEN``."""
    source = zipfile.ZipFile(io.BytesIO(_base()))
    parts = {name: source.read(name) for name in source.namelist()}
    document = parts["word/document.xml"].decode()
    document = document.replace("<w:body>", "<w:body>" + _BODY_EXTRA, 1)
    parts["word/document.xml"] = document.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    extra = "".join(_relationship(i, *spec) for i, spec in _RELS.items())
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", extra + "</Relationships>").encode()
    parts["word/footnotes.xml"] = _FOOTNOTES.encode()
    parts["word/endnotes.xml"] = _ENDNOTES.encode()
    parts["word/comments.xml"] = _COMMENTS.encode()
    parts["word/people.xml"] = _PEOPLE.encode()
    parts["docProps/custom.xml"] = _CUSTOM.encode()
    package_rels = parts["_rels/.rels"].decode()
    parts["_rels/.rels"] = package_rels.replace("</Relationships>", _relationship(
        "rIdCustom", "custom-properties", "docProps/custom.xml", False) + "</Relationships>").encode()
    types = parts["[Content_Types].xml"].decode()
    overrides = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in _TYPES.items())
    parts["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    settings = parts["word/settings.xml"].decode()
    parts["word/settings.xml"] = re.sub(r"(<w:settings[^>]*>)", r'\1<w:rsids><w:rsidRoot w:val="00A1B2C3"/>'
                                        r'<w:rsid w:val="00A1B2C3"/></w:rsids>', settings, count=1).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def write_docx(path: Path) -> Path:
    path.write_bytes(build_docx())
    return path
