"""Reviewing: keys for each decision, single-mention overrides, missed names, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from .gui_helpers import focus, in_dialog, names, open_with_review, person_named, select_text
from ui.person_tree import ACTION, REPLACEMENT
from ui.redact_dialog import RedactSelectionDialog
from ui.review_model import KEPT, NEEDS_REVIEW

pytestmark = pytest.mark.model


def order(window) -> list[str]:
    """Person ids in the order the tree lists them (people at risk first)."""
    return [p.id for p in window.panel.model.persons_in_order()]


def test_enter_accepts_k_keeps_and_n_p_move_in_the_trees_order(qtbot, opened):
    table = opened.panel.table
    focus(qtbot, table)
    shown = order(opened)
    first = opened.current_person()
    assert first == shown[0]  # the first person needing review, people at risk first
    assert opened.review.person(first).role == "private"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.review.person(first).reviewed
    second = opened.current_person()
    assert second == shown[1]  # Enter moved on to the next one
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert opened.current_person() == shown[2]
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert opened.current_person() == second
    qtbot.keyClick(table, Qt.Key.Key_P)  # the first is reviewed: P wraps to the last unreviewed
    assert opened.current_person() == shown[-1]
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert opened.current_person() == second
    ysolde = person_named(opened, "Ysolde")
    opened.panel.select_person(ysolde.id)
    qtbot.keyClick(table, Qt.Key.Key_K)
    ysolde = person_named(opened, "Ysolde")
    assert (ysolde.action, ysolde.reviewed) == ("keep", True)
    assert not person_named(opened, "Desmond Pell").reviewed


@pytest.mark.parametrize(("key", "action", "replacement"), [
    (Qt.Key.Key_F, "first_name", "Bertil"), (Qt.Key.Key_I, "initials", "B.G."),
    (Qt.Key.Key_H, "placeholder", "[name withheld]"), (Qt.Key.Key_S, "pseudonym", "Source A"),
    (Qt.Key.Key_X, "remove", "")])
def test_one_key_for_each_action(qtbot, opened, key, action, replacement):
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_person(bertil.id)
    focus(qtbot, opened.panel.table)
    qtbot.keyClick(opened.panel.table, key)
    bertil = person_named(opened, "Bertil Gransson")
    assert (bertil.action, bertil.replacement, bertil.reviewed) == (action, replacement, True)
    assert opened.current_person() != bertil.id  # on to the next person needing review


def test_space_opens_the_action_list_and_f2_edits_the_cell_in_focus(qtbot, opened):
    table = opened.panel.table
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_person(bertil.id)
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    combo = QApplication.focusWidget()
    combo.setCurrentIndex(combo.findData("initials"))
    combo.activated.emit(combo.currentIndex())  # what Enter on the open list does
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert person_named(opened, "Bertil Gransson").action == "initials"
    focus(qtbot, table)
    table.setCurrentIndex(opened.panel.model.person_index(bertil.id, ACTION))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    table.setCurrentIndex(opened.panel.model.person_index(bertil.id, REPLACEMENT))
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert table.currentIndex().column() == REPLACEMENT


def test_keys_work_in_the_document_too_but_type_text_in_the_replacement_editor(qtbot, opened):
    focus(qtbot, opened.view)
    first = opened.current_person()
    qtbot.keyClick(opened.view, Qt.Key.Key_Enter)
    assert opened.review.person(first).reviewed
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_person(bertil.id)
    table = opened.panel.table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Kin")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.replacement == "Kin"  # K and n typed text, Enter committed the edit
    assert bertil.action == "first_name" and bertil.reviewed


def test_tab_leaves_the_tree(qtbot, opened):
    table = opened.panel.table
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    focus(qtbot, opened.view)
    qtbot.keyClick(opened.view, Qt.Key.Key_F6)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert opened.view.hasFocus()


def test_role_drives_the_action(qtbot, opened):
    pell = person_named(opened, "Desmond Pell")
    model = opened.panel.model
    assert model.setData(model.person_index(pell.id, 5), "private", Qt.ItemDataRole.EditRole)
    pell = person_named(opened, "Desmond Pell")
    assert (pell.role, pell.action, pell.replacement) == ("private", "first_name", "Desmond")
    assert opened.review.outside_story(pell) is False
    assert pell.id in [p.id for p in model.persons_in_order()[:5]]  # now among those at risk
    opened.review.set_role(pell.id, "public")
    pell = person_named(opened, "Desmond Pell")
    assert (pell.action, pell.replacement) == ("keep", "Desmond Pell")


def test_only_needs_review_filter_hides_reviewed_persons(qtbot, opened):
    total = len(opened.review.persons)
    opened.review.accept(order(opened)[1])
    opened.panel.filter_box.setChecked(True)
    visible = len(opened.panel.model.persons_in_order())
    assert visible == total - 1 or visible == total  # the selected person stays pinned
    opened.panel.select_person(order(opened)[0])
    assert len(opened.panel.model.persons_in_order()) == total - 1
    opened.panel.filter_box.setChecked(False)
    assert len(opened.panel.model.persons_in_order()) == total


def test_one_mention_can_be_kept_or_replaced_on_its_own(qtbot, opened, dialogs):
    text = opened.view.toPlainText()
    second = text.index("Gransson said")
    span = opened.view.span_at(second)
    keep, replace_with = opened.view.mention_actions(span)[:2]
    keep.trigger()
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.mentions[span.mention].replacement == "Gransson"
    opened.review.accept(bertil.id)
    # Kept as written while the person is withheld: the table says the copy prints a name.
    assert opened.view.span_at(second).state == "attention"
    dialogs.texts.append(("The resident", True))
    replace_with.trigger()
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.mentions[span.mention].replacement == "The resident"
    follow = opened.view.mention_actions(opened.view.span_at(second))[-1]
    follow.trigger()
    assert person_named(opened, "Bertil Gransson").mentions[span.mention].replacement is None


def test_a_kept_public_mention_is_printed_as_written(qtbot, opened):
    pell = person_named(opened, "Desmond Pell")
    span = next(s for s in opened.view.spans() if s.person_id == pell.id)
    assert span.state == NEEDS_REVIEW
    opened.review.keep(pell.id)
    assert opened.review.span_at(span.start).state == KEPT


def answer(window, qtbot, person=None, name=None, others=True) -> RedactSelectionDialog:
    """Fill in the open Redact Selection dialog and press Enter."""
    dialog = window.reviewing.dialog
    assert isinstance(dialog, RedactSelectionDialog)
    if person is not None:
        dialog.person_box.setCurrentIndex(dialog.person_box.findData(person))
    if name is not None:
        dialog.name_edit.setText(name)
    dialog.others_box.setChecked(others)
    in_dialog(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    return dialog


def test_ctrl_r_adds_a_missed_name_and_its_other_occurrences(qtbot, missed):
    text = missed.view.toPlainText()
    assert "Quillby" not in names(missed)
    start = text.index("Quillby")
    select_text(missed, start, start + len("Quillby "))  # a trailing space is trimmed
    focus(qtbot, missed.view)
    qtbot.keyClick(missed.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = missed.reviewing.dialog
    assert dialog.others_box.isEnabled() and dialog.person_id() is None  # nobody's yet
    answer(missed, qtbot)
    quillby = person_named(missed, "Quillby")
    assert [m.text for m in quillby.mentions] == ["Quillby", "Quillby"]
    # One word: first name would print it unchanged, so the placeholder is the default.
    assert (quillby.role, quillby.action, quillby.reviewed) == ("private", "placeholder", True)
    assert missed.current_person() == quillby.id
    order_of_draft = [p.name for p in missed.review.persons]
    assert order_of_draft.index("Quillby") == order_of_draft.index("Bertil Gransson") + 1


def test_ctrl_r_on_the_word_under_the_caret(qtbot, missed):
    text = missed.view.toPlainText()
    start = text.index("Quillby asked")
    missed.view.select_range(start + 3, start + 3)  # the caret inside the word, no selection
    focus(qtbot, missed.view)
    qtbot.keyClick(missed.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert missed.reviewing.dialog is not None
    answer(missed, qtbot, others=False)
    quillby = person_named(missed, "Quillby")
    assert [(m.start, m.text) for m in quillby.mentions] == [(start, "Quillby")]


def test_ctrl_r_beside_a_found_mention_joins_it(qtbot, make_window, tmp_path):
    from redactor.decisions import Mention, Person

    draft = tmp_path / "join.txt"
    text = "Kairat Omarbekov told reporters the police came at night. Omarbekov, 31, was freed.\n"
    draft.write_text(text, encoding="utf-8")
    second = text.rindex("Omarbekov")
    window = make_window()
    open_with_review(qtbot, window, draft, [Person(
        "p1", "Omarbekov", "private", "placeholder", "[name withheld]",
        [Mention(7, 16, "Omarbekov"), Mention(second, second + 9, "Omarbekov")])])
    window.view.select_range(2, 2)  # the caret in "Kairat", which detection missed
    window.reviewing.redact_selection()
    dialog = window.reviewing.dialog
    assert dialog.person_id() == "p1"  # the person beside it is the default
    answer(window, qtbot, others=False)
    joined = window.review.person("p1")
    assert [m.text for m in joined.mentions] == ["Kairat Omarbekov", "Omarbekov"]
    assert joined.name == "Kairat Omarbekov"
    window.review.set_action("p1", "first_name")
    assert window.review.person("p1").replacement == "Kairat"


def test_ctrl_r_onto_an_existing_person_without_other_occurrences(qtbot, missed):
    text = missed.view.toPlainText()
    start = text.index("Quillby")
    bertil = person_named(missed, "Bertil Gransson")
    select_text(missed, start, start + len("Quillby"))
    missed.actions.redact_selection.trigger()
    answer(missed, qtbot, person=bertil.id, others=False)
    bertil = person_named(missed, "Bertil Gransson")
    assert [m.text for m in bertil.mentions] == ["Bertil Gransson", "Gransson", "Quillby"]
    assert "Quillby" not in names(missed)


def test_undo_and_redo_every_decision(qtbot, missed):
    window = missed
    pell = person_named(window, "Desmond Pell")
    bertil = person_named(window, "Bertil Gransson")
    window.review.keep(pell.id)
    window.review.set_action(bertil.id, "placeholder")
    text = window.view.toPlainText()
    start = text.index("Quillby")
    select_text(window, start, start + len("Quillby"))
    window.redact_selection()
    answer(window, qtbot)
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
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, shift_ctrl)
    assert person_named(window, "Desmond Pell").reviewed
    assert person_named(window, "Bertil Gransson").replacement == "[name withheld]"
    assert len(person_named(window, "Quillby").mentions) == 2
    assert window.view.span_at(start).person_id == person_named(window, "Quillby").id
