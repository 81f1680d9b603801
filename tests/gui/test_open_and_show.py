"""Opening a draft: the window answers at once, suggestions appear, mentions are highlighted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from .gui_helpers import drop, names, person_named
from ui.states import COLOURS
from ui.review_model import CONFIRMED, NEEDS_REVIEW, SUGGESTED

pytestmark = pytest.mark.model


def test_draft_is_analysed_in_the_background_and_suggestions_appear(qtbot, make_window, flood):
    window = make_window()
    progress = []
    window.analysis.progress.connect(progress.append)
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(flood)
        assert window.analysis.is_busy()  # open_draft returned before the engine finished
    assert names(window)[:4] == ["Cora Abernathy", "Desmond Pell", "Ysolde", "Bertil Gransson"]
    assert window.view.toPlainText() == flood.read_text(encoding="utf-8")
    assert progress and progress[-1] == pytest.approx(1.0)
    qtbot.waitUntil(lambda: not window.analysis.is_busy())
    assert not window.progress.bar.isVisible()
    assert window.windowTitle().startswith("flood.txt")
    assert "to review" in window.ready_label.text()  # why the copy cannot be saved yet


def test_every_mention_is_highlighted_with_its_state(qtbot, opened):
    review = opened.review
    spans = opened.view.spans()
    assert len(spans) == sum(len(p.mentions) for p in review.persons)
    text = opened.view.toPlainText()
    by_text = {text[s.start:s.end]: s.state for s in spans}
    assert by_text["Gransson"] == SUGGESTED
    assert by_text["Desmond Pell"] == NEEDS_REVIEW  # a kept name waits for the editor
    qtbot.waitUntil(lambda: len(opened.view.extraSelections()) == len(spans))
    formats = {sel.cursor.selectedText(): sel.format.background().color()
               for sel in opened.view.extraSelections()}
    assert formats["Gransson"].alpha() < 255  # translucent, reads on light and dark palettes
    assert formats["Gransson"].rgb() == COLOURS[SUGGESTED].rgb()
    opened.review.accept(person_named(opened, "Bertil Gransson").id)
    assert {opened.view.toPlainText()[s.start:s.end]: s.state
            for s in opened.view.spans()}["Gransson"] == CONFIRMED


def test_hover_names_the_person_and_click_selects_them(qtbot, opened):
    text = opened.view.toPlainText()
    start = text.index("Ysolde")
    span = opened.view.span_at(start + 2)
    assert "Ysolde" in opened._tooltip_for(span)
    cursor = opened.view.textCursor()
    cursor.setPosition(start + 2)
    point = opened.view.cursorRect(cursor).center()
    assert opened.view.span_at_point(point) == span
    opened.panel.select_person(person_named(opened, "Desmond Pell").id)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(kind, QPointF(point), QPointF(opened.view.viewport().mapToGlobal(point)),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        handler = opened.view.mousePressEvent if kind == QEvent.Type.MouseButtonPress \
            else opened.view.mouseReleaseEvent
        handler(event)
    assert opened.current_person() == person_named(opened, "Ysolde").id


def test_a_dropped_file_is_opened(qtbot, make_window, flood):
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        drop(window, flood)
    assert window.document.path == flood.absolute()


def test_a_binary_file_is_refused_with_a_dialog(qtbot, opened, dialogs, tmp_path: Path):
    before = opened.review
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    opened.open_draft(binary)
    qtbot.waitUntil(lambda: "critical" in dialogs.kinds(), timeout=30_000)
    assert "binary" in dialogs.last("critical")
    assert dialogs.last("critical").startswith("photo.txt:")  # the file's name as it is written
    assert opened.review is before  # the review in progress is still there
    qtbot.waitUntil(lambda: not opened.analysis.is_busy())


def test_a_missing_file_is_refused_with_a_dialog(qtbot, make_window, dialogs, tmp_path: Path):
    window = make_window()
    window.open_draft(tmp_path / "gone.txt")
    qtbot.waitUntil(lambda: "critical" in dialogs.kinds(), timeout=30_000)
    assert "no such file" in dialogs.last("critical")
    assert window.review is None


def test_cancel_stops_the_analysis(qtbot, make_window, tmp_path: Path):
    window = make_window()
    long_draft = tmp_path / "long.txt"
    paragraph = ("Protester Ilse Varnholt, 34, said the police came at night. "
                 "Minister Oskar Drevland declined to comment.\n\n")
    long_draft.write_text(paragraph * 250, encoding="utf-8")  # two chunks: cancelled after the first
    with qtbot.waitSignal(window.analysis.loaded, timeout=30_000):
        window.open_draft(long_draft)
    assert window.progress.cancel_button.isVisible()
    with qtbot.waitSignal(window.analysis.cancelled, timeout=60_000):
        window.progress.cancel_button.click()
    assert window.review is None
    qtbot.waitUntil(lambda: not window.analysis.is_busy())
