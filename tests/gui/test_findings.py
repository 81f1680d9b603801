"""The Findings panel: the second reading's findings, grouped, each shown in the draft when
selected; common-word matches apart; the redaction log, with names only when asked."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .gui_helpers import focus
from redactor.decisions import save_decisions

pytestmark = pytest.mark.model

DRAFT = """Parliament passes protest law

TARVIK (AP) — Protest organiser Marta Law, 29, said the new law would let police hold marchers without charge. "This law is aimed at us," Law told AP.

Law was detained twice last year. The law takes effect on Monday, and lawyers said the law was rushed.
"""


@pytest.fixture
def law(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "law.txt"
    path.write_text(DRAFT, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(path)
    return window


def only_marta(qtbot, window) -> None:
    """Marta Law withheld by initials, her later "Law was detained" missed (as if detection
    had not found it), the possible name "TARVIK" (the dateline's town) dismissed, everyone
    else as suggested: saved as a review and reopened."""
    decisions = window.review.snapshot()
    missed = DRAFT.index("Law was detained")
    persons = []
    for person in decisions.persons:
        if "Law" in person.name:
            person = replace(person, action="initials", replacement="M.L.",
                             mentions=[m for m in person.mentions if m.start != missed])
        elif person.tier == "possible":
            person = replace(person, action="keep", replacement=person.name)
        persons.append(replace(person, reviewed=True))
    decisions.persons = persons
    review = window.document.path.with_suffix(".review.json")
    save_decisions(decisions, review, force=True)
    window.review.undo_stack.setClean()
    with qtbot.waitSignal(window.reviewReady, timeout=30_000):
        assert window.open_review(review)


def test_check_without_saving_lists_findings_and_each_shows_its_place(qtbot, law):
    only_marta(qtbot, law)
    focus(qtbot, law.view)
    with qtbot.waitSignal(law.checkFinished, timeout=60_000):
        qtbot.keyClick(law.view, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert law.findings_dock.isVisible()
    rows = law.findings.rows
    leak = [r for r in rows if r.category == "withheld"]
    missed = DRAFT.index("Law was detained")
    assert [(r.word, r.start) for r in leak] == [("Law", missed)]
    assert leak[0].person == "Marta Law" and "line 5" in leak[0].where
    # The ordinary word "law" (five times) is no finding: the second reading reads it as one.
    assert len(re.findall(r"\blaw\b", DRAFT)) == 5 and rows == leak
    tree = law.findings.tree
    categories = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [c.text(0).split(" (")[0] for c in categories] == ["Withheld names still in the copy"]
    assert categories[0].text(0).startswith("Withheld names still in the copy (1)")
    tree.setCurrentItem(categories[0].child(0))
    assert law.view.selected_range() == (missed, missed + 3)
    assert "not clean" in law.findings.summary.text()


def test_a_finding_is_found_with_f6_and_enter(qtbot, law):
    only_marta(qtbot, law)
    with qtbot.waitSignal(law.checkFinished, timeout=60_000):
        law.actions.check.trigger()
    focus(qtbot, law.view)
    qtbot.keyClick(law.view, Qt.Key.Key_F6)
    qtbot.keyClick(law.panel.table, Qt.Key.Key_F6)
    tree = law.findings.tree
    assert tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the first category's first finding
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    missed = DRAFT.index("Law was detained")
    assert law.view.selected_range() == (missed, missed + 3)


def test_the_redaction_log_names_no_one_unless_asked(qtbot, law, dialogs, tmp_path: Path):
    only_marta(qtbot, law)
    log = tmp_path / "law.log.csv"
    dialogs.save_paths.append(str(log))
    law.actions.export_log.trigger()
    text = log.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and "Marta" not in text and "original" not in rows[0]
    assert {r["printed"] for r in rows} == {"M.L."}
    assert rows[0]["line"] == "3" and rows[0]["decision"] == "initials for the person"
    law.findings.names_box.setChecked(True)
    named = tmp_path / "law.log.json"
    dialogs.save_paths.append(str(named))
    law.findings.log_button.click()
    assert "Marta Law" in named.read_text(encoding="utf-8")
    assert named.stat().st_mode & 0o077 == 0  # names inside: readable by its owner only


def test_a_clean_copy_says_so(qtbot, law):
    for person in law.review.persons:
        if "Law" not in person.name:
            law.review.set_action(person.id, "placeholder")
    law.review.keep(next(p.id for p in law.review.persons if "Law" in p.name))
    with qtbot.waitSignal(law.checkFinished, timeout=60_000):
        law.exporter.check()
    assert law.findings.rows == []
    assert "no withheld name" in law.findings.summary.text()
    assert law.findings.tree.topLevelItemCount() == 0
