"""Every other place an OpenDocument file can hide a name: read and redacted, or removed from
the copy with the reason listed; the copy keeps ``mimetype`` first and a whole manifest.

``with_places`` adds to the fixture's wire story one invented person of the Tuleyev family
per place, and bends the package the way LibreOffice and other tools leave real files:
``mimetype`` not first, an empty configuration part.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from redactor.formats import CleanOptions
from redactor.formats.containers import Container
from redactor.formats.odt import ODT
from redactor.formats.odt_clean import problems
from redactor.formats.textmap import Edit
from test_format_odt import fixtures
from test_images import png

READ = {
    "Index entry": "Arman Tuleyev",
    "User field": "Dana Tuleyeva",
    "Form control": "Marat Tuleyev",
    "Embedded object 1": "Saule Tuleyeva",
    "Picture text": "Askar Tuleyev",
}
FORMS = ('<office:forms xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"><form:form '
         'form:name="Tuleyev form"><form:text form:name="TuleyevBox" form:label="Witness" '
         f'form:current-value="{READ["Form control"]}"/></form:form></office:forms>')
DECLARATIONS = ('<text:user-field-decls><text:user-field-decl office:value-type="string" '
                f'office:string-value="{READ["User field"]}" text:name="Tuleyev source"/></text:user-field-decls>')
BODY = (f'<text:p>Index<text:alphabetical-index-mark text:string-value="{READ["Index entry"]}"/> and '
        '<text:user-field-get text:name="Tuleyev source">a source</text:user-field-get>.'
        '<text:bookmark text:name="Tuleyev quote"/><text:a xlink:href="#Tuleyev quote">see</text:a>'
        '<draw:frame draw:name="Tuleyev photo" svg:width="1cm" svg:height="1cm">'
        '<draw:image xlink:href="Pictures/tuleyev.png"/></draw:frame>'
        '<draw:frame draw:name="Chart1"><draw:object xlink:href="./Object 1"/>'
        '<draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>'
        '<draw:frame draw:name="Sheet"><draw:object-ole xlink:href="./Object 2"/></draw:frame>'
        '<draw:frame draw:name="Placard"><draw:image xlink:href="Pictures/placard.svg"/></draw:frame></text:p>')
CHART = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:chart>'
         f'<text:p>Arrests of {READ["Embedded object 1"]}</text:p></office:chart></office:body>'
         '</office:document-content>')
SVG = ('<svg xmlns="http://www.w3.org/2000/svg"><metadata>by Aliya Tuleyeva</metadata>'
       f'<text>Free {READ["Picture text"]}</text></svg>')


def version(name: str) -> bytes:
    """An older version of the document, stored inside it as LibreOffice does."""
    content = fixtures.CONTENT.replace("Dilnaz Temirova", name)
    return fixtures.odt({"content.xml": content, "META-INF/manifest.xml": fixtures.MANIFEST})


def with_places() -> bytes:
    content = fixtures.CONTENT.replace("<office:body><office:text>",
                                       "<office:body><office:text>" + FORMS + DECLARATIONS, 1)
    content = content.replace("</office:text></office:body>", BODY + "</office:text></office:body>")
    meta = fixtures.META.replace("<meta:generator>", "<meta:creation-date>2026-11-20T10:00:00</meta:creation-date>"
                                 "<meta:generator>")
    parts = {
        "content.xml": content, "styles.xml": fixtures.STYLES, "meta.xml": meta,
        "settings.xml": '<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
                        "<office:settings>PrinterName: Tuleyev-PC</office:settings></office:document-settings>",
        "Configurations2/accelerator/current.xml": b"",
        "Pictures/photo.png": fixtures.png(), "Pictures/tuleyev.png": png(),
        "Pictures/placard.svg": SVG, "Object 1/content.xml": CHART,
        "Object 1/meta.xml": "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                             "office:1.0\"><office:meta>Kanat Tuleyev</office:meta></office:document-meta>",
        "ObjectReplacements/Object 1": "Saule Tuleyeva".encode("utf-16-le"),
        "Object 2": "Olzhas Tuleyev".encode("utf-16-le") + bytes(30),
        "Versions/Version1": version("Ruslan Tuleyev"),
        "VersionList.xml": "<VL:version-list xmlns:VL=\"http://openoffice.org/2001/versions-list\">"
                           "<VL:version-entry VL:creator=\"Bolat Tuleyev\"/></VL:version-list>",
    }
    entries = "".join(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type=""/>'
                      for name in parts if name not in ("content.xml", "styles.xml", "meta.xml"))
    parts["META-INF/manifest.xml"] = fixtures.MANIFEST.replace("</manifest:manifest>", entries + "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")  # last, and compressed
    return out.getvalue()


@pytest.fixture(scope="module")
def raw() -> bytes:
    return with_places()


@pytest.mark.parametrize(("label", "name"), sorted(READ.items()))
def test_each_place_is_read_with_its_label(raw, label, name):
    extracted = ODT.extract(raw)
    start = extracted.text.find(name)
    assert start >= 0, f"{name} ({label}) is not read"
    holding = [s for s in extracted.sections if s.start <= start < s.end]
    assert min(holding, key=lambda s: s.end - s.start).label == label


@pytest.fixture(scope="module")
def copy(raw):
    text = ODT.extract(raw).text
    edits = [Edit(m.start(), m.end(), "[withheld]") for m in re.finditer(r"[A-Z][a-z]+ Tuleyeva?", text)]
    return ODT.rebuild(raw, edits, CleanOptions())


def test_no_stored_string_of_the_copy_holds_the_family_name(copy):
    found = [(place, value) for place, value in ODT.strings(copy.data) if "tuleyev" in value.lower()]
    assert found == []


def test_every_step_of_cleaning_is_listed(copy):
    cleaned = "\n".join(copy.cleaned)
    for step in ("generator", "dates", "custom properties", "Removed the settings",
                 "toolbar and menu configurations", "older versions of the document",
                 "previews of embedded objects", "1 embedded OLE object(s)", "neutral names",
                 "Removed metadata", "Gave pictures neutral file names"):
        assert step in cleaned, step


def test_the_copy_is_a_whole_package_with_mimetype_first(copy, raw):
    assert "mimetype is not the first entry" in problems(Container(raw, "odt"))
    container = Container(copy.data, "odt")
    assert problems(container) == []
    first = container.infos[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    names = set(container.names)
    assert "Object 1/content.xml" in names and "Object 1/meta.xml" not in names
    assert not any(n.startswith(("Versions/", "Configurations2/", "ObjectReplacements/")) for n in names)
    text = ODT.extract(copy.data).text
    assert "Arrests of [withheld]" in text and "Free [withheld]" in text
    assert "Protester detained after Almaty rally" in text


def test_a_kept_older_version_is_searched_inside(raw):
    kept = ODT.rebuild(raw, [], CleanOptions(keep_embedded=True))
    places = {place for place, value in ODT.strings(kept.data) if "Ruslan Tuleyev" in value}
    assert any(place.startswith("Versions/Version1!content.xml") for place in places)


def test_an_empty_part_is_no_part(raw):
    empty = "Configurations2/accelerator/current.xml"
    assert Container(raw, "odt").has(empty) is False
    assert not [place for place, value in ODT.strings(raw) if empty in place]  # nothing read inside
