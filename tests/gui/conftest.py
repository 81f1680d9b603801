"""GUI test fixtures: offscreen Qt, one real engine per session, no dialog ever blocks.

Every window shares the session's loaded engine (analysed in a QThread of this process),
settings live in a temporary folder, and the static QMessageBox/QFileDialog/QInputDialog
calls are replaced by recorders whose answers a test queues up beforehand.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox  # noqa: E402

from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

FLOOD = """Flood relief stalls in Westmere

By CORA ABERNATHY

WESTMERE (AP) — Mayor Desmond Pell said on Tuesday that aid would arrive within days.

A volunteer named Ysolde told reporters that the shelters were full. "We sleep in shifts," she said.

Another resident, Bertil Gransson, 61, said his street had been under water for a week. Gransson said he had not seen any officials.

Neighbours said the boatman they call Quillby had ferried families across the square. Quillby asked that his full name not be used.

Pell did not respond to questions about the delays.
"""


@pytest.fixture(scope="session", autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any QSettings the app makes (even with the real names) writes to a temporary folder."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)


@pytest.fixture(scope="session")
def gui_engine(request: pytest.FixtureRequest) -> Any:
    """The real engine, loaded once; the suite-wide ``engine`` fixture when there is one."""
    try:
        return request.getfixturevalue("engine")
    except pytest.FixtureLookupError:
        from redactor.engine import Engine

        engine = Engine()
        engine.load()
        return engine


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh preferences for each test, in their own INI file."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@dataclass
class Dialogs:
    """What the app asked and told the editor; queued answers for what comes next."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    answers: list[Any] = field(default_factory=list)
    save_paths: list[str] = field(default_factory=list)
    open_paths: list[str] = field(default_factory=list)
    texts: list[tuple[str, bool]] = field(default_factory=list)
    save_defaults: list[str] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.shown]

    def last(self, kind: str) -> str:
        return [text for k, text in self.shown if k == kind][-1]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Replace every modal dialog with a recorder; an unexpected file dialog fails the test."""
    record = Dialogs()

    def message(kind: str) -> Callable[..., Any]:
        def show(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            record.shown.append((kind, text))
            if kind != "question":
                return QMessageBox.StandardButton.Ok
            if record.answers:
                return record.answers.pop(0)
            buttons = args[0] if args else QMessageBox.StandardButton.Yes
            if buttons & QMessageBox.StandardButton.Discard:
                return QMessageBox.StandardButton.Discard
            return QMessageBox.StandardButton.Yes
        return show

    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(message(kind)))

    def save_file(parent: Any, caption: str, default: str, *args: Any, **kwargs: Any) -> tuple[str, str]:
        record.save_defaults.append(default)
        assert record.save_paths, "unexpected save dialog"
        return record.save_paths.pop(0), ""

    def open_file(*args: Any, **kwargs: Any) -> tuple[str, str]:
        assert record.open_paths, "unexpected open dialog"
        return record.open_paths.pop(0), ""

    def get_text(*args: Any, **kwargs: Any) -> tuple[str, bool]:
        assert record.texts, "unexpected text input dialog"
        return record.texts.pop(0)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return record


@pytest.fixture
def make_window(qtbot: Any, gui_engine: Any, settings: Settings) -> Iterator[Callable[[], MainWindow]]:
    """Main windows sharing the session engine; each is closed (and its threads joined) after."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(settings=settings, engine=gui_engine)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.review is not None:
            window.review.undo_stack.setClean()  # the test is over: nothing to ask about
        window.close()


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(FLOOD, encoding="utf-8")
    return path


@pytest.fixture
def opened(qtbot: Any, make_window: Callable[[], MainWindow], flood: Path) -> MainWindow:
    """A window with the flood draft analysed and its suggestions shown."""
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(flood)
    return window
