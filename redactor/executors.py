"""Where the work on a collection runs: in this process, or in a pool of worker processes.

Detecting or applying a collection is one task per file wherever it runs: a function of a
``Worker`` (an engine whose spaCy pipeline loads once and serves every file it is given,
plus what every job of the run shares) and a job. An executor only decides where workers
live; the Ray executor (``redactor.cluster``) is a third one, on a cluster. Results come
back as files finish, in any order; callers that need an order sort them.

Memory stays bounded: each worker holds one pipeline and at most two jobs wait per
worker, so a folder of 100,000 drafts is never read into memory at once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from redactor import DEFAULT_MODEL

J = TypeVar("J")
R = TypeVar("R")
# Jobs waiting per worker: one running, one ready, so a worker never waits for the next file.
IN_FLIGHT = 2


@dataclass(frozen=True)
class Setup:
    """What each worker builds once: the engine's settings, and data every job shares
    (when applying: the names withheld anywhere in the collection)."""

    model: str = DEFAULT_MODEL
    keep: tuple[str, ...] = ()
    redact: tuple[str, ...] = ()
    shared: Any = None


class Worker:
    """One engine and the run's shared data, kept for every file a worker is given."""

    def __init__(self, setup: Setup, engine: Any = None) -> None:
        if engine is None:
            from redactor.engine import Engine  # Presidio and spaCy: only where work runs

            engine = Engine(setup.model, keep=setup.keep, redact=setup.redact)
        self.engine = engine
        self.shared = setup.shared


Task = Callable[[Worker, J], R]


class Executor(Protocol):
    """Runs one task over many jobs on ``workers`` workers; results in any order."""

    workers: int

    def map(self, task: Task[J, R], jobs: Iterable[J]) -> Iterator[R]: ...

    def close(self) -> None: ...


ExecutorFactory = Callable[[Setup], Executor]


class InProcess:
    """Every file in this process, one after another, with one pipeline: a new one, or an
    engine already loaded (the desktop app's, a test session's), whose settings then win."""

    workers = 1

    def __init__(self, setup: Setup, engine: Any = None) -> None:
        self._setup = setup
        self._engine = engine
        self._worker: Worker | None = None

    @classmethod
    def using(cls, engine: Any) -> ExecutorFactory:
        """Executors that run in this process on ``engine``."""
        return lambda setup: cls(setup, engine)

    def map(self, task: Task[J, R], jobs: Iterable[J]) -> Iterator[R]:
        if self._worker is None:
            self._worker = Worker(self._setup, self._engine)
        for job in jobs:
            yield task(self._worker, job)

    def close(self) -> None:
        self._worker = None


_WORKER: Worker | None = None  # the worker of this process, in a pool's processes


def _start(setup: Setup) -> None:
    global _WORKER
    _WORKER = Worker(setup)


def _run(task: Task[J, R], job: J) -> R:
    assert _WORKER is not None, "a pool process runs _start before any job"
    return task(_WORKER, job)


class ProcessPool:
    """A pool of processes, each with its own pipeline (spaCy releases no lock while it
    parses, so threads would not run in parallel).

    Processes are spawned, not forked, on every system: a fork of a process that has
    loaded a model or started threads can hang, and spawn is what Windows and macOS do.
    """

    def __init__(self, setup: Setup, workers: int) -> None:
        self.workers = max(1, workers)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start, initargs=(setup,))

    def map(self, task: Task[J, R], jobs: Iterable[J]) -> Iterator[R]:
        pending: set[Future[R]] = set()
        for job in jobs:
            if len(pending) >= IN_FLIGHT * self.workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
            pending.add(self._pool.submit(_run, task, job))
        for future in as_completed(pending):
            yield future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def local_executors(workers: int) -> ExecutorFactory:
    """In this process for one worker, a process pool for more."""
    if workers <= 1:
        return InProcess
    return lambda setup: ProcessPool(setup, workers)
