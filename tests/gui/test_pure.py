"""GUI logic that needs no model: the preview's marks, settings, undo of the review model,
autosave files."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from redactor.decisions import Decisions, Mention, Person, Region
from redactor.documents import Document
from redactor.redaction import apply_decisions
from ui import settings as ui_settings
from ui.preview import preview_text
from ui.review_model import (ATTENTION, CONFIRMED, CUT, KEPT, NEEDS_REVIEW, SUGGESTED, ReviewModel,
                             mention_state)

TEXT = ("By MIRA OSTERGAARD\n\nLinnea Brask, 30, said Brask saw it. LINNEA BRASK spoke too. "
        "Officer Tove Alm watched. Alm left.")


def _mentions(*words: str) -> list[Mention]:
    found, start = [], 0
    for word in words:
        start = TEXT.index(word, start)
        found.append(Mention(start, start + len(word), word))
        start += len(word)
    return found


def _decisions() -> Decisions:
    return Decisions("draft.txt", "0" * 64, [
        Person("p1", "Mira Ostergaard", "byline", "keep", "Mira Ostergaard",
               _mentions("MIRA OSTERGAARD")),
        Person("p2", "Linnea Brask", "private", "first_name", "Linnea",
               _mentions("Linnea Brask", "Brask", "LINNEA BRASK")),
        Person("p3", "Tove Alm", "private", "remove", "", _mentions("Tove Alm", "Alm")),
    ])


@pytest.mark.parametrize("override", [None, "the woman", "Brask"])
def test_preview_marks_are_exact_and_the_text_is_what_is_saved(override):
    decisions = _decisions()
    decisions.persons[1].mentions[1].replacement = override
    text, spans = preview_text(TEXT, decisions)
    assert text == apply_decisions(TEXT, decisions)
    marked = [text[start:end] for start, end, _, _ in spans]
    expected = ["Linnea"] + ([override] if override not in (None, "Brask") else
                             ["Linnea"] if override is None else []) + ["LINNEA"]
    assert marked == expected
    assert "Alm" not in text  # removed names leave no mark and no text


def test_preview_marks_a_draft_that_holds_private_use_characters():
    """The old preview marked replacements with private-use characters and gave up on a
    draft holding them; planned edits need no marks."""
    text = "\ue000" + TEXT
    decisions = _decisions()
    for person in decisions.persons:
        person.mentions = [replace(m, start=m.start + 1, end=m.end + 1) for m in person.mentions]
    shown, spans = preview_text(text, decisions)
    assert shown == apply_decisions(text, decisions)
    assert [shown[s:e] for s, e, _, _ in spans] == ["Linnea", "Linnea", "LINNEA"]


def test_mention_states_follow_review_and_overrides():
    linnea = _decisions().persons[1]
    assert mention_state(linnea, linnea.mentions[0]) == SUGGESTED
    kept_one = Mention(0, 5, "Brask", replacement="Brask")
    assert mention_state(linnea, kept_one) == NEEDS_REVIEW
    assert mention_state(linnea, linnea.mentions[0], cut=True) == CUT
    assert mention_state(linnea, linnea.mentions[0], repeats_name=True) == ATTENTION
    variant = Mention(0, 5, "Braks", variant=True)
    assert mention_state(linnea, variant) == NEEDS_REVIEW
    linnea.reviewed = True
    assert mention_state(linnea, linnea.mentions[0]) == CONFIRMED
    assert mention_state(linnea, kept_one) == KEPT


def test_review_model_undo_restores_the_very_same_objects(qtbot):
    document = Document(Path("draft.txt"), TEXT, "utf-8", b"", "0" * 64)
    model = ReviewModel(document, _decisions())
    before = list(model.persons)
    snapshot = model.snapshot()
    model.set_action("p2", "initials")
    model.keep("p3")
    start = TEXT.index("Officer")
    model.add_mentions([(start, start + 7)], name="Officer X")
    model.merge(["p3", "p4"], "p3")
    model.split("p2", [2])
    model.rename("p1", "Mira O.")
    model.mark_region(Region(TEXT.index("Officer"), len(TEXT), "cut"))
    # p4 ("Officer X") merged into p3; the split's new person takes the free id p4.
    assert [p.id for p in model.persons] == ["p1", "p2", "p4", "p3"]
    assert model.person("p4").mentions[0].text == "LINNEA BRASK" and len(model.regions) == 1
    assert snapshot.persons == before  # a snapshot does not move with later edits
    while model.undo_stack.canUndo():
        model.undo_stack.undo()
    assert all(a is b for a, b in zip(model.persons, before))


def test_add_mentions_takes_over_an_overlapping_mention(qtbot):
    document = Document(Path("draft.txt"), TEXT, "utf-8", b"", "0" * 64)
    model = ReviewModel(document, _decisions())
    start = TEXT.index("Alm left")
    new = model.add_mentions([(start, start + 3)], name="Someone Else")
    assert [m.text for m in model.person("p3").mentions] == ["Tove Alm"]
    assert model.person(new).mentions[0].start == start
    only = TEXT.index("MIRA OSTERGAARD")
    model.add_mentions([(only, only + 15)], person_id="p2")
    assert "p1" not in [p.id for p in model.persons]  # left with no mention: dropped


def test_occurrences_are_whole_words_starting_with_a_capital(qtbot):
    text = "Marsh said. The marsh was wet. MARSH agreed; Marshall did not. Marsh's dog."
    document = Document(Path("d.txt"), text, "utf-8", b"", "0" * 64)
    model = ReviewModel(document, Decisions("d.txt", "0" * 64, []))
    found = [text[s:e] for s, e in model.occurrences("Marsh")]
    assert found == ["Marsh", "MARSH", "Marsh"]


def test_settings_round_trip(tmp_path: Path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = ui_settings.Settings(store)
    assert settings.private_action == "first_name" and settings.keep_names == []
    settings.keep_names = ["Tove Alm"]
    settings.redact_names = ["Linnea Brask", " ", "Mira Ostergaard"]
    settings.private_action = "keep"  # not offered: falls back
    settings.sync()
    again = ui_settings.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.keep_names == ["Tove Alm"]
    assert again.redact_names == ["Linnea Brask", "Mira Ostergaard"]
    assert again.private_action == "first_name"


def test_preferences_replace_first_name_suggestions_and_the_placeholder():
    from ui.review_model import with_preferences

    persons = _decisions().persons + [
        Person("p4", "Ada Quist", "private", "first_name", "Ada", []),
        Person("p5", "Quist", "private", "placeholder", "[name withheld]", []),
        Person("p6", "ada.quist", "private", "placeholder", "withheld", []),  # a mailto: address
    ]
    pseudonyms = with_preferences(persons, "pseudonym", "[withheld]")
    assert [(p.action, p.replacement) for p in pseudonyms[1:]] == [
        ("pseudonym", "Source A"), ("remove", ""), ("pseudonym", "Source B"),
        ("placeholder", "[withheld]"), ("placeholder", "withheld")]
    assert pseudonyms[0] is persons[0]  # a kept byline is left alone
    unchanged = with_preferences(persons, "first_name", "[name withheld]")
    assert all(a is b for a, b in zip(unchanged, persons))


def test_unexpected_errors_are_logged_without_their_message(qtbot):
    import io

    from ui.error_log import log_exception
    from ui.worker import TaskWorker

    def fails(text: str) -> None:
        raise ValueError(f"cannot handle {text!r}")

    try:
        fails("Linnea Brask")
    except ValueError as error:
        stream = io.StringIO()
        log_exception(error, stream=stream)
    logged = stream.getvalue()
    assert "Brask" not in logged and "ValueError" in logged
    assert "test_pure.py" in logged and "in fails" in logged  # where it happened

    worker = TaskWorker(fails, "Tove Alm")
    messages: list[str] = []
    worker.failed.connect(messages.append)
    worker.run()  # in this thread: the message is what a dialog would show
    assert messages == ["The operation failed unexpectedly (ValueError)."]


def test_autosave_files_are_named_by_a_hash_of_the_path(tmp_path: Path):
    from ui import autosave

    first = autosave.file_for(tmp_path, tmp_path / "Linnea Brask interview.docx")
    assert first.parent == tmp_path and "Brask" not in first.name and first.suffix == ".json"
    assert first != autosave.file_for(tmp_path, tmp_path / "other.docx")
    assert first == autosave.file_for(tmp_path, tmp_path / "." / "Linnea Brask interview.docx")


def test_an_autosave_write_loads_no_engine(tmp_path: Path):
    """Autosaving imports ``redactor.decisions`` only: never Presidio, spaCy or the engine.

    In a fresh interpreter, since this one may have the engine loaded for other tests.
    """
    script = """
import sys
from pathlib import Path
from redactor.decisions import Decisions, Mention, Person
from ui import autosave
folder = Path(sys.argv[1])
decisions = Decisions(str(folder / "draft.txt"), "0" * 64, [Person(
    "p1", "Linnea Brask", "private", "remove", "", [Mention(0, 12, "Linnea Brask")])])
print(autosave.write(folder / "autosave", decisions))
heavy = ("spacy", "presidio_analyzer", "presidio_anonymizer", "redactor.engine")
print(sorted(name for name in sys.modules if name.startswith(heavy)))
"""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=root,
                          capture_output=True, text=True, timeout=120, check=True)
    written, loaded = done.stdout.splitlines()
    assert Path(written).is_file() and "Linnea Brask" in Path(written).read_text(encoding="utf-8")
    assert loaded == "[]"


def test_findings_map_to_the_draft_and_a_lower_case_word_in_prose_is_set_apart():
    from redactor.leaks import Finding
    from redactor.plan import plan_edits
    from ui.findings import arrange

    draft = "Marta Law spoke. The law passed. Law left. Photo: law_home.jpg\n"
    decisions = Decisions("d.txt", "0" * 64, [Person("p1", "Marta Law", "private", "initials", "M.L.",
                                                     [Mention(0, 9, "Marta Law")])])
    edits = plan_edits(draft, decisions)
    copy = "M.L. spoke. The law passed. Law left. Photo: law_home.jpg\n"
    findings = [Finding("law", "p1", 1, 1 + copy.index(w), copy.index(w)) for w in
                ("law passed", "Law left", "law_home")]
    rows = arrange(findings, copy, edits, draft, {"p1": "Marta Law"})
    assert [(r.category, r.word, draft[r.start:r.end]) for r in rows] == [
        ("withheld", "Law", "Law"),          # capitalised: a leak
        ("withheld", "law", "law"),          # in a file name: a leak too, not a word
        ("lower_case", "law", "law")]        # between spaces in a sentence: probably the word
    assert rows[0].start == draft.index("Law left") and rows[1].start == draft.index("law_home")
