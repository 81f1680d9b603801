"""The draft (or its redacted preview), read-only, with every mention highlighted.

Only the mentions in view are highlighted, as extra selections rebuilt on scroll and resize:
a book-length draft has tens of thousands of mentions, and formatting them all would stall
the GUI each time a decision changes. Hovering a mention names its person; clicking it
selects the person; its context menu overrides that one mention. Stretches marked as outside
the story are shaded; in a Word, OpenDocument or HTML draft a gutter on the left names the
part of the file each stretch comes from (a comment, a footnote, the properties).

Spans, ranges and offsets in this class's API are offsets into the shown Python string, as
the engine counts; ``PositionMap`` converts them to and from the QTextDocument's positions.
A collection's files are one text shown a file (a window) at a time: offsets stay those of
the whole text, and selecting or scrolling to an offset in another file shows that file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QBrush, QColor, QContextMenuEvent, QHelpEvent, QMouseEvent,
                           QTextCursor, QTextFormat)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ui.place_gutter import PlaceGutter
from ui.review_model import Span
from ui.states import mention_format
from ui.text_positions import PositionMap

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
REGION_COLOURS = {"cut": QColor(128, 128, 128, 45), "keep": QColor(0, 158, 115, 30)}


class DocumentView(QPlainTextEdit):
    """A read-only text view that knows which spans are mentions and whose they are."""

    personClicked = Signal(str)
    keepMentionRequested = Signal(str, int)
    replaceMentionRequested = Signal(str, int)
    followPersonRequested = Signal(str, int)
    windowChanged = Signal(int)  # another of the text's windows (a collection's files) is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(False)  # drops go to the window, which opens the file
        self.viewport().setAcceptDrops(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(True)
        self._text = ""
        self._positions = PositionMap("")
        self._windows: list[tuple[int, int]] = [(0, 0)]
        self._window = 0
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._current = ""
        self._regions: list[tuple[int, int, str]] = []
        self._formats: dict[tuple[str, bool], object] = {}
        self.tooltip_for: Callable[[Span], str] = lambda span: span.person_id
        self.has_override: Callable[[Span], bool] = lambda span: False
        self.selection_action: QAction | None = None
        self.menu_actions: list[QAction] = []  # offered in every context menu (regions)
        self.gutter = PlaceGutter(self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_highlights)
        self._refresh_timer.timeout.connect(self.gutter.update)
        self.verticalScrollBar().valueChanged.connect(self._refresh_timer.start)

    # ----- content -----

    def show_text(self, text: str, spans: list[Span],
                  windows: list[tuple[int, int]] | None = None) -> None:
        """Replace the shown text (the draft or its preview) and its highlights; with
        ``windows`` (start, end) one of them is shown at a time: the one shown before, when
        the windows are the same (the same folder shown again), else the first."""
        fraction = self._scroll_fraction()
        windows = windows or [(0, len(text))]
        window = self._window if windows == self._windows else 0
        self._text = text
        self._windows = windows
        self.set_spans(spans)
        self._show(window)
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _show(self, window: int) -> None:
        start, end = self._windows[window]
        self.setExtraSelections([])
        self._window = window
        self._positions = PositionMap(self._text[start:end], start)
        self.setPlainText(self._text[start:end])
        self.gutter.set_positions(self._positions)
        self._refresh_timer.start()

    def show_window(self, window: int) -> None:
        """Show another window of the text, from its top."""
        if window != self._window and 0 <= window < len(self._windows):
            self._show(window)
            self.windowChanged.emit(window)

    def current_window(self) -> int:
        return self._window

    def window_of(self, offset: int) -> int:
        """The window holding ``offset`` (the last, past the end)."""
        starts = [start for start, _ in self._windows]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def shows(self, offset: int) -> bool:
        """Whether ``offset`` is in the window shown."""
        start, end = self._windows[self._window]
        return start <= offset <= end

    def _reveal(self, offset: int) -> None:
        if not self.shows(offset):
            self.show_window(self.window_of(offset))

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = spans
        self._starts = [s.start for s in spans]
        self._refresh_timer.start()

    def set_regions(self, regions: list[tuple[int, int, str]]) -> None:
        """Shade the stretches marked as outside the story: (start, end, treatment)."""
        self._regions = regions
        self._refresh_timer.start()

    def set_places(self, place_for: Callable[[int], str] | None) -> None:
        """Name each stretch's part of the file in the gutter (None: plain text, no gutter)."""
        self.gutter.set_places(place_for, self._positions)

    def set_gutter_width(self, width: int) -> None:
        self.setViewportMargins(width, 0, 0, 0)

    def visible_blocks(self) -> list[tuple[int, int, int]]:
        """(top, height, position) of each text block in view, tops in viewport pixels."""
        out = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible():
                out.append((round(geometry.top()), round(geometry.height()), block.position()))
            block = block.next()
        return out

    def set_current_person(self, person_id: str) -> None:
        self._current = person_id
        self._refresh_timer.start()

    def spans(self) -> list[Span]:
        return self._spans

    def text(self) -> str:
        """The shown text exactly as given (``toPlainText`` turns "\r\n" into one break)."""
        return self._text

    def cursor_offset(self) -> int:
        """The offset in the shown text where the cursor (or the selection) starts."""
        return self._positions.to_text(self.textCursor().selectionStart())

    def span_at(self, position: int) -> Span | None:
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and self._spans[index].start <= position < self._spans[index].end:
            return self._spans[index]
        return None

    def span_at_point(self, point: QPoint) -> Span | None:
        """The span under a viewport point: the character hit, not the nearest caret gap."""
        cursor = self.cursorForPosition(point)
        offset = self._positions.to_text(cursor.position())
        if self.cursorRect(cursor).left() > point.x():
            offset -= 1
        return self.span_at(offset) if offset >= 0 else None

    def scroll_to(self, offset: int) -> None:
        self._reveal(offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._positions.to_view(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.centerCursor()
        self._refresh_timer.start()

    def select_range(self, start: int, end: int) -> None:
        """Select the text between two offsets (as the editor would with the mouse)."""
        self._reveal(start)
        cursor = self.textCursor()
        cursor.setPosition(self._positions.to_view(start))
        cursor.setPosition(self._positions.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def word_at_caret(self) -> tuple[int, int] | None:
        """The word under (or just before) the caret, as offsets; None between words."""
        offset = self.cursor_offset()
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        for match in _WORD.finditer(text, line_start, line_end):
            if match.start() <= offset <= match.end():
                return match.start(), match.end()
        return None

    def find(self, needle: str, forward: bool = True) -> tuple[int, int] | None:
        """Select the next (or previous) place ``needle`` stands, ignoring case, wrapping."""
        if not needle:
            return None
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        cursor = self.textCursor()
        text = self._text
        if forward:
            match = (pattern.search(text, self._positions.to_text(cursor.selectionEnd()))
                     or pattern.search(text))
        else:
            match = None
            for match in pattern.finditer(text, 0, self._positions.to_text(cursor.selectionStart())):
                pass
            if match is None:
                for match in pattern.finditer(text):
                    pass
        if match is None:
            return None
        self.select_range(match.start(), match.end())
        self.centerCursor()
        return match.start(), match.end()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection's offsets without surrounding spaces and punctuation, or None."""
        cursor = self.textCursor()
        start = self._positions.to_text(cursor.selectionStart())
        end = self._positions.to_text(cursor.selectionEnd())
        text = self._text
        strip = " \t\r\n\u2028\u2029.,;:!?\"“”()[]"
        while start < end and text[start] in strip:
            start += 1
        while end > start and text[end - 1] in strip:
            end -= 1
        return (start, end) if start < end else None

    # ----- highlighting -----

    def _scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def visible_range(self) -> tuple[int, int]:
        """The offsets of the text in view (whole lines)."""
        block = self.firstVisibleBlock()
        start = block.position()
        bottom = self.cursorForPosition(QPoint(self.viewport().width() - 1,
                                               self.viewport().height() - 1))
        end_block = bottom.block()
        end = end_block.position() + end_block.length()
        return self._positions.to_text(start), self._positions.to_text(end)

    def refresh_highlights(self) -> None:
        """Highlight the mentions in view now (normally done on the next event loop turn)."""
        start, end = self.visible_range()
        first = max(0, bisect.bisect_left(self._starts, start) - 1)
        last = bisect.bisect_left(self._starts, end)
        document = self.document()
        palette = self.palette()
        to_view = self._positions.to_view
        selections = []
        for region_start, region_end, treatment in self._regions:
            if region_end > start and region_start < end:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(to_view(max(region_start, start)))
                cursor.setPosition(to_view(min(region_end, end)), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format.setBackground(QBrush(REGION_COLOURS[treatment]))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selections.append(selection)
        for span in self._spans[first:last]:
            if span.end <= start:
                continue
            key = (span.state, span.person_id == self._current)
            if key not in self._formats:
                self._formats[key] = mention_format(key[0], key[1], palette)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(to_view(span.start))
            cursor.setPosition(to_view(span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._formats[key]
            selections.append(selection)
        self.setExtraSelections(selections)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._formats.clear()
            self._refresh_timer.start()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.gutter.place_beside(self)
        self._refresh_timer.start()

    # ----- interaction -----

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            span = self.span_at_point(event.pos())
            if span is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(span), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            span = self.span_at_point(event.position().toPoint())
            if span is not None:
                self.personClicked.emit(span.person_id)

    def mention_actions(self, span: Span, parent: QObject | None = None) -> list[QAction]:
        """The context-menu actions that override one mention (also used by the tests)."""
        parent = parent if parent is not None else self
        keep = QAction(self.tr("Keep this mention"), parent)
        keep.triggered.connect(lambda: self.keepMentionRequested.emit(span.person_id, span.mention))
        own = QAction(self.tr("Replace this mention with…"), parent)
        own.triggered.connect(lambda: self.replaceMentionRequested.emit(span.person_id, span.mention))
        actions = [keep, own]
        if self.has_override(span):
            follow = QAction(self.tr("Treat this mention like the others"), parent)
            follow.triggered.connect(lambda: self.followPersonRequested.emit(span.person_id, span.mention))
            actions.append(follow)
        return actions

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        span = self.span_at_point(event.pos())
        if span is not None:
            menu.addSeparator()
            for action in self.mention_actions(span, menu):
                menu.addAction(action)
        if self.selection_action is not None:
            menu.addSeparator()
            menu.addAction(self.selection_action)
        if self.menu_actions:
            menu.addSeparator()
            menu.addActions(self.menu_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()
