"""The HTML format: every piece of text maps to its exact place in the source, and a redacted
copy changes the edited text and nothing else.

The people are invented: Bezshan Nurlanov (a detained protester), José Ortíz (his lawyer),
Saltanat Ermekova (the reporter) and Dariga Zhunusbekova (a source named in a comment).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.documents import read_document
from redactor.errors import UnreadableDocument
from redactor.formats import CleanOptions, Extracted, format_for_suffix
from redactor.formats.html import HTML, _read
from redactor.formats.textmap import Edit, splice

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>Protester Bezshan Nurlanov detained</title>
<meta name="author" content="Saltanat Ermekova">
<meta name="description" content="His lawyer José Ortíz says the arrest was unlawful.">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Saltanat Ermekova"}}</script>
<script>window.track("pageview");</script>
<style>p.byline { font-style: italic; }</style>
</head>
<body>
<!-- Source: Dariga Zhunusbekova, call before 6pm, do not name -->
<h1>Protester detained after rally</h1>
<p class=byline>By Saltanat Ermekova</p>
<p>ALMATY (Wire) &mdash; Police detained <b>Bez</b>shan Nurlanov, 34, on Tuesday, his lawyer Jos&eacute; Ort&iacute;z said. <img src=rally.jpg alt="Bezshan Nurlanov at the rally" title='Photo: Dariga Zhunusbekova'>
&ldquo;He did nothing wrong,&rdquo; said Ort&#237;z.</p>
<p>Write to <a href="mailto:bezshan.nurlanov@example.org">his family</a>.</p>
</body>
</html>
"""


def page(variant: str = "utf-8") -> bytes:
    """The wire story as one editor's tools might save it."""
    if variant == "windows-1252":
        return PAGE.replace("{charset}", "windows-1252").encode("cp1252")
    text = PAGE.replace("{charset}", "utf-8")
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if variant == "bom":
        return text.encode("utf-8-sig")
    if variant == "utf-16":
        return text.encode("utf-16")  # with its BOM
    return text.encode("utf-8")


VARIANTS = ["utf-8", "crlf", "windows-1252", "bom", "utf-16"]
NO_CLEANING = CleanOptions()
AUTHOR_META = '<meta name="author" content="Saltanat Ermekova">'
COMMENT = "<!-- Source: Dariga Zhunusbekova, call before 6pm, do not name -->"
CLEANED = ("Removed 1 HTML comment(s)", "Removed 1 metadata tag(s) naming the author or tools")


def cleaned_source(source: str) -> str:
    """What every copy of the page drops: its comment and the author's metadata tag."""
    return source.replace(COMMENT, "").replace(AUTHOR_META, "<meta>")


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def edit(text: str, needle: str, new: str, nth: int = 0) -> Edit:
    return Edit(*span(text, needle, nth), new)


def place(extracted: Extracted, offset: int) -> str:
    """The innermost section holding ``offset``, as the editor sees it."""
    holding = [s for s in extracted.sections if s.start <= offset < s.end]
    return min(holding, key=lambda s: s.end - s.start).label if holding else ""


def source_of(raw: bytes, slot) -> str:
    """What the source holds at a piece's range, decoded as a reader reads that kind of place."""
    source = _read(raw)[0]
    text = source[slot.start:slot.end]
    return html.unescape(text) if slot.kind in ("ref", "attr", "bare") else text


def assert_round_trip(raw: bytes, edits: list[Edit]) -> bytes:
    """Rebuild with ``edits``; the result must read as the original text with the edits applied
    and the author's metadata tag (which every copy drops) cut."""
    out = HTML.rebuild(raw, edits, NO_CLEANING)
    extracted = HTML.extract(raw)
    cuts = [Edit(s.start, s.end + 1, "") for s in extracted.sections
            if s.label == "Page metadata: author"]
    edits = [e for e in edits if not any(c.start <= e.start < c.end for c in cuts)]
    assert set(out.cleaned) <= set(CLEANED)
    assert HTML.extract(out.data).text == splice(extracted.text, edits + cuts)
    return out.data


# --- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_piece_is_the_source_at_its_range(variant: str) -> None:
    raw = page(variant)
    pieces = _read(raw)[3].pieces
    assert pieces
    for piece in pieces:
        assert piece.text == source_of(raw, piece.slot), piece


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_page_reads_the_same_in_any_encoding_or_line_ending(variant: str) -> None:
    extracted = HTML.extract(page(variant))
    assert extracted.text.replace("\r\n", "\n") == HTML.extract(page()).text
    assert HTML.extract(page(variant)) == extracted  # the same bytes always give the same text


def test_encoding_and_bom_are_kept_for_writing_back() -> None:
    assert (HTML.extract(page()).encoding, HTML.extract(page()).bom) == ("utf-8", b"")
    assert HTML.extract(page("bom")).bom == b"\xef\xbb\xbf"
    assert HTML.extract(page("utf-16")).bom == b"\xff\xfe"
    # The charset the page declares wins over a guess from a few accented letters.
    assert HTML.extract(page("windows-1252")).encoding == "cp1252"


def test_names_split_by_markup_or_written_as_references_read_whole() -> None:
    text = HTML.extract(page()).text
    assert "Police detained Bezshan Nurlanov, 34, on Tuesday, his lawyer José Ortíz said." in text
    assert "“He did nothing wrong,” said Ortíz." in text
    assert "ALMATY (Wire) — Police" in text


def test_each_place_is_labelled() -> None:
    extracted = HTML.extract(page())
    text = extracted.text
    expected = {
        "Protester Bezshan Nurlanov detained": "Page title",
        "Police detained Bezshan": "Body",
        "Bezshan Nurlanov at the rally": "Alt text",
        "Photo: Dariga Zhunusbekova": "Title attribute",
        "mailto:bezshan.nurlanov@example.org": "Link target",
        "Saltanat Ermekova": "Page metadata: author",
        "His lawyer José Ortíz": "Page metadata: description",
        "NewsArticle": "Structured data",
        "pageview": "Script",
        "p.byline { font-style": "Style",
        "\nbyline\n": "Class name",
        "rally.jpg": "Source address",
    }
    for needle, label in expected.items():
        assert place(extracted, text.index(needle) + needle.startswith("\n")) == label, needle
    assert place(extracted, text.index("Saltanat Ermekova", text.index("NewsArticle"))) == \
        "Structured data"


def test_asides_follow_their_block_on_lines_of_their_own() -> None:
    lines = HTML.extract(page()).text.splitlines()
    sentence = next(i for i, line in enumerate(lines) if line.startswith("ALMATY"))
    # The image sits between two sentences of the paragraph; its texts wait for the paragraph end.
    assert lines[sentence].endswith("said. ")
    assert lines[sentence + 1] == "“He did nothing wrong,” said Ortíz."
    assert lines[sentence + 2:sentence + 5] == [
        "rally.jpg", "Bezshan Nurlanov at the rally", "Photo: Dariga Zhunusbekova"]


def test_code_urls_and_class_names_are_places_of_their_own_kind() -> None:
    """The model never reads them as sentences; names found elsewhere are found in them."""
    extracted = HTML.extract(page())
    text = extracted.text
    kinds = {needle: kind_at(extracted, text.index(needle) + needle.startswith("\n"))
             for needle in ("pageview", "font-style", "\nbyline", "rally.jpg", "mailto:", "Police",
                            "NewsArticle")}
    assert kinds == {"pageview": "code", "font-style": "code", "\nbyline": "identifier",
                     "rally.jpg": "url", "mailto:": "", "Police": "", "NewsArticle": "identifier"}
    assert "call before 6pm" not in text  # a comment is not read: no copy keeps one
    assert "track(" not in text  # a script's code is not text, only its strings
    assert "<" not in text.replace("<!", "")  # no markup leaks into the text


def kind_at(extracted: Extracted, offset: int) -> str:
    holding = [s for s in extracted.sections if s.start <= offset < s.end]
    return min(holding, key=lambda s: s.end - s.start).kind


def test_blocks_end_lines_so_words_never_join() -> None:
    text = HTML.extract(b"<ul><li>Bezshan</li><li>Nurlanov</li></ul><p>a<br>b</p>"
                        b"<table><tr><td>x</td><td>y</td></tr></table>").text
    assert text.split() == ["Bezshan", "Nurlanov", "a", "b", "x", "y"]
    assert "Bezshan\nNurlanov" in text


def test_what_an_unclosed_style_swallows_is_still_read() -> None:
    raw = b"<p>Rally report</p><style>p { color: red }\n<p>Bezshan Nurlanov spoke.</p>"
    extracted = HTML.extract(raw)
    assert place(extracted, extracted.text.index("Bezshan")) == "Unclosed <style>"
    assert_round_trip(raw, [edit(extracted.text, "Bezshan Nurlanov", "B.N.")])


def test_cdata_and_processing_instructions_are_read() -> None:
    extracted = HTML.extract(b"<p>x<![CDATA[Bezshan Nurlanov]]><?note Dariga Zhunusbekova ?></p>")
    assert place(extracted, extracted.text.index("Bezshan")) == "Marked section"
    assert place(extracted, extracted.text.index("Dariga")) == "Processing instruction"


@pytest.mark.parametrize("raw", [b"", b"  \n", b"\x00\x01\x02<p>x</p>", b"<p>a <![ b</p>"])
def test_unreadable_pages_are_refused(raw: bytes) -> None:
    with pytest.raises(UnreadableDocument):
        HTML.extract(raw)


def test_strings_hold_the_whole_source_and_its_decoded_form() -> None:
    raw = page("windows-1252")
    stored = dict(HTML.strings(raw))
    assert stored["HTML source"] == raw.decode("cp1252")
    assert "Ortíz said" in stored["HTML source, references decoded"]
    assert "Zhunusbekova, call before 6pm" in stored["HTML source"]


# --- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_edits_give_back_the_exact_bytes_but_the_author_tag(variant: str) -> None:
    raw = page(variant)
    extracted = HTML.extract(raw)
    expected = extracted.bom + cleaned_source(_read(raw)[0]).encode(extracted.encoding)
    assert expected != raw
    rebuilt = HTML.rebuild(raw, [], NO_CLEANING)
    assert (rebuilt.data, rebuilt.cleaned) == (expected, CLEANED)


@pytest.mark.parametrize("variant", VARIANTS)
def test_only_the_edited_text_changes(variant: str) -> None:
    raw = page(variant)
    extracted = HTML.extract(raw)
    text = extracted.text
    start = text.index("Bezshan Nurlanov, 34")  # split by <b>: the replacement goes into the <b>
    edits = [Edit(start, start + len("Bezshan Nurlanov"), "[name withheld]"),
             edit(text, "José Ortíz said", "<Source A> & co said")]
    data = assert_round_trip(raw, edits)
    source = _read(raw)[0]
    expected = cleaned_source(source
                              .replace("<b>Bez</b>shan Nurlanov, 34", "<b>[name withheld]</b>, 34")
                              .replace("Jos&eacute; Ort&iacute;z said", "&lt;Source A&gt; &amp; co said"))
    assert expected != source
    assert data == extracted.bom + expected.encode(extracted.encoding)


def test_an_attribute_value_is_rewritten_whole_and_escaped() -> None:
    raw = page()
    text = HTML.extract(raw).text
    edits = [edit(text, "Bezshan Nurlanov at", '"Source" A at'),
             edit(text, "Dariga Zhunusbekova", "staff"),
             edit(text, "bezshan.nurlanov@", "family@"),
             edit(text, "Saltanat Ermekova", "Staff")]  # the first is the author's <meta>
    data = assert_round_trip(raw, edits).decode()
    assert 'alt="&quot;Source&quot; A at the rally"' in data
    assert "title='Photo: staff'" in data
    assert 'href="mailto:family@example.org"' in data
    assert '<meta name="author"' not in data  # the author's tag goes, edited or not
    assert 'By Saltanat Ermekova' in data  # only what was edited changed


def test_an_unquoted_attribute_value_gains_quotes() -> None:
    raw = b"<p>Rally <img alt=Bezshan_Nurlanov src=rally.jpg></p>"
    data = assert_round_trip(raw, [edit(HTML.extract(raw).text, "Bezshan_Nurlanov", "Source A")])
    assert data == b'<p>Rally <img alt="Source A" src=rally.jpg></p>'


def test_a_link_keeps_its_query_parameters() -> None:
    # "&copy=2" in an attribute is not a reference (HTML5); rewriting must not turn it into "©=2".
    raw = b'<p><a href="https://example.org/find?q=nurlanov&copy=2&amp;lang=en">profile</a></p>'
    text = HTML.extract(raw).text
    assert "?q=nurlanov&copy=2&lang=en" in text
    data = assert_round_trip(raw, [edit(text, "nurlanov", "staff")])
    assert b'href="https://example.org/find?q=staff&amp;copy=2&amp;lang=en"' in data


def test_json_ld_is_redacted_in_place_and_comments_go() -> None:
    """In a JSON script the replacement is written in place, escaped for it; the comment,
    never read, is not in the copy."""
    raw = page()
    text = HTML.extract(raw).text
    edits = [edit(text, "Saltanat Ermekova", 'Staff "reporter"', nth=1)]
    data = HTML.rebuild(raw, edits, NO_CLEANING).data.decode()
    assert '"name": "Staff \\"reporter\\""}}</script>' in data
    assert "Dariga Zhunusbekova, call" not in data


def test_inserted_text_cannot_close_a_script() -> None:
    raw = b'<script type="application/ld+json">{"name": "Dariga"}</script><p>x</p>'
    text = HTML.extract(raw).text
    data = HTML.rebuild(raw, [edit(text, "Dariga", "</script><b>")], NO_CLEANING).data
    assert b'{"name": "\\u003c/script\\u003e\\u003cb\\u003e"}</script>' in data
    assert HTML.extract(data).text.endswith("x\n")


def test_a_character_the_encoding_cannot_hold_becomes_a_reference() -> None:
    raw = page("windows-1252")
    text = HTML.extract(raw).text
    edits = [edit(text, "José Ortíz said", "Łukasz W. said"),
             edit(text, "Ortíz.", "Łukasz W.")]
    data = assert_round_trip(raw, edits)
    assert b"his lawyer &#321;ukasz W. said." in data
    assert b"said &#321;ukasz W.</p>" in data
    assert "His lawyer José Ortíz says".encode("cp1252") in data  # untouched, in its encoding
    assert b'<meta charset="windows-1252">' in data
    assert HTML.extract(data).encoding == "cp1252"


def test_a_bare_ampersand_or_angle_bracket_before_an_edit_stays_text() -> None:
    raw = b"<p>Ortiz & Nurlanov LLP said 3 < Nurlanov</p>"
    text = HTML.extract(raw).text
    # Removals that take the space along would join "&" or "<" with what follows.
    edits = [edit(text, " Nurlanov LLP", "amp; LLP"), edit(text, " Nurlanov", "b>", nth=1)]
    data = assert_round_trip(raw, edits)
    assert data == b"<p>Ortiz &amp;amp; LLP said 3 &lt;b&gt;</p>"


def test_line_endings_and_bom_survive_an_edit() -> None:
    for variant in ("crlf", "bom", "utf-16"):
        raw = page(variant)
        text = HTML.extract(raw).text
        data = assert_round_trip(raw, [edit(text, "Bezshan Nurlanov at", "A protester at")])
        assert data.startswith(HTML.extract(raw).bom)
        assert data.count(b"\r\n") == raw.count(b"\r\n")


# --- the round trip on generated pages -------------------------------------------------------

_WORDS = st.sampled_from(["Bezshan", "Nurlanov", "Ortíz", "said", "34,", " ", " ", "\n", "\r\n",
                          " & ", " < ", "&eacute;", "&amp;", "&#237;", "&#x41;", "&lt;"])
_TAGS = st.sampled_from(["<b>", "</b>", "<i>", "</i>", "<p>", "</p>", "<br>", "<li>", "<div>",
                         "</div>", "<span class=x>", "</span>"])
_ATTRIBUTE = st.text(st.sampled_from("Bezshan Nurlanov&<>\"'é"), min_size=1, max_size=12)
_REPLACEMENT = st.text(st.sampled_from("AB .&<>\"';#é"), max_size=8)


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(st.one_of(
        _WORDS, _TAGS,
        _ATTRIBUTE.map(lambda v: f'<img alt="{html.escape(v)}">'),
        _ATTRIBUTE.map(lambda v: f"<a href='mailto:{html.escape(v)}'>"),
    ), min_size=1, max_size=30))
    return ("<p>x</p>" + "".join(parts)).encode("utf-8")


@st.composite
def word_edits(draw: st.DrawFn, raw: bytes) -> list[Edit]:
    """Edits as names make them: inside one stretch of the file's text, never across a line end.

    An edit does not change whether a stretch ends in a line end (no removal of its last
    character, no insertion after a final "\n"): the reader ends every line it lays out, so
    such an edit would give the copy one line end more or fewer when read again. Nor does an
    edit leave a stretch blank: a blank attribute holds no text to read.
    """
    text = HTML.extract(raw).text
    runs: list[list[int]] = []
    for piece in _read(raw)[3].pieces:
        if piece.slot.safe:  # a class name or an address: replacements are made safe there
            continue
        if runs and runs[-1][1] == piece.start:
            runs[-1][1] = piece.end
        else:
            runs.append([piece.start, piece.end])
    edits: list[Edit] = []
    for _ in range(draw(st.integers(0, 4))):
        lo, hi = draw(st.sampled_from(runs))
        start = draw(st.integers(lo, hi))
        end = draw(st.integers(start, hi))
        new = draw(_REPLACEMENT)
        if "\n" in text[start:end] or (end == hi and (not new or text[hi - 1] == "\n")) or (
                not (text[lo:start] + new + text[end:hi]).strip()):
            continue
        if all(end < e.start or start > e.end for e in edits):
            edits.append(Edit(start, end, new))
    return edits


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_round_trip_on_generated_pages(data: st.DataObject) -> None:
    raw = data.draw(pages())
    edits = data.draw(word_edits(raw))
    assert HTML.rebuild(raw, [], NO_CLEANING).data == raw
    assert_round_trip(raw, edits)


# --- through the engine ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.html", "story.HTM"])
def test_read_document_reads_a_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(page("windows-1252"))
    document = read_document(path)
    assert document.kind == "html" and format_for_suffix(path.suffix) is HTML
    assert document.encoding == "cp1252"
    assert document.place(document.text.index("Bezshan Nurlanov at the rally")) == "Alt text"
    assert document.place(document.text.index("Police detained")) == "Body"
    assert "call before 6pm" not in document.text


def test_a_withheld_name_goes_from_everywhere_in_the_page(tmp_path: Path, make_person,
                                                         make_decisions) -> None:
    from copies import file_leaks, write_copy

    path = tmp_path / "story.html"
    path.write_bytes(page("crlf"))
    document = read_document(path)
    person = make_person(document.text, "Bezshan Nurlanov", "placeholder", "Bezshan Nurlanov",
                         "bezshan.nurlanov", "Nurlanov")
    decisions = make_decisions(person, path=str(path), sha256=document.sha256)
    write_copy(document, decisions, tmp_path / "story.redacted.html")
    assert file_leaks(tmp_path / "story.redacted.html", decisions) == []
    data = (tmp_path / "story.redacted.html").read_bytes()
    assert b"nurlanov" not in data.lower()
    assert b"<b>[name withheld]</b>, 34" in data
    assert b'alt="[name withheld] at the rally"' in data
    assert data.count(b"\r\n") == page("crlf").count(b"\r\n")
