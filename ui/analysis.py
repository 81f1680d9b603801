"""One analysis at a time, on one engine loaded once.

The engine is not meant for two analyses at once (and a second pipeline load would double
the memory), so a draft opened while another is being analysed cancels that one and
starts when it has stopped. Signals from a superseded job are dropped here, so the window
only ever hears about the draft the editor last asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ui.worker import AnalysisWorker, Threads

EngineFactory = Callable[[str], Any]


class AnalysisController(QObject):
    """Starts analysis workers, forwards the current one's signals, queues the next draft."""

    status = Signal(str)
    progress = Signal(float)
    loaded = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busyChanged = Signal(bool)

    def __init__(self, factory: EngineFactory, model: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._model = model
        self._engine: Any = None
        self._threads = Threads(self)
        self._current: AnalysisWorker | None = None
        self._pending: tuple[Path | None, list[str], list[str]] | None = None
        self._retired: list[Any] = []
        self._abandoned: AnalysisWorker | None = None

    @property
    def engine(self) -> Any:
        if self._engine is None:
            self._engine = self._factory(self._model)
        return self._engine

    def is_busy(self) -> bool:
        return self._current is not None

    def use_model(self, model: str) -> None:
        """Switch pipelines; the old engine is released once no analysis uses it."""
        if model == self._model:
            return
        self._model = model
        if self._engine is not None and getattr(self._engine, "model", model) != model:
            self._retired.append(self._engine)
            self._engine = None
            if not self.is_busy():
                self._release_retired()

    def open(self, path: str | Path | None, keep: list[str] = (), redact: list[str] = ()) -> None:
        """Analyse ``path`` (or only load the pipeline when None), after any running job."""
        self._pending = (Path(path) if path is not None else None, list(keep), list(redact))
        if self._current is not None:
            self._current.cancel()
            return
        self._start_pending()

    def cancel(self) -> None:
        self._pending = None
        if self._current is not None:
            self._current.cancel()

    def abandon(self) -> None:
        """Cancel the running job and drop all its further signals (a reopened review replaced it)."""
        self._pending = None
        if self._current is not None:
            self._current.cancel()
            self._abandoned = self._current

    def _start_pending(self) -> None:
        if self._pending is None:
            return
        path, keep, redact = self._pending
        self._pending = None
        engine = self.engine
        engine.keep, engine.redact = keep, redact  # no job runs now: nothing reads them
        worker = AnalysisWorker(engine, path)
        worker.status.connect(self._on_status)
        worker.progress.connect(self._on_progress)
        worker.loaded.connect(self._on_loaded)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.done.connect(self._on_done)
        self._current = worker
        self._threads.start(worker)
        self.busyChanged.emit(True)

    def _is_current(self) -> bool:
        """True for signals of the job the editor still wants (not cancelled for another)."""
        sender = self.sender()
        return sender is self._current and self._pending is None and sender is not self._abandoned

    @Slot(str)
    def _on_status(self, text: str) -> None:
        if self._is_current():
            self.status.emit(text)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        if self._is_current():
            self.progress.emit(fraction)

    @Slot(object)
    def _on_loaded(self, document: Any) -> None:
        if self._is_current():
            self.loaded.emit(document)

    @Slot(object)
    def _on_finished(self, decisions: Any) -> None:
        if self._is_current() and decisions is not None:
            self.finished.emit(decisions)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._is_current():
            self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._is_current():
            self.cancelled.emit()

    @Slot()
    def _on_done(self) -> None:
        if self.sender() is not self._current:
            return
        self._current = None
        self._abandoned = None
        self._release_retired()
        if self._pending is not None:
            self._start_pending()
        else:
            self.busyChanged.emit(False)

    def _release_retired(self) -> None:
        for engine in self._retired:
            if hasattr(engine, "close"):
                engine.close()
        self._retired.clear()

    def shutdown(self) -> None:
        """Stop everything before the app quits: cancel, end the child process, join threads.

        The job is abandoned, not just cancelled: its last signals (an error from the ended
        child) must not reach a window that is closing.
        """
        self.abandon()
        for engine in [self._engine, *self._retired]:
            if engine is not None and hasattr(engine, "terminate"):
                engine.terminate()
        self._threads.wait_all()
        for engine in [self._engine, *self._retired]:
            if engine is not None and hasattr(engine, "close"):
                engine.close()
