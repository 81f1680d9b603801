"""Saving the redacted copy, checking it without saving, and the redaction log.

Both the copy and the check go through the engine (in its child process by default), which
reads the copy a second time before calling it clean; the findings fill the Findings panel,
mapped back to the draft through the same planned edits. Saving is refused with a reason,
never silently: the editor is told what is missing and taken to the first person to review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from redactor.decisions import Decisions
from redactor.errors import RedactorError
from redactor.plan import plan_edits
from redactor.redaction_log import log_entries, render
from redactor.writing import write_atomic
from ui import dialogs, file_types
from ui.collection_text import is_collection
from ui.findings import arrange
from ui.lazy_engine import clean_options
from ui.worker import TaskWorker

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ExportController(QObject):
    """The copy, the check and the log for the window's review."""

    exportFinished = Signal()  # the copy was written (or writing failed)
    checkFinished = Signal()   # a check without saving has filled the Findings panel

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        self._waiting: TaskWorker | None = None  # a save or check waiting for the engine
        window.analysis.idle.connect(self.engine_idle)

    def ready_reason(self) -> str:
        """Why the copy cannot be saved now, in a sentence; "" when it can."""
        window, session = self.window, self.window.session
        review = session.review
        if review is None:
            return window.tr("Open a draft first.")
        if self.busy:
            return window.tr("A copy is being saved or checked.")
        if session.is_stale():
            return window.tr("The draft changed on disk: its new version is being analysed.")
        if session.provisional or window.analysis.is_busy():
            return window.tr("The draft is still being analysed.")
        left, possible = review.unreviewed_count(), len(review.possible_left())
        if possible:
            return window.tr("%n person(s) still to review, {possible} of them possible names (N "
                             "goes to the next; Ctrl+Shift+D dismisses the possible names).", "",
                             left).format(possible=possible)
        if left:
            return window.tr("%n person(s) still to review (N goes to the next; "
                             "Ctrl+Shift+Enter accepts all remaining suggestions).", "", left)
        return ""

    # ----- the copy -----

    def export(self) -> None:
        """Write the redacted copy beside the original, then show the second reading."""
        window, session = self.window, self.window.session
        reason = self.ready_reason()
        if reason:
            window.statusBar().showMessage(window.tr("Cannot save the copy yet: {reason}")
                                           .format(reason=reason), 8000)
            if session.review is not None and session.review.unreviewed_count():
                window.panel.step(True)
            return
        document = session.document
        assert document is not None and session.review is not None
        if is_collection(document):
            window.collection.export()
            return
        path = self._ask_copy_path()
        if not path:
            return
        keep_comments = None  # plain text: nothing to clean but the names
        if document.kind != "text":
            keep_comments = dialogs.ask_keep_comments(
                window, Path(path).name, file_types.copy_kind(document.kind) != document.kind)
            if keep_comments is None:
                return
        decisions = session.review.snapshot()
        self.run(window.tr("Saving the redacted copy…"), self._exported, self._failed,
                 window.analysis.engine.save, document, decisions, path, True,
                 clean_options(keep_comments), tag=(decisions, document))

    def _ask_copy_path(self) -> str:
        window = self.window
        original = window.session.document.path
        copy_kind = file_types.copy_kind(window.session.document.kind)
        plain_text = copy_kind != window.session.document.kind  # an RTF draft: plain-text copy
        suffix = ".txt" if plain_text else original.suffix
        default = original.with_name(f"{original.stem}.redacted{suffix}")
        caption = (window.tr("Save Redacted Copy as Plain Text") if plain_text
                   else window.tr("Save Redacted Copy"))
        path = dialogs.choose_save_path(window, caption, str(default), file_types.kind_filter(copy_kind))
        if path and (Path(path).absolute() == original.absolute() or (
                Path(path).exists() and Path(path).resolve() == original.resolve())):
            window.show_error(window.tr("The redacted copy cannot replace the original draft; "
                                        "choose another name."))
            return ""
        return path

    def check(self) -> None:
        """The second reading of the copy as the review stands, without writing it."""
        window, session = self.window, self.window.session
        if session.review is None or is_collection(session.document) or self.busy \
                or window.analysis.is_busy():
            window.statusBar().showMessage(window.tr("Cannot check the copy yet: {reason}").format(
                reason=self.ready_reason() or window.tr("the draft is still being analysed.")), 8000)
            return
        decisions = session.review.snapshot()
        options = clean_options(False) if session.document.kind != "text" else None
        self.run(window.tr("Reading the copy a second time…"), self._checked, self._failed,
                 window.analysis.engine.check, session.document, decisions, options,
                 tag=(decisions, session.document))

    def run(self, message: str, done: Any, failed: Any, function: Any, *args: Any,
            tag: Any = None) -> None:
        """Run ``function`` in a worker once the engine is free (an analysis cancelled a
        moment ago may still be stopping: the engine takes one job at a time)."""
        self.busy = True
        self.window.update_actions()
        worker = TaskWorker(function, *args)
        worker.tag = tag
        worker.finished.connect(done)  # bound slots: they run in the GUI thread
        worker.failed.connect(failed)
        self.window.statusBar().showMessage(message)
        self._waiting = worker
        if self.window.analysis.is_running():
            return  # ``engine_idle`` starts it
        self.engine_idle()

    @Slot()
    def engine_idle(self) -> None:
        worker, self._waiting = self._waiting, None
        if worker is not None:
            self.window.tasks.start(worker)

    def finish(self) -> None:
        """The worker ``run`` started has its result: the engine and the commands are free."""
        self.busy = False
        self.window.update_actions()
        self.window.statusBar().clearMessage()

    @Slot(object)
    def _exported(self, result: tuple[Any, str]) -> None:
        decisions, document = self.sender().tag
        self.finish()
        saved, copy_text = result
        self._show_findings(saved.findings, copy_text, decisions, document, saved.path.name)
        self.window.statusBar().showMessage(self.window.tr("Saved {name}.").format(name=saved.path.name),
                                            5000)
        dialogs.show_saved_copy(self.window, saved, document.encoding)
        self.exportFinished.emit()

    @Slot(object)
    def _checked(self, result: tuple[list[Any], str]) -> None:
        decisions, document = self.sender().tag
        self.finish()
        findings, copy_text = result
        self._show_findings(findings, copy_text, decisions, document, "")
        self.checkFinished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.finish()
        self.window.show_error(message)
        self.exportFinished.emit()

    def _show_findings(self, findings: list[Any], copy_text: str, decisions: Decisions,
                       document: Any, name: str) -> None:
        window = self.window
        names = {p.id: p.name for p in decisions.persons}
        rows = arrange(findings, copy_text, plan_edits(document.text, decisions), document.text, names)
        what = window.tr("the saved copy {name}").format(name=name) if name else window.tr("the copy")
        if findings:
            summary = window.tr("Second reading of {what}: %n finding(s). It is not clean.", "",
                                len(findings)).format(what=what)
        else:
            summary = window.tr("Second reading of {what}: no withheld name, no name the review "
                                "does not keep, no name word beside a replacement.").format(what=what)
        window.findings.show_rows(rows, summary)
        window.show_findings()

    # ----- the log -----

    def export_log(self) -> None:
        """Write the redaction log (CSV, or JSON by its name); names only if asked."""
        window, session = self.window, self.window.session
        if session.review is None or session.document is None:
            return
        if is_collection(session.document):
            window.statusBar().showMessage(window.tr("A folder's redaction log is not written "
                                                     "yet: open one draft for its log."), 8000)
            return
        names = window.findings.include_names()
        original = session.document.path
        default = original.with_name(f"{original.stem}.redaction-log.csv")
        path = dialogs.choose_save_path(window, window.tr("Export Redaction Log"), str(default),
                                        window.tr("Redaction logs (*.csv *.json)"))
        if not path:
            return
        document = session.document
        entries = log_entries(document.text, session.review.snapshot(), document.place, names)
        try:
            write_atomic(Path(path), render(entries, Path(path).suffix, names).encode("utf-8"),
                         force=True, private=names, protect=document.path)
        except (RedactorError, OSError) as error:
            window.show_error(str(error))
            return
        window.statusBar().showMessage(window.tr("Wrote the redaction log {name} (%n change(s)).", "",
                                                 len(entries)).format(name=Path(path).name), 8000)
