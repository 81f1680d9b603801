"""A folder of drafts in the desktop app: how long detection and export take, and whether the
window stays responsive meanwhile.

Generates N drafts (plain text and Markdown, about 4,000 characters each, the same invented
people recurring), opens the folder in a main window whose engine runs in its child process
(as for an editor), and prints: seconds until the one person table is shown (the pipeline
load included), persons and mentions, seconds to write and check every copy, and the
longest stall of the GUI event loop (a QTimer ticking every 10 ms) during each.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_folder.py [--drafts 30]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_gui import StallMeter, generated_draft, wait_for  # sets up the path and Qt
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.app import application
from ui.main_window import MainWindow
from ui.settings import Settings


def make_folder(root: Path, count: int) -> Path:
    folder = root / "drafts"
    for number in range(count):
        suffix = ".md" if number % 3 == 2 else ".txt"
        path = folder / f"part{number // 10}" / f"draft{number:03d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generated_draft(4_000, seed=number), encoding="utf-8")
    return folder


def measure(folder: Path, outdir: Path, timeout_s: float) -> dict[str, float]:
    application()
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(outdir))
    settings = Settings(QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, autosave_folder=folder.parent / "autosave")
    window.show()
    meter = StallMeter()
    meter.start()
    begin = time.perf_counter()
    window.open_path(folder)
    wait_for(window.reviewReady, window.analysis.failed, timeout_s=timeout_s)
    detected = time.perf_counter() - begin
    detect_stall = meter.longest()
    review = window.review
    assert review is not None, "no review: the folder was not detected"
    persons, mentions = len(review.persons), sum(len(p.mentions) for p in review.persons)
    review.accept_all()
    meter.start()
    begin = time.perf_counter()
    window.exporter.export()
    wait_for(window.exportFinished, timeout_s=timeout_s)
    written = time.perf_counter() - begin
    export_stall = meter.longest()
    review.undo_stack.setClean()
    window.close()
    return {"detect_s": detected, "detect_stall_ms": detect_stall, "persons": persons,
            "mentions": mentions, "export_s": written, "export_stall_ms": export_stall,
            "copies": sum(1 for p in outdir.rglob("*") if p.is_file() and not p.name.startswith("."))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=30, help="how many drafts (default 30)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for each step")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = make_folder(Path(scratch), args.drafts)
        figures = measure(folder, Path(scratch) / "redacted", args.timeout)
    print(f"{args.drafts} drafts: one table of {figures['persons']} persons "
          f"({figures['mentions']} mentions) after {figures['detect_s']:.1f} s (pipeline load "
          f"included), longest event-loop stall {figures['detect_stall_ms']:.0f} ms; "
          f"{figures['copies']} copies written and checked in {figures['export_s']:.1f} s, "
          f"longest stall {figures['export_stall_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
