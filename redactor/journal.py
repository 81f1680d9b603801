"""What an apply run over a collection has finished, so a run stopped by a crash resumes.

The journal is a file in the output folder with one JSON line per finished copy, appended
and flushed to disk as each copy is written. On the next run a copy is skipped when the
journal says it was made clean from the same original, review and options (``key``) and
the copy on disk still has the bytes it was written with. A line cut short by a crash is
ignored, and its file is done again.

The output folder is the one that gets published, so the journal holds no name and no
hash of an original (which could confirm which copy of a leaked document a source had):
only relative paths, the hashes of the copies and a digest that cannot be recomputed
without the review.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from redactor.errors import RedactorError

JOURNAL_NAME = ".redactor-apply.jsonl"


@dataclass(frozen=True)
class Done:
    """One finished copy: the original's relative path, the digest of what the copy was
    made from, the copy's relative path in the output folder and its sha256."""

    path: str
    key: str
    copy: str
    sha256: str
    clean: bool


class Journal:
    """The record of finished copies in ``outdir``."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.path = outdir / JOURNAL_NAME
        self.done: dict[str, Done] = self._read()

    def exists(self) -> bool:
        """True once a run has started in this folder: its files are this tool's to replace."""
        return self.path.exists()

    def start(self) -> None:
        """Mark the folder as a run's output before the first copy is written."""
        try:
            self.outdir.mkdir(parents=True, exist_ok=True)
            self.path.touch()
        except OSError as error:
            raise RedactorError(f"{self.outdir.name}: cannot write there ({error.strerror})") from None

    def finished(self, path: str, key: str) -> Done | None:
        """The clean copy of ``path`` made from ``key``, if it is still on disk unchanged."""
        done = self.done.get(path)
        if done is None or done.key != key or not done.clean:
            return None
        try:
            data = (self.outdir / done.copy).read_bytes()
        except OSError:
            return None
        return done if hashlib.sha256(data).hexdigest() == done.sha256 else None

    def record(self, done: Done) -> None:
        """Append one finished copy, on disk before the next copy starts."""
        with open(self.path, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(asdict(done), ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        self.done[done.path] = done

    def _read(self) -> dict[str, Done]:
        done: dict[str, Done] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return done
        for line in lines:
            try:
                entry = Done(**json.loads(line))
            except (ValueError, TypeError):
                continue  # a line cut short by a crash: that file is done again
            done[entry.path] = entry
        return done
