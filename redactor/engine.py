"""The engine's public API, driven alike by the command line and the desktop app.

``Engine`` holds the one slow resource, the loaded spaCy pipeline inside Presidio's
analyzer, and everything that needs it: detection, and the second reading of every copy
before it is called clean (``Engine.save``, ``Engine.verify``). Progress and
cancellation are plain callables, so the engine never knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from redactor.check import Reading, read_copy, unfinished_path
from redactor.decisions import Decisions, check_document, save_decisions
from redactor.decisions import Person
from redactor.detection import IsCancelled, Progress, build_analyzer, chunks, detect
from redactor.documents import Document, parse_document, read_bytes, read_document, redacted_bytes
from redactor.errors import OutputExists, RedactorError, UnreadableDocument
from redactor.formats import CleanOptions, format_for_suffix
from redactor.grouping import Candidate, group
from redactor.leaks import Finding
from redactor.nlp import DEFAULT_MODEL
from redactor.redaction import plan_edits
from redactor.suggestions import suggest
from redactor.writing import write_atomic

Partial = Callable[[list[Person]], None]
# With a ``partial`` callback the draft is read in waves of whole chunks, the first one
# small, so the first persons show within a chunk's time.
FIRST_WAVE_CHARS = 1
WAVE_CHARS = 100_000


class Engine:
    """Detection with a pipeline loaded once and reused for every document."""

    def __init__(self, model: str = DEFAULT_MODEL, keep: Iterable[str] = (),
                 redact: Iterable[str] = ()) -> None:
        self.model = model
        self.keep = list(keep)
        self.redact = list(redact)
        self._analyzer: AnalyzerEngine | None = None

    def load(self) -> AnalyzerEngine:
        """Load the spaCy pipeline (seconds); later calls reuse it."""
        if self._analyzer is None:
            self._analyzer = build_analyzer(self.model)
        return self._analyzer

    def analyze(self, document: Document, progress: Progress | None = None,
                cancelled: IsCancelled | None = None, partial: Partial | None = None) -> Decisions:
        """Every person in the document, with suggestions, none of them reviewed yet.

        ``partial``, if given, is called with the persons found so far each time a wave of
        the draft has been read (not after the last): the app shows them while the rest is
        read. The result is the same as without it.
        """
        if partial is None:
            candidates, _ = self._find(document, progress, cancelled)
        else:
            candidates = self._find_in_waves(document, progress, cancelled, partial)
        persons = suggest(document.text, candidates, self.keep, self.redact)
        return Decisions(str(document.path), document.sha256, persons)

    def _find_in_waves(self, document: Document, progress: Progress | None,
                       cancelled: IsCancelled | None, partial: Partial) -> list[Candidate]:
        """``_find`` wave by wave: each wave is whole chunks, so detection reads the same
        pieces it would read in one go, and its hits are shifted back into the whole text."""
        text = document.text
        fields = [(s.start, s.end) for s in document.sections if s.label != "Body"]
        hits, places = [], []
        for start, end in _waves(text):
            def wave_progress(fraction: float, start: int = start, end: int = end) -> None:
                if progress is not None:
                    progress((start + fraction * (end - start)) / len(text))
            inside = [(max(a, start) - start, min(b, end) - start) for a, b in fields
                      if a < end and start < b]
            found = detect(self.load(), text[start:end], wave_progress, cancelled, inside)
            hits += [replace(h, start=h.start + start, end=h.end + start) for h in found.hits]
            places += [(a + start, b + start) for a, b in found.places]
            if end < len(text):
                candidates = group(text, sorted(hits, key=lambda h: (h.start, -h.end)), places)
                partial(suggest(text, candidates, self.keep, self.redact))
        return group(text, sorted(hits, key=lambda h: (h.start, -h.end)), places)

    def read(self, document: Document) -> Reading:
        """Every name detection reads in ``document`` (a copy), and where it reads places."""
        candidates, places = self._find(document)
        return Reading([m for c in candidates for m in c.mentions], places)

    def _find(self, document: Document, progress: Progress | None = None,
              cancelled: IsCancelled | None = None) -> tuple[list[Candidate], list[tuple[int, int]]]:
        fields = [(s.start, s.end) for s in document.sections if s.label != "Body"]
        found = detect(self.load(), document.text, progress, cancelled, fields)
        return group(document.text, found.hits, found.places), found.places

    def save(self, document: Document, decisions: Decisions, out: str | Path, force: bool = False,
             options: CleanOptions | None = None) -> SavedCopy:
        """Apply the review and read the copy a second time before it is written.

        A clean copy is written atomically under ``out``. A copy with findings is never
        written there: it goes beside it, named as unfinished (``unfinished_path``), so it
        cannot pass for a finished copy.
        """
        check_document(document, decisions)
        out = Path(out)
        if document.kind == "rtf" and format_for_suffix(out.suffix) is not None:
            # Its copy is plain text: a .rtf or .docx name would promise formatting it lacks.
            raise RedactorError(f"an RTF draft is saved as plain text: use a .txt name, "
                                f"not {out.name}")
        if out.exists() and not force:
            raise OutputExists(f"{out.name}: already exists (use --force to replace it)")
        rebuilt = redacted_bytes(document, plan_edits(document.text, decisions),
                                 options or CleanOptions())
        findings = self.check(rebuilt.data, out, decisions)
        target = out if not findings else unfinished_path(out)
        write_atomic(target, rebuilt.data, force=force or target != out, protect=document.path)
        if target == out:
            unfinished_path(out).unlink(missing_ok=True)  # an earlier attempt's leaking copy
        return SavedCopy(target, out, rebuilt.encoding or document.encoding, findings,
                         rebuilt.cleaned)

    def check(self, data: bytes, path: str | Path, decisions: Decisions) -> list[Finding]:
        """Every finding in a copy's bytes (``path`` names it in messages): the second reading."""
        try:
            copy = parse_document(Path(path), data, any_suffix=True)
        except UnreadableDocument:
            if data.strip():
                raise
            return []  # every name removed and nothing else: an empty copy hides nothing
        return read_copy(copy, data, decisions, self.read)

    def verify(self, path: str | Path, decisions: Decisions) -> list[Finding]:
        """The second reading of a copy already on disk."""
        path = Path(path)
        return self.check(read_bytes(path), path, decisions)


def _waves(text: str) -> Iterator[tuple[int, int]]:
    """Consecutive stretches of whole detection chunks: one chunk first, then ~WAVE_CHARS."""
    start = end = 0
    limit = FIRST_WAVE_CHARS
    for offset, piece in chunks(text):
        end = offset + len(piece)
        if end - start >= limit:
            yield start, end
            start, limit = end, WAVE_CHARS
    if start < end:
        yield start, end


@dataclass(frozen=True)
class SavedCopy:
    """What saving a redacted copy did: where it went (``path``, which is ``requested`` only
    when the copy is clean), the encoding used, the second reading's findings, and what was
    cleaned besides the names (comments, tracked changes, author fields)."""

    path: Path
    requested: Path
    encoding: str
    findings: list[Finding]
    cleaned: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        """True when the second reading found nothing: only then is the copy under its name."""
        return not self.findings


__all__ = ["Engine", "SavedCopy", "check_document", "read_document", "save_decisions"]
