"""Every command of the main window as a QAction, with its shortcut, and the menus.

A review is finished from the keyboard: one key per decision (Enter accepts the suggestion,
K keeps, F first name, I initials, H placeholder, S pseudonym, X remove), N/P to the next or
previous person needing review, "." and "," (or F8/Shift+F8) through the current person's
mentions, M to merge a person into another (or move a mention to another person), L to split
off mentions, R to rename; Ctrl+Shift+D dismisses the possible names left, after asking.
Single keys are bound only while the persons tree or the draft has the focus itself: in an
editor they must type text, and Enter must commit the edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QWidget

# The single key for each action of the Action column.
ACTION_KEYS = {"first_name": "F", "initials": "I", "placeholder": "H", "pseudonym": "S", "remove": "X"}


def _action(parent: QObject, text: str, *shortcuts: QKeySequence | str | Qt.Key,
            checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    return action


class Actions(QObject):
    """The window's actions; the window and its controllers connect and enable them."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup) -> None:
        super().__init__(window)
        tr = self.tr
        self.open = _action(window, tr("&Open Draft…"), QKeySequence.StandardKey.Open)
        self.open_review = _action(window, tr("Open &Review…"), "Ctrl+Shift+O")
        self.open_folder = _action(window, tr("Open &Folder of Drafts…"), "Ctrl+Alt+O")
        self.save_review = _action(window, tr("&Save Review"), QKeySequence.StandardKey.Save)
        self.save_review_as = _action(window, tr("Save Review &As…"), "Ctrl+Shift+S")
        self.export = _action(window, tr("Save R&edacted Copy…"), "Ctrl+E")
        self.check = _action(window, tr("&Check the Copy Now"), "Ctrl+Shift+E")
        self.export_log = _action(window, tr("Export Redaction &Log…"), "Ctrl+Shift+L")
        self.settings = _action(window, tr("Se&ttings…"), QKeySequence.StandardKey.Preferences)
        self.quit = _action(window, tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.undo = undo_group.createUndoAction(window, tr("&Undo"))
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = undo_group.createRedoAction(window, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find = _action(window, tr("&Find in Draft…"), QKeySequence.StandardKey.Find)
        self.find_next = _action(window, tr("Find &Next"), QKeySequence.StandardKey.FindNext)
        self.find_previous = _action(window, tr("Find Pre&vious"), QKeySequence.StandardKey.FindPrevious)
        self.redact_selection = _action(window, tr("&Redact Selection or Word…"), "Ctrl+R")
        self.add_name = _action(window, tr("&Add a Missed Name…"), "Ctrl+Shift+R")
        self.mark_outside = _action(window, tr("Mark Selection as &Outside the Story…"), "Ctrl+Shift+X")
        self.mark_to_end = _action(window, tr("Mark From Here to the &End as Outside the Story…"),
                                   "Ctrl+Shift+T")
        self.unmark_region = _action(window, tr("Make This Stretch Part of the Story &Again"))
        self.accept = _action(window, tr("&Accept Suggestion"), Qt.Key.Key_Return, Qt.Key.Key_Enter)
        self.keep = _action(window, tr("&Keep Name"), "K")
        self.set_action = {action: _action(window, label, key) for action, label, key in (
            ("first_name", tr("Withhold All but the &First Name"), ACTION_KEYS["first_name"]),
            ("initials", tr("Use &Initials"), ACTION_KEYS["initials"]),
            ("placeholder", tr("Use a Place&holder"), ACTION_KEYS["placeholder"]),
            ("pseudonym", tr("Use a P&seudonym"), ACTION_KEYS["pseudonym"]),
            ("remove", tr("Remo&ve the Name"), ACTION_KEYS["remove"]))}
        self.action_list = _action(window, tr("Choose the Action…"))
        self.edit_replacement = _action(window, tr("Edit Re&placement"), "E")
        self.rename = _action(window, tr("Re&name Person…"), "R")
        self.merge = _action(window, tr("&Merge Into / Move to Another Person…"), "M")
        self.split = _action(window, tr("Sp&lit Off Mentions…"), "L")
        self.next = _action(window, tr("&Next Needing Review"), "N")
        self.previous = _action(window, tr("&Previous Needing Review"), "P")
        self.next_mention = _action(window, tr("Next &Mention of This Person"), ".", "F8")
        self.previous_mention = _action(window, tr("Previous Mention of This Person"), ",", "Shift+F8")
        self.accept_all = _action(window, tr("Accept All &Remaining Suggestions…"), "Ctrl+Shift+Return")
        self.dismiss_possible = _action(window, tr("&Dismiss Remaining Possible Names…"),
                                        "Ctrl+Shift+D")
        self.dismiss_possible.setToolTip(tr("Print the possible names not reviewed yet as written "
                                            "(asks first; Ctrl+Z undoes it)"))
        self.preview = _action(window, tr("&Preview Redacted Text"), "Ctrl+P", checkable=True)
        self.next_file = _action(window, tr("Next &File of the Folder"), "Ctrl+PgDown")
        self.previous_file = _action(window, tr("Previous File of the Folder"), "Ctrl+PgUp")
        self.next_pane = _action(window, tr("Next &Pane"), "F6")
        self.previous_pane = _action(window, tr("Previous Pane"), "Shift+F6")
        self.key_actions = [self.accept, self.keep, *self.set_action.values(), self.edit_replacement,
                            self.rename, self.merge, self.split, self.next, self.previous,
                            self.next_mention, self.previous_mention]
        for action in self.key_actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.review_actions = [self.save_review, self.save_review_as, self.export, self.check,
                               self.export_log, self.add_name, self.mark_outside,
                               self.mark_to_end, self.unmark_region, self.action_list,
                               self.accept_all, self.dismiss_possible, self.preview,
                               *self.key_actions]

    def bind_keys(self, *widgets: QWidget) -> None:
        """Make the single-key actions work while one of ``widgets`` has the focus."""
        for widget in widgets:
            widget.addActions(self.key_actions)

    def build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open, self.open_folder, self.open_review])
        file_menu.addSeparator()
        file_menu.addActions([self.save_review, self.save_review_as, self.check, self.export,
                              self.export_log])
        file_menu.addSeparator()
        file_menu.addActions([self.settings])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.find_next, self.find_previous])
        edit_menu.addSeparator()
        edit_menu.addActions([self.redact_selection, self.add_name])
        edit_menu.addSeparator()
        edit_menu.addActions([self.mark_outside, self.mark_to_end, self.unmark_region])
        review_menu = bar.addMenu(self.tr("&Review"))
        review_menu.addActions([self.accept, self.keep, *self.set_action.values(), self.action_list,
                                self.edit_replacement])
        review_menu.addSeparator()
        review_menu.addActions([self.rename, self.merge, self.split])
        review_menu.addSeparator()
        review_menu.addActions([self.next, self.previous, self.next_mention, self.previous_mention])
        review_menu.addSeparator()
        review_menu.addActions([self.accept_all, self.dismiss_possible])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.preview, self.next_file, self.previous_file, self.next_pane,
                              self.previous_pane])
        self.view_menu = view_menu
