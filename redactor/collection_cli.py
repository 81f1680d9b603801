"""``redactor detect DIR`` and ``redactor apply DIR``: the command line over a collection.

``detect`` loads the pipeline once per worker, detects every draft and writes one review
listing each person once; ``apply`` writes every redacted copy under the output folder and
reads each a second time. ``--workers N`` runs N processes on this computer; ``--ray
ADDRESS`` (or ``--ray local``) runs the same tasks on Ray. A progress bar shows on a
terminal. Exit codes are the single-file ones: 0 every copy clean, 1 a copy is not clean,
2 a file could not be read or written, 3 refused (unreviewed persons, changed drafts).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from redactor.batch import Applied, Detection, Progress, apply_collection, detect_collection
from redactor.collection import CollectionReview, load_collection, save_collection
from redactor.errors import OutputExists, RedactorError
from redactor.executors import ExecutorFactory, Setup, local_executors
from redactor.folders import Listing, list_collection
from redactor.formats import CleanOptions

EXIT_OK, EXIT_LEAKS, EXIT_ERROR, EXIT_REFUSED = 0, 1, 2, 3
# Below this many drafts one process is quicker: each worker spends seconds loading spaCy.
FILES_PER_WORKER = 4


def is_collection_input(paths: Sequence[str]) -> bool:
    """Several drafts, or a folder: a collection rather than one draft."""
    return len(paths) > 1 or Path(paths[0]).is_dir()


def add_options(command: argparse.ArgumentParser) -> None:
    """The options a command takes when given a folder or several drafts."""
    command.add_argument("--workers", type=int, metavar="N", help="for a folder: worker "
                         "processes, each with its own pipeline (default: one per core, "
                         f"one for fewer than {2 * FILES_PER_WORKER} drafts)")
    command.add_argument("--ray", metavar="ADDRESS", help="for a folder: run on a Ray cluster "
                         "at ADDRESS, or 'local' (needs pip install 'redactor[cluster]')")


def detect(args: argparse.Namespace) -> int:
    """Detect a collection and write its review; unreadable drafts are listed, not fatal."""
    listing = list_collection(args.path)
    if args.output:  # refused now, not after minutes of detection
        output = Path(args.output)
        if output.resolve() in {listing.root / f for f in listing.files}:
            raise RedactorError(f"{output.name}: refusing to write the review over a draft")
        if output.exists() and not args.force:
            raise OutputExists(f"{output.name}: already exists (use --force to replace it)")
    for path in listing.skipped:
        print(f"redactor: {path}: skipped (not a type Redactor reads)", file=sys.stderr)
    setup = Setup(args.model, tuple(args.keep), tuple(args.redact))
    with ProgressBar("detect", len(listing.files)) as progress:
        detection = detect_collection(listing, _executors(args, len(listing.files)), setup, progress)
    for failure in detection.failures:
        print(f"redactor: {failure.reason}", file=sys.stderr)
    if args.output:
        save_collection(detection.review, args.output, force=args.force)
    if args.json:
        sys.stdout.write(detection.review.dumps())
    elif not args.output or sys.stdout.isatty():
        print(format_collection_table(detection.review))
    return _detect_code(detection, listing)


def _detect_code(detection: Detection, listing: Listing) -> int:
    if detection.failures:
        print(f"redactor: {len(detection.failures)} of {len(listing.files)} drafts could not be "
              "read and are not in the review", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def format_collection_table(review: CollectionReview) -> str:
    """One row per person across the collection, with how many files name them."""
    rows = [("id", "name", "role", "action", "replacement", "files", "mentions")]
    for shared in review.persons:
        p = shared.person
        rows.append((p.id, p.name, p.role, p.action, p.replacement if p.action != "keep" else "",
                     str(len(shared.files)), str(shared.mention_count())))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if not review.persons:
        lines.append("(no persons found)")
    lines.append(f"({len(review.persons)} persons in {len(review.documents)} drafts)")
    lines += _details_summary(review)
    return "\n".join(lines)


def _details_summary(review: CollectionReview) -> list[str]:
    """Per draft, how many details of each kind it holds (each is listed in the review file)."""
    lines = []
    for entry in review.documents:
        details = review.details.get(entry.path, []) + [
            d for shared in review.persons for d in shared.details.get(entry.path, [])]
        kinds = Counter(d.kind for d in details)
        if kinds:
            lines.append(f"  {entry.path}: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    if not lines:
        return []
    return ["details (contact details removed by default, identifying ones flagged):", *lines]


def apply(args: argparse.Namespace, refused: type[RedactorError]) -> int:
    """Write every copy of a collection; ``refused`` is the command line's exit-3 error."""
    review = load_collection(args.decisions)
    unreviewed = review.unreviewed()
    if unreviewed and not args.accept_suggestions:
        raise refused(f"{len(unreviewed)} person(s) not reviewed yet (first: {unreviewed[0].id}); "
                      "review them or pass --accept-suggestions")
    root = _listing(args.path, review).root
    try:
        with ProgressBar("apply", len(review.documents)) as progress:
            results = apply_collection(root, review, Path(args.output),
                                       _executors(args, len(review.documents)), Setup(args.model),
                                       force=args.force,
                                       options=CleanOptions(keep_comments=args.keep_comments),
                                       progress=progress)
    except KeyboardInterrupt:
        raise Interrupted("interrupted; the copies finished so far are kept: run the same "
                          "command again to do the rest") from None
    return _report(Path(args.output), results)


class Interrupted(RedactorError):
    """Ctrl+C during ``apply``: unlike a single draft, some copies are already written."""

    exit_code = 130


def _listing(paths: Sequence[str], review: CollectionReview) -> Listing:
    """The drafts as ``detect`` found them (their root is what the review's paths are
    relative to); drafts added since are named: they get no copy."""
    if len(paths) == 1 and not Path(paths[0]).is_dir():
        raise RedactorError(f"{Path(paths[0]).name}: a collection review applies to the "
                            "folder it was made for")
    listing = list_collection(paths)
    reviewed = {entry.path for entry in review.documents}
    for path in listing.files:
        if path not in reviewed:
            print(f"redactor: {path}: not in the review (added since detect?); no copy is "
                  "written", file=sys.stderr)
    return listing


def _report(outdir: Path, results: list[Applied]) -> int:
    """A line per copy, then a summary; the exit code says whether every copy is clean."""
    from redactor.cli import _describe, _where

    for applied in results:
        where = str(outdir / (applied.copy or applied.path))
        if applied.error:
            print(f"redactor: {applied.error}", file=sys.stderr)
        elif not applied.copy:
            print(f"redactor: {applied.path}: no copy written: its file name holds a withheld "
                  "name; rename the draft and detect it again", file=sys.stderr)
        elif applied.clean:
            print(f"{'kept' if applied.skipped else 'wrote'} {where}"
                  + (" (done by an earlier run)" if applied.skipped else ""))
        for finding in applied.findings:
            print(f"{_where(where, finding)}: {_describe(finding)}")
    failed = [a for a in results if a.error]
    unclean = [a for a in results if not a.error and not a.clean]
    print(f"redactor: {len(results) - len(failed) - len(unclean)} of {len(results)} copies clean"
          + (f"; {len(unclean)} not clean (see the UNFINISHED copies)" if unclean else "")
          + (f"; {len(failed)} failed" if failed else ""), file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_LEAKS if unclean else EXIT_OK


def _executors(args: argparse.Namespace, files: int) -> ExecutorFactory:
    if args.workers is not None and args.workers < 1:
        raise RedactorError("--workers must be 1 or more")
    if args.ray:
        from redactor.cluster import ray_executors

        return ray_executors(args.ray, args.workers)
    return local_executors(args.workers or auto_workers(files))


def auto_workers(files: int) -> int:
    """One worker per core, but one per few drafts at most: a worker costs a pipeline load."""
    return max(1, min(os.cpu_count() or 1, files // FILES_PER_WORKER))


class ProgressBar:
    """A progress bar on standard error when it is a terminal, as a ``Progress`` callable."""

    def __init__(self, what: str, total: int) -> None:
        self._bar = tqdm(total=total, desc=what, unit="draft", file=sys.stderr, disable=None,
                         leave=False)

    def __enter__(self) -> Progress:
        return lambda done, total, path: self._bar.update(done - self._bar.n)

    def __exit__(self, *exc: object) -> None:
        self._bar.close()
