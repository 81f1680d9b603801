"""A 10 MB draft: the analysis reports progress, can be cancelled, and the window never freezes."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from ui.main_window import MainWindow

pytestmark = [pytest.mark.model, pytest.mark.slow]

TICK_MS = 50
SIZE = 10_000_000
FIRST = "Aldric Brenna Caius Delphine Evander Fenna Gideon Halina Isolde Jorund".split()
LAST = "Ashgrove Bellweather Corrindale Dunmere Elsworth Fairhollow Grimsby Harrowgate".split()
FILLER = ("The council met again on Thursday to discuss the budget for the coming year. "
          "Residents queued outside the hall long before the doors opened. "
          "The report runs to several hundred pages and few have read it in full. ")


def _draft(size: int) -> str:
    """Filler paragraphs with an invented name every few paragraphs, about ``size`` characters."""
    rng = random.Random(11)
    paragraphs, total = [], 0
    while total < size:
        paragraph = FILLER * rng.randint(1, 3)
        if rng.random() < 0.3:
            paragraph += f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.randint(18, 80)}, said so."
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


class Ticker:
    """A timer ticking every 50 ms; the gaps between ticks show how long the event loop stalled."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(self.clock.elapsed() / 1000))

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def longest_gap(self) -> float:
        marks = [0.0, *self.times]
        return max(b - a for a, b in zip(marks, marks[1:]))


@pytest.fixture
def own_engine_window(qtbot, settings, autosave_folder):
    """A window with the app's own engine, in its child process, as an editor has it.

    Not the session's shared in-process engine: a cancelled 10 MB analysis stops only at its
    next check, after minutes of grouping what the first stretch found; in this process it
    read on beside the next tests, and Qt aborted the run when the closed window's running
    thread was garbage-collected. Closing this window ends its child at once.
    """
    window = MainWindow(settings=settings, autosave_folder=autosave_folder)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_a_10_mb_draft_can_be_cancelled_while_the_window_keeps_running(qtbot, own_engine_window,
                                                                      tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text(_draft(SIZE), encoding="utf-8")
    assert big.stat().st_size >= SIZE
    window = own_engine_window
    ticker = Ticker()
    progress: list[float] = []
    window.analysis.progress.connect(progress.append)
    ticker.start()
    began = time.monotonic()
    with qtbot.waitSignal(window.analysis.progress, timeout=180_000):
        window.open_draft(big)
    first_progress = time.monotonic() - began
    assert window.document is not None and len(window.document.text) >= SIZE
    assert 0 < progress[0] < 0.05 and window.progress.cancel_button.isVisible()
    cancel_began = time.monotonic()
    with qtbot.waitSignal(window.analysis.cancelled, timeout=60_000):
        window.progress.cancel_button.click()
    cancelled_after = time.monotonic() - cancel_began
    qtbot.waitUntil(lambda: not window.analysis.is_busy(), timeout=30_000)
    ticker.timer.stop()
    elapsed = time.monotonic() - began
    assert window.review is None and "cancelled" in window.statusBar().currentMessage()
    assert not window.progress.cancel_button.isVisible()
    assert not window.actions.export.isEnabled() and not window.actions.save_review.isEnabled()
    longest = ticker.longest_gap()
    print(f"\n10 MB: first progress after {first_progress:.1f} s, cancelled {cancelled_after:.2f} s "
          f"after the click, {len(ticker.times)} ticks in {elapsed:.1f} s, "
          f"longest event-loop stall {longest * 1000:.0f} ms")
    assert cancelled_after < 30
    assert len(ticker.times) >= 0.25 * elapsed / (TICK_MS / 1000)  # it kept ticking throughout
    assert longest < 2.0
