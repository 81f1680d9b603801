"""The redacted text for the preview, with where each replacement landed.

The preview applies the same planned edits a saved copy of a plain-text draft gets
(``redactor.plan``), so what the editor sees is what is written; each edit knows its
mention, so the replacements can be highlighted without marking the text. A removed name
or a cut region leaves no text to highlight. Runs in a worker thread: on a 1 MB draft the
plan takes a moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from redactor.decisions import Decisions
from redactor.formats.textmap import splice
from redactor.plan import plan
from ui.review_model import Span, mention_state
from ui.worker import TaskWorker

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PREVIEW_DELAY_MS = 250
Mark = tuple[int, int, str, int]  # start and end in the preview text, person id, mention index


def preview_text(text: str, decisions: Decisions) -> tuple[str, list[Mark]]:
    """The redacted text and (start, end, person id, mention index) of each replacement in it."""
    planned = plan(text, decisions)
    marks: list[Mark] = []
    shift = 0
    for item in planned:
        edit = item.edit
        start = edit.start + shift
        if item.person_id and item.mention >= 0 and edit.new:  # a name's replacement
            marks.append((start, start + len(edit.new), item.person_id, item.mention))
        shift += len(edit.new) - (edit.end - edit.start)
    return splice(text, [item.edit for item in planned]), marks


class PreviewController(QObject):
    """Shows the redacted text in the draft's view while View > Preview is on.

    The text is computed in a worker after each change (a short delay gathers quick edits);
    a result that arrives after a newer request, or after the preview was turned off, is
    dropped.
    """

    previewReady = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._generation = 0
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.start)

    def is_on(self) -> bool:
        return self.window.actions.preview.isChecked()

    def turn_off_quietly(self) -> None:
        """A new review is shown: the preview is off, and any pending result is dropped."""
        action = self.window.actions.preview
        action.blockSignals(True)
        action.setChecked(False)
        action.blockSignals(False)
        self._generation += 1

    def toggle(self, on: bool) -> None:
        window = self.window
        if window.review is None or window.document is None:
            return
        window.update_actions()
        if on:
            self.start()
        else:
            self._generation += 1
            window.show_original(again=True)

    def review_changed(self) -> None:
        self._timer.start()

    def start(self) -> None:
        window = self.window
        if window.review is None or not self.is_on():
            return
        self._generation += 1
        window.statusBar().showMessage(window.tr("Preparing the preview…"))
        worker = TaskWorker(preview_text, window.document.text, window.review.snapshot())
        worker.tag = self._generation
        # Bound slots, not lambdas: a lambda would run in the worker's thread.
        worker.finished.connect(self._show)
        worker.failed.connect(self._failed)
        window.tasks.start(worker)

    def _tag(self) -> Any:
        return getattr(self.sender(), "tag", None)

    @Slot(object)
    def _show(self, result: tuple[str, list[Mark]]) -> None:
        window = self.window
        if self._tag() != self._generation or window.review is None:
            return
        text, marks = result
        spans = []
        for start, end, person_id, index in marks:
            try:
                person = window.review.person(person_id)
                state = mention_state(person, person.mentions[index], False,
                                      index in window.review.repeats(person))
            except (KeyError, IndexError):
                continue
            spans.append(Span(start, end, person_id, index, state))
        window.show_preview_text(text, spans)
        window.statusBar().clearMessage()
        self.previewReady.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._tag() == self._generation:
            self.window.actions.preview.setChecked(False)
            self.window.show_error(message)
