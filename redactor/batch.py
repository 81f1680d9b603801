"""Detecting and applying a whole collection, on whichever executor the caller picks.

``detect_collection`` reads and analyses every draft (one task per file, on workers that
each load the pipeline once) and gathers the single-file reviews into one collection
review. ``apply_collection`` checks first that every draft is still the one reviewed, then
saves each copy with ``Engine.save`` (applied, read a second time, written atomically; a
copy with findings goes to its UNFINISHED name) and records each finished copy in a
journal, so a run stopped by a crash resumes where it was. The tasks are plain functions
of a worker and a job: the same code runs in this process, in a process pool or on Ray.

Progress is a plain callable ``(done, total, path)`` and cancellation a plain predicate,
so the command line and, later, the desktop app drive the same functions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from redactor import __version__
from redactor.check import kept_tokens, printed_tokens
from redactor.collection import CollectionReview, Entry, gather
from redactor.decisions import Decisions, Person
from redactor.documents import read_bytes, read_document
from redactor.errors import Cancelled, DecisionsError, ModelNotInstalled, RedactorError
from redactor.executors import Executor, ExecutorFactory, Setup, Task, Worker
from redactor.folders import Listing, check_copy_names, check_output_folder, copy_name
from redactor.formats import CleanOptions
from redactor.journal import Done, Journal
from redactor.leaks import Finding, LeakSearch

Progress = Callable[[int, int, str], None]  # files done, files in all, the file just done
IsCancelled = Callable[[], bool]


class StaleReview(DecisionsError):
    """Drafts changed or went missing since the review was made: nothing is written."""

    exit_code = 3


@dataclass(frozen=True)
class Failure:
    """A file that could not be done, and why (one sentence, no document text)."""

    path: str
    reason: str


@dataclass(frozen=True)
class DetectJob:
    root: str
    path: str


@dataclass(frozen=True)
class Detected:
    path: str
    sha256: str = ""
    decisions: Decisions | None = None
    error: str = ""


@dataclass(frozen=True)
class ApplyJob:
    root: str
    path: str
    outdir: str
    decisions: Decisions
    force: bool
    options: CleanOptions
    key: str

    @property
    def out(self) -> Path:
        return Path(self.outdir) / copy_name(self.path)


@dataclass(frozen=True)
class Applied:
    """What became of one draft: its copy (relative to the output folder; an UNFINISHED
    name when not clean), the second reading's findings, what else was cleaned."""

    path: str
    copy: str = ""
    findings: tuple[Finding, ...] = ()
    cleaned: tuple[str, ...] = ()
    error: str = ""
    skipped: bool = False  # done clean by an earlier run, and unchanged since

    @property
    def clean(self) -> bool:
        return not self.error and not self.findings and bool(self.copy)


@dataclass
class Detection:
    review: CollectionReview
    failures: list[Failure] = field(default_factory=list)


def detect_one(worker: Worker, job: DetectJob) -> Detected:
    """Read and analyse one draft; a file that cannot be read is reported, not fatal."""
    try:
        document = read_document(Path(job.root) / job.path)
        decisions = worker.engine.analyze(document)
    except ModelNotInstalled:
        raise  # every file would fail the same way: stop the run with the fix
    except RedactorError as error:
        return Detected(job.path, error=str(error))
    except Exception as error:  # a corner of a format we do not handle: that file only
        return Detected(job.path, error=f"{Path(job.path).name}: could not be read "
                                         f"({type(error).__name__})")
    decisions.document_path = job.path
    return Detected(job.path, document.sha256, decisions)


def detect_collection(listing: Listing, executors: ExecutorFactory, setup: Setup,
                      progress: Progress | None = None,
                      cancelled: IsCancelled | None = None) -> Detection:
    """Every person in every draft of ``listing``, each once, with suggestions."""
    jobs = [DetectJob(str(listing.root), path) for path in listing.files]
    found: list[tuple[Entry, Decisions]] = []
    failures: list[Failure] = []
    with closing(_run(executors(setup), detect_one, jobs, progress, cancelled)) as results:
        for result in results:
            if result.decisions is None:
                failures.append(Failure(result.path, result.error))
            else:
                found.append((Entry(result.path, result.sha256), result.decisions))
    return Detection(gather(found), sorted(failures, key=lambda f: f.path))


def apply_one(worker: Worker, job: ApplyJob) -> Applied:
    """Save one redacted copy, checked against the names withheld anywhere in the collection."""
    own = job.decisions
    decisions = Decisions(own.document_path, own.document_sha256,
                          own.persons + narrowed_guards(worker.shared or [], own))
    try:
        document = read_document(Path(job.root) / job.path)
        saved = worker.engine.save(document, decisions, job.out, force=job.force, options=job.options)
    except ModelNotInstalled:
        raise
    except RedactorError as error:
        return Applied(job.path, error=str(error))
    except Exception as error:
        return Applied(job.path, error=f"{Path(job.path).name}: could not be redacted "
                                       f"({type(error).__name__})")
    copy = Path(saved.path).relative_to(job.outdir).as_posix()
    return Applied(job.path, copy, tuple(saved.findings), saved.cleaned)


def narrowed_guards(guards: list[Person], own: Decisions) -> list[Person]:
    """The collection's guards less the words this draft's own review keeps or prints.

    Where this draft keeps Minister Odile Wendrick, "Wendrick" withheld for a protester in
    another draft is no leak here; where it prints "Tobin" as a source's first name, a
    Tobin withheld elsewhere is not either. Without this, a surname shared by a kept and a
    withheld person would stop every copy that names the kept one, with no decision the
    editor could change to clear it. The draft's own persons are checked as ever.
    """
    allowed = kept_tokens(own) | printed_tokens(own)
    narrowed = []
    for guard in guards:  # a guard's name is folded words already (CollectionReview.guards)
        words = [word for word in guard.name.split() if word not in allowed]
        if words:
            narrowed.append(replace(guard, name=" ".join(words)))
    return narrowed


def apply_collection(root: Path, review: CollectionReview, outdir: Path,
                     executors: ExecutorFactory, setup: Setup, force: bool = False,
                     options: CleanOptions | None = None, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> list[Applied]:
    """Write every draft's redacted copy under ``outdir``, at the same relative path.

    Refused before anything is written when a draft changed or is missing since the
    review, or when a copy would land on a file this tool did not write (unless
    ``force``). Copies a stopped run finished are skipped. Results are in path order.
    """
    options = options or CleanOptions()
    root, outdir = root.resolve(), outdir.resolve()  # workers may run elsewhere than here
    check_output_folder(root, outdir)
    check_copy_names([entry.path for entry in review.documents])
    _check_unchanged(root, review)
    journal = Journal(outdir)
    guards = review.guards()
    context = _digest([asdict(g) for g in guards], asdict(options), setup.model, __version__)
    names = LeakSearch(Decisions("", "", guards))
    results, jobs = [], []
    for entry in review.documents:
        decisions = review.decisions_for(entry.path)
        key = _digest(context, entry.sha256, decisions.to_json())
        in_name = names.find(copy_name(entry.path), "file name")
        if in_name:  # rare: only then are the words this draft keeps or prints spared
            spared = Decisions("", "", narrowed_guards(guards, decisions))
            in_name = LeakSearch(spared).find(copy_name(entry.path), "file name")
        if in_name:  # the copy's name would print a withheld name: none is written
            results.append(Applied(entry.path, findings=tuple(in_name)))
        elif journal.finished(entry.path, key):
            results.append(Applied(entry.path, copy_name(entry.path), skipped=True))
        else:
            jobs.append(ApplyJob(str(root), entry.path, str(outdir), decisions,
                                 force or journal.exists(), options, key))
    _check_no_foreign_copies(outdir, jobs)
    journal.start()
    for job in jobs:
        job.out.parent.mkdir(parents=True, exist_ok=True)
    keys = {job.path: job.key for job in jobs}
    executor = executors(Setup(setup.model, setup.keep, setup.redact, guards))
    with closing(_run(executor, apply_one, jobs, progress, cancelled)) as applied_files:
        for applied in applied_files:
            if applied.copy:
                data = (outdir / applied.copy).read_bytes()
                journal.record(Done(applied.path, keys[applied.path], applied.copy,
                                    hashlib.sha256(data).hexdigest(), applied.clean))
            results.append(applied)
    return sorted(results, key=lambda applied: applied.path)


def _run(executor: Executor, task: Task, jobs: list, progress: Progress | None,
         cancelled: IsCancelled | None) -> Iterator:
    """Each job's result as its file finishes; progress is reported once the caller has
    taken the result (and, when applying, recorded it). The executor is always closed."""
    try:
        for done, result in enumerate(executor.map(task, jobs), 1):
            yield result
            if progress is not None:
                progress(done, len(jobs), result.path)
            if cancelled is not None and cancelled():
                raise Cancelled(f"cancelled after {done} of {len(jobs)} files")
    finally:
        executor.close()


def _check_unchanged(root: Path, review: CollectionReview) -> None:
    """Refuse at once, naming them, drafts that changed or vanished since detection."""
    stale = []
    for entry in review.documents:
        try:
            data = read_bytes(root / entry.path)
        except RedactorError:
            stale.append(f"{entry.path} (missing)")
            continue
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            stale.append(entry.path)
    if stale:
        shown = ", ".join(stale[:10]) + (f" and {len(stale) - 10} more" if len(stale) > 10 else "")
        raise StaleReview(f"{len(stale)} draft(s) changed since the review was made: {shown}; "
                          "detect them again; nothing was written")


def _check_no_foreign_copies(outdir: Path, jobs: list[ApplyJob]) -> None:
    existing = [job.path for job in jobs if not job.force and job.out.exists()]
    if existing:
        raise RedactorError(f"{outdir.name}: already holds {len(existing)} file(s) a copy would "
                            f"replace (first: {existing[0]}); use --force to replace them")


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()
