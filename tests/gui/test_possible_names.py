"""The possible names: listed apart under the persons, counted by the export gate, dismissed
all at once after a confirmation (and undone with Ctrl+Z), or promoted one by one.

The draft is invented; the real engine reads "Vexley" (a lone unfamiliar word, twice) and
"Ottlebys" (a family, named once) as possible names and every other name as a person.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from .gui_helpers import focus, person_named
from ui.person_tree import NAME, STATE

DRAFT = """Flood relief stalls in Westmere

By CORA ABERNATHY

WESTMERE (AP) — Mayor Desmond Pell said on Tuesday that aid would arrive within days.

Another resident, Bertil Gransson, 61, said his street had been under water for a week.

At the school hall the Ottlebys and their neighbours shared blankets.

Residents said Vexley had organised the boats. Vexley did not answer calls.

Pell did not respond to questions about the delays.
"""
POSSIBLE = ["Ottlebys", "Vexley"]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "westmere.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, make_window, draft: Path):
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(draft)
    return window


def groups(window) -> dict[str, list[str]]:
    model = window.panel.model
    shown = {}
    for row in range(model.rowCount()):
        group = model.index(row, NAME)
        shown[group.data().split(" — ")[0]] = [model.index(r, NAME, group).data()
                                               for r in range(model.rowCount(group))]
    return shown


def accept_persons(window) -> None:
    """Accept every confident person: only the possible names are left."""
    for person in window.review.persons:
        if person.tier != "possible":
            window.review.accept(person.id)


pytestmark = pytest.mark.model


def test_possible_names_are_listed_apart_with_a_heading_an_icon_and_words(qtbot, window):
    assert sorted(p.name for p in window.review.persons if p.tier == "possible") == POSSIBLE
    shown = groups(window)
    assert list(shown) == ["At risk", "Public figures", "Bylines and credits",
                           "Possible names (not sure)"]
    assert shown["Possible names (not sure)"] == POSSIBLE  # the draft's order
    assert not set(POSSIBLE) & set(shown["At risk"])
    model = window.panel.model
    heading = model.index(3, NAME)
    assert heading.data() == "Possible names (not sure) — 2 name(s), 2 to review"
    assert heading.data(Qt.ItemDataRole.DecorationRole) is not None  # the "?" mark
    assert "dismiss" in heading.data(Qt.ItemDataRole.ToolTipRole)
    vexley = person_named(window, "Vexley")
    assert "a possible name" in model.person_index(vexley.id).data(Qt.ItemDataRole.ToolTipRole)
    span = next(s for s in window.view.spans() if s.person_id == vexley.id)
    assert "a possible name" in window.draft.tooltip_for(span)  # in the draft too
    assert "(2 possible name(s))" in window.panel.summary.text()


def test_the_export_gate_counts_possible_names_says_so_and_goes_there(qtbot, window, dialogs):
    accept_persons(window)
    window.update_actions()
    reason = window.exporter.ready_reason()
    assert reason.startswith("2 person(s) still to review, 2 of them possible names")
    assert "Ctrl+Shift+D" in window.ready_label.text()
    window.panel.select_person(person_named(window, "Desmond Pell").id)
    window.actions.export.trigger()  # refused: no save dialog (the recorder would fail the test)
    assert "2 person(s) still to review" in window.statusBar().currentMessage()
    assert window.review.person(window.current_person()).name == "Ottlebys"  # taken there
    assert dialogs.save_paths == [] and dialogs.kinds() == []


def test_dismissing_asks_first_naming_how_many_and_what_it_prints(qtbot, window, dialogs):
    accept_persons(window)
    window.update_actions()
    assert window.actions.dismiss_possible.isEnabled()
    assert window.panel.dismiss_button.isVisible()
    focus(qtbot, window.panel.table)
    dialogs.answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(window.panel.table, Qt.Key.Key_D, CTRL_SHIFT)
    question = dialogs.last("question")
    assert "Dismiss the 2 possible name(s) not reviewed yet (Ottlebys, Vexley)?" in question
    assert "printed in the copy exactly as written" in question and "Ctrl+Z" in question
    assert len(window.review.possible_left()) == 2  # No: nothing changed

    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window.panel.table, Qt.Key.Key_D, CTRL_SHIFT)
    for name in POSSIBLE:
        person = person_named(window, name)
        assert (person.action, person.replacement, person.reviewed) == ("keep", name, True)
        assert window.panel.model.person_index(person.id, STATE).data() == "printed"
    assert groups(window)["Possible names (not sure)"] == POSSIBLE  # still listed apart
    assert window.exporter.ready_reason() == ""
    assert not window.actions.dismiss_possible.isEnabled()
    assert not window.panel.dismiss_button.isVisible()

    window.actions.undo.trigger()  # one step undoes the whole dismissal
    assert [person_named(window, n).reviewed for n in POSSIBLE] == [False, False]
    assert window.actions.dismiss_possible.isEnabled()


def export_copy(qtbot, window, dialogs, draft: Path) -> str:
    """Save the copy once the export gate opens, and read it."""
    out = draft.with_name("westmere.redacted.txt")
    dialogs.save_paths.append(str(out))
    qtbot.waitUntil(lambda: window.exporter.ready_reason() == "")
    with qtbot.waitSignal(window.exportFinished, timeout=60_000):
        window.export()
    return out.read_text(encoding="utf-8")


def test_dismissed_names_are_printed_and_the_copy_is_read_clean(qtbot, window, dialogs,
                                                               draft: Path):
    accept_persons(window)
    window.review.dismiss_possible()
    copy = export_copy(qtbot, window, dialogs, draft)
    assert "the Ottlebys and" in copy and "said Vexley had" in copy
    assert "Gransson" not in copy
    assert dialogs.kinds()[-1] == "information"  # the second reading called it clean
    assert window.findings.rows == []


def test_a_promoted_possible_name_joins_the_persons_and_is_withheld(qtbot, window, dialogs,
                                                                  draft: Path):
    accept_persons(window)
    vexley = person_named(window, "Vexley")
    window.panel.select_person(vexley.id)
    focus(qtbot, window.panel.table)
    qtbot.keyClick(window.panel.table, Qt.Key.Key_Return)  # accept, like any person
    vexley = person_named(window, "Vexley")
    assert vexley.reviewed and vexley.action == "placeholder"
    assert vexley.tier == "possible"  # the review still says where it came from
    shown = groups(window)
    assert "Vexley" in shown["At risk"] and shown["Possible names (not sure)"] == ["Ottlebys"]
    assert "promoted" in window.panel.model.person_index(vexley.id).data(Qt.ItemDataRole.ToolTipRole)
    assert window.review.person(window.current_person()).name == "Ottlebys"  # on to the next

    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    window.actions.dismiss_possible.trigger()
    assert "Dismiss the 1 possible name(s) not reviewed yet (Ottlebys)?" in dialogs.last("question")
    copy = export_copy(qtbot, window, dialogs, draft)
    assert "Vexley" not in copy and "the Ottlebys and" in copy
    assert dialogs.kinds()[-1] == "information"
