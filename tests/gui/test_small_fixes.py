"""The small things an editor tripped over: no "All 0 person(s)", a typed replacement kept as
typed, the parts of a Word file labelled beside the text, the export's reason in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from .gui_helpers import make_docx, open_with_review
from redactor.decisions import Mention, Person

pytestmark = pytest.mark.model


def test_a_draft_naming_no_one_says_so(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "weather.txt"
    path.write_text("Rain is expected across the north on Tuesday, forecasters said.\n",
                    encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.open_draft(path)
    assert window.panel.summary.text() == "No persons found"


def test_a_replacement_typed_for_one_mention_is_printed_as_typed(qtbot, make_window, dialogs,
                                                                   tmp_path: Path):
    path = tmp_path / "caps.txt"
    text = "MARAT YESSENOV SPEAKS OUT\n\nMarat Yessenov, 31, a protester, said the police came.\n"
    path.write_text(text, encoding="utf-8")
    window = make_window()
    body = text.index("Marat Yessenov")
    open_with_review(qtbot, window, path, [Person(
        "p1", "Marat Yessenov", "private", "first_name", "Marat",
        [Mention(0, 14, "MARAT YESSENOV"), Mention(body, body + 14, "Marat Yessenov")])])
    span = window.view.span_at(0)
    dialogs.texts.append(("Marat", True))
    window.view.mention_actions(span)[1].trigger()  # "Replace this mention with…"
    window.review.accept_all()
    with qtbot.waitSignal(window.previewReady, timeout=30_000):
        window.actions.preview.trigger()
    assert window.view.toPlainText().startswith("Marat SPEAKS OUT")  # not "MARAT"


def test_the_parts_of_a_word_file_are_labelled_beside_the_text(qtbot, make_window, tmp_path: Path):
    draft = make_docx(tmp_path / "rally.docx", "Filed by Asel Dzhumabaeva",
                      ["Bezshan Nurlanov, 24, was detained outside the city hall."],
                      comment="Check with Ruslan Bekov before naming him.")
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.open_draft(draft)
    gutter = window.view.gutter
    assert gutter.isVisible() and gutter.width() > 0
    QApplication.processEvents()
    labels = [label for _, _, label, first in gutter.labels() if first]
    assert "Header" in labels and "Comment 1" in labels
    assert "Body" not in labels  # the story itself needs no label
    plain = make_window()
    with qtbot.waitSignal(plain.reviewReady, timeout=30_000):
        plain.open_draft(_plain(tmp_path))
    assert not plain.view.gutter.isVisible()


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "plain.txt"
    path.write_text("Bezshan Nurlanov, 24, was detained.\n", encoding="utf-8")
    return path
