"""Autosave: decisions survive a crash, are offered back, and leave no file after a clean close.

The flood draft is analysed by the session's real engine; each test makes decisions the
fresh analysis would not (Gransson as initials, Ysolde kept), so a review that came back
from an autosave is told apart from one the detector just made.
"""

from __future__ import annotations

import stat
import time
from pathlib import Path
from typing import Any

import pytest
from .gui_helpers import person_named
from PySide6.QtWidgets import QMessageBox

from redactor.decisions import load_decisions
from ui import autosave

pytestmark = pytest.mark.model


def _open(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        window.open_draft(path)


def _decide(window) -> None:
    """Decisions the fresh analysis does not make: a restored review is told from a new one."""
    bertil, ysolde = person_named(window, "Bertil Gransson"), person_named(window, "Ysolde")
    assert not bertil.reviewed and bertil.action != "initials"
    assert not ysolde.reviewed and ysolde.action != "keep"
    window.review.set_action(bertil.id, "initials")
    window.review.keep(ysolde.id)


def _autosaved(qtbot, make_window, flood: Path) -> tuple[Any, Path]:
    """A window on the flood draft with the editor's decisions made and autosaved."""
    window = make_window()
    _open(qtbot, window, flood)
    _decide(window)
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        window.autosaver.save_now()
    return window, window.autosaver.file()


def _decided(window) -> bool:
    bertil, ysolde = person_named(window, "Bertil Gransson"), person_named(window, "Ysolde")
    return ((bertil.action, bertil.replacement, bertil.reviewed) == ("initials", "B.G.", True)
            and (ysolde.action, ysolde.reviewed) == ("keep", True))


def test_changes_autosave_privately_and_come_back_after_a_crash(qtbot, make_window, dialogs,
                                                                 autosave_folder: Path, flood: Path):
    window = make_window()
    _open(qtbot, window, flood)
    target = autosave.file_for(autosave_folder, flood)
    assert window.autosaver.file() == target and not target.exists()  # nothing changed yet
    began = time.monotonic()
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        _decide(window)
        qtbot.wait(1_000)
        assert not target.exists()  # debounced: about 2 s after the last change
    assert time.monotonic() - began >= 1.9
    assert target.exists() and "flood" not in target.name  # the listing names no draft
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(autosave_folder.stat().st_mode) == 0o700
    saved = load_decisions(target)
    assert saved.persons == window.review.persons
    assert saved.document_path == str(flood.absolute())

    window.crashed = True  # the process is killed: no close, the autosave stays
    again = make_window()
    again.open_draft(flood)
    qtbot.waitUntil(again.has_unsaved_decisions, timeout=30_000)
    prompt = dialogs.last("question")
    assert "Restore the review you were working on?" in prompt
    assert str(autosave_folder) in prompt and "original names" in prompt
    assert again.review.persons == window.review.persons
    assert _decided(again)  # the editor's decisions, not the detector's suggestions
    assert again.isWindowModified()
    qtbot.waitUntil(lambda: not again.analysis.is_busy())
    assert again.review.persons == window.review.persons  # the abandoned analysis did not land

    dialogs.answers.append(QMessageBox.StandardButton.Discard)
    assert again.close()  # restored but not saved: asked first, then a clean close
    assert "not saved" in dialogs.last("question")
    assert not target.exists()


def test_a_clean_close_removes_the_autosave(qtbot, make_window, dialogs, autosave_folder: Path,
                                            flood: Path):
    window, target = _autosaved(qtbot, make_window, flood)
    assert target.exists()
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    assert window.save_review()
    assert "original names" in dialogs.save_captions[-1]  # the dialog says what the file holds
    assert target.exists()  # still there until the window closes
    assert window.close()
    assert not target.exists() and review_file.exists()
    assert "question" not in dialogs.kinds()  # saved: nothing to ask


def test_discarding_removes_the_autosave_and_nothing_is_offered(qtbot, make_window, dialogs,
                                                                flood: Path):
    window, target = _autosaved(qtbot, make_window, flood)
    dialogs.answers.append(QMessageBox.StandardButton.Discard)
    _open(qtbot, window, flood)  # the same draft again, decisions discarded
    assert not target.exists()
    assert dialogs.kinds() == ["question"]  # "not saved?" only: no restore offer
    assert not window.has_unsaved_decisions()


def test_an_autosave_of_another_version_is_removed(qtbot, make_window, dialogs, flood: Path):
    window, target = _autosaved(qtbot, make_window, flood)
    window.crashed = True
    flood.write_text(flood.read_text(encoding="utf-8") + "\nA late paragraph.\n", encoding="utf-8")
    again = make_window()
    _open(qtbot, again, flood)
    qtbot.waitUntil(lambda: not target.exists(), timeout=10_000)
    qtbot.wait(100)
    assert "question" not in dialogs.kinds() and not again.has_unsaved_decisions()


def test_edits_while_writing_are_written_next(qtbot, make_window, flood: Path):
    window = make_window()
    _open(qtbot, window, flood)
    _decide(window)
    window.autosaver.save_now()
    window.review.accept(person_named(window, "Desmond Pell").id)  # while the first write runs
    window.autosaver.save_now()
    qtbot.waitUntil(lambda: window.autosaver.file().exists()
                    and load_decisions(window.autosaver.file()).persons == window.review.persons,
                    timeout=10_000)


def test_reopening_a_saved_review_offers_the_newer_autosave(qtbot, make_window, dialogs,
                                                             flood: Path):
    window = make_window()
    _open(qtbot, window, flood)
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    assert window.save_review()
    _decide(window)  # after the save: only the autosave has these
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        window.autosaver.save_now()
    window.crashed = True
    again = make_window()
    assert again.open_review(review_file)
    qtbot.waitUntil(again.has_unsaved_decisions, timeout=10_000)
    assert again.review.persons == window.review.persons and again.review_path == review_file
    assert again.save_review() and not again.has_unsaved_decisions()  # saved where it was
    assert load_decisions(review_file).persons == window.review.persons


def test_a_restore_can_be_declined(qtbot, make_window, dialogs, flood: Path):
    window, target = _autosaved(qtbot, make_window, flood)
    window.crashed = True
    again = make_window()
    dialogs.answers.append(QMessageBox.StandardButton.No)
    _open(qtbot, again, flood)
    qtbot.waitUntil(lambda: "question" in dialogs.kinds(), timeout=10_000)
    qtbot.wait(100)
    assert not again.has_unsaved_decisions() and not _decided(again)  # the fresh analysis
    assert target.exists()  # kept until the new review replaces it or closes cleanly
    assert again.close() and not target.exists()


def test_steady_changes_are_saved_on_the_timer(qtbot, make_window, flood: Path):
    window = make_window()
    _open(qtbot, window, flood)
    window.autosaver._delay.setInterval(60_000)  # changes never pause long enough
    window.autosaver._interval.setInterval(300)
    window.autosaver._interval.start()
    with qtbot.waitSignal(window.autosaver.saved, timeout=30_000):
        _decide(window)
    assert load_decisions(window.autosaver.file()).persons == window.review.persons
