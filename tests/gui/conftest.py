"""GUI test fixtures: offscreen Qt, one real engine per session, no dialog ever blocks.

Every window shares the session's loaded engine (analysed in a QThread of this process),
settings and autosaves live in temporary folders, and the static QMessageBox/QFileDialog/
QInputDialog calls (and ``QMessageBox.exec`` for the export options) are replaced by
recorders whose answers a test queues up beforehand.

``slow`` marks the tests that take long (a 10 MB draft): ``-m "not slow"`` skips them.
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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes long (a 10 MB draft); deselect with -m 'not slow'")


@pytest.fixture(scope="session", autouse=True)
def isolated_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QStandardPaths' data folder (where autosaves go by default) is a temporary one."""
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    yield
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


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


class MissingEngine:
    """The real engine, except that detection misses the persons named in ``missing``: how
    tests put the editor in front of a name the detector did not find (the drafts here are
    real enough that the detector finds them all)."""

    def __init__(self, engine: Any, missing: tuple[str, ...]) -> None:
        self._engine = engine
        self._missing = set(missing)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def analyze(self, *args: Any, **kwargs: Any) -> Any:
        decisions = self._engine.analyze(*args, **kwargs)
        decisions.persons = [p for p in decisions.persons if p.name not in self._missing]
        return decisions


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
    save_captions: list[str] = field(default_factory=list)
    save_filters: list[str] = field(default_factory=list)
    open_filters: list[str] = field(default_factory=list)
    keep_comments: list[Any] = field(default_factory=list)  # True/False, or None to cancel
    folders: list[str] = field(default_factory=list)  # answers to folder choosers ("" cancels)
    folder_captions: list[str] = field(default_factory=list)

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

    def save_file(parent: Any, caption: str, default: str, filters: str = "", *args: Any,
                  **kwargs: Any) -> tuple[str, str]:
        record.save_defaults.append(default)
        record.save_captions.append(caption)
        record.save_filters.append(filters)
        assert record.save_paths, "unexpected save dialog"
        return record.save_paths.pop(0), ""

    def open_file(parent: Any = None, caption: str = "", folder: str = "", filters: str = "",
                  *args: Any, **kwargs: Any) -> tuple[str, str]:
        record.open_filters.append(filters)
        assert record.open_paths, "unexpected open dialog"
        return record.open_paths.pop(0), ""

    def open_folder(parent: Any = None, caption: str = "", folder: str = "", *args: Any,
                    **kwargs: Any) -> str:
        record.folder_captions.append(caption)
        assert record.folders, "unexpected folder dialog"
        return record.folders.pop(0)

    def box_exec(box: QMessageBox) -> int:
        """A QMessageBox shown by instance (the export options): record it, tick, answer Save."""
        record.shown.append(("options", box.text()))
        choice = record.keep_comments.pop(0) if record.keep_comments else False
        if choice is None:
            return QMessageBox.StandardButton.Cancel.value
        if box.checkBox() is not None:
            box.checkBox().setChecked(choice)
        return QMessageBox.StandardButton.Save.value

    def get_text(*args: Any, **kwargs: Any) -> tuple[str, bool]:
        assert record.texts, "unexpected text input dialog"
        return record.texts.pop(0)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(open_folder))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    return record


@pytest.fixture
def autosave_folder(tmp_path: Path) -> Path:
    """Where the test's windows autosave (not created until the first autosave)."""
    return tmp_path / "data" / "autosave"


@pytest.fixture
def make_window(qtbot: Any, request: pytest.FixtureRequest, settings: Settings,
                autosave_folder: Path) -> Iterator[Callable[..., MainWindow]]:
    """Main windows sharing the session engine; each is closed after.

    Closing joins the window's threads; a window a test "crashed" (``crashed``) is only hidden,
    so its autosave stays as a killed process leaves it.
    """
    windows: list[MainWindow] = []

    def make(missing: tuple[str, ...] = ()) -> MainWindow:
        engine = request.getfixturevalue("gui_engine")
        engine = MissingEngine(engine, missing) if missing else engine
        window = MainWindow(settings=settings, engine=engine, autosave_folder=autosave_folder)
        window.crashed = False
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.review is not None:
            window.review.undo_stack.setClean()  # the test is over: nothing to ask about
        window.session.restored_unsaved = False
        if window.crashed:
            window.autosaver.stop()
            window.analysis.shutdown()
            window.tasks.wait_all()
            window.hide()
        else:
            window.close()


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    path = tmp_path / "flood.txt"
    path.write_text(FLOOD, encoding="utf-8")
    return path


@pytest.fixture
def opened(qtbot: Any, make_window: Callable[..., MainWindow], flood: Path) -> MainWindow:
    """A window with the flood draft analysed and its suggestions shown."""
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(flood)
    return window


@pytest.fixture
def missed(qtbot: Any, make_window: Callable[..., MainWindow], flood: Path) -> MainWindow:
    """The flood draft analysed by a detector made to miss the boatman Quillby, for the
    editor to add by hand."""
    window = make_window(missing=("Quillby",))
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(flood)
    return window
