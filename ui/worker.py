"""Workers that run the engine off the GUI thread and report back only through signals.

The shape follows dangerzone's and OnionShare's Qt workers: a QObject moved to a QThread,
a ``run`` slot, ``progress``/``finished``/``failed`` signals and a cancel flag the engine
polls through its ``cancelled`` callable. The engine never knows about Qt, and the GUI
thread never calls into it while it works.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from redactor.documents import read_document
from redactor.errors import Cancelled, RedactorError
from ui.error_log import describe, log_exception


def _tr(text: str) -> str:
    return QCoreApplication.translate("Worker", text)


class AnalysisWorker(QObject):
    """Read a draft, load the pipeline (once) and analyse the draft (``work``; a subclass
    does other work with the same signals and the same handling of errors).

    ``loaded`` carries the ``Document`` as soon as it is read, so the text shows while the
    analysis runs; ``partial`` carries the persons found so far while a long draft is read;
    exactly one of ``finished``, ``failed`` or ``cancelled`` follows, then ``done``. With no
    path the worker only loads the pipeline, to have it ready.
    """

    status = Signal(str)
    progress = Signal(float)
    loaded = Signal(object)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, engine: Any, path: str | Path | None) -> None:
        super().__init__()
        self.engine = engine
        self.path = Path(path) if path is not None else None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the engine to stop at its next check; safe to call from any thread."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            self.work()
        except Cancelled:
            self.cancelled.emit()
        except RedactorError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown in a dialog, never a crash
            log_exception(error)  # where, not what: the message may quote the draft
            self.failed.emit(_tr("The analysis failed unexpectedly ({kind}).")
                             .format(kind=describe(error)))
        finally:
            self.done.emit()

    def work(self) -> None:
        document = None
        if self.path is not None:
            self.status.emit(_tr("Reading {name}…").format(name=self.path.name))
            document = read_document(self.path)
            self.loaded.emit(document)
        self._load()
        if document is None:
            self.finished.emit(None)
            return
        self._stop_if_cancelled()
        self.status.emit(_tr("Finding the people named in the draft…"))
        decisions = self.engine.analyze(document, progress=self.progress.emit,
                                        cancelled=self.is_cancelled, partial=self.partial.emit)
        self.finished.emit(decisions)

    def _load(self) -> None:
        self.status.emit(_tr("Loading the language model…"))
        self.engine.load()

    def _stop_if_cancelled(self) -> None:
        if self.is_cancelled():
            raise Cancelled("analysis cancelled")


class FolderWorker(AnalysisWorker):
    """Detect every draft of a folder with the engine's collection code (in the engine's
    process): ``finished`` carries a ``FolderDetection``, ``progress`` the share of drafts
    read. Cancelled between two drafts."""

    def work(self) -> None:
        assert self.path is not None
        self._load()
        self._stop_if_cancelled()
        self.status.emit(_tr("Finding the people named in the drafts of {name}…")
                         .format(name=self.path.name))
        self.finished.emit(self.engine.detect_folder(self.path, self.progress.emit,
                                                     self.is_cancelled))


class TaskWorker(QObject):
    """Run one slow engine call (the preview, writing the redacted copy) in a thread."""

    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.tag: Any = None  # what the requester needs to handle the result, read via sender()

    @Slot()
    def run(self) -> None:
        try:
            self.finished.emit(self.function(*self.args))
        except RedactorError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(_tr("The file could not be written ({error}).")
                             .format(error=error.strerror or error))
        except Exception as error:  # noqa: BLE001
            log_exception(error)
            self.failed.emit(_tr("The operation failed unexpectedly ({kind}).")
                             .format(kind=describe(error)))
        finally:
            self.done.emit()


class Threads(QObject):
    """Owns each worker's QThread until it ends, so none is destroyed while running."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QThread, QObject] = {}

    def start(self, worker: QObject) -> QThread:
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(thread.quit)
        thread.finished.connect(self._forget)  # queued: runs in the GUI thread
        self._running[thread] = worker
        thread.start()
        return thread

    @Slot()
    def _forget(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()  # it is ending: finished is its last act
            self._running.pop(thread, None)

    def busy(self) -> bool:
        return any(thread.isRunning() for thread in self._running)

    def wait_all(self, milliseconds: int = 10_000) -> None:
        """Block until every thread ends: only at shutdown, after cancelling them."""
        for thread in list(self._running):
            thread.quit()
            thread.wait(milliseconds)
