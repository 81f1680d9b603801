"""The main window: the draft on the left, the persons on the right, files and review in menus.

The window only wires things together. Reading and analysing run in ``AnalysisController``'s
worker, the preview and the redacted copy in ``TaskWorker`` threads, decisions live in
``ReviewModel``. Every engine error reaches the editor as a dialog; no review is dropped
without asking.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import (QInputDialog, QLabel, QMainWindow, QSplitter, QVBoxLayout,
                               QWidget)

from redactor.decisions import Decisions, check_document, load_decisions, save_decisions
from redactor.documents import Document, read_document
from redactor.errors import RedactorError
from ui import autosave, dialogs, file_types, lazy_engine
from ui.actions import Actions
from ui.analysis import AnalysisController
from ui.document_view import DocumentView
from ui.engine_process import EngineProcess
from ui.highlight import state_label
from ui.legend import Legend
from ui.person_panel import PersonPanel
from ui.person_table import action_labels
from ui.preview import marked_preview
from ui.progress_panel import ProgressPanel
from ui.redact_dialog import RedactSelectionDialog
from ui.review_model import ReviewModel, Span, mention_state, with_preferences
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.worker import Threads, TaskWorker

PREVIEW_DELAY_MS = 250


class MainWindow(QMainWindow):
    """One draft under review at a time."""

    reviewReady = Signal()      # a review is shown (analysis finished or review reopened)
    previewReady = Signal()     # the preview text is shown
    exportFinished = Signal()   # the redacted copy was written (or writing failed)

    def __init__(self, settings: Settings | None = None, engine: Any = None,
                 in_process: bool = False, autosave_folder: Path | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.document: Document | None = None
        self.review: ReviewModel | None = None
        self.review_path: Path | None = None
        self._restored_unsaved = False  # the review came from an autosave, not from a file
        self._closing = False
        self._preview_generation = 0
        self._exporting = False
        self._scroll_on_select = True
        self._shown: Document | None = None  # the draft whose original text the view shows
        self.headless = False

        def make_engine(model: str) -> Any:
            if engine is not None:
                return engine
            if in_process:
                return lazy_engine.new_engine(model, [], [])
            return EngineProcess(model)

        self.analysis = AnalysisController(make_engine, self.settings.model, self)
        self.tasks = Threads(self)
        self.autosaver = autosave.Autosaver(autosave_folder or autosave.default_folder(),
                                            self.tasks, self)
        self.undo_group = QUndoGroup(self)
        self.actions = Actions(self, self.undo_group)
        self._build()
        self._connect()
        self._update_actions()
        self._update_title()

    # ----- construction -----

    def _build(self) -> None:
        self.view = DocumentView()
        self.view.selection_action = self.actions.redact_selection
        self.view.tooltip_for = self._tooltip_for
        self.view.has_override = self._has_override
        self.view.setPlaceholderText(self.tr(
            "Open a draft (Ctrl+O) or drop a text, Word, OpenDocument, HTML or RTF file here. "
            "Nothing leaves this computer."))
        self.panel = PersonPanel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view)
        left_layout.addWidget(Legend())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 540])
        self.setCentralWidget(splitter)
        self.place_label = QLabel()
        self.place_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.place_label)
        self.progress = ProgressPanel()
        self.statusBar().addPermanentWidget(self.progress)
        self.actions.build_menus(self)
        self.actions.bind_keys(self.panel.table, self.view)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._start_preview)

    def _connect(self) -> None:
        a = self.actions
        a.open.triggered.connect(lambda: self.open_draft())
        a.open_review.triggered.connect(lambda: self.open_review())
        a.save_review.triggered.connect(self.save_review)
        a.save_review_as.triggered.connect(self.save_review_as)
        a.export.triggered.connect(self.export)
        a.settings.triggered.connect(self.edit_settings)
        a.quit.triggered.connect(self.close)
        a.redact_selection.triggered.connect(self.redact_selection)
        a.accept.triggered.connect(self.accept_current)
        a.keep.triggered.connect(self.keep_current)
        a.next.triggered.connect(lambda: self.panel.step(True))
        a.previous.triggered.connect(lambda: self.panel.step(False))
        a.edit_replacement.triggered.connect(self.panel.edit_replacement)
        a.accept_all.triggered.connect(self.accept_all)
        a.preview.toggled.connect(self.set_preview)
        self.undo_group.cleanChanged.connect(
            lambda clean: self.setWindowModified(not clean or self._restored_unsaved))
        self.analysis.status.connect(self.progress.set_status)
        self.analysis.progress.connect(self.progress.set_fraction)
        self.analysis.loaded.connect(self._on_loaded)
        self.analysis.finished.connect(self._on_analysed)
        self.analysis.failed.connect(self._on_failed)
        self.analysis.cancelled.connect(self._on_cancelled)
        self.analysis.busyChanged.connect(self._on_busy)
        self.progress.cancelRequested.connect(self.analysis.cancel)
        self.autosaver.failed.connect(self._autosave_failed)
        self.panel.currentPersonChanged.connect(self._on_person_selected)
        self.view.personClicked.connect(self._on_mention_clicked)
        self.view.keepMentionRequested.connect(self.keep_mention)
        self.view.replaceMentionRequested.connect(self.replace_mention)
        self.view.followPersonRequested.connect(
            lambda pid, index: self.review and self.review.set_mention_replacement(pid, index, None))
        self.view.cursorPositionChanged.connect(self._update_place)
        self.view.selectionChanged.connect(self._update_place)

    # ----- state shown -----

    def show_error(self, message: str) -> None:
        """An engine or file error as a dialog (on stderr when headless, as for --screenshot)."""
        if self.headless:
            print(f"redactor-gui: {message}", file=sys.stderr)
        else:
            dialogs.show_error(self, message)

    def _update_title(self) -> None:
        name = self.document.path.name if self.document else self.tr("No draft")
        self.setWindowTitle(self.tr("{name}[*] — Redactor").format(name=name))

    def _update_actions(self) -> None:
        a = self.actions
        has_review = self.review is not None
        for action in (a.save_review, a.save_review_as, a.accept, a.keep, a.next, a.previous,
                       a.edit_replacement, a.preview):
            action.setEnabled(has_review)
        a.accept_all.setEnabled(has_review and self.review.unreviewed_count() > 0)
        a.redact_selection.setEnabled(has_review and not a.preview.isChecked())
        ready = has_review and self.review.all_reviewed() and not self._exporting
        a.export.setEnabled(ready)
        a.export.setToolTip(self.tr("Save the redacted copy") if ready else
                            self.tr("Review every person first (or accept all remaining suggestions)"))

    def _on_busy(self, busy: bool) -> None:
        self.progress.set_busy(busy)
        self._update_actions()

    # ----- opening drafts -----

    def has_unsaved_decisions(self) -> bool:
        """Decisions not in any review file: edits since the last save, or a restored autosave."""
        return self.review is not None and (not self.review.undo_stack.isClean()
                                            or self._restored_unsaved)

    def _may_discard(self, what: str) -> bool:
        """Ask before unsaved decisions are replaced; True when it is fine to go on.

        True means the editor saved or discarded them: their autosave is removed.
        """
        if self.has_unsaved_decisions():
            answer = dialogs.ask_unsaved(self, what)
            if answer == "save":
                if not self.save_review():
                    return False
            elif answer != "discard":
                return False
        self.autosaver.discard()
        return True

    def _ask_open_path(self, title: str, name_filter: str) -> str:
        """A file chosen by the editor, starting in the open draft's folder ("" if cancelled)."""
        folder = str(self.document.path.parent) if self.document else ""
        return dialogs.choose_open_path(self, title, folder, name_filter) or ""

    def open_draft(self, path: str | Path | None = None) -> None:
        """Read and analyse a draft; the window stays usable while the engine works."""
        path = path or self._ask_open_path(self.tr("Open Draft"), dialogs.draft_filter())
        if not path:
            return
        if not self._may_discard(self.tr("opening another draft")):
            return
        self.progress.set_busy(True)
        self.analysis.open(Path(path).absolute(), self.settings.keep_names,
                           self.settings.redact_names)

    def preload(self) -> None:
        """Load the pipeline in the background so the first draft is analysed sooner."""
        self.analysis.open(None)

    def _on_loaded(self, document: Document) -> None:
        self._install(None, document)
        self._look_for_autosave(document)

    def _show_original(self) -> None:
        """The draft's own text with the mentions highlighted (set once per draft: 1 MB is slow)."""
        assert self.document is not None
        spans = self.review.spans() if self.review is not None else []
        if self._shown is self.document:
            self.view.set_spans(spans)
        else:
            self.view.show_text(self.document.text, spans)
            self._shown = self.document
        self._update_place()

    def _on_analysed(self, decisions: Decisions) -> None:
        if self.document is None:
            return
        persons = with_preferences(decisions.persons, self.settings.private_action,
                                   self.settings.placeholder)
        review = ReviewModel(self.document, Decisions(decisions.document_path,
                                                      decisions.document_sha256, persons),
                             self.settings.placeholder, self.settings.private_action, self)
        self._install(review, self.document)
        count = len(review.persons)
        self.statusBar().showMessage(self.tr("%n person(s) found.", "", count), 5000)

    def _on_failed(self, message: str) -> None:
        self._update_actions()
        self.show_error(message)

    def _on_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Analysis cancelled."), 5000)

    def _install(self, review: ReviewModel | None, document: Document,
                 review_path: Path | None = None) -> None:
        """Show ``document`` with ``review`` (None while it is being analysed)."""
        old = self.review
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.changed.disconnect(self._on_review_changed)
        self.document = document
        self.review = review
        self.review_path = review_path
        self._restored_unsaved = False
        self.autosaver.track(review, document.path)
        self.actions.preview.blockSignals(True)
        self.actions.preview.setChecked(False)
        self.actions.preview.blockSignals(False)
        self._preview_generation += 1
        self.panel.set_review(review)
        self._show_original()
        if review is not None:
            self.undo_group.addStack(review.undo_stack)
            self.undo_group.setActiveStack(review.undo_stack)
            review.changed.connect(self._on_review_changed)
            if self.panel.step(True) is None and review.persons:
                self.panel.select_person(review.persons[0].id)
        self.setWindowModified(False)
        self._update_title()
        self._update_actions()
        if old is not None:
            old.deleteLater()
        if review is not None:
            self.reviewReady.emit()

    def _on_review_changed(self) -> None:
        if self.review is None:
            return
        if self.actions.preview.isChecked():
            self._preview_timer.start()
        else:
            self.view.set_spans(self.review.spans())
        self._update_actions()

    # ----- reviewing -----

    def current_person(self) -> str | None:
        return self.panel.current_person_id()

    def accept_current(self) -> None:
        person_id = self.current_person()
        if self.review is None:
            return
        if person_id is None:
            self.panel.step(True)
            return
        self.review.accept(person_id)
        self.panel.step(True)

    def keep_current(self) -> None:
        person_id = self.current_person()
        if self.review is None or person_id is None:
            return
        self.review.keep(person_id)
        self.panel.step(True)

    def accept_all(self) -> None:
        if self.review is None:
            return
        count = self.review.unreviewed_count()
        if count and dialogs.confirm_accept_all(self, count):
            self.review.accept_all()

    def _on_person_selected(self, person_id: str) -> None:
        self.view.set_current_person(person_id)
        if not self._scroll_on_select:
            return
        spans = [s for s in self.view.spans() if s.person_id == person_id]
        if spans:
            self.view.scroll_to(spans[0].start)

    def _on_mention_clicked(self, person_id: str) -> None:
        self._scroll_on_select = False
        try:
            self.panel.select_person(person_id)
        finally:
            self._scroll_on_select = True

    def _tooltip_for(self, span: Span) -> str:
        try:
            person = self.review.person(span.person_id)
            mention = person.mentions[span.mention]
        except (AttributeError, KeyError, IndexError):
            return ""
        replacement = lazy_engine.mention_replacement(person, mention)
        action = action_labels().get(person.action, person.action)
        lines = [person.name, state_label(mention_state(person, mention))]
        place = self.document.place(mention.start) if self.document is not None else ""
        if place:
            lines.insert(1, self.tr("in {place}").format(place=place))
        if replacement != mention.text:
            lines.append(self.tr("{action}: “{text}”").format(action=action, text=replacement))
        if mention.replacement is not None:
            lines.append(self.tr("this mention has its own decision"))
        if mention.variant:
            lines.append(self.tr("a spelling variant: check it is the same person"))
        return "\n".join(lines)

    def _update_place(self) -> None:
        """Where in the file the cursor is ("Place: Footnote 2"); only over the original text."""
        place = ""
        if self.document is not None and self._shown is self.document:
            place = self.document.place(self.view.cursor_offset())
        self.place_label.setText(self.tr("Place: {place}").format(place=place) if place else "")
        self.place_label.setVisible(bool(place))

    def _has_override(self, span: Span) -> bool:
        try:
            return self.review.person(span.person_id).mentions[span.mention].replacement is not None
        except (AttributeError, KeyError, IndexError):
            return False

    def keep_mention(self, person_id: str, index: int) -> None:
        if self.review is not None:
            mention = self.review.person(person_id).mentions[index]
            self.review.set_mention_replacement(person_id, index, mention.text)

    def replace_mention(self, person_id: str, index: int) -> None:
        if self.review is None:
            return
        person = self.review.person(person_id)
        mention = person.mentions[index]
        current = lazy_engine.mention_replacement(person, mention)
        text, ok = QInputDialog.getText(
            self, self.tr("Replace this mention"),
            self.tr("Replace “{text}” here with:").format(text=mention.text), text=current)
        if ok:
            self.review.set_mention_replacement(person_id, index, text)

    def redact_selection(self) -> None:
        """Add a name the detector missed, and optionally its other occurrences."""
        if self.review is None or self.actions.preview.isChecked():
            return
        selected = self.view.selected_range()
        if selected is None:
            self.statusBar().showMessage(self.tr("Select the name to redact first."), 5000)
            return
        start, end = selected
        others = [o for o in self.review.occurrences(start, end)
                  if not self.review.spans_overlapping(*o)]
        dialog = RedactSelectionDialog(self.document.text[start:end],
                                       [(p.id, p.name) for p in self.review.persons],
                                       len(others), self.settings.private_action, self)
        if dialog.exec() != RedactSelectionDialog.DialogCode.Accepted:
            return
        spans = [selected, *(others if dialog.also_others() else [])]
        person_id = self.review.add_mentions(spans, dialog.person_id(), dialog.name(),
                                             dialog.action())
        self.panel.select_person(person_id)

    # ----- preview -----

    def set_preview(self, on: bool) -> None:
        if self.review is None or self.document is None:
            return
        self._update_actions()
        if on:
            self._start_preview()
        else:
            self._preview_generation += 1
            self._shown = None
            self._show_original()

    def _start_preview(self) -> None:
        if self.review is None or not self.actions.preview.isChecked():
            return
        self._preview_generation += 1
        generation = self._preview_generation
        self.statusBar().showMessage(self.tr("Preparing the preview…"))
        worker = TaskWorker(marked_preview, self.document.text, self.review.snapshot())
        worker.tag = generation
        # Bound slots, not lambdas: a lambda would run in the worker's thread.
        worker.finished.connect(self._show_preview)
        worker.failed.connect(self._preview_failed)
        self.tasks.start(worker)

    def _sender_tag(self) -> Any:
        return getattr(self.sender(), "tag", None)

    @Slot(object)
    def _show_preview(self, result: tuple[str, list]) -> None:
        if self._sender_tag() != self._preview_generation or self.review is None:
            return
        text, marks = result
        spans = []
        for start, end, person_id, index in marks:
            try:
                person = self.review.person(person_id)
                state = mention_state(person, person.mentions[index])
            except (KeyError, IndexError):
                continue
            spans.append(Span(start, end, person_id, index, state))
        self.view.show_text(text, spans)
        self._shown = None
        self._update_place()
        self.statusBar().clearMessage()
        self.previewReady.emit()

    @Slot(str)
    def _preview_failed(self, message: str) -> None:
        if self._sender_tag() == self._preview_generation:
            self.actions.preview.setChecked(False)
            self.show_error(message)

    # ----- files -----

    def export(self) -> None:
        """Write the redacted copy beside the original, then show the leak check."""
        if self.review is None or self.document is None or not self.review.all_reviewed():
            return
        original = self.document.path
        copy_kind = file_types.copy_kind(self.document.kind)
        plain_text = copy_kind != self.document.kind  # an RTF draft: its copy is plain text
        suffix = ".txt" if plain_text else original.suffix
        default = original.with_name(f"{original.stem}.redacted{suffix}")
        caption = (self.tr("Save Redacted Copy as Plain Text") if plain_text
                   else self.tr("Save Redacted Copy"))
        path = dialogs.choose_save_path(self, caption, str(default),
                                        file_types.kind_filter(copy_kind))
        if not path:
            return
        if Path(path).absolute() == original.absolute() or (
                Path(path).exists() and Path(path).resolve() == original.resolve()):
            self.show_error(self.tr("The redacted copy cannot replace the original "
                                             "draft; choose another name."))
            return
        keep_comments = None  # plain text: nothing to clean but the names
        if self.document.kind != "text":
            keep_comments = dialogs.ask_keep_comments(self, Path(path).name, plain_text)
            if keep_comments is None:
                return
        self._exporting = True
        self._update_actions()
        names = {p.id: p.name for p in self.review.persons}
        encoding = self.document.encoding
        worker = TaskWorker(lazy_engine.save_redacted, self.analysis.engine, self.document,
                            self.review.snapshot(), path, True, keep_comments)
        worker.tag = (encoding, names)
        worker.finished.connect(self._exported)
        worker.failed.connect(self._export_failed)
        self.statusBar().showMessage(self.tr("Saving the redacted copy…"))
        self.tasks.start(worker)

    @Slot(object)
    def _exported(self, saved: Any) -> None:
        encoding, names = self._sender_tag()
        self._exporting = False
        self._update_actions()
        self.statusBar().showMessage(self.tr("Saved {name}.").format(name=saved.path.name), 5000)
        dialogs.show_saved_copy(self, saved, encoding, names)
        self.exportFinished.emit()

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        self._exporting = False
        self._update_actions()
        self.statusBar().clearMessage()
        self.show_error(message)
        self.exportFinished.emit()

    def save_review(self) -> bool:
        """Save the decisions where they were last saved, or ask where; True once written."""
        if self.review is None:
            return False
        if self.review_path is None:
            return self.save_review_as()
        return self._write_review(self.review_path)

    def save_review_as(self) -> bool:
        if self.review is None or self.document is None:
            return False
        original = self.document.path
        default = self.review_path or original.with_name(f"{original.stem}.review.json")
        path = dialogs.choose_save_path(self, dialogs.review_caption(), str(default),
                                        dialogs.review_filter())
        return bool(path) and self._write_review(Path(path))

    def _write_review(self, path: Path) -> bool:
        assert self.review is not None and self.document is not None
        decisions = self.review.snapshot()
        decisions.document_path = str(self.document.path.absolute())
        try:
            save_decisions(decisions, path, force=True)
        except (RedactorError, OSError) as error:
            self.show_error(str(error))
            return False
        self.review_path = path
        self._restored_unsaved = False
        self.review.undo_stack.setClean()
        self.setWindowModified(False)
        self.statusBar().showMessage(self.tr(
            "Saved the review as {name}. It contains the original names: keep it private.")
            .format(name=path.name), 8000)
        return True

    def open_review(self, path: str | Path | None = None) -> bool:
        """Reopen a saved review with its draft; the draft must be the very same file."""
        path = path or self._ask_open_path(self.tr("Open Review"), dialogs.review_filter())
        if not path:
            return False
        if not self._may_discard(self.tr("opening another review")):
            return False
        path = Path(path)
        try:
            decisions = load_decisions(path)
            document_path = self._find_document(path, decisions.document_path)
            if document_path is None:
                return False
            document = read_document(document_path)
            check_document(document, decisions)
        except RedactorError as error:
            self.show_error(str(error))
            return False
        self.analysis.abandon()
        review = ReviewModel(document, decisions, self.settings.placeholder,
                             self.settings.private_action, self)
        self._install(review, document, path)
        self._look_for_autosave(document)
        return True

    # ----- autosave -----

    def _look_for_autosave(self, document: Document) -> None:
        """Read the draft's autosave, if any, in a worker; ``_offer_restore`` gets it."""
        worker = TaskWorker(autosave.find, self.autosaver.folder, document)
        worker.tag = document
        worker.finished.connect(self._offer_restore)
        worker.failed.connect(self._autosave_unreadable)
        self.tasks.start(worker)

    @Slot(object)
    def _offer_restore(self, decisions: Decisions | None) -> None:
        document = self._sender_tag()
        if (decisions is None or document is not self.document or self.has_unsaved_decisions()
                or self._closing or self.headless):
            return
        if self.review is not None and decisions.persons == self.review.persons:
            return  # the review shown is the autosaved one (saved just before a crash)
        if not dialogs.ask_restore(self, document.path.name, str(self.autosaver.folder)):
            return
        if document is not self.document or self.has_unsaved_decisions():
            return  # something else happened while the question was open
        self.analysis.abandon()
        review = ReviewModel(document, decisions, self.settings.placeholder,
                             self.settings.private_action, self)
        self._install(review, document, self.review_path)
        self._restored_unsaved = True
        self.setWindowModified(True)
        count = len(review.persons)
        self.statusBar().showMessage(
            self.tr("Restored the autosaved review (%n person(s)).", "", count), 5000)

    @Slot(str)
    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {reason}").format(reason=message),
                                     10_000)

    @Slot(str)
    def _autosave_unreadable(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("The autosaved review could not be read."), 5000)

    def _find_document(self, review_path: Path, recorded: str) -> Path | None:
        """The draft a review was made for: where it was, beside the review, or where the editor says."""
        recorded_path = Path(recorded)
        if not recorded_path.is_absolute():
            recorded_path = review_path.parent / recorded_path
        for candidate in (recorded_path, review_path.parent / recorded_path.name):
            if candidate.is_file():
                return candidate
        chosen = dialogs.choose_open_path(
            self, self.tr("Where is {name}?").format(name=recorded_path.name),
            str(review_path.parent), dialogs.draft_filter())
        return Path(chosen) if chosen else None

    def edit_settings(self) -> None:
        try:
            pipelines = lazy_engine.installed_pipelines()
        except Exception:  # noqa: BLE001 - the list is a convenience
            pipelines = []
        dialog = SettingsDialog(self.settings, pipelines, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.analysis.use_model(self.settings.model)
            if self.review is not None:
                self.review.placeholder = self.settings.placeholder
                self.review.new_person_action = self.settings.private_action

    # ----- window events -----

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The dropped file if it is a draft or a review the app opens, else None."""
        urls = event.mimeData().urls()
        if not urls or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if file_types.is_draft(path) or file_types.is_review(path) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop returns: a dialog inside a drop handler blocks the drag source.
        if file_types.is_review(path):
            QTimer.singleShot(0, lambda: self.open_review(path))
        else:
            QTimer.singleShot(0, lambda: self.open_draft(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard(self.tr("closing")):
            event.ignore()
            return
        self._closing = True
        self._preview_generation += 1
        self.analysis.shutdown()
        self.tasks.wait_all()
        self.autosaver.close()  # a write under way has ended: its file goes too
        event.accept()
