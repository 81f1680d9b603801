"""Stretches outside the story (a scraped page's "Recommended stories", comments): marked from
the keyboard, their names listed apart, cut from the copy or kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .gui_helpers import focus, in_dialog
from redactor.decisions import load_decisions
from ui.person_dialogs import RegionDialog
from ui.person_tree import NAME, STATE

pytestmark = pytest.mark.model

PAGE = """Dockworkers strike in Halvik

HALVIK (AP) — A dock worker named Bezshan said police detained twelve strikers overnight. "We are not afraid," Bezshan said.

Port director Gunnar Aasheim said the strike was illegal.

Recommended stories
Harbour authority names new chief Ottilie Brandvold
Opinion: Why Linnea Marsk thinks the port must change

Comments (2)
Sven Torkildsen: shameful behaviour by the police
Aino Kettunen: stay strong
"""


@pytest.fixture
def page(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(path)
    return window


def mark_tail(qtbot, window, keep: bool = False) -> None:
    """Caret on "Recommended stories", Ctrl+Shift+T, then Enter (cut) or K and Enter (keep)."""
    start = PAGE.index("Recommended")
    window.view.select_range(start + 3, start + 3)
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.reviewing.dialog
    assert isinstance(dialog, RegionDialog)
    in_dialog(qtbot, dialog)
    if keep:
        dialog.cut.setFocus()
        qtbot.keyClick(dialog.cut, Qt.Key.Key_Down)  # arrows move between the two choices
        assert dialog.treatment() == "keep"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def tail_persons(window) -> list:
    start = PAGE.index("Recommended")
    return [p for p in window.review.persons if all(m.start >= start for m in p.mentions)]


def test_the_rest_of_the_page_is_cut_and_its_names_listed_apart(qtbot, page, dialogs, tmp_path):
    in_tail = tail_persons(page)
    assert len(in_tail) >= 3, [p.name for p in page.review.persons]
    mark_tail(qtbot, page)
    region = page.review.regions[0]
    assert (region.start, region.end, region.treatment) == (PAGE.index("Recommended"), len(PAGE), "cut")
    model = page.panel.model
    last = model.index(model.rowCount() - 1, NAME)
    assert last.data().startswith("Outside the story")
    listed = {model.index(r, NAME, last).data() for r in range(model.rowCount(last))}
    assert listed == {p.name for p in in_tail}
    assert {model.index(r, STATE, last).data() for r in range(model.rowCount(last))} == {"cut"}
    assert all(p.reviewed for p in tail_persons(page))
    spans = [s for s in page.view.spans() if s.start >= region.start]
    assert spans and all(s.state == "cut" for s in spans)
    page.review.accept_all()
    out = tmp_path / "page.redacted.txt"
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(page.exportFinished, timeout=60_000):
        page.export()
    copy = out.read_text(encoding="utf-8")
    assert "Recommended" not in copy and "Torkildsen" not in copy and "Aasheim" in copy
    review = tmp_path / "page.review.json"
    dialogs.save_paths.append(str(review))
    assert page.save_review()
    assert load_decisions(review).regions == page.review.regions
    page.actions.undo.trigger()  # accept all
    page.actions.undo.trigger()  # the region
    assert page.review.regions == [] and not any(p.reviewed for p in tail_persons(page))


def test_a_stretch_kept_as_written_prints_its_names(qtbot, page, dialogs, tmp_path):
    mark_tail(qtbot, page, keep=True)
    assert page.review.regions[0].treatment == "keep"
    assert all(p.action == "keep" and p.reviewed for p in tail_persons(page))
    page.review.accept_all()
    out = tmp_path / "page.kept.txt"
    dialogs.save_paths.append(str(out))
    with qtbot.waitSignal(page.exportFinished, timeout=60_000):
        page.export()
    copy = out.read_text(encoding="utf-8")
    assert "Sven Torkildsen: shameful" in copy and "Bezshan said" in copy


def test_a_selected_stretch_can_be_made_part_of_the_story_again(qtbot, page):
    start = PAGE.index("Comments")
    page.view.select_range(start, PAGE.index("stay strong"))
    page.reviewing.mark_outside(False)
    dialog = page.reviewing.dialog
    assert dialog.description.text().startswith("Lines 11–13 (")
    assert "2 person(s) are named only there" in dialog.description.text()
    dialog.accept()
    region = page.review.regions[0]
    assert (region.start, region.end) == (start, len(PAGE))  # whole lines
    page.view.select_range(start + 2, start + 2)
    page.actions.unmark_region.trigger()
    assert page.review.regions == []
