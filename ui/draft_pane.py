"""The left pane: the draft (or its redacted preview) with the find bar above it and the
key to the highlights below; a mention's tooltip, and where in the file the caret is. A
folder's drafts are one text shown a file at a time, chosen in the file bar above.

Set once per draft: a 1 MB text takes a moment to lay out, so a decision only changes the
highlights, never the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from redactor.documents import Document
from redactor.plan import printed
from ui.actions import Actions
from ui.collection_text import CollectionDocument
from ui.document_view import DocumentView
from ui.file_bar import FileBar
from ui.find_bar import FindBar
from ui.legend import Legend
from ui.person_groups import action_labels, tier_note
from ui.review_model import ReviewModel, Span
from ui.states import state_label

if TYPE_CHECKING:
    from ui.session import Session


class DraftPane(QWidget):
    """The draft view and its find bar; ``place_label`` goes in the window's status bar."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.view = DocumentView()
        self.view.setObjectName("draft")
        self.view.setAccessibleName(self.tr("The draft"))
        self.view.selection_action = actions.redact_selection
        self.view.menu_actions = [actions.add_name, actions.mark_outside, actions.mark_to_end,
                                  actions.unmark_region]
        self.view.tooltip_for = self.tooltip_for
        self.view.has_override = self._has_override
        self.view.setPlaceholderText(self.tr(
            "Open a draft (Ctrl+O) or drop a text, Word, OpenDocument, HTML or RTF file here. "
            "Nothing leaves this computer."))
        self.file_bar = FileBar()
        self.file_bar.fileChosen.connect(self.view.show_window)
        self.view.windowChanged.connect(self.file_bar.set_current)
        self.find_bar = FindBar()
        self.find_bar.findRequested.connect(self.find)
        self.find_bar.closed.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.place_label = QLabel()
        self.place_label.setVisible(False)
        self.preview_on = False
        self._shown: Document | None = None  # the draft whose original text the view shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_bar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view)
        layout.addWidget(Legend())
        self.view.cursorPositionChanged.connect(self.update_place)
        self.view.selectionChanged.connect(self.update_place)

    def _review(self) -> ReviewModel | None:
        return self.session.review if self.session is not None else None

    def _document(self) -> Document | None:
        return self.session.document if self.session is not None else None

    def show_original(self, again: bool = False) -> None:
        """The draft's own text with the mentions highlighted and the regions shaded."""
        document, review = self._document(), self._review()
        if document is None:
            return
        self.view.set_places(document.place if document.kind != "text" else None)
        spans = review.spans() if review is not None else []
        if self._shown is document and not again:
            self.view.set_spans(spans)
        else:
            collection = isinstance(document, CollectionDocument)
            self.view.show_text(document.text, spans, document.windows() if collection else None)
            self.file_bar.set_files([part.path for part in document.parts] if collection else [])
            self.file_bar.set_current(self.view.current_window())
            self._shown = document
        self.show_regions()
        self.update_place()

    def show_regions(self) -> None:
        review = self._review()
        self.view.set_regions([(r.start, r.end, r.treatment) for r in review.regions]
                              if review is not None and not self.preview_on else [])

    def show_preview(self, text: str, spans: list[Span]) -> None:
        self.file_bar.set_files([])
        self.view.show_text(text, spans)
        self.view.set_regions([])
        self._shown = None
        self.update_place()

    def find(self, needle: str, forward: bool = True) -> None:
        if self.preview_on or not needle:
            return
        self.find_bar.show_result(self.view.find(needle, forward) is not None)

    def tooltip_for(self, span: Span) -> str:
        review, document = self._review(), self._document()
        try:
            person = review.person(span.person_id)
            mention = person.mentions[span.mention]
        except (AttributeError, KeyError, IndexError):
            return ""
        replacement = printed(document.text, person, span.mention)
        lines = [person.name, state_label(span.state)]
        place = document.place(mention.start)
        if place:
            lines.insert(1, self.tr("in {place}").format(place=place))
        if replacement != mention.text:
            action = action_labels().get(person.action, person.action)
            lines.append(self.tr("{action}: “{text}”").format(action=action, text=replacement))
        if mention.replacement is not None:
            lines.append(self.tr("this mention has its own decision"))
        if mention.variant:
            lines.append(self.tr("a spelling variant: check it is the same person"))
        if tier_note(person):
            lines.append(tier_note(person))
        return "\n".join(lines)

    def _has_override(self, span: Span) -> bool:
        try:
            return self._review().person(span.person_id).mentions[span.mention].replacement is not None
        except (AttributeError, KeyError, IndexError):
            return False

    def update_place(self) -> None:
        """Where in the file the cursor is ("Place: Footnote 2"); only over the original text."""
        document = self._document()
        place = ""
        if document is not None and self._shown is document:
            place = document.place(self.view.cursor_offset())
        self.place_label.setText(self.tr("Place: {place}").format(place=place) if place else "")
        self.place_label.setVisible(bool(place))
