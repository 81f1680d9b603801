"""The draft under review and its review: opening, analysing, revisions of the draft.

The session decides what the window shows. A draft is read and shown at once; its persons
appear as the engine finds them (a provisional review the editor can already work on, whose
decisions carry over when the next batch arrives) and the final analysis replaces them. A
draft changed on disk is analysed again and the review carried over to it, with what is
new listed for review; a saved review made for an earlier version is carried over the same
way. Reading and writing review files and autosaves live in ``ui.review_files``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from redactor.decisions import Decisions, Person
from redactor.documents import Document
from redactor.revision import carry_over
from ui import dialogs
from ui.collection_text import is_collection
from ui.review_files import ReviewFiles
from ui.review_model import ReviewModel, with_preferences
from ui.revision_watch import RevisionWatch

if TYPE_CHECKING:
    from ui.main_window import MainWindow

DRAFT, REVISION, CARRY = "draft", "revision", "carry"  # why a draft is being analysed
PURPOSES = (DRAFT, REVISION, CARRY)
# Persons found so far are shown at once the first time, then at most this often: each
# showing rebuilds the list, and a long draft reports every few seconds.
PARTIAL_EVERY_S = 5.0


class Session(QObject):
    """One draft at a time, with its review (None while the first persons are awaited)."""

    reviewInstalled = Signal()    # a review is shown (analysis finished, review reopened)
    revisionCarried = Signal(object)  # a ``Carried``: the review moved to a revised draft

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: Document | None = None
        self.review: ReviewModel | None = None
        self.review_path: Path | None = None
        self.restored_unsaved = False  # the review came from an autosave, not from a file
        self.provisional = False  # persons found so far; the analysis is still reading
        self._partial_base: list[Person] = []  # the provisional persons as the engine gave them
        self._carry: Decisions | None = None  # a saved review waiting for its draft's analysis
        self._incoming: Document | None = None  # a revised draft read, its analysis running
        self._partial_shown = 0.0  # when persons found so far were last shown
        self.files = ReviewFiles(self)
        self.watch = RevisionWatch(self)
        self.watch.changed.connect(self._draft_changed)
        analysis = window.analysis
        analysis.loaded.connect(self._on_loaded)
        analysis.partial.connect(self._on_partial)
        analysis.finished.connect(self._on_analysed)
        analysis.failed.connect(self._on_failed)
        analysis.cancelled.connect(self._on_cancelled)

    @property
    def settings(self) -> Any:
        return self.window.settings

    # ----- opening -----

    def open_draft(self, path: str | Path | None = None) -> None:
        """Read and analyse a draft; the window stays usable while the engine works."""
        window = self.window
        path = path or self.files.ask_open_path(window.tr("Open Draft"), dialogs.draft_filter())
        if not path or not self.files.may_discard(window.tr("opening another draft")):
            return
        self._analyse(Path(path).absolute(), DRAFT)

    def reanalyse(self) -> None:
        """Analyse the open draft again (after a cancel), keeping any decisions made."""
        if self.document is not None:
            self._analyse(self.document.path, REVISION if self.review is not None else DRAFT)

    def _analyse(self, path: Path, purpose: str) -> None:
        self.window.progress.set_busy(True)
        self.window.analysis.open(path, self.settings.keep_names, self.settings.redact_names,
                                  purpose)

    def carry_review(self, decisions: Decisions, document_path: Path, review_path: Path) -> None:
        """Analyse ``document_path`` and carry a review made for an earlier version onto it."""
        self._carry = decisions
        self.review_path = review_path
        self._analyse(document_path, CARRY)

    def preload(self) -> None:
        """Load the pipeline in the background so the first draft is analysed sooner."""
        self.window.analysis.open(None)

    # ----- analysis results -----

    @Slot(object)
    def _on_loaded(self, document: Document) -> None:
        purpose = self.window.analysis.purpose
        self._incoming = document
        if purpose == DRAFT:
            self.install(None, document)
            self.files.look_for_autosave(document)
        elif purpose == CARRY:
            self.install(None, document, self.review_path)

    @Slot(object)
    def _on_partial(self, persons: list[Person]) -> None:
        if self.window.analysis.purpose != DRAFT or self.document is None:
            return
        if self.review is not None and not self.provisional:
            return
        if self.provisional and time.monotonic() - self._partial_shown < PARTIAL_EVERY_S:
            return
        self._partial_shown = time.monotonic()
        fresh = self.with_preferences(persons)
        decisions, touched = Decisions(str(self.document.path), self.document.sha256, fresh), False
        if self.review is not None:
            decisions, touched = self._keep_decisions(decisions)
        self._partial_base = fresh
        self.install(self.model_for(self.document, decisions), self.document, provisional=True,
                     modified=touched)

    @Slot(object)
    def _on_analysed(self, decisions: Decisions) -> None:
        purpose = self.window.analysis.purpose
        if purpose not in PURPOSES:
            return  # a folder's detection: ``ui.collection_view`` takes it
        fresh = Decisions(decisions.document_path, decisions.document_sha256,
                          self.with_preferences(decisions.persons), details=decisions.details)
        if purpose == DRAFT:
            if self.document is None:
                return
            touched = False
            if self.provisional and self.review is not None:
                fresh, touched = self._keep_decisions(fresh)
            self.install(self.model_for(self.document, fresh), self.document, self.review_path,
                         modified=touched)
            self.window.statusBar().showMessage(self.window.tr(
                "%n person(s) found.", "", len(fresh.persons)), 5000)
        else:
            self._carry_over(fresh, purpose)

    def with_preferences(self, persons: list[Person]) -> list[Person]:
        return with_preferences(persons, self.settings.private_action, self.settings.placeholder)

    def _keep_decisions(self, fresh: Decisions) -> tuple[Decisions, bool]:
        """The provisional review's decisions on a newer analysis of the same text, and
        whether the editor had made any (they are then not saved anywhere yet).

        Only persons the editor touched carry over; the rest take the newer suggestion,
        which has seen more of the draft.
        """
        assert self.review is not None and self.document is not None
        base = {id(p) for p in self._partial_base}
        touched = [p for p in self.review.persons if id(p) not in base]
        if not touched and not self.review.regions and not self.restored_unsaved:
            return fresh, False
        old = Decisions(fresh.document_path, fresh.document_sha256, touched, self.review.regions,
                        self.review.details)
        return carry_over(old, fresh, self.document.text, self.document.text).decisions, True

    def _carry_over(self, fresh: Decisions, purpose: str) -> None:
        """The open review (or a saved one) on a revised draft, and what is new listed."""
        document, self._incoming = self._incoming, None
        if purpose == CARRY:
            old, old_text, review_path = self._carry, None, self.review_path
            self._carry = None
        elif self.review is not None and self.document is not None:
            old, old_text, review_path = self.review.snapshot(), self.document.text, self.review_path
        else:
            return
        if old is None or document is None:
            return
        carried = carry_over(old, fresh, document.text, old_text)
        self.install(self.model_for(document, carried.decisions), document, review_path,
                     modified=True)
        self.window.panel.model.mark_new(carried.needs_review())
        self.window.statusBar().showMessage(self._carried_text(carried), 15_000)
        self.revisionCarried.emit(carried)

    def _carried_text(self, carried: Any) -> str:
        """What carrying the review over did, in a sentence for the status bar."""
        tr = self.window.tr
        parts = [tr("%n new person(s)", "", len(carried.new)),
                 tr("%n with new mentions", "", len(carried.changed))]
        if carried.gone:
            parts.append(tr("no longer in the draft: {names}").format(names=", ".join(carried.gone)))
        if carried.regions_lost:
            parts.append(tr("%n region(s) to mark again", "", carried.regions_lost))
        return tr("Review carried over to the new version: {what}.").format(what="; ".join(parts))

    def model_for(self, document: Document, decisions: Decisions) -> ReviewModel:
        return ReviewModel(document, decisions, self.settings.placeholder,
                           self.settings.private_action)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._carry = None
        self.window.show_error(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._carry = None
        if self.window.analysis.purpose in PURPOSES:
            self.window.analysis_cancelled(self.document is not None)

    # ----- the draft changing on disk -----

    @Slot()
    def _draft_changed(self) -> None:
        """The draft was saved again on disk: analyse the new version, carry the review over."""
        if self.document is None or self.review is None:
            return
        self.window.revision_noticed(self.document.path.name)
        self._analyse(self.document.path, REVISION)

    def is_stale(self) -> bool:
        """The draft on disk is not the one shown: export waits for the new version."""
        return self.watch.is_stale() or self.window.analysis.purpose == REVISION and \
            self.window.analysis.is_busy()

    # ----- showing -----

    def install(self, review: ReviewModel | None, document: Document,
                review_path: Path | None = None, provisional: bool = False,
                modified: bool = False) -> None:
        """Show ``document`` with ``review`` (None while it is being analysed)."""
        old = self.review
        self.document = document
        self.review = review
        self.review_path = review_path
        self.restored_unsaved = modified
        self.provisional = provisional
        self.watch.track(None if is_collection(document) else document)  # a folder: no file
        if not provisional:
            self._partial_base = []
        self.window.show_review(old, review, document)
        if old is not None:
            old.deleteLater()
        if review is not None and not provisional:
            self.reviewInstalled.emit()

    def has_unsaved_decisions(self) -> bool:
        """Decisions not in any review file: edits since the last save, or a restored autosave."""
        return self.review is not None and (not self.review.undo_stack.isClean()
                                            or self.restored_unsaved)
