"""Markup kept from the model, and the names the prose holds found in it.

Unit tests build candidates by hand; the last test runs the engine on a Markdown draft
whose picture's file name carries the invented protester's name.
"""

from __future__ import annotations

import pytest

from redactor.decisions import Mention
from redactor.formats.textmap import Section
from redactor.grouping import Candidate
from redactor.markup import add_markup_mentions, hidden_spans, masked
from redactor.names import key


def test_prose_nested_in_markup_is_not_hidden():
    sections = [Section(0, 40, "Field code", "code"), Section(10, 20, "Field code", ""),
                Section(50, 60, "Body", "")]
    assert hidden_spans(sections) == [(0, 10), (20, 40)]
    assert hidden_spans([Section(0, 9, "Body")]) == []


def test_masking_keeps_offsets_and_line_ends():
    text = "Prose\nvar x = 'Wrapper Inner';\nMore prose"
    spans = [(6, 30)]
    assert masked(text, spans) == "Prose\n" + " " * 24 + "\nMore prose"
    assert len(masked(text, spans)) == len(text)


def candidate(name: str, text: str) -> Candidate:
    start = text.index(name)
    return Candidate(name, key(name), [Mention(start, start + len(name), name)])


def test_a_persons_tokens_are_found_in_markup_in_every_written_form():
    text = ("Bezshan Nurlanov spoke.\n"
            "/author/bezshan-nurlanov class=byline--NURLANOV bezshannurlanov nurl%61nov Nurlanovsky\n")
    person = candidate("Bezshan Nurlanov", text)
    add_markup_mentions(text, [(24, len(text))], [person])
    assert [m.text for m in person.mentions] == [
        "Bezshan Nurlanov", "bezshan-nurlanov", "NURLANOV", "bezshannurlanov", "nurl%61nov", "Nurlanov"]
    assert all(text[m.start:m.end] == m.text for m in person.mentions)


def test_a_token_two_persons_share_is_left_to_the_leak_check():
    text = "Aigerim Nurlanova and Bezshan Nurlanova met.\nclass=nurlanova\n"
    first, second = candidate("Aigerim Nurlanova", text), candidate("Bezshan Nurlanova", text)
    add_markup_mentions(text, [(45, len(text))], [first, second])
    assert [len(p.mentions) for p in (first, second)] == [1, 1]


def test_short_tokens_are_found_only_as_whole_words():
    text = "Li Wei spoke.\nclass=li-wei olive willow\n"
    person = candidate("Li Wei", text)
    add_markup_mentions(text, [(14, len(text))], [person])
    assert [m.text for m in person.mentions] == ["Li Wei", "wei"]  # "li" is under three letters


@pytest.mark.model
def test_a_name_in_a_markdown_picture_path_is_replaced_where_it_stands(engine, tmp_path):
    from redactor.documents import read_document

    path = tmp_path / "draft.md"
    path.write_text("# Rally\n\nPolice detained Bezshan Nurlanov, 34, a student, on Tuesday.\n\n"
                    "![Protesters at the rally](photos/bezshan-nurlanov-rally.jpg)\n", encoding="utf-8")
    document = read_document(path)
    decisions = engine.analyze(document)
    person = next(p for p in decisions.persons if p.name == "Bezshan Nurlanov")
    assert "bezshan-nurlanov" in [m.text for m in person.mentions]
    for each in decisions.persons:
        each.reviewed = True
    person.action, person.replacement = "placeholder", "[name withheld]"
    saved = engine.save(document, decisions, tmp_path / "copy.md")
    assert saved.findings == []
    assert "(photos/name-withheld-rally.jpg)" in saved.path.read_text("utf-8")
