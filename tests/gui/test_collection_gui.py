"""A folder of drafts in the app: one person table for all files, the draft view switching
between files, progress while the folder is detected, the review saved in the engine's
collection format, and every copy written to an output folder and read a second time.

Three invented drafts (.txt, .md in a subfolder, .docx) name the protester Marguerite
Oyelaran; the real engine finds her in each, and the collection code makes her one row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from .gui_helpers import drop, focus, make_docx, person_named
from redactor.collection import load_collection
from redactor.documents import read_document
from ui.app import main
from ui.main_window import MainWindow

pytestmark = pytest.mark.model

A = """Night march in Talgar

TALGAR (AP) — Protester Marguerite Oyelaran, 27, said police detained her brother on Tuesday. Oyelaran asked that her workplace not be named.

Minister Tobias Renquist declined to comment.
"""
B = """# Second night

Marguerite Oyelaran led the march again on Friday. "We will come back," Oyelaran said.
"""
C = ["Marguerite Oyelaran spoke to reporters outside the court.",
     "Oyelaran said she would appeal the fine."]
FILES = ["a.txt", "c.docx", "notes/b.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "notes").mkdir(parents=True)
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "notes" / "b.md").write_text(B, encoding="utf-8")
    make_docx(root / "c.docx", "Court notes", C)
    return root


@pytest.fixture
def window(qtbot, make_window, dialogs, folder: Path) -> MainWindow:
    window = make_window()
    dialogs.folders.append(str(folder))
    with qtbot.waitSignal(window.reviewReady, timeout=120_000):
        window.actions.open_folder.trigger()
    return window


def test_a_folder_is_detected_off_the_gui_thread_with_progress(qtbot, make_window, folder: Path):
    window = make_window()
    fractions: list[float] = []
    statuses: list[str] = []
    window.analysis.progress.connect(fractions.append)
    window.analysis.status.connect(statuses.append)
    with qtbot.waitSignal(window.reviewReady, timeout=120_000):
        window.open_path(folder)
        assert window.analysis.is_busy() and window.review is None  # returned at once
        assert window.progress.bar.isVisible() and window.progress.cancel_button.isVisible()
    assert fractions == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert "Finding the people named in the drafts of drafts…" in statuses
    assert "3 draft(s)" in window.statusBar().currentMessage()
    assert window.windowTitle().startswith("drafts")


def test_the_same_person_in_three_files_is_one_row(qtbot, window):
    marguerite = [p for p in window.review.persons if "Oyelaran" in p.name]
    assert [p.name for p in marguerite] == ["Marguerite Oyelaran"]
    assert len(marguerite[0].mentions) == 6
    assert [p.name for p in window.panel.model.persons_in_order()].count("Marguerite Oyelaran") == 1
    window.panel.select_person(marguerite[0].id)
    assert window.panel.places.text() == "Mentioned in: a.txt (2), c.docx (2), notes/b.md (2)"
    assert window.draft.file_bar.files() == FILES and window.draft.file_bar.isVisible()
    assert window.view.toPlainText() == A  # the first file is shown


def test_switching_files_and_following_a_person_into_another_file(qtbot, window):
    bar = window.draft.file_bar
    bar.combo.setCurrentIndex(2)
    bar.combo.activated.emit(2)  # as a choice in the list does
    assert window.view.toPlainText() == B
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.toPlainText() == A and bar.combo.currentIndex() == 0  # wraps
    marguerite = person_named(window, "Marguerite Oyelaran")
    in_word = next(i for i, m in enumerate(marguerite.mentions)
                   if window.document.place(m.start).startswith("c.docx"))
    window.panel.select_mention(marguerite.id, in_word)
    assert "Marguerite Oyelaran spoke to reporters" in window.view.toPlainText()
    assert bar.combo.currentText() == "c.docx"  # the chooser follows the view
    mention = marguerite.mentions[in_word]
    assert window.view.selected_range() == (mention.start, mention.end)
    span = window.view.span_at(mention.start)
    assert "in c.docx" in window._tooltip_for(span)
    part = window.document.part_at(mention.start)
    line = part.document.text.count("\n", 0, mention.start - part.start) + 1
    assert window.document.text.count("\n", 0, mention.start) + 1 > line  # a.txt comes first
    row = window.panel.model.mention_index(marguerite.id, in_word, 4)  # MENTIONS: its line
    assert row.data() == f"line {line}"  # in the Word draft, not in the joined text


def test_export_refuses_while_a_person_is_unreviewed_then_writes_every_copy_checked(
        qtbot, window, dialogs, folder: Path, tmp_path: Path):
    originals = {path: (folder / path).read_bytes() for path in FILES}
    window.actions.export.trigger()  # no folder dialog yet: the recorder would fail the test
    assert "still to review" in window.statusBar().currentMessage()
    window.review.accept_all()
    out = tmp_path / "redacted"
    dialogs.folders.append(str(out))
    dialogs.keep_comments.append(False)
    qtbot.waitUntil(lambda: window.exporter.ready_reason() == "")
    with qtbot.waitSignal(window.exportFinished, timeout=120_000):
        window.actions.export.trigger()
    assert dialogs.kinds()[-2:] == ["options", "information"]
    assert "Every copy is clean" in dialogs.last("information")
    for path in FILES:
        copy = read_document(out / path).text
        assert "Oyelaran" not in copy and "Marguerite" in copy, path
        assert (folder / path).read_bytes() == originals[path]  # originals untouched
    assert "Tobias Renquist" in (out / "a.txt").read_text(encoding="utf-8")
    assert window.findings.rows == []


def test_a_copy_that_is_not_clean_is_reported_and_its_findings_lead_to_its_file(
        qtbot, window, dialogs, tmp_path: Path):
    marguerite = person_named(window, "Marguerite Oyelaran")
    in_md = next(i for i, m in enumerate(marguerite.mentions)
                 if window.document.place(m.start) == "notes/b.md" and m.text == "Oyelaran")
    mention = marguerite.mentions[in_md]
    window.review.set_mention_replacement(marguerite.id, in_md, mention.text)  # kept as written
    window.review.accept_all()
    out = tmp_path / "redacted"
    dialogs.folders.append(str(out))
    with qtbot.waitSignal(window.exportFinished, timeout=120_000):
        window.exporter.export()
    message = dialogs.last("warning")
    assert "notes/b.md (1 finding(s)): notes/b.UNFINISHED.md" in message
    assert not (out / "notes" / "b.md").exists() and (out / "a.txt").exists()
    rows = window.findings.rows
    assert [(r.word, r.where.split(",")[0], r.start) for r in rows] == [
        ("Oyelaran", "notes/b.md", mention.start)]
    window.view.show_window(0)
    window.findings.tree.setCurrentItem(window.findings.tree.topLevelItem(0).child(0))
    assert window.draft.file_bar.combo.currentText() == "notes/b.md"
    assert window.view.selected_range() == (mention.start, mention.end)


def test_the_review_is_saved_in_the_collection_format(qtbot, window, dialogs, tmp_path: Path):
    window.review.keep(person_named(window, "Marguerite Oyelaran").id)
    path = tmp_path / "drafts.review.json"
    dialogs.save_paths.append(str(path))
    assert window.save_review()
    assert dialogs.save_defaults[-1] == str(tmp_path / "drafts.review.json")  # beside the folder
    saved = load_collection(path)
    assert [e.path for e in saved.documents] == FILES
    shared = next(s for s in saved.persons if s.person.name == "Marguerite Oyelaran")
    assert shared.person.action == "keep" and sorted(shared.files) == FILES
    assert [m.text for m in shared.files["notes/b.md"]] == ["Marguerite Oyelaran", "Oyelaran"]
    assert saved.decisions_for("notes/b.md").persons[0].mentions[0].start == B.index("Marguerite")
    assert not window.isWindowModified()


def test_a_saved_folder_review_reopens_with_its_drafts_and_refuses_changed_ones(
        qtbot, window, make_window, dialogs, folder: Path, tmp_path: Path):
    marguerite = person_named(window, "Marguerite Oyelaran")
    window.review.set_action(marguerite.id, "initials")
    path = tmp_path / "drafts.review.json"
    dialogs.save_paths.append(str(path))
    assert window.save_review()
    other = make_window()
    with qtbot.waitSignal(other.reviewReady, timeout=30_000):
        assert other.open_review(path)  # the folder beside it, by its name
    again = person_named(other, "Marguerite Oyelaran")
    assert (again.action, again.replacement, again.reviewed) == ("initials", "M.O.", True)
    assert again.mentions == person_named(window, "Marguerite Oyelaran").mentions
    assert other.draft.file_bar.files() == FILES and other.review_path == path
    (folder / "notes" / "b.md").write_text(B + "One more line.\n", encoding="utf-8")
    third = make_window()
    assert not third.open_review(path)
    assert "1 draft(s) changed since the review was made: notes/b.md" in dialogs.last("critical")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_dropped_folder_opens_as_a_collection(qtbot, make_window, folder: Path):
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=120_000):
        drop(window, folder)
    assert window.draft.file_bar.files() == FILES


def test_a_folder_named_on_the_command_line_opens_as_a_collection(qtbot, gui_engine, folder: Path):
    seen: list[list[str]] = []

    def listen() -> None:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())

        def ready() -> None:
            seen.append(window.draft.file_bar.files())
            window.close()
        window.reviewReady.connect(ready)

    QTimer.singleShot(0, listen)
    QTimer.singleShot(120_000, QApplication.quit)  # never hang the suite
    assert main([str(folder)], engine=gui_engine) == 0
    assert seen == [FILES]


def test_cancel_answers_at_once_and_the_folder_can_be_detected_again(qtbot, make_window,
                                                                     folder: Path):
    window = make_window()
    window.open_path(folder)
    with qtbot.waitSignal(window.analysis.cancelled, timeout=1_000):
        window.progress.cancel_button.click()
    assert window.progress.again_button.isVisible() and window.review is None
    with qtbot.waitSignal(window.reviewReady, timeout=120_000):
        window.progress.again_button.click()
    assert window.draft.file_bar.files() == FILES


def test_the_engines_child_process_detects_the_folder_and_writes_its_copies(
        qtbot, settings, autosave_folder, dialogs, folder: Path, tmp_path: Path):
    """The app's own engine, in its child process (the other tests share one in-process)."""
    window = MainWindow(settings=settings, autosave_folder=autosave_folder)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.reviewReady, timeout=180_000):
            window.open_path(folder)
        assert [p.name for p in window.review.persons].count("Marguerite Oyelaran") == 1
        window.review.accept_all()
        out = tmp_path / "redacted"
        dialogs.folders.append(str(out))
        with qtbot.waitSignal(window.exportFinished, timeout=120_000):
            window.exporter.export()
        assert "Every copy is clean" in dialogs.last("information")
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
            ".redactor-apply.jsonl", *FILES]
    finally:
        if window.review is not None:
            window.review.undo_stack.setClean()
        window.close()
