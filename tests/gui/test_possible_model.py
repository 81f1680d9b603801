"""The possible names in the review model and the persons tree, without a window or a model:
one undoable dismissal that holds back a name sharing a withheld word, and the grouping."""

from __future__ import annotations

from pathlib import Path

from redactor.decisions import Decisions, Mention, Person
from redactor.documents import Document
from ui.person_tree import NAME, PersonTreeModel
from ui.review_model import ReviewModel

TEXT = "Anna Quarven said Vexley had the boats. Quarven agreed; Vexley left. The Ottlebys stayed."


def mention(word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Mention(start, start + len(word), word)


def review() -> ReviewModel:
    document = Document(Path("d.txt"), TEXT, "utf-8", b"", "0" * 64)
    return ReviewModel(document, Decisions("d.txt", "0" * 64, [
        Person("p1", "Anna Quarven", "private", "first_name", "Anna", [mention("Anna Quarven")]),
        Person("p2", "Vexley", "private", "placeholder", "[name withheld]",
               [mention("Vexley"), mention("Vexley", 1)], tier="possible"),
        Person("p3", "Quarven", "private", "placeholder", "[name withheld]",
               [mention("Quarven", 1)], tier="possible"),
        Person("p4", "Ottlebys", "private", "placeholder", "[name withheld]",
               [mention("Ottlebys")], tier="possible"),
    ]))


def test_dismissal_is_one_undoable_step_that_holds_back_a_withheld_word(qtbot):
    model = review()
    assert [p.id for p in model.possible_left()] == ["p2", "p3", "p4"]
    dismissed, held = model.dismiss_possible()
    assert (dismissed, held) == (["p2", "p4"], ["p3"])  # "Quarven" is Anna's withheld surname
    assert [p.id for p in model.possible_left()] == ["p3"]
    assert model.person("p2").action == "keep" and model.person("p3").action == "placeholder"
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert [p.id for p in model.possible_left()] == ["p2", "p3", "p4"]
    assert model.dismiss_possible() == (["p2", "p4"], ["p3"])
    assert model.dismiss_possible() == ([], ["p3"])  # nothing more: no empty undo step
    assert model.undo_stack.count() == 1


def test_the_tree_lists_possible_names_last_and_a_promoted_one_with_the_persons(qtbot):
    model = review()
    tree = PersonTreeModel()
    tree.set_review(model)

    def shown() -> list[tuple[str, list[str]]]:
        out = []
        for row in range(tree.rowCount()):
            group = tree.index(row, NAME)
            out.append((group.data().split(" — ")[0],
                        [tree.index(r, NAME, group).data() for r in range(tree.rowCount(group))]))
        return out

    assert shown() == [("At risk", ["Anna Quarven"]),
                       ("Possible names (not sure)", ["Vexley", "Quarven", "Ottlebys"])]
    model.accept("p2")  # promoted: withheld as the engine suggested
    assert shown() == [("At risk", ["Anna Quarven", "Vexley"]),
                       ("Possible names (not sure)", ["Quarven", "Ottlebys"])]
    model.keep("p4")  # kept as written: a dismissed possible name, still listed apart
    assert shown()[1] == ("Possible names (not sure)", ["Quarven", "Ottlebys"])
    tree.set_filter(True)  # only needs review: the possible name left still shows
    assert shown() == [("At risk", ["Anna Quarven"]), ("Possible names (not sure)", ["Quarven"])]
