"""The editor's review commands: a key per decision, repairs to what detection found, regions.

Each command works on the current person (or the current mention row) of the persons tree,
or on the caret in the draft, so the whole review can be done without the mouse. Repairs
open small dialogs (``ui.person_dialogs``) that finish with Enter; every change is one
undoable step of the review model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget

from redactor.decisions import Region
from redactor.names import key
from redactor.plan import mention_replacement
from redactor.review_ops import adjacent_person, dismissible, outside_story
from ui import dialogs
from ui.person_dialogs import AddNameDialog, PersonChooser, RegionDialog, SplitDialog
from ui.redact_dialog import RedactSelectionDialog, likely_owner

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review_model import ReviewModel


class ReviewController(QObject):
    """Review commands for the window's current review."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None  # the repair dialog open, if any
        self._return_to: QWidget = window.panel.table  # where the focus goes when it closes

    @property
    def review(self) -> ReviewModel | None:
        return self.window.review

    def current(self) -> str | None:
        return self.window.panel.current_person_id()

    # ----- one key per decision -----

    def accept_current(self) -> None:
        person_id = self.current()
        if self.review is None:
            return
        if person_id is not None:
            self.review.accept(person_id)
        self.window.panel.step(True)

    def keep_current(self) -> None:
        person_id = self.current()
        if self.review is not None and person_id is not None:
            self.review.keep(person_id)
            self.window.panel.step(True)

    def set_action_current(self, action: str) -> None:
        person_id = self.current()
        if self.review is not None and person_id is not None:
            self.review.set_action(person_id, action)
            self.window.panel.step(True)

    def accept_all(self) -> None:
        if self.review is None:
            return
        count = self.review.unreviewed_count()
        if count and dialogs.confirm_accept_all(self.window, count):
            self.review.accept_all()

    def dismiss_possible(self) -> None:
        """Ctrl+Shift+D: the possible names left, printed as written, once the editor agrees."""
        window, review = self.window, self.review
        if review is None:
            return
        dismissed, held = dismissible(review.document.text, review.persons)
        if not dismissed:
            window.statusBar().showMessage(window.tr(
                "No possible name can be dismissed: %n share a word withheld for someone else.",
                "", len(held)) if held else window.tr("No possible name is left to review."), 8000)
            return
        names = [review.person(person_id).name for person_id in dismissed]
        if dialogs.confirm_dismiss_possible(window, names, len(held)):
            done, _ = review.dismiss_possible()
            window.statusBar().showMessage(window.tr(
                "Dismissed %n possible name(s): printed as written (Ctrl+Z undoes it).", "",
                len(done)), 8000)
            window.panel.step(True)

    # ----- moving through mentions -----

    def step_mention(self, forward: bool) -> None:
        """Show the next (or previous) mention of the current person after the caret."""
        person_id = self.current()
        window = self.window
        if self.review is None or person_id is None or window.preview_on():
            return
        mentions = self.review.person(person_id).mentions
        caret = window.view.cursor_offset()
        if forward:
            index = next((i for i, m in enumerate(mentions) if m.start > caret), 0)
        else:
            index = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].start < caret),
                         len(mentions) - 1)
        mention = mentions[index]
        window.view.select_range(mention.start, mention.end)
        window.view.centerCursor()
        window.statusBar().showMessage(window.tr("Mention {number} of {count} of {name}").format(
            number=index + 1, count=len(mentions), name=self.review.person(person_id).name), 3000)

    # ----- repairs -----

    def rename(self) -> None:
        person_id = self.current()
        if self.review is None or person_id is None:
            return
        person = self.review.person(person_id)
        name, ok = QInputDialog.getText(self.window, self.window.tr("Rename"),
                                        self.window.tr("Name of this person:"), text=person.name)
        if ok:
            self.review.rename(person_id, name)

    def merge_or_move(self) -> None:
        """M: on a mention row, move that mention to another person; else merge the person
        into another, whose decision then covers every mention."""
        window = self.window
        person_id = self.current()
        if self.review is None or person_id is None or len(self.review.persons) < 2:
            return
        person = self.review.person(person_id)
        others = [p for p in window.panel.model.persons_in_order() if p.id != person_id] or \
            [p for p in self.review.persons if p.id != person_id]
        mention = window.panel.current_mention()
        if mention is not None:
            text = person.mentions[mention[1]].text
            title = window.tr("Move a mention")
            prompt = window.tr("Whose name is “{text}” here?").format(text=text)
        else:
            title = window.tr("Merge {name}").format(name=person.name)
            prompt = window.tr("Merge {name} into (their decision then covers every mention):") \
                .format(name=person.name)
        words = set(key(person.name))
        preferred = next((p.id for p in others if words and words <= set(key(p.name))), None)
        chooser = PersonChooser(title, prompt, others, preferred, window)

        def chosen() -> None:
            target = chooser.person_id()
            if target is None or self.review is None:
                return
            if mention is not None:
                self.review.move_mentions(person_id, [mention[1]], target)
            else:
                self.review.merge([person_id, target], target)
            window.panel.select_person(target)
        self._open(chooser, chosen)

    def split(self) -> None:
        """L: on a mention row, that mention becomes a person of its own; on a person row,
        tick the mentions that belong to someone else."""
        window = self.window
        person_id = self.current()
        if self.review is None or person_id is None:
            return
        person = self.review.person(person_id)
        if len(person.mentions) < 2:
            window.statusBar().showMessage(window.tr("{name} has one mention: nothing to split.")
                                           .format(name=person.name), 5000)
            return
        mention = window.panel.current_mention()
        if mention is not None:
            new = self.review.split(person_id, [mention[1]])
            window.panel.select_person(new)
            return
        dialog = SplitDialog(person, self.review.document.text, window)

        def chosen() -> None:
            if self.review is not None and dialog.indices():
                window.panel.select_person(self.review.split(person_id, dialog.indices(), dialog.name()))
        self._open(dialog, chosen)

    def add_name(self, initial: str = "") -> None:
        """Type a missed name; every place it stands is found and shown for confirmation."""
        window = self.window
        review = self.review
        if review is None or window.preview_on():
            return
        taken = [(m, p.name) for p in review.persons for m in p.mentions]
        dialog = AddNameDialog(review.document.text, review.persons, taken,
                               window.settings.private_action, review.occurrences, initial, window)
        dialog.person_box.setCurrentIndex(max(0, dialog.person_box.findData(
            likely_owner(initial, [(p.id, p.name) for p in review.persons]))))

        def chosen() -> None:
            if self.review is not None and dialog.spans():
                person_id = self.review.add_mentions(dialog.spans(), dialog.person_id(),
                                                     dialog.name(), dialog.action())
                window.panel.select_person(person_id)
        self._open(dialog, chosen)

    def redact_selection(self) -> None:
        """Ctrl+R: the selection, or the word under the caret, is a name the detector missed."""
        window = self.window
        review = self.review
        if review is None or window.preview_on():
            return
        selected = window.view.selected_range() or window.view.word_at_caret()
        if selected is None:
            window.statusBar().showMessage(window.tr("Put the caret on the name (or select it) "
                                                     "and press Ctrl+R."), 5000)
            return
        start, end = selected
        text = review.document.text
        others = [o for o in review.occurrences(text[start:end])
                  if o != (start, end) and not review.spans_overlapping(*o)]
        persons = [(p.id, p.name) for p in review.persons]
        owner = adjacent_person(review.persons, text, start, end) or likely_owner(text[start:end], persons)
        dialog = RedactSelectionDialog(text[start:end], persons, len(others),
                                       window.settings.private_action, owner, window)

        def chosen() -> None:
            if self.review is None:
                return
            spans = [selected, *(others if dialog.also_others() else [])]
            person_id = self.review.add_mentions(spans, dialog.person_id(), dialog.name(),
                                                 dialog.action())
            window.panel.select_person(person_id)
        self._open(dialog, chosen)

    def _open(self, dialog: QDialog, chosen: object) -> None:
        """Open a repair dialog window-modally; ``chosen`` runs if the editor confirms."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        self._return_to = QApplication.focusWidget() or self.window.panel.table
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(chosen)
        dialog.finished.connect(self._closed)
        dialog.open()
        dialog.activateWindow()  # keys go to the dialog, not to the draft's single-key actions

    def _closed(self, _result: int) -> None:
        """Back to where the editor was (the tree or the draft), for the next key."""
        self.dialog = None
        self.window.activateWindow()
        self._return_to.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- regions outside the story -----

    def mark_outside(self, to_end: bool = False) -> None:
        """Mark the selected lines (or every line from the caret's to the end) as outside
        the story; the editor then says whether they are cut or kept as written."""
        window = self.window
        review = self.review
        if review is None or window.preview_on():
            return
        text = review.document.text
        selected = window.view.selected_range()
        start = window.view.cursor_offset() if selected is None else selected[0]
        start = text.rfind("\n", 0, start) + 1
        if to_end or selected is None:
            end = len(text)
        else:
            end = text.find("\n", selected[1])
            end = len(text) if end < 0 else end + 1
        region = Region(start, end, "cut")
        only_there = [p for p in review.persons if outside_story(p, [region])]
        first, last = text.count("\n", 0, start) + 1, text.count("\n", 0, max(start, end - 1)) + 1
        description = window.tr("Lines {first}–{last} ({count} characters) are not part of the "
                                "story. %n person(s) are named only there and need no review.",
                                "", len(only_there)).format(first=first, last=last, count=end - start)
        dialog = RegionDialog(description, window)

        def chosen() -> None:
            if self.review is not None:
                self.review.mark_region(Region(start, end, dialog.treatment()))
        self._open(dialog, chosen)

    def unmark_region(self) -> None:
        review = self.review
        if review is None:
            return
        region = review.region_at(self.window.view.cursor_offset())
        if region is not None:
            review.unmark_region(region)

    # ----- one mention on its own (the draft's context menu) -----

    def keep_mention(self, person_id: str, index: int) -> None:
        if self.review is not None:
            mention = self.review.person(person_id).mentions[index]
            self.review.set_mention_replacement(person_id, index, mention.text)

    def replace_mention(self, person_id: str, index: int) -> None:
        if self.review is None:
            return
        person = self.review.person(person_id)
        mention = person.mentions[index]
        text, ok = QInputDialog.getText(
            self.window, self.window.tr("Replace this mention"),
            self.window.tr("Replace “{text}” here with:").format(text=mention.text),
            text=mention_replacement(person, mention))
        if ok:
            self.review.set_mention_replacement(person_id, index, text)

    def follow_person(self, person_id: str, index: int) -> None:
        if self.review is not None:
            self.review.set_mention_replacement(person_id, index, None)
