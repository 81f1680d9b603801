"""The Details panel: a person's phone number and age listed beside them, a lone number apart,
an action changed from the list (one undoable step), and the copy printing what was chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .gui_helpers import focus, person_named
from ui.details_panel import ACTION, KIND, TEXT

pytestmark = pytest.mark.model

DRAFT = """Dock workers strike in Port Veyra

PORT VEYRA (AP) — A 31-year-old crane driver, Arlen Varkoni, said police beat him on Monday.
Varkoni can be reached at +7 701 234 5678.

The union's hotline is +44 20 7946 0958.
"""


@pytest.fixture
def strike(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "strike.txt"
    path.write_text(DRAFT, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(path)
    return window


def rows(window) -> list[tuple[str, str, str]]:
    table = window.details.table
    return [(table.item(row, KIND).text(), table.item(row, TEXT).text(),
             table.cellWidget(row, ACTION).currentData()) for row in range(table.rowCount())]


def test_a_persons_details_and_the_lone_ones_are_listed_and_their_action_changed(qtbot, strike, dialogs):
    dock = strike.findChild(type(strike.findings_dock), "details-dock")
    assert dock is not None and dock.isVisible()  # the review has details: the panel is shown
    varkoni = person_named(strike, "Arlen Varkoni")
    strike.panel.select_person(varkoni.id)
    assert rows(strike) == [("age, job", "A 31-year-old crane driver", "keep"),
                            ("phone", "+7 701 234 5678", "remove"),
                            ("phone (no person)", "+44 20 7946 0958", "remove")]
    assert "may identify this person" in strike.details.table.item(0, TEXT).toolTip()

    combo = strike.details.table.cellWidget(0, ACTION)
    focus(qtbot, combo)
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last action in the list: generalise
    assert strike.review.person(varkoni.id).details[0].action == "generalise"
    assert rows(strike)[0][2] == "generalise"
    strike.review.undo_stack.undo()
    assert strike.review.person(varkoni.id).details[0].action == "keep" and rows(strike)[0][2] == "keep"
    strike.review.undo_stack.redo()
    lone = strike.details.table.cellWidget(2, ACTION)
    focus(qtbot, lone)
    qtbot.keyClick(lone, Qt.Key.Key_Home)  # keep the union's published hotline
    assert strike.review.details[0].action == "keep"

    strike.review.accept_all()
    out = strike.document.path.with_name("strike.redacted.txt")
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(strike.exportFinished, timeout=30_000):
        strike.export()
    written = out.read_text(encoding="utf-8")
    assert "A crane driver, Arlen, said police beat him" in written
    assert "reached at [phone number withheld]." in written and "234 5678" not in written
    assert "+44 20 7946 0958" in written


def test_selecting_a_detail_shows_it_in_the_draft_and_one_key_decides_it(qtbot, strike):
    varkoni = person_named(strike, "Arlen Varkoni")
    strike.panel.select_person(varkoni.id)
    table = strike.details.table
    table.setCurrentCell(1, TEXT)
    assert strike.view.textCursor().selectedText() == "+7 701 234 5678"
    focus(qtbot, table)
    table.setCurrentCell(0, TEXT)
    qtbot.keyClick(table, Qt.Key.Key_G)
    assert strike.review.person(varkoni.id).details[0].action == "generalise"
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert strike.review.person(varkoni.id).details[0].action == "keep"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_K)  # an office line after all: kept
    assert strike.review.person(varkoni.id).details[1].action == "keep"
    assert table.currentRow() == 1  # the list redrew under the editor without losing the place
