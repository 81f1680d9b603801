"""Windows line ends and emoji: highlights, clicks and selections land on the right characters.

The engine counts code points of the text as read; the view counts a "\\r\\n" as one position
and an emoji as two. Every offset crossing between them goes through ``PositionMap``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from .gui_helpers import names, person_named, select_text
from PySide6.QtGui import QTextCursor, QTextDocument

from ui.redact_dialog import RedactSelectionDialog
from ui.text_positions import PositionMap

DRAFT = ("Line one.\r\nA volunteer named Ysolde 😀 said the shelters were full.\r\n\r\n"
         "Ysolde left. 🙂🙂 The boatman Quillby stayed.\r\nQuillby said nothing.\r\n")


def test_position_map_round_trips_against_qt(qtbot):
    rng = random.Random(3)
    alphabet = ["a", "b", " ", "\n", "\r", "\r\n", "😀", "é", "\u2029", "\t"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        document = QTextDocument()
        document.setPlainText(text)
        positions = PositionMap(text)
        assert positions.to_view(len(text)) == document.characterCount() - 1
        for offset, char in enumerate(text):
            if char in "\r\n\u2029":
                continue
            position = positions.to_view(offset)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + (2 if ord(char) > 0xFFFF else 1),
                               QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == char
            assert positions.to_text(position) == offset


@pytest.mark.model
def test_a_windows_draft_with_emoji_is_highlighted_and_redacted_where_the_names_are(
        qtbot, make_window, tmp_path: Path):
    path = tmp_path / "windows.txt"
    path.write_bytes(DRAFT.encode("utf-8"))
    window = make_window(missing=("Quillby",))
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.open_draft(path)
    assert names(window) == ["Ysolde"]  # the detector is made to miss the boatman: added by hand below
    assert window.view.text() == DRAFT == window.document.text
    window.view.refresh_highlights()
    assert [s.cursor.selectedText() for s in window.view.extraSelections()] == ["Ysolde", "Ysolde"]

    second = DRAFT.index("Ysolde left")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view._positions.to_view(second) + 2)
    point = window.view.cursorRect(cursor).center()
    assert window.view.span_at_point(point) == window.view.span_at(second)

    missed = DRAFT.index("Quillby said")
    select_text(window, missed - 2, missed + 7)  # a sloppy selection: the line end and the name
    assert window.view.selected_range() == (missed, missed + 7)
    window.redact_selection()
    dialog = window.reviewing.dialog
    assert isinstance(dialog, RedactSelectionDialog)
    dialog.action_box.setCurrentIndex(dialog.action_box.findData("placeholder"))
    dialog.accept()
    quillby = person_named(window, "Quillby")
    assert [(m.start, m.text) for m in quillby.mentions] == [
        (DRAFT.index("Quillby stayed"), "Quillby"), (missed, "Quillby")]
    window.review.set_action(person_named(window, "Ysolde").id, "placeholder")
    window.review.accept_all()
    out = tmp_path / "windows.redacted.txt"
    saved, _ = window.analysis.engine.save(window.document, window.review.snapshot(), out)
    assert saved.clean, saved.findings
    written = out.read_bytes().decode("utf-8")
    assert "Quillby" not in written and "Ysolde" not in written and written.count("\r\n") == 5
    assert "🙂🙂 The boatman [name withheld] stayed." in written
