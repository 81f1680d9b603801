"""Reviewing: keyboard, single-mention overrides, missed names, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit

from gui_helpers import focus, names, person_named, select_text
from ui.person_table import ACTION, REPLACEMENT
from ui.redact_dialog import RedactSelectionDialog
from ui.review_model import KEPT, NEEDS_REVIEW

pytestmark = pytest.mark.model


def test_enter_accepts_k_keeps_and_n_p_move_between_persons_needing_review(qtbot, opened):
    table = opened.panel.table
    focus(qtbot, table)
    first = opened.current_person()
    assert first == opened.review.persons[0].id  # the first person needing review is selected
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.review.person(first).reviewed
    second = opened.current_person()
    assert second == opened.review.persons[1].id  # Enter moved on to the next one
    qtbot.keyClick(table, Qt.Key.Key_N)
    third = opened.current_person()
    assert third == opened.review.persons[2].id
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert opened.current_person() == second
    qtbot.keyClick(table, Qt.Key.Key_P)  # the first is reviewed: P wraps to the last unreviewed
    assert opened.current_person() == opened.review.persons[-1].id
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert opened.current_person() == second
    ysolde = person_named(opened, "Ysolde")
    opened.panel.select_person(ysolde.id)
    qtbot.keyClick(table, Qt.Key.Key_K)
    ysolde = person_named(opened, "Ysolde")
    assert (ysolde.action, ysolde.reviewed) == ("keep", True)
    assert not person_named(opened, "Desmond Pell").reviewed


def test_keys_work_in_the_document_too_but_type_text_in_the_replacement_editor(qtbot, opened):
    focus(qtbot, opened.view)
    first = opened.current_person()
    qtbot.keyClick(opened.view, Qt.Key.Key_Enter)
    assert opened.review.person(first).reviewed
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_person(bertil.id)
    table = opened.panel.table
    focus(qtbot, table)
    table.edit(table.currentIndex().siblingAtColumn(REPLACEMENT))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Kin")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.replacement == "Kin"  # K and n typed text, Enter committed the edit
    assert bertil.action == "first_name" and bertil.reviewed


def test_action_combo_sets_the_default_replacement(qtbot, opened):
    bertil = person_named(opened, "Bertil Gransson")
    row = opened.review.row_of(bertil.id)
    index = opened.panel.proxy.index(row, ACTION)
    assert opened.panel.proxy.setData(index, "initials", Qt.ItemDataRole.EditRole)
    bertil = person_named(opened, "Bertil Gransson")
    assert (bertil.action, bertil.replacement, bertil.reviewed) == ("initials", "B.G.", True)
    opened.review.set_action(bertil.id, "pseudonym")
    assert person_named(opened, "Bertil Gransson").replacement == "Source A"


def test_only_needs_review_filter_hides_reviewed_persons(qtbot, opened):
    total = len(opened.review.persons)
    opened.review.accept(opened.review.persons[1].id)
    opened.panel.filter_box.setChecked(True)
    visible = opened.panel.proxy.rowCount()
    assert visible == total - 1 or visible == total  # the selected person stays pinned
    opened.panel.select_person(opened.review.persons[0].id)
    assert opened.panel.proxy.rowCount() == total - 1
    opened.panel.filter_box.setChecked(False)
    assert opened.panel.proxy.rowCount() == total


def test_one_mention_can_be_kept_or_replaced_on_its_own(qtbot, opened, dialogs):
    text = opened.view.toPlainText()
    second = text.index("Gransson said")
    span = opened.view.span_at(second)
    keep, replace_with = opened.view.mention_actions(span)[:2]
    keep.trigger()
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.mentions[span.mention].replacement == "Gransson"
    assert bertil.mentions[0].replacement is None
    assert opened.view.span_at(second).state == NEEDS_REVIEW  # until the person is reviewed
    opened.review.accept(bertil.id)
    assert opened.view.span_at(second).state == KEPT
    dialogs.texts.append(("The resident", True))
    replace_with.trigger()
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.mentions[span.mention].replacement == "The resident"
    follow = opened.view.mention_actions(opened.view.span_at(second))[-1]
    follow.trigger()
    assert person_named(opened, "Bertil Gransson").mentions[span.mention].replacement is None


def _answer_dialog(monkeypatch, person=None, name=None, others=True, seen=None):
    def exec_(dialog: RedactSelectionDialog) -> int:
        if seen is not None:
            seen.append(dialog)
        if person is not None:
            dialog.person_box.setCurrentIndex(dialog.person_box.findData(person))
        if name is not None:
            dialog.name_edit.setText(name)
        dialog.others_box.setChecked(others)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(RedactSelectionDialog, "exec", exec_)


def test_ctrl_r_adds_a_missed_name_and_its_other_occurrences(qtbot, missed, monkeypatch):
    text = missed.view.toPlainText()
    assert "Quillby" not in names(missed)
    start = text.index("Quillby")
    seen = []
    _answer_dialog(monkeypatch, seen=seen)
    select_text(missed, start, start + len("Quillby "))  # a trailing space is trimmed
    focus(qtbot, missed.view)
    qtbot.keyClick(missed.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].others_box.isEnabled()
    quillby = person_named(missed, "Quillby")
    assert [m.text for m in quillby.mentions] == ["Quillby", "Quillby"]
    assert (quillby.role, quillby.action, quillby.reviewed) == ("private", "first_name", True)
    assert missed.current_person() == quillby.id
    order = [p.name for p in missed.review.persons]
    assert order.index("Quillby") == order.index("Bertil Gransson") + 1  # order of appearance


def test_ctrl_r_without_other_occurrences_and_onto_an_existing_person(qtbot, missed, monkeypatch):
    text = missed.view.toPlainText()
    start = text.index("Quillby")
    bertil = person_named(missed, "Bertil Gransson")
    _answer_dialog(monkeypatch, person=bertil.id, others=False)
    select_text(missed, start, start + len("Quillby"))
    missed.actions.redact_selection.trigger()
    bertil = person_named(missed, "Bertil Gransson")
    assert [m.text for m in bertil.mentions] == ["Bertil Gransson", "Gransson", "Quillby"]
    assert "Quillby" not in names(missed)


def test_undo_and_redo_every_decision(qtbot, missed, monkeypatch):
    window = missed
    pell = person_named(window, "Desmond Pell")
    bertil = person_named(window, "Bertil Gransson")
    window.review.keep(pell.id)
    window.review.set_action(bertil.id, "placeholder")
    text = window.view.toPlainText()
    start = text.index("Quillby")
    _answer_dialog(monkeypatch)
    select_text(window, start, start + len("Quillby"))
    window.redact_selection()
    assert "Quillby" in names(window)
    assert window.isWindowModified()
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Quillby" not in names(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert person_named(window, "Bertil Gransson").action == "first_name"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not person_named(window, "Desmond Pell").reviewed
    assert not window.isWindowModified()
    assert not window.actions.undo.isEnabled()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, shift_ctrl)
    assert person_named(window, "Desmond Pell").reviewed
    assert person_named(window, "Bertil Gransson").replacement == "[name withheld]"
    assert len(person_named(window, "Quillby").mentions) == 2
    assert window.view.span_at(start).person_id == person_named(window, "Quillby").id
