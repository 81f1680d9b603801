"""A whole review with the keyboard alone, keys counted: one key per person whose suggestion
is right, a few for each detection error repaired, and the copy saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .gui_helpers import in_dialog, names

pytestmark = pytest.mark.model
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Presses keys on whatever has the focus, as an editor would, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.keys = 0
        self.typed = 0

    def target(self):
        """The focus widget; after a dialog closes, once the window it returned to is active."""
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return QApplication.focusWidget()

    def press(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1
        target = self.target()
        self.qtbot.keyPress(target, key, modifiers)
        if QApplication.focusWidget() is target:  # a dialog it opened takes the release
            self.qtbot.keyRelease(target, key, modifiers)

    def type(self, text: str) -> None:
        self.typed += len(text)
        self.qtbot.keyClicks(self.target(), text)


def test_the_whole_review_with_the_keyboard_alone(qtbot, missed, dialogs, flood: Path):
    window = missed
    keyboard = Keyboard(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    detected = len(window.review.persons)
    assert "Quillby" not in names(window)  # detection missed the boatman: one error to repair

    keyboard.press(Qt.Key.Key_F6)  # into the persons tree
    assert window.panel.table.hasFocus()
    for _ in range(detected):  # every suggestion is right: Enter each
        keyboard.press(Qt.Key.Key_Return)
    assert window.review.all_reviewed()

    keyboard.press(Qt.Key.Key_R, CTRL | SHIFT)  # add the missed name by typing it
    dialog = window.reviewing.dialog
    in_dialog(qtbot, dialog)
    keyboard.type("Quillby")
    assert dialog.list.count() == 2  # both places found and ticked, shown to confirm
    keyboard.press(Qt.Key.Key_Return)
    assert [m.text for m in next(p for p in window.review.persons if p.name == "Quillby").mentions] \
        == ["Quillby", "Quillby"]

    out = flood.with_name("flood.redacted.txt")
    dialogs.save_paths.append(str(out))
    qtbot.waitUntil(lambda: window.exporter.ready_reason() == "")
    with qtbot.waitSignal(window.exportFinished, timeout=60_000):
        keyboard.press(Qt.Key.Key_E, CTRL)
    copy = out.read_text(encoding="utf-8")
    assert "Quillby" not in copy and "Gransson" not in copy and "Ysolde told" in copy
    assert "Desmond Pell" in copy and dialogs.kinds()[-1] == "information"

    repairs = 1
    assert keyboard.keys == 1 + detected + 2 * repairs + 1, keyboard.keys  # F6, Enters, repair, Ctrl+E
    assert keyboard.typed == len("Quillby")


def test_search_the_draft_step_through_mentions_and_redact_the_word_found(qtbot, opened):
    window = opened
    keyboard = Keyboard(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    keyboard.press(Qt.Key.Key_F, CTRL)
    assert window.find_bar.edit.hasFocus()
    keyboard.type("quillby")
    keyboard.press(Qt.Key.Key_Return)
    first = window.document.text.index("Quillby")
    assert window.view.selected_range() == (first, first + 7)
    keyboard.press(Qt.Key.Key_Return)
    second = window.document.text.index("Quillby", first + 1)
    assert window.view.selected_range() == (second, second + 7)
    keyboard.press(Qt.Key.Key_Escape)  # back to the draft, the place still selected
    assert window.view.hasFocus() and not window.find_bar.isVisible()
    keyboard.press(Qt.Key.Key_R, CTRL)
    dialog = window.reviewing.dialog
    in_dialog(qtbot, dialog)
    keyboard.press(Qt.Key.Key_Return)
    assert len(next(p for p in window.review.persons if p.name == "Quillby").mentions) == 2

    bertil = next(p for p in window.review.persons if p.name == "Bertil Gransson")
    window.panel.select_person(bertil.id)
    window.view.setFocus()
    window.view.select_range(0, 0)
    keyboard.press(Qt.Key.Key_Period)
    assert window.view.selected_range() == (bertil.mentions[0].start, bertil.mentions[0].end)
    keyboard.press(Qt.Key.Key_Period)
    assert window.view.selected_range() == (bertil.mentions[1].start, bertil.mentions[1].end)
    keyboard.press(Qt.Key.Key_Comma)
    assert window.view.selected_range() == (bertil.mentions[0].start, bertil.mentions[0].end)
    assert "Mention 1 of 2 of Bertil Gransson" in window.statusBar().currentMessage()
