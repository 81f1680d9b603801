"""Repairing detection from the keyboard: merge, split, rename, move a mention, add a typed
name with every place it stands; each undoable and kept in the saved review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .gui_helpers import focus, in_dialog, names, person_named
from redactor.decisions import load_decisions
from ui.person_dialogs import AddNameDialog, PersonChooser, SplitDialog

pytestmark = pytest.mark.model


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    focus(qtbot, window.panel.table)
    qtbot.keyClick(window.panel.table, key, modifier)


def test_m_merges_a_person_into_another_with_two_keys(qtbot, opened, dialogs, flood: Path):
    pell = person_named(opened, "Desmond Pell")
    before = len(pell.mentions)
    # "Pell" found alone would be a person of its own; make one to repair.
    opened.review.split(pell.id, [1])
    lone = next(p for p in opened.review.persons if p.id not in (pell.id,) and p.name == "Pell")
    opened.panel.select_person(lone.id)
    press(qtbot, opened, Qt.Key.Key_M)
    chooser = opened.reviewing.dialog
    assert isinstance(chooser, PersonChooser)
    assert chooser.person_id() == pell.id  # the person whose name holds "Pell", chosen already
    in_dialog(qtbot, chooser)
    qtbot.keyClick(chooser.filter_edit, Qt.Key.Key_Return)
    merged = person_named(opened, "Desmond Pell")
    assert len(merged.mentions) == before and "Pell" not in names(opened)
    assert opened.current_person() == merged.id
    dialogs.save_paths.append(str(flood.with_name("flood.review.json")))
    assert opened.save_review()
    saved = load_decisions(flood.with_name("flood.review.json"))
    assert [len(p.mentions) for p in saved.persons if p.name == "Desmond Pell"] == [before]
    opened.actions.undo.trigger()
    assert "Pell" in names(opened)


def test_typing_in_the_chooser_filters_and_arrows_move(qtbot, opened):
    ysolde = person_named(opened, "Ysolde")
    opened.panel.select_person(ysolde.id)
    press(qtbot, opened, Qt.Key.Key_M)
    chooser = opened.reviewing.dialog
    in_dialog(qtbot, chooser)
    qtbot.keyClicks(chooser.filter_edit, "gran")
    assert chooser.person_id() == person_named(opened, "Bertil Gransson").id
    qtbot.keyClick(chooser.filter_edit, Qt.Key.Key_Escape)
    assert "Ysolde" in names(opened)  # cancelled: nothing merged


def test_l_on_a_mention_row_splits_it_off_and_r_renames(qtbot, opened, dialogs):
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_mention(bertil.id, 1)  # "Gransson said he had not seen any officials"
    press(qtbot, opened, Qt.Key.Key_L)
    new = opened.current_person()
    assert new != bertil.id
    split = opened.review.person(new)
    assert [m.text for m in split.mentions] == ["Gransson"] and not split.reviewed
    assert [m.text for m in opened.review.person(bertil.id).mentions] == ["Bertil Gransson"]
    dialogs.texts.append(("Ingrid Gransson", True))
    press(qtbot, opened, Qt.Key.Key_R)
    renamed = opened.review.person(new)
    assert (renamed.name, renamed.replacement) == ("Ingrid Gransson", "Ingrid")
    opened.actions.undo.trigger()
    opened.actions.undo.trigger()
    assert [m.text for m in opened.review.person(bertil.id).mentions] == ["Bertil Gransson", "Gransson"]


def test_l_on_a_person_row_ticks_the_mentions_of_someone_else(qtbot, opened):
    bertil = person_named(opened, "Bertil Gransson")
    opened.panel.select_person(bertil.id)
    press(qtbot, opened, Qt.Key.Key_L)
    dialog = opened.reviewing.dialog
    assert isinstance(dialog, SplitDialog)
    in_dialog(qtbot, dialog)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # ticks "Gransson"
    assert dialog.indices() == [1]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(person_named(opened, "Bertil Gransson").mentions) == 1
    assert [m.text for m in opened.review.person(opened.current_person()).mentions] == ["Gransson"]


def test_m_on_a_mention_row_moves_that_mention(qtbot, opened):
    bertil = person_named(opened, "Bertil Gransson")
    ysolde = person_named(opened, "Ysolde")
    opened.panel.select_mention(bertil.id, 1)
    press(qtbot, opened, Qt.Key.Key_M)
    chooser = opened.reviewing.dialog
    in_dialog(qtbot, chooser)
    qtbot.keyClicks(chooser.filter_edit, "Ysolde")
    qtbot.keyClick(chooser.filter_edit, Qt.Key.Key_Return)
    assert [m.text for m in opened.review.person(ysolde.id).mentions] == ["Ysolde", "Gransson"]
    assert [m.text for m in opened.review.person(bertil.id).mentions] == ["Bertil Gransson"]


def test_a_typed_name_is_found_everywhere_and_confirmed_before_it_is_added(qtbot, missed, flood):
    window = missed
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.reviewing.dialog
    assert isinstance(dialog, AddNameDialog)
    in_dialog(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "quillby")  # typed in lower case: found in any case
    assert dialog.list.count() == 2 and "2 place(s) found" in dialog.count_label.text()
    assert "[Quillby] had ferried" in dialog.list.item(0).text()  # shown in context
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    quillby = person_named(window, "Quillby")
    assert [m.text for m in quillby.mentions] == ["Quillby", "Quillby"]
    assert (quillby.action, quillby.reviewed) == ("placeholder", True)  # one word: withheld whole
    assert window.current_person() == quillby.id
    window.actions.undo.trigger()
    assert "Quillby" not in names(window)


def test_a_typed_name_over_a_found_mention_is_shown_unticked(qtbot, opened):
    opened.reviewing.add_name("Gransson")
    dialog = opened.reviewing.dialog
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 2 and all("(Bertil Gransson)" in t for t in texts)
    assert dialog.spans() == []  # already Bertil's: nothing ticked, nothing taken by mistake
    assert dialog.person_id() == person_named(opened, "Bertil Gransson").id
    dialog.reject()
