"""RTF drafts: read as a word processor shows them, every hidden place labelled; the redacted
copy is plain text, and saying so is part of what was cleaned.

The people are invented: Bezshan Nurlanov (a detained protester), José Ortíz (his lawyer),
Žaneta Nurlanova (his sister, in a footnote), Asel Dzhumabaeva (the reporter, in the header),
Nurlan Seitkali (in the footer), Ruslan Bekov (a comment's author), Dilnaz Temirova (named in
the comment), Saltanat Ermekova (the document's author) and Nurbol Zhumagali (a deletion).

``tests/fixtures/office/lo_full.rtf`` is RTF as a word processor writes it: LibreOffice's
own conversion of ``lo_full.docx`` (``soffice --headless --convert-to rtf``), with a name in
each place that document holds one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from copies import file_leaks
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.cli import main
from redactor.decisions import Decisions, Person
from redactor.documents import SUFFIXES, read_document
from redactor.engine import save_decisions
from redactor.errors import RedactorError, UnreadableDocument
from redactor.formats import CleanOptions, format_for_suffix, sniff
from redactor.formats.rtf import MAX_DEPTH, PLAIN_TEXT_NOTE, RTF
from redactor.formats.textmap import Edit

DRAFT = rb"""{\rtf1\ansi\ansicpg1252\deff0\uc1
{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset0{\*\panose 02020603050405020304}Times New Roman;}}
{\colortbl;\red0\green0\blue0;\red255\green0\blue0;}
{\stylesheet{\s0\f0 Normal;}{\s1\f0\b heading 1;}}
{\*\generator Riched20 10.0.19041}
{\info{\title Protester Bezshan Nurlanov detained}{\author Saltanat Ermekova}{\operator Desk}{\creatim\yr2024\mo5\dy14}}
{\header \pard\plain\f0 Almaty bureau. Filed by Asel Dzhumabaeva\par}
{\footer \pard\plain\f0 Reporting by Nurlan Seitkali\par}
\pard\plain\s1\f0\b Protester detained after rally\par
\pard\plain\f0 ALMATY (Wire) \emdash  Police detained {\b Bez}shan Nurlanov, 34, on Tuesday, his lawyer Jos\'e9 Ort\'edz said.{\super\chftn}{\footnote\pard\plain\f0 {\super\chftn} His sister \u381?aneta Nurlanova confirmed the arrest.}\par
{\*\atnid RB}{\*\atnauthor Ruslan Bekov}\chatn{\*\annotation{\*\atndate 1715680000}\pard\plain Check with Dilnaz Temirova before naming him.}
\ldblquote He did nothing wrong,\rdblquote  said Ort\'edz. An earlier version named the driver{\deleted , Nurbol Zhumagali}.\par
Write to {\field{\*\fldinst {HYPERLINK "mailto:bezshan.nurlanov@example.org"}}{\fldrslt {\ul his family}}}.\par
{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}
}
"""
PEOPLE = {
    "Body": ["Bezshan Nurlanov", "José Ortíz"],
    "Footnote 1": ["Žaneta Nurlanova"],
    "Header": ["Asel Dzhumabaeva"],
    "Footer": ["Nurlan Seitkali"],
    "Comment 1 author": ["Ruslan Bekov"],
    "Comment 1": ["Dilnaz Temirova"],
    "Properties: author": ["Saltanat Ermekova"],
    "Tracked deletion": ["Nurbol Zhumagali"],
}


def rtf(body: bytes, header: bytes = rb"\ansi\ansicpg1252\deff0") -> bytes:
    return b"{\\rtf1" + header + b"{\\fonttbl{\\f0 Arial;}}\n" + body + b"\n}"


def body_of(raw: bytes) -> str:
    extracted = RTF.extract(raw)
    return "".join(extracted.text[s.start:s.end] for s in extracted.sections if s.label == "Body")


def text_of(body: bytes, **kwargs: bytes) -> str:
    """The body text of a small document around ``body``."""
    return body_of(rtf(body, **kwargs))


def place(extracted, offset: int) -> str:
    return next((s.label for s in extracted.sections if s.start <= offset < s.end), "")


def edit(text: str, needle: str, new: str) -> Edit:
    start = text.index(needle)
    return Edit(start, start + len(needle), new)


@pytest.fixture
def rtf_draft(tmp_path: Path) -> Path:
    path = tmp_path / "rally.rtf"
    path.write_bytes(DRAFT)
    return path


# --- reading -----------------------------------------------------------------------------------

def test_the_body_reads_as_shown_and_each_hidden_place_follows_it_labelled():
    extracted = RTF.extract(DRAFT)
    text = extracted.text
    assert text.startswith(
        "Protester detained after rally\n"
        "ALMATY (Wire) \u2014 Police detained Bezshan Nurlanov, 34, on Tuesday, his lawyer "
        "José Ortíz said.\n"
        "\u201cHe did nothing wrong,\u201d said Ortíz. An earlier version named the driver.\n"
        "Write to his family.\n")
    assert [s.label for s in extracted.sections] == [
        "Body", "Footnote 1", "Header", "Footer", "Tracked deletion", "Comment 1 author",
        "Comment 1", "Field code", "Properties: title", "Properties: author",
        "Properties: last modified by"]
    sections = {s.label: text[s.start:s.end] for s in extracted.sections}
    assert sections["Footnote 1"] == "His sister Žaneta Nurlanova confirmed the arrest."
    assert sections["Header"] == "Almaty bureau. Filed by Asel Dzhumabaeva"
    assert sections["Comment 1 author"] == "Ruslan Bekov"
    assert sections["Comment 1"] == "Check with Dilnaz Temirova before naming him."
    assert sections["Field code"] == 'HYPERLINK "mailto:bezshan.nurlanov@example.org"'
    assert sections["Properties: title"] == "Protester Bezshan Nurlanov detained"
    assert sections["Tracked deletion"] == ", Nurbol Zhumagali"
    for label, names in PEOPLE.items():
        for name in names:
            assert place(extracted, text.index(name)) == label, name
    # No table, picture or generator leaks into the text.
    for noise in ("Arial", "Times New Roman", "red255", "Normal", "Riched20", "89504e47",
                  "02020603", "1715680000", "RB"):
        assert noise not in text


def test_the_same_bytes_always_give_the_same_text():
    first, second = RTF.extract(DRAFT), RTF.extract(bytes(bytearray(DRAFT)))
    assert first == second
    edits = [edit(first.text, "Bezshan Nurlanov", "[withheld]")]
    assert RTF.rebuild(DRAFT, edits, CleanOptions()) == RTF.rebuild(DRAFT, edits, CleanOptions())


def test_control_symbols_and_special_characters():
    assert text_of(rb"a\~b c\-d e\_f \\ \{x\} g\tab h\line i\par j") == \
        "a\u00a0b cd e-f \\ {x} g\th\ni\nj"
    assert text_of(rb"\lquote x\rquote  \bullet  y\endash z") == "\u2018x\u2019 \u2022 y\u2013z"
    # A control word's delimiting space is not text; a second space is.
    assert text_of(rb"\b Bold\b0  plain") == "Bold plain"
    # A line break in the source is not text, a backslash before one is \par.
    assert text_of(b"Bez\r\nshan\\\nNurlanov") == "Bezshan\nNurlanov"


def test_table_cells_and_rows():
    row = rb"\trowd\cellx1000\cellx2000 \intbl Bezshan Nurlanov\cell 34\cell\row"
    assert text_of(row + row) == "Bezshan Nurlanov\t34\t\nBezshan Nurlanov\t34"


def test_unicode_characters_and_their_fallbacks():
    assert text_of(rb"\u381?aneta") == "Žaneta"
    assert text_of(rb"\uc2\u381\'8e\'8eaneta") == "Žaneta"  # two fallback bytes skipped
    assert text_of(rb"\uc0\u381 aneta") == "Žaneta"
    assert text_of(rb"{\uc1\u381 Z}aneta") == "Žaneta"  # a plain letter as the fallback
    assert text_of(rb"\u-3913?") == "\uf0b7"  # negative: +65536
    assert text_of(rb"\u-10179?\u-8694? ok") == "\U0001f60a ok"  # a surrogate pair
    assert text_of(rb"x\u-10179?y") == "x\ufffdy"  # a lone half is not kept as is


def test_bytes_follow_the_code_page_and_the_font_charset():
    assert text_of(rb"Jos\'e9") == "José"
    assert text_of(rb"\'c1\'e5\'e7\'f8\'e0\'ed", header=rb"\ansi\ansicpg1251") == "Безшан"
    assert text_of(rb"Jos\'e9", header=rb"\ansi") == "José"  # cp1252 by default
    by_font = (b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}"
               b"{\\f1\\fcharset204 Arial CYR;}"
               b"{\\f2\\fcharset238 Arial CE;}}\n"
               b"Jos\\'e9 {\\f1 \\'c1\\'e5\\'e7\\'f8\\'e0\\'ed} {\\f2 Mari\\'e1n Hud\\'e1k \\'8aim\\'e8\\'edk}}")
    assert body_of(by_font) == "José Безшан Marián Hudák Šimčík"
    # Shift-JIS: two bytes make one character.
    japanese = b"{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\fcharset128 MS Mincho;}}\\'93\\'63\\'92\\'86}"
    assert body_of(japanese) == "田中"


def test_binary_data_and_unread_destinations_are_skipped():
    body = (rb"Bezshan {\*\bkmkstart Jos\'e9_Ortiz}{\*\bkmkend x}Nurlanov "
            rb"{\pict\bin6 {}\}\x}{\object{\*\objdata 0105}{\result ok}}"
            rb"{\*\unknowndest secret {nested}} {\xe {\v index entry}}{\*\shppict{\pict 00}}"
            rb"{\nonshppict{\pict 00}}{\*\themedata 504b}{\*\datastore 0105}{\*\xmlnstbl {\xmlns1 x}}"
            rb"{\*\rsidtbl \rsid1}{\listtable{\list{\listlevel{\leveltext \'01\u-3913 ?;}}}}")
    assert text_of(body) == "Bezshan Nurlanov ok"
    assert text_of(rb"one \bin3 {}\ two") == "one  two"


def test_a_field_result_is_body_text_and_its_instruction_a_field_code():
    extracted = RTF.extract(rtf(
        rb'Call {\field{\*\fldinst HYPERLINK \\l "x" }{\fldrslt Bez{\b shan}}} now'))
    assert extracted.text.startswith("Call Bezshan now\n\n")
    assert [s.label for s in extracted.sections] == ["Body", "Field code"]


def test_text_boxes_endnotes_and_hidden_text_have_their_own_places():
    extracted = RTF.extract(rtf(
        rb"Body {\v Gulnara Ismailova }text.{\footnote\ftnalt An endnote.}"
        rb"{\shp{\*\shpinst{\sp{\sn wzDescription}{\sv Alt text}}{\shptxt Box text\par}}"
        rb"{\shprslt{\*\do\dobxcolumn{\dptxbx{Box text}}}}}"))
    sections = {s.label: extracted.text[s.start:s.end] for s in extracted.sections}
    assert sections == {"Body": "Body text.", "Text box 1": "Box text", "Endnote 1": "An endnote.",
                        "Hidden text": "Gulnara Ismailova"}


def test_a_unicode_copy_in_upr_is_read_instead_of_its_ansi_copy():
    raw = rtf(rb"{\info{\upr{\title Zaneta}{\*\ud{\title \u381?aneta}}}}Body")
    extracted = RTF.extract(raw)
    assert extracted.text == "Body\n\nŽaneta\n"
    assert [s.label for s in extracted.sections] == ["Body", "Properties: title"]


def test_custom_properties_are_read():
    raw = rtf(rb"{\*\userprops{\propname Source}\proptype30{\staticval Ruslan Bekov}}Body")
    extracted = RTF.extract(raw)
    assert [(s.label, extracted.text[s.start:s.end]) for s in extracted.sections] == [
        ("Body", "Body"), ("Custom property: Source", "Ruslan Bekov")]


def test_a_starred_control_word_inside_text_does_not_swallow_it():
    assert text_of(rb"{\b Bezshan \*\foo Nurlanov}") == "Bezshan Nurlanov"


def test_read_document_and_sniff_know_rtf(rtf_draft: Path, tmp_path: Path):
    assert ".rtf" in SUFFIXES and format_for_suffix(".RTF") is RTF
    document = read_document(rtf_draft)
    assert document.kind == "rtf" and "Bezshan Nurlanov" in document.text
    assert document.place(document.text.index("Žaneta")) == "Footnote 1"
    renamed = tmp_path / "rally.dat"
    renamed.write_bytes(b"\xef\xbb\xbf\r\n" + DRAFT)
    assert sniff(renamed.read_bytes()) is RTF
    assert read_document(renamed, any_suffix=True).text == document.text


def test_a_file_cut_short_is_read_as_far_as_it_goes():
    assert body_of(rb"{\rtf1 {\b Bezshan Nurlanov") == "Bezshan Nurlanov"
    cut = DRAFT[:DRAFT.index(b"Write to")]
    assert "Police detained Bezshan Nurlanov" in body_of(cut)


LIBREOFFICE = {
    "Bezshan Nurlanov": "Body", "Aigerim Nurlanova": "Body", "Dilnaz Temirova": "Body",
    "Gulnara Ismailova": "Text box 1", "Yerlan Sadykov": "Footnote 1",
    "Saule Omarova": "Endnote 1", "Asel Dzhumabaeva": "Header",
    "Madina Alieva": "Header (first page)", "Nurlan Seitkali": "Footer",
    "Daniyar Omarov": "Footer (first page)", "Nurbol Zhumagali": "Tracked deletion",
    "Marta Kowalczyk": "Comment 1 author", "Ruslan Bekov": "Comment 1",
    "Kairat-Abenov": "Field code 1", "Ivan Petrenko": "Properties: author 1",
}


def test_an_rtf_written_by_libreoffice_is_read_with_every_place():
    raw = (Path(__file__).parent / "fixtures" / "office" / "lo_full.rtf").read_bytes()
    extracted = RTF.extract(raw)
    for name, label in LIBREOFFICE.items():
        assert place(extracted, extracted.text.index(name)) == label, name
    assert extracted.text.startswith("Protester detained after Almaty rally\nBezshan Nurlanov, 24,")
    copy = RTF.rebuild(raw, [], CleanOptions()).data.decode("utf-8")
    assert copy.startswith("[Header]\nAlmaty bureau. Filed by Asel Dzhumabaeva\n\n")
    for dropped in ("Marta", "Ruslan", "Zhumagali", "Kairat", "Petrenko", "HYPERLINK"):
        assert dropped not in copy


# --- the plain-text copy ----------------------------------------------------------------------

def test_the_copy_is_plain_text_in_page_order_with_hidden_places_dropped():
    text = RTF.extract(DRAFT).text
    edits = [edit(text, "Bezshan Nurlanov", "[withheld]"), edit(text, "Žaneta Nurlanova", "[withheld]"),
             edit(text, "Asel Dzhumabaeva", "A.D."), edit(text, "Ruslan Bekov", "R.B."),
             edit(text, "Saltanat Ermekova", "S.E.")]
    rebuilt = RTF.rebuild(DRAFT, edits, CleanOptions())
    assert rebuilt.data.decode("utf-8") == (
        "[Header]\nAlmaty bureau. Filed by A.D.\n\n"
        "Protester detained after rally\n"
        "ALMATY (Wire) \u2014 Police detained [withheld], 34, on Tuesday, his lawyer "
        "José Ortíz said.\n"
        "\u201cHe did nothing wrong,\u201d said Ortíz. An earlier version named the driver.\n"
        "Write to his family.\n\n"
        "[Footnote 1]\nHis sister [withheld] confirmed the arrest.\n\n"
        "[Footer]\nReporting by Nurlan Seitkali\n")
    assert rebuilt.cleaned == (
        PLAIN_TEXT_NOTE, "Dropped 1 comment", "Accepted tracked changes (1 deletion dropped)",
        "Dropped 1 field code (link targets and other field instructions)",
        "Dropped document properties (title, author, last modified by)",
        "Dropped pictures and embedded objects")
    assert rebuilt.cleaned[0] == "Saved as plain text: the RTF formatting is not kept"


def test_kept_comments_are_redacted_text_without_their_authors():
    text = RTF.extract(DRAFT).text
    rebuilt = RTF.rebuild(DRAFT, [edit(text, "Dilnaz Temirova", "[withheld]")],
                          CleanOptions(keep_comments=True))
    copy = rebuilt.data.decode("utf-8")
    assert "[Comment 1]\nCheck with [withheld] before naming him.\n" in copy
    assert "Ruslan" not in copy and "Dilnaz" not in copy
    assert any(step.startswith("Kept 1 comment") for step in rebuilt.cleaned)
    two = rtf(rb"Body{\*\annotation One.}{\*\annotation Two.}")
    assert "Dropped 2 comments" in RTF.rebuild(two, [], CleanOptions()).cleaned


def test_an_edit_over_a_name_split_by_formatting_replaces_it_whole():
    raw = rtf(rb"Police detained {\b Bez}shan {\i Nurl}anov today.")
    text = RTF.extract(raw).text
    rebuilt = RTF.rebuild(raw, [edit(text, "Bezshan Nurlanov", "B.N.")], CleanOptions())
    assert rebuilt.data == b"Police detained B.N. today.\n"


@pytest.fixture
def withhold(make_person):
    """A review that withholds each of ``names`` everywhere in the document."""

    def make(document, *names: str) -> Decisions:
        persons = [make_person(document.text, name, "placeholder", name, *name.split(), id=f"p{n}")
                   for n, name in enumerate(names, 1)]
        return Decisions(str(document.path), document.sha256, persons)

    return make


@pytest.mark.model
def test_cli_refuses_an_rtf_output_name_and_the_leak_check_reads_both(engine, rtf_draft, tmp_path,
                                                                      capsys, withhold, complete,
                                                                      monkeypatch):
    monkeypatch.setattr("redactor.engine.Engine", lambda *args, **kwargs: engine)
    document = read_document(rtf_draft)
    review = tmp_path / "review.json"
    save_decisions(complete(document, withhold(document, "Bezshan Nurlanov", "Žaneta Nurlanova")),
                   review)
    for wrong in ("rally.redacted.rtf", "rally.redacted.docx"):
        assert main(["apply", str(rtf_draft), "--decisions", str(review),
                     "-o", str(tmp_path / wrong)]) == 2
        err = capsys.readouterr().err
        assert "an RTF draft is saved as plain text: use a .txt name" in err
        assert not (tmp_path / wrong).exists()
    out = tmp_path / "rally.redacted.txt"
    assert main(["apply", str(rtf_draft), "--decisions", str(review), "-o", str(out)]) == 0
    assert f"redactor: {PLAIN_TEXT_NOTE}" in capsys.readouterr().err
    copy = out.read_text(encoding="utf-8")
    assert "Nurlanov" not in copy and "Žaneta" not in copy
    assert "Police detained [name withheld], 34" in copy
    assert main(["verify", str(out), "--decisions", str(review)]) == 0
    assert main(["verify", str(rtf_draft), "--decisions", str(review)]) == 1
    report = capsys.readouterr().out
    assert "[Body]" in report and "[Footnote 1]" in report and "[Field code]" in report
    assert "[RTF source]" in report


def test_save_refuses_before_writing(engine, rtf_draft, tmp_path, withhold):
    document = read_document(rtf_draft)
    with pytest.raises(RedactorError, match="use a .txt name"):
        engine.save(document, withhold(document, "Bezshan Nurlanov"), tmp_path / "x.RTF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rally.rtf"]


def test_the_leak_check_finds_a_name_in_a_place_the_reader_skips(tmp_path):
    path = tmp_path / "bookmark.rtf"
    path.write_bytes(rtf(rb"Lawyer {\*\bkmkstart Jos\'e9_Ort\'edz}{\*\bkmkend x}said so."))
    person = Person("p1", "José Ortíz", "private", "placeholder", "[name withheld]", reviewed=True)
    leaks = file_leaks(path, Decisions(str(path), "0" * 64, [person]))
    assert "Ort" not in read_document(path).text
    assert {leak.place for leak in leaks} >= {"RTF source, escapes decoded"}
    assert any(leak.token.lower() == "jose" for leak in leaks)


# --- malformed files ------------------------------------------------------------------------

@pytest.mark.parametrize("label, raw, message", [
    ("not rtf", b"Just some text {\\rtf1 later}", "not an RTF document"),
    ("rtf-like name", b"{\\rtx1 x}", "not an RTF document"),
    ("binary garbage", b"{\\rtf1 " + bytes(range(256)) * 4 + b"}", "binary data"),
    ("nul bytes", b"{\\rtf1 Bezshan\x00\x00\x00Nurlanov}", "binary data"),
    ("deep nesting", b"{\\rtf1 " + b"{" * 200_000 + b"x" + b"}" * 200_000 + b"}", "nested more than"),
    ("deep nesting in a skipped group", b"{\\rtf1 {\\pict " + b"{" * 200_000 + b"}", "nested more than"),
    ("never closed", b"{\\rtf1 " + b"{x" * 500, "cut short"),
    ("closed too early", b"{\\rtf1 Bezshan}} Nurlanov was here", "goes on after the end"),
    ("text after the end", b"{\\rtf1 Bezshan} Nurlanov", "goes on after the end"),
])
def test_malformed_files_are_refused_quickly_with_nothing_written(tmp_path, label, raw, message,
                                                                   refused):
    path = tmp_path / "bad.rtf"
    path.write_bytes(raw)
    refused(path, message)


def test_depth_just_under_the_limit_is_read_and_trailing_padding_is_fine():
    depth = MAX_DEPTH - 2
    assert text_of(b"{" * depth + b"deep" + b"}" * depth) == "deep"
    assert RTF.extract(rtf(b"ok") + b"\r\n\x00\x00}\x1a").text == "ok\n"


def test_an_rtf_with_no_text_is_refused(tmp_path):
    path = tmp_path / "empty.rtf"
    path.write_bytes(rtf(rb"{\pict 00}\par\par"))
    with pytest.raises(UnreadableDocument, match="RTF document has no text"):
        read_document(path)


PARTS = [b"{", b"}", b"{", b"}", b"\\par ", b"\\u381?", b"\\u-10179 ", b"\\'e9", b"\\'c1",
         b"\\*", b"\\footnote ", b"\\ftnalt ", b"\\fldinst ", b"\\fldrslt ", b"\\annotation ",
         b"\\atnauthor ", b"\\deleted ", b"\\v ", b"\\v0 ", b"\\plain ", b"\\info ", b"\\title ",
         b"\\upr ", b"\\ud ", b"\\bin2 ", b"\\uc2 ", b"\\uc0 ", b"\\f1 ", b"\\pict ", b"\\header ",
         b"\\shptxt ", b"\\cell ", b"\\tab ", b"\\userprops ", b"\\propname ", b"\\staticval ",
         b"\\", b"\\~", b"\\{", b"Bez", b"shan ", b"Nurlanov", b" ", b"\xe9", b"\r\n", b"\x00"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=80))
def test_any_mix_of_rtf_is_read_or_refused_and_its_copy_is_utf8(parts: list[bytes]):
    raw = b"{\\rtf1\\ansi{\\fonttbl{\\f1\\fcharset204 Arial;}}" + b"".join(parts) + b"}"
    try:
        extracted = RTF.extract(raw)
    except UnreadableDocument:
        return
    assert RTF.extract(raw) == extracted
    extracted.text.encode("utf-8")  # no lone surrogate
    position = 0
    for section in extracted.sections:
        assert position <= section.start < section.end <= len(extracted.text)
        position = section.end
    edits = [Edit(s.start, s.start + 1, "[x]") for s in extracted.sections]
    rebuilt = RTF.rebuild(raw, edits, CleanOptions(keep_comments=True))
    assert rebuilt.cleaned[0] == PLAIN_TEXT_NOTE
    rebuilt.data.decode("utf-8")


# --- detection --------------------------------------------------------------------------------

@pytest.mark.model
def test_detection_finds_every_invented_person(engine, rtf_draft):
    document = read_document(rtf_draft)
    decisions = engine.analyze(document)
    covered = [(m.start, m.end) for p in decisions.persons for m in p.mentions]
    for label, names in PEOPLE.items():
        for name in names:
            start = document.text.index(name)
            assert any(s <= start < e for s, e in covered), f"{name} ({label}) was not found"
