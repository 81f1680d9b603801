"""The persons tree: grouped by risk, states told by icon and words besides colour, Action and
Replacement in view at 1280x800 and 800x600, the replacement each mention will print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from .gui_helpers import person_named
from ui.person_tree import ACTION, NAME, REPLACEMENT, STATE
from ui.review_model import STATES
from ui.states import possible_icon, state_icon, state_label

pytestmark = pytest.mark.model


def groups(window) -> list[tuple[str, list[str]]]:
    model = window.panel.model
    out = []
    for row in range(model.rowCount()):
        group = model.index(row, NAME)
        out.append((group.data(), [model.index(r, NAME, group).data() for r in range(model.rowCount(group))]))
    return out


def test_people_at_risk_are_listed_first_then_public_figures_then_credits(qtbot, opened):
    """Then the possible names: the boatman "Quillby", a lone unfamiliar word, is one."""
    shown = groups(opened)
    assert [title.split(" — ")[0] for title, _ in shown] == [
        "At risk", "Public figures", "Bylines and credits", "Possible names (not sure)"]
    assert shown[0][1] == ["Ysolde", "Bertil Gransson"]
    assert shown[1][1] == ["Desmond Pell"] and shown[2][1] == ["Cora Abernathy"]
    assert shown[3][1] == ["Quillby"]
    assert shown[0][0] == "At risk — 2 person(s), 2 to review"
    assert shown[3][0] == "Possible names (not sure) — 1 name(s), 1 to review"
    table = opened.panel.table
    assert table.isFirstColumnSpanned(0, QModelIndex())  # the group's title runs across


def test_each_state_has_its_own_icon_and_words(qtbot):
    images = [state_icon(state).pixmap(16, 16).toImage().convertToFormat(QImage.Format.Format_Grayscale8)
              for state in STATES]
    images.append(possible_icon().pixmap(16, 16).toImage().convertToFormat(
        QImage.Format.Format_Grayscale8))
    shapes = {bytes(image.constBits()) for image in images}
    assert len(shapes) == len(STATES) + 1  # told apart without any colour, the possible mark too
    assert len({state_label(state) for state in STATES}) == len(STATES)


def test_a_persons_row_shows_state_action_and_replacement_in_words(qtbot, opened):
    model = opened.panel.model
    bertil = person_named(opened, "Bertil Gransson")
    row = model.person_index(bertil.id)
    assert [row.siblingAtColumn(c).data() for c in (NAME, ACTION, REPLACEMENT, STATE)] == [
        "Bertil Gransson", "first name", "Bertil", "to review"]
    assert row.data(Qt.ItemDataRole.DecorationRole) is not None
    opened.review.accept(bertil.id)
    assert model.person_index(bertil.id, STATE).data() == "withheld"
    pell = person_named(opened, "Desmond Pell")
    assert model.person_index(pell.id, REPLACEMENT).data() == "(as written)"
    opened.review.keep(pell.id)
    assert model.person_index(pell.id, STATE).data() == "printed"


def test_each_mention_row_shows_what_the_copy_will_print_and_flags_a_name(qtbot, opened):
    model = opened.panel.model
    bertil = person_named(opened, "Bertil Gransson")
    person = model.person_index(bertil.id)
    rows = [(model.index(r, NAME, person).data(), model.index(r, REPLACEMENT, person).data())
            for r in range(model.rowCount(person))]
    assert rows == [("Bertil Gransson", "Bertil"), ("Gransson", "Bertil")]
    # Ysolde's replacement typed as "Gransson": it prints a surname withheld for Bertil.
    opened.review.set_replacement(person_named(opened, "Ysolde").id, "Gransson")
    ysolde = person_named(opened, "Ysolde")
    index = model.person_index(ysolde.id, REPLACEMENT)
    assert index.data() == "⚠ Gransson"  # a marker besides the colour
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150
    assert model.person_index(ysolde.id, STATE).data() == "prints a name!"
    mention = model.index(0, REPLACEMENT, model.person_index(ysolde.id))
    assert mention.data() == "⚠ Gransson" and "gransson" in mention.data(Qt.ItemDataRole.ToolTipRole)
    span = next(s for s in opened.view.spans() if s.person_id == ysolde.id)
    assert span.state == "attention"


def test_a_mention_row_takes_its_own_replacement(qtbot, opened):
    model = opened.panel.model
    bertil = person_named(opened, "Bertil Gransson")
    mention = model.index(1, REPLACEMENT, model.person_index(bertil.id))
    assert model.setData(mention, "the resident", Qt.ItemDataRole.EditRole)
    bertil = person_named(opened, "Bertil Gransson")
    assert bertil.mentions[1].replacement == "the resident"
    assert model.index(1, ACTION, model.person_index(bertil.id)).data() == "own replacement"


def _visible_columns(window, person_id: str) -> dict[int, bool]:
    table = window.panel.table
    viewport = table.viewport().rect()
    window.panel.select_person(person_id)
    table.scrollTo(window.panel.model.person_index(person_id))
    QApplication.processEvents()
    return {column: viewport.contains(table.visualRect(window.panel.model.person_index(person_id, column)))
            for column in (NAME, ACTION, REPLACEMENT)}


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_action_and_replacement_stay_in_view_and_long_names_elide(qtbot, make_window, tmp_path, size):
    long_name = "Aurelianna Maximiliana Wolkenstein-Trostburg de la Fuente-Oyarzábal"
    draft = tmp_path / "long.txt"
    draft.write_text(f"A protester named {long_name}, 24, said the police came at night.\n"
                     "Minister Oskar Drevland declined to comment.\n", encoding="utf-8")
    window = make_window()
    window.resize(*size)
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(draft)
    QApplication.processEvents()
    assert window.width() == size[0] and window.height() == size[1]
    person = next(p for p in window.review.persons if "Wolkenstein" in p.name)
    visible = _visible_columns(window, person.id)
    assert visible[ACTION] and visible[REPLACEMENT], visible
    table = window.panel.table
    name_rect = table.visualRect(window.panel.model.person_index(person.id, NAME))
    assert name_rect.width() < table.fontMetrics().horizontalAdvance(long_name)  # elided
    assert window.panel.model.person_index(person.id, REPLACEMENT).data() == person.replacement
