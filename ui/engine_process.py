"""The engine in a child process, behind the same ``load``/``analyze`` calls as ``Engine``.

spaCy's pipeline runs long stretches of C code that hold Python's global interpreter lock;
run in a thread of the GUI process, it froze the event loop for up to a quarter of a second
at a time on a 1 MB draft (see benchmarks/bench_gui.py). In a child process started with
``spawn`` it cannot. The child loads the pipeline once and serves every analysis after it.

This module imports no Qt: the child imports it, and only the engine.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from typing import Any

from redactor.decisions import Decisions
from redactor.errors import RedactorError
from ui.error_log import describe, log_exception

_POLL_SECONDS = 0.05
_BATCH = 200  # persons per message: each unpickle is short, so the receiving side never stalls
PARTIAL_EVERY_S = 5.0  # persons found so far are sent at most this often (the window shows
# them no more often: each list is thousands of objects to unpickle beside the GUI thread)


class EngineProcess:
    """An ``Engine`` stand-in whose pipeline lives in a child process.

    ``load`` and ``analyze`` block the calling thread (a worker thread, never the GUI
    thread) until the child answers; ``cancelled`` is polled while waiting and passed on
    through a shared event the child's engine checks between chunks.
    """

    def __init__(self, model: str, keep: list[str] | None = None,
                 redact: list[str] | None = None) -> None:
        self.model = model
        self.keep = list(keep or [])
        self.redact = list(redact or [])
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._connection: Any = None
        self._cancel = self._context.Event()

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=serve, args=(child, self._cancel, self.model),
                                              name="redactor-engine", daemon=True)
        self._process.start()
        child.close()
        self._connection = parent

    def load(self) -> None:
        """Start the child and load the pipeline there (seconds, once)."""
        self._start()
        self._cancel.clear()
        self._connection.send(("load",))
        self._wait(None, None)

    def analyze(self, document: Any, progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                partial: Callable[[list[Any]], None] | None = None) -> Decisions:
        """What ``Engine.analyze`` returns, computed in the child; ``partial`` gets the persons
        found so far while the child reads the draft."""
        self._start()
        self._cancel.clear()
        self._connection.send(("analyze", document, self.keep, self.redact, partial is not None))
        return self._wait(progress, cancelled, partial)

    def save(self, document: Any, decisions: Decisions, out: Any, force: bool = False,
             options: Any = None) -> Any:
        """What ``lazy_engine.save_copy`` returns: the copy, read a second time in the child
        first, and the copy's text."""
        self._start()
        self._cancel.clear()
        self._connection.send(("save", document, decisions, out, force, options))
        return self._wait(None, None)

    def check(self, document: Any, decisions: Decisions, options: Any = None) -> Any:
        """What ``lazy_engine.check_copy`` returns: the second reading of a copy not written."""
        self._start()
        self._cancel.clear()
        self._connection.send(("check", document, decisions, options))
        return self._wait(None, None)

    def detect_folder(self, folder: Any, progress: Callable[[float], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Any:
        """What ``folder_jobs.detect_folder`` returns, computed in the child."""
        self._start()
        self._cancel.clear()
        self._connection.send(("detect_folder", folder, self.keep, self.redact))
        return self._wait(progress, cancelled)

    def apply_folder(self, root: Any, review: Any, outdir: Any, options: Any = None,
                     progress: Callable[[float], None] | None = None) -> Any:
        """What ``folder_jobs.apply_folder`` returns: every copy written and read again."""
        self._start()
        self._cancel.clear()
        self._connection.send(("apply_folder", root, review, outdir, options))
        return self._wait(progress, None)

    def _wait(self, progress: Callable[[float], None] | None,
              cancelled: Callable[[], bool] | None,
              partial: Callable[[list[Any]], None] | None = None) -> Any:
        persons: list[Any] = []
        found: list[Any] = []
        while True:
            if cancelled is not None and cancelled():
                self._cancel.set()
            try:
                ready = self._connection.poll(_POLL_SECONDS)
                message = self._connection.recv() if ready else None
            except (EOFError, OSError):
                message = ("error", RedactorError("the analysis process stopped unexpectedly"))
            if message is None:
                if not self._process.is_alive() and not self._connection.poll():
                    raise RedactorError("the analysis process stopped unexpectedly")
                continue
            kind = message[0]
            if kind == "progress" and progress is not None:
                progress(message[1])
            elif kind == "persons":
                persons.extend(message[1])
            elif kind == "partial":
                found.extend(message[1])
                if message[2]:  # the last batch of this partial list
                    if partial is not None:
                        partial(found)
                    found = []
            elif kind == "loaded":
                return None
            elif kind == "result":
                return Decisions(message[1], message[2], persons, details=message[3])
            elif kind == "saved":
                return message[1]
            elif kind == "error":
                raise message[1]

    def close(self) -> None:
        """Stop the child; a running analysis is cancelled first, a load is cut short."""
        if self._process is None:
            return
        self._cancel.set()
        try:
            self._connection.send(("stop",))
        except OSError:
            pass
        self._process.join(timeout=2)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=2)
        self._connection.close()
        self._process = None

    def terminate(self) -> None:
        """End the child at once (the app is quitting); a waiting ``analyze`` raises."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()


def _partial_sender(connection: Any) -> Callable[[list[Any]], None]:
    """Sends a list of persons found so far in batches (the last batch says so): the first
    list at once, later ones at most every ``PARTIAL_EVERY_S``."""
    last_sent: list[float] = []

    def send(persons: list[Any]) -> None:
        if last_sent and time.monotonic() - last_sent[0] < PARTIAL_EVERY_S:
            return
        last_sent[:] = [time.monotonic()]
        batches = range(0, max(1, len(persons)), _BATCH)
        for start in batches:
            connection.send(("partial", persons[start:start + _BATCH], start == batches[-1]))
    return send


def serve(connection: Any, cancel: Any, model: str) -> None:
    """The child's loop: one engine, loaded once, answering requests until told to stop."""
    from redactor.engine import Engine  # only the child pays for spaCy
    from ui.folder_jobs import apply_folder, detect_folder
    from ui.lazy_engine import check_copy, save_copy

    engine = Engine(model)

    def report(fraction: float) -> None:
        connection.send(("progress", fraction))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "stop":
            return
        try:
            if request[0] == "load":
                engine.load()
                connection.send(("loaded",))
            elif request[0] == "analyze":
                _, document, engine.keep, engine.redact, wants_partial = request
                decisions = engine.analyze(document, report,
                                           cancel.is_set,
                                           _partial_sender(connection) if wants_partial else None)
                for start in range(0, len(decisions.persons), _BATCH):
                    connection.send(("persons", decisions.persons[start:start + _BATCH]))
                connection.send(("result", decisions.document_path, decisions.document_sha256,
                                 decisions.details))
            elif request[0] == "save":
                connection.send(("saved", save_copy(engine, *request[1:])))
            elif request[0] == "check":
                connection.send(("saved", check_copy(engine, *request[1:])))
            elif request[0] == "detect_folder":
                _, folder, engine.keep, engine.redact = request
                connection.send(("saved", detect_folder(engine, folder, report, cancel.is_set)))
            elif request[0] == "apply_folder":
                connection.send(("saved", apply_folder(engine, *request[1:], progress=report)))
        except RedactorError as error:  # Cancelled included: the caller re-raises it
            connection.send(("error", error))
        except Exception as error:  # noqa: BLE001 - the editor gets a sentence, not a dead child
            log_exception(error)  # where, not what: the message may quote the draft
            connection.send(("error", RedactorError(f"the analysis failed ({describe(error)})")))
