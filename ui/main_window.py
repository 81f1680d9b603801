"""The main window: the draft on the left, the persons on the right, findings docked below.

The window builds the widgets and wires them to small controllers that do the work: the
``Session`` (which draft and review are open, analysis results, revisions), the
``ReviewController`` (review commands and repairs), the ``ExportController`` (the copy, the
check and the log), the ``PreviewController`` and the ``CollectionController`` (a folder of
drafts). Analysis runs in ``AnalysisController``'s worker (the engine in a child process by
default); every engine error reaches the editor as a dialog; no review is dropped without
asking.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSizePolicy, QSplitter

from redactor.documents import Document
from ui import autosave, dialogs, drops, file_types, lazy_engine
from ui import details_panel
from ui.actions import Actions
from ui.analysis import AnalysisController
from ui.collection_text import is_collection
from ui.collection_view import COLLECTION, CollectionController
from ui.draft_pane import DraftPane
from ui.engine_process import EngineProcess
from ui.export import ExportController
from ui.findings_panel import FindingsPanel
from ui.person_panel import PersonPanel
from ui.preview import PreviewController
from ui.progress_panel import ProgressPanel
from ui.review_model import ReviewModel, Span
from ui.reviewing import ReviewController
from ui.session import Session
from ui.settings import Settings
from ui.settings_dialog import edit_settings
from ui.worker import Threads

NARROW = 1000  # below this width the persons go under the draft, so their columns fit


class MainWindow(QMainWindow):
    """One draft under review at a time."""

    reviewReady = Signal()      # a review is shown (analysis finished or review reopened)
    previewReady = Signal()     # the preview text is shown
    exportFinished = Signal()   # the redacted copy was written (or writing failed)
    checkFinished = Signal()    # the copy was read a second time without being written
    revisionReady = Signal(object)  # a revised draft's review, carried over (``Carried``)

    def __init__(self, settings: Settings | None = None, engine: Any = None,
                 in_process: bool = False, autosave_folder: Path | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.headless = False
        self.closing = False
        self._clicked = False  # a mention was clicked: select its person without scrolling
        self._sized = False

        def make_engine(model: str) -> Any:
            if engine is not None:
                return lazy_engine.InProcessEngine.wrapping(engine)
            return lazy_engine.InProcessEngine(model) if in_process else EngineProcess(model)

        self.analysis = AnalysisController(make_engine, self.settings.model, self)
        self.tasks = Threads(self)
        self.autosaver = autosave.Autosaver(autosave_folder or autosave.default_folder(),
                                            self.tasks, self)
        self.undo_group = QUndoGroup(self)
        self.actions = Actions(self, self.undo_group)
        self._build()
        self.session = Session(self)
        self.draft.session = self.session
        self.reviewing = ReviewController(self)
        self.exporter = ExportController(self)
        self.previewer = PreviewController(self)
        self.collection = CollectionController(self)
        self._connect()
        self.update_actions()
        self._update_title()

    # ----- the open draft and review -----

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def review(self) -> ReviewModel | None:
        return self.session.review

    @property
    def review_path(self) -> Path | None:
        return self.session.review_path

    # ----- construction -----

    def _build(self) -> None:
        self.draft = DraftPane(self.actions)
        self.view = self.draft.view
        self.find_bar = self.draft.find_bar
        self.panel = PersonPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.draft)
        self.splitter.addWidget(self.panel)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.findings = FindingsPanel()
        self.findings_dock = QDockWidget(self.tr("Findings"), self)
        self.findings_dock.setObjectName("findings-dock")
        self.findings_dock.setWidget(self.findings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.findings_dock.hide()
        self.place_label = self.draft.place_label
        self.ready_label = QLabel()  # why the copy cannot be saved yet, always in view
        self.ready_label.setObjectName("ready")
        self.ready_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ready_label.setMinimumWidth(120)
        self.statusBar().addPermanentWidget(self.place_label)
        self.statusBar().addPermanentWidget(self.ready_label)
        self.progress = ProgressPanel()
        self.statusBar().addPermanentWidget(self.progress)
        self.actions.build_menus(self)
        self.actions.view_menu.addAction(self.findings_dock.toggleViewAction())
        self.actions.bind_keys(self.panel.table, self.view)
        self.panel.add_dismiss(self.actions.dismiss_possible)
        self.setAcceptDrops(True)
        self.resize(1280, 800)

    def _connect(self) -> None:
        a, r, e = self.actions, self.reviewing, self.exporter
        s = self.session
        for action, slot in (
                (a.open, lambda: s.open_draft()), (a.open_review, lambda: s.files.open_review()),
                (a.open_folder, lambda: self.collection.open_folder()),
                (a.next_file, lambda: self.draft.file_bar.step(True)),
                (a.previous_file, lambda: self.draft.file_bar.step(False)),
                (a.save_review, s.files.save_review), (a.save_review_as, s.files.save_review_as),
                (a.export, e.export), (a.check, e.check), (a.export_log, e.export_log),
                (a.settings, self.edit_settings), (a.quit, self.close),
                (a.find, self.find_bar.open_bar),
                (a.find_next, lambda: self.draft.find(self.find_bar.edit.text(), True)),
                (a.find_previous, lambda: self.draft.find(self.find_bar.edit.text(), False)),
                (a.redact_selection, r.redact_selection), (a.add_name, lambda: r.add_name()),
                (a.mark_outside, lambda: r.mark_outside(False)),
                (a.mark_to_end, lambda: r.mark_outside(True)), (a.unmark_region, r.unmark_region),
                (a.accept, r.accept_current), (a.keep, r.keep_current),
                (a.action_list, self.panel.open_action_list),
                (a.edit_replacement, self.panel.edit_replacement), (a.rename, r.rename),
                (a.merge, r.merge_or_move), (a.split, r.split),
                (a.next, lambda: self.panel.step(True)), (a.previous, lambda: self.panel.step(False)),
                (a.next_mention, lambda: r.step_mention(True)),
                (a.previous_mention, lambda: r.step_mention(False)),
                (a.accept_all, r.accept_all), (a.dismiss_possible, r.dismiss_possible),
                (a.next_pane, lambda: self._cycle_focus(1)),
                (a.previous_pane, lambda: self._cycle_focus(-1))):
            action.triggered.connect(slot)
        for name, action in a.set_action.items():
            action.triggered.connect(lambda _=False, name=name: r.set_action_current(name))
        a.preview.toggled.connect(self.previewer.toggle)
        self.undo_group.cleanChanged.connect(
            lambda clean: self.setWindowModified(not clean or s.restored_unsaved))
        self.analysis.status.connect(self.progress.set_status)
        self.analysis.progress.connect(self.progress.set_fraction)
        self.analysis.busyChanged.connect(self._on_busy)
        self.analysis.idle.connect(self.update_actions)
        self.progress.cancelRequested.connect(self.analysis.cancel)
        self.progress.againRequested.connect(
            lambda: self.collection.detect_again() if self.analysis.purpose == COLLECTION
            else s.reanalyse())
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(
            self.tr("Autosave failed: {reason}").format(reason=message), 10_000))
        s.reviewInstalled.connect(self.reviewReady)
        s.revisionCarried.connect(self.revisionReady)
        e.exportFinished.connect(self.exportFinished)
        e.checkFinished.connect(self.checkFinished)
        self.previewer.previewReady.connect(self.previewReady)
        self.panel.currentPersonChanged.connect(self._on_person_selected)
        self.panel.currentMentionChanged.connect(self._on_mention_selected)
        self.findings.jumpRequested.connect(self._jump_to)
        self.findings.exportLogRequested.connect(e.export_log)
        self.view.personClicked.connect(self._on_mention_clicked)
        self.view.keepMentionRequested.connect(r.keep_mention)
        self.view.replaceMentionRequested.connect(r.replace_mention)
        self.view.followPersonRequested.connect(r.follow_person)
        self.details = details_panel.install(self)  # a person's phone numbers, ages: ui/details_panel

    # ----- showing a review -----

    def show_review(self, old: ReviewModel | None, review: ReviewModel | None,
                    document: Document) -> None:
        """Show ``document`` with ``review`` (None while it is being analysed)."""
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.changed.disconnect(self._on_review_changed)
        self.autosaver.track(None if is_collection(document) else review, document.path)
        self.previewer.turn_off_quietly()
        self.panel.set_review(review)
        self.show_original()
        if review is not None:
            self.undo_group.addStack(review.undo_stack)
            self.undo_group.setActiveStack(review.undo_stack)
            review.changed.connect(self._on_review_changed)
            if self.panel.step(True) is None and review.persons:
                self.panel.select_person(review.persons[0].id)
        self.setWindowModified(self.session.restored_unsaved)
        self._update_title()
        self.update_actions()

    def show_original(self, again: bool = False) -> None:
        self.draft.preview_on = False
        self.draft.show_original(again)

    def show_preview_text(self, text: str, spans: list[Span]) -> None:
        self.draft.preview_on = True
        self.draft.show_preview(text, spans)

    def preview_on(self) -> bool:
        return self.actions.preview.isChecked()

    def _on_review_changed(self) -> None:
        if self.review is None:
            return
        if self.preview_on():
            self.previewer.review_changed()
        else:
            self.view.set_spans(self.review.spans())
            self.draft.show_regions()
        self.update_actions()

    def show_findings(self) -> None:
        if not self.findings_dock.isVisible():  # a third of the window, the draft stays in view
            self.findings_dock.show()
            QTimer.singleShot(0, lambda: self.resizeDocks([self.findings_dock], [self.height() // 3],
                                                          Qt.Orientation.Vertical))
        self.findings_dock.raise_()

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

    def update_actions(self) -> None:
        a = self.actions
        has_review = self.review is not None
        for action in a.review_actions:
            action.setEnabled(has_review)
        a.accept_all.setEnabled(has_review and self.review.unreviewed_count() > 0)
        a.dismiss_possible.setEnabled(has_review and bool(self.review.possible_left()))
        for action in (a.redact_selection, a.add_name, a.mark_outside, a.mark_to_end):
            action.setEnabled(has_review and not self.preview_on())
        folder = is_collection(self.document)
        for action in self.collection.unavailable() if folder else ():
            action.setEnabled(False)
        for action in (a.next_file, a.previous_file):
            action.setEnabled(folder)
        reason = self.exporter.ready_reason()
        a.export.setEnabled(has_review and not self.exporter.busy)
        a.export.setToolTip(reason or self.tr("Save the redacted copy"))
        self.ready_label.setText(reason if has_review else "")
        self.ready_label.setVisible(has_review)
        if has_review and not reason:
            self.ready_label.setText(self.tr("Every person reviewed: save the copy with Ctrl+E."))

    def _on_busy(self, busy: bool) -> None:
        self.progress.set_busy(busy)
        self.update_actions()

    def analysis_cancelled(self, has_document: bool) -> None:
        self.progress.show_cancelled(has_document)
        self.statusBar().showMessage(self.tr("Analysis cancelled."), 5000)
        self.update_actions()

    def revision_noticed(self, name: str) -> None:
        self.statusBar().showMessage(self.tr("{name} changed on disk: reading the new version…")
                                     .format(name=name))
        self.update_actions()

    # ----- selection and focus -----

    def current_person(self) -> str | None:
        return self.panel.current_person_id()

    def _on_person_selected(self, person_id: str) -> None:
        self.view.set_current_person(person_id)
        if self._clicked or self.review is None:
            return
        spans = [s for s in self.view.spans() if s.person_id == person_id]
        spans.sort(key=lambda span: not self.view.shows(span.start))  # this file's first
        if spans:
            self.view.scroll_to(spans[0].start)

    def _on_mention_selected(self, person_id: str, index: int) -> None:
        if self.review is not None and not self.preview_on():
            mention = self.review.person(person_id).mentions[index]
            self.view.select_range(mention.start, mention.end)
            self.view.centerCursor()

    def _on_mention_clicked(self, person_id: str) -> None:
        self._clicked = True
        try:
            self.panel.select_person(person_id)
        finally:
            self._clicked = False

    def _jump_to(self, start: int, end: int) -> None:
        """Show a finding's place in the draft (the original text, not the preview)."""
        if self.preview_on():
            self.actions.preview.setChecked(False)
        self.view.select_range(start, end)
        self.view.centerCursor()

    def _cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6: the draft, the persons, the findings (when shown), in turn."""
        panes = [self.view, self.panel.table] + ([self.findings.tree] if self.findings_dock.isVisible()
                                                 else [])
        current = next((i for i, w in enumerate(panes) if w.hasFocus()), -1)
        panes[(current + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _tooltip_for(self, span: Span) -> str:
        return self.draft.tooltip_for(span)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrow window puts the persons under the draft, so Action and Replacement fit."""
        super().resizeEvent(event)
        wanted = Qt.Orientation.Vertical if self.width() < NARROW else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted or not self._sized:
            self.splitter.setOrientation(wanted)
            total = self.splitter.height() if wanted == Qt.Orientation.Vertical else self.width()
            first = total // 2 if wanted == Qt.Orientation.Vertical else total * 46 // 100
            self.splitter.setSizes([first, total - first])
            self._sized = True

    # ----- commands kept on the window (the tests and the app call them) -----

    def open_draft(self, path: str | Path | None = None) -> None:
        self.session.open_draft(path)

    def open_review(self, path: str | Path | None = None) -> bool:
        return self.session.files.open_review(path)

    def save_review(self) -> bool:
        return self.session.files.save_review()

    def save_review_as(self) -> bool:
        return self.session.files.save_review_as()

    def export(self) -> None:
        self.exporter.export()

    def redact_selection(self) -> None:
        self.reviewing.redact_selection()

    def preload(self) -> None:
        self.session.preload()

    def has_unsaved_decisions(self) -> bool:
        return self.session.has_unsaved_decisions()

    def open_path(self, path: str | Path) -> None:
        """A draft, a review with its draft, or a folder of drafts, by what ``path`` is."""
        if Path(path).is_dir():
            self.collection.open_folder(path)
        elif file_types.is_review(path):
            self.open_review(path)
        else:
            self.open_draft(path)

    def edit_settings(self) -> None:
        if edit_settings(self.settings, self):
            self.analysis.use_model(self.settings.model)
            if self.review is not None:
                self.review.placeholder = self.settings.placeholder
                self.review.new_person_action = self.settings.private_action

    # ----- window events -----

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        drops.enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        drops.drop(self, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.files.may_discard(self.tr("closing")):
            event.ignore()
            return
        self.closing = True
        self.previewer.turn_off_quietly()
        self.analysis.shutdown()
        self.tasks.wait_all()
        self.autosaver.close()  # a write under way has ended: its file goes too
        event.accept()
