"""The engine's public API, driven alike by the command line and the desktop app.

``Engine`` holds the one slow resource, the loaded spaCy pipeline inside Presidio's
analyzer, and everything that needs it: detection, and the second reading of every copy
before it is called clean (``Engine.save``, ``Engine.verify``). Progress and
cancellation are plain callables, so the engine never knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from redactor.check import Reading, read_copy, unfinished_path
from redactor.decisions import Decisions, check_document, save_decisions
from redactor.decisions import Person
from redactor.details import add_details
from redactor.detection import Found, IsCancelled, Progress, build_analyzer, detect
from redactor.documents import Document, parse_document, read_bytes, read_document, redacted_bytes
from redactor.errors import OutputExists, RedactorError, UnreadableDocument
from redactor.formats import CleanOptions, format_for_suffix
from redactor.grouping import Candidate, group
from redactor.leaks import Finding
from redactor.markup import add_markup_mentions, compounds, hidden_spans, markup_spans, masked
from redactor.nlp import DEFAULT_MODEL
from redactor.recognizers.contacts import DetailHit, markup_details
from redactor.redaction import plan_edits
from redactor.facts import TextFacts
from redactor.suggestions import suggest
from redactor.visible import VisibleText
from redactor.writing import write_atomic

Partial = Callable[[list[Person]], None]
# Invented: a name in a frame, a label in capitals, a phone number, an address, a handle.
WARM_UP = ("KYIV, Ukraine (AP) — A protester named Asel, 24, told AP that Olena Marchenko, a nurse, "
           "was detained on Sunday. Call +380 44 123 4567 or write to press@example.org; "
           "@olena_m on Telegram.\n\nNELSON: Thank you.\n")


class Engine:
    """Detection with a pipeline loaded once and reused for every document."""

    def __init__(self, model: str = DEFAULT_MODEL, keep: Iterable[str] = (),
                 redact: Iterable[str] = ()) -> None:
        self.model = model
        self.keep = list(keep)
        self.redact = list(redact)
        self._analyzer: AnalyzerEngine | None = None

    def load(self) -> AnalyzerEngine:
        """Load the spaCy pipeline (seconds) and read a short draft of our own once; later
        calls reuse it.

        Presidio compiles its recognizers' patterns, and the phone-number library loads its
        metadata, on first use: a fifth of a second that would fall on the editor's first
        draft. Loading is where the app already waits (off the GUI thread), so it is paid
        there.
        """
        if self._analyzer is None:
            self._analyzer = build_analyzer(self.model)
            self.analyze(Document(Path("warm-up.txt"), WARM_UP, "utf-8", b"", ""))
        return self._analyzer

    def analyze(self, document: Document, progress: Progress | None = None,
                cancelled: IsCancelled | None = None, partial: Partial | None = None) -> Decisions:
        """Every person in the document, with suggestions, none of them reviewed yet.

        ``partial``, if given, is called with the persons found so far each time a wave of
        the draft has been read (not after the last): the app shows them while the rest is
        read. The result is the same as without it.
        """
        candidates, _, details = self._find(document, progress, cancelled, partial)
        persons = suggest(document.text, candidates, self.keep, self.redact)
        lone = add_details(document.text, persons, details)
        return Decisions(str(document.path), document.sha256, persons, details=lone)

    def read(self, document: Document) -> Reading:
        """Every name detection reads in ``document`` (a copy), in both tiers, and what else
        the model read there."""
        candidates, facts, _ = self._find(document)
        return Reading([m for c in candidates for m in c.mentions], facts)

    def _find(self, document: Document, progress: Progress | None = None,
              cancelled: IsCancelled | None = None, partial: Partial | None = None,
              ) -> tuple[list[Candidate], TextFacts, list[DetailHit]]:
        """Persons, the facts read around them and the contact details, at the draft's offsets."""
        hidden = hidden_spans(document.sections)  # markup: never read as sentences
        fields = [(s.start, s.end) for s in document.sections if s.label != "Body" and not s.kind]
        text = masked(document.text, hidden)
        visible = VisibleText.of(text)  # "Zhu\u200bnusova" is read as "Zhunusova"
        if visible is not None:
            text, fields = visible.text, [(visible.at(s), visible.at(e)) for s, e in fields]

        def on_wave(found: Found) -> None:
            candidates, _ = _candidates(document, text, visible, found)
            partial(suggest(document.text, candidates, self.keep, self.redact))

        found = detect(self.load(), text, progress, cancelled, fields,
                       on_wave if partial is not None else None)
        details = _restored(found.details, visible) + markup_details(self.load(), document.text, hidden)
        return *_candidates(document, text, visible, found), sorted(details, key=lambda hit: hit.start)

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
        findings = self.check(rebuilt.data, out, decisions, document.text)
        target = out if not findings else unfinished_path(out)
        write_atomic(target, rebuilt.data, force=force or target != out, protect=document.path)
        if target == out:
            unfinished_path(out).unlink(missing_ok=True)  # an earlier attempt's leaking copy
        return SavedCopy(target, out, rebuilt.encoding or document.encoding, findings,
                         rebuilt.cleaned)

    def check(self, data: bytes, path: str | Path, decisions: Decisions,
              original: str | None = None) -> list[Finding]:
        """Every finding in a copy's bytes (``path`` names it in messages): the second reading.
        ``original`` is the draft's text, when the caller has it at hand."""
        try:
            copy = parse_document(Path(path), data, any_suffix=True)
        except UnreadableDocument:
            if data.strip():
                raise
            return []  # every name removed and nothing else: an empty copy hides nothing
        return read_copy(copy, data, decisions, self.read, original)

    def verify(self, path: str | Path, decisions: Decisions) -> list[Finding]:
        """The second reading of a copy already on disk."""
        path = Path(path)
        return self.check(read_bytes(path), path, decisions)


def _candidates(document: Document, text: str, visible: VisibleText | None,
                found: Found) -> tuple[list[Candidate], TextFacts]:
    """The persons in what detection found in ``text`` (the draft as the model read it),
    put back into the draft's own offsets, with the names written into other words or
    into markup: "#FreeZhunusova", "/author/zhunusova"."""
    candidates, facts = group(text, found.hits, found.facts), found.facts
    if visible is not None:
        facts = visible.restore(candidates, facts, document.text)
    add_markup_mentions(document.text, markup_spans(document.sections), candidates)
    add_markup_mentions(document.text, compounds(document.text), candidates, whole_words=True)
    return candidates, facts


def _restored(hits: Iterable[DetailHit], visible: VisibleText | None) -> list[DetailHit]:
    """Contact details at the draft's own offsets (hidden characters inside them included)."""
    if visible is None:
        return list(hits)
    return [replace(hit, start=span[0], end=span[1])
            for hit in hits for span in [visible.span(hit.start, hit.end)]]


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
