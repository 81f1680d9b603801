"""The Ray executor: the same per-file tasks on Ray actors, each holding one pipeline.

``--ray local`` starts a Ray instance on this computer; ``--ray ADDRESS`` joins a running
cluster (``ray start --head`` on one machine, ``ray start --address=HEAD:6379`` on the
others). Each actor loads the spaCy pipeline once and is given files one at a time, the
least busy actor first, with at most two jobs waiting per actor, so memory stays bounded
whatever the size of the collection. Workers open the drafts and write the copies by
path: every machine of the cluster must see the drafts' and the output folder at the same
path (a shared folder).

Ray is an optional extra (``pip install 'redactor[cluster]'``): this module imports it only
when an executor is made, and says how to install it when it is missing. Ray's usage
statistics, which are sent over the network, are switched off, and so is its dashboard.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

from redactor.errors import RedactorError
from redactor.executors import IN_FLIGHT, ExecutorFactory, J, R, Setup, Task, Worker

LOCAL = "local"


class _Hosted:
    """What lives in one Ray actor: a worker, built once."""

    def __init__(self, setup: Setup) -> None:
        self.worker = Worker(setup)

    def run(self, task: Task[J, R], job: J) -> R:
        return task(self.worker, job)


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RedactorError("--ray needs Ray, which is not installed: "
                            "pip install 'redactor[cluster]'") from None
    return ray


def ray_executors(address: str, workers: int | None = None) -> ExecutorFactory:
    """Executors on Ray: ``address`` is "local" or a running cluster's address."""
    _ray()  # refuse at once, before any work, when Ray is missing
    return lambda setup: RayExecutor(setup, address, workers)


class RayExecutor:
    """Jobs spread over Ray actors; Ray is started here, and stopped here, unless the
    caller had already connected to it."""

    def __init__(self, setup: Setup, address: str, workers: int | None = None) -> None:
        self._ray = ray = _ray()
        self._owned = not ray.is_initialized()
        if self._owned:
            os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # never report to Ray's servers
            local = address == LOCAL
            try:
                ray.init(address=None if local else address,
                         num_cpus=(workers or os.cpu_count() or 1) if local else None,
                         include_dashboard=False, log_to_driver=False,
                         logging_level=logging.ERROR, namespace="redactor")
            except (ConnectionError, ValueError, RuntimeError) as error:
                raise RedactorError(f"cannot reach the Ray cluster at {address} ({error})") from None
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(_Hosted)
        shared = ray.put(setup)
        self._actors = [actor.remote(shared) for _ in range(self.workers)]

    def map(self, task: Task[J, R], jobs: Iterable[J]) -> Iterator[R]:
        pending: dict[Any, int] = {}
        load = [0] * len(self._actors)
        for job in jobs:
            if len(pending) >= IN_FLIGHT * len(self._actors):
                yield from self._collect(pending, load)
            index = load.index(min(load))
            pending[self._actors[index].run.remote(task, job)] = index
            load[index] += 1
        while pending:
            yield from self._collect(pending, load)

    def _collect(self, pending: dict[Any, int], load: list[int]) -> Iterator[Any]:
        ready, _ = self._ray.wait(list(pending), num_returns=1)
        for ref in ready:
            load[pending.pop(ref)] -= 1
            yield self._get(ref)

    def _get(self, ref: Any) -> Any:
        ray = self._ray
        try:
            return ray.get(ref)
        except ray.exceptions.RayTaskError as error:
            if isinstance(error.cause, RedactorError):
                raise error.cause from None  # the one-line reason, not a remote traceback
            raise
        except ray.exceptions.RayActorError as error:
            raise RedactorError(f"a Ray worker stopped ({type(error).__name__}); is redactor "
                                "installed on every machine of the cluster?") from None

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._owned and self._ray.is_initialized():
            self._ray.shutdown()
