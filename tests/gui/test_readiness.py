"""Ready soon, never stuck: the pipeline loads as the app starts, Cancel answers at once
(even while the pipeline loads) and offers to analyse again, persons show as the engine
finds them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import main
from ui.main_window import MainWindow

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Protester Ilse Varnholt, 34, said the police came at night. Varnholt was released.",
    "Minister Oskar Drevland declined to comment on the arrests.",
    "A volunteer named Yrsa handed out water. \"We stay,\" Yrsa said.",
]


def test_the_pipeline_starts_loading_when_the_app_starts(qtbot, gui_engine):
    statuses: list[str] = []

    def listen() -> None:  # runs first: the window exists, its first job not started yet
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())  # main()'s, not a closed one
        window.analysis.status.connect(statuses.append)
        window.analysis.idle.connect(window.close)

    QTimer.singleShot(0, listen)
    QTimer.singleShot(60_000, QApplication.quit)  # never hang the suite
    assert main([], engine=gui_engine) == 0
    assert statuses == ["Loading the language model…"]


def test_cancel_answers_at_once_while_the_pipeline_loads_and_can_start_again(
        qtbot, settings, autosave_folder, flood: Path):
    """A real child process, loading the real pipeline: Cancel must not wait for it."""
    window = MainWindow(settings=settings, autosave_folder=autosave_folder)
    qtbot.addWidget(window)
    window.show()
    try:
        statuses = []
        window.analysis.status.connect(statuses.append)
        with qtbot.waitSignal(window.analysis.loaded, timeout=30_000):
            window.open_draft(flood)
        qtbot.waitUntil(lambda: statuses and "language model" in statuses[-1], timeout=30_000)
        assert window.analysis.is_running()
        started = time.perf_counter()
        with qtbot.waitSignal(window.analysis.cancelled, timeout=1_000):
            window.progress.cancel_button.click()
        assert time.perf_counter() - started < 1.0
        assert window.progress.again_button.isVisible() and not window.progress.bar.isVisible()
        assert window.view.toPlainText() == flood.read_text(encoding="utf-8")  # the draft stays
        with qtbot.waitSignal(window.reviewReady, timeout=180_000):
            window.progress.again_button.click()
        assert window.review is not None and window.review.persons
    finally:
        if window.review is not None:
            window.review.undo_stack.setClean()
        window.close()


def test_persons_appear_while_a_long_draft_is_read_and_early_decisions_stay(
        qtbot, make_window, tmp_path: Path):
    paragraphs = [PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(700)]
    paragraphs[650] = "Late in the day Bogdan Ferreira, 51, a driver, was detained too."
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    window = make_window()
    early = {}

    def first_persons(_persons) -> None:
        if "review" not in early:
            QTimer.singleShot(0, lambda: early.setdefault("review", window.review))

    window.analysis.partial.connect(first_persons)
    with qtbot.waitSignal(window.analysis.partial, timeout=60_000):
        window.open_draft(path)
    qtbot.waitUntil(lambda: "review" in early)
    provisional = early["review"]
    assert provisional is not None and window.session.provisional
    assert "Bogdan Ferreira" not in [p.name for p in provisional.persons]
    assert "The draft is still being analysed." == window.exporter.ready_reason()
    ilse = next(p for p in provisional.persons if p.name == "Ilse Varnholt")
    provisional.set_action(ilse.id, "pseudonym")  # the editor starts before the end
    with qtbot.waitSignal(window.reviewReady, timeout=120_000):
        pass
    assert not window.session.provisional
    final = {p.name: p for p in window.review.persons}
    assert "Bogdan Ferreira" in final
    assert (final["Ilse Varnholt"].action, final["Ilse Varnholt"].replacement) == (
        "pseudonym", "Source A")
    assert window.has_unsaved_decisions() and window.isWindowModified()  # asked about on close
