"""Every command of the main window as a QAction, with its shortcut, and the menus.

Enter, K, N and P are single keys, so they are bound only while the person table or the
document has the focus itself: in the replacement editor they must type text, and Enter
must commit the edit instead of accepting the suggestion.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QWidget


def _action(parent: QObject, text: str, *shortcuts: QKeySequence | str,
            checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    return action


class Actions(QObject):
    """The window's actions; ``MainWindow`` connects and enables them."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup) -> None:
        super().__init__(window)
        tr = self.tr
        self.open = _action(window, tr("&Open Draft…"), QKeySequence.StandardKey.Open)
        self.open_review = _action(window, tr("Open &Review…"), "Ctrl+Shift+O")
        self.save_review = _action(window, tr("&Save Review"), QKeySequence.StandardKey.Save)
        self.save_review_as = _action(window, tr("Save Review &As…"), "Ctrl+Shift+S")
        self.export = _action(window, tr("Save R&edacted Copy…"), "Ctrl+E")
        self.settings = _action(window, tr("Se&ttings…"), QKeySequence.StandardKey.Preferences)
        self.quit = _action(window, tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.undo = undo_group.createUndoAction(window, tr("&Undo"))
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = undo_group.createRedoAction(window, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redact_selection = _action(window, tr("&Redact Selection…"), "Ctrl+R")
        self.accept = _action(window, tr("&Accept Suggestion"), Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self.keep = _action(window, tr("&Keep Name"), "K")
        self.next = _action(window, tr("&Next Needing Review"), "N")
        self.previous = _action(window, tr("&Previous Needing Review"), "P")
        self.edit_replacement = _action(window, tr("Edit Re&placement"), "F2")
        self.accept_all = _action(window, tr("Accept All &Remaining Suggestions…"))
        self.preview = _action(window, tr("&Preview Redacted Text"), "Ctrl+P", checkable=True)
        self.key_actions = [self.accept, self.keep, self.next, self.previous, self.edit_replacement]
        for action in self.key_actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def bind_keys(self, *widgets: QWidget) -> None:
        """Make the single-key actions work while one of ``widgets`` has the focus."""
        for widget in widgets:
            widget.addActions(self.key_actions)

    def build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open, self.open_review])
        file_menu.addSeparator()
        file_menu.addActions([self.save_review, self.save_review_as, self.export])
        file_menu.addSeparator()
        file_menu.addActions([self.settings])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.redact_selection)
        review_menu = bar.addMenu(self.tr("&Review"))
        review_menu.addActions([self.accept, self.keep, self.edit_replacement])
        review_menu.addSeparator()
        review_menu.addActions([self.next, self.previous])
        review_menu.addSeparator()
        review_menu.addAction(self.accept_all)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.preview)
