"""Web pages: markup is not prose. Scripts, styles, addresses and class names are places of
their own kind, never read as sentences; the names found in the prose are found and
replaced in them too, in the form each place writes a name.

The page is a wire story as a newsroom CMS might publish it, with the invented protester
Bezshan Nurlanov named in every corner of the markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.documents import read_document
from redactor.formats import CleanOptions, sniff
from redactor.formats.html import HTML
from redactor.normalize import normalize

PAGE = """<!DOCTYPE html>
<html><head>
<title>Protester detained | Wire</title>
<meta name="author" content="Saltanat Ermekova"/>
<meta property="og:url" content="https://wire.example/news/bezshan-nurlanov-detained">
<link rel="canonical" href="https://wire.example/news/bezshan-nurlanov-detained">
<script type="application/ld+json">{"@type": "NewsArticle", "about": {"@type": "Person", "name": "Bezshan Nurlanov"}, "url": "https://wire.example/news/bezshan-nurlanov-detained"}</script>
<script>window.NYTD = {Abra: "Wrapper Inner", story: {subject: "Bezshan Nurlanov", slug: "bezshan-nurlanov"}};
// tracked by Kicker Module
var Chartbeat = 'Top Stories';</script>
<style>.byline--nurlanov { background: url(/img/nurlanov640.jpg); }</style>
</head>
<body class="story story--bezshan-nurlanov">
<article id="nurlanov-profile" data-subject="bezshannurlanov" data-tracking='{"Module": "Story Body"}'>
<h1>Protester detained after Almaty rally</h1>
<p>ALMATY (Wire) &mdash; Police detained Bezshan Nurlanov, 34, on Tuesday, witnesses said.
Nurlanov's sister said he was beaten.</p>
<img src="/img/nurlanov640.jpg" srcset="/img/nurlanov640.jpg 1x, /img/Bezshan_Nurlanov_1280.jpg 2x" alt="Protesters at the rally">
<form><input name="subject" value="Bezshan Nurlanov"><input placeholder="Your name"></form>
<iframe srcdoc="&lt;p&gt;Nurlanov speaks&lt;/p&gt;"></iframe>
<a href="/author/saltanat-ermekova">Saltanat Ermekova</a>
</article>
</body></html>
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def kind_of(document, needle: str, after: str = "") -> str:
    offset = document.text.index(needle, document.text.index(after) if after else 0)
    holding = [s for s in document.sections if s.start <= offset < s.end]
    return min(holding, key=lambda s: s.end - s.start).kind


def test_each_kind_of_markup_is_a_place_of_its_own(story):
    document = read_document(story)
    assert kind_of(document, "Police detained") == ""
    assert kind_of(document, "Bezshan Nurlanov", "NewsArticle") == ""  # a JSON-LD value: a field
    assert kind_of(document, "Wrapper Inner") == "code"
    assert kind_of(document, "tracked by Kicker") == "code"
    assert kind_of(document, "background: url") == "code"
    assert kind_of(document, "story story--bezshan") == "identifier"
    assert kind_of(document, "nurlanov-profile") == "identifier"
    assert kind_of(document, "bezshannurlanov") == "identifier"
    assert kind_of(document, "/img/Bezshan_Nurlanov_1280.jpg") == "url"
    assert kind_of(document, "https://wire.example/news/bezshan-nurlanov-detained") == "url"
    assert kind_of(document, "&lt;p&gt;Nurlanov" if "&lt;" in document.text else "<p>Nurlanov") == "code"
    assert kind_of(document, "Your name") == ""


def test_a_fragment_without_html_is_checked_as_html():
    fragment = b'<figure><img alt="Bezshan Nurlanov" src="x.jpg"></figure>\n'
    assert sniff(fragment) is HTML
    assert sniff(b"<span>Bezshan</span> said", ".html") is HTML  # its name says so
    assert sniff(b"<b>bold</b> in a text draft", ".txt") is None


@pytest.mark.parametrize("keep_comments", [False, True])
def test_comments_always_go_and_author_tags_keep_their_shape(keep_comments):
    """A comment is never read, so no copy keeps one, whatever the editor keeps in Word."""
    raw = b'<head><meta name="author" content="Saltanat Ermekova"/></head><p>x<!-- ask Dariga --></p>'
    assert "Dariga" not in HTML.extract(raw).text
    dropped = HTML.rebuild(raw, [], CleanOptions(keep_comments=keep_comments))
    assert dropped.data == b"<head><meta/></head><p>x</p>"
    assert dropped.cleaned == ("Removed 1 HTML comment(s)", "Removed 1 metadata tag(s) naming the author or tools")


@pytest.mark.model
def test_markup_makes_no_persons_of_its_own(engine, story):
    decisions = engine.analyze(read_document(story))
    names = {p.name for p in decisions.persons}
    assert {"Bezshan Nurlanov", "Saltanat Ermekova"} <= names
    assert not names & {"Wrapper Inner", "Kicker Module", "Abra", "Chartbeat", "Top Stories", "Story Body"}


@pytest.mark.model
def test_a_withheld_name_goes_from_every_corner_of_the_markup(engine, story, tmp_path):
    document = read_document(story)
    decisions = engine.analyze(document)
    for person in decisions.persons:
        person.reviewed = True
        if person.name == "Bezshan Nurlanov":
            person.action, person.replacement = "placeholder", "[name withheld]"
    saved = engine.save(document, decisions, tmp_path / "copy.html")
    assert [f for f in saved.findings if f.kind != "beside"] == []
    copy = saved.path.read_text("utf-8")
    assert "nurlanov" not in normalize(copy)[0]
    assert "bezshan" not in normalize(copy)[0]
    assert 'class="story story--name-withheld"' in copy  # one name, one replacement, made safe
    assert "news/name-withheld-detained" in copy
    assert 'subject: "[name withheld]"' in copy  # a script's string, escaped for it
    assert "Police detained [name withheld], 34" in copy


@pytest.mark.model
def test_a_word_of_code_is_no_name_beside_a_replacement(engine, story, tmp_path):
    document = read_document(story)
    decisions = engine.analyze(document)
    for person in decisions.persons:
        person.reviewed = True
        if person.name == "Bezshan Nurlanov":
            person.action, person.replacement = "placeholder", "[name withheld]"
    assert engine.save(document, decisions, tmp_path / "copy.html").findings == []
