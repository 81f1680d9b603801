"""Word, OpenDocument and HTML drafts in the window: opening, where mentions live, exporting.

The session's real engine analyses the drafts: its header, body and comment name invented
people the detector finds, and the comment also holds a name in a file name, which the
detector does not read as one and the leak check still catches.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from .gui_helpers import make_docx, names, person_named, select_text
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from redactor.documents import SUFFIXES, read_document
from ui import file_types


@pytest.fixture
def word_draft(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "rally.docx", "Filed by Asel Dzhumabaeva",
                     ["Bezshan Nurlanov, 24, was detained outside the city hall.",
                      "His sister said Bezshan Nurlanov only held a sign."],
                     comment="Check with Ruslan Bekov before naming Nurlanov. "
                             "Photo: nurlanov_rally.jpg")


@pytest.fixture
def word_window(qtbot, make_window, word_draft: Path):
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.open_draft(word_draft)
    assert {"Asel Dzhumabaeva", "Bezshan Nurlanov", "Ruslan Bekov"} <= set(names(window))
    return window


def _withhold(window, *withheld: str) -> None:
    """The editor chooses the placeholder for ``withheld`` and accepts everyone."""
    for name in withheld:
        window.review.set_action(person_named(window, name).id, "placeholder")
    window.review.accept_all()


_MIMES: list[QMimeData] = []  # an event does not own its mime data: keep it alive


def _drag(kind, path: Path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _MIMES.append(mime)
    event = kind(QPointF(10, 10).toPoint() if kind is QDragEnterEvent else QPointF(10, 10),
                 Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                 Qt.KeyboardModifier.NoModifier)
    event.setAccepted(False)
    return event


@pytest.mark.model
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent(QPoint, ...) is the only one
def test_the_open_dialog_and_drops_take_every_supported_suffix(qtbot, make_window, dialogs,
                                                               tmp_path: Path, word_draft: Path):
    window = make_window()
    dialogs.open_paths.append("")  # the editor cancels
    window.actions.open.trigger()
    offered = dialogs.open_filters[-1].split(";;")
    assert offered[0].startswith("Drafts (")
    assert all(f"*{suffix}" in offered[0] for suffix in SUFFIXES)
    assert "Word documents (*.docx)" in offered and "OpenDocument text (*.odt)" in offered
    assert any(f.startswith("Web pages (") and "*.html" in f for f in offered)
    assert any(f.startswith("Plain text (") and "*.md" in f for f in offered)
    for suffix in SUFFIXES + (".json", ".DOCX"):
        event = _drag(QDragEnterEvent, tmp_path / f"draft{suffix}")
        window.dragEnterEvent(event)
        assert event.isAccepted(), suffix
    for refused in ("photo.png", "draft.pdf", "draft.doc", "notes"):
        event = _drag(QDragEnterEvent, tmp_path / refused)
        window.dragEnterEvent(event)
        assert not event.isAccepted(), refused
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.dropEvent(_drag(QDropEvent, word_draft))
    assert window.document.kind == "docx"
    assert "Bezshan Nurlanov" in names(window)


@pytest.mark.model
def test_each_mention_says_where_in_the_file_it_lives(qtbot, word_window, make_window, flood: Path):
    window = word_window
    text = window.view.toPlainText()
    assert text == window.document.text
    header = window.view.span_at(text.index("Asel"))
    assert "in Header" in window._tooltip_for(header)
    body = window.view.span_at(text.index("Bezshan"))
    assert "in Body" in window._tooltip_for(body)
    comment = window.view.span_at(text.index("Ruslan"))
    assert "in Comment 1" in window._tooltip_for(comment)

    select_text(window, text.index("Ruslan"), text.index("Ruslan") + 6)
    assert window.place_label.isVisible() and window.place_label.text() == "Place: Comment 1"
    select_text(window, 3, 3)
    assert window.place_label.text() == "Place: Header"

    window.panel.select_person(person_named(window, "Bezshan Nurlanov").id)
    assert window.panel.places.isVisible()
    # In the comment: "Nurlanov", and "nurlanov" in a file name, a name written small.
    assert window.panel.places.text() == "Mentioned in: Body (2), Comment 1 (2)"
    index = window.panel.model.person_index(person_named(window, "Ruslan Bekov").id)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Mentioned in: Comment 1 (1)" in tooltip

    window.review.accept_all()
    with qtbot.waitSignal(window.previewReady, timeout=30_000):
        window.actions.preview.trigger()
    assert not window.place_label.isVisible()  # the preview's offsets are not the file's

    plain = make_window()
    with qtbot.waitSignal(plain.reviewReady, timeout=30_000):
        plain.open_draft(flood)
    span = plain.view.span_at(flood.read_text(encoding="utf-8").index("Ysolde"))
    assert span is not None and "\nin " not in plain._tooltip_for(span)
    assert not plain.place_label.isVisible() and not plain.panel.places.isVisible()


def _export(qtbot, window, dialogs, out: Path, keep_comments) -> None:
    dialogs.save_paths.append(str(out))
    dialogs.keep_comments.append(keep_comments)
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        window.export()


@pytest.mark.model
def test_a_word_copy_asks_about_comments_and_lists_what_was_cleaned(qtbot, word_window, dialogs,
                                                                     word_draft: Path):
    window = word_window
    _withhold(window, "Bezshan Nurlanov", "Ruslan Bekov")
    out = word_draft.with_name("rally.redacted.docx")
    _export(qtbot, window, dialogs, out, False)
    assert dialogs.save_defaults == [str(out)]
    assert dialogs.save_filters == ["Word documents (*.docx)"]
    kinds = dialogs.kinds()
    assert kinds[:1] == ["options"] and kinds[-1] == "information"
    assert "rally.redacted.docx" in dialogs.last("options")
    result = dialogs.last("information")
    assert "Second reading: no withheld name" in result
    assert "Also cleaned from the copy:" in result and "comment" in result.lower()
    copy = read_document(out)
    assert copy.kind == "docx" and "nurlanov" not in copy.text.lower() and "Bekov" not in copy.text
    assert "Check with" not in copy.text  # the comment is gone
    assert "Filed by Asel Dzhumabaeva" in copy.text  # the byline, kept
    assert "Bezshan Nurlanov" in read_document(word_draft).text  # the original is untouched

    kept = word_draft.with_name("rally.kept-comments.docx")
    _export(qtbot, window, dialogs, kept, True)
    copy = read_document(kept)  # the comment kept, and the surname in its file name withheld too
    assert "Check with [name withheld] before naming [name withheld]." in copy.text
    assert "nurlanov" not in copy.text.lower()

    dialogs.save_paths.append(str(word_draft.with_name("cancelled.docx")))
    dialogs.keep_comments.append(None)  # the editor cancels at the options
    window.export()
    assert not word_draft.with_name("cancelled.docx").exists()
    assert window.actions.export.isEnabled()


@pytest.mark.model
def test_a_plain_text_copy_is_saved_as_before(qtbot, opened, dialogs, flood: Path):
    window = opened
    _withhold(window, "Bertil Gransson")
    out = flood.with_name("flood.redacted.txt")
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        window.export()
    assert "options" not in dialogs.kinds()  # nothing to ask: plain text has no comments
    assert dialogs.save_filters[-1].startswith("Plain text (") and "*.txt" in dialogs.save_filters[-1]
    assert "Also cleaned" not in dialogs.last("information")
    written = out.read_text(encoding="utf-8")
    assert "Gransson" not in written and "resident, [name withheld], 61" in written


def test_kind_filters_follow_the_engine_list():
    kinds = file_types.suffixes_by_kind()
    assert sorted(s for suffixes in kinds.values() for s in suffixes) == sorted(SUFFIXES)
    assert file_types.kind_of(".DocX") == "docx" and file_types.kind_of(".pdf") is None
    assert file_types.is_review("r.JSON") and not file_types.is_draft("r.json")
