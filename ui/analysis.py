"""One analysis at a time, on one engine loaded once.

The engine is not meant for two analyses at once (and a second pipeline load would double
the memory), so a draft opened while another is being analysed cancels that one and
starts when it has stopped. Signals from a superseded or cancelled job are dropped here, so
the window only ever hears about the draft the editor last asked for.

Cancel answers at once: the job is told to stop and forgotten, and the window is free. The
engine stops at its next check (between chunks; a pipeline still loading finishes loading,
which the next draft needs anyway); a draft opened meanwhile waits for that.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ui.worker import AnalysisWorker, Threads

EngineFactory = Callable[[str], Any]
WorkerFactory = Callable[[Any], Any]  # an engine -> a worker with ``AnalysisWorker``'s signals


class AnalysisController(QObject):
    """Starts analysis workers, forwards the wanted one's signals, queues the next draft.

    ``purpose`` is whatever the caller passed to ``open`` for the job now reported on (a
    plain draft, a revised version of the open one, a review to carry over).
    """

    status = Signal(str)
    progress = Signal(float)
    loaded = Signal(object)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busyChanged = Signal(bool)
    idle = Signal()  # no job runs in the engine any more: it may save or check a copy

    def __init__(self, factory: EngineFactory, model: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._model = model
        self._engine: Any = None
        self._threads = Threads(self)
        self._current: AnalysisWorker | None = None
        self._wanted = False  # whether the running job's results are still wanted
        self._pending: tuple[WorkerFactory, list[str], list[str], Any] | None = None
        self._retired: list[Any] = []
        self.purpose: Any = None

    @property
    def engine(self) -> Any:
        if self._engine is None:
            self._engine = self._factory(self._model)
        return self._engine

    def is_busy(self) -> bool:
        """Whether a draft the editor asked for is still being read or analysed."""
        return (self._current is not None and self._wanted) or self._pending is not None

    def is_running(self) -> bool:
        """Whether any job, wanted or not, still runs in the engine."""
        return self._current is not None

    def use_model(self, model: str) -> None:
        """Switch pipelines; the old engine is released once no analysis uses it."""
        if model == self._model:
            return
        self._model = model
        if self._engine is not None and getattr(self._engine, "model", model) != model:
            self._retired.append(self._engine)
            self._engine = None
            if not self.is_running():
                self._release_retired()

    def open(self, path: str | Path | None, keep: list[str] = (), redact: list[str] = (),
             purpose: Any = None) -> None:
        """Analyse ``path`` (or only load the pipeline when None), after any running job."""
        path = Path(path) if path is not None else None
        self.run(lambda engine: AnalysisWorker(engine, path), keep, redact, purpose)

    def run(self, make_worker: WorkerFactory, keep: list[str] = (), redact: list[str] = (),
            purpose: Any = None) -> None:
        """Run the worker ``make_worker`` builds on the engine (a folder's detection), with
        ``AnalysisWorker``'s signals, after any running job: one job at a time."""
        self._pending = (make_worker, list(keep), list(redact), purpose)
        if self._current is not None:
            self._current.cancel()
            self._wanted = False
            return
        self._start_pending()

    def cancel(self) -> None:
        """Stop the job the editor is waiting for; the window hears ``cancelled`` at once."""
        self._pending = None
        if self._current is not None and self._wanted:
            self._current.cancel()
            self._wanted = False
            self.busyChanged.emit(False)
            self.cancelled.emit()

    def abandon(self) -> None:
        """Cancel the running job and drop all its further signals (a reopened review replaced it)."""
        self._pending = None
        if self._current is not None:
            self._current.cancel()
            if self._wanted:
                self._wanted = False
                self.busyChanged.emit(False)

    def _start_pending(self) -> None:
        if self._pending is None:
            return
        make_worker, keep, redact, purpose = self._pending
        self._pending = None
        engine = self.engine
        engine.keep, engine.redact = keep, redact  # no job runs now: nothing reads them
        worker = make_worker(engine)
        for signal, slot in ((worker.status, self._on_status), (worker.progress, self._on_progress),
                             (worker.loaded, self._on_loaded), (worker.partial, self._on_partial),
                             (worker.finished, self._on_finished), (worker.failed, self._on_failed),
                             (worker.cancelled, self._on_cancelled), (worker.done, self._on_done)):
            signal.connect(slot)
        self._current = worker
        self._wanted = True
        self.purpose = purpose
        self._threads.start(worker)
        self.busyChanged.emit(True)

    def _is_wanted(self) -> bool:
        """True for signals of the job the editor still wants (not cancelled or superseded)."""
        return self.sender() is self._current and self._wanted

    @Slot(str)
    def _on_status(self, text: str) -> None:
        if self._is_wanted():
            self.status.emit(text)

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        if self._is_wanted():
            self.progress.emit(fraction)

    @Slot(object)
    def _on_loaded(self, document: Any) -> None:
        if self._is_wanted():
            self.loaded.emit(document)

    @Slot(object)
    def _on_partial(self, persons: Any) -> None:
        if self._is_wanted():
            self.partial.emit(persons)

    @Slot(object)
    def _on_finished(self, decisions: Any) -> None:
        if self._is_wanted():
            self._settle()
            if decisions is not None:
                self.finished.emit(decisions)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._is_wanted():
            self._settle()
            self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._is_wanted():  # the engine stopped on its own (the window is closing)
            self._settle()
            self.cancelled.emit()

    def _settle(self) -> None:
        """The wanted job has its outcome: the editor waits no more (the worker ends soon)."""
        self._wanted = False
        if self._pending is None:
            self.busyChanged.emit(False)

    @Slot()
    def _on_done(self) -> None:
        if self.sender() is not self._current:
            return
        wanted = self._wanted
        self._current = None
        self._wanted = False
        self._release_retired()
        if self._pending is not None:
            self._start_pending()
            return
        if wanted:
            self.busyChanged.emit(False)
        self.idle.emit()

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
