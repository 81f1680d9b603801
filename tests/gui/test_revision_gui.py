"""A reporter's second version: the change on disk is noticed, the draft analysed again, the
review carried over, and what is new listed for review. A saved review of an earlier
version is carried over the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from .gui_helpers import names, person_named
from ui.person_tree import NAME

pytestmark = pytest.mark.model

ADDED = ("\nA neighbour, Hallgerd Vinterberg, 47, said the water reached her windows. "
         "Vinterberg said she would not leave.\n")


def test_a_draft_changed_on_disk_is_analysed_again_and_the_review_carried_over(
        qtbot, opened, flood: Path):
    window = opened
    bertil = person_named(window, "Bertil Gransson")
    window.review.set_action(bertil.id, "initials")
    window.review.keep(person_named(window, "Desmond Pell").id)
    reasons = []
    window.session.watch.changed.connect(lambda: reasons.append(window.exporter.ready_reason()))
    text = flood.read_text(encoding="utf-8")
    flood.write_text(text.replace("Pell did not respond", ADDED + "\nPell did not respond"),
                     encoding="utf-8")
    with qtbot.waitSignal(window.revisionReady, timeout=60_000) as carried:
        pass
    assert reasons and "changed on disk" in reasons[0]  # no export of the old text meanwhile
    assert window.document.text == flood.read_text(encoding="utf-8")
    bertil = person_named(window, "Bertil Gransson")
    assert (bertil.action, bertil.replacement, bertil.reviewed) == ("initials", "B.G.", True)
    assert all(window.document.text[m.start:m.end] == m.text for m in bertil.mentions)
    assert person_named(window, "Desmond Pell").reviewed
    new = person_named(window, "Hallgerd Vinterberg")
    assert not new.reviewed and new.id in carried.args[0].new
    label = window.panel.model.person_index(new.id, NAME).data()
    assert label.endswith("(new)")
    assert "1 new person(s)" in window.statusBar().currentMessage()
    assert window.isWindowModified()  # the carried review is not saved anywhere yet
    assert not window.exporter.ready_reason().startswith("The draft changed")


def test_a_saved_review_of_an_earlier_version_is_carried_over(qtbot, opened, make_window,
                                                                dialogs, flood: Path):
    bertil = person_named(opened, "Bertil Gransson")
    opened.review.set_action(bertil.id, "pseudonym")
    review_file = flood.with_name("flood.review.json")
    dialogs.save_paths.append(str(review_file))
    assert opened.save_review()
    opened.close()
    flood.write_text(flood.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    other = make_window()
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(other.revisionReady, timeout=60_000):
        assert other.open_review(review_file)
    assert "earlier version of flood.txt" in dialogs.last("question")
    bertil = person_named(other, "Bertil Gransson")
    assert (bertil.action, bertil.replacement, bertil.reviewed) == ("pseudonym", "Source A", True)
    assert "Hallgerd Vinterberg" in names(other)
    assert other.review_path == review_file and other.isWindowModified()
