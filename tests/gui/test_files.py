"""Saving the redacted copy with its leak check, saving and reopening reviews, closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from .gui_helpers import names, person_named
from redactor.decisions import load_decisions

pytestmark = pytest.mark.model


def test_export_says_why_it_cannot_save_until_everyone_is_reviewed(qtbot, opened, dialogs,
                                                                   flood: Path):
    export = opened.actions.export
    for person in opened.review.persons[:-1]:
        opened.review.accept(person.id)
    last = opened.review.persons[-1]
    opened.panel.select_person(opened.review.persons[0].id)
    export.trigger()  # no save dialog: the copy cannot be saved yet, and it says why
    assert "1 person(s) still to review" in opened.statusBar().currentMessage()
    assert "1 person(s) still to review" in opened.ready_label.text()
    assert opened.current_person() == last.id  # taken to the person left to review
    dialogs.answers.append(QMessageBox.StandardButton.No)
    opened.actions.accept_all.trigger()
    assert dialogs.kinds() == ["question"] and not opened.review.all_reviewed()
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    opened.actions.accept_all.trigger()
    qtbot.waitUntil(lambda: not opened.analysis.is_running())
    opened.update_actions()
    assert opened.review.all_reviewed() and "Ctrl+E" in opened.ready_label.text()
    out = flood.with_name("flood.redacted.txt")
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(opened.exportFinished, timeout=30_000):
        export.trigger()
    assert dialogs.save_defaults == [str(out)]  # <name>.redacted<ext>, beside the original
    written = out.read_text(encoding="utf-8")
    assert "Gransson" not in written and "Bertil said" in written
    assert "Desmond Pell" in written  # kept: a public figure
    assert flood.read_text(encoding="utf-8").count("Gransson") == 2  # the original is untouched
    assert dialogs.kinds()[-1] == "information"
    assert "Second reading" in dialogs.last("information")


def test_export_reports_the_leaks_it_finds(qtbot, missed, dialogs, flood: Path):
    text = missed.view.toPlainText()
    start = text.index("Quillby")
    missed.review.add_mentions([(start, start + 7)], name="Quillby", action="placeholder")
    missed.review.accept_all()  # the second "Quillby" was never marked: it leaks
    out = flood.with_name("flood.redacted.txt")
    out.write_text("an older copy", encoding="utf-8")  # the file dialog confirmed replacing it
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(missed.exportFinished, timeout=30_000):
        missed.export()
    assert dialogs.kinds()[-1] == "warning"
    message = dialogs.last("warning")
    assert "1 problem(s), listed in the Findings panel" in message
    rows = missed.findings.rows
    draft = flood.read_text(encoding="utf-8")
    second = draft.index("Quillby asked")
    column = second - draft.rindex("\n", 0, second)
    assert [(r.category, r.word, r.where, r.person) for r in rows] == [
        ("withheld", "Quillby", f"line 11, column {column}", "Quillby")]
    assert missed.findings_dock.isVisible()
    assert (rows[0].start, rows[0].end) == (second, second + 7)  # the draft's place, not the copy's
    item = missed.findings.tree.topLevelItem(0).child(0)
    missed.findings.tree.setCurrentItem(item)  # selecting the finding shows it in the draft
    assert missed.view.selected_range() == (second, second + 7)
    assert out.read_text(encoding="utf-8") == "an older copy"  # not written under its name
    assert "not saved as flood.redacted.txt" in message
    written = flood.with_name("flood.redacted.UNFINISHED.txt").read_text(encoding="utf-8")
    assert "call [name withheld] had" in written and "Quillby asked" in written


def test_export_never_replaces_the_original(qtbot, opened, dialogs, flood: Path):
    opened.review.accept_all()
    original = flood.read_bytes()
    dialogs.save_paths.append(str(flood))
    opened.export()
    assert dialogs.kinds()[-1] == "critical"
    assert flood.read_bytes() == original


def test_save_review_and_reopen_it(qtbot, opened, make_window, dialogs, flood: Path):
    bertil = person_named(opened, "Bertil Gransson")
    opened.review.set_action(bertil.id, "initials")
    opened.review.keep(person_named(opened, "Desmond Pell").id)
    text = opened.view.toPlainText()
    span = opened.view.span_at(text.index("Gransson said"))
    opened.review.set_mention_replacement(span.person_id, span.mention, "The resident")
    assert opened.isWindowModified()
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    opened.actions.save_review.trigger()
    assert dialogs.save_defaults == [str(review_file)]
    assert not opened.isWindowModified()
    saved = load_decisions(review_file)
    assert saved.document_path == str(flood.absolute())
    assert review_file.stat().st_mode & 0o077 == 0  # it holds the real names: owner only
    opened.review.accept(person_named(opened, "Ysolde").id)
    opened.actions.save_review.trigger()  # saved again in place, no dialog
    assert not dialogs.save_paths and load_decisions(review_file).person(
        person_named(opened, "Ysolde").id).reviewed

    other = make_window()
    assert other.open_review(review_file)
    assert names(other) == names(opened)
    restored = person_named(other, "Bertil Gransson")
    assert (restored.action, restored.replacement, restored.reviewed) == ("initials", "B.G.", True)
    assert restored.mentions[span.mention].replacement == "The resident"
    assert other.view.toPlainText() == text
    assert not other.isWindowModified() and other.review_path == review_file
    assert not other.actions.undo.isEnabled()


def test_reopen_finds_a_moved_draft_beside_its_review_or_asks(qtbot, opened, make_window,
                                                              dialogs, flood: Path, tmp_path: Path):
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    opened.save_review()
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "flood.txt").write_bytes(flood.read_bytes())
    review_file.rename(moved / "flood.review.json")
    flood.unlink()
    other = make_window()
    assert other.open_review(moved / "flood.review.json")
    assert other.document.path == moved / "flood.txt"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes((moved / "flood.txt").read_bytes())
    (moved / "flood.txt").unlink()
    dialogs.open_paths.append(str(elsewhere))
    third = make_window()
    assert third.open_review(moved / "flood.review.json")
    assert third.document.path == elsewhere


def test_a_review_of_another_version_is_refused_unless_carried_over(qtbot, opened, make_window,
                                                                    dialogs, flood: Path):
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    opened.save_review()
    flood.write_text(flood.read_text(encoding="utf-8") + "\nA late paragraph.\n", encoding="utf-8")
    other = make_window()
    dialogs.answers.append(QMessageBox.StandardButton.No)  # do not carry it over
    assert not other.open_review(review_file)
    assert "an earlier version" in dialogs.last("question")
    assert "sha256" in dialogs.last("critical") and other.review is None


def test_closing_with_unsaved_decisions_asks_first(qtbot, opened, dialogs, flood: Path):
    opened.review.accept(opened.review.persons[0].id)
    dialogs.answers.append(QMessageBox.StandardButton.Cancel)
    assert not opened.close()
    assert opened.isVisible() and dialogs.kinds() == ["question"]
    review_file = flood.with_name("flood.review.json")
    dialogs.answers.append(QMessageBox.StandardButton.Save)
    dialogs.save_paths.append(str(review_file))
    assert opened.close()
    assert load_decisions(review_file).persons[0].reviewed


def test_opening_another_draft_asks_about_unsaved_decisions(qtbot, opened, dialogs, flood: Path):
    opened.review.accept(opened.review.persons[0].id)
    dialogs.answers.append(QMessageBox.StandardButton.Cancel)
    opened.open_draft(flood)
    assert not opened.analysis.is_busy() and opened.review.persons[0].reviewed
