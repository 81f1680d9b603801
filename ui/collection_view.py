"""A folder of drafts in the app: detected once, every person in one table, written as a whole.

The engine's collection code detects the folder (``ui.folder_jobs``, in the engine's
process, with progress and Cancel like one draft) and joins each person across the files;
``ui.collection_text`` lays the files end to end, so the review model, the persons tree and
the draft view (one file at a time, chosen in the file bar) work as for one draft. Saving
the review writes the engine's collection review (``redactor apply DIR --decisions`` reads
it); export writes every copy to an output folder with ``redactor.batch.apply_collection``,
each read a second time, and lists the findings of any copy that is not clean.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction

from redactor.decisions import Decisions
from redactor.errors import RedactorError
from redactor.plan import plan_edits
from ui import dialogs
from ui.collection_text import CollectionDocument, being_read, join, split
from ui.findings import Row, arrange
from ui.folder_jobs import FolderCopies, FolderDetection
from ui.lazy_engine import clean_options
from ui.worker import FolderWorker

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLLECTION = "collection"  # the analysis controller's purpose for a folder's detection


class CollectionController(QObject):
    """Opens a folder as one review and writes its copies."""

    progress = Signal(float)  # share of the copies written, from the engine's thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder: Path | None = None
        window.analysis.finished.connect(self._detected)
        window.analysis.cancelled.connect(self._cancelled)
        self.progress.connect(self._copies_progress)

    def document(self) -> CollectionDocument | None:
        document = self.window.session.document
        return document if isinstance(document, CollectionDocument) else None

    def unavailable(self) -> list[QAction]:
        """Commands for one draft that a folder does not have: its copy is checked as it is
        written; regions, the preview and the log are per draft."""
        a = self.window.actions
        return [a.check, a.preview, a.export_log, a.mark_outside, a.mark_to_end, a.unmark_region]

    # ----- detection -----

    def open_folder(self, folder: str | Path | None = None) -> None:
        """Detect every draft in a folder (and its subfolders) as one review."""
        window = self.window
        start = str(window.document.path.parent) if window.document is not None else ""
        folder = folder or dialogs.choose_folder(window, window.tr("Open Folder of Drafts"), start)
        if not folder or not window.session.files.may_discard(window.tr("opening a folder")):
            return
        self.folder = Path(folder).absolute()
        window.session.install(None, being_read(self.folder))
        self.detect_again()

    def detect_again(self) -> None:
        """Detect the folder again (after a cancel), from the start."""
        if self.folder is None:
            return
        window, folder, settings = self.window, self.folder, self.window.settings
        window.progress.set_busy(True)
        window.analysis.run(lambda engine: FolderWorker(engine, folder), settings.keep_names,
                            settings.redact_names, COLLECTION)

    @Slot(object)
    def _detected(self, found: FolderDetection) -> None:
        window = self.window
        if window.analysis.purpose != COLLECTION:
            return
        document, decisions = join(found.root, found.review, found.documents)
        decisions.persons = window.session.with_preferences(decisions.persons)
        window.session.install(window.session.model_for(document, decisions), document)
        message = window.tr("%n person(s) found in {files} draft(s).", "", len(decisions.persons))
        if found.skipped:
            message += " " + window.tr("%n file(s) of other types passed over.", "",
                                       len(found.skipped))
        window.statusBar().showMessage(message.format(files=len(document.parts)), 10_000)
        if found.failures:  # unreadable drafts: not in the review, no copy
            dialogs.show_left_out(window, [reason for _, reason in found.failures])

    @Slot()
    def _cancelled(self) -> None:
        if self.window.analysis.purpose == COLLECTION:
            self.window.analysis_cancelled(True)

    # ----- the review file -----

    def save(self, path: Path) -> None:
        """Write the review as the engine's collection review (it holds the original names)."""
        from redactor.collection import save_collection

        document, review = self.document(), self.window.review
        assert document is not None and review is not None
        save_collection(split(document, review.snapshot()), path, force=True)

    def open_review(self, path: Path) -> bool:
        """Reopen a saved folder review with the folder's drafts, refused (naming them) if
        any changed since: the review's offsets are those of the drafts it was made on."""
        from redactor.collection import load_collection
        from redactor.documents import read_document

        window = self.window
        folder = path.with_name(path.name.removesuffix(".json").removesuffix(".review"))
        if not folder.is_dir():
            chosen = dialogs.choose_folder(window, window.tr("Where are the drafts of {name}?")
                                           .format(name=path.name), str(path.parent))
            if not chosen:
                return False
            folder = Path(chosen)
        try:
            review = load_collection(path)
            documents = {e.path: read_document(folder / e.path) for e in review.documents}
        except RedactorError as error:
            window.show_error(str(error))
            return False
        stale = [e.path for e in review.documents if documents[e.path].sha256 != e.sha256]
        if stale:
            window.show_error(window.tr("{count} draft(s) changed since the review was made: "
                                        "{names}; open the folder again to detect them")
                              .format(count=len(stale), names=", ".join(stale[:10])))
            return False
        self.folder = folder.absolute()
        document, decisions = join(self.folder, review, documents)
        window.analysis.abandon()
        window.session.install(window.session.model_for(document, decisions), document, path)
        return True

    # ----- the copies -----

    def export(self) -> None:
        """Write every copy to a folder the editor chooses, each read a second time."""
        window, document, review = self.window, self.document(), self.window.review
        if document is None or review is None:
            return
        outdir = dialogs.choose_folder(window, window.tr("Save the Redacted Copies in"),
                                       str(document.path.parent))
        if not outdir:
            return
        options = None
        if document.kind != "text":
            keep = dialogs.ask_keep_comments(window, Path(outdir).name, folder=True)
            if keep is None:
                return
            options = clean_options(keep)
        decisions = review.snapshot()
        window.exporter.run(window.tr("Writing the redacted copies…"), self._written,
                            self._failed, window.analysis.engine.apply_folder, document.path,
                            split(document, decisions), Path(outdir), options,
                            self.progress.emit, tag=(decisions, document))

    @Slot(float)
    def _copies_progress(self, fraction: float) -> None:
        self.window.statusBar().showMessage(self.window.tr("Writing the redacted copies… {done}%")
                                            .format(done=round(fraction * 100)))

    @Slot(object)
    def _written(self, copies: FolderCopies) -> None:
        window = self.window
        decisions, document = self.sender().tag
        window.exporter.finish()
        clean = [a.path for a in copies.applied if a.clean]
        unclean = [window.tr("{path} ({count} finding(s)): {copy}").format(
            path=a.path, count=len(a.findings), copy=a.copy) for a in copies.applied
            if a.copy and a.findings]
        failed = [a.error or window.tr("{path}: its file name holds a withheld name").format(
            path=a.path) for a in copies.applied if not a.copy]
        self._show_findings(copies, decisions, document)
        dialogs.show_copies(window, str(copies.outdir), clean, unclean, failed)
        window.exportFinished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.window.exporter.finish()
        self.window.show_error(message)
        self.window.exportFinished.emit()

    def _show_findings(self, copies: FolderCopies, decisions: Decisions,
                       document: CollectionDocument) -> None:
        """Every finding of every copy, placed in its draft (and so in the joined text)."""
        names = {p.id: p.name for p in decisions.persons}
        review = split(document, decisions)
        rows: list[Row] = []
        for part in document.parts:
            applied = next((a for a in copies.applied if a.path == part.path), None)
            if applied is None or not applied.findings:
                continue
            own = review.decisions_for(part.path)
            found = arrange(list(applied.findings), copies.texts.get(part.path, ""),
                            plan_edits(part.document.text, own), part.document.text, names)
            rows += [_in_joined(row, part.path, part.start) for row in found]
        window = self.window
        count = sum(len(a.findings) for a in copies.applied)
        summary = (window.tr("Second reading of the copies in {folder}: %n finding(s).", "", count)
                   if count else window.tr("Second reading of the copies in {folder}: every copy "
                                           "is clean.")).format(folder=copies.outdir.name)
        window.findings.show_rows(rows, summary)
        if rows:
            window.show_findings()


def _in_joined(row: Row, path: str, start: int) -> Row:
    """A finding placed in one draft, placed in the joined text, with its file named."""
    moved = row.start >= 0
    return replace(row, where=f"{path}, {row.where}", start=row.start + start if moved else -1,
                   end=row.end + start if moved else -1)

