"""An editor who knows who everyone in the sample draft is, reviewing it with the keyboard.

``KeyboardEditor`` drives a real window with key presses only, as in the GUI tests, and
counts them: Enter where the suggestion is right, the action's key where it is not, M and
a few typed letters to merge a name found apart, Ctrl+Shift+R and the name for one
detection missed, Ctrl+E to save. ``TRUTH`` is who each person in
``samples/protest_draft.txt`` is and what the desk decides for them; a name word alone
stands for the person in ``WORD_OWNERS`` (in this draft a lone "Sorell" is always Danika).
Used by ``bench_gui.py``; no Presidio here (the window's engine does the work).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from redactor.names import key
from ui.actions import ACTION_KEYS

TRUTH = {
    "Helena Marsh": "keep", "Oskar Lindqvist": "keep", "Anton Vessel": "keep",
    "Ilyas": "first_name", "Danika Sorell": "first_name", "Tomas Sorell": "first_name",
    "Petra Halvorsen": "first_name", "Jonas Brekke": "keep", "Mirela Kostova": "keep",
    "Agnes Thorvald": "keep", "Ruben": "first_name", "Marta Quist": "keep",
    "Farid Osman": "keep", "Sigrid Nyland": "keep",
}
WORD_OWNERS = {"sorell": "Danika Sorell"}
KEY_NAMES = {"keep": Qt.Key.Key_K, **{action: getattr(Qt.Key, f"Key_{letter}")
                                      for action, letter in ACTION_KEYS.items()}}


def true_person(text: str) -> str | None:
    """Who a mention names: a full name, or the one person a lone name word stands for."""
    words = key(text)
    for name in TRUTH:
        if tuple(key(name)) == tuple(words):
            return name
    if len(words) == 1:
        if words[0] in WORD_OWNERS:
            return WORD_OWNERS[words[0]]
        owners = [name for name in TRUTH if words[0] in key(name)]
        return owners[0] if len(owners) == 1 else None
    return None


@dataclass
class Tally:
    """Keys by what they were for; the editor never takes the mouse (``clicks`` stays 0)."""

    keys: dict[str, int]
    typed: int = 0
    clicks: int = 0
    errors: int = 0  # detection errors repaired: a name found apart, a name missed
    wrong_actions: int = 0  # suggestions whose action the desk changed (one key each)

    def total(self) -> int:
        return sum(self.keys.values())


class KeyboardEditor:
    """Presses keys on whatever has the focus, waiting as a person would for the window."""

    def __init__(self) -> None:
        self.tally = Tally({"moving": 0, "deciding": 0, "repairing": 0, "saving": 0})

    def _focus(self):  # noqa: ANN202 - a QWidget
        for _ in range(500):
            widget = QApplication.focusWidget()
            if widget is not None:
                return widget
            QApplication.processEvents()
            QTest.qWait(10)
        raise RuntimeError("no widget has the keyboard focus")

    def press(self, key_: Qt.Key, purpose: str,
              modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.tally.keys[purpose] += 1
        target = self._focus()
        QTest.keyPress(target, key_, modifiers)
        if QApplication.focusWidget() is target:  # a dialog it opened takes the release
            QTest.keyRelease(target, key_, modifiers)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        self.tally.typed += len(text)
        QTest.keyClicks(self._focus(), text)
        QApplication.processEvents()

    def review(self, window) -> Tally:  # noqa: ANN001 - a MainWindow
        """Every person decided, fragments merged, missed names added."""
        self.press(Qt.Key.Key_F6, "moving")  # into the persons tree
        handled: dict[str, str] = {}  # true name -> the detected person deciding it
        while window.review.unreviewed_count():
            person = window.review.person(window.current_person())
            owners = {true_person(m.text) for m in person.mentions}
            truth = owners.pop() if len(owners) == 1 else None
            if truth is None:
                raise RuntimeError(f"{person.name}: names several people; split it by hand")
            target = handled.get(truth)
            if target is not None and target != person.id and window.review.row_of(target) >= 0:
                self._merge(window, target)
                continue
            again = truth in handled  # a merged person, decided once already
            handled[truth] = person.id
            self._decide(person, TRUTH[truth], "repairing" if again else "deciding")
        for name, action in TRUTH.items():
            if name not in handled and action != "keep":
                self._add_missed(name)
        return self.tally

    def _decide(self, person, action: str, purpose: str) -> None:  # noqa: ANN001 - a Person
        if person.action == action:
            self.press(Qt.Key.Key_Return, purpose)
        else:
            self.tally.wrong_actions += 1
            self.press(KEY_NAMES[action], purpose)

    def _merge(self, window, target: str) -> None:  # noqa: ANN001
        """M, a few letters of the target's name to pick it, Enter (then the merged person
        is confirmed once more, counted as repairing too)."""
        self.tally.errors += 1
        self.press(Qt.Key.Key_M, "repairing")
        self.type(window.review.person(target).name.split()[0][:3])
        self.press(Qt.Key.Key_Return, "repairing")

    def _add_missed(self, name: str) -> None:
        self.tally.errors += 1
        self.press(Qt.Key.Key_R, "repairing",
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        self.type(name)
        self.press(Qt.Key.Key_Return, "repairing")
