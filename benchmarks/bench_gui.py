"""How responsive the desktop app is: start-up, first suggestions, event-loop stalls.

Prints, for each way of running the analysis (a child process, the default; or a QThread
in the app's own process, ``--in-process``):

* the time from the start of this script until the main window is shown;
* the time until the sample article's suggestions appear (the pipeline loads first);
* the longest stall of the GUI event loop, measured with a QTimer ticking every 10 ms,
  while a ~1 MB generated draft (invented names) is read, analysed and shown.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--mode both]``.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.app import application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

SAMPLE = ROOT / "samples" / "protest_draft.txt"
TICK_MS = 10
FIRST = ("Aldric Brenna Caius Delphine Evander Fenna Gideon Halina Isolde Jorund Kasimir Liesel "
         "Marek Nerys Orsolya Piran Quillon Rosalind Stellan Tamsin Ulric Vesna Wendeline Xaver "
         "Yseult Zoltan").split()
LAST = ("Ashgrove Bellweather Corrindale Dunmere Elsworth Fairhollow Grimsby Harrowgate Ingleby "
        "Jessop Kettleby Larkspur Morrow Netherby Oakhurst Pembrook Quennell Ravensdale Stroud "
        "Thistlewood Underhill Vantongeren Whitlock Yarrow").split()
SENTENCES = (
    "{name}, {age}, said the police came to the building at night.",
    "Minister {name} said the new law was necessary to keep order.",
    "\"We will not stop coming,\" said {name}, a teacher from the river district.",
    "{surname} declined to comment on the arrests when reached by phone.",
    "Protesters gathered near the bridge as the evening grew colder.",
    "Political analyst {name} said the government had misjudged the public mood.",
    "A volunteer named {first} handed out water and bread to the marchers.",
)


def generated_draft(size: int, seed: int = 7) -> str:
    """About ``size`` characters of news-like paragraphs naming invented people."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            sentences.append(rng.choice(SENTENCES).format(
                name=f"{first} {last}", surname=last, first=first, age=rng.randint(18, 80)))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


class StallMeter(QObject):
    """A 10 ms timer; a late tick means the event loop was busy for the gap."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.gaps: list[tuple[float, float]] = []  # (time at the tick, gap in ms)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = 0.0
        self.timer.start()

    def now(self) -> float:
        return self.clock.nsecsElapsed() / 1e6

    def _tick(self) -> None:
        now = self.now()
        self.gaps.append((now, now - self._last))
        self._last = now

    def stop(self) -> None:
        self.timer.stop()

    def longest(self, start: float = 0.0, end: float = float("inf")) -> float:
        """The longest stall beyond the tick interval among ticks in [start, end] ms."""
        gaps = [gap for at, gap in self.gaps if start <= at <= end]
        return max(gaps, default=0.0) - TICK_MS


def wait_for(*signals, timeout_s: float) -> None:
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()


def run(mode: str, big: Path, settings_dir: Path, timeout_s: float) -> dict[str, float]:
    settings = Settings(QSettings(str(settings_dir / f"{mode}.ini"), QSettings.Format.IniFormat))
    begin = time.perf_counter()
    window = MainWindow(settings=settings, in_process=(mode == "thread"))
    window.show()
    QApplication.processEvents()
    shown = time.perf_counter()
    results = {"window shown after script start (s)": shown - STARTED,
               "window shown after MainWindow() (s)": shown - begin}

    opened = time.perf_counter()
    window.open_draft(SAMPLE)
    wait_for(window.reviewReady, window.analysis.failed, timeout_s=timeout_s)
    if window.review is None:
        raise SystemExit(f"{mode}: the sample was not analysed")
    results["sample suggestions shown after (s)"] = time.perf_counter() - opened
    results["sample persons"] = len(window.review.persons)

    meter = StallMeter()
    marks: dict[str, float] = {}
    window.analysis.loaded.connect(lambda _doc: marks.setdefault("loaded", meter.now()))
    window.analysis.finished.connect(lambda _d: marks.setdefault("analysed", meter.now()))
    window.reviewReady.connect(lambda: marks.setdefault("shown", meter.now()))
    meter.start()
    window.review.undo_stack.setClean()
    window.open_draft(big)
    wait_for(window.reviewReady, window.analysis.failed, timeout_s=timeout_s)
    # Let the event loop settle on the new review, as the editor would see it.
    settle = QEventLoop()
    QTimer.singleShot(500, settle.quit)
    settle.exec()
    meter.stop()
    if "shown" not in marks:
        results["1 MB: not analysed within (s)"] = timeout_s
        results["1 MB: longest stall until then (ms)"] = meter.longest()
        if window.review is not None:
            window.review.undo_stack.setClean()
        window.close()  # cancels the analysis and waits for its thread
        return results
    end = meter.now()
    results["1 MB: persons"] = len(window.review.persons)
    results["1 MB: time to suggestions (s)"] = marks["shown"] / 1000
    results["1 MB: longest stall, whole run (ms)"] = meter.longest()
    results["1 MB: longest stall, showing the text (ms)"] = meter.longest(0, marks["loaded"] + 2 * TICK_MS + 1000)
    results["1 MB: longest stall, during analysis (ms)"] = meter.longest(marks["loaded"] + 1000, marks["analysed"])
    results["1 MB: longest stall, showing the review (ms)"] = meter.longest(marks["analysed"], end)
    long_stalls = sum(1 for at, gap in meter.gaps
                      if marks["loaded"] + 1000 <= at <= marks["analysed"] and gap - TICK_MS > 100)
    results["1 MB: stalls over 100 ms during analysis"] = long_stalls
    window.review.undo_stack.setClean()
    window.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("process", "thread", "both"), default="both")
    parser.add_argument("--size", type=int, default=1_000_000, help="generated draft size in characters")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for one analysis")
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "generated.txt"
        big.write_text(generated_draft(args.size), encoding="utf-8")
        print(f"script start to QApplication ready: {time.perf_counter() - STARTED:.2f} s")
        print(f"generated draft: {big.stat().st_size / 1e6:.2f} MB")
        modes = ("process", "thread") if args.mode == "both" else (args.mode,)
        for mode in modes:
            started = time.perf_counter()
            results = run(mode, big, Path(folder), args.timeout)
            label = "child process (default)" if mode == "process" else "QThread in the GUI process (--in-process)"
            print(f"\n== analysis in a {label} ==")
            for name, value in results.items():
                print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}")
            print(f"(this mode took {time.perf_counter() - started:.0f} s)")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
