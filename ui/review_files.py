"""Saving and reopening reviews, and offering back an autosaved one.

A review file holds the original names, so saving says so, and nothing is dropped without
asking. A review made for an earlier version of its draft is not refused: the editor may
carry its decisions over to the draft as it is now.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from redactor.decisions import Decisions, check_document, load_decisions, save_decisions
from redactor.documents import read_document
from redactor.errors import DecisionsError, RedactorError
from ui import autosave, dialogs
from ui.collection_text import is_collection, is_collection_file
from ui.review_model import ReviewModel
from ui.worker import TaskWorker

if TYPE_CHECKING:
    from ui.session import Session


class ReviewFiles(QObject):
    """Review files and autosaves for the session's draft."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.window = session.window

    def ask_open_path(self, title: str, name_filter: str) -> str:
        """A file chosen by the editor, starting in the open draft's folder ("" if cancelled)."""
        document = self.session.document
        folder = str(document.path.parent) if document else ""
        return dialogs.choose_open_path(self.window, title, folder, name_filter) or ""

    def may_discard(self, what: str) -> bool:
        """Ask before unsaved decisions are replaced; True when it is fine to go on.

        True means the editor saved or discarded them: their autosave is removed.
        """
        if self.session.has_unsaved_decisions():
            answer = dialogs.ask_unsaved(self.window, what)
            if answer == "save":
                if not self.save_review():
                    return False
            elif answer != "discard":
                return False
        self.window.autosaver.discard()
        return True

    # ----- saving -----

    def save_review(self) -> bool:
        """Save the decisions where they were last saved, or ask where; True once written."""
        if self.session.review is None:
            return False
        if self.session.review_path is None:
            return self.save_review_as()
        return self._write(self.session.review_path)

    def save_review_as(self) -> bool:
        session = self.session
        if session.review is None or session.document is None:
            return False
        original = session.document.path
        default = session.review_path or original.with_name(f"{original.stem}.review.json")
        path = dialogs.choose_save_path(self.window, dialogs.review_caption(), str(default),
                                        dialogs.review_filter())
        return bool(path) and self._write(Path(path))

    def _write(self, path: Path) -> bool:
        session = self.session
        assert session.review is not None and session.document is not None
        decisions = session.review.snapshot()
        decisions.document_path = str(session.document.path.absolute())
        try:
            if is_collection(session.document):  # the format 'redactor apply DIR' reads
                self.window.collection.save(path)
            else:
                save_decisions(decisions, path, force=True)
        except (RedactorError, OSError) as error:
            self.window.show_error(str(error))
            return False
        session.review_path = path
        session.restored_unsaved = False
        session.review.undo_stack.setClean()
        self.window.setWindowModified(False)
        self.window.statusBar().showMessage(self.window.tr(
            "Saved the review as {name}. It contains the original names: keep it private.")
            .format(name=path.name), 8000)
        return True

    # ----- reopening -----

    def open_review(self, path: str | Path | None = None) -> bool:
        """Reopen a saved review with its draft; a review of an earlier version of the draft
        is carried over to the draft as it is, if the editor agrees."""
        window = self.window
        path = path or self.ask_open_path(window.tr("Open Review"), dialogs.review_filter())
        if not path or not self.may_discard(window.tr("opening another review")):
            return False
        path = Path(path)
        if is_collection_file(path):
            return self.window.collection.open_review(path)
        try:
            decisions = load_decisions(path)
            document_path = self._find_document(path, decisions.document_path)
            if document_path is None:
                return False
            document = read_document(document_path)
            check_document(document, decisions)
        except DecisionsError as error:
            if "sha256" in str(error) and dialogs.ask_carry_over(window, document_path.name):
                window.analysis.abandon()
                self.session.carry_review(decisions, document_path.absolute(), path)
                return True
            window.show_error(str(error))
            return False
        except RedactorError as error:
            window.show_error(str(error))
            return False
        window.analysis.abandon()
        self.session.install(self.session.model_for(document, decisions), document, path)
        self.look_for_autosave(document)
        return True

    def _find_document(self, review_path: Path, recorded: str) -> Path | None:
        """The draft a review was made for: where it was, beside the review, or where the editor says."""
        recorded_path = Path(recorded)
        if not recorded_path.is_absolute():
            recorded_path = review_path.parent / recorded_path
        for candidate in (recorded_path, review_path.parent / recorded_path.name):
            if candidate.is_file():
                return candidate
        chosen = dialogs.choose_open_path(
            self.window, self.window.tr("Where is {name}?").format(name=recorded_path.name),
            str(review_path.parent), dialogs.draft_filter())
        return Path(chosen) if chosen else None

    # ----- autosave -----

    def look_for_autosave(self, document: object) -> None:
        """Read the draft's autosave, if any, in a worker; ``_offer_restore`` gets it."""
        worker = TaskWorker(autosave.find, self.window.autosaver.folder, document)
        worker.tag = document
        worker.finished.connect(self._offer_restore)
        worker.failed.connect(self._autosave_unreadable)
        self.window.tasks.start(worker)

    @Slot(object)
    def _offer_restore(self, decisions: Decisions | None) -> None:
        document = getattr(self.sender(), "tag", None)
        session, window = self.session, self.window
        if (decisions is None or document is not session.document
                or session.has_unsaved_decisions() or window.closing or window.headless):
            return
        if session.review is not None and decisions.persons == session.review.persons:
            return  # the review shown is the autosaved one (saved just before a crash)
        if not dialogs.ask_restore(window, document.path.name, str(window.autosaver.folder)):
            return
        if document is not session.document or session.has_unsaved_decisions():
            return  # something else happened while the question was open
        window.analysis.abandon()
        review = ReviewModel(document, decisions, window.settings.placeholder,
                             window.settings.private_action)
        session.install(review, document, session.review_path, modified=True)
        count = len(review.persons)
        window.statusBar().showMessage(
            window.tr("Restored the autosaved review (%n person(s)).", "", count), 5000)

    @Slot(str)
    def _autosave_unreadable(self, message: str) -> None:
        self.window.statusBar().showMessage(self.window.tr("The autosaved review could not be read."),
                                            5000)
