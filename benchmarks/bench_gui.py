"""How fast an editor finishes a review, and how responsive the desktop app is.

Prints:

* keys and clicks for the whole review of ``samples/protest_draft.txt`` with the keyboard
  alone, by an editor who knows who everyone is (``review_by_keyboard.py``): keys to decide,
  keys to repair each detection error, keys to save; the goal is one key per person whose
  suggestion is right and no more than three more per detection error repaired;
* from a cold start (a new process: Python, Qt, the analysis child process, the spaCy
  pipeline), the time until the sample's first suggestion is shown, and for a ~1 MB
  generated draft until its first persons are shown and until all are;
* cancel latency: from pressing Cancel to the window saying so, while the pipeline loads
  and while a 1 MB draft is analysed, and how long the engine then takes to stop;
* for each way of running the analysis (a child process, the default, or a QThread in the
  app's own process, ``--in-process``), the longest stall of the GUI event loop (a QTimer
  ticking every 10 ms) while the 1 MB draft is read, analysed and shown.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--mode both]``.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from review_by_keyboard import TRUTH, KeyboardEditor  # noqa: E402
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

    meter = StallMeter()
    marks: dict[str, float] = {}
    window.analysis.loaded.connect(lambda _doc: marks.setdefault("loaded", meter.now()))
    window.analysis.finished.connect(lambda _d: marks.setdefault("analysed", meter.now()))
    window.reviewReady.connect(lambda: marks.setdefault("shown", meter.now()))
    meter.start()
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


def keyboard_review(settings_dir: Path, timeout_s: float) -> None:
    """The sample reviewed with the keyboard alone; the copy saved and read a second time."""
    settings = Settings(QSettings(str(settings_dir / "review.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, in_process=True, autosave_folder=settings_dir / "autosave")
    window.show()
    window.open_draft(SAMPLE)
    wait_for(window.reviewReady, window.analysis.failed, timeout_s=timeout_s)
    if window.review is None:
        raise SystemExit("the sample was not analysed")
    detected = len(window.review.persons)
    editor = KeyboardEditor()
    tally = editor.review(window)
    out = settings_dir / "protest_draft.redacted.txt"
    # The file dialog and the result's message box, answered with Enter (counted below).
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(out), ""))
    QMessageBox.information = QMessageBox.warning = staticmethod(lambda *args, **kwargs: None)
    editor.press(Qt.Key.Key_E, "saving", Qt.KeyboardModifier.ControlModifier)
    wait_for(window.exportFinished, timeout_s=timeout_s)
    tally.keys["saving"] += 2  # Enter in the file dialog, Enter on the result
    rows = window.findings.rows
    print("== the sample draft, reviewed with the keyboard alone ==")
    print(f"persons in the draft: {len(TRUTH)}; detected as {detected}")
    print(f"keys: {tally.total()} ({', '.join(f'{k} {v}' for k, v in tally.keys.items())}); "
          f"clicks: {tally.clicks}; letters typed: {tally.typed}")
    print(f"keys to decide: {tally.keys['deciding'] / len(TRUTH):.2f} per person "
          f"(goal 1; {tally.wrong_actions} suggestion(s) with another action, one key each)")
    errors = tally.errors
    print(f"detection errors repaired: {errors}; extra keys per error: "
          f"{tally.keys['repairing'] / errors if errors else 0:.1f} (goal at most 3), "
          f"plus {tally.typed} letter(s) typed")
    print(f"copy saved: {out.exists()}; second reading: {len(rows)} finding(s)")
    window.review.undo_stack.setClean()
    window.close()


COLD_START = """
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from ui.app import application
from ui.main_window import MainWindow
from ui.settings import Settings
folder = Path(sys.argv[2])
app = application()
window = MainWindow(settings=Settings(QSettings(str(folder / "cold.ini"), QSettings.Format.IniFormat)),
                    autosave_folder=folder / "autosave")
window.show()
marks = {"window": time.time()}
def look():
    if "first" not in marks and window.panel.model.rowCount() > 0:
        marks["first"] = time.time()
def done():
    look()
    marks["all"] = time.time()
    window.close()
poll = QTimer(interval=20)
poll.timeout.connect(look)
poll.start()
window.reviewReady.connect(done)
window.analysis.failed.connect(lambda message: (print(message, file=sys.stderr), window.close()))
QTimer.singleShot(0, lambda: window.open_draft(sys.argv[1]))
app.exec()
print(json.dumps(marks))
"""


def cold_start(path: Path, folder: Path, timeout_s: float) -> dict[str, float]:
    """Seconds from launching a new app process to its window, first and all suggestions."""
    started = time.time()
    done = subprocess.run([sys.executable, "-c", COLD_START, str(path), str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout_s, check=True)
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    return {name: at - started for name, at in marks.items()}


def cancel_latency(big: Path, settings_dir: Path, timeout_s: float) -> None:
    """Cancel while the pipeline loads (a cold child process), then during a 1 MB analysis."""
    settings = Settings(QSettings(str(settings_dir / "cancel.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, autosave_folder=settings_dir / "autosave")
    window.show()
    print("\n== cancel latency (analysis in a child process) ==")
    for label, path, ready in (
            ("while the pipeline loads", SAMPLE, lambda: "language model" in window.progress.label.text()),
            ("while a 1 MB draft is analysed", big, lambda: window.progress.bar.value() >= 200)):
        window.open_draft(path)
        deadline = time.perf_counter() + timeout_s
        while not ready() and time.perf_counter() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        pressed = time.perf_counter()
        marks: dict[str, float] = {}
        window.analysis.cancelled.connect(lambda: marks.setdefault("told", time.perf_counter()))
        window.analysis.idle.connect(lambda: marks.setdefault("stopped", time.perf_counter()))
        window.progress.cancel_button.click()
        wait_for(window.analysis.idle, timeout_s=timeout_s)
        told = (marks.get("told", pressed) - pressed) * 1000
        stopped = marks.get("stopped", time.perf_counter()) - pressed
        print(f"{label}: the window says so after {told:.0f} ms (goal under 1000 ms); "
              f"the engine stopped after {stopped:.1f} s")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("process", "thread", "both"), default="process",
                        help="how the 1 MB stall measurement runs the analysis")
    parser.add_argument("--size", type=int, default=1_000_000, help="generated draft size in characters")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for one analysis")
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "generated.txt"
        big.write_text(generated_draft(args.size), encoding="utf-8")
        print(f"script start to QApplication ready: {time.perf_counter() - STARTED:.2f} s")
        print(f"generated draft: {big.stat().st_size / 1e6:.2f} MB\n")
        keyboard_review(Path(folder), args.timeout)
        print("\n== from a cold start (a new app process, the pipeline loaded in its child) ==")
        for label, path in (("the sample", SAMPLE), ("the 1 MB draft", big)):
            marks = cold_start(path, Path(folder), args.timeout)
            print(f"{label}: window after {marks['window']:.1f} s, first suggestion after "
                  f"{marks['first']:.1f} s, all after {marks['all']:.1f} s")
        cancel_latency(big, Path(folder), args.timeout)
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
