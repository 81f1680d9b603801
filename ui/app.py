"""``redactor-gui [PATH] [--screenshot OUT.png]``: start the desktop app.

The window is shown before anything slow happens; the pipeline loads and the draft is
analysed in the background (in a child process, so spaCy cannot stall the GUI). With
``--screenshot`` the app opens PATH, waits for the analysis, saves a picture of the window
and exits: for documentation and for checking a build on a machine without a display.
``--check`` first accepts every suggestion and reads the copy a second time, so the picture
shows the Findings panel.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QCoreApplication, QEventLoop, QLibraryInfo, QLocale, QTimer,
                            QTranslator)
from PySide6.QtWidgets import QApplication, QMessageBox

from redactor import __version__
from ui.error_log import describe, log_exception
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION

SCREENSHOT_TIMEOUT_MS = 300_000
TRANSLATIONS = Path(__file__).parent / "translations"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redactor-gui", description="Review the people named in a draft and withhold the "
        "names of those at risk. Nothing leaves this computer.")
    parser.add_argument("--version", action="version", version=f"redactor-gui {__version__}")
    parser.add_argument("path", nargs="?", metavar="PATH",
                        help="a draft to open (.txt, .md, .docx, .odt, .html, .rtf), or a "
                        "folder of drafts to review as one")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open PATH, wait for the analysis, save the window as a PNG, exit")
    parser.add_argument("--check", action="store_true",
                        help="with --screenshot: accept every suggestion and show the second "
                        "reading's findings first")
    parser.add_argument("--size", default="1280x800", metavar="WxH",
                        help="with --screenshot: the window's size (default 1280x800)")
    parser.add_argument("--in-process", action="store_true",
                        help="analyse in a thread of the app's own process instead of a child "
                        "process (uses less memory; the window may stall on long drafts)")
    return parser


def application() -> QApplication:
    """The running QApplication, or a new one named for QSettings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Redactor")
    app.setDesktopFileName("org.redactor.Redactor")  # matches the window to its menu entry and icon
    _install_translators(app)
    return app


def _install_translators(app: QApplication) -> None:
    """Qt's own strings and ours in the system language, when a translation is installed."""
    locale = QLocale.system()
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("redactor", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def _report_unexpected(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    """Show a bug as a dialog instead of dying: the review stays open to be saved.

    Neither the log nor the dialog carries the error's message: it may quote the draft.
    """
    log_exception(error, trace)
    QMessageBox.critical(None, "Redactor", QCoreApplication.translate(
        "App", "Something went wrong ({kind}). Your review is still open: save it "
        "(Ctrl+S) before you go on.").format(kind=describe(error)))


def main(argv: Sequence[str] | None = None, engine: Any = None) -> int:
    """Run the app; ``engine`` replaces the child-process engine (the tests share one)."""
    multiprocessing.freeze_support()  # a frozen build's analysis child starts here too
    args = build_parser().parse_args(argv)
    if args.screenshot and not args.path:
        print("redactor-gui: --screenshot needs a PATH to open", file=sys.stderr)
        return 2
    app = application()
    window = MainWindow(engine=engine, in_process=args.in_process)
    window.show()
    if args.screenshot:
        width, _, height = args.size.partition("x")
        window.resize(int(width), int(height))
        return screenshot(window, args.path, args.screenshot, args.check)
    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected
    try:
        # The pipeline starts loading at once, with or without a draft to analyse.
        QTimer.singleShot(0, (lambda: window.open_path(args.path)) if args.path else window.preload)
        return app.exec()
    finally:
        sys.excepthook = previous_hook


def screenshot(window: MainWindow, path: str, out: str, check: bool = False) -> int:
    """Open ``path``, wait for its review (and with ``check`` its second reading), save the
    window to ``out``; 0 on success."""
    window.headless = True
    loop = QEventLoop()
    outcome = {"ok": False}

    def ready() -> None:
        outcome["ok"] = True
        loop.quit()

    window.reviewReady.connect(ready)
    window.analysis.failed.connect(loop.quit)
    window.analysis.cancelled.connect(loop.quit)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
    QTimer.singleShot(0, lambda: window.open_path(path))
    loop.exec()
    if outcome["ok"] and check and window.review is not None and window.actions.check.isEnabled():
        outcome["ok"] = False
        window.review.accept_all()
        window.checkFinished.connect(ready)
        window.exporter.check()
        loop.exec()
    code = 1
    if outcome["ok"]:
        QApplication.processEvents()
        window.view.refresh_highlights()
        QApplication.processEvents()
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        if window.grab().save(out):
            print(f"wrote {out}")
            code = 0
        else:
            print(f"redactor-gui: could not write {out}", file=sys.stderr)
    else:
        print(f"redactor-gui: no review of {path} to show", file=sys.stderr)
    window.close()
    return code
