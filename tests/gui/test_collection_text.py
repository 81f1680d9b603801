"""A folder's drafts as one text, without a model: joining the engine's collection review and
splitting it back, the place and line of an offset, and the view showing one file at a time."""

from __future__ import annotations

from pathlib import Path

from redactor.collection import CollectionReview, Entry, SharedPerson
from redactor.decisions import Mention, Person
from redactor.documents import Document
from redactor.formats.textmap import Section
from ui.collection_text import SEPARATOR, join, line_of, split
from ui.document_view import DocumentView
from ui.review_model import SUGGESTED, Span

A = "Protester Linnea Brask said so.\nBrask left.\n"
B = "Linnea Brask again.\r\nMinister Tove Alm declined."
C = "A comment names Brask."


def at(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word)


def documents() -> dict[str, Document]:
    return {"a.txt": Document(Path("/f/a.txt"), A, "utf-8", b"", "a" * 64),
            "sub/b.md": Document(Path("/f/sub/b.md"), B, "utf-8", b"", "b" * 64),
            "c.docx": Document(Path("/f/c.docx"), C, "utf-8", b"", "c" * 64, "docx",
                               (Section(0, len(C), "Comment 1"),))}


def review() -> CollectionReview:
    linnea = Person("p1", "Linnea Brask", "private", "first_name", "Linnea", reviewed=True)
    alm = Person("p2", "Tove Alm", "public", "keep", "Tove Alm")
    return CollectionReview(
        [Entry("a.txt", "a" * 64), Entry("c.docx", "c" * 64), Entry("sub/b.md", "b" * 64)],
        [SharedPerson(linnea, {"a.txt": [at(A, "Linnea Brask"), at(A, "Brask", 1)],
                               "c.docx": [at(C, "Brask")],
                               "sub/b.md": [at(B, "Linnea Brask")]}),
         SharedPerson(alm, {"sub/b.md": [at(B, "Tove Alm")]})])


def test_the_joined_text_holds_every_file_and_each_mention_where_its_file_is():
    document, decisions = join(Path("/f"), review(), documents())
    assert document.text == SEPARATOR.join([A, C, B])
    assert [(p.path, document.text[p.start:p.end]) for p in document.parts] == [
        ("a.txt", A), ("c.docx", C), ("sub/b.md", B)]
    linnea = decisions.persons[0]
    assert [(m.text, document.text[m.start:m.end]) for m in linnea.mentions] == [
        ("Linnea Brask", "Linnea Brask"), ("Brask", "Brask"), ("Brask", "Brask"),
        ("Linnea Brask", "Linnea Brask")]
    assert linnea.reviewed and linnea.replacement == "Linnea"  # the decision travels whole
    assert document.kind == "collection" and document.path == Path("/f")


def test_split_gives_back_the_engines_review_with_each_files_own_offsets():
    document, decisions = join(Path("/f"), review(), documents())
    back = split(document, decisions)
    assert back.to_json() == review().to_json()
    assert back.decisions_for("c.docx").persons[0].mentions == [at(C, "Brask")]


def test_place_names_the_file_and_its_part_and_lines_count_in_each_file():
    document, decisions = join(Path("/f"), review(), documents())
    alm = decisions.persons[1].mentions[0]
    assert document.place(alm.start) == "sub/b.md"
    assert line_of(document, alm.start) == 2  # the second line of b.md, not of the whole text
    assert document.place(document.parts[1].start + 2) == "c.docx: Comment 1"
    assert document.place(document.parts[1].start - 1) == "a.txt"  # the separator is a.txt's
    assert line_of(documents()["a.txt"], A.index("Brask left")) == 2


def test_the_view_shows_one_file_and_goes_to_the_file_of_an_offset(qtbot):
    document, decisions = join(Path("/f"), review(), documents())
    view = DocumentView()
    qtbot.addWidget(view)
    spans = [Span(m.start, m.end, p.id, i, SUGGESTED) for p in decisions.persons
             for i, m in enumerate(p.mentions)]
    view.show_text(document.text, sorted(spans), document.windows())
    assert view.toPlainText() == A
    alm = decisions.persons[1].mentions[0]
    with qtbot.waitSignal(view.windowChanged) as changed:
        view.select_range(alm.start, alm.end)
    assert changed.args == [2] and view.toPlainText() == B.replace("\r\n", "\n")
    assert view.selected_range() == (alm.start, alm.end)  # offsets of the whole text
    assert view.span_at(alm.start).person_id == "p2"
    view.show_window(1)
    assert view.toPlainText() == C and view.cursor_offset() == document.parts[1].start
    brask = document.parts[1].start + C.index("Brask")
    assert view.find("brask") == (brask, brask + 5)
    view.find("tove")  # found in another file: that file is shown
    assert view.toPlainText().startswith("Linnea Brask again.")


def test_a_typed_name_never_joins_the_end_of_one_file_to_the_start_of_the_next(qtbot):
    from redactor.review_ops import find_occurrences

    first = {"a.txt": Document(Path("/f/a.txt"), "Police questioned Linnea", "utf-8", b"", "a" * 64),
             "b.txt": Document(Path("/f/b.txt"), "Brask left. Linnea Brask stayed.", "utf-8", b"",
                               "b" * 64)}
    document, _ = join(Path("/f"), CollectionReview([Entry("a.txt", "a" * 64),
                                                     Entry("b.txt", "b" * 64)]), first)
    found = find_occurrences(document.text, "Linnea Brask")
    assert [document.text[s:e] for s, e in found] == ["Linnea Brask"]
    assert document.part_at(found[0][0]).path == "b.txt"
